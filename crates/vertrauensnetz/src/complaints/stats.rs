//! Public statistics per year: cases by category, authority, outcome and
//! quarter of receipt. Cells from 1 to 4 are shown as "fewer than 5"; when
//! a table would then hide a single cell (which the total would reveal), the
//! next smallest cell is hidden as well.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{Datelike, TimeZone};
use serde::{Deserialize, Serialize};

use super::model::{self, Authority, Category, Outcome};
use super::store;
use crate::platform::db::Timestamp;
use crate::platform::i18n::Tr;
use crate::platform::tenants::TenantId;
use crate::platform::web::page::{self, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

/// Smallest count shown as a number.
pub const MIN_CELL: i64 = 5;

/// One table: (value, count or `None` when suppressed).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Table {
    /// `category`, `authority`, `outcome` or `quarter`.
    #[schema(value_type = String)]
    pub dimension: &'static str,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Row {
    /// The stored value (`none`: not yet categorised or closed; `q1`–`q4`).
    pub value: String,
    /// `None`: fewer than 5 (suppressed).
    pub count: Option<i64>,
}

/// A year's complaint figures; counts from 1 to 4 are `null`.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct YearStats {
    pub year: i32,
    /// `None` when fewer than 5 cases arrived.
    pub total: Option<i64>,
    pub tables: Vec<Table>,
}

fn suppress(values: Vec<(String, i64)>) -> Vec<Row> {
    let mut hidden: Vec<bool> = values
        .iter()
        .map(|(_, n)| *n > 0 && *n < MIN_CELL)
        .collect();
    if hidden.iter().filter(|h| **h).count() == 1 {
        if let Some((i, _)) = values
            .iter()
            .enumerate()
            .filter(|(i, (_, n))| !hidden[*i] && *n > 0)
            .min_by_key(|(_, (_, n))| *n)
        {
            hidden[i] = true;
        }
    }
    values
        .into_iter()
        .zip(hidden)
        .map(|((value, n), h)| Row {
            value,
            count: (!h).then_some(n),
        })
        .collect()
}

fn count<'a>(
    rows: &'a [store::StatRow],
    values: &[&str],
    f: impl Fn(&'a store::StatRow) -> Option<&'a str>,
) -> Vec<(String, i64)> {
    let mut out: Vec<(String, i64)> = values.iter().map(|v| ((*v).to_owned(), 0)).collect();
    for r in rows {
        let v = f(r).unwrap_or("none");
        if let Some(e) = out.iter_mut().find(|(k, _)| k == v) {
            e.1 += 1;
        }
    }
    out
}

pub async fn year_stats(
    state: &AppState,
    tenant: TenantId,
    year: i32,
) -> Result<YearStats, WebError> {
    let tz = chrono_tz::Europe::Berlin;
    let start = |y: i32| {
        tz.with_ymd_and_hms(y, 1, 1, 0, 0, 0)
            .single()
            .map(|t| Timestamp::truncated(t.with_timezone(&chrono::Utc)))
    };
    let (Some(from), Some(to)) = (start(year), start(year + 1)) else {
        return Err(WebError::not_found());
    };
    let rows = store::stats_between(&state.db, tenant, from, to).await?;
    let mut categories: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
    categories.push("none");
    let mut outcomes: Vec<&str> = Outcome::ALL.iter().map(|c| c.as_str()).collect();
    outcomes.push("none");
    let authorities: Vec<&str> = Authority::ALL.iter().map(|c| c.as_str()).collect();
    let quarters: Vec<String> = (1..=4).map(|q| format!("q{q}")).collect();
    let quarter_of: Vec<String> = rows
        .iter()
        .map(|r| format!("q{}", (r.received_at.0.with_timezone(&tz).month0() / 3) + 1))
        .collect();
    let mut q_counts: Vec<(String, i64)> = quarters.iter().map(|q| (q.clone(), 0)).collect();
    for q in &quarter_of {
        if let Some(e) = q_counts.iter_mut().find(|(k, _)| k == q) {
            e.1 += 1;
        }
    }
    let total = rows.len() as i64;
    Ok(YearStats {
        year,
        total: (total == 0 || total >= MIN_CELL).then_some(total),
        tables: vec![
            Table {
                dimension: "category",
                rows: suppress(count(&rows, &categories, |r| r.category.as_deref())),
            },
            Table {
                dimension: "authority",
                rows: suppress(count(&rows, &authorities, |r| Some(r.authority.as_str()))),
            },
            Table {
                dimension: "outcome",
                rows: suppress(count(&rows, &outcomes, |r| r.outcome.as_deref())),
            },
            Table {
                dimension: "quarter",
                rows: suppress(q_counts),
            },
        ],
    })
}

#[derive(Deserialize, Default, utoipa::IntoParams)]
pub struct YearQuery {
    /// The year (default: the current one).
    year: Option<i32>,
}

