//! Types that parse input once, and the rules of the control centre:
//! FMS status codes, distances and the ranking of suitable units.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

/// One validation problem: the field and a message id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: &'static str,
    pub key: &'static str,
}

pub fn problem(field: &'static str, key: &'static str) -> Problem {
    Problem { field, key }
}

pub const SOURCES: [&str; 4] = ["phone", "radio", "app", "report"];
pub const INCIDENT_KINDS: [&str; 8] = [
    "disturbance",
    "noise",
    "dispute",
    "person_in_crisis",
    "youth_protection",
    "littering",
    "traffic",
    "other",
];
pub const QUALIFICATIONS: [&str; 5] = [
    "bodycam",
    "baton",
    "de_escalation",
    "mental_crisis",
    "anti_discrimination",
];
pub const LOG_KINDS: [&str; 6] = [
    "identity_check",
    "order_to_leave",
    "warning",
    "offence_report",
    "assistance",
    "resident_contact",
];

/// FMS status codes (Funkmeldesystem) as the control centre uses them:
/// 1 free on radio, 2 at the station, 3 en route, 4 on scene, 5 wishes
/// to speak, 6 not available, 7 transporting, 8 at destination, 9 other
/// (handled by another centre).
pub const FMS: [i32; 9] = [1, 2, 3, 4, 5, 6, 7, 8, 9];

pub fn is_free(status: i32) -> bool {
    matches!(status, 1 | 2)
}

/// Great-circle distance in metres.
pub fn haversine_m(a: (f64, f64), b: (f64, f64)) -> f64 {
    const R: f64 = 6_371_000.0;
    let (la1, lo1) = (a.0.to_radians(), a.1.to_radians());
    let (la2, lo2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * R * h.sqrt().min(1.0).asin()
}

/// A unit as the suggestion sees it.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub id: uuid::Uuid,
    pub call_sign: String,
    pub status: i32,
    pub qualifications: Vec<String>,
    pub position: (f64, f64),
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Suggestion {
    pub unit_id: uuid::Uuid,
    pub call_sign: String,
    /// Estimated road distance: straight line × the tenant's road factor.
    pub distance_m: f64,
    /// Minutes at the tenant's average speed.
    pub eta_minutes: f64,
}

/// Free units that hold the required qualification, nearest first.
pub fn rank_units(
    place: (f64, f64),
    required: Option<&str>,
    units: &[Candidate],
    road_factor: f64,
    speed_kmh: f64,
    limit: usize,
) -> Vec<Suggestion> {
    let mut out: Vec<Suggestion> = units
        .iter()
        .filter(|u| is_free(u.status))
        .filter(|u| required.is_none_or(|q| u.qualifications.iter().any(|x| x == q)))
        .map(|u| {
            let d = haversine_m(place, u.position) * road_factor;
            Suggestion {
                unit_id: u.id,
                call_sign: u.call_sign.clone(),
                distance_m: d.round(),
                eta_minutes: (d / 1000.0 / speed_kmh.max(1.0) * 60.0 * 10.0).round() / 10.0,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        a.distance_m
            .total_cmp(&b.distance_m)
            .then_with(|| a.call_sign.cmp(&b.call_sign))
    });
    out.truncate(limit);
    out
}

/// What the ranking of a suggestion rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SuggestionBasis {
    /// Straight line × road factor (no routing server configured).
    StraightLine,
    /// Driving times from the tenant's routing server.
    Routing,
    /// A routing server is configured but failed or was too slow: straight
    /// line × road factor.
    StraightLineFallback,
}

impl SuggestionBasis {
    pub fn as_str(self) -> &'static str {
        match self {
            SuggestionBasis::StraightLine => "straight_line",
            SuggestionBasis::Routing => "routing",
            SuggestionBasis::StraightLineFallback => "straight_line_fallback",
        }
    }
}

