//! The pages: issuing (officers, phone first), the printable receipt, the
//! check page with the anonymous self-description (residents, no account,
//! no JavaScript) and the public log.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDateTime, TimeZone};

use super::model::{self, IssueInput, Mode};
use super::{agency_of, module, store, tenant_tz, Verdict};
use crate::complaints::pages::no_store;
use crate::platform::auth::Permission;
use crate::platform::db::Timestamp;
use crate::platform::i18n::Tr;
use crate::platform::web::extract::CsrfForm;
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

/// A code with its label.
pub struct Labelled {
    pub code: String,
    pub label: String,
}

fn labelled(t: &Tr, prefix: &str, values: &[&str]) -> Vec<Labelled> {
    values
        .iter()
        .map(|v| Labelled {
            code: (*v).to_owned(),
            label: label(t, prefix, v),
        })
        .collect()
}

/// The label of a code in the reader's language (the code itself when
/// there is none, e.g. a tenant's own group).
pub fn label(t: &Tr, prefix: &str, code: &str) -> String {
    let id = format!("receipts-{prefix}-{}", code.replace('_', "-"));
    let s = t.t(&id);
    if s == id {
        code.to_owned()
    } else {
        s.into_owned()
    }
}

/// The issuing form's fields as typed.
#[derive(Debug, Clone, Default)]
pub struct IssueFields {
    pub stopped_at: String,
    pub district: String,
    pub legal_basis: String,
    pub reason: String,
    pub reason_text: String,
    pub measures: Vec<String>,
    pub outcome: String,
    pub persons: String,
    pub service_number: String,
    pub given: String,
    pub perceived_group: String,
}

#[derive(Template)]
#[template(path = "receipts/issue.html")]
struct IssuePage {
    page: PageCtx,
    f: IssueFields,
    errors: FormErrors,
    districts: Vec<String>,
    legal_bases: Vec<Labelled>,
    reasons: Vec<Labelled>,
    measures: Vec<Labelled>,
    outcomes: Vec<Labelled>,
    on_request: bool,
    /// The groups to record as perceived; empty when the tenant does not
    /// record them.
    perceived_groups: Vec<Labelled>,
}

async fn issue_page(
    state: &AppState,
    ctx: &Ctx,
    f: IssueFields,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let agency = agency_of(ctx.principal()?.roles_on(tenant.id)).ok_or_else(WebError::forbidden)?;
    let t = Tr::new(ctx.lang());
    let v = module(state)?.vocabulary.get(&state.db, tenant.id).await?;
    let settings = &v.settings;
    let perceived_groups = if settings.officer_groups {
        let mut g: Vec<&str> = settings.groups.iter().map(String::as_str).collect();
        g.push(model::NO_ANSWER);
        labelled(&t, "group", &g)
    } else {
        Vec::new()
    };
    let tpl = IssuePage {
        page: PageCtx::new(ctx, "receipts-issue-title"),
        f,
        errors,
        districts: v.districts.clone(),
        legal_bases: settings
            .active_bases(agency)
            .map(|b| Labelled {
                code: b.code.clone(),
                label: b.citation.clone(),
            })
            .collect(),
        reasons: labelled(&t, "reason", model::REASONS),
        measures: labelled(&t, "measure", model::MEASURES),
        outcomes: labelled(&t, "outcome", model::OUTCOMES),
        on_request: settings.mode == Mode::OnRequest,
        perceived_groups,
    };
    Ok(no_store(page::render(&tpl, status)?))
}

/// `GET /{tenant}/receipts/new`
pub async fn issue_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let now = state.clock.now().with_timezone(&tenant_tz(tenant));
    let service_number = store::service_number(&state.db, tenant.id, ctx.principal()?.user_id)
        .await?
        .unwrap_or_default();
    let f = IssueFields {
        stopped_at: now.format("%Y-%m-%dT%H:%M").to_string(),
        persons: "1".into(),
        measures: vec!["identity_check".into()],
        outcome: "no_action".into(),
        given: "given".into(),
        service_number,
        ..Default::default()
    };
    issue_page(&state, &ctx, f, FormErrors::new(), StatusCode::OK).await
}

