//! The dashboard's vocabulary: periods, datasets (one table = one chart =
//! one download), cells with their suppression, and the CSV and JSON forms
//! of a dataset. Pure: no database, no HTTP.

use chrono::{DateTime, Datelike, TimeZone, Utc};
use serde::Serialize;

/// Counts from 1 to 4 are not published where they concern people.
pub const MIN_CELL: i64 = 5;

/// A count as published: `None` (suppressed) for 1–4 when `suppress`.
pub fn count(n: i64, suppress: bool) -> Option<f64> {
    if suppress && n > 0 && n < MIN_CELL {
        None
    } else {
        Some(n as f64)
    }
}

/// A share in percent with one decimal; `None` when the base is 0 or, when
/// `suppress`, smaller than 5.
pub fn percent(part: i64, whole: i64, suppress: bool) -> Option<f64> {
    if whole <= 0 || (suppress && whole < MIN_CELL) {
        return None;
    }
    Some(((part as f64) * 1000.0 / (whole as f64)).round() / 10.0)
}

/// A count, a part of it and the share of the part: all three hidden
/// when the base is 1–4 (hiding only the part would leave it readable from
/// the share), else all shown.
pub fn part_of(part: i64, whole: i64) -> [Option<f64>; 3] {
    if whole > 0 && whole < MIN_CELL {
        [None, None, None]
    } else {
        [
            Some(whole as f64),
            Some(part as f64),
            percent(part, whole, false),
        ]
    }
}

/// A period of the dashboard: a year or a quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub year: i32,
    pub quarter: Option<u32>,
}

impl Period {
    /// `2026` or `2026-q3` (also `2026-Q3`).
    pub fn parse(s: &str) -> Option<Period> {
        let s = s.trim().to_ascii_lowercase();
        let (y, q) = match s.split_once("-q") {
            Some((y, q)) => {
                if q.len() != 1 {
                    return None;
                }
                (y.to_owned(), Some(q.parse::<u32>().ok()?))
            }
            None => (s.clone(), None),
        };
        if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        if !(2000..=2100).contains(&year) || q.is_some_and(|q| !(1..=4).contains(&q)) {
            return None;
        }
        Some(Period { year, quarter: q })
    }

    pub fn slug(&self) -> String {
        match self.quarter {
            Some(q) => format!("{}-q{q}", self.year),
            None => self.year.to_string(),
        }
    }

    /// The current year in the tenant's zone.
    pub fn current_year(now: DateTime<Utc>, tz: chrono_tz::Tz) -> Period {
        Period {
            year: now.with_timezone(&tz).year(),
            quarter: None,
        }
    }

    /// First and one-past-last month, `YYYY-MM`.
    pub fn months(&self) -> (String, String) {
        let (m0, m1) = match self.quarter {
            Some(q) => (3 * q - 2, 3 * q + 1),
            None => (1, 13),
        };
        let end = if m1 == 13 {
            format!("{:04}-01", self.year + 1)
        } else {
            format!("{:04}-{m1:02}", self.year)
        };
        (format!("{:04}-{m0:02}", self.year), end)
    }

    /// Start and end (exclusive) in UTC, the period taken in `tz`.
    pub fn bounds(&self, tz: chrono_tz::Tz) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let (m0, m1) = match self.quarter {
            Some(q) => (3 * q - 2, 3 * q + 1),
            None => (1, 13),
        };
        let at = |y: i32, m: u32| {
            let (y, m) = if m == 13 { (y + 1, 1) } else { (y, m) };
            tz.with_ymd_and_hms(y, m, 1, 0, 0, 0)
                .earliest()
                .map(|t| t.with_timezone(&Utc))
        };
        Some((at(self.year, m0)?, at(self.year, m1)?))
    }

    /// The period of the same length just before.
    pub fn previous(&self) -> Period {
        match self.quarter {
            Some(1) => Period {
                year: self.year - 1,
                quarter: Some(4),
            },
            Some(q) => Period {
                year: self.year,
                quarter: Some(q - 1),
            },
            None => Period {
                year: self.year - 1,
                quarter: None,
            },
        }
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Count,
    Percent,
    Days,
    Minutes,
    Hours,
}

