//! Reports of defects in public space and of unsafe places (Angsträume):
//! reporting without an account and without JavaScript (pin or address),
//! photos stripped of metadata, duplicate suggestions, routing by category
//! and district to the department that can act (city offices and
//! contractors; police prevention and the order partnership for unsafe
//! places), the staff inbox with moderation, honest closing states and
//! targets, subscriptions, the public list with a server-drawn map,
//! exports, the neighbourhood-lab import and a strictly conformant Open311
//! GeoReport v2 API (`open311.rs`).
//!
//! Reporter name, e-mail and photo metadata never leave the staff pages:
//! public pages, Open311 and exports read only the moderated text.

pub mod demo;
pub mod generate;
pub mod map;
pub mod model;
pub mod open311;
pub mod pages;
pub mod staff;
pub mod store;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use axum::http::Method;
use uuid::Uuid;

use crate::platform::auth::{Permission, Role};
use crate::platform::db::Timestamp;
use crate::platform::tenants::{Tenant, TenantId};
use crate::platform::web::{Access, AppState, Ctx, Routes, WebError};
use model::{Area, Category, Scope};

pub fn routes(r: &mut Routes) {
    let public = Access::Public;
    r.add(Method::GET, "/{tenant}/reports", public, pages::list);
    r.add(
        Method::GET,
        "/{tenant}/reports/new",
        public,
        pages::new_form,
    );
    r.add(
        Method::GET,
        "/{tenant}/reports/new/details",
        public,
        pages::details_form,
    );
    r.add(Method::POST, "/{tenant}/reports/new", public, pages::submit);
    r.add(
        Method::GET,
        "/{tenant}/reports/view/{id}",
        public,
        pages::view,
    );
    r.add(
        Method::POST,
        "/{tenant}/reports/view/{id}/subscribe",
        public,
        pages::subscribe,
    );
    r.add(
        Method::POST,
        "/{tenant}/reports/subscribe",
        public,
        pages::subscribe_area,
    );
    r.add(
        Method::GET,
        "/{tenant}/reports/unsubscribe/{token}",
        public,
        pages::unsubscribe_form,
    );
    r.add(
        Method::POST,
        "/{tenant}/reports/unsubscribe/{token}",
        public,
        pages::unsubscribe,
    );
    r.add(
        Method::GET,
        "/{tenant}/reports/follow/{token}",
        public,
        pages::follow,
    );
    r.add(
        Method::POST,
        "/{tenant}/reports/follow/{token}/reopen",
        public,
        pages::reopen,
    );
    r.add(
        Method::GET,
        "/{tenant}/reports/photos/{file}",
        public,
        pages::photo,
    );
    r.add(
        Method::GET,
        "/{tenant}/reports/export.csv",
        public,
        pages::export_csv,
    );
    r.add(
        Method::GET,
        "/{tenant}/reports/export.geojson",
        public,
        pages::export_geojson,
    );
    let work = Access::Permission(Permission::WorkOnReports);
    r.add(Method::GET, "/{tenant}/staff/reports", work, staff::inbox);
    r.add(
        Method::GET,
        "/{tenant}/staff/reports/{id}",
        work,
        staff::report,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/reports/{id}/status",
        work,
        staff::status,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/reports/{id}/moderate",
        work,
        staff::moderate,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/reports/{id}/notes",
        work,
        staff::note,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/reports/{id}/photos/{file}",
        work,
        staff::photo,
    );
    let manage = Access::Permission(Permission::ManageReports);
    r.add(
        Method::GET,
        "/{tenant}/staff/report-statistics",
        manage,
        staff::statistics,
    );
    r.add(
        Method::GET,
        "/{tenant}/staff/report-import",
        manage,
        staff::import_form,
    );
    r.add(
        Method::POST,
        "/{tenant}/staff/report-import",
        manage,
        staff::import,
    );
    let configure = Access::Permission(Permission::ConfigureReports);
    r.add(
        Method::GET,
        "/{tenant}/admin/report-categories",
        configure,
        staff::categories,
    );
    r.add(
        Method::POST,
        "/{tenant}/admin/report-categories/{id}",
        configure,
        staff::save_category,
    );
    r.add(
        Method::GET,
        "/{tenant}/admin/report-routing",
        configure,
        staff::routing,
    );
    r.add(
        Method::GET,
        "/{tenant}/admin/report-routing/{code}",
        configure,
        staff::routing_form,
    );
    r.add(
        Method::POST,
        "/{tenant}/admin/report-routing/{code}",
        configure,
        staff::save_routing,
    );
    r.add(
        Method::GET,
        "/{tenant}/admin/report-map",
        configure,
        staff::map_settings,
    );
    r.add(
        Method::POST,
        "/{tenant}/admin/report-map",
        configure,
        staff::save_map_settings,
    );
    r.add(
        Method::GET,
        "/{tenant}/admin/open311-clients",
        configure,
        staff::clients,
    );
    r.add(
        Method::POST,
        "/{tenant}/admin/open311-clients",
        configure,
        staff::create_client,
    );
    r.add(
        Method::POST,
        "/{tenant}/admin/open311-clients/{id}/revoke",
        configure,
        staff::revoke_client,
    );
    open311::routes(r);
}

