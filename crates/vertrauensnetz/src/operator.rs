//! Operations behind the command-line interface: they work on the same
//! database a running server uses.

use std::path::Path;

use anyhow::{anyhow, bail, Context};

use crate::platform::audit::{self, Actor, Entry};
use crate::platform::auth::{password, store, Role};
use crate::platform::clock::Clock;
use crate::platform::config::Config;
use crate::platform::db::{self, Db, DbKind};
use crate::platform::districts;
use crate::platform::mail;
use crate::platform::tenants::{self, NewTenant, TenantSlug};

/// Opens the configured database and brings its schema up to date.
pub async fn open(config: &Config) -> anyhow::Result<Db> {
    if DbKind::from_url(&config.database_url)? == DbKind::Sqlite {
        std::fs::create_dir_all(&config.data_dir).with_context(|| {
            format!(
                "cannot create the data directory {}",
                config.data_dir.display()
            )
        })?;
    }
    let db = Db::connect(&config.database_url)
        .await
        .context("cannot open the database")?;
    db::migrate(&db)
        .await
        .context("cannot migrate the database")?;
    Ok(db)
}

pub async fn migrate(config: &Config) -> anyhow::Result<()> {
    let db = open(config).await?;
    db.close().await;
    Ok(())
}

/// Adds a tenant (municipality).
pub async fn tenant_add(
    config: &Config,
    slug: &str,
    name: &str,
    jurisdiction_id: &str,
    lat: f64,
    lon: f64,
) -> anyhow::Result<()> {
    let slug = TenantSlug::parse(slug).ok_or_else(|| {
        anyhow!("invalid tenant name {slug:?}: use lower-case letters, digits and '-'")
    })?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        bail!("the centre's coordinates are out of range");
    }
    let db = open(config).await?;
    let now = Clock::default().now_ts();
    let mut tx = db.begin().await?;
    if tenants::tenant_by_slug_tx(&mut tx, slug.as_str())
        .await?
        .is_some()
    {
        bail!("the tenant {slug} exists already");
    }
    let t = tenants::create_tenant(
        &mut tx,
        NewTenant {
            slug: &slug,
            name,
            jurisdiction_id,
            time_zone: "Europe/Berlin",
            centre_lat: lat,
            centre_lon: lon,
        },
        now,
    )
    .await?;
    audit::append(
        &mut tx,
        t.id,
        now,
        &Entry::new(Actor::System, "tenant.create", "tenant", t.id),
    )
    .await?;
    crate::reports::demo::setup_tenant(&mut tx, &t).await?;
    tx.commit().await?;
    db.close().await;
    Ok(())
}

/// Generates `count` reports on a tenant for load tests.
pub async fn generate_reports(
    config: &Config,
    tenant: &str,
    count: usize,
) -> anyhow::Result<usize> {
    let db = open(config).await?;
    let mut tx = db.begin().await?;
    let t = tenants::tenant_by_slug_tx(&mut tx, tenant)
        .await?
        .ok_or_else(|| anyhow!("no tenant {tenant}"))?;
    tx.commit().await?;
    let categories = crate::reports::store::categories(&db, t.id).await?;
    let districts = tenants::districts(&db, t.id).await?;
    let n = crate::reports::generate::reports(
        &db,
        &t,
        &categories,
        &districts,
        count,
        Clock::default().now_ts(),
        count as u64,
    )
    .await?;
    db.close().await;
    Ok(n)
}

/// Adds an account with a role (or grants the role to an existing account);
/// returns the generated password, if an account was created.
pub async fn user_add(
    config: &Config,
    tenant: &str,
    role: &str,
    email: &str,
    name: Option<&str>,
) -> anyhow::Result<Option<String>> {
    let role = Role::parse(role).ok_or_else(|| {
        anyhow!(
            "unknown role {role:?}; roles: {}",
            Role::ALL.map(|r| r.as_str()).join(", ")
        )
    })?;
    if !mail::valid_address(email) {
        bail!("{email:?} is not a valid e-mail address");
    }
    let db = open(config).await?;
    let now = Clock::default().now_ts();
    let mut tx = db.begin().await?;
    let t = tenants::tenant_by_slug_tx(&mut tx, tenant)
        .await?
        .ok_or_else(|| anyhow!("unknown tenant {tenant:?}"))?;
    let result = if let Some(existing) = store::user_by_login_tx(&mut tx, email).await? {
        store::grant_role(&mut tx, t.id, existing.user_id, role, now).await?;
        audit::append(
            &mut tx,
            t.id,
            now,
            &Entry::new(Actor::System, "user.role.grant", "user", existing.user_id)
                .details(serde_json::json!({ "role": role.as_str() })),
        )
        .await?;
        None
    } else {
        let generated = password::generate();
        let hash = password::hash(generated.clone()).await?;
        let display = name.unwrap_or(email);
        let id = store::create_user(&mut tx, t.id, email, display, &hash, role, now).await?;
        audit::append(
            &mut tx,
            t.id,
            now,
            &Entry::new(Actor::System, "user.create", "user", id)
                .details(serde_json::json!({ "role": role.as_str() })),
        )
        .await?;
        Some(generated)
    };
    tx.commit().await?;
    db.close().await;
    Ok(result)
}

