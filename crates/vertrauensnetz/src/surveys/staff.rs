//! The coordinator's pages: building a survey (texts in the resident
//! languages, questions), opening and closing it, publishing results,
//! invitation codes with printable letters, free-text answers, and the
//! review of map answers before they become unsafe-place reports.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use uuid::Uuid;

use super::model::{self, Question, LANGS};
use super::pages::no_store;
use super::store;
use crate::platform::audit::{self, Entry};
use crate::platform::auth::Permission;
use crate::platform::i18n::{Lang, Tr};
use crate::platform::web::extract::CsrfForm;
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

type Raw = Vec<(String, String)>;

fn get<'a>(raw: &'a [(String, String)], name: &str) -> &'a str {
    raw.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

pub struct LangField {
    pub tag: &'static str,
    pub name: &'static str,
    pub title: String,
    pub intro: String,
    pub text: String,
    pub options: String,
}

fn lang_fields(raw: &[(String, String)]) -> Vec<LangField> {
    LANGS
        .iter()
        .map(|tag| LangField {
            tag,
            name: Lang::parse(tag).map(|l| l.native_name()).unwrap_or(tag),
            title: get(raw, &format!("title_{tag}")).to_owned(),
            intro: get(raw, &format!("intro_{tag}")).to_owned(),
            text: get(raw, &format!("text_{tag}")).to_owned(),
            options: get(raw, &format!("options_{tag}")).to_owned(),
        })
        .collect()
}

pub struct SurveyItem {
    pub id: Uuid,
    pub title: String,
    pub series: String,
    pub wave: i32,
    pub status: String,
    pub distribution: String,
    pub published: bool,
}

#[derive(Template)]
#[template(path = "surveys/staff_list.html")]
struct ListPage {
    page: PageCtx,
    surveys: Vec<SurveyItem>,
    series: Vec<(Uuid, String, bool)>,
    langs: Vec<LangField>,
    distribution: String,
    opens_on: String,
    closes_on: String,
    series_name: String,
    errors: FormErrors,
}

async fn list_page(
    state: &AppState,
    ctx: &Ctx,
    raw: &[(String, String)],
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let titles = store::titles(&state.db, tenant.id).await?;
    let surveys = store::surveys(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|s| SurveyItem {
            id: s.survey_id,
            title: titles
                .iter()
                .find(|(id, l, _)| *id == s.survey_id && l == "de")
                .map(|t| t.2.clone())
                .unwrap_or_default(),
            series: s.series_name,
            wave: s.wave,
            status: s.status,
            distribution: s.distribution,
            published: s.published,
        })
        .collect();
    let chosen = get(raw, "series");
    let series = store::series(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|(id, name)| (id, name, chosen == id.to_string()))
        .collect();
    let tpl = ListPage {
        page: PageCtx::new(ctx, "surveys-staff-title"),
        surveys,
        series,
        langs: lang_fields(raw),
        distribution: get(raw, "distribution").to_owned(),
        opens_on: get(raw, "opens_on").to_owned(),
        closes_on: get(raw, "closes_on").to_owned(),
        series_name: get(raw, "series_name").to_owned(),
        errors,
    };
    Ok(no_store(page::render(&tpl, status)?))
}

/// `GET /{tenant}/staff/surveys`
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    list_page(&state, &ctx, &[], FormErrors::new(), StatusCode::OK).await
}

fn parse_day(s: &str) -> Result<Option<String>, ()> {
    match s.trim() {
        "" => Ok(None),
        d => NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map(|d| Some(d.format("%Y-%m-%d").to_string()))
            .map_err(|_| ()),
    }
}

