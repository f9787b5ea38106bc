//! The map of a warning's area, drawn on the server as SVG like the safe
//! places' map (no tiles, nothing fetched): the tenant's districts, and the
//! CAP areas — polygons and circles — of our own warnings and of imported
//! ones alike, since both are read from the same `cap::Area`s.

use super::store::DistrictRow;

/// One district on the map: its outline (if imported) and its label.
pub struct MapDistrict {
    pub name: String,
    pub x: String,
    pub y: String,
    pub path: Option<String>,
}

/// A circle of the area, as an ellipse in map units (degrees of latitude
/// and longitude are drawn at different scales).
pub struct MapCircle {
    pub cx: String,
    pub cy: String,
    pub rx: String,
    pub ry: String,
}

pub struct AreaMap {
    pub districts: Vec<MapDistrict>,
    pub polygons: Vec<String>,
    pub circles: Vec<MapCircle>,
}

/// A closed ring of (lat, lon).
type Ring = Vec<(f64, f64)>;

const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 400.0;
const KM_PER_DEGREE: f64 = 111.32;

struct Bounds {
    min_lat: f64,
    min_lon: f64,
    span_lat: f64,
    span_lon: f64,
}

impl Bounds {
    fn new(points: &[(f64, f64)]) -> Bounds {
        let (mut a, mut b, mut c, mut d) = (90.0_f64, 180.0_f64, -90.0_f64, -180.0_f64);
        for (lat, lon) in points {
            a = a.min(*lat);
            b = b.min(*lon);
            c = c.max(*lat);
            d = d.max(*lon);
        }
        if points.is_empty() {
            (a, b, c, d) = (0.0, 0.0, 1.0, 1.0);
        }
        let pad_lat = ((c - a) * 0.08).max(0.005);
        let pad_lon = ((d - b) * 0.08).max(0.005);
        Bounds {
            min_lat: a - pad_lat,
            min_lon: b - pad_lon,
            span_lat: (c - a) + 2.0 * pad_lat,
            span_lon: (d - b) + 2.0 * pad_lon,
        }
    }

    fn x(&self, lon: f64) -> f64 {
        (lon - self.min_lon) / self.span_lon * WIDTH
    }

    fn y(&self, lat: f64) -> f64 {
        HEIGHT - (lat - self.min_lat) / self.span_lat * HEIGHT
    }

    fn path(&self, ring: &[(f64, f64)]) -> String {
        let mut d: Vec<String> = ring
            .iter()
            .enumerate()
            .map(|(i, (lat, lon))| {
                let m = if i == 0 { "M" } else { "L" };
                format!("{m}{:.1},{:.1}", self.x(*lon), self.y(*lat))
            })
            .collect();
        d.push("Z".into());
        d.join(" ")
    }
}

/// The degrees a circle spans north–south and east–west.
fn circle_degrees(c: &cap::Circle) -> (f64, f64) {
    let lat = c.center().lat();
    let dlat = c.radius_km() / KM_PER_DEGREE;
    let dlon = c.radius_km() / (KM_PER_DEGREE * lat.to_radians().cos().max(0.01));
    (dlat, dlon)
}

/// The map of `areas` over the tenant's `districts`. The view covers both,
/// so an imported warning for a larger region shows the city within it.
/// `None` when the areas carry no shape (only a description or geocodes).
pub fn area_map(areas: &[cap::Area], districts: &[DistrictRow]) -> Option<AreaMap> {
    let polygons: Vec<&cap::Polygon> = areas.iter().flat_map(|a| a.polygons.iter()).collect();
    let circles: Vec<&cap::Circle> = areas.iter().flat_map(|a| a.circles.iter()).collect();
    if polygons.is_empty() && circles.is_empty() {
        return None;
    }
    let outlines: Vec<(&DistrictRow, Option<Ring>)> = districts
        .iter()
        .map(|d| {
            (
                d,
                d.geometry
                    .as_deref()
                    .and_then(super::model::outline_from_geojson),
            )
        })
        .collect();
    let mut points: Vec<(f64, f64)> = Vec::new();
    for (d, outline) in &outlines {
        if let Some(o) = outline {
            points.extend(o.iter().copied());
        } else if let Some(c) = d.centre_lat.zip(d.centre_lon) {
            points.push(c);
        }
    }
    for p in &polygons {
        points.extend(p.points().iter().map(|pt| (pt.lat(), pt.lon())));
    }
    for c in &circles {
        let (dlat, dlon) = circle_degrees(c);
        let (lat, lon) = (c.center().lat(), c.center().lon());
        points.push((lat - dlat, lon - dlon));
        points.push((lat + dlat, lon + dlon));
    }
    let b = Bounds::new(&points);
    Some(AreaMap {
        districts: outlines
            .iter()
            .filter_map(|(d, outline)| {
                let (lat, lon) = d.centre_lat.zip(d.centre_lon)?;
                Some(MapDistrict {
                    name: d.name.clone(),
                    x: format!("{:.1}", b.x(lon)),
                    y: format!("{:.1}", b.y(lat)),
                    path: outline.as_ref().map(|o| b.path(o)),
                })
            })
            .collect(),
        polygons: polygons
            .iter()
            .map(|p| {
                let ring: Vec<(f64, f64)> =
                    p.points().iter().map(|pt| (pt.lat(), pt.lon())).collect();
                b.path(&ring)
            })
            .collect(),
        circles: circles
            .iter()
            .map(|c| {
                let (dlat, dlon) = circle_degrees(c);
                MapCircle {
                    cx: format!("{:.1}", b.x(c.center().lon())),
                    cy: format!("{:.1}", b.y(c.center().lat())),
                    rx: format!("{:.1}", (dlon / b.span_lon * WIDTH).max(2.0)),
                    ry: format!("{:.1}", (dlat / b.span_lat * HEIGHT).max(2.0)),
                }
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polygons_and_circles_are_drawn_within_the_view() {
        let poly: cap::Polygon = "51.50,7.40 51.50,7.50 51.55,7.50 51.50,7.40"
            .parse()
            .unwrap();
        let circle: cap::Circle = "51.52,7.45 2".parse().unwrap();
        let area = cap::Area {
            description: "x".into(),
            polygons: vec![poly],
            circles: vec![circle],
            ..cap::Area::default()
        };
        let m = area_map(&[area], &[]).unwrap();
        assert_eq!(m.polygons.len(), 1);
        assert!(m.polygons[0].starts_with('M') && m.polygons[0].ends_with('Z'));
        for coord in m.polygons[0]
            .split([' ', ',', 'M', 'L', 'Z'])
            .filter(|s| !s.is_empty())
        {
            let v: f64 = coord.parse().unwrap();
            assert!((0.0..=600.0).contains(&v), "{v}");
        }
        let c = &m.circles[0];
        let (rx, ry): (f64, f64) = (c.rx.parse().unwrap(), c.ry.parse().unwrap());
        assert!(rx > 10.0 && ry > 10.0, "{rx} {ry}");
        // Only a description and geocodes: no map.
        assert!(area_map(&[cap::Area::default()], &[]).is_none());
    }
}
