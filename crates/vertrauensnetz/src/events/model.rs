//! Events and registrations: the types and the rules, checked once at the
//! edge so that nothing invalid reaches the store.

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::platform::i18n::Lang;
use crate::platform::topics::Topic;

/// What kind of event it is (seeds 000, 001, 003, 004).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Forum,
    OpenConference,
    DiscussionRound,
    PreventionEvent,
    Training,
    InterculturalWeek,
    CommitteeSession,
}

impl EventKind {
    pub const ALL: [EventKind; 7] = [
        EventKind::Forum,
        EventKind::OpenConference,
        EventKind::DiscussionRound,
        EventKind::PreventionEvent,
        EventKind::Training,
        EventKind::InterculturalWeek,
        EventKind::CommitteeSession,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Forum => "forum",
            EventKind::OpenConference => "open_conference",
            EventKind::DiscussionRound => "discussion_round",
            EventKind::PreventionEvent => "prevention_event",
            EventKind::Training => "training",
            EventKind::InterculturalWeek => "intercultural_week",
            EventKind::CommitteeSession => "committee_session",
        }
    }

    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Who may attend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Public,
    Partners,
    Invited,
}

impl Audience {
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Public => "public",
            Audience::Partners => "partners",
            Audience::Invited => "invited",
        }
    }

    pub fn parse(s: &str) -> Option<Audience> {
        [Audience::Public, Audience::Partners, Audience::Invited]
            .into_iter()
            .find(|a| a.as_str() == s)
    }
}

/// Whether people register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RegistrationMode {
    Required,
    Optional,
    None,
}

impl RegistrationMode {
    pub fn as_str(self) -> &'static str {
        match self {
            RegistrationMode::Required => "required",
            RegistrationMode::Optional => "optional",
            RegistrationMode::None => "none",
        }
    }

    pub fn parse(s: &str) -> Option<RegistrationMode> {
        [
            RegistrationMode::Required,
            RegistrationMode::Optional,
            RegistrationMode::None,
        ]
        .into_iter()
        .find(|m| m.as_str() == s)
    }
}

/// An input problem: the field it belongs to, the Fluent id of the message
/// residents and organisers read, and the English text for the API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: &'static str,
    pub key: &'static str,
    pub text: String,
}

impl Problem {
    pub fn new(field: &'static str, key: &'static str, text: impl Into<String>) -> Problem {
        Problem {
            field,
            key,
            text: text.into(),
        }
    }
}

/// The API's `detail` for a list of problems.
pub fn detail(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Where an event stands. Drafts are seen only by organisers; a cancelled
/// event stays public with its reason; `done` marks it as held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    Draft,
    Published,
    Cancelled,
    Done,
}

impl EventStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            EventStatus::Draft => "draft",
            EventStatus::Published => "published",
            EventStatus::Cancelled => "cancelled",
            EventStatus::Done => "done",
        }
    }

    pub fn parse(s: &str) -> Option<EventStatus> {
        [
            EventStatus::Draft,
            EventStatus::Published,
            EventStatus::Cancelled,
            EventStatus::Done,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }

    /// Whether the public may see an event in this state.
    pub fn is_public(s: &str) -> bool {
        matches!(s, "published" | "cancelled" | "done")
    }

    /// The states an organiser may move an event to from `self`
    /// (cancellation goes through its own step, with a reason).
    pub fn may_become(self, to: EventStatus) -> bool {
        matches!(
            (self, to),
            (EventStatus::Draft, EventStatus::Published)
                | (EventStatus::Published, EventStatus::Done)
                | (
                    EventStatus::Draft | EventStatus::Published,
                    EventStatus::Cancelled
                )
        )
    }
}

/// Languages an interpreter can be offered or asked for: German sign
/// language (`dgs`), easy German (`de-x-ls`) and the other resident
/// languages.
pub const INTERPRETER_LANGS: [&str; 10] = [
    "dgs", "de-x-ls", "en", "tr", "ar", "pl", "ru", "uk", "ro", "bg",
];

/// How a built-in registration question is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Ask {
    Off,
    Optional,
    Required,
}

impl Ask {
    pub fn as_str(self) -> &'static str {
        match self {
            Ask::Off => "off",
            Ask::Optional => "optional",
            Ask::Required => "required",
        }
    }

    pub fn parse(s: &str) -> Option<Ask> {
        [Ask::Off, Ask::Optional, Ask::Required]
            .into_iter()
            .find(|a| a.as_str() == s)
    }
}

