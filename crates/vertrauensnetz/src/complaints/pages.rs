//! The residents' pages: the intake form (multipart, works without
//! JavaScript), the receipt, and the status page opened with the receipt
//! code, where the complainant reads messages, answers and adds files.

use std::net::IpAddr;

use askama::Template;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use zeroize::Zeroizing;

use super::crypto::{self, KdfParams, Key};
use super::model::{self, Attachment, IntakeForm};
use super::store::{self, CaseRow};
use super::{aad, office, Office, UnlockCookie, CASE_COOKIE};
use crate::platform::audit::{self, Actor, Entry};
use crate::platform::db::Timestamp;
use crate::platform::i18n::Tr;
use crate::platform::tenants::TenantId;
use crate::platform::web::extract::CsrfForm;
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

/// Marks a response as never to be stored by browsers or proxies.
pub fn no_store(mut res: Response) -> Response {
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// A value and its Fluent id, for radio buttons and check boxes.
pub struct Choice {
    pub value: &'static str,
    pub key: String,
    /// The Fluent id of the choice's explanation.
    pub hint: String,
}

fn choices(prefix: &str, values: &[&'static str]) -> Vec<Choice> {
    values
        .iter()
        .map(|v| Choice {
            value: v,
            key: model::key(prefix, v),
            hint: format!("{}-hint", model::key(prefix, v)),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "complaints/intake.html")]
struct IntakePage {
    page: PageCtx,
    /// The tenant's districts (a free-text field when there are none).
    districts: Vec<String>,
    form: IntakeForm,
    errors: FormErrors,
    files_hint: String,
    authorities: Vec<Choice>,
    wishes: Vec<Choice>,
    modes: Vec<Choice>,
    consents: Vec<Choice>,
}

async fn intake_page(
    state: &AppState,
    ctx: &Ctx,
    office: &Office,
    form: IntakeForm,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let districts = crate::platform::tenants::districts(&state.db, ctx.tenant()?.id)
        .await?
        .into_iter()
        .map(|d| d.name)
        .collect();
    let tpl = IntakePage {
        districts,
        page: PageCtx::new(ctx, "complaints-title"),
        form,
        errors,
        files_hint: files_hint(&Tr::new(ctx.lang()), office),
        authorities: choices(
            "authority",
            &model::Authority::ALL
                .iter()
                .map(|a| a.as_str())
                .collect::<Vec<_>>(),
        ),
        wishes: choices(
            "wish",
            &model::Wish::ALL
                .iter()
                .map(|a| a.as_str())
                .collect::<Vec<_>>(),
        ),
        modes: choices(
            "mode",
            &model::ContactMode::ALL
                .iter()
                .map(|a| a.as_str())
                .collect::<Vec<_>>(),
        ),
        consents: choices(
            "consent",
            &model::Consent::ALL
                .iter()
                .map(|a| a.as_str())
                .collect::<Vec<_>>(),
        ),
    };
    Ok(no_store(page::render(&tpl, status)?))
}

/// What may be prefilled through the address: `?receipt=<number>` from
/// the stop receipt's check page.
#[derive(Debug, Default, Deserialize)]
pub struct IntakePrefill {
    #[serde(default)]
    receipt: String,
}

/// `GET /{tenant}/complaints/new`
pub async fn intake_form(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::extract::Query(prefill): axum::extract::Query<IntakePrefill>,
) -> Result<Response, WebError> {
    let office = office(&state)?;
    let receipt: String = prefill.receipt.trim().chars().take(300).collect();
    let form = IntakeForm {
        contact_mode: "anonymous".into(),
        consent: "none".into(),
        authority: "police".into(),
        stop_receipt: receipt,
        ..Default::default()
    };
    intake_page(
        &state,
        &ctx,
        office,
        form,
        FormErrors::new(),
        StatusCode::OK,
    )
    .await
}

/// The hint under a file field: types, size limit, number of files.
fn files_hint(tr: &Tr, office: &Office) -> String {
    format!(
        "{} {}",
        tr.t1(
            "complaints-field-files-hint",
            "mb",
            office.config.max_attachment_bytes.div_ceil(1024 * 1024)
        ),
        tr.tn(
            "complaints-field-files-count",
            "n",
            office.config.max_attachments as i64
        )
    )
}

/// A multipart form as read: text fields, files, and what was wrong with
/// the files while reading.
pub struct Upload {
    pub fields: Vec<(String, String)>,
    pub files: Vec<(String, Vec<u8>)>,
    pub too_large: bool,
    pub too_many: bool,
}

const MAX_FIELD: usize = 256 * 1024;

fn bad_multipart() -> WebError {
    WebError::bad_request("the form data (multipart) is malformed")
}

/// Reads a multipart form: text fields must be UTF-8; files larger than
/// `max_file` are dropped (and flagged), as are those beyond `max_files`.
/// Checks the CSRF field.
pub async fn read_upload(
    ctx: &Ctx,
    multipart: Result<Multipart, MultipartRejection>,
    max_file: usize,
    max_files: usize,
) -> Result<Upload, WebError> {
    let mut mp = multipart
        .map_err(|_| WebError::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, "error-media-type"))?;
    let mut up = Upload {
        fields: Vec::new(),
        files: Vec::new(),
        too_large: false,
        too_many: false,
    };
    let map_err = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            WebError::new(StatusCode::PAYLOAD_TOO_LARGE, "error-too-large")
        } else {
            bad_multipart()
        }
    };
    while let Some(mut field) = mp.next_field().await.map_err(map_err)? {
        let name = field.name().unwrap_or("").to_owned();
        let file_name = field.file_name().map(str::to_owned);
        let limit = if file_name.is_some() {
            max_file
        } else {
            MAX_FIELD
        };
        let mut data = Vec::new();
        let mut over = false;
        while let Some(chunk) = field.chunk().await.map_err(map_err)? {
            if data.len() + chunk.len() > limit {
                over = true;
                data.clear();
            } else if !over {
                data.extend_from_slice(&chunk);
            }
        }
        match file_name {
            Some(f) => {
                if f.is_empty() && data.is_empty() && !over {
                    continue; // an empty file input
                }
                if over {
                    up.too_large = true;
                } else if up.files.len() >= max_files {
                    up.too_many = true;
                } else {
                    up.files.push((f, data));
                }
            }
            None => {
                if over {
                    return Err(WebError::new(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        "error-too-large",
                    ));
                }
                let text = String::from_utf8(data)
                    .map_err(|_| WebError::bad_request("the form is not valid UTF-8"))?;
                up.fields.push((name, text));
            }
        }
    }
    let token = up
        .fields
        .iter()
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.as_str());
    if !token.is_some_and(|t| ctx.base.csrf.matches(t)) {
        return Err(WebError::new(StatusCode::FORBIDDEN, "error-csrf"));
    }
    Ok(up)
}

