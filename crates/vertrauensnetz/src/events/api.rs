//! The events API (a public contract, in the OpenAPI document).

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::model::{self, EventInput, PlaceAccessibility, Questions, RegistrationInput, Window};
pub use super::notify::local_when;
use super::notify::{self, MailEvent};
use super::store::{self, Placed};
use crate::platform::audit::{self, Entry};
use crate::platform::auth::store::new_secret;
use crate::platform::auth::{self as auth, Permission};
use crate::platform::i18n::Tr;
use crate::platform::web::error::Problem;
use crate::platform::web::extract::ApiJson;
use crate::platform::web::{AppState, Ctx, WebError};

/// The answer to a created event.
#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: Uuid,
}

/// Create an event (coordinators).
#[utoipa::path(
    post,
    path = "/api/v1/{tenant}/events",
    params(("tenant" = String, Path, description = "Tenant slug")),
    request_body = EventInput,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Created", body = Created),
        (status = 401, description = "No or an invalid token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a coordinator of this tenant", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid event; `detail` lists every problem", body = Problem, content_type = "application/problem+json")
    )
)]
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(input): ApiJson<EventInput>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let p = ctx.principal()?;
    let actor = ctx.staff_actor(Permission::ManageEvents)?;
    let event = input
        .parse()
        .map_err(|problems| WebError::unprocessable(model::detail(&problems)))?;
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let id = store::create_event(
        &mut tx,
        tenant.id,
        &event,
        &tenant.time_zone,
        Some(p.user_id),
        now,
    )
    .await?;
    audit::append(&mut tx, tenant.id, now, &Entry::new(actor, "event.create", "event", id)
        .details(serde_json::json!({ "kind": event.kind.as_str(), "status": event.status.as_str(), "capacity": event.capacity, "waitlist": event.waitlist }))).await?;
    tx.commit().await?;
    let mut res = (StatusCode::CREATED, Json(Created { id })).into_response();
    if let Ok(v) = HeaderValue::from_str(&format!("/api/v1/{}/events/{id}", tenant.slug)) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    Ok(res)
}

/// An event as the public sees it.
#[derive(Serialize, ToSchema)]
pub struct EventView {
    pub id: Uuid,
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub time_zone: String,
    pub place_name: String,
    pub place_address: String,
    pub audience: String,
    pub status: String,
    pub registration: String,
    pub registration_opens_at: Option<DateTime<Utc>>,
    pub registration_closes_at: Option<DateTime<Utc>>,
    pub capacity: Option<i32>,
    /// Places still free (`null` without a limit).
    pub places_left: Option<i32>,
    pub waitlist: bool,
    /// Why the event was cancelled (when `status` is `cancelled`).
    pub cancel_reason: Option<String>,
    /// Title and description in other languages, by language tag.
    #[schema(value_type = Object)]
    pub translations: std::collections::BTreeMap<String, model::TranslationInput>,
    /// Topic slugs.
    pub topics: Vec<String>,
    pub place_accessibility: PlaceAccessibility,
    pub questions: Questions,
    pub cancellation_closes_at: Option<DateTime<Utc>>,
    pub offer_hours: i32,
}

fn parse_id(id: &str) -> Result<Uuid, WebError> {
    Uuid::parse_str(id).map_err(|_| WebError::not_found())
}

/// An event visible to the caller: public ones to everyone, others only to
/// people with a role on the tenant.
pub async fn visible_event(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
) -> Result<store::Event, WebError> {
    let tenant = ctx.tenant()?;
    let event = store::event(&state.db, tenant.id, parse_id(id)?)
        .await?
        .ok_or_else(WebError::not_found)?;
    let event = check_visible(ctx, event)?;
    if event.audience == "invited" && !super::minutes::invited(state, ctx, event.event_id).await? {
        return Err(WebError::not_found());
    }
    Ok(event)
}

/// The same as [`visible_event`], from the registration writer's copy of
/// the event (at most a second old): for the registration rush. The
/// writer decides places and re-checks the state under the row lock.
pub async fn visible_event_for_registration(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
) -> Result<store::Event, WebError> {
    let tenant = ctx.tenant()?;
    let writer = state
        .ext
        .get::<super::writer::RegistrationWriter>()
        .ok_or_else(WebError::internal)?;
    let event = writer
        .event(&state.db, tenant.id, parse_id(id)?)
        .await?
        .ok_or_else(WebError::not_found)?;
    let event = check_visible(ctx, event)?;
    if event.audience == "invited" && !super::minutes::invited(state, ctx, event.event_id).await? {
        return Err(WebError::not_found());
    }
    Ok(event)
}

