//! Attacks on staff: a report in under two minutes on a phone (or through
//! the API), triage by the control centre, follow-up organised by a
//! designated manager (debrief, psychosocial support, medical check), a
//! prefilled criminal complaint and accident report to check and sign,
//! advice on filing charges, and suppressed statistics for the situation
//! report. A reporter sees only their own reports.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use uuid::Uuid;

use super::model::{self, suppressed, AttackInput};
use super::{store, Choice, Created, Fields};
use crate::platform::audit::{self, Entry};
use crate::platform::auth::{Permission, Role};
use crate::platform::i18n::Tr;
use crate::platform::web::extract::{ApiJson, CsrfForm};
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

/// The role a reporter reports in (first of kod, police, rescue).
fn reporter_role(ctx: &Ctx) -> Result<Role, WebError> {
    let tenant = ctx.tenant()?.id;
    ctx.principal()?
        .acting_role(tenant, Permission::ReportAttack)
        .ok_or_else(WebError::forbidden)
}

#[derive(Template)]
#[template(path = "accountability/attack_form.html")]
struct FormPage {
    page: PageCtx,
    errors: FormErrors,
    form: AttackInput,
    situations: Vec<Choice>,
    kinds: Vec<Choice>,
    districts: Vec<String>,
    max_time: String,
}

impl FormPage {
    fn has_kind(&self, k: &str) -> bool {
        self.form.kinds.iter().any(|x| x == k)
    }
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    form: AttackInput,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let page = PageCtx::new(ctx, "acc-attack-new-title");
    let tpl = FormPage {
        max_time: model::local(state.clock.now(), &tenant.time_zone, "%Y-%m-%dT%H:%M"),
        districts: super::district_names(state, tenant.id).await?,
        situations: super::choices(&page.t, "acc-situation", &model::ATTACK_SITUATIONS),
        kinds: super::choices(&page.t, "acc-attack-kind", &model::ATTACK_KINDS),
        page,
        errors,
        form,
    };
    Ok(super::no_store(page::render(&tpl, status)?))
}

/// `GET /{tenant}/staff/attacks/new`.
pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tz = ctx.tenant()?.time_zone.clone();
    let form = AttackInput {
        occurred_at: model::local(state.clock.now(), &tz, "%Y-%m-%dT%H:%M"),
        ..AttackInput::default()
    };
    form_page(&state, &ctx, form, FormErrors::new(), StatusCode::OK).await
}

async fn store_report(
    state: &AppState,
    ctx: &Ctx,
    input: &AttackInput,
) -> Result<Result<(Uuid, String), Vec<model::Problem>>, WebError> {
    let tenant = ctx.tenant()?;
    let p = ctx.principal()?;
    let role = reporter_role(ctx)?;
    let districts = super::district_names(state, tenant.id).await?;
    let now = state.clock.now_ts();
    let facts = match input.validate(&tenant.time_zone, now.0, &districts) {
        Ok(f) => f,
        Err(p) => return Ok(Err(p)),
    };
    let id = Uuid::now_v7();
    let reference = super::reference("AM");
    let mut tx = state.db.begin().await?;
    store::insert_attack(
        &mut tx,
        tenant.id,
        id,
        &reference,
        p.user_id,
        role.as_str(),
        &facts,
        now,
    )
    .await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            crate::platform::audit::Actor::Staff {
                user_id: p.user_id,
                role,
            },
            "attack.report",
            "attack_report",
            id,
        )
        .details(serde_json::json!({ "kinds": facts.kinds, "situation": facts.situation })),
    )
    .await?;
    // The control centre triages; the follow-up managers are told at once.
    let dispatchers = super::users_with_role(state, tenant.id, Role::Dispatcher).await?;
    crate::platform::notifications::notify(
        &mut tx,
        tenant.id,
        &dispatchers,
        "acc-notice-attack",
        &reference,
        &format!("/{}/staff/attack-triage", tenant.slug),
        now,
    )
    .await?;
    let managers = store::designated_users(&state.db, tenant.id, super::ATTACK_MANAGER).await?;
    crate::platform::notifications::notify(
        &mut tx,
        tenant.id,
        &managers,
        "acc-notice-attack",
        &reference,
        &format!("/{}/staff/attack-followup/{id}", tenant.slug),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Ok((id, reference)))
}

