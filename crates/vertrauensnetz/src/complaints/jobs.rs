//! The complaint office's background work: reminders of due deadlines to
//! the caseworkers (hourly; the mail names only the case reference), and
//! the daily deletion of closed cases after the retention period (keys,
//! content, messages, files), which leaves the statistical record and an
//! audit entry.

use std::sync::Arc;

use super::store;
use crate::platform::audit::{self, Actor, Entry};
use crate::platform::db::Timestamp;
use crate::platform::i18n::{Lang, Tr};
use crate::platform::jobs::Job;
use crate::platform::tenants::TenantId;
use crate::platform::web::AppState;

pub fn jobs(state: &AppState) -> Vec<Job> {
    let s = state.clone();
    let retention = Job {
        name: "complaints.retention",
        every: chrono::Duration::days(1),
        run: Arc::new(move || {
            let s = s.clone();
            Box::pin(async move { retention(&s).await.map(|_| ()).map_err(|e| e.to_string()) })
        }),
    };
    let s = state.clone();
    let reminders = Job {
        name: "complaints.reminders",
        every: chrono::Duration::hours(1),
        run: Arc::new(move || {
            let s = s.clone();
            Box::pin(async move { reminders(&s).await.map(|_| ()).map_err(|e| e.to_string()) })
        }),
    };
    vec![retention, reminders]
}

/// Deletes closed cases older than the retention period. Returns how many.
pub async fn retention(state: &AppState) -> anyhow::Result<usize> {
    let now = state.clock.now_ts();
    let months = state.config.complaints.retention_months;
    let cutoff = now
        .0
        .checked_sub_months(chrono::Months::new(months))
        .unwrap_or(now.0);
    let expired = store::expired_cases(&state.db, Timestamp::truncated(cutoff)).await?;
    let mut n = 0;
    for (tenant, case_id, stat_id) in expired {
        let tenant = TenantId::from_db(tenant);
        let mut tx = state.db.begin().await?;
        store::delete_case(&mut tx, tenant, case_id, stat_id, now).await?;
        audit::append(
            &mut tx,
            tenant,
            now,
            &Entry::new(Actor::System, "complaint.delete", "complaint", case_id)
                .details(serde_json::json!({ "reason": "retention", "months": months })),
        )
        .await?;
        tx.commit().await?;
        let dir = super::case_dir(state, tenant, case_id);
        if let Err(e) = tokio::fs::remove_dir_all(&dir).await {
            if e.kind() != std::io::ErrorKind::NotFound {
                tracing::error!(error = %e, "cannot delete the files of an expired complaint");
            }
        }
        n += 1;
    }
    let unlocks = store::purge_unlocks(&state.db, now).await?;
    if n > 0 || unlocks > 0 {
        tracing::info!(cases = n, unlocks, "complaint retention ran");
    }
    Ok(n)
}

/// Mails the tenant's caseworkers about deadlines due within a day.
pub async fn reminders(state: &AppState) -> anyhow::Result<usize> {
    let now = state.clock.now_ts();
    let horizon = Timestamp::truncated(now.0 + chrono::Duration::days(1));
    let due = store::due_reminders(&state.db, horizon).await?;
    let tr = Tr::new(Lang::De);
    let mut n = 0;
    for (tenant, case_id, reference, which) in due {
        let tenant = TenantId::from_db(tenant);
        let to = store::role_addresses(&state.db, tenant, "ombuds").await?;
        let mut tx = state.db.begin().await?;
        store::mark_reminded(&mut tx, tenant, case_id, &which, now).await?;
        for addr in &to {
            crate::platform::mail::enqueue(
                &mut tx,
                tenant,
                &super::notice_mail(
                    addr,
                    tr.t1(
                        &format!("complaints-mail-due-{which}-subject"),
                        "reference",
                        &reference,
                    ),
                    tr.t1(
                        &format!("complaints-mail-due-{which}-body"),
                        "reference",
                        &reference,
                    ),
                ),
                now,
            )
            .await?;
        }
        tx.commit().await?;
        n += 1;
    }
    Ok(n)
}
