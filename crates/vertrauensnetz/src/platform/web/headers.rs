//! Security headers on every response, and a safe default for caching.

use axum::http::{header, HeaderMap, HeaderValue};

use super::AppState;

/// Scripts and styles only from this origin, no inline script, no framing,
/// forms only to this origin; images may be inline SVG/PNG data (QR codes).
pub const CSP: &str =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
frame-ancestors 'none'";

/// [`CSP`] with one more origin images may come from (a tenant's map tile
/// server). The caller passes a parsed `scheme://host[:port]`.
pub fn csp_with_image_origin(origin: &str) -> Option<HeaderValue> {
    HeaderValue::from_str(&CSP.replace(
        "img-src 'self' data:",
        &format!("img-src 'self' data: {origin}"),
    ))
    .ok()
}

/// Sets the security headers, and `no-store` where no cache policy was
/// chosen (anything that did not choose may be personal). A handler may
/// have set a policy of its own (built from [`CSP`] by
/// [`csp_with_image_origin`]); it is kept.
pub fn apply(state: &AppState, h: &mut HeaderMap) {
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        );
    }
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static(
            "geolocation=(self), camera=(), microphone=(), payment=(), interest-cohort=()",
        ),
    );
    if state.config.https() {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        );
    }
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
}
