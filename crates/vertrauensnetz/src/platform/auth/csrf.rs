//! Protection against cross-site request forgery, in two layers:
//!
//! 1. every state-changing request to a page route must not come from
//!    another site (`Sec-Fetch-Site`, else `Origin`, checked in middleware);
//! 2. every form carries a token equal to the per-browser `vn_csrf` cookie
//!    (random, `HttpOnly`, `SameSite=Strict`), compared in constant time by
//!    the form extractors.
//!
//! The cookie is set only when a page actually renders a form.

use std::sync::{Arc, OnceLock};

use subtle::ConstantTimeEq;

pub const COOKIE: &str = "vn_csrf";
pub const FIELD: &str = "csrf";

/// The browser's token for this request. A browser without a valid cookie
/// gets a new token only when a page renders a form (it is then set as a
/// cookie on the response); pages without forms cost nothing.
#[derive(Debug, Clone)]
pub struct CsrfToken {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    from_cookie: Option<String>,
    fresh: OnceLock<String>,
}

fn well_formed(v: &str) -> bool {
    v.len() == 43
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl CsrfToken {
    pub fn from_cookie(value: Option<&str>) -> CsrfToken {
        CsrfToken {
            inner: Arc::new(Inner {
                from_cookie: value.filter(|v| well_formed(v)).map(str::to_owned),
                fresh: OnceLock::new(),
            }),
        }
    }

    /// The token for a hidden form field.
    pub fn form_value(&self) -> &str {
        match &self.inner.from_cookie {
            Some(v) => v,
            None => self
                .inner
                .fresh
                .get_or_init(|| super::store::new_secret().0),
        }
    }

    /// The cookie value to set on the response, if a new token was used.
    pub fn cookie_to_set(&self) -> Option<&str> {
        match &self.inner.from_cookie {
            Some(_) => None,
            None => self.inner.fresh.get().map(String::as_str),
        }
    }

    /// Whether a submitted token matches this browser's cookie.
    pub fn matches(&self, submitted: &str) -> bool {
        self.inner
            .from_cookie
            .as_ref()
            .is_some_and(|v| bool::from(v.as_bytes().ct_eq(submitted.as_bytes())))
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
