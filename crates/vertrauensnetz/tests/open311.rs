//! Open311 GeoReport v2 conformance through HTTP: every route in JSON and
//! XML, bare arrays, the specification's errors, jurisdictions, api_key
//! (client keys and platform tokens), filters, paging, radius, offsets,
//! and a third-party client from PyPI reading both formats.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use serde_json::Value;
use vertrauensnetz::platform::auth::Role;
use vertrauensnetz::platform::db::Db;

const J: &str = "jurisdiction_id=dortmund.de";

/// An Open311 client key issued on the admin page.
async fn client_key(app: &TestApp) -> String {
    let admin = login(app, "dortmund", Role::Admin).await;
    let page = admin
        .get(app.url("/dortmund/admin/open311-clients"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let res = post_form(
        &admin,
        &app.url("/dortmund/admin/open311-clients"),
        &csrf_in(&page),
        &[("name", "Stadt-App")],
    )
    .await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    regex_lite::Regex::new(r#"<code id="new-key">([^<]+)</code>"#)
        .unwrap()
        .captures(&html)
        .unwrap()[1]
        .to_owned()
}

async fn post(app: &TestApp, format: &str, form: &[(&str, &str)]) -> (u16, String) {
    let res = reqwest::Client::new()
        .post(app.url(&format!("/open311/v2/requests.{format}")))
        .form(form)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

async fn get(app: &TestApp, path: &str) -> (u16, String, String) {
    let res = reqwest::get(app.url(path)).await.unwrap();
    let ct = res
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (res.status().as_u16(), ct, res.text().await.unwrap())
}

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

async fn count_reports(db: &Db) -> i64 {
    let mut conn = db.read().await.unwrap();
    vertrauensnetz::on_db!(conn, c => sqlx::query_as::<_, (i64,)>("SELECT COUNT(*) FROM reports")
        .fetch_one(c).await)
    .unwrap()
    .0
}

fn error_code(format: &str, body: &str) -> u16 {
    if format == "json" {
        let v = json(body);
        assert!(v.is_array(), "{body}");
        assert!(v[0]["description"].is_string());
        v[0]["code"].as_u64().unwrap() as u16
    } else {
        assert!(body.contains("<errors><error><code>"), "{body}");
        assert!(body.contains("<description>"));
        let c = regex_lite::Regex::new(r"<code>(\d+)</code>").unwrap();
        c.captures(body).unwrap()[1].parse().unwrap()
    }
}

#[tokio::test]
async fn every_route_answers_per_the_specification_in_json_and_xml() {
    let app = TestApp::spawn().await;
    let db = app.raw_db().await;
    let key = client_key(&app).await;

    // discovery
    let (s, ct, body) = get(&app, "/open311/v2/discovery.json").await;
    assert_eq!((s, ct.as_str()), (200, "application/json; charset=utf-8"));
    assert!(json(&body)["endpoints"][0]["url"]
        .as_str()
        .unwrap()
        .ends_with("/open311/v2"));
    let (s, ct, body) = get(&app, "/open311/v2/discovery.xml").await;
    assert_eq!((s, ct.as_str()), (200, "text/xml; charset=utf-8"));
    assert!(body.contains("<discovery>") && body.contains("<format>application/json</format>"));

    // services: bare arrays, umlauts intact
    let (s, _, body) = get(&app, &format!("/open311/v2/services.json?{J}")).await;
    assert_eq!(s, 200);
    let services = json(&body);
    assert_eq!(services.as_array().unwrap().len(), 12);
    assert!(body.contains("\"service_name\":\"Straßenbeleuchtung\""));
    let (s, _, body) = get(&app, &format!("/open311/v2/services.xml?{J}")).await;
    assert_eq!(s, 200);
    assert!(body.contains("<services><service><service_code>street-lighting</service_code><service_name>Straßenbeleuchtung</service_name>"));
    // Lünen has its own list; a missing or unknown jurisdiction is refused.
    assert_eq!(
        get(&app, "/open311/v2/services.json?jurisdiction_id=luenen.de")
            .await
            .0,
        200
    );
    for f in ["json", "xml"] {
        let (s, _, body) = get(&app, &format!("/open311/v2/services.{f}")).await;
        assert_eq!((s, error_code(f, &body)), (400, 400));
        let (s, _, body) = get(
            &app,
            &format!("/open311/v2/services.{f}?jurisdiction_id=berlin.de"),
        )
        .await;
        assert_eq!((s, error_code(f, &body)), (404, 404));
    }

    // services/{code}
    let (s, _, body) = get(&app, &format!("/open311/v2/services/poorly-lit.json?{J}")).await;
    assert_eq!(s, 200);
    let d = json(&body);
    assert_eq!(d["service_code"], "poorly-lit");
    assert_eq!(d["attributes"][0]["code"], "time_of_day");
    assert_eq!(d["attributes"][0]["values"].as_array().unwrap().len(), 4);
    let (s, _, body) = get(&app, &format!("/open311/v2/services/poorly-lit.xml?{J}")).await;
    assert_eq!(s, 200);
    assert!(body.contains(
        "<service_definition><service_code>poorly-lit</service_code><attributes><attribute>"
    ));
    for f in ["json", "xml"] {
        let (s, _, body) = get(&app, &format!("/open311/v2/services/nope.{f}?{J}")).await;
        assert_eq!((s, error_code(f, &body)), (404, 404));
    }

    // POST requests: 403 without or with a wrong key, 400 for bad input,
    // nothing stored.
    let good = [
        ("jurisdiction_id", "dortmund.de"),
        ("service_code", "street-lighting"),
        ("lat", "51.5136"),
        ("long", "7.4653"),
        (
            "description",
            "Laterne am Friedensplatz ist aus – Straße völlig dunkel",
        ),
        ("email", "o311-mailmarker@example.org"),
        ("first_name", "O311Namemarker"),
    ];
    for f in ["json", "xml"] {
        let without: Vec<_> = good.to_vec();
        let (s, body) = post(&app, f, &without).await;
        assert_eq!((s, error_code(f, &body)), (403, 403));
        let mut wrong = good.to_vec();
        wrong.push(("api_key", "not-a-key"));
        let (s, body) = post(&app, f, &wrong).await;
        assert_eq!((s, error_code(f, &body)), (403, 403));
        let cases: Vec<Vec<(&str, &str)>> = vec![
            good.iter()
                .filter(|(k, _)| *k != "jurisdiction_id")
                .copied()
                .collect(),
            good.iter()
                .filter(|(k, _)| *k != "service_code")
                .copied()
                .collect(),
            good.iter()
                .map(|(k, v)| {
                    if *k == "service_code" {
                        (*k, "no-such-service")
                    } else {
                        (*k, *v)
                    }
                })
                .collect(),
            good.iter()
                .map(|(k, v)| {
                    if *k == "lat" {
                        (*k, "52.52")
                    } else if *k == "long" {
                        (*k, "13.40")
                    } else {
                        (*k, *v)
                    }
                })
                .collect(),
            good.iter()
                .filter(|(k, _)| *k != "lat" && *k != "long")
                .copied()
                .collect(),
        ];
        for mut c in cases {
            c.push(("api_key", &key));
            let (s, body) = post(&app, f, &c).await;
            assert_eq!((s, error_code(f, &body)), (400, 400), "{c:?}");
        }
        let long = "x".repeat(4001);
        let mut c = good.to_vec();
        c.retain(|(k, _)| *k != "description");
        c.push(("description", &long));
        c.push(("api_key", &key));
        let (s, _) = post(&app, f, &c).await;
        assert_eq!(s, 400);
        // An unsafe place needs its time of day.
        let unsafe_place = [
            ("jurisdiction_id", "dortmund.de"),
            ("api_key", key.as_str()),
            ("service_code", "poorly-lit"),
            ("lat", "51.514"),
            ("long", "7.466"),
            ("description", "Dunkel"),
        ];
        assert_eq!(post(&app, f, &unsafe_place).await.0, 400);
    }
    assert_eq!(count_reports(&db).await, 0, "nothing stored");

    let mut ok = good.to_vec();
    ok.push(("api_key", &key));
    let (s, body) = post(&app, "json", &ok).await;
    assert_eq!(s, 200);
    let created = json(&body);
    let id = created[0]["service_request_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let token = created[0]["token"].as_str().unwrap().to_owned();
    let (s, body) = post(
        &app,
        "xml",
        &[
            ("jurisdiction_id", "dortmund.de"),
            ("api_key", &key),
            ("service_code", "poorly-lit"),
            ("address_string", "Unterführung Königswall"),
            ("attribute[time_of_day]", "night"),
            ("description", "Sehr dunkel"),
        ],
    )
    .await;
    assert_eq!(s, 200);
    assert!(body.contains("<service_requests><request><service_request_id>"));
    // A far report (about 3 km away) for the radius filter.
    let mut far = good.to_vec();
    far.retain(|(k, _)| *k != "lat");
    far.push(("lat", "51.5406"));
    far.push(("api_key", &key));
    let far_id = json(&post(&app, "json", &far).await.1)[0]["service_request_id"]
        .as_str()
        .unwrap()
        .to_owned();
    // A platform API token of an account that works on reports is a key,
    // a partner's is not.
    let coord = app.account("dortmund", Role::Coordinator).login.clone();
    let out = app.cli(&["token", "create", "--login", &coord]).await;
    let coord_token = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    let mut by_token = good.to_vec();
    by_token.push(("api_key", &coord_token));
    assert_eq!(post(&app, "json", &by_token).await.0, 200);
    let partner = app.account("dortmund", Role::Partner).login.clone();
    let out = app.cli(&["token", "create", "--login", &partner]).await;
    let partner_token = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    let mut by_partner = good.to_vec();
    by_partner.push(("api_key", &partner_token));
    assert_eq!(post(&app, "json", &by_partner).await.0, 403);
    assert_eq!(count_reports(&db).await, 4);

    // GET requests: bare arrays, defaults, filters, offsets.
    for f in ["json", "xml"] {
        let (s, _, body) = get(&app, &format!("/open311/v2/requests.{f}")).await;
        assert_eq!((s, error_code(f, &body)), (400, 400));
        let (s, _, body) = get(
            &app,
            &format!("/open311/v2/requests.{f}?{J}&service_code=nope"),
        )
        .await;
        assert_eq!((s, error_code(f, &body)), (400, 400));
    }
    let (s, _, body) = get(&app, &format!("/open311/v2/requests.json?{J}")).await;
    assert_eq!(s, 200);
    let all = json(&body);
    assert_eq!(all.as_array().unwrap().len(), 4);
    assert!(!body.contains("mailmarker") && !body.contains("Namemarker"));
    let offset = regex_lite::Regex::new(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00$").unwrap();
    for r in all.as_array().unwrap() {
        assert!(
            offset.is_match(r["requested_datetime"].as_str().unwrap()),
            "{r}"
        );
        assert_eq!(r["status"], "open");
    }
    let (_, _, body) = get(&app, &format!("/open311/v2/requests.xml?{J}")).await;
    assert_eq!(body.matches("<request>").count(), 4);
    assert!(body.contains("<service_name>Schlecht beleuchteter Ort</service_name>"));
    assert!(body.contains("<address>Unterführung Königswall</address>"));
    let (_, _, body) = get(
        &app,
        &format!("/open311/v2/requests.json?{J}&service_code=poorly-lit"),
    )
    .await;
    assert_eq!(json(&body).as_array().unwrap().len(), 1);
    let (_, _, body) = get(
        &app,
        &format!("/open311/v2/requests.json?{J}&status=closed"),
    )
    .await;
    assert_eq!(json(&body).as_array().unwrap().len(), 0);
    let near = format!("/open311/v2/requests.json?{J}&service_code=street-lighting&lat=51.5136&long=7.4653&radius=1000&page_size=50");
    let (_, _, body) = get(&app, &near).await;
    let ids: Vec<String> = json(&body)
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["service_request_id"].as_str().unwrap().to_owned())
        .collect();
    assert!(ids.contains(&id) && !ids.contains(&far_id));
    let (_, _, p1) = get(
        &app,
        &format!("/open311/v2/requests.json?{J}&page_size=3&page=1"),
    )
    .await;
    let (_, _, p2) = get(
        &app,
        &format!("/open311/v2/requests.json?{J}&page_size=3&page=2"),
    )
    .await;
    assert_eq!(json(&p1).as_array().unwrap().len(), 3);
    assert_eq!(json(&p2).as_array().unwrap().len(), 1);
    assert_eq!(
        get(
            &app,
            &format!("/open311/v2/requests.json?{J}&page_size=1001")
        )
        .await
        .0,
        400
    );
    // Lünen sees none of Dortmund's.
    let (_, _, body) = get(&app, "/open311/v2/requests.json?jurisdiction_id=luenen.de").await;
    assert_eq!(body, "[]");

    // requests/{id}: a one-element array; unknown ids are 404.
    let (s, _, body) = get(&app, &format!("/open311/v2/requests/{id}.json?{J}")).await;
    assert_eq!(s, 200);
    let one = json(&body);
    assert_eq!(one.as_array().unwrap().len(), 1);
    assert_eq!(one[0]["service_request_id"], id.as_str());
    assert_eq!(one[0]["lat"], 51.5136);
    assert_eq!(one[0]["long"], 7.4653);
    assert!(
        one[0]["description"].is_null(),
        "unmoderated text is not public"
    );
    let (s, _, body) = get(&app, &format!("/open311/v2/requests/{id}.xml?{J}")).await;
    assert_eq!(s, 200);
    assert_eq!(body.matches("<request>").count(), 1);
    for f in ["json", "xml"] {
        let (s, _, body) = get(
            &app,
            &format!("/open311/v2/requests/0190d6f2-1c2b-7cc3-9a5e-6f2b9f0c1a11.{f}?{J}"),
        )
        .await;
        assert_eq!((s, error_code(f, &body)), (404, 404));
        let (s, _, body) = get(
            &app,
            &format!("/open311/v2/requests/{id}.{f}?jurisdiction_id=luenen.de"),
        )
        .await;
        assert_eq!((s, error_code(f, &body)), (404, 404));
    }

    // tokens/{token}
    for f in ["json", "xml"] {
        let (s, _, body) = get(&app, &format!("/open311/v2/tokens/{token}.{f}?{J}")).await;
        assert_eq!(s, 200);
        assert!(body.contains(&id));
        let (s, _, _) = get(&app, &format!("/open311/v2/tokens/nope.{f}?{J}")).await;
        assert_eq!(s, 404);
    }

    // servicerequestupdates after a status change with a public text.
    let c = login(&app, "dortmund", Role::Coordinator).await;
    let page = c
        .get(app.url(&format!("/dortmund/staff/reports/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let res = post_form(
        &c,
        &app.url(&format!("/dortmund/staff/reports/{id}/status")),
        &csrf_in(&page),
        &[
            ("status", "fixed"),
            ("text", "Leuchtmittel getauscht, Straße wieder hell"),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);
    let (s, _, body) = get(&app, &format!("/open311/v2/servicerequestupdates.json?{J}")).await;
    assert_eq!(s, 200);
    let u = json(&body);
    assert_eq!(u[0]["service_request_id"], id.as_str());
    assert_eq!(u[0]["status"], "closed");
    assert_eq!(u[0]["external_status_code"], "fixed");
    assert_eq!(
        u[0]["description"],
        "Leuchtmittel getauscht, Straße wieder hell"
    );
    let (_, _, body) = get(&app, &format!("/open311/v2/servicerequestupdates.xml?{J}")).await;
    assert!(body.contains("<service_request_updates><request_update><update_id>"));
    let (_, _, body) = get(
        &app,
        &format!("/open311/v2/requests.json?{J}&status=closed"),
    )
    .await;
    assert_eq!(json(&body)[0]["service_request_id"], id.as_str());

    // Summer time: a request made in July carries +02:00.
    app.clock.advance(chrono::Duration::days(-150));
    let summer = json(&post(&app, "json", &ok).await.1)[0]["service_request_id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.clock.advance(chrono::Duration::days(150));
    let (_, _, body) = get(&app, &format!("/open311/v2/requests/{summer}.json?{J}")).await;
    let t = json(&body)[0]["requested_datetime"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(t.ends_with("+02:00"), "{t}");
    let (_, _, body) = get(&app, &format!("/open311/v2/requests.json?{J}")).await;
    assert!(
        !body.contains(&summer),
        "older than 90 days: not in the default"
    );
    app.server.stop().await;
}

#[tokio::test]
async fn a_third_party_open311_client_reads_services_and_requests_in_both_formats() {
    let app = TestApp::spawn().await;
    let key = client_key(&app).await;
    let res = reqwest::Client::new()
        .post(app.url("/open311/v2/requests.json"))
        .form(&[
            ("jurisdiction_id", "dortmund.de"),
            ("api_key", key.as_str()),
            ("service_code", "elevator"),
            ("lat", "51.5178"),
            ("long", "7.4593"),
            ("description", "Aufzug zum Gleis 3 außer Betrieb"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let id = json(&res.text().await.unwrap())[0]["service_request_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let checker = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/python/check_open311.py"
    );
    let out = tokio::process::Command::new("python3")
        .arg(checker)
        .arg(app.url("/open311/v2"))
        .arg("dortmund.de")
        .arg(&id)
        .output()
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let seen: Value = serde_json::from_slice(&out.stdout).unwrap();
    for f in ["json", "xml"] {
        let s = &seen[f];
        assert_eq!(s["service_codes"].as_array().unwrap().len(), 12, "{f}");
        assert!(s["service_names"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n == "Aufzug oder Rolltreppe"));
        assert_eq!(s["request_ids"], serde_json::json!([id]));
        assert_eq!(s["one"]["id"], id.as_str());
        assert_eq!(s["one"]["service_code"], "elevator");
        assert_eq!(s["one"]["status"], "open");
        assert_eq!(s["one"]["lat"], 51.5178);
        assert_eq!(
            s["attribute_codes"],
            serde_json::json!(["time_of_day", "walk"])
        );
    }
    assert_eq!(seen["json"]["one"], seen["xml"]["one"]);
    app.server.stop().await;
}

/// A rendered list is served again only while no report was written: a
/// new report shows in the very next list, in both formats.
#[tokio::test]
async fn a_new_report_shows_at_once_in_a_list_asked_for_before() {
    let app = TestApp::spawn().await;
    let key = client_key(&app).await;
    let ids = |body: &str| -> Vec<String> {
        json(body)
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["service_request_id"].as_str().unwrap().to_owned())
            .collect()
    };
    let near = format!("/open311/v2/requests.json?{J}&service_code=street-lighting&lat=51.5136&long=7.4653&radius=1000&page_size=50");
    let near_xml = near.replace("requests.json", "requests.xml");
    let (s, _, before) = get(&app, &near).await;
    assert_eq!(s, 200);
    let (_, _, before_xml) = get(&app, &near_xml).await;
    // The same query again within the cache's time: the same answer.
    assert_eq!(get(&app, &near).await.2, before);
    let (s, body) = post(
        &app,
        "json",
        &[
            ("jurisdiction_id", "dortmund.de"),
            ("service_code", "street-lighting"),
            ("lat", "51.5137"),
            ("long", "7.4654"),
            (
                "description",
                "Laterne vor dem Rathaus flackert seit gestern",
            ),
            ("api_key", key.as_str()),
        ],
    )
    .await;
    assert_eq!(s, 200, "{body}");
    let id = json(&body)[0]["service_request_id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(!ids(&before).contains(&id));
    let (_, _, after) = get(&app, &near).await;
    assert!(ids(&after).contains(&id), "{after}");
    let (_, _, after_xml) = get(&app, &near_xml).await;
    assert!(!before_xml.contains(&id));
    assert!(after_xml.contains(&id), "{after_xml}");
    app.server.stop().await;
}
