//! Travel times from the tenant's own routing server (the OSRM `table`
//! service) for the unit suggestion. Optional: without a routing URL, or
//! when the server does not answer in time or answers nonsense, the
//! suggestion falls back to straight line × road factor (decision 0038).

use std::fmt::Write as _;
use std::sync::OnceLock;
use std::time::Duration;

/// The whole request, connection to last byte: a dispatcher must not wait
/// for a slow routing server.
pub const TIMEOUT: Duration = Duration::from_millis(500);
/// A table for at most [`MAX_DESTINATIONS`] units is a few kilobytes.
const MAX_BODY: usize = 256 * 1024;
/// Units asked about per incident (the nearest by straight line); OSRM's
/// default `max-table-size` is 100.
pub const MAX_DESTINATIONS: usize = 25;

fn client() -> Option<&'static reqwest::Client> {
    static CLIENT: OnceLock<Option<reqwest::Client>> = OnceLock::new();
    CLIENT
        .get_or_init(|| {
            reqwest::Client::builder()
                .timeout(TIMEOUT)
                .connect_timeout(TIMEOUT)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .ok()
        })
        .as_ref()
}

/// The `table` request for one source and its destinations, positions as
/// (lat, lon); OSRM wants lon,lat.
pub fn table_url(base: &str, from: (f64, f64), to: &[(f64, f64)]) -> String {
    let mut coords = format!("{:.6},{:.6}", from.1, from.0);
    for p in to {
        let _ = write!(coords, ";{:.6},{:.6}", p.1, p.0);
    }
    format!(
        "{}/table/v1/driving/{coords}?sources=0&annotations=duration",
        base.trim_end_matches('/')
    )
}

/// Seconds of driving from `from` to each of `to` (none: no route), or
/// none when the server failed.
pub async fn durations(
    base: &str,
    from: (f64, f64),
    to: &[(f64, f64)],
) -> Option<Vec<Option<f64>>> {
    if to.is_empty() {
        return Some(Vec::new());
    }
    let url = table_url(base, from, to);
    let mut res = client()?.get(&url).send().await.ok()?;
    if !res.status().is_success() {
        return None;
    }
    let mut body = Vec::new();
    while let Some(chunk) = res.chunk().await.ok()? {
        body.extend_from_slice(&chunk);
        if body.len() > MAX_BODY {
            return None;
        }
    }
    parse_table(&body, to.len())
}

/// The first row of an OSRM `table` answer without its first column (the
/// source itself).
pub fn parse_table(body: &[u8], destinations: usize) -> Option<Vec<Option<f64>>> {
    #[derive(serde::Deserialize)]
    struct Table {
        code: String,
        durations: Option<Vec<Vec<Option<f64>>>>,
    }
    let t: Table = serde_json::from_slice(body).ok()?;
    if t.code != "Ok" {
        return None;
    }
    let row = t.durations?.into_iter().next()?;
    if row.len() != destinations + 1 {
        return None;
    }
    Some(
        row.into_iter()
            .skip(1)
            .map(|d| d.filter(|x| x.is_finite() && *x >= 0.0))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_request_has_lon_lat_and_asks_for_durations_from_the_incident() {
        let u = table_url("http://osrm:5000/", (51.5, 7.4), &[(51.6, 7.5)]);
        assert_eq!(
            u,
            "http://osrm:5000/table/v1/driving/7.400000,51.500000;7.500000,51.600000?sources=0&annotations=duration"
        );
    }

    #[test]
    fn answers_are_parsed_and_nonsense_is_refused() {
        let ok = br#"{"code":"Ok","durations":[[0,120.5,null]],"sources":[],"destinations":[]}"#;
        assert_eq!(parse_table(ok, 2), Some(vec![Some(120.5), None]));
        assert_eq!(parse_table(ok, 3), None);
        assert_eq!(parse_table(br#"{"code":"InvalidQuery"}"#, 2), None);
        assert_eq!(parse_table(b"<html>", 2), None);
        assert_eq!(
            parse_table(br#"{"code":"Ok","durations":[[0,-5]]}"#, 1),
            Some(vec![None])
        );
    }
}
