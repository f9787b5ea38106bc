//! Events and registrations: the types and the rules, checked once at the
//! edge so that nothing invalid reaches the store.

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

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

/// An event as the API receives it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
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
}

pub const MAX_TITLE: usize = 200;
pub const MAX_DESCRIPTION: usize = 10_000;
pub const MAX_PLACE: usize = 300;
pub const MAX_CAPACITY: i64 = 100_000;

fn time(field: &str, value: &str, problems: &mut Vec<String>) -> Option<DateTime<Utc>> {
    match DateTime::<FixedOffset>::parse_from_rfc3339(value) {
        Ok(t) => Some(t.with_timezone(&Utc)),
        Err(_) => {
            problems.push(format!(
                "{field} must be an RFC 3339 time with offset, e.g. 2025-11-28T16:00:00+01:00"
            ));
            None
        }
    }
}

impl EventInput {
    /// Checks every field; lists every problem at once.
    pub fn parse(self) -> Result<NewEvent, Vec<String>> {
        let mut p = Vec::new();
        let title = self.title.trim().to_owned();
        if title.is_empty() || title.chars().count() > MAX_TITLE {
            p.push(format!("title must have 1 to {MAX_TITLE} characters"));
        }
        if self.description.chars().count() > MAX_DESCRIPTION {
            p.push(format!(
                "description must have at most {MAX_DESCRIPTION} characters"
            ));
        }
        if self.place_name.chars().count() > MAX_PLACE
            || self.place_address.chars().count() > MAX_PLACE
        {
            p.push(format!(
                "place_name and place_address must have at most {MAX_PLACE} characters"
            ));
        }
        let kind = EventKind::parse(&self.kind);
        if kind.is_none() {
            p.push(format!(
                "type must be one of {}",
                EventKind::ALL.map(|k| k.as_str()).join(", ")
            ));
        }
        let audience = Audience::parse(&self.audience);
        if audience.is_none() {
            p.push("audience must be public, partners or invited".to_owned());
        }
        let registration = match self.registration.as_deref() {
            None => Some(RegistrationMode::Required),
            Some(s) => RegistrationMode::parse(s),
        };
        if registration.is_none() {
            p.push("registration must be required, optional or none".to_owned());
        }
        let capacity = match self.capacity {
            None => None,
            Some(c) if (0..=MAX_CAPACITY).contains(&c) => i32::try_from(c).ok(),
            Some(_) => {
                p.push(format!("capacity must be between 0 and {MAX_CAPACITY}"));
                None
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
        if let (Some(s), Some(e)) = (starts_at, ends_at) {
            if e <= s {
                p.push("ends_at must be after starts_at".to_owned());
            }
        }
        if let (Some(o), Some(c)) = (opens, closes) {
            if c <= o {
                p.push("registration_closes_at must be after registration_opens_at".to_owned());
            }
        }
        if let (Some(c), Some(e)) = (closes, ends_at) {
            if c > e {
                p.push("registration_closes_at must not be after ends_at".to_owned());
            }
        }
        match (kind, audience, registration, starts_at, ends_at) {
            (Some(kind), Some(audience), Some(registration), Some(starts_at), Some(ends_at))
                if p.is_empty() =>
            {
                Ok(NewEvent {
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
                })
            }
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
}

pub const MAX_NAME: usize = 200;
pub const MAX_ANSWERS_BYTES: usize = 8 * 1024;

impl RegistrationInput {
    pub fn parse(self) -> Result<NewRegistration, Vec<String>> {
        let mut p = Vec::new();
        let name = self.name.trim().to_owned();
        if name.is_empty() || name.chars().count() > MAX_NAME {
            p.push(format!("name must have 1 to {MAX_NAME} characters"));
        }
        let email = self.email.trim().to_owned();
        if !crate::platform::mail::valid_address(&email) {
            p.push("email must be a valid e-mail address".to_owned());
        }
        let answers = serde_json::Value::Object(self.answers).to_string();
        if answers.len() > MAX_ANSWERS_BYTES {
            p.push(format!("answers must be at most {MAX_ANSWERS_BYTES} bytes"));
        }
        if p.is_empty() {
            Ok(NewRegistration {
                name,
                email,
                answers,
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
        let p = i.parse().unwrap_err();
        assert_eq!(p.len(), 3, "{p:?}");
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
