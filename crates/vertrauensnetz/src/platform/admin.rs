//! Administration of a tenant: accounts and roles, the audit log, the mail
//! outbox.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{Method, StatusCode};
use axum::response::Response;
use serde::Deserialize;
use uuid::Uuid;

use super::audit::{self, Entry};
use super::auth::{password, store, Permission, Role};
use super::i18n::Tr;
use super::mail;
use super::web::context::{Access, Ctx};
use super::web::extract::CsrfForm;
use super::web::page::{self, FormErrors, PageCtx};
use super::web::{AppState, Routes, WebError};

pub fn routes(r: &mut Routes) {
    let manage = Access::Permission(Permission::ManageUsers);
    r.add(Method::GET, "/{tenant}/admin/users", manage, users_page);
    r.add(Method::POST, "/{tenant}/admin/users", manage, create_user);
    r.add(
        Method::POST,
        "/{tenant}/admin/users/{user_id}/active",
        manage,
        set_active,
    );
    r.add(
        Method::POST,
        "/{tenant}/admin/users/{user_id}/password",
        manage,
        reset_password,
    );
    r.add(
        Method::GET,
        "/{tenant}/admin/audit",
        Access::Permission(Permission::ReadAudit),
        audit_page,
    );
    r.add(
        Method::GET,
        "/{tenant}/admin/outbox",
        Access::Permission(Permission::ReadOutbox),
        outbox_page,
    );
}

pub struct UserLine {
    id: Uuid,
    display_name: String,
    login: String,
    roles: String,
    totp: bool,
    active: bool,
}

#[derive(Template)]
#[template(path = "platform/admin_users.html")]
struct UsersPage {
    page: PageCtx,
    errors: FormErrors,
    notice: Option<String>,
    shown_password: Option<String>,
    users: Vec<UserLine>,
    roles: Vec<&'static str>,
    form_name: String,
    form_email: String,
    form_role: String,
}

#[derive(Deserialize, Default)]
struct NewUserForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

async fn render_users(
    state: &AppState,
    ctx: &Ctx,
    form: NewUserForm,
    errors: FormErrors,
    notice: Option<String>,
    shown_password: Option<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let users = store::users_of_tenant(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|(u, roles)| UserLine {
            id: u.user_id,
            display_name: u.display_name,
            login: u.login,
            roles: roles
                .iter()
                .map(|r| r.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            totp: u.totp_enabled_at.is_some(),
            active: u.active,
        })
        .collect();
    let tpl = UsersPage {
        page: PageCtx::new(ctx, "admin-users-title"),
        errors,
        notice,
        shown_password,
        users,
        roles: Role::ALL.iter().map(|r| r.as_str()).collect(),
        form_name: form.display_name,
        form_email: form.email,
        form_role: form.role,
    };
    page::render(&tpl, status)
}

async fn users_page(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    render_users(
        &state,
        &ctx,
        NewUserForm::default(),
        FormErrors::new(),
        None,
        None,
        StatusCode::OK,
    )
    .await
}

async fn create_user(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<NewUserForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageUsers)?;
    let t = Tr::new(ctx.lang());
    let mut errors = FormErrors::new();
    let name = form.display_name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 200 {
        errors.add("display_name", t.t("admin-users-name-invalid"));
    }
    if !mail::valid_address(form.email.trim()) {
        errors.add("email", t.t("admin-users-email-invalid"));
    }
    let role = Role::parse(&form.role);
    if role.is_none() {
        errors.add("role", t.t("admin-users-role-invalid"));
    }
    let Some(role) = role.filter(|_| errors.is_empty()) else {
        return render_users(
            &state,
            &ctx,
            form,
            errors,
            None,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    // An existing account (e.g. an officer of the headquarters) gets the
    // role on this tenant instead of a second account.
    if let Some(existing) = store::user_by_login_tx(&mut tx, form.email.trim()).await? {
        store::grant_role(&mut tx, tenant.id, existing.user_id, role, now).await?;
        audit::append(
            &mut tx,
            tenant.id,
            now,
            &Entry::new(actor, "user.role.grant", "user", existing.user_id)
                .details(serde_json::json!({ "role": role.as_str() })),
        )
        .await?;
        tx.commit().await?;
        let notice = t.t1("admin-users-granted", "role", role);
        return render_users(
            &state,
            &ctx,
            NewUserForm::default(),
            FormErrors::new(),
            Some(notice),
            None,
            StatusCode::OK,
        )
        .await;
    }
    let generated = password::generate();
    let hash = password::hash(generated.clone())
        .await
        .map_err(|_| WebError::internal())?;
    let id = store::create_user(
        &mut tx,
        tenant.id,
        form.email.trim(),
        &name,
        &hash,
        role,
        now,
    )
    .await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "user.create", "user", id)
            .details(serde_json::json!({ "role": role.as_str() })),
    )
    .await?;
    tx.commit().await?;
    let notice = t.t("admin-users-created").into_owned();
    render_users(
        &state,
        &ctx,
        NewUserForm::default(),
        FormErrors::new(),
        Some(notice),
        Some(generated),
        StatusCode::CREATED,
    )
    .await
}

