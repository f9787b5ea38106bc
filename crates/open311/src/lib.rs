//! Open311 GeoReport v2 (<https://wiki.open311.org/GeoReport_v2>) as pure
//! data: the documents a server answers with, written as JSON (lists as
//! bare arrays) or XML, the filters of `GET requests` and the form of
//! `POST requests` parsed once, and the error documents of the
//! specification. No HTTP, no database: the application wires it in.

use std::io::Cursor;

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use serde::Serialize;

/// The two formats every route answers in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Xml,
}

impl Format {
    /// Splits `requests.json` into `("requests", Json)`; `None` without a
    /// known extension.
    pub fn split(name: &str) -> Option<(&str, Format)> {
        if let Some(stem) = name.strip_suffix(".json") {
            Some((stem, Format::Json))
        } else {
            name.strip_suffix(".xml").map(|stem| (stem, Format::Xml))
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Json => "application/json; charset=utf-8",
            Format::Xml => "text/xml; charset=utf-8",
        }
    }
}

/// A document that can be written as XML.
pub trait ToXml {
    /// The element name of one item (e.g. `request`).
    const ELEMENT: &'static str;
    fn write_fields(&self, w: &mut Xml);
}

/// A small XML writer around quick-xml (which escapes text).
pub struct Xml {
    w: Writer<Cursor<Vec<u8>>>,
}

impl Default for Xml {
    fn default() -> Self {
        Xml::new()
    }
}

impl Xml {
    pub fn new() -> Xml {
        let mut w = Writer::new(Cursor::new(Vec::new()));
        // Writing into memory cannot fail.
        let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)));
        Xml { w }
    }

    pub fn start(&mut self, name: &str) {
        let _ = self.w.write_event(Event::Start(BytesStart::new(name)));
    }

    pub fn end(&mut self, name: &str) {
        let _ = self.w.write_event(Event::End(BytesEnd::new(name)));
    }

    /// `<name>text</name>`.
    pub fn text(&mut self, name: &str, text: &str) {
        self.start(name);
        let _ = self.w.write_event(Event::Text(BytesText::new(text)));
        self.end(name);
    }

    /// An element for an optional value: empty when absent.
    pub fn opt(&mut self, name: &str, text: Option<&str>) {
        self.text(name, text.unwrap_or(""));
    }

    pub fn finish(self) -> String {
        String::from_utf8(self.w.into_inner().into_inner()).unwrap_or_default()
    }
}

/// A list in the format asked for: a bare JSON array, or `<root>` with one
/// element per item.
pub fn list<T: Serialize + ToXml>(format: Format, root: &str, items: &[T]) -> String {
    match format {
        Format::Json => serde_json::to_string(items).unwrap_or_else(|_| "[]".to_owned()),
        Format::Xml => {
            let mut x = Xml::new();
            x.start(root);
            for item in items {
                x.start(T::ELEMENT);
                item.write_fields(&mut x);
                x.end(T::ELEMENT);
            }
            x.end(root);
            x.finish()
        }
    }
}

/// `GET services`: one service (a category).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Service {
    pub service_code: String,
    pub service_name: String,
    pub description: String,
    /// Whether `services/{code}` has attributes.
    pub metadata: bool,
    /// Always `realtime`: a request is stored when it is posted.
    #[serde(rename = "type")]
    pub kind: String,
    pub keywords: String,
    pub group: String,
}

impl ToXml for Service {
    const ELEMENT: &'static str = "service";
    fn write_fields(&self, x: &mut Xml) {
        x.text("service_code", &self.service_code);
        x.text("service_name", &self.service_name);
        x.text("description", &self.description);
        x.text("metadata", if self.metadata { "true" } else { "false" });
        x.text("type", &self.kind);
        x.text("keywords", &self.keywords);
        x.text("group", &self.group);
    }
}

/// One allowed value of a list attribute.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AttributeValue {
    pub key: String,
    pub name: String,
}

