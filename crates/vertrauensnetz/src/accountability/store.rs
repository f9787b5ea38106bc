//! All SQL of the accountability module.

use uuid::Uuid;

use super::model::{AttackFacts, BodycamFacts, ForceFacts, Rules};
use crate::on_db;
use crate::platform::db::{Db, DbError, Timestamp, Tx};
use crate::platform::tenants::TenantId;

#[derive(sqlx::FromRow)]
struct RulesRow {
    bodycam_baton_drawn: bool,
    bodycam_baton_used: bool,
    bodycam_pepper_spray: bool,
    bodycam_order_to_leave: bool,
    review_required: bool,
    review_hours: i32,
    retention_days: i32,
    report_public: bool,
}

/// The tenant's rules (the defaults where none were saved).
pub async fn rules(db: &Db, tenant: TenantId) -> Result<Rules, DbError> {
    let mut conn = db.read().await?;
    let row: Option<RulesRow> = on_db!(conn, c => sqlx::query_as(
        "SELECT bodycam_baton_drawn, bodycam_baton_used, bodycam_pepper_spray, bodycam_order_to_leave,
                review_required, review_hours, retention_days, report_public
         FROM acc_settings WHERE tenant_id = $1")
        .bind(tenant.as_uuid()).fetch_optional(c).await)?;
    Ok(row
        .map(|r| Rules {
            bodycam_baton_drawn: r.bodycam_baton_drawn,
            bodycam_baton_used: r.bodycam_baton_used,
            bodycam_pepper_spray: r.bodycam_pepper_spray,
            bodycam_order_to_leave: r.bodycam_order_to_leave,
            review_required: r.review_required,
            review_hours: i64::from(r.review_hours),
            retention_days: i64::from(r.retention_days),
            report_public: r.report_public,
        })
        .unwrap_or_default())
}

pub async fn save_rules(
    tx: &mut Tx,
    tenant: TenantId,
    r: &Rules,
    now: Timestamp,
) -> Result<(), DbError> {
    let hours = i32::try_from(r.review_hours).unwrap_or(72);
    let days = i32::try_from(r.retention_days).unwrap_or(14);
    on_db!(tx, c => sqlx::query(
        "INSERT INTO acc_settings (tenant_id, bodycam_baton_drawn, bodycam_baton_used, bodycam_pepper_spray,
            bodycam_order_to_leave, review_required, review_hours, retention_days, report_public, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (tenant_id) DO UPDATE SET bodycam_baton_drawn = $2, bodycam_baton_used = $3,
            bodycam_pepper_spray = $4, bodycam_order_to_leave = $5, review_required = $6,
            review_hours = $7, retention_days = $8, report_public = $9, updated_at = $10")
        .bind(tenant.as_uuid()).bind(r.bodycam_baton_drawn).bind(r.bodycam_baton_used)
        .bind(r.bodycam_pepper_spray).bind(r.bodycam_order_to_leave).bind(r.review_required)
        .bind(hours).bind(days).bind(r.report_public).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Whether `user` holds `designation` (`supervisor`, `attack_manager`) for
/// `agency` (`police`, `kod`, or `all`).
pub async fn designated(
    db: &Db,
    tenant: TenantId,
    user: Uuid,
    designation: &str,
) -> Result<Vec<String>, DbError> {
    let mut conn = db.read().await?;
    let rows: Vec<(String,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT agency FROM acc_designations WHERE tenant_id = $1 AND user_id = $2 AND designation = $3")
        .bind(tenant.as_uuid()).bind(user).bind(designation).fetch_all(c).await)?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

pub async fn designate(
    tx: &mut Tx,
    tenant: TenantId,
    user: Uuid,
    designation: &str,
    agency: &str,
    now: Timestamp,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO acc_designations (tenant_id, user_id, designation, agency, designated_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, user_id, designation, agency) DO NOTHING")
        .bind(tenant.as_uuid()).bind(user).bind(designation).bind(agency).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn undesignate(
    tx: &mut Tx,
    tenant: TenantId,
    user: Uuid,
    designation: &str,
    agency: &str,
) -> Result<u64, DbError> {
    Ok(on_db!(tx, c => sqlx::query(
        "DELETE FROM acc_designations WHERE tenant_id = $1 AND user_id = $2 AND designation = $3 AND agency = $4")
        .bind(tenant.as_uuid()).bind(user).bind(designation).bind(agency)
        .execute(c).await.map(|r| r.rows_affected()))?)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DesignationRow {
    pub user_id: Uuid,
    pub login: String,
    pub display_name: String,
    pub designation: String,
    pub agency: String,
}

pub async fn designations(db: &Db, tenant: TenantId) -> Result<Vec<DesignationRow>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT d.user_id, u.login, u.display_name, d.designation, d.agency
         FROM acc_designations d JOIN users u ON u.user_id = d.user_id
         WHERE d.tenant_id = $1 ORDER BY d.designation, u.display_name")
        .bind(tenant.as_uuid()).fetch_all(c).await)?)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ForceRow {
    pub record_id: Uuid,
    pub reference: String,
    pub agency: String,
    pub kind: String,
    pub occurred_at: Timestamp,
    pub district: String,
    pub place: String,
    pub circumstances: String,
    pub persons_affected: i32,
    pub persons_injured: i32,
    pub medical_aid: bool,
    pub own_injuries: bool,
    pub warning_given: bool,
    pub order_to_leave: bool,
    pub bodycam_on: bool,
    pub witnesses: String,
    pub patrol_ref: String,
    pub stop_receipt: String,
    pub recorded_by: Uuid,
    pub recorded_at: Timestamp,
    pub reviewed_by: Option<Uuid>,
    pub reviewed_at: Option<Timestamp>,
    pub review_comment: Option<String>,
}

const FORCE_COLUMNS: &str = "record_id, reference, agency, kind, occurred_at, district, place, circumstances, persons_affected, persons_injured, medical_aid, own_injuries, warning_given, order_to_leave, bodycam_on, witnesses, patrol_ref, stop_receipt, recorded_by, recorded_at, reviewed_by, reviewed_at, review_comment";

fn small(n: i64) -> i32 {
    i32::try_from(n).unwrap_or(0)
}

#[allow(clippy::too_many_arguments)]
pub async fn insert_force(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    reference: &str,
    agency: &str,
    f: &ForceFacts,
    by: Uuid,
    now: Timestamp,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO force_records (tenant_id, record_id, reference, agency, kind, occurred_at, district, place,
            circumstances, persons_affected, persons_injured, medical_aid, own_injuries, warning_given,
            order_to_leave, bodycam_on, witnesses, patrol_ref, stop_receipt, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)")
        .bind(tenant.as_uuid()).bind(id).bind(reference).bind(agency).bind(f.kind)
        .bind(Timestamp::truncated(f.occurred_at)).bind(&f.district).bind(&f.place).bind(&f.circumstances)
        .bind(small(f.persons_affected)).bind(small(f.persons_injured)).bind(f.medical_aid)
        .bind(f.own_injuries).bind(f.warning_given).bind(f.order_to_leave).bind(f.bodycam_on)
        .bind(&f.witnesses).bind(&f.patrol_ref).bind(&f.stop_receipt).bind(by).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn force_record(
    db: &Db,
    tenant: TenantId,
    id: Uuid,
) -> Result<Option<ForceRow>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {FORCE_COLUMNS} FROM force_records WHERE tenant_id = $1 AND record_id = $2"))
        .bind(tenant.as_uuid()).bind(id).fetch_optional(c).await)?)
}

/// Records entered by `user`, newest first.
pub async fn force_by(db: &Db, tenant: TenantId, user: Uuid) -> Result<Vec<ForceRow>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {FORCE_COLUMNS} FROM force_records WHERE tenant_id = $1 AND recorded_by = $2
         ORDER BY occurred_at DESC LIMIT 200"))
        .bind(tenant.as_uuid()).bind(user).fetch_all(c).await)?)
}

