//! The parsers of outside input, each behind one entry point that takes raw
//! bytes: what a resident's browser, an Open311 client, a CAP feed, a
//! scanned QR code or an uploaded file can hand the server. The fuzz
//! targets in `fuzz/` call these functions, and `tests/hostile_input.rs`
//! replays every input the fuzzers kept (`fuzz/regressions/<target>/`)
//! through the same functions, so a crash once found stays fixed.
//!
//! Each entry point must return (never panic, never hang) for any input,
//! and checks the properties the production code relies on: a document
//! the CAP reader accepts can be written again, a receipt that decodes
//! re-encodes to the same COSE bytes, every parsed row obeys its limits.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::FromRequest;
use axum::http::{header, Request};

use crate::platform::auth::csrf::CsrfToken;
use crate::platform::i18n::Lang;
use crate::platform::web::context::BaseCtx;
use crate::platform::web::extract::CsrfMultipart;
use crate::response_targets::model::KnownDistrict;

/// The names of the entry points, as the fuzz targets and the regression
/// folders are named.
pub const TARGETS: &[&str] = &[
    "open311_query",
    "cap_document",
    "receipt_qr",
    "multipart_upload",
    "population_csv",
    "lab_import",
    "districts_geojson",
    "dispatch_csv",
];

/// Runs the entry point called `name` on `data`; `false` for an unknown
/// name.
pub fn run(name: &str, data: &[u8]) -> bool {
    match name {
        "open311_query" => open311_query(data),
        "cap_document" => cap_document(data),
        "receipt_qr" => receipt_qr(data),
        "multipart_upload" => {
            multipart_upload(data);
        }
        "population_csv" => population_csv(data),
        "lab_import" => lab_import(data),
        "districts_geojson" => districts_geojson(data),
        "dispatch_csv" => dispatch_csv(data),
        _ => return false,
    }
    true
}

/// An Open311 query string or form body: decoded into pairs as the routes
/// do, then read as a request query, a new request and credentials.
pub fn open311_query(data: &[u8]) {
    let Ok(pairs) = serde_urlencoded::from_bytes::<Vec<(String, String)>>(data) else {
        return;
    };
    let _ = open311::RequestQuery::parse(&pairs);
    let _ = open311::NewRequest::parse(&pairs);
    let _ = open311::credentials(&pairs);
    for (_, v) in &pairs {
        let _ = open311::parse_datetime(v);
    }
}

/// A CAP 1.2 document as the warning import reads it. A document the
/// reader accepts must be writable again: the writer refuses only what
/// the reader would have refused too.
pub fn cap_document(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(alert) = cap::parse(text) {
        if let Ok(xml) = cap::to_xml(&alert) {
            assert!(
                cap::parse(&xml).is_ok(),
                "a written document must read back"
            );
        }
    }
}

/// The text of a scanned receipt QR code. A code that decodes carries COSE
/// bytes that decode again to the same payload.
pub fn receipt_qr(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(decoded) = receipt_codec::decode(text) {
        if let Ok(cose) = receipt_codec::cose_bytes(text) {
            let again = receipt_codec::decode_cose(&cose);
            assert!(
                again.is_ok_and(|d| d.payload == decoded.payload),
                "decoding is deterministic"
            );
        }
        // No key signs fuzzed input: verification must fail, not panic.
        let key = receipt_codec::signing_key(&[7u8; 32]).verifying_key();
        let _ = receipt_codec::verify(&decoded, &key);
    }
}

const BOUNDARY: &str = "vnfuzzboundary";
const CSRF: &str = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

/// A `multipart/form-data` body (boundary `vnfuzzboundary`) through the
/// forms' extractor, and every uploaded file through the photo cleaner
/// the complaint office and the reports module use. Returns how many
/// files came out as clean photos.
pub fn multipart_upload(data: &[u8]) -> usize {
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread().build() else {
        return 0;
    };
    let base = Arc::new(BaseCtx {
        lang: Lang::De,
        csrf: CsrfToken::from_cookie(Some(CSRF)),
        chosen_lang: None,
        path: "/fuzz".to_owned(),
        client: None,
        host: None,
    });
    let Ok(mut req) = Request::builder()
        .method("POST")
        .uri("/fuzz")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(Body::from(data.to_vec()))
    else {
        return 0;
    };
    req.extensions_mut().insert(base);
    let form = runtime.block_on(CsrfMultipart::from_request(req, &()));
    let Ok(form) = form else {
        return 0;
    };
    form.files("file")
        .filter(|f| crate::platform::images::clean_photo(&f.bytes, 64).is_ok())
        .count()
}

/// The population table of the receipt evaluation (CSV).
pub fn population_csv(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(rows) = crate::receipts::evaluation::parse_population(text) {
        assert!(
            rows.iter().all(|(_, _, n)| *n >= 0),
            "counts are not negative"
        );
    }
}

/// The results of a neighbourhood lab (CSV or GeoJSON points).
pub fn lab_import(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(places) = crate::reports::staff::parse_lab(text) {
        assert!(
            places
                .iter()
                .all(|p| p.lat.is_finite() && p.lon.is_finite()),
            "coordinates are numbers"
        );
    }
}

/// A FeatureCollection of districts (operator import).
pub fn districts_geojson(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = crate::platform::districts::parse(text, None);
    let _ = crate::platform::districts::parse(text, Some("name"));
}

/// The districts the dispatch entry point knows.
pub const DISPATCH_DISTRICTS: [KnownDistrict<'static>; 2] = [
    KnownDistrict {
        code: "innenstadt-west",
        name: "Innenstadt-West",
    },
    KnownDistrict {
        code: "eving",
        name: "Eving",
    },
];

/// The moment the dispatch entry point parses at (2027-01-15, UTC seconds).
pub const DISPATCH_NOW: i64 = 1_800_000_000;

/// The rescue service's dispatch export (CSV) and the targets field of the
/// same page. Every record kept obeys what the compliance figures rely on:
/// a known district, call ≤ dispatch ≤ arrival, not in the future, within
/// the longest response counted, each incident once; every target is a
/// share of 1–100 % within 1–120 minutes.
pub fn dispatch_csv(data: &[u8]) {
    use crate::response_targets::model::{self, MAX_RESPONSE_SECONDS};
    let districts = DISPATCH_DISTRICTS;
    let Some(now) = chrono::DateTime::from_timestamp(DISPATCH_NOW, 0) else {
        return;
    };
    if let Ok(parsed) = model::parse_csv(data, &districts, chrono_tz::Europe::Berlin, now) {
        let mut ids = std::collections::HashSet::new();
        for r in &parsed.records {
            assert!(
                districts.iter().any(|d| d.code == r.district_code),
                "a known district"
            );
            assert!(
                r.called_at <= r.dispatched_at && r.dispatched_at <= r.arrived_at,
                "times in order"
            );
            assert!(r.arrived_at <= now, "not in the future");
            assert!(
                r.seconds_from_call() <= MAX_RESPONSE_SECONDS,
                "within the longest response"
            );
            assert!(ids.insert(r.incident_id.clone()), "each incident once");
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(targets) = model::parse_targets(text, &districts.map(|d| d.code)) {
            assert!(
                targets
                    .iter()
                    .all(|t| (1..=100).contains(&t.share_percent)
                        && (1..=120 * 60).contains(&t.seconds)),
                "targets within their limits"
            );
        }
    }
}