/// `POST /{tenant}/receipts/new`
pub async fn issue_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let principal = ctx.principal()?;
    let agency = agency_of(principal.roles_on(tenant.id)).ok_or_else(WebError::forbidden)?;
    let role = principal
        .acting_role(tenant.id, Permission::IssueReceipts)
        .ok_or_else(WebError::forbidden)?;
    let mut f = IssueFields::default();
    for (k, v) in pairs {
        match k.as_str() {
            "stopped_at" => f.stopped_at = v,
            "district" => f.district = v,
            "legal_basis" => f.legal_basis = v,
            "reason" => f.reason = v,
            "reason_text" => f.reason_text = v,
            "measures" => f.measures.push(v),
            "outcome" => f.outcome = v,
            "persons" => f.persons = v,
            "service_number" => f.service_number = v,
            "given" => f.given = v,
            "perceived_group" => f.perceived_group = v,
            _ => {}
        }
    }
    let t = Tr::new(ctx.lang());
    let mut errors = FormErrors::new();
    // The form gives local time; the rules take RFC 3339.
    let tz = tenant_tz(tenant);
    let stopped_at = NaiveDateTime::parse_from_str(f.stopped_at.trim(), "%Y-%m-%dT%H:%M")
        .ok()
        .and_then(|n| tz.from_local_datetime(&n).earliest())
        .map(|d| d.to_rfc3339())
        .unwrap_or_else(|| f.stopped_at.clone());
    let persons = f.persons.trim().parse::<i64>().unwrap_or(0);
    if f.service_number.trim().is_empty() {
        errors.add("service_number", t.t("receipts-error-service-number"));
    }
    let input = IssueInput {
        stopped_at,
        district: f.district.clone(),
        legal_basis: f.legal_basis.clone(),
        reason: f.reason.clone(),
        reason_text: f.reason_text.clone(),
        measures: f.measures.clone(),
        outcome: f.outcome.clone(),
        persons,
        lat: None,
        lon: None,
        service_number: Some(f.service_number.clone()),
        given: Some(f.given != "refused"),
        perceived_group: Some(f.perceived_group.clone()),
    };
    let m = module(&state)?;
    let v = m.vocabulary.get(&state.db, tenant.id).await?;
    let now = state.clock.now_ts();
    let parsed = input.parse(agency, &v.districts, &v.settings, now.0);
    let receipt = match parsed {
        Ok(r) if errors.is_empty() => r,
        Ok(_) => {
            return issue_page(&state, &ctx, f, errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(problems) => {
            for p in problems {
                if errors.get(p.field).is_none() {
                    errors.add(p.field, t.t(p.key));
                }
            }
            return issue_page(&state, &ctx, f, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let row = super::issue(&state.db, m, tenant, principal.user_id, role, &receipt, now).await?;
    Ok(Redirect::to(&format!("/{}/receipts/issued/{}", tenant.slug, row.number)).into_response())
}

/// What a receipt shows (issued page and check page).
pub struct Shown {
    pub number: String,
    pub agency: String,
    pub stopped_at: String,
    pub district: String,
    pub legal_basis: String,
    pub reason: String,
    pub reason_text: String,
    pub measures: Vec<String>,
    pub outcome: String,
    pub service_number: String,
}

fn shown(
    t: &Tr,
    tenant: &crate::platform::tenants::Tenant,
    settings: &model::Settings,
    p: &receipt_codec::Payload,
    reason_text: &str,
) -> Shown {
    let tz = tenant_tz(tenant);
    let agency = model::Agency::parse(&p.ag);
    let legal_basis = agency
        .and_then(|a| settings.citation(a, &p.lb))
        .map(str::to_owned)
        .unwrap_or_else(|| p.lb.clone());
    Shown {
        number: p.id.clone(),
        agency: label(t, "agency", &p.ag),
        stopped_at: chrono::DateTime::from_timestamp(p.t, 0)
            .map(|d| d.with_timezone(&tz).format("%d.%m.%Y %H:%M").to_string())
            .unwrap_or_default(),
        district: p.d.clone(),
        legal_basis,
        reason: label(t, "reason", &p.r),
        reason_text: reason_text.to_owned(),
        measures: p.m.iter().map(|m| label(t, "measure", m)).collect(),
        outcome: label(t, "outcome", &p.o),
        service_number: p.off.clone(),
    }
}

#[derive(Template)]
#[template(path = "receipts/issued.html")]
struct IssuedPage {
    page: PageCtx,
    r: Shown,
    qr_svg: String,
    qr_text: String,
    given: bool,
    check_url: String,
}

/// The QR code as inline SVG (no XML declaration).
pub fn qr_svg(text: &str) -> Result<String, WebError> {
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
        .map_err(|_| WebError::internal())?;
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(220, 220)
        .quiet_zone(true)
        .build();
    Ok(match svg.find("<svg") {
        Some(i) => svg[i..].to_owned(),
        None => svg,
    })
}

/// `GET /{tenant}/receipts/issued/{number}`: the printable receipt.
pub async fn issued(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, number)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let number = model::normalise_number(&number).ok_or_else(WebError::not_found)?;
    let row = store::by_number(&state.db, tenant.id, &number)
        .await?
        .ok_or_else(WebError::not_found)?;
    let decoded = receipt_codec::decode_cose(&row.cose).map_err(|_| WebError::internal())?;
    let qr_text = receipt_codec::qr_text(&row.cose).map_err(|_| WebError::internal())?;
    let t = Tr::new(ctx.lang());
    let v = module(&state)?.vocabulary.get(&state.db, tenant.id).await?;
    let tpl = IssuedPage {
        page: PageCtx::new(&ctx, "receipts-issued-title"),
        r: shown(&t, tenant, &v.settings, &decoded.payload, &row.reason_text),
        qr_svg: qr_svg(&qr_text)?,
        qr_text,
        given: row.given,
        check_url: ctx.absolute_url(&state, &format!("/{}/receipts/check", tenant.slug)),
    };
    Ok(no_store(page::ok(&tpl)?))
}

#[derive(Template)]
#[template(path = "receipts/check.html")]
struct CheckPage {
    page: PageCtx,
    input: String,
    error: Option<String>,
    /// `Some(true)` valid, `Some(false)` not valid, `None` not checked.
    valid: Option<bool>,
    registered: bool,
    reason_key: String,
    r: Option<Shown>,
    /// May the person still describe themselves (once per receipt)?
    can_describe: bool,
    age_bands: Vec<Labelled>,
    genders: Vec<Labelled>,
    groups: Vec<Labelled>,
    respectful: Vec<Labelled>,
    explained: Vec<Labelled>,
}

impl CheckPage {
    fn empty(ctx: &Ctx) -> CheckPage {
        CheckPage {
            page: PageCtx::new(ctx, "receipts-check-title"),
            input: String::new(),
            error: None,
            valid: None,
            registered: false,
            reason_key: String::new(),
            r: None,
            can_describe: false,
            age_bands: Vec::new(),
            genders: Vec::new(),
            groups: Vec::new(),
            respectful: Vec::new(),
            explained: Vec::new(),
        }
    }
}

/// `GET /{tenant}/receipts/check`
pub async fn check_form(ctx: Ctx) -> Result<Response, WebError> {
    Ok(no_store(page::ok(&CheckPage::empty(&ctx))?))
}

#[derive(Debug, serde::Deserialize)]
pub struct CheckForm {
    #[serde(default)]
    code: String,
}

/// `POST /{tenant}/receipts/check`: a receipt number or the QR text.
pub async fn check(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<CheckForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let input = form.code.trim().to_owned();
    let mut tpl = CheckPage::empty(&ctx);
    tpl.input = input.chars().take(receipt_codec::MAX_TEXT_CHARS).collect();
    if input.is_empty() {
        tpl.error = Some(t.t("receipts-check-empty").into_owned());
        return Ok(no_store(page::render(
            &tpl,
            StatusCode::UNPROCESSABLE_ENTITY,
        )?));
    }
    let (verdict, row) = if input.starts_with(receipt_codec::PREFIX) || input.len() > 20 {
        let v = super::check_qr(&state.db, tenant, &input).await?;
        let row = match &v {
            Verdict::Valid {
                payload,
                registered: true,
            } => store::by_number(&state.db, tenant.id, &payload.id).await?,
            _ => None,
        };
        (v, row)
    } else {
        match model::normalise_number(&input) {
            Some(n) => super::check_number(&state.db, tenant, &n).await?,
            None => (Verdict::Invalid("receipts-invalid-format"), None),
        }
    };
    match verdict {
        Verdict::Valid {
            payload,
            registered,
        } => {
            tpl.valid = Some(true);
            tpl.registered = registered;
            let reason_text = row
                .as_ref()
                .map(|r| r.reason_text.clone())
                .unwrap_or_default();
            let v = module(&state)?.vocabulary.get(&state.db, tenant.id).await?;
            tpl.r = Some(shown(&t, tenant, &v.settings, &payload, &reason_text));
            if let Some(row) = &row {
                let m = module(&state)?;
                let mark = m
                    .keys
                    .keyed_hash("receipt-feedback", tenant.id, &row.number);
                tpl.can_describe = !mark_taken(&state, tenant.id, &mark).await?;
                fill_choices(&state, &ctx, &mut tpl).await?;
            }
            Ok(no_store(page::ok(&tpl)?))
        }
        Verdict::Invalid(key) => {
            tpl.valid = Some(false);
            tpl.reason_key = key.to_owned();
            Ok(no_store(page::render(&tpl, StatusCode::OK)?))
        }
    }
}

async fn mark_taken(
    state: &AppState,
    tenant: crate::platform::tenants::TenantId,
    mark: &[u8],
) -> Result<bool, WebError> {
    let mut conn = state.db.read().await?;
    let row: Option<(i64,)> = crate::on_db!(conn, c => sqlx::query_as(
        "SELECT 1 FROM receipt_feedback_marks WHERE tenant_id = $1 AND mark = $2")
        .bind(tenant.as_uuid()).bind(mark).fetch_optional(c).await)
    .map_err(crate::platform::db::DbError::from)?;
    Ok(row.is_some())
}

async fn fill_choices(state: &AppState, ctx: &Ctx, tpl: &mut CheckPage) -> Result<(), WebError> {
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let settings = store::settings(&state.db, tenant.id).await?;
    tpl.age_bands = labelled(&t, "age", model::AGE_BANDS);
    tpl.genders = labelled(&t, "gender", model::GENDERS);
    let mut groups: Vec<&str> = settings.groups.iter().map(String::as_str).collect();
    groups.push(model::NO_ANSWER);
    tpl.groups = labelled(&t, "group", &groups);
    tpl.respectful = labelled(&t, "respectful", model::RESPECTFUL);
    tpl.explained = labelled(&t, "explained", model::EXPLAINED);
    Ok(())
}

#[derive(Debug, serde::Deserialize)]
pub struct FeedbackForm {
    #[serde(default)]
    number: String,
    #[serde(default)]
    age_band: String,
    #[serde(default)]
    gender: String,
    #[serde(default)]
    group: String,
    #[serde(default)]
    respectful: String,
    #[serde(default)]
    explained: String,
}

#[derive(Template)]
#[template(path = "receipts/feedback.html")]
struct FeedbackPage {
    page: PageCtx,
    stored: bool,
    number: String,
}

fn pick(value: &str, allowed: &[&str]) -> Option<String> {
    let v = if value.is_empty() {
        model::NO_ANSWER
    } else {
        value
    };
    allowed.contains(&v).then(|| v.to_owned())
}

/// `POST /{tenant}/receipts/feedback`: the anonymous self-description,
/// once per receipt.
pub async fn feedback(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<FeedbackForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let number = model::normalise_number(&form.number)
        .ok_or_else(|| WebError::unprocessable("receipt number"))?;
    let (verdict, row) = super::check_number(&state.db, tenant, &number).await?;
    let (Verdict::Valid { .. }, Some(row)) = (verdict, row) else {
        return Err(WebError::unprocessable("receipt number"));
    };
    let settings = store::settings(&state.db, tenant.id).await?;
    let mut groups: Vec<&str> = settings.groups.iter().map(String::as_str).collect();
    groups.push(model::NO_ANSWER);
    let d = match (
        pick(&form.age_band, model::AGE_BANDS),
        pick(&form.gender, model::GENDERS),
        pick(&form.group, &groups),
        pick(&form.respectful, model::RESPECTFUL),
        pick(&form.explained, model::EXPLAINED),
    ) {
        (Some(age_band), Some(gender), Some(group), Some(respectful), Some(explained)) => {
            store::SelfDescription {
                age_band,
                gender,
                group,
                respectful,
                explained,
            }
        }
        _ => return Err(WebError::unprocessable("unknown answer")),
    };
    let m = module(&state)?;
    let mark = m
        .keys
        .keyed_hash("receipt-feedback", tenant.id, &row.number);
    let facts = super::stop_facts(tenant, &row);
    let mut tx = state.db.begin().await?;
    let stored = store::take_mark(&mut tx, tenant.id, &mark).await?;
    if stored {
        store::insert_description(&mut tx, tenant.id, &facts, &d).await?;
    }
    tx.commit().await?;
    let tpl = FeedbackPage {
        page: PageCtx::new(&ctx, "receipts-feedback-title"),
        stored,
        number: row.number,
    };
    let status = if stored {
        StatusCode::OK
    } else {
        StatusCode::CONFLICT
    };
    Ok(no_store(page::render(&tpl, status)?))
}

#[derive(Template)]
#[template(path = "receipts/log.html")]
struct LogPage {
    page: PageCtx,
    days: Vec<store::LogDay>,
}

/// `GET /{tenant}/receipts/log`: per day the number of receipts and the
/// chain head after the day's last receipt.
pub async fn log(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let days = store::log_days(&state.db, tenant.id, 90).await?;
    let tpl = LogPage {
        page: PageCtx::new(&ctx, "receipts-log-title"),
        days,
    };
    page::ok(&tpl)
}

/// The stop time of a receipt row for display.
pub fn local_time(tenant: &crate::platform::tenants::Tenant, t: Timestamp) -> String {
    t.0.with_timezone(&tenant_tz(tenant))
        .format("%d.%m.%Y %H:%M")
        .to_string()
}
