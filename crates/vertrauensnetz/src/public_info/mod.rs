//! Public safety information (PRODUCT.md §7): multilingual, accessible
//! public warnings published as CAP 1.2 (one `info` per language, Update and
//! Cancel chains, a page per warning, the CAP document and an Atom index,
//! import of CAP messages from outside), and safe places and help points
//! with opening hours and "open now near me" computed in the browser only.

pub mod alerts;
pub mod api;
pub mod area_map;
pub mod campaign_pdf;
pub mod demo;
pub mod hours;
pub mod model;
pub mod places;
pub mod store;

use axum::http::Method;

use crate::platform::auth::Permission;
use crate::platform::web::{Access, Routes};

pub fn routes(r: &mut Routes) {
    let public = Access::Public;
    r.add(Method::GET, "/{tenant}/alerts", public, alerts::public_list);
    r.add(Method::GET, "/{tenant}/alerts.atom", public, alerts::feed);
    r.add(
        Method::GET,
        "/{tenant}/alerts/{file}",
        public,
        alerts::public_item,
    );
    let warn = Access::Permission(Permission::PublishWarnings);
    r.add(
        Method::GET,
        "/{tenant}/staff/warnings",
        warn,
        alerts::staff_list,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/warnings",
        warn,
        alerts::create,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/warnings/new",
        warn,
        alerts::compose,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/warnings/import",
        warn,
        alerts::import,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/warnings/settings",
        warn,
        alerts::save_settings,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/warnings/{id}",
        warn,
        alerts::staff_detail,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/warnings/{id}/publish",
        warn,
        alerts::publish,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/warnings/{id}/edit",
        warn,
        alerts::edit_form,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/warnings/{id}/edit",
        warn,
        alerts::edit,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/warnings/{id}/discard",
        warn,
        alerts::discard,
    );
    places::routes(r);
    r.add(
        Method::GET,
        "/api/v1/{tenant}/warnings",
        public,
        api::warnings,
    );
    r.add(
        Method::GET,
        "/api/v1/{tenant}/warnings/{id}",
        public,
        api::warning,
    );
    r.add(
        Method::GET,
        "/api/v1/{tenant}/safe-places",
        public,
        api::safe_places,
    );
}

/// Entries on the start and staff pages.
pub fn nav() -> Vec<crate::platform::web::page::NavLink> {
    use crate::platform::web::page::{Audience, NavLink};
    vec![
        NavLink {
            path: "alerts",
            title_key: "alerts-title",
            summary_key: "alerts-summary",
            audience: Audience::Public,
        },
        NavLink {
            path: "safe-places",
            title_key: "places-title",
            summary_key: "places-summary",
            audience: Audience::Public,
        },
        NavLink {
            path: "staff/warnings",
            title_key: "alerts-staff-title",
            summary_key: "alerts-staff-summary",
            audience: Audience::Staff(Permission::PublishWarnings),
        },
        NavLink {
            path: "staff/safe-places",
            title_key: "places-staff-title",
            summary_key: "places-staff-summary",
            audience: Audience::Staff(Permission::ManageSafePlaces),
        },
    ]
}
