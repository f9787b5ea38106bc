//! Demo data: Dortmund's four deployment areas (Mitte, Nord, Ost, West,
//! aligned with the police inspections) with 30 police and 40 KOD staff,
//! units, a month of incidents and the committee's priority for the
//! Nordstadt; Lünen with a smaller set.

use chrono::{Duration, Timelike};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use uuid::Uuid;

use super::model::{self, to_local};
use super::store;
use crate::platform::clock::Clock;
use crate::platform::db::{Db, Timestamp};
use crate::platform::tenants::{district_code, Tenant};

struct Setup {
    areas: &'static [(&'static str, &'static [&'static str], Option<&'static str>)],
    police: usize,
    kod: usize,
    units: usize,
    incidents_per_day: usize,
    /// The area the committee prioritises in the evening, with its reason.
    focus: Option<(&'static str, &'static str)>,
}

const DORTMUND: Setup = Setup {
    areas: &[
        ("Mitte", &["Innenstadt-West", "Innenstadt-Ost"], None),
        ("Nord", &["Innenstadt-Nord", "Eving", "Scharnhorst"], Some("de_escalation")),
        ("Ost", &["Brackel", "Aplerbeck", "Hörde"], None),
        ("West", &["Hombruch", "Lütgendortmund", "Huckarde", "Mengede"], None),
    ],
    police: 30,
    kod: 40,
    units: 10,
    incidents_per_day: 10,
    focus: Some((
        "Nord",
        "Nordstadt: Sicherheitsgefühl am Abend rund um Nordmarkt und Münsterstraße (Ausschussbeschluss)",
    )),
};

const LUENEN: Setup = Setup {
    areas: &[
        (
            "Mitte",
            &["Lünen-Mitte", "Lünen-Nord", "Altlünen", "Gahmen"],
            None,
        ),
        (
            "Süd",
            &["Lünen-Süd", "Brambauer", "Horstmar", "Niederaden"],
            None,
        ),
    ],
    police: 6,
    kod: 8,
    units: 3,
    incidents_per_day: 3,
    focus: None,
};

pub async fn seed(db: &Db, tenants: &[&Tenant], clock: &Clock) -> anyhow::Result<()> {
    for t in tenants {
        let setup = match t.slug.as_str() {
            "dortmund" => &DORTMUND,
            "luenen" => &LUENEN,
            _ => continue,
        };
        seed_one(db, t, setup, clock).await?;
    }
    Ok(())
}

