//! Sign-in, second factor, sign-out and one's own account.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::throttle::{self, LOGIN_PER_ACCOUNT, LOGIN_PER_CLIENT};
use super::{password, store, totp, Credential, Principal};
use crate::platform::audit::{self, Actor, Entry};
use crate::platform::web::context::{make_cookie, Access, Ctx, SESSION_COOKIE};
use crate::platform::web::extract::CsrfForm;
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{AppState, Routes, WebError};

pub fn routes(r: &mut Routes) {
    r.add(Method::GET, "/{tenant}/login", Access::Public, login_page);
    r.add(
        Method::POST,
        "/{tenant}/login",
        Access::Public,
        login_submit,
    );
    r.add(
        Method::GET,
        "/{tenant}/login/second-factor",
        Access::SecondFactorPending,
        second_factor_page,
    );
    r.add(
        Method::POST,
        "/{tenant}/login/second-factor",
        Access::SecondFactorPending,
        second_factor_submit,
    );
    r.add(
        Method::GET,
        "/{tenant}/account/second-factor",
        Access::SecondFactorPending,
        totp_setup_page,
    );
    r.add(
        Method::POST,
        "/{tenant}/account/second-factor",
        Access::SecondFactorPending,
        totp_setup_submit,
    );
    r.add(
        Method::POST,
        "/{tenant}/logout",
        Access::SecondFactorPending,
        logout,
    );
    r.add(
        Method::GET,
        "/{tenant}/account",
        Access::SignedIn,
        account_page,
    );
    r.add(
        Method::POST,
        "/{tenant}/account/password",
        Access::SignedIn,
        password_submit,
    );
}

/// Only same-site paths of this tenant are followed after sign-in.
fn safe_next(tenant_slug: &str, next: &str) -> String {
    let prefix = format!("/{tenant_slug}/");
    if next.starts_with(&prefix) && !next.contains("//") && !next.contains('\\') && next.len() < 500
    {
        next.to_owned()
    } else {
        format!("/{tenant_slug}/staff")
    }
}

#[derive(Template)]
#[template(path = "platform/login.html")]
struct LoginPage {
    page: PageCtx,
    errors: FormErrors,
    login: String,
    next: String,
}

#[derive(Deserialize, Default)]
struct NextQuery {
    #[serde(default)]
    next: String,
}

async fn login_page(ctx: Ctx, Query(q): Query<NextQuery>) -> Result<Response, WebError> {
    page::ok(&LoginPage {
        page: PageCtx::new(&ctx, "login-title"),
        errors: FormErrors::new(),
        login: String::new(),
        next: q.next,
    })
}