/// Records of the agencies in `agencies` since `since`, newest first.
pub async fn force_of_agencies(
    db: &Db,
    tenant: TenantId,
    agencies: &[String],
    since: Timestamp,
) -> Result<Vec<ForceRow>, DbError> {
    let mut out = Vec::new();
    for agency in agencies {
        let mut conn = db.read().await?;
        let rows: Vec<ForceRow> = on_db!(conn, c => sqlx::query_as(&format!(
            "SELECT {FORCE_COLUMNS} FROM force_records WHERE tenant_id = $1 AND agency = $2 AND occurred_at >= $3
             ORDER BY occurred_at DESC"))
            .bind(tenant.as_uuid()).bind(agency).bind(since).fetch_all(c).await)?;
        out.extend(rows);
    }
    out.sort_by_key(|r| std::cmp::Reverse(r.occurred_at));
    Ok(out)
}

/// Records that occurred in `[from, to)`.
pub async fn force_between(
    db: &Db,
    tenant: TenantId,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<ForceRow>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {FORCE_COLUMNS} FROM force_records WHERE tenant_id = $1 AND occurred_at >= $2 AND occurred_at < $3"))
        .bind(tenant.as_uuid()).bind(from).bind(to).fetch_all(c).await)?)
}

/// Records a supervisor's review (once).
pub async fn review_force(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    by: Uuid,
    comment: &str,
    now: Timestamp,
) -> Result<bool, DbError> {
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE force_records SET reviewed_by = $3, reviewed_at = $4, review_comment = $5
         WHERE tenant_id = $1 AND record_id = $2 AND reviewed_at IS NULL")
        .bind(tenant.as_uuid()).bind(id).bind(by).bind(now).bind(comment)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BodycamRow {
    pub activation_id: Uuid,
    pub agency: String,
    pub started_at: Timestamp,
    pub stopped_at: Option<Timestamp>,
    pub reason: String,
    pub note: Option<String>,
    pub district: Option<String>,
    pub announced: bool,
    pub evidence: bool,
    pub recorded_by: Option<Uuid>,
    pub recorded_at: Timestamp,
    pub delete_due_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

const BODYCAM_COLUMNS: &str = "activation_id, agency, started_at, stopped_at, reason, note, district, announced, evidence, recorded_by, recorded_at, delete_due_at, deleted_at";

#[allow(clippy::too_many_arguments)]
pub async fn insert_bodycam(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    agency: &str,
    b: &BodycamFacts,
    by: Uuid,
    now: Timestamp,
    delete_due_at: Timestamp,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO bodycam_activations (tenant_id, activation_id, agency, started_at, stopped_at, reason, note,
            district, announced, evidence, recorded_by, recorded_at, delete_due_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)")
        .bind(tenant.as_uuid()).bind(id).bind(agency).bind(Timestamp::truncated(b.started_at))
        .bind(b.stopped_at.map(Timestamp::truncated)).bind(b.reason).bind(&b.note).bind(&b.district)
        .bind(b.announced).bind(b.evidence).bind(by).bind(now).bind(delete_due_at)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn bodycam_of_agencies(
    db: &Db,
    tenant: TenantId,
    agencies: &[String],
) -> Result<Vec<BodycamRow>, DbError> {
    let mut out = Vec::new();
    for agency in agencies {
        let mut conn = db.read().await?;
        let rows: Vec<BodycamRow> = on_db!(conn, c => sqlx::query_as(&format!(
            "SELECT {BODYCAM_COLUMNS} FROM bodycam_activations WHERE tenant_id = $1 AND agency = $2
             ORDER BY started_at DESC LIMIT 500"))
            .bind(tenant.as_uuid()).bind(agency).fetch_all(c).await)?;
        out.extend(rows);
    }
    out.sort_by_key(|r| std::cmp::Reverse(r.started_at));
    Ok(out)
}

pub async fn bodycam_between(
    db: &Db,
    tenant: TenantId,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<BodycamRow>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {BODYCAM_COLUMNS} FROM bodycam_activations WHERE tenant_id = $1 AND started_at >= $2 AND started_at < $3"))
        .bind(tenant.as_uuid()).bind(from).bind(to).fetch_all(c).await)?)
}

pub async fn bodycam(db: &Db, tenant: TenantId, id: Uuid) -> Result<Option<BodycamRow>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {BODYCAM_COLUMNS} FROM bodycam_activations WHERE tenant_id = $1 AND activation_id = $2"))
        .bind(tenant.as_uuid()).bind(id).fetch_optional(c).await)?)
}

