//! The dashboard page, the data dictionary, the downloads and the
//! administrator's licence setting.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::model::{self, Dataset, Label, Period, Section, Unit};
use super::sections;
use super::store;
use crate::platform::audit::{self, Entry};
use crate::platform::auth::Permission;
use crate::platform::i18n::{Lang, Tr};
use crate::platform::tenants::Tenant;
use crate::platform::web::extract::CsrfForm;
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

#[derive(Deserialize, Default)]
pub struct PeriodQuery {
    pub period: Option<String>,
}

/// The period asked for (default: the current year); anything else is a
/// clear 400 in the reader's language.
pub fn chosen_period(
    state: &AppState,
    tenant: &Tenant,
    q: &PeriodQuery,
) -> Result<Period, WebError> {
    match q.period.as_deref().map(str::trim) {
        None | Some("") => Ok(Period::current_year(state.clock.now(), super::tz(tenant))),
        Some(s) => Period::parse(s).ok_or_else(|| {
            WebError::new(StatusCode::BAD_REQUEST, "transparency-error-period").with_detail(
                format!(
                    "unknown period \"{}\": use a year (2026) or a quarter (2026-q3)",
                    s.chars().take(20).collect::<String>()
                ),
            )
        }),
    }
}

/// How a period is named on the page.
pub fn period_label(t: &Tr, slug: &str) -> String {
    match Period::parse(slug) {
        Some(Period {
            year,
            quarter: Some(q),
        }) => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("quarter", q.to_string());
            args.set("year", year.to_string());
            crate::platform::i18n::tr(t.lang, "transparency-period-quarter", Some(&args))
        }
        _ => slug.to_owned(),
    }
}

fn label_text(t: &Tr, l: &Label) -> String {
    match l {
        Label::Key(k) => t.t(k).into_owned(),
        Label::Text(s) => s.clone(),
    }
}

pub struct RowView {
    pub key: String,
    pub label: String,
    pub cells: Vec<String>,
}

pub struct DatasetView {
    pub id: &'static str,
    pub title: String,
    pub definition: String,
    pub source: String,
    pub period: String,
    pub period_slug: String,
    pub note: Option<String>,
    pub chart: String,
    pub headers: Vec<String>,
    pub rows: Vec<RowView>,
    pub spatial: bool,
    pub suppressed_small: bool,
}

pub struct SectionView {
    pub id: &'static str,
    pub title: String,
    pub withheld: Option<String>,
    pub warnings: Vec<String>,
    pub datasets: Vec<DatasetView>,
}

/// A cell as the page shows it; suppressed counts say so.
fn cell_text(lang: Lang, t: &Tr, v: Option<f64>, unit: Unit, suppressed: bool) -> String {
    match v {
        Some(_) => {
            let s = super::format_number(lang, v, unit);
            if unit == Unit::Percent {
                format!("{s} %")
            } else {
                s
            }
        }
        None if unit == Unit::Count && suppressed => t.t("transparency-suppressed").into_owned(),
        None => t.t("transparency-not-available").into_owned(),
    }
}

fn view(d: &Dataset, lang: Lang) -> DatasetView {
    let t = Tr::new(lang);
    let labels: Vec<String> = d.rows.iter().map(|r| label_text(&t, &r.label)).collect();
    let unit = d
        .columns
        .get(d.chart_column)
        .map(|c| c.unit)
        .unwrap_or(Unit::Count);
    let values: Vec<Option<f64>> = d
        .rows
        .iter()
        .map(|r| r.cells.get(d.chart_column).copied().flatten())
        .collect();
    let title = t.t(d.title).into_owned();
    let chart_title = match d.columns.get(d.chart_column) {
        Some(c) => format!("{title}: {}", t.t(c.label)),
        None => title.clone(),
    };
    let sep = t.t("transparency-decimal-separator");
    let chart = model::svg_bars(
        &chart_title,
        &format!("t-{}", d.id),
        &labels,
        &values,
        unit,
        &t.t(if d.suppressed_small {
            "transparency-suppressed"
        } else {
            "transparency-not-available"
        }),
        sep == ",",
    );
    let mut headers = vec![t.t(d.dimension).into_owned()];
    headers.extend(d.columns.iter().map(|c| t.t(c.label).into_owned()));
    DatasetView {
        id: d.id,
        title,
        definition: t.t(d.definition).into_owned(),
        source: t.t(d.source).into_owned(),
        period: period_label(&t, &d.period),
        period_slug: d.period.clone(),
        note: d.note.map(|n| t.t(n).into_owned()),
        chart,
        headers,
        rows: d
            .rows
            .iter()
            .zip(labels)
            .map(|(r, label)| RowView {
                key: r.key.clone(),
                label,
                cells: r
                    .cells
                    .iter()
                    .zip(&d.columns)
                    .map(|(v, c)| cell_text(lang, &t, *v, c.unit, d.suppressed_small))
                    .collect(),
            })
            .collect(),
        spatial: d.spatial,
        suppressed_small: d.suppressed_small,
    }
}

