//! The append-only, hash-chained audit log.
//!
//! Each tenant has one chain. An entry's hash is SHA-256 over the previous
//! entry's hash and the entry's fields in a fixed, length-prefixed encoding
//! (see [`entry_hash`]). The head row (`audit_heads`) holds the last sequence
//! number and hash; appending locks it inside the writing transaction, so the
//! chain order is the commit order and an entry exists only if the write it
//! records committed. `audit verify` recomputes every chain: a changed entry
//! breaks its hash, a removed or inserted one breaks the sequence or the
//! link, and a removed last entry no longer matches the head.
//!
//! Entries name staff actors by user id and role, objects by type and id, and
//! carry only non-personal details.

use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::auth::Role;
use super::db::{Db, DbError, Timestamp, Tx};
use super::tenants::{Tenant, TenantId};
use crate::on_db;

/// The hash every chain starts from.
pub const GENESIS: [u8; 32] = [0u8; 32];

/// Who performed an audited write.
#[derive(Debug, Clone, Copy)]
pub enum Actor {
    /// A signed-in staff member acting in a role.
    Staff { user_id: Uuid, role: Role },
    /// A person without an account (a resident), never identified.
    Anonymous,
    /// The platform itself: jobs, command-line operations.
    System,
}

/// One audited write.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    pub actor: Actor,
    /// What happened, e.g. `user.create`.
    pub action: &'a str,
    pub object_type: &'a str,
    pub object_id: String,
    /// Non-personal details as JSON text (`{}` if none).
    pub details: String,
}

impl<'a> Entry<'a> {
    pub fn new(
        actor: Actor,
        action: &'a str,
        object_type: &'a str,
        object_id: impl ToString,
    ) -> Self {
        Entry {
            actor,
            action,
            object_type,
            object_id: object_id.to_string(),
            details: "{}".to_owned(),
        }
    }

    pub fn details(mut self, details: serde_json::Value) -> Self {
        self.details = details.to_string();
        self
    }
}

fn actor_columns(actor: Actor) -> (Option<Uuid>, Option<&'static str>) {
    match actor {
        Actor::Staff { user_id, role } => (Some(user_id), Some(role.as_str())),
        Actor::Anonymous => (None, Some("anonymous")),
        Actor::System => (None, Some("system")),
    }
}

fn put(h: &mut Sha256, field: &[u8]) {
    h.update((field.len() as u64).to_be_bytes());
    h.update(field);
}

/// The hash of an entry: SHA-256 over `prev_hash`, then each field as an
/// 8-byte big-endian length followed by its bytes, in this order: tenant id
/// (16 bytes), sequence (8 bytes BE), time (microseconds, 8 bytes BE), actor
/// user id (16 bytes or empty), actor role, action, object type, object id,
/// details.
#[allow(clippy::too_many_arguments)]
pub fn entry_hash(
    prev_hash: &[u8],
    tenant: Uuid,
    seq: i64,
    at: Timestamp,
    actor_user_id: Option<Uuid>,
    actor_role: Option<&str>,
    action: &str,
    object_type: &str,
    object_id: &str,
    details: &str,
) -> [u8; 32] {
    let mut h = Sha256::new();
    put(&mut h, prev_hash);
    put(&mut h, tenant.as_bytes());
    put(&mut h, &seq.to_be_bytes());
    put(&mut h, &at.micros().to_be_bytes());
    put(
        &mut h,
        actor_user_id
            .as_ref()
            .map(|u| &u.as_bytes()[..])
            .unwrap_or(&[]),
    );
    put(&mut h, actor_role.unwrap_or("").as_bytes());
    put(&mut h, action.as_bytes());
    put(&mut h, object_type.as_bytes());
    put(&mut h, object_id.as_bytes());
    put(&mut h, details.as_bytes());
    h.finalize().into()
}

pub(crate) async fn create_head(tx: &mut Tx, tenant: &Tenant) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query("INSERT INTO audit_heads (tenant_id, seq, hash) VALUES ($1, 0, $2)")
        .bind(tenant.id.as_uuid()).bind(&GENESIS[..]).execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Appends an entry to the tenant's chain inside `tx`. Returns its sequence.
