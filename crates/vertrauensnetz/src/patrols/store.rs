//! All SQL of the patrols module. Every statement is scoped by tenant.

use uuid::Uuid;

use crate::on_db;
use crate::platform::db::{Db, DbError, Timestamp, Tx};
use crate::platform::tenants::TenantId;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SettingsRow {
    pub min_police: i32,
    pub min_kod: i32,
    pub min_rest_minutes: i32,
    pub max_patrols: i32,
    pub road_factor: f64,
    pub speed_kmh: f64,
    pub routing_url: Option<String>,
}

impl Default for SettingsRow {
    fn default() -> Self {
        SettingsRow {
            min_police: 1,
            min_kod: 1,
            min_rest_minutes: 11 * 60,
            max_patrols: 3,
            road_factor: 1.3,
            speed_kmh: 30.0,
            routing_url: None,
        }
    }
}

pub async fn settings(db: &Db, tenant: TenantId) -> Result<SettingsRow, DbError> {
    let mut conn = db.read().await?;
    let row: Option<SettingsRow> = on_db!(conn, c => sqlx::query_as(
        "SELECT min_police, min_kod, min_rest_minutes, max_patrols, road_factor, speed_kmh, routing_url
         FROM pat_settings WHERE tenant_id = $1")
        .bind(tenant.as_uuid()).fetch_optional(c).await)?;
    Ok(row.unwrap_or_default())
}

pub async fn save_settings(
    tx: &mut Tx,
    tenant: TenantId,
    s: &SettingsRow,
    now: Timestamp,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO pat_settings (tenant_id, min_police, min_kod, min_rest_minutes, max_patrols,
            road_factor, speed_kmh, routing_url, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (tenant_id) DO UPDATE SET min_police = $2, min_kod = $3, min_rest_minutes = $4,
            max_patrols = $5, road_factor = $6, speed_kmh = $7, routing_url = $8, updated_at = $9")
        .bind(tenant.as_uuid()).bind(s.min_police).bind(s.min_kod).bind(s.min_rest_minutes)
        .bind(s.max_patrols).bind(s.road_factor).bind(s.speed_kmh).bind(s.routing_url.clone()).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AreaRow {
    pub area_id: Uuid,
    pub name: String,
    pub position: i32,
    pub required_qualification: Option<String>,
}

pub async fn areas(db: &Db, tenant: TenantId) -> Result<Vec<AreaRow>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT area_id, name, position, required_qualification FROM pat_areas
         WHERE tenant_id = $1 ORDER BY position, name")
        .bind(tenant.as_uuid()).fetch_all(c).await)
    .map_err(Into::into)
}

pub async fn insert_area(
    tx: &mut Tx,
    tenant: TenantId,
    area: &AreaRow,
    districts: &[String],
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO pat_areas (tenant_id, area_id, name, position, required_qualification)
         VALUES ($1, $2, $3, $4, $5)")
        .bind(tenant.as_uuid()).bind(area.area_id).bind(&area.name).bind(area.position)
        .bind(area.required_qualification.clone())
        .execute(c).await.map(|_| ()))?;
    for d in districts {
        on_db!(tx, c => sqlx::query(
            "INSERT INTO pat_area_districts (tenant_id, district_code, area_id) VALUES ($1, $2, $3)
             ON CONFLICT (tenant_id, district_code) DO UPDATE SET area_id = $3")
            .bind(tenant.as_uuid()).bind(d).bind(area.area_id)
            .execute(c).await.map(|_| ()))?;
    }
    Ok(())
}

/// District code → area.
pub async fn area_districts(db: &Db, tenant: TenantId) -> Result<Vec<(String, Uuid)>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT district_code, area_id FROM pat_area_districts WHERE tenant_id = $1 ORDER BY district_code")
        .bind(tenant.as_uuid()).fetch_all(c).await)
    .map_err(Into::into)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StaffRow {
    pub staff_id: Uuid,
    pub service_number: String,
    pub agency: String,
    pub languages: String,
    pub max_week_minutes: i32,
    pub bands: String,
    pub active: bool,
}

pub async fn staff(db: &Db, tenant: TenantId) -> Result<Vec<StaffRow>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT staff_id, service_number, agency, languages, max_week_minutes, bands, active
         FROM pat_staff WHERE tenant_id = $1 ORDER BY agency, service_number")
        .bind(tenant.as_uuid()).fetch_all(c).await)
    .map_err(Into::into)
}

