//! The reports' vocabulary (kinds, statuses, times of day), categories and
//! departments, and the reporting form parsed once.

use std::collections::HashMap;

use uuid::Uuid;

use crate::platform::i18n::{Lang, Tr};

macro_rules! vocabulary {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.as_str() == s)
            }
        }
    };
}

vocabulary!(
    /// What a category is about.
    Kind {
        Defect = "defect",
        UnsafePlace = "unsafe_place",
    }
);

vocabulary!(
    /// Where a report stands. The closing states say honestly how it
    /// ended.
    Status {
        Open = "open",
        Acknowledged = "acknowledged",
        InProgress = "in_progress",
        Scheduled = "scheduled",
        Fixed = "fixed",
        NotFixed = "not_fixed",
        Duplicate = "duplicate",
        NotResponsible = "not_responsible",
        Referred = "referred",
    }
);

impl Status {
    pub fn is_open(self) -> bool {
        matches!(
            self,
            Status::Open | Status::Acknowledged | Status::InProgress | Status::Scheduled
        )
    }

    /// The statuses that count as open, as stored.
    pub const OPEN: &'static [&'static str] = &["open", "acknowledged", "in_progress", "scheduled"];
    pub const CLOSED: &'static [&'static str] = &[
        "fixed",
        "not_fixed",
        "duplicate",
        "not_responsible",
        "referred",
    ];

    /// Whether the change needs a text saying why or who.
    pub fn needs_note(self) -> bool {
        matches!(
            self,
            Status::NotFixed | Status::NotResponsible | Status::Referred
        )
    }

    /// Open311 knows only open and closed.
    pub fn open311(self) -> &'static str {
        if self.is_open() {
            "open"
        } else {
            "closed"
        }
    }
}

vocabulary!(
    /// When a place feels unsafe.
    TimeOfDay {
        Morning = "morning",
        Day = "day",
        Evening = "evening",
        Night = "night",
    }
);

impl TimeOfDay {
    /// The map's two layers: day (morning, day) and night (evening, night).
    pub fn is_dark(self) -> bool {
        matches!(self, TimeOfDay::Evening | TimeOfDay::Night)
    }
}

/// Fluent id of a vocabulary value, e.g. `reports-status-in-progress`.
pub fn key(prefix: &str, value: &str) -> String {
    format!("reports-{prefix}-{}", value.replace('_', "-"))
}

/// A category of a tenant (an Open311 service).
#[derive(Debug, Clone)]
pub struct Category {
    pub id: Uuid,
    /// The Open311 `service_code`.
    pub code: String,
    pub kind: Kind,
    pub position: i32,
    /// Open reports within this distance are offered as duplicates.
    pub radius_m: i32,
    pub ack_hours: i32,
    pub resolve_hours: i32,
    pub active: bool,
    /// Name and description by language tag.
    pub names: HashMap<String, (String, String)>,
    /// (district code or "" for every district, department).
    pub routes: Vec<(String, Uuid)>,
}

impl Category {
    /// The name in `lang`, else English, else German, else the code.
    pub fn name(&self, lang: Lang) -> &str {
        self.text(lang).map(|t| t.0.as_str()).unwrap_or(&self.code)
    }

    pub fn description(&self, lang: Lang) -> &str {
        self.text(lang).map(|t| t.1.as_str()).unwrap_or("")
    }

    fn text(&self, lang: Lang) -> Option<&(String, String)> {
        self.names
            .get(lang.tag())
            .or_else(|| self.names.get("de"))
            .or_else(|| self.names.get("en"))
    }

    /// The departments a report in `district` goes to: the routes for that
    /// district if there are any, else those for every district.
    pub fn departments_for(&self, district: Option<&str>) -> Vec<Uuid> {
        let specific: Vec<Uuid> = self
            .routes
            .iter()
            .filter(|(d, _)| !d.is_empty() && Some(d.as_str()) == district)
            .map(|(_, dep)| *dep)
            .collect();
        if !specific.is_empty() {
            return specific;
        }
        self.routes
            .iter()
            .filter(|(d, _)| d.is_empty())
            .map(|(_, dep)| *dep)
            .collect()
    }
}

/// A city office, a contractor, police prevention or the order
/// partnership.
#[derive(Debug, Clone)]
pub struct Department {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    /// office, contractor, police, order_partnership
    pub kind: String,
    pub email: Option<String>,
}

/// Which reports a staff member sees.
#[derive(Debug, Clone, Default)]
pub enum Scope {
    #[default]
    All,
    Departments(Vec<Uuid>),
}

