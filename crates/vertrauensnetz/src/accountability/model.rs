//! The register's vocabulary, input validation, the tenant's rule set and
//! the pure compliance check.

use chrono::{DateTime, Duration, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

/// Kinds of force (one record per use).
pub const FORCE_KINDS: [&str; 6] = [
    "baton_drawn",
    "baton_used",
    "pepper_spray",
    "physical_force",
    "handcuffs",
    "other",
];

/// Reasons for a bodycam activation.
pub const BODYCAM_REASONS: [&str; 5] =
    ["danger", "order_to_leave", "baton", "pepper_spray", "other"];

/// Kinds of attack on staff (IMEG's categories).
pub const ATTACK_KINDS: [&str; 4] = ["verbal", "physical", "non_verbal", "property"];

/// Situations in which an attack happened.
pub const ATTACK_SITUATIONS: [&str; 6] = [
    "patrol",
    "order_to_leave",
    "identity_check",
    "rescue_operation",
    "event",
    "other",
];

/// Follow-up steps a manager organises.
pub const FOLLOWUP_STEPS: [&str; 3] = ["debrief", "psychosocial", "medical"];
pub const FOLLOWUP_STATUSES: [&str; 5] = ["open", "offered", "scheduled", "done", "declined"];
pub const TRIAGE_LEVELS: [&str; 3] = ["urgent", "normal", "information"];

/// Agencies whose staff use force and bodycams.
pub const AGENCIES: [&str; 2] = ["police", "kod"];

/// Parses a time as sent by a form (`datetime-local`, local to the tenant)
/// or by the API (RFC 3339).
pub fn parse_time(value: &str, time_zone: &str) -> Option<DateTime<Utc>> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(v) {
        return Some(t.with_timezone(&Utc));
    }
    let naive = NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| NaiveDateTime::parse_from_str(v, "%Y-%m-%d %H:%M"))
        .ok()?;
    let tz: chrono_tz::Tz = time_zone.parse().unwrap_or(chrono_tz::Europe::Berlin);
    tz.from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

/// A time for display and `datetime-local` inputs, in the tenant's zone.
pub fn local(t: DateTime<Utc>, time_zone: &str, fmt: &str) -> String {
    match time_zone.parse::<chrono_tz::Tz>() {
        Ok(tz) => t.with_timezone(&tz).format(fmt).to_string(),
        Err(_) => t.format(fmt).to_string(),
    }
}

/// Records may be entered up to this much ahead of the server's clock
/// (devices' clocks differ a little); anything later is refused.
pub const FUTURE_TOLERANCE_MINUTES: i64 = 5;

/// One validation problem: the field and a message key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: &'static str,
    pub key: &'static str,
}

pub fn problems_detail(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("{}: {}", p.field, p.key))
        .collect::<Vec<_>>()
        .join("; ")
}

fn check_time(
    field: &'static str,
    value: &str,
    tz: &str,
    now: DateTime<Utc>,
    out: &mut Vec<Problem>,
) -> Option<DateTime<Utc>> {
    if value.trim().is_empty() {
        out.push(Problem {
            field,
            key: "acc-error-time-missing",
        });
        return None;
    }
    match parse_time(value, tz) {
        None => {
            out.push(Problem {
                field,
                key: "acc-error-time-invalid",
            });
            None
        }
        Some(t) if t > now + Duration::minutes(FUTURE_TOLERANCE_MINUTES) => {
            out.push(Problem {
                field,
                key: "acc-error-time-future",
            });
            None
        }
        Some(t) => Some(t),
    }
}

fn text(
    field: &'static str,
    v: &str,
    max: usize,
    required: bool,
    out: &mut Vec<Problem>,
) -> String {
    let v = v.trim();
    if required && v.is_empty() {
        out.push(Problem {
            field,
            key: "acc-error-required",
        });
    } else if v.chars().count() > max {
        out.push(Problem {
            field,
            key: "acc-error-too-long",
        });
    }
    v.to_owned()
}

