//! The committee's report (Berichtspflicht) per quarter or year: counts by
//! kind, district, month and agency, injuries, bodycam coverage, rule
//! compliance and the trend against the previous period; as an accessible
//! HTML page with server-rendered SVG charts, as PDF and as JSON. Cells of
//! 1 to 4 are suppressed wherever persons could be identified (districts,
//! months, injuries).

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use super::model::{self, suppressed, Period, Rules, Violation};
use super::store;
use crate::platform::db::Timestamp;
use crate::platform::i18n::Tr;
use crate::platform::tenants::Tenant;
use crate::platform::web::page::{self, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

/// One row of a table; `count` is `null` when suppressed (1–4).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Row {
    pub value: String,
    pub label: String,
    pub count: Option<i64>,
    /// The same count in the previous period (where a trend is shown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<i64>,
}

/// The figures at the top of the report.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Headline {
    /// Uses of force recorded in the period.
    pub records: i64,
    /// The same in the previous period.
    pub previous_records: i64,
    /// Change against the previous period in percent (`null` without one).
    pub change_percent: Option<i64>,
    pub persons_affected: i64,
    /// Persons injured by force (`null`: 1–4, suppressed).
    pub persons_injured: Option<i64>,
    pub medical_aid: Option<i64>,
    /// Records in which staff were injured (`null`: 1–4).
    pub own_injuries: Option<i64>,
    /// Records with the bodycam recording.
    pub bodycam_on: i64,
    /// Share of records with the bodycam recording, percent.
    pub bodycam_coverage_percent: Option<i64>,
    pub bodycam_activations: i64,
    pub bodycam_announced: i64,
    pub bodycam_kept_as_evidence: i64,
    /// Records that break at least one rule.
    pub records_with_violations: i64,
    /// Share of records without violation, percent.
    pub compliance_percent: Option<i64>,
    pub reviewed: i64,
}

/// A committee report.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Report {
    /// `2026` or `2026-q3`.
    pub period: String,
    pub previous_period: String,
    pub tenant: String,
    pub headline: Headline,
    pub by_kind: Vec<Row>,
    pub by_agency: Vec<Row>,
    pub by_district: Vec<Row>,
    pub by_month: Vec<Row>,
    pub violations: Vec<Row>,
    /// The rules in force when the report was made.
    #[schema(value_type = Object)]
    pub rules: Rules,
}

fn percent(part: i64, whole: i64) -> Option<i64> {
    (whole > 0).then(|| ((part as f64) * 100.0 / (whole as f64)).round() as i64)
}

