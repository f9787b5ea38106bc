//! An event in the network: its organisers (one or more partner
//! organisations — joint events), the bodies invited, the agenda, and after
//! the event the minutes: attending organisations from the registry,
//! decisions, and action items that become action items of the network's
//! measures (owner organisation, due date). Minutes are visible to the
//! participants or to the public, as the coordinator chooses.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;

use super::api::local_when;
use super::store as events;
use crate::network::{common, store as network};
use crate::on_db;
use crate::platform::audit::{self, Entry};
use crate::platform::auth::{self, Permission};
use crate::platform::db::{Db, DbError, Timestamp, Tx};
use crate::platform::i18n::Tr;
use crate::platform::tenants::TenantId;
use crate::platform::web::extract::CsrfForm;
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

// ---------------------------------------------------------------- SQL

/// Names of an event's organisers.
pub async fn organisers(
    db: &Db,
    tenant: TenantId,
    event: Uuid,
) -> Result<Vec<(Uuid, String)>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT o.organisation_id, o.name FROM event_organisers e JOIN organisations o
           ON o.tenant_id = e.tenant_id AND o.organisation_id = e.organisation_id
         WHERE e.tenant_id = $1 AND e.event_id = $2 ORDER BY o.name")
        .bind(tenant.as_uuid()).bind(event).fetch_all(c).await)?)
}

/// Bodies invited to an event.
pub async fn invited_bodies(
    db: &Db,
    tenant: TenantId,
    event: Uuid,
) -> Result<Vec<(Uuid, String)>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT b.body_id, b.name FROM event_bodies e JOIN bodies b ON b.tenant_id = e.tenant_id AND b.body_id = e.body_id
         WHERE e.tenant_id = $1 AND e.event_id = $2 ORDER BY b.name")
        .bind(tenant.as_uuid()).bind(event).fetch_all(c).await)?)
}

/// Replaces the organisers and invited bodies of an event.
pub async fn set_links(
    tx: &mut Tx,
    tenant: TenantId,
    event: Uuid,
    orgs: &[Uuid],
    bodies: &[Uuid],
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query("DELETE FROM event_organisers WHERE tenant_id = $1 AND event_id = $2")
        .bind(tenant.as_uuid()).bind(event).execute(c).await.map(|_| ()))?;
    on_db!(tx, c => sqlx::query("DELETE FROM event_bodies WHERE tenant_id = $1 AND event_id = $2")
        .bind(tenant.as_uuid()).bind(event).execute(c).await.map(|_| ()))?;
    for o in orgs {
        on_db!(tx, c => sqlx::query("INSERT INTO event_organisers (tenant_id, event_id, organisation_id) VALUES ($1, $2, $3)")
            .bind(tenant.as_uuid()).bind(event).bind(*o).execute(c).await.map(|_| ()))?;
    }
    for b in bodies {
        on_db!(tx, c => sqlx::query("INSERT INTO event_bodies (tenant_id, event_id, body_id) VALUES ($1, $2, $3)")
            .bind(tenant.as_uuid()).bind(event).bind(*b).execute(c).await.map(|_| ()))?;
    }
    Ok(())
}

pub async fn agenda(
    db: &Db,
    tenant: TenantId,
    event: Uuid,
) -> Result<Vec<(i32, String, String)>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT position, title, presenter FROM agenda_items WHERE tenant_id = $1 AND event_id = $2 ORDER BY position")
        .bind(tenant.as_uuid()).bind(event).fetch_all(c).await)?)
}

