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
    let status =
        Status::parse(&f.status).ok_or_else(|| WebError::unprocessable("unknown status"))?;
    let note = f.note.trim();
    let text = f.text.trim();
    if status.needs_note() && note.is_empty() {
        return Err(WebError::unprocessable(
            "this status needs a reason or the responsible body",
        ));
    }
    if note.chars().count() > model::MAX_LINE || text.chars().count() > model::MAX_DESCRIPTION {
        return Err(WebError::unprocessable("the text is too long"));
    }
    let duplicate_of = if status == Status::Duplicate {
        let d = Uuid::parse_str(f.duplicate_of.trim())
            .map_err(|_| WebError::unprocessable("name the report this one duplicates"))?;
        if d == r.report_id || store::report(&state.db, tenant.id, d).await?.is_none() {
            return Err(WebError::unprocessable(
                "the original report does not exist",
            ));
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
    // The reporter and the subscribers, each in their language.
    let mut to: Vec<(String, String)> = Vec::new();
    if let Some(e) = &r.reporter_email {
        to.push((e.clone(), r.reporter_lang.clone()));
    }
    for (e, l) in
        store::subscribers(&mut tx, tenant.id, r.report_id, r.district_code.as_deref()).await?
    {
        if !to.iter().any(|(x, _)| x.eq_ignore_ascii_case(&e)) {
            to.push((e, l));
        }
    }
    let link = ctx.absolute_url(
        &state,
        &format!("/{}/reports/view/{}", tenant.slug, r.report_id),
    );
    for (addr, l) in to {
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
        crate::platform::mail::enqueue(
            &mut tx,
            tenant.id,
            &crate::platform::mail::OutgoingMail {
                to: addr,
                subject: t.t("reports-mail-status-subject").into_owned(),
                body_text: body,
            },
            now,
        )
        .await?;
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
        return Err(WebError::unprocessable("the public text is too long"));
    }
    let publish = f.action == "publish";
    if publish && text.is_empty() {
        return Err(WebError::unprocessable(
            "a published report needs a public text",
        ));
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
        return Err(WebError::unprocessable(
            "a note needs 1 to 4,000 characters",
        ));
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

/// Parses lab results: a GeoJSON FeatureCollection of points or a CSV
/// with the columns `lat`, `lon`, `category`, `time_of_day`,
/// `description`, `address`. Errors name the row.
pub fn parse_lab(text: &str) -> Result<Vec<LabPlace>, String> {
    let trimmed = text.trim_start();
    let mut out = Vec::new();
    if trimmed.starts_with('{') {
        let gj: geojson::GeoJson = trimmed.parse().map_err(|e: geojson::Error| e.to_string())?;
        let geojson::GeoJson::FeatureCollection(fc) = gj else {
            return Err("expected a FeatureCollection".into());
        };
        for (i, f) in fc.features.iter().enumerate() {
            let Some(geojson::Value::Point(p)) = f.geometry.as_ref().map(|g| &g.value) else {
                return Err(format!("feature {}: geometry must be a Point", i + 1));
            };
            let (Some(lon), Some(lat)) = (p.first(), p.get(1)) else {
                return Err(format!("feature {}: no coordinates", i + 1));
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
        let headers = r.headers().map_err(|e| e.to_string())?.clone();
        let col = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
        let (Some(la), Some(lo)) = (col("lat"), col("lon")) else {
            return Err("the CSV needs the columns lat and lon".into());
        };
        for (i, rec) in r.records().enumerate() {
            let rec = rec.map_err(|e| format!("row {}: {e}", i + 2))?;
            let get = |c: Option<usize>| c.and_then(|c| rec.get(c)).unwrap_or("").to_owned();
            let lat = get(Some(la))
                .parse::<f64>()
                .map_err(|_| format!("row {}: lat is not a number", i + 2))?;
            let lon = get(Some(lo))
                .parse::<f64>()
                .map_err(|_| format!("row {}: lon is not a number", i + 2))?;
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
        return Err("no places in the file".into());
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
) -> Result<LabPlace, String> {
    if !lat.is_finite() || !lon.is_finite() {
        return Err(format!("entry {n}: coordinates are not numbers"));
    }
    let time_of_day = match time {
        "" => None,
        t => Some(
            TimeOfDay::parse(t).ok_or_else(|| format!("entry {n}: unknown time of day {t:?}"))?,
        ),
    };
    if description.chars().count() > model::MAX_DESCRIPTION
        || address.chars().count() > model::MAX_LINE
    {
        return Err(format!("entry {n}: text too long"));
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
fn check_lab(s: &TenantSetup, places: &[LabPlace]) -> Result<(), String> {
    for (i, p) in places.iter().enumerate() {
        if !s.area.contains(p.lat, p.lon) {
            return Err(format!("entry {}: outside the municipality", i + 1));
        }
        match s.by_code(&p.category) {
            Some(c) if c.kind == Kind::UnsafePlace => {}
            _ => {
                return Err(format!(
                    "entry {}: {:?} is not an unsafe-place category",
                    i + 1,
                    p.category
                ))
            }
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
            Err(_) => Err("the file is not UTF-8 text".to_owned()),
            Ok(text) => parse_lab(text).and_then(|p| check_lab(&s, &p).map(|_| p)),
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
            .ok_or_else(|| WebError::unprocessable("numbers must be positive and within limits"))
    };
    cat.radius_m = num(&f.radius_m, 5000)?;
    cat.ack_hours = num(&f.ack_hours, 24 * 365)?;
    cat.resolve_hours = num(&f.resolve_hours, 24 * 365)?;
    cat.active = f.active == "yes";
    let (de, en) = (f.name_de.trim(), f.name_en.trim());
    if de.is_empty() || de.chars().count() > 120 || en.chars().count() > 120 {
        return Err(WebError::unprocessable(
            "a German name of up to 120 characters is required",
        ));
    }
    let department = match f.department.trim() {
        "" => None,
        d => {
            let d =
                Uuid::parse_str(d).map_err(|_| WebError::unprocessable("unknown department"))?;
            if !store::departments(&state.db, tenant.id)
                .await?
                .iter()
                .any(|x| x.id == d)
            {
                return Err(WebError::unprocessable("unknown department"));
            }
            Some(d)
        }
    };
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
        return Err(WebError::unprocessable(
            "a name of up to 120 characters is required",
        ));
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