/// `POST /{tenant}/staff/attacks/new`.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let f = Fields(pairs);
    let input = AttackInput {
        occurred_at: f.get("occurred_at"),
        district: f.get("district"),
        place: f.get("place"),
        situation: f.get("situation"),
        kinds: f.all("kinds"),
        description: f.get("description"),
        injured: f.flag("injured"),
        injuries: f.get("injuries"),
        witnesses: f.get("witnesses"),
        bodycam: f.flag("bodycam"),
    };
    match store_report(&state, &ctx, &input).await? {
        Ok((id, _)) => Ok(Redirect::to(&format!(
            "/{}/staff/attacks/{id}?saved=1",
            ctx.tenant()?.slug.as_str()
        ))
        .into_response()),
        Err(problems) => {
            let errors = super::form_errors(&Tr::new(ctx.lang()), &problems);
            form_page(
                &state,
                &ctx,
                input,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

/// Report an attack on oneself (order service, police, rescue).
#[utoipa::path(
    post,
    path = "/api/v1/{tenant}/attack-reports",
    params(("tenant" = String, Path, description = "Tenant slug")),
    request_body = AttackInput,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Reported", body = Created),
        (status = 401, description = "No or an invalid token", body = crate::platform::web::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not order service, police or rescue on this tenant", body = crate::platform::web::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid report (no time, future time, unknown kind …); nothing stored", body = crate::platform::web::error::Problem, content_type = "application/problem+json")
    )
)]
pub async fn api_create(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(input): ApiJson<AttackInput>,
) -> Result<Response, WebError> {
    match store_report(&state, &ctx, &input).await? {
        Ok((id, reference)) => {
            let mut res = (
                StatusCode::CREATED,
                Json(Created {
                    id,
                    reference,
                    violations: vec![],
                }),
            )
                .into_response();
            if let Ok(v) = HeaderValue::from_str(&format!(
                "/{}/staff/attacks/{id}",
                ctx.tenant()?.slug.as_str()
            )) {
                res.headers_mut().insert(header::LOCATION, v);
            }
            Ok(res)
        }
        Err(problems) => Err(super::api_problems(&Tr::new(ctx.lang()), &problems)),
    }
}

/// A report in a list or on its page.
pub struct View {
    pub id: String,
    pub reference: String,
    pub when: String,
    pub place: String,
    pub situation: String,
    pub kinds: String,
    pub description: String,
    pub injuries: String,
    pub witnesses: String,
    pub bodycam: bool,
    pub role: String,
    pub triage: String,
    pub triage_value: String,
    pub triage_note: String,
    pub steps: Vec<StepView>,
}

pub struct StepView {
    pub step: &'static str,
    pub label: String,
    pub status: String,
    pub status_label: String,
    pub note: String,
}

