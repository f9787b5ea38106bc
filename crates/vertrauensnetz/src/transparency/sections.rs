//! The dashboard as a list of sections. Each section is one function that
//! reads its module's figures through that module's public surface and
//! returns datasets (value, definition, period, source, suppression).
//! Adding a module's figures is one more function in [`all`].

use std::collections::BTreeMap;

use super::model::{count, part_of, percent, Column, Dataset, Label, Period, Row, Section, Unit};
use crate::platform::db::Timestamp;
use crate::platform::i18n::Lang;
use crate::platform::tenants::{self, Tenant};
use crate::platform::web::{AppState, WebError};

/// What every section function gets.
pub struct Input<'a> {
    pub state: &'a AppState,
    pub tenant: &'a Tenant,
    pub period: Period,
    /// The period in UTC, `[from, to)`.
    pub from: Timestamp,
    pub to: Timestamp,
    /// The period as months `[from, to)`, `YYYY-MM`.
    pub months: (String, String),
    pub now: Timestamp,
    /// District code → name.
    pub districts: BTreeMap<String, String>,
    /// For warnings written into a section.
    pub lang: Lang,
}

impl<'a> Input<'a> {
    pub async fn new(
        state: &'a AppState,
        tenant: &'a Tenant,
        period: Period,
        lang: Lang,
    ) -> Result<Input<'a>, WebError> {
        let tz = super::tz(tenant);
        let (from, to) = period.bounds(tz).ok_or_else(WebError::not_found)?;
        let districts = tenants::districts(&state.db, tenant.id)
            .await?
            .into_iter()
            .map(|d| (d.code, d.name))
            .collect();
        Ok(Input {
            state,
            tenant,
            period,
            from: from.into(),
            to: to.into(),
            months: period.months(),
            now: state.clock.now_ts(),
            districts,
            lang,
        })
    }

    fn district_label(&self, code: &str) -> Label {
        match self.districts.get(code) {
            Some(n) => Label::Text(n.clone()),
            None if code.is_empty() => Label::Key("transparency-no-district".into()),
            None => Label::Text(code.to_owned()),
        }
    }
}

/// Every section in the order of the page.
pub async fn all(i: &Input<'_>) -> Result<Vec<Section>, WebError> {
    Ok(vec![
        reports(i).await?,
        complaints(i).await?,
        receipts(i).await?,
        accountability(i).await?,
        patrols(i).await?,
        network(i).await?,
        surveys(i).await?,
        response_targets(i).await?,
    ])
}

fn col(id: &'static str, label: &'static str, unit: Unit) -> Column {
    Column { id, label, unit }
}

fn key_label(prefix: &str, value: &str) -> Label {
    Label::Key(format!("{prefix}-{}", value.replace('_', "-")))
}

#[allow(clippy::too_many_arguments)]
fn dataset(
    id: &'static str,
    source: &'static str,
    period: String,
    dimension: &'static str,
    columns: Vec<Column>,
    rows: Vec<Row>,
    suppressed_small: bool,
    spatial: bool,
) -> Dataset {
    Dataset {
        id,
        title: leak_key(id, "title"),
        definition: leak_key(id, "definition"),
        source,
        period,
        dimension,
        columns,
        rows,
        suppressed_small,
        spatial,
        note: None,
        chart_column: 0,
    }
}

/// The Fluent ids of a dataset's title and definition
/// (`transparency-ds-<id>-title`, `…-definition`), from a fixed table so
/// the ids stay `'static`.
fn leak_key(id: &str, what: &str) -> &'static str {
    DATASET_KEYS
        .iter()
        .find(|(d, _, _)| *d == id)
        .map(|(_, t, d)| if what == "title" { *t } else { *d })
        .unwrap_or("transparency-title")
}

