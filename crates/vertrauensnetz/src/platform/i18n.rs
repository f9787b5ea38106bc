//! Languages and translations (Fluent). German is the default and the
//! fallback for any message a language lacks; English is complete; the shell
//! and every resident page exist in all resident languages.
//!
//! Messages live in `locales/<tag>/*.ftl`, embedded in the binary.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use rust_embed::RustEmbed;
use unic_langid::LanguageIdentifier;

#[derive(RustEmbed)]
#[folder = "locales/"]
#[include = "*.ftl"]
struct Locales;

/// A language the platform speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    De,
    DeEasy,
    En,
    Tr,
    Ar,
    Pl,
    Ru,
    Uk,
    Ro,
    Bg,
}

impl Lang {
    /// In the order the language switcher shows them.
    pub const ALL: [Lang; 10] = [
        Lang::De,
        Lang::DeEasy,
        Lang::En,
        Lang::Tr,
        Lang::Ar,
        Lang::Pl,
        Lang::Ru,
        Lang::Uk,
        Lang::Ro,
        Lang::Bg,
    ];

    /// The BCP 47 tag, also the folder name under `locales/`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::DeEasy => "de-x-ls",
            Lang::En => "en",
            Lang::Tr => "tr",
            Lang::Ar => "ar",
            Lang::Pl => "pl",
            Lang::Ru => "ru",
            Lang::Uk => "uk",
            Lang::Ro => "ro",
            Lang::Bg => "bg",
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::De => "Deutsch",
            Lang::DeEasy => "Leichte Sprache",
            Lang::En => "English",
            Lang::Tr => "Türkçe",
            Lang::Ar => "العربية",
            Lang::Pl => "Polski",
            Lang::Ru => "Русский",
            Lang::Uk => "Українська",
            Lang::Ro => "Română",
            Lang::Bg => "Български",
        }
    }

    /// The `lang` attribute value for HTML (easy German is German).
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::DeEasy => "de",
            other => other.tag(),
        }
    }

    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }

    pub fn dir(self) -> &'static str {
        if self.is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    pub fn parse(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.tag() == tag)
    }

    /// The language a locale's plural rules and number formats follow.
    fn langid(self) -> LanguageIdentifier {
        self.html_lang().parse().unwrap_or_default()
    }
}

/// Picks a language from an explicit choice (query or cookie), else from
/// `Accept-Language` (by quality), else German.
pub fn negotiate(choice: Option<&str>, accept_language: Option<&str>) -> Lang {
    if let Some(l) = choice.and_then(Lang::parse) {
        return l;
    }
    let mut candidates: Vec<(f32, usize, &str)> = accept_language
        .unwrap_or("")
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut it = part.split(';');
            let tag = it.next()?.trim();
            let q = it
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            (!tag.is_empty() && q > 0.0).then_some((q, i, tag))
        })
        .collect();
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, _, tag) in candidates {
        if let Some(l) = Lang::parse(tag) {
            return l;
        }
        let primary = tag.split('-').next().unwrap_or(tag);
        if let Some(l) = Lang::parse(primary) {
            return l;
        }
    }
    Lang::De
}

type Bundle = FluentBundle<FluentResource>;

struct Catalog {
    bundles: HashMap<Lang, Bundle>,
    /// Every message (and attribute) that needs no argument, formatted once
    /// per language with the German fallback applied: pages look these up
    /// instead of formatting on every request.
    plain: HashMap<Lang, HashMap<String, String>>,
}

/// The pattern of message `id`, or of its attribute for `id.attribute`.
fn pattern_of<'b>(
    bundle: &'b Bundle,
    id: &str,
) -> Option<&'b fluent_syntax::ast::Pattern<&'b str>> {
    let (msg_id, attr) = match id.split_once('.') {
        Some((m, a)) => (m, Some(a)),
        None => (id, None),
    };
    let msg = bundle.get_message(msg_id)?;
    match attr {
        Some(a) => Some(msg.get_attribute(a)?.value()),
        None => msg.value(),
    }
}

