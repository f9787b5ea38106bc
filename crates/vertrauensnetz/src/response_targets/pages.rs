//! The rescue service's page: compliance per district and month, the
//! import of dispatch records and the targets.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::model::{self, FileError, KnownDistrict, StartPoint};
use super::store::{self, Settings};
use super::Compliance;
use crate::platform::audit::{self, Entry};
use crate::platform::auth::Permission;
use crate::platform::i18n::Tr;
use crate::platform::tenants::{self, Tenant};
use crate::platform::web::extract::{CsrfForm, CsrfMultipart};
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};
use crate::transparency::Period;

#[derive(Deserialize, Default)]
pub struct PeriodQuery {
    pub period: Option<String>,
}

pub struct RowView {
    pub name: String,
    pub incidents: i64,
    pub within: i64,
    pub percent: String,
    pub previous: String,
    pub target: String,
    pub below: bool,
}

pub struct MonthRow {
    pub name: String,
    pub cells: Vec<String>,
}

pub struct ImportView {
    pub summary: String,
    pub problems: Vec<String>,
}

pub struct PeriodLink {
    pub slug: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "transparency/response_targets.html")]
struct StaffPage {
    page: PageCtx,
    period: String,
    periods: Vec<PeriodLink>,
    call_selected: bool,
    threshold: i64,
    targets_text: String,
    warnings: Vec<String>,
    rows: Vec<RowView>,
    total: String,
    months: Vec<String>,
    month_rows: Vec<MonthRow>,
    import: Option<ImportView>,
    import_error: Option<String>,
    errors: FormErrors,
}

fn pct(tr: &Tr, p: Option<f64>) -> String {
    match p {
        Some(v) => format_percent(tr, v),
        None => tr.t("rt-none").into_owned(),
    }
}

fn format_percent(tr: &Tr, v: f64) -> String {
    format!(
        "{} %",
        crate::transparency::format_number(tr.lang, Some(v), crate::transparency::Unit::Percent)
    )
}

fn minutes(seconds: i64) -> String {
    if seconds % 60 == 0 {
        format!("{}", seconds / 60)
    } else {
        format!("{:.1}", seconds as f64 / 60.0)
    }
}

fn chosen_period(state: &AppState, tenant: &Tenant, q: &PeriodQuery) -> Result<Period, WebError> {
    let tz = tz(tenant);
    match q.period.as_deref() {
        None | Some("") => Ok(Period::current_year(state.clock.now(), tz)),
        Some(s) => Period::parse(s).ok_or_else(|| {
            WebError::new(StatusCode::BAD_REQUEST, "transparency-error-period").with_detail(
                format!(
                    "unknown period \"{}\"",
                    s.chars().take(20).collect::<String>()
                ),
            )
        }),
    }
}

pub fn tz(tenant: &Tenant) -> chrono_tz::Tz {
    tenant
        .time_zone
        .parse()
        .unwrap_or(chrono_tz::Europe::Berlin)
}

/// Compliance of a period with the previous period of the same length.
pub async fn compliance_of(
    state: &AppState,
    tenant: &Tenant,
    period: Period,
) -> Result<Compliance, WebError> {
    let (from, to) = period.months();
    let (prev_from, _) = period.previous().months();
    Ok(super::compliance(&state.db, tenant, (&from, &to), &prev_from).await?)
}

struct Extras {
    import: Option<ImportView>,
    import_error: Option<String>,
    errors: FormErrors,
    targets_text: Option<String>,
    settings: Option<Settings>,
}

