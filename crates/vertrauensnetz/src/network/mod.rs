//! The cooperation network (seeds 000, 001, 004): partner organisations, the
//! cooperation agreement, applications to join, bodies, measures with action
//! items, and joint press releases that need every partner's approval.
//!
//! Invariants decided inside the writing transaction (see `store`): the
//! quorum of an application's vote, and the unanimous approval of the exact
//! current version of a press release.

pub mod agreement;
pub mod api;
pub mod applications;
pub mod bodies;
pub mod common;
pub mod demo;
pub mod measures;
pub mod model;
pub mod orgs;
pub mod press;
pub mod store;

use axum::http::Method;
use utoipa::OpenApi;

use crate::platform::auth::Permission;
use crate::platform::web::page::{Audience, NavLink};
use crate::platform::web::{Access, Routes};

pub fn routes(r: &mut Routes) {
    use Method as M;
    let open = Access::Public;
    let manage = Access::Permission(Permission::ManageNetwork);
    let partner = Access::Permission(Permission::ActForOrganisation);
    let staff = Access::Permission(Permission::UseStaffArea);

    // Public pages and feeds.
    r.add(M::GET, "/{tenant}/network", open, orgs::public_list);
    r.add(
        M::GET,
        "/{tenant}/network/organisations/{id}",
        open,
        orgs::public_profile,
    );
    r.add(
        M::GET,
        "/{tenant}/network/organisations/{id}/logo",
        open,
        orgs::logo,
    );
    r.add(
        M::GET,
        "/{tenant}/network/join",
        open,
        applications::join_form,
    );
    r.add(M::POST, "/{tenant}/network/join", open, applications::join);
    r.add(
        M::GET,
        "/{tenant}/network/applications/{token}",
        open,
        applications::status,
    );
    r.add(
        M::POST,
        "/{tenant}/network/applications/{token}",
        open,
        applications::submit,
    );
    r.add(M::GET, "/{tenant}/agreement", open, agreement::public);
    r.add(
        M::GET,
        "/{tenant}/agreement/diff",
        open,
        agreement::diff_page,
    );
    r.add(M::GET, "/{tenant}/accountability", open, measures::public);
    r.add(M::GET, "/{tenant}/news", open, press::news);
    r.add(M::GET, "/{tenant}/news.atom", Access::Open, press::feed);
    r.add(M::GET, "/{tenant}/news/{id}", open, press::news_item);
    r.add(M::GET, "/{tenant}/welcome/{token}", open, orgs::welcome);
    r.add(
        M::POST,
        "/{tenant}/welcome/{token}",
        open,
        orgs::welcome_submit,
    );

    // Coordinators.
    r.add(
        M::GET,
        "/{tenant}/staff/network/applications",
        manage,
        applications::list,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/network/applications/{id}/eligibility",
        manage,
        applications::override_eligibility,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/network/applications/{id}/review",
        manage,
        applications::open_review,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/network/applications/{id}/decision",
        manage,
        applications::decide,
    );
    r.add(
        M::GET,
        "/{tenant}/staff/network/organisations",
        manage,
        orgs::list,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/network/organisations",
        manage,
        orgs::create,
    );
    r.add(
        M::GET,
        "/{tenant}/staff/network/organisations/{id}",
        manage,
        orgs::detail,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/network/organisations/{id}",
        manage,
        orgs::update_staff,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/network/organisations/{id}/contacts",
        manage,
        orgs::add_contact_staff,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/network/organisations/{id}/contacts/remove",
        manage,
        orgs::remove_contact_staff,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/network/organisations/{id}/logo",
        manage,
        orgs::logo_staff,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/network/organisations/{id}/members",
        manage,
        orgs::add_member,
    );
    r.add(
        M::GET,
        "/{tenant}/staff/network/bodies",
        manage,
        bodies::list,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/network/bodies",
        manage,
        bodies::create,
    );
    r.add(
        M::GET,
        "/{tenant}/staff/network/bodies/{id}",
        manage,
        bodies::detail,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/network/bodies/{id}/members",
        manage,
        bodies::add_member,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/network/bodies/{id}/members/remove",
        manage,
        bodies::remove_member,
    );
    r.add(
        M::GET,
        "/{tenant}/staff/network/measures",
        manage,
        measures::staff,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/network/measures",
        manage,
        measures::add_measure,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/network/measures/goals",
        manage,
        measures::add_goal,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/network/measures/actions",
        manage,
        measures::add_action,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/network/measures/actions/{id}",
        manage,
        measures::update_action,
    );
    r.add(M::GET, "/{tenant}/staff/network/press", manage, press::list);
    r.add(
        M::POST,
        "/{tenant}/staff/network/press",
        manage,
        press::create,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/network/press/{id}/edit",
        manage,
        press::edit_page,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/network/press/{id}/publish",
        manage,
        press::publish_page,
    );
    r.add(
        M::GET,
        "/{tenant}/staff/network/agreement",
        manage,
        agreement::staff,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/network/agreement",
        manage,
        agreement::new_version,
    );

    // Reviewing members and coordinators (record-level check in the handler).
    r.add(
        M::GET,
        "/{tenant}/staff/network/applications/{id}",
        staff,
        applications::detail,
    );
    r.add(
        M::GET,
        "/{tenant}/staff/network/applications/{id}/statutes.pdf",
        staff,
        applications::statutes,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/network/applications/{id}/comments",
        staff,
        applications::comment,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/network/applications/{id}/vote",
        staff,
        applications::vote,
    );
    // Coordinators and the partners of the approval set.
    r.add(
        M::GET,
        "/{tenant}/staff/network/press/{id}",
        staff,
        press::detail,
    );
    r.add(
        M::POST,
        "/{tenant}/staff/network/press/{id}/decision",
        partner,
        press::decision_page,
    );

    // A partner's own organisation.
    r.add(M::GET, "/{tenant}/partner", partner, orgs::own);
    r.add(M::POST, "/{tenant}/partner", partner, orgs::update_own);
    r.add(
        M::POST,
        "/{tenant}/partner/contacts",
        partner,
        orgs::add_contact_own,
    );
    r.add(
        M::POST,
        "/{tenant}/partner/contacts/remove",
        partner,
        orgs::remove_contact_own,
    );
    r.add(M::POST, "/{tenant}/partner/logo", partner, orgs::logo_own);
    r.add(
        M::POST,
        "/{tenant}/partner/agreement",
        partner,
        orgs::accept_agreement,
    );
    r.add(
        M::POST,
        "/{tenant}/partner/actions/{id}",
        partner,
        orgs::update_own_action,
    );

    // API.
    r.add(
        M::GET,
        "/api/v1/{tenant}/organisations",
        open,
        api::organisations,
    );
    r.add(
        M::GET,
        "/api/v1/{tenant}/organisations/{id}",
        open,
        api::organisation,
    );
    r.add(
        M::GET,
        "/api/v1/{tenant}/applications/{token}",
        open,
        api::application_status,
    );
    r.add(
        M::GET,
        "/api/v1/{tenant}/measures",
        open,
        api::measures_record,
    );
    r.add(M::GET, "/api/v1/{tenant}/news", open, api::news);
    r.add(
        M::POST,
        "/api/v1/{tenant}/press-releases",
        manage,
        api::create_release,
    );
    r.add(
        M::GET,
        "/api/v1/{tenant}/press-releases/{id}",
        open,
        api::show_release,
    );
    r.add(
        M::PUT,
        "/api/v1/{tenant}/press-releases/{id}",
        manage,
        api::edit_release,
    );
    r.add(
        M::POST,
        "/api/v1/{tenant}/press-releases/{id}/decisions",
        partner,
        api::decide_release,
    );
    r.add(
        M::POST,
        "/api/v1/{tenant}/press-releases/{id}/publish",
        manage,
        api::publish_release,
    );
}

