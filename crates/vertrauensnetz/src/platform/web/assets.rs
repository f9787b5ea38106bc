//! Static assets (CSS, icons, scripts) embedded in the binary and served
//! under content-hashed names with a year-long immutable cache. Nothing is
//! ever loaded from another host.

use std::collections::HashMap;
use std::sync::OnceLock;

use axum::body::Body;
use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use rust_embed::RustEmbed;
use sha2::{Digest, Sha256};

use super::error::WebError;

#[derive(RustEmbed)]
#[folder = "assets/"]
struct Files;

struct Asset {
    hashed_url: String,
    hashed_name: String,
    content_type: &'static str,
    body: Vec<u8>,
}

struct Catalog {
    by_name: HashMap<String, Asset>,
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        Some("pdf") => "application/pdf",
        _ => "application/octet-stream",
    }
}

fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| {
        let mut by_name = HashMap::new();
        for name in Files::iter() {
            let Some(file) = Files::get(&name) else {
                continue;
            };
            let body = file.data.into_owned();
            let digest = hex::encode(&Sha256::digest(&body)[..6]);
            let hashed_name = match name.rsplit_once('.') {
                Some((stem, ext)) => format!("{stem}.{digest}.{ext}"),
                None => format!("{name}.{digest}"),
            };
            by_name.insert(
                name.to_string(),
                Asset {
                    hashed_url: format!("/assets/{hashed_name}"),
                    hashed_name,
                    content_type: content_type(&name),
                    body,
                },
            );
        }
        Catalog { by_name }
    })
}

/// Hashes every asset now rather than on the first request.
pub fn init() {
    let _ = catalog();
}

/// The URL of an asset by its plain name (`app.css`).
pub fn url(name: &str) -> &'static str {
    catalog()
        .by_name
        .get(name)
        .map(|a| a.hashed_url.as_str())
        .unwrap_or("/assets/missing")
}

/// `GET /assets/{file}`: serves an asset by its hashed name.
pub async fn serve(Path(file): Path<String>) -> Result<Response, WebError> {
    let asset = catalog()
        .by_name
        .values()
        .find(|a| a.hashed_name == file)
        .ok_or_else(WebError::not_found)?;
    let mut res = (StatusCode::OK, Body::from(asset.body.clone())).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(asset.content_type),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    Ok(res)
}