/// Checks the files of an upload on the blocking pool.
pub async fn check_files(
    office: &Office,
    files: Vec<(String, Vec<u8>)>,
    max: usize,
) -> Result<Result<Vec<Attachment>, model::FileProblem>, WebError> {
    if files.is_empty() {
        return Ok(Ok(Vec::new()));
    }
    let _permit = office
        .files
        .acquire()
        .await
        .map_err(|_| WebError::internal())?;
    tokio::task::spawn_blocking(move || {
        files
            .into_iter()
            .map(|(name, data)| model::check_attachment(&name, data, max))
            .collect::<Result<Vec<_>, _>>()
    })
    .await
    .map_err(|_| WebError::internal())
}

#[derive(Template)]
#[template(path = "complaints/receipt.html")]
struct ReceiptPage {
    page: PageCtx,
    code: String,
}

/// `POST /{tenant}/complaints/new`
pub async fn intake_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    let office = office(&state)?.clone();
    let tenant = ctx.tenant()?.clone();
    let tr = Tr::new(ctx.lang());
    let now = state.clock.now_ts();
    let client = ctx.base.client;
    if office.intake_guard.limited(client, now) {
        return Err(WebError::too_many());
    }
    // Every attempt counts (decoding attachments costs work even when the
    // form is then refused).
    office.intake_guard.hit(client, now);
    let up = read_upload(
        &ctx,
        multipart,
        office.config.max_attachment_bytes,
        office.config.max_attachments,
    )
    .await?;
    let mut form = IntakeForm::default();
    for (k, v) in up.fields {
        form.set(&k, v);
    }
    let mut errors = FormErrors::new();
    let checked = form.check();
    if let Err(problems) = &checked {
        for (field, key) in problems {
            errors.add(field, tr.t(key));
        }
    }
    if up.too_large {
        errors.add(
            "files",
            tr.t1(
                "complaints-error-file-size",
                "mb",
                office.config.max_attachment_bytes.div_ceil(1024 * 1024),
            ),
        );
    }
    if up.too_many {
        errors.add(
            "files",
            tr.tn(
                "complaints-error-file-count",
                "n",
                office.config.max_attachments as i64,
            ),
        );
    }
    let files = match check_files(&office, up.files, office.config.max_attachment_bytes).await? {
        Ok(f) => f,
        Err(p) => {
            errors.add("files", tr.t(p.key()));
            Vec::new()
        }
    };
    let intake = match checked {
        Ok(i) if errors.is_empty() => i,
        _ => {
            return intake_page(
                &state,
                &ctx,
                &office,
                form,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    };
    let code = create_case(&state, &office, &tenant, &intake, files, now).await?;
    let tpl = ReceiptPage {
        page: PageCtx::new(&ctx, "complaints-receipt-title"),
        code: crypto::group_code(&code),
    };
    Ok(no_store(page::ok(&tpl)?))
}

/// A file's encrypted description.
#[derive(Serialize, Deserialize)]
pub struct FileMeta {
    pub name: String,
    pub mime: String,
}

/// Encrypts and stores files of a case; returns (file id, meta blob, size).
async fn store_files(
    state: &AppState,
    tenant: TenantId,
    case_id: Uuid,
    key: &Key,
    files: Vec<Attachment>,
) -> Result<Vec<(Uuid, Vec<u8>, i64)>, WebError> {
    let mut out = Vec::new();
    for f in files {
        let file_id = Uuid::new_v4();
        let meta = serde_json::to_vec(&FileMeta {
            name: f.name,
            mime: f.mime.to_owned(),
        })
        .map_err(|_| WebError::internal())?;
        let meta = crypto::seal(
            key,
            &aad(tenant, case_id, &format!("file-meta:{file_id}")),
            &meta,
        )
        .map_err(|_| WebError::internal())?;
        let blob = crypto::seal(
            key,
            &aad(tenant, case_id, &format!("file:{file_id}")),
            &f.data,
        )
        .map_err(|_| WebError::internal())?;
        super::write_blob(
            &super::file_path(state, tenant, case_id, file_id, false),
            &blob,
        )
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "cannot write a complaint file");
            WebError::internal()
        })?;
        out.push((file_id, meta, f.data.len() as i64));
    }
    Ok(out)
}

