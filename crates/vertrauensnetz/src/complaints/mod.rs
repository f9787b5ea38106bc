//! The independent complaint office: anonymous and confidential complaints
//! without an account and without JavaScript, a receipt code instead of a
//! login, every case encrypted with its own key, two-way messages, the
//! caseworkers' inbox with deadlines, forwarding to the authority only as
//! the complainant consented, deletion after the retention period, and
//! public statistics with small cells suppressed.
//!
//! Nothing on the intake and status routes stores or logs the client's
//! address or user agent: the throttles of these routes live in memory,
//! keyed by a keyed hash that changes with every start (see `Guards`).

pub mod crypto;
pub mod demo;
pub mod jobs;
pub mod model;
pub mod operator;
pub mod pages;
pub mod staff;
pub mod stats;
pub mod store;

use std::collections::HashMap;
use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::http::{HeaderMap, Method};
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::platform::auth::Permission;
use crate::platform::config::ComplaintsConfig;
use crate::platform::db::Timestamp;
use crate::platform::tenants::TenantId;
use crate::platform::web::{Access, AppState, Routes, WebError};
use crypto::{KdfParams, KdfPool, Key};

pub fn routes(r: &mut Routes) {
    let public = Access::Public;
    r.add(
        Method::GET,
        "/{tenant}/complaints/new",
        public,
        pages::intake_form,
    );
    r.add(
        Method::POST,
        "/{tenant}/complaints/new",
        public,
        pages::intake_submit,
    );
    r.add(
        Method::GET,
        "/{tenant}/complaints/status",
        public,
        pages::status,
    );
    r.add(
        Method::POST,
        "/{tenant}/complaints/status",
        public,
        pages::status_open,
    );
    r.add(
        Method::POST,
        "/{tenant}/complaints/status/reply",
        public,
        pages::status_reply,
    );
    r.add(
        Method::POST,
        "/{tenant}/complaints/status/leave",
        public,
        pages::status_leave,
    );
    r.add(
        Method::GET,
        "/{tenant}/complaints/status/files/{file}",
        public,
        pages::status_file,
    );
    r.add(
        Method::GET,
        "/{tenant}/complaints/statistics",
        public,
        stats::page,
    );
    r.add(
        Method::GET,
        "/{tenant}/complaints/statistics.csv",
        public,
        stats::csv,
    );
    r.add(
        Method::GET,
        "/api/v1/{tenant}/complaints/statistics",
        public,
        stats::api,
    );
    let keys = Access::Permission(Permission::UseComplaintKeys);
    r.add(
        Method::GET,
        "/{tenant}/staff/complaint-key",
        keys,
        staff::unlock_form,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/complaint-key",
        keys,
        staff::unlock,
    );
    let handle = Access::Permission(Permission::HandleComplaints);
    r.add(
        Method::GET,
        "/{tenant}/staff/complaints",
        handle,
        staff::inbox,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/complaints/{case}",
        handle,
        staff::case,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/complaints/{case}",
        handle,
        staff::update,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/complaints/{case}/messages",
        handle,
        staff::message,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/complaints/{case}/forward",
        handle,
        staff::forward,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/complaints/{case}/files/{file}",
        handle,
        staff::file,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/complaint-liaisons",
        handle,
        staff::liaisons,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/complaint-liaisons",
        handle,
        staff::bind_liaison,
    );
    let answer = Access::Permission(Permission::AnswerForwardedComplaints);
    r.add(
        Method::GET,
        "/{tenant}/staff/forwarded",
        answer,
        staff::forwarded_list,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/forwarded/{case}",
        answer,
        staff::forwarded_case,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/forwarded/{case}",
        answer,
        staff::forwarded_answer,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/forwarded/{case}/files/{file}",
        answer,
        staff::forwarded_file,
    );
}

/// The complaint office's API document (public statistics only: case
/// content is never offered through the API).
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(stats::api),
    components(schemas(stats::YearStats, stats::Table, stats::Row))
)]
pub struct ComplaintsApi;

