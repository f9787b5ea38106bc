//! All SQL of the reports module.

use std::collections::HashMap;

use uuid::Uuid;

use super::model::{Category, Department, Kind, Scope, Status};
use crate::on_db;
use crate::platform::db::{Db, DbError, DbKind, Timestamp, Tx};
use crate::platform::tenants::TenantId;

#[derive(sqlx::FromRow)]
struct CategoryRow {
    category_id: Uuid,
    code: String,
    kind: String,
    position: i32,
    radius_m: i32,
    ack_hours: i32,
    resolve_hours: i32,
    active: bool,
}

/// Every category of a tenant with its names, by position.
pub async fn categories(db: &Db, tenant: TenantId) -> Result<Vec<Category>, DbError> {
    let mut conn = db.read().await?;
    let rows: Vec<CategoryRow> = on_db!(conn, c => sqlx::query_as(
        "SELECT category_id, code, kind, position, radius_m, ack_hours, resolve_hours, active
         FROM report_categories WHERE tenant_id = $1 ORDER BY position, code")
        .bind(tenant.as_uuid()).fetch_all(c).await)?;
    let names: Vec<(Uuid, String, String, String)> = on_db!(conn, c => sqlx::query_as(
        "SELECT category_id, lang, name, description FROM report_category_names WHERE tenant_id = $1")
        .bind(tenant.as_uuid()).fetch_all(c).await)?;
    let routes: Vec<(Uuid, String, Uuid)> = on_db!(conn, c => sqlx::query_as(
        "SELECT category_id, district_code, department_id FROM report_routes WHERE tenant_id = $1")
        .bind(tenant.as_uuid()).fetch_all(c).await)?;
    let mut by_id: HashMap<Uuid, HashMap<String, (String, String)>> = HashMap::new();
    for (id, lang, name, description) in names {
        by_id
            .entry(id)
            .or_default()
            .insert(lang, (name, description));
    }
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(Category {
                id: r.category_id,
                code: r.code,
                kind: Kind::parse(&r.kind)?,
                position: r.position,
                radius_m: r.radius_m,
                ack_hours: r.ack_hours,
                resolve_hours: r.resolve_hours,
                active: r.active,
                names: by_id.remove(&r.category_id).unwrap_or_default(),
                routes: routes
                    .iter()
                    .filter(|(c, _, _)| *c == r.category_id)
                    .map(|(_, d, dep)| (d.clone(), *dep))
                    .collect(),
            })
        })
        .collect())
}

/// The departments of a tenant, by name.
pub async fn departments(db: &Db, tenant: TenantId) -> Result<Vec<Department>, DbError> {
    let mut conn = db.read().await?;
    let rows: Vec<(Uuid, String, String, String, Option<String>)> = on_db!(conn, c => sqlx::query_as(
        "SELECT department_id, code, name, kind, email FROM report_departments WHERE tenant_id = $1 ORDER BY name")
        .bind(tenant.as_uuid()).fetch_all(c).await)?;
    Ok(rows
        .into_iter()
        .map(|(id, code, name, kind, email)| Department {
            id,
            code,
            name,
            kind,
            email,
        })
        .collect())
}

/// The departments an account works in.
pub async fn memberships(db: &Db, tenant: TenantId, user: Uuid) -> Result<Vec<Uuid>, DbError> {
    let mut conn = db.read().await?;
    let rows: Vec<(Uuid,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT department_id FROM report_department_members WHERE tenant_id = $1 AND user_id = $2")
        .bind(tenant.as_uuid()).bind(user).fetch_all(c).await)?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

pub async fn insert_department(
    tx: &mut Tx,
    tenant: TenantId,
    d: &Department,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO report_departments (tenant_id, department_id, code, name, kind, email) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(tenant.as_uuid()).bind(d.id).bind(&d.code).bind(&d.name).bind(&d.kind).bind(&d.email)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn add_member(
    tx: &mut Tx,
    tenant: TenantId,
    department: Uuid,
    user: Uuid,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO report_department_members (tenant_id, department_id, user_id) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING")
        .bind(tenant.as_uuid()).bind(department).bind(user)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn insert_category(tx: &mut Tx, tenant: TenantId, cat: &Category) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO report_categories (tenant_id, category_id, code, kind, position, radius_m, ack_hours, resolve_hours, active)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
        .bind(tenant.as_uuid()).bind(cat.id).bind(&cat.code).bind(cat.kind.as_str()).bind(cat.position)
        .bind(cat.radius_m).bind(cat.ack_hours).bind(cat.resolve_hours).bind(cat.active)
        .execute(c).await.map(|_| ()))?;
    for (lang, (name, description)) in &cat.names {
        set_name(tx, tenant, cat.id, lang, name, description).await?;
    }
    for (district, department) in &cat.routes {
        on_db!(tx, c => sqlx::query(
            "INSERT INTO report_routes (tenant_id, category_id, district_code, department_id) VALUES ($1, $2, $3, $4)")
            .bind(tenant.as_uuid()).bind(cat.id).bind(district).bind(department)
            .execute(c).await.map(|_| ()))?;
    }
    Ok(())
}

pub async fn set_name(
    tx: &mut Tx,
    tenant: TenantId,
    category: Uuid,
    lang: &str,
    name: &str,
    description: &str,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO report_category_names (tenant_id, category_id, lang, name, description) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, category_id, lang) DO UPDATE SET name = excluded.name, description = excluded.description")
        .bind(tenant.as_uuid()).bind(category).bind(lang).bind(name).bind(description)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Changes a category's targets, radius, state and its department (for
/// every district).
pub async fn update_category(
    tx: &mut Tx,
    tenant: TenantId,
    cat: &Category,
    department: Option<Uuid>,
) -> Result<bool, DbError> {
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE report_categories SET radius_m = $3, ack_hours = $4, resolve_hours = $5, active = $6
         WHERE tenant_id = $1 AND category_id = $2")
        .bind(tenant.as_uuid()).bind(cat.id).bind(cat.radius_m).bind(cat.ack_hours)
        .bind(cat.resolve_hours).bind(cat.active)
        .execute(c).await.map(|r| r.rows_affected()))?;
    if let Some(dep) = department {
        on_db!(tx, c => sqlx::query(
            "DELETE FROM report_routes WHERE tenant_id = $1 AND category_id = $2 AND district_code = ''")
            .bind(tenant.as_uuid()).bind(cat.id).execute(c).await.map(|_| ()))?;
        on_db!(tx, c => sqlx::query(
            "INSERT INTO report_routes (tenant_id, category_id, district_code, department_id) VALUES ($1, $2, '', $3)")
            .bind(tenant.as_uuid()).bind(cat.id).bind(dep).execute(c).await.map(|_| ()))?;
    }
    Ok(n == 1)
}

