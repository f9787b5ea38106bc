//! Events and consultations: forums, the open conference, discussion
//! rounds, prevention events; registration that never overbooks, with a
//! waiting list that moves up by itself.
//!
//! Built so far: the API for creating events, reading them, registering and
//! cancelling, and the calendars. Pages, minutes and consultations follow.

pub mod api;
pub mod calendar;
pub mod model;
pub mod store;

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
    r.add(
        Method::GET,
        "/{tenant}/events/{file}",
        Access::Open,
        calendar::single,
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
