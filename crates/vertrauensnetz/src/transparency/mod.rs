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
    tenant
        .time_zone
        .parse()
        .unwrap_or(chrono_tz::Europe::Berlin)
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

/// How long computed figures are served before they are read again. A
/// dispatch import or a change of targets forgets the tenant's figures at
/// once; other modules' writes show within this time.
pub const CACHE_SECONDS: u64 = 60;
const CACHE_ENTRIES: usize = 256;

type CacheKey = (crate::platform::tenants::TenantId, String, Lang);

/// Computed sections per tenant, period and language (kept in
/// `AppState.ext`), so a busy dashboard reads the database once a minute.
#[derive(Default, Clone)]
pub struct Cache {
    entries: std::sync::Arc<std::sync::Mutex<CacheMap>>,
}

type CacheMap =
    std::collections::HashMap<CacheKey, (std::time::Instant, std::sync::Arc<Vec<model::Section>>)>;

impl Cache {
    pub fn new() -> Cache {
        Cache::default()
    }

    fn get(&self, key: &CacheKey) -> Option<std::sync::Arc<Vec<model::Section>>> {
        let entries = self.entries.lock().ok()?;
        entries
            .get(key)
            .filter(|(at, _)| at.elapsed().as_secs() < CACHE_SECONDS)
            .map(|(_, s)| s.clone())
    }

    fn put(&self, key: CacheKey, sections: std::sync::Arc<Vec<model::Section>>) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= CACHE_ENTRIES {
                entries.retain(|_, (at, _)| at.elapsed().as_secs() < CACHE_SECONDS);
                if entries.len() >= CACHE_ENTRIES {
                    entries.clear();
                }
            }
            entries.insert(key, (std::time::Instant::now(), sections));
        }
    }
}

/// Forgets a tenant's computed figures (after a write that changes them).
pub fn forget(state: &crate::platform::web::AppState, tenant: crate::platform::tenants::TenantId) {
    if let Some(cache) = state.ext.get::<Cache>() {
        if let Ok(mut entries) = cache.entries.lock() {
            entries.retain(|k, _| k.0 != tenant);
        }
    }
}

/// The dashboard's sections for a period, from the cache when fresh.
pub async fn sections_for(
    state: &crate::platform::web::AppState,
    tenant: &Tenant,
    period: Period,
    lang: Lang,
) -> Result<std::sync::Arc<Vec<model::Section>>, crate::platform::web::WebError> {
    let key = (tenant.id, period.slug(), lang);
    let cache = state.ext.get::<Cache>();
    if let Some(hit) = cache.and_then(|c| c.get(&key)) {
        return Ok(hit);
    }
    let input = sections::Input::new(state, tenant, period, lang).await?;
    let computed = std::sync::Arc::new(sections::all(&input).await?);
    if let Some(c) = cache {
        c.put(key, computed.clone());
    }
    Ok(computed)
}
