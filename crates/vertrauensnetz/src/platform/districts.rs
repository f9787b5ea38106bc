//! Importing district boundaries (GeoJSON, RFC 7946) from a city's open data.

use geojson::{GeoJson, Value};

use super::tenants::{district_code, DistrictInput};

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ImportError {
    #[error("not valid GeoJSON: {0}")]
    Parse(String),
    #[error("expected a FeatureCollection")]
    NotACollection,
    #[error("feature {0}: no name property (tried {1})")]
    NoName(usize, String),
    #[error("feature {0}: geometry must be a Polygon or MultiPolygon")]
    Geometry(usize),
    #[error("feature {0}: coordinates outside the valid range")]
    Range(usize),
    #[error("the collection has no features")]
    Empty,
}

/// Property names that commonly hold a district's name in German open data.
pub const NAME_PROPERTIES: &[&str] = &[
    "name",
    "NAME",
    "Name",
    "bezeichnung",
    "BEZEICHNUNG",
    "stadtbezirk",
    "STADTBEZIRK",
    "stbz_name",
    "sbz_name",
    "STBZ_NAME",
];

fn positions(v: &Value) -> Option<Vec<&Vec<f64>>> {
    match v {
        Value::Polygon(rings) => Some(rings.iter().flatten().collect()),
        Value::MultiPolygon(polys) => Some(polys.iter().flatten().flatten().collect()),
        _ => None,
    }
}

/// Parses a FeatureCollection of districts. `name_property` overrides the
/// property that holds the name.
pub fn parse(text: &str, name_property: Option<&str>) -> Result<Vec<DistrictInput>, ImportError> {
    let gj: GeoJson = text
        .parse()
        .map_err(|e: geojson::Error| ImportError::Parse(e.to_string()))?;
    let GeoJson::FeatureCollection(fc) = gj else {
        return Err(ImportError::NotACollection);
    };
    if fc.features.is_empty() {
        return Err(ImportError::Empty);
    }
    let names: Vec<&str> = match name_property {
        Some(p) => vec![p],
        None => NAME_PROPERTIES.to_vec(),
    };
    let mut out = Vec::new();
    for (i, f) in fc.features.iter().enumerate() {
        let n = i + 1;
        let name = names
            .iter()
            .find_map(|k| {
                f.property(k)
                    .and_then(|v| v.as_str())
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
            })
            .ok_or_else(|| ImportError::NoName(n, names.join(", ")))?;
        let geometry = f.geometry.as_ref().ok_or(ImportError::Geometry(n))?;
        let pts = positions(&geometry.value).ok_or(ImportError::Geometry(n))?;
        let mut bbox = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
        for p in &pts {
            let (Some(&lon), Some(&lat)) = (p.first(), p.get(1)) else {
                return Err(ImportError::Geometry(n));
            };
            if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                return Err(ImportError::Range(n));
            }
            bbox = [
                bbox[0].min(lat),
                bbox[1].min(lon),
                bbox[2].max(lat),
                bbox[3].max(lon),
            ];
        }
        if pts.is_empty() {
            return Err(ImportError::Geometry(n));
        }
        let centre = ((bbox[0] + bbox[2]) / 2.0, (bbox[1] + bbox[3]) / 2.0);
        out.push(DistrictInput {
            code: district_code(name),
            name: name.to_owned(),
            centre: Some(centre),
            geometry: Some((
                geojson::Geometry::new(geometry.value.clone()).to_string(),
                bbox,
            )),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_polygons() {
        let text = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"NAME":"Hörde"},"geometry":{"type":"Polygon","coordinates":[[[7.48,51.47],[7.52,51.47],[7.52,51.49],[7.48,51.49],[7.48,51.47]]]}}]}"#;
        let d = parse(text, None).unwrap();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, "hoerde");
        let (lat, lon) = d[0].centre.unwrap();
        assert!((lat - 51.48).abs() < 1e-9 && (lon - 7.50).abs() < 1e-9);
    }

    #[test]
    fn rejects_bad_input() {
        assert!(matches!(parse("{", None), Err(ImportError::Parse(_))));
        assert_eq!(
            parse(r#"{"type":"Point","coordinates":[1,2]}"#, None).err(),
            Some(ImportError::NotACollection)
        );
        let no_name = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[7,51]}}]}"#;
        assert!(matches!(
            parse(no_name, None),
            Err(ImportError::NoName(1, _))
        ));
        let point = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"X"},"geometry":{"type":"Point","coordinates":[7,51]}}]}"#;
        assert_eq!(parse(point, None).err(), Some(ImportError::Geometry(1)));
    }
}