pub async fn insert_staff(
    tx: &mut Tx,
    tenant: TenantId,
    s: &StaffRow,
    now: Timestamp,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO pat_staff (tenant_id, staff_id, service_number, agency, languages, max_week_minutes,
            bands, active, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
        .bind(tenant.as_uuid()).bind(s.staff_id).bind(&s.service_number).bind(&s.agency)
        .bind(&s.languages).bind(s.max_week_minutes).bind(&s.bands).bind(s.active).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct QualificationRow {
    pub staff_id: Uuid,
    pub name: String,
    pub since_day: String,
    pub until_day: Option<String>,
}

pub async fn qualifications(db: &Db, tenant: TenantId) -> Result<Vec<QualificationRow>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT staff_id, name, since_day, until_day FROM pat_qualifications WHERE tenant_id = $1
         ORDER BY staff_id, name")
        .bind(tenant.as_uuid()).fetch_all(c).await)
    .map_err(Into::into)
}

pub async fn insert_qualification(
    tx: &mut Tx,
    tenant: TenantId,
    q: &QualificationRow,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO pat_qualifications (tenant_id, staff_id, name, since_day, until_day)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, staff_id, name) DO UPDATE SET since_day = $4, until_day = $5")
        .bind(tenant.as_uuid()).bind(q.staff_id).bind(&q.name).bind(&q.since_day)
        .bind(q.until_day.clone())
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AbsenceRow {
    pub staff_id: Uuid,
    pub starts_at: Timestamp,
    pub ends_at: Timestamp,
    pub kind: String,
}

pub async fn absences(
    db: &Db,
    tenant: TenantId,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<AbsenceRow>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT staff_id, starts_at, ends_at, kind FROM pat_absences
         WHERE tenant_id = $1 AND starts_at < $3 AND ends_at > $2 ORDER BY starts_at")
        .bind(tenant.as_uuid()).bind(from).bind(to).fetch_all(c).await)
    .map_err(Into::into)
}

pub async fn insert_absence(tx: &mut Tx, tenant: TenantId, a: &AbsenceRow) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO pat_absences (tenant_id, absence_id, staff_id, starts_at, ends_at, kind)
         VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(tenant.as_uuid()).bind(Uuid::now_v7()).bind(a.staff_id).bind(a.starts_at)
        .bind(a.ends_at).bind(&a.kind)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn insert_vehicle(
    tx: &mut Tx,
    tenant: TenantId,
    call_sign: &str,
    kind: &str,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO pat_vehicles (tenant_id, vehicle_id, call_sign, kind) VALUES ($1, $2, $3, $4)")
        .bind(tenant.as_uuid()).bind(Uuid::now_v7()).bind(call_sign).bind(kind)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct VehicleRow {
    pub vehicle_id: Uuid,
    pub call_sign: String,
    pub kind: String,
}

pub async fn vehicle_rows(db: &Db, tenant: TenantId) -> Result<Vec<VehicleRow>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT vehicle_id, call_sign, kind FROM pat_vehicles WHERE tenant_id = $1 ORDER BY call_sign")
        .bind(tenant.as_uuid()).fetch_all(c).await)
    .map_err(Into::into)
}

/// Gives a patrol a vehicle (or none).
pub async fn set_patrol_vehicle(
    tx: &mut Tx,
    tenant: TenantId,
    patrol: Uuid,
    vehicle: Option<Uuid>,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "UPDATE pat_patrols SET vehicle_id = $3 WHERE tenant_id = $1 AND patrol_id = $2")
        .bind(tenant.as_uuid()).bind(patrol).bind(vehicle)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Patrols of published plans on duty at `now`.
pub async fn on_duty_patrols(
    db: &Db,
    tenant: TenantId,
    now: Timestamp,
) -> Result<Vec<PatrolRow>, DbError> {
    let mut conn = db.read().await?;
    let sql = "SELECT p.patrol_id, p.plan_id, p.area_id, p.day, p.band, p.starts_at, p.ends_at, p.rank, p.demand, p.reasons,
            p.vehicle_id
         FROM pat_patrols p JOIN pat_plans l ON l.tenant_id = p.tenant_id AND l.plan_id = p.plan_id
         WHERE p.tenant_id = $1 AND l.status = 'published' AND p.starts_at <= $2 AND p.ends_at > $2
         ORDER BY p.area_id, p.rank";
    on_db!(conn, c => sqlx::query_as(sql).bind(tenant.as_uuid()).bind(now).fetch_all(c).await)
        .map_err(Into::into)
}

