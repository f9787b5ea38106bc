//! The planner: a mixed-integer programme per day, solved with good_lp on
//! the pure-Rust microlp backend (decision 0026).
//!
//! Variables of a day: `x[i,s]` = person `i` works slot `s` (binary, only
//! for pairs that availability, band, absences, the rest after yesterday
//! and the week's remaining hours allow) and `z[s,k]` = slot `s` has at
//! least `k` patrols (binary). Maximise `Σ value_of(k)·z[s,k]` subject to
//! exactly `min_police·p_s` police and `min_kod·p_s` KOD officers in slot
//! `s` (`p_s = Σ_k z[s,k]`), at least `p_s` holders of the slot's required
//! qualification, at most one of any two slots too close for the rest rule,
//! and the week's remaining minutes. Days are solved in order, carrying
//! each person's last shift end and the week's minutes to the next day;
//! the LP relaxation of each day gives the bound the gap is stated against.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use good_lp::solvers::{WithInitialSolution, WithMipGap, WithTimeLimit};
use good_lp::{
    microlp, variable, Expression, ProblemVariables, ResolutionError, Solution, SolverModel,
    Variable,
};

use super::{week_of, Agency, Instance, Patrol, Plan};

#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error("the solver failed: {0}")]
    Solver(String),
}

impl From<ResolutionError> for PlanError {
    fn from(e: ResolutionError) -> Self {
        PlanError::Solver(e.to_string())
    }
}

/// What the previous days left for a person.
#[derive(Clone, Default)]
struct Carry {
    last_end: Option<NaiveDateTime>,
    week_minutes: HashMap<(i32, u32), i64>,
}

/// How long and how exactly to search.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Time for the whole period; each day gets its share (at least
    /// `min_day_seconds`). When a day's time runs out, the best plan found
    /// so far is kept (the all-empty plan is always a valid start).
    pub budget_seconds: f64,
    pub min_day_seconds: f64,
    /// Relative gap at which a day's search stops.
    pub mip_gap: f32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            budget_seconds: 24.0,
            min_day_seconds: 0.3,
            mip_gap: 0.001,
        }
    }
}

/// Plans every slot of the instance with the default options.
pub fn solve(instance: &Instance) -> Result<Plan, PlanError> {
    solve_with(instance, &Options::default())
}

/// Plans every slot of the instance.
pub fn solve_with(instance: &Instance, options: &Options) -> Result<Plan, PlanError> {
    let mut carry: Vec<Carry> = instance
        .people
        .iter()
        .map(|p| Carry {
            last_end: p.last_end,
            week_minutes: p.worked_minutes.iter().cloned().collect(),
        })
        .collect();
    let mut days: Vec<chrono::NaiveDate> = instance.slots.iter().map(|s| s.day).collect();
    days.sort();
    days.dedup();
    let mut plan = Plan::default();
    let per_day = (options.budget_seconds / days.len().max(1) as f64).max(options.min_day_seconds);
    for day in days {
        let slots: Vec<usize> = (0..instance.slots.len())
            .filter(|s| instance.slots[*s].day == day)
            .collect();
        let (patrols, value, bound) =
            solve_day(instance, &slots, &carry, per_day, options.mip_gap)?;
        for p in &patrols {
            let slot = &instance.slots[p.slot];
            for m in &p.members {
                let c = &mut carry[*m];
                c.last_end = Some(c.last_end.map_or(slot.end, |e| e.max(slot.end)));
                *c.week_minutes.entry(week_of(slot.start)).or_default() += slot.minutes();
            }
        }
        plan.patrols.extend(patrols);
        plan.objective += value;
        plan.bound += bound;
        plan.subproblems += 1;
    }
    Ok(plan)
}

fn eligible(instance: &Instance, carry: &[Carry], i: usize, s: usize) -> bool {
    let p = &instance.people[i];
    let slot = &instance.slots[s];
    if !p.works_band(slot.band) || p.absent(slot.start, slot.end) {
        return false;
    }
    if let Some(end) = carry[i].last_end {
        if (slot.start - end).num_minutes() < instance.rules.min_rest_minutes {
            return false;
        }
    }
    let used = carry[i]
        .week_minutes
        .get(&week_of(slot.start))
        .copied()
        .unwrap_or(0);
    used + slot.minutes() <= p.max_week_minutes
}

