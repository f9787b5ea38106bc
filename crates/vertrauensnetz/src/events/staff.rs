//! The organisers' pages: every event with its counts, the attendee list
//! with search and check-in (works on a phone), and the CSV export.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::api::local_when;
use super::store;
use crate::platform::audit::{self, Entry};
use crate::platform::auth::Permission;
use crate::platform::web::extract::CsrfForm;
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

pub struct SummaryLine {
    id: Uuid,
    title: String,
    when: String,
    audience_key: String,
    status_key: String,
    places: String,
    waiting: i64,
}

#[derive(Template)]
#[template(path = "events/staff_list.html")]
struct ListPage {
    page: PageCtx,
    events: Vec<SummaryLine>,
}

/// `GET /{tenant}/staff/events`
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let events = store::all_events(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|e| SummaryLine {
            id: e.event_id,
            title: e.title,
            when: local_when(e.starts_at.0, &e.time_zone),
            audience_key: format!("events-audience-{}", e.audience),
            status_key: format!("events-status-{}", e.status),
            places: match e.capacity {
                Some(c) => format!("{} / {c}", e.confirmed),
                None => e.confirmed.to_string(),
            },
            waiting: e.waiting,
        })
        .collect();
    page::ok(&ListPage {
        page: PageCtx::new(&ctx, "events-staff-title"),
        events,
    })
}

pub struct AttendeeLine {
    id: Uuid,
    name: String,
    email: String,
    status: String,
    status_key: String,
    answers: String,
    checked_in: bool,
}

#[derive(Template)]
#[template(path = "events/staff_attendees.html")]
struct AttendeesPage {
    page: PageCtx,
    event_id: Uuid,
    event_title: String,
    status: String,
    status_key: String,
    cancel_reason: String,
    errors: FormErrors,
    query: String,
    confirmed: usize,
    checked_in: usize,
    attendees: Vec<AttendeeLine>,
}

#[derive(Deserialize, Default)]
pub struct Search {
    #[serde(default)]
    q: String,
}

fn answers_text(json: &str) -> String {
    serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(json)
        .map(|m| {
            m.iter()
                .map(|(k, v)| {
                    format!(
                        "{k}: {}",
                        v.as_str()
                            .map(str::to_owned)
                            .unwrap_or_else(|| v.to_string())
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        })
        .unwrap_or_default()
}

async fn event_of(state: &AppState, ctx: &Ctx, id: &str) -> Result<store::Event, WebError> {
    let tenant = ctx.tenant()?;
    let id = Uuid::parse_str(id).map_err(|_| WebError::not_found())?;
    store::event(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::not_found)
}

/// `GET /{tenant}/staff/events/{event}`: the event's state and steps, and
/// its attendees, searchable by name, e-mail or organisation.
pub async fn attendees(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    Query(search): Query<Search>,
) -> Result<Response, WebError> {
    let event = event_of(&state, &ctx, &id).await?;
    attendees_page(
        &state,
        &ctx,
        &event,
        search.q,
        FormErrors::new(),
        StatusCode::OK,
    )
    .await
}

pub async fn attendees_page(
    state: &AppState,
    ctx: &Ctx,
    event: &store::Event,
    query: String,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let all = store::attendees(&state.db, tenant.id, event.event_id).await?;
    let confirmed = all.iter().filter(|a| a.status == "confirmed").count();
    let checked_in = all.iter().filter(|a| a.checked_in_at.is_some()).count();
    let needle = query.trim().to_lowercase();
    let attendees = all
        .into_iter()
        .filter(|a| !matches!(a.status.as_str(), "cancelled" | "expired"))
        .filter(|a| {
            needle.is_empty()
                || a.name.to_lowercase().contains(&needle)
                || a.email.to_lowercase().contains(&needle)
                || a.answers.to_lowercase().contains(&needle)
        })
        .map(|a| AttendeeLine {
            id: a.registration_id,
            name: a.name,
            email: a.email,
            status_key: format!("events-registration-status-{}", a.status),
            status: a.status,
            answers: answers_text(&a.answers),
            checked_in: a.checked_in_at.is_some(),
        })
        .collect();
    let tpl = AttendeesPage {
        page: PageCtx::new(ctx, "events-staff-attendees"),
        event_id: event.event_id,
        event_title: event.title.clone(),
        status: event.status.clone(),
        status_key: format!("events-status-{}", event.status),
        cancel_reason: event.cancel_reason.clone().unwrap_or_default(),
        errors,
        query,
        confirmed,
        checked_in,
        attendees,
    };
    page::render(&tpl, status)
}

/// Spreadsheet programs run cells that start with these as formulas.
fn defuse(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// `GET /{tenant}/staff/events/{event}/attendees.csv`: the attendee list for
/// the organisers (personal data: never cached; the export is audited).
pub async fn export(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageEvents)?;
    let event = event_of(&state, &ctx, &id).await?;
    let all = store::attendees(&state.db, tenant.id, event.event_id).await?;
    let mut w = csv::Writer::from_writer(Vec::new());
    let header = [
        "status",
        "waitlist_position",
        "name",
        "email",
        "answers",
        "registered_at",
        "checked_in_at",
    ];
    w.write_record(header).map_err(|_| WebError::internal())?;
    let mut position = 0;
    for a in all
        .iter()
        .filter(|a| !matches!(a.status.as_str(), "cancelled" | "expired"))
    {
        let pos = if a.status == "waitlisted" {
            position += 1;
            position.to_string()
        } else {
            String::new()
        };
        let row = [
            a.status.clone(),
            pos,
            defuse(&a.name),
            defuse(&a.email),
            defuse(&answers_text(&a.answers)),
            a.created_at.0.to_rfc3339(),
            a.checked_in_at
                .map(|t| t.0.to_rfc3339())
                .unwrap_or_default(),
        ];
        w.write_record(&row).map_err(|_| WebError::internal())?;
    }
    let body = w.into_inner().map_err(|_| WebError::internal())?;
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "event.attendees.export", "event", event.event_id),
    )
    .await?;
    tx.commit().await?;
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"teilnehmende-{}.csv\"",
        event.event_id
    )) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}

#[derive(Deserialize)]
pub struct CheckInForm {
    #[serde(default)]
    checked_in: String,
    #[serde(default)]
    q: String,
}

/// `POST /{tenant}/staff/events/{event}/check-in/{registration}`
pub async fn check_in(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id, registration)): Path<(String, String, String)>,
    CsrfForm(form): CsrfForm<CheckInForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageEvents)?;
    let event = event_of(&state, &ctx, &id).await?;
    let registration = Uuid::parse_str(&registration).map_err(|_| WebError::not_found())?;
    let now = state.clock.now_ts();
    let at = match form.checked_in.as_str() {
        "true" => Some(now),
        "false" => None,
        _ => return Err(WebError::unprocessable("checked_in must be true or false")),
    };
    let mut tx = state.db.begin().await?;
    if !store::set_checked_in(&mut tx, tenant.id, event.event_id, registration, at).await? {
        return Err(WebError::not_found());
    }
    let action = if at.is_some() {
        "event.check_in"
    } else {
        "event.check_in.undo"
    };
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, action, "registration", registration),
    )
    .await?;
    tx.commit().await?;
    let back = format!(
        "/{}/staff/events/{}?q={}#r-{registration}",
        tenant.slug,
        event.event_id,
        crate::platform::web::context::percent_encode(&form.q)
    );
    Ok(Redirect::to(&back).into_response())
}