/// Computes the report of `period` from the stored records.
pub async fn build(
    state: &AppState,
    tenant: &Tenant,
    period: Period,
    t: &Tr,
) -> Result<Report, WebError> {
    let tz = tenant.time_zone.as_str();
    let (from, to) = period.bounds(tz).ok_or_else(WebError::not_found)?;
    let prev = period.previous();
    let (pfrom, pto) = prev.bounds(tz).ok_or_else(WebError::not_found)?;
    let db = &state.db;
    let rows = store::force_between(db, tenant.id, from.into(), to.into()).await?;
    let prev_rows = store::force_between(db, tenant.id, pfrom.into(), pto.into()).await?;
    let cams = store::bodycam_between(db, tenant.id, from.into(), to.into()).await?;
    let rules = store::rules(db, tenant.id).await?;
    let now: Timestamp = state.clock.now_ts();

    let n = rows.len() as i64;
    let prev_n = prev_rows.len() as i64;
    let mut violations: BTreeMap<Violation, i64> = BTreeMap::new();
    let mut with_violation = 0;
    for r in &rows {
        let v = super::force::violations(r, &rules, now);
        if !v.is_empty() {
            with_violation += 1;
        }
        for x in v {
            *violations.entry(x).or_default() += 1;
        }
    }
    let count_kind =
        |rs: &[store::ForceRow], k: &str| rs.iter().filter(|r| r.kind == k).count() as i64;
    let by_kind = model::FORCE_KINDS
        .iter()
        .map(|k| Row {
            value: (*k).to_owned(),
            label: super::label(t, "acc-kind", k),
            count: Some(count_kind(&rows, k)),
            previous: Some(count_kind(&prev_rows, k)),
        })
        .collect();
    let by_agency = model::AGENCIES
        .iter()
        .map(|a| Row {
            value: (*a).to_owned(),
            label: super::label(t, "acc-agency", a),
            count: Some(rows.iter().filter(|r| r.agency == *a).count() as i64),
            previous: Some(prev_rows.iter().filter(|r| r.agency == *a).count() as i64),
        })
        .collect();
    let mut districts: BTreeMap<String, i64> = BTreeMap::new();
    for d in super::district_names(state, tenant.id).await? {
        districts.insert(d, 0);
    }
    for r in &rows {
        *districts.entry(r.district.clone()).or_default() += 1;
    }
    let none_label = t.t("acc-district-none").into_owned();
    let by_district = districts
        .into_iter()
        .map(|(d, c)| Row {
            label: if d.is_empty() {
                none_label.clone()
            } else {
                d.clone()
            },
            value: d,
            count: suppressed(c),
            previous: None,
        })
        .collect();
    let (m0, m1) = period.months();
    let by_month = (m0..m1)
        .map(|m| {
            let c = rows
                .iter()
                .filter(|r| model::local(r.occurred_at.0, tz, "%m").parse::<u32>().ok() == Some(m))
                .count() as i64;
            Row {
                value: format!("{}-{m:02}", period.year),
                label: t.t(&format!("acc-month-{m}")).into_owned(),
                count: suppressed(c),
                previous: None,
            }
        })
        .collect();
    let violations = Violation::ALL
        .iter()
        .map(|v| Row {
            value: v.as_str().to_owned(),
            label: t.t(v.key()).into_owned(),
            count: Some(violations.get(v).copied().unwrap_or(0)),
            previous: None,
        })
        .collect();
    let bodycam_on = rows.iter().filter(|r| r.bodycam_on).count() as i64;
    let headline = Headline {
        records: n,
        previous_records: prev_n,
        change_percent: (prev_n > 0)
            .then(|| (((n - prev_n) as f64) * 100.0 / prev_n as f64).round() as i64),
        persons_affected: rows.iter().map(|r| i64::from(r.persons_affected)).sum(),
        persons_injured: suppressed(rows.iter().map(|r| i64::from(r.persons_injured)).sum()),
        medical_aid: suppressed(rows.iter().filter(|r| r.medical_aid).count() as i64),
        own_injuries: suppressed(rows.iter().filter(|r| r.own_injuries).count() as i64),
        bodycam_on,
        bodycam_coverage_percent: percent(bodycam_on, n),
        bodycam_activations: cams.len() as i64,
        bodycam_announced: cams.iter().filter(|c| c.announced).count() as i64,
        bodycam_kept_as_evidence: cams.iter().filter(|c| c.evidence).count() as i64,
        records_with_violations: with_violation,
        compliance_percent: percent(n - with_violation, n),
        reviewed: rows.iter().filter(|r| r.reviewed_at.is_some()).count() as i64,
    };
    Ok(Report {
        period: period.slug(),
        previous_period: prev.slug(),
        tenant: tenant.name.clone(),
        headline,
        by_kind,
        by_agency,
        by_district,
        by_month,
        violations,
        rules,
    })
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A horizontal bar chart as inline SVG. The table next to it carries the
/// same figures for screen readers; the chart itself is named.
pub fn svg_bars(title: &str, rows: &[Row], suppressed_text: &str) -> String {
    let max = rows
        .iter()
        .filter_map(|r| r.count)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let h = 22 * rows.len() + 8;
    let mut s = format!(
        "<svg class=\"chart\" viewBox=\"0 0 640 {h}\" width=\"100%\" role=\"img\" aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">",
        esc(title)
    );
    for (i, r) in rows.iter().enumerate() {
        let y = 4 + 22 * i;
        let w = r.count.map(|c| (c as f64 / max) * 360.0).unwrap_or(4.0);
        let text = r
            .count
            .map(|c| c.to_string())
            .unwrap_or_else(|| suppressed_text.to_owned());
        s.push_str(&format!(
            "<text x=\"0\" y=\"{}\" font-size=\"13\" fill=\"#1a1a1a\">{}</text><rect x=\"200\" y=\"{y}\" width=\"{w:.1}\" height=\"16\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{}\" font-size=\"13\" fill=\"#1a1a1a\">{}</text>",
            y + 13,
            esc(&r.label),
            if r.count.is_some() { "#1f5b9e" } else { "#767676" },
            206.0 + w,
            y + 13,
            esc(&text)
        ));
    }
    s.push_str("</svg>");
    s
}

pub struct Section {
    pub title: String,
    pub rows: Vec<Row>,
    pub chart: String,
    pub trend: bool,
}

pub struct Figure {
    pub label: String,
    pub value: String,
}

#[derive(Template)]
#[template(path = "accountability/report.html")]
struct ReportPage {
    page: PageCtx,
    report: Report,
    figures: Vec<Figure>,
    sections: Vec<Section>,
    pdf_href: String,
    suppressed: String,
}

fn show(n: Option<i64>, t: &Tr) -> String {
    n.map(|n| n.to_string())
        .unwrap_or_else(|| t.t("acc-suppressed").into_owned())
}

fn figures(r: &Report, t: &Tr) -> Vec<Figure> {
    let h = &r.headline;
    let pct = |p: Option<i64>| p.map(|p| format!("{p} %")).unwrap_or_else(|| "–".into());
    vec![
        Figure {
            label: t.t("acc-fig-records").into_owned(),
            value: h.records.to_string(),
        },
        Figure {
            label: t.t1("acc-fig-previous", "period", &r.previous_period),
            value: format!(
                "{}{}",
                h.previous_records,
                h.change_percent
                    .map(|c| format!(" ({c:+} %)"))
                    .unwrap_or_default()
            ),
        },
        Figure {
            label: t.t("acc-fig-persons-affected").into_owned(),
            value: h.persons_affected.to_string(),
        },
        Figure {
            label: t.t("acc-fig-persons-injured").into_owned(),
            value: show(h.persons_injured, t),
        },
        Figure {
            label: t.t("acc-fig-medical-aid").into_owned(),
            value: show(h.medical_aid, t),
        },
        Figure {
            label: t.t("acc-fig-own-injuries").into_owned(),
            value: show(h.own_injuries, t),
        },
        Figure {
            label: t.t("acc-fig-bodycam-coverage").into_owned(),
            value: format!(
                "{} ({} / {})",
                pct(h.bodycam_coverage_percent),
                h.bodycam_on,
                h.records
            ),
        },
        Figure {
            label: t.t("acc-fig-bodycam-activations").into_owned(),
            value: format!(
                "{} ({}: {}, {}: {})",
                h.bodycam_activations,
                t.t("acc-fig-announced"),
                h.bodycam_announced,
                t.t("acc-fig-evidence"),
                h.bodycam_kept_as_evidence
            ),
        },
        Figure {
            label: t.t("acc-fig-violations").into_owned(),
            value: h.records_with_violations.to_string(),
        },
        Figure {
            label: t.t("acc-fig-compliance").into_owned(),
            value: pct(h.compliance_percent),
        },
        Figure {
            label: t.t("acc-fig-reviewed").into_owned(),
            value: h.reviewed.to_string(),
        },
    ]
}

fn sections(r: &Report, t: &Tr) -> Vec<Section> {
    let sup = t.t("acc-suppressed").into_owned();
    [
        ("acc-sec-kind", &r.by_kind, true),
        ("acc-sec-agency", &r.by_agency, true),
        ("acc-sec-month", &r.by_month, false),
        ("acc-sec-district", &r.by_district, false),
        ("acc-sec-violations", &r.violations, false),
    ]
    .into_iter()
    .map(|(key, rows, trend)| {
        let title = t.t(key).into_owned();
        Section {
            chart: svg_bars(&title, rows, &sup),
            title,
            rows: rows.clone(),
            trend,
        }
    })
    .collect()
}

/// The PDF of a report.
pub fn pdf(r: &Report, t: &Tr) -> Vec<u8> {
    let title = t.t1("acc-report-heading", "period", &r.period);
    let mut d = super::pdf::Doc::new(&format!("{title} – {}", r.tenant), t.lang.html_lang());
    d.para(&t.t("acc-report-lead"));
    for f in figures(r, t) {
        d.field(&f.label, &f.value);
    }
    let sup = t.t("acc-suppressed").into_owned();
    for s in sections(r, t) {
        d.heading(&s.title, 12.0);
        let rows: Vec<(String, Option<i64>)> =
            s.rows.iter().map(|r| (r.label.clone(), r.count)).collect();
        d.bars(&rows, &sup);
        if s.trend {
            let prev = s
                .rows
                .iter()
                .map(|x| format!("{} {}", x.label, x.previous.unwrap_or(0)))
                .collect::<Vec<_>>()
                .join(", ");
            d.para(&format!(
                "{}: {prev}",
                t.t1("acc-fig-previous", "period", &r.previous_period)
            ));
        }
    }
    d.para(&t.t("acc-report-suppression"));
    d.finish()
}

/// Splits `2026-q3.pdf` into the period and the format.
fn parse_file(file: &str) -> Result<(Period, &str), WebError> {
    let (name, ext) = file.rsplit_once('.').ok_or_else(WebError::not_found)?;
    let period = Period::parse(name).ok_or_else(WebError::not_found)?;
    match ext {
        "html" | "pdf" | "json" => Ok((period, ext)),
        _ => Err(WebError::not_found()),
    }
}

async fn respond(
    state: &AppState,
    ctx: &Ctx,
    file: &str,
    base_path: &str,
) -> Result<Response, WebError> {
    let (period, ext) = parse_file(file)?;
    let tenant = ctx.tenant()?.clone();
    let t = Tr::new(ctx.lang());
    let report = build(state, &tenant, period, &t).await?;
    match ext {
        "json" => Ok(Json(report).into_response()),
        "pdf" => {
            let bytes = pdf(&report, &t);
            let mut res = bytes.into_response();
            res.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/pdf"),
            );
            if let Ok(v) = HeaderValue::from_str(&format!(
                "inline; filename=\"bericht-{}-{}.pdf\"",
                tenant.slug.as_str(),
                report.period
            )) {
                res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
            }
            Ok(res)
        }
        _ => {
            let mut page = PageCtx::new(ctx, "acc-reports-title");
            page.title = t.t1("acc-report-heading", "period", &report.period);
            let tpl = ReportPage {
                figures: figures(&report, &t),
                sections: sections(&report, &t),
                pdf_href: format!("{base_path}/{}.pdf", report.period),
                suppressed: t.t("acc-suppressed").into_owned(),
                page,
                report,
            };
            page::ok(&tpl)
        }
    }
}

