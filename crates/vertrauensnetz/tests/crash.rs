//! Crash safety: write load against a server *process* that is killed with
//! SIGKILL at random moments and started again. Afterwards every write the
//! server acknowledged must be stored and every invariant must hold:
//!
//! - registrations answered `201` exist, cancellations answered `204` are
//!   cancelled;
//! - per event, the places held (`confirmed` and `offered`) equal the
//!   event's counter and never exceed its capacity; waiting-list numbers are
//!   unique;
//! - complaints whose receipt code was shown open with that code;
//! - stop receipts answered `201` are stored under their number, each with
//!   its chain entry (`audit verify` cross-checks rows and chain);
//! - reports answered by Open311 `POST requests` are stored under their
//!   `service_request_id`;
//! - joint press releases: every decision answered `204` is stored for its
//!   version; every publication answered `200` is published; no release is
//!   published without an approval of each organisation of its approval
//!   set for exactly the published version, and an edit (which resets the
//!   approvals) is never followed by an accepted publication without new
//!   approvals;
//! - the audit chain of every tenant verifies (`vertrauensnetz audit verify`).
//!
//! `VN_CRASH_KILLS` sets the number of kills (default 3, the short version
//! run by the test suite); `bench/crash.sh` runs the long version.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::HashSet;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::*;
use rand::Rng;
use reqwest::multipart::Form;
use tokio::process::{Child, Command};
use uuid::Uuid;
use vertrauensnetz::platform::auth::Role;
use vertrauensnetz::platform::clock::Clock;
use vertrauensnetz::platform::db::{self, Db};

const BIN: &str = env!("CARGO_BIN_EXE_vertrauensnetz");

