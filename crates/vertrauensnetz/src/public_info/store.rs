//! All SQL of public safety information: warnings, their texts, the
//! tenant's warning settings, safe places and their hours.

use uuid::Uuid;

use crate::on_db;
use crate::platform::db::{Db, DbError, Timestamp, Tx};
use crate::platform::tenants::TenantId;

/// Whether a second person must approve, and the languages a tenant adds.
#[derive(Debug, Clone)]
pub struct Settings {
    pub require_approval: bool,
    pub extra_languages: Vec<String>,
}

pub async fn settings(db: &Db, tenant: TenantId) -> Result<Settings, DbError> {
    let mut conn = db.read().await?;
    let row: Option<(bool, String)> = on_db!(conn, c => sqlx::query_as(
        "SELECT require_approval, extra_languages FROM warning_settings WHERE tenant_id = $1")
        .bind(tenant.as_uuid()).fetch_optional(c).await)?;
    Ok(match row {
        Some((require_approval, extra)) => Settings {
            require_approval,
            extra_languages: extra.split_whitespace().map(str::to_owned).collect(),
        },
        // Default: the safer way.
        None => Settings {
            require_approval: true,
            extra_languages: Vec::new(),
        },
    })
}

pub async fn save_settings(tx: &mut Tx, tenant: TenantId, s: &Settings) -> Result<(), DbError> {
    let extra = s.extra_languages.join(" ");
    on_db!(tx, c => sqlx::query(
        "INSERT INTO warning_settings (tenant_id, require_approval, extra_languages) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id) DO UPDATE SET require_approval = excluded.require_approval,
           extra_languages = excluded.extra_languages")
        .bind(tenant.as_uuid()).bind(s.require_approval).bind(&extra)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// A district with its outline (GeoJSON text) if it has one.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DistrictRow {
    pub code: String,
    pub name: String,
    pub centre_lat: Option<f64>,
    pub centre_lon: Option<f64>,
    pub geometry: Option<String>,
}

pub async fn districts(db: &Db, tenant: TenantId) -> Result<Vec<DistrictRow>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT code, name, centre_lat, centre_lon, geometry FROM districts WHERE tenant_id = $1 ORDER BY name")
        .bind(tenant.as_uuid()).fetch_all(c).await)?)
}

/// A warning as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct WarningRow {
    pub warning_id: Uuid,
    pub origin: String,
    pub identifier: String,
    pub sender: String,
    pub msg_type: String,
    pub refers_to: Option<Uuid>,
    pub replaced_by: Option<Uuid>,
    pub status: String,
    pub category: String,
    pub event: String,
    pub urgency: String,
    pub severity: String,
    pub certainty: String,
    pub onset: Option<Timestamp>,
    pub expires: Option<Timestamp>,
    pub area_desc: String,
    pub area_kind: String,
    pub area_value: String,
    pub languages: String,
    pub created_by: Option<Uuid>,
    pub created_at: Timestamp,
    pub approved_by: Option<Uuid>,
    pub sent_at: Option<Timestamp>,
    pub cap_xml: Option<String>,
    /// Raised by every edit of a draft; publication names the one approved.
    pub revision: i32,
    /// Who last edited the draft (an author, for the second-person rule).
    pub edited_by: Option<Uuid>,
}

const WARNING_COLUMNS: &str = "warning_id, origin, identifier, sender, msg_type, refers_to, replaced_by, status, category, event, urgency, severity, certainty, onset, expires, area_desc, area_kind, area_value, languages, created_by, created_at, approved_by, sent_at, cap_xml, revision, edited_by";

/// One language's texts as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TextRow {
    pub lang: String,
    pub headline: String,
    pub description: String,
    pub instruction: String,
}