impl Extras {
    fn none() -> Extras {
        Extras {
            import: None,
            import_error: None,
            errors: FormErrors::new(),
            targets_text: None,
            settings: None,
        }
    }
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    period: Period,
    extras: Extras,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let tr = Tr::new(ctx.lang());
    let c = compliance_of(state, &tenant, period).await?;
    let settings = extras.settings.unwrap_or(c.settings);
    let mut warnings = Vec::new();
    let mut rows = Vec::new();
    for d in &c.districts {
        if d.below_threshold {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("district", d.name.clone());
            args.set("percent", pct(&tr, d.total.percent()));
            args.set("threshold", c.settings.threshold_percent);
            warnings.push(crate::platform::i18n::tr(
                ctx.lang(),
                "rt-warning",
                Some(&args),
            ));
        }
        rows.push(RowView {
            name: d.name.clone(),
            incidents: d.total.incidents,
            within: d.total.within,
            percent: pct(&tr, d.total.percent()),
            previous: pct(&tr, d.previous.percent()),
            target: match d.target_seconds {
                Some(s) => {
                    let mut args = fluent_bundle::FluentArgs::new();
                    args.set("minutes", minutes(s));
                    args.set("share", d.share_percent);
                    crate::platform::i18n::tr(ctx.lang(), "rt-target-value", Some(&args))
                }
                None => tr.t("rt-none").into_owned(),
            },
            below: d.below_threshold,
        });
    }
    let months: Vec<String> = c.months.iter().map(|(m, _)| m.clone()).collect();
    let mut month_rows: Vec<MonthRow> = c
        .districts
        .iter()
        .map(|d| MonthRow {
            name: d.name.clone(),
            cells: d
                .months
                .iter()
                .map(|(_, n)| pct(&tr, n.percent()))
                .collect(),
        })
        .collect();
    month_rows.push(MonthRow {
        name: tr.t("rt-all-districts").into_owned(),
        cells: c
            .months
            .iter()
            .map(|(_, n)| pct(&tr, n.percent()))
            .collect(),
    });
    let now_year = Period::current_year(state.clock.now(), tz(&tenant)).year;
    let mut periods = Vec::new();
    for y in [now_year, now_year - 1] {
        for p in std::iter::once(None).chain((1..=4).map(Some)) {
            let slug = Period {
                year: y,
                quarter: p,
            }
            .slug();
            periods.push(PeriodLink {
                current: slug == period.slug(),
                slug,
            });
        }
    }
    let targets_text = extras.targets_text.unwrap_or_else(|| {
        c.targets
            .iter()
            .map(|t| t.line())
            .collect::<Vec<_>>()
            .join("\n")
    });
    let tpl = StaffPage {
        page: PageCtx::new(ctx, "rt-title"),
        period: period.slug(),
        periods,
        call_selected: settings.start_point == StartPoint::Call,
        threshold: settings.threshold_percent,
        targets_text,
        warnings,
        rows,
        total: pct(&tr, c.total.percent()),
        months,
        month_rows,
        import: extras.import,
        import_error: extras.import_error,
        errors: extras.errors,
    };
    page::render(&tpl, status)
}

/// `GET /{tenant}/staff/response-targets?period=2026`
pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let period = chosen_period(&state, &tenant, &q)?;
    render(&state, &ctx, period, Extras::none(), StatusCode::OK).await
}

fn file_error_text(tr: &Tr, lang: crate::platform::i18n::Lang, e: &FileError) -> String {
    match e {
        FileError::Columns { missing, found } => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("missing", missing.clone());
            args.set("found", found.clone());
            args.set("expected", model::COLUMNS.join(","));
            crate::platform::i18n::tr(lang, "rt-error-columns", Some(&args))
        }
        FileError::NotText => tr.t("rt-error-encoding").into_owned(),
        FileError::Empty => tr.t("rt-error-empty").into_owned(),
        FileError::TooManyRows => tr.t1("rt-error-too-many", "max", model::MAX_ROWS),
        FileError::Malformed => tr.t("rt-error-malformed").into_owned(),
    }
}