/// Replaces every route of a category: `routes` holds (district code or
/// `""` for every district, department). Only within `tx`, so a failed
/// save keeps the old routing.
pub async fn replace_routes(
    tx: &mut Tx,
    tenant: TenantId,
    category: Uuid,
    routes: &[(String, Uuid)],
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "DELETE FROM report_routes WHERE tenant_id = $1 AND category_id = $2")
        .bind(tenant.as_uuid()).bind(category).execute(c).await.map(|_| ()))?;
    for (district, dep) in routes {
        on_db!(tx, c => sqlx::query(
            "INSERT INTO report_routes (tenant_id, category_id, district_code, department_id) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING")
            .bind(tenant.as_uuid()).bind(category).bind(district).bind(dep).execute(c).await.map(|_| ()))?;
    }
    Ok(())
}

/// A report as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReportRow {
    pub report_id: Uuid,
    pub category_id: Uuid,
    pub kind: String,
    pub status: String,
    pub status_note: Option<String>,
    pub district_code: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub address: String,
    pub description: String,
    pub public_description: Option<String>,
    pub published: bool,
    pub time_of_day: Option<String>,
    pub walk: bool,
    pub reporter_name: Option<String>,
    pub reporter_email: Option<String>,
    pub reporter_lang: String,
    pub token: String,
    pub source: String,
    pub duplicate_of: Option<Uuid>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub acknowledged_at: Option<Timestamp>,
    pub closed_at: Option<Timestamp>,
    pub ack_due_at: Timestamp,
    pub resolve_due_at: Timestamp,
}

const COLUMNS: &str = "r.report_id, r.category_id, r.kind, r.status, r.status_note, r.district_code, r.lat, r.lon,
    r.address, r.description, r.public_description, r.published, r.time_of_day, r.walk, r.reporter_name,
    r.reporter_email, r.reporter_lang, r.token, r.source, r.duplicate_of, r.created_at, r.updated_at,
    r.acknowledged_at, r.closed_at, r.ack_due_at, r.resolve_due_at";

/// A new report.
pub struct NewReport<'a> {
    pub report_id: Uuid,
    pub category: &'a Category,
    pub district_code: Option<&'a str>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub address: &'a str,
    pub description: &'a str,
    pub public_description: Option<&'a str>,
    pub time_of_day: Option<&'a str>,
    pub walk: bool,
    pub reporter_name: Option<&'a str>,
    pub reporter_email: Option<&'a str>,
    pub reporter_lang: &'a str,
    pub follow_hash: Option<&'a [u8]>,
    pub token: &'a str,
    pub source: &'a str,
    pub status: Status,
    pub created_at: Timestamp,
}

/// Inserts a report and routes it: one assignment per department that the
/// category's routes name for its district (or for every district).
pub async fn insert_report(
    tx: &mut Tx,
    tenant: TenantId,
    r: &NewReport<'_>,
) -> Result<(), DbError> {
    changed();
    let cat = r.category;
    let ack =
        Timestamp::truncated(r.created_at.0 + chrono::Duration::hours(i64::from(cat.ack_hours)));
    let resolve = Timestamp::truncated(
        r.created_at.0 + chrono::Duration::hours(i64::from(cat.resolve_hours)),
    );
    let closed = (!r.status.is_open()).then_some(r.created_at);
    on_db!(tx, c => sqlx::query(
        "INSERT INTO reports (tenant_id, report_id, category_id, kind, status, district_code, lat, lon, address,
            description, public_description, published, time_of_day, walk, reporter_name, reporter_email,
            reporter_lang, follow_hash, token, source, created_at, updated_at, closed_at, ack_due_at, resolve_due_at, place_cell)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $21, $22, $23, $24, $25)")
        .bind(tenant.as_uuid()).bind(r.report_id).bind(cat.id).bind(cat.kind.as_str()).bind(r.status.as_str())
        .bind(r.district_code).bind(r.lat).bind(r.lon).bind(r.address).bind(r.description)
        .bind(r.public_description).bind(r.public_description.is_some()).bind(r.time_of_day).bind(r.walk)
        .bind(r.reporter_name).bind(r.reporter_email).bind(r.reporter_lang).bind(r.follow_hash)
        .bind(r.token).bind(r.source).bind(r.created_at).bind(closed).bind(ack).bind(resolve)
        .bind(r.lat.zip(r.lon).map(|(a, b)| place_cell(a, b)))
        .execute(c).await.map(|_| ()))?;
    bump(
        tx,
        tenant,
        cat.id,
        r.status.as_str(),
        r.district_code.unwrap_or(""),
        1,
    )
    .await?;
    for dep in cat.departments_for(r.district_code) {
        on_db!(tx, c => sqlx::query(
            "INSERT INTO report_assignments (tenant_id, report_id, department_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
            .bind(tenant.as_uuid()).bind(r.report_id).bind(dep)
            .execute(c).await.map(|_| ()))?;
    }
    Ok(())
}

pub async fn insert_photo(
    tx: &mut Tx,
    tenant: TenantId,
    report: Uuid,
    photo: Uuid,
    mime: &str,
    size: i64,
    now: Timestamp,
) -> Result<(), DbError> {
    changed();
    on_db!(tx, c => sqlx::query(
        "INSERT INTO report_photos (tenant_id, photo_id, report_id, mime, size, hidden, created_at)
         VALUES ($1, $2, $3, $4, $5, FALSE, $6)")
        .bind(tenant.as_uuid()).bind(photo).bind(report).bind(mime).bind(size).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// A photo's record.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PhotoRow {
    pub photo_id: Uuid,
    pub report_id: Uuid,
    pub mime: String,
    pub hidden: bool,
}

pub async fn photos(db: &Db, tenant: TenantId, report: Uuid) -> Result<Vec<PhotoRow>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT photo_id, report_id, mime, hidden FROM report_photos WHERE tenant_id = $1 AND report_id = $2 ORDER BY created_at, photo_id")
        .bind(tenant.as_uuid()).bind(report).fetch_all(c).await)
    .map_err(DbError::from)
}