async fn seed_one(db: &Db, tenant: &Tenant, s: &Setup, clock: &Clock) -> anyhow::Result<()> {
    let now = clock.now();
    let ts = clock.now_ts();
    let mut rng = StdRng::seed_from_u64(8);
    let districts = crate::platform::tenants::districts(db, tenant.id).await?;
    let centre = |name: &str| {
        districts
            .iter()
            .find(|d| d.name == name)
            .and_then(|d| Some((d.centre_lat?, d.centre_lon?)))
            .unwrap_or((tenant.centre_lat, tenant.centre_lon))
    };
    let mut tx = db.begin().await?;
    let mut area_ids = Vec::new();
    for (n, (name, ds, required)) in s.areas.iter().enumerate() {
        let id = Uuid::now_v7();
        let codes: Vec<String> = ds.iter().map(|d| district_code(d)).collect();
        store::insert_area(
            &mut tx,
            tenant.id,
            &store::AreaRow {
                area_id: id,
                name: (*name).into(),
                position: i32::try_from(n).unwrap_or(0),
                required_qualification: required.map(str::to_owned),
            },
            &codes,
        )
        .await?;
        area_ids.push(id);
    }
    let today = to_local(now, &tenant.time_zone).date();
    let languages = [
        "de",
        "de, en",
        "de, tr",
        "de, ar",
        "de, pl",
        "de, ru, uk",
        "de, en, fr",
    ];
    for (agency, prefix, count) in [("police", "P", s.police), ("kod", "K", s.kod)] {
        for n in 0..count {
            let id = Uuid::now_v7();
            let bands = if n % 9 == 4 { "early,late" } else { "" };
            store::insert_staff(
                &mut tx,
                tenant.id,
                &store::StaffRow {
                    staff_id: id,
                    service_number: format!(
                        "{prefix}-{}{:03}",
                        if tenant.slug.as_str() == "luenen" {
                            5
                        } else {
                            1
                        },
                        n + 1
                    ),
                    agency: agency.into(),
                    languages: languages[n % languages.len()].into(),
                    max_week_minutes: if n % 5 == 0 { 30 * 60 } else { 40 * 60 },
                    bands: bands.into(),
                    active: true,
                },
                ts,
            )
            .await?;
            for (q, every) in [
                ("bodycam", 1),
                ("de_escalation", 2),
                ("baton", 3),
                ("mental_crisis", 4),
                ("anti_discrimination", 3),
            ] {
                if n % every == 0 || (q == "anti_discrimination" && agency == "kod" && n % 2 == 1) {
                    store::insert_qualification(
                        &mut tx,
                        tenant.id,
                        &store::QualificationRow {
                            staff_id: id,
                            name: q.into(),
                            since_day: (today - Duration::days(30 + (n as i64 * 17) % 700))
                                .to_string(),
                            until_day: None,
                        },
                    )
                    .await?;
                }
            }
            if n % 11 == 3 {
                let start = today + Duration::days((n as i64) % 10);
                store::insert_absence(
                    &mut tx,
                    tenant.id,
                    &store::AbsenceRow {
                        staff_id: id,
                        starts_at: Timestamp::from(model::to_utc(
                            start.and_hms_opt(0, 0, 0).unwrap_or_default(),
                            &tenant.time_zone,
                        )),
                        ends_at: Timestamp::from(model::to_utc(
                            (start + Duration::days(5))
                                .and_hms_opt(0, 0, 0)
                                .unwrap_or_default(),
                            &tenant.time_zone,
                        )),
                        kind: "leave".into(),
                    },
                )
                .await?;
            }
        }
    }
    // Units: a joint car per area and foot patrols, at district centres.
    let all_districts: Vec<&str> = s.areas.iter().flat_map(|a| a.1.iter().copied()).collect();
    for n in 0..s.units {
        let (lat, lon) = centre(all_districts[n % all_districts.len()]);
        let call_sign = format!("{}-{}", if n % 2 == 0 { "OP" } else { "KOD" }, 10 + n);
        store::insert_vehicle(
            &mut tx,
            tenant.id,
            &call_sign,
            if n % 2 == 0 { "car" } else { "bicycle" },
        )
        .await?;
        store::insert_unit(
            &mut tx,
            tenant.id,
            &store::UnitRow {
                unit_id: Uuid::now_v7(),
                call_sign,
                agency: "joint".into(),
                qualifications: match n % 3 {
                    0 => "bodycam,de_escalation,mental_crisis",
                    1 => "bodycam,de_escalation",
                    _ => "bodycam",
                }
                .into(),
                lat: lat + rng.gen_range(-0.004..0.004),
                lon: lon + rng.gen_range(-0.006..0.006),
                status: if n % 4 == 3 { 6 } else { 1 + (n % 2) as i32 },
                status_at: ts,
                patrol_id: None,
                crew: String::new(),
            },
        )
        .await?;
    }
    // A month of incidents, more in the evening and in the first area
    // with a required qualification (the Nordstadt in Dortmund).
    let kinds = [
        "disturbance",
        "noise",
        "dispute",
        "person_in_crisis",
        "youth_protection",
        "littering",
        "traffic",
        "other",
    ];
    for day in 1..=30i64 {
        for k in 0..s.incidents_per_day {
            let a = if k % 3 == 0 {
                1 % s.areas.len()
            } else {
                rng.gen_range(0..s.areas.len())
            };
            let hour = if k % 2 == 0 {
                rng.gen_range(17..24)
            } else {
                rng.gen_range(6..24)
            };
            let at = now - Duration::days(day);
            let at = at.with_hour(hour % 24).unwrap_or(at);
            let district = s.areas[a].1[rng.gen_range(0..s.areas[a].1.len())];
            let (lat, lon) = centre(district);
            store::insert_incident(
                &mut tx,
                tenant.id,
                &store::IncidentRow {
                    incident_id: Uuid::now_v7(),
                    reference: crate::accountability::reference("E"),
                    source: ["phone", "radio", "app", "report"][k % 4].into(),
                    kind: kinds[rng.gen_range(0..kinds.len())].into(),
                    priority: 1 + (k % 3) as i32,
                    lat: Some(lat + rng.gen_range(-0.003..0.003)),
                    lon: Some(lon + rng.gen_range(-0.004..0.004)),
                    address: String::new(),
                    district_code: Some(district_code(district)),
                    area_id: Some(area_ids[a]),
                    description: String::new(),
                    required_qualification: None,
                    status: "closed".into(),
                    created_at: Timestamp::from(at),
                    closed_at: Some(Timestamp::from(at + Duration::minutes(50))),
                },
            )
            .await?;
        }
    }
    if let Some((area, reason)) = s.focus {
        if let Some(i) = s.areas.iter().position(|a| a.0 == area) {
            let by = Uuid::nil();
            let earlier = Timestamp::from(now - Duration::days(60));
            store::set_focus(
                &mut tx,
                tenant.id,
                area_ids[i],
                "late",
                1.0,
                "Nordstadt: Beschwerden über Lärm und Verunreinigung am Abend",
                by,
                earlier,
            )
            .await?;
            store::set_focus(&mut tx, tenant.id, area_ids[i], "late", 2.0, reason, by, ts).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}
