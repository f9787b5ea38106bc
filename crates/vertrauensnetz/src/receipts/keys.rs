//! Signing keys: one active Ed25519 key per tenant, stored sealed
//! (XChaCha20-Poly1305) under a key-encryption key kept in the data
//! directory (`receipt-keys.kek`, created on first use with mode 0600),
//! never in the database in plain form. Rotation retires the active key;
//! retired keys stay published so old receipts still verify.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use hmac::{Hmac, Mac};
use receipt_codec::{Ed25519SigningKey, Ed25519VerifyingKey};
use sha2::Sha256;
use zeroize::Zeroizing;

use crate::complaints::crypto;
use crate::on_db;
use crate::platform::db::{Db, DbError, Timestamp, Tx};
use crate::platform::tenants::TenantId;

/// The file name of the key-encryption key in the data directory.
pub const KEK_FILE: &str = "receipt-keys.kek";

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("the key-encryption key cannot be read or created: {0}")]
    Kek(std::io::Error),
    #[error("the key-encryption key file is not 32 bytes")]
    KekLength,
    #[error("a signing key does not open with the key-encryption key")]
    Unseal,
    #[error(transparent)]
    Db(#[from] DbError),
}

/// Reads the key-encryption key, creating it if the file does not exist.
pub fn load_kek(data_dir: &Path) -> Result<Zeroizing<[u8; 32]>, KeyError> {
    let path = data_dir.join(KEK_FILE);
    if !path.exists() {
        std::fs::create_dir_all(data_dir).map_err(KeyError::Kek)?;
        let key = crypto::random_key();
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        match opts.open(&path) {
            Ok(mut f) => {
                use std::io::Write;
                f.write_all(key.as_ref()).map_err(KeyError::Kek)?;
                f.sync_all().map_err(KeyError::Kek)?;
            }
            // Another process created it first: read theirs.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(KeyError::Kek(e)),
        }
    }
    let bytes = Zeroizing::new(std::fs::read(&path).map_err(KeyError::Kek)?);
    let arr: [u8; 32] = bytes
        .as_slice()
        .try_into()
        .map_err(|_| KeyError::KekLength)?;
    Ok(Zeroizing::new(arr))
}

/// A tenant's active signing key.
pub struct ActiveKey {
    pub kid: String,
    pub key: Ed25519SigningKey,
}

fn aad(tenant: TenantId, kid: &str) -> Vec<u8> {
    let mut v = tenant.as_uuid().as_bytes().to_vec();
    v.extend_from_slice(b"receipt-signing-key:");
    v.extend_from_slice(kid.as_bytes());
    v
}

/// The keys of a running server: the key-encryption key and a short-lived
/// cache of active signing keys (a rotation by another process is seen
/// within a minute).
pub struct Keyring {
    kek: Zeroizing<[u8; 32]>,
    cache: Mutex<HashMap<TenantId, (Instant, Arc<ActiveKey>)>>,
}

const CACHE_FOR: Duration = Duration::from_secs(60);

impl Keyring {
    pub fn open(data_dir: &Path) -> Result<Keyring, KeyError> {
        Ok(Keyring {
            kek: load_kek(data_dir)?,
            cache: Mutex::new(HashMap::new()),
        })
    }

