//! The residents' event pages: the list, each event with its registration
//! form (works without JavaScript), and the private page of a registration
//! where it can be cancelled.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::api::{self, Refusal};
use super::model::RegistrationInput;
use super::store::{self, Event};
use crate::platform::auth::store::secret_hash;
use crate::platform::i18n::Tr;
use crate::platform::web::extract::CsrfForm;
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

/// An event prepared for display.
pub struct EventLine {
    pub id: String,
    pub title: String,
    pub description: String,
    pub kind_key: String,
    pub when: String,
    pub place: String,
    pub status: String,
    pub places_left: Option<i32>,
    pub waitlist: bool,
    pub registration: String,
    pub past: bool,
}

fn line(e: &Event, now: chrono::DateTime<chrono::Utc>) -> EventLine {
    let start = api::local_when(e.starts_at.0, &e.time_zone);
    let end = api::local_when(e.ends_at.0, &e.time_zone);
    let when = match (start.split_once(", "), end.split_once(", ")) {
        (Some((d1, t1)), Some((d2, t2))) if d1 == d2 => format!("{d1}, {t1}–{t2}"),
        _ => format!("{start} – {end}"),
    };
    EventLine {
        id: e.event_id.to_string(),
        title: e.title.clone(),
        description: e.description.clone(),
        kind_key: format!("events-kind-{}", e.kind.replace('_', "-")),
        when,
        place: e.place(),
        status: e.status.clone(),
        places_left: e.capacity.map(|c| (c - e.confirmed).max(0)),
        waitlist: e.waitlist,
        registration: e.registration.clone(),
        past: e.ends_at.0 < now,
    }
}

#[derive(Template)]
#[template(path = "events/list.html")]
struct ListPage {
    page: PageCtx,
    upcoming: Vec<EventLine>,
    past: Vec<EventLine>,
}

/// `GET /{tenant}/events`
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let now = state.clock.now();
    let (past, upcoming): (Vec<EventLine>, Vec<EventLine>) =
        store::public_events(&state.db, tenant.id)
            .await?
            .iter()
            .map(|e| line(e, now))
            .partition(|l| l.past);
    // Already in order of start (the query sorts by the instant, not the text).
    let mut past = past;
    past.reverse();
    page::ok(&ListPage {
        page: PageCtx::new(&ctx, "events-title"),
        upcoming,
        past,
    })
}

#[derive(Template)]
#[template(path = "events/detail.html")]
struct DetailPage {
    page: PageCtx,
    event: EventLine,
    closed_reason: Option<String>,
    errors: FormErrors,
    form: RegistrationForm,
    languages: Vec<(&'static str, &'static str)>,
}

#[derive(Deserialize, Default, Clone)]
pub struct RegistrationForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    accessibility: String,
    #[serde(default)]
    interpreter: String,
}

fn window_message(tr: &Tr, state: &AppState, e: &Event) -> Option<String> {
    if e.status == "cancelled" {
        return Some(tr.t("events-cancelled").into_owned());
    }
    if e.registration == "none" {
        return Some(tr.t("events-no-registration").into_owned());
    }
    let now = state.clock.now();
    if e.ends_at.0 < now {
        return Some(tr.t("events-over").into_owned());
    }
    match super::model::window_state(
        e.registration_opens_at.map(|t| t.0),
        e.registration_closes_at.map(|t| t.0),
        now,
    ) {
        super::model::Window::NotYetOpen => Some(
            tr.t1(
                "events-opens",
                "when",
                e.registration_opens_at
                    .map(|t| api::local_when(t.0, &e.time_zone))
                    .unwrap_or_default(),
            ),
        ),
        super::model::Window::Closed => Some(
            tr.t1(
                "events-closed",
                "when",
                e.registration_closes_at
                    .map(|t| api::local_when(t.0, &e.time_zone))
                    .unwrap_or_default(),
            ),
        ),
        super::model::Window::Open => None,
    }
}

