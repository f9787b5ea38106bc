//! Applications to join the network: the public declaration of interest,
//! the application with its statutes, the automatic eligibility check, the
//! steering group's review with comments and votes, the decision, and the
//! applicant's private status page.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::common::{self, OrgFields};
use super::model::{self, AppStatus, Majority, Outcome, Tally, Vote};
use super::store::{self, Application};
use crate::platform::audit::{self, Actor, Entry};
use crate::platform::auth::{self, password, store as accounts, Permission, Role};
use crate::platform::i18n::Tr;
use crate::platform::mail::{self, OutgoingMail};
use crate::platform::topics::Topic;
use crate::platform::web::extract::{CsrfForm, CsrfMultipart};
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

// ---------------------------------------------------------------- interest

#[derive(Deserialize, Default, Clone)]
pub struct InterestForm {
    #[serde(default)]
    org_name: String,
    #[serde(default)]
    contact_name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    city: String,
}

#[derive(Template)]
#[template(path = "network/join.html")]
struct JoinPage {
    page: PageCtx,
    form: InterestForm,
    errors: FormErrors,
}

/// `GET /{tenant}/network/join`: the declaration of interest.
pub async fn join_form(ctx: Ctx) -> Result<Response, WebError> {
    ctx.tenant()?;
    page::ok(&JoinPage {
        page: PageCtx::new(&ctx, "network-join-title"),
        form: InterestForm::default(),
        errors: FormErrors::new(),
    })
}

