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
        "luisa-flyer-de.svg",
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
