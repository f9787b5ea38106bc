//! Stop receipts (Kontrollquittung): issued by `police` and `kod` on a
//! phone or through the API, signed with the tenant's Ed25519 key into a
//! QR code anyone can verify offline (`receipt-codec`), entered into the
//! hash chain, checked by the person stopped, who may describe themselves
//! anonymously once per receipt, and evaluated (`stats`) with small cells
//! suppressed for everyone but evaluators.

pub mod api;
pub mod evaluation;
pub mod generate;
pub mod keys;
pub mod model;
pub mod pages;
pub mod store;
pub mod writer;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::http::Method;
use chrono::{DateTime, Datelike, Utc};
use chrono_tz::Tz;
use uuid::Uuid;

use crate::platform::audit::Actor;
use crate::platform::auth::{Permission, Role};
use crate::platform::db::{Db, DbError, Timestamp};
use crate::platform::tenants::{Tenant, TenantId};
use crate::platform::web::{Access, AppState, Routes, WebError};
use model::{Agency, NewReceipt};
use store::{ReceiptRow, StopFacts};

pub fn routes(r: &mut Routes) {
    let issue = Access::Permission(Permission::IssueReceipts);
    r.add(
        Method::GET,
        "/{tenant}/receipts/new",
        issue,
        pages::issue_form,
    );
    r.add(
        Method::POST,
        "/{tenant}/receipts/new",
        issue,
        pages::issue_submit,
    );
    r.add(
        Method::GET,
        "/{tenant}/receipts/issued/{number}",
        issue,
        pages::issued,
    );
    r.add(
        Method::GET,
        "/api/v1/{tenant}/receipts/options",
        issue,
        api::options,
    );
    r.add(Method::POST, "/api/v1/{tenant}/receipts", issue, api::issue);
    let public = Access::Public;
    r.add(
        Method::GET,
        "/{tenant}/receipts/check",
        public,
        pages::check_form,
    );
    r.add(
        Method::POST,
        "/{tenant}/receipts/check",
        public,
        pages::check,
    );
    r.add(
        Method::POST,
        "/{tenant}/receipts/feedback",
        public,
        pages::feedback,
    );
    r.add(Method::GET, "/{tenant}/receipts/log", public, pages::log);
    r.add(
        Method::GET,
        "/.well-known/vertrauensnetz/receipt-keys.json",
        Access::Open,
        api::jwks,
    );
    let read = Access::Permission(Permission::ReadReceiptEvaluation);
    r.add(
        Method::GET,
        "/{tenant}/receipts/evaluation",
        read,
        evaluation::page,
    );
    r.add(
        Method::GET,
        "/{tenant}/receipts/evaluation.csv",
        read,
        evaluation::report_csv,
    );
    r.add(
        Method::GET,
        "/{tenant}/receipts/evaluation/report.html",
        read,
        evaluation::report_html,
    );
    let export = Access::Permission(Permission::ExportReceiptData);
    r.add(
        Method::GET,
        "/{tenant}/receipts/export.csv",
        export,
        evaluation::export_csv,
    );
    let manage = Access::Permission(Permission::ManageReceipts);
    r.add(
        Method::GET,
        "/{tenant}/admin/receipts",
        manage,
        evaluation::settings_form,
    );
    r.add(
        Method::POST,
        "/{tenant}/admin/receipts",
        manage,
        evaluation::settings_save,
    );
    r.add(
        Method::POST,
        "/{tenant}/admin/receipts/population",
        manage,
        evaluation::population_import,
    );
    r.add(
        Method::POST,
        "/{tenant}/admin/receipts/rotate-key",
        manage,
        evaluation::rotate_key,
    );
}

/// The module's API document.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(api::options, api::issue),
    components(schemas(model::IssueInput, api::Options, api::Code, api::IssuedReceipt))
)]
pub struct ReceiptsApi;

/// Entries on the start and staff pages.
pub fn nav() -> Vec<crate::platform::web::page::NavLink> {
    use crate::platform::web::page::{Audience, NavLink};
    vec![
        NavLink {
            path: "receipts/check",
            title_key: "receipts-check-title",
            summary_key: "receipts-check-summary",
            audience: Audience::Public,
        },
        NavLink {
            path: "receipts/log",
            title_key: "receipts-log-title",
            summary_key: "receipts-log-summary",
            audience: Audience::Public,
        },
        NavLink {
            path: "receipts/new",
            title_key: "receipts-issue-title",
            summary_key: "receipts-issue-summary",
            audience: Audience::Staff(Permission::IssueReceipts),
        },
        NavLink {
            path: "receipts/evaluation",
            title_key: "receipts-eval-title",
            summary_key: "receipts-eval-summary",
            audience: Audience::Staff(Permission::ReadReceiptEvaluation),
        },
        NavLink {
            path: "admin/receipts",
            title_key: "receipts-settings-title",
            summary_key: "receipts-settings-summary",
            audience: Audience::Staff(Permission::ManageReceipts),
        },
    ]
}

