//! Storage: one code path for SQLite (default, embedded) and PostgreSQL.
//!
//! SQL is written once in the subset both engines share; a store function
//! runs it through [`on_db!`](crate::on_db), which expands the same
//! expression once per backend. Where the dialects truly differ, the two
//! statements sit side by side in one `match` on [`Backend`].

mod migrate;
mod types;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgConnection, PgPool, Postgres, Sqlite, SqliteConnection, SqlitePool};

pub use migrate::{migrate, schema_description, MIGRATIONS_POSTGRES, MIGRATIONS_SQLITE};
pub use types::Timestamp;

/// Errors of the storage layer. Module stores wrap it in their own errors.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database error: {0}")]
    Sqlx(#[from] sqlx::Error),
    #[error("unsupported database URL {0:?}: use a sqlite: path or a postgres:// URL")]
    UnsupportedUrl(String),
    #[error("migration {version} ({name}) failed: {source}")]
    Migration {
        version: i64,
        name: &'static str,
        source: sqlx::Error,
    },
    #[error("the database schema is newer than this program (version {0}); upgrade the program")]
    SchemaTooNew(i64),
    #[error("the applied migration {0} differs from the one in this program")]
    MigrationChanged(i64),
}

impl DbError {
    /// True when the error is a unique or primary-key violation.
    pub fn is_unique_violation(&self) -> bool {
        match self {
            DbError::Sqlx(sqlx::Error::Database(e)) => e.is_unique_violation(),
            _ => false,
        }
    }
}

/// Which engine a database URL selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DbKind {
    Sqlite,
    Postgres,
}

