//! Events and consultations: forums, the open conference, discussion
//! rounds, prevention events; registration that never overbooks, with a
//! waiting list that offers freed places with a time to confirm.
//!
//! Built so far:
//! - the API (create — published or draft —, read, register, cancel by
//!   private token), in the OpenAPI document;
//! - events with states (draft, published, done, cancelled with a reason),
//!   title and description per language, topics, place accessibility,
//!   registration questions and a self-cancellation deadline;
//! - the residents' pages (list, event with registration form, private
//!   registration page to confirm an offer or cancel, unsubscribe page), the
//!   calendars (tenant, topic, event) and the events sections of the topic
//!   pages ([`topic_sections`]);
//! - the organisers' pages (form to create and edit, publish, mark done,
//!   cancel, attendees with search, check-in and CSV export);
//! - mails in the registrant's language (`notify`) and the jobs that end
//!   overdue offers and send reminders (`jobs`);
//! - group commit of registrations (`writer`).
//!
//! Minutes, agenda and action items, occasion-based consultations and
//! organisers as organisations follow.

pub mod api;
pub mod calendar;
pub mod consultations;
pub mod edit;
pub mod jobs;
pub mod minutes;
pub mod model;
pub mod notify;
pub mod pages;
pub mod staff;
pub mod store;
pub mod writer;

use axum::http::Method;
use utoipa::OpenApi;

use crate::platform::auth::Permission;
use crate::platform::web::{Access, Routes};

pub fn routes(r: &mut Routes) {
    r.add(
        Method::POST,
        "/api/v1/{tenant}/events",
        Access::Permission(Permission::ManageEvents),
        api::create,
    );
    r.add(
        Method::GET,
        "/api/v1/{tenant}/events/{event_id}",
        Access::Public,
        api::show,
    );
    r.add(
        Method::POST,
        "/api/v1/{tenant}/events/{event_id}/registrations",
        Access::Public,
        api::register,
    );
    r.add(
        Method::DELETE,
        "/api/v1/{tenant}/registrations/{token}",
        Access::Public,
        api::cancel,
    );
    r.add(
        Method::GET,
        "/{tenant}/events.ics",
        Access::Open,
        calendar::feed,
    );
    r.add(Method::GET, "/{tenant}/events", Access::Public, pages::list);
    r.add(
        Method::GET,
        "/{tenant}/events/{event}",
        Access::Public,
        pages::detail_or_calendar,
    );
    r.add(
        Method::POST,
        "/{tenant}/events/{event}/register",
        Access::Public,
        pages::register,
    );
    r.add(
        Method::GET,
        "/{tenant}/registrations/{token}",
        Access::Public,
        pages::registration,
    );
    r.add(
        Method::POST,
        "/{tenant}/registrations/{token}/cancel",
        Access::Public,
        pages::cancel,
    );
    r.add(
        Method::POST,
        "/{tenant}/registrations/{token}/confirm",
        Access::Public,
        pages::confirm,
    );
    r.add(
        Method::GET,
        "/{tenant}/unsubscribe/{token}",
        Access::Public,
        pages::unsubscribe_form,
    );
    r.add(
        Method::POST,
        "/{tenant}/unsubscribe/{token}",
        Access::Public,
        pages::unsubscribe,
    );
    r.add(
        Method::GET,
        "/{tenant}/topics/{topic}/events.ics",
        Access::Open,
        calendar::topic_feed,
    );
    let manage = Access::Permission(Permission::ManageEvents);
    r.add(Method::GET, "/{tenant}/staff/events", manage, staff::list);
    r.add(Method::POST, "/{tenant}/staff/events", manage, edit::create);
    r.add(
        Method::GET,
        "/{tenant}/staff/events/new",
        manage,
        edit::new_form,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/events/{event}/edit",
        manage,
        edit::edit_form,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/events/{event}/edit",
        manage,
        edit::update,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/events/{event}/status",
        manage,
        edit::set_status,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/events/{event}/cancel",
        manage,
        edit::cancel,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/events/{event}",
        manage,
        staff::attendees,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/events/{event}/attendees.csv",
        manage,
        staff::export,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/events/{event}/check-in/{registration}",
        manage,
        staff::check_in,
    );
}

/// The events module's sections of a topic page: upcoming and past public
/// events on the topic, with the topic's calendar.
pub async fn topic_sections(
    state: &crate::platform::web::AppState,
    ctx: &crate::platform::web::Ctx,
    topic: crate::platform::topics::Topic,
) -> Result<Vec<crate::topic_pages::TopicSection>, crate::platform::web::WebError> {
    use crate::platform::i18n::Tr;
    use crate::topic_pages::{TopicItem, TopicSection};
    let tenant = ctx.tenant()?;
    let tr = Tr::new(ctx.lang());
    let events = store::public_events_on(&state.db, tenant.id, topic).await?;
    let (upcoming, past) = pages::upcoming_and_past(state, tenant.id, ctx.lang(), &events).await?;
    let item = |e: pages::EventLine| TopicItem {
        href: format!("/{}/events/{}", tenant.slug, e.id),
        title: e.title,
        title_lang: e.content_lang,
        meta: format!("{} · {} · {}", tr.t(&e.kind_key), e.when, e.place),
        flag: (e.status == "cancelled").then(|| tr.t("events-cancelled").into_owned()),
    };
    Ok(vec![
        TopicSection {
            id: "events-upcoming",
            title: tr.t("events-upcoming").into_owned(),
            empty: tr.t("topics-no-upcoming-events").into_owned(),
            items: upcoming.into_iter().map(item).collect(),
            more: Some((
                format!("/{}/topics/{}/events.ics", tenant.slug, topic.slug()),
                tr.t("topics-calendar-link").into_owned(),
            )),
        },
        TopicSection {
            id: "events-past",
            title: tr.t("events-past").into_owned(),
            empty: tr.t("topics-no-past-events").into_owned(),
            items: past.into_iter().map(item).collect(),
            more: None,
        },
    ])
}