/// `POST /{tenant}/network/join`
pub async fn join(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<InterestForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let t = Tr::new(ctx.lang());
    let mut errors = FormErrors::new();
    let org = model::required(&form.org_name, model::MAX_NAME);
    if org.is_none() {
        errors.add("org_name", t.t("network-error-name"));
    }
    let contact = model::required(&form.contact_name, model::MAX_NAME);
    if contact.is_none() {
        errors.add("contact_name", t.t("network-error-contact"));
    }
    let email = form.email.trim().to_owned();
    if !mail::valid_address(&email) {
        errors.add("email", t.t("network-error-email"));
    }
    let city = model::required(&form.city, model::MAX_LINE);
    if city.is_none() {
        errors.add("city", t.t("network-error-city"));
    }
    let (Some(org), Some(contact), Some(city)) = (org, contact, city) else {
        return render_join(&ctx, form, errors);
    };
    if !errors.is_empty() {
        return render_join(&ctx, form, errors);
    }
    let (token, hash) = accounts::new_secret();
    let eligible = model::same_city(&city, &tenant.name);
    let now = state.clock.now_ts();
    let link = ctx.absolute_url(
        &state,
        &format!("/{}/network/applications/{token}", tenant.slug),
    );
    let mut tx = state.db.begin().await?;
    let id = store::declare_interest(
        &mut tx,
        tenant.id,
        &hash,
        ctx.lang().tag(),
        &org,
        &contact,
        &email,
        &city,
        eligible,
        now,
    )
    .await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(Actor::Anonymous, "application.interest", "application", id),
    )
    .await?;
    let body = format!(
        "{}\n\n{}\n\n{}\n{link}\n",
        t.t1("network-mail-greeting", "name", &contact),
        t.t1("network-mail-interest-body", "organisation", &org),
        t.t("network-mail-private-link"),
    );
    mail::enqueue(
        &mut tx,
        tenant.id,
        &OutgoingMail {
            to: email,
            subject: t.t1("network-mail-interest-subject", "city", &tenant.name),
            body_text: body,
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/network/applications/{token}", tenant.slug)).into_response())
}

fn render_join(ctx: &Ctx, form: InterestForm, errors: FormErrors) -> Result<Response, WebError> {
    page::render(
        &JoinPage {
            page: PageCtx::new(ctx, "network-join-title"),
            form,
            errors,
        },
        StatusCode::UNPROCESSABLE_ENTITY,
    )
}

// ---------------------------------------------------------------- private page

/// What the applicant typed into the application form (kept on errors).
#[derive(Default)]
pub struct ApplicationForm {
    org_name: String,
    kind: String,
    street: String,
    postcode: String,
    city: String,
    website: String,
    contact_name: String,
    contact_function: String,
    email: String,
    phone: String,
    languages: Vec<String>,
    topics: Vec<String>,
    motivation: String,
}

#[derive(Template)]
#[template(path = "network/application.html")]
struct StatusPage {
    page: PageCtx,
    app: Application,
    status_key: String,
    steps: Vec<(String, bool)>,
    form: ApplicationForm,
    errors: FormErrors,
    kinds: Vec<(&'static str, String)>,
    topics: Vec<(&'static str, String)>,
    languages: &'static [(&'static str, &'static str)],
    max_mb: usize,
    action: String,
}

async fn by_token(state: &AppState, ctx: &Ctx, token: &str) -> Result<Application, WebError> {
    let tenant = ctx.tenant()?;
    if token.len() > 100 {
        return Err(WebError::not_found());
    }
    store::application_by_token(&state.db, tenant.id, &accounts::secret_hash(token))
        .await?
        .ok_or_else(WebError::not_found)
}

fn status_page(
    ctx: &Ctx,
    token: &str,
    app: Application,
    form: ApplicationForm,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let t = Tr::new(ctx.lang());
    let s = app.status();
    let reached = |step: AppStatus| -> bool {
        let order = [
            AppStatus::Interest,
            AppStatus::Submitted,
            AppStatus::InReview,
            AppStatus::Accepted,
        ];
        let pos = |x: AppStatus| match x {
            AppStatus::Rejected => 3,
            other => order.iter().position(|o| *o == other).unwrap_or(0),
        };
        pos(s) >= pos(step)
    };
    let steps = [
        AppStatus::Interest,
        AppStatus::Submitted,
        AppStatus::InReview,
    ]
    .into_iter()
    .map(|st| (t.t(&st.label_key()).into_owned(), reached(st)))
    .chain(std::iter::once((
        t.t("network-app-step-decision").into_owned(),
        matches!(s, AppStatus::Accepted | AppStatus::Rejected),
    )))
    .collect();
    let form = if form.org_name.is_empty() && errors.is_empty() {
        ApplicationForm {
            org_name: app.org_name.clone(),
            city: app.city.clone(),
            contact_name: app.contact_name.clone(),
            email: app.contact_email.clone(),
            ..form
        }
    } else {
        form
    };
    let mut res = page::render(
        &StatusPage {
            page: PageCtx::new(ctx, "network-app-title"),
            status_key: s.label_key(),
            steps,
            form,
            errors,
            kinds: common::kind_options(&t),
            topics: common::topic_options(&t),
            languages: common::SPOKEN,
            max_mb: model::MAX_STATUTES / (1024 * 1024),
            action: format!("/{}/network/applications/{token}", ctx.tenant()?.slug),
            app,
        },
        status,
    )?;
    // A private page: not for caches, not for referrers.
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}

/// `GET /{tenant}/network/applications/{token}`: the applicant's private
/// page: the status, the application form while it is due, the reason of a
/// decision.
pub async fn status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, token)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let app = by_token(&state, &ctx, &token).await?;
    status_page(
        &ctx,
        &token,
        app,
        ApplicationForm::default(),
        FormErrors::new(),
        StatusCode::OK,
    )
}

/// `POST /{tenant}/network/applications/{token}`: the application itself
/// (multipart, with the statutes as PDF).
pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, token)): Path<(String, String)>,
    form: CsrfMultipart,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let app = by_token(&state, &ctx, &token).await?;
    let t = Tr::new(ctx.lang());
    let kept = ApplicationForm {
        org_name: form.text("name").to_owned(),
        kind: form.text("kind").to_owned(),
        street: form.text("street").to_owned(),
        postcode: form.text("postcode").to_owned(),
        city: form.text("city").to_owned(),
        website: form.text("website").to_owned(),
        contact_name: form.text("contact_name").to_owned(),
        contact_function: form.text("contact_function").to_owned(),
        email: form.text("email").to_owned(),
        phone: form.text("phone").to_owned(),
        languages: form
            .all("languages")
            .into_iter()
            .map(str::to_owned)
            .collect(),
        topics: form.all("topics").into_iter().map(str::to_owned).collect(),
        motivation: form.text("motivation").to_owned(),
    };
    if app.status() != AppStatus::Interest {
        let mut errors = FormErrors::new();
        errors.add("name", t.t("network-error-already-submitted"));
        return status_page(&ctx, &token, app, kept, errors, StatusCode::CONFLICT);
    }
    let mut errors = FormErrors::new();
    let data = OrgFields {
        name: form.text("name"),
        kind: form.text("kind"),
        street: form.text("street"),
        postcode: form.text("postcode"),
        city: form.text("city"),
        website: form.text("website"),
        description: "",
        languages: form.all("languages"),
        topics: form.all("topics"),
        public_profile: false,
    }
    .check(&t, &mut errors);
    let contact_name = model::required(form.text("contact_name"), model::MAX_NAME);
    if contact_name.is_none() {
        errors.add("contact_name", t.t("network-error-contact"));
    }
    let function = model::optional(form.text("contact_function"), model::MAX_LINE);
    let phone = model::optional(form.text("phone"), 50);
    if function.is_none() || phone.is_none() {
        errors.add("contact_function", t.t("network-error-too-long"));
    }
    let email = form.text("email").trim().to_owned();
    if !mail::valid_address(&email) {
        errors.add("email", t.t("network-error-email"));
    }
    let motivation = model::required_text(form.text("motivation"), model::MAX_TEXT);
    if motivation.is_none() {
        errors.add("motivation", t.t("network-error-motivation"));
    }
    match form.file("statutes") {
        None => errors.add("statutes", t.t("network-error-statutes-missing")),
        Some(f) if f.bytes.len() > model::MAX_STATUTES => errors.add(
            "statutes",
            t.tn(
                "network-error-statutes-size",
                "mb",
                (model::MAX_STATUTES / (1024 * 1024)) as i64,
            ),
        ),
        Some(f) if !model::is_pdf(&f.bytes) => {
            errors.add("statutes", t.t("network-error-statutes-type"))
        }
        Some(_) => {}
    }
    let (Some(statutes), Some(contact_name), Some(motivation), true) = (
        form.file("statutes"),
        contact_name,
        motivation,
        errors.is_empty(),
    ) else {
        return status_page(
            &ctx,
            &token,
            app,
            kept,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let file_name: String = statutes
        .file_name
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '/' | '\\' | '"'))
        .take(100)
        .collect();
    let eligible = model::same_city(&data.city, &tenant.name);
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let stored = store::submit_application(
        &mut tx,
        tenant.id,
        app.application_id,
        &data,
        (
            &contact_name,
            &function.unwrap_or_default(),
            &email,
            &phone.unwrap_or_default(),
        ),
        &motivation,
        (&statutes.bytes, &file_name),
        eligible,
        now,
    )
    .await?;
    if !stored {
        // Someone submitted in between: nothing changes.
        let mut errors = FormErrors::new();
        errors.add("name", t.t("network-error-already-submitted"));
        drop(tx);
        let app = by_token(&state, &ctx, &token).await?;
        return status_page(&ctx, &token, app, kept, errors, StatusCode::CONFLICT);
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            Actor::Anonymous,
            "application.submit",
            "application",
            app.application_id,
        )
        .details(serde_json::json!({ "eligible": eligible })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/network/applications/{token}", tenant.slug)).into_response())
}

