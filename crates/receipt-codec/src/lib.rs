//! The stop receipt's QR code: a public contract, verifiable offline.
//!
//! The QR text is `VNQ1:` followed by the Base45 encoding (RFC 9285) of the
//! zlib-compressed bytes of a COSE_Sign1 structure (RFC 9052, CBOR tag 18).
//! Its protected header is `{1: -8, 4: kid}` (EdDSA, key id as bytes); its
//! payload is a CBOR map with text keys `v` (1), `id`, `iss`, `iat`, `t`,
//! `d`, `lb`, `r`, `m`, `o`, `off`, `ag`; its signature is Ed25519 over the
//! COSE `Sig_structure` with empty external AAD.
//!
//! No database, no server: the application signs with [`sign`] and checks
//! with [`decode`] and [`verify`]; both are fuzzable and unit-tested here.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

use base64::Engine;
use ciborium::value::Value;
use coset::{iana, CoseSign1, CoseSign1Builder, HeaderBuilder, TaggedCborSerializable};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};

/// The text every QR payload starts with.
pub const PREFIX: &str = "VNQ1:";

/// The largest COSE structure accepted after inflating (a receipt is a few
/// hundred bytes; this bounds a decompression bomb).
pub const MAX_COSE_BYTES: usize = 4096;

/// The longest QR text accepted.
pub const MAX_TEXT_CHARS: usize = 8192;

/// What a receipt says. Field names are the payload's keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payload {
    /// The receipt number.
    pub id: String,
    /// The issuing agency's id.
    pub iss: String,
    /// Issue time, Unix seconds.
    pub iat: i64,
    /// Time of the stop, Unix seconds.
    pub t: i64,
    /// District.
    pub d: String,
    /// Legal-basis code.
    pub lb: String,
    /// Reason code.
    pub r: String,
    /// Measure codes.
    pub m: Vec<String>,
    /// Outcome code.
    pub o: String,
    /// The officer's service number.
    pub off: String,
    /// `police` or `kod`.
    pub ag: String,
}

/// Why a QR text is not a valid receipt.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("the text does not start with {PREFIX}")]
    Prefix,
    #[error("the text is too long")]
    TooLong,
    #[error("the text is not valid Base45")]
    Base45,
    #[error("the data is not valid zlib or too large")]
    Inflate,
    #[error("the data is not a COSE_Sign1 structure")]
    Cose,
    #[error("the protected header is not {{1: -8, 4: kid}}")]
    Header,
    #[error("the payload is not a receipt: {0}")]
    Payload(&'static str),
    #[error("the signature does not match")]
    Signature,
    #[error("encoding failed")]
    Encode,
}

/// A decoded (not yet verified) receipt.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub kid: Vec<u8>,
    pub payload: Payload,
    sign1: CoseSign1,
}

/// The key id of a public key: the first 8 bytes of SHA-256 over its 32
/// bytes.
pub fn kid(key: &VerifyingKey) -> Vec<u8> {
    use sha2::Digest;
    sha2::Sha256::digest(key.as_bytes())[..8].to_vec()
}

fn text(s: &str) -> Value {
    Value::Text(s.to_owned())
}

fn payload_cbor(p: &Payload) -> Result<Vec<u8>, Error> {
    let map = Value::Map(vec![
        (text("v"), Value::Integer(1.into())),
        (text("id"), text(&p.id)),
        (text("iss"), text(&p.iss)),
        (text("iat"), Value::Integer(p.iat.into())),
        (text("t"), Value::Integer(p.t.into())),
        (text("d"), text(&p.d)),
        (text("lb"), text(&p.lb)),
        (text("r"), text(&p.r)),
        (
            text("m"),
            Value::Array(p.m.iter().map(|m| text(m)).collect()),
        ),
        (text("o"), text(&p.o)),
        (text("off"), text(&p.off)),
        (text("ag"), text(&p.ag)),
    ]);
    let mut out = Vec::with_capacity(256);
    ciborium::into_writer(&map, &mut out).map_err(|_| Error::Encode)?;
    Ok(out)
}

/// Signs a receipt: the tagged COSE_Sign1 bytes.
pub fn sign(payload: &Payload, key: &SigningKey) -> Result<Vec<u8>, Error> {
    let protected = HeaderBuilder::new()
        .algorithm(iana::Algorithm::EdDSA)
        .key_id(kid(&key.verifying_key()))
        .build();
    let sign1 = CoseSign1Builder::new()
        .protected(protected)
        .payload(payload_cbor(payload)?)
        .create_signature(b"", |tbs| key.sign(tbs).to_bytes().to_vec())
        .build();
    sign1.to_tagged_vec().map_err(|_| Error::Encode)
}

