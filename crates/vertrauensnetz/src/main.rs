//! The `vertrauensnetz` command: parses arguments, builds the configuration
//! and calls the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use vertrauensnetz::app::Server;
use vertrauensnetz::platform::clock::Clock;
use vertrauensnetz::platform::config::{Config, Overrides};
use vertrauensnetz::platform::db::Db;
use vertrauensnetz::{demo, operator};

// A page request makes many small allocations; mimalloc serves them from
// per-thread pages without the contention of the system allocator. Built
// without transparent huge pages for its arenas (`no_thp`): with them a
// 2 MiB page stays resident for a few live bytes and the kernel's
// khugepaged fills partly used regions back in, so resident memory crept
// up under steady load (decision 0041).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "vertrauensnetz",
    version,
    about = "Safety and trust platform for a city, its police and civil society"
)]
struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Clone)]
struct Global {
    /// Database URL: a sqlite: path or a postgres:// URL (default: SQLite in the data directory).
    #[arg(long, env = "VN_DATABASE_URL", global = true)]
    database: Option<String>,
    /// Directory for the SQLite database, uploads and demo mail.
    #[arg(long, env = "VN_DATA_DIR", global = true)]
    data_dir: Option<PathBuf>,
    /// Configuration file (TOML).
    #[arg(long, env = "VN_CONFIG", global = true)]
    config: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the application.
    Serve {
        /// Address to listen on.
        #[arg(long, env = "VN_LISTEN")]
        listen: Option<String>,
    },
    /// Create a fresh demo data set (SQLite) and serve it.
    Demo {
        #[arg(long, env = "VN_LISTEN")]
        listen: Option<String>,
    },
    /// Apply database migrations and exit.
    Migrate,
    /// Manage tenants (municipalities).
    Tenant {
        #[command(subcommand)]
        command: TenantCommand,
    },
    /// Manage accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// The audit chain.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Write a consistent copy of the SQLite database.
    Backup {
        #[arg(long)]
        to: PathBuf,
    },
    /// Import data from files.
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// The complaint office's keys.
    Complaints {
        #[command(subcommand)]
        command: ComplaintsCommand,
    },
    /// Stop receipts: signing keys.
    Receipts {
        #[command(subcommand)]
        command: ReceiptsCommand,
    },
    /// Generate simulated data (evaluation checks, load tests).
    Generate {
        #[command(subcommand)]
        command: GenerateCommand,
    },
}

#[derive(Subcommand)]
enum ReceiptsCommand {
    /// Retire the tenant's signing key (it stays published) and create a new one.
    RotateKey {
        #[arg(long)]
        tenant: String,
    },
}