/// Every dataset id with its title and definition ids.
pub const DATASET_KEYS: &[(&str, &str, &str)] = &[
    (
        "patrol-hours-by-area",
        "transparency-ds-patrol-hours-by-area-title",
        "transparency-ds-patrol-hours-by-area-definition",
    ),
    (
        "patrol-measures-by-kind",
        "transparency-ds-patrol-measures-by-kind-title",
        "transparency-ds-patrol-measures-by-kind-definition",
    ),
    (
        "survey-waves",
        "transparency-ds-survey-waves-title",
        "transparency-ds-survey-waves-definition",
    ),
    (
        "reports-by-kind",
        "transparency-ds-reports-by-kind-title",
        "transparency-ds-reports-by-kind-definition",
    ),
    (
        "reports-by-district",
        "transparency-ds-reports-by-district-title",
        "transparency-ds-reports-by-district-definition",
    ),
    (
        "complaints-by-category",
        "transparency-ds-complaints-by-category-title",
        "transparency-ds-complaints-by-category-definition",
    ),
    (
        "complaints-by-outcome",
        "transparency-ds-complaints-by-outcome-title",
        "transparency-ds-complaints-by-outcome-definition",
    ),
    (
        "receipts-by-agency",
        "transparency-ds-receipts-by-agency-title",
        "transparency-ds-receipts-by-agency-definition",
    ),
    (
        "receipts-evaluation",
        "transparency-ds-receipts-evaluation-title",
        "transparency-ds-receipts-evaluation-definition",
    ),
    (
        "force-by-kind",
        "transparency-ds-force-by-kind-title",
        "transparency-ds-force-by-kind-definition",
    ),
    (
        "bodycam-coverage",
        "transparency-ds-bodycam-coverage-title",
        "transparency-ds-bodycam-coverage-definition",
    ),
    (
        "attacks-by-group",
        "transparency-ds-attacks-by-group-title",
        "transparency-ds-attacks-by-group-definition",
    ),
    (
        "attacks-by-kind",
        "transparency-ds-attacks-by-kind-title",
        "transparency-ds-attacks-by-kind-definition",
    ),
    (
        "events-by-kind",
        "transparency-ds-events-by-kind-title",
        "transparency-ds-events-by-kind-definition",
    ),
    (
        "organisations-by-kind",
        "transparency-ds-organisations-by-kind-title",
        "transparency-ds-organisations-by-kind-definition",
    ),
    (
        "response-compliance",
        "transparency-ds-response-compliance-title",
        "transparency-ds-response-compliance-definition",
    ),
    (
        "response-compliance-monthly",
        "transparency-ds-response-compliance-monthly-title",
        "transparency-ds-response-compliance-monthly-definition",
    ),
];

async fn reports(i: &Input<'_>) -> Result<Section, WebError> {
    let f = crate::reports::public_figures(&i.state.db, i.tenant.id, i.from, i.to).await?;
    let period = i.period.slug();
    let by_kind = f
        .by_kind
        .iter()
        .map(|(k, received, fixed, closed, open, median)| Row {
            key: k.clone(),
            label: key_label("reports-kind", k),
            cells: vec![
                Some(*received as f64),
                Some(*fixed as f64),
                Some(*closed as f64),
                Some(*open as f64),
                *median,
            ],
        })
        .collect();
    let mut by_district: Vec<Row> = i
        .districts
        .keys()
        .map(|code| Row {
            key: code.clone(),
            label: i.district_label(code),
            cells: vec![Some(
                f.by_district
                    .iter()
                    .find(|(d, _)| d == code)
                    .map(|(_, n)| *n as f64)
                    .unwrap_or(0.0),
            )],
        })
        .collect();
    if let Some((_, n)) = f.by_district.iter().find(|(d, _)| d.is_empty()) {
        by_district.push(Row {
            key: String::new(),
            label: i.district_label(""),
            cells: vec![Some(*n as f64)],
        });
    }
    Ok(Section {
        id: "reports",
        title: "transparency-section-reports",
        datasets: vec![
            dataset(
                "reports-by-kind",
                "transparency-source-reports",
                period.clone(),
                "transparency-dim-kind",
                vec![
                    col("received", "transparency-col-received", Unit::Count),
                    col("fixed", "transparency-col-fixed", Unit::Count),
                    col(
                        "closed_otherwise",
                        "transparency-col-closed-otherwise",
                        Unit::Count,
                    ),
                    col("open", "transparency-col-open", Unit::Count),
                    col(
                        "median_days_to_fix",
                        "transparency-col-median-days",
                        Unit::Days,
                    ),
                ],
                by_kind,
                false,
                false,
            ),
            dataset(
                "reports-by-district",
                "transparency-source-reports",
                period,
                "transparency-dim-district",
                vec![col("received", "transparency-col-received", Unit::Count)],
                by_district,
                false,
                true,
            ),
        ],
        withheld: None,
        warnings: Vec::new(),
    })
}