pub async fn add_agenda_item(
    tx: &mut Tx,
    tenant: TenantId,
    event: Uuid,
    title: &str,
    presenter: &str,
) -> Result<(), DbError> {
    let (pos,): (i32,) = on_db!(tx, c => sqlx::query_as(
        "SELECT COALESCE(MAX(position), 0) + 1 FROM agenda_items WHERE tenant_id = $1 AND event_id = $2")
        .bind(tenant.as_uuid()).bind(event).fetch_one(c).await)?;
    on_db!(tx, c => sqlx::query(
        "INSERT INTO agenda_items (tenant_id, item_id, event_id, position, title, presenter) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(tenant.as_uuid()).bind(Uuid::now_v7()).bind(event).bind(pos).bind(title).bind(presenter)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// The minutes as stored: summary, visibility (`participants` or `public`).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Minutes {
    pub summary: String,
    pub visibility: String,
    pub updated_at: Timestamp,
}

pub async fn minutes(db: &Db, tenant: TenantId, event: Uuid) -> Result<Option<Minutes>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT summary, visibility, updated_at FROM minutes WHERE tenant_id = $1 AND event_id = $2")
        .bind(tenant.as_uuid()).bind(event).fetch_optional(c).await)?)
}

pub async fn attending(
    db: &Db,
    tenant: TenantId,
    event: Uuid,
) -> Result<Vec<(Uuid, String)>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT o.organisation_id, o.name FROM minutes_attendance a JOIN organisations o
           ON o.tenant_id = a.tenant_id AND o.organisation_id = a.organisation_id
         WHERE a.tenant_id = $1 AND a.event_id = $2 ORDER BY o.name")
        .bind(tenant.as_uuid()).bind(event).fetch_all(c).await)?)
}

pub async fn decisions(db: &Db, tenant: TenantId, event: Uuid) -> Result<Vec<String>, DbError> {
    let mut conn = db.read().await?;
    let rows: Vec<(String,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT text FROM minutes_decisions WHERE tenant_id = $1 AND event_id = $2 ORDER BY position")
        .bind(tenant.as_uuid()).bind(event).fetch_all(c).await)?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// Writes the minutes (replacing attendance and decisions).
#[allow(clippy::too_many_arguments)]
pub async fn save_minutes(
    tx: &mut Tx,
    tenant: TenantId,
    event: Uuid,
    summary: &str,
    visibility: &str,
    attending: &[Uuid],
    decisions: &[String],
    by: Uuid,
    now: Timestamp,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO minutes (tenant_id, event_id, summary, visibility, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (tenant_id, event_id) DO UPDATE SET summary = excluded.summary, visibility = excluded.visibility,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by")
        .bind(tenant.as_uuid()).bind(event).bind(summary).bind(visibility).bind(now).bind(by)
        .execute(c).await.map(|_| ()))?;
    on_db!(tx, c => sqlx::query("DELETE FROM minutes_attendance WHERE tenant_id = $1 AND event_id = $2")
        .bind(tenant.as_uuid()).bind(event).execute(c).await.map(|_| ()))?;
    on_db!(tx, c => sqlx::query("DELETE FROM minutes_decisions WHERE tenant_id = $1 AND event_id = $2")
        .bind(tenant.as_uuid()).bind(event).execute(c).await.map(|_| ()))?;
    for o in attending {
        on_db!(tx, c => sqlx::query("INSERT INTO minutes_attendance (tenant_id, event_id, organisation_id) VALUES ($1, $2, $3)")
            .bind(tenant.as_uuid()).bind(event).bind(*o).execute(c).await.map(|_| ()))?;
    }
    for (i, d) in decisions.iter().enumerate() {
        let pos = i32::try_from(i).unwrap_or(i32::MAX);
        on_db!(tx, c => sqlx::query(
            "INSERT INTO minutes_decisions (tenant_id, decision_id, event_id, position, text) VALUES ($1, $2, $3, $4, $5)")
            .bind(tenant.as_uuid()).bind(Uuid::now_v7()).bind(event).bind(pos).bind(d).execute(c).await.map(|_| ()))?;
    }
    Ok(())
}

/// The source mark of action items agreed in an event's minutes.
pub fn source_of(event: Uuid) -> String {
    format!("event:{event}")
}

/// Events whose minutes are public, with the date (for topic pages).
pub async fn public_minutes(db: &Db, tenant: TenantId) -> Result<Vec<(Uuid, Timestamp)>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT m.event_id, e.starts_at FROM minutes m JOIN events e ON e.tenant_id = m.tenant_id AND e.event_id = m.event_id
         WHERE m.tenant_id = $1 AND m.visibility = 'public' ORDER BY e.starts_at DESC")
        .bind(tenant.as_uuid()).fetch_all(c).await)?)
}

