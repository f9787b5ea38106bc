//! The CAP 1.2 message model. Types whose syntax the specification
//! constrains (points, polygons, circles) can only be built valid; the rules
//! that span several fields are checked by [`crate::validate`].

use chrono::{DateTime, FixedOffset};
use std::fmt;
use std::str::FromStr;

/// The XML namespace of CAP 1.2.
pub const NAMESPACE: &str = "urn:oasis:names:tc:emergency:cap:1.2";

/// CAP timestamps always carry a numeric offset (§3.3.2: never `Z`).
pub type Timestamp = DateTime<FixedOffset>;

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in the specification's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as written in CAP.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($text => Ok($name::$variant),)+
                    other => Err(format!(
                        "\"{other}\" is not one of {}",
                        [$($text),+].join(", ")
                    )),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary!(
    /// `status`
    Status { Actual = "Actual", Exercise = "Exercise", System = "System", Test = "Test", Draft = "Draft" }
);
vocabulary!(
    /// `msgType`
    MsgType { Alert = "Alert", Update = "Update", Cancel = "Cancel", Ack = "Ack", Error = "Error" }
);
vocabulary!(
    /// `scope`
    Scope { Public = "Public", Restricted = "Restricted", Private = "Private" }
);
vocabulary!(
    /// `category`
    Category {
        Geo = "Geo", Met = "Met", Safety = "Safety", Security = "Security", Rescue = "Rescue",
        Fire = "Fire", Health = "Health", Env = "Env", Transport = "Transport", Infra = "Infra",
        Cbrne = "CBRNE", Other = "Other",
    }
);
vocabulary!(
    /// `responseType`
    ResponseType {
        Shelter = "Shelter", Evacuate = "Evacuate", Prepare = "Prepare", Execute = "Execute",
        Avoid = "Avoid", Monitor = "Monitor", Assess = "Assess", AllClear = "AllClear", None = "None",
    }
);
vocabulary!(
    /// `urgency`
    Urgency { Immediate = "Immediate", Expected = "Expected", Future = "Future", Past = "Past", Unknown = "Unknown" }
);
vocabulary!(
    /// `severity`
    Severity { Extreme = "Extreme", Severe = "Severe", Moderate = "Moderate", Minor = "Minor", Unknown = "Unknown" }
);
vocabulary!(
    /// `certainty`
    Certainty { Observed = "Observed", Likely = "Likely", Possible = "Possible", Unlikely = "Unlikely", Unknown = "Unknown" }
);

/// A WGS 84 point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    lat: f64,
    lon: f64,
}

impl Point {
    /// A point; latitude in −90…90, longitude in −180…180.
    pub fn new(lat: f64, lon: f64) -> Result<Point, String> {
        if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
            return Err(format!("latitude {lat} is outside -90…90"));
        }
        if !lon.is_finite() || !(-180.0..=180.0).contains(&lon) {
            return Err(format!("longitude {lon} is outside -180…180"));
        }
        Ok(Point { lat, lon })
    }

    pub fn lat(&self) -> f64 {
        self.lat
    }

    pub fn lon(&self) -> f64 {
        self.lon
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{},{}", self.lat, self.lon)
    }
}

impl FromStr for Point {
    type Err = String;
    /// `lat,lon` (§3.3.4.1 coordinate pair).
    fn from_str(s: &str) -> Result<Point, String> {
        let (lat, lon) = s
            .split_once(',')
            .ok_or_else(|| format!("\"{s}\" is not a coordinate pair \"latitude,longitude\""))?;
        let lat: f64 = lat
            .trim()
            .parse()
            .map_err(|_| format!("latitude \"{lat}\" is not a number"))?;
        let lon: f64 = lon
            .trim()
            .parse()
            .map_err(|_| format!("longitude \"{lon}\" is not a number"))?;
        Point::new(lat, lon)
    }
}

/// A closed polygon: at least four coordinate pairs, the first equal to the
/// last (§3.3.4.1 and the `polygon` element).
#[derive(Debug, Clone, PartialEq)]
pub struct Polygon(Vec<Point>);

impl Polygon {
    pub fn new(points: Vec<Point>) -> Result<Polygon, String> {
        if points.len() < 4 {
            return Err(format!(
                "a polygon needs at least 4 coordinate pairs, this one has {}",
                points.len()
            ));
        }
        if points.first() != points.last() {
            return Err(
                "the polygon is not closed: its first and last coordinate pairs differ".into(),
            );
        }
        Ok(Polygon(points))
    }

    pub fn points(&self) -> &[Point] {
        &self.0
    }

    /// Whether `p` lies inside (ray casting; the edge counts as either).
    pub fn contains(&self, p: Point) -> bool {
        let pts = &self.0;
        let mut inside = false;
        let mut j = pts.len() - 1;
        for i in 0..pts.len() {
            let (a, b) = (pts[i], pts[j]);
            if (a.lat > p.lat) != (b.lat > p.lat)
                && p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon
            {
                inside = !inside;
            }
            j = i;
        }
        inside
    }
}

impl fmt::Display for Polygon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl FromStr for Polygon {
    type Err = String;
    /// Whitespace-separated `lat,lon` pairs.
    fn from_str(s: &str) -> Result<Polygon, String> {
        let points = s
            .split_whitespace()
            .map(Point::from_str)
            .collect::<Result<Vec<_>, _>>()?;
        Polygon::new(points)
    }
}

