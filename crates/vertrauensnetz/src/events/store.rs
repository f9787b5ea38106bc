//! SQL for events and registrations.
//!
//! The capacity invariant lives here: a place is taken only by the
//! conditional `UPDATE events SET confirmed = confirmed + 1 … WHERE
//! confirmed < capacity` inside the writing transaction, never from a count
//! read before it. The update also locks the event's row, so every change to
//! one event's places (registration, cancellation, promotion) is serialised
//! on SQLite, on PostgreSQL and across instances.

use uuid::Uuid;

use super::model::{EventStatus, NewEvent, NewRegistration, Questions};
use crate::on_db;
use crate::platform::auth::store::new_secret;
use crate::platform::db::{Backend, Db, DbError, Timestamp, Tx};
use crate::platform::tenants::TenantId;
use crate::platform::topics::Topic;

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
    pub cancel_reason: Option<String>,
    pub step_free: Option<bool>,
    pub hearing_loop: Option<bool>,
    /// Interpreter languages offered, separated by spaces.
    pub interpreters: String,
    pub accessibility_note: String,
    /// The registration questions (JSON written by `Questions::to_stored`).
    pub questions: String,
    pub cancellation_closes_at: Option<Timestamp>,
    pub offer_hours: i32,
}

impl Event {
    pub fn questions(&self) -> Questions {
        Questions::from_stored(&self.questions)
    }

    pub fn interpreter_list(&self) -> Vec<&str> {
        self.interpreters.split_whitespace().collect()
    }

    pub fn is_public(&self) -> bool {
        self.audience == "public" && EventStatus::is_public(&self.status)
    }

    /// Place name and address, as one line.
    pub fn place(&self) -> String {
        [self.place_name.as_str(), self.place_address.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

const EVENT_COLUMNS: &str = "event_id, kind, title, description, starts_at, ends_at, time_zone, place_name, place_address, audience, status, registration, registration_opens_at, registration_closes_at, capacity, waitlist, confirmed,
     cancel_reason, step_free, hearing_loop, interpreters, accessibility_note, questions, cancellation_closes_at, offer_hours";
const EVENT_COLUMNS_E: &str = "e.event_id, e.kind, e.title, e.description, e.starts_at, e.ends_at, e.time_zone, e.place_name, e.place_address, e.audience, e.status, e.registration, e.registration_opens_at, e.registration_closes_at, e.capacity, e.waitlist, e.confirmed,
     e.cancel_reason, e.step_free, e.hearing_loop, e.interpreters, e.accessibility_note, e.questions, e.cancellation_closes_at, e.offer_hours";
const REG_COLUMNS: &str =
    "registration_id, event_id, status, name, email, waitlist_seq, lang, offer_expires_at";

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
           audience, status, registration, registration_opens_at, registration_closes_at, capacity, waitlist, confirmed, waitlist_seq, created_at, created_by,
           step_free, hearing_loop, interpreters, accessibility_note, questions, cancellation_closes_at, offer_hours, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 0, 0, $18, $19,
           $20, $21, $22, $23, $24, $25, $26, $18)")
        .bind(tenant.as_uuid()).bind(id).bind(e.kind.as_str()).bind(&e.title).bind(&e.description)
        .bind(Timestamp::from(e.starts_at)).bind(Timestamp::from(e.ends_at)).bind(time_zone)
        .bind(&e.place_name).bind(&e.place_address).bind(e.audience.as_str()).bind(e.status.as_str()).bind(e.registration.as_str())
        .bind(e.registration_opens_at.map(Timestamp::from)).bind(e.registration_closes_at.map(Timestamp::from))
        .bind(e.capacity).bind(e.waitlist).bind(now).bind(by)
        .bind(e.step_free).bind(e.hearing_loop).bind(e.interpreters.join(" ")).bind(&e.accessibility_note)
        .bind(e.questions.to_stored()).bind(e.cancellation_closes_at.map(Timestamp::from)).bind(e.offer_hours)
        .execute(c).await.map(|_| ()))?;
    write_translations_and_topics(tx, tenant, id, e).await?;
    Ok(id)
}

