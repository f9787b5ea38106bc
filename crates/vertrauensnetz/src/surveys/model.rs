//! Vocabularies, input rules and invitation codes of surveys. Answers are
//! parsed here once (page and tests use the same rules); nothing in this
//! file touches the database.

use std::collections::HashMap;

use rand::Rng;
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// Languages a survey's texts may be written in (German first, required).
pub const LANGS: [&str; 10] = [
    "de", "en", "ar", "bg", "de-x-ls", "pl", "ro", "ru", "tr", "uk",
];

/// Question kinds.
pub const KINDS: [&str; 5] = ["likert", "single", "multiple", "text", "map"];
/// What a Likert question measures for the figures across waves.
pub const MEASURES: [&str; 3] = ["none", "safety", "trust"];
/// Self-description (all optional; "" = not answered).
pub const AGE_BANDS: [&str; 5] = ["16-24", "25-44", "45-64", "65+", "undisclosed"];
pub const GENDERS: [&str; 4] = ["female", "male", "diverse", "undisclosed"];
pub const MIGRATION: [&str; 3] = ["yes", "no", "undisclosed"];
/// Times of day of a map answer (the reports module's vocabulary).
pub const TIMES: [&str; 4] = ["morning", "day", "evening", "night"];

/// Points of the Likert scale (1 = strongly disagree … 5 = strongly agree).
pub const LIKERT_POINTS: i64 = 5;
/// Answers 4 and 5 count as agreement ("I feel safe", "I trust").
pub const AGREE_FROM: i64 = 4;
pub const MAX_QUESTIONS: usize = 40;
pub const MAX_OPTIONS: usize = 12;
pub const MAX_FREE_TEXT: usize = 2000;
pub const MAX_LINE: usize = 300;
pub const MAX_TOKENS_PER_BATCH: usize = 2000;

/// Form field names of questions by position (the form errors want static
/// names; a survey has at most [`MAX_QUESTIONS`] questions).
pub const QUESTION_FIELDS: [&str; MAX_QUESTIONS] = [
    "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11", "q12", "q13", "q14", "q15",
    "q16", "q17", "q18", "q19", "q20", "q21", "q22", "q23", "q24", "q25", "q26", "q27", "q28",
    "q29", "q30", "q31", "q32", "q33", "q34", "q35", "q36", "q37", "q38", "q39", "q40",
];

/// A question as the answer form and the results need it.
#[derive(Debug, Clone)]
pub struct Question {
    pub id: Uuid,
    pub position: usize,
    pub kind: String,
    pub measure: String,
    pub required: bool,
    pub option_count: usize,
}

/// The self-description of a response.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    pub age_band: String,
    pub gender: String,
    pub migration: String,
    pub district: String,
}

/// One stored answer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answer {
    pub question: Uuid,
    /// Likert point (1–5) or option index (0-based).
    pub choice: Option<i64>,
    /// Free text, or the description of a place.
    pub body: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub time_of_day: Option<String>,
    pub district: Option<String>,
}

/// Why an answer was refused (Fluent ids in `surveys.ftl`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerError {
    pub field: &'static str,
    pub key: &'static str,
}

/// A parsed response: profile and answers, or the errors per field.
#[derive(Debug, Clone)]
pub struct ParsedResponse {
    pub profile: Profile,
    pub answers: Vec<Answer>,
}

fn values<'a>(raw: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    raw.iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

fn first<'a>(raw: &'a [(String, String)], name: &str) -> &'a str {
    raw.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

