//! The evaluation (evaluators, committee, administrators): coverage,
//! benchmark stop rates, the outcome test and the veil-of-darkness test,
//! computed by `stats` from counts aggregated in SQL. Every count under 5
//! (and every rate built on one) is suppressed for everyone but
//! evaluators. Also: the report as CSV, the pseudonymised export, the
//! population benchmark import and the tenant's settings.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{Datelike, NaiveDate, TimeZone};

use super::model::{self, Mode, Settings};
use super::pages::label;
use super::{module, store, tenant_tz};
use crate::complaints::pages::no_store;
use crate::platform::audit::{self, Entry};
use crate::platform::auth::{may, Permission};
use crate::platform::db::Timestamp;
use crate::platform::i18n::Tr;
use crate::platform::web::extract::CsrfForm;
use crate::platform::web::page::{self, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

#[derive(Debug, Default, serde::Deserialize)]
pub struct PeriodQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    agency: String,
    #[serde(default)]
    district: String,
}

/// A figure as shown: the number, or "< 5".
pub fn fig(v: Option<u64>) -> String {
    match v {
        Some(n) => n.to_string(),
        None => "< 5".to_owned(),
    }
}

fn pct(v: Option<f64>) -> String {
    match v {
        Some(r) => format!("{:.1} %", r * 100.0),
        None => "–".to_owned(),
    }
}

/// One row of the group table.
pub struct GroupRow {
    pub group: String,
    pub stops: String,
    pub residents: String,
    pub per_1000: String,
    pub searches: String,
    pub search_rate: String,
    pub hits: String,
    pub hit_rate: String,
    /// Bar lengths for the chart (0–100), `None` when suppressed.
    pub per_1000_bar: Option<f64>,
    pub hit_bar: Option<f64>,
}

/// One veil-of-darkness result.
pub struct VodRow {
    pub group: String,
    pub stops: String,
    pub estimate: String,
    pub ci: String,
    pub flagged: bool,
    pub note: Option<String>,
    /// The same with a fixed effect per district: estimate, interval,
    /// flagged (when the period has stops in two or more districts).
    pub adjusted: Option<(String, String, bool)>,
}

/// The whole evaluation, ready to render or write as CSV.
pub struct Report {
    pub from: String,
    pub to: String,
    pub agency: String,
    pub district: String,
    /// The tenant's districts (for the filter).
    pub districts: Vec<String>,
    pub total: String,
    pub given: String,
    pub refused: String,
    pub coverage: String,
    pub described: String,
    pub described_share: String,
    pub groups: Vec<GroupRow>,
    /// Stops, searches and hits by the group officers recorded (only where
    /// the tenant records it; no population benchmark).
    pub officer: Vec<GroupRow>,
    pub vod: Vec<VodRow>,
    pub population_source: String,
    pub unsuppressed: bool,
}

fn period(
    tenant: &crate::platform::tenants::Tenant,
    q: &PeriodQuery,
    now: chrono::DateTime<chrono::Utc>,
) -> (store::Period, String, String) {
    let tz = tenant_tz(tenant);
    let today = now.with_timezone(&tz).date_naive();
    let from = NaiveDate::parse_from_str(q.from.trim(), "%Y-%m-%d").unwrap_or_else(|_| {
        NaiveDate::from_ymd_opt(today.year() - 1, today.month(), 1).unwrap_or(today)
    });
    let to = NaiveDate::parse_from_str(q.to.trim(), "%Y-%m-%d").unwrap_or(today);
    let ts = |d: NaiveDate| {
        d.and_hms_opt(0, 0, 0)
            .and_then(|n| tz.from_local_datetime(&n).earliest())
            .map(|t| Timestamp::truncated(t.with_timezone(&chrono::Utc)))
            .unwrap_or_else(|| Timestamp::truncated(now))
    };
    let agency = model::Agency::parse(q.agency.trim()).map(|a| a.as_str().to_owned());
    (
        store::Period {
            from: ts(from),
            to: ts(to.succ_opt().unwrap_or(to)),
            from_month: from.format("%Y-%m").to_string(),
            to_month: to.format("%Y-%m").to_string(),
            agency,
            district: q.district.trim().chars().take(100).collect(),
        },
        from.format("%Y-%m-%d").to_string(),
        to.format("%Y-%m-%d").to_string(),
    )
}

