//! The test kit: starts the real server in-process on port 0 against a fresh
//! database — SQLite in a temporary folder, or a new PostgreSQL database when
//! `VN_TEST_DB=postgres` — seeds the demo tenants and accounts, and talks
//! HTTP to it like any client.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Output;

use reqwest::redirect::Policy;
use vertrauensnetz::app::Server;
use vertrauensnetz::demo::{self, DemoAccount};
use vertrauensnetz::platform::auth::Role;
use vertrauensnetz::platform::clock::Clock;
use vertrauensnetz::platform::config::{Config, Overrides};
use vertrauensnetz::platform::db::{self, Db};

/// Which engine the suite runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub fn backend() -> Backend {
    match std::env::var("VN_TEST_DB").as_deref() {
        Ok("postgres") => Backend::Postgres,
        Ok("sqlite") | Err(_) => Backend::Sqlite,
        Ok(other) => panic!("VN_TEST_DB must be sqlite or postgres, not {other:?}"),
    }
}

/// The PostgreSQL server used for test databases.
pub fn postgres_admin_url() -> String {
    std::env::var("VN_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// Creates a fresh PostgreSQL database and returns its URL. Fails (never
/// skips) when the server cannot be reached: the PostgreSQL half must run.
pub async fn fresh_postgres() -> String {
    use sqlx::Connection;
    let admin = postgres_admin_url();
    let mut conn = sqlx::PgConnection::connect(&admin)
        .await
        .unwrap_or_else(|e| {
            panic!("PostgreSQL at {admin} is required for VN_TEST_DB=postgres: {e}")
        });
    let name = format!("vn_test_{}", uuid::Uuid::new_v4().simple());
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await
        .unwrap();
    let (base, _) = admin.rsplit_once('/').unwrap();
    format!("{base}/{name}")
}

/// A fresh database of the configured backend: its URL and the folder for
/// data files.
pub struct FreshDb {
    pub url: String,
    pub dir: tempfile::TempDir,
}

pub async fn fresh_db() -> FreshDb {
    let dir = tempfile::tempdir().unwrap();
    let url = match backend() {
        Backend::Sqlite => Db::sqlite_url_in(dir.path()),
        Backend::Postgres => fresh_postgres().await,
    };
    FreshDb { url, dir }
}

pub fn config_for(url: &str, data_dir: PathBuf) -> Config {
    let mut config = Config::load(&Overrides {
        listen: Some("127.0.0.1:0".into()),
        database_url: Some(url.to_owned()),
        data_dir: Some(data_dir.clone()),
        config_file: None,
    })
    .unwrap();
    config.mail.dir = Some(data_dir.join("mail"));
    config
}

/// A running application with its demo accounts.
pub struct TestApp {
    pub server: Server,
    pub base: String,
    pub accounts: Vec<DemoAccount>,
    pub db_url: String,
    pub data_dir: PathBuf,
    pub clock: Clock,
    _dir: Option<tempfile::TempDir>,
}

impl TestApp {
    /// A server on a fresh database seeded with the demo tenants and accounts.
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    pub async fn spawn_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
        init_logs();
        let fresh = fresh_db().await;
        let data_dir = fresh.dir.path().to_path_buf();
        let seed_db = Db::connect(&fresh.url).await.unwrap();
        db::migrate(&seed_db).await.unwrap();
        let clock = Clock::default();
        let accounts = demo::seed(&seed_db, &clock).await.unwrap();
        seed_db.close().await;
        let mut config = config_for(&fresh.url, data_dir.clone());
        adjust(&mut config);
        let server = Server::start_with_clock(config, clock.clone())
            .await
            .unwrap();
        let base = format!("http://{}", server.addr);
        TestApp {
            server,
            base,
            accounts,
            db_url: fresh.url,
            data_dir,
            clock,
            _dir: Some(fresh.dir),
        }
    }

    /// Another server instance on the same database.
    pub async fn second_instance(&self) -> Server {
        let config = config_for(&self.db_url, self.data_dir.clone());
        Server::start(config).await.unwrap()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub fn account(&self, tenant: &str, role: Role) -> &DemoAccount {
        self.accounts
            .iter()
            .find(|a| a.tenant == tenant && a.role == role)
            .unwrap()
    }

    /// Runs the command-line program against this app's database. Async,
    /// so the in-process server keeps being polled while the command runs
    /// (a blocking wait would stall it mid-transaction).
    pub async fn cli(&self, args: &[&str]) -> Output {
        tokio::process::Command::new(env!("CARGO_BIN_EXE_vertrauensnetz"))
            .args(["--database", &self.db_url, "--data-dir"])
            .arg(&self.data_dir)
            .args(args)
            .env("VN_LOG", "warn")
            .output()
            .await
            .unwrap()
    }

    /// Adds an account with `role` through the operator command and
    /// returns the generated password.
    pub async fn add_account(&self, tenant: &str, role: &str, email: &str) -> String {
        let out = self
            .cli(&[
                "user", "add", "--tenant", tenant, "--role", role, "--email", email,
            ])
            .await;
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .unwrap()
            .split_whitespace()
            .last()
            .unwrap()
            .to_owned()
    }

    /// A tenant of this app by slug.
    pub async fn tenant(
        &self,
        slug: &str,
    ) -> std::sync::Arc<vertrauensnetz::platform::tenants::Tenant> {
        self.server.state.tenants.get(slug).await.unwrap().unwrap()
    }

    /// A direct connection for tests that tamper with the database.
    pub async fn raw_db(&self) -> Db {
        Db::connect(&self.db_url).await.unwrap()
    }
}

/// A browser-like client: keeps cookies, does not follow redirects.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .unwrap()
}

/// The value of the first hidden `csrf` field in a page.
pub fn csrf_in(html: &str) -> String {
    let re = regex_lite::Regex::new(r#"name="csrf" value="([^"]+)""#).unwrap();
    re.captures(html)
        .map(|c| c[1].to_owned())
        .unwrap_or_else(|| panic!("no csrf field in page:\n{html}"))
}

/// Fetches a page that has a form and returns its CSRF token (and sets the
/// CSRF cookie in the client).
pub async fn csrf_token(c: &reqwest::Client, url: &str) -> String {
    let html = c.get(url).send().await.unwrap().text().await.unwrap();
    csrf_in(&html)
}

/// Posts a form with the CSRF token, as a same-origin browser would.
pub async fn post_form(
    c: &reqwest::Client,
    url: &str,
    token: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let mut form: Vec<(&str, &str)> = vec![("csrf", token)];
    form.extend_from_slice(fields);
    c.post(url)
        .header("sec-fetch-site", "same-origin")
        .form(&form)
        .send()
        .await
        .unwrap()
}

/// Signs in through the login form; completes the second factor (enrolling
/// it first where needed). Returns the client with its session.
pub async fn login(app: &TestApp, tenant: &str, role: Role) -> reqwest::Client {
    let a = app.account(tenant, role);
    let c = client();
    login_as(app, &c, tenant, &a.login, &a.password).await;
    c
}

pub async fn login_as(
    app: &TestApp,
    c: &reqwest::Client,
    tenant: &str,
    login: &str,
    password: &str,
) {
    let token = csrf_token(c, &app.url(&format!("/{tenant}/login"))).await;
    // Each sign-in looks like its own client (documentation addresses), so
    // tests that exercise the throttle elsewhere do not lock the kit out;
    // the server reads this header only when told to trust a proxy.
    let client_addr = format!("198.51.100.{}", rand_octet());
    let res = c
        .post(app.url(&format!("/{tenant}/login")))
        .header("sec-fetch-site", "same-origin")
        .header("x-forwarded-for", client_addr)
        .form(&[
            ("csrf", token.as_str()),
            ("login", login),
            ("password", password),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        303,
        "login of {login} failed: {}",
        res.text().await.unwrap()
    );
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    if location.ends_with("/account/second-factor") {
        let html = c
            .get(app.url(&location))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let secret = regex_lite::Regex::new(r"<code>([A-Z2-7]+)</code>")
            .unwrap()
            .captures(&html)
            .unwrap()[1]
            .to_owned();
        let code = current_code(&secret);
        let res = post_form(c, &app.url(&location), &csrf_in(&html), &[("code", &code)]).await;
        assert_eq!(res.status(), 303, "second-factor enrolment failed");
        SECRETS.lock().unwrap().insert(login.to_owned(), secret);
    } else if location.contains("/login/second-factor") {
        let secret = SECRETS
            .lock()
            .unwrap()
            .get(login)
            .cloned()
            .expect("second factor enrolled earlier in this test");
        let html = c
            .get(app.url(&location))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        // A code is accepted once per time step: wait for the next one.
        tokio::time::sleep(std::time::Duration::from_secs(31 - (unix_now() % 30))).await;
        let code = current_code(&secret);
        let res = post_form(
            c,
            &app.url(&format!("/{tenant}/login/second-factor")),
            &csrf_in(&html),
            &[("code", &code)],
        )
        .await;
        assert_eq!(res.status(), 303, "second factor failed");
    }
}

static SECRETS: std::sync::LazyLock<std::sync::Mutex<HashMap<String, String>>> =
    std::sync::LazyLock::new(Default::default);

fn rand_octet() -> u8 {
    (uuid::Uuid::new_v4().as_bytes()[0] % 250) + 1
}

pub fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

pub fn current_code(secret: &str) -> String {
    vertrauensnetz::platform::auth::totp::current(secret, unix_now()).unwrap()
}
/// Logs of the server under test, filtered by `VN_TEST_LOG` (e.g. `debug`).
pub fn init_logs() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("VN_TEST_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("error"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_test_writer()
        .try_init();
}

/// A port that was free a moment ago (for servers started as processes).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Waits up to 30 s until `url` answers with a success status.
pub async fn wait_ready(url: &str) {
    let http = reqwest::Client::new();
    for _ in 0..600 {
        if let Ok(r) = http.get(url).send().await {
            if r.status().is_success() {
                return;
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("{url} did not become ready");
}
