//! All SQL of the receipts module.

use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::model::{Agency, LegalBasis, Mode, Settings};
use crate::on_db;
use crate::platform::audit::{self, Actor, Entry};
use crate::platform::db::{Db, DbError, Timestamp, Tx};
use crate::platform::tenants::TenantId;

/// A tenant's settings (defaults when none are stored).
pub async fn settings(db: &Db, tenant: TenantId) -> Result<Settings, DbError> {
    let mut conn = db.read().await?;
    let row: Option<(String, String, bool, String)> = on_db!(conn, c => sqlx::query_as(
        "SELECT mode, groups, officer_groups, officer_groups_basis FROM receipt_settings WHERE tenant_id = $1")
        .bind(tenant.as_uuid()).fetch_optional(c).await)?;
    let bases: Vec<(String, String, String, bool)> = on_db!(conn, c => sqlx::query_as(
        "SELECT agency, code, citation, active FROM receipt_legal_bases WHERE tenant_id = $1
         ORDER BY agency, position, code")
        .bind(tenant.as_uuid()).fetch_all(c).await)?;
    let mut s = match row {
        Some((mode, groups, officer_groups, officer_groups_basis)) => Settings {
            mode: Mode::parse(&mode).unwrap_or(Mode::EveryStop),
            groups: groups
                .split(',')
                .filter(|g| !g.is_empty())
                .map(str::to_owned)
                .collect(),
            officer_groups,
            officer_groups_basis,
            ..Settings::default()
        },
        None => Settings::default(),
    };
    // An agency without a stored list cites the defaults.
    for agency in [Agency::Police, Agency::Kod] {
        let stored: Vec<LegalBasis> = bases
            .iter()
            .filter(|b| Agency::parse(&b.0) == Some(agency))
            .map(|(_, code, citation, active)| LegalBasis {
                agency,
                code: code.clone(),
                citation: citation.clone(),
                active: *active,
            })
            .collect();
        if !stored.is_empty() {
            s.legal_bases.retain(|b| b.agency != agency);
            s.legal_bases.extend(stored);
        }
    }
    Ok(s)
}

pub async fn save_settings(
    tx: &mut Tx,
    tenant: TenantId,
    s: &Settings,
    now: Timestamp,
) -> Result<(), DbError> {
    let groups = s.groups.join(",");
    on_db!(tx, c => sqlx::query(
        "INSERT INTO receipt_settings (tenant_id, mode, groups, officer_groups, officer_groups_basis, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (tenant_id) DO UPDATE SET mode = $2, groups = $3, officer_groups = $4,
            officer_groups_basis = $5, updated_at = $6")
        .bind(tenant.as_uuid()).bind(s.mode.as_str()).bind(&groups).bind(s.officer_groups)
        .bind(&s.officer_groups_basis).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Replaces one agency's list of legal bases (retired ones included).
pub async fn save_legal_bases(
    tx: &mut Tx,
    tenant: TenantId,
    agency: Agency,
    bases: &[LegalBasis],
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "DELETE FROM receipt_legal_bases WHERE tenant_id = $1 AND agency = $2")
        .bind(tenant.as_uuid()).bind(agency.as_str()).execute(c).await.map(|_| ()))?;
    for (i, b) in bases.iter().filter(|b| b.agency == agency).enumerate() {
        let position = i32::try_from(i).unwrap_or(i32::MAX);
        on_db!(tx, c => sqlx::query(
            "INSERT INTO receipt_legal_bases (tenant_id, agency, code, citation, position, active)
             VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(tenant.as_uuid()).bind(agency.as_str()).bind(&b.code).bind(&b.citation)
            .bind(position).bind(b.active)
            .execute(c).await.map(|_| ()))?;
    }
    Ok(())
}

pub async fn service_number(
    db: &Db,
    tenant: TenantId,
    user: Uuid,
) -> Result<Option<String>, DbError> {
    let mut conn = db.read().await?;
    let row: Option<(String,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT service_number FROM receipt_officers WHERE tenant_id = $1 AND user_id = $2")
        .bind(tenant.as_uuid()).bind(user).fetch_optional(c).await)?;
    Ok(row.map(|r| r.0))
}

pub async fn remember_service_number(
    tx: &mut Tx,
    tenant: TenantId,
    user: Uuid,
    number: &str,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO receipt_officers (tenant_id, user_id, service_number) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, user_id) DO UPDATE SET service_number = $3")
        .bind(tenant.as_uuid()).bind(user).bind(number).execute(c).await.map(|_| ()))?;
    Ok(())
}

/// A receipt row as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReceiptRow {
    pub receipt_id: Uuid,
    pub number: String,
    pub agency: String,
    pub issued_at: Timestamp,
    pub stopped_at: Timestamp,
    pub district: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub legal_basis: String,
    pub reason: String,
    pub reason_text: String,
    pub measures: String,
    pub outcome: String,
    pub persons: i32,
    pub service_number: String,
    pub given: bool,
    pub kid: String,
    pub cose: Vec<u8>,
    /// The group the officer perceived, where the tenant records it.
    pub officer_group: Option<String>,
}

