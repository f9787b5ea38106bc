//! Table-driven authorization test: every route, with every role (and
//! anonymously), on its own tenant and on the other one. A route added
//! without an entry here makes the test fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use vertrauensnetz::platform::auth::Role;

/// Who the table says may use a route.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// Anyone, anonymous included.
    Public,
    /// Anyone signed in with a role on the route's tenant.
    AnyRole,
    /// Only these roles on the route's tenant.
    Roles(&'static [Role]),
}

use Expect::*;

const ADMIN: &[Role] = &[Role::Admin];
const COORD: &[Role] = &[Role::Coordinator];
const PARTNER: &[Role] = &[Role::Partner];
const CONSULT: &[Role] = &[Role::Coordinator, Role::Police];
const OMBUDS: &[Role] = &[Role::Ombuds];
const LIAISON: &[Role] = &[Role::Liaison];
const COMPLAINT_KEYS: &[Role] = &[Role::Ombuds, Role::Liaison];
const OFFICERS: &[Role] = &[Role::Police, Role::Kod];
const EVALUATION: &[Role] = &[Role::Evaluator, Role::Committee, Role::Admin];
const WARN: &[Role] = &[Role::Coordinator, Role::Police, Role::Admin];
const FORCE: &[Role] = &[Role::Police, Role::Kod];
const COMMITTEE: &[Role] = &[Role::Committee, Role::Admin];
const ATTACKED: &[Role] = &[Role::Kod, Role::Police, Role::Rescue];
const REPORT_WORK: &[Role] = &[Role::Coordinator, Role::Police, Role::Kod, Role::Department];

/// The expected rule for every route of the application.
const RESCUE_PLANNING: &[Role] = &[Role::Rescue, Role::Admin];
const PATROL_READ: &[Role] = &[Role::Dispatcher, Role::Police, Role::Kod, Role::Committee];
const PATROL_FIELD: &[Role] = &[Role::Dispatcher, Role::Police, Role::Kod];

