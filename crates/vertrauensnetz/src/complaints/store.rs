//! All SQL of the complaint office. Content columns hold ciphertext only
//! (see `crypto.rs`); this file never sees a plain text.

use uuid::Uuid;

use crate::on_db;
use crate::platform::db::{Db, DbError, Timestamp, Tx};
use crate::platform::tenants::TenantId;

/// A case as stored (content encrypted).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CaseRow {
    pub case_id: Uuid,
    pub reference: String,
    pub wrap_salt: Vec<u8>,
    pub wrap_kdf: String,
    pub complainant_key: Vec<u8>,
    pub body: Vec<u8>,
    pub contact_mode: String,
    pub consent: String,
    pub authority: String,
    pub status: String,
    pub outcome: Option<String>,
    pub category: Option<String>,
    pub assigned_to: Option<Uuid>,
    pub received_at: Timestamp,
    pub ack_due_at: Timestamp,
    pub feedback_due_at: Timestamp,
    pub acknowledged_at: Option<Timestamp>,
    pub first_feedback_at: Option<Timestamp>,
    pub closed_at: Option<Timestamp>,
    pub forward_key: Option<Vec<u8>>,
    pub summary: Option<Vec<u8>>,
    pub forwarded_at: Option<Timestamp>,
    /// The authority the case was forwarded to (`police` or `kod`).
    pub forwarded_to: Option<String>,
    pub stat_id: Uuid,
}

const CASE_COLUMNS: &str = "case_id, reference, wrap_salt, wrap_kdf, complainant_key, body, contact_mode, consent, authority, status, outcome, category, assigned_to, received_at, ack_due_at, feedback_due_at, acknowledged_at, first_feedback_at, closed_at, forward_key, summary, forwarded_at, forwarded_to, stat_id";

/// What a new case stores.
pub struct NewCase<'a> {
    pub case_id: Uuid,
    pub reference: &'a str,
    pub receipt_lookup: &'a [u8],
    pub receipt_kdf: &'a str,
    pub wrap_salt: &'a [u8],
    pub wrap_kdf: &'a str,
    pub complainant_key: &'a [u8],
    pub body: &'a [u8],
    pub contact_mode: &'a str,
    pub consent: &'a str,
    pub authority: &'a str,
    pub received_at: Timestamp,
    pub ack_due_at: Timestamp,
    pub feedback_due_at: Timestamp,
    pub stat_id: Uuid,
}

pub async fn insert_case(tx: &mut Tx, tenant: TenantId, c: &NewCase<'_>) -> Result<(), DbError> {
    on_db!(tx, x => sqlx::query(
        "INSERT INTO complaints (tenant_id, case_id, reference, receipt_lookup, receipt_kdf, wrap_salt, wrap_kdf,
           complainant_key, body, contact_mode, consent, authority, status, received_at, ack_due_at, feedback_due_at, stat_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'received', $13, $14, $15, $16)")
        .bind(tenant.as_uuid()).bind(c.case_id).bind(c.reference).bind(c.receipt_lookup).bind(c.receipt_kdf)
        .bind(c.wrap_salt).bind(c.wrap_kdf).bind(c.complainant_key).bind(c.body).bind(c.contact_mode)
        .bind(c.consent).bind(c.authority).bind(c.received_at).bind(c.ack_due_at).bind(c.feedback_due_at)
        .bind(c.stat_id)
        .execute(x).await.map(|_| ()))?;
    on_db!(tx, x => sqlx::query(
        "INSERT INTO complaint_stats (tenant_id, stat_id, received_at, authority) VALUES ($1, $2, $3, $4)")
        .bind(tenant.as_uuid()).bind(c.stat_id).bind(c.received_at).bind(c.authority)
        .execute(x).await.map(|_| ()))?;
    Ok(())
}

pub async fn insert_wrap(
    tx: &mut Tx,
    tenant: TenantId,
    case_id: Uuid,
    purpose: &str,
    recipient: &[u8],
    sealed: &[u8],
) -> Result<(), DbError> {
    Ok(on_db!(tx, x => sqlx::query(
        "INSERT INTO complaint_key_wraps (tenant_id, case_id, purpose, recipient_key, sealed_key)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, case_id, purpose, recipient_key) DO NOTHING")
        .bind(tenant.as_uuid()).bind(case_id).bind(purpose).bind(recipient).bind(sealed)
        .execute(x).await.map(|_| ()))?)
}

