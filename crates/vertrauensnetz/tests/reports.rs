//! Reports of defects and unsafe places through HTTP: reporting without
//! an account and without JavaScript (address or coordinates), routing,
//! duplicates, photos without metadata, bad input, privacy of the
//! reporter, the staff's work, subscriptions, import and exports.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use reqwest::multipart::{Form, Part};
use vertrauensnetz::platform::auth::Role;
use vertrauensnetz::platform::db::Db;

/// A place in Dortmund-Hörde, away from the other tests' places.
const HOERDE: (f64, f64) = (51.4832, 7.5012);

struct Submitted {
    follow: String,
    id: String,
}

/// Walks the three steps like a browser without JavaScript and submits.
async fn report(
    app: &TestApp,
    c: &reqwest::Client,
    category: &str,
    place: &[(&str, &str)],
    details: &[(&str, &str)],
    photos: Vec<(&str, Vec<u8>)>,
) -> reqwest::Response {
    let mut q: Vec<(&str, &str)> = vec![("category", category)];
    q.extend_from_slice(place);
    let page = c
        .get(app.url("/dortmund/reports/new/details"))
        .query(&q)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200, "details page");
    let html = page.text().await.unwrap();
    let token = csrf_in(&html);
    let mut form = Form::new()
        .text("csrf", token)
        .text("category", category.to_owned());
    for k in ["lat", "lon", "address", "district", "time_of_day"] {
        let v = place
            .iter()
            .find(|(n, _)| *n == k)
            .map(|(_, v)| (*v).to_owned())
            .unwrap_or_default();
        form = form.text(k, v);
    }
    for (k, v) in details {
        form = form.text((*k).to_owned(), (*v).to_owned());
    }
    for (name, data) in photos {
        form = form.part("photos", Part::bytes(data).file_name(name.to_owned()));
    }
    c.post(app.url("/dortmund/reports/new"))
        .header("sec-fetch-site", "same-origin")
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// A damaged path reported by address in Eving, without photos.
async fn pothole_in_eving(
    app: &TestApp,
    c: &reqwest::Client,
    details: &[(&str, &str)],
) -> Submitted {
    submitted(
        report(
            app,
            c,
            "damaged-path",
            &[("address", "Evinger Straße 5"), ("district", "eving")],
            details,
            vec![],
        )
        .await,
    )
    .await
}

