//! Safe places and help points through HTTP: the list with "open now" at a
//! fixed clock (overnight ranges, holidays), the district filter that works
//! without JavaScript, the map, venues applying and a coordinator deciding,
//! campaign material. Both backends.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use chrono::{Datelike, TimeZone};
use common::*;
use vertrauensnetz::platform::auth::Role;

async fn page(app: &TestApp, path: &str) -> String {
    client()
        .get(app.url(path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// Moves the server's clock to the next `weekday` (0 = Monday) at
/// `hour`:30 in Dortmund. (Sessions expire when the clock jumps.)
fn set_clock(app: &TestApp, weekday: u32, hour: u32) {
    let now = app.clock.now();
    app.clock.advance(next_local(app, weekday, hour) - now);
}

fn next_local(app: &TestApp, weekday: u32, hour: u32) -> chrono::DateTime<chrono::Utc> {
    let tz = chrono_tz::Europe::Berlin;
    let now = app.clock.now();
    let local = now.with_timezone(&tz);
    let mut day = local.date_naive() + chrono::Duration::days(1);
    while day.weekday().num_days_from_monday() != weekday {
        day += chrono::Duration::days(1);
    }
    // Avoid the demo's holidays (24–26 Dec, 1 Jan, 1 May, 3 Oct).
    while matches!(
        (day.month(), day.day()),
        (12, 24..=26) | (1, 1) | (5, 1) | (10, 3) | (12, 31) | (1, 2)
    ) {
        day += chrono::Duration::days(7);
    }
    tz.from_local_datetime(&day.and_hms_opt(hour, 30, 0).unwrap())
        .earliest()
        .unwrap()
        .with_timezone(&chrono::Utc)
}

fn count_places(html: &str) -> usize {
    html.matches("data-lat=").count()
}

#[tokio::test]
async fn open_now_follows_the_night_ranges_at_a_fixed_clock() {
    let app = TestApp::spawn().await;
    let all = page(&app, "/dortmund/safe-places").await;
    // The Guides' central point, three festival help points, twenty venues.
    assert!(all.contains("Dortmund Guides – Zentrale Anlaufstelle"));
    assert_eq!(all.matches("<h3>Hilfepunkt Stadtfest").count(), 3);
    assert_eq!(all.matches("Luisa ist hier</span>").count(), 20);
    assert_eq!(count_places(&all), 24);

    // Saturday 01:30: the Friday night range (Fri 18:00 – Sat 03:00) of the
    // venues and the Guides' Fri 20:00 – Sat 05:00 are open.
    set_clock(&app, 5, 1);
    let open = page(&app, "/dortmund/safe-places?open=1").await;
    assert_eq!(count_places(&open), 21, "Saturday 01:30");
    assert!(open.contains("Dortmund Guides"));
    // Saturday 12:30: nothing is open.
    set_clock(&app, 5, 12);
    let open = page(&app, "/dortmund/safe-places?open=1").await;
    assert_eq!(count_places(&open), 0, "Saturday 12:30");
    // Tuesday 01:30: nobody opens on Monday night.
    set_clock(&app, 1, 1);
    assert_eq!(
        count_places(&page(&app, "/dortmund/safe-places?open=1").await),
        0
    );
    // Thursday 21:30: the Guides (Thu 20:00 – 02:00) and the venues open on
    // Wednesdays are closed again, the Guides open.
    set_clock(&app, 3, 21);
    let open = page(&app, "/dortmund/safe-places?open=1").await;
    assert_eq!(count_places(&open), 1);
    assert!(open.contains("Dortmund Guides"));
}

#[tokio::test]
async fn the_list_works_without_javascript_and_the_page_sends_no_position() {
    let app = TestApp::spawn().await;
    let html = page(&app, "/dortmund/safe-places?district=eving").await;
    let n = count_places(&html);
    assert!((1..24).contains(&n), "{n}");
    assert!(html.contains("<svg viewBox=\"0 0 600 400\" role=\"img\""));
    // The filter form sends a district and nothing else.
    assert!(html.contains("<form method=\"get\" action=\"/dortmund/safe-places\""));
    // The script only reorders what is on the page.
    let re = regex_lite::Regex::new(r#"<script src="([^"]+)""#).unwrap();
    let src = re.captures(&html).unwrap()[1].to_owned();
    let js = page(&app, &src).await;
    assert!(js.contains("getCurrentPosition"));
    for call in [
        "fetch(",
        "XMLHttpRequest",
        "sendBeacon",
        "WebSocket",
        ".src =",
        "window.location",
        "document.location",
    ] {
        assert!(!js.contains(call), "{call}");
    }
    // An unknown district shows everything rather than failing.
    assert_eq!(
        count_places(&page(&app, "/dortmund/safe-places?district=nowhere").await),
        24
    );
}

#[tokio::test]
async fn venues_apply_and_a_coordinator_decides() {
    let app = TestApp::spawn().await;
    let c = client();
    let token = csrf_token(&c, &app.url("/dortmund/safe-places/apply")).await;
    let url = app.url("/dortmund/safe-places/apply");
    // Bad input: nothing stored.
    for (field, value, message) in [
        ("scheme", "casino", "Bitte wählen Sie eine Aktion."),
        ("name", "", "Bitte geben Sie den Namen an"),
        (
            "district",
            "atlantis",
            "Bitte wählen Sie einen Stadtbezirk.",
        ),
        ("opens", "25:00", "Bitte geben Sie Tage und Uhrzeiten an"),
        ("days", "someday", "Bitte geben Sie Tage und Uhrzeiten an"),
    ] {
        let mut fields = vec![
            ("scheme", "panama"),
            ("name", "Bar Nord"),
            ("address", "Münsterstraße 1"),
            ("district", "innenstadt-nord"),
            ("contact", "bar@example.org"),
            ("days", "fri sat"),
            ("opens", "21:00"),
            ("closes", "04:00"),
        ];
        fields.retain(|(k, _)| *k != field);
        fields.push((field, value));
        let res = post_form(&c, &url, &token, &fields).await;
        assert_eq!(res.status(), 422, "{field}");
        assert!(res.text().await.unwrap().contains(message), "{field}");
    }
    let res = post_form(
        &c,
        &url,
        &token,
        &[
            ("scheme", "panama"),
            ("name", "Bar Nord"),
            ("address", "Münsterstraße 1"),
            ("district", "innenstadt-nord"),
            ("contact", "bar@example.org"),
            ("days", "fri sat"),
            ("opens", "21:00"),
            ("closes", "04:00"),
            ("step_free", "1"),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Ihre Anmeldung ist angekommen"));
    // Not public before the decision.
    assert!(!page(&app, "/dortmund/safe-places")
        .await
        .contains("Bar Nord"));
    let coord = login(&app, "dortmund", Role::Coordinator).await;
    let staff = coord
        .get(app.url("/dortmund/staff/safe-places"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(staff.contains("Bar Nord"));
    assert!(staff.contains("Fr 21:00–04:00"));
    let re = regex_lite::Regex::new(r#"/staff/safe-places/([0-9a-f-]{36})/decision"#).unwrap();
    let id = re.captures(&staff).unwrap()[1].to_owned();
    let token = csrf_in(&staff);
    let decide = app.url(&format!("/dortmund/staff/safe-places/{id}/decision"));
    let res = post_form(&coord, &decide, &token, &[("decision", "approve")]).await;
    assert_eq!(res.status(), 303);
    let list = page(&app, "/dortmund/safe-places").await;
    assert!(list.contains("Bar Nord"));
    assert!(list.contains("Wo geht’s hier nach Panama?"));
    // Decided once only.
    let res = post_form(&coord, &decide, &token, &[("decision", "reject")]).await;
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn campaign_material_is_svg_in_several_languages() {
    let app = TestApp::spawn().await;
    for (file, text) in [
        ("luisa-poster-de.svg", "Ist Luisa hier?"),
        ("luisa-sticker-en.svg", "Luisa is here"),
        ("panama-poster-tr.svg", "Panama"),
        ("luisa-poster-ar.svg", "لويزا"),
        ("panama-sticker-uk.svg", "Панами"),
    ] {
        let res = client()
            .get(app.url(&format!("/dortmund/safe-places/material/{file}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{file}");
        assert_eq!(res.headers()["content-type"], "image/svg+xml");
        let svg = res.text().await.unwrap();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains(text), "{file}");
        assert!(svg.contains("Dortmund"));
    }
    for bad in [
        "luisa-poster-xx.svg",
        "casino-poster-de.svg",
        "luisa-banner-de.svg",
        "luisa.svg",
    ] {
        let res = client()
            .get(app.url(&format!("/dortmund/safe-places/material/{bad}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 404, "{bad}");
    }
}

#[tokio::test]
async fn staff_add_points_with_hours_events_and_holidays() {
    let app = TestApp::spawn().await;
    let coord = login(&app, "dortmund", Role::Coordinator).await;
    let staff_url = app.url("/dortmund/staff/safe-places");
    let staff = coord
        .get(&staff_url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = csrf_in(&staff);
    let re = regex_lite::Regex::new(r#"<option value="([0-9a-f-]{36})">([^<]+)</option>"#).unwrap();
    let caps = re.captures(&staff).expect("a coming event to choose");
    let (event, title) = (caps[1].to_owned(), caps[2].to_owned());
    let base = |extra: &[(&'static str, &'static str)]| {
        let mut f: Vec<(&str, &str)> = vec![
            ("kind", "counselling"),
            ("name", "Beratung Nord"),
            ("address", "Leopoldstraße 1"),
            ("district", "innenstadt-nord"),
            ("lat", "51.5275"),
            ("lon", "7.4600"),
            ("help", "listen"),
            ("help", "phone"),
            ("languages", "de tr"),
            ("hours", "sun 10:00-12:00"),
        ];
        for (k, v) in extra {
            f.retain(|(fk, _)| fk != k);
            f.push((k, v));
        }
        f
    };
    for (extra, message) in [
        (vec![("hours", "sun 10:00")], "sun 10:00"),
        (
            vec![("exceptions", "2026-02-30 closed")],
            "2026-02-30 closed",
        ),
        (
            vec![("lat", "53.55"), ("lon", "9.99")],
            "eines Orts in der Stadt",
        ),
        (vec![("kind", "bunker")], "Bitte wählen Sie eine Art."),
        (
            vec![("event", "0190d6f2-1c2b-7cc3-9a5e-6f2b9f0c1a99")],
            "Die Veranstaltung gibt es nicht",
        ),
        (vec![("languages", "deutsch!")], "Sprachkürzel"),
    ] {
        let res = post_form(&coord, &staff_url, &token, &base(&extra)).await;
        assert_eq!(res.status(), 422, "{extra:?}");
        assert!(res.text().await.unwrap().contains(message), "{message}");
    }
    assert!(!page(&app, "/dortmund/safe-places")
        .await
        .contains("Beratung Nord"));
    let res = post_form(&coord, &staff_url, &token, &base(&[])).await;
    assert_eq!(res.status(), 303);
    // A help point bound to a coming event, listed with the event.
    let ev: &'static str = Box::leak(event.into_boxed_str());
    let res = post_form(
        &coord,
        &staff_url,
        &token,
        &base(&[
            ("kind", "event_help"),
            ("name", "Hilfepunkt Test"),
            ("event", ev),
            ("hours", ""),
        ]),
    )
    .await;
    assert_eq!(res.status(), 303);
    let list = page(&app, "/dortmund/safe-places").await;
    assert!(list.contains("Beratung Nord"));
    assert!(list.contains("So 10:00–12:00"));
    let item = list.split("<h3>Hilfepunkt Test</h3>").nth(1).unwrap();
    assert!(item.split("</li>").next().unwrap().contains(&title));

    // A public holiday on a Wednesday: the Sunday hours apply.
    let wednesday = next_local(&app, 2, 11)
        .with_timezone(&chrono_tz::Europe::Berlin)
        .format("%Y-%m-%d")
        .to_string();
    let bad = post_form(
        &coord,
        &app.url("/dortmund/staff/safe-places/holidays"),
        &token,
        &[("holiday_day", "someday"), ("holiday_name", "x")],
    )
    .await;
    assert_eq!(bad.status(), 422);
    set_clock(&app, 2, 11);
    let open = page(&app, "/dortmund/safe-places?open=1").await;
    assert!(!open.contains("Beratung Nord"));
    // Back to now: the session is still valid there.
    app.clock.advance(chrono::Utc::now() - app.clock.now());
    let res = post_form(
        &coord,
        &app.url("/dortmund/staff/safe-places/holidays"),
        &token,
        &[
            ("holiday_day", wednesday.as_str()),
            ("holiday_name", "Stadtfeiertag"),
        ],
    )
    .await;
    assert_eq!(res.headers()["location"], "/dortmund/staff/safe-places");
    set_clock(&app, 2, 11);
    let open = page(&app, "/dortmund/safe-places?open=1").await;
    assert!(open.contains("Beratung Nord"));
}

async fn audit_actions(app: &TestApp) -> Vec<String> {
    use vertrauensnetz::on_db;
    let db = app.raw_db().await;
    let mut conn = db.read().await.unwrap();
    let rows: Vec<(String,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT action FROM audit_log ORDER BY seq").fetch_all(c).await)
    .unwrap();
    rows.into_iter().map(|r| r.0).collect()
}

/// The `<li>` of a place on the public list.
fn item<'a>(html: &'a str, name: &str) -> Option<&'a str> {
    let at = html.find(&format!("<h3>{name}</h3>"))?;
    let start = html[..at].rfind("<li id=\"place-")?;
    let end = html[at..].find("</li>").map(|e| at + e)?;
    Some(&html[start..end])
}

#[tokio::test]
async fn staff_edit_every_field_correct_positions_and_remove_places() {
    let app = TestApp::spawn().await;
    // A venue applies (placed at its district's centre) and is approved.
    let c = client();
    let token = csrf_token(&c, &app.url("/dortmund/safe-places/apply")).await;
    let res = post_form(
        &c,
        &app.url("/dortmund/safe-places/apply"),
        &token,
        &[
            ("scheme", "luisa"),
            ("name", "Café Süd"),
            ("address", "Hohe Straße 5"),
            ("district", "innenstadt-west"),
            ("contact", "cafe@example.org"),
            ("days", "fri"),
            ("opens", "20:00"),
            ("closes", "02:00"),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);
    let coord = login(&app, "dortmund", Role::Coordinator).await;
    let staff_url = app.url("/dortmund/staff/safe-places");
    let staff = coord
        .get(&staff_url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let re = regex_lite::Regex::new(r#"/staff/safe-places/([0-9a-f-]{36})/decision"#).unwrap();
    let id = re.captures(&staff).unwrap()[1].to_owned();
    let token = csrf_in(&staff);
    let res = post_form(
        &coord,
        &app.url(&format!("/dortmund/staff/safe-places/{id}/decision")),
        &token,
        &[("decision", "approve")],
    )
    .await;
    assert_eq!(res.status(), 303);

    // The edit form shows what is stored, hours in the line syntax.
    let edit_url = app.url(&format!("/dortmund/staff/safe-places/{id}"));
    let form = coord
        .get(&edit_url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(form.contains("value=\"Café Süd\""));
    assert!(form.contains("fri 20:00-02:00"));
    assert!(form.contains("value=\"innenstadt-west\" selected"));
    let fields = |extra: &[(&'static str, &'static str)]| {
        let mut f: Vec<(&str, &str)> = vec![
            ("kind", "luisa"),
            ("name", "Café Süd"),
            ("address", "Hohe Straße 5a"),
            ("district", "innenstadt-west"),
            ("lat", "51.50861"),
            ("lon", "7.45612"),
            ("help", "listen"),
            ("help", "taxi"),
            ("languages", "de en tr"),
            ("step_free", "1"),
            ("quiet_room", "1"),
            ("hours", "fri sat 21:00-03:00\nsun 15:00-18:00"),
            ("exceptions", "2030-12-31 18:00-06:00\n2030-12-24 closed"),
            ("contact", "cafe@example.org"),
            ("note", "Eingang hinten"),
        ];
        for (k, v) in extra {
            f.retain(|(fk, _)| fk != k);
            f.push((k, v));
        }
        f
    };
    // Bad input: a clear error, nothing stored.
    for (extra, message) in [
        (
            vec![("lat", "53.55"), ("lon", "9.99")],
            "eines Orts in der Stadt",
        ),
        (vec![("hours", "fri 21:00")], "fri 21:00"),
        (vec![("name", "")], "Bitte geben Sie den Namen an"),
        (vec![("kind", "bunker")], "Bitte wählen Sie eine Art."),
        (
            vec![("exceptions", "2030-13-01 closed")],
            "2030-13-01 closed",
        ),
    ] {
        let res = post_form(&coord, &edit_url, &token, &fields(&extra)).await;
        assert_eq!(res.status(), 422, "{extra:?}");
        assert!(res.text().await.unwrap().contains(message), "{message}");
    }
    let list = page(&app, "/dortmund/safe-places").await;
    assert!(item(&list, "Café Süd").unwrap().contains("Fr 20:00–02:00"));

    // Corrected: position, address, hours, exceptions, help, languages,
    // accessibility.
    let res = post_form(&coord, &edit_url, &token, &fields(&[])).await;
    assert_eq!(res.status(), 303);
    let list = page(&app, "/dortmund/safe-places").await;
    let li = item(&list, "Café Süd").unwrap();
    assert!(
        li.contains("data-lat=\"51.50861\" data-lon=\"7.45612\""),
        "{li}"
    );
    assert!(li.contains("Hohe Straße 5a"));
    assert!(li.contains("Fr 21:00–03:00") && li.contains("Sa 21:00–03:00"));
    assert!(li.contains("So 15:00–18:00"));
    assert!(!li.contains("Fr 20:00–02:00"));
    assert!(li.contains("24.12.2030") && li.contains("31.12.2030"));
    assert!(li.contains("Türkçe"));
    assert!(li.contains("Stufenlos") || li.contains("stufenlos"), "{li}");
    let (_, listed) = api(&app, "/api/v1/dortmund/safe-places").await;
    let p = listed["places"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id.as_str())
        .unwrap()
        .clone();
    assert_eq!(p["location"]["coordinates"][0].as_f64().unwrap(), 7.45612);
    assert_eq!(p["accessibility"]["quiet_room"], true);
    assert_eq!(p["accessibility"]["toilet"], false);
    assert_eq!(p["languages"], serde_json::json!(["de", "en", "tr"]));
    assert_eq!(p["exceptions"][0]["date"], "2030-12-24");
    assert_eq!(p["exceptions"][0]["opens"], serde_json::Value::Null);

    // Removed: gone from the list, the API and the edit form.
    let res = post_form(
        &coord,
        &app.url(&format!("/dortmund/staff/safe-places/{id}/remove")),
        &token,
        &[],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert!(!page(&app, "/dortmund/safe-places")
        .await
        .contains("Café Süd"));
    let (_, listed) = api(&app, "/api/v1/dortmund/safe-places").await;
    assert!(!listed.to_string().contains("Café Süd"));
    assert_eq!(coord.get(&edit_url).send().await.unwrap().status(), 404);
    let res = post_form(&coord, &edit_url, &token, &fields(&[])).await;
    assert_eq!(res.status(), 404);
    // Its contact is deleted with it.
    {
        use vertrauensnetz::on_db;
        let db = app.raw_db().await;
        let mut conn = db.read().await.unwrap();
        let uuid = uuid::Uuid::parse_str(&id).unwrap();
        let row: (String, String) = on_db!(conn, c => sqlx::query_as(
            "SELECT status, contact FROM safe_places WHERE place_id = $1").bind(uuid).fetch_one(c).await)
        .unwrap();
        assert_eq!(row, ("removed".to_owned(), String::new()));
    }
    let actions = audit_actions(&app).await;
    assert!(actions.iter().any(|a| a == "safe_place.update"));
    assert!(actions.iter().any(|a| a == "safe_place.remove"));
    // Another tenant's coordinator cannot reach it.
    let luenen = login(&app, "luenen", Role::Coordinator).await;
    let res = luenen
        .get(app.url(&format!("/luenen/staff/safe-places/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
}

async fn api(app: &TestApp, path: &str) -> (reqwest::Response, serde_json::Value) {
    let res = client().get(app.url(path)).send().await.unwrap();
    let body: serde_json::Value = client()
        .get(app.url(path))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap_or(serde_json::Value::Null);
    (res, body)
}

#[tokio::test]
async fn the_safe_places_api_computes_open_now_at_request_time_and_takes_no_position() {
    let app = TestApp::spawn().await;
    let (res, all) = api(&app, "/api/v1/dortmund/safe-places").await;
    assert_eq!(res.status(), 200);
    assert_eq!(all["places"].as_array().unwrap().len(), 24);
    let guides = all["places"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["kind"] == "guides_point")
        .unwrap();
    assert_eq!(guides["location"]["type"], "Point");
    assert!(guides["hours"]
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h["day"] == "fri"));
    // Saturday 01:30: 21 open; Saturday 12:30: none (the same as the page).
    set_clock(&app, 5, 1);
    let (_, open) = api(&app, "/api/v1/dortmund/safe-places?open_now=true").await;
    assert_eq!(open["places"].as_array().unwrap().len(), 21);
    let (_, all) = api(&app, "/api/v1/dortmund/safe-places").await;
    assert_eq!(
        all["places"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["open_now"] == true)
            .count(),
        21
    );
    set_clock(&app, 5, 12);
    let (_, open) = api(&app, "/api/v1/dortmund/safe-places?open_now=true").await;
    assert_eq!(open["places"].as_array().unwrap().len(), 0);
    // District filter.
    let (_, eving) = api(&app, "/api/v1/dortmund/safe-places?district=eving").await;
    let n = eving["places"].as_array().unwrap().len();
    assert!((1..24).contains(&n), "{n}");
    assert!(eving["places"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["district"] == "eving"));
    // Bad input, and a position, are refused.
    for path in [
        "/api/v1/dortmund/safe-places?district=atlantis",
        "/api/v1/dortmund/safe-places?lat=51.51&lon=7.46",
        "/api/v1/dortmund/safe-places?near=51.51,7.46",
        "/api/v1/dortmund/safe-places?open_now=perhaps",
    ] {
        let res = client().get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 400, "{path}");
        assert_eq!(res.headers()["content-type"], "application/problem+json");
    }
}

fn pdf_text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("m.pdf");
    std::fs::write(&file, bytes).unwrap();
    let check = std::process::Command::new("qpdf")
        .arg("--check")
        .arg(&file)
        .output()
        .expect("qpdf (Debian package qpdf)");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let out = std::process::Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext (Debian package poppler-utils)");
    assert!(out.status.success());
    // Lines wrap where the page is narrow: compare words.
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[tokio::test]
async fn campaign_material_is_pdf_in_five_languages_with_extractable_text() {
    let app = TestApp::spawn().await;
    for (file, texts) in [
        (
            "luisa-poster-de.pdf",
            vec!["Luisa ist hier", "Ist Luisa hier?", "Dortmund"],
        ),
        ("luisa-flyer-en.pdf", vec!["Luisa is here", "Dortmund"]),
        (
            "panama-poster-tr.pdf",
            vec![
                "Panama'ya nereden gidilir?",
                "Kendini rahatsız",
                "takip ediliyor",
            ],
        ),
        (
            "panama-sticker-uk.pdf",
            vec!["Як пройти до Панами?", "Dortmund"],
        ),
        ("luisa-flyer-uk.pdf", vec!["Луїза тут", "погрожують"]),
        ("luisa-poster-ar.pdf", vec!["لويزا", "Dortmund"]),
    ] {
        let res = client()
            .get(app.url(&format!("/dortmund/safe-places/material/{file}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{file}");
        assert_eq!(res.headers()["content-type"], "application/pdf");
        let bytes = res.bytes().await.unwrap();
        let text = pdf_text(&bytes);
        for t in texts {
            assert!(text.contains(t), "{file}: {t} in {text}");
        }
    }
    // Every listed file exists.
    let list = page(&app, "/dortmund/safe-places").await;
    let re =
        regex_lite::Regex::new(r#"href="(/dortmund/safe-places/material/[^"]+\.pdf)""#).unwrap();
    let links: Vec<String> = re.captures_iter(&list).map(|c| c[1].to_owned()).collect();
    assert_eq!(links.len(), 2 * 3 * 5);
    for bad in [
        "luisa-banner-de.pdf",
        "luisa-poster-xx.pdf",
        "luisa-poster-de.doc",
    ] {
        let res = client()
            .get(app.url(&format!("/dortmund/safe-places/material/{bad}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 404, "{bad}");
    }
}