impl ReceiptRow {
    pub fn measure_list(&self) -> Vec<String> {
        self.measures
            .split(' ')
            .filter(|m| !m.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

const SELECT_RECEIPT: &str =
    "SELECT receipt_id, number, agency, issued_at, stopped_at, district, lat, lon,
    legal_basis, reason, reason_text, measures, outcome, persons, service_number, given, kid, cose,
    officer_group
    FROM receipts";

/// A receipt prepared for storing (signed already).
pub struct Prepared<'a> {
    pub receipt_id: Uuid,
    pub row: &'a ReceiptRow,
    pub issued_day: String,
    pub issued_by: Uuid,
    pub actor: Actor,
}

/// The content hash the chain entry commits to: SHA-256 of the signed
/// COSE bytes (which hold every field of the receipt).
pub fn content_hash(cose: &[u8]) -> [u8; 32] {
    Sha256::digest(cose).into()
}

/// Stores several signed receipts of one tenant and their chain entries in
/// `tx` with a handful of statements (one chain append, multi-row inserts).
/// Every receipt has its own chain entry, in order.
pub async fn insert_many(
    tx: &mut Tx,
    tenant: TenantId,
    batch: &[Prepared<'_>],
) -> Result<(), DbError> {
    let hashes: Vec<[u8; 32]> = batch.iter().map(|p| content_hash(&p.row.cose)).collect();
    let entries: Vec<(Timestamp, Entry<'_>)> = batch
        .iter()
        .zip(&hashes)
        .map(|(p, hash)| {
            (
                p.row.issued_at,
                Entry::new(p.actor, "receipt.issue", "receipt", p.receipt_id).details(
                    serde_json::json!({ "number": p.row.number, "content_hash": hex::encode(hash) }),
                ),
            )
        })
        .collect();
    let seqs = audit::append_many(tx, tenant, &entries).await?;
    const COLUMNS: usize = 24;
    // 24 values per row: 100 rows use 2,400 bind parameters.
    let rows: Vec<(&Prepared<'_>, &[u8; 32], i64)> = batch
        .iter()
        .zip(&hashes)
        .zip(seqs)
        .map(|((p, h), s)| (p, h, s))
        .collect();
    for chunk in rows.chunks(100) {
        let sql = format!(
            "INSERT INTO receipts (tenant_id, receipt_id, number, agency, issued_at, issued_day, stopped_at, district,
            lat, lon, legal_basis, reason, reason_text, measures, outcome, persons, service_number, issued_by,
            given, kid, cose, content_hash, audit_seq, officer_group) VALUES {}",
            crate::platform::db::values_placeholders(tx.kind(), chunk.len(), COLUMNS)
        );
        on_db!(tx, c => {
            let mut q = sqlx::query(&sql).persistent(chunk.len() == 1);
            for (p, hash, seq) in chunk {
                let r = p.row;
                q = q.bind(tenant.as_uuid()).bind(p.receipt_id).bind(&r.number).bind(&r.agency).bind(r.issued_at)
                    .bind(&p.issued_day).bind(r.stopped_at).bind(&r.district).bind(r.lat).bind(r.lon)
                    .bind(&r.legal_basis).bind(&r.reason).bind(&r.reason_text).bind(&r.measures).bind(&r.outcome)
                    .bind(r.persons).bind(&r.service_number).bind(p.issued_by).bind(r.given).bind(&r.kid)
                    .bind(&r.cose).bind(&hash[..]).bind(*seq).bind(&r.officer_group);
            }
            q.execute(c).await.map(|_| ())
        })?;
    }
    Ok(())
}

pub async fn by_number(
    db: &Db,
    tenant: TenantId,
    number: &str,
) -> Result<Option<ReceiptRow>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(&format!("{SELECT_RECEIPT} WHERE tenant_id = $1 AND number = $2"))
        .bind(tenant.as_uuid()).bind(number).fetch_optional(c).await)
    .map_err(DbError::from)
}

/// One day of the public log.
#[derive(Debug, Clone)]
pub struct LogDay {
    pub day: String,
    pub receipts: i64,
    pub head_seq: i64,
    pub head_hash: String,
}

/// The newest `limit` days with receipts: count and the chain entry of the
/// day's last receipt.
pub async fn log_days(db: &Db, tenant: TenantId, limit: i64) -> Result<Vec<LogDay>, DbError> {
    let mut conn = db.read().await?;
    let rows: Vec<(String, i64, i64)> = on_db!(conn, c => sqlx::query_as(
        "SELECT issued_day, COUNT(*), MAX(audit_seq) FROM receipts WHERE tenant_id = $1
         GROUP BY issued_day ORDER BY issued_day DESC LIMIT $2")
        .bind(tenant.as_uuid()).bind(limit).fetch_all(c).await)?;
    let mut out = Vec::with_capacity(rows.len());
    for (day, receipts, seq) in rows {
        let hash: Option<(Vec<u8>,)> = on_db!(conn, c => sqlx::query_as(
            "SELECT hash FROM audit_log WHERE tenant_id = $1 AND seq = $2")
            .bind(tenant.as_uuid()).bind(seq).fetch_optional(c).await)?;
        out.push(LogDay {
            day,
            receipts,
            head_seq: seq,
            head_hash: hash.map(|h| hex::encode(h.0)).unwrap_or_default(),
        });
    }
    Ok(out)
}

/// The coarse facts of a stop that a self-description carries.
#[derive(Debug, Clone)]
pub struct StopFacts {
    pub stop_month: String,
    pub agency: String,
    pub district: String,
    pub tod_min: i32,
    pub dark: bool,
    pub vod_window: bool,
    pub searched: bool,
    pub hit: bool,
}

/// What the person says about themselves and the stop.
#[derive(Debug, Clone)]
pub struct SelfDescription {
    pub age_band: String,
    pub gender: String,
    pub group: String,
    pub respectful: String,
    pub explained: String,
}

/// Sets the once-marker in `tx`; false when it was set before.
pub async fn take_mark(tx: &mut Tx, tenant: TenantId, mark: &[u8]) -> Result<bool, DbError> {
    let n = on_db!(tx, c => sqlx::query(
        "INSERT INTO receipt_feedback_marks (tenant_id, mark) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind(tenant.as_uuid()).bind(mark).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Stores a self-description (random id, no receipt id, no exact time).
pub async fn insert_description(
    tx: &mut Tx,
    tenant: TenantId,
    f: &StopFacts,
    d: &SelfDescription,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO receipt_self_descriptions (tenant_id, entry_id, stop_month, agency, district, tod_min, dark,
            vod_window, searched, hit, age_band, gender, grp, respectful, explained)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)")
        .bind(tenant.as_uuid()).bind(Uuid::new_v4()).bind(&f.stop_month).bind(&f.agency).bind(&f.district)
        .bind(f.tod_min).bind(f.dark).bind(f.vod_window).bind(f.searched).bind(f.hit)
        .bind(&d.age_band).bind(&d.gender).bind(&d.group).bind(&d.respectful).bind(&d.explained)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Stores many self-descriptions at once (the load-test generator):
/// multi-row inserts of 500.
pub async fn insert_descriptions(
    tx: &mut Tx,
    tenant: TenantId,
    rows: &[(StopFacts, SelfDescription)],
) -> Result<(), DbError> {
    for chunk in rows.chunks(500) {
        on_db!(tx, c => {
            let mut q = sqlx::QueryBuilder::new(
                "INSERT INTO receipt_self_descriptions (tenant_id, entry_id, stop_month, agency, district, tod_min, dark,
                    vod_window, searched, hit, age_band, gender, grp, respectful, explained) ");
            q.push_values(chunk, |mut b, (f, d)| {
                b.push_bind(tenant.as_uuid())
                    .push_bind(Uuid::new_v4())
                    .push_bind(&f.stop_month)
                    .push_bind(&f.agency)
                    .push_bind(&f.district)
                    .push_bind(f.tod_min)
                    .push_bind(f.dark)
                    .push_bind(f.vod_window)
                    .push_bind(f.searched)
                    .push_bind(f.hit)
                    .push_bind(&d.age_band)
                    .push_bind(&d.gender)
                    .push_bind(&d.group)
                    .push_bind(&d.respectful)
                    .push_bind(&d.explained);
            });
            q.build().execute(c).await.map(|_| ())
        })?;
    }
    Ok(())
}

/// The period and agency an evaluation looks at.
#[derive(Debug, Clone)]
pub struct Period {
    pub from: Timestamp,
    pub to: Timestamp,
    pub from_month: String,
    pub to_month: String,
    pub agency: Option<String>,
    /// One district only (empty: all).
    pub district: String,
}

/// Receipts by agency and given/refused.
pub async fn coverage(
    db: &Db,
    tenant: TenantId,
    p: &Period,
) -> Result<Vec<(String, bool, i64)>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT agency, given, COUNT(*) FROM receipts WHERE tenant_id = $1 AND stopped_at >= $2 AND stopped_at < $3
         AND ($4 = '' OR agency = $4) AND ($5 = '' OR district = $5) GROUP BY agency, given ORDER BY agency, given")
        .bind(tenant.as_uuid()).bind(p.from).bind(p.to).bind(p.agency.clone().unwrap_or_default())
        .bind(&p.district)
        .fetch_all(c).await)
    .map_err(DbError::from)
}

/// Self-descriptions by district and group: stops, searches, hits.
pub async fn described(
    db: &Db,
    tenant: TenantId,
    p: &Period,
) -> Result<Vec<(String, String, i64, i64, i64)>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT district, grp, COUNT(*), SUM(CASE WHEN searched THEN 1 ELSE 0 END), SUM(CASE WHEN hit THEN 1 ELSE 0 END)
         FROM receipt_self_descriptions WHERE tenant_id = $1 AND stop_month >= $2 AND stop_month <= $3
         AND ($4 = '' OR agency = $4) AND ($5 = '' OR district = $5) GROUP BY district, grp ORDER BY district, grp")
        .bind(tenant.as_uuid()).bind(&p.from_month).bind(&p.to_month).bind(p.agency.clone().unwrap_or_default())
        .bind(&p.district)
        .fetch_all(c).await)
    .map_err(DbError::from)
}

/// Self-described stops in the veil-of-darkness window by district,
/// clock-time bin, darkness and group.
pub async fn vod_cells(
    db: &Db,
    tenant: TenantId,
    p: &Period,
) -> Result<Vec<(String, i32, bool, String, i64)>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT district, tod_min, dark, grp, COUNT(*) FROM receipt_self_descriptions
         WHERE tenant_id = $1 AND stop_month >= $2 AND stop_month <= $3 AND ($4 = '' OR agency = $4)
         AND ($5 = '' OR district = $5)
         AND vod_window AND grp <> 'no_answer' GROUP BY district, grp, tod_min, dark")
        .bind(tenant.as_uuid()).bind(&p.from_month).bind(&p.to_month).bind(p.agency.clone().unwrap_or_default())
        .bind(&p.district)
        .fetch_all(c).await)
    .map_err(DbError::from)
}

