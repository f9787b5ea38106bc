//! The residents' pages: reporting in three steps (category, place,
//! details — duplicates nearby are shown before the details), the receipt
//! with the private follow link, the follow page with reopening, the
//! public list with its map, a report's public page, subscriptions, photos
//! and the exports. Nothing here shows a reporter's name, e-mail or a
//! photo's metadata.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::map::{self, Marker, Outline};
use super::model::{self, Category, DetailsForm, Kind, PlaceForm, Status, TimeOfDay};
use super::store::{self, Filter, ReportRow};
use super::{local, setup, TenantSetup};
use crate::platform::audit::{self, Actor, Entry};
use crate::platform::auth::store::{new_secret, secret_hash};
use crate::platform::i18n::{Lang, Tr};
use crate::platform::web::extract::{CsrfForm, CsrfMultipart};
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

fn no_store(mut res: Response) -> Response {
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// A category for a choice list.
pub struct CategoryView {
    pub code: String,
    pub name: String,
    pub hint: String,
    pub unsafe_place: bool,
}

fn category_views(s: &TenantSetup, lang: Lang, kind: Option<Kind>) -> Vec<CategoryView> {
    s.categories
        .iter()
        .filter(|c| c.active && kind.is_none_or(|k| c.kind == k))
        .map(|c| CategoryView {
            code: c.code.clone(),
            name: c.name(lang).to_owned(),
            hint: c.description(lang).to_owned(),
            unsafe_place: c.kind == Kind::UnsafePlace,
        })
        .collect()
}

/// A value and its label.
pub struct Opt {
    pub value: String,
    pub label: String,
}

fn district_options(s: &TenantSetup) -> Vec<Opt> {
    s.districts
        .iter()
        .map(|d| Opt {
            value: d.code.clone(),
            label: d.name.clone(),
        })
        .collect()
}

fn times(tr: &Tr) -> Vec<Opt> {
    TimeOfDay::ALL
        .iter()
        .map(|t| Opt {
            value: t.as_str().to_owned(),
            label: tr.t(&model::key("time", t.as_str())).into_owned(),
        })
        .collect()
}

async fn outlines(
    state: &AppState,
    s: &TenantSetup,
    tenant: &crate::platform::tenants::Tenant,
) -> Result<Vec<Outline>, WebError> {
    let _ = s;
    Ok(store::district_outlines(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|(name, lat, lon, geometry)| Outline {
            name,
            centre: lat.zip(lon),
            rings: geometry.as_deref().map(map::rings).unwrap_or_default(),
        })
        .collect())
}

// ---------------------------------------------------------------------
// Step 1 and 2: category, place

#[derive(Template)]
#[template(path = "reports/new_category.html")]
struct CategoryPage {
    page: PageCtx,
    defects: Vec<CategoryView>,
    unsafe_places: Vec<CategoryView>,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "reports/new_place.html")]
struct PlacePage {
    page: PageCtx,
    category: CategoryView,
    form: PlaceForm,
    errors: FormErrors,
    districts: Vec<Opt>,
    times: Vec<Opt>,
    map: String,
    script: &'static str,
}

#[derive(Deserialize, Default)]
pub struct PlaceQuery {
    #[serde(default)]
    category: String,
    #[serde(default)]
    lat: String,
    #[serde(default)]
    lon: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    district: String,
    #[serde(default)]
    time_of_day: String,
}

impl PlaceQuery {
    fn form(&self) -> PlaceForm {
        PlaceForm {
            category: self.category.clone(),
            lat: self.lat.clone(),
            lon: self.lon.clone(),
            address: self.address.clone(),
            district: self.district.clone(),
            time_of_day: self.time_of_day.clone(),
        }
    }
}

fn active_category<'a>(s: &'a TenantSetup, code: &str) -> Option<&'a Category> {
    s.by_code(code).filter(|c| c.active)
}

fn category_view(c: &Category, lang: Lang) -> CategoryView {
    CategoryView {
        code: c.code.clone(),
        name: c.name(lang).to_owned(),
        hint: c.description(lang).to_owned(),
        unsafe_place: c.kind == Kind::UnsafePlace,
    }
}

async fn place_page(
    state: &AppState,
    ctx: &Ctx,
    s: &TenantSetup,
    cat: &Category,
    form: PlaceForm,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let tr = Tr::new(ctx.lang());
    let pin = form
        .lat
        .trim()
        .parse::<f64>()
        .ok()
        .zip(form.lon.trim().parse::<f64>().ok())
        .filter(|(a, b)| s.area.contains(*a, *b));
    let map = map::svg(
        s.area,
        &outlines(state, s, tenant).await?,
        &[],
        pin,
        &tr.t("reports-map-pick"),
        "pick-map",
    );
    let tpl = PlacePage {
        page: PageCtx::new(ctx, "reports-new-title"),
        category: category_view(cat, ctx.lang()),
        form,
        errors,
        districts: district_options(s),
        times: times(&tr),
        map,
        script: crate::platform::web::assets::url("reports-map.js"),
    };
    Ok(no_store(page::render(&tpl, status)?))
}