pub async fn wrap_for(
    db: &Db,
    tenant: TenantId,
    case_id: Uuid,
    purpose: &str,
    recipient: &[u8],
) -> Result<Option<Vec<u8>>, DbError> {
    let mut conn = db.read().await?;
    let row: Option<(Vec<u8>,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT sealed_key FROM complaint_key_wraps
         WHERE tenant_id = $1 AND case_id = $2 AND purpose = $3 AND recipient_key = $4")
        .bind(tenant.as_uuid()).bind(case_id).bind(purpose).bind(recipient)
        .fetch_optional(c).await)?;
    Ok(row.map(|r| r.0))
}

/// Cases (id) with a case key that have no `case` wrap for `recipient`.
pub async fn cases_without_wrap(
    db: &Db,
    tenant: TenantId,
    recipient: &[u8],
) -> Result<Vec<Uuid>, DbError> {
    let mut conn = db.read().await?;
    let rows: Vec<(Uuid,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT c.case_id FROM complaints c WHERE c.tenant_id = $1
           AND NOT EXISTS (SELECT 1 FROM complaint_key_wraps w WHERE w.tenant_id = c.tenant_id
             AND w.case_id = c.case_id AND w.purpose = 'case' AND w.recipient_key = $2)")
        .bind(tenant.as_uuid()).bind(recipient)
        .fetch_all(c).await)?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// Cases forwarded to `authority` that have no `forward` wrap for
/// `recipient`.
pub async fn forwarded_without_wrap(
    db: &Db,
    tenant: TenantId,
    authority: &str,
    recipient: &[u8],
) -> Result<Vec<Uuid>, DbError> {
    let mut conn = db.read().await?;
    let rows: Vec<(Uuid,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT c.case_id FROM complaints c
         WHERE c.tenant_id = $1 AND c.forward_key IS NOT NULL AND c.forwarded_to = $2
           AND NOT EXISTS (SELECT 1 FROM complaint_key_wraps w WHERE w.tenant_id = c.tenant_id
             AND w.case_id = c.case_id AND w.purpose = 'forward' AND w.recipient_key = $3)")
        .bind(tenant.as_uuid()).bind(authority).bind(recipient)
        .fetch_all(c).await)?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// All wraps of one purpose for a recipient key (for re-wrapping).
pub async fn wraps_of(
    db: &Db,
    tenant: TenantId,
    purpose: &str,
    recipient: &[u8],
) -> Result<Vec<(Uuid, Vec<u8>)>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT case_id, sealed_key FROM complaint_key_wraps
         WHERE tenant_id = $1 AND purpose = $2 AND recipient_key = $3")
        .bind(tenant.as_uuid()).bind(purpose).bind(recipient)
        .fetch_all(c).await)?)
}

/// The distinct receipt-hash parameters in use on a tenant.
pub async fn receipt_kdfs(db: &Db, tenant: TenantId) -> Result<Vec<String>, DbError> {
    let mut conn = db.read().await?;
    let rows: Vec<(String,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT DISTINCT receipt_kdf FROM complaints WHERE tenant_id = $1")
        .bind(tenant.as_uuid()).fetch_all(c).await)?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

pub async fn case_by_lookup(
    db: &Db,
    tenant: TenantId,
    lookup: &[u8],
) -> Result<Option<CaseRow>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {CASE_COLUMNS} FROM complaints WHERE tenant_id = $1 AND receipt_lookup = $2"))
        .bind(tenant.as_uuid()).bind(lookup).fetch_optional(c).await)?)
}

pub async fn case(db: &Db, tenant: TenantId, case_id: Uuid) -> Result<Option<CaseRow>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {CASE_COLUMNS} FROM complaints WHERE tenant_id = $1 AND case_id = $2"))
        .bind(tenant.as_uuid()).bind(case_id).fetch_optional(c).await)?)
}

/// Every case, open ones first, oldest first.
pub async fn inbox(db: &Db, tenant: TenantId) -> Result<Vec<CaseRow>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {CASE_COLUMNS} FROM complaints WHERE tenant_id = $1
         ORDER BY CASE WHEN status = 'closed' THEN 1 ELSE 0 END, received_at"))
        .bind(tenant.as_uuid()).fetch_all(c).await)?)
}

