//! Wiring: every module's routes, API documents, navigation entries and
//! background jobs come together here, and the server starts and stops.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::http::Method;
use axum::Json;
use lettre::message::Mailbox;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use utoipa::OpenApi;

use crate::platform::auth::{store as auth_store, throttle};
use crate::platform::clock::Clock;
use crate::platform::config::Config;
use crate::platform::db::{self, Db};
use crate::platform::jobs::{self, Job};
use crate::platform::mail::{self, Transport};
use crate::platform::tenants::TenantRegistry;
use crate::platform::web::page::NavLink;
use crate::platform::web::{self, Access, AppState, RouteSpec, Routes};
use crate::platform::{admin, api, i18n};

/// Every route of the application.
pub fn routes(state: Option<AppState>) -> Routes {
    let mut r = Routes::new(state);
    web::shell::routes(&mut r);
    crate::platform::auth::pages::routes(&mut r);
    admin::routes(&mut r);
    api::routes(&mut r);
    crate::events::routes(&mut r);
    crate::network::routes(&mut r);
    crate::events::network_routes(&mut r);
    crate::platform::notifications::routes(&mut r);
    crate::complaints::routes(&mut r);
    crate::topic_pages::routes(&mut r);
    crate::receipts::routes(&mut r);
    crate::public_info::routes(&mut r);
    crate::accountability::routes(&mut r);
    crate::reports::routes(&mut r);
    crate::surveys::routes(&mut r);
    crate::response_targets::routes(&mut r);
    crate::transparency::routes(&mut r);
    crate::patrols::routes(&mut r);
    r.add(
        Method::GET,
        "/api/openapi.json",
        Access::Public,
        openapi_json,
    );
    r
}

/// The route table with each route's access rule (for tests and docs).
pub fn route_table() -> Vec<RouteSpec> {
    routes(None).specs().to_vec()
}

/// The OpenAPI 3.1 document of the whole API.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let mut doc = api::PlatformApi::openapi();
    doc.merge(crate::events::EventsApi::openapi());
    doc.merge(crate::network::NetworkApi::openapi());
    doc.merge(crate::complaints::ComplaintsApi::openapi());
    doc.merge(crate::receipts::ReceiptsApi::openapi());
    doc.merge(crate::accountability::AccountabilityApi::openapi());
    doc.merge(crate::public_info::api::PublicInfoApi::openapi());
    doc.merge(crate::patrols::PatrolsApi::openapi());
    api::with_common_errors(doc)
}

async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(openapi())
}

/// Entries of the start and staff pages.
pub fn nav() -> Vec<NavLink> {
    let mut links = crate::events::nav();
    links.extend(crate::network::nav());
    links.extend(crate::events::network_nav());
    links.extend(crate::complaints::nav());
    links.extend(crate::receipts::nav());
    links.extend(crate::public_info::nav());
    links.extend(crate::accountability::nav());
    links.extend(crate::reports::nav());
    links.extend(crate::surveys::nav());
    links.extend(crate::response_targets::nav());
    links.extend(crate::transparency::nav());
    links.extend(crate::patrols::nav());
    links.push(NavLink {
        path: "notifications",
        title_key: "notifications-title",
        summary_key: "notifications-summary",
        audience: crate::platform::web::page::Audience::Staff(
            crate::platform::auth::Permission::UseStaffArea,
        ),
    });
    links
}

/// What the modules keep for the life of the server.
fn extensions(db: &Db, clock: &Clock, config: &Config) -> axum::http::Extensions {
    let mut ext = axum::http::Extensions::new();
    ext.insert(crate::complaints::Office::new(&config.complaints));
    match crate::receipts::keys::Keyring::open(&config.data_dir) {
        Ok(keys) => {
            ext.insert(crate::receipts::Receipts::new(keys, db));
        }
        // Without it receipts cannot be signed; every other module runs.
        Err(e) => tracing::error!(error = %e, "receipt signing keys unavailable"),
    }
    ext.insert(crate::reports::Reports::new());
    ext.insert(crate::transparency::Cache::new());
    ext.insert(crate::events::writer::RegistrationWriter::start(
        db.clone(),
        clock.clone(),
    ));
    ext
}

/// A running server.
pub struct Server {
    pub addr: SocketAddr,
    pub state: AppState,
    shutdown: watch::Sender<bool>,
    serve: JoinHandle<std::io::Result<()>>,
    jobs: Option<JoinHandle<()>>,
}