#[derive(Deserialize)]
struct LoginForm {
    #[serde(default)]
    login: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// A bucket name for a client address or a login that does not store
/// either in readable form.
fn bucket(kind: &str, value: &str) -> String {
    let digest = Sha256::digest(format!("vertrauensnetz-throttle:{kind}:{value}").as_bytes());
    format!("{kind}:{}", hex::encode(&digest[..16]))
}

fn session_cookie(state: &AppState, value: &str) -> Option<HeaderValue> {
    make_cookie(SESSION_COOKIE, value, None, state.config.https())
}

async fn login_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<LoginForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let now = state.clock.now_ts();
    let login = store::normalise_login(&form.login);
    let client_bucket = bucket(
        "login-client",
        &ctx.base.client.map(|a| a.to_string()).unwrap_or_default(),
    );
    let account_bucket = bucket("login-account", &login);
    let t = crate::platform::i18n::Tr::new(ctx.lang());
    let failed = |status: StatusCode, key: &str| {
        let mut errors = FormErrors::new();
        errors.add("login", t.t(key));
        page::render(
            &LoginPage {
                page: PageCtx::new(&ctx, "login-title"),
                errors,
                login: form.login.chars().take(254).collect(),
                next: form.next.clone(),
            },
            status,
        )
    };
    if throttle::is_limited(&state.db, tenant.id, &client_bucket, LOGIN_PER_CLIENT, now).await?
        || throttle::is_limited(
            &state.db,
            tenant.id,
            &account_bucket,
            LOGIN_PER_ACCOUNT,
            now,
        )
        .await?
    {
        return failed(StatusCode::TOO_MANY_REQUESTS, "login-throttled");
    }
    let user = if login.is_empty() || login.len() > 254 {
        None
    } else {
        store::user_by_login(&state.db, &login).await?
    };
    // The account must exist, be active and hold a role here; otherwise the
    // password is still checked (against a dummy) so the answer takes as long.
    let candidate = user.filter(|u| u.active);
    let stored = candidate.as_ref().map(|u| u.password_hash.clone());
    let password_ok = password::verify(form.password.clone(), stored).await;
    let user = match candidate {
        Some(u) if password_ok => {
            let grants = store::grants(&state.db, u.user_id).await?;
            grants
                .iter()
                .any(|(t, _)| *t == tenant.id)
                .then_some((u, grants))
        }
        _ => None,
    };
    let Some((user, grants)) = user else {
        throttle::hit(&state.db, tenant.id, &client_bucket, LOGIN_PER_CLIENT, now).await?;
        throttle::hit(
            &state.db,
            tenant.id,
            &account_bucket,
            LOGIN_PER_ACCOUNT,
            now,
        )
        .await?;
        return failed(StatusCode::UNAUTHORIZED, "login-failed");
    };
    throttle::clear(&state.db, tenant.id, &account_bucket).await?;
    let needs_factor =
        user.totp_enabled_at.is_some() || grants.iter().any(|(_, r)| r.requires_second_factor());
    let mut tx = state.db.begin().await?;
    let cookie =
        store::create_session(&mut tx, tenant.id, user.user_id, !needs_factor, now).await?;
    tx.commit().await?;
    tracing::info!(user_id = %user.user_id, tenant = %tenant.slug, "signed in");
    let target = if user.totp_enabled_at.is_some() {
        format!(
            "/{}/login/second-factor?next={}",
            tenant.slug,
            crate::platform::web::context::percent_encode(&safe_next(
                tenant.slug.as_str(),
                &form.next
            ))
        )
    } else if needs_factor {
        format!("/{}/account/second-factor", tenant.slug)
    } else {
        safe_next(tenant.slug.as_str(), &form.next)
    };
    let mut res = Redirect::to(&target).into_response();
    if let Some(v) = session_cookie(&state, &cookie) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(res)
}

#[derive(Template)]
#[template(path = "platform/second_factor.html")]
struct SecondFactorPage {
    page: PageCtx,
    errors: FormErrors,
    next: String,
}

async fn second_factor_page(ctx: Ctx, Query(q): Query<NextQuery>) -> Result<Response, WebError> {
    let p = ctx.principal()?;
    if p.fully_authenticated() {
        return Ok(Redirect::to(&format!("/{}/staff", ctx.tenant()?.slug)).into_response());
    }
    if !p.totp_enabled {
        return Ok(
            Redirect::to(&format!("/{}/account/second-factor", ctx.tenant()?.slug)).into_response(),
        );
    }
    page::ok(&SecondFactorPage {
        page: PageCtx::new(&ctx, "second-factor-title"),
        errors: FormErrors::new(),
        next: q.next,
    })
}

#[derive(Deserialize)]
struct CodeForm {
    #[serde(default)]
    code: String,
}

fn session_hash(p: &Principal) -> Option<[u8; 32]> {
    match p.credential {
        Credential::Session { hash, .. } => Some(hash),
        Credential::Token => None,
    }
}