/// `GET /{tenant}/staff/committee-reports/{period}.{html,pdf,json}`.
pub async fn staff_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, file)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let base = format!("/{}/staff/committee-reports", ctx.tenant()?.slug.as_str());
    respond(&state, &ctx, &file, &base).await
}

/// `GET /{tenant}/committee-reports/{period}.{html,pdf,json}`: only where
/// the tenant publishes its reports.
pub async fn public_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, file)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    if !store::rules(&state.db, tenant.id).await?.report_public {
        return Err(WebError::not_found());
    }
    let base = format!("/{}/committee-reports", tenant.slug.as_str());
    respond(&state, &ctx, &file, &base).await
}

/// The committee report of a year (`2026`) or a quarter (`2026-q3`), as
/// `.pdf`, `.html` or `.json`.
#[utoipa::path(
    get,
    path = "/api/v1/{tenant}/committee-reports/{file}",
    params(
        ("tenant" = String, Path, description = "Tenant slug"),
        ("file" = String, Path, description = "`{period}.pdf`, `{period}.html` or `{period}.json`, where period is `2026` or `2026-q3`")
    ),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The report (PDF, HTML, or JSON as below)", body = Report),
        (status = 401, description = "No or an invalid token", body = crate::platform::web::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not committee or admin on this tenant", body = crate::platform::web::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such period or format", body = crate::platform::web::error::Problem, content_type = "application/problem+json")
    )
)]
pub async fn api_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, file)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let base = format!("/api/v1/{}/committee-reports", ctx.tenant()?.slug.as_str());
    respond(&state, &ctx, &file, &base).await
}

