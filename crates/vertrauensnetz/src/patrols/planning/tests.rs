use chrono::{Duration, NaiveDate};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::*;

fn day0() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
}

fn random_instance(seed: u64, days: i64, areas: usize, staff: usize) -> Instance {
    let mut rng = StdRng::seed_from_u64(seed);
    let quals = ["de_escalation", "mental_crisis", "bodycam"];
    let people = (0..staff)
        .map(|n| {
            let agency = if n % 2 == 0 {
                Agency::Police
            } else {
                Agency::Kod
            };
            let mut qualifications = Vec::new();
            for q in quals {
                if rng.gen_bool(0.4) {
                    qualifications.push(Qualification {
                        name: q.into(),
                        since: day0() + Duration::days(rng.gen_range(-30..3)),
                        until: None,
                    });
                }
            }
            let absences = if rng.gen_bool(0.3) {
                let from = day0().and_hms_opt(0, 0, 0).unwrap()
                    + Duration::hours(rng.gen_range(0..days * 24));
                vec![(from, from + Duration::hours(rng.gen_range(4..48)))]
            } else {
                vec![]
            };
            let bands = if rng.gen_bool(0.2) {
                vec![Band::Early, Band::Late]
            } else {
                vec![]
            };
            let last_end = rng
                .gen_bool(0.3)
                .then(|| day0().and_hms_opt(2, 0, 0).unwrap());
            Person {
                key: uuid::Uuid::new_v4(),
                service_number: format!("S{n}"),
                agency,
                qualifications,
                max_week_minutes: 60 * [16, 24, 32, 40][rng.gen_range(0..4)],
                bands,
                absences,
                last_end,
                worked_minutes: vec![],
            }
        })
        .collect();
    let mut situation = Situation {
        weeks: 4.0,
        ..Situation::default()
    };
    for a in 0..areas {
        for b in Band::ALL {
            situation
                .incidents
                .insert((a, b), f64::from(rng.gen_range(0..30)));
            situation
                .unsafe_places
                .insert((a, b), f64::from(rng.gen_range(0..4)));
        }
    }
    let area_list: Vec<(String, Option<String>)> = (0..areas)
        .map(|a| {
            (
                format!("A{a}"),
                (a == 0).then(|| "de_escalation".to_string()),
            )
        })
        .collect();
    let days: Vec<NaiveDate> = (0..days).map(|d| day0() + Duration::days(d)).collect();
    Instance {
        rules: Rules::default(),
        people,
        slots: slots_for(&situation, &area_list, &days, 3),
    }
}

#[test]
fn random_plans_pass_the_independent_checker() {
    for seed in 0..6 {
        let inst = random_instance(seed, 3, 2, 16);
        let plan = solver::solve(&inst).unwrap();
        let v = checker::check(&inst, &plan.patrols);
        assert!(v.is_empty(), "seed {seed}: {v:?}");
        assert!(!plan.patrols.is_empty(), "seed {seed}: nothing planned");
        assert!(plan.bound + 1e-6 >= plan.objective);
    }
}

#[test]
fn the_checker_finds_broken_rules() {
    let inst = random_instance(3, 2, 2, 12);
    let plan = solver::solve(&inst).unwrap();
    let mut broken = plan.patrols.clone();
    // Drop the KOD member of the first patrol: parity breaks.
    let p = &mut broken[0];
    p.members
        .retain(|m| inst.people[*m].agency == Agency::Police);
    assert!(checker::check(&inst, &broken).iter().any(|v| v.is_parity()));
    // Put one person into two patrols of the same band: overlap.
    let mut twice = plan.patrols.clone();
    let same_band: Vec<usize> = (0..twice.len())
        .filter(|n| {
            inst.slots[twice[*n].slot].band == inst.slots[twice[0].slot].band
                && inst.slots[twice[*n].slot].day == inst.slots[twice[0].slot].day
        })
        .collect();
    if same_band.len() > 1 {
        let m = twice[same_band[0]].members[0];
        twice[same_band[1]].members.push(m);
        assert!(checker::check(&inst, &twice)
            .iter()
            .any(|v| matches!(v, checker::Violation::Overlap { .. })));
    }
}