async fn write_translations_and_topics(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    e: &NewEvent,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query("DELETE FROM event_translations WHERE tenant_id = $1 AND event_id = $2")
        .bind(tenant.as_uuid()).bind(id).execute(c).await.map(|_| ()))?;
    on_db!(tx, c => sqlx::query("DELETE FROM event_topics WHERE tenant_id = $1 AND event_id = $2")
        .bind(tenant.as_uuid()).bind(id).execute(c).await.map(|_| ()))?;
    for (lang, title, description) in &e.translations {
        on_db!(tx, c => sqlx::query(
            "INSERT INTO event_translations (tenant_id, event_id, lang, title, description) VALUES ($1, $2, $3, $4, $5)")
            .bind(tenant.as_uuid()).bind(id).bind(lang.tag()).bind(title).bind(description)
            .execute(c).await.map(|_| ()))?;
    }
    for topic in &e.topics {
        on_db!(tx, c => sqlx::query("INSERT INTO event_topics (tenant_id, event_id, topic) VALUES ($1, $2, $3)")
            .bind(tenant.as_uuid()).bind(id).bind(topic.slug()).execute(c).await.map(|_| ()))?;
    }
    Ok(())
}

/// Why an organiser's change was not made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditRefusal {
    NotFound,
    /// The new capacity is below the places already given.
    CapacityBelowTaken(i32),
    /// The event is cancelled or done and can no longer be edited.
    Closed,
}

/// Replaces an event's details (not its state). A capacity below the places
/// already held is refused inside the transaction; a raised capacity offers
/// the new places to the waiting list at once.
pub async fn update_event(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    e: &NewEvent,
    now: Timestamp,
) -> Result<Result<Vec<Offer>, EditRefusal>, DbError> {
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE events SET kind = $3, title = $4, description = $5, starts_at = $6, ends_at = $7, place_name = $8, place_address = $9,
           audience = $10, registration = $11, registration_opens_at = $12, registration_closes_at = $13, capacity = $14, waitlist = $15,
           step_free = $16, hearing_loop = $17, interpreters = $18, accessibility_note = $19, questions = $20,
           cancellation_closes_at = $21, offer_hours = $22, updated_at = $23
         WHERE tenant_id = $1 AND event_id = $2 AND status IN ('draft', 'published') AND ($14 IS NULL OR confirmed <= $14)")
        .bind(tenant.as_uuid()).bind(id).bind(e.kind.as_str()).bind(&e.title).bind(&e.description)
        .bind(Timestamp::from(e.starts_at)).bind(Timestamp::from(e.ends_at))
        .bind(&e.place_name).bind(&e.place_address).bind(e.audience.as_str()).bind(e.registration.as_str())
        .bind(e.registration_opens_at.map(Timestamp::from)).bind(e.registration_closes_at.map(Timestamp::from))
        .bind(e.capacity).bind(e.waitlist)
        .bind(e.step_free).bind(e.hearing_loop).bind(e.interpreters.join(" ")).bind(&e.accessibility_note)
        .bind(e.questions.to_stored()).bind(e.cancellation_closes_at.map(Timestamp::from)).bind(e.offer_hours).bind(now)
        .execute(c).await.map(|r| r.rows_affected()))?;
    if n == 0 {
        // The update above holds the row lock if it matched; read why not.
        return Ok(Err(match event_tx(tx, tenant, id).await? {
            None => EditRefusal::NotFound,
            Some(ev) if !matches!(ev.status.as_str(), "draft" | "published") => EditRefusal::Closed,
            Some(ev) => EditRefusal::CapacityBelowTaken(ev.confirmed),
        }));
    }
    write_translations_and_topics(tx, tenant, id, e).await?;
    let mut offers = Vec::new();
    while let Some(o) = offer_next(tx, tenant, id, now).await? {
        offers.push(o);
    }
    Ok(Ok(offers))
}

/// Moves an event to `to` if the organiser may (see
/// `EventStatus::may_become`); false if it was not in a state that allows it.
pub async fn set_status(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    to: EventStatus,
    reason: Option<&str>,
    now: Timestamp,
) -> Result<bool, DbError> {
    let from: Vec<&str> = [EventStatus::Draft, EventStatus::Published]
        .into_iter()
        .filter(|f| f.may_become(to))
        .map(|f| f.as_str())
        .collect();
    let (a, b) = match from.as_slice() {
        [a] => (*a, *a),
        [a, b] => (*a, *b),
        _ => return Ok(false),
    };
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE events SET status = $3, cancel_reason = $4, updated_at = $5 WHERE tenant_id = $1 AND event_id = $2 AND status IN ($6, $7)")
        .bind(tenant.as_uuid()).bind(id).bind(to.as_str()).bind(reason).bind(now).bind(a).bind(b)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Everyone still registered (confirmed, offered a place, or waiting), for
/// the mails of a cancelled event.
pub async fn active_registrations_tx(
    tx: &mut Tx,
    tenant: TenantId,
    event_id: Uuid,
) -> Result<Vec<Registration>, DbError> {
    Ok(on_db!(tx, c => sqlx::query_as(&format!(
        "SELECT {REG_COLUMNS} FROM registrations
         WHERE tenant_id = $1 AND event_id = $2 AND status IN ('confirmed', 'offered', 'waitlisted') ORDER BY created_at, registration_id"))
        .bind(tenant.as_uuid()).bind(event_id).fetch_all(c).await)?)
}

/// An event's translations: (language tag, title, description).
pub async fn translations(
    db: &Db,
    tenant: TenantId,
    event_id: Uuid,
) -> Result<Vec<(String, String, String)>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT lang, title, description FROM event_translations WHERE tenant_id = $1 AND event_id = $2 ORDER BY lang")
        .bind(tenant.as_uuid()).bind(event_id).fetch_all(c).await)?)
}