/// An attribute of a service definition.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Attribute {
    pub variable: bool,
    pub code: String,
    /// string, number, datetime, text, singlevaluelist, multivaluelist
    pub datatype: String,
    pub required: bool,
    pub datatype_description: String,
    pub order: u32,
    pub description: String,
    pub values: Vec<AttributeValue>,
}

/// `GET services/{code}`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ServiceDefinition {
    pub service_code: String,
    pub attributes: Vec<Attribute>,
}

impl ServiceDefinition {
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Json => serde_json::to_string(self).unwrap_or_default(),
            Format::Xml => {
                let mut x = Xml::new();
                x.start("service_definition");
                x.text("service_code", &self.service_code);
                x.start("attributes");
                for a in &self.attributes {
                    x.start("attribute");
                    x.text("variable", if a.variable { "true" } else { "false" });
                    x.text("code", &a.code);
                    x.text("datatype", &a.datatype);
                    x.text("required", if a.required { "true" } else { "false" });
                    x.text("datatype_description", &a.datatype_description);
                    x.text("order", &a.order.to_string());
                    x.text("description", &a.description);
                    x.start("values");
                    for v in &a.values {
                        x.start("value");
                        x.text("key", &v.key);
                        x.text("name", &v.name);
                        x.end("value");
                    }
                    x.end("values");
                    x.end("attribute");
                }
                x.end("attributes");
                x.end("service_definition");
                x.finish()
            }
        }
    }
}

/// `GET requests` and `requests/{id}`: one service request.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ServiceRequest {
    pub service_request_id: String,
    /// `open` or `closed`.
    pub status: String,
    pub status_notes: Option<String>,
    pub service_name: String,
    pub service_code: String,
    pub description: Option<String>,
    pub agency_responsible: Option<String>,
    pub service_notice: Option<String>,
    pub requested_datetime: String,
    pub updated_datetime: String,
    pub expected_datetime: Option<String>,
    pub address: Option<String>,
    pub address_id: Option<String>,
    pub zipcode: Option<String>,
    pub lat: Option<f64>,
    pub long: Option<f64>,
    pub media_url: Option<String>,
}

fn num(x: &mut Xml, name: &str, v: Option<f64>) {
    let text = v.map(|v| v.to_string());
    x.opt(name, text.as_deref());
}

impl ToXml for ServiceRequest {
    const ELEMENT: &'static str = "request";
    fn write_fields(&self, x: &mut Xml) {
        x.text("service_request_id", &self.service_request_id);
        x.text("status", &self.status);
        x.opt("status_notes", self.status_notes.as_deref());
        x.text("service_name", &self.service_name);
        x.text("service_code", &self.service_code);
        x.opt("description", self.description.as_deref());
        x.opt("agency_responsible", self.agency_responsible.as_deref());
        x.opt("service_notice", self.service_notice.as_deref());
        x.text("requested_datetime", &self.requested_datetime);
        x.text("updated_datetime", &self.updated_datetime);
        x.opt("expected_datetime", self.expected_datetime.as_deref());
        x.opt("address", self.address.as_deref());
        x.opt("address_id", self.address_id.as_deref());
        x.opt("zipcode", self.zipcode.as_deref());
        num(x, "lat", self.lat);
        num(x, "long", self.long);
        x.opt("media_url", self.media_url.as_deref());
    }
}

/// The answer to `POST requests`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RequestCreated {
    pub service_request_id: Option<String>,
    pub token: Option<String>,
    pub service_notice: Option<String>,
    pub account_id: Option<String>,
}

impl ToXml for RequestCreated {
    const ELEMENT: &'static str = "request";
    fn write_fields(&self, x: &mut Xml) {
        x.opt("service_request_id", self.service_request_id.as_deref());
        x.opt("token", self.token.as_deref());
        x.opt("service_notice", self.service_notice.as_deref());
        x.opt("account_id", self.account_id.as_deref());
    }
}

/// The answer to `GET tokens/{token}`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TokenAnswer {
    pub service_request_id: Option<String>,
    pub token: String,
}

