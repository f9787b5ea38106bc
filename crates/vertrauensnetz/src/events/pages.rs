//! The residents' event pages: the list, each event with its registration
//! form (works without JavaScript), and the private page of a registration
//! where it can be cancelled.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::api::{self, Refusal};
use super::model::{QuestionKind, RegistrationInput, CUSTOM_FIELDS, INTERPRETER_LANGS};
use super::store::{self, Event};
use crate::platform::auth::store::secret_hash;
use crate::platform::i18n::{Lang, Tr};
use crate::platform::web::extract::CsrfForm;
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

/// An event prepared for display.
pub struct EventLine {
    pub id: String,
    pub title: String,
    pub description: String,
    /// `lang` of title and description when they are shown in German on a
    /// page in another language (no translation).
    pub content_lang: Option<&'static str>,
    pub kind_key: String,
    pub when: String,
    pub place: String,
    pub status: String,
    pub cancel_reason: String,
    pub places_left: Option<i32>,
    pub waitlist: bool,
    pub registration: String,
    pub past: bool,
    /// Message ids of the three-way answers (yes / no / not known).
    pub step_free_key: &'static str,
    pub hearing_loop_key: &'static str,
    /// Names of the interpreter languages offered, in the reader's language.
    pub interpreters: Vec<String>,
    pub accessibility_note: String,
    /// Topics: (slug, label message id).
    pub topics: Vec<(String, String)>,
}

fn yes_no_key(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "events-yes",
        Some(false) => "events-no",
        None => "events-unknown",
    }
}

/// The name of an interpreter language in the reader's language.
pub fn interpreter_name(tr: &Tr, tag: &str) -> String {
    match crate::platform::i18n::Lang::parse(tag) {
        Some(l) => l.native_name().to_owned(),
        None => tr.t(&format!("events-interpreter-{tag}")).into_owned(),
    }
}

/// An event for display in `lang`, with its translation into that
/// language if the organisers gave one.
pub fn line(
    e: &Event,
    now: chrono::DateTime<chrono::Utc>,
    lang: Lang,
    translation: Option<&(String, String)>,
) -> EventLine {
    let start = api::local_when(e.starts_at.0, &e.time_zone);
    let end = api::local_when(e.ends_at.0, &e.time_zone);
    let when = match (start.split_once(", "), end.split_once(", ")) {
        (Some((d1, t1)), Some((d2, t2))) if d1 == d2 => format!("{d1}, {t1}–{t2}"),
        _ => format!("{start} – {end}"),
    };
    let tr = Tr::new(lang);
    let (title, description, content_lang) = match translation {
        Some((t, d)) => (
            t.clone(),
            if d.is_empty() {
                e.description.clone()
            } else {
                d.clone()
            },
            None,
        ),
        None => (
            e.title.clone(),
            e.description.clone(),
            (lang.html_lang() != "de").then_some("de"),
        ),
    };
    EventLine {
        id: e.event_id.to_string(),
        title,
        description,
        content_lang,
        kind_key: format!("events-kind-{}", e.kind.replace('_', "-")),
        when,
        place: e.place(),
        status: e.status.clone(),
        cancel_reason: e.cancel_reason.clone().unwrap_or_default(),
        places_left: e.capacity.map(|c| (c - e.confirmed).max(0)),
        waitlist: e.waitlist,
        registration: e.registration.clone(),
        past: e.ends_at.0 < now,
        step_free_key: yes_no_key(e.step_free),
        hearing_loop_key: yes_no_key(e.hearing_loop),
        interpreters: e
            .interpreter_list()
            .iter()
            .map(|t| interpreter_name(&tr, t))
            .collect(),
        accessibility_note: e.accessibility_note.clone(),
        topics: Vec::new(),
    }
}

/// Public events split into upcoming (by start) and past (latest first),
/// each in the reader's language.
pub async fn upcoming_and_past(
    state: &AppState,
    tenant: crate::platform::tenants::TenantId,
    lang: Lang,
    events: &[Event],
) -> Result<(Vec<EventLine>, Vec<EventLine>), WebError> {
    let now = state.clock.now();
    let translations = if lang == Lang::De {
        Default::default()
    } else {
        store::translations_into(&state.db, tenant, lang.tag()).await?
    };
    let (mut past, upcoming): (Vec<EventLine>, Vec<EventLine>) = events
        .iter()
        .map(|e| line(e, now, lang, translations.get(&e.event_id)))
        .partition(|l| l.past);
    // Already in order of start (the query sorts by the instant, not the text).
    past.reverse();
    Ok((upcoming, past))
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
    let events = store::public_events(&state.db, tenant.id).await?;
    let (upcoming, past) = upcoming_and_past(&state, tenant.id, ctx.lang(), &events).await?;
    page::ok(&ListPage {
        page: PageCtx::new(&ctx, "events-title"),
        upcoming,
        past,
    })
}

/// A custom question on the registration form.
pub struct QuestionField {
    pub field: &'static str,
    pub label: String,
    pub yes_no: bool,
    pub required: bool,
    pub value: String,
}

