//! Vocabularies and the rules of a receipt: what may be issued, parsed
//! once at the edge (API and form share [`IssueInput::parse`]).

use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use serde::{Deserialize, Serialize};

/// The issuing agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Agency {
    Police,
    Kod,
}

impl Agency {
    pub fn as_str(self) -> &'static str {
        match self {
            Agency::Police => "police",
            Agency::Kod => "kod",
        }
    }

    pub fn parse(s: &str) -> Option<Agency> {
        match s {
            "police" => Some(Agency::Police),
            "kod" => Some(Agency::Kod),
            _ => None,
        }
    }

    /// The legal bases an agency may cite until the tenant's administrator
    /// sets its own list: code and citation (citations are statute names
    /// and stay as written in every language).
    pub fn default_legal_bases(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Agency::Police => &[
                ("polg-nrw-12", "§ 12 PolG NRW (Identitätsfeststellung)"),
                ("polg-nrw-34", "§ 34 PolG NRW (Platzverweis)"),
                ("polg-nrw-39", "§ 39 PolG NRW (Durchsuchung von Personen)"),
                ("polg-nrw-40", "§ 40 PolG NRW (Durchsuchung von Sachen)"),
                ("stpo-163b", "§ 163b StPO (Identitätsfeststellung)"),
            ],
            Agency::Kod => &[
                ("obg-nrw-24-12", "§ 24 OBG NRW i. V. m. § 12 PolG NRW"),
                (
                    "obg-nrw-24-34",
                    "§ 24 OBG NRW i. V. m. § 34 PolG NRW (Platzverweis)",
                ),
                ("owig-46-163b", "§ 46 OWiG i. V. m. § 163b StPO"),
            ],
        }
    }

    /// The issuer id in the signed payload: `<jurisdiction>/<agency>`.
    pub fn issuer(self, jurisdiction: &str) -> String {
        format!("{jurisdiction}/{}", self.as_str())
    }
}

pub const REASONS: &[&str] = &[
    "suspected_offence",
    "suspected_admin_offence",
    "danger",
    "designated_place",
    "witness",
    "other",
];

pub const MEASURES: &[&str] = &[
    "identity_check",
    "search_person",
    "search_belongings",
    "vehicle_check",
    "order_to_leave",
    "other",
];

pub const OUTCOMES: &[&str] = &[
    "no_action",
    "warning",
    "admin_offence_report",
    "criminal_complaint",
    "arrest",
];

/// Outcomes that count as a "hit" in the outcome test.
pub fn is_hit(outcome: &str) -> bool {
    matches!(
        outcome,
        "admin_offence_report" | "criminal_complaint" | "arrest"
    )
}

/// Measures that count as a search.
pub fn is_search(measure: &str) -> bool {
    matches!(measure, "search_person" | "search_belongings")
}

pub const AGE_BANDS: &[&str] = &[
    "under_18",
    "18_24",
    "25_39",
    "40_59",
    "60_plus",
    "no_answer",
];
pub const GENDERS: &[&str] = &["female", "male", "diverse", "no_answer"];
pub const RESPECTFUL: &[&str] = &["yes", "partly", "no", "no_answer"];
pub const EXPLAINED: &[&str] = &["yes", "no", "no_answer"];
/// The default list of self-identified groups (tenants may change it).
pub const DEFAULT_GROUPS: &[&str] = &[
    "white_german",
    "black",
    "turkish_arab",
    "eastern_european",
    "asian",
    "sinti_roma",
    "other",
];
pub const NO_ANSWER: &str = "no_answer";

/// Whether every stop gets a receipt or only those where one is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    EveryStop,
    OnRequest,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::EveryStop => "every_stop",
            Mode::OnRequest => "on_request",
        }
    }

    pub fn parse(s: &str) -> Option<Mode> {
        match s {
            "every_stop" => Some(Mode::EveryStop),
            "on_request" => Some(Mode::OnRequest),
            _ => None,
        }
    }
}

/// A legal basis an agency may cite. Retired bases (`active` false) can no
/// longer be cited but still name the basis of the receipts that did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegalBasis {
    pub agency: Agency,
    pub code: String,
    pub citation: String,
    pub active: bool,
}