/// A measure column: a stable id (CSV header, JSON key) and its label.
#[derive(Debug, Clone)]
pub struct Column {
    pub id: &'static str,
    /// Fluent id of the label.
    pub label: &'static str,
    pub unit: Unit,
}

/// How a row's label is shown: a Fluent id or a name (district).
#[derive(Debug, Clone)]
pub enum Label {
    Key(String),
    Text(String),
}

/// One row: its stable key (a code), label and one cell per column.
#[derive(Debug, Clone)]
pub struct Row {
    pub key: String,
    pub label: Label,
    pub cells: Vec<Option<f64>>,
}

/// One figure of the dashboard: a table, a chart of its first column and
/// a download, with what it means, where it comes from and for when.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// Stable id in URLs: `/{tenant}/transparency/data/{id}.csv`.
    pub id: &'static str,
    /// Fluent ids: title, definition, source.
    pub title: &'static str,
    pub definition: &'static str,
    pub source: &'static str,
    /// The period the figures cover (may differ from the one asked for:
    /// complaints are published per year).
    pub period: String,
    /// Fluent id of the first column's header (what the rows are).
    pub dimension: &'static str,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Whether counts of 1–4 are suppressed in this dataset.
    pub suppressed_small: bool,
    /// Rows are districts (keys are district codes): GeoJSON is offered.
    pub spatial: bool,
    /// A note (Fluent id) shown under the table, if any.
    pub note: Option<&'static str>,
    /// The column the chart draws.
    pub chart_column: usize,
}

/// A section of the dashboard: a heading and its datasets, or the reason
/// it shows none (e.g. the tenant does not publish it).
#[derive(Debug, Clone)]
pub struct Section {
    pub id: &'static str,
    pub title: &'static str,
    pub datasets: Vec<Dataset>,
    pub withheld: Option<&'static str>,
    /// Warnings shown above the figures (already in the reader's words).
    pub warnings: Vec<String>,
}

/// A number as written in files and tables: counts without decimals,
/// everything else with one decimal; `None` → empty.
pub fn format_cell(v: Option<f64>, unit: Unit) -> String {
    match v {
        None => String::new(),
        Some(x) => match unit {
            Unit::Count => format!("{}", x.round() as i64),
            _ => format!("{x:.1}"),
        },
    }
}

