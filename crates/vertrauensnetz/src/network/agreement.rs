//! The cooperation agreement: versioned, structured (preamble, goals,
//! measures, closing clauses), in several languages; signatories; a
//! readable diff between versions; the public page.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::common;
use super::model;
use super::store;
use crate::platform::audit::{self, Entry};
use crate::platform::auth::Permission;
use crate::platform::i18n::{Lang, Tr};
use crate::platform::mail::{self, OutgoingMail};
use crate::platform::web::extract::CsrfForm;
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

/// One language's text of a version.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct AgreementText {
    pub preamble: String,
    pub goals: Vec<String>,
    pub measures: Vec<String>,
    pub closing: Vec<String>,
}

/// A version's content: language tag → text.
pub type Content = BTreeMap<String, AgreementText>;

pub fn parse_content(json: &str) -> Content {
    serde_json::from_str(json).unwrap_or_default()
}

/// The text in `lang`, else German, else any.
pub fn text_in(content: &Content, lang: Lang) -> Option<(&AgreementText, Lang)> {
    content
        .get(lang.tag())
        .map(|t| (t, lang))
        .or_else(|| content.get("de").map(|t| (t, Lang::De)))
        .or_else(|| {
            content
                .iter()
                .next()
                .map(|(k, t)| (t, Lang::parse(k).unwrap_or(Lang::De)))
        })
}

/// A text as plain lines, for the diff.
fn as_lines(t: &Tr, text: &AgreementText) -> String {
    let mut out = format!(
        "{}\n{}\n",
        t.t("network-agreement-preamble"),
        text.preamble.trim()
    );
    for (key, items) in [
        ("network-agreement-goals", &text.goals),
        ("network-agreement-measures", &text.measures),
        ("network-agreement-closing", &text.closing),
    ] {
        out.push_str(&format!("\n{}\n", t.t(key)));
        for (i, item) in items.iter().enumerate() {
            out.push_str(&format!("{}. {}\n", i + 1, item.trim()));
        }
    }
    out
}

/// One line of a diff.
pub struct DiffLine {
    /// `same`, `added` or `removed`.
    pub kind: &'static str,
    pub text: String,
}

pub fn diff(t: &Tr, old: &AgreementText, new: &AgreementText) -> Vec<DiffLine> {
    let a = as_lines(t, old);
    let b = as_lines(t, new);
    similar::TextDiff::from_lines(&a, &b)
        .iter_all_changes()
        .map(|c| DiffLine {
            kind: match c.tag() {
                similar::ChangeTag::Equal => "same",
                similar::ChangeTag::Insert => "added",
                similar::ChangeTag::Delete => "removed",
            },
            text: c.value().trim_end_matches('\n').to_owned(),
        })
        .collect()
}

// ---------------------------------------------------------------- public

#[derive(Template)]
#[template(path = "network/agreement.html")]
struct AgreementPage {
    page: PageCtx,
    version: Option<i32>,
    date: String,
    text: Option<AgreementText>,
    text_lang: String,
    other_lang: bool,
    signatories: Vec<(String, String)>,
    versions: Vec<(i32, String)>,
}

/// `GET /{tenant}/agreement`: the current version in the reader's language
/// (German where no translation exists), its signatories, older versions.
pub async fn public(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let versions = store::agreement_versions(&state.db, tenant.id).await?;
    let current = versions.first();
    let (text, text_lang) = match current.map(|v| parse_content(&v.content)) {
        Some(content) => match text_in(&content, ctx.lang()) {
            Some((t, l)) => (Some(t.clone()), l),
            None => (None, ctx.lang()),
        },
        None => (None, ctx.lang()),
    };
    let signatures = store::signatures(&state.db, tenant.id).await?;
    // Each organisation once, with the version it accepted last.
    let mut signatories: Vec<(String, String)> = Vec::new();
    let mut seen = Vec::new();
    for s in signatures {
        if !seen.contains(&s.organisation_id) {
            seen.push(s.organisation_id);
            signatories.push((s.name, common::show_date(&s.signed_on)));
        }
    }
    signatories.sort();
    page::ok(&AgreementPage {
        page: PageCtx::new(&ctx, "network-agreement-title"),
        version: current.map(|v| v.version),
        date: current
            .map(|v| common::local_date(v.created_at.0, &tenant.time_zone))
            .unwrap_or_default(),
        other_lang: text_lang != ctx.lang(),
        text_lang: text_lang.html_lang().to_owned(),
        text,
        signatories,
        versions: versions
            .iter()
            .map(|v| {
                (
                    v.version,
                    common::local_date(v.created_at.0, &tenant.time_zone),
                )
            })
            .collect(),
    })
}