// ---------------------------------------------------------------- who may read

/// May the visitor read minutes meant for the participants? Coordinators,
/// and accounts of an organiser, an attending organisation or a member of
/// an invited body.
async fn participant(state: &AppState, ctx: &Ctx, event: Uuid) -> Result<bool, WebError> {
    let tenant = ctx.tenant()?;
    let Some(p) = ctx.principal.as_ref() else {
        return Ok(false);
    };
    if auth::may(Some(p), Permission::ManageEvents, tenant.id) {
        return Ok(true);
    }
    if !auth::may(Some(p), Permission::UseStaffArea, tenant.id) {
        return Ok(false);
    }
    if let Some(org) = network::organisation_of_user(&state.db, tenant.id, p.user_id).await? {
        let in_event = organisers(&state.db, tenant.id, event)
            .await?
            .iter()
            .any(|(o, _)| *o == org)
            || attending(&state.db, tenant.id, event)
                .await?
                .iter()
                .any(|(o, _)| *o == org);
        if in_event {
            return Ok(true);
        }
    }
    let mine = network::bodies_of_user(&state.db, tenant.id, p.user_id).await?;
    Ok(invited_bodies(&state.db, tenant.id, event)
        .await?
        .iter()
        .any(|(b, _)| mine.contains(b)))
}

