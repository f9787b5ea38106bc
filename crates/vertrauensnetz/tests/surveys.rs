//! Surveys through HTTP on both backends: the coordinator's builder (a
//! survey without questions cannot be opened), one answer per invitation
//! code under 100 concurrent submissions, refused bad input with nothing
//! stored, results equal to hand-computed values with no cell under 5 on a
//! public page or download, the dashboard figures, map answers that become
//! unsafe-place reports only once confirmed, anonymity of stored answers,
//! and the Dortmund demo series.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use uuid::Uuid;
use vertrauensnetz::platform::auth::Role;
use vertrauensnetz::platform::db::Db;

async fn count_in(db: &Db, sql: &str, survey: Uuid) -> i64 {
    let mut conn = db.read().await.unwrap();
    let (n,): (i64,) =
        vertrauensnetz::on_db!(conn, c => sqlx::query_as(sql).bind(survey).fetch_one(c).await)
            .unwrap();
    n
}

async fn count(db: &Db, sql: &str) -> i64 {
    let mut conn = db.read().await.unwrap();
    let (n,): (i64,) =
        vertrauensnetz::on_db!(conn, c => sqlx::query_as(sql).fetch_one(c).await).unwrap();
    n
}

/// Creates a survey as the coordinator; returns its id.
async fn create_survey(app: &TestApp, c: &reqwest::Client, distribution: &str) -> Uuid {
    let token = csrf_token(c, &app.url("/dortmund/staff/surveys")).await;
    let res = post_form(
        c,
        &app.url("/dortmund/staff/surveys"),
        &token,
        &[
            ("series", "new"),
            ("series_name", "Testreihe"),
            ("distribution", distribution),
            ("opens_on", ""),
            ("closes_on", ""),
            ("title_de", "Sicherheit im Quartier"),
            ("title_tr", "Mahallede güvenlik"),
            ("intro_de", "Eine kurze Befragung."),
        ],
    )
    .await;
    assert_eq!(res.status(), 303, "{}", res.text().await.unwrap());
    let loc = res.headers()["location"].to_str().unwrap().to_owned();
    Uuid::parse_str(loc.rsplit('/').next().unwrap()).unwrap()
}

async fn add_question(
    app: &TestApp,
    c: &reqwest::Client,
    id: Uuid,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let token = csrf_token(c, &app.url(&format!("/dortmund/staff/surveys/{id}"))).await;
    post_form(
        c,
        &app.url(&format!("/dortmund/staff/surveys/{id}/questions")),
        &token,
        fields,
    )
    .await
}

async fn action(app: &TestApp, c: &reqwest::Client, id: Uuid, action: &str) -> reqwest::Response {
    let token = csrf_token(c, &app.url(&format!("/dortmund/staff/surveys/{id}"))).await;
    post_form(
        c,
        &app.url(&format!("/dortmund/staff/surveys/{id}/status")),
        &token,
        &[("action", action)],
    )
    .await
}

/// A survey with a safety scale, a trust scale, a single choice (3
/// options), a multiple choice (3), a free text and a map question.
async fn full_survey(app: &TestApp, c: &reqwest::Client, distribution: &str) -> Uuid {
    let id = create_survey(app, c, distribution).await;
    for fields in [
        vec![
            ("kind", "likert"),
            ("measure", "safety"),
            ("required", "1"),
            ("text_de", "Ich fühle mich sicher."),
            ("text_tr", "Kendimi güvende hissediyorum."),
        ],
        vec![
            ("kind", "likert"),
            ("measure", "trust"),
            ("text_de", "Ich vertraue der Polizei."),
            ("text_tr", "Polise güveniyorum."),
        ],
        vec![
            ("kind", "single"),
            ("measure", "none"),
            ("text_de", "Kontakt mit der Polizei?"),
            ("options_de", "Nie\nEinmal\nMehrmals"),
            ("options_tr", "Hiç\nBir kez\nBirkaç kez"),
        ],
        vec![
            ("kind", "multiple"),
            ("measure", "none"),
            ("text_de", "Was hilft?"),
            ("options_de", "Licht\nStreifen\nSauberkeit"),
        ],
        vec![
            ("kind", "text"),
            ("measure", "none"),
            ("text_de", "Sonst noch etwas?"),
        ],
        vec![
            ("kind", "map"),
            ("measure", "none"),
            ("text_de", "Wo unsicher?"),
        ],
    ] {
        let res = add_question(app, c, id, &fields).await;
        assert_eq!(res.status(), 303, "{}", res.text().await.unwrap());
    }
    id
}