/// `POST /{tenant}/staff/surveys`: a new survey (a draft), as the first
/// wave of a new series or the next wave of an existing one.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(raw): CsrfForm<Raw>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageSurveys)?;
    let t = Tr::new(ctx.lang());
    let mut errors = FormErrors::new();
    let existing = store::series(&state.db, tenant.id).await?;
    let series_choice = get(&raw, "series");
    let series_name = get(&raw, "series_name").trim().to_owned();
    let series: Option<Uuid> = match series_choice {
        "" | "new" => {
            if series_name.is_empty() || series_name.chars().count() > 200 {
                errors.add("series_name", t.t("surveys-staff-error-series"));
            }
            None
        }
        v => match Uuid::parse_str(v)
            .ok()
            .filter(|id| existing.iter().any(|s| s.0 == *id))
        {
            Some(id) => Some(id),
            None => {
                errors.add("series", t.t("surveys-staff-error-series"));
                None
            }
        },
    };
    let distribution = get(&raw, "distribution");
    if !matches!(distribution, "open" | "token") {
        errors.add("distribution", t.t("surveys-staff-error-distribution"));
    }
    let opens = parse_day(get(&raw, "opens_on"));
    let closes = parse_day(get(&raw, "closes_on"));
    match (&opens, &closes) {
        (Ok(a), Ok(b)) => {
            if let (Some(a), Some(b)) = (a, b) {
                if b < a {
                    errors.add("closes_on", t.t("surveys-staff-error-dates"));
                }
            }
        }
        _ => errors.add("opens_on", t.t("surveys-staff-error-dates")),
    }
    let title_de = get(&raw, "title_de").trim();
    if title_de.is_empty() {
        errors.add("title_de", t.t("surveys-staff-error-title"));
    }
    for tag in LANGS {
        if get(&raw, &format!("title_{tag}")).chars().count() > 200
            || get(&raw, &format!("intro_{tag}")).chars().count() > model::MAX_FREE_TEXT
        {
            errors.add("title_de", t.t("surveys-staff-error-too-long"));
            break;
        }
    }
    let (Ok(opens), Ok(closes), true) = (opens, closes, errors.is_empty()) else {
        return list_page(&state, &ctx, &raw, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let now = state.clock.now_ts();
    let user = ctx.principal()?.user_id;
    let id = Uuid::now_v7();
    let mut tx = state.db.begin().await?;
    let series = match series {
        Some(s) => s,
        None => {
            let s = Uuid::now_v7();
            store::insert_series(&mut tx, tenant.id, s, &series_name, now).await?;
            s
        }
    };
    let wave = store::next_wave(&mut tx, tenant.id, series).await?;
    store::insert_survey(
        &mut tx,
        tenant.id,
        id,
        series,
        wave,
        distribution,
        opens.as_deref(),
        closes.as_deref(),
        Some(user),
        now,
    )
    .await?;
    for tag in LANGS {
        for item in ["title", "intro"] {
            let v = get(&raw, &format!("{item}_{tag}")).trim();
            if !v.is_empty() {
                store::set_text(&mut tx, tenant.id, id, item, tag, v).await?;
            }
        }
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "survey.create", "survey", id).details(serde_json::json!({
            "series": series, "wave": wave, "distribution": distribution,
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/surveys/{id}", tenant.slug)).into_response())
}

pub struct QuestionItem {
    pub position: usize,
    pub kind: String,
    pub measure: String,
    pub required: bool,
    pub label: String,
    pub languages: String,
    pub options: Vec<String>,
    pub texts: Vec<String>,
}

pub struct MapItem {
    pub id: Uuid,
    pub question: usize,
    pub district: String,
    pub place: String,
    pub time: String,
    pub coords: String,
    pub review: String,
    pub report: Option<Uuid>,
}

#[derive(Template)]
#[template(path = "surveys/staff_detail.html")]
struct DetailPage {
    page: PageCtx,
    id: Uuid,
    title: String,
    series: String,
    wave: i32,
    status: String,
    status_label: String,
    distribution: String,
    distribution_label: String,
    published: bool,
    opens_on: String,
    closes_on: String,
    title_langs: String,
    questions: Vec<QuestionItem>,
    langs: Vec<LangField>,
    kind: String,
    measure: String,
    responses: i64,
    tokens: (i64, i64),
    map_answers: Vec<MapItem>,
    errors: FormErrors,
}

async fn detail_page(
    state: &AppState,
    ctx: &Ctx,
    id: Uuid,
    raw: &[(String, String)],
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let s = store::survey(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let texts = store::texts(&state.db, tenant.id, id).await?;
    let questions = store::questions(&state.db, tenant.id, id).await?;
    let mut items = Vec::new();
    for q in &questions {
        let item = model::question_item(q.id);
        items.push(QuestionItem {
            position: q.position,
            kind: t.t(&format!("surveys-kind-{}", q.kind)).into_owned(),
            measure: q.measure.clone(),
            required: q.required,
            label: texts.get(&item, "de"),
            languages: LANGS
                .iter()
                .filter(|l| texts.has(&item, l))
                .copied()
                .collect::<Vec<_>>()
                .join(", "),
            options: (0..q.option_count)
                .map(|n| texts.get(&model::option_item(q.id, n), "de"))
                .collect(),
            texts: if q.kind == "text" {
                store::texts_of(&state.db, tenant.id, id, q.id).await?
            } else {
                Vec::new()
            },
        });
    }
    let districts = crate::platform::tenants::districts(&state.db, tenant.id).await?;
    let positions: std::collections::HashMap<Uuid, usize> =
        questions.iter().map(|q| (q.id, q.position)).collect();
    let mut map_answers: Vec<MapItem> = store::answers(&state.db, tenant.id, id)
        .await?
        .into_iter()
        .filter(|a| a.review.is_some())
        .map(|a| MapItem {
            id: a.answer_id,
            question: positions.get(&a.question_id).copied().unwrap_or(0),
            district: a
                .district_code
                .as_deref()
                .and_then(|c| districts.iter().find(|d| d.code == c))
                .map(|d| d.name.clone())
                .unwrap_or_default(),
            place: a.body.unwrap_or_default(),
            time: a
                .time_of_day
                .map(|x| t.t(&format!("surveys-time-{x}")).into_owned())
                .unwrap_or_default(),
            coords: a
                .lat
                .zip(a.lon)
                .map(|(a, b)| format!("{a:.5}, {b:.5}"))
                .unwrap_or_default(),
            review: a.review.unwrap_or_default(),
            report: a.report_id,
        })
        .collect();
    // Pending first; then by district, so no insertion order shows.
    map_answers.sort_by(|a, b| {
        (a.review != "pending", &a.district, &a.place).cmp(&(
            b.review != "pending",
            &b.district,
            &b.place,
        ))
    });
    let tpl = DetailPage {
        page: PageCtx::new(ctx, "surveys-staff-detail-title"),
        id,
        title: texts.get("title", "de"),
        series: s.series_name,
        wave: s.wave,
        status_label: t.t(&format!("surveys-status-{}", s.status)).into_owned(),
        status: s.status,
        distribution_label: t
            .t(&format!("surveys-distribution-{}", s.distribution))
            .into_owned(),
        distribution: s.distribution,
        published: s.published,
        opens_on: s.opens_on.unwrap_or_default(),
        closes_on: s.closes_on.unwrap_or_default(),
        title_langs: LANGS
            .iter()
            .filter(|l| texts.has("title", l))
            .copied()
            .collect::<Vec<_>>()
            .join(", "),
        questions: items,
        langs: lang_fields(raw),
        kind: get(raw, "kind").to_owned(),
        measure: get(raw, "measure").to_owned(),
        responses: store::response_count(&state.db, tenant.id, id).await?,
        tokens: store::token_counts(&state.db, tenant.id, id).await?,
        map_answers,
        errors,
    };
    Ok(no_store(page::render(&tpl, status)?))
}

/// `GET /{tenant}/staff/surveys/{id}`
pub async fn detail(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, Uuid)>,
) -> Result<Response, WebError> {
    detail_page(&state, &ctx, id, &[], FormErrors::new(), StatusCode::OK).await
}

/// `POST /{tenant}/staff/surveys/{id}/questions`: adds a question to a
/// draft: its text per language and, for choice questions, one option a
/// line (the same number of lines in every language given).
pub async fn add_question(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, Uuid)>,
    CsrfForm(raw): CsrfForm<Raw>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageSurveys)?;
    let t = Tr::new(ctx.lang());
    store::survey(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let mut errors = FormErrors::new();
    let kind = get(&raw, "kind");
    if !model::KINDS.contains(&kind) {
        errors.add("kind", t.t("surveys-staff-error-kind"));
    }
    let measure = match get(&raw, "measure") {
        "" => "none",
        m => m,
    };
    if !model::MEASURES.contains(&measure) || (measure != "none" && kind != "likert") {
        errors.add("measure", t.t("surveys-staff-error-measure"));
    }
    if get(&raw, "text_de").trim().is_empty() {
        errors.add("text_de", t.t("surveys-staff-error-text"));
    }
    let mut options: Vec<(&str, Vec<String>)> = Vec::new();
    for tag in LANGS {
        if get(&raw, &format!("text_{tag}")).chars().count() > model::MAX_LINE {
            errors.add("text_de", t.t("surveys-staff-error-too-long"));
        }
        let lines: Vec<String> = get(&raw, &format!("options_{tag}"))
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        if !lines.is_empty() {
            options.push((tag, lines));
        }
    }
    let option_count = options
        .iter()
        .find(|(tag, _)| *tag == "de")
        .map(|(_, l)| l.len())
        .unwrap_or(0);
    if matches!(kind, "single" | "multiple") {
        if !(2..=model::MAX_OPTIONS).contains(&option_count)
            || options
                .iter()
                .any(|(_, l)| l.len() != option_count || l.iter().any(|o| o.chars().count() > 200))
        {
            errors.add("options_de", t.t("surveys-staff-error-options"));
        }
    } else if !options.is_empty() {
        errors.add("options_de", t.t("surveys-staff-error-no-options"));
    }
    let required = !get(&raw, "required").is_empty();
    if !errors.is_empty() {
        return detail_page(
            &state,
            &ctx,
            id,
            &raw,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let Some((status, _)) = store::lock_survey(&mut tx, tenant.id, id).await? else {
        return Err(WebError::not_found());
    };
    let count = store::question_count(&mut tx, tenant.id, id).await?;
    if status != "draft" || count >= model::MAX_QUESTIONS as i64 {
        drop(tx);
        errors.add(
            "kind",
            t.t(if status != "draft" {
                "surveys-staff-error-not-draft"
            } else {
                "surveys-staff-error-too-many"
            }),
        );
        return detail_page(&state, &ctx, id, &raw, errors, StatusCode::CONFLICT).await;
    }
    let q = Question {
        id: Uuid::now_v7(),
        position: usize::try_from(count).unwrap_or(0) + 1,
        kind: kind.to_owned(),
        measure: measure.to_owned(),
        required,
        option_count: if matches!(kind, "single" | "multiple") {
            option_count
        } else {
            0
        },
    };
    store::insert_question(&mut tx, tenant.id, id, &q).await?;
    for tag in LANGS {
        let text = get(&raw, &format!("text_{tag}")).trim();
        if !text.is_empty() {
            store::set_text(
                &mut tx,
                tenant.id,
                id,
                &model::question_item(q.id),
                tag,
                text,
            )
            .await?;
        }
    }
    if q.option_count > 0 {
        for (tag, lines) in &options {
            for (n, line) in lines.iter().enumerate() {
                store::set_text(
                    &mut tx,
                    tenant.id,
                    id,
                    &model::option_item(q.id, n),
                    tag,
                    line,
                )
                .await?;
            }
        }
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "survey.question.add", "survey", id).details(serde_json::json!({
            "question": q.id, "kind": q.kind, "measure": q.measure,
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/surveys/{id}", tenant.slug)).into_response())
}

/// `POST /{tenant}/staff/surveys/{id}/status` (`action`: open, close,
/// publish, unpublish). A survey without questions cannot be opened.
pub async fn change_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, Uuid)>,
    CsrfForm(raw): CsrfForm<Raw>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageSurveys)?;
    let t = Tr::new(ctx.lang());
    let action = get(&raw, "action");
    if !matches!(action, "open" | "close" | "publish" | "unpublish") {
        let mut errors = FormErrors::new();
        errors.add("action", t.t("surveys-staff-error-action"));
        return detail_page(
            &state,
            &ctx,
            id,
            &[],
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let Some((status, _)) = store::lock_survey(&mut tx, tenant.id, id).await? else {
        return Err(WebError::not_found());
    };
    let refusal = match action {
        "open" if store::question_count(&mut tx, tenant.id, id).await? == 0 => {
            Some("surveys-staff-error-no-questions")
        }
        "open" if status == "open" => Some("surveys-staff-error-action"),
        "close" if status != "open" => Some("surveys-staff-error-action"),
        "publish" | "unpublish" if status == "draft" => Some("surveys-staff-error-action"),
        _ => None,
    };
    if let Some(key) = refusal {
        drop(tx);
        let mut errors = FormErrors::new();
        errors.add("action", t.t(key));
        return detail_page(
            &state,
            &ctx,
            id,
            &[],
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    match action {
        "open" => store::set_status(&mut tx, tenant.id, id, "open").await?,
        "close" => store::set_status(&mut tx, tenant.id, id, "closed").await?,
        "publish" => store::set_published(&mut tx, tenant.id, id, true).await?,
        _ => store::set_published(&mut tx, tenant.id, id, false).await?,
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, &format!("survey.{action}"), "survey", id),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/surveys/{id}", tenant.slug)).into_response())
}

pub struct Letter {
    pub code: String,
    pub url: String,
}

#[derive(Template)]
#[template(path = "surveys/letters.html")]
struct LettersPage {
    page: PageCtx,
    title: String,
    url: String,
    closes_on: String,
    letters: Vec<Letter>,
}

/// `POST /{tenant}/staff/surveys/{id}/tokens` (`count`): creates invitation
/// codes and shows them once, as letters to print; only their hashes are
/// stored.
pub async fn generate_tokens(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, Uuid)>,
    CsrfForm(raw): CsrfForm<Raw>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageSurveys)?;
    let t = Tr::new(ctx.lang());
    let s = store::survey(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let count = get(&raw, "count").trim().parse::<usize>().ok();
    let mut errors = FormErrors::new();
    if s.distribution != "token" {
        errors.add("count", t.t("surveys-staff-error-open-link"));
    }
    let count = match count {
        Some(n) if (1..=model::MAX_TOKENS_PER_BATCH).contains(&n) => n,
        _ => {
            errors.add("count", t.t("surveys-staff-error-count"));
            0
        }
    };
    if !errors.is_empty() {
        return detail_page(
            &state,
            &ctx,
            id,
            &raw,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let codes: Vec<String> = (0..count).map(|_| model::new_token()).collect();
    let hashes: Vec<Vec<u8>> = codes.iter().map(|c| model::token_hash(id, c)).collect();
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let batch = store::next_batch(&mut tx, tenant.id, id).await?;
    store::insert_tokens(&mut tx, tenant.id, id, &hashes, batch).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "survey.tokens", "survey", id)
            .details(serde_json::json!({ "count": count, "batch": batch })),
    )
    .await?;
    tx.commit().await?;
    let url = ctx.absolute_url(&state, &format!("/{}/surveys/{id}", tenant.slug));
    let texts = store::texts(&state.db, tenant.id, id).await?;
    let tpl = LettersPage {
        page: PageCtx::new(&ctx, "surveys-letters-title"),
        title: texts.get("title", "de"),
        closes_on: s.closes_on.unwrap_or_default(),
        letters: codes
            .into_iter()
            .map(|code| Letter {
                url: format!("{url}?token={code}"),
                code,
            })
            .collect(),
        url,
    };
    Ok(no_store(page::ok(&tpl)?))
}

/// `POST /{tenant}/staff/surveys/{id}/map-answers` (`answer`, `decision`:
/// confirm or reject): a confirmed map answer becomes an unsafe-place
/// report in the same transaction.
pub async fn review_map_answer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, Uuid)>,
    CsrfForm(raw): CsrfForm<Raw>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageSurveys)?;
    let t = Tr::new(ctx.lang());
    let decision = match get(&raw, "decision") {
        "confirm" => "confirmed",
        "reject" => "rejected",
        _ => {
            return Err(WebError::unprocessable(
                "decision must be confirm or reject",
            ))
        }
    };
    let answer = Uuid::parse_str(get(&raw, "answer"))
        .map_err(|_| WebError::unprocessable("answer must be an id"))?;
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let Some(a) = store::review_map_answer(&mut tx, tenant.id, id, answer, decision).await? else {
        drop(tx);
        let mut errors = FormErrors::new();
        errors.add("action", t.t("surveys-staff-error-reviewed"));
        return detail_page(&state, &ctx, id, &[], errors, StatusCode::CONFLICT).await;
    };
    let mut report = None;
    if decision == "confirmed" {
        let description = a
            .body
            .clone()
            .unwrap_or_else(|| t.t("surveys-staff-map-default").into_owned());
        report = crate::reports::file_unsafe_place(
            &state,
            &mut tx,
            &tenant,
            &crate::reports::UnsafePlaceInput {
                lat: a.lat,
                lon: a.lon,
                district_code: a.district_code.as_deref(),
                description: &description,
                time_of_day: a.time_of_day.as_deref(),
                source: "survey",
            },
            now,
        )
        .await?;
        if let Some(r) = report {
            store::set_report(&mut tx, tenant.id, id, answer, r).await?;
        }
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "survey.map_answer.review", "survey", id).details(serde_json::json!({
            "answer": answer, "decision": decision, "report": report,
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/surveys/{id}", tenant.slug)).into_response())
}
