//! Goals → measures → action items: the network's accountability record,
//! with the coordinators' page and the public accountability page (without
//! internal notes).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::common;
use super::model::{self, ActionStatus};
use super::store;
use crate::platform::audit::{self, Entry};
use crate::platform::auth::Permission;
use crate::platform::i18n::Tr;
use crate::platform::topics::Topic;
use crate::platform::web::extract::CsrfForm;
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

pub struct ActionLine {
    pub id: Uuid,
    pub title: String,
    pub owner: String,
    pub responsible: String,
    pub due: String,
    pub overdue: bool,
    pub status: String,
    pub status_key: String,
    pub evidence: String,
    pub drop_reason: String,
    pub internal_note: String,
}

pub struct MeasureView {
    pub id: Uuid,
    pub title: String,
    pub description: String,
    pub topics: Vec<String>,
    pub done: usize,
    pub total: usize,
    pub actions: Vec<ActionLine>,
}

pub struct GoalView {
    pub id: Uuid,
    pub position: i32,
    pub title: String,
    pub description: String,
    pub measures: Vec<MeasureView>,
}

/// The whole record; `internal` keeps internal notes (coordinators only).
pub async fn record(
    state: &AppState,
    ctx: &Ctx,
    internal: bool,
) -> Result<Vec<GoalView>, WebError> {
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let today = common::today(state.clock.now(), &tenant.time_zone);
    let goals = store::goals(&state.db, tenant.id).await?;
    let measures = store::measures(&state.db, tenant.id).await?;
    let actions = store::actions(&state.db, tenant.id).await?;
    Ok(goals
        .into_iter()
        .map(|g| GoalView {
            id: g.goal_id,
            position: g.position,
            measures: measures
                .iter()
                .filter(|m| m.goal_id == g.goal_id)
                .map(|m| {
                    let mine: Vec<&store::Action> = actions
                        .iter()
                        .filter(|a| a.measure_id == m.measure_id)
                        .collect();
                    MeasureView {
                        id: m.measure_id,
                        title: m.title.clone(),
                        description: m.description.clone(),
                        topics: Topic::split(&m.topics)
                            .iter()
                            .map(|x| t.t(&x.label_key()).into_owned())
                            .collect(),
                        done: mine
                            .iter()
                            .filter(|a| a.status() == ActionStatus::Done)
                            .count(),
                        total: mine
                            .iter()
                            .filter(|a| a.status() != ActionStatus::Dropped)
                            .count(),
                        actions: mine
                            .into_iter()
                            .map(|a| ActionLine {
                                id: a.action_id,
                                title: a.title.clone(),
                                owner: a.owner_name.clone().unwrap_or_default(),
                                responsible: if internal {
                                    a.responsible.clone()
                                } else {
                                    String::new()
                                },
                                due: a
                                    .due_on
                                    .as_deref()
                                    .map(common::show_date)
                                    .unwrap_or_default(),
                                overdue: a.overdue(&today),
                                status: a.status.clone(),
                                status_key: a.status().label_key(),
                                evidence: a.evidence.clone(),
                                drop_reason: a.drop_reason.clone(),
                                internal_note: if internal {
                                    a.internal_note.clone()
                                } else {
                                    String::new()
                                },
                            })
                            .collect(),
                    }
                })
                .collect(),
            title: g.title,
            description: g.description,
        })
        .collect())
}

#[derive(Template)]
#[template(path = "network/accountability.html")]
struct PublicPage {
    page: PageCtx,
    goals: Vec<GoalView>,
}

/// `GET /{tenant}/accountability`
pub async fn public(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let goals = record(&state, &ctx, false).await?;
    page::ok(&PublicPage {
        page: PageCtx::new(&ctx, "network-accountability-title"),
        goals,
    })
}

