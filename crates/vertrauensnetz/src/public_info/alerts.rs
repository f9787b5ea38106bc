//! Warnings: the staff's compose form, preview per language, the second
//! person's approval and publication, Update and Cancel, import of CAP
//! messages from outside; the public list, the page per warning, the CAP
//! document and the Atom index.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::model::{self, DistrictShape, LangText, TenantArea, WarningDraft, WarningForm};
use super::store::{self, TextRow, WarningRow};
use crate::platform::audit::{self, Entry};
use crate::platform::auth::Permission;
use crate::platform::db::Timestamp;
use crate::platform::i18n::{Lang, Tr};
use crate::platform::tenants::Tenant;
use crate::platform::web::extract::CsrfForm;
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

/// Largest CAP document accepted for import (characters of the form field).
pub const MAX_IMPORT: usize = 1024 * 1024;

async fn district_shapes(
    state: &AppState,
    tenant: &Tenant,
) -> Result<Vec<DistrictShape>, WebError> {
    Ok(store::districts(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|d| DistrictShape {
            centre: d.centre_lat.zip(d.centre_lon),
            outline: d.geometry.as_deref().and_then(model::outline_from_geojson),
            code: d.code,
            name: d.name,
        })
        .collect())
}

/// The languages a tenant's warnings are written in.
pub fn languages(settings: &store::Settings) -> Vec<String> {
    let mut out: Vec<String> = model::BASE_LANGUAGES
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    for l in &settings.extra_languages {
        if !out.contains(l) {
            out.push(l.clone());
        }
    }
    out
}

fn sender(tenant: &Tenant) -> String {
    format!("warnungen@{}", tenant.jurisdiction_id)
}

/// The headline for lists: the reader's language, else German, else any.
fn pick<'a>(texts: &'a [TextRow], lang: &str) -> Option<&'a TextRow> {
    let primary = |t: &str| t.split('-').next().unwrap_or(t).to_ascii_lowercase();
    texts
        .iter()
        .find(|t| t.lang.eq_ignore_ascii_case(lang))
        .or_else(|| {
            (lang != "de-x-ls")
                .then(|| {
                    texts
                        .iter()
                        .find(|t| primary(&t.lang) == primary(lang) && !t.lang.contains("-x-"))
                })
                .flatten()
        })
        .or_else(|| texts.iter().find(|t| t.lang == "de"))
        .or_else(|| texts.iter().find(|t| primary(&t.lang) == "de"))
        .or_else(|| texts.first())
}

// ---- staff ---------------------------------------------------------------

pub struct ListLine {
    pub id: Uuid,
    pub headline: String,
    pub status_key: String,
    pub msg_type: String,
    pub origin_key: String,
    pub date: String,
}

#[derive(Template)]
#[template(path = "public_info/staff_warnings.html")]
struct StaffList {
    page: PageCtx,
    lines: Vec<ListLine>,
    require_approval: bool,
    extra_languages: String,
    import_xml: String,
    errors: FormErrors,
}

fn local(t: Option<Timestamp>, tz: &str) -> String {
    t.map(|t| match tz.parse::<chrono_tz::Tz>() {
        Ok(z) => t.0.with_timezone(&z).format("%d.%m.%Y %H:%M").to_string(),
        Err(_) => t.0.format("%d.%m.%Y %H:%M UTC").to_string(),
    })
    .unwrap_or_default()
}

async fn staff_list_page(
    state: &AppState,
    ctx: &Ctx,
    import_xml: String,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let settings = store::settings(&state.db, tenant.id).await?;
    let mut lines = Vec::new();
    for w in store::all_warnings(&state.db, tenant.id).await? {
        let texts = store::texts(&state.db, tenant.id, w.warning_id).await?;
        lines.push(ListLine {
            id: w.warning_id,
            headline: pick(&texts, ctx.lang().tag())
                .map(|t| t.headline.clone())
                .unwrap_or_else(|| w.event.clone()),
            status_key: status_key(&w),
            msg_type: w.msg_type.clone(),
            origin_key: format!("alerts-origin-{}", w.origin),
            date: local(w.sent_at.or(Some(w.created_at)), &tenant.time_zone),
        });
    }
    page::render(
        &StaffList {
            page: PageCtx::new(ctx, "alerts-staff-title"),
            lines,
            require_approval: settings.require_approval,
            extra_languages: settings.extra_languages.join(" "),
            import_xml,
            errors,
        },
        status,
    )
}

fn status_key(w: &WarningRow) -> String {
    if w.status == "published" && w.replaced_by.is_some() {
        "alerts-status-replaced".into()
    } else {
        format!("alerts-status-{}", w.status)
    }
}

/// `GET /{tenant}/staff/warnings`
pub async fn staff_list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    staff_list_page(
        &state,
        &ctx,
        String::new(),
        FormErrors::new(),
        StatusCode::OK,
    )
    .await
}

pub struct Choice {
    pub value: &'static str,
    pub label: String,
}

pub struct DistrictChoice {
    pub code: String,
    pub name: String,
    pub checked: bool,
}

pub struct LangField {
    pub tag: String,
    pub name: String,
    pub html_lang: String,
    pub dir: &'static str,
    pub enabled: bool,
    pub required: bool,
    pub headline: String,
    pub description: String,
    pub instruction: String,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "public_info/staff_compose.html")]
struct ComposePage {
    page: PageCtx,
    form: WarningForm,
    errors: FormErrors,
    categories: Vec<Choice>,
    urgencies: Vec<Choice>,
    severities: Vec<Choice>,
    certainties: Vec<Choice>,
    districts: Vec<DistrictChoice>,
    langs: Vec<LangField>,
    refers_headline: String,
    /// Where the form posts: a new draft, or the edit of one.
    action: String,
    editing: bool,
}

