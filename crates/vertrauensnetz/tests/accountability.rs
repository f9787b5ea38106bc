//! Accountability of force and bodycams, the committee report and the
//! reporting system for attacks on staff, through HTTP. Both backends.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use chrono::{Datelike, Duration, TimeZone, Utc};
use common::*;
use serde_json::{json, Value};
use vertrauensnetz::accountability::store;
use vertrauensnetz::platform::auth::Role;

const T: &str = "luenen";

async fn token(app: &TestApp, login: &str) -> String {
    let out = app.cli(&["token", "create", "--login", login]).await;
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

async fn post_json(app: &TestApp, token: &str, path: &str, body: &Value) -> (u16, Value) {
    let res = client()
        .post(app.url(path))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

async fn get(c: &reqwest::Client, url: &str) -> (u16, String) {
    let res = c.get(url).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

async fn count(app: &TestApp, table: &str) -> i64 {
    let tenant = app.tenant(T).await;
    store::count(&app.server.state.db, tenant.id, table)
        .await
        .unwrap()
}

fn force(kind: &str, at: chrono::DateTime<Utc>, bodycam: bool) -> Value {
    json!({
        "kind": kind,
        "occurred_at": at.to_rfc3339(),
        "district": "Lünen-Mitte",
        "place": "Willy-Brandt-Platz",
        "circumstances": "Widerstand bei der Identitätsfeststellung",
        "persons_affected": 1,
        "persons_injured": 0,
        "bodycam_on": bodycam
    })
}

/// Saves the rule set through the administrator's form.
async fn set_rules(app: &TestApp, admin: &reqwest::Client, fields: &[(&str, &str)]) {
    let url = app.url(&format!("/{T}/admin/accountability"));
    let (status, html) = get(admin, &url).await;
    assert_eq!(status, 200);
    let res = post_form(
        admin,
        &app.url(&format!("/{T}/admin/accountability/rules")),
        &csrf_in(&html),
        fields,
    )
    .await;
    assert_eq!(res.status(), 303);
}

const ALL_RULES: &[(&str, &str)] = &[
    ("bodycam_baton_drawn", "true"),
    ("bodycam_baton_used", "true"),
    ("bodycam_pepper_spray", "true"),
    ("bodycam_order_to_leave", "true"),
    ("review_required", "true"),
    ("review_hours", "72"),
    ("retention_days", "14"),
];

#[tokio::test]
async fn bad_input_is_refused_and_a_baton_drawn_without_bodycam_is_flagged_unless_the_rule_is_off()
{
    let app = TestApp::spawn().await;
    let kod = token(&app, "kod@luenen.example").await;
    let now = Utc::now();
    let path = format!("/api/v1/{T}/force-records");

    // Bad input: future time, unknown kind, no time; nothing stored.
    for body in [
        force("baton_drawn", now + Duration::hours(3), true),
        force("taser", now - Duration::hours(1), true),
        json!({ "kind": "handcuffs", "place": "Markt", "circumstances": "x" }),
    ] {
        let res = client()
            .post(app.url(&path))
            .bearer_auth(&kod)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422);
        assert_eq!(
            res.headers()["content-type"].to_str().unwrap(),
            "application/problem+json"
        );
        let problem: Value = res.json().await.unwrap();
        assert!(problem["detail"].as_str().unwrap().contains(":"));
    }
    assert_eq!(count(&app, "force_records").await, 0);
    // The phone form refuses a future time with a page naming the field.
    let officer = login(&app, T, Role::Kod).await;
    let form_url = app.url(&format!("/{T}/staff/force/new"));
    let (status, html) = get(&officer, &form_url).await;
    assert_eq!(status, 200);
    assert!(html.contains("type=\"datetime-local\""));
    let future = (now + Duration::days(1))
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let res = post_form(
        &officer,
        &form_url,
        &csrf_in(&html),
        &[
            ("kind", "baton_drawn"),
            ("occurred_at", &future),
            ("place", "Markt"),
            ("circumstances", "x"),
        ],
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("in der Zukunft"));
    assert_eq!(count(&app, "force_records").await, 0);

    // Default rules: flagged.
    let (status, created) = post_json(
        &app,
        &kod,
        &path,
        &force("baton_drawn", now - Duration::hours(1), false),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["violations"], json!(["bodycam_baton_drawn"]));
    // With the bodycam on: not flagged.
    let (_, ok) = post_json(
        &app,
        &kod,
        &path,
        &force("baton_drawn", now - Duration::hours(1), true),
    )
    .await;
    assert!(ok.get("violations").is_none());
    // The supervisor (the demo order-service account) sees the violation.
    let (status, html) = get(&officer, &app.url(&format!("/{T}/staff/force-reviews"))).await;
    assert_eq!(status, 200);
    assert!(html.contains("Einsatzstock gezogen ohne laufende Bodycam"));

    // The tenant switches the rule off: no longer flagged.
    let admin = login(&app, T, Role::Admin).await;
    let off: Vec<(&str, &str)> = ALL_RULES
        .iter()
        .copied()
        .filter(|(k, _)| *k != "bodycam_baton_drawn")
        .collect();
    set_rules(&app, &admin, &off).await;
    let (status, created) = post_json(
        &app,
        &kod,
        &path,
        &force("baton_drawn", now - Duration::hours(1), false),
    )
    .await;
    assert_eq!(status, 201);
    assert!(created.get("violations").is_none(), "{created}");
    let (_, html) = get(&officer, &app.url(&format!("/{T}/staff/force-reviews"))).await;
    assert!(!html.contains("Einsatzstock gezogen ohne laufende Bodycam"));
    // Other rules still apply.
    let (_, used) = post_json(
        &app,
        &kod,
        &path,
        &force("baton_used", now - Duration::hours(1), false),
    )
    .await;
    assert_eq!(used["violations"], json!(["bodycam_baton_used"]));
    assert_eq!(count(&app, "force_records").await, 4);
    let out = app.cli(&["audit", "verify"]).await;
    assert!(out.status.success());
    app.server.stop().await;
}

#[tokio::test]
async fn a_designated_supervisor_reviews_and_officers_see_only_their_own_records() {
    let app = TestApp::spawn().await;
    let pw = app.add_account(T, "kod", "streife1@luenen.example").await;
    let officer = client();
    login_as(&app, &officer, T, "streife1@luenen.example", &pw).await;
    let pw2 = app.add_account(T, "kod", "streife2@luenen.example").await;
    let colleague = client();
    login_as(&app, &colleague, T, "streife2@luenen.example", &pw2).await;

    let form_url = app.url(&format!("/{T}/staff/force/new"));
    let (_, html) = get(&officer, &form_url).await;
    let when = (Utc::now() - Duration::hours(2))
        .with_timezone(&chrono_tz::Europe::Berlin)
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let res = post_form(
        &officer,
        &form_url,
        &csrf_in(&html),
        &[
            ("kind", "handcuffs"),
            ("occurred_at", &when),
            ("district", "Brambauer"),
            ("place", "Marktplatz"),
            ("circumstances", "Flucht nach Diebstahl"),
            ("persons_affected", "1"),
            ("bodycam_on", "true"),
            ("stop_receipt", "KQ-2026-0042"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let record = res.headers()["location"].to_str().unwrap().to_owned();
    let record = record.split('?').next().unwrap().to_owned();
    let (status, html) = get(&officer, &app.url(&record)).await;
    assert_eq!(status, 200);
    assert!(html.contains("KQ-2026-0042"));
    // A colleague and an undesignated officer see neither it nor reviews.
    assert_eq!(get(&colleague, &app.url(&record)).await.0, 404);
    assert_eq!(
        get(&colleague, &app.url(&format!("/{T}/staff/force-reviews")))
            .await
            .0,
        403
    );
    // The designated supervisor reviews it.
    let supervisor = login(&app, T, Role::Kod).await;
    let (_, list) = get(&supervisor, &app.url(&format!("/{T}/staff/force-reviews"))).await;
    assert!(list.contains(&record));
    let (status, page) = get(&supervisor, &app.url(&record)).await;
    assert_eq!(status, 200);
    let res = post_form(
        &supervisor,
        &app.url(&format!("{record}/review")),
        &csrf_in(&page),
        &[("comment", "Verhältnismäßig, Fessel korrekt angelegt.")],
    )
    .await;
    assert_eq!(res.status(), 303);
    // Twice is refused; the officer reads the comment.
    let res = post_form(
        &supervisor,
        &app.url(&format!("{record}/review")),
        &csrf_in(&page),
        &[("comment", "noch einmal")],
    )
    .await;
    assert_eq!(res.status(), 409);
    let (_, html) = get(&officer, &app.url(&record)).await;
    assert!(html.contains("Verhältnismäßig, Fessel korrekt angelegt."));
    // A police supervisor does not supervise the order service.
    let police = login(&app, T, Role::Police).await;
    assert_eq!(get(&police, &app.url(&record)).await.0, 404);
    app.server.stop().await;
}

#[tokio::test]
async fn bodycam_recordings_are_deleted_after_the_retention_period_unless_evidence() {
    let app = TestApp::spawn_with(|c| c.run_jobs = false).await;
    let kod = token(&app, "kod@luenen.example").await;
    let path = format!("/api/v1/{T}/bodycam-activations");
    let start = Utc::now() - Duration::hours(1);
    let body = |evidence: bool| {
        json!({
            "started_at": start.to_rfc3339(),
            "stopped_at": (start + Duration::minutes(12)).to_rfc3339(),
            "reason": "order_to_leave",
            "note": "Platzverweis am Bahnhof",
            "district": "Lünen-Mitte",
            "announced": true,
            "evidence": evidence
        })
    };
    let (s1, plain) = post_json(&app, &kod, &path, &body(false)).await;
    let (s2, kept) = post_json(&app, &kod, &path, &body(true)).await;
    assert_eq!((s1, s2), (201, 201));
    // Bad input stores nothing.
    let (s, _) = post_json(&app, &kod, &path, &json!({ "reason": "order_to_leave" })).await;
    assert_eq!(s, 422);
    let (s, _) = post_json(
        &app,
        &kod,
        &path,
        &json!({ "reason": "fun", "started_at": start.to_rfc3339() }),
    )
    .await;
    assert_eq!(s, 422);
    assert_eq!(count(&app, "bodycam_activations").await, 2);

    let state = app.server.state.clone();
    let run = || vertrauensnetz::accountability::bodycam::retention(&state);
    app.clock.advance(Duration::days(13));
    assert_eq!(run().await.unwrap(), 0);
    app.clock.advance(Duration::days(2));
    assert_eq!(run().await.unwrap(), 1);
    assert_eq!(run().await.unwrap(), 0);

    let tenant = app.tenant(T).await;
    let id = |v: &Value| v["id"].as_str().unwrap().parse::<uuid::Uuid>().unwrap();
    let gone = store::bodycam(&state.db, tenant.id, id(&plain))
        .await
        .unwrap()
        .unwrap();
    assert!(gone.deleted_at.is_some());
    assert_eq!(gone.note, None);
    assert_eq!(gone.district, None);
    assert_eq!(gone.recorded_by, None);
    assert_eq!(gone.stopped_at, None);
    assert_eq!(gone.reason, "order_to_leave");
    let local = gone.started_at.0.with_timezone(&chrono_tz::Europe::Berlin);
    assert_eq!(local.format("%H:%M:%S").to_string(), "00:00:00");
    let evidence = store::bodycam(&state.db, tenant.id, id(&kept))
        .await
        .unwrap()
        .unwrap();
    assert!(evidence.deleted_at.is_none());
    assert_eq!(evidence.note.as_deref(), Some("Platzverweis am Bahnhof"));

    // The supervisors' page lists the deletion.
    let supervisor = login(&app, T, Role::Kod).await;
    let (status, html) = get(&supervisor, &app.url(&format!("/{T}/staff/bodycam"))).await;
    assert_eq!(status, 200);
    let (stored, deleted) = html.split_once("id=\"deletions\"").unwrap();
    assert_eq!(deleted.matches("<tr class=\"deleted\">").count(), 1);
    assert!(deleted.contains("Platzverweis"));
    assert!(stored.contains("als Beweismittel gesichert"));
    let out = app.cli(&["audit", "verify"]).await;
    assert!(out.status.success());
    app.server.stop().await;
}

/// The quarter before the current one, as (slug, a time in its middle).
fn previous_quarter() -> (String, chrono::DateTime<Utc>, String, chrono::DateTime<Utc>) {
    let now = Utc::now().with_timezone(&chrono_tz::Europe::Berlin);
    let q = (now.month() - 1) / 3 + 1;
    let (y, q) = if q == 1 {
        (now.year() - 1, 4)
    } else {
        (now.year(), q - 1)
    };
    let (py, pq) = if q == 1 { (y - 1, 4) } else { (y, q - 1) };
    let mid = |y: i32, q: u32| Utc.with_ymd_and_hms(y, 3 * q - 1, 15, 12, 0, 0).unwrap();
    (
        format!("{y}-q{q}"),
        mid(y, q),
        format!("{py}-q{pq}"),
        mid(py, pq),
    )
}

#[tokio::test]
async fn the_quarterly_report_counts_what_was_recorded_and_its_pdf_is_valid() {
    let app = TestApp::spawn().await;
    let admin = login(&app, T, Role::Admin).await;
    let off: Vec<(&str, &str)> = ALL_RULES
        .iter()
        .copied()
        .filter(|(k, _)| *k != "review_required")
        .collect();
    set_rules(&app, &admin, &off).await;
    let kod = token(&app, "kod@luenen.example").await;
    let police = token(&app, "police@polizei-dortmund.example").await;
    let (period, mid, previous, prev_mid) = previous_quarter();
    // (kind, district, bodycam, order to leave, injured, police?)
    let records = [
        ("baton_drawn", "Lünen-Mitte", false, false, 1, false),
        ("baton_drawn", "Lünen-Mitte", false, false, 0, false),
        ("baton_drawn", "Lünen-Mitte", true, false, 0, true),
        ("handcuffs", "Lünen-Mitte", true, true, 0, true),
        ("handcuffs", "Lünen-Mitte", false, true, 0, false),
        ("pepper_spray", "Brambauer", false, false, 2, true),
        ("physical_force", "Brambauer", true, false, 0, false),
    ];
    let path = format!("/api/v1/{T}/force-records");
    for (i, (kind, district, cam, leave, injured, by_police)) in records.iter().enumerate() {
        let mut body = force(kind, mid + Duration::hours(i as i64), *cam);
        body["district"] = json!(district);
        body["order_to_leave"] = json!(leave);
        body["persons_affected"] = json!(2);
        body["persons_injured"] = json!(injured);
        let t = if *by_police { &police } else { &kod };
        let (s, v) = post_json(&app, t, &path, &body).await;
        assert_eq!(s, 201, "{v}");
    }
    for i in 0..2 {
        let (s, _) = post_json(
            &app,
            &kod,
            &path,
            &force("other", prev_mid + Duration::hours(i), true),
        )
        .await;
        assert_eq!(s, 201);
    }

    // Independently: the expected figures from the list above.
    let n = records.len() as i64;
    let kind_count = |k: &str| records.iter().filter(|r| r.0 == k).count() as i64;
    let violating = records
        .iter()
        .filter(|r| !r.2 && (matches!(r.0, "baton_drawn" | "baton_used" | "pepper_spray") || r.3))
        .count() as i64;
    let cams = records.iter().filter(|r| r.2).count() as i64;
    let injured: i64 = records.iter().map(|r| r.4).sum();
    let suppress = |n: i64| {
        if (1..5).contains(&n) {
            Value::Null
        } else {
            json!(n)
        }
    };

    let committee = token(&app, "committee@luenen.example").await;
    let res = client()
        .get(app.url(&format!("/api/v1/{T}/committee-reports/{period}.json")))
        .bearer_auth(&committee)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let r: Value = res.json().await.unwrap();
    let h = &r["headline"];
    assert_eq!(h["records"], json!(n));
    assert_eq!(h["previous_records"], json!(2));
    assert_eq!(h["persons_affected"], json!(2 * n));
    assert_eq!(h["persons_injured"], suppress(injured));
    assert_eq!(h["bodycam_on"], json!(cams));
    assert_eq!(h["records_with_violations"], json!(violating));
    assert_eq!(
        h["bodycam_coverage_percent"],
        json!(((cams as f64) * 100.0 / n as f64).round() as i64)
    );
    for row in r["by_kind"].as_array().unwrap() {
        let k = row["value"].as_str().unwrap();
        assert_eq!(row["count"], json!(kind_count(k)), "{k}");
        assert_eq!(
            row["previous"],
            json!(if k == "other" { 2 } else { 0 }),
            "{k}"
        );
    }
    for row in r["by_district"].as_array().unwrap() {
        let d = row["value"].as_str().unwrap();
        let c = records.iter().filter(|x| x.1 == d).count() as i64;
        assert_eq!(row["count"], suppress(c), "{d}");
    }
    let month = format!("{}-{:02}", mid.year(), mid.month());
    for row in r["by_month"].as_array().unwrap() {
        let m = row["value"].as_str().unwrap();
        assert_eq!(row["count"], json!(if m == month { n } else { 0 }), "{m}");
    }
    let police_rows = records.iter().filter(|x| x.5).count() as i64;
    assert_eq!(r["by_agency"][0]["count"], json!(police_rows));

    // The PDF is valid and its text carries the headline figures.
    let res = client()
        .get(app.url(&format!("/api/v1/{T}/committee-reports/{period}.pdf")))
        .bearer_auth(&committee)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    let bytes = res.bytes().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.pdf");
    std::fs::write(&file, &bytes).unwrap();
    let check = std::process::Command::new("qpdf")
        .arg("--check")
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let info = std::process::Command::new("pdfinfo")
        .arg(&file)
        .output()
        .unwrap();
    assert!(info.status.success());
    let text = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(&file)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains(&format!("Bericht {period}")), "{text}");
    assert!(text.contains("Lünen"), "{text}");
    let line = |label: &str| {
        text.lines()
            .find(|l| {
                l.trim_start().strip_prefix(label).is_some_and(|rest| {
                    rest.starts_with(' ') && rest.trim().starts_with(|c: char| c.is_ascii_digit())
                })
            })
            .unwrap_or_else(|| panic!("no {label} in {text}"))
            .to_owned()
    };
    assert!(
        line("Zwangsanwendungen")
            .trim_end()
            .ends_with(&format!(" {n}")),
        "{text}"
    );
    assert!(line("Einträge mit Regelverstoß")
        .trim_end()
        .ends_with(&format!(" {violating}")));
    assert!(line("Bodycam lief").contains(&format!("({cams} / {n})")));

    // The HTML report: the same figures, charts as SVG; the staff page too.
    let c = login(&app, T, Role::Committee).await;
    let (status, html) = get(
        &c,
        &app.url(&format!("/{T}/staff/committee-reports/{period}.html")),
    )
    .await;
    assert_eq!(status, 200);
    assert!(html.contains("<svg"));
    assert!(html.contains(&format!("<dd>{n}</dd>")));
    // Not public unless the tenant publishes.
    let public = app.url(&format!("/{T}/committee-reports/{period}.html"));
    assert_eq!(get(&client(), &public).await.0, 404);
    let mut on = off.clone();
    on.push(("report_public", "true"));
    set_rules(&app, &admin, &on).await;
    assert_eq!(get(&client(), &public).await.0, 200);
    // Unknown periods and formats.
    for bad in ["2026-q5.pdf", "20x6.html", "2026.docx"] {
        let res = client()
            .get(app.url(&format!("/api/v1/{T}/committee-reports/{bad}")))
            .bearer_auth(&committee)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 404, "{bad}");
    }
    // The finished quarter is announced to the committee once (by the
    // background job at start or by this call, never twice).
    let state = app.server.state.clone();
    vertrauensnetz::accountability::report::announce(&state)
        .await
        .unwrap();
    assert_eq!(
        vertrauensnetz::accountability::report::announce(&state)
            .await
            .unwrap(),
        0
    );
    let (_, notes) = get(&c, &app.url(&format!("/{T}/notifications"))).await;
    assert_eq!(
        notes
            .matches(&format!("Bericht an den Ausschuss bereit: {period}"))
            .count(),
        1,
        "{notes}"
    );
    let year = &period[..4];
    let res = client()
        .get(app.url(&format!("/api/v1/{T}/committee-reports/{year}.json")))
        .bearer_auth(&committee)
        .send()
        .await
        .unwrap();
    let y: Value = res.json().await.unwrap();
    let expect_year = if previous.starts_with(year) { n + 2 } else { n };
    assert_eq!(y["headline"]["records"], json!(expect_year));
    app.server.stop().await;
}

#[tokio::test]
async fn an_attack_report_yields_a_complaint_pdf_and_reporters_see_only_their_own() {
    let app = TestApp::spawn().await;
    let reporter = login(&app, T, Role::Kod).await;
    let pw = app.add_account(T, "kod", "kollege@luenen.example").await;
    let colleague = client();
    login_as(&app, &colleague, T, "kollege@luenen.example", &pw).await;

    let form_url = app.url(&format!("/{T}/staff/attacks/new"));
    let (status, html) = get(&reporter, &form_url).await;
    assert_eq!(status, 200);
    let token = csrf_in(&html);
    // Without a time: refused, nothing stored.
    let res = post_form(
        &reporter,
        &form_url,
        &token,
        &[
            ("occurred_at", ""),
            ("kinds", "verbal"),
            ("situation", "order_to_leave"),
            ("place", "Busbahnhof"),
            ("description", "Beleidigt"),
        ],
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("Zeitpunkt"));
    assert_eq!(count(&app, "attack_reports").await, 0);

    let when = (Utc::now() - Duration::minutes(20))
        .with_timezone(&chrono_tz::Europe::Berlin)
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let res = post_form(
        &reporter,
        &form_url,
        &token,
        &[
            ("occurred_at", &when),
            ("kinds", "verbal"),
            ("kinds", "physical"),
            ("situation", "order_to_leave"),
            ("district", "Lünen-Mitte"),
            ("place", "Busbahnhof Lünen, Steig 4"),
            (
                "description",
                "Nach dem Platzverweis gestoßen und als Rassist beschimpft.",
            ),
            ("injured", "true"),
            ("injuries", "Prellung am Unterarm"),
            ("witnesses", "Busfahrerin Frau K."),
            ("bodycam", "true"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let mine = res.headers()["location"]
        .to_str()
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    // The colleague reports through the API.
    let t2 = token_for(&app, "kollege@luenen.example").await;
    let (s, theirs) = post_json(
        &app,
        &t2,
        &format!("/api/v1/{T}/attack-reports"),
        &json!({
            "occurred_at": (Utc::now() - Duration::hours(1)).to_rfc3339(),
            "kinds": ["non_verbal"],
            "situation": "patrol",
            "place": "Stadtpark",
            "description": "Angespuckt"
        }),
    )
    .await;
    assert_eq!(s, 201, "{theirs}");
    let theirs = format!("/{T}/staff/attacks/{}", theirs["id"].as_str().unwrap());
    // API bad input: unknown kind.
    let (s, _) = post_json(
        &app,
        &t2,
        &format!("/api/v1/{T}/attack-reports"),
        &json!({ "occurred_at": Utc::now().to_rfc3339(), "kinds": ["rude"], "situation": "patrol", "place": "x", "description": "y" }),
    )
    .await;
    assert_eq!(s, 422);
    assert_eq!(count(&app, "attack_reports").await, 2);

    // Each sees only their own.
    let (_, list) = get(&reporter, &app.url(&format!("/{T}/staff/attacks"))).await;
    assert!(list.contains(&mine) && !list.contains(&theirs));
    let (_, list) = get(&colleague, &app.url(&format!("/{T}/staff/attacks"))).await;
    assert!(list.contains(&theirs) && !list.contains(&mine));
    assert_eq!(get(&reporter, &app.url(&theirs)).await.0, 404);
    assert_eq!(get(&colleague, &app.url(&mine)).await.0, 404);
    assert_eq!(
        get(&colleague, &app.url(&format!("{mine}/complaint.pdf")))
            .await
            .0,
        404
    );

    // The control centre triages, the designated manager follows up; both
    // were notified.
    let dispatcher = login(&app, T, Role::Dispatcher).await;
    let (_, notes) = get(&dispatcher, &app.url(&format!("/{T}/notifications"))).await;
    assert_eq!(
        notes.matches("Übergriff gemeldet: AM-").count(),
        2,
        "{notes}"
    );
    let (status, html) = get(&dispatcher, &app.url(&format!("/{T}/staff/attack-triage"))).await;
    assert_eq!(status, 200);
    let id = mine.rsplit('/').next().unwrap();
    let res = post_form(
        &dispatcher,
        &app.url(&format!("/{T}/staff/attack-triage/{id}")),
        &csrf_in(&html),
        &[("level", "urgent"), ("note", "")],
    )
    .await;
    assert_eq!(res.status(), 303);
    let manager = login(&app, T, Role::Department).await;
    let url = app.url(&format!("/{T}/staff/attack-followup/{id}"));
    let (status, html) = get(&manager, &url).await;
    assert_eq!(status, 200);
    let res = post_form(
        &manager,
        &url,
        &csrf_in(&html),
        &[
            ("debrief_status", "done"),
            ("psychosocial_status", "scheduled"),
            ("psychosocial_note", "Termin Donnerstag 10 Uhr"),
            ("medical_status", "offered"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let (_, html) = get(&reporter, &app.url(&mine)).await;
    assert!(html.contains("dringend"));
    assert!(html.contains("Termin Donnerstag 10 Uhr"));
    assert!(html.contains("vereinbart"));
    // A department account without the designation gets no follow-up list.
    let pw3 = app
        .add_account(T, "department", "bauamt@luenen.example")
        .await;
    let other = client();
    login_as(&app, &other, T, "bauamt@luenen.example", &pw3).await;
    assert_eq!(get(&other, &url).await.0, 403);

    // The criminal complaint PDF carries the report's facts.
    let res = reporter
        .get(app.url(&format!("{mine}/complaint.pdf")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let bytes = res.bytes().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("anzeige.pdf");
    std::fs::write(&file, &bytes).unwrap();
    let check = std::process::Command::new("qpdf")
        .arg("--check")
        .arg(&file)
        .output()
        .unwrap();
    assert!(check.status.success());
    let text = std::process::Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    for fact in [
        "Strafanzeige",
        "Busbahnhof Lünen, Steig 4",
        "Nach dem Platzverweis gestoßen",
        "Prellung am Unterarm",
        "Busfahrerin Frau K.",
        "Körperlich",
        "Unterschrift",
    ] {
        assert!(text.contains(fact), "{fact} missing in {text}");
    }
    let res = reporter
        .get(app.url(&format!("{mine}/accident.pdf")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    // Statistics: two reports, each cell suppressed.
    let (status, html) = get(
        &dispatcher,
        &app.url(&format!("/{T}/staff/attack-statistics")),
    )
    .await;
    assert_eq!(status, 200);
    assert!(html.contains("unter 5"));
    assert!(!html.contains("Busbahnhof"));
    app.server.stop().await;
}

async fn token_for(app: &TestApp, login: &str) -> String {
    token(app, login).await
}

#[tokio::test]
async fn the_openapi_document_lists_the_accountability_api() {
    let app = TestApp::spawn().await;
    let doc: Value = client()
        .get(app.url("/api/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    for p in [
        "/api/v1/{tenant}/force-records",
        "/api/v1/{tenant}/bodycam-activations",
        "/api/v1/{tenant}/attack-reports",
        "/api/v1/{tenant}/committee-reports/{file}",
    ] {
        assert!(doc["paths"].get(p).is_some(), "{p}");
    }
    app.server.stop().await;
}

#[tokio::test]
async fn the_administrator_designates_and_withdraws_a_supervisor_by_login() {
    let app = TestApp::spawn().await;
    let pw = app.add_account(T, "kod", "streife9@luenen.example").await;
    let officer = client();
    login_as(&app, &officer, T, "streife9@luenen.example", &pw).await;
    let reviews = app.url(&format!("/{T}/staff/force-reviews"));
    assert_eq!(get(&officer, &reviews).await.0, 403);

    let admin = login(&app, T, Role::Admin).await;
    let (status, html) = get(&admin, &app.url(&format!("/{T}/admin/accountability"))).await;
    assert_eq!(status, 200);
    let url = app.url(&format!("/{T}/admin/accountability/designations"));
    // The login is found however it is typed.
    let res = post_form(
        &admin,
        &url,
        &csrf_in(&html),
        &[
            ("login", "Streife9@Luenen.example"),
            ("designation", "supervisor"),
            ("agency", "kod"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303, "{}", res.text().await.unwrap());
    assert_eq!(get(&officer, &reviews).await.0, 200);
    // An unknown login and a supervisor of the wrong agency are refused.
    for fields in [
        [
            ("login", "niemand@luenen.example"),
            ("designation", "supervisor"),
            ("agency", "kod"),
        ],
        [
            ("login", "streife9@luenen.example"),
            ("designation", "supervisor"),
            ("agency", "police"),
        ],
    ] {
        let res = post_form(&admin, &url, &csrf_in(&html), &fields).await;
        assert_eq!(res.status(), 422);
    }
    let res = post_form(
        &admin,
        &url,
        &csrf_in(&html),
        &[
            ("login", "streife9@luenen.example"),
            ("designation", "supervisor"),
            ("agency", "kod"),
            ("remove", "true"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(get(&officer, &reviews).await.0, 403);
    app.server.stop().await;
}
