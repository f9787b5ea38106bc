//! The topic taxonomy shared by every module: events, minutes, measures,
//! organisations' fields of expertise and consultations are tagged with the
//! same topics, and each topic has a public page listing all of them.
//!
//! The taxonomy is fixed in code so that every label exists in every
//! resident language (`locales/<lang>/topics.ftl`, message `topic-<slug>`),
//! and so that an unknown topic is a clear input error rather than a typo
//! that silently creates a new category.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One topic of the network's work (seeds 001, 003, 004).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    Racism,
    RacialProfiling,
    MentalCrisis,
    Youth,
    Prevention,
    TrafficSafety,
    KnifePrevention,
    HomelessnessDrugs,
    ViolenceAgainstStaff,
    SubjectiveSafety,
    DiverseRecruitment,
    Intercultural,
}

impl Topic {
    pub const ALL: [Topic; 12] = [
        Topic::Racism,
        Topic::RacialProfiling,
        Topic::MentalCrisis,
        Topic::Youth,
        Topic::Prevention,
        Topic::TrafficSafety,
        Topic::KnifePrevention,
        Topic::HomelessnessDrugs,
        Topic::ViolenceAgainstStaff,
        Topic::SubjectiveSafety,
        Topic::DiverseRecruitment,
        Topic::Intercultural,
    ];

    /// The stable identifier used in URLs, the API and the database.
    pub fn slug(self) -> &'static str {
        match self {
            Topic::Racism => "racism",
            Topic::RacialProfiling => "racial-profiling",
            Topic::MentalCrisis => "mental-crisis",
            Topic::Youth => "youth",
            Topic::Prevention => "prevention",
            Topic::TrafficSafety => "traffic-safety",
            Topic::KnifePrevention => "knife-prevention",
            Topic::HomelessnessDrugs => "homelessness-drugs",
            Topic::ViolenceAgainstStaff => "violence-against-staff",
            Topic::SubjectiveSafety => "subjective-safety",
            Topic::DiverseRecruitment => "diverse-recruitment",
            Topic::Intercultural => "intercultural",
        }
    }

    pub fn parse(slug: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.slug() == slug)
    }

    /// Fluent id of the topic's name.
    pub fn label_key(self) -> String {
        format!("topic-{}", self.slug())
    }

    /// Fluent id of the topic's one-sentence description.
    pub fn summary_key(self) -> String {
        format!("topic-{}-summary", self.slug())
    }

    /// Parses a list of slugs; returns the unknown ones as the error so the
    /// caller can name them in its message.
    pub fn parse_all<S: AsRef<str>>(slugs: &[S]) -> Result<Vec<Topic>, Vec<String>> {
        let mut topics = Vec::new();
        let mut unknown = Vec::new();
        for s in slugs {
            let s = s.as_ref().trim();
            match Topic::parse(s) {
                Some(t) if !topics.contains(&t) => topics.push(t),
                Some(_) => {}
                None => unknown.push(s.to_owned()),
            }
        }
        if unknown.is_empty() {
            topics.sort();
            Ok(topics)
        } else {
            Err(unknown)
        }
    }

    /// Stored form of a topic list: slugs separated by spaces.
    pub fn join(topics: &[Topic]) -> String {
        topics
            .iter()
            .map(|t| t.slug())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Reads the stored form; unknown slugs (from a future version) are skipped.
    pub fn split(stored: &str) -> Vec<Topic> {
        stored.split_whitespace().filter_map(Topic::parse).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_unknown_ones_are_named() {
        for t in Topic::ALL {
            assert_eq!(Topic::parse(t.slug()), Some(t));
        }
        assert_eq!(
            Topic::parse_all(&["youth", "racism", "youth"]),
            Ok(vec![Topic::Racism, Topic::Youth])
        );
        assert_eq!(
            Topic::parse_all(&["youth", "astrology"]),
            Err(vec!["astrology".to_owned()])
        );
        assert_eq!(
            Topic::split(&Topic::join(&[Topic::Youth, Topic::Racism])),
            vec![Topic::Youth, Topic::Racism]
        );
    }

    #[test]
    fn every_topic_has_a_label_and_summary_in_every_language() {
        for lang in crate::platform::i18n::Lang::ALL {
            for t in Topic::ALL {
                assert!(
                    crate::platform::i18n::has_message(lang, &t.label_key()),
                    "{} lacks {}",
                    lang.tag(),
                    t.label_key()
                );
                assert!(
                    crate::platform::i18n::has_message(lang, &t.summary_key()),
                    "{} lacks {}",
                    lang.tag(),
                    t.summary_key()
                );
            }
        }
    }
}