/// The unit of a patrol on duty: the unit with this call sign is crewed
/// by the patrol (its qualifications and crew replaced, status and
/// position kept); a new call sign becomes a unit at the station
/// (status 2) at `position`; a unit marked not available (6) is at the
/// station again. The conditional insert makes two
/// dispatchers' boards unable to create it twice.
#[allow(clippy::too_many_arguments)]
pub async fn crew_unit(
    tx: &mut Tx,
    tenant: TenantId,
    call_sign: &str,
    patrol: Uuid,
    qualifications: &str,
    crew: &str,
    position: (f64, f64),
    now: Timestamp,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO pat_units (tenant_id, unit_id, call_sign, agency, qualifications, lat, lon, status, status_at,
            patrol_id, crew)
         VALUES ($1, $2, $3, 'joint', $4, $5, $6, 2, $7, $8, $9)
         ON CONFLICT (tenant_id, call_sign) DO UPDATE SET agency = 'joint', qualifications = $4, patrol_id = $8,
            crew = $9,
            status = CASE WHEN pat_units.status = 6 THEN 2 ELSE pat_units.status END,
            status_at = CASE WHEN pat_units.status = 6 THEN $7 ELSE pat_units.status_at END")
        .bind(tenant.as_uuid()).bind(Uuid::now_v7()).bind(call_sign).bind(qualifications)
        .bind(position.0).bind(position.1).bind(now).bind(patrol).bind(crew)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// A unit whose patrol went off duty: no crew, and "not available" (6)
/// unless it is still working an incident (it goes off when it reports
/// free).
pub async fn release_unit(
    tx: &mut Tx,
    tenant: TenantId,
    unit: Uuid,
    now: Timestamp,
) -> Result<(), DbError> {
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE pat_units SET status = 6, status_at = $3, patrol_id = NULL, crew = ''
         WHERE tenant_id = $1 AND unit_id = $2 AND status IN (1, 2, 6)")
        .bind(tenant.as_uuid()).bind(unit).bind(now)
        .execute(c).await.map(|r| r.rows_affected()))?;
    if n == 1 {
        on_db!(tx, c => sqlx::query(
            "INSERT INTO pat_unit_status (tenant_id, change_id, unit_id, status, at) VALUES ($1, $2, $3, 6, $4)")
            .bind(tenant.as_uuid()).bind(Uuid::now_v7()).bind(unit).bind(now)
            .execute(c).await.map(|_| ()))?;
    }
    Ok(())
}

pub async fn vehicles(db: &Db, tenant: TenantId) -> Result<Vec<(String, String)>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT call_sign, kind FROM pat_vehicles WHERE tenant_id = $1 ORDER BY call_sign")
        .bind(tenant.as_uuid()).fetch_all(c).await)
    .map_err(Into::into)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FocusRow {
    pub focus_id: Uuid,
    pub area_id: Uuid,
    pub band: String,
    pub version: i32,
    pub weight: f64,
    pub reason: String,
    pub set_at: Timestamp,
    pub superseded_at: Option<Timestamp>,
}

/// Every version, newest first.
pub async fn focus(db: &Db, tenant: TenantId) -> Result<Vec<FocusRow>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT focus_id, area_id, band, version, weight, reason, set_at, superseded_at
         FROM pat_focus WHERE tenant_id = $1 ORDER BY area_id, band, version DESC")
        .bind(tenant.as_uuid()).fetch_all(c).await)
    .map_err(Into::into)
}