/// Submits an answer as a fresh anonymous browser.
async fn answer(app: &TestApp, id: Uuid, fields: &[(&str, &str)]) -> reqwest::Response {
    let c = client();
    let token = csrf_token(&c, &app.url(&format!("/dortmund/surveys/{id}"))).await;
    post_form(
        &c,
        &app.url(&format!("/dortmund/surveys/{id}")),
        &token,
        fields,
    )
    .await
}

async fn responses(db: &Db, id: Uuid) -> i64 {
    count_in(
        db,
        "SELECT COUNT(*) FROM survey_responses WHERE survey_id = $1",
        id,
    )
    .await
}

#[tokio::test]
async fn the_builder_refuses_to_open_a_survey_without_questions() {
    let app = TestApp::spawn().await;
    let c = login(&app, "dortmund", Role::Coordinator).await;
    let id = create_survey(&app, &c, "open").await;
    // Residents do not see a draft.
    let res = client()
        .get(app.url(&format!("/dortmund/surveys/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let res = action(&app, &c, id, "open").await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("Eine Befragung ohne Fragen kann nicht geöffnet werden"),
        "{body}"
    );
    // Bad questions: one option only, a measure on a free text, no text.
    for fields in [
        vec![
            ("kind", "single"),
            ("text_de", "Frage"),
            ("options_de", "Nur eine"),
        ],
        vec![("kind", "text"), ("measure", "trust"), ("text_de", "Frage")],
        vec![("kind", "likert"), ("text_de", "")],
        vec![("kind", "poll"), ("text_de", "Frage")],
        vec![
            ("kind", "single"),
            ("text_de", "Frage"),
            ("options_de", "A\nB"),
            ("options_tr", "A"),
        ],
    ] {
        let res = add_question(&app, &c, id, &fields).await;
        assert_eq!(res.status(), 422, "{fields:?}");
    }
    let db = app.raw_db().await;
    assert_eq!(
        count_in(
            &db,
            "SELECT COUNT(*) FROM survey_questions WHERE survey_id = $1",
            id
        )
        .await,
        0
    );
    let res = add_question(
        &app,
        &c,
        id,
        &[
            ("kind", "likert"),
            ("measure", "safety"),
            ("text_de", "Sicher?"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(action(&app, &c, id, "open").await.status(), 303);
    // Open: questions can no longer be added.
    let res = add_question(&app, &c, id, &[("kind", "text"), ("text_de", "Noch eine")]).await;
    assert_eq!(res.status(), 409);
    let page = client()
        .get(app.url(&format!("/dortmund/surveys/{id}?lang=tr")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Mahallede güvenlik"));
    assert!(page.contains("tamamen katılıyorum"));
    app.server.stop().await;
}

#[tokio::test]
async fn an_invitation_code_answers_once_under_100_concurrent_submissions() {
    let app = TestApp::spawn().await;
    let c = login(&app, "dortmund", Role::Coordinator).await;
    let id = create_survey(&app, &c, "token").await;
    add_question(&app, &c, id, &[("kind", "likert"), ("text_de", "Sicher?")]).await;
    assert_eq!(action(&app, &c, id, "open").await.status(), 303);
    let token = csrf_token(&c, &app.url(&format!("/dortmund/staff/surveys/{id}"))).await;
    let res = post_form(
        &c,
        &app.url(&format!("/dortmund/staff/surveys/{id}/tokens")),
        &token,
        &[("count", "3")],
    )
    .await;
    assert_eq!(res.status(), 200);
    let letters = res.text().await.unwrap();
    let re = regex_lite::Regex::new(r#"letter-code">([A-Z0-9]{5}-[A-Z0-9]{5})<"#).unwrap();
    let codes: Vec<String> = re
        .captures_iter(&letters)
        .map(|c| c[1].to_owned())
        .collect();
    assert_eq!(codes.len(), 3);
    let db = app.raw_db().await;
    // Only hashes are stored.
    let mut conn = db.read().await.unwrap();
    let hashes: Vec<(Vec<u8>,)> = vertrauensnetz::on_db!(conn, c => sqlx::query_as(
        "SELECT token_hash FROM survey_tokens WHERE survey_id = $1").bind(id).fetch_all(c).await)
    .unwrap();
    drop(conn);
    assert_eq!(hashes.len(), 3);
    assert!(hashes.iter().all(|h| h.0.len() == 32));
    assert!(!hashes
        .iter()
        .any(|h| h.0.windows(5).any(|w| w == &codes[0].as_bytes()[..5])));

    // 100 browsers, each with its own CSRF cookie, send the same code at once.
    let mut prepared = Vec::new();
    for _ in 0..100 {
        let b = client();
        let t = csrf_token(&b, &app.url(&format!("/dortmund/surveys/{id}"))).await;
        prepared.push((b, t));
    }
    let url = app.url(&format!("/dortmund/surveys/{id}"));
    let code = codes[0].to_lowercase();
    let mut handles = Vec::new();
    for (b, t) in prepared {
        let url = url.clone();
        let code = code.clone();
        handles.push(tokio::spawn(async move {
            post_form(&b, &url, &t, &[("token", code.as_str()), ("q1", "4")])
                .await
                .status()
                .as_u16()
        }));
    }
    let mut ok = 0;
    let mut refused = 0;
    for h in handles {
        match h.await.unwrap() {
            200 => ok += 1,
            422 => refused += 1,
            s => panic!("unexpected status {s}"),
        }
    }
    assert_eq!((ok, refused), (1, 99));
    assert_eq!(responses(&db, id).await, 1);
    assert_eq!(
        count_in(
            &db,
            "SELECT COUNT(*) FROM survey_tokens WHERE used_on IS NOT NULL AND survey_id = $1",
            id
        )
        .await,
        1
    );
    // The used code is refused with a clear message; another code works.
    let res = answer(&app, id, &[("token", &codes[0]), ("q1", "4")]).await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("schon geantwortet"));
    let res = answer(&app, id, &[("token", &codes[1]), ("q1", "2")]).await;
    assert_eq!(res.status(), 200);
    assert_eq!(responses(&db, id).await, 2);
    app.server.stop().await;
}

#[tokio::test]
async fn bad_answers_are_refused_with_a_clear_message_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let c = login(&app, "dortmund", Role::Coordinator).await;
    let id = full_survey(&app, &c, "open").await;
    assert_eq!(action(&app, &c, id, "open").await.status(), 303);
    let long = "x".repeat(2001);
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (vec![("q1", "6")], "Wert von 1 bis 5"),
        (vec![("q1", "0")], "Wert von 1 bis 5"),
        (vec![("q1", "drei")], "Wert von 1 bis 5"),
        (vec![("q1", "3"), ("q1", "4")], "nur eine Antwort"),
        (vec![], "Bitte beantworten Sie diese Frage"),
        (
            vec![("q1", "3"), ("q3", "3")],
            "Diese Antwort gibt es nicht",
        ),
        (
            vec![("q1", "3"), ("q4", "0"), ("q4", "9")],
            "Diese Antwort gibt es nicht",
        ),
        (
            vec![("q1", "3"), ("q5", long.as_str())],
            "Der Text ist zu lang",
        ),
        (
            vec![
                ("q1", "3"),
                ("q6-district", "atlantis"),
                ("q6-time", "night"),
            ],
            "Diesen Stadtbezirk gibt es nicht",
        ),
        (
            vec![("q1", "3"), ("q6-district", "eving"), ("q6-time", "noon")],
            "Bitte wählen Sie eine Tageszeit",
        ),
        (
            vec![("q1", "3"), ("migration", "maybe")],
            "Diese Antwort gibt es nicht",
        ),
    ];
    for (fields, message) in &cases {
        let res = answer(&app, id, fields).await;
        assert_eq!(res.status(), 422, "{fields:?}");
        let body = res.text().await.unwrap();
        assert!(body.contains(message), "{fields:?}: {message}");
        assert!(body.contains("error-summary"));
    }
    // The same refusal in Turkish.
    let b = client();
    let t = csrf_token(&b, &app.url(&format!("/dortmund/surveys/{id}?lang=tr"))).await;
    let res = post_form(
        &b,
        &app.url(&format!("/dortmund/surveys/{id}")),
        &t,
        &[("q1", "9")],
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("1 ile 5 arasında"));
    let db = app.raw_db().await;
    assert_eq!(responses(&db, id).await, 0);
    assert_eq!(
        count_in(
            &db,
            "SELECT COUNT(*) FROM survey_answers WHERE survey_id = $1",
            id
        )
        .await,
        0
    );
    // Without the CSRF token: refused, nothing stored.
    let res = client()
        .post(app.url(&format!("/dortmund/surveys/{id}")))
        .header("sec-fetch-site", "same-origin")
        .form(&[("q1", "3")])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_client_error());
    // A code survey without a code.
    let tid = create_survey(&app, &c, "token").await;
    add_question(&app, &c, tid, &[("kind", "likert"), ("text_de", "Sicher?")]).await;
    action(&app, &c, tid, "open").await;
    let res = answer(&app, tid, &[("q1", "3")]).await;
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Zugangscode aus Ihrem Brief ein"));
    let res = answer(&app, tid, &[("q1", "3"), ("token", "AAAAA-BBBBB")]).await;
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Diesen Zugangscode kennen wir nicht"));
    assert_eq!(responses(&db, tid).await, 0);
    app.server.stop().await;
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-5
}

/// Every count in a results JSON value is suppressed (null) or at least 5.
fn assert_no_small_cells(v: &serde_json::Value, path: &str) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                let p = format!("{path}.{k}");
                if matches!(
                    k.as_str(),
                    "responses" | "answered" | "total" | "n" | "count"
                ) {
                    if let Some(n) = x.as_u64() {
                        assert!(n >= 5, "{p} = {n}");
                    }
                }
                if k == "counts" || k == "by_time" || k == "by_district" {
                    for cell in x.as_array().unwrap() {
                        let n = if cell.is_array() { &cell[1] } else { cell };
                        if let Some(n) = n.as_u64() {
                            assert!(n >= 5, "{p} has {n}");
                        }
                    }
                }
                assert_no_small_cells(x, &p);
            }
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                assert_no_small_cells(x, &format!("{path}[{i}]"));
            }
        }
        _ => {}
    }
}