/// Parses the answer form (`q<position>`, `q<position>-district`,
/// `q<position>-place`, `q<position>-time`, `q<position>-lat`,
/// `q<position>-lon`, `age_band`, `gender`, `migration`, `district`).
/// `districts` are the tenant's district codes.
pub fn parse_response(
    questions: &[Question],
    districts: &[String],
    raw: &[(String, String)],
) -> Result<ParsedResponse, Vec<AnswerError>> {
    let mut errors = Vec::new();
    let mut answers = Vec::new();
    for q in questions {
        let Some(field) = QUESTION_FIELDS.get(q.position.saturating_sub(1)).copied() else {
            continue;
        };
        let err = |key: &'static str| AnswerError { field, key };
        let given: Vec<&str> = values(raw, field)
            .into_iter()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect();
        match q.kind.as_str() {
            "likert" | "single" => {
                if given.len() > 1 {
                    errors.push(err("surveys-error-one-choice"));
                    continue;
                }
                let Some(v) = given.first() else {
                    if q.required {
                        errors.push(err("surveys-error-required"));
                    }
                    continue;
                };
                let (lo, hi) = if q.kind == "likert" {
                    (1, LIKERT_POINTS)
                } else {
                    (0, q.option_count as i64 - 1)
                };
                match v.parse::<i64>() {
                    Ok(n) if (lo..=hi).contains(&n) => answers.push(Answer {
                        question: q.id,
                        choice: Some(n),
                        ..Answer::default()
                    }),
                    _ => errors.push(err(if q.kind == "likert" {
                        "surveys-error-likert"
                    } else {
                        "surveys-error-option"
                    })),
                }
            }
            "multiple" => {
                if given.is_empty() && q.required {
                    errors.push(err("surveys-error-required"));
                    continue;
                }
                let mut chosen: Vec<i64> = Vec::new();
                let mut bad = false;
                for v in &given {
                    match v.parse::<i64>() {
                        Ok(n) if (0..q.option_count as i64).contains(&n) => {
                            if !chosen.contains(&n) {
                                chosen.push(n);
                            }
                        }
                        _ => bad = true,
                    }
                }
                if bad {
                    errors.push(err("surveys-error-option"));
                    continue;
                }
                chosen.sort_unstable();
                answers.extend(chosen.into_iter().map(|n| Answer {
                    question: q.id,
                    choice: Some(n),
                    ..Answer::default()
                }));
            }
            "text" => {
                let v = first(raw, field).trim();
                if v.chars().count() > MAX_FREE_TEXT {
                    errors.push(err("surveys-error-too-long"));
                } else if v.is_empty() {
                    if q.required {
                        errors.push(err("surveys-error-required"));
                    }
                } else {
                    answers.push(Answer {
                        question: q.id,
                        body: Some(v.to_owned()),
                        ..Answer::default()
                    });
                }
            }
            "map" => {
                let p = |s: &str| format!("{field}-{s}");
                let district = first(raw, &p("district")).trim();
                let place = first(raw, &p("place")).trim();
                let time = first(raw, &p("time")).trim();
                let lat = first(raw, &p("lat")).trim();
                let lon = first(raw, &p("lon")).trim();
                if district.is_empty() && place.is_empty() && lat.is_empty() && time.is_empty() {
                    if q.required {
                        errors.push(err("surveys-error-required"));
                    }
                    continue;
                }
                if place.chars().count() > MAX_LINE {
                    errors.push(err("surveys-error-too-long"));
                    continue;
                }
                if !district.is_empty() && !districts.iter().any(|d| d == district) {
                    errors.push(err("surveys-error-district"));
                    continue;
                }
                if !TIMES.contains(&time) {
                    errors.push(err("surveys-error-time"));
                    continue;
                }
                let coords = match (lat, lon) {
                    ("", "") => None,
                    (a, b) => match (a.parse::<f64>(), b.parse::<f64>()) {
                        (Ok(a), Ok(b))
                            if a.is_finite()
                                && b.is_finite()
                                && (-90.0..=90.0).contains(&a)
                                && (-180.0..=180.0).contains(&b) =>
                        {
                            Some((a, b))
                        }
                        _ => {
                            errors.push(err("surveys-error-place"));
                            continue;
                        }
                    },
                };
                if district.is_empty() && coords.is_none() {
                    errors.push(err("surveys-error-place"));
                    continue;
                }
                answers.push(Answer {
                    question: q.id,
                    body: (!place.is_empty()).then(|| place.to_owned()),
                    lat: coords.map(|c| c.0),
                    lon: coords.map(|c| c.1),
                    time_of_day: Some(time.to_owned()),
                    district: (!district.is_empty()).then(|| district.to_owned()),
                    ..Answer::default()
                });
            }
            _ => {}
        }
    }
    let pick = |name: &'static str, allowed: &[&str], errors: &mut Vec<AnswerError>| {
        let v = first(raw, name).trim();
        if v.is_empty() || allowed.contains(&v) {
            v.to_owned()
        } else {
            errors.push(AnswerError {
                field: name,
                key: "surveys-error-option",
            });
            String::new()
        }
    };
    let district_refs: Vec<&str> = districts.iter().map(String::as_str).collect();
    let profile = Profile {
        age_band: pick("age_band", &AGE_BANDS, &mut errors),
        gender: pick("gender", &GENDERS, &mut errors),
        migration: pick("migration", &MIGRATION, &mut errors),
        district: pick("district", &district_refs, &mut errors),
    };
    if errors.is_empty() {
        Ok(ParsedResponse { profile, answers })
    } else {
        Err(errors)
    }
}