/// Creates an API token for an account on its home tenant.
pub async fn token_create(config: &Config, login: &str, name: &str) -> anyhow::Result<String> {
    let db = open(config).await?;
    let now = Clock::default().now_ts();
    let mut tx = db.begin().await?;
    let user = store::user_by_login_tx(&mut tx, login)
        .await?
        .ok_or_else(|| anyhow!("no account with the login {login:?}"))?;
    if !user.active {
        bail!("the account {login} is deactivated");
    }
    let tenant = tenants::TenantId::from_db(user.tenant_id);
    let (id, token) = store::create_token(&mut tx, tenant, user.user_id, name, now).await?;
    audit::append(
        &mut tx,
        tenant,
        now,
        &Entry::new(Actor::System, "token.create", "api_token", id),
    )
    .await?;
    tx.commit().await?;
    db.close().await;
    Ok(token)
}

/// Verifies every audit chain. `Ok(lines)` when intact.
pub async fn audit_verify(config: &Config) -> anyhow::Result<Result<Vec<String>, String>> {
    let db = open(config).await?;
    let result = audit::verify(&db).await?;
    // Receipts are checked against their chain entries too: a receipt row
    // deleted or changed directly in the database breaks verification.
    let receipts = match &result {
        Ok(_) => crate::receipts::store::cross_check(&db).await?,
        Err(_) => Ok(0),
    };
    db.close().await;
    if let Err(problem) = receipts {
        return Ok(Err(problem));
    }
    Ok(match result {
        Ok(chains) => Ok(chains
            .into_iter()
            .map(|c| {
                format!(
                    "{}: {} entries intact, head {}",
                    c.tenant,
                    c.entries,
                    hex::encode(c.head)
                )
            })
            .collect()),
        Err(b) => Err(b.to_string()),
    })
}

/// Writes a consistent copy of the SQLite database to `to`.
pub async fn backup(config: &Config, to: &Path) -> anyhow::Result<()> {
    if DbKind::from_url(&config.database_url)? == DbKind::Postgres {
        bail!(
            "this database is PostgreSQL: back it up with pg_dump, e.g.\n  pg_dump --format=custom --file={} \"{}\"\nand restore with pg_restore --clean --dbname=<url> {}",
            to.display(),
            redact_password(&config.database_url),
            to.display()
        );
    }
    if to.exists() {
        bail!("{} exists already; choose a new file", to.display());
    }
    let db = open(config).await?;
    db.backup_sqlite(to).await.context("backup failed")?;
    db.close().await;
    Ok(())
}

/// The URL with its password replaced, for messages.
fn redact_password(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = &url[scheme_end + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{}:***{}", &url[..scheme_end + 3], user, &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// Imports district boundaries; returns how many districts were written.
pub async fn import_districts(
    config: &Config,
    tenant: &str,
    file: &Path,
    name_property: Option<&str>,
) -> anyhow::Result<usize> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let parsed = districts::parse(&text, name_property)
        .with_context(|| format!("{} cannot be imported", file.display()))?;
    let db = open(config).await?;
    let now = Clock::default().now_ts();
    let mut tx = db.begin().await?;
    let t = tenants::tenant_by_slug_tx(&mut tx, tenant)
        .await?
        .ok_or_else(|| anyhow!("unknown tenant {tenant:?}"))?;
    for d in &parsed {
        tenants::upsert_district(&mut tx, t.id, d).await?;
    }
    audit::append(
        &mut tx,
        t.id,
        now,
        &Entry::new(Actor::System, "districts.import", "tenant", t.id)
            .details(serde_json::json!({ "districts": parsed.len() })),
    )
    .await?;
    tx.commit().await?;
    db.close().await;
    Ok(parsed.len())
}
