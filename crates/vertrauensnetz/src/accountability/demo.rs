//! Demo data. [`designate`] runs in `demo::seed` (every test server): the
//! demo police and order-service accounts supervise their agency and the
//! demo department accounts manage the follow-up of attacks. [`seed_year`]
//! runs only in `vertrauensnetz demo`: a year of uses of force, bodycam
//! activations and attack reports in Dortmund with realistic variation
//! (more in summer and at weekends' nights, most without injuries).

use chrono::{Datelike, Duration, Timelike};
use uuid::Uuid;

use super::model::{AttackFacts, BodycamFacts, ForceFacts};
use super::{store, ATTACK_MANAGER, SUPERVISOR};
use crate::platform::clock::Clock;
use crate::platform::db::{Db, Timestamp};
use crate::platform::tenants::Tenant;

async fn user(db: &Db, login: &str) -> anyhow::Result<Option<Uuid>> {
    Ok(crate::platform::auth::store::user_by_login(db, login)
        .await?
        .map(|u| u.user_id))
}

/// Designates the demo supervisors and follow-up managers.
pub async fn designate(db: &Db, tenants: &[&Tenant], now: Timestamp) -> anyhow::Result<()> {
    let police = user(db, "police@polizei-dortmund.example").await?;
    let mut tx = db.begin().await?;
    for t in tenants {
        if let Some(p) = police {
            store::designate(&mut tx, t.id, p, SUPERVISOR, "police", now).await?;
        }
        if let Some(k) = user(db, &format!("kod@{}.example", t.slug)).await? {
            store::designate(&mut tx, t.id, k, SUPERVISOR, "kod", now).await?;
        }
        if let Some(d) = user(db, &format!("department@{}.example", t.slug)).await? {
            store::designate(&mut tx, t.id, d, ATTACK_MANAGER, "all", now).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// A small deterministic generator (the demo is the same on every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const PLACES: &[&str] = &[
    "Hauptbahnhof, Nordausgang",
    "Nordmarkt",
    "Keuning-Park",
    "Westenhellweg",
    "Stadtgarten",
    "Platz von Leeds",
    "Brückstraße",
    "U-Bahn-Station Kampstraße",
    "Friedensplatz",
    "Phoenix-See, Promenade",
];

/// A year of records for Dortmund. Returns (force, bodycam, attacks).
pub async fn seed_year(
    db: &Db,
    clock: &Clock,
    tenant: &Tenant,
) -> anyhow::Result<(usize, usize, usize)> {
    let now = clock.now();
    let kod = user(db, &format!("kod@{}.example", tenant.slug)).await?;
    let police = user(db, "police@polizei-dortmund.example").await?;
    let rescue = user(db, &format!("rescue@{}.example", tenant.slug)).await?;
    let (Some(kod), Some(police), Some(rescue)) = (kod, police, rescue) else {
        return Ok((0, 0, 0));
    };
    let districts: Vec<String> = crate::platform::tenants::districts(db, tenant.id)
        .await?
        .into_iter()
        .map(|d| d.name)
        .collect();
    let mut rng = Lcg(0x5eed_0009);
    let mut tx = db.begin().await?;
    let (mut nf, mut nb, mut na) = (0, 0, 0);
    for day in 1..=365i64 {
        let date = now - Duration::days(day);
        let summer = matches!(date.month(), 5..=9);
        let weekend = date.weekday().number_from_monday() >= 5;
        let per_day = 1 + u64::from(summer) + u64::from(weekend);
        let force_today = rng.below(per_day + 1);
        for _ in 0..force_today {
            let hour = if rng.chance(60) {
                18 + rng.below(6)
            } else {
                8 + rng.below(10)
            };
            let at = date
                .with_hour(hour as u32)
                .and_then(|t| t.with_minute(rng.below(60) as u32))
                .unwrap_or(date);
            let kind = match rng.below(100) {
                0..=39 => "physical_force",
                40..=64 => "handcuffs",
                65..=74 => "baton_drawn",
                75..=78 => "baton_used",
                79..=90 => "pepper_spray",
                _ => "other",
            };
            let agency_kod = rng.chance(55);
            let affected = 1 + rng.below(3) as i64;
            let injured = if rng.chance(15) { 1 } else { 0 };
            let f = ForceFacts {
                kind,
                occurred_at: at,
                district: districts
                    .get(rng.below(districts.len() as u64) as usize)
                    .cloned()
                    .unwrap_or_default(),
                place: PLACES[rng.below(PLACES.len() as u64) as usize].to_owned(),
                circumstances: "Person widersetzte sich der Identitätsfeststellung nach wiederholter Aufforderung.".to_owned(),
                persons_affected: affected,
                persons_injured: injured,
                medical_aid: injured > 0 && rng.chance(70),
                own_injuries: rng.chance(8),
                warning_given: rng.chance(85),
                order_to_leave: rng.chance(30),
                bodycam_on: rng.chance(72),
                witnesses: String::new(),
                patrol_ref: String::new(),
                stop_receipt: String::new(),
            };
            let id = Uuid::now_v7();
            let by = if agency_kod { kod } else { police };
            store::insert_force(
                &mut tx,
                tenant.id,
                id,
                &super::reference("UZ"),
                if agency_kod { "kod" } else { "police" },
                &f,
                by,
                Timestamp::truncated(at + Duration::hours(1)),
            )
            .await?;
            if day > 3 && rng.chance(92) {
                let hours = if rng.chance(85) {
                    4 + rng.below(60)
                } else {
                    80 + rng.below(100)
                };
                let reviewer = if agency_kod { police } else { kod };
                crate::on_db!(tx, c => sqlx::query(
                    "UPDATE force_records SET reviewed_by = $3, reviewed_at = $4, review_comment = $5
                     WHERE tenant_id = $1 AND record_id = $2")
                    .bind(tenant.id.as_uuid()).bind(id).bind(reviewer)
                    .bind(Timestamp::truncated(at + Duration::hours(hours as i64)))
                    .bind("Einsatz nachbesprochen; verhältnismäßig.")
                    .execute(c).await.map(|_| ()))?;
            }
            nf += 1;
        }
        for _ in 0..rng.below(per_day + 1) {
            let at = date.with_hour(20).unwrap_or(date) + Duration::minutes(rng.below(240) as i64);
            let b = BodycamFacts {
                started_at: at,
                stopped_at: Some(at + Duration::minutes(3 + rng.below(20) as i64)),
                reason: ["danger", "order_to_leave", "baton", "pepper_spray", "other"]
                    [rng.below(5) as usize],
                note: String::new(),
                district: districts
                    .get(rng.below(districts.len() as u64) as usize)
                    .cloned()
                    .unwrap_or_default(),
                announced: rng.chance(90),
                evidence: rng.chance(30),
            };
            store::insert_bodycam(
                &mut tx,
                tenant.id,
                Uuid::now_v7(),
                if rng.chance(60) { "kod" } else { "police" },
                &b,
                kod,
                Timestamp::truncated(at),
                Timestamp::truncated(at + Duration::days(14)),
            )
            .await?;
            nb += 1;
        }
        if rng.chance(if summer { 35 } else { 20 }) {
            let at = date.with_hour(22).unwrap_or(date) - Duration::minutes(rng.below(600) as i64);
            let (reporter, role) = match rng.below(3) {
                0 => (kod, "kod"),
                1 => (police, "police"),
                _ => (rescue, "rescue"),
            };
            let mut kinds = vec!["verbal"];
            if rng.chance(35) {
                kinds.push("physical");
            }
            if rng.chance(15) {
                kinds.push("property");
            }
            let a = AttackFacts {
                occurred_at: at,
                district: districts
                    .get(rng.below(districts.len() as u64) as usize)
                    .cloned()
                    .unwrap_or_default(),
                place: PLACES[rng.below(PLACES.len() as u64) as usize].to_owned(),
                situation: [
                    "patrol",
                    "order_to_leave",
                    "identity_check",
                    "rescue_operation",
                    "event",
                    "other",
                ][rng.below(6) as usize],
                injured: kinds.contains(&"physical") && rng.chance(40),
                kinds,
                description: "Beleidigt und bedrängt, als der Platzverweis ausgesprochen wurde."
                    .to_owned(),
                injuries: String::new(),
                witnesses: "Kollegin im Streifendienst".to_owned(),
                bodycam: rng.chance(40),
            };
            let id = Uuid::now_v7();
            store::insert_attack(
                &mut tx,
                tenant.id,
                id,
                &super::reference("AM"),
                reporter,
                role,
                &a,
                Timestamp::truncated(at + Duration::minutes(30)),
            )
            .await?;
            if day > 2 {
                let level = if a.injured { "urgent" } else { "normal" };
                store::triage(
                    &mut tx,
                    tenant.id,
                    id,
                    level,
                    "",
                    kod,
                    Timestamp::truncated(at + Duration::hours(2)),
                )
                .await?;
                store::set_followup(
                    &mut tx,
                    tenant.id,
                    id,
                    "debrief",
                    "done",
                    "",
                    kod,
                    Timestamp::truncated(at + Duration::days(1)),
                )
                .await?;
            }
            na += 1;
        }
    }
    tx.commit().await?;
    Ok((nf, nb, na))
}
