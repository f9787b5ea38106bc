//! All SQL of the transparency module: the licence setting and the
//! districts' shapes for GeoJSON.

use crate::on_db;
use crate::platform::db::{Db, DbError, Timestamp, Tx};
use crate::platform::tenants::TenantId;

/// The licence every tenant starts with.
pub const DEFAULT_LICENCE: (&str, &str) = (
    "Datenlizenz Deutschland – Namensnennung – 2.0",
    "https://www.govdata.de/dl-de/by-2-0",
);

/// The tenant's open-data licence: name and address of its text.
pub async fn licence(db: &Db, tenant: TenantId) -> Result<(String, String), DbError> {
    let mut conn = db.read().await?;
    let row: Option<(String, String)> = on_db!(conn, c => sqlx::query_as(
        "SELECT licence_name, licence_url FROM transparency_settings WHERE tenant_id = $1")
        .bind(tenant.as_uuid()).fetch_optional(c).await)?;
    Ok(row.unwrap_or_else(|| (DEFAULT_LICENCE.0.to_owned(), DEFAULT_LICENCE.1.to_owned())))
}

pub async fn save_licence(
    tx: &mut Tx,
    tenant: TenantId,
    name: &str,
    url: &str,
    now: Timestamp,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO transparency_settings (tenant_id, licence_name, licence_url, updated_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id) DO UPDATE SET licence_name = $2, licence_url = $3, updated_at = $4")
        .bind(tenant.as_uuid()).bind(name).bind(url).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// A district's code, name, centre and outline (GeoJSON geometry text).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Shape {
    pub code: String,
    pub name: String,
    pub centre_lat: Option<f64>,
    pub centre_lon: Option<f64>,
    pub geometry: Option<String>,
}

pub async fn shapes(db: &Db, tenant: TenantId) -> Result<Vec<Shape>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT code, name, centre_lat, centre_lon, geometry FROM districts WHERE tenant_id = $1 ORDER BY name")
        .bind(tenant.as_uuid()).fetch_all(c).await)?)
}
