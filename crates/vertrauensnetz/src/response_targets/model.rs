//! Dispatch records parsed once from CSV, response-time targets and the
//! compliance arithmetic. Pure: no database, no HTTP.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};

/// The columns a dispatch export must have (any order, header in line 1).
pub const COLUMNS: [&str; 6] = [
    "incident_id",
    "district",
    "category",
    "called_at",
    "dispatched_at",
    "arrived_at",
];

/// Longest accepted incident id and category.
pub const MAX_ID: usize = 64;
pub const MAX_CATEGORY: usize = 40;
/// A response longer than this is a data error, not a late arrival.
pub const MAX_RESPONSE_SECONDS: i64 = 24 * 3600;
/// Most rows one import takes.
pub const MAX_ROWS: usize = 200_000;

/// Where the response time starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartPoint {
    /// From the time the call was taken (the NRW Hilfsfrist).
    Call,
    /// From the dispatch of the unit.
    Dispatch,
}

impl StartPoint {
    pub fn as_str(self) -> &'static str {
        match self {
            StartPoint::Call => "call",
            StartPoint::Dispatch => "dispatch",
        }
    }

    pub fn parse(s: &str) -> Option<StartPoint> {
        match s {
            "call" => Some(StartPoint::Call),
            "dispatch" => Some(StartPoint::Dispatch),
            _ => None,
        }
    }
}

/// A dispatch record ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct DispatchRecord {
    pub incident_id: String,
    pub district_code: String,
    pub category: String,
    pub called_at: DateTime<Utc>,
    pub dispatched_at: DateTime<Utc>,
    pub arrived_at: DateTime<Utc>,
    /// The month of the call in the tenant's zone, `YYYY-MM`.
    pub month: String,
}

impl DispatchRecord {
    pub fn seconds_from_call(&self) -> i64 {
        (self.arrived_at - self.called_at).num_seconds()
    }

    pub fn seconds_from_dispatch(&self) -> i64 {
        (self.arrived_at - self.dispatched_at).num_seconds()
    }
}

/// Why a row was not taken: a Fluent id and its arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct RowProblem {
    /// Line of the file (the header is line 1).
    pub line: u64,
    pub key: &'static str,
    pub value: String,
}

/// What a file yields: good rows and the reasons for each bad line.
#[derive(Debug, Default)]
pub struct Parsed {
    pub records: Vec<DispatchRecord>,
    pub problems: Vec<RowProblem>,
}

/// A problem with the whole file; nothing is stored.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FileError {
    #[error("the file is not UTF-8 text")]
    NotText,
    #[error("the file is empty")]
    Empty,
    #[error("wrong columns: missing {missing}")]
    Columns { missing: String, found: String },
    #[error("the file has more than {MAX_ROWS} rows")]
    TooManyRows,
    #[error("the file is not valid CSV")]
    Malformed,
}

/// A district the tenant knows: its code and name.
pub struct KnownDistrict<'a> {
    pub code: &'a str,
    pub name: &'a str,
}

fn normalise_header(h: &str) -> String {
    h.trim().trim_start_matches('\u{feff}').to_ascii_lowercase()
}

/// A time in the tenant's zone (`2026-03-01T12:00:05`, `2026-03-01 12:00:05`,
/// seconds optional) or with an offset (RFC 3339).
pub fn parse_time(value: &str, tz: chrono_tz::Tz) -> Option<DateTime<Utc>> {
    let v = value.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(v) {
        return Some(t.with_timezone(&Utc));
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%d.%m.%Y %H:%M:%S",
        "%d.%m.%Y %H:%M",
    ] {
        if let Ok(n) = NaiveDateTime::parse_from_str(v, fmt) {
            // In the autumn hour that repeats, the earlier instant is taken.
            return tz
                .from_local_datetime(&n)
                .earliest()
                .map(|t| t.with_timezone(&Utc));
        }
    }
    None
}