/// The QR text of signed COSE bytes.
pub fn qr_text(cose: &[u8]) -> Result<String, Error> {
    let compressed = DEFLATER.with(|cell| {
        let mut z = cell.try_borrow_mut().map_err(|_| Error::Encode)?;
        z.reset();
        // Deflate never grows a few hundred bytes by more than this.
        let mut out = Vec::with_capacity(cose.len() + cose.len() / 8 + 64);
        loop {
            let done = usize::try_from(z.total_in()).map_err(|_| Error::Encode)?;
            let rest = cose.get(done..).ok_or(Error::Encode)?;
            match z.compress_vec(rest, &mut out, flate2::FlushCompress::Finish) {
                Ok(flate2::Status::StreamEnd) => return Ok(out),
                Ok(_) => out.reserve(256),
                Err(_) => return Err(Error::Encode),
            }
        }
    })?;
    Ok(format!("{PREFIX}{}", base45::encode(&compressed)))
}

thread_local! {
    /// Each thread's deflate state (best compression, zlib header), reset
    /// for every receipt instead of allocated afresh (it is some 300 KiB).
    static DEFLATER: std::cell::RefCell<flate2::Compress> =
        std::cell::RefCell::new(flate2::Compress::new(flate2::Compression::best(), true));
}

/// The COSE bytes inside a QR text (prefix, Base45, zlib checked).
pub fn cose_bytes(qr: &str) -> Result<Vec<u8>, Error> {
    let qr = qr.trim();
    if qr.len() > MAX_TEXT_CHARS {
        return Err(Error::TooLong);
    }
    let body = qr.strip_prefix(PREFIX).ok_or(Error::Prefix)?;
    let compressed = base45::decode(body).map_err(|_| Error::Base45)?;
    inflate(&compressed)
}

thread_local! {
    /// Each thread's inflate state, reset for every text instead of set up
    /// afresh (it is some 10 KiB).
    static INFLATER: std::cell::RefCell<Box<miniz_oxide::inflate::core::DecompressorOxide>> =
        std::cell::RefCell::new(Box::default());
}

/// Inflates zlib data (header and Adler-32 checked) into at most
/// [`MAX_COSE_BYTES`]: more is refused, which bounds what a hostile text
/// can make us allocate.
fn inflate(compressed: &[u8]) -> Result<Vec<u8>, Error> {
    use miniz_oxide::inflate::core::{decompress, inflate_flags};
    use miniz_oxide::inflate::TINFLStatus;
    INFLATER.with(|cell| {
        let mut state = cell.try_borrow_mut().map_err(|_| Error::Inflate)?;
        state.init();
        let mut out = vec![0u8; MAX_COSE_BYTES];
        let flags = inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER
            | inflate_flags::TINFL_FLAG_COMPUTE_ADLER32
            | inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
        let (status, _, written) = decompress(&mut state, compressed, &mut out, 0, flags);
        if status != TINFLStatus::Done {
            return Err(Error::Inflate);
        }
        out.truncate(written);
        Ok(out)
    })
}

/// Decodes a QR text without checking the signature.
pub fn decode(qr: &str) -> Result<Decoded, Error> {
    decode_cose(&cose_bytes(qr)?)
}

/// Decodes tagged COSE_Sign1 bytes without checking the signature.
pub fn decode_cose(cose: &[u8]) -> Result<Decoded, Error> {
    let sign1 = CoseSign1::from_tagged_slice(cose).map_err(|_| Error::Cose)?;
    let h = &sign1.protected.header;
    let alg_ok = h.alg
        == Some(coset::RegisteredLabelWithPrivate::Assigned(
            iana::Algorithm::EdDSA,
        ));
    // Exactly alg and kid: anything else in the protected header is refused.
    let only_two = h.crit.is_empty()
        && h.content_type.is_none()
        && h.iv.is_empty()
        && h.partial_iv.is_empty()
        && h.counter_signatures.is_empty()
        && h.rest.is_empty();
    if !alg_ok || h.key_id.is_empty() || !only_two {
        return Err(Error::Header);
    }
    let bytes = sign1
        .payload
        .as_deref()
        .ok_or(Error::Payload("no payload"))?;
    let payload = parse_payload(bytes)?;
    Ok(Decoded {
        kid: h.key_id.clone(),
        payload,
        sign1,
    })
}