/// May the visitor see an event for invited bodies? Coordinators and police
/// (who run events and consultations), members of an invited body, and
/// accounts of an organisation represented in one.
pub async fn invited(state: &AppState, ctx: &Ctx, event: Uuid) -> Result<bool, WebError> {
    let tenant = ctx.tenant()?;
    let Some(p) = ctx.principal.as_ref() else {
        return Ok(false);
    };
    if auth::may(Some(p), Permission::ManageEvents, tenant.id)
        || auth::may(Some(p), Permission::ManageConsultations, tenant.id)
    {
        return Ok(true);
    }
    let org = network::organisation_of_user(&state.db, tenant.id, p.user_id).await?;
    for (body, _) in invited_bodies(&state.db, tenant.id, event).await? {
        for m in network::body_members(&state.db, tenant.id, body).await? {
            if m.user_id == Some(p.user_id) || (org.is_some() && m.organisation_id == org) {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

// ---------------------------------------------------------------- pages

#[derive(Template)]
#[template(path = "events/minutes.html")]
struct PublicPage {
    page: PageCtx,
    event_id: Uuid,
    title: String,
    when: String,
    organisers: Vec<String>,
    agenda: Vec<(i32, String, String)>,
    minutes: Option<Minutes>,
    attending: Vec<String>,
    decisions: Vec<String>,
    actions: Vec<crate::network::orgs::ActionView>,
    owners: Vec<String>,
}

/// `GET /{tenant}/events/{event}/minutes`: the agenda (with the event) and
/// the minutes for whoever may read them.
pub async fn public(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let event = super::api::visible_event(&state, &ctx, &id).await?;
    let id = event.event_id;
    let record = minutes(&state.db, tenant.id, id).await?;
    let readable = match &record {
        Some(m) if m.visibility == "public" => true,
        Some(_) => participant(&state, &ctx, id).await?,
        None => false,
    };
    let today = common::today(state.clock.now(), &tenant.time_zone);
    let agreed: Vec<network::Action> = if readable {
        network::actions(&state.db, tenant.id)
            .await?
            .into_iter()
            .filter(|a| a.source == source_of(id))
            .collect()
    } else {
        Vec::new()
    };
    let mut page_ctx = PageCtx::new(&ctx, "events-minutes-title");
    page_ctx.title = format!("{}: {}", page_ctx.title, event.title);
    page::ok(&PublicPage {
        page: page_ctx,
        event_id: id,
        when: local_when(event.starts_at.0, &event.time_zone),
        title: event.title.clone(),
        organisers: organisers(&state.db, tenant.id, id)
            .await?
            .into_iter()
            .map(|o| o.1)
            .collect(),
        agenda: agenda(&state.db, tenant.id, id).await?,
        attending: if readable {
            attending(&state.db, tenant.id, id)
                .await?
                .into_iter()
                .map(|o| o.1)
                .collect()
        } else {
            Vec::new()
        },
        decisions: if readable {
            decisions(&state.db, tenant.id, id).await?
        } else {
            Vec::new()
        },
        owners: agreed
            .iter()
            .map(|a| a.owner_name.clone().unwrap_or_default())
            .collect(),
        actions: agreed
            .iter()
            .map(|a| crate::network::orgs::action_view(a, &today))
            .collect(),
        minutes: record.filter(|_| readable),
    })
}

#[derive(Template)]
#[template(path = "events/staff_minutes.html")]
struct StaffPage {
    page: PageCtx,
    event_id: Uuid,
    title: String,
    when: String,
    orgs: Vec<(Uuid, String, bool, bool)>,
    bodies: Vec<(Uuid, String, bool)>,
    agenda: Vec<(i32, String, String)>,
    summary: String,
    visibility: String,
    decisions: String,
    measures: Vec<(Uuid, String)>,
    actions: Vec<crate::network::orgs::ActionView>,
    errors: FormErrors,
}

async fn staff_page(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let event = events::event(&state.db, tenant.id, common::id(id)?)
        .await?
        .ok_or_else(WebError::not_found)?;
    let eid = event.event_id;
    let org_ids: Vec<Uuid> = organisers(&state.db, tenant.id, eid)
        .await?
        .into_iter()
        .map(|o| o.0)
        .collect();
    let present: Vec<Uuid> = attending(&state.db, tenant.id, eid)
        .await?
        .into_iter()
        .map(|o| o.0)
        .collect();
    let invited: Vec<Uuid> = invited_bodies(&state.db, tenant.id, eid)
        .await?
        .into_iter()
        .map(|o| o.0)
        .collect();
    let record = minutes(&state.db, tenant.id, eid).await?;
    let today = common::today(state.clock.now(), &tenant.time_zone);
    page::render(
        &StaffPage {
            page: PageCtx::new(ctx, "events-minutes-staff-title"),
            event_id: eid,
            when: local_when(event.starts_at.0, &event.time_zone),
            title: event.title,
            orgs: network::organisations(&state.db, tenant.id)
                .await?
                .into_iter()
                .map(|o| {
                    (
                        o.organisation_id,
                        o.name,
                        org_ids.contains(&o.organisation_id),
                        present.contains(&o.organisation_id),
                    )
                })
                .collect(),
            bodies: network::bodies(&state.db, tenant.id)
                .await?
                .into_iter()
                .map(|b| (b.body_id, b.name, invited.contains(&b.body_id)))
                .collect(),
            agenda: agenda(&state.db, tenant.id, eid).await?,
            summary: record
                .as_ref()
                .map(|m| m.summary.clone())
                .unwrap_or_default(),
            visibility: record
                .as_ref()
                .map(|m| m.visibility.clone())
                .unwrap_or_else(|| "participants".to_owned()),
            decisions: decisions(&state.db, tenant.id, eid).await?.join("\n"),
            measures: network::measures(&state.db, tenant.id)
                .await?
                .into_iter()
                .map(|m| (m.measure_id, m.title))
                .collect(),
            actions: network::actions(&state.db, tenant.id)
                .await?
                .iter()
                .filter(|a| a.source == source_of(eid))
                .map(|a| crate::network::orgs::action_view(a, &today))
                .collect(),
            errors,
        },
        status,
    )
}

/// `GET /{tenant}/staff/events/{event}/minutes`
pub async fn staff(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    staff_page(&state, &ctx, &id, FormErrors::new(), StatusCode::OK).await
}

fn field<'a>(raw: &'a [(String, String)], k: &str) -> &'a str {
    raw.iter()
        .find(|(n, _)| n == k)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

fn ids(raw: &[(String, String)], k: &str) -> Result<Vec<Uuid>, WebError> {
    raw.iter()
        .filter(|(n, _)| n == k)
        .map(|(_, v)| {
            Uuid::parse_str(v).map_err(|_| WebError::unprocessable(format!("{k} must be ids")))
        })
        .collect()
}

fn back(ctx: &Ctx, event: Uuid) -> Result<Response, WebError> {
    Ok(Redirect::to(&format!(
        "/{}/staff/events/{event}/minutes",
        ctx.tenant()?.slug
    ))
    .into_response())
}

/// `POST …/organisers`: organisers and invited bodies.
pub async fn set_organisers(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(raw): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageEvents)?;
    let event = events::event(&state.db, tenant.id, common::id(&id)?)
        .await?
        .ok_or_else(WebError::not_found)?;
    let orgs = ids(&raw, "organisers")?;
    let bodies = ids(&raw, "bodies")?;
    let known_orgs: Vec<Uuid> = network::organisations(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|o| o.organisation_id)
        .collect();
    let known_bodies: Vec<Uuid> = network::bodies(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|b| b.body_id)
        .collect();
    if orgs.iter().any(|o| !known_orgs.contains(o))
        || bodies.iter().any(|b| !known_bodies.contains(b))
    {
        let mut errors = FormErrors::new();
        errors.add(
            "organisers",
            Tr::new(ctx.lang()).t("network-error-organisation"),
        );
        return staff_page(&state, &ctx, &id, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    set_links(&mut tx, tenant.id, event.event_id, &orgs, &bodies).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "event.organisers", "event", event.event_id)
            .details(serde_json::json!({ "organisers": orgs.len(), "bodies": bodies.len() })),
    )
    .await?;
    tx.commit().await?;
    back(&ctx, event.event_id)
}

/// `POST …/agenda`: adds an agenda item.
pub async fn add_agenda(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(raw): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageEvents)?;
    let event = events::event(&state.db, tenant.id, common::id(&id)?)
        .await?
        .ok_or_else(WebError::not_found)?;
    let t = Tr::new(ctx.lang());
    let title = crate::network::model::required(field(&raw, "item_title"), 300);
    let presenter = crate::network::model::optional(field(&raw, "presenter"), 200);
    let (Some(title), Some(presenter)) = (title, presenter) else {
        let mut errors = FormErrors::new();
        errors.add("item_title", t.t("network-error-title"));
        return staff_page(&state, &ctx, &id, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    add_agenda_item(&mut tx, tenant.id, event.event_id, &title, &presenter).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "event.agenda", "event", event.event_id),
    )
    .await?;
    tx.commit().await?;
    back(&ctx, event.event_id)
}

/// `POST …/minutes`: summary, visibility, attending organisations, decisions.
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(raw): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageEvents)?;
    let p = ctx.principal()?;
    let event = events::event(&state.db, tenant.id, common::id(&id)?)
        .await?
        .ok_or_else(WebError::not_found)?;
    let t = Tr::new(ctx.lang());
    let mut errors = FormErrors::new();
    let summary = crate::network::model::optional(field(&raw, "summary"), 50_000);
    if summary.is_none() {
        errors.add("summary", t.t("network-error-too-long"));
    }
    let visibility = field(&raw, "visibility");
    if !["participants", "public"].contains(&visibility) {
        errors.add("summary", t.t("events-minutes-error-visibility"));
    }
    let present = ids(&raw, "attending")?;
    let known: Vec<Uuid> = network::organisations(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|o| o.organisation_id)
        .collect();
    if present.iter().any(|o| !known.contains(o)) {
        errors.add("summary", t.t("network-error-organisation"));
    }
    let decisions: Vec<String> = field(&raw, "decisions")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    if decisions.len() > 200 || decisions.iter().any(|d| d.chars().count() > 2_000) {
        errors.add("decisions", t.t("network-error-too-long"));
    }
    let (Some(summary), true) = (summary, errors.is_empty()) else {
        return staff_page(&state, &ctx, &id, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    save_minutes(
        &mut tx,
        tenant.id,
        event.event_id,
        &summary,
        visibility,
        &present,
        &decisions,
        p.user_id,
        now,
    )
    .await?;
    audit::append(&mut tx, tenant.id, now, &Entry::new(actor, "event.minutes", "event", event.event_id)
        .details(serde_json::json!({ "visibility": visibility, "decisions": decisions.len(), "attending": present.len() }))).await?;
    tx.commit().await?;
    back(&ctx, event.event_id)
}

/// `POST …/actions`: an action item agreed in the meeting, recorded as an
/// action item of a network measure.
pub async fn add_action(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(raw): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageEvents)?;
    let event = events::event(&state.db, tenant.id, common::id(&id)?)
        .await?
        .ok_or_else(WebError::not_found)?;
    let t = Tr::new(ctx.lang());
    let mut errors = FormErrors::new();
    let title = crate::network::model::required(field(&raw, "action_title"), 300);
    if title.is_none() {
        errors.add("action_title", t.t("network-error-title"));
    }
    let measure = Uuid::parse_str(field(&raw, "measure")).ok();
    if measure.is_none() {
        errors.add("action_title", t.t("events-minutes-error-measure"));
    }
    let owner = match field(&raw, "owner") {
        "" => None,
        s => match Uuid::parse_str(s) {
            Ok(o)
                if network::organisation(&state.db, tenant.id, o)
                    .await?
                    .is_some() =>
            {
                Some(o)
            }
            _ => {
                errors.add("action_title", t.t("network-error-organisation"));
                None
            }
        },
    };
    if owner.is_none() && errors.is_empty() {
        errors.add("action_title", t.t("events-minutes-error-owner"));
    }
    let due = match common::iso_date(field(&raw, "due")) {
        Ok(Some(d)) => Some(d),
        _ => {
            errors.add("action_title", t.t("events-minutes-error-due"));
            None
        }
    };
    let (Some(title), Some(measure), Some(due), true) = (title, measure, due, errors.is_empty())
    else {
        return staff_page(&state, &ctx, &id, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let new = network::NewAction {
        measure,
        title,
        owner,
        responsible: crate::network::model::optional(field(&raw, "responsible"), 200)
            .unwrap_or_default(),
        due_on: Some(due),
        source: source_of(event.event_id),
    };
    let Some(action) = network::add_action(&mut tx, tenant.id, &new, now).await? else {
        return Err(WebError::not_found());
    };
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "action.create", "action_item", action)
            .details(serde_json::json!({ "event": event.event_id })),
    )
    .await?;
    tx.commit().await?;
    back(&ctx, event.event_id)
}

