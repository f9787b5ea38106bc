//! The network's JSON API (a public contract, in the OpenAPI document):
//! organisations, an application's status, measures, published releases,
//! and the press-release workflow for machine clients.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::model::{self, PressDecision};
use super::press::{self, Refused};
use super::{common, measures, orgs, store};
use crate::platform::audit::{self, Entry};
use crate::platform::auth::{self, store as accounts, Permission};
use crate::platform::i18n::{Lang, Tr};
use crate::platform::web::error::Problem;
use crate::platform::web::extract::ApiJson;
use crate::platform::web::{AppState, Ctx, WebError};

/// An organisation. `contacts` only for coordinators and the organisation's
/// own members.
#[derive(Serialize, ToSchema)]
pub struct OrganisationView {
    pub id: Uuid,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub languages: Vec<String>,
    pub topics: Vec<String>,
    pub website: String,
    pub description: String,
    pub public_profile: bool,
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contacts: Option<Vec<ContactView>>,
}

#[derive(Serialize, ToSchema)]
pub struct ContactView {
    pub name: String,
    pub function: String,
    pub email: String,
    pub phone: String,
}

fn org_view(o: store::Organisation, contacts: Option<Vec<ContactView>>) -> OrganisationView {
    OrganisationView {
        id: o.organisation_id,
        topics: orgs::topic_slugs(&o),
        languages: o.language_list(),
        name: o.name,
        kind: o.kind,
        street: o.street,
        postcode: o.postcode,
        city: o.city,
        website: o.website,
        description: o.description,
        public_profile: o.public_profile,
        status: o.status,
        contacts,
    }
}

fn coordinator(ctx: &Ctx) -> bool {
    ctx.tenant
        .as_ref()
        .is_some_and(|t| auth::may(ctx.principal.as_ref(), Permission::ManageNetwork, t.id))
}

/// List organisations: everyone sees the public profiles, coordinators all.
#[utoipa::path(
    get,
    path = "/api/v1/{tenant}/organisations",
    params(("tenant" = String, Path, description = "Tenant slug")),
    responses((status = 200, description = "Organisations", body = [OrganisationView]))
)]
pub async fn organisations(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let list = if coordinator(&ctx) {
        store::organisations(&state.db, tenant.id).await?
    } else {
        store::public_organisations(&state.db, tenant.id).await?
    };
    Ok(Json(
        list.into_iter()
            .map(|o| org_view(o, None))
            .collect::<Vec<_>>(),
    )
    .into_response())
}

/// One organisation (contacts for coordinators and its own members).
#[utoipa::path(
    get,
    path = "/api/v1/{tenant}/organisations/{id}",
    params(("tenant" = String, Path, description = "Tenant slug"), ("id" = Uuid, Path, description = "Organisation")),
    responses(
        (status = 200, description = "The organisation", body = OrganisationView),
        (status = 404, description = "Not found or not public", body = Problem, content_type = "application/problem+json")
    )
)]
pub async fn organisation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let id = common::id(&id)?;
    let org = store::organisation(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let own = match ctx.principal.as_ref() {
        Some(p) if auth::may(Some(p), Permission::ActForOrganisation, tenant.id) => {
            store::organisation_of_user(&state.db, tenant.id, p.user_id).await? == Some(id)
        }
        _ => false,
    };
    let privileged = coordinator(&ctx) || own;
    if !(privileged || (org.public_profile && org.status == "partner")) {
        return Err(WebError::not_found());
    }
    let contacts = if privileged {
        Some(
            store::contacts(&state.db, tenant.id, id)
                .await?
                .into_iter()
                .map(|c| ContactView {
                    name: c.name,
                    function: c.function,
                    email: c.email,
                    phone: c.phone,
                })
                .collect(),
        )
    } else {
        None
    };
    Ok(Json(org_view(org, contacts)).into_response())
}

/// An application's status as its private link shows it.
#[derive(Serialize, ToSchema)]
pub struct ApplicationStatus {
    /// `interest`, `submitted`, `in_review`, `accepted` or `rejected`.
    pub status: String,
    pub organisation: String,
    pub decision_reason: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
}

