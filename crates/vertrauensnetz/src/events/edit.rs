//! The organisers' event form (create and edit, works without JavaScript)
//! and the steps of an event's life: publish a draft, mark as done, cancel
//! with a reason (every registrant is told by mail, in the same
//! transaction). The form is turned into the API's `EventInput`, so both
//! ways in are checked by the same rules.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDateTime, TimeZone};
use uuid::Uuid;

use super::model::{
    self, Ask, CustomQuestion, EventInput, EventKind, EventStatus, PlaceAccessibility,
    QuestionKind, Questions, TranslationInput, INTERPRETER_LANGS, MAX_CUSTOM_QUESTIONS,
};
use super::notify;
use super::pages::{interpreter_name, FormValues};
use super::store::{self, EditRefusal};
use crate::platform::audit::{self, Entry};
use crate::platform::auth::Permission;
use crate::platform::i18n::{Lang, Tr};
use crate::platform::topics::Topic;
use crate::platform::web::extract::CsrfForm;
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

pub const MAX_REASON: usize = 1000;

/// A custom question row of the form.
pub struct CustomRow {
    pub n: usize,
    pub id: String,
    pub label: String,
    pub yes_no: bool,
    pub required: bool,
}

impl CustomRow {
    /// The row's number as people count (from 1).
    pub fn number(&self) -> i64 {
        i64::try_from(self.n).unwrap_or(0) + 1
    }
}

