//! The staff side: the inbox (a department sees only what is routed to
//! it; police prevention the unsafe places; coordinators everything),
//! moderation, statuses with public update texts, merging duplicates,
//! internal notes, overdue targets, the statistics, the neighbourhood-lab
//! import, and the administration of categories and Open311 client keys.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::model::{self, Kind, Status, TimeOfDay};
use super::pages::{image_response, photo_file, Opt};
use super::store::{self, Filter};
use super::{in_scope, local, scope, setup, TenantSetup};
use crate::platform::audit::{self, Entry};
use crate::platform::auth::store::{new_secret, secret_hash};
use crate::platform::auth::Permission;
use crate::platform::db::Timestamp;
use crate::platform::i18n::{Lang, Tr};
use crate::platform::web::extract::{CsrfForm, CsrfMultipart};
use crate::platform::web::page::{self, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

/// A 422 with a sentence in the user's language.
fn invalid(lang: Lang, key: &str) -> WebError {
    WebError::unprocessable(Tr::new(lang).t(key))
}

fn no_store(res: Response) -> Response {
    let mut res = res;
    res.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    res
}

/// A line of the inbox.
pub struct InboxLine {
    pub id: String,
    pub category: String,
    pub kind_key: String,
    pub status_key: String,
    pub district: String,
    pub address: String,
    pub created: String,
    pub due: String,
    pub overdue: bool,
    pub published: bool,
}

#[derive(Template)]
#[template(path = "reports/staff_inbox.html")]
struct InboxPage {
    page: PageCtx,
    q: InboxQuery,
    lines: Vec<InboxLine>,
    total: i64,
    categories: Vec<Opt>,
    districts: Vec<Opt>,
}

#[derive(Deserialize, Default, Clone)]
pub struct InboxQuery {
    #[serde(default)]
    pub show: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub district: String,
    #[serde(default)]
    pub page: Option<i64>,
}

fn is_overdue(r: &store::ReportRow, now: Timestamp) -> bool {
    Status::OPEN.contains(&r.status.as_str())
        && ((r.acknowledged_at.is_none() && r.ack_due_at < now) || r.resolve_due_at < now)
}

/// `GET /{tenant}/staff/reports`
pub async fn inbox(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<InboxQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let s = setup(&state, tenant).await?;
    let lang = ctx.lang();
    let now = state.clock.now_ts();
    let mut f = Filter {
        scope: scope(&state, &ctx).await?,
        limit: 100,
        ..Filter::default()
    };
    f.offset = (q.page.unwrap_or(1).max(1) - 1) * 100;
    match q.show.as_str() {
        "closed" => f.statuses = Status::CLOSED.to_vec(),
        "all" => {}
        "overdue" => f.overdue_at = Some(now),
        _ => f.statuses = Status::OPEN.to_vec(),
    }
    if let Some(c) = s.by_code(&q.category) {
        f.categories.push(c.id);
    }
    if s.districts.iter().any(|d| d.code == q.district) {
        f.district = Some(q.district.clone());
    }
    let total = store::count(&state.db, tenant.id, &f).await?;
    let lines = store::list(&state.db, tenant.id, &f)
        .await?
        .iter()
        .map(|r| InboxLine {
            id: r.report_id.to_string(),
            category: s
                .category(r.category_id)
                .map(|c| c.name(lang).to_owned())
                .unwrap_or_default(),
            kind_key: model::key("kind", &r.kind),
            status_key: model::key("status", &r.status),
            district: s.district_name(r.district_code.as_deref()),
            address: r.address.clone(),
            created: local(r.created_at, &tenant.time_zone),
            due: local(
                if r.acknowledged_at.is_none() {
                    r.ack_due_at
                } else {
                    r.resolve_due_at
                },
                &tenant.time_zone,
            ),
            overdue: is_overdue(r, now),
            published: r.published,
        })
        .collect();
    let tpl = InboxPage {
        page: PageCtx::new(&ctx, "reports-staff-title"),
        q,
        lines,
        total,
        categories: s
            .categories
            .iter()
            .map(|c| Opt {
                value: c.code.clone(),
                label: c.name(lang).to_owned(),
            })
            .collect(),
        districts: s
            .districts
            .iter()
            .map(|d| Opt {
                value: d.code.clone(),
                label: d.name.clone(),
            })
            .collect(),
    };
    Ok(no_store(page::ok(&tpl)?))
}

/// The report if the staff member's scope holds it (else 404, so a
/// department cannot even learn that a report exists).
async fn scoped_report(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
) -> Result<store::ReportRow, WebError> {
    let tenant = ctx.tenant()?;
    let id = Uuid::parse_str(id).map_err(|_| WebError::not_found())?;
    let r = store::report(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let assigned = store::assignments(&state.db, tenant.id, id).await?;
    if !in_scope(&scope(state, ctx).await?, &assigned) {
        return Err(WebError::not_found());
    }
    Ok(r)
}

pub struct PhotoView {
    pub id: String,
    pub hidden: bool,
}

pub struct NoteView {
    pub when: String,
    pub status_key: Option<String>,
    pub text: String,
    pub internal: bool,
}

#[derive(Template)]
#[template(path = "reports/staff_report.html")]
struct ReportPage {
    page: PageCtx,
    id: String,
    category: String,
    kind_key: String,
    status: String,
    status_note: String,
    district: String,
    address: String,
    coords: String,
    description: String,
    public_text: String,
    published: bool,
    time_key: Option<String>,
    walk: bool,
    reporter_name: String,
    reporter_email: String,
    created: String,
    ack_due: String,
    resolve_due: String,
    overdue: bool,
    departments: Vec<String>,
    photos: Vec<PhotoView>,
    notes: Vec<NoteView>,
    statuses: Vec<Opt>,
    message: Option<String>,
}

async fn report_page(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
    message: Option<String>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let s = setup(state, tenant).await?;
    let r = scoped_report(state, ctx, id).await?;
    let tr = Tr::new(ctx.lang());
    let now = state.clock.now_ts();
    let deps = store::departments(&state.db, tenant.id).await?;
    let assigned = store::assignments(&state.db, tenant.id, r.report_id).await?;
    let tpl = ReportPage {
        page: PageCtx::new(ctx, "reports-staff-report-title"),
        id: r.report_id.to_string(),
        category: s
            .category(r.category_id)
            .map(|c| c.name(ctx.lang()).to_owned())
            .unwrap_or_default(),
        kind_key: model::key("kind", &r.kind),
        status: r.status.clone(),
        status_note: r.status_note.clone().unwrap_or_default(),
        district: s.district_name(r.district_code.as_deref()),
        address: r.address.clone(),
        coords: match (r.lat, r.lon) {
            (Some(a), Some(b)) => format!("{a:.6}, {b:.6}"),
            _ => String::new(),
        },
        description: r.description.clone(),
        public_text: r
            .public_description
            .clone()
            .unwrap_or_else(|| r.description.clone()),
        published: r.published,
        time_key: r.time_of_day.as_deref().map(|t| model::key("time", t)),
        walk: r.walk,
        reporter_name: r.reporter_name.clone().unwrap_or_default(),
        reporter_email: r.reporter_email.clone().unwrap_or_default(),
        created: local(r.created_at, &tenant.time_zone),
        ack_due: local(r.ack_due_at, &tenant.time_zone),
        resolve_due: local(r.resolve_due_at, &tenant.time_zone),
        overdue: is_overdue(&r, now),
        departments: deps
            .iter()
            .filter(|d| assigned.contains(&d.id))
            .map(|d| d.name.clone())
            .collect(),
        photos: store::photos(&state.db, tenant.id, r.report_id)
            .await?
            .into_iter()
            .map(|p| PhotoView {
                id: p.photo_id.simple().to_string(),
                hidden: p.hidden,
            })
            .collect(),
        notes: store::updates(&state.db, tenant.id, r.report_id)
            .await?
            .into_iter()
            .map(|u| NoteView {
                when: local(u.created_at, &tenant.time_zone),
                status_key: u.status.as_deref().map(|s| model::key("status", s)),
                text: u.text,
                internal: u.internal,
            })
            .collect(),
        statuses: Status::ALL
            .iter()
            .map(|s| Opt {
                value: s.as_str().to_owned(),
                label: tr.t(&model::key("status", s.as_str())).into_owned(),
            })
            .collect(),
        message,
    };
    Ok(no_store(page::ok(&tpl)?))
}

/// `GET /{tenant}/staff/reports/{id}`
pub async fn report(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    report_page(&state, &ctx, &id, None).await
}

#[derive(Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    status: String,
    /// The public update text.
    #[serde(default)]
    text: String,
    /// Why not fixed, who is responsible, to whom referred.
    #[serde(default)]
    note: String,
    #[serde(default)]
    duplicate_of: String,
}

/// `POST /{tenant}/staff/reports/{id}/status`: a new status with a public
/// update; mails the reporter and the subscribers; a duplicate is linked
/// and its subscribers move to the original.
pub async fn status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(f): CsrfForm<StatusForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::WorkOnReports)?;
    let me = ctx.principal()?.user_id;
    let r = scoped_report(&state, &ctx, &id).await?;
    let tr = Tr::new(ctx.lang());
    let status = Status::parse(&f.status)
        .ok_or_else(|| invalid(ctx.lang(), "reports-err-unknown-status"))?;
    let note = f.note.trim();
    let text = f.text.trim();
    if status.needs_note() && note.is_empty() {
        return Err(invalid(ctx.lang(), "reports-err-needs-note"));
    }
    if note.chars().count() > model::MAX_LINE || text.chars().count() > model::MAX_DESCRIPTION {
        return Err(invalid(ctx.lang(), "reports-err-text-too-long"));
    }
    let duplicate_of = if status == Status::Duplicate {
        let d = Uuid::parse_str(f.duplicate_of.trim())
            .map_err(|_| invalid(ctx.lang(), "reports-err-duplicate-missing"))?;
        if d == r.report_id || store::report(&state.db, tenant.id, d).await?.is_none() {
            return Err(invalid(ctx.lang(), "reports-err-duplicate-unknown"));
        }
        Some(d)
    } else {
        None
    };
    let now = state.clock.now_ts();
    let public = if text.is_empty() {
        tr_status(Lang::De, status)
    } else {
        text.to_owned()
    };
    let mut tx = state.db.begin().await?;
    store::set_status(
        &mut tx,
        tenant.id,
        r.report_id,
        status,
        (!note.is_empty()).then_some(note),
        duplicate_of,
        now,
    )
    .await?;
    store::insert_update(
        &mut tx,
        tenant.id,
        r.report_id,
        Some(status.as_str()),
        &public,
        false,
        Some(me),
        now,
    )
    .await?;
    if let Some(d) = duplicate_of {
        store::merge_subscriptions(&mut tx, tenant.id, r.report_id, d).await?;
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "report.status", "report", r.report_id)
            .details(serde_json::json!({ "status": status.as_str() })),
    )
    .await?;
    // The reporter and the subscribers, each in their language; every
    // subscriber's mail carries its own unsubscribe link (and the
    // one-click headers).
    let mut to: Vec<(String, String, Option<Uuid>)> = Vec::new();
    if let Some(e) = &r.reporter_email {
        to.push((e.clone(), r.reporter_lang.clone(), None));
    }
    for sub in
        store::subscribers(&mut tx, tenant.id, r.report_id, r.district_code.as_deref()).await?
    {
        if !to
            .iter()
            .any(|(x, _, _)| x.eq_ignore_ascii_case(&sub.email))
        {
            to.push((sub.email, sub.lang, Some(sub.subscription_id)));
        }
    }
    let link = ctx.absolute_url(
        &state,
        &format!("/{}/reports/view/{}", tenant.slug, r.report_id),
    );
    for (addr, l, subscription) in to {
        let lang = Lang::parse(&l).unwrap_or(Lang::De);
        let t = Tr::new(lang);
        let mut body = t.t1(
            "reports-mail-status-body",
            "status",
            tr_status(lang, status),
        );
        body.push_str("\n\n");
        body.push_str(&public);
        body.push_str("\n\n");
        body.push_str(&link);
        let mail = |body_text: String| crate::platform::mail::OutgoingMail {
            to: addr.clone(),
            subject: t.t("reports-mail-status-subject").into_owned(),
            body_text,
        };
        match subscription {
            None => {
                crate::platform::mail::enqueue(&mut tx, tenant.id, &mail(body), now).await?;
            }
            Some(sub) => {
                let (token, hash) = new_secret();
                store::add_unsubscribe_token(&mut tx, tenant.id, sub, &hash, now).await?;
                let off = ctx.absolute_url(
                    &state,
                    &format!("/{}/reports/unsubscribe/{token}", tenant.slug),
                );
                body.push_str("\n\n");
                body.push_str(&t.t1("reports-mail-unsubscribe-line", "link", &off));
                crate::platform::mail::enqueue_unsubscribable(
                    &mut tx,
                    tenant.id,
                    &mail(body),
                    &off,
                    now,
                )
                .await?;
            }
        }
    }
    tx.commit().await?;
    report_page(&state, &ctx, &id, Some(tr.t("reports-saved").into_owned())).await
}

