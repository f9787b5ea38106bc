//! The rules of a warning: parsing the compose form, the area (districts,
//! polygon or circle, never outside the tenant), and building the CAP 1.2
//! message with one `info` per language.

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use uuid::Uuid;

use crate::platform::i18n::Tr;

/// The languages every warning is offered in (PRODUCT.md §7); a tenant can
/// add more (`warning_settings.extra_languages`).
pub const BASE_LANGUAGES: [&str; 8] = ["de", "de-x-ls", "en", "tr", "ar", "pl", "ru", "uk"];

/// Longest headline, description, instruction.
pub const MAX_HEADLINE: usize = 160;
pub const MAX_TEXT: usize = 4000;

/// The names of languages for the staff form (own name).
pub fn language_name(tag: &str) -> String {
    match crate::platform::i18n::Lang::parse(tag) {
        Some(l) => l.native_name().to_owned(),
        None => match tag {
            "fr" => "Français".into(),
            "es" => "Español".into(),
            "it" => "Italiano".into(),
            "fa" => "فارسی".into(),
            "ku" => "Kurdî".into(),
            other => other.to_owned(),
        },
    }
}

/// Right-to-left scripts among the languages a tenant may add.
pub fn is_rtl(tag: &str) -> bool {
    matches!(
        tag.split('-').next(),
        Some("ar" | "fa" | "he" | "ur" | "ps")
    )
}

/// The `lang` attribute for a text (easy German is German).
pub fn html_lang(tag: &str) -> &str {
    if tag == "de-x-ls" {
        "de"
    } else {
        tag
    }
}

/// The area of a warning.
#[derive(Debug, Clone, PartialEq)]
pub enum AreaChoice {
    /// District codes of the tenant.
    Districts(Vec<String>),
    Polygon(cap::Polygon),
    Circle(cap::Circle),
}

impl AreaChoice {
    pub fn kind(&self) -> &'static str {
        match self {
            AreaChoice::Districts(_) => "districts",
            AreaChoice::Polygon(_) => "polygon",
            AreaChoice::Circle(_) => "circle",
        }
    }

    pub fn value(&self) -> String {
        match self {
            AreaChoice::Districts(d) => d.join(" "),
            AreaChoice::Polygon(p) => p.to_string(),
            AreaChoice::Circle(c) => c.to_string(),
        }
    }

    pub fn parse(kind: &str, value: &str) -> Option<AreaChoice> {
        match kind {
            "districts" => Some(AreaChoice::Districts(
                value.split_whitespace().map(str::to_owned).collect(),
            )),
            "polygon" => value.parse().ok().map(AreaChoice::Polygon),
            "circle" => value.parse().ok().map(AreaChoice::Circle),
            _ => None,
        }
    }
}

/// A district as the warning needs it: code, name, centre and outline.
#[derive(Debug, Clone)]
pub struct DistrictShape {
    pub code: String,
    pub name: String,
    pub centre: Option<(f64, f64)>,
    /// Outer ring as (lat, lon), closed.
    pub outline: Option<Vec<(f64, f64)>>,
}

/// Radius around a district centre when the district has no outline.
pub const DISTRICT_RADIUS_KM: f64 = 1.5;

/// The outer ring of a GeoJSON Polygon or the first polygon of a
/// MultiPolygon, as (lat, lon) pairs.
pub fn outline_from_geojson(geometry: &str) -> Option<Vec<(f64, f64)>> {
    let g: geojson::Geometry = geometry.parse().ok()?;
    let ring = match g.value {
        geojson::Value::Polygon(rings) => rings.into_iter().next()?,
        geojson::Value::MultiPolygon(polys) => polys.into_iter().next()?.into_iter().next()?,
        _ => return None,
    };
    let pts: Vec<(f64, f64)> = ring
        .into_iter()
        .filter_map(|p| Some((*p.get(1)?, *p.first()?)))
        .collect();
    (pts.len() >= 4).then_some(pts)
}

/// Where the tenant is: the union of its districts' outlines (or of circles
/// around their centres), else 20 km around the tenant's centre.
#[derive(Debug, Clone)]
pub struct TenantArea {
    outlines: Vec<cap::Polygon>,
    circles: Vec<(cap::Point, f64)>,
}

/// Distance in kilometres (haversine).
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let r = 6371.0_f64;
    let (la1, la2) = (a.0.to_radians(), b.0.to_radians());
    let dlat = la2 - la1;
    let dlon = (b.1 - a.1).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * r * h.sqrt().asin()
}