fn optional() -> Ask {
    Ask::Optional
}

/// The type of an organiser's own question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Free text (a JSON string).
    Text,
    /// Yes or no (a JSON boolean).
    YesNo,
}

/// An organiser's own question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomQuestion {
    /// The key of the answer in `answers`: 1–40 of `a-z`, `0-9`, `_`.
    pub id: String,
    /// The question as shown on the form.
    pub label: String,
    #[serde(rename = "type")]
    pub kind: QuestionKind,
    #[serde(default)]
    pub required: bool,
}

/// The questions of an event's registration form. The built-in ones are
/// answered under the keys `organisation`, `accessibility` (free text) and
/// `interpreter` (one of the interpreter languages).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Questions {
    #[serde(default = "optional")]
    pub organisation: Ask,
    #[serde(default = "optional")]
    pub accessibility: Ask,
    #[serde(default = "optional")]
    pub interpreter: Ask,
    #[serde(default)]
    pub custom: Vec<CustomQuestion>,
}

impl Default for Questions {
    fn default() -> Questions {
        Questions {
            organisation: Ask::Optional,
            accessibility: Ask::Optional,
            interpreter: Ask::Optional,
            custom: Vec::new(),
        }
    }
}

pub const MAX_CUSTOM_QUESTIONS: usize = 10;
pub const MAX_ANSWER: usize = 1000;
/// Form field names of the custom questions (form errors need static names).
pub const CUSTOM_FIELDS: [&str; MAX_CUSTOM_QUESTIONS] = [
    "custom-0", "custom-1", "custom-2", "custom-3", "custom-4", "custom-5", "custom-6", "custom-7",
    "custom-8", "custom-9",
];
const BUILT_IN: [&str; 3] = ["organisation", "accessibility", "interpreter"];

impl Questions {
    /// Reads the stored form (empty: the defaults).
    pub fn from_stored(s: &str) -> Questions {
        if s.is_empty() {
            return Questions::default();
        }
        serde_json::from_str(s).unwrap_or_default()
    }

