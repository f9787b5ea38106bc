//! The one authorization decision: may this principal do this on this
//! tenant? Routes declare a [`Permission`]; modules ask [`may`] for finer
//! decisions. Nothing else in the code base maps roles to rights.

use super::{Principal, Role};
use crate::platform::tenants::TenantId;

/// Something a role may be allowed to do. Modules add their permissions here
/// so the whole matrix stays in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    /// See the staff start page and one's own account.
    UseStaffArea,
    /// Create users, grant roles, reset passwords, deactivate accounts.
    ManageUsers,
    /// Read the tenant's audit log.
    ReadAudit,
    /// Read the tenant's mail outbox (delivery status, not bodies).
    ReadOutbox,
    /// Create and change events, see their registrations.
    ManageEvents,
    /// Run the cooperation network: organisations, applications, bodies,
    /// measures, the agreement, press releases.
    ManageNetwork,
    /// Act for one's own partner organisation: its profile, approvals of
    /// press releases, its action items, accepting the agreement.
    ActForOrganisation,
    /// Open occasion-based consultations, schedule meetings from them,
    /// read every answer (also those meant for police and coordinators).
    ManageConsultations,
    /// Work on complaints: inbox, case content, messages, forwarding.
    HandleComplaints,
    /// Read complaint summaries forwarded to the authority and answer them.
    AnswerForwardedComplaints,
    /// Unlock one's own complaint key (a role that reads encrypted cases).
    UseComplaintKeys,
    /// Issue stop receipts (page and API).
    IssueReceipts,
    /// Read the receipts evaluation (small cells suppressed).
    ReadReceiptEvaluation,
    /// Export pseudonymised receipt data and see unsuppressed figures.
    ExportReceiptData,
    /// Receipt settings, population benchmark, signing-key rotation.
    ManageReceipts,
    /// Compose, approve (as the second person) and publish public warnings,
    /// import CAP messages from outside.
    PublishWarnings,
    /// Keep the list of safe places and help points, decide on venues'
    /// applications to join a scheme.
    ManageSafePlaces,
    /// Enter uses of force and bodycam activations (police, order service).
    RecordForce,
    /// Review uses of force, see rule violations, mark recordings as
    /// evidence: only supervisors designated for their agency (checked in
    /// the handlers against `acc_designations`).
    ReviewForce,
    /// Switch the accountability rules, retention and report publication;
    /// designate supervisors and follow-up managers.
    ConfigureAccountability,
    /// Read the committee's reports on force and bodycams.
    ReadCommitteeReport,
    /// Report an attack on oneself while on duty.
    ReportAttack,
    /// Triage attack reports in the control centre.
    TriageAttacks,
    /// Organise follow-up of attack reports: only designated managers
    /// (checked in the handlers).
    ManageAttackFollowUp,
    /// Read the suppressed statistics of attacks on staff.
    ReadAttackStatistics,
    /// Work on reports of defects and unsafe places routed to one's
    /// department (coordinators: all of them).
    WorkOnReports,
    /// Read the reports statistics and import neighbourhood-lab results.
    ManageReports,
    /// Edit report categories, their routing and Open311 client keys.
    ConfigureReports,
    /// Build surveys, distribute invitation codes, publish results, confirm
    /// map answers as unsafe places.
    ManageSurveys,
    /// Import dispatch records, set response-time targets and read the
    /// compliance per district (the rescue service's planning).
    ManageResponseTargets,
    /// Set the transparency dashboard's open-data licence.
    ConfigureTransparency,
    /// Read the published patrol plans, the committee view and the counts
    /// of the patrol log.
    ReadPatrolPlan,
    /// Keep the staff register, compute, edit and publish patrol plans,
    /// change the planning rules.
    PlanPatrols,
    /// Take incidents and alert units in the control centre.
    Dispatch,
    /// Report one's unit's status (FMS code) and position.
    UpdateUnitStatus,
    /// Set the committee's focus areas for patrols.
    SetFocusAreas,
    /// Write the log of one's patrol.
    KeepPatrolLog,
    /// Change the tenant's patrol planning and dispatch settings (parity,
    /// road factor, speed, routing URL).
    ConfigurePatrols,
}

