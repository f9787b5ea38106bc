//! Open311 GeoReport v2 under `/open311/v2/`: `discovery`, `services`,
//! `services/{code}`, `POST requests`, `GET requests`, `requests/{id}`,
//! `tokens/{token}` and the `servicerequestupdates` extension, each as
//! `.json` and `.xml`. The server hosts several jurisdictions, so
//! `jurisdiction_id` (`dortmund.de`, `luenen.de`) is required wherever the
//! specification allows it. Documents and parsing live in the `open311`
//! crate; this file maps them onto the reports.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use open311::{Error, Format, Location, NewRequest, RequestQuery, ServiceRequest};
use uuid::Uuid;

use super::model::{self, Kind, Status, TimeOfDay};
use super::store::{self, Filter, PublicRow};
use super::{iso, iso_in, setup, zone, TenantSetup};
use crate::platform::audit::{self, Actor, Entry};
use crate::platform::auth::Permission;
use crate::platform::db::Timestamp;
use crate::platform::i18n::{Lang, Tr};
use crate::platform::tenants::Tenant;
use crate::platform::web::page::Rendered;
use crate::platform::web::{Access, AppState, Ctx, Routes, WebError};

pub fn routes(r: &mut Routes) {
    let open = Access::Open;
    r.add(Method::GET, "/open311/v2/{file}", open, get_root);
    r.add(Method::POST, "/open311/v2/{file}", open, post_root);
    r.add(Method::GET, "/open311/v2/services/{file}", open, service);
    r.add(Method::GET, "/open311/v2/requests/{file}", open, request);
    r.add(Method::GET, "/open311/v2/tokens/{file}", open, token);
}

/// A finished Open311 answer (marked as rendered, so the error middleware
/// keeps the specification's error body).
fn answer(status: StatusCode, format: Format, body: String) -> Response {
    answer_bytes(status, format, Bytes::from(body))
}

fn answer_bytes(status: StatusCode, format: Format, body: Bytes) -> Response {
    let mut res = (status, body).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(format.content_type()),
    );
    res.extensions_mut().insert(Rendered);
    res
}

fn fail(format: Format, e: Error) -> Response {
    let status = StatusCode::from_u16(e.code).unwrap_or(StatusCode::BAD_REQUEST);
    answer(status, format, e.render(format))
}

fn internal(format: Format) -> impl Fn(WebError) -> Response {
    move |e: WebError| {
        tracing::error!(key = e.key, "open311 request failed");
        fail(format, Error::new(500, "internal error"))
    }
}

/// The resource name and format of `name.json` / `name.xml` (an unknown
/// extension is answered as JSON).
fn split(file: &str) -> Result<(&str, Format), Box<Response>> {
    Format::split(file).ok_or_else(|| {
        Box::new(fail(
            Format::Json,
            Error::new(404, "unknown format: use .json or .xml"),
        ))
    })
}

fn pairs(query: Option<&str>) -> Result<Vec<(String, String)>, Error> {
    serde_urlencoded::from_str(query.unwrap_or(""))
        .map_err(|_| Error::bad_request("the query is malformed"))
}

/// The tenant named by `jurisdiction_id` (required: this server hosts
/// several).
fn jurisdiction(state: &AppState, id: Option<&str>) -> Result<Arc<Tenant>, Error> {
    let id = id.map(str::trim).filter(|s| !s.is_empty()).ok_or_else(|| {
        Error::bad_request("jurisdiction_id is required (dortmund.de or luenen.de)")
    })?;
    state
        .tenants
        .all()
        .into_iter()
        .find(|t| t.jurisdiction_id.eq_ignore_ascii_case(id))
        .ok_or_else(|| Error::new(404, format!("jurisdiction_id {id:?} is not served here")))
}

fn jurisdiction_of(state: &AppState, pairs: &[(String, String)]) -> Result<Arc<Tenant>, Error> {
    jurisdiction(
        state,
        pairs
            .iter()
            .find(|(k, _)| k == "jurisdiction_id")
            .map(|(_, v)| v.as_str()),
    )
}