fn detail_page(
    state: &AppState,
    ctx: &Ctx,
    e: &Event,
    errors: FormErrors,
    form: RegistrationForm,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = Tr::new(ctx.lang());
    let closed_reason = window_message(&tr, state, e);
    let mut page = PageCtx::new(ctx, "events-title");
    page.title = e.title.clone();
    let tpl = DetailPage {
        page,
        event: line(e, state.clock.now()),
        closed_reason,
        errors,
        form,
        languages: crate::platform::i18n::Lang::ALL
            .iter()
            .map(|l| (l.tag(), l.native_name()))
            .collect(),
    };
    page::render(&tpl, status)
}

/// `GET /{tenant}/events/{id}` (and `{id}.ics` for its calendar file).
pub async fn detail_or_calendar(
    state: State<AppState>,
    ctx: Ctx,
    path: Path<(String, String)>,
) -> Result<Response, WebError> {
    if path.1.ends_with(".ics") {
        return super::calendar::single(state, ctx, path).await;
    }
    let event = api::visible_event(&state, &ctx, &path.1).await?;
    detail_page(
        &state,
        &ctx,
        &event,
        FormErrors::new(),
        RegistrationForm::default(),
        StatusCode::OK,
    )
}

/// `POST /{tenant}/events/{id}/register`
pub async fn register(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<RegistrationForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let event = api::visible_event(&state, &ctx, &id).await?;
    let tr = Tr::new(ctx.lang());
    let mut answers = serde_json::Map::new();
    for (k, v) in [
        ("organisation", &form.organisation),
        ("accessibility", &form.accessibility),
        ("interpreter", &form.interpreter),
    ] {
        if !v.trim().is_empty() {
            answers.insert(
                k.to_owned(),
                serde_json::Value::String(v.trim().chars().take(1000).collect()),
            );
        }
    }
    let input = RegistrationInput {
        name: form.name.clone(),
        email: form.email.clone(),
        answers,
    };
    match api::register_person(&state, &ctx, &event, input).await? {
        Ok(r) => Ok(
            Redirect::to(&format!("/{}/registrations/{}", tenant.slug, r.token)).into_response(),
        ),
        Err(Refusal::Invalid(_)) => {
            let mut errors = FormErrors::new();
            let name = form.name.trim();
            if name.is_empty() || name.chars().count() > super::model::MAX_NAME {
                errors.add("name", tr.t("events-form-name-invalid"));
            }
            if !crate::platform::mail::valid_address(form.email.trim()) {
                errors.add("email", tr.t("events-form-email-invalid"));
            }
            if errors.is_empty() {
                errors.add("name", tr.t("events-form-too-long"));
            }
            detail_page(
                &state,
                &ctx,
                &event,
                errors,
                form,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(Refusal::Full) => {
            let mut errors = FormErrors::new();
            errors.add("name", tr.t("events-full"));
            detail_page(&state, &ctx, &event, errors, form, StatusCode::CONFLICT)
        }
        Err(_) => detail_page(
            &state,
            &ctx,
            &event,
            FormErrors::new(),
            form,
            StatusCode::CONFLICT,
        ),
    }
}

#[derive(Template)]
#[template(path = "events/registration.html")]
struct RegistrationPage {
    page: PageCtx,
    event: EventLine,
    name: String,
    status: String,
    position: Option<i64>,
    token: String,
}

/// `GET /{tenant}/registrations/{token}`: the private page of a
/// registration. Wrong and unknown tokens look the same (404).
pub async fn registration(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, token)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    if token.len() != 43 {
        return Err(WebError::not_found());
    }
    let (reg, position) = store::registration_by_token(&state.db, tenant.id, &secret_hash(&token))
        .await?
        .ok_or_else(WebError::not_found)?;
    let event = store::event(&state.db, tenant.id, reg.event_id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let tpl = RegistrationPage {
        page: PageCtx::new(&ctx, "events-registration-title"),
        event: line(&event, state.clock.now()),
        name: reg.name,
        status: reg.status,
        position,
        token,
    };
    let mut res = page::ok(&tpl)?;
    res.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(res)
}

#[derive(Deserialize)]
pub struct Empty {}

/// `POST /{tenant}/registrations/{token}/cancel`
pub async fn cancel(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, token)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    if token.len() != 43 {
        return Err(WebError::not_found());
    }
    api::cancel_by_token(&state, &ctx, &token).await?;
    Ok(Redirect::to(&format!("/{}/registrations/{}", tenant.slug, token)).into_response())
}