// ---------------------------------------------------------------- review

pub struct AppLine {
    id: Uuid,
    org_name: String,
    city: String,
    status_key: String,
    eligible: bool,
    created: String,
}

#[derive(Template)]
#[template(path = "network/staff_applications.html")]
struct ListPage {
    page: PageCtx,
    apps: Vec<AppLine>,
}

/// `GET /{tenant}/staff/network/applications` (coordinators).
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let apps = store::applications(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|a| AppLine {
            id: a.application_id,
            status_key: a.status().label_key(),
            eligible: a.eligible || a.eligibility_override.is_some(),
            created: common::local_date(a.created_at.0, &tenant.time_zone),
            org_name: a.org_name,
            city: a.city,
        })
        .collect();
    page::ok(&ListPage {
        page: PageCtx::new(&ctx, "network-apps-title"),
        apps,
    })
}

/// Who is looking at an application under review.
struct Reviewer {
    coordinator: bool,
    /// Member of the reviewing body (entitled to vote today).
    voter: bool,
}

async fn reviewer(state: &AppState, ctx: &Ctx, app: &Application) -> Result<Reviewer, WebError> {
    let tenant = ctx.tenant()?;
    let p = ctx.principal()?;
    let coordinator = auth::may(Some(p), Permission::ManageNetwork, tenant.id);
    let mut member = false;
    let mut voter = false;
    if let Some(body) = app.body_id {
        let today = common::today(state.clock.now(), &tenant.time_zone);
        for m in store::body_members(&state.db, tenant.id, body).await? {
            if m.user_id == Some(p.user_id) {
                member = true;
                voter |= store::entitled(&m, &today);
            }
        }
    }
    if !coordinator && !member {
        return Err(WebError::forbidden());
    }
    Ok(Reviewer { coordinator, voter })
}

