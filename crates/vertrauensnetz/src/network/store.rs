//! SQL of the cooperation network. Every function is scoped to a tenant.
//!
//! Two invariants live here, both decided inside the writing transaction:
//! - an application's decision needs the quorum, counted in the same
//!   transaction that records the decision (the application row is locked
//!   first, so a vote cannot slip in between count and decision);
//! - a press release is published only if every organisation of its approval
//!   set approved the current version. Every write to a release (edit,
//!   decision, publication) first locks the release row with an `UPDATE`, so
//!   on SQLite, on PostgreSQL and across instances they run one after the
//!   other and the publication sees the edit or the edit sees the
//!   publication — never a mix.

// Each write takes the columns it sets, one argument each.
#![allow(clippy::too_many_arguments)]

use uuid::Uuid;

use super::model::{ActionStatus, AppStatus, OrgKind, PressDecision, Vote};
use crate::on_db;
use crate::platform::db::{Db, DbError, Timestamp, Tx};
use crate::platform::tenants::TenantId;
use crate::platform::topics::Topic;

// ---------------------------------------------------------------- organisations

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Organisation {
    pub organisation_id: Uuid,
    pub name: String,
    pub kind: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub languages: String,
    pub topics: String,
    pub website: String,
    pub description: String,
    pub public_profile: bool,
    pub status: String,
    pub partner_since: Option<Timestamp>,
    pub logo_type: Option<String>,
}

impl Organisation {
    pub fn topic_list(&self) -> Vec<Topic> {
        Topic::split(&self.topics)
    }
    pub fn language_list(&self) -> Vec<String> {
        self.languages
            .split_whitespace()
            .map(str::to_owned)
            .collect()
    }
}

const ORG_COLUMNS: &str = "organisation_id, name, kind, street, postcode, city, languages, topics, website, description, public_profile, status, partner_since, logo_type";

/// The data of an organisation as entered.
#[derive(Debug, Clone, Default)]
pub struct OrgData {
    pub name: String,
    pub kind: Option<OrgKind>,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub languages: Vec<String>,
    pub topics: Vec<Topic>,
    pub website: String,
    pub description: String,
    pub public_profile: bool,
}

pub async fn create_organisation(
    tx: &mut Tx,
    tenant: TenantId,
    d: &OrgData,
    now: Timestamp,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let kind = d.kind.unwrap_or(OrgKind::Other);
    on_db!(tx, c => sqlx::query(
        "INSERT INTO organisations (tenant_id, organisation_id, name, kind, street, postcode, city, languages, topics, website,
           description, public_profile, status, partner_since, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'partner', $13, $13)")
        .bind(tenant.as_uuid()).bind(id).bind(&d.name).bind(kind.as_str()).bind(&d.street).bind(&d.postcode)
        .bind(&d.city).bind(d.languages.join(" ")).bind(Topic::join(&d.topics)).bind(&d.website)
        .bind(&d.description).bind(d.public_profile).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok(id)
}

pub async fn update_organisation(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    d: &OrgData,
) -> Result<bool, DbError> {
    let kind = d.kind.unwrap_or(OrgKind::Other);
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE organisations SET name = $3, kind = $4, street = $5, postcode = $6, city = $7, languages = $8, topics = $9,
           website = $10, description = $11, public_profile = $12
         WHERE tenant_id = $1 AND organisation_id = $2")
        .bind(tenant.as_uuid()).bind(id).bind(&d.name).bind(kind.as_str()).bind(&d.street).bind(&d.postcode)
        .bind(&d.city).bind(d.languages.join(" ")).bind(Topic::join(&d.topics)).bind(&d.website)
        .bind(&d.description).bind(d.public_profile)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

pub async fn set_logo(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    logo: Option<(&[u8], &str)>,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query("UPDATE organisations SET logo = $3, logo_type = $4 WHERE tenant_id = $1 AND organisation_id = $2")
        .bind(tenant.as_uuid()).bind(id).bind(logo.map(|l| l.0.to_vec())).bind(logo.map(|l| l.1.to_owned()))
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn logo(
    db: &Db,
    tenant: TenantId,
    id: Uuid,
) -> Result<Option<(Vec<u8>, String, bool)>, DbError> {
    let mut conn = db.read().await?;
    let row: Option<(Option<Vec<u8>>, Option<String>, bool)> = on_db!(conn, c => sqlx::query_as(
        "SELECT logo, logo_type, public_profile FROM organisations WHERE tenant_id = $1 AND organisation_id = $2")
        .bind(tenant.as_uuid()).bind(id).fetch_optional(c).await)?;
    Ok(row.and_then(|(l, t, p)| Some((l?, t?, p))))
}

pub async fn organisations(db: &Db, tenant: TenantId) -> Result<Vec<Organisation>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {ORG_COLUMNS} FROM organisations WHERE tenant_id = $1 ORDER BY name"))
        .bind(tenant.as_uuid()).fetch_all(c).await)?)
}

/// Partners with a public profile: the only organisations the public sees.
pub async fn public_organisations(db: &Db, tenant: TenantId) -> Result<Vec<Organisation>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {ORG_COLUMNS} FROM organisations WHERE tenant_id = $1 AND public_profile = $2 AND status = 'partner' ORDER BY name"))
        .bind(tenant.as_uuid()).bind(true).fetch_all(c).await)?)
}

pub async fn organisation(
    db: &Db,
    tenant: TenantId,
    id: Uuid,
) -> Result<Option<Organisation>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {ORG_COLUMNS} FROM organisations WHERE tenant_id = $1 AND organisation_id = $2"))
        .bind(tenant.as_uuid()).bind(id).fetch_optional(c).await)?)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Contact {
    pub contact_id: Uuid,
    pub name: String,
    pub function: String,
    pub email: String,
    pub phone: String,
}