pub async fn insert_warning(tx: &mut Tx, tenant: TenantId, w: &WarningRow) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO warnings (tenant_id, warning_id, origin, identifier, sender, msg_type, refers_to, replaced_by,
           status, category, event, urgency, severity, certainty, onset, expires, area_desc, area_kind, area_value,
           languages, created_by, created_at, approved_by, sent_at, cap_xml)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25)")
        .bind(tenant.as_uuid()).bind(w.warning_id).bind(&w.origin).bind(&w.identifier).bind(&w.sender)
        .bind(&w.msg_type).bind(w.refers_to).bind(w.replaced_by).bind(&w.status).bind(&w.category)
        .bind(&w.event).bind(&w.urgency).bind(&w.severity).bind(&w.certainty).bind(w.onset).bind(w.expires)
        .bind(&w.area_desc).bind(&w.area_kind).bind(&w.area_value).bind(&w.languages).bind(w.created_by)
        .bind(w.created_at).bind(w.approved_by).bind(w.sent_at).bind(&w.cap_xml)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn insert_text(
    tx: &mut Tx,
    tenant: TenantId,
    warning: Uuid,
    t: &TextRow,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO warning_texts (tenant_id, warning_id, lang, headline, description, instruction)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (tenant_id, warning_id, lang) DO NOTHING")
        .bind(tenant.as_uuid()).bind(warning).bind(&t.lang).bind(&t.headline)
        .bind(&t.description).bind(&t.instruction)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn warning(db: &Db, tenant: TenantId, id: Uuid) -> Result<Option<WarningRow>, DbError> {
    let mut conn = db.read().await?;
    let sql =
        format!("SELECT {WARNING_COLUMNS} FROM warnings WHERE tenant_id = $1 AND warning_id = $2");
    Ok(on_db!(conn, c => sqlx::query_as(&sql)
        .bind(tenant.as_uuid()).bind(id).fetch_optional(c).await)?)
}

/// The warning row under the transaction's write lock.
pub async fn lock_warning(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
) -> Result<Option<WarningRow>, DbError> {
    let sql = format!(
        "UPDATE warnings SET status = status WHERE tenant_id = $1 AND warning_id = $2 RETURNING {WARNING_COLUMNS}"
    );
    Ok(on_db!(tx, c => sqlx::query_as(&sql)
        .bind(tenant.as_uuid()).bind(id).fetch_optional(c).await)?)
}

pub async fn texts(db: &Db, tenant: TenantId, id: Uuid) -> Result<Vec<TextRow>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT lang, headline, description, instruction FROM warning_texts
         WHERE tenant_id = $1 AND warning_id = $2")
        .bind(tenant.as_uuid()).bind(id).fetch_all(c).await)?)
}