#[derive(Template)]
#[template(path = "events/staff_edit.html")]
struct EditPage {
    page: PageCtx,
    /// `None` when creating.
    event_id: Option<Uuid>,
    errors: FormErrors,
    form: FormValues,
    kinds: Vec<(&'static str, String)>,
    topics: Vec<(&'static str, String)>,
    interpreters: Vec<(&'static str, String)>,
    languages: Vec<(&'static str, &'static str)>,
    custom: Vec<CustomRow>,
    time_zone: String,
}

fn local_input(t: chrono::DateTime<chrono::Utc>, tz: &str) -> String {
    match tz.parse::<chrono_tz::Tz>() {
        Ok(tz) => t.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string(),
        Err(_) => t.format("%Y-%m-%dT%H:%M").to_string(),
    }
}

/// A `datetime-local` value in the tenant's zone as RFC 3339. A value that
/// is no time (or falls into the hour skipped when clocks go forward) is
/// passed on unchanged, so the common rules report it for its field.
fn rfc3339(value: &str, tz: &str) -> Option<String> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    let naive = NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M:%S"));
    let tz: Option<chrono_tz::Tz> = tz.parse().ok();
    match (naive, tz) {
        (Ok(n), Some(tz)) => match tz.from_local_datetime(&n).earliest() {
            Some(t) => Some(t.to_rfc3339()),
            None => Some(v.to_owned()),
        },
        _ => Some(v.to_owned()),
    }
}

fn three_way(v: &str) -> Option<bool> {
    match v {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

/// The form as the API's input (status from the pressed button).
fn input_from_form(f: &FormValues, tz: &str) -> EventInput {
    let number = |name: &str| -> Option<i64> {
        let v = f.get(name).trim();
        if v.is_empty() {
            None
        } else {
            // Not a number: out of range, so the rules name the field.
            Some(v.parse().unwrap_or(-1))
        }
    };
    let mut translations = std::collections::BTreeMap::new();
    for l in Lang::ALL.into_iter().filter(|l| *l != Lang::De) {
        let title = f.get(&format!("title_{}", l.tag())).trim().to_owned();
        let description = f.get(&format!("description_{}", l.tag())).to_owned();
        if !title.is_empty() || !description.trim().is_empty() {
            translations.insert(l.tag().to_owned(), TranslationInput { title, description });
        }
    }
    let ask = |name: &str| Ask::parse(f.get(name)).unwrap_or(Ask::Optional);
    let mut custom = Vec::new();
    let mut used: Vec<String> = Vec::new();
    for n in 0..MAX_CUSTOM_QUESTIONS {
        let label = f.get(&format!("custom_label_{n}")).trim().to_owned();
        if label.is_empty() {
            continue;
        }
        let mut id = f.get(&format!("custom_id_{n}")).trim().to_owned();
        if id.is_empty() || used.contains(&id) {
            id = (1..)
                .map(|i| format!("q{i}"))
                .find(|c| !used.contains(c) && !f.has_value_for_prefix("custom_id_", c))
                .unwrap_or_default();
        }
        used.push(id.clone());
        custom.push(CustomQuestion {
            id,
            label,
            kind: if f.get(&format!("custom_type_{n}")) == "yes_no" {
                QuestionKind::YesNo
            } else {
                QuestionKind::Text
            },
            required: f.get(&format!("custom_required_{n}")) == "on",
        });
    }
    EventInput {
        title: f.get("title").to_owned(),
        description: f.get("description").to_owned(),
        kind: f.get("kind").to_owned(),
        starts_at: rfc3339(f.get("starts_at"), tz).unwrap_or_default(),
        ends_at: rfc3339(f.get("ends_at"), tz).unwrap_or_default(),
        capacity: number("capacity"),
        waitlist: f.get("waitlist") == "on",
        registration_opens_at: rfc3339(f.get("registration_opens_at"), tz),
        registration_closes_at: rfc3339(f.get("registration_closes_at"), tz),
        audience: f.get("audience").to_owned(),
        registration: Some(f.get("registration").to_owned()),
        place_name: f.get("place_name").to_owned(),
        place_address: f.get("place_address").to_owned(),
        status: Some(
            if f.get("status") == "draft" {
                "draft"
            } else {
                "published"
            }
            .to_owned(),
        ),
        translations,
        topics: f.all("topics"),
        place_accessibility: Some(PlaceAccessibility {
            step_free: three_way(f.get("step_free")),
            hearing_loop: three_way(f.get("hearing_loop")),
            interpreters: f.all("interpreters"),
            note: f.get("accessibility_note").to_owned(),
        }),
        questions: Some(Questions {
            organisation: ask("ask_organisation"),
            accessibility: ask("ask_accessibility"),
            interpreter: ask("ask_interpreter"),
            custom,
        }),
        cancellation_closes_at: rfc3339(f.get("cancellation_closes_at"), tz),
        offer_hours: number("offer_hours"),
    }
}

impl FormValues {
    fn has_value_for_prefix(&self, prefix: &str, value: &str) -> bool {
        self.0
            .iter()
            .any(|(k, v)| k.starts_with(prefix) && v.trim() == value)
    }
}

/// The form's values for a stored event.
async fn form_of(
    state: &AppState,
    tenant: crate::platform::tenants::TenantId,
    e: &store::Event,
) -> Result<FormValues, WebError> {
    let tz = e.time_zone.as_str();
    let mut v: Vec<(String, String)> = vec![
        ("title".into(), e.title.clone()),
        ("description".into(), e.description.clone()),
        ("kind".into(), e.kind.clone()),
        ("starts_at".into(), local_input(e.starts_at.0, tz)),
        ("ends_at".into(), local_input(e.ends_at.0, tz)),
        ("place_name".into(), e.place_name.clone()),
        ("place_address".into(), e.place_address.clone()),
        ("audience".into(), e.audience.clone()),
        ("registration".into(), e.registration.clone()),
        (
            "capacity".into(),
            e.capacity.map(|c| c.to_string()).unwrap_or_default(),
        ),
        ("offer_hours".into(), e.offer_hours.to_string()),
        ("accessibility_note".into(), e.accessibility_note.clone()),
    ];
    for (name, t) in [
        ("registration_opens_at", e.registration_opens_at),
        ("registration_closes_at", e.registration_closes_at),
        ("cancellation_closes_at", e.cancellation_closes_at),
    ] {
        if let Some(t) = t {
            v.push((name.into(), local_input(t.0, tz)));
        }
    }
    if e.waitlist {
        v.push(("waitlist".into(), "on".into()));
    }
    for (name, b) in [("step_free", e.step_free), ("hearing_loop", e.hearing_loop)] {
        let s = match b {
            Some(true) => "yes",
            Some(false) => "no",
            None => "unknown",
        };
        v.push((name.into(), s.into()));
    }
    for l in e.interpreter_list() {
        v.push(("interpreters".into(), l.to_owned()));
    }
    for t in store::topics(&state.db, tenant, e.event_id).await? {
        v.push(("topics".into(), t.slug().to_owned()));
    }
    for (lang, title, description) in store::translations(&state.db, tenant, e.event_id).await? {
        v.push((format!("title_{lang}"), title));
        v.push((format!("description_{lang}"), description));
    }
    let q = e.questions();
    v.push(("ask_organisation".into(), q.organisation.as_str().into()));
    v.push(("ask_accessibility".into(), q.accessibility.as_str().into()));
    v.push(("ask_interpreter".into(), q.interpreter.as_str().into()));
    for (n, c) in q.custom.iter().enumerate() {
        v.push((format!("custom_id_{n}"), c.id.clone()));
        v.push((format!("custom_label_{n}"), c.label.clone()));
        v.push((
            format!("custom_type_{n}"),
            match c.kind {
                QuestionKind::Text => "text",
                QuestionKind::YesNo => "yes_no",
            }
            .into(),
        ));
        if c.required {
            v.push((format!("custom_required_{n}"), "on".into()));
        }
    }
    Ok(FormValues(v))
}

fn defaults() -> FormValues {
    FormValues(vec![
        ("kind".into(), "forum".into()),
        ("audience".into(), "public".into()),
        ("registration".into(), "required".into()),
        ("waitlist".into(), "on".into()),
        ("offer_hours".into(), model::DEFAULT_OFFER_HOURS.to_string()),
        ("step_free".into(), "unknown".into()),
        ("hearing_loop".into(), "unknown".into()),
        ("ask_organisation".into(), "optional".into()),
        ("ask_accessibility".into(), "optional".into()),
        ("ask_interpreter".into(), "optional".into()),
    ])
}

fn edit_page(
    ctx: &Ctx,
    event_id: Option<Uuid>,
    form: FormValues,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let tr = Tr::new(ctx.lang());
    let title_key = if event_id.is_some() {
        "events-edit-title"
    } else {
        "events-new-title"
    };
    let custom_count = (0..MAX_CUSTOM_QUESTIONS)
        .filter(|n| !form.get(&format!("custom_label_{n}")).trim().is_empty())
        .count();
    let rows = (custom_count + 2).min(MAX_CUSTOM_QUESTIONS);
    let custom = (0..rows)
        .map(|n| CustomRow {
            n,
            id: form.get(&format!("custom_id_{n}")).to_owned(),
            label: form.get(&format!("custom_label_{n}")).to_owned(),
            yes_no: form.get(&format!("custom_type_{n}")) == "yes_no",
            required: form.get(&format!("custom_required_{n}")) == "on",
        })
        .collect();
    let tpl = EditPage {
        page: PageCtx::new(ctx, title_key),
        event_id,
        errors,
        kinds: EventKind::ALL
            .iter()
            .map(|k| {
                (
                    k.as_str(),
                    tr.t(&format!("events-kind-{}", k.as_str().replace('_', "-")))
                        .into_owned(),
                )
            })
            .collect(),
        topics: Topic::ALL
            .iter()
            .map(|t| (t.slug(), tr.t(&t.label_key()).into_owned()))
            .collect(),
        interpreters: INTERPRETER_LANGS
            .iter()
            .map(|l| (*l, interpreter_name(&tr, l)))
            .collect(),
        languages: Lang::ALL
            .iter()
            .filter(|l| **l != Lang::De)
            .map(|l| (l.tag(), l.native_name()))
            .collect(),
        custom,
        form,
        time_zone: tenant.time_zone.clone(),
    };
    page::render(&tpl, status)
}

fn form_errors(tr: &Tr, problems: &[model::Problem]) -> FormErrors {
    let mut errors = FormErrors::new();
    for p in problems {
        if errors.get(p.field).is_none() {
            errors.add(p.field, tr.t(p.key));
        }
    }
    errors
}

/// `GET /{tenant}/staff/events/new`
pub async fn new_form(ctx: Ctx) -> Result<Response, WebError> {
    edit_page(&ctx, None, defaults(), FormErrors::new(), StatusCode::OK)
}

/// `POST /{tenant}/staff/events`: creates an event (draft or published).
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let p = ctx.principal()?;
    let actor = ctx.staff_actor(Permission::ManageEvents)?;
    let form = FormValues(pairs);
    let tr = Tr::new(ctx.lang());
    let event = match input_from_form(&form, &tenant.time_zone).parse() {
        Ok(e) => e,
        Err(problems) => {
            return edit_page(
                &ctx,
                None,
                form,
                form_errors(&tr, &problems),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    };
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
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "event.create", "event", id).details(serde_json::json!({
            "kind": event.kind.as_str(), "status": event.status.as_str(),
            "capacity": event.capacity, "waitlist": event.waitlist
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/events/{id}", tenant.slug)).into_response())
}

async fn event_of(state: &AppState, ctx: &Ctx, id: &str) -> Result<store::Event, WebError> {
    let tenant = ctx.tenant()?;
    let id = Uuid::parse_str(id).map_err(|_| WebError::not_found())?;
    store::event(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::not_found)
}

/// `GET /{tenant}/staff/events/{event}/edit`
pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let event = event_of(&state, &ctx, &id).await?;
    let form = form_of(&state, tenant.id, &event).await?;
    edit_page(
        &ctx,
        Some(event.event_id),
        form,
        FormErrors::new(),
        StatusCode::OK,
    )
}

/// `POST /{tenant}/staff/events/{event}/edit`: replaces the details (not
/// the state). Raised capacity is offered to the waiting list at once.
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageEvents)?;
    let existing = event_of(&state, &ctx, &id).await?;
    let form = FormValues(pairs);
    let tr = Tr::new(ctx.lang());
    let event = match input_from_form(&form, &existing.time_zone).parse() {
        Ok(e) => e,
        Err(problems) => {
            return edit_page(
                &ctx,
                Some(existing.event_id),
                form,
                form_errors(&tr, &problems),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let offers =
        match store::update_event(&mut tx, tenant.id, existing.event_id, &event, now).await? {
            Ok(offers) => offers,
            Err(EditRefusal::NotFound) => return Err(WebError::not_found()),
            Err(refusal) => {
                drop(tx);
                let mut errors = FormErrors::new();
                match refusal {
                    EditRefusal::CapacityBelowTaken(n) => {
                        errors.add("capacity", tr.t1("events-edit-capacity-below", "count", n))
                    }
                    _ => errors.add("title", tr.t("events-edit-closed")),
                }
                return edit_page(
                    &ctx,
                    Some(existing.event_id),
                    form,
                    errors,
                    StatusCode::CONFLICT,
                );
            }
        };
    if !offers.is_empty() {
        if let Some(stored) = store::event_tx(&mut tx, tenant.id, existing.event_id).await? {
            let base = crate::platform::web::context::public_base(&state, Some(&ctx));
            for o in &offers {
                notify::enqueue_offer(
                    &mut tx,
                    tenant.id,
                    tenant.slug.as_str(),
                    &base,
                    &stored,
                    o,
                    now,
                )
                .await?;
            }
        }
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "event.update", "event", existing.event_id).details(
            serde_json::json!({ "capacity": event.capacity, "waitlist": event.waitlist, "offers": offers.len() }),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!(
        "/{}/staff/events/{}",
        tenant.slug, existing.event_id
    ))
    .into_response())
}

#[derive(serde::Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    status: String,
}

/// `POST /{tenant}/staff/events/{event}/status`: publish a draft, or mark a
/// published event as done.
pub async fn set_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<StatusForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageEvents)?;
    let event = event_of(&state, &ctx, &id).await?;
    let to = match EventStatus::parse(&form.status) {
        Some(s @ (EventStatus::Published | EventStatus::Done)) => s,
        _ => return Err(WebError::unprocessable("status must be published or done")),
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    if !store::set_status(&mut tx, tenant.id, event.event_id, to, None, now).await? {
        return Err(
            WebError::new(StatusCode::CONFLICT, "error-conflict").with_detail(format!(
                "an event that is {} cannot become {}",
                event.status,
                to.as_str()
            )),
        );
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "event.status", "event", event.event_id)
            .details(serde_json::json!({ "from": event.status, "to": to.as_str() })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/events/{}", tenant.slug, event.event_id)).into_response())
}

#[derive(serde::Deserialize)]
pub struct CancelForm {
    #[serde(default)]
    reason: String,
}

/// `POST /{tenant}/staff/events/{event}/cancel`: cancels with a reason; the
/// reason appears on the public page and in the calendar, and everyone
/// registered (confirmed, offered or waiting) gets a mail.
pub async fn cancel(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<CancelForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageEvents)?;
    let event = event_of(&state, &ctx, &id).await?;
    let reason = form.reason.trim();
    if reason.is_empty() || reason.chars().count() > MAX_REASON {
        let tr = Tr::new(ctx.lang());
        let mut errors = FormErrors::new();
        errors.add("reason", tr.t("events-cancel-reason-invalid"));
        return super::staff::attendees_page(
            &state,
            &ctx,
            &event,
            String::new(),
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    if !store::set_status(
        &mut tx,
        tenant.id,
        event.event_id,
        EventStatus::Cancelled,
        Some(reason),
        now,
    )
    .await?
    {
        return Err(
            WebError::new(StatusCode::CONFLICT, "error-conflict").with_detail(format!(
                "an event that is {} cannot be cancelled",
                event.status
            )),
        );
    }
    let registrants = store::active_registrations_tx(&mut tx, tenant.id, event.event_id).await?;
    for r in &registrants {
        notify::enqueue_event_cancelled(&mut tx, tenant.id, &event, r, reason, now).await?;
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "event.cancel", "event", event.event_id)
            .details(serde_json::json!({ "from": event.status, "notified": registrants.len() })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/events/{}", tenant.slug, event.event_id)).into_response())
}