/// Computes the report for a period.
pub async fn report(state: &AppState, ctx: &Ctx, q: &PeriodQuery) -> Result<Report, WebError> {
    let tenant = ctx.tenant()?;
    let unsuppressed = may(
        ctx.principal.as_ref(),
        Permission::ExportReceiptData,
        tenant.id,
    );
    let t = Tr::new(ctx.lang());
    let (p, from, to) = period(tenant, q, state.clock.now());
    let show = |n: i64| stats::shown(u64::try_from(n).unwrap_or(0), unsuppressed);

    let cov = store::coverage(&state.db, tenant.id, &p).await?;
    let given: i64 = cov.iter().filter(|c| c.1).map(|c| c.2).sum();
    let refused: i64 = cov.iter().filter(|c| !c.1).map(|c| c.2).sum();
    let total = given + refused;
    // The two counts over every self-description read in parallel.
    let (described_rows, cells) = tokio::try_join!(
        store::described(&state.db, tenant.id, &p),
        store::vod_cells(&state.db, tenant.id, &p)
    )?;
    let described: i64 = described_rows.iter().map(|r| r.2).sum();

    let population = store::population(&state.db, tenant.id).await?;
    let source = population.first().map(|r| r.3.clone()).unwrap_or_default();
    let mut residents: BTreeMap<String, i64> = BTreeMap::new();
    for (district, grp, n, _) in &population {
        if p.district.is_empty() || *district == p.district {
            *residents.entry(grp.clone()).or_default() += n;
        }
    }
    let mut by_group: BTreeMap<String, stats::rates::OutcomeCounts> = BTreeMap::new();
    for (_, grp, n, s, h) in &described_rows {
        let e = by_group.entry(grp.clone()).or_default();
        e.stops += u64::try_from(*n).unwrap_or(0);
        e.searches += u64::try_from(*s).unwrap_or(0);
        e.hits += u64::try_from(*h).unwrap_or(0);
    }
    let rates: Vec<(String, stats::rates::StopRate, stats::rates::Outcome)> = by_group
        .iter()
        .map(|(g, c)| {
            let res = u64::try_from(residents.get(g).copied().unwrap_or(0)).unwrap_or(0);
            (
                g.clone(),
                stats::rates::stop_rate(c.stops, res),
                stats::rates::outcome(*c),
            )
        })
        .collect();
    let max_rate = rates
        .iter()
        .filter_map(|(_, r, _)| stats::shown_rate(r.stops, r.residents, r.per_1000, unsuppressed))
        .fold(0.0f64, f64::max);
    let max_rate = if max_rate > 0.0 { max_rate } else { 1.0 };
    // A column with one small cell would give it away through the total:
    // hide the next smallest cell as well (complementary suppression).
    let column = |f: &dyn Fn(&stats::rates::OutcomeCounts) -> u64| -> Vec<bool> {
        let values: Vec<u64> = rates.iter().map(|(_, _, o)| f(&o.counts)).collect();
        stats::suppressed_column(&values, unsuppressed)
    };
    let hide_stops = column(&|c| c.stops);
    let hide_searches = column(&|c| c.searches);
    let hide_hits = column(&|c| c.hits);
    let groups = rates
        .iter()
        .enumerate()
        .map(|(i, (g, r, o))| {
            let c = o.counts;
            let (hs, hq, hh) = (hide_stops[i], hide_searches[i], hide_hits[i]);
            let keep = |hidden: bool, v: Option<f64>| if hidden { None } else { v };
            let per_1000 = keep(hs, r.per_1000);
            let hit = keep(hq || hh, o.hit_rate);
            let count = |hidden: bool, n: u64| fig((!hidden).then_some(n));
            GroupRow {
                group: label(&t, "group", g),
                stops: count(hs, c.stops),
                residents: if r.residents == 0 {
                    "–".into()
                } else {
                    r.residents.to_string()
                },
                per_1000: per_1000
                    .map(|v| format!("{v:.2}"))
                    .unwrap_or_else(|| "–".into()),
                searches: count(hq, c.searches),
                search_rate: pct(keep(hs || hq, o.search_rate)),
                hits: count(hh, c.hits),
                hit_rate: pct(hit),
                per_1000_bar: per_1000.map(|v| (v / max_rate * 100.0).min(100.0)),
                hit_bar: hit.map(|v| v * 100.0),
            }
        })
        .collect();

    let district_index: BTreeMap<&str, u32> = {
        let mut names: Vec<&str> = cells.iter().map(|c| c.0.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        names.into_iter().zip(0u32..).collect()
    };
    let mut vod = Vec::new();
    for g in by_group.keys().filter(|g| g.as_str() != model::NO_ANSWER) {
        let mut agg: BTreeMap<(i32, bool), (u64, u64)> = BTreeMap::new();
        let mut by_district: BTreeMap<(u32, i32, bool), (u64, u64)> = BTreeMap::new();
        for (district, tod, dark, grp, n) in &cells {
            let n = u64::try_from(*n).unwrap_or(0);
            let d = district_index.get(district.as_str()).copied().unwrap_or(0);
            for e in [
                agg.entry((*tod, *dark)).or_default(),
                by_district.entry((d, *tod, *dark)).or_default(),
            ] {
                if grp == g {
                    e.0 += n;
                }
                e.1 += n;
            }
        }
        let cell = |tod: i32, dark: bool, (in_group, stops): (u64, u64)| stats::vod::VodCell {
            tod_min: u32::try_from(tod).unwrap_or(0),
            dark,
            in_group,
            stops,
        };
        let vc: Vec<stats::vod::VodCell> = agg
            .into_iter()
            .map(|((tod, dark), counts)| cell(tod, dark, counts))
            .collect();
        let (strata, stratified): (Vec<u32>, Vec<stats::vod::VodCell>) = by_district
            .into_iter()
            .map(|((d, tod, dark), counts)| (d, cell(tod, dark, counts)))
            .unzip();
        let adjusted = (district_index.len() > 1)
            .then(|| stats::vod::fit_stratified(&stratified, &strata, 4).ok())
            .flatten()
            .map(|r| {
                (
                    format!("{:.3}", r.estimate),
                    format!("{:.3} … {:.3}", r.ci.0, r.ci.1),
                    r.significant(),
                )
            });
        let in_group: u64 = vc.iter().map(|c| c.in_group).sum();
        let stops: u64 = vc.iter().map(|c| c.stops).sum();
        let small = in_group < stats::MIN_CELL || stops - in_group < stats::MIN_CELL;
        let row = if small && !unsuppressed {
            VodRow {
                group: label(&t, "group", g),
                stops: fig(stats::shown(stops, false)),
                estimate: "–".into(),
                ci: "–".into(),
                flagged: false,
                note: Some(t.t("receipts-eval-vod-suppressed").into_owned()),
                adjusted: None,
            }
        } else {
            match stats::vod::fit(&vc, 4) {
                Ok(r) => VodRow {
                    group: label(&t, "group", g),
                    stops: fig(stats::shown(stops, unsuppressed)),
                    estimate: format!("{:.3}", r.estimate),
                    ci: format!("{:.3} … {:.3}", r.ci.0, r.ci.1),
                    flagged: r.significant(),
                    note: None,
                    adjusted,
                },
                Err(_) => VodRow {
                    group: label(&t, "group", g),
                    stops: fig(stats::shown(stops, unsuppressed)),
                    estimate: "–".into(),
                    ci: "–".into(),
                    flagged: false,
                    note: Some(t.t("receipts-eval-vod-no-fit").into_owned()),
                    adjusted,
                },
            }
        };
        vod.push(row);
    }

    let officer_rows = store::officer_recorded(&state.db, tenant.id, &p).await?;
    let officer_counts: Vec<stats::rates::OutcomeCounts> = officer_rows
        .iter()
        .map(|(_, n, s, h)| stats::rates::OutcomeCounts {
            stops: u64::try_from(*n).unwrap_or(0),
            searches: u64::try_from(*s).unwrap_or(0),
            hits: u64::try_from(*h).unwrap_or(0),
        })
        .collect();
    let officer_hide = |f: &dyn Fn(&stats::rates::OutcomeCounts) -> u64| -> Vec<bool> {
        let values: Vec<u64> = officer_counts.iter().map(f).collect();
        stats::suppressed_column(&values, unsuppressed)
    };
    let (o_stops, o_searches, o_hits) = (
        officer_hide(&|c| c.stops),
        officer_hide(&|c| c.searches),
        officer_hide(&|c| c.hits),
    );
    let officer = officer_rows
        .iter()
        .zip(&officer_counts)
        .enumerate()
        .map(|(i, ((g, ..), c))| {
            let o = stats::rates::outcome(*c);
            let (hs, hq, hh) = (o_stops[i], o_searches[i], o_hits[i]);
            let keep = |hidden: bool, v: Option<f64>| if hidden { None } else { v };
            let hit = keep(hq || hh, o.hit_rate);
            GroupRow {
                group: label(&t, "group", g),
                stops: fig((!hs).then_some(c.stops)),
                residents: "–".into(),
                per_1000: "–".into(),
                searches: fig((!hq).then_some(c.searches)),
                search_rate: pct(keep(hs || hq, o.search_rate)),
                hits: fig((!hh).then_some(c.hits)),
                hit_rate: pct(hit),
                per_1000_bar: None,
                hit_bar: hit.map(|v| v * 100.0),
            }
        })
        .collect();
    let districts = crate::platform::tenants::districts(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|d| d.name)
        .collect();

    let t_u = |n: i64| u64::try_from(n).unwrap_or(0);
    Ok(Report {
        from,
        to,
        agency: p.agency.clone().unwrap_or_default(),
        district: p.district.clone(),
        districts,
        total: fig(show(total)),
        given: fig(show(given)),
        refused: fig(show(refused)),
        coverage: pct(stats::shown_rate(
            t_u(given),
            t_u(total),
            (total > 0).then(|| given as f64 / total as f64),
            unsuppressed,
        )),
        described: fig(show(described)),
        described_share: pct(stats::shown_rate(
            t_u(described),
            t_u(given),
            (given > 0).then(|| described as f64 / given as f64),
            unsuppressed,
        )),
        groups,
        officer,
        vod,
        population_source: source,
        unsuppressed,
    })
}

#[derive(Template)]
#[template(path = "receipts/evaluation.html")]
struct EvaluationPage {
    page: PageCtx,
    r: Report,
    may_export: bool,
    query: String,
}

/// `GET /{tenant}/receipts/evaluation`
pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let r = report(&state, &ctx, &q).await?;
    let query = report_query(&r);
    let tpl = EvaluationPage {
        page: PageCtx::new(&ctx, "receipts-eval-title"),
        may_export: may(
            ctx.principal.as_ref(),
            Permission::ExportReceiptData,
            tenant.id,
        ),
        r,
        query,
    };
    Ok(no_store(page::ok(&tpl)?))
}

