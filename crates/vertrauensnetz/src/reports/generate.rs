//! Generated reports: the demo's few hundred realistic ones and the load
//! generator (`vertrauensnetz generate reports --count 1000000`), both
//! written with multi-row inserts in large transactions.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use uuid::Uuid;

use super::model::{Category, Kind};
use super::store::{self, BulkRow};
use crate::platform::db::{Db, Timestamp};
use crate::platform::tenants::{District, Tenant};

/// Texts of realistic reports by category code (public, no personal data).
fn texts(code: &str) -> &'static [&'static str] {
    match code {
        "street-lighting" => &[
            "Straßenlaterne vor der Hausnummer 12 ist seit Tagen dunkel.",
            "Drei Laternen hintereinander ausgefallen, der Fußweg ist nachts stockdunkel.",
            "Laterne flackert ständig und geht immer wieder aus.",
        ],
        "elevator" => &[
            "Aufzug an der Stadtbahnhaltestelle außer Betrieb, kein Hinweis auf Ersatz.",
            "Rolltreppe zum Bahnsteig steht still.",
        ],
        "traffic-light" => &[
            "Fußgängerampel zeigt dauerhaft Rot.",
            "Ampel an der Kreuzung ist komplett ausgefallen.",
            "Akustisches Signal der Blindenampel funktioniert nicht.",
        ],
        "damaged-path" => &[
            "Tiefes Schlagloch im Radweg, Sturzgefahr.",
            "Gehwegplatten angehoben, Stolperfalle für Rollatoren.",
            "Bordstein abgesenkt fehlt, mit Rollstuhl nicht passierbar.",
        ],
        "illegal-dumping" => &[
            "Sperrmüll am Straßenrand abgeladen (Matratzen, Schrank).",
            "Bauschutt im Gebüsch neben dem Spielplatz.",
        ],
        "graffiti" => &[
            "Großflächige Schmiererei an der Unterführung.",
            "Beleidigende Parolen an der Bushaltestelle.",
        ],
        "other-defect" => &["Parkbank zerbrochen.", "Kanaldeckel klappert laut."],
        "poorly-lit" => &[
            "Unterführung zum Bahnhof ist abends sehr dunkel, man sieht nicht, wer entgegenkommt.",
            "Weg durch den Park ohne jede Beleuchtung.",
        ],
        "isolated" => &[
            "Langer Fußweg hinter dem Gewerbegebiet, abends menschenleer.",
            "Abgelegener Parkplatz, keine Einsicht von der Straße.",
        ],
        "harassment" => &[
            "An der Haltestelle werden Frauen abends regelmäßig angesprochen und bedrängt.",
            "Gruppe pöbelt Passantinnen und Passanten am Platz an.",
        ],
        "drug-scene" => &[
            "Offener Drogenkonsum im Hauseingang, Spritzen liegen herum.",
            "Handel am Spielplatz am frühen Abend.",
        ],
        _ => &["Ort wirkt bedrohlich, besonders nach Einbruch der Dunkelheit."],
    }
}

const STREETS: &[&str] = &[
    "Hansastraße",
    "Kampstraße",
    "Münsterstraße",
    "Mallinckrodtstraße",
    "Hörder Bahnhofstraße",
    "Evinger Straße",
    "Westfalendamm",
    "Rheinische Straße",
    "Brackeler Hellweg",
    "Aplerbecker Marktplatz",
    "Harkortstraße",
    "Mengeder Straße",
];

const OPEN_STATUSES: &[&str] = &["open", "acknowledged", "in_progress", "scheduled"];
const CLOSED_STATUSES: &[&str] = &[
    "fixed",
    "fixed",
    "fixed",
    "not_fixed",
    "duplicate",
    "not_responsible",
    "referred",
];
const TIMES: &[&str] = &["morning", "day", "evening", "night", "night", "evening"];

/// Makes `count` reports spread over the tenant's districts (around their
/// centres) and the last two years, and inserts them in batches.
/// `realistic` keeps addresses and texts varied for the demo.
pub async fn reports(
    db: &Db,
    tenant: &Tenant,
    categories: &[Category],
    districts: &[District],
    count: usize,
    now: Timestamp,
    seed: u64,
) -> anyhow::Result<usize> {
    let mut rng = StdRng::seed_from_u64(seed);
    let cats: Vec<&Category> = categories.iter().filter(|c| c.active).collect();
    let places: Vec<(&District, f64, f64)> = districts
        .iter()
        .filter_map(|d| Some((d, d.centre_lat?, d.centre_lon?)))
        .collect();
    if cats.is_empty() || places.is_empty() {
        anyhow::bail!("the tenant has no categories or no districts with centres");
    }
    let mut done = 0;
    const TX_ROWS: usize = 20_000;
    while done < count {
        let n = TX_ROWS.min(count - done);
        let mut rows: Vec<BulkRow> = Vec::with_capacity(n);
        let mut assignments = Vec::with_capacity(n * 2);
        for _ in 0..n {
            let cat = cats[rng.gen_range(0..cats.len())];
            let (d, clat, clon) = places[rng.gen_range(0..places.len())];
            // Within about 1.5 km of the district centre.
            let lat = clat + rng.gen_range(-0.0135..0.0135);
            let lon = clon + rng.gen_range(-0.0215..0.0215);
            let age_min = rng.gen_range(0..(2 * 365 * 24 * 60)) as i64;
            let created = Timestamp::truncated(now.0 - chrono::Duration::minutes(age_min));
            let closed = age_min > 14 * 24 * 60 && rng.gen_bool(0.7);
            let status: &'static str = if closed {
                CLOSED_STATUSES[rng.gen_range(0..CLOSED_STATUSES.len())]
            } else {
                OPEN_STATUSES[rng.gen_range(0..OPEN_STATUSES.len())]
            };
            let t = texts(&cat.code);
            let text = t[rng.gen_range(0..t.len())].to_owned();
            let address = format!(
                "{} {}",
                STREETS[rng.gen_range(0..STREETS.len())],
                rng.gen_range(1..120)
            );
            let time =
                (cat.kind == Kind::UnsafePlace).then(|| TIMES[rng.gen_range(0..TIMES.len())]);
            let id = Uuid::now_v7();
            let ack =
                Timestamp::truncated(created.0 + chrono::Duration::hours(i64::from(cat.ack_hours)));
            let resolve = Timestamp::truncated(
                created.0 + chrono::Duration::hours(i64::from(cat.resolve_hours)),
            );
            let closed_at = closed.then(|| {
                Timestamp::truncated(created.0 + chrono::Duration::hours(rng.gen_range(1..24 * 30)))
            });
            rows.push((
                id,
                cat.id,
                cat.kind.as_str(),
                status,
                d.code.clone(),
                lat,
                lon,
                address,
                text,
                time,
                created,
                ack,
                resolve,
                closed_at,
            ));
            for dep in cat.departments_for(Some(&d.code)) {
                assignments.push((id, dep));
            }
        }
        let mut tx = db.begin().await?;
        store::insert_bulk(&mut tx, tenant.id, &rows, &assignments).await?;
        tx.commit().await?;
        done += n;
    }
    db.refresh_after_bulk_load(&["reports", "report_assignments"])
        .await?;
    Ok(done)
}