/// Formats every argument-free message of every language once.
fn plain_messages(bundles: &HashMap<Lang, Bundle>) -> HashMap<Lang, HashMap<String, String>> {
    let mut ids: Vec<String> = Vec::new();
    for file in Locales::iter() {
        let Some(content) = Locales::get(&file) else {
            continue;
        };
        let Ok(resource) =
            FluentResource::try_new(String::from_utf8_lossy(&content.data).into_owned())
        else {
            continue;
        };
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                if m.value.is_some() {
                    ids.push(m.id.name.to_owned());
                }
                ids.extend(
                    m.attributes
                        .iter()
                        .map(|a| format!("{}.{}", m.id.name, a.id.name)),
                );
            }
        }
    }
    ids.sort();
    ids.dedup();
    let quiet = |bundle: &Bundle, id: &str| -> Option<String> {
        let pattern = pattern_of(bundle, id)?;
        let mut errors = vec![];
        let text = bundle.format_pattern(pattern, None, &mut errors);
        errors.is_empty().then(|| text.into_owned())
    };
    let german = bundles.get(&Lang::De);
    Lang::ALL
        .into_iter()
        .map(|lang| {
            let own = bundles.get(&lang);
            let map = ids
                .iter()
                .filter_map(|id| {
                    let text = own
                        .and_then(|b| quiet(b, id))
                        .or_else(|| german.and_then(|b| quiet(b, id)))?;
                    Some((id.clone(), text))
                })
                .collect();
            (lang, map)
        })
        .collect()
}

fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| {
        let mut bundles = HashMap::new();
        for lang in Lang::ALL {
            let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
            bundle.set_use_isolating(false);
            let prefix = format!("{}/", lang.tag());
            let mut files: Vec<_> = Locales::iter().filter(|f| f.starts_with(&prefix)).collect();
            files.sort();
            for file in files {
                let Some(content) = Locales::get(&file) else {
                    continue;
                };
                let text = String::from_utf8_lossy(&content.data).into_owned();
                let resource = match FluentResource::try_new(text) {
                    Ok(r) => r,
                    Err((r, errors)) => {
                        tracing::error!(%file, ?errors, "Fluent syntax errors");
                        r
                    }
                };
                if let Err(errors) = bundle.add_resource(resource) {
                    tracing::error!(%file, ?errors, "duplicate Fluent messages");
                }
            }
            bundles.insert(lang, bundle);
        }
        let plain = plain_messages(&bundles);
        Catalog { bundles, plain }
    })
}

/// Loads every catalogue now (at start-up) rather than on the first request.
pub fn init() {
    let _ = catalog();
}

fn format(lang: Lang, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let bundle = catalog().bundles.get(&lang)?;
    let pattern = pattern_of(bundle, id)?;
    let mut errors = vec![];
    let text = bundle.format_pattern(pattern, args, &mut errors);
    if !errors.is_empty() {
        tracing::warn!(%id, lang = lang.tag(), ?errors, "Fluent formatting errors");
    }
    Some(text.into_owned())
}

/// Translates `id` into `lang`; a missing message falls back to German, then
/// to the id itself (so a gap is visible, never a crash).
pub fn tr(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    format(lang, id, args)
        .or_else(|| {
            (lang != Lang::De)
                .then(|| format(Lang::De, id, args))
                .flatten()
        })
        .unwrap_or_else(|| id.to_owned())
}

/// Whether `lang` itself has the message (for completeness tests).
pub fn has_message(lang: Lang, id: &str) -> bool {
    catalog()
        .bundles
        .get(&lang)
        .is_some_and(|b| b.has_message(id))
}

/// Every message id of a language's catalogue.
pub fn message_ids(lang: Lang) -> Vec<String> {
    let prefix = format!("{}/", lang.tag());
    let mut ids = Vec::new();
    for file in Locales::iter().filter(|f| f.starts_with(&prefix)) {
        let Some(content) = Locales::get(&file) else {
            continue;
        };
        let text = String::from_utf8_lossy(&content.data).into_owned();
        let Ok(resource) = FluentResource::try_new(text) else {
            continue;
        };
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                ids.push(m.id.name.to_owned());
            }
        }
    }
    ids.sort();
    ids
}

