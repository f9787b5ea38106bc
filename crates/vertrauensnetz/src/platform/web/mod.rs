//! The web shell: shared state, the route registry with per-route access
//! rules, the middleware stack, and the pages every tenant has.

pub mod assets;
pub mod context;
pub mod error;
pub mod extract;
pub mod headers;
pub mod metrics;
pub mod page;
pub mod shell;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::handler::Handler;
use axum::http::{HeaderName, Method, Request};
use axum::middleware::from_fn_with_state;
use axum::response::IntoResponse;
use axum::routing::{MethodFilter, MethodRouter};
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use context::{Access, Ctx};
pub use error::WebError;

use super::clock::Clock;
use super::config::Config;
use super::db::Db;
use super::mail::Transport;
use super::tenants::TenantRegistry;

/// Shared by every request. One reference count per clone: middlewares
/// clone the state on every request, so it must be a single `Arc`.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl AppState {
    pub fn new(shared: Shared) -> AppState {
        AppState(Arc::new(shared))
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// What [`AppState`] holds.
pub struct Shared {
    pub db: Db,
    pub config: Arc<Config>,
    pub tenants: TenantRegistry,
    pub clock: Clock,
    pub metrics: Arc<metrics::Metrics>,
    pub mail: Transport,
    /// A name for this process in job claims and logs.
    pub instance: Arc<str>,
    /// Entries of the start and staff pages, contributed by the modules.
    pub nav: Arc<Vec<page::NavLink>>,
    /// Long-lived parts the modules start with the server (by type).
    pub ext: axum::http::Extensions,
}

/// The middleware every request passes (in one function, so a request
/// pays for one boxed future rather than one per concern): it resolves
/// language and CSRF token, lets the route answer, renders error bodies,
/// sets cookies and security headers, and records metrics.
async fn front(
    axum::extract::State(state): axum::extract::State<AppState>,
    mut req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let start = std::time::Instant::now();
    let method = req.method().clone();
    let route = req
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .cloned();
    let base = Arc::new(context::base_ctx(&state, &req));
    req.extensions_mut().insert(base.lang);
    req.extensions_mut().insert(base.clone());
    let res = next.run(req).await;
    let mut res = error::render(&state, &base, res);
    context::set_cookies(&state, &base, &mut res);
    headers::apply(&state, res.headers_mut());
    metrics::record(
        &state,
        &method,
        route.as_ref(),
        res.status().as_u16(),
        start.elapsed(),
    );
    res
}

/// One route and who may use it. The list of all of them is what the
/// authorization test walks.
#[derive(Debug, Clone)]
pub struct RouteSpec {
    pub method: Method,
    pub path: &'static str,
    pub access: Access,
}

/// Collects routes with their access rules. Every route of the application
/// is added through [`Routes::add`], so none can exist without a rule.
pub struct Routes {
    state: Option<AppState>,
    specs: Vec<RouteSpec>,
    routers: BTreeMap<&'static str, MethodRouter<AppState>>,
}

impl Routes {
    pub fn new(state: Option<AppState>) -> Routes {
        Routes {
            state,
            specs: Vec::new(),
            routers: BTreeMap::new(),
        }
    }

    /// Adds `handler` for `method` on `path`, guarded by `access`.
    pub fn add<H, T>(&mut self, method: Method, path: &'static str, access: Access, handler: H)
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.specs.push(RouteSpec {
            method: method.clone(),
            path,
            access,
        });
        let Some(state) = &self.state else { return };
        let Ok(filter) = MethodFilter::try_from(method) else {
            return;
        };
        let guard = context::Guard {
            app: state.clone(),
            access,
        };
        let route = axum::routing::on(filter, handler)
            .route_layer(from_fn_with_state(guard, context::guard));
        let merged = match self.routers.remove(path) {
            Some(existing) => existing.merge(route),
            None => route,
        };
        self.routers.insert(path, merged);
    }

    pub fn specs(&self) -> &[RouteSpec] {
        &self.specs
    }

    /// Builds the router with the full middleware stack.
    pub fn into_router(self) -> Router {
        let Some(state) = self.state else {
            return Router::new();
        };
        let mut router: Router<AppState> = Router::new();
        for (path, mr) in self.routers {
            router = router.route(path, mr);
        }
        let request_id = HeaderName::from_static("x-request-id");
        let body_limit = state.config.max_body_bytes;
        // Outermost first: request id, trace, metrics and security headers
        // see every response, including errors rendered by render_errors,
        // timeouts and caught panics.
        router
            .fallback(|| async { WebError::not_found() })
            .layer(DefaultBodyLimit::max(body_limit))
            .layer(TimeoutLayer::with_status_code(
                axum::http::StatusCode::REQUEST_TIMEOUT,
                Duration::from_secs(60),
            ))
            .layer(CatchPanicLayer::custom(|_| {
                error::WebError::internal().into_response()
            }))
            .layer(from_fn_with_state(state.clone(), front))
            .layer(
                TraceLayer::new_for_http().make_span_with(|req: &Request<_>| {
                    // The matched route, never the raw URI: paths and queries
                    // may carry private tokens.
                    let route = req
                        .extensions()
                        .get::<axum::extract::MatchedPath>()
                        .map(|m| m.as_str())
                        .unwrap_or("");
                    let id = req
                        .headers()
                        .get("x-request-id")
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("");
                    tracing::info_span!("request", method = %req.method(), route, request_id = id)
                }),
            )
            .layer(PropagateRequestIdLayer::new(request_id.clone()))
            .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
            .with_state(state)
    }
}