pub struct VoteLine {
    name: String,
    vote_key: String,
}

#[derive(Template)]
#[template(path = "network/staff_application.html")]
struct DetailPage {
    page: PageCtx,
    app: Application,
    status_key: String,
    kind_key: String,
    topics: Vec<String>,
    languages: Vec<String>,
    coordinator: bool,
    voter: bool,
    my_vote: Option<String>,
    tally: Option<Tally>,
    majority_key: String,
    quorum_met: bool,
    votes: Vec<VoteLine>,
    comments: Vec<(String, String, String)>,
    bodies: Vec<(Uuid, String)>,
    body_name: String,
    notice: Option<String>,
    errors: FormErrors,
    submitted: String,
}

async fn detail_page(
    state: &AppState,
    ctx: &Ctx,
    app: Application,
    notice: Option<String>,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let who = reviewer(state, ctx, &app).await?;
    let p = ctx.principal()?;
    let today = common::today(state.clock.now(), &tenant.time_zone);
    let all_votes = store::votes(&state.db, tenant.id, app.application_id).await?;
    let my_vote = all_votes
        .iter()
        .find(|v| v.user_id == p.user_id)
        .map(|v| format!("network-vote-{}", v.vote));
    let (tally, majority_key, body_name) = match app.body_id {
        Some(b) => match store::body(&state.db, tenant.id, b).await? {
            Some(body) => {
                // A page view reads; only deciding counts under the lock.
                let members = store::body_members(&state.db, tenant.id, b).await?;
                let cast: Vec<(Uuid, String)> = all_votes
                    .iter()
                    .map(|v| (v.user_id, v.vote.clone()))
                    .collect();
                (
                    Some(store::tally_of(&body, &members, &cast, &today)),
                    format!("network-majority-{}", body.majority),
                    body.name,
                )
            }
            None => (None, String::new(), String::new()),
        },
        None => (None, String::new(), String::new()),
    };
    let quorum_met = tally.is_some_and(|t| t.cast() >= t.quorum);
    // Each member's vote is for the coordinators; members see the count
    // and their own vote.
    let votes = if who.coordinator {
        all_votes
            .into_iter()
            .map(|v| VoteLine {
                name: v.display_name,
                vote_key: format!("network-vote-{}", v.vote),
            })
            .collect()
    } else {
        Vec::new()
    };
    let comments = store::comments(&state.db, tenant.id, app.application_id)
        .await?
        .into_iter()
        .map(|c| {
            (
                c.display_name,
                crate::events::api::local_when(c.created_at.0, &tenant.time_zone),
                c.body,
            )
        })
        .collect();
    let bodies = if who.coordinator {
        store::bodies(&state.db, tenant.id)
            .await?
            .into_iter()
            .filter(|b| b.reviews_applications)
            .map(|b| (b.body_id, b.name))
            .collect()
    } else {
        Vec::new()
    };
    let submitted = app
        .submitted_at
        .map(|s| common::local_date(s.0, &tenant.time_zone))
        .unwrap_or_default();
    let tpl = DetailPage {
        page: PageCtx::new(ctx, "network-app-review-title"),
        status_key: app.status().label_key(),
        kind_key: format!("network-org-kind-{}", app.kind),
        topics: Topic::split(&app.topics)
            .into_iter()
            .map(|x| t.t(&x.label_key()).into_owned())
            .collect(),
        languages: app
            .languages
            .split_whitespace()
            .map(|l| common::spoken_name(l).to_owned())
            .collect(),
        coordinator: who.coordinator,
        voter: who.voter,
        my_vote,
        tally,
        majority_key,
        quorum_met,
        votes,
        comments,
        bodies,
        body_name,
        notice,
        errors,
        submitted,
        app,
    };
    page::render(&tpl, status)
}