/// Marks an activation as evidence (or not), while it is not deleted.
pub async fn set_evidence(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    evidence: bool,
) -> Result<bool, DbError> {
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE bodycam_activations SET evidence = $3
         WHERE tenant_id = $1 AND activation_id = $2 AND deleted_at IS NULL")
        .bind(tenant.as_uuid()).bind(id).bind(evidence)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Activations whose deletion is due, across tenants.
pub async fn bodycam_due(db: &Db, now: Timestamp) -> Result<Vec<(Uuid, Uuid)>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT tenant_id, activation_id FROM bodycam_activations
         WHERE deleted_at IS NULL AND evidence = FALSE AND delete_due_at <= $1")
        .bind(now).fetch_all(c).await)?)
}

/// Records the deletion and reduces the metadata: the note, the district,
/// the officer and the stop time are cleared, the start is cut to the day
/// (so monthly counts stay right); agency, reason kind and the announcement
/// flag remain.
pub async fn reduce_bodycam(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    day_start: Timestamp,
    now: Timestamp,
) -> Result<bool, DbError> {
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE bodycam_activations SET deleted_at = $3, note = NULL, district = NULL, recorded_by = NULL,
            stopped_at = NULL, started_at = $4
         WHERE tenant_id = $1 AND activation_id = $2 AND deleted_at IS NULL AND evidence = FALSE")
        .bind(tenant.as_uuid()).bind(id).bind(now).bind(day_start)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AttackRow {
    pub report_id: Uuid,
    pub reference: String,
    pub reporter: Uuid,
    pub reporter_role: String,
    pub occurred_at: Timestamp,
    pub district: String,
    pub place: String,
    pub situation: String,
    pub kinds: String,
    pub description: String,
    pub injured: bool,
    pub injuries: String,
    pub witnesses: String,
    pub bodycam: bool,
    pub created_at: Timestamp,
    pub triage: Option<String>,
    pub triage_note: Option<String>,
    pub triaged_at: Option<Timestamp>,
}

const ATTACK_COLUMNS: &str = "report_id, reference, reporter, reporter_role, occurred_at, district, place, situation, kinds, description, injured, injuries, witnesses, bodycam, created_at, triage, triage_note, triaged_at";

#[allow(clippy::too_many_arguments)]
pub async fn insert_attack(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    reference: &str,
    reporter: Uuid,
    role: &str,
    a: &AttackFacts,
    now: Timestamp,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO attack_reports (tenant_id, report_id, reference, reporter, reporter_role, occurred_at, district,
            place, situation, kinds, description, injured, injuries, witnesses, bodycam, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)")
        .bind(tenant.as_uuid()).bind(id).bind(reference).bind(reporter).bind(role)
        .bind(Timestamp::truncated(a.occurred_at)).bind(&a.district).bind(&a.place).bind(a.situation)
        .bind(a.kinds.join(",")).bind(&a.description).bind(a.injured).bind(&a.injuries)
        .bind(&a.witnesses).bind(a.bodycam).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn attack(db: &Db, tenant: TenantId, id: Uuid) -> Result<Option<AttackRow>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {ATTACK_COLUMNS} FROM attack_reports WHERE tenant_id = $1 AND report_id = $2"))
        .bind(tenant.as_uuid()).bind(id).fetch_optional(c).await)?)
}

