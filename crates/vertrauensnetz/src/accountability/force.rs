//! The use-of-force register: phone-first entry form and API, the
//! officer's own list, a record's page, the supervisor's review and the
//! supervisors' list of open reviews and rule violations.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use chrono::Duration;
use uuid::Uuid;

use super::model::{self, CheckInput, ForceInput, Rules, Violation};
use super::{store, Choice, Created, Fields};
use crate::platform::audit::{self, Entry};
use crate::platform::auth::Permission;
use crate::platform::db::Timestamp;
use crate::platform::i18n::Tr;
use crate::platform::web::extract::{ApiJson, CsrfForm};
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

/// The violations of a stored record under `rules` now.
pub fn violations(r: &store::ForceRow, rules: &Rules, now: Timestamp) -> Vec<Violation> {
    model::check(
        &CheckInput {
            kind: &r.kind,
            order_to_leave: r.order_to_leave,
            bodycam_on: r.bodycam_on,
            occurred_at: r.occurred_at.0,
            reviewed_at: r.reviewed_at.map(|t| t.0),
        },
        rules,
        now.0,
    )
}

/// A record in a list.
pub struct Line {
    pub id: String,
    pub reference: String,
    pub when: String,
    pub kind: String,
    pub place: String,
    pub reviewed: bool,
    pub violations: Vec<String>,
}

fn line(t: &Tr, tz: &str, r: &store::ForceRow, rules: &Rules, now: Timestamp) -> Line {
    Line {
        id: r.record_id.to_string(),
        reference: r.reference.clone(),
        when: model::local(r.occurred_at.0, tz, "%d.%m.%Y %H:%M"),
        kind: super::label(t, "acc-kind", &r.kind),
        place: if r.district.is_empty() {
            r.place.clone()
        } else {
            format!("{}, {}", r.place, r.district)
        },
        reviewed: r.reviewed_at.is_some(),
        violations: violations(r, rules, now)
            .into_iter()
            .map(|v| t.t(v.key()).into_owned())
            .collect(),
    }
}

#[derive(Template)]
#[template(path = "accountability/force_list.html")]
struct ListPage {
    page: PageCtx,
    lines: Vec<Line>,
    supervisor: bool,
}

/// `GET /{tenant}/staff/force`: the officer's own records.
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let p = ctx.principal()?;
    let rules = store::rules(&state.db, tenant.id).await?;
    let now = state.clock.now_ts();
    let page = PageCtx::new(&ctx, "acc-force-title");
    let lines = store::force_by(&state.db, tenant.id, p.user_id)
        .await?
        .iter()
        .map(|r| line(&page.t, &tenant.time_zone, r, &rules, now))
        .collect();
    let supervisor = !super::supervised(&state, &ctx).await?.is_empty();
    Ok(super::no_store(page::ok(&ListPage {
        page,
        lines,
        supervisor,
    })?))
}

#[derive(Template)]
#[template(path = "accountability/force_form.html")]
struct FormPage {
    page: PageCtx,
    errors: FormErrors,
    form: ForceInput,
    kinds: Vec<Choice>,
    districts: Vec<String>,
    max_time: String,
}

impl FormPage {
    fn affected(&self) -> String {
        self.form
            .persons_affected
            .map(|n| n.to_string())
            .unwrap_or_default()
    }
    fn injured(&self) -> String {
        self.form
            .persons_injured
            .map(|n| n.to_string())
            .unwrap_or_default()
    }
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    form: ForceInput,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let page = PageCtx::new(ctx, "acc-force-new-title");
    let kinds = super::choices(&page.t, "acc-kind", &model::FORCE_KINDS);
    let tpl = FormPage {
        max_time: model::local(state.clock.now(), &tenant.time_zone, "%Y-%m-%dT%H:%M"),
        districts: super::district_names(state, tenant.id).await?,
        page,
        errors,
        form,
        kinds,
    };
    Ok(super::no_store(page::render(&tpl, status)?))
}

/// `GET /{tenant}/staff/force/new`.
pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tz = ctx.tenant()?.time_zone.clone();
    let form = ForceInput {
        occurred_at: model::local(state.clock.now(), &tz, "%Y-%m-%dT%H:%M"),
        ..ForceInput::default()
    };
    form_page(&state, &ctx, form, FormErrors::new(), StatusCode::OK).await
}

