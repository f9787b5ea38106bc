//! Black-box tests of the platform foundation through HTTP and the CLI.
//! They run on SQLite, and on PostgreSQL with `VN_TEST_DB=postgres`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use vertrauensnetz::platform::auth::Role;

#[tokio::test]
async fn health_ready_and_metrics() {
    let app = TestApp::spawn().await;
    let c = client();
    assert_eq!(
        c.get(app.url("/healthz")).send().await.unwrap().status(),
        200
    );
    assert_eq!(
        c.get(app.url("/readyz")).send().await.unwrap().status(),
        200
    );
    c.get(app.url("/dortmund")).send().await.unwrap();
    let metrics = c.get(app.url("/metrics")).send().await.unwrap();
    assert_eq!(metrics.status(), 200);
    assert!(metrics.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/openmetrics-text"));
    let text = metrics.text().await.unwrap();
    assert!(
        text.contains(r#"http_requests_total{method="GET",route="/{tenant}",status="200"} 1"#),
        "{text}"
    );
    assert!(
        text.contains("http_request_duration_seconds_bucket"),
        "{text}"
    );
    assert!(
        text.trim_end().ends_with("# EOF"),
        "OpenMetrics text ends with # EOF"
    );
    app.server.stop().await;
}

#[tokio::test]
async fn start_page_languages_and_fallback() {
    let app = TestApp::spawn().await;
    let c = reqwest::Client::new();
    let page = |lang: &'static str| {
        let c = c.clone();
        let url = app.url("/dortmund");
        async move {
            c.get(url)
                .header("accept-language", lang)
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
        }
    };
    let de = page("de").await;
    assert!(de.contains(r#"<html lang="de" dir="ltr">"#));
    assert!(de.contains("Im Notfall"));
    let tr = page("tr-TR,tr;q=0.9").await;
    assert!(tr.contains(r#"<html lang="tr" dir="ltr">"#), "{tr}");
    assert!(
        !tr.contains("Zum Inhalt springen"),
        "the Turkish page is not in German"
    );
    let ar = page("ar").await;
    assert!(ar.contains(r#"<html lang="ar" dir="rtl">"#), "{ar}");
    let easy = page("de-x-ls").await;
    assert!(easy.contains(r#"<html lang="de" dir="ltr">"#));
    assert!(easy.contains("Not·fall"));
    // An unknown language falls back to German.
    assert!(page("xx").await.contains("Zum Inhalt springen"));
    // A choice by link is remembered in a cookie.
    let c2 = client();
    let chosen = c2.get(app.url("/dortmund?lang=pl")).send().await.unwrap();
    assert!(chosen
        .headers()
        .get_all("set-cookie")
        .iter()
        .any(|v| v.to_str().unwrap().starts_with("vn_lang=pl")));
    let again = c2
        .get(app.url("/dortmund"))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(again.contains(r#"<html lang="pl""#));
    app.server.stop().await;
}

#[tokio::test]
async fn a_message_missing_in_a_language_falls_back_to_german() {
    // The staff pages exist in German and English only.
    let app = TestApp::spawn().await;
    let c = login(&app, "dortmund", Role::Coordinator).await;
    let html = c
        .get(app.url("/dortmund/account?lang=tr"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"<html lang="tr""#));
    assert!(
        html.contains("Mein Konto"),
        "German fallback expected:\n{html}"
    );
    // The shell around it is Turkish.
    assert!(!html.contains("Zum Inhalt springen"));
    app.server.stop().await;
}

const SECURITY_HEADERS: &[&str] = &[
    "content-security-policy",
    "x-frame-options",
    "x-content-type-options",
    "referrer-policy",
    "cache-control",
];

#[tokio::test]
async fn every_response_has_security_headers_and_pages_stay_on_their_own_host() {
    let app = TestApp::spawn().await;
    let c = login(&app, "dortmund", Role::Coordinator).await;
    let anon = client();
    let css = {
        let html = anon
            .get(app.url("/dortmund"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        regex_lite::Regex::new(r#"href="(/assets/app\.[0-9a-f]+\.css)""#)
            .unwrap()
            .captures(&html)
            .unwrap()[1]
            .to_owned()
    };
    let paths = [
        "/",
        "/dortmund",
        "/dortmund/login",
        "/dortmund/staff",
        "/dortmund/account",
        "/nope",
        "/dortmund/nope",
        "/api/openapi.json",
        "/api/v1/dortmund/me",
        "/healthz",
        "/metrics",
        css.as_str(),
        "/assets/nothing.css",
    ];
    for path in paths {
        for client in [&c, &anon] {
            let res = client.get(app.url(path)).send().await.unwrap();
            for h in SECURITY_HEADERS {
                assert!(res.headers().contains_key(*h), "{path} lacks {h}");
            }
            assert_eq!(res.headers()["x-frame-options"], "DENY");
            assert_eq!(res.headers()["referrer-policy"], "no-referrer");
            let csp = res.headers()["content-security-policy"]
                .to_str()
                .unwrap()
                .to_owned();
            assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
            let is_html = res
                .headers()
                .get("content-type")
                .is_some_and(|v| v.to_str().unwrap().starts_with("text/html"));
            let body = res.text().await.unwrap();
            if is_html {
                // No absolute URL to any host: every reference is relative to this origin.
                let external =
                    regex_lite::Regex::new(r#"(?i)(src|href|action)\s*=\s*"(https?:)?//"#).unwrap();
                assert!(
                    !external.is_match(&body),
                    "{path} references another host:\n{body}"
                );
            }
        }
    }
    // Personal pages are never cached; assets are cached for good.
    let account = c.get(app.url("/dortmund/account")).send().await.unwrap();
    assert_eq!(account.headers()["cache-control"], "no-store");
    let asset = anon.get(app.url(&css)).send().await.unwrap();
    assert_eq!(asset.status(), 200);
    assert!(asset.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("immutable"));
    app.server.stop().await;
}

#[tokio::test]
async fn malformed_input_gets_a_clear_4xx() {
    let app = TestApp::spawn_with(|c| c.max_body_bytes = 64 * 1024).await;
    let c = client();
    let token = csrf_token(&c, &app.url("/dortmund/login")).await;
    let login_url = app.url("/dortmund/login");
    let send = |body: Vec<u8>, ct: &'static str| {
        let c = c.clone();
        let url = login_url.clone();
        async move {
            c.post(url)
                .header("content-type", ct)
                .header("sec-fetch-site", "same-origin")
                .body(body)
                .send()
                .await
                .unwrap()
        }
    };
    // Bad form encoding.
    let res = send(
        format!("csrf={token}&login=%ZZ%&&=").into_bytes(),
        "application/x-www-form-urlencoded",
    )
    .await;
    assert_eq!(res.status(), 400);
    assert!(res.text().await.unwrap().contains("Ungültige Anfrage"));
    // Invalid UTF-8.
    let mut body = format!("csrf={token}&login=").into_bytes();
    body.extend_from_slice(&[0xff, 0xfe, 0x80]);
    assert_eq!(
        send(body, "application/x-www-form-urlencoded")
            .await
            .status(),
        400
    );
    let res = send(
        format!("csrf={token}&login=%FF%FE").into_bytes(),
        "application/x-www-form-urlencoded",
    )
    .await;
    assert_eq!(res.status(), 400, "percent-encoded invalid UTF-8");
    // Oversized body.
    let big = format!("csrf={token}&login={}", "a".repeat(200 * 1024));
    let res = send(big.into_bytes(), "application/x-www-form-urlencoded").await;
    assert_eq!(res.status(), 413);
    assert!(res.text().await.unwrap().contains("Zu große Datenmenge"));
    // Wrong content type.
    assert_eq!(send(b"{}".to_vec(), "application/json").await.status(), 415);
    // Missing CSRF token, and a request from another site.
    let res = c
        .post(app.url("/dortmund/login"))
        .header("sec-fetch-site", "same-origin")
        .form(&[("login", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let res = c
        .post(app.url("/dortmund/login"))
        .header("origin", "https://evil.example")
        .form(&[("csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    // Unknown tenant, in pages and the API.
    let res = c.get(app.url("/hamburg")).send().await.unwrap();
    assert_eq!(res.status(), 404);
    assert!(res.text().await.unwrap().contains("Seite nicht gefunden"));
    let res = c.get(app.url("/api/v1/hamburg/me")).send().await.unwrap();
    assert_eq!(res.status(), 404);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    // Bad tokens.
    for token in ["vnt_nonsense", "garbage", &"x".repeat(5000), "vnt_\u{7f}"] {
        let res = c
            .get(app.url("/api/v1/dortmund/me"))
            .header("authorization", format!("Bearer {token}"))
            .send()
            .await;
        let Ok(res) = res else { continue };
        assert_eq!(res.status(), 401, "token {token:?}");
        assert_eq!(res.headers()["content-type"], "application/problem+json");
        let problem: serde_json::Value = res.json().await.unwrap();
        assert_eq!(problem["status"], 401);
        assert!(problem["title"].as_str().unwrap().len() > 3);
    }
    // Unknown routes and methods.
    assert_eq!(
        c.get(app.url("/dortmund/nope/../../etc/passwd"))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    assert_eq!(
        c.delete(app.url("/dortmund"))
            .header("sec-fetch-site", "same-origin")
            .send()
            .await
            .unwrap()
            .status(),
        405
    );
    app.server.stop().await;
}

#[tokio::test]
async fn login_logout_and_api_token() {
    let app = TestApp::spawn().await;
    let c = login(&app, "dortmund", Role::Coordinator).await;
    let staff = c.get(app.url("/dortmund/staff")).send().await.unwrap();
    assert_eq!(staff.status(), 200);
    let html = staff.text().await.unwrap();
    assert!(html.contains("coordinator"));
    // Signing out ends the session.
    let token = csrf_in(&html);
    let res = post_form(&c, &app.url("/dortmund/logout"), &token, &[]).await;
    assert_eq!(res.status(), 303);
    let res = c.get(app.url("/dortmund/staff")).send().await.unwrap();
    assert_eq!(res.status(), 303);
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("/dortmund/login"));

    // A token from the CLI authenticates API calls.
    let out = app
        .cli(&["token", "create", "--login", "coordinator@dortmund.example"])
        .await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let token = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    assert!(token.starts_with("vnt_"));
    let me: serde_json::Value = reqwest::Client::new()
        .get(app.url("/api/v1/dortmund/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["login"], "coordinator@dortmund.example");
    assert_eq!(me["grants"][0]["role"], "coordinator");
    // The token is no key to another tenant.
    let res = reqwest::Client::new()
        .get(app.url("/api/v1/luenen/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    app.server.stop().await;
}

#[tokio::test]
async fn login_throttling_and_indistinguishable_failures() {
    let app = TestApp::spawn().await;
    let known = app.account("dortmund", Role::Partner).login.clone();
    let c = client();
    let token = csrf_token(&c, &app.url("/dortmund/login")).await;
    let url = app.url("/dortmund/login");
    let attempt = |login: String| {
        let c = c.clone();
        let url = url.clone();
        let token = token.clone();
        async move {
            let start = std::time::Instant::now();
            let res = post_form(
                &c,
                &url,
                &token,
                &[("login", &login), ("password", "wrong password here")],
            )
            .await;
            let status = res.status();
            let body = res.text().await.unwrap().replace(&login, "LOGIN");
            (status, body, start.elapsed())
        }
    };
    let mut known_times = vec![];
    let mut unknown_times = vec![];
    let mut bodies = vec![];
    for i in 0..4 {
        let (s1, b1, t1) = attempt(known.clone()).await;
        let (s2, b2, t2) = attempt(format!("nobody{i}@dortmund.example")).await;
        assert_eq!(s1, 401);
        assert_eq!(s1, s2);
        bodies.push((b1, b2));
        known_times.push(t1);
        unknown_times.push(t2);
    }
    for (b1, b2) in &bodies {
        assert_eq!(b1, b2, "the answer reveals whether the account exists");
    }
    known_times.sort();
    unknown_times.sort();
    let (k, u) = (known_times[2].as_secs_f64(), unknown_times[2].as_secs_f64());
    assert!(
        k / u < 3.0 && u / k < 3.0,
        "timing differs: known {k:.3}s, unknown {u:.3}s"
    );

    // 20 wrong passwords from one client: the client is throttled, even
    // for a correct password afterwards.
    let mut statuses = vec![];
    for i in 0..12 {
        statuses.push(
            attempt(format!("someone{i}@dortmund.example"))
                .await
                .0
                .as_u16(),
        );
    }
    assert!(
        statuses.iter().filter(|s| **s == 429).count() >= 8,
        "{statuses:?}"
    );
    let pw = app.account("dortmund", Role::Partner).password.clone();
    let res = post_form(&c, &url, &token, &[("login", &known), ("password", &pw)]).await;
    assert_eq!(res.status(), 429);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Zu viele Anmeldeversuche"));
    app.server.stop().await;
}

#[tokio::test]
async fn second_factor_is_mandatory_for_admin_and_works_with_totp() {
    let app = TestApp::spawn().await;
    let a = app.account("dortmund", Role::Admin);
    let c = client();
    let token = csrf_token(&c, &app.url("/dortmund/login")).await;
    let res = post_form(
        &c,
        &app.url("/dortmund/login"),
        &token,
        &[("login", &a.login), ("password", &a.password)],
    )
    .await;
    assert_eq!(res.headers()["location"], "/dortmund/account/second-factor");
    // Until the factor is set up, nothing else opens.
    let res = c
        .get(app.url("/dortmund/admin/users"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/dortmund/login/second-factor");
    let html = c
        .get(app.url("/dortmund/account/second-factor"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("<svg"), "a QR code is shown");
    let secret = regex_lite::Regex::new(r"<code>([A-Z2-7]+)</code>")
        .unwrap()
        .captures(&html)
        .unwrap()[1]
        .to_owned();
    let res = post_form(
        &c,
        &app.url("/dortmund/account/second-factor"),
        &csrf_in(&html),
        &[("code", "000000")],
    )
    .await;
    assert_eq!(res.status(), 422);
    let res = post_form(
        &c,
        &app.url("/dortmund/account/second-factor"),
        &csrf_in(&html),
        &[("code", &current_code(&secret))],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        c.get(app.url("/dortmund/admin/users"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );

    // The next sign-in asks for the code; a used code is refused.
    let c2 = client();
    let token = csrf_token(&c2, &app.url("/dortmund/login")).await;
    let res = post_form(
        &c2,
        &app.url("/dortmund/login"),
        &token,
        &[("login", &a.login), ("password", &a.password)],
    )
    .await;
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("/dortmund/login/second-factor"));
    let html = c2
        .get(app.url("/dortmund/login/second-factor"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let res = post_form(
        &c2,
        &app.url("/dortmund/login/second-factor"),
        &csrf_in(&html),
        &[("code", &current_code(&secret))],
    )
    .await;
    assert_eq!(res.status(), 401, "a code is accepted only once");
    assert_eq!(
        c2.get(app.url("/dortmund/admin/users"))
            .send()
            .await
            .unwrap()
            .status(),
        303
    );
    app.server.stop().await;
}

#[tokio::test]
async fn admin_creates_an_account_which_can_sign_in_and_everything_is_audited() {
    let app = TestApp::spawn().await;
    let admin = login(&app, "dortmund", Role::Admin).await;
    let html = admin
        .get(app.url("/dortmund/admin/users"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = csrf_in(&html);
    // Bad input: nothing is created.
    let res = post_form(
        &admin,
        &app.url("/dortmund/admin/users"),
        &token,
        &[
            ("display_name", ""),
            ("email", "not-an-address"),
            ("role", "king"),
        ],
    )
    .await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("gültige E-Mail-Adresse") && body.contains("aria-invalid=\"true\""));
    let res = post_form(
        &admin,
        &app.url("/dortmund/admin/users"),
        &token,
        &[
            ("display_name", "Aylin Demir"),
            ("email", "a.demir@dortmund.example"),
            ("role", "department"),
        ],
    )
    .await;
    assert_eq!(res.status(), 201);
    let body = res.text().await.unwrap();
    let pw = regex_lite::Regex::new(r#"<code class="secret">([A-Za-z0-9]+)</code>"#)
        .unwrap()
        .captures(&body)
        .unwrap()[1]
        .to_owned();
    let c = client();
    login_as(&app, &c, "dortmund", "a.demir@dortmund.example", &pw).await;
    let staff = c
        .get(app.url("/dortmund/staff"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(staff.contains("department"));
    // The audit log names the action, not the person's data.
    let audit = admin
        .get(app.url("/dortmund/admin/audit"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(audit.contains("user.create"));
    assert!(!audit.contains("a.demir@dortmund.example") && !audit.contains("Aylin"));
    let out = app.cli(&["audit", "verify"]).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    app.server.stop().await;
}

#[tokio::test]
async fn password_change_ends_other_sessions() {
    let app = TestApp::spawn().await;
    let a = app.account("dortmund", Role::Committee);
    let first = login(&app, "dortmund", Role::Committee).await;
    let second = login(&app, "dortmund", Role::Committee).await;
    let html = first
        .get(app.url("/dortmund/account"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = csrf_in(&html);
    let res = post_form(
        &first,
        &app.url("/dortmund/account/password"),
        &token,
        &[("current", "wrong"), ("new", "short"), ("confirm", "other")],
    )
    .await;
    assert_eq!(res.status(), 422);
    let new = "ein langer neuer Satz als Passwort";
    let res = post_form(
        &first,
        &app.url("/dortmund/account/password"),
        &token,
        &[("current", &a.password), ("new", new), ("confirm", new)],
    )
    .await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        first
            .get(app.url("/dortmund/staff"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    assert_eq!(
        second
            .get(app.url("/dortmund/staff"))
            .send()
            .await
            .unwrap()
            .status(),
        303
    );
    let c = client();
    login_as(&app, &c, "dortmund", &a.login, new).await;
    app.server.stop().await;
}

#[tokio::test]
async fn openapi_document_is_3_1_and_lists_the_api() {
    let app = TestApp::spawn().await;
    let doc: serde_json::Value = reqwest::get(app.url("/api/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    assert!(doc["paths"]["/api/v1/{tenant}/me"]["get"].is_object());
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
    assert!(doc["components"]["schemas"]["Problem"].is_object());
    app.server.stop().await;
}

#[tokio::test]
async fn demo_mail_lands_in_the_outbox_folder() {
    use vertrauensnetz::platform::mail::{self, OutgoingMail};
    let app = TestApp::spawn().await;
    let db = app.raw_db().await;
    let tenant = app.tenant("dortmund").await;
    let mut tx = db.begin().await.unwrap();
    mail::enqueue(
        &mut tx,
        tenant.id,
        &OutgoingMail {
            to: "resident@example.org".into(),
            subject: "Anmeldung bestätigt – Offene Konferenz".into(),
            body_text: "Freitag, 28. November 2025, 16:00 Uhr, Haus der Vielfalt".into(),
        },
        app.clock.now_ts(),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let dir = app.data_dir.join("mail");
    let mut found = None;
    for _ in 0..50 {
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        if let Some(e) = std::fs::read_dir(&dir).ok().and_then(|mut d| d.next()) {
            found = Some(std::fs::read_to_string(e.unwrap().path()).unwrap());
            break;
        }
    }
    let eml = found.expect("the sender wrote the message within 10 s");
    assert!(eml.contains("resident@example.org"));
    assert!(eml.contains("Subject: =?utf-8?") || eml.contains("Subject: Anmeldung"));
    let outbox = mail::outbox(&db, tenant.id, 10).await.unwrap();
    assert!(outbox[0].sent_at.is_some());
    app.server.stop().await;
}

fn user_id_of(html: &str, tenant: &str, login: &str) -> String {
    let re = regex_lite::Regex::new(&format!(
        r#"(?s){}</td>.*?/{}/admin/users/([0-9a-f-]{{36}})/active"#,
        regex_lite::escape(login),
        tenant
    ))
    .unwrap();
    re.captures(html)
        .unwrap_or_else(|| panic!("{login} not listed"))
        .get(1)
        .unwrap()
        .as_str()
        .to_owned()
}

#[tokio::test]
async fn admins_manage_only_accounts_of_cities_they_administer() {
    let app = TestApp::spawn().await;
    let admin = login(&app, "luenen", Role::Admin).await;
    let html = admin
        .get(app.url("/luenen/admin/users"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = csrf_in(&html);

    // The headquarters' account also serves Dortmund: Lünen alone may not
    // reset or deactivate it.
    let police = app.account("luenen", Role::Police).clone();
    let police_id = user_id_of(&html, "luenen", &police.login);
    for action in ["password", "active"] {
        let res = post_form(
            &admin,
            &app.url(&format!("/luenen/admin/users/{police_id}/{action}")),
            &token,
            &[("active", "false")],
        )
        .await;
        assert_eq!(res.status(), 403, "{action}");
    }
    let c = client();
    login_as(&app, &c, "dortmund", &police.login, &police.password).await;

    // A Lünen-only account: reset shows a new password once; the old one
    // stops working.
    let kod = app.account("luenen", Role::Kod).clone();
    let kod_id = user_id_of(&html, "luenen", &kod.login);
    let res = post_form(
        &admin,
        &app.url(&format!("/luenen/admin/users/{kod_id}/password")),
        &token,
        &[],
    )
    .await;
    assert_eq!(res.status(), 200);
    let body = res.text().await.unwrap();
    let new_pw = regex_lite::Regex::new(r#"<code class="secret">([A-Za-z0-9]+)</code>"#)
        .unwrap()
        .captures(&body)
        .unwrap()[1]
        .to_owned();
    let c = client();
    let t = csrf_token(&c, &app.url("/luenen/login")).await;
    let res = post_form(
        &c,
        &app.url("/luenen/login"),
        &t,
        &[("login", &kod.login), ("password", &kod.password)],
    )
    .await;
    assert_eq!(res.status(), 401);
    login_as(&app, &c, "luenen", &kod.login, &new_pw).await;

    // Deactivation ends the session at once and refuses new sign-ins.
    let res = post_form(
        &admin,
        &app.url(&format!("/luenen/admin/users/{kod_id}/active")),
        &token,
        &[("active", "false")],
    )
    .await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        c.get(app.url("/luenen/staff"))
            .send()
            .await
            .unwrap()
            .status(),
        303
    );
    let t = csrf_token(&c, &app.url("/luenen/login")).await;
    let res = post_form(
        &c,
        &app.url("/luenen/login"),
        &t,
        &[("login", &kod.login), ("password", &new_pw)],
    )
    .await;
    assert_eq!(res.status(), 401);
    // A Dortmund account is not found from Lünen at all.
    let dortmund_html = login(&app, "dortmund", Role::Admin)
        .await
        .get(app.url("/dortmund/admin/users"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let dortmund_kod = user_id_of(
        &dortmund_html,
        "dortmund",
        &app.account("dortmund", Role::Kod).login,
    );
    let res = post_form(
        &admin,
        &app.url(&format!("/luenen/admin/users/{dortmund_kod}/password")),
        &token,
        &[],
    )
    .await;
    assert_eq!(res.status(), 404);
    let out = app.cli(&["audit", "verify"]).await;
    assert!(out.status.success());
    app.server.stop().await;
}

#[tokio::test]
async fn a_new_tenant_appears_without_restart() {
    let app = TestApp::spawn().await;
    let out = app
        .cli(&[
            "tenant",
            "add",
            "--slug",
            "bad-kreuznach",
            "--name",
            "Bad Kreuznach",
            "--jurisdiction",
            "bad-kreuznach.de",
            "--lat",
            "49.8450",
            "--lon",
            "7.8670",
        ])
        .await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The tenant cache reloads on a miss at most once a second.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let html = reqwest::get(app.url("/bad-kreuznach"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Vertrauensnetz Bad Kreuznach"));
    let again = app
        .cli(&[
            "tenant",
            "add",
            "--slug",
            "bad-kreuznach",
            "--name",
            "X",
            "--jurisdiction",
            "x.de",
            "--lat",
            "1",
            "--lon",
            "1",
        ])
        .await;
    assert!(!again.status.success());
    let reserved = app
        .cli(&[
            "tenant",
            "add",
            "--slug",
            "api",
            "--name",
            "X",
            "--jurisdiction",
            "y.de",
            "--lat",
            "1",
            "--lon",
            "1",
        ])
        .await;
    assert!(!reserved.status.success());
    app.server.stop().await;
}
