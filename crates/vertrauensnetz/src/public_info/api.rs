//! The public JSON API of public safety information: current warnings
//! (read from the published CAP documents, ours and imported alike, so the
//! API says exactly what the CAP document says) and safe places with
//! "open now" computed at the moment of the request. The safe-places
//! endpoint takes no position: "near me" stays in the client.

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::alerts;
use super::hours;
use super::places;
use super::store::{self, WarningRow};
use crate::platform::web::error::Problem;
use crate::platform::web::{AppState, Ctx, WebError};

/// A point or polygon in GeoJSON (RFC 7946): `[longitude, latitude]`.
#[derive(Serialize, ToSchema)]
pub struct GeoPoint {
    /// Always `Point`.
    #[serde(rename = "type")]
    pub kind: String,
    pub coordinates: [f64; 2],
}

fn point(lat: f64, lon: f64) -> GeoPoint {
    GeoPoint {
        kind: "Point".into(),
        coordinates: [lon, lat],
    }
}

/// A GeoJSON Polygon: one closed ring of `[longitude, latitude]`.
#[derive(Serialize, ToSchema)]
pub struct GeoPolygon {
    /// Always `Polygon`.
    #[serde(rename = "type")]
    pub kind: String,
    pub coordinates: Vec<Vec<[f64; 2]>>,
}

/// A CAP circle: GeoJSON has none, so a centre and a radius.
#[derive(Serialize, ToSchema)]
pub struct AreaCircle {
    pub center: GeoPoint,
    pub radius_km: f64,
}

/// The area of a warning (CAP `area` blocks of its first `info`, merged).
#[derive(Serialize, ToSchema)]
pub struct WarningArea {
    /// `areaDesc`, several joined by ", ".
    pub description: String,
    /// District codes of the tenant (geocode `district`), if composed so.
    pub districts: Vec<String>,
    pub polygons: Vec<GeoPolygon>,
    pub circles: Vec<AreaCircle>,
}

/// `references` entry: the earlier message an Update or Cancel replaces.
#[derive(Serialize, ToSchema)]
pub struct WarningReference {
    pub sender: String,
    pub identifier: String,
    pub sent: String,
}

/// The cell-broadcast text of one language.
#[derive(Serialize, ToSchema)]
pub struct CellBroadcast {
    pub text: String,
    pub chars: usize,
    /// `GSM-7` or `UCS-2`.
    pub encoding: String,
    pub pages: usize,
}

/// One CAP `info` block: one language.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct WarningInfo {
    pub language: String,
    pub category: Vec<String>,
    pub event: String,
    pub urgency: String,
    pub severity: String,
    pub certainty: String,
    pub headline: Option<String>,
    pub description: Option<String>,
    pub instruction: Option<String>,
    pub sender_name: Option<String>,
    pub web: Option<String>,
    pub cell_broadcast: CellBroadcast,
}

/// A published warning.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    pub id: Uuid,
    pub identifier: String,
    pub sender: String,
    /// `Alert`, `Update` or `Cancel`.
    pub msg_type: String,
    pub references: Vec<WarningReference>,
    /// CAP timestamps with a numeric offset.
    pub sent: String,
    pub onset: Option<String>,
    pub expires: Option<String>,
    /// Whether it is in force now (not replaced, not a Cancel, not expired).
    pub current: bool,
    /// The newer message that replaced it.
    pub replaced_by: Option<Uuid>,
    /// `own` or `import`.
    pub source: String,
    pub area: WarningArea,
    pub info: Vec<WarningInfo>,
    /// The web page and the CAP document.
    pub page: String,
    pub cap: String,
}

/// The current warnings.
#[derive(Serialize, ToSchema)]
pub struct WarningList {
    pub warnings: Vec<Warning>,
}

#[derive(serde::Deserialize, Default, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct LangQuery {
    /// Only the `info` block of this language (RFC 5646 tag, e.g. `tr`,
    /// `de-x-ls`); without a block in it, the German one (else the first).
    #[serde(default)]
    pub lang: Option<String>,
}