impl Permission {
    pub const ALL: &'static [Permission] = &[
        Permission::UseStaffArea,
        Permission::ManageUsers,
        Permission::ReadAudit,
        Permission::ReadOutbox,
        Permission::ManageEvents,
        Permission::ManageNetwork,
        Permission::ActForOrganisation,
        Permission::ManageConsultations,
        Permission::HandleComplaints,
        Permission::AnswerForwardedComplaints,
        Permission::UseComplaintKeys,
        Permission::IssueReceipts,
        Permission::ReadReceiptEvaluation,
        Permission::ExportReceiptData,
        Permission::ManageReceipts,
        Permission::PublishWarnings,
        Permission::ManageSafePlaces,
        Permission::RecordForce,
        Permission::ReviewForce,
        Permission::ConfigureAccountability,
        Permission::ReadCommitteeReport,
        Permission::ReportAttack,
        Permission::TriageAttacks,
        Permission::ManageAttackFollowUp,
        Permission::ReadAttackStatistics,
        Permission::WorkOnReports,
        Permission::ManageReports,
        Permission::ConfigureReports,
        Permission::ManageSurveys,
        Permission::ManageResponseTargets,
        Permission::ConfigureTransparency,
        Permission::ReadPatrolPlan,
        Permission::PlanPatrols,
        Permission::Dispatch,
        Permission::UpdateUnitStatus,
        Permission::SetFocusAreas,
        Permission::KeepPatrolLog,
        Permission::ConfigurePatrols,
    ];
}

/// The role–permission matrix.
pub fn role_grants(role: Role, permission: Permission) -> bool {
    use Permission as P;
    match permission {
        P::UseStaffArea => true,
        P::ManageUsers | P::ReadAudit | P::ReadOutbox => role == Role::Admin,
        P::ManageEvents | P::ManageNetwork => role == Role::Coordinator,
        P::ActForOrganisation => role == Role::Partner,
        P::ManageConsultations => matches!(role, Role::Coordinator | Role::Police),
        P::HandleComplaints => role == Role::Ombuds,
        P::AnswerForwardedComplaints => role == Role::Liaison,
        P::UseComplaintKeys => matches!(role, Role::Ombuds | Role::Liaison),
        P::IssueReceipts => matches!(role, Role::Police | Role::Kod),
        P::ReadReceiptEvaluation => matches!(role, Role::Evaluator | Role::Committee | Role::Admin),
        P::ExportReceiptData => role == Role::Evaluator,
        P::ManageReceipts => role == Role::Admin,
        P::PublishWarnings => matches!(role, Role::Coordinator | Role::Police | Role::Admin),
        P::ManageSafePlaces => role == Role::Coordinator,
        P::RecordForce | P::ReviewForce => matches!(role, Role::Police | Role::Kod),
        P::ConfigureAccountability => role == Role::Admin,
        P::ReadCommitteeReport => matches!(role, Role::Committee | Role::Admin),
        P::ReportAttack => matches!(role, Role::Kod | Role::Police | Role::Rescue),
        P::TriageAttacks => role == Role::Dispatcher,
        P::ManageAttackFollowUp => role == Role::Department,
        P::ReadAttackStatistics => {
            matches!(role, Role::Dispatcher | Role::Department | Role::Committee)
        }
        P::WorkOnReports => matches!(
            role,
            Role::Coordinator | Role::Police | Role::Kod | Role::Department
        ),
        P::ManageReports => role == Role::Coordinator,
        P::ConfigureReports => role == Role::Admin,
        P::ManageSurveys => role == Role::Coordinator,
        P::ManageResponseTargets => matches!(role, Role::Rescue | Role::Admin),
        P::ConfigureTransparency => role == Role::Admin,
        P::ReadPatrolPlan => matches!(
            role,
            Role::Dispatcher | Role::Police | Role::Kod | Role::Committee
        ),
        P::PlanPatrols | P::Dispatch => role == Role::Dispatcher,
        P::UpdateUnitStatus | P::KeepPatrolLog => {
            matches!(role, Role::Dispatcher | Role::Police | Role::Kod)
        }
        P::SetFocusAreas => role == Role::Committee,
        P::ConfigurePatrols => matches!(role, Role::Dispatcher | Role::Admin),
    }
}

/// May `principal` exercise `permission` on `tenant`? Anonymous visitors
/// hold no permission; a login that still lacks its second factor holds none
/// either.
pub fn may(principal: Option<&Principal>, permission: Permission, tenant: TenantId) -> bool {
    match principal {
        Some(p) if p.fully_authenticated() => {
            p.roles_on(tenant).any(|r| role_grants(r, permission))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_admins_manage_users() {
        for role in Role::ALL {
            assert_eq!(
                role_grants(role, Permission::ManageUsers),
                role == Role::Admin
            );
        }
    }
}