/// A translator bound to one language, handed to templates as `t`.
#[derive(Debug, Clone, Copy)]
pub struct Tr {
    pub lang: Lang,
}

impl Tr {
    pub fn new(lang: Lang) -> Tr {
        Tr { lang }
    }

    /// The message `id` (or `id.attribute`).
    pub fn t(&self, id: &str) -> Cow<'static, str> {
        match catalog().plain.get(&self.lang).and_then(|m| m.get(id)) {
            Some(text) => Cow::Borrowed(text.as_str()),
            None => Cow::Owned(tr(self.lang, id, None)),
        }
    }

    /// The message with one named argument.
    pub fn t1(&self, id: &str, name: &str, value: impl std::fmt::Display) -> String {
        let mut args = FluentArgs::new();
        args.set(
            Cow::Owned(name.to_owned()),
            FluentValue::from(value.to_string()),
        );
        tr(self.lang, id, Some(&args))
    }

    /// The message with a numeric argument (for plurals).
    pub fn tn(&self, id: &str, name: &str, n: impl std::borrow::Borrow<i64>) -> String {
        let mut args = FluentArgs::new();
        args.set(Cow::Owned(name.to_owned()), FluentValue::from(*n.borrow()));
        tr(self.lang, id, Some(&args))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation() {
        assert_eq!(negotiate(None, Some("tr-TR,tr;q=0.9,en;q=0.5")), Lang::Tr);
        assert_eq!(negotiate(None, Some("fr, en;q=0.4")), Lang::En);
        assert_eq!(negotiate(None, Some("ar")), Lang::Ar);
        assert_eq!(negotiate(None, Some("xx")), Lang::De);
        assert_eq!(negotiate(None, None), Lang::De);
        assert_eq!(negotiate(Some("de-x-ls"), Some("en")), Lang::DeEasy);
        assert_eq!(negotiate(Some("nonsense"), Some("en;q=0.1, pl")), Lang::Pl);
    }

    #[test]
    fn every_language_has_a_catalogue() {
        for lang in Lang::ALL {
            assert!(
                has_message(lang, "site-name"),
                "{} lacks site-name",
                lang.tag()
            );
        }
    }

    #[test]
    fn every_resident_language_has_every_resident_page() {
        // shell.ftl: layout, start, login, errors; events.ftl: event pages.
        for name in [
            "shell",
            "events",
            "topics",
            "network",
            "events-network",
            "complaints",
            "receipts",
            "alerts",
            "safe-places",
            "reports",
            "surveys",
            "transparency",
        ] {
            resident_file_complete(name);
        }
    }

    fn resident_file_complete(name: &str) {
        let shell_ids = |lang: Lang| -> Vec<String> {
            let file = format!("{}/{name}.ftl", lang.tag());
            let content = Locales::get(&file).unwrap_or_else(|| panic!("{file} missing"));
            let resource =
                FluentResource::try_new(String::from_utf8_lossy(&content.data).into_owned())
                    .unwrap_or_else(|_| panic!("{file} has syntax errors"));
            let mut ids: Vec<String> = resource
                .entries()
                .filter_map(|e| match e {
                    fluent_syntax::ast::Entry::Message(m) => Some(format!(
                        "{}{}",
                        m.id.name,
                        m.attributes
                            .iter()
                            .map(|a| format!(".{}", a.id.name))
                            .collect::<String>()
                    )),
                    _ => None,
                })
                .collect();
            ids.sort();
            ids
        };
        let german = shell_ids(Lang::De);
        for lang in Lang::ALL {
            assert_eq!(
                shell_ids(lang),
                german,
                "{} shell differs from German",
                lang.tag()
            );
        }
    }

    #[test]
    fn english_and_german_are_complete() {
        assert_eq!(message_ids(Lang::De), message_ids(Lang::En));
    }

    #[test]
    fn fallback_to_german() {
        assert_eq!(
            tr(Lang::Tr, "admin-users-title", None),
            tr(Lang::De, "admin-users-title", None)
        );
        assert_eq!(tr(Lang::De, "no-such-message", None), "no-such-message");
    }
}
