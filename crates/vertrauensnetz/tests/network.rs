//! The cooperation network through HTTP: the application procedure, joint
//! press releases with unanimous approval, who sees what, the Atom feed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use serde_json::{json, Value};
use vertrauensnetz::on_db;
use vertrauensnetz::platform::auth::Role;

const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

/// Mails in the outbox of a tenant: (to, subject, body).
async fn mails(app: &TestApp, tenant: &str) -> Vec<(String, String, String)> {
    let db = app.raw_db().await;
    let t = app.tenant(tenant).await;
    let mut conn = db.read().await.unwrap();
    let rows: Vec<(String, String, String)> = on_db!(conn, c => sqlx::query_as(
        "SELECT to_address, subject, body_text FROM mail_outbox WHERE tenant_id = $1 ORDER BY created_at")
        .bind(t.id.as_uuid()).fetch_all(c).await)
    .unwrap();
    rows
}

/// The private path (`/{tenant}/…/{token}`) of the first link in `text`
/// that contains `marker`.
fn link_with(text: &str, marker: &str) -> String {
    let re = regex_lite::Regex::new(r"https?://[^/\s]+(/\S+)").unwrap();
    let found = re
        .captures_iter(text)
        .map(|c| c[1].to_owned())
        .find(|p| p.contains(marker))
        .unwrap_or_else(|| panic!("no link with {marker} in {text}"));
    found
}

/// Declares interest as an anonymous visitor; returns the private path.
async fn declare_interest(
    app: &TestApp,
    c: &reqwest::Client,
    org: &str,
    email: &str,
    city: &str,
) -> String {
    let url = app.url("/dortmund/network/join");
    let token = csrf_token(c, &url).await;
    let res = post_form(
        c,
        &url,
        &token,
        &[
            ("org_name", org),
            ("contact_name", "Amal Haddad"),
            ("email", email),
            ("city", city),
        ],
    )
    .await;
    assert_eq!(res.status(), 303, "{}", res.text().await.unwrap());
    res.headers()["location"].to_str().unwrap().to_owned()
}

fn application_form(
    token: &str,
    file: Option<(&str, Vec<u8>)>,
    motivation: &str,
) -> reqwest::multipart::Form {
    let mut form = reqwest::multipart::Form::new()
        .text("csrf", token.to_owned())
        .text("name", "Nachbarschaft Hafen e. V.")
        .text("kind", "association")
        .text("street", "Speicherstraße 1")
        .text("postcode", "44147")
        .text("city", "Dortmund")
        .text("contact_name", "Amal Haddad")
        .text("contact_function", "Vorstand")
        .text("email", "amal@hafen.example")
        .text("phone", "0231 1234")
        .text("languages", "de")
        .text("languages", "ar")
        .text("topics", "youth")
        .text("motivation", motivation.to_owned());
    if let Some((name, bytes)) = file {
        form = form.part(
            "statutes",
            reqwest::multipart::Part::bytes(bytes)
                .file_name(name.to_owned())
                .mime_str("application/pdf")
                .unwrap(),
        );
    }
    form
}

async fn submit(
    app: &TestApp,
    c: &reqwest::Client,
    path: &str,
    form: reqwest::multipart::Form,
) -> (u16, String) {
    let res = c
        .post(app.url(path))
        .header("sec-fetch-site", "same-origin")
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.text().await.unwrap())
}

async fn app_status(app: &TestApp, path: &str) -> String {
    let token = path.rsplit('/').next().unwrap();
    let v: Value = reqwest::get(app.url(&format!("/api/v1/dortmund/applications/{token}")))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    v["status"].as_str().unwrap().to_owned()
}

/// A partner account of the demo (`partner@…`, `partner2@…`).
async fn login_partner(app: &TestApp, n: u8) -> reqwest::Client {
    let login = if n == 1 {
        "partner@dortmund.example".to_owned()
    } else {
        format!("partner{n}@dortmund.example")
    };
    let a = app.accounts.iter().find(|a| a.login == login).unwrap();
    let c = client();
    login_as(app, &c, "dortmund", &a.login, &a.password).await;
    c
}

