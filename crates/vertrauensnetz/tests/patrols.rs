//! Order partnership, patrol planning and the control centre, through
//! HTTP. Both backends.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use serde_json::{json, Value};
use uuid::Uuid;
use vertrauensnetz::patrols::store;
use vertrauensnetz::platform::auth::Role;

const T: &str = "luenen";

async fn token(app: &TestApp, role: Role) -> String {
    let login = app.account(T, role).login.clone();
    let out = app.cli(&["token", "create", "--login", &login]).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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

async fn get_json(app: &TestApp, token: &str, path: &str) -> (u16, Value) {
    let res = client()
        .get(app.url(path))
        .bearer_auth(token)
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

async fn audit_count(app: &TestApp, action: &str) -> i64 {
    let db = app.raw_db().await;
    let tenant = app.tenant(T).await;
    let mut conn = db.read().await.unwrap();
    let n: (i64,) = vertrauensnetz::on_db!(conn, c => sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log WHERE tenant_id = $1 AND action = $2")
        .bind(tenant.id.as_uuid()).bind(action).fetch_one(c).await)
    .unwrap();
    n.0
}

fn tomorrow() -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(1)).to_string()
}

/// Computes a plan through the dispatcher's form; returns its id.
async fn make_plan(app: &TestApp, c: &reqwest::Client, first: &str, days: &str) -> String {
    let url = app.url(&format!("/{T}/staff/patrols"));
    let token = csrf_token(c, &url).await;
    let res = post_form(c, &url, &token, &[("first_day", first), ("days", days)]).await;
    assert_eq!(res.status(), 303, "{}", res.text().await.unwrap());
    let loc = res.headers()["location"].to_str().unwrap().to_owned();
    loc.rsplit('/').next().unwrap().to_owned()
}