/// The module's background jobs: the hourly purge of contact data and
/// followers of reports closed for 90 days (`store::purge`).
pub fn jobs(state: &AppState) -> Vec<crate::platform::jobs::Job> {
    let s = state.clone();
    vec![crate::platform::jobs::Job {
        name: "reports.purge",
        every: chrono::Duration::hours(1),
        run: Arc::new(move || {
            let s = s.clone();
            Box::pin(async move {
                let p = store::purge(&s.db, s.clock.now_ts())
                    .await
                    .map_err(|e| e.to_string())?;
                if p != store::Purged::default() {
                    tracing::info!(
                        contacts = p.contacts,
                        subscriptions = p.subscriptions,
                        unsubscribe_tokens = p.unsubscribe_tokens,
                        "purged contact data of closed reports"
                    );
                }
                Ok(())
            })
        }),
    }]
}

/// The module's entries on the start and staff pages.
pub fn nav() -> Vec<crate::platform::web::page::NavLink> {
    use crate::platform::web::page::{Audience, NavLink};
    vec![
        NavLink {
            path: "reports/new",
            title_key: "reports-new-title",
            summary_key: "reports-new-summary",
            audience: Audience::Public,
        },
        NavLink {
            path: "reports",
            title_key: "reports-list-title",
            summary_key: "reports-list-summary",
            audience: Audience::Public,
        },
        NavLink {
            path: "staff/reports",
            title_key: "reports-staff-title",
            summary_key: "reports-staff-summary",
            audience: Audience::Staff(Permission::WorkOnReports),
        },
        NavLink {
            path: "staff/report-statistics",
            title_key: "reports-stats-title",
            summary_key: "reports-stats-summary",
            audience: Audience::Staff(Permission::ManageReports),
        },
        NavLink {
            path: "admin/report-categories",
            title_key: "reports-categories-title",
            summary_key: "reports-categories-summary",
            audience: Audience::Staff(Permission::ConfigureReports),
        },
        NavLink {
            path: "admin/report-routing",
            title_key: "reports-routing-title",
            summary_key: "reports-routing-summary",
            audience: Audience::Staff(Permission::ConfigureReports),
        },
        NavLink {
            path: "admin/report-map",
            title_key: "reports-tiles-title",
            summary_key: "reports-tiles-summary",
            audience: Audience::Staff(Permission::ConfigureReports),
        },
    ]
}

/// What the module keeps for the life of the server: a short-lived cache
/// of each tenant's categories and area (read on every Open311 request),
/// and a bound on concurrent image decoding.
#[derive(Clone)]
pub struct Reports {
    cache: Arc<RwLock<SetupCache>>,
    pub images: Arc<tokio::sync::Semaphore>,
    lists: Arc<RwLock<HashMap<String, CachedList>>>,
}

/// A rendered public Open311 list with the count of report writes it was
/// made at ([`store::writes`]) and when.
struct CachedList {
    at: Instant,
    writes: u64,
    body: axum::body::Bytes,
    /// One request is making the list afresh after its time ran out;
    /// the others are served this one meanwhile (no stampede of every
    /// connection recomputing the same list at once).
    refreshing: bool,
}

/// How long a rendered public list is served again: any write to reports
/// on this instance ends it at once; writes on other instances sharing
/// the database show after at most this time.
const LIST_TTL: Duration = Duration::from_secs(2);
/// At most this many lists are kept (distinct queries).
const LIST_ENTRIES: usize = 1024;

/// Each tenant's setup with the time it was read.
type SetupCache = HashMap<TenantId, (Instant, Arc<TenantSetup>)>;

