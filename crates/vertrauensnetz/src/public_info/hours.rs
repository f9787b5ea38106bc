//! Opening hours of safe places: weekly rules (a range that closes at or
//! before it opens runs into the next day, e.g. Fri 22:00 – Sat 04:00),
//! public holidays (then the Sunday rules apply), dated exceptions (closed,
//! or other hours) which win over both. "Open now" is decided in the
//! tenant's time zone: each range's start and end are turned into instants
//! separately, so a night range across a change of the clocks is as long as
//! it really is.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// Minutes after local midnight, 0…1440.
pub type Minute = u16;

/// A weekly range: `weekday` 0 = Monday … 6 = Sunday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeeklyRule {
    pub weekday: u8,
    pub opens: Minute,
    pub closes: Minute,
}

/// A dated exception: `None` = closed that day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatedHours {
    pub day: NaiveDate,
    pub hours: Option<(Minute, Minute)>,
}

/// A place's opening hours.
#[derive(Debug, Clone, Default)]
pub struct Schedule {
    pub rules: Vec<WeeklyRule>,
    pub exceptions: Vec<DatedHours>,
    /// The tenant's public holidays.
    pub holidays: Vec<NaiveDate>,
}

/// `HH:MM` → minutes; `24:00` is allowed as a closing time.
pub fn parse_minute(s: &str) -> Option<Minute> {
    let (h, m) = s.trim().split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    if h > 24 || m > 59 || (h == 24 && m > 0) {
        return None;
    }
    Some(h * 60 + m)
}

pub fn format_minute(m: Minute) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// The instant a local wall-clock time happens. In the hour skipped when
/// clocks go forward, the first instant after the gap; in the hour that
/// repeats, the earlier one for an opening and the later one for a closing.
fn instant(tz: Tz, day: NaiveDate, minute: Minute, closing: bool) -> Option<DateTime<Utc>> {
    let (day, minute) = if minute >= 1440 {
        (day.succ_opt()?, minute - 1440)
    } else {
        (day, minute)
    };
    let naive = day.and_time(NaiveTime::from_hms_opt(
        u32::from(minute / 60),
        u32::from(minute % 60),
        0,
    )?);
    match tz.from_local_datetime(&naive) {
        chrono::LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
        chrono::LocalResult::Ambiguous(early, late) => Some(if closing {
            late.with_timezone(&Utc)
        } else {
            early.with_timezone(&Utc)
        }),
        chrono::LocalResult::None => {
            // Walk forward to the end of the gap (at most a few hours).
            let mut probe = naive;
            for _ in 0..(4 * 60) {
                probe += Duration::minutes(1);
                if let Some(t) = tz.from_local_datetime(&probe).earliest() {
                    return Some(t.with_timezone(&Utc));
                }
            }
            None
        }
    }
}

const DAY_CODES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// `HH:MM-HH:MM` → (opens, closes).
fn parse_range(s: &str) -> Option<(Minute, Minute)> {
    let (a, b) = s.split_once('-')?;
    let (o, c) = (parse_minute(a)?, parse_minute(b)?);
    (o < 1440).then_some((o, c))
}

/// A line of weekly hours: day codes, then a range — `fri sat 22:00-04:00`.
pub fn parse_rule_line(line: &str) -> Option<Vec<WeeklyRule>> {
    let mut parts: Vec<&str> = line.split_whitespace().collect();
    let (opens, closes) = parse_range(parts.pop()?)?;
    if parts.is_empty() {
        return None;
    }
    parts
        .into_iter()
        .map(|d| {
            let weekday = DAY_CODES.iter().position(|c| c.eq_ignore_ascii_case(d))?;
            Some(WeeklyRule {
                weekday: u8::try_from(weekday).ok()?,
                opens,
                closes,
            })
        })
        .collect()
}

/// A line of a dated exception: `2026-12-31 18:00-06:00` or
/// `2026-12-24 closed`.
pub fn parse_exception_line(line: &str) -> Option<DatedHours> {
    let (day, rest) = line.trim().split_once(char::is_whitespace)?;
    let day = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    let hours = match rest.trim() {
        "closed" | "geschlossen" | "-" => None,
        r => Some(parse_range(r)?),
    };
    Some(DatedHours { day, hours })
}

impl Schedule {
    /// The ranges that begin on `day` (local), as (opens, closes) minutes;
    /// closes ≤ opens means the range ends on the next day.
    pub fn ranges_of(&self, day: NaiveDate) -> Vec<(Minute, Minute)> {
        if let Some(e) = self.exceptions.iter().find(|e| e.day == day) {
            return e.hours.into_iter().collect();
        }
        let weekday = if self.holidays.contains(&day) {
            6
        } else {
            day.weekday().num_days_from_monday() as u8
        };
        self.rules
            .iter()
            .filter(|r| r.weekday == weekday)
            .map(|r| (r.opens, r.closes))
            .collect()
    }