/// Checks a TOTP code for the principal, at most 10 wrong ones per 15 minutes.
async fn accept_code(
    state: &AppState,
    ctx: &Ctx,
    secret: &str,
    code: &str,
) -> Result<Option<i64>, WebError> {
    let tenant = ctx.tenant()?;
    let p = ctx.principal()?;
    let now = state.clock.now_ts();
    let b = bucket("totp", &p.user_id.to_string());
    if throttle::is_limited(&state.db, tenant.id, &b, LOGIN_PER_ACCOUNT, now).await? {
        return Err(WebError::too_many());
    }
    let unix = u64::try_from(state.clock.now().timestamp()).unwrap_or(0);
    match totp::check(secret, code, unix) {
        Some(step) => Ok(Some(step)),
        None => {
            throttle::hit(&state.db, tenant.id, &b, LOGIN_PER_ACCOUNT, now).await?;
            Ok(None)
        }
    }
}

async fn second_factor_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NextQuery>,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let p = ctx.principal()?.clone();
    let user = store::user_by_id(&state.db, p.user_id)
        .await?
        .ok_or_else(WebError::forbidden)?;
    let (Some(secret), Some(_)) = (user.totp_secret.as_deref(), user.totp_enabled_at) else {
        return Ok(
            Redirect::to(&format!("/{}/account/second-factor", tenant.slug)).into_response(),
        );
    };
    let t = crate::platform::i18n::Tr::new(ctx.lang());
    let step = accept_code(&state, &ctx, secret, &form.code).await?;
    let mut tx = state.db.begin().await?;
    let fresh = match step {
        Some(s) => store::use_totp_step(&mut tx, user.user_id, s).await?,
        None => false,
    };
    if !fresh {
        let mut errors = FormErrors::new();
        errors.add("code", t.t("second-factor-wrong"));
        return page::render(
            &SecondFactorPage {
                page: PageCtx::new(&ctx, "second-factor-title"),
                errors,
                next: q.next.clone(),
            },
            StatusCode::UNAUTHORIZED,
        );
    }
    if let Some(hash) = session_hash(&p) {
        store::complete_session_mfa(&mut tx, &hash).await?;
    }
    tx.commit().await?;
    Ok(Redirect::to(&safe_next(tenant.slug.as_str(), &q.next)).into_response())
}

#[derive(Template)]
#[template(path = "platform/totp_setup.html")]
struct TotpSetupPage {
    page: PageCtx,
    errors: FormErrors,
    required: bool,
    secret: String,
    qr_svg: String,
}

/// Shows enrolment with a secret that is stored (not yet enabled) so the
/// code typed next can be checked against it.
async fn totp_setup(
    state: &AppState,
    ctx: &Ctx,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let p = ctx.principal()?;
    let user = store::user_by_id(&state.db, p.user_id)
        .await?
        .ok_or_else(WebError::forbidden)?;
    if user.totp_enabled_at.is_some() {
        return Ok(Redirect::to(&format!("/{}/account", tenant.slug)).into_response());
    }
    let secret = match user.totp_secret {
        Some(s) => s,
        None => {
            let s = totp::new_secret();
            let mut tx = state.db.begin().await?;
            store::set_totp_secret(&mut tx, user.user_id, Some(&s)).await?;
            tx.commit().await?;
            s
        }
    };
    let issuer = format!("Vertrauensnetz {}", tenant.name);
    let url =
        totp::provisioning_url(&secret, &issuer, &user.login).ok_or_else(WebError::internal)?;
    let qr_svg = totp::qr_svg(&url).ok_or_else(WebError::internal)?;
    let tpl = TotpSetupPage {
        page: PageCtx::new(ctx, "totp-title"),
        errors,
        required: p.needs_second_factor(),
        secret,
        qr_svg,
    };
    page::render(&tpl, status)
}

async fn totp_setup_page(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    totp_setup(&state, &ctx, FormErrors::new(), StatusCode::OK).await
}

