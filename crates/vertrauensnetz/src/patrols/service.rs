//! The module's rules over the database: build the planning instance from
//! the registers and the situation picture, store plans, check manual
//! edits, publish, take incidents, alert units, keep the log. Handlers in
//! `pages.rs` and `api.rs` call these and only render.

use std::collections::HashMap;
use std::time::Instant;

use chrono::{Duration, NaiveDate, Timelike};
use uuid::Uuid;

use super::model::{
    self, to_local, to_utc, Candidate, IncidentFacts, Problem, Suggestion, SuggestionBasis,
};
use super::planning::{
    self, checker, checker::Violation, Agency, Band, Focus, Instance, Patrol, Person,
    Qualification, Rules, Situation,
};
use super::routing;
use super::store::{self, PatrolRow};
use crate::platform::audit::{self, Actor, Entry};
use crate::platform::db::Timestamp;
use crate::platform::tenants::Tenant;
use crate::platform::web::{AppState, WebError};

/// Weeks of incidents the situation picture looks back on.
pub const LOOKBACK_WEEKS: i64 = 4;
/// The longest period planned at once.
pub const MAX_DAYS: i64 = 35;

/// The planning instance of a period with the ids behind its indexes.
pub struct Loaded {
    pub instance: Instance,
    pub staff_ids: Vec<Uuid>,
    pub area_ids: Vec<Uuid>,
    pub area_names: Vec<String>,
    pub weeks: f64,
}

impl Loaded {
    pub fn slot_of(&self, area: Uuid, day: NaiveDate, band: Band) -> Option<usize> {
        let a = self.area_ids.iter().position(|x| *x == area)?;
        self.instance
            .slots
            .iter()
            .position(|s| s.area == a && s.day == day && s.band == band)
    }
}

fn band_of_time_of_day(t: &str) -> Vec<(Band, f64)> {
    match t {
        "morning" => vec![(Band::Early, 1.0)],
        "day" => vec![(Band::Early, 0.5), (Band::Late, 0.5)],
        "evening" => vec![(Band::Late, 1.0)],
        "night" => vec![(Band::Night, 1.0)],
        // Unknown time: spread over the day.
        _ => vec![
            (Band::Early, 1.0 / 3.0),
            (Band::Late, 1.0 / 3.0),
            (Band::Night, 1.0 / 3.0),
        ],
    }
}