pub async fn photo(db: &Db, tenant: TenantId, photo: Uuid) -> Result<Option<PhotoRow>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT photo_id, report_id, mime, hidden FROM report_photos WHERE tenant_id = $1 AND photo_id = $2")
        .bind(tenant.as_uuid()).bind(photo).fetch_optional(c).await)
    .map_err(DbError::from)
}

pub async fn set_photo_hidden(
    tx: &mut Tx,
    tenant: TenantId,
    report: Uuid,
    photo: Uuid,
    hidden: bool,
) -> Result<(), DbError> {
    changed();
    on_db!(tx, c => sqlx::query(
        "UPDATE report_photos SET hidden = $4 WHERE tenant_id = $1 AND report_id = $2 AND photo_id = $3")
        .bind(tenant.as_uuid()).bind(report).bind(photo).bind(hidden)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn report(db: &Db, tenant: TenantId, id: Uuid) -> Result<Option<ReportRow>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM reports r WHERE r.tenant_id = $1 AND r.report_id = $2"))
        .bind(tenant.as_uuid()).bind(id).fetch_optional(c).await)
    .map_err(DbError::from)
}

pub async fn report_by_follow(
    db: &Db,
    tenant: TenantId,
    hash: &[u8],
) -> Result<Option<ReportRow>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM reports r WHERE r.tenant_id = $1 AND r.follow_hash = $2"))
        .bind(tenant.as_uuid()).bind(hash).fetch_optional(c).await)
    .map_err(DbError::from)
}

pub async fn report_id_by_token(
    db: &Db,
    tenant: TenantId,
    token: &str,
) -> Result<Option<Uuid>, DbError> {
    let mut conn = db.read().await?;
    let row: Option<(Uuid,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT report_id FROM reports WHERE tenant_id = $1 AND token = $2")
        .bind(tenant.as_uuid()).bind(token).fetch_optional(c).await)?;
    Ok(row.map(|r| r.0))
}

/// Open reports of a category near a point (a box first, by index; the
/// caller measures the exact distance).
pub async fn open_nearby(
    db: &Db,
    tenant: TenantId,
    category: Uuid,
    lat: f64,
    lon: f64,
    radius_m: f64,
) -> Result<Vec<ReportRow>, DbError> {
    let bbox = open311::bounding_box(lat, lon, radius_m);
    let f = Filter {
        categories: vec![category],
        statuses: Status::OPEN.to_vec(),
        bbox: Some(bbox),
        limit: 50,
        ..Filter::default()
    };
    let rows = list(db, tenant, &f).await?;
    Ok(rows
        .into_iter()
        .filter(|r| match (r.lat, r.lon) {
            (Some(a), Some(b)) => open311::distance_m(lat, lon, a, b) <= radius_m,
            _ => false,
        })
        .collect())
}

/// Writes to reports in this process. A cached public list (Open311) is
/// served only while this count is the one it was made at.
static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// The current count of writes to reports (see [`WRITES`]).
pub fn writes() -> u64 {
    WRITES.load(std::sync::atomic::Ordering::Acquire)
}

fn changed() {
    WRITES.fetch_add(1, std::sync::atomic::Ordering::AcqRel);
}

/// The grid cell of a place (migration 20, decision 0039): 0.01° of
/// latitude by 0.01° of longitude, numbered
/// `floor((lat + 90) · 100) · 100000 + floor((lon + 180) · 100)`.
pub fn place_cell(lat: f64, lon: f64) -> i64 {
    // Both factors are small non-negative integers for any valid place.
    let row = ((lat + 90.0) * 100.0).floor() as i64;
    let col = ((lon + 180.0) * 100.0).floor() as i64;
    row * 100_000 + col
}

/// The cells a box (min lat, min lon, max lat, max lon) touches, or none
/// when there are more than 64 (a box that large reads the time index
/// instead). The box is widened by a hair so that a place on a cell border
/// counts in both cells whatever rounding stored it.
pub fn cells_of(bbox: (f64, f64, f64, f64)) -> Option<Vec<i64>> {
    let eps = 1e-9;
    let (a, b, c, d) = (bbox.0 - eps, bbox.1 - eps, bbox.2 + eps, bbox.3 + eps);
    if !(a.is_finite() && b.is_finite() && c.is_finite() && d.is_finite()) || a > c || b > d {
        return None;
    }
    let (r0, c0) = (place_cell(a, b) / 100_000, place_cell(a, b) % 100_000);
    let (r1, c1) = (place_cell(c, d) / 100_000, place_cell(c, d) % 100_000);
    if (r1 - r0 + 1) * (c1 - c0 + 1) > 64 {
        return None;
    }
    let mut cells = Vec::new();
    for r in r0..=r1 {
        for col in c0..=c1 {
            cells.push(r * 100_000 + col);
        }
    }
    Some(cells)
}

/// Filters of the lists (public list, staff inbox, Open311, exports).
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub ids: Vec<Uuid>,
    pub categories: Vec<Uuid>,
    pub kind: Option<Kind>,
    pub statuses: Vec<&'static str>,
    pub district: Option<String>,
    pub time_of_day: Vec<&'static str>,
    pub from: Option<Timestamp>,
    pub to: Option<Timestamp>,
    /// min lat, min lon, max lat, max lon
    pub bbox: Option<(f64, f64, f64, f64)>,
    /// Centre and radius in metres (with `bbox` for the index); distances
    /// on the local plane, which at city scale differ from great-circle
    /// ones by far less than a metre.
    pub circle: Option<(f64, f64, f64)>,
    pub scope: Scope,
    pub overdue_at: Option<Timestamp>,
    pub with_place: bool,
    pub limit: i64,
    pub offset: i64,
}