fn valid_token(s: &str, max: usize) -> bool {
    !s.is_empty()
        && s.len() <= max
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
}

/// Parses a dispatch export. Whole-file problems (encoding, columns) are an
/// error; problems of single rows are listed and the other rows kept. An
/// incident id that appears twice in the file keeps its first line.
pub fn parse_csv(
    bytes: &[u8],
    districts: &[KnownDistrict<'_>],
    tz: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<Parsed, FileError> {
    let text = std::str::from_utf8(bytes).map_err(|_| FileError::NotText)?;
    let first = text.lines().next().ok_or(FileError::Empty)?;
    if first.trim().is_empty() {
        return Err(FileError::Empty);
    }
    // German spreadsheet exports separate with semicolons.
    let delimiter = if first.contains(';') && !first.contains(',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|_| FileError::Malformed)?
        .iter()
        .map(normalise_header)
        .collect();
    let mut index = [0usize; 6];
    let mut missing = Vec::new();
    for (i, col) in COLUMNS.iter().enumerate() {
        match headers.iter().position(|h| h == col) {
            Some(p) => index[i] = p,
            None => missing.push(*col),
        }
    }
    if !missing.is_empty() {
        return Err(FileError::Columns {
            missing: missing.join(", "),
            found: headers.join(", "),
        });
    }
    let by_code: HashMap<String, &str> = districts
        .iter()
        .flat_map(|d| {
            [
                (d.code.to_lowercase(), d.code),
                (d.name.to_lowercase(), d.code),
            ]
        })
        .collect();
    let mut out = Parsed::default();
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut rows = 0usize;
    for result in reader.records() {
        rows += 1;
        if rows > MAX_ROWS {
            return Err(FileError::TooManyRows);
        }
        let record = match result {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                out.problems.push(RowProblem {
                    line,
                    key: "rt-row-malformed",
                    value: String::new(),
                });
                continue;
            }
        };
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        if record.iter().all(|f| f.is_empty()) {
            continue;
        }
        let problem = |key: &'static str, value: &str| RowProblem {
            line,
            key,
            value: value.chars().take(80).collect(),
        };
        if record.len() != headers.len() {
            out.problems
                .push(problem("rt-row-fields", &record.len().to_string()));
            continue;
        }
        let field = |i: usize| record.get(index[i]).unwrap_or("");
        let id = field(0);
        if !valid_token(id, MAX_ID) {
            out.problems.push(problem("rt-row-incident", id));
            continue;
        }
        let Some(district) = by_code.get(&field(1).to_lowercase()) else {
            out.problems.push(problem("rt-row-district", field(1)));
            continue;
        };
        let category = field(2).to_lowercase();
        if !valid_token(&category, MAX_CATEGORY) || category == "*" {
            out.problems.push(problem("rt-row-category", field(2)));
            continue;
        }
        let mut times = [Utc::now(); 3];
        let mut bad_time = None;
        for (k, slot) in times.iter_mut().enumerate() {
            match parse_time(field(3 + k), tz) {
                Some(t) => *slot = t,
                None => {
                    bad_time = Some(3 + k);
                    break;
                }
            }
        }
        if let Some(k) = bad_time {
            out.problems.push(RowProblem {
                line,
                key: "rt-row-time",
                value: format!(
                    "{}: {}",
                    COLUMNS[k],
                    field(k).chars().take(40).collect::<String>()
                ),
            });
            continue;
        }
        let [called, dispatched, arrived] = times;
        if dispatched < called || arrived < dispatched {
            out.problems.push(problem("rt-row-order", id));
            continue;
        }
        if (arrived - called).num_seconds() > MAX_RESPONSE_SECONDS {
            out.problems.push(problem("rt-row-too-long", id));
            continue;
        }
        if arrived > now {
            out.problems.push(problem("rt-row-future", id));
            continue;
        }
        if let Some(first) = seen.get(id) {
            out.problems
                .push(problem("rt-row-duplicate", &first.to_string()));
            continue;
        }
        seen.insert(id.to_owned(), line);
        out.records.push(DispatchRecord {
            incident_id: id.to_owned(),
            district_code: (*district).to_owned(),
            category,
            called_at: called,
            dispatched_at: dispatched,
            arrived_at: arrived,
            month: called.with_timezone(&tz).format("%Y-%m").to_string(),
        });
    }
    Ok(out)
}

/// A response-time target: within `seconds` in `share_percent` of cases,
/// for a district (`*`: every district) and a category (`*`: every one).
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub district: String,
    pub category: String,
    pub seconds: i64,
    pub share_percent: i64,
}