/// A tenant's receipt settings.
#[derive(Debug, Clone)]
pub struct Settings {
    pub mode: Mode,
    pub groups: Vec<String>,
    /// Every legal basis of both agencies, in the order they are offered.
    pub legal_bases: Vec<LegalBasis>,
    /// Whether officers record the group they perceive (only where the
    /// tenant's law allows it; off by default).
    pub officer_groups: bool,
    /// The legal basis the administrator names for that recording.
    pub officer_groups_basis: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            mode: Mode::EveryStop,
            groups: DEFAULT_GROUPS.iter().map(|g| (*g).to_owned()).collect(),
            legal_bases: default_legal_bases(),
            officer_groups: false,
            officer_groups_basis: String::new(),
        }
    }
}

/// Both agencies' default legal bases.
pub fn default_legal_bases() -> Vec<LegalBasis> {
    [Agency::Police, Agency::Kod]
        .into_iter()
        .flat_map(|agency| {
            agency
                .default_legal_bases()
                .iter()
                .map(move |(code, citation)| LegalBasis {
                    agency,
                    code: (*code).to_owned(),
                    citation: (*citation).to_owned(),
                    active: true,
                })
        })
        .collect()
}

impl Settings {
    /// The bases an agency may cite now.
    pub fn active_bases(&self, agency: Agency) -> impl Iterator<Item = &LegalBasis> {
        self.legal_bases
            .iter()
            .filter(move |b| b.agency == agency && b.active)
    }

    /// The citation of a code (retired ones included), for showing a
    /// receipt.
    pub fn citation(&self, agency: Agency, code: &str) -> Option<&str> {
        self.legal_bases
            .iter()
            .find(|b| b.agency == agency && b.code == code)
            .map(|b| b.citation.as_str())
    }
}

/// A legal-basis code: lower-case letters, digits and `-`, 2–40 long.
pub fn valid_basis_code(s: &str) -> bool {
    (2..=40).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Parses an administrator's list of legal bases for one agency, one per
/// line as `code = citation`. Codes of `previous` missing from the list are
/// kept as retired, so receipts citing them still show their basis.
pub fn parse_legal_bases(
    agency: Agency,
    text: &str,
    previous: &[LegalBasis],
) -> Result<Vec<LegalBasis>, BasisError> {
    let mut out: Vec<LegalBasis> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (code, citation) = line
            .split_once('=')
            .map(|(c, t)| (c.trim(), t.trim()))
            .ok_or(BasisError::Line(i + 1))?;
        if !valid_basis_code(code) || !(3..=200).contains(&citation.chars().count()) {
            return Err(BasisError::Line(i + 1));
        }
        if out.iter().any(|b| b.code == code) {
            return Err(BasisError::Duplicate(code.to_owned()));
        }
        out.push(LegalBasis {
            agency,
            code: code.to_owned(),
            citation: citation.to_owned(),
            active: true,
        });
    }
    if out.is_empty() {
        return Err(BasisError::Empty);
    }
    if out.len() > 50 {
        return Err(BasisError::TooMany);
    }
    for old in previous.iter().filter(|b| b.agency == agency) {
        if !out.iter().any(|b| b.code == old.code) {
            out.push(LegalBasis {
                active: false,
                ..old.clone()
            });
        }
    }
    Ok(out)
}

/// Why a list of legal bases was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BasisError {
    /// The line (1-based) is not `code = citation` with a valid code.
    Line(usize),
    Duplicate(String),
    Empty,
    TooMany,
}