/// Re-ranks straight-line suggestions by driving seconds (one per
/// suggestion, same order; none: no route). Units with a route come
/// first, fastest first, with the ETA from the route; the rest keep their
/// straight-line order behind them.
pub fn rank_by_durations(
    mut units: Vec<Suggestion>,
    seconds: &[Option<f64>],
    limit: usize,
) -> Vec<Suggestion> {
    let mut keyed: Vec<(Option<f64>, Suggestion)> = units
        .drain(..)
        .enumerate()
        .map(|(i, mut s)| {
            let d = seconds.get(i).copied().flatten();
            if let Some(d) = d {
                s.eta_minutes = (d / 60.0 * 10.0).round() / 10.0;
            }
            (d, s)
        })
        .collect();
    keyed.sort_by(|(da, a), (db, b)| {
        let by_route = match (da, db) {
            (Some(x), Some(y)) => x.total_cmp(y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        };
        by_route
            .then_with(|| a.distance_m.total_cmp(&b.distance_m))
            .then_with(|| a.call_sign.cmp(&b.call_sign))
    });
    keyed.into_iter().map(|(_, s)| s).take(limit).collect()
}

/// An incident as entered (form or API).
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct IncidentInput {
    /// `phone`, `radio`, `app` or `report` (default `phone`).
    #[serde(default)]
    pub source: String,
    /// E.g. `disturbance`, `dispute`, `person_in_crisis`, `other`.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// 1 (urgent) … 3 (routine).
    #[serde(default)]
    pub priority: Option<i64>,
    pub lat: Option<f64>,
    #[serde(rename = "long")]
    pub lon: Option<f64>,
    /// Street and number; with `district` when no coordinates are known.
    #[serde(default)]
    pub address: String,
    /// District name (used for the place when no coordinates are given).
    #[serde(default)]
    pub district: String,
    #[serde(default)]
    pub description: String,
    /// A qualification the unit must hold, e.g. `mental_crisis`.
    #[serde(default)]
    pub required_qualification: String,
}

#[derive(Debug, Clone)]
pub struct IncidentFacts {
    pub source: String,
    pub kind: String,
    pub priority: i32,
    pub position: Option<(f64, f64)>,
    pub address: String,
    pub district: Option<String>,
    pub description: String,
    pub required_qualification: Option<String>,
}

impl IncidentInput {
    /// Checks the input; `district` gives a district's code and centre by
    /// name. A place is either coordinates or an address in a known
    /// district.
    pub fn validate(
        &self,
        district: impl Fn(&str) -> Option<(String, (f64, f64))>,
    ) -> Result<IncidentFacts, Vec<Problem>> {
        let mut p = Vec::new();
        let source = if self.source.trim().is_empty() {
            "phone".to_owned()
        } else {
            self.source.trim().to_owned()
        };
        if !SOURCES.contains(&source.as_str()) {
            p.push(problem("source", "patrols-error-source"));
        }
        let kind = self.kind.trim().to_owned();
        if !INCIDENT_KINDS.contains(&kind.as_str()) {
            p.push(problem("type", "patrols-error-kind"));
        }
        let priority = self.priority.unwrap_or(2);
        if !(1..=3).contains(&priority) {
            p.push(problem("priority", "patrols-error-priority"));
        }
        let address = self.address.trim().to_owned();
        if address.chars().count() > 300 {
            p.push(problem("address", "patrols-error-too-long"));
        }
        let description = self.description.trim().to_owned();
        if description.chars().count() > 4000 {
            p.push(problem("description", "patrols-error-too-long"));
        }
        let required = self.required_qualification.trim();
        let required_qualification = if required.is_empty() {
            None
        } else if QUALIFICATIONS.contains(&required) {
            Some(required.to_owned())
        } else {
            p.push(problem(
                "required_qualification",
                "patrols-error-qualification",
            ));
            None
        };
        let mut district_code = None;
        let position = match (self.lat, self.lon) {
            (Some(lat), Some(lon))
                if lat.is_finite()
                    && lon.is_finite()
                    && (-90.0..=90.0).contains(&lat)
                    && (-180.0..=180.0).contains(&lon) =>
            {
                Some((lat, lon))
            }
            (None, None) => {
                let d = self.district.trim();
                if address.is_empty() && d.is_empty() {
                    p.push(problem("address", "patrols-error-place"));
                    None
                } else if address.is_empty() {
                    p.push(problem("address", "patrols-error-address"));
                    None
                } else {
                    match district(d) {
                        Some((code, centre)) => {
                            district_code = Some(code);
                            Some(centre)
                        }
                        None => {
                            p.push(problem("district", "patrols-error-district"));
                            None
                        }
                    }
                }
            }
            _ => {
                p.push(problem("lat", "patrols-error-coordinates"));
                None
            }
        };
        if !p.is_empty() {
            return Err(p);
        }
        Ok(IncidentFacts {
            source,
            kind,
            priority: i32::try_from(priority).unwrap_or(2),
            position,
            address,
            district: district_code,
            description,
            required_qualification,
        })
    }
}

/// The planning and dispatch settings as typed in the settings form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SettingsForm {
    pub min_police: String,
    pub min_kod: String,
    pub road_factor: String,
    pub speed_kmh: String,
    pub routing_url: String,
}