    /// Whether the place is open at `now`.
    pub fn is_open(&self, now: DateTime<Utc>, tz: Tz) -> bool {
        let today = now.with_timezone(&tz).date_naive();
        let days = [today.pred_opt(), Some(today)];
        days.into_iter().flatten().any(|day| {
            self.ranges_of(day).into_iter().any(|(opens, closes)| {
                let end = if closes <= opens {
                    closes + 1440
                } else {
                    closes
                };
                match (instant(tz, day, opens, false), instant(tz, day, end, true)) {
                    (Some(s), Some(e)) => s <= now && now < e,
                    _ => false,
                }
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Berlin;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn night() -> Schedule {
        // Fri 22:00 – Sat 04:00 and Sat 22:00 – Sun 04:00.
        Schedule {
            rules: vec![
                WeeklyRule {
                    weekday: 4,
                    opens: 22 * 60,
                    closes: 4 * 60,
                },
                WeeklyRule {
                    weekday: 5,
                    opens: 22 * 60,
                    closes: 4 * 60,
                },
            ],
            ..Schedule::default()
        }
    }

    #[test]
    fn overnight_ranges() {
        let s = night();
        // 2026-06-05 is a Friday (CEST, +02:00).
        assert!(!s.is_open(at("2026-06-05T21:59:00+02:00"), Berlin));
        assert!(s.is_open(at("2026-06-05T22:00:00+02:00"), Berlin));
        assert!(s.is_open(at("2026-06-06T03:59:00+02:00"), Berlin));
        assert!(!s.is_open(at("2026-06-06T04:00:00+02:00"), Berlin));
        assert!(!s.is_open(at("2026-06-06T12:00:00+02:00"), Berlin));
        assert!(s.is_open(at("2026-06-07T01:00:00+02:00"), Berlin));
        // Sunday night is not a rule.
        assert!(!s.is_open(at("2026-06-08T01:00:00+02:00"), Berlin));
    }

    #[test]
    fn holidays_follow_sunday_and_dated_exceptions_win() {
        let s = Schedule {
            rules: vec![
                WeeklyRule {
                    weekday: 0,
                    opens: 9 * 60,
                    closes: 17 * 60,
                },
                WeeklyRule {
                    weekday: 6,
                    opens: 12 * 60,
                    closes: 14 * 60,
                },
            ],
            // Whit Monday 2026.
            holidays: vec![NaiveDate::from_ymd_opt(2026, 5, 25).unwrap()],
            exceptions: vec![
                DatedHours {
                    day: NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
                    hours: None,
                },
                DatedHours {
                    day: NaiveDate::from_ymd_opt(2026, 6, 8).unwrap(),
                    hours: Some((18 * 60, 2 * 60)),
                },
            ],
        };
        assert!(s.is_open(at("2026-05-18T10:00:00+02:00"), Berlin));
        assert!(!s.is_open(at("2026-05-25T10:00:00+02:00"), Berlin));
        assert!(s.is_open(at("2026-05-25T13:00:00+02:00"), Berlin));
        assert!(!s.is_open(at("2026-06-01T10:00:00+02:00"), Berlin));
        assert!(!s.is_open(at("2026-06-08T10:00:00+02:00"), Berlin));
        assert!(s.is_open(at("2026-06-09T01:30:00+02:00"), Berlin));
    }

    #[test]
    fn spring_forward_night_is_an_hour_shorter() {
        // 2026-03-29: 02:00 CET becomes 03:00 CEST. Sat 22:00 – Sun 04:00 CEST
        // ends at 02:00 UTC, not at 03:00 UTC.
        let s = night();
        assert!(s.is_open(at("2026-03-28T21:30:00+00:00"), Berlin));
        assert!(s.is_open(at("2026-03-29T01:30:00+00:00"), Berlin));
        assert!(!s.is_open(at("2026-03-29T02:30:00+00:00"), Berlin));
        // A range opening in the skipped hour opens at 03:00 CEST.
        let gap = Schedule {
            rules: vec![WeeklyRule {
                weekday: 6,
                opens: 2 * 60 + 30,
                closes: 5 * 60,
            }],
            ..Schedule::default()
        };
        assert!(!gap.is_open(at("2026-03-29T00:45:00+00:00"), Berlin));
        assert!(gap.is_open(at("2026-03-29T01:00:00+00:00"), Berlin));
    }

    #[test]
    fn fall_back_night_is_an_hour_longer() {
        // 2026-10-25: 03:00 CEST becomes 02:00 CET. Sat 22:00 CEST (20:00 UTC)
        // – Sun 04:00 CET (03:00 UTC): seven hours.
        let s = night();
        assert!(!s.is_open(at("2026-10-24T19:59:00+00:00"), Berlin));
        assert!(s.is_open(at("2026-10-24T20:00:00+00:00"), Berlin));
        assert!(s.is_open(at("2026-10-25T02:30:00+00:00"), Berlin));
        assert!(!s.is_open(at("2026-10-25T03:00:00+00:00"), Berlin));
    }

    #[test]
    fn lines() {
        let r = parse_rule_line("fri sat 22:00-04:00").unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(
            r[1],
            WeeklyRule {
                weekday: 5,
                opens: 1320,
                closes: 240
            }
        );
        assert!(parse_rule_line("22:00-04:00").is_none());
        assert!(parse_rule_line("fri 22:00").is_none());
        assert!(parse_rule_line("fry 22:00-04:00").is_none());
        assert!(parse_rule_line("fri 24:00-04:00").is_none());
        let e = parse_exception_line("2026-12-24 closed").unwrap();
        assert_eq!(e.hours, None);
        let e = parse_exception_line("2026-12-31 18:00-06:00").unwrap();
        assert_eq!(e.hours, Some((1080, 360)));
        assert!(parse_exception_line("2026-13-01 closed").is_none());
        assert!(parse_exception_line("2026-12-31").is_none());
    }

    #[test]
    fn minutes() {
        assert_eq!(parse_minute("22:00"), Some(1320));
        assert_eq!(parse_minute("24:00"), Some(1440));
        assert_eq!(parse_minute("24:01"), None);
        assert_eq!(parse_minute("9"), None);
        assert_eq!(format_minute(240), "04:00");
    }
}