async fn submitted(res: reqwest::Response) -> Submitted {
    let status = res.status();
    let html = res.text().await.unwrap();
    assert_eq!(status, 200, "{html}");
    let follow = regex_lite::Regex::new(r#"id="follow-link" href="([^"]+)""#)
        .unwrap()
        .captures(&html)
        .unwrap()[1]
        .to_owned();
    let id = regex_lite::Regex::new(r#"/reports/view/([0-9a-f-]{36})"#)
        .unwrap()
        .captures(&html)
        .unwrap()[1]
        .to_owned();
    Submitted { follow, id }
}

async fn at(
    app: &TestApp,
    category: &str,
    lat: f64,
    lon: f64,
    extra: &[(&str, &str)],
) -> Submitted {
    let (la, lo) = (lat.to_string(), lon.to_string());
    let mut place = vec![("lat", la.as_str()), ("lon", lo.as_str())];
    place.extend_from_slice(extra);
    submitted(
        report(
            app,
            &client(),
            category,
            &place,
            &[("description", "Laterne dunkel")],
            vec![],
        )
        .await,
    )
    .await
}

async fn count_reports(db: &Db) -> i64 {
    let mut conn = db.read().await.unwrap();
    vertrauensnetz::on_db!(conn, c => sqlx::query_as::<_, (i64,)>("SELECT COUNT(*) FROM reports")
        .fetch_one(c).await)
    .unwrap()
    .0
}

async fn get(c: &reqwest::Client, url: &str) -> (u16, String) {
    let r = c.get(url).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

#[tokio::test]
async fn reporting_by_address_without_javascript_and_following_it() {
    let app = TestApp::spawn().await;
    let c = client();
    let (s, html) = get(&c, &app.url("/dortmund/reports/new")).await;
    assert_eq!(s, 200);
    assert!(html.contains("Straßenbeleuchtung") && html.contains("Schlecht beleuchteter Ort"));
    let (s, html) = get(
        &c,
        &app.url("/dortmund/reports/new?category=street-lighting"),
    )
    .await;
    assert_eq!(s, 200);
    assert!(html.contains(r#"name="address""#) && html.contains("<svg"));
    // An address without a district is not enough.
    let (s, html) = get(
        &c,
        &app.url(
            "/dortmund/reports/new/details?category=street-lighting&address=Hansastra%C3%9Fe+12",
        ),
    )
    .await;
    assert_eq!(s, 422);
    assert!(html.contains("Stadtbezirk"));
    let res = report(
        &app,
        &c,
        "street-lighting",
        &[
            ("address", "Hansastraße 12"),
            ("district", "innenstadt-west"),
        ],
        &[(
            "description",
            "Die Laterne vor dem Haus ist seit Tagen aus.",
        )],
        vec![],
    )
    .await;
    let r = submitted(res).await;
    let (s, html) = get(&c, &app.url(&r.follow)).await;
    assert_eq!(s, 200);
    assert!(html.contains("Die Laterne vor dem Haus ist seit Tagen aus."));
    assert!(html.contains("offen"));
    // The public page waits for moderation before it shows the text.
    let (s, html) = get(&c, &app.url(&format!("/dortmund/reports/view/{}", r.id))).await;
    assert_eq!(s, 200);
    assert!(!html.contains("seit Tagen aus"));
    assert!(html.contains("Hansastraße 12"));
    // Listed (with the same reports as the map).
    let (_, list) = get(&c, &app.url("/dortmund/reports")).await;
    assert!(list.contains(&r.id));
    // An unknown follow link is 404; the other tenant does not know it.
    assert_eq!(
        get(&c, &app.url("/dortmund/reports/follow/nope")).await.0,
        404
    );
    let other = r.follow.replace("/dortmund/", "/luenen/");
    assert_eq!(get(&c, &app.url(&other)).await.0, 404);
    app.server.stop().await;
}

#[tokio::test]
async fn unsafe_places_go_to_police_and_lighting_to_the_department() {
    let app = TestApp::spawn().await;
    let lighting = at(&app, "street-lighting", 51.5120, 7.4480, &[]).await;
    let unsafe_place = at(
        &app,
        "poorly-lit",
        51.5125,
        7.4490,
        &[("time_of_day", "night")],
    )
    .await;
    let dept = login(&app, "dortmund", Role::Department).await;
    let police = login(&app, "dortmund", Role::Police).await;
    let coord = login(&app, "dortmund", Role::Coordinator).await;
    let inbox = |c: reqwest::Client| {
        let url = app.url("/dortmund/staff/reports?show=all");
        async move { get(&c, &url).await.1 }
    };
    let d = inbox(dept.clone()).await;
    assert!(d.contains(&lighting.id) && !d.contains(&unsafe_place.id));
    let p = inbox(police.clone()).await;
    assert!(p.contains(&unsafe_place.id) && !p.contains(&lighting.id));
    let k = inbox(coord.clone()).await;
    assert!(k.contains(&unsafe_place.id) && k.contains(&lighting.id));
    // Outside the inbox too: the report page is 404 out of scope.
    let url = |id: &str| app.url(&format!("/dortmund/staff/reports/{id}"));
    assert_eq!(get(&dept, &url(&unsafe_place.id)).await.0, 404);
    assert_eq!(get(&police, &url(&lighting.id)).await.0, 404);
    assert_eq!(get(&coord, &url(&lighting.id)).await.0, 200);
    // A time of day is required for unsafe places.
    let (s, html) = get(
        &client(),
        &app.url("/dortmund/reports/new/details?category=poorly-lit&lat=51.5125&lon=7.449"),
    )
    .await;
    assert_eq!(s, 422);
    assert!(html.contains("Bitte wählen Sie eine Tageszeit."));
    app.server.stop().await;
}

#[tokio::test]
async fn duplicates_30_m_away_are_offered_and_2_km_away_not() {
    let app = TestApp::spawn().await;
    let near = at(&app, "graffiti", HOERDE.0, HOERDE.1, &[]).await;
    // About 2 km north.
    let far = at(&app, "graffiti", HOERDE.0 + 0.018, HOERDE.1, &[]).await;
    // Another category at the same spot is no duplicate.
    let other = at(&app, "damaged-path", HOERDE.0, HOERDE.1, &[]).await;
    // 30 m east of the first.
    let lon = HOERDE.1 + 30.0 / (111_195.0 * HOERDE.0.to_radians().cos());
    let url = format!(
        "/dortmund/reports/new/details?category=graffiti&lat={}&lon={lon}",
        HOERDE.0
    );
    let (s, html) = get(&client(), &app.url(&url)).await;
    assert_eq!(s, 200);
    assert!(html.contains("id=\"duplicates\""));
    assert!(html.contains(&near.id), "the report 30 m away is offered");
    assert!(!html.contains(&far.id), "the report 2 km away is not");
    assert!(!html.contains(&other.id));
    assert!(html.contains("30 m"));
    // Subscribing instead of reporting again.
    let c = client();
    let token = csrf_token(&c, &app.url(&url)).await;
    let res = post_form(
        &c,
        &app.url(&format!("/dortmund/reports/view/{}/subscribe", near.id)),
        &token,
        &[("email", "nachbarin@example.org")],
    )
    .await;
    assert_eq!(res.status(), 200);
    app.server.stop().await;
}

/// A small JPEG with an EXIF segment holding a GPS-like marker.
fn jpeg_with_exif(marker: &str) -> Vec<u8> {
    let img = image::RgbImage::from_pixel(32, 24, image::Rgb([200, 30, 30]));
    let mut plain = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut plain, image::ImageFormat::Jpeg)
        .unwrap();
    let plain = plain.into_inner();
    let mut payload = b"Exif\0\0".to_vec();
    payload.extend_from_slice(b"MM\0*\0\0\0\x08");
    payload.extend_from_slice(marker.as_bytes());
    let len = (payload.len() + 2) as u16;
    let mut out = plain[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(&payload);
    out.extend_from_slice(&plain[2..]);
    out
}

fn files_in(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![];
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(files_in(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}

#[tokio::test]
async fn photos_lose_their_metadata_and_bad_input_stores_nothing() {
    let app = TestApp::spawn().await;
    let db = app.raw_db().await;
    let place = [("lat", "51.5130"), ("lon", "7.4650")];
    let ok = [("description", "Sperrmüll")];
    let photo = jpeg_with_exif("GPS-MARKER-51.5130N");
    assert!(photo.windows(4).any(|w| w == b"Exif"));
    let r = submitted(
        report(
            &app,
            &client(),
            "illegal-dumping",
            &place,
            &ok,
            vec![("a.jpg", photo.clone())],
        )
        .await,
    )
    .await;
    let stored = files_in(&app.data_dir.join("reports"));
    assert_eq!(stored.len(), 2, "picture and thumbnail: {stored:?}");
    for f in &stored {
        let data = std::fs::read(f).unwrap();
        assert!(data.starts_with(&[0xFF, 0xD8]));
        assert!(!data.windows(4).any(|w| w == b"Exif"), "{f:?} keeps EXIF");
        assert!(!data.windows(10).any(|w| w == b"GPS-MARKER"));
    }
    let before = count_reports(&db).await;
    assert_eq!(before, 1);
    let c = client();
    // Not an image (a PDF named .jpg).
    let mut pdf = b"%PDF-1.4\n".to_vec();
    pdf.extend(vec![b'x'; 500]);
    let res = report(
        &app,
        &c,
        "illegal-dumping",
        &place,
        &ok,
        vec![("b.jpg", pdf)],
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("JPEG, PNG oder WebP"));
    // Over the size limit.
    let mut big = photo.clone();
    big.resize(9 * 1024 * 1024, 0);
    let res = report(
        &app,
        &c,
        "illegal-dumping",
        &place,
        &ok,
        vec![("c.jpg", big)],
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("größer als 8 MB"));
    // Six photos.
    let six = (0..6).map(|_| ("d.jpg", photo.clone())).collect();
    let res = report(&app, &c, "illegal-dumping", &place, &ok, six).await;
    assert_eq!(res.status(), 422);
    // A description over 4,000 characters.
    let long = "x".repeat(4001);
    let res = report(
        &app,
        &c,
        "illegal-dumping",
        &place,
        &[("description", &long)],
        vec![],
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("4.000"));
    // Coordinates outside the city (Berlin), through the details page and
    // through a forged submission.
    let (s, html) = get(
        &c,
        &app.url("/dortmund/reports/new/details?category=illegal-dumping&lat=52.52&lon=13.40"),
    )
    .await;
    assert_eq!(s, 422);
    assert!(html.contains("außerhalb der Stadt"));
    let token = csrf_token(
        &c,
        &app.url("/dortmund/reports/new/details?category=illegal-dumping&lat=51.513&lon=7.465"),
    )
    .await;
    let form = Form::new()
        .text("csrf", token)
        .text("category", "illegal-dumping")
        .text("lat", "52.52")
        .text("lon", "13.40")
        .text("description", "x");
    let res = c
        .post(app.url("/dortmund/reports/new"))
        .header("sec-fetch-site", "same-origin")
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert_eq!(count_reports(&db).await, before, "nothing stored");
    assert_eq!(files_in(&app.data_dir.join("reports")).len(), 2);
    // The photo is public only after moderation, then without metadata.
    let coord = login(&app, "dortmund", Role::Coordinator).await;
    let staff = get(
        &coord,
        &app.url(&format!("/dortmund/staff/reports/{}", r.id)),
    )
    .await
    .1;
    let photo_id = regex_lite::Regex::new(r#"name="hide" value="([0-9a-f]{32})""#)
        .unwrap()
        .captures(&staff)
        .unwrap()[1]
        .to_owned();
    let public = app.url(&format!("/dortmund/reports/photos/{photo_id}"));
    assert_eq!(get(&client(), &public).await.0, 404);
    let token = csrf_in(&staff);
    let res = post_form(
        &coord,
        &app.url(&format!("/dortmund/staff/reports/{}/moderate", r.id)),
        &token,
        &[
            ("public_text", "Sperrmüll am Straßenrand"),
            ("action", "publish"),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);
    let res = client().get(&public).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let body = res.bytes().await.unwrap();
    assert!(!body.windows(4).any(|w| w == b"Exif"));
    // Open311 names the first visible photo of a published report, in the
    // single request and in lists, and no photo once it is hidden.
    let media = |body: String| -> Vec<Option<String>> {
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r.get("media_url")
                    .and_then(|m| m.as_str())
                    .map(str::to_owned)
            })
            .collect()
    };
    let one = app.url(&format!(
        "/open311/v2/requests/{}.json?jurisdiction_id=dortmund.de",
        r.id
    ));
    let list = app.url(&format!(
        "/open311/v2/requests.json?jurisdiction_id=dortmund.de&service_request_id={}",
        r.id
    ));
    let expected = format!("/dortmund/reports/photos/{photo_id}");
    for url in [&one, &list] {
        let m = media(get(&client(), url).await.1);
        assert_eq!(m.len(), 1);
        assert!(m[0].as_deref().unwrap().ends_with(&expected), "{m:?}");
    }
    let staff = get(
        &coord,
        &app.url(&format!("/dortmund/staff/reports/{}", r.id)),
    )
    .await
    .1;
    let res = post_form(
        &coord,
        &app.url(&format!("/dortmund/staff/reports/{}/moderate", r.id)),
        &csrf_in(&staff),
        &[
            ("public_text", "Sperrmüll am Straßenrand"),
            ("action", "publish"),
            ("hide", photo_id.as_str()),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);
    assert_eq!(get(&client(), &public).await.0, 404);
    for url in [&one, &list] {
        assert_eq!(media(get(&client(), url).await.1), vec![None], "{url}");
    }
    app.server.stop().await;
}

#[tokio::test]
async fn reporter_name_email_never_public() {
    let app = TestApp::spawn().await;
    let c = client();
    let name = "Namemarker Quxbaz";
    let email = "mailmarker.quxbaz@example.org";
    let r = submitted(
        report(
            &app,
            &c,
            "harassment",
            &[
                ("lat", "51.5140"),
                ("lon", "7.4600"),
                ("time_of_day", "evening"),
            ],
            &[
                ("description", "Männer pöbeln an der Haltestelle"),
                ("name", name),
                ("email", email),
                ("walk", "yes"),
            ],
            vec![],
        )
        .await,
    )
    .await;
    // Staff see the contact and publish a text.
    let coord = login(&app, "dortmund", Role::Coordinator).await;
    let staff = get(
        &coord,
        &app.url(&format!("/dortmund/staff/reports/{}", r.id)),
    )
    .await
    .1;
    assert!(staff.contains(name) && staff.contains(email));
    let token = csrf_in(&staff);
    post_form(
        &coord,
        &app.url(&format!("/dortmund/staff/reports/{}/moderate", r.id)),
        &token,
        &[
            ("public_text", "Belästigung an der Haltestelle, abends"),
            ("action", "publish"),
        ],
    )
    .await;
    let pages = [
        format!("/dortmund/reports/view/{}", r.id),
        "/dortmund/reports?status=all".into(),
        "/dortmund/reports?layer=unsafe&time=night".into(),
        "/dortmund/reports/export.csv?status=all".into(),
        "/dortmund/reports/export.geojson?status=all".into(),
        "/open311/v2/requests.json?jurisdiction_id=dortmund.de".into(),
        "/open311/v2/requests.xml?jurisdiction_id=dortmund.de".into(),
        format!(
            "/open311/v2/requests/{}.json?jurisdiction_id=dortmund.de",
            r.id
        ),
        format!(
            "/open311/v2/requests/{}.xml?jurisdiction_id=dortmund.de",
            r.id
        ),
    ];
    for p in pages {
        let (s, body) = get(&client(), &app.url(&p)).await;
        assert_eq!(s, 200, "{p}");
        assert!(
            body.contains(&r.id) || p.contains("layer=unsafe"),
            "{p} lists the report"
        );
        assert!(
            !body.contains("Namemarker") && !body.contains("mailmarker"),
            "{p} leaks the reporter"
        );
    }
    let (_, geo) = get(
        &client(),
        &app.url("/dortmund/reports/export.geojson?status=all"),
    )
    .await;
    let v: serde_json::Value = serde_json::from_str(&geo).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let f = &v["features"][0];
    assert_eq!(f["geometry"]["type"], "Point");
    assert_eq!(f["geometry"]["coordinates"][0], 7.46);
    assert_eq!(
        f["properties"]["description"],
        "Belästigung an der Haltestelle, abends"
    );
    app.server.stop().await;
}

async fn outbox(db: &Db) -> Vec<(String, String, String)> {
    let mut conn = db.read().await.unwrap();
    vertrauensnetz::on_db!(conn, c => sqlx::query_as::<_, (String, String, String)>(
        "SELECT to_address, subject, body_text FROM mail_outbox ORDER BY created_at")
        .fetch_all(c).await)
    .unwrap()
}

#[tokio::test]
async fn staff_statuses_mails_duplicates_reopening_and_statistics() {
    let app = TestApp::spawn().await;
    let db = app.raw_db().await;
    let c = client();
    let r = pothole_in_eving(
        &app,
        &c,
        &[
            ("description", "Schlagloch"),
            ("email", "melderin@example.org"),
        ],
    )
    .await;
    let dup = at(&app, "damaged-path", 51.556, 7.481, &[]).await;
    let dept = login(&app, "dortmund", Role::Department).await;
    let page = get(
        &dept,
        &app.url(&format!("/dortmund/staff/reports/{}", r.id)),
    )
    .await
    .1;
    let token = csrf_in(&page);
    let status = |id: String, fields: Vec<(&'static str, String)>| {
        let dept = dept.clone();
        let token = token.clone();
        let url = app.url(&format!("/dortmund/staff/reports/{id}/status"));
        async move {
            let f: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            post_form(&dept, &url, &token, &f).await.status().as_u16()
        }
    };
    // "Closed – not fixed" needs a reason.
    assert_eq!(
        status(r.id.clone(), vec![("status", "not_fixed".into())]).await,
        422
    );
    assert_eq!(
        status(
            r.id.clone(),
            vec![
                ("status", "fixed".into()),
                ("text", "Das Schlagloch ist verfüllt.".into())
            ]
        )
        .await,
        200
    );
    let mails = outbox(&db).await;
    assert!(mails
        .iter()
        .any(|(to, _, body)| to == "melderin@example.org"
            && body.contains("erledigt")
            && body.contains("Das Schlagloch ist verfüllt.")));
    let (_, follow) = get(&c, &app.url(&r.follow)).await;
    assert!(follow.contains("Das Schlagloch ist verfüllt.") && follow.contains("wieder öffnen"));
    // Reopening by the reporter.
    let token_r = csrf_in(&follow);
    let res = post_form(
        &c,
        &app.url(&format!("{}/reopen", r.follow)),
        &token_r,
        &[("reason", "Nach dem Regen wieder aufgebrochen.")],
    )
    .await;
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("wieder offen"));
    // Merging a duplicate: linked and its subscribers move.
    assert_eq!(
        status(
            dup.id.clone(),
            vec![
                ("status", "duplicate".into()),
                ("duplicate_of", r.id.clone())
            ]
        )
        .await,
        200
    );
    let (_, view) = get(&c, &app.url(&format!("/dortmund/reports/view/{}", dup.id))).await;
    assert!(view.contains(&format!("/dortmund/reports/view/{}", r.id)));
    // An internal note stays internal.
    let note = post_form(
        &dept,
        &app.url(&format!("/dortmund/staff/reports/{}/notes", r.id)),
        &token,
        &[("text", "Interne Notiz Firma Meier")],
    )
    .await;
    assert_eq!(note.status(), 303);
    let (_, view) = get(&c, &app.url(&format!("/dortmund/reports/view/{}", r.id))).await;
    assert!(!view.contains("Interne Notiz"));
    // Statistics for the coordinator.
    let coord = login(&app, "dortmund", Role::Coordinator).await;
    let (s, stats) = get(&coord, &app.url("/dortmund/staff/report-statistics")).await;
    assert_eq!(s, 200);
    assert!(stats.contains("Beschädigter Weg") && stats.contains("Eving"));
    // The kept counts follow every change: one reopened (open), one duplicate.
    assert!(
        stats.contains(r#"<th scope="row">Beschädigter Weg</th><td>2</td>"#),
        "{stats}"
    );
    assert!(stats.contains(r#"<th scope="row">doppelt gemeldet</th><td>1</td>"#));
    assert!(stats.contains(r#"<th scope="row">offen</th><td>1</td>"#));
    assert!(!stats.contains(r#"<th scope="row">erledigt</th>"#));
    app.server.stop().await;
}

#[tokio::test]
async fn lab_results_are_imported_and_exported() {
    let app = TestApp::spawn().await;
    let coord = login(&app, "dortmund", Role::Coordinator).await;
    let page = get(&coord, &app.url("/dortmund/staff/report-import"))
        .await
        .1;
    let token = csrf_in(&page);
    let csv = "lat,lon,category,time_of_day,description,address\n51.5170,7.4590,poorly-lit,night,Dunkler Durchgang (Quartierslabor Nordstadt),Nordmarkt\n51.5180,7.4600,isolated,day,Leerer Parkplatz,\n";
    let send = |body: &str| {
        let form = Form::new().text("csrf", token.clone()).part(
            "file",
            Part::bytes(body.as_bytes().to_vec()).file_name("lab.csv"),
        );
        coord
            .post(app.url("/dortmund/staff/report-import"))
            .header("sec-fetch-site", "same-origin")
            .multipart(form)
            .send()
    };
    let res = send(csv).await.unwrap();
    assert_eq!(res.status(), 200);
    // All or nothing: one bad row refuses the file.
    let bad = "lat,lon,category\n51.5,7.46,poorly-lit\n52.52,13.40,poorly-lit\n";
    assert_eq!(send(bad).await.unwrap().status(), 422);
    let (_, geo) = get(
        &client(),
        &app.url("/dortmund/reports/export.geojson?layer=unsafe&time=night"),
    )
    .await;
    let v: serde_json::Value = serde_json::from_str(&geo).unwrap();
    let features = v["features"].as_array().unwrap();
    assert_eq!(features.len(), 1);
    assert_eq!(
        features[0]["properties"]["description"],
        "Dunkler Durchgang (Quartierslabor Nordstadt)"
    );
    let (_, csv_out) = get(
        &client(),
        &app.url("/dortmund/reports/export.csv?layer=unsafe"),
    )
    .await;
    assert!(csv_out.starts_with("id,service_code"));
    assert_eq!(csv_out.lines().count(), 3);
    app.server.stop().await;
}

#[tokio::test]
async fn the_admin_routes_street_lighting_of_one_district_elsewhere() {
    let app = TestApp::spawn().await;
    let admin = login(&app, "dortmund", Role::Admin).await;
    let url = app.url("/dortmund/admin/report-routing/street-lighting");
    // Others may not even look.
    let coord = login(&app, "dortmund", Role::Coordinator).await;
    assert_eq!(get(&coord, &url).await.0, 403);
    let (s, html) = get(&admin, &url).await;
    assert_eq!(s, 200, "{html}");
    assert!(
        html.contains(r#"value="|street-lighting" checked"#),
        "{html}"
    );
    let token = csrf_in(&html);
    // A non-admin's post is refused and changes nothing.
    let coord_token = csrf_token(&coord, &app.url("/dortmund/staff/reports")).await;
    let res = post_form(
        &coord,
        &url,
        &coord_token,
        &[("route", "|order-partnership")],
    )
    .await;
    assert_eq!(res.status(), 403);
    // Unknown department or district: 422 in the user's language, nothing stored.
    for bad in [
        vec![
            ("route", "|street-lighting"),
            ("route", "hoerde|no-such-office"),
        ],
        vec![
            ("route", "|street-lighting"),
            ("route", "atlantis|order-partnership"),
        ],
        vec![("route", "hoerde|order-partnership")],
    ] {
        let res = post_form(&admin, &url, &token, &bad).await;
        assert_eq!(res.status(), 422);
        let body = res.text().await.unwrap();
        assert!(body.contains("Es wurde nichts gespeichert."), "{body}");
    }
    let before = at(
        &app,
        "street-lighting",
        HOERDE.0,
        HOERDE.1,
        &[("district", "hoerde")],
    )
    .await;
    // Hörde's street lighting goes to the order partnership from now on.
    let res = post_form(
        &admin,
        &url,
        &token,
        &[
            ("route", "|street-lighting"),
            ("route", "hoerde|order-partnership"),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);
    let overview = res.text().await.unwrap();
    assert!(
        overview.contains("Hörde: Ordnungspartnerschaft"),
        "{overview}"
    );
    let moved = at(
        &app,
        "street-lighting",
        HOERDE.0,
        HOERDE.1,
        &[("district", "hoerde")],
    )
    .await;
    // Elsewhere nothing changed.
    let elsewhere = at(
        &app,
        "street-lighting",
        51.5120,
        7.4480,
        &[("district", "innenstadt-west")],
    )
    .await;
    let dept = login(&app, "dortmund", Role::Department).await;
    let kod = login(&app, "dortmund", Role::Kod).await;
    let inbox = app.url("/dortmund/staff/reports?show=all");
    let d = get(&dept, &inbox).await.1;
    assert!(d.contains(&before.id) && d.contains(&elsewhere.id));
    assert!(!d.contains(&moved.id));
    let k = get(&kod, &inbox).await.1;
    assert!(k.contains(&moved.id));
    assert!(!k.contains(&before.id) && !k.contains(&elsewhere.id));
    // The change is in the audit log.
    let db = app.raw_db().await;
    let mut conn = db.read().await.unwrap();
    let n = vertrauensnetz::on_db!(conn, c => sqlx::query_as::<_, (i64,)>(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'report.routing'")
        .fetch_one(c).await)
    .unwrap()
    .0;
    assert_eq!(n, 1);
    app.server.stop().await;
}

/// The `.eml` files the sender wrote for `to`, waiting up to 10 s for at
/// least `n` of them.
async fn sent_to(app: &TestApp, to: &str, n: usize) -> Vec<String> {
    let dir = app.data_dir.join("mail");
    let mut found = Vec::new();
    for _ in 0..50 {
        found = std::fs::read_dir(&dir)
            .map(|d| {
                d.filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
                    .map(|m| m.replace("\r\n ", " "))
                    .filter(|m| m.contains(&format!("To: {to}")))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        if found.len() >= n {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    found
}

/// One resident follows a report, another its district (both confirmed).
async fn follow(app: &TestApp, report: &str, follower: &str, neighbour: &str, district: &str) {
    let c = client();
    let token = csrf_token(&c, &app.url("/dortmund/reports")).await;
    let res = post_form(
        &c,
        &app.url(&format!("/dortmund/reports/view/{report}/subscribe")),
        &token,
        &[("email", follower)],
    )
    .await;
    assert_eq!(res.status(), 200);
    let res = post_form(
        &c,
        &app.url("/dortmund/reports/subscribe"),
        &token,
        &[("email", neighbour), ("district", district)],
    )
    .await;
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn every_subscription_mail_can_be_unsubscribed_with_one_click() {
    let app = TestApp::spawn().await;
    let db = app.raw_db().await;
    let r = at(
        &app,
        "graffiti",
        HOERDE.0,
        HOERDE.1,
        &[("district", "hoerde")],
    )
    .await;
    // One resident follows the report, another the district.
    follow(
        &app,
        &r.id,
        "folgt@example.org",
        "bezirk@example.org",
        "hoerde",
    )
    .await;
    // A status change mails both, each with their own link.
    let dept = login(&app, "dortmund", Role::Department).await;
    let page = get(
        &dept,
        &app.url(&format!("/dortmund/staff/reports/{}", r.id)),
    )
    .await
    .1;
    let staff_token = csrf_in(&page);
    let change = |status: &'static str| {
        let dept = dept.clone();
        let staff_token = staff_token.clone();
        let url = app.url(&format!("/dortmund/staff/reports/{}/status", r.id));
        async move {
            post_form(
                &dept,
                &url,
                &staff_token,
                &[("status", status), ("text", "Wir sind dran.")],
            )
            .await
            .status()
        }
    };
    assert_eq!(change("acknowledged").await, 200);
    let link_re =
        regex_lite::Regex::new(r"(http://[^\s>]+/dortmund/reports/unsubscribe/([A-Za-z0-9_-]+))")
            .unwrap();
    let mails = outbox(&db).await;
    let mut links = Vec::new();
    for to in ["folgt@example.org", "bezirk@example.org"] {
        let mine: Vec<_> = mails.iter().filter(|m| m.0 == to).collect();
        // The confirmation and the status mail, each with a link.
        assert_eq!(mine.len(), 2, "{mine:?}");
        for m in &mine {
            assert!(m.2.contains("/dortmund/reports/unsubscribe/"), "{}", m.2);
        }
        let status_mail = mine
            .iter()
            .find(|m| m.2.contains("Wir sind dran."))
            .unwrap();
        links.push(link_re.captures(&status_mail.2).unwrap()[1].to_owned());
        // The sent message carries the RFC 8058 headers with that link.
        let eml = sent_to(&app, to, 2).await;
        assert_eq!(eml.len(), 2, "{to}");
        for m in &eml {
            assert!(
                m.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"),
                "{m}"
            );
            assert!(m.contains("List-Unsubscribe: <http://"), "{m}");
        }
        let header = format!("List-Unsubscribe: <{}>", links.last().unwrap());
        assert!(eml.iter().any(|m| m.contains(&header)), "{header}");
    }
    // The link asks first (no JavaScript needed) …
    let (s, html) = get(&client(), &links[0]).await;
    assert_eq!(s, 200);
    assert!(html.contains(&format!(
        "action=\"{}\"",
        links[0]
            .split_once("/dortmund")
            .map(|(_, p)| format!("/dortmund{p}"))
            .unwrap()
    )));
    // … and a mail provider's one-click POST (no cookie, no form token) ends it.
    let one_click = |url: String| async move {
        reqwest::Client::new()
            .post(url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body("List-Unsubscribe=One-Click")
            .send()
            .await
            .unwrap()
            .status()
    };
    assert_eq!(one_click(links[0].clone()).await, 200);
    // A second POST is harmless.
    assert_eq!(one_click(links[0].clone()).await, 200);
    // A wrong token is 404, for the page and the POST.
    let wrong =
        app.url("/dortmund/reports/unsubscribe/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    assert_eq!(get(&client(), &wrong).await.0, 404);
    assert_eq!(one_click(wrong).await, 404);
    // The browser form works too (the district subscription).
    let c2 = client();
    let html = get(&c2, &links[1]).await.1;
    let t2 = csrf_in(&html);
    assert_eq!(post_form(&c2, &links[1], &t2, &[]).await.status(), 200);
    let mut conn = db.read().await.unwrap();
    let left = vertrauensnetz::on_db!(conn, c => sqlx::query_as::<_, (i64,)>(
        "SELECT COUNT(*) FROM report_subscriptions").fetch_one(c).await)
    .unwrap()
    .0;
    assert_eq!(left, 0);
    drop(conn);
    // Nobody is mailed about the next change.
    assert_eq!(change("in_progress").await, 200);
    let after = outbox(&db).await;
    assert_eq!(after.len(), mails.len());
    app.server.stop().await;
}

#[tokio::test]
async fn lab_import_errors_are_in_the_users_language() {
    let app = TestApp::spawn().await;
    let coord = login(&app, "dortmund", Role::Coordinator).await;
    let page = get(&coord, &app.url("/dortmund/staff/report-import"))
        .await
        .1;
    let token = csrf_in(&page);
    let send = |body: Vec<u8>, lang: &'static str| {
        let form = Form::new()
            .text("csrf", token.clone())
            .part("file", Part::bytes(body).file_name("lab.csv"));
        coord
            .post(app.url(&format!("/dortmund/staff/report-import?lang={lang}")))
            .header("sec-fetch-site", "same-origin")
            .multipart(form)
            .send()
    };
    let latin1 = b"lat,lon,description\n51.517,7.459,Stra\xdfe\n".to_vec();
    let res = send(latin1.clone(), "de").await.unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("Die Datei ist kein Text in UTF-8."), "{html}");
    let res = send(latin1, "en").await.unwrap();
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("The file is not UTF-8 text."));
    let res = send(b"lat,lon,time_of_day\n51.517,7.459,noon\n".to_vec(), "de")
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("Eintrag 2: Die Tageszeit „noon“ ist unbekannt"),
        "{html}"
    );
    assert_eq!(count_reports(&app.raw_db().await).await, 0);
    app.server.stop().await;
}

#[tokio::test]
async fn a_tile_server_is_validated_and_widens_only_the_list_pages_csp() {
    let app = TestApp::spawn().await;
    let url = app.url("/dortmund/admin/report-map");
    let coord = login(&app, "dortmund", Role::Coordinator).await;
    assert_eq!(get(&coord, &url).await.0, 403);
    let admin = login(&app, "dortmund", Role::Admin).await;
    let (s, html) = get(&admin, &url).await;
    assert_eq!(s, 200);
    let token = csrf_in(&html);
    let csp = |c: reqwest::Client, path: &'static str| {
        let u = app.url(path);
        async move {
            let r = c.get(u).send().await.unwrap();
            let h = r.headers()["content-security-policy"]
                .to_str()
                .unwrap()
                .to_owned();
            (h, r.text().await.unwrap())
        }
    };
    let default_csp = vertrauensnetz::platform::web::headers::CSP;
    // Refused, in German, nothing stored.
    for (tile, attribution, message) in [
        ("https://kacheln.example.org/karte.png", "© Stadt", "{z}"),
        (
            "https://kacheln.example.org; script-src *; x/{z}/{x}/{y}.png",
            "© Stadt",
            "http:// oder https://",
        ),
        (
            "ftp://kacheln.example.org/{z}/{x}/{y}.png",
            "© Stadt",
            "http:// oder https://",
        ),
        (
            "https://kacheln.example.org/{z}/{x}/{y}.png",
            "",
            "Quellenangabe",
        ),
    ] {
        let res = post_form(
            &admin,
            &url,
            &token,
            &[("tile_url", tile), ("attribution", attribution)],
        )
        .await;
        assert_eq!(res.status(), 422, "{tile}");
        let body = res.text().await.unwrap();
        assert!(body.contains(message), "{tile}: {body}");
    }
    let (h, body) = csp(client(), "/dortmund/reports").await;
    assert_eq!(h, default_csp);
    assert!(!body.contains("tile-map"));
    // Set: the list page allows that origin's images and carries the map.
    let res = post_form(
        &admin,
        &url,
        &token,
        &[
            (
                "tile_url",
                "https://Kacheln.example.org:8443/osm/{z}/{x}/{y}.png",
            ),
            ("attribution", "© OpenStreetMap-Mitwirkende"),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);
    let (h, body) = csp(client(), "/dortmund/reports").await;
    assert!(
        h.contains("img-src 'self' data: https://kacheln.example.org:8443;"),
        "{h}"
    );
    assert_eq!(
        h.replace(" https://kacheln.example.org:8443", ""),
        default_csp
    );
    assert!(body.contains("id=\"tile-map\"") && body.contains("/assets/leaflet."));
    // Other pages and the other tenant keep the platform's policy.
    assert_eq!(csp(client(), "/dortmund/reports/new").await.0, default_csp);
    let (h, body) = csp(client(), "/luenen/reports").await;
    assert_eq!(h, default_csp);
    assert!(!body.contains("tile-map"));
    // Audited.
    let db = app.raw_db().await;
    let mut conn = db.read().await.unwrap();
    let n = vertrauensnetz::on_db!(conn, c => sqlx::query_as::<_, (i64,)>(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'report.map_settings'")
        .fetch_one(c).await)
    .unwrap()
    .0;
    assert_eq!(n, 1);
    drop(conn);
    // An empty address removes it again.
    let res = post_form(
        &admin,
        &url,
        &token,
        &[("tile_url", ""), ("attribution", "")],
    )
    .await;
    assert_eq!(res.status(), 200);
    let (h, body) = csp(client(), "/dortmund/reports").await;
    assert_eq!(h, default_csp);
    assert!(!body.contains("tile-map"));
    app.server.stop().await;
}

async fn scalar(db: &Db, sql: &str) -> i64 {
    let mut conn = db.read().await.unwrap();
    vertrauensnetz::on_db!(conn, c => sqlx::query_as::<_, (i64,)>(sql).fetch_one(c).await)
        .unwrap()
        .0
}

#[tokio::test]
async fn contact_data_and_subscriptions_end_90_days_after_closing() {
    use vertrauensnetz::platform::db::Timestamp;
    use vertrauensnetz::reports::store::purge;
    let app = TestApp::spawn().await;
    let db = app.raw_db().await;
    let c = client();
    // Two reports with the reporter's name and e-mail; one is closed, the
    // other stays open. A resident follows the closed one, another the
    // district.
    let mut ids = Vec::new();
    for text in ["Schlagloch", "Noch ein Schlagloch"] {
        let r = pothole_in_eving(
            &app,
            &c,
            &[
                ("description", text),
                ("name", "Erika Muster"),
                ("email", "melderin@example.org"),
            ],
        )
        .await;
        ids.push(r.id);
    }
    follow(
        &app,
        &ids[0],
        "folgt@example.org",
        "bezirk@example.org",
        "eving",
    )
    .await;
    let dept = login(&app, "dortmund", Role::Department).await;
    let page = get(
        &dept,
        &app.url(&format!("/dortmund/staff/reports/{}", ids[0])),
    )
    .await
    .1;
    let res = post_form(
        &dept,
        &app.url(&format!("/dortmund/staff/reports/{}/status", ids[0])),
        &csrf_in(&page),
        &[("status", "fixed"), ("text", "Verfüllt.")],
    )
    .await;
    assert_eq!(res.status(), 200);
    let contacts = "SELECT COUNT(*) FROM reports WHERE reporter_email IS NOT NULL OR reporter_name IS NOT NULL";
    let subscriptions = "SELECT COUNT(*) FROM report_subscriptions";
    let tokens = "SELECT COUNT(*) FROM report_unsubscribe_tokens";
    assert_eq!(scalar(&db, contacts).await, 2);
    assert_eq!(scalar(&db, subscriptions).await, 2);
    let issued = scalar(&db, tokens).await;
    assert!(issued >= 3, "confirmations and status mails: {issued}");
    let now = app.clock.now_ts();
    let days = |d: i64| Timestamp::truncated(now.0 + chrono::Duration::days(d));
    // Within the 90 days nothing goes.
    let p = purge(&db, days(89)).await.unwrap();
    assert_eq!(
        (p.contacts, p.subscriptions, p.unsubscribe_tokens),
        (0, 0, 0)
    );
    // After them the closed report's contact data and its follower go; the
    // open report and the district subscription stay.
    let p = purge(&db, days(91)).await.unwrap();
    assert_eq!((p.contacts, p.subscriptions), (1, 1));
    assert_eq!(scalar(&db, contacts).await, 1);
    assert_eq!(scalar(&db, subscriptions).await, 1);
    let district_left = scalar(
        &db,
        "SELECT COUNT(*) FROM report_subscriptions WHERE report_id IS NULL AND district_code = 'eving'",
    )
    .await;
    assert_eq!(district_left, 1);
    // The ended subscription's unsubscribe tokens go on the next run; the
    // district subscriber's stay.
    let p = purge(&db, days(91)).await.unwrap();
    assert_eq!((p.contacts, p.subscriptions), (0, 0));
    assert!(p.unsubscribe_tokens >= 1);
    let left = scalar(&db, tokens).await;
    assert_eq!(left + i64::try_from(p.unsubscribe_tokens).unwrap(), issued);
    assert!(left >= 1, "the district subscriber's links still work");
    // The closed report is still there, without its reporter's data.
    let coord = login(&app, "dortmund", Role::Coordinator).await;
    let (status, html) = get(
        &coord,
        &app.url(&format!("/dortmund/staff/reports/{}", ids[0])),
    )
    .await;
    assert_eq!(status, 200);
    assert!(!html.contains("melderin@example.org"));
    assert!(!html.contains("Erika Muster"));
    app.server.stop().await;
}
