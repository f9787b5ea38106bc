//! Joint press releases: drafted by a coordinator, approved by every
//! organisation of the approval set on the exact current version, published
//! only then, immutable afterwards; the public news page and Atom feed.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::common;
use super::model::{self, PressDecision};
use super::store;
use crate::platform::audit::{self, Actor, Entry};
use crate::platform::auth::Permission;
use crate::platform::i18n::{Lang, Tr};
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

pub const MAX_BODY: usize = 30_000;

/// Why a write to a release was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    NotFound,
    Published,
    /// The version the request was made for is no longer current.
    Stale,
    /// Not every organisation of the approval set approved the current version.
    MissingApprovals(i64),
    NotApprover,
}

impl Refused {
    pub fn key(self) -> &'static str {
        match self {
            Refused::NotFound => "error-not-found",
            Refused::Published => "network-press-error-published",
            Refused::Stale => "network-press-error-stale",
            Refused::MissingApprovals(_) => "network-press-error-approvals",
            Refused::NotApprover => "network-press-error-not-approver",
        }
    }
}

/// Accounts of the organisations that must approve a release.
pub async fn approver_accounts(
    state: &AppState,
    tenant: crate::platform::tenants::TenantId,
    orgs: &[Uuid],
) -> Result<Vec<Uuid>, WebError> {
    let mut users = Vec::new();
    for org in orgs {
        for (user, _, _) in store::members_of(&state.db, tenant, *org).await? {
            users.push(user);
        }
    }
    Ok(users)
}

/// Edits a draft: a new version, which resets every approval.
pub async fn edit(
    state: &AppState,
    tenant: crate::platform::tenants::TenantId,
    actor: Actor,
    by: Uuid,
    id: Uuid,
    title: &str,
    body: &str,
) -> Result<Result<i32, Refused>, WebError> {
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let Some((status, current)) = store::lock_release(&mut tx, tenant, id).await? else {
        return Ok(Err(Refused::NotFound));
    };
    if status != "draft" {
        return Ok(Err(Refused::Published));
    }
    let v = store::edit_release(&mut tx, tenant, id, current, title, body, Some(by), now).await?;
    audit::append(
        &mut tx,
        tenant,
        now,
        &Entry::new(actor, "press.edit", "press_release", id)
            .details(serde_json::json!({ "version": v })),
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(v))
}