/// Two slots one person cannot both work: overlapping or closer than the
/// rest time.
fn conflict(instance: &Instance, a: usize, b: usize) -> bool {
    let (x, y) = (&instance.slots[a], &instance.slots[b]);
    let rest = instance.rules.min_rest_minutes;
    let (first, second) = if x.start <= y.start { (x, y) } else { (y, x) };
    (second.start - first.end).num_minutes() < rest
}

struct Model {
    vars: ProblemVariables,
    x: Vec<(usize, usize, Variable)>,
    z: Vec<(usize, u32, Variable, f64)>,
    constraints: Vec<good_lp::Constraint>,
}

fn build(instance: &Instance, slots: &[usize], carry: &[Carry], integer: bool) -> Model {
    let rules = instance.rules;
    let mut vars = ProblemVariables::new();
    let new_var = |vars: &mut ProblemVariables| {
        if integer {
            vars.add(variable().binary())
        } else {
            vars.add(variable().min(0.0).max(1.0))
        }
    };
    let mut x = Vec::new();
    for i in 0..instance.people.len() {
        for &s in slots {
            if eligible(instance, carry, i, s) {
                x.push((i, s, new_var(&mut vars)));
            }
        }
    }
    let mut z = Vec::new();
    let per_patrol = (rules.min_police + rules.min_kod).max(1);
    for &s in slots {
        let slot = &instance.slots[s];
        let people_here = x.iter().filter(|(_, xs, _)| *xs == s).count() as u32;
        let k_max = slot.max_patrols.min(people_here / per_patrol);
        for k in 1..=k_max {
            let v = slot.value_of(k);
            z.push((s, k, new_var(&mut vars), v));
        }
    }
    let mut constraints = Vec::new();
    // Slot composition: exactly the parity numbers per patrol, and the
    // required qualification once per patrol.
    for &s in slots {
        let slot = &instance.slots[s];
        let patrols: Expression = z.iter().filter(|e| e.0 == s).map(|e| e.2).sum();
        for (agency, need) in [
            (Agency::Police, rules.min_police),
            (Agency::Kod, rules.min_kod),
        ] {
            let members: Expression = x
                .iter()
                .filter(|(i, xs, _)| *xs == s && instance.people[*i].agency == agency)
                .map(|e| e.2)
                .sum();
            constraints.push((members - f64::from(need) * patrols.clone()).eq(0.0));
        }
        if let Some(q) = &slot.required_qualification {
            let holders: Expression = x
                .iter()
                .filter(|(i, xs, _)| *xs == s && instance.people[*i].holds(q, slot.day))
                .map(|e| e.2)
                .sum();
            constraints.push((holders - patrols.clone()).geq(0.0));
        }
        // The k-th patrol only after the (k−1)-th.
        let mut ks: Vec<&(usize, u32, Variable, f64)> = z.iter().filter(|e| e.0 == s).collect();
        ks.sort_by_key(|e| e.1);
        for w in ks.windows(2) {
            constraints.push((Expression::from(w[1].2) - w[0].2).leq(0.0));
        }
    }
    // Per person: conflicting slots (overlap or too little rest), and the
    // remaining minutes of the week.
    let mut by_person: HashMap<usize, Vec<(usize, Variable)>> = HashMap::new();
    for (i, s, v) in &x {
        by_person.entry(*i).or_default().push((*s, *v));
    }
    for (i, mine) in &by_person {
        for a in 0..mine.len() {
            for b in (a + 1)..mine.len() {
                if conflict(instance, mine[a].0, mine[b].0) {
                    constraints.push((Expression::from(mine[a].1) + mine[b].1).leq(1.0));
                }
            }
        }
        let mut weeks: HashMap<(i32, u32), Expression> = HashMap::new();
        for (s, v) in mine {
            let slot = &instance.slots[*s];
            *weeks.entry(week_of(slot.start)).or_default() += slot.minutes() as f64 * *v;
        }
        for (w, e) in weeks {
            let used = carry[*i].week_minutes.get(&w).copied().unwrap_or(0);
            let left = instance.people[*i].max_week_minutes - used;
            constraints.push(e.leq(left as f64));
        }
    }
    Model {
        vars,
        x,
        z,
        constraints,
    }
}