pub async fn texts_tx(tx: &mut Tx, tenant: TenantId, id: Uuid) -> Result<Vec<TextRow>, DbError> {
    Ok(on_db!(tx, c => sqlx::query_as(
        "SELECT lang, headline, description, instruction FROM warning_texts
         WHERE tenant_id = $1 AND warning_id = $2")
        .bind(tenant.as_uuid()).bind(id).fetch_all(c).await)?)
}

/// Marks a draft published, only if it still is a draft at the revision
/// the approver saw.
pub async fn publish(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    revision: i32,
    approved_by: Option<Uuid>,
    sent_at: Timestamp,
    cap_xml: &str,
) -> Result<bool, DbError> {
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE warnings SET status = 'published', approved_by = $4, sent_at = $5, cap_xml = $6
         WHERE tenant_id = $1 AND warning_id = $2 AND status = 'draft' AND revision = $3")
        .bind(tenant.as_uuid()).bind(id).bind(revision).bind(approved_by).bind(sent_at).bind(cap_xml)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Replaces a draft's fields and texts and raises its revision, only while
/// it is a draft. `w` carries the new values.
pub async fn update_draft(
    tx: &mut Tx,
    tenant: TenantId,
    w: &WarningRow,
    texts: &[TextRow],
    editor: Uuid,
) -> Result<Option<i32>, DbError> {
    let row: Option<(i32,)> = on_db!(tx, c => sqlx::query_as(
        "UPDATE warnings SET category = $3, event = $4, urgency = $5, severity = $6, certainty = $7,
           onset = $8, expires = $9, area_desc = $10, area_kind = $11, area_value = $12, languages = $13,
           revision = revision + 1, edited_by = $14
         WHERE tenant_id = $1 AND warning_id = $2 AND status = 'draft' AND origin = 'own'
         RETURNING revision")
        .bind(tenant.as_uuid()).bind(w.warning_id).bind(&w.category).bind(&w.event).bind(&w.urgency)
        .bind(&w.severity).bind(&w.certainty).bind(w.onset).bind(w.expires).bind(&w.area_desc)
        .bind(&w.area_kind).bind(&w.area_value).bind(&w.languages).bind(editor)
        .fetch_optional(c).await)?;
    let Some((revision,)) = row else {
        return Ok(None);
    };
    on_db!(tx, c => sqlx::query(
        "DELETE FROM warning_texts WHERE tenant_id = $1 AND warning_id = $2")
        .bind(tenant.as_uuid()).bind(w.warning_id).execute(c).await.map(|_| ()))?;
    for t in texts {
        insert_text(tx, tenant, w.warning_id, t).await?;
    }
    Ok(Some(revision))
}

/// Deletes a draft that was never published, with its texts.
pub async fn discard_draft(tx: &mut Tx, tenant: TenantId, id: Uuid) -> Result<bool, DbError> {
    on_db!(tx, c => sqlx::query(
        "DELETE FROM warning_texts WHERE tenant_id = $1 AND warning_id = $2
           AND EXISTS (SELECT 1 FROM warnings w WHERE w.tenant_id = $1 AND w.warning_id = $2
                       AND w.status = 'draft' AND w.origin = 'own')")
        .bind(tenant.as_uuid()).bind(id).execute(c).await.map(|_| ()))?;
    let n = on_db!(tx, c => sqlx::query(
        "DELETE FROM warnings WHERE tenant_id = $1 AND warning_id = $2 AND status = 'draft' AND origin = 'own'")
        .bind(tenant.as_uuid()).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// The earlier message is replaced by an Update or Cancel.
pub async fn mark_replaced(
    tx: &mut Tx,
    tenant: TenantId,
    earlier: Uuid,
    by: Uuid,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "UPDATE warnings SET replaced_by = $3 WHERE tenant_id = $1 AND warning_id = $2")
        .bind(tenant.as_uuid()).bind(earlier).bind(by)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Every warning (staff list), newest first.
pub async fn all_warnings(db: &Db, tenant: TenantId) -> Result<Vec<WarningRow>, DbError> {
    let mut conn = db.read().await?;
    let sql = format!(
        "SELECT {WARNING_COLUMNS} FROM warnings WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT 500"
    );
    Ok(on_db!(conn, c => sqlx::query_as(&sql)
        .bind(tenant.as_uuid()).fetch_all(c).await)?)
}

/// Published warnings (own and imported), newest first.
pub async fn published(db: &Db, tenant: TenantId, limit: i64) -> Result<Vec<WarningRow>, DbError> {
    let mut conn = db.read().await?;
    let sql = format!(
        "SELECT {WARNING_COLUMNS} FROM warnings WHERE tenant_id = $1 AND status = 'published'
         ORDER BY sent_at DESC LIMIT $2"
    );
    Ok(on_db!(conn, c => sqlx::query_as(&sql)
        .bind(tenant.as_uuid()).bind(limit).fetch_all(c).await)?)
}

/// Whether a message with this sender and identifier is already stored.
pub async fn identifier_taken(
    tx: &mut Tx,
    tenant: TenantId,
    sender: &str,
    identifier: &str,
) -> Result<Option<Uuid>, DbError> {
    let row: Option<(Uuid,)> = on_db!(tx, c => sqlx::query_as(
        "SELECT warning_id FROM warnings WHERE tenant_id = $1 AND sender = $2 AND identifier = $3")
        .bind(tenant.as_uuid()).bind(sender).bind(identifier).fetch_optional(c).await)?;
    Ok(row.map(|r| r.0))
}

// ---- safe places -------------------------------------------------------

/// A safe place or help point as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlaceRow {
    pub place_id: Uuid,
    pub kind: String,
    pub status: String,
    pub name: String,
    pub address: String,
    pub district_code: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub help: String,
    pub languages: String,
    pub step_free: bool,
    pub toilet: bool,
    pub quiet_room: bool,
    pub event_id: Option<Uuid>,
    pub contact: String,
    pub note: String,
    pub created_at: Timestamp,
    pub decided_by: Option<Uuid>,
}

const PLACE_COLUMNS: &str = "place_id, kind, status, name, address, district_code, lat, lon, help, languages, step_free, toilet, quiet_room, event_id, contact, note, created_at, decided_by";

pub async fn insert_place(tx: &mut Tx, tenant: TenantId, p: &PlaceRow) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO safe_places (tenant_id, place_id, kind, status, name, address, district_code, lat, lon, help,
           languages, step_free, toilet, quiet_room, event_id, contact, note, created_at, decided_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)")
        .bind(tenant.as_uuid()).bind(p.place_id).bind(&p.kind).bind(&p.status).bind(&p.name)
        .bind(&p.address).bind(&p.district_code).bind(p.lat).bind(p.lon).bind(&p.help)
        .bind(&p.languages).bind(p.step_free).bind(p.toilet).bind(p.quiet_room).bind(p.event_id)
        .bind(&p.contact).bind(&p.note).bind(p.created_at).bind(p.decided_by)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn insert_hours(
    tx: &mut Tx,
    tenant: TenantId,
    place: Uuid,
    weekday: i32,
    opens: i32,
    closes: i32,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO safe_place_hours (tenant_id, place_id, weekday, opens_min, closes_min) VALUES ($1, $2, $3, $4, $5)")
        .bind(tenant.as_uuid()).bind(place).bind(weekday).bind(opens).bind(closes)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn insert_exception(
    tx: &mut Tx,
    tenant: TenantId,
    place: Uuid,
    day: &str,
    hours: Option<(i32, i32)>,
    note: &str,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO safe_place_exceptions (tenant_id, place_id, day, opens_min, closes_min, note) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(tenant.as_uuid()).bind(place).bind(day).bind(hours.map(|h| h.0)).bind(hours.map(|h| h.1)).bind(note)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn insert_holiday(
    tx: &mut Tx,
    tenant: TenantId,
    day: &str,
    name: &str,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO safe_place_holidays (tenant_id, day, name) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, day) DO NOTHING")
        .bind(tenant.as_uuid()).bind(day).bind(name)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn places(db: &Db, tenant: TenantId, status: &str) -> Result<Vec<PlaceRow>, DbError> {
    let mut conn = db.read().await?;
    let sql = format!(
        "SELECT {PLACE_COLUMNS} FROM safe_places WHERE tenant_id = $1 AND status = $2 ORDER BY name"
    );
    Ok(on_db!(conn, c => sqlx::query_as(&sql)
        .bind(tenant.as_uuid()).bind(status).fetch_all(c).await)?)
}

/// (place, weekday, opens, closes) of every place of the tenant.
pub async fn all_hours(db: &Db, tenant: TenantId) -> Result<Vec<(Uuid, i32, i32, i32)>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT place_id, weekday, opens_min, closes_min FROM safe_place_hours WHERE tenant_id = $1
         ORDER BY weekday, opens_min")
        .bind(tenant.as_uuid()).fetch_all(c).await)?)
}

/// (place, day, opens, closes, note) of every exception of the tenant.
#[allow(clippy::type_complexity)]
pub async fn all_exceptions(
    db: &Db,
    tenant: TenantId,
) -> Result<Vec<(Uuid, String, Option<i32>, Option<i32>, String)>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT place_id, day, opens_min, closes_min, note FROM safe_place_exceptions WHERE tenant_id = $1 ORDER BY day")
        .bind(tenant.as_uuid()).fetch_all(c).await)?)
}

pub async fn holidays(db: &Db, tenant: TenantId) -> Result<Vec<(String, String)>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT day, name FROM safe_place_holidays WHERE tenant_id = $1 ORDER BY day")
        .bind(tenant.as_uuid()).fetch_all(c).await)?)
}