pub struct PeriodLink {
    pub slug: String,
    pub label: String,
}

#[derive(Template)]
#[template(path = "accountability/reports.html")]
struct IndexPage {
    page: PageCtx,
    quarters: Vec<PeriodLink>,
    years: Vec<PeriodLink>,
    public: bool,
}

/// `GET /{tenant}/staff/committee-reports`: the last eight quarters and
/// three years.
pub async fn index(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let page = PageCtx::new(&ctx, "acc-reports-title");
    let mut q = Period::quarter_of(state.clock.now(), &tenant.time_zone);
    let mut quarters = Vec::new();
    for _ in 0..8 {
        quarters.push(PeriodLink {
            slug: q.slug(),
            label: page.t.t1("acc-report-heading", "period", q.slug()),
        });
        q = q.previous();
    }
    let year = Period::quarter_of(state.clock.now(), &tenant.time_zone).year;
    let years = (0..3)
        .map(|i| {
            let p = Period {
                year: year - i,
                quarter: None,
            };
            PeriodLink {
                slug: p.slug(),
                label: page.t.t1("acc-report-heading", "period", p.slug()),
            }
        })
        .collect();
    let public = store::rules(&state.db, tenant.id).await?.report_public;
    page::ok(&IndexPage {
        page,
        quarters,
        years,
        public,
    })
}