/// The reviewing body's id from the coordinator's application page.
fn steering_id(html: &str) -> String {
    regex_lite::Regex::new(r#"<option value="([0-9a-f-]{36})">Steuerungsgruppe</option>"#)
        .unwrap()
        .captures(html)
        .unwrap()[1]
        .to_owned()
}

async fn post_page(
    c: &reqwest::Client,
    app: &TestApp,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> (u16, String) {
    let token = csrf_token(c, &app.url(page)).await;
    let res = post_form(c, &app.url(action), &token, fields).await;
    let status = res.status().as_u16();
    (status, res.text().await.unwrap())
}

#[tokio::test]
async fn an_application_goes_from_interest_through_the_vote_to_a_partner_who_can_sign_in() {
    let app = TestApp::spawn().await;
    let visitor = client();
    let private = declare_interest(
        &app,
        &visitor,
        "Nachbarschaft Hafen e. V.",
        "amal@hafen.example",
        "44147 Dortmund",
    )
    .await;
    assert!(private.starts_with("/dortmund/network/applications/"));
    let interest_mail = mails(&app, "dortmund")
        .await
        .into_iter()
        .find(|m| m.0 == "amal@hafen.example")
        .expect("interest mail");
    assert_eq!(
        link_with(&interest_mail.2, "/network/applications/"),
        private
    );
    assert_eq!(app_status(&app, &private).await, "interest");

    // Bad uploads change nothing.
    let page = visitor
        .get(app.url(&private))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = csrf_in(&page);
    let exe = b"MZ\x90\x00\x03\x00\x00\x00 This program cannot be run in DOS mode".to_vec();
    let (status, html) = submit(
        &app,
        &visitor,
        &private,
        application_form(&token, Some(("satzung.pdf", exe)), "Wir möchten mitmachen."),
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("kein PDF"), "{html}");
    let mut big = PDF.to_vec();
    big.resize(6 * 1024 * 1024, b' ');
    big.extend_from_slice(b"\n%%EOF\n");
    let (status, html) = submit(
        &app,
        &visitor,
        &private,
        application_form(&token, Some(("satzung.pdf", big)), "Wir möchten mitmachen."),
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("zu groß"), "{html}");
    let (status, html) = submit(
        &app,
        &visitor,
        &private,
        application_form(&token, Some(("satzung.pdf", PDF.to_vec())), "  "),
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("warum Sie mitarbeiten"), "{html}");
    let (status, _) = submit(
        &app,
        &visitor,
        &private,
        application_form(&token, None, "Wir möchten mitmachen."),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(app_status(&app, &private).await, "interest");

    let (status, _) = submit(
        &app,
        &visitor,
        &private,
        application_form(
            &token,
            Some(("satzung.pdf", PDF.to_vec())),
            "Wir möchten den Dialog in den Hafen tragen.",
        ),
    )
    .await;
    assert_eq!(status, 303);
    assert_eq!(app_status(&app, &private).await, "submitted");
    // A second submission is refused and changes nothing.
    let (status, _) = submit(
        &app,
        &visitor,
        &private,
        application_form(&token, Some(("satzung.pdf", PDF.to_vec())), "Anders."),
    )
    .await;
    assert_eq!(status, 409);

    // The coordinator opens the review in the steering group.
    let coord = login(&app, "dortmund", Role::Coordinator).await;
    let list = coord
        .get(app.url("/dortmund/staff/network/applications"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let id = regex_lite::Regex::new(
        r#"/dortmund/staff/network/applications/([0-9a-f-]{36})">Nachbarschaft Hafen"#,
    )
    .unwrap()
    .captures(&list)
    .unwrap()[1]
        .to_owned();
    let detail = format!("/dortmund/staff/network/applications/{id}");
    let html = coord
        .get(app.url(&detail))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("amal@hafen.example"),
        "the coordinator sees the contact"
    );
    let statutes = coord
        .get(app.url(&format!("{detail}/statutes.pdf")))
        .send()
        .await
        .unwrap();
    assert_eq!(statutes.headers()["content-type"], "application/pdf");
    assert_eq!(statutes.bytes().await.unwrap().as_ref(), PDF);
    let body = steering_id(&html);
    let (status, _) = post_page(
        &coord,
        &app,
        &detail,
        &format!("{detail}/review"),
        &[("body", &body)],
    )
    .await;
    assert_eq!(status, 303);
    assert_eq!(app_status(&app, &private).await, "in_review");
    let review_mails = mails(&app, "dortmund")
        .await
        .into_iter()
        .filter(|m| m.1.contains("Nachbarschaft Hafen"))
        .count();
    assert!(
        review_mails >= 4,
        "the steering group's members are told ({review_mails})"
    );

    // One vote: no quorum (five entitled, three needed), no decision.
    let p1 = login_partner(&app, 1).await;
    let (status, _) = post_page(
        &p1,
        &app,
        &detail,
        &format!("{detail}/vote"),
        &[("vote", "yes")],
    )
    .await;
    assert_eq!(status, 303);
    let (status, html) = post_page(
        &coord,
        &app,
        &detail,
        &format!("{detail}/decision"),
        &[("reason", "Passt gut.")],
    )
    .await;
    assert_eq!(status, 409);
    assert!(html.contains("nicht beschlussfähig"), "{html}");
    assert_eq!(app_status(&app, &private).await, "in_review");
    // A second vote of the same member is refused.
    let (status, html) = post_page(
        &p1,
        &app,
        &detail,
        &format!("{detail}/vote"),
        &[("vote", "no")],
    )
    .await;
    assert_eq!(status, 409);
    assert!(html.contains("bereits abgestimmt"), "{html}");
    // Someone outside the body cannot vote (nor read the application).
    let kod = login(&app, "dortmund", Role::Kod).await;
    let res = kod.get(app.url(&detail)).send().await.unwrap();
    assert_eq!(res.status(), 403);
    let token = csrf_token(&kod, &app.url("/dortmund/login")).await;
    let res = post_form(
        &kod,
        &app.url(&format!("{detail}/vote")),
        &token,
        &[("vote", "yes")],
    )
    .await;
    assert_eq!(res.status(), 403);
    // Members' comments and further votes.
    let p2 = login_partner(&app, 2).await;
    let (status, _) = post_page(
        &p2,
        &app,
        &detail,
        &format!("{detail}/comments"),
        &[("comment", "Gute Arbeit im Hafenviertel.")],
    )
    .await;
    assert_eq!(status, 303);
    let (status, _) = post_page(
        &p2,
        &app,
        &detail,
        &format!("{detail}/vote"),
        &[("vote", "yes")],
    )
    .await;
    assert_eq!(status, 303);
    let p3 = login_partner(&app, 3).await;
    let (status, _) = post_page(
        &p3,
        &app,
        &detail,
        &format!("{detail}/vote"),
        &[("vote", "no")],
    )
    .await;
    assert_eq!(status, 303);
    // A member sees the count and the comments but not who voted how.
    let html = p3
        .get(app.url(&detail))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Gute Arbeit im Hafenviertel."));
    assert!(
        !html.contains("Stimmen der Mitglieder"),
        "individual votes are for coordinators"
    );
    assert!(
        !html.contains("amal@hafen.example"),
        "contacts are for coordinators"
    );

    // Quorum met, 2 yes : 1 no → accepted.
    let (status, _) = post_page(
        &coord,
        &app,
        &detail,
        &format!("{detail}/decision"),
        &[(
            "reason",
            "Die Steuerungsgruppe begrüßt die Arbeit im Hafenviertel.",
        )],
    )
    .await;
    assert_eq!(status, 303);
    assert_eq!(app_status(&app, &private).await, "accepted");
    let decision = mails(&app, "dortmund")
        .await
        .into_iter()
        .rfind(|m| m.0 == "amal@hafen.example")
        .unwrap();
    assert!(decision
        .2
        .contains("Die Steuerungsgruppe begrüßt die Arbeit im Hafenviertel."));
    let welcome = link_with(&decision.2, "/welcome/");
    let page = visitor
        .get(app.url(&private))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Aufgenommen"));

    // The new partner chooses a password and signs in to their organisation.
    let newcomer = client();
    let (status, _) = post_page(
        &newcomer,
        &app,
        &welcome,
        &welcome,
        &[("new", "Hafenkante-2025!"), ("confirm", "Hafenkante-2025!")],
    )
    .await;
    assert_eq!(status, 303);
    let res = newcomer.get(app.url(&welcome)).send().await.unwrap();
    assert_eq!(res.status(), 404, "an invitation works once");
    login_as(
        &app,
        &newcomer,
        "dortmund",
        "amal@hafen.example",
        "Hafenkante-2025!",
    )
    .await;
    let own = newcomer
        .get(app.url("/dortmund/partner"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(own.contains("Nachbarschaft Hafen e. V."), "{own}");
    assert!(
        own.contains("Fassung 2"),
        "asked to accept the current agreement"
    );
    let (status, html) = post_page(
        &newcomer,
        &app,
        "/dortmund/partner",
        "/dortmund/partner/agreement",
        &[("version", "2"), ("signed_by", "Amal Haddad, Vorstand")],
    )
    .await;
    assert_eq!(status, 200, "{html}");
    let agreement = reqwest::get(app.url("/dortmund/agreement"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        agreement.contains("Nachbarschaft Hafen e. V."),
        "listed among the signatories"
    );

    // Every step is in the audit chain.
    let out = app.cli(&["audit", "verify"]).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let db = app.raw_db().await;
    let mut conn = db.read().await.unwrap();
    let actions: Vec<(String,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT action FROM audit_log WHERE object_type = 'application' AND object_id = $1 ORDER BY seq")
        .bind(&id).fetch_all(c).await).unwrap();
    let actions: Vec<&str> = actions.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(
        actions,
        [
            "application.interest",
            "application.submit",
            "application.review.open",
            "application.vote",
            "application.comment",
            "application.vote",
            "application.vote",
            "application.decide"
        ]
    );
}

#[tokio::test]
async fn a_rejected_applicant_reads_the_reason_and_an_outside_seat_needs_an_override() {
    let app = TestApp::spawn().await;
    let visitor = client();
    let private = declare_interest(
        &app,
        &visitor,
        "Verein aus Bochum",
        "info@bochum-verein.example",
        "Bochum",
    )
    .await;
    let page = visitor
        .get(app.url(&private))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let form = reqwest::multipart::Form::new()
        .text("csrf", csrf_in(&page))
        .text("name", "Verein aus Bochum")
        .text("kind", "association")
        .text("city", "Bochum")
        .text("contact_name", "Jan Nowak")
        .text("email", "info@bochum-verein.example")
        .text("motivation", "Wir sind nah an Dortmund.")
        .part(
            "statutes",
            reqwest::multipart::Part::bytes(PDF.to_vec()).file_name("s.pdf"),
        );
    let (status, _) = submit(&app, &visitor, &private, form).await;
    assert_eq!(status, 303);
    let coord = login(&app, "dortmund", Role::Coordinator).await;
    let list = coord
        .get(app.url("/dortmund/staff/network/applications"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let id = regex_lite::Regex::new(
        r#"/dortmund/staff/network/applications/([0-9a-f-]{36})">Verein aus Bochum"#,
    )
    .unwrap()
    .captures(&list)
    .unwrap()[1]
        .to_owned();
    let detail = format!("/dortmund/staff/network/applications/{id}");
    let html = coord
        .get(app.url(&detail))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let body = steering_id(&html);
    // Seat outside the city: the review cannot open without an override.
    let (status, html) = post_page(
        &coord,
        &app,
        &detail,
        &format!("{detail}/review"),
        &[("body", &body)],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Voraussetzung ist nicht erfüllt"), "{html}");
    let (status, _) = post_page(
        &coord,
        &app,
        &detail,
        &format!("{detail}/eligibility"),
        &[("reason", "")],
    )
    .await;
    assert_eq!(status, 422);
    let (status, _) = post_page(
        &coord,
        &app,
        &detail,
        &format!("{detail}/eligibility"),
        &[("reason", "Arbeitet überwiegend in Dortmund-Hörde")],
    )
    .await;
    assert_eq!(status, 303);
    let (status, _) = post_page(
        &coord,
        &app,
        &detail,
        &format!("{detail}/review"),
        &[("body", &body)],
    )
    .await;
    assert_eq!(status, 303);
    for n in [1, 2, 3] {
        let p = login_partner(&app, n).await;
        let (status, _) = post_page(
            &p,
            &app,
            &detail,
            &format!("{detail}/vote"),
            &[("vote", "no")],
        )
        .await;
        assert_eq!(status, 303);
    }
    let (status, _) = post_page(
        &coord,
        &app,
        &detail,
        &format!("{detail}/decision"),
        &[(
            "reason",
            "Der Schwerpunkt der Arbeit liegt außerhalb Dortmunds.",
        )],
    )
    .await;
    assert_eq!(status, 303);
    let page = visitor
        .get(app.url(&private))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Abgelehnt"));
    assert!(page.contains("Der Schwerpunkt der Arbeit liegt außerhalb Dortmunds."));
    // No account was made for a rejected applicant.
    let out = app
        .cli(&["token", "create", "--login", "info@bochum-verein.example"])
        .await;
    assert!(!out.status.success());
    // A guessed link finds nothing.
    let res = visitor
        .get(app.url("/dortmund/network/applications/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
}

/// API tokens of the demo accounts.
async fn token(app: &TestApp, login: &str) -> String {
    let out = app.cli(&["token", "create", "--login", login]).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

/// The organisation a demo partner acts for.
async fn org_of(app: &TestApp, login: &str) -> String {
    let db = app.raw_db().await;
    let mut conn = db.read().await.unwrap();
    let (id,): (uuid::Uuid,) = on_db!(conn, c => sqlx::query_as(
        "SELECT m.organisation_id FROM organisation_members m JOIN users u ON u.user_id = m.user_id WHERE u.login = $1")
        .bind(login).fetch_one(c).await).unwrap();
    id.to_string()
}

struct Api {
    base: String,
    http: reqwest::Client,
}

impl Api {
    async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        token: &str,
        body: Value,
    ) -> (u16, Value) {
        let res = self
            .http
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        let text = res.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }
}

#[tokio::test]
async fn a_press_release_is_published_only_with_every_approval_of_the_current_version() {
    let app = TestApp::spawn().await;
    let api = Api {
        base: app.url(""),
        http: reqwest::Client::new(),
    };
    let coord = token(&app, "coordinator@dortmund.example").await;
    let (p1, p2, p3) = (
        token(&app, "partner@dortmund.example").await,
        token(&app, "partner2@dortmund.example").await,
        token(&app, "partner3@dortmund.example").await,
    );
    let (o1, o2) = (
        org_of(&app, "partner@dortmund.example").await,
        org_of(&app, "partner2@dortmund.example").await,
    );
    use reqwest::Method as M;

    let (status, r) = api.call(M::POST, "/api/v1/dortmund/press-releases", &coord, json!({"title": "Gemeinsam gegen Rassismus", "body": "Text der ersten Fassung.", "lang": "de", "approvers": [o1, o2]})).await;
    assert_eq!(status, 201, "{r}");
    let id = r["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/dortmund/press-releases/{id}");
    // Bad input changes nothing.
    assert_eq!(
        api.call(
            M::POST,
            "/api/v1/dortmund/press-releases",
            &coord,
            json!({"title": "", "body": "x"})
        )
        .await
        .0,
        422
    );
    assert_eq!(
        api.call(
            M::POST,
            &format!("{path}/decisions"),
            &p1,
            json!({"version": 1, "decision": "maybe"})
        )
        .await
        .0,
        422
    );
    assert_eq!(
        api.call(
            M::POST,
            &format!("{path}/decisions"),
            &p1,
            json!({"version": 1, "decision": "object"})
        )
        .await
        .0,
        422,
        "an objection needs a comment"
    );
    // A partner outside the approval set cannot decide; a coordinator cannot approve for a partner.
    assert_eq!(
        api.call(
            M::POST,
            &format!("{path}/decisions"),
            &p3,
            json!({"version": 1, "decision": "approve"})
        )
        .await
        .0,
        403
    );
    assert_eq!(
        api.call(
            M::POST,
            &format!("{path}/decisions"),
            &coord,
            json!({"version": 1, "decision": "approve"})
        )
        .await
        .0,
        403
    );
    // Not publishable while one approval is missing.
    assert_eq!(
        api.call(
            M::POST,
            &format!("{path}/decisions"),
            &p1,
            json!({"version": 1, "decision": "approve"})
        )
        .await
        .0,
        204
    );
    let (status, problem) = api
        .call(
            M::POST,
            &format!("{path}/publish"),
            &coord,
            json!({"version": 1}),
        )
        .await;
    assert_eq!(status, 409);
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("eine Zustimmung"),
        "{problem}"
    );
    assert_eq!(api.call(M::POST, &format!("{path}/decisions"), &p2, json!({"version": 1, "decision": "object", "comment": "Bitte den Absatz zur Nordstadt ergänzen."})).await.0, 204);
    assert_eq!(
        api.call(
            M::POST,
            &format!("{path}/publish"),
            &coord,
            json!({"version": 1})
        )
        .await
        .0,
        409
    );
    // An edit makes version 2 and resets the approvals.
    let (status, v) = api.call(M::PUT, &path, &coord, json!({"title": "Gemeinsam gegen Rassismus", "body": "Text der zweiten Fassung, mit der Nordstadt."})).await;
    assert_eq!((status, v["version"].as_i64()), (200, Some(2)));
    assert_eq!(
        api.call(
            M::POST,
            &format!("{path}/decisions"),
            &p2,
            json!({"version": 1, "decision": "approve"})
        )
        .await
        .0,
        409,
        "approving an old version is refused"
    );
    assert_eq!(
        api.call(
            M::POST,
            &format!("{path}/decisions"),
            &p2,
            json!({"version": 2, "decision": "approve"})
        )
        .await
        .0,
        204
    );
    assert_eq!(
        api.call(
            M::POST,
            &format!("{path}/publish"),
            &coord,
            json!({"version": 2})
        )
        .await
        .0,
        409,
        "p1's approval was for version 1"
    );
    assert_eq!(
        api.call(
            M::POST,
            &format!("{path}/decisions"),
            &p1,
            json!({"version": 2, "decision": "approve"})
        )
        .await
        .0,
        204
    );
    assert_eq!(
        api.call(
            M::POST,
            &format!("{path}/publish"),
            &coord,
            json!({"version": 1})
        )
        .await
        .0,
        409,
        "publishing needs the current version"
    );
    let (status, published) = api
        .call(
            M::POST,
            &format!("{path}/publish"),
            &coord,
            json!({"version": 2}),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(published["status"], "published");
    // Published releases are immutable.
    assert_eq!(
        api.call(
            M::PUT,
            &path,
            &coord,
            json!({"title": "Anders", "body": "Anders."})
        )
        .await
        .0,
        409
    );
    assert_eq!(
        api.call(
            M::POST,
            &format!("{path}/decisions"),
            &p1,
            json!({"version": 2, "decision": "object", "comment": "zu spät"})
        )
        .await
        .0,
        409
    );
    let news = reqwest::get(app.url("/dortmund/news"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(news.contains("Gemeinsam gegen Rassismus"));
    let item = reqwest::get(app.url(&format!("/dortmund/news/{id}")))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(item.contains("Text der zweiten Fassung, mit der Nordstadt."));

    // A draft is not public.
    let (_, draft) = api.call(M::POST, "/api/v1/dortmund/press-releases", &coord, json!({"title": "Entwurf intern", "body": "Noch nicht abgestimmt.", "lang": "en", "approvers": [o1]})).await;
    let draft_id = draft["id"].as_str().unwrap();
    assert_eq!(
        reqwest::get(app.url(&format!("/dortmund/news/{draft_id}")))
            .await
            .unwrap()
            .status(),
        404
    );
    assert_eq!(
        reqwest::get(app.url(&format!("/api/v1/dortmund/press-releases/{draft_id}")))
            .await
            .unwrap()
            .status(),
        404
    );
    // Publish the English one and check the feed with a real parser.
    assert_eq!(
        api.call(
            M::POST,
            &format!("/api/v1/dortmund/press-releases/{draft_id}/decisions"),
            &p1,
            json!({"version": 1, "decision": "approve"})
        )
        .await
        .0,
        204
    );
    assert_eq!(
        api.call(
            M::POST,
            &format!("/api/v1/dortmund/press-releases/{draft_id}/publish"),
            &coord,
            json!({"version": 1})
        )
        .await
        .0,
        200
    );
    let feed = reqwest::get(app.url("/dortmund/news.atom")).await.unwrap();
    assert!(feed.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/atom+xml"));
    let xml = feed.text().await.unwrap();
    let path = format!(
        "{}/../../tests/python/check_atom.py",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut child = tokio::process::Command::new("python3")
        .arg(path)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use tokio::io::AsyncWriteExt;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(xml.as_bytes())
        .await
        .unwrap();
    let out = child.wait_with_output().await.unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let entries: Value = serde_json::from_slice(&out.stdout).unwrap();
    let by_title = |t: &str| {
        entries
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["title"] == t)
            .cloned()
            .unwrap_or_else(|| panic!("{t} not in feed {entries}"))
    };
    assert_eq!(by_title("Gemeinsam gegen Rassismus")["lang"], "de");
    assert_eq!(
        by_title("Gemeinsam gegen Rassismus")["content"],
        "Text der zweiten Fassung, mit der Nordstadt."
    );
    assert_eq!(by_title("Entwurf intern")["lang"], "en");
}

#[tokio::test]
async fn fifty_concurrent_edits_approvals_and_publications_never_publish_an_unapproved_version() {
    let app = TestApp::spawn().await;
    let second = if backend() == Backend::Postgres {
        Some(app.second_instance().await)
    } else {
        None
    };
    let bases: Vec<String> = match &second {
        Some(s) => vec![app.url(""), format!("http://{}", s.addr)],
        None => vec![app.url("")],
    };
    let coord = token(&app, "coordinator@dortmund.example").await;
    let partners = [
        (
            token(&app, "partner@dortmund.example").await,
            org_of(&app, "partner@dortmund.example").await,
        ),
        (
            token(&app, "partner2@dortmund.example").await,
            org_of(&app, "partner2@dortmund.example").await,
        ),
        (
            token(&app, "partner3@dortmund.example").await,
            org_of(&app, "partner3@dortmund.example").await,
        ),
    ];
    let http = reqwest::Client::new();
    let mut published_rounds = 0;
    for round in 0..4 {
        let (status, r) = Api { base: bases[0].clone(), http: http.clone() }
            .call(reqwest::Method::POST, "/api/v1/dortmund/press-releases", &coord, json!({"title": format!("Runde {round}"), "body": "Fassung 1", "approvers": partners.iter().map(|p| p.1.clone()).collect::<Vec<_>>()})).await;
        assert_eq!(status, 201);
        let id = r["id"].as_str().unwrap().to_owned();
        let path = format!("/api/v1/dortmund/press-releases/{id}");
        // Everyone approves version 1 first, so a publication can succeed.
        for (t, _) in &partners {
            let (s, _) = Api {
                base: bases[0].clone(),
                http: http.clone(),
            }
            .call(
                reqwest::Method::POST,
                &format!("{path}/decisions"),
                t,
                json!({"version": 1, "decision": "approve"}),
            )
            .await;
            assert_eq!(s, 204);
        }
        let mut tasks = Vec::new();
        for i in 0..50usize {
            let base = bases[i % bases.len()].clone();
            let http = http.clone();
            let path = path.clone();
            let coord = coord.clone();
            let partner = partners[i % 3].0.clone();
            tasks.push(tokio::spawn(async move {
                let api = Api { base, http };
                let (_, current) = api.call(reqwest::Method::GET, &path, &coord, Value::Null).await;
                let version = current["version"].as_i64().unwrap_or(1);
                match i % 5 {
                    0 => api.call(reqwest::Method::PUT, &path, &coord, json!({"title": format!("Runde {round}"), "body": format!("Fassung von Anfrage {i}")})).await.0,
                    1..=3 => api.call(reqwest::Method::POST, &format!("{path}/decisions"), &partner, json!({"version": version, "decision": "approve"})).await.0,
                    _ => api.call(reqwest::Method::POST, &format!("{path}/publish"), &coord, json!({"version": version})).await.0,
                }
            }));
        }
        for t in tasks {
            let status = t.await.unwrap();
            assert!(
                [200, 204, 409].contains(&status),
                "unexpected status {status}"
            );
        }
        // The invariant, read from the database.
        let db = app.raw_db().await;
        let mut conn = db.read().await.unwrap();
        let (status, current, published): (String, i32, Option<i32>) = on_db!(conn, c => sqlx::query_as(
            "SELECT status, current_version, published_version FROM press_releases WHERE release_id = $1")
            .bind(uuid::Uuid::parse_str(&id).unwrap()).fetch_one(c).await).unwrap();
        if status == "published" {
            published_rounds += 1;
            let v = published.unwrap();
            assert_eq!(v, current, "no edit after publication");
            let (approved,): (i64,) = on_db!(conn, c => sqlx::query_as(
                "SELECT COUNT(*) FROM press_release_decisions WHERE release_id = $1 AND version = $2 AND decision = 'approve'")
                .bind(uuid::Uuid::parse_str(&id).unwrap()).bind(v).fetch_one(c).await).unwrap();
            assert_eq!(
                approved, 3,
                "round {round}: version {v} published with {approved} of 3 approvals"
            );
        } else {
            assert!(published.is_none());
        }
    }
    eprintln!("{published_rounds} of 4 rounds ended published");
}

#[tokio::test]
async fn partners_see_only_their_own_organisation_and_the_public_only_public_profiles() {
    let app = TestApp::spawn().await;
    let o1 = org_of(&app, "partner@dortmund.example").await;
    let o2 = org_of(&app, "partner2@dortmund.example").await;
    let p1 = login_partner(&app, 1).await;
    // Own organisation with its contacts; another's staff page is closed.
    let own = p1
        .get(app.url("/dortmund/partner"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(own.contains("kontakt1@partner-1.example"));
    let res = p1
        .get(app.url(&format!("/dortmund/staff/network/organisations/{o2}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let t1 = token(&app, "partner@dortmund.example").await;
    let other: Value = reqwest::Client::new()
        .get(app.url(&format!("/api/v1/dortmund/organisations/{o2}")))
        .bearer_auth(&t1)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        other.get("contacts").is_none(),
        "no contacts of another organisation: {other}"
    );
    let mine: Value = reqwest::Client::new()
        .get(app.url(&format!("/api/v1/dortmund/organisations/{o1}")))
        .bearer_auth(&t1)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(mine["contacts"][0]["email"], "kontakt1@partner-1.example");
    // Votes and comments: a partner outside the reviewing body sees nothing.
    let pw = app
        .add_account("dortmund", "partner", "aussen@dortmund.example")
        .await;
    let outsider = client();
    login_as(&app, &outsider, "dortmund", "aussen@dortmund.example", &pw).await;
    let coord = login(&app, "dortmund", Role::Coordinator).await;
    let list = coord
        .get(app.url("/dortmund/staff/network/applications"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let demo_app = regex_lite::Regex::new(
        r#"/dortmund/staff/network/applications/([0-9a-f-]{36})">Kulturbrücke"#,
    )
    .unwrap()
    .captures(&list)
    .unwrap()[1]
        .to_owned();
    let res = outsider
        .get(app.url(&format!("/dortmund/staff/network/applications/{demo_app}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let res = outsider
        .get(app.url(&format!(
            "/dortmund/staff/network/applications/{demo_app}/statutes.pdf"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let member_view = p1
        .get(app.url(&format!("/dortmund/staff/network/applications/{demo_app}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        member_view.contains("Satzung liegt vor"),
        "members read the comments"
    );
    assert!(
        !member_view.contains("Partnerin 2 Dortmund"),
        "members do not see who voted how"
    );
    let coord_view = coord
        .get(app.url(&format!("/dortmund/staff/network/applications/{demo_app}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        coord_view.contains("Partnerin 2 Dortmund"),
        "coordinators do"
    );
    // Another tenant's partner sees nothing of Dortmund's network.
    let luenen = login(&app, "luenen", Role::Partner).await;
    let res = luenen
        .get(app.url(&format!("/dortmund/staff/network/applications/{demo_app}")))
        .send()
        .await
        .unwrap();
    assert!(res.status() == 303 || res.status() == 403);
    // The public: only opted-in profiles, never contacts.
    let public = reqwest::get(app.url("/dortmund/network"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let list: Value = reqwest::get(app.url("/api/v1/dortmund/organisations"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let list = list.as_array().unwrap();
    assert!(!list.is_empty());
    assert!(list
        .iter()
        .all(|o| o["public_profile"] == true && o.get("contacts").is_none()));
    assert!(
        !public.contains("@partner-"),
        "no contact on the public page"
    );
    let db = app.raw_db().await;
    let mut conn = db.read().await.unwrap();
    let hidden: Vec<(uuid::Uuid, String)> = on_db!(conn, c => sqlx::query_as(
        "SELECT organisation_id, name FROM organisations WHERE public_profile = $1").bind(false).fetch_all(c).await).unwrap();
    assert!(!hidden.is_empty());
    for (id, name) in hidden {
        assert!(!public.contains(&name), "{name} chose no public profile");
        assert_eq!(
            reqwest::get(app.url(&format!("/dortmund/network/organisations/{id}")))
                .await
                .unwrap()
                .status(),
            404
        );
        assert_eq!(
            reqwest::get(app.url(&format!("/api/v1/dortmund/organisations/{id}")))
                .await
                .unwrap()
                .status(),
            404
        );
    }
}

#[tokio::test]
async fn the_agreement_has_versions_a_diff_and_translations() {
    let app = TestApp::spawn().await;
    let page = reqwest::get(app.url("/dortmund/agreement"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Präambel") && page.contains("Fassung 2"));
    let en = reqwest::get(app.url("/dortmund/agreement?lang=en"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(en.contains("Human dignity"));
    let tr = reqwest::get(app.url("/dortmund/agreement?lang=tr"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        tr.contains("Menschenwürde"),
        "German text where no translation exists"
    );
    let diff = reqwest::get(app.url("/dortmund/agreement/diff?from=1&to=2"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(diff.contains("<ins>") && diff.contains("Gemeinsame Schulungen"));
    assert_eq!(
        reqwest::get(app.url("/dortmund/agreement/diff?from=1&to=9"))
            .await
            .unwrap()
            .status(),
        404
    );
    assert_eq!(
        reqwest::get(app.url("/dortmund/agreement/diff?from=x"))
            .await
            .unwrap()
            .status(),
        400
    );
    // A coordinator publishes version 3; bad input keeps version 2.
    let coord = login(&app, "dortmund", Role::Coordinator).await;
    let (status, _) = post_page(
        &coord,
        &app,
        "/dortmund/staff/network/agreement",
        "/dortmund/staff/network/agreement",
        &[
            ("lang", "de"),
            ("preamble", ""),
            ("goals", "x"),
            ("measures", "y"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    let (status, _) = post_page(
        &coord,
        &app,
        "/dortmund/staff/network/agreement",
        "/dortmund/staff/network/agreement",
        &[
            ("lang", "tr"),
            ("preamble", "İnsan onuru"),
            ("goals", "Güven\nÖnleme"),
            ("measures", "Görüşmeler"),
            ("note", "Türkçe çeviri"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let tr = reqwest::get(app.url("/dortmund/agreement?lang=tr"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(tr.contains("İnsan onuru"));
    let de = reqwest::get(app.url("/dortmund/agreement"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(de.contains("Menschenwürde"), "other languages carried over");
    // Every partner is asked to accept version 3.
    let asked: Vec<_> = mails(&app, "dortmund")
        .await
        .into_iter()
        .filter(|m| m.1.contains("Neue Fassung 3"))
        .map(|m| m.0)
        .collect();
    assert!(
        asked.contains(&"partner@dortmund.example".to_owned())
            && asked.contains(&"partner4@dortmund.example".to_owned()),
        "{asked:?}"
    );
}