fn count(field: &'static str, v: Option<i64>, out: &mut Vec<Problem>) -> i64 {
    match v {
        Some(n) if (0..=1000).contains(&n) => n,
        None => 0,
        Some(_) => {
            out.push(Problem {
                field,
                key: "acc-error-count",
            });
            0
        }
    }
}

/// A use of force as submitted (form or API).
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ForceInput {
    /// `baton_drawn`, `baton_used`, `pepper_spray`, `physical_force`,
    /// `handcuffs` or `other`.
    pub kind: String,
    /// When it happened: RFC 3339, or `YYYY-MM-DDTHH:MM` in the tenant's
    /// time zone. Not in the future.
    pub occurred_at: String,
    /// District (name of one of the tenant's districts).
    pub district: String,
    pub place: String,
    pub circumstances: String,
    pub persons_affected: Option<i64>,
    pub persons_injured: Option<i64>,
    pub medical_aid: bool,
    pub own_injuries: bool,
    pub warning_given: bool,
    /// An order to leave (Platzverweis) was given in the situation.
    pub order_to_leave: bool,
    /// The bodycam was recording.
    pub bodycam_on: bool,
    pub witnesses: String,
    /// Free reference to a patrol (the patrol module is not built yet).
    pub patrol_ref: String,
    /// Number of a stop receipt, if one was issued.
    pub stop_receipt: String,
}

/// A validated use of force.
#[derive(Debug, Clone)]
pub struct ForceFacts {
    pub kind: &'static str,
    pub occurred_at: DateTime<Utc>,
    pub district: String,
    pub place: String,
    pub circumstances: String,
    pub persons_affected: i64,
    pub persons_injured: i64,
    pub medical_aid: bool,
    pub own_injuries: bool,
    pub warning_given: bool,
    pub order_to_leave: bool,
    pub bodycam_on: bool,
    pub witnesses: String,
    pub patrol_ref: String,
    pub stop_receipt: String,
}

impl ForceInput {
    pub fn validate(
        &self,
        tz: &str,
        now: DateTime<Utc>,
        districts: &[String],
    ) -> Result<ForceFacts, Vec<Problem>> {
        let mut p = Vec::new();
        let kind = FORCE_KINDS
            .iter()
            .find(|k| **k == self.kind.trim())
            .copied();
        if kind.is_none() {
            p.push(Problem {
                field: "kind",
                key: "acc-error-kind",
            });
        }
        let occurred = check_time("occurred_at", &self.occurred_at, tz, now, &mut p);
        let district = text("district", &self.district, 200, false, &mut p);
        if !district.is_empty() && !districts.is_empty() && !districts.contains(&district) {
            p.push(Problem {
                field: "district",
                key: "acc-error-district",
            });
        }
        let place = text("place", &self.place, 300, true, &mut p);
        let circumstances = text("circumstances", &self.circumstances, 5000, true, &mut p);
        let affected = count("persons_affected", self.persons_affected, &mut p);
        let injured = count("persons_injured", self.persons_injured, &mut p);
        if injured > affected {
            p.push(Problem {
                field: "persons_injured",
                key: "acc-error-injured-more",
            });
        }
        let witnesses = text("witnesses", &self.witnesses, 2000, false, &mut p);
        let patrol_ref = text("patrol_ref", &self.patrol_ref, 100, false, &mut p);
        let stop_receipt = text("stop_receipt", &self.stop_receipt, 100, false, &mut p);
        match (kind, occurred, p.is_empty()) {
            (Some(kind), Some(occurred_at), true) => Ok(ForceFacts {
                kind,
                occurred_at,
                district,
                place,
                circumstances,
                persons_affected: affected,
                persons_injured: injured,
                medical_aid: self.medical_aid,
                own_injuries: self.own_injuries,
                warning_given: self.warning_given,
                order_to_leave: self.order_to_leave,
                bodycam_on: self.bodycam_on,
                witnesses,
                patrol_ref,
                stop_receipt,
            }),
            _ => Err(p),
        }
    }
}

