//! Replays the inputs of `fuzz/seeds/` and every input the fuzzers found
//! (`fuzz/regressions/<target>/`) through the parsers' entry points, so a
//! crash once found stays fixed in the ordinary test run; and checks that
//! every entry point has its fuzz target.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use vertrauensnetz::hostile_input::{self, TARGETS};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

fn inputs(kind: &str, target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = fuzz_dir().join(kind).join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut out: Vec<_> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let data = std::fs::read(&p).unwrap();
            (p, data)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_entry_point_has_a_fuzz_target_and_seeds() {
    for t in TARGETS {
        let target = fuzz_dir().join("fuzz_targets").join(format!("{t}.rs"));
        let source = std::fs::read_to_string(&target)
            .unwrap_or_else(|_| panic!("{} is missing", target.display()));
        assert!(
            source.contains(&format!("hostile_input::{t}(data)")),
            "{} must call hostile_input::{t}",
            target.display()
        );
        assert!(
            !inputs("seeds", t).is_empty(),
            "fuzz/seeds/{t}/ needs at least one input"
        );
    }
    assert!(!hostile_input::run("no_such_target", b""));
}

#[test]
fn seeds_and_found_inputs_pass_every_entry_point() {
    let mut n = 0;
    for t in TARGETS {
        for kind in ["seeds", "regressions"] {
            for (path, data) in inputs(kind, t) {
                let outcome = std::panic::catch_unwind(|| hostile_input::run(t, &data));
                assert!(
                    matches!(outcome, Ok(true)),
                    "{} failed in {t}",
                    path.display()
                );
                n += 1;
            }
        }
    }
    assert!(n >= TARGETS.len());
}

/// The seeds are real documents: each one gets past the parser, so the
/// fuzzers start from inputs that reach deep into the code.
#[test]
fn seeds_are_accepted_by_their_parsers() {
    for (path, data) in inputs("seeds", "cap_document") {
        let text = std::str::from_utf8(&data).unwrap();
        assert!(
            cap::parse(text).is_ok(),
            "{} must be a valid CAP document: {:?}",
            path.display(),
            cap::parse(text).err()
        );
    }
    for (path, data) in inputs("seeds", "receipt_qr") {
        let text = std::str::from_utf8(&data).unwrap();
        assert!(
            receipt_codec::decode(text.trim_end()).is_ok(),
            "{} must decode",
            path.display()
        );
    }
    for (path, data) in inputs("seeds", "lab_import") {
        let text = std::str::from_utf8(&data).unwrap();
        let places = vertrauensnetz::reports::staff::parse_lab(text).unwrap();
        assert!(!places.is_empty(), "{}", path.display());
    }
    for (path, data) in inputs("seeds", "population_csv") {
        let text = std::str::from_utf8(&data).unwrap();
        let rows = vertrauensnetz::receipts::evaluation::parse_population(text).unwrap();
        assert!(!rows.is_empty(), "{}", path.display());
    }
    // The dispatch seed: three good rows across formats and zones, and a
    // repeated incident; the targets seed is refused for its 0.001 minutes.
    let mut dispatch = 0;
    for (path, data) in inputs("seeds", "dispatch_csv") {
        use vertrauensnetz::hostile_input::{DISPATCH_DISTRICTS, DISPATCH_NOW};
        use vertrauensnetz::response_targets::model;
        let districts = DISPATCH_DISTRICTS;
        let now = chrono::DateTime::from_timestamp(DISPATCH_NOW, 0).unwrap();
        if path.extension().is_some_and(|e| e == "csv") {
            let parsed =
                model::parse_csv(&data, &districts, chrono_tz::Europe::Berlin, now).unwrap();
            assert_eq!(parsed.records.len(), 3, "{}", path.display());
            assert_eq!(parsed.problems.len(), 1, "{}", path.display());
            assert_eq!(parsed.problems[0].key, "rt-row-duplicate");
        } else {
            let text = std::str::from_utf8(&data).unwrap();
            let problems = model::parse_targets(text, &districts.map(|d| d.code)).unwrap_err();
            assert_eq!(problems.len(), 1, "{}", path.display());
            assert_eq!(
                (problems[0].line, problems[0].key),
                (3, "rt-target-minutes")
            );
        }
        dispatch += 1;
    }
    assert_eq!(dispatch, 2);
    for (path, data) in inputs("seeds", "districts_geojson") {
        let text = std::str::from_utf8(&data).unwrap();
        assert!(
            vertrauensnetz::platform::districts::parse(text, None).is_ok(),
            "{}",
            path.display()
        );
    }
}

/// A genuine receipt through the QR entry point: decoding, the
/// deterministic re-decode and a failing verification with a foreign key.
#[test]
fn a_signed_receipt_passes_the_qr_entry_point() {
    let key = receipt_codec::signing_key(&[1u8; 32]);
    let payload = receipt_codec::Payload {
        id: "K7X-93Q".into(),
        iss: "pp-dortmund".into(),
        iat: 1_790_000_000,
        t: 1_789_999_000,
        d: "nordstadt".into(),
        lb: "polg-nrw-12".into(),
        r: "suspicion".into(),
        m: vec!["identity".into(), "search-person".into()],
        o: "none".into(),
        off: "12345".into(),
        ag: "police".into(),
    };
    let qr = receipt_codec::qr_text(&receipt_codec::sign(&payload, &key).unwrap()).unwrap();
    hostile_input::receipt_qr(qr.as_bytes());
    let decoded = receipt_codec::decode(&qr).unwrap();
    assert!(receipt_codec::verify(&decoded, &key.verifying_key()).is_ok());
    assert!(receipt_codec::verify(
        &decoded,
        &receipt_codec::signing_key(&[7u8; 32]).verifying_key()
    )
    .is_err());
}

/// The multipart seed reaches the photo cleaner: its form passes the
/// extractor with the fixed CSRF token.
#[test]
fn the_multipart_seed_is_a_well_formed_form() {
    let seeds = inputs("seeds", "multipart_upload");
    assert!(!seeds.is_empty());
    for (_, data) in seeds {
        let text = String::from_utf8_lossy(&data);
        assert!(text.contains("name=\"csrf\""));
        assert!(text.contains("filename="));
        assert_eq!(hostile_input::multipart_upload(&data), 1);
    }
}