fn tr_status(lang: Lang, s: Status) -> String {
    Tr::new(lang)
        .t(&model::key("status", s.as_str()))
        .into_owned()
}

#[derive(Deserialize)]
pub struct ModerateForm {
    #[serde(default)]
    public_text: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    hide: Vec<String>,
}

/// `POST /{tenant}/staff/reports/{id}/moderate`: the public text (personal
/// data edited out), publication, hidden photos.
pub async fn moderate(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    axum::extract::RawForm(raw): axum::extract::RawForm,
) -> Result<Response, WebError> {
    // Repeated `hide` fields: read the pairs ourselves after the CSRF check.
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&raw)
        .map_err(|_| WebError::bad_request("the form encoding is malformed"))?;
    let token = pairs
        .iter()
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.as_str());
    if !token.is_some_and(|t| ctx.base.csrf.matches(t)) {
        return Err(WebError::new(StatusCode::FORBIDDEN, "error-csrf"));
    }
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let f = ModerateForm {
        public_text: get("public_text"),
        action: get("action"),
        hide: pairs
            .iter()
            .filter(|(k, _)| k == "hide")
            .map(|(_, v)| v.clone())
            .collect(),
    };
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::WorkOnReports)?;
    let r = scoped_report(&state, &ctx, &id).await?;
    let tr = Tr::new(ctx.lang());
    let text = f.public_text.trim();
    if text.chars().count() > model::MAX_DESCRIPTION {
        return Err(invalid(ctx.lang(), "reports-err-public-too-long"));
    }
    let publish = f.action == "publish";
    if publish && text.is_empty() {
        return Err(invalid(ctx.lang(), "reports-err-public-needed"));
    }
    let now = state.clock.now_ts();
    let photos = store::photos(&state.db, tenant.id, r.report_id).await?;
    let mut tx = state.db.begin().await?;
    store::moderate(
        &mut tx,
        tenant.id,
        r.report_id,
        publish.then_some(text),
        now,
    )
    .await?;
    for p in &photos {
        let hide = f.hide.iter().any(|h| *h == p.photo_id.simple().to_string());
        if hide != p.hidden {
            store::set_photo_hidden(&mut tx, tenant.id, r.report_id, p.photo_id, hide).await?;
        }
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "report.moderate", "report", r.report_id)
            .details(serde_json::json!({ "published": publish, "hidden_photos": f.hide.len() })),
    )
    .await?;
    tx.commit().await?;
    report_page(&state, &ctx, &id, Some(tr.t("reports-saved").into_owned())).await
}

