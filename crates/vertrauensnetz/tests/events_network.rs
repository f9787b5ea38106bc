//! Events in the network through HTTP: organisers, agenda, minutes with
//! attending organisations, decisions and action items; occasion-based
//! consultations with answers only police and coordinators see.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use vertrauensnetz::on_db;
use vertrauensnetz::platform::auth::Role;

async fn page(c: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let res = c.get(app.url(path)).send().await.unwrap();
    let status = res.status().as_u16();
    (status, res.text().await.unwrap())
}

async fn post(
    c: &reqwest::Client,
    app: &TestApp,
    form_page: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> (u16, String) {
    let token = csrf_token(c, &app.url(form_page)).await;
    let res = post_form(c, &app.url(action), &token, fields).await;
    let status = res.status().as_u16();
    (status, res.text().await.unwrap())
}

async fn partner(app: &TestApp, login: &str) -> reqwest::Client {
    let a = app.accounts.iter().find(|a| a.login == login).unwrap();
    let c = client();
    login_as(app, &c, "dortmund", &a.login, &a.password).await;
    c
}

async fn one(app: &TestApp, sql: &str, bind: &str) -> String {
    let db = app.raw_db().await;
    let mut conn = db.read().await.unwrap();
    let (id,): (uuid::Uuid,) =
        on_db!(conn, c => sqlx::query_as(sql).bind(bind).fetch_one(c).await).unwrap();
    id.to_string()
}

#[tokio::test]
async fn minutes_record_who_attended_what_was_decided_and_who_does_what_by_when() {
    let app = TestApp::spawn().await;
    let event = one(
        &app,
        "SELECT event_id FROM events WHERE title LIKE $1",
        "Gesprächsrunde%",
    )
    .await;
    let org2 = one(&app, "SELECT m.organisation_id FROM organisation_members m JOIN users u ON u.user_id = m.user_id WHERE u.login = $1", "partner2@dortmund.example").await;
    let org3 = one(&app, "SELECT m.organisation_id FROM organisation_members m JOIN users u ON u.user_id = m.user_id WHERE u.login = $1", "partner3@dortmund.example").await;
    let measure = one(
        &app,
        "SELECT measure_id FROM measures WHERE title = $1",
        "Regelmäßige Gesprächsrunden",
    )
    .await;
    let staff = format!("/dortmund/staff/events/{event}/minutes");
    let coord = login(&app, "dortmund", Role::Coordinator).await;

    // A joint event of two organisations, with its agenda.
    let (status, _) = post(
        &coord,
        &app,
        &staff,
        &format!("/dortmund/staff/events/{event}/organisers"),
        &[("organisers", &org2), ("organisers", &org3)],
    )
    .await;
    assert_eq!(status, 303);
    let (status, _) = post(
        &coord,
        &app,
        &staff,
        &format!("/dortmund/staff/events/{event}/agenda"),
        &[
            ("item_title", "Erfahrungen Jugendlicher mit Kontrollen"),
            ("presenter", "Jugendforum"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (status, _) = post(
        &coord,
        &app,
        &staff,
        &format!("/dortmund/staff/events/{event}/organisers"),
        &[("organisers", "0190d6f2-1c2b-7cc3-9a5e-6f2b9f0c1a99")],
    )
    .await;
    assert_eq!(status, 422, "an organisation not in the registry");

    // Minutes for the participants only.
    let (status, _) = post(
        &coord,
        &app,
        &staff,
        &staff,
        &[
            ("attending", &org2),
            ("summary", "Gutes Gespräch über Kontrollen am Hauptbahnhof."),
            (
                "decisions",
                "Zweite Runde im Frühjahr\nEinladung an Schulsozialarbeit",
            ),
            ("visibility", "participants"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (status, _) = post(
        &coord,
        &app,
        &staff,
        &staff,
        &[("summary", "x"), ("visibility", "everyone")],
    )
    .await;
    assert_eq!(status, 422);
    // An agreed action item becomes an action item of the measure.
    let actions = format!("/dortmund/staff/events/{event}/actions");
    let (status, _) = post(
        &coord,
        &app,
        &staff,
        &actions,
        &[
            ("action_title", "Termin für die zweite Runde finden"),
            ("measure", &measure),
            ("due", "2027-03-01"),
        ],
    )
    .await;
    assert_eq!(status, 422, "an action item needs an owner");
    let (status, _) = post(
        &coord,
        &app,
        &staff,
        &actions,
        &[
            ("action_title", "Termin für die zweite Runde finden"),
            ("measure", &measure),
            ("owner", &org2),
            ("due", "2027-03-01"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (_, accountability) = page(&client(), &app, "/dortmund/accountability").await;
    assert!(accountability.contains("Termin für die zweite Runde finden"));
    let p2 = partner(&app, "partner2@dortmund.example").await;
    let (_, own) = page(&p2, &app, "/dortmund/partner").await;
    assert!(
        own.contains("Termin für die zweite Runde finden"),
        "the owner sees its action item"
    );

    let public = format!("/dortmund/events/{event}/minutes");
    let (status, anon) = page(&client(), &app, &public).await;
    assert_eq!(status, 200);
    assert!(
        anon.contains("Erfahrungen Jugendlicher mit Kontrollen"),
        "the agenda is public"
    );
    assert!(
        !anon.contains("Zweite Runde im Frühjahr"),
        "minutes for participants stay closed"
    );
    let (_, attending) = page(&p2, &app, &public).await;
    assert!(attending.contains("Zweite Runde im Frühjahr") && attending.contains("Gutes Gespräch"));
    let kod = login(&app, "dortmund", Role::Kod).await;
    let (_, outsider) = page(&kod, &app, &public).await;
    assert!(!outsider.contains("Zweite Runde im Frühjahr"));

    // Made public: everyone reads them.
    let (status, _) = post(
        &coord,
        &app,
        &staff,
        &staff,
        &[
            ("attending", &org2),
            ("summary", "Gutes Gespräch über Kontrollen am Hauptbahnhof."),
            ("decisions", "Zweite Runde im Frühjahr"),
            ("visibility", "public"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (_, anon) = page(&client(), &app, &public).await;
    assert!(
        anon.contains("Zweite Runde im Frühjahr")
            && anon.contains("Termin für die zweite Runde finden")
    );
    assert!(
        !anon.contains("Einladung an Schulsozialarbeit"),
        "decisions were replaced"
    );
    // The event page names its organisers; topic pages gather measures and public minutes.
    let (_, event_page) = page(&client(), &app, &format!("/dortmund/events/{event}")).await;
    assert!(
        event_page.contains("Veranstaltet von")
            && event_page.contains(&format!("/dortmund/events/{event}/minutes"))
    );
    let (_, topic) = page(&client(), &app, "/dortmund/topics/racism").await;
    assert!(
        topic.contains("Regelmäßige Gesprächsrunden"),
        "measures on the topic"
    );
    let forum = one(
        &app,
        "SELECT event_id FROM events WHERE title LIKE $1",
        "Forum: Rassismus%",
    )
    .await;
    assert!(
        topic.contains(&format!("/dortmund/events/{forum}/minutes")),
        "public minutes on the topic: {topic}"
    );
}

#[tokio::test]
async fn a_consultation_asks_the_bodies_partners_and_keeps_restricted_answers_for_police() {
    let app = TestApp::spawn().await;
    let steering = one(
        &app,
        "SELECT body_id FROM bodies WHERE kind = $1",
        "steering_group",
    )
    .await;
    let police = login(&app, "dortmund", Role::Police).await;
    let list = "/dortmund/staff/consultations";
    let (status, html) = post(
        &police,
        &app,
        list,
        list,
        &[
            ("occasion", "sports_event"),
            ("title", ""),
            ("occurs_on", "2027-02-13"),
            ("bodies", &steering),
        ],
    )
    .await;
    assert_eq!(status, 422, "{html}");
    let (status, _) = post(
        &police,
        &app,
        list,
        list,
        &[
            ("occasion", "sports_event"),
            ("title", "Derby am Samstag"),
            ("occurs_on", "2027-02-13"),
            ("area", "Innenstadt"),
            ("bodies", &steering),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let id = one(
        &app,
        "SELECT consultation_id FROM consultations WHERE title = $1",
        "Derby am Samstag",
    )
    .await;
    let detail = format!("/dortmund/staff/consultations/{id}");

    // The partners of the body are told by mail.
    let db = app.raw_db().await;
    let mut conn = db.read().await.unwrap();
    let to: Vec<(String,)> = on_db!(conn, c => sqlx::query_as("SELECT to_address FROM mail_outbox WHERE subject = $1").bind("Abstimmung: Derby am Samstag").fetch_all(c).await).unwrap();
    let to: Vec<String> = to.into_iter().map(|t| t.0).collect();
    for login in [
        "partner@dortmund.example",
        "partner2@dortmund.example",
        "coordinator@dortmund.example",
    ] {
        assert!(to.contains(&login.to_owned()), "{login} not told: {to:?}");
    }

    let p1 = partner(&app, "partner@dortmund.example").await;
    let p2 = partner(&app, "partner2@dortmund.example").await;
    // …and find it in their notifications, in their language.
    let (_, notes) = page(&p2, &app, "/dortmund/notifications").await;
    assert!(
        notes.contains("Bitte um Rückmeldung: Derby am Samstag") && notes.contains(&detail),
        "{notes}"
    );
    let (_, notes_en) = page(&p2, &app, "/dortmund/notifications?lang=en").await;
    assert!(notes_en.contains("Your answer is asked for: Derby am Samstag"));
    let (status, _) = post(
        &p2,
        &app,
        "/dortmund/notifications",
        "/dortmund/notifications/read",
        &[],
    )
    .await;
    assert_eq!(status, 303);
    let (_, notes) = page(&p2, &app, "/dortmund/notifications?lang=de").await;
    assert!(notes.contains("Alles gelesen"), "{notes}");
    let (_, others) = page(
        &login(&app, "dortmund", Role::Kod).await,
        &app,
        "/dortmund/notifications",
    )
    .await;
    assert!(
        !others.contains("Derby am Samstag"),
        "only the asked see it"
    );
    let responses = format!("{detail}/responses");
    let (status, _) = post(
        &p1,
        &app,
        &detail,
        &responses,
        &[
            (
                "text",
                "Nach dem letzten Spiel wurde ein Mitglied am Bahnhof bedrängt.",
            ),
            ("restricted", "on"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (status, _) = post(
        &p2,
        &app,
        &detail,
        &responses,
        &[("text", "Bitte Durchsagen auch auf Türkisch.")],
    )
    .await;
    assert_eq!(status, 303);
    let (status, _) = post(&p2, &app, &detail, &responses, &[("text", "   ")]).await;
    assert_eq!(status, 422);
    let (_, seen_by_p2) = page(&p2, &app, &detail).await;
    assert!(seen_by_p2.contains("Bitte Durchsagen auch auf Türkisch."));
    assert!(
        !seen_by_p2.contains("am Bahnhof bedrängt"),
        "restricted answers are for police and coordinators"
    );
    let (_, seen_by_police) = page(&police, &app, &detail).await;
    assert!(
        seen_by_police.contains("am Bahnhof bedrängt")
            && seen_by_police.contains("Bitte Durchsagen")
    );

    // Someone outside the bodies sees nothing.
    let pw = app
        .add_account("dortmund", "partner", "fern@dortmund.example")
        .await;
    let outsider = client();
    login_as(&app, &outsider, "dortmund", "fern@dortmund.example", &pw).await;
    let (status, _) = page(&outsider, &app, &detail).await;
    assert_eq!(status, 403);
    let (_, listed) = page(&outsider, &app, list).await;
    assert!(!listed.contains("Derby am Samstag"));
    let luenen = login(&app, "luenen", Role::Coordinator).await;
    let (status, _) = page(&luenen, &app, &detail).await;
    assert!(status == 303 || status == 403);

    // A meeting is scheduled from it; an agreed measure is linked.
    let (status, _) = post(
        &police,
        &app,
        &detail,
        &format!("{detail}/meeting"),
        &[
            ("starts_at", "2027-02-10T18:00"),
            ("minutes", "90"),
            ("place", "Polizeiwache Nord"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (status, _) = post(
        &police,
        &app,
        &detail,
        &format!("{detail}/meeting"),
        &[("starts_at", "bald")],
    )
    .await;
    assert_eq!(status, 422);
    let measure = one(
        &app,
        "SELECT measure_id FROM measures WHERE title = $1",
        "Regelmäßige Gesprächsrunden",
    )
    .await;
    let (status, _) = post(
        &police,
        &app,
        &detail,
        &format!("{detail}/measures"),
        &[("measure", &measure)],
    )
    .await;
    assert_eq!(status, 303);
    let (_, html) = page(&police, &app, &detail).await;
    assert!(html.contains("Regelmäßige Gesprächsrunden"));
    let meeting = one(
        &app,
        "SELECT event_id FROM consultations WHERE title = $1",
        "Derby am Samstag",
    )
    .await;
    let (_, minutes) = page(
        &police,
        &app,
        &format!("/dortmund/events/{meeting}/minutes"),
    )
    .await;
    assert!(minutes.contains("Derby am Samstag"));
    let (status, _) = page(&client(), &app, &format!("/dortmund/events/{meeting}")).await;
    assert_eq!(status, 404, "an invited meeting is not public");
    // The invited meeting: members of the invited bodies see it, others not.
    let (status, _) = page(&p1, &app, &format!("/dortmund/events/{meeting}")).await;
    assert_eq!(status, 200, "a member of an invited body");
    let kod = login(&app, "dortmund", Role::Kod).await;
    let (status, _) = page(&kod, &app, &format!("/dortmund/events/{meeting}")).await;
    assert_eq!(status, 404, "staff outside the invited bodies");
    // Partners cannot open consultations.
    let token = csrf_token(&p1, &app.url(list)).await;
    let res = post_form(
        &p1,
        &app.url(list),
        &token,
        &[
            ("occasion", "other"),
            ("title", "x"),
            ("occurs_on", "2027-01-01"),
            ("bodies", &steering),
        ],
    )
    .await;
    assert_eq!(res.status(), 403);
}
