//! A private PostgreSQL cluster, started from the machine's PostgreSQL binaries when no
//! DATABASE_URL is given. Data lives in a directory of its own; the server listens only on a Unix
//! socket in that directory (no TCP port to collide with, no password needed: the directory's
//! permissions are the access control).
//!
//! PostgreSQL refuses to run as root. When we are root, the cluster runs as the `postgres` system
//! user, and its directory must be reachable by that user — a checkout under root's home is not,
//! so such a cluster moves to /var/tmp (and we say so).

use std::os::unix::fs::{chown, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use nix::unistd::{Uid, User};

#[derive(Debug, thiserror::Error)]
pub enum ClusterError {
    #[error(
        "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql/*/bin.\n\
         Install them (Debian/Ubuntu: `sudo apt-get install postgresql`, or run `make run`, which does it),\n\
         or point DATABASE_URL at a PostgreSQL server you already have."
    )]
    BinariesNotFound,
    #[error("running as root, but there is no `postgres` system user to run PostgreSQL as (PostgreSQL refuses root); install the postgresql package or set DATABASE_URL")]
    NoPostgresUser,
    #[error("the socket path {0} is too long for a Unix socket (max 107 bytes); choose a shorter --pg-dir")]
    SocketPathTooLong(PathBuf),
    #[error("{command} failed: {detail}")]
    CommandFailed { command: String, detail: String },
    #[error("I/O error on {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> ClusterError + '_ {
    move |source| ClusterError::Io {
        path: path.to_owned(),
        source,
    }
}

/// The directory holding `initdb` and `pg_ctl`: PATH first, else the newest
/// /usr/lib/postgresql/<version>/bin.
pub fn find_binaries() -> Result<PathBuf, ClusterError> {
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            if dir.join("initdb").is_file()
                && dir.join("pg_ctl").is_file()
                && dir.join("postgres").is_file()
            {
                return Ok(dir);
            }
        }
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions
        .pop()
        .map(|(_, bin)| bin)
        .ok_or(ClusterError::BinariesNotFound)
}

/// The OS account PostgreSQL runs as: ourselves, or `postgres` when we are root.
#[derive(Debug, Clone, Copy)]
struct RunAs {
    uid: u32,
    gid: u32,
    switch: bool,
}

impl RunAs {
    fn detect() -> Result<Self, ClusterError> {
        if Uid::effective().is_root() {
            let user = User::from_name("postgres")
                .ok()
                .flatten()
                .ok_or(ClusterError::NoPostgresUser)?;
            Ok(RunAs {
                uid: user.uid.as_raw(),
                gid: user.gid.as_raw(),
                switch: true,
            })
        } else {
            Ok(RunAs {
                uid: Uid::effective().as_raw(),
                gid: nix::unistd::Gid::effective().as_raw(),
                switch: false,
            })
        }
    }

    /// Can this account enter every directory on the way to `path`?
    fn can_traverse(&self, path: &Path) -> bool {
        path.ancestors().skip(1).all(|dir| {
            let Ok(meta) = std::fs::metadata(dir) else {
                return true;
            };
            use std::os::unix::fs::MetadataExt;
            let mode = meta.mode();
            if meta.uid() == self.uid {
                mode & 0o100 != 0
            } else if meta.gid() == self.gid {
                mode & 0o010 != 0
            } else {
                mode & 0o001 != 0
            }
        })
    }

    fn command(&self, program: PathBuf) -> Command {
        let mut command = Command::new(program);
        if self.switch {
            command.uid(self.uid).gid(self.gid);
        }
        command
    }
}

/// A cluster in `<dir>/data` with its socket in `<dir>`.
#[derive(Debug)]
pub struct PrivateCluster {
    bin_dir: PathBuf,
    dir: PathBuf,
    run_as: RunAs,
    /// True when this process started the server (and so stops it at shutdown).
    started_here: bool,
}

const SUPERUSER: &str = "postgres";