/// A bodycam activation as submitted.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct BodycamInput {
    /// When recording started (RFC 3339 or local `YYYY-MM-DDTHH:MM`).
    pub started_at: String,
    /// When recording stopped (empty: not yet).
    pub stopped_at: String,
    /// `danger`, `order_to_leave`, `baton`, `pepper_spray` or `other`.
    pub reason: String,
    pub note: String,
    pub district: String,
    /// The recording was announced to the persons present.
    pub announced: bool,
    /// The recording is kept as evidence (not deleted after the retention
    /// period).
    pub evidence: bool,
}

#[derive(Debug, Clone)]
pub struct BodycamFacts {
    pub started_at: DateTime<Utc>,
    pub stopped_at: Option<DateTime<Utc>>,
    pub reason: &'static str,
    pub note: String,
    pub district: String,
    pub announced: bool,
    pub evidence: bool,
}

impl BodycamInput {
    pub fn validate(
        &self,
        tz: &str,
        now: DateTime<Utc>,
        districts: &[String],
    ) -> Result<BodycamFacts, Vec<Problem>> {
        let mut p = Vec::new();
        let reason = BODYCAM_REASONS
            .iter()
            .find(|k| **k == self.reason.trim())
            .copied();
        if reason.is_none() {
            p.push(Problem {
                field: "reason",
                key: "acc-error-reason",
            });
        }
        let started = check_time("started_at", &self.started_at, tz, now, &mut p);
        let stopped = if self.stopped_at.trim().is_empty() {
            None
        } else {
            check_time("stopped_at", &self.stopped_at, tz, now, &mut p)
        };
        if let (Some(s), Some(e)) = (started, stopped) {
            if e < s {
                p.push(Problem {
                    field: "stopped_at",
                    key: "acc-error-stop-before-start",
                });
            }
        }
        let note = text("note", &self.note, 2000, false, &mut p);
        let district = text("district", &self.district, 200, false, &mut p);
        if !district.is_empty() && !districts.is_empty() && !districts.contains(&district) {
            p.push(Problem {
                field: "district",
                key: "acc-error-district",
            });
        }
        match (reason, started, p.is_empty()) {
            (Some(reason), Some(started_at), true) => Ok(BodycamFacts {
                started_at,
                stopped_at: stopped,
                reason,
                note,
                district,
                announced: self.announced,
                evidence: self.evidence,
            }),
            _ => Err(p),
        }
    }
}

/// An attack on staff as submitted.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct AttackInput {
    /// When it happened (RFC 3339 or local `YYYY-MM-DDTHH:MM`).
    pub occurred_at: String,
    pub district: String,
    pub place: String,
    /// `patrol`, `order_to_leave`, `identity_check`, `rescue_operation`,
    /// `event` or `other`.
    pub situation: String,
    /// One or more of `verbal`, `physical`, `non_verbal`, `property`.
    pub kinds: Vec<String>,
    /// What happened.
    pub description: String,
    pub injured: bool,
    pub injuries: String,
    pub witnesses: String,
    /// A bodycam was recording.
    pub bodycam: bool,
}

#[derive(Debug, Clone)]
pub struct AttackFacts {
    pub occurred_at: DateTime<Utc>,
    pub district: String,
    pub place: String,
    pub situation: &'static str,
    pub kinds: Vec<&'static str>,
    pub description: String,
    pub injured: bool,
    pub injuries: String,
    pub witnesses: String,
    pub bodycam: bool,
}