/// The query string that selects the same report.
fn report_query(r: &Report) -> String {
    serde_urlencoded::to_string([
        ("from", r.from.as_str()),
        ("to", r.to.as_str()),
        ("agency", r.agency.as_str()),
        ("district", r.district.as_str()),
    ])
    .unwrap_or_default()
}

#[derive(Template)]
#[template(path = "receipts/evaluation_report.html")]
struct ReportDocument {
    page: PageCtx,
    r: Report,
    agency_label: String,
    generated: String,
}

/// `GET /{tenant}/receipts/evaluation/report.html`: the report as one
/// self-contained HTML document (styles and charts inline, no request to
/// anywhere when opened), with the same suppression as the page.
pub async fn report_html(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let r = report(&state, &ctx, &q).await?;
    let t = Tr::new(ctx.lang());
    let name = format!("receipts-evaluation-{}-{}.html", r.from, r.to);
    let doc = ReportDocument {
        page: PageCtx::new(&ctx, "receipts-eval-title"),
        agency_label: label(&t, "agency", &r.agency),
        generated: state
            .clock
            .now()
            .with_timezone(&tenant_tz(tenant))
            .format("%d.%m.%Y %H:%M")
            .to_string(),
        r,
    };
    let mut res = page::ok(&doc)?;
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(no_store(res))
}