/// Cases forwarded to `authority`, newest first.
pub async fn forwarded(
    db: &Db,
    tenant: TenantId,
    authority: &str,
) -> Result<Vec<CaseRow>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {CASE_COLUMNS} FROM complaints
         WHERE tenant_id = $1 AND forwarded_at IS NOT NULL AND forwarded_to = $2
         ORDER BY forwarded_at DESC"))
        .bind(tenant.as_uuid()).bind(authority).fetch_all(c).await)?)
}

/// Changes the workflow fields of a case. `None` leaves a field alone.
#[derive(Default)]
pub struct CaseUpdate {
    pub status: Option<String>,
    pub outcome: Option<Option<String>>,
    pub category: Option<Option<String>>,
    pub assigned_to: Option<Option<Uuid>>,
    pub acknowledged_at: Option<Timestamp>,
    pub first_feedback_at: Option<Timestamp>,
    pub closed_at: Option<Option<Timestamp>>,
}

pub async fn update_case(
    tx: &mut Tx,
    tenant: TenantId,
    case_id: Uuid,
    u: &CaseUpdate,
) -> Result<bool, DbError> {
    let n = on_db!(tx, x => sqlx::query(
        "UPDATE complaints SET
           status = COALESCE($3, status),
           outcome = CASE WHEN $4 THEN $5 ELSE outcome END,
           category = CASE WHEN $6 THEN $7 ELSE category END,
           assigned_to = CASE WHEN $8 THEN $9 ELSE assigned_to END,
           acknowledged_at = COALESCE(acknowledged_at, $10),
           first_feedback_at = COALESCE(first_feedback_at, $11),
           closed_at = CASE WHEN $12 THEN $13 ELSE closed_at END
         WHERE tenant_id = $1 AND case_id = $2")
        .bind(tenant.as_uuid()).bind(case_id)
        .bind(u.status.clone())
        .bind(u.outcome.is_some()).bind(u.outcome.clone().flatten())
        .bind(u.category.is_some()).bind(u.category.clone().flatten())
        .bind(u.assigned_to.is_some()).bind(u.assigned_to.flatten())
        .bind(u.acknowledged_at).bind(u.first_feedback_at)
        .bind(u.closed_at.is_some()).bind(u.closed_at.flatten())
        .execute(x).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Keeps the statistical record in step with the case.
pub async fn update_stat(
    tx: &mut Tx,
    tenant: TenantId,
    stat_id: Uuid,
    category: Option<&str>,
    outcome: Option<&str>,
    closed_at: Option<Timestamp>,
) -> Result<(), DbError> {
    Ok(on_db!(tx, x => sqlx::query(
        "UPDATE complaint_stats SET category = $3, outcome = $4, closed_at = $5
         WHERE tenant_id = $1 AND stat_id = $2")
        .bind(tenant.as_uuid()).bind(stat_id).bind(category).bind(outcome).bind(closed_at)
        .execute(x).await.map(|_| ()))?)
}

pub async fn set_forwarding(
    tx: &mut Tx,
    tenant: TenantId,
    case_id: Uuid,
    forward_key: &[u8],
    summary: &[u8],
    to: &str,
    now: Timestamp,
) -> Result<(), DbError> {
    Ok(on_db!(tx, x => sqlx::query(
        "UPDATE complaints SET forward_key = COALESCE(forward_key, $3), summary = $4, forwarded_at = $5,
           forwarded_to = $6, status = 'forwarded'
         WHERE tenant_id = $1 AND case_id = $2")
        .bind(tenant.as_uuid()).bind(case_id).bind(forward_key).bind(summary).bind(now).bind(to)
        .execute(x).await.map(|_| ()))?)
}

/// A message as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MessageRow {
    pub message_id: Uuid,
    pub kind: String,
    pub author_user: Option<Uuid>,
    pub body: Vec<u8>,
    pub created_at: Timestamp,
}

#[allow(clippy::too_many_arguments)]
pub async fn insert_message(
    tx: &mut Tx,
    tenant: TenantId,
    case_id: Uuid,
    message_id: Uuid,
    kind: &str,
    author: Option<Uuid>,
    body: &[u8],
    now: Timestamp,
) -> Result<(), DbError> {
    Ok(on_db!(tx, x => sqlx::query(
        "INSERT INTO complaint_messages (tenant_id, message_id, case_id, kind, author_user, body, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .bind(tenant.as_uuid()).bind(message_id).bind(case_id).bind(kind).bind(author).bind(body).bind(now)
        .execute(x).await.map(|_| ()))?)
}

pub async fn messages(
    db: &Db,
    tenant: TenantId,
    case_id: Uuid,
) -> Result<Vec<MessageRow>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT message_id, kind, author_user, body, created_at FROM complaint_messages
         WHERE tenant_id = $1 AND case_id = $2 ORDER BY created_at, message_id")
        .bind(tenant.as_uuid()).bind(case_id).fetch_all(c).await)?)
}

/// An attachment as stored (the content lives in the data directory).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FileRow {
    pub file_id: Uuid,
    pub message_id: Option<Uuid>,
    pub meta: Vec<u8>,
    pub forward_meta: Option<Vec<u8>>,
    pub size: i64,
    pub created_at: Timestamp,
}

#[allow(clippy::too_many_arguments)]
pub async fn insert_file(
    tx: &mut Tx,
    tenant: TenantId,
    case_id: Uuid,
    file_id: Uuid,
    message_id: Option<Uuid>,
    meta: &[u8],
    size: i64,
    now: Timestamp,
) -> Result<(), DbError> {
    Ok(on_db!(tx, x => sqlx::query(
        "INSERT INTO complaint_files (tenant_id, file_id, case_id, message_id, meta, size, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .bind(tenant.as_uuid()).bind(file_id).bind(case_id).bind(message_id).bind(meta).bind(size).bind(now)
        .execute(x).await.map(|_| ()))?)
}

pub async fn set_file_forwarded(
    tx: &mut Tx,
    tenant: TenantId,
    case_id: Uuid,
    file_id: Uuid,
    forward_meta: &[u8],
) -> Result<(), DbError> {
    Ok(on_db!(tx, x => sqlx::query(
        "UPDATE complaint_files SET forward_meta = $4 WHERE tenant_id = $1 AND case_id = $2 AND file_id = $3")
        .bind(tenant.as_uuid()).bind(case_id).bind(file_id).bind(forward_meta)
        .execute(x).await.map(|_| ()))?)
}

pub async fn files(db: &Db, tenant: TenantId, case_id: Uuid) -> Result<Vec<FileRow>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT file_id, message_id, meta, forward_meta, size, created_at FROM complaint_files
         WHERE tenant_id = $1 AND case_id = $2 ORDER BY created_at, file_id")
        .bind(tenant.as_uuid()).bind(case_id).fetch_all(c).await)?)
}

