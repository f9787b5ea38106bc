//! Logistic regression on aggregated binomial cells by Newton–Raphson
//! (equivalently IRLS): each cell has covariates `x`, `trials` and
//! `successes`. Standard errors come from the inverse of the observed
//! information at the estimate.

// Matrix arithmetic reads clearest with indices.
#![allow(clippy::needless_range_loop)]

/// One cell of aggregated data.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub x: Vec<f64>,
    pub trials: f64,
    pub successes: f64,
}

/// A fitted model.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    pub coef: Vec<f64>,
    pub se: Vec<f64>,
    pub iterations: usize,
}

/// Why a model could not be fitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FitError {
    /// No cells, or cells of different widths.
    Shape,
    /// The information matrix is singular (collinear covariates, a
    /// covariate without variation, or perfect separation).
    Singular,
    /// Newton steps did not settle.
    NoConvergence,
}

fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// Solves `a x = b` by Gaussian elimination with partial pivoting and
/// returns `x` together with the inverse of `a` (needed for the errors).
fn solve_and_invert(a: &[Vec<f64>], b: &[f64]) -> Result<(Vec<f64>, Vec<Vec<f64>>), FitError> {
    let p = a.len();
    // Augmented [a | b | I].
    let mut m: Vec<Vec<f64>> = a
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let mut r = row.clone();
            r.push(b[i]);
            r.extend((0..p).map(|j| if i == j { 1.0 } else { 0.0 }));
            r
        })
        .collect();
    let scale = a
        .iter()
        .flat_map(|r| r.iter())
        .fold(0.0f64, |acc, v| acc.max(v.abs()))
        .max(1.0);
    for col in 0..p {
        let pivot = (col..p)
            .max_by(|&i, &j| m[i][col].abs().total_cmp(&m[j][col].abs()))
            .ok_or(FitError::Singular)?;
        if m[pivot][col].abs() < 1e-12 * scale {
            return Err(FitError::Singular);
        }
        m.swap(col, pivot);
        let d = m[col][col];
        for v in m[col].iter_mut() {
            *v /= d;
        }
        let pivot_row = m[col].clone();
        for (i, row) in m.iter_mut().enumerate() {
            if i != col {
                let f = row[col];
                if f != 0.0 {
                    for (v, pv) in row.iter_mut().zip(pivot_row.iter()) {
                        *v -= f * pv;
                    }
                }
            }
        }
    }
    let x = m.iter().map(|r| r[p]).collect();
    let inv = m.iter().map(|r| r[p + 1..].to_vec()).collect();
    Ok((x, inv))
}

/// Fits `logit P(success) = x · beta`. Include a column of ones for an
/// intercept.
pub fn fit(cells: &[Cell]) -> Result<Fit, FitError> {
    let p = cells.first().map(|c| c.x.len()).ok_or(FitError::Shape)?;
    if p == 0 || cells.iter().any(|c| c.x.len() != p) {
        return Err(FitError::Shape);
    }
    let mut beta = vec![0.0; p];
    for iteration in 1..=100 {
        let mut grad = vec![0.0; p];
        let mut info = vec![vec![0.0; p]; p];
        for c in cells {
            if c.trials <= 0.0 {
                continue;
            }
            let eta: f64 = c.x.iter().zip(&beta).map(|(x, b)| x * b).sum();
            let mu = sigmoid(eta);
            let resid = c.successes - c.trials * mu;
            let w = c.trials * mu * (1.0 - mu);
            for j in 0..p {
                grad[j] += c.x[j] * resid;
                let wx = w * c.x[j];
                for k in 0..=j {
                    info[j][k] += wx * c.x[k];
                }
            }
        }
        for j in 0..p {
            for k in 0..j {
                info[k][j] = info[j][k];
            }
        }
        let (step, inv) = solve_and_invert(&info, &grad)?;
        // Step halving keeps a far start from overshooting.
        let max_step = step.iter().fold(0.0f64, |a, s| a.max(s.abs()));
        let damp = if max_step > 5.0 { 5.0 / max_step } else { 1.0 };
        for (b, s) in beta.iter_mut().zip(&step) {
            *b += damp * s;
        }
        if max_step < 1e-9 {
            let se = (0..p).map(|j| inv[j][j].max(0.0).sqrt()).collect();
            return Ok(Fit {
                coef: beta,
                se,
                iterations: iteration,
            });
        }
    }
    Err(FitError::NoConvergence)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intercept_only_is_the_log_odds() {
        // 30 of 100: logit(0.3) = ln(3/7); SE = sqrt(1/(n p (1-p))).
        let f = fit(&[Cell {
            x: vec![1.0],
            trials: 100.0,
            successes: 30.0,
        }])
        .unwrap();
        assert!((f.coef[0] - (3.0f64 / 7.0).ln()).abs() < 1e-9);
        assert!((f.se[0] - (1.0 / (100.0 * 0.3 * 0.7f64)).sqrt()).abs() < 1e-9);
    }

    #[test]
    fn two_groups_give_the_log_odds_ratio() {
        // 20/100 vs 40/100: log OR = ln((40/60)/(20/80)); SE = sqrt(Σ 1/cell).
        let f = fit(&[
            Cell {
                x: vec![1.0, 0.0],
                trials: 100.0,
                successes: 20.0,
            },
            Cell {
                x: vec![1.0, 1.0],
                trials: 100.0,
                successes: 40.0,
            },
        ])
        .unwrap();
        let lor = ((40.0f64 / 60.0) / (20.0 / 80.0)).ln();
        assert!((f.coef[1] - lor).abs() < 1e-9);
        let se = (1.0 / 20.0 + 1.0 / 80.0 + 1.0 / 40.0 + 1.0 / 60.0f64).sqrt();
        assert!((f.se[1] - se).abs() < 1e-9);
    }

    #[test]
    fn collinear_columns_are_refused() {
        let cells = vec![
            Cell {
                x: vec![1.0, 1.0],
                trials: 10.0,
                successes: 3.0,
            },
            Cell {
                x: vec![1.0, 1.0],
                trials: 10.0,
                successes: 5.0,
            },
        ];
        assert_eq!(fit(&cells), Err(FitError::Singular));
        assert_eq!(fit(&[]), Err(FitError::Shape));
    }
}
