//! Reads a CAP 1.2 document from elsewhere and checks it against the schema's
//! structure (element names, order, counts, vocabularies, timestamp pattern)
//! and the specification's §3 rules. Every problem is reported with where it
//! is, so a person can tell the sender what is wrong.

use crate::model::*;
use crate::validate::{check_token, problems, Problem, Problems};
use chrono::DateTime;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::str::FromStr;

/// Documents larger than this are refused before parsing.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;
const MAX_DEPTH: usize = 12;
const MAX_ELEMENTS: usize = 50_000;

struct Node {
    prefix: Option<String>,
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
    text: String,
}

fn doc_problem(message: impl Into<String>) -> Problems {
    Problems(vec![Problem::new("document", message)])
}

fn parse_tree(xml: &str) -> Result<Node, Problems> {
    if xml.len() > MAX_BYTES {
        return Err(doc_problem(format!("is larger than {} bytes", MAX_BYTES)));
    }
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    let mut stack: Vec<Node> = Vec::new();
    let mut root: Option<Node> = None;
    let mut count = 0usize;
    loop {
        let pos = reader.buffer_position();
        let ev = reader
            .read_event()
            .map_err(|e| doc_problem(format!("is not well-formed XML near byte {pos}: {e}")))?;
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => {
                count += 1;
                if stack.len() >= MAX_DEPTH || count > MAX_ELEMENTS {
                    return Err(doc_problem("is nested too deeply or has too many elements"));
                }
                if root.is_some() {
                    return Err(doc_problem("has content after the root element"));
                }
                let qname = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                let (prefix, name) = match qname.split_once(':') {
                    Some((p, n)) => (Some(p.to_string()), n.to_string()),
                    None => (None, qname),
                };
                let mut attrs = Vec::new();
                for a in e.attributes() {
                    let a = a.map_err(|e| doc_problem(format!("has a broken attribute: {e}")))?;
                    let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
                    let value = a
                        .decoded_and_normalized_value(
                            quick_xml::XmlVersion::default(),
                            reader.decoder(),
                        )
                        .map_err(|e| doc_problem(format!("has a broken attribute: {e}")))?
                        .into_owned();
                    attrs.push((key, value));
                }
                let node = Node {
                    prefix,
                    name,
                    attrs,
                    children: Vec::new(),
                    text: String::new(),
                };
                if matches!(ev, Event::Start(_)) {
                    stack.push(node);
                } else {
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(node),
                        None => root = Some(node),
                    }
                }
            }
            Event::End(_) => {
                let Some(node) = stack.pop() else {
                    return Err(doc_problem("closes an element that was never opened"));
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None => root = Some(node),
                }
            }
            Event::Text(t) => {
                let s = t
                    .xml10_content()
                    .map_err(|e| doc_problem(format!("has text that is not UTF-8: {e}")))?;
                match stack.last_mut() {
                    Some(n) => n.text.push_str(&s),
                    None if s.trim().is_empty() => {}
                    None => return Err(doc_problem("has text outside the root element")),
                }
            }
            Event::CData(t) => {
                let s = t
                    .decode()
                    .map_err(|e| doc_problem(format!("has text that is not UTF-8: {e}")))?;
                if let Some(n) = stack.last_mut() {
                    n.text.push_str(&s);
                }
            }
            Event::GeneralRef(r) => {
                let resolved = if r.is_char_ref() {
                    r.resolve_char_ref().ok().flatten().map(|c| c.to_string())
                } else {
                    r.decode()
                        .ok()
                        .and_then(|name| quick_xml::escape::resolve_predefined_entity(&name))
                        .map(str::to_string)
                };
                let Some(s) = resolved else {
                    return Err(doc_problem(format!(
                        "uses an unknown entity &{};",
                        String::from_utf8_lossy(&r)
                    )));
                };
                if let Some(n) = stack.last_mut() {
                    n.text.push_str(&s);
                }
            }
            Event::DocType(_) => {
                return Err(doc_problem(
                    "has a document type declaration, which CAP does not use",
                ))
            }
            Event::Decl(_) | Event::Comment(_) | Event::PI(_) => {}
            Event::Eof => break,
        }
    }
    if !stack.is_empty() {
        return Err(doc_problem("ends before all elements are closed"));
    }
    root.ok_or_else(|| doc_problem("is empty"))
}

