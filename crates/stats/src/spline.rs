//! The natural cubic spline basis (linear beyond the boundary knots), in
//! the truncated-power form of Hastie, Tibshirani and Friedman (ESL, eq.
//! 5.4–5.5): with knots ξ1 < … < ξK, the columns are x and
//! d_k(x) − d_{K−1}(x) for k = 1 … K−2, where
//! d_k(x) = ((x − ξk)³₊ − (x − ξK)³₊) / (ξK − ξk). The intercept is left to
//! the model.

/// Knots at evenly spaced quantiles of `values` (`count` ≥ 3), the
/// boundary knots at the 5th and 95th percentiles.
pub fn quantile_knots(values: &[f64], count: usize) -> Vec<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() || count < 3 {
        return Vec::new();
    }
    v.sort_by(f64::total_cmp);
    let q = |p: f64| {
        let pos = p * (v.len() - 1) as f64;
        let lo = pos.floor() as usize;
        let hi = pos.ceil() as usize;
        let f = pos - lo as f64;
        v[lo] * (1.0 - f) + v[hi.min(v.len() - 1)] * f
    };
    let mut knots: Vec<f64> = (0..count)
        .map(|i| q(0.05 + 0.9 * i as f64 / (count - 1) as f64))
        .collect();
    knots.dedup_by(|a, b| (*a - *b).abs() < 1e-9);
    knots
}

fn cube_plus(v: f64) -> f64 {
    if v > 0.0 {
        v * v * v
    } else {
        0.0
    }
}

/// The basis columns for `x` (K − 1 of them for K knots; empty for fewer
/// than 2 knots).
pub fn basis(x: f64, knots: &[f64]) -> Vec<f64> {
    let k = knots.len();
    if k < 2 {
        return Vec::new();
    }
    let last = knots[k - 1];
    let d = |j: usize| (cube_plus(x - knots[j]) - cube_plus(x - last)) / (last - knots[j]);
    let mut out = Vec::with_capacity(k - 1);
    out.push(x);
    if k >= 3 {
        let d_last = d(k - 2);
        for j in 0..k - 2 {
            out.push(d(j) - d_last);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_beyond_the_boundary_knots() {
        let knots = [0.0, 1.0, 2.0, 3.0];
        // Second differences vanish outside [0, 3]: the function is linear.
        for x0 in [-5.0, 4.0, 10.0] {
            let a = basis(x0, &knots);
            let b = basis(x0 + 1.0, &knots);
            let c = basis(x0 + 2.0, &knots);
            for j in 0..a.len() {
                let second = a[j] - 2.0 * b[j] + c[j];
                assert!(second.abs() < 1e-9, "column {j} curves at {x0}");
            }
        }
        assert_eq!(basis(0.5, &knots).len(), 3);
    }

    #[test]
    fn hand_computed_value() {
        // Knots 0, 1, 2 at x = 1.5: d_1 = (1.5³ − 0)/2 = 1.6875,
        // d_2 = (0.5³ − 0)/1 = 0.125; column = 1.5625.
        let b = basis(1.5, &[0.0, 1.0, 2.0]);
        assert_eq!(b.len(), 2);
        assert!((b[1] - 1.5625).abs() < 1e-12);
    }

    #[test]
    fn knots_at_quantiles() {
        let v: Vec<f64> = (0..=100).map(f64::from).collect();
        let k = quantile_knots(&v, 3);
        assert_eq!(k, vec![5.0, 50.0, 95.0]);
    }
}
