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

/// Whether every `%` starts a two-digit hexadecimal escape and every
/// escaped byte sequence is UTF-8 (the lenient standard decoder would pass
/// such input through or replace it silently).
fn well_formed_percent_encoding(bytes: &[u8]) -> bool {
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            match (bytes.get(i + 1), bytes.get(i + 2)) {
                (Some(h), Some(l)) if h.is_ascii_hexdigit() && l.is_ascii_hexdigit() => i += 3,
                _ => return false,
            }
        } else {
            i += 1;
        }
    }
    bytes.split(|b| *b == b'&').all(|pair| {
        pair.split(|b| *b == b'=').all(|part| {
            let plus_as_space: Vec<u8> = part
                .iter()
                .map(|b| if *b == b'+' { b' ' } else { *b })
                .collect();
            let decoded: Vec<u8> = percent_decode(&plus_as_space);
            std::str::from_utf8(&decoded).is_ok()
        })
    })
}

fn percent_decode(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while let Some(&b) = s.get(i) {
        let hex = |c: u8| (c as char).to_digit(16);
        match (
            b,
            s.get(i + 1).copied().and_then(hex),
            s.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
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
            .get::<std::sync::Arc<BaseCtx>>()
            .cloned()
            .ok_or_else(WebError::internal)?;
        let bytes = body_bytes(req, state).await?;
        if std::str::from_utf8(&bytes).is_err() {
            return Err(WebError::bad_request("the form is not valid UTF-8"));
        }
        if !well_formed_percent_encoding(&bytes) {
            return Err(WebError::bad_request("the form encoding is malformed"));
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

/// One uploaded file of a multipart form.
#[derive(Debug, Clone)]
pub struct Upload {
    /// The name the browser gave; informative only, never trusted.
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// A `multipart/form-data` form whose `csrf` field must match the browser's
/// token: its text fields (UTF-8, else 400) and its files (empty file inputs
/// are left out). The route's body limit bounds the whole request; each
/// module checks its own per-file limit and file types by content.
#[derive(Debug, Default)]
pub struct CsrfMultipart {
    fields: Vec<(String, String)>,
    files: Vec<(String, Upload)>,
}

impl CsrfMultipart {
    /// A text field's value, or "" when absent.
    pub fn text(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    /// Every value of a repeated field (checkboxes).
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.fields
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    pub fn file(&self, name: &str) -> Option<&Upload> {
        self.files.iter().find(|(k, _)| k == name).map(|(_, f)| f)
    }

    /// Every file of a repeated file field (`multiple`), in order.
    pub fn files<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Upload> + 'a {
        self.files
            .iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, f)| f)
    }
}

impl<S: Send + Sync> FromRequest<S> for CsrfMultipart {
    type Rejection = WebError;

    async fn from_request(req: Request, state: &S) -> Result<Self, WebError> {
        if !content_type_is(&req, "multipart/form-data") {
            return Err(WebError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "error-media-type",
            ));
        }
        let base = req
            .extensions()
            .get::<std::sync::Arc<BaseCtx>>()
            .cloned()
            .ok_or_else(WebError::internal)?;
        let mut multipart = axum::extract::Multipart::from_request(req, state)
            .await
            .map_err(|_| WebError::bad_request("the multipart form is malformed"))?;
        let mut form = CsrfMultipart::default();
        loop {
            let field = match multipart.next_field().await {
                Ok(Some(f)) => f,
                Ok(None) => break,
                Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                    return Err(WebError::new(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        "error-too-large",
                    ))
                }
                Err(_) => return Err(WebError::bad_request("the multipart form is malformed")),
            };
            let name = field.name().unwrap_or_default().to_owned();
            let file_name = field.file_name().map(str::to_owned);
            let bytes = field.bytes().await.map_err(|e| {
                if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    WebError::new(StatusCode::PAYLOAD_TOO_LARGE, "error-too-large")
                } else {
                    WebError::bad_request("the multipart form is malformed")
                }
            })?;
            match file_name {
                Some(file_name) => {
                    if !bytes.is_empty() {
                        form.files.push((
                            name,
                            Upload {
                                file_name,
                                bytes: bytes.to_vec(),
                            },
                        ));
                    }
                }
                None => {
                    let text = String::from_utf8(bytes.to_vec())
                        .map_err(|_| WebError::bad_request("the form is not valid UTF-8"))?;
                    form.fields.push((name, text));
                }
            }
        }
        if !base.csrf.matches(form.text(csrf::FIELD)) {
            return Err(WebError::new(StatusCode::FORBIDDEN, "error-csrf"));
        }
        Ok(form)
    }
}
