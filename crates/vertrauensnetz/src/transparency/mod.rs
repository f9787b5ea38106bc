//! The public transparency dashboard (`/{tenant}/transparency`): figures
//! from every module with server-rendered SVG charts, each with a data
//! table, its definition, period and source, small counts suppressed where
//! people could be identified; every figure as open data (CSV, JSON, and
//! GeoJSON where rows are districts) at stable addresses, a data
//! dictionary and the tenant's licence statement.
//!
//! Figures are read through each module's public surface (`public_figures`
//! and the like at the end of its `mod.rs`); see [`sections`].

pub mod model;
pub mod pages;
pub mod sections;
pub mod store;

use axum::http::Method;

use crate::platform::auth::Permission;
use crate::platform::i18n::Lang;
use crate::platform::tenants::Tenant;
use crate::platform::web::page::{Audience, NavLink};
use crate::platform::web::{Access, Routes};
pub use model::{Period, Unit};

pub fn routes(r: &mut Routes) {
    r.add(
        Method::GET,
        "/{tenant}/transparency",
        Access::Public,
        pages::dashboard,
    );
    r.add(
        Method::GET,
        "/{tenant}/transparency/data",
        Access::Public,
        pages::dictionary,
    );
    r.add(
        Method::GET,
        "/{tenant}/transparency/data/{file}",
        Access::Public,
        pages::download,
    );
    let configure = Access::Permission(Permission::ConfigureTransparency);
    r.add(
        Method::GET,
        "/{tenant}/admin/transparency",
        configure,
        pages::admin,
    );
    r.add(
        Method::POST,
        "/{tenant}/admin/transparency",
        configure,
        pages::save_admin,
    );
}

pub fn nav() -> Vec<NavLink> {
    vec![
        NavLink {
            path: "transparency",
            title_key: "transparency-title",
            summary_key: "transparency-summary",
            audience: Audience::Public,
        },
        NavLink {
            path: "admin/transparency",
            title_key: "transparency-admin-title",
            summary_key: "transparency-admin-summary",
            audience: Audience::Staff(Permission::ConfigureTransparency),
        },
    ]
}

/// The tenant's time zone.
pub fn tz(tenant: &Tenant) -> chrono_tz::Tz {
    tenant.time_zone.parse().unwrap_or(chrono_tz::Europe::Berlin)
}

/// A cell as shown to a reader: the file's number with the language's
/// decimal separator; empty when there is none.
pub fn format_number(lang: Lang, v: Option<f64>, unit: Unit) -> String {
    let s = model::format_cell(v, unit);
    let sep = crate::platform::i18n::tr(lang, "transparency-decimal-separator", None);
    if sep == "." || sep.is_empty() {
        s
    } else {
        s.replace('.', &sep)
    }
}