/// Reads the children of one element in the schema's order.
struct Seq<'a, 'o> {
    path: String,
    children: Vec<&'a Node>,
    pos: usize,
    out: &'o mut Vec<Problem>,
}

impl<'a, 'o> Seq<'a, 'o> {
    fn new(path: String, node: &'a Node, out: &'o mut Vec<Problem>) -> Seq<'a, 'o> {
        // Elements from other namespaces (e.g. a signature) are allowed at the
        // end of `alert` by the schema; they carry a different prefix.
        let children = node
            .children
            .iter()
            .filter(|c| c.prefix == node.prefix)
            .collect();
        Seq {
            path,
            children,
            pos: 0,
            out,
        }
    }

    fn sub(&self, name: &str) -> String {
        format!("{}/{name}", self.path)
    }

    /// All consecutive elements named `name` at the current position.
    fn many(&mut self, name: &str) -> Vec<&'a Node> {
        let mut found = Vec::new();
        while let Some(c) = self.children.get(self.pos) {
            if c.name != name {
                break;
            }
            found.push(*c);
            self.pos += 1;
        }
        found
    }

    fn optional(&mut self, name: &str) -> Option<&'a Node> {
        let found = self.many(name);
        if found.len() > 1 {
            let p = self.sub(name);
            self.out.push(Problem::new(
                p,
                "appears more than once; it may appear only once",
            ));
        }
        found.into_iter().next()
    }

    fn required(&mut self, name: &str) -> Option<&'a Node> {
        let found = self.optional(name);
        if found.is_none() {
            let p = self.sub(name);
            let msg = match self.children.get(self.pos) {
                Some(next)
                    if self.children[..self.pos].iter().all(|c| c.name != name)
                        && self.children.iter().any(|c| c.name == name) =>
                {
                    format!("is out of order: it must come before {}", next.name)
                }
                _ => "is missing".to_string(),
            };
            self.out.push(Problem::new(p, msg));
        }
        found
    }

    fn opt_text(&mut self, name: &str) -> Option<String> {
        self.optional(name).map(|n| n.text.trim().to_string())
    }

    fn req_text(&mut self, name: &str) -> String {
        self.required(name)
            .map(|n| n.text.trim().to_string())
            .unwrap_or_default()
    }

    fn vocab<T: FromStr<Err = String>>(&mut self, name: &str) -> Option<T> {
        let node = self.required(name)?;
        let p = self.sub(name);
        match node.text.trim().parse() {
            Ok(v) => Some(v),
            Err(e) => {
                self.out.push(Problem::new(p, e));
                None
            }
        }
    }

    fn timestamp(&mut self, node: Option<&Node>, name: &str) -> Option<Timestamp> {
        let node = node?;
        let p = self.sub(name);
        match parse_timestamp(node.text.trim()) {
            Ok(t) => Some(t),
            Err(e) => {
                self.out.push(Problem::new(p, e));
                None
            }
        }
    }

    fn pairs(&mut self, name: &str) -> Vec<ValuePair> {
        let nodes = self.many(name);
        let mut values = Vec::new();
        for (i, node) in nodes.into_iter().enumerate() {
            let mut s = Seq::new(format!("{}[{}]", self.sub(name), i + 1), node, self.out);
            let n = s.req_text("valueName");
            let v = s.req_text("value");
            s.finish();
            values.push(ValuePair::new(n, v));
        }
        values
    }

    /// Reports elements left over: unknown or out of order.
    fn finish(self) {
        if let Some(c) = self.children.get(self.pos) {
            self.out.push(Problem::new(
                format!("{}/{}", self.path, c.name),
                "is not expected here (unknown element, or out of the schema's order)",
            ));
        }
    }
}

/// `YYYY-MM-DDThh:mm:ss±hh:mm`, as the schema's pattern and §3.3.2 demand.
pub fn parse_timestamp(s: &str) -> Result<Timestamp, String> {
    let b = s.as_bytes();
    if s.ends_with('Z') || s.ends_with('z') {
        return Err(format!(
            "the time \"{s}\" ends in Z; CAP requires a numeric offset such as +01:00 or -00:00"
        ));
    }
    let shape_ok = b.len() == 25
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 | 16 | 22 => *c == b':',
            19 => *c == b'+' || *c == b'-',
            _ => c.is_ascii_digit(),
        });
    if !shape_ok {
        return Err(format!(
            "the time \"{s}\" is not in the form 2026-07-01T14:00:00+02:00 (seconds and a numeric offset, no fractions)"
        ));
    }
    DateTime::parse_from_rfc3339(s)
        .map_err(|e| format!("the time \"{s}\" is not a valid date: {e}"))
}

