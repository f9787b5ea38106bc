//! The independent checker: given an instance and a set of patrols (from
//! the solver or edited by hand), lists every broken hard rule. It shares
//! no code with the solver's constraint builder on purpose: it looks at the
//! finished patrols person by person and week by week, the way an auditor
//! would, so a mistake in the model shows up here.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDateTime};

use super::{Agency, Instance, Patrol};

/// One broken rule. Indexes point into the instance and the patrol list.
#[derive(Debug, Clone, PartialEq)]
pub enum Violation {
    /// Fewer police or KOD officers than the tenant's parity rule asks.
    Parity {
        patrol: usize,
        police: u32,
        kod: u32,
    },
    /// The person does not work this band or is absent then.
    Unavailable { patrol: usize, person: usize },
    /// No member holds the qualification the slot requires.
    Qualification {
        patrol: usize,
        qualification: String,
    },
    /// Two shifts of one person overlap.
    Overlap { person: usize },
    /// Less rest than the rule between two shifts of one person.
    Rest { person: usize, minutes: i64 },
    /// More minutes in one ISO week than the person's maximum.
    Hours {
        person: usize,
        week: u32,
        minutes: i64,
    },
    /// A patrol points at a slot or person that does not exist, or names a
    /// person twice.
    Malformed { patrol: usize },
    /// The patrol's vehicle is given to another patrol whose shift
    /// overlaps.
    VehicleDoubleBooked { patrol: usize, vehicle: String },
}

impl Violation {
    /// The Fluent id describing the rule.
    pub fn key(&self) -> &'static str {
        match self {
            Violation::Parity { .. } => "patrols-violation-parity",
            Violation::Unavailable { .. } => "patrols-violation-unavailable",
            Violation::Qualification { .. } => "patrols-violation-qualification",
            Violation::Overlap { .. } => "patrols-violation-overlap",
            Violation::Rest { .. } => "patrols-violation-rest",
            Violation::Hours { .. } => "patrols-violation-hours",
            Violation::Malformed { .. } => "patrols-violation-malformed",
            Violation::VehicleDoubleBooked { .. } => "patrols-violation-vehicle",
        }
    }

    pub fn is_parity(&self) -> bool {
        matches!(self, Violation::Parity { .. })
    }
}

pub fn check(instance: &Instance, patrols: &[Patrol]) -> Vec<Violation> {
    let mut out = Vec::new();
    let rules = instance.rules;
    // Per person: every shift as (start, end).
    let mut shifts: HashMap<usize, Vec<(NaiveDateTime, NaiveDateTime)>> = HashMap::new();
    for (n, patrol) in patrols.iter().enumerate() {
        let Some(slot) = instance.slots.get(patrol.slot) else {
            out.push(Violation::Malformed { patrol: n });
            continue;
        };
        let mut seen = patrol.members.clone();
        seen.sort();
        seen.dedup();
        if seen.len() != patrol.members.len()
            || patrol.members.iter().any(|m| *m >= instance.people.len())
        {
            out.push(Violation::Malformed { patrol: n });
            continue;
        }
        let mut police = 0;
        let mut kod = 0;
        for &m in &patrol.members {
            let person = &instance.people[m];
            match person.agency {
                Agency::Police => police += 1,
                Agency::Kod => kod += 1,
            }
            let band_ok = person.bands.is_empty() || person.bands.contains(&slot.band);
            let absent = person
                .absences
                .iter()
                .any(|(from, to)| slot.start < *to && *from < slot.end);
            if !band_ok || absent {
                out.push(Violation::Unavailable {
                    patrol: n,
                    person: m,
                });
            }
            shifts.entry(m).or_default().push((slot.start, slot.end));
        }
        if police < rules.min_police || kod < rules.min_kod {
            out.push(Violation::Parity {
                patrol: n,
                police,
                kod,
            });
        }
        if let Some(q) = &slot.required_qualification {
            let day = slot.start.date();
            let held = patrol.members.iter().any(|&m| {
                instance.people[m].qualifications.iter().any(|x| {
                    &x.name == q && x.since <= day && x.until.map(|u| day <= u).unwrap_or(true)
                })
            });
            if !held {
                out.push(Violation::Qualification {
                    patrol: n,
                    qualification: q.clone(),
                });
            }
        }
    }
    let mut people: Vec<usize> = shifts.keys().copied().collect();
    people.sort();
    for m in people {
        let person = &instance.people[m];
        let mut list = shifts.get(&m).cloned().unwrap_or_default();
        list.sort();
        // Rest after the last shift before the period, then between shifts.
        let mut previous_end = person.last_end;
        let mut overlap = false;
        for (start, end) in &list {
            if let Some(prev) = previous_end {
                let gap = (*start - prev).num_minutes();
                if gap < 0 {
                    overlap = true;
                } else if gap < rules.min_rest_minutes {
                    out.push(Violation::Rest {
                        person: m,
                        minutes: gap,
                    });
                }
            }
            previous_end = Some(previous_end.map_or(*end, |p| p.max(*end)));
        }
        if overlap {
            out.push(Violation::Overlap { person: m });
        }
        // Minutes per ISO week, counted by the shift's start.
        let mut weeks: BTreeMap<(i32, u32), i64> = BTreeMap::new();
        for ((y, w), minutes) in &person.worked_minutes {
            *weeks.entry((*y, *w)).or_default() += minutes;
        }
        for (start, end) in &list {
            let iso = start.date().iso_week();
            *weeks.entry((iso.year(), iso.week())).or_default() += (*end - *start).num_minutes();
        }
        for ((_, week), minutes) in weeks {
            if minutes > person.max_week_minutes {
                out.push(Violation::Hours {
                    person: m,
                    week,
                    minutes,
                });
            }
        }
    }
    out
}

/// Vehicles: no vehicle in two patrols whose shifts overlap. `patrols`
/// holds each patrol's vehicle (none: on foot) and shift, in the order of
/// the patrol list; every patrol sharing its vehicle with an overlapping
/// one is listed.
pub fn check_vehicles(
    patrols: &[(Option<String>, NaiveDateTime, NaiveDateTime)],
) -> Vec<Violation> {
    let mut out = Vec::new();
    for (n, (vehicle, start, end)) in patrols.iter().enumerate() {
        let Some(v) = vehicle else {
            continue;
        };
        let clash = patrols.iter().enumerate().any(|(m, (other, s, e))| {
            m != n && other.as_deref() == Some(v.as_str()) && *s < *end && *start < *e
        });
        if clash {
            out.push(Violation::VehicleDoubleBooked {
                patrol: n,
                vehicle: v.clone(),
            });
        }
    }
    out
}
