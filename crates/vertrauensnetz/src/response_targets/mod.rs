//! Response-time targets of the rescue service (Hilfsfrist, seed 003
//! l. 158–160): the rescue service's planners import dispatch records
//! (CSV), set a target per district and category and the start point, and
//! see the share of emergencies reached within the target per district and
//! month, with a trend and a warning below the review threshold (NRW: 80 %).
//! The transparency dashboard reads [`compliance`].

pub mod demo;
pub mod model;
pub mod pages;
pub mod store;

use std::collections::BTreeMap;

use axum::http::Method;

use crate::platform::auth::Permission;
use crate::platform::db::{Db, DbError};
use crate::platform::tenants::{self, Tenant};
use crate::platform::web::page::{Audience, NavLink};
use crate::platform::web::{Access, Routes};
pub use model::{Count, StartPoint, Target};
pub use store::Settings;

pub fn routes(r: &mut Routes) {
    let manage = Access::Permission(Permission::ManageResponseTargets);
    r.add(
        Method::GET,
        "/{tenant}/staff/response-targets",
        manage,
        pages::page,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/response-targets/import",
        manage,
        pages::import,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/response-targets/settings",
        manage,
        pages::save_settings,
    );
}

pub fn nav() -> Vec<NavLink> {
    vec![NavLink {
        path: "staff/response-targets",
        title_key: "rt-title",
        summary_key: "rt-summary",
        audience: Audience::Staff(Permission::ManageResponseTargets),
    }]
}

/// Compliance of one district in a period, with the previous period.
#[derive(Debug, Clone)]
pub struct DistrictRow {
    pub code: String,
    pub name: String,
    pub total: Count,
    pub previous: Count,
    /// By month `YYYY-MM` of the period (every month, zero where none).
    pub months: Vec<(String, Count)>,
    /// The target share that applies (percent).
    pub share_percent: i64,
    /// The target time (seconds) of its most frequent category.
    pub target_seconds: Option<i64>,
    /// Below the review threshold.
    pub below_threshold: bool,
}

/// Compliance of a tenant in the months `[from, to)`.
#[derive(Debug, Clone)]
pub struct Compliance {
    pub settings: Settings,
    pub targets: Vec<Target>,
    pub districts: Vec<DistrictRow>,
    /// Every district together, by month.
    pub months: Vec<(String, Count)>,
    pub total: Count,
}

/// Computes compliance for the months `[from, to)` and, for the trend, the
/// months `[prev_from, from)`.
pub async fn compliance(
    db: &Db,
    tenant: &Tenant,
    (from, to): (&str, &str),
    prev_from: &str,
) -> Result<Compliance, DbError> {
    let settings = store::settings(db, tenant.id).await?;
    let targets = store::targets(db, tenant.id).await?;
    let default = Target::default_target().seconds;
    let groups = store::groups(db, tenant.id, from, to, settings.start_point, default).await?;
    let prev = store::groups(
        db,
        tenant.id,
        prev_from,
        from,
        settings.start_point,
        default,
    )
    .await?;
    let now = model::by_district(&groups, &targets);
    let before = model::by_district(&prev, &targets);
    let months = model::months_between(from, to);
    let names: BTreeMap<String, String> = tenants::districts(db, tenant.id)
        .await?
        .into_iter()
        .map(|d| (d.code, d.name))
        .collect();
    let mut codes: Vec<&String> = names.keys().collect();
    for c in now.keys() {
        if !names.contains_key(c) {
            codes.push(c);
        }
    }
    let mut districts = Vec::new();
    let mut all_months: BTreeMap<String, Count> = months
        .iter()
        .map(|m| (m.clone(), Count::default()))
        .collect();
    let mut total = Count::default();
    for code in codes {
        let d = now.get(code);
        let t = d.map(|d| d.total).unwrap_or_default();
        total.add(t);
        let by_month: Vec<(String, Count)> = months
            .iter()
            .map(|m| {
                let c = d.and_then(|d| d.months.get(m)).copied().unwrap_or_default();
                if let Some(a) = all_months.get_mut(m) {
                    a.add(c);
                }
                (m.clone(), c)
            })
            .collect();
        let share = d
            .map(|d| d.share_percent)
            .filter(|s| *s > 0)
            .or_else(|| model::resolve(&targets, code, "*").map(|t| t.share_percent))
            .unwrap_or(90);
        districts.push(DistrictRow {
            code: code.clone(),
            name: names.get(code).cloned().unwrap_or_else(|| code.clone()),
            total: t,
            previous: before.get(code).map(|d| d.total).unwrap_or_default(),
            months: by_month,
            share_percent: share,
            target_seconds: d
                .and_then(|d| d.target_seconds)
                .or_else(|| model::resolve(&targets, code, "*").map(|t| t.seconds)),
            below_threshold: t
                .percent()
                .is_some_and(|p| p < settings.threshold_percent as f64),
        });
    }
    Ok(Compliance {
        settings,
        targets,
        districts,
        months: all_months.into_iter().collect(),
        total,
    })
}
