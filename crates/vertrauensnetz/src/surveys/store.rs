//! All SQL of surveys. Every query is scoped by tenant.

use uuid::Uuid;

use super::model::{Answer, Profile, Question, Texts};
use crate::on_db;
use crate::platform::db::{Db, DbError, Timestamp, Tx};
use crate::platform::tenants::TenantId;

/// A survey as stored, with its series.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SurveyRow {
    pub survey_id: Uuid,
    pub series_id: Uuid,
    pub series_name: String,
    pub wave: i32,
    pub status: String,
    pub distribution: String,
    pub opens_on: Option<String>,
    pub closes_on: Option<String>,
    pub published: bool,
    pub created_at: Timestamp,
}

const SURVEY_COLUMNS: &str =
    "s.survey_id, s.series_id, r.name AS series_name, s.wave, s.status, s.distribution,
    s.opens_on, s.closes_on, s.published, s.created_at";

pub async fn insert_series(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    name: &str,
    now: Timestamp,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO survey_series (tenant_id, series_id, name, created_at) VALUES ($1, $2, $3, $4)")
        .bind(tenant.as_uuid()).bind(id).bind(name).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn series(db: &Db, tenant: TenantId) -> Result<Vec<(Uuid, String)>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT series_id, name FROM survey_series WHERE tenant_id = $1 ORDER BY name")
        .bind(tenant.as_uuid()).fetch_all(c).await)?)
}

/// The next wave number of a series, read in the writing transaction (the
/// unique index on (tenant, series, wave) refuses a concurrent duplicate).
pub async fn next_wave(tx: &mut Tx, tenant: TenantId, series: Uuid) -> Result<i32, DbError> {
    let row: (Option<i32>,) = on_db!(tx, c => sqlx::query_as(
        "SELECT MAX(wave) FROM surveys WHERE tenant_id = $1 AND series_id = $2")
        .bind(tenant.as_uuid()).bind(series).fetch_one(c).await)?;
    Ok(row.0.unwrap_or(0) + 1)
}

#[allow(clippy::too_many_arguments)]
pub async fn insert_survey(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    series: Uuid,
    wave: i32,
    distribution: &str,
    opens_on: Option<&str>,
    closes_on: Option<&str>,
    by: Option<Uuid>,
    now: Timestamp,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO surveys (tenant_id, survey_id, series_id, wave, status, distribution, opens_on, closes_on,
           published, created_by, created_at)
         VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7, FALSE, $8, $9)")
        .bind(tenant.as_uuid()).bind(id).bind(series).bind(wave).bind(distribution)
        .bind(opens_on).bind(closes_on).bind(by).bind(now)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn set_text(
    tx: &mut Tx,
    tenant: TenantId,
    survey: Uuid,
    item: &str,
    lang: &str,
    body: &str,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO survey_texts (tenant_id, survey_id, item, lang, body) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, survey_id, item, lang) DO UPDATE SET body = excluded.body")
        .bind(tenant.as_uuid()).bind(survey).bind(item).bind(lang).bind(body)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn texts(db: &Db, tenant: TenantId, survey: Uuid) -> Result<Texts, DbError> {
    let mut conn = db.read().await?;
    let rows: Vec<(String, String, String)> = on_db!(conn, c => sqlx::query_as(
        "SELECT item, lang, body FROM survey_texts WHERE tenant_id = $1 AND survey_id = $2")
        .bind(tenant.as_uuid()).bind(survey).fetch_all(c).await)?;
    let mut t = Texts::default();
    for (item, lang, body) in rows {
        t.0.entry(item).or_default().insert(lang, body);
    }
    Ok(t)
}

/// The title of every survey of a tenant in German and in `lang`.
pub async fn titles(db: &Db, tenant: TenantId) -> Result<Vec<(Uuid, String, String)>, DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT survey_id, lang, body FROM survey_texts WHERE tenant_id = $1 AND item = 'title'")
        .bind(tenant.as_uuid()).fetch_all(c).await)?)
}

pub async fn survey(db: &Db, tenant: TenantId, id: Uuid) -> Result<Option<SurveyRow>, DbError> {
    let mut conn = db.read().await?;
    let sql = format!(
        "SELECT {SURVEY_COLUMNS} FROM surveys s JOIN survey_series r
           ON r.tenant_id = s.tenant_id AND r.series_id = s.series_id
         WHERE s.tenant_id = $1 AND s.survey_id = $2"
    );
    Ok(on_db!(conn, c => sqlx::query_as(&sql)
        .bind(tenant.as_uuid()).bind(id).fetch_optional(c).await)?)
}

