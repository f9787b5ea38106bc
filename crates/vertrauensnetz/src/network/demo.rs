//! The network's demo data for Dortmund: the 13 civil-society partners and
//! the police (fictional names), the agreement in two versions modelled on
//! seeds 000 and 004, the steering group with voting accounts, a working
//! group and the round table on homelessness and drug use, goals with
//! measures and action items, an application in review, one published joint
//! press release and one awaiting approvals.

use uuid::Uuid;

use super::agreement::{AgreementText, Content};
use super::model::{OrgKind, PressDecision, Vote};
use super::store::{self, NewAction, OrgData};
use crate::demo::DemoAccount;
use crate::platform::auth::{password, store as accounts, Role};
use crate::platform::db::{Db, Timestamp};
use crate::platform::tenants::Tenant;
use crate::platform::topics::Topic;

fn ts(s: &str) -> anyhow::Result<Timestamp> {
    Ok(Timestamp(
        chrono::DateTime::parse_from_rfc3339(s)?.with_timezone(&chrono::Utc),
    ))
}

/// Name, kind, street, languages spoken, topics.
type DemoOrg = (
    &'static str,
    OrgKind,
    &'static str,
    &'static [&'static str],
    &'static [Topic],
);

const ORGS: &[DemoOrg] = &[
    (
        "Brückenhaus Nordstadt e. V.",
        OrgKind::MigrantOrganisation,
        "Mallinckrodtstraße 110",
        &["de", "tr", "ar", "ku"],
        &[Topic::Racism, Topic::Intercultural],
    ),
    (
        "Verbund der Vielfalt Dortmund",
        OrgKind::MigrantOrganisation,
        "Zur Vielfalt 21",
        &["de", "tr", "ar", "ru", "pl"],
        &[Topic::Intercultural, Topic::DiverseRecruitment],
    ),
    (
        "Jugendforum Westfalen e. V.",
        OrgKind::YouthOrganisation,
        "Rheinische Straße 60",
        &["de", "en", "tr"],
        &[Topic::Youth, Topic::KnifePrevention],
    ),
    (
        "Afrikanische Gemeinschaft Ruhr e. V.",
        OrgKind::MigrantOrganisation,
        "Münsterstraße 42",
        &["de", "fr", "en"],
        &[Topic::RacialProfiling, Topic::Racism],
    ),
    (
        "Türkisch-Deutscher Elternbund e. V.",
        OrgKind::Association,
        "Borsigplatz 5",
        &["de", "tr"],
        &[Topic::Youth, Topic::Prevention],
    ),
    (
        "Islamische Gemeinde Dortmund-Nord",
        OrgKind::ReligiousCommunity,
        "Bornstraße 18",
        &["de", "tr", "ar"],
        &[Topic::Intercultural],
    ),
    (
        "Beratungsstelle Ankerplatz",
        OrgKind::CounsellingService,
        "Kleppingstraße 9",
        &["de", "en", "ar", "fa"],
        &[Topic::MentalCrisis, Topic::HomelessnessDrugs],
    ),
    (
        "Roma-Selbsthilfe Dortmund e. V.",
        OrgKind::MigrantOrganisation,
        "Schützenstraße 70",
        &["de", "ro", "bg"],
        &[Topic::RacialProfiling, Topic::Racism],
    ),
    (
        "Ukrainischer Kulturverein Dortmund",
        OrgKind::Association,
        "Hansastraße 12",
        &["de", "uk", "ru"],
        &[Topic::Intercultural],
    ),
    (
        "Polnische Katholische Mission Dortmund",
        OrgKind::ReligiousCommunity,
        "Propsteihof 3",
        &["de", "pl"],
        &[Topic::Intercultural],
    ),
    (
        "Netzwerk Antidiskriminierung Ruhr",
        OrgKind::CounsellingService,
        "Königswall 8",
        &["de", "en", "tr", "ar"],
        &[Topic::Racism, Topic::RacialProfiling],
    ),
    (
        "Sportjugend Dortmund-Ost e. V.",
        OrgKind::YouthOrganisation,
        "Körner Hellweg 64",
        &["de", "tr"],
        &[Topic::Youth, Topic::Prevention],
    ),
    (
        "Frauenzentrum Horizont e. V.",
        OrgKind::Association,
        "Huckarder Straße 22",
        &["de", "ar", "fa", "ku"],
        &[Topic::SubjectiveSafety, Topic::Intercultural],
    ),
    (
        "Polizeipräsidium Dortmund – Kompetenzzentrum Dialog",
        OrgKind::PoliceUnit,
        "Markgrafenstraße 102",
        &["de", "en", "tr"],
        &[Topic::DiverseRecruitment, Topic::RacialProfiling],
    ),
];

