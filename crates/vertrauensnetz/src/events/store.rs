//! SQL for events and registrations.
//!
//! The capacity invariant lives here: a place is taken only by the
//! conditional `UPDATE events SET confirmed = confirmed + 1 … WHERE
//! confirmed < capacity` inside the writing transaction, never from a count
//! read before it. The update also locks the event's row, so every change to
//! one event's places (registration, cancellation, promotion) is serialised
//! on SQLite, on PostgreSQL and across instances.

use uuid::Uuid;

use super::model::{NewEvent, NewRegistration};
use crate::on_db;
use crate::platform::db::{Db, DbError, Timestamp, Tx};
use crate::platform::tenants::TenantId;

/// An event as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Event {
    pub event_id: Uuid,
    pub kind: String,
    pub title: String,
    pub description: String,
    pub starts_at: Timestamp,
    pub ends_at: Timestamp,
    pub time_zone: String,
    pub place_name: String,
    pub place_address: String,
    pub audience: String,
    pub status: String,
    pub registration: String,
    pub registration_opens_at: Option<Timestamp>,
    pub registration_closes_at: Option<Timestamp>,
    pub capacity: Option<i32>,
    pub waitlist: bool,
    pub confirmed: i32,
}

impl Event {
    /// Place name and address, as one line.
    pub fn place(&self) -> String {
        [self.place_name.as_str(), self.place_address.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

const EVENT_COLUMNS: &str = "event_id, kind, title, description, starts_at, ends_at, time_zone, place_name, place_address, audience, status, registration, registration_opens_at, registration_closes_at, capacity, waitlist, confirmed";

pub async fn create_event(
    tx: &mut Tx,
    tenant: TenantId,
    e: &NewEvent,
    time_zone: &str,
    by: Option<Uuid>,
    now: Timestamp,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    on_db!(tx, c => sqlx::query(
        "INSERT INTO events (tenant_id, event_id, kind, title, description, starts_at, ends_at, time_zone, place_name, place_address,
           audience, status, registration, registration_opens_at, registration_closes_at, capacity, waitlist, confirmed, waitlist_seq, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'published', $12, $13, $14, $15, $16, 0, 0, $17, $18)")
        .bind(tenant.as_uuid()).bind(id).bind(e.kind.as_str()).bind(&e.title).bind(&e.description)
        .bind(Timestamp::from(e.starts_at)).bind(Timestamp::from(e.ends_at)).bind(time_zone)
        .bind(&e.place_name).bind(&e.place_address).bind(e.audience.as_str()).bind(e.registration.as_str())
        .bind(e.registration_opens_at.map(Timestamp::from)).bind(e.registration_closes_at.map(Timestamp::from))
        .bind(e.capacity).bind(e.waitlist).bind(now).bind(by)
        .execute(c).await.map(|_| ()))?;
    Ok(id)
}

pub async fn event(db: &Db, tenant: TenantId, id: Uuid) -> Result<Option<Event>, DbError> {
    let mut conn = db.read().await?;
    Ok(
        on_db!(conn, c => sqlx::query_as(&format!("SELECT {EVENT_COLUMNS} FROM events WHERE tenant_id = $1 AND event_id = $2"))
        .bind(tenant.as_uuid()).bind(id).fetch_optional(c).await)?,
    )
}

/// What a registration attempt got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placed {
    Confirmed,
    /// On the waiting list at this position (1 = next to move up).
    Waitlisted(i64),
    /// Full and no waiting list.
    Full,
}

/// Registers inside `tx`: takes a place if one is free, else a waiting-list
/// number if the event has a list. Returns the registration id.
pub async fn register(
    tx: &mut Tx,
    tenant: TenantId,
    event_id: Uuid,
    waitlist: bool,
    r: &NewRegistration,
    cancel_token_hash: &[u8],
    now: Timestamp,
) -> Result<(Placed, Option<Uuid>), DbError> {
    let taken: Option<(i32,)> = on_db!(tx, c => sqlx::query_as(
        "UPDATE events SET confirmed = confirmed + 1
         WHERE tenant_id = $1 AND event_id = $2 AND (capacity IS NULL OR confirmed < capacity)
         RETURNING confirmed")
        .bind(tenant.as_uuid()).bind(event_id).fetch_optional(c).await)?;
    let (status, seq, placed) = if taken.is_some() {
        ("confirmed", None, Placed::Confirmed)
    } else if waitlist {
        let (seq,): (i64,) = on_db!(tx, c => sqlx::query_as(
            "UPDATE events SET waitlist_seq = waitlist_seq + 1 WHERE tenant_id = $1 AND event_id = $2 RETURNING waitlist_seq")
            .bind(tenant.as_uuid()).bind(event_id).fetch_one(c).await)?;
        let (ahead,): (i64,) = on_db!(tx, c => sqlx::query_as(
            "SELECT COUNT(*) FROM registrations WHERE tenant_id = $1 AND event_id = $2 AND status = 'waitlisted' AND waitlist_seq < $3")
            .bind(tenant.as_uuid()).bind(event_id).bind(seq).fetch_one(c).await)?;
        ("waitlisted", Some(seq), Placed::Waitlisted(ahead + 1))
    } else {
        return Ok((Placed::Full, None));
    };
    let id = Uuid::now_v7();
    let confirmed_at = (status == "confirmed").then_some(now);
    on_db!(tx, c => sqlx::query(
        "INSERT INTO registrations (tenant_id, registration_id, event_id, status, name, email, answers, cancel_token_hash, waitlist_seq, created_at, confirmed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
        .bind(tenant.as_uuid()).bind(id).bind(event_id).bind(status).bind(&r.name).bind(&r.email).bind(&r.answers)
        .bind(cancel_token_hash).bind(seq).bind(now).bind(confirmed_at)
        .execute(c).await.map(|_| ()))?;
    Ok((placed, Some(id)))
}

/// A registration as the organisers and the registrant see it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Registration {
    pub registration_id: Uuid,
    pub event_id: Uuid,
    pub status: String,
    pub name: String,
    pub email: String,
    pub waitlist_seq: Option<i64>,
}

/// The outcome of a cancellation.
#[derive(Debug, Clone)]
pub struct Cancelled {
    pub event_id: Uuid,
    /// The person who moved up from the waiting list, if any.
    pub promoted: Option<Registration>,
}

/// Cancels the registration with this token; a freed place goes to the
/// first person on the waiting list. `None` if no such active registration.
pub async fn cancel(
    tx: &mut Tx,
    tenant: TenantId,
    cancel_token_hash: &[u8],
    now: Timestamp,
) -> Result<Option<Cancelled>, DbError> {
    let found: Option<Registration> = on_db!(tx, c => sqlx::query_as(
        "SELECT registration_id, event_id, status, name, email, waitlist_seq FROM registrations
         WHERE tenant_id = $1 AND cancel_token_hash = $2 AND status <> 'cancelled'")
        .bind(tenant.as_uuid()).bind(cancel_token_hash).fetch_optional(c).await)?;
    let Some(reg) = found else { return Ok(None) };
    // Conditional on the status read: a concurrent cancellation of the same
    // registration changes nothing twice.
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE registrations SET status = 'cancelled', cancelled_at = $3 WHERE tenant_id = $1 AND registration_id = $2 AND status = $4")
        .bind(tenant.as_uuid()).bind(reg.registration_id).bind(now).bind(&reg.status)
        .execute(c).await.map(|r| r.rows_affected()))?;
    if n == 0 {
        return Ok(None);
    }
    if reg.status != "confirmed" {
        return Ok(Some(Cancelled {
            event_id: reg.event_id,
            promoted: None,
        }));
    }
    // Give the place back (this locks the event's row) …
    on_db!(tx, c => sqlx::query("UPDATE events SET confirmed = confirmed - 1 WHERE tenant_id = $1 AND event_id = $2")
        .bind(tenant.as_uuid()).bind(reg.event_id).execute(c).await.map(|_| ()))?;
    // … and hand it to the first person waiting, if any.
    let promoted = promote_next(tx, tenant, reg.event_id, now).await?;
    Ok(Some(Cancelled {
        event_id: reg.event_id,
        promoted,
    }))
}

async fn promote_next(
    tx: &mut Tx,
    tenant: TenantId,
    event_id: Uuid,
    now: Timestamp,
) -> Result<Option<Registration>, DbError> {
    // A waiting registration may be cancelled concurrently; then try the next.
    for _ in 0..16 {
        let next: Option<Registration> = on_db!(tx, c => sqlx::query_as(
            "SELECT registration_id, event_id, status, name, email, waitlist_seq FROM registrations
             WHERE tenant_id = $1 AND event_id = $2 AND status = 'waitlisted' ORDER BY waitlist_seq LIMIT 1")
            .bind(tenant.as_uuid()).bind(event_id).fetch_optional(c).await)?;
        let Some(next) = next else { return Ok(None) };
        let taken: Option<(i32,)> = on_db!(tx, c => sqlx::query_as(
            "UPDATE events SET confirmed = confirmed + 1
             WHERE tenant_id = $1 AND event_id = $2 AND (capacity IS NULL OR confirmed < capacity) RETURNING confirmed")
            .bind(tenant.as_uuid()).bind(event_id).fetch_optional(c).await)?;
        if taken.is_none() {
            return Ok(None);
        }
        let n = on_db!(tx, c => sqlx::query(
            "UPDATE registrations SET status = 'confirmed', confirmed_at = $3 WHERE tenant_id = $1 AND registration_id = $2 AND status = 'waitlisted'")
            .bind(tenant.as_uuid()).bind(next.registration_id).bind(now).execute(c).await.map(|r| r.rows_affected()))?;
        if n == 1 {
            return Ok(Some(Registration {
                status: "confirmed".to_owned(),
                ..next
            }));
        }
        on_db!(tx, c => sqlx::query("UPDATE events SET confirmed = confirmed - 1 WHERE tenant_id = $1 AND event_id = $2")
            .bind(tenant.as_uuid()).bind(event_id).execute(c).await.map(|_| ()))?;
    }
    Ok(None)
}

/// Every registration of an event, in order of arrival.
pub async fn registrations(
    db: &Db,
    tenant: TenantId,
    event_id: Uuid,
) -> Result<Vec<Registration>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT registration_id, event_id, status, name, email, waitlist_seq FROM registrations
         WHERE tenant_id = $1 AND event_id = $2 ORDER BY created_at, registration_id")
        .bind(tenant.as_uuid()).bind(event_id).fetch_all(c).await)?)
}

pub async fn event_tx(tx: &mut Tx, tenant: TenantId, id: Uuid) -> Result<Option<Event>, DbError> {
    Ok(
        on_db!(tx, c => sqlx::query_as(&format!("SELECT {EVENT_COLUMNS} FROM events WHERE tenant_id = $1 AND event_id = $2"))
        .bind(tenant.as_uuid()).bind(id).fetch_optional(c).await)?,
    )
}

/// The public events of a tenant (published or cancelled), by start.
pub async fn public_events(db: &Db, tenant: TenantId) -> Result<Vec<Event>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {EVENT_COLUMNS} FROM events WHERE tenant_id = $1 AND audience = 'public' AND status IN ('published', 'cancelled')
         ORDER BY starts_at LIMIT 2000"))
        .bind(tenant.as_uuid()).fetch_all(c).await)?)
}

