//! Residents' pages: the list of open surveys and published results, the
//! anonymous answer form (no account, no JavaScript), and the results with
//! charts, tables and CSV/JSON downloads (small cells suppressed).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::model::{self, Question, Texts};
use super::results::{Cell, Row, Share, SurveyResults};
use super::store::{self, SurveyRow};
use crate::platform::auth::{self, Permission};
use crate::platform::i18n::{Lang, Tr};
use crate::platform::tenants::Tenant;
use crate::platform::web::extract::CsrfForm;
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

pub(crate) fn no_store(mut res: Response) -> Response {
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// Today in the tenant's zone (`YYYY-MM-DD`): the only time kept with an
/// answer.
pub fn today(state: &AppState, tenant: &Tenant) -> String {
    let tz: chrono_tz::Tz = tenant
        .time_zone
        .parse()
        .unwrap_or(chrono_tz::Europe::Berlin);
    state
        .clock
        .now()
        .with_timezone(&tz)
        .format("%Y-%m-%d")
        .to_string()
}

/// Whether residents may answer now.
pub fn accepts_answers(s: &SurveyRow, today: &str) -> bool {
    s.status == "open"
        && s.opens_on.as_deref().is_none_or(|d| d <= today)
        && s.closes_on.as_deref().is_none_or(|d| d >= today)
}

pub struct SurveyLink {
    pub id: Uuid,
    pub title: String,
    pub wave: i32,
    pub closes_on: String,
}

#[derive(Template)]
#[template(path = "surveys/list.html")]
struct ListPage {
    page: PageCtx,
    open: Vec<SurveyLink>,
    published: Vec<SurveyLink>,
}

fn title_in(titles: &[(Uuid, String, String)], id: Uuid, lang: Lang) -> String {
    let find = |l: &str| {
        titles
            .iter()
            .find(|(s, tl, b)| *s == id && tl == l && !b.is_empty())
            .map(|t| t.2.clone())
    };
    find(lang.tag()).or_else(|| find("de")).unwrap_or_default()
}

/// `GET /{tenant}/surveys`
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let day = today(&state, tenant);
    let titles = store::titles(&state.db, tenant.id).await?;
    let mut open = Vec::new();
    let mut published = Vec::new();
    for s in store::surveys(&state.db, tenant.id).await? {
        let link = SurveyLink {
            id: s.survey_id,
            title: title_in(&titles, s.survey_id, ctx.lang()),
            wave: s.wave,
            closes_on: s.closes_on.clone().unwrap_or_default(),
        };
        if accepts_answers(&s, &day) && s.distribution == "open" {
            open.push(link);
        } else if s.published {
            published.push(link);
        }
    }
    page::ok(&ListPage {
        page: PageCtx::new(&ctx, "surveys-title"),
        open,
        published,
    })
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

pub struct QuestionView {
    pub field: &'static str,
    pub kind: String,
    pub label: String,
    pub required: bool,
    pub choices: Vec<Choice>,
    pub text: String,
    pub districts: Vec<Choice>,
    pub times: Vec<Choice>,
    pub place: String,
    pub lat: String,
    pub lon: String,
    /// Map questions: the SVG to click on (filled in by `survey-map.js`).
    pub map: String,
}

#[derive(Template)]
#[template(path = "surveys/answer.html")]
struct AnswerPage {
    page: PageCtx,
    survey_id: Uuid,
    title: String,
    intro: String,
    needs_token: bool,
    token: String,
    questions: Vec<QuestionView>,
    errors: FormErrors,
    age_bands: Vec<Choice>,
    genders: Vec<Choice>,
    migration: Vec<Choice>,
    districts: Vec<Choice>,
    script: &'static str,
}

#[derive(Template)]
#[template(path = "surveys/message.html")]
struct MessagePage {
    page: PageCtx,
    heading: String,
    message: String,
    results: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct TokenQuery {
    #[serde(default)]
    token: Option<String>,
}

fn get<'a>(raw: &'a [(String, String)], name: &str) -> &'a str {
    raw.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

fn has(raw: &[(String, String)], name: &str, value: &str) -> bool {
    raw.iter().any(|(k, v)| k == name && v == value)
}

fn choices(raw: &[(String, String)], name: &str, items: &[(String, String)]) -> Vec<Choice> {
    items
        .iter()
        .map(|(value, label)| Choice {
            checked: has(raw, name, value),
            value: value.clone(),
            label: label.clone(),
        })
        .collect()
}

/// The label of a self-description value.
pub fn profile_label(t: &Tr, dim: &str, value: &str) -> String {
    match dim {
        "age_band" if value != "undisclosed" => value.to_owned(),
        _ => t
            .t(&format!("surveys-{}-{value}", dim.replace('_', "-")))
            .into_owned(),
    }
}

#[allow(clippy::too_many_arguments)]
async fn answer_page(
    state: &AppState,
    ctx: &Ctx,
    s: &SurveyRow,
    texts: &Texts,
    questions: &[Question],
    raw: &[(String, String)],
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let lang = ctx.lang();
    let t = Tr::new(lang);
    let districts: Vec<(String, String)> =
        crate::platform::tenants::districts(&state.db, tenant.id)
            .await?
            .into_iter()
            .map(|d| (d.code, d.name))
            .collect();
    let times: Vec<(String, String)> = model::TIMES
        .iter()
        .map(|x| {
            (
                (*x).to_owned(),
                t.t(&format!("surveys-time-{x}")).into_owned(),
            )
        })
        .collect();
    let mut views = Vec::new();
    for q in questions {
        let Some(field) = model::QUESTION_FIELDS
            .get(q.position.saturating_sub(1))
            .copied()
        else {
            continue;
        };
        let items: Vec<(String, String)> = match q.kind.as_str() {
            "likert" => (1..=model::LIKERT_POINTS)
                .map(|n| {
                    (
                        n.to_string(),
                        t.t(&format!("surveys-likert-{n}")).into_owned(),
                    )
                })
                .collect(),
            "single" | "multiple" => (0..q.option_count)
                .map(|n| {
                    (
                        n.to_string(),
                        texts.get(&model::option_item(q.id, n), lang.tag()),
                    )
                })
                .collect(),
            _ => Vec::new(),
        };
        let sub = |s: &str| format!("{field}-{s}");
        views.push(QuestionView {
            field,
            kind: q.kind.clone(),
            label: texts.get(&model::question_item(q.id), lang.tag()),
            required: q.required,
            choices: choices(raw, field, &items),
            text: get(raw, field).to_owned(),
            districts: choices(raw, &sub("district"), &districts),
            times: choices(raw, &sub("time"), &times),
            place: get(raw, &sub("place")).to_owned(),
            lat: get(raw, &sub("lat")).to_owned(),
            lon: get(raw, &sub("lon")).to_owned(),
            map: if q.kind == "map" {
                crate::reports::pick_map(
                    state,
                    tenant,
                    &t.t("surveys-map-pick"),
                    &format!("{field}-map"),
                )
                .await?
            } else {
                String::new()
            },
        });
    }
    let labelled = |dim: &str, list: &[&str]| -> Vec<(String, String)> {
        list.iter()
            .map(|v| ((*v).to_owned(), profile_label(&t, dim, v)))
            .collect()
    };
    let tpl = AnswerPage {
        page: PageCtx::new(ctx, "surveys-answer-title"),
        survey_id: s.survey_id,
        title: texts.get("title", lang.tag()),
        intro: texts.get("intro", lang.tag()),
        needs_token: s.distribution == "token",
        token: get(raw, "token").to_owned(),
        questions: views,
        errors,
        age_bands: choices(raw, "age_band", &labelled("age_band", &model::AGE_BANDS)),
        genders: choices(raw, "gender", &labelled("gender", &model::GENDERS)),
        migration: choices(raw, "migration", &labelled("migration", &model::MIGRATION)),
        districts: choices(raw, "district", &districts),
        script: crate::platform::web::assets::url("survey-map.js"),
    };
    Ok(no_store(page::render(&tpl, status)?))
}

fn message(
    ctx: &Ctx,
    heading: &str,
    text: &str,
    results: Option<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let t = Tr::new(ctx.lang());
    let tpl = MessagePage {
        page: PageCtx::new(ctx, heading),
        heading: t.t(heading).into_owned(),
        message: t.t(text).into_owned(),
        results,
    };
    Ok(no_store(page::render(&tpl, status)?))
}

/// A survey residents may see (not a draft).
async fn visible_survey(state: &AppState, ctx: &Ctx, id: Uuid) -> Result<SurveyRow, WebError> {
    let tenant = ctx.tenant()?;
    store::survey(&state.db, tenant.id, id)
        .await?
        .filter(|s| s.status != "draft")
        .ok_or_else(WebError::not_found)
}

/// `GET /{tenant}/surveys/{id}` (`?token=` fills in the code of a letter)
pub async fn answer_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, Uuid)>,
    Query(q): Query<TokenQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let s = visible_survey(&state, &ctx, id).await?;
    if !accepts_answers(&s, &today(&state, tenant)) {
        return message(
            &ctx,
            "surveys-closed-title",
            "surveys-closed-text",
            s.published
                .then(|| format!("/{}/surveys/{id}/results", tenant.slug)),
            StatusCode::OK,
        );
    }
    let texts = store::texts(&state.db, tenant.id, id).await?;
    let questions = store::questions(&state.db, tenant.id, id).await?;
    let raw: Vec<(String, String)> = q
        .token
        .map(|t| vec![("token".to_owned(), t)])
        .unwrap_or_default();
    answer_page(
        &state,
        &ctx,
        &s,
        &texts,
        &questions,
        &raw,
        FormErrors::new(),
        StatusCode::OK,
    )
    .await
}

