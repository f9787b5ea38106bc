//! Events: registration never overbooks, the waiting list moves up in
//! order, windows and bad input are refused. Both backends, and two
//! instances on one database.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::HashSet;

use common::*;
use serde_json::{json, Value};
use vertrauensnetz::platform::auth::Role;

async fn coordinator_token(app: &TestApp) -> String {
    let out = app
        .cli(&[
            "token",
            "create",
            "--login",
            &app.account("dortmund", Role::Coordinator).login,
        ])
        .await;
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

fn event_json(capacity: i64, waitlist: bool) -> Value {
    json!({
        "title": "Offene Konferenz: Dialog und Vertrauensförderung",
        "description": "Informationen über die Kooperationsvereinbarung, Arbeitsstrukturen und das Bewerbungsverfahren.",
        "type": "open_conference",
        "starts_at": "2030-11-28T16:00:00+01:00",
        "ends_at": "2030-11-28T19:00:00+01:00",
        "capacity": capacity,
        "waitlist": waitlist,
        "registration_opens_at": "2020-01-01T00:00:00+01:00",
        "registration_closes_at": "2030-11-26T00:00:00+01:00",
        "audience": "public",
        "place_name": "Haus der Vielfalt",
        "place_address": "Zur Vielfalt 21, 44147 Dortmund"
    })
}

async fn create_event(app: &TestApp, token: &str, body: &Value) -> reqwest::Response {
    reqwest::Client::new()
        .post(app.url("/api/v1/dortmund/events"))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn register(base: &str, event: &str, i: usize) -> reqwest::Response {
    reqwest::Client::new()
        .post(format!("{base}/api/v1/dortmund/events/{event}/registrations"))
        .json(&json!({ "name": format!("Person {i}"), "email": format!("person{i}@example.org"), "answers": { "organisation": "Verein" } }))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_thousand_concurrent_registrations_fill_exactly_the_places_across_two_instances() {
    let app = TestApp::spawn().await;
    let second = app.second_instance().await;
    let second_base = format!("http://{}", second.addr);
    let token = coordinator_token(&app).await;
    let res = create_event(&app, &token, &event_json(100, true)).await;
    assert_eq!(res.status(), 201);
    let id = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let mut handles = Vec::new();
    for i in 0..1000 {
        let base = if i % 2 == 0 {
            app.base.clone()
        } else {
            second_base.clone()
        };
        let id = id.clone();
        handles.push(tokio::spawn(async move {
            let res = register(&base, &id, i).await;
            let status = res.status().as_u16();
            (i, status, res.json::<Value>().await.unwrap())
        }));
    }
    let mut confirmed = Vec::new();
    let mut positions = HashSet::new();
    let mut waitlisted = Vec::new();
    for h in handles {
        let (i, status, body) = h.await.unwrap();
        assert_eq!(status, 201, "attempt {i}: {body}");
        match body["status"].as_str().unwrap() {
            "confirmed" => {
                assert!(body["position"].is_null());
                confirmed.push((i, body["cancel_token"].as_str().unwrap().to_owned()));
            }
            "waitlisted" => {
                let p = body["position"].as_i64().unwrap();
                assert!(positions.insert(p), "position {p} given twice");
                waitlisted.push((p, i));
            }
            other => panic!("unexpected status {other}"),
        }
    }
    assert_eq!(confirmed.len(), 100);
    assert_eq!(waitlisted.len(), 900);
    assert_eq!(positions, (1..=900).collect::<HashSet<i64>>());
    let event: Value = reqwest::get(app.url(&format!("/api/v1/dortmund/events/{id}")))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(event["places_left"], 0);

    // Cancelling 10 confirmed places promotes exactly the next 10 in order.
    waitlisted.sort();
    let next_ten: HashSet<String> = waitlisted[..10]
        .iter()
        .map(|(_, i)| format!("Person {i}"))
        .collect();
    for (_, t) in &confirmed[..10] {
        let res = reqwest::Client::new()
            .delete(app.url(&format!("/api/v1/dortmund/registrations/{t}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 204);
    }
    let db = app.raw_db().await;
    let tenant = app.tenant("dortmund").await;
    let regs = vertrauensnetz::events::store::registrations(
        &db,
        tenant.id,
        uuid::Uuid::parse_str(&id).unwrap(),
    )
    .await
    .unwrap();
    // The freed places are held for the next ten (offered, counted as
    // taken) until they confirm.
    let held: Vec<_> = regs
        .iter()
        .filter(|r| r.status == "confirmed" || r.status == "offered")
        .collect();
    assert_eq!(held.len(), 100);
    assert_eq!(regs.iter().filter(|r| r.status == "cancelled").count(), 10);
    let promoted: HashSet<String> = regs
        .iter()
        .filter(|r| r.status == "offered")
        .map(|r| r.name.clone())
        .collect();
    assert_eq!(promoted, next_ten);
    // A used token does nothing a second time.
    let res = reqwest::Client::new()
        .delete(app.url(&format!(
            "/api/v1/dortmund/registrations/{}",
            confirmed[0].1
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    second.stop().await;
    app.server.stop().await;
}

#[tokio::test]
async fn windows_full_events_and_bad_input_are_refused_clearly() {
    let app = TestApp::spawn().await;
    let token = coordinator_token(&app).await;
    // Not yet open.
    let mut e = event_json(10, false);
    e["registration_opens_at"] = json!("2030-01-01T00:00:00+01:00");
    let id = create_event(&app, &token, &e)
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let res = register(&app.base, &id, 1).await;
    assert_eq!(res.status(), 409);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    assert!(res.json::<Value>().await.unwrap()["detail"]
        .as_str()
        .unwrap()
        .contains("opens on 01.01.2030, 00:00"));
    // Closed (the open conference's deadline was 25.11.2025).
    let mut e = event_json(10, false);
    e["starts_at"] = json!("2025-11-28T16:00:00+01:00");
    e["ends_at"] = json!("2025-11-28T19:00:00+01:00");
    e["registration_closes_at"] = json!("2025-11-26T00:00:00+01:00");
    let id = create_event(&app, &token, &e)
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let res = register(&app.base, &id, 1).await;
    assert_eq!(res.status(), 409);
    assert!(res.json::<Value>().await.unwrap()["detail"]
        .as_str()
        .unwrap()
        .contains("closed on 26.11.2025, 00:00"));
    // Full without a waiting list.
    let id = create_event(&app, &token, &event_json(1, false))
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(register(&app.base, &id, 1).await.status(), 201);
    let res = register(&app.base, &id, 2).await;
    assert_eq!(res.status(), 409);
    assert!(res.json::<Value>().await.unwrap()["detail"]
        .as_str()
        .unwrap()
        .contains("full"));

    // Bad events: nothing is stored.
    let db = app.raw_db().await;
    let count = || async {
        let mut conn = db.read().await.unwrap();
        let n: (i64,) = vertrauensnetz::on_db!(conn, c => sqlx::query_as("SELECT COUNT(*) FROM events").fetch_one(c).await).unwrap();
        n.0
    };
    let before = count().await;
    for (field, value) in [
        ("capacity", json!(-1)),
        ("ends_at", json!("2030-11-28T15:00:00+01:00")),
        ("type", json!("party")),
        ("title", json!("x".repeat(201))),
        ("starts_at", json!("28.11.2030 16:00")),
        ("audience", json!("everyone")),
    ] {
        let mut e = event_json(10, true);
        e[field] = value;
        let res = create_event(&app, &token, &e).await;
        assert_eq!(res.status(), 422, "{field}");
        let p: Value = res.json().await.unwrap();
        assert!(
            p["detail"]
                .as_str()
                .unwrap()
                .contains(field.split('_').next().unwrap()),
            "{field}: {p}"
        );
    }
    let mut e = event_json(10, true);
    e["unknown_field"] = json!(1);
    assert_eq!(create_event(&app, &token, &e).await.status(), 422);
    assert_eq!(count().await, before);

    // Bad registrations.
    let id = create_event(&app, &token, &event_json(10, true))
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let post = |body: Value| {
        let url = app.url(&format!("/api/v1/dortmund/events/{id}/registrations"));
        async move {
            reqwest::Client::new()
                .post(url)
                .json(&body)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    assert_eq!(
        post(json!({"name": "", "email": "a@example.org"})).await,
        422
    );
    assert_eq!(
        post(json!({"name": "A", "email": "not an address"})).await,
        422
    );
    assert_eq!(
        post(json!({"name": "A", "email": "a@example.org", "answers": "yes"})).await,
        422
    );
    assert_eq!(post(json!({"name": "A", "email": "a@example.org", "answers": {"free_text": "x".repeat(9000)}})).await, 422);
    let res = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/dortmund/events/{id}/registrations")))
        .header("content-type", "application/json")
        .body("{\"name\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let event: Value = reqwest::get(app.url(&format!("/api/v1/dortmund/events/{id}")))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(event["places_left"], 10);
    // Unknown events, and another tenant's event id.
    assert_eq!(
        reqwest::get(app.url("/api/v1/dortmund/events/not-an-id"))
            .await
            .unwrap()
            .status(),
        404
    );
    assert_eq!(
        reqwest::get(app.url(&format!("/api/v1/luenen/events/{id}")))
            .await
            .unwrap()
            .status(),
        404
    );
    // Only coordinators create events.
    let out = app
        .cli(&[
            "token",
            "create",
            "--login",
            &app.account("dortmund", Role::Kod).login,
        ])
        .await;
    let kod = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    assert_eq!(
        create_event(&app, &kod, &event_json(10, true))
            .await
            .status(),
        403
    );
    app.server.stop().await;
}

#[tokio::test]
async fn confirmation_mail_names_date_time_and_place() {
    let app = TestApp::spawn().await;
    let token = coordinator_token(&app).await;
    let id = create_event(&app, &token, &event_json(5, true))
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let res = register(&app.base, &id, 7).await;
    assert_eq!(res.status(), 201);
    let cancel = res.json::<Value>().await.unwrap()["cancel_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let dir = app.data_dir.join("mail");
    let mut mail = None;
    for _ in 0..50 {
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        if let Some(e) = std::fs::read_dir(&dir).ok().and_then(|mut d| d.next()) {
            mail = Some(std::fs::read_to_string(e.unwrap().path()).unwrap());
            break;
        }
    }
    let mail = mail.expect("confirmation mail written");
    assert!(mail.contains("person7@example.org"));
    // Quoted-printable may wrap lines; compare without soft breaks.
    let text = mail.replace("=\r\n", "").replace("=\n", "");
    assert!(text.contains("28.11.2030, 16:00"), "{text}");
    assert!(
        text.contains("Haus der Vielfalt") || text.contains("Haus der Vielfalt, Zur Vielfalt 21"),
        "{text}"
    );
    assert!(
        text.contains(&cancel),
        "the private cancel key is in the mail"
    );
    app.server.stop().await;
}

#[tokio::test]
async fn calendars_parse_with_two_parsers_and_keep_local_times_across_dst() {
    let app = TestApp::spawn().await;
    let token = coordinator_token(&app).await;
    // One event in winter time (CET) and one in summer time (CEST).
    let mut winter = event_json(50, true);
    winter["title"] = json!("Forum: Rassismus und Racial Profiling – Erfahrungen & Wege");
    winter["starts_at"] = json!("2030-03-28T18:00:00+01:00");
    winter["ends_at"] = json!("2030-03-28T20:30:00+01:00");
    winter["registration_closes_at"] = json!("2030-03-27T12:00:00+01:00");
    let mut summer = event_json(50, true);
    summer["title"] = json!("Gesprächsrunde nach der Zeitumstellung");
    summer["starts_at"] = json!("2030-04-04T18:00:00+02:00");
    summer["ends_at"] = json!("2030-04-04T20:00:00+02:00");
    summer["registration_closes_at"] = json!("2030-04-03T12:00:00+02:00");
    let w = create_event(&app, &token, &winter)
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let s = create_event(&app, &token, &summer)
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let feed = reqwest::get(app.url("/dortmund/events.ics")).await.unwrap();
    assert_eq!(feed.status(), 200);
    assert_eq!(
        feed.headers()["content-type"],
        "text/calendar; charset=utf-8"
    );
    let body = feed.text().await.unwrap();
    assert!(body.starts_with("BEGIN:VCALENDAR"));
    let file = app.data_dir.join("events.ics");
    std::fs::write(&file, &body).unwrap();
    let expected = json!([
        {"uid": format!("{w}@dortmund.vertrauensnetz"), "summary": "Forum: Rassismus und Racial Profiling – Erfahrungen & Wege",
         "local_start": "2030-03-28 18:00", "local_end": "2030-03-28 20:30", "status": "CONFIRMED"},
        {"uid": format!("{s}@dortmund.vertrauensnetz"), "summary": "Gesprächsrunde nach der Zeitumstellung",
         "local_start": "2030-04-04 18:00", "local_end": "2030-04-04 20:00", "status": "CONFIRMED"}
    ]);
    let checker = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/python/check_ics.py"
    );
    let out = tokio::process::Command::new("python3")
        .arg(checker)
        .arg(&file)
        .arg(expected.to_string())
        .output()
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );

    // One event alone, with the same UID; unknown and non-public ones are 404.
    let single = reqwest::get(app.url(&format!("/dortmund/events/{s}.ics")))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(single.contains(&format!("UID:{s}@dortmund.vertrauensnetz")));
    assert!(!single.contains(&w));
    assert_eq!(
        reqwest::get(app.url("/dortmund/events/nothing.ics"))
            .await
            .unwrap()
            .status(),
        404
    );
    assert_eq!(
        reqwest::get(app.url(&format!("/luenen/events/{s}.ics")))
            .await
            .unwrap()
            .status(),
        404
    );
    let mut internal = event_json(10, false);
    internal["audience"] = json!("partners");
    let i = create_event(&app, &token, &internal)
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        reqwest::get(app.url(&format!("/dortmund/events/{i}.ics")))
            .await
            .unwrap()
            .status(),
        404
    );
    assert!(!reqwest::get(app.url("/dortmund/events.ics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
        .contains(&i));
    app.server.stop().await;
}

#[tokio::test]
async fn a_resident_registers_and_cancels_through_the_pages_without_javascript() {
    let app = TestApp::spawn().await;
    let token = coordinator_token(&app).await;
    let id = create_event(&app, &token, &event_json(1, true))
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let c = client();
    // The list shows the new event and the demo's open conference (past).
    let list = c
        .get(app.url("/dortmund/events"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(list.contains(&format!("/dortmund/events/{id}")));
    assert!(list.contains("Offene Konferenz: Dialog und Vertrauensförderung"));
    // The start page links to the events.
    assert!(c
        .get(app.url("/dortmund"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
        .contains("href=\"/dortmund/events\""));

    let page = c
        .get(app.url(&format!("/dortmund/events/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("28.11.2030, 16:00–19:00"), "{page}");
    let csrf = csrf_in(&page);
    let url = app.url(&format!("/dortmund/events/{id}/register"));
    // Bad input: errors next to the fields, nothing stored.
    let res = post_form(&c, &url, &csrf, &[("name", ""), ("email", "nope")]).await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("id=\"name-error\"") && body.contains("id=\"email-error\""),
        "{body}"
    );
    assert!(body.contains("aria-invalid=\"true\""));
    // Registration, then the private page.
    let res = post_form(
        &c,
        &url,
        &csrf,
        &[
            ("name", "Aylin Demir"),
            ("email", "aylin@example.org"),
            ("interpreter", "tr"),
            ("organisation", "Verein"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let private = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(private.starts_with("/dortmund/registrations/"));
    let mine = c.get(app.url(&private)).send().await.unwrap();
    assert_eq!(mine.headers()["cache-control"], "no-store");
    let mine = mine.text().await.unwrap();
    assert!(
        mine.contains("Aylin Demir, Ihre Anmeldung ist bestätigt"),
        "{mine}"
    );
    // A second person lands on the waiting list (one place only).
    let other = client();
    let csrf2 = csrf_token(&other, &app.url(&format!("/dortmund/events/{id}"))).await;
    let res = post_form(
        &other,
        &url,
        &csrf2,
        &[("name", "Jan Nowak"), ("email", "jan@example.org")],
    )
    .await;
    let theirs = res.headers()["location"].to_str().unwrap().to_owned();
    let page = other
        .get(app.url(&theirs))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Warteliste") && page.contains("nächste Person"),
        "{page}"
    );
    // Cancelling frees the place for the waiting person.
    let csrf = csrf_in(&mine);
    let res = post_form(&c, &app.url(&format!("{private}/cancel")), &csrf, &[]).await;
    assert_eq!(res.status(), 303);
    assert!(c
        .get(app.url(&private))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
        .contains("abgemeldet"));
    // The place is offered to the waiting person, who confirms it.
    let offer = other
        .get(app.url(&theirs))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        offer.contains("Jan Nowak, ein Platz ist für Sie frei geworden")
            && offer.contains("Bitte bestätigen Sie den Platz bis"),
        "{offer}"
    );
    let res = post_form(
        &other,
        &app.url(&format!("{theirs}/confirm")),
        &csrf_in(&offer),
        &[],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert!(other
        .get(app.url(&theirs))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
        .contains("Jan Nowak, Ihre Anmeldung ist bestätigt"));
    // Guessing a private page finds nothing.
    assert_eq!(
        c.get(app.url(&format!("/dortmund/registrations/{}", "A".repeat(43))))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    // A past event explains that it is over; Turkish visitors get the Turkish shell.
    let demo_conference = regex_lite::Regex::new(
        r#"href="/dortmund/events/([0-9a-f-]{36})">Offene Konferenz[^<]*</a> \(28\.11\.2025"#,
    )
    .unwrap()
    .captures(&list)
    .unwrap()[1]
        .to_owned();
    let past = c
        .get(app.url(&format!("/dortmund/events/{demo_conference}?lang=tr")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(past.contains(r#"<html lang="tr""#));
    assert!(past.contains("Bu etkinlik sona ermiştir."), "{past}");
    assert!(!past.contains("name=\"email\""));
    app.server.stop().await;
}

#[tokio::test]
async fn organisers_see_attendees_check_them_in_and_export_a_safe_csv() {
    let app = TestApp::spawn().await;
    let token = coordinator_token(&app).await;
    let id = create_event(&app, &token, &event_json(2, true))
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for (name, email) in [
        ("Aylin Demir", "aylin@example.org"),
        ("=HYPERLINK(\"http://evil\")", "x@example.org"),
        ("Jan Nowak", "jan@example.org"),
    ] {
        let res = reqwest::Client::new()
            .post(app.url(&format!("/api/v1/dortmund/events/{id}/registrations")))
            .json(&json!({"name": name, "email": email, "answers": {"organisation": "Verein Nordstadt"}}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
    }
    let c = login(&app, "dortmund", Role::Coordinator).await;
    let staff = c
        .get(app.url("/dortmund/staff"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(staff.contains("href=\"/dortmund/staff/events\""));
    let list = c
        .get(app.url("/dortmund/staff/events"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(list.contains(&format!("/dortmund/staff/events/{id}")));
    assert!(list.contains("2 / 2"), "two of two places taken:\n{list}");
    let page = c
        .get(app.url(&format!("/dortmund/staff/events/{id}?q=aylin")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Aylin Demir") && !page.contains("Jan Nowak"),
        "search filters"
    );
    let reg = regex_lite::Regex::new(r#"check-in/([0-9a-f-]{36})""#)
        .unwrap()
        .captures(&page)
        .unwrap()[1]
        .to_owned();
    let res = post_form(
        &c,
        &app.url(&format!("/dortmund/staff/events/{id}/check-in/{reg}")),
        &csrf_in(&page),
        &[("checked_in", "true"), ("q", "aylin")],
    )
    .await;
    assert_eq!(res.status(), 303);
    let page = c
        .get(app.url(&format!("/dortmund/staff/events/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Eingelassen: 1"), "{page}");
    // States are shown in words of the page's language, not as codes.
    assert!(
        page.contains("– bestätigt") && page.contains("– Warteliste"),
        "{page}"
    );
    assert!(!page.contains("– waitlisted") && !page.contains("– confirmed"));
    // A waiting person cannot be checked in.
    let waiting = regex_lite::Regex::new(r#"(?s)id="r-([0-9a-f-]{36})">\s*<strong>Jan Nowak"#)
        .unwrap()
        .captures(&page)
        .unwrap()[1]
        .to_owned();
    let res = post_form(
        &c,
        &app.url(&format!("/dortmund/staff/events/{id}/check-in/{waiting}")),
        &csrf_in(&page),
        &[("checked_in", "true")],
    )
    .await;
    assert_eq!(res.status(), 404);

    let csv = c
        .get(app.url(&format!("/dortmund/staff/events/{id}/attendees.csv")))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    assert_eq!(csv.headers()["cache-control"], "no-store");
    let body = csv.text().await.unwrap();
    let mut rows = csv::Reader::from_reader(body.as_bytes());
    let records: Vec<csv::StringRecord> = rows.records().map(|r| r.unwrap()).collect();
    assert_eq!(records.len(), 3);
    let names: Vec<&str> = records.iter().map(|r| &r[2]).collect();
    assert!(names.contains(&"Aylin Demir"));
    assert!(
        names.contains(&"'=HYPERLINK(\"http://evil\")"),
        "formula defused: {names:?}"
    );
    let jan = records.iter().find(|r| &r[2] == "Jan Nowak").unwrap();
    assert_eq!((&jan[0], &jan[1]), ("waitlisted", "1"));
    assert!(
        records.iter().any(|r| !r[6].is_empty()),
        "check-in time exported"
    );
    // The export and the check-in are in the audit chain.
    let out = app.cli(&["audit", "verify"]).await;
    assert!(out.status.success());
    let db = app.raw_db().await;
    let tenant = app.tenant("dortmund").await;
    let actions: Vec<String> = vertrauensnetz::platform::audit::recent(&db, tenant.id, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert!(
        actions.contains(&"event.attendees.export".to_owned())
            && actions.contains(&"event.check_in".to_owned())
    );
    app.server.stop().await;
}

/// Every message in the outbox: (to, subject, body), oldest first.
async fn outbox(app: &TestApp) -> Vec<(String, String, String)> {
    let db = app.raw_db().await;
    let mut conn = db.read().await.unwrap();
    let rows: Vec<(String, String, String)> = vertrauensnetz::on_db!(conn, c => sqlx::query_as(
        "SELECT to_address, subject, body_text FROM mail_outbox ORDER BY created_at, mail_id")
        .fetch_all(c).await)
    .unwrap();
    drop(conn);
    db.close().await;
    rows
}

async fn get_text(c: &reqwest::Client, url: &str) -> (u16, String) {
    let res = c.get(url).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

async fn api_register(app: &TestApp, event: &str, name: &str, answers: Value) -> reqwest::Response {
    reqwest::Client::new()
        .post(app.url(&format!("/api/v1/dortmund/events/{event}/registrations")))
        .json(&json!({ "name": name, "email": format!("{}@example.org", name.to_lowercase().replace(' ', ".")), "answers": answers }))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn organisers_draft_publish_edit_and_cancel_through_the_form() {
    let app = TestApp::spawn().await;
    let staff = login(&app, "dortmund", Role::Coordinator).await;
    let form_url = app.url("/dortmund/staff/events/new");
    let (status, page) = get_text(&staff, &form_url).await;
    assert_eq!(status, 200);
    assert!(page.contains("<legend>"), "groups have legends");
    let csrf = csrf_in(&page);
    let post = app.url("/dortmund/staff/events");
    let mut fields: Vec<(&str, &str)> = vec![
        ("title", "Forum: Polizei und Jugend"),
        ("description", "Ein offenes Gespräch."),
        ("kind", "forum"),
        ("audience", "public"),
        ("starts_at", "2030-03-30T18:00"),
        ("ends_at", "2030-03-30T17:00"),
        ("place_name", "Haus der Vielfalt"),
        ("place_address", "Zur Vielfalt 21, 44147 Dortmund"),
        ("registration", "required"),
        ("capacity", "1"),
        ("waitlist", "on"),
        ("offer_hours", "24"),
        ("topics", "youth"),
        ("topics", "racial-profiling"),
        ("step_free", "yes"),
        ("hearing_loop", "no"),
        ("interpreters", "dgs"),
        ("interpreters", "tr"),
        ("accessibility_note", "Aufzug am Hintereingang"),
        ("ask_organisation", "optional"),
        ("ask_accessibility", "optional"),
        ("ask_interpreter", "off"),
        ("custom_label_0", "Sind Sie zum ersten Mal dabei?"),
        ("custom_type_0", "yes_no"),
        ("custom_required_0", "on"),
        ("title_en", "Forum: police and young people"),
        ("description_en", "An open conversation."),
        ("title_tr", "Forum: Polis ve gençler"),
        ("status", "draft"),
    ];
    // End before start: the form comes back with the error, nothing stored.
    let res = post_form(&staff, &post, &csrf, &fields).await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("id=\"ends_at-error\""), "{body}");
    assert!(body.contains("Das Ende muss nach dem Beginn liegen."));
    assert!(
        body.contains("value=\"Forum: Polizei und Jugend\""),
        "input kept"
    );
    let (_, list) = get_text(&staff, &app.url("/dortmund/staff/events")).await;
    assert!(!list.contains("Forum: Polizei und Jugend"));

    fields[5] = ("ends_at", "2030-03-30T20:00");
    let res = post_form(&staff, &post, &csrf, &fields).await;
    assert_eq!(res.status(), 303);
    let staff_page = res.headers()["location"].to_str().unwrap().to_owned();
    let id = staff_page.rsplit('/').next().unwrap().to_owned();

    // A draft is invisible to the public: page, calendars, API.
    let anon = client();
    let public = app.url(&format!("/dortmund/events/{id}"));
    assert_eq!(get_text(&anon, &public).await.0, 404);
    assert_eq!(get_text(&anon, &format!("{public}.ics")).await.0, 404);
    assert_eq!(
        get_text(&anon, &app.url(&format!("/api/v1/dortmund/events/{id}")))
            .await
            .0,
        404
    );
    assert!(!get_text(&anon, &app.url("/dortmund/events.ics"))
        .await
        .1
        .contains(&id));
    assert!(!get_text(&anon, &app.url("/dortmund/events"))
        .await
        .1
        .contains(&id));
    // … but the organisers see a preview.
    let (status, preview) = get_text(&staff, &public).await;
    assert_eq!(status, 200);
    assert!(preview.contains("Entwurf"), "{preview}");

    // Publish.
    let (_, overview) = get_text(&staff, &app.url(&staff_page)).await;
    let res = post_form(
        &staff,
        &app.url(&format!("{staff_page}/status")),
        &csrf_in(&overview),
        &[("status", "published")],
    )
    .await;
    assert_eq!(res.status(), 303);
    let (status, page) = get_text(&anon, &public).await;
    assert_eq!(status, 200);
    // Accessibility with clear labels; the local time across the DST change
    // (30 March 2030 is summer time).
    assert!(page.contains("30.03.2030, 18:00–20:00"), "{page}");
    assert!(
        page.contains("Stufenloser Zugang</dt><dd>Ja</dd>"),
        "{page}"
    );
    assert!(page.contains("Induktionsschleife für Hörgeräte</dt><dd>Nein</dd>"));
    assert!(page.contains("Deutsche Gebärdensprache, Türkçe"), "{page}");
    assert!(page.contains("Aufzug am Hintereingang"));
    assert!(page.contains("href=\"/dortmund/topics/youth\""));
    // The configured questions: no interpreter question, a required yes/no.
    assert!(!page.contains("name=\"interpreter\""));
    assert!(page.contains("<legend lang=\"de\">Sind Sie zum ersten Mal dabei?</legend>"));
    // English readers get the translation; Polish readers the German text, marked as German.
    let (_, en) = get_text(&anon, &format!("{public}?lang=en")).await;
    assert!(
        en.contains("<h1>Forum: police and young people</h1>"),
        "{en}"
    );
    assert!(en.contains("Step-free access</dt><dd>Yes</dd>"));
    let (_, pl) = get_text(&anon, &format!("{public}?lang=pl")).await;
    assert!(
        pl.contains("<h1 lang=\"de\">Forum: Polizei und Jugend</h1>"),
        "{pl}"
    );
    // The API shows the new fields.
    let api: Value = reqwest::get(app.url(&format!("/api/v1/dortmund/events/{id}")))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(api["status"], "published");
    assert_eq!(api["topics"], json!(["racial-profiling", "youth"]));
    assert_eq!(
        api["translations"]["en"]["title"],
        "Forum: police and young people"
    );
    assert_eq!(
        api["place_accessibility"]["interpreters"],
        json!(["dgs", "tr"])
    );
    assert_eq!(api["questions"]["interpreter"], "off");
    assert_eq!(api["questions"]["custom"][0]["id"], "q1");
    assert_eq!(api["offer_hours"], 24);

    // Two registrations (one confirmed, one waiting), answers checked by type.
    let res = api_register(&app, &id, "Ada Brandt", json!({"q1": "ja"})).await;
    assert_eq!(res.status(), 422);
    assert!(res.json::<Value>().await.unwrap()["detail"]
        .as_str()
        .unwrap()
        .contains("answers.q1 must be true or false"));
    let res = api_register(&app, &id, "Ada Brandt", json!({"q1": true})).await;
    assert_eq!(res.status(), 201);
    let res = api_register(&app, &id, "Ben Kaya", json!({"q1": false})).await;
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "waitlisted");

    // Edit: the title changes, capacity below the taken places is refused.
    let (_, edit) = get_text(&staff, &app.url(&format!("{staff_page}/edit"))).await;
    assert!(
        edit.contains("value=\"2030-03-30T18:00\""),
        "local time in the form"
    );
    assert!(edit.contains("value=\"Forum: police and young people\""));
    let mut changed = fields.clone();
    changed[0] = ("title", "Forum: Polizei und junge Menschen");
    changed[9] = ("capacity", "0");
    changed.retain(|(k, _)| *k != "status");
    changed.push(("custom_id_0", "q1"));
    let res = post_form(
        &staff,
        &app.url(&format!("{staff_page}/edit")),
        &csrf_in(&edit),
        &changed,
    )
    .await;
    assert_eq!(res.status(), 409);
    assert!(res.text().await.unwrap().contains("Schon 1 Plätze"));
    changed[9] = ("capacity", "2");
    let res = post_form(
        &staff,
        &app.url(&format!("{staff_page}/edit")),
        &csrf_in(&edit),
        &changed,
    )
    .await;
    assert_eq!(res.status(), 303);
    let api: Value = reqwest::get(app.url(&format!("/api/v1/dortmund/events/{id}")))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(api["title"], "Forum: Polizei und junge Menschen");
    assert_eq!(
        api["places_left"], 0,
        "the new place is offered to Ben at once"
    );
    let mails = outbox(&app).await;
    assert!(
        mails.iter().any(|(to, s, b)| to == "ben.kaya@example.org"
            && s.starts_with("Ein Platz ist für Sie frei")
            && b.contains("/dortmund/registrations/")),
        "{mails:?}"
    );

    // Cancel with a reason: public page, calendar, mail to everyone registered.
    let (_, overview) = get_text(&staff, &app.url(&staff_page)).await;
    let cancel_url = app.url(&format!("{staff_page}/cancel"));
    let res = post_form(&staff, &cancel_url, &csrf_in(&overview), &[("reason", " ")]).await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("id=\"reason-error\""));
    let res = post_form(
        &staff,
        &cancel_url,
        &csrf_in(&overview),
        &[(
            "reason",
            "Der Saal ist wegen eines Wasserschadens gesperrt.",
        )],
    )
    .await;
    assert_eq!(res.status(), 303);
    let (_, page) = get_text(&anon, &format!("{public}?lang=de")).await;
    assert!(page.contains("Diese Veranstaltung ist abgesagt."), "{page}");
    assert!(page.contains("Wasserschadens"));
    let (_, ics) = get_text(&anon, &format!("{public}.ics")).await;
    assert!(ics.contains("STATUS:CANCELLED"), "{ics}");
    assert!(ics.contains("Wasserschadens"), "{ics}");
    let mails = outbox(&app).await;
    for who in ["ada.brandt@example.org", "ben.kaya@example.org"] {
        let (_, subject, body) = mails
            .iter()
            .find(|(to, s, _)| to == who && s.starts_with("Veranstaltung abgesagt"))
            .unwrap_or_else(|| panic!("no cancellation mail to {who}: {mails:?}"));
        assert!(subject.contains("30.03.2030, 18:00"));
        assert!(body.contains("Wasserschadens"));
        assert!(body.contains("Wann: 30.03.2030, 18:00"));
        assert!(body.contains("Wo: Haus der Vielfalt, Zur Vielfalt 21, 44147 Dortmund"));
    }
    // A cancelled event cannot be published again or edited.
    let res = post_form(
        &staff,
        &app.url(&format!("{staff_page}/status")),
        &csrf_in(&overview),
        &[("status", "published")],
    )
    .await;
    assert_eq!(res.status(), 409);
    app.server.stop().await;
}

#[tokio::test]
async fn the_api_takes_drafts_translations_topics_and_refuses_unknown_ones_storing_nothing() {
    let app = TestApp::spawn().await;
    let token = coordinator_token(&app).await;
    let count = |app: &TestApp| {
        let db_url = app.db_url.clone();
        async move {
            let db = vertrauensnetz::platform::db::Db::connect(&db_url)
                .await
                .unwrap();
            let mut conn = db.read().await.unwrap();
            let n: (i64,) = vertrauensnetz::on_db!(conn, c => sqlx::query_as("SELECT COUNT(*) FROM events").fetch_one(c).await).unwrap();
            drop(conn);
            db.close().await;
            n.0
        }
    };
    let before = count(&app).await;
    for (field, value, expect) in [
        (
            "topics",
            json!(["youth", "astrology"]),
            "unknown topic \"astrology\"",
        ),
        (
            "translations",
            json!({"fr": {"title": "Forum"}}),
            "unknown language \"fr\"",
        ),
        (
            "translations",
            json!({"en": {"title": ""}}),
            "translations.en.title",
        ),
        (
            "place_accessibility",
            json!({"interpreters": ["klingon"]}),
            "unknown language \"klingon\"",
        ),
        ("status", json!("done"), "status must be draft or published"),
        ("offer_hours", json!(0), "offer_hours"),
        (
            "questions",
            json!({"custom": [{"id": "Bad Id", "label": "x", "type": "text"}]}),
            "questions.custom id",
        ),
    ] {
        let mut e = event_json(10, true);
        e[field] = value;
        let res = create_event(&app, &token, &e).await;
        assert_eq!(res.status(), 422, "{field}");
        assert_eq!(res.headers()["content-type"], "application/problem+json");
        let detail = res.json::<Value>().await.unwrap()["detail"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(detail.contains(expect), "{field}: {detail}");
    }
    assert_eq!(count(&app).await, before, "nothing stored");

    let mut e = event_json(10, true);
    e["status"] = json!("draft");
    e["topics"] = json!(["racism"]);
    e["translations"] = json!({"tr": {"title": "Irkçılık forumu", "description": "Açık bir konuşma."}, "de-x-ls": {"title": "Treffen: Rassismus"}});
    e["place_accessibility"] =
        json!({"step_free": true, "hearing_loop": null, "interpreters": ["dgs"], "note": "Rampe"});
    let res = create_event(&app, &token, &e).await;
    assert_eq!(res.status(), 201);
    let id = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let url = app.url(&format!("/api/v1/dortmund/events/{id}"));
    assert_eq!(
        reqwest::get(&url).await.unwrap().status(),
        404,
        "draft hidden"
    );
    let seen: Value = reqwest::Client::new()
        .get(&url)
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(seen["status"], "draft");
    assert_eq!(seen["translations"]["tr"]["title"], "Irkçılık forumu");
    assert_eq!(seen["place_accessibility"]["step_free"], true);
    assert!(seen["place_accessibility"]["hearing_loop"].is_null());
    // Registration for a draft is refused like for any hidden event.
    assert_eq!(register(&app.base, &id, 1).await.status(), 404);
    app.server.stop().await;
}

#[tokio::test]
async fn topic_pages_list_events_and_have_their_own_calendar() {
    let app = TestApp::spawn().await;
    let token = coordinator_token(&app).await;
    let mut e = event_json(10, true);
    e["topics"] = json!(["youth", "prevention"]);
    e["title"] = json!("Präventionstag an der Schule");
    e["translations"] = json!({"ar": {"title": "يوم الوقاية في المدرسة"}});
    let id = create_event(&app, &token, &e)
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut draft = event_json(10, true);
    draft["topics"] = json!(["youth"]);
    draft["title"] = json!("Geheimer Entwurf");
    draft["status"] = json!("draft");
    assert_eq!(create_event(&app, &token, &draft).await.status(), 201);
    let c = client();
    let (status, list) = get_text(&c, &app.url("/dortmund/topics")).await;
    assert_eq!(status, 200);
    assert!(list.contains("href=\"/dortmund/topics/racial-profiling\""));
    let (status, youth) = get_text(&c, &app.url("/dortmund/topics/youth")).await;
    assert_eq!(status, 200);
    assert!(youth.contains(&format!("/dortmund/events/{id}")), "{youth}");
    assert!(youth.contains("Präventionstag an der Schule"));
    // The demo's discussion round on youth is listed; the draft is not.
    assert!(youth.contains("Gesprächsrunde: Jugendliche und Polizei"));
    assert!(!youth.contains("Geheimer Entwurf"));
    assert!(youth.contains("href=\"/dortmund/topics/youth/events.ics\""));
    let (_, ar) = get_text(&c, &app.url("/dortmund/topics/youth?lang=ar")).await;
    assert!(ar.contains("يوم الوقاية في المدرسة"));
    assert!(ar.contains("dir=\"rtl\""));
    // The past section shows the demo forum on racism.
    let (_, racism) = get_text(&c, &app.url("/dortmund/topics/racism")).await;
    assert!(racism.contains("Forum: Rassismus und Racial Profiling"));
    // The topic's calendar: same generator, only the topic's public events.
    let res = c
        .get(app.url("/dortmund/topics/youth/events.ics"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/calendar"));
    let ics = res.text().await.unwrap();
    assert!(ics.contains(&format!("UID:{id}@dortmund.vertrauensnetz")));
    assert!(ics.contains("Gesprächsrunde: Jugendliche und Polizei"));
    assert!(!ics.contains("Geheimer Entwurf"));
    assert!(!ics.contains("Rassismus und Racial Profiling"));
    // Unknown topics are a 404 page (and calendar).
    let (status, page) = get_text(&c, &app.url("/dortmund/topics/astrology")).await;
    assert_eq!(status, 404);
    assert!(page.contains("<html"));
    assert_eq!(
        get_text(&c, &app.url("/dortmund/topics/astrology/events.ics"))
            .await
            .0,
        404
    );
    app.server.stop().await;
}

#[tokio::test]
async fn questions_are_validated_on_the_page_and_self_cancellation_has_a_deadline() {
    let app = TestApp::spawn().await;
    let token = coordinator_token(&app).await;
    let mut e = event_json(10, false);
    e["questions"] = json!({
        "organisation": "required", "accessibility": "off", "interpreter": "optional",
        "custom": [{"id": "diet", "label": "Essen: Was sollen wir beachten?", "type": "text"},
                   {"id": "photo_ok", "label": "Dürfen wir Sie fotografieren?", "type": "yes_no", "required": true}]
    });
    e["cancellation_closes_at"] = json!("2030-11-27T12:00:00+01:00");
    let id = create_event(&app, &token, &e)
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let c = client();
    let page_url = app.url(&format!("/dortmund/events/{id}"));
    let (_, page) = get_text(&c, &page_url).await;
    assert!(!page.contains("name=\"accessibility\""), "switched off");
    assert!(page.contains("name=\"custom-0\""));
    assert!(page.contains("<legend lang=\"de\">Dürfen wir Sie fotografieren?</legend>"));
    let url = app.url(&format!("/dortmund/events/{id}/register"));
    // Required answers missing, wrong interpreter language: errors, nothing stored.
    let res = post_form(
        &c,
        &url,
        &csrf_in(&page),
        &[
            ("name", "Lena Weiß"),
            ("email", "lena@example.org"),
            ("interpreter", "xx"),
        ],
    )
    .await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("id=\"organisation-error\""), "{body}");
    assert!(body.contains("id=\"interpreter-error\""));
    assert!(body.contains("id=\"custom-1-error\""));
    assert!(body.contains("Bitte beantworten Sie diese Frage."));
    let api: Value = reqwest::get(app.url(&format!("/api/v1/dortmund/events/{id}")))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(api["places_left"], 10, "nothing stored");
    // The API refuses a question that is switched off.
    let res = api_register(
        &app,
        &id,
        "Max Roth",
        json!({"organisation": "V", "photo_ok": true, "accessibility": "Rampe"}),
    )
    .await;
    assert_eq!(res.status(), 422);
    let res = post_form(
        &c,
        &url,
        &csrf_in(&page),
        &[
            ("name", "Lena Weiß"),
            ("email", "lena@example.org"),
            ("organisation", "Jugendring"),
            ("interpreter", "dgs"),
            ("custom-0", "vegetarisch"),
            ("custom-1", "no"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let private = res.headers()["location"].to_str().unwrap().to_owned();
    let (_, mine) = get_text(&c, &app.url(&private)).await;
    assert!(
        mine.contains("Sie können sich bis 27.11.2030, 12:00 selbst abmelden."),
        "{mine}"
    );
    // The organisers see the typed answers.
    let staff = login(&app, "dortmund", Role::Coordinator).await;
    let (_, attendees) = get_text(&staff, &app.url(&format!("/dortmund/staff/events/{id}"))).await;
    assert!(attendees.contains("photo_ok: false"), "{attendees}");
    assert!(attendees.contains("interpreter: dgs"));
    // After the deadline the link shows the registration but refuses to cancel.
    app.clock.advance(chrono::Duration::days(365 * 5));
    let (_, mine) = get_text(&c, &app.url(&private)).await;
    assert!(mine.contains("Lena Weiß, Ihre Anmeldung ist bestätigt"));
    assert!(mine.contains("nicht mehr möglich"), "{mine}");
    assert!(!mine.contains("/cancel\""));
    let token = private.rsplit('/').next().unwrap();
    let res = reqwest::Client::new()
        .delete(app.url(&format!("/api/v1/dortmund/registrations/{token}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 409);
    assert!(res.json::<Value>().await.unwrap()["detail"]
        .as_str()
        .unwrap()
        .contains("self-cancellation closed on 27.11.2030, 12:00"));
    let csrf = csrf_in_or_login(&c, &app, &mine).await;
    let res = post_form(&c, &app.url(&format!("{private}/cancel")), &csrf, &[]).await;
    assert_eq!(res.status(), 409);
    assert!(res.text().await.unwrap().contains("nicht mehr möglich"));
    app.server.stop().await;
}

#[tokio::test]
async fn an_unconfirmed_offer_expires_and_the_place_goes_to_the_next_person() {
    let app = TestApp::spawn().await;
    let token = coordinator_token(&app).await;
    let mut e = event_json(1, true);
    e["offer_hours"] = json!(24);
    let id = create_event(&app, &token, &e)
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut tokens = Vec::new();
    for (name, lang) in [
        ("Anna First", "de"),
        ("Burak Second", "tr"),
        ("Clara Third", "de"),
    ] {
        let res = reqwest::Client::new()
            .post(app.url(&format!("/api/v1/dortmund/events/{id}/registrations")))
            .header("accept-language", lang)
            .json(&json!({ "name": name, "email": format!("{}@example.org", name.split(' ').next().unwrap().to_lowercase()) }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        tokens.push(
            res.json::<Value>().await.unwrap()["cancel_token"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    // Anna gives her place back: Burak is offered it, in Turkish, with a deadline.
    let res = reqwest::Client::new()
        .delete(app.url(&format!("/api/v1/dortmund/registrations/{}", tokens[0])))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let mails = outbox(&app).await;
    let (_, subject, body) = mails
        .iter()
        .find(|(to, s, _)| to == "burak@example.org" && s.starts_with("Sizin için bir yer boşaldı"))
        .unwrap_or_else(|| panic!("{mails:?}"));
    assert!(subject.contains("28.11.2030, 16:00"));
    assert!(body.contains("tarihine kadar onaylayın"), "{body}");
    let link = regex_lite::Regex::new(r"http://[^/\s]+(/dortmund/registrations/[A-Za-z0-9_-]{43})")
        .unwrap()
        .captures(body)
        .unwrap()[1]
        .to_owned();
    let (_, page) = get_text(&client(), &app.url(&link)).await;
    assert!(page.contains("Burak Second"), "{page}");
    let api: Value = reqwest::get(app.url(&format!("/api/v1/dortmund/events/{id}")))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(api["places_left"], 0, "the offered place is held");
    // Burak does not confirm in time: the job ends his offer and offers the
    // place to Clara.
    app.clock.advance(chrono::Duration::hours(25));
    let mut clara_offer = None;
    for _ in 0..100 {
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        let mails = outbox(&app).await;
        if let Some(m) = mails.iter().find(|(to, s, _)| {
            to == "clara@example.org" && s.starts_with("Ein Platz ist für Sie frei")
        }) {
            clara_offer = Some((m.clone(), mails));
            break;
        }
    }
    let ((_, _, body), mails) = clara_offer.expect("the place is offered to the next person");
    assert!(mails
        .iter()
        .any(|(to, s, _)| to == "burak@example.org" && s.starts_with("Teklifin süresi doldu")));
    let db = app.raw_db().await;
    let tenant = app.tenant("dortmund").await;
    let regs = vertrauensnetz::events::store::registrations(
        &db,
        tenant.id,
        uuid::Uuid::parse_str(&id).unwrap(),
    )
    .await
    .unwrap();
    let status: Vec<(&str, &str)> = regs
        .iter()
        .map(|r| (r.name.as_str(), r.status.as_str()))
        .collect();
    assert_eq!(
        status,
        vec![
            ("Anna First", "cancelled"),
            ("Burak Second", "expired"),
            ("Clara Third", "offered")
        ]
    );
    // Burak's link now says the offer ran out and cannot confirm.
    let (_, page) = get_text(&client(), &app.url(&link)).await;
    assert!(
        page.contains("süresi") || page.contains("nicht rechtzeitig"),
        "{page}"
    );
    let c = client();
    let (_, page) = get_text(&c, &app.url(&link)).await;
    let res = post_form(
        &c,
        &app.url(&format!("{link}/confirm")),
        &csrf_in_or_login(&c, &app, &page).await,
        &[],
    )
    .await;
    assert_eq!(res.status(), 409);
    // Clara confirms through her link and gets a confirmation.
    let clara = regex_lite::Regex::new(r"(/dortmund/registrations/[A-Za-z0-9_-]{43})")
        .unwrap()
        .captures(&body)
        .unwrap()[1]
        .to_owned();
    let (_, page) = get_text(&c, &app.url(&clara)).await;
    let res = post_form(
        &c,
        &app.url(&format!("{clara}/confirm")),
        &csrf_in(&page),
        &[],
    )
    .await;
    assert_eq!(res.status(), 303);
    let (_, page) = get_text(&c, &app.url(&clara)).await;
    assert!(
        page.contains("Clara Third, Ihre Anmeldung ist bestätigt"),
        "{page}"
    );
    let api: Value = reqwest::get(app.url(&format!("/api/v1/dortmund/events/{id}")))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(api["places_left"], 0);
    app.server.stop().await;
}

/// The CSRF token of a page, or (for pages without a form) of the login page.
async fn csrf_in_or_login(c: &reqwest::Client, app: &TestApp, page: &str) -> String {
    if page.contains("name=\"csrf\"") {
        csrf_in(page)
    } else {
        csrf_token(c, &app.url("/dortmund/login")).await
    }
}

#[tokio::test]
async fn reminders_carry_an_unsubscribe_link_that_stops_bulk_mail_only() {
    let app = TestApp::spawn().await;
    let token = coordinator_token(&app).await;
    // Two events a day apart, starting in 30 and 54 hours.
    let start = |h: i64| {
        (chrono::Utc::now() + chrono::Duration::hours(h))
            .format("%Y-%m-%dT%H:00:00Z")
            .to_string()
    };
    let mut ids = Vec::new();
    for (h, title) in [(30, "Erste Runde"), (54, "Zweite Runde")] {
        let mut e = event_json(10, false);
        e["title"] = json!(title);
        e["starts_at"] = json!(start(h));
        e["ends_at"] = json!(start(h + 2));
        e["registration_closes_at"] = serde_json::Value::Null;
        ids.push(
            create_event(&app, &token, &e)
                .await
                .json::<Value>()
                .await
                .unwrap()["id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    for id in &ids {
        assert_eq!(
            api_register(&app, id, "Mia Sommer", json!({}))
                .await
                .status(),
            201
        );
    }
    // A day before the first event, its reminder goes out with the link.
    app.clock.advance(chrono::Duration::hours(8));
    let find = |title: &'static str| {
        let app = &app;
        async move {
            for _ in 0..100 {
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
                if let Some(m) = outbox(app)
                    .await
                    .into_iter()
                    .find(|(_, s, _)| s.starts_with("Erinnerung: morgen") && s.contains(title))
                {
                    return Some(m);
                }
            }
            None
        }
    };
    let (to, _, body) = find("Erste Runde").await.expect("reminder sent");
    assert_eq!(to, "mia.sommer@example.org");
    assert!(body.contains("Wann: "));
    let link = regex_lite::Regex::new(r"(/dortmund/unsubscribe/[A-Za-z0-9_-]{43})")
        .unwrap()
        .captures(&body)
        .unwrap()[1]
        .to_owned();
    // Opening the link changes nothing; the button does.
    let c = client();
    let (status, page) = get_text(&c, &app.url(&link)).await;
    assert_eq!(status, 200);
    let res = post_form(&c, &app.url(&link), &csrf_in(&page), &[]).await;
    assert_eq!(res.status(), 303);
    let (_, page) = get_text(&c, &app.url(&link)).await;
    assert!(page.contains("Erledigt"), "{page}");
    assert_eq!(
        get_text(
            &c,
            &app.url(&format!("/dortmund/unsubscribe/{}", "B".repeat(43)))
        )
        .await
        .0,
        404
    );
    // The second event's reminder is not sent …
    app.clock.advance(chrono::Duration::hours(24));
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    let mails = outbox(&app).await;
    assert!(
        !mails
            .iter()
            .any(|(_, s, _)| s.contains("Zweite Runde") && s.starts_with("Erinnerung")),
        "{mails:?}"
    );
    // … but transactional mail still is (a new registration's confirmation).
    let mut e = event_json(10, false);
    e["title"] = json!("Dritte Runde");
    let id = create_event(&app, &token, &e)
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        api_register(&app, &id, "Mia Sommer", json!({}))
            .await
            .status(),
        201
    );
    let mails = outbox(&app).await;
    assert!(mails.iter().any(|(to, s, _)| to == "mia.sommer@example.org"
        && s.starts_with("Anmeldung bestätigt")
        && s.contains("Dritte Runde")));
    app.server.stop().await;
}