#[derive(Deserialize)]
pub struct DiffQuery {
    from: Option<String>,
    to: Option<String>,
}

#[derive(Template)]
#[template(path = "network/agreement_diff.html")]
struct DiffPage {
    page: PageCtx,
    from: i32,
    to: i32,
    lines: Vec<DiffLine>,
    changes: usize,
    versions: Vec<i32>,
}

/// `GET /{tenant}/agreement/diff?from=1&to=2`: what changed between two
/// versions, line by line, in the reader's language.
pub async fn diff_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<DiffQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let versions = store::agreement_versions(&state.db, tenant.id).await?;
    let latest = versions.first().map(|v| v.version).unwrap_or(0);
    let parse = |s: Option<&String>, default: i32| -> Result<i32, WebError> {
        match s {
            None => Ok(default),
            Some(s) if s.is_empty() => Ok(default),
            Some(s) => s
                .parse()
                .map_err(|_| WebError::bad_request("version must be a number")),
        }
    };
    let to = parse(q.to.as_ref(), latest)?;
    let from = parse(q.from.as_ref(), to - 1)?;
    let find = |n: i32| versions.iter().find(|v| v.version == n);
    let (Some(a), Some(b)) = (find(from), find(to)) else {
        return Err(WebError::not_found());
    };
    let (ca, cb) = (parse_content(&a.content), parse_content(&b.content));
    let empty = AgreementText::default();
    let ta = text_in(&ca, ctx.lang()).map(|x| x.0).unwrap_or(&empty);
    let tb = text_in(&cb, ctx.lang()).map(|x| x.0).unwrap_or(&empty);
    let lines = diff(&t, ta, tb);
    page::ok(&DiffPage {
        page: PageCtx::new(&ctx, "network-agreement-diff-title"),
        changes: lines.iter().filter(|l| l.kind != "same").count(),
        from,
        to,
        lines,
        versions: versions.iter().map(|v| v.version).collect(),
    })
}

// ---------------------------------------------------------------- coordinators

#[derive(Deserialize, Default, Clone)]
pub struct VersionForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    preamble: String,
    #[serde(default)]
    goals: String,
    #[serde(default)]
    measures: String,
    #[serde(default)]
    closing: String,
    #[serde(default)]
    note: String,
}

#[derive(Template)]
#[template(path = "network/staff_agreement.html")]
struct StaffPage {
    page: PageCtx,
    versions: Vec<(i32, String, String, Vec<String>)>,
    signatures: Vec<store::Signature>,
    form: VersionForm,
    errors: FormErrors,
    langs: Vec<(&'static str, &'static str)>,
}

async fn staff_page(
    state: &AppState,
    ctx: &Ctx,
    form: Option<VersionForm>,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let versions = store::agreement_versions(&state.db, tenant.id).await?;
    let form = form.unwrap_or_else(|| {
        let lang = "de".to_owned();
        let text = versions
            .first()
            .map(|v| parse_content(&v.content))
            .and_then(|c| c.get(&lang).cloned())
            .unwrap_or_default();
        VersionForm {
            lang,
            preamble: text.preamble,
            goals: text.goals.join("\n"),
            measures: text.measures.join("\n"),
            closing: text.closing.join("\n"),
            note: String::new(),
        }
    });
    page::render(
        &StaffPage {
            page: PageCtx::new(ctx, "network-agreement-staff-title"),
            versions: versions
                .iter()
                .map(|v| {
                    (
                        v.version,
                        common::local_date(v.created_at.0, &tenant.time_zone),
                        v.note.clone(),
                        parse_content(&v.content).keys().cloned().collect(),
                    )
                })
                .collect(),
            signatures: store::signatures(&state.db, tenant.id).await?,
            form,
            errors,
            langs: Lang::ALL
                .iter()
                .map(|l| (l.tag(), l.native_name()))
                .collect(),
        },
        status,
    )
}