/// A circle: centre and radius in kilometres (`lat,lon radius`).
#[derive(Debug, Clone, PartialEq)]
pub struct Circle {
    center: Point,
    radius_km: f64,
}

impl Circle {
    pub fn new(center: Point, radius_km: f64) -> Result<Circle, String> {
        if !radius_km.is_finite() || radius_km < 0.0 {
            return Err(format!(
                "the radius {radius_km} is not a non-negative number of kilometres"
            ));
        }
        Ok(Circle { center, radius_km })
    }

    pub fn center(&self) -> Point {
        self.center
    }

    pub fn radius_km(&self) -> f64 {
        self.radius_km
    }
}

impl fmt::Display for Circle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.center, self.radius_km)
    }
}

impl FromStr for Circle {
    type Err = String;
    fn from_str(s: &str) -> Result<Circle, String> {
        let mut parts = s.split_whitespace();
        let (Some(center), Some(radius), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(format!(
                "\"{s}\" is not a circle \"latitude,longitude radius\""
            ));
        };
        let radius: f64 = radius
            .parse()
            .map_err(|_| format!("radius \"{radius}\" is not a number"))?;
        Circle::new(center.parse()?, radius)
    }
}

/// `valueName` / `value` pairs (eventCode, parameter, geocode).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValuePair {
    pub name: String,
    pub value: String,
}

impl ValuePair {
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> ValuePair {
        ValuePair {
            name: name.into(),
            value: value.into(),
        }
    }
}

/// One earlier message, as listed in `references` (`sender,identifier,sent`).
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    pub sender: String,
    pub identifier: String,
    pub sent: Timestamp,
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{},{},{}",
            self.sender,
            self.identifier,
            crate::format_timestamp(&self.sent)
        )
    }
}

/// `resource`
#[derive(Debug, Clone, PartialEq)]
pub struct Resource {
    pub description: String,
    pub mime_type: String,
    pub size: Option<u64>,
    pub uri: Option<String>,
    pub digest: Option<String>,
}

/// `area`
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Area {
    pub description: String,
    pub polygons: Vec<Polygon>,
    pub circles: Vec<Circle>,
    pub geocodes: Vec<ValuePair>,
    pub altitude: Option<f64>,
    pub ceiling: Option<f64>,
}

/// `info`: one per language.
#[derive(Debug, Clone, PartialEq)]
pub struct Info {
    /// RFC 3066 tag; absent means `en-US` in CAP, and we always write it.
    pub language: String,
    pub categories: Vec<Category>,
    pub event: String,
    pub response_types: Vec<ResponseType>,
    pub urgency: Urgency,
    pub severity: Severity,
    pub certainty: Certainty,
    pub audience: Option<String>,
    pub event_codes: Vec<ValuePair>,
    pub effective: Option<Timestamp>,
    pub onset: Option<Timestamp>,
    pub expires: Option<Timestamp>,
    pub sender_name: Option<String>,
    pub headline: Option<String>,
    pub description: Option<String>,
    pub instruction: Option<String>,
    pub web: Option<String>,
    pub contact: Option<String>,
    pub parameters: Vec<ValuePair>,
    pub resources: Vec<Resource>,
    pub areas: Vec<Area>,
}

impl Info {
    /// An info block with the required fields and nothing else.
    pub fn new(
        language: impl Into<String>,
        category: Category,
        event: impl Into<String>,
        urgency: Urgency,
        severity: Severity,
        certainty: Certainty,
    ) -> Info {
        Info {
            language: language.into(),
            categories: vec![category],
            event: event.into(),
            response_types: Vec::new(),
            urgency,
            severity,
            certainty,
            audience: None,
            event_codes: Vec::new(),
            effective: None,
            onset: None,
            expires: None,
            sender_name: None,
            headline: None,
            description: None,
            instruction: None,
            web: None,
            contact: None,
            parameters: Vec::new(),
            resources: Vec::new(),
            areas: Vec::new(),
        }
    }
}

/// `alert`: the whole message.
#[derive(Debug, Clone, PartialEq)]
pub struct Alert {
    pub identifier: String,
    pub sender: String,
    pub sent: Timestamp,
    pub status: Status,
    pub msg_type: MsgType,
    pub source: Option<String>,
    pub scope: Scope,
    pub restriction: Option<String>,
    pub addresses: Option<String>,
    pub codes: Vec<String>,
    pub note: Option<String>,
    pub references: Vec<Reference>,
    pub incidents: Option<String>,
    pub infos: Vec<Info>,
}

impl Alert {
    /// A public, actual message with no info blocks yet.
    pub fn new(
        identifier: impl Into<String>,
        sender: impl Into<String>,
        sent: Timestamp,
        msg_type: MsgType,
    ) -> Alert {
        Alert {
            identifier: identifier.into(),
            sender: sender.into(),
            sent,
            status: Status::Actual,
            msg_type,
            source: None,
            scope: Scope::Public,
            restriction: None,
            addresses: None,
            codes: Vec::new(),
            note: None,
            references: Vec::new(),
            incidents: None,
            infos: Vec::new(),
        }
    }

    /// The reference other messages use for this one.
    pub fn reference(&self) -> Reference {
        Reference {
            sender: self.sender.clone(),
            identifier: self.identifier.clone(),
            sent: self.sent,
        }
    }
}