#[derive(Deserialize)]
pub struct NoteForm {
    #[serde(default)]
    text: String,
}

/// `POST /{tenant}/staff/reports/{id}/notes`: an internal note.
pub async fn note(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(f): CsrfForm<NoteForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::WorkOnReports)?;
    let me = ctx.principal()?.user_id;
    let r = scoped_report(&state, &ctx, &id).await?;
    let text = f.text.trim();
    if text.is_empty() || text.chars().count() > model::MAX_DESCRIPTION {
        return Err(invalid(ctx.lang(), "reports-err-note-length"));
    }
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    store::insert_update(
        &mut tx,
        tenant.id,
        r.report_id,
        None,
        text,
        true,
        Some(me),
        now,
    )
    .await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "report.note", "report", r.report_id),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/reports/{}", tenant.slug, r.report_id)).into_response())
}

/// `GET /{tenant}/staff/reports/{id}/photos/{file}`: any photo of a report
/// in scope (hidden ones too).
pub async fn photo(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id, file)): Path<(String, String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let r = scoped_report(&state, &ctx, &id).await?;
    let (pid, thumb, data) = photo_file(&state, tenant.id, &file).await?;
    let Some(p) = store::photo(&state.db, tenant.id, pid).await? else {
        return Err(WebError::not_found());
    };
    if p.report_id != r.report_id {
        return Err(WebError::not_found());
    }
    let mime = if thumb { "image/jpeg" } else { p.mime.as_str() };
    Ok(image_response(mime, data, false))
}

// ---------------------------------------------------------------------
// Statistics

pub struct StatLine {
    pub label: String,
    pub count: i64,
}

#[derive(Template)]
#[template(path = "reports/staff_statistics.html")]
struct StatisticsPage {
    page: PageCtx,
    total: i64,
    overdue: i64,
    by_category: Vec<StatLine>,
    by_status: Vec<StatLine>,
    by_district: Vec<StatLine>,
}

