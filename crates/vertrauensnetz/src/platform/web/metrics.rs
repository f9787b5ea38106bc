//! Prometheus metrics: request counts and latency histograms by route.

use std::collections::HashSet;
use std::sync::{Arc, OnceLock, RwLock};
use std::time::Duration;

use axum::extract::{MatchedPath, State};
use axum::http::{header, HeaderValue, Method};
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::text::encode;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

use super::AppState;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: &'static str,
    route: &'static str,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    method: &'static str,
    route: &'static str,
}

/// Route patterns are few and fixed; each is kept once for the life of the
/// process so labels need no allocation per request.
fn intern(route: &str) -> &'static str {
    static ROUTES: OnceLock<RwLock<HashSet<&'static str>>> = OnceLock::new();
    let set = ROUTES.get_or_init(Default::default);
    if let Some(r) = set.read().ok().and_then(|s| s.get(route).copied()) {
        return r;
    }
    match set.write() {
        Ok(mut s) => match s.get(route) {
            Some(r) => r,
            None => {
                let leaked: &'static str = Box::leak(route.to_owned().into_boxed_str());
                s.insert(leaked);
                leaked
            }
        },
        Err(_) => "unknown",
    }
}

fn method_label(m: &Method) -> &'static str {
    match *m {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "OTHER",
    }
}

fn latency_histogram() -> Histogram {
    Histogram::new([
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
    ])
}

pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram, fn() -> Histogram>,
}

impl Metrics {
    pub fn new() -> Arc<Metrics> {
        let mut registry = Registry::default();
        let requests = Family::<RequestLabels, Counter>::default();
        let latency = Family::<RouteLabels, Histogram, fn() -> Histogram>::new_with_constructor(
            latency_histogram,
        );
        registry.register(
            "http_requests",
            "HTTP requests by method, route and status",
            requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "Time to answer an HTTP request, by method and route",
            latency.clone(),
        );
        Arc::new(Metrics {
            registry,
            requests,
            latency,
        })
    }
}

/// Counts a finished request and its latency.
pub fn record(
    state: &AppState,
    method: &Method,
    route: Option<&MatchedPath>,
    status: u16,
    elapsed: Duration,
) {
    let method = method_label(method);
    let route = route.map(|r| intern(r.as_str())).unwrap_or("unmatched");
    let m = &state.metrics;
    m.latency
        .get_or_create(&RouteLabels { method, route })
        .observe(elapsed.as_secs_f64());
    m.requests
        .get_or_create(&RequestLabels {
            method,
            route,
            status,
        })
        .inc();
}

/// `GET /metrics` in the Prometheus text format.
pub async fn expose(State(state): State<AppState>) -> Response {
    let mut out = String::new();
    if encode(&mut out, &state.metrics.registry).is_err() {
        return super::error::WebError::internal().into_response();
    }
    let mut res = out.into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/openmetrics-text; version=1.0.0; charset=utf-8"),
    );
    res.extensions_mut().insert(super::page::Rendered);
    res
}