/// The status of an application, by its private token (no account).
#[utoipa::path(
    get,
    path = "/api/v1/{tenant}/applications/{token}",
    params(("tenant" = String, Path, description = "Tenant slug"), ("token" = String, Path, description = "The private token of the applicant's link")),
    responses(
        (status = 200, description = "Status", body = ApplicationStatus),
        (status = 404, description = "No such application", body = Problem, content_type = "application/problem+json")
    )
)]
pub async fn application_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, token)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    if token.len() > 100 {
        return Err(WebError::not_found());
    }
    let app = store::application_by_token(&state.db, tenant.id, &accounts::secret_hash(&token))
        .await?
        .ok_or_else(WebError::not_found)?;
    let mut res = Json(ApplicationStatus {
        status: app.status,
        organisation: app.org_name,
        decision_reason: app.decision_reason,
        decided_at: app.decided_at.map(|d| d.0),
    })
    .into_response();
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}

#[derive(Serialize, ToSchema)]
pub struct ActionView {
    pub id: Uuid,
    pub title: String,
    pub owner: String,
    /// ISO date (`DD.MM.YYYY` as shown on the pages is not used here).
    pub due: String,
    pub overdue: bool,
    /// `open`, `in_progress`, `done` or `dropped`.
    pub status: String,
    pub evidence: String,
    pub drop_reason: String,
}

#[derive(Serialize, ToSchema)]
pub struct MeasureView {
    pub id: Uuid,
    pub title: String,
    pub description: String,
    pub done: usize,
    pub total: usize,
    pub actions: Vec<ActionView>,
}

#[derive(Serialize, ToSchema)]
pub struct GoalView {
    pub id: Uuid,
    pub position: i32,
    pub title: String,
    pub description: String,
    pub measures: Vec<MeasureView>,
}