/// `GET /{tenant}/staff/report-statistics`: counts by category, status,
/// district and the overdue ones, each one aggregate query on indexes.
pub async fn statistics(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let s = setup(&state, tenant).await?;
    let lang = ctx.lang();
    let tr = Tr::new(lang);
    let (cells, overdue) = tokio::try_join!(
        store::counts(&state.db, tenant.id),
        overdue_count(&state, tenant.id),
    )?;
    let sum = |key: &dyn Fn(&store::CountCell) -> String| {
        let mut m: std::collections::BTreeMap<String, i64> = std::collections::BTreeMap::new();
        for c in &cells {
            *m.entry(key(c)).or_default() += c.3;
        }
        let mut v: Vec<(String, i64)> = m.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    };
    let by_category = sum(&|c| {
        s.category(c.0)
            .map(|c| c.name(lang).to_owned())
            .unwrap_or_default()
    });
    let by_status = sum(&|c| tr.t(&model::key("status", &c.1)).into_owned());
    let by_district = sum(&|c| match s.district_name(Some(&c.2)) {
        n if n.is_empty() => tr.t("reports-no-district").into_owned(),
        n => n,
    });
    let total = cells.iter().map(|c| c.3).sum();
    let line = |(label, count): (String, i64)| StatLine { label, count };
    let tpl = StatisticsPage {
        page: PageCtx::new(&ctx, "reports-stats-title"),
        total,
        overdue,
        by_category: by_category.into_iter().map(line).collect(),
        by_status: by_status.into_iter().map(line).collect(),
        by_district: by_district.into_iter().map(line).collect(),
    };
    Ok(no_store(page::ok(&tpl)?))
}

async fn overdue_count(
    state: &AppState,
    tenant: crate::platform::tenants::TenantId,
) -> Result<i64, crate::platform::db::DbError> {
    let f = Filter {
        overdue_at: Some(state.clock.now_ts()),
        ..Filter::default()
    };
    store::count(&state.db, tenant, &f).await
}

// ---------------------------------------------------------------------
// Neighbourhood-lab import

#[derive(Template)]
#[template(path = "reports/staff_import.html")]
struct ImportPage {
    page: PageCtx,
    message: Option<String>,
    error: Option<String>,
}

/// `GET /{tenant}/staff/report-import`
pub async fn import_form(ctx: Ctx) -> Result<Response, WebError> {
    let tpl = ImportPage {
        page: PageCtx::new(&ctx, "reports-import-title"),
        message: None,
        error: None,
    };
    Ok(no_store(page::ok(&tpl)?))
}

/// One unsafe place from a neighbourhood lab.
#[derive(Debug, Clone, PartialEq)]
pub struct LabPlace {
    pub lat: f64,
    pub lon: f64,
    pub category: String,
    pub time_of_day: Option<TimeOfDay>,
    pub description: String,
    pub address: String,
}