/// `GET /{tenant}/reports/new`: the categories, or (with `?category=`) the
/// place form.
pub async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<PlaceQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let s = setup(&state, tenant).await?;
    let lang = ctx.lang();
    match active_category(&s, &q.category) {
        Some(cat) => {
            place_page(
                &state,
                &ctx,
                &s,
                cat,
                q.form(),
                FormErrors::new(),
                StatusCode::OK,
            )
            .await
        }
        None => {
            let tr = Tr::new(lang);
            let tpl = CategoryPage {
                page: PageCtx::new(&ctx, "reports-new-title"),
                defects: category_views(&s, lang, Some(Kind::Defect)),
                unsafe_places: category_views(&s, lang, Some(Kind::UnsafePlace)),
                error: (!q.category.is_empty())
                    .then(|| tr.t("reports-error-category").into_owned()),
            };
            let status = if q.category.is_empty() {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            Ok(no_store(page::render(&tpl, status)?))
        }
    }
}

// ---------------------------------------------------------------------
// Step 3: duplicates and details

/// A report in a list.
pub struct ReportLine {
    pub id: String,
    pub category: String,
    pub status_key: String,
    pub status_note: Option<String>,
    pub district: String,
    pub address: String,
    pub text: Option<String>,
    pub created: String,
    pub distance: Option<String>,
    pub time_key: Option<String>,
}

fn line(s: &TenantSetup, r: &ReportRow, lang: Lang, tz: &str) -> ReportLine {
    ReportLine {
        id: r.report_id.to_string(),
        category: s
            .category(r.category_id)
            .map(|c| c.name(lang).to_owned())
            .unwrap_or_default(),
        status_key: model::key("status", &r.status),
        status_note: r.status_note.clone(),
        district: s.district_name(r.district_code.as_deref()),
        address: r.address.clone(),
        text: r.published.then(|| r.public_description.clone()).flatten(),
        created: local(r.created_at, tz),
        distance: None,
        time_key: r.time_of_day.as_deref().map(|t| model::key("time", t)),
    }
}

#[derive(Template)]
#[template(path = "reports/new_details.html")]
struct DetailsPage {
    page: PageCtx,
    category: CategoryView,
    place: PlaceForm,
    place_summary: String,
    duplicates: Vec<ReportLine>,
    form: DetailsForm,
    errors: FormErrors,
    photos_hint: String,
    max_description: usize,
}

fn photos_hint(tr: &Tr) -> String {
    tr.t1(
        "reports-field-photos-hint",
        "mb",
        model::MAX_PHOTO_BYTES / (1024 * 1024),
    )
}

fn place_summary(s: &TenantSetup, p: &model::Place, tr: &Tr) -> String {
    let mut parts = Vec::new();
    if !p.address.is_empty() {
        parts.push(p.address.clone());
    }
    let d = s.district_name(p.district.as_deref());
    if !d.is_empty() {
        parts.push(d);
    }
    if let (Some(a), Some(b)) = (p.lat, p.lon) {
        parts.push(tr.t1("reports-place-pin", "coords", format!("{a:.5}, {b:.5}")));
    }
    parts.join(" · ")
}

fn place_problems(tr: &Tr, problems: &[model::FieldProblem]) -> FormErrors {
    let mut e = FormErrors::new();
    for (f, k) in problems {
        e.add(f, tr.t(k));
    }
    e
}

/// Checks the time of day: required for unsafe places, ignored otherwise.
fn time_of_day(cat: &Category, v: &str) -> Result<Option<TimeOfDay>, model::FieldProblem> {
    if cat.kind != Kind::UnsafePlace {
        return Ok(None);
    }
    TimeOfDay::parse(v.trim())
        .map(Some)
        .ok_or(("time_of_day", "reports-error-time"))
}

#[allow(clippy::too_many_arguments)]
async fn details_page(
    state: &AppState,
    ctx: &Ctx,
    s: &TenantSetup,
    cat: &Category,
    form: PlaceForm,
    place: &model::Place,
    details: DetailsForm,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let tr = Tr::new(ctx.lang());
    let mut duplicates = Vec::new();
    if let (Some(lat), Some(lon)) = (place.lat, place.lon) {
        for r in store::open_nearby(
            &state.db,
            tenant.id,
            cat.id,
            lat,
            lon,
            f64::from(cat.radius_m),
        )
        .await?
        {
            let mut l = line(s, &r, ctx.lang(), &tenant.time_zone);
            if let (Some(a), Some(b)) = (r.lat, r.lon) {
                l.distance = Some(format!("{:.0}", open311::distance_m(lat, lon, a, b)));
            }
            duplicates.push(l);
        }
    }
    let tpl = DetailsPage {
        page: PageCtx::new(ctx, "reports-new-title"),
        category: category_view(cat, ctx.lang()),
        place_summary: place_summary(s, place, &tr),
        place: form,
        duplicates,
        form: details,
        errors,
        photos_hint: photos_hint(&tr),
        max_description: model::MAX_DESCRIPTION,
    };
    Ok(no_store(page::render(&tpl, status)?))
}

