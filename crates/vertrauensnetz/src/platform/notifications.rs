//! In-app notifications: a list per signed-in person of what needs their
//! attention (a consultation for their body, an application to review, a
//! press release to approve, a new agreement version). Mail goes out as
//! well; the list is the place to find it again. Each notification keeps a
//! Fluent message id and one argument, so it is read in the reader's
//! language whoever caused it.

use askama::Template;
use axum::extract::State;
use axum::http::Method;
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;

use crate::on_db;
use crate::platform::db::{Db, DbError, Timestamp, Tx};
use crate::platform::i18n::Tr;
use crate::platform::tenants::TenantId;
use crate::platform::web::extract::CsrfForm;
use crate::platform::web::page::{self, PageCtx};
use crate::platform::web::{Access, AppState, Ctx, Routes, WebError};

/// Notifies each account once (duplicates in `users` are skipped).
pub async fn notify(
    tx: &mut Tx,
    tenant: TenantId,
    users: &[Uuid],
    message: &str,
    subject: &str,
    link: &str,
    now: Timestamp,
) -> Result<(), DbError> {
    let mut seen = Vec::new();
    for u in users {
        if seen.contains(u) {
            continue;
        }
        seen.push(*u);
        on_db!(tx, c => sqlx::query(
            "INSERT INTO notifications (tenant_id, notification_id, user_id, message, subject, link, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)")
            .bind(tenant.as_uuid()).bind(Uuid::now_v7()).bind(*u).bind(message).bind(subject).bind(link).bind(now)
            .execute(c).await.map(|_| ()))?;
    }
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Notification {
    pub message: String,
    pub subject: String,
    pub link: String,
    pub created_at: Timestamp,
    pub read_at: Option<Timestamp>,
}

pub async fn recent(
    db: &Db,
    tenant: TenantId,
    user: Uuid,
    limit: i64,
) -> Result<Vec<Notification>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT message, subject, link, created_at, read_at FROM notifications
         WHERE tenant_id = $1 AND user_id = $2 ORDER BY created_at DESC LIMIT $3")
        .bind(tenant.as_uuid()).bind(user).bind(limit).fetch_all(c).await)?)
}

pub async fn mark_all_read(
    tx: &mut Tx,
    tenant: TenantId,
    user: Uuid,
    now: Timestamp,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "UPDATE notifications SET read_at = $3 WHERE tenant_id = $1 AND user_id = $2 AND read_at IS NULL")
        .bind(tenant.as_uuid()).bind(user).bind(now).execute(c).await.map(|_| ()))?;
    Ok(())
}

pub fn routes(r: &mut Routes) {
    r.add(
        Method::GET,
        "/{tenant}/notifications",
        Access::SignedIn,
        list,
    );
    r.add(
        Method::POST,
        "/{tenant}/notifications/read",
        Access::SignedIn,
        mark_read,
    );
}

pub struct Line {
    text: String,
    link: String,
    when: String,
    unread: bool,
}

#[derive(Template)]
#[template(path = "platform/notifications.html")]
struct ListPage {
    page: PageCtx,
    items: Vec<Line>,
    unread: usize,
}

/// `GET /{tenant}/notifications`: the signed-in person's list, newest first.
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let p = ctx.principal()?;
    let t = Tr::new(ctx.lang());
    let items: Vec<Line> = recent(&state.db, tenant.id, p.user_id, 200)
        .await?
        .into_iter()
        .map(|n| Line {
            text: t.t1(&n.message, "subject", &n.subject),
            when: crate::events::api::local_when(n.created_at.0, &tenant.time_zone),
            unread: n.read_at.is_none(),
            link: n.link,
        })
        .collect();
    page::ok(&ListPage {
        page: PageCtx::new(&ctx, "notifications-title"),
        unread: items.iter().filter(|i| i.unread).count(),
        items,
    })
}

/// `POST /{tenant}/notifications/read`: marks every notification read.
pub async fn mark_read(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(_form): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let p = ctx.principal()?;
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    mark_all_read(&mut tx, tenant.id, p.user_id, now).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/notifications", tenant.slug)).into_response())
}
