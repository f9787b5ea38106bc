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
    fn haversine_is_about_right() {
        // Dortmund main station to Lünen centre: about 12 km.
        let d = haversine_m((51.5178, 7.4591), (51.6158, 7.5256));
        assert!((11_500.0..12_500.0).contains(&d), "{d}");
    }
}