/// An organisation's decision on the version its member read.
#[allow(clippy::too_many_arguments)]
pub async fn decide(
    state: &AppState,
    tenant: crate::platform::tenants::TenantId,
    actor: Actor,
    user: Uuid,
    id: Uuid,
    version: i32,
    decision: PressDecision,
    comment: &str,
) -> Result<Result<(), Refused>, WebError> {
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let Some((status, current)) = store::lock_release(&mut tx, tenant, id).await? else {
        return Ok(Err(Refused::NotFound));
    };
    if status != "draft" {
        return Ok(Err(Refused::Published));
    }
    if current != version {
        return Ok(Err(Refused::Stale));
    }
    let Some(org) = store::organisation_of_user_tx(&mut tx, tenant, user).await? else {
        return Ok(Err(Refused::NotApprover));
    };
    if !store::is_approver_tx(&mut tx, tenant, id, org).await? {
        return Ok(Err(Refused::NotApprover));
    }
    store::decide_release(
        &mut tx, tenant, id, version, org, decision, comment, user, now,
    )
    .await?;
    audit::append(
        &mut tx,
        tenant,
        now,
        &Entry::new(actor, "press.decide", "press_release", id).details(serde_json::json!({
            "version": version, "organisation": org, "decision": decision.as_str()
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// Publishes the current version if — checked in this transaction, under
/// the release's lock — every organisation of the approval set approved it.
pub async fn publish(
    state: &AppState,
    tenant: crate::platform::tenants::TenantId,
    actor: Actor,
    id: Uuid,
    version: i32,
) -> Result<Result<(), Refused>, WebError> {
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let Some((status, current)) = store::lock_release(&mut tx, tenant, id).await? else {
        return Ok(Err(Refused::NotFound));
    };
    if status != "draft" {
        return Ok(Err(Refused::Published));
    }
    if current != version {
        return Ok(Err(Refused::Stale));
    }
    let missing = store::missing_approvals_tx(&mut tx, tenant, id, current).await?;
    if missing > 0 {
        return Ok(Err(Refused::MissingApprovals(missing)));
    }
    if !store::publish_release(&mut tx, tenant, id, current, now).await? {
        return Ok(Err(Refused::Stale));
    }
    audit::append(
        &mut tx,
        tenant,
        now,
        &Entry::new(actor, "press.publish", "press_release", id)
            .details(serde_json::json!({ "version": current })),
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(()))
}

// ---------------------------------------------------------------- coordinator pages

pub struct ReleaseLine {
    id: Uuid,
    title: String,
    status_key: String,
    version: i32,
    date: String,
}

#[derive(Template)]
#[template(path = "network/staff_press.html")]
struct ListPage {
    page: PageCtx,
    releases: Vec<ReleaseLine>,
    orgs: Vec<(Uuid, String)>,
    langs: Vec<(&'static str, &'static str)>,
    form: ReleaseForm,
    errors: FormErrors,
}

#[derive(Deserialize, Default, Clone)]
pub struct ReleaseForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    lang: String,
    /// `all` or `chosen`.
    #[serde(default)]
    approval: String,
    /// Chosen organisations (repeated field), read from the raw form.
    #[serde(skip)]
    chosen: Vec<String>,
}

async fn list_page(
    state: &AppState,
    ctx: &Ctx,
    form: ReleaseForm,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let releases = store::all_releases(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|r| ReleaseLine {
            id: r.release_id,
            title: r.title,
            status_key: format!("network-press-status-{}", r.status),
            version: r.current_version,
            date: r
                .published_at
                .map(|p| common::local_date(p.0, &tenant.time_zone))
                .unwrap_or_default(),
        })
        .collect();
    let orgs = store::organisations(&state.db, tenant.id)
        .await?
        .into_iter()
        .filter(|o| o.status == "partner")
        .map(|o| (o.organisation_id, o.name))
        .collect();
    page::render(
        &ListPage {
            page: PageCtx::new(ctx, "network-press-title"),
            releases,
            orgs,
            langs: Lang::ALL
                .iter()
                .map(|l| (l.tag(), l.native_name()))
                .collect(),
            form,
            errors,
        },
        status,
    )
}

/// `GET /{tenant}/staff/network/press`
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let form = ReleaseForm {
        lang: "de".into(),
        approval: "all".into(),
        ..Default::default()
    };
    list_page(&state, &ctx, form, FormErrors::new(), StatusCode::OK).await
}

fn check_text(t: &Tr, form: &ReleaseForm, errors: &mut FormErrors) -> Option<(String, String)> {
    let title = model::required(&form.title, model::MAX_NAME);
    if title.is_none() {
        errors.add("title", t.t("network-press-error-title"));
    }
    let body = model::required_text(&form.body, MAX_BODY);
    if body.is_none() {
        errors.add("body", t.t("network-press-error-body"));
    }
    Some((title?, body?))
}

/// The raw pairs of a form body, for repeated fields.
fn chosen_from(raw: &[(String, String)]) -> Vec<String> {
    raw.iter()
        .filter(|(k, _)| k == "chosen")
        .map(|(_, v)| v.clone())
        .collect()
}

/// `POST /{tenant}/staff/network/press`: a new draft.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    crate::platform::web::extract::CsrfForm(raw): crate::platform::web::extract::CsrfForm<
        Vec<(String, String)>,
    >,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageNetwork)?;
    let p = ctx.principal()?;
    let t = Tr::new(ctx.lang());
    let get = |k: &str| {
        raw.iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let form = ReleaseForm {
        title: get("title"),
        body: get("body"),
        lang: get("lang"),
        approval: get("approval"),
        chosen: chosen_from(&raw),
    };
    let mut errors = FormErrors::new();
    let text = check_text(&t, &form, &mut errors);
    let lang = Lang::parse(&form.lang);
    if lang.is_none() {
        errors.add("lang", t.t("network-press-error-lang"));
    }
    let partners: Vec<Uuid> = store::organisations(&state.db, tenant.id)
        .await?
        .into_iter()
        .filter(|o| o.status == "partner")
        .map(|o| o.organisation_id)
        .collect();
    let approvers: Vec<Uuid> = if form.approval == "chosen" {
        let mut chosen = Vec::new();
        for c in &form.chosen {
            match Uuid::parse_str(c) {
                Ok(id) if partners.contains(&id) => {
                    if !chosen.contains(&id) {
                        chosen.push(id)
                    }
                }
                _ => errors.add("chosen", t.t("network-press-error-approvers")),
            }
        }
        chosen
    } else {
        partners
    };
    if approvers.is_empty() {
        errors.add("chosen", t.t("network-press-error-approvers"));
    }
    let (Some((title, body)), Some(lang), true) = (text, lang, errors.is_empty()) else {
        return list_page(&state, &ctx, form, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let approver_users = approver_accounts(&state, tenant.id, &approvers).await?;
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let id = store::create_release(
        &mut tx,
        tenant.id,
        lang.tag(),
        &title,
        &body,
        &approvers,
        Some(p.user_id),
        now,
    )
    .await?;
    crate::platform::notifications::notify(
        &mut tx,
        tenant.id,
        &approver_users,
        "notification-press",
        &title,
        &format!("/{}/staff/network/press/{id}", tenant.slug),
        now,
    )
    .await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "press.create", "press_release", id)
            .details(serde_json::json!({ "approvers": approvers.len() })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/network/press/{id}", tenant.slug)).into_response())
}

pub struct ApprovalView {
    name: String,
    decision_key: String,
    approved: bool,
    comment: String,
}

#[derive(Template)]
#[template(path = "network/staff_press_detail.html")]
struct DetailPage {
    page: PageCtx,
    release: store::Release,
    status_key: String,
    approvals: Vec<ApprovalView>,
    missing: usize,
    form: ReleaseForm,
    errors: FormErrors,
    /// Partner view: the organisation's own decision form.
    partner: bool,
    coordinator: bool,
    own_decision: Option<String>,
}

async fn detail_page(
    state: &AppState,
    ctx: &Ctx,
    id: Uuid,
    form: Option<ReleaseForm>,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let p = ctx.principal()?;
    let coordinator = crate::platform::auth::may(Some(p), Permission::ManageNetwork, tenant.id);
    let release = store::release_current(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let lines = store::approvals(&state.db, tenant.id, id, release.current_version).await?;
    let own_org = store::organisation_of_user(&state.db, tenant.id, p.user_id).await?;
    let partner =
        !coordinator && own_org.is_some_and(|o| lines.iter().any(|l| l.organisation_id == o));
    if !coordinator && !partner {
        return Err(WebError::forbidden());
    }
    let own_decision = own_org
        .and_then(|o| lines.iter().find(|l| l.organisation_id == o))
        .and_then(|l| l.decision.clone())
        .map(|d| format!("network-press-decision-{d}"));
    let missing = lines
        .iter()
        .filter(|l| l.decision.as_deref() != Some("approve"))
        .count();
    let approvals = lines
        .into_iter()
        .map(|l| ApprovalView {
            name: l.name,
            approved: l.decision.as_deref() == Some("approve"),
            decision_key: match &l.decision {
                Some(d) => format!("network-press-decision-{d}"),
                None => "network-press-decision-pending".to_owned(),
            },
            comment: l.comment.unwrap_or_default(),
        })
        .collect();
    let form = form.unwrap_or_else(|| ReleaseForm {
        title: release.title.clone(),
        body: release.body.clone(),
        ..Default::default()
    });
    let tpl = DetailPage {
        page: PageCtx::new(ctx, "network-press-detail-title"),
        status_key: format!("network-press-status-{}", release.status),
        release,
        approvals,
        missing,
        form,
        errors,
        partner,
        coordinator,
        own_decision,
    };
    page::render(&tpl, status)
}

/// `GET /{tenant}/staff/network/press/{id}`: coordinators, and partners
/// whose organisation is in the approval set.
pub async fn detail(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let id = common::id(&id)?;
    detail_page(&state, &ctx, id, None, FormErrors::new(), StatusCode::OK).await
}

fn refused(t: &Tr, r: Refused) -> String {
    match r {
        Refused::MissingApprovals(n) => t.tn(r.key(), "n", n),
        other => t.t(other.key()).into_owned(),
    }
}

fn refused_status(r: Refused) -> StatusCode {
    match r {
        Refused::NotFound => StatusCode::NOT_FOUND,
        Refused::NotApprover => StatusCode::FORBIDDEN,
        _ => StatusCode::CONFLICT,
    }
}

/// `POST /{tenant}/staff/network/press/{id}/edit`
pub async fn edit_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    crate::platform::web::extract::CsrfForm(form): crate::platform::web::extract::CsrfForm<
        ReleaseForm,
    >,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageNetwork)?;
    let p = ctx.principal()?;
    let id = common::id(&id)?;
    let t = Tr::new(ctx.lang());
    let mut errors = FormErrors::new();
    let Some((title, body)) = check_text(&t, &form, &mut errors) else {
        return detail_page(
            &state,
            &ctx,
            id,
            Some(form),
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    match edit(&state, tenant.id, actor, p.user_id, id, &title, &body).await? {
        Ok(_) => {
            Ok(Redirect::to(&format!("/{}/staff/network/press/{id}", tenant.slug)).into_response())
        }
        Err(r) => {
            errors.add("title", refused(&t, r));
            detail_page(&state, &ctx, id, Some(form), errors, refused_status(r)).await
        }
    }
}

#[derive(Deserialize)]
pub struct VersionForm {
    #[serde(default)]
    version: String,
}

/// `POST /{tenant}/staff/network/press/{id}/publish`
pub async fn publish_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    crate::platform::web::extract::CsrfForm(form): crate::platform::web::extract::CsrfForm<
        VersionForm,
    >,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageNetwork)?;
    let id = common::id(&id)?;
    let t = Tr::new(ctx.lang());
    let version: i32 = form.version.parse().unwrap_or(-1);
    match publish(&state, tenant.id, actor, id, version).await? {
        Ok(()) => {
            Ok(Redirect::to(&format!("/{}/staff/network/press/{id}", tenant.slug)).into_response())
        }
        Err(r) => {
            let mut errors = FormErrors::new();
            errors.add("publish", refused(&t, r));
            detail_page(&state, &ctx, id, None, errors, refused_status(r)).await
        }
    }
}

#[derive(Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    decision: String,
    #[serde(default)]
    comment: String,
}

/// `POST /{tenant}/staff/network/press/{id}/decision`: a partner approves
/// or objects (with a comment) for their organisation.
pub async fn decision_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    crate::platform::web::extract::CsrfForm(form): crate::platform::web::extract::CsrfForm<
        DecisionForm,
    >,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ActForOrganisation)?;
    let p = ctx.principal()?;
    let id = common::id(&id)?;
    let t = Tr::new(ctx.lang());
    let mut errors = FormErrors::new();
    let decision = PressDecision::parse(&form.decision);
    if decision.is_none() {
        errors.add("decision", t.t("network-press-error-decision"));
    }
    let comment = model::optional(&form.comment, 5_000).unwrap_or_else(|| {
        errors.add("comment", t.t("network-error-too-long"));
        String::new()
    });
    if decision == Some(PressDecision::Object) && comment.is_empty() {
        errors.add("comment", t.t("network-press-error-comment"));
    }
    let version: i32 = form.version.parse().unwrap_or(-1);
    let Some(decision) = decision.filter(|_| errors.is_empty()) else {
        return detail_page(
            &state,
            &ctx,
            id,
            None,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    match decide(
        &state, tenant.id, actor, p.user_id, id, version, decision, &comment,
    )
    .await?
    {
        Ok(()) => {
            Ok(Redirect::to(&format!("/{}/staff/network/press/{id}", tenant.slug)).into_response())
        }
        Err(r) => {
            errors.add("decision", refused(&t, r));
            detail_page(&state, &ctx, id, None, errors, refused_status(r)).await
        }
    }
}

// ---------------------------------------------------------------- public

pub struct NewsLine {
    id: Uuid,
    title: String,
    date: String,
    lang: String,
    teaser: String,
}

#[derive(Template)]
#[template(path = "network/news.html")]
struct NewsPage {
    page: PageCtx,
    items: Vec<NewsLine>,
}

/// `GET /{tenant}/news`
pub async fn news(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let items = store::published_releases(&state.db, tenant.id, 200)
        .await?
        .into_iter()
        .map(|r| NewsLine {
            id: r.release_id,
            date: r
                .published_at
                .map(|p| common::local_date(p.0, &tenant.time_zone))
                .unwrap_or_default(),
            teaser: r.body.chars().take(280).collect(),
            title: r.title,
            lang: Lang::parse(&r.lang)
                .unwrap_or(Lang::De)
                .html_lang()
                .to_owned(),
        })
        .collect();
    page::ok(&NewsPage {
        page: PageCtx::new(&ctx, "network-news-title"),
        items,
    })
}

#[derive(Template)]
#[template(path = "network/news_item.html")]
struct NewsItemPage {
    page: PageCtx,
    title: String,
    date: String,
    lang: String,
    paragraphs: Vec<String>,
    signatories: Vec<String>,
}

/// `GET /{tenant}/news/{id}`: a published release (drafts are not found).
pub async fn news_item(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let id = common::id(&id)?;
    let r = store::release(&state.db, tenant.id, id)
        .await?
        .filter(|r| r.status == "published")
        .ok_or_else(WebError::not_found)?;
    let signatories = store::approvals(&state.db, tenant.id, id, r.published_version.unwrap_or(0))
        .await?
        .into_iter()
        .map(|a| a.name)
        .collect();
    let mut page_ctx = PageCtx::new(&ctx, "network-news-title");
    page_ctx.title = r.title.clone();
    page::ok(&NewsItemPage {
        page: page_ctx,
        date: r
            .published_at
            .map(|p| common::local_date(p.0, &tenant.time_zone))
            .unwrap_or_default(),
        lang: Lang::parse(&r.lang)
            .unwrap_or(Lang::De)
            .html_lang()
            .to_owned(),
        paragraphs: r
            .body
            .split("\n\n")
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty())
            .collect(),
        title: r.title,
        signatories,
    })
}

/// `GET /{tenant}/news.atom`: the published releases as Atom 1.0 (RFC 4287),
/// each entry in its own language.
pub async fn feed(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    use atom_syndication::{Content, Entry as AtomEntry, Feed, Link, Person, Text};
    let tenant = ctx.tenant()?;
    let t = Tr::new(Lang::De);
    let releases = store::published_releases(&state.db, tenant.id, 50).await?;
    let base = ctx.absolute_url(&state, &format!("/{}", tenant.slug));
    let updated = releases
        .iter()
        .filter_map(|r| r.published_at)
        .map(|p| p.0)
        .max()
        .unwrap_or(chrono::DateTime::UNIX_EPOCH);
    let entries: Vec<AtomEntry> = releases
        .iter()
        .map(|r| {
            let published = r.published_at.map(|p| p.0).unwrap_or(updated);
            let link = format!("{base}/news/{}", r.release_id);
            let mut content = Content::default();
            content.set_value(r.body.clone());
            content.set_content_type("text".to_owned());
            content.set_lang(r.lang.clone());
            let mut title = Text::plain(r.title.clone());
            title.lang = Some(r.lang.clone());
            let mut entry = AtomEntry::default();
            entry.set_id(format!("urn:uuid:{}", r.release_id));
            entry.set_title(title);
            entry.set_updated(published.fixed_offset());
            entry.set_published(Some(published.fixed_offset()));
            entry.set_links(vec![Link {
                href: link,
                rel: "alternate".to_owned(),
                hreflang: Some(r.lang.clone()),
                mime_type: Some("text/html".to_owned()),
                ..Default::default()
            }]);
            entry.set_content(Some(content));
            entry
        })
        .collect();
    let mut feed = Feed::default();
    feed.set_id(format!("{base}/news.atom"));
    feed.set_title(Text::plain(t.t1(
        "network-news-feed-title",
        "city",
        &tenant.name,
    )));
    feed.set_updated(updated.fixed_offset());
    feed.set_lang(Some("de".to_owned()));
    feed.set_authors(vec![Person {
        name: t.t1("network-news-feed-author", "city", &tenant.name),
        ..Default::default()
    }]);
    feed.set_links(vec![
        Link {
            href: format!("{base}/news.atom"),
            rel: "self".to_owned(),
            mime_type: Some("application/atom+xml".to_owned()),
            ..Default::default()
        },
        Link {
            href: format!("{base}/news"),
            rel: "alternate".to_owned(),
            mime_type: Some("text/html".to_owned()),
            ..Default::default()
        },
    ]);
    feed.set_entries(entries);
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/atom+xml; charset=utf-8"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=300"),
            ),
        ],
        feed.to_string(),
    )
        .into_response())
}
