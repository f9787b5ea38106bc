//! Stop receipts (issue 6): issuing through the API and the page, the QR
//! contract checked by independent code (a generic CBOR decoder, a
//! hand-built Sig_structure, Base45 decoded by hand, Ed25519 with the
//! published JWK), the check page, the once-only anonymous
//! self-description, tamper evidence, bad input and suppression.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use base64::Engine;
use ciborium::value::Value;
use common::*;
use std::io::Read;
use vertrauensnetz::platform::auth::Role;

async fn token(app: &TestApp, tenant: &str, role: Role) -> String {
    let a = app.account(tenant, role);
    let out = app.cli(&["token", "create", "--login", &a.login]).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

async fn district(app: &TestApp, token: &str) -> String {
    let res = client()
        .get(app.url("/api/v1/dortmund/receipts/options"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let v: serde_json::Value = res.json().await.unwrap();
    assert!(v["legal_bases"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["code"] == "polg-nrw-12"));
    assert!(v["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["code"] == "arrest"));
    v["districts"][0].as_str().unwrap().to_owned()
}

fn body(district: &str) -> serde_json::Value {
    serde_json::json!({
        "stopped_at": (chrono::Utc::now() - chrono::Duration::minutes(5)).to_rfc3339(),
        "district": district,
        "legal_basis": "polg-nrw-12",
        "reason": "suspected_offence",
        "reason_text": "Beschreibung passte",
        "measures": ["identity_check", "search_person"],
        "outcome": "no_action",
        "persons": 1,
        "lat": 51.513671,
        "lon": 7.465298,
        "service_number": "PK-4711"
    })
}

async fn issue(app: &TestApp, token: &str, body: &serde_json::Value) -> reqwest::Response {
    client()
        .post(app.url("/api/v1/dortmund/receipts"))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn issued(app: &TestApp, token: &str) -> serde_json::Value {
    let d = district(app, token).await;
    let res = issue(app, token, &body(&d)).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    res.json().await.unwrap()
}

// --- An independent decoder: written from RFC 9285, RFC 1950 via flate2,
// --- RFC 8949 via ciborium's generic Value, RFC 9052 § 4.4 by hand.

const B45: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

fn base45_decode(s: &str) -> Option<Vec<u8>> {
    let vals: Vec<u32> = s
        .chars()
        .map(|c| B45.find(c).map(|i| i as u32))
        .collect::<Option<_>>()?;
    let mut out = Vec::new();
    for chunk in vals.chunks(3) {
        match chunk {
            [c, d, e] => {
                let n = c + d * 45 + e * 45 * 45;
                if n > 0xffff {
                    return None;
                }
                out.push((n >> 8) as u8);
                out.push((n & 0xff) as u8);
            }
            [c, d] => {
                let n = c + d * 45;
                if n > 0xff {
                    return None;
                }
                out.push(n as u8);
            }
            _ => return None,
        }
    }
    Some(out)
}

fn base45_encode(b: &[u8]) -> String {
    let a: Vec<char> = B45.chars().collect();
    let mut s = String::new();
    for chunk in b.chunks(2) {
        if chunk.len() == 2 {
            let n = (chunk[0] as usize) * 256 + chunk[1] as usize;
            s.push(a[n % 45]);
            s.push(a[(n / 45) % 45]);
            s.push(a[n / 2025]);
        } else {
            let n = chunk[0] as usize;
            s.push(a[n % 45]);
            s.push(a[n / 45]);
        }
    }
    s
}

/// The parts of a COSE_Sign1: protected bytes, payload bytes, signature.
struct Sign1 {
    protected: Vec<u8>,
    payload: Vec<u8>,
    signature: Vec<u8>,
}

fn cose_of(qr: &str) -> Vec<u8> {
    let b = base45_decode(qr.strip_prefix("VNQ1:").expect("prefix")).expect("base45");
    let mut out = Vec::new();
    flate2::read::ZlibDecoder::new(b.as_slice())
        .read_to_end(&mut out)
        .unwrap();
    out
}

fn parse_sign1(cose: &[u8]) -> Sign1 {
    let v: Value = ciborium::from_reader(cose).unwrap();
    let Value::Tag(18, inner) = v else {
        panic!("not tag 18")
    };
    let Value::Array(items) = *inner else {
        panic!("not an array")
    };
    assert_eq!(items.len(), 4);
    let bytes = |v: &Value| match v {
        Value::Bytes(b) => b.clone(),
        other => panic!("not bytes: {other:?}"),
    };
    Sign1 {
        protected: bytes(&items[0]),
        payload: bytes(&items[2]),
        signature: bytes(&items[3]),
    }
}

fn protected_kid(protected: &[u8]) -> Vec<u8> {
    let v: Value = ciborium::from_reader(protected).unwrap();
    let Value::Map(m) = v else {
        panic!("protected header not a map")
    };
    assert_eq!(m.len(), 2, "exactly alg and kid");
    let get = |k: i64| {
        m.iter()
            .find(|(key, _)| matches!(key, Value::Integer(i) if i128::from(*i) == k as i128))
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    assert_eq!(get(1), Value::Integer((-8).into()), "alg EdDSA");
    match get(4) {
        Value::Bytes(b) => b,
        other => panic!("kid not bytes: {other:?}"),
    }
}

fn sig_structure(protected: &[u8], payload: &[u8]) -> Vec<u8> {
    let v = Value::Array(vec![
        Value::Text("Signature1".into()),
        Value::Bytes(protected.to_vec()),
        Value::Bytes(vec![]),
        Value::Bytes(payload.to_vec()),
    ]);
    let mut out = Vec::new();
    ciborium::into_writer(&v, &mut out).unwrap();
    out
}

async fn jwks(app: &TestApp) -> Vec<serde_json::Value> {
    let v: serde_json::Value = client()
        .get(app.url("/.well-known/vertrauensnetz/receipt-keys.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    v["keys"].as_array().unwrap().clone()
}

fn verify_with(jwk: &serde_json::Value, protected: &[u8], payload: &[u8], sig: &[u8]) -> bool {
    assert_eq!(jwk["kty"], "OKP");
    assert_eq!(jwk["crv"], "Ed25519");
    assert_eq!(jwk["alg"], "EdDSA");
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let x: [u8; 32] = b64
        .decode(jwk["x"].as_str().unwrap())
        .unwrap()
        .try_into()
        .unwrap();
    let key = ed25519_dalek::VerifyingKey::from_bytes(&x).unwrap();
    let Ok(sig) = ed25519_dalek::Signature::from_slice(sig) else {
        return false;
    };
    key.verify_strict(&sig_structure(protected, payload), &sig)
        .is_ok()
}

async fn verify_independently(app: &TestApp, qr: &str) -> bool {
    let s = parse_sign1(&cose_of(qr));
    let kid = protected_kid(&s.protected);
    let kid_text = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&kid);
    let keys = jwks(app).await;
    let jwk = keys
        .iter()
        .find(|k| k["kid"] == kid_text.as_str())
        .expect("kid published");
    verify_with(jwk, &s.protected, &s.payload, &s.signature)
}

#[tokio::test]
async fn qr_verifies_with_independent_code_and_any_payload_change_fails() {
    let app = TestApp::spawn().await;
    let t = token(&app, "dortmund", Role::Police).await;
    let r = issued(&app, &t).await;
    let number = r["number"].as_str().unwrap();
    let qr = r["qr"].as_str().unwrap();
    assert!(qr.starts_with("VNQ1:"));
    assert_eq!(number.len(), 9);
    assert_eq!(r["lat"], 51.514, "coordinates rounded to about 100 m");

    let s = parse_sign1(&cose_of(qr));
    let payload: Value = ciborium::from_reader(s.payload.as_slice()).unwrap();
    let Value::Map(m) = payload else {
        panic!("payload not a map")
    };
    let field = |k: &str| {
        m.iter()
            .find(|(key, _)| *key == Value::Text(k.into()))
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    assert_eq!(field("v"), Value::Integer(1.into()));
    assert_eq!(field("id"), Value::Text(number.into()));
    assert_eq!(field("iss"), Value::Text("dortmund.de/police".into()));
    assert_eq!(field("lb"), Value::Text("polg-nrw-12".into()));
    assert_eq!(field("off"), Value::Text("PK-4711".into()));
    assert_eq!(field("ag"), Value::Text("police".into()));
    assert_eq!(
        field("m"),
        Value::Array(vec![
            Value::Text("identity_check".into()),
            Value::Text("search_person".into())
        ])
    );
    for k in ["iat", "t"] {
        assert!(matches!(field(k), Value::Integer(_)));
    }
    assert_eq!(m.len(), 12);

    assert!(verify_independently(&app, qr).await);
    let keys = jwks(&app).await;
    let kid_text =
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(protected_kid(&s.protected));
    let jwk = keys.iter().find(|k| k["kid"] == kid_text.as_str()).unwrap();
    for i in 0..s.payload.len() {
        let mut changed = s.payload.clone();
        changed[i] ^= 0x01;
        assert!(
            !verify_with(jwk, &s.protected, &changed, &s.signature),
            "byte {i}"
        );
    }
    app.server.stop().await;
}

#[tokio::test]
async fn a_receipt_signed_by_a_rotated_out_key_still_verifies() {
    let app = TestApp::spawn().await;
    let t = token(&app, "dortmund", Role::Police).await;
    let old = issued(&app, &t).await;
    let admin = login(&app, "dortmund", Role::Admin).await;
    let csrf = csrf_token(&admin, &app.url("/dortmund/admin/receipts")).await;
    let res = post_form(
        &admin,
        &app.url("/dortmund/admin/receipts/rotate-key"),
        &csrf,
        &[],
    )
    .await;
    assert_eq!(res.status(), 303);
    let new = issued(&app, &t).await;
    assert_ne!(old["kid"], new["kid"], "a new key signs after rotation");
    let keys = jwks(&app).await;
    let old_jwk = keys
        .iter()
        .find(|k| k["kid"] == old["kid"])
        .expect("old key still listed");
    assert_eq!(old_jwk["status"], "retired");
    assert!(verify_independently(&app, old["qr"].as_str().unwrap()).await);
    assert!(verify_independently(&app, new["qr"].as_str().unwrap()).await);
    // The check page agrees.
    let c = client();
    let csrf = csrf_token(&c, &app.url("/dortmund/receipts/check")).await;
    let html = post_form(
        &c,
        &app.url("/dortmund/receipts/check"),
        &csrf,
        &[("code", old["qr"].as_str().unwrap())],
    )
    .await
    .text()
    .await
    .unwrap();
    assert!(html.contains("Gültig"), "{html}");
    app.server.stop().await;
}

async fn receipt_count(app: &TestApp) -> i64 {
    let db = app.raw_db().await;
    let mut conn = db.read().await.unwrap();
    let n: (i64,) = vertrauensnetz::on_db!(conn, c => sqlx::query_as("SELECT COUNT(*) FROM receipts").fetch_one(c).await).unwrap();
    n.0
}

#[tokio::test]
async fn bad_input_is_refused_with_problem_json_and_nothing_stored() {
    let app = TestApp::spawn().await;
    let t = token(&app, "dortmund", Role::Police).await;
    let d = district(&app, &t).await;
    let mut cases = vec![];
    let mut future = body(&d);
    future["stopped_at"] = (chrono::Utc::now() + chrono::Duration::hours(1))
        .to_rfc3339()
        .into();
    cases.push(("stopped_at", future));
    let mut lb = body(&d);
    lb["legal_basis"] = "obg-nrw-24-12".into(); // a KOD basis, not the police's
    cases.push(("legal_basis", lb));
    let mut m = body(&d);
    m["measures"] = serde_json::json!(["identity_check", "waterboarding"]);
    cases.push(("measures", m));
    let mut none = body(&d);
    none["measures"] = serde_json::json!([]);
    cases.push(("measures", none));
    let mut p = body(&d);
    p["persons"] = 0.into();
    cases.push(("persons", p));
    let mut dist = body(&d);
    dist["district"] = "Atlantis".into();
    cases.push(("district", dist));
    let mut time = body(&d);
    time["stopped_at"] = "gestern".into();
    cases.push(("stopped_at", time));
    let mut extra = body(&d);
    extra["name"] = "Max Mustermann".into();
    cases.push(("name", extra));
    for (field, b) in cases {
        let res = issue(&app, &t, &b).await;
        assert_eq!(res.status(), 422, "{field}");
        assert_eq!(res.headers()["content-type"], "application/problem+json");
        let problem: serde_json::Value = res.json().await.unwrap();
        assert!(
            problem["detail"].as_str().unwrap().contains(field),
            "{problem}"
        );
    }
    let res = client()
        .post(app.url("/api/v1/dortmund/receipts"))
        .bearer_auth(&t)
        .header("content-type", "text/plain")
        .body("x")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 415);
    let res = client()
        .post(app.url("/api/v1/dortmund/receipts"))
        .bearer_auth(&t)
        .header("content-type", "application/json")
        .body("{\"stopped_at\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let anonymous = client()
        .post(app.url("/api/v1/dortmund/receipts"))
        .json(&body(&d))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
    let ombuds = token(&app, "dortmund", Role::Ombuds).await;
    assert_eq!(issue(&app, &ombuds, &body(&d)).await.status(), 403);
    assert_eq!(receipt_count(&app).await, 0);
    app.server.stop().await;
}

async fn check(app: &TestApp, c: &reqwest::Client, code: &str, lang: &str) -> String {
    let csrf = csrf_token(
        c,
        &app.url(&format!("/dortmund/receipts/check?lang={lang}")),
    )
    .await;
    let res = post_form(
        c,
        &app.url("/dortmund/receipts/check"),
        &csrf,
        &[("code", code)],
    )
    .await;
    res.text().await.unwrap()
}

#[tokio::test]
async fn check_page_tells_genuine_from_forged_and_altered() {
    let app = TestApp::spawn().await;
    let t = token(&app, "dortmund", Role::Police).await;
    let r = issued(&app, &t).await;
    let number = r["number"].as_str().unwrap();
    let qr = r["qr"].as_str().unwrap();
    let c = client();
    for code in [
        number.to_owned(),
        number.to_lowercase().replace('-', ""),
        qr.to_owned(),
    ] {
        let html = check(&app, &c, &code, "de").await;
        assert!(
            html.contains("Gültig: Diese Quittung ist echt."),
            "{code}: {html}"
        );
        assert!(html.contains(&format!("/dortmund/complaints/new?receipt={number}")));
    }
    let html = check(&app, &c, number, "tr").await;
    assert!(html.contains("Geçerli"), "{html}");

    // Altered: one payload byte changed, recompressed and re-encoded.
    let cose = cose_of(qr);
    let s = parse_sign1(&cose);
    let pos = cose
        .windows(s.payload.len())
        .position(|w| w == s.payload.as_slice())
        .unwrap();
    let mut altered = cose.clone();
    let off = pos + s.payload.windows(7).position(|w| w == b"PK-4711").unwrap();
    altered[off + 6] = b'2';
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut z, &altered).unwrap();
    let altered_qr = format!("VNQ1:{}", base45_encode(&z.finish().unwrap()));
    assert!(!verify_independently(&app, &altered_qr).await);
    let truncated = {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        std::io::Write::write_all(&mut z, &cose[..cose.len() - 20]).unwrap();
        format!("VNQ1:{}", base45_encode(&z.finish().unwrap()))
    };
    for (code, why) in [
        (
            altered_qr.as_str(),
            "Die Unterschrift passt nicht zum Inhalt",
        ),
        ("VNQ1:!!!~", "beschädigt"),
        ("VNQ1:ABC", "beschädigt"),
        (truncated.as_str(), "nicht den Aufbau einer Quittung"),
        ("ZZZZ-ZZZZ", "keine Quittung"),
        (
            "hello world, this is not a receipt",
            "weder eine Quittungsnummer",
        ),
    ] {
        let html = check(&app, &c, code, "de").await;
        assert!(html.contains("Nicht gültig"), "{code}: {html}");
        assert!(html.contains(why), "{code}: {html}");
        assert!(!html.contains("Gültig: Diese"), "{code}");
    }
    // A row written into the database without the key: not valid.
    let db = app.raw_db().await;
    let mut tx = db.begin().await.unwrap();
    vertrauensnetz::on_db!(tx, c => sqlx::query("UPDATE receipts SET cose = $1 WHERE number = $2")
        .bind(&altered).bind(number).execute(c).await.map(|_| ()))
    .unwrap();
    tx.commit().await.unwrap();
    let html = check(&app, &c, number, "de").await;
    assert!(html.contains("Nicht gültig"), "{html}");
    app.server.stop().await;
}

#[tokio::test]
async fn self_description_is_taken_once_and_not_linked_to_the_receipt() {
    let app = TestApp::spawn().await;
    let t = token(&app, "dortmund", Role::Police).await;
    let r = issued(&app, &t).await;
    let number = r["number"].as_str().unwrap();
    let c = client();
    let html = check(&app, &c, number, "de").await;
    assert!(html.contains("name=\"group\""), "the form is offered");
    let csrf = csrf_in(&html);
    let fields = [
        ("number", number),
        ("age_band", "25_39"),
        ("gender", "no_answer"),
        ("group", "black"),
        ("respectful", "partly"),
        ("explained", "no"),
    ];
    let res = post_form(&c, &app.url("/dortmund/receipts/feedback"), &csrf, &fields).await;
    assert_eq!(res.status(), 200);
    let res = post_form(&c, &app.url("/dortmund/receipts/feedback"), &csrf, &fields).await;
    assert_eq!(res.status(), 409, "once per receipt");
    let html = check(&app, &c, number, "de").await;
    assert!(!html.contains("name=\"group\""), "no second form");
    let bad = post_form(
        &c,
        &app.url("/dortmund/receipts/feedback"),
        &csrf,
        &[("number", number), ("group", "martian")],
    )
    .await;
    assert_eq!(bad.status(), 422);

    let db = app.raw_db().await;
    let mut conn = db.read().await.unwrap();
    let rows: Vec<(String, String, String, String)> = vertrauensnetz::on_db!(conn, c => sqlx::query_as(
        "SELECT stop_month, district, grp, respectful FROM receipt_self_descriptions").fetch_all(c).await).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].2, "black");
    let cols: Vec<(String,)> = match vertrauensnetz::platform::db::schema_description(&db).await {
        Ok(s) => s
            .columns
            .into_iter()
            .filter(|c| c.table == "receipt_self_descriptions")
            .map(|c| (c.column,))
            .collect(),
        Err(e) => panic!("{e}"),
    };
    for (col,) in &cols {
        assert!(
            ![
                "receipt_id",
                "number",
                "stopped_at",
                "issued_by",
                "service_number"
            ]
            .contains(&col.as_str()),
            "{col}"
        );
    }
    let marks: Vec<(Vec<u8>,)> = vertrauensnetz::on_db!(conn, c => sqlx::query_as(
        "SELECT mark FROM receipt_feedback_marks").fetch_all(c).await)
    .unwrap();
    assert_eq!(marks.len(), 1);
    assert!(!marks[0]
        .0
        .windows(number.len())
        .any(|w| w == number.as_bytes()));
    app.server.stop().await;
}

#[tokio::test]
async fn deleting_a_receipt_row_makes_audit_verify_fail() {
    let app = TestApp::spawn().await;
    let t = token(&app, "dortmund", Role::Police).await;
    let r = issued(&app, &t).await;
    issued(&app, &t).await;
    let ok = app.cli(&["audit", "verify"]).await;
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );

    // The public log names the day's count and the chain entry's hash.
    let html = client()
        .get(app.url("/dortmund/receipts/log"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let db = app.raw_db().await;
    let head: (Vec<u8>,) = {
        let mut conn = db.read().await.unwrap();
        vertrauensnetz::on_db!(conn, c => sqlx::query_as(
            "SELECT a.hash FROM audit_log a JOIN receipts r ON r.tenant_id = a.tenant_id AND r.audit_seq = a.seq
             ORDER BY a.seq DESC LIMIT 1").fetch_one(c).await).unwrap()
    };
    assert!(html.contains(&hex::encode(&head.0)), "{html}");
    assert!(html.contains("<td>2</td>"), "{html}");

    let mut tx = db.begin().await.unwrap();
    vertrauensnetz::on_db!(tx, c => sqlx::query("DELETE FROM receipts WHERE number = $1")
        .bind(r["number"].as_str().unwrap()).execute(c).await.map(|_| ()))
    .unwrap();
    tx.commit().await.unwrap();
    let broken = app.cli(&["audit", "verify"]).await;
    assert!(!broken.status.success());
    let err = String::from_utf8_lossy(&broken.stderr);
    assert!(err.contains("no longer stored"), "{err}");
    app.server.stop().await;
}

#[tokio::test]
async fn complaint_form_takes_the_receipt_number_from_the_link() {
    let app = TestApp::spawn().await;
    let html = client()
        .get(app.url("/dortmund/complaints/new?receipt=7KQ2-M9XA"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains(r#"name="stop_receipt" maxlength="300" value="7KQ2-M9XA""#),
        "{html}"
    );
    app.server.stop().await;
}

#[tokio::test]
async fn an_officer_issues_a_receipt_through_the_page() {
    let app = TestApp::spawn().await;
    let c = login(&app, "dortmund", Role::Kod).await;
    let html = c
        .get(app.url("/dortmund/receipts/new"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = csrf_in(&html);
    let district = regex_lite::Regex::new(r#"<option value="([^"]+)">"#)
        .unwrap()
        .captures_iter(&html)
        .map(|c| c[1].to_owned())
        .find(|v| !v.is_empty())
        .unwrap();
    let when = (chrono::Utc::now() - chrono::Duration::minutes(3))
        .with_timezone(&chrono_tz::Europe::Berlin)
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let mut fields = vec![
        ("stopped_at", when.as_str()),
        ("district", district.as_str()),
        ("legal_basis", "obg-nrw-24-34"),
        ("reason", "danger"),
        ("measures", "identity_check"),
        ("measures", "order_to_leave"),
        ("outcome", "warning"),
        ("persons", "2"),
        ("service_number", "OD-17"),
        ("given", "refused"),
    ];
    let res = post_form(&c, &app.url("/dortmund/receipts/new"), &csrf, &fields).await;
    assert_eq!(res.status(), 303);
    let loc = res.headers()["location"].to_str().unwrap().to_owned();
    let page = c
        .get(app.url(&loc))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("<svg"), "QR as inline SVG");
    assert!(page.contains("Platzverweis"));
    assert!(page.contains("abgelehnt"));
    // Bad input: a police legal basis for the KOD, no measure.
    fields[2] = ("legal_basis", "polg-nrw-12");
    fields.retain(|f| f.0 != "measures");
    let res = post_form(&c, &app.url("/dortmund/receipts/new"), &csrf, &fields).await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("Rechtsgrundlage Ihrer Behörde"));
    assert!(html.contains("mindestens eine Maßnahme"));
    assert_eq!(receipt_count(&app).await, 1);
    app.server.stop().await;
}

fn table_rows(html: &str, id: &str) -> Vec<Vec<String>> {
    let start = html.find(&format!("id=\"{id}\"")).unwrap();
    let end = start + html[start..].find("</table>").unwrap();
    let cell = regex_lite::Regex::new(r"<td>([^<]*)</td>").unwrap();
    html[start..end]
        .split("<tr>")
        .skip(2)
        .map(|row| cell.captures_iter(row).map(|c| c[1].to_owned()).collect())
        .collect()
}

fn table_counts(html: &str, id: &str) -> Vec<u64> {
    let start = html.find(&format!("id=\"{id}\"")).unwrap();
    let end = start + html[start..].find("</table>").unwrap();
    regex_lite::Regex::new(r"<td>(\d+)</td>")
        .unwrap()
        .captures_iter(&html[start..end])
        .map(|c| c[1].parse().unwrap())
        .collect()
}

#[tokio::test]
async fn committee_sees_no_figure_under_five_and_evaluators_see_all() {
    let app = TestApp::spawn().await;
    let out = app
        .cli(&[
            "generate", "receipts", "--tenant", "dortmund", "--count", "60", "--seed", "4",
        ])
        .await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let verify = app.cli(&["audit", "verify"]).await;
    assert!(
        verify.status.success(),
        "{}",
        String::from_utf8_lossy(&verify.stderr)
    );
    let q = "/dortmund/receipts/evaluation?from=2000-01-01&to=2100-01-01";
    let committee = login(&app, "dortmund", Role::Committee).await;
    let html = committee
        .get(app.url(q))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("&#60; 5"), "{html}");
    let shown = table_counts(&html, "groups");
    assert!(!shown.is_empty());
    assert!(shown.iter().all(|n| *n >= 5), "{shown:?}");
    // No column has a single hidden cell that its total would give away.
    let rows = table_rows(&html, "groups");
    for col in [0, 3, 5] {
        let hidden = rows.iter().filter(|r| r[col] == "&#60; 5").count();
        assert_ne!(hidden, 1, "column {col}: {rows:?}");
    }
    let csv = committee
        .get(app.url(&q.replace("evaluation?", "evaluation.csv?")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for line in csv
        .lines()
        .filter(|l| l.starts_with("group,") && !l.starts_with("group,group"))
    {
        let stops = line.split(',').nth(2).unwrap();
        assert!(
            stops == "< 5" || stops.parse::<u64>().unwrap() >= 5,
            "{line}"
        );
    }
    let res = committee
        .get(app.url("/dortmund/receipts/export.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);

    let evaluator = login(&app, "dortmund", Role::Evaluator).await;
    let html = evaluator
        .get(app.url(q))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let all = table_counts(&html, "groups");
    assert!(
        all.iter().any(|n| *n < 5),
        "evaluators see small cells: {all:?}"
    );
    let export = evaluator
        .get(app.url("/dortmund/receipts/export.csv?from=2000-01-01&to=2100-01-01"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(
        export.lines().count(),
        61,
        "every receipt, given or refused"
    );
    assert!(
        !export.contains("PK-1") && !export.contains("OD-1"),
        "service numbers pseudonymised"
    );
    app.server.stop().await;
}

async fn save_settings(
    app: &TestApp,
    admin: &reqwest::Client,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let csrf = csrf_token(admin, &app.url("/dortmund/admin/receipts")).await;
    post_form(admin, &app.url("/dortmund/admin/receipts"), &csrf, fields).await
}

const POLICE_BASES: &str = "polg-nrw-12 = § 12 PolG NRW (Identitätsfeststellung)\n\
    polg-nrw-12a = § 12a PolG NRW (Strategische Fahndung)";
const KOD_BASES: &str = "obg-nrw-24-12 = § 24 OBG NRW i. V. m. § 12 PolG NRW";

#[tokio::test]
async fn legal_bases_and_the_perceived_group_are_tenant_settings() {
    let app = TestApp::spawn().await;
    let police = token(&app, "dortmund", Role::Police).await;
    let d = district(&app, &police).await;
    // A receipt citing a basis the administrator will retire.
    let mut old = body(&d);
    old["legal_basis"] = "polg-nrw-34".into();
    let res = issue(&app, &police, &old).await;
    assert_eq!(res.status(), 201);
    let old: serde_json::Value = res.json().await.unwrap();

    let admin = login(&app, "dortmund", Role::Admin).await;
    // Refused: a malformed line, a duplicate code, the recording switched
    // on without naming its legal basis. Nothing changes.
    for (police_bases, on, basis, says) in [
        ("polg-nrw-12 § 12 PolG NRW", "", "", "Zeile 1"),
        ("x1 = a\u{308}bc\nx1 = def", "", "", "mehrfach"),
        (POLICE_BASES, "on", "", "Rechtsgrundlage der Erfassung"),
    ] {
        let res = save_settings(
            &app,
            &admin,
            &[
                ("mode", "every_stop"),
                ("groups", "white_german\nblack\nturkish_arab"),
                ("police_bases", police_bases),
                ("kod_bases", KOD_BASES),
                ("officer_groups", on),
                ("officer_groups_basis", basis),
            ],
        )
        .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains(says), "{says}: {html}");
        assert!(
            html.contains(police_bases.lines().next().unwrap().trim()),
            "typed text kept"
        );
    }
    // Before any valid save the perceived group is refused through the API.
    let mut with_group = body(&d);
    with_group["perceived_group"] = "black".into();
    let res = issue(&app, &police, &with_group).await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("perceived_group"));

    let res = save_settings(
        &app,
        &admin,
        &[
            ("mode", "every_stop"),
            ("groups", "white_german\nblack\nturkish_arab"),
            ("police_bases", POLICE_BASES),
            ("kod_bases", KOD_BASES),
            ("officer_groups", "on"),
            ("officer_groups_basis", "§ 99 Testgesetz (Beispiel)"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let settings = admin
        .get(app.url("/dortmund/admin/receipts"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(settings.contains("polg-nrw-34"), "retired basis listed");

    // The options list the new basis and not the retired one; the retired
    // one can no longer be cited, the new one can.
    let v: serde_json::Value = client()
        .get(app.url("/api/v1/dortmund/receipts/options"))
        .bearer_auth(&police)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let codes: Vec<&str> = v["legal_bases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["polg-nrw-12", "polg-nrw-12a"]);
    assert!(v["perceived_groups"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["code"] == "black"));
    let before = receipt_count(&app).await;
    let mut retired = body(&d);
    retired["legal_basis"] = "polg-nrw-34".into();
    let res = issue(&app, &police, &retired).await;
    assert_eq!(res.status(), 422);
    let mut unknown_group = body(&d);
    unknown_group["perceived_group"] = "martian".into();
    assert_eq!(issue(&app, &police, &unknown_group).await.status(), 422);
    assert_eq!(receipt_count(&app).await, before, "nothing stored");

    let mut new = body(&d);
    new["legal_basis"] = "polg-nrw-12a".into();
    new["perceived_group"] = "black".into();
    let res = issue(&app, &police, &new).await;
    assert_eq!(res.status(), 201);
    let new: serde_json::Value = res.json().await.unwrap();
    assert_eq!(new["perceived_group"], "black");
    // The signed payload does not carry the perceived group.
    let cose = cose_of(new["qr"].as_str().unwrap());
    let sign1 = parse_sign1(&cose);
    let payload: Value = ciborium::from_reader(&sign1.payload[..]).unwrap();
    let keys: Vec<String> = payload
        .as_map()
        .unwrap()
        .iter()
        .map(|(k, _)| k.as_text().unwrap().to_owned())
        .collect();
    assert_eq!(keys.len(), 12, "{keys:?}");
    assert!(!cose.windows(5).any(|w| w == b"black"));
    let stored: (Option<String>,) = {
        let db = app.raw_db().await;
        let mut conn = db.read().await.unwrap();
        vertrauensnetz::on_db!(conn, c => sqlx::query_as("SELECT officer_group FROM receipts WHERE number = $1")
            .bind(new["number"].as_str().unwrap()).fetch_one(c).await)
        .unwrap()
    };
    assert_eq!(stored.0.as_deref(), Some("black"));

    // The check page still names the retired basis of the old receipt, and
    // the new one's basis; neither shows the perceived group.
    let resident = client();
    let old_html = check(&app, &resident, old["number"].as_str().unwrap(), "de").await;
    assert!(old_html.contains("§ 34 PolG NRW"), "{old_html}");
    let html = check(&app, &resident, new["qr"].as_str().unwrap(), "de").await;
    assert!(html.contains("§ 12a PolG NRW"), "{html}");
    // "Schwarz" appears only as an option of the self-description form,
    // as often as on the page of a receipt without a perceived group.
    assert_eq!(
        html.matches("Schwarz").count(),
        old_html.matches("Schwarz").count()
    );
    assert_eq!(
        html.matches("black").count(),
        old_html.matches("black").count()
    );

    // The evaluator sees the officer-recorded group (one stop), the
    // committee sees it suppressed.
    let evaluator = login(&app, "dortmund", Role::Evaluator).await;
    let html = evaluator
        .get(app.url("/dortmund/receipts/evaluation?from=2000-01-01&to=2100-01-01"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(table_counts(&html, "officer-groups")[0], 1, "{html}");
    let committee = login(&app, "dortmund", Role::Committee).await;
    let html = committee
        .get(app.url("/dortmund/receipts/evaluation?from=2000-01-01&to=2100-01-01"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(table_counts(&html, "officer-groups").is_empty(), "{html}");
    app.server.stop().await;
}

#[tokio::test]
async fn the_report_downloads_as_one_html_document_with_the_same_suppression() {
    let app = TestApp::spawn().await;
    let out = app
        .cli(&[
            "generate", "receipts", "--tenant", "dortmund", "--count", "80", "--seed", "9",
        ])
        .await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let committee = login(&app, "dortmund", Role::Committee).await;
    let page = committee
        .get(app.url("/dortmund/receipts/evaluation?from=2000-01-01&to=2100-01-01"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let link =
        regex_lite::Regex::new(r#"href="(/dortmund/receipts/evaluation/report\.html\?[^"]+)""#)
            .unwrap()
            .captures(&page)
            .unwrap()[1]
            .replace("&amp;", "&");
    let res = committee.get(app.url(&link)).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let disposition = res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    // The period ends today at the latest.
    assert!(
        regex_lite::Regex::new(
            r#"^attachment; filename="receipts-evaluation-2000-01-01-\d{4}-\d{2}-\d{2}\.html"$"#
        )
        .unwrap()
        .is_match(&disposition),
        "{disposition}"
    );
    let doc = res.text().await.unwrap();
    assert!(doc.starts_with("<!doctype html>"));
    assert!(doc.contains("<style>") && doc.contains("<svg"));
    assert!(
        !doc.contains("<link") && !doc.contains("<script") && !doc.contains("src="),
        "self-contained"
    );
    assert_eq!(table_counts(&doc, "groups"), table_counts(&page, "groups"));
    assert!(table_counts(&doc, "groups").iter().all(|n| *n >= 5));

    // One district only: its stops are a part of all stops.
    let districts: Vec<String> = regex_lite::Regex::new(r#"<option value="([^"]+)""#)
        .unwrap()
        .captures_iter(&page[page.find("id=\"district\"").unwrap()..])
        .map(|c| c[1].to_owned())
        .filter(|v| !v.is_empty())
        .collect();
    assert!(districts.len() > 1);
    let evaluator = login(&app, "dortmund", Role::Evaluator).await;
    let total = |html: &str| {
        table_rows(html, "groups")
            .iter()
            .map(|r| r[0].parse::<u64>().unwrap())
            .sum::<u64>()
    };
    let all = evaluator
        .get(app.url("/dortmund/receipts/evaluation?from=2000-01-01&to=2100-01-01"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let mut parts = 0;
    for d in &districts {
        let url = format!(
            "/dortmund/receipts/evaluation?{}",
            serde_urlencoded::to_string([
                ("from", "2000-01-01"),
                ("to", "2100-01-01"),
                ("district", d)
            ])
            .unwrap()
        );
        let html = evaluator
            .get(app.url(&url))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        parts += total(&html);
    }
    assert_eq!(parts, total(&all));
    app.server.stop().await;
}

/// `generate receipts --descriptions-only` (the evaluation benchmark's
/// data): self-descriptions only, no receipt, no chain entry, with the
/// same darkness facts the check page would store.
#[tokio::test]
async fn the_descriptions_only_generator_writes_self_descriptions_and_nothing_else() {
    let app = TestApp::spawn().await;
    let receipts_before = receipt_count(&app).await;
    let out = app
        .cli(&[
            "generate",
            "receipts",
            "--tenant",
            "dortmund",
            "--count",
            "3000",
            "--descriptions-only",
            "--seed",
            "5",
        ])
        .await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(receipt_count(&app).await, receipts_before);
    let db = app.raw_db().await;
    let mut conn = db.read().await.unwrap();
    let (n, window, dark, dark_in_window): (i64, i64, i64, i64) = vertrauensnetz::on_db!(conn, c => sqlx::query_as(
        "SELECT COUNT(*), SUM(CASE WHEN vod_window THEN 1 ELSE 0 END), SUM(CASE WHEN dark THEN 1 ELSE 0 END),
                SUM(CASE WHEN dark AND vod_window THEN 1 ELSE 0 END)
         FROM receipt_self_descriptions d JOIN tenants t ON t.tenant_id = d.tenant_id WHERE t.slug = 'dortmund'")
        .fetch_one(c).await)
    .unwrap();
    assert_eq!(n, 3000, "one self-description per simulated stop");
    // Stops between 16:00 and 23:00 all year: some in the inter-twilight
    // window, some dark, both dark and light ones inside the window.
    assert!(window > 0 && window < n, "{window} of {n} in the window");
    assert!(dark > 0 && dark < n, "{dark} of {n} dark");
    assert!(
        dark_in_window > 0 && dark_in_window < window,
        "{dark_in_window} of {window} in the window dark"
    );
    drop(conn);
    let verify = app.cli(&["audit", "verify"]).await;
    assert!(verify.status.success());
    app.server.stop().await;
}