/// Why a lab file was refused; [`LabError::message`] says it in the
/// user's language. Entries are counted from 1 (features) or name the
/// CSV line (the header is line 1).
#[derive(Debug, Clone, PartialEq)]
pub enum LabError {
    NotUtf8,
    /// The GeoJSON or CSV parser's own words (technical detail).
    Unreadable(String),
    NotCollection,
    NotPoint(usize),
    NoCoordinates(usize),
    NoLatLon,
    NotNumber(usize, &'static str),
    BadCoordinates(usize),
    UnknownTime(usize, String),
    TooLong(usize),
    Empty,
    Outside(usize),
    NotUnsafePlace(usize, String),
}

impl LabError {
    pub fn message(&self, tr: &Tr) -> String {
        match self {
            LabError::NotUtf8 => tr.t("reports-import-not-utf8").into_owned(),
            LabError::Unreadable(d) => tr.t1("reports-import-unreadable", "detail", d),
            LabError::NotCollection => tr.t("reports-import-not-collection").into_owned(),
            LabError::NotPoint(n) => tr.t1("reports-import-not-point", "n", n),
            LabError::NoCoordinates(n) => tr.t1("reports-import-no-coordinates", "n", n),
            LabError::NoLatLon => tr.t("reports-import-no-lat-lon").into_owned(),
            LabError::NotNumber(n, col) => format!(
                "{} {}",
                tr.t1("reports-import-entry", "n", n),
                tr.t1("reports-import-not-number", "column", col)
            ),
            LabError::BadCoordinates(n) => tr.t1("reports-import-bad-coordinates", "n", n),
            LabError::UnknownTime(n, v) => format!(
                "{} {}",
                tr.t1("reports-import-entry", "n", n),
                tr.t1("reports-import-unknown-time", "value", v)
            ),
            LabError::TooLong(n) => tr.t1("reports-import-too-long", "n", n),
            LabError::Empty => tr.t("reports-import-empty").into_owned(),
            LabError::Outside(n) => tr.t1("reports-import-outside", "n", n),
            LabError::NotUnsafePlace(n, v) => format!(
                "{} {}",
                tr.t1("reports-import-entry", "n", n),
                tr.t1("reports-import-not-unsafe-place", "value", v)
            ),
        }
    }
}

/// Parses lab results: a GeoJSON FeatureCollection of points or a CSV
/// with the columns `lat`, `lon`, `category`, `time_of_day`,
/// `description`, `address`. Errors name the entry.
pub fn parse_lab(text: &str) -> Result<Vec<LabPlace>, LabError> {
    let trimmed = text.trim_start();
    let mut out = Vec::new();
    if trimmed.starts_with('{') {
        let gj: geojson::GeoJson = trimmed
            .parse()
            .map_err(|e: geojson::Error| LabError::Unreadable(e.to_string()))?;
        let geojson::GeoJson::FeatureCollection(fc) = gj else {
            return Err(LabError::NotCollection);
        };
        for (i, f) in fc.features.iter().enumerate() {
            let Some(geojson::Value::Point(p)) = f.geometry.as_ref().map(|g| &g.value) else {
                return Err(LabError::NotPoint(i + 1));
            };
            let (Some(lon), Some(lat)) = (p.first(), p.get(1)) else {
                return Err(LabError::NoCoordinates(i + 1));
            };
            let prop = |k: &str| {
                f.property(k)
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .trim()
                    .to_owned()
            };
            out.push(lab_place(
                i + 1,
                *lat,
                *lon,
                &prop("category"),
                &prop("time_of_day"),
                prop("description"),
                prop("address"),
            )?);
        }
    } else {
        let mut r = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let headers = r
            .headers()
            .map_err(|e| LabError::Unreadable(e.to_string()))?
            .clone();
        let col = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
        let (Some(la), Some(lo)) = (col("lat"), col("lon")) else {
            return Err(LabError::NoLatLon);
        };
        for (i, rec) in r.records().enumerate() {
            let rec = rec.map_err(|e| LabError::Unreadable(format!("{}: {e}", i + 2)))?;
            let get = |c: Option<usize>| c.and_then(|c| rec.get(c)).unwrap_or("").to_owned();
            let lat = get(Some(la))
                .parse::<f64>()
                .map_err(|_| LabError::NotNumber(i + 2, "lat"))?;
            let lon = get(Some(lo))
                .parse::<f64>()
                .map_err(|_| LabError::NotNumber(i + 2, "lon"))?;
            out.push(lab_place(
                i + 2,
                lat,
                lon,
                &get(col("category")),
                &get(col("time_of_day")),
                get(col("description")),
                get(col("address")),
            )?);
        }
    }
    if out.is_empty() {
        return Err(LabError::Empty);
    }
    Ok(out)
}

fn lab_place(
    n: usize,
    lat: f64,
    lon: f64,
    category: &str,
    time: &str,
    description: String,
    address: String,
) -> Result<LabPlace, LabError> {
    if !lat.is_finite() || !lon.is_finite() {
        return Err(LabError::BadCoordinates(n));
    }
    let time_of_day = match time {
        "" => None,
        t => Some(TimeOfDay::parse(t).ok_or_else(|| LabError::UnknownTime(n, t.to_owned()))?),
    };
    if description.chars().count() > model::MAX_DESCRIPTION
        || address.chars().count() > model::MAX_LINE
    {
        return Err(LabError::TooLong(n));
    }
    Ok(LabPlace {
        lat,
        lon,
        category: if category.is_empty() {
            "other-unsafe".into()
        } else {
            category.to_owned()
        },
        time_of_day,
        description,
        address,
    })
}

/// Checks parsed lab places against the tenant (area, categories).
fn check_lab(s: &TenantSetup, places: &[LabPlace]) -> Result<(), LabError> {
    for (i, p) in places.iter().enumerate() {
        if !s.area.contains(p.lat, p.lon) {
            return Err(LabError::Outside(i + 1));
        }
        match s.by_code(&p.category) {
            Some(c) if c.kind == Kind::UnsafePlace => {}
            _ => return Err(LabError::NotUnsafePlace(i + 1, p.category.clone())),
        }
    }
    Ok(())
}

/// `POST /{tenant}/staff/report-import` (multipart, field `file`): all or
/// nothing; the places are published as the lab's results.
pub async fn import(
    State(state): State<AppState>,
    ctx: Ctx,
    form: CsrfMultipart,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageReports)?;
    let s = setup(&state, &tenant).await?;
    let tr = Tr::new(ctx.lang());
    let parsed = match form.file("file") {
        None => Err(tr.t("reports-import-no-file").into_owned()),
        Some(f) => match std::str::from_utf8(&f.bytes) {
            Err(_) => Err(LabError::NotUtf8.message(&tr)),
            Ok(text) => parse_lab(text)
                .and_then(|p| check_lab(&s, &p).map(|_| p))
                .map_err(|e| e.message(&tr)),
        },
    };
    let places = match parsed {
        Ok(p) => p,
        Err(e) => {
            let tpl = ImportPage {
                page: PageCtx::new(&ctx, "reports-import-title"),
                message: None,
                error: Some(e),
            };
            return Ok(no_store(page::render(
                &tpl,
                StatusCode::UNPROCESSABLE_ENTITY,
            )?));
        }
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    for p in &places {
        let Some(cat) = s.by_code(&p.category) else {
            continue;
        };
        let id = Uuid::now_v7();
        let district = model::nearest_district(&s.districts, p.lat, p.lon);
        let text = if p.description.is_empty() {
            tr.t("reports-import-default-text").into_owned()
        } else {
            p.description.clone()
        };
        store::insert_report(
            &mut tx,
            tenant.id,
            &store::NewReport {
                report_id: id,
                category: cat,
                district_code: district.as_deref(),
                lat: Some(p.lat),
                lon: Some(p.lon),
                address: &p.address,
                description: &text,
                public_description: Some(&text),
                time_of_day: p.time_of_day.map(|t| t.as_str()),
                walk: false,
                reporter_name: None,
                reporter_email: None,
                reporter_lang: "de",
                follow_hash: None,
                token: &id.simple().to_string(),
                source: "lab",
                status: Status::Open,
                created_at: now,
            },
        )
        .await?;
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "report.import", "report", tenant.id)
            .details(serde_json::json!({ "places": places.len() })),
    )
    .await?;
    tx.commit().await?;
    let tpl = ImportPage {
        page: PageCtx::new(&ctx, "reports-import-title"),
        message: Some(tr.tn("reports-import-done", "n", places.len() as i64)),
        error: None,
    };
    Ok(no_store(page::ok(&tpl)?))
}

// ---------------------------------------------------------------------
// Administration: categories and Open311 clients

pub struct CategoryRow {
    pub id: String,
    pub code: String,
    pub kind_key: String,
    pub name_de: String,
    pub name_en: String,
    pub radius_m: i32,
    pub ack_hours: i32,
    pub resolve_hours: i32,
    pub active: bool,
    pub department: String,
}