/// The account an administrator of this tenant may manage: it must hold a
/// role here (else it is not found here), and the administrator must
/// administer every tenant the account has a role on: an account of the
/// police headquarters serving two cities is managed by someone who
/// administers both, never by one city alone.
async fn managed_user(state: &AppState, ctx: &Ctx, id: &str) -> Result<Uuid, WebError> {
    let tenant = ctx.tenant()?;
    let admin = ctx.principal()?;
    let id = Uuid::parse_str(id).map_err(|_| WebError::not_found())?;
    let grants = store::grants(&state.db, id).await?;
    if !grants.iter().any(|(t, _)| *t == tenant.id) {
        return Err(WebError::not_found());
    }
    let administers_all = grants
        .iter()
        .all(|(t, _)| super::auth::may(Some(admin), Permission::ManageUsers, *t));
    if administers_all {
        Ok(id)
    } else {
        Err(WebError::forbidden().with_detail(
            "this account also has roles in another city; an administrator of all its cities manages it",
        ))
    }
}

#[derive(Deserialize)]
struct ActiveForm {
    #[serde(default)]
    active: String,
}

async fn set_active(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<ActiveForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageUsers)?;
    let user_id = managed_user(&state, &ctx, &id).await?;
    let active = match form.active.as_str() {
        "true" => true,
        "false" => false,
        _ => return Err(WebError::unprocessable("active must be true or false")),
    };
    if !active && ctx.principal()?.user_id == user_id {
        return Err(WebError::unprocessable(
            "you cannot deactivate your own account",
        ));
    }
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    store::set_active(&mut tx, user_id, active, now).await?;
    let action = if active {
        "user.activate"
    } else {
        "user.deactivate"
    };
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, action, "user", user_id),
    )
    .await?;
    tx.commit().await?;
    let t = Tr::new(ctx.lang());
    render_users(
        &state,
        &ctx,
        NewUserForm::default(),
        FormErrors::new(),
        Some(t.t("admin-users-saved").into_owned()),
        None,
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize)]
struct EmptyForm {}

async fn reset_password(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<EmptyForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageUsers)?;
    let user_id = managed_user(&state, &ctx, &id).await?;
    let generated = password::generate();
    let hash = password::hash(generated.clone())
        .await
        .map_err(|_| WebError::internal())?;
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    store::set_password(&mut tx, user_id, &hash, now).await?;
    store::revoke_tokens(&mut tx, user_id, now).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "user.password.reset", "user", user_id),
    )
    .await?;
    tx.commit().await?;
    let t = Tr::new(ctx.lang());
    render_users(
        &state,
        &ctx,
        NewUserForm::default(),
        FormErrors::new(),
        Some(t.t("admin-users-password-reset").into_owned()),
        Some(generated),
        StatusCode::OK,
    )
    .await
}

struct AuditLine {
    seq: i64,
    at: String,
    actor: String,
    action: String,
    object: String,
    details: String,
}

#[derive(Template)]
#[template(path = "platform/audit.html")]
struct AuditPage {
    page: PageCtx,
    entries: Vec<AuditLine>,
}

async fn audit_page(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let entries = audit::recent(&state.db, tenant.id, 200)
        .await?
        .into_iter()
        .map(|e| AuditLine {
            seq: e.seq,
            at: e.at.0.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
            actor: match (e.actor_user_id, e.actor_role) {
                (Some(id), Some(role)) => format!("{role} {id}"),
                (None, Some(role)) => role,
                _ => String::new(),
            },
            action: e.action,
            object: format!("{} {}", e.object_type, e.object_id),
            details: e.details,
        })
        .collect();
    page::ok(&AuditPage {
        page: PageCtx::new(&ctx, "audit-title"),
        entries,
    })
}

struct MailLine {
    created: String,
    subject: String,
    state: String,
    attempts: i32,
}

#[derive(Template)]
#[template(path = "platform/outbox.html")]
struct OutboxPage {
    page: PageCtx,
    mails: Vec<MailLine>,
}

async fn outbox_page(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let mails = mail::outbox(&state.db, tenant.id, 200)
        .await?
        .into_iter()
        .map(|m| MailLine {
            created: m.created_at.0.format("%Y-%m-%d %H:%M UTC").to_string(),
            subject: m.subject,
            state: if m.sent_at.is_some() {
                t.t("outbox-sent").into_owned()
            } else if m.failed_at.is_some() {
                t.t1("outbox-failed", "error", m.last_error.unwrap_or_default())
            } else {
                t.t("outbox-pending").into_owned()
            },
            attempts: m.attempts,
        })
        .collect();
    page::ok(&OutboxPage {
        page: PageCtx::new(&ctx, "outbox-title"),
        mails,
    })
}
