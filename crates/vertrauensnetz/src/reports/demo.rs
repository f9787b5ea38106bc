//! What every tenant starts with (departments and categories, routed) and
//! the demo's memberships and reports.

use std::collections::HashMap;

use uuid::Uuid;

use super::model::{self, Department};
use super::store;
use crate::platform::auth::Role;
use crate::platform::clock::Clock;
use crate::platform::db::{Db, DbError, Tx};
use crate::platform::tenants::Tenant;

/// Creates the default departments and categories of a new tenant.
pub async fn setup_tenant(tx: &mut Tx, tenant: &Tenant) -> Result<HashMap<String, Uuid>, DbError> {
    let mut ids = HashMap::new();
    for (code, kind, name) in model::DEFAULT_DEPARTMENTS {
        let d = Department {
            id: Uuid::now_v7(),
            code: (*code).to_owned(),
            name: (*name).to_owned(),
            kind: (*kind).to_owned(),
            email: None,
        };
        store::insert_department(tx, tenant.id, &d).await?;
        ids.insert((*code).to_owned(), d.id);
    }
    let by_code: HashMap<&str, Uuid> = ids.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    for c in model::default_categories(&by_code) {
        store::insert_category(tx, tenant.id, &c).await?;
    }
    Ok(ids)
}

/// The demo's department accounts: the `department` account works in every
/// city office and contractor (not police prevention), the `kod` account
/// in the order partnership.
pub async fn seed_setup(db: &Db, tenants: &[&Tenant]) -> anyhow::Result<()> {
    for tenant in tenants {
        let mut tx = db.begin().await?;
        let ids = setup_tenant(&mut tx, tenant).await?;
        let members: Vec<(Uuid, String)> = crate::on_db!(tx, c => sqlx::query_as(
            "SELECT u.user_id, g.role FROM users u JOIN role_grants g ON g.user_id = u.user_id
             WHERE g.tenant_id = $1 AND g.role IN ('department', 'kod')")
            .bind(tenant.id.as_uuid()).fetch_all(c).await)
        .map_err(DbError::from)?;
        for (user, role) in members {
            for (code, kind, _) in model::DEFAULT_DEPARTMENTS {
                let fits = match Role::parse(&role) {
                    Some(Role::Department) => matches!(*kind, "office" | "contractor"),
                    Some(Role::Kod) => *kind == "order_partnership",
                    _ => false,
                };
                if let (true, Some(d)) = (fits, ids.get(*code)) {
                    store::add_member(&mut tx, tenant.id, *d, user).await?;
                }
            }
        }
        tx.commit().await?;
    }
    Ok(())
}

/// The demo's reports: a few hundred across Dortmund's districts, with
/// public texts (for `vertrauensnetz demo` only; test servers start
/// without them).
pub async fn seed_reports(db: &Db, clock: &Clock, tenant: &Tenant) -> anyhow::Result<usize> {
    let categories = store::categories(db, tenant.id).await?;
    let districts = crate::platform::tenants::districts(db, tenant.id).await?;
    super::generate::reports(db, tenant, &categories, &districts, 300, clock.now_ts(), 7).await
}