fn check_visible(ctx: &Ctx, event: store::Event) -> Result<store::Event, WebError> {
    let tenant = ctx.tenant()?;
    let may = |p: Permission| {
        ctx.principal
            .as_ref()
            .is_some_and(|pr| auth::may(Some(pr), p, tenant.id))
    };
    // Drafts only for the organisers (as a preview).
    if event.status == "draft" && !may(Permission::ManageEvents) {
        return Err(WebError::not_found());
    }
    if event.audience != "public" && !may(Permission::UseStaffArea) {
        return Err(WebError::not_found());
    }
    Ok(event)
}

/// Read an event.
#[utoipa::path(
    get,
    path = "/api/v1/{tenant}/events/{event_id}",
    params(("tenant" = String, Path, description = "Tenant slug"), ("event_id" = Uuid, Path, description = "Event id")),
    responses(
        (status = 200, description = "The event", body = EventView),
        (status = 404, description = "No such public event", body = Problem, content_type = "application/problem+json")
    )
)]
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
) -> Result<Json<EventView>, WebError> {
    let tenant = ctx.tenant()?;
    let e = visible_event(&state, &ctx, &id).await?;
    let translations = store::translations(&state.db, tenant.id, e.event_id)
        .await?
        .into_iter()
        .map(|(l, title, description)| (l, model::TranslationInput { title, description }))
        .collect();
    let topics = store::topics(&state.db, tenant.id, e.event_id)
        .await?
        .into_iter()
        .map(|t| t.slug().to_owned())
        .collect();
    let place_accessibility = PlaceAccessibility {
        step_free: e.step_free,
        hearing_loop: e.hearing_loop,
        interpreters: e
            .interpreter_list()
            .iter()
            .map(|s| (*s).to_owned())
            .collect(),
        note: e.accessibility_note.clone(),
    };
    let questions = e.questions();
    Ok(Json(EventView {
        cancel_reason: e.cancel_reason.clone(),
        translations,
        topics,
        place_accessibility,
        questions,
        cancellation_closes_at: e.cancellation_closes_at.map(|t| t.0),
        offer_hours: e.offer_hours,
        id: e.event_id,
        kind: e.kind,
        title: e.title,
        description: e.description,
        starts_at: e.starts_at.0,
        ends_at: e.ends_at.0,
        time_zone: e.time_zone,
        place_name: e.place_name,
        place_address: e.place_address,
        audience: e.audience,
        status: e.status,
        registration: e.registration,
        registration_opens_at: e.registration_opens_at.map(|t| t.0),
        registration_closes_at: e.registration_closes_at.map(|t| t.0),
        places_left: e.capacity.map(|c| (c - e.confirmed).max(0)),
        capacity: e.capacity,
        waitlist: e.waitlist,
    }))
}

/// The answer to a registration.
#[derive(Serialize, ToSchema)]
pub struct RegistrationResult {
    pub id: Uuid,
    /// `confirmed` or `waitlisted`.
    pub status: String,
    /// Position on the waiting list (1 = next to move up); `null` when confirmed.
    pub position: Option<i64>,
    /// The private token that cancels this registration
    /// (`DELETE /api/v1/{tenant}/registrations/{token}`); also sent by mail.
    pub cancel_token: String,
}

/// Register for an event (no account needed for public events).
#[utoipa::path(
    post,
    path = "/api/v1/{tenant}/events/{event_id}/registrations",
    params(("tenant" = String, Path, description = "Tenant slug"), ("event_id" = Uuid, Path, description = "Event id")),
    request_body = RegistrationInput,
    responses(
        (status = 201, description = "Registered: confirmed, or on the waiting list", body = RegistrationResult),
        (status = 404, description = "No such public event", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Registration not open (yet), closed, or the event is full without a waiting list", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid registration", body = Problem, content_type = "application/problem+json")
    )
)]
pub async fn register(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    ApiJson(input): ApiJson<RegistrationInput>,
) -> Result<Response, WebError> {
    let event = visible_event_for_registration(&state, &ctx, &id).await?;
    let conflict =
        |detail: String| WebError::new(StatusCode::CONFLICT, "error-conflict").with_detail(detail);
    match register_person(&state, &ctx, &event, input).await? {
        Ok(r) => Ok((
            StatusCode::CREATED,
            Json(RegistrationResult {
                id: r.id,
                status: r.status.to_owned(),
                position: r.position,
                cancel_token: r.token,
            }),
        )
            .into_response()),
        Err(Refusal::Invalid(p)) => Err(WebError::unprocessable(model::detail(&p))),
        Err(Refusal::NotOpen) => Err(conflict("the event is not open for registration".into())),
        Err(Refusal::NoRegistration) => Err(conflict("this event takes no registrations".into())),
        Err(Refusal::NotYetOpen(when)) => Err(conflict(format!("registration opens on {when}"))),
        Err(Refusal::Closed(when)) => Err(conflict(format!("registration closed on {when}"))),
        Err(Refusal::Full) => Err(conflict("the event is full and has no waiting list".into())),
    }
}