async fn complaints(i: &Input<'_>) -> Result<Section, WebError> {
    // The complaint office publishes per year; a quarter shows its year.
    let s = crate::complaints::public_year_stats(i.state, i.tenant.id, i.period.year).await?;
    let mut datasets = Vec::new();
    for (dimension, id) in [
        ("category", "complaints-by-category"),
        ("outcome", "complaints-by-outcome"),
    ] {
        let Some(table) = s.tables.iter().find(|t| t.dimension == dimension) else {
            continue;
        };
        let rows = table
            .rows
            .iter()
            .map(|r| Row {
                key: r.value.clone(),
                label: Label::Key(crate::complaints::public_stats_label_key(
                    dimension, &r.value,
                )),
                cells: vec![r.count.map(|c| c as f64)],
            })
            .collect();
        let mut d = dataset(
            id,
            "transparency-source-complaints",
            i.period.year.to_string(),
            if dimension == "category" {
                "transparency-dim-category"
            } else {
                "transparency-dim-outcome"
            },
            vec![col(
                "complaints",
                "transparency-col-complaints",
                Unit::Count,
            )],
            rows,
            true,
            false,
        );
        if i.period.quarter.is_some() {
            d.note = Some("transparency-note-yearly");
        }
        datasets.push(d);
    }
    Ok(Section {
        id: "complaints",
        title: "transparency-section-complaints",
        datasets,
        withheld: None,
        warnings: Vec::new(),
    })
}

async fn receipts(i: &Input<'_>) -> Result<Section, WebError> {
    let f = crate::receipts::public_figures(
        &i.state.db,
        i.tenant,
        (i.from, i.to),
        (&i.months.0, &i.months.1),
    )
    .await?;
    let period = i.period.slug();
    let issued = f
        .issued
        .iter()
        .map(|(a, given, refused)| Row {
            key: a.clone(),
            label: key_label("receipts-agency", a),
            cells: if (1..super::model::MIN_CELL).contains(&(given + refused)) {
                vec![None, None, None]
            } else {
                vec![
                    Some((given + refused) as f64),
                    Some(*given as f64),
                    Some(*refused as f64),
                ]
            },
        })
        .collect();
    let described = f
        .described
        .iter()
        .map(|(a, n, searched, hits, respectful)| Row {
            key: a.clone(),
            label: key_label("receipts-agency", a),
            cells: vec![
                count(*n, true),
                percent(*searched, *n, true),
                percent(*hits, *searched, true),
                percent(*respectful, *n, true),
            ],
        })
        .collect();
    Ok(Section {
        id: "receipts",
        title: "transparency-section-receipts",
        datasets: vec![
            dataset(
                "receipts-by-agency",
                "transparency-source-receipts",
                period.clone(),
                "transparency-dim-agency",
                vec![
                    col("stops", "transparency-col-stops", Unit::Count),
                    col("receipt_given", "transparency-col-given", Unit::Count),
                    col("receipt_refused", "transparency-col-refused", Unit::Count),
                ],
                issued,
                true,
                false,
            ),
            dataset(
                "receipts-evaluation",
                "transparency-source-receipts-evaluation",
                period,
                "transparency-dim-agency",
                vec![
                    col(
                        "self_descriptions",
                        "transparency-col-self-descriptions",
                        Unit::Count,
                    ),
                    col(
                        "searched_percent",
                        "transparency-col-searched",
                        Unit::Percent,
                    ),
                    col(
                        "hit_rate_percent",
                        "transparency-col-hit-rate",
                        Unit::Percent,
                    ),
                    col(
                        "respectful_percent",
                        "transparency-col-respectful",
                        Unit::Percent,
                    ),
                ],
                described,
                true,
                false,
            ),
        ],
        withheld: None,
        warnings: Vec::new(),
    })
}