impl AttackInput {
    pub fn validate(
        &self,
        tz: &str,
        now: DateTime<Utc>,
        districts: &[String],
    ) -> Result<AttackFacts, Vec<Problem>> {
        let mut p = Vec::new();
        let occurred = check_time("occurred_at", &self.occurred_at, tz, now, &mut p);
        let situation = ATTACK_SITUATIONS
            .iter()
            .find(|k| **k == self.situation.trim())
            .copied();
        if situation.is_none() {
            p.push(Problem {
                field: "situation",
                key: "acc-error-situation",
            });
        }
        let mut kinds = Vec::new();
        for k in &self.kinds {
            match ATTACK_KINDS.iter().find(|a| **a == k.trim()) {
                Some(a) if !kinds.contains(a) => kinds.push(*a),
                Some(_) => {}
                None => {
                    p.push(Problem {
                        field: "kinds",
                        key: "acc-error-kind",
                    });
                    break;
                }
            }
        }
        if kinds.is_empty() && !p.iter().any(|x| x.field == "kinds") {
            p.push(Problem {
                field: "kinds",
                key: "acc-error-kinds-missing",
            });
        }
        let district = text("district", &self.district, 200, false, &mut p);
        if !district.is_empty() && !districts.is_empty() && !districts.contains(&district) {
            p.push(Problem {
                field: "district",
                key: "acc-error-district",
            });
        }
        let place = text("place", &self.place, 300, true, &mut p);
        let description = text("description", &self.description, 5000, true, &mut p);
        let injuries = text("injuries", &self.injuries, 2000, false, &mut p);
        let witnesses = text("witnesses", &self.witnesses, 2000, false, &mut p);
        match (occurred, situation, p.is_empty()) {
            (Some(occurred_at), Some(situation), true) => Ok(AttackFacts {
                occurred_at,
                district,
                place,
                situation,
                kinds,
                description,
                injured: self.injured || !injuries.is_empty(),
                injuries,
                witnesses,
                bodycam: self.bodycam,
            }),
            _ => Err(p),
        }
    }
}

/// The tenant's rule set, retention and report publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rules {
    pub bodycam_baton_drawn: bool,
    pub bodycam_baton_used: bool,
    pub bodycam_pepper_spray: bool,
    pub bodycam_order_to_leave: bool,
    pub review_required: bool,
    pub review_hours: i64,
    pub retention_days: i64,
    pub report_public: bool,
}

impl Default for Rules {
    /// The defaults: bodycam recording when a baton is drawn or used, pepper
    /// spray is used or an order to leave is given; a supervisor review
    /// within 72 hours; recordings deleted after 14 days (§ 15c PolG NRW)
    /// unless kept as evidence; reports for the committee only.
    fn default() -> Rules {
        Rules {
            bodycam_baton_drawn: true,
            bodycam_baton_used: true,
            bodycam_pepper_spray: true,
            bodycam_order_to_leave: true,
            review_required: true,
            review_hours: 72,
            retention_days: 14,
            report_public: false,
        }
    }
}

/// A rule a record can break.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Violation {
    BodycamBatonDrawn,
    BodycamBatonUsed,
    BodycamPepperSpray,
    BodycamOrderToLeave,
    ReviewOverdue,
    ReviewLate,
}

impl Violation {
    pub const ALL: [Violation; 6] = [
        Violation::BodycamBatonDrawn,
        Violation::BodycamBatonUsed,
        Violation::BodycamPepperSpray,
        Violation::BodycamOrderToLeave,
        Violation::ReviewOverdue,
        Violation::ReviewLate,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Violation::BodycamBatonDrawn => "acc-violation-bodycam-baton-drawn",
            Violation::BodycamBatonUsed => "acc-violation-bodycam-baton-used",
            Violation::BodycamPepperSpray => "acc-violation-bodycam-pepper-spray",
            Violation::BodycamOrderToLeave => "acc-violation-bodycam-order-to-leave",
            Violation::ReviewOverdue => "acc-violation-review-overdue",
            Violation::ReviewLate => "acc-violation-review-late",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Violation::BodycamBatonDrawn => "bodycam_baton_drawn",
            Violation::BodycamBatonUsed => "bodycam_baton_used",
            Violation::BodycamPepperSpray => "bodycam_pepper_spray",
            Violation::BodycamOrderToLeave => "bodycam_order_to_leave",
            Violation::ReviewOverdue => "review_overdue",
            Violation::ReviewLate => "review_late",
        }
    }
}

/// What the compliance check needs of a record.
#[derive(Debug, Clone, Copy)]
pub struct CheckInput<'a> {
    pub kind: &'a str,
    pub order_to_leave: bool,
    pub bodycam_on: bool,
    pub occurred_at: DateTime<Utc>,
    pub reviewed_at: Option<DateTime<Utc>>,
}

