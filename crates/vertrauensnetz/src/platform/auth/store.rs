//! SQL for accounts, role grants, sessions and API tokens.

use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::{Credential, Principal, Role};
use crate::on_db;
use crate::platform::db::{Db, DbError, Timestamp, Tx};
use crate::platform::tenants::TenantId;

/// A random secret (32 bytes, base64url) and its SHA-256, which is all the
/// database keeps.
pub fn new_secret() -> (String, [u8; 32]) {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    use base64::Engine;
    let text = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    let hash = secret_hash(&text);
    (text, hash)
}

pub fn secret_hash(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

/// An account as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserRow {
    pub tenant_id: Uuid,
    pub user_id: Uuid,
    pub login: String,
    pub display_name: String,
    pub password_hash: String,
    pub totp_secret: Option<String>,
    pub totp_enabled_at: Option<Timestamp>,
    pub totp_last_step: Option<i64>,
    pub active: bool,
}

const USER_COLUMNS: &str = "tenant_id, user_id, login, display_name, password_hash, totp_secret, totp_enabled_at, totp_last_step, active";

/// Normalises a login (an e-mail address) for storage and lookup.
pub fn normalise_login(login: &str) -> String {
    login.trim().to_lowercase()
}

pub async fn user_by_login(db: &Db, login: &str) -> Result<Option<UserRow>, DbError> {
    let mut conn = db.read().await?;
    Ok(
        on_db!(conn, c => sqlx::query_as(&format!("SELECT {USER_COLUMNS} FROM users WHERE login = $1"))
        .bind(normalise_login(login)).fetch_optional(c).await)?,
    )
}

pub async fn user_by_login_tx(tx: &mut Tx, login: &str) -> Result<Option<UserRow>, DbError> {
    Ok(
        on_db!(tx, c => sqlx::query_as(&format!("SELECT {USER_COLUMNS} FROM users WHERE login = $1"))
        .bind(normalise_login(login)).fetch_optional(c).await)?,
    )
}

pub async fn user_by_id(db: &Db, user_id: Uuid) -> Result<Option<UserRow>, DbError> {
    let mut conn = db.read().await?;
    Ok(
        on_db!(conn, c => sqlx::query_as(&format!("SELECT {USER_COLUMNS} FROM users WHERE user_id = $1"))
        .bind(user_id).fetch_optional(c).await)?,
    )
}

/// Creates an account with a password hash and one role on its tenant.
pub async fn create_user(
    tx: &mut Tx,
    tenant: TenantId,
    login: &str,
    display_name: &str,
    password_hash: &str,
    role: Role,
    now: Timestamp,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    on_db!(tx, c => sqlx::query(
        "INSERT INTO users (tenant_id, user_id, login, display_name, password_hash, active, created_at, password_changed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)")
        .bind(tenant.as_uuid()).bind(id).bind(normalise_login(login)).bind(display_name)
        .bind(password_hash).bind(true).bind(now).execute(c).await.map(|_| ()))?;
    grant_role(tx, tenant, id, role, now).await?;
    Ok(id)
}

