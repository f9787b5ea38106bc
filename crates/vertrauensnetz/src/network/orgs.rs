//! The organisation registry: the coordinators' list and forms, a partner's
//! own organisation page, the public profiles (opt-in), the invitation page
//! on which a new partner account chooses its password.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::common::{self, OrgFields};
use super::model::{self, ActionStatus};
use super::store::{self, Organisation};
use crate::platform::audit::{self, Actor, Entry};
use crate::platform::auth::{self, password, store as accounts, Permission, Role};
use crate::platform::i18n::Tr;
use crate::platform::mail::{self, OutgoingMail};
use crate::platform::topics::Topic;
use crate::platform::web::extract::{CsrfForm, CsrfMultipart};
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

/// An organisation as shown: labels resolved.
pub struct OrgView {
    pub id: Uuid,
    pub name: String,
    pub kind_key: String,
    pub address: String,
    pub city: String,
    pub languages: Vec<String>,
    pub topics: Vec<(String, String)>,
    pub website: String,
    pub description: String,
    pub public_profile: bool,
    pub partner: bool,
    pub has_logo: bool,
}

impl OrgView {
    pub fn new(o: Organisation, t: &Tr) -> OrgView {
        OrgView {
            id: o.organisation_id,
            kind_key: format!("network-org-kind-{}", o.kind),
            address: [o.street.as_str(), &format!("{} {}", o.postcode, o.city)]
                .iter()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
            languages: o
                .language_list()
                .iter()
                .map(|l| common::spoken_name(l).to_owned())
                .collect(),
            topics: o
                .topic_list()
                .into_iter()
                .map(|x| (x.slug().to_owned(), t.t(&x.label_key()).into_owned()))
                .collect(),
            partner: o.status == "partner",
            has_logo: o.logo_type.is_some(),
            name: o.name,
            city: o.city,
            website: o.website,
            description: o.description,
            public_profile: o.public_profile,
        }
    }
}

/// The organisation form's values (kept on errors).
#[derive(Default, Clone)]
pub struct OrgForm {
    pub name: String,
    pub kind: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub website: String,
    pub description: String,
    pub languages: Vec<String>,
    pub topics: Vec<String>,
    pub public_profile: bool,
}

impl OrgForm {
    fn of(o: &Organisation) -> OrgForm {
        OrgForm {
            name: o.name.clone(),
            kind: o.kind.clone(),
            street: o.street.clone(),
            postcode: o.postcode.clone(),
            city: o.city.clone(),
            website: o.website.clone(),
            description: o.description.clone(),
            languages: o.language_list(),
            topics: o.topic_list().iter().map(|t| t.slug().to_owned()).collect(),
            public_profile: o.public_profile,
        }
    }

