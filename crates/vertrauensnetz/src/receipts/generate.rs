//! `vertrauensnetz generate receipts`: simulated receipts with a known
//! darkness effect (`stats::sim`), signed, chained and self-described like
//! real ones, so the evaluation can be checked against the truth. The
//! population benchmark is filled with demo figures (marked `demo`) when
//! the tenant has none. Actor of every entry: `system`.

use anyhow::{anyhow, Context};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use uuid::Uuid;

use super::model::{self, Agency, NewReceipt};
use super::{keys::Keyring, local_day, sign_row, store, Sky};
use crate::platform::audit::Actor;
use crate::platform::config::Config;
use crate::platform::db::Timestamp;
use crate::platform::tenants;

/// What to generate.
#[derive(Debug, Clone)]
pub struct Generate {
    pub tenant: String,
    pub count: usize,
    pub darkness_effect: f64,
    pub seed: u64,
    /// Share of stops with a self-description (0–1).
    pub described: f64,
    /// Only self-descriptions (for evaluation benchmarks at scale: no
    /// signing, no chain entries).
    pub descriptions_only: bool,
}

/// The group the simulation's "in group" persons describe themselves as.
pub const FOCUS_GROUP: &str = "black";

const BATCH: usize = 500;

/// Generates and stores; returns the number of receipts (or descriptions).
pub async fn run(config: &Config, g: &Generate) -> anyhow::Result<usize> {
    let db = crate::operator::open(config).await?;
    let keys = Keyring::open(&config.data_dir).map_err(|e| anyhow!("{e}"))?;
    let tenant = {
        let mut tx = db.begin().await?;
        let t = tenants::tenant_by_slug_tx(&mut tx, &g.tenant)
            .await?
            .ok_or_else(|| anyhow!("no tenant {}", g.tenant))?;
        tx.commit().await?;
        t
    };
    let mut districts: Vec<String> = tenants::districts(&db, tenant.id)
        .await?
        .into_iter()
        .map(|d| d.name)
        .collect();
    if districts.is_empty() {
        districts.push("Mitte".into());
    }
    let tz = super::tenant_tz(&tenant);
    let year = chrono::Datelike::year(&chrono::Utc::now()) - 1;
    let cfg = stats::sim::SimConfig {
        count: g.count,
        darkness_effect: g.darkness_effect,
        seed: g.seed,
        lat: tenant.centre_lat,
        lon: tenant.centre_lon,
        tz,
        year,
        base: -1.0,
        districts: districts.len(),
    };
    let stops = stats::sim::simulate(&cfg);
    let mut rng = StdRng::seed_from_u64(g.seed ^ 0x5eed);
    let now = Timestamp::truncated(chrono::Utc::now());
    let key = keys
        .active(&db, tenant.id, now)
        .await
        .map_err(|e| anyhow!("{e}"))?;
    let settings = store::settings(&db, tenant.id).await?;
    let others = [
        "white_german",
        "white_german",
        "white_german",
        "turkish_arab",
        "eastern_european",
        "other",
    ];
    if g.descriptions_only {
        // Millions of rows go into an index ordered by district and group,
        // not by time: with SQLite's default 2 MiB page cache every insert
        // would read index pages from disk once the index outgrows it.
        let mut tx = db.begin().await?;
        if let crate::platform::db::Backend::Sqlite(c) = tx.backend() {
            sqlx::query("PRAGMA cache_size = -1048576")
                .execute(&mut *c)
                .await?;
        }
        tx.commit().await?;
    }
    let mut n = 0usize;
    let mut sky = Sky::new(&tenant);
    // Only self-descriptions: larger transactions, nothing signed.
    let batch = if g.descriptions_only {
        20 * BATCH
    } else {
        BATCH
    };
    for chunk in stops.chunks(batch) {
        let mut tx = db.begin().await?;
        let mut rows: Vec<(store::ReceiptRow, String)> = Vec::with_capacity(chunk.len());
        let mut described: Vec<(store::StopFacts, store::SelfDescription)> = Vec::new();
        for s in chunk {
            let agency = if rng.gen_bool(0.7) {
                Agency::Police
            } else {
                Agency::Kod
            };
            let bases: Vec<&model::LegalBasis> = settings.active_bases(agency).collect();
            let mut measures = vec!["identity_check".to_owned()];
            if s.searched {
                measures.push(
                    if rng.gen_bool(0.5) {
                        "search_person"
                    } else {
                        "search_belongings"
                    }
                    .to_owned(),
                );
            }
            let outcome = if s.hit {
                ["admin_offence_report", "criminal_complaint", "arrest"][rng.gen_range(0..3)]
            } else if rng.gen_bool(0.2) {
                "warning"
            } else {
                "no_action"
            };
            let group = if s.in_group {
                FOCUS_GROUP
            } else {
                others[rng.gen_range(0..others.len())]
            };
            let r = NewReceipt {
                agency,
                stopped_at: s.at,
                district: districts[s.district.min(districts.len() - 1)].clone(),
                lat: None,
                lon: None,
                legal_basis: bases
                    .get(rng.gen_range(0..bases.len().max(1)))
                    .map(|b| b.code.clone())
                    .unwrap_or_default(),
                reason: model::REASONS[rng.gen_range(0..model::REASONS.len())].to_owned(),
                reason_text: String::new(),
                measures,
                outcome: outcome.to_owned(),
                persons: 1,
                service_number: None,
                given: rng.gen_bool(0.9),
                perceived_group: settings.officer_groups.then(|| group.to_owned()),
            };
            let describe = rng.gen_bool(g.described.clamp(0.0, 1.0));
            let d = describe.then(|| store::SelfDescription {
                age_band: model::AGE_BANDS[rng.gen_range(0..model::AGE_BANDS.len())].to_owned(),
                gender: model::GENDERS[rng.gen_range(0..model::GENDERS.len())].to_owned(),
                group: group.to_owned(),
                respectful: model::RESPECTFUL[rng.gen_range(0..model::RESPECTFUL.len())].to_owned(),
                explained: model::EXPLAINED[rng.gen_range(0..model::EXPLAINED.len())].to_owned(),
            });
            let searched = r.measures.iter().any(|m| model::is_search(m));
            let hit = model::is_hit(&r.outcome);
            if g.descriptions_only {
                if let Some(d) = d {
                    let facts = sky.facts(s.at, agency.as_str(), &r.district, searched, hit);
                    described.push((facts, d));
                }
                n += 1;
                continue;
            }
            let officer = format!(
                "{}-{}",
                if agency == Agency::Police { "PK" } else { "OD" },
                1000 + rng.gen_range(0..40)
            );
            let issued_at = Timestamp::truncated(s.at + chrono::Duration::minutes(2));
            let row = sign_row(&tenant, &key, &r, &officer, model::new_number(), issued_at)
                .map_err(|e| anyhow!("{e}"))?;
            if let Some(d) = d.filter(|_| row.given) {
                let facts = sky.facts(s.at, agency.as_str(), &r.district, searched, hit);
                let mark = keys.keyed_hash("receipt-feedback", tenant.id, &row.number);
                store::take_mark(&mut tx, tenant.id, &mark).await?;
                described.push((facts, d));
            }
            let day = local_day(&tenant, issued_at.0);
            rows.push((row, day));
            n += 1;
        }
        let prepared: Vec<store::Prepared<'_>> = rows
            .iter()
            .map(|(row, day)| store::Prepared {
                receipt_id: row.receipt_id,
                row,
                issued_day: day.clone(),
                issued_by: Uuid::nil(),
                actor: Actor::System,
            })
            .collect();
        store::insert_many(&mut tx, tenant.id, &prepared)
            .await
            .context("storing receipts")?;
        store::insert_descriptions(&mut tx, tenant.id, &described)
            .await
            .context("storing self-descriptions")?;
        tx.commit().await?;
    }
    if store::population(&db, tenant.id).await?.is_empty() {
        let mut rows = Vec::new();
        for d in &districts {
            for (grp, share) in [
                ("white_german", 0.62),
                ("black", 0.04),
                ("turkish_arab", 0.14),
                ("eastern_european", 0.10),
                ("asian", 0.03),
                ("sinti_roma", 0.01),
                ("other", 0.06),
            ] {
                rows.push((d.clone(), grp.to_owned(), (50_000.0 * share) as i64));
            }
        }
        let mut tx = db.begin().await?;
        store::replace_population(&mut tx, tenant.id, &rows, "demo").await?;
        tx.commit().await?;
    }
    db.close().await;
    Ok(n)
}

/// `vertrauensnetz receipts rotate-key`: retires the tenant's signing key
/// and creates a new one; prints the new key id.
pub async fn rotate(config: &Config, tenant: &str) -> anyhow::Result<String> {
    let db = crate::operator::open(config).await?;
    let keys = Keyring::open(&config.data_dir).map_err(|e| anyhow!("{e}"))?;
    let mut tx = db.begin().await?;
    let t = tenants::tenant_by_slug_tx(&mut tx, tenant)
        .await?
        .ok_or_else(|| anyhow!("no tenant {tenant}"))?;
    let now = Timestamp::truncated(chrono::Utc::now());
    let kid = keys
        .rotate(&mut tx, t.id, now)
        .await
        .map_err(|e| anyhow!("{e}"))?;
    crate::platform::audit::append(
        &mut tx,
        t.id,
        now,
        &crate::platform::audit::Entry::new(
            Actor::System,
            "receipt.key.rotate",
            "receipt_key",
            &kid,
        ),
    )
    .await?;
    tx.commit().await?;
    db.close().await;
    Ok(kid)
}