/// Appends the WHERE clause of a [`Filter`] to a query builder (a macro,
/// so each engine's builder is typed where it is used).
macro_rules! push_filter {
    ($q:ident, $tenant:expr, $f:expr) => {{
    $q.push(" WHERE r.tenant_id = ").push_bind($tenant.as_uuid());
    if !$f.ids.is_empty() {
        $q.push(" AND r.report_id IN (");
        let mut s = $q.separated(", ");
        for id in &$f.ids {
            s.push_bind(*id);
        }
        $q.push(")");
    }
    if !$f.categories.is_empty() {
        $q.push(" AND r.category_id IN (");
        let mut s = $q.separated(", ");
        for id in &$f.categories {
            s.push_bind(*id);
        }
        $q.push(")");
    }
    if let Some(k) = $f.kind {
        $q.push(" AND r.kind = ").push_bind(k.as_str());
    }
    if !$f.statuses.is_empty() {
        $q.push(" AND r.status IN (");
        let mut s = $q.separated(", ");
        for st in &$f.statuses {
            s.push_bind(*st);
        }
        $q.push(")");
    }
    if let Some(d) = &$f.district {
        $q.push(" AND r.district_code = ").push_bind(d.clone());
    }
    if !$f.time_of_day.is_empty() {
        $q.push(" AND r.time_of_day IN (");
        let mut s = $q.separated(", ");
        for t in &$f.time_of_day {
            s.push_bind(*t);
        }
        $q.push(")");
    }
    if let Some(t) = $f.from {
        $q.push(" AND r.created_at >= ").push_bind(t);
    }
    if let Some(t) = $f.to {
        $q.push(" AND r.created_at <= ").push_bind(t);
    }
    if let Some((a, b, c, d)) = $f.bbox {
        if let Some(cells) = cells_of((a, b, c, d)) {
            $q.push(" AND r.place_cell IN (");
            let mut s = $q.separated(", ");
            for cell in cells {
                s.push_bind(cell);
            }
            $q.push(")");
        }
        $q.push(" AND r.lat BETWEEN ").push_bind(a).push(" AND ").push_bind(c);
        $q.push(" AND r.lon BETWEEN ").push_bind(b).push(" AND ").push_bind(d);
    } else if $f.with_place {
        $q.push(" AND r.lat IS NOT NULL");
    }
    if let Some((lat, lon, radius)) = $f.circle {
        let ky = 111_195.0f64;
        let kx = ky * lat.to_radians().cos();
        $q.push(" AND ((r.lat - ").push_bind(lat).push(") * ").push_bind(ky);
        $q.push(") * ((r.lat - ").push_bind(lat).push(") * ").push_bind(ky);
        $q.push(") + ((r.lon - ").push_bind(lon).push(") * ").push_bind(kx);
        $q.push(") * ((r.lon - ").push_bind(lon).push(") * ").push_bind(kx);
        $q.push(") <= ").push_bind(radius * radius);
    }
    if let Some(now) = $f.overdue_at {
        $q.push(" AND ((r.acknowledged_at IS NULL AND r.ack_due_at < ").push_bind(now);
        $q.push(") OR r.resolve_due_at < ").push_bind(now);
        $q.push(") AND r.status IN ('open', 'acknowledged', 'in_progress', 'scheduled')");
    }
    match &$f.scope {
        Scope::All => {}
        Scope::Departments(deps) => {
            $q.push(" AND EXISTS (SELECT 1 FROM report_assignments a WHERE a.tenant_id = r.tenant_id AND a.report_id = r.report_id AND a.department_id IN (");
            let mut s = $q.separated(", ");
            if deps.is_empty() {
                s.push("NULL");
            }
            for d in deps {
                s.push_bind(*d);
            }
            $q.push("))");
        }
    }
    }};
}

/// Reports matching a filter, newest first.
pub async fn list(db: &Db, tenant: TenantId, f: &Filter) -> Result<Vec<ReportRow>, DbError> {
    select(db, tenant, f, COLUMNS).await
}

/// What public lists (Open311) show of a report: no reporter data and no
/// unmoderated text are even read, plus the first visible photo of a
/// published report.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PublicRow {
    pub report_id: Uuid,
    pub category_id: Uuid,
    pub status: String,
    pub status_note: Option<String>,
    pub district_code: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub address: String,
    pub public_description: Option<String>,
    pub published: bool,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub resolve_due_at: Timestamp,
    pub first_photo: Option<Uuid>,
}

const PUBLIC_COLUMNS: &str =
    "r.report_id, r.category_id, r.status, r.status_note, r.district_code, r.lat, r.lon,
    r.address, r.public_description, r.published, r.created_at, r.updated_at, r.resolve_due_at,
    CASE WHEN r.published THEN (SELECT p.photo_id FROM report_photos p
        WHERE p.tenant_id = r.tenant_id AND p.report_id = r.report_id AND p.hidden = FALSE
        ORDER BY p.created_at, p.photo_id LIMIT 1) END AS first_photo";

/// The public view of the reports matching a filter, newest first, in one
/// query (photos included).
pub async fn public_list(db: &Db, tenant: TenantId, f: &Filter) -> Result<Vec<PublicRow>, DbError> {
    select(db, tenant, f, PUBLIC_COLUMNS).await
}

async fn select<R>(db: &Db, tenant: TenantId, f: &Filter, columns: &str) -> Result<Vec<R>, DbError>
where
    R: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
        + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>
        + Send
        + Unpin,
{
    // A place filter is answered from the cell index alone (category,
    // cell, time, coordinates and id are all in it): the page's keys
    // first, then only their rows (decision 0039). On SQLite the key is
    // the row id every index entry carries, so each row is one B-tree
    // descent instead of two (primary-key index, then table).
    let by_place = f.bbox.is_some();
    let key = match db.kind() {
        DbKind::Sqlite => "r.rowid",
        DbKind::Postgres => "r.report_id",
    };
    let mut conn = db.read().await?;
    let rows = on_db!(conn, c => {
        let mut q = sqlx::QueryBuilder::new(format!("SELECT {columns} FROM reports r"));
        if by_place {
            q.push(" WHERE r.tenant_id = ")
                .push_bind(tenant.as_uuid())
                .push(format!(" AND {key} IN (SELECT {key} FROM reports r"));
        }
        push_filter!(q, tenant, f);
        q.push(" ORDER BY r.created_at DESC, r.report_id DESC LIMIT ").push_bind(f.limit.clamp(1, 100_000));
        q.push(" OFFSET ").push_bind(f.offset.max(0));
        if by_place {
            q.push(") ORDER BY r.created_at DESC, r.report_id DESC");
        }
        q.build_query_as::<R>().fetch_all(c).await
    })?;
    Ok(rows)
}

