//! Writes a message as CAP 1.2 XML, in the schema's element order. A message
//! with problems is refused, so every document written here is valid.

use crate::format_timestamp;
use crate::model::{Alert, Area, Info, Resource, ValuePair, NAMESPACE};
use crate::validate::{problems, Problems};
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

type W = Writer<Vec<u8>>;

fn io(e: std::io::Error) -> Problems {
    Problems(vec![crate::Problem::new("document", e.to_string())])
}

fn text(w: &mut W, name: &str, value: &str) -> std::io::Result<()> {
    w.write_event(Event::Start(BytesStart::new(name)))?;
    w.write_event(Event::Text(BytesText::new(value)))?;
    w.write_event(Event::End(BytesEnd::new(name)))
}

fn opt(w: &mut W, name: &str, value: &Option<String>) -> std::io::Result<()> {
    match value {
        Some(v) => text(w, name, v),
        None => Ok(()),
    }
}

fn open(w: &mut W, name: &str) -> std::io::Result<()> {
    w.write_event(Event::Start(BytesStart::new(name)))
}

fn close(w: &mut W, name: &str) -> std::io::Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))
}

fn pairs(w: &mut W, name: &str, values: &[ValuePair]) -> std::io::Result<()> {
    for p in values {
        open(w, name)?;
        text(w, "valueName", &p.name)?;
        text(w, "value", &p.value)?;
        close(w, name)?;
    }
    Ok(())
}

/// The message as an XML document (UTF-8, indented), or its problems.
pub fn to_xml(alert: &Alert) -> Result<String, Problems> {
    let found = problems(alert);
    if !found.is_empty() {
        return Err(Problems(found));
    }
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    write_alert(&mut w, alert).map_err(io)?;
    String::from_utf8(w.into_inner())
        .map_err(|e| Problems(vec![crate::Problem::new("document", e.to_string())]))
}

fn write_alert(w: &mut W, a: &Alert) -> std::io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::Start(
        BytesStart::new("alert").with_attributes([("xmlns", NAMESPACE)]),
    ))?;
    text(w, "identifier", &a.identifier)?;
    text(w, "sender", &a.sender)?;
    text(w, "sent", &format_timestamp(&a.sent))?;
    text(w, "status", a.status.as_str())?;
    text(w, "msgType", a.msg_type.as_str())?;
    opt(w, "source", &a.source)?;
    text(w, "scope", a.scope.as_str())?;
    opt(w, "restriction", &a.restriction)?;
    opt(w, "addresses", &a.addresses)?;
    for c in &a.codes {
        text(w, "code", c)?;
    }
    opt(w, "note", &a.note)?;
    if !a.references.is_empty() {
        let refs: Vec<String> = a.references.iter().map(|r| r.to_string()).collect();
        text(w, "references", &refs.join(" "))?;
    }
    opt(w, "incidents", &a.incidents)?;
    for info in &a.infos {
        write_info(w, info)?;
    }
    close(w, "alert")
}

fn write_info(w: &mut W, i: &Info) -> std::io::Result<()> {
    open(w, "info")?;
    text(w, "language", &i.language)?;
    for c in &i.categories {
        text(w, "category", c.as_str())?;
    }
    text(w, "event", &i.event)?;
    for r in &i.response_types {
        text(w, "responseType", r.as_str())?;
    }
    text(w, "urgency", i.urgency.as_str())?;
    text(w, "severity", i.severity.as_str())?;
    text(w, "certainty", i.certainty.as_str())?;
    opt(w, "audience", &i.audience)?;
    pairs(w, "eventCode", &i.event_codes)?;
    for (name, t) in [
        ("effective", i.effective),
        ("onset", i.onset),
        ("expires", i.expires),
    ] {
        if let Some(t) = t {
            text(w, name, &format_timestamp(&t))?;
        }
    }
    opt(w, "senderName", &i.sender_name)?;
    opt(w, "headline", &i.headline)?;
    opt(w, "description", &i.description)?;
    opt(w, "instruction", &i.instruction)?;
    opt(w, "web", &i.web)?;
    opt(w, "contact", &i.contact)?;
    pairs(w, "parameter", &i.parameters)?;
    for r in &i.resources {
        write_resource(w, r)?;
    }
    for a in &i.areas {
        write_area(w, a)?;
    }
    close(w, "info")
}

fn write_resource(w: &mut W, r: &Resource) -> std::io::Result<()> {
    open(w, "resource")?;
    text(w, "resourceDesc", &r.description)?;
    text(w, "mimeType", &r.mime_type)?;
    if let Some(size) = r.size {
        text(w, "size", &size.to_string())?;
    }
    opt(w, "uri", &r.uri)?;
    opt(w, "digest", &r.digest)?;
    close(w, "resource")
}

fn write_area(w: &mut W, a: &Area) -> std::io::Result<()> {
    open(w, "area")?;
    text(w, "areaDesc", &a.description)?;
    for p in &a.polygons {
        text(w, "polygon", &p.to_string())?;
    }
    for c in &a.circles {
        text(w, "circle", &c.to_string())?;
    }
    pairs(w, "geocode", &a.geocodes)?;
    if let Some(alt) = a.altitude {
        text(w, "altitude", &alt.to_string())?;
    }
    if let Some(ceil) = a.ceiling {
        text(w, "ceiling", &ceil.to_string())?;
    }
    close(w, "area")
}