#[derive(Template)]
#[template(path = "reports/admin_categories.html")]
struct CategoriesPage {
    page: PageCtx,
    rows: Vec<CategoryRow>,
    departments: Vec<Opt>,
    message: Option<String>,
}

async fn categories_page(
    state: &AppState,
    ctx: &Ctx,
    message: Option<String>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let s = setup(state, tenant).await?;
    let deps = store::departments(&state.db, tenant.id).await?;
    let rows = s
        .categories
        .iter()
        .map(|c| CategoryRow {
            id: c.id.to_string(),
            code: c.code.clone(),
            kind_key: model::key("kind", c.kind.as_str()),
            name_de: c.names.get("de").map(|n| n.0.clone()).unwrap_or_default(),
            name_en: c.names.get("en").map(|n| n.0.clone()).unwrap_or_default(),
            radius_m: c.radius_m,
            ack_hours: c.ack_hours,
            resolve_hours: c.resolve_hours,
            active: c.active,
            department: c
                .routes
                .iter()
                .find(|(d, _)| d.is_empty())
                .map(|(_, id)| id.to_string())
                .unwrap_or_default(),
        })
        .collect();
    let tpl = CategoriesPage {
        page: PageCtx::new(ctx, "reports-categories-title"),
        rows,
        departments: deps
            .iter()
            .map(|d| Opt {
                value: d.id.to_string(),
                label: d.name.clone(),
            })
            .collect(),
        message,
    };
    Ok(no_store(page::ok(&tpl)?))
}

/// `GET /{tenant}/admin/report-categories`
pub async fn categories(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    categories_page(&state, &ctx, None).await
}

#[derive(Deserialize)]
pub struct CategoryForm {
    #[serde(default)]
    name_de: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    radius_m: String,
    #[serde(default)]
    ack_hours: String,
    #[serde(default)]
    resolve_hours: String,
    #[serde(default)]
    active: String,
    #[serde(default)]
    department: String,
}

/// `POST /{tenant}/admin/report-categories/{id}`
pub async fn save_category(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(f): CsrfForm<CategoryForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ConfigureReports)?;
    let s = setup(&state, &tenant).await?;
    let id = Uuid::parse_str(&id).map_err(|_| WebError::not_found())?;
    let mut cat = s.category(id).cloned().ok_or_else(WebError::not_found)?;
    let num = |v: &str, max: i32| {
        v.trim()
            .parse::<i32>()
            .ok()
            .filter(|n| (1..=max).contains(n))
            .ok_or_else(|| invalid(ctx.lang(), "reports-err-numbers"))
    };
    cat.radius_m = num(&f.radius_m, 5000)?;
    cat.ack_hours = num(&f.ack_hours, 24 * 365)?;
    cat.resolve_hours = num(&f.resolve_hours, 24 * 365)?;
    cat.active = f.active == "yes";
    let (de, en) = (f.name_de.trim(), f.name_en.trim());
    if de.is_empty() || de.chars().count() > 120 || en.chars().count() > 120 {
        return Err(invalid(ctx.lang(), "reports-err-name-de"));
    }
    let department = match f.department.trim() {
        "" => None,
        d => {
            let d = Uuid::parse_str(d)
                .map_err(|_| invalid(ctx.lang(), "reports-err-unknown-department"))?;
            if !store::departments(&state.db, tenant.id)
                .await?
                .iter()
                .any(|x| x.id == d)
            {
                return Err(invalid(ctx.lang(), "reports-err-unknown-department"));
            }
            Some(d)
        }
    };
    // The form shows one default department; a category routed to several
    // by default (unsafe places) keeps them unless another one is chosen
    // (the routing page edits the full set).
    let department = department.filter(|d| {
        !cat.routes
            .iter()
            .any(|(district, id)| district.is_empty() && id == d)
    });
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    store::update_category(&mut tx, tenant.id, &cat, department).await?;
    let hint = |l: &str| cat.names.get(l).map(|n| n.1.clone()).unwrap_or_default();
    store::set_name(&mut tx, tenant.id, id, "de", de, &hint("de")).await?;
    if !en.is_empty() {
        store::set_name(&mut tx, tenant.id, id, "en", en, &hint("en")).await?;
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "report.category", "report_category", id),
    )
    .await?;
    tx.commit().await?;
    super::reports(&state)?.forget(tenant.id);
    categories_page(
        &state,
        &ctx,
        Some(Tr::new(ctx.lang()).t("reports-saved").into_owned()),
    )
    .await
}

// ---------------------------------------------------------------------
// Administration: routing by category and district

/// A category on the routing overview: its default departments and the
/// districts routed elsewhere.
pub struct RoutingLine {
    pub code: String,
    pub name: String,
    pub kind_key: String,
    pub default: String,
    /// (district name, departments)
    pub overrides: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "reports/admin_routing.html")]
struct RoutingPage {
    page: PageCtx,
    lines: Vec<RoutingLine>,
    message: Option<String>,
}

/// One department checkbox of a row of the routing form.
pub struct RoutingChoice {
    pub id: String,
    pub value: String,
    pub label: String,
    pub checked: bool,
}

/// A row of the routing form: every district (the default) or one
/// district.
pub struct RoutingRow {
    pub id: String,
    pub label: String,
    pub is_default: bool,
    pub choices: Vec<RoutingChoice>,
}

#[derive(Template)]
#[template(path = "reports/admin_routing_edit.html")]
struct RoutingEditPage {
    page: PageCtx,
    code: String,
    name: String,
    rows: Vec<RoutingRow>,
    error: Option<String>,
}