impl PrivateCluster {
    /// Where the cluster for `wanted_dir` really lives: `wanted_dir` itself, unless we are root
    /// and the `postgres` user cannot reach it; then a stable directory under /var/tmp.
    pub fn resolve_dir(wanted_dir: &Path) -> Result<PathBuf, ClusterError> {
        let run_as = RunAs::detect()?;
        let absolute = std::path::absolute(wanted_dir).map_err(io_error(wanted_dir))?;
        if run_as.can_traverse(&absolute) {
            return Ok(absolute);
        }
        let digest =
            absolute
                .to_string_lossy()
                .bytes()
                .fold(0xcbf29ce484222325u64, |hash, byte| {
                    (hash ^ u64::from(byte)).wrapping_mul(0x100000001b3) // FNV-1a: stable across runs
                });
        let name = absolute
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("pg");
        Ok(PathBuf::from(format!(
            "/var/tmp/claimtrack-{name}-{:08x}",
            digest as u32
        )))
    }

    /// Initialise the cluster if needed and start it unless it is already running.
    pub fn start(wanted_dir: &Path) -> Result<Self, ClusterError> {
        let bin_dir = find_binaries()?;
        let run_as = RunAs::detect()?;
        let dir = Self::resolve_dir(wanted_dir)?;
        if dir != std::path::absolute(wanted_dir).unwrap_or_default() {
            tracing::info!(
                wanted = %wanted_dir.display(), using = %dir.display(),
                "the postgres user cannot reach the wanted directory; the private cluster lives here instead"
            );
        }
        let socket = dir.join(".s.PGSQL.5432");
        if socket.as_os_str().len() > 107 {
            return Err(ClusterError::SocketPathTooLong(socket));
        }
        let mut cluster = PrivateCluster {
            bin_dir,
            dir,
            run_as,
            started_here: false,
        };
        cluster.prepare_dir()?;
        if !cluster.data_dir().join("PG_VERSION").is_file() {
            cluster.initdb()?;
        }
        if cluster.is_running() {
            tracing::info!(dir = %cluster.dir.display(), "reusing the private PostgreSQL already running");
            return Ok(cluster);
        }
        cluster.remove_stale_pid_file()?;
        cluster.pg_ctl(
            &["start", "-w", "-t", "60", "-l"],
            Some(cluster.dir.join("postgres.log")),
        )?;
        cluster.started_here = true;
        tracing::info!(dir = %cluster.dir.display(), "private PostgreSQL started");
        Ok(cluster)
    }

