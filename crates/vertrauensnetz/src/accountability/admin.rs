//! The administrator's page: rule switches, review deadline, retention
//! period, report publication, and the designations of supervisors and
//! follow-up managers.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::model::Rules;
use super::{store, Fields, ATTACK_MANAGER, SUPERVISOR};
use crate::platform::audit::{self, Entry};
use crate::platform::auth::{store as auth_store, Permission, Role};
use crate::platform::web::extract::CsrfForm;
use crate::platform::web::page::{self, PageCtx};
use crate::platform::web::{AppState, Ctx, WebError};

pub struct DesignationLine {
    pub user: String,
    pub name: String,
    pub login: String,
    pub what: String,
    pub designation: String,
    pub agency: String,
}

#[derive(Template)]
#[template(path = "accountability/admin.html")]
struct AdminPage {
    page: PageCtx,
    rules: Rules,
    designations: Vec<DesignationLine>,
    saved: bool,
}

#[derive(serde::Deserialize, Default)]
pub struct SavedQuery {
    #[serde(default)]
    saved: String,
}

/// `GET /{tenant}/admin/accountability`.
pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<SavedQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.id;
    let page = PageCtx::new(&ctx, "acc-admin-title");
    let designations = store::designations(&state.db, tenant)
        .await?
        .into_iter()
        .map(|d| DesignationLine {
            user: d.user_id.to_string(),
            name: d.display_name,
            login: d.login,
            what: format!(
                "{} ({})",
                super::label(&page.t, "acc-designation", &d.designation),
                super::label(&page.t, "acc-agency", &d.agency)
            ),
            designation: d.designation,
            agency: d.agency,
        })
        .collect();
    page::ok(&AdminPage {
        rules: store::rules(&state.db, tenant).await?,
        page,
        designations,
        saved: q.saved == "1",
    })
}

/// `POST /{tenant}/admin/accountability/rules`.
pub async fn save_rules(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let f = Fields(pairs);
    let hours = f.number("review_hours").unwrap_or(72);
    let days = f.number("retention_days").unwrap_or(14);
    if !(1..=24 * 30).contains(&hours) || !(1..=3650).contains(&days) {
        return Err(WebError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "acc-error-rule-number",
        ));
    }
    let rules = Rules {
        bodycam_baton_drawn: f.flag("bodycam_baton_drawn"),
        bodycam_baton_used: f.flag("bodycam_baton_used"),
        bodycam_pepper_spray: f.flag("bodycam_pepper_spray"),
        bodycam_order_to_leave: f.flag("bodycam_order_to_leave"),
        review_required: f.flag("review_required"),
        review_hours: hours,
        retention_days: days,
        report_public: f.flag("report_public"),
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    store::save_rules(&mut tx, tenant.id, &rules, now).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            ctx.staff_actor(Permission::ConfigureAccountability)?,
            "accountability.rules",
            "tenant",
            tenant.id,
        )
        .details(serde_json::to_value(rules).unwrap_or_default()),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!(
        "/{}/admin/accountability?saved=1",
        tenant.slug.as_str()
    ))
    .into_response())
}

/// `POST /{tenant}/admin/accountability/designations`: `login`,
/// `designation` (`supervisor` or `attack_manager`), `agency` (`police`
/// or `kod` for supervisors), `remove=true` to withdraw.
pub async fn designate(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let f = Fields(pairs);
    let bad = || WebError::new(StatusCode::UNPROCESSABLE_ENTITY, "acc-error-designation");
    let login = f.get("login").trim().to_owned();
    let designation = f.get("designation");
    let (designation, agency, needed) = match designation.as_str() {
        SUPERVISOR => match f.get("agency").as_str() {
            "police" => (SUPERVISOR, "police", Role::Police),
            "kod" => (SUPERVISOR, "kod", Role::Kod),
            _ => return Err(bad()),
        },
        ATTACK_MANAGER => (ATTACK_MANAGER, "all", Role::Department),
        _ => return Err(bad()),
    };
    let user = auth_store::user_by_login(&state.db, &login)
        .await?
        .map(|u| u.user_id)
        .ok_or_else(bad)?;
    let roles: Vec<Role> = auth_store::grants(&state.db, user)
        .await?
        .into_iter()
        .filter(|(t, _)| *t == tenant.id)
        .map(|(_, r)| r)
        .collect();
    let remove = f.flag("remove");
    if !remove && !roles.contains(&needed) {
        return Err(bad());
    }
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    if remove {
        store::undesignate(&mut tx, tenant.id, user, designation, agency).await?;
    } else {
        store::designate(&mut tx, tenant.id, user, designation, agency, now).await?;
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            ctx.staff_actor(Permission::ConfigureAccountability)?,
            if remove {
                "accountability.undesignate"
            } else {
                "accountability.designate"
            },
            "user",
            user,
        )
        .details(serde_json::json!({ "designation": designation, "agency": agency })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!(
        "/{}/admin/accountability?saved=1",
        tenant.slug.as_str()
    ))
    .into_response())
}
