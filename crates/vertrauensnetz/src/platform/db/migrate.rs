//! Embedded, per-dialect migrations applied at start-up.
//!
//! Both lists must describe the same logical schema; a test compares
//! [`schema_description`] of a fresh SQLite and a fresh PostgreSQL database.
//! Several instances may start at once: PostgreSQL serialises them with a
//! table lock inside the migrating transaction, SQLite with `BEGIN IMMEDIATE`.

use sha2::{Digest, Sha256};

use super::{Db, DbError, Tx};
use crate::on_db;

/// A migration: version, name, SQL.
pub type Migration = (i64, &'static str, &'static str);

pub const MIGRATIONS_SQLITE: &[Migration] = &[
    (
        1,
        "platform",
        include_str!("../../../migrations/sqlite/0001_platform.sql"),
    ),
    (
        2,
        "events",
        include_str!("../../../migrations/sqlite/0002_events.sql"),
    ),
    (
        3,
        "network",
        include_str!("../../../migrations/sqlite/0003_network.sql"),
    ),
    (
        4,
        "events_more",
        include_str!("../../../migrations/sqlite/0004_events_more.sql"),
    ),
    (
        5,
        "complaints",
        include_str!("../../../migrations/sqlite/0005_complaints.sql"),
    ),
    (
        6,
        "events_network",
        include_str!("../../../migrations/sqlite/0006_events_network.sql"),
    ),
    (
        7,
        "notifications",
        include_str!("../../../migrations/sqlite/0007_notifications.sql"),
    ),
    (
        8,
        "receipts",
        include_str!("../../../migrations/sqlite/0008_receipts.sql"),
    ),
    (
        9,
        "reports",
        include_str!("../../../migrations/sqlite/0009_reports.sql"),
    ),
    (
        10,
        "complaint_liaisons",
        include_str!("../../../migrations/sqlite/0010_complaint_liaisons.sql"),
    ),
    (
        11,
        "safety",
        include_str!("../../../migrations/sqlite/0011_safety.sql"),
    ),
    (
        12,
        "accountability",
        include_str!("../../../migrations/sqlite/0012_accountability.sql"),
    ),
    (
        13,
        "patrols",
        include_str!("../../../migrations/sqlite/0013_patrols.sql"),
    ),
    (
        14,
        "surveys",
        include_str!("../../../migrations/sqlite/0014_surveys.sql"),
    ),
    (
        15,
        "transparency",
        include_str!("../../../migrations/sqlite/0015_transparency.sql"),
    ),
    (
        16,
        "public_info_edit",
        include_str!("../../../migrations/sqlite/0016_public_info_edit.sql"),
    ),
    (
        17,
        "receipt_vocabulary",
        include_str!("../../../migrations/sqlite/0017_receipt_vocabulary.sql"),
    ),
    (
        18,
        "report_unsubscribe_tiles",
        include_str!("../../../migrations/sqlite/0018_report_unsubscribe_tiles.sql"),
    ),
    (
        19,
        "patrol_vehicles",
        include_str!("../../../migrations/sqlite/0019_patrol_vehicles.sql"),
    ),
    (
        20,
        "report_place_cells",
        include_str!("../../../migrations/sqlite/0020_report_place_cells.sql"),
    ),
    (
        21,
        "receipt_description_cells",
        include_str!("../../../migrations/sqlite/0021_receipt_description_cells.sql"),
    ),
    (
        22,
        "report_contact_purge",
        include_str!("../../../migrations/sqlite/0022_report_contact_purge.sql"),
    ),
];