async fn accountability(i: &Input<'_>) -> Result<Section, WebError> {
    let Some(f) =
        crate::accountability::public_figures(&i.state.db, i.tenant.id, i.from, i.to).await?
    else {
        return Ok(Section {
            id: "accountability",
            title: "transparency-section-accountability",
            datasets: Vec::new(),
            withheld: Some("transparency-withheld-accountability"),
            warnings: Vec::new(),
        });
    };
    let period = i.period.slug();
    let simple = |rows: &[(String, i64)], prefix: &str| -> Vec<Row> {
        rows.iter()
            .map(|(k, n)| Row {
                key: k.clone(),
                label: key_label(prefix, k),
                cells: vec![count(*n, true)],
            })
            .collect()
    };
    let bodycam = f
        .bodycam_by_agency
        .iter()
        .map(|(a, n, on)| Row {
            key: a.clone(),
            label: key_label("receipts-agency", a),
            cells: part_of(*on, *n).to_vec(),
        })
        .collect();
    let mut coverage = dataset(
        "bodycam-coverage",
        "transparency-source-accountability",
        period.clone(),
        "transparency-dim-agency",
        vec![
            col(
                "uses_of_force",
                "transparency-col-uses-of-force",
                Unit::Count,
            ),
            col("bodycam_on", "transparency-col-bodycam-on", Unit::Count),
            col(
                "coverage_percent",
                "transparency-col-coverage",
                Unit::Percent,
            ),
        ],
        bodycam,
        true,
        false,
    );
    coverage.chart_column = 2;
    Ok(Section {
        id: "accountability",
        title: "transparency-section-accountability",
        datasets: vec![
            dataset(
                "force-by-kind",
                "transparency-source-accountability",
                period.clone(),
                "transparency-dim-kind",
                vec![col(
                    "uses_of_force",
                    "transparency-col-uses-of-force",
                    Unit::Count,
                )],
                simple(&f.force_by_kind, "transparency-force"),
                true,
                false,
            ),
            coverage,
            dataset(
                "attacks-by-group",
                "transparency-source-attacks",
                period.clone(),
                "transparency-dim-staff-group",
                vec![col("attacks", "transparency-col-attacks", Unit::Count)],
                simple(&f.attacks_by_role, "transparency-staff"),
                true,
                false,
            ),
            dataset(
                "attacks-by-kind",
                "transparency-source-attacks",
                period,
                "transparency-dim-kind",
                vec![col("attacks", "transparency-col-attacks", Unit::Count)],
                simple(&f.attacks_by_kind, "transparency-attack"),
                true,
                false,
            ),
        ],
        withheld: None,
        warnings: Vec::new(),
    })
}

async fn network(i: &Input<'_>) -> Result<Section, WebError> {
    let events =
        crate::events::public_figures(&i.state.db, i.tenant.id, i.from, i.to, i.now).await?;
    let at = if i.to < i.now { i.to } else { i.now };
    let orgs = crate::network::public_figures(&i.state.db, i.tenant.id, at).await?;
    let period = i.period.slug();
    let event_rows = events
        .iter()
        .map(|(k, held, cancelled)| Row {
            key: k.clone(),
            label: key_label("events-kind", k),
            cells: vec![Some(*held as f64), Some(*cancelled as f64)],
        })
        .collect();
    let org_rows = orgs
        .iter()
        .map(|(k, n)| Row {
            key: k.clone(),
            label: Label::Key(format!("network-org-kind-{k}")),
            cells: vec![Some(*n as f64)],
        })
        .collect();
    Ok(Section {
        id: "network",
        title: "transparency-section-network",
        datasets: vec![
            dataset(
                "events-by-kind",
                "transparency-source-events",
                period.clone(),
                "transparency-dim-kind",
                vec![
                    col("held", "transparency-col-held", Unit::Count),
                    col("cancelled", "transparency-col-cancelled", Unit::Count),
                ],
                event_rows,
                false,
                false,
            ),
            dataset(
                "organisations-by-kind",
                "transparency-source-network",
                period,
                "transparency-dim-kind",
                vec![col("partners", "transparency-col-partners", Unit::Count)],
                org_rows,
                false,
                false,
            ),
        ],
        withheld: None,
        warnings: Vec::new(),
    })
}

