//! Events and consultations: forums, the open conference, discussion
//! rounds, prevention events; registration that never overbooks, with a
//! waiting list that moves up by itself.
//!
//! Built so far: the API for creating events, reading them, registering and
//! cancelling, the calendars, and the residents' pages (list, event with
//! registration form, private registration page). Minutes and consultations
//! follow.

pub mod api;
pub mod calendar;
pub mod consultations;
pub mod minutes;
pub mod model;
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
    let manage = Access::Permission(Permission::ManageEvents);
    r.add(Method::GET, "/{tenant}/staff/events", manage, staff::list);
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

#[derive(OpenApi)]
#[openapi(
    paths(api::create, api::show, api::register, api::cancel),
    components(schemas(
        model::EventInput,
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