/// A staff member's key pair (the secret wrapped under their password).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StaffKey {
    pub public_key: Vec<u8>,
    pub wrapped_secret: Vec<u8>,
    pub kdf_salt: Vec<u8>,
    pub kdf: String,
}

pub async fn staff_key(db: &Db, tenant: TenantId, user: Uuid) -> Result<Option<StaffKey>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT public_key, wrapped_secret, kdf_salt, kdf FROM complaint_staff_keys
         WHERE tenant_id = $1 AND user_id = $2")
        .bind(tenant.as_uuid()).bind(user).fetch_optional(c).await)?)
}

pub async fn put_staff_key(
    tx: &mut Tx,
    tenant: TenantId,
    user: Uuid,
    k: &StaffKey,
    now: Timestamp,
) -> Result<(), DbError> {
    Ok(on_db!(tx, x => sqlx::query(
        "INSERT INTO complaint_staff_keys (tenant_id, user_id, public_key, wrapped_secret, kdf_salt, kdf, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (tenant_id, user_id) DO UPDATE SET public_key = $3, wrapped_secret = $4,
           kdf_salt = $5, kdf = $6, created_at = $7")
        .bind(tenant.as_uuid()).bind(user).bind(&k.public_key).bind(&k.wrapped_secret)
        .bind(&k.kdf_salt).bind(&k.kdf).bind(now)
        .execute(x).await.map(|_| ()))?)
}

/// Public keys of the active accounts holding `role` on the tenant that
/// have a complaint key pair.
pub async fn recipient_keys(
    tx: &mut Tx,
    tenant: TenantId,
    role: &str,
) -> Result<Vec<Vec<u8>>, DbError> {
    let rows: Vec<(Vec<u8>,)> = on_db!(tx, x => sqlx::query_as(
        "SELECT k.public_key FROM complaint_staff_keys k
           JOIN role_grants g ON g.tenant_id = k.tenant_id AND g.user_id = k.user_id
           JOIN users u ON u.user_id = k.user_id
         WHERE k.tenant_id = $1 AND g.role = $2 AND u.active")
        .bind(tenant.as_uuid()).bind(role).fetch_all(x).await)?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// Public keys of the active liaison accounts bound to `authority`.
pub async fn liaison_keys(
    tx: &mut Tx,
    tenant: TenantId,
    authority: &str,
) -> Result<Vec<Vec<u8>>, DbError> {
    let rows: Vec<(Vec<u8>,)> = on_db!(tx, x => sqlx::query_as(
        "SELECT k.public_key FROM complaint_staff_keys k
           JOIN role_grants g ON g.tenant_id = k.tenant_id AND g.user_id = k.user_id
           JOIN complaint_liaisons l ON l.tenant_id = k.tenant_id AND l.user_id = k.user_id
           JOIN users u ON u.user_id = k.user_id
         WHERE k.tenant_id = $1 AND g.role = 'liaison' AND l.authority = $2 AND u.active")
        .bind(tenant.as_uuid()).bind(authority).fetch_all(x).await)?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// Logins of the active liaison accounts bound to `authority`.
pub async fn liaison_addresses(
    db: &Db,
    tenant: TenantId,
    authority: &str,
) -> Result<Vec<String>, DbError> {
    let mut conn = db.read().await?;
    let rows: Vec<(String,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT u.login FROM users u
           JOIN role_grants g ON g.user_id = u.user_id
           JOIN complaint_liaisons l ON l.tenant_id = g.tenant_id AND l.user_id = u.user_id
         WHERE g.tenant_id = $1 AND g.role = 'liaison' AND l.authority = $2 AND u.active
         ORDER BY u.login")
        .bind(tenant.as_uuid()).bind(authority).fetch_all(c).await)?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// The authority a liaison account is bound to, if any.
pub async fn liaison_authority(
    db: &Db,
    tenant: TenantId,
    user: Uuid,
) -> Result<Option<String>, DbError> {
    let mut conn = db.read().await?;
    let row: Option<(String,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT authority FROM complaint_liaisons WHERE tenant_id = $1 AND user_id = $2")
        .bind(tenant.as_uuid()).bind(user).fetch_optional(c).await)?;
    Ok(row.map(|r| r.0))
}

/// A liaison account and the authority it is bound to.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LiaisonRow {
    pub user_id: Uuid,
    pub display_name: String,
    pub login: String,
    pub authority: Option<String>,
}

/// Every active account holding the liaison role, with its binding.
pub async fn liaisons(db: &Db, tenant: TenantId) -> Result<Vec<LiaisonRow>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT u.user_id, u.display_name, u.login, l.authority FROM users u
           JOIN role_grants g ON g.user_id = u.user_id
           LEFT JOIN complaint_liaisons l ON l.tenant_id = g.tenant_id AND l.user_id = u.user_id
         WHERE g.tenant_id = $1 AND g.role = 'liaison' AND u.active
         ORDER BY u.display_name, u.login")
        .bind(tenant.as_uuid()).fetch_all(c).await)?)
}

/// Binds a liaison account to an authority (or unbinds it) and drops the
/// forwarding keys it held for cases of any other authority.
pub async fn bind_liaison(
    tx: &mut Tx,
    tenant: TenantId,
    user: Uuid,
    authority: Option<&str>,
    now: Timestamp,
) -> Result<(), DbError> {
    on_db!(tx, x => sqlx::query(
        "DELETE FROM complaint_liaisons WHERE tenant_id = $1 AND user_id = $2")
        .bind(tenant.as_uuid()).bind(user).execute(x).await.map(|_| ()))?;
    if let Some(a) = authority {
        on_db!(tx, x => sqlx::query(
            "INSERT INTO complaint_liaisons (tenant_id, user_id, authority, bound_at)
             VALUES ($1, $2, $3, $4)")
            .bind(tenant.as_uuid()).bind(user).bind(a).bind(now).execute(x).await.map(|_| ()))?;
    }
    on_db!(tx, x => sqlx::query(
        "DELETE FROM complaint_key_wraps
         WHERE tenant_id = $1 AND purpose = 'forward'
           AND recipient_key IN (SELECT public_key FROM complaint_staff_keys
                                  WHERE tenant_id = $1 AND user_id = $2)
           AND case_id IN (SELECT case_id FROM complaints WHERE tenant_id = $1
                            AND ($3 IS NULL OR forwarded_to IS NULL OR forwarded_to <> $3))")
        .bind(tenant.as_uuid()).bind(user).bind(authority).execute(x).await.map(|_| ()))?;
    Ok(())
}

/// Logins of the active accounts holding `role` on the tenant.
pub async fn role_addresses(db: &Db, tenant: TenantId, role: &str) -> Result<Vec<String>, DbError> {
    let mut conn = db.read().await?;
    let rows: Vec<(String,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT u.login FROM users u JOIN role_grants g ON g.user_id = u.user_id
         WHERE g.tenant_id = $1 AND g.role = $2 AND u.active ORDER BY u.login")
        .bind(tenant.as_uuid()).bind(role).fetch_all(c).await)?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// Display names of the active accounts holding `role` (for assignment).
pub async fn role_members(
    db: &Db,
    tenant: TenantId,
    role: &str,
) -> Result<Vec<(Uuid, String)>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT u.user_id, u.display_name FROM users u JOIN role_grants g ON g.user_id = u.user_id
         WHERE g.tenant_id = $1 AND g.role = $2 AND u.active ORDER BY u.display_name")
        .bind(tenant.as_uuid()).bind(role).fetch_all(c).await)?)
}

pub async fn recovery_key(tx: &mut Tx, tenant: TenantId) -> Result<Option<Vec<u8>>, DbError> {
    let row: Option<(Vec<u8>,)> = on_db!(tx, x => sqlx::query_as(
        "SELECT public_key FROM complaint_recovery_keys WHERE tenant_id = $1")
        .bind(tenant.as_uuid()).fetch_optional(x).await)?;
    Ok(row.map(|r| r.0))
}

pub async fn put_recovery_key(
    tx: &mut Tx,
    tenant: TenantId,
    public: &[u8],
    now: Timestamp,
) -> Result<bool, DbError> {
    let n = on_db!(tx, x => sqlx::query(
        "INSERT INTO complaint_recovery_keys (tenant_id, public_key, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id) DO NOTHING")
        .bind(tenant.as_uuid()).bind(public).bind(now)
        .execute(x).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// An unlocked key, wrapped under a key that only the browser holds.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Unlock {
    pub session_hash: Option<Vec<u8>>,
    pub user_id: Option<Uuid>,
    pub case_id: Option<Uuid>,
    pub wrapped_secret: Vec<u8>,
    pub expires_at: Timestamp,
}

#[allow(clippy::too_many_arguments)]
pub async fn insert_unlock(
    tx: &mut Tx,
    tenant: TenantId,
    token_hash: &[u8],
    session_hash: Option<&[u8]>,
    user_id: Option<Uuid>,
    case_id: Option<Uuid>,
    wrapped: &[u8],
    expires_at: Timestamp,
) -> Result<(), DbError> {
    Ok(on_db!(tx, x => sqlx::query(
        "INSERT INTO complaint_unlocks (tenant_id, token_hash, session_hash, user_id, case_id, wrapped_secret, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .bind(tenant.as_uuid()).bind(token_hash).bind(session_hash).bind(user_id).bind(case_id)
        .bind(wrapped).bind(expires_at)
        .execute(x).await.map(|_| ()))?)
}

pub async fn unlock(
    db: &Db,
    tenant: TenantId,
    token_hash: &[u8],
) -> Result<Option<Unlock>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT session_hash, user_id, case_id, wrapped_secret, expires_at FROM complaint_unlocks
         WHERE tenant_id = $1 AND token_hash = $2")
        .bind(tenant.as_uuid()).bind(token_hash).fetch_optional(c).await)?)
}

pub async fn delete_unlock(db: &Db, tenant: TenantId, token_hash: &[u8]) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    on_db!(tx, x => sqlx::query("DELETE FROM complaint_unlocks WHERE tenant_id = $1 AND token_hash = $2")
        .bind(tenant.as_uuid()).bind(token_hash).execute(x).await.map(|_| ()))?;
    tx.commit().await
}

