//! What every handler knows about its request: language, CSRF token,
//! tenant, and who is signed in — resolved by two middlewares:
//! [`base`] (every request) and [`guard`] (every route, with the route's
//! declared [`Access`]).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequestParts, RawPathParams, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use cookie::{Cookie, SameSite};

use super::error::{is_api_path, WebError};
use super::AppState;
use crate::platform::auth::csrf::{self, CsrfToken};
use crate::platform::auth::{store, Permission, Principal};
use crate::platform::i18n::{self, Lang};
use crate::platform::tenants::Tenant;

pub const SESSION_COOKIE: &str = "vn_session";
pub const LANG_COOKIE: &str = "vn_lang";

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone; the request's session is not even looked up (assets, health,
    /// metrics, machine documents).
    Open,
    /// Anyone, signed in or not; pages show who is signed in.
    Public,
    /// A signed-in person whose password was right but whose second factor
    /// is still due (the second-factor and enrolment pages).
    SecondFactorPending,
    /// Anyone fully signed in with a role on the route's tenant.
    SignedIn,
    /// Holders of a role that grants this permission on the route's tenant.
    Permission(Permission),
}

/// Resolved for every request by [`base`].
#[derive(Debug, Clone)]
pub struct BaseCtx {
    pub lang: Lang,
    pub csrf: CsrfToken,
    /// The language chosen with `?lang=`, to remember in a cookie.
    pub chosen_lang: Option<Lang>,
    pub path: String,
    pub client: Option<IpAddr>,
    pub host: Option<String>,
}

/// The full context of a routed request, inserted by [`guard`].
#[derive(Debug, Clone)]
pub struct Ctx {
    pub base: Arc<BaseCtx>,
    pub tenant: Option<Arc<Tenant>>,
    pub principal: Option<Principal>,
}

impl Ctx {
    pub fn lang(&self) -> Lang {
        self.base.lang
    }

    /// The route's tenant; routes under `/{tenant}` always have one.
    pub fn tenant(&self) -> Result<&Arc<Tenant>, WebError> {
        self.tenant.as_ref().ok_or_else(WebError::not_found)
    }

    /// The signed-in principal; routes that are not public always have one.
    pub fn principal(&self) -> Result<&Principal, WebError> {
        self.principal.as_ref().ok_or_else(WebError::forbidden)
    }

    /// An absolute address on this installation for a link in a mail: the
    /// configured public address, else the request's host.
    pub fn absolute_url(&self, state: &super::AppState, path: &str) -> String {
        format!("{}{path}", public_base(state, Some(self)))
    }

    /// The audit actor for a staff write under `permission` on the route's
    /// tenant: the account and the role that grants the permission.
    pub fn staff_actor(
        &self,
        permission: Permission,
    ) -> Result<crate::platform::audit::Actor, WebError> {
        let tenant = self.tenant()?;
        let p = self.principal()?;
        let role = p
            .acting_role(tenant.id, permission)
            .ok_or_else(WebError::forbidden)?;
        Ok(crate::platform::audit::Actor::Staff {
            user_id: p.user_id,
            role,
        })
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Ctx, WebError> {
        parts
            .extensions
            .get::<Ctx>()
            .cloned()
            .ok_or_else(WebError::internal)
    }
}

/// The installation's public address without a trailing slash: the
/// configured `public_url`, else the request's host, else localhost (jobs
/// have no request; deployments set `public_url`).
pub fn public_base(state: &super::AppState, ctx: Option<&Ctx>) -> String {
    match &state.config.public_url {
        Some(u) => u.trim_end_matches('/').to_owned(),
        None => format!(
            "http://{}",
            ctx.and_then(|c| c.base.host.as_deref())
                .unwrap_or("localhost")
        ),
    }
}

/// The value of a cookie in the request.
pub fn cookie_value<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

fn query_lang(query: Option<&str>) -> Option<Lang> {
    query?
        .split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| *k == "lang")
        .and_then(|(_, v)| Lang::parse(v))
}

/// A cookie string with the platform's attributes.
pub fn make_cookie(
    name: &str,
    value: &str,
    max_age: Option<i64>,
    secure: bool,
) -> Option<HeaderValue> {
    let mut c = Cookie::new(name.to_owned(), value.to_owned());
    c.set_path("/");
    c.set_http_only(true);
    c.set_same_site(SameSite::Strict);
    c.set_secure(secure);
    if let Some(s) = max_age {
        c.set_max_age(cookie::time::Duration::seconds(s));
    }
    HeaderValue::from_str(&c.to_string()).ok()
}

fn client_addr(req: &Request, trust_forwarded: bool) -> Option<IpAddr> {
    if trust_forwarded {
        if let Some(ip) = req
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            // The entry our own proxy appended: the rightmost one. Entries
            // to its left come from the client and can be forged.
            .and_then(|v| v.rsplit(',').next())
            .and_then(|v| v.trim().parse().ok())
        {
            return Some(ip);
        }
    }
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
}