/// The daily job that announces each finished quarter's report (and, after
/// the fourth quarter, the year's) to the committee members of every
/// tenant, once: the reports themselves are computed when opened.
pub fn jobs(state: &AppState) -> Vec<crate::platform::jobs::Job> {
    let s = state.clone();
    vec![crate::platform::jobs::Job {
        name: "accountability.committee_reports",
        every: chrono::Duration::days(1),
        run: std::sync::Arc::new(move || {
            let s = s.clone();
            Box::pin(async move { announce(&s).await.map(|_| ()).map_err(|e| e.to_string()) })
        }),
    }]
}

/// Announces finished periods not yet announced. Returns how many notices.
pub async fn announce(state: &AppState) -> anyhow::Result<usize> {
    let now = state.clock.now_ts();
    let mut n = 0;
    for tenant in state.tenants.all() {
        let last = Period::quarter_of(now.0, &tenant.time_zone).previous();
        let mut periods = vec![last];
        if last.quarter == Some(4) {
            periods.push(Period {
                year: last.year,
                quarter: None,
            });
        }
        let members =
            super::users_with_role(state, tenant.id, crate::platform::auth::Role::Committee)
                .await?;
        for p in periods {
            let slug = p.slug();
            let mut tx = state.db.begin().await?;
            if store::claim_report_notice(&mut tx, tenant.id, &slug, now).await? {
                crate::platform::notifications::notify(
                    &mut tx,
                    tenant.id,
                    &members,
                    "acc-notice-report",
                    &slug,
                    &format!("/{}/staff/committee-reports/{slug}.html", tenant.slug),
                    now,
                )
                .await?;
                n += members.len();
            }
            tx.commit().await?;
        }
    }
    Ok(n)
}