#[tokio::test]
async fn results_equal_hand_computed_values_and_show_no_cell_under_five() {
    let app = TestApp::spawn().await;
    let c = login(&app, "dortmund", Role::Coordinator).await;
    let id = full_survey(&app, &c, "open").await;
    assert_eq!(action(&app, &c, id, "open").await.status(), 303);
    // The fixed data set (40 respondents):
    // without migration history (20): trust 5 ×8, 4 ×6, 2 ×6 → 14/20;
    // with (20): trust 4 ×8, 3 ×7, 1 ×5 → 8/20;
    // safety 4 for the first 25 respondents, 2 for the other 15 → 25/40;
    // district: 37 in Eving, 3 in Hörde (a small cell).
    let mut n = 0;
    for (migration, trusts) in [
        (
            "no",
            [[5; 8].to_vec(), [4; 6].to_vec(), [2; 6].to_vec()].concat(),
        ),
        (
            "yes",
            [[4; 8].to_vec(), [3; 7].to_vec(), [1; 5].to_vec()].concat(),
        ),
    ] {
        for t in trusts {
            let safety = if n < 25 { "4" } else { "2" };
            let district = if n < 3 { "hoerde" } else { "eving" };
            let trust = t.to_string();
            let res = answer(
                &app,
                id,
                &[
                    ("q1", safety),
                    ("q2", trust.as_str()),
                    ("q3", "0"),
                    ("migration", migration),
                    ("district", district),
                ],
            )
            .await;
            assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
            n += 1;
        }
    }
    // Unpublished: residents get 404, the coordinator sees them.
    for path in ["results", "results.csv", "results.json"] {
        let res = client()
            .get(app.url(&format!("/dortmund/surveys/{id}/{path}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 404, "{path}");
    }
    let res = c
        .get(app.url(&format!("/dortmund/surveys/{id}/results")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(action(&app, &c, id, "publish").await.status(), 303);

    let json: serde_json::Value = client()
        .get(app.url(&format!("/dortmund/surveys/{id}/results.json")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let f = &json["results"]["figures"];
    assert_eq!(json["results"]["responses"], 40);
    // Safety 25/40 = 0.625, Wilson: (0.470324, 0.757770).
    assert_eq!(f["safety"]["count"], 25);
    assert!(close(f["safety"]["share"].as_f64().unwrap(), 0.625));
    assert!(
        close(f["safety"]["ci_low"].as_f64().unwrap(), 0.470_324),
        "{f}"
    );
    assert!(
        close(f["safety"]["ci_high"].as_f64().unwrap(), 0.757_770),
        "{f}"
    );
    // Mean (25×4 + 15×2)/40 = 3.25; s² = 37.5/39; ±1.959964·sqrt(s²/40).
    assert!(close(f["safety_mean"]["mean"].as_f64().unwrap(), 3.25));
    assert!(
        close(f["safety_mean"]["ci_low"].as_f64().unwrap(), 2.946_121),
        "{f}"
    );
    // Trust 14/20 (Wilson 0.481027–0.854523) and 8/20 (0.218807–0.613418).
    assert!(close(
        f["trust_without_migration"]["share"].as_f64().unwrap(),
        0.7
    ));
    assert!(
        close(
            f["trust_without_migration"]["ci_low"].as_f64().unwrap(),
            0.481_027
        ),
        "{f}"
    );
    assert!(
        close(
            f["trust_without_migration"]["ci_high"].as_f64().unwrap(),
            0.854_523
        ),
        "{f}"
    );
    assert!(close(
        f["trust_with_migration"]["share"].as_f64().unwrap(),
        0.4
    ));
    assert!(
        close(
            f["trust_with_migration"]["ci_low"].as_f64().unwrap(),
            0.218_807
        ),
        "{f}"
    );
    // Gap 0.3 ± 1.959964 × 0.15.
    assert!(close(f["trust_gap"]["difference"].as_f64().unwrap(), 0.3));
    assert!(
        close(f["trust_gap"]["ci_low"].as_f64().unwrap(), 0.006_005),
        "{f}"
    );
    assert!(
        close(f["trust_gap"]["ci_high"].as_f64().unwrap(), 0.593_995),
        "{f}"
    );
    // Question 3: everyone chose option 0 (40); options 1 and 2 are zero
    // cells and hidden.
    let q3 = &json["results"]["questions"][2]["overall"]["counts"];
    assert_eq!(q3, &serde_json::json!([40, null, null]));
    // Hörde (3 respondents) is hidden in the district breakdown.
    let by_district = &json["results"]["questions"][0]["breakdowns"][0]["rows"];
    let hoerde = by_district
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["group"] == "hoerde")
        .unwrap();
    assert_eq!(hoerde["total"], serde_json::Value::Null);
    assert_no_small_cells(&json, "$");

    // The CSV has exactly these figures; no count under 5.
    let csv = client()
        .get(app.url(&format!("/dortmund/surveys/{id}/results.csv")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let headers = r.headers().unwrap().clone();
    let col = headers.iter().position(|h| h == "count").unwrap();
    let mut rows = 0;
    for rec in r.records() {
        let rec = rec.unwrap();
        if let Ok(n) = rec[col].parse::<u64>() {
            assert!(n >= 5, "{rec:?}");
        }
        rows += 1;
    }
    assert!(rows > 20);
    assert!(
        csv.contains("trust_gap,all,,,0.3000,0.0060,0.5940"),
        "{csv}"
    );

    // The public page shows the figures and suppressed cells as "<5".
    let html = client()
        .get(app.url(&format!("/dortmund/surveys/{id}/results")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("62.5 % (47.0–75.8 %, n = 40)"), "{html}");
    assert!(html.contains("30.0 (0.6 – 59.4)"));
    assert!(
        html.contains("&lt;5") || html.contains("&#60;5"),
        "suppressed cells shown as <5"
    );
    assert!(html.contains("<svg class=\"chart\""));

    // The dashboard function returns the same (suppressed) figures.
    let db = app.raw_db().await;
    let tenant = app.tenant("dortmund").await;
    let waves = vertrauensnetz::surveys::public_figures(&db, tenant.id)
        .await
        .unwrap();
    let w = waves.iter().find(|w| w.survey_id == id).unwrap();
    assert_eq!(w.wave, 1);
    assert_eq!(w.responses, Some(40));
    assert_eq!(w.title, "Sicherheit im Quartier");
    let gap = w.figures.trust_gap.unwrap();
    assert!(close(gap.difference, 0.3) && close(gap.ci_low, 0.006_005));
    // Unpublished again: gone from the dashboard and the public pages.
    assert_eq!(action(&app, &c, id, "unpublish").await.status(), 303);
    let waves = vertrauensnetz::surveys::public_figures(&db, tenant.id)
        .await
        .unwrap();
    assert!(waves.iter().all(|w| w.survey_id != id));
    app.server.stop().await;
}

#[tokio::test]
async fn map_answers_become_unsafe_places_only_after_confirmation() {
    let app = TestApp::spawn().await;
    let c = login(&app, "dortmund", Role::Coordinator).await;
    let id = full_survey(&app, &c, "open").await;
    action(&app, &c, id, "open").await;
    let res = answer(
        &app,
        id,
        &[
            ("q1", "2"),
            ("q6-district", "eving"),
            ("q6-place", "Unterführung Testweg"),
            ("q6-time", "night"),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);
    let db = app.raw_db().await;
    let survey_reports = "SELECT COUNT(*) FROM reports WHERE source = 'survey'";
    assert_eq!(count(&db, survey_reports).await, 0);
    let page = c
        .get(app.url(&format!("/dortmund/staff/surveys/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Unterführung Testweg"));
    let re = regex_lite::Regex::new(r#"name="answer" value="([0-9a-f-]{36})""#).unwrap();
    let answer_id = re.captures(&page).unwrap()[1].to_owned();
    let token = csrf_in(&page);
    let url = app.url(&format!("/dortmund/staff/surveys/{id}/map-answers"));
    let res = post_form(
        &c,
        &url,
        &token,
        &[("answer", &answer_id), ("decision", "confirm")],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(count(&db, survey_reports).await, 1);
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM reports WHERE source = 'survey' AND kind = 'unsafe_place'
               AND time_of_day = 'night' AND district_code = 'eving' AND description = 'Unterführung Testweg'"
        )
        .await,
        1
    );
    // Confirming twice does not file a second report.
    let res = post_form(
        &c,
        &url,
        &token,
        &[("answer", &answer_id), ("decision", "confirm")],
    )
    .await;
    assert_eq!(res.status(), 409);
    assert_eq!(count(&db, survey_reports).await, 1);
    // Residents cannot confirm.
    let anon = client();
    let t = csrf_token(&anon, &app.url("/dortmund/login")).await;
    let res = post_form(
        &anon,
        &url,
        &t,
        &[("answer", &answer_id), ("decision", "confirm")],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("/login"));
    app.server.stop().await;
}

#[tokio::test]
async fn stored_answers_carry_no_address_no_time_and_no_session() {
    let app = TestApp::spawn_with(|c| c.trust_forwarded_for = true).await;
    let c = login(&app, "dortmund", Role::Coordinator).await;
    let id = full_survey(&app, &c, "open").await;
    action(&app, &c, id, "open").await;
    let b = client();
    let t = csrf_token(&b, &app.url(&format!("/dortmund/surveys/{id}"))).await;
    let res = b
        .post(app.url(&format!("/dortmund/surveys/{id}")))
        .header("sec-fetch-site", "same-origin")
        .header("x-forwarded-for", "203.0.113.77")
        .form(&[("csrf", t.as_str()), ("q1", "5"), ("q5", "Alles gut")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let db = app.raw_db().await;
    let mut conn = db.read().await.unwrap();
    let rows: Vec<(String, String, String, String, String, String)> =
        vertrauensnetz::on_db!(conn, c => sqlx::query_as(
            "SELECT answered_on, lang, age_band, gender, migration, district_code FROM survey_responses
             WHERE survey_id = $1").bind(id)
            .fetch_all(c).await)
        .unwrap();
    assert_eq!(rows.len(), 1);
    let day = &rows[0].0;
    assert_eq!(day.len(), 10, "only the day: {day}");
    assert!(chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok());
    let dump = format!("{rows:?}");
    assert!(!dump.contains("203.0.113.77"));
    assert!(!dump.contains(&t));
    // Response ids are random (version 4), not time-ordered.
    let ids: Vec<(Uuid,)> = vertrauensnetz::on_db!(conn, c => sqlx::query_as(
        "SELECT response_id FROM survey_responses WHERE survey_id = $1").bind(id).fetch_all(c).await)
    .unwrap();
    assert_eq!(ids[0].0.get_version_num(), 4);
    drop(conn);
    // No audit entry, no throttle row carries the answer or the address.
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'survey.answer%'"
        )
        .await,
        0
    );
    app.server.stop().await;
}

#[tokio::test]
async fn the_dortmund_demo_has_two_waves_with_a_trust_gap() {
    let app = TestApp::spawn().await;
    let db = app.raw_db().await;
    let tenant = app.tenant("dortmund").await;
    let waves = vertrauensnetz::surveys::public_figures(&db, tenant.id)
        .await
        .unwrap();
    let demo: Vec<_> = waves
        .iter()
        .filter(|w| w.series_name == "Sicherheit und Vertrauen")
        .collect();
    assert_eq!(demo.len(), 2);
    assert_eq!(demo[0].wave, 1);
    assert_eq!(demo[1].wave, 2);
    for w in &demo {
        assert!(w.responses.unwrap() >= 200);
        let gap = w.figures.trust_gap.unwrap();
        assert!(gap.difference > 0.05, "{gap:?}");
        assert!(gap.ci_low < gap.difference && gap.difference < gap.ci_high);
        assert!(w.figures.safety.is_some());
    }
    // Lünen has none.
    let luenen = app.tenant("luenen").await;
    assert!(vertrauensnetz::surveys::public_figures(&db, luenen.id)
        .await
        .unwrap()
        .is_empty());
    // The second wave is distributed by codes, the first is closed.
    let list = client()
        .get(app.url("/dortmund/surveys"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(list.contains("Sicherheit und Vertrauen in Dortmund"));
    let results = client()
        .get(app.url(&format!(
            "/dortmund/surveys/{}/results?lang=ar",
            demo[1].survey_id
        )))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(results.contains("dir=\"rtl\""));
    assert!(results.contains("فجوة الثقة"));
    assert!(
        count(
            &db,
            "SELECT COUNT(*) FROM survey_tokens WHERE used_on IS NULL"
        )
        .await
            >= 100
    );
    app.server.stop().await;
}
