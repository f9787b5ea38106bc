//! The module's JSON API (bearer tokens; problem+json on errors).

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::Duration;
use uuid::Uuid;

use super::model::{self, to_local, IncidentInput, Suggestion};
use super::service::{self, AssignOutcome, EditError};
use super::store;
use crate::platform::auth::Permission;
use crate::platform::db::Timestamp;
use crate::platform::i18n::Tr;
use crate::platform::web::extract::ApiJson;
use crate::platform::web::{AppState, Ctx, WebError};

#[derive(serde::Deserialize, utoipa::IntoParams)]
pub struct PatrolQuery {
    /// First day (YYYY-MM-DD, local); default today.
    pub from: Option<String>,
    /// Last day (YYYY-MM-DD, local, inclusive); default from + 7 days.
    pub to: Option<String>,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Member {
    pub service_number: String,
    /// `police` or `kod`.
    pub agency: String,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct PatrolOut {
    pub id: Uuid,
    /// The deployment area's name.
    pub area: String,
    /// `early`, `late` or `night`.
    pub band: String,
    pub starts_at: String,
    pub ends_at: String,
    pub members: Vec<Member>,
}

fn problems(ctx: &Ctx, p: &[model::Problem]) -> WebError {
    let t = Tr::new(ctx.lang());
    WebError::unprocessable(
        p.iter()
            .map(|x| format!("{}: {}", x.field, t.t(x.key)))
            .collect::<Vec<_>>()
            .join("; "),
    )
}

/// Planned (published) joint patrols of a period.
#[utoipa::path(
    get,
    path = "/api/v1/{tenant}/patrols",
    params(("tenant" = String, Path, description = "Tenant slug"), PatrolQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Patrols of published plans starting in the period", body = [PatrolOut]),
        (status = 401, description = "No or an invalid token", body = crate::platform::web::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not dispatcher, police, KOD or committee", body = crate::platform::web::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid dates", body = crate::platform::web::error::Problem, content_type = "application/problem+json")
    )
)]
pub async fn patrols(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<PatrolQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let tz = tenant.time_zone.as_str();
    let today = to_local(state.clock.now(), tz).date();
    let parse = |v: &Option<String>| match v.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => model::parse_day(s)
            .map(Some)
            .ok_or_else(|| WebError::unprocessable(format!("not a date (YYYY-MM-DD): {s}"))),
    };
    let from = parse(&q.from)?.unwrap_or(today);
    let to = parse(&q.to)?.unwrap_or(from + Duration::days(7));
    if to < from || (to - from).num_days() > 366 {
        return Err(WebError::unprocessable(
            "to must be on or after from, at most a year later",
        ));
    }
    let start = Timestamp::from(model::to_utc(
        from.and_hms_opt(0, 0, 0).unwrap_or_default(),
        tz,
    ));
    let end = Timestamp::from(model::to_utc(
        (to + Duration::days(1))
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default(),
        tz,
    ));
    let rows = store::published_patrols(&state.db, tenant.id, start, end).await?;
    let areas = store::areas(&state.db, tenant.id).await?;
    let staff = store::staff(&state.db, tenant.id).await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.patrol_id).collect();
    let members = store::members_of(&state.db, tenant.id, &ids).await?;
    let out: Vec<PatrolOut> = rows
        .iter()
        .map(|r| PatrolOut {
            id: r.patrol_id,
            area: areas
                .iter()
                .find(|a| a.area_id == r.area_id)
                .map(|a| a.name.clone())
                .unwrap_or_default(),
            band: r.band.clone(),
            starts_at: r.starts_at.0.to_rfc3339(),
            ends_at: r.ends_at.0.to_rfc3339(),
            members: members
                .iter()
                .filter(|(p, _)| *p == r.patrol_id)
                .filter_map(|(_, s)| staff.iter().find(|x| x.staff_id == *s))
                .map(|s| Member {
                    service_number: s.service_number.clone(),
                    agency: s.agency.clone(),
                })
                .collect(),
        })
        .collect();
    Ok(crate::accountability::no_store(Json(out).into_response()))
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct IncidentOut {
    pub id: Uuid,
    pub reference: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub priority: i32,
    pub source: String,
    pub lat: Option<f64>,
    #[serde(rename = "long")]
    pub lon: Option<f64>,
    pub address: String,
    pub district_code: Option<String>,
    pub area: Option<String>,
    pub status: String,
    pub created_at: String,
    /// Free units holding the required qualification, fastest first.
    pub suggested_units: Vec<Suggestion>,
    /// What the ranking rests on: `straight_line` (straight line × road
    /// factor), `routing` (driving times from the tenant's routing server)
    /// or `straight_line_fallback` (the routing server failed).
    pub suggestion_basis: model::SuggestionBasis,
}

