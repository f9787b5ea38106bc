//! Bodycam activations: metadata only (the system never stores video),
//! entered by the officer; supervisors mark recordings as evidence; a
//! daily job records the deletion of every recording whose retention
//! period ended and that is not evidence, and reduces its metadata.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use chrono::Duration;
use uuid::Uuid;

use super::model::{self, BodycamInput};
use super::{store, Choice, Created, Fields};
use crate::platform::audit::{self, Actor, Entry};
use crate::platform::auth::Permission;
use crate::platform::db::Timestamp;
use crate::platform::i18n::Tr;
use crate::platform::jobs::Job;
use crate::platform::tenants::TenantId;
use crate::platform::web::extract::{ApiJson, CsrfForm};
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

#[derive(Template)]
#[template(path = "accountability/bodycam_form.html")]
struct FormPage {
    page: PageCtx,
    errors: FormErrors,
    form: BodycamInput,
    reasons: Vec<Choice>,
    districts: Vec<String>,
    max_time: String,
    saved: bool,
    retention_days: i64,
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    form: BodycamInput,
    errors: FormErrors,
    status: StatusCode,
    saved: bool,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let page = PageCtx::new(ctx, "acc-bodycam-new-title");
    let reasons = super::choices(&page.t, "acc-reason", &model::BODYCAM_REASONS);
    let tpl = FormPage {
        max_time: model::local(state.clock.now(), &tenant.time_zone, "%Y-%m-%dT%H:%M"),
        districts: super::district_names(state, tenant.id).await?,
        retention_days: store::rules(&state.db, tenant.id).await?.retention_days,
        page,
        errors,
        form,
        reasons,
        saved,
    };
    Ok(super::no_store(page::render(&tpl, status)?))
}

#[derive(serde::Deserialize, Default)]
pub struct SavedQuery {
    #[serde(default)]
    saved: String,
}

/// `GET /{tenant}/staff/bodycam/new`.
pub async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::extract::Query(q): axum::extract::Query<SavedQuery>,
) -> Result<Response, WebError> {
    let tz = ctx.tenant()?.time_zone.clone();
    let form = BodycamInput {
        started_at: model::local(state.clock.now(), &tz, "%Y-%m-%dT%H:%M"),
        announced: true,
        ..BodycamInput::default()
    };
    form_page(
        &state,
        &ctx,
        form,
        FormErrors::new(),
        StatusCode::OK,
        q.saved == "1",
    )
    .await
}

async fn store_activation(
    state: &AppState,
    ctx: &Ctx,
    input: &BodycamInput,
) -> Result<Result<(Uuid, String), Vec<model::Problem>>, WebError> {
    let tenant = ctx.tenant()?;
    let p = ctx.principal()?;
    let agency = super::agency_of(p, tenant.id).ok_or_else(WebError::forbidden)?;
    let districts = super::district_names(state, tenant.id).await?;
    let now = state.clock.now_ts();
    let facts = match input.validate(&tenant.time_zone, now.0, &districts) {
        Ok(f) => f,
        Err(p) => return Ok(Err(p)),
    };
    let rules = store::rules(&state.db, tenant.id).await?;
    let due = Timestamp::truncated(facts.started_at + Duration::days(rules.retention_days));
    let id = Uuid::now_v7();
    let mut tx = state.db.begin().await?;
    store::insert_bodycam(&mut tx, tenant.id, id, agency, &facts, p.user_id, now, due).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            ctx.staff_actor(Permission::RecordForce)?,
            "bodycam.record",
            "bodycam_activation",
            id,
        )
        .details(serde_json::json!({
            "reason": facts.reason,
            "announced": facts.announced,
            "evidence": facts.evidence,
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(Ok((id, format!("BC-{}", &id.simple().to_string()[24..]))))
}

/// `POST /{tenant}/staff/bodycam/new`.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let f = Fields(pairs);
    let input = BodycamInput {
        started_at: f.get("started_at"),
        stopped_at: f.get("stopped_at"),
        reason: f.get("reason"),
        note: f.get("note"),
        district: f.get("district"),
        announced: f.flag("announced"),
        evidence: f.flag("evidence"),
    };
    match store_activation(&state, &ctx, &input).await? {
        Ok(_) => Ok(Redirect::to(&format!(
            "/{}/staff/bodycam/new?saved=1",
            ctx.tenant()?.slug.as_str()
        ))
        .into_response()),
        Err(problems) => {
            let errors = super::form_errors(&Tr::new(ctx.lang()), &problems);
            form_page(
                &state,
                &ctx,
                input,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
                false,
            )
            .await
        }
    }
}

/// Record a bodycam activation (metadata only).
#[utoipa::path(
    post,
    path = "/api/v1/{tenant}/bodycam-activations",
    params(("tenant" = String, Path, description = "Tenant slug")),
    request_body = BodycamInput,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Recorded", body = Created),
        (status = 401, description = "No or an invalid token", body = crate::platform::web::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not police or order service on this tenant", body = crate::platform::web::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid activation; nothing stored", body = crate::platform::web::error::Problem, content_type = "application/problem+json")
    )
)]
pub async fn api_create(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(input): ApiJson<BodycamInput>,
) -> Result<Response, WebError> {
    match store_activation(&state, &ctx, &input).await? {
        Ok((id, reference)) => Ok((
            StatusCode::CREATED,
            Json(Created {
                id,
                reference,
                violations: vec![],
            }),
        )
            .into_response()),
        Err(problems) => Err(super::api_problems(&Tr::new(ctx.lang()), &problems)),
    }
}