/// The `info` blocks to return: all, or the one best for `lang`.
fn choose<'a>(infos: &'a [cap::Info], lang: Option<&str>) -> Vec<&'a cap::Info> {
    let Some(lang) = lang else {
        return infos.iter().collect();
    };
    let primary = |t: &str| t.split('-').next().unwrap_or(t).to_ascii_lowercase();
    infos
        .iter()
        .find(|i| i.language.eq_ignore_ascii_case(lang))
        .or_else(|| {
            infos.iter().find(|i| {
                !lang.contains("-x-")
                    && primary(&i.language) == primary(lang)
                    && !i.language.contains("-x-")
            })
        })
        .or_else(|| infos.iter().find(|i| i.language.eq_ignore_ascii_case("de")))
        .or_else(|| infos.first())
        .into_iter()
        .collect()
}

fn view(
    w: &WarningRow,
    lang: Option<&str>,
    now: chrono::DateTime<chrono::Utc>,
    base: &str,
) -> Option<Warning> {
    let alert = cap::parse(w.cap_xml.as_deref()?).ok()?;
    let first = alert.infos.first();
    let areas: &[cap::Area] = first.map(|i| i.areas.as_slice()).unwrap_or_default();
    let area = WarningArea {
        description: areas
            .iter()
            .map(|a| a.description.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        districts: areas
            .iter()
            .flat_map(|a| a.geocodes.iter())
            .filter(|g| g.name == "district")
            .map(|g| g.value.clone())
            .collect(),
        polygons: areas
            .iter()
            .flat_map(|a| a.polygons.iter())
            .map(|p| GeoPolygon {
                kind: "Polygon".into(),
                coordinates: vec![p.points().iter().map(|pt| [pt.lon(), pt.lat()]).collect()],
            })
            .collect(),
        circles: areas
            .iter()
            .flat_map(|a| a.circles.iter())
            .map(|c| AreaCircle {
                center: point(c.center().lat(), c.center().lon()),
                radius_km: c.radius_km(),
            })
            .collect(),
    };
    let info = choose(&alert.infos, lang)
        .into_iter()
        .map(|i| {
            let cb = cap::cell_broadcast_text(i);
            let seg = cap::segments(&cb.text);
            WarningInfo {
                language: i.language.clone(),
                category: i.categories.iter().map(|c| c.as_str().to_owned()).collect(),
                event: i.event.clone(),
                urgency: i.urgency.as_str().into(),
                severity: i.severity.as_str().into(),
                certainty: i.certainty.as_str().into(),
                headline: i.headline.clone(),
                description: i.description.clone(),
                instruction: i.instruction.clone(),
                sender_name: i.sender_name.clone(),
                web: i.web.clone(),
                cell_broadcast: CellBroadcast {
                    text: cb.text,
                    chars: cb.chars,
                    encoding: seg.encoding.as_str().into(),
                    pages: seg.pages,
                },
            }
        })
        .collect();
    Some(Warning {
        id: w.warning_id,
        identifier: alert.identifier.clone(),
        sender: alert.sender.clone(),
        msg_type: alert.msg_type.as_str().into(),
        references: alert
            .references
            .iter()
            .map(|r| WarningReference {
                sender: r.sender.clone(),
                identifier: r.identifier.clone(),
                sent: cap::format_timestamp(&r.sent),
            })
            .collect(),
        sent: cap::format_timestamp(&alert.sent),
        onset: first
            .and_then(|i| i.onset.or(i.effective))
            .map(|t| cap::format_timestamp(&t)),
        expires: first
            .and_then(|i| i.expires)
            .map(|t| cap::format_timestamp(&t)),
        current: alerts::is_current(w, now),
        replaced_by: w.replaced_by,
        source: if w.origin == "import" {
            "import"
        } else {
            "own"
        }
        .into(),
        area,
        info,
        page: format!("{base}/alerts/{}", w.warning_id),
        cap: format!("{base}/alerts/{}.cap.xml", w.warning_id),
    })
}

fn checked_lang(q: &LangQuery) -> Result<Option<String>, WebError> {
    match q.lang.as_deref().map(str::trim) {
        None => Ok(None),
        Some(l) if cap::is_language_tag(l) && l.len() <= 35 => Ok(Some(l.to_owned())),
        Some(_) => Err(WebError::bad_request(
            "lang must be a language tag such as de, de-x-ls, tr or ar",
        )),
    }
}

fn cached(json: Response) -> Response {
    let mut res = json;
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=60"),
    );
    res
}