    pub fn to_stored(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    fn check_definition(&self, p: &mut Vec<Problem>) {
        if self.custom.len() > MAX_CUSTOM_QUESTIONS {
            p.push(Problem::new(
                "questions",
                "events-edit-questions-too-many",
                format!("questions.custom may have at most {MAX_CUSTOM_QUESTIONS} questions"),
            ));
        }
        let mut seen: Vec<&str> = Vec::new();
        for q in &self.custom {
            let id_ok = !q.id.is_empty()
                && q.id.len() <= 40
                && q.id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !id_ok || BUILT_IN.contains(&q.id.as_str()) || seen.contains(&q.id.as_str()) {
                p.push(Problem::new(
                    "questions",
                    "events-edit-questions-invalid",
                    format!(
                        "questions.custom id {:?} must be 1 to 40 of a-z, 0-9 and _, unique, and not organisation, accessibility or interpreter",
                        q.id
                    ),
                ));
            }
            seen.push(&q.id);
            let n = q.label.trim().chars().count();
            if n == 0 || n > MAX_TITLE {
                p.push(Problem::new(
                    "questions",
                    "events-edit-questions-invalid",
                    format!("questions.custom label must have 1 to {MAX_TITLE} characters"),
                ));
            }
        }
    }

    /// Checks answers against the questions: known keys only, the right
    /// type, required ones present. Returns the answers to store.
    pub fn check_answers(
        &self,
        answers: &serde_json::Map<String, serde_json::Value>,
    ) -> Result<serde_json::Map<String, serde_json::Value>, Vec<Problem>> {
        use serde_json::Value;
        let mut p = Vec::new();
        let mut out = serde_json::Map::new();
        for key in answers.keys() {
            let asked = match key.as_str() {
                "organisation" => self.organisation != Ask::Off,
                "accessibility" => self.accessibility != Ask::Off,
                "interpreter" => self.interpreter != Ask::Off,
                other => self.custom.iter().any(|q| q.id == other),
            };
            if !asked {
                p.push(Problem::new(
                    "answers",
                    "events-form-answer-invalid",
                    format!("answers.{key}: this event asks no such question"),
                ));
            }
        }
        let text = |key: &str, field: &'static str, max: usize, p: &mut Vec<Problem>| match answers
            .get(key)
        {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(Value::String(s)) if s.trim().chars().count() <= max => Some(s.trim().to_owned()),
            Some(Value::String(_)) => {
                p.push(Problem::new(
                    field,
                    "events-form-too-long",
                    format!("answers.{key} must have at most {max} characters"),
                ));
                None
            }
            Some(_) => {
                p.push(Problem::new(
                    field,
                    "events-form-answer-invalid",
                    format!("answers.{key} must be a string"),
                ));
                None
            }
        };
        let required =
            |key: &str, field: &'static str, given: bool, ask: bool, p: &mut Vec<Problem>| {
                if ask && !given {
                    p.push(Problem::new(
                        field,
                        "events-form-answer-required",
                        format!("answers.{key} is required"),
                    ));
                }
            };
        for (key, ask, max) in [
            ("organisation", self.organisation, MAX_NAME),
            ("accessibility", self.accessibility, MAX_ANSWER),
        ] {
            let field = if key == "organisation" {
                "organisation"
            } else {
                "accessibility"
            };
            let before = p.len();
            let v = text(key, field, max, &mut p);
            if p.len() == before {
                required(key, field, v.is_some(), ask == Ask::Required, &mut p);
            }
            if let (Some(v), true) = (v, ask != Ask::Off) {
                out.insert(key.to_owned(), Value::String(v));
            }
        }
        let before = p.len();
        let interpreter = text("interpreter", "interpreter", 20, &mut p);
        if let Some(l) = &interpreter {
            if !INTERPRETER_LANGS.contains(&l.as_str()) {
                p.push(Problem::new(
                    "interpreter",
                    "events-form-answer-invalid",
                    format!(
                        "answers.interpreter must be one of {}",
                        INTERPRETER_LANGS.join(", ")
                    ),
                ));
            }
        }
        if p.len() == before {
            required(
                "interpreter",
                "interpreter",
                interpreter.is_some(),
                self.interpreter == Ask::Required,
                &mut p,
            );
        }
        if let (Some(v), true) = (interpreter, self.interpreter != Ask::Off) {
            out.insert("interpreter".to_owned(), Value::String(v));
        }
        for (i, q) in self.custom.iter().enumerate() {
            let field = CUSTOM_FIELDS.get(i).copied().unwrap_or("answers");
            let before = p.len();
            let given = match (q.kind, answers.get(&q.id)) {
                (_, None | Some(Value::Null)) => None,
                (QuestionKind::YesNo, Some(Value::Bool(b))) => Some(Value::Bool(*b)),
                (QuestionKind::YesNo, Some(_)) => {
                    p.push(Problem::new(
                        field,
                        "events-form-answer-invalid",
                        format!("answers.{} must be true or false", q.id),
                    ));
                    None
                }
                (QuestionKind::Text, _) => {
                    text(&q.id, field, MAX_ANSWER, &mut p).map(Value::String)
                }
            };
            if p.len() == before {
                required(&q.id, field, given.is_some(), q.required, &mut p);
            }
            if let Some(v) = given {
                out.insert(q.id.clone(), v);
            }
        }
        if p.is_empty() {
            Ok(out)
        } else {
            Err(p)
        }
    }
}

/// A translation of an event's title and description.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TranslationInput {
    pub title: String,
    #[serde(default)]
    pub description: String,
}

/// Accessibility of the place.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlaceAccessibility {
    /// Step-free access (`null`: not known).
    pub step_free: Option<bool>,
    /// An induction loop for hearing aids (`null`: not known).
    pub hearing_loop: Option<bool>,
    /// Interpreters offered: `dgs` (German sign language) and language tags
    /// (`en`, `tr`, `ar`, `pl`, `ru`, `uk`, `ro`, `bg`).
    #[serde(default)]
    pub interpreters: Vec<String>,
    /// Anything else, e.g. "Lift at the back entrance".
    #[serde(default)]
    pub note: String,
}