    fn from_pairs(raw: &[(String, String)]) -> OrgForm {
        let get = |k: &str| {
            raw.iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        let all = |k: &str| {
            raw.iter()
                .filter(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .collect()
        };
        OrgForm {
            name: get("name"),
            kind: get("kind"),
            street: get("street"),
            postcode: get("postcode"),
            city: get("city"),
            website: get("website"),
            description: get("description"),
            languages: all("languages"),
            topics: all("topics"),
            public_profile: get("public_profile") == "on",
        }
    }

    fn check(&self, t: &Tr, errors: &mut FormErrors) -> store::OrgData {
        OrgFields {
            name: &self.name,
            kind: &self.kind,
            street: &self.street,
            postcode: &self.postcode,
            city: &self.city,
            website: &self.website,
            description: &self.description,
            languages: self.languages.iter().map(String::as_str).collect(),
            topics: self.topics.iter().map(String::as_str).collect(),
            public_profile: self.public_profile,
        }
        .check(t, errors)
    }
}

// ---------------------------------------------------------------- coordinators

#[derive(Template)]
#[template(path = "network/staff_orgs.html")]
struct ListPage {
    page: PageCtx,
    orgs: Vec<OrgView>,
    form: OrgForm,
    errors: FormErrors,
    kinds: Vec<(&'static str, String)>,
    topics: Vec<(&'static str, String)>,
    languages: &'static [(&'static str, &'static str)],
}

async fn list_page(
    state: &AppState,
    ctx: &Ctx,
    form: OrgForm,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let orgs = store::organisations(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|o| OrgView::new(o, &t))
        .collect();
    page::render(
        &ListPage {
            page: PageCtx::new(ctx, "network-orgs-title"),
            orgs,
            form,
            errors,
            kinds: common::kind_options(&t),
            topics: common::topic_options(&t),
            languages: common::SPOKEN,
        },
        status,
    )
}

/// `GET /{tenant}/staff/network/organisations`
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    list_page(
        &state,
        &ctx,
        OrgForm::default(),
        FormErrors::new(),
        StatusCode::OK,
    )
    .await
}

/// `POST /{tenant}/staff/network/organisations`: a coordinator registers a
/// partner organisation (e.g. a founding signatory).
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(raw): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageNetwork)?;
    let t = Tr::new(ctx.lang());
    let form = OrgForm::from_pairs(&raw);
    let mut errors = FormErrors::new();
    let data = form.check(&t, &mut errors);
    if !errors.is_empty() {
        return list_page(&state, &ctx, form, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let id = store::create_organisation(&mut tx, tenant.id, &data, now).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "organisation.create", "organisation", id),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!(
        "/{}/staff/network/organisations/{id}",
        tenant.slug
    ))
    .into_response())
}

