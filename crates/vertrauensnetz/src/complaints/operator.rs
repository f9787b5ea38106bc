//! Command-line operations of the complaint office: the tenant's recovery
//! key pair (its secret is printed once and kept offline by the
//! administration) and re-wrapping case keys with it, e.g. after a
//! caseworker's password was reset.

use anyhow::{anyhow, bail};
use base64::Engine;
use zeroize::Zeroizing;

use super::staff::FORWARD_TARGETS;
use super::{crypto, store};
use crate::operator::open;
use crate::platform::audit::{self, Actor, Entry};
use crate::platform::clock::Clock;
use crate::platform::config::Config;
use crate::platform::tenants;

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// Creates the tenant's recovery key pair and returns the secret (base64url)
/// to print. Refuses when the tenant already has one.
pub async fn recovery_key_create(config: &Config, slug: &str) -> anyhow::Result<Zeroizing<String>> {
    let db = open(config).await?;
    let now = Clock::default().now_ts();
    let mut tx = db.begin().await?;
    let tenant = tenants::tenant_by_slug_tx(&mut tx, slug)
        .await?
        .ok_or_else(|| anyhow!("no tenant {slug:?}"))?;
    let (public, secret) = crypto::key_pair();
    if !store::put_recovery_key(&mut tx, tenant.id, &public, now).await? {
        bail!("the tenant {slug} already has a recovery key");
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            Actor::System,
            "complaint.recovery_key.create",
            "tenant",
            tenant.id.as_uuid(),
        ),
    )
    .await?;
    tx.commit().await?;
    db.close().await;
    Ok(Zeroizing::new(B64.encode(secret.as_ref())))
}

/// Seals every case key (and forwarding key) the recovery key holds to each
/// caseworker (and liaison) key that lacks it. Returns the number of new
/// wraps.
pub async fn rewrap(config: &Config, slug: &str, secret_text: &str) -> anyhow::Result<usize> {
    let raw = Zeroizing::new(
        B64.decode(secret_text.trim())
            .map_err(|_| anyhow!("the recovery key is not valid base64url"))?,
    );
    let secret: [u8; 32] = raw
        .as_slice()
        .try_into()
        .map_err(|_| anyhow!("the recovery key has the wrong length"))?;
    let secret = Zeroizing::new(secret);
    let db = open(config).await?;
    let now = Clock::default().now_ts();
    let mut tx = db.begin().await?;
    let tenant = tenants::tenant_by_slug_tx(&mut tx, slug)
        .await?
        .ok_or_else(|| anyhow!("no tenant {slug:?}"))?;
    let public = store::recovery_key(&mut tx, tenant.id)
        .await?
        .ok_or_else(|| anyhow!("the tenant {slug} has no recovery key"))?;
    if public.as_slice() != crypto::public_of(&secret).as_slice() {
        bail!("this is not the recovery key of {slug}");
    }
    let ombuds = store::recipient_keys(&mut tx, tenant.id, "ombuds").await?;
    let mut liaisons = Vec::new();
    for a in FORWARD_TARGETS {
        for k in store::liaison_keys(&mut tx, tenant.id, a.as_str()).await? {
            liaisons.push((Some(a.as_str()), k));
        }
    }
    tx.commit().await?;
    let ombuds: Vec<(Option<&str>, Vec<u8>)> = ombuds.into_iter().map(|k| (None, k)).collect();
    let mut n = 0;
    let mut tx = db.begin().await?;
    for (purpose, recipients) in [("case", &ombuds), ("forward", &liaisons)] {
        for (case_id, sealed) in store::wraps_of(&db, tenant.id, purpose, &public).await? {
            let Ok(key) = crypto::unseal(&secret, &sealed) else {
                continue;
            };
            // Forwarding keys go only to the liaisons of the case's authority.
            let to = match purpose {
                "forward" => store::case(&db, tenant.id, case_id)
                    .await?
                    .and_then(|c| c.forwarded_to),
                _ => None,
            };
            for (_, r) in recipients
                .iter()
                .filter(|(a, _)| a.is_none() || *a == to.as_deref())
            {
                if store::wrap_for(&db, tenant.id, case_id, purpose, r)
                    .await?
                    .is_none()
                {
                    let s = crypto::seal_to(r, &key).map_err(|e| anyhow!("{e}"))?;
                    store::insert_wrap(&mut tx, tenant.id, case_id, purpose, r, &s).await?;
                    n += 1;
                }
            }
        }
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            Actor::System,
            "complaint.rewrap",
            "tenant",
            tenant.id.as_uuid(),
        )
        .details(serde_json::json!({ "wraps": n })),
    )
    .await?;
    tx.commit().await?;
    db.close().await;
    Ok(n)
}
