//! Tenants (municipalities) and their districts.
//!
//! Every row of every table belongs to one tenant. A [`TenantId`] can only be
//! obtained from a resolved [`Tenant`], so a store function that asks for one
//! cannot be called with a made-up or missing scope.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use serde::Serialize;
use uuid::Uuid;

use super::db::{Db, DbError, Timestamp, Tx};
use crate::on_db;

/// A tenant's identifier. Constructed only by this module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TenantId(Uuid);

impl TenantId {
    pub fn as_uuid(self) -> Uuid {
        self.0
    }

    /// Wraps an id read from a `tenant_id` column.
    pub(crate) fn from_db(id: Uuid) -> TenantId {
        TenantId(id)
    }
}

impl std::fmt::Display for TenantId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Path names the platform uses itself, so no tenant may be called so.
pub const RESERVED_SLUGS: &[&str] = &[
    "api",
    "assets",
    "metrics",
    "healthz",
    "readyz",
    "open311",
    "well-known",
    "static",
    "login",
    "admin",
];

/// A tenant's URL name: lower-case ASCII letters, digits and `-`, 2–40 long.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct TenantSlug(String);

impl TenantSlug {
    pub fn parse(s: &str) -> Option<TenantSlug> {
        let ok = (2..=40).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !RESERVED_SLUGS.contains(&s);
        ok.then(|| TenantSlug(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for TenantSlug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A municipality served by the platform.
#[derive(Debug, Clone)]
pub struct Tenant {
    pub id: TenantId,
    pub slug: TenantSlug,
    pub name: String,
    /// The Open311 `jurisdiction_id`, e.g. `dortmund.de`.
    pub jurisdiction_id: String,
    pub time_zone: String,
    pub centre_lat: f64,
    pub centre_lon: f64,
}

#[derive(sqlx::FromRow)]
struct TenantRow {
    tenant_id: Uuid,
    slug: String,
    name: String,
    jurisdiction_id: String,
    time_zone: String,
    centre_lat: f64,
    centre_lon: f64,
}

impl TenantRow {
    fn into_tenant(self) -> Option<Tenant> {
        Some(Tenant {
            id: TenantId(self.tenant_id),
            slug: TenantSlug::parse(&self.slug)?,
            name: self.name,
            jurisdiction_id: self.jurisdiction_id,
            time_zone: self.time_zone,
            centre_lat: self.centre_lat,
            centre_lon: self.centre_lon,
        })
    }
}

const SELECT_TENANT: &str =
    "SELECT tenant_id, slug, name, jurisdiction_id, time_zone, centre_lat, centre_lon FROM tenants";

/// What is needed to create a tenant.
pub struct NewTenant<'a> {
    pub slug: &'a TenantSlug,
    pub name: &'a str,
    pub jurisdiction_id: &'a str,
    pub time_zone: &'a str,
    pub centre_lat: f64,
    pub centre_lon: f64,
}

/// Creates a tenant and its audit chain head.
pub async fn create_tenant(
    tx: &mut Tx,
    t: NewTenant<'_>,
    now: Timestamp,
) -> Result<Tenant, DbError> {
    let id = Uuid::now_v7();
    on_db!(tx, c => sqlx::query(
        "INSERT INTO tenants (tenant_id, slug, name, jurisdiction_id, time_zone, centre_lat, centre_lon, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
        .bind(id).bind(t.slug.as_str()).bind(t.name).bind(t.jurisdiction_id).bind(t.time_zone)
        .bind(t.centre_lat).bind(t.centre_lon).bind(now)
        .execute(c).await.map(|_| ()))?;
    let tenant = Tenant {
        id: TenantId(id),
        slug: t.slug.clone(),
        name: t.name.to_owned(),
        jurisdiction_id: t.jurisdiction_id.to_owned(),
        time_zone: t.time_zone.to_owned(),
        centre_lat: t.centre_lat,
        centre_lon: t.centre_lon,
    };
    super::audit::create_head(tx, &tenant).await?;
    Ok(tenant)
}

/// All tenants, by slug.
pub async fn list_tenants(db: &Db) -> Result<Vec<Tenant>, DbError> {
    let mut conn = db.read().await?;
    let rows: Vec<TenantRow> = on_db!(conn, c => sqlx::query_as(&format!("{SELECT_TENANT} ORDER BY slug"))
        .fetch_all(c).await)?;
    Ok(rows
        .into_iter()
        .filter_map(TenantRow::into_tenant)
        .collect())
}

/// Finds a tenant by slug inside a transaction (CLI commands).
pub async fn tenant_by_slug_tx(tx: &mut Tx, slug: &str) -> Result<Option<Tenant>, DbError> {
    let row: Option<TenantRow> = on_db!(tx, c => sqlx::query_as(&format!("{SELECT_TENANT} WHERE slug = $1"))
        .bind(slug).fetch_optional(c).await)?;
    Ok(row.and_then(TenantRow::into_tenant))
}

/// Tenants are read on nearly every request and change almost never, so
/// they are cached. A miss reloads from the database at most once a second,
/// so a tenant created through another instance appears quickly.
#[derive(Clone)]
pub struct TenantRegistry {
    db: Db,
    inner: Arc<RwLock<Cache>>,
}

struct Cache {
    by_slug: HashMap<String, Arc<Tenant>>,
    loaded_at: Option<Instant>,
}

impl TenantRegistry {
    pub async fn load(db: Db) -> Result<TenantRegistry, DbError> {
        let reg = TenantRegistry {
            db,
            inner: Arc::new(RwLock::new(Cache {
                by_slug: HashMap::new(),
                loaded_at: None,
            })),
        };
        reg.reload().await?;
        Ok(reg)
    }

    async fn reload(&self) -> Result<(), DbError> {
        let tenants = list_tenants(&self.db).await?;
        if let Ok(mut cache) = self.inner.write() {
            cache.by_slug = tenants
                .into_iter()
                .map(|t| (t.slug.as_str().to_owned(), Arc::new(t)))
                .collect();
            cache.loaded_at = Some(Instant::now());
        }
        Ok(())
    }

    fn cached(&self, slug: &str) -> (Option<Arc<Tenant>>, bool) {
        match self.inner.read() {
            Ok(cache) => (
                cache.by_slug.get(slug).cloned(),
                cache
                    .loaded_at
                    .is_none_or(|t| t.elapsed() > Duration::from_secs(1)),
            ),
            Err(_) => (None, true),
        }
    }

    /// The tenant with this slug, if it exists.
    pub async fn get(&self, slug: &str) -> Result<Option<Arc<Tenant>>, DbError> {
        let (hit, stale) = self.cached(slug);
        if hit.is_some() || !stale || TenantSlug::parse(slug).is_none() {
            return Ok(hit);
        }
        self.reload().await?;
        Ok(self.cached(slug).0)
    }

    /// The tenant with this slug from the cache only (for error pages).
    pub fn cached_by_slug(&self, slug: &str) -> Option<Arc<Tenant>> {
        self.cached(slug).0
    }

    /// The tenant with this id, from the cache.
    pub fn by_id(&self, id: TenantId) -> Option<Arc<Tenant>> {
        self.inner
            .read()
            .ok()
            .and_then(|c| c.by_slug.values().find(|t| t.id == id).cloned())
    }

    /// Every tenant, by slug.
    pub fn all(&self) -> Vec<Arc<Tenant>> {
        let mut v: Vec<Arc<Tenant>> = self
            .inner
            .read()
            .map(|c| c.by_slug.values().cloned().collect())
            .unwrap_or_default();
        v.sort_by(|a, b| a.slug.as_str().cmp(b.slug.as_str()));
        v
    }
}

/// A district (Stadtbezirk / Stadtteil) of a tenant.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct District {
    pub code: String,
    pub name: String,
    pub centre_lat: Option<f64>,
    pub centre_lon: Option<f64>,
}

/// The districts of a tenant, by name.
pub async fn districts(db: &Db, tenant: TenantId) -> Result<Vec<District>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT code, name, centre_lat, centre_lon FROM districts WHERE tenant_id = $1 ORDER BY name")
        .bind(tenant.0).fetch_all(c).await)
    .map_err(DbError::from)
}

/// A district as imported or seeded.
pub struct DistrictInput {
    pub code: String,
    pub name: String,
    pub centre: Option<(f64, f64)>,
    /// GeoJSON geometry text and its bounding box (min lat, min lon, max lat, max lon).
    pub geometry: Option<(String, [f64; 4])>,
}

/// Inserts or replaces a district (matched by code).
pub async fn upsert_district(
    tx: &mut Tx,
    tenant: TenantId,
    d: &DistrictInput,
) -> Result<(), DbError> {
    let (geometry, bbox) = match &d.geometry {
        Some((g, b)) => (Some(g.as_str()), Some(*b)),
        None => (None, None),
    };
    let (lat, lon) = match d.centre {
        Some((lat, lon)) => (Some(lat), Some(lon)),
        None => (None, None),
    };
    on_db!(tx, c => sqlx::query(
        "INSERT INTO districts (tenant_id, district_id, code, name, centre_lat, centre_lon, geometry, min_lat, min_lon, max_lat, max_lon)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (tenant_id, code) DO UPDATE SET name = excluded.name,
           centre_lat = COALESCE(excluded.centre_lat, districts.centre_lat),
           centre_lon = COALESCE(excluded.centre_lon, districts.centre_lon),
           geometry = excluded.geometry, min_lat = excluded.min_lat, min_lon = excluded.min_lon,
           max_lat = excluded.max_lat, max_lon = excluded.max_lon")
        .bind(tenant.0).bind(Uuid::now_v7()).bind(&d.code).bind(&d.name).bind(lat).bind(lon)
        .bind(geometry).bind(bbox.map(|b| b[0])).bind(bbox.map(|b| b[1]))
        .bind(bbox.map(|b| b[2])).bind(bbox.map(|b| b[3]))
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// A URL-safe code for a district name ("Innenstadt-West" → "innenstadt-west").
pub fn district_code(name: &str) -> String {
    let mut out = String::new();
    for ch in name.to_lowercase().chars() {
        match ch {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ => {
                if !out.ends_with('-') && !out.is_empty() {
                    out.push('-')
                }
            }
        }
    }
    out.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(TenantSlug::parse("dortmund").is_some());
        assert!(TenantSlug::parse("bad-kreuznach").is_some());
        assert!(TenantSlug::parse("Dortmund").is_none());
        assert!(TenantSlug::parse("-x").is_none());
        assert!(TenantSlug::parse("a").is_none());
        assert!(TenantSlug::parse("../etc").is_none());
        assert!(TenantSlug::parse("api").is_none());
        assert!(TenantSlug::parse("assets").is_none());
    }

    #[test]
    fn codes() {
        assert_eq!(district_code("Innenstadt-West"), "innenstadt-west");
        assert_eq!(district_code("Hörde"), "hoerde");
        assert_eq!(district_code("Lütgendortmund"), "luetgendortmund");
        assert_eq!(district_code("Lünen-Süd"), "luenen-sued");
    }
}