/// The warnings in force now, newest first (public).
#[utoipa::path(
    get,
    path = "/api/v1/{tenant}/warnings",
    params(("tenant" = String, Path, description = "Tenant slug"), LangQuery),
    responses(
        (status = 200, description = "Current warnings with their CAP fields", body = WarningList),
        (status = 400, description = "Bad `lang` or an unknown parameter", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown tenant", body = Problem, content_type = "application/problem+json")
    )
)]
pub async fn warnings(
    State(state): State<AppState>,
    ctx: Ctx,
    q: Result<Query<LangQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, WebError> {
    let Query(q) = q.map_err(|e| WebError::bad_request(e.body_text()))?;
    let tenant = ctx.tenant()?;
    let lang = checked_lang(&q)?;
    let now = state.clock.now();
    let base = ctx.absolute_url(&state, &format!("/{}", tenant.slug));
    let warnings = store::published(&state.db, tenant.id, 200)
        .await?
        .iter()
        .filter(|w| alerts::is_current(w, now))
        .filter_map(|w| view(w, lang.as_deref(), now, &base))
        .collect();
    Ok(cached(Json(WarningList { warnings }).into_response()))
}

/// One published warning, current or past (public).
#[utoipa::path(
    get,
    path = "/api/v1/{tenant}/warnings/{id}",
    params(("tenant" = String, Path, description = "Tenant slug"), ("id" = Uuid, Path, description = "Warning id"), LangQuery),
    responses(
        (status = 200, description = "The warning", body = Warning),
        (status = 400, description = "Bad `lang` or an unknown parameter", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such published warning", body = Problem, content_type = "application/problem+json")
    )
)]
pub async fn warning(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, String)>,
    q: Result<Query<LangQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, WebError> {
    let Query(q) = q.map_err(|e| WebError::bad_request(e.body_text()))?;
    let tenant = ctx.tenant()?;
    let lang = checked_lang(&q)?;
    let id = Uuid::parse_str(&id).map_err(|_| WebError::not_found())?;
    let now = state.clock.now();
    let base = ctx.absolute_url(&state, &format!("/{}", tenant.slug));
    let w = store::warning(&state.db, tenant.id, id)
        .await?
        .filter(|w| w.status == "published")
        .ok_or_else(WebError::not_found)?;
    let v = view(&w, lang.as_deref(), now, &base).ok_or_else(WebError::not_found)?;
    Ok(cached(Json(v).into_response()))
}

#[derive(serde::Deserialize, Default, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PlacesQuery {
    /// Only places in this district (a code of the tenant's districts).
    #[serde(default)]
    pub district: Option<String>,
    /// `true`: only places open now.
    #[serde(default)]
    pub open_now: Option<bool>,
}

/// Weekly opening hours: a range that closes at or before it opens ends
/// the next day.
#[derive(Serialize, ToSchema)]
pub struct HoursView {
    /// `mon` … `sun`.
    pub day: String,
    pub opens: String,
    pub closes: String,
}