pub async fn grant_role(
    tx: &mut Tx,
    tenant: TenantId,
    user_id: Uuid,
    role: Role,
    now: Timestamp,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO role_grants (tenant_id, user_id, role, granted_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, user_id, role) DO NOTHING")
        .bind(tenant.as_uuid()).bind(user_id).bind(role.as_str()).bind(now).execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn revoke_role(
    tx: &mut Tx,
    tenant: TenantId,
    user_id: Uuid,
    role: Role,
) -> Result<bool, DbError> {
    let n = on_db!(tx, c => sqlx::query("DELETE FROM role_grants WHERE tenant_id = $1 AND user_id = $2 AND role = $3")
        .bind(tenant.as_uuid()).bind(user_id).bind(role.as_str()).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

pub async fn set_password(
    tx: &mut Tx,
    user_id: Uuid,
    password_hash: &str,
    now: Timestamp,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query("UPDATE users SET password_hash = $2, password_changed_at = $3 WHERE user_id = $1")
        .bind(user_id).bind(password_hash).bind(now).execute(c).await.map(|_| ()))?;
    // A changed password ends every session (the caller may open a new one).
    on_db!(tx, c => sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Revokes every API token of an account (after an administrator reset or
/// deactivation, when the account may be compromised).
pub async fn revoke_tokens(tx: &mut Tx, user_id: Uuid, now: Timestamp) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query("UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, $2) WHERE user_id = $1")
        .bind(user_id).bind(now).execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Activates or deactivates an account; deactivation ends its sessions and
/// revokes its tokens. Returns whether the account exists.
pub async fn set_active(
    tx: &mut Tx,
    user_id: Uuid,
    active: bool,
    now: Timestamp,
) -> Result<bool, DbError> {
    let n = on_db!(tx, c => sqlx::query("UPDATE users SET active = $2 WHERE user_id = $1")
        .bind(user_id).bind(active).execute(c).await.map(|r| r.rows_affected()))?;
    if !active {
        on_db!(tx, c => sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(c).await.map(|_| ()))?;
        revoke_tokens(tx, user_id, now).await?;
    }
    Ok(n > 0)
}

/// Stores a TOTP secret (not yet enabled).
pub async fn set_totp_secret(
    tx: &mut Tx,
    user_id: Uuid,
    secret: Option<&str>,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query("UPDATE users SET totp_secret = $2, totp_enabled_at = NULL, totp_last_step = NULL WHERE user_id = $1")
        .bind(user_id).bind(secret).execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn enable_totp(
    tx: &mut Tx,
    user_id: Uuid,
    now: Timestamp,
    step: i64,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query("UPDATE users SET totp_enabled_at = $2, totp_last_step = $3 WHERE user_id = $1")
        .bind(user_id).bind(now).bind(step).execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Records the time step of an accepted code; refuses (returns false) a step
/// that is not newer than the last one, so a code works only once.
pub async fn use_totp_step(tx: &mut Tx, user_id: Uuid, step: i64) -> Result<bool, DbError> {
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE users SET totp_last_step = $2 WHERE user_id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)")
        .bind(user_id).bind(step).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

async fn grants_of(
    conn: &mut crate::platform::db::Conn,
    user_id: Uuid,
) -> Result<Vec<(TenantId, Role)>, DbError> {
    let rows: Vec<(Uuid, String)> = on_db!(conn, c => sqlx::query_as(
        "SELECT tenant_id, role FROM role_grants WHERE user_id = $1 ORDER BY tenant_id, role")
        .bind(user_id).fetch_all(c).await)?;
    Ok(rows
        .into_iter()
        .filter_map(|(t, r)| Some((TenantId::from_db(t), Role::parse(&r)?)))
        .collect())
}

/// Grants of a user (for pages that list them).
pub async fn grants(db: &Db, user_id: Uuid) -> Result<Vec<(TenantId, Role)>, DbError> {
    let mut conn = db.read().await?;
    grants_of(&mut conn, user_id).await
}

fn principal(user: UserRow, grants: Vec<(TenantId, Role)>, credential: Credential) -> Principal {
    Principal {
        user_id: user.user_id,
        login: user.login,
        display_name: user.display_name,
        home_tenant: TenantId::from_db(user.tenant_id),
        grants,
        credential,
        totp_enabled: user.totp_enabled_at.is_some(),
    }
}

/// How long a session lives without use, and at most.
pub const SESSION_IDLE: chrono::Duration = chrono::Duration::hours(2);
pub const SESSION_MAX: chrono::Duration = chrono::Duration::hours(12);

/// Creates a session; returns the cookie value.
pub async fn create_session(
    tx: &mut Tx,
    tenant: TenantId,
    user_id: Uuid,
    mfa_ok: bool,
    now: Timestamp,
) -> Result<String, DbError> {
    let (secret, hash) = new_secret();
    on_db!(tx, c => sqlx::query(
        "INSERT INTO sessions (tenant_id, session_hash, user_id, mfa_ok, created_at, last_seen_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $5, $6)")
        .bind(tenant.as_uuid()).bind(&hash[..]).bind(user_id).bind(mfa_ok).bind(now)
        .bind(Timestamp::truncated(now.0 + SESSION_MAX)).execute(c).await.map(|_| ()))?;
    Ok(secret)
}

pub async fn complete_session_mfa(tx: &mut Tx, hash: &[u8; 32]) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query("UPDATE sessions SET mfa_ok = $2 WHERE session_hash = $1")
        .bind(&hash[..]).bind(true).execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn delete_session(tx: &mut Tx, hash: &[u8; 32]) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query("DELETE FROM sessions WHERE session_hash = $1")
        .bind(&hash[..]).execute(c).await.map(|_| ()))?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    user_id: Uuid,
    mfa_ok: bool,
    last_seen_at: Timestamp,
    expires_at: Timestamp,
}

/// The principal of a session cookie, if the session is valid. Also tells
/// whether `last_seen_at` is older than a minute (the caller then touches it).
pub async fn principal_for_session(
    db: &Db,
    cookie: &str,
    now: Timestamp,
) -> Result<Option<(Principal, bool)>, DbError> {
    let hash = secret_hash(cookie);
    let mut conn = db.read().await?;
    let row: Option<SessionRow> = on_db!(conn, c => sqlx::query_as(
        "SELECT user_id, mfa_ok, last_seen_at, expires_at FROM sessions WHERE session_hash = $1")
        .bind(&hash[..]).fetch_optional(c).await)?;
    let Some(s) = row else { return Ok(None) };
    if s.expires_at <= now || s.last_seen_at.0 + SESSION_IDLE <= now.0 {
        return Ok(None);
    }
    let user: Option<UserRow> = on_db!(conn, c => sqlx::query_as(&format!("SELECT {USER_COLUMNS} FROM users WHERE user_id = $1"))
        .bind(s.user_id).fetch_optional(c).await)?;
    let Some(user) = user.filter(|u| u.active) else {
        return Ok(None);
    };
    let grants = grants_of(&mut conn, user.user_id).await?;
    let stale = s.last_seen_at.0 + chrono::Duration::minutes(1) <= now.0;
    Ok(Some((
        principal(
            user,
            grants,
            Credential::Session {
                hash,
                mfa_ok: s.mfa_ok,
            },
        ),
        stale,
    )))
}

pub async fn touch_session(db: &Db, hash: &[u8; 32], now: Timestamp) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    on_db!(tx, c => sqlx::query("UPDATE sessions SET last_seen_at = $2 WHERE session_hash = $1")
        .bind(&hash[..]).bind(now).execute(c).await.map(|_| ()))?;
    tx.commit().await
}

/// Deletes expired sessions; returns how many.
pub async fn purge_sessions(db: &Db, now: Timestamp) -> Result<u64, DbError> {
    let mut tx = db.begin().await?;
    let idle_cutoff = Timestamp::truncated(now.0 - SESSION_IDLE);
    let n = on_db!(tx, c => sqlx::query("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2")
        .bind(now).bind(idle_cutoff).execute(c).await.map(|r| r.rows_affected()))?;
    tx.commit().await?;
    Ok(n)
}

/// API token prefix, so a leaked token is recognisable in logs and scanners.
pub const TOKEN_PREFIX: &str = "vnt_";

/// Creates an API token for a user; returns its text (shown once).
pub async fn create_token(
    tx: &mut Tx,
    tenant: TenantId,
    user_id: Uuid,
    name: &str,
    now: Timestamp,
) -> Result<(Uuid, String), DbError> {
    let (secret, _) = new_secret();
    let text = format!("{TOKEN_PREFIX}{secret}");
    let hash = secret_hash(&text);
    let id = Uuid::now_v7();
    on_db!(tx, c => sqlx::query(
        "INSERT INTO api_tokens (tenant_id, token_id, token_hash, user_id, name, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(tenant.as_uuid()).bind(id).bind(&hash[..]).bind(user_id).bind(name).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok((id, text))
}

/// The principal of a bearer token, if it is valid.
pub async fn principal_for_token(db: &Db, token: &str) -> Result<Option<Principal>, DbError> {
    if !token.starts_with(TOKEN_PREFIX) || token.len() > 100 {
        return Ok(None);
    }
    let hash = secret_hash(token);
    let mut conn = db.read().await?;
    // Token and account in one statement (every API request passes here).
    let user: Option<UserRow> = on_db!(conn, c => sqlx::query_as(
        "SELECT u.tenant_id, u.user_id, u.login, u.display_name, u.password_hash, u.totp_secret,
                u.totp_enabled_at, u.totp_last_step, u.active
         FROM api_tokens t JOIN users u ON u.user_id = t.user_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL")
        .bind(&hash[..]).fetch_optional(c).await)?;
    let Some(user) = user.filter(|u| u.active) else {
        return Ok(None);
    };
    let grants = grants_of(&mut conn, user.user_id).await?;
    Ok(Some(principal(user, grants, Credential::Token)))
}

/// A user as listed for administrators.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ListedUser {
    pub user_id: Uuid,
    pub login: String,
    pub display_name: String,
    pub active: bool,
    pub totp_enabled_at: Option<Timestamp>,
}

/// Users holding any role on `tenant`, with their roles there.
pub async fn users_of_tenant(
    db: &Db,
    tenant: TenantId,
) -> Result<Vec<(ListedUser, Vec<Role>)>, DbError> {
    let mut conn = db.read().await?;
    let users: Vec<ListedUser> = on_db!(conn, c => sqlx::query_as(
        "SELECT DISTINCT u.user_id, u.login, u.display_name, u.active, u.totp_enabled_at
         FROM role_grants g JOIN users u ON u.user_id = g.user_id
         WHERE g.tenant_id = $1 ORDER BY u.display_name, u.login")
        .bind(tenant.as_uuid()).fetch_all(c).await)?;
    let roles: Vec<(Uuid, String)> = on_db!(conn, c => sqlx::query_as(
        "SELECT user_id, role FROM role_grants WHERE tenant_id = $1")
        .bind(tenant.as_uuid()).fetch_all(c).await)?;
    Ok(users
        .into_iter()
        .map(|u| {
            let mut r: Vec<Role> = roles
                .iter()
                .filter(|(id, _)| *id == u.user_id)
                .filter_map(|(_, r)| Role::parse(r))
                .collect();
            r.sort();
            (u, r)
        })
        .collect())
}