pub async fn surveys(db: &Db, tenant: TenantId) -> Result<Vec<SurveyRow>, DbError> {
    let mut conn = db.read().await?;
    let sql = format!(
        "SELECT {SURVEY_COLUMNS} FROM surveys s JOIN survey_series r
           ON r.tenant_id = s.tenant_id AND r.series_id = s.series_id
         WHERE s.tenant_id = $1 ORDER BY r.name, s.wave"
    );
    Ok(on_db!(conn, c => sqlx::query_as(&sql)
        .bind(tenant.as_uuid()).fetch_all(c).await)?)
}

/// The survey under the transaction's write lock.
pub async fn lock_survey(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
) -> Result<Option<(String, String)>, DbError> {
    Ok(on_db!(tx, c => sqlx::query_as(
        "UPDATE surveys SET status = status WHERE tenant_id = $1 AND survey_id = $2
         RETURNING status, distribution")
        .bind(tenant.as_uuid()).bind(id).fetch_optional(c).await)?)
}

pub async fn set_status(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    status: &str,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "UPDATE surveys SET status = $3 WHERE tenant_id = $1 AND survey_id = $2")
        .bind(tenant.as_uuid()).bind(id).bind(status)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn set_published(
    tx: &mut Tx,
    tenant: TenantId,
    id: Uuid,
    published: bool,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "UPDATE surveys SET published = $3 WHERE tenant_id = $1 AND survey_id = $2")
        .bind(tenant.as_uuid()).bind(id).bind(published)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct QuestionRow {
    question_id: Uuid,
    position: i32,
    kind: String,
    measure: String,
    required: bool,
    option_count: i32,
}

async fn question_rows(
    conn: &mut crate::platform::db::Conn,
    tenant: TenantId,
    survey: Uuid,
) -> Result<Vec<Question>, DbError> {
    let rows: Vec<QuestionRow> = on_db!(conn, c => sqlx::query_as(
        "SELECT question_id, position, kind, measure, required, option_count FROM survey_questions
         WHERE tenant_id = $1 AND survey_id = $2 ORDER BY position")
        .bind(tenant.as_uuid()).bind(survey).fetch_all(c).await)?;
    Ok(rows
        .into_iter()
        .map(|r| Question {
            id: r.question_id,
            position: usize::try_from(r.position).unwrap_or(0),
            kind: r.kind,
            measure: r.measure,
            required: r.required,
            option_count: usize::try_from(r.option_count).unwrap_or(0),
        })
        .collect())
}

pub async fn questions(db: &Db, tenant: TenantId, survey: Uuid) -> Result<Vec<Question>, DbError> {
    let mut conn = db.read().await?;
    question_rows(&mut conn, tenant, survey).await
}

/// The number of questions, read in the writing transaction.
pub async fn question_count(tx: &mut Tx, tenant: TenantId, survey: Uuid) -> Result<i64, DbError> {
    let row: (i64,) = on_db!(tx, c => sqlx::query_as(
        "SELECT COUNT(*) FROM survey_questions WHERE tenant_id = $1 AND survey_id = $2")
        .bind(tenant.as_uuid()).bind(survey).fetch_one(c).await)?;
    Ok(row.0)
}

pub async fn insert_question(
    tx: &mut Tx,
    tenant: TenantId,
    survey: Uuid,
    q: &Question,
) -> Result<(), DbError> {
    let position = i32::try_from(q.position).unwrap_or(i32::MAX);
    let options = i32::try_from(q.option_count).unwrap_or(0);
    on_db!(tx, c => sqlx::query(
        "INSERT INTO survey_questions (tenant_id, survey_id, question_id, position, kind, measure, required, option_count)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
        .bind(tenant.as_uuid()).bind(survey).bind(q.id).bind(position).bind(&q.kind)
        .bind(&q.measure).bind(q.required).bind(options)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn insert_tokens(
    tx: &mut Tx,
    tenant: TenantId,
    survey: Uuid,
    hashes: &[Vec<u8>],
    batch: i32,
) -> Result<(), DbError> {
    for chunk in hashes.chunks(500) {
        on_db!(tx, c => {
            let mut q = sqlx::QueryBuilder::new(
                "INSERT INTO survey_tokens (tenant_id, survey_id, token_hash, batch, used_on) ");
            q.push_values(chunk, |mut b, h| {
                b.push_bind(tenant.as_uuid()).push_bind(survey).push_bind(h.as_slice())
                    .push_bind(batch).push_bind(None::<String>);
            });
            q.build().execute(c).await.map(|_| ())
        })?;
    }
    Ok(())
}

pub async fn next_batch(tx: &mut Tx, tenant: TenantId, survey: Uuid) -> Result<i32, DbError> {
    let row: (Option<i32>,) = on_db!(tx, c => sqlx::query_as(
        "SELECT MAX(batch) FROM survey_tokens WHERE tenant_id = $1 AND survey_id = $2")
        .bind(tenant.as_uuid()).bind(survey).fetch_one(c).await)?;
    Ok(row.0.unwrap_or(0) + 1)
}

/// (issued, used) invitation codes of a survey.
pub async fn token_counts(db: &Db, tenant: TenantId, survey: Uuid) -> Result<(i64, i64), DbError> {
    let mut conn = db.read().await?;
    Ok(on_db!(conn, c => sqlx::query_as(
        "SELECT COUNT(*), COUNT(used_on) FROM survey_tokens WHERE tenant_id = $1 AND survey_id = $2")
        .bind(tenant.as_uuid()).bind(survey).fetch_one(c).await)?)
}

/// Marks a code used, only if it exists and is unused: the one-answer
/// invariant, decided by this conditional update inside the transaction
/// that stores the answer. The day is all that is kept.
pub async fn use_token(
    tx: &mut Tx,
    tenant: TenantId,
    survey: Uuid,
    hash: &[u8],
    day: &str,
) -> Result<bool, DbError> {
    let n = on_db!(tx, c => sqlx::query(
        "UPDATE survey_tokens SET used_on = $4
         WHERE tenant_id = $1 AND survey_id = $2 AND token_hash = $3 AND used_on IS NULL")
        .bind(tenant.as_uuid()).bind(survey).bind(hash).bind(day)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Whether a code exists (used or not), for a clear message.
pub async fn token_exists(
    db: &Db,
    tenant: TenantId,
    survey: Uuid,
    hash: &[u8],
) -> Result<bool, DbError> {
    let mut conn = db.read().await?;
    let row: Option<(i32,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT batch FROM survey_tokens WHERE tenant_id = $1 AND survey_id = $2 AND token_hash = $3")
        .bind(tenant.as_uuid()).bind(survey).bind(hash).fetch_optional(c).await)?;
    Ok(row.is_some())
}

pub async fn insert_response(
    tx: &mut Tx,
    tenant: TenantId,
    survey: Uuid,
    id: Uuid,
    day: &str,
    lang: &str,
    p: &Profile,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "INSERT INTO survey_responses (tenant_id, survey_id, response_id, answered_on, lang, age_band, gender,
           migration, district_code)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
        .bind(tenant.as_uuid()).bind(survey).bind(id).bind(day).bind(lang).bind(&p.age_band)
        .bind(&p.gender).bind(&p.migration).bind(&p.district)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

pub async fn insert_answer(
    tx: &mut Tx,
    tenant: TenantId,
    survey: Uuid,
    response: Uuid,
    a: &Answer,
) -> Result<(), DbError> {
    let review = a.time_of_day.as_ref().map(|_| "pending");
    on_db!(tx, c => sqlx::query(
        "INSERT INTO survey_answers (tenant_id, survey_id, answer_id, response_id, question_id, choice, body, lat, lon,
           time_of_day, district_code, review, report_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, NULL)")
        .bind(tenant.as_uuid()).bind(survey).bind(Uuid::new_v4()).bind(response).bind(a.question)
        .bind(a.choice).bind(&a.body).bind(a.lat).bind(a.lon).bind(&a.time_of_day)
        .bind(&a.district).bind(review)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct ResponseRow {
    response_id: Uuid,
    age_band: String,
    gender: String,
    migration: String,
    district_code: String,
}

pub async fn responses(
    db: &Db,
    tenant: TenantId,
    survey: Uuid,
) -> Result<Vec<(Uuid, Profile)>, DbError> {
    let mut conn = db.read().await?;
    let rows: Vec<ResponseRow> = on_db!(conn, c => sqlx::query_as(
        "SELECT response_id, age_band, gender, migration, district_code FROM survey_responses
         WHERE tenant_id = $1 AND survey_id = $2")
        .bind(tenant.as_uuid()).bind(survey).fetch_all(c).await)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                r.response_id,
                Profile {
                    age_band: r.age_band,
                    gender: r.gender,
                    migration: r.migration,
                    district: r.district_code,
                },
            )
        })
        .collect())
}

/// A stored answer with its ids and review state.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AnswerRow {
    pub answer_id: Uuid,
    pub response_id: Uuid,
    pub question_id: Uuid,
    pub choice: Option<i64>,
    pub body: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub time_of_day: Option<String>,
    pub district_code: Option<String>,
    pub review: Option<String>,
    pub report_id: Option<Uuid>,
}

const ANSWER_COLUMNS: &str =
    "answer_id, response_id, question_id, choice, body, lat, lon, time_of_day,
    district_code, review, report_id";

pub async fn answers(db: &Db, tenant: TenantId, survey: Uuid) -> Result<Vec<AnswerRow>, DbError> {
    let mut conn = db.read().await?;
    let sql = format!(
        "SELECT {ANSWER_COLUMNS} FROM survey_answers WHERE tenant_id = $1 AND survey_id = $2"
    );
    Ok(on_db!(conn, c => sqlx::query_as(&sql)
        .bind(tenant.as_uuid()).bind(survey).fetch_all(c).await)?)
}

/// Free-text answers of a question (the coordinator's view).
pub async fn texts_of(
    db: &Db,
    tenant: TenantId,
    survey: Uuid,
    question: Uuid,
) -> Result<Vec<String>, DbError> {
    let mut conn = db.read().await?;
    let rows: Vec<(String,)> = on_db!(conn, c => sqlx::query_as(
        "SELECT body FROM survey_answers WHERE tenant_id = $1 AND survey_id = $2 AND question_id = $3
           AND body IS NOT NULL ORDER BY body")
        .bind(tenant.as_uuid()).bind(survey).bind(question).fetch_all(c).await)?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// Sets a pending map answer's review, only while it is pending.
pub async fn review_map_answer(
    tx: &mut Tx,
    tenant: TenantId,
    survey: Uuid,
    answer: Uuid,
    review: &str,
) -> Result<Option<AnswerRow>, DbError> {
    let sql = format!(
        "UPDATE survey_answers SET review = $4
         WHERE tenant_id = $1 AND survey_id = $2 AND answer_id = $3 AND review = 'pending'
         RETURNING {ANSWER_COLUMNS}"
    );
    Ok(on_db!(tx, c => sqlx::query_as(&sql)
        .bind(tenant.as_uuid()).bind(survey).bind(answer).bind(review)
        .fetch_optional(c).await)?)
}

pub async fn set_report(
    tx: &mut Tx,
    tenant: TenantId,
    survey: Uuid,
    answer: Uuid,
    report: Uuid,
) -> Result<(), DbError> {
    on_db!(tx, c => sqlx::query(
        "UPDATE survey_answers SET report_id = $4 WHERE tenant_id = $1 AND survey_id = $2 AND answer_id = $3")
        .bind(tenant.as_uuid()).bind(survey).bind(answer).bind(report)
        .execute(c).await.map(|_| ()))?;
    Ok(())
}

/// Number of stored responses (for tests and the staff page).
pub async fn response_count(db: &Db, tenant: TenantId, survey: Uuid) -> Result<i64, DbError> {
    let mut conn = db.read().await?;
    let row: (i64,) = on_db!(conn, c => sqlx::query_as(
        "SELECT COUNT(*) FROM survey_responses WHERE tenant_id = $1 AND survey_id = $2")
        .bind(tenant.as_uuid()).bind(survey).fetch_one(c).await)?;
    Ok(row.0)
}

/// Many responses with their answers at once (demo and load data): 400-row
/// statements in the caller's transaction.
pub async fn insert_bulk(
    tx: &mut Tx,
    tenant: TenantId,
    survey: Uuid,
    day: &str,
    responses: &[(Uuid, String, Profile)],
    answers: &[(Uuid, Answer)],
) -> Result<(), DbError> {
    for chunk in responses.chunks(400) {
        on_db!(tx, c => {
            let mut q = sqlx::QueryBuilder::new(
                "INSERT INTO survey_responses (tenant_id, survey_id, response_id, answered_on, lang, age_band, gender,
                   migration, district_code) ");
            q.push_values(chunk, |mut b, (id, lang, p)| {
                b.push_bind(tenant.as_uuid()).push_bind(survey).push_bind(*id).push_bind(day)
                    .push_bind(lang.as_str()).push_bind(p.age_band.as_str()).push_bind(p.gender.as_str())
                    .push_bind(p.migration.as_str()).push_bind(p.district.as_str());
            });
            q.build().execute(c).await.map(|_| ())
        })?;
    }
    for chunk in answers.chunks(400) {
        on_db!(tx, c => {
            let mut q = sqlx::QueryBuilder::new(
                "INSERT INTO survey_answers (tenant_id, survey_id, answer_id, response_id, question_id, choice, body,
                   lat, lon, time_of_day, district_code, review, report_id) ");
            q.push_values(chunk, |mut b, (rid, a)| {
                b.push_bind(tenant.as_uuid()).push_bind(survey).push_bind(Uuid::new_v4()).push_bind(*rid)
                    .push_bind(a.question).push_bind(a.choice).push_bind(a.body.clone()).push_bind(a.lat)
                    .push_bind(a.lon).push_bind(a.time_of_day.clone()).push_bind(a.district.clone())
                    .push_bind(a.time_of_day.as_ref().map(|_| "pending")).push_bind(None::<Uuid>);
            });
            q.build().execute(c).await.map(|_| ())
        })?;
    }
    Ok(())
}