/// Goals, measures and action items with progress (public; no internal notes).
#[utoipa::path(
    get,
    path = "/api/v1/{tenant}/measures",
    params(("tenant" = String, Path, description = "Tenant slug")),
    responses((status = 200, description = "The accountability record", body = [GoalView]))
)]
pub async fn measures_record(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Response, WebError> {
    let goals = measures::record(&state, &ctx, false).await?;
    Ok(Json(
        goals
            .into_iter()
            .map(|g| GoalView {
                id: g.id,
                position: g.position,
                title: g.title,
                description: g.description,
                measures: g
                    .measures
                    .into_iter()
                    .map(|m| MeasureView {
                        id: m.id,
                        title: m.title,
                        description: m.description,
                        done: m.done,
                        total: m.total,
                        actions: m
                            .actions
                            .into_iter()
                            .map(|a| ActionView {
                                id: a.id,
                                title: a.title,
                                owner: a.owner,
                                due: a.due,
                                overdue: a.overdue,
                                status: a.status,
                                evidence: a.evidence,
                                drop_reason: a.drop_reason,
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect::<Vec<_>>(),
    )
    .into_response())
}

/// A press release.
#[derive(Serialize, ToSchema)]
pub struct ReleaseView {
    pub id: Uuid,
    pub lang: String,
    /// `draft` or `published`.
    pub status: String,
    pub version: i32,
    pub title: String,
    pub body: String,
    pub published_at: Option<DateTime<Utc>>,
}

fn release_view(r: store::Release) -> ReleaseView {
    ReleaseView {
        id: r.release_id,
        lang: r.lang,
        status: r.status,
        version: r.published_version.unwrap_or(r.current_version),
        title: r.title,
        body: r.body,
        published_at: r.published_at.map(|p| p.0),
    }
}

/// Published joint press releases, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/{tenant}/news",
    params(("tenant" = String, Path, description = "Tenant slug")),
    responses((status = 200, description = "Published releases", body = [ReleaseView]))
)]
pub async fn news(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let list = store::published_releases(&state.db, tenant.id, 200).await?;
    Ok(Json(list.into_iter().map(release_view).collect::<Vec<_>>()).into_response())
}

/// A new draft.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReleaseInput {
    pub title: String,
    pub body: String,
    /// Language tag of the text (default `de`).
    pub lang: Option<String>,
    /// The organisations that must approve; leave out for all partners.
    pub approvers: Option<Vec<Uuid>>,
}

/// An edit: a new version (resets every approval).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EditInput {
    pub title: String,
    pub body: String,
}

/// A partner's decision on a version.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionInput {
    /// The version the decision is about; refused if it is no longer current.
    pub version: i32,
    /// `approve` or `object`.
    pub decision: String,
    #[serde(default)]
    pub comment: String,
}

/// Publication of a version.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PublishInput {
    pub version: i32,
}

fn refusal(ctx: &Ctx, r: Refused) -> WebError {
    let t = Tr::new(ctx.lang());
    let detail = match r {
        Refused::MissingApprovals(n) => t.tn(r.key(), "n", n),
        other => t.t(other.key()).into_owned(),
    };
    match r {
        Refused::NotFound => WebError::not_found(),
        Refused::NotApprover => WebError::forbidden().with_detail(detail),
        _ => WebError::new(StatusCode::CONFLICT, "error-conflict").with_detail(detail),
    }
}

fn check_text(title: &str, body: &str) -> Result<(String, String), WebError> {
    let mut problems = Vec::new();
    let t = model::required(title, model::MAX_NAME);
    if t.is_none() {
        problems.push(format!(
            "title must have 1 to {} characters on one line",
            model::MAX_NAME
        ));
    }
    let b = model::required_text(body, press::MAX_BODY);
    if b.is_none() {
        problems.push(format!(
            "body must have 1 to {} characters",
            press::MAX_BODY
        ));
    }
    match (t, b) {
        (Some(t), Some(b)) => Ok((t, b)),
        _ => Err(WebError::unprocessable(problems.join("; "))),
    }
}

/// Create a draft press release (coordinators).
#[utoipa::path(
    post,
    path = "/api/v1/{tenant}/press-releases",
    params(("tenant" = String, Path, description = "Tenant slug")),
    request_body = ReleaseInput,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Created", body = ReleaseView),
        (status = 422, description = "Invalid input", body = Problem, content_type = "application/problem+json")
    )
)]
pub async fn create_release(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(input): ApiJson<ReleaseInput>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageNetwork)?;
    let p = ctx.principal()?;
    let (title, body) = check_text(&input.title, &input.body)?;
    let lang = match input.lang.as_deref() {
        None => Lang::De,
        Some(l) => Lang::parse(l)
            .ok_or_else(|| WebError::unprocessable("lang must be a language of the platform"))?,
    };
    let partners: Vec<Uuid> = store::organisations(&state.db, tenant.id)
        .await?
        .into_iter()
        .filter(|o| o.status == "partner")
        .map(|o| o.organisation_id)
        .collect();
    let approvers = match input.approvers {
        None => partners,
        Some(list) => {
            if list.iter().any(|a| !partners.contains(a)) {
                return Err(WebError::unprocessable(
                    "approvers must be partner organisations of this tenant",
                ));
            }
            let mut l = list;
            l.sort();
            l.dedup();
            l
        }
    };
    if approvers.is_empty() {
        return Err(WebError::unprocessable(
            "the approval set must not be empty",
        ));
    }
    let approver_users = press::approver_accounts(&state, tenant.id, &approvers).await?;
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let id = store::create_release(
        &mut tx,
        tenant.id,
        lang.tag(),
        &title,
        &body,
        &approvers,
        Some(p.user_id),
        now,
    )
    .await?;
    crate::platform::notifications::notify(
        &mut tx,
        tenant.id,
        &approver_users,
        "notification-press",
        &title,
        &format!("/{}/staff/network/press/{id}", tenant.slug),
        now,
    )
    .await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "press.create", "press_release", id)
            .details(serde_json::json!({ "approvers": approvers.len() })),
    )
    .await?;
    tx.commit().await?;
    let r = store::release_current(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::internal)?;
    Ok((StatusCode::CREATED, Json(release_view(r))).into_response())
}

