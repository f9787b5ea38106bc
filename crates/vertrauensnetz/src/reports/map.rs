//! The map drawn on the server as SVG: district outlines (or, where no
//! outline is known, the district names at their centres) and the reports
//! as markers, clustered on a grid so that a thousand reports stay
//! readable. No tile server, no script, no request to anyone else; the
//! reporting form's script only turns a click on this picture into
//! coordinates. Every map has the list beside it.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::model::Area;

pub const WIDTH: f64 = 640.0;
pub const HEIGHT: f64 = 480.0;

/// One report on the map.
pub struct Marker {
    pub lat: f64,
    pub lon: f64,
    /// CSS class of the marker (e.g. `m-open`, `m-fixed`, `m-night`).
    pub class: &'static str,
}

/// A district to draw: name, centre, outline rings (lon/lat).
pub struct Outline {
    pub name: String,
    pub centre: Option<(f64, f64)>,
    pub rings: Vec<Vec<(f64, f64)>>,
}

/// Projects within the area: a plain equirectangular projection with the
/// longitude scaled by the cosine of the middle latitude, fitted into the
/// picture.
pub struct Projection {
    area: Area,
    sx: f64,
    sy: f64,
    ox: f64,
    oy: f64,
}

impl Projection {
    pub fn new(area: Area) -> Projection {
        let mid = ((area.min_lat + area.max_lat) / 2.0)
            .to_radians()
            .cos()
            .max(0.1);
        let w = ((area.max_lon - area.min_lon) * mid).max(1e-6);
        let h = (area.max_lat - area.min_lat).max(1e-6);
        let scale = (WIDTH / w).min(HEIGHT / h);
        Projection {
            area,
            sx: scale * mid,
            sy: scale,
            ox: (WIDTH - w * scale) / 2.0,
            oy: (HEIGHT - h * scale) / 2.0,
        }
    }

    pub fn xy(&self, lat: f64, lon: f64) -> (f64, f64) {
        (
            self.ox + (lon - self.area.min_lon) * self.sx,
            self.oy + (self.area.max_lat - lat) * self.sy,
        )
    }

    /// Attributes that let the page's script turn a click into coordinates.
    pub fn data_attributes(&self) -> String {
        format!(
            "data-min-lon=\"{}\" data-max-lat=\"{}\" data-sx=\"{}\" data-sy=\"{}\" data-ox=\"{}\" data-oy=\"{}\"",
            self.area.min_lon, self.area.max_lat, self.sx, self.sy, self.ox, self.oy
        )
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Grid cells per side used for clustering.
const CELLS: f64 = 24.0;

/// Draws the map. `title` is the accessible name; `pin` a chosen point.
pub fn svg(
    area: Area,
    outlines: &[Outline],
    markers: &[Marker],
    pin: Option<(f64, f64)>,
    title: &str,
    id: &str,
) -> String {
    let p = Projection::new(area);
    let mut out = String::with_capacity(4096 + markers.len().min(2000) * 64);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" class=\"report-map\" id=\"{}\" role=\"img\" aria-labelledby=\"{}-title\" {}><title id=\"{}-title\">{}</title><rect class=\"map-bg\" x=\"0\" y=\"0\" width=\"{WIDTH}\" height=\"{HEIGHT}\"/>",
        esc(id),
        esc(id),
        p.data_attributes(),
        esc(id),
        esc(title)
    );
    for o in outlines {
        for ring in &o.rings {
            let pts: Vec<String> = ring
                .iter()
                .map(|(lon, lat)| {
                    let (x, y) = p.xy(*lat, *lon);
                    format!("{x:.1},{y:.1}")
                })
                .collect();
            let _ = write!(
                out,
                "<polygon class=\"district\" points=\"{}\"/>",
                pts.join(" ")
            );
        }
        if let Some((lat, lon)) = o.centre {
            let (x, y) = p.xy(lat, lon);
            let _ = write!(
                out,
                "<text class=\"district-name\" x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"middle\">{}</text>",
                esc(&o.name)
            );
        }
    }
    // Server-side clustering: markers in one grid cell become one circle
    // with the count.
    let mut cells: BTreeMap<(i64, i64, &'static str), (f64, f64, usize)> = BTreeMap::new();
    for m in markers {
        let (x, y) = p.xy(m.lat, m.lon);
        let key = (
            (x / WIDTH * CELLS).floor() as i64,
            (y / HEIGHT * CELLS).floor() as i64,
            m.class,
        );
        let e = cells.entry(key).or_insert((0.0, 0.0, 0));
        e.0 += x;
        e.1 += y;
        e.2 += 1;
    }
    for ((_, _, class), (sx, sy, n)) in cells {
        let (x, y) = (sx / n as f64, sy / n as f64);
        if n == 1 {
            let _ = write!(
                out,
                "<circle class=\"marker {class}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"6\"/>"
            );
        } else {
            let r = 8.0 + (n as f64).log10() * 6.0;
            let _ = write!(
                out,
                "<g class=\"cluster {class}\"><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\"/><text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{n}</text></g>",
                y + 4.0
            );
        }
    }
    if let Some((lat, lon)) = pin {
        let (x, y) = p.xy(lat, lon);
        let _ = write!(
            out,
            "<circle class=\"pin\" id=\"{}-pin\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"7\"/>",
            esc(id)
        );
    }
    out.push_str("</svg>");
    out
}

/// Outline rings of a stored GeoJSON geometry (Polygon or MultiPolygon).
pub fn rings(geometry: &str) -> Vec<Vec<(f64, f64)>> {
    let Ok(g) = geometry.parse::<geojson::Geometry>() else {
        return Vec::new();
    };
    let polys = match g.value {
        geojson::Value::Polygon(p) => vec![p],
        geojson::Value::MultiPolygon(m) => m,
        _ => Vec::new(),
    };
    polys
        .into_iter()
        .filter_map(|p| p.into_iter().next())
        .map(|ring| {
            ring.into_iter()
                .filter_map(|pos| Some((*pos.first()?, *pos.get(1)?)))
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clusters_close_markers_and_escapes_names() {
        let area = Area {
            min_lat: 51.4,
            min_lon: 7.3,
            max_lat: 51.6,
            max_lon: 7.6,
        };
        let markers: Vec<Marker> = (0..5)
            .map(|i| Marker {
                lat: 51.51 + f64::from(i) * 0.0001,
                lon: 7.44,
                class: "m-open",
            })
            .chain(std::iter::once(Marker {
                lat: 51.42,
                lon: 7.58,
                class: "m-open",
            }))
            .collect();
        let outlines = vec![Outline {
            name: "Hörde <x>".into(),
            centre: Some((51.48, 7.5)),
            rings: vec![],
        }];
        let s = svg(area, &outlines, &markers, None, "Karte", "m");
        assert!(s.contains(">5</text>"), "{s}");
        assert_eq!(s.matches("class=\"marker m-open\"").count(), 1);
        assert!(s.contains("Hörde &lt;x&gt;"));
    }
}