/// The payload as it travels: exactly these twelve keys, each once, each
/// of its type (serde refuses unknown, repeated and missing keys).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Wire {
    v: i64,
    id: String,
    iss: String,
    iat: i64,
    t: i64,
    d: String,
    lb: String,
    r: String,
    m: Vec<String>,
    o: String,
    off: String,
    ag: String,
}

fn parse_payload(bytes: &[u8]) -> Result<Payload, Error> {
    let mut reader = bytes;
    let w: Wire =
        ciborium::from_reader(&mut reader).map_err(|_| Error::Payload("not a receipt map"))?;
    if !reader.is_empty() {
        return Err(Error::Payload("data after the map"));
    }
    if w.v != 1 {
        return Err(Error::Payload("v"));
    }
    Ok(Payload {
        id: w.id,
        iss: w.iss,
        iat: w.iat,
        t: w.t,
        d: w.d,
        lb: w.lb,
        r: w.r,
        m: w.m,
        o: w.o,
        off: w.off,
        ag: w.ag,
    })
}

/// Checks a decoded receipt's signature with a public key.
pub fn verify(decoded: &Decoded, key: &VerifyingKey) -> Result<(), Error> {
    decoded.sign1.verify_signature(b"", |sig, data| {
        let sig = Signature::from_slice(sig).map_err(|_| Error::Signature)?;
        key.verify(data, &sig).map_err(|_| Error::Signature)
    })
}