/// One place of any status.
pub async fn place(db: &Db, tenant: TenantId, id: Uuid) -> Result<Option<PlaceRow>, DbError> {
    let mut conn = db.read().await?;
    let sql =
        format!("SELECT {PLACE_COLUMNS} FROM safe_places WHERE tenant_id = $1 AND place_id = $2");
    Ok(on_db!(conn, c => sqlx::query_as(&sql)
        .bind(tenant.as_uuid()).bind(id).fetch_optional(c).await)?)
}

/// Replaces a listed place's or an application's fields, weekly hours and
/// dated exceptions. False when there is no such place (or it was removed).
pub async fn update_place(
    tx: &mut Tx,
    tenant: TenantId,
    p: &PlaceRow,
    rules: &[(i32, i32, i32)],
    exceptions: &[(String, Option<(i32, i32)>)],
) -> Result<bool, DbError> {
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE safe_places SET kind = $3, name = $4, address = $5, district_code = $6, lat = $7, lon = $8,
           help = $9, languages = $10, step_free = $11, toilet = $12, quiet_room = $13, event_id = $14,
           contact = $15, note = $16
         WHERE tenant_id = $1 AND place_id = $2 AND status IN ('active', 'applied')")
        .bind(tenant.as_uuid()).bind(p.place_id).bind(&p.kind).bind(&p.name).bind(&p.address)
        .bind(&p.district_code).bind(p.lat).bind(p.lon).bind(&p.help).bind(&p.languages)
        .bind(p.step_free).bind(p.toilet).bind(p.quiet_room).bind(p.event_id).bind(&p.contact).bind(&p.note)
        .execute(c).await.map(|r| r.rows_affected()))?;
    if n != 1 {
        return Ok(false);
    }
    clear_hours(tx, tenant, p.place_id).await?;
    for (weekday, opens, closes) in rules {
        insert_hours(tx, tenant, p.place_id, *weekday, *opens, *closes).await?;
    }
    for (day, hours) in exceptions {
        insert_exception(tx, tenant, p.place_id, day, *hours, "").await?;
    }
    Ok(true)
}