fn agreement_v1() -> AgreementText {
    AgreementText {
        preamble: "Menschenwürde, Wertschätzung für Vielfalt und Respekt gegenüber allen Menschen tragen eine funktionierende Demokratie. Alle Menschen in Dortmund sollen den staatlichen Institutionen uneingeschränkt vertrauen und sich mit ihren Anliegen jederzeit direkt und vertrauensvoll an die Polizei wenden können.\n\nDie Unterzeichnenden setzen dafür auf einen kritischen, an Lösungen orientierten Dialog: einander zuhören, voneinander lernen und Teilhabe ermöglichen.".to_owned(),
        goals: vec![
            "Vertrauen zwischen Polizei und Menschen mit Migrationsgeschichte aufbauen und ständig verbessern".to_owned(),
            "Prävention in den Aufgabenfeldern der Polizei gezielt auf Zielgruppen ausrichten".to_owned(),
            "Bei kritischen Einsätzen und Konflikten deeskalierende Wege der Problemlösung anstoßen".to_owned(),
            "Geeignete Nachwuchskräfte mit Migrationsgeschichte für die Polizei gewinnen".to_owned(),
        ],
        measures: vec![
            "Regelmäßige vertrauensbildende Gesprächsrunden zwischen Polizei und Partnern".to_owned(),
            "Gemeinsame Präventionskonzepte und zielgruppengerechte Präventionsveranstaltungen".to_owned(),
            "Anlassbezogene Kontaktaufnahme bei Sportereignissen, Großveranstaltungen, schweren Unglücks- und Kriminalfällen".to_owned(),
            "Abgestimmte gemeinsame Präsentationen, etwa bei interkulturellen Wochen".to_owned(),
        ],
        closing: vec![
            "Die Aktivitäten werden durch gemeinsame, abgestimmte Öffentlichkeitsarbeit begleitet.".to_owned(),
            "Weitere Organisationen mit Sitz in Dortmund können dem Netzwerk nach einem Bewerbungsverfahren beitreten.".to_owned(),
        ],
    }
}

fn agreement_v1_en() -> AgreementText {
    AgreementText {
        preamble: "Human dignity, appreciation of diversity and respect for all people carry a functioning democracy. Everyone in Dortmund should be able to trust the state's institutions without reservation and turn to the police with their concerns directly and in confidence at any time.\n\nThe signatories rely on a critical, solution-oriented dialogue: listening to one another, learning from one another and enabling participation.".to_owned(),
        goals: vec![
            "Build and steadily improve trust between the police and people with a migration history".to_owned(),
            "Target prevention in the police's fields of work at specific groups".to_owned(),
            "Initiate de-escalating ways of solving problems in critical operations and conflicts".to_owned(),
            "Recruit suitable young staff with a migration history for the police".to_owned(),
        ],
        measures: vec![
            "Regular trust-building discussion rounds between the police and the partners".to_owned(),
            "Joint prevention concepts and prevention events suited to their target groups".to_owned(),
            "Occasion-based contact for sports events, large events, major accidents and crime cases".to_owned(),
            "Coordinated joint presentations, for example at intercultural weeks".to_owned(),
        ],
        closing: vec![
            "The activities are accompanied by joint, coordinated public relations.".to_owned(),
            "Further organisations with their seat in Dortmund can join the network after an application procedure.".to_owned(),
        ],
    }
}

