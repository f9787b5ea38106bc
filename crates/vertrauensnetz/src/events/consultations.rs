//! Occasion-based consultations (seed 004 §3): before a football match
//! day, a large event, after a major accident or crime case, a coordinator
//! or the police asks the partners of chosen bodies for their security needs
//! and concerns. Each partner answers, optionally only for police and
//! coordinators; a meeting can be scheduled from the consultation; agreed
//! measures are linked.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;

use crate::network::{common, model, store as network};
use crate::on_db;
use crate::platform::audit::{self, Entry};
use crate::platform::auth::{self, store as accounts, Permission};
use crate::platform::db::{Db, DbError, Timestamp, Tx};
use crate::platform::i18n::Tr;
use crate::platform::mail::{self, OutgoingMail};
use crate::platform::tenants::TenantId;
use crate::platform::web::extract::CsrfForm;
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

/// Occasions (seed 004 §3).
pub const OCCASIONS: &[&str] = &[
    "sports_event",
    "large_event",
    "major_accident",
    "crime_case",
    "other",
];

// ---------------------------------------------------------------- SQL

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Consultation {
    pub consultation_id: Uuid,
    pub occasion: String,
    pub title: String,
    pub description: String,
    pub occurs_on: String,
    pub area: String,
    pub status: String,
    pub event_id: Option<Uuid>,
}

const COLUMNS: &str =
    "consultation_id, occasion, title, description, occurs_on, area, status, event_id";

pub async fn list(db: &Db, tenant: TenantId) -> Result<Vec<Consultation>, DbError> {
    let mut conn = db.read().await?;
    Ok(
        on_db!(conn, c => sqlx::query_as(&format!("SELECT {COLUMNS} FROM consultations WHERE tenant_id = $1 ORDER BY occurs_on DESC"))
        .bind(tenant.as_uuid()).fetch_all(c).await)?,
    )
}

pub async fn get(db: &Db, tenant: TenantId, id: Uuid) -> Result<Option<Consultation>, DbError> {
    let mut conn = db.read().await?;
    Ok(
        on_db!(conn, c => sqlx::query_as(&format!("SELECT {COLUMNS} FROM consultations WHERE tenant_id = $1 AND consultation_id = $2"))
        .bind(tenant.as_uuid()).bind(id).fetch_optional(c).await)?,
    )
}

#[allow(clippy::too_many_arguments)]
pub async fn create(
    tx: &mut Tx,
    tenant: TenantId,
    occasion: &str,
    title: &str,
    description: &str,
    occurs_on: &str,
    area: &str,
    bodies: &[Uuid],
    by: Option<Uuid>,
    now: Timestamp,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    on_db!(tx, c => sqlx::query(
        "INSERT INTO consultations (tenant_id, consultation_id, occasion, title, description, occurs_on, area, status, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9)")
        .bind(tenant.as_uuid()).bind(id).bind(occasion).bind(title).bind(description).bind(occurs_on).bind(area).bind(now).bind(by)
        .execute(c).await.map(|_| ()))?;
    for b in bodies {
        on_db!(tx, c => sqlx::query("INSERT INTO consultation_bodies (tenant_id, consultation_id, body_id) VALUES ($1, $2, $3)")
            .bind(tenant.as_uuid()).bind(id).bind(*b).execute(c).await.map(|_| ()))?;
    }
    Ok(id)
}

pub async fn bodies_of(
    db: &Db,
    tenant: TenantId,
    id: Uuid,
) -> Result<Vec<(Uuid, String)>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT b.body_id, b.name FROM consultation_bodies cb JOIN bodies b ON b.tenant_id = cb.tenant_id AND b.body_id = cb.body_id
         WHERE cb.tenant_id = $1 AND cb.consultation_id = $2 ORDER BY b.name")
        .bind(tenant.as_uuid()).bind(id).fetch_all(c).await)?)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Answer {
    pub organisation: Option<String>,
    pub display_name: String,
    pub text: String,
    pub restricted: bool,
    pub created_at: Timestamp,
}

pub async fn responses(db: &Db, tenant: TenantId, id: Uuid) -> Result<Vec<Answer>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT o.name AS organisation, u.display_name, r.text, r.restricted, r.created_at
         FROM consultation_responses r JOIN users u ON u.user_id = r.user_id
         LEFT JOIN organisations o ON o.tenant_id = r.tenant_id AND o.organisation_id = r.organisation_id
         WHERE r.tenant_id = $1 AND r.consultation_id = $2 ORDER BY r.created_at")
        .bind(tenant.as_uuid()).bind(id).fetch_all(c).await)?)
}

