//! The complaint office through HTTP: the whole path of a complaint, the
//! encryption at rest (a scan of the database and the data directory for
//! marker strings), who can read what, brute force on receipt codes,
//! retention, and hostile input. Both backends.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::*;
use reqwest::multipart::{Form, Part};
use vertrauensnetz::platform::auth::Role;
use vertrauensnetz::platform::config::Config;

/// Small KDF parameters so the suite stays fast (production: 128 MiB, t=3).
fn small(c: &mut Config) {
    c.complaints.kdf_memory_kib = 256;
    c.complaints.kdf_passes = 1;
    c.complaints.max_attachment_bytes = 200_000;
    c.complaints.submissions_per_hour = 100_000;
}

async fn spawn() -> TestApp {
    TestApp::spawn_with(small).await
}

/// A field set for the intake form.
struct Intake {
    fields: Vec<(&'static str, String)>,
    files: Vec<(String, &'static str, Vec<u8>)>,
}

impl Intake {
    fn anonymous(what: &str) -> Intake {
        Intake {
            fields: vec![
                ("what", what.to_owned()),
                ("when", "12.03.2026, 22:15".into()),
                ("district", "Innenstadt-Nord".into()),
                ("place", "Nordmarkt".into()),
                ("authority", "police".into()),
                ("service_number", "".into()),
                ("stop_receipt", "".into()),
                ("witnesses", "".into()),
                ("wish", "clarification".into()),
                ("contact_mode", "anonymous".into()),
                ("consent", "without_identity".into()),
            ],
            files: vec![],
        }
    }

    fn set(mut self, k: &'static str, v: &str) -> Intake {
        self.fields.retain(|(f, _)| *f != k);
        self.fields.push((k, v.to_owned()));
        self
    }

    fn file(mut self, name: &str, mime: &'static str, data: Vec<u8>) -> Intake {
        self.files.push((name.to_owned(), mime, data));
        self
    }
}

fn form_of(
    token: &str,
    fields: &[(&'static str, String)],
    files: &[(String, &'static str, Vec<u8>)],
) -> Form {
    let mut form = Form::new().text("csrf", token.to_owned());
    for (k, v) in fields {
        form = form.text(*k, v.clone());
    }
    for (name, mime, data) in files {
        form = form.part(
            "files",
            Part::bytes(data.clone())
                .file_name(name.clone())
                .mime_str(mime)
                .unwrap(),
        );
    }
    form
}

async fn submit(app: &TestApp, c: &reqwest::Client, intake: &Intake) -> reqwest::Response {
    let token = csrf_token(c, &app.url("/dortmund/complaints/new")).await;
    c.post(app.url("/dortmund/complaints/new"))
        .header("sec-fetch-site", "same-origin")
        .multipart(form_of(&token, &intake.fields, &intake.files))
        .send()
        .await
        .unwrap()
}

/// Submits and returns the receipt code (16 digits).
async fn submit_ok(app: &TestApp, intake: &Intake) -> String {
    let c = client();
    let res = submit(app, &c, intake).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let html = res.text().await.unwrap();
    let re = regex_lite::Regex::new(r"<strong>(\d{4} \d{4} \d{4} \d{4})</strong>").unwrap();
    let code = re
        .captures(&html)
        .unwrap_or_else(|| panic!("no receipt code in:\n{html}"))[1]
        .replace(' ', "");
    assert_eq!(code.len(), 16);
    code
}

/// Signs in a staff member and unlocks their complaint key.
async fn staff(app: &TestApp, tenant: &str, role: Role) -> reqwest::Client {
    let c = login(app, tenant, role).await;
    let pw = app.account(tenant, role).password.clone();
    unlock_key(app, &c, tenant, &pw).await;
    c
}

/// Unlocks (on first use: creates) the signed-in person's complaint key;
/// a caseworker's unlock also shares keys with colleagues and liaisons who
/// lack them.
async fn unlock_key(app: &TestApp, c: &reqwest::Client, tenant: &str, password: &str) {
    let url = app.url(&format!("/{tenant}/staff/complaint-key"));
    let token = csrf_token(c, &url).await;
    let res = post_form(c, &url, &token, &[("password", password), ("next", "")]).await;
    assert_eq!(
        res.status(),
        303,
        "unlock failed: {}",
        res.text().await.unwrap()
    );
}

/// Binds a liaison account to an authority on the office's page.
async fn bind_liaison(app: &TestApp, ombuds: &reqwest::Client, login: &str, authority: &str) {
    let url = app.url("/dortmund/staff/complaint-liaisons");
    let (status, html) = get(ombuds, &url).await;
    assert_eq!(status, 200);
    let row = html
        .split("<tr>")
        .find(|r| r.contains(&format!(">{login}<")))
        .unwrap_or_else(|| panic!("{login} not listed:\n{html}"));
    let re = regex_lite::Regex::new(r#"name="user" value="([0-9a-f-]{36})""#).unwrap();
    let user = re.captures(row).unwrap()[1].to_owned();
    let res = post_form(
        ombuds,
        &url,
        &csrf_in(&html),
        &[("user", &user), ("authority", authority)],
    )
    .await;
    assert_eq!(res.status(), 303, "{}", res.text().await.unwrap());
}

/// A further liaison account (created like an operator would), signed in
/// with its complaint key unlocked.
async fn new_liaison(app: &TestApp, email: &str) -> reqwest::Client {
    let pw = app.add_account("dortmund", "liaison", email).await;
    let c = client();
    login_as(app, &c, "dortmund", email, &pw).await;
    unlock_key(app, &c, "dortmund", &pw).await;
    c
}

async fn get(c: &reqwest::Client, url: &str) -> (u16, String) {
    let res = c.get(url).send().await.unwrap();
    let s = res.status().as_u16();
    (s, res.text().await.unwrap())
}

fn case_ids(html: &str, tenant: &str, area: &str) -> Vec<String> {
    let re = regex_lite::Regex::new(&format!(
        r"/{tenant}/staff/{area}/([0-9a-f]{{8}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{12}})"
    ))
    .unwrap();
    let mut ids: Vec<String> = re.captures_iter(html).map(|c| c[1].to_owned()).collect();
    ids.dedup();
    ids
}

/// Opens the status page with a receipt code; returns the client.
async fn complainant(app: &TestApp, code: &str) -> reqwest::Client {
    let c = client();
    let url = app.url("/dortmund/complaints/status");
    let token = csrf_token(&c, &url).await;
    let res = post_form(&c, &url, &token, &[("code", code)]).await;
    assert_eq!(
        res.status(),
        303,
        "code refused: {}",
        res.text().await.unwrap()
    );
    c
}

fn png() -> Vec<u8> {
    let img = image::RgbImage::from_fn(8, 8, |x, y| image::Rgb([x as u8 * 30, y as u8 * 30, 90]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// A JPEG carrying an EXIF segment with `marker` in it.
fn jpeg_with_exif(marker: &str) -> Vec<u8> {
    let img = image::RgbImage::from_fn(16, 16, |x, y| image::Rgb([x as u8 * 15, 80, y as u8 * 15]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    let jpeg = out.into_inner();
    let mut payload = b"Exif\0\0".to_vec();
    payload.extend_from_slice(marker.as_bytes());
    let len = (payload.len() + 2) as u16;
    let mut with = jpeg[..2].to_vec(); // SOI
    with.extend_from_slice(&[0xFF, 0xE1]);
    with.extend_from_slice(&len.to_be_bytes());
    with.extend_from_slice(&payload);
    with.extend_from_slice(&jpeg[2..]);
    with
}

fn pdf(marker: &str) -> Vec<u8> {
    format!("%PDF-1.4\n1 0 obj << /Title ({marker}) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        .into_bytes()
}

#[tokio::test]
async fn complaint_goes_from_anonymous_intake_to_closed_with_outcome() {
    let app = spawn().await;
    let ombuds = staff(&app, "dortmund", Role::Ombuds).await;
    let liaison = staff(&app, "dortmund", Role::Liaison).await;

    // Submission without JavaScript: a plain multipart form post.
    let (status, form_html) = get(&client(), &app.url("/dortmund/complaints/new")).await;
    assert_eq!(status, 200);
    assert!(!form_html.contains("<script"));
    let code = submit_ok(
        &app,
        &Intake::anonymous("Bei einer Kontrolle am Nordmarkt wurde ich grundlos durchsucht.")
            .file(
                "foto.jpg",
                "image/jpeg",
                jpeg_with_exif("GPSLATITUDE51.5136"),
            )
            .file("notes.png", "image/png", png()),
    )
    .await;

    // The caseworker sees it in the inbox with its deadlines and opens it.
    let (_, inbox) = get(&ombuds, &app.url("/dortmund/staff/complaints")).await;
    let ids = case_ids(&inbox, "dortmund", "complaints");
    assert_eq!(ids.len(), 1, "{inbox}");
    let case_url = app.url(&format!("/dortmund/staff/complaints/{}", ids[0]));
    let (status, html) = get(&ombuds, &case_url).await;
    assert_eq!(status, 200);
    assert!(html.contains("grundlos durchsucht"));
    // The photo arrived without its metadata and still is a photo.
    let file_re = regex_lite::Regex::new(r#"/files/([0-9a-f-]{36})">foto\.jpg"#).unwrap();
    let photo_id = file_re.captures(&html).unwrap()[1].to_owned();
    let photo = ombuds
        .get(format!("{case_url}/files/{photo_id}"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert!(!String::from_utf8_lossy(&photo).contains("GPSLATITUDE"));
    assert!(!photo.windows(4).any(|w| w == b"Exif"));
    image::load_from_memory_with_format(&photo, image::ImageFormat::Jpeg).unwrap();

    // Acknowledgement and a first message.
    let token = csrf_in(&html);
    let res = post_form(
        &ombuds,
        &format!("{case_url}/messages"),
        &token,
        &[
            ("kind", "reply"),
            ("text", "Wir haben Ihre Beschwerde erhalten und prüfen sie."),
            ("substantive", ""),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);

    // The complainant reads it with the code and answers with a file.
    let me = complainant(&app, &code).await;
    let status_url = app.url("/dortmund/complaints/status");
    let (_, page) = get(&me, &status_url).await;
    assert!(
        page.contains("Wir haben Ihre Beschwerde erhalten"),
        "{page}"
    );
    assert!(page.contains("Eingangsbestätigung erteilt"));
    let token = csrf_in(&page);
    let res = me
        .post(app.url("/dortmund/complaints/status/reply"))
        .header("sec-fetch-site", "same-origin")
        .multipart(form_of(
            &token,
            &[("text", "Hier ist meine Kontrollquittung.".into())],
            &[(
                "quittung.pdf".into(),
                "application/pdf",
                pdf("QUITTUNG-4711"),
            )],
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let (_, page) = get(&me, &status_url).await;
    assert!(page.contains("Hier ist meine Kontrollquittung."));
    assert!(page.contains("quittung.pdf"));

    // Forwarding without identity: a summary and the chosen file.
    let (_, html) = get(&ombuds, &case_url).await;
    assert!(html.contains("Hier ist meine Kontrollquittung."));
    let re = regex_lite::Regex::new(
        r#"name="file_([0-9a-f-]{36})"[^>]*> <label for="[^"]+">quittung\.pdf"#,
    )
    .unwrap();
    let pdf_id = re.captures(&html).unwrap()[1].to_owned();
    let file_field = format!("file_{pdf_id}");
    // The complaint concerns the police: the form preselects it.
    assert!(html.contains(r#"id="to-police" name="to" value="police" checked"#));
    let liaison_login = app.account("dortmund", Role::Liaison).login.clone();
    bind_liaison(&app, &ombuds, &liaison_login, "police").await;
    let res = post_form(
        &ombuds,
        &format!("{case_url}/forward"),
        &csrf_in(&html),
        &[
            ("to", "police"),
            (
                "summary",
                "Beschwerde über eine Durchsuchung am Nordmarkt im März; Bitte um Stellungnahme.",
            ),
            (&file_field, "yes"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);

    // The liaison sees the summary and the chosen file only, and answers.
    let (_, list) = get(&liaison, &app.url("/dortmund/staff/forwarded")).await;
    let fids = case_ids(&list, "dortmund", "forwarded");
    assert_eq!(fids, ids);
    let fwd_url = app.url(&format!("/dortmund/staff/forwarded/{}", ids[0]));
    let (status, fwd) = get(&liaison, &fwd_url).await;
    assert_eq!(status, 200);
    assert!(fwd.contains("Bitte um Stellungnahme"));
    assert!(!fwd.contains("grundlos durchsucht"));
    assert!(!fwd.contains("Wir haben Ihre Beschwerde erhalten"));
    assert!(!fwd.contains("foto.jpg"));
    assert!(fwd.contains("quittung.pdf"));
    let body = liaison
        .get(format!("{fwd_url}/files/{pdf_id}"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert!(String::from_utf8_lossy(&body).contains("QUITTUNG-4711"));
    // The original of a file that was not forwarded stays out of reach.
    let res = liaison
        .get(format!("{fwd_url}/files/{photo_id}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let res = post_form(
        &liaison,
        &fwd_url,
        &csrf_in(&fwd),
        &[(
            "text",
            "Die Polizei hat den Einsatz geprüft und bietet ein Gespräch an.",
        )],
    )
    .await;
    assert_eq!(res.status(), 303);

    // The caseworker reads the answer and closes the case.
    let (_, html) = get(&ombuds, &case_url).await;
    assert!(html.contains("bietet ein Gespräch an"));
    let res = post_form(
        &ombuds,
        &case_url,
        &csrf_in(&html),
        &[
            ("status", "closed"),
            ("outcome", ""),
            ("category", "disproportionate"),
            ("assigned_to", ""),
        ],
    )
    .await;
    assert_eq!(res.status(), 422, "closing needs an outcome");
    let res = post_form(
        &ombuds,
        &case_url,
        &csrf_in(&html),
        &[
            ("status", "closed"),
            ("outcome", "conciliated"),
            ("category", "disproportionate"),
            ("assigned_to", ""),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let (_, page) = get(&me, &status_url).await;
    assert!(page.contains("Abgeschlossen"));
    assert!(page.contains("Einvernehmlich gelöst"));
    // The inbox filters: the case is closed now.
    for (show, n) in [
        ("open", 0),
        ("closed", 1),
        ("overdue", 0),
        ("mine", 0),
        ("all", 1),
    ] {
        let (_, html) = get(
            &ombuds,
            &app.url(&format!("/dortmund/staff/complaints?show={show}")),
        )
        .await;
        assert_eq!(
            case_ids(&html, "dortmund", "complaints").len(),
            n,
            "filter {show}"
        );
    }

    // Statistics count it, with the small cell suppressed.
    let (status, csv) = get(&client(), &app.url("/dortmund/complaints/statistics.csv")).await;
    assert_eq!(status, 200);
    assert!(csv.contains("total,all,<5"), "{csv}");
    app.server.stop().await;
}

fn scan_dir(dir: &Path, markers: &[String], found: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            scan_dir(&path, markers, found);
        } else {
            let data = std::fs::read(&path).unwrap();
            let text = String::from_utf8_lossy(&data);
            for m in markers {
                if text.contains(m.as_str()) {
                    found.push(format!("{m} in {}", path.display()));
                }
            }
        }
    }
}

#[tokio::test]
async fn fifty_cases_leave_no_marker_in_the_database_or_the_data_directory() {
    let app = spawn().await;
    let ombuds = staff(&app, "dortmund", Role::Ombuds).await;
    let mut markers = Vec::new();
    let mut codes = Vec::new();
    for i in 0..50 {
        let m = |kind: &str| format!("MRK{kind}{i:03}X");
        let intake = Intake::anonymous(&format!("Vorfall {}", m("TEXT")))
            .set("contact_mode", "confidential")
            .set("contact_name", &m("NAME"))
            .set(
                "contact_email",
                &format!("{}@example.org", m("MAIL").to_lowercase()),
            )
            .set("contact_phone", &m("PHONE"))
            .set("witnesses", &m("WITNESS"))
            .set("service_number", &m("SERVICE"))
            .set("place", &m("PLACE"))
            .file("beleg.pdf", "application/pdf", pdf(&m("FILE")));
        markers.extend(
            [
                "TEXT", "NAME", "PHONE", "WITNESS", "SERVICE", "PLACE", "FILE",
            ]
            .map(m),
        );
        markers.push(format!("{}@example.org", m("MAIL").to_lowercase()));
        codes.push(submit_ok(&app, &intake).await);
    }
    // Messages both ways on a few cases.
    let (_, inbox) = get(&ombuds, &app.url("/dortmund/staff/complaints")).await;
    let ids = case_ids(&inbox, "dortmund", "complaints");
    assert_eq!(ids.len(), 50);
    for (i, id) in ids.iter().take(3).enumerate() {
        let url = app.url(&format!("/dortmund/staff/complaints/{id}"));
        let (_, html) = get(&ombuds, &url).await;
        let marker = format!("MRKREPLY{i}X");
        let res = post_form(
            &ombuds,
            &format!("{url}/messages"),
            &csrf_in(&html),
            &[("kind", "note"), ("text", &marker)],
        )
        .await;
        assert_eq!(res.status(), 303);
        markers.push(marker);
    }
    let me = complainant(&app, &codes[0]).await;
    let (_, page) = get(&me, &app.url("/dortmund/complaints/status")).await;
    let res = me
        .post(app.url("/dortmund/complaints/status/reply"))
        .header("sec-fetch-site", "same-origin")
        .multipart(form_of(
            &csrf_in(&page),
            &[("text", "MRKANSWERX".into())],
            &[],
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    markers.push("MRKANSWERX".into());
    // The content is really there (decryptable) for the caseworker.
    let (_, html) = get(
        &ombuds,
        &app.url(&format!("/dortmund/staff/complaints/{}", ids[0])),
    )
    .await;
    assert!(html.contains("MRK"));
    app.server.stop().await;

    let mut found = Vec::new();
    scan_dir(&app.data_dir, &markers, &mut found);
    if backend() == Backend::Postgres {
        let out = std::process::Command::new("pg_dump")
            .arg("--data-only")
            .arg(&app.db_url)
            .output()
            .expect("pg_dump runs");
        assert!(
            out.status.success(),
            "pg_dump failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let dump = String::from_utf8_lossy(&out.stdout);
        assert!(
            dump.contains("complaints"),
            "the dump covers the complaint tables"
        );
        for m in &markers {
            if dump.contains(m.as_str()) {
                found.push(format!("{m} in pg_dump"));
            }
        }
    }
    assert!(found.is_empty(), "plain text at rest: {found:?}");
}

#[tokio::test]
async fn only_caseworkers_read_case_content_and_the_liaison_only_what_was_forwarded() {
    let app = TestApp::spawn_with(|c| {
        small(c);
        c.trust_forwarded_for = true;
    })
    .await;
    let ombuds = staff(&app, "dortmund", Role::Ombuds).await;
    let liaison_dortmund = staff(&app, "dortmund", Role::Liaison).await;
    // The demo liaison answers for the police, a second one for the city.
    let liaison_login = app.account("dortmund", Role::Liaison).login.clone();
    bind_liaison(&app, &ombuds, &liaison_login, "police").await;
    let city = new_liaison(&app, "stadt-ansprechperson@dortmund.example").await;
    bind_liaison(
        &app,
        &ombuds,
        "stadt-ansprechperson@dortmund.example",
        "kod",
    )
    .await;
    submit_ok(
        &app,
        &Intake::anonymous("SECRETTEXT Vorfall")
            .set("contact_mode", "confidential")
            .set("contact_name", "SECRETNAME")
            .set("contact_email", "secretmail@example.org")
            .set("consent", "with_identity")
            .file("anhang.pdf", "application/pdf", pdf("SECRETFILE")),
    )
    .await;
    let (_, inbox) = get(&ombuds, &app.url("/dortmund/staff/complaints")).await;
    let id = case_ids(&inbox, "dortmund", "complaints").remove(0);
    let case_url = app.url(&format!("/dortmund/staff/complaints/{id}"));
    let (_, html) = get(&ombuds, &case_url).await;
    assert!(html.contains("SECRETNAME"));
    let res = post_form(
        &ombuds,
        &format!("{case_url}/messages"),
        &csrf_in(&html),
        &[("kind", "note"), ("text", "SECRETNOTE")],
    )
    .await;
    assert_eq!(res.status(), 303);
    let res = post_form(
        &ombuds,
        &format!("{case_url}/forward"),
        &csrf_in(&html),
        &[("summary", "FORWARDEDSUMMARY"), ("to", "police")],
    )
    .await;
    assert_eq!(res.status(), 303);
    let secrets = [
        "SECRETTEXT",
        "SECRETNAME",
        "secretmail",
        "SECRETFILE",
        "SECRETNOTE",
        "anhang.pdf",
    ];

    let mut paths = vec![
        format!("/dortmund/staff/complaints/{id}"),
        format!("/dortmund/staff/complaints/{id}/files/{id}"),
        format!("/dortmund/staff/forwarded/{id}"),
        "/dortmund/staff/complaints".to_owned(),
        "/dortmund/staff/forwarded".to_owned(),
        "/dortmund/staff".to_owned(),
        "/dortmund/admin/audit".to_owned(),
        "/dortmund/admin/outbox".to_owned(),
        "/dortmund/complaints/status".to_owned(),
        "/dortmund/complaints/statistics".to_owned(),
        "/dortmund/complaints/statistics.csv".to_owned(),
        "/api/v1/dortmund/complaints/statistics".to_owned(),
        "/api/v1/dortmund/me".to_owned(),
    ];
    paths.push("/luenen/staff/complaints".into());
    let mut leaks = vec![];
    let mut actors: Vec<(String, reqwest::Client)> = vec![("anonymous".into(), client())];
    for role in [Role::Police, Role::Kod, Role::Coordinator, Role::Admin] {
        actors.push((
            format!("{role}@dortmund"),
            login(&app, "dortmund", role).await,
        ));
    }
    actors.push(("liaison@dortmund".into(), liaison_dortmund));
    actors.push((
        "ombuds@luenen".into(),
        staff(&app, "luenen", Role::Ombuds).await,
    ));
    actors.push((
        "liaison@luenen".into(),
        staff(&app, "luenen", Role::Liaison).await,
    ));
    // The city's liaison is a liaison of this tenant, but of the other
    // authority: it reads nothing of a case forwarded to the police.
    actors.push(("city-liaison@dortmund".into(), city.clone()));
    for (label, c) in &actors {
        for p in &paths {
            let res = c.get(app.url(p)).send().await.unwrap();
            let body = res.text().await.unwrap();
            for s in secrets {
                if body.contains(s) {
                    leaks.push(format!("{label} read {s} on {p}"));
                }
            }
        }
        // Other tenants do not even see the summary.
        if label.ends_with("luenen") || !label.starts_with("liaison") {
            let (_, body) = get(c, &app.url(&format!("/dortmund/staff/forwarded/{id}"))).await;
            assert!(
                !body.contains("FORWARDEDSUMMARY"),
                "{label} read the summary"
            );
        }
    }
    assert!(leaks.is_empty(), "{leaks:?}");
    // The liaison of the tenant reads the forwarded summary.
    let (_, body) = get(
        &actors[5].1,
        &app.url(&format!("/dortmund/staff/forwarded/{id}")),
    )
    .await;
    assert!(body.contains("FORWARDEDSUMMARY"));
    // Mails carry no content.
    let mut found = Vec::new();
    if app.data_dir.join("mail").exists() {
        scan_dir(
            &app.data_dir.join("mail"),
            &secrets.map(String::from),
            &mut found,
        );
    }
    assert!(found.is_empty(), "{found:?}");

    // The city's liaison: not listed, no page, no file, no key, no mail.
    let (_, list) = get(&city, &app.url("/dortmund/staff/forwarded")).await;
    assert!(
        case_ids(&list, "dortmund", "forwarded").is_empty(),
        "{list}"
    );
    let (status, _) = get(&city, &app.url(&format!("/dortmund/staff/forwarded/{id}"))).await;
    assert_eq!(status, 404);
    let db = app.raw_db().await;
    let mut conn = db.read().await.unwrap();
    let (to_city,): (i64,) = vertrauensnetz::on_db!(conn, c => sqlx::query_as(
        "SELECT COUNT(*) FROM mail_outbox WHERE to_address = 'stadt-ansprechperson@dortmund.example'")
        .fetch_one(c).await).unwrap();
    assert_eq!(to_city, 0);
    let (to_police,): (i64,) = vertrauensnetz::on_db!(conn, c => sqlx::query_as(
        "SELECT COUNT(*) FROM mail_outbox WHERE to_address = $1")
        .bind(&liaison_login).fetch_one(c).await)
    .unwrap();
    assert_eq!(to_police, 1);
    let (wraps,): (i64,) = vertrauensnetz::on_db!(conn, c => sqlx::query_as(
        "SELECT COUNT(*) FROM complaint_key_wraps w JOIN complaint_staff_keys k
           ON k.public_key = w.recipient_key JOIN users u ON u.user_id = k.user_id
         WHERE w.purpose = 'forward' AND u.login = 'stadt-ansprechperson@dortmund.example'")
        .fetch_one(c).await)
    .unwrap();
    assert_eq!(wraps, 0);
    drop(conn);

    // A case goes to one authority only.
    let (_, html) = get(&ombuds, &case_url).await;
    let res = post_form(
        &ombuds,
        &format!("{case_url}/forward"),
        &csrf_in(&html),
        &[("summary", "NOCH EINMAL"), ("to", "kod")],
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("bereits an eine andere Behörde"));

    // Moving the police liaison to the city takes the case away at once …
    let police = &actors[5].1;
    bind_liaison(&app, &ombuds, &liaison_login, "kod").await;
    let (status, _) = get(police, &app.url(&format!("/dortmund/staff/forwarded/{id}"))).await;
    assert_eq!(status, 404);
    // … and a liaison newly entered for the police receives the key when a
    // caseworker next unlocks theirs.
    bind_liaison(
        &app,
        &ombuds,
        "stadt-ansprechperson@dortmund.example",
        "police",
    )
    .await;
    let pw = app.account("dortmund", Role::Ombuds).password.clone();
    unlock_key(&app, &ombuds, "dortmund", &pw).await;
    let (status, body) = get(&city, &app.url(&format!("/dortmund/staff/forwarded/{id}"))).await;
    assert_eq!(status, 200);
    assert!(body.contains("FORWARDEDSUMMARY"));
    app.server.stop().await;
}

#[tokio::test]
async fn a_thousand_wrong_codes_are_refused_alike_and_throttled() {
    let app = spawn().await;
    let code = submit_ok(&app, &Intake::anonymous("Vorfall für den Codetest")).await;
    let c = client();
    let url = app.url("/dortmund/complaints/status");
    let token = csrf_token(&c, &url).await;
    // A wrong code (the real one with one digit changed) and a code of no
    // case answer identically.
    let mut near = code.clone().into_bytes();
    near[15] = if near[15] == b'9' { b'0' } else { near[15] + 1 };
    let near = String::from_utf8(near).unwrap();
    // Four wrong and four unknown codes, alternating (eight of the ten
    // attempts an hour allows).
    let mut answers = Vec::new();
    let (mut wrong, mut unknown) = (Vec::new(), Vec::new());
    for i in 0..8 {
        let other = format!("{:016}", 4_000_000_000_000_000u64 + i);
        let (attempt, times) = if i % 2 == 0 {
            (near.as_str(), &mut wrong)
        } else {
            (other.as_str(), &mut unknown)
        };
        let start = Instant::now();
        let res = post_form(&c, &url, &token, &[("code", attempt)]).await;
        let status = res.status().as_u16();
        let body = res.text().await.unwrap();
        times.push(start.elapsed());
        answers.push((status, body));
    }
    for a in &answers {
        assert_eq!(a.0, 422);
        assert_eq!(a.1, answers[0].1, "wrong and unknown codes answer alike");
        assert!(a.1.contains("Quittungscode wurde nicht erkannt"));
    }
    // The same work either way; the tolerance only absorbs a loaded machine.
    let median = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let (w, u) = (median(&mut wrong), median(&mut unknown));
    let diff = w.abs_diff(u);
    assert!(
        diff < Duration::from_millis(100) + w.min(u),
        "timing differs: wrong {wrong:?}, unknown {unknown:?}"
    );
    let mut throttled = 0;
    for i in 8..1000 {
        let attempt = format!("{:016}", 1_234_567_890_123_000u64 + i as u64);
        let res = post_form(&c, &url, &token, &[("code", &attempt)]).await;
        let status = res.status().as_u16();
        assert!(status == 422 || status == 429, "attempt {i}: {status}");
        if status == 429 {
            throttled += 1;
            let body = res.text().await.unwrap();
            assert!(body.contains("Zu viele Versuche"));
        }
    }
    assert!(throttled >= 990, "only {throttled} throttled");
    // Once throttled, even the right code gets the same refusal.
    let res = post_form(&c, &url, &token, &[("code", &code)]).await;
    assert_eq!(res.status(), 429);
    app.server.stop().await;
}

#[tokio::test]
async fn closed_cases_are_deleted_after_the_retention_period_and_statistics_stay() {
    // The job is called directly here; the background copy stays off.
    let app = TestApp::spawn_with(|c| {
        small(c);
        c.run_jobs = false;
    })
    .await;
    let ombuds = staff(&app, "dortmund", Role::Ombuds).await;
    let code = submit_ok(
        &app,
        &Intake::anonymous("Vorfall für die Löschfrist").file("bild.png", "image/png", png()),
    )
    .await;
    let (_, inbox) = get(&ombuds, &app.url("/dortmund/staff/complaints")).await;
    let id = case_ids(&inbox, "dortmund", "complaints").remove(0);
    let case_url = app.url(&format!("/dortmund/staff/complaints/{id}"));
    let (_, html) = get(&ombuds, &case_url).await;
    let res = post_form(
        &ombuds,
        &case_url,
        &csrf_in(&html),
        &[
            ("status", "closed"),
            ("outcome", "withdrawn"),
            ("category", "communication"),
            ("assigned_to", ""),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let year = app.clock.now().format("%Y").to_string();
    let stats_url = app.url(&format!("/dortmund/complaints/statistics.csv?year={year}"));
    let (_, before) = get(&client(), &stats_url).await;
    let files_dir = app.data_dir.join("complaints");
    let count_files = |d: &Path| -> usize {
        fn walk(d: &Path) -> usize {
            std::fs::read_dir(d)
                .map(|r| {
                    r.map(|e| {
                        let p = e.unwrap().path();
                        if p.is_dir() {
                            walk(&p)
                        } else {
                            1
                        }
                    })
                    .sum()
                })
                .unwrap_or(0)
        }
        walk(d)
    };
    assert_eq!(count_files(&files_dir), 1);

    // Not yet: 23 months later the case is still there.
    let state = app.server.state.clone();
    app.clock.advance(chrono::Duration::days(23 * 30));
    assert_eq!(
        vertrauensnetz::complaints::jobs::retention(&state)
            .await
            .unwrap(),
        0
    );
    app.clock.advance(chrono::Duration::days(60));
    assert_eq!(
        vertrauensnetz::complaints::jobs::retention(&state)
            .await
            .unwrap(),
        1
    );
    assert_eq!(count_files(&files_dir), 0);
    let tenant = app.tenant("dortmund").await;
    assert_eq!(
        vertrauensnetz::complaints::store::count_cases(&state.db, tenant.id)
            .await
            .unwrap(),
        0
    );
    let (_, after) = get(&client(), &stats_url).await;
    assert_eq!(before, after);
    // The receipt code opens nothing any more.
    let c = client();
    let url = app.url("/dortmund/complaints/status");
    let token = csrf_token(&c, &url).await;
    let res = post_form(&c, &url, &token, &[("code", &code)]).await;
    assert_eq!(res.status(), 422);
    // The deletion is audited.
    let out = app.cli(&["audit", "verify"]).await;
    assert!(out.status.success());
    app.server.stop().await;
}

#[tokio::test]
async fn bad_input_is_refused_clearly_and_nothing_is_stored() {
    let app = spawn().await;
    let c = client();
    let new_url = app.url("/dortmund/complaints/new");
    // An executable named .jpg.
    let mut elf = b"\x7fELF\x02\x01\x01\x00".to_vec();
    elf.extend(vec![0u8; 4000]);
    let res = submit(
        &app,
        &c,
        &Intake::anonymous("Text").file("foto.jpg", "image/jpeg", elf),
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Eine Datei hat einen Typ, den wir nicht annehmen"));
    // The same in English.
    let en = client();
    en.get(app.url("/dortmund/complaints/new?lang=en"))
        .send()
        .await
        .unwrap();
    let mut pe = b"MZ\x90\x00\x03".to_vec();
    pe.extend(vec![0u8; 4000]);
    let res = submit(
        &app,
        &en,
        &Intake::anonymous("Text").file("photo.jpg", "image/jpeg", pe),
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("A file has a type we do not accept"));
    // Too large (limit 200 000 bytes in this test).
    let big = pdf(&"x".repeat(250_000));
    let res = submit(
        &app,
        &c,
        &Intake::anonymous("Text").file("gross.pdf", "application/pdf", big),
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("Eine Datei ist zu groß"));
    // Empty required field.
    let res = submit(&app, &c, &Intake::anonymous("   ")).await;
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Bitte beschreiben Sie, was passiert ist."));
    // Confidential without contact, identity consent while anonymous.
    let res = submit(
        &app,
        &c,
        &Intake::anonymous("Text").set("contact_mode", "confidential"),
    )
    .await;
    assert_eq!(res.status(), 422);
    let res = submit(
        &app,
        &c,
        &Intake::anonymous("Text").set("consent", "with_identity"),
    )
    .await;
    assert_eq!(res.status(), 422);
    // Malformed multipart.
    let token = csrf_token(&c, &new_url).await;
    let res = c
        .post(&new_url)
        .header("sec-fetch-site", "same-origin")
        .header("content-type", "multipart/form-data; boundary=XYZ")
        .body(format!("--XYZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n--XYZ\r\nbroken"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    assert!(res.text().await.unwrap().contains("Ungültige Anfrage"));
    // Invalid UTF-8 in a text field.
    let mut body = format!("--XYZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n--XYZ\r\nContent-Disposition: form-data; name=\"what\"\r\n\r\n").into_bytes();
    body.extend_from_slice(b"\xff\xfe bad \xc3\x28\r\n--XYZ--\r\n");
    let res = c
        .post(&new_url)
        .header("sec-fetch-site", "same-origin")
        .header("content-type", "multipart/form-data; boundary=XYZ")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    // Not multipart at all, and no CSRF token.
    let res = post_form(&c, &new_url, &token, &[("what", "x")]).await;
    assert_eq!(res.status(), 415);
    let res = c
        .post(&new_url)
        .header("sec-fetch-site", "same-origin")
        .multipart(Form::new().text("what", "Text"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    // Nothing was stored.
    let tenant = app.tenant("dortmund").await;
    assert_eq!(
        vertrauensnetz::complaints::store::count_cases(&app.server.state.db, tenant.id)
            .await
            .unwrap(),
        0
    );
    let dir = app.data_dir.join("complaints");
    assert!(!dir.exists() || std::fs::read_dir(&dir).unwrap().next().is_none());
    app.server.stop().await;
}

#[tokio::test]
async fn the_recovery_key_shares_cases_with_a_caseworker_whose_key_came_later() {
    let app = TestApp::spawn_with(|c| {
        small(c);
        c.run_jobs = false;
    })
    .await;
    let out = app
        .cli(&["complaints", "recovery-key", "--tenant", "dortmund"])
        .await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let secret = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    assert_eq!(secret.len(), 43);
    let again = app
        .cli(&["complaints", "recovery-key", "--tenant", "dortmund"])
        .await;
    assert!(!again.status.success(), "a second recovery key is refused");

    // The case arrives before any caseworker has a key.
    submit_ok(&app, &Intake::anonymous("Vorfall vor dem ersten Schlüssel")).await;
    let ombuds = staff(&app, "dortmund", Role::Ombuds).await;
    let (_, inbox) = get(&ombuds, &app.url("/dortmund/staff/complaints")).await;
    let id = case_ids(&inbox, "dortmund", "complaints").remove(0);
    let case_url = app.url(&format!("/dortmund/staff/complaints/{id}"));
    let (status, _) = get(&ombuds, &case_url).await;
    assert_eq!(status, 409);

    // The administrator shares it with the offline recovery key.
    use tokio::io::AsyncWriteExt;
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_vertrauensnetz"))
        .args(["--database", &app.db_url, "--data-dir"])
        .arg(&app.data_dir)
        .args(["complaints", "rewrap", "--tenant", "dortmund"])
        .env("VN_LOG", "warn")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all(format!("{secret}\n").as_bytes())
        .await
        .unwrap();
    drop(stdin);
    let out = child.wait_with_output().await.unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("1 case keys shared"));
    let (status, html) = get(&ombuds, &case_url).await;
    assert_eq!(status, 200);
    assert!(html.contains("Vorfall vor dem ersten Schlüssel"));
    app.server.stop().await;
}

#[tokio::test]
async fn caseworkers_are_reminded_of_due_deadlines_once_without_content() {
    let app = TestApp::spawn_with(|c| {
        small(c);
        c.run_jobs = false;
    })
    .await;
    let _ombuds = staff(&app, "dortmund", Role::Ombuds).await;
    submit_ok(&app, &Intake::anonymous("Vorfall für die Fristen")).await;
    let state = app.server.state.clone();
    use vertrauensnetz::complaints::jobs::reminders;
    assert_eq!(reminders(&state).await.unwrap(), 0);
    app.clock
        .advance(chrono::Duration::days(6) + chrono::Duration::hours(1));
    assert_eq!(reminders(&state).await.unwrap(), 1, "acknowledgement due");
    assert_eq!(reminders(&state).await.unwrap(), 0, "only once");
    app.clock.advance(chrono::Duration::days(85));
    assert_eq!(reminders(&state).await.unwrap(), 1, "first feedback due");
    // No throttle bucket (which would hold a hash of the address) was
    // written by the intake and status routes.
    let db = app.raw_db().await;
    let mut conn = db.read().await.unwrap();
    let (n,): (i64,) = vertrauensnetz::on_db!(conn, c => sqlx::query_as("SELECT COUNT(*) FROM throttle").fetch_one(c).await).unwrap();
    assert_eq!(n, 0);
    let mails: Vec<(String,)> = vertrauensnetz::on_db!(conn, c => sqlx::query_as("SELECT body_text FROM mail_outbox").fetch_all(c).await).unwrap();
    assert!(mails.len() >= 3);
    assert!(mails.iter().all(|(b,)| !b.contains("Vorfall")));
    app.server.stop().await;
}

#[tokio::test]
async fn guessing_the_password_on_the_key_page_is_throttled() {
    let app = spawn().await;
    let c = login(&app, "dortmund", Role::Ombuds).await;
    let url = app.url("/dortmund/staff/complaint-key");
    let token = csrf_token(&c, &url).await;
    for _ in 0..10 {
        let res = post_form(
            &c,
            &url,
            &token,
            &[("password", "not the password"), ("next", "")],
        )
        .await;
        assert_eq!(res.status(), 422);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("Das Passwort stimmt nicht."));
    }
    let pw = app.account("dortmund", Role::Ombuds).password.clone();
    let res = post_form(&c, &url, &token, &[("password", &pw), ("next", "")]).await;
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Zu viele falsche Passwörter"));
    app.server.stop().await;
}

#[tokio::test]
async fn the_demo_complaints_open_for_caseworker_liaison_and_complainant() {
    let app = spawn().await;
    let db = app.raw_db().await;
    let lines = vertrauensnetz::complaints::demo::seed(&db, &app.clock, &app.accounts)
        .await
        .unwrap();
    let codes: Vec<(String, String)> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("demo-complaint dortmund "))
        .map(|l| {
            let (code, status) = l.rsplit_once(' ').unwrap();
            (code.to_owned(), status.to_owned())
        })
        .collect();
    assert_eq!(codes.len(), 4);
    assert!(lines
        .iter()
        .any(|l| l.starts_with("demo-recovery-key dortmund ")));
    let ombuds = staff(&app, "dortmund", Role::Ombuds).await;
    let (_, inbox) = get(&ombuds, &app.url("/dortmund/staff/complaints")).await;
    let ids = case_ids(&inbox, "dortmund", "complaints");
    assert_eq!(ids.len(), 4);
    for id in &ids {
        let (status, _) = get(
            &ombuds,
            &app.url(&format!("/dortmund/staff/complaints/{id}")),
        )
        .await;
        assert_eq!(status, 200);
    }
    let liaison = staff(&app, "dortmund", Role::Liaison).await;
    let (_, list) = get(&liaison, &app.url("/dortmund/staff/forwarded")).await;
    let fid = case_ids(&list, "dortmund", "forwarded").remove(0);
    let (status, html) = get(
        &liaison,
        &app.url(&format!("/dortmund/staff/forwarded/{fid}")),
    )
    .await;
    assert_eq!(status, 200);
    assert!(html.contains("Bitte um Stellungnahme"));
    let (code, _) = codes.iter().find(|(_, s)| s == "closed").unwrap();
    let me = complainant(&app, code).await;
    let (_, page) = get(&me, &app.url("/dortmund/complaints/status")).await;
    assert!(page.contains("Einvernehmlich gelöst"));
    app.server.stop().await;
}