/// The module's background jobs (offers that ran out, reminders).
pub fn background_jobs(state: &crate::platform::web::AppState) -> Vec<crate::platform::jobs::Job> {
    jobs::jobs(state)
}

#[derive(OpenApi)]
#[openapi(
    paths(api::create, api::show, api::register, api::cancel),
    components(schemas(
        model::EventInput,
        model::TranslationInput,
        model::PlaceAccessibility,
        model::Questions,
        model::CustomQuestion,
        model::Ask,
        model::QuestionKind,
        model::RegistrationInput,
        api::Created,
        api::EventView,
        api::RegistrationResult
    ))
)]
pub struct EventsApi;

/// The events entry of the start page.
pub fn nav() -> Vec<crate::platform::web::page::NavLink> {
    use crate::platform::web::page::{Audience, NavLink};
    vec![
        NavLink {
            path: "events",
            title_key: "events-title",
            summary_key: "events-summary",
            audience: Audience::Public,
        },
        NavLink {
            path: "topics",
            title_key: "topics-title",
            summary_key: "topics-summary",
            audience: Audience::Public,
        },
        NavLink {
            path: "staff/events",
            title_key: "events-staff-title",
            summary_key: "events-staff-summary",
            audience: Audience::Staff(Permission::ManageEvents),
        },
    ]
}

/// Routes of events in the network: organisers, agenda, minutes, and
/// occasion-based consultations.
pub fn network_routes(r: &mut Routes) {
    use Method as M;
    let manage = Access::Permission(Permission::ManageEvents);
    let staff = Access::Permission(Permission::UseStaffArea);
    r.add(
        M::GET,
        "/{tenant}/events/{event}/minutes",
        Access::Public,
        minutes::public,
    );
    r.add(
        M::GET,
        "/{tenant}/staff/events/{event}/minutes",
        manage,
        minutes::staff,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/events/{event}/minutes",
        manage,
        minutes::save,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/events/{event}/organisers",
        manage,
        minutes::set_organisers,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/events/{event}/agenda",
        manage,
        minutes::add_agenda,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/events/{event}/actions",
        manage,
        minutes::add_action,
    );
    let consult = Access::Permission(Permission::ManageConsultations);
    r.add(
        M::GET,
        "/{tenant}/staff/consultations",
        staff,
        consultations::index,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/consultations",
        consult,
        consultations::open,
    );
    r.add(
        M::GET,
        "/{tenant}/staff/consultations/{id}",
        staff,
        consultations::detail,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/consultations/{id}/responses",
        staff,
        consultations::respond,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/consultations/{id}/measures",
        consult,
        consultations::link_measure,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/consultations/{id}/meeting",
        consult,
        consultations::schedule,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/consultations/{id}/close",
        consult,
        consultations::close,
    );
}

/// The consultations' entry of the staff page.
pub fn network_nav() -> Vec<crate::platform::web::page::NavLink> {
    use crate::platform::web::page::{Audience, NavLink};
    vec![NavLink {
        path: "staff/consultations",
        title_key: "events-consultations-title",
        summary_key: "events-consultations-summary",
        audience: Audience::Staff(Permission::UseStaffArea),
    }]
}

/// Events of a period per kind for the transparency dashboard:
/// (kind, held — published or done and over by `now` —, cancelled).
pub async fn public_figures(
    db: &crate::platform::db::Db,
    tenant: crate::platform::tenants::TenantId,
    from: crate::platform::db::Timestamp,
    to: crate::platform::db::Timestamp,
    now: crate::platform::db::Timestamp,
) -> Result<Vec<(String, i64, i64)>, crate::platform::db::DbError> {
    let rows = store::counts_between(db, tenant, from, to, now).await?;
    Ok(model::EventKind::ALL
        .iter()
        .map(|k| {
            let k = k.as_str();
            let held = rows
                .iter()
                .filter(|r| r.0 == k && r.2 && (r.1 == "published" || r.1 == "done"))
                .map(|r| r.3)
                .sum();
            let cancelled = rows
                .iter()
                .filter(|r| r.0 == k && r.1 == "cancelled")
                .map(|r| r.3)
                .sum();
            (k.to_owned(), held, cancelled)
        })
        .collect())
}

/// A published event as the patrol planner sees it: its title, where
/// (place name and address as entered) and when.
#[derive(Debug, Clone)]
pub struct PlannedEvent {
    pub title: String,
    pub place: String,
    pub starts_at: crate::platform::db::Timestamp,
    pub ends_at: crate::platform::db::Timestamp,
}

/// Published (not draft, not cancelled) events overlapping `[from, to)`,
/// for the situation picture of patrol planning.
pub async fn published_between(
    db: &crate::platform::db::Db,
    tenant: crate::platform::tenants::TenantId,
    from: crate::platform::db::Timestamp,
    to: crate::platform::db::Timestamp,
) -> Result<Vec<PlannedEvent>, crate::platform::db::DbError> {
    Ok(store::published_overlapping(db, tenant, from, to)
        .await?
        .into_iter()
        .map(|(title, name, address, starts_at, ends_at)| PlannedEvent {
            title,
            place: format!("{name}, {address}"),
            starts_at,
            ends_at,
        })
        .collect())
}
