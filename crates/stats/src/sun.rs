//! Sunset and end of civil dusk (sun 6° below the horizon) for a place and
//! day, from the `sunrise` crate, and the inter-twilight window of a year:
//! the clock times between the earliest and the latest dusk, where the same
//! clock time is light on some days and dark on others.

use chrono::{DateTime, Datelike, NaiveDate, Offset, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use sunrise::{Coordinates, DawnType, SolarDay, SolarEvent};

/// The evening of one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Evening {
    pub sunset: DateTime<Utc>,
    pub dusk: DateTime<Utc>,
}

/// Sunset and civil dusk at `lat`, `lon` on `date` (`None` at invalid
/// coordinates or where the sun does not set).
pub fn evening(lat: f64, lon: f64, date: NaiveDate) -> Option<Evening> {
    let coord = Coordinates::new(lat, lon)?;
    let day = SolarDay::new(coord, date);
    let sunset = day.event_time(SolarEvent::Sunset);
    let dusk = day.event_time(SolarEvent::Dusk(DawnType::Civil));
    (dusk > sunset).then_some(Evening { sunset, dusk })
}

/// Minutes after local midnight of an instant in `tz`.
pub fn local_minutes(at: DateTime<Utc>, tz: Tz) -> u32 {
    let local = at.with_timezone(&tz);
    local.hour() * 60 + local.minute()
}

/// Where an instant falls relative to the evening of its local day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Light {
    /// Before sunset.
    Day,
    /// Between sunset and the end of civil dusk (left out of the test).
    Twilight,
    /// After the end of civil dusk.
    Dark,
}

/// Light at an instant, by the evening of its local date.
pub fn light(at: DateTime<Utc>, evening: &Evening) -> Light {
    if at < evening.sunset {
        Light::Day
    } else if at <= evening.dusk {
        Light::Twilight
    } else {
        Light::Dark
    }
}

/// The inter-twilight window of a year in local clock minutes: from the
/// earliest to the latest end of civil dusk.
pub fn intertwilight_window(lat: f64, lon: f64, year: i32, tz: Tz) -> Option<(u32, u32)> {
    let mut lo = u32::MAX;
    let mut hi = 0u32;
    let mut date = NaiveDate::from_ymd_opt(year, 1, 1)?;
    while date.year() == year {
        if let Some(e) = evening(lat, lon, date) {
            let m = local_minutes(e.dusk, tz);
            lo = lo.min(m);
            hi = hi.max(m);
        }
        date = date.succ_opt()?;
    }
    (lo <= hi).then_some((lo, hi))
}

/// The local date of an instant in `tz`.
pub fn local_date(at: DateTime<Utc>, tz: Tz) -> NaiveDate {
    at.with_timezone(&tz).date_naive()
}

/// The UTC offset in minutes of `tz` at an instant (for display).
pub fn offset_minutes(at: DateTime<Utc>, tz: Tz) -> i32 {
    tz.offset_from_utc_datetime(&at.naive_utc())
        .fix()
        .local_minus_utc()
        / 60
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dortmund_evenings_are_plausible() {
        let tz: Tz = "Europe/Berlin".parse().unwrap();
        let (lat, lon) = (51.514, 7.468);
        let june = evening(lat, lon, NaiveDate::from_ymd_opt(2024, 6, 21).unwrap()).unwrap();
        let dec = evening(lat, lon, NaiveDate::from_ymd_opt(2024, 12, 21).unwrap()).unwrap();
        // Sunset about 21:55 CEST in June and 16:25 CET in December; civil
        // dusk 40–50 minutes later in June, about 40 in December.
        let june_sunset = local_minutes(june.sunset, tz);
        let dec_sunset = local_minutes(dec.sunset, tz);
        assert!(
            (21 * 60 + 40..22 * 60 + 10).contains(&june_sunset),
            "{june_sunset}"
        );
        assert!(
            (16 * 60 + 10..16 * 60 + 40).contains(&dec_sunset),
            "{dec_sunset}"
        );
        let june_dusk = (june.dusk - june.sunset).num_minutes();
        assert!((35..60).contains(&june_dusk), "{june_dusk}");
        let (lo, hi) = intertwilight_window(lat, lon, 2024, tz).unwrap();
        assert!(lo < 17 * 60 + 15 && hi > 22 * 60 + 30, "{lo}..{hi}");
    }
}
