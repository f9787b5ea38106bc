//! Results of a survey, computed from its stored responses: counts per
//! question, per district and per group, the feeling of safety and trust in
//! the police with 95 % intervals (decision 0030: Wilson for shares, Wald
//! for the difference of two shares and for means), and small-cell
//! suppression: no count under 5 leaves this file unless the caller asks
//! for the unsuppressed figures (the coordinator's own view).

use std::collections::BTreeMap;

use serde::Serialize;
use uuid::Uuid;

use super::model::{Answer, Profile, Question, AGREE_FROM, LIKERT_POINTS};

/// Counts below this are suppressed.
pub const MIN_CELL: u64 = stats::MIN_CELL;
const Z: f64 = stats::Z95;

/// A count as shown: `None` when suppressed.
pub type Cell = Option<u64>;

/// A share with its 95 % Wilson interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Share {
    /// Respondents in the denominator.
    pub n: u64,
    /// Respondents counted (e.g. answered 4 or 5).
    pub count: u64,
    pub share: f64,
    pub ci_low: f64,
    pub ci_high: f64,
}

/// A mean with its 95 % (normal) interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Mean {
    pub n: u64,
    pub mean: f64,
    pub ci_low: f64,
    pub ci_high: f64,
}

/// A difference of two shares (first minus second) with its Wald interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Difference {
    pub difference: f64,
    pub ci_low: f64,
    pub ci_high: f64,
}

/// The Wilson score interval of `count` of `n` (95 %).
pub fn wilson(count: u64, n: u64) -> Option<(f64, f64)> {
    if n == 0 || count > n {
        return None;
    }
    let n_f = n as f64;
    let p = count as f64 / n_f;
    let z2 = Z * Z;
    let denom = 1.0 + z2 / n_f;
    let centre = (p + z2 / (2.0 * n_f)) / denom;
    let half = Z / denom * (p * (1.0 - p) / n_f + z2 / (4.0 * n_f * n_f)).sqrt();
    Some(((centre - half).max(0.0), (centre + half).min(1.0)))
}

/// A share, or `None` when the denominator, the counted or the not-counted
/// respondents are fewer than [`MIN_CELL`] (any of them would be a small
/// cell), unless `unsuppressed`.
pub fn share(count: u64, n: u64, unsuppressed: bool) -> Option<Share> {
    if !unsuppressed && (n < MIN_CELL || count < MIN_CELL || n - count < MIN_CELL) {
        return None;
    }
    let (ci_low, ci_high) = wilson(count, n)?;
    Some(Share {
        n,
        count,
        share: count as f64 / n as f64,
        ci_low,
        ci_high,
    })
}

/// The mean of values with the normal 95 % interval (sample standard
/// deviation), or `None` under [`MIN_CELL`] values.
pub fn mean(values: &[i64], unsuppressed: bool) -> Option<Mean> {
    let n = values.len() as u64;
    if n == 0 || (!unsuppressed && n < MIN_CELL) {
        return None;
    }
    let n_f = n as f64;
    let m = values.iter().sum::<i64>() as f64 / n_f;
    let var = if n > 1 {
        values.iter().map(|v| (*v as f64 - m).powi(2)).sum::<f64>() / (n_f - 1.0)
    } else {
        0.0
    };
    let half = Z * (var / n_f).sqrt();
    Some(Mean {
        n,
        mean: m,
        ci_low: m - half,
        ci_high: m + half,
    })
}

/// The difference `a − b` of two shares with the Wald interval.
pub fn difference(a: &Share, b: &Share) -> Difference {
    let se =
        (a.share * (1.0 - a.share) / a.n as f64 + b.share * (1.0 - b.share) / b.n as f64).sqrt();
    let d = a.share - b.share;
    Difference {
        difference: d,
        ci_low: d - Z * se,
        ci_high: d + Z * se,
    }
}

/// One row of a breakdown: a group and its counts per option.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// Group code (district code, `yes`/`no`/…, age band, gender; `all`).
    pub group: String,
    pub total: Cell,
    pub counts: Vec<Cell>,
    /// Share answering 4 or 5 (Likert only).
    pub agree: Option<Share>,
    pub mean: Option<Mean>,
}

/// A breakdown of one question by one dimension.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Breakdown {
    /// `district`, `migration`, `age_band`, `gender`.
    pub by: String,
    pub rows: Vec<Row>,
}

/// Results of one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionResult {
    pub question_id: Uuid,
    pub position: usize,
    pub kind: String,
    pub measure: String,
    /// Respondents who answered it.
    pub answered: Cell,
    /// Everyone (group `all`).
    pub overall: Row,
    pub breakdowns: Vec<Breakdown>,
    /// Map questions: answers per time of day and per district.
    pub by_time: Vec<(String, Cell)>,
    pub by_district: Vec<(String, Cell)>,
}

