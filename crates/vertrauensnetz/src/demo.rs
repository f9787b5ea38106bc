//! The demo data set: Dortmund and Lünen with their districts and one
//! account per role. Modules add their own content in [`seed`].

use std::path::Path;

use anyhow::Context;

use crate::platform::audit::{self, Actor, Entry};
use crate::platform::auth::{password, store, Role};
use crate::platform::clock::Clock;
use crate::platform::db::{Db, Tx};
use crate::platform::tenants::{self, district_code, DistrictInput, NewTenant, Tenant, TenantSlug};

/// A demo account as printed before serving.
#[derive(Debug, Clone)]
pub struct DemoAccount {
    pub tenant: String,
    pub role: Role,
    pub login: String,
    pub password: String,
}

impl std::fmt::Display for DemoAccount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "demo-account {} {} {} {}",
            self.tenant, self.role, self.login, self.password
        )
    }
}

/// The twelve city districts (Stadtbezirke) of Dortmund with approximate
/// centres; `import districts` replaces them with official boundaries.
pub const DORTMUND_DISTRICTS: &[(&str, f64, f64)] = &[
    ("Innenstadt-West", 51.5115, 7.4470),
    ("Innenstadt-Nord", 51.5275, 7.4600),
    ("Innenstadt-Ost", 51.5080, 7.4930),
    ("Eving", 51.5560, 7.4810),
    ("Scharnhorst", 51.5430, 7.5500),
    ("Brackel", 51.5230, 7.5560),
    ("Aplerbeck", 51.4880, 7.5610),
    ("Hörde", 51.4830, 7.5000),
    ("Hombruch", 51.4690, 7.4400),
    ("Lütgendortmund", 51.5010, 7.3460),
    ("Huckarde", 51.5370, 7.4130),
    ("Mengede", 51.5700, 7.3900),
];

/// The districts (Stadtteile) of Lünen.
pub const LUENEN_DISTRICTS: &[(&str, f64, f64)] = &[
    ("Lünen-Mitte", 51.6150, 7.5250),
    ("Lünen-Nord", 51.6290, 7.5250),
    ("Lünen-Süd", 51.5960, 7.5310),
    ("Altlünen", 51.6310, 7.5060),
    ("Alstedde", 51.6440, 7.4920),
    ("Nordlünen", 51.6450, 7.5330),
    ("Wethmar", 51.6390, 7.5640),
    ("Beckinghausen", 51.6160, 7.5600),
    ("Horstmar", 51.5930, 7.5640),
    ("Niederaden", 51.5820, 7.5620),
    ("Gahmen", 51.5880, 7.5060),
    ("Brambauer", 51.5860, 7.4360),
];

async fn tenant_with_districts(
    tx: &mut Tx,
    slug: &str,
    name: &str,
    jurisdiction: &str,
    centre: (f64, f64),
    districts: &[(&str, f64, f64)],
    now: crate::platform::db::Timestamp,
) -> anyhow::Result<Tenant> {
    let slug = TenantSlug::parse(slug).context("demo tenant slug")?;
    let t = tenants::create_tenant(
        tx,
        NewTenant {
            slug: &slug,
            name,
            jurisdiction_id: jurisdiction,
            time_zone: "Europe/Berlin",
            centre_lat: centre.0,
            centre_lon: centre.1,
        },
        now,
    )
    .await?;
    audit::append(
        tx,
        t.id,
        now,
        &Entry::new(Actor::System, "tenant.create", "tenant", t.id),
    )
    .await?;
    for (name, lat, lon) in districts {
        let d = DistrictInput {
            code: district_code(name),
            name: (*name).to_owned(),
            centre: Some((*lat, *lon)),
            geometry: None,
        };
        tenants::upsert_district(tx, t.id, &d).await?;
    }
    Ok(t)
}

fn display_name(role: Role, city: &str) -> String {
    let who = match role {
        Role::Partner => "Partnerorganisation",
        Role::Coordinator => "Kompetenzzentrum Dialog",
        Role::Police => "Polizeipräsidium",
        Role::Kod => "Kommunaler Ordnungsdienst",
        Role::Rescue => "Feuerwehr und Rettungsdienst",
        Role::Dispatcher => "KOD-Leitstelle",
        Role::Ombuds => "Beschwerdestelle",
        Role::Liaison => "Ansprechperson Beschwerdestelle",
        Role::Department => "Fachbereich Stadtbeleuchtung",
        Role::Committee => "Ausschussmitglied",
        Role::Evaluator => "Externe Evaluation",
        Role::Admin => "Administration",
    };
    format!("Demo {who} {city}")
}