/// The complaint office's entries on the start and staff pages.
pub fn nav() -> Vec<crate::platform::web::page::NavLink> {
    use crate::platform::web::page::{Audience, NavLink};
    vec![
        NavLink {
            path: "complaints/new",
            title_key: "complaints-title",
            summary_key: "complaints-summary",
            audience: Audience::Public,
        },
        NavLink {
            path: "complaints/statistics",
            title_key: "complaints-stats-title",
            summary_key: "complaints-stats-summary",
            audience: Audience::Public,
        },
        NavLink {
            path: "staff/complaints",
            title_key: "complaints-staff-title",
            summary_key: "complaints-staff-summary",
            audience: Audience::Staff(Permission::HandleComplaints),
        },
        NavLink {
            path: "staff/forwarded",
            title_key: "complaints-forwarded-title",
            summary_key: "complaints-forwarded-summary",
            audience: Audience::Staff(Permission::AnswerForwardedComplaints),
        },
    ]
}

/// What the complaint office keeps for the life of the server.
#[derive(Clone)]
pub struct Office {
    pub config: Arc<ComplaintsConfig>,
    pub kdf: KdfPool,
    /// Bounds the decoding of uploaded images (CPU and memory heavy).
    pub files: Arc<tokio::sync::Semaphore>,
    pub status_guard: Arc<Guard>,
    pub intake_guard: Arc<Guard>,
}

impl Office {
    pub fn new(config: &ComplaintsConfig) -> Office {
        Office {
            config: Arc::new(config.clone()),
            kdf: KdfPool::new(config.kdf_parallel),
            files: Arc::new(tokio::sync::Semaphore::new(2)),
            status_guard: Arc::new(Guard::new(config.status_attempts_per_hour)),
            intake_guard: Arc::new(Guard::new(config.submissions_per_hour)),
        }
    }

    /// Receipt-hash parameters for new cases.
    pub fn lookup_params(&self) -> KdfParams {
        KdfParams {
            m_kib: self.config.kdf_memory_kib.max(8),
            t: self.config.kdf_passes.max(1),
            p: 1,
        }
    }

    /// Staff key parameters.
    pub fn staff_params(&self) -> KdfParams {
        self.lookup_params()
    }
}

/// The office of a running server.
pub fn office(state: &AppState) -> Result<&Office, WebError> {
    state.ext.get::<Office>().ok_or_else(WebError::internal)
}

/// A per-client counter in fixed one-hour windows, kept in memory only.
/// Clients are told apart by HMAC-SHA-256 of their address under a key made
/// at start-up, so not even the memory holds an address; counters reset on
/// restart and are per instance (documented limit).
pub struct Guard {
    key: [u8; 32],
    max: u32,
    buckets: Mutex<HashMap<[u8; 16], (i64, u32)>>,
}

impl Guard {
    pub fn new(max: u32) -> Guard {
        Guard {
            key: *crypto::random_key(),
            max,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    fn bucket(&self, client: Option<IpAddr>) -> [u8; 16] {
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.key) else {
            return [0; 16];
        };
        match client {
            // IPv6 clients are counted per /64, since one host holds many.
            Some(IpAddr::V6(v6)) => mac.update(&v6.octets()[..8]),
            Some(IpAddr::V4(v4)) => mac.update(&v4.octets()),
            None => mac.update(b"unknown"),
        }
        let mut out = [0u8; 16];
        out.copy_from_slice(&mac.finalize().into_bytes()[..16]);
        out
    }

    fn hour(now: Timestamp) -> i64 {
        now.0.timestamp() / 3600
    }

    /// Whether the client already reached the limit this hour.
    pub fn limited(&self, client: Option<IpAddr>, now: Timestamp) -> bool {
        let b = self.bucket(client);
        let Ok(map) = self.buckets.lock() else {
            return true;
        };
        map.get(&b)
            .is_some_and(|(h, n)| *h == Self::hour(now) && *n >= self.max)
    }

    /// Counts one attempt.
    pub fn hit(&self, client: Option<IpAddr>, now: Timestamp) {
        let b = self.bucket(client);
        let hour = Self::hour(now);
        if let Ok(mut map) = self.buckets.lock() {
            map.retain(|_, (h, _)| *h >= hour);
            let e = map.entry(b).or_insert((hour, 0));
            if e.0 != hour {
                *e = (hour, 0);
            }
            e.1 = e.1.saturating_add(1);
        }
    }
}

/// The cookie of an unlocked complaint key: `token ‖ key`, base64url.
/// The database keeps the token's SHA-256 and the secret wrapped under
/// `key`, so neither the cookie nor the database alone opens anything.
pub struct UnlockCookie {
    pub token_hash: [u8; 32],
    pub key: Key,
}

pub const STAFF_COOKIE: &str = "vn_ckey";
pub const CASE_COOKIE: &str = "vn_case";

impl UnlockCookie {
    pub fn new() -> (String, UnlockCookie) {
        let token = crypto::random_key();
        let key = crypto::random_key();
        let mut raw = Zeroizing::new(Vec::with_capacity(64));
        raw.extend_from_slice(token.as_ref());
        raw.extend_from_slice(key.as_ref());
        let text = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw.as_slice());
        (
            text,
            UnlockCookie {
                token_hash: sha256(token.as_ref()),
                key,
            },
        )
    }