/// What the module keeps for the life of the server.
#[derive(Clone)]
pub struct Receipts {
    pub keys: Arc<keys::Keyring>,
    pub writer: writer::ReceiptWriter,
    pub vocabulary: Arc<VocabularyCache>,
}

impl Receipts {
    pub fn new(keys: keys::Keyring, db: &Db) -> Receipts {
        Receipts {
            keys: Arc::new(keys),
            writer: writer::ReceiptWriter::start(db.clone()),
            vocabulary: Arc::new(VocabularyCache::default()),
        }
    }
}

/// What issuing checks a receipt against: the tenant's settings (legal
/// bases, groups, mode) and district names.
#[derive(Debug)]
pub struct Vocabulary {
    pub settings: model::Settings,
    pub districts: Vec<String>,
}

/// How long an instance keeps a tenant's vocabulary. An administrator's
/// change is seen at once by the instance that saved it and by every other
/// instance within this time.
const VOCABULARY_FOR: Duration = Duration::from_secs(5);

/// Each tenant's [`Vocabulary`], read at most once per [`VOCABULARY_FOR`]
/// (issuing is the hot path: a rush of stops must not read the settings
/// and districts for every receipt).
#[derive(Default)]
pub struct VocabularyCache {
    inner: Mutex<HashMap<TenantId, (Instant, Arc<Vocabulary>)>>,
}

impl VocabularyCache {
    pub async fn get(&self, db: &Db, tenant: TenantId) -> Result<Arc<Vocabulary>, DbError> {
        if let Ok(cache) = self.inner.lock() {
            if let Some((at, v)) = cache.get(&tenant) {
                if at.elapsed() < VOCABULARY_FOR {
                    return Ok(v.clone());
                }
            }
        }
        let v = Arc::new(Vocabulary {
            settings: store::settings(db, tenant).await?,
            districts: crate::platform::tenants::districts(db, tenant)
                .await?
                .into_iter()
                .map(|d| d.name)
                .collect(),
        });
        if let Ok(mut cache) = self.inner.lock() {
            cache.insert(tenant, (Instant::now(), v.clone()));
        }
        Ok(v)
    }

    /// Drops a tenant's copy (after its settings changed).
    pub fn forget(&self, tenant: TenantId) {
        if let Ok(mut cache) = self.inner.lock() {
            cache.remove(&tenant);
        }
    }
}

/// The module of a running server.
pub fn module(state: &AppState) -> Result<&Receipts, WebError> {
    state.ext.get::<Receipts>().ok_or_else(WebError::internal)
}

/// The time zone of a tenant (Berlin when the name is unknown).
pub fn tenant_tz(tenant: &Tenant) -> Tz {
    tenant
        .time_zone
        .parse()
        .unwrap_or(chrono_tz::Europe::Berlin)
}

/// The agency an account issues for on a tenant: police before KOD when
/// an account holds both.
pub fn agency_of(roles: impl Iterator<Item = Role>) -> Option<Agency> {
    let roles: Vec<Role> = roles.collect();
    if roles.contains(&Role::Police) {
        Some(Agency::Police)
    } else if roles.contains(&Role::Kod) {
        Some(Agency::Kod)
    } else {
        None
    }
}