/// `GET /{tenant}/staff/network/agreement`
pub async fn staff(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    staff_page(&state, &ctx, None, FormErrors::new(), StatusCode::OK).await
}

fn items(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `POST /{tenant}/staff/network/agreement`: a new version. The chosen
/// language's text is replaced; the other languages are carried over from
/// the current version.
pub async fn new_version(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<VersionForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageNetwork)?;
    let p = ctx.principal()?;
    let t = Tr::new(ctx.lang());
    let mut errors = FormErrors::new();
    let lang = Lang::parse(&form.lang);
    if lang.is_none() {
        errors.add("lang", t.t("network-press-error-lang"));
    }
    let preamble = model::required_text(&form.preamble, model::MAX_TEXT);
    if preamble.is_none() {
        errors.add("preamble", t.t("network-agreement-error-preamble"));
    }
    let goals = items(&form.goals);
    let measures = items(&form.measures);
    if goals.is_empty() {
        errors.add("goals", t.t("network-agreement-error-goals"));
    }
    if measures.is_empty() {
        errors.add("measures", t.t("network-agreement-error-measures"));
    }
    let closing = items(&form.closing);
    let too_long = [&goals, &measures, &closing]
        .iter()
        .any(|l| l.len() > 100 || l.iter().any(|i| i.chars().count() > 2_000));
    if too_long {
        errors.add("goals", t.t("network-error-too-long"));
    }
    let note = model::optional(&form.note, model::MAX_LINE).unwrap_or_else(|| {
        errors.add("note", t.t("network-error-too-long"));
        String::new()
    });
    let (Some(lang), Some(preamble), true) = (lang, preamble, errors.is_empty()) else {
        return staff_page(
            &state,
            &ctx,
            Some(form),
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let mut content = store::agreement_versions(&state.db, tenant.id)
        .await?
        .first()
        .map(|v| parse_content(&v.content))
        .unwrap_or_default();
    content.insert(
        lang.tag().to_owned(),
        AgreementText {
            preamble,
            goals,
            measures,
            closing,
        },
    );
    let json = serde_json::to_string(&content).map_err(|_| WebError::internal())?;
    let partners = store::partner_accounts(&state.db, tenant.id).await?;
    let link = ctx.absolute_url(&state, &format!("/{}/partner", tenant.slug));
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let version =
        store::add_agreement_version(&mut tx, tenant.id, &json, &note, Some(p.user_id), now)
            .await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "agreement.version", "agreement", version)
            .details(serde_json::json!({ "lang": lang.tag() })),
    )
    .await?;
    // Every partner is asked to accept the new version.
    let users: Vec<uuid::Uuid> = partners.iter().map(|p| p.0).collect();
    crate::platform::notifications::notify(
        &mut tx,
        tenant.id,
        &users,
        "notification-agreement",
        &version.to_string(),
        &format!("/{}/partner", tenant.slug),
        now,
    )
    .await?;
    for (_, login, name) in partners.iter().filter(|(_, l, _)| mail::valid_address(l)) {
        mail::enqueue(
            &mut tx,
            tenant.id,
            &OutgoingMail {
                to: login.clone(),
                subject: t.tn(
                    "network-mail-agreement-subject",
                    "version",
                    i64::from(version),
                ),
                body_text: format!(
                    "{}\n\n{}\n{link}\n",
                    t.t1("network-mail-greeting", "name", name),
                    t.tn("network-mail-agreement-body", "version", i64::from(version)),
                ),
            },
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/network/agreement", tenant.slug)).into_response())
}