/// The reports of one reporter, newest first.
pub async fn attacks_by(db: &Db, tenant: TenantId, user: Uuid) -> Result<Vec<AttackRow>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {ATTACK_COLUMNS} FROM attack_reports WHERE tenant_id = $1 AND reporter = $2
         ORDER BY occurred_at DESC"))
        .bind(tenant.as_uuid()).bind(user).fetch_all(c).await)?)
}

/// All reports, untriaged first, newest first.
pub async fn attacks(db: &Db, tenant: TenantId, limit: i64) -> Result<Vec<AttackRow>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {ATTACK_COLUMNS} FROM attack_reports WHERE tenant_id = $1
         ORDER BY CASE WHEN triage IS NULL THEN 0 ELSE 1 END, occurred_at DESC LIMIT $2"))
        .bind(tenant.as_uuid()).bind(limit).fetch_all(c).await)?)
}

pub async fn attacks_between(
    db: &Db,
    tenant: TenantId,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<AttackRow>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {ATTACK_COLUMNS} FROM attack_reports WHERE tenant_id = $1 AND occurred_at >= $2 AND occurred_at < $3"))
        .bind(tenant.as_uuid()).bind(from).bind(to).fetch_all(c).await)?)
}

pub async fn triage(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    level: &str,
    note: &str,
    by: Uuid,
    now: Timestamp,
) -> Result<bool, DbError> {
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE attack_reports SET triage = $3, triage_note = $4, triaged_by = $5, triaged_at = $6
         WHERE tenant_id = $1 AND report_id = $2")
        .bind(tenant.as_uuid()).bind(id).bind(level).bind(note).bind(by).bind(now)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FollowupRow {
    pub step: String,
    pub status: String,
    pub note: String,
    pub updated_at: Timestamp,
}

pub async fn followups(
    db: &Db,
    tenant: TenantId,
    report: Uuid,
) -> Result<Vec<FollowupRow>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT step, status, note, updated_at FROM attack_followups WHERE tenant_id = $1 AND report_id = $2")
        .bind(tenant.as_uuid()).bind(report).fetch_all(c).await)?)
}