#[derive(OpenApi)]
#[openapi(
    paths(
        api::organisations,
        api::organisation,
        api::application_status,
        api::measures_record,
        api::news,
        api::create_release,
        api::show_release,
        api::edit_release,
        api::decide_release,
        api::publish_release
    ),
    components(schemas(
        api::OrganisationView,
        api::ContactView,
        api::ApplicationStatus,
        api::GoalView,
        api::MeasureView,
        api::ActionView,
        api::ReleaseView,
        api::ReleaseInput,
        api::EditInput,
        api::DecisionInput,
        api::PublishInput
    ))
)]
pub struct NetworkApi;

/// The network's entries of the start and staff pages.
pub fn nav() -> Vec<NavLink> {
    vec![
        NavLink {
            path: "network",
            title_key: "network-public-title",
            summary_key: "network-public-summary",
            audience: Audience::Public,
        },
        NavLink {
            path: "news",
            title_key: "network-news-title",
            summary_key: "network-news-summary",
            audience: Audience::Public,
        },
        NavLink {
            path: "staff/network/applications",
            title_key: "network-staff-title",
            summary_key: "network-staff-summary",
            audience: Audience::Staff(Permission::ManageNetwork),
        },
        NavLink {
            path: "partner",
            title_key: "network-partner-title",
            summary_key: "network-partner-summary",
            audience: Audience::Staff(Permission::ActForOrganisation),
        },
    ]
}

/// Organisations in the network at the end of a period, per kind, for
/// the transparency dashboard: (kind, partners).
pub async fn public_figures(
    db: &crate::platform::db::Db,
    tenant: crate::platform::tenants::TenantId,
    at: crate::platform::db::Timestamp,
) -> Result<Vec<(String, i64)>, crate::platform::db::DbError> {
    let rows = store::partners_by_kind(db, tenant, at).await?;
    Ok(model::OrgKind::ALL
        .iter()
        .map(|k| {
            let n = rows.iter().filter(|r| r.0 == k.as_str()).map(|r| r.1).sum();
            (k.as_str().to_owned(), n)
        })
        .collect())
}