#[derive(Subcommand)]
enum GenerateCommand {
    /// Simulated stop receipts with a known darkness effect (log odds).
    Receipts {
        #[arg(long, default_value = "dortmund")]
        tenant: String,
        #[arg(long)]
        count: usize,
        #[arg(long, default_value_t = -0.2, allow_hyphen_values = true)]
        darkness_effect: f64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Share of stops with a self-description (0–1).
        #[arg(long, default_value_t = 1.0)]
        described: f64,
        /// Only self-descriptions (evaluation benchmarks at scale).
        #[arg(long)]
        descriptions_only: bool,
    },
    /// Reports spread over the tenant's districts and the last two years.
    Reports {
        #[arg(long, default_value = "dortmund")]
        tenant: String,
        #[arg(long)]
        count: usize,
    },
    /// Rescue-service dispatch records over the last year (response targets).
    Dispatch {
        #[arg(long, default_value = "dortmund")]
        tenant: String,
        #[arg(long)]
        count: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

#[derive(Subcommand)]
enum ComplaintsCommand {
    /// Create the tenant's recovery key pair and print its secret once
    /// (keep it offline).
    RecoveryKey {
        #[arg(long)]
        tenant: String,
    },
    /// Share every case with the current caseworkers' and liaisons' keys,
    /// using the recovery secret read from standard input.
    Rewrap {
        #[arg(long)]
        tenant: String,
    },
}

#[derive(Subcommand)]
enum TenantCommand {
    /// Add a tenant.
    Add {
        #[arg(long)]
        slug: String,
        #[arg(long)]
        name: String,
        /// Open311 jurisdiction id, e.g. dortmund.de.
        #[arg(long)]
        jurisdiction: String,
        #[arg(long, allow_hyphen_values = true)]
        lat: f64,
        #[arg(long, allow_hyphen_values = true)]
        lon: f64,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add an account with a role and print its generated password (or grant
    /// the role to an existing account).
    Add {
        #[arg(long)]
        tenant: String,
        #[arg(long)]
        role: String,
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: Option<String>,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create an API token for an account and print it.
    Create {
        #[arg(long)]
        login: String,
        #[arg(long, default_value = "command line")]
        name: String,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Verify every tenant's chain; exit 0 when intact.
    Verify,
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Import district boundaries from a GeoJSON FeatureCollection.
    Districts {
        #[arg(long)]
        tenant: String,
        /// The property holding the district name (default: common names).
        #[arg(long)]
        name_property: Option<String>,
        file: PathBuf,
    },
}

fn config(g: &Global, listen: Option<String>) -> anyhow::Result<Config> {
    let o = Overrides {
        listen,
        database_url: g.database.clone(),
        data_dir: g.data_dir.clone(),
        config_file: g.config.clone(),
    };
    Ok(Config::load(&o)?)
}

fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("VN_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let json = std::env::var("VN_LOG_FORMAT").is_ok_and(|v| v == "json");
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let g = cli.global;
    match cli.command {
        Command::Serve { listen } => {
            let server = Server::start(config(&g, listen)?).await?;
            server.run_until_signal().await;
        }
        Command::Demo { listen } => {
            let mut g = g;
            let data_dir = g
                .data_dir
                .clone()
                .unwrap_or_else(|| PathBuf::from("data/demo"));
            g.data_dir = Some(data_dir.clone());
            g.database = None;
            demo::reset_data_dir(&data_dir)?;
            let mut cfg = config(&g, listen)?;
            cfg.database_url = Db::sqlite_url_in(&data_dir);
            cfg.mail.smtp_url = None;
            cfg.mail.dir = Some(data_dir.join("mail"));
            let db = operator::open(&cfg).await?;
            let accounts = demo::seed(&db, &Clock::default()).await?;
            let complaints =
                vertrauensnetz::complaints::demo::seed(&db, &Clock::default(), &accounts).await?;
            if let Some(dortmund) =
                vertrauensnetz::platform::tenants::TenantRegistry::load(db.clone())
                    .await?
                    .get("dortmund")
                    .await?
            {
                let (f, b, a) = vertrauensnetz::accountability::demo::seed_year(
                    &db,
                    &Clock::default(),
                    &dortmund,
                )
                .await?;
                println!("demo-accountability force={f} bodycam={b} attacks={a}");
                vertrauensnetz::reports::demo::seed_reports(&db, &Clock::default(), &dortmund)
                    .await?;
                // A year of rescue-service emergencies (about 57,600, as many
                // as Dortmund's rescue service has).
                let dispatch = vertrauensnetz::response_targets::demo::generate(
                    &db,
                    &dortmund,
                    &Clock::default(),
                    57_600,
                    1,
                )
                .await?;
                println!("demo-dispatch dortmund {dispatch}");
            }
            db.close().await;
            let receipts = vertrauensnetz::receipts::generate::run(
                &cfg,
                &vertrauensnetz::receipts::generate::Generate {
                    tenant: "dortmund".into(),
                    count: 1500,
                    darkness_effect: -0.2,
                    seed: 1,
                    described: 1.0,
                    descriptions_only: false,
                },
            )
            .await?;
            for a in &accounts {
                println!("{a}");
            }
            for line in &complaints {
                println!("{line}");
            }
            println!("demo-receipts dortmund {receipts}");
            let server = Server::start(cfg).await?;
            println!("demo-url http://{}/dortmund", server.addr);
            println!("demo-mail {}", data_dir.join("mail").display());
            server.run_until_signal().await;
        }
        Command::Generate {
            command: GenerateCommand::Reports { tenant, count },
        } => {
            let started = std::time::Instant::now();
            let n = operator::generate_reports(&config(&g, None)?, &tenant, count).await?;
            println!(
                "generated {n} reports in {:.1} s",
                started.elapsed().as_secs_f64()
            );
        }
        Command::Migrate => {
            operator::migrate(&config(&g, None)?).await?;
            println!("database is up to date");
        }
        Command::Tenant {
            command:
                TenantCommand::Add {
                    slug,
                    name,
                    jurisdiction,
                    lat,
                    lon,
                },
        } => {
            operator::tenant_add(&config(&g, None)?, &slug, &name, &jurisdiction, lat, lon).await?;
            println!("tenant {slug} added");
        }
        Command::User {
            command:
                UserCommand::Add {
                    tenant,
                    role,
                    email,
                    name,
                },
        } => {
            match operator::user_add(&config(&g, None)?, &tenant, &role, &email, name.as_deref())
                .await?
            {
                Some(pw) => println!("{pw}"),
                None => eprintln!(
                    "the account {email} existed; it now also has the role {role} on {tenant}"
                ),
            }
        }
        Command::Token {
            command: TokenCommand::Create { login, name },
        } => {
            println!(
                "{}",
                operator::token_create(&config(&g, None)?, &login, &name).await?
            );
        }
        Command::Audit {
            command: AuditCommand::Verify,
        } => match operator::audit_verify(&config(&g, None)?).await? {
            Ok(lines) => {
                for l in lines {
                    println!("{l}");
                }
                println!("audit chain intact");
            }
            Err(broken) => {
                eprintln!("audit chain broken: {broken}");
                return Ok(ExitCode::from(1));
            }
        },
        Command::Complaints {
            command: ComplaintsCommand::RecoveryKey { tenant },
        } => {
            let secret = vertrauensnetz::complaints::operator::recovery_key_create(
                &config(&g, None)?,
                &tenant,
            )
            .await?;
            println!("{}", secret.as_str());
            eprintln!("keep this recovery key offline; it is not stored anywhere");
        }
        Command::Complaints {
            command: ComplaintsCommand::Rewrap { tenant },
        } => {
            let mut line = String::new();
            std::io::stdin().read_line(&mut line)?;
            let n =
                vertrauensnetz::complaints::operator::rewrap(&config(&g, None)?, &tenant, &line)
                    .await?;
            println!("{n} case keys shared");
        }
        Command::Receipts {
            command: ReceiptsCommand::RotateKey { tenant },
        } => {
            let kid =
                vertrauensnetz::receipts::generate::rotate(&config(&g, None)?, &tenant).await?;
            println!("{kid}");
        }
        Command::Generate {
            command:
                GenerateCommand::Receipts {
                    tenant,
                    count,
                    darkness_effect,
                    seed,
                    described,
                    descriptions_only,
                },
        } => {
            let n = vertrauensnetz::receipts::generate::run(
                &config(&g, None)?,
                &vertrauensnetz::receipts::generate::Generate {
                    tenant,
                    count,
                    darkness_effect,
                    seed,
                    described,
                    descriptions_only,
                },
            )
            .await?;
            println!("{n} receipts generated");
        }
        Command::Generate {
            command:
                GenerateCommand::Dispatch {
                    tenant,
                    count,
                    seed,
                },
        } => {
            let started = std::time::Instant::now();
            let n = vertrauensnetz::response_targets::demo::generate_cli(
                &config(&g, None)?,
                &tenant,
                count,
                seed,
            )
            .await?;
            println!(
                "generated {n} dispatch records in {:.1} s",
                started.elapsed().as_secs_f64()
            );
        }
        Command::Backup { to } => {
            operator::backup(&config(&g, None)?, &to).await?;
            println!("backup written to {}", to.display());
        }
        Command::Import {
            command:
                ImportCommand::Districts {
                    tenant,
                    name_property,
                    file,
                },
        } => {
            let n = operator::import_districts(
                &config(&g, None)?,
                &tenant,
                &file,
                name_property.as_deref(),
            )
            .await?;
            println!("{n} districts imported into {tenant}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing();
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::from(2);
        }
    };
    match rt.block_on(run(cli)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
