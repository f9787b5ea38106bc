//! The caseworkers' tool (`ombuds`) and the authority's view of forwarded
//! summaries (`liaison`). Case content is readable only after the staff
//! member unlocked their complaint key with their password in this sign-in
//! session (`/staff/complaint-key`).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;
use zeroize::Zeroizing;

use super::crypto::{self, Key};
use super::model::{self, Authority, Category, Consent, Outcome, Status};
use super::pages::{
    self, date, date_time, file_response, no_store, Choice, FileMeta, FileView, MessageView,
};
use super::store::{self, CaseRow, CaseUpdate};
use super::{aad, office, UnlockCookie, STAFF_COOKIE};
use crate::platform::audit::{self, Entry};
use crate::platform::auth::{password, Credential, Permission, Principal};
use crate::platform::db::Timestamp;
use crate::platform::i18n::{Lang, Tr};
use crate::platform::tenants::TenantId;
use crate::platform::web::extract::CsrfForm;
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

fn session_hash(p: &Principal) -> Option<[u8; 32]> {
    match p.credential {
        Credential::Session { hash, .. } => Some(hash),
        Credential::Token => None,
    }
}

/// The staff member's complaint secret key, if unlocked in this session.
pub async fn staff_secret(
    state: &AppState,
    ctx: &Ctx,
    headers: &HeaderMap,
) -> Result<Option<Key>, WebError> {
    let tenant = ctx.tenant()?.id;
    let p = ctx.principal()?;
    let (Some(session), Some(cookie)) = (
        session_hash(p),
        UnlockCookie::from_headers(headers, STAFF_COOKIE),
    ) else {
        return Ok(None);
    };
    let Some(u) = store::unlock(&state.db, tenant, &cookie.token_hash).await? else {
        return Ok(None);
    };
    if u.user_id != Some(p.user_id)
        || u.session_hash.as_deref() != Some(session.as_slice())
        || u.expires_at.0 < state.clock.now()
    {
        return Ok(None);
    }
    Ok(crypto::open_key(
        &cookie.key,
        &aad(tenant, p.user_id, "staff-unlock"),
        &u.wrapped_secret,
    )
    .ok())
}

fn unlock_redirect(ctx: &Ctx) -> Result<Response, WebError> {
    let t = ctx.tenant()?;
    Ok(Redirect::to(&format!(
        "/{}/staff/complaint-key?next={}",
        t.slug,
        crate::platform::web::context::percent_encode(&ctx.base.path)
    ))
    .into_response())
}

/// The case key through the staff member's own wrap.
async fn case_key(
    state: &AppState,
    tenant: TenantId,
    case_id: Uuid,
    secret: &Key,
) -> Result<Option<Key>, WebError> {
    let public = crypto::public_of(secret);
    Ok(store::wrap_for(&state.db, tenant, case_id, "case", &public)
        .await?
        .and_then(|w| crypto::unseal(secret, &w).ok()))
}

/// The forwarding key of a case, from the case key.
fn forward_key_from_case(tenant: TenantId, case: &CaseRow, key: &Key) -> Option<Key> {
    let blob = case.forward_key.as_ref()?;
    crypto::open_key(key, &aad(tenant, case.case_id, "forward-key"), blob).ok()
}

// ---------------------------------------------------------------------
// Unlocking

#[derive(Template)]
#[template(path = "complaints/staff_unlock.html")]
struct UnlockPage {
    page: PageCtx,
    errors: FormErrors,
    next: String,
    has_key: bool,
}

#[derive(Deserialize, Default)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
}

fn safe_next(tenant_slug: &str, next: &str) -> String {
    let prefix = format!("/{tenant_slug}/staff/");
    if next.starts_with(&prefix) && !next.contains("//") && !next.contains('\\') {
        next.to_owned()
    } else {
        format!("/{tenant_slug}/staff")
    }
}

/// `GET /{tenant}/staff/complaint-key`
pub async fn unlock_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NextQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let p = ctx.principal()?;
    let has_key = store::staff_key(&state.db, tenant.id, p.user_id)
        .await?
        .is_some();
    let tpl = UnlockPage {
        page: PageCtx::new(&ctx, "complaints-unlock-title"),
        errors: FormErrors::new(),
        next: safe_next(tenant.slug.as_str(), &q.next),
        has_key,
    };
    page::ok(&tpl)
}

#[derive(Deserialize, Default)]
pub struct UnlockForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    previous_password: String,
    #[serde(default)]
    next: String,
}

