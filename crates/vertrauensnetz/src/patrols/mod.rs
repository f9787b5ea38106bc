//! The order partnership and the order service's control centre (issue 8):
//! the register of police and KOD staff with qualifications and absences,
//! deployment areas mapped to districts, joint double patrols planned by a
//! mixed-integer programme from the situation picture and the committee's
//! focus areas (with an independent checker and an explanation of every
//! patrol), manual edits with flagged violations and an audited override,
//! incident intake with the nearest free suitable unit, FMS unit status,
//! assignments with timestamps, a live board, and the patrol log with
//! counts per agency and area.

pub mod api;
pub mod demo;
pub mod model;
pub mod pages;
pub mod planning;
pub mod service;
pub mod store;

use axum::http::Method;

use crate::platform::auth::Permission;
use crate::platform::web::{Access, Routes};

pub use api::PatrolsApi;

pub fn routes(r: &mut Routes) {
    let read = Access::Permission(Permission::ReadPatrolPlan);
    let plan = Access::Permission(Permission::PlanPatrols);
    let dispatch = Access::Permission(Permission::Dispatch);
    let status = Access::Permission(Permission::UpdateUnitStatus);
    let log = Access::Permission(Permission::KeepPatrolLog);
    r.add(Method::GET, "/{tenant}/staff/patrols", read, pages::plans);
    r.add(
        Method::POST,
        "/{tenant}/staff/patrols",
        plan,
        pages::create_plan,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/patrols/{id}",
        read,
        pages::plan,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/patrols/{id}/edit",
        plan,
        pages::edit,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/patrols/{id}/add",
        plan,
        pages::add,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/patrols/{id}/publish",
        plan,
        pages::publish,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/patrol-staff",
        plan,
        pages::staff,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/patrol-staff",
        plan,
        pages::add_staff,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/patrol-staff/absences",
        plan,
        pages::add_absence,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/patrol-committee",
        read,
        pages::committee,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/patrol-committee",
        Access::Permission(Permission::SetFocusAreas),
        pages::set_focus,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/dispatch",
        dispatch,
        pages::dispatch,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/dispatch",
        dispatch,
        pages::take,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/dispatch/board.json",
        dispatch,
        pages::board_json,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/dispatch/{id}",
        dispatch,
        pages::incident,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/dispatch/{id}/assign",
        dispatch,
        pages::assign,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/dispatch/units/{id}",
        status,
        pages::unit_status,
    );
    r.add(Method::GET, "/{tenant}/staff/patrol-log", log, pages::log);
    r.add(
        Method::POST,
        "/{tenant}/staff/patrol-log",
        log,
        pages::add_log,
    );
    r.add(Method::GET, "/api/v1/{tenant}/patrols", read, api::patrols);
    r.add(
        Method::POST,
        "/api/v1/{tenant}/patrols",
        plan,
        api::add_patrol,
    );
    r.add(
        Method::POST,
        "/api/v1/{tenant}/incidents",
        dispatch,
        api::create_incident,
    );
    r.add(
        Method::POST,
        "/api/v1/{tenant}/incidents/{id}/assignments",
        dispatch,
        api::assign,
    );
    r.add(
        Method::POST,
        "/api/v1/{tenant}/units/{id}/status",
        status,
        api::unit_status,
    );
}

/// The module's entries on the staff page.
pub fn nav() -> Vec<crate::platform::web::page::NavLink> {
    use crate::platform::web::page::{Audience, NavLink};
    let staff = |path, title_key, summary_key, p| NavLink {
        path,
        title_key,
        summary_key,
        audience: Audience::Staff(p),
    };
    vec![
        staff(
            "staff/dispatch",
            "patrols-dispatch-title",
            "patrols-dispatch-summary",
            Permission::Dispatch,
        ),
        staff(
            "staff/patrols",
            "patrols-plans-title",
            "patrols-plans-summary",
            Permission::ReadPatrolPlan,
        ),
        staff(
            "staff/patrol-staff",
            "patrols-staff-title",
            "patrols-staff-summary",
            Permission::PlanPatrols,
        ),
        staff(
            "staff/patrol-committee",
            "patrols-committee-title",
            "patrols-committee-summary",
            Permission::ReadPatrolPlan,
        ),
        staff(
            "staff/patrol-log",
            "patrols-log-title",
            "patrols-log-summary",
            Permission::KeepPatrolLog,
        ),
    ]
}
