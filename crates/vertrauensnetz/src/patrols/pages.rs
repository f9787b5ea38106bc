//! HTML pages of the planning office, the committee and the control
//! centre. Thin: parse the form, call `service`, render.

use std::collections::{BTreeMap, HashMap};

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use chrono::{Duration, NaiveDate};
use uuid::Uuid;

use super::model::{self, to_local, IncidentInput, Problem};
use super::planning::{checker::Violation, Agency, Band};
use super::service::{self, AssignOutcome, EditError, PublishOutcome};
use super::store;
use crate::accountability::Fields;
use crate::platform::audit::{self, Entry};
use crate::platform::auth::Permission;
use crate::platform::db::Timestamp;
use crate::platform::i18n::{Lang, Tr};
use crate::platform::tenants::Tenant;
use crate::platform::web::extract::CsrfForm;
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

fn no_store(res: Response) -> Response {
    crate::accountability::no_store(res)
}

fn errors(t: &Tr, problems: &[Problem]) -> FormErrors {
    let mut e = FormErrors::new();
    for p in problems {
        e.add(p.field, t.t(p.key).into_owned());
    }
    e
}

fn local_time(t: Timestamp, tz: &str, fmt: &str) -> String {
    to_local(t.0, tz).format(fmt).to_string()
}

fn today(state: &AppState, tenant: &Tenant) -> NaiveDate {
    to_local(state.clock.now(), &tenant.time_zone).date()
}

fn band_label(t: &Tr, band: &str) -> String {
    t.t(&format!("patrols-band-{band}")).into_owned()
}

fn agency_label(t: &Tr, agency: &str) -> String {
    t.t(&format!("patrols-agency-{agency}")).into_owned()
}

fn qual_label(t: &Tr, q: &str) -> String {
    t.t(&format!("patrols-qual-{}", q.replace('_', "-")))
        .into_owned()
}

pub struct Choice {
    pub value: String,
    pub label: String,
}

fn quals(t: &Tr) -> Vec<Choice> {
    model::QUALIFICATIONS
        .iter()
        .map(|q| Choice {
            value: (*q).into(),
            label: qual_label(t, q),
        })
        .collect()
}

// ---------------------------------------------------------------- plans

#[derive(Template)]
#[template(path = "patrols/plans.html")]
struct PlansPage {
    page: PageCtx,
    plans: Vec<PlanLine>,
    can_plan: bool,
    first_day: String,
    days: String,
    errors: FormErrors,
}

struct PlanLine {
    id: String,
    period: String,
    status: String,
}

async fn plans_page(
    state: &AppState,
    ctx: &Ctx,
    first_day: String,
    days: String,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let page = PageCtx::new(ctx, "patrols-plans-title");
    let plans = store::plans(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|p| PlanLine {
            id: p.plan_id.to_string(),
            period: format!("{} – {}", p.first_day, p.last_day),
            status: page
                .t
                .t(&format!("patrols-status-{}", p.status))
                .into_owned(),
        })
        .collect();
    let can_plan =
        crate::platform::auth::may(ctx.principal().ok(), Permission::PlanPatrols, tenant.id);
    Ok(no_store(page::render(
        &PlansPage {
            page,
            plans,
            can_plan,
            first_day,
            days,
            errors,
        },
        status,
    )?))
}

/// `GET /{tenant}/staff/patrols`.
pub async fn plans(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let first = today(&state, tenant) + Duration::days(1);
    plans_page(
        &state,
        &ctx,
        first.to_string(),
        "7".into(),
        FormErrors::new(),
        StatusCode::OK,
    )
    .await
}

