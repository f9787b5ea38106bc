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
pub mod routing;
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
    let configure = Access::Permission(Permission::ConfigurePatrols);
    r.add(
        Method::GET,
        "/{tenant}/staff/patrol-settings",
        configure,
        pages::settings,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/patrol-settings",
        configure,
        pages::save_settings,
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
        staff(
            "staff/patrol-settings",
            "patrols-settings-title",
            "patrols-settings-summary",
            Permission::ConfigurePatrols,
        ),
    ]
}

/// The figures of a period the public dashboard shows: per deployment area
/// the published joint patrols and the hours each agency's staff spent on
/// them; per kind of measure in the patrol log the counts per agency.
#[derive(Debug, Clone, Default)]
pub struct PublicFigures {
    /// (area name, patrols, police hours, KOD hours), in the areas' order.
    pub areas: Vec<(String, i64, f64, f64)>,
    /// (log kind, police, KOD), every kind of [`model::LOG_KINDS`].
    pub measures: Vec<(String, i64, i64)>,
}

pub async fn public_figures(
    db: &crate::platform::db::Db,
    tenant: crate::platform::tenants::TenantId,
    from: crate::platform::db::Timestamp,
    to: crate::platform::db::Timestamp,
) -> Result<PublicFigures, crate::platform::db::DbError> {
    let mut areas = store::areas(db, tenant).await?;
    areas.sort_by_key(|a| a.position);
    let rows = store::published_member_agencies(db, tenant, from, to).await?;
    let mut out = PublicFigures::default();
    for a in &areas {
        let mine: Vec<_> = rows.iter().filter(|r| r.0 == a.area_id).collect();
        let mut patrols: Vec<uuid::Uuid> = mine.iter().map(|r| r.1).collect();
        patrols.sort();
        patrols.dedup();
        let hours = |agency: &str| {
            mine.iter()
                .filter(|r| r.4 == agency)
                .map(|r| (r.3 .0 - r.2 .0).num_minutes() as f64 / 60.0)
                .sum::<f64>()
        };
        out.areas.push((
            a.name.clone(),
            patrols.len() as i64,
            hours("police"),
            hours("kod"),
        ));
    }
    let counts = store::log_counts(db, tenant, from, to).await?;
    for kind in model::LOG_KINDS {
        let of = |agency: &str| {
            counts
                .iter()
                .filter(|r| r.1 == kind && r.2 == agency)
                .map(|r| r.3)
                .sum::<i64>()
        };
        out.measures
            .push((kind.to_owned(), of("police"), of("kod")));
    }
    Ok(out)
}