/// Results of a survey.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SurveyResults {
    pub responses: Cell,
    pub questions: Vec<QuestionResult>,
    pub figures: Figures,
}

/// The figures tracked across waves.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Figures {
    /// Respondents who answered the safety question 4 or 5.
    pub safety: Option<Share>,
    pub safety_mean: Option<Mean>,
    /// Trust (4 or 5) among respondents with a migration history.
    pub trust_with_migration: Option<Share>,
    /// Trust (4 or 5) among respondents without one.
    pub trust_without_migration: Option<Share>,
    /// Everyone who answered the trust question.
    pub trust_all: Option<Share>,
    /// The trust gap: trust without minus trust with a migration history
    /// (positive: lower trust among people with a migration history).
    pub trust_gap: Option<Difference>,
}

/// Hides the small cells of a row (and one more when exactly one is small,
/// so it cannot be recomputed from the total).
fn cells(counts: &[u64], unsuppressed: bool) -> Vec<Cell> {
    let hidden = stats::suppressed_column(counts, unsuppressed);
    counts
        .iter()
        .zip(hidden)
        .map(|(c, h)| (!h).then_some(*c))
        .collect()
}

fn cell(count: u64, unsuppressed: bool) -> Cell {
    (unsuppressed || count >= MIN_CELL).then_some(count)
}

/// A row of counts for the respondents `ids` of a choice question.
fn row(
    group: &str,
    q: &Question,
    by_response: &BTreeMap<Uuid, Vec<&Answer>>,
    ids: &[Uuid],
    unsuppressed: bool,
) -> Row {
    let width = if q.kind == "likert" {
        LIKERT_POINTS as usize
    } else {
        q.option_count
    };
    let mut counts = vec![0u64; width];
    let mut total = 0u64;
    let mut likert = Vec::new();
    for id in ids {
        let Some(answers) = by_response.get(id) else {
            continue;
        };
        total += 1;
        for a in answers {
            if let Some(c) = a.choice {
                let idx = if q.kind == "likert" { c - 1 } else { c };
                if let Some(slot) = usize::try_from(idx).ok().and_then(|i| counts.get_mut(i)) {
                    *slot += 1;
                }
                if q.kind == "likert" {
                    likert.push(c);
                }
            }
        }
    }
    let agree_count = likert.iter().filter(|v| **v >= AGREE_FROM).count() as u64;
    Row {
        group: group.to_owned(),
        total: cell(total, unsuppressed),
        counts: cells(&counts, unsuppressed),
        agree: (q.kind == "likert")
            .then(|| share(agree_count, likert.len() as u64, unsuppressed))
            .flatten(),
        mean: (q.kind == "likert")
            .then(|| mean(&likert, unsuppressed))
            .flatten(),
    }
}