#[derive(Template)]
#[template(path = "events/detail.html")]
struct DetailPage {
    page: PageCtx,
    event: EventLine,
    closed_reason: Option<String>,
    errors: FormErrors,
    form: FormValues,
    organisation: &'static str,
    accessibility: &'static str,
    interpreter: &'static str,
    custom: Vec<QuestionField>,
    languages: Vec<(&'static str, String)>,
    draft: bool,
    organisers: Vec<String>,
}

/// The values of a submitted form (repeated names allowed).
#[derive(Default, Clone)]
pub struct FormValues(pub Vec<(String, String)>);

impl FormValues {
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
            .collect()
    }

    pub fn has(&self, name: &str, value: &str) -> bool {
        self.0.iter().any(|(k, v)| k == name && v == value)
    }
}

fn window_message(tr: &Tr, state: &AppState, e: &Event) -> Option<String> {
    if e.status == "cancelled" {
        return Some(tr.t("events-cancelled").into_owned());
    }
    if e.status == "draft" {
        return Some(tr.t("events-draft-preview").into_owned());
    }
    if e.registration == "none" {
        return Some(tr.t("events-no-registration").into_owned());
    }
    let now = state.clock.now();
    if e.ends_at.0 < now || e.status == "done" {
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

async fn detail_page(
    state: &AppState,
    ctx: &Ctx,
    e: &Event,
    errors: FormErrors,
    form: FormValues,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let tr = Tr::new(ctx.lang());
    let closed_reason = window_message(&tr, state, e);
    let translation = if ctx.lang() == Lang::De {
        None
    } else {
        store::translations(&state.db, tenant.id, e.event_id)
            .await?
            .into_iter()
            .find(|(l, _, _)| l == ctx.lang().tag())
            .map(|(_, t, d)| (t, d))
    };
    let mut event = line(e, state.clock.now(), ctx.lang(), translation.as_ref());
    event.topics = store::topics(&state.db, tenant.id, e.event_id)
        .await?
        .into_iter()
        .map(|t| (t.slug().to_owned(), t.label_key()))
        .collect();
    let mut page = PageCtx::new(ctx, "events-title");
    page.title = event.title.clone();
    let q = e.questions();
    let custom = q
        .custom
        .iter()
        .zip(CUSTOM_FIELDS)
        .map(|(q, field)| QuestionField {
            field,
            label: q.label.clone(),
            yes_no: q.kind == QuestionKind::YesNo,
            required: q.required,
            value: form.get(field).to_owned(),
        })
        .collect();
    let tpl = DetailPage {
        page,
        event,
        closed_reason,
        errors,
        form,
        organisation: q.organisation.as_str(),
        accessibility: q.accessibility.as_str(),
        interpreter: q.interpreter.as_str(),
        custom,
        languages: INTERPRETER_LANGS
            .iter()
            .map(|l| (*l, interpreter_name(&tr, l)))
            .collect(),
        draft: e.status == "draft",
        organisers: super::minutes::organisers(&state.db, tenant.id, e.event_id)
            .await?
            .into_iter()
            .map(|o| o.1)
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
        FormValues::default(),
        StatusCode::OK,
    )
    .await
}

/// The answers of the registration form as the API takes them: text
/// stays text, a yes/no question's `yes`/`no` becomes true/false.
fn answers_from_form(e: &Event, form: &FormValues) -> serde_json::Map<String, serde_json::Value> {
    use serde_json::Value;
    let q = e.questions();
    let mut answers = serde_json::Map::new();
    for key in ["organisation", "accessibility", "interpreter"] {
        let v = form.get(key).trim();
        if !v.is_empty() {
            answers.insert(key.to_owned(), Value::String(v.to_owned()));
        }
    }
    for (q, field) in q.custom.iter().zip(CUSTOM_FIELDS) {
        let v = form.get(field).trim();
        let value = match (q.kind, v) {
            (_, "") => continue,
            (QuestionKind::YesNo, "yes") => Value::Bool(true),
            (QuestionKind::YesNo, "no") => Value::Bool(false),
            (_, other) => Value::String(other.to_owned()),
        };
        answers.insert(q.id.clone(), value);
    }
    answers
}

/// `POST /{tenant}/events/{id}/register`
pub async fn register(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let event = api::visible_event(&state, &ctx, &id).await?;
    let form = FormValues(pairs);
    let tr = Tr::new(ctx.lang());
    let input = RegistrationInput {
        name: form.get("name").to_owned(),
        email: form.get("email").to_owned(),
        answers: answers_from_form(&event, &form),
    };
    match api::register_person(&state, &ctx, &event, input).await? {
        Ok(r) => Ok(
            Redirect::to(&format!("/{}/registrations/{}", tenant.slug, r.token)).into_response(),
        ),
        Err(Refusal::Invalid(problems)) => {
            let mut errors = FormErrors::new();
            for p in &problems {
                if errors.get(p.field).is_none() {
                    errors.add(p.field, tr.t(p.key));
                }
            }
            detail_page(
                &state,
                &ctx,
                &event,
                errors,
                form,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(Refusal::Full) => {
            let mut errors = FormErrors::new();
            errors.add("name", tr.t("events-full"));
            detail_page(&state, &ctx, &event, errors, form, StatusCode::CONFLICT).await
        }
        Err(_) => {
            detail_page(
                &state,
                &ctx,
                &event,
                FormErrors::new(),
                form,
                StatusCode::CONFLICT,
            )
            .await
        }
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
    /// The offer's deadline, local time (status `offered`).
    offer_deadline: String,
    /// Set when self-cancellation has closed (local time of the deadline).
    cancellation_closed: Option<String>,
    /// The deadline for self-cancellation, if any and not yet passed.
    cancellation_until: Option<String>,
    notice: Option<String>,
}

async fn registration_page(
    state: &AppState,
    ctx: &Ctx,
    token: &str,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    if token.len() != 43 {
        return Err(WebError::not_found());
    }
    let (reg, position) = store::registration_by_token(&state.db, tenant.id, &secret_hash(token))
        .await?
        .ok_or_else(WebError::not_found)?;
    let event = store::event(&state.db, tenant.id, reg.event_id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let now = state.clock.now();
    let translation = if ctx.lang() == Lang::De {
        None
    } else {
        store::translations(&state.db, tenant.id, event.event_id)
            .await?
            .into_iter()
            .find(|(l, _, _)| l == ctx.lang().tag())
            .map(|(_, t, d)| (t, d))
    };
    let cancellation_closed = api::cancellation_closed(&event, &reg.status, now);
    let cancellation_until = match event.cancellation_closes_at {
        Some(t) if cancellation_closed.is_none() && reg.status == "confirmed" => {
            Some(api::local_when(t.0, &event.time_zone))
        }
        _ => None,
    };
    let tpl = RegistrationPage {
        page: PageCtx::new(ctx, "events-registration-title"),
        event: line(&event, now, ctx.lang(), translation.as_ref()),
        name: reg.name,
        offer_deadline: reg
            .offer_expires_at
            .map(|t| api::local_when(t.0, &event.time_zone))
            .unwrap_or_default(),
        status: reg.status,
        position,
        token: token.to_owned(),
        cancellation_closed,
        cancellation_until,
        notice,
    };
    let mut res = page::render(&tpl, status)?;
    res.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(res)
}

/// `GET /{tenant}/registrations/{token}`: the private page of a
/// registration. Wrong and unknown tokens look the same (404).
pub async fn registration(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, token)): Path<(String, String)>,
) -> Result<Response, WebError> {
    registration_page(&state, &ctx, &token, None, StatusCode::OK).await
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
    match api::cancel_by_token(&state, &ctx, &token).await? {
        api::CancelOutcome::Cancelled => {
            Ok(Redirect::to(&format!("/{}/registrations/{}", tenant.slug, token)).into_response())
        }
        api::CancelOutcome::TooLate(when) => {
            let tr = Tr::new(ctx.lang());
            let notice = tr.t1("events-registration-cancel-closed", "when", when);
            registration_page(&state, &ctx, &token, Some(notice), StatusCode::CONFLICT).await
        }
    }
}

/// `POST /{tenant}/registrations/{token}/confirm`: takes an offered place.
pub async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, token)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    if token.len() != 43 {
        return Err(WebError::not_found());
    }
    if api::confirm_by_token(&state, &ctx, &token).await? {
        Ok(Redirect::to(&format!("/{}/registrations/{}", tenant.slug, token)).into_response())
    } else {
        let tr = Tr::new(ctx.lang());
        let notice = tr.t("events-registration-offer-gone").into_owned();
        registration_page(&state, &ctx, &token, Some(notice), StatusCode::CONFLICT).await
    }
}

#[derive(Template)]
#[template(path = "events/unsubscribe.html")]
struct UnsubscribePage {
    page: PageCtx,
    token: String,
    done: bool,
}

async fn unsubscribe_page(
    state: &AppState,
    ctx: &Ctx,
    token: &str,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    if token.len() != 43 {
        return Err(WebError::not_found());
    }
    let (_, done) = store::unsubscribe_address(&state.db, tenant.id, &secret_hash(token))
        .await?
        .ok_or_else(WebError::not_found)?;
    let mut res = page::render(
        &UnsubscribePage {
            page: PageCtx::new(ctx, "events-unsubscribe-title"),
            token: token.to_owned(),
            done,
        },
        status,
    )?;
    res.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(res)
}

/// `GET /{tenant}/unsubscribe/{token}`: asks before turning bulk mail off
/// (mail programs open links to scan them; a GET changes nothing).
pub async fn unsubscribe_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, token)): Path<(String, String)>,
) -> Result<Response, WebError> {
    unsubscribe_page(&state, &ctx, &token, StatusCode::OK).await
}

/// `POST /{tenant}/unsubscribe/{token}`: turns off bulk mail (reminders,
/// announcements) for the address on this tenant; confirmations, offers
/// and cancellations still arrive.
pub async fn unsubscribe(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, token)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    if token.len() != 43 {
        return Err(WebError::not_found());
    }
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    if !store::unsubscribe(&mut tx, tenant.id, &secret_hash(&token), now).await? {
        return Err(WebError::not_found());
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/unsubscribe/{}", tenant.slug, token)).into_response())
}
