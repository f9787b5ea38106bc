//! Bodies of the network (steering group, working groups, round tables)
//! and their members with role and term.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::common;
use super::model::{self, BodyKind, Majority, MemberRole};
use super::store;
use crate::platform::audit::{self, Entry};
use crate::platform::auth::{store as accounts, Permission};
use crate::platform::i18n::Tr;
use crate::platform::web::extract::CsrfForm;
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

pub struct BodyLine {
    id: Uuid,
    name: String,
    kind_key: String,
    members: usize,
    reviews: bool,
}

#[derive(Deserialize, Default, Clone)]
pub struct BodyForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    quorum: String,
    #[serde(default)]
    majority: String,
    #[serde(default)]
    reviews: Option<String>,
}

#[derive(Template)]
#[template(path = "network/staff_bodies.html")]
struct ListPage {
    page: PageCtx,
    bodies: Vec<BodyLine>,
    form: BodyForm,
    errors: FormErrors,
    kinds: Vec<(&'static str, String)>,
    majorities: Vec<(&'static str, String)>,
}

async fn list_page(
    state: &AppState,
    ctx: &Ctx,
    form: BodyForm,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let mut bodies = Vec::new();
    for b in store::bodies(&state.db, tenant.id).await? {
        let members = store::body_members(&state.db, tenant.id, b.body_id)
            .await?
            .len();
        bodies.push(BodyLine {
            id: b.body_id,
            kind_key: format!("network-body-kind-{}", b.kind),
            name: b.name,
            members,
            reviews: b.reviews_applications,
        });
    }
    page::render(
        &ListPage {
            page: PageCtx::new(ctx, "network-bodies-title"),
            bodies,
            form,
            errors,
            kinds: BodyKind::ALL
                .iter()
                .map(|k| (k.as_str(), t.t(&k.label_key()).into_owned()))
                .collect(),
            majorities: Majority::ALL
                .iter()
                .map(|k| (k.as_str(), t.t(&k.label_key()).into_owned()))
                .collect(),
        },
        status,
    )
}

/// `GET /{tenant}/staff/network/bodies`
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let form = BodyForm {
        quorum: "50".into(),
        majority: "simple".into(),
        ..Default::default()
    };
    list_page(&state, &ctx, form, FormErrors::new(), StatusCode::OK).await
}

/// `POST /{tenant}/staff/network/bodies`
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<BodyForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageNetwork)?;
    let t = Tr::new(ctx.lang());
    let mut errors = FormErrors::new();
    let name = model::required(&form.name, model::MAX_NAME);
    if name.is_none() {
        errors.add("name", t.t("network-error-name"));
    }
    let kind = BodyKind::parse(&form.kind);
    if kind.is_none() {
        errors.add("kind", t.t("network-error-kind"));
    }
    let quorum = form
        .quorum
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|q| (1..=100).contains(q));
    if quorum.is_none() {
        errors.add("quorum", t.t("network-error-quorum-value"));
    }
    let majority = Majority::parse(&form.majority);
    if majority.is_none() {
        errors.add("majority", t.t("network-error-majority"));
    }
    let description = model::optional(&form.description, model::MAX_TEXT).unwrap_or_default();
    let (Some(name), Some(kind), Some(quorum), Some(majority), true) =
        (name, kind, quorum, majority, errors.is_empty())
    else {
        return list_page(&state, &ctx, form, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let id = store::create_body(
        &mut tx,
        tenant.id,
        kind.as_str(),
        &name,
        &description,
        quorum,
        majority.as_str(),
        form.reviews.is_some(),
        now,
    )
    .await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "body.create", "body", id),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/network/bodies/{id}", tenant.slug)).into_response())
}

pub struct MemberLine {
    id: Uuid,
    name: String,
    organisation: String,
    org_kind_key: String,
    role_key: String,
    term: String,
    account: bool,
}

#[derive(Deserialize, Default, Clone)]
pub struct MemberForm {
    #[serde(default)]
    person_name: String,
    #[serde(default)]
    login: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    term_from: String,
    #[serde(default)]
    term_until: String,
}