pub async fn add_contact(
    tx: &mut Tx,
    tenant: TenantId,
    org: Uuid,
    name: &str,
    function: &str,
    email: &str,
    phone: &str,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    on_db!(tx, c => sqlx::query(
        "INSERT INTO organisation_contacts (tenant_id, contact_id, organisation_id, name, function, email, phone)
         VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .bind(tenant.as_uuid()).bind(id).bind(org).bind(name).bind(function).bind(email).bind(phone)
        .execute(c).await.map(|_| ()))?;
    Ok(id)
}

pub async fn remove_contact(
    tx: &mut Tx,
    tenant: TenantId,
    org: Uuid,
    contact: Uuid,
) -> Result<bool, DbError> {
    let n = on_db!(tx, c => sqlx::query(
        "DELETE FROM organisation_contacts WHERE tenant_id = $1 AND organisation_id = $2 AND contact_id = $3")
        .bind(tenant.as_uuid()).bind(org).bind(contact).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

pub async fn contacts(db: &Db, tenant: TenantId, org: Uuid) -> Result<Vec<Contact>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT contact_id, name, function, email, phone FROM organisation_contacts
         WHERE tenant_id = $1 AND organisation_id = $2 ORDER BY contact_id")
        .bind(tenant.as_uuid()).bind(org).fetch_all(c).await)?)
}

/// The organisation an account acts for on this tenant, if any.
pub async fn organisation_of_user(
    db: &Db,
    tenant: TenantId,
    user: Uuid,
) -> Result<Option<Uuid>, DbError> {
    let mut conn = db.read().await?;
    let row: Option<(Uuid,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT organisation_id FROM organisation_members WHERE tenant_id = $1 AND user_id = $2")
        .bind(tenant.as_uuid()).bind(user).fetch_optional(c).await)?;
    Ok(row.map(|r| r.0))
}

pub async fn organisation_of_user_tx(
    tx: &mut Tx,
    tenant: TenantId,
    user: Uuid,
) -> Result<Option<Uuid>, DbError> {
    let row: Option<(Uuid,)> = on_db!(tx, c => sqlx::query_as(
        "SELECT organisation_id FROM organisation_members WHERE tenant_id = $1 AND user_id = $2")
        .bind(tenant.as_uuid()).bind(user).fetch_optional(c).await)?;
    Ok(row.map(|r| r.0))
}

pub async fn add_member(
    tx: &mut Tx,
    tenant: TenantId,
    org: Uuid,
    user: Uuid,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO organisation_members (tenant_id, user_id, organisation_id) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, user_id) DO UPDATE SET organisation_id = excluded.organisation_id")
        .bind(tenant.as_uuid()).bind(user).bind(org).execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Accounts acting for an organisation: (user id, login, display name).
pub async fn members_of(
    db: &Db,
    tenant: TenantId,
    org: Uuid,
) -> Result<Vec<(Uuid, String, String)>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT u.user_id, u.login, u.display_name FROM organisation_members m JOIN users u ON u.user_id = m.user_id
         WHERE m.tenant_id = $1 AND m.organisation_id = $2 ORDER BY u.display_name")
        .bind(tenant.as_uuid()).bind(org).fetch_all(c).await)?)
}

/// Every active account acting for a partner organisation: (id, login, name).
pub async fn partner_accounts(
    db: &Db,
    tenant: TenantId,
) -> Result<Vec<(Uuid, String, String)>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT u.user_id, u.login, u.display_name FROM organisation_members m
         JOIN users u ON u.user_id = m.user_id
         JOIN organisations o ON o.tenant_id = m.tenant_id AND o.organisation_id = m.organisation_id
         WHERE m.tenant_id = $1 AND u.active = $2 AND o.status = 'partner' ORDER BY u.login")
        .bind(tenant.as_uuid()).bind(true).fetch_all(c).await)?)
}

// ---------------------------------------------------------------- invitations

pub async fn create_invitation(
    tx: &mut Tx,
    tenant: TenantId,
    user: Uuid,
    token_hash: &[u8],
    now: Timestamp,
    expires: Timestamp,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO account_invitations (tenant_id, token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(tenant.as_uuid()).bind(token_hash).bind(user).bind(now).bind(expires).execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Uses an invitation once: returns its account if the link is valid.
pub async fn use_invitation(
    tx: &mut Tx,
    tenant: TenantId,
    token_hash: &[u8],
    now: Timestamp,
) -> Result<Option<Uuid>, DbError> {
    let row: Option<(Uuid,)> = on_db!(tx, c => sqlx::query_as(
        "UPDATE account_invitations SET used_at = $3
         WHERE tenant_id = $1 AND token_hash = $2 AND used_at IS NULL AND expires_at > $3 RETURNING user_id")
        .bind(tenant.as_uuid()).bind(token_hash).bind(now).fetch_optional(c).await)?;
    Ok(row.map(|r| r.0))
}

pub async fn invitation_valid(
    db: &Db,
    tenant: TenantId,
    token_hash: &[u8],
    now: Timestamp,
) -> Result<bool, DbError> {
    let mut conn = db.read().await?;
    let row: Option<(Uuid,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT user_id FROM account_invitations WHERE tenant_id = $1 AND token_hash = $2 AND used_at IS NULL AND expires_at > $3")
        .bind(tenant.as_uuid()).bind(token_hash).bind(now).fetch_optional(c).await)?;
    Ok(row.is_some())
}

// ---------------------------------------------------------------- agreement

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AgreementVersion {
    pub version: i32,
    pub content: String,
    pub note: String,
    pub created_at: Timestamp,
}

pub async fn agreement_versions(
    db: &Db,
    tenant: TenantId,
) -> Result<Vec<AgreementVersion>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT version, content, note, created_at FROM agreement_versions WHERE tenant_id = $1 ORDER BY version DESC")
        .bind(tenant.as_uuid()).fetch_all(c).await)?)
}