/// The dataset as CSV (RFC 4180): `key,label,<column ids…>`; a suppressed
/// cell is empty.
pub fn to_csv(d: &Dataset, label: &dyn Fn(&Label) -> String) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["key".to_owned(), "label".to_owned()];
    header.extend(d.columns.iter().map(|c| c.id.to_owned()));
    w.write_record(&header)?;
    for r in &d.rows {
        let mut rec = vec![r.key.clone(), label(&r.label)];
        rec.extend(
            r.cells
                .iter()
                .zip(&d.columns)
                .map(|(v, c)| format_cell(*v, c.unit)),
        );
        w.write_record(&rec)?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

/// The dataset as a JSON document with its metadata.
pub fn to_json(
    d: &Dataset,
    tenant: &str,
    licence: (&str, &str),
    tr: &dyn Fn(&str) -> String,
    label: &dyn Fn(&Label) -> String,
) -> serde_json::Value {
    let rows: Vec<serde_json::Value> = d
        .rows
        .iter()
        .map(|r| {
            let mut m = serde_json::Map::new();
            m.insert("key".into(), r.key.clone().into());
            m.insert("label".into(), label(&r.label).into());
            for (v, c) in r.cells.iter().zip(&d.columns) {
                m.insert(c.id.into(), json_number(*v, c.unit));
            }
            serde_json::Value::Object(m)
        })
        .collect();
    let columns: Vec<serde_json::Value> = d
        .columns
        .iter()
        .map(|c| serde_json::json!({ "id": c.id, "label": tr(c.label), "unit": c.unit }))
        .collect();
    serde_json::json!({
        "dataset": d.id,
        "tenant": tenant,
        "title": tr(d.title),
        "definition": tr(d.definition),
        "source": tr(d.source),
        "period": d.period,
        "suppression": if d.suppressed_small { "counts from 1 to 4 are null" } else { "none" },
        "licence": { "name": licence.0, "url": licence.1 },
        "columns": columns,
        "rows": rows,
    })
}

/// A cell as JSON: the same rounding as CSV; `null` when suppressed.
pub fn json_number(v: Option<f64>, unit: Unit) -> serde_json::Value {
    match v {
        None => serde_json::Value::Null,
        Some(x) => match unit {
            Unit::Count => serde_json::Value::from(x.round() as i64),
            _ => serde_json::Number::from_f64((x * 10.0).round() / 10.0)
                .map(serde_json::Value::Number)
                .unwrap_or(serde_json::Value::Null),
        },
    }
}

/// The bar chart of a dataset's first column as inline SVG. It is named by
/// the dataset's title and described by its table (`aria-describedby`);
/// suppressed cells are drawn as a short grey bar with the word for it.
pub fn svg_bars(
    title: &str,
    table_id: &str,
    labels: &[String],
    values: &[Option<f64>],
    unit: Unit,
    suppressed_text: &str,
    decimal_comma: bool,
) -> String {
    let max = values
        .iter()
        .flatten()
        .fold(0.0_f64, |a, b| a.max(*b))
        .max(if unit == Unit::Percent { 100.0 } else { 1.0 });
    let h = 24 * labels.len() + 8;
    let mut s = format!(
        "<svg class=\"chart\" viewBox=\"0 0 640 {h}\" width=\"100%\" role=\"img\" aria-label=\"{}\" aria-describedby=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">",
        esc(title),
        esc(table_id)
    );
    for (i, (label, v)) in labels.iter().zip(values).enumerate() {
        let y = 4 + 24 * i;
        let w = v.map(|c| (c / max) * 340.0).unwrap_or(4.0);
        let mut text = match v {
            Some(_) => format_cell(*v, unit),
            None => suppressed_text.to_owned(),
        };
        if decimal_comma {
            text = text.replace('.', ",");
        }
        if v.is_some() && unit == Unit::Percent {
            text.push_str(" %");
        }
        let short: String = label.chars().take(30).collect();
        s.push_str(&format!(
            "<text x=\"0\" y=\"{}\" font-size=\"13\" fill=\"#1a1a1a\">{}</text><rect x=\"220\" y=\"{y}\" width=\"{w:.1}\" height=\"16\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{}\" font-size=\"13\" fill=\"#1a1a1a\">{}</text>",
            y + 13,
            esc(&short),
            if v.is_some() { "#1f5b9e" } else { "#767676" },
            226.0 + w,
            y + 13,
            esc(&text)
        ));
    }
    s.push_str("</svg>");
    s
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        let p = Period::parse("2026-Q3").unwrap();
        assert_eq!(p.slug(), "2026-q3");
        assert_eq!(p.months(), ("2026-07".into(), "2026-10".into()));
        assert_eq!(Period::parse("2026").unwrap().months().1, "2027-01");
        assert_eq!(
            Period::parse("2026-q1").unwrap().previous().slug(),
            "2025-q4"
        );
        for bad in ["", "26", "2026-q5", "2026-q", "abcd", "2026-q11", "1999"] {
            assert!(Period::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn suppression_and_formats() {
        assert_eq!(count(3, true), None);
        assert_eq!(count(3, false), Some(3.0));
        assert_eq!(count(0, true), Some(0.0));
        assert_eq!(percent(2, 3, true), None);
        assert_eq!(percent(2, 6, true), Some(33.3));
        assert_eq!(format_cell(Some(33.333), Unit::Percent), "33.3");
        assert_eq!(format_cell(Some(7.0), Unit::Count), "7");
        assert_eq!(format_cell(None, Unit::Count), "");
    }
}
