//! The public topic pages: `/{tenant}/topics` lists the taxonomy, and
//! `/{tenant}/topics/{topic}` gathers what every module holds on one topic.
//!
//! The page is a list of sections that modules contribute: the events
//! module's upcoming and past events and public minutes, the network's
//! measures. To add one, write a function
//! in the module's `mod.rs` that returns `Vec<TopicSection>` and extend it
//! into the list in [`sections`]. A section renders the same way whatever
//! module it comes from.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::Method;
use axum::response::Response;

use crate::platform::i18n::Tr;
use crate::platform::topics::Topic;
use crate::platform::web::page::{self, PageCtx};
use crate::platform::web::{Access, AppState, Ctx, Routes, WebError};

/// One entry of a section: a link with a line of facts.
pub struct TopicItem {
    pub href: String,
    pub title: String,
    /// `lang` of the title when it is not in the page's language.
    pub title_lang: Option<&'static str>,
    pub meta: String,
    /// A short remark shown in bold, e.g. "cancelled".
    pub flag: Option<String>,
}

/// A section of a topic page.
pub struct TopicSection {
    /// The HTML id of the section's heading.
    pub id: &'static str,
    pub title: String,
    /// Shown when `items` is empty.
    pub empty: String,
    pub items: Vec<TopicItem>,
    /// A link under the section (e.g. the topic's calendar): (href, text).
    pub more: Option<(String, String)>,
}

/// Every module's sections on `topic`, in the order they appear.
async fn sections(
    state: &AppState,
    ctx: &Ctx,
    topic: Topic,
) -> Result<Vec<TopicSection>, WebError> {
    let mut all = Vec::new();
    all.extend(crate::events::topic_sections(state, ctx, topic).await?);
    all.push(crate::events::minutes::topic_section(state, ctx, topic).await?);
    all.push(crate::network::measures::topic_section(state, ctx, topic).await?);
    Ok(all)
}

pub fn routes(r: &mut Routes) {
    r.add(Method::GET, "/{tenant}/topics", Access::Public, list);
    r.add(
        Method::GET,
        "/{tenant}/topics/{topic}",
        Access::Public,
        show,
    );
}

pub struct TopicLine {
    slug: &'static str,
    label: String,
    summary: String,
}

#[derive(Template)]
#[template(path = "topics/list.html")]
struct ListPage {
    page: PageCtx,
    topics: Vec<TopicLine>,
}

/// `GET /{tenant}/topics`
pub async fn list(ctx: Ctx) -> Result<Response, WebError> {
    let tr = Tr::new(ctx.lang());
    let mut topics: Vec<TopicLine> = Topic::ALL
        .iter()
        .map(|t| TopicLine {
            slug: t.slug(),
            label: tr.t(&t.label_key()).into_owned(),
            summary: tr.t(&t.summary_key()).into_owned(),
        })
        .collect();
    topics.sort_by_key(|t| t.label.to_lowercase());
    page::ok(&ListPage {
        page: PageCtx::new(&ctx, "topics-title"),
        topics,
    })
}

#[derive(Template)]
#[template(path = "topics/topic.html")]
struct TopicPage {
    page: PageCtx,
    summary: String,
    sections: Vec<TopicSection>,
}

/// `GET /{tenant}/topics/{topic}`; an unknown topic is a 404 page.
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, slug)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let topic = Topic::parse(&slug).ok_or_else(WebError::not_found)?;
    let tr = Tr::new(ctx.lang());
    let mut page = PageCtx::new(&ctx, &topic.label_key());
    page.title = tr.t(&topic.label_key()).into_owned();
    let sections = sections(&state, &ctx, topic).await?;
    page::ok(&TopicPage {
        page,
        summary: tr.t(&topic.summary_key()).into_owned(),
        sections,
    })
}