const TABLE: &[(&str, &str, Expect)] = &[
    ("GET", "/", Public),
    ("GET", "/healthz", Public),
    ("GET", "/readyz", Public),
    ("GET", "/metrics", Public),
    ("GET", "/assets/{file}", Public),
    ("GET", "/api/openapi.json", Public),
    ("GET", "/{tenant}", Public),
    ("GET", "/{tenant}/", Public),
    ("GET", "/{tenant}/login", Public),
    ("POST", "/{tenant}/login", Public),
    ("GET", "/{tenant}/staff", AnyRole),
    ("GET", "/{tenant}/login/second-factor", AnyRole),
    ("POST", "/{tenant}/login/second-factor", AnyRole),
    ("GET", "/{tenant}/account/second-factor", AnyRole),
    ("POST", "/{tenant}/account/second-factor", AnyRole),
    ("GET", "/{tenant}/account", AnyRole),
    ("POST", "/{tenant}/account/password", AnyRole),
    ("GET", "/{tenant}/admin/users", Roles(ADMIN)),
    ("POST", "/{tenant}/admin/users", Roles(ADMIN)),
    (
        "POST",
        "/{tenant}/admin/users/{user_id}/active",
        Roles(ADMIN),
    ),
    (
        "POST",
        "/{tenant}/admin/users/{user_id}/password",
        Roles(ADMIN),
    ),
    ("GET", "/{tenant}/admin/audit", Roles(ADMIN)),
    ("GET", "/{tenant}/admin/outbox", Roles(ADMIN)),
    ("GET", "/api/v1/{tenant}/me", AnyRole),
    (
        "POST",
        "/api/v1/{tenant}/events",
        Roles(&[Role::Coordinator]),
    ),
    ("GET", "/api/v1/{tenant}/events/{event_id}", Public),
    (
        "POST",
        "/api/v1/{tenant}/events/{event_id}/registrations",
        Public,
    ),
    ("DELETE", "/api/v1/{tenant}/registrations/{token}", Public),
    ("GET", "/{tenant}/events.ics", Public),
    ("GET", "/{tenant}/events", Public),
    ("GET", "/{tenant}/events/{event}", Public),
    ("POST", "/{tenant}/events/{event}/register", Public),
    ("GET", "/{tenant}/registrations/{token}", Public),
    ("POST", "/{tenant}/registrations/{token}/cancel", Public),
    ("GET", "/{tenant}/staff/events", Roles(&[Role::Coordinator])),
    (
        "GET",
        "/{tenant}/staff/events/{event}",
        Roles(&[Role::Coordinator]),
    ),
    (
        "GET",
        "/{tenant}/staff/events/{event}/attendees.csv",
        Roles(&[Role::Coordinator]),
    ),
    (
        "POST",
        "/{tenant}/staff/events/{event}/check-in/{registration}",
        Roles(&[Role::Coordinator]),
    ),
    ("GET", "/{tenant}/network", Public),
    ("GET", "/{tenant}/network/organisations/{id}", Public),
    ("GET", "/{tenant}/network/organisations/{id}/logo", Public),
    ("GET", "/{tenant}/network/join", Public),
    ("POST", "/{tenant}/network/join", Public),
    ("GET", "/{tenant}/network/applications/{token}", Public),
    ("POST", "/{tenant}/network/applications/{token}", Public),
    ("GET", "/{tenant}/agreement", Public),
    ("GET", "/{tenant}/agreement/diff", Public),
    ("GET", "/{tenant}/accountability", Public),
    ("GET", "/{tenant}/news", Public),
    ("GET", "/{tenant}/news.atom", Public),
    ("GET", "/{tenant}/news/{id}", Public),
    ("GET", "/{tenant}/welcome/{token}", Public),
    ("POST", "/{tenant}/welcome/{token}", Public),
    ("GET", "/{tenant}/staff/network/applications", Roles(COORD)),
    (
        "POST",
        "/{tenant}/staff/network/applications/{id}/eligibility",
        Roles(COORD),
    ),
    (
        "POST",
        "/{tenant}/staff/network/applications/{id}/review",
        Roles(COORD),
    ),
    (
        "POST",
        "/{tenant}/staff/network/applications/{id}/decision",
        Roles(COORD),
    ),
    ("GET", "/{tenant}/staff/network/organisations", Roles(COORD)),
    (
        "POST",
        "/{tenant}/staff/network/organisations",
        Roles(COORD),
    ),
    (
        "GET",
        "/{tenant}/staff/network/organisations/{id}",
        Roles(COORD),
    ),
    (
        "POST",
        "/{tenant}/staff/network/organisations/{id}",
        Roles(COORD),
    ),
    (
        "POST",
        "/{tenant}/staff/network/organisations/{id}/contacts",
        Roles(COORD),
    ),
    (
        "POST",
        "/{tenant}/staff/network/organisations/{id}/contacts/remove",
        Roles(COORD),
    ),
    (
        "POST",
        "/{tenant}/staff/network/organisations/{id}/logo",
        Roles(COORD),
    ),
    (
        "POST",
        "/{tenant}/staff/network/organisations/{id}/members",
        Roles(COORD),
    ),
    ("GET", "/{tenant}/staff/network/bodies", Roles(COORD)),
    ("POST", "/{tenant}/staff/network/bodies", Roles(COORD)),
    ("GET", "/{tenant}/staff/network/bodies/{id}", Roles(COORD)),
    (
        "POST",
        "/{tenant}/staff/network/bodies/{id}/members",
        Roles(COORD),
    ),
    (
        "POST",
        "/{tenant}/staff/network/bodies/{id}/members/remove",
        Roles(COORD),
    ),
    ("GET", "/{tenant}/staff/network/measures", Roles(COORD)),
    ("POST", "/{tenant}/staff/network/measures", Roles(COORD)),
    (
        "POST",
        "/{tenant}/staff/network/measures/goals",
        Roles(COORD),
    ),
    (
        "POST",
        "/{tenant}/staff/network/measures/actions",
        Roles(COORD),
    ),
    (
        "POST",
        "/{tenant}/staff/network/measures/actions/{id}",
        Roles(COORD),
    ),
    ("GET", "/{tenant}/staff/network/press", Roles(COORD)),
    ("POST", "/{tenant}/staff/network/press", Roles(COORD)),
    (
        "POST",
        "/{tenant}/staff/network/press/{id}/edit",
        Roles(COORD),
    ),
    (
        "POST",
        "/{tenant}/staff/network/press/{id}/publish",
        Roles(COORD),
    ),
    ("GET", "/{tenant}/staff/network/agreement", Roles(COORD)),
    ("POST", "/{tenant}/staff/network/agreement", Roles(COORD)),
    ("GET", "/{tenant}/staff/network/applications/{id}", AnyRole),
    (
        "GET",
        "/{tenant}/staff/network/applications/{id}/statutes.pdf",
        AnyRole,
    ),
    (
        "POST",
        "/{tenant}/staff/network/applications/{id}/comments",
        AnyRole,
    ),
    (
        "POST",
        "/{tenant}/staff/network/applications/{id}/vote",
        AnyRole,
    ),
    ("GET", "/{tenant}/staff/network/press/{id}", AnyRole),
    (
        "POST",
        "/{tenant}/staff/network/press/{id}/decision",
        Roles(PARTNER),
    ),
    ("GET", "/{tenant}/partner", Roles(PARTNER)),
    ("POST", "/{tenant}/partner", Roles(PARTNER)),
    ("POST", "/{tenant}/partner/contacts", Roles(PARTNER)),
    ("POST", "/{tenant}/partner/contacts/remove", Roles(PARTNER)),
    ("POST", "/{tenant}/partner/logo", Roles(PARTNER)),
    ("POST", "/{tenant}/partner/agreement", Roles(PARTNER)),
    ("POST", "/{tenant}/partner/actions/{id}", Roles(PARTNER)),
    ("GET", "/api/v1/{tenant}/organisations", Public),
    ("GET", "/api/v1/{tenant}/organisations/{id}", Public),
    ("GET", "/api/v1/{tenant}/applications/{token}", Public),
    ("GET", "/api/v1/{tenant}/measures", Public),
    ("GET", "/api/v1/{tenant}/news", Public),
    ("POST", "/api/v1/{tenant}/press-releases", Roles(COORD)),
    ("GET", "/api/v1/{tenant}/press-releases/{id}", Public),
    ("PUT", "/api/v1/{tenant}/press-releases/{id}", Roles(COORD)),
    (
        "POST",
        "/api/v1/{tenant}/press-releases/{id}/decisions",
        Roles(PARTNER),
    ),
    (
        "POST",
        "/api/v1/{tenant}/press-releases/{id}/publish",
        Roles(COORD),
    ),
    ("GET", "/{tenant}/events/{event}/minutes", Public),
    (
        "GET",
        "/{tenant}/staff/events/{event}/minutes",
        Roles(COORD),
    ),
    (
        "POST",
        "/{tenant}/staff/events/{event}/minutes",
        Roles(COORD),
    ),
    (
        "POST",
        "/{tenant}/staff/events/{event}/organisers",
        Roles(COORD),
    ),
    (
        "POST",
        "/{tenant}/staff/events/{event}/agenda",
        Roles(COORD),
    ),
    (
        "POST",
        "/{tenant}/staff/events/{event}/actions",
        Roles(COORD),
    ),
    ("GET", "/{tenant}/staff/consultations", AnyRole),
    ("POST", "/{tenant}/staff/consultations", Roles(CONSULT)),
    ("GET", "/{tenant}/staff/consultations/{id}", AnyRole),
    (
        "POST",
        "/{tenant}/staff/consultations/{id}/responses",
        AnyRole,
    ),
    (
        "POST",
        "/{tenant}/staff/consultations/{id}/measures",
        Roles(CONSULT),
    ),
    (
        "POST",
        "/{tenant}/staff/consultations/{id}/meeting",
        Roles(CONSULT),
    ),
    (
        "POST",
        "/{tenant}/staff/consultations/{id}/close",
        Roles(CONSULT),
    ),
    ("GET", "/{tenant}/complaints/new", Public),
    ("POST", "/{tenant}/complaints/new", Public),
    ("GET", "/{tenant}/complaints/status", Public),
    ("POST", "/{tenant}/complaints/status", Public),
    ("POST", "/{tenant}/complaints/status/reply", Public),
    ("POST", "/{tenant}/complaints/status/leave", Public),
    ("GET", "/{tenant}/complaints/status/files/{file}", Public),
    ("GET", "/{tenant}/complaints/statistics", Public),
    ("GET", "/{tenant}/complaints/statistics.csv", Public),
    ("GET", "/api/v1/{tenant}/complaints/statistics", Public),
    (
        "GET",
        "/{tenant}/staff/complaint-key",
        Roles(COMPLAINT_KEYS),
    ),
    (
        "POST",
        "/{tenant}/staff/complaint-key",
        Roles(COMPLAINT_KEYS),
    ),
    ("GET", "/{tenant}/staff/complaints", Roles(OMBUDS)),
    ("GET", "/{tenant}/staff/complaints/{case}", Roles(OMBUDS)),
    ("POST", "/{tenant}/staff/complaints/{case}", Roles(OMBUDS)),
    (
        "POST",
        "/{tenant}/staff/complaints/{case}/messages",
        Roles(OMBUDS),
    ),
    (
        "POST",
        "/{tenant}/staff/complaints/{case}/forward",
        Roles(OMBUDS),
    ),
    (
        "GET",
        "/{tenant}/staff/complaints/{case}/files/{file}",
        Roles(OMBUDS),
    ),
    ("GET", "/{tenant}/staff/complaint-liaisons", Roles(OMBUDS)),
    ("POST", "/{tenant}/staff/complaint-liaisons", Roles(OMBUDS)),
    ("GET", "/{tenant}/staff/forwarded", Roles(LIAISON)),
    ("GET", "/{tenant}/staff/forwarded/{case}", Roles(LIAISON)),
    ("POST", "/{tenant}/staff/forwarded/{case}", Roles(LIAISON)),
    (
        "GET",
        "/{tenant}/staff/forwarded/{case}/files/{file}",
        Roles(LIAISON),
    ),
    ("POST", "/{tenant}/registrations/{token}/confirm", Public),
    ("GET", "/{tenant}/unsubscribe/{token}", Public),
    ("POST", "/{tenant}/unsubscribe/{token}", Public),
    ("GET", "/{tenant}/topics", Public),
    ("GET", "/{tenant}/topics/{topic}", Public),
    ("GET", "/{tenant}/topics/{topic}/events.ics", Public),
    (
        "POST",
        "/{tenant}/staff/events",
        Roles(&[Role::Coordinator]),
    ),
    (
        "GET",
        "/{tenant}/staff/events/new",
        Roles(&[Role::Coordinator]),
    ),
    (
        "GET",
        "/{tenant}/staff/events/{event}/edit",
        Roles(&[Role::Coordinator]),
    ),
    (
        "POST",
        "/{tenant}/staff/events/{event}/edit",
        Roles(&[Role::Coordinator]),
    ),
    (
        "POST",
        "/{tenant}/staff/events/{event}/status",
        Roles(&[Role::Coordinator]),
    ),
    (
        "POST",
        "/{tenant}/staff/events/{event}/cancel",
        Roles(&[Role::Coordinator]),
    ),
    ("GET", "/{tenant}/receipts/new", Roles(OFFICERS)),
    ("POST", "/{tenant}/receipts/new", Roles(OFFICERS)),
    ("GET", "/{tenant}/receipts/issued/{number}", Roles(OFFICERS)),
    ("GET", "/api/v1/{tenant}/receipts/options", Roles(OFFICERS)),
    ("POST", "/api/v1/{tenant}/receipts", Roles(OFFICERS)),
    ("GET", "/{tenant}/receipts/check", Public),
    ("POST", "/{tenant}/receipts/check", Public),
    ("POST", "/{tenant}/receipts/feedback", Public),
    ("GET", "/{tenant}/receipts/log", Public),
    (
        "GET",
        "/.well-known/vertrauensnetz/receipt-keys.json",
        Public,
    ),
    ("GET", "/{tenant}/receipts/evaluation", Roles(EVALUATION)),
    (
        "GET",
        "/{tenant}/receipts/evaluation.csv",
        Roles(EVALUATION),
    ),
    (
        "GET",
        "/{tenant}/receipts/evaluation/report.html",
        Roles(EVALUATION),
    ),
    (
        "GET",
        "/{tenant}/receipts/export.csv",
        Roles(&[Role::Evaluator]),
    ),
    ("GET", "/{tenant}/admin/receipts", Roles(ADMIN)),
    ("POST", "/{tenant}/admin/receipts", Roles(ADMIN)),
    ("POST", "/{tenant}/admin/receipts/population", Roles(ADMIN)),
    ("POST", "/{tenant}/admin/receipts/rotate-key", Roles(ADMIN)),
    ("GET", "/{tenant}/staff/force", Roles(FORCE)),
    ("GET", "/{tenant}/staff/force/new", Roles(FORCE)),
    ("POST", "/{tenant}/staff/force/new", Roles(FORCE)),
    ("GET", "/{tenant}/staff/force/{id}", Roles(FORCE)),
    ("POST", "/{tenant}/staff/force/{id}/review", Roles(FORCE)),
    ("GET", "/{tenant}/staff/force-reviews", Roles(FORCE)),
    ("POST", "/api/v1/{tenant}/force-records", Roles(FORCE)),
    ("GET", "/{tenant}/staff/bodycam/new", Roles(FORCE)),
    ("POST", "/{tenant}/staff/bodycam/new", Roles(FORCE)),
    ("GET", "/{tenant}/staff/bodycam", Roles(FORCE)),
    (
        "POST",
        "/{tenant}/staff/bodycam/{id}/evidence",
        Roles(FORCE),
    ),
    ("POST", "/api/v1/{tenant}/bodycam-activations", Roles(FORCE)),
    ("GET", "/{tenant}/admin/accountability", Roles(ADMIN)),
    ("POST", "/{tenant}/admin/accountability/rules", Roles(ADMIN)),
    (
        "POST",
        "/{tenant}/admin/accountability/designations",
        Roles(ADMIN),
    ),
    ("GET", "/{tenant}/staff/committee-reports", Roles(COMMITTEE)),
    (
        "GET",
        "/{tenant}/staff/committee-reports/{file}",
        Roles(COMMITTEE),
    ),
    (
        "GET",
        "/api/v1/{tenant}/committee-reports/{file}",
        Roles(COMMITTEE),
    ),
    ("GET", "/{tenant}/committee-reports/{file}", Public),
    ("GET", "/{tenant}/staff/attacks", Roles(ATTACKED)),
    ("GET", "/{tenant}/staff/attacks/new", Roles(ATTACKED)),
    ("POST", "/{tenant}/staff/attacks/new", Roles(ATTACKED)),
    ("GET", "/{tenant}/staff/attacks/{id}", Roles(ATTACKED)),
    (
        "GET",
        "/{tenant}/staff/attacks/{id}/{file}",
        Roles(ATTACKED),
    ),
    ("POST", "/api/v1/{tenant}/attack-reports", Roles(ATTACKED)),
    (
        "GET",
        "/{tenant}/staff/attack-triage",
        Roles(&[Role::Dispatcher]),
    ),
    (
        "POST",
        "/{tenant}/staff/attack-triage/{id}",
        Roles(&[Role::Dispatcher]),
    ),
    (
        "GET",
        "/{tenant}/staff/attack-followup",
        Roles(&[Role::Department]),
    ),
    (
        "GET",
        "/{tenant}/staff/attack-followup/{id}",
        Roles(&[Role::Department]),
    ),
    (
        "POST",
        "/{tenant}/staff/attack-followup/{id}",
        Roles(&[Role::Department]),
    ),
    (
        "GET",
        "/{tenant}/staff/attack-statistics",
        Roles(&[Role::Dispatcher, Role::Department, Role::Committee]),
    ),
    ("GET", "/{tenant}/notifications", AnyRole),
    ("POST", "/{tenant}/notifications/read", AnyRole),
    ("GET", "/{tenant}/alerts", Public),
    ("GET", "/{tenant}/alerts.atom", Public),
    ("GET", "/{tenant}/alerts/{file}", Public),
    ("GET", "/{tenant}/staff/warnings", Roles(WARN)),
    ("POST", "/{tenant}/staff/warnings", Roles(WARN)),
    ("GET", "/{tenant}/staff/warnings/new", Roles(WARN)),
    ("POST", "/{tenant}/staff/warnings/import", Roles(WARN)),
    ("POST", "/{tenant}/staff/warnings/settings", Roles(WARN)),
    ("GET", "/{tenant}/staff/warnings/{id}", Roles(WARN)),
    ("POST", "/{tenant}/staff/warnings/{id}/publish", Roles(WARN)),
    ("GET", "/{tenant}/surveys", Public),
    ("GET", "/{tenant}/surveys/{id}", Public),
    ("POST", "/{tenant}/surveys/{id}", Public),
    ("GET", "/{tenant}/surveys/{id}/results", Public),
    ("GET", "/{tenant}/surveys/{id}/results.csv", Public),
    ("GET", "/{tenant}/surveys/{id}/results.json", Public),
    ("GET", "/{tenant}/staff/surveys", Roles(COORD)),
    ("POST", "/{tenant}/staff/surveys", Roles(COORD)),
    ("GET", "/{tenant}/staff/surveys/{id}", Roles(COORD)),
    (
        "POST",
        "/{tenant}/staff/surveys/{id}/questions",
        Roles(COORD),
    ),
    ("POST", "/{tenant}/staff/surveys/{id}/status", Roles(COORD)),
    ("POST", "/{tenant}/staff/surveys/{id}/tokens", Roles(COORD)),
    (
        "POST",
        "/{tenant}/staff/surveys/{id}/map-answers",
        Roles(COORD),
    ),
    ("GET", "/{tenant}/safe-places", Public),
    ("GET", "/{tenant}/safe-places/apply", Public),
    ("POST", "/{tenant}/safe-places/apply", Public),
    ("GET", "/{tenant}/safe-places/material/{file}", Public),
    ("GET", "/{tenant}/staff/safe-places", Roles(COORD)),
    ("POST", "/{tenant}/staff/safe-places", Roles(COORD)),
    ("POST", "/{tenant}/staff/safe-places/holidays", Roles(COORD)),
    (
        "POST",
        "/{tenant}/staff/safe-places/{id}/decision",
        Roles(COORD),
    ),
    ("GET", "/{tenant}/staff/safe-places/{id}", Roles(COORD)),
    ("POST", "/{tenant}/staff/safe-places/{id}", Roles(COORD)),
    (
        "POST",
        "/{tenant}/staff/safe-places/{id}/remove",
        Roles(COORD),
    ),
    ("GET", "/{tenant}/staff/warnings/{id}/edit", Roles(WARN)),
    ("POST", "/{tenant}/staff/warnings/{id}/edit", Roles(WARN)),
    ("POST", "/{tenant}/staff/warnings/{id}/discard", Roles(WARN)),
    ("GET", "/api/v1/{tenant}/warnings", Public),
    ("GET", "/api/v1/{tenant}/warnings/{id}", Public),
    ("GET", "/api/v1/{tenant}/safe-places", Public),
    ("GET", "/{tenant}/reports", Public),
    ("GET", "/{tenant}/reports/new", Public),
    ("GET", "/{tenant}/reports/new/details", Public),
    ("POST", "/{tenant}/reports/new", Public),
    ("GET", "/{tenant}/reports/view/{id}", Public),
    ("POST", "/{tenant}/reports/view/{id}/subscribe", Public),
    ("POST", "/{tenant}/reports/subscribe", Public),
    ("GET", "/{tenant}/reports/unsubscribe/{token}", Public),
    ("POST", "/{tenant}/reports/unsubscribe/{token}", Public),
    ("GET", "/{tenant}/reports/follow/{token}", Public),
    ("POST", "/{tenant}/reports/follow/{token}/reopen", Public),
    ("GET", "/{tenant}/reports/photos/{file}", Public),
    ("GET", "/{tenant}/reports/export.csv", Public),
    ("GET", "/{tenant}/reports/export.geojson", Public),
    ("GET", "/{tenant}/staff/reports", Roles(REPORT_WORK)),
    ("GET", "/{tenant}/staff/reports/{id}", Roles(REPORT_WORK)),
    (
        "POST",
        "/{tenant}/staff/reports/{id}/status",
        Roles(REPORT_WORK),
    ),
    (
        "POST",
        "/{tenant}/staff/reports/{id}/moderate",
        Roles(REPORT_WORK),
    ),
    (
        "POST",
        "/{tenant}/staff/reports/{id}/notes",
        Roles(REPORT_WORK),
    ),
    (
        "GET",
        "/{tenant}/staff/reports/{id}/photos/{file}",
        Roles(REPORT_WORK),
    ),
    ("GET", "/{tenant}/staff/report-statistics", Roles(COORD)),
    ("GET", "/{tenant}/staff/report-import", Roles(COORD)),
    ("POST", "/{tenant}/staff/report-import", Roles(COORD)),
    ("GET", "/{tenant}/admin/report-categories", Roles(ADMIN)),
    (
        "POST",
        "/{tenant}/admin/report-categories/{id}",
        Roles(ADMIN),
    ),
    ("GET", "/{tenant}/admin/report-routing", Roles(ADMIN)),
    ("GET", "/{tenant}/admin/report-routing/{code}", Roles(ADMIN)),
    (
        "POST",
        "/{tenant}/admin/report-routing/{code}",
        Roles(ADMIN),
    ),
    ("GET", "/{tenant}/admin/report-map", Roles(ADMIN)),
    ("POST", "/{tenant}/admin/report-map", Roles(ADMIN)),
    ("GET", "/{tenant}/admin/open311-clients", Roles(ADMIN)),
    ("POST", "/{tenant}/admin/open311-clients", Roles(ADMIN)),
    (
        "POST",
        "/{tenant}/admin/open311-clients/{id}/revoke",
        Roles(ADMIN),
    ),
    ("GET", "/open311/v2/{file}", Public),
    ("POST", "/open311/v2/{file}", Public),
    ("GET", "/open311/v2/services/{file}", Public),
    ("GET", "/open311/v2/requests/{file}", Public),
    ("GET", "/open311/v2/tokens/{file}", Public),
    (
        "GET",
        "/{tenant}/staff/response-targets",
        Roles(RESCUE_PLANNING),
    ),
    (
        "POST",
        "/{tenant}/staff/response-targets/import",
        Roles(RESCUE_PLANNING),
    ),
    (
        "POST",
        "/{tenant}/staff/response-targets/settings",
        Roles(RESCUE_PLANNING),
    ),
    ("GET", "/{tenant}/transparency", Public),
    ("GET", "/{tenant}/transparency/data", Public),
    ("GET", "/{tenant}/transparency/data/{file}", Public),
    ("GET", "/{tenant}/admin/transparency", Roles(ADMIN)),
    ("POST", "/{tenant}/admin/transparency", Roles(ADMIN)),
    // Order partnership and control centre (issue 8).
    ("GET", "/{tenant}/staff/patrols", Roles(PATROL_READ)),
    (
        "POST",
        "/{tenant}/staff/patrols",
        Roles(&[Role::Dispatcher]),
    ),
    ("GET", "/{tenant}/staff/patrols/{id}", Roles(PATROL_READ)),
    (
        "POST",
        "/{tenant}/staff/patrols/{id}/edit",
        Roles(&[Role::Dispatcher]),
    ),
    (
        "POST",
        "/{tenant}/staff/patrols/{id}/add",
        Roles(&[Role::Dispatcher]),
    ),
    (
        "POST",
        "/{tenant}/staff/patrols/{id}/publish",
        Roles(&[Role::Dispatcher]),
    ),
    (
        "GET",
        "/{tenant}/staff/patrol-staff",
        Roles(&[Role::Dispatcher]),
    ),
    (
        "POST",
        "/{tenant}/staff/patrol-staff",
        Roles(&[Role::Dispatcher]),
    ),
    (
        "POST",
        "/{tenant}/staff/patrol-staff/absences",
        Roles(&[Role::Dispatcher]),
    ),
    (
        "GET",
        "/{tenant}/staff/patrol-committee",
        Roles(PATROL_READ),
    ),
    (
        "POST",
        "/{tenant}/staff/patrol-committee",
        Roles(&[Role::Committee]),
    ),
    (
        "GET",
        "/{tenant}/staff/dispatch",
        Roles(&[Role::Dispatcher]),
    ),
    (
        "POST",
        "/{tenant}/staff/dispatch",
        Roles(&[Role::Dispatcher]),
    ),
    (
        "GET",
        "/{tenant}/staff/dispatch/board.json",
        Roles(&[Role::Dispatcher]),
    ),
    (
        "GET",
        "/{tenant}/staff/dispatch/{id}",
        Roles(&[Role::Dispatcher]),
    ),
    (
        "POST",
        "/{tenant}/staff/dispatch/{id}/assign",
        Roles(&[Role::Dispatcher]),
    ),
    (
        "POST",
        "/{tenant}/staff/dispatch/units/{id}",
        Roles(PATROL_FIELD),
    ),
    (
        "GET",
        "/{tenant}/staff/patrol-settings",
        Roles(&[Role::Dispatcher, Role::Admin]),
    ),
    (
        "POST",
        "/{tenant}/staff/patrol-settings",
        Roles(&[Role::Dispatcher, Role::Admin]),
    ),
    ("GET", "/{tenant}/staff/patrol-log", Roles(PATROL_FIELD)),
    ("POST", "/{tenant}/staff/patrol-log", Roles(PATROL_FIELD)),
    ("GET", "/api/v1/{tenant}/patrols", Roles(PATROL_READ)),
    (
        "POST",
        "/api/v1/{tenant}/patrols",
        Roles(&[Role::Dispatcher]),
    ),
    (
        "POST",
        "/api/v1/{tenant}/incidents",
        Roles(&[Role::Dispatcher]),
    ),
    (
        "POST",
        "/api/v1/{tenant}/incidents/{id}/assignments",
        Roles(&[Role::Dispatcher]),
    ),
    (
        "POST",
        "/api/v1/{tenant}/units/{id}/status",
        Roles(PATROL_FIELD),
    ),
    // Signing out goes last for each actor (it ends the session).
    ("POST", "/{tenant}/logout", AnyRole),
];