/// `POST /{tenant}/staff/complaint-key`: unlocks (and on first use creates)
/// the staff member's key pair with their password.
pub async fn unlock(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<UnlockForm>,
) -> Result<Response, WebError> {
    let office = office(&state)?.clone();
    let tenant = ctx.tenant()?.clone();
    let p = ctx.principal()?.clone();
    let tr = Tr::new(ctx.lang());
    let Some(session) = session_hash(&p) else {
        return Err(WebError::forbidden());
    };
    let user = crate::platform::auth::store::user_by_id(&state.db, p.user_id)
        .await?
        .ok_or_else(WebError::forbidden)?;
    let existing = store::staff_key(&state.db, tenant.id, p.user_id).await?;
    let refuse = |key: &str| -> Result<Response, WebError> {
        let mut errors = FormErrors::new();
        errors.add("password", tr.t(key));
        let tpl = UnlockPage {
            page: PageCtx::new(&ctx, "complaints-unlock-title"),
            errors,
            next: safe_next(tenant.slug.as_str(), &form.next),
            has_key: existing.is_some(),
        };
        page::render(&tpl, StatusCode::UNPROCESSABLE_ENTITY)
    };
    // Wrong passwords are counted per account (a taken-over session must not
    // be a way to guess the password).
    let now = state.clock.now_ts();
    let bucket = format!("complaint-key:{}", p.user_id.simple());
    let limit = crate::platform::auth::throttle::LOGIN_PER_ACCOUNT;
    if crate::platform::auth::throttle::is_limited(&state.db, tenant.id, &bucket, limit, now)
        .await?
    {
        return refuse("complaints-unlock-throttled");
    }
    if form.password.is_empty()
        || !password::verify(form.password.clone(), Some(user.password_hash.clone())).await
    {
        crate::platform::auth::throttle::hit(&state.db, tenant.id, &bucket, limit, now).await?;
        return refuse("complaints-unlock-wrong");
    }
    let key_aad = aad(tenant.id, p.user_id, "staff-key");
    let derive = |pw: &str, salt: Vec<u8>, params: crypto::KdfParams| {
        let pool = office.kdf.clone();
        let secret = Zeroizing::new(pw.as_bytes().to_vec());
        async move {
            pool.derive(secret, vec![(salt, params)])
                .await
                .ok()
                .and_then(|mut v| v.pop())
        }
    };
    let mut secret: Option<Key> = None;
    let mut action = None;
    if let Some(k) = &existing {
        if let Some(params) = crypto::KdfParams::decode(&k.kdf) {
            if let Some(pk) = derive(&form.password, k.kdf_salt.clone(), params).await {
                secret = crypto::open_key(&pk, &key_aad, &k.wrapped_secret).ok();
            }
            if secret.is_none() && !form.previous_password.is_empty() {
                if let Some(pk) = derive(&form.previous_password, k.kdf_salt.clone(), params).await
                {
                    secret = crypto::open_key(&pk, &key_aad, &k.wrapped_secret).ok();
                    if secret.is_some() {
                        action = Some("complaint.key.rewrap");
                    } else {
                        return refuse("complaints-unlock-previous-wrong");
                    }
                }
            }
        }
    }
    let secret = match secret {
        Some(s) => s,
        None => {
            action = Some(if existing.is_some() {
                "complaint.key.replace"
            } else {
                "complaint.key.create"
            });
            crypto::key_pair().1
        }
    };
    let mut tx = state.db.begin().await?;
    if let Some(action) = action {
        let params = office.staff_params();
        let salt = crypto::random_salt();
        let pk = derive(&form.password, salt.to_vec(), params)
            .await
            .ok_or_else(WebError::internal)?;
        let wrapped =
            crypto::seal(&pk, &key_aad, secret.as_ref()).map_err(|_| WebError::internal())?;
        store::put_staff_key(
            &mut tx,
            tenant.id,
            p.user_id,
            &store::StaffKey {
                public_key: crypto::public_of(&secret).to_vec(),
                wrapped_secret: wrapped,
                kdf_salt: salt.to_vec(),
                kdf: params.encode(),
            },
            now,
        )
        .await?;
        audit::append(
            &mut tx,
            tenant.id,
            now,
            &Entry::new(
                ctx.staff_actor(Permission::UseComplaintKeys)?,
                action,
                "user",
                p.user_id,
            ),
        )
        .await?;
    }
    let (text, cookie) = UnlockCookie::new();
    let wrapped = crypto::seal(
        &cookie.key,
        &aad(tenant.id, p.user_id, "staff-unlock"),
        secret.as_ref(),
    )
    .map_err(|_| WebError::internal())?;
    store::insert_unlock(
        &mut tx,
        tenant.id,
        &cookie.token_hash,
        Some(&session),
        Some(p.user_id),
        None,
        &wrapped,
        Timestamp::truncated(now.0 + chrono::Duration::hours(12)),
    )
    .await?;
    tx.commit().await?;
    if crate::platform::auth::may(Some(&p), Permission::HandleComplaints, tenant.id) {
        if let Err(e) = share_keys(&state, tenant.id, &secret).await {
            tracing::warn!(error = %e.status, "cannot share complaint keys with colleagues");
        }
    }
    let mut res = Redirect::to(&safe_next(tenant.slug.as_str(), &form.next)).into_response();
    if let Some(v) = super::unlock_cookie_header(&state, STAFF_COOKIE, Some(&text)) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(res)
}