    pub fn from_headers(headers: &HeaderMap, name: &str) -> Option<UnlockCookie> {
        let v = crate::platform::web::context::cookie_value(headers, name)?;
        let raw = Zeroizing::new(
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(v)
                .ok()?,
        );
        if raw.len() != 64 {
            return None;
        }
        let (token, key) = raw.split_at(32);
        let key: [u8; 32] = key.try_into().ok()?;
        Some(UnlockCookie {
            token_hash: sha256(token),
            key: Zeroizing::new(key),
        })
    }
}

fn sha256(b: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    Sha256::digest(b).into()
}

/// `Set-Cookie` for an unlock cookie (`None` deletes it).
pub fn unlock_cookie_header(
    state: &AppState,
    name: &str,
    value: Option<&str>,
) -> Option<axum::http::HeaderValue> {
    crate::platform::web::context::make_cookie(
        name,
        value.unwrap_or(""),
        Some(if value.is_some() { 12 * 3600 } else { 0 }),
        state.config.https(),
    )
}

/// Associated data binding a ciphertext to its tenant, case and purpose.
pub fn aad(tenant: TenantId, case_id: Uuid, purpose: &str) -> Vec<u8> {
    let mut v = Vec::with_capacity(40 + purpose.len());
    v.extend_from_slice(tenant.as_uuid().as_bytes());
    v.extend_from_slice(case_id.as_bytes());
    v.extend_from_slice(purpose.as_bytes());
    v
}

/// Where a case's encrypted files live.
pub fn case_dir(state: &AppState, tenant: TenantId, case_id: Uuid) -> PathBuf {
    state
        .config
        .data_path("complaints")
        .join(tenant.as_uuid().simple().to_string())
        .join(case_id.simple().to_string())
}

pub fn file_path(
    state: &AppState,
    tenant: TenantId,
    case_id: Uuid,
    file_id: Uuid,
    forwarded: bool,
) -> PathBuf {
    let name = if forwarded {
        format!("{}.fwd", file_id.simple())
    } else {
        file_id.simple().to_string()
    };
    case_dir(state, tenant, case_id).join(name)
}

/// Writes an encrypted blob (to a temporary name first, then renamed).
pub async fn write_blob(path: &std::path::Path, blob: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        tokio::fs::create_dir_all(dir).await?;
    }
    let tmp = path.with_extension("part");
    tokio::fs::write(&tmp, blob).await?;
    tokio::fs::rename(&tmp, path).await
}

/// The "received" mail to the caseworkers: no content, only the reference.
pub fn notice_mail(to: &str, subject: String, body: String) -> crate::platform::mail::OutgoingMail {
    crate::platform::mail::OutgoingMail {
        to: to.to_owned(),
        subject,
        body_text: body,
    }
}

/// The public statistics of a year (the same figures, with the same
/// suppression, as `/{tenant}/complaints/statistics`), for the
/// transparency dashboard.
pub async fn public_year_stats(
    state: &AppState,
    tenant: TenantId,
    year: i32,
) -> Result<stats::YearStats, WebError> {
    stats::year_stats(state, tenant, year).await
}

/// Fluent id of the label of a value in the public statistics
/// (`dimension`: `category`, `authority`, `outcome`).
pub fn public_stats_label_key(dimension: &str, value: &str) -> String {
    if value == "none" {
        format!("complaints-stats-no-{dimension}")
    } else {
        model::key(dimension, value)
    }
}