/// The translation of one event into `lang`, if there is one.
pub async fn translation_tx(
    tx: &mut Tx,
    tenant: TenantId,
    event_id: Uuid,
    lang: &str,
) -> Result<Option<(String, String)>, DbError> {
    Ok(on_db!(tx, c => sqlx::query_as(
        "SELECT title, description FROM event_translations WHERE tenant_id = $1 AND event_id = $2 AND lang = $3")
        .bind(tenant.as_uuid()).bind(event_id).bind(lang).fetch_optional(c).await)?)
}

/// Every translation into `lang` of the tenant's events: event id → (title,
/// description).
pub async fn translations_into(
    db: &Db,
    tenant: TenantId,
    lang: &str,
) -> Result<std::collections::HashMap<Uuid, (String, String)>, DbError> {
    let mut conn = db.read().await?;
    let rows: Vec<(Uuid, String, String)> = on_db!(conn, c => sqlx::query_as(
        "SELECT event_id, title, description FROM event_translations WHERE tenant_id = $1 AND lang = $2")
        .bind(tenant.as_uuid()).bind(lang).fetch_all(c).await)?;
    Ok(rows.into_iter().map(|(id, t, d)| (id, (t, d))).collect())
}

/// An event's topics.
pub async fn topics(db: &Db, tenant: TenantId, event_id: Uuid) -> Result<Vec<Topic>, DbError> {
    let mut conn = db.read().await?;
    let rows: Vec<(String,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT topic FROM event_topics WHERE tenant_id = $1 AND event_id = $2 ORDER BY topic")
        .bind(tenant.as_uuid()).bind(event_id).fetch_all(c).await)?;
    let mut t: Vec<Topic> = rows.iter().filter_map(|(s,)| Topic::parse(s)).collect();
    t.sort();
    Ok(t)
}

/// The public events on a topic (published, cancelled or done), by start.
pub async fn public_events_on(
    db: &Db,
    tenant: TenantId,
    topic: Topic,
) -> Result<Vec<Event>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {EVENT_COLUMNS_E} FROM event_topics t JOIN events e ON e.tenant_id = t.tenant_id AND e.event_id = t.event_id
         WHERE t.tenant_id = $1 AND t.topic = $2 AND e.audience = 'public' AND e.status IN ('published', 'cancelled', 'done')
         ORDER BY e.starts_at LIMIT 2000"))
        .bind(tenant.as_uuid()).bind(topic.slug()).fetch_all(c).await)?)
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
    /// The event is not (or no longer) published: nothing taken.
    NotOpen,
}