/// A new version of the focus for (area, band); the current one is kept
/// and marked superseded in the same transaction.
#[allow(clippy::too_many_arguments)]
pub async fn set_focus(
    tx: &mut Tx,
    tenant: TenantId,
    area: Uuid,
    band: &str,
    weight: f64,
    reason: &str,
    by: Uuid,
    now: Timestamp,
) -> Result<(Uuid, i32), DbError> {
    let latest: Option<(i32,)> = on_db!(tx, c => sqlx::query_as(
        "SELECT version FROM pat_focus WHERE tenant_id = $1 AND area_id = $2 AND band = $3
         ORDER BY version DESC LIMIT 1")
        .bind(tenant.as_uuid()).bind(area).bind(band).fetch_optional(c).await)?;
    let version = latest.map_or(1, |v| v.0 + 1);
    on_db!(tx, c => sqlx::query(
        "UPDATE pat_focus SET superseded_at = $4
         WHERE tenant_id = $1 AND area_id = $2 AND band = $3 AND superseded_at IS NULL")
        .bind(tenant.as_uuid()).bind(area).bind(band).bind(now)
        .execute(c).await.map(|_| ()))?;
    let id = Uuid::now_v7();
    on_db!(tx, c => sqlx::query(
        "INSERT INTO pat_focus (tenant_id, focus_id, area_id, band, version, weight, reason, set_by, set_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
        .bind(tenant.as_uuid()).bind(id).bind(area).bind(band).bind(version).bind(weight)
        .bind(reason).bind(by).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok((id, version))
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlanRow {
    pub plan_id: Uuid,
    pub first_day: String,
    pub last_day: String,
    pub status: String,
    pub objective: f64,
    pub bound: f64,
    pub solve_ms: i64,
    pub created_at: Timestamp,
    pub published_at: Option<Timestamp>,
    pub override_reason: Option<String>,
}

const PLAN_COLS: &str = "plan_id, first_day, last_day, status, objective, bound, solve_ms, created_at, published_at, override_reason";

pub async fn plans(db: &Db, tenant: TenantId) -> Result<Vec<PlanRow>, DbError> {
    let mut conn = db.read().await?;
    let sql = format!(
        "SELECT {PLAN_COLS} FROM pat_plans WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT 50"
    );
    on_db!(conn, c => sqlx::query_as(&sql).bind(tenant.as_uuid()).fetch_all(c).await)
        .map_err(Into::into)
}

pub async fn plan(db: &Db, tenant: TenantId, id: Uuid) -> Result<Option<PlanRow>, DbError> {
    let mut conn = db.read().await?;
    let sql = format!("SELECT {PLAN_COLS} FROM pat_plans WHERE tenant_id = $1 AND plan_id = $2");
    on_db!(conn, c => sqlx::query_as(&sql).bind(tenant.as_uuid()).bind(id).fetch_optional(c).await)
        .map_err(Into::into)
}

#[allow(clippy::too_many_arguments)]
pub async fn insert_plan(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    first_day: &str,
    last_day: &str,
    objective: f64,
    bound: f64,
    solve_ms: i64,
    by: Uuid,
    now: Timestamp,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO pat_plans (tenant_id, plan_id, first_day, last_day, status, objective, bound, solve_ms,
            created_by, created_at)
         VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7, $8, $9)")
        .bind(tenant.as_uuid()).bind(id).bind(first_day).bind(last_day).bind(objective).bind(bound)
        .bind(solve_ms).bind(by).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Publishes a draft; a published plan of an overlapping period is
/// withdrawn in the same transaction. Returns false when the plan was not
/// a draft (any more).
pub async fn publish_plan(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    first_day: &str,
    last_day: &str,
    override_reason: Option<&str>,
    now: Timestamp,
) -> Result<bool, DbError> {
    on_db!(tx, c => sqlx::query(
        "UPDATE pat_plans SET status = 'withdrawn'
         WHERE tenant_id = $1 AND status = 'published' AND first_day <= $3 AND last_day >= $2")
        .bind(tenant.as_uuid()).bind(first_day).bind(last_day)
        .execute(c).await.map(|_| ()))?;
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE pat_plans SET status = 'published', published_at = $3, override_reason = $4
         WHERE tenant_id = $1 AND plan_id = $2 AND status = 'draft'")
        .bind(tenant.as_uuid()).bind(id).bind(now).bind(override_reason)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PatrolRow {
    pub patrol_id: Uuid,
    pub plan_id: Uuid,
    pub area_id: Uuid,
    pub day: String,
    pub band: String,
    pub starts_at: Timestamp,
    pub ends_at: Timestamp,
    pub rank: i32,
    pub demand: f64,
    pub reasons: String,
    /// The vehicle the patrol drives (none: on foot).
    pub vehicle_id: Option<Uuid>,
}

const PATROL_COLS: &str =
    "patrol_id, plan_id, area_id, day, band, starts_at, ends_at, rank, demand, reasons, vehicle_id";

pub async fn insert_patrol(
    tx: &mut Tx,
    tenant: TenantId,
    p: &PatrolRow,
    members: &[Uuid],
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO pat_patrols (tenant_id, patrol_id, plan_id, area_id, day, band, starts_at, ends_at,
            rank, demand, reasons, vehicle_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)")
        .bind(tenant.as_uuid()).bind(p.patrol_id).bind(p.plan_id).bind(p.area_id).bind(&p.day)
        .bind(&p.band).bind(p.starts_at).bind(p.ends_at).bind(p.rank).bind(p.demand).bind(&p.reasons)
        .bind(p.vehicle_id)
        .execute(c).await.map(|_| ()))?;
    set_members(tx, tenant, p.patrol_id, members).await
}

pub async fn set_members(
    tx: &mut Tx,
    tenant: TenantId,
    patrol: Uuid,
    members: &[Uuid],
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query("DELETE FROM pat_patrol_members WHERE tenant_id = $1 AND patrol_id = $2")
        .bind(tenant.as_uuid()).bind(patrol).execute(c).await.map(|_| ()))?;
    for m in members {
        on_db!(tx, c => sqlx::query(
            "INSERT INTO pat_patrol_members (tenant_id, patrol_id, staff_id) VALUES ($1, $2, $3)
             ON CONFLICT (tenant_id, patrol_id, staff_id) DO NOTHING")
            .bind(tenant.as_uuid()).bind(patrol).bind(*m).execute(c).await.map(|_| ()))?;
    }
    Ok(())
}

pub async fn patrols_of_plan(
    db: &Db,
    tenant: TenantId,
    plan: Uuid,
) -> Result<Vec<PatrolRow>, DbError> {
    let mut conn = db.read().await?;
    let sql = format!(
        "SELECT {PATROL_COLS} FROM pat_patrols WHERE tenant_id = $1 AND plan_id = $2
         ORDER BY starts_at, area_id, rank"
    );
    on_db!(conn, c => sqlx::query_as(&sql).bind(tenant.as_uuid()).bind(plan).fetch_all(c).await)
        .map_err(Into::into)
}

/// Patrols of published plans starting in [from, to).
pub async fn published_patrols(
    db: &Db,
    tenant: TenantId,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<PatrolRow>, DbError> {
    let mut conn = db.read().await?;
    let sql = "SELECT p.patrol_id, p.plan_id, p.area_id, p.day, p.band, p.starts_at, p.ends_at, p.rank, p.demand, p.reasons,
            p.vehicle_id
         FROM pat_patrols p JOIN pat_plans l ON l.tenant_id = p.tenant_id AND l.plan_id = p.plan_id
         WHERE p.tenant_id = $1 AND l.status = 'published' AND p.starts_at >= $2 AND p.starts_at < $3
         ORDER BY p.starts_at, p.area_id, p.rank";
    on_db!(conn, c => sqlx::query_as(sql).bind(tenant.as_uuid()).bind(from).bind(to).fetch_all(c).await)
        .map_err(Into::into)
}

pub async fn patrol(db: &Db, tenant: TenantId, id: Uuid) -> Result<Option<PatrolRow>, DbError> {
    let mut conn = db.read().await?;
    let sql =
        format!("SELECT {PATROL_COLS} FROM pat_patrols WHERE tenant_id = $1 AND patrol_id = $2");
    on_db!(conn, c => sqlx::query_as(&sql).bind(tenant.as_uuid()).bind(id).fetch_optional(c).await)
        .map_err(Into::into)
}

/// (patrol, staff) of every patrol of a plan, or of the published plans
/// in a period when `plan` is none.
pub async fn members_of_plan(
    db: &Db,
    tenant: TenantId,
    plan: Uuid,
) -> Result<Vec<(Uuid, Uuid)>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT m.patrol_id, m.staff_id FROM pat_patrol_members m
         JOIN pat_patrols p ON p.tenant_id = m.tenant_id AND p.patrol_id = m.patrol_id
         WHERE m.tenant_id = $1 AND p.plan_id = $2")
        .bind(tenant.as_uuid()).bind(plan).fetch_all(c).await)
    .map_err(Into::into)
}

pub async fn members_of(
    db: &Db,
    tenant: TenantId,
    patrols: &[Uuid],
) -> Result<Vec<(Uuid, Uuid)>, DbError> {
    let mut out = Vec::new();
    let mut conn = db.read().await?;
    for p in patrols {
        let rows: Vec<(Uuid, Uuid)> = on_db!(conn, c => sqlx::query_as(
            "SELECT patrol_id, staff_id FROM pat_patrol_members WHERE tenant_id = $1 AND patrol_id = $2")
            .bind(tenant.as_uuid()).bind(*p).fetch_all(c).await)?;
        out.extend(rows);
    }
    Ok(out)
}

// ---- control centre ----

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UnitRow {
    pub unit_id: Uuid,
    pub call_sign: String,
    pub agency: String,
    pub qualifications: String,
    pub lat: f64,
    pub lon: f64,
    pub status: i32,
    pub status_at: Timestamp,
    /// The patrol on duty crewing the unit (none: a standing unit).
    pub patrol_id: Option<Uuid>,
    /// Service numbers of the crew.
    pub crew: String,
}

pub async fn units(db: &Db, tenant: TenantId) -> Result<Vec<UnitRow>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT unit_id, call_sign, agency, qualifications, lat, lon, status, status_at, patrol_id, crew
         FROM pat_units WHERE tenant_id = $1 ORDER BY call_sign")
        .bind(tenant.as_uuid()).fetch_all(c).await)
    .map_err(Into::into)
}

pub async fn insert_unit(tx: &mut Tx, tenant: TenantId, u: &UnitRow) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO pat_units (tenant_id, unit_id, call_sign, agency, qualifications, lat, lon, status, status_at,
            patrol_id, crew)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
        .bind(tenant.as_uuid()).bind(u.unit_id).bind(&u.call_sign).bind(&u.agency)
        .bind(&u.qualifications).bind(u.lat).bind(u.lon).bind(u.status).bind(u.status_at)
        .bind(u.patrol_id).bind(&u.crew)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Sets a unit's status (and position when given) and keeps the history.
/// Returns false for an unknown unit.
pub async fn set_unit_status(
    tx: &mut Tx,
    tenant: TenantId,
    unit: Uuid,
    status: i32,
    position: Option<(f64, f64)>,
    now: Timestamp,
) -> Result<bool, DbError> {
    let n = match position {
        Some((lat, lon)) => on_db!(tx, c => sqlx::query(
            "UPDATE pat_units SET status = $3, status_at = $4, lat = $5, lon = $6
             WHERE tenant_id = $1 AND unit_id = $2")
            .bind(tenant.as_uuid()).bind(unit).bind(status).bind(now).bind(lat).bind(lon)
            .execute(c).await.map(|r| r.rows_affected()))?,
        None => on_db!(tx, c => sqlx::query(
            "UPDATE pat_units SET status = $3, status_at = $4 WHERE tenant_id = $1 AND unit_id = $2")
            .bind(tenant.as_uuid()).bind(unit).bind(status).bind(now)
            .execute(c).await.map(|r| r.rows_affected()))?,
    };
    if n == 0 {
        return Ok(false);
    }
    on_db!(tx, c => sqlx::query(
        "INSERT INTO pat_unit_status (tenant_id, change_id, unit_id, status, at) VALUES ($1, $2, $3, $4, $5)")
        .bind(tenant.as_uuid()).bind(Uuid::now_v7()).bind(unit).bind(status).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok(true)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct IncidentRow {
    pub incident_id: Uuid,
    pub reference: String,
    pub source: String,
    pub kind: String,
    pub priority: i32,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub address: String,
    pub district_code: Option<String>,
    pub area_id: Option<Uuid>,
    pub description: String,
    pub required_qualification: Option<String>,
    pub status: String,
    pub created_at: Timestamp,
    pub closed_at: Option<Timestamp>,
}

const INCIDENT_COLS: &str = "incident_id, reference, source, kind, priority, lat, lon, address, district_code, area_id, description, required_qualification, status, created_at, closed_at";

pub async fn insert_incident(
    tx: &mut Tx,
    tenant: TenantId,
    i: &IncidentRow,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO pat_incidents (tenant_id, incident_id, reference, source, kind, priority, lat, lon, address,
            district_code, area_id, description, required_qualification, status, created_at, closed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)")
        .bind(tenant.as_uuid()).bind(i.incident_id).bind(&i.reference).bind(&i.source).bind(&i.kind)
        .bind(i.priority).bind(i.lat).bind(i.lon).bind(&i.address).bind(i.district_code.clone())
        .bind(i.area_id).bind(&i.description).bind(i.required_qualification.clone()).bind(&i.status)
        .bind(i.created_at).bind(i.closed_at)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn open_incidents(
    db: &Db,
    tenant: TenantId,
    limit: i64,
) -> Result<Vec<IncidentRow>, DbError> {
    let mut conn = db.read().await?;
    let sql = format!(
        "SELECT {INCIDENT_COLS} FROM pat_incidents WHERE tenant_id = $1 AND status = 'open'
         ORDER BY priority, created_at DESC LIMIT $2"
    );
    on_db!(conn, c => sqlx::query_as(&sql).bind(tenant.as_uuid()).bind(limit).fetch_all(c).await)
        .map_err(Into::into)
}

pub async fn incident(db: &Db, tenant: TenantId, id: Uuid) -> Result<Option<IncidentRow>, DbError> {
    let mut conn = db.read().await?;
    let sql = format!(
        "SELECT {INCIDENT_COLS} FROM pat_incidents WHERE tenant_id = $1 AND incident_id = $2"
    );
    on_db!(conn, c => sqlx::query_as(&sql).bind(tenant.as_uuid()).bind(id).fetch_optional(c).await)
        .map_err(Into::into)
}

/// Incidents created in [from, to): (area, created_at) for the situation
/// picture.
pub async fn incident_times(
    db: &Db,
    tenant: TenantId,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<(Option<Uuid>, Timestamp)>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT area_id, created_at FROM pat_incidents WHERE tenant_id = $1 AND created_at >= $2 AND created_at < $3")
        .bind(tenant.as_uuid()).bind(from).bind(to).fetch_all(c).await)
    .map_err(Into::into)
}

pub async fn close_incident(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    now: Timestamp,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "UPDATE pat_incidents SET status = 'closed', closed_at = $3 WHERE tenant_id = $1 AND incident_id = $2 AND status = 'open'")
        .bind(tenant.as_uuid()).bind(id).bind(now).execute(c).await.map(|_| ()))?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AssignmentRow {
    pub assignment_id: Uuid,
    pub incident_id: Uuid,
    pub unit_id: Uuid,
    pub alerted_at: Timestamp,
    pub en_route_at: Option<Timestamp>,
    pub on_scene_at: Option<Timestamp>,
    pub cleared_at: Option<Timestamp>,
}

const ASSIGNMENT_COLS: &str =
    "assignment_id, incident_id, unit_id, alerted_at, en_route_at, on_scene_at, cleared_at";

pub async fn insert_assignment(
    tx: &mut Tx,
    tenant: TenantId,
    a: &AssignmentRow,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO pat_assignments (tenant_id, assignment_id, incident_id, unit_id, alerted_at)
         VALUES ($1, $2, $3, $4, $5)")
        .bind(tenant.as_uuid()).bind(a.assignment_id).bind(a.incident_id).bind(a.unit_id).bind(a.alerted_at)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Takes a free unit (status 1 or 2) for an incident: the conditional
/// update makes two dispatchers unable to alert the same unit twice.
pub async fn take_unit(
    tx: &mut Tx,
    tenant: TenantId,
    unit: Uuid,
    now: Timestamp,
) -> Result<bool, DbError> {
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE pat_units SET status = 3, status_at = $3 WHERE tenant_id = $1 AND unit_id = $2 AND status IN (1, 2)")
        .bind(tenant.as_uuid()).bind(unit).bind(now).execute(c).await.map(|r| r.rows_affected()))?;
    if n == 1 {
        on_db!(tx, c => sqlx::query(
            "INSERT INTO pat_unit_status (tenant_id, change_id, unit_id, status, at) VALUES ($1, $2, $3, 3, $4)")
            .bind(tenant.as_uuid()).bind(Uuid::now_v7()).bind(unit).bind(now)
            .execute(c).await.map(|_| ()))?;
    }
    Ok(n == 1)
}

pub async fn assignments(
    db: &Db,
    tenant: TenantId,
    open_only: bool,
) -> Result<Vec<AssignmentRow>, DbError> {
    let mut conn = db.read().await?;
    let sql = if open_only {
        format!("SELECT {ASSIGNMENT_COLS} FROM pat_assignments WHERE tenant_id = $1 AND cleared_at IS NULL ORDER BY alerted_at")
    } else {
        format!("SELECT {ASSIGNMENT_COLS} FROM pat_assignments WHERE tenant_id = $1 ORDER BY alerted_at DESC LIMIT 200")
    };
    on_db!(conn, c => sqlx::query_as(&sql).bind(tenant.as_uuid()).fetch_all(c).await)
        .map_err(Into::into)
}

pub async fn assignments_of(
    db: &Db,
    tenant: TenantId,
    incident: Uuid,
) -> Result<Vec<AssignmentRow>, DbError> {
    let mut conn = db.read().await?;
    let sql = format!("SELECT {ASSIGNMENT_COLS} FROM pat_assignments WHERE tenant_id = $1 AND incident_id = $2 ORDER BY alerted_at");
    on_db!(conn, c => sqlx::query_as(&sql).bind(tenant.as_uuid()).bind(incident).fetch_all(c).await)
        .map_err(Into::into)
}

/// Stamps the open assignment of a unit for a status change: 3 = en
/// route, 4 = on scene, 1/2 = cleared. Returns the incident when cleared.
pub async fn stamp_assignment(
    tx: &mut Tx,
    tenant: TenantId,
    unit: Uuid,
    status: i32,
    now: Timestamp,
) -> Result<Option<Uuid>, DbError> {
    let col = match status {
        3 => "en_route_at",
        4 => "on_scene_at",
        1 | 2 => "cleared_at",
        _ => return Ok(None),
    };
    let open: Option<(Uuid, Uuid)> = on_db!(tx, c => sqlx::query_as(
        "SELECT assignment_id, incident_id FROM pat_assignments WHERE tenant_id = $1 AND unit_id = $2 AND cleared_at IS NULL
         ORDER BY alerted_at DESC LIMIT 1")
        .bind(tenant.as_uuid()).bind(unit).fetch_optional(c).await)?;
    let Some((assignment, incident)) = open else {
        return Ok(None);
    };
    let sql = format!(
        "UPDATE pat_assignments SET {col} = $3 WHERE tenant_id = $1 AND assignment_id = $2 AND {col} IS NULL"
    );
    on_db!(tx, c => sqlx::query(&sql).bind(tenant.as_uuid()).bind(assignment).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok((col == "cleared_at").then_some(incident))
}

// ---- patrol log ----

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LogRow {
    pub entry_id: Uuid,
    pub patrol_id: Uuid,
    pub kind: String,
    pub agency: String,
    pub count: i32,
    pub note: String,
    pub occurred_at: Timestamp,
}

pub async fn insert_log(
    tx: &mut Tx,
    tenant: TenantId,
    e: &LogRow,
    by: Uuid,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO pat_log (tenant_id, entry_id, patrol_id, kind, agency, count, note, occurred_at, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
        .bind(tenant.as_uuid()).bind(e.entry_id).bind(e.patrol_id).bind(&e.kind).bind(&e.agency)
        .bind(e.count).bind(&e.note).bind(e.occurred_at).bind(by)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn log_of(db: &Db, tenant: TenantId, patrol: Uuid) -> Result<Vec<LogRow>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT entry_id, patrol_id, kind, agency, count, note, occurred_at FROM pat_log
         WHERE tenant_id = $1 AND patrol_id = $2 ORDER BY occurred_at")
        .bind(tenant.as_uuid()).bind(patrol).fetch_all(c).await)
    .map_err(Into::into)
}

/// Counts per (area, kind, agency) of log entries in [from, to).
pub async fn log_counts(
    db: &Db,
    tenant: TenantId,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<(Uuid, String, String, i64)>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT p.area_id, l.kind, l.agency, CAST(SUM(l.count) AS BIGINT) FROM pat_log l
         JOIN pat_patrols p ON p.tenant_id = l.tenant_id AND p.patrol_id = l.patrol_id
         WHERE l.tenant_id = $1 AND l.occurred_at >= $2 AND l.occurred_at < $3
         GROUP BY p.area_id, l.kind, l.agency ORDER BY p.area_id, l.kind, l.agency")
        .bind(tenant.as_uuid()).bind(from).bind(to).fetch_all(c).await)
    .map_err(Into::into)
}

/// Rows of one of this module's tables (tests: "nothing stored").
pub async fn count(db: &Db, tenant: TenantId, table: &str) -> Result<i64, DbError> {
    const TABLES: &[&str] = &[
        "pat_staff",
        "pat_areas",
        "pat_focus",
        "pat_plans",
        "pat_patrols",
        "pat_patrol_members",
        "pat_units",
        "pat_incidents",
        "pat_assignments",
        "pat_log",
        "pat_absences",
        "pat_settings",
    ];
    if !TABLES.contains(&table) {
        return Ok(-1);
    }
    let mut conn = db.read().await?;
    let sql = format!("SELECT COUNT(*) FROM {table} WHERE tenant_id = $1");
    let n: (i64,) =
        on_db!(conn, c => sqlx::query_as(&sql).bind(tenant.as_uuid()).fetch_one(c).await)?;
    Ok(n.0)
}

/// Published patrols starting in `[from, to)`, one row per member: area,
/// patrol, start, end and the member's agency (for the public figures).
pub async fn published_member_agencies(
    db: &Db,
    tenant: TenantId,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<(Uuid, Uuid, Timestamp, Timestamp, String)>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT p.area_id, p.patrol_id, p.starts_at, p.ends_at, s.agency FROM pat_patrols p
         JOIN pat_plans l ON l.tenant_id = p.tenant_id AND l.plan_id = p.plan_id
         JOIN pat_patrol_members m ON m.tenant_id = p.tenant_id AND m.patrol_id = p.patrol_id
         JOIN pat_staff s ON s.tenant_id = m.tenant_id AND s.staff_id = m.staff_id
         WHERE p.tenant_id = $1 AND l.status = 'published' AND p.starts_at >= $2 AND p.starts_at < $3")
        .bind(tenant.as_uuid()).bind(from).bind(to).fetch_all(c).await)
    .map_err(Into::into)
}