/// `GET /{tenant}/reports/new/details`: checks the place, shows open
/// reports of the same category nearby ("subscribe instead") and the
/// details form.
pub async fn details_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<PlaceQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let s = setup(&state, tenant).await?;
    let tr = Tr::new(ctx.lang());
    let Some(cat) = active_category(&s, &q.category) else {
        return new_form(
            State(state),
            ctx,
            Query(PlaceQuery {
                category: "-".into(),
                ..PlaceQuery::default()
            }),
        )
        .await;
    };
    let form = q.form();
    let checked = form.check(&s.area, &s.districts);
    let time = time_of_day(cat, &form.time_of_day);
    match (checked, time) {
        (Ok(place), Ok(_)) => {
            details_page(
                &state,
                &ctx,
                &s,
                cat,
                form,
                &place,
                DetailsForm::default(),
                FormErrors::new(),
                StatusCode::OK,
            )
            .await
        }
        (checked, time) => {
            let mut problems = checked.err().unwrap_or_default();
            if let Err(p) = time {
                problems.push(p);
            }
            let errors = place_problems(&tr, &problems);
            place_page(
                &state,
                &ctx,
                &s,
                cat,
                form,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

#[derive(Template)]
#[template(path = "reports/receipt.html")]
struct ReceiptPage {
    page: PageCtx,
    follow: String,
    report: String,
}

/// A photo checked and cleaned, ready to store.
pub struct ReadyPhoto {
    pub id: Uuid,
    pub mime: &'static str,
    pub data: Vec<u8>,
    pub thumbnail: Vec<u8>,
}

/// Why photos were refused (Fluent id).
pub fn photo_problem(p: crate::platform::images::ImageProblem) -> &'static str {
    match p {
        crate::platform::images::ImageProblem::Type => "reports-error-photo-type",
        crate::platform::images::ImageProblem::Broken => "reports-error-photo-broken",
    }
}

/// Cleans photos on the blocking pool (at most two decodings at once).
pub async fn clean_photos(
    state: &AppState,
    files: Vec<Vec<u8>>,
) -> Result<Result<Vec<ReadyPhoto>, &'static str>, WebError> {
    if files.is_empty() {
        return Ok(Ok(Vec::new()));
    }
    if files.len() > model::MAX_PHOTOS {
        return Ok(Err("reports-error-photo-count"));
    }
    if files.iter().any(|f| f.len() > model::MAX_PHOTO_BYTES) {
        return Ok(Err("reports-error-photo-size"));
    }
    let r = super::reports(state)?;
    let _permit = r.images.acquire().await.map_err(|_| WebError::internal())?;
    tokio::task::spawn_blocking(move || {
        files
            .into_iter()
            .map(|data| {
                crate::platform::images::clean_photo(&data, model::THUMB_PX)
                    .map(|c| ReadyPhoto {
                        id: Uuid::now_v7(),
                        mime: c.mime,
                        data: c.data,
                        thumbnail: c.thumbnail,
                    })
                    .map_err(photo_problem)
            })
            .collect::<Result<Vec<_>, _>>()
    })
    .await
    .map_err(|_| WebError::internal())
}

/// Writes photos (picture and thumbnail) to the data folder.
pub async fn write_photos(
    state: &AppState,
    tenant: crate::platform::tenants::TenantId,
    photos: &[ReadyPhoto],
) -> Result<(), WebError> {
    let dir = super::photo_dir(state, tenant);
    let io = |e: std::io::Error| {
        tracing::error!(error = %e, "cannot write a report photo");
        WebError::internal()
    };
    tokio::fs::create_dir_all(&dir).await.map_err(io)?;
    for p in photos {
        let base = p.id.simple().to_string();
        for (name, data) in [
            (format!("{base}.img"), &p.data),
            (format!("{base}.thumb"), &p.thumbnail),
        ] {
            let tmp = dir.join(format!("{name}.part"));
            tokio::fs::write(&tmp, data).await.map_err(io)?;
            tokio::fs::rename(&tmp, dir.join(name)).await.map_err(io)?;
        }
    }
    Ok(())
}

async fn remove_photos(
    state: &AppState,
    tenant: crate::platform::tenants::TenantId,
    photos: &[ReadyPhoto],
) {
    let dir = super::photo_dir(state, tenant);
    for p in photos {
        let base = p.id.simple().to_string();
        let _ = tokio::fs::remove_file(dir.join(format!("{base}.img"))).await;
        let _ = tokio::fs::remove_file(dir.join(format!("{base}.thumb"))).await;
    }
}

/// `POST /{tenant}/reports/new` (multipart): stores the report, routes it
/// and answers with the private follow link.
pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    form: CsrfMultipart,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let s = setup(&state, &tenant).await?;
    let tr = Tr::new(ctx.lang());
    let place_form = PlaceForm {
        category: form.text("category").to_owned(),
        lat: form.text("lat").to_owned(),
        lon: form.text("lon").to_owned(),
        address: form.text("address").to_owned(),
        district: form.text("district").to_owned(),
        time_of_day: form.text("time_of_day").to_owned(),
    };
    let Some(cat) = active_category(&s, &place_form.category) else {
        return Err(WebError::unprocessable("unknown category"));
    };
    let details_form = DetailsForm {
        description: form.text("description").to_owned(),
        walk: form.text("walk") == "yes",
        name: form.text("name").to_owned(),
        email: form.text("email").to_owned(),
    };
    let place = match place_form.check(&s.area, &s.districts) {
        Ok(p) => p,
        Err(problems) => {
            return place_page(
                &state,
                &ctx,
                &s,
                cat,
                place_form,
                place_problems(&tr, &problems),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    };
    let mut errors = FormErrors::new();
    let time = match time_of_day(cat, &place_form.time_of_day) {
        Ok(t) => t,
        Err((f, k)) => {
            errors.add(f, tr.t(k));
            None
        }
    };
    let details = match details_form.check() {
        Ok(d) => Some(d),
        Err(problems) => {
            for (f, k) in problems {
                errors.add(f, tr.t(k));
            }
            None
        }
    };
    let files: Vec<Vec<u8>> = form.files("photos").map(|f| f.bytes.clone()).collect();
    let photos = match clean_photos(&state, files).await? {
        Ok(p) => p,
        Err(k) => {
            errors.add(
                "photos",
                tr.t1(k, "mb", model::MAX_PHOTO_BYTES / (1024 * 1024)),
            );
            Vec::new()
        }
    };
    let (Some(details), true) = (details, errors.is_empty()) else {
        return details_page(
            &state,
            &ctx,
            &s,
            cat,
            place_form,
            &place,
            details_form,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let now = state.clock.now_ts();
    let report_id = Uuid::now_v7();
    let (follow, follow_hash) = new_secret();
    write_photos(&state, tenant.id, &photos).await?;
    let follow_url = ctx.absolute_url(&state, &format!("/{}/reports/follow/{follow}", tenant.slug));
    let result: Result<(), WebError> = async {
        let mut tx = state.db.begin().await?;
        store::insert_report(
            &mut tx,
            tenant.id,
            &store::NewReport {
                report_id,
                category: cat,
                district_code: place.district.as_deref(),
                lat: place.lat,
                lon: place.lon,
                address: &place.address,
                description: &details.description,
                public_description: None,
                time_of_day: time.map(|t| t.as_str()),
                walk: details.walk && cat.kind == Kind::UnsafePlace,
                reporter_name: details.name.as_deref(),
                reporter_email: details.email.as_deref(),
                reporter_lang: ctx.lang().tag(),
                follow_hash: Some(&follow_hash),
                token: &report_id.simple().to_string(),
                source: "web",
                status: Status::Open,
                created_at: now,
            },
        )
        .await?;
        for p in &photos {
            store::insert_photo(
                &mut tx,
                tenant.id,
                report_id,
                p.id,
                p.mime,
                p.data.len() as i64,
                now,
            )
            .await?;
        }
        audit::append(
            &mut tx,
            tenant.id,
            now,
            &Entry::new(Actor::Anonymous, "report.submit", "report", report_id)
                .details(serde_json::json!({ "category": cat.code, "photos": photos.len() })),
        )
        .await?;
        notify_new(
            &mut tx,
            &state,
            &tenant,
            cat,
            report_id,
            &details,
            &follow_url,
            ctx.lang(),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
    .await;
    if let Err(e) = result {
        remove_photos(&state, tenant.id, &photos).await;
        return Err(e);
    }
    let tpl = ReceiptPage {
        page: PageCtx::new(&ctx, "reports-receipt-title"),
        follow: format!("/{}/reports/follow/{follow}", tenant.slug),
        report: report_id.to_string(),
    };
    Ok(no_store(page::ok(&tpl)?))
}

/// Mails about a new report: the reporter (with the follow link) and the
/// departments it was routed to (with the staff link, no content).
#[allow(clippy::too_many_arguments)]
async fn notify_new(
    tx: &mut crate::platform::db::Tx,
    state: &AppState,
    tenant: &crate::platform::tenants::Tenant,
    cat: &Category,
    report: Uuid,
    details: &model::Details,
    follow_url: &str,
    lang: Lang,
    now: crate::platform::db::Timestamp,
) -> Result<(), WebError> {
    if let Some(to) = &details.email {
        let tr = Tr::new(lang);
        crate::platform::mail::enqueue(
            tx,
            tenant.id,
            &crate::platform::mail::OutgoingMail {
                to: to.clone(),
                subject: tr.t1("reports-mail-received-subject", "category", cat.name(lang)),
                body_text: tr.t1("reports-mail-received-body", "link", follow_url),
            },
            now,
        )
        .await?;
    }
    let tr = Tr::new(Lang::De);
    let staff_url = format!(
        "{}/{}/staff/reports/{report}",
        crate::platform::web::context::public_base(state, None),
        tenant.slug
    );
    for to in store::department_addresses(tx, tenant.id, report).await? {
        crate::platform::mail::enqueue(
            tx,
            tenant.id,
            &crate::platform::mail::OutgoingMail {
                to,
                subject: tr.t1(
                    "reports-mail-routed-subject",
                    "category",
                    cat.name(Lang::De),
                ),
                body_text: tr.t1("reports-mail-routed-body", "link", &staff_url),
            },
            now,
        )
        .await?;
    }
    Ok(())
}

// ---------------------------------------------------------------------
// Follow, reopen, subscribe

/// An update for the public.
pub struct UpdateView {
    pub when: String,
    pub status_key: Option<String>,
    pub text: String,
}

#[derive(Template)]
#[template(path = "reports/follow.html")]
struct FollowPage {
    page: PageCtx,
    line: ReportLine,
    description: String,
    updates: Vec<UpdateView>,
    may_reopen: bool,
    token: String,
    message: Option<String>,
}

async fn public_updates(
    state: &AppState,
    tenant: &crate::platform::tenants::Tenant,
    report: Uuid,
) -> Result<Vec<UpdateView>, WebError> {
    Ok(store::updates(&state.db, tenant.id, report)
        .await?
        .into_iter()
        .filter(|u| !u.internal)
        .map(|u| UpdateView {
            when: local(u.created_at, &tenant.time_zone),
            status_key: u.status.as_deref().map(|s| model::key("status", s)),
            text: u.text,
        })
        .collect())
}

fn may_reopen(r: &ReportRow, now: chrono::DateTime<chrono::Utc>) -> bool {
    r.status != "duplicate"
        && r.closed_at
            .is_some_and(|c| c.0 + chrono::Duration::days(model::REOPEN_DAYS) >= now)
}

async fn follow_page(
    state: &AppState,
    ctx: &Ctx,
    token: &str,
    message: Option<String>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let s = setup(state, tenant).await?;
    let Some(r) = store::report_by_follow(&state.db, tenant.id, &secret_hash(token)).await? else {
        return Err(WebError::not_found());
    };
    let tpl = FollowPage {
        page: PageCtx::new(ctx, "reports-follow-title"),
        line: line(&s, &r, ctx.lang(), &tenant.time_zone),
        // The reporter reads their own words.
        description: r.description.clone(),
        updates: public_updates(state, tenant, r.report_id).await?,
        may_reopen: may_reopen(&r, state.clock.now()),
        token: token.to_owned(),
        message,
    };
    Ok(no_store(page::ok(&tpl)?))
}

/// `GET /{tenant}/reports/follow/{token}`: the reporter's private page.
pub async fn follow(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, token)): Path<(String, String)>,
) -> Result<Response, WebError> {
    follow_page(&state, &ctx, &token, None).await
}

#[derive(Deserialize)]
pub struct ReopenForm {
    #[serde(default)]
    reason: String,
}

/// `POST /{tenant}/reports/follow/{token}/reopen`: within 30 days of
/// closing, the reporter may reopen (not a duplicate).
pub async fn reopen(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, token)): Path<(String, String)>,
    CsrfForm(f): CsrfForm<ReopenForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let tr = Tr::new(ctx.lang());
    let Some(r) = store::report_by_follow(&state.db, tenant.id, &secret_hash(&token)).await? else {
        return Err(WebError::not_found());
    };
    let reason = f.reason.trim();
    if reason.is_empty() || reason.chars().count() > model::MAX_DESCRIPTION {
        return Err(WebError::unprocessable(
            "give a reason (up to 4,000 characters)",
        ));
    }
    let now = state.clock.now_ts();
    let after = crate::platform::db::Timestamp::truncated(
        now.0 - chrono::Duration::days(model::REOPEN_DAYS),
    );
    let mut tx = state.db.begin().await?;
    if !store::reopen(&mut tx, tenant.id, r.report_id, after, now).await? {
        return Err(WebError::new(StatusCode::CONFLICT, "error-conflict")
            .with_detail("this report can no longer be reopened"));
    }
    store::insert_update(
        &mut tx,
        tenant.id,
        r.report_id,
        Some("open"),
        reason,
        true,
        None,
        now,
    )
    .await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(Actor::Anonymous, "report.reopen", "report", r.report_id),
    )
    .await?;
    tx.commit().await?;
    follow_page(
        &state,
        &ctx,
        &token,
        Some(tr.t("reports-reopened").into_owned()),
    )
    .await
}

#[derive(Deserialize)]
pub struct SubscribeForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    district: String,
}