fn csv_response(name: &str, body: Vec<u8>) -> Response {
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// `GET /{tenant}/receipts/evaluation.csv`: the report (same suppression).
pub async fn report_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, WebError> {
    let r = report(&state, &ctx, &q).await?;
    let mut w = csv::Writer::from_writer(Vec::new());
    let io = |_| WebError::internal();
    w.write_record(["section", "item", "value", "extra"])
        .map_err(io)?;
    for (item, value) in [
        ("from", &r.from),
        ("to", &r.to),
        ("agency", &r.agency),
        ("district", &r.district),
        ("receipts", &r.total),
        ("given", &r.given),
        ("refused", &r.refused),
        ("coverage", &r.coverage),
        ("self_descriptions", &r.described),
        ("self_description_share", &r.described_share),
        ("population_source", &r.population_source),
    ] {
        w.write_record(["summary", item, value, ""]).map_err(io)?;
    }
    w.write_record([
        "group",
        "group",
        "stops",
        "residents",
        "per_1000",
        "searches",
        "search_rate",
        "hits",
        "hit_rate",
    ])
    .map_err(io)?;
    for g in &r.groups {
        w.write_record([
            "group",
            &g.group,
            &g.stops,
            &g.residents,
            &g.per_1000,
            &g.searches,
            &g.search_rate,
            &g.hits,
            &g.hit_rate,
        ])
        .map_err(io)?;
    }
    for g in &r.officer {
        w.write_record([
            "officer_recorded_group",
            &g.group,
            &g.stops,
            "",
            "",
            &g.searches,
            &g.search_rate,
            &g.hits,
            &g.hit_rate,
        ])
        .map_err(io)?;
    }
    for v in &r.vod {
        w.write_record(["veil_of_darkness", &v.group, &v.stops, &v.estimate, &v.ci])
            .map_err(io)?;
        if let Some((estimate, ci, _)) = &v.adjusted {
            w.write_record([
                "veil_of_darkness_by_district",
                &v.group,
                &v.stops,
                estimate,
                ci,
            ])
            .map_err(io)?;
        }
    }
    let body = w.into_inner().map_err(|_| WebError::internal())?;
    Ok(csv_response("receipts-evaluation.csv", body))
}

/// `GET /{tenant}/receipts/export.csv` (evaluators): the period's receipts
/// with service numbers replaced by keyed hashes; no free text.
pub async fn export_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let (p, _, _) = period(tenant, &q, state.clock.now());
    let m = module(&state)?;
    let rows = store::export_rows(&state.db, tenant.id, &p).await?;
    let mut w = csv::Writer::from_writer(Vec::new());
    let io = |_| WebError::internal();
    w.write_record([
        "receipt",
        "agency",
        "stopped_at",
        "district",
        "legal_basis",
        "reason",
        "measures",
        "outcome",
        "persons",
        "officer",
        "given",
    ])
    .map_err(io)?;
    for r in rows {
        let officer = hex::encode(
            &m.keys
                .keyed_hash("receipt-export-officer", tenant.id, &r.service_number)[..8],
        );
        let receipt =
            hex::encode(&m.keys.keyed_hash("receipt-export-id", tenant.id, &r.number)[..8]);
        w.write_record([
            receipt.as_str(),
            &r.agency,
            &r.stopped_at.0.to_rfc3339(),
            &r.district,
            &r.legal_basis,
            &r.reason,
            &r.measures,
            &r.outcome,
            &r.persons.to_string(),
            &officer,
            if r.given { "true" } else { "false" },
        ])
        .map_err(io)?;
    }
    let body = w.into_inner().map_err(|_| WebError::internal())?;
    let actor = ctx.staff_actor(Permission::ExportReceiptData)?;
    let mut tx = state.db.begin().await?;
    audit::append(
        &mut tx,
        tenant.id,
        state.clock.now_ts(),
        &Entry::new(actor, "receipt.export", "tenant", tenant.id),
    )
    .await?;
    tx.commit().await?;
    Ok(csv_response("receipts-export.csv", body))
}