pub const MIGRATIONS_POSTGRES: &[Migration] = &[
    (
        1,
        "platform",
        include_str!("../../../migrations/postgres/0001_platform.sql"),
    ),
    (
        2,
        "events",
        include_str!("../../../migrations/postgres/0002_events.sql"),
    ),
    (
        3,
        "network",
        include_str!("../../../migrations/postgres/0003_network.sql"),
    ),
    (
        4,
        "events_more",
        include_str!("../../../migrations/postgres/0004_events_more.sql"),
    ),
    (
        5,
        "complaints",
        include_str!("../../../migrations/postgres/0005_complaints.sql"),
    ),
    (
        6,
        "events_network",
        include_str!("../../../migrations/postgres/0006_events_network.sql"),
    ),
    (
        7,
        "notifications",
        include_str!("../../../migrations/postgres/0007_notifications.sql"),
    ),
    (
        8,
        "receipts",
        include_str!("../../../migrations/postgres/0008_receipts.sql"),
    ),
    (
        9,
        "reports",
        include_str!("../../../migrations/postgres/0009_reports.sql"),
    ),
    (
        10,
        "complaint_liaisons",
        include_str!("../../../migrations/postgres/0010_complaint_liaisons.sql"),
    ),
    (
        11,
        "safety",
        include_str!("../../../migrations/postgres/0011_safety.sql"),
    ),
    (
        12,
        "accountability",
        include_str!("../../../migrations/postgres/0012_accountability.sql"),
    ),
    (
        13,
        "patrols",
        include_str!("../../../migrations/postgres/0013_patrols.sql"),
    ),
    (
        14,
        "surveys",
        include_str!("../../../migrations/postgres/0014_surveys.sql"),
    ),
    (
        15,
        "transparency",
        include_str!("../../../migrations/postgres/0015_transparency.sql"),
    ),
    (
        16,
        "public_info_edit",
        include_str!("../../../migrations/postgres/0016_public_info_edit.sql"),
    ),
    (
        17,
        "receipt_vocabulary",
        include_str!("../../../migrations/postgres/0017_receipt_vocabulary.sql"),
    ),
    (
        18,
        "report_unsubscribe_tiles",
        include_str!("../../../migrations/postgres/0018_report_unsubscribe_tiles.sql"),
    ),
    (
        19,
        "patrol_vehicles",
        include_str!("../../../migrations/postgres/0019_patrol_vehicles.sql"),
    ),
    (
        20,
        "report_place_cells",
        include_str!("../../../migrations/postgres/0020_report_place_cells.sql"),
    ),
    (
        21,
        "receipt_description_cells",
        include_str!("../../../migrations/postgres/0021_receipt_description_cells.sql"),
    ),
    (
        22,
        "report_contact_purge",
        include_str!("../../../migrations/postgres/0022_report_contact_purge.sql"),
    ),
];

fn checksum(sql: &str) -> String {
    hex::encode(Sha256::digest(sql.as_bytes()))
}

const CREATE_TABLE: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
    version BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL
)";

/// Applies every migration not yet applied. Returns how many ran.
pub async fn migrate(db: &Db) -> Result<usize, DbError> {
    let migrations = match db {
        Db::Sqlite { .. } => MIGRATIONS_SQLITE,
        Db::Postgres(_) => MIGRATIONS_POSTGRES,
    };
    // A concurrent CREATE TABLE IF NOT EXISTS on PostgreSQL can still race on
    // the catalogue; one retry settles it.
    for attempt in 0..2 {
        let mut tx = db.begin().await?;
        let created = on_db!(tx, c => sqlx::query(CREATE_TABLE).execute(c).await.map(|_| ()));
        match created {
            Ok(()) => {
                tx.commit().await?;
                break;
            }
            Err(e) if attempt == 0 => {
                tracing::debug!(error = %e, "retrying creation of schema_migrations");
            }
            Err(e) => return Err(e.into()),
        }
    }

    let mut tx = db.begin().await?;
    if let Tx::Postgres(t) = &mut tx {
        sqlx::query("LOCK TABLE schema_migrations IN ACCESS EXCLUSIVE MODE")
            .execute(&mut **t)
            .await?;
    }
    let applied: Vec<(i64, String)> = on_db!(tx, c => sqlx::query_as(
        "SELECT version, checksum FROM schema_migrations ORDER BY version"
    )
    .fetch_all(c)
    .await)?;
    let newest_known = migrations.last().map(|m| m.0).unwrap_or(0);
    if let Some((v, _)) = applied.iter().find(|(v, _)| *v > newest_known) {
        return Err(DbError::SchemaTooNew(*v));
    }
    let mut ran = 0;
    for &(version, name, sql) in migrations {
        let sum = checksum(sql);
        if let Some((_, applied_sum)) = applied.iter().find(|(v, _)| *v == version) {
            if *applied_sum != sum {
                return Err(DbError::MigrationChanged(version));
            }
            continue;
        }
        on_db!(tx, c => sqlx::raw_sql(sql).execute(c).await.map(|_| ())).map_err(|source| {
            DbError::Migration {
                version,
                name,
                source,
            }
        })?;
        on_db!(tx, c => sqlx::query(
            "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)"
        )
        .bind(version)
        .bind(name)
        .bind(&sum)
        .execute(c)
        .await
        .map(|_| ()))?;
        ran += 1;
    }
    tx.commit().await?;
    Ok(ran)
}