    /// The cluster in `wanted_dir` if one is there, without starting anything (for `pg stop`).
    pub fn existing(wanted_dir: &Path) -> Result<Self, ClusterError> {
        Ok(PrivateCluster {
            bin_dir: find_binaries()?,
            dir: Self::resolve_dir(wanted_dir)?,
            run_as: RunAs::detect()?,
            started_here: true,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn data_dir(&self) -> PathBuf {
        self.dir.join("data")
    }

    /// A connection URL for `database` over the Unix socket.
    pub fn database_url(&self, database: &str) -> String {
        format!(
            "postgres://{SUPERUSER}@localhost/{database}?host={}",
            self.dir.display()
        )
    }

    pub fn started_here(&self) -> bool {
        self.started_here
    }

    /// Stop the server if this process started it. Fast mode: open transactions roll back.
    pub fn stop(&self) -> Result<(), ClusterError> {
        if !self.started_here || !self.is_running() {
            return Ok(());
        }
        self.pg_ctl(&["stop", "-m", "fast", "-w"], None)?;
        tracing::info!(dir = %self.dir.display(), "private PostgreSQL stopped");
        Ok(())
    }

    /// Remove the cluster's data (for `pg start --fresh`). Refuses while it runs.
    pub fn remove(&self) -> Result<(), ClusterError> {
        if self.is_running() {
            self.pg_ctl(&["stop", "-m", "fast", "-w"], None)?;
        }
        if self.dir.exists() {
            std::fs::remove_dir_all(&self.dir).map_err(io_error(&self.dir))?;
        }
        Ok(())
    }

    fn prepare_dir(&self) -> Result<(), ClusterError> {
        std::fs::create_dir_all(&self.dir).map_err(io_error(&self.dir))?;
        // Owner only: the trust-authenticated socket must not be reachable by anyone else.
        std::fs::set_permissions(&self.dir, std::fs::Permissions::from_mode(0o700))
            .map_err(io_error(&self.dir))?;
        if self.run_as.switch {
            chown(&self.dir, Some(self.run_as.uid), Some(self.run_as.gid))
                .map_err(io_error(&self.dir))?;
        }
        Ok(())
    }

    fn initdb(&self) -> Result<(), ClusterError> {
        tracing::info!(dir = %self.dir.display(), "creating a private PostgreSQL cluster");
        let data = self.data_dir();
        let mut command = self.run_as.command(self.bin_dir.join("initdb"));
        command
            .arg("-D")
            .arg(&data)
            .args([
                "-U",
                SUPERUSER,
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ])
            .current_dir(&self.dir);
        run(command, "initdb")?;
        // Unix socket only, in our own directory; sized for a development machine.
        let settings = format!(
            "\n# claimtrack private cluster\nlisten_addresses = ''\nunix_socket_directories = '{}'\nmax_connections = 200\nfsync = on\n",
            self.dir.display()
        );
        let conf = data.join("postgresql.auto.conf");
        let mut contents = std::fs::read_to_string(&conf).unwrap_or_default();
        contents.push_str(&settings);
        std::fs::write(&conf, contents).map_err(io_error(&conf))?;
        if self.run_as.switch {
            chown(&conf, Some(self.run_as.uid), Some(self.run_as.gid)).map_err(io_error(&conf))?;
        }
        Ok(())
    }

    fn is_running(&self) -> bool {
        let mut command = self.run_as.command(self.bin_dir.join("pg_ctl"));
        command
            .arg("status")
            .arg("-D")
            .arg(self.data_dir())
            .current_dir(&self.dir);
        command
            .output()
            .map(|out| out.status.success())
            .unwrap_or(false)
    }

    /// After a crash, postmaster.pid may name a process that is gone or is no longer PostgreSQL.
    fn remove_stale_pid_file(&self) -> Result<(), ClusterError> {
        let pid_file = self.data_dir().join("postmaster.pid");
        let Ok(contents) = std::fs::read_to_string(&pid_file) else {
            return Ok(());
        };
        let pid = contents
            .lines()
            .next()
            .and_then(|l| l.trim().parse::<u32>().ok());
        let alive_postgres = pid
            .and_then(|pid| std::fs::read_to_string(format!("/proc/{pid}/comm")).ok())
            .is_some_and(|comm| comm.trim().starts_with("postgres"));
        if !alive_postgres {
            tracing::warn!(file = %pid_file.display(), "removing a stale postmaster.pid left by a crash");
            std::fs::remove_file(&pid_file).map_err(io_error(&pid_file))?;
        }
        Ok(())
    }

    fn pg_ctl(&self, args: &[&str], log: Option<PathBuf>) -> Result<Output, ClusterError> {
        let mut command = self.run_as.command(self.bin_dir.join("pg_ctl"));
        command.arg("-D").arg(self.data_dir()).args(args);
        if let Some(log) = log {
            command.arg(log);
        }
        command.current_dir(&self.dir);
        run(command, &format!("pg_ctl {}", args[0]))
    }
}

fn run(mut command: Command, name: &str) -> Result<Output, ClusterError> {
    let output = command.output().map_err(|e| ClusterError::CommandFailed {
        command: name.to_owned(),
        detail: e.to_string(),
    })?;
    if !output.status.success() {
        let detail = format!(
            "{}\n{}",
            String::from_utf8_lossy(&output.stdout).trim(),
            String::from_utf8_lossy(&output.stderr).trim()
        );
        return Err(ClusterError::CommandFailed {
            command: name.to_owned(),
            detail,
        });
    }
    Ok(output)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_socket_url_names_the_cluster_directory() {
        let cluster = PrivateCluster {
            bin_dir: PathBuf::from("/usr/bin"),
            dir: PathBuf::from("/var/tmp/claimtrack-pg-1234"),
            run_as: RunAs {
                uid: 0,
                gid: 0,
                switch: false,
            },
            started_here: false,
        };
        assert_eq!(
            cluster.database_url("claimtrack"),
            "postgres://postgres@localhost/claimtrack?host=/var/tmp/claimtrack-pg-1234"
        );
    }
}