/// Events on `topic` whose minutes are public: (event, title, start, time zone).
pub async fn public_minutes_on(
    db: &Db,
    tenant: TenantId,
    topic: crate::platform::topics::Topic,
) -> Result<Vec<(Uuid, String, Timestamp, String)>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT e.event_id, e.title, e.starts_at, e.time_zone FROM minutes m
         JOIN events e ON e.tenant_id = m.tenant_id AND e.event_id = m.event_id
         JOIN event_topics t ON t.tenant_id = e.tenant_id AND t.event_id = e.event_id
         WHERE m.tenant_id = $1 AND m.visibility = 'public' AND e.audience = 'public' AND t.topic = $2
         ORDER BY e.starts_at DESC")
        .bind(tenant.as_uuid()).bind(topic.slug()).fetch_all(c).await)?)
}

/// The minutes section of a topic page.
pub async fn topic_section(
    state: &AppState,
    ctx: &Ctx,
    topic: crate::platform::topics::Topic,
) -> Result<crate::topic_pages::TopicSection, WebError> {
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let items = public_minutes_on(&state.db, tenant.id, topic)
        .await?
        .into_iter()
        .map(|(id, title, starts, tz)| crate::topic_pages::TopicItem {
            href: format!("/{}/events/{id}/minutes", tenant.slug),
            title,
            title_lang: None,
            meta: local_when(starts.0, &tz),
            flag: None,
        })
        .collect();
    Ok(crate::topic_pages::TopicSection {
        id: "minutes",
        title: t.t("events-minutes-topic-title").into_owned(),
        empty: t.t("events-minutes-topic-none").into_owned(),
        items,
        more: None,
    })
}