/// Receipts with a group recorded by the officer, by group: stops,
/// searches, hits.
pub async fn officer_recorded(
    db: &Db,
    tenant: TenantId,
    p: &Period,
) -> Result<Vec<(String, i64, i64, i64)>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT officer_group, COUNT(*),
            SUM(CASE WHEN measures LIKE '%search_person%' OR measures LIKE '%search_belongings%' THEN 1 ELSE 0 END),
            SUM(CASE WHEN outcome IN ('admin_offence_report', 'criminal_complaint', 'arrest') THEN 1 ELSE 0 END)
         FROM receipts WHERE tenant_id = $1 AND stopped_at >= $2 AND stopped_at < $3
         AND ($4 = '' OR agency = $4) AND ($5 = '' OR district = $5)
         AND officer_group IS NOT NULL AND officer_group <> 'no_answer'
         GROUP BY officer_group ORDER BY officer_group")
        .bind(tenant.as_uuid()).bind(p.from).bind(p.to).bind(p.agency.clone().unwrap_or_default())
        .bind(&p.district)
        .fetch_all(c).await)
    .map_err(DbError::from)
}

/// Residents by district and group.
pub async fn population(
    db: &Db,
    tenant: TenantId,
) -> Result<Vec<(String, String, i64, String)>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT district, grp, residents, source FROM receipt_population WHERE tenant_id = $1 ORDER BY district, grp")
        .bind(tenant.as_uuid()).fetch_all(c).await)
    .map_err(DbError::from)
}