pub async fn linked_measures(
    db: &Db,
    tenant: TenantId,
    id: Uuid,
) -> Result<Vec<(Uuid, String)>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT m.measure_id, m.title FROM consultation_measures cm JOIN measures m ON m.tenant_id = cm.tenant_id AND m.measure_id = cm.measure_id
         WHERE cm.tenant_id = $1 AND cm.consultation_id = $2 ORDER BY m.title")
        .bind(tenant.as_uuid()).bind(id).fetch_all(c).await)?)
}

/// Records an answer (the caller has checked who may answer).
#[allow(clippy::too_many_arguments)]
pub async fn add_response(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    org: Option<Uuid>,
    user: Uuid,
    text: &str,
    restricted: bool,
    now: Timestamp,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO consultation_responses (tenant_id, response_id, consultation_id, organisation_id, user_id, text, restricted, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
        .bind(tenant.as_uuid()).bind(Uuid::now_v7()).bind(id).bind(org).bind(user).bind(text).bind(restricted).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

async fn add_measure_link(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    measure: Uuid,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO consultation_measures (tenant_id, consultation_id, measure_id) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, consultation_id, measure_id) DO NOTHING")
        .bind(tenant.as_uuid()).bind(id).bind(measure).execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Sets the linked meeting and/or the status.
async fn set_field(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    event: Option<Uuid>,
    status: Option<&str>,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "UPDATE consultations SET event_id = COALESCE($3, event_id), status = COALESCE($4, status)
         WHERE tenant_id = $1 AND consultation_id = $2")
        .bind(tenant.as_uuid()).bind(id).bind(event).bind(status).execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Accounts to notify: members of the chosen bodies with an account, and
/// every account acting for an organisation represented in them.
async fn recipients(
    db: &Db,
    tenant: TenantId,
    bodies: &[Uuid],
) -> Result<Vec<(Uuid, String, String)>, DbError> {
    let mut out: Vec<(Uuid, String, String)> = Vec::new();
    for b in bodies {
        for m in network::body_members(db, tenant, *b).await? {
            if let Some(u) = m.user_id {
                if let Some(acc) = accounts::user_by_id(db, u).await? {
                    out.push((acc.user_id, acc.login, acc.display_name));
                }
            }
            if let Some(org) = m.organisation_id {
                for (user, login, name) in network::members_of(db, tenant, org).await? {
                    out.push((user, login, name));
                }
            }
        }
    }
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out.dedup_by(|a, b| a.0 == b.0);
    Ok(out)
}

/// Consultations an account takes part in: one of their bodies is asked —
/// as a member, or through the organisation they act for. One query.
pub async fn taking_part(
    db: &Db,
    tenant: TenantId,
    user: Uuid,
    org: Option<Uuid>,
) -> Result<Vec<Uuid>, DbError> {
    let mut conn = db.read().await?;
    let rows: Vec<(Uuid,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT DISTINCT cb.consultation_id FROM consultation_bodies cb
         JOIN body_members m ON m.tenant_id = cb.tenant_id AND m.body_id = cb.body_id
         WHERE cb.tenant_id = $1 AND (m.user_id = $2 OR ($3 IS NOT NULL AND m.organisation_id = $3))")
        .bind(tenant.as_uuid()).bind(user).bind(org).fetch_all(c).await)?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

// ---------------------------------------------------------------- who may take part

/// Police and coordinators run consultations; partners of the chosen
/// bodies (members, or accounts of a represented organisation) take part.
struct Role {
    manager: bool,
    participant: bool,
    org: Option<Uuid>,
}

async fn role(state: &AppState, ctx: &Ctx, c: &Consultation) -> Result<Role, WebError> {
    let tenant = ctx.tenant()?;
    let p = ctx.principal()?;
    let manager = auth::may(Some(p), Permission::ManageConsultations, tenant.id);
    let org = network::organisation_of_user(&state.db, tenant.id, p.user_id).await?;
    let participant = taking_part(&state.db, tenant.id, p.user_id, org)
        .await?
        .contains(&c.consultation_id);
    if !manager && !participant {
        return Err(WebError::forbidden());
    }
    Ok(Role {
        manager,
        participant,
        org,
    })
}

// ---------------------------------------------------------------- pages

pub struct Line {
    id: Uuid,
    title: String,
    occasion_key: String,
    date: String,
    status_key: String,
}

#[derive(Template)]
#[template(path = "events/consultations.html")]
struct ListPage {
    page: PageCtx,
    items: Vec<Line>,
    manager: bool,
    occasions: Vec<(&'static str, String)>,
    bodies: Vec<(Uuid, String)>,
    errors: FormErrors,
}

async fn list_page(
    state: &AppState,
    ctx: &Ctx,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let p = ctx.principal()?;
    let t = Tr::new(ctx.lang());
    let manager = auth::may(Some(p), Permission::ManageConsultations, tenant.id);
    let org = network::organisation_of_user(&state.db, tenant.id, p.user_id).await?;
    let mine = taking_part(&state.db, tenant.id, p.user_id, org).await?;
    let mut items = Vec::new();
    for c in list(&state.db, tenant.id).await? {
        if manager || mine.contains(&c.consultation_id) {
            items.push(Line {
                id: c.consultation_id,
                occasion_key: format!("events-occasion-{}", c.occasion),
                date: common::show_date(&c.occurs_on),
                status_key: format!("events-consultation-status-{}", c.status),
                title: c.title,
            });
        }
    }
    page::render(
        &ListPage {
            page: PageCtx::new(ctx, "events-consultations-title"),
            items,
            manager,
            occasions: OCCASIONS
                .iter()
                .map(|o| (*o, t.t(&format!("events-occasion-{o}")).into_owned()))
                .collect(),
            bodies: network::bodies(&state.db, tenant.id)
                .await?
                .into_iter()
                .map(|b| (b.body_id, b.name))
                .collect(),
            errors,
        },
        status,
    )
}

/// `GET /{tenant}/staff/consultations`: police and coordinators see all,
/// partners those of their bodies.
pub async fn index(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    list_page(&state, &ctx, FormErrors::new(), StatusCode::OK).await
}

fn field<'a>(raw: &'a [(String, String)], k: &str) -> &'a str {
    raw.iter()
        .find(|(n, _)| n == k)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

/// `POST /{tenant}/staff/consultations`: opens a consultation and tells the
/// partners of the chosen bodies by mail.
pub async fn open(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(raw): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageConsultations)?;
    let p = ctx.principal()?;
    let t = Tr::new(ctx.lang());
    let mut errors = FormErrors::new();
    let occasion = field(&raw, "occasion");
    if !OCCASIONS.contains(&occasion) {
        errors.add("occasion", t.t("events-consultation-error-occasion"));
    }
    let title = model::required(field(&raw, "title"), model::MAX_LINE);
    if title.is_none() {
        errors.add("title", t.t("network-error-title"));
    }
    let date = common::iso_date(field(&raw, "occurs_on")).ok().flatten();
    if date.is_none() {
        errors.add("occurs_on", t.t("network-error-date"));
    }
    let area = model::optional(field(&raw, "area"), model::MAX_LINE).unwrap_or_default();
    let description =
        model::optional(field(&raw, "description"), model::MAX_TEXT).unwrap_or_default();
    let known: Vec<Uuid> = network::bodies(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|b| b.body_id)
        .collect();
    let mut bodies = Vec::new();
    for (k, v) in &raw {
        if k == "bodies" {
            match Uuid::parse_str(v) {
                Ok(b) if known.contains(&b) => bodies.push(b),
                _ => errors.add("bodies", t.t("events-consultation-error-bodies")),
            }
        }
    }
    if bodies.is_empty() {
        errors.add("bodies", t.t("events-consultation-error-bodies"));
    }
    let (Some(title), Some(date), true) = (title, date, errors.is_empty()) else {
        return list_page(&state, &ctx, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let to = recipients(&state.db, tenant.id, &bodies).await?;
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let id = create(
        &mut tx,
        tenant.id,
        occasion,
        &title,
        &description,
        &date,
        &area,
        &bodies,
        Some(p.user_id),
        now,
    )
    .await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "consultation.open", "consultation", id)
            .details(serde_json::json!({ "occasion": occasion, "bodies": bodies.len() })),
    )
    .await?;
    let link = ctx.absolute_url(
        &state,
        &format!("/{}/staff/consultations/{id}", tenant.slug),
    );
    let users: Vec<Uuid> = to.iter().map(|r| r.0).collect();
    let path = format!("/{}/staff/consultations/{id}", tenant.slug);
    crate::platform::notifications::notify(
        &mut tx,
        tenant.id,
        &users,
        "notification-consultation",
        &title,
        &path,
        now,
    )
    .await?;
    for (_, login, name) in to.iter().filter(|(_, l, _)| mail::valid_address(l)) {
        mail::enqueue(
            &mut tx,
            tenant.id,
            &OutgoingMail {
                to: login.clone(),
                subject: t.t1("events-consultation-mail-subject", "title", &title),
                body_text: format!(
                    "{}\n\n{}\n\n{}: {}\n{}: {}\n\n{link}\n",
                    t.t1("network-mail-greeting", "name", name),
                    t.t1(
                        "events-consultation-mail-body",
                        "occasion",
                        t.t(&format!("events-occasion-{occasion}"))
                    ),
                    t.t("events-consultation-date"),
                    common::show_date(&date),
                    t.t("events-consultation-area"),
                    area,
                ),
            },
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/consultations/{id}", tenant.slug)).into_response())
}

pub struct AnswerView {
    who: String,
    text: String,
    restricted: bool,
    when: String,
}

#[derive(Template)]
#[template(path = "events/consultation.html")]
struct DetailPage {
    page: PageCtx,
    c: Consultation,
    occasion_key: String,
    date: String,
    bodies: Vec<String>,
    answers: Vec<AnswerView>,
    hidden: usize,
    manager: bool,
    participant: bool,
    measures: Vec<(Uuid, String)>,
    all_measures: Vec<(Uuid, String)>,
    errors: FormErrors,
}

async fn detail_page(
    state: &AppState,
    ctx: &Ctx,
    id: Uuid,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let c = get(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let who = role(state, ctx, &c).await?;
    let all = responses(&state.db, tenant.id, id).await?;
    // Answers marked for police and coordinators only are counted, not shown,
    // to other partners.
    let hidden = if who.manager {
        0
    } else {
        all.iter().filter(|a| a.restricted).count()
    };
    let answers = all
        .into_iter()
        .filter(|a| who.manager || !a.restricted)
        .map(|a| AnswerView {
            who: match a.organisation {
                Some(o) => format!("{} ({o})", a.display_name),
                None => a.display_name,
            },
            when: crate::events::api::local_when(a.created_at.0, &tenant.time_zone),
            text: a.text,
            restricted: a.restricted,
        })
        .collect();
    page::render(
        &DetailPage {
            page: PageCtx::new(ctx, "events-consultation-title"),
            occasion_key: format!("events-occasion-{}", c.occasion),
            date: common::show_date(&c.occurs_on),
            bodies: bodies_of(&state.db, tenant.id, id)
                .await?
                .into_iter()
                .map(|b| b.1)
                .collect(),
            answers,
            hidden,
            manager: who.manager,
            participant: who.participant || who.org.is_some(),
            measures: linked_measures(&state.db, tenant.id, id).await?,
            all_measures: if who.manager {
                network::measures(&state.db, tenant.id)
                    .await?
                    .into_iter()
                    .map(|m| (m.measure_id, m.title))
                    .collect()
            } else {
                Vec::new()
            },
            errors,
            c,
        },
        status,
    )
}

/// `GET /{tenant}/staff/consultations/{id}`
pub async fn detail(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    detail_page(
        &state,
        &ctx,
        common::id(&id)?,
        FormErrors::new(),
        StatusCode::OK,
    )
    .await
}

fn back(ctx: &Ctx, id: Uuid) -> Result<Response, WebError> {
    Ok(Redirect::to(&format!("/{}/staff/consultations/{id}", ctx.tenant()?.slug)).into_response())
}

/// `POST …/{id}/responses`: a partner's security needs or concerns.
pub async fn respond(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(raw): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let id = common::id(&id)?;
    let c = get(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let who = role(&state, &ctx, &c).await?;
    let p = ctx.principal()?;
    let t = Tr::new(ctx.lang());
    let text = model::required_text(field(&raw, "text"), 10_000);
    let Some(text) = text.filter(|_| c.status == "open") else {
        let mut errors = FormErrors::new();
        errors.add(
            "text",
            t.t(if c.status == "open" {
                "events-consultation-error-text"
            } else {
                "events-consultation-error-closed"
            }),
        );
        return detail_page(&state, &ctx, id, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let restricted = field(&raw, "restricted") == "on";
    let role = p
        .roles_on(tenant.id)
        .next()
        .ok_or_else(WebError::forbidden)?;
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    add_response(
        &mut tx, tenant.id, id, who.org, p.user_id, &text, restricted, now,
    )
    .await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            crate::platform::audit::Actor::Staff {
                user_id: p.user_id,
                role,
            },
            "consultation.respond",
            "consultation",
            id,
        )
        .details(serde_json::json!({ "restricted": restricted })),
    )
    .await?;
    tx.commit().await?;
    back(&ctx, id)
}

/// `POST …/{id}/measures`: links an agreed measure of the network.
pub async fn link_measure(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(raw): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageConsultations)?;
    let id = common::id(&id)?;
    get(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let measure = Uuid::parse_str(field(&raw, "measure")).ok();
    let known: Vec<Uuid> = network::measures(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|m| m.measure_id)
        .collect();
    let Some(measure) = measure.filter(|m| known.contains(m)) else {
        let mut errors = FormErrors::new();
        errors.add(
            "measure",
            Tr::new(ctx.lang()).t("events-minutes-error-measure"),
        );
        return detail_page(&state, &ctx, id, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    add_measure_link(&mut tx, tenant.id, id, measure).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "consultation.measure", "consultation", id)
            .details(serde_json::json!({ "measure": measure })),
    )
    .await?;
    tx.commit().await?;
    back(&ctx, id)
}

/// `POST …/{id}/meeting`: schedules a discussion round for the invited
/// bodies and links it.
pub async fn schedule(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(raw): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageConsultations)?;
    let p = ctx.principal()?;
    let id = common::id(&id)?;
    let c = get(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let t = Tr::new(ctx.lang());
    let start = local_time(field(&raw, "starts_at"), &tenant.time_zone);
    let end = start.map(|s| {
        s + chrono::Duration::minutes(i64::from(
            field(&raw, "minutes").parse::<u16>().unwrap_or(90),
        ))
    });
    let place = model::optional(field(&raw, "place"), model::MAX_LINE).unwrap_or_default();
    let (Some(start), Some(end)) = (start, end) else {
        let mut errors = FormErrors::new();
        errors.add("starts_at", t.t("events-consultation-error-time"));
        return detail_page(&state, &ctx, id, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let input = super::model::EventInput {
        title: t.t1("events-consultation-meeting-title", "title", &c.title),
        description: c.description.clone(),
        kind: "discussion_round".to_owned(),
        starts_at: start.to_rfc3339(),
        ends_at: end.to_rfc3339(),
        capacity: None,
        waitlist: false,
        registration_opens_at: None,
        registration_closes_at: None,
        audience: "invited".to_owned(),
        registration: Some("none".to_owned()),
        place_name: place,
        place_address: String::new(),
        ..Default::default()
    };
    let new = input.parse().map_err(|p| {
        WebError::unprocessable(
            p.iter()
                .map(|x| x.text.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    let bodies: Vec<Uuid> = bodies_of(&state.db, tenant.id, id)
        .await?
        .into_iter()
        .map(|b| b.0)
        .collect();
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let event = super::store::create_event(
        &mut tx,
        tenant.id,
        &new,
        &tenant.time_zone,
        Some(p.user_id),
        now,
    )
    .await?;
    super::minutes::set_links(&mut tx, tenant.id, event, &[], &bodies).await?;
    set_field(&mut tx, tenant.id, id, Some(event), None).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "consultation.meeting", "consultation", id)
            .details(serde_json::json!({ "event": event })),
    )
    .await?;
    tx.commit().await?;
    back(&ctx, id)
}

/// `POST …/{id}/close`
pub async fn close(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(_raw): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageConsultations)?;
    let id = common::id(&id)?;
    get(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    set_field(&mut tx, tenant.id, id, None, Some("closed")).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "consultation.close", "consultation", id),
    )
    .await?;
    tx.commit().await?;
    back(&ctx, id)
}

/// A `datetime-local` value (`YYYY-MM-DDTHH:MM`) in the tenant's time zone.
fn local_time(value: &str, time_zone: &str) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    let naive = chrono::NaiveDateTime::parse_from_str(value.trim(), "%Y-%m-%dT%H:%M").ok()?;
    let tz: chrono_tz::Tz = time_zone.parse().ok()?;
    naive
        .and_local_timezone(tz)
        .earliest()
        .map(|t| t.fixed_offset())
}