async fn app_of(state: &AppState, ctx: &Ctx, id: &str) -> Result<Application, WebError> {
    let tenant = ctx.tenant()?;
    store::application(&state.db, tenant.id, common::id(id)?)
        .await?
        .ok_or_else(WebError::not_found)
}

/// `GET /{tenant}/staff/network/applications/{id}`: coordinators and the
/// members of the reviewing body.
pub async fn detail(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let app = app_of(&state, &ctx, &id).await?;
    detail_page(&state, &ctx, app, None, FormErrors::new(), StatusCode::OK).await
}

/// `GET /{tenant}/staff/network/applications/{id}/statutes.pdf`
pub async fn statutes(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let app = app_of(&state, &ctx, &id).await?;
    reviewer(&state, &ctx, &app).await?;
    let (bytes, _) = store::statutes(&state.db, tenant.id, app.application_id)
        .await?
        .ok_or_else(WebError::not_found)?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/pdf"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"statutes.pdf\""),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        bytes,
    )
        .into_response())
}

fn redirect_detail(ctx: &Ctx, id: Uuid) -> Result<Response, WebError> {
    Ok(Redirect::to(&format!(
        "/{}/staff/network/applications/{id}",
        ctx.tenant()?.slug
    ))
    .into_response())
}

#[derive(Deserialize)]
pub struct ReasonForm {
    #[serde(default)]
    reason: String,
}

/// `POST …/{id}/eligibility`: the coordinator overrides a failed check.
pub async fn override_eligibility(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<ReasonForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let actor = ctx.staff_actor(Permission::ManageNetwork)?;
    let app = app_of(&state, &ctx, &id).await?;
    let t = Tr::new(ctx.lang());
    let Some(reason) = model::required_text(&form.reason, model::MAX_LINE) else {
        let mut errors = FormErrors::new();
        errors.add("reason", t.t("network-error-reason"));
        return detail_page(
            &state,
            &ctx,
            app,
            None,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    store::override_eligibility(&mut tx, tenant.id, app.application_id, &reason).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            actor,
            "application.eligibility.override",
            "application",
            app.application_id,
        )
        .details(serde_json::json!({ "reason": reason })),
    )
    .await?;
    tx.commit().await?;
    redirect_detail(&ctx, app.application_id)
}

#[derive(Deserialize)]
pub struct ReviewForm {
    #[serde(default)]
    body: String,
}

