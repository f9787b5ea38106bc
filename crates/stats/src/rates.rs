//! Benchmark stop rates and the outcome (hit-rate) test on counts.

/// A stop rate against a population benchmark.
#[derive(Debug, Clone, PartialEq)]
pub struct StopRate {
    pub stops: u64,
    pub residents: u64,
    /// Stops per 1,000 residents.
    pub per_1000: Option<f64>,
}

/// Stops per 1,000 residents (`None` without residents).
pub fn stop_rate(stops: u64, residents: u64) -> StopRate {
    StopRate {
        stops,
        residents,
        per_1000: (residents > 0).then(|| stops as f64 * 1000.0 / residents as f64),
    }
}

/// The ratio of one group's stop rate to a reference group's.
pub fn disparity(group: &StopRate, reference: &StopRate) -> Option<f64> {
    match (group.per_1000, reference.per_1000) {
        (Some(g), Some(r)) if r > 0.0 => Some(g / r),
        _ => None,
    }
}

/// Counts for the outcome test of one group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutcomeCounts {
    pub stops: u64,
    pub searches: u64,
    /// Searches that found something: an administrative offence report, a
    /// criminal complaint or an arrest followed.
    pub hits: u64,
}

/// Search rate and hit rate of one group.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    pub counts: OutcomeCounts,
    pub search_rate: Option<f64>,
    pub hit_rate: Option<f64>,
}

/// The outcome test's rates: a lower hit rate for a group that is searched
/// more often suggests a lower threshold of suspicion for that group.
pub fn outcome(c: OutcomeCounts) -> Outcome {
    Outcome {
        counts: c,
        search_rate: (c.stops > 0).then(|| c.searches as f64 / c.stops as f64),
        hit_rate: (c.searches > 0).then(|| c.hits as f64 / c.searches as f64),
    }
}

/// A proportion's Wald 95 % interval (normal approximation).
pub fn proportion_ci(successes: u64, trials: u64) -> Option<(f64, f64)> {
    if trials == 0 {
        return None;
    }
    let p = successes as f64 / trials as f64;
    let se = (p * (1.0 - p) / trials as f64).sqrt();
    let (lo, hi) = crate::wald95(p, se);
    Some((lo.max(0.0), hi.min(1.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small fixed data set, computed by hand:
    /// group A: 40 stops, 10 searches, 4 hits, 2,000 residents;
    /// group B: 30 stops, 15 searches, 3 hits, 500 residents.
    #[test]
    fn rates_match_hand_computed_values() {
        let a = stop_rate(40, 2000);
        let b = stop_rate(30, 500);
        assert_eq!(a.per_1000, Some(20.0));
        assert_eq!(b.per_1000, Some(60.0));
        assert_eq!(disparity(&b, &a), Some(3.0));
        let oa = outcome(OutcomeCounts {
            stops: 40,
            searches: 10,
            hits: 4,
        });
        let ob = outcome(OutcomeCounts {
            stops: 30,
            searches: 15,
            hits: 3,
        });
        assert_eq!(oa.search_rate, Some(0.25));
        assert_eq!(oa.hit_rate, Some(0.4));
        assert_eq!(ob.search_rate, Some(0.5));
        assert_eq!(ob.hit_rate, Some(0.2));
        assert_eq!(stop_rate(3, 0).per_1000, None);
        assert_eq!(outcome(OutcomeCounts::default()).hit_rate, None);
        let (lo, hi) = proportion_ci(4, 10).unwrap();
        // p = 0.4, SE = sqrt(0.4 · 0.6 / 10) = 0.154919…
        assert!((lo - 0.096_364).abs() < 1e-5, "{lo}");
        assert!((hi - 0.703_636).abs() < 1e-5, "{hi}");
    }
}
