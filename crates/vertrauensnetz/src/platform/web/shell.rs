//! The pages every deployment has: the portal, each tenant's start page,
//! the staff start page, and the health endpoints.

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

use super::context::{Access, Ctx};
use super::error::WebError;
use super::page::{self, Audience, NavLink, PageCtx};
use super::{assets, metrics, AppState, Routes};
use crate::platform::auth::{self, Permission};
use crate::platform::tenants::Tenant;

pub fn routes(r: &mut Routes) {
    r.add(Method::GET, "/", Access::Public, portal);
    r.add(Method::GET, "/healthz", Access::Open, healthz);
    r.add(Method::GET, "/readyz", Access::Open, readyz);
    r.add(Method::GET, "/metrics", Access::Open, metrics::expose);
    r.add(Method::GET, "/assets/{file}", Access::Open, assets::serve);
    r.add(Method::GET, "/{tenant}", Access::Public, start);
    r.add(Method::GET, "/{tenant}/", Access::Public, start_slash);
    r.add(
        Method::GET,
        "/{tenant}/staff",
        Access::Permission(Permission::UseStaffArea),
        staff,
    );
}

async fn healthz() -> &'static str {
    "ok"
}

async fn readyz(State(state): State<AppState>) -> Response {
    match state.db.ping().await {
        Ok(()) => "ready".into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "database not ready");
            let mut res = (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response();
            res.extensions_mut().insert(page::Rendered);
            res
        }
    }
}

#[derive(Template)]
#[template(path = "platform/portal.html")]
struct Portal {
    page: PageCtx,
    tenants: Vec<Arc<Tenant>>,
}

async fn portal(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tpl = Portal {
        page: PageCtx::new(&ctx, "portal-title"),
        tenants: state.tenants.all(),
    };
    page::ok(&tpl)
}

#[derive(Template)]
#[template(path = "platform/start.html")]
struct Start {
    page: PageCtx,
    links: Vec<NavLink>,
}

async fn start(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let links = state
        .nav
        .iter()
        .filter(|l| matches!(l.audience, Audience::Public))
        .cloned()
        .collect();
    let mut res = page::ok(&Start {
        page: PageCtx::new(&ctx, "start-page-title"),
        links,
    })?;
    // The anonymous start page is the same for everyone in one language.
    if ctx.principal.is_none() && ctx.base.chosen_lang.is_none() {
        res.headers_mut().insert(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("private, max-age=60"),
        );
        res.headers_mut().insert(
            axum::http::header::VARY,
            axum::http::HeaderValue::from_static("Accept-Language, Cookie"),
        );
    }
    Ok(res)
}

async fn start_slash(ctx: Ctx) -> Result<Response, WebError> {
    Ok(Redirect::permanent(&format!("/{}", ctx.tenant()?.slug)).into_response())
}

#[derive(Template)]
#[template(path = "platform/staff.html")]
struct Staff {
    page: PageCtx,
    name: String,
    roles: String,
    links: Vec<NavLink>,
}

async fn staff(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let p = ctx.principal()?;
    let links = state
        .nav
        .iter()
        .filter(|l| match l.audience {
            Audience::Staff(perm) => auth::may(Some(p), perm, tenant.id),
            Audience::Public => false,
        })
        .cloned()
        .collect();
    let roles = p
        .roles_on(tenant.id)
        .map(|r| r.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let tpl = Staff {
        page: PageCtx::new(&ctx, "staff-title"),
        name: p.display_name.clone(),
        roles,
        links,
    };
    page::ok(&tpl)
}