/// Creates the demo data set in an empty, migrated database.
pub async fn seed(db: &Db, clock: &Clock) -> anyhow::Result<Vec<DemoAccount>> {
    let now = clock.now_ts();
    let mut tx = db.begin().await?;
    let dortmund = tenant_with_districts(
        &mut tx,
        "dortmund",
        "Dortmund",
        "dortmund.de",
        (51.5136, 7.4653),
        DORTMUND_DISTRICTS,
        now,
    )
    .await?;
    let luenen = tenant_with_districts(
        &mut tx,
        "luenen",
        "Lünen",
        "luenen.de",
        (51.6158, 7.5256),
        LUENEN_DISTRICTS,
        now,
    )
    .await?;
    tx.commit().await?;

    let mut accounts = Vec::new();
    for tenant in [&dortmund, &luenen] {
        for role in Role::ALL {
            let (login, tenants_of_account): (String, Vec<&Tenant>) = if role == Role::Police {
                // The headquarters serves both cities: one account, two grants.
                (
                    "police@polizei-dortmund.example".to_owned(),
                    vec![&dortmund, &luenen],
                )
            } else {
                (
                    format!("{}@{}.example", role.as_str(), tenant.slug),
                    vec![tenant],
                )
            };
            if role == Role::Police && tenant.id != dortmund.id {
                // Already created with the Dortmund pass; print it again for Lünen.
                if let Some(first) = accounts
                    .iter()
                    .find(|a: &&DemoAccount| a.role == Role::Police)
                {
                    let line = DemoAccount {
                        tenant: tenant.slug.to_string(),
                        role,
                        login: first.login.clone(),
                        password: first.password.clone(),
                    };
                    accounts.push(line);
                }
                continue;
            }
            let pw = password::generate();
            let hash = password::hash(pw.clone()).await?;
            let mut tx = db.begin().await?;
            let id = store::create_user(
                &mut tx,
                tenant.id,
                &login,
                &display_name(role, &tenant.name),
                &hash,
                role,
                now,
            )
            .await?;
            for extra in tenants_of_account.iter().skip(1) {
                store::grant_role(&mut tx, extra.id, id, role, now).await?;
            }
            audit::append(
                &mut tx,
                tenant.id,
                now,
                &Entry::new(Actor::System, "user.create", "user", id)
                    .details(serde_json::json!({ "role": role.as_str() })),
            )
            .await?;
            tx.commit().await?;
            accounts.push(DemoAccount {
                tenant: tenant.slug.to_string(),
                role,
                login,
                password: pw,
            });
        }
    }
    seed_events(db, &dortmund, now).await?;
    crate::reports::demo::seed_setup(db, &[&dortmund, &luenen]).await?;
    let extra = crate::network::demo::seed(
        db,
        &dortmund,
        "coordinator@dortmund.example",
        "partner@dortmund.example",
    )
    .await?;
    accounts.extend(extra);
    crate::network::demo::seed_events(db, &dortmund).await?;
    crate::public_info::demo::seed(db, &dortmund, clock).await?;
    crate::accountability::demo::designate(db, &[&dortmund, &luenen], now).await?;
    crate::surveys::demo::seed(db, &dortmund).await?;
    crate::response_targets::demo::seed(db, &dortmund, clock).await?;
    crate::patrols::demo::seed(db, &[&dortmund, &luenen], clock).await?;
    Ok(accounts)
}