pub async fn purge_unlocks(db: &Db, now: Timestamp) -> Result<u64, DbError> {
    let mut tx = db.begin().await?;
    let n = on_db!(tx, x => sqlx::query("DELETE FROM complaint_unlocks WHERE expires_at < $1")
        .bind(now).execute(x).await.map(|r| r.rows_affected()))?;
    tx.commit().await?;
    Ok(n)
}

/// Closed cases whose retention period ended: (tenant, case, stat).
pub async fn expired_cases(db: &Db, cutoff: Timestamp) -> Result<Vec<(Uuid, Uuid, Uuid)>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT tenant_id, case_id, stat_id FROM complaints WHERE status = 'closed' AND closed_at < $1")
        .bind(cutoff).fetch_all(c).await)?)
}

/// Deletes a case with its keys, messages, files' records and unlocks.
pub async fn delete_case(
    tx: &mut Tx,
    tenant: TenantId,
    case_id: Uuid,
    stat_id: Uuid,
    now: Timestamp,
) -> Result<(), DbError> {
    for table in [
        "complaint_key_wraps",
        "complaint_messages",
        "complaint_files",
        "complaint_unlocks",
    ] {
        on_db!(tx, x => sqlx::query(&format!("DELETE FROM {table} WHERE tenant_id = $1 AND case_id = $2"))
            .bind(tenant.as_uuid()).bind(case_id).execute(x).await.map(|_| ()))?;
    }
    on_db!(tx, x => sqlx::query("DELETE FROM complaints WHERE tenant_id = $1 AND case_id = $2")
        .bind(tenant.as_uuid()).bind(case_id).execute(x).await.map(|_| ()))?;
    Ok(
        on_db!(tx, x => sqlx::query("UPDATE complaint_stats SET deleted_at = $3 WHERE tenant_id = $1 AND stat_id = $2")
        .bind(tenant.as_uuid()).bind(stat_id).bind(now).execute(x).await.map(|_| ()))?,
    )
}