#[derive(Template)]
#[template(path = "receipts/settings.html")]
struct SettingsPage {
    page: PageCtx,
    every_stop: bool,
    groups: String,
    police_bases: String,
    kod_bases: String,
    /// Retired bases (still named on the receipts that cite them).
    retired: Vec<(String, String, String)>,
    officer_groups: bool,
    officer_groups_basis: String,
    population: Vec<(String, String, i64, String)>,
    error: Option<String>,
}

/// One agency's active bases as the administrator edits them.
fn bases_text(s: &Settings, agency: model::Agency) -> String {
    s.active_bases(agency)
        .map(|b| format!("{} = {}", b.code, b.citation))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `GET /{tenant}/admin/receipts`
pub async fn settings_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    settings_page(&state, &ctx, None, None, StatusCode::OK).await
}

async fn settings_page(
    state: &AppState,
    ctx: &Ctx,
    error: Option<String>,
    typed: Option<&SettingsForm>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let s = store::settings(&state.db, tenant.id).await?;
    let t = Tr::new(ctx.lang());
    let mut tpl = SettingsPage {
        page: PageCtx::new(ctx, "receipts-settings-title"),
        every_stop: s.mode == Mode::EveryStop,
        groups: s.groups.join("\n"),
        police_bases: bases_text(&s, model::Agency::Police),
        kod_bases: bases_text(&s, model::Agency::Kod),
        retired: s
            .legal_bases
            .iter()
            .filter(|b| !b.active)
            .map(|b| {
                (
                    super::pages::label(&t, "agency", b.agency.as_str()),
                    b.code.clone(),
                    b.citation.clone(),
                )
            })
            .collect(),
        officer_groups: s.officer_groups,
        officer_groups_basis: s.officer_groups_basis.clone(),
        population: store::population(&state.db, tenant.id).await?,
        error,
    };
    // A refused form shows what was typed, not the stored values.
    if let Some(f) = typed {
        tpl.every_stop = f.mode != "on_request";
        tpl.groups = f.groups.clone();
        tpl.police_bases = f.police_bases.clone();
        tpl.kod_bases = f.kod_bases.clone();
        tpl.officer_groups = f.officer_groups == "on";
        tpl.officer_groups_basis = f.officer_groups_basis.clone();
    }
    Ok(no_store(page::render(&tpl, status)?))
}

