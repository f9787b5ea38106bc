//! Outgoing mail: modules put messages into the outbox inside their own
//! transaction (so a mail exists only if the write it belongs to committed),
//! and a background sender delivers them over SMTP with retries, or writes
//! them as `.eml` files (demo mode) for a person to read.
//!
//! Any number of instances may run the sender: a message is claimed with a
//! lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL) before it is sent.

use std::path::PathBuf;

use chrono::Duration;
use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use lettre::message::Mailbox;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use uuid::Uuid;

use super::clock::Clock;
use super::config::MailConfig;
use super::db::{Backend, Db, DbError, Timestamp, Tx};
use super::tenants::TenantId;
use crate::on_db;

/// A message to send.
#[derive(Debug, Clone)]
pub struct OutgoingMail {
    pub to: String,
    pub subject: String,
    pub body_text: String,
}

/// Puts a message into the outbox inside `tx`.
pub async fn enqueue(
    tx: &mut Tx,
    tenant: TenantId,
    mail: &OutgoingMail,
    now: Timestamp,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    on_db!(tx, c => sqlx::query(
        "INSERT INTO mail_outbox (tenant_id, mail_id, to_address, subject, body_text, created_at, next_attempt_at, attempts)
         VALUES ($1, $2, $3, $4, $5, $6, $6, 0)")
        .bind(tenant.as_uuid()).bind(id).bind(&mail.to).bind(&mail.subject).bind(&mail.body_text).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok(id)
}

/// Puts a message to a subscriber into the outbox inside `tx`, with the
/// `List-Unsubscribe` (`<unsubscribe_url>`) and `List-Unsubscribe-Post:
/// List-Unsubscribe=One-Click` headers of RFC 8058: the URL must take a
/// POST without cookies or form token.
pub async fn enqueue_unsubscribable(
    tx: &mut Tx,
    tenant: TenantId,
    mail: &OutgoingMail,
    unsubscribe_url: &str,
    now: Timestamp,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    on_db!(tx, c => sqlx::query(
        "INSERT INTO mail_outbox (tenant_id, mail_id, to_address, subject, body_text, created_at, next_attempt_at, attempts, list_unsubscribe)
         VALUES ($1, $2, $3, $4, $5, $6, $6, 0, $7)")
        .bind(tenant.as_uuid()).bind(id).bind(&mail.to).bind(&mail.subject).bind(&mail.body_text).bind(now)
        .bind(unsubscribe_url)
        .execute(c).await.map(|_| ()))?;
    Ok(id)
}

/// Puts several messages into the outbox inside `tx`, with one multi-row
/// insert per 500 messages (for batched writers).
pub async fn enqueue_many(
    tx: &mut Tx,
    mails: &[(TenantId, OutgoingMail)],
    now: Timestamp,
) -> Result<(), DbError> {
    for chunk in mails.chunks(500) {
        on_db!(tx, c => {
            let mut q = sqlx::QueryBuilder::new(
                "INSERT INTO mail_outbox (tenant_id, mail_id, to_address, subject, body_text, created_at, next_attempt_at, attempts) ");
            q.push_values(chunk, |mut b, (tenant, mail)| {
                b.push_bind(tenant.as_uuid())
                    .push_bind(Uuid::now_v7())
                    .push_bind(mail.to.as_str())
                    .push_bind(mail.subject.as_str())
                    .push_bind(mail.body_text.as_str())
                    .push_bind(now)
                    .push_bind(now)
                    .push_bind(0i32);
            });
            q.build().execute(c).await.map(|_| ())
        })?;
    }
    Ok(())
}

/// Whether a text is a plausible single e-mail address (as lettre parses it).
pub fn valid_address(s: &str) -> bool {
    s.len() <= 254 && s.parse::<lettre::Address>().is_ok()
}

/// How a message leaves the platform.
#[derive(Clone)]
pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>),
    /// No transport configured: messages wait in the outbox.
    None,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("invalid SMTP URL: {0}")]
    SmtpUrl(String),
    #[error("cannot create the mail folder {0}: {1}")]
    Folder(PathBuf, std::io::Error),
}

impl Transport {
    pub fn from_config(cfg: &MailConfig) -> Result<Transport, MailError> {
        if let Some(url) = &cfg.smtp_url {
            let t = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                .map_err(|e| MailError::SmtpUrl(e.to_string()))?
                .build();
            return Ok(Transport::Smtp(t));
        }
        if let Some(dir) = &cfg.dir {
            std::fs::create_dir_all(dir).map_err(|e| MailError::Folder(dir.clone(), e))?;
            return Ok(Transport::Files(AsyncFileTransport::new(dir)));
        }
        Ok(Transport::None)
    }

    async fn send(&self, msg: Message) -> Result<(), String> {
        match self {
            Transport::Smtp(t) => t.send(msg).await.map(|_| ()).map_err(|e| e.to_string()),
            Transport::Files(t) => t.send(msg).await.map(|_| ()).map_err(|e| e.to_string()),
            Transport::None => Err("no mail transport configured".to_owned()),
        }
    }

    pub fn is_configured(&self) -> bool {
        !matches!(self, Transport::None)
    }
}

#[derive(sqlx::FromRow)]
struct Claimed {
    mail_id: Uuid,
    to_address: String,
    subject: String,
    body_text: String,
    attempts: i32,
    list_unsubscribe: Option<String>,
}

/// `List-Unsubscribe: <url>` (RFC 2369).
#[derive(Clone)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(
            s.trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_owned(),
        ))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), format!("<{}>", self.0))
    }
}

/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058).
#[derive(Clone)]
struct ListUnsubscribePost;

impl Header for ListUnsubscribePost {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribePost)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".to_owned())
    }
}