/// Adds the next version; it becomes the current one.
pub async fn add_agreement_version(
    tx: &mut Tx,
    tenant: TenantId,
    content: &str,
    note: &str,
    by: Option<Uuid>,
    now: Timestamp,
) -> Result<i32, DbError> {
    let (next,): (i32,) = on_db!(tx, c => sqlx::query_as(
        "SELECT COALESCE(MAX(version), 0) + 1 FROM agreement_versions WHERE tenant_id = $1")
        .bind(tenant.as_uuid()).fetch_one(c).await)?;
    on_db!(tx, c => sqlx::query(
        "INSERT INTO agreement_versions (tenant_id, version, content, note, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(tenant.as_uuid()).bind(next).bind(content).bind(note).bind(now).bind(by).execute(c).await.map(|_| ()))?;
    Ok(next)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Signature {
    pub organisation_id: Uuid,
    pub name: String,
    pub version: i32,
    pub signed_on: String,
    pub signed_by: String,
}

pub async fn signatures(db: &Db, tenant: TenantId) -> Result<Vec<Signature>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT s.organisation_id, o.name, s.version, s.signed_on, s.signed_by FROM agreement_signatures s
         JOIN organisations o ON o.tenant_id = s.tenant_id AND o.organisation_id = s.organisation_id
         WHERE s.tenant_id = $1 ORDER BY s.version DESC, s.signed_on, o.name")
        .bind(tenant.as_uuid()).fetch_all(c).await)?)
}

/// Records that an organisation accepts a version. Returns false if it had
/// already accepted that version.
pub async fn sign(
    tx: &mut Tx,
    tenant: TenantId,
    org: Uuid,
    version: i32,
    signed_on: &str,
    signed_by: &str,
    accepted_by: Option<Uuid>,
    now: Timestamp,
) -> Result<bool, DbError> {
    let n = on_db!(tx, c => sqlx::query(
        "INSERT INTO agreement_signatures (tenant_id, organisation_id, version, signed_on, signed_by, accepted_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (tenant_id, organisation_id, version) DO NOTHING")
        .bind(tenant.as_uuid()).bind(org).bind(version).bind(signed_on).bind(signed_by).bind(accepted_by).bind(now)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

// ---------------------------------------------------------------- bodies

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Body {
    pub body_id: Uuid,
    pub kind: String,
    pub name: String,
    pub description: String,
    pub quorum_percent: i32,
    pub majority: String,
    pub reviews_applications: bool,
}

const BODY_COLUMNS: &str =
    "body_id, kind, name, description, quorum_percent, majority, reviews_applications";

pub async fn create_body(
    tx: &mut Tx,
    tenant: TenantId,
    kind: &str,
    name: &str,
    description: &str,
    quorum_percent: i32,
    majority: &str,
    reviews_applications: bool,
    now: Timestamp,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    on_db!(tx, c => sqlx::query(
        "INSERT INTO bodies (tenant_id, body_id, kind, name, description, quorum_percent, majority, reviews_applications, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
        .bind(tenant.as_uuid()).bind(id).bind(kind).bind(name).bind(description).bind(quorum_percent)
        .bind(majority).bind(reviews_applications).bind(now).execute(c).await.map(|_| ()))?;
    Ok(id)
}

pub async fn bodies(db: &Db, tenant: TenantId) -> Result<Vec<Body>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {BODY_COLUMNS} FROM bodies WHERE tenant_id = $1 ORDER BY name"))
        .bind(tenant.as_uuid()).fetch_all(c).await)?)
}

pub async fn body(db: &Db, tenant: TenantId, id: Uuid) -> Result<Option<Body>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {BODY_COLUMNS} FROM bodies WHERE tenant_id = $1 AND body_id = $2"))
        .bind(tenant.as_uuid()).bind(id).fetch_optional(c).await)?)
}

async fn body_tx(tx: &mut Tx, tenant: TenantId, id: Uuid) -> Result<Option<Body>, DbError> {
    Ok(on_db!(tx, c => sqlx::query_as(&format!(
        "SELECT {BODY_COLUMNS} FROM bodies WHERE tenant_id = $1 AND body_id = $2"))
        .bind(tenant.as_uuid()).bind(id).fetch_optional(c).await)?)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Member {
    pub member_id: Uuid,
    pub user_id: Option<Uuid>,
    pub person_name: String,
    pub organisation_id: Option<Uuid>,
    pub organisation_name: Option<String>,
    pub organisation_kind: Option<String>,
    pub role: String,
    pub term_from: String,
    pub term_until: Option<String>,
}

pub async fn add_body_member(
    tx: &mut Tx,
    tenant: TenantId,
    body: Uuid,
    user: Option<Uuid>,
    person_name: &str,
    org: Option<Uuid>,
    role: &str,
    term_from: &str,
    term_until: Option<&str>,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    on_db!(tx, c => sqlx::query(
        "INSERT INTO body_members (tenant_id, member_id, body_id, user_id, person_name, organisation_id, role, term_from, term_until)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
        .bind(tenant.as_uuid()).bind(id).bind(body).bind(user).bind(person_name).bind(org).bind(role)
        .bind(term_from).bind(term_until).execute(c).await.map(|_| ()))?;
    Ok(id)
}

pub async fn remove_body_member(
    tx: &mut Tx,
    tenant: TenantId,
    body: Uuid,
    member: Uuid,
) -> Result<bool, DbError> {
    let n = on_db!(tx, c => sqlx::query("DELETE FROM body_members WHERE tenant_id = $1 AND body_id = $2 AND member_id = $3")
        .bind(tenant.as_uuid()).bind(body).bind(member).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

const MEMBER_SELECT: &str = "SELECT m.member_id, m.user_id, m.person_name, m.organisation_id, o.name AS organisation_name,
    o.kind AS organisation_kind, m.role, m.term_from, m.term_until
    FROM body_members m LEFT JOIN organisations o ON o.tenant_id = m.tenant_id AND o.organisation_id = m.organisation_id";

pub async fn body_members(db: &Db, tenant: TenantId, body: Uuid) -> Result<Vec<Member>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "{MEMBER_SELECT} WHERE m.tenant_id = $1 AND m.body_id = $2 ORDER BY m.role, m.person_name"))
        .bind(tenant.as_uuid()).bind(body).fetch_all(c).await)?)
}