#[derive(Template)]
#[template(path = "network/org.html")]
struct OrgPage {
    page: PageCtx,
    org: OrgView,
    form: OrgForm,
    errors: FormErrors,
    contacts: Vec<store::Contact>,
    members: Vec<(Uuid, String, String)>,
    kinds: Vec<(&'static str, String)>,
    topics: Vec<(&'static str, String)>,
    languages: &'static [(&'static str, &'static str)],
    /// Where the forms post to: `/…/staff/network/organisations/{id}` or `/…/partner`.
    base: String,
    coordinator: bool,
    agreement: Option<(i32, bool)>,
    actions: Vec<ActionView>,
    releases: Vec<(Uuid, String, i32)>,
    statuses: Vec<(&'static str, String)>,
    notice: Option<String>,
}

pub struct ActionView {
    pub id: Uuid,
    pub title: String,
    pub due: String,
    pub overdue: bool,
    pub status: String,
    pub status_key: String,
    pub evidence: String,
    pub drop_reason: String,
}

pub fn action_view(a: &store::Action, today: &str) -> ActionView {
    ActionView {
        id: a.action_id,
        title: a.title.clone(),
        due: a
            .due_on
            .as_deref()
            .map(common::show_date)
            .unwrap_or_default(),
        overdue: a.overdue(today),
        status: a.status.clone(),
        status_key: a.status().label_key(),
        evidence: a.evidence.clone(),
        drop_reason: a.drop_reason.clone(),
    }
}

#[allow(clippy::too_many_arguments)]
async fn org_page(
    state: &AppState,
    ctx: &Ctx,
    org_id: Uuid,
    coordinator: bool,
    form: Option<OrgForm>,
    errors: FormErrors,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let org = store::organisation(&state.db, tenant.id, org_id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let form = form.unwrap_or_else(|| OrgForm::of(&org));
    let contacts = store::contacts(&state.db, tenant.id, org_id).await?;
    let members = store::members_of(&state.db, tenant.id, org_id).await?;
    let versions = store::agreement_versions(&state.db, tenant.id).await?;
    let signatures = store::signatures(&state.db, tenant.id).await?;
    let agreement = versions.first().map(|v| {
        (
            v.version,
            signatures
                .iter()
                .any(|s| s.organisation_id == org_id && s.version == v.version),
        )
    });
    let today = common::today(state.clock.now(), &tenant.time_zone);
    let actions = store::actions_of_org(&state.db, tenant.id, org_id)
        .await?
        .iter()
        .map(|a| action_view(a, &today))
        .collect();
    let releases = if coordinator {
        Vec::new()
    } else {
        store::releases_for_org(&state.db, tenant.id, org_id)
            .await?
            .into_iter()
            .filter(|r| r.status == "draft")
            .map(|r| (r.release_id, r.title, r.current_version))
            .collect()
    };
    let base = if coordinator {
        format!("/{}/staff/network/organisations/{org_id}", tenant.slug)
    } else {
        format!("/{}/partner", tenant.slug)
    };
    page::render(
        &OrgPage {
            page: PageCtx::new(
                ctx,
                if coordinator {
                    "network-org-title"
                } else {
                    "network-partner-title"
                },
            ),
            org: OrgView::new(org, &t),
            form,
            errors,
            contacts,
            members,
            kinds: common::kind_options(&t),
            topics: common::topic_options(&t),
            languages: common::SPOKEN,
            base,
            coordinator,
            agreement,
            actions,
            releases,
            statuses: ActionStatus::ALL
                .iter()
                .map(|s| (s.as_str(), t.t(&s.label_key()).into_owned()))
                .collect(),
            notice,
        },
        status,
    )
}

/// The organisation page after a successful change.
async fn saved(
    state: &AppState,
    ctx: &Ctx,
    org: Uuid,
    coordinator: bool,
) -> Result<Response, WebError> {
    let notice = Tr::new(ctx.lang()).t("network-saved").into_owned();
    org_page(
        state,
        ctx,
        org,
        coordinator,
        None,
        FormErrors::new(),
        Some(notice),
        StatusCode::OK,
    )
    .await
}

/// The organisation page with the errors of a refused form.
async fn invalid(
    state: &AppState,
    ctx: &Ctx,
    org: Uuid,
    coordinator: bool,
    errors: FormErrors,
) -> Result<Response, WebError> {
    org_page(
        state,
        ctx,
        org,
        coordinator,
        None,
        errors,
        None,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// `GET /{tenant}/staff/network/organisations/{id}`
pub async fn detail(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    org_page(
        &state,
        &ctx,
        common::id(&id)?,
        true,
        None,
        FormErrors::new(),
        None,
        StatusCode::OK,
    )
    .await
}

/// The organisation a request may change: a coordinator names it in the
/// path; a partner always acts for their own.
async fn target(
    state: &AppState,
    ctx: &Ctx,
    id: Option<&str>,
) -> Result<(Uuid, bool, Actor), WebError> {
    let tenant = ctx.tenant()?;
    match id {
        Some(id) => {
            let actor = ctx.staff_actor(Permission::ManageNetwork)?;
            let id = common::id(id)?;
            store::organisation(&state.db, tenant.id, id)
                .await?
                .ok_or_else(WebError::not_found)?;
            Ok((id, true, actor))
        }
        None => {
            let actor = ctx.staff_actor(Permission::ActForOrganisation)?;
            let p = ctx.principal()?;
            // A partner account not (yet) linked to an organisation is not
            // refused: it is told what is missing.
            let org = store::organisation_of_user(&state.db, tenant.id, p.user_id)
                .await?
                .ok_or_else(|| {
                    WebError::new(StatusCode::CONFLICT, "error-conflict")
                        .with_detail(Tr::new(ctx.lang()).t("network-error-no-organisation"))
                })?;
            Ok((org, false, actor))
        }
    }
}

async fn update(
    state: &AppState,
    ctx: &Ctx,
    id: Option<&str>,
    raw: Vec<(String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let (org, coordinator, actor) = target(state, ctx, id).await?;
    let t = Tr::new(ctx.lang());
    let form = OrgForm::from_pairs(&raw);
    let mut errors = FormErrors::new();
    let data = form.check(&t, &mut errors);
    if !errors.is_empty() {
        return org_page(
            state,
            ctx,
            org,
            coordinator,
            Some(form),
            errors,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    store::update_organisation(&mut tx, tenant.id, org, &data).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "organisation.update", "organisation", org),
    )
    .await?;
    tx.commit().await?;
    saved(state, ctx, org, coordinator).await
}

/// `POST /{tenant}/staff/network/organisations/{id}`
pub async fn update_staff(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(raw): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    update(&state, &ctx, Some(&id), raw).await
}

/// `POST /{tenant}/partner`
pub async fn update_own(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(raw): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    update(&state, &ctx, None, raw).await
}

/// `GET /{tenant}/partner`: a partner's own organisation.
pub async fn own(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let (org, _, _) = target(&state, &ctx, None).await?;
    org_page(
        &state,
        &ctx,
        org,
        false,
        None,
        FormErrors::new(),
        None,
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize, Default)]
pub struct ContactForm {
    #[serde(default, rename = "contact_name")]
    name: String,
    #[serde(default, rename = "contact_function")]
    function: String,
    #[serde(default, rename = "contact_email")]
    email: String,
    #[serde(default, rename = "contact_phone")]
    phone: String,
}

async fn add_contact(
    state: &AppState,
    ctx: &Ctx,
    id: Option<&str>,
    form: ContactForm,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let (org, coordinator, actor) = target(state, ctx, id).await?;
    let t = Tr::new(ctx.lang());
    let mut errors = FormErrors::new();
    let name = model::required(&form.name, model::MAX_NAME);
    if name.is_none() {
        errors.add("contact_name", t.t("network-error-contact"));
    }
    let email = form.email.trim().to_owned();
    if !email.is_empty() && !mail::valid_address(&email) {
        errors.add("contact_email", t.t("network-error-email"));
    }
    let function = model::optional(&form.function, model::MAX_LINE);
    let phone = model::optional(&form.phone, 50);
    if function.is_none() || phone.is_none() {
        errors.add("contact_function", t.t("network-error-too-long"));
    }
    let (Some(name), Some(function), Some(phone), true) =
        (name, function, phone, errors.is_empty())
    else {
        return invalid(state, ctx, org, coordinator, errors).await;
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let contact =
        store::add_contact(&mut tx, tenant.id, org, &name, &function, &email, &phone).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "organisation.contact.add", "organisation", org)
            .details(serde_json::json!({ "contact": contact })),
    )
    .await?;
    tx.commit().await?;
    saved(state, ctx, org, coordinator).await
}

/// `POST /{tenant}/staff/network/organisations/{id}/contacts`
pub async fn add_contact_staff(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<ContactForm>,
) -> Result<Response, WebError> {
    add_contact(&state, &ctx, Some(&id), form).await
}

/// `POST /{tenant}/partner/contacts`
pub async fn add_contact_own(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<ContactForm>,
) -> Result<Response, WebError> {
    add_contact(&state, &ctx, None, form).await
}

#[derive(Deserialize)]
pub struct RemoveForm {
    #[serde(default)]
    contact: String,
}

async fn remove_contact(
    state: &AppState,
    ctx: &Ctx,
    id: Option<&str>,
    form: RemoveForm,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let (org, coordinator, actor) = target(state, ctx, id).await?;
    let contact = common::id(&form.contact)?;
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    if !store::remove_contact(&mut tx, tenant.id, org, contact).await? {
        return Err(WebError::not_found());
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "organisation.contact.remove", "organisation", org)
            .details(serde_json::json!({ "contact": contact })),
    )
    .await?;
    tx.commit().await?;
    saved(state, ctx, org, coordinator).await
}

/// `POST /{tenant}/staff/network/organisations/{id}/contacts/remove`
pub async fn remove_contact_staff(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<RemoveForm>,
) -> Result<Response, WebError> {
    remove_contact(&state, &ctx, Some(&id), form).await
}

/// `POST /{tenant}/partner/contacts/remove`
pub async fn remove_contact_own(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<RemoveForm>,
) -> Result<Response, WebError> {
    remove_contact(&state, &ctx, None, form).await
}

async fn upload_logo(
    state: &AppState,
    ctx: &Ctx,
    id: Option<&str>,
    form: CsrfMultipart,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let (org, coordinator, actor) = target(state, ctx, id).await?;
    let t = Tr::new(ctx.lang());
    let mut errors = FormErrors::new();
    let logo = match form.file("logo") {
        None => {
            errors.add("logo", t.t("network-error-logo"));
            None
        }
        Some(f) if f.bytes.len() > model::MAX_LOGO => {
            errors.add("logo", t.t("network-error-logo-size"));
            None
        }
        Some(f) => match model::logo_type(&f.bytes) {
            Some(kind) => Some((f.bytes.as_slice(), kind)),
            None => {
                errors.add("logo", t.t("network-error-logo"));
                None
            }
        },
    };
    let Some(logo) = logo else {
        return invalid(state, ctx, org, coordinator, errors).await;
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    store::set_logo(&mut tx, tenant.id, org, Some(logo)).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "organisation.logo", "organisation", org),
    )
    .await?;
    tx.commit().await?;
    saved(state, ctx, org, coordinator).await
}

/// `POST /{tenant}/staff/network/organisations/{id}/logo`
pub async fn logo_staff(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    form: CsrfMultipart,
) -> Result<Response, WebError> {
    upload_logo(&state, &ctx, Some(&id), form).await
}

/// `POST /{tenant}/partner/logo`
pub async fn logo_own(
    State(state): State<AppState>,
    ctx: Ctx,
    form: CsrfMultipart,
) -> Result<Response, WebError> {
    upload_logo(&state, &ctx, None, form).await
}

#[derive(Deserialize)]
pub struct MemberForm {
    #[serde(default, rename = "member_email")]
    email: String,
    #[serde(default, rename = "member_name")]
    name: String,
}

/// `POST /{tenant}/staff/network/organisations/{id}/members`: gives a person
/// a `partner` account acting for the organisation; a new account is invited
/// by mail to choose its password.
pub async fn add_member(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<MemberForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let (org, _, actor) = target(&state, &ctx, Some(&id)).await?;
    let t = Tr::new(ctx.lang());
    let mut errors = FormErrors::new();
    let email = form.email.trim().to_lowercase();
    if !mail::valid_address(&email) {
        errors.add("member_email", t.t("network-error-email"));
    }
    let name = model::required(&form.name, model::MAX_NAME);
    if name.is_none() {
        errors.add("member_name", t.t("network-error-contact"));
    }
    let (Some(name), true) = (name, errors.is_empty()) else {
        return invalid(&state, &ctx, org, true, errors).await;
    };
    let placeholder = password::hash(password::generate())
        .await
        .map_err(|_| WebError::internal())?;
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let (user, invite) = match accounts::user_by_login_tx(&mut tx, &email).await? {
        Some(u) => {
            accounts::grant_role(&mut tx, tenant.id, u.user_id, Role::Partner, now).await?;
            (u.user_id, None)
        }
        None => {
            let user = accounts::create_user(
                &mut tx,
                tenant.id,
                &email,
                &name,
                &placeholder,
                Role::Partner,
                now,
            )
            .await?;
            let (token, hash) = accounts::new_secret();
            let expires = crate::platform::db::Timestamp(now.0 + chrono::Duration::days(14));
            store::create_invitation(&mut tx, tenant.id, user, &hash, now, expires).await?;
            (
                user,
                Some(ctx.absolute_url(&state, &format!("/{}/welcome/{token}", tenant.slug))),
            )
        }
    };
    store::add_member(&mut tx, tenant.id, org, user).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "organisation.member.add", "organisation", org)
            .details(serde_json::json!({ "user": user })),
    )
    .await?;
    if let Some(link) = invite {
        mail::enqueue(
            &mut tx,
            tenant.id,
            &OutgoingMail {
                to: email,
                subject: t.t1("network-mail-welcome-subject", "city", &tenant.name),
                body_text: format!(
                    "{}\n\n{}\n{link}\n",
                    t.t1("network-mail-greeting", "name", &name),
                    t.t("network-mail-invitation")
                ),
            },
            now,
        )
        .await?;
    }
    tx.commit().await?;
    saved(&state, &ctx, org, true).await
}

#[derive(Deserialize)]
pub struct AcceptForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    signed_by: String,
}

/// `POST /{tenant}/partner/agreement`: the partner accepts the current
/// version of the agreement for its organisation.
pub async fn accept_agreement(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<AcceptForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let (org, _, actor) = target(&state, &ctx, None).await?;
    let p = ctx.principal()?;
    let t = Tr::new(ctx.lang());
    let current = store::agreement_versions(&state.db, tenant.id)
        .await?
        .first()
        .map(|v| v.version);
    let mut errors = FormErrors::new();
    if current.is_none() || form.version.parse::<i32>().ok() != current {
        errors.add("signed_by", t.t("network-agreement-error-version"));
    }
    let signed_by = model::required(&form.signed_by, model::MAX_NAME);
    if signed_by.is_none() {
        errors.add("signed_by", t.t("network-agreement-error-signed-by"));
    }
    let (Some(version), Some(signed_by), true) = (current, signed_by, errors.is_empty()) else {
        return invalid(&state, &ctx, org, false, errors).await;
    };
    let now = state.clock.now_ts();
    let today = common::today(now.0, &tenant.time_zone);
    let mut tx = state.db.begin().await?;
    if store::sign(
        &mut tx,
        tenant.id,
        org,
        version,
        &today,
        &signed_by,
        Some(p.user_id),
        now,
    )
    .await?
    {
        audit::append(
            &mut tx,
            tenant.id,
            now,
            &Entry::new(actor, "agreement.accept", "organisation", org)
                .details(serde_json::json!({ "version": version })),
        )
        .await?;
    }
    tx.commit().await?;
    org_page(
        &state,
        &ctx,
        org,
        false,
        None,
        FormErrors::new(),
        Some(t.t("network-agreement-accepted").into_owned()),
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize)]
pub struct ActionForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    evidence: String,
    #[serde(default)]
    drop_reason: String,
}