/// Every rule `record` breaks under `rules` as of `now`. A review still
/// within its deadline is no violation yet.
pub fn check(record: &CheckInput<'_>, rules: &Rules, now: DateTime<Utc>) -> Vec<Violation> {
    let mut v = Vec::new();
    if !record.bodycam_on {
        if rules.bodycam_baton_drawn && record.kind == "baton_drawn" {
            v.push(Violation::BodycamBatonDrawn);
        }
        if rules.bodycam_baton_used && record.kind == "baton_used" {
            v.push(Violation::BodycamBatonUsed);
        }
        if rules.bodycam_pepper_spray && record.kind == "pepper_spray" {
            v.push(Violation::BodycamPepperSpray);
        }
        if rules.bodycam_order_to_leave && record.order_to_leave {
            v.push(Violation::BodycamOrderToLeave);
        }
    }
    if rules.review_required {
        let due = record.occurred_at + Duration::hours(rules.review_hours);
        match record.reviewed_at {
            None if now > due => v.push(Violation::ReviewOverdue),
            Some(r) if r > due => v.push(Violation::ReviewLate),
            _ => {}
        }
    }
    v
}

/// A count as shown in reports: counts of 1 to 4 are suppressed where
/// persons could be identified.
pub const SUPPRESS_BELOW: i64 = 5;

pub fn suppressed(n: i64) -> Option<i64> {
    (n == 0 || n >= SUPPRESS_BELOW).then_some(n)
}

/// A report period: a year or a quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub year: i32,
    /// 1–4, or `None` for the whole year.
    pub quarter: Option<u32>,
}

impl Period {
    /// `2026` or `2026-q3` (case-insensitive).
    pub fn parse(s: &str) -> Option<Period> {
        let s = s.trim().to_ascii_lowercase();
        let (y, q) = match s.split_once("-q") {
            Some((y, q)) => (y.to_owned(), Some(q.parse::<u32>().ok()?)),
            None => (s.clone(), None),
        };
        if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        if !(2000..=2100).contains(&year) || q.is_some_and(|q| !(1..=4).contains(&q)) {
            return None;
        }
        Some(Period { year, quarter: q })
    }

    pub fn slug(&self) -> String {
        match self.quarter {
            Some(q) => format!("{}-q{q}", self.year),
            None => self.year.to_string(),
        }
    }

    /// The first and the one-past-last month (1-based; 13 = next January).
    pub fn months(&self) -> (u32, u32) {
        match self.quarter {
            Some(q) => (3 * q - 2, 3 * q + 1),
            None => (1, 13),
        }
    }

    pub fn previous(&self) -> Period {
        match self.quarter {
            Some(1) => Period {
                year: self.year - 1,
                quarter: Some(4),
            },
            Some(q) => Period {
                year: self.year,
                quarter: Some(q - 1),
            },
            None => Period {
                year: self.year - 1,
                quarter: None,
            },
        }
    }