async fn view(
    state: &AppState,
    t: &Tr,
    tz: &str,
    tenant: crate::platform::tenants::TenantId,
    r: &store::AttackRow,
    with_steps: bool,
) -> Result<View, WebError> {
    let steps = if with_steps {
        let stored = store::followups(&state.db, tenant, r.report_id).await?;
        model::FOLLOWUP_STEPS
            .iter()
            .map(|s| {
                let row = stored.iter().find(|x| x.step == *s);
                let status = row
                    .map(|x| x.status.clone())
                    .unwrap_or_else(|| "open".into());
                StepView {
                    step: s,
                    label: super::label(t, "acc-step", s),
                    status_label: super::label(t, "acc-status", &status),
                    status,
                    note: row.map(|x| x.note.clone()).unwrap_or_default(),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(View {
        id: r.report_id.to_string(),
        reference: r.reference.clone(),
        when: model::local(r.occurred_at.0, tz, "%d.%m.%Y %H:%M"),
        place: if r.district.is_empty() {
            r.place.clone()
        } else {
            format!("{}, {}", r.place, r.district)
        },
        situation: super::label(t, "acc-situation", &r.situation),
        kinds: r
            .kinds
            .split(',')
            .filter(|k| !k.is_empty())
            .map(|k| super::label(t, "acc-attack-kind", k))
            .collect::<Vec<_>>()
            .join(", "),
        description: r.description.clone(),
        injuries: r.injuries.clone(),
        witnesses: r.witnesses.clone(),
        bodycam: r.bodycam,
        role: super::label(t, "acc-role", &r.reporter_role),
        triage: r
            .triage
            .as_deref()
            .map(|x| super::label(t, "acc-triage", x))
            .unwrap_or_else(|| t.t("acc-triage-pending").into_owned()),
        triage_value: r.triage.clone().unwrap_or_default(),
        triage_note: r.triage_note.clone().unwrap_or_default(),
        steps,
    })
}

#[derive(Template)]
#[template(path = "accountability/attack_list.html")]
struct ListPage {
    page: PageCtx,
    reports: Vec<View>,
}

/// `GET /{tenant}/staff/attacks`: the signed-in person's own reports.
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let p = ctx.principal()?;
    let page = PageCtx::new(&ctx, "acc-attacks-title");
    let mut reports = Vec::new();
    for r in store::attacks_by(&state.db, tenant.id, p.user_id).await? {
        reports.push(view(&state, &page.t, &tenant.time_zone, tenant.id, &r, true).await?);
    }
    Ok(super::no_store(page::ok(&ListPage { page, reports })?))
}

#[derive(Template)]
#[template(path = "accountability/attack_show.html")]
struct ShowPage {
    page: PageCtx,
    r: View,
    saved: bool,
}

#[derive(serde::Deserialize, Default)]
pub struct SavedQuery {
    #[serde(default)]
    saved: String,
}

/// The report if the signed-in person made it; 404 otherwise (a colleague's
/// report does not even exist for them).
async fn own_report(state: &AppState, ctx: &Ctx, id: &str) -> Result<store::AttackRow, WebError> {
    let tenant = ctx.tenant()?.id;
    let p = ctx.principal()?;
    let id = super::parse_id(id)?;
    store::attack(&state.db, tenant, id)
        .await?
        .filter(|r| r.reporter == p.user_id)
        .ok_or_else(WebError::not_found)
}

/// `GET /{tenant}/staff/attacks/{id}`: the reporter's view with triage,
/// the manager's follow-up, the documents and advice on filing charges.
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<SavedQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let r = own_report(&state, &ctx, &id).await?;
    let page = PageCtx::new(&ctx, "acc-attack-title");
    let v = view(&state, &page.t, &tenant.time_zone, tenant.id, &r, true).await?;
    Ok(super::no_store(page::ok(&ShowPage {
        page,
        r: v,
        saved: q.saved == "1",
    })?))
}

/// `GET /{tenant}/staff/attacks/{id}/{complaint,accident}.pdf`: a
/// prefilled criminal complaint or accident report for the reporter to
/// check and sign.
pub async fn document(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id, file)): Path<(String, String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let kind = match file.as_str() {
        "complaint.pdf" => "complaint",
        "accident.pdf" => "accident",
        _ => return Err(WebError::not_found()),
    };
    let r = own_report(&state, &ctx, &id).await?;
    let p = ctx.principal()?;
    let t = Tr::new(ctx.lang());
    let v = view(&state, &t, &tenant.time_zone, tenant.id, &r, false).await?;
    let title = t.t(&format!("acc-doc-{kind}-title")).into_owned();
    let mut d = super::pdf::Doc::new(&title, ctx.lang().html_lang());
    d.para(&t.t(&format!("acc-doc-{kind}-lead")));
    d.field(&t.t("acc-doc-reference"), &v.reference);
    d.field(&t.t("acc-doc-person"), &p.display_name);
    d.field(&t.t("acc-doc-role"), &v.role);
    d.field(&t.t("acc-doc-employer"), &tenant.name);
    d.field(&t.t("acc-field-occurred-at"), &v.when);
    d.field(&t.t("acc-field-place"), &v.place);
    d.field(&t.t("acc-field-situation"), &v.situation);
    d.field(&t.t("acc-field-kinds"), &v.kinds);
    d.heading(&t.t("acc-field-description"), 12.0);
    d.para(&v.description);
    d.field(
        &t.t("acc-field-injuries"),
        if v.injuries.is_empty() {
            if r.injured {
                t.t("acc-yes").into_owned()
            } else {
                t.t("acc-no").into_owned()
            }
        } else {
            v.injuries.clone()
        }
        .as_str(),
    );
    d.field(&t.t("acc-field-witnesses"), &v.witnesses);
    d.field(
        &t.t("acc-field-bodycam"),
        &if v.bodycam {
            t.t("acc-yes")
        } else {
            t.t("acc-no")
        },
    );
    if kind == "complaint" {
        d.para(&t.t("acc-doc-complaint-request"));
    } else {
        d.para(&t.t("acc-doc-accident-note"));
    }
    d.para(&t.t("acc-doc-check"));
    d.signature(&t.t("acc-doc-signature"));
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            ctx.staff_actor(Permission::ReportAttack)?,
            "attack.document",
            "attack_report",
            r.report_id,
        )
        .details(serde_json::json!({ "document": kind })),
    )
    .await?;
    tx.commit().await?;
    let mut res = d.finish().into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/pdf"),
    );
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"{kind}-{}.pdf\"",
        r.reference
    )) {
        res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}

