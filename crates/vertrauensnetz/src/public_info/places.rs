//! Safe places and help points: the public list with "open now", a district
//! filter and a server-drawn map (SVG, no JavaScript needed); "open now near
//! me" is computed by a small same-origin script in the browser from the
//! coordinates already on the page, so the position never leaves the device.
//! Venues apply to join a scheme; a coordinator decides. Campaign material
//! (posters and stickers as SVG) in several languages.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use serde::Deserialize;
use uuid::Uuid;

use super::hours::{self, DatedHours, Schedule, WeeklyRule};
use super::model::TenantArea;
use super::store::{self, PlaceRow};
use crate::platform::audit::{self, Actor, Entry};
use crate::platform::auth::Permission;
use crate::platform::i18n::{Lang, Tr};
use crate::platform::web::extract::CsrfForm;
use crate::platform::web::page::{self, FormErrors, PageCtx};
use crate::platform::web::{assets, Access, AppState, Ctx, Routes, WebError};

pub const KINDS: [&str; 7] = [
    "guides_point",
    "event_help",
    "luisa",
    "panama",
    "counselling",
    "police",
    "other",
];
/// Schemes a venue can apply to join.
pub const SCHEMES: [&str; 2] = ["luisa", "panama"];
pub const HELP: [&str; 6] = ["listen", "accompany", "phone", "first_aid", "taxi", "quiet"];
/// Languages of campaign material.
pub const MATERIAL_LANGS: [&str; 5] = ["de", "en", "tr", "ar", "uk"];

pub fn routes(r: &mut Routes) {
    let public = Access::Public;
    r.add(Method::GET, "/{tenant}/safe-places", public, list);
    r.add(
        Method::GET,
        "/{tenant}/safe-places/apply",
        public,
        apply_form,
    );
    r.add(Method::POST, "/{tenant}/safe-places/apply", public, apply);
    r.add(
        Method::GET,
        "/{tenant}/safe-places/material/{file}",
        public,
        material,
    );
    let manage = Access::Permission(Permission::ManageSafePlaces);
    r.add(
        Method::GET,
        "/{tenant}/staff/safe-places",
        manage,
        staff_list,
    );
    r.add(Method::POST, "/{tenant}/staff/safe-places", manage, create);
    r.add(
        Method::POST,
        "/{tenant}/staff/safe-places/holidays",
        manage,
        add_holiday,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/safe-places/{id}/decision",
        manage,
        decide,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/safe-places/{id}",
        manage,
        edit_form,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/safe-places/{id}",
        manage,
        update,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/safe-places/{id}/remove",
        manage,
        remove,
    );
}

