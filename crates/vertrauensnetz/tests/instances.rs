//! Several instances: three server processes behind nginx on one
//! PostgreSQL database. A session made on one instance is valid on all; a
//! registration rush through the proxy never overbooks; a cancellation link
//! works once however many instances it reaches at the same time; every
//! queued mail is delivered exactly once although every instance runs the
//! background jobs.
//!
//! Needs PostgreSQL and nginx (`/usr/sbin/nginx`, Debian package `nginx`);
//! it runs in the PostgreSQL half of `scripts/test`, which checks that it
//! did.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::HashSet;
use std::path::Path;
use std::time::Duration;

use common::*;
use tokio::process::{Child, Command};
use vertrauensnetz::platform::auth::Role;
use vertrauensnetz::platform::clock::Clock;
use vertrauensnetz::platform::db::{self, Db};

const BIN: &str = env!("CARGO_BIN_EXE_vertrauensnetz");

async fn instance(db_url: &str, data_dir: &Path, config: &Path, port: u16) -> Child {
    let child = Command::new(BIN)
        .args(["--database", db_url, "--data-dir"])
        .arg(data_dir)
        .arg("--config")
        .arg(config)
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .env("VN_LOG", "error")
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    wait_ready(&format!("http://127.0.0.1:{port}/readyz")).await;
    child
}

