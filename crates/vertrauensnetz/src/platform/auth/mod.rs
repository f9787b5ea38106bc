//! Identity: accounts, roles, sessions, API tokens, two-factor login,
//! throttling, and the one place that decides who may do what ([`authz`]).

pub mod authz;
pub mod csrf;
pub mod pages;
pub mod password;
pub mod store;
pub mod throttle;
pub mod totp;

use serde::Serialize;
use uuid::Uuid;

use super::tenants::TenantId;

pub use authz::{may, Permission};

/// The roles of PRODUCT.md. Residents have no account and no role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Partner,
    Coordinator,
    Police,
    Kod,
    Rescue,
    Dispatcher,
    Ombuds,
    Liaison,
    Department,
    Committee,
    Evaluator,
    Admin,
}

impl Role {
    pub const ALL: [Role; 12] = [
        Role::Partner,
        Role::Coordinator,
        Role::Police,
        Role::Kod,
        Role::Rescue,
        Role::Dispatcher,
        Role::Ombuds,
        Role::Liaison,
        Role::Department,
        Role::Committee,
        Role::Evaluator,
        Role::Admin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Partner => "partner",
            Role::Coordinator => "coordinator",
            Role::Police => "police",
            Role::Kod => "kod",
            Role::Rescue => "rescue",
            Role::Dispatcher => "dispatcher",
            Role::Ombuds => "ombuds",
            Role::Liaison => "liaison",
            Role::Department => "department",
            Role::Committee => "committee",
            Role::Evaluator => "evaluator",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Roles whose accounts must use a second factor.
    pub fn requires_second_factor(self) -> bool {
        matches!(self, Role::Admin | Role::Ombuds)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a request proved who it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credential {
    /// A browser session (the SHA-256 of its cookie value).
    Session { hash: [u8; 32], mfa_ok: bool },
    /// An API token (`Authorization: Bearer`).
    Token,
}

/// A signed-in person: the account and every role it holds on every tenant.
#[derive(Debug, Clone)]
pub struct Principal {
    pub user_id: Uuid,
    pub login: String,
    pub display_name: String,
    pub home_tenant: TenantId,
    pub grants: Vec<(TenantId, Role)>,
    pub credential: Credential,
    pub totp_enabled: bool,
}

impl Principal {
    /// The roles held on `tenant`.
    pub fn roles_on(&self, tenant: TenantId) -> impl Iterator<Item = Role> + '_ {
        self.grants
            .iter()
            .filter(move |(t, _)| *t == tenant)
            .map(|(_, r)| *r)
    }

    pub fn has_role_on(&self, tenant: TenantId, role: Role) -> bool {
        self.roles_on(tenant).any(|r| r == role)
    }

    /// Whether the login is complete (second factor given where needed).
    /// A role that demands a second factor counts even when it was granted
    /// after the session began: until the factor is set up, the session is
    /// only half signed in. API tokens are issued by operators on the
    /// command line and stand on their own.
    pub fn fully_authenticated(&self) -> bool {
        match self.credential {
            Credential::Session { mfa_ok, .. } => {
                mfa_ok && (self.totp_enabled || !self.needs_second_factor())
            }
            Credential::Token => true,
        }
    }

    /// Whether any role of this account demands a second factor.
    pub fn needs_second_factor(&self) -> bool {
        self.grants.iter().any(|(_, r)| r.requires_second_factor())
    }

    /// The first role held on `tenant` that grants `permission`, for the
    /// audit log's actor column.
    pub fn acting_role(&self, tenant: TenantId, permission: Permission) -> Option<Role> {
        self.roles_on(tenant)
            .find(|r| authz::role_grants(*r, permission))
    }
}