    /// A keyed hash for once-markers and pseudonyms, derived from the
    /// key-encryption key for one purpose.
    pub fn keyed_hash(&self, purpose: &str, tenant: TenantId, value: &str) -> Vec<u8> {
        let Ok(mut outer) = Hmac::<Sha256>::new_from_slice(self.kek.as_ref()) else {
            return Vec::new();
        };
        outer.update(purpose.as_bytes());
        let derived = outer.finalize().into_bytes();
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&derived) else {
            return Vec::new();
        };
        mac.update(tenant.as_uuid().as_bytes());
        mac.update(value.as_bytes());
        mac.finalize().into_bytes().to_vec()
    }

    /// The tenant's active key, creating the first one when there is none.
    pub async fn active(
        &self,
        db: &Db,
        tenant: TenantId,
        now: Timestamp,
    ) -> Result<Arc<ActiveKey>, KeyError> {
        if let Ok(cache) = self.cache.lock() {
            if let Some((at, k)) = cache.get(&tenant) {
                if at.elapsed() < CACHE_FOR {
                    return Ok(k.clone());
                }
            }
        }
        let row = {
            let mut conn = db.read().await?;
            let r: Option<(String, Vec<u8>)> = on_db!(conn, c => sqlx::query_as(
                "SELECT kid, sealed_secret FROM receipt_keys WHERE tenant_id = $1 AND retired_at IS NULL
                 ORDER BY created_at DESC, kid LIMIT 1")
                .bind(tenant.as_uuid()).fetch_optional(c).await).map_err(DbError::from)?;
            r
        };
        let key = match row {
            Some((kid, sealed)) => self.unseal(tenant, &kid, &sealed)?,
            None => {
                let mut tx = db.begin().await?;
                let k = self.create(&mut tx, tenant, now).await?;
                tx.commit().await?;
                k
            }
        };
        let key = Arc::new(key);
        if let Ok(mut cache) = self.cache.lock() {
            cache.insert(tenant, (Instant::now(), key.clone()));
        }
        Ok(key)
    }

    fn unseal(&self, tenant: TenantId, kid: &str, sealed: &[u8]) -> Result<ActiveKey, KeyError> {
        let secret =
            crypto::open(&self.kek, &aad(tenant, kid), sealed).map_err(|_| KeyError::Unseal)?;
        let arr: [u8; 32] = secret.as_slice().try_into().map_err(|_| KeyError::Unseal)?;
        let arr = Zeroizing::new(arr);
        Ok(ActiveKey {
            kid: kid.to_owned(),
            key: receipt_codec::signing_key(&arr),
        })
    }

    /// Creates a new active key inside `tx`.
    pub async fn create(
        &self,
        tx: &mut Tx,
        tenant: TenantId,
        now: Timestamp,
    ) -> Result<ActiveKey, KeyError> {
        let secret = crypto::random_key();
        let key = receipt_codec::signing_key(&secret);
        let public = key.verifying_key();
        let kid = receipt_codec::kid_text(&receipt_codec::kid(&public));
        let sealed = crypto::seal(&self.kek, &aad(tenant, &kid), secret.as_ref())
            .map_err(|_| KeyError::Unseal)?;
        on_db!(tx, c => sqlx::query(
            "INSERT INTO receipt_keys (tenant_id, kid, public_key, sealed_secret, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(tenant.as_uuid()).bind(&kid).bind(&public.as_bytes()[..]).bind(&sealed).bind(now)
            .execute(c).await.map(|_| ())).map_err(DbError::from)?;
        Ok(ActiveKey { kid, key })
    }

    /// Retires the tenant's active keys and creates a new one (inside `tx`).
    pub async fn rotate(
        &self,
        tx: &mut Tx,
        tenant: TenantId,
        now: Timestamp,
    ) -> Result<String, KeyError> {
        on_db!(tx, c => sqlx::query(
            "UPDATE receipt_keys SET retired_at = $2 WHERE tenant_id = $1 AND retired_at IS NULL")
            .bind(tenant.as_uuid()).bind(now).execute(c).await.map(|_| ()))
        .map_err(DbError::from)?;
        let k = self.create(tx, tenant, now).await?;
        if let Ok(mut cache) = self.cache.lock() {
            cache.remove(&tenant);
        }
        Ok(k.kid)
    }
}

/// A published public key.
#[derive(Debug, Clone)]
pub struct PublicKey {
    pub tenant_slug: String,
    pub kid: String,
    pub key: Ed25519VerifyingKey,
    pub retired: bool,
}

/// Every tenant's keys, active and retired.
pub async fn all_public(db: &Db) -> Result<Vec<PublicKey>, DbError> {
    let mut conn = db.read().await?;
    let rows: Vec<(String, String, Vec<u8>, Option<Timestamp>)> = on_db!(conn, c => sqlx::query_as(
        "SELECT t.slug, k.kid, k.public_key, k.retired_at FROM receipt_keys k
         JOIN tenants t ON t.tenant_id = k.tenant_id ORDER BY t.slug, k.created_at, k.kid")
        .fetch_all(c).await)?;
    Ok(rows
        .into_iter()
        .filter_map(|(tenant_slug, kid, pk, retired)| {
            Some(PublicKey {
                tenant_slug,
                kid,
                key: receipt_codec::verifying_key(&pk)?,
                retired: retired.is_some(),
            })
        })
        .collect())
}

/// A tenant's public key by key id (active or retired).
pub async fn public_key(
    db: &Db,
    tenant: TenantId,
    kid: &str,
) -> Result<Option<Ed25519VerifyingKey>, DbError> {
    let mut conn = db.read().await?;
    let row: Option<(Vec<u8>,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT public_key FROM receipt_keys WHERE tenant_id = $1 AND kid = $2")
        .bind(tenant.as_uuid()).bind(kid).fetch_optional(c).await)?;
    Ok(row.and_then(|(pk,)| receipt_codec::verifying_key(&pk)))
}