/// Loads staff, rules, the situation picture and the focus areas into an
/// instance for `days` days from `first`. Patrols of published plans
/// other than `exclude` before `first` give each person's last shift end
/// and the minutes already worked in the first week.
pub async fn load(
    state: &AppState,
    tenant: &Tenant,
    first: NaiveDate,
    days: i64,
    exclude: Option<Uuid>,
) -> Result<Loaded, WebError> {
    let db = &state.db;
    let settings = store::settings(db, tenant.id).await?;
    let areas = store::areas(db, tenant.id).await?;
    let area_ids: Vec<Uuid> = areas.iter().map(|a| a.area_id).collect();
    let area_of_district: HashMap<String, usize> = store::area_districts(db, tenant.id)
        .await?
        .into_iter()
        .filter_map(|(d, a)| area_ids.iter().position(|x| *x == a).map(|i| (d, i)))
        .collect();
    let tz = tenant.time_zone.as_str();
    let start_local = first.and_hms_opt(0, 0, 0).unwrap_or_default();
    let end_local = start_local + Duration::days(days) + Duration::hours(8);
    let from = Timestamp::from(to_utc(start_local, tz));
    let to = Timestamp::from(to_utc(end_local, tz));

    // People.
    let staff: Vec<store::StaffRow> = store::staff(db, tenant.id)
        .await?
        .into_iter()
        .filter(|s| s.active)
        .collect();
    let quals = store::qualifications(db, tenant.id).await?;
    let absences = store::absences(db, tenant.id, from, to).await?;
    let week_start = first - Duration::days(7);
    let before_from = Timestamp::from(to_utc(
        week_start.and_hms_opt(0, 0, 0).unwrap_or_default(),
        tz,
    ));
    let earlier = store::published_patrols(db, tenant.id, before_from, from).await?;
    let earlier: Vec<PatrolRow> = earlier
        .into_iter()
        .filter(|p| Some(p.plan_id) != exclude)
        .collect();
    let earlier_ids: Vec<Uuid> = earlier.iter().map(|p| p.patrol_id).collect();
    let earlier_members = store::members_of(db, tenant.id, &earlier_ids).await?;
    let mut people = Vec::new();
    for s in &staff {
        let Some(agency) = Agency::parse(&s.agency) else {
            continue;
        };
        let qualifications = quals
            .iter()
            .filter(|q| q.staff_id == s.staff_id)
            .filter_map(|q| {
                Some(Qualification {
                    name: q.name.clone(),
                    since: model::parse_day(&q.since_day)?,
                    until: q.until_day.as_deref().and_then(model::parse_day),
                })
            })
            .collect();
        let mut last_end = None;
        let mut worked: HashMap<(i32, u32), i64> = HashMap::new();
        for (patrol, member) in &earlier_members {
            if *member != s.staff_id {
                continue;
            }
            if let Some(p) = earlier.iter().find(|p| p.patrol_id == *patrol) {
                let start = to_local(p.starts_at.0, tz);
                let end = to_local(p.ends_at.0, tz);
                last_end = Some(last_end.map_or(end, |e: chrono::NaiveDateTime| e.max(end)));
                *worked.entry(planning::week_of(start)).or_default() += (end - start).num_minutes();
            }
        }
        people.push(Person {
            key: s.staff_id,
            service_number: s.service_number.clone(),
            agency,
            qualifications,
            max_week_minutes: i64::from(s.max_week_minutes),
            bands: s.bands.split(',').filter_map(Band::parse).collect(),
            absences: absences
                .iter()
                .filter(|a| a.staff_id == s.staff_id)
                .map(|a| (to_local(a.starts_at.0, tz), to_local(a.ends_at.0, tz)))
                .collect(),
            last_end,
            worked_minutes: worked.into_iter().collect(),
        });
    }

    // Situation picture.
    let mut situation = Situation {
        weeks: LOOKBACK_WEEKS as f64,
        ..Situation::default()
    };
    for (district, time_of_day, n) in crate::reports::open_unsafe_places(db, tenant.id).await? {
        let Some(a) = district.as_deref().and_then(|d| area_of_district.get(d)) else {
            continue;
        };
        for (band, share) in band_of_time_of_day(time_of_day.as_deref().unwrap_or("")) {
            *situation.unsafe_places.entry((*a, band)).or_default() += n as f64 * share;
        }
    }
    let now = state.clock.now();
    let look_from = Timestamp::from(now - Duration::weeks(LOOKBACK_WEEKS));
    for (area, at) in store::incident_times(db, tenant.id, look_from, Timestamp::from(now)).await? {
        let Some(a) = area.and_then(|x| area_ids.iter().position(|y| *y == x)) else {
            continue;
        };
        let band = Band::of_hour(to_local(at.0, tz).hour());
        *situation.incidents.entry((a, band)).or_default() += 1.0;
    }
    // Public events: the events module keeps a place, not a district, so
    // the area is that of the tenant's district whose name the place
    // names (the longest such name); the bands are those the event
    // overlaps.
    let districts = crate::platform::tenants::districts(db, tenant.id).await?;
    let mut district_names: Vec<(String, usize)> = districts
        .iter()
        .filter_map(|d| {
            area_of_district
                .get(&d.code)
                .map(|a| (d.name.to_lowercase(), *a))
        })
        .filter(|(n, _)| !n.is_empty())
        .collect();
    district_names.sort_by_key(|(n, _)| std::cmp::Reverse(n.chars().count()));
    for ev in crate::events::published_between(db, tenant.id, from, to).await? {
        let place = ev.place.to_lowercase();
        let Some(a) = district_names
            .iter()
            .find(|(n, _)| place.contains(n.as_str()))
            .map(|x| x.1)
        else {
            continue;
        };
        let (start, end) = (to_local(ev.starts_at.0, tz), to_local(ev.ends_at.0, tz));
        for day in (0..days).map(|d| first + Duration::days(d)) {
            for band in Band::ALL {
                let (bs, be) = band.window(day);
                if bs < end && start < be {
                    situation
                        .events
                        .entry((a, day, band))
                        .or_default()
                        .push(ev.title.clone());
                }
            }
        }
    }
    for f in store::focus(db, tenant.id).await? {
        if f.superseded_at.is_some() {
            continue;
        }
        let Some(a) = area_ids.iter().position(|x| *x == f.area_id) else {
            continue;
        };
        situation.focus.push(Focus {
            area: a,
            band: Band::parse(&f.band),
            weight: f.weight,
            reason: f.reason,
        });
    }
    let area_list: Vec<(String, Option<String>)> = areas
        .iter()
        .map(|a| (a.name.clone(), a.required_qualification.clone()))
        .collect();
    let day_list: Vec<NaiveDate> = (0..days).map(|d| first + Duration::days(d)).collect();
    let max_patrols = u32::try_from(settings.max_patrols).unwrap_or(3);
    let slots = planning::slots_for(&situation, &area_list, &day_list, max_patrols);
    Ok(Loaded {
        instance: Instance {
            rules: Rules {
                min_police: u32::try_from(settings.min_police).unwrap_or(1),
                min_kod: u32::try_from(settings.min_kod).unwrap_or(1),
                min_rest_minutes: i64::from(settings.min_rest_minutes),
            },
            people,
            slots,
        },
        staff_ids: staff.iter().map(|s| s.staff_id).collect(),
        area_ids,
        area_names: areas.iter().map(|a| a.name.clone()).collect(),
        weeks: situation.weeks,
    })
}