/// `GET /open311/v2/{discovery|services|requests|servicerequestupdates}.{json|xml}`
pub async fn get_root(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let (name, format) = match split(&file) {
        Ok(v) => v,
        Err(r) => return *r,
    };
    let result = match name {
        "discovery" => Ok(discovery(&state, &ctx, format)),
        "services" => services(&state, &ctx, format, query.as_deref()).await,
        "requests" => requests(&state, &ctx, format, query.as_deref()).await,
        "servicerequestupdates" => updates(&state, format, query.as_deref()).await,
        _ => Err(fail(format, Error::new(404, "no such resource"))),
    };
    result.unwrap_or_else(|r| r)
}

fn discovery(state: &AppState, ctx: &Ctx, format: Format) -> Response {
    let base = crate::platform::web::context::public_base(state, Some(ctx));
    let d = open311::Discovery {
        changeset: "2026-01-01T00:00:00+01:00".into(),
        contact: format!(
            "{}: {}",
            Tr::new(ctx.lang()).t("site-name"),
            state
                .tenants
                .all()
                .iter()
                .map(|t| t.jurisdiction_id.clone())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        key_service: "API keys are issued by each municipality's platform administration".into(),
        endpoints: vec![open311::Endpoint {
            specification: "http://wiki.open311.org/GeoReport_v2".into(),
            url: format!("{base}/open311/v2"),
            changeset: "2026-01-01T00:00:00+01:00".into(),
            kind: "production".into(),
            formats: vec!["text/xml".into(), "application/json".into()],
        }],
    };
    answer(StatusCode::OK, format, d.render(format))
}

fn service_of(c: &model::Category, lang: Lang) -> open311::Service {
    open311::Service {
        service_code: c.code.clone(),
        service_name: c.name(lang).to_owned(),
        description: c.description(lang).to_owned(),
        metadata: c.kind == Kind::UnsafePlace,
        kind: "realtime".into(),
        keywords: String::new(),
        group: Tr::new(lang)
            .t(&model::key("kind", c.kind.as_str()))
            .into_owned(),
    }
}

async fn services(
    state: &AppState,
    ctx: &Ctx,
    format: Format,
    query: Option<&str>,
) -> Result<Response, Response> {
    let p = pairs(query).map_err(|e| fail(format, e))?;
    let tenant = jurisdiction_of(state, &p).map_err(|e| fail(format, e))?;
    let s = setup(state, &tenant).await.map_err(internal(format))?;
    let list: Vec<open311::Service> = s
        .categories
        .iter()
        .filter(|c| c.active)
        .map(|c| service_of(c, ctx.lang()))
        .collect();
    Ok(answer(
        StatusCode::OK,
        format,
        open311::list(format, "services", &list),
    ))
}

/// `GET /open311/v2/services/{code}.{json|xml}`: the attributes (time of
/// day and the neighbourhood walk for unsafe places).
pub async fn service(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let (code, format) = match split(&file) {
        Ok(v) => v,
        Err(r) => return *r,
    };
    let run = async {
        let p = pairs(query.as_deref()).map_err(|e| fail(format, e))?;
        let tenant = jurisdiction_of(&state, &p).map_err(|e| fail(format, e))?;
        let s = setup(&state, &tenant).await.map_err(internal(format))?;
        let c = s.by_code(code).filter(|c| c.active).ok_or_else(|| {
            fail(
                format,
                Error::new(404, format!("service_code {code:?} not found")),
            )
        })?;
        let tr = Tr::new(ctx.lang());
        let attributes = if c.kind == Kind::UnsafePlace {
            vec![
                open311::Attribute {
                    variable: true,
                    code: "time_of_day".into(),
                    datatype: "singlevaluelist".into(),
                    required: true,
                    datatype_description: String::new(),
                    order: 1,
                    description: tr.t("reports-field-time").into_owned(),
                    values: TimeOfDay::ALL
                        .iter()
                        .map(|t| open311::AttributeValue {
                            key: t.as_str().into(),
                            name: tr.t(&model::key("time", t.as_str())).into_owned(),
                        })
                        .collect(),
                },
                open311::Attribute {
                    variable: true,
                    code: "walk".into(),
                    datatype: "singlevaluelist".into(),
                    required: false,
                    datatype_description: String::new(),
                    order: 2,
                    description: tr.t("reports-field-walk").into_owned(),
                    values: vec![
                        open311::AttributeValue {
                            key: "yes".into(),
                            name: tr.t("reports-yes").into_owned(),
                        },
                        open311::AttributeValue {
                            key: "no".into(),
                            name: tr.t("reports-no").into_owned(),
                        },
                    ],
                },
            ]
        } else {
            Vec::new()
        };
        let d = open311::ServiceDefinition {
            service_code: c.code.clone(),
            attributes,
        };
        Ok::<Response, Response>(answer(StatusCode::OK, format, d.render(format)))
    };
    run.await.unwrap_or_else(|r| r)
}

/// Maps a stored report onto the specification's request (public fields
/// only: the moderated text, never name or e-mail).
fn request_of(
    s: &TenantSetup,
    r: &PublicRow,
    lang: Lang,
    tz: chrono_tz::Tz,
    media: Option<String>,
) -> ServiceRequest {
    let cat = s.category(r.category_id);
    let status = Status::parse(&r.status).unwrap_or(Status::Open);
    ServiceRequest {
        service_request_id: r.report_id.to_string(),
        status: status.open311().into(),
        status_notes: r.status_note.clone(),
        service_name: cat.map(|c| c.name(lang).to_owned()).unwrap_or_default(),
        service_code: cat.map(|c| c.code.clone()).unwrap_or_default(),
        description: r.published.then(|| r.public_description.clone()).flatten(),
        agency_responsible: cat.map(|c| s.agency(c, r.district_code.as_deref())),
        service_notice: None,
        requested_datetime: iso_in(r.created_at, tz),
        updated_datetime: iso_in(r.updated_at, tz),
        expected_datetime: status.is_open().then(|| iso_in(r.resolve_due_at, tz)),
        address: (!r.address.is_empty()).then(|| r.address.clone()),
        address_id: None,
        zipcode: None,
        lat: r.lat,
        long: r.lon,
        media_url: media,
    }
}

/// The specification's list document of some reports.
fn render_list(
    state: &AppState,
    ctx: &Ctx,
    tenant: &Tenant,
    s: &TenantSetup,
    rows: &[PublicRow],
    format: Format,
) -> String {
    let base = crate::platform::web::context::public_base(state, Some(ctx));
    let tz = zone(&tenant.time_zone);
    let list: Vec<ServiceRequest> = rows
        .iter()
        .map(|r| {
            let media = r
                .first_photo
                .map(|p| format!("{base}/{}/reports/photos/{}", tenant.slug, p.simple()));
            request_of(s, r, ctx.lang(), tz, media)
        })
        .collect();
    open311::list(format, "service_requests", &list)
}

fn ts(t: chrono::DateTime<chrono::FixedOffset>) -> Timestamp {
    Timestamp::truncated(t.with_timezone(&chrono::Utc))
}

async fn requests(
    state: &AppState,
    ctx: &Ctx,
    format: Format,
    query: Option<&str>,
) -> Result<Response, Response> {
    let p = pairs(query).map_err(|e| fail(format, e))?;
    let q = RequestQuery::parse(&p).map_err(|e| fail(format, e))?;
    let tenant = jurisdiction(state, q.jurisdiction_id.as_deref()).map_err(|e| fail(format, e))?;
    let s = setup(state, &tenant).await.map_err(internal(format))?;
    // Public lists are the same for every caller: one rendered a moment
    // ago for the same query is served again while no report was written
    // (identifier lookups are always read afresh).
    let module = super::reports(state).map_err(internal(format))?;
    let cache_key = q.service_request_ids.is_empty().then(|| {
        let mut pairs: Vec<&(String, String)> = p.iter().filter(|(k, _)| k != "api_key").collect();
        pairs.sort();
        let base = crate::platform::web::context::public_base(state, Some(ctx));
        let mut key = format!(
            "{}|{format:?}|{}|{base}",
            tenant.id.as_uuid(),
            ctx.lang().tag()
        );
        for (k, v) in pairs {
            key.push('|');
            key.push_str(k);
            key.push('=');
            key.push_str(v);
        }
        key
    });
    if let Some(body) = cache_key.as_deref().and_then(|k| module.cached_list(k)) {
        return Ok(answer_bytes(StatusCode::OK, format, body));
    }
    let writes = store::writes();
    let mut f = Filter::default();
    if !q.service_request_ids.is_empty() {
        // The identifiers override every other filter.
        f.ids = q
            .service_request_ids
            .iter()
            .filter_map(|i| Uuid::parse_str(i).ok())
            .take(q.page_size as usize)
            .collect();
        if f.ids.is_empty() {
            return Ok(answer(
                StatusCode::OK,
                format,
                open311::list::<ServiceRequest>(format, "service_requests", &[]),
            ));
        }
        f.limit = f.ids.len() as i64;
        let rows = store::public_list(&state.db, tenant.id, &f)
            .await
            .map_err(|e| internal(format)(e.into()))?;
        let body = render_list(state, ctx, &tenant, &s, &rows, format);
        return Ok(answer(StatusCode::OK, format, body));
    }
    for code in &q.service_codes {
        let c = s.by_code(code).ok_or_else(|| {
            fail(
                format,
                Error::bad_request(format!("unknown service_code {code:?}")),
            )
        })?;
        f.categories.push(c.id);
    }
    let now = state.clock.now_ts();
    let to = q.end_date.map(ts).unwrap_or(now);
    let from = q
        .start_date
        .map(ts)
        .unwrap_or(Timestamp::truncated(to.0 - chrono::Duration::days(90)));
    f.from = Some(from);
    f.to = Some(to);
    let open = q.statuses.contains(&open311::Status::Open);
    let closed = q.statuses.contains(&open311::Status::Closed);
    f.statuses = match (open, closed) {
        (true, false) => Status::OPEN.to_vec(),
        (false, true) => Status::CLOSED.to_vec(),
        _ => Vec::new(),
    };
    let size = i64::from(q.page_size);
    let offset = i64::from(q.page.saturating_sub(1)) * size;
    if let Some((lat, lon, radius)) = q.near {
        f.bbox = Some(open311::bounding_box(lat, lon, radius));
        f.circle = Some((lat, lon, radius));
    }
    f.limit = size;
    f.offset = offset;
    let rows = store::public_list(&state.db, tenant.id, &f)
        .await
        .map_err(|e| internal(format)(e.into()))?;
    let body = Bytes::from(render_list(state, ctx, &tenant, &s, &rows, format));
    if let Some(key) = cache_key {
        module.keep_list(key, writes, body.clone());
    }
    Ok(answer_bytes(StatusCode::OK, format, body))
}

/// `GET /open311/v2/requests/{id}.{json|xml}`: a one-element list.
pub async fn request(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let (id, format) = match split(&file) {
        Ok(v) => v,
        Err(r) => return *r,
    };
    let run = async {
        let p = pairs(query.as_deref()).map_err(|e| fail(format, e))?;
        let tenant = jurisdiction_of(&state, &p).map_err(|e| fail(format, e))?;
        let s = setup(&state, &tenant).await.map_err(internal(format))?;
        let not_found = || {
            fail(
                format,
                Error::new(404, format!("service_request_id {id:?} not found")),
            )
        };
        let id = Uuid::parse_str(id).map_err(|_| not_found())?;
        let f = Filter {
            ids: vec![id],
            limit: 1,
            ..Filter::default()
        };
        let rows = store::public_list(&state.db, tenant.id, &f)
            .await
            .map_err(|e| internal(format)(e.into()))?;
        if rows.is_empty() {
            return Err(not_found());
        }
        Ok(answer(
            StatusCode::OK,
            format,
            render_list(&state, &ctx, &tenant, &s, &rows, format),
        ))
    };
    run.await.unwrap_or_else(|r| r)
}

/// `GET /open311/v2/tokens/{token}.{json|xml}`
pub async fn token(
    State(state): State<AppState>,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let (token, format) = match split(&file) {
        Ok(v) => v,
        Err(r) => return *r,
    };
    let run = async {
        let p = pairs(query.as_deref()).map_err(|e| fail(format, e))?;
        let tenant = jurisdiction_of(&state, &p).map_err(|e| fail(format, e))?;
        let id = store::report_id_by_token(&state.db, tenant.id, token)
            .await
            .map_err(|e| internal(format)(e.into()))?
            .ok_or_else(|| {
                fail(
                    format,
                    Error::new(404, format!("token {token:?} not found")),
                )
            })?;
        let a = open311::TokenAnswer {
            service_request_id: Some(id.to_string()),
            token: token.to_owned(),
        };
        Ok::<Response, Response>(answer(
            StatusCode::OK,
            format,
            open311::list(format, "service_requests", &[a]),
        ))
    };
    run.await.unwrap_or_else(|r| r)
}

async fn updates(
    state: &AppState,
    format: Format,
    query: Option<&str>,
) -> Result<Response, Response> {
    let p = pairs(query).map_err(|e| fail(format, e))?;
    let tenant = jurisdiction_of(state, &p).map_err(|e| fail(format, e))?;
    let get = |k: &str| p.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let parse = |k: &str| -> Result<Option<Timestamp>, Error> {
        match get(k) {
            None | Some("") => Ok(None),
            Some(v) => open311::parse_datetime(v)
                .map(|t| Some(ts(t)))
                .ok_or_else(|| Error::bad_request(format!("{k} is not a date-time"))),
        }
    };
    let now = state.clock.now_ts();
    let to = parse("end_date")
        .map_err(|e| fail(format, e))?
        .unwrap_or(now);
    let from = parse("start_date")
        .map_err(|e| fail(format, e))?
        .unwrap_or(Timestamp::truncated(to.0 - chrono::Duration::days(90)));
    let rows = store::public_updates_between(&state.db, tenant.id, from, to, 1000)
        .await
        .map_err(|e| internal(format)(e.into()))?;
    let list: Vec<open311::RequestUpdate> = rows
        .into_iter()
        .map(|u| {
            let status = u.status.as_deref().and_then(Status::parse);
            open311::RequestUpdate {
                update_id: u.update_id.to_string(),
                service_request_id: u.report_id.to_string(),
                status: status.map(|s| s.open311()).unwrap_or("open").into(),
                external_status_code: u.status.clone(),
                updated_datetime: iso(u.created_at, &tenant.time_zone),
                description: u.text,
                media_url: None,
            }
        })
        .collect();
    Ok(answer(
        StatusCode::OK,
        format,
        open311::list(format, "service_request_updates", &list),
    ))
}

/// Whether `key` is an unrevoked Open311 client key of the tenant or the
/// API token of an account that may work on reports there.
async fn key_allowed(state: &AppState, tenant: &Tenant, key: &str) -> Result<bool, WebError> {
    let hash = super::staff::key_hash(key);
    if store::client_by_key(&state.db, tenant.id, &hash)
        .await?
        .is_some()
    {
        return Ok(true);
    }
    let p = crate::platform::auth::store::principal_for_token(&state.db, key).await?;
    Ok(crate::platform::auth::may(
        p.as_ref(),
        Permission::WorkOnReports,
        tenant.id,
    ))
}

/// `POST /open311/v2/requests.{json|xml}` (form-encoded, `api_key`
/// required).
pub async fn post_root(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(file): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let (name, format) = match split(&file) {
        Ok(v) => v,
        Err(r) => return *r,
    };
    if name != "requests" {
        return fail(format, Error::new(404, "no such resource"));
    }
    let form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| {
            v.trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        });
    if !form {
        return fail(
            format,
            Error::bad_request("send the request as application/x-www-form-urlencoded"),
        );
    }
    let pairs: Vec<(String, String)> = match serde_urlencoded::from_bytes(&body) {
        Ok(p) => p,
        Err(_) => return fail(format, Error::bad_request("the form is malformed")),
    };
    create(&state, &ctx, format, &pairs)
        .await
        .unwrap_or_else(|r| r)
}