fn kills() -> usize {
    std::env::var("VN_CRASH_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3)
}

/// What the server has acknowledged so far.
#[derive(Default)]
struct Acked {
    registrations: Vec<(Uuid, String)>,
    cancelled: HashSet<Uuid>,
    complaint_codes: Vec<String>,
    receipt_numbers: Vec<String>,
    report_ids: Vec<Uuid>,
    /// (release, version, organisation) of each decision answered 204.
    decisions: Vec<(Uuid, i64, Uuid)>,
    /// (release, version) of each publication answered 200.
    published: Vec<(Uuid, i64)>,
}

struct Harness {
    db_url: String,
    data_dir: std::path::PathBuf,
    config: std::path::PathBuf,
    port: u16,
}

impl Harness {
    fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn command(&self) -> Command {
        let mut c = Command::new(BIN);
        c.args(["--database", &self.db_url, "--data-dir"])
            .arg(&self.data_dir)
            .arg("--config")
            .arg(&self.config)
            .env("VN_LOG", "error")
            .kill_on_drop(true);
        c
    }

    async fn start(&self) -> Child {
        let mut c = self.command();
        c.args(["serve", "--listen", &format!("127.0.0.1:{}", self.port)])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        let child = c.spawn().unwrap();
        wait_ready(&format!("{}/readyz", self.base())).await;
        child
    }

    async fn cli(&self, args: &[&str]) -> std::process::Output {
        self.command().args(args).output().await.unwrap()
    }
}

/// Registrations and cancellations for one event until the server is gone.
async fn registration_load(base: String, path: String, acked: Arc<Mutex<Acked>>, worker: usize) {
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    for n in 0.. {
        // Every fourth step cancels an earlier registration of this worker.
        if n % 4 == 3 {
            let pick = {
                let a = acked.lock().unwrap();
                a.registrations
                    .iter()
                    .rev()
                    .find(|(id, _)| !a.cancelled.contains(id))
                    .cloned()
            };
            if let Some((id, token)) = pick {
                match http
                    .delete(format!("{base}/api/v1/dortmund/registrations/{token}"))
                    .send()
                    .await
                {
                    Ok(r) if r.status() == 204 => {
                        acked.lock().unwrap().cancelled.insert(id);
                    }
                    Ok(_) => {}
                    Err(_) => return,
                }
                continue;
            }
        }
        let body = serde_json::json!({
            "name": format!("Person {worker}-{n}"),
            "email": format!("p{worker}.{n}.{}@example.org", Uuid::new_v4().simple()),
            "answers": {},
        });
        match http.post(format!("{base}{path}")).json(&body).send().await {
            Ok(r) if r.status() == 201 => {
                let Ok(v) = r.json::<serde_json::Value>().await else {
                    return;
                };
                let id: Uuid = v["id"].as_str().unwrap().parse().unwrap();
                let token = v["cancel_token"].as_str().unwrap().to_owned();
                acked.lock().unwrap().registrations.push((id, token));
            }
            Ok(r) => assert!(
                r.status() == 409,
                "unexpected answer {} to a registration",
                r.status()
            ),
            Err(_) => return,
        }
    }
}

/// Complaint intakes until the server is gone.
async fn complaint_load(base: String, acked: Arc<Mutex<Acked>>) {
    let re = regex_lite::Regex::new(r"<strong>(\d{4} \d{4} \d{4} \d{4})</strong>").unwrap();
    loop {
        let c = client();
        let url = format!("{base}/dortmund/complaints/new");
        let Ok(r) = c.get(&url).send().await else {
            return;
        };
        let Ok(html) = r.text().await else { return };
        let form = Form::new()
            .text("csrf", csrf_in(&html))
            .text("what", "Kontrolle am Hauptbahnhof ohne Begründung.")
            .text("when", "gestern Abend")
            .text("district", "Innenstadt-West")
            .text("place", "Hauptbahnhof")
            .text("authority", "police")
            .text("wish", "clarification")
            .text("contact_mode", "anonymous")
            .text("consent", "none");
        let Ok(r) = c
            .post(&url)
            .header("sec-fetch-site", "same-origin")
            .multipart(form)
            .send()
            .await
        else {
            return;
        };
        if r.status() != 200 {
            return;
        }
        let Ok(html) = r.text().await else { return };
        if let Some(m) = re.captures(&html) {
            acked
                .lock()
                .unwrap()
                .complaint_codes
                .push(m[1].replace(' ', ""));
        }
    }
}

/// Stop receipts through the API until the server is gone.
async fn receipt_load(base: String, token: String, district: String, acked: Arc<Mutex<Acked>>) {
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    loop {
        let body = serde_json::json!({
            "stopped_at": (chrono::Utc::now() - chrono::Duration::minutes(1)).to_rfc3339(),
            "district": district,
            "legal_basis": "polg-nrw-12",
            "reason": "suspected_offence",
            "measures": ["identity_check"],
            "outcome": "no_action",
            "persons": 1,
            "service_number": "PK-4711",
        });
        match http
            .post(format!("{base}/api/v1/dortmund/receipts"))
            .bearer_auth(&token)
            .json(&body)
            .send()
            .await
        {
            Ok(r) if r.status() == 201 => {
                let Ok(v) = r.json::<serde_json::Value>().await else {
                    return;
                };
                let number = v["number"].as_str().unwrap().to_owned();
                acked.lock().unwrap().receipt_numbers.push(number);
            }
            Ok(r) => panic!("unexpected answer {} to a receipt", r.status()),
            Err(_) => return,
        }
    }
}

/// Reports through Open311 `POST requests` until the server is gone.
async fn report_load(base: String, api_key: String, acked: Arc<Mutex<Acked>>) {
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    for n in 0.. {
        let lat = format!("{:.5}", 51.505 + f64::from(n % 40) * 0.0005);
        let form = [
            ("jurisdiction_id", "dortmund.de"),
            ("api_key", api_key.as_str()),
            ("service_code", "street-lighting"),
            ("lat", lat.as_str()),
            ("long", "7.4653"),
            ("description", "Laterne aus, Gehweg dunkel"),
        ];
        match http
            .post(format!("{base}/open311/v2/requests.json"))
            .form(&form)
            .send()
            .await
        {
            Ok(r) if r.status() == 200 => {
                let Ok(v) = r.json::<serde_json::Value>().await else {
                    return;
                };
                let id: Uuid = v[0]["service_request_id"]
                    .as_str()
                    .unwrap()
                    .parse()
                    .unwrap();
                acked.lock().unwrap().report_ids.push(id);
            }
            Ok(r) => panic!("unexpected answer {} to a report", r.status()),
            Err(_) => return,
        }
    }
}

/// Joint press releases: a coordinator drafts one for two partner
/// organisations, the first approves, the coordinator sometimes edits
/// (which resets the approvals), the second approves the first version,
/// the coordinator publishes. Runs until the server is killed.
async fn press_load(
    base: String,
    coordinator: String,
    partners: Vec<(String, Uuid)>,
    acked: Arc<Mutex<Acked>>,
) {
    let c = reqwest::Client::new();
    let api = format!("{base}/api/v1/dortmund/press-releases");
    let orgs: Vec<Uuid> = partners.iter().map(|p| p.1).collect();
    for i in 0.. {
        let Ok(r) = c
            .post(&api)
            .bearer_auth(&coordinator)
            .json(&serde_json::json!({
                "title": format!("Gemeinsame Erklärung {i}"),
                "body": "Polizei und Partner laden zum Dialog über Sicherheit in der Nordstadt ein.",
                "approvers": orgs,
            }))
            .send()
            .await
        else {
            return;
        };
        if r.status() != 201 {
            return;
        }
        let Ok(v) = r.json::<serde_json::Value>().await else {
            return;
        };
        let Some(id) = v["id"].as_str().and_then(|s| Uuid::parse_str(s).ok()) else {
            return;
        };
        let decide = |token: &str, version: i64| {
            c.post(format!("{api}/{id}/decisions"))
                .bearer_auth(token)
                .json(&serde_json::json!({"version": version, "decision": "approve"}))
                .send()
        };
        let Ok(r) = decide(&partners[0].0, 1).await else {
            return;
        };
        match r.status().as_u16() {
            204 => acked.lock().unwrap().decisions.push((id, 1, partners[0].1)),
            _ => return,
        }
        let edited = i % 3 == 1;
        if edited {
            let Ok(r) = c
                .put(format!("{api}/{id}"))
                .bearer_auth(&coordinator)
                .json(&serde_json::json!({
                    "title": format!("Gemeinsame Erklärung {i} (überarbeitet)"),
                    "body": "Polizei, Ordnungsamt und Partner laden zum Dialog ein.",
                }))
                .send()
                .await
            else {
                return;
            };
            if r.status() != 200 {
                return;
            }
        }
        let Ok(r) = decide(&partners[1].0, 1).await else {
            return;
        };
        match (r.status().as_u16(), edited) {
            (204, false) => acked.lock().unwrap().decisions.push((id, 1, partners[1].1)),
            (409, true) => {}
            (s, _) if s >= 500 => return,
            (s, e) => panic!("decision on release {id} (edited: {e}) answered {s}"),
        }
        let version = if edited { 2 } else { 1 };
        let Ok(r) = c
            .post(format!("{api}/{id}/publish"))
            .bearer_auth(&coordinator)
            .json(&serde_json::json!({ "version": version }))
            .send()
            .await
        else {
            return;
        };
        match (r.status().as_u16(), edited) {
            (200, false) => acked.lock().unwrap().published.push((id, version)),
            (409, true) => {}
            (s, _) if s >= 500 => return,
            (s, e) => panic!("publishing release {id} (edited: {e}) answered {s}"),
        }
    }
}

async fn create_event(base: &str, token: &str, capacity: i64, waitlist: bool) -> String {
    let r = reqwest::Client::new()
        .post(format!("{base}/api/v1/dortmund/events"))
        .bearer_auth(token)
        .json(&serde_json::json!({
            "title": format!("Bürgerdialog {capacity}"),
            "type": "open_conference",
            "starts_at": "2031-03-10T18:00:00+01:00",
            "ends_at": "2031-03-10T20:00:00+01:00",
            "capacity": capacity,
            "waitlist": waitlist,
            "audience": "public",
            "place_name": "Rathaus",
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201, "{}", r.text().await.unwrap());
    let v: serde_json::Value = r.json().await.unwrap();
    v["id"].as_str().unwrap().to_owned()
}

async fn check_invariants(db: &Db, acked: &Acked) {
    let mut conn = db.read().await.unwrap();
    let rows: Vec<(Uuid, String)> = vertrauensnetz::on_db!(conn, c => sqlx::query_as(
        "SELECT registration_id, status FROM registrations").fetch_all(c).await)
    .unwrap();
    let stored: std::collections::HashMap<Uuid, String> = rows.into_iter().collect();
    let lost: Vec<&Uuid> = acked
        .registrations
        .iter()
        .map(|(id, _)| id)
        .filter(|id| !stored.contains_key(id))
        .collect();
    assert!(lost.is_empty(), "acknowledged registrations lost: {lost:?}");
    let not_cancelled: Vec<&Uuid> = acked
        .cancelled
        .iter()
        .filter(|id| stored.get(id).map(String::as_str) != Some("cancelled"))
        .collect();
    assert!(
        not_cancelled.is_empty(),
        "acknowledged cancellations lost: {not_cancelled:?}"
    );
    let events: Vec<(Uuid, Option<i64>, i64)> = vertrauensnetz::on_db!(conn, c => sqlx::query_as(
        "SELECT event_id, CAST(capacity AS BIGINT), CAST(confirmed AS BIGINT) FROM events").fetch_all(c).await)
    .unwrap();
    let mut waiting_seen = 0;
    for (event, capacity, confirmed) in events {
        let (held, waiting, distinct_seq): (i64, i64, i64) = vertrauensnetz::on_db!(conn, c => sqlx::query_as(
            "SELECT
               (SELECT COUNT(*) FROM registrations WHERE event_id = $1 AND status IN ('confirmed', 'offered')),
               (SELECT COUNT(*) FROM registrations WHERE event_id = $1 AND status = 'waitlisted'),
               (SELECT COUNT(DISTINCT waitlist_seq) FROM registrations WHERE event_id = $1 AND status = 'waitlisted')")
            .bind(event).fetch_one(c).await)
        .unwrap();
        assert_eq!(held, confirmed, "event {event}: places held ≠ counter");
        if let Some(cap) = capacity {
            assert!(
                confirmed <= cap,
                "event {event}: {confirmed} > capacity {cap}"
            );
        }
        assert_eq!(
            waiting, distinct_seq,
            "event {event}: waiting numbers repeat"
        );
        waiting_seen += waiting;
    }
    assert!(waiting_seen > 0, "the load never reached a waiting list");

    let numbers: Vec<(String,)> = vertrauensnetz::on_db!(conn, c => sqlx::query_as(
        "SELECT number FROM receipts").fetch_all(c).await)
    .unwrap();
    let numbers: HashSet<String> = numbers.into_iter().map(|n| n.0).collect();
    let lost: Vec<&String> = acked
        .receipt_numbers
        .iter()
        .filter(|n| !numbers.contains(*n))
        .collect();
    assert!(lost.is_empty(), "acknowledged receipts lost: {lost:?}");
    let reports: Vec<(Uuid,)> = vertrauensnetz::on_db!(conn, c => sqlx::query_as(
        "SELECT report_id FROM reports").fetch_all(c).await)
    .unwrap();
    let reports: HashSet<Uuid> = reports.into_iter().map(|r| r.0).collect();
    let lost: Vec<&Uuid> = acked
        .report_ids
        .iter()
        .filter(|id| !reports.contains(*id))
        .collect();
    assert!(lost.is_empty(), "acknowledged reports lost: {lost:?}");

    let decisions: Vec<(Uuid, i64, Uuid, String)> = vertrauensnetz::on_db!(conn, c => sqlx::query_as(
        "SELECT release_id, CAST(version AS BIGINT), organisation_id, decision FROM press_release_decisions")
        .fetch_all(c).await)
    .unwrap();
    let approved: HashSet<(Uuid, i64, Uuid)> = decisions
        .iter()
        .filter(|d| d.3 == "approve")
        .map(|d| (d.0, d.1, d.2))
        .collect();
    let lost: Vec<&(Uuid, i64, Uuid)> = acked
        .decisions
        .iter()
        .filter(|d| !approved.contains(d))
        .collect();
    assert!(lost.is_empty(), "acknowledged approvals lost: {lost:?}");
    let releases: Vec<(Uuid, String, i64, Option<i64>)> = vertrauensnetz::on_db!(conn, c => sqlx::query_as(
        "SELECT release_id, status, CAST(current_version AS BIGINT), CAST(published_version AS BIGINT) FROM press_releases")
        .fetch_all(c).await)
    .unwrap();
    let approvers: Vec<(Uuid, Uuid)> = vertrauensnetz::on_db!(conn, c => sqlx::query_as(
        "SELECT release_id, organisation_id FROM press_release_approvers").fetch_all(c).await)
    .unwrap();
    let published: std::collections::HashMap<Uuid, i64> = releases
        .iter()
        .filter(|r| r.1 == "published")
        .filter_map(|r| r.3.map(|v| (r.0, v)))
        .collect();
    for (release, version) in &acked.published {
        assert_eq!(
            published.get(release),
            Some(version),
            "acknowledged publication of {release} lost"
        );
    }
    for (release, status, _, version) in &releases {
        if status != "published" {
            continue;
        }
        let version =
            version.unwrap_or_else(|| panic!("release {release} published without a version"));
        for (r, org) in approvers.iter().filter(|a| a.0 == *release) {
            assert!(
                approved.contains(&(*r, version, *org)),
                "release {release} published without the approval of {org} for version {version}"
            );
        }
    }
}

async fn complaint_opens(base: &str, code: &str) -> bool {
    let c = client();
    let url = format!("{base}/dortmund/complaints/status");
    let token = csrf_token(&c, &url).await;
    let r = post_form(&c, &url, &token, &[("code", code)]).await;
    r.status() == 303
}

fn write_config(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("crash.toml");
    // Cheap key derivations so that intakes keep up with the kill rhythm;
    // the jobs run too, so that they are interrupted like everything else.
    std::fs::write(
        &path,
        format!(
            "[complaints]\nkdf_memory_kib = 8192\nkdf_passes = 1\n\
             submissions_per_hour = 1000000\nstatus_attempts_per_hour = 1000000\n\n\
             [mail]\ndir = {:?}\n",
            dir.join("mail").display().to_string()
        ),
    )
    .unwrap();
    path
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_writes_survive_sigkill_and_invariants_hold() {
    let fresh = fresh_db().await;
    let data_dir = fresh.dir.path().to_path_buf();
    let seed = Db::connect(&fresh.url).await.unwrap();
    db::migrate(&seed).await.unwrap();
    let accounts = vertrauensnetz::demo::seed(&seed, &Clock::default())
        .await
        .unwrap();
    seed.close().await;
    let h = Harness {
        db_url: fresh.url.clone(),
        config: write_config(&data_dir),
        data_dir: data_dir.clone(),
        port: free_port(),
    };
    let coordinator = accounts
        .iter()
        .find(|a| a.tenant == "dortmund" && a.role == Role::Coordinator)
        .unwrap();
    let out = h
        .cli(&["token", "create", "--login", &coordinator.login])
        .await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let token = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    let police = accounts
        .iter()
        .find(|a| a.tenant == "dortmund" && a.role == Role::Police)
        .unwrap();
    let out = h.cli(&["token", "create", "--login", &police.login]).await;
    assert!(out.status.success());
    let police_token = String::from_utf8(out.stdout).unwrap().trim().to_owned();

    // Two partner organisations with one member each, and their tokens.
    let mut partners = Vec::new();
    {
        let db = Db::connect(&fresh.url).await.unwrap();
        for login in ["partner@dortmund.example", "partner2@dortmund.example"] {
            let mut conn = db.read().await.unwrap();
            let (org,): (Uuid,) = vertrauensnetz::on_db!(conn, c => sqlx::query_as(
                "SELECT m.organisation_id FROM organisation_members m JOIN users u ON u.user_id = m.user_id
                 WHERE u.login = $1")
                .bind(login).fetch_one(c).await)
            .unwrap();
            drop(conn);
            let out = h.cli(&["token", "create", "--login", login]).await;
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            partners.push((
                String::from_utf8(out.stdout).unwrap().trim().to_owned(),
                org,
            ));
        }
        db.close().await;
    }

    let mut server = h.start().await;
    let base = h.base();
    let options: serde_json::Value = reqwest::Client::new()
        .get(format!("{base}/api/v1/dortmund/receipts/options"))
        .bearer_auth(&police_token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let district = options["districts"][0].as_str().unwrap().to_owned();
    // A large event with a waiting list and a small one without.
    let with_list = create_event(&base, &token, 25, true).await;
    let small = create_event(&base, &token, 5, false).await;
    let acked = Arc::new(Mutex::new(Acked::default()));
    let mut rng = rand::thread_rng();
    for round in 0..kills() {
        let mut tasks = Vec::new();
        for worker in 0..6 {
            let event = if worker % 3 == 2 { &small } else { &with_list };
            tasks.push(tokio::spawn(registration_load(
                base.clone(),
                format!("/api/v1/dortmund/events/{event}/registrations"),
                acked.clone(),
                round * 10 + worker,
            )));
        }
        tasks.push(tokio::spawn(complaint_load(base.clone(), acked.clone())));
        tasks.push(tokio::spawn(receipt_load(
            base.clone(),
            police_token.clone(),
            district.clone(),
            acked.clone(),
        )));
        tasks.push(tokio::spawn(report_load(
            base.clone(),
            token.clone(),
            acked.clone(),
        )));
        tasks.push(tokio::spawn(press_load(
            base.clone(),
            token.clone(),
            partners.clone(),
            acked.clone(),
        )));
        tokio::time::sleep(Duration::from_millis(rng.gen_range(150..900))).await;
        server.start_kill().unwrap();
        server.wait().await.unwrap();
        for t in tasks {
            t.await.unwrap();
        }
        server = h.start().await;
    }
    server.start_kill().unwrap();
    server.wait().await.unwrap();

    let acked = std::mem::take(&mut *acked.lock().unwrap());
    assert!(
        acked.registrations.len() >= kills(),
        "the load did not get through: {} registrations",
        acked.registrations.len()
    );
    let db = Db::connect(&fresh.url).await.unwrap();
    check_invariants(&db, &acked).await;
    db.close().await;
    let out = h.cli(&["audit", "verify"]).await;
    assert!(
        out.status.success(),
        "audit chain broken after the crashes: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let server = h.start().await;
    for code in &acked.complaint_codes {
        assert!(
            complaint_opens(&base, code).await,
            "an acknowledged complaint does not open with its code"
        );
    }
    drop(server);
    assert!(
        !acked.receipt_numbers.is_empty()
            && !acked.report_ids.is_empty()
            && !acked.decisions.is_empty(),
        "receipts {}, reports {} and press-release approvals {} acknowledged",
        acked.receipt_numbers.len(),
        acked.report_ids.len(),
        acked.decisions.len()
    );
    println!(
        "crash run: {} kills, {} registrations, {} cancellations, {} complaints, {} receipts, {} reports, {} press-release approvals, {} publications acknowledged; 0 lost, invariants held",
        kills(),
        acked.registrations.len(),
        acked.cancelled.len(),
        acked.complaint_codes.len(),
        acked.receipt_numbers.len(),
        acked.report_ids.len(),
        acked.decisions.len(),
        acked.published.len()
    );
}