impl TenantArea {
    pub fn new(districts: &[DistrictShape], centre: (f64, f64)) -> TenantArea {
        let mut outlines = Vec::new();
        let mut circles = Vec::new();
        for d in districts {
            let poly = d.outline.as_ref().and_then(|o| {
                let pts = o
                    .iter()
                    .map(|(lat, lon)| cap::Point::new(*lat, *lon))
                    .collect::<Result<Vec<_>, _>>()
                    .ok()?;
                cap::Polygon::new(pts).ok()
            });
            match (poly, d.centre) {
                (Some(p), _) => outlines.push(p),
                (None, Some((lat, lon))) => {
                    if let Ok(p) = cap::Point::new(lat, lon) {
                        // Districts without an outline: a generous circle, so
                        // a place at their edge still counts as inside.
                        circles.push((p, DISTRICT_RADIUS_KM * 2.5));
                    }
                }
                _ => {}
            }
        }
        if outlines.is_empty() && circles.is_empty() {
            if let Ok(p) = cap::Point::new(centre.0, centre.1) {
                circles.push((p, 20.0));
            }
        }
        TenantArea { outlines, circles }
    }

    pub fn contains(&self, p: cap::Point) -> bool {
        self.outlines.iter().any(|o| o.contains(p))
            || self
                .circles
                .iter()
                .any(|(c, r)| distance_km((c.lat(), c.lon()), (p.lat(), p.lon())) <= *r)
    }
}

/// One language's texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LangText {
    pub lang: String,
    pub headline: String,
    pub description: String,
    pub instruction: String,
}

/// A warning as composed, checked.
#[derive(Debug, Clone)]
pub struct WarningDraft {
    pub msg_type: cap::MsgType,
    pub refers_to: Option<Uuid>,
    pub category: cap::Category,
    pub event: String,
    pub urgency: cap::Urgency,
    pub severity: cap::Severity,
    pub certainty: cap::Certainty,
    pub onset: DateTime<Utc>,
    pub expires: DateTime<Utc>,
    pub area: AreaChoice,
    pub area_desc: String,
    pub texts: Vec<LangText>,
}

/// The compose form as submitted (kept to show it again with errors).
#[derive(Debug, Clone, Default)]
pub struct WarningForm {
    pub msg_type: String,
    pub refers_to: String,
    pub category: String,
    pub event: String,
    pub urgency: String,
    pub severity: String,
    pub certainty: String,
    pub onset: String,
    pub expires: String,
    pub area_kind: String,
    pub districts: Vec<String>,
    pub polygon: String,
    pub circle: String,
    pub area_desc: String,
    /// Enabled languages.
    pub langs: Vec<String>,
    pub texts: Vec<LangText>,
}