#[derive(Template)]
#[template(path = "reports/message.html")]
struct MessagePage {
    page: PageCtx,
    message: String,
    back: String,
}

async fn add_subscription(
    state: &AppState,
    ctx: &Ctx,
    report: Option<Uuid>,
    district: Option<&str>,
    email: &str,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let tr = Tr::new(ctx.lang());
    let email = email.trim();
    if !crate::platform::mail::valid_address(email) {
        return Err(WebError::unprocessable("the e-mail address is not valid"));
    }
    let (token, hash) = new_secret();
    let now = state.clock.now_ts();
    let link = ctx.absolute_url(
        state,
        &format!("/{}/reports/unsubscribe/{token}", tenant.slug),
    );
    let mut tx = state.db.begin().await?;
    let _subscription = store::subscribe(
        &mut tx,
        tenant.id,
        report,
        district,
        email,
        ctx.lang().tag(),
        &hash,
        now,
    )
    .await?;
    crate::platform::mail::enqueue_unsubscribable(
        &mut tx,
        tenant.id,
        &crate::platform::mail::OutgoingMail {
            to: email.to_owned(),
            subject: tr.t("reports-mail-subscribed-subject").into_owned(),
            body_text: tr.t1("reports-mail-subscribed-body", "link", &link),
        },
        &link,
        now,
    )
    .await?;
    tx.commit().await?;
    let back = match report {
        Some(r) => format!("/{}/reports/view/{r}", tenant.slug),
        None => format!("/{}/reports", tenant.slug),
    };
    let tpl = MessagePage {
        page: PageCtx::new(ctx, "reports-subscribed-title"),
        message: tr.t("reports-subscribed").into_owned(),
        back,
    };
    Ok(no_store(page::ok(&tpl)?))
}