/// An event as the API receives it.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EventInput {
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(rename = "type")]
    pub kind: String,
    /// RFC 3339 with offset, e.g. `2025-11-28T16:00:00+01:00`.
    pub starts_at: String,
    pub ends_at: String,
    /// Places; leave out for no limit.
    pub capacity: Option<i64>,
    #[serde(default)]
    pub waitlist: bool,
    pub registration_opens_at: Option<String>,
    pub registration_closes_at: Option<String>,
    /// `public`, `partners` or `invited`.
    pub audience: String,
    /// `required` (default), `optional` or `none`.
    pub registration: Option<String>,
    #[serde(default)]
    pub place_name: String,
    #[serde(default)]
    pub place_address: String,
    /// `published` (default) or `draft` (seen only by organisers).
    pub status: Option<String>,
    /// Title and description in other languages, by language tag
    /// (`de-x-ls`, `en`, `tr`, `ar`, `pl`, `ru`, `uk`, `ro`, `bg`); readers
    /// see their language, else the German text.
    #[serde(default)]
    pub translations: std::collections::BTreeMap<String, TranslationInput>,
    /// Topic slugs, e.g. `["racism", "youth"]`.
    #[serde(default)]
    pub topics: Vec<String>,
    pub place_accessibility: Option<PlaceAccessibility>,
    /// The registration form's questions; left out: organisation,
    /// accessibility needs and interpreter language, all optional.
    pub questions: Option<Questions>,
    /// Until when registrants may cancel themselves (RFC 3339); left out:
    /// until the event starts.
    pub cancellation_closes_at: Option<String>,
    /// Hours a person offered a freed place has to confirm it (1–336,
    /// default 48).
    pub offer_hours: Option<i64>,
}

/// A checked event, ready to store.
#[derive(Debug, Clone)]
pub struct NewEvent {
    pub kind: EventKind,
    pub title: String,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub capacity: Option<i32>,
    pub waitlist: bool,
    pub registration: RegistrationMode,
    pub registration_opens_at: Option<DateTime<Utc>>,
    pub registration_closes_at: Option<DateTime<Utc>>,
    pub audience: Audience,
    pub place_name: String,
    pub place_address: String,
    pub status: EventStatus,
    pub translations: Vec<(Lang, String, String)>,
    pub topics: Vec<Topic>,
    pub step_free: Option<bool>,
    pub hearing_loop: Option<bool>,
    pub interpreters: Vec<String>,
    pub accessibility_note: String,
    pub questions: Questions,
    pub cancellation_closes_at: Option<DateTime<Utc>>,
    pub offer_hours: i32,
}

pub const MAX_TITLE: usize = 200;
pub const MAX_DESCRIPTION: usize = 10_000;
pub const MAX_PLACE: usize = 300;
pub const MAX_NOTE: usize = 1000;
pub const MAX_CAPACITY: i64 = 100_000;
pub const MAX_OFFER_HOURS: i64 = 336;
pub const DEFAULT_OFFER_HOURS: i32 = 48;

fn time(field: &'static str, value: &str, problems: &mut Vec<Problem>) -> Option<DateTime<Utc>> {
    match DateTime::<FixedOffset>::parse_from_rfc3339(value) {
        Ok(t) => Some(t.with_timezone(&Utc)),
        Err(_) => {
            problems.push(Problem::new(
                field,
                "events-edit-time-invalid",
                format!(
                    "{field} must be an RFC 3339 time with offset, e.g. 2025-11-28T16:00:00+01:00"
                ),
            ));
            None
        }
    }
}

