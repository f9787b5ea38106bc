//! Simulated stops with a known darkness effect, so the evaluation can be
//! checked against the truth (and the demo generator has data).
//!
//! Each stop falls on a random day of the year at a random clock time
//! between 16:00 and 23:00 local time. The person belongs to the group
//! with log odds `base + effect · dark + 0.3 · (hours − 19.5)`: clock time
//! matters on its own (the spline must absorb it), darkness by `effect`.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::sun::{self, Evening, Light};
use crate::vod::VodCell;

/// What to simulate.
#[derive(Debug, Clone)]
pub struct SimConfig {
    pub count: usize,
    pub darkness_effect: f64,
    pub seed: u64,
    pub lat: f64,
    pub lon: f64,
    pub tz: Tz,
    pub year: i32,
    /// Log odds of the group at 19:30 in daylight.
    pub base: f64,
    pub districts: usize,
}

impl SimConfig {
    /// Dortmund, 2024.
    pub fn dortmund(count: usize, darkness_effect: f64, seed: u64) -> SimConfig {
        SimConfig {
            count,
            darkness_effect,
            seed,
            lat: 51.514,
            lon: 7.468,
            tz: chrono_tz::Europe::Berlin,
            year: 2024,
            base: -1.0,
            districts: 5,
        }
    }
}

/// One simulated stop.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimStop {
    pub at: DateTime<Utc>,
    pub in_group: bool,
    pub searched: bool,
    pub hit: bool,
    pub district: usize,
    pub light: Light,
    /// Local clock minutes.
    pub tod_min: u32,
}

/// The evenings of every day of a year.
pub fn evenings(lat: f64, lon: f64, year: i32) -> Vec<(NaiveDate, Option<Evening>)> {
    let mut out = Vec::with_capacity(366);
    let mut d = NaiveDate::from_ymd_opt(year, 1, 1);
    while let Some(date) = d {
        if chrono::Datelike::year(&date) != year {
            break;
        }
        out.push((date, sun::evening(lat, lon, date)));
        d = date.succ_opt();
    }
    out
}

fn logistic(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// Simulates `cfg.count` stops.
pub fn simulate(cfg: &SimConfig) -> Vec<SimStop> {
    let days = evenings(cfg.lat, cfg.lon, cfg.year);
    let mut rng = StdRng::seed_from_u64(cfg.seed);
    let mut out = Vec::with_capacity(cfg.count);
    if days.is_empty() {
        return out;
    }
    while out.len() < cfg.count {
        let (date, evening) = days[rng.gen_range(0..days.len())];
        let Some(evening) = evening else { continue };
        let tod_min: u32 = rng.gen_range(16 * 60..23 * 60);
        let local = date
            .and_hms_opt(0, 0, 0)
            .map(|m| m + Duration::minutes(i64::from(tod_min)));
        let Some(at) = local.and_then(|l| cfg.tz.from_local_datetime(&l).earliest()) else {
            continue;
        };
        let at = at.with_timezone(&Utc);
        let light = sun::light(at, &evening);
        let dark = if light == Light::Dark { 1.0 } else { 0.0 };
        let hours = f64::from(tod_min) / 60.0;
        let p = logistic(cfg.base + cfg.darkness_effect * dark + 0.3 * (hours - 19.5));
        let in_group = rng.gen_bool(p);
        let searched = rng.gen_bool(if in_group { 0.3 } else { 0.2 });
        let hit = searched && rng.gen_bool(if in_group { 0.2 } else { 0.3 });
        out.push(SimStop {
            at,
            in_group,
            searched,
            hit,
            district: rng.gen_range(0..cfg.districts.max(1)),
            light,
            tod_min,
        });
    }
    out
}

/// Bins stops into the test's cells: inside the inter-twilight window,
/// twilight left out, clock time in 5-minute bins (as the application
/// stores it).
pub fn vod_cells(cfg: &SimConfig, stops: &[SimStop]) -> Vec<VodCell> {
    let Some((lo, hi)) = sun::intertwilight_window(cfg.lat, cfg.lon, cfg.year, cfg.tz) else {
        return Vec::new();
    };
    let mut cells: std::collections::BTreeMap<(u32, bool), (u64, u64)> = Default::default();
    for s in stops {
        if s.light == Light::Twilight || s.tod_min < lo || s.tod_min > hi {
            continue;
        }
        let e = cells
            .entry((s.tod_min / 5 * 5, s.light == Light::Dark))
            .or_default();
        e.0 += u64::from(s.in_group);
        e.1 += 1;
    }
    cells
        .into_iter()
        .map(|((tod_min, dark), (in_group, stops))| VodCell {
            tod_min,
            dark,
            in_group,
            stops,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stops() {
        let cfg = SimConfig::dortmund(500, -0.2, 3);
        assert_eq!(simulate(&cfg), simulate(&cfg));
        let s = simulate(&cfg);
        assert_eq!(s.len(), 500);
        assert!(s.iter().any(|x| x.light == Light::Dark));
        assert!(s.iter().any(|x| x.light == Light::Day));
    }
}