#[derive(Debug, serde::Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    mode: String,
    #[serde(default)]
    groups: String,
    #[serde(default)]
    police_bases: String,
    #[serde(default)]
    kod_bases: String,
    #[serde(default)]
    officer_groups: String,
    #[serde(default)]
    officer_groups_basis: String,
}

/// The message for a refused list of legal bases.
fn basis_error(t: &Tr, agency: model::Agency, e: &model::BasisError) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("agency", super::pages::label(t, "agency", agency.as_str()));
    let id = match e {
        model::BasisError::Line(n) => {
            args.set("line", *n);
            "receipts-settings-bases-line"
        }
        model::BasisError::Duplicate(code) => {
            args.set("code", code.clone());
            "receipts-settings-bases-duplicate"
        }
        model::BasisError::Empty => "receipts-settings-bases-empty",
        model::BasisError::TooMany => "receipts-settings-bases-too-many",
    };
    crate::platform::i18n::tr(t.lang, id, Some(&args))
}

/// `POST /{tenant}/admin/receipts`
pub async fn settings_save(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<SettingsForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let groups: Vec<String> = form
        .groups
        .lines()
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    let refuse = |message: String| {
        settings_page(
            &state,
            &ctx,
            Some(message),
            Some(&form),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    };
    let (Some(mode), true) = (
        Mode::parse(&form.mode),
        !groups.is_empty()
            && groups.len() <= 30
            && groups
                .iter()
                .all(|g| model::valid_code(g) && g != model::NO_ANSWER),
    ) else {
        return refuse(t.t("receipts-settings-invalid").into_owned()).await;
    };
    let previous = store::settings(&state.db, tenant.id).await?;
    let mut legal_bases = Vec::new();
    for (agency, text) in [
        (model::Agency::Police, &form.police_bases),
        (model::Agency::Kod, &form.kod_bases),
    ] {
        match model::parse_legal_bases(agency, text, &previous.legal_bases) {
            Ok(list) => legal_bases.extend(list),
            Err(e) => return refuse(basis_error(&t, agency, &e)).await,
        }
    }
    let officer_groups = form.officer_groups == "on";
    let basis = form.officer_groups_basis.trim().to_owned();
    if basis.chars().count() > 300 || (officer_groups && basis.chars().count() < 3) {
        return refuse(
            t.t("receipts-settings-officer-groups-basis-needed")
                .into_owned(),
        )
        .await;
    }
    let actor = ctx.staff_actor(Permission::ManageReceipts)?;
    let now = state.clock.now_ts();
    let settings = Settings {
        mode,
        groups,
        legal_bases,
        officer_groups,
        officer_groups_basis: basis,
    };
    let mut tx = state.db.begin().await?;
    store::save_settings(&mut tx, tenant.id, &settings, now).await?;
    for agency in [model::Agency::Police, model::Agency::Kod] {
        store::save_legal_bases(&mut tx, tenant.id, agency, &settings.legal_bases).await?;
    }
    let codes = |agency| {
        settings
            .active_bases(agency)
            .map(|b| b.code.clone())
            .collect::<Vec<_>>()
    };
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "receipt.settings", "tenant", tenant.id).details(serde_json::json!({
            "mode": mode.as_str(),
            "legal_bases": {
                "police": codes(model::Agency::Police),
                "kod": codes(model::Agency::Kod),
            },
            "officer_groups": settings.officer_groups,
            "officer_groups_basis": settings.officer_groups_basis,
        })),
    )
    .await?;
    tx.commit().await?;
    module(&state)?.vocabulary.forget(tenant.id);
    Ok(Redirect::to(&format!("/{}/admin/receipts", tenant.slug)).into_response())
}