/// `POST /{tenant}/reports/view/{id}/subscribe`
pub async fn subscribe(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(f): CsrfForm<SubscribeForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let id = Uuid::parse_str(&id).map_err(|_| WebError::not_found())?;
    if store::report(&state.db, tenant.id, id).await?.is_none() {
        return Err(WebError::not_found());
    }
    add_subscription(&state, &ctx, Some(id), None, &f.email).await
}

/// `POST /{tenant}/reports/subscribe`: new and changed reports of a
/// district.
pub async fn subscribe_area(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(f): CsrfForm<SubscribeForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let s = setup(&state, tenant).await?;
    let Some(d) = s.districts.iter().find(|d| d.code == f.district) else {
        return Err(WebError::unprocessable("choose a district"));
    };
    add_subscription(&state, &ctx, None, Some(&d.code.clone()), &f.email).await
}

#[derive(Template)]
#[template(path = "reports/unsubscribe.html")]
struct UnsubscribePage {
    page: PageCtx,
    token: String,
}

/// `GET /{tenant}/reports/unsubscribe/{token}`: asks first (mail scanners
/// follow links); 404 for a token never issued.
pub async fn unsubscribe_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, token)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    if token.len() > 128
        || store::subscription_of_token(&state.db, tenant.id, &secret_hash(&token))
            .await?
            .is_none()
    {
        return Err(WebError::not_found());
    }
    let tpl = UnsubscribePage {
        page: PageCtx::new(&ctx, "reports-unsubscribe-title"),
        token,
    };
    Ok(no_store(page::ok(&tpl)?))
}