/// A default category: code, kind, department code, radius, hours to
/// acknowledge, hours to resolve.
pub type DefaultCategory = (&'static str, Kind, &'static str, i32, i32, i32);

/// The categories every tenant starts with (names come from the Fluent
/// files, `reports-cat-<code>` and `reports-cat-<code>-hint`).
pub const DEFAULT_CATEGORIES: &[DefaultCategory] = &[
    (
        "street-lighting",
        Kind::Defect,
        "street-lighting",
        50,
        48,
        14 * 24,
    ),
    ("elevator", Kind::Defect, "elevators", 50, 24, 7 * 24),
    ("traffic-light", Kind::Defect, "traffic", 50, 4, 2 * 24),
    (
        "damaged-path",
        Kind::Defect,
        "civil-engineering",
        50,
        72,
        30 * 24,
    ),
    ("illegal-dumping", Kind::Defect, "waste", 50, 48, 7 * 24),
    ("graffiti", Kind::Defect, "cleaning", 50, 72, 30 * 24),
    (
        "other-defect",
        Kind::Defect,
        "citizen-services",
        50,
        72,
        30 * 24,
    ),
    (
        "poorly-lit",
        Kind::UnsafePlace,
        "police-prevention",
        100,
        72,
        60 * 24,
    ),
    (
        "isolated",
        Kind::UnsafePlace,
        "police-prevention",
        100,
        72,
        60 * 24,
    ),
    (
        "harassment",
        Kind::UnsafePlace,
        "police-prevention",
        100,
        48,
        30 * 24,
    ),
    (
        "drug-scene",
        Kind::UnsafePlace,
        "police-prevention",
        100,
        48,
        30 * 24,
    ),
    (
        "other-unsafe",
        Kind::UnsafePlace,
        "police-prevention",
        100,
        72,
        60 * 24,
    ),
];

/// The departments every tenant starts with: code, kind, name.
pub const DEFAULT_DEPARTMENTS: &[(&str, &str, &str)] = &[
    (
        "street-lighting",
        "contractor",
        "Betreiber der Straßenbeleuchtung",
    ),
    ("elevators", "contractor", "Aufzugs- und Fahrtreppendienst"),
    ("traffic", "office", "Tiefbauamt – Verkehrstechnik"),
    (
        "civil-engineering",
        "office",
        "Tiefbauamt – Straßen und Wege",
    ),
    ("waste", "contractor", "Entsorgungsbetrieb"),
    ("cleaning", "office", "Stadtreinigung"),
    ("citizen-services", "office", "Bürgerdienste"),
    (
        "police-prevention",
        "police",
        "Kriminalprävention der Polizei",
    ),
    (
        "order-partnership",
        "order_partnership",
        "Ordnungspartnerschaft",
    ),
];

/// The default categories with names in every language, routed to the
/// departments given by code (unsafe places also to the order
/// partnership).
pub fn default_categories(departments: &HashMap<&str, Uuid>) -> Vec<Category> {
    DEFAULT_CATEGORIES
        .iter()
        .enumerate()
        .map(|(i, (code, kind, dep, radius, ack, resolve))| {
            let mut names = HashMap::new();
            for lang in Lang::ALL {
                let tr = Tr::new(lang);
                names.insert(
                    lang.tag().to_owned(),
                    (
                        tr.t(&format!("reports-cat-{code}")).into_owned(),
                        tr.t(&format!("reports-cat-{code}-hint")).into_owned(),
                    ),
                );
            }
            let mut routes: Vec<(String, Uuid)> = departments
                .get(dep)
                .map(|d| vec![(String::new(), *d)])
                .unwrap_or_default();
            if *kind == Kind::UnsafePlace {
                if let Some(d) = departments.get("order-partnership") {
                    routes.push((String::new(), *d));
                }
            }
            Category {
                id: Uuid::now_v7(),
                code: (*code).to_owned(),
                kind: *kind,
                position: i as i32,
                radius_m: *radius,
                ack_hours: *ack,
                resolve_hours: *resolve,
                active: true,
                names,
                routes,
            }
        })
        .collect()
}

pub const MAX_DESCRIPTION: usize = 4000;
pub const MAX_LINE: usize = 300;
pub const MAX_PHOTOS: usize = 5;
pub const MAX_PHOTO_BYTES: usize = 8 * 1024 * 1024;
pub const THUMB_PX: u32 = 320;
/// Days after closing in which the reporter may reopen.
pub const REOPEN_DAYS: i64 = 30;

