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
    /// Work on reports of defects and unsafe places routed to one's
    /// department (coordinators: all of them).
    WorkOnReports,
    /// Read the reports statistics and import neighbourhood-lab results.
    ManageReports,
    /// Edit report categories, their routing and Open311 client keys.
    ConfigureReports,
}

impl Permission {
    pub const ALL: [Permission; 14] = [
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
        Permission::WorkOnReports,
        Permission::ManageReports,
        Permission::ConfigureReports,
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
        P::WorkOnReports => matches!(
            role,
            Role::Coordinator | Role::Police | Role::Kod | Role::Department
        ),
        P::ManageReports => role == Role::Coordinator,
        P::ConfigureReports => role == Role::Admin,
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