fn from_fields(f: &Fields) -> ForceInput {
    ForceInput {
        kind: f.get("kind"),
        occurred_at: f.get("occurred_at"),
        district: f.get("district"),
        place: f.get("place"),
        circumstances: f.get("circumstances"),
        persons_affected: f.number("persons_affected"),
        persons_injured: f.number("persons_injured"),
        medical_aid: f.flag("medical_aid"),
        own_injuries: f.flag("own_injuries"),
        warning_given: f.flag("warning_given"),
        order_to_leave: f.flag("order_to_leave"),
        bodycam_on: f.flag("bodycam_on"),
        witnesses: f.get("witnesses"),
        patrol_ref: f.get("patrol_ref"),
        stop_receipt: f.get("stop_receipt"),
    }
}

/// Stores a validated record with its audit entry.
async fn store_record(
    state: &AppState,
    ctx: &Ctx,
    input: &ForceInput,
) -> Result<Result<(Uuid, String, Vec<Violation>), Vec<model::Problem>>, WebError> {
    let tenant = ctx.tenant()?;
    let p = ctx.principal()?;
    let agency = super::agency_of(p, tenant.id).ok_or_else(WebError::forbidden)?;
    let districts = super::district_names(state, tenant.id).await?;
    let now = state.clock.now_ts();
    let facts = match input.validate(&tenant.time_zone, now.0, &districts) {
        Ok(f) => f,
        Err(p) => return Ok(Err(p)),
    };
    let rules = store::rules(&state.db, tenant.id).await?;
    let violations = model::check(
        &CheckInput {
            kind: facts.kind,
            order_to_leave: facts.order_to_leave,
            bodycam_on: facts.bodycam_on,
            occurred_at: facts.occurred_at,
            reviewed_at: None,
        },
        &rules,
        now.0,
    );
    let id = Uuid::now_v7();
    let reference = super::reference("UZ");
    let mut tx = state.db.begin().await?;
    store::insert_force(
        &mut tx, tenant.id, id, &reference, agency, &facts, p.user_id, now,
    )
    .await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            ctx.staff_actor(Permission::RecordForce)?,
            "force.record",
            "force_record",
            id,
        )
        .details(serde_json::json!({
            "kind": facts.kind,
            "agency": agency,
            "bodycam_on": facts.bodycam_on,
            "violations": violations.iter().map(|v| v.as_str()).collect::<Vec<_>>(),
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(Ok((id, reference, violations)))
}

/// `POST /{tenant}/staff/force/new`.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let input = from_fields(&Fields(pairs));
    match store_record(&state, &ctx, &input).await? {
        Ok((id, _, _)) => Ok(Redirect::to(&format!(
            "/{}/staff/force/{id}?saved=1",
            ctx.tenant()?.slug.as_str()
        ))
        .into_response()),
        Err(problems) => {
            let errors = super::form_errors(&Tr::new(ctx.lang()), &problems);
            form_page(
                &state,
                &ctx,
                input,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

/// Record a use of force.
#[utoipa::path(
    post,
    path = "/api/v1/{tenant}/force-records",
    params(("tenant" = String, Path, description = "Tenant slug")),
    request_body = ForceInput,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Recorded; `violations` lists rules the record breaks", body = Created),
        (status = 401, description = "No or an invalid token", body = crate::platform::web::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not police or order service on this tenant", body = crate::platform::web::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid record (future time, unknown kind, missing time …); nothing stored", body = crate::platform::web::error::Problem, content_type = "application/problem+json")
    )
)]
pub async fn api_create(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(input): ApiJson<ForceInput>,
) -> Result<Response, WebError> {
    match store_record(&state, &ctx, &input).await? {
        Ok((id, reference, violations)) => {
            let mut res = (
                StatusCode::CREATED,
                Json(Created {
                    id,
                    reference,
                    violations: violations.iter().map(|v| v.as_str().to_owned()).collect(),
                }),
            )
                .into_response();
            if let Ok(v) = HeaderValue::from_str(&format!(
                "/{}/staff/force/{id}",
                ctx.tenant()?.slug.as_str()
            )) {
                res.headers_mut().insert(header::LOCATION, v);
            }
            Ok(res)
        }
        Err(problems) => Err(super::api_problems(&Tr::new(ctx.lang()), &problems)),
    }
}

#[derive(Template)]
#[template(path = "accountability/force_show.html")]
struct ShowPage {
    page: PageCtx,
    r: store::ForceRow,
    line: Line,
    when: String,
    reviewed_when: String,
    can_review: bool,
    saved: bool,
    yes: String,
    no: String,
}

impl ShowPage {
    fn yn<B: std::borrow::Borrow<bool>>(&self, b: B) -> &str {
        if *b.borrow() {
            &self.yes
        } else {
            &self.no
        }
    }
}

#[derive(serde::Deserialize, Default)]
pub struct SavedQuery {
    #[serde(default)]
    saved: String,
}

/// `GET /{tenant}/staff/force/{id}`: the author's own record, or any
/// record of an agency the viewer supervises.
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    axum::extract::Query(q): axum::extract::Query<SavedQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let p = ctx.principal()?;
    let id = super::parse_id(&id)?;
    let r = store::force_record(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let supervised = super::supervised(&state, &ctx).await?;
    let supervises = supervised.contains(&r.agency);
    if r.recorded_by != p.user_id && !supervises {
        return Err(WebError::not_found());
    }
    let rules = store::rules(&state.db, tenant.id).await?;
    let now = state.clock.now_ts();
    let page = PageCtx::new(&ctx, "acc-force-record-title");
    let line = line(&page.t, &tenant.time_zone, &r, &rules, now);
    let tpl = ShowPage {
        when: model::local(r.occurred_at.0, &tenant.time_zone, "%d.%m.%Y %H:%M"),
        reviewed_when: r
            .reviewed_at
            .map(|t| model::local(t.0, &tenant.time_zone, "%d.%m.%Y %H:%M"))
            .unwrap_or_default(),
        can_review: supervises && r.reviewed_at.is_none() && r.recorded_by != p.user_id,
        saved: q.saved == "1",
        yes: page.t.t("acc-yes").into_owned(),
        no: page.t.t("acc-no").into_owned(),
        page,
        line,
        r,
    };
    Ok(super::no_store(page::ok(&tpl)?))
}

/// `POST /{tenant}/staff/force/{id}/review`: a designated supervisor of
/// the record's agency reviews it (once; not their own record).
pub async fn review(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let p = ctx.principal()?;
    let supervised = super::require_supervisor(&state, &ctx).await?;
    let id = super::parse_id(&id)?;
    let r = store::force_record(&state.db, tenant.id, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    if !supervised.contains(&r.agency) {
        return Err(WebError::not_found());
    }
    if r.recorded_by == p.user_id {
        return Err(WebError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "acc-error-own-review",
        ));
    }
    let comment = Fields(pairs).get("comment").trim().to_owned();
    if comment.chars().count() > 5000 {
        return Err(WebError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "acc-error-too-long",
        ));
    }
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    if !store::review_force(&mut tx, tenant.id, id, p.user_id, &comment, now).await? {
        return Err(WebError::new(
            StatusCode::CONFLICT,
            "acc-error-already-reviewed",
        ));
    }
    let late = now.0
        > r.occurred_at.0 + Duration::hours(store::rules(&state.db, tenant.id).await?.review_hours);
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            ctx.staff_actor(Permission::ReviewForce)?,
            "force.review",
            "force_record",
            id,
        )
        .details(serde_json::json!({ "late": late, "commented": !comment.is_empty() })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!(
        "/{}/staff/force/{id}?saved=1",
        tenant.slug.as_str()
    ))
    .into_response())
}