impl EventInput {
    /// Checks every field; lists every problem at once.
    pub fn parse(self) -> Result<NewEvent, Vec<Problem>> {
        let mut p = Vec::new();
        let title = self.title.trim().to_owned();
        if title.is_empty() || title.chars().count() > MAX_TITLE {
            p.push(Problem::new(
                "title",
                "events-edit-title-invalid",
                format!("title must have 1 to {MAX_TITLE} characters"),
            ));
        }
        if self.description.chars().count() > MAX_DESCRIPTION {
            p.push(Problem::new(
                "description",
                "events-edit-description-invalid",
                format!("description must have at most {MAX_DESCRIPTION} characters"),
            ));
        }
        if self.place_name.chars().count() > MAX_PLACE {
            p.push(Problem::new(
                "place_name",
                "events-edit-place-invalid",
                format!("place_name and place_address must have at most {MAX_PLACE} characters"),
            ));
        }
        if self.place_address.chars().count() > MAX_PLACE {
            p.push(Problem::new(
                "place_address",
                "events-edit-place-invalid",
                format!("place_name and place_address must have at most {MAX_PLACE} characters"),
            ));
        }
        let kind = EventKind::parse(&self.kind);
        if kind.is_none() {
            p.push(Problem::new(
                "kind",
                "events-edit-kind-invalid",
                format!(
                    "type must be one of {}",
                    EventKind::ALL.map(|k| k.as_str()).join(", ")
                ),
            ));
        }
        let audience = Audience::parse(&self.audience);
        if audience.is_none() {
            p.push(Problem::new(
                "audience",
                "events-edit-audience-invalid",
                "audience must be public, partners or invited",
            ));
        }
        let registration = match self.registration.as_deref() {
            None => Some(RegistrationMode::Required),
            Some(s) => RegistrationMode::parse(s),
        };
        if registration.is_none() {
            p.push(Problem::new(
                "registration",
                "events-edit-registration-invalid",
                "registration must be required, optional or none",
            ));
        }
        let status = match self.status.as_deref() {
            None | Some("published") => Some(EventStatus::Published),
            Some("draft") => Some(EventStatus::Draft),
            Some(_) => None,
        };
        if status.is_none() {
            p.push(Problem::new(
                "status",
                "events-edit-status-invalid",
                "status must be draft or published",
            ));
        }
        let capacity = match self.capacity {
            None => None,
            Some(c) if (0..=MAX_CAPACITY).contains(&c) => i32::try_from(c).ok(),
            Some(_) => {
                p.push(Problem::new(
                    "capacity",
                    "events-edit-capacity-invalid",
                    format!("capacity must be between 0 and {MAX_CAPACITY}"),
                ));
                None
            }
        };
        let offer_hours = match self.offer_hours {
            None => DEFAULT_OFFER_HOURS,
            Some(h) if (1..=MAX_OFFER_HOURS).contains(&h) => {
                i32::try_from(h).unwrap_or(DEFAULT_OFFER_HOURS)
            }
            Some(_) => {
                p.push(Problem::new(
                    "offer_hours",
                    "events-edit-offer-hours-invalid",
                    format!("offer_hours must be between 1 and {MAX_OFFER_HOURS}"),
                ));
                DEFAULT_OFFER_HOURS
            }
        };
        let starts_at = time("starts_at", &self.starts_at, &mut p);
        let ends_at = time("ends_at", &self.ends_at, &mut p);
        let opens = self
            .registration_opens_at
            .as_deref()
            .and_then(|v| time("registration_opens_at", v, &mut p));
        let closes = self
            .registration_closes_at
            .as_deref()
            .and_then(|v| time("registration_closes_at", v, &mut p));
        let cancellation_closes = self
            .cancellation_closes_at
            .as_deref()
            .and_then(|v| time("cancellation_closes_at", v, &mut p));
        if let (Some(s), Some(e)) = (starts_at, ends_at) {
            if e <= s {
                p.push(Problem::new(
                    "ends_at",
                    "events-edit-end-before-start",
                    "ends_at must be after starts_at",
                ));
            }
        }
        if let (Some(o), Some(c)) = (opens, closes) {
            if c <= o {
                p.push(Problem::new(
                    "registration_closes_at",
                    "events-edit-closes-before-opens",
                    "registration_closes_at must be after registration_opens_at",
                ));
            }
        }
        if let (Some(c), Some(e)) = (closes, ends_at) {
            if c > e {
                p.push(Problem::new(
                    "registration_closes_at",
                    "events-edit-closes-after-end",
                    "registration_closes_at must not be after ends_at",
                ));
            }
        }
        if let (Some(c), Some(e)) = (cancellation_closes, ends_at) {
            if c > e {
                p.push(Problem::new(
                    "cancellation_closes_at",
                    "events-edit-cancellation-after-end",
                    "cancellation_closes_at must not be after ends_at",
                ));
            }
        }
        let mut translations = Vec::new();
        for (tag, t) in &self.translations {
            match Lang::ALL.into_iter().find(|l| l.tag() == tag) {
                Some(l) if l != Lang::De => {
                    let tt = t.title.trim();
                    if tt.is_empty() || tt.chars().count() > MAX_TITLE {
                        p.push(Problem::new(
                            "translations",
                            "events-edit-title-invalid",
                            format!(
                                "translations.{tag}.title must have 1 to {MAX_TITLE} characters"
                            ),
                        ));
                    }
                    if t.description.chars().count() > MAX_DESCRIPTION {
                        p.push(Problem::new(
                            "translations",
                            "events-edit-description-invalid",
                            format!(
                                "translations.{tag}.description must have at most {MAX_DESCRIPTION} characters"
                            ),
                        ));
                    }
                    translations.push((l, tt.to_owned(), t.description.clone()));
                }
                _ => p.push(Problem::new(
                    "translations",
                    "events-edit-language-unknown",
                    format!(
                        "translations: unknown language {tag:?}; use one of {}",
                        Lang::ALL
                            .iter()
                            .filter(|l| **l != Lang::De)
                            .map(|l| l.tag())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )),
            }
        }
        let topics = match Topic::parse_all(&self.topics) {
            Ok(t) => t,
            Err(unknown) => {
                p.push(Problem::new(
                    "topics",
                    "events-edit-topic-unknown",
                    format!(
                        "unknown topic {}; known topics: {}",
                        unknown
                            .iter()
                            .map(|u| format!("{u:?}"))
                            .collect::<Vec<_>>()
                            .join(", "),
                        Topic::ALL.map(|t| t.slug()).join(", ")
                    ),
                ));
                Vec::new()
            }
        };
        let access = self.place_accessibility.unwrap_or_default();
        let mut interpreters: Vec<String> = Vec::new();
        for l in &access.interpreters {
            let l = l.trim();
            if !INTERPRETER_LANGS.contains(&l) {
                p.push(Problem::new(
                    "interpreters",
                    "events-edit-interpreter-unknown",
                    format!(
                        "place_accessibility.interpreters: unknown language {l:?}; use {}",
                        INTERPRETER_LANGS.join(", ")
                    ),
                ));
            } else if !interpreters.iter().any(|x| x == l) {
                interpreters.push(l.to_owned());
            }
        }
        if access.note.chars().count() > MAX_NOTE {
            p.push(Problem::new(
                "accessibility_note",
                "events-edit-note-invalid",
                format!("place_accessibility.note must have at most {MAX_NOTE} characters"),
            ));
        }
        let questions = self.questions.unwrap_or_default();
        questions.check_definition(&mut p);
        match (kind, audience, registration, status, starts_at, ends_at) {
            (
                Some(kind),
                Some(audience),
                Some(registration),
                Some(status),
                Some(starts_at),
                Some(ends_at),
            ) if p.is_empty() => Ok(NewEvent {
                kind,
                title,
                description: self.description,
                starts_at,
                ends_at,
                capacity,
                waitlist: self.waitlist,
                registration,
                registration_opens_at: opens,
                registration_closes_at: closes,
                audience,
                place_name: self.place_name.trim().to_owned(),
                place_address: self.place_address.trim().to_owned(),
                status,
                translations,
                topics,
                step_free: access.step_free,
                hearing_loop: access.hearing_loop,
                interpreters,
                accessibility_note: access.note.trim().to_owned(),
                questions: Questions {
                    custom: questions
                        .custom
                        .into_iter()
                        .map(|q| CustomQuestion {
                            label: q.label.trim().to_owned(),
                            ..q
                        })
                        .collect(),
                    ..questions
                },
                cancellation_closes_at: cancellation_closes,
                offer_hours,
            }),
            _ => Err(p),
        }
    }
}

/// A registration as the API receives it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegistrationInput {
    pub name: String,
    pub email: String,
    /// Answers to the event's questions, e.g. `{"organisation": "…", "interpreter": "tr"}`.
    #[serde(default)]
    #[schema(value_type = Object)]
    pub answers: serde_json::Map<String, serde_json::Value>,
}