fn parse_references(path: &str, s: &str, out: &mut Vec<Problem>) -> Vec<Reference> {
    let mut refs = Vec::new();
    for (i, item) in s.split_whitespace().enumerate() {
        let p = format!("{path}[{}]", i + 1);
        let parts: Vec<&str> = item.split(',').collect();
        let [sender, identifier, sent] = parts[..] else {
            out.push(Problem::new(
                p,
                format!("\"{item}\" is not of the form sender,identifier,sent"),
            ));
            continue;
        };
        match parse_timestamp(sent) {
            Ok(sent) => refs.push(Reference {
                sender: sender.to_string(),
                identifier: identifier.to_string(),
                sent,
            }),
            Err(e) => out.push(Problem::new(p, e)),
        }
    }
    refs
}

fn parse_area(path: String, node: &Node, out: &mut Vec<Problem>) -> Area {
    let mut s = Seq::new(path, node, out);
    let description = s.req_text("areaDesc");
    let mut area = Area {
        description,
        ..Area::default()
    };
    for (i, n) in s.many("polygon").into_iter().enumerate() {
        match n.text.parse::<Polygon>() {
            Ok(p) => area.polygons.push(p),
            Err(e) => {
                let p = format!("{}[{}]", s.sub("polygon"), i + 1);
                s.out.push(Problem::new(p, e))
            }
        }
    }
    for (i, n) in s.many("circle").into_iter().enumerate() {
        match n.text.parse::<Circle>() {
            Ok(c) => area.circles.push(c),
            Err(e) => {
                let p = format!("{}[{}]", s.sub("circle"), i + 1);
                s.out.push(Problem::new(p, e))
            }
        }
    }
    area.geocodes = s.pairs("geocode");
    for name in ["altitude", "ceiling"] {
        if let Some(n) = s.optional(name) {
            match n.text.trim().parse::<f64>() {
                Ok(v) if v.is_finite() => {
                    if name == "altitude" {
                        area.altitude = Some(v)
                    } else {
                        area.ceiling = Some(v)
                    }
                }
                _ => {
                    let p = s.sub(name);
                    s.out.push(Problem::new(p, "is not a decimal number"))
                }
            }
        }
    }
    s.finish();
    area
}

fn parse_resource(path: String, node: &Node, out: &mut Vec<Problem>) -> Resource {
    let mut s = Seq::new(path, node, out);
    let description = s.req_text("resourceDesc");
    let mime_type = s.req_text("mimeType");
    let size = match s.opt_text("size") {
        Some(t) => match t.parse() {
            Ok(v) => Some(v),
            Err(_) => {
                let p = s.sub("size");
                s.out.push(Problem::new(p, "is not a whole number"));
                None
            }
        },
        None => None,
    };
    let uri = s.opt_text("uri");
    let _ = s.opt_text("derefUri");
    let digest = s.opt_text("digest");
    s.finish();
    Resource {
        description,
        mime_type,
        size,
        uri,
        digest,
    }
}