/// A public key as a JWK (RFC 8037): `kty` OKP, `crv` Ed25519, `x`, `kid`
/// (base64url without padding), `alg` EdDSA.
pub fn jwk_fields(key: &VerifyingKey) -> [(&'static str, String); 5] {
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    [
        ("kty", "OKP".to_owned()),
        ("crv", "Ed25519".to_owned()),
        ("x", b64.encode(key.as_bytes())),
        ("kid", b64.encode(kid(key))),
        ("alg", "EdDSA".to_owned()),
    ]
}

/// The key id as base64url (the JWK's `kid`).
pub fn kid_text(kid: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(kid)
}

/// Re-exported so callers need not depend on the signature crate's version.
pub use ed25519_dalek::{SigningKey as Ed25519SigningKey, VerifyingKey as Ed25519VerifyingKey};

/// A signing key from its 32 secret bytes.
pub fn signing_key(secret: &[u8; 32]) -> SigningKey {
    SigningKey::from_bytes(secret)
}

/// A public key from its 32 bytes.
pub fn verifying_key(bytes: &[u8]) -> Option<VerifyingKey> {
    let arr: [u8; 32] = bytes.try_into().ok()?;
    VerifyingKey::from_bytes(&arr).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Payload {
        Payload {
            id: "7KQ2-M9XA".into(),
            iss: "dortmund.de/police".into(),
            iat: 1_700_000_100,
            t: 1_700_000_000,
            d: "Nordstadt".into(),
            lb: "polg-nrw-12".into(),
            r: "suspicion".into(),
            m: vec!["identity_check".into(), "search_person".into()],
            o: "no_action".into(),
            off: "PK-4711".into(),
            ag: "police".into(),
        }
    }

    fn key(seed: u8) -> SigningKey {
        signing_key(&[seed; 32])
    }

    #[test]
    fn round_trip_verifies() {
        let k = key(1);
        let cose = sign(&sample(), &k).unwrap();
        assert_eq!(cose[0], 0xd2, "tag 18");
        let qr = qr_text(&cose).unwrap();
        assert!(qr.starts_with("VNQ1:"));
        let d = decode(&qr).unwrap();
        assert_eq!(d.payload, sample());
        assert_eq!(d.kid, kid(&k.verifying_key()));
        verify(&d, &k.verifying_key()).unwrap();
        assert_eq!(verify(&d, &key(2).verifying_key()), Err(Error::Signature));
    }

    #[test]
    fn every_changed_payload_byte_fails() {
        let k = key(3);
        let cose = sign(&sample(), &k).unwrap();
        let d = decode_cose(&cose).unwrap();
        let payload = d.sign1.payload.clone().unwrap();
        let start = cose
            .windows(payload.len())
            .position(|w| w == payload.as_slice())
            .unwrap();
        for i in start..start + payload.len() {
            let mut bad = cose.clone();
            bad[i] ^= 0x01;
            let ok = decode_cose(&bad).and_then(|d| verify(&d, &k.verifying_key()));
            assert!(ok.is_err(), "byte {i} changed and still valid");
        }
    }

    #[test]
    fn malformed_input_is_refused() {
        assert_eq!(decode("XYZ").unwrap_err(), Error::Prefix);
        assert_eq!(decode("VNQ1:!!!").unwrap_err(), Error::Base45);
        let not_zlib = format!("VNQ1:{}", base45::encode(b"hello"));
        assert_eq!(decode(&not_zlib).unwrap_err(), Error::Inflate);
        let cose = sign(&sample(), &key(4)).unwrap();
        let truncated = qr_text(&cose[..cose.len() - 10]).unwrap();
        assert_eq!(decode(&truncated).unwrap_err(), Error::Cose);
        let bomb = qr_text(&vec![0u8; 100_000]).unwrap();
        assert_eq!(decode(&bomb).unwrap_err(), Error::Inflate);
    }

    #[test]
    fn jwk_kid_matches_header() {
        let k = key(5);
        let fields = jwk_fields(&k.verifying_key());
        let cose = sign(&sample(), &k).unwrap();
        let d = decode_cose(&cose).unwrap();
        assert_eq!(fields[3].1, kid_text(&d.kid));
    }
}

#[cfg(test)]
mod bench {
    use super::*;

    /// Verification rate of QR texts on one core (Base45, inflate, CBOR,
    /// Ed25519): `cargo test --release -p receipt-codec -- --ignored
    /// --nocapture verification_rate` (run by bench/receipts.sh).
    #[test]
    #[ignore = "benchmark"]
    fn verification_rate() {
        let keys: Vec<SigningKey> = (0..16u8).map(|i| signing_key(&[i; 32])).collect();
        let texts: Vec<(String, VerifyingKey)> = (0..1000)
            .map(|i| {
                let k = &keys[i % keys.len()];
                let mut p = tests_sample();
                p.id = format!("{:04}-{:04}", i, i);
                (qr_text(&sign(&p, k).unwrap()).unwrap(), k.verifying_key())
            })
            .collect();
        let n = 50_000;
        let start = std::time::Instant::now();
        for i in 0..n {
            let (t, k) = &texts[i % texts.len()];
            let d = decode(t).unwrap();
            verify(&d, k).unwrap();
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "verified {n} QR texts in {secs:.2} s: {:.0}/s on one core",
            n as f64 / secs
        );
        // Where the time goes, per stage (same texts, same core).
        let per = |label: &str, f: &mut dyn FnMut(usize)| {
            let start = std::time::Instant::now();
            for i in 0..n {
                f(i);
            }
            let us = start.elapsed().as_secs_f64() * 1e6 / n as f64;
            println!("  {label}: {us:.1} µs");
        };
        let cose: Vec<Vec<u8>> = texts.iter().map(|(t, _)| cose_bytes(t).unwrap()).collect();
        let decoded: Vec<Decoded> = cose.iter().map(|c| decode_cose(c).unwrap()).collect();
        per("Base45 + inflate", &mut |i| {
            std::hint::black_box(cose_bytes(&texts[i % texts.len()].0).unwrap());
        });
        per("COSE + payload parse", &mut |i| {
            std::hint::black_box(decode_cose(&cose[i % cose.len()]).unwrap());
        });
        per("Sig_structure + Ed25519", &mut |i| {
            verify(&decoded[i % decoded.len()], &texts[i % texts.len()].1).unwrap();
        });
        let sig = keys[0].sign(b"a message of about the Sig_structure's length, some 200 bytes long..........................................................................................................");
        let vk = keys[0].verifying_key();
        let msg: &[u8] = b"a message of about the Sig_structure's length, some 200 bytes long..........................................................................................................";
        per("Ed25519 alone", &mut |_| {
            vk.verify(msg, &sig).unwrap();
        });
    }

    fn tests_sample() -> Payload {
        Payload {
            id: String::new(),
            iss: "dortmund.de/police".into(),
            iat: 1_700_000_100,
            t: 1_700_000_000,
            d: "Innenstadt-Nord".into(),
            lb: "polg-nrw-12".into(),
            r: "suspected_offence".into(),
            m: vec!["identity_check".into(), "search_person".into()],
            o: "no_action".into(),
            off: "PK-4711".into(),
            ag: "police".into(),
        }
    }
}