/// A dated exception: other hours or closed.
#[derive(Serialize, ToSchema)]
pub struct ExceptionView {
    pub date: String,
    /// `null` when closed that day.
    pub opens: Option<String>,
    pub closes: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Accessibility {
    pub step_free: bool,
    pub toilet: bool,
    pub quiet_room: bool,
}

#[derive(Serialize, ToSchema)]
pub struct EventRef {
    pub id: Uuid,
    pub title: String,
}

/// A safe place or help point.
#[derive(Serialize, ToSchema)]
pub struct SafePlace {
    pub id: Uuid,
    pub name: String,
    /// `guides_point`, `event_help`, `luisa`, `panama`, `counselling`,
    /// `police`, `other`.
    pub kind: String,
    pub address: String,
    pub district: Option<String>,
    pub location: GeoPoint,
    /// Computed at the time of the request in the tenant's time zone.
    pub open_now: bool,
    pub hours: Vec<HoursView>,
    pub exceptions: Vec<ExceptionView>,
    /// `listen`, `accompany`, `phone`, `first_aid`, `taxi`, `quiet`.
    pub help: Vec<String>,
    /// Language tags of the languages spoken.
    pub languages: Vec<String>,
    pub accessibility: Accessibility,
    /// The event a temporary help point belongs to.
    pub event: Option<EventRef>,
}

#[derive(Serialize, ToSchema)]
pub struct SafePlaceList {
    /// When `open_now` was computed (RFC 3339).
    pub checked_at: String,
    pub places: Vec<SafePlace>,
}

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Safe places and help points listed now (public). Takes no position:
/// sort by distance on the device.
#[utoipa::path(
    get,
    path = "/api/v1/{tenant}/safe-places",
    params(("tenant" = String, Path, description = "Tenant slug"), PlacesQuery),
    responses(
        (status = 200, description = "The places with `open_now` at the time of the request", body = SafePlaceList),
        (status = 400, description = "Unknown district, a bad value, or an unknown parameter such as a position", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown tenant", body = Problem, content_type = "application/problem+json")
    )
)]
pub async fn safe_places(
    State(state): State<AppState>,
    ctx: Ctx,
    q: Result<Query<PlacesQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, WebError> {
    let Query(q) = q.map_err(|e| WebError::bad_request(e.body_text()))?;
    let tenant = ctx.tenant()?;
    let districts = store::districts(&state.db, tenant.id).await?;
    if let Some(d) = q.district.as_deref() {
        if !districts.iter().any(|x| x.code == d) {
            return Err(WebError::bad_request(format!(
                "unknown district; known: {}",
                districts
                    .iter()
                    .map(|d| d.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
    }
    let tz: chrono_tz::Tz = tenant
        .time_zone
        .parse()
        .unwrap_or(chrono_tz::Europe::Berlin);
    let now = state.clock.now();
    let (rows, events) = places::visible(&state, tenant.id).await?;
    let schedules = places::schedules(&state, tenant.id).await?;
    let empty = hours::Schedule::default();
    let today = now.with_timezone(&tz).date_naive();
    let mut out = Vec::new();
    for p in rows {
        if q.district.is_some() && p.district_code != q.district {
            continue;
        }
        let schedule = schedules.get(&p.place_id).unwrap_or(&empty);
        let open = schedule.is_open(now, tz);
        if q.open_now == Some(true) && !open {
            continue;
        }
        let mut rules = schedule.rules.clone();
        rules.sort_by_key(|r| (r.weekday, r.opens));
        out.push(SafePlace {
            id: p.place_id,
            kind: p.kind.clone(),
            address: p.address.clone(),
            district: p.district_code.clone(),
            location: point(p.lat, p.lon),
            open_now: open,
            hours: rules
                .iter()
                .map(|r| HoursView {
                    day: DAYS
                        .get(usize::from(r.weekday))
                        .copied()
                        .unwrap_or("mon")
                        .into(),
                    opens: hours::format_minute(r.opens),
                    closes: hours::format_minute(r.closes),
                })
                .collect(),
            exceptions: schedule
                .exceptions
                .iter()
                .filter(|e| e.day >= today)
                .map(|e| ExceptionView {
                    date: e.day.format("%Y-%m-%d").to_string(),
                    opens: e.hours.map(|h| hours::format_minute(h.0)),
                    closes: e.hours.map(|h| hours::format_minute(h.1)),
                })
                .collect(),
            help: p.help.split_whitespace().map(str::to_owned).collect(),
            languages: p.languages.split_whitespace().map(str::to_owned).collect(),
            accessibility: Accessibility {
                step_free: p.step_free,
                toilet: p.toilet,
                quiet_room: p.quiet_room,
            },
            event: p.event_id.and_then(|e| {
                events.get(&e).map(|(title, _)| EventRef {
                    id: e,
                    title: title.clone(),
                })
            }),
            name: p.name,
        });
    }
    let res = Json(SafePlaceList {
        checked_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        places: out,
    })
    .into_response();
    // open_now changes with time: a minute's cache at most.
    Ok(cached(res))
}

/// The module's part of the API document.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(warnings, warning, safe_places),
    components(schemas(
        WarningList,
        Warning,
        WarningInfo,
        WarningArea,
        WarningReference,
        CellBroadcast,
        GeoPoint,
        GeoPolygon,
        AreaCircle,
        SafePlaceList,
        SafePlace,
        HoursView,
        ExceptionView,
        Accessibility,
        EventRef
    ))
)]
pub struct PublicInfoApi;
