//! Configuration: defaults, then the TOML file, then environment and flags
//! (the binary merges flags and environment before calling [`Config::load`]).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::db::{Db, DbKind};

/// Everything the server needs to start.
#[derive(Debug, Clone)]
pub struct Config {
    pub listen: SocketAddr,
    pub database_url: String,
    pub data_dir: PathBuf,
    /// The largest request body accepted (bytes); larger ones get 413.
    pub max_body_bytes: usize,
    /// The public address, e.g. `https://vertrauensnetz.dortmund.de`; when it
    /// starts with `https://` cookies are `Secure` and HSTS is sent.
    pub public_url: Option<String>,
    /// Take the client address from `X-Forwarded-For` (set behind a proxy).
    pub trust_forwarded_for: bool,
    pub mail: MailConfig,
    /// Run background jobs (mail, clean-up) in this instance.
    pub run_jobs: bool,
    /// The complaint office (`[complaints]`).
    pub complaints: ComplaintsConfig,
}

/// Settings of the complaint office.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ComplaintsConfig {
    /// Largest attachment (bytes).
    pub max_attachment_bytes: usize,
    /// Most attachments per submission or reply.
    pub max_attachments: usize,
    /// Days to acknowledge a complaint.
    pub acknowledge_days: i64,
    /// Days to the first substantive feedback.
    pub feedback_days: i64,
    /// Months a closed case is kept before it is deleted.
    pub retention_months: u32,
    /// Argon2id memory (KiB) and passes of the receipt hash; key wrapping
    /// uses one pass more. Staff keys use the same memory and passes.
    pub kdf_memory_kib: u32,
    pub kdf_passes: u32,
    /// How many Argon2id derivations may run at once.
    pub kdf_parallel: usize,
    /// Wrong receipt codes per client address and hour (kept in memory only).
    pub status_attempts_per_hour: u32,
    /// Submission attempts per client address and hour (kept in memory only).
    pub submissions_per_hour: u32,
}

impl Default for ComplaintsConfig {
    fn default() -> Self {
        ComplaintsConfig {
            max_attachment_bytes: 10 * 1024 * 1024,
            max_attachments: 5,
            acknowledge_days: 7,
            feedback_days: 91,
            retention_months: 24,
            kdf_memory_kib: 128 * 1024,
            kdf_passes: 3,
            kdf_parallel: 2,
            status_attempts_per_hour: 10,
            submissions_per_hour: 20,
        }
    }
}

/// Where mail goes.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailConfig {
    /// Sender address, e.g. `Vertrauensnetz <noreply@dortmund.de>`.
    pub from: Option<String>,
    /// `smtp://user:pass@host:587?tls=required` or `smtps://…` (lettre URL).
    pub smtp_url: Option<String>,
    /// Write each message as an `.eml` file into this folder instead.
    pub dir: Option<PathBuf>,
}

/// The optional TOML file; every key may be left out.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    listen: Option<String>,
    database_url: Option<String>,
    data_dir: Option<PathBuf>,
    max_body_bytes: Option<usize>,
    public_url: Option<String>,
    trust_forwarded_for: Option<bool>,
    run_jobs: Option<bool>,
    #[serde(default)]
    mail: MailConfig,
    #[serde(default)]
    complaints: ComplaintsConfig,
}

/// Values given on the command line or in the environment (they win).
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub listen: Option<String>,
    pub database_url: Option<String>,
    pub data_dir: Option<PathBuf>,
    pub config_file: Option<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the configuration file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("invalid configuration file {path}: {source}")]
    Parse {
        path: PathBuf,
        source: toml::de::Error,
    },
    #[error("invalid listen address {0:?} (expected e.g. 127.0.0.1:8080)")]
    Listen(String),
    #[error(transparent)]
    Database(#[from] super::db::DbError),
    #[error("invalid mail sender {0:?} (expected e.g. \"Vertrauensnetz <noreply@dortmund.de>\")")]
    MailFrom(String),
}

pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
pub const DEFAULT_MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

impl Config {
    pub fn load(o: &Overrides) -> Result<Config, ConfigError> {
        let file = match &o.config_file {
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
                    path: path.clone(),
                    source,
                })?;
                toml::from_str::<FileConfig>(&text).map_err(|source| ConfigError::Parse {
                    path: path.clone(),
                    source,
                })?
            }
            None => FileConfig::default(),
        };
        let listen_text = o
            .listen
            .clone()
            .or(file.listen)
            .unwrap_or_else(|| DEFAULT_LISTEN.to_owned());
        let listen = listen_text
            .parse()
            .map_err(|_| ConfigError::Listen(listen_text.clone()))?;
        let data_dir = o
            .data_dir
            .clone()
            .or(file.data_dir)
            .unwrap_or_else(|| PathBuf::from("data"));
        let database_url = o
            .database_url
            .clone()
            .or(file.database_url)
            .unwrap_or_else(|| Db::sqlite_url_in(&data_dir));
        DbKind::from_url(&database_url)?;
        if let Some(from) = &file.mail.from {
            if from.parse::<lettre::message::Mailbox>().is_err() {
                return Err(ConfigError::MailFrom(from.clone()));
            }
        }
        Ok(Config {
            listen,
            database_url,
            data_dir,
            max_body_bytes: file.max_body_bytes.unwrap_or(DEFAULT_MAX_BODY_BYTES),
            public_url: file.public_url,
            trust_forwarded_for: file.trust_forwarded_for.unwrap_or(false),
            mail: file.mail,
            run_jobs: file.run_jobs.unwrap_or(true),
            complaints: file.complaints,
        })
    }

    /// Whether the public address is served over TLS.
    pub fn https(&self) -> bool {
        self.public_url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://"))
    }

    /// Where blobs and demo mail live.
    pub fn data_path(&self, name: &str) -> PathBuf {
        self.data_dir.join(name)
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_scheme_is_refused() {
        let o = Overrides {
            database_url: Some("mysql://localhost/x".into()),
            ..Default::default()
        };
        assert!(matches!(Config::load(&o), Err(ConfigError::Database(_))));
    }

    #[test]
    fn default_is_sqlite_in_data() {
        let c = Config::load(&Overrides::default()).unwrap();
        assert!(c.database_url.starts_with("sqlite://data/"));
        assert_eq!(c.listen.to_string(), DEFAULT_LISTEN);
    }
}