/// The names of the departments with these ids, in the tenant's order.
fn department_names(s: &TenantSetup, ids: &[Uuid]) -> String {
    s.departments
        .iter()
        .filter(|d| ids.contains(&d.id))
        .map(|d| d.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

async fn routing_page(
    state: &AppState,
    ctx: &Ctx,
    message: Option<String>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let s = setup(state, tenant).await?;
    let lines = s
        .categories
        .iter()
        .map(|c| {
            let of = |district: &str| -> Vec<Uuid> {
                c.routes
                    .iter()
                    .filter(|(d, _)| d == district)
                    .map(|(_, id)| *id)
                    .collect()
            };
            RoutingLine {
                code: c.code.clone(),
                name: c.name(ctx.lang()).to_owned(),
                kind_key: model::key("kind", c.kind.as_str()),
                default: department_names(&s, &of("")),
                overrides: s
                    .districts
                    .iter()
                    .filter_map(|d| {
                        let ids = of(&d.code);
                        (!ids.is_empty()).then(|| (d.name.clone(), department_names(&s, &ids)))
                    })
                    .collect(),
            }
        })
        .collect();
    let tpl = RoutingPage {
        page: PageCtx::new(ctx, "reports-routing-title"),
        lines,
        message,
    };
    Ok(no_store(page::ok(&tpl)?))
}

/// `GET /{tenant}/admin/report-routing`: every category with its default
/// departments and the districts routed elsewhere.
pub async fn routing(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    routing_page(&state, &ctx, None).await
}

fn routing_edit_page(
    ctx: &Ctx,
    s: &TenantSetup,
    cat: &model::Category,
    error: Option<String>,
) -> Result<Response, WebError> {
    let tr = Tr::new(ctx.lang());
    let row = |n: usize, district: &str, label: String| RoutingRow {
        id: format!("row-{n}"),
        label,
        is_default: district.is_empty(),
        choices: s
            .departments
            .iter()
            .enumerate()
            .map(|(i, d)| RoutingChoice {
                id: format!("r{n}-{i}"),
                value: format!("{district}|{}", d.code),
                label: d.name.clone(),
                checked: cat
                    .routes
                    .iter()
                    .any(|(x, id)| x == district && *id == d.id),
            })
            .collect(),
    };
    let mut rows = vec![row(
        0,
        "",
        tr.t("reports-routing-every-district").into_owned(),
    )];
    for (i, d) in s.districts.iter().enumerate() {
        rows.push(row(i + 1, &d.code, d.name.clone()));
    }
    let tpl = RoutingEditPage {
        page: PageCtx::new(ctx, "reports-routing-edit-title"),
        code: cat.code.clone(),
        name: cat.name(ctx.lang()).to_owned(),
        rows,
        error: error.clone(),
    };
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok(no_store(page::render(&tpl, status)?))
}

/// `GET /{tenant}/admin/report-routing/{code}`: the departments of one
/// category, for every district and per district.
pub async fn routing_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, code)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let s = setup(&state, tenant).await?;
    let cat = s.by_code(&code).ok_or_else(WebError::not_found)?;
    routing_edit_page(&ctx, &s, cat, None)
}

/// Parses the checked boxes (`route` = `district|department`, district
/// empty for every district) against the tenant's districts and
/// departments. The message names what is wrong.
pub fn parse_routes(
    s: &TenantSetup,
    tr: &Tr,
    fields: &[(String, String)],
) -> Result<Vec<(String, Uuid)>, String> {
    let mut out: Vec<(String, Uuid)> = Vec::new();
    for (_, v) in fields.iter().filter(|(k, _)| k == "route") {
        let Some((district, dep)) = v.split_once('|') else {
            return Err(tr.t1("reports-routing-unknown", "value", v));
        };
        if !district.is_empty() && !s.districts.iter().any(|d| d.code == district) {
            return Err(tr.t1("reports-routing-unknown-district", "value", district));
        }
        let Some(d) = s.departments.iter().find(|d| d.code == dep) else {
            return Err(tr.t1("reports-routing-unknown-department", "value", dep));
        };
        if !out.iter().any(|(x, id)| x == district && *id == d.id) {
            out.push((district.to_owned(), d.id));
        }
    }
    if !out.iter().any(|(d, _)| d.is_empty()) {
        return Err(tr.t("reports-routing-no-default").into_owned());
    }
    Ok(out)
}

/// `POST /{tenant}/admin/report-routing/{code}`: replaces the category's
/// routing (all or nothing, audited). New reports follow it at once on
/// this instance.
pub async fn save_routing(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, code)): Path<(String, String)>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ConfigureReports)?;
    let s = setup(&state, &tenant).await?;
    let cat = s.by_code(&code).ok_or_else(WebError::not_found)?;
    let tr = Tr::new(ctx.lang());
    let routes = match parse_routes(&s, &tr, &fields) {
        Ok(r) => r,
        Err(e) => return routing_edit_page(&ctx, &s, cat, Some(e)),
    };
    let now = state.clock.now_ts();
    let named: Vec<serde_json::Value> = routes
        .iter()
        .map(|(d, id)| {
            let dep = s
                .departments
                .iter()
                .find(|x| x.id == *id)
                .map(|x| x.code.as_str())
                .unwrap_or_default();
            serde_json::json!({ "district": d, "department": dep })
        })
        .collect();
    let mut tx = state.db.begin().await?;
    store::replace_routes(&mut tx, tenant.id, cat.id, &routes).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "report.routing", "report_category", cat.id)
            .details(serde_json::json!({ "category": cat.code, "routes": named })),
    )
    .await?;
    tx.commit().await?;
    super::reports(&state)?.forget(tenant.id);
    routing_page(&state, &ctx, Some(tr.t("reports-saved").into_owned())).await
}

// ---------------------------------------------------------------------
// Administration: the map's tile server

#[derive(Template)]
#[template(path = "reports/admin_map.html")]
struct MapSettingsPage {
    page: PageCtx,
    errors: crate::platform::web::page::FormErrors,
    tile_url: String,
    attribution: String,
    message: Option<String>,
}