pub async fn append(
    tx: &mut Tx,
    tenant: TenantId,
    at: Timestamp,
    entry: &Entry<'_>,
) -> Result<i64, DbError> {
    // The increment takes the head row's write lock (PostgreSQL row lock;
    // SQLite's single writer), so concurrent appends queue here.
    let seqs = append_many(tx, tenant, &[(at, entry.clone())]).await?;
    seqs.first()
        .copied()
        .ok_or_else(|| sqlx::Error::RowNotFound.into())
}

/// Appends several entries to one tenant's chain inside `tx`, in order,
/// with three statements however many there are (the head is moved once,
/// the entries are inserted in multi-row statements). Returns their
/// sequence numbers. The chain is the same as from [`append`] one by one.
pub async fn append_many(
    tx: &mut Tx,
    tenant: TenantId,
    entries: &[(Timestamp, Entry<'_>)],
) -> Result<Vec<i64>, DbError> {
    let Ok(n) = i64::try_from(entries.len()) else {
        return Err(sqlx::Error::Protocol("too many audit entries in one call".into()).into());
    };
    if n == 0 {
        return Ok(Vec::new());
    }
    let (last, mut prev): (i64, Vec<u8>) = on_db!(tx, c => sqlx::query_as(
        "UPDATE audit_heads SET seq = seq + $2 WHERE tenant_id = $1 RETURNING seq, hash")
        .bind(tenant.as_uuid()).bind(n).fetch_one(c).await)?;
    let first = last - n + 1;
    struct Computed<'e> {
        seq: i64,
        at: Timestamp,
        user_id: Option<Uuid>,
        role: Option<&'static str>,
        entry: &'e Entry<'e>,
        prev: Vec<u8>,
        hash: [u8; 32],
    }
    let mut rows = Vec::with_capacity(entries.len());
    for (seq, (at, entry)) in (first..).zip(entries) {
        let (user_id, role) = actor_columns(entry.actor);
        let hash = entry_hash(
            &prev,
            tenant.as_uuid(),
            seq,
            *at,
            user_id,
            role,
            entry.action,
            entry.object_type,
            &entry.object_id,
            &entry.details,
        );
        rows.push(Computed {
            seq,
            at: *at,
            user_id,
            role,
            entry,
            prev: std::mem::replace(&mut prev, hash.to_vec()),
            hash,
        });
    }
    // 11 values per row; 200 rows stay far below SQLite's 32,766 and
    // PostgreSQL's 65,535 bind parameters. Only the one-row statement is
    // kept prepared; the multi-row ones vary in length.
    for chunk in rows.chunks(200) {
        let sql = format!(
            "INSERT INTO audit_log (tenant_id, seq, at, actor_user_id, actor_role, action, object_type, object_id, details, prev_hash, hash) VALUES {}",
            crate::platform::db::values_placeholders(tx.kind(), chunk.len(), 11)
        );
        on_db!(tx, c => {
            let mut q = sqlx::query(&sql).persistent(chunk.len() == 1);
            for r in chunk {
                q = q.bind(tenant.as_uuid()).bind(r.seq).bind(r.at).bind(r.user_id).bind(r.role)
                    .bind(r.entry.action).bind(r.entry.object_type).bind(&r.entry.object_id)
                    .bind(&r.entry.details).bind(&r.prev[..]).bind(&r.hash[..]);
            }
            q.execute(c).await.map(|_| ())
        })?;
    }
    on_db!(tx, c => sqlx::query("UPDATE audit_heads SET hash = $2 WHERE tenant_id = $1")
        .bind(tenant.as_uuid()).bind(&prev[..]).execute(c).await.map(|_| ()))?;
    Ok((first..=last).collect())
}

#[derive(sqlx::FromRow)]
struct Row {
    seq: i64,
    at: Timestamp,
    actor_user_id: Option<Uuid>,
    actor_role: Option<String>,
    action: String,
    object_type: String,
    object_id: String,
    details: String,
    prev_hash: Vec<u8>,
    hash: Vec<u8>,
}

/// The first problem found in a chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Break {
    pub tenant: String,
    pub seq: i64,
    pub problem: String,
}

impl std::fmt::Display for Break {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "tenant {} entry {}: {}",
            self.tenant, self.seq, self.problem
        )
    }
}