impl Target {
    /// The target everyone starts with: 8 minutes in 90 % of cases.
    pub fn default_target() -> Target {
        Target {
            district: "*".into(),
            category: "*".into(),
            seconds: 8 * 60,
            share_percent: 90,
        }
    }

    /// How specific the match is (higher wins).
    fn rank(&self) -> u8 {
        u8::from(self.district != "*") * 2 + u8::from(self.category != "*")
    }

    fn matches(&self, district: &str, category: &str) -> bool {
        (self.district == "*" || self.district == district)
            && (self.category == "*" || self.category == category)
    }

    /// `innenstadt-west;*;8;90` (minutes may have a decimal: `7.5`).
    pub fn line(&self) -> String {
        let minutes = self.seconds as f64 / 60.0;
        let m = if self.seconds % 60 == 0 {
            format!("{}", self.seconds / 60)
        } else {
            format!("{minutes:.1}")
        };
        format!(
            "{};{};{m};{}",
            self.district, self.category, self.share_percent
        )
    }
}

/// The most specific target for a district and category.
pub fn resolve<'a>(targets: &'a [Target], district: &str, category: &str) -> Option<&'a Target> {
    targets
        .iter()
        .filter(|t| t.matches(district, category))
        .max_by_key(|t| t.rank())
}

/// A problem in the targets text: line and Fluent id.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetProblem {
    pub line: usize,
    pub key: &'static str,
}

/// Parses the targets field: one target per line,
/// `district;category;minutes;percent`, `*` for every district or
/// category. Every line must be valid, otherwise nothing is saved.
pub fn parse_targets(
    text: &str,
    district_codes: &[&str],
) -> Result<Vec<Target>, Vec<TargetProblem>> {
    let mut out: Vec<Target> = Vec::new();
    let mut problems = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let l = raw.trim();
        if l.is_empty() {
            continue;
        }
        let parts: Vec<&str> = l.split(';').map(str::trim).collect();
        if parts.len() != 4 {
            problems.push(TargetProblem {
                line,
                key: "rt-target-format",
            });
            continue;
        }
        let district = parts[0].to_lowercase();
        if district != "*" && !district_codes.contains(&district.as_str()) {
            problems.push(TargetProblem {
                line,
                key: "rt-target-district",
            });
            continue;
        }
        let category = parts[1].to_lowercase();
        if category != "*" && !valid_token(&category, MAX_CATEGORY) {
            problems.push(TargetProblem {
                line,
                key: "rt-target-category",
            });
            continue;
        }
        let minutes: Option<f64> = parts[2].replace(',', ".").parse().ok();
        // At least one whole second once rounded: "0,001" is no target.
        let Some(minutes) =
            minutes.filter(|m| m.is_finite() && (m * 60.0).round() >= 1.0 && *m <= 120.0)
        else {
            problems.push(TargetProblem {
                line,
                key: "rt-target-minutes",
            });
            continue;
        };
        let Some(share) = parts[3]
            .trim_end_matches('%')
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|p| (1..=100).contains(p))
        else {
            problems.push(TargetProblem {
                line,
                key: "rt-target-share",
            });
            continue;
        };
        if out
            .iter()
            .any(|t| t.district == district && t.category == category)
        {
            problems.push(TargetProblem {
                line,
                key: "rt-target-twice",
            });
            continue;
        }
        out.push(Target {
            district,
            category,
            seconds: (minutes * 60.0).round() as i64,
            share_percent: share,
        });
    }
    if out.is_empty() && problems.is_empty() {
        problems.push(TargetProblem {
            line: 1,
            key: "rt-target-none",
        });
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// Counts of one cell: incidents and those reached within the target.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Count {
    pub incidents: i64,
    pub within: i64,
}