/// Letters of invitation codes: no 0/O, 1/I/L, so a code read from paper
/// is typed right.
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// A fresh invitation code, e.g. `K7M2Q-PX4RA` (50 bits).
pub fn new_token() -> String {
    let mut rng = rand::thread_rng();
    let chars: String = (0..10)
        .map(|_| CODE_ALPHABET[rng.gen_range(0..CODE_ALPHABET.len())] as char)
        .collect();
    format!("{}-{}", &chars[..5], &chars[5..])
}

/// A code as typed, normalised: capitals, no separators or spaces.
pub fn normalise_token(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// What is stored of a code: its SHA-256 under a fixed label.
pub fn token_hash(survey: Uuid, code: &str) -> Vec<u8> {
    let mut h = Sha256::new();
    h.update(b"vertrauensnetz survey token v1\0");
    h.update(survey.as_bytes());
    h.update(normalise_token(code).as_bytes());
    h.finalize().to_vec()
}

/// The key of a text of a survey: `title`, `intro`, `q:<id>`, `o:<id>:<n>`.
pub fn question_item(q: Uuid) -> String {
    format!("q:{}", q.simple())
}

pub fn option_item(q: Uuid, n: usize) -> String {
    format!("o:{}:{n}", q.simple())
}

/// A survey's texts: item → language → text.
#[derive(Debug, Clone, Default)]
pub struct Texts(pub HashMap<String, HashMap<String, String>>);

impl Texts {
    /// The text in `lang`, else German, else empty.
    pub fn get(&self, item: &str, lang: &str) -> String {
        self.0
            .get(item)
            .and_then(|m| {
                m.get(lang)
                    .filter(|s| !s.is_empty())
                    .or_else(|| m.get("de"))
            })
            .cloned()
            .unwrap_or_default()
    }

    /// Whether the text exists in `lang` itself.
    pub fn has(&self, item: &str, lang: &str) -> bool {
        self.0
            .get(item)
            .and_then(|m| m.get(lang))
            .is_some_and(|s| !s.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(position: usize, kind: &str, options: usize) -> Question {
        Question {
            id: Uuid::from_u128(position as u128),
            position,
            kind: kind.into(),
            measure: "none".into(),
            required: false,
            option_count: options,
        }
    }

    fn raw(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn likert_out_of_range_and_unknown_options_are_refused() {
        let qs = [q(1, "likert", 0), q(2, "single", 3), q(3, "multiple", 3)];
        let d = vec!["d1".to_owned()];
        assert!(parse_response(&qs, &d, &raw(&[("q1", "6")])).is_err());
        assert!(parse_response(&qs, &d, &raw(&[("q1", "0")])).is_err());
        assert!(parse_response(&qs, &d, &raw(&[("q2", "3")])).is_err());
        assert!(parse_response(&qs, &d, &raw(&[("q3", "1"), ("q3", "7")])).is_err());
        let ok = parse_response(
            &qs,
            &d,
            &raw(&[
                ("q1", "5"),
                ("q2", "2"),
                ("q3", "0"),
                ("q3", "2"),
                ("q3", "2"),
            ]),
        )
        .unwrap();
        assert_eq!(ok.answers.len(), 4);
    }

    #[test]
    fn map_answers_need_a_place_and_a_time() {
        let qs = [q(1, "map", 0)];
        let d = vec!["d1".to_owned()];
        let bad = parse_response(&qs, &d, &raw(&[("q1-district", "d1")])).unwrap_err();
        assert_eq!(bad[0].key, "surveys-error-time");
        let bad = parse_response(
            &qs,
            &d,
            &raw(&[("q1-district", "zz"), ("q1-time", "night")]),
        );
        assert!(bad.is_err());
        let ok = parse_response(
            &qs,
            &d,
            &raw(&[
                ("q1-district", "d1"),
                ("q1-place", "Unterführung"),
                ("q1-time", "night"),
            ]),
        )
        .unwrap();
        assert_eq!(ok.answers[0].time_of_day.as_deref(), Some("night"));
    }

    #[test]
    fn codes_are_normalised_before_hashing() {
        let s = Uuid::from_u128(7);
        let c = new_token();
        assert_eq!(c.len(), 11);
        assert_eq!(
            token_hash(s, &c),
            token_hash(s, &c.to_lowercase().replace('-', " "))
        );
        assert_ne!(token_hash(s, &c), token_hash(Uuid::from_u128(8), &c));
    }
}