/// `POST /{tenant}/surveys/{id}`: stores one anonymous response. With
/// invitation codes, the code is marked used by a conditional update in
/// the same transaction, so a code answers once however many submissions
/// race. Nothing but the day is kept of when, and nothing of who.
pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, Uuid)>,
    CsrfForm(raw): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let t = Tr::new(ctx.lang());
    let s = visible_survey(&state, &ctx, id).await?;
    let day = today(&state, &tenant);
    if !accepts_answers(&s, &day) {
        return message(
            &ctx,
            "surveys-closed-title",
            "surveys-closed-text",
            None,
            StatusCode::CONFLICT,
        );
    }
    let texts = store::texts(&state.db, tenant.id, id).await?;
    let questions = store::questions(&state.db, tenant.id, id).await?;
    let districts: Vec<String> = crate::platform::tenants::districts(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|d| d.code)
        .collect();
    let mut errors = FormErrors::new();
    let token = model::normalise_token(get(&raw, "token"));
    if s.distribution == "token" && token.is_empty() {
        errors.add("token", t.t("surveys-error-token-missing"));
    }
    let parsed = match model::parse_response(&questions, &districts, &raw) {
        Ok(p) => Some(p),
        Err(list) => {
            for e in list {
                errors.add(e.field, t.t(e.key));
            }
            None
        }
    };
    let (Some(parsed), true) = (parsed, errors.is_empty()) else {
        return answer_page(
            &state,
            &ctx,
            &s,
            &texts,
            &questions,
            &raw,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let mut tx = state.db.begin().await?;
    if s.distribution == "token" {
        let hash = model::token_hash(id, &token);
        if !store::use_token(&mut tx, tenant.id, id, &hash, &day).await? {
            drop(tx);
            let key = if store::token_exists(&state.db, tenant.id, id, &hash).await? {
                "surveys-error-token-used"
            } else {
                "surveys-error-token-unknown"
            };
            errors.add("token", t.t(key));
            return answer_page(
                &state,
                &ctx,
                &s,
                &texts,
                &questions,
                &raw,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    }
    // A random id (not time-ordered), so the id says nothing of when.
    let response = Uuid::new_v4();
    store::insert_response(
        &mut tx,
        tenant.id,
        id,
        response,
        &day,
        ctx.lang().tag(),
        &parsed.profile,
    )
    .await?;
    for a in &parsed.answers {
        store::insert_answer(&mut tx, tenant.id, id, response, a).await?;
    }
    tx.commit().await?;
    message(
        &ctx,
        "surveys-thanks-title",
        "surveys-thanks-text",
        s.published
            .then(|| format!("/{}/surveys/{id}/results", tenant.slug)),
        StatusCode::OK,
    )
}

// ---------------------------------------------------------------------
// Results

/// A survey whose results the visitor may see: published ones for
/// everyone, every survey for those who manage surveys.
async fn results_survey(state: &AppState, ctx: &Ctx, id: Uuid) -> Result<SurveyRow, WebError> {
    let tenant = ctx.tenant()?;
    let s = store::survey(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let manager = auth::may(ctx.principal.as_ref(), Permission::ManageSurveys, tenant.id);
    if s.published || manager {
        Ok(s)
    } else {
        Err(WebError::not_found())
    }
}

pub struct CellView {
    pub text: String,
    pub suppressed: bool,
}

fn cell_view(c: Cell) -> CellView {
    match c {
        Some(n) => CellView {
            text: n.to_string(),
            suppressed: false,
        },
        None => CellView {
            text: "<5".into(),
            suppressed: true,
        },
    }
}

fn pct(x: f64) -> String {
    format!("{:.1}", x * 100.0)
}

fn share_text(s: &Option<Share>) -> String {
    match s {
        Some(s) => format!(
            "{} % ({}–{} %, n = {})",
            pct(s.share),
            pct(s.ci_low),
            pct(s.ci_high),
            s.n
        ),
        None => "–".into(),
    }
}

pub struct RowView {
    pub group: String,
    pub total: CellView,
    pub counts: Vec<CellView>,
    pub agree: String,
    pub mean: String,
}

pub struct TableView {
    pub caption: String,
    pub rows: Vec<RowView>,
}

pub struct Bar {
    pub label: String,
    pub y: String,
    pub text_y: String,
    pub width: String,
    pub text_x: String,
    pub value: String,
}

pub struct QuestionResultView {
    pub number: usize,
    pub label: String,
    pub kind: String,
    pub answered: CellView,
    pub options: Vec<String>,
    pub tables: Vec<TableView>,
    pub bars: Vec<Bar>,
    pub chart_height: usize,
}

/// One wave in the trend chart and table.
pub struct WaveView {
    pub wave: i32,
    pub responses: CellView,
    pub safety: String,
    pub safety_mean: String,
    pub trust_with: String,
    pub trust_without: String,
    pub gap: String,
    pub current: bool,
}

/// A point with its interval in the trend chart.
pub struct TrendMark {
    pub x: String,
    pub y: String,
    pub y_low: String,
    pub y_high: String,
    pub class: &'static str,
    pub label: String,
}

#[derive(Template)]
#[template(path = "surveys/results.html")]
struct ResultsPage {
    page: PageCtx,
    survey_id: Uuid,
    title: String,
    series: String,
    wave: i32,
    published: bool,
    responses: CellView,
    waves: Vec<WaveView>,
    marks: Vec<TrendMark>,
    wave_ticks: Vec<(String, String)>,
    questions: Vec<QuestionResultView>,
}

fn row_view(t: &Tr, group: String, r: &Row) -> RowView {
    let _ = t;
    RowView {
        group,
        total: cell_view(r.total),
        counts: r.counts.iter().map(|c| cell_view(*c)).collect(),
        agree: share_text(&r.agree),
        mean: r
            .mean
            .map(|m| format!("{:.2} ({:.2}–{:.2})", m.mean, m.ci_low, m.ci_high))
            .unwrap_or_else(|| "–".into()),
    }
}

/// The waves of the survey's series the visitor may see, with results.
async fn series_waves(
    state: &AppState,
    tenant: &Tenant,
    s: &SurveyRow,
    manager: bool,
) -> Result<Vec<(SurveyRow, SurveyResults)>, WebError> {
    let mut out = Vec::new();
    for w in store::surveys(&state.db, tenant.id).await? {
        if w.series_id != s.series_id || !(w.published || manager || w.survey_id == s.survey_id) {
            continue;
        }
        if w.status == "draft" {
            continue;
        }
        let r = super::survey_results(&state.db, tenant.id, w.survey_id, false).await?;
        out.push((w, r));
    }
    Ok(out)
}

/// `GET /{tenant}/surveys/{id}/results`
pub async fn results_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, Uuid)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let lang = ctx.lang();
    let t = Tr::new(lang);
    let s = results_survey(&state, &ctx, id).await?;
    let manager = auth::may(ctx.principal.as_ref(), Permission::ManageSurveys, tenant.id);
    let texts = store::texts(&state.db, tenant.id, id).await?;
    let questions = store::questions(&state.db, tenant.id, id).await?;
    let results = super::survey_results(&state.db, tenant.id, id, false).await?;
    let district_names: Vec<(String, String)> =
        crate::platform::tenants::districts(&state.db, tenant.id)
            .await?
            .into_iter()
            .map(|d| (d.code, d.name))
            .collect();
    let group_label = |by: &str, g: &str| -> String {
        match by {
            "district" => district_names
                .iter()
                .find(|(c, _)| c == g)
                .map(|d| d.1.clone())
                .unwrap_or_else(|| g.to_owned()),
            "all" => t.t("surveys-results-all").into_owned(),
            dim => profile_label(&t, dim, g),
        }
    };
    let mut qviews = Vec::new();
    for (q, r) in questions.iter().zip(results.questions.iter()) {
        let options: Vec<String> = match q.kind.as_str() {
            "likert" => (1..=model::LIKERT_POINTS)
                .map(|n| t.t(&format!("surveys-likert-{n}")).into_owned())
                .collect(),
            "single" | "multiple" => (0..q.option_count)
                .map(|n| texts.get(&model::option_item(q.id, n), lang.tag()))
                .collect(),
            "map" => model::TIMES
                .iter()
                .map(|x| t.t(&format!("surveys-time-{x}")).into_owned())
                .collect(),
            _ => Vec::new(),
        };
        let mut tables = Vec::new();
        let mut bars = Vec::new();
        match q.kind.as_str() {
            "likert" | "single" | "multiple" => {
                let mut overall = vec![row_view(&t, group_label("all", "all"), &r.overall)];
                overall.truncate(1);
                tables.push(TableView {
                    caption: t.t("surveys-results-overall").into_owned(),
                    rows: overall,
                });
                for b in &r.breakdowns {
                    tables.push(TableView {
                        caption: t
                            .t(&format!("surveys-results-by-{}", b.by.replace('_', "-")))
                            .into_owned(),
                        rows: b
                            .rows
                            .iter()
                            .map(|row| row_view(&t, group_label(&b.by, &row.group), row))
                            .collect(),
                    });
                }
                let answered = r.overall.total.unwrap_or(0).max(1) as f64;
                for (i, (label, c)) in options.iter().zip(r.overall.counts.iter()).enumerate() {
                    let (width, value) = match c {
                        Some(n) => (
                            *n as f64 / answered * 300.0,
                            format!("{} ({} %)", n, pct(*n as f64 / answered)),
                        ),
                        None => (0.0, "<5".to_owned()),
                    };
                    bars.push(Bar {
                        label: label.clone(),
                        y: format!("{}", i * 30 + 5),
                        text_y: format!("{}", i * 30 + 22),
                        width: format!("{width:.1}"),
                        text_x: format!("{:.1}", 205.0 + width),
                        value,
                    });
                }
            }
            "map" => {
                tables.push(TableView {
                    caption: t.t("surveys-results-by-time").into_owned(),
                    rows: r
                        .by_time
                        .iter()
                        .map(|(k, c)| RowView {
                            group: t.t(&format!("surveys-time-{k}")).into_owned(),
                            total: cell_view(*c),
                            counts: Vec::new(),
                            agree: String::new(),
                            mean: String::new(),
                        })
                        .collect(),
                });
                tables.push(TableView {
                    caption: t.t("surveys-results-by-district").into_owned(),
                    rows: r
                        .by_district
                        .iter()
                        .map(|(k, c)| RowView {
                            group: group_label("district", k),
                            total: cell_view(*c),
                            counts: Vec::new(),
                            agree: String::new(),
                            mean: String::new(),
                        })
                        .collect(),
                });
            }
            _ => {}
        }
        qviews.push(QuestionResultView {
            number: q.position,
            label: texts.get(&model::question_item(q.id), lang.tag()),
            kind: q.kind.clone(),
            answered: cell_view(r.answered),
            chart_height: bars.len() * 30 + 10,
            options: if matches!(q.kind.as_str(), "map" | "text") {
                Vec::new()
            } else {
                options
            },
            tables,
            bars,
        });
    }
    let waves = series_waves(&state, &tenant, &s, manager).await?;
    let (marks, wave_ticks) = trend_marks(&t, &waves);
    let wave_views = waves
        .iter()
        .map(|(w, r)| WaveView {
            wave: w.wave,
            responses: cell_view(r.responses),
            safety: share_text(&r.figures.safety),
            safety_mean: r
                .figures
                .safety_mean
                .map(|m| format!("{:.2} ({:.2}–{:.2})", m.mean, m.ci_low, m.ci_high))
                .unwrap_or_else(|| "–".into()),
            trust_with: share_text(&r.figures.trust_with_migration),
            trust_without: share_text(&r.figures.trust_without_migration),
            gap: r
                .figures
                .trust_gap
                .map(|g| {
                    format!(
                        "{} ({} – {}) {}",
                        pct(g.difference),
                        pct(g.ci_low),
                        pct(g.ci_high),
                        t.t("surveys-points")
                    )
                })
                .unwrap_or_else(|| "–".into()),
            current: w.survey_id == s.survey_id,
        })
        .collect();
    let tpl = ResultsPage {
        page: PageCtx::new(&ctx, "surveys-results-title"),
        survey_id: id,
        title: texts.get("title", lang.tag()),
        series: s.series_name.clone(),
        wave: s.wave,
        published: s.published,
        responses: cell_view(results.responses),
        waves: wave_views,
        marks,
        wave_ticks,
        questions: qviews,
    };
    let res = page::ok(&tpl)?;
    Ok(if s.published { res } else { no_store(res) })
}

/// Points with intervals for the trend chart (600 × 260, shares 0–100 %).
fn trend_marks(
    t: &Tr,
    waves: &[(SurveyRow, SurveyResults)],
) -> (Vec<TrendMark>, Vec<(String, String)>) {
    let n = waves.len().max(1) as f64;
    let x_of = |i: usize| 60.0 + (i as f64 + 0.5) * (520.0 / n);
    let y_of = |v: f64| 230.0 - v.clamp(0.0, 1.0) * 210.0;
    let mut marks = Vec::new();
    let mut ticks = Vec::new();
    for (i, (w, r)) in waves.iter().enumerate() {
        let x = x_of(i);
        ticks.push((
            format!("{x:.1}"),
            t.t1("surveys-wave", "n", w.wave).to_string(),
        ));
        let series: [(&Option<Share>, &'static str, &str, f64); 3] = [
            (
                &r.figures.safety,
                "trend-safety",
                "surveys-figure-safety",
                -12.0,
            ),
            (
                &r.figures.trust_without_migration,
                "trend-trust-without",
                "surveys-figure-trust-without",
                0.0,
            ),
            (
                &r.figures.trust_with_migration,
                "trend-trust-with",
                "surveys-figure-trust-with",
                12.0,
            ),
        ];
        for (s, class, key, dx) in series {
            if let Some(s) = s {
                marks.push(TrendMark {
                    x: format!("{:.1}", x + dx),
                    y: format!("{:.1}", y_of(s.share)),
                    y_low: format!("{:.1}", y_of(s.ci_low)),
                    y_high: format!("{:.1}", y_of(s.ci_high)),
                    class,
                    label: format!("{} {}: {} %", t.t(key), w.wave, pct(s.share)),
                });
            }
        }
    }
    (marks, ticks)
}

fn csv_cell(c: Cell) -> String {
    c.map(|n| n.to_string()).unwrap_or_default()
}

fn csv_share(s: &Option<Share>) -> [String; 4] {
    match s {
        Some(s) => [
            s.n.to_string(),
            format!("{:.4}", s.share),
            format!("{:.4}", s.ci_low),
            format!("{:.4}", s.ci_high),
        ],
        None => Default::default(),
    }
}

/// `GET /{tenant}/surveys/{id}/results.csv`: every figure of the results
/// page in long form; suppressed cells are empty.
pub async fn results_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, Uuid)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let s = results_survey(&state, &ctx, id).await?;
    let r = super::survey_results(&state.db, tenant.id, id, false).await?;
    let mut w = csv::Writer::from_writer(Vec::new());
    let header = [
        "survey_id",
        "wave",
        "question",
        "kind",
        "breakdown",
        "group",
        "option",
        "count",
        "share",
        "ci_low",
        "ci_high",
    ];
    let wave = s.wave.to_string();
    let mut rows: Vec<[String; 11]> = Vec::new();
    let mut push =
        |q: &str, kind: &str, by: &str, group: &str, opt: &str, count: String, sh: [String; 3]| {
            let [a, b, c] = sh;
            rows.push([
                id.to_string(),
                wave.clone(),
                q.to_owned(),
                kind.to_owned(),
                by.to_owned(),
                group.to_owned(),
                opt.to_owned(),
                count,
                a,
                b,
                c,
            ]);
        };
    push(
        "",
        "",
        "responses",
        "all",
        "",
        csv_cell(r.responses),
        Default::default(),
    );
    for (name, sh) in [
        ("safety", &r.figures.safety),
        ("trust_all", &r.figures.trust_all),
        ("trust_with_migration", &r.figures.trust_with_migration),
        (
            "trust_without_migration",
            &r.figures.trust_without_migration,
        ),
    ] {
        let [n, a, b, c] = csv_share(sh);
        push("", "", name, "all", "", n, [a, b, c]);
    }
    if let Some(m) = r.figures.safety_mean {
        push(
            "",
            "",
            "safety_mean",
            "all",
            "",
            m.n.to_string(),
            [
                format!("{:.4}", m.mean),
                format!("{:.4}", m.ci_low),
                format!("{:.4}", m.ci_high),
            ],
        );
    }
    if let Some(g) = r.figures.trust_gap {
        push(
            "",
            "",
            "trust_gap",
            "all",
            "",
            String::new(),
            [
                format!("{:.4}", g.difference),
                format!("{:.4}", g.ci_low),
                format!("{:.4}", g.ci_high),
            ],
        );
    }
    for q in &r.questions {
        let num = q.position.to_string();
        push(
            &num,
            &q.kind,
            "answered",
            "all",
            "",
            csv_cell(q.answered),
            Default::default(),
        );
        let mut tables: Vec<(&str, &Row)> = vec![("all", &q.overall)];
        for b in &q.breakdowns {
            for row in &b.rows {
                tables.push((b.by.as_str(), row));
            }
        }
        if matches!(q.kind.as_str(), "likert" | "single" | "multiple") {
            for (by, row) in tables {
                push(
                    &num,
                    &q.kind,
                    by,
                    &row.group,
                    "total",
                    csv_cell(row.total),
                    Default::default(),
                );
                for (i, c) in row.counts.iter().enumerate() {
                    let opt = if q.kind == "likert" { i + 1 } else { i };
                    push(
                        &num,
                        &q.kind,
                        by,
                        &row.group,
                        &opt.to_string(),
                        csv_cell(*c),
                        Default::default(),
                    );
                }
                if let Some(a) = row.agree {
                    push(
                        &num,
                        &q.kind,
                        by,
                        &row.group,
                        "agree",
                        a.count.to_string(),
                        [
                            format!("{:.4}", a.share),
                            format!("{:.4}", a.ci_low),
                            format!("{:.4}", a.ci_high),
                        ],
                    );
                }
            }
        }
        for (k, c) in &q.by_time {
            push(
                &num,
                &q.kind,
                "time_of_day",
                k,
                "",
                csv_cell(*c),
                Default::default(),
            );
        }
        for (k, c) in &q.by_district {
            push(
                &num,
                &q.kind,
                "district",
                k,
                "",
                csv_cell(*c),
                Default::default(),
            );
        }
    }
    w.write_record(header).map_err(|_| WebError::internal())?;
    for row in rows {
        w.write_record(&row).map_err(|_| WebError::internal())?;
    }
    let body = w.into_inner().map_err(|_| WebError::internal())?;
    let mut res = (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/csv; charset=utf-8"),
        )],
        body,
    )
        .into_response();
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"survey-{}-wave-{}.csv\"",
        tenant.slug, s.wave
    )) {
        res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(if s.published { res } else { no_store(res) })
}

/// `GET /{tenant}/surveys/{id}/results.json`
pub async fn results_json(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, Uuid)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let s = results_survey(&state, &ctx, id).await?;
    let r = super::survey_results(&state.db, tenant.id, id, false).await?;
    let body = serde_json::json!({
        "survey_id": id,
        "series_id": s.series_id,
        "series": s.series_name,
        "wave": s.wave,
        "suppression": { "min_cell": super::results::MIN_CELL },
        "intervals": "95 % Wilson for shares; Wald for the trust gap and means",
        "results": r,
    });
    let res = axum::Json(body).into_response();
    Ok(if s.published { res } else { no_store(res) })
}