/// Takes a place inside `tx` if one is free, else a waiting-list number if
/// the event has a list. Returns where the registration lands and its
/// waiting-list number; the row itself is written by
/// [`insert_registrations`] in the same transaction.
pub async fn take_place(
    tx: &mut Tx,
    tenant: TenantId,
    event_id: Uuid,
    waitlist: bool,
) -> Result<(Placed, Option<i64>), DbError> {
    let taken: Option<(i32,)> = on_db!(tx, c => sqlx::query_as(
        "UPDATE events SET confirmed = confirmed + 1
         WHERE tenant_id = $1 AND event_id = $2 AND (capacity IS NULL OR confirmed < capacity)
         RETURNING confirmed")
        .bind(tenant.as_uuid()).bind(event_id).fetch_optional(c).await)?;
    if taken.is_some() {
        return Ok((Placed::Confirmed, None));
    }
    if !waitlist {
        return Ok((Placed::Full, None));
    }
    // Everyone waiting has a lower number, so the count of people waiting
    // (kept under the same row lock) is the new position.
    let (seq, waiting): (i64, i32) = on_db!(tx, c => sqlx::query_as(
        "UPDATE events SET waitlist_seq = waitlist_seq + 1, waiting = waiting + 1 WHERE tenant_id = $1 AND event_id = $2
         RETURNING waitlist_seq, waiting")
        .bind(tenant.as_uuid()).bind(event_id).fetch_one(c).await)?;
    Ok((Placed::Waitlisted(i64::from(waiting)), Some(seq)))
}

/// Takes places for `count` registrations to one event at once, in order:
/// as many as are free are confirmed, the rest get waiting-list numbers (or
/// are refused as full without a list). The event row is read under its
/// write lock (`FOR UPDATE` on PostgreSQL; on SQLite the transaction already
/// holds the database's write lock from `BEGIN IMMEDIATE`), and the update
/// is conditional on the values read, so the count is never taken from a
/// read outside the writing transaction. `None` if the event does not exist.
pub async fn take_places(
    tx: &mut Tx,
    tenant: TenantId,
    event_id: Uuid,
    count: usize,
) -> Result<Option<Vec<(Placed, Option<i64>)>>, DbError> {
    type Row = (i32, Option<i32>, i64, i32, bool, String);
    let read = "SELECT confirmed, capacity, waitlist_seq, waiting, waitlist, status FROM events WHERE tenant_id = $1 AND event_id = $2";
    let row: Option<Row> = match tx.backend() {
        Backend::Sqlite(c) => {
            sqlx::query_as(read)
                .bind(tenant.as_uuid())
                .bind(event_id)
                .fetch_optional(c)
                .await?
        }
        Backend::Postgres(c) => {
            sqlx::query_as(&format!("{read} FOR UPDATE"))
                .bind(tenant.as_uuid())
                .bind(event_id)
                .fetch_optional(c)
                .await?
        }
    };
    let Some((confirmed, capacity, seq, waiting, waitlist, status)) = row else {
        return Ok(None);
    };
    // The request checked the state from a short-lived copy of the event;
    // the locked row decides.
    if status != "published" {
        return Ok(Some(vec![(Placed::NotOpen, None); count]));
    }
    let count_i32 = i32::try_from(count).unwrap_or(i32::MAX);
    let free = match capacity {
        None => count_i32,
        Some(cap) => (cap - confirmed).clamp(0, count_i32),
    };
    let rest = count_i32 - free;
    let queued = if waitlist { rest } else { 0 };
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE events SET confirmed = confirmed + $3, waitlist_seq = waitlist_seq + $4, waiting = waiting + $5
         WHERE tenant_id = $1 AND event_id = $2 AND confirmed = $6 AND waitlist_seq = $7")
        .bind(tenant.as_uuid()).bind(event_id).bind(free).bind(i64::from(queued)).bind(queued)
        .bind(confirmed).bind(seq)
        .execute(c).await.map(|r| r.rows_affected()))?;
    if n != 1 {
        // Cannot happen under the lock; refuse rather than guess.
        return Err(DbError::Sqlx(sqlx::Error::RowNotFound));
    }
    let mut out = Vec::with_capacity(count);
    for i in 0..count_i32 {
        if i < free {
            out.push((Placed::Confirmed, None));
        } else if waitlist {
            let k = i - free + 1;
            out.push((
                Placed::Waitlisted(i64::from(waiting + k)),
                Some(seq + i64::from(k)),
            ));
        } else {
            out.push((Placed::Full, None));
        }
    }
    Ok(Some(out))
}

/// A registration that got a place or a waiting-list number, to write.
pub struct RegistrationRow<'a> {
    pub tenant: TenantId,
    pub registration_id: Uuid,
    pub event_id: Uuid,
    /// `Confirmed` or `Waitlisted` (a `Full` attempt has no row).
    pub placed: Placed,
    pub waitlist_seq: Option<i64>,
    pub registration: &'a NewRegistration,
    pub cancel_token_hash: &'a [u8],
}

/// Rows per multi-row insert (12 values each, well below both engines'
/// limit on bound values).
const INSERT_CHUNK: usize = 500;

