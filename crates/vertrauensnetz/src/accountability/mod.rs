//! Accountability of force and bodycams (issue 9): the use-of-force
//! register with supervisor reviews, bodycam activations (metadata only)
//! with their deletion after the retention period, a tenant-configurable
//! rule set checked on every record, the committee's quarterly and yearly
//! report (HTML with SVG charts, PDF, JSON), and the reporting system for
//! attacks on order-service, police and rescue staff with triage,
//! follow-up and prefilled criminal-complaint and accident-report PDFs.
//!
//! There is no supervisor role: supervisors of an agency and follow-up
//! managers are designations inside existing roles (`acc_designations`,
//! managed by `admin`), checked in the handlers.

pub mod admin;
pub mod attacks;
pub mod bodycam;
pub mod demo;
pub mod force;
pub mod model;
pub mod pdf;
pub mod report;
pub mod store;

use axum::http::Method;
use uuid::Uuid;

use crate::platform::auth::{Permission, Principal, Role};
use crate::platform::tenants::TenantId;
use crate::platform::web::{Access, AppState, Ctx, Routes, WebError};

pub fn routes(r: &mut Routes) {
    let record = Access::Permission(Permission::RecordForce);
    let review = Access::Permission(Permission::ReviewForce);
    r.add(Method::GET, "/{tenant}/staff/force", record, force::list);
    r.add(
        Method::GET,
        "/{tenant}/staff/force/new",
        record,
        force::new_form,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/force/new",
        record,
        force::create,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/force/{id}",
        record,
        force::show,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/force/{id}/review",
        review,
        force::review,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/force-reviews",
        review,
        force::reviews,
    );
    r.add(
        Method::POST,
        "/api/v1/{tenant}/force-records",
        record,
        force::api_create,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/bodycam/new",
        record,
        bodycam::new_form,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/bodycam/new",
        record,
        bodycam::create,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/bodycam",
        review,
        bodycam::list,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/bodycam/{id}/evidence",
        review,
        bodycam::evidence,
    );
    r.add(
        Method::POST,
        "/api/v1/{tenant}/bodycam-activations",
        record,
        bodycam::api_create,
    );
    let configure = Access::Permission(Permission::ConfigureAccountability);
    r.add(
        Method::GET,
        "/{tenant}/admin/accountability",
        configure,
        admin::page,
    );
    r.add(
        Method::POST,
        "/{tenant}/admin/accountability/rules",
        configure,
        admin::save_rules,
    );
    r.add(
        Method::POST,
        "/{tenant}/admin/accountability/designations",
        configure,
        admin::designate,
    );
    let committee = Access::Permission(Permission::ReadCommitteeReport);
    r.add(
        Method::GET,
        "/{tenant}/staff/committee-reports",
        committee,
        report::index,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/committee-reports/{file}",
        committee,
        report::staff_file,
    );
    r.add(
        Method::GET,
        "/api/v1/{tenant}/committee-reports/{file}",
        committee,
        report::api_file,
    );
    r.add(
        Method::GET,
        "/{tenant}/committee-reports/{file}",
        Access::Public,
        report::public_file,
    );
    let attack = Access::Permission(Permission::ReportAttack);
    r.add(
        Method::GET,
        "/{tenant}/staff/attacks",
        attack,
        attacks::list,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/attacks/new",
        attack,
        attacks::new_form,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/attacks/new",
        attack,
        attacks::create,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/attacks/{id}",
        attack,
        attacks::show,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/attacks/{id}/{file}",
        attack,
        attacks::document,
    );
    r.add(
        Method::POST,
        "/api/v1/{tenant}/attack-reports",
        attack,
        attacks::api_create,
    );
    let triage = Access::Permission(Permission::TriageAttacks);
    r.add(
        Method::GET,
        "/{tenant}/staff/attack-triage",
        triage,
        attacks::triage_list,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/attack-triage/{id}",
        triage,
        attacks::triage,
    );
    let manage = Access::Permission(Permission::ManageAttackFollowUp);
    r.add(
        Method::GET,
        "/{tenant}/staff/attack-followup",
        manage,
        attacks::followup_list,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/attack-followup/{id}",
        manage,
        attacks::followup_page,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/attack-followup/{id}",
        manage,
        attacks::followup_save,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/attack-statistics",
        Access::Permission(Permission::ReadAttackStatistics),
        attacks::statistics,
    );
}

/// The module's part of the API document.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(
        force::api_create,
        bodycam::api_create,
        attacks::api_create,
        report::api_file
    ),
    components(schemas(
        model::ForceInput,
        model::BodycamInput,
        model::AttackInput,
        Created,
        report::Report,
        report::Row,
        report::Headline
    ))
)]
pub struct AccountabilityApi;