async fn body_members_tx(
    tx: &mut Tx,
    tenant: TenantId,
    body: Uuid,
) -> Result<Vec<Member>, DbError> {
    Ok(on_db!(tx, c => sqlx::query_as(&format!(
        "{MEMBER_SELECT} WHERE m.tenant_id = $1 AND m.body_id = $2"))
        .bind(tenant.as_uuid()).bind(body).fetch_all(c).await)?)
}

/// May this member vote on `today` (an ISO date)? Chairs and members in their
/// term; guests never.
pub fn entitled(m: &Member, today: &str) -> bool {
    m.role != "guest"
        && m.user_id.is_some()
        && m.term_from.as_str() <= today
        && m.term_until.as_deref().is_none_or(|u| today <= u)
}

/// Bodies an account is a member of (any role, in term or not).
pub async fn bodies_of_user(db: &Db, tenant: TenantId, user: Uuid) -> Result<Vec<Uuid>, DbError> {
    let mut conn = db.read().await?;
    let rows: Vec<(Uuid,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT DISTINCT body_id FROM body_members WHERE tenant_id = $1 AND user_id = $2")
        .bind(tenant.as_uuid()).bind(user).fetch_all(c).await)?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

// ---------------------------------------------------------------- applications

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Application {
    pub application_id: Uuid,
    pub status: String,
    pub lang: String,
    pub org_name: String,
    pub kind: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub contact_name: String,
    pub contact_function: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub website: String,
    pub languages: String,
    pub topics: String,
    pub motivation: String,
    pub statutes_name: Option<String>,
    pub eligible: bool,
    pub eligibility_override: Option<String>,
    pub body_id: Option<Uuid>,
    pub decision_reason: Option<String>,
    pub decided_at: Option<Timestamp>,
    pub organisation_id: Option<Uuid>,
    pub created_at: Timestamp,
    pub submitted_at: Option<Timestamp>,
}

impl Application {
    pub fn status(&self) -> AppStatus {
        AppStatus::parse(&self.status).unwrap_or(AppStatus::Interest)
    }
}

const APP_COLUMNS: &str = "application_id, status, lang, org_name, kind, street, postcode, city, contact_name, contact_function,
    contact_email, contact_phone, website, languages, topics, motivation, statutes_name, eligible, eligibility_override,
    body_id, decision_reason, decided_at, organisation_id, created_at, submitted_at";

/// A declaration of interest: the first step.
pub async fn declare_interest(
    tx: &mut Tx,
    tenant: TenantId,
    token_hash: &[u8],
    lang: &str,
    org_name: &str,
    contact_name: &str,
    contact_email: &str,
    city: &str,
    eligible: bool,
    now: Timestamp,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    on_db!(tx, c => sqlx::query(
        "INSERT INTO applications (tenant_id, application_id, token_hash, status, lang, org_name, kind, street, postcode, city,
           contact_name, contact_function, contact_email, contact_phone, website, languages, topics, motivation, eligible, created_at)
         VALUES ($1, $2, $3, 'interest', $10, $4, 'other', '', '', $5, $6, '', $7, '', '', '', '', '', $8, $9)")
        .bind(tenant.as_uuid()).bind(id).bind(token_hash).bind(org_name).bind(city).bind(contact_name)
        .bind(contact_email).bind(eligible).bind(now).bind(lang).execute(c).await.map(|_| ()))?;
    Ok(id)
}

/// The full application, accepted only while the application is at the
/// interest step (a second submission changes nothing).
pub async fn submit_application(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    d: &OrgData,
    contact: (&str, &str, &str, &str),
    motivation: &str,
    statutes: (&[u8], &str),
    eligible: bool,
    now: Timestamp,
) -> Result<bool, DbError> {
    let kind = d.kind.unwrap_or(OrgKind::Other);
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE applications SET status = 'submitted', org_name = $3, kind = $4, street = $5, postcode = $6, city = $7,
           contact_name = $8, contact_function = $9, contact_email = $10, contact_phone = $11, website = $12,
           languages = $13, topics = $14, motivation = $15, statutes = $16, statutes_name = $17, eligible = $18, submitted_at = $19
         WHERE tenant_id = $1 AND application_id = $2 AND status = 'interest'")
        .bind(tenant.as_uuid()).bind(id).bind(&d.name).bind(kind.as_str()).bind(&d.street).bind(&d.postcode).bind(&d.city)
        .bind(contact.0).bind(contact.1).bind(contact.2).bind(contact.3).bind(&d.website)
        .bind(d.languages.join(" ")).bind(Topic::join(&d.topics)).bind(motivation)
        .bind(statutes.0).bind(statutes.1).bind(eligible).bind(now)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

pub async fn application_by_token(
    db: &Db,
    tenant: TenantId,
    token_hash: &[u8],
) -> Result<Option<Application>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {APP_COLUMNS} FROM applications WHERE tenant_id = $1 AND token_hash = $2"))
        .bind(tenant.as_uuid()).bind(token_hash).fetch_optional(c).await)?)
}