/// How many reports match a filter.
pub async fn count(db: &Db, tenant: TenantId, f: &Filter) -> Result<i64, DbError> {
    let mut conn = db.read().await?;
    let n: (i64,) = on_db!(conn, c => {
        let mut q = sqlx::QueryBuilder::new("SELECT COUNT(*) FROM reports r");
        push_filter!(q, tenant, f);
        q.build_query_as::<(i64,)>().fetch_one(c).await
    })?;
    Ok(n.0)
}

/// A public update or internal note.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UpdateRow {
    pub update_id: Uuid,
    pub report_id: Uuid,
    pub status: Option<String>,
    pub text: String,
    pub internal: bool,
    pub created_at: Timestamp,
}

pub async fn updates(db: &Db, tenant: TenantId, report: Uuid) -> Result<Vec<UpdateRow>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT update_id, report_id, status, text, internal, created_at FROM report_updates
         WHERE tenant_id = $1 AND report_id = $2 ORDER BY created_at, update_id")
        .bind(tenant.as_uuid()).bind(report).fetch_all(c).await)
    .map_err(DbError::from)
}

/// Public updates in a time window (the `servicerequestupdates` extension).
pub async fn public_updates_between(
    db: &Db,
    tenant: TenantId,
    from: Timestamp,
    to: Timestamp,
    limit: i64,
) -> Result<Vec<UpdateRow>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT update_id, report_id, status, text, internal, created_at FROM report_updates
         WHERE tenant_id = $1 AND created_at >= $2 AND created_at <= $3 AND internal = FALSE
         ORDER BY created_at DESC, update_id LIMIT $4")
        .bind(tenant.as_uuid()).bind(from).bind(to).bind(limit).fetch_all(c).await)
    .map_err(DbError::from)
}