#[derive(Template)]
#[template(path = "accountability/attack_triage.html")]
struct TriagePage {
    page: PageCtx,
    reports: Vec<View>,
    levels: Vec<Choice>,
}

/// `GET /{tenant}/staff/attack-triage`: the control centre's list.
pub async fn triage_list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let page = PageCtx::new(&ctx, "acc-triage-title");
    let mut reports = Vec::new();
    for r in store::attacks(&state.db, tenant.id, 200).await? {
        reports.push(view(&state, &page.t, &tenant.time_zone, tenant.id, &r, false).await?);
    }
    let levels = super::choices(&page.t, "acc-triage", &model::TRIAGE_LEVELS);
    Ok(super::no_store(page::ok(&TriagePage {
        page,
        reports,
        levels,
    })?))
}

/// `POST /{tenant}/staff/attack-triage/{id}`.
pub async fn triage(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let p = ctx.principal()?;
    let id = super::parse_id(&id)?;
    let f = Fields(pairs);
    let level = f.get("level");
    let level = model::TRIAGE_LEVELS
        .iter()
        .find(|l| **l == level)
        .ok_or_else(|| WebError::new(StatusCode::UNPROCESSABLE_ENTITY, "acc-error-triage"))?;
    let note = f.get("note").trim().to_owned();
    if note.chars().count() > 2000 {
        return Err(WebError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "acc-error-too-long",
        ));
    }
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    if !store::triage(&mut tx, tenant.id, id, level, &note, p.user_id, now).await? {
        return Err(WebError::not_found());
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            ctx.staff_actor(Permission::TriageAttacks)?,
            "attack.triage",
            "attack_report",
            id,
        )
        .details(serde_json::json!({ "level": level })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/attack-triage", tenant.slug.as_str())).into_response())
}

#[derive(Template)]
#[template(path = "accountability/attack_followup_list.html")]
struct FollowupListPage {
    page: PageCtx,
    reports: Vec<View>,
}

/// `GET /{tenant}/staff/attack-followup`: a designated manager's list.
pub async fn followup_list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    super::require_manager(&state, &ctx).await?;
    let tenant = ctx.tenant()?.clone();
    let page = PageCtx::new(&ctx, "acc-followup-title");
    let mut reports = Vec::new();
    for r in store::attacks(&state.db, tenant.id, 300).await? {
        reports.push(view(&state, &page.t, &tenant.time_zone, tenant.id, &r, true).await?);
    }
    Ok(super::no_store(page::ok(&FollowupListPage {
        page,
        reports,
    })?))
}

#[derive(Template)]
#[template(path = "accountability/attack_followup.html")]
struct FollowupPage {
    page: PageCtx,
    r: View,
    statuses: Vec<Choice>,
    saved: bool,
}