/// Why a registration was refused (nothing was stored).
#[derive(Debug, Clone)]
pub enum Refusal {
    Invalid(Vec<model::Problem>),
    NotOpen,
    NoRegistration,
    NotYetOpen(String),
    Closed(String),
    Full,
}

/// A stored registration.
#[derive(Debug, Clone)]
pub struct Registered {
    pub id: Uuid,
    pub status: &'static str,
    pub position: Option<i64>,
    pub token: String,
}

/// The private address of a registration, for mails.
pub fn private_link(state: &AppState, ctx: &Ctx, tenant_slug: &str, token: &str) -> String {
    format!(
        "{}/{tenant_slug}/registrations/{token}",
        crate::platform::web::context::public_base(state, Some(ctx))
    )
}

/// Registers a person for an event (API and pages): checks state, window
/// and input, takes a place or a waiting-list number inside the writing
/// transaction, and queues the mail in the same transaction.
pub async fn register_person(
    state: &AppState,
    ctx: &Ctx,
    event: &store::Event,
    input: RegistrationInput,
) -> Result<Result<Registered, Refusal>, WebError> {
    let tenant = ctx.tenant()?.clone();
    if event.status != "published" {
        return Ok(Err(Refusal::NotOpen));
    }
    if event.registration == "none" {
        return Ok(Err(Refusal::NoRegistration));
    }
    let when = |t: Option<crate::platform::db::Timestamp>| {
        t.map(|t| local_when(t.0, &event.time_zone))
            .unwrap_or_default()
    };
    match model::window_state(
        event.registration_opens_at.map(|t| t.0),
        event.registration_closes_at.map(|t| t.0),
        state.clock.now(),
    ) {
        Window::NotYetOpen => {
            return Ok(Err(Refusal::NotYetOpen(when(event.registration_opens_at))))
        }
        Window::Closed => return Ok(Err(Refusal::Closed(when(event.registration_closes_at)))),
        Window::Open => {}
    }
    let reg = match input.parse(&event.questions(), ctx.lang()) {
        Ok(r) => r,
        Err(p) => return Ok(Err(Refusal::Invalid(p))),
    };
    let translation = if ctx.lang() == crate::platform::i18n::Lang::De {
        None
    } else {
        store::translations(&state.db, tenant.id, event.event_id)
            .await?
            .into_iter()
            .find(|(l, _, _)| l == ctx.lang().tag())
            .map(|(_, t, _)| t)
    };
    let mail_event = MailEvent::new(event, translation.as_deref());
    let (token, token_hash) = new_secret();
    let writer = state
        .ext
        .get::<super::writer::RegistrationWriter>()
        .ok_or_else(WebError::internal)?;
    let link = private_link(state, ctx, tenant.slug.as_str(), &token);
    let tr = Tr::new(ctx.lang());
    let (name, email) = (reg.name.clone(), reg.email.clone());
    let mail = Box::new(move |placed: Placed| {
        let (key, extra) = match placed {
            Placed::Confirmed => ("events-mail-confirmed", vec![]),
            Placed::Waitlisted(p) => (
                "events-mail-waitlisted",
                vec![tr.tn("events-mail-position", "position", p)],
            ),
            Placed::Full | Placed::NotOpen => return None,
        };
        Some(notify::compose(
            &tr,
            &mail_event,
            &name,
            &email,
            key,
            &extra,
            &[(tr.t("events-mail-cancel").into_owned(), link)],
        ))
    });
    let (placed, reg_id) = writer
        .register(
            tenant.id,
            event.event_id,
            event.waitlist,
            reg,
            token_hash,
            mail,
        )
        .await
        .map_err(|()| WebError::new(StatusCode::SERVICE_UNAVAILABLE, "error-unavailable"))?;
    let (status, position) = match placed {
        Placed::Full => return Ok(Err(Refusal::Full)),
        Placed::NotOpen => return Ok(Err(Refusal::NotOpen)),
        Placed::Confirmed => ("confirmed", None),
        Placed::Waitlisted(p) => ("waitlisted", Some(p)),
    };
    let id = reg_id.ok_or_else(WebError::internal)?;
    Ok(Ok(Registered {
        id,
        status,
        position,
        token,
    }))
}