/// Take an incident; answers with the ranked suggestions.
#[utoipa::path(
    post,
    path = "/api/v1/{tenant}/incidents",
    params(("tenant" = String, Path, description = "Tenant slug")),
    request_body = IncidentInput,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Taken", body = IncidentOut),
        (status = 401, description = "No or an invalid token", body = crate::platform::web::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a dispatcher", body = crate::platform::web::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid incident (no place, unknown type …); nothing stored", body = crate::platform::web::error::Problem, content_type = "application/problem+json")
    )
)]
pub async fn create_incident(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(input): ApiJson<IncidentInput>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let actor = ctx.staff_actor(Permission::Dispatch)?;
    let taken = match service::take_incident(&state, tenant, &input, actor).await? {
        Ok(t) => t,
        Err(p) => return Err(problems(&ctx, &p)),
    };
    let area = match taken.incident.area_id {
        Some(a) => store::areas(&state.db, tenant.id)
            .await?
            .into_iter()
            .find(|x| x.area_id == a)
            .map(|x| x.name),
        None => None,
    };
    let i = taken.incident;
    let mut res = (
        StatusCode::CREATED,
        Json(IncidentOut {
            id: i.incident_id,
            reference: i.reference,
            kind: i.kind,
            priority: i.priority,
            source: i.source,
            lat: i.lat,
            lon: i.lon,
            address: i.address,
            district_code: i.district_code,
            area,
            status: i.status,
            created_at: i.created_at.0.to_rfc3339(),
            suggested_units: taken.suggestions.units,
            suggestion_basis: taken.suggestions.basis,
        }),
    )
        .into_response();
    if let Ok(v) = HeaderValue::from_str(&format!(
        "/{}/staff/dispatch/{}",
        tenant.slug.as_str(),
        i.incident_id
    )) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    Ok(res)
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
pub struct AssignInput {
    pub unit_id: Uuid,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct AssignOut {
    pub assignment_id: Uuid,
    pub incident_id: Uuid,
    pub unit_id: Uuid,
    pub alerted_at: String,
}

/// Alert a unit for an incident.
#[utoipa::path(
    post,
    path = "/api/v1/{tenant}/incidents/{id}/assignments",
    params(("tenant" = String, Path, description = "Tenant slug"), ("id" = Uuid, Path, description = "Incident")),
    request_body = AssignInput,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Alerted", body = AssignOut),
        (status = 404, description = "No such incident", body = crate::platform::web::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Unit busy, lacking the required qualification, or incident closed", body = crate::platform::web::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Unknown unit", body = crate::platform::web::error::Problem, content_type = "application/problem+json")
    )
)]
pub async fn assign(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    ApiJson(input): ApiJson<AssignInput>,
) -> Result<Response, WebError> {
    let id = crate::accountability::parse_id(&id)?;
    let tenant = ctx.tenant()?;
    let actor = ctx.staff_actor(Permission::Dispatch)?;
    let conflict =
        |d: &str| WebError::new(StatusCode::CONFLICT, "error-conflict").with_detail(d.to_owned());
    match service::assign(&state, tenant, id, input.unit_id, actor).await? {
        AssignOutcome::Assigned(a) => Ok((
            StatusCode::CREATED,
            Json(AssignOut {
                assignment_id: a,
                incident_id: id,
                unit_id: input.unit_id,
                alerted_at: state.clock.now_ts().0.to_rfc3339(),
            }),
        )
            .into_response()),
        AssignOutcome::UnitBusy => Err(conflict("the unit is not free (status 1 or 2)")),
        AssignOutcome::UnitUnqualified => {
            Err(conflict("the unit lacks the required qualification"))
        }
        AssignOutcome::IncidentClosed => Err(conflict("the incident is closed")),
    }
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
pub struct StatusInput {
    /// FMS status 1–9.
    pub status: i64,
    pub lat: Option<f64>,
    #[serde(rename = "long")]
    pub lon: Option<f64>,
}

/// Report a unit's FMS status (and position).
#[utoipa::path(
    post,
    path = "/api/v1/{tenant}/units/{id}/status",
    params(("tenant" = String, Path, description = "Tenant slug"), ("id" = Uuid, Path, description = "Unit")),
    request_body = StatusInput,
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Set; the unit's open assignment is stamped"),
        (status = 404, description = "No such unit", body = crate::platform::web::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Status not 1–9 or bad position", body = crate::platform::web::error::Problem, content_type = "application/problem+json")
    )
)]
pub async fn unit_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    ApiJson(input): ApiJson<StatusInput>,
) -> Result<Response, WebError> {
    let id = crate::accountability::parse_id(&id)?;
    let tenant = ctx.tenant()?;
    let status = i32::try_from(input.status)
        .ok()
        .filter(|s| model::FMS.contains(s))
        .ok_or_else(|| WebError::unprocessable("status must be an FMS code 1–9"))?;
    let position = match (input.lat, input.lon) {
        (Some(lat), Some(lon))
            if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) =>
        {
            Some((lat, lon))
        }
        (None, None) => None,
        _ => {
            return Err(WebError::unprocessable(
                "lat and long must both be given and valid",
            ))
        }
    };
    let actor = ctx.staff_actor(Permission::UpdateUnitStatus)?;
    if !service::set_status(&state, tenant, id, status, position, actor).await? {
        return Err(WebError::not_found());
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
pub struct ManualPatrol {
    /// A draft plan.
    pub plan_id: Uuid,
    /// Deployment area by name.
    pub area: String,
    /// YYYY-MM-DD within the plan's period.
    pub day: String,
    /// `early`, `late` or `night`.
    pub band: String,
    /// Service numbers.
    pub members: Vec<String>,
}

/// Add a patrol to a draft plan by hand. Overlapping shifts of a person,
/// unknown areas or service numbers are refused; other broken rules are
/// reported by the plan and block publishing without an override.
#[utoipa::path(
    post,
    path = "/api/v1/{tenant}/patrols",
    params(("tenant" = String, Path, description = "Tenant slug")),
    request_body = ManualPatrol,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Added"),
        (status = 422, description = "Unknown area or person, a day outside the plan, overlapping shifts; nothing stored", body = crate::platform::web::error::Problem, content_type = "application/problem+json")
    )
)]
pub async fn add_patrol(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(input): ApiJson<ManualPatrol>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let actor = ctx.staff_actor(Permission::PlanPatrols)?;
    match service::add_patrol(
        &state,
        tenant,
        input.plan_id,
        &input.area,
        &input.day,
        &input.band,
        &input.members,
        actor,
    )
    .await
    {
        Ok(id) => Ok((StatusCode::CREATED, Json(serde_json::json!({ "id": id }))).into_response()),
        Err(EditError::Problems(p)) => Err(problems(&ctx, &p)),
        Err(EditError::Web(e)) => Err(e),
    }
}

/// The module's part of the API document.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(patrols, create_incident, assign, unit_status, add_patrol),
    components(schemas(
        PatrolOut,
        Member,
        IncidentInput,
        IncidentOut,
        Suggestion,
        AssignInput,
        AssignOut,
        StatusInput,
        ManualPatrol
    ))
)]
pub struct PatrolsApi;