#[derive(Template)]
#[template(path = "network/staff_body.html")]
struct DetailPage {
    page: PageCtx,
    body: store::Body,
    kind_key: String,
    majority_key: String,
    members: Vec<MemberLine>,
    kinds_present: usize,
    orgs: Vec<(Uuid, String)>,
    roles: Vec<(&'static str, String)>,
    form: MemberForm,
    errors: FormErrors,
}

async fn detail_page(
    state: &AppState,
    ctx: &Ctx,
    id: Uuid,
    form: MemberForm,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let body = store::body(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let members: Vec<store::Member> = store::body_members(&state.db, tenant.id, id).await?;
    let mut kinds: Vec<&str> = members
        .iter()
        .filter_map(|m| m.organisation_kind.as_deref())
        .collect();
    kinds.sort();
    kinds.dedup();
    let kinds_present = kinds.len();
    let members = members
        .iter()
        .map(|m| MemberLine {
            id: m.member_id,
            name: m.person_name.clone(),
            organisation: m.organisation_name.clone().unwrap_or_default(),
            org_kind_key: m
                .organisation_kind
                .as_ref()
                .map(|k| format!("network-org-kind-{k}"))
                .unwrap_or_default(),
            role_key: format!("network-member-role-{}", m.role),
            term: match &m.term_until {
                Some(u) => format!(
                    "{} – {}",
                    common::show_date(&m.term_from),
                    common::show_date(u)
                ),
                None => format!("{} –", common::show_date(&m.term_from)),
            },
            account: m.user_id.is_some(),
        })
        .collect();
    let orgs = store::organisations(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|o| (o.organisation_id, o.name))
        .collect();
    page::render(
        &DetailPage {
            page: PageCtx::new(ctx, "network-body-title"),
            kind_key: format!("network-body-kind-{}", body.kind),
            majority_key: format!("network-majority-{}", body.majority),
            body,
            members,
            kinds_present,
            orgs,
            roles: MemberRole::ALL
                .iter()
                .map(|r| (r.as_str(), t.t(&r.label_key()).into_owned()))
                .collect(),
            form,
            errors,
        },
        status,
    )
}

/// `GET /{tenant}/staff/network/bodies/{id}`
pub async fn detail(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let form = MemberForm {
        role: "member".into(),
        term_from: common::today(state.clock.now(), &tenant.time_zone),
        ..Default::default()
    };
    detail_page(
        &state,
        &ctx,
        common::id(&id)?,
        form,
        FormErrors::new(),
        StatusCode::OK,
    )
    .await
}

/// `POST /{tenant}/staff/network/bodies/{id}/members`
pub async fn add_member(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<MemberForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageNetwork)?;
    let id = common::id(&id)?;
    store::body(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let t = Tr::new(ctx.lang());
    let mut errors = FormErrors::new();
    let name = model::required(&form.person_name, model::MAX_NAME);
    if name.is_none() {
        errors.add("person_name", t.t("network-error-contact"));
    }
    let role = MemberRole::parse(&form.role);
    if role.is_none() {
        errors.add("role", t.t("network-error-role"));
    }
    let from = common::iso_date(&form.term_from).ok().flatten();
    if from.is_none() {
        errors.add("term_from", t.t("network-error-date"));
    }
    let until = match common::iso_date(&form.term_until) {
        Ok(u) => u,
        Err(common::BadDate) => {
            errors.add("term_until", t.t("network-error-date"));
            None
        }
    };
    if let (Some(f), Some(u)) = (&from, &until) {
        if u < f {
            errors.add("term_until", t.t("network-error-term"));
        }
    }
    let org = match form.organisation.trim() {
        "" => None,
        s => match Uuid::parse_str(s) {
            Ok(o)
                if store::organisation(&state.db, tenant.id, o)
                    .await?
                    .is_some() =>
            {
                Some(o)
            }
            _ => {
                errors.add("organisation", t.t("network-error-organisation"));
                None
            }
        },
    };
    // The account that votes for this member: must exist and act on this tenant.
    let user = match form.login.trim() {
        "" => None,
        login => match accounts::user_by_login(&state.db, login).await? {
            Some(u)
                if accounts::grants(&state.db, u.user_id)
                    .await?
                    .iter()
                    .any(|(tid, _)| *tid == tenant.id) =>
            {
                Some(u.user_id)
            }
            _ => {
                errors.add("login", t.t("network-error-login"));
                None
            }
        },
    };
    let (Some(name), Some(role), Some(from), true) = (name, role, from, errors.is_empty()) else {
        return detail_page(
            &state,
            &ctx,
            id,
            form,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let member = store::add_body_member(
        &mut tx,
        tenant.id,
        id,
        user,
        &name,
        org,
        role.as_str(),
        &from,
        until.as_deref(),
    )
    .await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "body.member.add", "body", id)
            .details(serde_json::json!({ "member": member, "role": role.as_str() })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/network/bodies/{id}", tenant.slug)).into_response())
}

#[derive(Deserialize)]
pub struct RemoveForm {
    #[serde(default)]
    member: String,
}

/// `POST /{tenant}/staff/network/bodies/{id}/members/remove`
pub async fn remove_member(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<RemoveForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageNetwork)?;
    let id = common::id(&id)?;
    let member = common::id(&form.member)?;
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    if !store::remove_body_member(&mut tx, tenant.id, id, member).await? {
        return Err(WebError::not_found());
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "body.member.remove", "body", id)
            .details(serde_json::json!({ "member": member })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/network/bodies/{id}", tenant.slug)).into_response())
}