/// The answer to a successful `POST`.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Created {
    pub id: Uuid,
    /// The human reference, e.g. `UZ-3F9A2C`.
    pub reference: String,
    /// Rules the record breaks (force records only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub violations: Vec<String>,
}

/// The module's entries on the staff page.
pub fn nav() -> Vec<crate::platform::web::page::NavLink> {
    use crate::platform::web::page::{Audience, NavLink};
    let staff = |path, title_key, summary_key, p| NavLink {
        path,
        title_key,
        summary_key,
        audience: Audience::Staff(p),
    };
    vec![
        staff(
            "staff/force",
            "acc-force-title",
            "acc-force-summary",
            Permission::RecordForce,
        ),
        staff(
            "staff/force-reviews",
            "acc-reviews-title",
            "acc-reviews-summary",
            Permission::ReviewForce,
        ),
        staff(
            "staff/bodycam",
            "acc-bodycam-list-title",
            "acc-bodycam-list-summary",
            Permission::ReviewForce,
        ),
        staff(
            "staff/attacks",
            "acc-attacks-title",
            "acc-attacks-summary",
            Permission::ReportAttack,
        ),
        staff(
            "staff/attack-triage",
            "acc-triage-title",
            "acc-triage-summary",
            Permission::TriageAttacks,
        ),
        staff(
            "staff/attack-followup",
            "acc-followup-title",
            "acc-followup-summary",
            Permission::ManageAttackFollowUp,
        ),
        staff(
            "staff/attack-statistics",
            "acc-attack-stats-title",
            "acc-attack-stats-summary",
            Permission::ReadAttackStatistics,
        ),
        staff(
            "staff/committee-reports",
            "acc-reports-title",
            "acc-reports-summary",
            Permission::ReadCommitteeReport,
        ),
        staff(
            "admin/accountability",
            "acc-admin-title",
            "acc-admin-summary",
            Permission::ConfigureAccountability,
        ),
    ]
}

pub const SUPERVISOR: &str = "supervisor";
pub const ATTACK_MANAGER: &str = "attack_manager";

/// The agency a recording principal acts for: police or the order service.
pub fn agency_of(p: &Principal, tenant: TenantId) -> Option<&'static str> {
    if p.has_role_on(tenant, Role::Police) {
        Some("police")
    } else if p.has_role_on(tenant, Role::Kod) {
        Some("kod")
    } else {
        None
    }
}

/// The agencies the signed-in person supervises (empty: none).
pub async fn supervised(state: &AppState, ctx: &Ctx) -> Result<Vec<String>, WebError> {
    let tenant = ctx.tenant()?.id;
    let p = ctx.principal()?;
    let agencies = store::designated(&state.db, tenant, p.user_id, SUPERVISOR).await?;
    Ok(agencies
        .into_iter()
        .filter(|a| {
            (a == "police" && p.has_role_on(tenant, Role::Police))
                || (a == "kod" && p.has_role_on(tenant, Role::Kod))
        })
        .collect())
}

/// The supervised agencies, or 403 for a person designated for none.
pub async fn require_supervisor(state: &AppState, ctx: &Ctx) -> Result<Vec<String>, WebError> {
    let a = supervised(state, ctx).await?;
    if a.is_empty() {
        return Err(WebError::forbidden().with_detail("not designated as a supervisor"));
    }
    Ok(a)
}

/// 403 unless the signed-in person is a designated follow-up manager.
pub async fn require_manager(state: &AppState, ctx: &Ctx) -> Result<(), WebError> {
    let tenant = ctx.tenant()?.id;
    let p = ctx.principal()?;
    if store::designated(&state.db, tenant, p.user_id, ATTACK_MANAGER)
        .await?
        .is_empty()
    {
        return Err(WebError::forbidden().with_detail("not designated as follow-up manager"));
    }
    Ok(())
}

/// A short human reference with a prefix, e.g. `UZ-3F9A2C`.
pub fn reference(prefix: &str) -> String {
    let id = Uuid::new_v4().simple().to_string().to_ascii_uppercase();
    format!("{prefix}-{}", &id[..6])
}

/// The tenant's district names (empty where none are imported).
pub async fn district_names(state: &AppState, tenant: TenantId) -> Result<Vec<String>, WebError> {
    Ok(crate::platform::tenants::districts(&state.db, tenant)
        .await?
        .into_iter()
        .map(|d| d.name)
        .collect())
}

/// A form's fields as pairs (repeated names kept), read leniently: the
/// validation in `model` decides what is wrong.
pub struct Fields(pub Vec<(String, String)>);