/// Joint patrols of the order partnership in the period: per deployment
/// area the published patrols and each agency's patrol hours, and the
/// measures of the patrol log per agency (counts of 1–4 suppressed: they
/// are about people).
async fn patrols(i: &Input<'_>) -> Result<Section, WebError> {
    let f = crate::patrols::public_figures(&i.state.db, i.tenant.id, i.from, i.to).await?;
    let period = i.period.slug();
    let hours = |h: f64| Some((h * 10.0).round() / 10.0);
    let area_rows = f
        .areas
        .iter()
        .map(|(name, n, police, kod)| Row {
            key: name.to_lowercase(),
            label: Label::Text(name.clone()),
            cells: vec![Some(*n as f64), hours(*police), hours(*kod)],
        })
        .collect();
    let measure_rows = f
        .measures
        .iter()
        .map(|(kind, police, kod)| Row {
            key: kind.clone(),
            label: key_label("transparency-measure", kind),
            cells: vec![count(*police, true), count(*kod, true)],
        })
        .collect();
    Ok(Section {
        id: "patrols",
        title: "transparency-section-patrols",
        datasets: vec![
            dataset(
                "patrol-hours-by-area",
                "transparency-source-patrols",
                period.clone(),
                "transparency-dim-area",
                vec![
                    col("patrols", "transparency-col-patrols", Unit::Count),
                    col("police_hours", "transparency-col-police-hours", Unit::Hours),
                    col("kod_hours", "transparency-col-kod-hours", Unit::Hours),
                ],
                area_rows,
                false,
                false,
            ),
            dataset(
                "patrol-measures-by-kind",
                "transparency-source-patrol-log",
                period,
                "transparency-dim-kind",
                vec![
                    col("police", "transparency-col-police", Unit::Count),
                    col("kod", "transparency-col-kod", Unit::Count),
                ],
                measure_rows,
                true,
                false,
            ),
        ],
        withheld: None,
        warnings: Vec::new(),
    })
}

/// The published waves of the tenant's surveys that opened before the
/// period's end: the feeling of safety and trust in the police with their
/// 95 % intervals and the trust gap between residents without and with a
/// migration history (percentage points). The surveys module suppresses
/// every figure resting on fewer than five answers.
async fn surveys(i: &Input<'_>) -> Result<Section, WebError> {
    let waves = crate::surveys::public_figures(&i.state.db, i.tenant.id).await?;
    let end = i.months.1.clone();
    let pct = |v: f64| Some((v * 1000.0).round() / 10.0);
    let rows = waves
        .iter()
        .filter(|w| w.opens_on.as_deref().is_none_or(|d| d < end.as_str()))
        .map(|w| {
            let f = &w.figures;
            let share = |s: Option<crate::surveys::Share>| match s {
                Some(s) => [pct(s.share), pct(s.ci_low), pct(s.ci_high)],
                None => [None, None, None],
            };
            let gap = match f.trust_gap {
                Some(d) => [pct(d.difference), pct(d.ci_low), pct(d.ci_high)],
                None => [None, None, None],
            };
            let mut cells = vec![w.responses.map(|n| n as f64)];
            cells.extend(share(f.safety));
            cells.extend(share(f.trust_all));
            cells.extend(gap);
            Row {
                key: format!("{}-{}", w.series_id.simple(), w.wave),
                // Waves of one series share a title: the opening day
                // tells them apart (a date, no words to translate).
                label: Label::Text(match &w.opens_on {
                    Some(d) => format!("{} ({d})", w.title),
                    None => format!("{} #{}", w.title, w.wave),
                }),
                cells,
            }
        })
        .collect();
    let mut d = dataset(
        "survey-waves",
        "transparency-source-surveys",
        i.period.slug(),
        "transparency-dim-wave",
        vec![
            col("responses", "transparency-col-responses", Unit::Count),
            col("feel_safe", "transparency-col-feel-safe", Unit::Percent),
            col("feel_safe_low", "transparency-col-ci-low", Unit::Percent),
            col("feel_safe_high", "transparency-col-ci-high", Unit::Percent),
            col("trust", "transparency-col-trust", Unit::Percent),
            col("trust_low", "transparency-col-ci-low", Unit::Percent),
            col("trust_high", "transparency-col-ci-high", Unit::Percent),
            col("trust_gap", "transparency-col-trust-gap", Unit::Percent),
            col("trust_gap_low", "transparency-col-ci-low", Unit::Percent),
            col("trust_gap_high", "transparency-col-ci-high", Unit::Percent),
        ],
        rows,
        true,
        false,
    );
    d.chart_column = 1;
    d.note = Some("transparency-note-survey-waves");
    Ok(Section {
        id: "surveys",
        title: "transparency-section-surveys",
        datasets: vec![d],
        withheld: None,
        warnings: Vec::new(),
    })
}