/// `POST …/{id}/review`: the coordinator hands a submitted, eligible
/// application to a reviewing body; its members are told by mail.
pub async fn open_review(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<ReviewForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageNetwork)?;
    let app = app_of(&state, &ctx, &id).await?;
    let t = Tr::new(ctx.lang());
    let mut errors = FormErrors::new();
    if app.status() != AppStatus::Submitted {
        errors.add("body", t.t("network-error-not-submitted"));
    } else if !app.eligible && app.eligibility_override.is_none() {
        errors.add("body", t.t("network-error-not-eligible"));
    }
    let body = match Uuid::parse_str(&form.body) {
        Ok(b) => store::body(&state.db, tenant.id, b)
            .await?
            .filter(|b| b.reviews_applications),
        Err(_) => None,
    };
    if body.is_none() && errors.is_empty() {
        errors.add("body", t.t("network-error-body"));
    }
    let Some(body) = body.filter(|_| errors.is_empty()) else {
        return detail_page(
            &state,
            &ctx,
            app,
            None,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let members = store::body_members(&state.db, tenant.id, body.body_id).await?;
    let now = state.clock.now_ts();
    let link = ctx.absolute_url(
        &state,
        &format!(
            "/{}/staff/network/applications/{}",
            tenant.slug, app.application_id
        ),
    );
    let mut tx = state.db.begin().await?;
    let Some(locked) = store::lock_application(&mut tx, tenant.id, app.application_id).await?
    else {
        return Err(WebError::not_found());
    };
    if locked.status() != AppStatus::Submitted {
        drop(tx);
        return redirect_detail(&ctx, app.application_id);
    }
    store::open_review(&mut tx, tenant.id, app.application_id, body.body_id).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            actor,
            "application.review.open",
            "application",
            app.application_id,
        )
        .details(serde_json::json!({ "body": body.body_id })),
    )
    .await?;
    let reviewers: Vec<Uuid> = members
        .iter()
        .filter(|m| m.role != "guest")
        .filter_map(|m| m.user_id)
        .collect();
    crate::platform::notifications::notify(
        &mut tx,
        tenant.id,
        &reviewers,
        "notification-review",
        &app.org_name,
        &format!(
            "/{}/staff/network/applications/{}",
            tenant.slug, app.application_id
        ),
        now,
    )
    .await?;
    for m in members.iter().filter(|m| m.role != "guest") {
        let Some(user) = m.user_id else { continue };
        let Some(account) = accounts::user_by_id(&state.db, user).await? else {
            continue;
        };
        if !mail::valid_address(&account.login) {
            continue;
        }
        mail::enqueue(
            &mut tx,
            tenant.id,
            &OutgoingMail {
                to: account.login,
                subject: t.t1("network-mail-review-subject", "organisation", &app.org_name),
                body_text: format!(
                    "{}\n\n{}\n{link}\n",
                    t.t1("network-mail-greeting", "name", &m.person_name),
                    t.t1("network-mail-review-body", "body", &body.name),
                ),
            },
            now,
        )
        .await?;
    }
    tx.commit().await?;
    redirect_detail(&ctx, app.application_id)
}

#[derive(Deserialize)]
pub struct CommentForm {
    #[serde(default)]
    comment: String,
}

/// `POST …/{id}/comments`: coordinators and reviewing members discuss.
pub async fn comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<CommentForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let app = app_of(&state, &ctx, &id).await?;
    reviewer(&state, &ctx, &app).await?;
    let p = ctx.principal()?;
    let t = Tr::new(ctx.lang());
    let Some(text) = model::required_text(&form.comment, 5_000) else {
        let mut errors = FormErrors::new();
        errors.add("comment", t.t("network-error-comment"));
        return detail_page(
            &state,
            &ctx,
            app,
            None,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let now = state.clock.now_ts();
    let role = p.roles_on(tenant.id).next().unwrap_or(Role::Partner);
    let mut tx = state.db.begin().await?;
    store::add_comment(
        &mut tx,
        tenant.id,
        app.application_id,
        p.user_id,
        &text,
        now,
    )
    .await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            Actor::Staff {
                user_id: p.user_id,
                role,
            },
            "application.comment",
            "application",
            app.application_id,
        ),
    )
    .await?;
    tx.commit().await?;
    redirect_detail(&ctx, app.application_id)
}

