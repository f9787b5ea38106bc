//! Password hashing with Argon2id. Hashing is CPU- and memory-heavy, so it
//! runs on the blocking pool behind a semaphore: a burst of logins cannot
//! exhaust memory or starve the request workers.

use std::sync::{Arc, OnceLock};

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::seq::SliceRandom;
use tokio::sync::Semaphore;

/// Argon2id with 19 MiB, 2 passes, 1 lane (the OWASP recommendation).
fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

fn permits() -> &'static Arc<Semaphore> {
    static P: OnceLock<Arc<Semaphore>> = OnceLock::new();
    P.get_or_init(|| Arc::new(Semaphore::new(4)))
}

#[derive(Debug, thiserror::Error)]
#[error("password hashing failed")]
pub struct HashError;

/// Hashes a password (PHC string).
pub fn hash_blocking(password: &str) -> Result<String, HashError> {
    let salt = SaltString::generate(&mut OsRng);
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|_| HashError)
}

/// Hashes on the blocking pool.
pub async fn hash(password: String) -> Result<String, HashError> {
    let _permit = permits().acquire().await.map_err(|_| HashError)?;
    tokio::task::spawn_blocking(move || hash_blocking(&password))
        .await
        .map_err(|_| HashError)?
}

/// A hash with the same parameters as real ones, of a password no account
/// has: checking against it costs what checking a real hash costs, so an
/// unknown login is answered as slowly as a wrong password.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$Y8YjvI/BsAkiAOlksKnzXw$GwjSgA2QrbWHP7PnLZ2SRrr7DbnSASs9Sn/cFj8lgnU";

/// Checks a password against a stored hash. With `None` (no such account) it
/// checks against a dummy hash, so the answer takes as long either way.
pub async fn verify(password: String, stored: Option<String>) -> bool {
    let Ok(_permit) = permits().acquire().await else {
        return false;
    };
    tokio::task::spawn_blocking(move || {
        let real = stored.is_some();
        let stored = stored.unwrap_or_else(|| DUMMY_HASH.to_owned());
        let ok = PasswordHash::new(&stored)
            .map(|h| argon2().verify_password(password.as_bytes(), &h).is_ok())
            .unwrap_or(false);
        ok && real
    })
    .await
    .unwrap_or(false)
}

/// A generated password: 20 characters from an alphabet without look-alikes.
pub fn generate() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::thread_rng();
    (0..20)
        .map(|_| *ALPHABET.choose(&mut rng).unwrap_or(&b'x') as char)
        .collect()
}

/// The shortest password a person may choose.
pub const MIN_LENGTH: usize = 12;

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hash_and_verify() {
        let h = hash("correct horse battery".into()).await.unwrap();
        assert!(verify("correct horse battery".into(), Some(h.clone())).await);
        assert!(!verify("wrong".into(), Some(h.clone())).await);
        assert!(!verify("no account has this password".into(), None).await);
        // The dummy has the parameters of real hashes (so it costs the same).
        let real = PasswordHash::new(&h).unwrap();
        let dummy = PasswordHash::new(DUMMY_HASH).unwrap();
        assert_eq!(real.params, dummy.params);
        assert!(argon2()
            .verify_password(b"no account has this password", &dummy)
            .is_ok());
    }

    #[test]
    fn generated_passwords_differ() {
        assert_ne!(generate(), generate());
        assert_eq!(generate().len(), 20);
    }
}