/// Language, CSRF token and client of a request.
pub fn base_ctx(state: &AppState, req: &Request) -> BaseCtx {
    let headers = req.headers();
    let chosen_lang = query_lang(req.uri().query());
    let lang = match chosen_lang {
        Some(l) => l,
        None => i18n::negotiate(
            cookie_value(headers, LANG_COOKIE),
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok()),
        ),
    };
    BaseCtx {
        lang,
        csrf: CsrfToken::from_cookie(cookie_value(headers, csrf::COOKIE)),
        chosen_lang,
        path: req.uri().path().to_owned(),
        client: client_addr(req, state.config.trust_forwarded_for),
        host: headers
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
    }
}

/// Sets the CSRF cookie (when a form used a new token) and the language
/// cookie (when one was chosen with `?lang=`).
pub fn set_cookies(state: &AppState, base: &BaseCtx, res: &mut Response) {
    let secure = state.config.https();
    if let Some(v) = base
        .csrf
        .cookie_to_set()
        .and_then(|v| make_cookie(csrf::COOKIE, v, None, secure))
    {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    if let Some(l) = base.chosen_lang {
        if let Some(v) = make_cookie(LANG_COOKIE, l.tag(), Some(365 * 24 * 3600), secure) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
}

/// The state of the per-route guard.
#[derive(Clone)]
pub struct Guard {
    pub app: AppState,
    pub access: Access,
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = v.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// Middleware per route: resolves tenant and principal, enforces [`Access`].
pub async fn guard(
    State(g): State<Guard>,
    params: RawPathParams,
    mut req: Request,
    next: Next,
) -> Response {
    let state = &g.app;
    let Some(base) = req.extensions().get::<Arc<BaseCtx>>().cloned() else {
        return WebError::internal().into_response();
    };
    let tenant = match params.iter().find(|(k, _)| *k == "tenant") {
        Some((_, slug)) => match state.tenants.get(slug).await {
            Ok(Some(t)) => Some(t),
            Ok(None) => {
                return WebError::not_found()
                    .with_detail(format!("unknown tenant {slug:?}"))
                    .into_response()
            }
            Err(e) => return WebError::from(e).into_response(),
        },
        None => None,
    };
    let api = is_api_path(&base.path);
    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if unsafe_method && !api && !csrf::same_origin(req.headers(), base.host.as_deref()) {
        return WebError::new(StatusCode::FORBIDDEN, "error-cross-site").into_response();
    }
    let now = state.clock.now_ts();
    let principal = if g.access == Access::Open {
        None
    } else if api {
        match bearer(req.headers()) {
            Some(token) => match store::principal_for_token(&state.db, token).await {
                Ok(Some(p)) => Some(p),
                Ok(None) => {
                    return WebError::new(StatusCode::UNAUTHORIZED, "error-bad-token")
                        .into_response_with_challenge()
                }
                Err(e) => return WebError::from(e).into_response(),
            },
            None => None,
        }
    } else {
        match cookie_value(req.headers(), SESSION_COOKIE) {
            Some(cookie) => match store::principal_for_session(&state.db, cookie, now).await {
                Ok(Some((p, stale))) => {
                    if stale {
                        if let crate::platform::auth::Credential::Session { hash, .. } =
                            p.credential
                        {
                            let db = state.db.clone();
                            tokio::spawn(async move {
                                if let Err(e) = store::touch_session(&db, &hash, now).await {
                                    tracing::warn!(error = %e, "cannot touch session");
                                }
                            });
                        }
                    }
                    Some(p)
                }
                Ok(None) => None,
                Err(e) => return WebError::from(e).into_response(),
            },
            None => None,
        }
    };

    let allowed = match (g.access, &tenant, &principal) {
        (Access::Open | Access::Public, _, _) => true,
        (_, None, _) | (_, _, None) => false,
        (Access::SecondFactorPending, Some(t), Some(p)) => p.roles_on(t.id).next().is_some(),
        (Access::SignedIn, Some(t), Some(p)) => {
            p.fully_authenticated() && p.roles_on(t.id).next().is_some()
        }
        (Access::Permission(perm), Some(t), Some(p)) => {
            crate::platform::auth::may(Some(p), perm, t.id)
        }
    };
    if !allowed {
        let signed_in = principal.as_ref().is_some_and(|p| p.fully_authenticated());
        if signed_in {
            return WebError::forbidden().into_response();
        }
        if api {
            return WebError::new(StatusCode::UNAUTHORIZED, "error-unauthorized")
                .into_response_with_challenge();
        }
        return match &tenant {
            Some(t) => {
                let pending = principal.is_some();
                let target = if pending {
                    format!("/{}/login/second-factor", t.slug)
                } else {
                    format!("/{}/login?next={}", t.slug, percent_encode(&base.path))
                };
                Redirect::to(&target).into_response()
            }
            None => WebError::forbidden().into_response(),
        };
    }
    req.extensions_mut().insert(Ctx {
        base,
        tenant,
        principal,
    });
    next.run(req).await
}

impl WebError {
    fn into_response_with_challenge(self) -> Response {
        let mut res = self.into_response();
        res.headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        res
    }
}

/// Percent-encodes a path for a query value.
pub fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