fn section_views(sections: &[Section], lang: Lang) -> Vec<SectionView> {
    let t = Tr::new(lang);
    sections
        .iter()
        .map(|s| SectionView {
            id: s.id,
            title: t.t(s.title).into_owned(),
            withheld: s.withheld.map(|w| t.t(w).into_owned()),
            warnings: s.warnings.clone(),
            datasets: s.datasets.iter().map(|d| view(d, lang)).collect(),
        })
        .collect()
}

pub struct PeriodOption {
    pub slug: String,
    pub label: String,
    pub selected: bool,
}

fn period_options(state: &AppState, tenant: &Tenant, chosen: Period, t: &Tr) -> Vec<PeriodOption> {
    let now = Period::current_year(state.clock.now(), super::tz(tenant)).year;
    let mut out = Vec::new();
    for y in (now - 2..=now).rev() {
        for q in std::iter::once(None).chain((1..=4).map(Some)) {
            let p = Period {
                year: y,
                quarter: q,
            };
            out.push(PeriodOption {
                slug: p.slug(),
                label: period_label(t, &p.slug()),
                selected: p == chosen,
            });
        }
    }
    if !out.iter().any(|o| o.selected) {
        out.insert(
            0,
            PeriodOption {
                slug: chosen.slug(),
                label: period_label(t, &chosen.slug()),
                selected: true,
            },
        );
    }
    out
}

#[derive(Template)]
#[template(path = "transparency/dashboard.html")]
struct DashboardPage {
    page: PageCtx,
    period: String,
    period_label: String,
    options: Vec<PeriodOption>,
    sections: Vec<SectionView>,
    licence_name: String,
    licence_url: String,
}

/// `GET /{tenant}/transparency?period=2026` (or `2026-q3`).
pub async fn dashboard(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let period = chosen_period(&state, &tenant, &q)?;
    let sections = super::sections_for(&state, &tenant, period, ctx.lang()).await?;
    let (licence_name, licence_url) = store::licence(&state.db, tenant.id).await?;
    let t = Tr::new(ctx.lang());
    let tpl = DashboardPage {
        page: PageCtx::new(&ctx, "transparency-title"),
        period: period.slug(),
        period_label: period_label(&t, &period.slug()),
        options: period_options(&state, &tenant, period, &t),
        sections: section_views(&sections, ctx.lang()),
        licence_name,
        licence_url,
    };
    page::ok(&tpl)
}

pub struct ColumnView {
    pub id: &'static str,
    pub label: String,
    pub unit: String,
}

pub struct EntryView {
    pub id: &'static str,
    pub title: String,
    pub definition: String,
    pub source: String,
    pub dimension: String,
    pub columns: Vec<ColumnView>,
    pub spatial: bool,
    pub suppression: String,
}

#[derive(Template)]
#[template(path = "transparency/data.html")]
struct DictionaryPage {
    page: PageCtx,
    period: String,
    entries: Vec<EntryView>,
    licence_name: String,
    licence_url: String,
}