/// `POST /{tenant}/staff/response-targets/import` (multipart, field
/// `file`): good rows are stored (a known incident id is replaced), each
/// bad line is reported; wrong columns store nothing.
pub async fn import(
    State(state): State<AppState>,
    ctx: Ctx,
    form: CsrfMultipart,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageResponseTargets)?;
    let tr = Tr::new(ctx.lang());
    let period = Period::current_year(state.clock.now(), tz(&tenant));
    let Some(file) = form.file("file") else {
        let mut extras = Extras::none();
        extras.import_error = Some(tr.t("rt-error-no-file").into_owned());
        return render(
            &state,
            &ctx,
            period,
            extras,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let districts = tenants::districts(&state.db, tenant.id).await?;
    let known: Vec<KnownDistrict<'_>> = districts
        .iter()
        .map(|d| KnownDistrict {
            code: &d.code,
            name: &d.name,
        })
        .collect();
    let parsed = match model::parse_csv(&file.bytes, &known, tz(&tenant), state.clock.now()) {
        Ok(p) => p,
        Err(e) => {
            let mut extras = Extras::none();
            extras.import_error = Some(file_error_text(&tr, ctx.lang(), &e));
            return render(
                &state,
                &ctx,
                period,
                extras,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let problems: Vec<String> = parsed
        .problems
        .iter()
        .map(|p| {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("line", p.line);
            args.set("value", p.value.clone());
            let reason = crate::platform::i18n::tr(ctx.lang(), p.key, Some(&args));
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("line", p.line);
            args.set("reason", reason);
            crate::platform::i18n::tr(ctx.lang(), "rt-problem-line", Some(&args))
        })
        .collect();
    let stored = parsed.records.len() as i64;
    let mut new = 0;
    if stored > 0 {
        let now = state.clock.now_ts();
        let mut tx = state.db.begin().await?;
        let before = store::count(&mut tx, tenant.id).await?;
        store::upsert(&mut tx, tenant.id, &parsed.records, now).await?;
        let after = store::count(&mut tx, tenant.id).await?;
        new = after - before;
        audit::append(
            &mut tx,
            tenant.id,
            now,
            &Entry::new(actor, "dispatch.import", "tenant", tenant.id.as_uuid()).details(
                serde_json::json!({
                    "rows": stored,
                    "new": new,
                    "replaced": stored - new,
                    "refused": parsed.problems.len(),
                }),
            ),
        )
        .await?;
        tx.commit().await?;
        crate::transparency::forget(&state, tenant.id);
    }
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("stored", stored);
    args.set("new", new);
    args.set("replaced", stored - new);
    args.set("refused", parsed.problems.len());
    let summary = crate::platform::i18n::tr(ctx.lang(), "rt-import-summary", Some(&args));
    let mut extras = Extras::none();
    extras.import = Some(ImportView { summary, problems });
    let status = if stored == 0 {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    render(&state, &ctx, period, extras, status).await
}

#[derive(Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    start_point: String,
    #[serde(default)]
    threshold: String,
    #[serde(default)]
    targets: String,
}

/// `POST /{tenant}/staff/response-targets/settings`: start point,
/// threshold and targets together; nothing is saved if one is wrong.
pub async fn save_settings(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<SettingsForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageResponseTargets)?;
    let tr = Tr::new(ctx.lang());
    let mut errors = FormErrors::new();
    let start = StartPoint::parse(form.start_point.trim());
    if start.is_none() {
        errors.add("start_point", tr.t("rt-error-start-point"));
    }
    let threshold = form
        .threshold
        .trim()
        .trim_end_matches('%')
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|t| (1..=100).contains(t));
    if threshold.is_none() {
        errors.add("threshold", tr.t("rt-error-threshold"));
    }
    let districts = tenants::districts(&state.db, tenant.id).await?;
    let codes: Vec<&str> = districts.iter().map(|d| d.code.as_str()).collect();
    let targets = match model::parse_targets(&form.targets, &codes) {
        Ok(t) => Some(t),
        Err(problems) => {
            let text = problems
                .iter()
                .map(|p| {
                    let mut args = fluent_bundle::FluentArgs::new();
                    args.set("line", p.line);
                    args.set("reason", tr.t(p.key).into_owned());
                    crate::platform::i18n::tr(ctx.lang(), "rt-problem-line", Some(&args))
                })
                .collect::<Vec<_>>()
                .join(" ");
            errors.add("targets", text);
            None
        }
    };
    let period = Period::current_year(state.clock.now(), tz(&tenant));
    let (Some(start_point), Some(threshold_percent), Some(targets)) = (start, threshold, targets)
    else {
        let mut extras = Extras::none();
        extras.errors = errors;
        extras.targets_text = Some(form.targets.chars().take(20_000).collect());
        return render(
            &state,
            &ctx,
            period,
            extras,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let settings = Settings {
        start_point,
        threshold_percent,
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    store::save(&mut tx, tenant.id, settings, &targets, now).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            actor,
            "response_targets.settings",
            "tenant",
            tenant.id.as_uuid(),
        )
        .details(serde_json::json!({
            "start_point": start_point.as_str(),
            "threshold_percent": threshold_percent,
            "targets": targets.len(),
        })),
    )
    .await?;
    tx.commit().await?;
    crate::transparency::forget(&state, tenant.id);
    let mut extras = Extras::none();
    extras.import = Some(ImportView {
        summary: tr.t("rt-settings-saved").into_owned(),
        problems: Vec::new(),
    });
    render(&state, &ctx, period, extras, StatusCode::OK).await
}