/// The settings once checked.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingsValues {
    pub min_police: i32,
    pub min_kod: i32,
    pub road_factor: f64,
    pub speed_kmh: f64,
    pub routing_url: Option<String>,
}

fn decimal(s: &str) -> Option<f64> {
    s.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
}

/// A routing server's base URL: `http://host[:port][/path]`, no query, no
/// fragment, no credentials. Only plain HTTP: the server has no TLS client
/// for outgoing requests (decision 0038); a routing server runs in the
/// city's own network.
pub fn parse_routing_url(s: &str) -> Option<String> {
    let s = s.trim();
    let rest = s.strip_prefix("http://")?;
    if s.len() > 300
        || rest.is_empty()
        || s.chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '?' | '#' | '@'))
    {
        return None;
    }
    let host = rest.split('/').next().unwrap_or_default();
    let (name, port) = match host.rsplit_once(':') {
        Some((n, p)) => (n, Some(p)),
        None => (host, None),
    };
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        || port.is_some_and(|p| p.parse::<u16>().map_or(true, |n| n == 0))
    {
        return None;
    }
    Some(s.trim_end_matches('/').to_owned())
}

impl SettingsForm {
    /// Checks every field: 1–4 officers per agency and patrol, a road
    /// factor of 1.0–3.0, an average speed of 5–120 km/h, an optional
    /// routing URL.
    pub fn parse(&self) -> Result<SettingsValues, Vec<Problem>> {
        let mut p = Vec::new();
        let count = |s: &str| s.trim().parse::<i32>().ok().filter(|n| (1..=4).contains(n));
        let min_police = count(&self.min_police);
        if min_police.is_none() {
            p.push(problem("min_police", "patrols-error-parity"));
        }
        let min_kod = count(&self.min_kod);
        if min_kod.is_none() {
            p.push(problem("min_kod", "patrols-error-parity"));
        }
        let road_factor = decimal(&self.road_factor).filter(|x| (1.0..=3.0).contains(x));
        if road_factor.is_none() {
            p.push(problem("road_factor", "patrols-error-road-factor"));
        }
        let speed_kmh = decimal(&self.speed_kmh).filter(|x| (5.0..=120.0).contains(x));
        if speed_kmh.is_none() {
            p.push(problem("speed_kmh", "patrols-error-speed"));
        }
        let url = self.routing_url.trim();
        let routing_url = if url.is_empty() {
            None
        } else {
            let parsed = parse_routing_url(url);
            if parsed.is_none() {
                p.push(problem("routing_url", "patrols-error-routing-url"));
            }
            parsed
        };
        match (min_police, min_kod, road_factor, speed_kmh) {
            (Some(min_police), Some(min_kod), Some(road_factor), Some(speed_kmh))
                if p.is_empty() =>
            {
                Ok(SettingsValues {
                    min_police,
                    min_kod,
                    road_factor,
                    speed_kmh,
                    routing_url,
                })
            }
            _ => Err(p),
        }
    }
}

/// A local wall-clock time of the tenant as UTC (the earlier instant when
/// the clock runs twice, the later when it skips).
pub fn to_utc(local: NaiveDateTime, time_zone: &str) -> DateTime<Utc> {
    match time_zone.parse::<chrono_tz::Tz>() {
        Ok(tz) => match tz.from_local_datetime(&local) {
            chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => {
                t.with_timezone(&Utc)
            }
            chrono::LocalResult::None => {
                Utc.from_utc_datetime(&(local - chrono::Duration::hours(1)))
            }
        },
        Err(_) => Utc.from_utc_datetime(&local),
    }
}