/// Read a press release: published ones for everyone; drafts for
/// coordinators and the partners of its approval set.
#[utoipa::path(
    get,
    path = "/api/v1/{tenant}/press-releases/{id}",
    params(("tenant" = String, Path, description = "Tenant slug"), ("id" = Uuid, Path, description = "Release")),
    responses((status = 200, description = "The release (current version)", body = ReleaseView))
)]
pub async fn show_release(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let id = common::id(&id)?;
    let r = store::release_current(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    if r.status != "published" && !coordinator(&ctx) {
        let org = match ctx.principal.as_ref() {
            Some(p) => store::organisation_of_user(&state.db, tenant.id, p.user_id).await?,
            None => None,
        };
        let approver = match org {
            Some(o) => store::approvals(&state.db, tenant.id, id, r.current_version)
                .await?
                .iter()
                .any(|a| a.organisation_id == o),
            None => false,
        };
        if !approver {
            return Err(WebError::not_found());
        }
    }
    Ok(Json(release_view(r)).into_response())
}

/// Edit a draft (coordinators): a new version; every approval resets.
#[utoipa::path(
    put,
    path = "/api/v1/{tenant}/press-releases/{id}",
    params(("tenant" = String, Path, description = "Tenant slug"), ("id" = Uuid, Path, description = "Release")),
    request_body = EditInput,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The new version", body = ReleaseView),
        (status = 409, description = "Already published", body = Problem, content_type = "application/problem+json")
    )
)]
pub async fn edit_release(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    ApiJson(input): ApiJson<EditInput>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageNetwork)?;
    let p = ctx.principal()?;
    let id = common::id(&id)?;
    let (title, body) = check_text(&input.title, &input.body)?;
    press::edit(&state, tenant.id, actor, p.user_id, id, &title, &body)
        .await?
        .map_err(|r| refusal(&ctx, r))?;
    let r = store::release_current(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::internal)?;
    Ok(Json(release_view(r)).into_response())
}

/// A partner's decision for their organisation on the current version.
#[utoipa::path(
    post,
    path = "/api/v1/{tenant}/press-releases/{id}/decisions",
    params(("tenant" = String, Path, description = "Tenant slug"), ("id" = Uuid, Path, description = "Release")),
    request_body = DecisionInput,
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Recorded"),
        (status = 403, description = "The organisation is not in the approval set", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The version is no longer current, or the release is published", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid decision", body = Problem, content_type = "application/problem+json")
    )
)]
pub async fn decide_release(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    ApiJson(input): ApiJson<DecisionInput>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ActForOrganisation)?;
    let p = ctx.principal()?;
    let id = common::id(&id)?;
    let decision = PressDecision::parse(&input.decision)
        .ok_or_else(|| WebError::unprocessable("decision must be approve or object"))?;
    let comment = model::optional(&input.comment, 5_000)
        .ok_or_else(|| WebError::unprocessable("comment must have at most 5000 characters"))?;
    if decision == PressDecision::Object && comment.is_empty() {
        return Err(WebError::unprocessable("an objection needs a comment"));
    }
    press::decide(
        &state,
        tenant.id,
        actor,
        p.user_id,
        id,
        input.version,
        decision,
        &comment,
    )
    .await?
    .map_err(|r| refusal(&ctx, r))?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Publish a version (coordinators): only if every organisation of the
/// approval set approved exactly this version, checked in the publishing
/// transaction.
#[utoipa::path(
    post,
    path = "/api/v1/{tenant}/press-releases/{id}/publish",
    params(("tenant" = String, Path, description = "Tenant slug"), ("id" = Uuid, Path, description = "Release")),
    request_body = PublishInput,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Published", body = ReleaseView),
        (status = 409, description = "Approvals missing, version no longer current, or already published", body = Problem, content_type = "application/problem+json")
    )
)]
pub async fn publish_release(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    ApiJson(input): ApiJson<PublishInput>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageNetwork)?;
    let id = common::id(&id)?;
    press::publish(&state, tenant.id, actor, id, input.version)
        .await?
        .map_err(|r| refusal(&ctx, r))?;
    let r = store::release(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::internal)?;
    Ok(Json(release_view(r)).into_response())
}