impl ToXml for TokenAnswer {
    const ELEMENT: &'static str = "request";
    fn write_fields(&self, x: &mut Xml) {
        x.opt("service_request_id", self.service_request_id.as_deref());
        x.text("token", &self.token);
    }
}

/// The `servicerequestupdates` extension: one public update of a request.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RequestUpdate {
    pub update_id: String,
    pub service_request_id: String,
    /// `open` or `closed`.
    pub status: String,
    /// The finer status of this server (e.g. `fixed`, `not_fixed`).
    pub external_status_code: Option<String>,
    pub updated_datetime: String,
    pub description: String,
    pub media_url: Option<String>,
}

impl ToXml for RequestUpdate {
    const ELEMENT: &'static str = "request_update";
    fn write_fields(&self, x: &mut Xml) {
        x.text("update_id", &self.update_id);
        x.text("service_request_id", &self.service_request_id);
        x.text("status", &self.status);
        x.opt("external_status_code", self.external_status_code.as_deref());
        x.text("updated_datetime", &self.updated_datetime);
        x.text("description", &self.description);
        x.opt("media_url", self.media_url.as_deref());
    }
}

/// One endpoint of the discovery document.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Endpoint {
    pub specification: String,
    pub url: String,
    pub changeset: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub formats: Vec<String>,
}

/// `GET discovery`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Discovery {
    pub changeset: String,
    pub contact: String,
    pub key_service: String,
    pub endpoints: Vec<Endpoint>,
}

impl Discovery {
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Json => serde_json::to_string(self).unwrap_or_default(),
            Format::Xml => {
                let mut x = Xml::new();
                x.start("discovery");
                x.text("changeset", &self.changeset);
                x.text("contact", &self.contact);
                x.text("key_service", &self.key_service);
                x.start("endpoints");
                for e in &self.endpoints {
                    x.start("endpoint");
                    x.text("specification", &e.specification);
                    x.text("url", &e.url);
                    x.text("changeset", &e.changeset);
                    x.text("type", &e.kind);
                    x.start("formats");
                    for f in &e.formats {
                        x.text("format", f);
                    }
                    x.end("formats");
                    x.end("endpoint");
                }
                x.end("endpoints");
                x.end("discovery");
                x.finish()
            }
        }
    }
}

/// An error of the specification: an HTTP status and a description.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Error {
    pub code: u16,
    pub description: String,
}

impl Error {
    pub fn new(code: u16, description: impl Into<String>) -> Error {
        Error {
            code,
            description: description.into(),
        }
    }

    pub fn bad_request(description: impl Into<String>) -> Error {
        Error::new(400, description)
    }

    /// `[{"code":…,"description":…}]` or `<errors><error>…</error></errors>`.
    pub fn render(&self, format: Format) -> String {
        list(format, "errors", std::slice::from_ref(self))
    }
}

impl ToXml for Error {
    const ELEMENT: &'static str = "error";
    fn write_fields(&self, x: &mut Xml) {
        x.text("code", &self.code.to_string());
        x.text("description", &self.description);
    }
}

/// Request status in Open311 terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Open,
    Closed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Closed => "closed",
        }
    }
}

/// The filters of `GET requests`, with the specification's defaults left
/// to the caller (who knows the clock): `start_date`/`end_date` `None`
/// means "the last 90 days".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RequestQuery {
    pub jurisdiction_id: Option<String>,
    pub service_request_ids: Vec<String>,
    pub service_codes: Vec<String>,
    pub start_date: Option<chrono::DateTime<chrono::FixedOffset>>,
    pub end_date: Option<chrono::DateTime<chrono::FixedOffset>>,
    pub statuses: Vec<Status>,
    pub page: u32,
    pub page_size: u32,
    /// Centre and radius in metres.
    pub near: Option<(f64, f64, f64)>,
}

