//! Request-body extractors that answer bad input with a clear [`WebError`]
//! (in the visitor's language, or as problem+json), never a bare rejection.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{header, StatusCode};
use serde::de::DeserializeOwned;

use super::context::BaseCtx;
use super::error::WebError;
use crate::platform::auth::csrf;

async fn body_bytes<S: Send + Sync>(req: Request, state: &S) -> Result<Bytes, WebError> {
    Bytes::from_request(req, state).await.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            WebError::new(StatusCode::PAYLOAD_TOO_LARGE, "error-too-large")
        } else {
            WebError::bad_request("the request body could not be read")
        }
    })
}

fn content_type_is(req: &Request, expected: &str) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case(expected))
}

/// A URL-encoded form whose `csrf` field must match the browser's token.
/// Unknown fields are ignored; the target type decides what is required.
pub struct CsrfForm<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for CsrfForm<T> {
    type Rejection = WebError;

    async fn from_request(req: Request, state: &S) -> Result<Self, WebError> {
        if !content_type_is(&req, "application/x-www-form-urlencoded") {
            return Err(WebError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "error-media-type",
            ));
        }
        let base = req
            .extensions()
            .get::<BaseCtx>()
            .cloned()
            .ok_or_else(WebError::internal)?;
        let bytes = body_bytes(req, state).await?;
        if std::str::from_utf8(&bytes).is_err() {
            return Err(WebError::bad_request("the form is not valid UTF-8"));
        }
        let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes)
            .map_err(|_| WebError::bad_request("the form encoding is malformed"))?;
        let token = pairs
            .iter()
            .find(|(k, _)| k == csrf::FIELD)
            .map(|(_, v)| v.as_str());
        if !token.is_some_and(|t| base.csrf.matches(t)) {
            return Err(WebError::new(StatusCode::FORBIDDEN, "error-csrf"));
        }
        serde_urlencoded::from_bytes(&bytes)
            .map(CsrfForm)
            .map_err(|e| WebError::unprocessable(e.to_string()))
    }
}

/// A JSON body for the API.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = WebError;

    async fn from_request(req: Request, state: &S) -> Result<Self, WebError> {
        if !content_type_is(&req, "application/json") {
            return Err(
                WebError::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, "error-media-type")
                    .with_detail("send the body as application/json"),
            );
        }
        let bytes = body_bytes(req, state).await?;
        serde_json::from_slice(&bytes)
            .map(ApiJson)
            .map_err(|e| WebError::unprocessable(e.to_string()))
    }
}