pub async fn application(
    db: &Db,
    tenant: TenantId,
    id: Uuid,
) -> Result<Option<Application>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {APP_COLUMNS} FROM applications WHERE tenant_id = $1 AND application_id = $2"))
        .bind(tenant.as_uuid()).bind(id).fetch_optional(c).await)?)
}

pub async fn applications(db: &Db, tenant: TenantId) -> Result<Vec<Application>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "SELECT {APP_COLUMNS} FROM applications WHERE tenant_id = $1 ORDER BY created_at DESC"))
        .bind(tenant.as_uuid()).fetch_all(c).await)?)
}

pub async fn statutes(
    db: &Db,
    tenant: TenantId,
    id: Uuid,
) -> Result<Option<(Vec<u8>, String)>, DbError> {
    let mut conn = db.read().await?;
    let row: Option<(Option<Vec<u8>>, Option<String>)> = on_db!(conn, c => sqlx::query_as(
        "SELECT statutes, statutes_name FROM applications WHERE tenant_id = $1 AND application_id = $2")
        .bind(tenant.as_uuid()).bind(id).fetch_optional(c).await)?;
    Ok(row.and_then(|(b, n)| Some((b?, n.unwrap_or_default()))))
}

/// Locks the application row for the rest of `tx` and returns it.
pub async fn lock_application(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
) -> Result<Option<Application>, DbError> {
    let touched = on_db!(tx, c => sqlx::query(
        "UPDATE applications SET status = status WHERE tenant_id = $1 AND application_id = $2")
        .bind(tenant.as_uuid()).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    if touched == 0 {
        return Ok(None);
    }
    Ok(on_db!(tx, c => sqlx::query_as(&format!(
        "SELECT {APP_COLUMNS} FROM applications WHERE tenant_id = $1 AND application_id = $2"))
        .bind(tenant.as_uuid()).bind(id).fetch_optional(c).await)?)
}

pub async fn override_eligibility(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    reason: &str,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "UPDATE applications SET eligibility_override = $3 WHERE tenant_id = $1 AND application_id = $2")
        .bind(tenant.as_uuid()).bind(id).bind(reason).execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn open_review(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    body: Uuid,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "UPDATE applications SET status = 'in_review', body_id = $3 WHERE tenant_id = $1 AND application_id = $2")
        .bind(tenant.as_uuid()).bind(id).bind(body).execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn record_decision(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    status: AppStatus,
    reason: &str,
    org: Option<Uuid>,
    now: Timestamp,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "UPDATE applications SET status = $3, decision_reason = $4, decided_at = $5, organisation_id = $6
         WHERE tenant_id = $1 AND application_id = $2")
        .bind(tenant.as_uuid()).bind(id).bind(status.as_str()).bind(reason).bind(now).bind(org)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Records a vote; returns false if the account has already voted.
pub async fn vote(
    tx: &mut Tx,
    tenant: TenantId,
    app: Uuid,
    user: Uuid,
    vote: Vote,
    now: Timestamp,
) -> Result<bool, DbError> {
    let n = on_db!(tx, c => sqlx::query(
        "INSERT INTO application_votes (tenant_id, application_id, user_id, vote, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, application_id, user_id) DO NOTHING")
        .bind(tenant.as_uuid()).bind(app).bind(user).bind(vote.as_str()).bind(now)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CastVote {
    pub user_id: Uuid,
    pub display_name: String,
    pub vote: String,
    pub created_at: Timestamp,
}

pub async fn votes(db: &Db, tenant: TenantId, app: Uuid) -> Result<Vec<CastVote>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT v.user_id, u.display_name, v.vote, v.created_at FROM application_votes v JOIN users u ON u.user_id = v.user_id
         WHERE v.tenant_id = $1 AND v.application_id = $2 ORDER BY v.created_at")
        .bind(tenant.as_uuid()).bind(app).fetch_all(c).await)?)
}

/// The tally of the entitled members' votes, inside `tx` (after
/// [`lock_application`]).
pub async fn tally_tx(
    tx: &mut Tx,
    tenant: TenantId,
    app: Uuid,
    body: Uuid,
    today: &str,
) -> Result<Option<(super::model::Tally, Body)>, DbError> {
    let Some(b) = body_tx(tx, tenant, body).await? else {
        return Ok(None);
    };
    let members = body_members_tx(tx, tenant, body).await?;
    let cast: Vec<(Uuid, String)> = on_db!(tx, c => sqlx::query_as(
        "SELECT user_id, vote FROM application_votes WHERE tenant_id = $1 AND application_id = $2")
        .bind(tenant.as_uuid()).bind(app).fetch_all(c).await)?;
    Ok(Some((tally_of(&b, &members, &cast, today), b)))
}

/// The tally of the votes `cast` (account, vote) that count: those of the
/// members entitled to vote on `today`.
pub fn tally_of(
    body: &Body,
    members: &[Member],
    cast: &[(Uuid, String)],
    today: &str,
) -> super::model::Tally {
    let mut entitled_users: Vec<Uuid> = members
        .iter()
        .filter(|m| entitled(m, today))
        .filter_map(|m| m.user_id)
        .collect();
    entitled_users.sort();
    entitled_users.dedup();
    let count = |v: &str| {
        cast.iter()
            .filter(|(u, x)| x == v && entitled_users.contains(u))
            .count() as i64
    };
    super::model::Tally::new(
        count("yes"),
        count("no"),
        count("abstain"),
        entitled_users.len() as i64,
        i64::from(body.quorum_percent),
    )
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Comment {
    pub display_name: String,
    pub body: String,
    pub created_at: Timestamp,
}

pub async fn add_comment(
    tx: &mut Tx,
    tenant: TenantId,
    app: Uuid,
    author: Uuid,
    body: &str,
    now: Timestamp,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO application_comments (tenant_id, comment_id, application_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(tenant.as_uuid()).bind(Uuid::now_v7()).bind(app).bind(author).bind(body).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn comments(db: &Db, tenant: TenantId, app: Uuid) -> Result<Vec<Comment>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT u.display_name, c.body, c.created_at FROM application_comments c JOIN users u ON u.user_id = c.author_id
         WHERE c.tenant_id = $1 AND c.application_id = $2 ORDER BY c.created_at")
        .bind(tenant.as_uuid()).bind(app).fetch_all(c).await)?)
}

// ---------------------------------------------------------------- goals, measures, action items

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Goal {
    pub goal_id: Uuid,
    pub position: i32,
    pub title: String,
    pub description: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Measure {
    pub measure_id: Uuid,
    pub goal_id: Uuid,
    pub title: String,
    pub description: String,
    pub topics: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Action {
    pub action_id: Uuid,
    pub measure_id: Uuid,
    pub title: String,
    pub owner_organisation_id: Option<Uuid>,
    pub owner_name: Option<String>,
    pub responsible: String,
    pub due_on: Option<String>,
    pub status: String,
    pub drop_reason: String,
    pub evidence: String,
    pub internal_note: String,
    pub source: String,
}

impl Action {
    pub fn status(&self) -> ActionStatus {
        ActionStatus::parse(&self.status).unwrap_or(ActionStatus::Open)
    }
    /// Open or in progress with a due date before `today` (ISO date).
    pub fn overdue(&self, today: &str) -> bool {
        matches!(self.status(), ActionStatus::Open | ActionStatus::InProgress)
            && self.due_on.as_deref().is_some_and(|d| d < today)
    }
}

pub async fn add_goal(
    tx: &mut Tx,
    tenant: TenantId,
    title: &str,
    description: &str,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    let (pos,): (i32,) = on_db!(tx, c => sqlx::query_as("SELECT COALESCE(MAX(position), 0) + 1 FROM goals WHERE tenant_id = $1")
        .bind(tenant.as_uuid()).fetch_one(c).await)?;
    on_db!(tx, c => sqlx::query("INSERT INTO goals (tenant_id, goal_id, position, title, description) VALUES ($1, $2, $3, $4, $5)")
        .bind(tenant.as_uuid()).bind(id).bind(pos).bind(title).bind(description).execute(c).await.map(|_| ()))?;
    Ok(id)
}

pub async fn goals(db: &Db, tenant: TenantId) -> Result<Vec<Goal>, DbError> {
    let mut conn = db.read().await?;
    Ok(
        on_db!(conn, c => sqlx::query_as("SELECT goal_id, position, title, description FROM goals WHERE tenant_id = $1 ORDER BY position")
        .bind(tenant.as_uuid()).fetch_all(c).await)?,
    )
}

pub async fn add_measure(
    tx: &mut Tx,
    tenant: TenantId,
    goal: Uuid,
    title: &str,
    description: &str,
    topics: &[Topic],
    now: Timestamp,
) -> Result<Option<Uuid>, DbError> {
    let exists: Option<(Uuid,)> = on_db!(tx, c => sqlx::query_as("SELECT goal_id FROM goals WHERE tenant_id = $1 AND goal_id = $2")
        .bind(tenant.as_uuid()).bind(goal).fetch_optional(c).await)?;
    if exists.is_none() {
        return Ok(None);
    }
    let id = Uuid::now_v7();
    on_db!(tx, c => sqlx::query(
        "INSERT INTO measures (tenant_id, measure_id, goal_id, title, description, topics, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .bind(tenant.as_uuid()).bind(id).bind(goal).bind(title).bind(description).bind(Topic::join(topics)).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok(Some(id))
}

pub async fn measures(db: &Db, tenant: TenantId) -> Result<Vec<Measure>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT measure_id, goal_id, title, description, topics FROM measures WHERE tenant_id = $1 ORDER BY created_at")
        .bind(tenant.as_uuid()).fetch_all(c).await)?)
}

/// A new action item (owner, responsible person, due date).
#[derive(Debug, Clone)]
pub struct NewAction {
    pub measure: Uuid,
    pub title: String,
    pub owner: Option<Uuid>,
    pub responsible: String,
    pub due_on: Option<String>,
    pub source: String,
}

pub async fn add_action(
    tx: &mut Tx,
    tenant: TenantId,
    a: &NewAction,
    now: Timestamp,
) -> Result<Option<Uuid>, DbError> {
    let exists: Option<(Uuid,)> = on_db!(tx, c => sqlx::query_as("SELECT measure_id FROM measures WHERE tenant_id = $1 AND measure_id = $2")
        .bind(tenant.as_uuid()).bind(a.measure).fetch_optional(c).await)?;
    if exists.is_none() {
        return Ok(None);
    }
    let id = Uuid::now_v7();
    on_db!(tx, c => sqlx::query(
        "INSERT INTO action_items (tenant_id, action_id, measure_id, title, owner_organisation_id, responsible, due_on, status,
           drop_reason, evidence, internal_note, source, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', '', '', '', $8, $9, $9)")
        .bind(tenant.as_uuid()).bind(id).bind(a.measure).bind(&a.title).bind(a.owner).bind(&a.responsible)
        .bind(a.due_on.as_deref()).bind(&a.source).bind(now).execute(c).await.map(|_| ()))?;
    Ok(Some(id))
}

/// Changes an action item's status. `only_owner`: the change is allowed only
/// if the item belongs to that organisation (a partner's own items).
pub async fn update_action(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    status: ActionStatus,
    drop_reason: &str,
    evidence: &str,
    internal_note: Option<&str>,
    only_owner: Option<Uuid>,
    now: Timestamp,
) -> Result<bool, DbError> {
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE action_items SET status = $3, drop_reason = $4, evidence = $5, internal_note = COALESCE($6, internal_note), updated_at = $7
         WHERE tenant_id = $1 AND action_id = $2 AND ($8 IS NULL OR owner_organisation_id = $8)")
        .bind(tenant.as_uuid()).bind(id).bind(status.as_str()).bind(drop_reason).bind(evidence).bind(internal_note)
        .bind(now).bind(only_owner).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

const ACTION_SELECT: &str = "SELECT a.action_id, a.measure_id, a.title, a.owner_organisation_id, o.name AS owner_name, a.responsible,
    a.due_on, a.status, a.drop_reason, a.evidence, a.internal_note, a.source
    FROM action_items a LEFT JOIN organisations o ON o.tenant_id = a.tenant_id AND o.organisation_id = a.owner_organisation_id";

pub async fn actions(db: &Db, tenant: TenantId) -> Result<Vec<Action>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "{ACTION_SELECT} WHERE a.tenant_id = $1 ORDER BY a.due_on, a.created_at"))
        .bind(tenant.as_uuid()).fetch_all(c).await)?)
}