fn entry(t: &Tr, d: &Dataset) -> EntryView {
    EntryView {
        id: d.id,
        title: t.t(d.title).into_owned(),
        definition: t.t(d.definition).into_owned(),
        source: t.t(d.source).into_owned(),
        dimension: t.t(d.dimension).into_owned(),
        columns: d
            .columns
            .iter()
            .map(|c| ColumnView {
                id: c.id,
                label: t.t(c.label).into_owned(),
                unit: t
                    .t(match c.unit {
                        Unit::Count => "transparency-unit-count",
                        Unit::Percent => "transparency-unit-percent",
                        Unit::Days => "transparency-unit-days",
                        Unit::Minutes => "transparency-unit-minutes",
                        Unit::Hours => "transparency-unit-hours",
                    })
                    .into_owned(),
            })
            .collect(),
        spatial: d.spatial,
        suppression: t
            .t(if d.suppressed_small {
                "transparency-suppression-yes"
            } else {
                "transparency-suppression-no"
            })
            .into_owned(),
    }
}

/// `GET /{tenant}/transparency/data`: every dataset, its columns, units,
/// definition, source, suppression and addresses; the licence.
pub async fn dictionary(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let period = Period::current_year(state.clock.now(), super::tz(&tenant));
    let all = super::sections_for(&state, &tenant, period, ctx.lang()).await?;
    let t = Tr::new(ctx.lang());
    let computed: Vec<&Dataset> = all.iter().flat_map(|s| s.datasets.iter()).collect();
    let entries = sections::DATASET_KEYS
        .iter()
        .map(
            |&(id, title, definition)| match computed.iter().find(|d| d.id == id) {
                Some(d) => entry(&t, d),
                // A section the tenant does not publish: named, not described.
                None => EntryView {
                    id,
                    title: t.t(title).into_owned(),
                    definition: t.t(definition).into_owned(),
                    source: String::new(),
                    dimension: String::new(),
                    columns: Vec::new(),
                    spatial: false,
                    suppression: t.t("transparency-not-published").into_owned(),
                },
            },
        )
        .collect();
    let (licence_name, licence_url) = store::licence(&state.db, tenant.id).await?;
    let tpl = DictionaryPage {
        page: PageCtx::new(&ctx, "transparency-data-title"),
        period: period.slug(),
        entries,
        licence_name,
        licence_url,
    };
    page::ok(&tpl)
}

fn unknown_dataset(file: &str) -> WebError {
    WebError::new(StatusCode::NOT_FOUND, "transparency-error-dataset").with_detail(format!(
        "no dataset \"{}\"; the data dictionary lists them",
        file.chars().take(60).collect::<String>()
    ))
}

/// `GET /{tenant}/transparency/data/{dataset}.{csv|json|geojson}?period=…`
pub async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, file)): Path<(String, String)>,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let (id, ext) = file
        .rsplit_once('.')
        .ok_or_else(|| unknown_dataset(&file))?;
    if !matches!(ext, "csv" | "json" | "geojson")
        || !sections::DATASET_KEYS.iter().any(|(d, _, _)| *d == id)
    {
        return Err(unknown_dataset(&file));
    }
    let period = chosen_period(&state, &tenant, &q)?;
    let all = super::sections_for(&state, &tenant, period, ctx.lang()).await?;
    let Some(d) = all
        .iter()
        .flat_map(|s| s.datasets.iter())
        .find(|d| d.id == id)
    else {
        // A withheld section (the tenant does not publish it).
        return Err(unknown_dataset(&file));
    };
    let t = Tr::new(ctx.lang());
    let label = |l: &Label| label_text(&t, l);
    let (licence_name, licence_url) = store::licence(&state.db, tenant.id).await?;
    let (body, content_type) = match ext {
        "csv" => (
            model::to_csv(d, &label).map_err(|_| WebError::internal())?,
            "text/csv; charset=utf-8",
        ),
        "json" => {
            let tr = |k: &str| t.t(k).into_owned();
            let doc = model::to_json(
                d,
                tenant.slug.as_str(),
                (&licence_name, &licence_url),
                &tr,
                &label,
            );
            (
                serde_json::to_vec_pretty(&doc).map_err(|_| WebError::internal())?,
                "application/json",
            )
        }
        _ => {
            if !d.spatial {
                return Err(unknown_dataset(&file));
            }
            let shapes = store::shapes(&state.db, tenant.id).await?;
            let doc = geojson(d, &shapes, &label, (&licence_name, &licence_url));
            (
                serde_json::to_vec(&doc).map_err(|_| WebError::internal())?,
                "application/geo+json",
            )
        }
    };
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!(
        "inline; filename=\"{}-{}-{}.{ext}\"",
        tenant.slug.as_str(),
        id,
        period.slug()
    )) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}