/// Replaces the population benchmark.
pub async fn replace_population(
    tx: &mut Tx,
    tenant: TenantId,
    rows: &[(String, String, i64)],
    source: &str,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query("DELETE FROM receipt_population WHERE tenant_id = $1")
        .bind(tenant.as_uuid()).execute(c).await.map(|_| ()))?;
    for (district, grp, residents) in rows {
        on_db!(tx, c => sqlx::query(
            "INSERT INTO receipt_population (tenant_id, district, grp, residents, source) VALUES ($1, $2, $3, $4, $5)")
            .bind(tenant.as_uuid()).bind(district).bind(grp).bind(*residents).bind(source)
            .execute(c).await.map(|_| ()))?;
    }
    Ok(())
}

/// Receipts of a period for the pseudonymised export, oldest first.
pub async fn export_rows(
    db: &Db,
    tenant: TenantId,
    p: &Period,
) -> Result<Vec<ReceiptRow>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(&format!(
        "{SELECT_RECEIPT} WHERE tenant_id = $1 AND stopped_at >= $2 AND stopped_at < $3 AND ($4 = '' OR agency = $4)
         ORDER BY stopped_at LIMIT 1000000"))
        .bind(tenant.as_uuid()).bind(p.from).bind(p.to).bind(p.agency.clone().unwrap_or_default())
        .fetch_all(c).await)
    .map_err(DbError::from)
}