#[derive(Deserialize)]
pub struct VoteForm {
    #[serde(default)]
    vote: String,
}

/// `POST …/{id}/vote`: one vote per entitled member of the reviewing body.
pub async fn vote(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<VoteForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let app = app_of(&state, &ctx, &id).await?;
    let who = reviewer(&state, &ctx, &app).await?;
    let p = ctx.principal()?;
    let t = Tr::new(ctx.lang());
    let mut errors = FormErrors::new();
    let vote = Vote::parse(&form.vote);
    if !who.voter {
        errors.add("vote", t.t("network-error-not-member"));
    } else if app.status() != AppStatus::InReview {
        errors.add("vote", t.t("network-error-not-in-review"));
    } else if vote.is_none() {
        errors.add("vote", t.t("network-error-vote"));
    }
    let Some(vote) = vote.filter(|_| errors.is_empty()) else {
        let status = if who.voter {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::FORBIDDEN
        };
        return detail_page(&state, &ctx, app, None, errors, status).await;
    };
    let now = state.clock.now_ts();
    let role = p.roles_on(tenant.id).next().unwrap_or(Role::Partner);
    let mut tx = state.db.begin().await?;
    let locked = store::lock_application(&mut tx, tenant.id, app.application_id).await?;
    let open = locked.is_some_and(|a| a.status() == AppStatus::InReview);
    let recorded =
        open && store::vote(&mut tx, tenant.id, app.application_id, p.user_id, vote, now).await?;
    if !recorded {
        drop(tx);
        let mut errors = FormErrors::new();
        errors.add(
            "vote",
            t.t(if open {
                "network-error-second-vote"
            } else {
                "network-error-not-in-review"
            }),
        );
        let app = app_of(&state, &ctx, &id).await?;
        return detail_page(&state, &ctx, app, None, errors, StatusCode::CONFLICT).await;
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            Actor::Staff {
                user_id: p.user_id,
                role,
            },
            "application.vote",
            "application",
            app.application_id,
        )
        .details(serde_json::json!({ "vote": vote.as_str() })),
    )
    .await?;
    tx.commit().await?;
    redirect_detail(&ctx, app.application_id)
}

