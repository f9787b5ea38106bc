//! Group commit for receipts (as `events::writer` does for registrations):
//! one task takes the receipts waiting at a moment and stores them, each
//! with its chain entry, in one transaction — one fsync for the batch —
//! and answers each request only after the commit, so an answered receipt
//! is durable and in the chain.
//!
//! If a batch fails (for instance a receipt number drawn twice, which the
//! unique index refuses), every receipt of it is written again in its own
//! transaction, so one bad receipt cannot take the others down.

use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

use super::store::{self, ReceiptRow};
use crate::platform::audit::Actor;
use crate::platform::db::{Db, DbError};
use crate::platform::tenants::TenantId;

/// The most receipts written in one transaction.
const MAX_BATCH: usize = 256;

/// Why a receipt was not stored.
#[derive(Debug)]
pub enum WriteError {
    /// The receipt number is taken: draw another.
    Duplicate,
    Db(DbError),
    /// The writer is gone (server stopping).
    Stopped,
}

/// One receipt to store.
pub struct Job {
    pub tenant: TenantId,
    pub row: ReceiptRow,
    pub issued_day: String,
    pub issued_by: Uuid,
    pub actor: Actor,
    /// A service number to remember for the account.
    pub remember: Option<String>,
    reply: Option<oneshot::Sender<Result<(), WriteError>>>,
}

/// The handle requests submit receipts through.
#[derive(Clone)]
pub struct ReceiptWriter {
    jobs: mpsc::Sender<Job>,
}

impl ReceiptWriter {
    pub fn start(db: Db) -> ReceiptWriter {
        let (jobs, rx) = mpsc::channel(4096);
        tokio::spawn(run(db, rx));
        ReceiptWriter { jobs }
    }

    /// Stores one receipt and waits for the commit.
    pub async fn write(
        &self,
        tenant: TenantId,
        row: ReceiptRow,
        issued_day: String,
        issued_by: Uuid,
        actor: Actor,
        remember: Option<String>,
    ) -> Result<(), WriteError> {
        let (reply, answer) = oneshot::channel();
        let job = Job {
            tenant,
            row,
            issued_day,
            issued_by,
            actor,
            remember,
            reply: Some(reply),
        };
        self.jobs.send(job).await.map_err(|_| WriteError::Stopped)?;
        answer.await.map_err(|_| WriteError::Stopped)?
    }
}

async fn run(db: Db, mut rx: mpsc::Receiver<Job>) {
    let mut batch: Vec<Job> = Vec::with_capacity(MAX_BATCH);
    while let Some(first) = rx.recv().await {
        batch.push(first);
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        match write(&db, &batch).await {
            Ok(()) => {
                for job in batch.iter_mut() {
                    if let Some(reply) = job.reply.take() {
                        let _ = reply.send(Ok(()));
                    }
                }
            }
            Err(error) => {
                if batch.len() > 1 {
                    tracing::warn!(%error, receipts = batch.len(), "receipt batch failed; writing one by one");
                }
                for job in batch.iter_mut() {
                    let result = write(&db, std::slice::from_ref(job)).await.map_err(|e| {
                        if e.is_unique_violation() {
                            WriteError::Duplicate
                        } else {
                            tracing::error!(error = %e, "writing a receipt failed");
                            WriteError::Db(e)
                        }
                    });
                    if let Some(reply) = job.reply.take() {
                        let _ = reply.send(result);
                    }
                }
            }
        }
        batch.clear();
    }
}

async fn write(db: &Db, batch: &[Job]) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    // One chain append and one multi-row insert per tenant of the batch.
    let mut tenants: Vec<TenantId> = Vec::new();
    for job in batch {
        if !tenants.contains(&job.tenant) {
            tenants.push(job.tenant);
        }
    }
    for tenant in tenants {
        let jobs: Vec<&Job> = batch.iter().filter(|j| j.tenant == tenant).collect();
        let prepared: Vec<store::Prepared<'_>> = jobs
            .iter()
            .map(|job| store::Prepared {
                receipt_id: job.row.receipt_id,
                row: &job.row,
                issued_day: job.issued_day.clone(),
                issued_by: job.issued_by,
                actor: job.actor,
            })
            .collect();
        store::insert_many(&mut tx, tenant, &prepared).await?;
        // Each officer's service number once per batch (the last one sent).
        let mut remembered: Vec<(Uuid, &str)> = Vec::new();
        for job in jobs.iter().rev() {
            if let Some(number) = &job.remember {
                if !remembered.iter().any(|(u, _)| *u == job.issued_by) {
                    remembered.push((job.issued_by, number));
                }
            }
        }
        for (user, number) in remembered {
            store::remember_service_number(&mut tx, tenant, user, number).await?;
        }
    }
    tx.commit().await
}