/// The demo's events: the open conference of seed 000, the two forums of
/// 2025 (seed 001), a discussion round and a prevention event at a school.
async fn seed_events(
    db: &Db,
    tenant: &Tenant,
    now: crate::platform::db::Timestamp,
) -> anyhow::Result<()> {
    use crate::events::model::EventInput;
    let event = |title: &str,
                 description: &str,
                 kind: &str,
                 starts: &str,
                 ends: &str,
                 capacity: Option<i64>,
                 closes: Option<&str>,
                 place: (&str, &str)| EventInput {
        title: title.to_owned(),
        description: description.to_owned(),
        kind: kind.to_owned(),
        starts_at: starts.to_owned(),
        ends_at: ends.to_owned(),
        capacity,
        waitlist: capacity.is_some(),
        registration_opens_at: None,
        registration_closes_at: closes.map(str::to_owned),
        audience: "public".to_owned(),
        registration: Some(
            if capacity.is_some() {
                "required"
            } else {
                "optional"
            }
            .to_owned(),
        ),
        place_name: place.0.to_owned(),
        place_address: place.1.to_owned(),
        ..EventInput::default()
    };
    let haus = ("Haus der Vielfalt", "Zur Vielfalt 21, 44147 Dortmund");
    let events = [
        event(
            "Offene Konferenz: Dialog und Vertrauensförderung",
            "Das Netzwerk aus 13 zivilgesellschaftlichen Organisationen und dem Polizeipräsidium Dortmund informiert über die Kooperationsvereinbarung, die Arbeitsstrukturen und die bisherige Arbeit. Organisationen mit Sitz in Dortmund können ihr Interesse an einer Mitwirkung bekunden; das Bewerbungsverfahren wird erläutert.",
            "open_conference", "2025-11-28T16:00:00+01:00", "2025-11-28T19:00:00+01:00", Some(120), Some("2025-11-26T00:00:00+01:00"), haus,
        ),
        event(
            "Forum: Rassismus und Racial Profiling",
            "Polizei und Partnerorganisationen sprechen offen über Erfahrungen mit Diskriminierung bei Kontrollen und über Wege zu einer diskriminierungsfreien Polizeiarbeit.",
            "forum", "2025-03-20T18:00:00+01:00", "2025-03-20T20:30:00+01:00", Some(80), Some("2025-03-19T12:00:00+01:00"), haus,
        ),
        event(
            "Forum: Menschen in psychischen Ausnahmesituationen",
            "Wie geht die Polizei mit Menschen in psychischen Krisen um? Fachleute aus Beratungsstellen und Polizei berichten und beantworten Fragen.",
            "forum", "2025-09-18T18:00:00+02:00", "2025-09-18T20:30:00+02:00", Some(80), Some("2025-09-17T12:00:00+02:00"), haus,
        ),
        event(
            "Gesprächsrunde: Jugendliche und Polizei",
            "Ein offenes Gespräch zwischen jungen Erwachsenen und Beamtinnen und Beamten der Polizei Dortmund – ohne Mikrofon und ohne Bühne.",
            "discussion_round", "2026-12-10T17:00:00+01:00", "2026-12-10T19:00:00+01:00", Some(30), Some("2026-12-08T23:59:00+01:00"), ("Jugendfreizeitstätte Nordstadt", "Dortmund-Innenstadt-Nord"),
        ),
        event(
            "Präventionsveranstaltung: Messer machen nichts besser",
            "Aufklärung gegen das Tragen von Messern, mit Sozialarbeiterinnen und Sozialarbeitern und der Kriminalprävention der Polizei, für Schülerinnen und Schüler der Klassen 8 bis 10.",
            "prevention_event", "2027-01-21T10:00:00+01:00", "2027-01-21T12:00:00+01:00", None, None, ("Gesamtschule Scharnhorst", "Dortmund-Scharnhorst"),
        ),
    ];
    let topics: [&[&str]; 5] = [
        &["racism", "racial-profiling", "intercultural"],
        &["racism", "racial-profiling"],
        &["mental-crisis"],
        &["youth"],
        &["knife-prevention", "prevention", "youth"],
    ];
    let mut tx = db.begin().await?;
    for (mut input, topics) in events.into_iter().zip(topics) {
        input.topics = topics.iter().map(|t| (*t).to_owned()).collect();
        let e = input
            .parse()
            .map_err(|p| anyhow::anyhow!("demo event: {}", crate::events::model::detail(&p)))?;
        let id = crate::events::store::create_event(
            &mut tx,
            tenant.id,
            &e,
            &tenant.time_zone,
            None,
            now,
        )
        .await?;
        audit::append(
            &mut tx,
            tenant.id,
            now,
            &Entry::new(Actor::System, "event.create", "event", id),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The file that marks a data directory as the demo's own.
pub const DEMO_MARKER: &str = "DEMO-DATA.txt";

/// Removes an earlier demo database in `data_dir`, so each run is fresh.
///
/// A folder that holds a database but no demo marker is refused: `demo`
/// must never wipe a real installation named by `--data-dir` or
/// `VN_DATA_DIR`.
pub fn reset_data_dir(data_dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(data_dir)?;
    let marker = data_dir.join(DEMO_MARKER);
    if data_dir.join("vertrauensnetz.sqlite3").exists() && !marker.exists() {
        anyhow::bail!(
            "{} holds a database that the demo did not create; choose another --data-dir for the demo",
            data_dir.display()
        );
    }
    std::fs::write(
        &marker,
        "This folder holds demo data; `vertrauensnetz demo` replaces it on every start.\n",
    )?;
    for name in [
        "vertrauensnetz.sqlite3",
        "vertrauensnetz.sqlite3-wal",
        "vertrauensnetz.sqlite3-shm",
    ] {
        let p = data_dir.join(name);
        if p.exists() {
            std::fs::remove_file(&p).with_context(|| format!("cannot remove {}", p.display()))?;
        }
    }
    let mail = data_dir.join("mail");
    if mail.exists() {
        std::fs::remove_dir_all(&mail)
            .with_context(|| format!("cannot remove {}", mail.display()))?;
    }
    Ok(())
}
