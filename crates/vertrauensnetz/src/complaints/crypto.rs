//! The complaint office's cryptography: a random data key per case
//! (XChaCha20-Poly1305), wrapped for the complainant under a key derived
//! from the receipt code (Argon2id) and sealed to each recipient's X25519
//! public key (libsodium sealed boxes from `crypto_box`). Staff private keys
//! are wrapped under a key derived from their password. See
//! `docs/security.md`, "Complaint office".
//!
//! Argon2id runs on the blocking pool behind a small semaphore
//! ([`KdfPool`]), so a burst of submissions cannot exhaust memory or the
//! request workers.

use std::sync::Arc;

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use crypto_box::{PublicKey, SecretKey};
use rand::rngs::OsRng;
use rand::{Rng, RngCore};
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;
use zeroize::Zeroizing;

/// A 32-byte symmetric key, wiped when dropped.
pub type Key = Zeroizing<[u8; 32]>;

#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    #[error("decryption failed")]
    Open,
    #[error("encryption failed")]
    Seal,
    #[error("key derivation failed")]
    Kdf,
}

/// A fresh random key.
pub fn random_key() -> Key {
    let mut k = Zeroizing::new([0u8; 32]);
    OsRng.fill_bytes(k.as_mut());
    k
}

pub fn random_salt() -> [u8; 16] {
    let mut s = [0u8; 16];
    OsRng.fill_bytes(&mut s);
    s
}

/// Encrypts with XChaCha20-Poly1305: a random 24-byte nonce followed by the
/// ciphertext. `aad` binds the ciphertext to its place (case, purpose), so
/// a blob moved to another row does not open.
pub fn seal(key: &[u8; 32], aad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let cipher = XChaCha20Poly1305::new(key.into());
    let mut nonce = [0u8; 24];
    OsRng.fill_bytes(&mut nonce);
    let ct = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: plaintext,
                aad,
            },
        )
        .map_err(|_| CryptoError::Seal)?;
    let mut out = Vec::with_capacity(24 + ct.len());
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&ct);
    Ok(out)
}

/// Opens what [`seal`] produced.
pub fn open(key: &[u8; 32], aad: &[u8], blob: &[u8]) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
    if blob.len() < 24 + 16 {
        return Err(CryptoError::Open);
    }
    let (nonce, ct) = blob.split_at(24);
    let cipher = XChaCha20Poly1305::new(key.into());
    cipher
        .decrypt(XNonce::from_slice(nonce), Payload { msg: ct, aad })
        .map(Zeroizing::new)
        .map_err(|_| CryptoError::Open)
}

/// Opens a 32-byte key wrapped with [`seal`].
pub fn open_key(key: &[u8; 32], aad: &[u8], blob: &[u8]) -> Result<Key, CryptoError> {
    let plain = open(key, aad, blob)?;
    let arr: [u8; 32] = plain.as_slice().try_into().map_err(|_| CryptoError::Open)?;
    Ok(Zeroizing::new(arr))
}

/// A new X25519 key pair: (public key bytes, secret key bytes).
pub fn key_pair() -> ([u8; 32], Key) {
    let sk = SecretKey::generate(&mut OsRng);
    (sk.public_key().to_bytes(), Zeroizing::new(sk.to_bytes()))
}

/// The public key of a secret key.
pub fn public_of(secret: &[u8; 32]) -> [u8; 32] {
    SecretKey::from_bytes(*secret).public_key().to_bytes()
}

/// Seals a key to a recipient's public key (anonymous sender).
pub fn seal_to(public: &[u8], key: &[u8; 32]) -> Result<Vec<u8>, CryptoError> {
    let pk = PublicKey::from_slice(public).map_err(|_| CryptoError::Seal)?;
    pk.seal(&mut OsRng, key).map_err(|_| CryptoError::Seal)
}

/// Opens a key sealed with [`seal_to`].
pub fn unseal(secret: &[u8; 32], blob: &[u8]) -> Result<Key, CryptoError> {
    let sk = SecretKey::from_bytes(*secret);
    let plain = Zeroizing::new(sk.unseal(blob).map_err(|_| CryptoError::Open)?);
    let arr: [u8; 32] = plain.as_slice().try_into().map_err(|_| CryptoError::Open)?;
    Ok(Zeroizing::new(arr))
}

/// Argon2id parameters: memory in KiB, passes, lanes. Stored with every
/// derived value as `m,t,p`, so changing the configuration never strands
/// old data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfParams {
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

impl KdfParams {
    pub fn encode(self) -> String {
        format!("{},{},{}", self.m_kib, self.t, self.p)
    }