/// `POST …/{id}/decision`: the coordinator records the decision the votes
/// reached, with a reason. Refused while the quorum is not met (counted in
/// the same transaction). An accepted organisation becomes a partner with an
/// account for its contact, invited by mail to choose a password and accept
/// the agreement.
pub async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<ReasonForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageNetwork)?;
    let app = app_of(&state, &ctx, &id).await?;
    let t = Tr::new(ctx.lang());
    let Some(reason) = model::required_text(&form.reason, 5_000) else {
        let mut errors = FormErrors::new();
        errors.add("reason", t.t("network-error-reason"));
        return detail_page(
            &state,
            &ctx,
            app,
            None,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    // A new partner account gets an unusable random password until its
    // invitation is used (hashed before the transaction: no lock is held
    // during the key derivation).
    let placeholder = password::hash(password::generate())
        .await
        .map_err(|_| WebError::internal())?;
    let now = state.clock.now_ts();
    let today = common::today(state.clock.now(), &tenant.time_zone);
    let mut tx = state.db.begin().await?;
    let locked = store::lock_application(&mut tx, tenant.id, app.application_id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let outcome = match (locked.status(), locked.body_id) {
        (AppStatus::InReview, Some(body)) => {
            match store::tally_tx(&mut tx, tenant.id, locked.application_id, body, &today).await? {
                Some((tally, b)) => {
                    tally.outcome(Majority::parse(&b.majority).unwrap_or(Majority::Simple))
                }
                None => Outcome::QuorumNotMet,
            }
        }
        _ => {
            drop(tx);
            let mut errors = FormErrors::new();
            errors.add("reason", t.t("network-error-not-in-review"));
            return detail_page(&state, &ctx, app, None, errors, StatusCode::CONFLICT).await;
        }
    };
    let status = match outcome {
        Outcome::QuorumNotMet => {
            drop(tx);
            let mut errors = FormErrors::new();
            errors.add("reason", t.t("network-error-quorum"));
            return detail_page(&state, &ctx, app, None, errors, StatusCode::CONFLICT).await;
        }
        Outcome::Accepted => AppStatus::Accepted,
        Outcome::Rejected => AppStatus::Rejected,
    };
    let applicant_t = Tr::new(common::mail_lang(&locked.lang));
    let mut org_id = None;
    let mut invitation = None;
    if status == AppStatus::Accepted {
        let data = store::OrgData {
            name: locked.org_name.clone(),
            kind: model::OrgKind::parse(&locked.kind),
            street: locked.street.clone(),
            postcode: locked.postcode.clone(),
            city: locked.city.clone(),
            languages: locked
                .languages
                .split_whitespace()
                .map(str::to_owned)
                .collect(),
            topics: Topic::split(&locked.topics),
            website: locked.website.clone(),
            description: String::new(),
            public_profile: false,
        };
        let org = store::create_organisation(&mut tx, tenant.id, &data, now).await?;
        store::add_contact(
            &mut tx,
            tenant.id,
            org,
            &locked.contact_name,
            &locked.contact_function,
            &locked.contact_email,
            &locked.contact_phone,
        )
        .await?;
        let user = match accounts::user_by_login_tx(&mut tx, &locked.contact_email).await? {
            Some(u) => {
                accounts::grant_role(&mut tx, tenant.id, u.user_id, Role::Partner, now).await?;
                u.user_id
            }
            None => {
                accounts::create_user(
                    &mut tx,
                    tenant.id,
                    &locked.contact_email,
                    &locked.contact_name,
                    &placeholder,
                    Role::Partner,
                    now,
                )
                .await?
            }
        };
        store::add_member(&mut tx, tenant.id, org, user).await?;
        let (token, hash) = accounts::new_secret();
        let expires = crate::platform::db::Timestamp(now.0 + chrono::Duration::days(14));
        store::create_invitation(&mut tx, tenant.id, user, &hash, now, expires).await?;
        invitation = Some(ctx.absolute_url(&state, &format!("/{}/welcome/{token}", tenant.slug)));
        org_id = Some(org);
        audit::append(
            &mut tx,
            tenant.id,
            now,
            &Entry::new(actor, "organisation.create", "organisation", org)
                .details(serde_json::json!({ "application": locked.application_id })),
        )
        .await?;
    }
    store::record_decision(
        &mut tx,
        tenant.id,
        locked.application_id,
        status,
        &reason,
        org_id,
        now,
    )
    .await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            actor,
            "application.decide",
            "application",
            locked.application_id,
        )
        .details(serde_json::json!({ "decision": status.as_str() })),
    )
    .await?;
    let mut body = format!(
        "{}\n\n{}\n\n{}:\n{}\n",
        applicant_t.t1("network-mail-greeting", "name", &locked.contact_name),
        applicant_t.t1(
            &format!("network-mail-{}-body", status.as_str()),
            "organisation",
            &locked.org_name
        ),
        applicant_t.t("network-app-reason"),
        reason,
    );
    if let Some(link) = invitation {
        body.push_str(&format!(
            "\n{}\n{link}\n",
            applicant_t.t("network-mail-invitation")
        ));
    }
    mail::enqueue(
        &mut tx,
        tenant.id,
        &OutgoingMail {
            to: locked.contact_email.clone(),
            subject: applicant_t.t1("network-mail-decision-subject", "city", &tenant.name),
            body_text: body,
        },
        now,
    )
    .await?;
    tx.commit().await?;
    redirect_detail(&ctx, locked.application_id)
}