/// The most requests one answer holds (the specification's limit).
pub const MAX_PAGE_SIZE: u32 = 1000;
/// The radius when `lat`/`long` come without `radius`.
pub const DEFAULT_RADIUS_M: f64 = 1000.0;
/// The largest radius accepted.
pub const MAX_RADIUS_M: f64 = 50_000.0;

fn split_list(v: &str) -> Vec<String> {
    v.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Parses a W3C/ISO 8601 date-time with an offset (or `Z`), or a bare date
/// (taken as midnight UTC).
pub fn parse_datetime(v: &str) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    let v = v.trim();
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(v) {
        return Some(t);
    }
    let d = chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()?;
    let t = d.and_hms_opt(0, 0, 0)?;
    Some(t.and_utc().fixed_offset())
}

fn parse_f64(name: &str, v: &str) -> Result<f64, Error> {
    v.trim()
        .parse::<f64>()
        .ok()
        .filter(|f| f.is_finite())
        .ok_or_else(|| Error::bad_request(format!("{name} is not a number")))
}

fn coordinates(lat: f64, long: f64) -> Result<(f64, f64), Error> {
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&long) {
        return Err(Error::bad_request("lat/long out of range"));
    }
    Ok((lat, long))
}

impl RequestQuery {
    /// Parses the query pairs of `GET requests`.
    pub fn parse(pairs: &[(String, String)]) -> Result<RequestQuery, Error> {
        let mut q = RequestQuery {
            page: 1,
            page_size: MAX_PAGE_SIZE,
            ..RequestQuery::default()
        };
        let (mut lat, mut long, mut radius) = (None, None, None);
        for (k, v) in pairs {
            match k.as_str() {
                "jurisdiction_id" => q.jurisdiction_id = Some(v.trim().to_owned()),
                "service_request_id" => q.service_request_ids.extend(split_list(v)),
                "service_code" => q.service_codes.extend(split_list(v)),
                "start_date" => {
                    q.start_date = Some(
                        parse_datetime(v)
                            .ok_or_else(|| Error::bad_request("start_date is not a date-time"))?,
                    )
                }
                "end_date" => {
                    q.end_date = Some(
                        parse_datetime(v)
                            .ok_or_else(|| Error::bad_request("end_date is not a date-time"))?,
                    )
                }
                "status" => {
                    for s in split_list(v) {
                        q.statuses.push(match s.as_str() {
                            "open" => Status::Open,
                            "closed" => Status::Closed,
                            _ => return Err(Error::bad_request("status must be open or closed")),
                        })
                    }
                }
                "page" => {
                    q.page = v
                        .trim()
                        .parse::<u32>()
                        .ok()
                        .filter(|p| *p >= 1)
                        .ok_or_else(|| Error::bad_request("page must be a positive number"))?
                }
                "page_size" => {
                    q.page_size = v
                        .trim()
                        .parse::<u32>()
                        .ok()
                        .filter(|p| (1..=MAX_PAGE_SIZE).contains(p))
                        .ok_or_else(|| {
                            Error::bad_request(format!("page_size must be 1 to {MAX_PAGE_SIZE}"))
                        })?
                }
                "lat" => lat = Some(parse_f64("lat", v)?),
                "long" => long = Some(parse_f64("long", v)?),
                "radius" => radius = Some(parse_f64("radius", v)?),
                _ => {}
            }
        }
        match (lat, long) {
            (Some(la), Some(lo)) => {
                let (la, lo) = coordinates(la, lo)?;
                let r = radius.unwrap_or(DEFAULT_RADIUS_M);
                if !(r > 0.0 && r <= MAX_RADIUS_M) {
                    return Err(Error::bad_request(format!(
                        "radius must be between 0 and {MAX_RADIUS_M} metres"
                    )));
                }
                q.near = Some((la, lo, r));
            }
            (None, None) if radius.is_none() => {}
            _ => return Err(Error::bad_request("lat and long must be given together")),
        }
        if let (Some(s), Some(e)) = (q.start_date, q.end_date) {
            if e < s {
                return Err(Error::bad_request("end_date is before start_date"));
            }
        }
        Ok(q)
    }
}