/// `POST /{tenant}/reports/unsubscribe/{token}`: from the confirmation
/// page or as the one-click unsubscribe of RFC 8058 (a mail provider
/// posts `List-Unsubscribe=One-Click` without cookies), so no form token
/// is asked for: the unguessable token in the path is the authority, and
/// a cross-site browser post is still refused by the origin check. A
/// second post answers the same; a token never issued is 404.
pub async fn unsubscribe(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, token)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let tr = Tr::new(ctx.lang());
    if token.len() > 128 {
        return Err(WebError::not_found());
    }
    let mut tx = state.db.begin().await?;
    let known = store::unsubscribe(&mut tx, tenant.id, &secret_hash(&token)).await?;
    tx.commit().await?;
    if known.is_none() {
        return Err(WebError::not_found());
    }
    let tpl = MessagePage {
        page: PageCtx::new(&ctx, "reports-unsubscribe-title"),
        message: tr.t("reports-unsubscribed").into_owned(),
        back: format!("/{}/reports", tenant.slug),
    };
    Ok(no_store(page::ok(&tpl)?))
}

// ---------------------------------------------------------------------
// Public list, map, report page, photos, exports

#[derive(Deserialize, Default, Clone)]
pub struct ListQuery {
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub district: String,
    #[serde(default)]
    pub layer: String,
    #[serde(default)]
    pub time: String,
    #[serde(default)]
    pub page: Option<i64>,
}

pub const PAGE_SIZE: i64 = 50;

/// The public filter of a list query: open and recently closed reports
/// (90 days) unless asked otherwise.
pub fn public_filter(
    s: &TenantSetup,
    q: &ListQuery,
    now: crate::platform::db::Timestamp,
) -> Filter {
    let mut f = Filter {
        limit: PAGE_SIZE,
        ..Filter::default()
    };
    if let Some(c) = s.by_code(&q.category) {
        f.categories.push(c.id);
    }
    f.statuses = match q.status.as_str() {
        "closed" => Status::CLOSED.to_vec(),
        "all" => Vec::new(),
        "fixed" => vec!["fixed"],
        _ => Status::OPEN.to_vec(),
    };
    if q.status == "recent" || q.status.is_empty() {
        f.statuses = Status::OPEN
            .iter()
            .chain(["fixed"].iter())
            .copied()
            .collect();
        f.from = Some(crate::platform::db::Timestamp::truncated(
            now.0 - chrono::Duration::days(90),
        ));
    }
    if s.districts.iter().any(|d| d.code == q.district) {
        f.district = Some(q.district.clone());
    }
    if q.layer == "unsafe" {
        f.kind = Some(Kind::UnsafePlace);
        f.time_of_day = match q.time.as_str() {
            "day" => vec!["morning", "day"],
            "night" => vec!["evening", "night"],
            _ => Vec::new(),
        };
    }
    f
}

#[derive(Template)]
#[template(path = "reports/list.html")]
struct ListPage {
    page: PageCtx,
    q: ListQuery,
    categories: Vec<CategoryView>,
    districts: Vec<Opt>,
    statuses: Vec<Opt>,
    lines: Vec<ReportLine>,
    total: i64,
    page_no: i64,
    pages: i64,
    map: String,
    query: String,
    /// The tile map (decision 0037), when the tenant has a tile server.
    tiles: Option<TileMap>,
}

/// What the tile map's script needs: the template, the attribution, the
/// tenant's area and the same markers as the SVG map.
pub struct TileMap {
    pub template: String,
    pub attribution: String,
    /// `min_lat,min_lon,max_lat,max_lon`
    pub bounds: String,
    /// JSON `[[lat, lon, class], …]`
    pub points: String,
    pub label: String,
    /// Titles of Leaflet's zoom buttons in the page's language.
    pub zoom_in: String,
    pub zoom_out: String,
    pub css: &'static str,
    pub leaflet: &'static str,
    pub script: &'static str,
}

fn query_string(q: &ListQuery) -> String {
    serde_urlencoded::to_string([
        ("category", q.category.as_str()),
        ("status", q.status.as_str()),
        ("district", q.district.as_str()),
        ("layer", q.layer.as_str()),
        ("time", q.time.as_str()),
    ])
    .unwrap_or_default()
}

fn marker_class(r: &ReportRow) -> &'static str {
    match (r.kind.as_str(), r.time_of_day.as_deref(), r.status.as_str()) {
        ("unsafe_place", Some("evening" | "night"), _) => "m-night",
        ("unsafe_place", _, _) => "m-day",
        (_, _, "fixed") => "m-fixed",
        (_, _, s) if Status::OPEN.contains(&s) => "m-open",
        _ => "m-closed",
    }
}

