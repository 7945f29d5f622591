#![recursion_limit = "512"]
//! `server` — the Claimtrack command line: serve (default), migrate, seed-demo, create-user, and
//! `pg start|stop` for the private PostgreSQL cluster that tests and scripts share.

use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;

use anyhow::{bail, Context};
use clap::{Args, Parser, Subcommand};
use leptos::config::get_configuration;
use tokio::net::TcpListener;

use app::accounts::UserRole;
use app::state::AppState;
use server::postgres::PrivateCluster;
use server::{database, router, seed, users};

#[derive(Parser)]
#[command(
    name = "server",
    about = "Claimtrack: record, judge and publish who claimed what."
)]
struct Cli {
    /// PostgreSQL to use. When unset, a private cluster is started in --pg-dir.
    #[arg(long, env = "DATABASE_URL", global = true, hide_env_values = true)]
    database_url: Option<String>,
    /// Directory of the private PostgreSQL cluster (used when DATABASE_URL is unset).
    #[arg(
        long,
        env = "CLAIMTRACK_PG_DIR",
        default_value = ".pgdata",
        global = true
    )]
    pg_dir: PathBuf,
    /// Options of `serve`, which also runs when no command is given (as under cargo-leptos).
    #[command(flatten)]
    serve: ServeArgs,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Args, Clone)]
struct ServeArgs {
    /// Load the founding article's demo claims before serving (idempotent).
    #[arg(long, env = "CLAIMTRACK_DEMO")]
    demo: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate, optionally load the demo data, and serve the site (LEPTOS_SITE_ADDR, default 127.0.0.1:3000).
    Serve(ServeArgs),
    /// Apply pending database migrations.
    Migrate,
    /// Load the demo data (idempotent: a second run changes nothing).
    SeedDemo,
    /// Create a desk user. The password is read from standard input, never from the command line.
    CreateUser {
        #[arg(long)]
        username: String,
        #[arg(long, value_parser = parse_role)]
        role: UserRole,
        #[arg(long)]
        display_name: Option<String>,
    },
    /// Manage the private PostgreSQL cluster in --pg-dir.
    Pg {
        #[command(subcommand)]
        action: PgAction,
    },
}

#[derive(Subcommand)]
enum PgAction {
    /// Start it (initialising it first if needed) and print a DATABASE_URL for it.
    Start {
        /// Delete any existing data first.
        #[arg(long)]
        fresh: bool,
        /// Database name used in the printed URL.
        #[arg(long, default_value = "claimtrack")]
        database: String,
    },
    /// Stop it.
    Stop,
}

fn parse_role(value: &str) -> Result<UserRole, String> {
    value
        .parse()
        .map_err(|_| "expected fact_checker, editor or admin".to_owned())
}

fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tower_http=info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();

    if let Some(Command::Pg { action }) = &cli.command {
        return pg_command(&cli.pg_dir, action);
    }

    // Without DATABASE_URL, start the private cluster and stop it again however we leave.
    let cluster = match &cli.database_url {
        Some(_) => None,
        None => Some(PrivateCluster::start(&cli.pg_dir)?),
    };
    let url = match (&cli.database_url, &cluster) {
        (Some(url), _) => url.clone(),
        (None, Some(cluster)) => cluster.database_url("claimtrack"),
        (None, None) => unreachable!("a cluster is started when no URL is given"),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let private_demo_database = cluster.is_some();
    let command = cli.command.unwrap_or(Command::Serve(cli.serve));
    let result = runtime.block_on(run(command, &url, private_demo_database));
    drop(runtime);
    if let Some(cluster) = cluster {
        if let Err(error) = cluster.stop() {
            tracing::error!(%error, "could not stop the private PostgreSQL");
        }
    }
    result
}

fn pg_command(pg_dir: &std::path::Path, action: &PgAction) -> anyhow::Result<()> {
    match action {
        PgAction::Start { fresh, database } => {
            if *fresh {
                PrivateCluster::existing(pg_dir)?.remove()?;
            }
            let cluster = PrivateCluster::start(pg_dir)?;
            println!("{}", cluster.database_url(database));
        }
        PgAction::Stop => PrivateCluster::existing(pg_dir)?.stop()?,
    }
    Ok(())
}