/// Seeds the network for `tenant`; returns the extra partner accounts.
pub async fn seed(
    db: &Db,
    tenant: &Tenant,
    coordinator_login: &str,
    partner_login: &str,
) -> anyhow::Result<Vec<DemoAccount>> {
    let t = tenant.id;
    let signed = ts("2024-06-04T12:00:00+02:00")?;
    let mut tx = db.begin().await?;
    let mut orgs = Vec::new();
    for (i, (name, kind, street, langs, topics)) in ORGS.iter().enumerate() {
        let data = OrgData {
            name: (*name).to_owned(),
            kind: Some(*kind),
            street: (*street).to_owned(),
            postcode: "44135".to_owned(),
            city: "Dortmund".to_owned(),
            languages: langs.iter().map(|l| (*l).to_owned()).collect(),
            topics: topics.to_vec(),
            website: String::new(),
            description: String::new(),
            // Most partners show a public profile; a few chose not to.
            public_profile: i % 4 != 3,
        };
        let id = store::create_organisation(&mut tx, t, &data, signed).await?;
        store::add_contact(
            &mut tx,
            t,
            id,
            &format!("Ansprechperson {}", i + 1),
            "Vorstand",
            &format!("kontakt{}@partner-{}.example", i + 1, i + 1),
            "0231 000000",
        )
        .await?;
        orgs.push(id);
    }
    // The agreement: version 1 of June 2024, version 2 adds a measure.
    let mut content: Content = Content::new();
    content.insert("de".to_owned(), agreement_v1());
    content.insert("en".to_owned(), agreement_v1_en());
    let v1 = serde_json::to_string(&content)?;
    store::add_agreement_version(
        &mut tx,
        t,
        &v1,
        "Unterzeichnet am 4. Juni 2024",
        None,
        signed,
    )
    .await?;
    for org in &orgs {
        store::sign(&mut tx, t, *org, 1, "2024-06-04", "Vorstand", None, signed).await?;
    }
    let mut v2 = agreement_v1();
    v2.measures.push("Gemeinsame Schulungen von Polizei und Partnern zu Rassismus, Racial Profiling und Menschen in psychischen Krisen".to_owned());
    let mut v2_en = agreement_v1_en();
    v2_en.measures.push("Joint training of police and partners on racism, racial profiling and people in mental crisis".to_owned());
    content.insert("de".to_owned(), v2);
    content.insert("en".to_owned(), v2_en);
    let v2_at = ts("2025-11-28T18:00:00+01:00")?;
    store::add_agreement_version(
        &mut tx,
        t,
        &serde_json::to_string(&content)?,
        "Ergänzt nach der offenen Konferenz",
        None,
        v2_at,
    )
    .await?;
    for org in orgs.iter().take(6) {
        store::sign(&mut tx, t, *org, 2, "2025-12-01", "Vorstand", None, v2_at).await?;
    }
    tx.commit().await?;

    // Partner accounts: the demo partner acts for the first organisation,
    // three more partners for the next three; all sit in the steering group.
    let coordinator = accounts::user_by_login(db, coordinator_login)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no coordinator"))?;
    let partner = accounts::user_by_login(db, partner_login)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no partner"))?;
    let mut extra = Vec::new();
    let mut voters = vec![(partner.user_id, orgs[0])];
    for n in 2..=4 {
        let login = format!("partner{n}@{}.example", tenant.slug);
        let pw = password::generate();
        let hash = password::hash(pw.clone()).await?;
        let mut tx = db.begin().await?;
        let id = accounts::create_user(
            &mut tx,
            t,
            &login,
            &format!("Partnerin {n} {}", tenant.name),
            &hash,
            Role::Partner,
            signed,
        )
        .await?;
        tx.commit().await?;
        voters.push((id, orgs[n - 1]));
        extra.push(DemoAccount {
            tenant: tenant.slug.to_string(),
            role: Role::Partner,
            login,
            password: pw,
        });
    }
    let mut tx = db.begin().await?;
    for (user, org) in &voters {
        store::add_member(&mut tx, t, *org, *user).await?;
    }
    let steering = store::create_body(
        &mut tx,
        t,
        "steering_group",
        "Steuerungsgruppe",
        "Lenkt das Netzwerk und entscheidet über Bewerbungen.",
        50,
        "simple",
        true,
        signed,
    )
    .await?;
    store::add_body_member(
        &mut tx,
        t,
        steering,
        Some(coordinator.user_id),
        &coordinator.display_name,
        Some(orgs[13]),
        "chair",
        "2024-06-04",
        None,
    )
    .await?;
    for (i, (user, org)) in voters.iter().enumerate() {
        store::add_body_member(
            &mut tx,
            t,
            steering,
            Some(*user),
            &format!("Mitglied {}", i + 1),
            Some(*org),
            "member",
            "2024-06-04",
            Some("2027-06-03"),
        )
        .await?;
    }
    store::add_body_member(
        &mut tx,
        t,
        steering,
        None,
        "Gast der Stadtverwaltung",
        None,
        "guest",
        "2025-01-01",
        None,
    )
    .await?;
    let youth = store::create_body(
        &mut tx,
        t,
        "working_group",
        "Arbeitsgruppe Jugend",
        "Jugendformate und Messerprävention an Schulen.",
        50,
        "simple",
        false,
        signed,
    )
    .await?;
    store::add_body_member(
        &mut tx,
        t,
        youth,
        None,
        "Leitung Jugendforum",
        Some(orgs[2]),
        "chair",
        "2024-09-01",
        None,
    )
    .await?;
    store::add_body_member(
        &mut tx,
        t,
        youth,
        None,
        "Sportjugend",
        Some(orgs[11]),
        "member",
        "2024-09-01",
        None,
    )
    .await?;
    let round = store::create_body(&mut tx, t, "round_table", "Runder Tisch Wohnungslosigkeit und Drogenkonsum", "Politik, Behörden, Beratung, Interessenvertretungen und Handel (Programm der Stadt, Zeile 87–91).", 50, "simple", false, signed).await?;
    for (name, org, role) in [
        ("Ratsmitglied, Ausschuss für Bürgerdienste", None, "member"),
        ("Ordnungsamt", None, "member"),
        ("Beratungsstelle Ankerplatz", Some(orgs[6]), "chair"),
        (
            "Interessenvertretung wohnungsloser Menschen",
            None,
            "member",
        ),
        ("Citymarketing / Einzelhandel", None, "guest"),
        (
            "Polizei, Bezirksdienst Innenstadt",
            Some(orgs[13]),
            "member",
        ),
    ] {
        store::add_body_member(&mut tx, t, round, None, name, org, role, "2025-03-01", None)
            .await?;
    }

    // Goals, measures and action items.
    let now = ts("2025-12-01T10:00:00+01:00")?;
    let g1 = store::add_goal(
        &mut tx,
        t,
        "Vertrauen aufbauen",
        "Vertrauen zwischen Polizei und Menschen mit Migrationsgeschichte stärken.",
    )
    .await?;
    let g2 = store::add_goal(
        &mut tx,
        t,
        "Zielgruppengerechte Prävention",
        "Prävention gemeinsam planen und durchführen.",
    )
    .await?;
    let g3 = store::add_goal(
        &mut tx,
        t,
        "Nachwuchs mit Migrationsgeschichte",
        "Mehr Bewerbungen von Menschen mit Migrationsgeschichte bei der Polizei.",
    )
    .await?;
    let m1 = store::add_measure(
        &mut tx,
        t,
        g1,
        "Regelmäßige Gesprächsrunden",
        "Viermal im Jahr in wechselnden Stadtteilen.",
        &[Topic::Racism, Topic::RacialProfiling],
        now,
    )
    .await?
    .ok_or_else(|| anyhow::anyhow!("goal"))?;
    let m2 = store::add_measure(
        &mut tx,
        t,
        g2,
        "Messerprävention an Schulen",
        "Workshops mit Jugendorganisationen und Bezirksdienst.",
        &[Topic::KnifePrevention, Topic::Youth],
        now,
    )
    .await?
    .ok_or_else(|| anyhow::anyhow!("goal"))?;
    let m3 = store::add_measure(
        &mut tx,
        t,
        g3,
        "Informationsabende zur Ausbildung",
        "In Vereinen und Gemeinden, mit Beamtinnen und Beamten mit Migrationsgeschichte.",
        &[Topic::DiverseRecruitment],
        now,
    )
    .await?
    .ok_or_else(|| anyhow::anyhow!("goal"))?;
    for (m, title, owner, due, status) in [
        (
            m1,
            "Termine 2026 für die Gesprächsrunden festlegen",
            Some(orgs[13]),
            "2026-01-31",
            "done",
        ),
        (
            m1,
            "Gesprächsrunde in der Nordstadt vorbereiten",
            Some(orgs[0]),
            "2026-03-15",
            "in_progress",
        ),
        (
            m1,
            "Dolmetschende für Arabisch und Romanes anfragen",
            Some(orgs[7]),
            "2025-12-15",
            "open",
        ),
        (
            m2,
            "Workshopkonzept mit der Sportjugend abstimmen",
            Some(orgs[11]),
            "2026-02-28",
            "open",
        ),
        (
            m2,
            "Schulen im Bezirk Innenstadt-Nord ansprechen",
            Some(orgs[2]),
            "2026-04-30",
            "open",
        ),
        (
            m3,
            "Infoabend im Verbund der Vielfalt",
            Some(orgs[1]),
            "2026-05-20",
            "open",
        ),
    ] {
        let id = store::add_action(
            &mut tx,
            t,
            &NewAction {
                measure: m,
                title: title.to_owned(),
                owner,
                responsible: String::new(),
                due_on: Some(due.to_owned()),
                source: String::new(),
            },
            now,
        )
        .await?
        .ok_or_else(|| anyhow::anyhow!("measure"))?;
        if status != "open" {
            let s = super::model::ActionStatus::parse(status)
                .unwrap_or(super::model::ActionStatus::Open);
            store::update_action(
                &mut tx,
                t,
                id,
                s,
                "",
                if status == "done" {
                    "Termine im Kalender veröffentlicht"
                } else {
                    ""
                },
                None,
                None,
                now,
            )
            .await?;
        }
    }

    // An application in review, with two of five votes (quorum: three).
    let (_, token_hash) = accounts::new_secret();
    let app = store::declare_interest(
        &mut tx,
        t,
        &token_hash,
        "de",
        "Kulturbrücke Hörde e. V.",
        "Leyla Demir",
        "kontakt@kulturbruecke-hoerde.example",
        "Dortmund",
        true,
        now,
    )
    .await?;
    let data = OrgData {
        name: "Kulturbrücke Hörde e. V.".to_owned(),
        kind: Some(OrgKind::Association),
        street: "Hörder Bahnhofstraße 10".to_owned(),
        postcode: "44263".to_owned(),
        city: "Dortmund".to_owned(),
        languages: vec!["de".to_owned(), "tr".to_owned(), "ar".to_owned()],
        topics: vec![Topic::Youth, Topic::Intercultural],
        website: String::new(),
        description: String::new(),
        public_profile: false,
    };
    let pdf =
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
    store::submit_application(&mut tx, t, app, &data, ("Leyla Demir", "Vorsitzende", "kontakt@kulturbruecke-hoerde.example", ""), "Wir organisieren Nachbarschaftsabende und Hausaufgabenhilfe in Hörde und möchten den Dialog mit der Polizei in den Stadtteil tragen.", (pdf, "satzung.pdf"), true, now).await?;
    store::open_review(&mut tx, t, app, steering).await?;
    store::vote(&mut tx, t, app, voters[1].0, Vote::Yes, now).await?;
    store::vote(&mut tx, t, app, voters[2].0, Vote::Abstain, now).await?;
    store::add_comment(
        &mut tx,
        t,
        app,
        coordinator.user_id,
        "Satzung liegt vor, Sitz in Dortmund bestätigt.",
        now,
    )
    .await?;

    // Press releases: one published with everyone's approval, one waiting.
    let published_at = ts("2025-11-13T10:00:00+01:00")?;
    let all: Vec<Uuid> = orgs.clone();
    let r1 = store::create_release(&mut tx, t, "de", "Dialog und Vertrauensförderung: Einladung zur offenen Konferenz", "Gemeinsame Presseinformation von 13 zivilgesellschaftlichen Organisationen und des Polizeipräsidiums Dortmund.\n\nIm Juni 2024 haben 13 Organisationen und das Polizeipräsidium eine Kooperationsvereinbarung für Dialog, Respekt und Vertrauen unterzeichnet. Jetzt öffnet sich das Netzwerk für weitere Partner: Organisationen mit Sitz in Dortmund können ihr Interesse auf der offenen Konferenz am 28. November 2025 um 16 Uhr im Haus der Vielfalt bekunden.\n\nFür die Teilnahme ist eine Anmeldung bis zum 25. November 2025 erforderlich.", &all, Some(coordinator.user_id), published_at).await?;
    for (org, user) in all.iter().zip(std::iter::repeat(partner.user_id)) {
        store::decide_release(
            &mut tx,
            t,
            r1,
            1,
            *org,
            PressDecision::Approve,
            "",
            user,
            published_at,
        )
        .await?;
    }
    store::publish_release(&mut tx, t, r1, 1, published_at).await?;
    let chosen: Vec<Uuid> = vec![orgs[0], orgs[1], orgs[2], orgs[13]];
    let r2 = store::create_release(&mut tx, t, "de", "Gesprächsrunden 2026: Termine stehen fest", "Die Gesprächsrunden zwischen Polizei und Partnerorganisationen finden 2026 viermal statt, jeweils in einem anderen Stadtteil.\n\nDie erste Runde beginnt im März in der Nordstadt.", &chosen, Some(coordinator.user_id), now).await?;
    store::decide_release(
        &mut tx,
        t,
        r2,
        1,
        orgs[1],
        PressDecision::Approve,
        "",
        voters[1].0,
        now,
    )
    .await?;
    store::decide_release(
        &mut tx,
        t,
        r2,
        1,
        orgs[13],
        PressDecision::Approve,
        "",
        coordinator.user_id,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(extra)
}

/// Events in the network: the open conference organised jointly by all
/// partners, minutes of the 2025 forum on racism and racial profiling with an
/// agreed action item, and a consultation before a football match day.
pub async fn seed_events(db: &Db, tenant: &Tenant) -> anyhow::Result<()> {
    use crate::events::{consultations, minutes, store as events};
    let t = tenant.id;
    let all_events = events::all_events(db, t).await?;
    let find = |prefix: &str| {
        all_events
            .iter()
            .find(|e| e.title.starts_with(prefix))
            .map(|e| e.event_id)
    };
    let orgs: Vec<Uuid> = store::organisations(db, t)
        .await?
        .into_iter()
        .map(|o| o.organisation_id)
        .collect();
    let bodies = store::bodies(db, t).await?;
    let steering = bodies
        .iter()
        .find(|b| b.kind == "steering_group")
        .map(|b| b.body_id);
    let round = bodies
        .iter()
        .find(|b| b.kind == "round_table")
        .map(|b| b.body_id);
    let measures = store::measures(db, t).await?;
    let coordinator = accounts::user_by_login(db, "coordinator@dortmund.example")
        .await?
        .ok_or_else(|| anyhow::anyhow!("no coordinator"))?;
    let partner = accounts::user_by_login(db, "partner@dortmund.example")
        .await?
        .ok_or_else(|| anyhow::anyhow!("no partner"))?;
    let now = ts("2025-03-21T10:00:00+01:00")?;
    let mut tx = db.begin().await?;
    if let Some(conference) = find("Offene Konferenz") {
        minutes::set_links(&mut tx, t, conference, &orgs, &[]).await?;
        minutes::add_agenda_item(
            &mut tx,
            t,
            conference,
            "Begrüßung und Vorstellung des Netzwerks",
            "Polizeipräsidium Dortmund",
        )
        .await?;
        minutes::add_agenda_item(
            &mut tx,
            t,
            conference,
            "Die Kooperationsvereinbarung: Ziele und Arbeitsweise",
            "Steuerungsgruppe",
        )
        .await?;
        minutes::add_agenda_item(
            &mut tx,
            t,
            conference,
            "Das Bewerbungsverfahren",
            "Koordinierungsstelle",
        )
        .await?;
        minutes::add_agenda_item(&mut tx, t, conference, "Fragen, Anregungen und Kritik", "")
            .await?;
    }
    if let Some(forum) = find("Forum: Rassismus") {
        minutes::set_links(
            &mut tx,
            t,
            forum,
            &orgs[..3.min(orgs.len())],
            &steering.into_iter().collect::<Vec<_>>(),
        )
        .await?;
        minutes::add_agenda_item(
            &mut tx,
            t,
            forum,
            "Erfahrungen mit Kontrollen im Stadtteil",
            "Afrikanische Gemeinschaft Ruhr",
        )
        .await?;
        minutes::add_agenda_item(
            &mut tx,
            t,
            forum,
            "Kontrollquittungen: Erfahrungen aus Bremen",
            "Netzwerk Antidiskriminierung Ruhr",
        )
        .await?;
        let present: Vec<Uuid> = orgs.iter().copied().step_by(2).collect();
        minutes::save_minutes(
            &mut tx, t, forum,
            "Rund 70 Teilnehmende berichteten von Kontrollen, die sie als anlasslos erlebt haben. Die Polizei stellte ihre Leitlinien vor; beide Seiten vereinbarten, Beschwerdewege bekannter zu machen.",
            "public",
            &present,
            &["Die Polizei stellt ihre Leitlinien zu Kontrollen in einer Gesprächsrunde vor.".to_owned(), "Das Netzwerk wirbt gemeinsam für die unabhängige Beschwerdestelle.".to_owned()],
            coordinator.user_id,
            now,
        ).await?;
        if let Some(m) = measures.first() {
            store::add_action(
                &mut tx,
                t,
                &NewAction {
                    measure: m.measure_id,
                    title: "Faltblatt zu Beschwerdewegen in fünf Sprachen".to_owned(),
                    owner: orgs.get(10).copied(),
                    responsible: String::new(),
                    due_on: Some("2025-06-30".to_owned()),
                    source: minutes::source_of(forum),
                },
                now,
            )
            .await?;
        }
    }
    let steering_and_round: Vec<Uuid> = steering.into_iter().chain(round).collect();
    let c = consultations::create(
        &mut tx, t, "sports_event", "Bundesliga-Heimspiel am Samstagabend",
        "Ausverkauftes Heimspiel mit Anreise vieler Gästefans durch die Innenstadt. Wo sehen die Partner Bedarf, etwa für Menschen, die in der Nähe des Stadions und der Bahnhöfe wohnen oder arbeiten?",
        "2026-12-12", "Innenstadt-West: Stadion, Hauptbahnhof und Anfahrtswege", &steering_and_round, Some(coordinator.user_id), now,
    ).await?;
    consultations::add_response(&mut tx, t, c, orgs.first().copied(), partner.user_id, "Viele Familien aus der Nordstadt fahren samstags mit der Stadtbahn. Bitte Durchsagen auch auf Türkisch und Arabisch.", false, now).await?;
    consultations::add_response(&mut tx, t, c, orgs.first().copied(), partner.user_id, "Ein Mitglied wurde nach dem letzten Heimspiel am Bahnhof bedrängt; Details nur für Polizei und Koordinierung.", true, now).await?;
    tx.commit().await?;
    Ok(())
}