/// Writes registrations with one multi-row insert per chunk.
pub async fn insert_registrations(
    tx: &mut Tx,
    rows: &[RegistrationRow<'_>],
    now: Timestamp,
) -> Result<(), DbError> {
    for chunk in rows.chunks(INSERT_CHUNK) {
        on_db!(tx, c => {
            let mut q = sqlx::QueryBuilder::new(
                "INSERT INTO registrations (tenant_id, registration_id, event_id, status, name, email, answers, cancel_token_hash, waitlist_seq, created_at, confirmed_at, lang) ");
            q.push_values(chunk, |mut b, row| {
                let confirmed = row.placed == Placed::Confirmed;
                b.push_bind(row.tenant.as_uuid())
                    .push_bind(row.registration_id)
                    .push_bind(row.event_id)
                    .push_bind(if confirmed { "confirmed" } else { "waitlisted" })
                    .push_bind(row.registration.name.as_str())
                    .push_bind(row.registration.email.as_str())
                    .push_bind(row.registration.answers.as_str())
                    .push_bind(row.cancel_token_hash)
                    .push_bind(row.waitlist_seq)
                    .push_bind(now)
                    .push_bind(confirmed.then_some(now))
                    .push_bind(row.registration.lang.tag());
            });
            q.build().execute(c).await.map(|_| ())
        })?;
    }
    Ok(())
}

/// Registers one person inside `tx` (place, then row). Returns the
/// registration id, or none when the event is full without a list.
pub async fn register(
    tx: &mut Tx,
    tenant: TenantId,
    event_id: Uuid,
    waitlist: bool,
    r: &NewRegistration,
    cancel_token_hash: &[u8],
    now: Timestamp,
) -> Result<(Placed, Option<Uuid>), DbError> {
    let (placed, waitlist_seq) = take_place(tx, tenant, event_id, waitlist).await?;
    if matches!(placed, Placed::Full | Placed::NotOpen) {
        return Ok((placed, None));
    }
    let id = Uuid::now_v7();
    let row = RegistrationRow {
        tenant,
        registration_id: id,
        event_id,
        placed,
        waitlist_seq,
        registration: r,
        cancel_token_hash,
    };
    insert_registrations(tx, std::slice::from_ref(&row), now).await?;
    Ok((placed, Some(id)))
}

/// A registration as the organisers and the registrant see it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Registration {
    pub registration_id: Uuid,
    pub event_id: Uuid,
    /// `confirmed`, `waitlisted`, `offered` (a freed place held until
    /// `offer_expires_at`), `expired` (an offer not confirmed in time) or
    /// `cancelled`.
    pub status: String,
    pub name: String,
    pub email: String,
    pub waitlist_seq: Option<i64>,
    /// The registrant's language tag.
    pub lang: String,
    pub offer_expires_at: Option<Timestamp>,
}

/// A freed place offered to the first person waiting: the place is held
/// (counted in `confirmed`) until `expires_at`. `token` is the new private
/// link's secret, for the mail only.
#[derive(Debug, Clone)]
pub struct Offer {
    pub registration: Registration,
    pub token: String,
    pub expires_at: Timestamp,
}

/// The outcome of a cancellation.
#[derive(Debug, Clone)]
pub struct Cancelled {
    pub event_id: Uuid,
    /// The person offered the freed place, if any.
    pub offered: Option<Offer>,
}

/// Cancels the registration with this token (the first private link or the
/// one of an offer); a freed place is offered to the first person on the
/// waiting list. `None` if no such active registration.
pub async fn cancel(
    tx: &mut Tx,
    tenant: TenantId,
    cancel_token_hash: &[u8],
    now: Timestamp,
) -> Result<Option<Cancelled>, DbError> {
    let found: Option<Registration> = on_db!(tx, c => sqlx::query_as(&format!(
        "SELECT {REG_COLUMNS} FROM registrations
         WHERE tenant_id = $1 AND (cancel_token_hash = $2 OR offer_token_hash = $2) AND status IN ('confirmed', 'offered', 'waitlisted')"))
        .bind(tenant.as_uuid()).bind(cancel_token_hash).fetch_optional(c).await)?;
    let Some(reg) = found else { return Ok(None) };
    // Conditional on the status read: a concurrent cancellation of the same
    // registration changes nothing twice.
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE registrations SET status = 'cancelled', cancelled_at = $3, offer_expires_at = NULL WHERE tenant_id = $1 AND registration_id = $2 AND status = $4")
        .bind(tenant.as_uuid()).bind(reg.registration_id).bind(now).bind(&reg.status)
        .execute(c).await.map(|r| r.rows_affected()))?;
    if n == 0 {
        return Ok(None);
    }
    if reg.status == "waitlisted" {
        leave_waitlist(tx, tenant, reg.event_id).await?;
        return Ok(Some(Cancelled {
            event_id: reg.event_id,
            offered: None,
        }));
    }
    // Give the place back (this locks the event's row) …
    release_place(tx, tenant, reg.event_id).await?;
    // … and offer it to the first person waiting, if any.
    let offered = offer_next(tx, tenant, reg.event_id, now).await?;
    Ok(Some(Cancelled {
        event_id: reg.event_id,
        offered,
    }))
}

async fn leave_waitlist(tx: &mut Tx, tenant: TenantId, event_id: Uuid) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query("UPDATE events SET waiting = waiting - 1 WHERE tenant_id = $1 AND event_id = $2 AND waiting > 0")
        .bind(tenant.as_uuid()).bind(event_id).execute(c).await.map(|_| ()))
    .map_err(Into::into)
}