async fn response_targets(i: &Input<'_>) -> Result<Section, WebError> {
    let (prev_from, _) = i.period.previous().months();
    let c = crate::response_targets::compliance(
        &i.state.db,
        i.tenant,
        (&i.months.0, &i.months.1),
        &prev_from,
    )
    .await?;
    let period = i.period.slug();
    let rows = c
        .districts
        .iter()
        .map(|d| Row {
            key: d.code.clone(),
            label: Label::Text(d.name.clone()),
            cells: {
                let mut c = part_of(d.total.within, d.total.incidents).to_vec();
                c.push(Some(d.share_percent as f64));
                c.push(percent(d.previous.within, d.previous.incidents, true));
                c
            },
        })
        .collect();
    let monthly = c
        .months
        .iter()
        .map(|(m, n)| Row {
            key: m.clone(),
            label: Label::Text(m.clone()),
            cells: part_of(n.within, n.incidents).to_vec(),
        })
        .collect();
    let mut by_district = dataset(
        "response-compliance",
        "transparency-source-response",
        period.clone(),
        "transparency-dim-district",
        vec![
            col("incidents", "transparency-col-incidents", Unit::Count),
            col("within_target", "transparency-col-within", Unit::Count),
            col(
                "compliance_percent",
                "transparency-col-compliance",
                Unit::Percent,
            ),
            col(
                "target_share_percent",
                "transparency-col-target-share",
                Unit::Percent,
            ),
            col(
                "previous_compliance_percent",
                "transparency-col-previous",
                Unit::Percent,
            ),
        ],
        rows,
        true,
        true,
    );
    by_district.chart_column = 2;
    let mut by_month = dataset(
        "response-compliance-monthly",
        "transparency-source-response",
        period,
        "transparency-dim-month",
        vec![
            col("incidents", "transparency-col-incidents", Unit::Count),
            col("within_target", "transparency-col-within", Unit::Count),
            col(
                "compliance_percent",
                "transparency-col-compliance",
                Unit::Percent,
            ),
        ],
        monthly,
        true,
        false,
    );
    by_month.chart_column = 2;
    let warnings = c
        .districts
        .iter()
        .filter(|d| d.below_threshold && d.total.incidents >= super::model::MIN_CELL)
        .map(|d| {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("district", d.name.clone());
            args.set(
                "percent",
                super::format_number(
                    i.lang,
                    percent(d.total.within, d.total.incidents, true),
                    Unit::Percent,
                ),
            );
            args.set("threshold", c.settings.threshold_percent);
            crate::platform::i18n::tr(i.lang, "transparency-rt-warning", Some(&args))
        })
        .collect();
    Ok(Section {
        id: "response",
        title: "transparency-section-response",
        datasets: vec![by_district, by_month],
        withheld: None,
        warnings,
    })
}