/// Where a report is, as entered: a pin (coordinates) or an address with a
/// district, or both.
#[derive(Debug, Clone, Default)]
pub struct PlaceForm {
    pub category: String,
    pub lat: String,
    pub lon: String,
    pub address: String,
    pub district: String,
    pub time_of_day: String,
}

/// A checked place.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub address: String,
    pub district: Option<String>,
}

/// The tenant's area: a box (from district outlines or centres) that a
/// point must lie in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    pub min_lat: f64,
    pub min_lon: f64,
    pub max_lat: f64,
    pub max_lon: f64,
}

impl Area {
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        (self.min_lat..=self.max_lat).contains(&lat) && (self.min_lon..=self.max_lon).contains(&lon)
    }
}

/// Which field is wrong and the Fluent id of the message.
pub type FieldProblem = (&'static str, &'static str);

fn too_long(s: &str, max: usize) -> bool {
    s.chars().count() > max
}

fn coordinate(s: &str) -> Option<f64> {
    s.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

impl PlaceForm {
    /// Checks the place: a pin inside the tenant's area, or an address and
    /// a known district. The district of a pin is the nearest district
    /// centre when none was chosen.
    pub fn check(
        &self,
        area: &Area,
        districts: &[crate::platform::tenants::District],
    ) -> Result<Place, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let (lat, lon) = match (self.lat.trim(), self.lon.trim()) {
            ("", "") => (None, None),
            (a, b) => match (coordinate(a), coordinate(b)) {
                (Some(la), Some(lo)) if area.contains(la, lo) => (Some(la), Some(lo)),
                (Some(_), Some(_)) => {
                    problems.push(("place", "reports-error-outside"));
                    (None, None)
                }
                _ => {
                    problems.push(("place", "reports-error-coordinates"));
                    (None, None)
                }
            },
        };
        let address = self.address.trim();
        if too_long(address, MAX_LINE) {
            problems.push(("address", "reports-error-too-long"));
        }
        let district = match self.district.trim() {
            "" => None,
            code => match districts.iter().find(|d| d.code == code) {
                Some(d) => Some(d.code.clone()),
                None => {
                    problems.push(("district", "reports-error-district"));
                    None
                }
            },
        };
        if lat.is_none() && problems.is_empty() && (address.is_empty() || district.is_none()) {
            problems.push(("address", "reports-error-place"));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let district = district.or_else(|| {
            let (la, lo) = (lat?, lon?);
            nearest_district(districts, la, lo)
        });
        Ok(Place {
            lat,
            lon,
            address: address.to_owned(),
            district,
        })
    }
}

/// The district whose centre is nearest to a point.
pub fn nearest_district(
    districts: &[crate::platform::tenants::District],
    lat: f64,
    lon: f64,
) -> Option<String> {
    districts
        .iter()
        .filter_map(|d| {
            Some((
                open311::distance_m(lat, lon, d.centre_lat?, d.centre_lon?),
                d.code.clone(),
            ))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// The details of a report, as entered.
#[derive(Debug, Clone, Default)]
pub struct DetailsForm {
    pub description: String,
    pub walk: bool,
    pub name: String,
    pub email: String,
}

/// Checked details.
#[derive(Debug, Clone)]
pub struct Details {
    pub description: String,
    pub walk: bool,
    pub name: Option<String>,
    pub email: Option<String>,
}

impl DetailsForm {
    pub fn check(&self) -> Result<Details, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let description = self.description.trim();
        if description.is_empty() {
            problems.push(("description", "reports-error-description"));
        } else if too_long(description, MAX_DESCRIPTION) {
            problems.push(("description", "reports-error-description-long"));
        }
        let name = self.name.trim();
        if too_long(name, MAX_LINE) {
            problems.push(("name", "reports-error-too-long"));
        }
        let email = self.email.trim();
        if !email.is_empty() && !crate::platform::mail::valid_address(email) {
            problems.push(("email", "reports-error-email"));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        Ok(Details {
            description: description.to_owned(),
            walk: self.walk,
            name: opt(name),
            email: opt(email),
        })
    }
}

/// The area of a tenant: the union of its districts' outline boxes where
/// outlines exist, else the box of the district centres widened by 3 km
/// (centres lie inside their districts, outlines reach beyond them), else
/// 15 km around the tenant's centre.
pub fn area(
    tenant: &crate::platform::tenants::Tenant,
    boxes: &[[f64; 4]],
    districts: &[crate::platform::tenants::District],
) -> Area {
    if let Some(first) = boxes.first() {
        let mut a = Area {
            min_lat: first[0],
            min_lon: first[1],
            max_lat: first[2],
            max_lon: first[3],
        };
        for b in boxes {
            a.min_lat = a.min_lat.min(b[0]);
            a.min_lon = a.min_lon.min(b[1]);
            a.max_lat = a.max_lat.max(b[2]);
            a.max_lon = a.max_lon.max(b[3]);
        }
        return a;
    }
    let centres: Vec<(f64, f64)> = districts
        .iter()
        .filter_map(|d| Some((d.centre_lat?, d.centre_lon?)))
        .collect();
    let (lat, lon, margin) = (tenant.centre_lat, tenant.centre_lon, 3000.0);
    if centres.is_empty() {
        let (a, b, c, d) = open311::bounding_box(lat, lon, 15_000.0);
        return Area {
            min_lat: a,
            min_lon: b,
            max_lat: c,
            max_lon: d,
        };
    }
    let (mut min_lat, mut min_lon, mut max_lat, mut max_lon) =
        (90.0f64, 180.0f64, -90.0f64, -180.0f64);
    for (la, lo) in centres {
        let (a, b, c, d) = open311::bounding_box(la, lo, margin);
        min_lat = min_lat.min(a);
        min_lon = min_lon.min(b);
        max_lat = max_lat.max(c);
        max_lon = max_lon.max(d);
    }
    Area {
        min_lat,
        min_lon,
        max_lat,
        max_lon,
    }
}

/// A tenant's tile server for the map: a URL template with `{z}`, `{x}`
/// and `{y}` on one http(s) origin, and the attribution its licence asks
/// for. Parsed strictly, because the origin goes into the page's
/// Content-Security-Policy.
#[derive(Debug, Clone, PartialEq)]
pub struct TileServer {
    pub template: String,
    pub attribution: String,
}

/// Why a tile-server setting was refused (a Fluent key each).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TileProblem {
    Url,
    Placeholders,
    Attribution,
}

impl TileProblem {
    pub fn key(self) -> &'static str {
        match self {
            TileProblem::Url => "reports-tiles-err-url",
            TileProblem::Placeholders => "reports-tiles-err-placeholders",
            TileProblem::Attribution => "reports-tiles-err-attribution",
        }
    }
}

impl TileServer {
    pub fn parse(template: &str, attribution: &str) -> Result<TileServer, Vec<TileProblem>> {
        let mut problems = Vec::new();
        let template = template.trim();
        let attribution = attribution.trim();
        match split_tile_url(template) {
            None => problems.push(TileProblem::Url),
            Some((_, path)) => {
                let rest = path
                    .replacen("{z}", "", 1)
                    .replacen("{x}", "", 1)
                    .replacen("{y}", "", 1);
                let all = ["{z}", "{x}", "{y}"].iter().all(|p| path.contains(p));
                if !all || rest.contains('{') || rest.contains('}') {
                    problems.push(TileProblem::Placeholders);
                }
            }
        }
        let n = attribution.chars().count();
        if n == 0 || n > 200 || attribution.chars().any(|c| c.is_control()) {
            problems.push(TileProblem::Attribution);
        }
        if problems.is_empty() {
            Ok(TileServer {
                template: template.to_owned(),
                attribution: attribution.to_owned(),
            })
        } else {
            Err(problems)
        }
    }

    /// `scheme://host[:port]`, for the Content-Security-Policy.
    pub fn origin(&self) -> String {
        split_tile_url(&self.template)
            .map(|(o, _)| o)
            .unwrap_or_default()
    }
}

/// Splits `http(s)://host[:port]/path` into origin and path, refusing
/// anything that is not plainly that: user info, characters outside a
/// conservative set (nothing that could end a header value or a CSP
/// source), a port outside 1–65535.
fn split_tile_url(url: &str) -> Option<(String, String)> {
    if url.len() > 500 {
        return None;
    }
    let (scheme, rest) = url
        .strip_prefix("https://")
        .map(|r| ("https", r))
        .or_else(|| url.strip_prefix("http://").map(|r| ("http", r)))?;
    let slash = rest.find('/')?;
    let (authority, path) = rest.split_at(slash);
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => {
            let n: u32 = p.parse().ok()?;
            if !(1..=65535).contains(&n) || p.starts_with('0') {
                return None;
            }
            (h, Some(n))
        }
        None => (authority, None),
    };
    let host_ok = !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    let path_ok = path
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "-._~/{}%=&?@+!$()*:".contains(c));
    if !host_ok || !path_ok {
        return None;
    }
    let host = host.to_ascii_lowercase();
    let origin = match port {
        Some(p) => format!("{scheme}://{host}:{p}"),
        None => format!("{scheme}://{host}"),
    };
    Some((origin, path.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::tenants::District;

    fn districts() -> Vec<District> {
        vec![
            District {
                code: "hoerde".into(),
                name: "Hörde".into(),
                centre_lat: Some(51.483),
                centre_lon: Some(7.5),
            },
            District {
                code: "eving".into(),
                name: "Eving".into(),
                centre_lat: Some(51.556),
                centre_lon: Some(7.481),
            },
        ]
    }

    const AREA: Area = Area {
        min_lat: 51.4,
        min_lon: 7.3,
        max_lat: 51.6,
        max_lon: 7.6,
    };

    #[test]
    fn a_pin_outside_is_refused_and_a_pin_inside_finds_its_district() {
        let mut f = PlaceForm {
            lat: "52.52".into(),
            lon: "13.40".into(),
            ..Default::default()
        };
        assert_eq!(
            f.check(&AREA, &districts()).unwrap_err(),
            vec![("place", "reports-error-outside")]
        );
        f.lat = "51.485".into();
        f.lon = "7.501".into();
        let p = f.check(&AREA, &districts()).unwrap();
        assert_eq!(p.district.as_deref(), Some("hoerde"));
    }

    #[test]
    fn an_address_needs_a_district() {
        let mut f = PlaceForm {
            address: "Hörder Bahnhofstraße 5".into(),
            ..Default::default()
        };
        assert!(f.check(&AREA, &districts()).is_err());
        f.district = "hoerde".into();
        assert!(f.check(&AREA, &districts()).is_ok());
        f.district = "atlantis".into();
        assert!(f.check(&AREA, &districts()).is_err());
    }

    #[test]
    fn description_limit() {
        let mut d = DetailsForm {
            description: "x".repeat(MAX_DESCRIPTION),
            ..Default::default()
        };
        assert!(d.check().is_ok());
        d.description.push('y');
        assert!(d.check().is_err());
    }

    #[test]
    fn routing_prefers_district_routes() {
        let a = Uuid::now_v7();
        let b = Uuid::now_v7();
        let c = Category {
            id: Uuid::now_v7(),
            code: "x".into(),
            kind: Kind::Defect,
            position: 0,
            radius_m: 50,
            ack_hours: 1,
            resolve_hours: 2,
            active: true,
            names: HashMap::new(),
            routes: vec![(String::new(), a), ("hoerde".into(), b)],
        };
        assert_eq!(c.departments_for(Some("hoerde")), vec![b]);
        assert_eq!(c.departments_for(Some("eving")), vec![a]);
        assert_eq!(c.departments_for(None), vec![a]);
    }

    #[test]
    fn tile_servers() {
        let t = TileServer::parse(
            " https://Tiles.Example.org:8443/osm/{z}/{x}/{y}.png ",
            "© OpenStreetMap",
        )
        .unwrap();
        assert_eq!(t.origin(), "https://tiles.example.org:8443");
        assert_eq!(
            t.template,
            "https://Tiles.Example.org:8443/osm/{z}/{x}/{y}.png"
        );
        assert!(TileServer::parse("http://127.0.0.1:9000/{z}/{x}/{y}.png", "x").is_ok());
        for bad in [
            "ftp://a.org/{z}/{x}/{y}.png",
            "https://a.org",
            "https://user@a.org/{z}/{x}/{y}",
            "https://a.org:0/{z}/{x}/{y}",
            "https://a.org; script-src */{z}/{x}/{y}",
            "https://a.org/{z}/{x}/{y}\"x",
            "https://a..org/{z}/{x}/{y}",
            "javascript:alert(1)//{z}/{x}/{y}",
        ] {
            assert_eq!(
                TileServer::parse(bad, "x"),
                Err(vec![TileProblem::Url]),
                "{bad}"
            );
        }
        for bad in [
            "https://a.org/{z}/{x}.png",
            "https://{s}.a.org/{z}/{x}/{y}",
            "https://a.org/{s}/{z}/{x}/{y}",
        ] {
            assert!(TileServer::parse(bad, "x").is_err(), "{bad}");
        }
        assert_eq!(
            TileServer::parse("https://a.org/{z}/{x}/{y}", " "),
            Err(vec![TileProblem::Attribution])
        );
    }
}