/// Open cases whose acknowledgement or first feedback is due within
/// `horizon` and that were not reminded yet: (tenant, case, reference, which).
pub async fn due_reminders(
    db: &Db,
    horizon: Timestamp,
) -> Result<Vec<(Uuid, Uuid, String, String)>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT tenant_id, case_id, reference, 'acknowledge' FROM complaints
           WHERE acknowledged_at IS NULL AND status <> 'closed' AND ack_reminded_at IS NULL AND ack_due_at <= $1
         UNION ALL
         SELECT tenant_id, case_id, reference, 'feedback' FROM complaints
           WHERE first_feedback_at IS NULL AND status <> 'closed' AND feedback_reminded_at IS NULL AND feedback_due_at <= $1")
        .bind(horizon).fetch_all(c).await)?)
}

pub async fn mark_reminded(
    tx: &mut Tx,
    tenant: TenantId,
    case_id: Uuid,
    which: &str,
    now: Timestamp,
) -> Result<(), DbError> {
    let column = if which == "acknowledge" {
        "ack_reminded_at"
    } else {
        "feedback_reminded_at"
    };
    Ok(
        on_db!(tx, x => sqlx::query(&format!("UPDATE complaints SET {column} = $3 WHERE tenant_id = $1 AND case_id = $2"))
        .bind(tenant.as_uuid()).bind(case_id).bind(now).execute(x).await.map(|_| ()))?,
    )
}

/// One statistical record.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StatRow {
    pub received_at: Timestamp,
    pub authority: String,
    pub category: Option<String>,
    pub outcome: Option<String>,
}

pub async fn stats_between(
    db: &Db,
    tenant: TenantId,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<StatRow>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT received_at, authority, category, outcome FROM complaint_stats
         WHERE tenant_id = $1 AND received_at >= $2 AND received_at < $3")
        .bind(tenant.as_uuid()).bind(from).bind(to).fetch_all(c).await)?)
}

/// Number of cases stored for a tenant (tests and the retention report).
pub async fn count_cases(db: &Db, tenant: TenantId) -> Result<i64, DbError> {
    let mut conn = db.read().await?;
    let (n,): (i64,) = on_db!(conn, c => sqlx::query_as(
        "SELECT COUNT(*) FROM complaints WHERE tenant_id = $1")
        .bind(tenant.as_uuid()).fetch_one(c).await)?;
    Ok(n)
}