#[derive(Template)]
#[template(path = "network/staff_measures.html")]
struct StaffPage {
    page: PageCtx,
    goals: Vec<GoalView>,
    orgs: Vec<(Uuid, String)>,
    topics: Vec<(&'static str, String)>,
    statuses: Vec<(&'static str, String)>,
    errors: FormErrors,
}

async fn staff_page(
    state: &AppState,
    ctx: &Ctx,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    page::render(
        &StaffPage {
            page: PageCtx::new(ctx, "network-measures-title"),
            goals: record(state, ctx, true).await?,
            orgs: store::organisations(&state.db, tenant.id)
                .await?
                .into_iter()
                .map(|o| (o.organisation_id, o.name))
                .collect(),
            topics: common::topic_options(&t),
            statuses: ActionStatus::ALL
                .iter()
                .map(|s| (s.as_str(), t.t(&s.label_key()).into_owned()))
                .collect(),
            errors,
        },
        status,
    )
}

/// `GET /{tenant}/staff/network/measures`
pub async fn staff(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    staff_page(&state, &ctx, FormErrors::new(), StatusCode::OK).await
}

fn back(ctx: &Ctx) -> Result<Response, WebError> {
    Ok(Redirect::to(&format!("/{}/staff/network/measures", ctx.tenant()?.slug)).into_response())
}

#[derive(Deserialize)]
pub struct GoalForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
}

/// `POST /{tenant}/staff/network/measures/goals`
pub async fn add_goal(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<GoalForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageNetwork)?;
    let t = Tr::new(ctx.lang());
    let title = model::required(&form.title, model::MAX_LINE);
    let description = model::optional(&form.description, model::MAX_TEXT);
    let (Some(title), Some(description)) = (title, description) else {
        let mut errors = FormErrors::new();
        errors.add("goal_title", t.t("network-error-title"));
        return staff_page(&state, &ctx, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let id = store::add_goal(&mut tx, tenant.id, &title, &description).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "goal.create", "goal", id),
    )
    .await?;
    tx.commit().await?;
    back(&ctx)
}

/// `POST /{tenant}/staff/network/measures` (form with repeated `topics`).
pub async fn add_measure(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(raw): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageNetwork)?;
    let t = Tr::new(ctx.lang());
    let get = |k: &str| {
        raw.iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    let topics: Vec<&str> = raw
        .iter()
        .filter(|(n, _)| n == "topics")
        .map(|(_, v)| v.as_str())
        .collect();
    let mut errors = FormErrors::new();
    let title = model::required(get("title"), model::MAX_LINE);
    if title.is_none() {
        errors.add("goal_title", t.t("network-error-title"));
    }
    let description = model::optional(get("description"), model::MAX_TEXT).unwrap_or_default();
    let topics = match Topic::parse_all(&topics) {
        Ok(t) => t,
        Err(unknown) => {
            errors.add(
                "goal_title",
                t.t1("network-error-topic", "topic", unknown.join(", ")),
            );
            Vec::new()
        }
    };
    let goal = Uuid::parse_str(get("goal")).ok();
    if goal.is_none() {
        errors.add("goal_title", t.t("network-error-goal"));
    }
    let (Some(title), Some(goal), true) = (title, goal, errors.is_empty()) else {
        return staff_page(&state, &ctx, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let Some(id) =
        store::add_measure(&mut tx, tenant.id, goal, &title, &description, &topics, now).await?
    else {
        return Err(WebError::not_found());
    };
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "measure.create", "measure", id),
    )
    .await?;
    tx.commit().await?;
    back(&ctx)
}

#[derive(Deserialize)]
pub struct ActionForm {
    #[serde(default)]
    measure: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    responsible: String,
    #[serde(default)]
    due: String,
}