/// An active or cancelled registration by its private token, with its
/// current waiting-list position.
pub async fn registration_by_token(
    db: &Db,
    tenant: TenantId,
    token_hash: &[u8],
) -> Result<Option<(Registration, Option<i64>)>, DbError> {
    let mut conn = db.read().await?;
    let reg: Option<Registration> = on_db!(conn, c => sqlx::query_as(
        "SELECT registration_id, event_id, status, name, email, waitlist_seq FROM registrations
         WHERE tenant_id = $1 AND cancel_token_hash = $2")
        .bind(tenant.as_uuid()).bind(token_hash).fetch_optional(c).await)?;
    let Some(reg) = reg else { return Ok(None) };
    let position = match (reg.status.as_str(), reg.waitlist_seq) {
        ("waitlisted", Some(seq)) => {
            let (ahead,): (i64,) = on_db!(conn, c => sqlx::query_as(
                "SELECT COUNT(*) FROM registrations WHERE tenant_id = $1 AND event_id = $2 AND status = 'waitlisted' AND waitlist_seq < $3")
                .bind(tenant.as_uuid()).bind(reg.event_id).bind(seq).fetch_one(c).await)?;
            Some(ahead + 1)
        }
        _ => None,
    };
    Ok(Some((reg, position)))
}

/// An event with its counts, for organisers.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EventSummary {
    pub event_id: Uuid,
    pub title: String,
    pub starts_at: Timestamp,
    pub time_zone: String,
    pub audience: String,
    pub status: String,
    pub capacity: Option<i32>,
    pub confirmed: i32,
    pub waiting: i64,
}

