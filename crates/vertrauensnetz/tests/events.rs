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
    let confirmed_now: Vec<_> = regs.iter().filter(|r| r.status == "confirmed").collect();
    assert_eq!(confirmed_now.len(), 100);
    assert_eq!(regs.iter().filter(|r| r.status == "cancelled").count(), 10);
    let promoted: HashSet<String> = confirmed_now
        .iter()
        .filter(|r| r.waitlist_seq.is_some())
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