/// Cancel a registration with its private token (also declines an offered
/// place). A freed place is offered to the first person on the waiting
/// list, who is told by mail.
#[utoipa::path(
    delete,
    path = "/api/v1/{tenant}/registrations/{token}",
    params(("tenant" = String, Path, description = "Tenant slug"), ("token" = String, Path, description = "The private cancel token")),
    responses(
        (status = 204, description = "Cancelled"),
        (status = 404, description = "No active registration with this token", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Self-cancellation closed for this event", body = Problem, content_type = "application/problem+json")
    )
)]
pub async fn cancel(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, token)): Path<(String, String)>,
) -> Result<Response, WebError> {
    match cancel_by_token(&state, &ctx, &token).await? {
        CancelOutcome::Cancelled => Ok(StatusCode::NO_CONTENT.into_response()),
        CancelOutcome::TooLate(when) => Err(WebError::new(StatusCode::CONFLICT, "error-conflict")
            .with_detail(format!("self-cancellation closed on {when}"))),
    }
}

/// What a cancellation by token did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CancelOutcome {
    Cancelled,
    /// The self-cancellation deadline has passed (local time of the deadline).
    TooLate(String),
}

/// The self-cancellation deadline of a confirmed registration, if passed.
pub fn cancellation_closed(
    event: &store::Event,
    status: &str,
    now: DateTime<Utc>,
) -> Option<String> {
    match event.cancellation_closes_at {
        Some(t) if status == "confirmed" && now >= t.0 => Some(local_when(t.0, &event.time_zone)),
        _ => None,
    }
}

/// Cancels by private token; a freed place is offered to the first waiting
/// person, who is told by mail. `404` when no active registration has the
/// token. A confirmed place cannot be given back after the event's
/// self-cancellation deadline (waiting and offered people may always
/// withdraw).
pub async fn cancel_by_token(
    state: &AppState,
    ctx: &Ctx,
    token: &str,
) -> Result<CancelOutcome, WebError> {
    let tenant = ctx.tenant()?.clone();
    if token.len() != 43 {
        return Err(WebError::not_found());
    }
    let hash = crate::platform::auth::store::secret_hash(token);
    let (reg, _) = store::registration_by_token(&state.db, tenant.id, &hash)
        .await?
        .ok_or_else(WebError::not_found)?;
    let event = store::event(&state.db, tenant.id, reg.event_id)
        .await?
        .ok_or_else(WebError::not_found)?;
    if let Some(when) = cancellation_closed(&event, &reg.status, state.clock.now()) {
        return Ok(CancelOutcome::TooLate(when));
    }
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let cancelled = store::cancel(&mut tx, tenant.id, &hash, now)
        .await?
        .ok_or_else(WebError::not_found)?;
    if let Some(offer) = &cancelled.offered {
        let base = crate::platform::web::context::public_base(state, Some(ctx));
        notify::enqueue_offer(
            &mut tx,
            tenant.id,
            tenant.slug.as_str(),
            &base,
            &event,
            offer,
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(CancelOutcome::Cancelled)
}

/// Confirms an offered place by private token. False when there is no open
/// offer (it ran out, or was never made).
pub async fn confirm_by_token(state: &AppState, ctx: &Ctx, token: &str) -> Result<bool, WebError> {
    let tenant = ctx.tenant()?.clone();
    if token.len() != 43 {
        return Err(WebError::not_found());
    }
    let hash = crate::platform::auth::store::secret_hash(token);
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let store::OfferAnswer::Confirmed(reg) =
        store::confirm_offer(&mut tx, tenant.id, &hash, now).await?
    else {
        return Ok(false);
    };
    if let Some(event) = store::event_tx(&mut tx, tenant.id, reg.event_id).await? {
        notify::enqueue_confirmed(&mut tx, tenant.id, &event, &reg, now).await?;
    }
    tx.commit().await?;
    Ok(true)
}