/// `POST /{tenant}/staff/patrols`: computes a draft plan.
pub async fn create_plan(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let f = Fields(pairs);
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let mut problems = Vec::new();
    let first = model::parse_day(&f.get("first_day"));
    if first.is_none() {
        problems.push(model::problem("first_day", "patrols-error-day"));
    }
    let days = f
        .get("days")
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|d| (1..=service::MAX_DAYS).contains(d));
    if days.is_none() {
        problems.push(model::problem("days", "patrols-error-days"));
    }
    let (Some(first), Some(days)) = (first, days) else {
        return plans_page(
            &state,
            &ctx,
            f.get("first_day"),
            f.get("days"),
            errors(&t, &problems),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let actor = ctx.staff_actor(Permission::PlanPatrols)?;
    let by = ctx.principal()?.user_id;
    let g = service::generate(&state, tenant, first, days, actor, by).await?;
    Ok(Redirect::to(&format!(
        "/{}/staff/patrols/{}",
        tenant.slug.as_str(),
        g.plan_id
    ))
    .into_response())
}

#[derive(Template)]
#[template(path = "patrols/plan.html")]
struct PlanPage {
    page: PageCtx,
    id: String,
    period: String,
    status: String,
    draft: bool,
    can_plan: bool,
    gap: String,
    solve: String,
    override_reason: String,
    violations: Vec<String>,
    days: Vec<DayView>,
    areas: Vec<String>,
    bands: Vec<Choice>,
    vehicles: Vec<Choice>,
    errors: FormErrors,
    needs_override: bool,
}

struct DayView {
    day: String,
    patrols: Vec<PatrolView>,
}

struct PatrolView {
    id: String,
    area: String,
    band: String,
    time: String,
    members: String,
    member_numbers: String,
    vehicle: String,
    why: Vec<String>,
    flags: Vec<String>,
}

/// A message with several arguments.
fn tr_args(lang: Lang, id: &str, args: &[(&str, String)]) -> String {
    let mut a = fluent_bundle::FluentArgs::new();
    for (k, v) in args {
        a.set(*k, fluent_bundle::FluentValue::from(v.clone()));
    }
    crate::platform::i18n::tr(lang, id, Some(&a))
}

/// The demand terms of a patrol in words.
pub fn why(lang: Lang, reasons: &str, rank: i32, weeks: f64) -> Vec<String> {
    let parsed: Vec<service::Reason> = serde_json::from_str(reasons).unwrap_or_default();
    if rank == 0 {
        return vec![tr_args(lang, "patrols-why-manual", &[])];
    }
    let mut out: Vec<String> = parsed
        .iter()
        .map(|r| {
            let score = format!("{:.1}", r.score);
            let n = format!("{:.0}", r.amount);
            match r.source.as_str() {
                "unsafe_places" => {
                    tr_args(lang, "patrols-why-unsafe", &[("n", n), ("score", score)])
                }
                "incidents" => tr_args(
                    lang,
                    "patrols-why-incidents",
                    &[("n", n), ("weeks", format!("{weeks:.0}")), ("score", score)],
                ),
                "events" => tr_args(
                    lang,
                    "patrols-why-events",
                    &[("n", n), ("names", r.note.clone()), ("score", score)],
                ),
                "focus" => tr_args(
                    lang,
                    "patrols-why-focus",
                    &[
                        ("weight", format!("{:.1}", r.amount)),
                        ("reason", r.note.clone()),
                        ("score", score),
                    ],
                ),
                _ => tr_args(lang, "patrols-why-base", &[("score", score)]),
            }
        })
        .collect();
    if rank > 1 {
        out.push(tr_args(
            lang,
            "patrols-why-rank",
            &[("rank", rank.to_string())],
        ));
    }
    out
}

pub fn violation_text(t: &Tr, v: &Violation, numbers: &dyn Fn(usize) -> String) -> String {
    let base = t.t(v.key()).into_owned();
    match v {
        Violation::Parity { police, kod, .. } => format!("{base} ({police}/{kod})"),
        Violation::Unavailable { person, .. }
        | Violation::Overlap { person }
        | Violation::Rest { person, .. } => format!("{base}: {}", numbers(*person)),
        Violation::Hours {
            person,
            week,
            minutes,
        } => {
            format!(
                "{base}: {} (KW {week}, {} h)",
                numbers(*person),
                minutes / 60
            )
        }
        Violation::Qualification { qualification, .. } => {
            format!("{base}: {}", qual_label(t, qualification))
        }
        Violation::Malformed { .. } => base,
        Violation::VehicleDoubleBooked { vehicle, .. } => format!("{base}: {vehicle}"),
    }
}

async fn plan_page(
    state: &AppState,
    ctx: &Ctx,
    id: Uuid,
    errors: FormErrors,
    needs_override: bool,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let tz = tenant.time_zone.clone();
    let checked = service::check_plan(state, tenant, id).await?;
    let page = PageCtx::new(ctx, "patrols-plan-title");
    let t = &page.t;
    let staff = store::staff(&state.db, tenant.id).await?;
    let vehicles = store::vehicle_rows(&state.db, tenant.id).await?;
    let number_of = |s: &Uuid| {
        staff
            .iter()
            .find(|x| x.staff_id == *s)
            .map(|x| (x.service_number.clone(), x.agency.clone()))
            .unwrap_or_default()
    };
    let loaded = &checked.loaded;
    let numbers = |i: usize| {
        loaded
            .instance
            .people
            .get(i)
            .map(|p| p.service_number.clone())
            .unwrap_or_default()
    };
    let violations: Vec<String> = checked
        .violations
        .iter()
        .map(|(_, v)| violation_text(t, v, &numbers))
        .collect();
    let mut by_day: BTreeMap<String, Vec<PatrolView>> = BTreeMap::new();
    for r in &checked.rows {
        let members = checked
            .members
            .get(&r.patrol_id)
            .cloned()
            .unwrap_or_default();
        let mut named: Vec<(String, String)> = members.iter().map(number_of).collect();
        named.sort();
        let flags = checked
            .violations
            .iter()
            .filter(|(p, _)| *p == Some(r.patrol_id))
            .map(|(_, v)| violation_text(t, v, &numbers))
            .collect();
        by_day.entry(r.day.clone()).or_default().push(PatrolView {
            id: r.patrol_id.to_string(),
            area: loaded
                .area_ids
                .iter()
                .position(|a| *a == r.area_id)
                .and_then(|i| loaded.area_names.get(i).cloned())
                .unwrap_or_default(),
            band: band_label(t, &r.band),
            time: format!(
                "{}–{}",
                local_time(r.starts_at, &tz, "%H:%M"),
                local_time(r.ends_at, &tz, "%H:%M")
            ),
            members: named
                .iter()
                .map(|(n, a)| format!("{n} ({})", agency_label(t, a)))
                .collect::<Vec<_>>()
                .join(", "),
            member_numbers: named
                .iter()
                .map(|(n, _)| n.clone())
                .collect::<Vec<_>>()
                .join(" "),
            vehicle: r
                .vehicle_id
                .and_then(|v| vehicles.iter().find(|x| x.vehicle_id == v))
                .map(|v| v.call_sign.clone())
                .unwrap_or_default(),
            why: why(ctx.lang(), &r.reasons, r.rank, loaded.weeks),
            flags,
        });
    }
    let p = &checked.plan;
    let gap = if p.bound.abs() < 1e-9 {
        0.0
    } else {
        ((p.bound - p.objective) / p.bound * 100.0).max(0.0)
    };
    let tpl = PlanPage {
        id: id.to_string(),
        period: format!("{} – {}", p.first_day, p.last_day),
        status: t.t(&format!("patrols-status-{}", p.status)).into_owned(),
        draft: p.status == "draft",
        can_plan: crate::platform::auth::may(
            ctx.principal().ok(),
            Permission::PlanPatrols,
            tenant.id,
        ),
        gap: format!("{gap:.2} %"),
        solve: format!("{:.1} s", p.solve_ms as f64 / 1000.0),
        override_reason: p.override_reason.clone().unwrap_or_default(),
        violations,
        days: by_day
            .into_iter()
            .map(|(day, patrols)| DayView { day, patrols })
            .collect(),
        areas: loaded.area_names.clone(),
        bands: Band::ALL
            .iter()
            .map(|b| Choice {
                value: b.as_str().into(),
                label: band_label(t, b.as_str()),
            })
            .collect(),
        vehicles: vehicles
            .iter()
            .map(|v| Choice {
                value: v.call_sign.clone(),
                label: format!("{} ({})", v.call_sign, v.kind),
            })
            .collect(),
        errors,
        needs_override,
        page,
    };
    Ok(no_store(page::render(&tpl, status)?))
}

/// `GET /{tenant}/staff/patrols/{id}`.
pub async fn plan(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let id = crate::accountability::parse_id(&id)?;
    plan_page(&state, &ctx, id, FormErrors::new(), false, StatusCode::OK).await
}

fn edit_result(r: Result<(), EditError>, t: &Tr) -> Result<Option<FormErrors>, WebError> {
    match r {
        Ok(()) => Ok(None),
        Err(EditError::Problems(p)) => Ok(Some(errors(t, &p))),
        Err(EditError::Web(e)) => Err(e),
    }
}

/// `POST /{tenant}/staff/patrols/{id}/edit`: new members of one patrol.
pub async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let id = crate::accountability::parse_id(&id)?;
    let f = Fields(pairs);
    let tenant = ctx.tenant()?;
    let patrol = crate::accountability::parse_id(&f.get("patrol"))?;
    let numbers: Vec<String> = f
        .get("members")
        .split([' ', ',', ';'])
        .map(str::to_owned)
        .collect();
    let actor = ctx.staff_actor(Permission::PlanPatrols)?;
    let r = service::edit_patrol(
        &state,
        tenant,
        id,
        patrol,
        &numbers,
        &f.get("vehicle"),
        actor,
    )
    .await;
    match edit_result(r, &Tr::new(ctx.lang()))? {
        None => Ok(Redirect::to(&format!(
            "/{}/staff/patrols/{id}?edited=1",
            tenant.slug.as_str()
        ))
        .into_response()),
        Some(e) => plan_page(&state, &ctx, id, e, false, StatusCode::UNPROCESSABLE_ENTITY).await,
    }
}