fn background_jobs(state: &AppState) -> Vec<Job> {
    let mut jobs = Vec::new();
    let from: Option<Mailbox> = state
        .config
        .mail
        .from
        .as_deref()
        .unwrap_or(DEFAULT_FROM)
        .parse()
        .ok();
    let s = state.clone();
    if let Some(from) = from {
        jobs.push(Job {
            name: "mail.send",
            every: chrono::Duration::seconds(2),
            run: Arc::new(move || {
                let s = s.clone();
                let from = from.clone();
                Box::pin(async move {
                    mail::send_due(&s.db, &s.mail, &from, &s.clock)
                        .await
                        .map(|_| ())
                        .map_err(|e| e.to_string())
                })
            }),
        });
    }
    let s = state.clone();
    jobs.push(Job {
        name: "platform.purge",
        every: chrono::Duration::hours(1),
        run: Arc::new(move || {
            let s = s.clone();
            Box::pin(async move {
                let now = s.clock.now_ts();
                let sessions = auth_store::purge_sessions(&s.db, now)
                    .await
                    .map_err(|e| e.to_string())?;
                let buckets = throttle::purge(&s.db, now)
                    .await
                    .map_err(|e| e.to_string())?;
                let mails = mail::purge(&s.db, now).await.map_err(|e| e.to_string())?;
                tracing::info!(sessions, buckets, mails, "purged expired records");
                Ok(())
            })
        }),
    });
    jobs.extend(crate::complaints::jobs::jobs(state));
    jobs.extend(crate::events::background_jobs(state));
    jobs.extend(crate::accountability::bodycam::jobs(state));
    jobs.extend(crate::accountability::report::jobs(state));
    jobs.extend(crate::reports::jobs(state));
    jobs
}

/// The sender when the configuration names none.
pub const DEFAULT_FROM: &str = "Vertrauensnetz <noreply@localhost>";

impl Server {
    /// Opens the database, applies migrations, binds the listener and starts
    /// serving and the background jobs.
    pub async fn start(config: Config) -> anyhow::Result<Server> {
        Server::start_with_clock(config, Clock::default()).await
    }

    pub async fn start_with_clock(config: Config, clock: Clock) -> anyhow::Result<Server> {
        std::fs::create_dir_all(&config.data_dir)?;
        let db = Db::connect(&config.database_url).await?;
        let ran = db::migrate(&db).await?;
        if ran > 0 {
            tracing::info!(migrations = ran, "database migrated");
        }
        i18n::init();
        web::assets::init();
        let tenants = TenantRegistry::load(db.clone()).await?;
        let transport = Transport::from_config(&config.mail)?;
        let listener = TcpListener::bind(config.listen).await?;
        let addr = listener.local_addr()?;
        let ext = extensions(&db, &clock, &config);
        let state = AppState::new(web::Shared {
            db: db.clone(),
            config: Arc::new(config),
            tenants,
            clock: clock.clone(),
            metrics: web::metrics::Metrics::new(),
            mail: transport,
            instance: Arc::from(format!("{}-{}", addr, uuid::Uuid::new_v4().simple())),
            nav: Arc::new(nav()),
            ext,
        });
        let router = routes(Some(state.clone())).into_router();
        let (shutdown, rx) = watch::channel(false);
        let mut serve_rx = rx.clone();
        let serve = tokio::spawn(async move {
            axum::serve(
                listener,
                router.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .with_graceful_shutdown(async move {
                let _ = serve_rx.changed().await;
            })
            .await
        });
        let jobs = state.config.run_jobs.then(|| {
            tokio::spawn(jobs::run(
                db,
                clock,
                background_jobs(&state),
                state.instance.to_string(),
                rx,
            ))
        });
        tracing::info!(%addr, database = ?state.db.kind(), "serving");
        Ok(Server {
            addr,
            state,
            shutdown,
            serve,
            jobs,
        })
    }

    /// Stops accepting connections, lets in-flight requests finish, stops
    /// the jobs and closes the database.
    pub async fn stop(self) {
        let _ = self.shutdown.send(true);
        if let Err(e) = self.serve.await {
            tracing::warn!(error = %e, "server task ended abnormally");
        }
        if let Some(j) = self.jobs {
            let _ = j.await;
        }
        self.state.db.close().await;
        tracing::info!("stopped");
    }

    /// Serves until SIGTERM or Ctrl-C, then stops gracefully.
    pub async fn run_until_signal(self) {
        shutdown_signal().await;
        tracing::info!("shutting down: finishing requests in flight");
        self.stop().await;
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