/// Why a receipt could not be issued.
#[derive(Debug, thiserror::Error)]
pub enum IssueError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Keys(#[from] keys::KeyError),
    #[error("signing failed: {0}")]
    Codec(#[from] receipt_codec::Error),
    #[error("no service number known for this account")]
    NoServiceNumber,
    #[error("the receipt could not be stored")]
    Write,
}

impl From<IssueError> for WebError {
    fn from(e: IssueError) -> WebError {
        match e {
            IssueError::Db(e) => e.into(),
            IssueError::NoServiceNumber => WebError::unprocessable(
                "service_number: send your service number once; it is remembered",
            ),
            e => {
                tracing::error!(error = %e, "receipt not issued");
                WebError::internal()
            }
        }
    }
}

/// Signs a receipt into a row (nothing stored yet).
pub fn sign_row(
    tenant: &Tenant,
    key: &keys::ActiveKey,
    r: &NewReceipt,
    service_number: &str,
    number: String,
    issued_at: Timestamp,
) -> Result<ReceiptRow, IssueError> {
    let stopped_at = Timestamp::truncated(r.stopped_at);
    let payload = receipt_codec::Payload {
        id: number.clone(),
        iss: r.agency.issuer(&tenant.jurisdiction_id),
        iat: issued_at.0.timestamp(),
        t: stopped_at.0.timestamp(),
        d: r.district.clone(),
        lb: r.legal_basis.clone(),
        r: r.reason.clone(),
        m: r.measures.clone(),
        o: r.outcome.clone(),
        off: service_number.to_owned(),
        ag: r.agency.as_str().to_owned(),
    };
    let cose = receipt_codec::sign(&payload, &key.key)?;
    Ok(ReceiptRow {
        receipt_id: Uuid::now_v7(),
        number,
        agency: r.agency.as_str().to_owned(),
        issued_at,
        stopped_at,
        district: r.district.clone(),
        lat: r.lat,
        lon: r.lon,
        legal_basis: r.legal_basis.clone(),
        reason: r.reason.clone(),
        reason_text: r.reason_text.clone(),
        measures: r.measures.join(" "),
        outcome: r.outcome.clone(),
        persons: r.persons,
        service_number: service_number.to_owned(),
        given: r.given,
        kid: key.kid.clone(),
        cose,
        officer_group: r.perceived_group.clone(),
    })
}

/// The local day of an instant in the tenant's zone (`YYYY-MM-DD`).
pub fn local_day(tenant: &Tenant, at: DateTime<Utc>) -> String {
    at.with_timezone(&tenant_tz(tenant))
        .format("%Y-%m-%d")
        .to_string()
}

/// Issues a receipt: signs it, stores it with its chain entry in one
/// transaction, and remembers the officer's service number.
pub async fn issue(
    db: &Db,
    module: &Receipts,
    tenant: &Tenant,
    user_id: Uuid,
    role: Role,
    r: &NewReceipt,
    now: Timestamp,
) -> Result<ReceiptRow, IssueError> {
    let service_number = match &r.service_number {
        Some(s) => s.clone(),
        None => store::service_number(db, tenant.id, user_id)
            .await?
            .ok_or(IssueError::NoServiceNumber)?,
    };
    let key = module.keys.active(db, tenant.id, now).await?;
    let mut attempt = 0;
    loop {
        attempt += 1;
        let row = sign_row(tenant, &key, r, &service_number, model::new_number(), now)?;
        let written = module
            .writer
            .write(
                tenant.id,
                row.clone(),
                local_day(tenant, now.0),
                user_id,
                Actor::Staff { user_id, role },
                r.service_number.clone(),
            )
            .await;
        match written {
            Ok(()) => return Ok(row),
            // A number already taken (29⁸ numbers): draw another.
            Err(writer::WriteError::Duplicate) if attempt < 4 => continue,
            Err(writer::WriteError::Db(e)) => return Err(e.into()),
            Err(_) => return Err(IssueError::Write),
        }
    }
}

/// The coarse facts of a stop for its self-description: month, agency,
/// district, clock time in 5-minute bins, darkness and whether it lies in
/// the year's inter-twilight window (twilight itself excluded).
pub fn stop_facts(tenant: &Tenant, row: &ReceiptRow) -> StopFacts {
    let measures = row.measure_list();
    Sky::new(tenant).facts(
        row.stopped_at.0,
        &row.agency,
        &row.district,
        measures.iter().any(|m| model::is_search(m)),
        model::is_hit(&row.outcome),
    )
}

/// Sun times at the tenant's centre, computed once per year (the
/// inter-twilight window) and once per day (the evening), for many stops.
pub struct Sky {
    lat: f64,
    lon: f64,
    tz: chrono_tz::Tz,
    windows: std::collections::HashMap<i32, Option<(u32, u32)>>,
    evenings: std::collections::HashMap<chrono::NaiveDate, Option<stats::sun::Evening>>,
}

impl Sky {
    pub fn new(tenant: &Tenant) -> Self {
        Self {
            lat: tenant.centre_lat,
            lon: tenant.centre_lon,
            tz: tenant_tz(tenant),
            windows: std::collections::HashMap::new(),
            evenings: std::collections::HashMap::new(),
        }
    }

    /// The facts of one stop.
    pub fn facts(
        &mut self,
        at: chrono::DateTime<chrono::Utc>,
        agency: &str,
        district: &str,
        searched: bool,
        hit: bool,
    ) -> StopFacts {
        let (lat, lon, tz) = (self.lat, self.lon, self.tz);
        let date = stats::sun::local_date(at, tz);
        let tod = stats::sun::local_minutes(at, tz);
        let light = self
            .evenings
            .entry(date)
            .or_insert_with(|| stats::sun::evening(lat, lon, date))
            .as_ref()
            .map(|e| stats::sun::light(at, e));
        let window = *self
            .windows
            .entry(date.year())
            .or_insert_with(|| stats::sun::intertwilight_window(lat, lon, date.year(), tz));
        let in_window = match (light, window) {
            (Some(l), Some((lo, hi))) => l != stats::sun::Light::Twilight && tod >= lo && tod <= hi,
            _ => false,
        };
        StopFacts {
            stop_month: at.with_timezone(&tz).format("%Y-%m").to_string(),
            agency: agency.to_owned(),
            district: district.to_owned(),
            tod_min: i32::try_from(tod / 5 * 5).unwrap_or(0),
            dark: light == Some(stats::sun::Light::Dark),
            vod_window: in_window,
            searched,
            hit,
        }
    }
}

/// What a check found.
#[derive(Debug, Clone)]
pub enum Verdict {
    /// Signed by one of the tenant's keys and present in the register.
    Valid {
        payload: Box<receipt_codec::Payload>,
        registered: bool,
    },
    /// Not a receipt of this tenant, forged or altered.
    Invalid(&'static str),
}

/// Checks a QR text against the tenant's published keys and register.
pub async fn check_qr(db: &Db, tenant: &Tenant, qr: &str) -> Result<Verdict, DbError> {
    let decoded = match receipt_codec::decode(qr) {
        Ok(d) => d,
        Err(e) => {
            return Ok(Verdict::Invalid(match e {
                receipt_codec::Error::Prefix | receipt_codec::Error::TooLong => {
                    "receipts-invalid-format"
                }
                receipt_codec::Error::Base45 | receipt_codec::Error::Inflate => {
                    "receipts-invalid-damaged"
                }
                _ => "receipts-invalid-structure",
            }))
        }
    };
    let kid = receipt_codec::kid_text(&decoded.kid);
    let Some(key) = keys::public_key(db, tenant.id, &kid).await? else {
        return Ok(Verdict::Invalid("receipts-invalid-key"));
    };
    if receipt_codec::verify(&decoded, &key).is_err() {
        return Ok(Verdict::Invalid("receipts-invalid-signature"));
    }
    let registered = store::by_number(db, tenant.id, &decoded.payload.id)
        .await?
        .is_some_and(|row| {
            receipt_codec::decode_cose(&row.cose).is_ok_and(|d| d.payload == decoded.payload)
        });
    Ok(Verdict::Valid {
        payload: Box::new(decoded.payload),
        registered,
    })
}

/// Checks a receipt number: the stored signed receipt must verify with the
/// tenant's key (a row written into the database without the key fails).
pub async fn check_number(
    db: &Db,
    tenant: &Tenant,
    number: &str,
) -> Result<(Verdict, Option<ReceiptRow>), DbError> {
    let Some(row) = store::by_number(db, tenant.id, number).await? else {
        return Ok((Verdict::Invalid("receipts-invalid-unknown"), None));
    };
    let Ok(decoded) = receipt_codec::decode_cose(&row.cose) else {
        return Ok((Verdict::Invalid("receipts-invalid-structure"), None));
    };
    let key = keys::public_key(db, tenant.id, &receipt_codec::kid_text(&decoded.kid)).await?;
    let ok = key.is_some_and(|k| receipt_codec::verify(&decoded, &k).is_ok())
        && decoded.payload.id == row.number;
    if !ok {
        return Ok((Verdict::Invalid("receipts-invalid-signature"), None));
    }
    Ok((
        Verdict::Valid {
            payload: Box::new(decoded.payload),
            registered: true,
        },
        Some(row),
    ))
}

/// Receipt figures of a period for the transparency dashboard, per agency.
#[derive(Debug, Clone, Default)]
pub struct PublicFigures {
    /// (agency, receipts given, receipts refused)
    pub issued: Vec<(String, i64, i64)>,
    /// (agency, self-descriptions, searched, searched with a hit, felt
    /// treated respectfully)
    pub described: Vec<(String, i64, i64, i64, i64)>,
}

/// Stops in `[from, to)`; self-descriptions of the months `[from_month,
/// to_month)`.
pub async fn public_figures(
    db: &Db,
    tenant: &Tenant,
    (from, to): (Timestamp, Timestamp),
    (from_month, to_month): (&str, &str),
) -> Result<PublicFigures, DbError> {
    let issued = store::issued_between(db, tenant.id, from, to).await?;
    let described = store::described_between(db, tenant.id, from_month, to_month).await?;
    let mut out = PublicFigures::default();
    for a in [Agency::Police, Agency::Kod] {
        let code = a.as_str();
        let n = |given: bool| {
            issued
                .iter()
                .filter(|r| r.0 == code && r.1 == given)
                .map(|r| r.2)
                .sum::<i64>()
        };
        out.issued.push((code.to_owned(), n(true), n(false)));
        let d = described.iter().find(|r| r.0 == code);
        out.described.push((
            code.to_owned(),
            d.map(|d| d.1).unwrap_or(0),
            d.and_then(|d| d.2).unwrap_or(0),
            d.and_then(|d| d.3).unwrap_or(0),
            d.and_then(|d| d.4).unwrap_or(0),
        ));
    }
    Ok(out)
}