/// Serialised demand terms of a patrol (stored with it, rendered in words).
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Reason {
    pub source: String,
    pub amount: f64,
    pub score: f64,
    #[serde(default)]
    pub note: String,
}

pub struct Generated {
    pub plan_id: Uuid,
    pub patrols: usize,
    pub objective: f64,
    pub bound: f64,
    pub gap: f64,
    pub millis: i64,
}

/// Computes and stores a draft plan.
pub async fn generate(
    state: &AppState,
    tenant: &Tenant,
    first: NaiveDate,
    days: i64,
    actor: Actor,
    by: Uuid,
) -> Result<Generated, WebError> {
    let loaded = load(state, tenant, first, days, None).await?;
    if loaded.area_ids.is_empty() {
        return Err(WebError::unprocessable("no deployment areas are defined"));
    }
    let instance = loaded.instance.clone();
    let started = Instant::now();
    let plan = tokio::task::spawn_blocking(move || planning::solver::solve(&instance))
        .await
        .map_err(|e| WebError::internal().with_detail(e.to_string()))?
        .map_err(|e| WebError::internal().with_detail(e.to_string()))?;
    let millis = i64::try_from(started.elapsed().as_millis()).unwrap_or(i64::MAX);
    let plan_id = Uuid::now_v7();
    let tz = tenant.time_zone.clone();
    let now = state.clock.now_ts();
    let last = first + Duration::days(days - 1);
    let mut tx = state.db.begin().await?;
    store::insert_plan(
        &mut tx,
        tenant.id,
        plan_id,
        &first.to_string(),
        &last.to_string(),
        plan.objective,
        plan.bound,
        millis,
        by,
        now,
    )
    .await?;
    for p in &plan.patrols {
        let slot = &loaded.instance.slots[p.slot];
        let reasons: Vec<Reason> = slot
            .terms
            .iter()
            .map(|t| Reason {
                source: t.source.to_owned(),
                amount: t.amount,
                score: t.score,
                note: t.note.clone(),
            })
            .collect();
        let row = PatrolRow {
            patrol_id: Uuid::now_v7(),
            plan_id,
            area_id: loaded.area_ids[slot.area],
            day: slot.day.to_string(),
            band: slot.band.as_str().to_owned(),
            starts_at: Timestamp::from(to_utc(slot.start, &tz)),
            ends_at: Timestamp::from(to_utc(slot.end, &tz)),
            rank: i32::try_from(p.rank).unwrap_or(1),
            demand: slot.demand,
            reasons: serde_json::to_string(&reasons).unwrap_or_else(|_| "[]".into()),
            vehicle_id: None,
        };
        let members: Vec<Uuid> = p.members.iter().map(|m| loaded.staff_ids[*m]).collect();
        store::insert_patrol(&mut tx, tenant.id, &row, &members).await?;
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "patrols.plan.create", "patrol_plan", plan_id).details(
            serde_json::json!({ "first_day": first.to_string(), "days": days,
                "patrols": plan.patrols.len(), "gap": plan.gap() }),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Generated {
        plan_id,
        patrols: plan.patrols.len(),
        objective: plan.objective,
        bound: plan.bound,
        gap: plan.gap(),
        millis,
    })
}

/// A stored plan with its patrols checked by the independent checker.
pub struct Checked {
    pub plan: store::PlanRow,
    pub loaded: Loaded,
    pub rows: Vec<PatrolRow>,
    pub members: HashMap<Uuid, Vec<Uuid>>,
    pub violations: Vec<(Option<Uuid>, Violation)>,
}