fn chosen_year(state: &AppState, q: &YearQuery) -> Result<i32, WebError> {
    let now = state
        .clock
        .now()
        .with_timezone(&chrono_tz::Europe::Berlin)
        .year();
    match q.year {
        None => Ok(now),
        Some(y) if (2000..=now).contains(&y) => Ok(y),
        Some(_) => Err(WebError::not_found()),
    }
}

pub struct RowView {
    pub label: String,
    pub count: String,
}

pub struct TableView {
    pub title: String,
    pub rows: Vec<RowView>,
}

#[derive(Template)]
#[template(path = "complaints/statistics.html")]
struct StatsPage {
    page: PageCtx,
    year: i32,
    total: String,
    tables: Vec<TableView>,
    years: Vec<i32>,
}

fn label(tr: &Tr, dimension: &str, value: &str) -> String {
    match dimension {
        "quarter" => tr.t(&format!("complaints-stats-{value}")).into_owned(),
        _ if value == "none" => tr
            .t(&format!("complaints-stats-no-{dimension}"))
            .into_owned(),
        "category" => tr.t(&model::key("category", value)).into_owned(),
        "authority" => tr.t(&model::key("authority", value)).into_owned(),
        _ => tr.t(&model::key("outcome", value)).into_owned(),
    }
}

/// `GET /{tenant}/complaints/statistics`
pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<YearQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.id;
    let year = chosen_year(&state, &q)?;
    let s = year_stats(&state, tenant, year).await?;
    let tr = Tr::new(ctx.lang());
    let few = tr.t("complaints-stats-suppressed").into_owned();
    let show = |c: Option<i64>| c.map(|n| n.to_string()).unwrap_or_else(|| few.clone());
    let now = state
        .clock
        .now()
        .with_timezone(&chrono_tz::Europe::Berlin)
        .year();
    let tpl = StatsPage {
        year,
        total: show(s.total),
        tables: s
            .tables
            .iter()
            .map(|t| TableView {
                title: tr
                    .t(&format!("complaints-stats-by-{}", t.dimension))
                    .into_owned(),
                rows: t
                    .rows
                    .iter()
                    .map(|r| RowView {
                        label: label(&tr, t.dimension, &r.value),
                        count: show(r.count),
                    })
                    .collect(),
            })
            .collect(),
        years: ((now - 4).max(2024)..=now).rev().collect(),
        page: PageCtx::new(&ctx, "complaints-stats-title"),
    };
    page::ok(&tpl)
}

/// `GET /{tenant}/complaints/statistics.csv`
pub async fn csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<YearQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.id;
    let year = chosen_year(&state, &q)?;
    let s = year_stats(&state, tenant, year).await?;
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let fail = |_| WebError::internal();
    w.write_record(["year", "dimension", "value", "count"])
        .map_err(fail)?;
    let cell = |c: Option<i64>| c.map(|n| n.to_string()).unwrap_or_else(|| "<5".to_owned());
    w.write_record([
        year.to_string(),
        "total".into(),
        "all".into(),
        cell(s.total),
    ])
    .map_err(fail)?;
    for t in &s.tables {
        for r in &t.rows {
            w.write_record([
                year.to_string(),
                t.dimension.to_owned(),
                r.value.clone(),
                cell(r.count),
            ])
            .map_err(fail)?;
        }
    }
    let body = w.into_inner().map_err(|_| WebError::internal())?;
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"complaints-{year}.csv\""))
    {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}

/// `GET /api/v1/{tenant}/complaints/statistics`
#[utoipa::path(
    get,
    path = "/api/v1/{tenant}/complaints/statistics",
    params(("tenant" = String, Path, description = "Tenant slug"), YearQuery),
    responses(
        (status = 200, description = "The year's figures, small cells suppressed", body = YearStats),
        (status = 404, description = "Unknown tenant or a year outside 2000 to now", body = crate::platform::web::error::Problem, content_type = "application/problem+json")
    )
)]
pub async fn api(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<YearQuery>,
) -> Result<Json<YearStats>, WebError> {
    let tenant = ctx.tenant()?.id;
    let year = chosen_year(&state, &q)?;
    Ok(Json(year_stats(&state, tenant, year).await?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_cells_are_hidden_and_a_lone_one_gets_company() {
        let rows = suppress(vec![
            ("a".into(), 3),
            ("b".into(), 7),
            ("c".into(), 12),
            ("d".into(), 0),
        ]);
        let counts: Vec<Option<i64>> = rows.iter().map(|r| r.count).collect();
        assert_eq!(counts, vec![None, None, Some(12), Some(0)]);
        let rows = suppress(vec![("a".into(), 2), ("b".into(), 1), ("c".into(), 9)]);
        let counts: Vec<Option<i64>> = rows.iter().map(|r| r.count).collect();
        assert_eq!(counts, vec![None, None, Some(9)]);
    }
}