async fn create(
    state: &AppState,
    ctx: &Ctx,
    format: Format,
    pairs: &[(String, String)],
) -> Result<Response, Response> {
    let (jid, key) = open311::credentials(pairs);
    let tenant = jurisdiction(state, jid.as_deref()).map_err(|e| fail(format, e))?;
    let allowed = match &key {
        Some(k) => key_allowed(state, &tenant, k)
            .await
            .map_err(internal(format))?,
        None => false,
    };
    if !allowed {
        return Err(fail(format, Error::new(403, "a valid api_key is required")));
    }
    let req = NewRequest::parse(pairs).map_err(|e| fail(format, e))?;
    let s = setup(state, &tenant).await.map_err(internal(format))?;
    let cat = s
        .by_code(&req.service_code)
        .filter(|c| c.active)
        .ok_or_else(|| {
            fail(
                format,
                Error::bad_request(format!("unknown service_code {:?}", req.service_code)),
            )
        })?;
    let bad = |m: &str| fail(format, Error::bad_request(m));
    if req.description.chars().count() > model::MAX_DESCRIPTION {
        return Err(bad("description is longer than 4,000 characters"));
    }
    if req.description.trim().is_empty() {
        return Err(bad("description is required"));
    }
    let (lat, lon, address) = match &req.location {
        Location::Point { lat, long, address } => {
            if !s.area.contains(*lat, *long) {
                return Err(bad("lat/long lie outside the jurisdiction"));
            }
            (Some(*lat), Some(*long), address.clone().unwrap_or_default())
        }
        Location::Address(a) => (None, None, a.clone()),
    };
    if address.chars().count() > model::MAX_LINE {
        return Err(bad("address_string is too long"));
    }
    let attr = |code: &str| {
        req.attributes
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, v)| v.as_str())
    };
    let time = if cat.kind == Kind::UnsafePlace {
        Some(
            attr("time_of_day")
                .and_then(TimeOfDay::parse)
                .ok_or_else(|| {
                    bad("attribute[time_of_day] is required: morning, day, evening or night")
                })?,
        )
    } else {
        None
    };
    let email = match &req.email {
        Some(e) if crate::platform::mail::valid_address(e) => Some(e.clone()),
        Some(_) => return Err(bad("email is not a valid address")),
        None => None,
    };
    let name = [req.first_name.as_deref(), req.last_name.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let district = match (lat, lon) {
        (Some(a), Some(b)) => model::nearest_district(&s.districts, a, b),
        _ => None,
    };
    let id = Uuid::now_v7();
    let token = Uuid::new_v4().simple().to_string();
    let now = state.clock.now_ts();
    let run = async {
        let mut tx = state.db.begin().await?;
        store::insert_report(
            &mut tx,
            tenant.id,
            &store::NewReport {
                report_id: id,
                category: cat,
                district_code: district.as_deref(),
                lat,
                lon,
                address: &address,
                description: req.description.trim(),
                public_description: None,
                time_of_day: time.map(|t| t.as_str()),
                walk: attr("walk") == Some("yes") && cat.kind == Kind::UnsafePlace,
                reporter_name: (!name.is_empty()).then_some(name.as_str()),
                reporter_email: email.as_deref(),
                reporter_lang: ctx.lang().tag(),
                follow_hash: None,
                token: &token,
                source: "open311",
                status: Status::Open,
                created_at: now,
            },
        )
        .await?;
        audit::append(
            &mut tx,
            tenant.id,
            now,
            &Entry::new(Actor::Anonymous, "report.submit", "report", id)
                .details(serde_json::json!({ "category": cat.code, "via": "open311" })),
        )
        .await?;
        tx.commit().await?;
        Ok::<(), WebError>(())
    };
    run.await.map_err(internal(format))?;
    let created = open311::RequestCreated {
        service_request_id: Some(id.to_string()),
        token: Some(token),
        service_notice: Some(Tr::new(ctx.lang()).t("reports-open311-notice").into_owned()),
        account_id: None,
    };
    Ok(answer(
        StatusCode::OK,
        format,
        open311::list(format, "service_requests", &[created]),
    ))
}