/// `POST /{tenant}/staff/network/measures/actions`
pub async fn add_action(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<ActionForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageNetwork)?;
    let t = Tr::new(ctx.lang());
    let mut errors = FormErrors::new();
    let title = model::required(&form.title, model::MAX_LINE);
    if title.is_none() {
        errors.add("goal_title", t.t("network-error-title"));
    }
    let measure = Uuid::parse_str(&form.measure).ok();
    let owner = match form.owner.trim() {
        "" => None,
        s => match Uuid::parse_str(s) {
            Ok(o)
                if store::organisation(&state.db, tenant.id, o)
                    .await?
                    .is_some() =>
            {
                Some(o)
            }
            _ => {
                errors.add("goal_title", t.t("network-error-organisation"));
                None
            }
        },
    };
    let due = match common::iso_date(&form.due) {
        Ok(d) => d,
        Err(common::BadDate) => {
            errors.add("goal_title", t.t("network-error-date"));
            None
        }
    };
    let responsible = model::optional(&form.responsible, model::MAX_NAME).unwrap_or_default();
    let (Some(title), Some(measure), true) = (title, measure, errors.is_empty()) else {
        return staff_page(&state, &ctx, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let new = store::NewAction {
        measure,
        title,
        owner,
        responsible,
        due_on: due,
        source: String::new(),
    };
    let Some(id) = store::add_action(&mut tx, tenant.id, &new, now).await? else {
        return Err(WebError::not_found());
    };
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "action.create", "action_item", id),
    )
    .await?;
    tx.commit().await?;
    back(&ctx)
}

#[derive(Deserialize)]
pub struct UpdateForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    evidence: String,
    #[serde(default)]
    drop_reason: String,
    #[serde(default)]
    internal_note: String,
}

/// `POST /{tenant}/staff/network/measures/actions/{id}`
pub async fn update_action(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<UpdateForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageNetwork)?;
    let id = common::id(&id)?;
    let t = Tr::new(ctx.lang());
    let status = ActionStatus::parse(&form.status);
    let evidence = model::optional(&form.evidence, 2_000);
    let reason = model::optional(&form.drop_reason, 2_000);
    let note = model::optional(&form.internal_note, 5_000);
    let mut errors = FormErrors::new();
    if status == Some(ActionStatus::Dropped) && reason.as_deref().is_none_or(str::is_empty) {
        errors.add("goal_title", t.t("network-error-drop-reason"));
    }
    let (Some(status), Some(evidence), Some(reason), Some(note), true) =
        (status, evidence, reason, note, errors.is_empty())
    else {
        if errors.is_empty() {
            errors.add("goal_title", t.t("network-error-action-status"));
        }
        return staff_page(&state, &ctx, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    if !store::update_action(
        &mut tx,
        tenant.id,
        id,
        status,
        &reason,
        &evidence,
        Some(&note),
        None,
        now,
    )
    .await?
    {
        return Err(WebError::not_found());
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "action.update", "action_item", id)
            .details(serde_json::json!({ "status": status.as_str() })),
    )
    .await?;
    tx.commit().await?;
    back(&ctx)
}

/// The network's section of a topic page: measures on the topic with their
/// progress (public, as on the accountability page).
pub async fn topic_section(
    state: &AppState,
    ctx: &Ctx,
    topic: Topic,
) -> Result<crate::topic_pages::TopicSection, WebError> {
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let all = store::measures(&state.db, tenant.id).await?;
    let record = record(state, ctx, false).await?;
    let items = all
        .into_iter()
        .filter(|m| Topic::split(&m.topics).contains(&topic))
        .map(|m| {
            let progress = record
                .iter()
                .flat_map(|g| g.measures.iter())
                .find(|v| v.id == m.measure_id)
                .map(|v| format!("{} / {}", v.done, v.total))
                .unwrap_or_default();
            crate::topic_pages::TopicItem {
                href: format!("/{}/accountability#measure-{}", tenant.slug, m.measure_id),
                title: m.title,
                title_lang: None,
                meta: format!("{}: {progress}", t.t("network-action-status")),
                flag: None,
            }
        })
        .collect();
    Ok(crate::topic_pages::TopicSection {
        id: "measures",
        title: t.t("network-measures-topic-title").into_owned(),
        empty: t.t("network-measures-topic-none").into_owned(),
        items,
        more: Some((
            format!("/{}/accountability", tenant.slug),
            t.t("network-accountability-title").into_owned(),
        )),
    })
}