/// What `audit verify` checks beyond the chain: every receipt row has its
/// chain entry with the same content hash, and every receipt entry of the
/// chain still has its row.
pub async fn cross_check(db: &Db) -> Result<Result<usize, String>, DbError> {
    let mut conn = db.read().await?;
    let tenants: Vec<(Uuid, String)> = on_db!(conn, c => sqlx::query_as(
        "SELECT tenant_id, slug FROM tenants ORDER BY slug").fetch_all(c).await)?;
    let mut checked = 0usize;
    for (tenant_id, slug) in tenants {
        let mut entries: std::collections::HashMap<String, String> = Default::default();
        let mut after = 0i64;
        loop {
            let page: Vec<(i64, String, String)> = on_db!(conn, c => sqlx::query_as(
                "SELECT seq, object_id, details FROM audit_log WHERE tenant_id = $1 AND action = 'receipt.issue'
                 AND seq > $2 ORDER BY seq LIMIT 10000")
                .bind(tenant_id).bind(after).fetch_all(c).await)?;
            let Some(last) = page.last() else { break };
            after = last.0;
            for (_, object_id, details) in page {
                let hash = serde_json::from_str::<serde_json::Value>(&details)
                    .ok()
                    .and_then(|v| {
                        v.get("content_hash")
                            .and_then(|h| h.as_str())
                            .map(str::to_owned)
                    })
                    .unwrap_or_default();
                entries.insert(object_id, hash);
            }
        }
        let mut last_id: Option<Uuid> = None;
        loop {
            let page: Vec<(Uuid, String, Vec<u8>, Vec<u8>)> = match &last_id {
                None => on_db!(conn, c => sqlx::query_as(
                    "SELECT receipt_id, number, cose, content_hash FROM receipts WHERE tenant_id = $1
                     ORDER BY receipt_id LIMIT 10000").bind(tenant_id).fetch_all(c).await)?,
                Some(id) => on_db!(conn, c => sqlx::query_as(
                    "SELECT receipt_id, number, cose, content_hash FROM receipts WHERE tenant_id = $1
                     AND receipt_id > $2 ORDER BY receipt_id LIMIT 10000").bind(tenant_id).bind(*id).fetch_all(c).await)?,
            };
            let Some(last) = page.last() else { break };
            last_id = Some(last.0);
            for (id, number, cose, stored) in page {
                let hash = content_hash(&cose);
                let Some(chained) = entries.remove(&id.to_string()) else {
                    return Ok(Err(format!(
                        "tenant {slug}: receipt {number} has no chain entry"
                    )));
                };
                if chained != hex::encode(hash) || stored != hash {
                    return Ok(Err(format!(
                        "tenant {slug}: receipt {number} differs from its chain entry"
                    )));
                }
                checked += 1;
            }
        }
        if let Some(id) = entries.keys().next() {
            return Ok(Err(format!(
                "tenant {slug}: the chain records receipt {id}, which is no longer stored"
            )));
        }
    }
    Ok(Ok(checked))
}

/// Receipts of stops in `[from, to)` by agency and whether the receipt
/// was given (for the transparency dashboard).
pub async fn issued_between(
    db: &Db,
    tenant: TenantId,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<(String, bool, i64)>, DbError> {
    let mut conn = db.read().await?;
    let rows = on_db!(conn, c => sqlx::query_as(
        "SELECT agency, given, COUNT(*) FROM receipts
         WHERE tenant_id = $1 AND stopped_at >= $2 AND stopped_at < $3
         GROUP BY agency, given")
        .bind(tenant.as_uuid()).bind(from).bind(to).fetch_all(c).await)?;
    Ok(rows)
}

/// Self-descriptions of stops in the months `[from, to)` (`YYYY-MM`) by
/// agency: count, searched, searched with a hit, treated respectfully.
pub async fn described_between(
    db: &Db,
    tenant: TenantId,
    from: &str,
    to: &str,
) -> Result<Vec<(String, i64, Option<i64>, Option<i64>, Option<i64>)>, DbError> {
    let mut conn = db.read().await?;
    let rows = on_db!(conn, c => sqlx::query_as(
        "SELECT agency, COUNT(*),
                SUM(CASE WHEN searched THEN 1 ELSE 0 END),
                SUM(CASE WHEN searched AND hit THEN 1 ELSE 0 END),
                SUM(CASE WHEN respectful = 'yes' THEN 1 ELSE 0 END)
         FROM receipt_self_descriptions
         WHERE tenant_id = $1 AND stop_month >= $2 AND stop_month < $3
         GROUP BY agency")
        .bind(tenant.as_uuid()).bind(from).bind(to).fetch_all(c).await)?;
    Ok(rows)
}