#[test]
fn every_route_has_an_entry_and_every_entry_a_route() {
    let routes = vertrauensnetz::app::route_table();
    let mut missing = vec![];
    for r in &routes {
        if !TABLE
            .iter()
            .any(|(m, p, _)| *m == r.method.as_str() && *p == r.path)
        {
            missing.push(format!("{} {}", r.method, r.path));
        }
    }
    assert!(
        missing.is_empty(),
        "routes without an authorization entry: {missing:?}"
    );
    for (m, p, _) in TABLE {
        assert!(
            routes
                .iter()
                .any(|r| r.method.as_str() == *m && r.path == *p),
            "stale entry {m} {p}"
        );
    }
}

/// A signed-in (or anonymous) actor.
struct Actor {
    label: String,
    grants: Vec<(&'static str, Role)>,
    login: Option<(String, String, &'static str)>,
    client: reqwest::Client,
    token: Option<String>,
}

fn concrete(path: &str, tenant: &str) -> String {
    path.replace("{tenant}", tenant)
        .replace("{user_id}", "0190d6f2-1c2b-7cc3-9a5e-6f2b9f0c1a11")
        .replace("{file}", "none.css")
        .replace("{event_id}", "0190d6f2-1c2b-7cc3-9a5e-6f2b9f0c1a12")
        .replace("{event}", "0190d6f2-1c2b-7cc3-9a5e-6f2b9f0c1a13")
        .replace("{token}", "no-such-token")
        .replace("{registration}", "0190d6f2-1c2b-7cc3-9a5e-6f2b9f0c1a14")
        .replace("{id}", "0190d6f2-1c2b-7cc3-9a5e-6f2b9f0c1a15")
        .replace("{case}", "0190d6f2-1c2b-7cc3-9a5e-6f2b9f0c1a15")
        .replace("{topic}", "youth")
        .replace("{number}", "2345-6789")
}

/// Whether the guard refused the request (as opposed to the handler
/// answering, which may itself be a 4xx for the dummy input).
async fn denied(res: reqwest::Response, api: bool) -> bool {
    let status = res.status().as_u16();
    if status == 303 {
        let loc = res.headers()["location"].to_str().unwrap().to_owned();
        return loc.contains("/login");
    }
    if api {
        return status == 401 || status == 403;
    }
    if status == 403 {
        return res.text().await.unwrap().contains("Kein Zugriff");
    }
    false
}

#[tokio::test]
async fn every_route_allows_exactly_the_expected_roles_on_every_tenant() {
    let app = TestApp::spawn_with(|c| c.trust_forwarded_for = true).await;
    let tenants = ["dortmund", "luenen"];

    let mut actors = vec![Actor {
        label: "anonymous".into(),
        grants: vec![],
        login: None,
        client: client(),
        token: None,
    }];
    for tenant in tenants {
        for role in Role::ALL {
            let a = app.account(tenant, role);
            if role == Role::Police && tenant == "luenen" {
                continue; // the same headquarters account as for Dortmund
            }
            let grants = if role == Role::Police {
                vec![("dortmund", role), ("luenen", role)]
            } else {
                vec![(tenant, role)]
            };
            let c = login(&app, tenant, role).await;
            let out = app.cli(&["token", "create", "--login", &a.login]).await;
            assert!(out.status.success());
            let token = String::from_utf8(out.stdout).unwrap().trim().to_owned();
            actors.push(Actor {
                label: format!("{role}@{tenant}"),
                grants,
                login: Some((a.login.clone(), a.password.clone(), tenant)),
                client: c,
                token: Some(token),
            });
        }
    }

    let mut failures = vec![];
    for (method, path, expect) in TABLE {
        let targets: Vec<&str> = if path.contains("{tenant}") {
            tenants.to_vec()
        } else {
            vec!["dortmund"]
        };
        let mut pairs: Vec<(&str, usize)> = targets
            .iter()
            .flat_map(|t| (0..actors.len()).map(move |i| (*t, i)))
            .collect();
        let logout = path.ends_with("/logout");
        if logout {
            // Each actor signs out of foreign tenants first and of its own
            // last, so a second-factor sign-in need not be repeated.
            pairs.sort_by_key(|(t, i)| (*i, actors[*i].login.as_ref().is_some_and(|l| l.2 == *t)));
        }
        for (n, (target, i)) in pairs.iter().enumerate() {
            let url = app.url(&concrete(path, target));
            let api = path.starts_with("/api/");
            let actor = &actors[*i];
            let holds_role = actor.grants.iter().any(|(t, _)| t == target);
            let should = match expect {
                Public => true,
                AnyRole => holds_role,
                Roles(rs) => actor
                    .grants
                    .iter()
                    .any(|(t, r)| t == target && rs.contains(r)),
            };
            let res = if api {
                let m = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
                let mut req = actor.client.request(m, &url);
                if let Some(t) = &actor.token {
                    req = req.bearer_auth(t);
                }
                req.send().await.unwrap()
            } else if *method == "GET" {
                actor.client.get(&url).send().await.unwrap()
            } else {
                // A valid CSRF token, so only the guard can refuse.
                let token = csrf_token(&actor.client, &app.url(&format!("/{target}/login"))).await;
                post_form(&actor.client, &url, &token, &[]).await
            };
            let status = res.status();
            let was_denied = denied(res, api).await;
            if was_denied == should {
                failures.push(format!(
                    "{method} {url} as {}: expected {}, got {status}",
                    actor.label,
                    if should { "allowed" } else { "denied" }
                ));
            }
            let used_again = pairs[n + 1..].iter().any(|(_, j)| j == i);
            if logout && should && used_again {
                if let Some((login_name, password, home)) = actor.login.clone() {
                    let c = client();
                    login_as(&app, &c, home, &login_name, &password).await;
                    actors[*i].client = c;
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} authorization mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
    app.server.stop().await;
}