impl Fields {
    pub fn get(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    pub fn flag(&self, name: &str) -> bool {
        matches!(self.get(name).as_str(), "true" | "on" | "1" | "yes")
    }

    /// A number; empty is none; anything else that is not a number becomes
    /// -1, which the validation refuses.
    pub fn number(&self, name: &str) -> Option<i64> {
        let v = self.get(name);
        let v = v.trim();
        if v.is_empty() {
            None
        } else {
            Some(v.parse().unwrap_or(-1))
        }
    }
}

/// A value with its label for selects and radio buttons.
pub struct Choice {
    pub value: &'static str,
    pub label: String,
}

pub fn choices(
    t: &crate::platform::i18n::Tr,
    prefix: &str,
    values: &[&'static str],
) -> Vec<Choice> {
    values
        .iter()
        .map(|v| Choice {
            value: v,
            label: t
                .t(&format!("{prefix}-{}", v.replace('_', "-")))
                .into_owned(),
        })
        .collect()
}

/// The label of one value.
pub fn label(t: &crate::platform::i18n::Tr, prefix: &str, value: &str) -> String {
    t.t(&format!("{prefix}-{}", value.replace('_', "-")))
        .into_owned()
}

/// Turns validation problems into form errors in the visitor's language.
pub fn form_errors(
    t: &crate::platform::i18n::Tr,
    problems: &[model::Problem],
) -> crate::platform::web::page::FormErrors {
    let mut e = crate::platform::web::page::FormErrors::new();
    for p in problems {
        e.add(p.field, t.t(p.key).into_owned());
    }
    e
}

/// A problem+json 422 listing every problem in English words.
pub fn api_problems(t: &crate::platform::i18n::Tr, problems: &[model::Problem]) -> WebError {
    WebError::unprocessable(
        problems
            .iter()
            .map(|p| format!("{}: {}", p.field, t.t(p.key)))
            .collect::<Vec<_>>()
            .join("; "),
    )
}

/// `Cache-Control: no-store` for pages with personal data.
pub fn no_store(mut res: axum::response::Response) -> axum::response::Response {
    res.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    res
}

/// Parses a path id; anything else is 404.
pub fn parse_id(s: &str) -> Result<Uuid, WebError> {
    s.parse().map_err(|_| WebError::not_found())
}

/// Active accounts holding `role` on the tenant.
pub async fn users_with_role(
    state: &AppState,
    tenant: TenantId,
    role: Role,
) -> Result<Vec<Uuid>, crate::platform::db::DbError> {
    Ok(
        crate::platform::auth::store::users_of_tenant(&state.db, tenant)
            .await?
            .into_iter()
            .filter(|(u, roles)| u.active && roles.contains(&role))
            .map(|(u, _)| u.user_id)
            .collect(),
    )
}

/// Figures of a period for the transparency dashboard — only where the
/// tenant publishes its committee reports (`None` otherwise).
#[derive(Debug, Clone, Default)]
pub struct PublicFigures {
    /// (kind of force, records)
    pub force_by_kind: Vec<(String, i64)>,
    /// (agency, uses of force, with the bodycam recording)
    pub bodycam_by_agency: Vec<(String, i64, i64)>,
    /// (role of the attacked staff member, reports)
    pub attacks_by_role: Vec<(String, i64)>,
    /// (kind of attack, reports naming it)
    pub attacks_by_kind: Vec<(String, i64)>,
}

pub async fn public_figures(
    db: &crate::platform::db::Db,
    tenant: TenantId,
    from: crate::platform::db::Timestamp,
    to: crate::platform::db::Timestamp,
) -> Result<Option<PublicFigures>, crate::platform::db::DbError> {
    if !store::rules(db, tenant).await?.report_public {
        return Ok(None);
    }
    let force = store::force_between(db, tenant, from, to).await?;
    let attacks = store::attacks_between(db, tenant, from, to).await?;
    let mut out = PublicFigures::default();
    for k in model::FORCE_KINDS {
        out.force_by_kind.push((
            k.to_owned(),
            force.iter().filter(|r| r.kind == k).count() as i64,
        ));
    }
    for a in model::AGENCIES {
        let of: Vec<&store::ForceRow> = force.iter().filter(|r| r.agency == a).collect();
        out.bodycam_by_agency.push((
            a.to_owned(),
            of.len() as i64,
            of.iter().filter(|r| r.bodycam_on).count() as i64,
        ));
    }
    for role in ["kod", "police", "rescue"] {
        out.attacks_by_role.push((
            role.to_owned(),
            attacks.iter().filter(|r| r.reporter_role == role).count() as i64,
        ));
    }
    for k in model::ATTACK_KINDS {
        out.attacks_by_kind.push((
            k.to_owned(),
            attacks
                .iter()
                .filter(|r| r.kinds.split(',').any(|x| x == k))
                .count() as i64,
        ));
    }
    Ok(Some(out))
}