/// Same-band slots of one person conflict pairwise; the pairwise
/// constraints above are enough for correctness, and for the usual three
/// bands they are few (a person is eligible for at most a dozen slots a
/// day).
/// Person–slot pairs and (slot, k) patrols of a day.
type Start = (Vec<(usize, usize)>, Vec<(usize, u32)>);
/// The same with the objective value.
type Outcome = (Vec<(usize, usize)>, Vec<(usize, u32)>, f64);

fn run(model: Model, limit: Option<(f64, f32, &Start)>) -> Result<Outcome, PlanError> {
    let Model {
        vars,
        x,
        z,
        constraints,
    } = model;
    if z.is_empty() {
        return Ok((Vec::new(), Vec::new(), 0.0));
    }
    let objective: Expression = z.iter().map(|e| e.3 * e.2).sum();
    let mut problem = vars.maximise(objective).using(microlp);
    if let Some((seconds, gap, start)) = limit {
        // The greedy plan is a feasible start, kept when the time runs out.
        let values: Vec<(Variable, f64)> = x
            .iter()
            .map(|e| (e.2, f64::from(u8::from(start.0.contains(&(e.0, e.1))))))
            .chain(
                z.iter()
                    .map(|e| (e.2, f64::from(u8::from(start.1.contains(&(e.0, e.1)))))),
            )
            .collect();
        problem = problem
            .with_time_limit(seconds)
            .with_initial_solution(values);
        problem = problem
            .with_mip_gap(gap)
            .map_err(|e| PlanError::Solver(format!("{e:?}")))?;
    }
    for c in constraints {
        problem.add_constraint(c);
    }
    let solution = problem.solve()?;
    let value: f64 = z.iter().map(|e| e.3 * solution.value(e.2)).sum();
    let taken = x
        .iter()
        .filter(|e| solution.value(e.2) > 0.5)
        .map(|e| (e.0, e.1))
        .collect();
    let patrols = z
        .iter()
        .filter(|e| solution.value(e.2) > 0.5)
        .map(|e| (e.0, e.1))
        .collect();
    Ok((taken, patrols, value))
}

fn solve_day(
    instance: &Instance,
    slots: &[usize],
    carry: &[Carry],
    seconds: f64,
    gap: f32,
) -> Result<(Vec<Patrol>, f64, f64), PlanError> {
    let (_, _, bound) = run(build(instance, slots, carry, false), None)?;
    let start = greedy(instance, slots, carry);
    let start_value: f64 = start
        .1
        .iter()
        .map(|(s, k)| instance.slots[*s].value_of(*k))
        .sum();
    let (taken, counts) = match run(
        build(instance, slots, carry, true),
        Some((seconds, gap, &start)),
    ) {
        Ok((t, c, v)) if v + 1e-9 >= start_value => (t, c),
        // No better incumbent in time: keep the greedy plan.
        _ => start,
    };
    let mut patrols = Vec::new();
    for &s in slots {
        let n = counts.iter().filter(|(cs, _)| *cs == s).count();
        if n == 0 {
            continue;
        }
        let members: Vec<usize> = taken
            .iter()
            .filter(|(_, ts)| *ts == s)
            .map(|(i, _)| *i)
            .collect();
        patrols.extend(form_patrols(instance, s, n, &members));
    }
    let value = super::plan_value(instance, &patrols);
    Ok((patrols, value, bound.max(value)))
}

/// Splits a slot's people into `n` patrols: holders of the required
/// qualification first, one to each patrol, then the rest by agency.
pub fn form_patrols(instance: &Instance, s: usize, n: usize, members: &[usize]) -> Vec<Patrol> {
    let slot = &instance.slots[s];
    let rules = instance.rules;
    let cap = |a: Agency| match a {
        Agency::Police => rules.min_police as usize,
        Agency::Kod => rules.min_kod as usize,
    };
    let mut teams: Vec<Vec<usize>> = vec![Vec::new(); n];
    let count = |team: &Vec<usize>, a: Agency| {
        team.iter()
            .filter(|m| instance.people[**m].agency == a)
            .count()
    };
    let holds = |m: usize| {
        slot.required_qualification
            .as_deref()
            .is_some_and(|q| instance.people[m].holds(q, slot.day))
    };
    let (mut first, mut rest): (Vec<usize>, Vec<usize>) = members.iter().partition(|m| holds(**m));
    first.sort();
    rest.sort();
    for m in first.into_iter().chain(rest) {
        let a = instance.people[m].agency;
        let target = (0..n)
            .filter(|t| count(&teams[*t], a) < cap(a))
            .min_by_key(|t| {
                (
                    teams[*t].iter().filter(|x| holds(**x)).count(),
                    teams[*t].len(),
                )
            });
        match target {
            Some(t) => teams[t].push(m),
            // More people than parity places (never from the solver): the
            // smallest team takes them, and the checker will say so.
            None => {
                if let Some(t) = (0..n).min_by_key(|t| teams[*t].len()) {
                    teams[t].push(m);
                }
            }
        }
    }
    teams
        .into_iter()
        .enumerate()
        .map(|(k, members)| Patrol {
            slot: s,
            members,
            rank: k as u32 + 1,
        })
        .collect()
}

