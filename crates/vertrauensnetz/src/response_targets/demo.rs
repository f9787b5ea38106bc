//! Demo and load-test dispatch records: a year of emergencies in every
//! district with plausible times; one district (Scharnhorst in Dortmund,
//! the last district otherwise) is slow enough to fall below 80 %.

use chrono::{Duration, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::model::{DispatchRecord, StartPoint, Target};
use super::store::{self, Settings};
use crate::platform::clock::Clock;
use crate::platform::db::Db;
use crate::platform::tenants::{self, Tenant};

/// The demo's targets: 8 minutes in 90 % of cases, 12 minutes in the
/// outer districts Mengede and Lütgendortmund.
pub async fn seed(db: &Db, tenant: &Tenant, clock: &Clock) -> anyhow::Result<()> {
    let codes: Vec<String> = tenants::districts(db, tenant.id)
        .await?
        .into_iter()
        .map(|d| d.code)
        .collect();
    let mut targets = vec![Target::default_target()];
    for outer in ["mengede", "luetgendortmund"] {
        if codes.iter().any(|c| c == outer) {
            targets.push(Target {
                district: outer.into(),
                category: "*".into(),
                seconds: 12 * 60,
                share_percent: 90,
            });
        }
    }
    let mut tx = db.begin().await?;
    store::save(
        &mut tx,
        tenant.id,
        Settings {
            start_point: StartPoint::Call,
            threshold_percent: 80,
        },
        &targets,
        clock.now_ts(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A standard normal draw (sum of twelve uniforms).
fn normal(rng: &mut StdRng) -> f64 {
    (0..12).map(|_| rng.gen::<f64>()).sum::<f64>() - 6.0
}

/// Writes `count` dispatch records spread over the 365 days before now.
pub async fn generate(
    db: &Db,
    tenant: &Tenant,
    clock: &Clock,
    count: usize,
    seed: u64,
) -> anyhow::Result<usize> {
    let districts = tenants::districts(db, tenant.id).await?;
    if districts.is_empty() {
        anyhow::bail!("the tenant has no districts");
    }
    let slow = districts
        .iter()
        .position(|d| d.code == "scharnhorst")
        .unwrap_or(districts.len() - 1);
    let tz: chrono_tz::Tz = tenant
        .time_zone
        .parse()
        .unwrap_or(chrono_tz::Europe::Berlin);
    let now = clock.now();
    let mut rng = StdRng::seed_from_u64(seed);
    let mut batch = Vec::with_capacity(5000);
    let mut written = 0;
    for i in 0..count {
        let di = rng.gen_range(0..districts.len());
        let d = &districts[di];
        let outer = d.code == "mengede" || d.code == "luetgendortmund";
        // Median drive time in seconds: slower in the outer districts
        // (their target is 12 minutes) and in the one under-served district.
        let base = if di == slow {
            360.0
        } else if outer {
            400.0
        } else {
            250.0
        };
        let called = now - Duration::seconds(rng.gen_range(3600..365 * 86_400));
        let to_dispatch = rng.gen_range(25..95);
        let drive = (base * (0.35 * normal(&mut rng)).exp()).clamp(60.0, 3000.0) as i64;
        let dispatched = called + Duration::seconds(to_dispatch);
        let arrived = dispatched + Duration::seconds(drive);
        if arrived > now {
            continue;
        }
        batch.push(DispatchRecord {
            incident_id: format!("{}-{seed}-{i:07}", tenant.slug.as_str()),
            district_code: d.code.clone(),
            category: if rng.gen_bool(0.8) {
                "notfall".into()
            } else {
                "notarzt".into()
            },
            called_at: called,
            dispatched_at: dispatched,
            arrived_at: arrived,
            month: called.with_timezone(&tz).format("%Y-%m").to_string(),
        });
        if batch.len() == 5000 {
            written += flush(db, tenant, &mut batch).await?;
        }
    }
    written += flush(db, tenant, &mut batch).await?;
    Ok(written)
}

async fn flush(db: &Db, tenant: &Tenant, batch: &mut Vec<DispatchRecord>) -> anyhow::Result<usize> {
    if batch.is_empty() {
        return Ok(0);
    }
    let mut tx = db.begin().await?;
    store::upsert(&mut tx, tenant.id, batch, Utc::now().into()).await?;
    tx.commit().await?;
    let n = batch.len();
    batch.clear();
    Ok(n)
}

/// `vertrauensnetz generate dispatch --tenant T --count N`.
pub async fn generate_cli(
    config: &crate::platform::config::Config,
    tenant: &str,
    count: usize,
    seed: u64,
) -> anyhow::Result<usize> {
    let db = crate::operator::open(config).await?;
    let registry = crate::platform::tenants::TenantRegistry::load(db.clone()).await?;
    let t = registry
        .get(tenant)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no tenant {tenant}"))?;
    let n = generate(&db, &t, &Clock::default(), count, seed).await?;
    db.close().await;
    Ok(n)
}