pub struct ActivationLine {
    pub id: String,
    pub started: String,
    pub stopped: String,
    pub agency: String,
    pub reason: String,
    pub district: String,
    pub announced: bool,
    pub evidence: bool,
    pub due: String,
    pub deleted: String,
}

#[derive(Template)]
#[template(path = "accountability/bodycam_list.html")]
struct ListPage {
    page: PageCtx,
    active: Vec<ActivationLine>,
    deleted: Vec<ActivationLine>,
    retention_days: i64,
}

/// `GET /{tenant}/staff/bodycam`: activations of the supervised agencies
/// with their deletion dates, and the list of recorded deletions.
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let agencies = super::require_supervisor(&state, &ctx).await?;
    let rows = store::bodycam_of_agencies(&state.db, tenant.id, &agencies).await?;
    let rules = store::rules(&state.db, tenant.id).await?;
    let page = PageCtx::new(&ctx, "acc-bodycam-list-title");
    let tz = tenant.time_zone.as_str();
    let fmt = |t: Timestamp| model::local(t.0, tz, "%d.%m.%Y %H:%M");
    let (mut active, mut deleted) = (Vec::new(), Vec::new());
    for r in rows {
        let l = ActivationLine {
            id: r.activation_id.to_string(),
            started: if r.deleted_at.is_some() {
                model::local(r.started_at.0, tz, "%d.%m.%Y")
            } else {
                fmt(r.started_at)
            },
            stopped: r.stopped_at.map(fmt).unwrap_or_default(),
            agency: super::label(&page.t, "acc-agency", &r.agency),
            reason: super::label(&page.t, "acc-reason", &r.reason),
            district: r.district.clone().unwrap_or_default(),
            announced: r.announced,
            evidence: r.evidence,
            due: fmt(r.delete_due_at),
            deleted: r.deleted_at.map(fmt).unwrap_or_default(),
        };
        if r.deleted_at.is_some() {
            deleted.push(l);
        } else {
            active.push(l);
        }
    }
    Ok(super::no_store(page::ok(&ListPage {
        page,
        active,
        deleted,
        retention_days: rules.retention_days,
    })?))
}

/// `POST /{tenant}/staff/bodycam/{id}/evidence`: a supervisor keeps a
/// recording as evidence (`evidence=true`) or releases it.
pub async fn evidence(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let agencies = super::require_supervisor(&state, &ctx).await?;
    let id = super::parse_id(&id)?;
    let r = store::bodycam(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    if !agencies.contains(&r.agency) {
        return Err(WebError::not_found());
    }
    let keep = Fields(pairs).flag("evidence");
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    if !store::set_evidence(&mut tx, tenant.id, id, keep).await? {
        return Err(WebError::new(StatusCode::CONFLICT, "acc-error-deleted"));
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            ctx.staff_actor(Permission::ReviewForce)?,
            "bodycam.evidence",
            "bodycam_activation",
            id,
        )
        .details(serde_json::json!({ "evidence": keep })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/bodycam", tenant.slug.as_str())).into_response())
}

pub fn jobs(state: &AppState) -> Vec<Job> {
    let s = state.clone();
    vec![Job {
        name: "accountability.bodycam_retention",
        every: chrono::Duration::days(1),
        run: Arc::new(move || {
            let s = s.clone();
            Box::pin(async move { retention(&s).await.map(|_| ()).map_err(|e| e.to_string()) })
        }),
    }]
}

/// Records the deletion of every recording past its deletion date that is
/// not evidence, and reduces its metadata (see `store::reduce_bodycam`).
/// Returns how many. Each deletion is audited.
pub async fn retention(state: &AppState) -> anyhow::Result<usize> {
    let now = state.clock.now_ts();
    let due = store::bodycam_due(&state.db, now).await?;
    let mut n = 0;
    for (tenant, id) in due {
        let tenant_id = TenantId::from_db(tenant);
        let tz = state
            .tenants
            .by_id(tenant_id)
            .map(|t| t.time_zone.clone())
            .unwrap_or_else(|| "Europe/Berlin".to_owned());
        let Some(row) = store::bodycam(&state.db, tenant_id, id).await? else {
            continue;
        };
        let day = model::local(row.started_at.0, &tz, "%Y-%m-%dT00:00");
        let day_start = model::parse_time(&day, &tz)
            .map(Timestamp::truncated)
            .unwrap_or(row.started_at);
        let mut tx = state.db.begin().await?;
        if store::reduce_bodycam(&mut tx, tenant_id, id, day_start, now).await? {
            audit::append(
                &mut tx,
                tenant_id,
                now,
                &Entry::new(Actor::System, "bodycam.delete", "bodycam_activation", id)
                    .details(serde_json::json!({ "reason": "retention" })),
            )
            .await?;
            n += 1;
        }
        tx.commit().await?;
    }
    if n > 0 {
        tracing::info!(
            deleted = n,
            "bodycam recordings past retention recorded as deleted"
        );
    }
    Ok(n)
}