fn map_settings_page(
    ctx: &Ctx,
    tile_url: String,
    attribution: String,
    errors: crate::platform::web::page::FormErrors,
    message: Option<String>,
) -> Result<Response, WebError> {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let tpl = MapSettingsPage {
        page: PageCtx::new(ctx, "reports-tiles-title"),
        errors,
        tile_url,
        attribution,
        message,
    };
    Ok(no_store(page::render(&tpl, status)?))
}

/// `GET /{tenant}/admin/report-map`: the tile server of the public map.
pub async fn map_settings(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let (url, attribution) = store::tile_server(&state.db, tenant.id)
        .await?
        .unwrap_or_default();
    map_settings_page(&ctx, url, attribution, Default::default(), None)
}

#[derive(Deserialize)]
pub struct MapSettingsForm {
    #[serde(default)]
    tile_url: String,
    #[serde(default)]
    attribution: String,
}

/// `POST /{tenant}/admin/report-map`: sets the tile server (validated,
/// audited); an empty address removes it and the map is drawn without
/// tiles again.
pub async fn save_map_settings(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(f): CsrfForm<MapSettingsForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ConfigureReports)?;
    let tr = Tr::new(ctx.lang());
    let server = if f.tile_url.trim().is_empty() {
        None
    } else {
        match model::TileServer::parse(&f.tile_url, &f.attribution) {
            Ok(t) => Some(t),
            Err(problems) => {
                let mut errors = crate::platform::web::page::FormErrors::new();
                for p in problems {
                    let field = match p {
                        model::TileProblem::Attribution => "attribution",
                        _ => "tile_url",
                    };
                    errors.add(field, tr.t(p.key()));
                }
                return map_settings_page(&ctx, f.tile_url, f.attribution, errors, None);
            }
        }
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    store::set_tile_server(
        &mut tx,
        tenant.id,
        server
            .as_ref()
            .map(|t| (t.template.as_str(), t.attribution.as_str())),
        now,
    )
    .await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "report.map_settings", "tenant", tenant.id).details(
            serde_json::json!({ "tile_url": server.as_ref().map(|t| t.template.clone()) }),
        ),
    )
    .await?;
    tx.commit().await?;
    super::reports(&state)?.forget(tenant.id);
    let (url, attribution) = server
        .map(|t| (t.template, t.attribution))
        .unwrap_or_default();
    map_settings_page(
        &ctx,
        url,
        attribution,
        Default::default(),
        Some(tr.t("reports-saved").into_owned()),
    )
}

pub struct ClientLine {
    pub id: String,
    pub name: String,
    pub created: String,
    pub revoked: bool,
}

#[derive(Template)]
#[template(path = "reports/admin_clients.html")]
struct ClientsPage {
    page: PageCtx,
    clients: Vec<ClientLine>,
    new_key: Option<String>,
}

async fn clients_page(
    state: &AppState,
    ctx: &Ctx,
    new_key: Option<String>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let clients = store::clients(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|c| ClientLine {
            id: c.client_id.to_string(),
            name: c.name,
            created: local(c.created_at, &tenant.time_zone),
            revoked: c.revoked_at.is_some(),
        })
        .collect();
    let tpl = ClientsPage {
        page: PageCtx::new(ctx, "reports-clients-title"),
        clients,
        new_key,
    };
    Ok(no_store(page::ok(&tpl)?))
}

/// `GET /{tenant}/admin/open311-clients`
pub async fn clients(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    clients_page(&state, &ctx, None).await
}

#[derive(Deserialize)]
pub struct ClientForm {
    #[serde(default)]
    name: String,
}

/// Creates an Open311 client key (shown once, stored as a hash).
pub async fn new_client(
    state: &AppState,
    tenant: crate::platform::tenants::TenantId,
    actor: crate::platform::audit::Actor,
    name: &str,
) -> Result<String, WebError> {
    let (key, hash) = new_secret();
    let id = Uuid::now_v7();
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    store::insert_client(&mut tx, tenant, id, name, &hash, now).await?;
    audit::append(
        &mut tx,
        tenant,
        now,
        &Entry::new(actor, "open311.client.create", "open311_client", id),
    )
    .await?;
    tx.commit().await?;
    Ok(key)
}

/// `POST /{tenant}/admin/open311-clients`
pub async fn create_client(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(f): CsrfForm<ClientForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ConfigureReports)?;
    let name = f.name.trim();
    if name.is_empty() || name.chars().count() > 120 {
        return Err(invalid(ctx.lang(), "reports-err-client-name"));
    }
    let key = new_client(&state, tenant.id, actor, name).await?;
    clients_page(&state, &ctx, Some(key)).await
}

#[derive(Deserialize)]
pub struct Nothing {}

/// `POST /{tenant}/admin/open311-clients/{id}/revoke`
pub async fn revoke_client(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<Nothing>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ConfigureReports)?;
    let id = Uuid::parse_str(&id).map_err(|_| WebError::not_found())?;
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    if !store::revoke_client(&mut tx, tenant.id, id, now).await? {
        return Err(WebError::not_found());
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "open311.client.revoke", "open311_client", id),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/admin/open311-clients", tenant.slug)).into_response())
}

/// The hash under which a client key is stored.
pub fn key_hash(key: &str) -> [u8; 32] {
    secret_hash(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lab_csv_and_geojson() {
        let csv = "lat,lon,category,time_of_day,description,address\n51.51,7.46,poorly-lit,night,Dunkle Unterführung,Bahnhof\n";
        let p = parse_lab(csv).unwrap();
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].time_of_day, Some(TimeOfDay::Night));
        let gj = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"time_of_day":"evening"},"geometry":{"type":"Point","coordinates":[7.46,51.51]}}]}"#;
        let p = parse_lab(gj).unwrap();
        assert_eq!(p[0].category, "other-unsafe");
        assert!((p[0].lat - 51.51).abs() < 1e-9);
        assert!(parse_lab("lat,lon\nx,7\n").is_err());
        assert!(parse_lab("a,b\n1,2\n").is_err());
        assert!(parse_lab("lat,lon,time_of_day\n51,7,noon\n").is_err());
    }
}