    pub fn decode(s: &str) -> Option<KdfParams> {
        let mut it = s.split(',').map(|v| v.parse::<u32>().ok());
        let p = KdfParams {
            m_kib: it.next()??,
            t: it.next()??,
            p: it.next()??,
        };
        (it.next().is_none() && p.t >= 1 && p.p >= 1 && p.m_kib >= 8 * p.p).then_some(p)
    }

    /// The parameters for wrapping under the receipt code: one more pass than
    /// the lookup hash, so the two derivations never coincide.
    pub fn for_wrapping(self) -> KdfParams {
        KdfParams {
            t: self.t + 1,
            ..self
        }
    }
}

/// Argon2id on the calling thread (blocking; use [`KdfPool`] in requests).
pub fn argon2id(secret: &[u8], salt: &[u8], p: KdfParams) -> Result<Key, CryptoError> {
    let params = Params::new(p.m_kib, p.t, p.p, Some(32)).map_err(|_| CryptoError::Kdf)?;
    let mut out = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(secret, salt, out.as_mut())
        .map_err(|_| CryptoError::Kdf)?;
    Ok(out)
}

/// Runs Argon2id on the blocking pool, at most `permits` at a time.
#[derive(Clone)]
pub struct KdfPool(Arc<Semaphore>);

impl KdfPool {
    pub fn new(permits: usize) -> KdfPool {
        KdfPool(Arc::new(Semaphore::new(permits.max(1))))
    }

    /// Derives one key per `(salt, params)` for the same secret, in order.
    pub async fn derive(
        &self,
        secret: Zeroizing<Vec<u8>>,
        jobs: Vec<(Vec<u8>, KdfParams)>,
    ) -> Result<Vec<Key>, CryptoError> {
        let _permit = self.0.acquire().await.map_err(|_| CryptoError::Kdf)?;
        tokio::task::spawn_blocking(move || {
            jobs.iter()
                .map(|(salt, p)| argon2id(&secret, salt, *p))
                .collect::<Result<Vec<_>, _>>()
        })
        .await
        .map_err(|_| CryptoError::Kdf)?
    }
}

/// The salt of a tenant's receipt lookup hash: fixed per tenant, so the
/// hash of a code can be looked up, and different across tenants.
pub fn lookup_salt(tenant: uuid::Uuid) -> Vec<u8> {
    let mut h = Sha256::new();
    h.update(b"vertrauensnetz-complaint-receipt:");
    h.update(tenant.as_bytes());
    h.finalize()[..16].to_vec()
}

/// Number of digits in a receipt code.
pub const CODE_DIGITS: usize = 16;

/// A new receipt code: 16 uniformly random decimal digits (53 bits).
pub fn new_receipt_code() -> Zeroizing<String> {
    let mut rng = OsRng;
    Zeroizing::new(
        (0..CODE_DIGITS)
            .map(|_| char::from(b'0' + rng.gen_range(0..10u8)))
            .collect(),
    )
}

/// The code as shown: groups of four digits.
pub fn group_code(code: &str) -> String {
    code.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A code as typed (spaces, dashes and dots allowed between digits), or
/// `None` when it cannot be a receipt code.
pub fn normalise_code(input: &str) -> Option<Zeroizing<String>> {
    let digits: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '\u{a0}'))
        .collect();
    (digits.len() == CODE_DIGITS && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| Zeroizing::new(digits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_and_open() {
        let k = random_key();
        let blob = seal(&k, b"case", b"hello").unwrap();
        assert_eq!(open(&k, b"case", &blob).unwrap().as_slice(), b"hello");
        assert!(open(&k, b"other", &blob).is_err());
        let (pk, sk) = key_pair();
        let sealed = seal_to(&pk, &k).unwrap();
        assert_eq!(*unseal(&sk, &sealed).unwrap(), *k);
        assert_eq!(public_of(&sk), pk);
    }

    #[test]
    fn codes() {
        let c = new_receipt_code();
        assert_eq!(c.len(), 16);
        let g = group_code(&c);
        assert_eq!(g.len(), 19);
        assert_eq!(*normalise_code(&g).unwrap(), *c);
        assert!(normalise_code("1234").is_none());
        assert!(normalise_code("1234 5678 9012 345x").is_none());
        assert_eq!(
            KdfParams::decode("1024,2,1"),
            Some(KdfParams {
                m_kib: 1024,
                t: 2,
                p: 1
            })
        );
        assert!(KdfParams::decode("1,0,1").is_none());
    }
}
