//! The rules of the CAP 1.2 specification (§3) that span fields or that the
//! OASIS schema does not check. The writer refuses a message with problems,
//! so every document it produces passes them; the reader applies them to
//! documents from elsewhere.

use crate::model::{Alert, Info, MsgType, Scope};
use std::fmt;

/// One thing wrong with a message: where (`info[2]/area[1]/polygon[1]`) and
/// what, in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// All problems of a message (never empty).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

/// §3.2.1: identifier and sender "MUST NOT include spaces, commas or
/// restricted characters (< and &)".
pub fn check_token(path: &str, value: &str, out: &mut Vec<Problem>) {
    if value.is_empty() {
        out.push(Problem::new(path, "is empty"));
        return;
    }
    if let Some(c) = value
        .chars()
        .find(|c| c.is_whitespace() || matches!(c, ',' | '<' | '&'))
    {
        let shown = match c {
            ' ' => "a space".to_string(),
            c if c.is_whitespace() => "white space".to_string(),
            c => format!("\"{c}\""),
        };
        out.push(Problem::new(
            path,
            format!("\"{value}\" contains {shown}; spaces, commas, < and & are not allowed"),
        ));
    }
}

/// Characters XML 1.0 cannot carry at all.
fn check_text(path: &str, value: &str, out: &mut Vec<Problem>) {
    if let Some(c) = value.chars().find(|c| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    }) {
        out.push(Problem::new(
            path,
            format!(
                "contains the character U+{:04X}, which XML cannot carry",
                c as u32
            ),
        ));
    }
}

fn check_opt_text(path: &str, value: &Option<String>, out: &mut Vec<Problem>) {
    if let Some(v) = value {
        check_text(path, v, out);
    }
}

/// RFC 3066 / xs:language: `[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*`.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    first_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Every problem of `alert`; empty when it may be written.
pub fn problems(alert: &Alert) -> Vec<Problem> {
    let mut out = Vec::new();
    check_token("identifier", &alert.identifier, &mut out);
    check_token("sender", &alert.sender, &mut out);
    check_opt_text("source", &alert.source, &mut out);
    check_opt_text("note", &alert.note, &mut out);
    check_opt_text("incidents", &alert.incidents, &mut out);
    check_opt_text("addresses", &alert.addresses, &mut out);
    check_opt_text("restriction", &alert.restriction, &mut out);
    for (i, code) in alert.codes.iter().enumerate() {
        check_text(&format!("code[{}]", i + 1), code, &mut out);
    }
    match alert.scope {
        Scope::Restricted if alert.restriction.as_deref().is_none_or(str::is_empty) => out.push(
            Problem::new("restriction", "is required when the scope is Restricted"),
        ),
        Scope::Private if alert.addresses.as_deref().is_none_or(str::is_empty) => out.push(
            Problem::new("addresses", "is required when the scope is Private"),
        ),
        _ => {}
    }
    match alert.msg_type {
        MsgType::Update | MsgType::Cancel | MsgType::Ack | MsgType::Error
            if alert.references.is_empty() =>
        {
            out.push(Problem::new(
                "references",
                format!(
                    "a message of type {} must reference the earlier message",
                    alert.msg_type
                ),
            ))
        }
        MsgType::Alert | MsgType::Update if alert.infos.is_empty() => out.push(Problem::new(
            "info",
            format!(
                "a message of type {} needs at least one info block",
                alert.msg_type
            ),
        )),
        _ => {}
    }
    for (i, r) in alert.references.iter().enumerate() {
        let path = format!("references[{}]", i + 1);
        check_token(&format!("{path}/sender"), &r.sender, &mut out);
        check_token(&format!("{path}/identifier"), &r.identifier, &mut out);
        if r.identifier == alert.identifier && r.sender == alert.sender {
            out.push(Problem::new(path, "a message cannot reference itself"));
        }
    }
    for (i, info) in alert.infos.iter().enumerate() {
        info_problems(&format!("info[{}]", i + 1), info, &mut out);
    }
    out
}

fn info_problems(path: &str, info: &Info, out: &mut Vec<Problem>) {
    if !is_language_tag(&info.language) {
        out.push(Problem::new(
            format!("{path}/language"),
            format!(
                "\"{}\" is not a language tag such as de or de-x-ls",
                info.language
            ),
        ));
    }
    if info.categories.is_empty() {
        out.push(Problem::new(
            format!("{path}/category"),
            "at least one category is required",
        ));
    }
    if info.event.trim().is_empty() {
        out.push(Problem::new(format!("{path}/event"), "is missing or empty"));
    }
    check_text(&format!("{path}/event"), &info.event, out);
    for (name, value) in [
        ("audience", &info.audience),
        ("senderName", &info.sender_name),
        ("headline", &info.headline),
        ("description", &info.description),
        ("instruction", &info.instruction),
        ("contact", &info.contact),
    ] {
        check_opt_text(&format!("{path}/{name}"), value, out);
    }
    if let Some(web) = &info.web {
        if !(web.starts_with("https://") || web.starts_with("http://"))
            || web.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            out.push(Problem::new(
                format!("{path}/web"),
                format!("\"{web}\" is not an absolute http(s) address"),
            ));
        }
    }
    let start = info.onset.or(info.effective);
    if let (Some(start), Some(expires)) = (start, info.expires) {
        if expires <= start {
            out.push(Problem::new(
                format!("{path}/expires"),
                "the expiry must be later than the onset",
            ));
        }
    }
    for (j, pair) in info.event_codes.iter().chain(&info.parameters).enumerate() {
        check_text(&format!("{path}/valueName[{}]", j + 1), &pair.name, out);
        check_text(&format!("{path}/value[{}]", j + 1), &pair.value, out);
    }
    for (j, res) in info.resources.iter().enumerate() {
        let rpath = format!("{path}/resource[{}]", j + 1);
        if res.description.trim().is_empty() {
            out.push(Problem::new(
                format!("{rpath}/resourceDesc"),
                "is missing or empty",
            ));
        }
        if res.mime_type.trim().is_empty() {
            out.push(Problem::new(
                format!("{rpath}/mimeType"),
                "is missing or empty",
            ));
        }
        check_text(&rpath, &res.description, out);
        check_text(&rpath, &res.mime_type, out);
        check_opt_text(&rpath, &res.uri, out);
        check_opt_text(&rpath, &res.digest, out);
    }
    for (j, area) in info.areas.iter().enumerate() {
        let apath = format!("{path}/area[{}]", j + 1);
        if area.description.trim().is_empty() {
            out.push(Problem::new(
                format!("{apath}/areaDesc"),
                "is missing or empty",
            ));
        }
        check_text(&format!("{apath}/areaDesc"), &area.description, out);
        for g in &area.geocodes {
            check_text(&format!("{apath}/geocode"), &g.name, out);
            check_text(&format!("{apath}/geocode"), &g.value, out);
        }
        for (name, v) in [("altitude", area.altitude), ("ceiling", area.ceiling)] {
            if v.is_some_and(|v| !v.is_finite()) {
                out.push(Problem::new(format!("{apath}/{name}"), "is not a number"));
            }
        }
        if area.ceiling.is_some() && area.altitude.is_none() {
            out.push(Problem::new(
                format!("{apath}/ceiling"),
                "may only be given together with altitude",
            ));
        }
    }
}
