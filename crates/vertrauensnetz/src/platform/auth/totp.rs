//! Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30 s), as
//! authenticator apps expect them.

use totp_rs::{Algorithm, Secret, TOTP};

pub fn new_secret() -> String {
    Secret::generate_secret().to_encoded().to_string()
}

fn totp(secret_b32: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret_b32.to_owned()).to_bytes().ok()?;
    TOTP::new(Algorithm::SHA1, 6, 1, 30, bytes).ok()
}

/// The `otpauth://` URL an authenticator app reads from the QR code.
pub fn provisioning_url(secret_b32: &str, issuer: &str, account: &str) -> Option<String> {
    // totp-rs refuses ':' in names; replace it rather than fail.
    let issuer = issuer.replace(':', " ");
    let account = account.replace(':', " ");
    let bytes = Secret::Encoded(secret_b32.to_owned()).to_bytes().ok()?;
    let secret = Secret::Raw(bytes).to_encoded().to_string();
    let enc = |s: &str| -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect()
    };
    Some(format!(
        "otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits=6&period=30",
        enc(&issuer),
        enc(&account),
        secret,
        enc(&issuer)
    ))
}

/// Checks a code at Unix time `now`, allowing one step of clock skew either
/// way. Returns the matching time step, so the caller can refuse its reuse.
pub fn check(secret_b32: &str, code: &str, now: u64) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let t = totp(secret_b32)?;
    let step = now / 30;
    for s in [step.saturating_sub(1), step, step + 1] {
        let expected = t.generate(s * 30);
        if subtle::ConstantTimeEq::ct_eq(expected.as_bytes(), code.as_bytes()).into() {
            return i64::try_from(s).ok();
        }
    }
    None
}

/// The current code (used by tests and the enrolment check).
pub fn current(secret_b32: &str, now: u64) -> Option<String> {
    Some(totp(secret_b32)?.generate(now))
}

/// An SVG QR code for the provisioning URL.
pub fn qr_svg(url: &str) -> Option<String> {
    let code = qrcode::QrCode::new(url.as_bytes()).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color>()
            .min_dimensions(200, 200)
            .quiet_zone(true)
            .build(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_check_within_skew() {
        let s = new_secret();
        let now = 1_800_000_000;
        let code = current(&s, now).unwrap();
        assert!(check(&s, &code, now).is_some());
        assert!(check(&s, &code, now + 30).is_some());
        assert!(check(&s, &code, now + 120).is_none());
        assert!(check(&s, "12345", now).is_none());
        assert!(provisioning_url(&s, "Vertrauensnetz Dortmund", "a@b.de")
            .unwrap()
            .starts_with("otpauth://totp/"));
    }
}