    /// Start and end (exclusive) in UTC, the period taken in `time_zone`.
    pub fn bounds(&self, time_zone: &str) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let tz: chrono_tz::Tz = time_zone.parse().unwrap_or(chrono_tz::Europe::Berlin);
        let (m0, m1) = self.months();
        let at = |y: i32, m: u32| {
            let (y, m) = if m == 13 { (y + 1, 1) } else { (y, m) };
            tz.with_ymd_and_hms(y, m, 1, 0, 0, 0)
                .earliest()
                .map(|t| t.with_timezone(&Utc))
        };
        Some((at(self.year, m0)?, at(self.year, m1)?))
    }

    /// The period containing `t` (a quarter).
    pub fn quarter_of(t: DateTime<Utc>, time_zone: &str) -> Period {
        use chrono::Datelike;
        let tz: chrono_tz::Tz = time_zone.parse().unwrap_or(chrono_tz::Europe::Berlin);
        let l = t.with_timezone(&tz);
        Period {
            year: l.year(),
            quarter: Some((l.month() - 1) / 3 + 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(kind: &str, bodycam: bool) -> CheckInput<'_> {
        CheckInput {
            kind,
            order_to_leave: false,
            bodycam_on: bodycam,
            occurred_at: Utc::now() - Duration::hours(1),
            reviewed_at: None,
        }
    }

    #[test]
    fn baton_drawn_without_bodycam_is_flagged_by_default() {
        let now = Utc::now();
        assert_eq!(
            check(&rec("baton_drawn", false), &Rules::default(), now),
            vec![Violation::BodycamBatonDrawn]
        );
        assert!(check(&rec("baton_drawn", true), &Rules::default(), now).is_empty());
        assert!(check(&rec("handcuffs", false), &Rules::default(), now).is_empty());
    }

    #[test]
    fn a_switched_off_rule_flags_nothing() {
        let rules = Rules {
            bodycam_baton_drawn: false,
            ..Rules::default()
        };
        assert!(check(&rec("baton_drawn", false), &rules, Utc::now()).is_empty());
        assert_eq!(
            check(&rec("baton_used", false), &rules, Utc::now()),
            vec![Violation::BodycamBatonUsed]
        );
    }

    #[test]
    fn order_to_leave_needs_the_bodycam() {
        let mut r = rec("physical_force", false);
        r.order_to_leave = true;
        assert_eq!(
            check(&r, &Rules::default(), Utc::now()),
            vec![Violation::BodycamOrderToLeave]
        );
    }

    #[test]
    fn review_deadline() {
        let rules = Rules::default();
        let now = Utc::now();
        let mut r = rec("handcuffs", true);
        r.occurred_at = now - Duration::hours(73);
        assert_eq!(check(&r, &rules, now), vec![Violation::ReviewOverdue]);
        r.reviewed_at = Some(r.occurred_at + Duration::hours(80));
        assert_eq!(check(&r, &rules, now), vec![Violation::ReviewLate]);
        r.reviewed_at = Some(r.occurred_at + Duration::hours(10));
        assert!(check(&r, &rules, now).is_empty());
        r.reviewed_at = None;
        r.occurred_at = now - Duration::hours(71);
        assert!(check(&r, &rules, now).is_empty());
        let off = Rules {
            review_required: false,
            ..rules
        };
        r.occurred_at = now - Duration::hours(100);
        assert!(check(&r, &off, now).is_empty());
    }

    #[test]
    fn periods() {
        assert_eq!(
            Period::parse("2026-Q3"),
            Some(Period {
                year: 2026,
                quarter: Some(3)
            })
        );
        assert_eq!(Period::parse("2026").map(|p| p.quarter), Some(None));
        assert_eq!(Period::parse("2026-q5"), None);
        assert_eq!(Period::parse("26"), None);
        assert_eq!(
            Period::parse("2026-q1").map(|p| p.previous().slug()),
            Some("2025-q4".into())
        );
        let (a, b) = Period::parse("2026-q1")
            .unwrap()
            .bounds("Europe/Berlin")
            .unwrap();
        assert_eq!(a.to_rfc3339(), "2025-12-31T23:00:00+00:00");
        assert_eq!(b.to_rfc3339(), "2026-03-31T22:00:00+00:00");
    }

    #[test]
    fn suppression() {
        assert_eq!(suppressed(0), Some(0));
        assert_eq!(suppressed(4), None);
        assert_eq!(suppressed(5), Some(5));
    }

    #[test]
    fn future_and_unknown_kind_are_refused() {
        let now = Utc::now();
        let input = ForceInput {
            kind: "taser".into(),
            occurred_at: (now + Duration::hours(2)).to_rfc3339(),
            place: "Markt".into(),
            circumstances: "x".into(),
            ..ForceInput::default()
        };
        let p = input.validate("Europe/Berlin", now, &[]).unwrap_err();
        assert!(p.iter().any(|p| p.key == "acc-error-kind"));
        assert!(p.iter().any(|p| p.key == "acc-error-time-future"));
        let missing = AttackInput {
            situation: "patrol".into(),
            kinds: vec!["verbal".into()],
            place: "Markt".into(),
            description: "x".into(),
            ..AttackInput::default()
        };
        let p = missing.validate("Europe/Berlin", now, &[]).unwrap_err();
        assert_eq!(p[0].key, "acc-error-time-missing");
    }
}