/// Where the request is.
#[derive(Debug, Clone, PartialEq)]
pub enum Location {
    Point {
        lat: f64,
        long: f64,
        address: Option<String>,
    },
    Address(String),
}

/// The form of `POST requests`, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct NewRequest {
    pub jurisdiction_id: Option<String>,
    pub api_key: Option<String>,
    pub service_code: String,
    pub location: Location,
    pub description: String,
    pub email: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub media_url: Option<String>,
    /// `attribute[CODE]=value` pairs (repeated codes for multi-value lists).
    pub attributes: Vec<(String, String)>,
}

/// Reads `jurisdiction_id` and `api_key` without checking the rest, so
/// the caller can answer 403 before 400 for a missing key.
pub fn credentials(pairs: &[(String, String)]) -> (Option<String>, Option<String>) {
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    (get("jurisdiction_id"), get("api_key"))
}

impl NewRequest {
    /// Parses the form pairs of `POST requests`.
    pub fn parse(pairs: &[(String, String)]) -> Result<NewRequest, Error> {
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let (jurisdiction_id, api_key) = credentials(pairs);
        let service_code =
            get("service_code").ok_or_else(|| Error::bad_request("service_code is required"))?;
        let address = get("address_string");
        let location = match (get("lat"), get("long")) {
            (Some(la), Some(lo)) => {
                let (lat, long) = coordinates(parse_f64("lat", &la)?, parse_f64("long", &lo)?)?;
                Location::Point { lat, long, address }
            }
            (None, None) => match address {
                Some(a) => Location::Address(a),
                None => {
                    return Err(Error::bad_request(
                        "a location is required: lat and long, or address_string",
                    ))
                }
            },
            _ => return Err(Error::bad_request("lat and long must be given together")),
        };
        let attributes = pairs
            .iter()
            .filter_map(|(k, v)| {
                let code = k.strip_prefix("attribute[")?;
                let code = code.strip_suffix("[]").unwrap_or(code);
                let code = code.strip_suffix(']')?;
                Some((code.to_owned(), v.trim().to_owned()))
            })
            .collect();
        Ok(NewRequest {
            jurisdiction_id,
            api_key,
            service_code,
            location,
            description: get("description").unwrap_or_default(),
            email: get("email"),
            first_name: get("first_name"),
            last_name: get("last_name"),
            media_url: get("media_url"),
            attributes,
        })
    }
}

/// Great-circle distance in metres (haversine, mean Earth radius).
pub fn distance_m(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let r = 6_371_008.8;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * r * a.sqrt().asin()
}