/// A checked registration.
#[derive(Debug, Clone)]
pub struct NewRegistration {
    pub name: String,
    pub email: String,
    pub answers: String,
    /// The registrant's language, for every later message.
    pub lang: Lang,
}

pub const MAX_NAME: usize = 200;
pub const MAX_ANSWERS_BYTES: usize = 8 * 1024;

impl RegistrationInput {
    /// Checks name, address and the answers against the event's questions.
    pub fn parse(self, questions: &Questions, lang: Lang) -> Result<NewRegistration, Vec<Problem>> {
        let mut p = Vec::new();
        let name = self.name.trim().to_owned();
        if name.is_empty() || name.chars().count() > MAX_NAME {
            p.push(Problem::new(
                "name",
                "events-form-name-invalid",
                format!("name must have 1 to {MAX_NAME} characters"),
            ));
        }
        let email = self.email.trim().to_owned();
        if !crate::platform::mail::valid_address(&email) {
            p.push(Problem::new(
                "email",
                "events-form-email-invalid",
                "email must be a valid e-mail address",
            ));
        }
        let raw_len = serde_json::Value::Object(self.answers.clone())
            .to_string()
            .len();
        let answers = if raw_len > MAX_ANSWERS_BYTES {
            p.push(Problem::new(
                "answers",
                "events-form-too-long",
                format!("answers must be at most {MAX_ANSWERS_BYTES} bytes"),
            ));
            String::new()
        } else {
            match questions.check_answers(&self.answers) {
                Ok(a) => serde_json::Value::Object(a).to_string(),
                Err(q) => {
                    p.extend(q);
                    String::new()
                }
            }
        };
        if p.is_empty() {
            Ok(NewRegistration {
                name,
                email,
                answers,
                lang,
            })
        } else {
            Err(p)
        }
    }
}