/// `POST /{tenant}/staff/patrols/{id}/add`: a patrol added by hand.
pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let id = crate::accountability::parse_id(&id)?;
    let f = Fields(pairs);
    let tenant = ctx.tenant()?;
    let numbers: Vec<String> = f
        .get("members")
        .split([' ', ',', ';'])
        .map(str::to_owned)
        .collect();
    let actor = ctx.staff_actor(Permission::PlanPatrols)?;
    let r = service::add_patrol(
        &state,
        tenant,
        id,
        &f.get("area"),
        &f.get("day"),
        &f.get("band"),
        &numbers,
        actor,
    )
    .await
    .map(|_| ());
    match edit_result(r, &Tr::new(ctx.lang()))? {
        None => Ok(Redirect::to(&format!(
            "/{}/staff/patrols/{id}?edited=1",
            tenant.slug.as_str()
        ))
        .into_response()),
        Some(e) => plan_page(&state, &ctx, id, e, false, StatusCode::UNPROCESSABLE_ENTITY).await,
    }
}

/// `POST /{tenant}/staff/patrols/{id}/publish`.
pub async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let id = crate::accountability::parse_id(&id)?;
    let f = Fields(pairs);
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let reason = f.get("override_reason");
    let override_given = f.flag("override");
    let actor = ctx.staff_actor(Permission::PlanPatrols)?;
    let outcome = service::publish(
        &state,
        tenant,
        id,
        if override_given {
            Some(reason.as_str())
        } else {
            None
        },
        actor,
    )
    .await?;
    match outcome {
        PublishOutcome::Published => Ok(Redirect::to(&format!(
            "/{}/staff/patrols/{id}?published=1",
            tenant.slug.as_str()
        ))
        .into_response()),
        PublishOutcome::NeedsOverride(_) => {
            let mut e = FormErrors::new();
            let key = if override_given {
                "patrols-error-override-reason"
            } else {
                "patrols-error-needs-override"
            };
            e.add("override_reason", t.t(key).into_owned());
            plan_page(&state, &ctx, id, e, true, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        PublishOutcome::NotDraft => {
            let mut e = FormErrors::new();
            e.add(
                "override_reason",
                t.t("patrols-error-not-draft").into_owned(),
            );
            plan_page(&state, &ctx, id, e, false, StatusCode::CONFLICT).await
        }
    }
}

// ---------------------------------------------------------------- staff

#[derive(Template)]
#[template(path = "patrols/staff.html")]
struct StaffPage {
    page: PageCtx,
    people: Vec<StaffView>,
    quals: Vec<Choice>,
    errors: FormErrors,
    form: StaffForm,
    areas: Vec<AreaView>,
    vehicles: Vec<String>,
}

struct AreaView {
    name: String,
    districts: String,
    required: String,
}

#[derive(Default)]
struct StaffForm {
    service_number: String,
    agency: String,
    languages: String,
    max_hours: String,
}

struct StaffView {
    number: String,
    agency: String,
    quals: String,
    languages: String,
    hours: i32,
    bands: String,
}

async fn staff_page(
    state: &AppState,
    ctx: &Ctx,
    form: StaffForm,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let page = PageCtx::new(ctx, "patrols-staff-title");
    let q = store::qualifications(&state.db, tenant.id).await?;
    let people = store::staff(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|s| StaffView {
            quals: q
                .iter()
                .filter(|x| x.staff_id == s.staff_id)
                .map(|x| format!("{} ({})", qual_label(&page.t, &x.name), x.since_day))
                .collect::<Vec<_>>()
                .join(", "),
            number: s.service_number,
            agency: agency_label(&page.t, &s.agency),
            languages: s.languages,
            hours: s.max_week_minutes / 60,
            bands: s
                .bands
                .split(',')
                .filter(|b| !b.is_empty())
                .map(|b| band_label(&page.t, b))
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect();
    let districts = crate::platform::tenants::districts(&state.db, tenant.id).await?;
    let mapping = store::area_districts(&state.db, tenant.id).await?;
    let areas = store::areas(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|a| AreaView {
            districts: mapping
                .iter()
                .filter(|(_, x)| *x == a.area_id)
                .map(|(d, _)| {
                    districts
                        .iter()
                        .find(|x| &x.code == d)
                        .map(|x| x.name.clone())
                        .unwrap_or_else(|| d.clone())
                })
                .collect::<Vec<_>>()
                .join(", "),
            required: a
                .required_qualification
                .as_deref()
                .map(|q| qual_label(&page.t, q))
                .unwrap_or_default(),
            name: a.name,
        })
        .collect();
    let vehicles = store::vehicles(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|(c, k)| format!("{c} ({k})"))
        .collect();
    let tpl = StaffPage {
        quals: quals(&page.t),
        page,
        people,
        errors,
        form,
        areas,
        vehicles,
    };
    Ok(no_store(page::render(&tpl, status)?))
}

/// `GET /{tenant}/staff/patrol-staff`.
pub async fn staff(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    staff_page(
        &state,
        &ctx,
        StaffForm {
            max_hours: "40".into(),
            agency: "kod".into(),
            ..StaffForm::default()
        },
        FormErrors::new(),
        StatusCode::OK,
    )
    .await
}

/// `POST /{tenant}/staff/patrol-staff`: adds a person to the register.
pub async fn add_staff(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let f = Fields(pairs);
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let form = StaffForm {
        service_number: f.get("service_number").trim().to_owned(),
        agency: f.get("agency"),
        languages: f.get("languages").trim().to_owned(),
        max_hours: f.get("max_hours"),
    };
    let mut problems = Vec::new();
    let number_ok = (2..=20).contains(&form.service_number.chars().count())
        && form
            .service_number
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !number_ok {
        problems.push(model::problem(
            "service_number",
            "patrols-error-service-number",
        ));
    }
    if Agency::parse(&form.agency).is_none() {
        problems.push(model::problem("agency", "patrols-error-agency"));
    }
    let hours = form
        .max_hours
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|h| (1..=60).contains(h));
    if hours.is_none() {
        problems.push(model::problem("max_hours", "patrols-error-hours"));
    }
    if form.languages.chars().count() > 200 {
        problems.push(model::problem("languages", "patrols-error-too-long"));
    }
    let today = today(&state, tenant);
    let mut qrows = Vec::new();
    for q in f.all("quals") {
        if !model::QUALIFICATIONS.contains(&q.as_str()) {
            problems.push(model::problem("quals", "patrols-error-qualification"));
            continue;
        }
        let since = f.get(&format!("since_{q}"));
        let since = if since.trim().is_empty() {
            Some(today)
        } else {
            model::parse_day(&since)
        };
        match since {
            Some(d) => qrows.push((q, d)),
            None => problems.push(model::problem("quals", "patrols-error-day")),
        }
    }
    let bands: Vec<String> = f
        .all("bands")
        .into_iter()
        .filter(|b| Band::parse(b).is_some())
        .collect();
    let existing = store::staff(&state.db, tenant.id).await?;
    if existing
        .iter()
        .any(|s| s.service_number.eq_ignore_ascii_case(&form.service_number))
    {
        problems.push(model::problem(
            "service_number",
            "patrols-error-service-number-taken",
        ));
    }
    let Some(hours) = hours.filter(|_| problems.is_empty()) else {
        return staff_page(
            &state,
            &ctx,
            form,
            errors(&t, &problems),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let id = Uuid::now_v7();
    let now = state.clock.now_ts();
    let actor = ctx.staff_actor(Permission::PlanPatrols)?;
    let mut tx = state.db.begin().await?;
    store::insert_staff(
        &mut tx,
        tenant.id,
        &store::StaffRow {
            staff_id: id,
            service_number: form.service_number.clone(),
            agency: form.agency.clone(),
            languages: form.languages.clone(),
            max_week_minutes: hours * 60,
            bands: bands.join(","),
            active: true,
        },
        now,
    )
    .await?;
    for (q, d) in &qrows {
        store::insert_qualification(
            &mut tx,
            tenant.id,
            &store::QualificationRow {
                staff_id: id,
                name: q.clone(),
                since_day: d.to_string(),
                until_day: None,
            },
        )
        .await?;
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "patrols.staff.create", "patrol_staff", id)
            .details(serde_json::json!({ "agency": form.agency, "qualifications": qrows.len() })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!(
        "/{}/staff/patrol-staff?saved=1",
        tenant.slug.as_str()
    ))
    .into_response())
}

/// `POST /{tenant}/staff/patrol-staff/absences`.
pub async fn add_absence(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let f = Fields(pairs);
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let staff = store::staff(&state.db, tenant.id).await?;
    let mut problems = Vec::new();
    let person = staff.iter().find(|s| {
        s.service_number
            .eq_ignore_ascii_case(f.get("service_number").trim())
    });
    if person.is_none() {
        problems.push(model::problem(
            "absence_number",
            "patrols-error-unknown-staff",
        ));
    }
    let from = model::parse_day(&f.get("from"));
    let to = model::parse_day(&f.get("to"));
    if from.is_none() || to.is_none() || from > to {
        problems.push(model::problem("absence_from", "patrols-error-day"));
    }
    let (Some(person), Some(from), Some(to), true) = (person, from, to, problems.is_empty()) else {
        return staff_page(
            &state,
            &ctx,
            StaffForm {
                max_hours: "40".into(),
                ..StaffForm::default()
            },
            errors(&t, &problems),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let tz = tenant.time_zone.as_str();
    let starts = Timestamp::from(model::to_utc(
        from.and_hms_opt(0, 0, 0).unwrap_or_default(),
        tz,
    ));
    let ends = Timestamp::from(model::to_utc(
        (to + Duration::days(1))
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default(),
        tz,
    ));
    let now = state.clock.now_ts();
    let actor = ctx.staff_actor(Permission::PlanPatrols)?;
    let mut tx = state.db.begin().await?;
    store::insert_absence(
        &mut tx,
        tenant.id,
        &store::AbsenceRow {
            staff_id: person.staff_id,
            starts_at: starts,
            ends_at: ends,
            kind: "absence".into(),
        },
    )
    .await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            actor,
            "patrols.staff.absence",
            "patrol_staff",
            person.staff_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!(
        "/{}/staff/patrol-staff?saved=1",
        tenant.slug.as_str()
    ))
    .into_response())
}

// ---------------------------------------------------------------- committee

#[derive(Template)]
#[template(path = "patrols/committee.html")]
struct CommitteePage {
    page: PageCtx,
    can_set: bool,
    areas: Vec<String>,
    bands: Vec<Choice>,
    focus: Vec<FocusView>,
    history: Vec<FocusView>,
    hours: Vec<HoursRow>,
    band_names: Vec<String>,
    agency_hours: Vec<(String, i64)>,
    counts: Vec<CountRow>,
    from: String,
    to: String,
    errors: FormErrors,
}

struct FocusView {
    area: String,
    band: String,
    weight: String,
    reason: String,
    version: i32,
    set_at: String,
    until: String,
}

struct HoursRow {
    area: String,
    cells: Vec<i64>,
    focus: String,
}

pub struct CountRow {
    pub area: String,
    pub kind: String,
    pub police: i64,
    pub kod: i64,
}

#[derive(serde::Deserialize, Default)]
pub struct Period {
    pub from: Option<String>,
    pub to: Option<String>,
}

/// The period of a committee or log report: default the last 30 days to
/// today plus 7.
fn period(state: &AppState, tenant: &Tenant, q: &Period) -> (NaiveDate, NaiveDate) {
    let today = today(state, tenant);
    let from = q
        .from
        .as_deref()
        .and_then(model::parse_day)
        .unwrap_or(today - Duration::days(30));
    let to =
        q.to.as_deref()
            .and_then(model::parse_day)
            .unwrap_or(today + Duration::days(7));
    if to < from {
        (to, from)
    } else {
        (from, to.min(from + Duration::days(400)))
    }
}

fn day_ts(d: NaiveDate, tz: &str) -> Timestamp {
    Timestamp::from(model::to_utc(
        d.and_hms_opt(0, 0, 0).unwrap_or_default(),
        tz,
    ))
}

pub async fn log_counts(
    state: &AppState,
    tenant: &Tenant,
    t: &Tr,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<CountRow>, WebError> {
    let tz = tenant.time_zone.as_str();
    let areas = store::areas(&state.db, tenant.id).await?;
    let mut map: BTreeMap<(String, String), (i64, i64)> = BTreeMap::new();
    for (area, kind, agency, n) in store::log_counts(
        &state.db,
        tenant.id,
        day_ts(from, tz),
        day_ts(to + Duration::days(1), tz),
    )
    .await?
    {
        let name = areas
            .iter()
            .find(|a| a.area_id == area)
            .map(|a| a.name.clone())
            .unwrap_or_default();
        let e = map.entry((name, kind)).or_default();
        if agency == "police" {
            e.0 += n
        } else {
            e.1 += n
        }
    }
    Ok(map
        .into_iter()
        .map(|((area, kind), (police, kod))| CountRow {
            area,
            kind: t
                .t(&format!("patrols-log-{}", kind.replace('_', "-")))
                .into_owned(),
            police,
            kod,
        })
        .collect())
}

async fn committee_page(
    state: &AppState,
    ctx: &Ctx,
    q: &Period,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let tz = tenant.time_zone.clone();
    let page = PageCtx::new(ctx, "patrols-committee-title");
    let t = &page.t;
    let (from, to) = period(state, tenant, q);
    let areas = store::areas(&state.db, tenant.id).await?;
    let area_name = |id: Uuid| {
        areas
            .iter()
            .find(|a| a.area_id == id)
            .map(|a| a.name.clone())
            .unwrap_or_default()
    };
    let all_focus = store::focus(&state.db, tenant.id).await?;
    let view = |f: &store::FocusRow| FocusView {
        area: area_name(f.area_id),
        band: if f.band == "all" {
            t.t("patrols-band-all").into_owned()
        } else {
            band_label(t, &f.band)
        },
        weight: format!("{:.1}", f.weight),
        reason: f.reason.clone(),
        version: f.version,
        set_at: local_time(f.set_at, &tz, "%d.%m.%Y %H:%M"),
        until: f
            .superseded_at
            .map(|s| local_time(s, &tz, "%d.%m.%Y %H:%M"))
            .unwrap_or_default(),
    };
    let focus: Vec<FocusView> = all_focus
        .iter()
        .filter(|f| f.superseded_at.is_none())
        .map(view)
        .collect();
    let history: Vec<FocusView> = all_focus
        .iter()
        .filter(|f| f.superseded_at.is_some())
        .map(view)
        .collect();
    let patrols = store::published_patrols(
        &state.db,
        tenant.id,
        day_ts(from, &tz),
        day_ts(to + Duration::days(1), &tz),
    )
    .await?;
    let ids: Vec<Uuid> = patrols.iter().map(|p| p.patrol_id).collect();
    let members = store::members_of(&state.db, tenant.id, &ids).await?;
    let staff = store::staff(&state.db, tenant.id).await?;
    let mut hours: HashMap<(Uuid, String), i64> = HashMap::new();
    let mut agency_hours: BTreeMap<String, i64> = BTreeMap::new();
    for p in &patrols {
        let h = (p.ends_at.0 - p.starts_at.0).num_hours();
        *hours.entry((p.area_id, p.band.clone())).or_default() += h;
        for (_, s) in members.iter().filter(|(pid, _)| *pid == p.patrol_id) {
            if let Some(a) = staff.iter().find(|x| x.staff_id == *s) {
                *agency_hours.entry(agency_label(t, &a.agency)).or_default() += h;
            }
        }
    }
    let rows = areas
        .iter()
        .map(|a| HoursRow {
            area: a.name.clone(),
            cells: Band::ALL
                .iter()
                .map(|b| {
                    hours
                        .get(&(a.area_id, b.as_str().to_owned()))
                        .copied()
                        .unwrap_or(0)
                })
                .collect(),
            focus: all_focus
                .iter()
                .filter(|f| f.area_id == a.area_id && f.superseded_at.is_none())
                .map(|f| {
                    format!(
                        "{} {:.1}",
                        if f.band == "all" {
                            t.t("patrols-band-all").into_owned()
                        } else {
                            band_label(t, &f.band)
                        },
                        f.weight
                    )
                })
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect();
    let counts = log_counts(state, tenant, t, from, to).await?;
    let tpl = CommitteePage {
        can_set: crate::platform::auth::may(
            ctx.principal().ok(),
            Permission::SetFocusAreas,
            tenant.id,
        ),
        areas: areas.iter().map(|a| a.name.clone()).collect(),
        bands: std::iter::once(Choice {
            value: "all".into(),
            label: t.t("patrols-band-all").into_owned(),
        })
        .chain(Band::ALL.iter().map(|b| Choice {
            value: b.as_str().into(),
            label: band_label(t, b.as_str()),
        }))
        .collect(),
        focus,
        history,
        hours: rows,
        band_names: Band::ALL
            .iter()
            .map(|b| band_label(t, b.as_str()))
            .collect(),
        agency_hours: agency_hours.into_iter().collect(),
        counts,
        from: from.to_string(),
        to: to.to_string(),
        errors,
        page,
    };
    Ok(no_store(page::render(&tpl, status)?))
}

/// `GET /{tenant}/staff/patrol-committee`.
pub async fn committee(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<Period>,
) -> Result<Response, WebError> {
    committee_page(&state, &ctx, &q, FormErrors::new(), StatusCode::OK).await
}

/// `POST /{tenant}/staff/patrol-committee`: a new version of a focus area.
pub async fn set_focus(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let f = Fields(pairs);
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let areas = store::areas(&state.db, tenant.id).await?;
    let mut problems = Vec::new();
    let area = areas.iter().find(|a| a.name == f.get("area"));
    if area.is_none() {
        problems.push(model::problem("area", "patrols-error-area"));
    }
    let band = f.get("band");
    if band != "all" && Band::parse(&band).is_none() {
        problems.push(model::problem("band", "patrols-error-band"));
    }
    let weight = f
        .get("weight")
        .trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|w| w.is_finite() && (0.0..=10.0).contains(w));
    if weight.is_none() {
        problems.push(model::problem("weight", "patrols-error-weight"));
    }
    let reason = f.get("reason").trim().to_owned();
    if reason.is_empty() || reason.chars().count() > 1000 {
        problems.push(model::problem("reason", "patrols-error-reason"));
    }
    let (Some(area), Some(weight), true) = (area, weight, problems.is_empty()) else {
        return committee_page(
            &state,
            &ctx,
            &Period::default(),
            errors(&t, &problems),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let actor = ctx.staff_actor(Permission::SetFocusAreas)?;
    let by = ctx.principal()?.user_id;
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let (id, version) = store::set_focus(
        &mut tx,
        tenant.id,
        area.area_id,
        &band,
        weight,
        &reason,
        by,
        now,
    )
    .await?;
    audit::append(&mut tx, tenant.id, now, &Entry::new(actor, "patrols.focus.set", "patrol_focus", id)
        .details(serde_json::json!({ "area": area.area_id, "band": band, "weight": weight, "version": version }))).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!(
        "/{}/staff/patrol-committee?saved=1",
        tenant.slug.as_str()
    ))
    .into_response())
}

// ---------------------------------------------------------------- control centre

#[derive(Template)]
#[template(path = "patrols/dispatch.html")]
struct DispatchPage {
    page: PageCtx,
    board: Board,
    form: IncidentInput,
    priority: String,
    lat: String,
    lon: String,
    errors: FormErrors,
    sources: Vec<Choice>,
    kinds: Vec<Choice>,
    quals: Vec<Choice>,
    districts: Vec<String>,
    script: &'static str,
    statuses: Vec<Choice>,
}

#[derive(serde::Serialize, Default)]
pub struct Board {
    pub incidents: Vec<IncidentLine>,
    pub units: Vec<UnitLine>,
    pub updated: String,
}

#[derive(serde::Serialize)]
pub struct IncidentLine {
    pub id: String,
    pub reference: String,
    pub kind: String,
    pub priority: i32,
    pub place: String,
    pub since: String,
    pub units: String,
    pub suggested: String,
    pub suggested_id: String,
}

#[derive(serde::Serialize)]
pub struct UnitLine {
    pub id: String,
    pub call_sign: String,
    pub status: i32,
    pub status_label: String,
    pub since: String,
    pub qualifications: String,
    /// Service numbers of the crew of the patrol on duty.
    pub crew: String,
}

/// The board: open incidents (with the best suggestion) and units.
pub async fn board(state: &AppState, tenant: &Tenant, t: &Tr) -> Result<Board, WebError> {
    service::sync_units(state, tenant).await?;
    let tz = tenant.time_zone.as_str();
    let units = store::units(&state.db, tenant.id).await?;
    let open = store::open_incidents(&state.db, tenant.id, 100).await?;
    let assignments = store::assignments(&state.db, tenant.id, true).await?;
    let settings = store::settings(&state.db, tenant.id).await?;
    let candidates: Vec<model::Candidate> = units
        .iter()
        .map(|u| model::Candidate {
            id: u.unit_id,
            call_sign: u.call_sign.clone(),
            status: u.status,
            qualifications: u.qualifications.split(',').map(str::to_owned).collect(),
            position: (u.lat, u.lon),
        })
        .collect();
    let incidents = open
        .iter()
        .map(|i| {
            let best = match (i.lat, i.lon) {
                (Some(lat), Some(lon)) => model::rank_units(
                    (lat, lon),
                    i.required_qualification.as_deref(),
                    &candidates,
                    settings.road_factor,
                    settings.speed_kmh,
                    1,
                )
                .into_iter()
                .next(),
                _ => None,
            };
            IncidentLine {
                id: i.incident_id.to_string(),
                reference: i.reference.clone(),
                kind: t
                    .t(&format!("patrols-kind-{}", i.kind.replace('_', "-")))
                    .into_owned(),
                priority: i.priority,
                place: i.address.clone(),
                since: local_time(i.created_at, tz, "%H:%M"),
                units: assignments
                    .iter()
                    .filter(|a| a.incident_id == i.incident_id)
                    .filter_map(|a| {
                        units
                            .iter()
                            .find(|u| u.unit_id == a.unit_id)
                            .map(|u| u.call_sign.clone())
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
                suggested: best
                    .as_ref()
                    .map(|b| format!("{} ({:.1} km)", b.call_sign, b.distance_m / 1000.0))
                    .unwrap_or_default(),
                suggested_id: best.map(|b| b.unit_id.to_string()).unwrap_or_default(),
            }
        })
        .collect();
    Ok(Board {
        incidents,
        units: units
            .iter()
            .map(|u| UnitLine {
                id: u.unit_id.to_string(),
                call_sign: u.call_sign.clone(),
                status: u.status,
                status_label: t.t(&format!("patrols-fms-{}", u.status)).into_owned(),
                since: local_time(u.status_at, tz, "%H:%M"),
                crew: u.crew.clone(),
                qualifications: u
                    .qualifications
                    .split(',')
                    .filter(|q| !q.is_empty())
                    .map(|q| qual_label(t, q))
                    .collect::<Vec<_>>()
                    .join(", "),
            })
            .collect(),
        updated: local_time(state.clock.now_ts(), tz, "%H:%M:%S"),
    })
}

async fn dispatch_page(
    state: &AppState,
    ctx: &Ctx,
    form: IncidentInput,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let page = PageCtx::new(ctx, "patrols-dispatch-title");
    let t = &page.t;
    let tpl = DispatchPage {
        board: board(state, tenant, t).await?,
        priority: form
            .priority
            .map(|p| p.to_string())
            .unwrap_or_else(|| "2".into()),
        lat: form.lat.map(|v| v.to_string()).unwrap_or_default(),
        lon: form.lon.map(|v| v.to_string()).unwrap_or_default(),
        form,
        errors,
        sources: model::SOURCES
            .iter()
            .map(|s| Choice {
                value: (*s).into(),
                label: t.t(&format!("patrols-source-{s}")).into_owned(),
            })
            .collect(),
        kinds: model::INCIDENT_KINDS
            .iter()
            .map(|s| Choice {
                value: (*s).into(),
                label: t
                    .t(&format!("patrols-kind-{}", s.replace('_', "-")))
                    .into_owned(),
            })
            .collect(),
        quals: quals(t),
        districts: crate::accountability::district_names(state, tenant.id).await?,
        script: crate::platform::web::assets::url("patrols-board.js"),
        statuses: model::FMS
            .iter()
            .map(|s| Choice {
                value: s.to_string(),
                label: format!("{s} – {}", t.t(&format!("patrols-fms-{s}"))),
            })
            .collect(),
        page,
    };
    Ok(no_store(page::render(&tpl, status)?))
}

/// `GET /{tenant}/staff/dispatch`.
pub async fn dispatch(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    dispatch_page(
        &state,
        &ctx,
        IncidentInput {
            source: "phone".into(),
            ..IncidentInput::default()
        },
        FormErrors::new(),
        StatusCode::OK,
    )
    .await
}

/// `GET /{tenant}/staff/dispatch/board.json`: the live board's data
/// (polled by `patrols-board.js`).
pub async fn board_json(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let b = board(&state, tenant, &Tr::new(ctx.lang())).await?;
    Ok(no_store(Json(b).into_response()))
}

fn parse_f64(s: &str) -> Option<f64> {
    let s = s.trim().replace(',', ".");
    if s.is_empty() {
        None
    } else {
        Some(s.parse().unwrap_or(f64::NAN))
    }
}

/// `POST /{tenant}/staff/dispatch`: incident intake.
pub async fn take(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let f = Fields(pairs);
    let tenant = ctx.tenant()?;
    let input = IncidentInput {
        source: f.get("source"),
        kind: f.get("type"),
        priority: Some(f.number("priority").unwrap_or(2)),
        lat: parse_f64(&f.get("lat")),
        lon: parse_f64(&f.get("long")),
        address: f.get("address"),
        district: f.get("district"),
        description: f.get("description"),
        required_qualification: f.get("required_qualification"),
    };
    let actor = ctx.staff_actor(Permission::Dispatch)?;
    match service::take_incident(&state, tenant, &input, actor).await? {
        Ok(taken) => Ok(Redirect::to(&format!(
            "/{}/staff/dispatch/{}",
            tenant.slug.as_str(),
            taken.incident.incident_id
        ))
        .into_response()),
        Err(p) => {
            dispatch_page(
                &state,
                &ctx,
                input,
                errors(&Tr::new(ctx.lang()), &p),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

#[derive(Template)]
#[template(path = "patrols/incident.html")]
struct IncidentPage {
    page: PageCtx,
    id: String,
    reference: String,
    kind: String,
    priority: i32,
    place: String,
    description: String,
    required: String,
    status: String,
    open: bool,
    basis: String,
    suggestions: Vec<SuggestionView>,
    assignments: Vec<AssignmentView>,
    error: String,
}

struct SuggestionView {
    unit_id: String,
    call_sign: String,
    distance: String,
    eta: String,
}

struct AssignmentView {
    unit: String,
    alerted: String,
    en_route: String,
    on_scene: String,
    cleared: String,
}

async fn incident_page(
    state: &AppState,
    ctx: &Ctx,
    id: Uuid,
    error: String,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let tz = tenant.time_zone.clone();
    let i = store::incident(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let page = PageCtx::new(ctx, "patrols-incident-title");
    let t = &page.t;
    let suggested = if i.status == "open" {
        Some(service::suggest(state, tenant, &i).await?)
    } else {
        None
    };
    let basis = suggested
        .as_ref()
        .map(|s| {
            t.t(&format!(
                "patrols-basis-{}",
                s.basis.as_str().replace('_', "-")
            ))
            .into_owned()
        })
        .unwrap_or_default();
    let suggestions = suggested.map(|s| s.units).unwrap_or_default();
    let units = store::units(&state.db, tenant.id).await?;
    let fmt = |x: Option<Timestamp>| {
        x.map(|v| local_time(v, &tz, "%H:%M:%S"))
            .unwrap_or_else(|| "–".into())
    };
    let assignments = store::assignments_of(&state.db, tenant.id, id)
        .await?
        .into_iter()
        .map(|a| AssignmentView {
            unit: units
                .iter()
                .find(|u| u.unit_id == a.unit_id)
                .map(|u| u.call_sign.clone())
                .unwrap_or_default(),
            alerted: fmt(Some(a.alerted_at)),
            en_route: fmt(a.en_route_at),
            on_scene: fmt(a.on_scene_at),
            cleared: fmt(a.cleared_at),
        })
        .collect();
    let tpl = IncidentPage {
        id: id.to_string(),
        reference: i.reference.clone(),
        kind: t
            .t(&format!("patrols-kind-{}", i.kind.replace('_', "-")))
            .into_owned(),
        priority: i.priority,
        place: match (i.lat, i.lon) {
            (Some(lat), Some(lon)) if i.address.is_empty() => format!("{lat:.5}, {lon:.5}"),
            (Some(lat), Some(lon)) => format!("{} ({lat:.5}, {lon:.5})", i.address),
            _ => i.address.clone(),
        },
        description: i.description.clone(),
        required: i
            .required_qualification
            .as_deref()
            .map(|q| qual_label(t, q))
            .unwrap_or_default(),
        status: t.t(&format!("patrols-incident-{}", i.status)).into_owned(),
        open: i.status == "open",
        basis,
        suggestions: suggestions
            .into_iter()
            .map(|s| SuggestionView {
                unit_id: s.unit_id.to_string(),
                call_sign: s.call_sign,
                distance: format!("{:.1} km", s.distance_m / 1000.0),
                eta: format!("{:.0} min", s.eta_minutes.ceil()),
            })
            .collect(),
        assignments,
        error,
        page,
    };
    Ok(no_store(page::render(&tpl, status)?))
}

/// `GET /{tenant}/staff/dispatch/{id}`.
pub async fn incident(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let id = crate::accountability::parse_id(&id)?;
    incident_page(&state, &ctx, id, String::new(), StatusCode::OK).await
}

/// `POST /{tenant}/staff/dispatch/{id}/assign`.
pub async fn assign(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let id = crate::accountability::parse_id(&id)?;
    let f = Fields(pairs);
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let Ok(unit) = f.get("unit").parse::<Uuid>() else {
        return incident_page(
            &state,
            &ctx,
            id,
            t.t("patrols-error-unit").into_owned(),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let actor = ctx.staff_actor(Permission::Dispatch)?;
    let key = match service::assign(&state, tenant, id, unit, actor).await {
        Ok(AssignOutcome::Assigned(_)) => {
            return Ok(Redirect::to(&format!(
                "/{}/staff/dispatch/{id}?assigned=1",
                tenant.slug.as_str()
            ))
            .into_response())
        }
        Ok(AssignOutcome::UnitBusy) => "patrols-error-unit-busy",
        Ok(AssignOutcome::IncidentClosed) => "patrols-error-incident-closed",
        Ok(AssignOutcome::UnitUnqualified) => "patrols-error-unit-unqualified",
        Err(e) if e.status == StatusCode::UNPROCESSABLE_ENTITY => "patrols-error-unit",
        Err(e) => return Err(e),
    };
    incident_page(
        &state,
        &ctx,
        id,
        t.t(key).into_owned(),
        StatusCode::CONFLICT,
    )
    .await
}

/// `POST /{tenant}/staff/dispatch/units/{id}`: a status set by the
/// control centre (FMS code).
pub async fn unit_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let id = crate::accountability::parse_id(&id)?;
    let f = Fields(pairs);
    let tenant = ctx.tenant()?;
    let status = f
        .number("status")
        .and_then(|s| i32::try_from(s).ok())
        .filter(|s| model::FMS.contains(s));
    let Some(status) = status else {
        let mut e = FormErrors::new();
        e.add(
            "status",
            Tr::new(ctx.lang()).t("patrols-error-status").into_owned(),
        );
        return dispatch_page(
            &state,
            &ctx,
            IncidentInput::default(),
            e,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let actor = ctx.staff_actor(Permission::UpdateUnitStatus)?;
    if !service::set_status(&state, tenant, id, status, None, actor).await? {
        return Err(WebError::not_found());
    }
    Ok(Redirect::to(&format!("/{}/staff/dispatch", tenant.slug.as_str())).into_response())
}

// ---------------------------------------------------------------- patrol log

#[derive(Template)]
#[template(path = "patrols/log.html")]
struct LogPage {
    page: PageCtx,
    patrols: Vec<LogPatrol>,
    kinds: Vec<Choice>,
    counts: Vec<CountRow>,
    from: String,
    to: String,
    errors: FormErrors,
    receipts: String,
}

struct LogPatrol {
    id: String,
    title: String,
    entries: Vec<String>,
}

async fn log_page(
    state: &AppState,
    ctx: &Ctx,
    q: &Period,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let tz = tenant.time_zone.clone();
    let page = PageCtx::new(ctx, "patrols-log-title");
    let t = &page.t;
    let today = today(state, tenant);
    let areas = store::areas(&state.db, tenant.id).await?;
    let recent = store::published_patrols(
        &state.db,
        tenant.id,
        day_ts(today - Duration::days(1), &tz),
        day_ts(today + Duration::days(1), &tz),
    )
    .await?;
    let mut patrols = Vec::new();
    for p in recent {
        let entries = store::log_of(&state.db, tenant.id, p.patrol_id)
            .await?
            .into_iter()
            .map(|e| {
                format!(
                    "{} {} – {} ×{} ({}){}",
                    local_time(e.occurred_at, &tz, "%H:%M"),
                    "",
                    t.t(&format!("patrols-log-{}", e.kind.replace('_', "-"))),
                    e.count,
                    agency_label(t, &e.agency),
                    if e.note.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", e.note)
                    }
                )
            })
            .collect();
        patrols.push(LogPatrol {
            id: p.patrol_id.to_string(),
            title: format!(
                "{} {} {}–{}",
                areas
                    .iter()
                    .find(|a| a.area_id == p.area_id)
                    .map(|a| a.name.clone())
                    .unwrap_or_default(),
                local_time(p.starts_at, &tz, "%d.%m."),
                local_time(p.starts_at, &tz, "%H:%M"),
                local_time(p.ends_at, &tz, "%H:%M")
            ),
            entries,
        });
    }
    let (from, to) = period(state, tenant, q);
    let tpl = LogPage {
        patrols,
        kinds: model::LOG_KINDS
            .iter()
            .map(|k| Choice {
                value: (*k).into(),
                label: t
                    .t(&format!("patrols-log-{}", k.replace('_', "-")))
                    .into_owned(),
            })
            .collect(),
        counts: log_counts(state, tenant, t, from, to).await?,
        from: from.to_string(),
        to: to.to_string(),
        errors,
        receipts: format!("/{}/receipts/new", tenant.slug.as_str()),
        page,
    };
    Ok(no_store(page::render(&tpl, status)?))
}

/// `GET /{tenant}/staff/patrol-log`.
pub async fn log(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<Period>,
) -> Result<Response, WebError> {
    log_page(&state, &ctx, &q, FormErrors::new(), StatusCode::OK).await
}

/// `POST /{tenant}/staff/patrol-log`: one entry.
pub async fn add_log(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let f = Fields(pairs);
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let p = ctx.principal()?;
    let mut problems = Vec::new();
    let patrol = match f.get("patrol").parse::<Uuid>() {
        Ok(id) => store::patrol(&state.db, tenant.id, id).await?,
        Err(_) => None,
    };
    if patrol.is_none() {
        problems.push(model::problem("patrol", "patrols-error-patrol"));
    }
    let kind = f.get("kind");
    if !model::LOG_KINDS.contains(&kind.as_str()) {
        problems.push(model::problem("kind", "patrols-error-kind"));
    }
    let own = crate::accountability::agency_of(p, tenant.id);
    let agency = match f.get("agency").as_str() {
        "" => own.map(str::to_owned),
        a if Agency::parse(a).is_some() => Some(a.to_owned()),
        _ => None,
    };
    if agency.is_none() {
        problems.push(model::problem("agency", "patrols-error-agency"));
    }
    let count = f.number("count").unwrap_or(1);
    if !(1..=100).contains(&count) {
        problems.push(model::problem("count", "patrols-error-count"));
    }
    let note = f.get("note").trim().to_owned();
    if note.chars().count() > 500 {
        problems.push(model::problem("note", "patrols-error-too-long"));
    }
    let (Some(patrol), Some(agency), true) = (patrol, agency, problems.is_empty()) else {
        return log_page(
            &state,
            &ctx,
            &Period::default(),
            errors(&t, &problems),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let actor = ctx.staff_actor(Permission::KeepPatrolLog)?;
    let now = state.clock.now_ts();
    let entry = store::LogRow {
        entry_id: Uuid::now_v7(),
        patrol_id: patrol.patrol_id,
        kind: kind.clone(),
        agency,
        count: i32::try_from(count).unwrap_or(1),
        note,
        occurred_at: now,
    };
    let mut tx = state.db.begin().await?;
    store::insert_log(&mut tx, tenant.id, &entry, p.user_id).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "patrols.log.add", "patrol", patrol.patrol_id)
            .details(serde_json::json!({ "kind": kind, "count": count })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!(
        "/{}/staff/patrol-log?saved=1",
        tenant.slug.as_str()
    ))
    .into_response())
}

// ---------------------------------------------------------------- settings

#[derive(Template)]
#[template(path = "patrols/settings.html")]
struct SettingsPage {
    page: PageCtx,
    form: model::SettingsForm,
    errors: FormErrors,
    saved: bool,
}

#[derive(serde::Deserialize, Default)]
pub struct SavedQuery {
    pub saved: Option<String>,
}

fn settings_form(s: &store::SettingsRow) -> model::SettingsForm {
    model::SettingsForm {
        min_police: s.min_police.to_string(),
        min_kod: s.min_kod.to_string(),
        road_factor: format!("{}", s.road_factor),
        speed_kmh: format!("{}", s.speed_kmh),
        routing_url: s.routing_url.clone().unwrap_or_default(),
    }
}

fn settings_page(
    ctx: &Ctx,
    form: model::SettingsForm,
    errors: FormErrors,
    saved: bool,
    status: StatusCode,
) -> Result<Response, WebError> {
    let page = PageCtx::new(ctx, "patrols-settings-title");
    let tpl = SettingsPage {
        page,
        form,
        errors,
        saved,
    };
    Ok(no_store(page::render(&tpl, status)?))
}

/// `GET /{tenant}/staff/patrol-settings`: the tenant's planning and
/// dispatch settings (the defaults until a row is written).
pub async fn settings(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<SavedQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let current = store::settings(&state.db, tenant.id).await?;
    settings_page(
        &ctx,
        settings_form(&current),
        FormErrors::new(),
        q.saved.is_some(),
        StatusCode::OK,
    )
}

/// `POST /{tenant}/staff/patrol-settings`: every field is checked; on a
/// problem nothing is stored and the typed values come back with the
/// errors (422). A change is audited with the old and new values.
pub async fn save_settings(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let f = Fields(pairs);
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let form = model::SettingsForm {
        min_police: f.get("min_police"),
        min_kod: f.get("min_kod"),
        road_factor: f.get("road_factor"),
        speed_kmh: f.get("speed_kmh"),
        routing_url: f.get("routing_url"),
    };
    let values = match form.parse() {
        Ok(v) => v,
        Err(problems) => {
            return settings_page(
                &ctx,
                form,
                errors(&t, &problems),
                false,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    };
    let actor = ctx.staff_actor(Permission::ConfigurePatrols)?;
    let old = store::settings(&state.db, tenant.id).await?;
    let new = store::SettingsRow {
        min_police: values.min_police,
        min_kod: values.min_kod,
        road_factor: values.road_factor,
        speed_kmh: values.speed_kmh,
        routing_url: values.routing_url,
        ..old.clone()
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    store::save_settings(&mut tx, tenant.id, &new, now).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "patrols.settings.set", "tenant", tenant.id.as_uuid()).details(
            serde_json::json!({
                "min_police": [old.min_police, new.min_police],
                "min_kod": [old.min_kod, new.min_kod],
                "road_factor": [old.road_factor, new.road_factor],
                "speed_kmh": [old.speed_kmh, new.speed_kmh],
                "routing_url": [old.routing_url, new.routing_url],
            }),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!(
        "/{}/staff/patrol-settings?saved=1",
        tenant.slug.as_str()
    ))
    .into_response())
}