#[allow(clippy::too_many_arguments)]
pub async fn set_followup(
    tx: &mut Tx,
    tenant: TenantId,
    report: Uuid,
    step: &str,
    status: &str,
    note: &str,
    by: Uuid,
    now: Timestamp,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO attack_followups (tenant_id, report_id, step, status, note, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (tenant_id, report_id, step) DO UPDATE SET status = $4, note = $5, updated_by = $6, updated_at = $7")
        .bind(tenant.as_uuid()).bind(report).bind(step).bind(status).bind(note).bind(by).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Counts rows of a table for a tenant (tests and the demo).
pub async fn count(db: &Db, tenant: TenantId, table: &str) -> Result<i64, DbError> {
    let table = match table {
        "force_records" | "bodycam_activations" | "attack_reports" => table,
        _ => return Ok(0),
    };
    let mut conn = db.read().await?;
    let row: (i64,) = on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT COUNT(*) FROM {table} WHERE tenant_id = $1"))
        .bind(tenant.as_uuid()).fetch_one(c).await)?;
    Ok(row.0)
}

/// Users holding `designation` on the tenant (any agency).
pub async fn designated_users(
    db: &Db,
    tenant: TenantId,
    designation: &str,
) -> Result<Vec<Uuid>, DbError> {
    let mut conn = db.read().await?;
    let rows: Vec<(Uuid,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT DISTINCT user_id FROM acc_designations WHERE tenant_id = $1 AND designation = $2")
        .bind(tenant.as_uuid()).bind(designation).fetch_all(c).await)?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// Claims the announcement of a report period; false if already made.
pub async fn claim_report_notice(
    tx: &mut Tx,
    tenant: TenantId,
    period: &str,
    now: Timestamp,
) -> Result<bool, DbError> {
    let n = on_db!(tx, c => sqlx::query(
        "INSERT INTO acc_report_notices (tenant_id, period, notified_at) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, period) DO NOTHING")
        .bind(tenant.as_uuid()).bind(period).bind(now)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}
