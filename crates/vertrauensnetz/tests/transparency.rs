//! Response targets of the rescue service, the transparency dashboard and
//! its open data, through HTTP. Both backends.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::BTreeMap;

use common::*;
use reqwest::multipart::{Form, Part};
use serde_json::Value;
use vertrauensnetz::platform::auth::Role;

const T: &str = "dortmund";

async fn get(c: &reqwest::Client, url: &str) -> (u16, String) {
    let res = c.get(url).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

async fn import(app: &TestApp, c: &reqwest::Client, csv: &str) -> (u16, String) {
    let page = app.url(&format!("/{T}/staff/response-targets"));
    let token = csrf_token(c, &page).await;
    let form = Form::new().text("csrf", token).part(
        "file",
        Part::bytes(csv.as_bytes().to_vec())
            .file_name("einsaetze.csv")
            .mime_str("text/csv")
            .unwrap(),
    );
    let res = c
        .post(app.url(&format!("/{T}/staff/response-targets/import")))
        .header("sec-fetch-site", "same-origin")
        .multipart(form)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

async fn settings(app: &TestApp, c: &reqwest::Client, start: &str, targets: &str) -> u16 {
    let page = app.url(&format!("/{T}/staff/response-targets"));
    let token = csrf_token(c, &page).await;
    post_form(
        c,
        &app.url(&format!("/{T}/staff/response-targets/settings")),
        &token,
        &[
            ("start_point", start),
            ("threshold", "80"),
            ("targets", targets),
        ],
    )
    .await
    .status()
    .as_u16()
}

async fn stored(app: &TestApp) -> i64 {
    let db = app.raw_db().await;
    let tenant = app.tenant(T).await;
    let n: i64 = match &db {
        vertrauensnetz::platform::db::Db::Sqlite { reader, .. } => {
            sqlx::query_scalar("SELECT COUNT(*) FROM dispatch_records WHERE tenant_id = $1")
                .bind(tenant.id.as_uuid())
                .fetch_one(reader)
                .await
                .unwrap()
        }
        vertrauensnetz::platform::db::Db::Postgres(pool) => {
            sqlx::query_scalar("SELECT COUNT(*) FROM dispatch_records WHERE tenant_id = $1")
                .bind(tenant.id.as_uuid())
                .fetch_one(pool)
                .await
                .unwrap()
        }
    };
    db.close().await;
    n
}

/// One CSV row: the call at `day` 10:00 local time, dispatch one minute
/// later, arrival `secs` after the call.
fn row(id: &str, district: &str, day: &str, secs: i64) -> String {
    let arrive = 10 * 3600 + secs;
    format!(
        "{id},{district},notfall,{day} 10:00:00,{day} 10:01:00,{day} {:02}:{:02}:{:02}\n",
        arrive / 3600,
        (arrive % 3600) / 60,
        arrive % 60
    )
}

const HEADER: &str = "incident_id,district,category,called_at,dispatched_at,arrived_at\n";

/// The fixed data set. Targets: 8 minutes everywhere, 12 in Mengede.
/// From the call: Eving March 7:00, 8:00, 8:01, 5:00, 9:30 (3 of 5 within)
/// and April 6:00 (within); Hörde March 7:59, 8:00, 8:00, 1:00, 8:30 (4 of
/// 5); Mengede March 11:00, 12:00, 12:30, 10:00, 13:00, 9:00 (4 of 6).
fn fixed_csv() -> String {
    let mut s = String::from(HEADER);
    for (i, secs) in [420, 480, 481, 300, 570].iter().enumerate() {
        s.push_str(&row(&format!("E{i}"), "Eving", "2026-03-10", *secs));
    }
    s.push_str(&row("E9", "eving", "2026-04-02", 360));
    for (i, secs) in [479, 480, 480, 60, 510].iter().enumerate() {
        s.push_str(&row(&format!("H{i}"), "Hörde", "2026-03-11", *secs));
    }
    for (i, secs) in [660, 720, 750, 600, 780, 540].iter().enumerate() {
        s.push_str(&row(&format!("M{i}"), "mengede", "2026-03-12", *secs));
    }
    s
}

/// The rows of an HTML table of the dashboard: key → cells as in the
/// files (decimal point, no unit, suppressed and missing cells empty).
fn html_table(html: &str, id: &str) -> Option<(String, BTreeMap<String, Vec<String>>)> {
    let start = html.find(&format!("<table id=\"t-{id}\""))?;
    let end = start + html[start..].find("</table>")?;
    let table = &html[start..end];
    let period = regex_lite::Regex::new(r#"data-period="([^"]*)""#)
        .unwrap()
        .captures(table)
        .map(|c| c[1].to_owned())
        .unwrap();
    let row_re = regex_lite::Regex::new(r#"(?s)<tr data-key="([^"]*)">(.*?)</tr>"#).unwrap();
    let td_re = regex_lite::Regex::new(r#"(?s)<td>(.*?)</td>"#).unwrap();
    let mut rows = BTreeMap::new();
    for r in row_re.captures_iter(table) {
        let cells = td_re
            .captures_iter(&r[2])
            .map(|c| {
                let v = c[1].trim().trim_end_matches(" %").replace(',', ".");
                if v == "weniger als 5" || v == "–" {
                    String::new()
                } else {
                    v
                }
            })
            .collect();
        rows.insert(r[1].to_owned(), cells);
    }
    Some((period, rows))
}

fn csv_table(body: &str) -> (Vec<String>, BTreeMap<String, Vec<String>>) {
    let mut r = csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    let mut rows = BTreeMap::new();
    for rec in r.records() {
        let rec = rec.unwrap();
        rows.insert(
            rec[0].to_owned(),
            rec.iter().skip(2).map(str::to_owned).collect(),
        );
    }
    (header, rows)
}

fn json_rows(doc: &Value) -> BTreeMap<String, Vec<String>> {
    let cols: Vec<String> = doc["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect();
    doc["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let cells = cols
                .iter()
                .map(|c| match &r[c] {
                    Value::Null => String::new(),
                    Value::Number(n) if n.is_i64() => n.to_string(),
                    Value::Number(n) => format!("{:.1}", n.as_f64().unwrap()),
                    other => panic!("unexpected {other}"),
                })
                .collect();
            (r["key"].as_str().unwrap().to_owned(), cells)
        })
        .collect()
}

#[tokio::test]
async fn compliance_equals_hand_computed_values_and_bad_lines_are_reported() {
    let app = TestApp::spawn().await;
    let rescue = login(&app, T, Role::Rescue).await;
    assert_eq!(
        settings(&app, &rescue, "call", "*;*;8;90\nmengede;*;12;90").await,
        200
    );

    // Broken rows among good ones: each is reported with its line, the
    // rest is imported.
    let mut csv = fixed_csv();
    csv.push_str(
        "X1,Nirgendwo,notfall,2026-03-10 10:00:00,2026-03-10 10:01:00,2026-03-10 10:07:00\n",
    );
    csv.push_str("X2,Eving,notfall,gestern,2026-03-10 10:01:00,2026-03-10 10:07:00\n");
    csv.push_str("X3,Eving,notfall,2026-03-10 10:00:00,2026-03-10 09:59:00,2026-03-10 10:07:00\n");
    csv.push_str(&row("E0", "Eving", "2026-03-10", 100));
    let (status, html) = import(&app, &rescue, &csv).await;
    assert_eq!(status, 200, "{html}");
    // The header is line 1 and the 17 good rows are lines 2–18.
    assert!(
        html.contains("Zeile 19: Unbekannter Stadtbezirk „Nirgendwo“."),
        "{html}"
    );
    assert!(
        html.contains("Zeile 20: Keine gültige Zeit: called_at: gestern."),
        "{html}"
    );
    assert!(
        html.contains("Zeile 21: Die Zeiten sind nicht in der Reihenfolge"),
        "{html}"
    );
    assert!(
        html.contains("Zeile 22: Diese Einsatznummer steht schon in Zeile 2."),
        "{html}"
    );
    assert!(
        html.contains("17 Einsätze übernommen (17 neu, 0 ersetzt), 4 Zeilen nicht übernommen."),
        "{html}"
    );
    assert_eq!(stored(&app).await, 17);

    // The staff page shows the hand-computed shares for 2026.
    let (_, page) = get(
        &rescue,
        &app.url(&format!("/{T}/staff/response-targets?period=2026")),
    )
    .await;
    assert!(
        page.contains("<th scope=\"row\">Eving</th><td>6</td><td>4</td><td>66,7 %</td>"),
        "{page}"
    );
    assert!(
        page.contains("<th scope=\"row\">Hörde</th><td>5</td><td>4</td><td>80,0 %</td>"),
        "{page}"
    );
    assert!(
        page.contains("<th scope=\"row\">Mengede</th><td>6</td><td>4</td><td>66,7 %</td>"),
        "{page}"
    );
    assert!(page.contains("Eving: Erreichungsgrad 66,7 % liegt unter der Prüfschwelle von 80 %"));
    assert!(
        !page.contains("Hörde: Erreichungsgrad"),
        "80.0 % is not below 80 %"
    );

    // Re-importing the same export replaces, never double counts.
    let (status, html) = import(&app, &rescue, &fixed_csv()).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("17 Einsätze übernommen (0 neu, 17 ersetzt), 0 Zeilen nicht übernommen."),
        "{html}"
    );
    assert_eq!(stored(&app).await, 17);

    // The public open data has the same figures, by district and month.
    let (status, body) = get(
        &client(),
        &app.url(&format!(
            "/{T}/transparency/data/response-compliance.csv?period=2026"
        )),
    )
    .await;
    assert_eq!(status, 200);
    let (header, rows) = csv_table(&body);
    assert_eq!(
        header,
        [
            "key",
            "label",
            "incidents",
            "within_target",
            "compliance_percent",
            "target_share_percent",
            "previous_compliance_percent"
        ]
    );
    assert_eq!(rows["eving"], ["6", "4", "66.7", "90.0", ""]);
    assert_eq!(rows["hoerde"], ["5", "4", "80.0", "90.0", ""]);
    assert_eq!(rows["mengede"], ["6", "4", "66.7", "90.0", ""]);
    assert_eq!(rows["brackel"], ["0", "0", "", "90.0", ""]);
    let (_, body) = get(
        &client(),
        &app.url(&format!(
            "/{T}/transparency/data/response-compliance-monthly.csv?period=2026"
        )),
    )
    .await;
    let (_, months) = csv_table(&body);
    // 11 of 16 in March = 68.75 → 68.8; April has a single incident (suppressed).
    assert_eq!(months["2026-03"], ["16", "11", "68.8"]);
    assert_eq!(months["2026-04"], ["", "", ""]);
    assert_eq!(months["2026-05"], ["0", "0", ""]);
    // A quarter: only March for Eving (3 of 5).
    let (_, body) = get(
        &client(),
        &app.url(&format!(
            "/{T}/transparency/data/response-compliance.csv?period=2026-q1"
        )),
    )
    .await;
    assert_eq!(csv_table(&body).1["eving"], ["5", "3", "60.0", "90.0", ""]);
    // The dashboard warns about Eving and Mengede, not Hörde.
    let (_, dash) = get(
        &client(),
        &app.url(&format!("/{T}/transparency?period=2026")),
    )
    .await;
    assert!(dash.contains("Eving: Nur 66,7 % der Notfälle"), "{dash}");
    assert!(dash.contains("Mengede: Nur 66,7 % der Notfälle"));
    assert!(!dash.contains("Hörde: Nur"));

    // From the dispatch instead of the call, Eving reaches 5 of 6.
    assert_eq!(
        settings(&app, &rescue, "dispatch", "*;*;8;90\nmengede;*;12;90").await,
        200
    );
    let (_, body) = get(
        &client(),
        &app.url(&format!(
            "/{T}/transparency/data/response-compliance.csv?period=2026"
        )),
    )
    .await;
    assert_eq!(csv_table(&body).1["eving"], ["6", "5", "83.3", "90.0", ""]);

    // A file with the wrong columns stores nothing and says why.
    let (status, html) = import(&app, &rescue, "id;bezirk;zeit\n1;Eving;2026-03-01 10:00\n").await;
    assert_eq!(status, 422);
    assert!(html.contains("Die Spalten passen nicht. Es fehlt: incident_id, district, category, called_at, dispatched_at, arrived_at."), "{html}");
    assert_eq!(stored(&app).await, 17);
    // Only broken rows: nothing stored, every line named.
    let (status, html) = import(&app, &rescue, &format!("{HEADER}Z1,Eving,notfall,x,y,z\n")).await;
    assert_eq!(status, 422);
    assert!(html.contains("Zeile 2: Keine gültige Zeit"));
    assert_eq!(stored(&app).await, 17);
    // No file at all.
    let (status, html) = import(&app, &rescue, "").await;
    assert_eq!(status, 422);
    assert!(html.contains("Bitte wählen Sie eine Datei aus."));

    // Bad targets are refused as a whole and the old ones stay.
    assert_eq!(
        settings(&app, &rescue, "call", "eving;*;8;90\nnirgendwo;*;8;90").await,
        422
    );
    assert_eq!(settings(&app, &rescue, "sometimes", "*;*;8;90").await, 422);
    let (_, page) = get(&rescue, &app.url(&format!("/{T}/staff/response-targets"))).await;
    assert!(page.contains("mengede;*;12;90"));
    assert!(page.contains("value=\"dispatch\" checked"));

    // Someone without the permission cannot import.
    let coordinator = login(&app, T, Role::Coordinator).await;
    let (status, _) = get(
        &coordinator,
        &app.url(&format!("/{T}/staff/response-targets")),
    )
    .await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn every_chart_has_a_table_and_downloads_equal_the_page() {
    let app = TestApp::spawn().await;
    let rescue = login(&app, T, Role::Rescue).await;
    let (status, _) = import(&app, &rescue, &fixed_csv()).await;
    assert_eq!(status, 200);

    for lang in ["de", "ar"] {
        let (status, html) = get(
            &client(),
            &app.url(&format!("/{T}/transparency?period=2026&lang={lang}")),
        )
        .await;
        assert_eq!(status, 200);
        let svg_re =
            regex_lite::Regex::new(r#"<svg class="chart"[^>]*aria-describedby="t-([a-z-]+)""#)
                .unwrap();
        let charts: Vec<String> = svg_re
            .captures_iter(&html)
            .map(|c| c[1].to_owned())
            .collect();
        let tables = html.matches("<table id=\"t-").count();
        assert!(tables >= 10, "{tables} tables");
        assert_eq!(charts.len(), tables, "one chart per table");
        for id in &charts {
            assert!(
                html.contains(&format!("<table id=\"t-{id}\"")),
                "chart {id} without table"
            );
        }
        assert!(
            html.matches("<svg").count() == charts.len(),
            "every chart names its table"
        );
        if lang == "ar" {
            assert!(html.contains("dir=\"rtl\""));
        }
    }

    let (_, html) = get(
        &client(),
        &app.url(&format!("/{T}/transparency?period=2026")),
    )
    .await;
    let id_re = regex_lite::Regex::new(r#"<table id="t-([a-z-]+)""#).unwrap();
    let ids: Vec<String> = id_re
        .captures_iter(&html)
        .map(|c| c[1].to_owned())
        .collect();
    for id in &ids {
        let (period, page_rows) = html_table(&html, id).unwrap();
        let (status, body) = get(
            &client(),
            &app.url(&format!("/{T}/transparency/data/{id}.csv?period={period}")),
        )
        .await;
        assert_eq!(status, 200, "{id}");
        let (_, csv_rows) = csv_table(&body);
        assert_eq!(csv_rows, page_rows, "CSV of {id} differs from the page");
        let res = client()
            .get(app.url(&format!("/{T}/transparency/data/{id}.json?period={period}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["content-type"], "application/json");
        let doc: Value = res.json().await.unwrap();
        assert_eq!(
            json_rows(&doc),
            page_rows,
            "JSON of {id} differs from the page"
        );
        assert_eq!(doc["period"], period.as_str());
        assert_eq!(
            doc["licence"]["name"],
            "Datenlizenz Deutschland – Namensnennung – 2.0"
        );
    }
    // Complaints are published per year; a quarter still shows the year.
    assert!(ids.contains(&"complaints-by-category".to_owned()));
    assert!(ids.contains(&"receipts-evaluation".to_owned()));
    // The accountability figures are withheld while the tenant does not
    // publish its committee reports.
    assert!(!ids.contains(&"force-by-kind".to_owned()));
    let (status, _) = get(
        &client(),
        &app.url(&format!("/{T}/transparency/data/force-by-kind.csv")),
    )
    .await;
    assert_eq!(status, 404);

    // GeoJSON per district: one feature per district with the figures.
    let res = client()
        .get(app.url(&format!(
            "/{T}/transparency/data/response-compliance.geojson?period=2026"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-type"], "application/geo+json");
    let geo: Value = res.json().await.unwrap();
    assert_eq!(geo["type"], "FeatureCollection");
    let features = geo["features"].as_array().unwrap();
    assert_eq!(features.len(), 12);
    let eving = features.iter().find(|f| f["id"] == "eving").unwrap();
    assert_eq!(eving["properties"]["compliance_percent"], 66.7);
    assert_eq!(eving["geometry"]["type"], "Point");

    // The data dictionary lists every dataset with its columns.
    let (status, dict) = get(&client(), &app.url(&format!("/{T}/transparency/data"))).await;
    assert_eq!(status, 200);
    for id in &ids {
        assert!(dict.contains(&format!("<code>{id}</code>")), "{id} missing");
    }
    assert!(dict.contains("<code>compliance_percent</code>"));
    assert!(dict.contains("Datenlizenz Deutschland – Namensnennung – 2.0"));
}

#[tokio::test]
async fn bad_input_is_refused_clearly() {
    let app = TestApp::spawn().await;
    let anon = client();
    for q in ["2026-q5", "26", "abcd", "2026-q", "2026%00"] {
        let (status, html) = get(&anon, &app.url(&format!("/{T}/transparency?period={q}"))).await;
        assert_eq!(status, 400, "{q}");
        assert!(html.contains("Unbekannter Zeitraum"), "{q}: {html}");
    }
    let (status, html) = get(
        &anon,
        &app.url(&format!("/{T}/transparency?period=2026-q5&lang=tr")),
    )
    .await;
    assert_eq!(status, 400);
    assert!(html.contains("Bilinmeyen dönem"));
    for file in [
        "nothing.csv",
        "reports-by-kind.xlsx",
        "reports-by-kind",
        "reports-by-kind.geojson",
        "..%2Fetc.csv",
    ] {
        let (status, _) = get(&anon, &app.url(&format!("/{T}/transparency/data/{file}"))).await;
        assert_eq!(status, 404, "{file}");
    }
    let (status, _) = get(
        &anon,
        &app.url(&format!(
            "/{T}/transparency/data/reports-by-kind.csv?period=1999"
        )),
    )
    .await;
    assert_eq!(status, 400);
    let (status, _) = get(&anon, &app.url("/nowhere/transparency")).await;
    assert_eq!(status, 404);

    // The licence: bad values are refused and nothing changes; good ones
    // appear on the page and in every download.
    let admin = login(&app, T, Role::Admin).await;
    let url = app.url(&format!("/{T}/admin/transparency"));
    let token = csrf_token(&admin, &url).await;
    let res = post_form(
        &admin,
        &url,
        &token,
        &[("licence_name", ""), ("licence_url", "javascript:alert(1)")],
    )
    .await;
    assert_eq!(res.status().as_u16(), 422);
    let (_, dash) = get(&anon, &app.url(&format!("/{T}/transparency"))).await;
    assert!(dash.contains("Datenlizenz Deutschland – Namensnennung – 2.0"));
    let res = post_form(
        &admin,
        &url,
        &token,
        &[
            ("licence_name", "CC BY 4.0"),
            (
                "licence_url",
                "https://creativecommons.org/licenses/by/4.0/",
            ),
        ],
    )
    .await;
    assert_eq!(res.status().as_u16(), 200);
    let (_, dash) = get(&anon, &app.url(&format!("/{T}/transparency"))).await;
    assert!(dash.contains(
        "<a href=\"https://creativecommons.org/licenses/by/4.0/\" rel=\"license\">CC BY 4.0</a>"
    ));
    let (_, json) = get(
        &anon,
        &app.url(&format!("/{T}/transparency/data/events-by-kind.json")),
    )
    .await;
    let doc: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["licence"]["name"], "CC BY 4.0");
    // Lünen keeps its own default.
    let (_, other) = get(&anon, &app.url("/luenen/transparency")).await;
    assert!(other.contains("Datenlizenz Deutschland – Namensnennung – 2.0"));
}