/// nginx in the foreground, as one process (no master and workers, so
/// that killing it leaves nothing behind), with its files in `dir`,
/// spreading requests round-robin over `ports` and naming the instance that
/// answered.
async fn nginx(dir: &Path, listen: u16, ports: &[u16]) -> Child {
    let nginx = std::env::var("NGINX").unwrap_or_else(|_| "/usr/sbin/nginx".into());
    assert!(
        Path::new(&nginx).exists(),
        "nginx is required for this test (apt-get install nginx; or NGINX=…)"
    );
    let servers: String = ports
        .iter()
        .map(|p| format!("server 127.0.0.1:{p};\n"))
        .collect();
    let d = dir.display();
    std::fs::create_dir_all(dir.join("logs")).unwrap();
    std::fs::write(
        dir.join("nginx.conf"),
        format!(
            "master_process off;\n\
             error_log {d}/logs/error.log;\n\
             pid {d}/nginx.pid;\n\
             events {{ worker_connections 512; }}\n\
             http {{\n\
               access_log off;\n\
               client_body_temp_path {d}/body;\n\
               proxy_temp_path {d}/proxy;\n\
               fastcgi_temp_path {d}/fastcgi;\n\
               uwsgi_temp_path {d}/uwsgi;\n\
               scgi_temp_path {d}/scgi;\n\
               upstream vn {{ {servers} keepalive 16; }}\n\
               server {{\n\
                 listen 127.0.0.1:{listen};\n\
                 location / {{\n\
                   proxy_pass http://vn;\n\
                   proxy_http_version 1.1;\n\
                   proxy_set_header Connection \"\";\n\
                   proxy_set_header Host $host:$server_port;\n\
                   proxy_set_header X-Forwarded-For $remote_addr;\n\
                   add_header X-Instance $upstream_addr always;\n\
                 }}\n\
               }}\n\
             }}\n"
        ),
    )
    .unwrap();
    let child = Command::new(nginx)
        .arg("-p")
        .arg(dir)
        .arg("-c")
        .arg(dir.join("nginx.conf"))
        .args(["-g", "daemon off; user root;"])
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    wait_ready(&format!("http://127.0.0.1:{listen}/readyz")).await;
    child
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_instances_behind_nginx_share_sessions_places_tokens_and_jobs() {
    if backend() != Backend::Postgres {
        println!(
            "several instances share one PostgreSQL database: this runs in the PostgreSQL half"
        );
        return;
    }
    let url = fresh_postgres().await;
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    std::fs::create_dir_all(&data_dir).unwrap();
    let seed = Db::connect(&url).await.unwrap();
    db::migrate(&seed).await.unwrap();
    let accounts = vertrauensnetz::demo::seed(&seed, &Clock::default())
        .await
        .unwrap();
    let config = dir.path().join("vn.toml");
    let mail_dir = dir.path().join("mail");
    std::fs::write(
        &config,
        format!("[mail]\ndir = {:?}\n", mail_dir.display().to_string()),
    )
    .unwrap();
    let ports = [free_port(), free_port(), free_port()];
    let mut instances = Vec::new();
    for p in ports {
        instances.push(instance(&url, &data_dir, &config, p).await);
    }
    let listen = free_port();
    let _proxy = nginx(&dir.path().join("nginx"), listen, &ports).await;
    let base = format!("http://127.0.0.1:{listen}");

    // A session made through one instance is valid on every instance.
    let coordinator = accounts
        .iter()
        .find(|a| a.tenant == "dortmund" && a.role == Role::Coordinator)
        .unwrap();
    let c = client();
    let token = csrf_token(&c, &format!("{base}/dortmund/login")).await;
    let res = post_form(
        &c,
        &format!("{base}/dortmund/login"),
        &token,
        &[
            ("login", coordinator.login.as_str()),
            ("password", coordinator.password.as_str()),
        ],
    )
    .await;
    assert_eq!(res.status(), 303, "sign-in failed");
    let mut seen = HashSet::new();
    for _ in 0..9 {
        let res = c
            .get(format!("{base}/dortmund/staff"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "the session is not valid everywhere");
        seen.insert(res.headers()["x-instance"].to_str().unwrap().to_owned());
    }
    assert_eq!(seen.len(), 3, "not every instance answered: {seen:?}");

    // A registration rush spread over the instances never overbooks.
    let out = Command::new(BIN)
        .args(["--database", &url, "--data-dir"])
        .arg(&data_dir)
        .args(["token", "create", "--login", &coordinator.login])
        .output()
        .await
        .unwrap();
    assert!(out.status.success());
    let api_token = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    let http = reqwest::Client::new();
    let res = http
        .post(format!("{base}/api/v1/dortmund/events"))
        .bearer_auth(&api_token)
        .json(&serde_json::json!({
            "title": "Sicherheitskonferenz",
            "type": "open_conference",
            "starts_at": "2031-05-04T18:00:00+02:00",
            "ends_at": "2031-05-04T21:00:00+02:00",
            "capacity": 30,
            "waitlist": true,
            "audience": "public",
            "place_name": "Rathaus",
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let event: serde_json::Value = res.json().await.unwrap();
    let path = format!(
        "{base}/api/v1/dortmund/events/{}/registrations",
        event["id"].as_str().unwrap()
    );
    let mut tasks = Vec::new();
    for i in 0..120 {
        let (http, path) = (http.clone(), path.clone());
        tasks.push(tokio::spawn(async move {
            let res = http
                .post(&path)
                .json(&serde_json::json!({
                    "name": format!("Person {i}"),
                    "email": format!("person{i}@example.org"),
                    "answers": {},
                }))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 201);
            res.json::<serde_json::Value>().await.unwrap()
        }));
    }
    let mut results = Vec::new();
    for t in tasks {
        results.push(t.await.unwrap());
    }
    let confirmed = results
        .iter()
        .filter(|r| r["status"] == "confirmed")
        .count();
    assert_eq!(confirmed, 30, "places given ≠ capacity");
    let mut positions: Vec<i64> = results
        .iter()
        .filter(|r| r["status"] == "waitlisted")
        .map(|r| r["position"].as_i64().unwrap())
        .collect();
    positions.sort();
    assert_eq!(
        positions,
        (1..=90).collect::<Vec<_>>(),
        "waiting-list numbers are not 1…90"
    );

    // One cancellation link sent to every instance at once works once.
    let cancel = results.iter().find(|r| r["status"] == "confirmed").unwrap()["cancel_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut tasks = Vec::new();
    for _ in 0..9 {
        let (http, u) = (
            http.clone(),
            format!("{base}/api/v1/dortmund/registrations/{cancel}"),
        );
        tasks.push(tokio::spawn(async move {
            http.delete(u).send().await.unwrap().status().as_u16()
        }));
    }
    let mut codes = Vec::new();
    for t in tasks {
        codes.push(t.await.unwrap());
    }
    assert_eq!(codes.iter().filter(|c| **c == 204).count(), 1, "{codes:?}");
    let mut conn = seed.read().await.unwrap();
    let (held, counter): (i64, i64) = vertrauensnetz::on_db!(conn, c => sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM registrations WHERE status IN ('confirmed', 'offered')),
                (SELECT CAST(MAX(confirmed) AS BIGINT) FROM events WHERE title = 'Sicherheitskonferenz')")
        .fetch_one(c).await)
    .unwrap();
    assert_eq!(
        held, 30,
        "the freed place was not offered to the next person"
    );
    assert_eq!(counter, 30);

    // Every queued mail is delivered exactly once although all three
    // instances run the mail job.
    let mut outstanding = i64::MAX;
    for _ in 0..120 {
        let (n,): (i64,) = vertrauensnetz::on_db!(conn, c => sqlx::query_as(
            "SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL")
            .fetch_one(c).await)
        .unwrap();
        outstanding = n;
        if n == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    assert_eq!(outstanding, 0, "mails still waiting");
    // A last tick of every instance, which must find nothing to send.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let (sent,): (i64,) = vertrauensnetz::on_db!(conn, c => sqlx::query_as(
        "SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NOT NULL")
        .fetch_one(c).await)
    .unwrap();
    drop(conn);
    let files = std::fs::read_dir(&mail_dir).unwrap().count() as i64;
    assert!(sent >= 121, "registration mails missing: {sent}");
    assert_eq!(files, sent, "mails delivered more than once or not at all");
    for mut i in instances {
        i.start_kill().unwrap();
        i.wait().await.unwrap();
    }
    seed.close().await;
}