/// A tenant's categories, districts and area.
pub struct TenantSetup {
    pub categories: Vec<Category>,
    pub departments: Vec<model::Department>,
    pub districts: Vec<crate::platform::tenants::District>,
    pub area: Area,
    /// The tenant's tile server for the map (decision 0037), if set.
    pub tiles: Option<model::TileServer>,
}

impl TenantSetup {
    pub fn category(&self, id: Uuid) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    pub fn by_code(&self, code: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.code == code)
    }

    /// The names of the departments a report goes to.
    pub fn agency(&self, cat: &Category, district: Option<&str>) -> String {
        let ids = cat.departments_for(district);
        self.departments
            .iter()
            .filter(|d| ids.contains(&d.id))
            .map(|d| d.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn district_name(&self, code: Option<&str>) -> String {
        code.and_then(|c| self.districts.iter().find(|d| d.code == c))
            .map(|d| d.name.clone())
            .unwrap_or_default()
    }
}

impl Default for Reports {
    fn default() -> Self {
        Reports::new()
    }
}

/// How long a tenant's setup is kept (an edit clears it at once on this
/// instance; other instances see it after this time).
const SETUP_TTL: Duration = Duration::from_secs(5);

impl Reports {
    pub fn new() -> Reports {
        Reports {
            cache: Arc::new(RwLock::new(HashMap::new())),
            images: Arc::new(tokio::sync::Semaphore::new(2)),
            lists: Arc::new(RwLock::new(HashMap::new())),
        }
    }

    /// A list rendered for the same query a moment ago, if no report was
    /// written since.
    pub fn cached_list(&self, key: &str) -> Option<axum::body::Bytes> {
        let writes = store::writes();
        {
            let lists = self.lists.read().ok()?;
            let e = lists.get(key)?;
            if e.writes != writes {
                return None;
            }
            if e.at.elapsed() < LIST_TTL || (e.refreshing && e.at.elapsed() < 2 * LIST_TTL) {
                return Some(e.body.clone());
            }
        }
        // Its time ran out (nothing was written here): this request makes
        // it afresh, the others keep being served this one meanwhile.
        let mut lists = self.lists.write().ok()?;
        let e = lists.get_mut(key)?;
        if e.refreshing && e.at.elapsed() < 2 * LIST_TTL {
            return Some(e.body.clone());
        }
        e.refreshing = true;
        None
    }

    /// Keeps a rendered list made at the given count of writes.
    pub fn keep_list(&self, key: String, writes: u64, body: axum::body::Bytes) {
        if let Ok(mut lists) = self.lists.write() {
            if lists.len() >= LIST_ENTRIES {
                let now = store::writes();
                lists.retain(|_, e| e.writes == now && e.at.elapsed() < LIST_TTL);
                if lists.len() >= LIST_ENTRIES {
                    lists.clear();
                }
            }
            lists.insert(
                key,
                CachedList {
                    at: Instant::now(),
                    writes,
                    body,
                    refreshing: false,
                },
            );
        }
    }

    pub fn forget(&self, tenant: TenantId) {
        if let Ok(mut c) = self.cache.write() {
            c.remove(&tenant);
        }
    }
}

/// The module's state of a running server.
pub fn reports(state: &AppState) -> Result<&Reports, WebError> {
    state.ext.get::<Reports>().ok_or_else(WebError::internal)
}

/// A tenant's categories, districts and area (cached for a few seconds).
pub async fn setup(state: &AppState, tenant: &Tenant) -> Result<Arc<TenantSetup>, WebError> {
    let r = reports(state)?;
    if let Ok(c) = r.cache.read() {
        if let Some((at, s)) = c.get(&tenant.id) {
            if at.elapsed() < SETUP_TTL {
                return Ok(s.clone());
            }
        }
    }
    let categories = store::categories(&state.db, tenant.id).await?;
    let districts = crate::platform::tenants::districts(&state.db, tenant.id).await?;
    let boxes = district_boxes(state, tenant.id).await?;
    let area = model::area(tenant, &boxes, &districts);
    let departments = store::departments(&state.db, tenant.id).await?;
    let tiles = store::tile_server(&state.db, tenant.id)
        .await?
        .and_then(|(url, attribution)| model::TileServer::parse(&url, &attribution).ok());
    let s = Arc::new(TenantSetup {
        categories,
        departments,
        districts,
        area,
        tiles,
    });
    if let Ok(mut c) = r.cache.write() {
        c.insert(tenant.id, (Instant::now(), s.clone()));
    }
    Ok(s)
}

async fn district_boxes(state: &AppState, tenant: TenantId) -> Result<Vec<[f64; 4]>, WebError> {
    let mut conn = state.db.read().await?;
    let rows: Vec<(f64, f64, f64, f64)> = crate::on_db!(conn, c => sqlx::query_as(
        "SELECT min_lat, min_lon, max_lat, max_lon FROM districts
         WHERE tenant_id = $1 AND min_lat IS NOT NULL AND min_lon IS NOT NULL AND max_lat IS NOT NULL AND max_lon IS NOT NULL")
        .bind(tenant.as_uuid()).fetch_all(c).await)
    .map_err(crate::platform::db::DbError::from)?;
    Ok(rows.into_iter().map(|(a, b, c, d)| [a, b, c, d]).collect())
}

/// Which reports the signed-in staff member works on: coordinators all;
/// police the reports routed to police prevention and to the departments
/// they belong to; everyone else the reports of their departments.
pub async fn scope(state: &AppState, ctx: &Ctx) -> Result<Scope, WebError> {
    let tenant = ctx.tenant()?;
    let p = ctx.principal()?;
    if p.has_role_on(tenant.id, Role::Coordinator) {
        return Ok(Scope::All);
    }
    let mut deps = store::memberships(&state.db, tenant.id, p.user_id).await?;
    if p.has_role_on(tenant.id, Role::Police) {
        for d in store::departments(&state.db, tenant.id).await? {
            if d.kind == "police" && !deps.contains(&d.id) {
                deps.push(d.id);
            }
        }
    }
    Ok(Scope::Departments(deps))
}

/// Whether a report routed to `assigned` is in `scope`.
pub fn in_scope(scope: &Scope, assigned: &[Uuid]) -> bool {
    match scope {
        Scope::All => true,
        Scope::Departments(d) => assigned.iter().any(|a| d.contains(a)),
    }
}

/// An unsafe place handed over by another module (a survey's map answer
/// that a coordinator confirmed).
pub struct UnsafePlaceInput<'a> {
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub district_code: Option<&'a str>,
    pub description: &'a str,
    /// `morning`, `day`, `evening` or `night`.
    pub time_of_day: Option<&'a str>,
    /// Where it came from (`survey`).
    pub source: &'a str,
}

/// Files an unsafe-place report (category `other-unsafe`, else the first
/// unsafe-place category) in the caller's transaction, routed like every
/// report and unpublished until staff moderate it. Coordinates outside the
/// municipality are dropped. `None` when the tenant has no such category.
pub async fn file_unsafe_place(
    state: &AppState,
    tx: &mut crate::platform::db::Tx,
    tenant: &Tenant,
    p: &UnsafePlaceInput<'_>,
    now: Timestamp,
) -> Result<Option<Uuid>, WebError> {
    let s = setup(state, tenant).await?;
    let Some(cat) = s.by_code("other-unsafe").or_else(|| {
        s.categories
            .iter()
            .find(|c| c.kind == model::Kind::UnsafePlace)
    }) else {
        return Ok(None);
    };
    let coords = p.lat.zip(p.lon).filter(|(a, b)| s.area.contains(*a, *b));
    let district = match (p.district_code, coords) {
        (Some(d), _) => Some(d.to_owned()),
        (None, Some((a, b))) => model::nearest_district(&s.districts, a, b),
        _ => None,
    };
    let id = Uuid::now_v7();
    let time = p.time_of_day.and_then(model::TimeOfDay::parse);
    store::insert_report(
        tx,
        tenant.id,
        &store::NewReport {
            report_id: id,
            category: cat,
            district_code: district.as_deref(),
            lat: coords.map(|c| c.0),
            lon: coords.map(|c| c.1),
            address: "",
            description: p.description,
            public_description: None,
            time_of_day: time.map(|t| t.as_str()),
            walk: false,
            reporter_name: None,
            reporter_email: None,
            reporter_lang: "de",
            follow_hash: None,
            token: &id.simple().to_string(),
            source: p.source,
            status: model::Status::Open,
            created_at: now,
        },
    )
    .await?;
    Ok(Some(id))
}

/// The tenant's map with district outlines to pick a point on (SVG with
/// the projection in data attributes, as the reporting form uses it), for
/// other modules' forms.
pub async fn pick_map(
    state: &AppState,
    tenant: &Tenant,
    title: &str,
    id: &str,
) -> Result<String, WebError> {
    let s = setup(state, tenant).await?;
    let outlines: Vec<map::Outline> = store::district_outlines(&state.db, tenant.id)
        .await?
        .into_iter()
        .map(|(name, lat, lon, geometry)| map::Outline {
            name,
            centre: lat.zip(lon),
            rings: geometry.as_deref().map(map::rings).unwrap_or_default(),
        })
        .collect();
    Ok(map::svg(s.area, &outlines, &[], None, title, id))
}

/// Where a report's photos live (`<id>.img` and `<id>.thumb.jpg`).
pub fn photo_dir(state: &AppState, tenant: TenantId) -> PathBuf {
    state
        .config
        .data_path("reports")
        .join(tenant.as_uuid().simple().to_string())
}

/// An instant in the tenant's zone with its offset (ISO 8601), e.g.
/// `2025-03-20T18:00:00+01:00`.
pub fn iso(t: Timestamp, tz: &str) -> String {
    iso_in(t, zone(tz))
}

/// A tenant's time zone by name (Europe/Berlin for an unknown name).
pub fn zone(tz: &str) -> chrono_tz::Tz {
    tz.parse().unwrap_or(chrono_tz::Europe::Berlin)
}

/// ISO 8601 with the offset in effect in `tz` at that moment.
pub fn iso_in(t: Timestamp, tz: chrono_tz::Tz) -> String {
    t.0.with_timezone(&tz)
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// A date and time for pages, in the tenant's zone.
pub fn local(t: Timestamp, tz: &str) -> String {
    let tz: chrono_tz::Tz = tz.parse().unwrap_or(chrono_tz::Europe::Berlin);
    t.0.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string()
}

/// Figures of the reports received in a period, for the transparency
/// dashboard: per kind received, fixed, closed otherwise and still open,
/// and the median days from receipt to fixing; per district received.
#[derive(Debug, Clone, Default)]
pub struct PublicFigures {
    /// (kind, received, fixed, closed otherwise, open, median days to fix)
    pub by_kind: Vec<(String, i64, i64, i64, i64, Option<f64>)>,
    /// (district code, received); `""` for reports without a district.
    pub by_district: Vec<(String, i64)>,
}

pub async fn public_figures(
    db: &crate::platform::db::Db,
    tenant: TenantId,
    from: Timestamp,
    to: Timestamp,
) -> Result<PublicFigures, crate::platform::db::DbError> {
    let rows = store::received_between(db, tenant, from, to).await?;
    let fixed = store::fixed_between(db, tenant, from, to).await?;
    let mut out = PublicFigures::default();
    let mut districts: std::collections::BTreeMap<String, i64> = Default::default();
    for kind in model::Kind::ALL {
        let k = kind.as_str();
        let of = |f: &dyn Fn(&str) -> bool| {
            rows.iter()
                .filter(|r| r.0 == k && f(&r.1))
                .map(|r| r.3)
                .sum::<i64>()
        };
        let received = of(&|_| true);
        let done = of(&|s| s == "fixed");
        let closed = of(&|s| s != "fixed" && model::Status::CLOSED.contains(&s));
        let mut days: Vec<f64> = fixed
            .iter()
            .filter(|r| r.0 == k)
            .map(|r| (r.2 .0 - r.1 .0).num_seconds() as f64 / 86_400.0)
            .collect();
        days.sort_by(|a, b| a.total_cmp(b));
        let median = match days.len() {
            0 => None,
            n if n % 2 == 1 => Some(days[n / 2]),
            n => Some((days[n / 2 - 1] + days[n / 2]) / 2.0),
        };
        out.by_kind.push((
            k.to_owned(),
            received,
            done,
            closed,
            received - done - closed,
            median,
        ));
    }
    for r in &rows {
        *districts
            .entry(r.2.clone().unwrap_or_default())
            .or_default() += r.3;
    }
    out.by_district = districts.into_iter().collect();
    Ok(out)
}

/// Open unsafe-place reports by district code and time of day
/// (`morning`, `day`, `evening`, `night`): what the patrol planner reads
/// into its situation picture.
pub async fn open_unsafe_places(
    db: &crate::platform::db::Db,
    tenant: TenantId,
) -> Result<Vec<(Option<String>, Option<String>, i64)>, crate::platform::db::DbError> {
    store::open_unsafe_places(db, tenant).await
}