fn choices<T: Copy>(t: &Tr, field: &str, all: &[T], s: impl Fn(T) -> &'static str) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice {
            value: s(*v),
            label: model::vocab_label(t, field, s(*v)),
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
async fn compose_page(
    state: &AppState,
    ctx: &Ctx,
    form: WarningForm,
    errors: FormErrors,
    lang_errors: Vec<(String, String)>,
    editing: Option<Uuid>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let action = match editing {
        Some(id) => format!("/{}/staff/warnings/{id}/edit", tenant.slug),
        None => format!("/{}/staff/warnings", tenant.slug),
    };
    let t = Tr::new(ctx.lang());
    let settings = store::settings(&state.db, tenant.id).await?;
    let districts = district_shapes(state, tenant).await?;
    let refers_headline = match Uuid::parse_str(form.refers_to.trim()) {
        Ok(id) => {
            let texts = store::texts(&state.db, tenant.id, id).await?;
            pick(&texts, "de")
                .map(|t| t.headline.clone())
                .unwrap_or_default()
        }
        Err(_) => String::new(),
    };
    let langs = languages(&settings)
        .into_iter()
        .map(|tag| {
            let text = form.text(&tag).cloned();
            LangField {
                name: model::language_name(&tag),
                html_lang: model::html_lang(&tag).to_owned(),
                dir: if model::is_rtl(&tag) { "rtl" } else { "ltr" },
                enabled: form.enabled(&tag),
                required: tag == "de",
                headline: text
                    .as_ref()
                    .map(|t| t.headline.clone())
                    .unwrap_or_default(),
                description: text
                    .as_ref()
                    .map(|t| t.description.clone())
                    .unwrap_or_default(),
                instruction: text
                    .as_ref()
                    .map(|t| t.instruction.clone())
                    .unwrap_or_default(),
                error: lang_errors
                    .iter()
                    .find(|(l, _)| *l == tag)
                    .map(|(_, e)| e.clone()),
                tag,
            }
        })
        .collect();
    let tpl = ComposePage {
        page: PageCtx::new(ctx, "alerts-compose-title"),
        categories: choices(&t, "category", cap::Category::ALL, |c| c.as_str()),
        urgencies: choices(&t, "urgency", cap::Urgency::ALL, |c| c.as_str()),
        severities: choices(&t, "severity", cap::Severity::ALL, |c| c.as_str()),
        certainties: choices(&t, "certainty", cap::Certainty::ALL, |c| c.as_str()),
        districts: districts
            .iter()
            .map(|d| DistrictChoice {
                checked: form.districts.contains(&d.code),
                code: d.code.clone(),
                name: d.name.clone(),
            })
            .collect(),
        langs,
        form,
        errors,
        refers_headline,
        action,
        editing: editing.is_some(),
    };
    page::render(&tpl, status)
}

#[derive(Deserialize, Default)]
pub struct ComposeQuery {
    #[serde(default)]
    refers_to: Option<String>,
    #[serde(default, rename = "type")]
    msg_type: Option<String>,
}

/// `GET /{tenant}/staff/warnings/new`: a new warning, or an Update or
/// Cancel of a published one (`?refers_to=…&type=Update`), prefilled.
pub async fn compose(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ComposeQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let now = state.clock.now();
    let mut form = WarningForm {
        msg_type: "Alert".into(),
        area_kind: "districts".into(),
        onset: model::local_input(now, &tenant.time_zone),
        expires: model::local_input(now + chrono::Duration::hours(12), &tenant.time_zone),
        langs: model::BASE_LANGUAGES
            .iter()
            .map(|s| (*s).to_owned())
            .collect(),
        ..WarningForm::default()
    };
    if let Some(id) = q.refers_to.as_deref().and_then(|s| Uuid::parse_str(s).ok()) {
        let earlier = store::warning(&state.db, tenant.id, id)
            .await?
            .filter(|w| w.origin == "own" && w.status == "published" && w.replaced_by.is_none())
            .ok_or_else(WebError::not_found)?;
        let texts = store::texts(&state.db, tenant.id, id).await?;
        let msg_type = match q.msg_type.as_deref() {
            Some("Cancel") => "Cancel",
            _ => "Update",
        };
        form = form_of(&earlier, texts, &tenant.time_zone);
        form.msg_type = msg_type.into();
        form.refers_to = id.to_string();
    }
    compose_page(
        &state,
        &ctx,
        form,
        FormErrors::new(),
        Vec::new(),
        None,
        StatusCode::OK,
    )
    .await
}

/// The compose form filled from a stored warning (for an Update or Cancel
/// of it, or to edit a draft).
fn form_of(w: &WarningRow, texts: Vec<TextRow>, tz: &str) -> WarningForm {
    let mut form = WarningForm {
        msg_type: w.msg_type.clone(),
        refers_to: w.refers_to.map(|r| r.to_string()).unwrap_or_default(),
        category: w.category.clone(),
        event: w.event.clone(),
        urgency: w.urgency.clone(),
        severity: w.severity.clone(),
        certainty: w.certainty.clone(),
        onset: w
            .onset
            .map(|o| model::local_input(o.0, tz))
            .unwrap_or_default(),
        expires: w
            .expires
            .map(|e| model::local_input(e.0, tz))
            .unwrap_or_default(),
        area_kind: w.area_kind.clone(),
        area_desc: w.area_desc.clone(),
        ..WarningForm::default()
    };
    match w.area_kind.as_str() {
        "districts" => {
            form.districts = w.area_value.split_whitespace().map(str::to_owned).collect()
        }
        "polygon" => form.polygon = w.area_value.clone(),
        _ => form.circle = w.area_value.clone(),
    }
    form.langs = texts.iter().map(|t| t.lang.clone()).collect();
    form.texts = texts
        .into_iter()
        .map(|t| LangText {
            lang: t.lang,
            headline: t.headline,
            description: t.description,
            instruction: t.instruction,
        })
        .collect();
    form
}

/// `POST /{tenant}/staff/warnings`: saves a draft; nothing is published.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(raw): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::PublishWarnings)?;
    let user = ctx.principal()?.user_id;
    let draft = match checked_draft(&state, &ctx, &raw, None).await? {
        Ok(d) => d,
        Err(page) => return Ok(page),
    };
    let id = Uuid::now_v7();
    let now = state.clock.now_ts();
    let row = WarningRow {
        warning_id: id,
        origin: "own".into(),
        identifier: format!("{}.warning.{}", tenant.jurisdiction_id, id.simple()),
        sender: sender(&tenant),
        msg_type: draft.msg_type.as_str().into(),
        refers_to: draft.refers_to,
        replaced_by: None,
        status: "draft".into(),
        category: draft.category.as_str().into(),
        event: draft.event.clone(),
        urgency: draft.urgency.as_str().into(),
        severity: draft.severity.as_str().into(),
        certainty: draft.certainty.as_str().into(),
        onset: Some(Timestamp::truncated(draft.onset)),
        expires: Some(Timestamp::truncated(draft.expires)),
        area_desc: draft.area_desc.clone(),
        area_kind: draft.area.kind().into(),
        area_value: draft.area.value(),
        languages: draft
            .texts
            .iter()
            .map(|t| t.lang.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        created_by: Some(user),
        created_at: now,
        approved_by: None,
        sent_at: None,
        cap_xml: None,
        revision: 0,
        edited_by: None,
    };
    let mut tx = state.db.begin().await?;
    store::insert_warning(&mut tx, tenant.id, &row).await?;
    for text in &text_rows(&draft) {
        store::insert_text(&mut tx, tenant.id, id, text).await?;
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "warning.create", "warning", id).details(serde_json::json!({
            "msg_type": row.msg_type,
            "refers_to": row.refers_to,
            "languages": row.languages,
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/warnings/{id}", tenant.slug)).into_response())
}

/// The compose form checked into a draft, or the form page again with
/// every problem (422). `editing` is the draft being edited.
async fn checked_draft(
    state: &AppState,
    ctx: &Ctx,
    raw: &[(String, String)],
    editing: Option<Uuid>,
) -> Result<Result<WarningDraft, Response>, WebError> {
    let tenant = ctx.tenant()?.clone();
    let t = Tr::new(ctx.lang());
    let settings = store::settings(&state.db, tenant.id).await?;
    let langs = languages(&settings);
    let form = WarningForm::from_pairs(raw, &langs);
    let districts = district_shapes(state, &tenant).await?;
    let area = TenantArea::new(&districts, (tenant.centre_lat, tenant.centre_lon));
    let mut draft = model::parse_form(&form, &tenant.time_zone, &districts, &area);
    // The earlier message must be ours, published and not yet replaced.
    if let Ok(d) = &draft {
        if let Some(id) = d.refers_to {
            let ok = store::warning(&state.db, tenant.id, id)
                .await?
                .is_some_and(|w| {
                    w.origin == "own" && w.status == "published" && w.replaced_by.is_none()
                });
            if !ok {
                draft = Err(vec![model::FormProblem {
                    field: "refers_to",
                    key: "alerts-error-refers-to",
                    lang: None,
                }]);
            }
        }
    }
    match draft {
        Ok(d) => Ok(Ok(d)),
        Err(problems) => {
            let mut errors = FormErrors::new();
            let mut lang_errors = Vec::new();
            for p in &problems {
                match &p.lang {
                    Some(l) => {
                        let msg = t.t1(p.key, "language", model::language_name(l));
                        lang_errors.push((l.clone(), msg.clone()));
                        errors.add(p.field, msg);
                    }
                    None => errors.add(p.field, t.t(p.key)),
                }
            }
            Ok(Err(compose_page(
                state,
                ctx,
                form,
                errors,
                lang_errors,
                editing,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await?))
        }
    }
}

fn text_rows(draft: &WarningDraft) -> Vec<TextRow> {
    draft
        .texts
        .iter()
        .map(|text| TextRow {
            lang: text.lang.clone(),
            headline: text.headline.clone(),
            description: text.description.clone(),
            instruction: text.instruction.clone(),
        })
        .collect()
}

/// `GET /{tenant}/staff/warnings/{id}/edit`: the compose form of a draft.
pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, Uuid)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let w = store::warning(&state.db, tenant.id, id)
        .await?
        .filter(|w| w.status == "draft" && w.origin == "own")
        .ok_or_else(WebError::not_found)?;
    let texts = store::texts(&state.db, tenant.id, id).await?;
    let form = form_of(&w, ordered(texts), &tenant.time_zone);
    compose_page(
        &state,
        &ctx,
        form,
        FormErrors::new(),
        Vec::new(),
        Some(id),
        StatusCode::OK,
    )
    .await
}

/// `POST /{tenant}/staff/warnings/{id}/edit`: changes a draft (every field,
/// every language, the area). The revision goes up, so an approval given
/// for the text before is void: the publish form of an approver who saw the
/// old text is refused, and the editor now counts as an author.
pub async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, Uuid)>,
    CsrfForm(raw): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::PublishWarnings)?;
    let user = ctx.principal()?.user_id;
    let t = Tr::new(ctx.lang());
    let current = store::warning(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    if current.status != "draft" || current.origin != "own" {
        let msg = t.t("alerts-error-not-draft").into_owned();
        return staff_detail_page(&state, &ctx, id, Some(msg), StatusCode::CONFLICT).await;
    }
    let draft = match checked_draft(&state, &ctx, &raw, Some(id)).await? {
        Ok(d) => d,
        Err(page) => return Ok(page),
    };
    // Type and reference stay as composed: an Update stays an Update of the
    // same message.
    if draft.msg_type.as_str() != current.msg_type || draft.refers_to != current.refers_to {
        return Err(WebError::unprocessable(
            "type and reference of a draft cannot change",
        ));
    }
    let mut row = current.clone();
    row.category = draft.category.as_str().into();
    row.event = draft.event.clone();
    row.urgency = draft.urgency.as_str().into();
    row.severity = draft.severity.as_str().into();
    row.certainty = draft.certainty.as_str().into();
    row.onset = Some(Timestamp::truncated(draft.onset));
    row.expires = Some(Timestamp::truncated(draft.expires));
    row.area_desc = draft.area_desc.clone();
    row.area_kind = draft.area.kind().into();
    row.area_value = draft.area.value();
    row.languages = draft
        .texts
        .iter()
        .map(|t| t.lang.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let Some(revision) =
        store::update_draft(&mut tx, tenant.id, &row, &text_rows(&draft), user).await?
    else {
        drop(tx);
        let msg = t.t("alerts-error-not-draft").into_owned();
        return staff_detail_page(&state, &ctx, id, Some(msg), StatusCode::CONFLICT).await;
    };
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "warning.update", "warning", id).details(serde_json::json!({
            "revision": revision,
            "languages": row.languages,
            "area_kind": row.area_kind,
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/warnings/{id}", tenant.slug)).into_response())
}

/// `POST /{tenant}/staff/warnings/{id}/discard`: deletes a draft that was
/// never published (nothing of it was public); the audit entry stays.
pub async fn discard(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, Uuid)>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::PublishWarnings)?;
    let t = Tr::new(ctx.lang());
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let Some(w) = store::lock_warning(&mut tx, tenant.id, id).await? else {
        return Err(WebError::not_found());
    };
    if !store::discard_draft(&mut tx, tenant.id, id).await? {
        drop(tx);
        let msg = t.t("alerts-error-not-draft").into_owned();
        return staff_detail_page(&state, &ctx, id, Some(msg), StatusCode::CONFLICT).await;
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "warning.discard", "warning", id).details(serde_json::json!({
            "msg_type": w.msg_type,
            "revision": w.revision,
            "author": w.created_by,
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/warnings", tenant.slug)).into_response())
}

/// Rebuilds the checked draft from what is stored.
fn draft_of(w: &WarningRow, texts: &[TextRow]) -> Option<WarningDraft> {
    Some(WarningDraft {
        msg_type: w.msg_type.parse().ok()?,
        refers_to: w.refers_to,
        category: w.category.parse().ok()?,
        event: w.event.clone(),
        urgency: w.urgency.parse().ok()?,
        severity: w.severity.parse().ok()?,
        certainty: w.certainty.parse().ok()?,
        onset: w.onset?.0,
        expires: w.expires?.0,
        area: model::AreaChoice::parse(&w.area_kind, &w.area_value)?,
        area_desc: w.area_desc.clone(),
        texts: texts
            .iter()
            .map(|t| LangText {
                lang: t.lang.clone(),
                headline: t.headline.clone(),
                description: t.description.clone(),
                instruction: t.instruction.clone(),
            })
            .collect(),
    })
}

/// Texts in the order of the tenant's languages, then any others.
fn ordered(mut texts: Vec<TextRow>) -> Vec<TextRow> {
    let rank = |l: &str| {
        model::BASE_LANGUAGES
            .iter()
            .position(|b| *b == l)
            .unwrap_or(model::BASE_LANGUAGES.len())
    };
    texts.sort_by(|a, b| rank(&a.lang).cmp(&rank(&b.lang)).then(a.lang.cmp(&b.lang)));
    texts
}

pub struct PreviewText {
    pub lang: String,
    pub name: String,
    pub html_lang: String,
    pub dir: &'static str,
    pub headline: String,
    pub description: String,
    pub instruction: String,
    pub cell_broadcast: String,
    pub cell_broadcast_chars: usize,
    /// GSM-7 or UCS-2, and the pages the text takes in it.
    pub cell_broadcast_encoding: &'static str,
    pub cell_broadcast_pages: usize,
}

fn previews(w: &WarningRow, texts: Vec<TextRow>) -> Vec<PreviewText> {
    ordered(texts)
        .into_iter()
        .map(|t| {
            let mut info = cap::Info::new(
                t.lang.clone(),
                cap::Category::Other,
                w.event.clone(),
                cap::Urgency::Unknown,
                cap::Severity::Unknown,
                cap::Certainty::Unknown,
            );
            info.headline = Some(t.headline.clone());
            info.description = Some(t.description.clone());
            info.instruction = Some(t.instruction.clone());
            let cb = cap::cell_broadcast_text(&info);
            let seg = cap::segments(&cb.text);
            PreviewText {
                name: model::language_name(&t.lang),
                html_lang: model::html_lang(&t.lang).to_owned(),
                dir: if model::is_rtl(&t.lang) { "rtl" } else { "ltr" },
                lang: t.lang,
                headline: t.headline,
                description: t.description,
                instruction: t.instruction,
                cell_broadcast: cb.text,
                cell_broadcast_chars: cb.chars,
                cell_broadcast_encoding: seg.encoding.as_str(),
                cell_broadcast_pages: seg.pages,
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "public_info/staff_warning.html")]
struct StaffDetail {
    page: PageCtx,
    w: WarningRow,
    status_key: String,
    facts: Vec<(String, String)>,
    texts: Vec<PreviewText>,
    require_approval: bool,
    own_draft: bool,
    error: Option<String>,
    map: Option<super::area_map::AreaMap>,
}

async fn staff_detail_page(
    state: &AppState,
    ctx: &Ctx,
    id: Uuid,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let w = store::warning(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let texts = store::texts(&state.db, tenant.id, id).await?;
    let settings = store::settings(&state.db, tenant.id).await?;
    let user = ctx.principal()?.user_id;
    let facts = facts(&t, &w, &tenant.time_zone);
    let map = warning_map(state, tenant, &w).await?;
    page::render(
        &StaffDetail {
            map,
            page: PageCtx::new(ctx, "alerts-staff-detail-title"),
            status_key: status_key(&w),
            texts: previews(&w, texts),
            require_approval: settings.require_approval,
            own_draft: w.created_by == Some(user) || w.edited_by == Some(user),
            facts,
            w,
            error,
        },
        status,
    )
}

fn facts(t: &Tr, w: &WarningRow, tz: &str) -> Vec<(String, String)> {
    let mut f = vec![
        (
            t.t("alerts-field-msg-type").into_owned(),
            model::vocab_label(t, "msgtype", &w.msg_type),
        ),
        (
            t.t("alerts-field-category").into_owned(),
            model::vocab_label(t, "category", &w.category),
        ),
        (t.t("alerts-field-event").into_owned(), w.event.clone()),
        (
            t.t("alerts-field-urgency").into_owned(),
            model::vocab_label(t, "urgency", &w.urgency),
        ),
        (
            t.t("alerts-field-severity").into_owned(),
            model::vocab_label(t, "severity", &w.severity),
        ),
        (
            t.t("alerts-field-certainty").into_owned(),
            model::vocab_label(t, "certainty", &w.certainty),
        ),
        (t.t("alerts-field-onset").into_owned(), local(w.onset, tz)),
        (
            t.t("alerts-field-expires").into_owned(),
            local(w.expires, tz),
        ),
        (t.t("alerts-field-area").into_owned(), w.area_desc.clone()),
    ];
    if let Some(s) = w.sent_at {
        f.push((t.t("alerts-field-sent").into_owned(), local(Some(s), tz)));
    }
    f
}

/// `GET /{tenant}/staff/warnings/{id}`: the preview in every language.
pub async fn staff_detail(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, Uuid)>,
) -> Result<Response, WebError> {
    staff_detail_page(&state, &ctx, id, None, StatusCode::OK).await
}

/// `POST /{tenant}/staff/warnings/{id}/publish`: where the tenant requires
/// it, only another account holding the permission may publish (approve).
pub async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, Uuid)>,
    CsrfForm(raw): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::PublishWarnings)?;
    let user = ctx.principal()?.user_id;
    let t = Tr::new(ctx.lang());
    // The revision the publisher saw: an edit since then voids the approval.
    let seen: Option<i32> = raw
        .iter()
        .find(|(k, _)| k == "revision")
        .and_then(|(_, v)| v.trim().parse().ok());
    let settings = store::settings(&state.db, tenant.id).await?;
    let districts = district_shapes(&state, &tenant).await?;
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let Some(w) = store::lock_warning(&mut tx, tenant.id, id).await? else {
        return Err(WebError::not_found());
    };
    let refuse = |key: &str, status| (t.t(key).into_owned(), status);
    let refused = if w.status != "draft" || w.origin != "own" {
        Some(refuse("alerts-error-not-draft", StatusCode::CONFLICT))
    } else if settings.require_approval && (w.created_by == Some(user) || w.edited_by == Some(user))
    {
        Some(refuse("alerts-error-second-person", StatusCode::FORBIDDEN))
    } else if seen != Some(w.revision) {
        Some(refuse("alerts-error-changed", StatusCode::CONFLICT))
    } else {
        None
    };
    if let Some((msg, status)) = refused {
        drop(tx);
        return staff_detail_page(&state, &ctx, id, Some(msg), status).await;
    }
    // One info per language, in the order of the tenant's languages.
    let texts = ordered(store::texts_tx(&mut tx, tenant.id, id).await?);
    let draft = draft_of(&w, &texts).ok_or_else(WebError::internal)?;
    let mut references = Vec::new();
    if let Some(earlier_id) = w.refers_to {
        let earlier = store::lock_warning(&mut tx, tenant.id, earlier_id)
            .await?
            .filter(|e| e.status == "published" && e.replaced_by.is_none());
        let Some(earlier) = earlier else {
            drop(tx);
            let msg = t.t("alerts-error-refers-to").into_owned();
            return staff_detail_page(&state, &ctx, id, Some(msg), StatusCode::CONFLICT).await;
        };
        let sent = earlier.sent_at.ok_or_else(WebError::internal)?;
        references.push(cap::Reference {
            sender: earlier.sender.clone(),
            identifier: earlier.identifier.clone(),
            sent: model::zoned(sent.0, &tenant.time_zone),
        });
        store::mark_replaced(&mut tx, tenant.id, earlier_id, id).await?;
    }
    let env = model::Envelope {
        identifier: w.identifier.clone(),
        sender: w.sender.clone(),
        // CAP times have whole seconds.
        sent: Timestamp::from_micros(now.0.timestamp() * 1_000_000)
            .map(|t| t.0)
            .unwrap_or(now.0),
        time_zone: &tenant.time_zone,
        sender_name: tenant.name.clone(),
        web: ctx.absolute_url(&state, &format!("/{}/alerts/{id}", tenant.slug)),
        references,
    };
    let alert = model::build_alert(&draft, &env, &districts)
        .map_err(|e| WebError::internal().with_detail(e.to_string()))?;
    let xml = cap::to_xml(&alert).map_err(|e| WebError::internal().with_detail(e.to_string()))?;
    let sent = Timestamp::truncated(env.sent);
    let approved_by = (w.created_by != Some(user) && w.edited_by != Some(user)).then_some(user);
    if !store::publish(&mut tx, tenant.id, id, w.revision, approved_by, sent, &xml).await? {
        return Err(WebError::new(
            StatusCode::CONFLICT,
            "alerts-error-not-draft",
        ));
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "warning.publish", "warning", id).details(serde_json::json!({
            "identifier": w.identifier,
            "msg_type": w.msg_type,
            "approved_by": approved_by,
            "author": w.created_by,
            "editor": w.edited_by,
            "revision": w.revision,
            "references": w.refers_to,
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/warnings/{id}", tenant.slug)).into_response())
}

#[derive(Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    require_approval: Option<String>,
    #[serde(default)]
    extra_languages: String,
}

/// `POST /{tenant}/staff/warnings/settings`
pub async fn save_settings(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<SettingsForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::PublishWarnings)?;
    let t = Tr::new(ctx.lang());
    let mut extra = Vec::new();
    let mut errors = FormErrors::new();
    for tag in form
        .extra_languages
        .split(|c: char| c.is_whitespace() || c == ',')
    {
        let tag = tag.trim().to_ascii_lowercase();
        if tag.is_empty() {
            continue;
        }
        if !cap::is_language_tag(&tag) || tag.len() > 20 {
            errors.add("extra_languages", t.t("alerts-error-lang"));
        } else if !model::BASE_LANGUAGES.contains(&tag.as_str()) && !extra.contains(&tag) {
            extra.push(tag);
        }
    }
    if extra.len() > 10 {
        errors.add("extra_languages", t.t("alerts-error-lang"));
    }
    if !errors.is_empty() {
        return staff_list_page(
            &state,
            &ctx,
            String::new(),
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let settings = store::Settings {
        require_approval: form.require_approval.is_some(),
        extra_languages: extra,
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    store::save_settings(&mut tx, tenant.id, &settings).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "warning.settings", "tenant", tenant.id.as_uuid()).details(
            serde_json::json!({
                "require_approval": settings.require_approval,
                "extra_languages": settings.extra_languages,
            }),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/warnings", tenant.slug)).into_response())
}

/// What an imported message is stored as, or why it is refused.
pub fn imported_row(
    alert: &cap::Alert,
    id: Uuid,
    now: Timestamp,
) -> Result<(WarningRow, Vec<TextRow>), &'static str> {
    if alert.status != cap::Status::Actual || alert.scope != cap::Scope::Public {
        return Err("alerts-import-error-not-public");
    }
    if !matches!(
        alert.msg_type,
        cap::MsgType::Alert | cap::MsgType::Update | cap::MsgType::Cancel
    ) {
        return Err("alerts-import-error-type");
    }
    let first = alert
        .infos
        .iter()
        .find(|i| i.language.to_ascii_lowercase().starts_with("de"))
        .or(alert.infos.first());
    let Some(first) = first else {
        return Err("alerts-import-error-no-info");
    };
    let mut texts: Vec<TextRow> = Vec::new();
    for i in &alert.infos {
        if texts
            .iter()
            .any(|t| t.lang.eq_ignore_ascii_case(&i.language))
        {
            continue;
        }
        texts.push(TextRow {
            lang: i.language.clone(),
            headline: i.headline.clone().unwrap_or_else(|| i.event.clone()),
            description: i.description.clone().unwrap_or_default(),
            instruction: i.instruction.clone().unwrap_or_default(),
        });
    }
    let ts =
        |t: Option<cap::Timestamp>| t.map(|t| Timestamp::truncated(t.with_timezone(&chrono::Utc)));
    let row = WarningRow {
        warning_id: id,
        origin: "import".into(),
        identifier: alert.identifier.clone(),
        sender: alert.sender.clone(),
        msg_type: alert.msg_type.as_str().into(),
        refers_to: None,
        replaced_by: None,
        status: "published".into(),
        category: first
            .categories
            .first()
            .map(|c| c.as_str())
            .unwrap_or("Other")
            .into(),
        event: first.event.clone(),
        urgency: first.urgency.as_str().into(),
        severity: first.severity.as_str().into(),
        certainty: first.certainty.as_str().into(),
        onset: ts(first.onset.or(first.effective).or(Some(alert.sent))),
        expires: ts(first.expires),
        area_desc: first
            .areas
            .iter()
            .map(|a| a.description.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        area_kind: "cap".into(),
        area_value: String::new(),
        languages: texts
            .iter()
            .map(|t| t.lang.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        created_by: None,
        created_at: now,
        approved_by: None,
        sent_at: ts(Some(alert.sent)),
        cap_xml: None,
        revision: 0,
        edited_by: None,
    };
    Ok((row, texts))
}

async fn import_refused(
    state: &AppState,
    ctx: &Ctx,
    msg: String,
    xml: String,
) -> Result<Response, WebError> {
    let mut errors = FormErrors::new();
    errors.add("xml", msg);
    staff_list_page(state, ctx, xml, errors, StatusCode::UNPROCESSABLE_ENTITY).await
}

/// `POST /{tenant}/staff/warnings/import`: a CAP message from outside (a
/// federal feed saved as a file, uploaded or pasted), shown beside ours once
/// it passes every check; refused with the reasons otherwise, and nothing
/// is stored.
pub async fn import(
    State(state): State<AppState>,
    ctx: Ctx,
    form: crate::platform::web::extract::CsrfMultipart,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::PublishWarnings)?;
    let t = Tr::new(ctx.lang());
    let user = ctx.principal()?.user_id;
    let refuse = |msg: String, xml: String| import_refused(&state, &ctx, msg, xml);
    let xml = match form.file("file") {
        Some(upload) => match String::from_utf8(upload.bytes.clone()) {
            Ok(text) => text,
            Err(_) => {
                return refuse(t.t("alerts-import-error-utf8").into_owned(), String::new()).await
            }
        },
        None => form.text("xml").to_owned(),
    };
    // A byte-order mark is allowed before the declaration.
    let xml = xml.trim_start_matches('\u{feff}').trim().to_owned();
    if xml.is_empty() || xml.len() > MAX_IMPORT {
        return refuse(t.t("alerts-import-error-empty").into_owned(), String::new()).await;
    }
    let alert = match cap::parse(&xml) {
        Ok(a) => a,
        Err(problems) => {
            let msg = t.t1(
                "alerts-import-error-invalid",
                "problems",
                problems.to_string(),
            );
            return refuse(msg, xml).await;
        }
    };
    let id = Uuid::now_v7();
    let now = state.clock.now_ts();
    let (mut row, texts) = match imported_row(&alert, id, now) {
        Ok(r) => r,
        Err(key) => return refuse(t.t(key).into_owned(), xml).await,
    };
    row.cap_xml = Some(xml.clone());
    row.created_by = Some(user);
    let mut tx = state.db.begin().await?;
    if store::identifier_taken(&mut tx, tenant.id, &alert.sender, &alert.identifier)
        .await?
        .is_some()
    {
        drop(tx);
        return refuse(t.t("alerts-import-error-duplicate").into_owned(), xml).await;
    }
    for r in &alert.references {
        if let Some(earlier) =
            store::identifier_taken(&mut tx, tenant.id, &r.sender, &r.identifier).await?
        {
            row.refers_to = Some(earlier);
            store::mark_replaced(&mut tx, tenant.id, earlier, id).await?;
        }
    }
    store::insert_warning(&mut tx, tenant.id, &row).await?;
    for text in &texts {
        store::insert_text(&mut tx, tenant.id, id, text).await?;
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "warning.import", "warning", id).details(serde_json::json!({
            "sender": alert.sender,
            "identifier": alert.identifier,
            "msg_type": row.msg_type,
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/warnings/{id}", tenant.slug)).into_response())
}

// ---- public --------------------------------------------------------------

pub struct PublicLine {
    pub id: Uuid,
    pub headline: String,
    pub html_lang: String,
    pub severity: String,
    pub sent: String,
    pub source_key: &'static str,
    pub status_key: String,
}

#[derive(Template)]
#[template(path = "public_info/alerts.html")]
struct PublicList {
    page: PageCtx,
    current: Vec<PublicLine>,
    past: Vec<PublicLine>,
}

/// Whether a published warning is in force now.
pub fn is_current(w: &WarningRow, now: chrono::DateTime<chrono::Utc>) -> bool {
    w.replaced_by.is_none() && w.msg_type != "Cancel" && w.expires.is_none_or(|e| e.0 > now)
}

/// `GET /{tenant}/alerts`
pub async fn public_list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let now = state.clock.now();
    let (mut current, mut past) = (Vec::new(), Vec::new());
    for w in store::published(&state.db, tenant.id, 200).await? {
        let texts = store::texts(&state.db, tenant.id, w.warning_id).await?;
        let text = pick(&texts, ctx.lang().tag());
        let line = PublicLine {
            id: w.warning_id,
            headline: text
                .map(|t| t.headline.clone())
                .unwrap_or_else(|| w.event.clone()),
            html_lang: text
                .map(|t| model::html_lang(&t.lang).to_owned())
                .unwrap_or_else(|| "de".into()),
            severity: model::vocab_label(&t, "severity", &w.severity),
            sent: local(w.sent_at, &tenant.time_zone),
            source_key: if w.origin == "import" {
                "alerts-origin-import"
            } else {
                "alerts-origin-own"
            },
            status_key: if w.msg_type == "Cancel" {
                "alerts-status-cancel".into()
            } else {
                status_key(&w)
            },
        };
        if is_current(&w, now) {
            current.push(line);
        } else {
            past.push(line);
        }
    }
    page::ok(&PublicList {
        page: PageCtx::new(&ctx, "alerts-title"),
        current,
        past,
    })
}

pub struct TextLink {
    pub name: String,
    pub html_lang: String,
    pub href: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "public_info/alert.html")]
struct PublicItem {
    page: PageCtx,
    w: WarningRow,
    text: PreviewText,
    facts: Vec<(String, String)>,
    links: Vec<TextLink>,
    current: bool,
    replaced_by: Option<Uuid>,
    map: Option<super::area_map::AreaMap>,
}

/// The CAP areas of a warning: from its CAP document once published (ours
/// and imported alike), else from the draft's area.
pub fn cap_areas(w: &WarningRow, shapes: &[DistrictShape]) -> Vec<cap::Area> {
    if let Some(Ok(alert)) = w.cap_xml.as_deref().map(cap::parse) {
        return alert
            .infos
            .into_iter()
            .next()
            .map(|i| i.areas)
            .unwrap_or_default();
    }
    model::AreaChoice::parse(&w.area_kind, &w.area_value)
        .map(|a| vec![model::cap_area(&a, &w.area_desc, shapes)])
        .unwrap_or_default()
}

async fn warning_map(
    state: &AppState,
    tenant: &Tenant,
    w: &WarningRow,
) -> Result<Option<super::area_map::AreaMap>, WebError> {
    let shapes = district_shapes(state, tenant).await?;
    let districts = store::districts(&state.db, tenant.id).await?;
    Ok(super::area_map::area_map(
        &cap_areas(w, &shapes),
        &districts,
    ))
}

#[derive(Deserialize, Default)]
pub struct ItemQuery {
    /// A language of the warning that the platform itself does not speak.
    #[serde(default)]
    text: Option<String>,
}

/// `GET /{tenant}/alerts/{id}` (page) and `GET /{tenant}/alerts/{id}.cap.xml`.
pub async fn public_item(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, file)): Path<(String, String)>,
    Query(q): Query<ItemQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let (raw_id, xml) = match file.strip_suffix(".cap.xml") {
        Some(id) => (id, true),
        None => (file.as_str(), false),
    };
    let id = Uuid::parse_str(raw_id).map_err(|_| WebError::not_found())?;
    let w = store::warning(&state.db, tenant.id, id)
        .await?
        .filter(|w| w.status == "published")
        .ok_or_else(WebError::not_found)?;
    if xml {
        let body = w.cap_xml.clone().ok_or_else(WebError::not_found)?;
        return Ok((
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/cap+xml; charset=utf-8"),
                ),
                (
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=60"),
                ),
            ],
            body,
        )
            .into_response());
    }
    let t = Tr::new(ctx.lang());
    let texts = store::texts(&state.db, tenant.id, id).await?;
    let wanted = q
        .text
        .as_deref()
        .filter(|l| texts.iter().any(|t| t.lang == *l))
        .unwrap_or(ctx.lang().tag())
        .to_owned();
    let chosen = pick(&texts, &wanted).cloned();
    let all = previews(&w, texts.clone());
    let text = match chosen.and_then(|c| all.iter().position(|p| p.lang == c.lang)) {
        Some(i) => all.into_iter().nth(i),
        None => all.into_iter().next(),
    }
    .ok_or_else(WebError::not_found)?;
    let links = ordered(texts)
        .into_iter()
        .map(|tx| {
            let href = match Lang::parse(&tx.lang) {
                Some(l) => format!("/{}/alerts/{id}?lang={}", tenant.slug, l.tag()),
                None => format!("/{}/alerts/{id}?text={}", tenant.slug, tx.lang),
            };
            TextLink {
                name: model::language_name(&tx.lang),
                html_lang: model::html_lang(&tx.lang).to_owned(),
                current: tx.lang == text.lang,
                href,
            }
        })
        .collect();
    let now = state.clock.now();
    let map = warning_map(&state, tenant, &w).await?;
    page::ok(&PublicItem {
        map,
        page: PageCtx::new(&ctx, "alerts-item-title"),
        facts: facts(&t, &w, &tenant.time_zone),
        current: is_current(&w, now),
        replaced_by: w.replaced_by,
        text,
        links,
        w,
    })
}

/// `GET /{tenant}/alerts.atom`: the index of published warnings, each entry
/// linking to its CAP document (as CAP feeds do) and its page.
pub async fn feed(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    use atom_syndication::{Entry as AtomEntry, Feed, Link, Person, Text};
    let tenant = ctx.tenant()?;
    let t = Tr::new(Lang::De);
    let base = ctx.absolute_url(&state, &format!("/{}", tenant.slug));
    let warnings = store::published(&state.db, tenant.id, 100).await?;
    let updated = warnings
        .iter()
        .filter_map(|w| w.sent_at)
        .map(|s| s.0)
        .max()
        .unwrap_or(chrono::DateTime::UNIX_EPOCH);
    let mut entries = Vec::new();
    for w in &warnings {
        let texts = store::texts(&state.db, tenant.id, w.warning_id).await?;
        let text = pick(&texts, "de");
        let sent = w.sent_at.map(|s| s.0).unwrap_or(updated);
        let mut title = Text::plain(
            text.map(|t| t.headline.clone())
                .unwrap_or_else(|| w.event.clone()),
        );
        title.lang = text.map(|t| t.lang.clone());
        let mut entry = AtomEntry::default();
        entry.set_id(format!("urn:uuid:{}", w.warning_id));
        entry.set_title(title);
        entry.set_updated(sent.fixed_offset());
        entry.set_published(Some(sent.fixed_offset()));
        entry.set_summary(Some(Text::plain(format!("{} – {}", w.event, w.area_desc))));
        entry.set_links(vec![
            Link {
                href: format!("{base}/alerts/{}.cap.xml", w.warning_id),
                rel: "alternate".to_owned(),
                mime_type: Some("application/cap+xml".to_owned()),
                ..Default::default()
            },
            Link {
                href: format!("{base}/alerts/{}", w.warning_id),
                rel: "related".to_owned(),
                mime_type: Some("text/html".to_owned()),
                ..Default::default()
            },
        ]);
        entries.push(entry);
    }
    let mut feed = Feed::default();
    feed.set_id(format!("{base}/alerts.atom"));
    feed.set_title(Text::plain(t.t1("alerts-feed-title", "city", &tenant.name)));
    feed.set_updated(updated.fixed_offset());
    feed.set_lang(Some("de".to_owned()));
    feed.set_authors(vec![Person {
        name: tenant.name.clone(),
        ..Default::default()
    }]);
    feed.set_links(vec![
        Link {
            href: format!("{base}/alerts.atom"),
            rel: "self".to_owned(),
            mime_type: Some("application/atom+xml".to_owned()),
            ..Default::default()
        },
        Link {
            href: format!("{base}/alerts"),
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
                HeaderValue::from_static("public, max-age=60"),
            ),
        ],
        feed.to_string(),
    )
        .into_response())
}