impl DbKind {
    /// Reads the engine from a URL; an unknown scheme is an error, never a
    /// silently created file.
    pub fn from_url(url: &str) -> Result<DbKind, DbError> {
        if url.starts_with("sqlite:") {
            Ok(DbKind::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(DbKind::Postgres)
        } else {
            Err(DbError::UnsupportedUrl(url.to_owned()))
        }
    }
}

/// A handle on the database: cheap to clone, shared by every request.
#[derive(Clone, Debug)]
pub enum Db {
    /// SQLite: one writer connection (writes are serialised anyway) and a
    /// pool of read-only connections that never block on the writer (WAL).
    Sqlite {
        writer: SqlitePool,
        reader: SqlitePool,
    },
    Postgres(PgPool),
}

/// A live connection of either engine, handed to [`on_db!`](crate::on_db).
pub enum Backend<'c> {
    Sqlite(&'c mut SqliteConnection),
    Postgres(&'c mut PgConnection),
}

/// Runs one expression on whichever engine `$conn` holds. `$c` is bound to
/// `&mut SqliteConnection` or `&mut PgConnection`; the expression is written
/// once and compiled for both.
#[macro_export]
macro_rules! on_db {
    ($conn:expr, $c:ident => $body:expr) => {
        match $conn.backend() {
            $crate::platform::db::Backend::Sqlite($c) => $body,
            $crate::platform::db::Backend::Postgres($c) => $body,
        }
    };
}

/// A write transaction. SQLite transactions start with `BEGIN IMMEDIATE`,
/// so a writer waits for the lock up front instead of failing on upgrade.
pub enum Tx {
    Sqlite(sqlx::Transaction<'static, Sqlite>),
    Postgres(sqlx::Transaction<'static, Postgres>),
}

impl Tx {
    pub fn backend(&mut self) -> Backend<'_> {
        match self {
            Tx::Sqlite(t) => Backend::Sqlite(t),
            Tx::Postgres(t) => Backend::Postgres(t),
        }
    }

    pub fn kind(&self) -> DbKind {
        match self {
            Tx::Sqlite(_) => DbKind::Sqlite,
            Tx::Postgres(_) => DbKind::Postgres,
        }
    }

    pub async fn commit(self) -> Result<(), DbError> {
        match self {
            Tx::Sqlite(t) => t.commit().await?,
            Tx::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }
}

/// A pooled connection for reads (or single-statement writes that need no
/// transaction on PostgreSQL).
pub enum Conn {
    Sqlite(PoolConnection<Sqlite>),
    Postgres(PoolConnection<Postgres>),
}

impl Conn {
    pub fn backend(&mut self) -> Backend<'_> {
        match self {
            Conn::Sqlite(c) => Backend::Sqlite(c),
            Conn::Postgres(c) => Backend::Postgres(c),
        }
    }
}

/// The placeholders of a multi-row insert, `(…), (…)` for `rows` rows of
/// `cols` values: `$1, $2, …` on PostgreSQL, `?` on SQLite. (With
/// numbered names the SQLite driver looks every parameter up by name, and
/// SQLite finds a name by walking the list: quadratic in their number,
/// a tenth of the time of a 2,400-value insert.)
pub fn values_placeholders(kind: DbKind, rows: usize, cols: usize) -> String {
    let mut sql = String::with_capacity(rows * cols * 6);
    for i in 0..rows {
        if i > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for k in 1..=cols {
            if k > 1 {
                sql.push_str(", ");
            }
            match kind {
                DbKind::Sqlite => sql.push('?'),
                DbKind::Postgres => {
                    sql.push('$');
                    sql.push_str(&(i * cols + k).to_string());
                }
            }
        }
        sql.push(')');
    }
    sql
}

/// How many read connections SQLite gets. Reads run in parallel with the
/// single writer thanks to WAL.
const SQLITE_READERS: u32 = 8;

impl Db {
    /// Opens (and for SQLite creates) the database named by `url`.
    pub async fn connect(url: &str) -> Result<Db, DbError> {
        match DbKind::from_url(url)? {
            DbKind::Sqlite => {
                // Several processes opening a new file at once can meet
                // SQLite's lock while one of them switches the file to WAL;
                // that switch does not wait for the busy timeout. Try again
                // for up to ten seconds.
                let mut attempt = 0;
                loop {
                    match Self::connect_sqlite(url).await {
                        Err(DbError::Sqlx(e)) if attempt < 100 && is_locked(&e) => {
                            attempt += 1;
                            tokio::time::sleep(Duration::from_millis(100)).await;
                        }
                        other => return other,
                    }
                }
            }
            DbKind::Postgres => {
                let opts = PgConnectOptions::from_str(url)?;
                let pool = PgPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(30))
                    .connect_with(opts)
                    .await?;
                Ok(Db::Postgres(pool))
            }
        }
    }

    async fn connect_sqlite(url: &str) -> Result<Db, DbError> {
        let base = SqliteConnectOptions::from_str(url)?
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            .pragma("secure_delete", "ON")
            .pragma("temp_store", "MEMORY")
            // ANALYZE (run by `PRAGMA optimize`) reads at most about this
            // many rows per index: quick even on millions of rows.
            .pragma("analysis_limit", "1000");
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(base.clone().create_if_missing(true))
            .await?;
        // Readers stay open for the life of the process: closing idle ones
        // and opening new ones under load dropped and refilled their page
        // and statement caches, which showed as swings of resident memory.
        let reader = SqlitePoolOptions::new()
            .max_connections(SQLITE_READERS)
            .idle_timeout(None)
            .max_lifetime(None)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(base.read_only(true))
            .await?;
        // Query-planner statistics (sqlite_stat1), refreshed where tables
        // changed a lot since they were taken, as SQLite recommends for
        // long-lived connections. Without them the planner may walk the
        // time index of a million reports instead of the place index.
        optimize_sqlite(&writer, "PRAGMA optimize=0x10002").await;
        Ok(Db::Sqlite { writer, reader })
    }

    /// The SQLite URL for a database file in `data_dir`.
    pub fn sqlite_url_in(data_dir: &Path) -> String {
        format!(
            "sqlite://{}?mode=rwc",
            data_dir.join("vertrauensnetz.sqlite3").display()
        )
    }

    pub fn kind(&self) -> DbKind {
        match self {
            Db::Sqlite { .. } => DbKind::Sqlite,
            Db::Postgres(_) => DbKind::Postgres,
        }
    }

    /// Begins a write transaction.
    pub async fn begin(&self) -> Result<Tx, DbError> {
        Ok(match self {
            Db::Sqlite { writer, .. } => Tx::Sqlite(writer.begin_with("BEGIN IMMEDIATE").await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// A connection for reads. On SQLite it is read-only.
    pub async fn read(&self) -> Result<Conn, DbError> {
        Ok(match self {
            Db::Sqlite { reader, .. } => Conn::Sqlite(reader.acquire().await?),
            Db::Postgres(pool) => Conn::Postgres(pool.acquire().await?),
        })
    }

    /// Answers whether the database responds (for `/readyz`).
    pub async fn ping(&self) -> Result<(), DbError> {
        let mut conn = self.read().await?;
        on_db!(conn, c => sqlx::query("SELECT 1").execute(c).await.map(|_| ()))?;
        Ok(())
    }

    /// Closes every connection (used at shutdown so SQLite checkpoints).
    pub async fn close(&self) {
        match self {
            Db::Sqlite { writer, reader } => {
                reader.close().await;
                // Statistics for the next start, after bulk writes such as
                // `generate`.
                optimize_sqlite(writer, "PRAGMA optimize").await;
                writer.close().await;
            }
            Db::Postgres(pool) => pool.close().await,
        }
    }

    /// After a bulk load (`generate`): brings the planner's statistics of
    /// `tables` up to date and, on PostgreSQL, the visibility map, so that
    /// index-only scans need no table reads — what autovacuum would do some
    /// minutes later. SQLite refreshes its statistics when it closes
    /// (`PRAGMA optimize`).
    pub async fn refresh_after_bulk_load(&self, tables: &[&'static str]) -> Result<(), DbError> {
        match self {
            Db::Sqlite { .. } => Ok(()),
            Db::Postgres(pool) => {
                // VACUUM runs outside a transaction: the simple protocol.
                let sql = format!("VACUUM (ANALYZE) {}", tables.join(", "));
                sqlx::raw_sql(&sql).execute(pool).await?;
                Ok(())
            }
        }
    }

    /// Copies a consistent snapshot of a SQLite database to `target`
    /// (`VACUUM INTO`), safe while the server runs.
    pub async fn backup_sqlite(&self, target: &Path) -> Result<(), DbError> {
        match self {
            Db::Sqlite { writer, .. } => {
                sqlx::query("VACUUM INTO $1")
                    .bind(target.display().to_string())
                    .execute(writer)
                    .await?;
                Ok(())
            }
            Db::Postgres(_) => Err(DbError::UnsupportedUrl(
                "backup of PostgreSQL is done with pg_dump".to_owned(),
            )),
        }
    }
}

/// Is this SQLite's "database is locked" / "busy"?
fn is_locked(e: &sqlx::Error) -> bool {
    e.as_database_error().is_some_and(|d| {
        matches!(d.code().as_deref(), Some("5") | Some("6"))
            || d.message().contains("database is locked")
    })
}

/// Runs `PRAGMA optimize` (refreshes the query planner's statistics where
/// they are stale); a failure only costs plan quality, so it is logged.
async fn optimize_sqlite(writer: &sqlx::SqlitePool, pragma: &str) {
    if let Err(e) = sqlx::query(pragma).execute(writer).await {
        tracing::warn!(error = %e, "PRAGMA optimize failed");
    }
}