/// The most attempts before a message is given up (marked failed).
const MAX_ATTEMPTS: i32 = 8;
const BATCH: i64 = 20;
const LEASE: Duration = Duration::minutes(2);

fn backoff(attempts: i32) -> Duration {
    // 1, 2, 4, … minutes, at most 4 hours.
    Duration::minutes(1i64 << attempts.clamp(0, 8)).min(Duration::hours(4))
}

async fn claim(db: &Db, now: Timestamp) -> Result<Vec<Claimed>, DbError> {
    let lease = Timestamp::truncated(now.0 + LEASE);
    let mut tx = db.begin().await?;
    let rows: Vec<Claimed> = match tx.backend() {
        // PostgreSQL: skip rows another instance is claiming right now.
        Backend::Postgres(c) => {
            sqlx::query_as(
                "UPDATE mail_outbox SET claimed_until = $2, attempts = attempts + 1
             WHERE mail_id IN (SELECT mail_id FROM mail_outbox
                 WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1
                   AND (claimed_until IS NULL OR claimed_until <= $1)
                 ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
             RETURNING mail_id, to_address, subject, body_text, attempts, list_unsubscribe",
            )
            .bind(now)
            .bind(lease)
            .bind(BATCH)
            .fetch_all(c)
            .await?
        }
        // SQLite: the write transaction already excludes every other writer.
        Backend::Sqlite(c) => {
            sqlx::query_as(
                "UPDATE mail_outbox SET claimed_until = $2, attempts = attempts + 1
             WHERE mail_id IN (SELECT mail_id FROM mail_outbox
                 WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1
                   AND (claimed_until IS NULL OR claimed_until <= $1)
                 ORDER BY next_attempt_at LIMIT $3)
             RETURNING mail_id, to_address, subject, body_text, attempts, list_unsubscribe",
            )
            .bind(now)
            .bind(lease)
            .bind(BATCH)
            .fetch_all(c)
            .await?
        }
    };
    tx.commit().await?;
    Ok(rows)
}

fn build(from: &Mailbox, m: &Claimed) -> Result<Message, String> {
    let to: Mailbox = m
        .to_address
        .parse()
        .map_err(|e: lettre::address::AddressError| e.to_string())?;
    let mut b = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(&m.subject)
        .header(ContentType::TEXT_PLAIN);
    if let Some(url) = &m.list_unsubscribe {
        b = b
            .header(ListUnsubscribe(url.clone()))
            .header(ListUnsubscribePost);
    }
    b.body(m.body_text.clone()).map_err(|e| e.to_string())
}

/// Sends what is due; returns (sent, failed attempts).
pub async fn send_due(
    db: &Db,
    transport: &Transport,
    from: &Mailbox,
    clock: &Clock,
) -> Result<(usize, usize), DbError> {
    if !transport.is_configured() {
        return Ok((0, 0));
    }
    let now = clock.now_ts();
    let batch = claim(db, now).await?;
    let (mut sent, mut failed) = (0, 0);
    for m in batch {
        let result = match build(from, &m) {
            Ok(msg) => transport.send(msg).await,
            Err(e) => Err(e),
        };
        let done = clock.now_ts();
        let mut tx = db.begin().await?;
        match result {
            Ok(()) => {
                sent += 1;
                on_db!(tx, c => sqlx::query("UPDATE mail_outbox SET sent_at = $2, claimed_until = NULL, last_error = NULL WHERE mail_id = $1")
                    .bind(m.mail_id).bind(done).execute(c).await.map(|_| ()))?;
            }
            Err(error) => {
                failed += 1;
                tracing::warn!(mail_id = %m.mail_id, attempts = m.attempts, %error, "mail delivery failed");
                let give_up = m.attempts >= MAX_ATTEMPTS;
                let next = Timestamp::truncated(done.0 + backoff(m.attempts));
                on_db!(tx, c => sqlx::query(
                    "UPDATE mail_outbox SET claimed_until = NULL, last_error = $2, next_attempt_at = $3,
                       failed_at = CASE WHEN $4 THEN $5 ELSE NULL END WHERE mail_id = $1")
                    .bind(m.mail_id).bind(&error).bind(next).bind(give_up).bind(done).execute(c).await.map(|_| ()))?;
            }
        }
        tx.commit().await?;
    }
    Ok((sent, failed))
}

/// How long delivered messages (which hold personal data) are kept.
pub const KEEP_SENT: Duration = Duration::days(30);

/// Deletes delivered or given-up messages older than [`KEEP_SENT`].
pub async fn purge(db: &Db, now: Timestamp) -> Result<u64, DbError> {
    let cutoff = Timestamp::truncated(now.0 - KEEP_SENT);
    let mut tx = db.begin().await?;
    let n = on_db!(tx, c => sqlx::query("DELETE FROM mail_outbox WHERE (sent_at IS NOT NULL AND sent_at < $1) OR (failed_at IS NOT NULL AND failed_at < $1)")
        .bind(cutoff).execute(c).await.map(|r| r.rows_affected()))?;
    tx.commit().await?;
    Ok(n)
}

/// Delivery state of the outbox of a tenant, for administrators.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutboxEntry {
    pub mail_id: Uuid,
    pub subject: String,
    pub created_at: Timestamp,
    pub attempts: i32,
    pub sent_at: Option<Timestamp>,
    pub failed_at: Option<Timestamp>,
    pub last_error: Option<String>,
}

pub async fn outbox(db: &Db, tenant: TenantId, limit: i64) -> Result<Vec<OutboxEntry>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT mail_id, subject, created_at, attempts, sent_at, failed_at, last_error FROM mail_outbox
         WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT $2")
        .bind(tenant.as_uuid()).bind(limit).fetch_all(c).await)?)
}
