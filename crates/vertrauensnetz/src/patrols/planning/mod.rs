//! Patrol planning as a pure computation: an [`Instance`] (staff, slots
//! with their demand, the tenant's hard rules) goes into [`solver::solve`],
//! a [`Plan`] comes out, and [`checker::check`] — written separately from
//! the solver's constraint builder — lists every hard rule the plan breaks.
//! No database and no HTTP here, so the rules are tested on their own.

pub mod checker;
pub mod solver;

use chrono::{NaiveDate, NaiveDateTime};

/// The two agencies of a joint patrol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
}

/// The three shift bands of a day (local time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Band {
    Early,
    Late,
    Night,
}

impl Band {
    pub const ALL: [Band; 3] = [Band::Early, Band::Late, Band::Night];

    pub fn as_str(self) -> &'static str {
        match self {
            Band::Early => "early",
            Band::Late => "late",
            Band::Night => "night",
        }
    }

    pub fn parse(s: &str) -> Option<Band> {
        Band::ALL.into_iter().find(|b| b.as_str() == s)
    }

    /// Start hour and length in hours: 06–14, 14–22, 22–06.
    pub fn hours(self) -> (u32, i64) {
        match self {
            Band::Early => (6, 8),
            Band::Late => (14, 8),
            Band::Night => (22, 8),
        }
    }

    /// The band a local hour falls in (for incidents and reports).
    pub fn of_hour(h: u32) -> Band {
        match h {
            6..=13 => Band::Early,
            14..=21 => Band::Late,
            _ => Band::Night,
        }
    }

    /// Start and end of the band on `day`.
    pub fn window(self, day: NaiveDate) -> (NaiveDateTime, NaiveDateTime) {
        let (h, len) = self.hours();
        let start = day.and_hms_opt(h, 0, 0).unwrap_or_default();
        (start, start + chrono::Duration::hours(len))
    }
}

/// A qualification held from `since` until `until` (inclusive, open when
/// none).
#[derive(Debug, Clone, PartialEq)]
pub struct Qualification {
    pub name: String,
    pub since: NaiveDate,
    pub until: Option<NaiveDate>,
}

/// One person who can be planned.
#[derive(Debug, Clone)]
pub struct Person {
    pub key: uuid::Uuid,
    pub service_number: String,
    pub agency: Agency,
    pub qualifications: Vec<Qualification>,
    /// Upper limit of planned minutes per ISO week.
    pub max_week_minutes: i64,
    /// Bands the person can work (empty: all).
    pub bands: Vec<Band>,
    /// Absences (leave, sickness, training), local time, half-open.
    pub absences: Vec<(NaiveDateTime, NaiveDateTime)>,
    /// The end of the last shift worked before the planning period (for
    /// the rest rule) and minutes already worked per ISO week.
    pub last_end: Option<NaiveDateTime>,
    pub worked_minutes: Vec<((i32, u32), i64)>,
}

impl Person {
    pub fn holds(&self, qualification: &str, day: NaiveDate) -> bool {
        self.qualifications
            .iter()
            .any(|q| q.name == qualification && q.since <= day && q.until.is_none_or(|u| day <= u))
    }

    pub fn absent(&self, start: NaiveDateTime, end: NaiveDateTime) -> bool {
        self.absences.iter().any(|(a, b)| *a < end && start < *b)
    }

    pub fn works_band(&self, band: Band) -> bool {
        self.bands.is_empty() || self.bands.contains(&band)
    }
}

/// One reason that adds to the demand of a slot, kept to explain the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct DemandTerm {
    /// `unsafe_places`, `incidents`, `events`, `focus`, `base`.
    pub source: &'static str,
    /// How many (reports, incidents, events) or the focus weight.
    pub amount: f64,
    /// Its contribution to the demand score.
    pub score: f64,
    /// Free text (the committee's reason).
    pub note: String,
}

/// A shift of one area on one day: the unit the planner fills with joint
/// patrols.
#[derive(Debug, Clone)]
pub struct Slot {
    pub day: NaiveDate,
    pub band: Band,
    pub area: usize,
    pub area_name: String,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    /// Weighted demand (score per hour of patrol).
    pub demand: f64,
    pub terms: Vec<DemandTerm>,
    /// Every patrol of this slot needs a member holding this.
    pub required_qualification: Option<String>,
    /// At most this many patrols.
    pub max_patrols: u32,
}

impl Slot {
    pub fn minutes(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }

    /// Value of the `k`-th patrol (1-based): demand × hours / k, so that a
    /// second patrol in a place counts half, a third a third — the covered
    /// demand grows with diminishing returns. A small cost per patrol keeps
    /// staff free where there is no demand.
    pub fn value_of(&self, k: u32) -> f64 {
        self.demand * (self.minutes() as f64 / 60.0) / f64::from(k.max(1)) - 0.01
    }
}

/// The tenant's hard rules.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rules {
    pub min_police: u32,
    pub min_kod: u32,
    pub min_rest_minutes: i64,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            min_police: 1,
            min_kod: 1,
            min_rest_minutes: 11 * 60,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Instance {
    pub rules: Rules,
    pub people: Vec<Person>,
    pub slots: Vec<Slot>,
}