#[tokio::test]
async fn a_computed_plan_keeps_the_rules_explains_itself_and_is_listed_by_the_api() {
    let app = TestApp::spawn().await;
    let c = login(&app, T, Role::Dispatcher).await;
    let first = tomorrow();
    let id = make_plan(&app, &c, &first, "2").await;
    let (status, html) = get(&c, &app.url(&format!("/{T}/staff/patrols/{id}"))).await;
    assert_eq!(status, 200);
    assert!(html.contains("id=\"no-violations\""), "{html}");
    // Every patrol says why it is there.
    assert!(html.contains("Einsätze in dieser Schicht"), "{html}");
    let patrols = count(&app, "pat_patrols").await;
    assert!(patrols >= 2, "patrols planned: {patrols}");
    // Not published yet: the API lists nothing.
    let police = token(&app, Role::Police).await;
    let path = format!("/api/v1/{T}/patrols?from={first}&to={first}");
    let (s, v) = get_json(&app, &police, &path).await;
    assert_eq!(s, 200);
    assert_eq!(v.as_array().unwrap().len(), 0);
    let url = app.url(&format!("/{T}/staff/patrols/{id}/publish"));
    let res = post_form(&c, &url, &csrf_in(&html), &[]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(audit_count(&app, "patrols.plan.publish").await, 1);
    for role in [Role::Police, Role::Kod, Role::Committee, Role::Dispatcher] {
        let t = token(&app, role).await;
        let (s, v) = get_json(&app, &t, &path).await;
        assert_eq!(s, 200, "{role:?}");
        let list = v.as_array().unwrap();
        assert!(!list.is_empty());
        for p in list {
            assert!(p["id"].is_string() && p["area"].is_string());
            assert!(p["starts_at"].as_str().unwrap() < p["ends_at"].as_str().unwrap());
            let agencies: Vec<&str> = p["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["agency"].as_str().unwrap())
                .collect();
            assert!(
                agencies.contains(&"police") && agencies.contains(&"kod"),
                "{p}"
            );
        }
    }
    // Default period: today and the next 7 days.
    let (s, v) = get_json(&app, &police, &format!("/api/v1/{T}/patrols")).await;
    assert_eq!(s, 200);
    assert!(!v.as_array().unwrap().is_empty());
    let (s, _) = get_json(&app, &police, &format!("/api/v1/{T}/patrols?from=gestern")).await;
    assert_eq!(s, 422);
    let partner = token(&app, Role::Partner).await;
    let (s, _) = get_json(&app, &partner, &path).await;
    assert_eq!(s, 403);
}

#[tokio::test]
async fn a_parity_breaking_edit_is_flagged_and_needs_an_audited_override() {
    let app = TestApp::spawn().await;
    let c = login(&app, T, Role::Dispatcher).await;
    let id = make_plan(&app, &c, &tomorrow(), "1").await;
    let plan_url = app.url(&format!("/{T}/staff/patrols/{id}"));
    let (_, html) = get(&c, &plan_url).await;
    // The first patrol's edit form: keep only police officers (P-5…).
    let re = regex_lite::Regex::new(r#"name="patrol" value="([^"]+)">\s*<label for="members-[^"]+">[^<]*</label>\s*<input id="members-[^"]+" name="members" value="([^"]*)""#).unwrap();
    let cap = re.captures(&html).expect("an edit form");
    let patrol = cap[1].to_owned();
    let police_only: Vec<&str> = cap[2].split(' ').filter(|n| n.starts_with("P-")).collect();
    assert!(!police_only.is_empty());
    let res = post_form(
        &c,
        &app.url(&format!("/{T}/staff/patrols/{id}/edit")),
        &csrf_in(&html),
        &[("patrol", &patrol), ("members", &police_only.join(" "))],
    )
    .await;
    assert_eq!(res.status(), 303);
    let (_, html) = get(&c, &plan_url).await;
    assert!(html.contains("id=\"violations\""));
    assert!(html.contains("Parität"), "{html}");
    // Publishing without override: refused, still a draft.
    let publish = app.url(&format!("/{T}/staff/patrols/{id}/publish"));
    let res = post_form(&c, &publish, &csrf_in(&html), &[]).await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("Übersteuerung"));
    let res = post_form(
        &c,
        &publish,
        &csrf_in(&html),
        &[("override", "true"), ("override_reason", "  ")],
    )
    .await;
    assert_eq!(res.status(), 422);
    let (_, html) = get(&c, &plan_url).await;
    assert!(html.contains("Entwurf"));
    assert_eq!(audit_count(&app, "patrols.plan.publish_override").await, 0);
    let res = post_form(
        &c,
        &publish,
        &csrf_in(&html),
        &[
            ("override", "true"),
            (
                "override_reason",
                "Ordnungsdienst krankheitsbedingt unterbesetzt",
            ),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let (_, html) = get(&c, &plan_url).await;
    assert!(html.contains("veröffentlicht") && html.contains("krankheitsbedingt"));
    assert_eq!(audit_count(&app, "patrols.plan.publish_override").await, 1);
    assert_eq!(audit_count(&app, "patrols.patrol.edit").await, 1);
}

#[tokio::test]
async fn overlapping_shifts_unknown_areas_and_incidents_without_a_place_are_refused() {
    let app = TestApp::spawn().await;
    let c = login(&app, T, Role::Dispatcher).await;
    let day = tomorrow();
    let id = make_plan(&app, &c, &day, "1").await;
    let dispatcher = token(&app, Role::Dispatcher).await;
    let patrols = count(&app, "pat_patrols").await;
    let members = count(&app, "pat_patrol_members").await;
    // Unknown area.
    let (s, v) = post_json(&app, &dispatcher, &format!("/api/v1/{T}/patrols"), &json!({
        "plan_id": id, "area": "Atlantis", "day": day, "band": "late", "members": ["P-5001", "K-5001"]
    })).await;
    assert_eq!(s, 422, "{v}");
    assert!(v["detail"].as_str().unwrap().contains("area"), "{v}");
    // A person already planned in a shift of this plan, again in an
    // overlapping one.
    let db = &app.server.state.db;
    let tenant = app.tenant(T).await;
    let plan_id: Uuid = id.parse().unwrap();
    let rows = store::patrols_of_plan(db, tenant.id, plan_id)
        .await
        .unwrap();
    let first = &rows[0];
    let busy = store::members_of(db, tenant.id, &[first.patrol_id])
        .await
        .unwrap();
    let staff = store::staff(db, tenant.id).await.unwrap();
    let number = staff
        .iter()
        .find(|s| s.staff_id == busy[0].1)
        .unwrap()
        .service_number
        .clone();
    let areas = store::areas(db, tenant.id).await.unwrap();
    let other_area = areas.iter().find(|a| a.area_id != first.area_id).unwrap();
    let (s, v) = post_json(&app, &dispatcher, &format!("/api/v1/{T}/patrols"), &json!({
        "plan_id": id, "area": other_area.name, "day": first.day, "band": first.band, "members": [number]
    })).await;
    assert_eq!(s, 422, "{v}");
    assert!(
        v["detail"].as_str().unwrap().contains("überschneidende")
            || v["detail"].as_str().unwrap().contains("overlapping"),
        "{v}"
    );
    assert_eq!(count(&app, "pat_patrols").await, patrols);
    assert_eq!(count(&app, "pat_patrol_members").await, members);
    // Through the form as well: the page says so, nothing stored.
    let plan_url = app.url(&format!("/{T}/staff/patrols/{id}"));
    let (_, html) = get(&c, &plan_url).await;
    let res = post_form(
        &c,
        &app.url(&format!("/{T}/staff/patrols/{id}/add")),
        &csrf_in(&html),
        &[
            ("area", "Nirgendwo"),
            ("day", &day),
            ("band", "late"),
            ("members", "P-5001"),
        ],
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Unbekannter Einsatzbereich"));
    assert_eq!(count(&app, "pat_patrols").await, patrols);

    // Incidents without a place.
    let incidents = count(&app, "pat_incidents").await;
    for body in [
        json!({ "type": "noise", "priority": 2, "description": "laut" }),
        json!({ "type": "noise", "district": "Lünen-Mitte" }),
        json!({ "type": "noise", "address": "Marktstraße 1", "district": "Gotham" }),
        json!({ "type": "noise", "lat": 51.6 }),
        json!({ "type": "noise", "lat": 123.0, "long": 7.5 }),
        json!({ "type": "bogus", "lat": 51.6, "long": 7.5 }),
        json!({ "type": "noise", "priority": 9, "lat": 51.6, "long": 7.5 }),
    ] {
        let (s, v) = post_json(&app, &dispatcher, &format!("/api/v1/{T}/incidents"), &body).await;
        assert_eq!(s, 422, "{body} → {v}");
    }
    let (s, v) = post_json(
        &app,
        &dispatcher,
        &format!("/api/v1/{T}/incidents"),
        &json!({ "type": "noise" }),
    )
    .await;
    assert_eq!(s, 422);
    assert!(v["detail"].as_str().unwrap().contains("address"), "{v}");
    let res = client()
        .post(app.url(&format!("/api/v1/{T}/incidents")))
        .bearer_auth(&dispatcher)
        .body("{not json")
        .header("content-type", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/problem+json"));
    // The intake form re-renders with the error.
    let url = app.url(&format!("/{T}/staff/dispatch"));
    let token = csrf_token(&c, &url).await;
    let res = post_form(
        &c,
        &url,
        &token,
        &[("source", "phone"), ("type", "noise"), ("priority", "2")],
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Wo? Geben Sie Koordinaten"));
    assert_eq!(count(&app, "pat_incidents").await, incidents);
    // An address with its district is a place.
    let (s, v) = post_json(
        &app,
        &dispatcher,
        &format!("/api/v1/{T}/incidents"),
        &json!({ "type": "noise", "address": "Marktstraße 1", "district": "Lünen-Mitte" }),
    )
    .await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(v["area"], "Mitte");
    assert_eq!(count(&app, "pat_incidents").await, incidents + 1);
}

async fn unit(app: &TestApp, sign: &str, quals: &str, lat: f64, lon: f64, status: i32) -> Uuid {
    let db = &app.server.state.db;
    let tenant = app.tenant(T).await;
    let id = Uuid::now_v7();
    let mut tx = db.begin().await.unwrap();
    store::insert_unit(
        &mut tx,
        tenant.id,
        &store::UnitRow {
            unit_id: id,
            call_sign: sign.into(),
            agency: "joint".into(),
            qualifications: quals.into(),
            lat,
            lon,
            status,
            status_at: app.server.state.clock.now_ts(),
            patrol_id: None,
            crew: String::new(),
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}

#[tokio::test]
async fn the_nearest_free_suitable_unit_is_suggested_and_assignments_are_stamped() {
    let app = TestApp::spawn().await;
    let dispatcher = token(&app, Role::Dispatcher).await;
    let kod = token(&app, Role::Kod).await;
    // Take the demo units off duty, so only the fixed set counts.
    let tenant = app.tenant(T).await;
    for u in store::units(&app.server.state.db, tenant.id).await.unwrap() {
        let (s, _) = post_json(
            &app,
            &dispatcher,
            &format!("/api/v1/{T}/units/{}/status", u.unit_id),
            &json!({ "status": 6 }),
        )
        .await;
        assert_eq!(s, 204);
    }
    // The place: Willy-Brandt-Platz, Lünen (51.6150, 7.5250).
    let busy = unit(&app, "T-BUSY", "mental_crisis", 51.6151, 7.5251, 4).await;
    let _unqualified = unit(&app, "T-UNQ", "bodycam", 51.6152, 7.5252, 1).await;
    let near = unit(&app, "T-NEAR", "bodycam,mental_crisis", 51.6200, 7.5300, 2).await;
    let far = unit(&app, "T-FAR", "mental_crisis", 51.6500, 7.5600, 1).await;
    let off = unit(&app, "T-OFF", "mental_crisis", 51.6150, 7.5250, 6).await;
    let (s, v) = post_json(
        &app,
        &dispatcher,
        &format!("/api/v1/{T}/incidents"),
        &json!({
            "source": "phone", "type": "person_in_crisis", "priority": 1,
            "lat": 51.6150, "long": 7.5250, "description": "Person in Krise am Platz",
            "required_qualification": "mental_crisis"
        }),
    )
    .await;
    assert_eq!(s, 201, "{v}");
    let ranked: Vec<&str> = v["suggested_units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["call_sign"].as_str().unwrap())
        .collect();
    assert_eq!(ranked, ["T-NEAR", "T-FAR"], "{v}");
    let d0 = v["suggested_units"][0]["distance_m"].as_f64().unwrap();
    // 0.0050° lat, 0.0050° lon ≈ 650 m straight line × road factor 1.3.
    assert!((700.0..1000.0).contains(&d0), "{d0}");
    let incident = v["id"].as_str().unwrap().to_owned();
    let _ = (busy, off, far);
    // Without the qualification the unqualified near unit comes first.
    let (_, v2) = post_json(
        &app,
        &dispatcher,
        &format!("/api/v1/{T}/incidents"),
        &json!({
            "type": "noise", "lat": 51.6150, "long": 7.5250
        }),
    )
    .await;
    assert_eq!(v2["suggested_units"][0]["call_sign"], "T-UNQ");
    // Assign the suggested unit; a second alert of the same unit is refused.
    let path = format!("/api/v1/{T}/incidents/{incident}/assignments");
    let (s, a) = post_json(&app, &dispatcher, &path, &json!({ "unit_id": near })).await;
    assert_eq!(s, 201, "{a}");
    let second = v2["id"].as_str().unwrap();
    let (s, _) = post_json(
        &app,
        &dispatcher,
        &format!("/api/v1/{T}/incidents/{second}/assignments"),
        &json!({ "unit_id": near }),
    )
    .await;
    assert_eq!(s, 409);
    // The near unit is busy now: the next suggestion skips it.
    let (_, v3) = post_json(&app, &dispatcher, &format!("/api/v1/{T}/incidents"), &json!({
        "type": "person_in_crisis", "lat": 51.6150, "long": 7.5250, "required_qualification": "mental_crisis"
    })).await;
    let ranked: Vec<&str> = v3["suggested_units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["call_sign"].as_str().unwrap())
        .collect();
    assert_eq!(ranked, ["T-FAR"]);
    // The unit reports en route, on scene, free: the timestamps follow and
    // the incident closes.
    for st in [3, 4, 1] {
        let (s, _) = post_json(
            &app,
            &kod,
            &format!("/api/v1/{T}/units/{near}/status"),
            &json!({ "status": st }),
        )
        .await;
        assert_eq!(s, 204);
    }
    let db = &app.server.state.db;
    let id: Uuid = incident.parse().unwrap();
    let a = store::assignments_of(db, tenant.id, id).await.unwrap();
    assert_eq!(a.len(), 1);
    assert!(a[0].en_route_at.is_some() && a[0].on_scene_at.is_some() && a[0].cleared_at.is_some());
    assert_eq!(
        store::incident(db, tenant.id, id)
            .await
            .unwrap()
            .unwrap()
            .status,
        "closed"
    );
    let (s, _) = post_json(
        &app,
        &kod,
        &format!("/api/v1/{T}/units/{near}/status"),
        &json!({ "status": 12 }),
    )
    .await;
    assert_eq!(s, 422);
    let (s, _) = post_json(
        &app,
        &kod,
        &format!("/api/v1/{T}/units/{}/status", Uuid::now_v7()),
        &json!({ "status": 2 }),
    )
    .await;
    assert_eq!(s, 404);
    // The board as JSON and as a page without JavaScript.
    let c = login(&app, T, Role::Dispatcher).await;
    let (s, html) = get(&c, &app.url(&format!("/{T}/staff/dispatch"))).await;
    assert_eq!(s, 200);
    assert!(html.contains("T-FAR") && html.contains("id=\"refresh\""));
    let (s, json) = get(&c, &app.url(&format!("/{T}/staff/dispatch/board.json"))).await;
    assert_eq!(s, 200);
    let b: Value = serde_json::from_str(&json).unwrap();
    assert!(b["units"]
        .as_array()
        .unwrap()
        .iter()
        .any(|u| u["call_sign"] == "T-NEAR" && u["status"] == 1));
}

#[tokio::test]
async fn committee_focus_is_versioned_and_the_log_counts_per_agency() {
    let app = TestApp::spawn().await;
    let c = login(&app, T, Role::Committee).await;
    let url = app.url(&format!("/{T}/staff/patrol-committee"));
    let (s, html) = get(&c, &url).await;
    assert_eq!(s, 200);
    let focus = count(&app, "pat_focus").await;
    let res = post_form(
        &c,
        &url,
        &csrf_in(&html),
        &[
            ("area", "Süd"),
            ("band", "late"),
            ("weight", "11"),
            ("reason", "x"),
        ],
    )
    .await;
    assert_eq!(res.status(), 422);
    assert_eq!(count(&app, "pat_focus").await, focus);
    for (w, r) in [
        ("1", "Brambauer abends"),
        ("3", "Brambauer abends, nach Anwohnerforum"),
    ] {
        let res = post_form(
            &c,
            &url,
            &csrf_in(&html),
            &[
                ("area", "Süd"),
                ("band", "late"),
                ("weight", w),
                ("reason", r),
            ],
        )
        .await;
        assert_eq!(res.status(), 303);
    }
    let (_, html) = get(&c, &url).await;
    assert!(html.contains("id=\"focus-history\""));
    assert!(html.contains("nach Anwohnerforum") && html.contains("Brambauer abends"));
    assert_eq!(count(&app, "pat_focus").await, focus + 2);
    assert_eq!(audit_count(&app, "patrols.focus.set").await, 2);

    // A published patrol gets log entries from police and KOD.
    let d = login(&app, T, Role::Dispatcher).await;
    let today = chrono::Utc::now().date_naive().to_string();
    let id = make_plan(&app, &d, &today, "1").await;
    let (_, html) = get(&d, &app.url(&format!("/{T}/staff/patrols/{id}"))).await;
    let res = post_form(
        &d,
        &app.url(&format!("/{T}/staff/patrols/{id}/publish")),
        &csrf_in(&html),
        &[],
    )
    .await;
    assert_eq!(res.status(), 303);
    let k = login(&app, T, Role::Kod).await;
    let log_url = app.url(&format!("/{T}/staff/patrol-log"));
    let (s, html) = get(&k, &log_url).await;
    assert_eq!(s, 200);
    assert!(html.contains(&format!("/{T}/receipts/new")));
    let patrol = regex_lite::Regex::new(r#"name="patrol" value="([^"]+)""#)
        .unwrap()
        .captures(&html)
        .unwrap()[1]
        .to_owned();
    for (kind, agency, n) in [
        ("order_to_leave", "", "2"),
        ("identity_check", "police", "3"),
        ("warning", "", "1"),
    ] {
        let res = post_form(
            &k,
            &log_url,
            &csrf_in(&html),
            &[
                ("patrol", &patrol),
                ("kind", kind),
                ("agency", agency),
                ("count", n),
            ],
        )
        .await;
        assert_eq!(res.status(), 303);
    }
    let res = post_form(
        &k,
        &log_url,
        &csrf_in(&html),
        &[("patrol", &patrol), ("kind", "arrest"), ("count", "1")],
    )
    .await;
    assert_eq!(res.status(), 422);
    assert_eq!(count(&app, "pat_log").await, 3);
    let (_, html) = get(&c, &url).await;
    let table = html.split("id=\"counts\"").nth(1).unwrap();
    assert!(
        table.contains("Platzverweis</td><td>0</td><td>2</td>"),
        "{table}"
    );
    assert!(
        table.contains("Identitätsfeststellung</td><td>3</td><td>0</td>"),
        "{table}"
    );
}

/// `bench/patrols.sh`: intake → suggestion with 500 open incidents (Lünen).
#[tokio::test]
#[ignore]
async fn bench_dispatch() {
    let app = TestApp::spawn().await;
    let dispatcher = token(&app, Role::Dispatcher).await;
    let tenant = app.tenant(T).await;
    let db = &app.server.state.db;
    let mut tx = db.begin().await.unwrap();
    for n in 0..500 {
        store::insert_incident(
            &mut tx,
            tenant.id,
            &store::IncidentRow {
                incident_id: Uuid::now_v7(),
                reference: format!("E-B{n:05}"),
                source: "phone".into(),
                kind: "noise".into(),
                priority: 2,
                lat: Some(51.51 + (n % 50) as f64 * 0.001),
                lon: Some(7.46 + (n / 50) as f64 * 0.001),
                address: String::new(),
                district_code: None,
                area_id: None,
                description: String::new(),
                required_qualification: None,
                status: "open".into(),
                created_at: app.server.state.clock.now_ts(),
                closed_at: None,
            },
        )
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    let http = reqwest::Client::new();
    let mut times = Vec::new();
    for n in 0..320 {
        let body = json!({ "type": "noise", "lat": 51.6 + (n % 30) as f64 * 0.002, "long": 7.52, "priority": 2 });
        let started = std::time::Instant::now();
        let res = http
            .post(app.url(&format!("/api/v1/{T}/incidents")))
            .bearer_auth(&dispatcher)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        let v: Value = res.json().await.unwrap();
        assert!(!v["suggested_units"].as_array().unwrap().is_empty());
        if n >= 20 {
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
    }
    times.sort_by(|a, b| a.total_cmp(b));
    let p = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    println!(
        "dispatch intake→suggestion ({:?}, {} open incidents): p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms over {} requests",
        backend(),
        store::open_incidents(db, tenant.id, 10_000).await.unwrap().len(),
        p(0.5),
        p(0.99),
        times[times.len() - 1],
        times.len()
    );
}

/// Posts the settings form as `c`; returns status and body.
async fn post_settings(
    app: &TestApp,
    c: &reqwest::Client,
    fields: &[(&str, &str)],
) -> (u16, String) {
    let url = app.url(&format!("/{T}/staff/patrol-settings"));
    let token = csrf_token(c, &url).await;
    let res = post_form(c, &url, &token, fields).await;
    (res.status().as_u16(), res.text().await.unwrap())
}

#[tokio::test]
async fn planning_settings_are_checked_kept_on_error_audited_and_only_for_admin_and_dispatch() {
    let app = TestApp::spawn().await;
    let url = app.url(&format!("/{T}/staff/patrol-settings"));
    for role in [Role::Police, Role::Kod, Role::Committee, Role::Partner] {
        let c = login(&app, T, role).await;
        let (s, _) = get(&c, &url).await;
        assert_eq!(s, 403, "{role:?}");
    }
    let admin = login(&app, T, Role::Admin).await;
    let (s, html) = get(&admin, &url).await;
    assert_eq!(s, 200);
    // The defaults show until a row is written.
    assert!(
        html.contains(r#"name="road_factor" inputmode="decimal" value="1.3""#),
        "{html}"
    );
    assert_eq!(count(&app, "pat_settings").await, 0);
    // Bad input: every field says what is wrong, typed values come back,
    // nothing is stored.
    let bad = [
        ("min_police", "0"),
        ("min_kod", "1"),
        ("road_factor", "schnell"),
        ("speed_kmh", "30"),
        ("routing_url", "ftp://osrm.intern"),
    ];
    let (s, html) = post_settings(&app, &admin, &bad).await;
    assert_eq!(s, 422);
    assert!(html.contains("Eine ganze Zahl von 1 bis 4."), "{html}");
    assert!(html.contains("Ein Umwegfaktor zwischen 1,0 und 3,0."));
    assert!(html.contains("Eine Adresse der Form http://"));
    assert!(html.contains(r#"value="schnell""#) && html.contains(r#"value="ftp://osrm.intern""#));
    assert!(html.contains(r#"aria-invalid="true""#));
    assert_eq!(count(&app, "pat_settings").await, 0);
    assert_eq!(audit_count(&app, "patrols.settings.set").await, 0);
    // In English too.
    let (_, _) = get(&admin, &format!("{url}?lang=en")).await;
    let (s, html) = post_settings(&app, &admin, &bad).await;
    assert_eq!(s, 422);
    assert!(
        html.contains("A road factor between 1.0 and 3.0."),
        "{html}"
    );
    let _ = get(&admin, &format!("{url}?lang=de")).await;
    // A good change is stored and audited, and the planner uses it: two
    // KOD officers per patrol.
    let (s, _) = post_settings(
        &app,
        &admin,
        &[
            ("min_police", "1"),
            ("min_kod", "2"),
            ("road_factor", "1,5"),
            ("speed_kmh", "25"),
            ("routing_url", ""),
        ],
    )
    .await;
    assert_eq!(s, 303);
    assert_eq!(count(&app, "pat_settings").await, 1);
    assert_eq!(audit_count(&app, "patrols.settings.set").await, 1);
    let tenant = app.tenant(T).await;
    let stored = store::settings(&app.server.state.db, tenant.id)
        .await
        .unwrap();
    assert_eq!((stored.min_police, stored.min_kod), (1, 2));
    assert!((stored.road_factor - 1.5).abs() < 1e-9 && stored.routing_url.is_none());
    let (_, html) = get(&admin, &format!("{url}?saved=1")).await;
    assert!(html.contains(r#"id="saved""#) && html.contains(r#"value="1.5""#));
    // The dispatcher (control centre) may change them as well.
    let d = login(&app, T, Role::Dispatcher).await;
    let (s, _) = get(&d, &url).await;
    assert_eq!(s, 200);
    let first = tomorrow();
    let id = make_plan(&app, &d, &first, "1").await;
    let plan: Uuid = id.parse().unwrap();
    let db = &app.server.state.db;
    let staff = store::staff(db, tenant.id).await.unwrap();
    let mut kod_per_patrol: std::collections::HashMap<Uuid, usize> = Default::default();
    for (p, s) in store::members_of_plan(db, tenant.id, plan).await.unwrap() {
        if staff.iter().any(|x| x.staff_id == s && x.agency == "kod") {
            *kod_per_patrol.entry(p).or_default() += 1;
        }
    }
    assert!(!kod_per_patrol.is_empty());
    assert!(
        kod_per_patrol.values().all(|n| *n == 2),
        "{kod_per_patrol:?}"
    );
}

/// A stand-in for an OSRM server: answers `table` requests with driving
/// times that shrink with the straight-line distance, so the farthest
/// unit is the fastest. Returns its base URL and the request counter.
async fn fake_osrm() -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use axum::extract::{Path, RawQuery, State};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    async fn table(
        State(hits): State<Arc<AtomicUsize>>,
        Path(coords): Path<String>,
        RawQuery(q): RawQuery,
    ) -> axum::Json<Value> {
        hits.fetch_add(1, Ordering::SeqCst);
        assert_eq!(q.as_deref(), Some("sources=0&annotations=duration"));
        let points: Vec<(f64, f64)> = coords
            .split(';')
            .map(|p| {
                let (lon, lat) = p.split_once(',').unwrap();
                (lat.parse().unwrap(), lon.parse().unwrap())
            })
            .collect();
        let row: Vec<f64> = points
            .iter()
            .enumerate()
            .map(|(i, p)| {
                if i == 0 {
                    0.0
                } else {
                    3000.0 - vertrauensnetz::patrols::model::haversine_m(points[0], *p) / 10.0
                }
            })
            .collect();
        axum::Json(json!({ "code": "Ok", "durations": [row] }))
    }
    let hits = Arc::new(AtomicUsize::new(0));
    let router = axum::Router::new()
        .route("/table/v1/driving/{coords}", axum::routing::get(table))
        .with_state(hits.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(listener, router).await.unwrap();
    });
    (format!("http://{addr}"), hits)
}

#[tokio::test]
async fn a_routing_server_ranks_by_driving_time_and_its_failure_falls_back_to_the_straight_line() {
    let app = TestApp::spawn().await;
    let dispatcher = token(&app, Role::Dispatcher).await;
    let tenant = app.tenant(T).await;
    for u in store::units(&app.server.state.db, tenant.id).await.unwrap() {
        let (s, _) = post_json(
            &app,
            &dispatcher,
            &format!("/api/v1/{T}/units/{}/status", u.unit_id),
            &json!({ "status": 6 }),
        )
        .await;
        assert_eq!(s, 204);
    }
    unit(&app, "T-NEAR", "", 51.6200, 7.5300, 1).await;
    unit(&app, "T-FAR", "", 51.6500, 7.5600, 1).await;
    let incident = json!({ "type": "noise", "lat": 51.6150, "long": 7.5250 });
    let ranked = |v: &Value| -> Vec<String> {
        v["suggested_units"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["call_sign"].as_str().unwrap().to_owned())
            .collect()
    };
    // No routing server: straight line.
    let (s, v) = post_json(
        &app,
        &dispatcher,
        &format!("/api/v1/{T}/incidents"),
        &incident,
    )
    .await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(ranked(&v), ["T-NEAR", "T-FAR"]);
    assert_eq!(v["suggestion_basis"], "straight_line");
    // With one: the farther unit drives faster and comes first.
    let (osrm, hits) = fake_osrm().await;
    let admin = login(&app, T, Role::Admin).await;
    let settings = |url: String| {
        vec![
            ("min_police", "1".to_owned()),
            ("min_kod", "1".to_owned()),
            ("road_factor", "1.3".to_owned()),
            ("speed_kmh", "30".to_owned()),
            ("routing_url", url),
        ]
    };
    let fields = settings(osrm.clone());
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (s, html) = post_settings(&app, &admin, &fields).await;
    assert_eq!(s, 303, "{html}");
    let (s, v) = post_json(
        &app,
        &dispatcher,
        &format!("/api/v1/{T}/incidents"),
        &incident,
    )
    .await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(ranked(&v), ["T-FAR", "T-NEAR"], "{v}");
    assert_eq!(v["suggestion_basis"], "routing");
    assert!(hits.load(std::sync::atomic::Ordering::SeqCst) >= 1);
    // ETA from the route: 3000 s − 430 m ≈ 42.8 min.
    let eta = v["suggested_units"][0]["eta_minutes"].as_f64().unwrap();
    assert!((40.0..45.0).contains(&eta), "{eta}");
    let c = login(&app, T, Role::Dispatcher).await;
    let id = v["id"].as_str().unwrap();
    let (_, html) = get(&c, &app.url(&format!("/{T}/staff/dispatch/{id}"))).await;
    assert!(html.contains("Fahrzeiten des Routing-Dienstes"), "{html}");
    // The server is down: straight line again, and the answer says so.
    let gone = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let down = format!("http://{}", gone.local_addr().unwrap());
    drop(gone);
    let fields = settings(down);
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (s, _) = post_settings(&app, &admin, &fields).await;
    assert_eq!(s, 303);
    let (s, v) = post_json(
        &app,
        &dispatcher,
        &format!("/api/v1/{T}/incidents"),
        &incident,
    )
    .await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(ranked(&v), ["T-NEAR", "T-FAR"]);
    assert_eq!(v["suggestion_basis"], "straight_line_fallback");
    let id = v["id"].as_str().unwrap();
    let (_, html) = get(&c, &app.url(&format!("/{T}/staff/dispatch/{id}"))).await;
    assert!(
        html.contains("Der Routing-Dienst hat nicht rechtzeitig geantwortet"),
        "{html}"
    );
}

/// Planned hours of a plan in one area and band.
async fn planned_hours(app: &TestApp, plan: &str, area: &str, band: &str) -> i64 {
    let tenant = app.tenant(T).await;
    let db = &app.server.state.db;
    let area_id = store::areas(db, tenant.id)
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.name == area)
        .unwrap()
        .area_id;
    store::patrols_of_plan(db, tenant.id, plan.parse().unwrap())
        .await
        .unwrap()
        .iter()
        .filter(|p| p.area_id == area_id && p.band == band)
        .map(|p| (p.ends_at.0 - p.starts_at.0).num_hours())
        .sum()
}

#[tokio::test]
async fn public_events_in_an_area_raise_its_hours_in_their_band_and_are_named() {
    let app = TestApp::spawn().await;
    let d = login(&app, T, Role::Dispatcher).await;
    let day = tomorrow();
    let before_plan = make_plan(&app, &d, &day, "1").await;
    let before = planned_hours(&app, &before_plan, "Süd", "late").await;
    // Evening events in Brambauer (area Süd) and a draft that must not
    // count.
    let coordinator = token(&app, Role::Coordinator).await;
    for (title, status) in [
        ("Stadtteilfest Brambauer", "published"),
        ("Konzert am Marktplatz", "published"),
        ("Nachtflohmarkt", "published"),
        ("Lichterfest", "published"),
        ("Entwurf Kinoabend", "draft"),
    ] {
        let (s, v) = post_json(
            &app,
            &coordinator,
            &format!("/api/v1/{T}/events"),
            &json!({
                "title": title, "type": "prevention_event",
                "starts_at": format!("{day}T17:00:00+01:00"),
                "ends_at": format!("{day}T21:00:00+01:00"),
                "audience": "public", "registration": "none", "status": status,
                "place_name": "Marktplatz", "place_address": "Yorckstraße, 44536 Lünen-Brambauer"
            }),
        )
        .await;
        assert_eq!(s, 201, "{v}");
    }
    let after_plan = make_plan(&app, &d, &day, "1").await;
    let after = planned_hours(&app, &after_plan, "Süd", "late").await;
    assert!(
        after > before,
        "late hours in Süd with the events: {before} → {after}"
    );
    let (_, html) = get(&d, &app.url(&format!("/{T}/staff/patrols/{after_plan}"))).await;
    assert!(
        html.contains("öffentliche Veranstaltungen im Bereich")
            && html.contains("Stadtteilfest Brambauer"),
        "{html}"
    );
    assert!(!html.contains("Entwurf Kinoabend"));
}

#[tokio::test]
async fn a_committee_focus_set_through_the_form_moves_evening_hours_there() {
    let app = TestApp::spawn().await;
    let d = login(&app, T, Role::Dispatcher).await;
    let day = tomorrow();
    let before_plan = make_plan(&app, &d, &day, "1").await;
    let before = planned_hours(&app, &before_plan, "Süd", "late").await;
    let committee = login(&app, T, Role::Committee).await;
    let url = app.url(&format!("/{T}/staff/patrol-committee"));
    let token = csrf_token(&committee, &url).await;
    let res = post_form(
        &committee,
        &url,
        &token,
        &[
            ("area", "Süd"),
            ("band", "late"),
            ("weight", "5"),
            ("reason", "Brambauer abends, Beschluss des Ausschusses"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let after_plan = make_plan(&app, &d, &day, "1").await;
    let after = planned_hours(&app, &after_plan, "Süd", "late").await;
    assert!(
        after > before,
        "late hours in Süd with the focus: {before} → {after}"
    );
    let (_, html) = get(&d, &app.url(&format!("/{T}/staff/patrols/{after_plan}"))).await;
    assert!(html.contains("Beschluss des Ausschusses"), "{html}");
}

#[tokio::test]
async fn vehicles_go_to_patrols_double_booking_is_flagged_and_units_come_from_patrols_on_duty() {
    let app = TestApp::spawn().await;
    let d = login(&app, T, Role::Dispatcher).await;
    // Yesterday to tomorrow: some patrol is on duty whatever the hour.
    let first = (chrono::Utc::now().date_naive() - chrono::Duration::days(1)).to_string();
    let id = make_plan(&app, &d, &first, "3").await;
    let tenant = app.tenant(T).await;
    let db = &app.server.state.db;
    let plan: Uuid = id.parse().unwrap();
    let rows = store::patrols_of_plan(db, tenant.id, plan).await.unwrap();
    let now = app.server.state.clock.now();
    let on_duty: Vec<&store::PatrolRow> = rows
        .iter()
        .filter(|r| r.starts_at.0 <= now && now < r.ends_at.0)
        .collect();
    assert!(!on_duty.is_empty(), "no patrol on duty now");
    let duty = on_duty[0].patrol_id;
    let overlaps = |a: &store::PatrolRow, b: &store::PatrolRow| {
        a.patrol_id != b.patrol_id && a.starts_at.0 < b.ends_at.0 && b.starts_at.0 < a.ends_at.0
    };
    let (a, b) = rows
        .iter()
        .flat_map(|x| rows.iter().map(move |y| (x, y)))
        .find(|(x, y)| overlaps(x, y))
        .map(|(x, y)| (x.patrol_id, y.patrol_id))
        .expect("two patrols at the same time");
    let staff = store::staff(db, tenant.id).await.unwrap();
    let members = store::members_of_plan(db, tenant.id, plan).await.unwrap();
    let numbers = |p: Uuid| {
        let mut n: Vec<String> = members
            .iter()
            .filter(|(x, _)| *x == p)
            .map(|(_, s)| {
                staff
                    .iter()
                    .find(|x| x.staff_id == *s)
                    .unwrap()
                    .service_number
                    .clone()
            })
            .collect();
        n.sort();
        n.join(" ")
    };
    let car = store::vehicle_rows(db, tenant.id).await.unwrap()[0]
        .call_sign
        .clone();
    let plan_url = app.url(&format!("/{T}/staff/patrols/{id}"));
    let edit_url = app.url(&format!("/{T}/staff/patrols/{id}/edit"));
    let (_, html) = get(&d, &plan_url).await;
    let csrf = csrf_in(&html);
    let set = |p: Uuid, vehicle: &str| {
        let (c, u, t, m, v) = (
            d.clone(),
            edit_url.clone(),
            csrf.clone(),
            numbers(p),
            vehicle.to_owned(),
        );
        async move {
            post_form(
                &c,
                &u,
                &t,
                &[("patrol", &p.to_string()), ("members", &m), ("vehicle", &v)],
            )
            .await
        }
    };
    // An unknown vehicle is refused and nothing changes.
    let res = set(a, "XY-99").await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("Unbekanntes Fahrzeug"));
    assert!(store::patrol(db, tenant.id, a)
        .await
        .unwrap()
        .unwrap()
        .vehicle_id
        .is_none());
    // One car for two patrols at the same time: flagged, not publishable.
    assert_eq!(set(a, &car).await.status(), 303);
    assert_eq!(set(b, &car).await.status(), 303);
    let (_, html) = get(&d, &plan_url).await;
    assert!(
        html.contains("id=\"violations\"") && html.contains("Fahrzeug doppelt vergeben"),
        "{html}"
    );
    let publish = app.url(&format!("/{T}/staff/patrols/{id}/publish"));
    let res = post_form(&d, &publish, &csrf_in(&html), &[]).await;
    assert_eq!(res.status(), 422);
    // The car goes to the patrol on duty only: clean, published.
    for p in [a, b] {
        assert_eq!(set(p, "").await.status(), 303);
    }
    assert_eq!(set(duty, &car).await.status(), 303);
    let (_, html) = get(&d, &plan_url).await;
    assert!(html.contains("id=\"no-violations\""), "{html}");
    let res = post_form(&d, &publish, &csrf_in(&html), &[]).await;
    assert_eq!(res.status(), 303);
    // The board's units come from the patrols on duty, with car and crew.
    let (s, html) = get(&d, &app.url(&format!("/{T}/staff/dispatch"))).await;
    assert_eq!(s, 200);
    assert!(
        html.contains(&car) && html.contains(&numbers(duty)),
        "{html}"
    );
    let units = store::units(db, tenant.id).await.unwrap();
    let unit = units.iter().find(|u| u.call_sign == car).unwrap();
    assert_eq!(unit.patrol_id, Some(duty));
    assert_eq!(unit.crew, numbers(duty));
    assert!(model_is_free(unit.status), "{}", unit.status);
    for p in &on_duty {
        assert!(
            units.iter().any(|u| u.patrol_id == Some(p.patrol_id)),
            "no unit for a patrol on duty"
        );
    }
    // The suggestion offers the crewed car.
    let dispatcher = token(&app, Role::Dispatcher).await;
    let (s, v) = post_json(
        &app,
        &dispatcher,
        &format!("/api/v1/{T}/incidents"),
        &json!({ "type": "noise", "lat": unit.lat, "long": unit.lon }),
    )
    .await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(v["suggested_units"][0]["call_sign"], car.as_str(), "{v}");
    // After the shift the car's unit has no crew and is not available.
    let end = on_duty[0].ends_at.0;
    app.clock.advance(end - now + chrono::Duration::minutes(1));
    vertrauensnetz::patrols::service::sync_units(&app.server.state, &tenant)
        .await
        .unwrap();
    let units = store::units(db, tenant.id).await.unwrap();
    let unit = units.iter().find(|u| u.call_sign == car).unwrap();
    assert_eq!(unit.patrol_id, None);
    assert_eq!((unit.status, unit.crew.as_str()), (6, ""));
}

fn model_is_free(status: i32) -> bool {
    vertrauensnetz::patrols::model::is_free(status)
}