#[derive(Template)]
#[template(path = "accountability/reviews.html")]
struct ReviewsPage {
    page: PageCtx,
    open: Vec<Line>,
    flagged: Vec<Line>,
    agencies: String,
}

/// `GET /{tenant}/staff/force-reviews`: records of the supervised agencies
/// of the last year awaiting review, and every record breaking a rule.
pub async fn reviews(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let agencies = super::require_supervisor(&state, &ctx).await?;
    let rules = store::rules(&state.db, tenant.id).await?;
    let now = state.clock.now_ts();
    let since = Timestamp::truncated(now.0 - Duration::days(366));
    let rows = store::force_of_agencies(&state.db, tenant.id, &agencies, since).await?;
    let page = PageCtx::new(&ctx, "acc-reviews-title");
    let lines: Vec<Line> = rows
        .iter()
        .map(|r| line(&page.t, &tenant.time_zone, r, &rules, now))
        .collect();
    let open = lines
        .iter()
        .filter(|l| !l.reviewed)
        .map(clone_line)
        .collect();
    let flagged = lines
        .into_iter()
        .filter(|l| !l.violations.is_empty())
        .collect();
    let agencies = agencies
        .iter()
        .map(|a| super::label(&page.t, "acc-agency", a))
        .collect::<Vec<_>>()
        .join(", ");
    Ok(super::no_store(page::ok(&ReviewsPage {
        page,
        open,
        flagged,
        agencies,
    })?))
}

fn clone_line(l: &Line) -> Line {
    Line {
        id: l.id.clone(),
        reference: l.reference.clone(),
        when: l.when.clone(),
        kind: l.kind.clone(),
        place: l.place.clone(),
        reviewed: l.reviewed,
        violations: l.violations.clone(),
    }
}