#[derive(Debug, serde::Deserialize)]
pub struct PopulationForm {
    #[serde(default)]
    csv: String,
    #[serde(default)]
    source: String,
}

/// Parses `district,group,residents` lines (a header line is allowed).
pub fn parse_population(text: &str) -> Result<Vec<(String, String, i64)>, String> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for (i, rec) in r.records().enumerate() {
        let rec = rec.map_err(|e| format!("line {}: {e}", i + 1))?;
        if rec.len() != 3 {
            return Err(format!("line {}: expected district,group,residents", i + 1));
        }
        let residents = match rec[2].parse::<i64>() {
            Ok(n) if n >= 0 => n,
            _ if i == 0 => continue,
            _ => return Err(format!("line {}: residents must be a whole number", i + 1)),
        };
        if rec[0].is_empty() || !model::valid_code(&rec[1]) {
            return Err(format!("line {}: district or group code invalid", i + 1));
        }
        out.push((rec[0].to_owned(), rec[1].to_owned(), residents));
    }
    if out.is_empty() || out.len() > 10_000 {
        return Err("no rows (or more than 10,000)".into());
    }
    Ok(out)
}

/// `POST /{tenant}/admin/receipts/population`: replaces the benchmark.
pub async fn population_import(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<PopulationForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let rows = match parse_population(&form.csv) {
        Ok(r) => r,
        Err(e) => {
            return settings_page(
                &state,
                &ctx,
                Some(e),
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    };
    let source: String = form.source.trim().chars().take(200).collect();
    let source = if source.is_empty() {
        "import".to_owned()
    } else {
        source
    };
    let actor = ctx.staff_actor(Permission::ManageReceipts)?;
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    store::replace_population(&mut tx, tenant.id, &rows, &source).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "receipt.population.import", "tenant", tenant.id)
            .details(serde_json::json!({ "rows": rows.len() })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/admin/receipts", tenant.slug)).into_response())
}

#[derive(Debug, serde::Deserialize)]
pub struct Empty {}

/// `POST /{tenant}/admin/receipts/rotate-key`: retires the signing key
/// (it stays published) and creates a new one.
pub async fn rotate_key(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let actor = ctx.staff_actor(Permission::ManageReceipts)?;
    let m = module(&state)?;
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let kid = m.keys.rotate(&mut tx, tenant.id, now).await.map_err(|e| {
        tracing::error!(error = %e, "key rotation failed");
        WebError::internal()
    })?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "receipt.key.rotate", "receipt_key", &kid),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/admin/receipts", tenant.slug)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn population_csv() {
        let rows =
            parse_population("district,group,residents\nNordstadt,black,1200\nHörde,other,30")
                .unwrap();
        assert_eq!(rows.len(), 2);
        assert!(parse_population("Nordstadt,black,-1").is_err());
        assert!(parse_population("Nordstadt,Black Group,1").is_err());
    }
}