fn parse_info(path: String, node: &Node, out: &mut Vec<Problem>) -> Option<Info> {
    let mut s = Seq::new(path, node, out);
    // Absent language means en-US (schema default).
    let language = s.opt_text("language").unwrap_or_else(|| "en-US".into());
    let mut categories = Vec::new();
    let cats = s.many("category");
    if cats.is_empty() {
        let p = s.sub("category");
        s.out.push(Problem::new(p, "is missing"));
    }
    for n in cats {
        match n.text.trim().parse() {
            Ok(c) => categories.push(c),
            Err(e) => {
                let p = s.sub("category");
                s.out.push(Problem::new(p, e))
            }
        }
    }
    let event = s.req_text("event");
    let mut response_types = Vec::new();
    for n in s.many("responseType") {
        match n.text.trim().parse() {
            Ok(c) => response_types.push(c),
            Err(e) => {
                let p = s.sub("responseType");
                s.out.push(Problem::new(p, e))
            }
        }
    }
    let urgency = s.vocab::<Urgency>("urgency");
    let severity = s.vocab::<Severity>("severity");
    let certainty = s.vocab::<Certainty>("certainty");
    let audience = s.opt_text("audience");
    let event_codes = s.pairs("eventCode");
    let n = s.optional("effective");
    let effective = s.timestamp(n, "effective");
    let n = s.optional("onset");
    let onset = s.timestamp(n, "onset");
    let n = s.optional("expires");
    let expires = s.timestamp(n, "expires");
    let sender_name = s.opt_text("senderName");
    let headline = s.opt_text("headline");
    let description = s.opt_text("description");
    let instruction = s.opt_text("instruction");
    let web = s.opt_text("web");
    let contact = s.opt_text("contact");
    let parameters = s.pairs("parameter");
    let base = s.path.clone();
    let resource_nodes = s.many("resource");
    let area_nodes = s.many("area");
    s.finish();
    let resources = resource_nodes
        .into_iter()
        .enumerate()
        .map(|(i, n)| parse_resource(format!("{base}/resource[{}]", i + 1), n, out))
        .collect();
    let areas = area_nodes
        .into_iter()
        .enumerate()
        .map(|(i, n)| parse_area(format!("{base}/area[{}]", i + 1), n, out))
        .collect();
    Some(Info {
        language,
        categories,
        event,
        response_types,
        urgency: urgency?,
        severity: severity?,
        certainty: certainty?,
        audience,
        event_codes,
        effective,
        onset,
        expires,
        sender_name,
        headline,
        description,
        instruction,
        web,
        contact,
        parameters,
        resources,
        areas,
    })
}

/// Parses and checks a CAP 1.2 document.
pub fn parse(xml: &str) -> Result<Alert, Problems> {
    let root = parse_tree(xml)?;
    if root.name != "alert" {
        return Err(doc_problem(format!(
            "the root element is <{}>, not <alert>",
            root.name
        )));
    }
    let ns_attr = match &root.prefix {
        Some(p) => format!("xmlns:{p}"),
        None => "xmlns".to_string(),
    };
    let ns = root
        .attrs
        .iter()
        .find(|(k, _)| *k == ns_attr)
        .map(|(_, v)| v.as_str());
    if ns != Some(NAMESPACE) {
        return Err(doc_problem(format!(
            "is not a CAP 1.2 message: the namespace is {}, not {NAMESPACE}",
            ns.map(|n| format!("\"{n}\""))
                .unwrap_or_else(|| "missing".into())
        )));
    }
    let mut out = Vec::new();
    let mut s = Seq::new("alert".into(), &root, &mut out);
    let identifier = s.req_text("identifier");
    let sender = s.req_text("sender");
    let n = s.required("sent");
    let sent = s.timestamp(n, "sent");
    let status = s.vocab::<Status>("status");
    let msg_type = s.vocab::<MsgType>("msgType");
    let source = s.opt_text("source");
    let scope = s.vocab::<Scope>("scope");
    let restriction = s.opt_text("restriction");
    let addresses = s.opt_text("addresses");
    let codes = s
        .many("code")
        .iter()
        .map(|n| n.text.trim().to_string())
        .collect();
    let note = s.opt_text("note");
    let references_text = s.opt_text("references");
    let incidents = s.opt_text("incidents");
    let info_nodes = s.many("info");
    s.finish();
    let references = references_text
        .map(|t| parse_references("alert/references", &t, &mut out))
        .unwrap_or_default();
    let infos: Vec<Info> = info_nodes
        .into_iter()
        .enumerate()
        .filter_map(|(i, n)| parse_info(format!("alert/info[{}]", i + 1), n, &mut out))
        .collect();
    if !out.is_empty() {
        check_token("alert/identifier", &identifier, &mut out);
        check_token("alert/sender", &sender, &mut out);
    }
    match (sent, status, msg_type, scope, out.is_empty()) {
        (Some(sent), Some(status), Some(msg_type), Some(scope), true) => {
            let alert = Alert {
                identifier,
                sender,
                sent,
                status,
                msg_type,
                source,
                scope,
                restriction,
                addresses,
                codes,
                note,
                references,
                incidents,
                infos,
            };
            let more: Vec<Problem> = problems(&alert)
                .into_iter()
                .map(|p| Problem::new(format!("alert/{}", p.path), p.message))
                .collect();
            if more.is_empty() {
                Ok(alert)
            } else {
                Err(Problems(more))
            }
        }
        _ => {
            if out.is_empty() {
                out.push(Problem::new("alert", "is incomplete"));
            }
            Err(Problems(out))
        }
    }
}