/// A quick feasible plan for one day: patrols in the order of their value;
/// each takes a holder of the slot's required qualification first, then
/// the people with the fewest other chances that day, while the parity
/// numbers, availability, rest and weekly minutes allow.
fn greedy(instance: &Instance, slots: &[usize], carry: &[Carry]) -> Start {
    let rules = instance.rules;
    let mut chances = vec![0usize; instance.people.len()];
    for (i, c) in chances.iter_mut().enumerate() {
        *c = slots
            .iter()
            .filter(|s| eligible(instance, carry, i, **s))
            .count();
    }
    let mut order: Vec<(usize, u32, f64)> = Vec::new();
    for &s in slots {
        for k in 1..=instance.slots[s].max_patrols {
            let v = instance.slots[s].value_of(k);
            if v > 0.0 {
                order.push((s, k, v));
            }
        }
    }
    order.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.1.cmp(&b.1)));
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut counts: Vec<(usize, u32)> = Vec::new();
    let mut used_minutes: HashMap<usize, i64> = HashMap::new();
    for (s, k, _) in order {
        // The k-th patrol only after the (k−1)-th.
        if k > 1 && !counts.contains(&(s, k - 1)) {
            continue;
        }
        let slot = &instance.slots[s];
        let free = |i: usize, taken: &Vec<(usize, usize)>, used: &HashMap<usize, i64>| {
            let p = &instance.people[i];
            eligible(instance, carry, i, s)
                && !taken
                    .iter()
                    .any(|(j, t)| *j == i && (*t == s || conflict(instance, *t, s)))
                && carry[i]
                    .week_minutes
                    .get(&week_of(slot.start))
                    .copied()
                    .unwrap_or(0)
                    + used.get(&i).copied().unwrap_or(0)
                    + slot.minutes()
                    <= p.max_week_minutes
        };
        let mut team: Vec<usize> = Vec::new();
        let holds = |i: usize| {
            slot.required_qualification
                .as_deref()
                .is_none_or(|q| instance.people[i].holds(q, slot.day))
        };
        if slot.required_qualification.is_some() {
            let lead = (0..instance.people.len())
                .filter(|i| free(*i, &taken, &used_minutes) && holds(*i))
                .min_by_key(|i| (chances[*i], *i));
            match lead {
                Some(i) => team.push(i),
                None => continue,
            }
        }
        let mut ok = true;
        for (agency, need) in [
            (Agency::Police, rules.min_police),
            (Agency::Kod, rules.min_kod),
        ] {
            let have = team
                .iter()
                .filter(|i| instance.people[**i].agency == agency)
                .count() as u32;
            let mut pool: Vec<usize> = (0..instance.people.len())
                .filter(|i| {
                    instance.people[*i].agency == agency
                        && !team.contains(i)
                        && free(*i, &taken, &used_minutes)
                })
                .collect();
            pool.sort_by_key(|i| (chances[*i], *i));
            let want = need.saturating_sub(have) as usize;
            if pool.len() < want {
                ok = false;
                break;
            }
            team.extend(pool.into_iter().take(want));
        }
        // The lead may have filled a place beyond parity (never: the lead
        // counts towards its agency), so the team has exactly the numbers.
        if !ok {
            continue;
        }
        for i in &team {
            taken.push((*i, s));
            *used_minutes.entry(*i).or_default() += slot.minutes();
        }
        counts.push((s, k));
    }
    (taken, counts)
}