/// Opening hours of every place of a tenant, by place.
pub async fn schedules(
    state: &AppState,
    tenant: crate::platform::tenants::TenantId,
) -> Result<HashMap<Uuid, Schedule>, WebError> {
    let holidays: Vec<NaiveDate> = store::holidays(&state.db, tenant)
        .await?
        .into_iter()
        .filter_map(|(d, _)| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
        .collect();
    let mut out: HashMap<Uuid, Schedule> = HashMap::new();
    for (place, weekday, opens, closes) in store::all_hours(&state.db, tenant).await? {
        if let (Ok(weekday), Ok(opens), Ok(closes)) = (
            u8::try_from(weekday),
            u16::try_from(opens),
            u16::try_from(closes),
        ) {
            out.entry(place).or_default().rules.push(WeeklyRule {
                weekday,
                opens,
                closes,
            });
        }
    }
    for (place, day, opens, closes, _) in store::all_exceptions(&state.db, tenant).await? {
        let Ok(day) = NaiveDate::parse_from_str(&day, "%Y-%m-%d") else {
            continue;
        };
        let hours = match (opens, closes) {
            (Some(o), Some(c)) => u16::try_from(o).ok().zip(u16::try_from(c).ok()),
            _ => None,
        };
        out.entry(place)
            .or_default()
            .exceptions
            .push(DatedHours { day, hours });
    }
    for s in out.values_mut() {
        s.holidays = holidays.clone();
    }
    Ok(out)
}

/// The places residents see now: listed, and a temporary point only until
/// its event ends; with the events by id (title, still running).
#[allow(clippy::type_complexity)]
pub async fn visible(
    state: &AppState,
    tenant: crate::platform::tenants::TenantId,
) -> Result<(Vec<PlaceRow>, HashMap<Uuid, (String, bool)>), WebError> {
    let now = state.clock.now();
    let events: HashMap<Uuid, (String, bool)> =
        crate::events::store::public_events(&state.db, tenant)
            .await?
            .into_iter()
            .map(|e| {
                (
                    e.event_id,
                    (e.title, e.ends_at.0 > now && e.status == "published"),
                )
            })
            .collect();
    let rows: Vec<PlaceRow> = store::places(&state.db, tenant, "active")
        .await?
        .into_iter()
        .filter(|p| {
            p.event_id
                .is_none_or(|e| events.get(&e).is_some_and(|(_, live)| *live))
        })
        .collect();
    Ok((rows, events))
}

pub struct PlaceView {
    pub id: Uuid,
    pub name: String,
    pub kind: String,
    pub address: String,
    pub district: String,
    pub lat: String,
    pub lon: String,
    pub open: bool,
    pub hours: Vec<String>,
    pub exceptions: Vec<String>,
    pub help: Vec<String>,
    pub languages: String,
    pub access: Vec<String>,
    pub contact: String,
    pub note: String,
    /// The event a temporary point belongs to: id and title.
    pub event: Option<(Uuid, String)>,
    /// Marker position on the map (SVG user units).
    pub x: String,
    pub y: String,
}

pub struct MapDistrict {
    pub name: String,
    pub x: String,
    pub y: String,
    pub path: Option<String>,
}

pub struct DistrictOption {
    pub code: String,
    pub name: String,
    pub selected: bool,
}

pub struct Material {
    pub href: String,
    pub label: String,
    pub lang: String,
}

#[derive(Template)]
#[template(path = "public_info/places.html")]
struct ListPage {
    page: PageCtx,
    places: Vec<PlaceView>,
    districts: Vec<DistrictOption>,
    map_districts: Vec<MapDistrict>,
    open_now: bool,
    script: &'static str,
    material: Vec<Material>,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    district: Option<String>,
    #[serde(default)]
    open: Option<String>,
}

/// Projects coordinates onto a 600 × 400 map of the given bounds.
struct Projection {
    min_lat: f64,
    min_lon: f64,
    span_lat: f64,
    span_lon: f64,
}

impl Projection {
    fn new(points: &[(f64, f64)]) -> Projection {
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
        let pad_lat = ((c - a) * 0.1).max(0.01);
        let pad_lon = ((d - b) * 0.1).max(0.01);
        Projection {
            min_lat: a - pad_lat,
            min_lon: b - pad_lon,
            span_lat: (c - a) + 2.0 * pad_lat,
            span_lon: (d - b) + 2.0 * pad_lon,
        }
    }

    fn xy(&self, lat: f64, lon: f64) -> (String, String) {
        let x = (lon - self.min_lon) / self.span_lon * 600.0;
        let y = 400.0 - (lat - self.min_lat) / self.span_lat * 400.0;
        (format!("{x:.1}"), format!("{y:.1}"))
    }
}

fn weekday_key(d: u8) -> String {
    format!("places-weekday-{d}")
}

/// `GET /{tenant}/safe-places`
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ListQuery>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let tz: chrono_tz::Tz = tenant
        .time_zone
        .parse()
        .unwrap_or(chrono_tz::Europe::Berlin);
    let now = state.clock.now();
    let districts = store::districts(&state.db, tenant.id).await?;
    let chosen = q
        .district
        .as_deref()
        .filter(|c| districts.iter().any(|d| d.code == *c));
    let open_now = q.open.as_deref() == Some("1");
    let schedules = schedules(&state, tenant.id).await?;
    let (rows, events) = visible(&state, tenant.id).await?;
    let mut points: Vec<(f64, f64)> = rows.iter().map(|p| (p.lat, p.lon)).collect();
    points.extend(
        districts
            .iter()
            .filter_map(|d| d.centre_lat.zip(d.centre_lon)),
    );
    let proj = Projection::new(&points);
    let district_name: HashMap<&str, &str> = districts
        .iter()
        .map(|d| (d.code.as_str(), d.name.as_str()))
        .collect();
    let empty = Schedule::default();
    let mut places = Vec::new();
    for p in rows {
        let schedule = schedules.get(&p.place_id).unwrap_or(&empty);
        let open = schedule.is_open(now, tz);
        if open_now && !open {
            continue;
        }
        if chosen.is_some() && p.district_code.as_deref() != chosen {
            continue;
        }
        let (x, y) = proj.xy(p.lat, p.lon);
        let mut rules = schedule.rules.clone();
        rules.sort_by_key(|r| (r.weekday, r.opens));
        let today = now.with_timezone(&tz).date_naive();
        places.push(PlaceView {
            id: p.place_id,
            kind: t.t(&format!("places-kind-{}", p.kind)).into_owned(),
            address: p.address.clone(),
            district: p
                .district_code
                .as_deref()
                .and_then(|c| district_name.get(c))
                .map(|s| (*s).to_owned())
                .unwrap_or_default(),
            lat: format!("{:.5}", p.lat),
            lon: format!("{:.5}", p.lon),
            open,
            hours: rules
                .iter()
                .map(|r| {
                    format!(
                        "{} {}–{}",
                        t.t(&weekday_key(r.weekday)),
                        hours::format_minute(r.opens),
                        hours::format_minute(r.closes)
                    )
                })
                .collect(),
            exceptions: schedule
                .exceptions
                .iter()
                .filter(|e| e.day >= today)
                .take(5)
                .map(|e| match e.hours {
                    Some((o, c)) => format!(
                        "{}: {}–{}",
                        e.day.format("%d.%m.%Y"),
                        hours::format_minute(o),
                        hours::format_minute(c)
                    ),
                    None => format!("{}: {}", e.day.format("%d.%m.%Y"), t.t("places-closed")),
                })
                .collect(),
            help: p
                .help
                .split_whitespace()
                .map(|h| t.t(&format!("places-help-{h}")).into_owned())
                .collect(),
            languages: p
                .languages
                .split_whitespace()
                .map(super::model::language_name)
                .collect::<Vec<_>>()
                .join(", "),
            access: [
                (p.step_free, "places-step-free"),
                (p.toilet, "places-toilet"),
                (p.quiet_room, "places-quiet-room"),
            ]
            .into_iter()
            .filter(|(yes, _)| *yes)
            .map(|(_, k)| t.t(k).into_owned())
            .collect(),
            contact: p.contact.clone(),
            note: p.note.clone(),
            event: p
                .event_id
                .and_then(|e| events.get(&e).map(|(title, _)| (e, title.clone()))),
            name: p.name,
            x,
            y,
        });
    }
    let map_districts = districts
        .iter()
        .filter_map(|d| {
            let (lat, lon) = d.centre_lat.zip(d.centre_lon)?;
            let (x, y) = proj.xy(lat, lon);
            let path = d
                .geometry
                .as_deref()
                .and_then(super::model::outline_from_geojson)
                .map(|ring| {
                    ring.iter()
                        .enumerate()
                        .map(|(i, (la, lo))| {
                            let (x, y) = proj.xy(*la, *lo);
                            format!("{}{x},{y}", if i == 0 { "M" } else { "L" })
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                        + " Z"
                });
            Some(MapDistrict {
                name: d.name.clone(),
                x,
                y,
                path,
            })
        })
        .collect();
    let mut material = Vec::new();
    for scheme in SCHEMES {
        for kind in super::campaign_pdf::KINDS {
            for lang in MATERIAL_LANGS {
                for format in ["pdf", "svg"] {
                    material.push(Material {
                        href: format!(
                            "/{}/safe-places/material/{scheme}-{kind}-{lang}.{format}",
                            tenant.slug
                        ),
                        label: format!(
                            "{} – {} ({}, {})",
                            t.t(&format!("places-kind-{scheme}")),
                            t.t(&format!("places-material-{kind}")),
                            super::model::language_name(lang),
                            format.to_ascii_uppercase()
                        ),
                        lang: lang.to_owned(),
                    });
                }
            }
        }
    }
    page::ok(&ListPage {
        page: PageCtx::new(&ctx, "places-title"),
        places,
        districts: districts
            .iter()
            .map(|d| DistrictOption {
                selected: Some(d.code.as_str()) == chosen,
                code: d.code.clone(),
                name: d.name.clone(),
            })
            .collect(),
        map_districts,
        open_now,
        script: assets::url("near-me.js"),
        material,
    })
}

#[derive(Deserialize, Default, Clone)]
pub struct ApplyForm {
    #[serde(default)]
    pub scheme: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub district: String,
    #[serde(default)]
    pub contact: String,
    #[serde(default)]
    pub opens: String,
    #[serde(default)]
    pub closes: String,
    #[serde(default)]
    pub days: String,
    #[serde(default)]
    pub step_free: Option<String>,
    #[serde(default)]
    pub toilet: Option<String>,
}

#[derive(Template)]
#[template(path = "public_info/apply.html")]
struct ApplyPage {
    page: PageCtx,
    form: ApplyForm,
    errors: FormErrors,
    districts: Vec<DistrictOption>,
    schemes: Vec<(&'static str, String)>,
    done: bool,
}

async fn apply_page(
    state: &AppState,
    ctx: &Ctx,
    form: ApplyForm,
    errors: FormErrors,
    done: bool,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let districts = store::districts(&state.db, tenant.id).await?;
    page::render(
        &ApplyPage {
            page: PageCtx::new(ctx, "places-apply-title"),
            districts: districts
                .iter()
                .map(|d| DistrictOption {
                    selected: d.code == form.district,
                    code: d.code.clone(),
                    name: d.name.clone(),
                })
                .collect(),
            schemes: SCHEMES
                .iter()
                .map(|s| (*s, t.t(&format!("places-kind-{s}")).into_owned()))
                .collect(),
            form,
            errors,
            done,
        },
        status,
    )
}

/// `GET /{tenant}/safe-places/apply`
pub async fn apply_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    apply_page(
        &state,
        &ctx,
        ApplyForm {
            days: "fri sat".into(),
            opens: "20:00".into(),
            closes: "04:00".into(),
            ..ApplyForm::default()
        },
        FormErrors::new(),
        false,
        StatusCode::OK,
    )
    .await
}

const DAY_CODES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// `POST /{tenant}/safe-places/apply`: a venue applies to join a scheme; it
/// is listed only once a coordinator approves.
pub async fn apply(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<ApplyForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let t = Tr::new(ctx.lang());
    let mut errors = FormErrors::new();
    if !SCHEMES.contains(&form.scheme.as_str()) {
        errors.add("scheme", t.t("places-error-scheme"));
    }
    let name = form.name.trim();
    if name.is_empty() || name.chars().count() > 120 {
        errors.add("name", t.t("places-error-name"));
    }
    let address = form.address.trim();
    if address.is_empty() || address.chars().count() > 200 {
        errors.add("address", t.t("places-error-address"));
    }
    let districts = store::districts(&state.db, tenant.id).await?;
    let district = districts.iter().find(|d| d.code == form.district);
    if district.is_none() {
        errors.add("district", t.t("places-error-district"));
    }
    let contact = form.contact.trim();
    if contact.is_empty() || contact.chars().count() > 200 {
        errors.add("contact", t.t("places-error-contact"));
    }
    let days: Vec<u8> = form
        .days
        .split_whitespace()
        .filter_map(|d| DAY_CODES.iter().position(|c| *c == d))
        .filter_map(|i| u8::try_from(i).ok())
        .collect();
    let opens = hours::parse_minute(&form.opens);
    let closes = hours::parse_minute(&form.closes);
    if days.is_empty() || opens.is_none() || closes.is_none() {
        errors.add("days", t.t("places-error-hours"));
    }
    let (Some(district), Some(opens), Some(closes), true) =
        (district, opens, closes, errors.is_empty())
    else {
        return apply_page(
            &state,
            &ctx,
            form,
            errors,
            false,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    // The venue is placed at its district's centre until a coordinator
    // corrects it; applicants need not know coordinates.
    let (lat, lon) = district
        .centre_lat
        .zip(district.centre_lon)
        .unwrap_or((tenant.centre_lat, tenant.centre_lon));
    let id = Uuid::now_v7();
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    store::insert_place(
        &mut tx,
        tenant.id,
        &PlaceRow {
            place_id: id,
            kind: form.scheme.clone(),
            status: "applied".into(),
            name: name.to_owned(),
            address: address.to_owned(),
            district_code: Some(district.code.clone()),
            lat,
            lon,
            help: "listen phone taxi".into(),
            languages: "de".into(),
            step_free: form.step_free.is_some(),
            toilet: form.toilet.is_some(),
            quiet_room: false,
            event_id: None,
            contact: contact.to_owned(),
            note: String::new(),
            created_at: now,
            decided_by: None,
        },
    )
    .await?;
    for d in days {
        store::insert_hours(
            &mut tx,
            tenant.id,
            id,
            d.into(),
            opens.into(),
            closes.into(),
        )
        .await?;
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(Actor::Anonymous, "safe_place.apply", "safe_place", id)
            .details(serde_json::json!({ "scheme": form.scheme })),
    )
    .await?;
    tx.commit().await?;
    apply_page(
        &state,
        &ctx,
        ApplyForm::default(),
        FormErrors::new(),
        true,
        StatusCode::OK,
    )
    .await
}

pub struct Application {
    pub id: Uuid,
    pub name: String,
    pub scheme: String,
    pub address: String,
    pub contact: String,
    pub hours: Vec<String>,
}

#[derive(Template)]
#[template(path = "public_info/staff_places.html")]
struct StaffPage {
    page: PageCtx,
    applications: Vec<Application>,
    active: usize,
    form: PlaceForm,
    errors: FormErrors,
    kinds: Vec<(&'static str, String)>,
    helps: Vec<(&'static str, String, bool)>,
    districts: Vec<DistrictOption>,
    events: Vec<(Uuid, String, bool)>,
    holidays: Vec<(String, String)>,
    /// Listed places: id, name, kind.
    listed: Vec<(Uuid, String, String)>,
}

/// The staff's form for a new place or help point.
#[derive(Debug, Clone, Default)]
pub struct PlaceForm {
    pub kind: String,
    pub name: String,
    pub address: String,
    pub district: String,
    pub lat: String,
    pub lon: String,
    pub help: Vec<String>,
    pub languages: String,
    pub step_free: bool,
    pub toilet: bool,
    pub quiet_room: bool,
    pub event: String,
    pub contact: String,
    pub note: String,
    pub hours: String,
    pub exceptions: String,
    pub holiday_day: String,
    pub holiday_name: String,
}

impl PlaceForm {
    fn from_pairs(raw: &[(String, String)]) -> PlaceForm {
        let get = |k: &str| {
            raw.iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        PlaceForm {
            kind: get("kind"),
            name: get("name"),
            address: get("address"),
            district: get("district"),
            lat: get("lat"),
            lon: get("lon"),
            help: raw
                .iter()
                .filter(|(k, _)| k == "help")
                .map(|(_, v)| v.clone())
                .collect(),
            languages: get("languages"),
            step_free: !get("step_free").is_empty(),
            toilet: !get("toilet").is_empty(),
            quiet_room: !get("quiet_room").is_empty(),
            event: get("event"),
            contact: get("contact"),
            note: get("note"),
            hours: get("hours"),
            exceptions: get("exceptions"),
            holiday_day: get("holiday_day"),
            holiday_name: get("holiday_name"),
        }
    }
}

/// `GET /{tenant}/staff/safe-places`: applications to decide, a new place.
pub async fn staff_list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, WebError> {
    staff_page(
        &state,
        &ctx,
        PlaceForm::default(),
        FormErrors::new(),
        StatusCode::OK,
    )
    .await
}

async fn staff_page(
    state: &AppState,
    ctx: &Ctx,
    form: PlaceForm,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let schedules = schedules(state, tenant.id).await?;
    let applications = store::places(&state.db, tenant.id, "applied")
        .await?
        .into_iter()
        .map(|p| Application {
            hours: schedules
                .get(&p.place_id)
                .map(|s| {
                    s.rules
                        .iter()
                        .map(|r| {
                            format!(
                                "{} {}–{}",
                                t.t(&weekday_key(r.weekday)),
                                hours::format_minute(r.opens),
                                hours::format_minute(r.closes)
                            )
                        })
                        .collect()
                })
                .unwrap_or_default(),
            id: p.place_id,
            scheme: t.t(&format!("places-kind-{}", p.kind)).into_owned(),
            name: p.name,
            address: p.address,
            contact: p.contact,
        })
        .collect();
    let listed: Vec<(Uuid, String, String)> = store::places(&state.db, tenant.id, "active")
        .await?
        .into_iter()
        .map(|p| {
            let kind = t.t(&format!("places-kind-{}", p.kind)).into_owned();
            (p.place_id, p.name, kind)
        })
        .collect();
    let active = listed.len();
    let now = state.clock.now();
    let events = crate::events::store::public_events(&state.db, tenant.id)
        .await?
        .into_iter()
        .filter(|e| e.ends_at.0 > now && e.status == "published")
        .map(|e| (e.event_id, e.title, form.event == e.event_id.to_string()))
        .collect();
    let districts = store::districts(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|d| DistrictOption {
            selected: d.code == form.district,
            code: d.code,
            name: d.name,
        })
        .collect();
    page::render(
        &StaffPage {
            page: PageCtx::new(ctx, "places-staff-title"),
            applications,
            active,
            kinds: KINDS
                .iter()
                .map(|k| (*k, t.t(&format!("places-kind-{k}")).into_owned()))
                .collect(),
            helps: HELP
                .iter()
                .map(|h| {
                    (
                        *h,
                        t.t(&format!("places-help-{h}")).into_owned(),
                        form.help.iter().any(|x| x == h),
                    )
                })
                .collect(),
            districts,
            events,
            holidays: store::holidays(&state.db, tenant.id).await?,
            listed,
            form,
            errors,
        },
        status,
    )
}

/// The lists the place form chooses from: kinds, help, districts, events.
struct FormChoices {
    kinds: Vec<(&'static str, String)>,
    helps: Vec<(&'static str, String, bool)>,
    districts: Vec<DistrictOption>,
    events: Vec<(Uuid, String, bool)>,
}

async fn form_choices(
    state: &AppState,
    ctx: &Ctx,
    form: &PlaceForm,
) -> Result<FormChoices, WebError> {
    let tenant = ctx.tenant()?;
    let t = Tr::new(ctx.lang());
    let now = state.clock.now();
    let events = crate::events::store::public_events(&state.db, tenant.id)
        .await?
        .into_iter()
        .filter(|e| {
            (e.ends_at.0 > now && e.status == "published") || form.event == e.event_id.to_string()
        })
        .map(|e| (e.event_id, e.title, form.event == e.event_id.to_string()))
        .collect();
    let districts = store::districts(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|d| DistrictOption {
            selected: d.code == form.district,
            code: d.code,
            name: d.name,
        })
        .collect();
    Ok(FormChoices {
        kinds: KINDS
            .iter()
            .map(|k| (*k, t.t(&format!("places-kind-{k}")).into_owned()))
            .collect(),
        helps: HELP
            .iter()
            .map(|h| {
                (
                    *h,
                    t.t(&format!("places-help-{h}")).into_owned(),
                    form.help.iter().any(|x| x == h),
                )
            })
            .collect(),
        districts,
        events,
    })
}

#[derive(Template)]
#[template(path = "public_info/staff_place_edit.html")]
struct EditPage {
    page: PageCtx,
    id: Uuid,
    title: String,
    status: String,
    form: PlaceForm,
    errors: FormErrors,
    kinds: Vec<(&'static str, String)>,
    helps: Vec<(&'static str, String, bool)>,
    districts: Vec<DistrictOption>,
    events: Vec<(Uuid, String, bool)>,
}

async fn edit_page(
    state: &AppState,
    ctx: &Ctx,
    place: &PlaceRow,
    form: PlaceForm,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let c = form_choices(state, ctx, &form).await?;
    page::render(
        &EditPage {
            page: PageCtx::new(ctx, "places-staff-edit-title"),
            id: place.place_id,
            title: place.name.clone(),
            status: place.status.clone(),
            form,
            errors,
            kinds: c.kinds,
            helps: c.helps,
            districts: c.districts,
            events: c.events,
        },
        status,
    )
}

/// A listed place or an application that staff may still change.
async fn editable(state: &AppState, ctx: &Ctx, id: Uuid) -> Result<PlaceRow, WebError> {
    let tenant = ctx.tenant()?;
    store::place(&state.db, tenant.id, id)
        .await?
        .filter(|p| p.status == "active" || p.status == "applied")
        .ok_or_else(WebError::not_found)
}

/// The form filled from a stored place and its hours, in the same line
/// syntax staff type.
fn form_of_place(p: &PlaceRow, schedule: Option<&Schedule>) -> PlaceForm {
    let mut hours_lines = Vec::new();
    let mut exception_lines = Vec::new();
    if let Some(s) = schedule {
        let mut rules = s.rules.clone();
        rules.sort_by_key(|r| (r.weekday, r.opens));
        for r in rules {
            hours_lines.push(format!(
                "{} {}-{}",
                DAY_CODES
                    .get(usize::from(r.weekday))
                    .copied()
                    .unwrap_or("mon"),
                hours::format_minute(r.opens),
                hours::format_minute(r.closes)
            ));
        }
        for e in &s.exceptions {
            exception_lines.push(match e.hours {
                Some((o, c)) => format!(
                    "{} {}-{}",
                    e.day.format("%Y-%m-%d"),
                    hours::format_minute(o),
                    hours::format_minute(c)
                ),
                None => format!("{} closed", e.day.format("%Y-%m-%d")),
            });
        }
    }
    PlaceForm {
        kind: p.kind.clone(),
        name: p.name.clone(),
        address: p.address.clone(),
        district: p.district_code.clone().unwrap_or_default(),
        lat: format!("{:.6}", p.lat),
        lon: format!("{:.6}", p.lon),
        help: p.help.split_whitespace().map(str::to_owned).collect(),
        languages: p.languages.clone(),
        step_free: p.step_free,
        toilet: p.toilet,
        quiet_room: p.quiet_room,
        event: p.event_id.map(|e| e.to_string()).unwrap_or_default(),
        contact: p.contact.clone(),
        note: p.note.clone(),
        hours: hours_lines.join("\n"),
        exceptions: exception_lines.join("\n"),
        holiday_day: String::new(),
        holiday_name: String::new(),
    }
}

/// `GET /{tenant}/staff/safe-places/{id}`: every field of a place or help
/// point (or an application) to correct, and its removal.
pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, Uuid)>,
) -> Result<Response, WebError> {
    let place = editable(&state, &ctx, id).await?;
    let tenant = ctx.tenant()?;
    let schedules = schedules(&state, tenant.id).await?;
    let form = form_of_place(&place, schedules.get(&id));
    edit_page(
        &state,
        &ctx,
        &place,
        form,
        FormErrors::new(),
        StatusCode::OK,
    )
    .await
}

/// `POST /{tenant}/staff/safe-places/{id}`: saves the corrected place
/// (position included); hours and exceptions are replaced as a whole.
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, Uuid)>,
    CsrfForm(raw): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageSafePlaces)?;
    let place = editable(&state, &ctx, id).await?;
    let form = PlaceForm::from_pairs(&raw);
    let checked = match check_place(&state, &ctx, &form).await? {
        Ok(c) => c,
        Err(errors) => {
            return edit_page(
                &state,
                &ctx,
                &place,
                form,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    };
    let row = checked.row(id, &place.status, place.created_at, place.decided_by);
    // Which fields changed, for the audit entry (names only, no values).
    let mut changed = Vec::new();
    for (field, differs) in [
        ("kind", row.kind != place.kind),
        ("name", row.name != place.name),
        ("address", row.address != place.address),
        ("district", row.district_code != place.district_code),
        ("position", row.lat != place.lat || row.lon != place.lon),
        ("help", row.help != place.help),
        ("languages", row.languages != place.languages),
        (
            "accessibility",
            (row.step_free, row.toilet, row.quiet_room)
                != (place.step_free, place.toilet, place.quiet_room),
        ),
        ("event", row.event_id != place.event_id),
        ("contact", row.contact != place.contact),
        ("note", row.note != place.note),
    ] {
        if differs {
            changed.push(field);
        }
    }
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    if !store::update_place(
        &mut tx,
        tenant.id,
        &row,
        &checked.rule_rows(),
        &checked.exception_rows(),
    )
    .await?
    {
        return Err(WebError::not_found());
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "safe_place.update", "safe_place", id).details(serde_json::json!({
            "changed": changed,
            "rules": checked.rules.len(),
            "exceptions": checked.exceptions.len(),
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/safe-places", tenant.slug)).into_response())
}

/// `POST /{tenant}/staff/safe-places/{id}/remove`: the place disappears
/// from every public list and the API at once; the row is kept as
/// `removed` (without contact, note and hours) so the audit entries still
/// name it.
pub async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, Uuid)>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageSafePlaces)?;
    let user = ctx.principal()?.user_id;
    let place = editable(&state, &ctx, id).await?;
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    if !store::remove_place(&mut tx, tenant.id, id, user).await? {
        return Err(WebError::not_found());
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "safe_place.remove", "safe_place", id)
            .details(serde_json::json!({ "kind": place.kind, "was": place.status })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/safe-places", tenant.slug)).into_response())
}

/// `POST /{tenant}/staff/safe-places`: a new place or help point, with
/// weekly hours (`fri sat 22:00-04:00`, one line each) and dated
/// exceptions (`2026-12-31 18:00-06:00`, `2026-12-24 closed`); a help point
/// may be bound to an event, and is then listed until the event ends.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(raw): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageSafePlaces)?;
    let form = PlaceForm::from_pairs(&raw);
    let checked = match check_place(&state, &ctx, &form).await? {
        Ok(c) => c,
        Err(errors) => {
            return staff_page(&state, &ctx, form, errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
    };
    let id = Uuid::now_v7();
    let ts = state.clock.now_ts();
    let user = ctx.principal()?.user_id;
    let mut tx = state.db.begin().await?;
    store::insert_place(
        &mut tx,
        tenant.id,
        &checked.row(id, "active", ts, Some(user)),
    )
    .await?;
    for (weekday, opens, closes) in checked.rule_rows() {
        store::insert_hours(&mut tx, tenant.id, id, weekday, opens, closes).await?;
    }
    for (day, hours) in checked.exception_rows() {
        store::insert_exception(&mut tx, tenant.id, id, &day, hours, "").await?;
    }
    audit::append(
        &mut tx,
        tenant.id,
        ts,
        &Entry::new(actor, "safe_place.create", "safe_place", id).details(serde_json::json!({
            "kind": checked.kind,
            "event": checked.event,
            "rules": checked.rules.len(),
            "exceptions": checked.exceptions.len(),
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/safe-places", tenant.slug)).into_response())
}

/// A place as checked from the staff's form.
pub struct CheckedPlace {
    pub kind: String,
    pub name: String,
    pub address: String,
    pub district: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub help: Vec<&'static str>,
    pub languages: Vec<String>,
    pub step_free: bool,
    pub toilet: bool,
    pub quiet_room: bool,
    pub event: Option<Uuid>,
    pub contact: String,
    pub note: String,
    pub rules: Vec<WeeklyRule>,
    pub exceptions: Vec<DatedHours>,
}

impl CheckedPlace {
    fn row(
        &self,
        id: Uuid,
        status: &str,
        ts: crate::platform::db::Timestamp,
        by: Option<Uuid>,
    ) -> PlaceRow {
        PlaceRow {
            place_id: id,
            kind: self.kind.clone(),
            status: status.into(),
            name: self.name.clone(),
            address: self.address.clone(),
            district_code: self.district.clone(),
            lat: self.lat,
            lon: self.lon,
            help: self.help.join(" "),
            languages: self.languages.join(" "),
            step_free: self.step_free,
            toilet: self.toilet,
            quiet_room: self.quiet_room,
            event_id: self.event,
            contact: self.contact.clone(),
            note: self.note.clone(),
            created_at: ts,
            decided_by: by,
        }
    }

    fn rule_rows(&self) -> Vec<(i32, i32, i32)> {
        self.rules
            .iter()
            .map(|r| (r.weekday.into(), r.opens.into(), r.closes.into()))
            .collect()
    }

    fn exception_rows(&self) -> Vec<(String, Option<(i32, i32)>)> {
        self.exceptions
            .iter()
            .map(|e| {
                (
                    e.day.format("%Y-%m-%d").to_string(),
                    e.hours.map(|(o, c)| (i32::from(o), i32::from(c))),
                )
            })
            .collect()
    }
}

/// Checks the staff's form for a place (new or edited): every problem is
/// named next to its field, and nothing is stored unless all is well.
async fn check_place(
    state: &AppState,
    ctx: &Ctx,
    form: &PlaceForm,
) -> Result<Result<CheckedPlace, FormErrors>, WebError> {
    let tenant = ctx.tenant()?.clone();
    let t = Tr::new(ctx.lang());
    let mut errors = FormErrors::new();
    if !KINDS.contains(&form.kind.as_str()) {
        errors.add("kind", t.t("places-staff-error-kind"));
    }
    let name = form.name.trim();
    if name.is_empty() || name.chars().count() > 120 {
        errors.add("name", t.t("places-error-name"));
    }
    let address = form.address.trim();
    if address.is_empty() || address.chars().count() > 200 {
        errors.add("address", t.t("places-error-address"));
    }
    let district_rows = store::districts(&state.db, tenant.id).await?;
    let district = match form.district.as_str() {
        "" => None,
        c => match district_rows.iter().find(|d| d.code == c) {
            Some(d) => Some(d.code.clone()),
            None => {
                errors.add("district", t.t("places-error-district"));
                None
            }
        },
    };
    let shapes: Vec<super::model::DistrictShape> = district_rows
        .iter()
        .map(|d| super::model::DistrictShape {
            code: d.code.clone(),
            name: d.name.clone(),
            centre: d.centre_lat.zip(d.centre_lon),
            outline: d
                .geometry
                .as_deref()
                .and_then(super::model::outline_from_geojson),
        })
        .collect();
    let area = TenantArea::new(&shapes, (tenant.centre_lat, tenant.centre_lon));
    let coords = match (
        form.lat.trim().parse::<f64>(),
        form.lon.trim().parse::<f64>(),
    ) {
        (Ok(lat), Ok(lon)) if inside(&area, lat, lon) => Some((lat, lon)),
        _ => {
            errors.add("lat", t.t("places-staff-error-coordinates"));
            None
        }
    };
    let mut rules = Vec::new();
    for line in form.hours.lines().filter(|l| !l.trim().is_empty()) {
        match hours::parse_rule_line(line) {
            Some(r) => rules.extend(r),
            None => errors.add(
                "hours",
                t.t1("places-staff-error-hours", "line", line.trim()),
            ),
        }
    }
    let mut exceptions = Vec::new();
    for line in form.exceptions.lines().filter(|l| !l.trim().is_empty()) {
        match hours::parse_exception_line(line) {
            Some(e) => exceptions.push(e),
            None => errors.add(
                "exceptions",
                t.t1("places-staff-error-exception", "line", line.trim()),
            ),
        }
    }
    let now = state.clock.now();
    let event = match form.event.trim() {
        "" => None,
        v => {
            let ok = match Uuid::parse_str(v) {
                Ok(id) => crate::events::store::event(&state.db, tenant.id, id)
                    .await?
                    .filter(|e| e.ends_at.0 > now)
                    .map(|e| e.event_id),
                Err(_) => None,
            };
            if ok.is_none() {
                errors.add("event", t.t("places-staff-error-event"));
            }
            ok
        }
    };
    let help: Vec<&str> = HELP
        .iter()
        .copied()
        .filter(|h| form.help.iter().any(|x| x == h))
        .collect();
    let languages: Vec<String> = form
        .languages
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|l| !l.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if languages.iter().any(|l| !cap::is_language_tag(l)) || languages.len() > 20 {
        errors.add("languages", t.t("places-staff-error-languages"));
    }
    if form.contact.chars().count() > 200 || form.note.chars().count() > 1000 {
        errors.add("note", t.t("places-staff-error-long"));
    }
    let (Some((lat, lon)), true) = (coords, errors.is_empty()) else {
        return Ok(Err(errors));
    };
    Ok(Ok(CheckedPlace {
        kind: form.kind.clone(),
        name: name.to_owned(),
        address: address.to_owned(),
        district,
        lat,
        lon,
        help,
        languages,
        step_free: form.step_free,
        toilet: form.toilet,
        quiet_room: form.quiet_room,
        event,
        contact: form.contact.trim().to_owned(),
        note: form.note.trim().to_owned(),
        rules,
        exceptions,
    }))
}

/// `POST /{tenant}/staff/safe-places/holidays`: a public holiday (the
/// Sunday hours apply).
pub async fn add_holiday(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(raw): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageSafePlaces)?;
    let t = Tr::new(ctx.lang());
    let form = PlaceForm::from_pairs(&raw);
    let day = NaiveDate::parse_from_str(form.holiday_day.trim(), "%Y-%m-%d").ok();
    let name = form.holiday_name.trim().to_owned();
    let (Some(day), false, true) = (day, name.is_empty(), name.chars().count() <= 100) else {
        let mut errors = FormErrors::new();
        errors.add("holiday_day", t.t("places-staff-error-holiday"));
        return staff_page(&state, &ctx, form, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let day = day.format("%Y-%m-%d").to_string();
    let ts = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    store::insert_holiday(&mut tx, tenant.id, &day, &name).await?;
    audit::append(
        &mut tx,
        tenant.id,
        ts,
        &Entry::new(actor, "safe_place.holiday", "tenant", tenant.id.as_uuid())
            .details(serde_json::json!({ "day": day, "name": name })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/safe-places", tenant.slug)).into_response())
}

#[derive(Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    decision: String,
}

/// `POST /{tenant}/staff/safe-places/{id}/decision`
pub async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_, id)): Path<(String, Uuid)>,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?.clone();
    let actor = ctx.staff_actor(Permission::ManageSafePlaces)?;
    let user = ctx.principal()?.user_id;
    let status = match form.decision.as_str() {
        "approve" => "active",
        "reject" => "rejected",
        _ => {
            return Err(WebError::unprocessable(
                "decision must be approve or reject",
            ))
        }
    };
    let now = state.clock.now_ts();
    let mut tx = state.db.begin().await?;
    if !store::decide_place(&mut tx, tenant.id, id, status, user).await? {
        return Err(WebError::not_found());
    }
    audit::append(
        &mut tx,
        tenant.id,
        now,
        &Entry::new(actor, "safe_place.decide", "safe_place", id)
            .details(serde_json::json!({ "status": status })),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/staff/safe-places", tenant.slug)).into_response())
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The SVG of a poster (A4 portrait) or sticker (round) of a scheme in one
/// language. Texts come from the catalogue of that language.
pub fn material_svg(scheme: &str, kind: &str, lang: Lang, city: &str) -> String {
    let t = Tr::new(lang);
    let title = xml_escape(&t.t(&format!("places-kind-{scheme}")));
    let line1 = xml_escape(&t.t(&format!("places-material-{scheme}-line1")));
    let line2 = xml_escape(&t.t(&format!("places-material-{scheme}-line2")));
    let city = xml_escape(city);
    let dir = lang.dir();
    let anchor = "middle";
    let lang_attr = lang.html_lang();
    if kind == "sticker" {
        format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="100mm" height="100mm" lang="{lang_attr}" direction="{dir}" role="img" aria-label="{title}">
<title>{title}</title>
<circle cx="200" cy="200" r="195" fill="#5b2a86"/>
<circle cx="200" cy="200" r="175" fill="none" stroke="#ffffff" stroke-width="6"/>
<text x="200" y="185" font-family="sans-serif" font-size="40" font-weight="bold" fill="#ffffff" text-anchor="{anchor}">{title}</text>
<text x="200" y="240" font-family="sans-serif" font-size="22" fill="#ffffff" text-anchor="{anchor}">{line1}</text>
<text x="200" y="300" font-family="sans-serif" font-size="18" fill="#ffffff" text-anchor="{anchor}">{city}</text>
</svg>
"##
        )
    } else if kind == "flyer" {
        format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 148 210" width="148mm" height="210mm" lang="{lang_attr}" direction="{dir}" role="img" aria-label="{title}">
<title>{title}</title>
<rect width="148" height="210" fill="#ffffff"/>
<rect width="148" height="57" fill="#5b2a86"/>
<text x="74" y="34" font-family="sans-serif" font-size="12" font-weight="bold" fill="#ffffff" text-anchor="{anchor}">{title}</text>
<text x="74" y="90" font-family="sans-serif" font-size="7.5" fill="#1a1a1a" text-anchor="{anchor}">{line1}</text>
<text x="74" y="112" font-family="sans-serif" font-size="7.5" font-weight="bold" fill="#1a1a1a" text-anchor="{anchor}">{line2}</text>
<text x="74" y="192" font-family="sans-serif" font-size="6.5" fill="#1a1a1a" text-anchor="{anchor}">{city}</text>
</svg>
"##
        )
    } else {
        format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 210 297" width="210mm" height="297mm" lang="{lang_attr}" direction="{dir}" role="img" aria-label="{title}">
<title>{title}</title>
<rect width="210" height="297" fill="#ffffff"/>
<rect width="210" height="80" fill="#5b2a86"/>
<text x="105" y="50" font-family="sans-serif" font-size="18" font-weight="bold" fill="#ffffff" text-anchor="{anchor}">{title}</text>
<text x="105" y="130" font-family="sans-serif" font-size="11" fill="#1a1a1a" text-anchor="{anchor}">{line1}</text>
<text x="105" y="160" font-family="sans-serif" font-size="11" fill="#1a1a1a" text-anchor="{anchor}">{line2}</text>
<text x="105" y="270" font-family="sans-serif" font-size="9" fill="#1a1a1a" text-anchor="{anchor}">{city}</text>
</svg>
"##
        )
    }
}

/// `GET /{tenant}/safe-places/material/{scheme}-{kind}-{lang}.svg` or
/// `.pdf` (kinds: poster, flyer, sticker).
pub async fn material(
    ctx: Ctx,
    Path((_, file)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let tenant = ctx.tenant()?;
    let (stem, pdf) = match (file.strip_suffix(".svg"), file.strip_suffix(".pdf")) {
        (Some(stem), _) => (stem, false),
        (None, Some(stem)) => (stem, true),
        _ => return Err(WebError::not_found()),
    };
    let mut parts = stem.splitn(3, '-');
    let (Some(scheme), Some(kind), Some(lang)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(WebError::not_found());
    };
    let lang = Lang::parse(lang)
        .filter(|l| MATERIAL_LANGS.contains(&l.tag()))
        .ok_or_else(WebError::not_found)?;
    if !SCHEMES.contains(&scheme) || !super::campaign_pdf::KINDS.contains(&kind) {
        return Err(WebError::not_found());
    }
    if pdf {
        let text = super::campaign_pdf::MaterialText::of(scheme, lang, &tenant.name);
        let bytes = super::campaign_pdf::material_pdf(kind, lang.html_lang(), &text)
            .map_err(|e| WebError::internal().with_detail(e.to_string()))?;
        let mut res = (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/pdf"),
                ),
                (
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=3600"),
                ),
            ],
            bytes,
        )
            .into_response();
        if let Ok(v) = HeaderValue::from_str(&format!("inline; filename=\"{stem}.pdf\"")) {
            res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
        }
        return Ok(res);
    }
    let svg = material_svg(scheme, kind, lang, &tenant.name);
    let disposition = format!("inline; filename=\"{stem}.svg\"");
    let mut res = (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("image/svg+xml"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            ),
        ],
        svg,
    )
        .into_response();
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}

/// Whether a point lies within the tenant (for seeding and corrections).
pub fn inside(area: &TenantArea, lat: f64, lon: f64) -> bool {
    cap::Point::new(lat, lon).is_ok_and(|p| area.contains(p))
}