/// Every event of a tenant with its counts, newest first.
pub async fn all_events(db: &Db, tenant: TenantId) -> Result<Vec<EventSummary>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT e.event_id, e.title, e.starts_at, e.time_zone, e.audience, e.status, e.capacity, e.confirmed,
                (SELECT COUNT(*) FROM registrations r WHERE r.tenant_id = e.tenant_id AND r.event_id = e.event_id AND r.status = 'waitlisted') AS waiting
         FROM events e WHERE e.tenant_id = $1 ORDER BY e.starts_at DESC LIMIT 500")
        .bind(tenant.as_uuid()).fetch_all(c).await)?)
}

/// A registration as organisers see it (with the answers and check-in).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Attendee {
    pub registration_id: Uuid,
    pub status: String,
    pub name: String,
    pub email: String,
    pub answers: String,
    pub waitlist_seq: Option<i64>,
    pub created_at: Timestamp,
    pub checked_in_at: Option<Timestamp>,
}

pub async fn attendees(
    db: &Db,
    tenant: TenantId,
    event_id: Uuid,
) -> Result<Vec<Attendee>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT registration_id, status, name, email, answers, waitlist_seq, created_at, checked_in_at FROM registrations
         WHERE tenant_id = $1 AND event_id = $2 ORDER BY status, waitlist_seq, created_at")
        .bind(tenant.as_uuid()).bind(event_id).fetch_all(c).await)?)
}

/// Checks a confirmed attendee in (or out again). Returns false if there is
/// no confirmed registration with this id for the event.
pub async fn set_checked_in(
    tx: &mut Tx,
    tenant: TenantId,
    event_id: Uuid,
    registration_id: Uuid,
    at: Option<Timestamp>,
) -> Result<bool, DbError> {
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE registrations SET checked_in_at = $4 WHERE tenant_id = $1 AND event_id = $2 AND registration_id = $3 AND status = 'confirmed'")
        .bind(tenant.as_uuid()).bind(event_id).bind(registration_id).bind(at).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}