async fn clear_hours(tx: &mut Tx, tenant: TenantId, place: Uuid) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query("DELETE FROM safe_place_hours WHERE tenant_id = $1 AND place_id = $2")
        .bind(tenant.as_uuid()).bind(place).execute(c).await.map(|_| ()))?;
    on_db!(tx, c => sqlx::query("DELETE FROM safe_place_exceptions WHERE tenant_id = $1 AND place_id = $2")
        .bind(tenant.as_uuid()).bind(place).execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Removes a place from every list: the row stays (status `removed`, so the
/// audit entries keep pointing at something), its contact, note and hours
/// are deleted.
pub async fn remove_place(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    by: Uuid,
) -> Result<bool, DbError> {
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE safe_places SET status = 'removed', contact = '', note = '', decided_by = $3
         WHERE tenant_id = $1 AND place_id = $2 AND status IN ('active', 'applied')")
        .bind(tenant.as_uuid()).bind(id).bind(by)
        .execute(c).await.map(|r| r.rows_affected()))?;
    if n != 1 {
        return Ok(false);
    }
    clear_hours(tx, tenant, id).await?;
    Ok(true)
}

/// Decides an application (only while it is one).
pub async fn decide_place(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    status: &str,
    by: Uuid,
) -> Result<bool, DbError> {
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE safe_places SET status = $3, decided_by = $4 WHERE tenant_id = $1 AND place_id = $2 AND status = 'applied'")
        .bind(tenant.as_uuid()).bind(id).bind(status).bind(by)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}