/// A group code: lower-case letters, digits and `_`, 2–40 long.
pub fn valid_code(s: &str) -> bool {
    (2..=40).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Letters that cannot be mistaken for each other when read out (no 0/O,
/// 1/I/L, U/V).
const NUMBER_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTWXYZ";

/// A new receipt number: `XXXX-XXXX` (29⁸ ≈ 5 · 10¹¹ numbers).
pub fn new_number() -> String {
    let mut rng = rand::thread_rng();
    let mut s = String::with_capacity(9);
    for i in 0..8 {
        if i == 4 {
            s.push('-');
        }
        let c = NUMBER_ALPHABET[rng.gen_range(0..NUMBER_ALPHABET.len())];
        s.push(char::from(c));
    }
    s
}

/// A receipt number as typed (any case, with or without the hyphen or
/// spaces) in its canonical form, if it can be one.
pub fn normalise_number(s: &str) -> Option<String> {
    let chars: Vec<char> = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if chars.len() != 8
        || !chars
            .iter()
            .all(|c| c.is_ascii() && NUMBER_ALPHABET.contains(&(*c as u8)))
    {
        return None;
    }
    let mut out: String = chars[..4].iter().collect();
    out.push('-');
    out.extend(&chars[4..]);
    Some(out)
}

/// The body of `POST /api/v1/{tenant}/receipts` (the issuing form builds
/// the same).
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IssueInput {
    /// Time of the stop (RFC 3339), not in the future.
    pub stopped_at: String,
    pub district: String,
    pub legal_basis: String,
    pub reason: String,
    #[serde(default)]
    pub reason_text: String,
    pub measures: Vec<String>,
    pub outcome: String,
    pub persons: i64,
    /// Coordinates of the place; rounded to about 100 m before storing.
    #[serde(default)]
    pub lat: Option<f64>,
    #[serde(default)]
    pub lon: Option<f64>,
    /// The officer's service number; remembered for the account, so it is
    /// needed only the first time.
    #[serde(default)]
    pub service_number: Option<String>,
    /// `false` when the person refused the receipt (or, "on request", did
    /// not ask for one). Default `true`.
    #[serde(default)]
    pub given: Option<bool>,
    /// The group the officer perceives, from the tenant's list (or
    /// `no_answer`). Accepted only where the tenant's administrator has
    /// turned this recording on under a legal basis; never part of the
    /// signed receipt.
    #[serde(default)]
    pub perceived_group: Option<String>,
}

/// One problem with the input: the field, a Fluent id for pages and an
/// English sentence for the API.
#[derive(Debug, Clone)]
pub struct Problem {
    pub field: &'static str,
    pub key: &'static str,
    pub text: String,
}

/// A receipt ready to be signed and stored.
#[derive(Debug, Clone)]
pub struct NewReceipt {
    pub agency: Agency,
    pub stopped_at: DateTime<Utc>,
    pub district: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub legal_basis: String,
    pub reason: String,
    pub reason_text: String,
    pub measures: Vec<String>,
    pub outcome: String,
    pub persons: i32,
    pub service_number: Option<String>,
    pub given: bool,
    pub perceived_group: Option<String>,
}

pub const MAX_REASON_TEXT: usize = 500;
/// How far back a stop may lie (a receipt is issued at the stop).
pub const MAX_AGE_DAYS: i64 = 7;

fn valid_service_number(s: &str) -> bool {
    (2..=20).contains(&s.chars().count())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '/' || c == '.')
}

/// Rounds a coordinate to 0.001° (about 100 m north–south, 70 m east–west
/// here).
pub fn round_100m(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

impl IssueInput {
    /// Checks everything; `districts` are the tenant's district names
    /// (any non-empty name when the tenant has none).
    pub fn parse(
        &self,
        agency: Agency,
        districts: &[String],
        settings: &Settings,
        now: DateTime<Utc>,
    ) -> Result<NewReceipt, Vec<Problem>> {
        let mut p = Vec::new();
        let mut bad = |field: &'static str, key: &'static str, text: &str| {
            p.push(Problem {
                field,
                key,
                text: text.to_owned(),
            })
        };
        let stopped_at = match DateTime::parse_from_rfc3339(self.stopped_at.trim()) {
            Ok(t) => {
                let t = t.with_timezone(&Utc);
                if t > now + Duration::minutes(2) {
                    bad(
                        "stopped_at",
                        "receipts-error-future",
                        "stopped_at lies in the future",
                    );
                } else if t < now - Duration::days(MAX_AGE_DAYS) {
                    bad(
                        "stopped_at",
                        "receipts-error-too-old",
                        "stopped_at is more than 7 days ago",
                    );
                }
                Some(t)
            }
            Err(_) => {
                bad(
                    "stopped_at",
                    "receipts-error-time",
                    "stopped_at is not an RFC 3339 time",
                );
                None
            }
        };
        let district = self.district.trim().to_owned();
        let district_ok = if districts.is_empty() {
            !district.is_empty() && district.chars().count() <= 100
        } else {
            districts.contains(&district)
        };
        if !district_ok {
            bad("district", "receipts-error-district", "unknown district");
        }
        if !settings
            .active_bases(agency)
            .any(|b| b.code == self.legal_basis)
        {
            bad(
                "legal_basis",
                "receipts-error-legal-basis",
                "unknown legal_basis for this agency",
            );
        }
        if !REASONS.contains(&self.reason.as_str()) {
            bad("reason", "receipts-error-reason", "unknown reason");
        }
        let reason_text = self.reason_text.trim().to_owned();
        if reason_text.chars().count() > MAX_REASON_TEXT {
            bad(
                "reason_text",
                "receipts-error-reason-text",
                "reason_text is longer than 500 characters",
            );
        }
        let mut measures: Vec<String> = Vec::new();
        for m in &self.measures {
            if !MEASURES.contains(&m.as_str()) {
                bad("measures", "receipts-error-measures", "unknown measure");
                break;
            }
            if !measures.contains(m) {
                measures.push(m.clone());
            }
        }
        if self.measures.is_empty() {
            bad(
                "measures",
                "receipts-error-measures",
                "at least one measure is required",
            );
        }
        if !OUTCOMES.contains(&self.outcome.as_str()) {
            bad("outcome", "receipts-error-outcome", "unknown outcome");
        }
        if !(1..=50).contains(&self.persons) {
            bad(
                "persons",
                "receipts-error-persons",
                "persons must be between 1 and 50",
            );
        }
        let coords = match (self.lat, self.lon) {
            (None, None) => None,
            (Some(lat), Some(lon))
                if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) =>
            {
                Some((round_100m(lat), round_100m(lon)))
            }
            _ => {
                bad(
                    "lat",
                    "receipts-error-coordinates",
                    "lat and lon must both be given and valid",
                );
                None
            }
        };
        let service_number = match self.service_number.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) if valid_service_number(s) => Some(s.to_owned()),
            Some(_) => {
                bad(
                    "service_number",
                    "receipts-error-service-number",
                    "service_number must be 2–20 letters, digits, - / or .",
                );
                None
            }
        };
        let perceived_group = match self.perceived_group.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(_) if !settings.officer_groups => {
                bad(
                    "perceived_group",
                    "receipts-error-perceived-off",
                    "recording a perceived group is not enabled for this tenant",
                );
                None
            }
            Some(g) if g == NO_ANSWER || settings.groups.iter().any(|x| x == g) => {
                Some(g.to_owned())
            }
            Some(_) => {
                bad(
                    "perceived_group",
                    "receipts-error-perceived-group",
                    "unknown perceived_group",
                );
                None
            }
        };
        match (p.is_empty(), stopped_at) {
            (true, Some(stopped_at)) => Ok(NewReceipt {
                agency,
                stopped_at,
                district,
                lat: coords.map(|c| c.0),
                lon: coords.map(|c| c.1),
                legal_basis: self.legal_basis.clone(),
                reason: self.reason.clone(),
                reason_text,
                measures,
                outcome: self.outcome.clone(),
                persons: i32::try_from(self.persons).unwrap_or(1),
                service_number,
                given: self.given.unwrap_or(true),
                perceived_group,
            }),
            _ => Err(p),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_normalise() {
        let n = new_number();
        assert_eq!(n.len(), 9);
        assert_eq!(
            normalise_number(&n.to_lowercase().replace('-', " ")),
            Some(n)
        );
        assert_eq!(normalise_number("ABCD-EFG"), None);
        assert_eq!(normalise_number("ABCD-EFG0"), None);
    }

    #[test]
    fn coordinates_are_rounded() {
        assert_eq!(round_100m(51.51367), 51.514);
    }
}
