//! Group commit for registrations. Under a rush every registration waits
//! for its own fsync if each is its own transaction; here one task takes
//! the registrations waiting at a moment and writes them in one transaction
//! (one fsync, one lock of each event row), then answers each request —
//! only after the commit, so an answered registration is durable.
//!
//! The capacity invariant is unchanged: each registration still takes its
//! place with the conditional update inside the writing transaction.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

use super::model::NewRegistration;
use super::store::{self, Placed};
use crate::platform::clock::Clock;
use crate::platform::db::{Db, DbError};
use crate::platform::mail::{self, OutgoingMail};
use crate::platform::tenants::TenantId;

/// The most registrations written in one transaction.
const MAX_BATCH: usize = 256;

/// Builds the mail for a placed registration (none when it was refused).
pub type MailFor = Box<dyn FnOnce(Placed) -> Option<OutgoingMail> + Send>;

/// What the writer answers: where the registration landed, or that the
/// batch could not be written (nothing of it was stored).
pub type Answer = Result<(Placed, Option<Uuid>), ()>;

/// One registration to write.
pub struct Job {
    pub tenant: TenantId,
    pub event_id: Uuid,
    pub waitlist: bool,
    pub registration: NewRegistration,
    pub cancel_token_hash: [u8; 32],
    pub mail: Option<MailFor>,
    reply: Option<oneshot::Sender<Answer>>,
}

/// How long a request may use a copy of an event row for its checks
/// (state, audience, registration window). Places are never decided from
/// it: the writer reads the row under its lock.
const EVENT_COPY_TTL: std::time::Duration = std::time::Duration::from_secs(1);

type EventCopies = HashMap<(TenantId, Uuid), (Instant, store::Event)>;

/// The handle requests submit registrations through.
#[derive(Clone)]
pub struct RegistrationWriter {
    jobs: mpsc::Sender<Job>,
    copies: Arc<Mutex<EventCopies>>,
}

impl RegistrationWriter {
    /// Starts the writing task for this database.
    pub fn start(db: Db, clock: Clock) -> RegistrationWriter {
        let (jobs, rx) = mpsc::channel(4096);
        tokio::spawn(run(db, clock, rx));
        RegistrationWriter {
            jobs,
            copies: Arc::new(Mutex::new(HashMap::new())),
        }
    }

    /// The event, from a copy at most a second old (a rush reads it once a
    /// second instead of once per request).
    pub async fn event(
        &self,
        db: &Db,
        tenant: TenantId,
        event_id: Uuid,
    ) -> Result<Option<store::Event>, DbError> {
        let now = Instant::now();
        if let Ok(copies) = self.copies.lock() {
            if let Some((at, e)) = copies.get(&(tenant, event_id)) {
                if now.duration_since(*at) < EVENT_COPY_TTL {
                    return Ok(Some(e.clone()));
                }
            }
        }
        let fresh = store::event(db, tenant, event_id).await?;
        if let (Some(e), Ok(mut copies)) = (&fresh, self.copies.lock()) {
            if copies.len() >= 1024 {
                copies.retain(|_, (at, _)| now.duration_since(*at) < EVENT_COPY_TTL);
            }
            copies.insert((tenant, event_id), (now, e.clone()));
        }
        Ok(fresh)
    }

    /// Writes one registration (with its mail) and waits for the commit.
    pub async fn register(
        &self,
        tenant: TenantId,
        event_id: Uuid,
        waitlist: bool,
        registration: NewRegistration,
        cancel_token_hash: [u8; 32],
        mail: MailFor,
    ) -> Answer {
        let (reply, answer) = oneshot::channel();
        let job = Job {
            tenant,
            event_id,
            waitlist,
            registration,
            cancel_token_hash,
            mail: Some(mail),
            reply: Some(reply),
        };
        self.jobs.send(job).await.map_err(|_| ())?;
        answer.await.map_err(|_| ())?
    }
}

async fn run(db: Db, clock: Clock, mut rx: mpsc::Receiver<Job>) {
    let mut batch: Vec<Job> = Vec::with_capacity(MAX_BATCH);
    while let Some(first) = rx.recv().await {
        batch.push(first);
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let outcome = write(&db, &clock, &mut batch).await;
        match outcome {
            Ok(results) => {
                for (job, result) in batch.iter_mut().zip(results) {
                    if let Some(reply) = job.reply.take() {
                        let _ = reply.send(Ok(result));
                    }
                }
            }
            Err(error) => {
                tracing::error!(%error, registrations = batch.len(), "writing registrations failed");
                for job in batch.iter_mut() {
                    if let Some(reply) = job.reply.take() {
                        let _ = reply.send(Err(()));
                    }
                }
            }
        }
        batch.clear();
    }
}

async fn write(
    db: &Db,
    clock: &Clock,
    batch: &mut [Job],
) -> Result<Vec<(Placed, Option<Uuid>)>, DbError> {
    let now = clock.now_ts();
    let mut tx = db.begin().await?;
    let mut results = Vec::with_capacity(batch.len());
    let mut mails: Vec<(TenantId, OutgoingMail)> = Vec::with_capacity(batch.len());
    // Places first: per event, one locked read and one conditional update
    // for all its registrations in the batch, given out in arrival order …
    let mut placed_of: Vec<(Placed, Option<i64>)> = vec![(Placed::NotOpen, None); batch.len()];
    let mut events: Vec<(TenantId, Uuid)> = Vec::new();
    for job in batch.iter() {
        if !events.contains(&(job.tenant, job.event_id)) {
            events.push((job.tenant, job.event_id));
        }
    }
    for (tenant, event_id) in events {
        let members: Vec<usize> = (0..batch.len())
            .filter(|&i| batch[i].tenant == tenant && batch[i].event_id == event_id)
            .collect();
        let places = store::take_places(&mut tx, tenant, event_id, members.len())
            .await?
            .unwrap_or_default();
        for (i, p) in members.into_iter().zip(places) {
            placed_of[i] = p;
        }
    }
    for (job, (placed, seq)) in batch.iter_mut().zip(placed_of) {
        if let Some(message) = job.mail.take().and_then(|build| build(placed)) {
            mails.push((job.tenant, message));
        }
        let id = matches!(placed, Placed::Confirmed | Placed::Waitlisted(_)).then(Uuid::now_v7);
        results.push((placed, id, seq));
    }
    // … then the rows and the mails, each with multi-row inserts.
    let rows: Vec<store::RegistrationRow<'_>> = batch
        .iter()
        .zip(&results)
        .filter_map(|(job, (placed, id, seq))| {
            id.map(|registration_id| store::RegistrationRow {
                tenant: job.tenant,
                registration_id,
                event_id: job.event_id,
                placed: *placed,
                waitlist_seq: *seq,
                registration: &job.registration,
                cancel_token_hash: &job.cancel_token_hash,
            })
        })
        .collect();
    store::insert_registrations(&mut tx, &rows, now).await?;
    mail::enqueue_many(&mut tx, &mails, now).await?;
    tx.commit().await?;
    Ok(results.into_iter().map(|(p, id, _)| (p, id)).collect())
}
