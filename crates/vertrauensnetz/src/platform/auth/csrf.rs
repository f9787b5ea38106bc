//! Protection against cross-site request forgery, in two layers:
//!
//! 1. every state-changing request to a page route must not come from
//!    another site (`Sec-Fetch-Site`, else `Origin`, checked in middleware);
//! 2. every form carries a token equal to the per-browser `vn_csrf` cookie
//!    (random, `HttpOnly`, `SameSite=Strict`), compared in constant time by
//!    the form extractors.
//!
//! The cookie is set only when a page actually renders a form.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use subtle::ConstantTimeEq;

pub const COOKIE: &str = "vn_csrf";
pub const FIELD: &str = "csrf";

/// The browser's token for this request, and whether it must be set as a
/// cookie on the response (it was newly made and a form used it).
#[derive(Debug, Clone)]
pub struct CsrfToken {
    value: String,
    fresh: bool,
    used: Arc<AtomicBool>,
}

impl CsrfToken {
    pub fn from_cookie(value: Option<&str>) -> CsrfToken {
        match value.filter(|v| {
            v.len() == 43
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        }) {
            Some(v) => CsrfToken {
                value: v.to_owned(),
                fresh: false,
                used: Arc::new(AtomicBool::new(false)),
            },
            None => CsrfToken {
                value: super::store::new_secret().0,
                fresh: true,
                used: Arc::new(AtomicBool::new(false)),
            },
        }
    }

    /// The token for a hidden form field; marks the cookie as needed.
    pub fn form_value(&self) -> &str {
        self.used.store(true, Ordering::Relaxed);
        &self.value
    }

    /// The cookie value to set on the response, if one must be set.
    pub fn cookie_to_set(&self) -> Option<&str> {
        (self.fresh && self.used.load(Ordering::Relaxed)).then_some(self.value.as_str())
    }

    /// Whether a submitted token matches this browser's cookie.
    pub fn matches(&self, submitted: &str) -> bool {
        !self.fresh && bool::from(self.value.as_bytes().ct_eq(submitted.as_bytes()))
    }
}

/// Whether the request's headers show it came from this site (or from no
/// browser at all, which cannot carry a victim's cookies).
pub fn same_origin(headers: &axum::http::HeaderMap, host: Option<&str>) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    match headers
        .get(axum::http::header::ORIGIN)
        .and_then(|v| v.to_str().ok())
    {
        None => true,
        Some("null") => false,
        Some(origin) => {
            let origin_host = origin.split("://").nth(1).unwrap_or(origin);
            host.is_some_and(|h| h.eq_ignore_ascii_case(origin_host))
        }
    }
}