async fn totp_setup_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let p = ctx.principal()?.clone();
    let user = store::user_by_id(&state.db, p.user_id)
        .await?
        .ok_or_else(WebError::forbidden)?;
    let Some(secret) = user
        .totp_secret
        .as_deref()
        .filter(|_| user.totp_enabled_at.is_none())
    else {
        return Ok(Redirect::to(&format!("/{}/account", tenant.slug)).into_response());
    };
    let t = crate::platform::i18n::Tr::new(ctx.lang());
    let Some(step) = accept_code(&state, &ctx, secret, &form.code).await? else {
        let mut errors = FormErrors::new();
        errors.add("code", t.t("second-factor-wrong"));
        return totp_setup(&state, &ctx, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    store::enable_totp(&mut tx, user.user_id, now, step).await?;
    if let Some(hash) = session_hash(&p) {
        store::complete_session_mfa(&mut tx, &hash).await?;
    }
    let role = p
        .roles_on(tenant.id)
        .next()
        .ok_or_else(WebError::forbidden)?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            Actor::Staff {
                user_id: p.user_id,
                role,
            },
            "account.second_factor.enable",
            "user",
            p.user_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff", tenant.slug)).into_response())
}

async fn logout(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(_): CsrfForm<CodeForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    if let Some(hash) = ctx.principal.as_ref().and_then(session_hash) {
        let mut tx = state.db.begin().await?;
        store::delete_session(&mut tx, &hash).await?;
        tx.commit().await?;
    }
    let mut res = Redirect::to(&format!("/{}", tenant.slug)).into_response();
    if let Some(v) = make_cookie(SESSION_COOKIE, "", Some(0), state.config.https()) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(res)
}

#[derive(Template)]
#[template(path = "platform/account.html")]
struct AccountPage {
    page: PageCtx,
    errors: FormErrors,
    notice: Option<String>,
    display_name: String,
    login: String,
    roles: Vec<String>,
    totp_enabled: bool,
}

fn account(
    state: &AppState,
    ctx: &Ctx,
    errors: FormErrors,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let p = ctx.principal()?;
    let roles = p
        .grants
        .iter()
        .map(|(t, r)| {
            let name = state
                .tenants
                .by_id(*t)
                .map(|t| t.name.clone())
                .unwrap_or_default();
            format!("{name}: {r}")
        })
        .collect();
    let tpl = AccountPage {
        page: PageCtx::new(ctx, "account-title"),
        errors,
        notice,
        display_name: p.display_name.clone(),
        login: p.login.clone(),
        roles,
        totp_enabled: p.totp_enabled,
    };
    page::render(&tpl, status)
}

async fn account_page(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    account(&state, &ctx, FormErrors::new(), None, StatusCode::OK)
}

#[derive(Deserialize)]
struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    confirm: String,
}

async fn password_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let p = ctx.principal()?.clone();
    let t = crate::platform::i18n::Tr::new(ctx.lang());
    let user = store::user_by_id(&state.db, p.user_id)
        .await?
        .ok_or_else(WebError::forbidden)?;
    let mut errors = FormErrors::new();
    if !password::verify(form.current.clone(), Some(user.password_hash.clone())).await {
        errors.add("current", t.t("account-password-wrong"));
    }
    if form.new.chars().count() < password::MIN_LENGTH || form.new.len() > 1024 {
        errors.add("new", t.t("account-password-hint"));
    }
    if form.new != form.confirm {
        errors.add("confirm", t.t("account-password-mismatch"));
    }
    if !errors.is_empty() {
        return account(&state, &ctx, errors, None, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let hash = password::hash(form.new)
        .await
        .map_err(|_| WebError::internal())?;
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    store::set_password(&mut tx, p.user_id, &hash, now).await?;
    // Every session ended with the change; this browser gets a fresh one.
    let cookie = store::create_session(&mut tx, tenant.id, p.user_id, true, now).await?;
    let role = p
        .roles_on(tenant.id)
        .next()
        .ok_or_else(WebError::forbidden)?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            Actor::Staff {
                user_id: p.user_id,
                role,
            },
            "account.password.change",
            "user",
            p.user_id,
        ),
    )
    .await?;
    tx.commit().await?;
    let mut res = account(
        &state,
        &ctx,
        FormErrors::new(),
        Some(t.t("account-password-changed").into_owned()),
        StatusCode::OK,
    )?;
    if let Some(v) = session_cookie(&state, &cookie) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(res)
}