/// A box around a point that holds every point within `radius_m`:
/// (min lat, min lon, max lat, max lon).
pub fn bounding_box(lat: f64, lon: f64, radius_m: f64) -> (f64, f64, f64, f64) {
    let dlat = radius_m / 111_195.0;
    let cos = lat.to_radians().cos().abs().max(0.01);
    let dlon = radius_m / (111_195.0 * cos);
    (lat - dlat, lon - dlon, lat + dlat, lon + dlon)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn formats_split() {
        assert_eq!(
            Format::split("requests.json"),
            Some(("requests", Format::Json))
        );
        assert_eq!(Format::split("abc.xml"), Some(("abc", Format::Xml)));
        assert_eq!(Format::split("requests"), None);
    }

    #[test]
    fn errors_in_both_formats() {
        let e = Error::bad_request("service_code is required");
        assert_eq!(
            e.render(Format::Json),
            r#"[{"code":400,"description":"service_code is required"}]"#
        );
        assert_eq!(
            e.render(Format::Xml),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><errors><error><code>400</code><description>service_code is required</description></error></errors>"
        );
    }

    #[test]
    fn xml_escapes_and_keeps_umlauts() {
        let r = ServiceRequest {
            service_request_id: "1".into(),
            status: "open".into(),
            status_notes: None,
            service_name: "Straßenbeleuchtung".into(),
            service_code: "street-lighting".into(),
            description: Some("Lampe <aus> & dunkel".into()),
            agency_responsible: None,
            service_notice: None,
            requested_datetime: "2025-03-20T18:00:00+01:00".into(),
            updated_datetime: "2025-03-20T18:00:00+01:00".into(),
            expected_datetime: None,
            address: None,
            address_id: None,
            zipcode: None,
            lat: Some(51.5),
            long: Some(7.46),
            media_url: None,
        };
        let xml = list(Format::Xml, "service_requests", std::slice::from_ref(&r));
        assert!(xml.contains("<service_name>Straßenbeleuchtung</service_name>"));
        assert!(xml.contains("Lampe &lt;aus&gt; &amp; dunkel"));
        assert!(xml.contains("<lat>51.5</lat>"));
        let json = list(Format::Json, "service_requests", &[r]);
        assert!(json.starts_with("[{"));
        assert!(json.contains("\"long\":7.46"));
    }

    #[test]
    fn query_defaults_and_errors() {
        let q = RequestQuery::parse(&pairs(&[("jurisdiction_id", "dortmund.de")])).unwrap();
        assert_eq!(q.page_size, 1000);
        assert_eq!(q.page, 1);
        assert!(q.near.is_none());
        let q = RequestQuery::parse(&pairs(&[
            ("service_code", "a,b"),
            ("status", "open"),
            ("lat", "51.5"),
            ("long", "7.4"),
            ("radius", "250"),
            ("start_date", "2025-01-01T00:00:00+01:00"),
        ]))
        .unwrap();
        assert_eq!(q.service_codes, vec!["a", "b"]);
        assert_eq!(q.statuses, vec![Status::Open]);
        assert_eq!(q.near, Some((51.5, 7.4, 250.0)));
        assert!(RequestQuery::parse(&pairs(&[("status", "fixed")])).is_err());
        assert!(RequestQuery::parse(&pairs(&[("page_size", "1001")])).is_err());
        assert!(RequestQuery::parse(&pairs(&[("lat", "51.5")])).is_err());
        assert!(RequestQuery::parse(&pairs(&[("start_date", "yesterday")])).is_err());
    }

    #[test]
    fn new_request_needs_code_and_place() {
        let ok = NewRequest::parse(&pairs(&[
            ("service_code", "street-lighting"),
            ("lat", "51.5"),
            ("long", "7.46"),
            ("attribute[time_of_day]", "night"),
            ("description", "dunkel"),
        ]))
        .unwrap();
        assert_eq!(ok.attributes, vec![("time_of_day".into(), "night".into())]);
        assert!(matches!(ok.location, Location::Point { .. }));
        let by_address = NewRequest::parse(&pairs(&[
            ("service_code", "x"),
            ("address_string", "Hansaplatz 1"),
        ]))
        .unwrap();
        assert_eq!(
            by_address.location,
            Location::Address("Hansaplatz 1".into())
        );
        assert_eq!(
            NewRequest::parse(&pairs(&[("lat", "1"), ("long", "2")]))
                .unwrap_err()
                .code,
            400
        );
        assert!(NewRequest::parse(&pairs(&[("service_code", "x")])).is_err());
        assert!(NewRequest::parse(&pairs(&[
            ("service_code", "x"),
            ("lat", "200"),
            ("long", "1")
        ]))
        .is_err());
    }

    #[test]
    fn distances() {
        let d = distance_m(51.5136, 7.4653, 51.5136, 7.4653 + 0.001);
        assert!((d - 69.3).abs() < 1.0, "{d}");
        let (a, b, c, e) = bounding_box(51.5, 7.4, 1000.0);
        assert!(distance_m(51.5, 7.4, c, 7.4) >= 999.0);
        assert!(distance_m(51.5, 7.4, 51.5, e) >= 999.0);
        assert!(a < 51.5 && b < 7.4);
    }
}