/// The best value by trying every assignment of every person to no slot
/// or one slot of the day (all slots of a day conflict under the rest
/// rule), judging eligibility and patrol counts from first principles.
fn exhaustive(inst: &Instance) -> f64 {
    let n = inst.people.len();
    let s = inst.slots.len();
    let ok = |i: usize, k: usize| {
        let p = &inst.people[i];
        let slot = &inst.slots[k];
        (p.bands.is_empty() || p.bands.contains(&slot.band))
            && !p
                .absences
                .iter()
                .any(|(a, b)| slot.start < *b && *a < slot.end)
            && p.last_end
                .is_none_or(|e| (slot.start - e).num_minutes() >= inst.rules.min_rest_minutes)
            && slot.minutes() <= p.max_week_minutes
    };
    let mut best = 0.0f64;
    let mut choice = vec![0usize; n];
    loop {
        if (0..n).all(|i| choice[i] == 0 || ok(i, choice[i] - 1)) {
            let mut value = 0.0;
            for k in 0..s {
                let here: Vec<usize> = (0..n).filter(|i| choice[*i] == k + 1).collect();
                let police = here
                    .iter()
                    .filter(|i| inst.people[**i].agency == Agency::Police)
                    .count() as u32;
                let kod = here.len() as u32 - police;
                let slot = &inst.slots[k];
                let mut p = (police / inst.rules.min_police)
                    .min(kod / inst.rules.min_kod)
                    .min(slot.max_patrols);
                if let Some(q) = &slot.required_qualification {
                    p = p.min(
                        here.iter()
                            .filter(|i| inst.people[**i].holds(q, slot.day))
                            .count() as u32,
                    );
                }
                let mut run = 0.0;
                let mut top = 0.0f64;
                for j in 1..=p {
                    run += slot.value_of(j);
                    top = top.max(run);
                }
                value += top;
            }
            best = best.max(value);
        }
        // Next assignment (mixed radix s+1).
        let mut i = 0;
        loop {
            if i == n {
                return best;
            }
            choice[i] += 1;
            if choice[i] <= s {
                break;
            }
            choice[i] = 0;
            i += 1;
        }
    }
}

#[test]
fn small_instances_reach_the_exhaustive_optimum() {
    for seed in 10..22 {
        let mut inst = random_instance(seed, 1, 2, 7);
        // Two areas, two bands: four slots, 5^7 assignments.
        inst.slots.retain(|s| s.band != Band::Night);
        let exact = solver::Options {
            budget_seconds: 600.0,
            min_day_seconds: 600.0,
            mip_gap: 0.0,
        };
        let plan = solver::solve_with(&inst, &exact).unwrap();
        assert!(checker::check(&inst, &plan.patrols).is_empty());
        let best = exhaustive(&inst);
        assert!(
            (plan.objective - best).abs() < 1e-6,
            "seed {seed}: solver {} exhaustive {best}",
            plan.objective
        );
    }
}

fn late_hours_in(inst: &Instance, plan: &Plan, area: usize) -> i64 {
    plan.patrols
        .iter()
        .filter(|p| inst.slots[p.slot].area == area && inst.slots[p.slot].band == Band::Late)
        .map(|p| inst.slots[p.slot].minutes() / 60)
        .sum()
}

#[test]
fn a_committee_priority_raises_evening_hours_in_its_area() {
    let mut situation = Situation {
        weeks: 4.0,
        ..Situation::default()
    };
    for a in 0..3 {
        for b in Band::ALL {
            situation.incidents.insert((a, b), 8.0);
        }
    }
    let areas: Vec<(String, Option<String>)> = (0..3).map(|a| (format!("A{a}"), None)).collect();
    let days: Vec<NaiveDate> = (0..2).map(|d| day0() + Duration::days(d)).collect();
    let base = random_instance(99, 1, 1, 14);
    let plan_with = |situation: &Situation| {
        let inst = Instance {
            rules: Rules::default(),
            people: base
                .people
                .iter()
                .cloned()
                .map(|mut p| {
                    p.absences.clear();
                    p.bands.clear();
                    p.last_end = None;
                    p.max_week_minutes = 40 * 60;
                    p
                })
                .collect(),
            slots: slots_for(situation, &areas, &days, 4),
        };
        let plan = solver::solve(&inst).unwrap();
        assert!(checker::check(&inst, &plan.patrols).is_empty());
        late_hours_in(&inst, &plan, 1)
    };
    let before = plan_with(&situation);
    situation.focus.push(Focus {
        area: 1,
        band: Some(Band::Late),
        weight: 2.0,
        reason: "Nordstadt evenings".into(),
    });
    let after = plan_with(&situation);
    assert!(
        after > before,
        "late hours in the focus area: {before} → {after}"
    );
}