/// Whether registration is open at `now`.
pub fn window_state(
    opens: Option<DateTime<Utc>>,
    closes: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Window {
    match (opens, closes) {
        (Some(o), _) if now < o => Window::NotYetOpen,
        (_, Some(c)) if now >= c => Window::Closed,
        _ => Window::Open,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    NotYetOpen,
    Open,
    Closed,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> EventInput {
        EventInput {
            title: "Offene Konferenz".into(),
            description: String::new(),
            kind: "open_conference".into(),
            starts_at: "2025-11-28T16:00:00+01:00".into(),
            ends_at: "2025-11-28T19:00:00+01:00".into(),
            capacity: Some(100),
            waitlist: true,
            registration_opens_at: None,
            registration_closes_at: Some("2025-11-26T00:00:00+01:00".into()),
            audience: "public".into(),
            registration: None,
            place_name: "Haus der Vielfalt".into(),
            place_address: "Zur Vielfalt 21, 44147 Dortmund".into(),
            ..EventInput::default()
        }
    }

    #[test]
    fn valid_event_parses() {
        let e = input().parse().unwrap();
        assert_eq!(e.starts_at.to_rfc3339(), "2025-11-28T15:00:00+00:00");
        assert_eq!(e.registration, RegistrationMode::Required);
    }

    #[test]
    fn bad_events_list_every_problem() {
        let mut i = input();
        i.capacity = Some(-1);
        i.ends_at = "2025-11-28T15:00:00+01:00".into();
        i.kind = "party".into();
        i.topics = vec!["youth".into(), "astrology".into()];
        i.translations
            .insert("fr".into(), TranslationInput::default());
        let p = i.parse().unwrap_err();
        assert_eq!(p.len(), 5, "{p:?}");
        assert!(detail(&p).contains("unknown topic \"astrology\""));
        assert!(detail(&p).contains("unknown language \"fr\""));
    }

    #[test]
    fn answers_are_checked_by_type() {
        let q = Questions {
            interpreter: Ask::Required,
            organisation: Ask::Off,
            custom: vec![CustomQuestion {
                id: "first_time".into(),
                label: "Zum ersten Mal dabei?".into(),
                kind: QuestionKind::YesNo,
                required: true,
            }],
            ..Questions::default()
        };
        let a = |v: serde_json::Value| v.as_object().unwrap().clone();
        let ok = q
            .check_answers(&a(
                serde_json::json!({"interpreter": "dgs", "first_time": false}),
            ))
            .unwrap();
        assert_eq!(ok["first_time"], false);
        let bad = q
            .check_answers(&a(
                serde_json::json!({"interpreter": "xx", "first_time": "yes", "organisation": "V"}),
            ))
            .unwrap_err();
        assert_eq!(bad.len(), 3, "{bad:?}");
        let missing = q.check_answers(&a(serde_json::json!({}))).unwrap_err();
        assert_eq!(missing.len(), 2, "{missing:?}");
    }

    #[test]
    fn windows() {
        let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        let (o, c) = (
            Some(t("2025-11-01T00:00:00Z")),
            Some(t("2025-11-25T00:00:00Z")),
        );
        assert_eq!(
            window_state(o, c, t("2025-10-31T23:59:59Z")),
            Window::NotYetOpen
        );
        assert_eq!(window_state(o, c, t("2025-11-24T23:59:59Z")), Window::Open);
        assert_eq!(
            window_state(o, c, t("2025-11-25T00:00:00Z")),
            Window::Closed
        );
        assert_eq!(
            window_state(None, None, t("2030-01-01T00:00:00Z")),
            Window::Open
        );
    }
}