async fn release_place(tx: &mut Tx, tenant: TenantId, event_id: Uuid) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query("UPDATE events SET confirmed = confirmed - 1 WHERE tenant_id = $1 AND event_id = $2 AND confirmed > 0")
        .bind(tenant.as_uuid()).bind(event_id).execute(c).await.map(|_| ()))
    .map_err(Into::into)
}

/// Offers a free place to the first person waiting: takes the place with
/// the conditional update (which locks the event row), then marks the
/// person `offered` with a deadline and a fresh private token. Nothing when
/// no place is free, nobody waits, or the event is no longer open (not
/// published, or already started).
pub async fn offer_next(
    tx: &mut Tx,
    tenant: TenantId,
    event_id: Uuid,
    now: Timestamp,
) -> Result<Option<Offer>, DbError> {
    // A waiting registration may be cancelled concurrently; then try the next.
    for _ in 0..16 {
        let next: Option<Registration> = on_db!(tx, c => sqlx::query_as(&format!(
            "SELECT {REG_COLUMNS} FROM registrations
             WHERE tenant_id = $1 AND event_id = $2 AND status = 'waitlisted' ORDER BY waitlist_seq LIMIT 1"))
            .bind(tenant.as_uuid()).bind(event_id).fetch_optional(c).await)?;
        let Some(next) = next else { return Ok(None) };
        let taken: Option<(i32, i32, Timestamp)> = on_db!(tx, c => sqlx::query_as(
            "UPDATE events SET confirmed = confirmed + 1
             WHERE tenant_id = $1 AND event_id = $2 AND (capacity IS NULL OR confirmed < capacity)
               AND status = 'published' AND starts_at > $3
             RETURNING confirmed, offer_hours, starts_at")
            .bind(tenant.as_uuid()).bind(event_id).bind(now).fetch_optional(c).await)?;
        let Some((_, hours, starts_at)) = taken else {
            return Ok(None);
        };
        let deadline = now.0 + chrono::Duration::hours(i64::from(hours.max(1)));
        let expires_at = Timestamp::truncated(deadline.min(starts_at.0));
        let (token, hash) = new_secret();
        let n = on_db!(tx, c => sqlx::query(
            "UPDATE registrations SET status = 'offered', offer_expires_at = $3, offer_token_hash = $4
             WHERE tenant_id = $1 AND registration_id = $2 AND status = 'waitlisted'")
            .bind(tenant.as_uuid()).bind(next.registration_id).bind(expires_at).bind(&hash[..])
            .execute(c).await.map(|r| r.rows_affected()))?;
        if n == 1 {
            leave_waitlist(tx, tenant, event_id).await?;
            return Ok(Some(Offer {
                registration: Registration {
                    status: "offered".to_owned(),
                    offer_expires_at: Some(expires_at),
                    ..next
                },
                token,
                expires_at,
            }));
        }
        release_place(tx, tenant, event_id).await?;
    }
    Ok(None)
}

/// What confirming an offer got.
#[derive(Debug, Clone)]
pub enum OfferAnswer {
    Confirmed(Registration),
    /// No open offer with this token (expired, never made, or already taken).
    NoOffer,
}

/// Confirms an offered place before its deadline.
pub async fn confirm_offer(
    tx: &mut Tx,
    tenant: TenantId,
    token_hash: &[u8],
    now: Timestamp,
) -> Result<OfferAnswer, DbError> {
    let reg: Option<Registration> = on_db!(tx, c => sqlx::query_as(&format!(
        "UPDATE registrations SET status = 'confirmed', confirmed_at = $3, offer_expires_at = NULL
         WHERE tenant_id = $1 AND (cancel_token_hash = $2 OR offer_token_hash = $2) AND status = 'offered' AND offer_expires_at > $3
           AND EXISTS (SELECT 1 FROM events e WHERE e.tenant_id = registrations.tenant_id AND e.event_id = registrations.event_id
                       AND e.status = 'published')
         RETURNING {REG_COLUMNS}"))
        .bind(tenant.as_uuid()).bind(token_hash).bind(now).fetch_optional(c).await)?;
    Ok(match reg {
        Some(r) => OfferAnswer::Confirmed(r),
        None => OfferAnswer::NoOffer,
    })
}

/// An offer that ran out, and the offer that replaced it (if anyone waited).
#[derive(Debug, Clone)]
pub struct Expired {
    pub expired: Registration,
    pub next: Option<Offer>,
}

/// Ends up to `limit` offers of a tenant whose deadline has passed: each
/// releases its place and offers it to the next person waiting, in the same
/// transaction.
pub async fn expire_offers(
    tx: &mut Tx,
    tenant: TenantId,
    now: Timestamp,
    limit: i64,
) -> Result<Vec<Expired>, DbError> {
    let due: Vec<Registration> = on_db!(tx, c => sqlx::query_as(&format!(
        "SELECT {REG_COLUMNS} FROM registrations
         WHERE tenant_id = $1 AND status = 'offered' AND offer_expires_at <= $2 ORDER BY offer_expires_at LIMIT $3"))
        .bind(tenant.as_uuid()).bind(now).bind(limit).fetch_all(c).await)?;
    let mut out = Vec::new();
    for reg in due {
        let n = on_db!(tx, c => sqlx::query(
            "UPDATE registrations SET status = 'expired', cancelled_at = $3
             WHERE tenant_id = $1 AND registration_id = $2 AND status = 'offered' AND offer_expires_at <= $3")
            .bind(tenant.as_uuid()).bind(reg.registration_id).bind(now)
            .execute(c).await.map(|r| r.rows_affected()))?;
        if n == 0 {
            continue;
        }
        release_place(tx, tenant, reg.event_id).await?;
        let next = offer_next(tx, tenant, reg.event_id, now).await?;
        out.push(Expired {
            expired: Registration {
                status: "expired".to_owned(),
                ..reg
            },
            next,
        });
    }
    Ok(out)
}

/// Every registration of an event, in order of arrival.
pub async fn registrations(
    db: &Db,
    tenant: TenantId,
    event_id: Uuid,
) -> Result<Vec<Registration>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {REG_COLUMNS} FROM registrations
         WHERE tenant_id = $1 AND event_id = $2 ORDER BY created_at, registration_id"))
        .bind(tenant.as_uuid()).bind(event_id).fetch_all(c).await)?)
}

pub async fn event_tx(tx: &mut Tx, tenant: TenantId, id: Uuid) -> Result<Option<Event>, DbError> {
    Ok(
        on_db!(tx, c => sqlx::query_as(&format!("SELECT {EVENT_COLUMNS} FROM events WHERE tenant_id = $1 AND event_id = $2"))
        .bind(tenant.as_uuid()).bind(id).fetch_optional(c).await)?,
    )
}

/// The public events of a tenant (published, cancelled or done), by start.
/// Drafts never appear.
pub async fn public_events(db: &Db, tenant: TenantId) -> Result<Vec<Event>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {EVENT_COLUMNS} FROM events WHERE tenant_id = $1 AND audience = 'public' AND status IN ('published', 'cancelled', 'done')
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
    let reg: Option<Registration> = on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {REG_COLUMNS} FROM registrations
         WHERE tenant_id = $1 AND (cancel_token_hash = $2 OR offer_token_hash = $2)"))
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

/// Claims the reminders of a tenant's published events that start within
/// `within` of `now` and were not reminded yet (each event once, across
/// instances), and returns each with its confirmed registrants.
pub async fn claim_reminders(
    tx: &mut Tx,
    tenant: TenantId,
    now: Timestamp,
    within: chrono::Duration,
) -> Result<Vec<(Event, Vec<Registration>)>, DbError> {
    let until = Timestamp::truncated(now.0 + within);
    let ids: Vec<(Uuid,)> = on_db!(tx, c => sqlx::query_as(
        "UPDATE events SET reminded_at = $2
         WHERE tenant_id = $1 AND status = 'published' AND reminded_at IS NULL AND starts_at > $2 AND starts_at <= $3
         RETURNING event_id")
        .bind(tenant.as_uuid()).bind(now).bind(until).fetch_all(c).await)?;
    let mut out = Vec::new();
    for (id,) in ids {
        let Some(event) = event_tx(tx, tenant, id).await? else {
            continue;
        };
        let regs: Vec<Registration> = on_db!(tx, c => sqlx::query_as(&format!(
            "SELECT {REG_COLUMNS} FROM registrations WHERE tenant_id = $1 AND event_id = $2 AND status = 'confirmed'
             ORDER BY created_at, registration_id"))
            .bind(tenant.as_uuid()).bind(id).fetch_all(c).await)?;
        out.push((event, regs));
    }
    Ok(out)
}

/// Whether an address has turned off bulk mail on this tenant.
pub async fn bulk_mail_off(tx: &mut Tx, tenant: TenantId, email: &str) -> Result<bool, DbError> {
    let row: Option<(String,)> = on_db!(tx, c => sqlx::query_as(
        "SELECT email FROM bulk_mail_optouts WHERE tenant_id = $1 AND email = $2")
        .bind(tenant.as_uuid()).bind(email.to_lowercase()).fetch_optional(c).await)?;
    Ok(row.is_some())
}

/// A new private unsubscribe token for an address (one per bulk mail, so
/// that no link can be derived from another).
pub async fn unsubscribe_token(
    tx: &mut Tx,
    tenant: TenantId,
    email: &str,
    now: Timestamp,
) -> Result<String, DbError> {
    let (token, hash) = new_secret();
    on_db!(tx, c => sqlx::query(
        "INSERT INTO unsubscribe_tokens (tenant_id, token_hash, email, created_at) VALUES ($1, $2, $3, $4)")
        .bind(tenant.as_uuid()).bind(&hash[..]).bind(email.to_lowercase()).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok(token)
}

/// The address an unsubscribe token belongs to, and whether it has already
/// turned bulk mail off.
pub async fn unsubscribe_address(
    db: &Db,
    tenant: TenantId,
    token_hash: &[u8],
) -> Result<Option<(String, bool)>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT u.email, o.email IS NOT NULL FROM unsubscribe_tokens u
         LEFT JOIN bulk_mail_optouts o ON o.tenant_id = u.tenant_id AND o.email = u.email
         WHERE u.tenant_id = $1 AND u.token_hash = $2")
        .bind(tenant.as_uuid()).bind(token_hash).fetch_optional(c).await)?)
}

/// Turns bulk mail off for the token's address. False for an unknown token.
pub async fn unsubscribe(
    tx: &mut Tx,
    tenant: TenantId,
    token_hash: &[u8],
    now: Timestamp,
) -> Result<bool, DbError> {
    let email: Option<(String,)> = on_db!(tx, c => sqlx::query_as(
        "SELECT email FROM unsubscribe_tokens WHERE tenant_id = $1 AND token_hash = $2")
        .bind(tenant.as_uuid()).bind(token_hash).fetch_optional(c).await)?;
    let Some((email,)) = email else {
        return Ok(false);
    };
    on_db!(tx, c => sqlx::query(
        "INSERT INTO bulk_mail_optouts (tenant_id, email, opted_out_at) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, email) DO NOTHING")
        .bind(tenant.as_uuid()).bind(email).bind(now).execute(c).await.map(|_| ()))?;
    Ok(true)
}

/// Events starting in `[from, to)` by kind and status (drafts left out),
/// counting as held only those that ended before `now` (for the
/// transparency dashboard): (kind, status, ended, count).
pub async fn counts_between(
    db: &Db,
    tenant: TenantId,
    from: Timestamp,
    to: Timestamp,
    now: Timestamp,
) -> Result<Vec<(String, String, bool, i64)>, DbError> {
    let mut conn = db.read().await?;
    let rows = on_db!(conn, c => sqlx::query_as(
        "SELECT kind, status, CASE WHEN ends_at <= $4 THEN TRUE ELSE FALSE END AS ended, COUNT(*)
         FROM events
         WHERE tenant_id = $1 AND starts_at >= $2 AND starts_at < $3 AND status <> 'draft'
         GROUP BY 1, 2, 3")
        .bind(tenant.as_uuid()).bind(from).bind(to).bind(now).fetch_all(c).await)?;
    Ok(rows)
}

/// Published events overlapping `[from, to)` for the patrol planner's
/// situation picture: (title, place name, place address, start, end).
pub async fn published_overlapping(
    db: &Db,
    tenant: TenantId,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<(String, String, String, Timestamp, Timestamp)>, DbError> {
    let mut conn = db.read().await?;
    let rows = on_db!(conn, c => sqlx::query_as(
        "SELECT title, place_name, place_address, starts_at, ends_at FROM events
         WHERE tenant_id = $1 AND status = 'published' AND starts_at < $3 AND ends_at > $2
         ORDER BY starts_at")
        .bind(tenant.as_uuid()).bind(from).bind(to).fetch_all(c).await)?;
    Ok(rows)
}
