//! The events module's background jobs (registered in `app::background_jobs`):
//!
//! - `events.offers` (every 30 s): ends offers of freed places whose time to
//!   confirm has passed and offers each place to the next person waiting —
//!   per offer inside one transaction, so the held-places counter never
//!   disagrees with the registrations;
//! - `events.reminders` (every 5 min): the reminder mail one day before an
//!   event, to confirmed registrants who have not turned bulk mail off. Each
//!   event is claimed once (`reminded_at`), across instances.

use std::sync::Arc;

use super::notify;
use super::store;
use crate::platform::jobs::Job;
use crate::platform::web::AppState;

/// Offers handled per tenant and transaction.
const OFFER_BATCH: i64 = 100;

pub fn jobs(state: &AppState) -> Vec<Job> {
    let s = state.clone();
    let offers = Job {
        name: "events.offers",
        every: chrono::Duration::seconds(30),
        run: Arc::new(move || {
            let s = s.clone();
            Box::pin(async move {
                expire_offers(&s)
                    .await
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            })
        }),
    };
    let s = state.clone();
    let reminders = Job {
        name: "events.reminders",
        every: chrono::Duration::minutes(5),
        run: Arc::new(move || {
            let s = s.clone();
            Box::pin(async move {
                send_reminders(&s)
                    .await
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            })
        }),
    };
    vec![offers, reminders]
}

/// Ends every overdue offer on every tenant; returns how many ended.
pub async fn expire_offers(state: &AppState) -> Result<usize, crate::platform::db::DbError> {
    let base = crate::platform::web::context::public_base(state, None);
    let mut total = 0;
    for tenant in state.tenants.all() {
        loop {
            let now = state.clock.now_ts();
            let mut tx = state.db.begin().await?;
            let expired = store::expire_offers(&mut tx, tenant.id, now, OFFER_BATCH).await?;
            for x in &expired {
                let Some(event) = store::event_tx(&mut tx, tenant.id, x.expired.event_id).await?
                else {
                    continue;
                };
                // After a cancellation the registrant already has the
                // cancellation mail; an "offer expired" would only confuse.
                if event.status == "published" {
                    notify::enqueue_expired(&mut tx, tenant.id, &event, &x.expired, now).await?;
                }
                if let Some(offer) = &x.next {
                    notify::enqueue_offer(
                        &mut tx,
                        tenant.id,
                        tenant.slug.as_str(),
                        &base,
                        &event,
                        offer,
                        now,
                    )
                    .await?;
                }
            }
            tx.commit().await?;
            total += expired.len();
            if (expired.len() as i64) < OFFER_BATCH {
                break;
            }
        }
    }
    if total > 0 {
        tracing::info!(offers = total, "expired offers of freed places");
    }
    Ok(total)
}

/// Sends the reminders of events starting within a day; returns how many
/// mails were queued.
pub async fn send_reminders(state: &AppState) -> Result<usize, crate::platform::db::DbError> {
    let base = crate::platform::web::context::public_base(state, None);
    let mut sent = 0;
    for tenant in state.tenants.all() {
        let now = state.clock.now_ts();
        let mut tx = state.db.begin().await?;
        let due =
            store::claim_reminders(&mut tx, tenant.id, now, chrono::Duration::hours(24)).await?;
        for (event, registrants) in &due {
            for r in registrants {
                if notify::enqueue_reminder(
                    &mut tx,
                    tenant.id,
                    tenant.slug.as_str(),
                    &base,
                    event,
                    r,
                    now,
                )
                .await?
                {
                    sent += 1;
                }
            }
        }
        tx.commit().await?;
    }
    Ok(sent)
}
