//! Counting attempts per bucket in fixed windows, in the database so that
//! every instance sees the same count.

use chrono::Duration;

use crate::on_db;
use crate::platform::db::{Db, DbError, Timestamp};
use crate::platform::tenants::TenantId;

/// A limit: at most `max` counted attempts per `window`.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub max: i64,
    pub window: Duration,
}

/// Failed logins per client address, and per login name.
pub const LOGIN_PER_CLIENT: Limit = Limit {
    max: 10,
    window: Duration::minutes(15),
};
pub const LOGIN_PER_ACCOUNT: Limit = Limit {
    max: 10,
    window: Duration::minutes(15),
};

/// Whether the bucket is already at its limit.
pub async fn is_limited(
    db: &Db,
    tenant: TenantId,
    bucket: &str,
    limit: Limit,
    now: Timestamp,
) -> Result<bool, DbError> {
    let mut conn = db.read().await?;
    let row: Option<(Timestamp, i64)> = on_db!(conn, c => sqlx::query_as(
        "SELECT window_start, hits FROM throttle WHERE tenant_id = $1 AND bucket = $2")
        .bind(tenant.as_uuid()).bind(bucket).fetch_optional(c).await)?;
    Ok(match row {
        Some((start, hits)) => start.0 + limit.window > now.0 && hits >= limit.max,
        None => false,
    })
}

/// Counts one attempt; returns the count in the current window.
pub async fn hit(
    db: &Db,
    tenant: TenantId,
    bucket: &str,
    limit: Limit,
    now: Timestamp,
) -> Result<i64, DbError> {
    let window_floor = Timestamp::truncated(now.0 - limit.window);
    let mut tx = db.begin().await?;
    let (hits,): (i64,) = on_db!(tx, c => sqlx::query_as(
        "INSERT INTO throttle (tenant_id, bucket, window_start, hits) VALUES ($1, $2, $3, 1)
         ON CONFLICT (tenant_id, bucket) DO UPDATE SET
           hits = CASE WHEN throttle.window_start <= $4 THEN 1 ELSE throttle.hits + 1 END,
           window_start = CASE WHEN throttle.window_start <= $4 THEN $3 ELSE throttle.window_start END
         RETURNING hits")
        .bind(tenant.as_uuid()).bind(bucket).bind(now).bind(window_floor).fetch_one(c).await)?;
    tx.commit().await?;
    Ok(hits)
}

/// Forgets a bucket (after a successful login).
pub async fn clear(db: &Db, tenant: TenantId, bucket: &str) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    on_db!(tx, c => sqlx::query("DELETE FROM throttle WHERE tenant_id = $1 AND bucket = $2")
        .bind(tenant.as_uuid()).bind(bucket).execute(c).await.map(|_| ()))?;
    tx.commit().await
}

/// Deletes buckets whose window ended long ago.
pub async fn purge(db: &Db, now: Timestamp) -> Result<u64, DbError> {
    let cutoff = Timestamp::truncated(now.0 - Duration::days(1));
    let mut tx = db.begin().await?;
    let n = on_db!(tx, c => sqlx::query("DELETE FROM throttle WHERE window_start < $1")
        .bind(cutoff).execute(c).await.map(|r| r.rows_affected()))?;
    tx.commit().await?;
    Ok(n)
}
