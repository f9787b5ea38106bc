//! One conversion from errors to HTTP. Handlers return [`WebError`]; the
//! shell middleware ([`render`]) turns every error response that no page
//! rendered itself (including axum's own 404/405/413 and rejections) into a
//! page in the visitor's language or, under `/api/`, into
//! `application/problem+json` (RFC 9457).

use axum::body::Body;
use std::sync::Arc;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::context::BaseCtx;
use super::page::{self, Rendered};
use super::AppState;
use crate::platform::db::DbError;
use crate::platform::i18n;

/// What went wrong, as far as the client is concerned. `key` names a Fluent
/// message (`error-…`) with the human sentence; `detail` adds specifics that
/// are safe to show.
#[derive(Debug)]
pub struct WebError {
    pub status: StatusCode,
    pub key: &'static str,
    pub detail: Option<String>,
}

impl WebError {
    pub fn new(status: StatusCode, key: &'static str) -> WebError {
        WebError {
            status,
            key,
            detail: None,
        }
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> WebError {
        self.detail = Some(detail.into());
        self
    }

    pub fn not_found() -> WebError {
        WebError::new(StatusCode::NOT_FOUND, "error-not-found")
    }

    pub fn forbidden() -> WebError {
        WebError::new(StatusCode::FORBIDDEN, "error-forbidden")
    }

    pub fn bad_request(detail: impl Into<String>) -> WebError {
        WebError::new(StatusCode::BAD_REQUEST, "error-bad-request").with_detail(detail)
    }

    pub fn unprocessable(detail: impl Into<String>) -> WebError {
        WebError::new(StatusCode::UNPROCESSABLE_ENTITY, "error-unprocessable").with_detail(detail)
    }

    pub fn too_many() -> WebError {
        WebError::new(StatusCode::TOO_MANY_REQUESTS, "error-too-many")
    }

    pub fn internal() -> WebError {
        WebError::new(StatusCode::INTERNAL_SERVER_ERROR, "error-internal")
    }
}

/// Carried on an error response until [`render_errors`] writes its body.
#[derive(Debug, Clone)]
pub struct ErrorInfo {
    pub key: &'static str,
    pub detail: Option<String>,
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let mut res = self.status.into_response();
        res.extensions_mut().insert(ErrorInfo {
            key: self.key,
            detail: self.detail,
        });
        res
    }
}

impl From<DbError> for WebError {
    fn from(e: DbError) -> WebError {
        tracing::error!(error = %e, "database error");
        WebError::new(StatusCode::SERVICE_UNAVAILABLE, "error-unavailable")
    }
}

impl From<askama::Error> for WebError {
    fn from(e: askama::Error) -> WebError {
        tracing::error!(error = %e, "template error");
        WebError::internal()
    }
}

/// The problem document of RFC 9457.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem (`about:blank` for plain HTTP ones).
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

fn default_key(status: StatusCode) -> &'static str {
    match status {
        StatusCode::NOT_FOUND => "error-not-found",
        StatusCode::METHOD_NOT_ALLOWED => "error-method",
        StatusCode::PAYLOAD_TOO_LARGE => "error-too-large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "error-media-type",
        StatusCode::UNAUTHORIZED => "error-unauthorized",
        StatusCode::FORBIDDEN => "error-forbidden",
        StatusCode::TOO_MANY_REQUESTS => "error-too-many",
        StatusCode::UNPROCESSABLE_ENTITY => "error-unprocessable",
        StatusCode::SERVICE_UNAVAILABLE => "error-unavailable",
        s if s.is_client_error() => "error-bad-request",
        _ => "error-internal",
    }
}

pub fn is_api_path(path: &str) -> bool {
    path.starts_with("/api/")
}

/// Gives an unrendered error response its body: a page in the visitor's
/// language or, under `/api/`, a problem document.
pub fn render(state: &AppState, base: &Arc<BaseCtx>, res: Response) -> Response {
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error())
        || res.extensions().get::<Rendered>().is_some()
    {
        return res;
    }
    let lang = base.lang;
    let info = res.extensions().get::<ErrorInfo>().cloned();
    let key = info
        .as_ref()
        .map(|i| i.key)
        .unwrap_or_else(|| default_key(status));
    // Details from our own errors are meant for the client; axum's
    // rejections are summarised by status only.
    let detail = info.and_then(|i| i.detail);
    let (mut parts, _) = res.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    if is_api_path(&base.path) {
        let problem = Problem {
            kind: "about:blank".to_owned(),
            title: i18n::tr(lang, key, None),
            status: status.as_u16(),
            detail,
        };
        let body = serde_json::to_vec(&problem).unwrap_or_default();
        parts.headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        parts.headers.insert(
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(lang.html_lang()),
        );
        return Response::from_parts(parts, Body::from(body));
    }
    let html = page::error_page(
        state,
        Some(base.clone()),
        lang,
        &base.path,
        status,
        key,
        detail.as_deref(),
    );
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    Response::from_parts(parts, Body::from(html))
}