impl WarningForm {
    pub fn from_pairs(raw: &[(String, String)], languages: &[String]) -> WarningForm {
        let get = |k: &str| {
            raw.iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        let all = |k: &str| -> Vec<String> {
            raw.iter()
                .filter(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .collect()
        };
        WarningForm {
            msg_type: get("msg_type"),
            refers_to: get("refers_to"),
            category: get("category"),
            event: get("event"),
            urgency: get("urgency"),
            severity: get("severity"),
            certainty: get("certainty"),
            onset: get("onset"),
            expires: get("expires"),
            area_kind: get("area_kind"),
            districts: all("district"),
            polygon: get("polygon"),
            circle: get("circle"),
            area_desc: get("area_desc"),
            langs: all("lang"),
            texts: languages
                .iter()
                .map(|l| LangText {
                    lang: l.clone(),
                    headline: get(&format!("headline_{l}")),
                    description: get(&format!("description_{l}")),
                    instruction: get(&format!("instruction_{l}")),
                })
                .collect(),
        }
    }

    pub fn text(&self, lang: &str) -> Option<&LangText> {
        self.texts.iter().find(|t| t.lang == lang)
    }

    pub fn enabled(&self, lang: &str) -> bool {
        lang == "de" || self.langs.iter().any(|l| l == lang)
    }
}

/// A `datetime-local` value in the tenant's zone. In the hour skipped when
/// clocks go forward there is no such time: refused.
pub fn local_time(value: &str, tz: &str) -> Option<DateTime<Utc>> {
    let v = value.trim();
    let naive = NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    let tz: chrono_tz::Tz = tz.parse().ok()?;
    tz.from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

/// The value for a `datetime-local` field.
pub fn local_input(t: DateTime<Utc>, tz: &str) -> String {
    match tz.parse::<chrono_tz::Tz>() {
        Ok(tz) => t.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string(),
        Err(_) => t.format("%Y-%m-%dT%H:%M").to_string(),
    }
}

/// A problem with a field of the compose form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormProblem {
    pub field: &'static str,
    /// A Fluent id.
    pub key: &'static str,
    /// The language concerned, for per-language problems.
    pub lang: Option<String>,
}

fn problem(field: &'static str, key: &'static str) -> FormProblem {
    FormProblem {
        field,
        key,
        lang: None,
    }
}

/// Checks the compose form. `districts` are the tenant's; `area` its extent.
pub fn parse_form(
    form: &WarningForm,
    tz: &str,
    districts: &[DistrictShape],
    area: &TenantArea,
) -> Result<WarningDraft, Vec<FormProblem>> {
    let mut problems = Vec::new();
    let msg_type = match form.msg_type.as_str() {
        "" | "Alert" => Some(cap::MsgType::Alert),
        "Update" => Some(cap::MsgType::Update),
        "Cancel" => Some(cap::MsgType::Cancel),
        _ => None,
    };
    if msg_type.is_none() {
        problems.push(problem("msg_type", "alerts-error-msg-type"));
    }
    let refers_to = match form.refers_to.trim() {
        "" => None,
        v => match Uuid::parse_str(v) {
            Ok(id) => Some(id),
            Err(_) => {
                problems.push(problem("refers_to", "alerts-error-refers-to"));
                None
            }
        },
    };
    if msg_type.is_some_and(|m| m != cap::MsgType::Alert) && refers_to.is_none() {
        problems.push(problem("refers_to", "alerts-error-refers-to"));
    }
    let category = form.category.parse::<cap::Category>().ok();
    if category.is_none() {
        problems.push(problem("category", "alerts-error-category"));
    }
    let event = form.event.trim().to_owned();
    if event.is_empty() || event.chars().count() > 100 {
        problems.push(problem("event", "alerts-error-event"));
    }
    let urgency = form.urgency.parse::<cap::Urgency>().ok();
    let severity = form.severity.parse::<cap::Severity>().ok();
    let certainty = form.certainty.parse::<cap::Certainty>().ok();
    if urgency.is_none() {
        problems.push(problem("urgency", "alerts-error-choice"));
    }
    if severity.is_none() {
        problems.push(problem("severity", "alerts-error-choice"));
    }
    if certainty.is_none() {
        problems.push(problem("certainty", "alerts-error-choice"));
    }
    let onset = local_time(&form.onset, tz);
    let expires = local_time(&form.expires, tz);
    if onset.is_none() {
        problems.push(problem("onset", "alerts-error-time"));
    }
    if expires.is_none() {
        problems.push(problem("expires", "alerts-error-time"));
    }
    if let (Some(o), Some(e)) = (onset, expires) {
        if e <= o {
            problems.push(problem("expires", "alerts-error-expires-before-onset"));
        }
    }
    let area_choice = match form.area_kind.as_str() {
        "districts" => {
            let mut codes = Vec::new();
            for c in &form.districts {
                if districts.iter().any(|d| &d.code == c) {
                    if !codes.contains(c) {
                        codes.push(c.clone());
                    }
                } else {
                    problems.push(problem("district", "alerts-error-district"));
                }
            }
            if codes.is_empty() {
                problems.push(problem("district", "alerts-error-district"));
                None
            } else {
                Some(AreaChoice::Districts(codes))
            }
        }
        "polygon" => match form.polygon.parse::<cap::Polygon>() {
            Ok(p) if p.points().iter().all(|pt| area.contains(*pt)) => Some(AreaChoice::Polygon(p)),
            Ok(_) => {
                problems.push(problem("polygon", "alerts-error-outside"));
                None
            }
            Err(_) => {
                problems.push(problem("polygon", "alerts-error-polygon"));
                None
            }
        },
        "circle" => match form.circle.parse::<cap::Circle>() {
            Ok(c) if area.contains(c.center()) && c.radius_km() > 0.0 && c.radius_km() <= 50.0 => {
                Some(AreaChoice::Circle(c))
            }
            Ok(c) if !area.contains(c.center()) => {
                problems.push(problem("circle", "alerts-error-outside"));
                None
            }
            _ => {
                problems.push(problem("circle", "alerts-error-circle"));
                None
            }
        },
        _ => {
            problems.push(problem("area_kind", "alerts-error-area"));
            None
        }
    };
    let area_desc = match (&area_choice, form.area_desc.trim()) {
        (_, d) if !d.is_empty() => d.chars().take(200).collect(),
        (Some(AreaChoice::Districts(codes)), _) => codes
            .iter()
            .filter_map(|c| districts.iter().find(|d| &d.code == c))
            .map(|d| d.name.clone())
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::new(),
    };
    if area_choice.is_some() && area_desc.is_empty() {
        problems.push(problem("area_desc", "alerts-error-area-desc"));
    }
    let mut texts = Vec::new();
    for t in &form.texts {
        if !form.enabled(&t.lang) {
            continue;
        }
        let headline = t.headline.trim();
        let description = t.description.trim();
        let instruction = t.instruction.trim();
        let lang_problem = |key| FormProblem {
            field: "texts",
            key,
            lang: Some(t.lang.clone()),
        };
        if headline.is_empty() {
            problems.push(lang_problem("alerts-error-headline"));
        } else if headline.chars().count() > MAX_HEADLINE
            || description.chars().count() > MAX_TEXT
            || instruction.chars().count() > MAX_TEXT
        {
            problems.push(lang_problem("alerts-error-too-long"));
        }
        texts.push(LangText {
            lang: t.lang.clone(),
            headline: headline.to_owned(),
            description: description.to_owned(),
            instruction: instruction.to_owned(),
        });
    }
    for l in &form.langs {
        if !form.texts.iter().any(|t| &t.lang == l) {
            problems.push(problem("lang", "alerts-error-lang"));
        }
    }
    match (
        msg_type,
        category,
        urgency,
        severity,
        certainty,
        onset,
        expires,
        area_choice,
        problems.is_empty(),
    ) {
        (Some(m), Some(c), Some(u), Some(s), Some(ce), Some(o), Some(e), Some(a), true) => {
            Ok(WarningDraft {
                msg_type: m,
                refers_to,
                category: c,
                event,
                urgency: u,
                severity: s,
                certainty: ce,
                onset: o,
                expires: e,
                area: a,
                area_desc,
                texts,
            })
        }
        _ => Err(problems),
    }
}

/// The CAP area of a warning.
pub fn cap_area(area: &AreaChoice, desc: &str, districts: &[DistrictShape]) -> cap::Area {
    let mut out = cap::Area {
        description: desc.to_owned(),
        ..cap::Area::default()
    };
    match area {
        AreaChoice::Polygon(p) => out.polygons.push(p.clone()),
        AreaChoice::Circle(c) => out.circles.push(c.clone()),
        AreaChoice::Districts(codes) => {
            for d in codes
                .iter()
                .filter_map(|c| districts.iter().find(|d| &d.code == c))
            {
                let poly = d.outline.as_ref().and_then(|o| {
                    let pts = o
                        .iter()
                        .map(|(lat, lon)| cap::Point::new(*lat, *lon))
                        .collect::<Result<Vec<_>, _>>()
                        .ok()?;
                    cap::Polygon::new(pts).ok()
                });
                match (poly, d.centre) {
                    (Some(p), _) => out.polygons.push(p),
                    (None, Some((lat, lon))) => {
                        if let Ok(c) = cap::Point::new(lat, lon)
                            .and_then(|p| cap::Circle::new(p, DISTRICT_RADIUS_KM))
                        {
                            out.circles.push(c)
                        }
                    }
                    _ => {}
                }
                out.geocodes.push(cap::ValuePair::new("district", &d.code));
            }
        }
    }
    out
}

/// What a CAP message needs besides the draft.
pub struct Envelope<'a> {
    pub identifier: String,
    pub sender: String,
    pub sent: DateTime<Utc>,
    pub time_zone: &'a str,
    pub sender_name: String,
    pub web: String,
    pub references: Vec<cap::Reference>,
}

/// A time in the tenant's zone with its numeric offset.
pub fn zoned(t: DateTime<Utc>, tz: &str) -> cap::Timestamp {
    match tz.parse::<chrono_tz::Tz>() {
        Ok(z) => t.with_timezone(&z).fixed_offset(),
        Err(_) => t.fixed_offset(),
    }
}

/// The CAP message: one `info` per language.
pub fn build_alert(
    d: &WarningDraft,
    env: &Envelope<'_>,
    districts: &[DistrictShape],
) -> Result<cap::Alert, cap::Problems> {
    let tz = env.time_zone;
    let mut alert = cap::Alert::new(
        env.identifier.clone(),
        env.sender.clone(),
        zoned(env.sent, tz),
        d.msg_type,
    );
    alert.references = env.references.clone();
    let area = cap_area(&d.area, &d.area_desc, districts);
    for t in &d.texts {
        let mut info = cap::Info::new(
            t.lang.clone(),
            d.category,
            d.event.clone(),
            d.urgency,
            d.severity,
            d.certainty,
        );
        if d.msg_type == cap::MsgType::Cancel {
            info.response_types.push(cap::ResponseType::AllClear);
        }
        info.onset = Some(zoned(d.onset, tz));
        info.expires = Some(zoned(d.expires, tz));
        info.sender_name = Some(env.sender_name.clone());
        info.headline = Some(t.headline.clone());
        info.description = (!t.description.is_empty()).then(|| t.description.clone());
        info.instruction = (!t.instruction.is_empty()).then(|| t.instruction.clone());
        info.web = Some(env.web.clone());
        info.areas.push(area.clone());
        alert.infos.push(info);
    }
    cap::to_xml(&alert)?;
    Ok(alert)
}

/// The label of a CAP vocabulary value in the reader's language.
pub fn vocab_label(t: &Tr, field: &str, value: &str) -> String {
    t.t(&format!("alerts-{field}-{}", value.to_ascii_lowercase()))
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn districts() -> Vec<DistrictShape> {
        vec![DistrictShape {
            code: "innenstadt".into(),
            name: "Innenstadt".into(),
            centre: Some((51.5136, 7.4653)),
            outline: None,
        }]
    }

    fn form() -> WarningForm {
        WarningForm {
            msg_type: "Alert".into(),
            category: "Met".into(),
            event: "Hitze".into(),
            urgency: "Expected".into(),
            severity: "Severe".into(),
            certainty: "Likely".into(),
            onset: "2026-07-01T14:00".into(),
            expires: "2026-07-02T20:00".into(),
            area_kind: "districts".into(),
            districts: vec!["innenstadt".into()],
            langs: vec!["en".into()],
            texts: vec![
                LangText {
                    lang: "de".into(),
                    headline: "Hitzewarnung".into(),
                    description: String::new(),
                    instruction: String::new(),
                },
                LangText {
                    lang: "en".into(),
                    headline: "Heat warning".into(),
                    description: String::new(),
                    instruction: String::new(),
                },
            ],
            ..WarningForm::default()
        }
    }

    fn area() -> TenantArea {
        TenantArea::new(&districts(), (51.51, 7.46))
    }

    #[test]
    fn a_good_form_becomes_a_valid_alert_in_summer_time() {
        let d = parse_form(&form(), "Europe/Berlin", &districts(), &area()).unwrap();
        assert_eq!(d.texts.len(), 2);
        let env = Envelope {
            identifier: "x-1".into(),
            sender: "dortmund.de".into(),
            sent: d.onset,
            time_zone: "Europe/Berlin",
            sender_name: "Stadt".into(),
            web: "https://example.org/a".into(),
            references: vec![],
        };
        let a = build_alert(&d, &env, &districts()).unwrap();
        let xml = cap::to_xml(&a).unwrap();
        assert!(
            xml.contains("<onset>2026-07-01T14:00:00+02:00</onset>"),
            "{xml}"
        );
        assert!(xml.contains("<circle>51.5136,7.4653 1.5</circle>"), "{xml}");
        assert_eq!(a.infos.len(), 2);
    }

    #[test]
    fn expiry_before_onset_and_empty_headline_are_refused() {
        let mut f = form();
        f.expires = "2026-07-01T13:00".into();
        f.texts[1].headline = " ".into();
        let p = parse_form(&f, "Europe/Berlin", &districts(), &area()).unwrap_err();
        assert!(p
            .iter()
            .any(|p| p.key == "alerts-error-expires-before-onset"));
        assert!(p
            .iter()
            .any(|p| p.key == "alerts-error-headline" && p.lang.as_deref() == Some("en")));
        // A language that is not enabled may stay empty.
        let mut f = form();
        f.langs.clear();
        f.texts[1].headline.clear();
        assert!(parse_form(&f, "Europe/Berlin", &districts(), &area()).is_ok());
    }

    #[test]
    fn a_polygon_outside_the_tenant_is_refused() {
        let mut f = form();
        f.area_kind = "polygon".into();
        f.area_desc = "Hamburg".into();
        f.polygon = "53.5,9.9 53.5,10.0 53.6,10.0 53.5,9.9".into();
        let p = parse_form(&f, "Europe/Berlin", &districts(), &area()).unwrap_err();
        assert_eq!(p[0].key, "alerts-error-outside");
        f.polygon = "51.51,7.46 51.51,7.47 51.52,7.47 51.51,7.46".into();
        assert!(parse_form(&f, "Europe/Berlin", &districts(), &area()).is_ok());
    }

    #[test]
    fn geojson_outlines_become_lat_lon_rings() {
        let g =
            r#"{"type":"Polygon","coordinates":[[[7.4,51.5],[7.5,51.5],[7.5,51.6],[7.4,51.5]]]}"#;
        let o = outline_from_geojson(g).unwrap();
        assert_eq!(o[0], (51.5, 7.4));
    }
}
