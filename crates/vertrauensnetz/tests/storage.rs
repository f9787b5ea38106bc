//! Storage conformance: the audit chain under tampering, both schemas alike,
//! several instances on one database, backups. Run on both backends.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use vertrauensnetz::on_db;
use vertrauensnetz::platform::auth::Role;
use vertrauensnetz::platform::db::{self, Db};

async fn verify(app: &TestApp) -> (bool, String) {
    let out = app.cli(&["audit", "verify"]).await;
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

async fn exec(db: &Db, sql: &str) {
    let mut tx = db.begin().await.unwrap();
    on_db!(tx, c => sqlx::query(sql).execute(c).await.map(|_| ())).unwrap();
    tx.commit().await.unwrap();
}

/// Builds some chain: accounts created through the admin page.
async fn some_history(app: &TestApp) {
    for (i, role) in ["partner", "kod", "department"].iter().enumerate() {
        let out = app
            .cli(&[
                "user",
                "add",
                "--tenant",
                "dortmund",
                "--role",
                role,
                "--email",
                &format!("person{i}@dortmund.example"),
            ])
            .await;
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[tokio::test]
async fn audit_verify_detects_a_changed_entry() {
    let app = TestApp::spawn().await;
    some_history(&app).await;
    let (ok, text) = verify(&app).await;
    assert!(ok, "{text}");
    assert!(text.contains("dortmund: ") && text.contains("entries intact"));
    let db = app.raw_db().await;
    exec(&db, "UPDATE audit_log SET action = 'user.delete' WHERE seq = 3 AND tenant_id = (SELECT tenant_id FROM tenants WHERE slug = 'dortmund')").await;
    let (ok, text) = verify(&app).await;
    assert!(!ok);
    assert!(
        text.contains("tenant dortmund entry 3") && text.contains("changed"),
        "{text}"
    );
    app.server.stop().await;
}

#[tokio::test]
async fn audit_verify_detects_a_removed_entry() {
    let app = TestApp::spawn().await;
    some_history(&app).await;
    let db = app.raw_db().await;
    exec(&db, "DELETE FROM audit_log WHERE seq = 2 AND tenant_id = (SELECT tenant_id FROM tenants WHERE slug = 'dortmund')").await;
    db.close().await;
    let (ok, text) = verify(&app).await;
    assert!(!ok);
    assert!(
        text.contains("entry 2") && text.contains("missing"),
        "{text}"
    );
    app.server.stop().await;
}

#[tokio::test]
async fn audit_verify_detects_a_removed_last_entry() {
    let app = TestApp::spawn().await;
    some_history(&app).await;
    let db = app.raw_db().await;
    exec(&db, "DELETE FROM audit_log WHERE tenant_id = (SELECT tenant_id FROM tenants WHERE slug = 'dortmund')
               AND seq = (SELECT MAX(seq) FROM audit_log WHERE tenant_id = (SELECT tenant_id FROM tenants WHERE slug = 'dortmund'))").await;
    let (ok, text) = verify(&app).await;
    assert!(!ok, "{text}");
    assert!(text.contains("removed or added"), "{text}");
    app.server.stop().await;
}

#[tokio::test]
async fn audit_verify_detects_an_inserted_entry() {
    let app = TestApp::spawn().await;
    some_history(&app).await;
    let db = app.raw_db().await;
    // An entry appended behind the head, with a plausible link.
    exec(&db, "INSERT INTO audit_log (tenant_id, seq, at, actor_user_id, actor_role, action, object_type, object_id, details, prev_hash, hash)
               SELECT tenant_id, seq + 1, at, actor_user_id, actor_role, 'user.create', object_type, object_id, details, hash, hash
               FROM audit_log WHERE tenant_id = (SELECT tenant_id FROM tenants WHERE slug = 'dortmund')
               AND seq = (SELECT MAX(seq) FROM audit_log WHERE tenant_id = (SELECT tenant_id FROM tenants WHERE slug = 'dortmund'))").await;
    let (ok, text) = verify(&app).await;
    assert!(!ok, "{text}");
    assert!(text.contains("tenant dortmund"), "{text}");
    app.server.stop().await;
}

#[tokio::test]
async fn audit_verify_detects_an_entry_inserted_in_the_middle() {
    let app = TestApp::spawn().await;
    some_history(&app).await;
    let db = app.raw_db().await;
    // Shift the later entries up to make room, as a forger would have to.
    let tenant = "(SELECT tenant_id FROM tenants WHERE slug = 'dortmund')";
    exec(
        &db,
        &format!("UPDATE audit_log SET seq = seq + 1000 WHERE tenant_id = {tenant} AND seq >= 3"),
    )
    .await;
    exec(
        &db,
        &format!("UPDATE audit_log SET seq = seq - 999 WHERE tenant_id = {tenant} AND seq >= 1003"),
    )
    .await;
    exec(&db, &format!("INSERT INTO audit_log (tenant_id, seq, at, actor_user_id, actor_role, action, object_type, object_id, details, prev_hash, hash)
               SELECT tenant_id, 3, at, actor_user_id, actor_role, 'user.role.grant', object_type, object_id, details, hash, hash
               FROM audit_log WHERE tenant_id = {tenant} AND seq = 2")).await;
    exec(
        &db,
        &format!("UPDATE audit_heads SET seq = seq + 1 WHERE tenant_id = {tenant}"),
    )
    .await;
    let (ok, text) = verify(&app).await;
    assert!(!ok, "{text}");
    assert!(text.contains("tenant dortmund entry 3"), "{text}");
    app.server.stop().await;
}

#[tokio::test]
async fn sessions_are_valid_on_a_second_instance() {
    let app = TestApp::spawn().await;
    let second = app.second_instance().await;
    let c = login(&app, "dortmund", Role::Coordinator).await;
    // The cookie is for 127.0.0.1 whatever the port, like one host behind
    // a load balancer.
    let res = c
        .get(format!("http://{}/dortmund/staff", second.addr))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("coordinator"));
    // Signing out on the second ends the session on the first.
    let html = c
        .get(format!("http://{}/dortmund/account", second.addr))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let res = post_form(
        &c,
        &format!("http://{}/dortmund/logout", second.addr),
        &csrf_in(&html),
        &[],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        c.get(app.url("/dortmund/staff"))
            .send()
            .await
            .unwrap()
            .status(),
        303
    );
    second.stop().await;
    app.server.stop().await;
}

#[tokio::test]
async fn background_jobs_run_once_per_due_time_across_instances() {
    use vertrauensnetz::platform::db::Timestamp;
    use vertrauensnetz::platform::jobs;
    let fresh = fresh_db().await;
    let db = Db::connect(&fresh.url).await.unwrap();
    db::migrate(&db).await.unwrap();
    let now = Timestamp::truncated(chrono::Utc::now());
    let every = chrono::Duration::minutes(5);
    let mut handles = vec![];
    for i in 0..8 {
        let db = db.clone();
        handles.push(tokio::spawn(async move {
            jobs::claim(&db, "test.job", every, now, &format!("i{i}"))
                .await
                .unwrap()
        }));
    }
    let mut won = 0;
    for h in handles {
        won += usize::from(h.await.unwrap());
    }
    assert_eq!(won, 1, "exactly one instance runs the job");
    assert!(!jobs::claim(&db, "test.job", every, now, "late")
        .await
        .unwrap());
    let later = Timestamp::truncated(now.0 + every);
    assert!(jobs::claim(&db, "test.job", every, later, "next")
        .await
        .unwrap());
    db.close().await;
}

#[tokio::test]
async fn migrations_are_idempotent_and_concurrent_starts_are_safe() {
    let fresh = fresh_db().await;
    let start = |url: String| async move {
        let db = Db::connect(&url).await.unwrap();
        let n = db::migrate(&db).await.unwrap();
        db.close().await;
        n
    };
    let (a, b, c) = tokio::join!(
        start(fresh.url.clone()),
        start(fresh.url.clone()),
        start(fresh.url.clone())
    );
    let total = a + b + c;
    assert_eq!(
        total,
        db::MIGRATIONS_SQLITE.len(),
        "each migration ran exactly once"
    );
    let db = Db::connect(&fresh.url).await.unwrap();
    assert_eq!(db::migrate(&db).await.unwrap(), 0);
    db.close().await;
}

#[tokio::test]
async fn every_table_is_scoped_by_tenant() {
    let fresh = fresh_db().await;
    let db = Db::connect(&fresh.url).await.unwrap();
    db::migrate(&db).await.unwrap();
    let schema = db::schema_description(&db).await.unwrap();
    // Tables that are global by nature, each with its reason in docs/architecture.md.
    let global = ["tenants", "job_runs", "schema_migrations"];
    let tables: std::collections::BTreeSet<&str> =
        schema.columns.iter().map(|c| c.table.as_str()).collect();
    for t in tables {
        if global.contains(&t) {
            continue;
        }
        let has = schema
            .columns
            .iter()
            .any(|c| c.table == t && c.column == "tenant_id" && c.not_null);
        assert!(has, "table {t} has no NOT NULL tenant_id");
    }
    db.close().await;
}

#[tokio::test]
async fn sqlite_and_postgres_have_the_same_logical_schema() {
    if backend() != Backend::Postgres {
        // Needs both engines; it runs in the PostgreSQL half of the suite.
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let lite = Db::connect(&Db::sqlite_url_in(dir.path())).await.unwrap();
    db::migrate(&lite).await.unwrap();
    let pg = Db::connect(&fresh_postgres().await).await.unwrap();
    db::migrate(&pg).await.unwrap();
    let a = db::schema_description(&lite).await.unwrap();
    let b = db::schema_description(&pg).await.unwrap();
    let cols_a: Vec<String> = a.columns.iter().map(|c| format!("{c:?}")).collect();
    let cols_b: Vec<String> = b.columns.iter().map(|c| format!("{c:?}")).collect();
    for c in &cols_a {
        assert!(cols_b.contains(c), "only in SQLite: {c}");
    }
    for c in &cols_b {
        assert!(cols_a.contains(c), "only in PostgreSQL: {c}");
    }
    // Index names differ (autoindex vs _pkey), their columns must not.
    let norm = |v: &Vec<String>| {
        let mut v = v.clone();
        v.sort();
        v
    };
    assert_eq!(norm(&a.indexes), norm(&b.indexes));
    lite.close().await;
    pg.close().await;
}

#[tokio::test]
async fn backup_writes_a_usable_copy() {
    let app = TestApp::spawn().await;
    let target = app.data_dir.join("backup.sqlite3");
    let out = app.cli(&["backup", "--to", target.to_str().unwrap()]).await;
    match backend() {
        Backend::Sqlite => {
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let copy = Db::connect(&format!("sqlite://{}", target.display()))
                .await
                .unwrap();
            let tenants = vertrauensnetz::platform::tenants::list_tenants(&copy)
                .await
                .unwrap();
            assert_eq!(tenants.len(), 2);
            copy.close().await;
            // A second backup onto the same file is refused, not overwritten.
            assert!(!app
                .cli(&["backup", "--to", target.to_str().unwrap()])
                .await
                .status
                .success());
        }
        Backend::Postgres => {
            assert!(!out.status.success());
            assert!(String::from_utf8_lossy(&out.stderr).contains("pg_dump"));
        }
    }
    app.server.stop().await;
}

#[tokio::test]
async fn cli_refuses_unknown_database_schemes_and_bad_input() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vertrauensnetz"))
        .args(["--database", "mysql://localhost/x", "migrate"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unsupported database URL"));
    let app = TestApp::spawn().await;
    let out = app
        .cli(&[
            "user",
            "add",
            "--tenant",
            "dortmund",
            "--role",
            "emperor",
            "--email",
            "x@dortmund.example",
        ])
        .await;
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown role"));
    let out = app
        .cli(&[
            "user",
            "add",
            "--tenant",
            "hamburg",
            "--role",
            "kod",
            "--email",
            "x@dortmund.example",
        ])
        .await;
    assert!(!out.status.success());
    let out = app
        .cli(&[
            "user",
            "add",
            "--tenant",
            "dortmund",
            "--role",
            "kod",
            "--email",
            "x@dortmund.example",
        ])
        .await;
    assert!(out.status.success());
    let pw = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    assert_eq!(pw.len(), 20);
    let c = client();
    login_as(&app, &c, "dortmund", "x@dortmund.example", &pw).await;
    app.server.stop().await;
}

#[tokio::test]
async fn districts_import_from_geojson() {
    let app = TestApp::spawn().await;
    let file = app.data_dir.join("districts.geojson");
    std::fs::write(&file, r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"NAME":"Hörde"},"geometry":{"type":"Polygon","coordinates":[[[7.48,51.47],[7.52,51.47],[7.52,51.49],[7.48,51.49],[7.48,51.47]]]}},
      {"type":"Feature","properties":{"NAME":"Phoenix-See"},"geometry":{"type":"MultiPolygon","coordinates":[[[[7.50,51.48],[7.51,51.48],[7.51,51.49],[7.50,51.48]]]]}}]}"#).unwrap();
    let out = app
        .cli(&[
            "import",
            "districts",
            "--tenant",
            "dortmund",
            file.to_str().unwrap(),
        ])
        .await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let db = app.raw_db().await;
    let tenant = app.tenant("dortmund").await;
    let d = vertrauensnetz::platform::tenants::districts(&db, tenant.id)
        .await
        .unwrap();
    assert_eq!(d.len(), 13, "12 districts updated in place plus one new");
    assert!(d.iter().any(|x| x.name == "Phoenix-See"));
    std::fs::write(&file, "{ not json").unwrap();
    let out = app
        .cli(&[
            "import",
            "districts",
            "--tenant",
            "dortmund",
            file.to_str().unwrap(),
        ])
        .await;
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid GeoJSON"));
    assert_eq!(
        vertrauensnetz::platform::tenants::districts(&db, tenant.id)
            .await
            .unwrap()
            .len(),
        13
    );
    app.server.stop().await;
}