/// A planned patrol: indexes into the instance's slots and people.
#[derive(Debug, Clone, PartialEq)]
pub struct Patrol {
    pub slot: usize,
    pub members: Vec<usize>,
    /// 1-based rank within its slot (the second patrol counts half).
    pub rank: u32,
}

#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub patrols: Vec<Patrol>,
    /// Covered weighted demand.
    pub objective: f64,
    /// The LP relaxation's bound of the same sub-problems.
    pub bound: f64,
    pub subproblems: usize,
}

impl Plan {
    /// Relative gap between the plan and the LP bound (0 = proven optimal
    /// for the decomposed problem).
    pub fn gap(&self) -> f64 {
        if self.bound.abs() < 1e-9 {
            0.0
        } else {
            ((self.bound - self.objective) / self.bound.abs()).max(0.0)
        }
    }
}

/// The value of a plan: the sum of the patrols' values by rank.
pub fn plan_value(instance: &Instance, patrols: &[Patrol]) -> f64 {
    let mut per_slot = vec![0u32; instance.slots.len()];
    for p in patrols {
        if let Some(c) = per_slot.get_mut(p.slot) {
            *c += 1;
        }
    }
    per_slot
        .iter()
        .enumerate()
        .map(|(s, n)| (1..=*n).map(|k| instance.slots[s].value_of(k)).sum::<f64>())
        .sum()
}

/// ISO week of a local time.
pub fn week_of(t: NaiveDateTime) -> (i32, u32) {
    use chrono::Datelike;
    let w = t.date().iso_week();
    (w.year(), w.week())
}

/// A committee focus area as the planner sees it.
#[derive(Debug, Clone)]
pub struct Focus {
    pub area: usize,
    /// Only this band (none: all bands).
    pub band: Option<Band>,
    /// 0 (none) … 10.
    pub weight: f64,
    pub reason: String,
}

/// The situation picture the demand is computed from, per area and band.
#[derive(Debug, Clone, Default)]
pub struct Situation {
    /// Open unsafe-place reports per (area, band).
    pub unsafe_places: HashMap<(usize, Band), f64>,
    /// Incidents of the look-back period per (area, band).
    pub incidents: HashMap<(usize, Band), f64>,
    /// Weeks the incident counts cover.
    pub weeks: f64,
    /// Titles of the public events per (area, day, band).
    pub events: HashMap<(usize, NaiveDate, Band), Vec<String>>,
    pub focus: Vec<Focus>,
}

use std::collections::HashMap;

/// The demand score of one area in one band on one day and the terms it
/// is made of: a base of 1, half a point per open unsafe-place report,
/// the weekly average of incidents, two points per event; committee focus
/// weights multiply the sum (weight 1 doubles it).
pub fn demand(s: &Situation, area: usize, day: NaiveDate, band: Band) -> (f64, Vec<DemandTerm>) {
    let mut terms = vec![DemandTerm {
        source: "base",
        amount: 1.0,
        score: 1.0,
        note: String::new(),
    }];
    let u = s.unsafe_places.get(&(area, band)).copied().unwrap_or(0.0);
    if u > 0.0 {
        terms.push(DemandTerm {
            source: "unsafe_places",
            amount: u,
            score: 0.5 * u,
            note: String::new(),
        });
    }
    let i = s.incidents.get(&(area, band)).copied().unwrap_or(0.0);
    if i > 0.0 {
        terms.push(DemandTerm {
            source: "incidents",
            amount: i,
            score: i / s.weeks.max(1.0),
            note: String::new(),
        });
    }
    if let Some(titles) = s.events.get(&(area, day, band)).filter(|t| !t.is_empty()) {
        let e = titles.len() as f64;
        terms.push(DemandTerm {
            source: "events",
            amount: e,
            score: 2.0 * e,
            note: titles.join("; "),
        });
    }
    let raw: f64 = terms.iter().map(|t| t.score).sum();
    for f in &s.focus {
        if f.area == area && f.band.is_none_or(|b| b == band) && f.weight > 0.0 {
            terms.push(DemandTerm {
                source: "focus",
                amount: f.weight,
                score: raw * f.weight,
                note: f.reason.clone(),
            });
        }
    }
    (terms.iter().map(|t| t.score).sum(), terms)
}

/// The slots of a period: every area, every day, every band.
pub fn slots_for(
    situation: &Situation,
    areas: &[(String, Option<String>)],
    days: &[NaiveDate],
    max_patrols: u32,
) -> Vec<Slot> {
    let mut out = Vec::new();
    for day in days {
        for (a, (name, required)) in areas.iter().enumerate() {
            for band in Band::ALL {
                let (start, end) = band.window(*day);
                let (demand, terms) = demand(situation, a, *day, band);
                out.push(Slot {
                    day: *day,
                    band,
                    area: a,
                    area_name: name.clone(),
                    start,
                    end,
                    demand,
                    terms,
                    required_qualification: required.clone(),
                    max_patrols,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