#[test]
fn a_public_event_raises_hours_in_its_area_and_band_and_is_named() {
    let mut situation = Situation {
        weeks: 4.0,
        ..Situation::default()
    };
    for a in 0..3 {
        for b in Band::ALL {
            situation.incidents.insert((a, b), 8.0);
        }
    }
    let areas: Vec<(String, Option<String>)> = (0..3).map(|a| (format!("A{a}"), None)).collect();
    let days: Vec<NaiveDate> = (0..2).map(|d| day0() + Duration::days(d)).collect();
    let base = random_instance(99, 1, 1, 14);
    let plan_with = |situation: &Situation| {
        let inst = Instance {
            rules: Rules::default(),
            people: base
                .people
                .iter()
                .cloned()
                .map(|mut p| {
                    p.absences.clear();
                    p.bands.clear();
                    p.last_end = None;
                    p.max_week_minutes = 40 * 60;
                    p
                })
                .collect(),
            slots: slots_for(situation, &areas, &days, 4),
        };
        let plan = solver::solve(&inst).unwrap();
        assert!(checker::check(&inst, &plan.patrols).is_empty());
        (late_hours_in(&inst, &plan, 2), inst)
    };
    let (before, _) = plan_with(&situation);
    situation.events.insert(
        (2, day0(), Band::Late),
        vec!["Stadtteilfest Brambauer".into()],
    );
    let (after, inst) = plan_with(&situation);
    assert!(
        after > before,
        "late hours at the event: {before} → {after}"
    );
    let slot = inst
        .slots
        .iter()
        .find(|s| s.area == 2 && s.day == day0() && s.band == Band::Late)
        .unwrap();
    let term = slot.terms.iter().find(|t| t.source == "events").unwrap();
    assert_eq!(term.note, "Stadtteilfest Brambauer");
    // The next day and the other bands are untouched.
    assert!(inst
        .slots
        .iter()
        .filter(|s| !(s.area == 2 && s.day == day0() && s.band == Band::Late))
        .all(|s| s.terms.iter().all(|t| t.source != "events")));
}

#[test]
fn a_vehicle_in_two_overlapping_shifts_is_flagged() {
    let day = day0();
    let (e0, e1) = Band::Early.window(day);
    let (l0, l1) = Band::Late.window(day);
    let list = vec![
        (Some("OP-10".to_string()), e0, e1),
        (Some("OP-10".to_string()), l0, l1),
        (Some("OP-11".to_string()), e0, e1),
        (None, e0, e1),
        (
            Some("OP-11".to_string()),
            e0 + Duration::hours(7),
            e1 + Duration::hours(7),
        ),
    ];
    let v = checker::check_vehicles(&list);
    let flagged: Vec<usize> = v
        .iter()
        .map(|x| match x {
            checker::Violation::VehicleDoubleBooked { patrol, .. } => *patrol,
            _ => usize::MAX,
        })
        .collect();
    // Early and late of one day touch but do not overlap.
    assert_eq!(flagged, [2, 4]);
}

/// `bench/patrols.sh`: a month for Dortmund's size.
#[test]
#[ignore]
fn bench_month() {
    let mut inst = random_instance(2026, 30, 4, 70);
    // 30 police and 40 KOD staff.
    for (n, p) in inst.people.iter_mut().enumerate() {
        p.agency = if n < 30 { Agency::Police } else { Agency::Kod };
        p.max_week_minutes = 40 * 60;
    }
    let started = std::time::Instant::now();
    let plan = solver::solve(&inst).unwrap();
    let secs = started.elapsed().as_secs_f64();
    let violations = checker::check(&inst, &plan.patrols);
    println!(
        "month plan: {} slots, {} people, {} patrols in {secs:.2} s; objective {:.1}, LP bound {:.1}, gap {:.3} %, {} violations",
        inst.slots.len(),
        inst.people.len(),
        plan.patrols.len(),
        plan.objective,
        plan.bound,
        plan.gap() * 100.0,
        violations.len()
    );
    assert!(violations.is_empty());
}
