//! Calendars (RFC 5545): the tenant's public events as one feed, and each
//! event as its own file, generated with the `icalendar` crate.
//!
//! Times are written in UTC (`…Z`, RFC 5545 form 2): the instant is exact on
//! both sides of a daylight-saving change and every client shows it in its
//! own zone; `X-WR-TIMEZONE` names the tenant's zone for display. UIDs are
//! stable (`<event id>@<tenant>.vertrauensnetz`), so an update or a
//! cancellation (`STATUS:CANCELLED`) replaces the entry in a subscribed
//! calendar.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use icalendar::{Calendar, Component, EventLike, EventStatus};
use uuid::Uuid;

use super::store::{self, Event};
use crate::platform::tenants::Tenant;
use crate::platform::topics::Topic;
use crate::platform::web::{AppState, Ctx, WebError};

fn ical_event(
    tenant: &Tenant,
    e: &Event,
    stamp: chrono::DateTime<chrono::Utc>,
) -> icalendar::Event {
    let location = e.place();
    let description = match (&e.cancel_reason, e.status.as_str()) {
        (Some(reason), "cancelled") if !reason.is_empty() => {
            format!("ABGESAGT / CANCELLED: {reason}\n\n{}", e.description)
        }
        _ => e.description.clone(),
    };
    let mut ev = icalendar::Event::new();
    ev.uid(&format!("{}@{}.vertrauensnetz", e.event_id, tenant.slug))
        .summary(&e.title)
        .description(&description)
        .location(&location)
        .starts(e.starts_at.0)
        .ends(e.ends_at.0)
        .timestamp(stamp)
        .status(if e.status == "cancelled" {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        });
    ev.done()
}

fn calendar(
    tenant: &Tenant,
    name: &str,
    events: &[Event],
    stamp: chrono::DateTime<chrono::Utc>,
) -> String {
    let mut cal = Calendar::new();
    cal.name(name).timezone(tenant.time_zone.as_str());
    for e in events {
        cal.push(ical_event(tenant, e, stamp));
    }
    cal.done().to_string()
}

fn ics_response(body: String) -> Response {
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    res
}

/// `GET /{tenant}/events.ics`: every public event.
pub async fn feed(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let events = store::public_events(&state.db, tenant.id).await?;
    let name = format!("Vertrauensnetz {}", tenant.name);
    Ok(ics_response(calendar(
        tenant,
        &name,
        &events,
        state.clock.now(),
    )))
}

/// `GET /{tenant}/topics/{topic}/events.ics`: the public events on a topic.
pub async fn topic_feed(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, topic)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let topic = Topic::parse(&topic).ok_or_else(WebError::not_found)?;
    let events = store::public_events_on(&state.db, tenant.id, topic).await?;
    let label =
        crate::platform::i18n::Tr::new(crate::platform::i18n::Lang::De).t(&topic.label_key());
    let name = format!("Vertrauensnetz {}: {label}", tenant.name);
    Ok(ics_response(calendar(
        tenant,
        &name,
        &events,
        state.clock.now(),
    )))
}

/// `GET /{tenant}/events/{id}.ics`: one public event.
pub async fn single(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, file)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let id = file
        .strip_suffix(".ics")
        .and_then(|id| Uuid::parse_str(id).ok())
        .ok_or_else(WebError::not_found)?;
    let event = store::event(&state.db, tenant.id, id)
        .await?
        .filter(|e| e.is_public())
        .ok_or_else(WebError::not_found)?;
    let name = event.title.clone();
    Ok(ics_response(calendar(
        tenant,
        &name,
        &[event],
        state.clock.now(),
    )))
}