#[allow(clippy::too_many_arguments)]
pub async fn insert_update(
    tx: &mut Tx,
    tenant: TenantId,
    report: Uuid,
    status: Option<&str>,
    text: &str,
    internal: bool,
    author: Option<Uuid>,
    now: Timestamp,
) -> Result<(), DbError> {
    changed();
    on_db!(tx, c => sqlx::query(
        "INSERT INTO report_updates (tenant_id, update_id, report_id, status, text, internal, author_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
        .bind(tenant.as_uuid()).bind(Uuid::now_v7()).bind(report).bind(status).bind(text)
        .bind(internal).bind(author).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Changes the count of one (category, status, district) cell.
pub async fn bump(
    tx: &mut Tx,
    tenant: TenantId,
    category: Uuid,
    status: &str,
    district: &str,
    delta: i64,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO report_counts (tenant_id, category_id, status, district_code, n) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, category_id, status, district_code) DO UPDATE SET n = report_counts.n + excluded.n")
        .bind(tenant.as_uuid()).bind(category).bind(status).bind(district).bind(delta)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Locks a report's row for the rest of the transaction and returns its
/// category, status and district as they are now.
async fn lock_report(
    tx: &mut Tx,
    tenant: TenantId,
    report: Uuid,
) -> Result<Option<(Uuid, String, Option<String>)>, DbError> {
    let row: Option<(Uuid, String, Option<String>)> = on_db!(tx, c => sqlx::query_as(
        "UPDATE reports SET status = status WHERE tenant_id = $1 AND report_id = $2
         RETURNING category_id, status, district_code")
        .bind(tenant.as_uuid()).bind(report).fetch_optional(c).await)?;
    Ok(row)
}

/// Moves one report from its current count cell to `status`.
async fn move_count(
    tx: &mut Tx,
    tenant: TenantId,
    locked: &(Uuid, String, Option<String>),
    status: &str,
) -> Result<(), DbError> {
    let (category, old, district) = locked;
    if old != status {
        let d = district.as_deref().unwrap_or("");
        bump(tx, tenant, *category, old, d, -1).await?;
        bump(tx, tenant, *category, status, d, 1).await?;
    }
    Ok(())
}

/// One kept count: category, status, district ("" for none), number.
pub type CountCell = (Uuid, String, String, i64);

/// The kept counts of a tenant.
pub async fn counts(db: &Db, tenant: TenantId) -> Result<Vec<CountCell>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT category_id, status, district_code, n FROM report_counts WHERE tenant_id = $1 AND n <> 0")
        .bind(tenant.as_uuid()).fetch_all(c).await)
    .map_err(DbError::from)
}

/// Sets the status under the row's lock (taken first, so two staff
/// members changing it at once are serialised and the counts stay right).
pub async fn set_status(
    tx: &mut Tx,
    tenant: TenantId,
    report: Uuid,
    status: Status,
    note: Option<&str>,
    duplicate_of: Option<Uuid>,
    now: Timestamp,
) -> Result<bool, DbError> {
    changed();
    let Some(locked) = lock_report(tx, tenant, report).await? else {
        return Ok(false);
    };
    move_count(tx, tenant, &locked, status.as_str()).await?;
    let closed = (!status.is_open()).then_some(now);
    let acknowledged = (status != Status::Open).then_some(now);
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE reports SET status = $3, status_note = $4, duplicate_of = $5, updated_at = $6, closed_at = $7,
            acknowledged_at = COALESCE(acknowledged_at, $8)
         WHERE tenant_id = $1 AND report_id = $2")
        .bind(tenant.as_uuid()).bind(report).bind(status.as_str()).bind(note).bind(duplicate_of)
        .bind(now).bind(closed).bind(acknowledged)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Sets the public text (moderation) and publishes or withdraws it.
pub async fn moderate(
    tx: &mut Tx,
    tenant: TenantId,
    report: Uuid,
    public_description: Option<&str>,
    now: Timestamp,
) -> Result<bool, DbError> {
    changed();
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE reports SET public_description = $3, published = $4, updated_at = $5
         WHERE tenant_id = $1 AND report_id = $2")
        .bind(tenant.as_uuid()).bind(report).bind(public_description)
        .bind(public_description.is_some()).bind(now)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Reopens a closed report (the reporter, within the window): a
/// conditional update, so only a closed report can be reopened.
pub async fn reopen(
    tx: &mut Tx,
    tenant: TenantId,
    report: Uuid,
    closed_after: Timestamp,
    now: Timestamp,
) -> Result<bool, DbError> {
    changed();
    let Some(locked) = lock_report(tx, tenant, report).await? else {
        return Ok(false);
    };
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE reports SET status = 'open', status_note = NULL, closed_at = NULL, updated_at = $4
         WHERE tenant_id = $1 AND report_id = $2 AND closed_at IS NOT NULL AND closed_at >= $3
           AND status NOT IN ('duplicate')")
        .bind(tenant.as_uuid()).bind(report).bind(closed_after).bind(now)
        .execute(c).await.map(|r| r.rows_affected()))?;
    if n == 1 {
        move_count(tx, tenant, &locked, "open").await?;
    }
    Ok(n == 1)
}

/// Moves the subscriptions of a duplicate to the report it duplicates.
pub async fn merge_subscriptions(
    tx: &mut Tx,
    tenant: TenantId,
    from: Uuid,
    into: Uuid,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "UPDATE report_subscriptions SET report_id = $3 WHERE tenant_id = $1 AND report_id = $2")
        .bind(tenant.as_uuid()).bind(from).bind(into)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Adds a subscription (its first unsubscribe token, from the
/// confirmation mail, included) and returns its id.
#[allow(clippy::too_many_arguments)]
pub async fn subscribe(
    tx: &mut Tx,
    tenant: TenantId,
    report: Option<Uuid>,
    district: Option<&str>,
    email: &str,
    lang: &str,
    token_hash: &[u8],
    now: Timestamp,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    on_db!(tx, c => sqlx::query(
        "INSERT INTO report_subscriptions (tenant_id, subscription_id, report_id, district_code, email, lang, token_hash, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
        .bind(tenant.as_uuid()).bind(id).bind(report).bind(district).bind(email)
        .bind(lang).bind(token_hash).bind(now)
        .execute(c).await.map(|_| ()))?;
    add_unsubscribe_token(tx, tenant, id, token_hash, now).await?;
    Ok(id)
}

/// Records the hash of the unsubscribe token of one mail to a subscriber.
pub async fn add_unsubscribe_token(
    tx: &mut Tx,
    tenant: TenantId,
    subscription: Uuid,
    token_hash: &[u8],
    now: Timestamp,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO report_unsubscribe_tokens (tenant_id, token_hash, subscription_id, created_at)
         VALUES ($1, $2, $3, $4)")
        .bind(tenant.as_uuid()).bind(token_hash).bind(subscription).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// The subscription an unsubscribe token belongs to (whether or not it
/// still exists); `None` for a token never issued.
pub async fn subscription_of_token(
    db: &Db,
    tenant: TenantId,
    token_hash: &[u8],
) -> Result<Option<Uuid>, DbError> {
    let mut conn = db.read().await?;
    let row: Option<(Uuid,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT subscription_id FROM report_unsubscribe_tokens WHERE tenant_id = $1 AND token_hash = $2
         UNION SELECT subscription_id FROM report_subscriptions WHERE tenant_id = $1 AND token_hash = $2")
        .bind(tenant.as_uuid()).bind(token_hash).fetch_optional(c).await)?;
    Ok(row.map(|r| r.0))
}

/// Ends the subscription a token belongs to. `None` for a token never
/// issued; `Some(false)` when the subscription had already ended.
pub async fn unsubscribe(
    tx: &mut Tx,
    tenant: TenantId,
    token_hash: &[u8],
) -> Result<Option<bool>, DbError> {
    let row: Option<(Uuid,)> = on_db!(tx, c => sqlx::query_as(
        "SELECT subscription_id FROM report_unsubscribe_tokens WHERE tenant_id = $1 AND token_hash = $2
         UNION SELECT subscription_id FROM report_subscriptions WHERE tenant_id = $1 AND token_hash = $2")
        .bind(tenant.as_uuid()).bind(token_hash).fetch_optional(c).await)?;
    let Some((id,)) = row else {
        return Ok(None);
    };
    let n = on_db!(tx, c => sqlx::query(
        "DELETE FROM report_subscriptions WHERE tenant_id = $1 AND subscription_id = $2")
        .bind(tenant.as_uuid()).bind(id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(Some(n > 0))
}

/// How long a report keeps its reporter's name and e-mail and its
/// followers after it was closed: the 30 days in which the reporter may
/// reopen it, and time for a late question about it.
pub const KEEP_CONTACT_DAYS: i64 = 90;

/// What one purge removed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Purged {
    pub contacts: u64,
    pub subscriptions: u64,
    pub unsubscribe_tokens: u64,
}

/// Erases what closed reports no longer need (every tenant): the
/// reporter's name and e-mail and the report's followers once it has been
/// closed for [`KEEP_CONTACT_DAYS`], and the unsubscribe tokens older than
/// that whose subscription has ended (a second click on an old link is
/// answered until then). District subscriptions stay until their
/// subscriber ends them.
pub async fn purge(db: &Db, now: Timestamp) -> Result<Purged, DbError> {
    let cutoff = Timestamp::truncated(now.0 - chrono::Duration::days(KEEP_CONTACT_DAYS));
    let mut tx = db.begin().await?;
    let contacts = on_db!(tx, c => sqlx::query(
        "UPDATE reports SET reporter_name = NULL, reporter_email = NULL
         WHERE (reporter_name IS NOT NULL OR reporter_email IS NOT NULL) AND closed_at < $1")
        .bind(cutoff).execute(c).await.map(|r| r.rows_affected()))?;
    let unsubscribe_tokens = on_db!(tx, c => sqlx::query(
        "DELETE FROM report_unsubscribe_tokens WHERE created_at < $1 AND NOT EXISTS (
            SELECT 1 FROM report_subscriptions s
            WHERE s.tenant_id = report_unsubscribe_tokens.tenant_id
              AND s.subscription_id = report_unsubscribe_tokens.subscription_id)")
        .bind(cutoff).execute(c).await.map(|r| r.rows_affected()))?;
    let subscriptions = on_db!(tx, c => sqlx::query(
        "DELETE FROM report_subscriptions WHERE report_id IS NOT NULL AND EXISTS (
            SELECT 1 FROM reports r
            WHERE r.tenant_id = report_subscriptions.tenant_id
              AND r.report_id = report_subscriptions.report_id AND r.closed_at < $1)")
        .bind(cutoff).execute(c).await.map(|r| r.rows_affected()))?;
    tx.commit().await?;
    Ok(Purged {
        contacts,
        subscriptions,
        unsubscribe_tokens,
    })
}

/// A subscriber to tell about a change.
pub struct Subscriber {
    pub subscription_id: Uuid,
    pub email: String,
    pub lang: String,
}

/// Who is told about a change: subscribers of the report and of its
/// district. Each address once.
pub async fn subscribers(
    tx: &mut Tx,
    tenant: TenantId,
    report: Uuid,
    district: Option<&str>,
) -> Result<Vec<Subscriber>, DbError> {
    let rows: Vec<(Uuid, String, String)> = on_db!(tx, c => sqlx::query_as(
        "SELECT subscription_id, email, lang FROM report_subscriptions WHERE tenant_id = $1
           AND (report_id = $2 OR (report_id IS NULL AND district_code = $3))
         ORDER BY created_at")
        .bind(tenant.as_uuid()).bind(report).bind(district).fetch_all(c).await)?;
    let mut seen = std::collections::HashSet::new();
    Ok(rows
        .into_iter()
        .filter(|(_, e, _)| seen.insert(e.to_lowercase()))
        .map(|(subscription_id, email, lang)| Subscriber {
            subscription_id,
            email,
            lang,
        })
        .collect())
}

/// An Open311 client key.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ClientRow {
    pub client_id: Uuid,
    pub name: String,
    pub created_at: Timestamp,
    pub revoked_at: Option<Timestamp>,
}

pub async fn clients(db: &Db, tenant: TenantId) -> Result<Vec<ClientRow>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT client_id, name, created_at, revoked_at FROM open311_clients WHERE tenant_id = $1 ORDER BY created_at")
        .bind(tenant.as_uuid()).fetch_all(c).await)
    .map_err(DbError::from)
}

pub async fn insert_client(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    name: &str,
    key_hash: &[u8],
    now: Timestamp,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO open311_clients (tenant_id, client_id, name, key_hash, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(tenant.as_uuid()).bind(id).bind(name).bind(key_hash).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn revoke_client(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    now: Timestamp,
) -> Result<bool, DbError> {
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE open311_clients SET revoked_at = $3 WHERE tenant_id = $1 AND client_id = $2 AND revoked_at IS NULL")
        .bind(tenant.as_uuid()).bind(id).bind(now)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// The client holding an unrevoked key on this tenant.
pub async fn client_by_key(
    db: &Db,
    tenant: TenantId,
    key_hash: &[u8],
) -> Result<Option<Uuid>, DbError> {
    let mut conn = db.read().await?;
    let row: Option<(Uuid,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT client_id FROM open311_clients WHERE tenant_id = $1 AND key_hash = $2 AND revoked_at IS NULL")
        .bind(tenant.as_uuid()).bind(key_hash).fetch_optional(c).await)?;
    Ok(row.map(|r| r.0))
}

/// Addresses of a department's members and the department's own address.
pub async fn department_addresses(
    tx: &mut Tx,
    tenant: TenantId,
    report: Uuid,
) -> Result<Vec<String>, DbError> {
    let rows: Vec<(Option<String>,)> = on_db!(tx, c => sqlx::query_as(
        "SELECT d.email FROM report_assignments a JOIN report_departments d
           ON d.tenant_id = a.tenant_id AND d.department_id = a.department_id
         WHERE a.tenant_id = $1 AND a.report_id = $2")
        .bind(tenant.as_uuid()).bind(report).fetch_all(c).await)?;
    Ok(rows.into_iter().filter_map(|r| r.0).collect())
}

/// Inserts many generated reports with multi-row inserts (the load-test
/// generator). Rows: (report, category, kind, status, district, lat, lon,
/// address, description, time of day, created).
pub type BulkRow = (
    Uuid,
    Uuid,
    &'static str,
    &'static str,
    String,
    f64,
    f64,
    String,
    String,
    Option<&'static str>,
    Timestamp,
    Timestamp,
    Timestamp,
    Option<Timestamp>,
);

pub async fn insert_bulk(
    tx: &mut Tx,
    tenant: TenantId,
    rows: &[BulkRow],
    assignments: &[(Uuid, Uuid)],
) -> Result<(), DbError> {
    changed();
    for chunk in rows.chunks(500) {
        on_db!(tx, c => {
            let mut q = sqlx::QueryBuilder::new(
                "INSERT INTO reports (tenant_id, report_id, category_id, kind, status, district_code, lat, lon, address,
                   description, public_description, published, time_of_day, walk, reporter_lang, token, source,
                   created_at, updated_at, ack_due_at, resolve_due_at, closed_at, place_cell) ");
            q.push_values(chunk, |mut b, r| {
                b.push_bind(tenant.as_uuid())
                    .push_bind(r.0)
                    .push_bind(r.1)
                    .push_bind(r.2)
                    .push_bind(r.3)
                    .push_bind(r.4.as_str())
                    .push_bind(r.5)
                    .push_bind(r.6)
                    .push_bind(r.7.as_str())
                    .push_bind(r.8.as_str())
                    .push_bind(r.8.as_str())
                    .push_bind(true)
                    .push_bind(r.9)
                    .push_bind(false)
                    .push_bind("de")
                    .push_bind(r.0.simple().to_string())
                    .push_bind("generated")
                    .push_bind(r.10)
                    .push_bind(r.10)
                    .push_bind(r.11)
                    .push_bind(r.12)
                    .push_bind(r.13)
                    .push_bind(place_cell(r.5, r.6));
            });
            q.build().execute(c).await.map(|_| ())
        })?;
    }
    let mut cells: HashMap<(Uuid, &str, &str), i64> = HashMap::new();
    for r in rows {
        *cells.entry((r.1, r.3, r.4.as_str())).or_default() += 1;
    }
    for ((category, status, district), n) in cells {
        bump(tx, tenant, category, status, district, n).await?;
    }
    for chunk in assignments.chunks(1000) {
        on_db!(tx, c => {
            let mut q = sqlx::QueryBuilder::new(
                "INSERT INTO report_assignments (tenant_id, report_id, department_id) ");
            q.push_values(chunk, |mut b, (r, d)| {
                b.push_bind(tenant.as_uuid()).push_bind(*r).push_bind(*d);
            });
            q.build().execute(c).await.map(|_| ())
        })?;
    }
    Ok(())
}

/// District outlines for the map: name, centre, GeoJSON geometry.
pub async fn district_outlines(
    db: &Db,
    tenant: TenantId,
) -> Result<Vec<(String, Option<f64>, Option<f64>, Option<String>)>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT name, centre_lat, centre_lon, geometry FROM districts WHERE tenant_id = $1 ORDER BY name")
        .bind(tenant.as_uuid()).fetch_all(c).await)
    .map_err(DbError::from)
}

/// The departments a report is routed to.
pub async fn assignments(db: &Db, tenant: TenantId, report: Uuid) -> Result<Vec<Uuid>, DbError> {
    let mut conn = db.read().await?;
    let rows: Vec<(Uuid,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT department_id FROM report_assignments WHERE tenant_id = $1 AND report_id = $2")
        .bind(tenant.as_uuid()).bind(report).fetch_all(c).await)?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// Reports received in `[from, to)` by kind, status and district (for the
/// transparency dashboard).
pub async fn received_between(
    db: &Db,
    tenant: TenantId,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<(String, String, Option<String>, i64)>, DbError> {
    let mut conn = db.read().await?;
    let rows = on_db!(conn, c => sqlx::query_as(
        "SELECT kind, status, district_code, COUNT(*) FROM reports
         WHERE tenant_id = $1 AND created_at >= $2 AND created_at < $3
         GROUP BY kind, status, district_code")
        .bind(tenant.as_uuid()).bind(from).bind(to).fetch_all(c).await)?;
    Ok(rows)
}

/// Kind, creation and closing time of the reports received in `[from, to)`
/// that were fixed.
pub async fn fixed_between(
    db: &Db,
    tenant: TenantId,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<(String, Timestamp, Timestamp)>, DbError> {
    let mut conn = db.read().await?;
    let rows = on_db!(conn, c => sqlx::query_as(
        "SELECT kind, created_at, closed_at FROM reports
         WHERE tenant_id = $1 AND created_at >= $2 AND created_at < $3
           AND status = 'fixed' AND closed_at IS NOT NULL")
        .bind(tenant.as_uuid()).bind(from).bind(to).fetch_all(c).await)?;
    Ok(rows)
}

/// Open unsafe-place reports counted by district and time of day (for the
/// patrol planner's situation picture).
pub async fn open_unsafe_places(
    db: &Db,
    tenant: TenantId,
) -> Result<Vec<(Option<String>, Option<String>, i64)>, DbError> {
    let mut conn = db.read().await?;
    let sql = format!(
        "SELECT district_code, time_of_day, COUNT(*) FROM reports
         WHERE tenant_id = $1 AND kind = 'unsafe_place' AND duplicate_of IS NULL AND status IN ({})
         GROUP BY district_code, time_of_day",
        Status::OPEN
            .iter()
            .map(|s| format!("'{s}'"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(on_db!(conn, c => sqlx::query_as(&sql).bind(tenant.as_uuid()).fetch_all(c).await)?)
}

/// The tenant's tile server (template, attribution), if one is set.
pub async fn tile_server(db: &Db, tenant: TenantId) -> Result<Option<(String, String)>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT tile_url, attribution FROM report_map_settings WHERE tenant_id = $1")
        .bind(tenant.as_uuid()).fetch_optional(c).await)?)
}

/// Sets the tenant's tile server, or removes it (`None`).
pub async fn set_tile_server(
    tx: &mut Tx,
    tenant: TenantId,
    server: Option<(&str, &str)>,
    now: Timestamp,
) -> Result<(), DbError> {
    match server {
        None => on_db!(tx, c => sqlx::query("DELETE FROM report_map_settings WHERE tenant_id = $1")
            .bind(tenant.as_uuid()).execute(c).await.map(|_| ()))?,
        Some((url, attribution)) => on_db!(tx, c => sqlx::query(
            "INSERT INTO report_map_settings (tenant_id, tile_url, attribution, updated_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (tenant_id) DO UPDATE SET tile_url = excluded.tile_url, attribution = excluded.attribution,
               updated_at = excluded.updated_at")
            .bind(tenant.as_uuid()).bind(url).bind(attribution).bind(now).execute(c).await.map(|_| ()))?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_place_in_a_box_lies_in_one_of_its_cells() {
        let bbox = open311::bounding_box(51.5136, 7.4653, 1000.0);
        let cells = cells_of(bbox).unwrap_or_default();
        // 1 km around Dortmund's centre: 3 rows of latitude by 3 columns.
        assert_eq!(cells.len(), 9, "{cells:?}");
        for i in 0..=100 {
            for j in 0..=100 {
                let lat = bbox.0 + (bbox.2 - bbox.0) * f64::from(i) / 100.0;
                let lon = bbox.1 + (bbox.3 - bbox.1) * f64::from(j) / 100.0;
                assert!(cells.contains(&place_cell(lat, lon)), "{lat} {lon}");
            }
        }
        assert_eq!(place_cell(51.515, 7.465), 14151 * 100_000 + 18746);
        assert_eq!(place_cell(-89.999, -179.999), 0);
    }

    #[test]
    fn a_box_too_large_or_invalid_has_no_cells() {
        assert!(cells_of(open311::bounding_box(51.5, 7.4, 50_000.0)).is_none());
        assert!(cells_of((f64::NAN, 7.0, 51.0, 7.1)).is_none());
        assert!(cells_of((51.2, 7.0, 51.0, 7.1)).is_none());
    }
}