pub fn to_local(t: DateTime<Utc>, time_zone: &str) -> NaiveDateTime {
    match time_zone.parse::<chrono_tz::Tz>() {
        Ok(tz) => t.with_timezone(&tz).naive_local(),
        Err(_) => t.naive_utc(),
    }
}

pub fn parse_day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(sign: &str, status: i32, quals: &[&str], pos: (f64, f64)) -> Candidate {
        Candidate {
            id: uuid::Uuid::new_v4(),
            call_sign: sign.into(),
            status,
            qualifications: quals.iter().map(|q| q.to_string()).collect(),
            position: pos,
        }
    }

    #[test]
    fn nearest_free_suitable_unit_first() {
        let place = (51.5136, 7.4653);
        let units = vec![
            unit("near-busy", 3, &["mental_crisis"], (51.5137, 7.4654)),
            unit("near-unqualified", 1, &[], (51.5140, 7.4660)),
            unit("mid", 2, &["mental_crisis"], (51.5200, 7.4700)),
            unit("far", 1, &["mental_crisis"], (51.5600, 7.5000)),
        ];
        let s = rank_units(place, Some("mental_crisis"), &units, 1.3, 30.0, 5);
        let signs: Vec<&str> = s.iter().map(|x| x.call_sign.as_str()).collect();
        assert_eq!(signs, ["mid", "far"]);
        let s = rank_units(place, None, &units, 1.3, 30.0, 5);
        assert_eq!(s[0].call_sign, "near-unqualified");
        assert!(s.iter().all(|x| x.call_sign != "near-busy"));
    }

    #[test]
    fn driving_times_reorder_the_suggestion() {
        let place = (51.5136, 7.4653);
        let units = vec![
            unit("near", 1, &[], (51.5140, 7.4660)),
            unit("mid", 1, &[], (51.5200, 7.4700)),
            unit("far", 1, &[], (51.5600, 7.5000)),
        ];
        let straight = rank_units(place, None, &units, 1.3, 30.0, 25);
        let signs = |v: &[Suggestion]| v.iter().map(|s| s.call_sign.clone()).collect::<Vec<_>>();
        assert_eq!(signs(&straight), ["near", "mid", "far"]);
        let by_road = rank_by_durations(straight, &[None, Some(300.0), Some(90.0)], 5);
        assert_eq!(signs(&by_road), ["far", "mid", "near"]);
        assert!((by_road[0].eta_minutes - 1.5).abs() < 1e-9);
    }

    #[test]
    fn settings_are_checked_field_by_field() {
        let ok = SettingsForm {
            min_police: "1".into(),
            min_kod: "2".into(),
            road_factor: "1,4".into(),
            speed_kmh: "25".into(),
            routing_url: " http://osrm.intern:5000/ ".into(),
        };
        let v = ok.parse().unwrap();
        assert_eq!((v.min_police, v.min_kod), (1, 2));
        assert!((v.road_factor - 1.4).abs() < 1e-9);
        assert_eq!(v.routing_url.as_deref(), Some("http://osrm.intern:5000"));
        let bad = SettingsForm {
            min_police: "0".into(),
            min_kod: "x".into(),
            road_factor: "0.5".into(),
            speed_kmh: "NaN".into(),
            routing_url: "ftp://x".into(),
        };
        let fields: Vec<&str> = bad.parse().unwrap_err().iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [
                "min_police",
                "min_kod",
                "road_factor",
                "speed_kmh",
                "routing_url"
            ]
        );
        for url in [
            "https://osrm.example",
            "http://",
            "http://user@host",
            "http://host:99999",
            "http://host/?q=1",
            "http://ho st",
        ] {
            assert_eq!(parse_routing_url(url), None, "{url}");
        }
        assert_eq!(
            parse_routing_url("http://127.0.0.1:5000/osrm").as_deref(),
            Some("http://127.0.0.1:5000/osrm")
        );
    }

    #[test]
    fn haversine_is_about_right() {
        // Dortmund main station to Lünen centre: about 12 km.
        let d = haversine_m((51.5178, 7.4591), (51.6158, 7.5256));
        assert!((11_500.0..12_500.0).contains(&d), "{d}");
    }
}