/// `POST /{tenant}/partner/actions/{id}`: the owner organisation reports
/// progress on its action item.
pub async fn update_own_action(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<ActionForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let (org, _, actor) = target(&state, &ctx, None).await?;
    let t = Tr::new(ctx.lang());
    let id = common::id(&id)?;
    let mut errors = FormErrors::new();
    let status = ActionStatus::parse(&form.status);
    if status.is_none() {
        errors.add("status", t.t("network-error-action-status"));
    }
    let evidence = model::optional(&form.evidence, 2_000);
    let reason = model::optional(&form.drop_reason, 2_000);
    if evidence.is_none() || reason.is_none() {
        errors.add("status", t.t("network-error-too-long"));
    }
    if status == Some(ActionStatus::Dropped) && reason.as_deref().is_none_or(str::is_empty) {
        errors.add("status", t.t("network-error-drop-reason"));
    }
    let (Some(status), Some(evidence), Some(reason), true) =
        (status, evidence, reason, errors.is_empty())
    else {
        return invalid(&state, &ctx, org, false, errors).await;
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    if !store::update_action(
        &mut tx,
        tenant.id,
        id,
        status,
        &reason,
        &evidence,
        None,
        Some(org),
        now,
    )
    .await?
    {
        return Err(WebError::not_found());
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "action.update", "action_item", id)
            .details(serde_json::json!({ "status": status.as_str() })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/partner#actions", tenant.slug)).into_response())
}

// ---------------------------------------------------------------- public

#[derive(Template)]
#[template(path = "network/public_orgs.html")]
struct PublicListPage {
    page: PageCtx,
    orgs: Vec<OrgView>,
}

/// `GET /{tenant}/network`: the partners that chose a public profile.
pub async fn public_list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let orgs = store::public_organisations(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|o| OrgView::new(o, &t))
        .collect();
    page::ok(&PublicListPage {
        page: PageCtx::new(&ctx, "network-public-title"),
        orgs,
    })
}

#[derive(Template)]
#[template(path = "network/public_org.html")]
struct PublicOrgPage {
    page: PageCtx,
    org: OrgView,
}

/// `GET /{tenant}/network/organisations/{id}`: a public profile (only if
/// the organisation opted in; contacts are never shown).
pub async fn public_profile(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let org = store::organisation(&state.db, tenant.id, common::id(&id)?)
        .await?
        .filter(|o| o.public_profile && o.status == "partner")
        .ok_or_else(WebError::not_found)?;
    let mut page_ctx = PageCtx::new(&ctx, "network-public-title");
    page_ctx.title = org.name.clone();
    page::ok(&PublicOrgPage {
        page: page_ctx,
        org: OrgView::new(org, &t),
    })
}

/// `GET /{tenant}/network/organisations/{id}/logo`: public only with the
/// profile; coordinators and the organisation's members always.
pub async fn logo(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let id = common::id(&id)?;
    let (bytes, kind, public) = store::logo(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    if !public {
        let allowed = match ctx.principal.as_ref() {
            Some(p) if auth::may(Some(p), Permission::ManageNetwork, tenant.id) => true,
            Some(p) => {
                store::organisation_of_user(&state.db, tenant.id, p.user_id).await? == Some(id)
            }
            None => false,
        };
        if !allowed {
            return Err(WebError::not_found());
        }
    }
    let kind = HeaderValue::from_str(&kind).map_err(|_| WebError::internal())?;
    Ok((
        [
            (header::CONTENT_TYPE, kind),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, max-age=300"),
            ),
        ],
        bytes,
    )
        .into_response())
}

// ---------------------------------------------------------------- invitation

#[derive(Template)]
#[template(path = "network/welcome.html")]
struct WelcomePage {
    page: PageCtx,
    valid: bool,
    action: String,
    errors: FormErrors,
}

/// `GET /{tenant}/welcome/{token}`: a new account chooses its password.
pub async fn welcome(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, token)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let valid = token.len() <= 100
        && store::invitation_valid(
            &state.db,
            tenant.id,
            &accounts::secret_hash(&token),
            state.clock.now_ts(),
        )
        .await?;
    let mut res = page::render(
        &WelcomePage {
            page: PageCtx::new(&ctx, "network-welcome-title"),
            valid,
            action: format!("/{}/welcome/{token}", tenant.slug),
            errors: FormErrors::new(),
        },
        if valid {
            StatusCode::OK
        } else {
            StatusCode::NOT_FOUND
        },
    )?;
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}

