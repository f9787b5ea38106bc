//! Periodic background jobs that run exactly once per due time across all
//! instances: an instance runs a job only if its conditional update of the
//! job's `next_run_at` succeeds (works on SQLite, PostgreSQL and the
//! distributed PostgreSQL-compatible databases alike).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use chrono::Duration;

use super::clock::Clock;
use super::db::{Db, DbError, Timestamp};
use crate::on_db;

pub type JobFuture = Pin<Box<dyn Future<Output = Result<(), String>> + Send>>;

/// A job: a name, an interval, and what it does.
#[derive(Clone)]
pub struct Job {
    pub name: &'static str,
    pub every: Duration,
    pub run: Arc<dyn Fn() -> JobFuture + Send + Sync>,
}

/// Claims the job's current due time for this instance. True if this
/// instance should run it now.
pub async fn claim(
    db: &Db,
    name: &str,
    every: Duration,
    now: Timestamp,
    instance: &str,
) -> Result<bool, DbError> {
    let next = Timestamp::truncated(now.0 + every);
    let mut tx = db.begin().await?;
    on_db!(tx, c => sqlx::query(
        "INSERT INTO job_runs (job, next_run_at) VALUES ($1, $2) ON CONFLICT (job) DO NOTHING")
        .bind(name).bind(now).execute(c).await.map(|_| ()))?;
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE job_runs SET next_run_at = $2, last_started_at = $3, last_instance = $4
         WHERE job = $1 AND next_run_at <= $3")
        .bind(name).bind(next).bind(now).bind(instance).execute(c).await.map(|r| r.rows_affected()))?;
    tx.commit().await?;
    Ok(n == 1)
}

/// Runs every job whenever it is due, until `shutdown` resolves.
pub async fn run(
    db: Db,
    clock: Clock,
    jobs: Vec<Job>,
    instance: String,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = shutdown.changed() => return,
        }
        for job in &jobs {
            match claim(&db, job.name, job.every, clock.now_ts(), &instance).await {
                Ok(true) => {
                    if let Err(error) = (job.run)().await {
                        tracing::warn!(job = job.name, %error, "background job failed");
                    }
                }
                Ok(false) => {}
                Err(error) => tracing::warn!(job = job.name, %error, "cannot claim background job"),
            }
        }
    }
}