impl Count {
    pub fn add(&mut self, other: Count) {
        self.incidents += other.incidents;
        self.within += other.within;
    }

    /// Share within target in percent, one decimal (`None` without incidents).
    pub fn percent(&self) -> Option<f64> {
        (self.incidents > 0)
            .then(|| ((self.within as f64) * 1000.0 / (self.incidents as f64)).round() / 10.0)
    }
}

/// A grouped row as the store returns it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub district: String,
    pub category: String,
    pub month: String,
    pub count: Count,
}

/// Compliance of one district in a period.
#[derive(Debug, Clone)]
pub struct DistrictCompliance {
    pub code: String,
    pub total: Count,
    /// By month `YYYY-MM`.
    pub months: BTreeMap<String, Count>,
    /// By category.
    pub categories: BTreeMap<String, Count>,
    /// The target share that applies (the strictest among its categories).
    pub share_percent: i64,
    /// The district's target time in seconds for its most frequent category.
    pub target_seconds: Option<i64>,
}

/// Folds grouped counts into per-district compliance.
pub fn by_district(groups: &[Group], targets: &[Target]) -> BTreeMap<String, DistrictCompliance> {
    let mut out: BTreeMap<String, DistrictCompliance> = BTreeMap::new();
    for g in groups {
        let d = out
            .entry(g.district.clone())
            .or_insert_with(|| DistrictCompliance {
                code: g.district.clone(),
                total: Count::default(),
                months: BTreeMap::new(),
                categories: BTreeMap::new(),
                share_percent: 0,
                target_seconds: None,
            });
        d.total.add(g.count);
        d.months.entry(g.month.clone()).or_default().add(g.count);
        d.categories
            .entry(g.category.clone())
            .or_default()
            .add(g.count);
    }
    for d in out.values_mut() {
        let mut share = 0;
        for cat in d.categories.keys() {
            if let Some(t) = resolve(targets, &d.code, cat) {
                share = share.max(t.share_percent);
            }
        }
        d.share_percent = share;
        d.target_seconds = d
            .categories
            .iter()
            .max_by_key(|(_, c)| c.incidents)
            .and_then(|(cat, _)| resolve(targets, &d.code, cat))
            .map(|t| t.seconds);
    }
    out
}

