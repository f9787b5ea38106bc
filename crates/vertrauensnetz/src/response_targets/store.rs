//! All SQL of the response-targets module.

use super::model::{Count, DispatchRecord, Group, StartPoint, Target};
use crate::on_db;
use crate::platform::db::{Db, DbError, Timestamp, Tx};
use crate::platform::tenants::TenantId;

/// The tenant's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub start_point: StartPoint,
    /// Compliance below this share (percent) calls for a review.
    pub threshold_percent: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            start_point: StartPoint::Call,
            threshold_percent: 80,
        }
    }
}

pub async fn settings(db: &Db, tenant: TenantId) -> Result<Settings, DbError> {
    let mut conn = db.read().await?;
    let row: Option<(String, i32)> = on_db!(conn, c => sqlx::query_as(
        "SELECT start_point, threshold_percent FROM response_settings WHERE tenant_id = $1")
        .bind(tenant.as_uuid()).fetch_optional(c).await)?;
    Ok(row
        .map(|(s, t)| Settings {
            start_point: StartPoint::parse(&s).unwrap_or(StartPoint::Call),
            threshold_percent: i64::from(t),
        })
        .unwrap_or_default())
}

/// The configured targets; the default target when none are saved.
pub async fn targets(db: &Db, tenant: TenantId) -> Result<Vec<Target>, DbError> {
    let mut conn = db.read().await?;
    let rows: Vec<(String, String, i32, i32)> = on_db!(conn, c => sqlx::query_as(
        "SELECT district_code, category, target_seconds, share_percent FROM response_targets
         WHERE tenant_id = $1 ORDER BY district_code, category")
        .bind(tenant.as_uuid()).fetch_all(c).await)?;
    if rows.is_empty() {
        return Ok(vec![Target::default_target()]);
    }
    Ok(rows
        .into_iter()
        .map(|(district, category, s, p)| Target {
            district,
            category,
            seconds: i64::from(s),
            share_percent: i64::from(p),
        })
        .collect())
}

/// Replaces settings and targets.
pub async fn save(
    tx: &mut Tx,
    tenant: TenantId,
    settings: Settings,
    targets: &[Target],
    now: Timestamp,
) -> Result<(), DbError> {
    let threshold = i32::try_from(settings.threshold_percent).unwrap_or(80);
    on_db!(tx, c => sqlx::query(
        "INSERT INTO response_settings (tenant_id, start_point, threshold_percent, updated_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id) DO UPDATE SET start_point = $2, threshold_percent = $3, updated_at = $4")
        .bind(tenant.as_uuid()).bind(settings.start_point.as_str()).bind(threshold).bind(now)
        .execute(c).await.map(|_| ()))?;
    on_db!(tx, c => sqlx::query("DELETE FROM response_targets WHERE tenant_id = $1")
        .bind(tenant.as_uuid()).execute(c).await.map(|_| ()))?;
    for t in targets {
        let seconds = i32::try_from(t.seconds).unwrap_or(i32::MAX);
        let share = i32::try_from(t.share_percent).unwrap_or(100);
        on_db!(tx, c => sqlx::query(
            "INSERT INTO response_targets (tenant_id, district_code, category, target_seconds, share_percent)
             VALUES ($1, $2, $3, $4, $5)")
            .bind(tenant.as_uuid()).bind(&t.district).bind(&t.category).bind(seconds).bind(share)
            .execute(c).await.map(|_| ()))?;
    }
    Ok(())
}

/// How many dispatch records the tenant holds (read inside the importing
/// transaction to tell new records from replaced ones).
pub async fn count(tx: &mut Tx, tenant: TenantId) -> Result<i64, DbError> {
    let n: (i64,) = on_db!(tx, c => sqlx::query_as(
        "SELECT COUNT(*) FROM dispatch_records WHERE tenant_id = $1")
        .bind(tenant.as_uuid()).fetch_one(c).await)?;
    Ok(n.0)
}

const BATCH: usize = 200;

/// Inserts the records; a known incident id is replaced (re-importing an
/// export never counts an incident twice).
pub async fn upsert(
    tx: &mut Tx,
    tenant: TenantId,
    records: &[DispatchRecord],
    now: Timestamp,
) -> Result<(), DbError> {
    for chunk in records.chunks(BATCH) {
        let mut sql = String::from(
            "INSERT INTO dispatch_records (tenant_id, incident_id, district_code, category, called_at,
             dispatched_at, arrived_at, month, seconds_from_call, seconds_from_dispatch, imported_at) VALUES ",
        );
        for i in 0..chunk.len() {
            let b = i * 11;
            if i > 0 {
                sql.push(',');
            }
            sql.push('(');
            for k in 1..=11 {
                if k > 1 {
                    sql.push(',');
                }
                sql.push_str(&format!("${}", b + k));
            }
            sql.push(')');
        }
        sql.push_str(
            " ON CONFLICT (tenant_id, incident_id) DO UPDATE SET district_code = excluded.district_code,
              category = excluded.category, called_at = excluded.called_at,
              dispatched_at = excluded.dispatched_at, arrived_at = excluded.arrived_at,
              month = excluded.month, seconds_from_call = excluded.seconds_from_call,
              seconds_from_dispatch = excluded.seconds_from_dispatch, imported_at = excluded.imported_at",
        );
        on_db!(tx, c => {
            let mut q = sqlx::query(&sql);
            for r in chunk {
                q = q
                    .bind(tenant.as_uuid())
                    .bind(&r.incident_id)
                    .bind(&r.district_code)
                    .bind(&r.category)
                    .bind(Timestamp::from(r.called_at))
                    .bind(Timestamp::from(r.dispatched_at))
                    .bind(Timestamp::from(r.arrived_at))
                    .bind(&r.month)
                    .bind(i32::try_from(r.seconds_from_call()).unwrap_or(i32::MAX))
                    .bind(i32::try_from(r.seconds_from_dispatch()).unwrap_or(i32::MAX))
                    .bind(now);
            }
            q.execute(c).await.map(|_| ())
        })?;
    }
    Ok(())
}

/// Incidents and those within their target, grouped by district, category
/// and month, for the months `[from, to)` (`YYYY-MM`). The target is the
/// most specific row of `response_targets` (district and category, then
/// district, then category, then `*`/`*`), else `default_seconds`.
pub async fn groups(
    db: &Db,
    tenant: TenantId,
    from: &str,
    to: &str,
    start: StartPoint,
    default_seconds: i64,
) -> Result<Vec<Group>, DbError> {
    let column = match start {
        StartPoint::Call => "seconds_from_call",
        StartPoint::Dispatch => "seconds_from_dispatch",
    };
    let sql = format!(
        "SELECT r.district_code, r.category, r.month, COUNT(*) AS n,
           SUM(CASE WHEN r.{column} <= COALESCE(t1.target_seconds, t2.target_seconds, t3.target_seconds,
                                                t4.target_seconds, $4) THEN 1 ELSE 0 END) AS within
         FROM dispatch_records r
         LEFT JOIN response_targets t1 ON t1.tenant_id = r.tenant_id AND t1.district_code = r.district_code
              AND t1.category = r.category
         LEFT JOIN response_targets t2 ON t2.tenant_id = r.tenant_id AND t2.district_code = r.district_code
              AND t2.category = '*'
         LEFT JOIN response_targets t3 ON t3.tenant_id = r.tenant_id AND t3.district_code = '*'
              AND t3.category = r.category
         LEFT JOIN response_targets t4 ON t4.tenant_id = r.tenant_id AND t4.district_code = '*'
              AND t4.category = '*'
         WHERE r.tenant_id = $1 AND r.month >= $2 AND r.month < $3
         GROUP BY r.district_code, r.category, r.month
         ORDER BY r.district_code, r.category, r.month"
    );
    let default = i32::try_from(default_seconds).unwrap_or(480);
    let mut conn = db.read().await?;
    let rows: Vec<(String, String, String, i64, Option<i64>)> = on_db!(conn, c => sqlx::query_as(&sql)
        .bind(tenant.as_uuid()).bind(from).bind(to).bind(default)
        .fetch_all(c).await)?;
    Ok(rows
        .into_iter()
        .map(|(district, category, month, n, within)| Group {
            district,
            category,
            month,
            count: Count {
                incidents: n,
                within: within.unwrap_or(0),
            },
        })
        .collect())
}