#[derive(Deserialize)]
pub struct WelcomeForm {
    #[serde(default)]
    new: String,
    #[serde(default)]
    confirm: String,
}

/// `POST /{tenant}/welcome/{token}`
pub async fn welcome_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, token)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<WelcomeForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let t = Tr::new(ctx.lang());
    let mut errors = FormErrors::new();
    if form.new.chars().count() < password::MIN_LENGTH || form.new.len() > 1024 {
        errors.add("new", t.t("account-password-hint"));
    }
    if form.new != form.confirm {
        errors.add("confirm", t.t("account-password-mismatch"));
    }
    if !errors.is_empty() {
        return page::render(
            &WelcomePage {
                page: PageCtx::new(&ctx, "network-welcome-title"),
                valid: true,
                action: format!("/{}/welcome/{token}", tenant.slug),
                errors,
            },
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let hash = password::hash(form.new)
        .await
        .map_err(|_| WebError::internal())?;
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let Some(user) =
        store::use_invitation(&mut tx, tenant.id, &accounts::secret_hash(&token), now).await?
    else {
        return Err(WebError::not_found());
    };
    accounts::set_password(&mut tx, user, &hash, now).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            Actor::Staff {
                user_id: user,
                role: Role::Partner,
            },
            "account.invitation.use",
            "user",
            user,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/login?welcome=1", tenant.slug)).into_response())
}

/// Topic labels of an organisation, for the API.
pub fn topic_slugs(o: &Organisation) -> Vec<String> {
    Topic::split(&o.topics)
        .iter()
        .map(|t| t.slug().to_owned())
        .collect()
}