/// Months of a range `[from, to)` given as `YYYY-MM`.
pub fn months_between(from: &str, to: &str) -> Vec<String> {
    let mut out = Vec::new();
    let parse = |s: &str| -> Option<(i32, u32)> {
        let (y, m) = s.split_once('-')?;
        Some((y.parse().ok()?, m.parse().ok()?))
    };
    let (Some((mut y, mut m)), Some(end)) = (parse(from), parse(to)) else {
        return out;
    };
    while (y, m) < end && out.len() < 240 {
        out.push(format!("{y:04}-{m:02}"));
        m += 1;
        if m == 13 {
            m = 1;
            y += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn districts() -> Vec<KnownDistrict<'static>> {
        vec![
            KnownDistrict {
                code: "eving",
                name: "Eving",
            },
            KnownDistrict {
                code: "hoerde",
                name: "Hörde",
            },
        ]
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).single().unwrap()
    }

    #[test]
    fn rows_are_parsed_and_bad_lines_reported() {
        let csv = "incident_id,district,category,called_at,dispatched_at,arrived_at\n\
                   A1,Eving,notfall,2026-03-01 12:00:00,2026-03-01 12:01:00,2026-03-01 12:07:00\n\
                   A2,Nowhere,notfall,2026-03-01 12:00:00,2026-03-01 12:01:00,2026-03-01 12:07:00\n\
                   A3,hoerde,notfall,2026-03-01 12:00:00,2026-03-01 11:59:00,2026-03-01 12:07:00\n\
                   A1,Eving,notfall,2026-03-01 12:00:00,2026-03-01 12:01:00,2026-03-01 12:07:00\n\
                   A4,Hörde,notfall,yesterday,2026-03-01 12:01:00,2026-03-01 12:07:00\n";
        let p = parse_csv(
            csv.as_bytes(),
            &districts(),
            chrono_tz::Europe::Berlin,
            now(),
        )
        .unwrap();
        assert_eq!(p.records.len(), 1);
        assert_eq!(p.records[0].seconds_from_call(), 420);
        assert_eq!(p.records[0].seconds_from_dispatch(), 360);
        assert_eq!(p.records[0].month, "2026-03");
        let lines: Vec<(u64, &str)> = p.problems.iter().map(|x| (x.line, x.key)).collect();
        assert_eq!(
            lines,
            vec![
                (3, "rt-row-district"),
                (4, "rt-row-order"),
                (5, "rt-row-duplicate"),
                (6, "rt-row-time")
            ]
        );
    }

    #[test]
    fn wrong_columns_are_a_file_error() {
        let e = parse_csv(
            b"id,district,when\n1,Eving,2026-01-01",
            &districts(),
            chrono_tz::Europe::Berlin,
            now(),
        )
        .unwrap_err();
        assert!(matches!(e, FileError::Columns { .. }));
        assert!(parse_csv(b"", &districts(), chrono_tz::Europe::Berlin, now()).is_err());
    }

    #[test]
    fn semicolons_and_local_time() {
        let csv = "incident_id;district;category;called_at;dispatched_at;arrived_at\n\
                   X;eving;n1;2026-07-01T00:30:00;2026-07-01T00:31:00;2026-07-01T00:40:00\n";
        let p = parse_csv(
            csv.as_bytes(),
            &districts(),
            chrono_tz::Europe::Berlin,
            now(),
        )
        .unwrap();
        // 00:30 in Berlin summer time is 22:30 UTC of the day before, but
        // the month is the local one.
        assert_eq!(p.records[0].month, "2026-07");
    }

    #[test]
    fn most_specific_target_wins() {
        let t = parse_targets("*;*;12;90\neving;*;8;90\neving;n2;15;80", &["eving"]).unwrap();
        assert_eq!(resolve(&t, "eving", "n1").unwrap().seconds, 480);
        assert_eq!(resolve(&t, "eving", "n2").unwrap().seconds, 900);
        assert_eq!(resolve(&t, "hoerde", "n1").unwrap().seconds, 720);
        assert!(parse_targets("nowhere;*;8;90", &["eving"]).is_err());
        assert!(parse_targets("*;*;0;90", &["eving"]).is_err());
        // Under one second once rounded.
        assert!(parse_targets("*;*;0,001;90", &["eving"]).is_err());
        assert!(parse_targets("*;*;0,01;90", &["eving"]).is_ok());
        assert!(parse_targets("*;*;8;190", &["eving"]).is_err());
        assert!(parse_targets("", &["eving"]).is_err());
        assert_eq!(t[0].line(), "*;*;12;90");
    }

    #[test]
    fn percent_has_one_decimal() {
        let c = Count {
            incidents: 3,
            within: 2,
        };
        assert_eq!(c.percent(), Some(66.7));
        assert_eq!(Count::default().percent(), None);
        assert_eq!(
            months_between("2026-11", "2027-02"),
            vec!["2026-11", "2026-12", "2027-01"]
        );
    }
}