/// `GET /{tenant}/staff/attack-followup/{id}`.
pub async fn followup_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<SavedQuery>,
) -> Result<Response, WebError> {
    super::require_manager(&state, &ctx).await?;
    let tenant = ctx.tenant()?.clone();
    let id = super::parse_id(&id)?;
    let r = store::attack(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let page = PageCtx::new(&ctx, "acc-followup-title");
    let v = view(&state, &page.t, &tenant.time_zone, tenant.id, &r, true).await?;
    let statuses = super::choices(&page.t, "acc-status", &model::FOLLOWUP_STATUSES);
    Ok(super::no_store(page::ok(&FollowupPage {
        page,
        r: v,
        statuses,
        saved: q.saved == "1",
    })?))
}

/// `POST /{tenant}/staff/attack-followup/{id}`: status and note of each
/// step (`{step}_status`, `{step}_note`).
pub async fn followup_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    super::require_manager(&state, &ctx).await?;
    let tenant = ctx.tenant()?.clone();
    let p = ctx.principal()?;
    let id = super::parse_id(&id)?;
    if store::attack(&state.db, tenant.id, id).await?.is_none() {
        return Err(WebError::not_found());
    }
    let f = Fields(pairs);
    let mut steps = Vec::new();
    for step in model::FOLLOWUP_STEPS {
        let status = f.get(&format!("{step}_status"));
        if status.is_empty() {
            continue;
        }
        if !model::FOLLOWUP_STATUSES.contains(&status.as_str()) {
            return Err(WebError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "acc-error-status",
            ));
        }
        let note = f.get(&format!("{step}_note")).trim().to_owned();
        if note.chars().count() > 2000 {
            return Err(WebError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "acc-error-too-long",
            ));
        }
        steps.push((step, status, note));
    }
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    for (step, status, note) in &steps {
        store::set_followup(&mut tx, tenant.id, id, step, status, note, p.user_id, now).await?;
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            ctx.staff_actor(Permission::ManageAttackFollowUp)?,
            "attack.followup",
            "attack_report",
            id,
        )
        .details(serde_json::json!({
            "steps": steps.iter().map(|(s, st, _)| serde_json::json!({"step": s, "status": st})).collect::<Vec<_>>()
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!(
        "/{}/staff/attack-followup/{id}?saved=1",
        tenant.slug.as_str()
    ))
    .into_response())
}

pub struct StatTable {
    pub title: String,
    pub rows: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "accountability/attack_stats.html")]
struct StatsPage {
    page: PageCtx,
    year: i32,
    total: i64,
    tables: Vec<StatTable>,
}

#[derive(serde::Deserialize, Default)]
pub struct YearQuery {
    #[serde(default)]
    year: Option<i32>,
}

/// `GET /{tenant}/staff/attack-statistics?year=`: reports per district,
/// time of day, situation and kind; cells of 1–4 suppressed.
pub async fn statistics(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<YearQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let tz = tenant.time_zone.clone();
    let year = q
        .year
        .filter(|y| (2000..=2100).contains(y))
        .unwrap_or_else(|| model::Period::quarter_of(state.clock.now(), &tz).year);
    let (from, to) = model::Period {
        year,
        quarter: None,
    }
    .bounds(&tz)
    .ok_or_else(WebError::not_found)?;
    let rows = store::attacks_between(&state.db, tenant.id, from.into(), to.into()).await?;
    let page = PageCtx::new(&ctx, "acc-attack-stats-title");
    let t = page.t;
    let sup = t.t("acc-suppressed").into_owned();
    let table = |title: String, counts: BTreeMap<String, i64>| StatTable {
        title,
        rows: counts
            .into_iter()
            .map(|(k, n)| {
                (
                    k,
                    suppressed(n)
                        .map(|n| n.to_string())
                        .unwrap_or_else(|| sup.clone()),
                )
            })
            .collect(),
    };
    let mut by_district = BTreeMap::new();
    let mut by_time = BTreeMap::new();
    let mut by_situation = BTreeMap::new();
    let mut by_kind = BTreeMap::new();
    for r in &rows {
        let d = if r.district.is_empty() {
            t.t("acc-district-none").into_owned()
        } else {
            r.district.clone()
        };
        *by_district.entry(d).or_insert(0) += 1;
        let hour: u32 = model::local(r.occurred_at.0, &tz, "%H")
            .parse()
            .unwrap_or(0);
        let band = format!("{:02}–{:02}", hour / 6 * 6, hour / 6 * 6 + 6);
        *by_time.entry(band).or_insert(0) += 1;
        *by_situation
            .entry(super::label(&t, "acc-situation", &r.situation))
            .or_insert(0) += 1;
        for k in r.kinds.split(',').filter(|k| !k.is_empty()) {
            *by_kind
                .entry(super::label(&t, "acc-attack-kind", k))
                .or_insert(0) += 1;
        }
    }
    let tables = vec![
        table(t.t("acc-sec-district").into_owned(), by_district),
        table(t.t("acc-sec-time").into_owned(), by_time),
        table(t.t("acc-sec-situation").into_owned(), by_situation),
        table(t.t("acc-sec-attack-kind").into_owned(), by_kind),
    ];
    Ok(super::no_store(page::ok(&StatsPage {
        page,
        year,
        total: rows.len() as i64,
        tables,
    })?))
}
