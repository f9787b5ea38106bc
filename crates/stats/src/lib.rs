//! Pure computations for the external evaluation of stop receipts:
//! benchmark stop rates, the outcome (hit-rate) test, logistic regression
//! by Newton–Raphson (IRLS) on aggregated binomial cells, a natural cubic
//! spline basis, the veil-of-darkness test with sunset and civil dusk, Wald
//! intervals, small-cell suppression, and a simulator with a known effect.
//!
//! No database and no server: the application aggregates in SQL and hands
//! the counts to these functions.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod logistic;
pub mod rates;
pub mod sim;
pub mod spline;
pub mod sun;
pub mod vod;

/// Counts below this are never shown to anyone but an evaluator.
pub const MIN_CELL: u64 = 5;

/// A count as it may be shown: `None` when suppressed.
pub fn shown(count: u64, unsuppressed: bool) -> Option<u64> {
    (unsuppressed || count >= MIN_CELL).then_some(count)
}

/// A rate as it may be shown: suppressed when its numerator or its
/// denominator is a small cell (either would let the cell be recomputed).
pub fn shown_rate(
    numerator: u64,
    denominator: u64,
    rate: Option<f64>,
    unsuppressed: bool,
) -> Option<f64> {
    if unsuppressed || (numerator >= MIN_CELL && denominator >= MIN_CELL) {
        rate
    } else {
        None
    }
}

/// Which cells of a column to hide: every cell under [`MIN_CELL`], and,
/// when exactly one is hidden, also the smallest shown one, so the hidden
/// cell cannot be recomputed from the column's total.
pub fn suppressed_column(values: &[u64], unsuppressed: bool) -> Vec<bool> {
    let mut hidden: Vec<bool> = values
        .iter()
        .map(|v| !unsuppressed && *v < MIN_CELL)
        .collect();
    if hidden.iter().filter(|h| **h).count() == 1 {
        if let Some((i, _)) = values
            .iter()
            .enumerate()
            .filter(|(i, _)| !hidden[*i])
            .min_by_key(|(_, v)| **v)
        {
            hidden[i] = true;
        }
    }
    hidden
}

/// The two-sided 95 % normal quantile.
pub const Z95: f64 = 1.959_963_984_540_054;

/// A Wald 95 % interval.
pub fn wald95(estimate: f64, se: f64) -> (f64, f64) {
    (estimate - Z95 * se, estimate + Z95 * se)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_cells_are_suppressed_for_everyone_but_evaluators() {
        for n in 0..5 {
            assert_eq!(shown(n, false), None);
            assert_eq!(shown(n, true), Some(n));
        }
        assert_eq!(shown(5, false), Some(5));
        assert_eq!(shown_rate(4, 100, Some(0.04), false), None);
        assert_eq!(shown_rate(10, 4, Some(2.5), false), None);
        assert_eq!(shown_rate(10, 100, Some(0.1), false), Some(0.1));
    }

    #[test]
    fn a_lone_small_cell_takes_a_second_one_with_it() {
        assert_eq!(
            suppressed_column(&[14, 4, 9, 28], false),
            vec![false, true, true, false]
        );
        assert_eq!(
            suppressed_column(&[14, 4, 3, 28], false),
            vec![false, true, true, false]
        );
        assert_eq!(
            suppressed_column(&[14, 6, 9], false),
            vec![false, false, false]
        );
        assert_eq!(
            suppressed_column(&[14, 4, 9], true),
            vec![false, false, false]
        );
    }

    #[test]
    fn wald_interval() {
        let (lo, hi) = wald95(1.0, 0.5);
        assert!((lo - 0.020_018).abs() < 1e-5);
        assert!((hi - 1.979_982).abs() < 1e-5);
    }
}
