//! Types and rules of the cooperation network, checked once at the edge.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Defines a closed set of values stored and exchanged as snake_case text,
/// with `ALL`, `as_str`, `parse` and the Fluent key of its label.
macro_rules! code_enum {
    ($(#[$m:meta])* $name:ident, $prefix:literal { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn parse(s: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s)
            }

            /// Fluent id of the value's label.
            pub fn label_key(self) -> String {
                format!(concat!($prefix, "-{}"), self.as_str())
            }
        }
    };
}

code_enum!(
    /// What kind of organisation it is.
    OrgKind, "network-org-kind" {
        MigrantOrganisation => "migrant_organisation",
        YouthOrganisation => "youth_organisation",
        Association => "association",
        ReligiousCommunity => "religious_community",
        CounsellingService => "counselling_service",
        PoliceUnit => "police_unit",
        CityOffice => "city_office",
        Other => "other",
    }
);

code_enum!(
    /// Where an application to join stands.
    AppStatus, "network-app-status" {
        Interest => "interest",
        Submitted => "submitted",
        InReview => "in_review",
        Accepted => "accepted",
        Rejected => "rejected",
    }
);

code_enum!(
    /// A body of the network.
    BodyKind, "network-body-kind" {
        SteeringGroup => "steering_group",
        WorkingGroup => "working_group",
        RoundTable => "round_table",
    }
);

code_enum!(
    /// A member's role in a body.
    MemberRole, "network-member-role" {
        Chair => "chair",
        Member => "member",
        Guest => "guest",
    }
);

code_enum!(
    /// The majority a body's vote needs.
    Majority, "network-majority" {
        Simple => "simple",
        TwoThirds => "two_thirds",
        Unanimous => "unanimous",
    }
);

code_enum!(
    /// One member's vote on an application.
    Vote, "network-vote" {
        Yes => "yes",
        No => "no",
        Abstain => "abstain",
    }
);

code_enum!(
    /// Where an action item stands.
    ActionStatus, "network-action-status" {
        Open => "open",
        InProgress => "in_progress",
        Done => "done",
        Dropped => "dropped",
    }
);

code_enum!(
    /// A partner's answer to a version of a press release.
    PressDecision, "network-press-decision" {
        Approve => "approve",
        Object => "object",
    }
);

pub const MAX_NAME: usize = 200;
pub const MAX_LINE: usize = 300;
pub const MAX_TEXT: usize = 20_000;
/// Statutes: PDF only, at most this many bytes.
pub const MAX_STATUTES: usize = 5 * 1024 * 1024;
/// Logo: PNG or JPEG, at most this many bytes.
pub const MAX_LOGO: usize = 256 * 1024;

/// A required single-line text: trimmed, 1..=max characters.
pub fn required(value: &str, max: usize) -> Option<String> {
    let v = value.trim();
    (!v.is_empty() && v.chars().count() <= max && !v.contains(['\n', '\r'])).then(|| v.to_owned())
}

/// A required text that may span lines: trimmed, 1..=max characters.
pub fn required_text(value: &str, max: usize) -> Option<String> {
    let v = value.trim();
    (!v.is_empty() && v.chars().count() <= max).then(|| v.to_owned())
}

/// An optional text of at most `max` characters (trimmed).
pub fn optional(value: &str, max: usize) -> Option<String> {
    let v = value.trim();
    (v.chars().count() <= max).then(|| v.to_owned())
}

/// Is this upload a PDF? Decided by its content (the `%PDF-` header at the
/// start and an end-of-file marker near the end), never by its name.
pub fn is_pdf(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    bytes.starts_with(b"%PDF-") && tail.windows(5).any(|w| w == b"%%EOF")
}

/// The image type of a logo by its content: PNG or JPEG only (no SVG, which
/// could carry script).
pub fn logo_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else {
        None
    }
}

/// Normalises a city name for the eligibility check: case, surrounding
/// space and a leading postcode do not matter.
pub fn same_city(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.trim()
            .trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace())
            .to_lowercase()
    };
    !a.trim().is_empty() && norm(a) == norm(b)
}

/// The count of a body's vote on one application.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, ToSchema)]
pub struct Tally {
    pub yes: i64,
    pub no: i64,
    pub abstain: i64,
    /// Members entitled to vote (chairs and members in their term; not guests).
    pub entitled: i64,
    /// Votes needed for the quorum.
    pub quorum: i64,
}

/// What the votes decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    QuorumNotMet,
    Accepted,
    Rejected,
}

impl Tally {
    pub fn new(yes: i64, no: i64, abstain: i64, entitled: i64, quorum_percent: i64) -> Tally {
        // At least one vote, and at least the percentage of entitled members
        // (rounded up).
        let quorum = ((entitled * quorum_percent + 99) / 100).max(1);
        Tally {
            yes,
            no,
            abstain,
            entitled,
            quorum,
        }
    }

    pub fn cast(&self) -> i64 {
        self.yes + self.no + self.abstain
    }

    pub fn outcome(&self, majority: Majority) -> Outcome {
        if self.cast() < self.quorum {
            return Outcome::QuorumNotMet;
        }
        // Abstentions count for the quorum, not for the majority.
        let accepted = match majority {
            Majority::Simple => self.yes > self.no,
            Majority::TwoThirds => self.yes > 0 && 3 * self.yes >= 2 * (self.yes + self.no),
            Majority::Unanimous => self.yes > 0 && self.no == 0,
        };
        if accepted {
            Outcome::Accepted
        } else {
            Outcome::Rejected
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quorum_and_majorities() {
        // 7 entitled, quorum 50 % → 4 votes needed.
        let t = Tally::new(2, 1, 0, 7, 50);
        assert_eq!(t.quorum, 4);
        assert_eq!(t.outcome(Majority::Simple), Outcome::QuorumNotMet);
        let t = Tally::new(2, 1, 1, 7, 50);
        assert_eq!(t.outcome(Majority::Simple), Outcome::Accepted);
        assert_eq!(t.outcome(Majority::TwoThirds), Outcome::Accepted);
        assert_eq!(t.outcome(Majority::Unanimous), Outcome::Rejected);
        let t = Tally::new(2, 2, 0, 4, 100);
        assert_eq!(t.outcome(Majority::Simple), Outcome::Rejected);
        let t = Tally::new(0, 0, 4, 4, 100);
        assert_eq!(t.outcome(Majority::Simple), Outcome::Rejected);
        assert_eq!(Tally::new(0, 0, 0, 0, 50).quorum, 1);
    }

    #[test]
    fn uploads_are_judged_by_content() {
        assert!(is_pdf(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n"));
        assert!(!is_pdf(b"MZ\x90\x00 this is an executable %PDF-"));
        assert!(!is_pdf(b"%PDF-1.7 but cut off"));
        assert_eq!(logo_type(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
        assert_eq!(logo_type(b"<svg onload=alert(1)>"), None);
    }

    #[test]
    fn cities_compare_loosely() {
        assert!(same_city(" 44135 Dortmund", "dortmund"));
        assert!(!same_city("Bochum", "Dortmund"));
        assert!(!same_city("", ""));
    }
}
