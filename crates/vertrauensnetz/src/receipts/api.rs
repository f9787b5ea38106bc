//! The receipts API (a public contract for the police's and the city's
//! mobile apps) and the published key set.

use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use super::model::{self, IssueInput};
use super::{agency_of, module, store};
use crate::platform::auth::Permission;
use crate::platform::i18n::Tr;
use crate::platform::web::extract::ApiJson;
use crate::platform::web::{AppState, Ctx, WebError};

/// One code with its label in the caller's language.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Code {
    pub code: String,
    pub label: String,
}

/// The valid codes for the caller's agency.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Options {
    pub agency: String,
    /// `every_stop` or `on_request`.
    pub mode: String,
    pub legal_bases: Vec<Code>,
    pub reasons: Vec<Code>,
    pub measures: Vec<Code>,
    pub outcomes: Vec<Code>,
    pub districts: Vec<String>,
    /// The groups an officer may record as perceived; empty unless the
    /// tenant's administrator has turned this recording on.
    pub perceived_groups: Vec<Code>,
}

fn codes(t: &Tr, prefix: &str, values: &[&str]) -> Vec<Code> {
    values
        .iter()
        .map(|v| Code {
            code: (*v).to_owned(),
            label: t
                .t(&format!("receipts-{prefix}-{}", v.replace('_', "-")))
                .into_owned(),
        })
        .collect()
}

/// The valid codes for the caller's agency.
#[utoipa::path(get, path = "/api/v1/{tenant}/receipts/options", tag = "receipts",
    params(("tenant" = String, Path)),
    responses((status = 200, body = Options), (status = 401), (status = 403)),
    security(("bearer" = [])))]
pub async fn options(State(state): State<AppState>, ctx: Ctx) -> Result<Json<Options>, WebError> {
    let tenant = ctx.tenant()?;
    let agency = agency_of(ctx.principal()?.roles_on(tenant.id)).ok_or_else(WebError::forbidden)?;
    let t = Tr::new(ctx.lang());
    let v = module(&state)?.vocabulary.get(&state.db, tenant.id).await?;
    let settings = &v.settings;
    let perceived_groups = if settings.officer_groups {
        let mut g: Vec<&str> = settings.groups.iter().map(String::as_str).collect();
        g.push(model::NO_ANSWER);
        codes(&t, "group", &g)
    } else {
        Vec::new()
    };
    Ok(Json(Options {
        agency: agency.as_str().to_owned(),
        mode: settings.mode.as_str().to_owned(),
        legal_bases: settings
            .active_bases(agency)
            .map(|b| Code {
                code: b.code.clone(),
                label: b.citation.clone(),
            })
            .collect(),
        reasons: codes(&t, "reason", model::REASONS),
        measures: codes(&t, "measure", model::MEASURES),
        outcomes: codes(&t, "outcome", model::OUTCOMES),
        districts: v.districts.clone(),
        perceived_groups,
    }))
}

/// An issued receipt.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct IssuedReceipt {
    /// The receipt number to read out.
    pub number: String,
    /// The QR text: `VNQ1:` + Base45(zlib(COSE_Sign1)).
    pub qr: String,
    pub agency: String,
    pub issued_at: String,
    pub stopped_at: String,
    pub district: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub legal_basis: String,
    pub reason: String,
    pub reason_text: String,
    pub measures: Vec<String>,
    pub outcome: String,
    pub persons: i32,
    pub service_number: String,
    pub given: bool,
    pub kid: String,
    /// The group the officer recorded as perceived (only where the tenant
    /// records it; never part of the signed receipt).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub perceived_group: Option<String>,
}

impl IssuedReceipt {
    pub fn of(row: &store::ReceiptRow) -> Result<IssuedReceipt, WebError> {
        Ok(IssuedReceipt {
            number: row.number.clone(),
            qr: receipt_codec::qr_text(&row.cose).map_err(|_| WebError::internal())?,
            agency: row.agency.clone(),
            issued_at: row.issued_at.0.to_rfc3339(),
            stopped_at: row.stopped_at.0.to_rfc3339(),
            district: row.district.clone(),
            lat: row.lat,
            lon: row.lon,
            legal_basis: row.legal_basis.clone(),
            reason: row.reason.clone(),
            reason_text: row.reason_text.clone(),
            measures: row.measure_list(),
            outcome: row.outcome.clone(),
            persons: row.persons,
            service_number: row.service_number.clone(),
            given: row.given,
            kid: row.kid.clone(),
            perceived_group: row.officer_group.clone(),
        })
    }
}

/// Issues a receipt. Nothing is stored when any field is wrong.
#[utoipa::path(post, path = "/api/v1/{tenant}/receipts", tag = "receipts",
    params(("tenant" = String, Path)),
    request_body = IssueInput,
    responses((status = 201, body = IssuedReceipt), (status = 401), (status = 403),
        (status = 415), (status = 422, description = "a field is wrong (problem+json)")),
    security(("bearer" = [])))]
pub async fn issue(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(input): ApiJson<IssueInput>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let principal = ctx.principal()?;
    let agency = agency_of(principal.roles_on(tenant.id)).ok_or_else(WebError::forbidden)?;
    let role = principal
        .acting_role(tenant.id, Permission::IssueReceipts)
        .ok_or_else(WebError::forbidden)?;
    let m = module(&state)?;
    let v = m.vocabulary.get(&state.db, tenant.id).await?;
    let now = state.clock.now_ts();
    let receipt = input
        .parse(agency, &v.districts, &v.settings, now.0)
        .map_err(|problems| {
            WebError::unprocessable(
                problems
                    .iter()
                    .map(|p| format!("{}: {}", p.field, p.text))
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })?;
    let row = super::issue(&state.db, m, tenant, principal.user_id, role, &receipt, now).await?;
    let mut res = (StatusCode::CREATED, Json(IssuedReceipt::of(&row)?)).into_response();
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}

/// `GET /.well-known/vertrauensnetz/receipt-keys.json`: every tenant's
/// receipt keys as a JWK set (RFC 7517, OKP keys of RFC 8037). Retired
/// keys stay listed so receipts they signed still verify.
pub async fn jwks(State(state): State<AppState>) -> Result<Response, WebError> {
    let keys = super::keys::all_public(&state.db).await?;
    let list: Vec<serde_json::Value> = keys
        .iter()
        .map(|k| {
            let mut m = serde_json::Map::new();
            for (name, value) in receipt_codec::jwk_fields(&k.key) {
                m.insert(name.to_owned(), serde_json::Value::String(value));
            }
            m.insert("use".into(), "sig".into());
            m.insert("tenant".into(), k.tenant_slug.clone().into());
            m.insert(
                "status".into(),
                if k.retired { "retired" } else { "active" }.into(),
            );
            serde_json::Value::Object(m)
        })
        .collect();
    let mut res = Json(serde_json::json!({ "keys": list })).into_response();
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    res.headers_mut().insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    Ok(res)
}