pub async fn actions_of_org(db: &Db, tenant: TenantId, org: Uuid) -> Result<Vec<Action>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "{ACTION_SELECT} WHERE a.tenant_id = $1 AND a.owner_organisation_id = $2 ORDER BY a.due_on, a.created_at"))
        .bind(tenant.as_uuid()).bind(org).fetch_all(c).await)?)
}

// ---------------------------------------------------------------- press releases

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Release {
    pub release_id: Uuid,
    pub lang: String,
    pub status: String,
    pub current_version: i32,
    pub published_version: Option<i32>,
    pub published_at: Option<Timestamp>,
    pub title: String,
    pub body: String,
    pub version_at: Timestamp,
}

/// A release joined with one of its versions (the caller adds which).
const RELEASE_FROM: &str = "SELECT r.release_id, r.lang, r.status, r.current_version, r.published_version, r.published_at,
    v.title, v.body, v.created_at AS version_at
    FROM press_releases r JOIN press_release_versions v ON v.tenant_id = r.tenant_id AND v.release_id = r.release_id";
/// The published version, or the current one of a draft.
const SHOWN: &str = "AND v.version = COALESCE(r.published_version, r.current_version)";
/// The current version.
const CURRENT: &str = "AND v.version = r.current_version";

pub async fn create_release(
    tx: &mut Tx,
    tenant: TenantId,
    lang: &str,
    title: &str,
    body: &str,
    approvers: &[Uuid],
    by: Option<Uuid>,
    now: Timestamp,
) -> Result<Uuid, DbError> {
    let id = Uuid::now_v7();
    on_db!(tx, c => sqlx::query(
        "INSERT INTO press_releases (tenant_id, release_id, lang, status, current_version, created_at, created_by)
         VALUES ($1, $2, $3, 'draft', 1, $4, $5)")
        .bind(tenant.as_uuid()).bind(id).bind(lang).bind(now).bind(by).execute(c).await.map(|_| ()))?;
    insert_version(tx, tenant, id, 1, title, body, by, now).await?;
    for org in approvers {
        on_db!(tx, c => sqlx::query(
            "INSERT INTO press_release_approvers (tenant_id, release_id, organisation_id) VALUES ($1, $2, $3)")
            .bind(tenant.as_uuid()).bind(id).bind(*org).execute(c).await.map(|_| ()))?;
    }
    Ok(id)
}

async fn insert_version(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    version: i32,
    title: &str,
    body: &str,
    by: Option<Uuid>,
    now: Timestamp,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO press_release_versions (tenant_id, release_id, version, title, body, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .bind(tenant.as_uuid()).bind(id).bind(version).bind(title).bind(body).bind(now).bind(by)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Locks a release for the rest of `tx`: returns `(status, current_version)`.
pub async fn lock_release(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
) -> Result<Option<(String, i32)>, DbError> {
    Ok(on_db!(tx, c => sqlx::query_as(
        "UPDATE press_releases SET status = status WHERE tenant_id = $1 AND release_id = $2 RETURNING status, current_version")
        .bind(tenant.as_uuid()).bind(id).fetch_optional(c).await)?)
}

/// A new version of a draft (the caller holds the lock). Decisions belong to
/// versions, so every earlier approval stops counting.
pub async fn edit_release(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    current: i32,
    title: &str,
    body: &str,
    by: Option<Uuid>,
    now: Timestamp,
) -> Result<i32, DbError> {
    let next = current + 1;
    insert_version(tx, tenant, id, next, title, body, by, now).await?;
    on_db!(tx, c => sqlx::query(
        "UPDATE press_releases SET current_version = $3 WHERE tenant_id = $1 AND release_id = $2 AND status = 'draft'")
        .bind(tenant.as_uuid()).bind(id).bind(next).execute(c).await.map(|_| ()))?;
    Ok(next)
}

/// Records an organisation's decision on a version (replacing an earlier
/// decision of the same organisation on the same version).
pub async fn decide_release(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    version: i32,
    org: Uuid,
    decision: PressDecision,
    comment: &str,
    user: Uuid,
    now: Timestamp,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO press_release_decisions (tenant_id, release_id, version, organisation_id, decision, comment, user_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (tenant_id, release_id, version, organisation_id)
         DO UPDATE SET decision = excluded.decision, comment = excluded.comment, user_id = excluded.user_id, created_at = excluded.created_at")
        .bind(tenant.as_uuid()).bind(id).bind(version).bind(org).bind(decision.as_str()).bind(comment).bind(user).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Organisations of the approval set that have not approved `version`.
pub async fn missing_approvals_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    version: i32,
) -> Result<i64, DbError> {
    let (n,): (i64,) = on_db!(tx, c => sqlx::query_as(
        "SELECT COUNT(*) FROM press_release_approvers a
         WHERE a.tenant_id = $1 AND a.release_id = $2 AND NOT EXISTS (
           SELECT 1 FROM press_release_decisions d
           WHERE d.tenant_id = a.tenant_id AND d.release_id = a.release_id AND d.organisation_id = a.organisation_id
             AND d.version = $3 AND d.decision = 'approve')")
        .bind(tenant.as_uuid()).bind(id).bind(version).fetch_one(c).await)?;
    Ok(n)
}

/// Publishes the current version (the caller holds the lock and has checked
/// the approvals in the same transaction).
pub async fn publish_release(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    version: i32,
    now: Timestamp,
) -> Result<bool, DbError> {
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE press_releases SET status = 'published', published_version = $3, published_at = $4
         WHERE tenant_id = $1 AND release_id = $2 AND status = 'draft' AND current_version = $3")
        .bind(tenant.as_uuid()).bind(id).bind(version).bind(now).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

pub async fn release(db: &Db, tenant: TenantId, id: Uuid) -> Result<Option<Release>, DbError> {
    let mut conn = db.read().await?;
    Ok(
        on_db!(conn, c => sqlx::query_as(&format!("{RELEASE_FROM} {SHOWN} WHERE r.tenant_id = $1 AND r.release_id = $2"))
        .bind(tenant.as_uuid()).bind(id).fetch_optional(c).await)?,
    )
}

/// The current version's text of a release (drafts included).
pub async fn release_current(
    db: &Db,
    tenant: TenantId,
    id: Uuid,
) -> Result<Option<Release>, DbError> {
    let mut conn = db.read().await?;
    Ok(
        on_db!(conn, c => sqlx::query_as(&format!("{RELEASE_FROM} {CURRENT} WHERE r.tenant_id = $1 AND r.release_id = $2"))
        .bind(tenant.as_uuid()).bind(id).fetch_optional(c).await)?,
    )
}

pub async fn published_releases(
    db: &Db,
    tenant: TenantId,
    limit: i64,
) -> Result<Vec<Release>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(&format!(
        "{RELEASE_FROM} {SHOWN} WHERE r.tenant_id = $1 AND r.status = 'published' ORDER BY r.published_at DESC LIMIT $2"))
        .bind(tenant.as_uuid()).bind(limit).fetch_all(c).await)?)
}

pub async fn all_releases(db: &Db, tenant: TenantId) -> Result<Vec<Release>, DbError> {
    let mut conn = db.read().await?;
    Ok(
        on_db!(conn, c => sqlx::query_as(&format!("{RELEASE_FROM} {CURRENT} WHERE r.tenant_id = $1 ORDER BY r.created_at DESC"))
        .bind(tenant.as_uuid()).fetch_all(c).await)?,
    )
}

/// Drafts whose approval set includes `org`.
pub async fn releases_for_org(
    db: &Db,
    tenant: TenantId,
    org: Uuid,
) -> Result<Vec<Release>, DbError> {
    let mut conn = db.read().await?;
    Ok(
        on_db!(conn, c => sqlx::query_as(&format!("{RELEASE_FROM} {CURRENT} JOIN press_release_approvers a ON a.tenant_id = r.tenant_id AND a.release_id = r.release_id WHERE r.tenant_id = $1 AND a.organisation_id = $2 ORDER BY r.created_at DESC"))
        .bind(tenant.as_uuid()).bind(org).fetch_all(c).await)?,
    )
}

/// The approval set with each organisation's decision on `version`.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApprovalLine {
    pub organisation_id: Uuid,
    pub name: String,
    pub decision: Option<String>,
    pub comment: Option<String>,
}

pub async fn approvals(
    db: &Db,
    tenant: TenantId,
    id: Uuid,
    version: i32,
) -> Result<Vec<ApprovalLine>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT a.organisation_id, o.name, d.decision, d.comment FROM press_release_approvers a
         JOIN organisations o ON o.tenant_id = a.tenant_id AND o.organisation_id = a.organisation_id
         LEFT JOIN press_release_decisions d ON d.tenant_id = a.tenant_id AND d.release_id = a.release_id
           AND d.organisation_id = a.organisation_id AND d.version = $3
         WHERE a.tenant_id = $1 AND a.release_id = $2 ORDER BY o.name")
        .bind(tenant.as_uuid()).bind(id).bind(version).fetch_all(c).await)?)
}

pub async fn is_approver_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    org: Uuid,
) -> Result<bool, DbError> {
    let row: Option<(Uuid,)> = on_db!(tx, c => sqlx::query_as(
        "SELECT organisation_id FROM press_release_approvers WHERE tenant_id = $1 AND release_id = $2 AND organisation_id = $3")
        .bind(tenant.as_uuid()).bind(id).bind(org).fetch_optional(c).await)?;
    Ok(row.is_some())
}

/// Partner organisations by kind that had joined before `at` (for the
/// transparency dashboard).
pub async fn partners_by_kind(
    db: &Db,
    tenant: TenantId,
    at: Timestamp,
) -> Result<Vec<(String, i64)>, DbError> {
    let mut conn = db.read().await?;
    let rows = on_db!(conn, c => sqlx::query_as(
        "SELECT kind, COUNT(*) FROM organisations
         WHERE tenant_id = $1 AND status = 'partner' AND (partner_since IS NULL OR partner_since < $2)
         GROUP BY kind")
        .bind(tenant.as_uuid()).bind(at).fetch_all(c).await)?;
    Ok(rows)
}