/// Seals the case keys this caseworker holds to colleagues who lack them,
/// and the forwarding keys to liaison staff who lack them (new accounts,
/// replaced key pairs).
pub async fn share_keys(state: &AppState, tenant: TenantId, secret: &Key) -> Result<(), WebError> {
    let me = crypto::public_of(secret);
    let mut tx = state.db.begin().await?;
    let ombuds = store::recipient_keys(&mut tx, tenant, "ombuds").await?;
    let mut liaisons = Vec::new();
    for a in FORWARD_TARGETS {
        for k in store::liaison_keys(&mut tx, tenant, a.as_str()).await? {
            liaisons.push((a.as_str(), k));
        }
    }
    tx.commit().await?;
    let mut writes: Vec<(Uuid, &'static str, Vec<u8>, Vec<u8>)> = Vec::new();
    for other in ombuds.iter().filter(|k| k.as_slice() != me.as_slice()) {
        for case_id in store::cases_without_wrap(&state.db, tenant, other).await? {
            if let Some(k) = case_key(state, tenant, case_id, secret).await? {
                if let Ok(s) = crypto::seal_to(other, &k) {
                    writes.push((case_id, "case", other.clone(), s));
                }
            }
        }
    }
    for (authority, l) in &liaisons {
        for case_id in store::forwarded_without_wrap(&state.db, tenant, authority, l).await? {
            let Some(case) = store::case(&state.db, tenant, case_id).await? else {
                continue;
            };
            let Some(k) = case_key(state, tenant, case_id, secret).await? else {
                continue;
            };
            if let Some(fk) = forward_key_from_case(tenant, &case, &k) {
                if let Ok(s) = crypto::seal_to(l, &fk) {
                    writes.push((case_id, "forward", l.clone(), s));
                }
            }
        }
    }
    if writes.is_empty() {
        return Ok(());
    }
    let mut tx = state.db.begin().await?;
    for (case_id, purpose, to, sealed) in &writes {
        store::insert_wrap(&mut tx, tenant, *case_id, purpose, to, sealed).await?;
    }
    tx.commit().await?;
    Ok(())
}

// ---------------------------------------------------------------------
// Inbox

pub struct InboxLine {
    pub id: String,
    pub reference: String,
    pub received: String,
    pub status_key: String,
    pub category_key: Option<String>,
    pub assigned: String,
    pub ack_due: Option<String>,
    pub ack_overdue: bool,
    pub feedback_due: Option<String>,
    pub feedback_overdue: bool,
}

#[derive(Template)]
#[template(path = "complaints/staff_inbox.html")]
struct InboxPage {
    page: PageCtx,
    lines: Vec<InboxLine>,
    unlocked: bool,
    show: String,
    filters: Vec<(&'static str, &'static str)>,
}

#[derive(Deserialize, Default)]
pub struct InboxQuery {
    /// `all` (default), `open`, `overdue`, `mine` or `closed`.
    #[serde(default)]
    show: String,
}

/// `GET /{tenant}/staff/complaints`: every case with its deadlines (no
/// content, so it opens without the key).
pub async fn inbox(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Query(q): Query<InboxQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.id;
    let me = ctx.principal()?.user_id;
    let now = state.clock.now();
    let show = match q.show.as_str() {
        "open" | "overdue" | "mine" | "closed" => q.show.clone(),
        _ => "all".to_owned(),
    };
    let members = store::role_members(&state.db, tenant, "ombuds").await?;
    let lines = store::inbox(&state.db, tenant)
        .await?
        .into_iter()
        .filter(|c| {
            let open = c.status != "closed";
            let overdue = open
                && ((c.acknowledged_at.is_none() && c.ack_due_at.0 < now)
                    || (c.first_feedback_at.is_none() && c.feedback_due_at.0 < now));
            match show.as_str() {
                "open" => open,
                "closed" => !open,
                "overdue" => overdue,
                "mine" => open && c.assigned_to == Some(me),
                _ => true,
            }
        })
        .map(|c| {
            let open = c.status != "closed";
            InboxLine {
                id: c.case_id.to_string(),
                reference: c.reference.clone(),
                received: date(c.received_at),
                status_key: model::key("status", &c.status),
                category_key: c.category.as_deref().map(|v| model::key("category", v)),
                assigned: c
                    .assigned_to
                    .and_then(|a| {
                        members
                            .iter()
                            .find(|(id, _)| *id == a)
                            .map(|(_, n)| n.clone())
                    })
                    .unwrap_or_default(),
                ack_due: (open && c.acknowledged_at.is_none()).then(|| date(c.ack_due_at)),
                ack_overdue: open && c.acknowledged_at.is_none() && c.ack_due_at.0 < now,
                feedback_due: (open && c.first_feedback_at.is_none())
                    .then(|| date(c.feedback_due_at)),
                feedback_overdue: open
                    && c.first_feedback_at.is_none()
                    && c.feedback_due_at.0 < now,
            }
        })
        .collect();
    let unlocked = staff_secret(&state, &ctx, &headers).await?.is_some();
    let tpl = InboxPage {
        page: PageCtx::new(&ctx, "complaints-staff-title"),
        lines,
        unlocked,
        show,
        filters: vec![
            ("all", "complaints-inbox-all"),
            ("open", "complaints-inbox-open"),
            ("overdue", "complaints-inbox-overdue"),
            ("mine", "complaints-inbox-mine"),
            ("closed", "complaints-inbox-closed"),
        ],
    };
    Ok(no_store(page::ok(&tpl)?))
}

// ---------------------------------------------------------------------
// One case

#[derive(Template)]
#[template(path = "complaints/staff_case.html")]
struct CasePage {
    page: PageCtx,
    id: String,
    reference: String,
    body: model::Body,
    wish_keys: Vec<String>,
    contact_mode_key: String,
    consent_key: String,
    consent: String,
    authority_key: String,
    status: String,
    outcome: String,
    category: String,
    assigned: String,
    received: String,
    ack_due: String,
    feedback_due: String,
    acknowledged: Option<String>,
    first_feedback: Option<String>,
    messages: Vec<MessageView>,
    files: Vec<FileView>,
    summary: Option<String>,
    /// The authority the case went to, once forwarded (Fluent id).
    forwarded_to_key: Option<String>,
    /// Where it may go while not yet forwarded, and the preselection.
    targets: Vec<Choice>,
    target: String,
    statuses: Vec<Choice>,
    outcomes: Vec<Choice>,
    categories: Vec<Choice>,
    members: Vec<(String, String)>,
    errors: FormErrors,
}

fn vocabulary(prefix: &str, values: Vec<&'static str>) -> Vec<Choice> {
    values
        .into_iter()
        .map(|v| Choice {
            value: v,
            key: model::key(prefix, v),
            hint: String::new(),
        })
        .collect()
}

fn parse_case_id(s: &str) -> Result<Uuid, WebError> {
    s.parse().map_err(|_| WebError::not_found())
}

/// The case and its key, or the response to send instead.
async fn open_case(
    state: &AppState,
    ctx: &Ctx,
    headers: &HeaderMap,
    id: &str,
) -> Result<Result<(CaseRow, Key), Response>, WebError> {
    let tenant = ctx.tenant()?.id;
    let case_id = parse_case_id(id)?;
    let Some(secret) = staff_secret(state, ctx, headers).await? else {
        return Ok(Err(unlock_redirect(ctx)?));
    };
    let case = store::case(&state.db, tenant, case_id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let key = case_key(state, tenant, case_id, &secret)
        .await?
        .ok_or_else(|| WebError::new(StatusCode::CONFLICT, "complaints-error-no-key"))?;
    Ok(Ok((case, key)))
}

async fn case_page(
    state: &AppState,
    ctx: &Ctx,
    case: &CaseRow,
    key: &Key,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.id;
    let body: model::Body = crypto::open(key, &aad(tenant, case.case_id, "body"), &case.body)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    let fk = forward_key_from_case(tenant, case, key);
    let file_rows = store::files(&state.db, tenant, case.case_id).await?;
    let mut files = pages::file_views(tenant, case.case_id, key, &file_rows);
    let mut messages = Vec::new();
    for m in store::messages(&state.db, tenant, case.case_id).await? {
        let text = if pages::FORWARD_KINDS.contains(&m.kind.as_str()) {
            match &fk {
                Some(fk) => pages::message_text(tenant, case.case_id, fk, &m),
                None => String::new(),
            }
        } else {
            pages::message_text(tenant, case.case_id, key, &m)
        };
        let attached = files
            .iter()
            .filter(|(mid, _)| *mid == Some(m.message_id))
            .map(|(_, f)| FileView {
                id: f.id.clone(),
                name: f.name.clone(),
                size: f.size.clone(),
                forwarded: f.forwarded,
            })
            .collect();
        messages.push(MessageView {
            who_key: format!("complaints-staff-kind-{}", m.kind),
            text,
            when: date_time(m.created_at),
            files: attached,
        });
    }
    let summary = match (&fk, &case.summary) {
        (Some(fk), Some(s)) => crypto::open(fk, &aad(tenant, case.case_id, "summary"), s)
            .ok()
            .and_then(|b| String::from_utf8(b.to_vec()).ok()),
        _ => None,
    };
    let members = store::role_members(&state.db, tenant, "ombuds").await?;
    files.sort_by_key(|(mid, _)| mid.is_some());
    let tpl = CasePage {
        page: {
            let mut p = PageCtx::new(ctx, "complaints-staff-title");
            p.title = case.reference.clone();
            p
        },
        id: case.case_id.to_string(),
        reference: case.reference.clone(),
        wish_keys: body.wishes.iter().map(|w| model::key("wish", w)).collect(),
        body,
        contact_mode_key: model::key("mode", &case.contact_mode),
        consent_key: model::key("consent", &case.consent),
        consent: case.consent.clone(),
        authority_key: model::key("authority", &case.authority),
        status: case.status.clone(),
        outcome: case.outcome.clone().unwrap_or_default(),
        category: case.category.clone().unwrap_or_default(),
        assigned: case.assigned_to.map(|u| u.to_string()).unwrap_or_default(),
        received: date_time(case.received_at),
        ack_due: date(case.ack_due_at),
        feedback_due: date(case.feedback_due_at),
        acknowledged: case.acknowledged_at.map(date_time),
        first_feedback: case.first_feedback_at.map(date_time),
        messages,
        files: files.into_iter().map(|(_, f)| f).collect(),
        summary,
        forwarded_to_key: case.forwarded_to.as_deref().map(target_key),
        targets: target_choices(),
        target: case
            .forwarded_to
            .clone()
            .unwrap_or_else(|| case.authority.clone()),
        statuses: vocabulary("status", Status::ALL.iter().map(|v| v.as_str()).collect()),
        outcomes: vocabulary("outcome", Outcome::ALL.iter().map(|v| v.as_str()).collect()),
        categories: vocabulary(
            "category",
            Category::ALL.iter().map(|v| v.as_str()).collect(),
        ),
        members: members
            .into_iter()
            .map(|(id, n)| (id.to_string(), n))
            .collect(),
        errors,
    };
    Ok(no_store(page::render(&tpl, status)?))
}

/// `GET /{tenant}/staff/complaints/{case}`
pub async fn case(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    match open_case(&state, &ctx, &headers, &id).await? {
        Ok((case, key)) => {
            case_page(&state, &ctx, &case, &key, FormErrors::new(), StatusCode::OK).await
        }
        Err(r) => Ok(r),
    }
}

#[derive(Deserialize, Default)]
pub struct UpdateForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    assigned_to: String,
}

fn back(ctx: &Ctx, case_id: Uuid) -> Result<Response, WebError> {
    Ok(Redirect::to(&format!(
        "/{}/staff/complaints/{}",
        ctx.tenant()?.slug,
        case_id
    ))
    .into_response())
}

/// `POST /{tenant}/staff/complaints/{case}`: status, outcome, category,
/// assignment.
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<UpdateForm>,
) -> Result<Response, WebError> {
    let (case, key) = match open_case(&state, &ctx, &headers, &id).await? {
        Ok(v) => v,
        Err(r) => return Ok(r),
    };
    let tenant = ctx.tenant()?.id;
    let tr = Tr::new(ctx.lang());
    let mut errors = FormErrors::new();
    let status = Status::parse(&form.status);
    if status.is_none() {
        errors.add("status", tr.t("complaints-error-status"));
    }
    let outcome = if form.outcome.is_empty() {
        None
    } else {
        Outcome::parse(&form.outcome).map(Some).unwrap_or_else(|| {
            errors.add("outcome", tr.t("complaints-error-outcome"));
            None
        })
    };
    let category = if form.category.is_empty() {
        None
    } else {
        Category::parse(&form.category)
            .map(Some)
            .unwrap_or_else(|| {
                errors.add("category", tr.t("complaints-error-category"));
                None
            })
    };
    let members = store::role_members(&state.db, tenant, "ombuds").await?;
    let assigned: Option<Uuid> = if form.assigned_to.is_empty() {
        None
    } else {
        match form
            .assigned_to
            .parse::<Uuid>()
            .ok()
            .filter(|u| members.iter().any(|(m, _)| m == u))
        {
            Some(u) => Some(u),
            None => {
                errors.add("assigned_to", tr.t("complaints-error-assignee"));
                None
            }
        }
    };
    if status == Some(Status::Closed) && outcome.is_none() {
        errors.add("outcome", tr.t("complaints-error-outcome-needed"));
    }
    let Some(status) = status.filter(|_| errors.is_empty()) else {
        return case_page(
            &state,
            &ctx,
            &case,
            &key,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let now = state.clock.now_ts();
    let closed = status == Status::Closed;
    let update = CaseUpdate {
        status: Some(status.as_str().to_owned()),
        outcome: Some(outcome.map(|o| o.as_str().to_owned())),
        category: Some(category.map(|c| c.as_str().to_owned())),
        assigned_to: Some(assigned),
        acknowledged_at: (status != Status::Received).then_some(now),
        first_feedback_at: None,
        closed_at: Some(if closed {
            Some(case.closed_at.unwrap_or(now))
        } else {
            None
        }),
    };
    let mut tx = state.db.begin().await?;
    store::update_case(&mut tx, tenant, case.case_id, &update).await?;
    store::update_stat(
        &mut tx,
        tenant,
        case.stat_id,
        category.map(|c| c.as_str()),
        if closed {
            outcome.map(|o| o.as_str())
        } else {
            None
        },
        if closed {
            Some(case.closed_at.unwrap_or(now))
        } else {
            None
        },
    )
    .await?;
    audit::append(
        &mut tx,
        tenant,
        now,
        &Entry::new(
            ctx.staff_actor(Permission::HandleComplaints)?,
            "complaint.update",
            "complaint",
            case.case_id,
        )
        .details(serde_json::json!({
            "status": status.as_str(),
            "outcome": outcome.map(|o| o.as_str()),
            "category": category.map(|c| c.as_str()),
            "assigned_to": assigned,
        })),
    )
    .await?;
    tx.commit().await?;
    back(&ctx, case.case_id)
}

#[derive(Deserialize, Default)]
pub struct MessageForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    substantive: String,
}

/// `POST /{tenant}/staff/complaints/{case}/messages`: a reply or legal
/// advice to the complainant, or an internal note.
pub async fn message(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<MessageForm>,
) -> Result<Response, WebError> {
    let (case, key) = match open_case(&state, &ctx, &headers, &id).await? {
        Ok(v) => v,
        Err(r) => return Ok(r),
    };
    let tenant = ctx.tenant()?.id;
    let tr = Tr::new(ctx.lang());
    let text = form.text.trim();
    let mut errors = FormErrors::new();
    if !matches!(form.kind.as_str(), "reply" | "advice" | "note") {
        errors.add("kind", tr.t("complaints-error-kind"));
    }
    if text.is_empty() {
        errors.add("text", tr.t("complaints-error-message-empty"));
    } else if text.chars().count() > model::MAX_TEXT {
        errors.add("text", tr.t("complaints-error-too-long"));
    }
    if !errors.is_empty() {
        return case_page(
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
    let to_complainant = form.kind != "note";
    let substantive = form.kind == "advice" || (to_complainant && form.substantive == "yes");
    let message_id = Uuid::new_v4();
    let body = crypto::seal(
        &key,
        &aad(tenant, case.case_id, &format!("message:{message_id}")),
        text.as_bytes(),
    )
    .map_err(|_| WebError::internal())?;
    let p = ctx.principal()?;
    let mut tx = state.db.begin().await?;
    store::insert_message(
        &mut tx,
        tenant,
        case.case_id,
        message_id,
        &form.kind,
        Some(p.user_id),
        &body,
        now,
    )
    .await?;
    if to_complainant {
        let status = (case.status == "received").then(|| Status::Acknowledged.as_str().to_owned());
        store::update_case(
            &mut tx,
            tenant,
            case.case_id,
            &CaseUpdate {
                status,
                acknowledged_at: Some(now),
                first_feedback_at: substantive.then_some(now),
                ..Default::default()
            },
        )
        .await?;
    }
    audit::append(
        &mut tx,
        tenant,
        now,
        &Entry::new(
            ctx.staff_actor(Permission::HandleComplaints)?,
            "complaint.message",
            "complaint",
            case.case_id,
        )
        .details(serde_json::json!({ "kind": form.kind, "substantive": substantive })),
    )
    .await?;
    tx.commit().await?;
    back(&ctx, case.case_id)
}

#[derive(Deserialize, Default)]
pub struct ForwardForm {
    #[serde(default)]
    summary: String,
    #[serde(default)]
    identity: String,
    /// The authority: `police` or `kod` (fixed once forwarded).
    #[serde(default)]
    to: String,
    /// One `file_<id>=yes` per chosen attachment.
    #[serde(flatten)]
    rest: std::collections::HashMap<String, String>,
}

/// `POST /{tenant}/staff/complaints/{case}/forward`: the summary and the
/// chosen files go to the authority, as far as the consent allows.
pub async fn forward(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<ForwardForm>,
) -> Result<Response, WebError> {
    let (case, key) = match open_case(&state, &ctx, &headers, &id).await? {
        Ok(v) => v,
        Err(r) => return Ok(r),
    };
    let tenant = ctx.tenant()?.id;
    let tr = Tr::new(ctx.lang());
    let consent = Consent::parse(&case.consent).unwrap_or(Consent::None);
    let mut errors = FormErrors::new();
    if consent == Consent::None {
        errors.add("summary", tr.t("complaints-error-no-consent"));
    }
    let summary = form.summary.trim();
    if summary.is_empty() {
        errors.add("summary", tr.t("complaints-error-summary"));
    } else if summary.chars().count() > model::MAX_TEXT {
        errors.add("summary", tr.t("complaints-error-too-long"));
    }
    let with_identity = form.identity == "yes";
    if with_identity && consent != Consent::WithIdentity {
        errors.add("identity", tr.t("complaints-error-no-identity-consent"));
    }
    // One authority per case: the forwarding key reaches its liaisons only.
    let chosen_to = form.to.trim();
    let to = match case.forwarded_to.as_deref() {
        Some(before) if chosen_to.is_empty() || chosen_to == before => Some(before.to_owned()),
        Some(_) => {
            errors.add("to", tr.t("complaints-error-forward-other"));
            None
        }
        None => match Authority::parse(chosen_to) {
            Some(a) if FORWARD_TARGETS.contains(&a) => Some(a.as_str().to_owned()),
            _ => {
                errors.add("to", tr.t("complaints-error-forward-to"));
                None
            }
        },
    };
    let file_rows = store::files(&state.db, tenant, case.case_id).await?;
    let chosen: Vec<Uuid> = form
        .rest
        .keys()
        .filter_map(|k| k.strip_prefix("file_"))
        .filter_map(|s| s.parse().ok())
        .filter(|id| file_rows.iter().any(|f| f.file_id == *id))
        .collect();
    let Some(to) = to.filter(|_| errors.is_empty()) else {
        return case_page(
            &state,
            &ctx,
            &case,
            &key,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let mut text = summary.to_owned();
    if with_identity {
        let body: model::Body = crypto::open(&key, &aad(tenant, case.case_id, "body"), &case.body)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        let contact: Vec<&str> = [
            body.contact_name.as_str(),
            body.contact_email.as_str(),
            body.contact_phone.as_str(),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
        if !contact.is_empty() {
            text.push_str("\n\n");
            text.push_str(&tr.t("complaints-forward-identity"));
            text.push_str(": ");
            text.push_str(&contact.join(", "));
        }
    }
    let fk = forward_key_from_case(tenant, &case, &key).unwrap_or_else(crypto::random_key);
    let err = |_| WebError::internal();
    let fk_blob =
        crypto::seal(&key, &aad(tenant, case.case_id, "forward-key"), fk.as_ref()).map_err(err)?;
    let summary_blob =
        crypto::seal(&fk, &aad(tenant, case.case_id, "summary"), text.as_bytes()).map_err(err)?;
    let message_id = Uuid::new_v4();
    let message_blob = crypto::seal(
        &fk,
        &aad(tenant, case.case_id, &format!("message:{message_id}")),
        text.as_bytes(),
    )
    .map_err(err)?;
    // Forwarded copies of the chosen files, under the forwarding key.
    let mut file_metas = Vec::new();
    for file_id in &chosen {
        let Some(row) = file_rows.iter().find(|f| f.file_id == *file_id) else {
            continue;
        };
        let meta = crypto::open(
            &key,
            &aad(tenant, case.case_id, &format!("file-meta:{file_id}")),
            &row.meta,
        )
        .map_err(|_| WebError::internal())?;
        let blob = tokio::fs::read(super::file_path(
            &state,
            tenant,
            case.case_id,
            *file_id,
            false,
        ))
        .await
        .map_err(|_| WebError::internal())?;
        let data = crypto::open(
            &key,
            &aad(tenant, case.case_id, &format!("file:{file_id}")),
            &blob,
        )
        .map_err(|_| WebError::internal())?;
        let copy = crypto::seal(
            &fk,
            &aad(tenant, case.case_id, &format!("fwd-file:{file_id}")),
            &data,
        )
        .map_err(err)?;
        super::write_blob(
            &super::file_path(&state, tenant, case.case_id, *file_id, true),
            &copy,
        )
        .await
        .map_err(|_| WebError::internal())?;
        let fmeta = crypto::seal(
            &fk,
            &aad(tenant, case.case_id, &format!("fwd-file-meta:{file_id}")),
            &meta,
        )
        .map_err(err)?;
        file_metas.push((*file_id, fmeta));
    }
    let now = state.clock.now_ts();
    let p = ctx.principal()?;
    let addresses = store::liaison_addresses(&state.db, tenant, &to).await?;
    let mut tx = state.db.begin().await?;
    store::set_forwarding(
        &mut tx,
        tenant,
        case.case_id,
        &fk_blob,
        &summary_blob,
        &to,
        now,
    )
    .await?;
    let mut recipients = store::liaison_keys(&mut tx, tenant, &to).await?;
    if let Some(r) = store::recovery_key(&mut tx, tenant).await? {
        recipients.push(r);
    }
    for r in recipients {
        let sealed = crypto::seal_to(&r, &fk).map_err(err)?;
        store::insert_wrap(&mut tx, tenant, case.case_id, "forward", &r, &sealed).await?;
    }
    store::insert_message(
        &mut tx,
        tenant,
        case.case_id,
        message_id,
        "forward",
        Some(p.user_id),
        &message_blob,
        now,
    )
    .await?;
    for (file_id, fmeta) in &file_metas {
        store::set_file_forwarded(&mut tx, tenant, case.case_id, *file_id, fmeta).await?;
    }
    audit::append(
        &mut tx,
        tenant,
        now,
        &Entry::new(
            ctx.staff_actor(Permission::HandleComplaints)?,
            "complaint.forward",
            "complaint",
            case.case_id,
        )
        .details(serde_json::json!({
            "files": file_metas.len(),
            "identity": with_identity,
            "to": to,
        })),
    )
    .await?;
    let de = Tr::new(Lang::De);
    for to in &addresses {
        crate::platform::mail::enqueue(
            &mut tx,
            tenant,
            &super::notice_mail(
                to,
                de.t1(
                    "complaints-mail-forward-subject",
                    "reference",
                    &case.reference,
                ),
                de.t1("complaints-mail-forward-body", "reference", &case.reference),
            ),
            now,
        )
        .await?;
    }
    tx.commit().await?;
    back(&ctx, case.case_id)
}

/// `GET /{tenant}/staff/complaints/{case}/files/{file}`
pub async fn file(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((_, id, file)): Path<(String, String, String)>,
) -> Result<Response, WebError> {
    let (case, key) = match open_case(&state, &ctx, &headers, &id).await? {
        Ok(v) => v,
        Err(r) => return Ok(r),
    };
    pages::read_case_file(&state, ctx.tenant()?.id, case.case_id, &key, &file).await
}

// ---------------------------------------------------------------------
// The authority's view (liaison)

pub struct ForwardedLine {
    pub id: String,
    pub reference: String,
    pub forwarded: String,
    pub authority_key: String,
    pub status_key: String,
}

#[derive(Template)]
#[template(path = "complaints/forwarded_list.html")]
struct ForwardedListPage {
    page: PageCtx,
    /// The reader's authority (Fluent id); `None`: not bound to one yet.
    authority_key: Option<String>,
    lines: Vec<ForwardedLine>,
}

/// The authority the signed-in liaison is bound to.
async fn my_authority(state: &AppState, ctx: &Ctx) -> Result<Option<String>, WebError> {
    let tenant = ctx.tenant()?.id;
    let p = ctx.principal()?;
    Ok(store::liaison_authority(&state.db, tenant, p.user_id).await?)
}

/// `GET /{tenant}/staff/forwarded`: the cases forwarded to the reader's
/// authority.
pub async fn forwarded_list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.id;
    let authority = my_authority(&state, &ctx).await?;
    let rows = match &authority {
        Some(a) => store::forwarded(&state.db, tenant, a).await?,
        None => Vec::new(),
    };
    let lines = rows
        .into_iter()
        .map(|c| ForwardedLine {
            id: c.case_id.to_string(),
            reference: c.reference,
            forwarded: c.forwarded_at.map(date).unwrap_or_default(),
            authority_key: model::key("authority", &c.authority),
            status_key: model::key("status", &c.status),
        })
        .collect();
    let tpl = ForwardedListPage {
        page: PageCtx::new(&ctx, "complaints-forwarded-title"),
        authority_key: authority.as_deref().map(target_key),
        lines,
    };
    Ok(no_store(page::ok(&tpl)?))
}

#[derive(Template)]
#[template(path = "complaints/forwarded_case.html")]
struct ForwardedCasePage {
    page: PageCtx,
    id: String,
    reference: String,
    authority_key: String,
    status_key: String,
    summary: String,
    messages: Vec<MessageView>,
    files: Vec<FileView>,
    errors: FormErrors,
}

/// The forwarded case and its forwarding key (liaison's own wrap).
async fn open_forwarded(
    state: &AppState,
    ctx: &Ctx,
    headers: &HeaderMap,
    id: &str,
) -> Result<Result<(CaseRow, Key), Response>, WebError> {
    let tenant = ctx.tenant()?.id;
    let case_id = parse_case_id(id)?;
    let Some(secret) = staff_secret(state, ctx, headers).await? else {
        return Ok(Err(unlock_redirect(ctx)?));
    };
    let mine = my_authority(state, ctx).await?;
    let case = store::case(&state.db, tenant, case_id)
        .await?
        .filter(|c| c.forwarded_at.is_some() && mine.is_some() && c.forwarded_to == mine)
        .ok_or_else(WebError::not_found)?;
    let public = crypto::public_of(&secret);
    let fk = store::wrap_for(&state.db, tenant, case_id, "forward", &public)
        .await?
        .and_then(|w| crypto::unseal(&secret, &w).ok())
        .ok_or_else(|| WebError::new(StatusCode::CONFLICT, "complaints-error-no-key"))?;
    Ok(Ok((case, fk)))
}

async fn forwarded_page(
    state: &AppState,
    ctx: &Ctx,
    case: &CaseRow,
    fk: &Key,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.id;
    let summary = case
        .summary
        .as_ref()
        .and_then(|s| crypto::open(fk, &aad(tenant, case.case_id, "summary"), s).ok())
        .and_then(|b| String::from_utf8(b.to_vec()).ok())
        .unwrap_or_default();
    let messages = store::messages(&state.db, tenant, case.case_id)
        .await?
        .into_iter()
        .filter(|m| pages::FORWARD_KINDS.contains(&m.kind.as_str()))
        .map(|m| MessageView {
            who_key: format!("complaints-staff-kind-{}", m.kind),
            text: pages::message_text(tenant, case.case_id, fk, &m),
            when: date_time(m.created_at),
            files: Vec::new(),
        })
        .collect();
    let files = store::files(&state.db, tenant, case.case_id)
        .await?
        .into_iter()
        .filter_map(|f| {
            let blob = f.forward_meta.as_ref()?;
            let meta = crypto::open(
                fk,
                &aad(
                    tenant,
                    case.case_id,
                    &format!("fwd-file-meta:{}", f.file_id),
                ),
                blob,
            )
            .ok()?;
            let meta: FileMeta = serde_json::from_slice(&meta).ok()?;
            Some(FileView {
                id: f.file_id.to_string(),
                name: meta.name,
                size: pages::size_text(f.size),
                forwarded: true,
            })
        })
        .collect();
    let tpl = ForwardedCasePage {
        page: {
            let mut p = PageCtx::new(ctx, "complaints-forwarded-title");
            p.title = case.reference.clone();
            p
        },
        id: case.case_id.to_string(),
        reference: case.reference.clone(),
        authority_key: model::key("authority", &case.authority),
        status_key: model::key("status", &case.status),
        summary,
        messages,
        files,
        errors,
    };
    Ok(no_store(page::render(&tpl, status)?))
}

/// `GET /{tenant}/staff/forwarded/{case}`
pub async fn forwarded_case(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    match open_forwarded(&state, &ctx, &headers, &id).await? {
        Ok((case, fk)) => {
            forwarded_page(&state, &ctx, &case, &fk, FormErrors::new(), StatusCode::OK).await
        }
        Err(r) => Ok(r),
    }
}

#[derive(Deserialize, Default)]
pub struct AnswerForm {
    #[serde(default)]
    text: String,
}

/// `POST /{tenant}/staff/forwarded/{case}`: the authority's answer.
pub async fn forwarded_answer(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<AnswerForm>,
) -> Result<Response, WebError> {
    let (case, fk) = match open_forwarded(&state, &ctx, &headers, &id).await? {
        Ok(v) => v,
        Err(r) => return Ok(r),
    };
    let tenant = ctx.tenant()?;
    let tr = Tr::new(ctx.lang());
    let text = form.text.trim();
    let mut errors = FormErrors::new();
    if text.is_empty() {
        errors.add("text", tr.t("complaints-error-message-empty"));
    } else if text.chars().count() > model::MAX_TEXT {
        errors.add("text", tr.t("complaints-error-too-long"));
    }
    if !errors.is_empty() {
        return forwarded_page(
            &state,
            &ctx,
            &case,
            &fk,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let now = state.clock.now_ts();
    let message_id = Uuid::new_v4();
    let body = crypto::seal(
        &fk,
        &aad(tenant.id, case.case_id, &format!("message:{message_id}")),
        text.as_bytes(),
    )
    .map_err(|_| WebError::internal())?;
    let p = ctx.principal()?;
    let addresses = store::role_addresses(&state.db, tenant.id, "ombuds").await?;
    let mut tx = state.db.begin().await?;
    store::insert_message(
        &mut tx,
        tenant.id,
        case.case_id,
        message_id,
        "authority",
        Some(p.user_id),
        &body,
        now,
    )
    .await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            ctx.staff_actor(Permission::AnswerForwardedComplaints)?,
            "complaint.authority_answer",
            "complaint",
            case.case_id,
        ),
    )
    .await?;
    let de = Tr::new(Lang::De);
    for to in &addresses {
        crate::platform::mail::enqueue(
            &mut tx,
            tenant.id,
            &super::notice_mail(
                to,
                de.t1(
                    "complaints-mail-answer-subject",
                    "reference",
                    &case.reference,
                ),
                de.t1("complaints-mail-answer-body", "reference", &case.reference),
            ),
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!(
        "/{}/staff/forwarded/{}",
        tenant.slug, case.case_id
    ))
    .into_response())
}

/// `GET /{tenant}/staff/forwarded/{case}/files/{file}`: a forwarded copy.
pub async fn forwarded_file(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((_, id, file)): Path<(String, String, String)>,
) -> Result<Response, WebError> {
    let (case, fk) = match open_forwarded(&state, &ctx, &headers, &id).await? {
        Ok(v) => v,
        Err(r) => return Ok(r),
    };
    let tenant = ctx.tenant()?.id;
    let file_id: Uuid = file.parse().map_err(|_| WebError::not_found())?;
    let row = store::files(&state.db, tenant, case.case_id)
        .await?
        .into_iter()
        .find(|f| f.file_id == file_id)
        .ok_or_else(WebError::not_found)?;
    let meta_blob = row.forward_meta.ok_or_else(WebError::not_found)?;
    let meta = crypto::open(
        &fk,
        &aad(tenant, case.case_id, &format!("fwd-file-meta:{file_id}")),
        &meta_blob,
    )
    .map_err(|_| WebError::not_found())?;
    let meta: FileMeta = serde_json::from_slice(&meta).map_err(|_| WebError::not_found())?;
    let blob = tokio::fs::read(super::file_path(
        &state,
        tenant,
        case.case_id,
        file_id,
        true,
    ))
    .await
    .map_err(|_| WebError::not_found())?;
    let data = crypto::open(
        &fk,
        &aad(tenant, case.case_id, &format!("fwd-file:{file_id}")),
        &blob,
    )
    .map_err(|_| WebError::not_found())?;
    Ok(file_response(&meta.name, &meta.mime, data.to_vec()))
}

// ---------------------------------------------------------------------
// Liaisons: which authority each liaison account answers for

/// The authorities a case can be forwarded to.
pub const FORWARD_TARGETS: [Authority; 2] = [Authority::Police, Authority::Kod];

/// Fluent id of a forwarding target, e.g. `complaints-to-police`.
pub fn target_key(authority: &str) -> String {
    format!("complaints-to-{authority}")
}

fn target_choices() -> Vec<Choice> {
    FORWARD_TARGETS
        .iter()
        .map(|a| Choice {
            value: a.as_str(),
            key: target_key(a.as_str()),
            hint: String::new(),
        })
        .collect()
}

pub struct LiaisonLine {
    pub id: String,
    pub name: String,
    pub login: String,
    pub authority: String,
}

#[derive(Template)]
#[template(path = "complaints/liaisons.html")]
struct LiaisonsPage {
    page: PageCtx,
    lines: Vec<LiaisonLine>,
    targets: Vec<Choice>,
    saved: bool,
}

#[derive(Deserialize, Default)]
pub struct LiaisonsQuery {
    #[serde(default)]
    saved: String,
}

/// `GET /{tenant}/staff/complaint-liaisons`: the liaison accounts and the
/// authority each answers for.
pub async fn liaisons(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::extract::Query(q): axum::extract::Query<LiaisonsQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.id;
    let lines = store::liaisons(&state.db, tenant)
        .await?
        .into_iter()
        .map(|l| LiaisonLine {
            id: l.user_id.to_string(),
            name: l.display_name,
            login: l.login,
            authority: l.authority.unwrap_or_default(),
        })
        .collect();
    let tpl = LiaisonsPage {
        page: PageCtx::new(&ctx, "complaints-liaisons-title"),
        lines,
        targets: target_choices(),
        saved: q.saved == "1",
    };
    Ok(no_store(page::ok(&tpl)?))
}

#[derive(Deserialize, Default)]
pub struct BindForm {
    #[serde(default)]
    user: String,
    /// `police`, `kod` or empty (answers for no authority).
    #[serde(default)]
    authority: String,
}

/// `POST /{tenant}/staff/complaint-liaisons`: binds one liaison account to
/// an authority. Forwarding keys of other authorities' cases are dropped at
/// once; those of the new authority's cases reach the account the next time
/// a caseworker unlocks their key.
pub async fn bind_liaison(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<BindForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.id;
    let user: Uuid = form
        .user
        .parse()
        .map_err(|_| WebError::new(StatusCode::UNPROCESSABLE_ENTITY, "complaints-error-liaison"))?;
    let authority = match form.authority.trim() {
        "" => None,
        a => Some(
            Authority::parse(a)
                .filter(|a| FORWARD_TARGETS.contains(a))
                .ok_or_else(|| {
                    WebError::new(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        "complaints-error-forward-to",
                    )
                })?,
        ),
    };
    if !store::liaisons(&state.db, tenant)
        .await?
        .iter()
        .any(|l| l.user_id == user)
    {
        return Err(WebError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "complaints-error-liaison",
        ));
    }
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    store::bind_liaison(&mut tx, tenant, user, authority.map(|a| a.as_str()), now).await?;
    audit::append(
        &mut tx,
        tenant,
        now,
        &Entry::new(
            ctx.staff_actor(Permission::HandleComplaints)?,
            "complaint.liaison_bound",
            "user",
            user,
        )
        .details(serde_json::json!({ "authority": authority.map(|a| a.as_str()) })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!(
        "/{}/staff/complaint-liaisons?saved=1",
        ctx.tenant()?.slug.as_str()
    ))
    .into_response())
}