/// One column of the logical schema.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ColumnDescription {
    pub table: String,
    pub column: String,
    /// One of UUID, TIMESTAMP, BOOLEAN, BIGINT, INTEGER, TEXT, BLOB, DOUBLE.
    pub logical_type: String,
    pub not_null: bool,
}

/// The logical schema: columns, and the column lists of every index
/// (`table(col, col)`, with a `unique ` prefix for unique ones).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaDescription {
    pub columns: Vec<ColumnDescription>,
    pub indexes: Vec<String>,
}

fn logical_pg_type(t: &str) -> String {
    match t {
        "uuid" => "UUID",
        "timestamp with time zone" => "TIMESTAMP",
        "boolean" => "BOOLEAN",
        "bigint" => "BIGINT",
        "integer" => "INTEGER",
        "text" => "TEXT",
        "bytea" => "BLOB",
        "double precision" => "DOUBLE",
        other => other,
    }
    .to_owned()
}

/// Reads the logical schema of the connected database.
pub async fn schema_description(db: &Db) -> Result<SchemaDescription, DbError> {
    let mut conn = db.read().await?;
    let mut columns = Vec::new();
    let mut indexes = Vec::new();
    match conn.backend() {
        super::Backend::Sqlite(c) => {
            let tables: Vec<(String,)> = sqlx::query_as(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
            )
            .fetch_all(&mut *c)
            .await?;
            for (table,) in tables {
                let cols: Vec<(String, String, bool, i64)> =
                    sqlx::query_as("SELECT name, type, \"notnull\", pk FROM pragma_table_info($1)")
                        .bind(&table)
                        .fetch_all(&mut *c)
                        .await?;
                for (column, ty, not_null, pk) in cols {
                    columns.push(ColumnDescription {
                        table: table.clone(),
                        column,
                        logical_type: ty.to_ascii_uppercase(),
                        not_null: not_null || pk > 0,
                    });
                }
                let idx: Vec<(String, bool)> =
                    sqlx::query_as("SELECT name, \"unique\" FROM pragma_index_list($1)")
                        .bind(&table)
                        .fetch_all(&mut *c)
                        .await?;
                for (name, unique) in idx {
                    let cols: Vec<(Option<String>,)> =
                        sqlx::query_as("SELECT name FROM pragma_index_info($1) ORDER BY seqno")
                            .bind(&name)
                            .fetch_all(&mut *c)
                            .await?;
                    let cols: Vec<String> = cols
                        .into_iter()
                        .map(|(n,)| n.unwrap_or_else(|| "<expr>".to_owned()))
                        .collect();
                    indexes.push(format!(
                        "{}{}({})",
                        if unique { "unique " } else { "" },
                        table,
                        cols.join(", ")
                    ));
                }
            }
        }
        super::Backend::Postgres(c) => {
            let cols: Vec<(String, String, String, String)> = sqlx::query_as(
                "SELECT table_name::text, column_name::text, data_type::text, is_nullable::text
                 FROM information_schema.columns WHERE table_schema = current_schema()
                 ORDER BY table_name, ordinal_position",
            )
            .fetch_all(&mut *c)
            .await?;
            for (table, column, ty, nullable) in cols {
                columns.push(ColumnDescription {
                    table,
                    column,
                    logical_type: logical_pg_type(&ty),
                    not_null: nullable == "NO",
                });
            }
            let idx: Vec<(String, bool, Vec<String>)> = sqlx::query_as(
                "SELECT t.relname::text, ix.indisunique,
                        ARRAY(SELECT COALESCE(a.attname::text, '<expr>')
                              FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
                              LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                              ORDER BY k.ord)
                 FROM pg_index ix
                 JOIN pg_class t ON t.oid = ix.indrelid
                 JOIN pg_namespace n ON n.oid = t.relnamespace
                 WHERE n.nspname = current_schema()",
            )
            .fetch_all(&mut *c)
            .await?;
            for (table, unique, cols) in idx {
                indexes.push(format!(
                    "{}{}({})",
                    if unique { "unique " } else { "" },
                    table,
                    cols.join(", ")
                ));
            }
        }
    }
    columns.sort();
    indexes.sort();
    Ok(SchemaDescription { columns, indexes })
}