pub async fn check_plan(
    state: &AppState,
    tenant: &Tenant,
    plan_id: Uuid,
) -> Result<Checked, WebError> {
    let plan = store::plan(&state.db, tenant.id, plan_id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let first = model::parse_day(&plan.first_day).ok_or_else(WebError::internal)?;
    let last = model::parse_day(&plan.last_day).ok_or_else(WebError::internal)?;
    let days = (last - first).num_days() + 1;
    let loaded = load(state, tenant, first, days, Some(plan_id)).await?;
    let rows = store::patrols_of_plan(&state.db, tenant.id, plan_id).await?;
    let mut members: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for (p, s) in store::members_of_plan(&state.db, tenant.id, plan_id).await? {
        members.entry(p).or_default().push(s);
    }
    let vehicles = store::vehicle_rows(&state.db, tenant.id).await?;
    let tz = tenant.time_zone.as_str();
    let mut patrols = Vec::new();
    let mut ids = Vec::new();
    let mut shifts = Vec::new();
    for r in &rows {
        let (Some(day), Some(band)) = (model::parse_day(&r.day), Band::parse(&r.band)) else {
            continue;
        };
        let Some(slot) = loaded.slot_of(r.area_id, day, band) else {
            continue;
        };
        // A member who left the register counts as malformed.
        let idx: Vec<usize> = members
            .get(&r.patrol_id)
            .map(|m| {
                m.iter()
                    .map(|s| {
                        loaded
                            .staff_ids
                            .iter()
                            .position(|x| x == s)
                            .unwrap_or(usize::MAX)
                    })
                    .collect()
            })
            .unwrap_or_default();
        patrols.push(Patrol {
            slot,
            members: idx,
            rank: u32::try_from(r.rank).unwrap_or(1),
        });
        ids.push(r.patrol_id);
        shifts.push((
            r.vehicle_id.map(|v| {
                vehicles
                    .iter()
                    .find(|x| x.vehicle_id == v)
                    .map_or_else(|| v.to_string(), |x| x.call_sign.clone())
            }),
            to_local(r.starts_at.0, tz),
            to_local(r.ends_at.0, tz),
        ));
    }
    let mut found = checker::check(&loaded.instance, &patrols);
    found.extend(checker::check_vehicles(&shifts));
    let violations = found
        .into_iter()
        .map(|v| {
            let patrol = match &v {
                Violation::Parity { patrol, .. }
                | Violation::Unavailable { patrol, .. }
                | Violation::Qualification { patrol, .. }
                | Violation::Malformed { patrol }
                | Violation::VehicleDoubleBooked { patrol, .. } => ids.get(*patrol).copied(),
                _ => None,
            };
            (patrol, v)
        })
        .collect();
    Ok(Checked {
        plan,
        loaded,
        rows,
        members,
        violations,
    })
}

/// A manual change refused outright (nothing stored).
#[derive(Debug)]
pub enum EditError {
    Problems(Vec<Problem>),
    Web(WebError),
}

impl From<WebError> for EditError {
    fn from(e: WebError) -> Self {
        EditError::Web(e)
    }
}

impl From<crate::platform::db::DbError> for EditError {
    fn from(e: crate::platform::db::DbError) -> Self {
        EditError::Web(e.into())
    }
}

/// Resolves service numbers and refuses unknown ones and a person who
/// would work two overlapping shifts (in this plan or a published one).
async fn resolve_members(
    state: &AppState,
    tenant: &Tenant,
    plan_id: Uuid,
    patrol: Option<Uuid>,
    numbers: &[String],
    starts: Timestamp,
    ends: Timestamp,
) -> Result<Vec<Uuid>, EditError> {
    let staff = store::staff(&state.db, tenant.id).await?;
    let mut ids = Vec::new();
    for n in numbers {
        let n = n.trim();
        if n.is_empty() {
            continue;
        }
        match staff
            .iter()
            .find(|s| s.service_number.eq_ignore_ascii_case(n))
        {
            Some(s) if !ids.contains(&s.staff_id) => ids.push(s.staff_id),
            Some(_) => {}
            None => {
                return Err(EditError::Problems(vec![model::problem(
                    "members",
                    "patrols-error-unknown-staff",
                )]))
            }
        }
    }
    if ids.is_empty() {
        return Err(EditError::Problems(vec![model::problem(
            "members",
            "patrols-error-no-members",
        )]));
    }
    // Overlap with the person's other patrols of this plan and of
    // published plans.
    let mut others = store::patrols_of_plan(&state.db, tenant.id, plan_id).await?;
    others.extend(
        store::published_patrols(
            &state.db,
            tenant.id,
            Timestamp::from(starts.0 - Duration::days(1)),
            ends,
        )
        .await?,
    );
    others.retain(|o| {
        Some(o.patrol_id) != patrol && o.starts_at.0 < ends.0 && starts.0 < o.ends_at.0
    });
    let other_ids: Vec<Uuid> = others.iter().map(|o| o.patrol_id).collect();
    let busy = store::members_of(&state.db, tenant.id, &other_ids).await?;
    if busy.iter().any(|(_, s)| ids.contains(s)) {
        return Err(EditError::Problems(vec![model::problem(
            "members",
            "patrols-error-overlap",
        )]));
    }
    Ok(ids)
}

/// Replaces the members and the vehicle (call sign; empty: on foot) of a
/// draft plan's patrol. An unknown vehicle is refused; a vehicle already
/// given to an overlapping patrol is stored and flagged by the checker.
pub async fn edit_patrol(
    state: &AppState,
    tenant: &Tenant,
    plan_id: Uuid,
    patrol_id: Uuid,
    numbers: &[String],
    vehicle: &str,
    actor: Actor,
) -> Result<(), EditError> {
    let plan = store::plan(&state.db, tenant.id, plan_id)
        .await?
        .ok_or_else(WebError::not_found)?;
    if plan.status != "draft" {
        return Err(EditError::Problems(vec![model::problem(
            "plan",
            "patrols-error-not-draft",
        )]));
    }
    let patrol = store::patrol(&state.db, tenant.id, patrol_id)
        .await?
        .filter(|p| p.plan_id == plan_id)
        .ok_or_else(WebError::not_found)?;
    let ids = resolve_members(
        state,
        tenant,
        plan_id,
        Some(patrol_id),
        numbers,
        patrol.starts_at,
        patrol.ends_at,
    )
    .await?;
    let vehicle = vehicle.trim();
    let vehicle_id = if vehicle.is_empty() {
        None
    } else {
        match store::vehicle_rows(&state.db, tenant.id)
            .await?
            .into_iter()
            .find(|v| {
                v.call_sign.eq_ignore_ascii_case(vehicle) || v.vehicle_id.to_string() == vehicle
            }) {
            Some(v) => Some(v.vehicle_id),
            None => {
                return Err(EditError::Problems(vec![model::problem(
                    "vehicle",
                    "patrols-error-vehicle",
                )]))
            }
        }
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    store::set_members(&mut tx, tenant.id, patrol_id, &ids).await?;
    store::set_patrol_vehicle(&mut tx, tenant.id, patrol_id, vehicle_id).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "patrols.patrol.edit", "patrol", patrol_id).details(
            serde_json::json!({ "plan": plan_id, "members": ids.len(), "vehicle": vehicle_id }),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Adds a patrol to a draft plan by hand: area by name or id, a day of
/// the plan's period, a band and members by service number.
#[allow(clippy::too_many_arguments)]
pub async fn add_patrol(
    state: &AppState,
    tenant: &Tenant,
    plan_id: Uuid,
    area: &str,
    day: &str,
    band: &str,
    numbers: &[String],
    actor: Actor,
) -> Result<Uuid, EditError> {
    let plan = store::plan(&state.db, tenant.id, plan_id)
        .await?
        .ok_or_else(WebError::not_found)?;
    if plan.status != "draft" {
        return Err(EditError::Problems(vec![model::problem(
            "plan",
            "patrols-error-not-draft",
        )]));
    }
    let mut problems = Vec::new();
    let areas = store::areas(&state.db, tenant.id).await?;
    let area_row = areas
        .iter()
        .find(|a| a.name.eq_ignore_ascii_case(area.trim()) || a.area_id.to_string() == area.trim());
    if area_row.is_none() {
        problems.push(model::problem("area", "patrols-error-area"));
    }
    let day_parsed = model::parse_day(day).filter(|d| {
        d.to_string().as_str() >= plan.first_day.as_str()
            && d.to_string().as_str() <= plan.last_day.as_str()
    });
    if day_parsed.is_none() {
        problems.push(model::problem("day", "patrols-error-day"));
    }
    let band_parsed = Band::parse(band.trim());
    if band_parsed.is_none() {
        problems.push(model::problem("band", "patrols-error-band"));
    }
    let (Some(area_row), Some(day), Some(band)) = (area_row, day_parsed, band_parsed) else {
        return Err(EditError::Problems(problems));
    };
    let (start, end) = band.window(day);
    let tz = tenant.time_zone.as_str();
    let starts = Timestamp::from(to_utc(start, tz));
    let ends = Timestamp::from(to_utc(end, tz));
    let ids = resolve_members(state, tenant, plan_id, None, numbers, starts, ends).await?;
    let patrol_id = Uuid::now_v7();
    let row = PatrolRow {
        patrol_id,
        plan_id,
        area_id: area_row.area_id,
        day: day.to_string(),
        band: band.as_str().to_owned(),
        starts_at: starts,
        ends_at: ends,
        rank: 0,
        demand: 0.0,
        reasons: "[]".into(),
        vehicle_id: None,
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    store::insert_patrol(&mut tx, tenant.id, &row, &ids).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "patrols.patrol.add", "patrol", patrol_id)
            .details(serde_json::json!({ "plan": plan_id, "members": ids.len() })),
    )
    .await?;
    tx.commit().await?;
    Ok(patrol_id)
}

pub enum PublishOutcome {
    Published,
    /// Rules are broken and no override (with a reason) was given.
    NeedsOverride(usize),
    NotDraft,
}

/// Publishes a draft. A plan that breaks any hard rule (parity above all)
/// needs an explicit override with a reason, which is audited with the
/// number of broken rules.
pub async fn publish(
    state: &AppState,
    tenant: &Tenant,
    plan_id: Uuid,
    override_reason: Option<&str>,
    actor: Actor,
) -> Result<PublishOutcome, WebError> {
    let checked = check_plan(state, tenant, plan_id).await?;
    if checked.plan.status != "draft" {
        return Ok(PublishOutcome::NotDraft);
    }
    let broken = checked.violations.len();
    let parity = checked
        .violations
        .iter()
        .filter(|(_, v)| v.is_parity())
        .count();
    let reason = override_reason.map(str::trim).filter(|r| !r.is_empty());
    if broken > 0 && reason.is_none() {
        return Ok(PublishOutcome::NeedsOverride(broken));
    }
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    let ok = store::publish_plan(
        &mut tx,
        tenant.id,
        plan_id,
        &checked.plan.first_day,
        &checked.plan.last_day,
        if broken > 0 { reason } else { None },
        now,
    )
    .await?;
    if !ok {
        return Ok(PublishOutcome::NotDraft);
    }
    let action = if broken > 0 {
        "patrols.plan.publish_override"
    } else {
        "patrols.plan.publish"
    };
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, action, "patrol_plan", plan_id).details(serde_json::json!({
            "violations": broken, "parity_violations": parity,
            "reason": if broken > 0 { reason } else { None },
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(PublishOutcome::Published)
}

// ---- control centre ----

pub struct Taken {
    pub incident: store::IncidentRow,
    pub suggestions: Suggested,
}

/// Takes an incident: validates, places it in a district and area, stores
/// it (audited) and ranks the free suitable units.
pub async fn take_incident(
    state: &AppState,
    tenant: &Tenant,
    input: &model::IncidentInput,
    actor: Actor,
) -> Result<Result<Taken, Vec<Problem>>, WebError> {
    let districts = crate::platform::tenants::districts(&state.db, tenant.id).await?;
    let facts: IncidentFacts = match input.validate(|name| {
        districts
            .iter()
            .find(|d| d.name.eq_ignore_ascii_case(name) || d.code.eq_ignore_ascii_case(name))
            .map(|d| {
                (
                    d.code.clone(),
                    (
                        d.centre_lat.unwrap_or(tenant.centre_lat),
                        d.centre_lon.unwrap_or(tenant.centre_lon),
                    ),
                )
            })
    }) {
        Ok(f) => f,
        Err(p) => return Ok(Err(p)),
    };
    // With coordinates only: the district whose centre is nearest.
    let district = facts.district.clone().or_else(|| {
        let pos = facts.position?;
        districts
            .iter()
            .filter_map(|d| Some((d, model::haversine_m(pos, (d.centre_lat?, d.centre_lon?)))))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(d, _)| d.code.clone())
    });
    let area = match &district {
        Some(code) => store::area_districts(&state.db, tenant.id)
            .await?
            .into_iter()
            .find(|(d, _)| d == code)
            .map(|(_, a)| a),
        None => None,
    };
    let now = state.clock.now_ts();
    let row = store::IncidentRow {
        incident_id: Uuid::now_v7(),
        reference: crate::accountability::reference("E"),
        source: facts.source.clone(),
        kind: facts.kind.clone(),
        priority: facts.priority,
        lat: facts.position.map(|p| p.0),
        lon: facts.position.map(|p| p.1),
        address: facts.address.clone(),
        district_code: district,
        area_id: area,
        description: facts.description.clone(),
        required_qualification: facts.required_qualification.clone(),
        status: "open".into(),
        created_at: now,
        closed_at: None,
    };
    let mut tx = state.db.begin().await?;
    store::insert_incident(&mut tx, tenant.id, &row).await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(
            actor,
            "patrols.incident.create",
            "incident",
            row.incident_id,
        )
        .details(
            serde_json::json!({ "kind": row.kind, "priority": row.priority, "source": row.source }),
        ),
    )
    .await?;
    tx.commit().await?;
    let suggestions = suggest(state, tenant, &row).await?;
    Ok(Ok(Taken {
        incident: row,
        suggestions,
    }))
}

/// The control centre's units for now come from the patrols on duty: a
/// published patrol whose shift is running crews the unit of its
/// vehicle's call sign, or, on foot, the unit "{area} {band}-{n}" (the
/// n-th such patrol of the area), with the crew's service numbers and the
/// union of their qualifications. A unit whose patrol went off duty
/// loses its crew and becomes "not available" (6) once free. Units
/// entered without a patrol (a standing reserve) are left alone. Writes
/// only when something changed, so a polling board reads.
pub async fn sync_units(state: &AppState, tenant: &Tenant) -> Result<(), WebError> {
    let db = &state.db;
    let now = state.clock.now_ts();
    let on_duty = store::on_duty_patrols(db, tenant.id, now).await?;
    let units = store::units(db, tenant.id).await?;
    if on_duty.is_empty() && units.iter().all(|u| u.patrol_id.is_none()) {
        return Ok(());
    }
    let vehicles = store::vehicle_rows(db, tenant.id).await?;
    let areas = store::areas(db, tenant.id).await?;
    let staff = store::staff(db, tenant.id).await?;
    let quals = store::qualifications(db, tenant.id).await?;
    let ids: Vec<Uuid> = on_duty.iter().map(|p| p.patrol_id).collect();
    let members = store::members_of(db, tenant.id, &ids).await?;
    let districts = crate::platform::tenants::districts(db, tenant.id).await?;
    let mapping = store::area_districts(db, tenant.id).await?;
    let today = to_local(now.0, &tenant.time_zone).date();
    let mut on_foot: HashMap<(Uuid, String), usize> = HashMap::new();
    let mut wanted = Vec::new();
    for p in &on_duty {
        let area = areas.iter().find(|a| a.area_id == p.area_id);
        let sign = match p
            .vehicle_id
            .and_then(|v| vehicles.iter().find(|x| x.vehicle_id == v))
        {
            Some(v) => v.call_sign.clone(),
            None => {
                let n = on_foot.entry((p.area_id, p.band.clone())).or_default();
                *n += 1;
                format!(
                    "{} {}-{n}",
                    area.map(|a| a.name.as_str()).unwrap_or("?"),
                    p.band
                )
            }
        };
        let crew_ids: Vec<Uuid> = members
            .iter()
            .filter(|(pid, _)| *pid == p.patrol_id)
            .map(|(_, s)| *s)
            .collect();
        let mut crew: Vec<String> = staff
            .iter()
            .filter(|s| crew_ids.contains(&s.staff_id))
            .map(|s| s.service_number.clone())
            .collect();
        crew.sort();
        let mut held: Vec<String> = quals
            .iter()
            .filter(|q| crew_ids.contains(&q.staff_id))
            .filter(|q| {
                model::parse_day(&q.since_day).is_some_and(|d| d <= today)
                    && q.until_day
                        .as_deref()
                        .and_then(model::parse_day)
                        .is_none_or(|u| today <= u)
            })
            .map(|q| q.name.clone())
            .collect();
        held.sort();
        held.dedup();
        // A new unit starts at its area's centre (the mean of its
        // districts' centres), else at the city's.
        let centres: Vec<(f64, f64)> = mapping
            .iter()
            .filter(|(_, a)| *a == p.area_id)
            .filter_map(|(code, _)| {
                let d = districts.iter().find(|d| &d.code == code)?;
                Some((d.centre_lat?, d.centre_lon?))
            })
            .collect();
        let position = if centres.is_empty() {
            (tenant.centre_lat, tenant.centre_lon)
        } else {
            let n = centres.len() as f64;
            (
                centres.iter().map(|c| c.0).sum::<f64>() / n,
                centres.iter().map(|c| c.1).sum::<f64>() / n,
            )
        };
        wanted.push((sign, p.patrol_id, held.join(","), crew.join(" "), position));
    }
    let changed: Vec<_> = wanted
        .iter()
        .filter(|(sign, patrol, q, crew, _)| {
            !units.iter().any(|u| {
                &u.call_sign == sign
                    && u.patrol_id == Some(*patrol)
                    && &u.qualifications == q
                    && &u.crew == crew
            })
        })
        .collect();
    let released: Vec<Uuid> = units
        .iter()
        .filter(|u| u.patrol_id.is_some_and(|p| !ids.contains(&p)))
        .filter(|u| model::is_free(u.status) || u.status == 6)
        .map(|u| u.unit_id)
        .collect();
    if changed.is_empty() && released.is_empty() {
        return Ok(());
    }
    let mut tx = db.begin().await?;
    for u in released {
        store::release_unit(&mut tx, tenant.id, u, now).await?;
    }
    for (sign, patrol, q, crew, position) in changed {
        store::crew_unit(&mut tx, tenant.id, sign, *patrol, q, crew, *position, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// A ranked suggestion and what the ranking rests on.
pub struct Suggested {
    pub units: Vec<Suggestion>,
    pub basis: SuggestionBasis,
}

/// The free suitable units for an incident, fastest first: by driving
/// time from the tenant's routing server when one is configured and
/// answers within [`routing::TIMEOUT`], else by straight line × road
/// factor.
pub async fn suggest(
    state: &AppState,
    tenant: &Tenant,
    incident: &store::IncidentRow,
) -> Result<Suggested, WebError> {
    let (Some(lat), Some(lon)) = (incident.lat, incident.lon) else {
        return Ok(Suggested {
            units: Vec::new(),
            basis: SuggestionBasis::StraightLine,
        });
    };
    sync_units(state, tenant).await?;
    let settings = store::settings(&state.db, tenant.id).await?;
    let units: Vec<Candidate> = store::units(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|u| Candidate {
            id: u.unit_id,
            call_sign: u.call_sign,
            status: u.status,
            qualifications: u
                .qualifications
                .split(',')
                .map(str::to_owned)
                .filter(|q| !q.is_empty())
                .collect(),
            position: (u.lat, u.lon),
        })
        .collect();
    const SHOWN: usize = 5;
    let Some(base) = settings.routing_url.as_deref() else {
        return Ok(Suggested {
            units: model::rank_units(
                (lat, lon),
                incident.required_qualification.as_deref(),
                &units,
                settings.road_factor,
                settings.speed_kmh,
                SHOWN,
            ),
            basis: SuggestionBasis::StraightLine,
        });
    };
    let mut nearest = model::rank_units(
        (lat, lon),
        incident.required_qualification.as_deref(),
        &units,
        settings.road_factor,
        settings.speed_kmh,
        routing::MAX_DESTINATIONS,
    );
    let positions: Vec<(f64, f64)> = nearest
        .iter()
        .filter_map(|s| units.iter().find(|u| u.id == s.unit_id).map(|u| u.position))
        .collect();
    match routing::durations(base, (lat, lon), &positions).await {
        Some(seconds) if positions.len() == nearest.len() => Ok(Suggested {
            units: model::rank_by_durations(nearest, &seconds, SHOWN),
            basis: SuggestionBasis::Routing,
        }),
        _ => {
            tracing::warn!(tenant = %tenant.slug.as_str(), "routing server failed; straight-line suggestion");
            nearest.truncate(SHOWN);
            Ok(Suggested {
                units: nearest,
                basis: SuggestionBasis::StraightLineFallback,
            })
        }
    }
}

pub enum AssignOutcome {
    Assigned(Uuid),
    UnitBusy,
    IncidentClosed,
    UnitUnqualified,
}

/// Alerts a unit for an incident (status 3 "en route" is set when the
/// unit acknowledges; the alert time is stamped now).
pub async fn assign(
    state: &AppState,
    tenant: &Tenant,
    incident_id: Uuid,
    unit_id: Uuid,
    actor: Actor,
) -> Result<AssignOutcome, WebError> {
    let incident = store::incident(&state.db, tenant.id, incident_id)
        .await?
        .ok_or_else(WebError::not_found)?;
    if incident.status != "open" {
        return Ok(AssignOutcome::IncidentClosed);
    }
    let unit = store::units(&state.db, tenant.id)
        .await?
        .into_iter()
        .find(|u| u.unit_id == unit_id)
        .ok_or_else(|| WebError::unprocessable("unknown unit"))?;
    if let Some(q) = &incident.required_qualification {
        if !unit.qualifications.split(',').any(|x| x == q) {
            return Ok(AssignOutcome::UnitUnqualified);
        }
    }
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    if !store::take_unit(&mut tx, tenant.id, unit_id, now).await? {
        return Ok(AssignOutcome::UnitBusy);
    }
    let id = Uuid::now_v7();
    store::insert_assignment(
        &mut tx,
        tenant.id,
        &store::AssignmentRow {
            assignment_id: id,
            incident_id,
            unit_id,
            alerted_at: now,
            en_route_at: None,
            on_scene_at: None,
            cleared_at: None,
        },
    )
    .await?;
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "patrols.incident.assign", "incident", incident_id)
            .details(serde_json::json!({ "unit": unit_id, "assignment": id })),
    )
    .await?;
    tx.commit().await?;
    Ok(AssignOutcome::Assigned(id))
}

/// Sets a unit's FMS status; stamps its open assignment (3 en route, 4 on
/// scene, 1/2 cleared — the incident closes with its last assignment).
pub async fn set_status(
    state: &AppState,
    tenant: &Tenant,
    unit_id: Uuid,
    status: i32,
    position: Option<(f64, f64)>,
    actor: Actor,
) -> Result<bool, WebError> {
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    if !store::set_unit_status(&mut tx, tenant.id, unit_id, status, position, now).await? {
        return Ok(false);
    }
    if let Some(incident) =
        store::stamp_assignment(&mut tx, tenant.id, unit_id, status, now).await?
    {
        let open: Vec<store::AssignmentRow> = store::assignments_of(&state.db, tenant.id, incident)
            .await?
            .into_iter()
            .filter(|a| a.cleared_at.is_none() && a.unit_id != unit_id)
            .collect();
        if open.is_empty() {
            store::close_incident(&mut tx, tenant.id, incident, now).await?;
        }
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "patrols.unit.status", "unit", unit_id)
            .details(serde_json::json!({ "status": status })),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}