/// Computes a survey's results. `responses` are (id, profile); `answers`
/// belong to those responses. `districts` lists the codes in display order.
pub fn compute(
    questions: &[Question],
    responses: &[(Uuid, Profile)],
    answers: &[(Uuid, Answer)],
    districts: &[String],
    unsuppressed: bool,
) -> SurveyResults {
    let mut out = Vec::new();
    let mut figures = Figures::default();
    for q in questions {
        let mut by_response: BTreeMap<Uuid, Vec<&Answer>> = BTreeMap::new();
        for (rid, a) in answers.iter().filter(|(_, a)| a.question == q.id) {
            by_response.entry(*rid).or_default().push(a);
        }
        let all: Vec<Uuid> = responses.iter().map(|(id, _)| *id).collect();
        let answered = by_response.len() as u64;
        let mut result = QuestionResult {
            question_id: q.id,
            position: q.position,
            kind: q.kind.clone(),
            measure: q.measure.clone(),
            answered: cell(answered, unsuppressed),
            overall: row("all", q, &by_response, &all, unsuppressed),
            breakdowns: Vec::new(),
            by_time: Vec::new(),
            by_district: Vec::new(),
        };
        match q.kind.as_str() {
            "likert" | "single" | "multiple" => {
                let dims: [Dimension; 4] = [
                    ("district", districts.to_vec(), |p| p.district.as_str()),
                    ("migration", strings(&super::model::MIGRATION), |p| {
                        p.migration.as_str()
                    }),
                    ("age_band", strings(&super::model::AGE_BANDS), |p| {
                        p.age_band.as_str()
                    }),
                    ("gender", strings(&super::model::GENDERS), |p| {
                        p.gender.as_str()
                    }),
                ];
                for (by, groups, get) in dims {
                    let rows = groups
                        .iter()
                        .map(|g| {
                            let ids: Vec<Uuid> = responses
                                .iter()
                                .filter(|(_, p)| get(p) == g)
                                .map(|(id, _)| *id)
                                .collect();
                            row(g, q, &by_response, &ids, unsuppressed)
                        })
                        .collect();
                    result.breakdowns.push(Breakdown {
                        by: by.to_owned(),
                        rows,
                    });
                }
            }
            "map" => {
                let list: Vec<&Answer> = by_response.values().flatten().copied().collect();
                let times: Vec<u64> = super::model::TIMES
                    .iter()
                    .map(|t| {
                        list.iter()
                            .filter(|a| a.time_of_day.as_deref() == Some(t))
                            .count() as u64
                    })
                    .collect();
                result.by_time = super::model::TIMES
                    .iter()
                    .map(|t| (*t).to_owned())
                    .zip(cells(&times, unsuppressed))
                    .collect();
                let per_district: Vec<u64> = districts
                    .iter()
                    .map(|d| {
                        list.iter()
                            .filter(|a| a.district.as_deref() == Some(d.as_str()))
                            .count() as u64
                    })
                    .collect();
                result.by_district = districts
                    .iter()
                    .cloned()
                    .zip(cells(&per_district, unsuppressed))
                    .collect();
            }
            _ => {}
        }
        if q.kind == "likert" && q.measure == "safety" && figures.safety.is_none() {
            let values: Vec<i64> = by_response
                .values()
                .flatten()
                .filter_map(|a| a.choice)
                .collect();
            let agree = values.iter().filter(|v| **v >= AGREE_FROM).count() as u64;
            figures.safety = share(agree, values.len() as u64, unsuppressed);
            figures.safety_mean = mean(&values, unsuppressed);
        }
        if q.kind == "likert" && q.measure == "trust" && figures.trust_all.is_none() {
            let group = |m: Option<&str>| {
                let values: Vec<i64> = responses
                    .iter()
                    .filter(|(_, p)| m.is_none_or(|m| p.migration == m))
                    .filter_map(|(id, _)| by_response.get(id))
                    .flatten()
                    .filter_map(|a| a.choice)
                    .collect();
                let agree = values.iter().filter(|v| **v >= AGREE_FROM).count() as u64;
                share(agree, values.len() as u64, unsuppressed)
            };
            figures.trust_all = group(None);
            figures.trust_with_migration = group(Some("yes"));
            figures.trust_without_migration = group(Some("no"));
            figures.trust_gap = figures
                .trust_without_migration
                .as_ref()
                .zip(figures.trust_with_migration.as_ref())
                .map(|(a, b)| difference(a, b));
        }
        out.push(result);
    }
    SurveyResults {
        responses: cell(responses.len() as u64, unsuppressed),
        questions: out,
        figures,
    }
}

/// A breakdown dimension: its name, its groups, and how to read a
/// response's group.
type Dimension = (&'static str, Vec<String>, fn(&Profile) -> &str);

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-4
    }

    /// Hand-computed: 40 of 50 → p = 0.8; Wilson (z = 1.96):
    /// centre = (0.8 + 3.8415/100) / (1 + 3.8415/50) = 0.83842 / 1.07683
    /// = 0.77860; half = 1.95996 / 1.07683 × sqrt(0.0032 + 0.00038415)
    /// = 1.82012 × 0.059867 = 0.108965 → (0.66964, 0.88756).
    #[test]
    fn wilson_matches_the_hand_computed_interval() {
        let (lo, hi) = wilson(40, 50).unwrap();
        assert!(close(lo, 0.66964), "{lo}");
        assert!(close(hi, 0.88756), "{hi}");
        assert_eq!(wilson(0, 0), None);
    }

    #[test]
    fn small_cells_are_suppressed() {
        assert_eq!(share(4, 50, false), None);
        assert_eq!(share(46, 50, false), None);
        assert_eq!(share(10, 12, false), None);
        assert!(share(10, 20, false).is_some());
        assert!(share(1, 2, true).is_some());
        assert_eq!(cells(&[3, 10, 20], false), vec![None, None, Some(20)]);
        assert_eq!(mean(&[1, 2, 3, 4], false), None);
    }

    /// Mean of 1,2,3,4,5: 3; sample variance 2.5; half width
    /// 1.95996 × sqrt(2.5/5) = 1.38590.
    #[test]
    fn mean_interval() {
        let m = mean(&[1, 2, 3, 4, 5], false).unwrap();
        assert!(close(m.mean, 3.0));
        assert!(close(m.ci_low, 3.0 - 1.385_90));
    }
}