async fn create_case(
    state: &AppState,
    office: &Office,
    tenant: &crate::platform::tenants::Tenant,
    intake: &model::Intake,
    files: Vec<Attachment>,
    now: Timestamp,
) -> Result<Zeroizing<String>, WebError> {
    let tid = tenant.id;
    let code = crypto::new_receipt_code();
    let case_id = Uuid::new_v4();
    let data_key = crypto::random_key();
    let lp = office.lookup_params();
    let wp = lp.for_wrapping();
    let wrap_salt = crypto::random_salt();
    let keys = office
        .kdf
        .derive(
            Zeroizing::new(code.as_bytes().to_vec()),
            vec![
                (crypto::lookup_salt(tid.as_uuid()), lp),
                (wrap_salt.to_vec(), wp),
            ],
        )
        .await
        .map_err(|_| WebError::internal())?;
    let (Some(lookup), Some(wrap_key)) = (keys.first(), keys.get(1)) else {
        return Err(WebError::internal());
    };
    let seal_err = |_| WebError::internal();
    let complainant_key = crypto::seal(
        wrap_key,
        &aad(tid, case_id, "complainant-key"),
        data_key.as_ref(),
    )
    .map_err(seal_err)?;
    let body = Zeroizing::new(serde_json::to_vec(&intake.body).map_err(|_| WebError::internal())?);
    let body = crypto::seal(&data_key, &aad(tid, case_id, "body"), &body).map_err(seal_err)?;
    let reference = format!(
        "B-{}",
        &Uuid::new_v4().simple().to_string()[..8].to_uppercase()
    );
    let days = |d: i64| Timestamp::truncated(now.0 + chrono::Duration::days(d));
    let stored = store_files(state, tid, case_id, &data_key, files).await;
    let dir = super::case_dir(state, tid, case_id);
    let stored = match stored {
        Ok(s) => s,
        Err(e) => {
            let _ = tokio::fs::remove_dir_all(&dir).await;
            return Err(e);
        }
    };
    let addresses = store::role_addresses(&state.db, tid, "ombuds").await?;
    let result: Result<(), WebError> = async {
        let mut tx = state.db.begin().await?;
        store::insert_case(
            &mut tx,
            tid,
            &store::NewCase {
                case_id,
                reference: &reference,
                receipt_lookup: lookup.as_ref(),
                receipt_kdf: &lp.encode(),
                wrap_salt: &wrap_salt,
                wrap_kdf: &wp.encode(),
                complainant_key: &complainant_key,
                body: &body,
                contact_mode: intake.contact_mode.as_str(),
                consent: intake.consent.as_str(),
                authority: intake.authority.as_str(),
                received_at: now,
                ack_due_at: days(office.config.acknowledge_days),
                feedback_due_at: days(office.config.feedback_days),
                stat_id: Uuid::new_v4(),
            },
        )
        .await?;
        let mut recipients = store::recipient_keys(&mut tx, tid, "ombuds").await?;
        if let Some(r) = store::recovery_key(&mut tx, tid).await? {
            recipients.push(r);
        }
        if recipients.is_empty() {
            tracing::warn!("a complaint arrived but no caseworker key and no recovery key exist");
        }
        for r in recipients {
            let sealed = crypto::seal_to(&r, &data_key).map_err(seal_err)?;
            store::insert_wrap(&mut tx, tid, case_id, "case", &r, &sealed).await?;
        }
        for (file_id, meta, size) in &stored {
            store::insert_file(&mut tx, tid, case_id, *file_id, None, meta, *size, now).await?;
        }
        audit::append(
            &mut tx,
            tid,
            now,
            &Entry::new(Actor::Anonymous, "complaint.submit", "complaint", case_id)
                .details(serde_json::json!({ "files": stored.len() })),
        )
        .await?;
        let tr = Tr::new(crate::platform::i18n::Lang::De);
        for to in &addresses {
            crate::platform::mail::enqueue(
                &mut tx,
                tid,
                &super::notice_mail(
                    to,
                    tr.t1("complaints-mail-new-subject", "reference", &reference),
                    tr.t1("complaints-mail-new-body", "reference", &reference),
                ),
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
    .await;
    if let Err(e) = result {
        let _ = tokio::fs::remove_dir_all(&dir).await;
        return Err(e);
    }
    Ok(code)
}

// ---------------------------------------------------------------------
// Status page

#[derive(Template)]
#[template(path = "complaints/status_form.html")]
struct StatusFormPage {
    page: PageCtx,
    errors: FormErrors,
}

fn status_form(ctx: &Ctx, errors: FormErrors, status: StatusCode) -> Result<Response, WebError> {
    let tpl = StatusFormPage {
        page: PageCtx::new(ctx, "complaints-status-title"),
        errors,
    };
    Ok(no_store(page::render(&tpl, status)?))
}

/// A message prepared for display.
pub struct MessageView {
    pub who_key: String,
    pub text: String,
    pub when: String,
    pub files: Vec<FileView>,
}

/// An attachment prepared for display.
pub struct FileView {
    pub id: String,
    pub name: String,
    pub size: String,
    pub forwarded: bool,
}

pub fn date(t: Timestamp) -> String {
    t.0.with_timezone(&chrono_tz::Europe::Berlin)
        .format("%Y-%m-%d")
        .to_string()
}

pub fn date_time(t: Timestamp) -> String {
    t.0.with_timezone(&chrono_tz::Europe::Berlin)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

pub fn size_text(n: i64) -> String {
    if n >= 1024 * 1024 {
        format!("{:.1} MB", n as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} kB", (n + 1023) / 1024)
    }
}

/// Decrypts the files of a case with the case key.
pub fn file_views(
    tenant: TenantId,
    case_id: Uuid,
    key: &Key,
    rows: &[store::FileRow],
) -> Vec<(Option<Uuid>, FileView)> {
    rows.iter()
        .filter_map(|f| {
            let meta = crypto::open(
                key,
                &aad(tenant, case_id, &format!("file-meta:{}", f.file_id)),
                &f.meta,
            )
            .ok()?;
            let meta: FileMeta = serde_json::from_slice(&meta).ok()?;
            Some((
                f.message_id,
                FileView {
                    id: f.file_id.to_string(),
                    name: meta.name,
                    size: size_text(f.size),
                    forwarded: f.forward_meta.is_some(),
                },
            ))
        })
        .collect()
}

/// Decrypts a message with the key of its kind.
pub fn message_text(tenant: TenantId, case_id: Uuid, key: &Key, m: &store::MessageRow) -> String {
    crypto::open(
        key,
        &aad(tenant, case_id, &format!("message:{}", m.message_id)),
        &m.body,
    )
    .ok()
    .and_then(|b| String::from_utf8(b.to_vec()).ok())
    .unwrap_or_default()
}

/// Message kinds the complainant sees.
pub const COMPLAINANT_KINDS: &[&str] = &["complainant", "reply", "advice"];
/// Message kinds sealed with the forwarding key (the authority sees them).
pub const FORWARD_KINDS: &[&str] = &["forward", "authority"];

#[derive(Template)]
#[template(path = "complaints/status_case.html")]
struct StatusCasePage {
    page: PageCtx,
    reference: String,
    status_key: String,
    outcome_key: Option<String>,
    received: String,
    what: String,
    messages: Vec<MessageView>,
    files: Vec<FileView>,
    errors: FormErrors,
    files_hint: String,
}

/// The case unlocked by the complainant's cookie.
async fn complainant_case(
    state: &AppState,
    tenant: TenantId,
    headers: &HeaderMap,
) -> Result<Option<(CaseRow, Key)>, WebError> {
    let Some(cookie) = UnlockCookie::from_headers(headers, CASE_COOKIE) else {
        return Ok(None);
    };
    let Some(u) = store::unlock(&state.db, tenant, &cookie.token_hash).await? else {
        return Ok(None);
    };
    let (Some(case_id), None) = (u.case_id, u.user_id) else {
        return Ok(None);
    };
    if u.expires_at.0 < state.clock.now() {
        return Ok(None);
    }
    let Ok(key) = crypto::open_key(
        &cookie.key,
        &aad(tenant, case_id, "unlock"),
        &u.wrapped_secret,
    ) else {
        return Ok(None);
    };
    Ok(store::case(&state.db, tenant, case_id)
        .await?
        .map(|c| (c, key)))
}

async fn status_case(
    state: &AppState,
    ctx: &Ctx,
    case: &CaseRow,
    key: &Key,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.id;
    let office = office(state)?;
    let body: model::Body = crypto::open(key, &aad(tenant, case.case_id, "body"), &case.body)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    let file_rows = store::files(&state.db, tenant, case.case_id).await?;
    let mut files = file_views(tenant, case.case_id, key, &file_rows);
    let mut messages = Vec::new();
    for m in store::messages(&state.db, tenant, case.case_id).await? {
        if !COMPLAINANT_KINDS.contains(&m.kind.as_str()) {
            continue;
        }
        let attached = files
            .iter()
            .filter(|(mid, _)| *mid == Some(m.message_id))
            .map(|(_, f)| FileView {
                id: f.id.clone(),
                name: f.name.clone(),
                size: f.size.clone(),
                forwarded: false,
            })
            .collect();
        messages.push(MessageView {
            who_key: format!("complaints-from-{}", m.kind),
            text: message_text(tenant, case.case_id, key, &m),
            when: date_time(m.created_at),
            files: attached,
        });
    }
    files.retain(|(mid, _)| mid.is_none());
    let tpl = StatusCasePage {
        page: PageCtx::new(ctx, "complaints-status-title"),
        reference: case.reference.clone(),
        status_key: model::key("status", &case.status),
        outcome_key: case.outcome.as_deref().map(|o| model::key("outcome", o)),
        received: date(case.received_at),
        what: body.what,
        messages,
        files: files.into_iter().map(|(_, f)| f).collect(),
        errors,
        files_hint: files_hint(&Tr::new(ctx.lang()), office),
    };
    Ok(no_store(page::render(&tpl, status)?))
}

/// `GET /{tenant}/complaints/status`: the code form, or the case when this
/// browser opened it a moment ago.
pub async fn status(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.id;
    match complainant_case(&state, tenant, &headers).await? {
        Some((case, key)) => {
            status_case(&state, &ctx, &case, &key, FormErrors::new(), StatusCode::OK).await
        }
        None => status_form(&ctx, FormErrors::new(), StatusCode::OK),
    }
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
}

/// Finds the case of a receipt code. The work is the same whether or not
/// the case exists: one receipt hash per parameter set in use on the
/// tenant, then one wrapping-key derivation (against a dummy salt when
/// nothing matched), then one decryption attempt.
pub async fn open_with_code(
    state: &AppState,
    office: &Office,
    tenant: TenantId,
    code: &str,
) -> Result<Option<(CaseRow, Key)>, WebError> {
    let mut params: Vec<KdfParams> = store::receipt_kdfs(&state.db, tenant)
        .await?
        .iter()
        .filter_map(|s| KdfParams::decode(s))
        .collect();
    if params.is_empty() {
        params.push(office.lookup_params());
    }
    let salt = crypto::lookup_salt(tenant.as_uuid());
    let secret = Zeroizing::new(code.as_bytes().to_vec());
    let lookups = office
        .kdf
        .derive(
            secret.clone(),
            params.iter().map(|p| (salt.clone(), *p)).collect(),
        )
        .await
        .map_err(|_| WebError::internal())?;
    let mut found = None;
    for l in &lookups {
        if let Some(c) = store::case_by_lookup(&state.db, tenant, l.as_ref()).await? {
            found = Some(c);
        }
    }
    let (wsalt, wparams) = match &found {
        Some(c) => (
            c.wrap_salt.clone(),
            KdfParams::decode(&c.wrap_kdf).unwrap_or(office.lookup_params().for_wrapping()),
        ),
        None => (vec![0u8; 16], office.lookup_params().for_wrapping()),
    };
    let wrap = office
        .kdf
        .derive(secret, vec![(wsalt, wparams)])
        .await
        .map_err(|_| WebError::internal())?;
    let Some(wrap) = wrap.first() else {
        return Err(WebError::internal());
    };
    let (case_id, blob) = match &found {
        Some(c) => (c.case_id, c.complainant_key.clone()),
        None => (Uuid::nil(), vec![0u8; 72]),
    };
    let key = crypto::open_key(wrap, &aad(tenant, case_id, "complainant-key"), &blob).ok();
    Ok(match (found, key) {
        (Some(c), Some(k)) => Some((c, k)),
        _ => None,
    })
}

/// `POST /{tenant}/complaints/status`: opens a case with its receipt code.
pub async fn status_open(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Result<Response, WebError> {
    let office = office(&state)?.clone();
    let tenant = ctx.tenant()?.clone();
    let tr = Tr::new(ctx.lang());
    let now = state.clock.now_ts();
    let client: Option<IpAddr> = ctx.base.client;
    if office.status_guard.limited(client, now) {
        let mut errors = FormErrors::new();
        errors.add("code", tr.t("complaints-error-code-throttled"));
        return status_form(&ctx, errors, StatusCode::TOO_MANY_REQUESTS);
    }
    office.status_guard.hit(client, now);
    let found = match crypto::normalise_code(&form.code) {
        Some(code) => open_with_code(&state, &office, tenant.id, &code).await?,
        None => None,
    };
    let Some((case, key)) = found else {
        let mut errors = FormErrors::new();
        errors.add("code", tr.t("complaints-error-code"));
        return status_form(&ctx, errors, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let (text, cookie) = UnlockCookie::new();
    let wrapped = crypto::seal(
        &cookie.key,
        &aad(tenant.id, case.case_id, "unlock"),
        key.as_ref(),
    )
    .map_err(|_| WebError::internal())?;
    let mut tx = state.db.begin().await?;
    store::insert_unlock(
        &mut tx,
        tenant.id,
        &cookie.token_hash,
        None,
        None,
        Some(case.case_id),
        &wrapped,
        Timestamp::truncated(now.0 + chrono::Duration::minutes(30)),
    )
    .await?;
    tx.commit().await?;
    let mut res = Redirect::to(&format!("/{}/complaints/status", tenant.slug)).into_response();
    if let Some(v) = super::unlock_cookie_header(&state, CASE_COOKIE, Some(&text)) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(no_store(res))
}

/// `POST /{tenant}/complaints/status/reply` (multipart: text and files).
pub async fn status_reply(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    let office = office(&state)?.clone();
    let tenant = ctx.tenant()?.clone();
    let tr = Tr::new(ctx.lang());
    let Some((case, key)) = complainant_case(&state, tenant.id, &headers).await? else {
        return Ok(no_store(
            Redirect::to(&format!("/{}/complaints/status", tenant.slug)).into_response(),
        ));
    };
    let up = read_upload(
        &ctx,
        multipart,
        office.config.max_attachment_bytes,
        office.config.max_attachments,
    )
    .await?;
    let text = up
        .fields
        .iter()
        .find(|(k, _)| k == "text")
        .map(|(_, v)| v.trim().to_owned())
        .unwrap_or_default();
    let mut errors = FormErrors::new();
    if text.is_empty() && up.files.is_empty() && !up.too_large && !up.too_many {
        errors.add("text", tr.t("complaints-error-reply-empty"));
    }
    if text.chars().count() > model::MAX_TEXT {
        errors.add("text", tr.t("complaints-error-too-long"));
    }
    if up.too_large {
        errors.add(
            "files",
            tr.t1(
                "complaints-error-file-size",
                "mb",
                office.config.max_attachment_bytes.div_ceil(1024 * 1024),
            ),
        );
    }
    if up.too_many {
        errors.add(
            "files",
            tr.tn(
                "complaints-error-file-count",
                "n",
                office.config.max_attachments as i64,
            ),
        );
    }
    let files = match check_files(&office, up.files, office.config.max_attachment_bytes).await? {
        Ok(f) => f,
        Err(p) => {
            errors.add("files", tr.t(p.key()));
            Vec::new()
        }
    };
    if !errors.is_empty() {
        return status_case(
            &state,
            &ctx,
            &case,
            &key,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let now = state.clock.now_ts();
    let message_id = Uuid::new_v4();
    let body = crypto::seal(
        &key,
        &aad(tenant.id, case.case_id, &format!("message:{message_id}")),
        text.as_bytes(),
    )
    .map_err(|_| WebError::internal())?;
    let stored = store_files(&state, tenant.id, case.case_id, &key, files).await?;
    let mut tx = state.db.begin().await?;
    store::insert_message(
        &mut tx,
        tenant.id,
        case.case_id,
        message_id,
        "complainant",
        None,
        &body,
        now,
    )
    .await?;
    for (file_id, meta, size) in &stored {
        store::insert_file(
            &mut tx,
            tenant.id,
            case.case_id,
            *file_id,
            Some(message_id),
            meta,
            *size,
            now,
        )
        .await?;
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            Actor::Anonymous,
            "complaint.complainant_message",
            "complaint",
            case.case_id,
        )
        .details(serde_json::json!({ "files": stored.len() })),
    )
    .await?;
    if let Some(to) = case.assigned_to {
        if let Some(u) = crate::platform::auth::store::user_by_id(&state.db, to).await? {
            let tr = Tr::new(crate::platform::i18n::Lang::De);
            crate::platform::mail::enqueue(
                &mut tx,
                tenant.id,
                &super::notice_mail(
                    &u.login,
                    tr.t1(
                        "complaints-mail-reply-subject",
                        "reference",
                        &case.reference,
                    ),
                    tr.t1("complaints-mail-reply-body", "reference", &case.reference),
                ),
                now,
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(no_store(
        Redirect::to(&format!("/{}/complaints/status", tenant.slug)).into_response(),
    ))
}

#[derive(Deserialize)]
pub struct Empty {}

/// `POST /{tenant}/complaints/status/leave`: forgets the opened case in
/// this browser.
pub async fn status_leave(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    if let Some(cookie) = UnlockCookie::from_headers(&headers, CASE_COOKIE) {
        store::delete_unlock(&state.db, tenant.id, &cookie.token_hash).await?;
    }
    let mut res = Redirect::to(&format!("/{}/complaints/status", tenant.slug)).into_response();
    if let Some(v) = super::unlock_cookie_header(&state, CASE_COOKIE, None) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(no_store(res))
}

/// Serves a decrypted attachment.
pub fn file_response(name: &str, mime: &str, data: Vec<u8>) -> Response {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let disposition = format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        crate::platform::web::context::percent_encode(name)
    );
    let mut res = (StatusCode::OK, data).into_response();
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(mime) {
        h.insert(header::CONTENT_TYPE, v);
    }
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    no_store(res)
}

/// Reads and decrypts one attachment of a case with the case key.
pub async fn read_case_file(
    state: &AppState,
    tenant: TenantId,
    case_id: Uuid,
    key: &Key,
    file_id: &str,
) -> Result<Response, WebError> {
    let file_id: Uuid = file_id.parse().map_err(|_| WebError::not_found())?;
    let row = store::files(&state.db, tenant, case_id)
        .await?
        .into_iter()
        .find(|f| f.file_id == file_id)
        .ok_or_else(WebError::not_found)?;
    let meta = crypto::open(
        key,
        &aad(tenant, case_id, &format!("file-meta:{file_id}")),
        &row.meta,
    )
    .map_err(|_| WebError::not_found())?;
    let meta: FileMeta = serde_json::from_slice(&meta).map_err(|_| WebError::not_found())?;
    let blob = tokio::fs::read(super::file_path(state, tenant, case_id, file_id, false))
        .await
        .map_err(|_| WebError::not_found())?;
    let data = crypto::open(
        key,
        &aad(tenant, case_id, &format!("file:{file_id}")),
        &blob,
    )
    .map_err(|_| WebError::not_found())?;
    Ok(file_response(&meta.name, &meta.mime, data.to_vec()))
}

/// `GET /{tenant}/complaints/status/files/{file}`
pub async fn status_file(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((_, file)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.id;
    let Some((case, key)) = complainant_case(&state, tenant, &headers).await? else {
        return Err(WebError::not_found());
    };
    read_case_file(&state, tenant, case.case_id, &key, &file).await
}
