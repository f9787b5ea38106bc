//! Rendering pages: the layout's context, the response marker, error pages.

use std::sync::Arc;

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use super::assets;
use super::context::{BaseCtx, Ctx};
use super::error::WebError;
use super::AppState;
use crate::platform::auth::csrf::CsrfToken;
use crate::platform::i18n::{Lang, Tr};
use crate::platform::tenants::Tenant;

/// Marks a response whose body a page already rendered (so the error
/// middleware leaves a 422 form page alone).
#[derive(Debug, Clone, Copy)]
pub struct Rendered;

/// A link of the language switcher.
pub struct LangLink {
    pub tag: &'static str,
    pub html_lang: &'static str,
    pub name: &'static str,
    pub href: String,
    pub current: bool,
}

/// What the layout needs; every page template has it as `page`.
pub struct PageCtx {
    pub t: Tr,
    pub lang: Lang,
    pub tenant: Option<Arc<Tenant>>,
    pub user: Option<String>,
    pub path: String,
    pub title: String,
    csrf: CsrfToken,
}

impl PageCtx {
    pub fn new(ctx: &Ctx, title_key: &str) -> PageCtx {
        let t = Tr::new(ctx.lang());
        PageCtx {
            t,
            lang: ctx.lang(),
            tenant: ctx.tenant.clone(),
            user: ctx
                .principal
                .as_ref()
                .filter(|p| p.fully_authenticated())
                .map(|p| p.display_name.clone()),
            path: ctx.base.path.clone(),
            title: t.t(title_key).into_owned(),
            csrf: ctx.base.csrf.clone(),
        }
    }

    fn bare(
        base: Option<Arc<BaseCtx>>,
        lang: Lang,
        tenant: Option<Arc<Tenant>>,
        path: &str,
        title: String,
    ) -> PageCtx {
        let csrf = base
            .map(|b| b.csrf.clone())
            .unwrap_or_else(|| CsrfToken::from_cookie(None));
        PageCtx {
            t: Tr::new(lang),
            lang,
            tenant,
            user: None,
            path: path.to_owned(),
            title,
            csrf,
        }
    }

    /// The CSRF token for a hidden field.
    pub fn csrf(&self) -> &str {
        self.csrf.form_value()
    }

    pub fn css(&self) -> &'static str {
        assets::url("app.css")
    }

    pub fn tenant_slug(&self) -> &str {
        self.tenant.as_ref().map(|t| t.slug.as_str()).unwrap_or("")
    }

    pub fn tenant_name(&self) -> &str {
        self.tenant.as_ref().map(|t| t.name.as_str()).unwrap_or("")
    }

    pub fn lang_links(&self) -> Vec<LangLink> {
        Lang::ALL
            .into_iter()
            .map(|l| LangLink {
                tag: l.tag(),
                html_lang: l.html_lang(),
                name: l.native_name(),
                href: format!("{}?lang={}", self.path, l.tag()),
                current: l == self.lang,
            })
            .collect()
    }
}

/// Renders a template with a status.
pub fn render<T: Template>(template: &T, status: StatusCode) -> Result<Response, WebError> {
    let html = template.render()?;
    let mut res = (status, Html(html)).into_response();
    res.extensions_mut().insert(Rendered);
    Ok(res)
}

/// Renders a template with 200 OK.
pub fn ok<T: Template>(template: &T) -> Result<Response, WebError> {
    render(template, StatusCode::OK)
}

#[derive(Template)]
#[template(path = "platform/error.html")]
struct ErrorPage<'a> {
    page: PageCtx,
    status: u16,
    message: String,
    detail: Option<&'a str>,
}

/// The HTML error page in the visitor's language.
pub fn error_page(
    state: &AppState,
    base: Option<Arc<BaseCtx>>,
    lang: Lang,
    path: &str,
    status: StatusCode,
    key: &str,
    detail: Option<&str>,
) -> String {
    let tenant = path
        .trim_start_matches('/')
        .split('/')
        .next()
        .and_then(|slug| state.tenants.cached_by_slug(slug));
    let t = Tr::new(lang);
    let page = PageCtx::bare(base, lang, tenant, path, t.t(key).into_owned());
    let tpl = ErrorPage {
        message: t.t(&format!("{key}.help")).into_owned(),
        page,
        status: status.as_u16(),
        detail,
    };
    tpl.render()
        .unwrap_or_else(|_| format!("{} {}", status.as_u16(), t.t(key)))
}

impl PageCtx {
    pub fn icon(&self) -> &'static str {
        assets::url("icon.svg")
    }
}

/// One field's error on a form.
#[derive(Debug, Clone)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

/// The errors of a submitted form, shown next to each field and summarised
/// at the top.
#[derive(Debug, Clone, Default)]
pub struct FormErrors(Vec<FieldError>);

impl FormErrors {
    pub fn new() -> FormErrors {
        FormErrors(Vec::new())
    }

    pub fn add(&mut self, field: &'static str, message: impl Into<String>) {
        self.0.push(FieldError {
            field,
            message: message.into(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, FieldError> {
        self.0.iter()
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

/// Who sees a navigation entry.
#[derive(Debug, Clone, Copy)]
pub enum Audience {
    Public,
    Staff(crate::platform::auth::Permission),
}

/// An entry on the tenant start page or the staff page, contributed by a
/// module.
#[derive(Debug, Clone)]
pub struct NavLink {
    /// Below `/{tenant}/`.
    pub path: &'static str,
    pub title_key: &'static str,
    pub summary_key: &'static str,
    pub audience: Audience,
}