/// `GET /{tenant}/reports`: the map and the same reports as a list.
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ListQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let s = setup(&state, tenant).await?;
    let tr = Tr::new(ctx.lang());
    let now = state.clock.now_ts();
    let mut f = public_filter(&s, &q, now);
    let total = store::count(&state.db, tenant.id, &f).await?;
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let page_no = q.page.unwrap_or(1).clamp(1, pages);
    f.offset = (page_no - 1) * PAGE_SIZE;
    let rows = store::list(&state.db, tenant.id, &f).await?;
    // The map shows up to 2,000 of the matching reports, clustered.
    let mut mf = f.clone();
    mf.offset = 0;
    mf.limit = 2000;
    mf.with_place = true;
    let markers: Vec<Marker> = store::list(&state.db, tenant.id, &mf)
        .await?
        .iter()
        .filter_map(|r| {
            Some(Marker {
                lat: r.lat?,
                lon: r.lon?,
                class: marker_class(r),
            })
        })
        .collect();
    let map_title = tr.tn("reports-map-title", "n", markers.len() as i64);
    let map = map::svg(
        s.area,
        &outlines(&state, &s, tenant).await?,
        &markers,
        None,
        &map_title,
        "reports-map",
    );
    let tiles = s.tiles.as_ref().map(|t| {
        let points: Vec<(f64, f64, &str)> =
            markers.iter().map(|m| (m.lat, m.lon, m.class)).collect();
        TileMap {
            template: t.template.clone(),
            attribution: t.attribution.clone(),
            bounds: format!(
                "{},{},{},{}",
                s.area.min_lat, s.area.min_lon, s.area.max_lat, s.area.max_lon
            ),
            points: serde_json::to_string(&points).unwrap_or_else(|_| "[]".into()),
            label: map_title.clone(),
            zoom_in: tr.t("reports-map-zoom-in").into_owned(),
            zoom_out: tr.t("reports-map-zoom-out").into_owned(),
            css: crate::platform::web::assets::url("leaflet.css"),
            leaflet: crate::platform::web::assets::url("leaflet.js"),
            script: crate::platform::web::assets::url("reports-tiles.js"),
        }
    });
    let csp = s
        .tiles
        .as_ref()
        .and_then(|t| crate::platform::web::headers::csp_with_image_origin(&t.origin()));
    let statuses = ["recent", "open", "fixed", "closed", "all"]
        .iter()
        .map(|v| Opt {
            value: (*v).to_owned(),
            label: tr.t(&format!("reports-filter-{v}")).into_owned(),
        })
        .collect();
    let tpl = ListPage {
        page: PageCtx::new(&ctx, "reports-list-title"),
        categories: category_views(&s, ctx.lang(), None),
        districts: district_options(&s),
        statuses,
        lines: rows
            .iter()
            .map(|r| line(&s, r, ctx.lang(), &tenant.time_zone))
            .collect(),
        total,
        page_no,
        pages,
        map,
        query: query_string(&q),
        q,
        tiles,
    };
    let mut res = page::ok(&tpl)?;
    if let Some(csp) = csp {
        res.headers_mut()
            .insert(axum::http::header::CONTENT_SECURITY_POLICY, csp);
    }
    Ok(res)
}

#[derive(Template)]
#[template(path = "reports/view.html")]
struct ViewPage {
    page: PageCtx,
    line: ReportLine,
    photos: Vec<String>,
    updates: Vec<UpdateView>,
    duplicate_of: Option<String>,
}

/// `GET /{tenant}/reports/view/{id}`: a report's public page.
pub async fn view(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let s = setup(&state, tenant).await?;
    let id = Uuid::parse_str(&id).map_err(|_| WebError::not_found())?;
    let Some(r) = store::report(&state.db, tenant.id, id).await? else {
        return Err(WebError::not_found());
    };
    let photos = if r.published {
        store::photos(&state.db, tenant.id, id)
            .await?
            .into_iter()
            .filter(|p| !p.hidden)
            .map(|p| p.photo_id.simple().to_string())
            .collect()
    } else {
        Vec::new()
    };
    let tpl = ViewPage {
        page: PageCtx::new(&ctx, "reports-view-title"),
        line: line(&s, &r, ctx.lang(), &tenant.time_zone),
        photos,
        updates: public_updates(&state, tenant, id).await?,
        duplicate_of: r.duplicate_of.map(|d| d.to_string()),
    };
    page::ok(&tpl)
}

/// Reads a stored photo file (`<id>.img` or `<id>.thumb`).
pub async fn photo_file(
    state: &AppState,
    tenant: crate::platform::tenants::TenantId,
    file: &str,
) -> Result<(Uuid, bool, Vec<u8>), WebError> {
    let (id, thumb) = match file.strip_suffix("-thumb") {
        Some(id) => (id, true),
        None => (file, false),
    };
    let id = Uuid::parse_str(id).map_err(|_| WebError::not_found())?;
    let name = format!("{}.{}", id.simple(), if thumb { "thumb" } else { "img" });
    let data = tokio::fs::read(super::photo_dir(state, tenant).join(name))
        .await
        .map_err(|_| WebError::not_found())?;
    Ok((id, thumb, data))
}