/// `private_demo_database`: the database is the private cluster's, so demo accounts may be made.
async fn run(command: Command, url: &str, private_demo_database: bool) -> anyhow::Result<()> {
    let pool = database::connect(url)
        .await
        .context("could not connect to PostgreSQL")?;
    database::migrate(&pool)
        .await
        .context("could not migrate the database")?;
    match command {
        Command::Migrate => tracing::info!("database is up to date"),
        Command::SeedDemo => report_seed(seed::seed_demo(&pool).await?),
        Command::CreateUser {
            username,
            role,
            display_name,
        } => {
            let password = read_password()?;
            let display_name = display_name.unwrap_or_else(|| username.clone());
            let id = users::create_user(&pool, &username, &display_name, role, password).await?;
            println!("created user {username} ({role}), id {id}");
        }
        Command::Serve(ServeArgs { demo }) => {
            if demo {
                report_seed(seed::seed_demo(&pool).await?);
                if private_demo_database {
                    show_demo_accounts(users::ensure_demo_accounts(&pool).await?);
                }
            }
            serve(pool).await?;
        }
        Command::Pg { .. } => unreachable!("handled before the runtime starts"),
    }
    Ok(())
}

fn report_seed(report: seed::SeedReport) {
    tracing::info!(
        entities = report.entities,
        sources = report.sources,
        claims = report.claims,
        relations = report.relations,
        "demo data loaded (zero means it was already there)"
    );
}

/// Printed once, when the accounts are made; only ever for the private demo database.
fn show_demo_accounts(accounts: Vec<(String, UserRole, String)>) {
    if accounts.is_empty() {
        return;
    }
    println!("\nDemo desk accounts (shown this once; sign in at /login):");
    for (username, role, password) in accounts {
        println!(
            "  {:<14} {:<13} password: {password}",
            username,
            role.label_en()
        );
    }
    println!();
}

/// From a prompt on a terminal, or the first line of piped standard input.
fn read_password() -> anyhow::Result<String> {
    let password = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password (12–256 characters): ")?;
        let second = rpassword::prompt_password("Repeat the password: ")?;
        if first != second {
            bail!("the two passwords differ");
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    };
    Ok(password)
}

async fn serve(pool: sqlx::PgPool) -> anyhow::Result<()> {
    let mut leptos_options = get_configuration(None)?.leptos_options;
    if leptos_options.output_name.is_empty() {
        leptos_options.output_name = "claimtrack".into();
    }
    // cargo-leptos names the built assets by their content hash and lists the hashes beside the
    // binary; pages must then link those names (they are cached for a year, see caching.rs).
    // Without the file (a build without hashing) the unhashed names are linked.
    let beside_binary = std::env::current_exe()?.with_file_name(leptos_options.hash_file.as_ref());
    leptos_options.hash_files = beside_binary.exists();
    if !leptos_options.hash_files {
        tracing::warn!(path = %beside_binary.display(), "no asset hash file: linking unhashed asset names");
    }
    let addr = leptos_options.site_addr;
    let state = AppState {
        pool: pool.clone(),
        leptos_options,
        site: app::site::SiteInfo::from_env(),
    };
    let app = router::build(
        state,
        server::auth::AuthConfig::from_env(),
        server::api::RateLimit::from_env(),
    )
    .into_make_service_with_connect_info::<std::net::SocketAddr>();
    let listener = TcpListener::bind(addr)
        .await
        .with_context(|| format!("could not listen on {addr}"))?;
    tracing::info!("Claimtrack is serving on http://{addr}");
    // axum does not set TCP_NODELAY; without it every response waits for Nagle (~40 ms).
    let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
        if let Err(error) = tcp.set_nodelay(true) {
            tracing::warn!(%error, "could not set TCP_NODELAY");
        }
    });
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    pool.close().await;
    Ok(())
}

/// Ctrl-C or SIGTERM: finish open requests, then return so the private cluster is stopped.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
