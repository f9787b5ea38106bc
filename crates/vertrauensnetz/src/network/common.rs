//! Small helpers the network's pages share.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::model::{self, OrgKind};
use super::store::OrgData;
use crate::platform::i18n::{Lang, Tr};
use crate::platform::topics::Topic;
use crate::platform::web::page::FormErrors;
use crate::platform::web::WebError;

/// A path segment that must be an id; anything else is "not found".
pub fn id(s: &str) -> Result<Uuid, WebError> {
    Uuid::parse_str(s).map_err(|_| WebError::not_found())
}

/// Today's date (ISO) in the tenant's time zone.
pub fn today(now: DateTime<Utc>, time_zone: &str) -> String {
    match time_zone.parse::<chrono_tz::Tz>() {
        Ok(tz) => now.with_timezone(&tz).format("%Y-%m-%d").to_string(),
        Err(_) => now.format("%Y-%m-%d").to_string(),
    }
}

/// A local date for display.
pub fn local_date(t: DateTime<Utc>, time_zone: &str) -> String {
    match time_zone.parse::<chrono_tz::Tz>() {
        Ok(tz) => t.with_timezone(&tz).format("%d.%m.%Y").to_string(),
        Err(_) => t.format("%d.%m.%Y").to_string(),
    }
}

/// A date field that is neither empty nor `YYYY-MM-DD`.
#[derive(Debug)]
pub struct BadDate;

/// An ISO date (`YYYY-MM-DD`) as a form gives it; `None` if empty.
pub fn iso_date(value: &str) -> Result<Option<String>, BadDate> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(None);
    }
    chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
        .map(|d| Some(d.format("%Y-%m-%d").to_string()))
        .map_err(|_| BadDate)
}

/// An ISO date shown as `DD.MM.YYYY`.
pub fn show_date(iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(|d| d.format("%d.%m.%Y").to_string())
        .unwrap_or_else(|_| iso.to_owned())
}

/// Resident languages offered as "languages spoken" (tags), plus a few
/// community languages that are not interface languages.
pub const SPOKEN: &[(&str, &str)] = &[
    ("de", "Deutsch"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
    ("pl", "Polski"),
    ("ru", "Русский"),
    ("uk", "Українська"),
    ("ro", "Română"),
    ("bg", "Български"),
    ("fa", "فارسی"),
    ("ku", "Kurdî"),
    ("fr", "Français"),
    ("es", "Español"),
    ("it", "Italiano"),
    ("el", "Ελληνικά"),
    ("sq", "Shqip"),
    ("sr", "Srpski"),
    ("ti", "ትግርኛ"),
    ("so", "Soomaali"),
    ("dgs", "Deutsche Gebärdensprache"),
];

pub fn spoken_name(tag: &str) -> &str {
    SPOKEN
        .iter()
        .find(|(t, _)| *t == tag)
        .map(|(_, n)| *n)
        .unwrap_or(tag)
}

/// The organisation fields of a form, checked; errors in the reader's language.
pub struct OrgFields<'a> {
    pub name: &'a str,
    pub kind: &'a str,
    pub street: &'a str,
    pub postcode: &'a str,
    pub city: &'a str,
    pub website: &'a str,
    pub description: &'a str,
    pub languages: Vec<&'a str>,
    pub topics: Vec<&'a str>,
    pub public_profile: bool,
}

impl OrgFields<'_> {
    pub fn check(&self, t: &Tr, errors: &mut FormErrors) -> OrgData {
        let name = model::required(self.name, model::MAX_NAME);
        if name.is_none() {
            errors.add("name", t.t("network-error-name"));
        }
        let kind = OrgKind::parse(self.kind);
        if kind.is_none() {
            errors.add("kind", t.t("network-error-kind"));
        }
        let city = model::required(self.city, model::MAX_LINE);
        if city.is_none() {
            errors.add("city", t.t("network-error-city"));
        }
        let line = |v: &str| model::optional(v, model::MAX_LINE);
        let (street, postcode, website) =
            match (line(self.street), line(self.postcode), line(self.website)) {
                (Some(s), Some(p), Some(w)) => (s, p, w),
                _ => {
                    errors.add("street", t.t("network-error-too-long"));
                    Default::default()
                }
            };
        if !(website.is_empty()
            || website.starts_with("https://")
            || website.starts_with("http://"))
        {
            errors.add("website", t.t("network-error-website"));
        }
        let description = model::optional(self.description, model::MAX_TEXT).unwrap_or_else(|| {
            errors.add("description", t.t("network-error-too-long"));
            String::new()
        });
        let mut languages: Vec<String> = Vec::new();
        for l in &self.languages {
            if SPOKEN.iter().any(|(t, _)| t == l) && !languages.iter().any(|x| x == l) {
                languages.push((*l).to_owned());
            } else if !SPOKEN.iter().any(|(t, _)| t == l) {
                errors.add("languages", t.t("network-error-language"));
            }
        }
        let topics = match Topic::parse_all(&self.topics) {
            Ok(t) => t,
            Err(unknown) => {
                errors.add(
                    "topics",
                    t.t1("network-error-topic", "topic", unknown.join(", ")),
                );
                Vec::new()
            }
        };
        OrgData {
            name: name.unwrap_or_default(),
            kind,
            street,
            postcode,
            city: city.unwrap_or_default(),
            languages,
            topics,
            website,
            description,
            public_profile: self.public_profile,
        }
    }
}

/// Labels for the kinds of organisation, for a `<select>`.
pub fn kind_options(t: &Tr) -> Vec<(&'static str, String)> {
    OrgKind::ALL
        .iter()
        .map(|k| (k.as_str(), t.t(&k.label_key()).into_owned()))
        .collect()
}

/// Labels for the topics, for checkboxes.
pub fn topic_options(t: &Tr) -> Vec<(&'static str, String)> {
    Topic::ALL
        .iter()
        .map(|k| (k.slug(), t.t(&k.label_key()).into_owned()))
        .collect()
}

/// The language a mail to someone who wrote in `lang` is written in.
pub fn mail_lang(tag: &str) -> Lang {
    Lang::parse(tag).unwrap_or(Lang::De)
}