/// What a verification found for one tenant.
#[derive(Debug, Clone)]
pub struct ChainStatus {
    pub tenant: String,
    pub entries: i64,
    pub head: [u8; 32],
}

const PAGE: i64 = 10_000;

/// Verifies every tenant's chain. `Ok` lists each chain's length and head;
/// `Err` names the first broken entry.
pub async fn verify(db: &Db) -> Result<Result<Vec<ChainStatus>, Break>, DbError> {
    let mut out = Vec::new();
    let mut conn = db.read().await?;
    let tenants: Vec<(Uuid, String)> = on_db!(conn, c => sqlx::query_as(
        "SELECT tenant_id, slug FROM tenants ORDER BY slug").fetch_all(c).await)?;
    for (tenant_id, slug) in tenants {
        let head: Option<(i64, Vec<u8>)> = on_db!(conn, c => sqlx::query_as(
            "SELECT seq, hash FROM audit_heads WHERE tenant_id = $1").bind(tenant_id).fetch_optional(c).await)?;
        let Some((head_seq, head_hash)) = head else {
            return Ok(Err(Break {
                tenant: slug,
                seq: 0,
                problem: "the chain head is missing".into(),
            }));
        };
        let mut expected_seq = 1i64;
        let mut prev = GENESIS.to_vec();
        loop {
            let rows: Vec<Row> = on_db!(conn, c => sqlx::query_as(
                "SELECT seq, at, actor_user_id, actor_role, action, object_type, object_id, details, prev_hash, hash
                 FROM audit_log WHERE tenant_id = $1 AND seq >= $2 ORDER BY seq LIMIT $3")
                .bind(tenant_id).bind(expected_seq).bind(PAGE).fetch_all(c).await)?;
            let n = rows.len();
            for r in rows {
                let broken = |problem: &str| Break {
                    tenant: slug.clone(),
                    seq: r.seq,
                    problem: problem.to_owned(),
                };
                if r.seq != expected_seq {
                    return Ok(Err(Break {
                        tenant: slug.clone(),
                        seq: expected_seq,
                        problem: format!("entry missing (next present entry is {})", r.seq),
                    }));
                }
                if r.prev_hash != prev {
                    return Ok(Err(broken("does not link to the previous entry")));
                }
                let h = entry_hash(
                    &prev,
                    tenant_id,
                    r.seq,
                    r.at,
                    r.actor_user_id,
                    r.actor_role.as_deref(),
                    &r.action,
                    &r.object_type,
                    &r.object_id,
                    &r.details,
                );
                if r.hash != h {
                    return Ok(Err(broken("its content was changed (hash mismatch)")));
                }
                prev = h.to_vec();
                expected_seq += 1;
            }
            if (n as i64) < PAGE {
                break;
            }
        }
        let last = expected_seq - 1;
        if last != head_seq || prev != head_hash {
            return Ok(Err(Break {
                tenant: slug,
                seq: last + 1,
                problem: format!("the chain ends at entry {last} but its head names entry {head_seq}: entries were removed or added"),
            }));
        }
        let mut head = [0u8; 32];
        head.copy_from_slice(&prev);
        out.push(ChainStatus {
            tenant: slug,
            entries: last,
            head,
        });
    }
    Ok(Ok(out))
}

/// One entry as shown to administrators.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ListedEntry {
    pub seq: i64,
    pub at: Timestamp,
    pub actor_user_id: Option<Uuid>,
    pub actor_role: Option<String>,
    pub action: String,
    pub object_type: String,
    pub object_id: String,
    pub details: String,
}

/// The newest entries of a tenant's chain.
pub async fn recent(db: &Db, tenant: TenantId, limit: i64) -> Result<Vec<ListedEntry>, DbError> {
    let mut conn = db.read().await?;
    on_db!(conn, c => sqlx::query_as(
        "SELECT seq, at, actor_user_id, actor_role, action, object_type, object_id, details
         FROM audit_log WHERE tenant_id = $1 ORDER BY seq DESC LIMIT $2")
        .bind(tenant.as_uuid()).bind(limit).fetch_all(c).await)
    .map_err(DbError::from)
}