/// A FeatureCollection (RFC 7946): one feature per district row, with the
/// district's outline where one was imported, else its centre as a point.
fn geojson(
    d: &Dataset,
    shapes: &[store::Shape],
    label: &dyn Fn(&Label) -> String,
    licence: (&str, &str),
) -> serde_json::Value {
    let features: Vec<serde_json::Value> = d
        .rows
        .iter()
        .filter_map(|r| {
            let s = shapes.iter().find(|s| s.code == r.key)?;
            let geometry = s
                .geometry
                .as_deref()
                .and_then(|g| serde_json::from_str::<serde_json::Value>(g).ok())
                .or_else(|| match (s.centre_lon, s.centre_lat) {
                    (Some(lon), Some(lat)) => {
                        Some(serde_json::json!({ "type": "Point", "coordinates": [lon, lat] }))
                    }
                    _ => None,
                })
                .unwrap_or(serde_json::Value::Null);
            let mut props = serde_json::Map::new();
            props.insert("key".into(), r.key.clone().into());
            props.insert("label".into(), label(&r.label).into());
            for (v, c) in r.cells.iter().zip(&d.columns) {
                props.insert(c.id.into(), model::json_number(*v, c.unit));
            }
            Some(serde_json::json!({
                "type": "Feature",
                "id": r.key,
                "geometry": geometry,
                "properties": props,
            }))
        })
        .collect();
    serde_json::json!({
        "type": "FeatureCollection",
        "dataset": d.id,
        "period": d.period,
        "licence": { "name": licence.0, "url": licence.1 },
        "features": features,
    })
}

#[derive(Template)]
#[template(path = "transparency/admin.html")]
struct AdminPage {
    page: PageCtx,
    licence_name: String,
    licence_url: String,
    saved: bool,
    errors: FormErrors,
}

/// `GET /{tenant}/admin/transparency`
pub async fn admin(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let (licence_name, licence_url) = store::licence(&state.db, tenant.id).await?;
    page::ok(&AdminPage {
        page: PageCtx::new(&ctx, "transparency-admin-title"),
        licence_name,
        licence_url,
        saved: false,
        errors: FormErrors::new(),
    })
}

#[derive(Deserialize)]
pub struct LicenceForm {
    #[serde(default)]
    licence_name: String,
    #[serde(default)]
    licence_url: String,
}

/// `POST /{tenant}/admin/transparency`: the licence statement.
pub async fn save_admin(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<LicenceForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ConfigureTransparency)?;
    let t = Tr::new(ctx.lang());
    let name = form.licence_name.trim();
    let url = form.licence_url.trim();
    let mut errors = FormErrors::new();
    if name.is_empty() || name.chars().count() > 200 {
        errors.add("licence_name", t.t("transparency-error-licence-name"));
    }
    if url.len() > 500
        || !(url.starts_with("https://") || url.starts_with("http://"))
        || url.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        errors.add("licence_url", t.t("transparency-error-licence-url"));
    }
    if !errors.is_empty() {
        return page::render(
            &AdminPage {
                page: PageCtx::new(&ctx, "transparency-admin-title"),
                licence_name: name.chars().take(200).collect(),
                licence_url: url.chars().take(500).collect(),
                saved: false,
                errors,
            },
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    store::save_licence(&mut tx, tenant.id, name, url, now).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "transparency.licence", "tenant", tenant.id.as_uuid()),
    )
    .await?;
    tx.commit().await?;
    page::ok(&AdminPage {
        page: PageCtx::new(&ctx, "transparency-admin-title"),
        licence_name: name.to_owned(),
        licence_url: url.to_owned(),
        saved: true,
        errors: FormErrors::new(),
    })
}