pub fn image_response(mime: &str, data: Vec<u8>, public: bool) -> Response {
    let mut res = (StatusCode::OK, data).into_response();
    if let Ok(v) = HeaderValue::from_str(mime) {
        res.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    let cache = if public {
        "public, max-age=300"
    } else {
        "no-store"
    };
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    res
}

/// `GET /{tenant}/reports/photos/{file}`: a photo of a published report
/// that no one hid (`{id}` or `{id}-thumb`).
pub async fn photo(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, file)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let id = Uuid::parse_str(file.trim_end_matches("-thumb")).map_err(|_| WebError::not_found())?;
    let Some(p) = store::photo(&state.db, tenant.id, id).await? else {
        return Err(WebError::not_found());
    };
    let published = store::report(&state.db, tenant.id, p.report_id)
        .await?
        .is_some_and(|r| r.published);
    if p.hidden || !published {
        return Err(WebError::not_found());
    }
    let (_, thumb, data) = photo_file(&state, tenant.id, &file).await?;
    let mime = if thumb { "image/jpeg" } else { p.mime.as_str() };
    Ok(image_response(mime, data, true))
}

/// The reports an export holds: the public filter, up to 50,000.
async fn export_rows(
    state: &AppState,
    ctx: &Ctx,
    q: &ListQuery,
) -> Result<(std::sync::Arc<TenantSetup>, Vec<ReportRow>), WebError> {
    let tenant = ctx.tenant()?;
    let s = setup(state, tenant).await?;
    let mut f = public_filter(&s, q, state.clock.now_ts());
    f.limit = 50_000;
    let rows = store::list(&state.db, tenant.id, &f).await?;
    Ok((s, rows))
}

/// `GET /{tenant}/reports/export.csv`: public fields only.
pub async fn export_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ListQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let (s, rows) = export_rows(&state, &ctx, &q).await?;
    let mut w = csv::Writer::from_writer(Vec::new());
    let head = [
        "id",
        "service_code",
        "category",
        "kind",
        "status",
        "district",
        "lat",
        "lon",
        "address",
        "description",
        "time_of_day",
        "requested",
        "updated",
    ];
    w.write_record(head).map_err(|_| WebError::internal())?;
    for r in &rows {
        let cat = s.category(r.category_id);
        let rec = [
            r.report_id.to_string(),
            cat.map(|c| c.code.clone()).unwrap_or_default(),
            cat.map(|c| c.name(Lang::De).to_owned()).unwrap_or_default(),
            r.kind.clone(),
            r.status.clone(),
            s.district_name(r.district_code.as_deref()),
            r.lat.map(|v| format!("{v:.6}")).unwrap_or_default(),
            r.lon.map(|v| format!("{v:.6}")).unwrap_or_default(),
            r.address.clone(),
            public_text(r),
            r.time_of_day.clone().unwrap_or_default(),
            super::iso(r.created_at, &tenant.time_zone),
            super::iso(r.updated_at, &tenant.time_zone),
        ];
        w.write_record(&rec).map_err(|_| WebError::internal())?;
    }
    let body = w.into_inner().map_err(|_| WebError::internal())?;
    let mut res = (StatusCode::OK, body).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    res.headers_mut().insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"reports.csv\""),
    );
    Ok(res)
}

/// The moderated text, or nothing.
pub fn public_text(r: &ReportRow) -> String {
    if r.published {
        r.public_description.clone().unwrap_or_default()
    } else {
        String::new()
    }
}

/// `GET /{tenant}/reports/export.geojson`: a FeatureCollection (RFC 7946)
/// of the reports with a place; public fields only.
pub async fn export_geojson(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ListQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let (s, rows) = export_rows(&state, &ctx, &q).await?;
    let features = rows
        .iter()
        .filter_map(|r| {
            let (lat, lon) = (r.lat?, r.lon?);
            let cat = s.category(r.category_id);
            let mut props = serde_json::Map::new();
            let mut put = |k: &str, v: serde_json::Value| {
                props.insert(k.to_owned(), v);
            };
            put("id", r.report_id.to_string().into());
            put(
                "service_code",
                cat.map(|c| c.code.clone()).unwrap_or_default().into(),
            );
            put(
                "category",
                cat.map(|c| c.name(Lang::De).to_owned())
                    .unwrap_or_default()
                    .into(),
            );
            put("kind", r.kind.clone().into());
            put("status", r.status.clone().into());
            put(
                "district",
                s.district_name(r.district_code.as_deref()).into(),
            );
            put("address", r.address.clone().into());
            put("description", public_text(r).into());
            put(
                "time_of_day",
                r.time_of_day
                    .clone()
                    .map(Into::into)
                    .unwrap_or(serde_json::Value::Null),
            );
            put(
                "requested_datetime",
                super::iso(r.created_at, &tenant.time_zone).into(),
            );
            Some(geojson::Feature {
                bbox: None,
                geometry: Some(geojson::Geometry::new(geojson::Value::Point(vec![
                    (lon * 1e6).round() / 1e6,
                    (lat * 1e6).round() / 1e6,
                ]))),
                id: None,
                properties: Some(props),
                foreign_members: None,
            })
        })
        .collect();
    let fc = geojson::FeatureCollection {
        bbox: None,
        features,
        foreign_members: None,
    };
    let mut res = (StatusCode::OK, fc.to_string()).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/geo+json"),
    );
    Ok(res)
}
