//! A throwaway PostgreSQL cluster for one test: `initdb` into a temporary folder (once per
//! machine, then copied), listening on a Unix socket in that folder only (or also on 127.0.0.1
//! with TLS, when asked), stopped with `pg_ctl -m immediate stop` when dropped.
//!
//! `initdb` refuses to run as root: as root, the folder is given to the `postgres` user and
//! the server runs as it. The binaries are found in /usr/lib/postgresql/*/bin (Debian's
//! layout; `.ci/run` installs them when missing), else through `pg_config`, else on PATH.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU16, Ordering};

use tempfile::TempDir;

/// How the cluster lets roles in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Auth {
    /// Every role without a password (what RLS tests need: ordinary roles, no secrets).
    Trust,
    /// `postgres` without one, every other role with its password (scram-sha-256).
    Password,
}

#[derive(Debug)]
pub struct Cluster {
    dir: TempDir,
    pub port: u16,
    /// A TCP port on 127.0.0.1 with TLS, if asked for.
    pub tls_port: Option<u16>,
}

static NEXT_PORT: AtomicU16 = AtomicU16::new(0);

fn as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self")
        .map(|m| m.uid() == 0)
        .unwrap_or(false)
}

/// The directory holding initdb, pg_ctl and postgres.
pub fn bin_dir() -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path().join("bin"))
            .filter(|bin| bin.join("initdb").exists())
            .collect();
        found.sort_by_key(|p| {
            p.parent()
                .and_then(|v| v.file_name())
                .and_then(|v| v.to_str())
                .and_then(|v| v.parse::<u32>().ok())
                .unwrap_or(0)
        });
        if let Some(newest) = found.pop() {
            return newest;
        }
        if let Ok(out) = Command::new("pg_config").arg("--bindir").output()
            && out.status.success()
        {
            return PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        }
        panic!(
            "no PostgreSQL server binaries (initdb) in /usr/lib/postgresql/*/bin or from \
             pg_config: install them (apt-get install postgresql)"
        );
    })
    .clone()
}

/// Runs a server binary, as `postgres` when this is root.
fn pg(tool: &str, args: &[&str]) -> Output {
    let program = bin_dir().join(tool);
    let mut cmd = if as_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program);
        c
    } else {
        Command::new(program)
    };
    let out = cmd.args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{tool} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn give_to_postgres(path: &Path) {
    if as_root() {
        let ok = Command::new("chown")
            .args(["-R", "postgres:postgres"])
            .arg(path)
            .status()
            .unwrap()
            .success();
        assert!(ok, "chown {}", path.display());
    }
}

/// An initialised data directory, made once per machine and copied for each cluster.
fn template() -> PathBuf {
    static TEMPLATE: OnceLock<PathBuf> = OnceLock::new();
    TEMPLATE
        .get_or_init(|| {
            let version = bin_dir()
                .parent()
                .and_then(|p| p.file_name())
                .map(|v| v.to_string_lossy().into_owned())
                .unwrap_or_default();
            // In the system's temp dir, which the postgres user can reach (a checkout under
            // /root, say, it could not).
            let root = std::env::temp_dir();
            let done = root.join(format!("factdeck-pg-template-{version}"));
            if done.join("PG_VERSION").exists() {
                return done;
            }
            let work = root.join(format!(
                "factdeck-pg-template-{version}.{}",
                std::process::id()
            ));
            let _ = std::fs::remove_dir_all(&work);
            std::fs::create_dir_all(&work).unwrap();
            give_to_postgres(&work);
            let data = work.join("data");
            pg(
                "initdb",
                &[
                    "-D",
                    data.to_str().unwrap(),
                    "-A",
                    "trust",
                    "-U",
                    "postgres",
                    "-N",
                    "-E",
                    "UTF8",
                    "--locale=C",
                ],
            );
            // Another test binary may have won the race: either copy will do.
            if std::fs::rename(&data, &done).is_err() {
                assert!(done.join("PG_VERSION").exists());
            }
            let _ = std::fs::remove_dir_all(&work);
            done
        })
        .clone()
}

impl Cluster {
    /// A cluster where every role logs in without a password.
    pub fn start() -> Cluster {
        Cluster::start_with(Auth::Trust, false)
    }

    /// `fsync` is off unless `durable`: tests kill clients, never the server.
    pub fn start_with(auth: Auth, tls: bool) -> Cluster {
        Cluster::start_full(auth, tls, false)
    }

    /// As a real server runs (fsync on), for benchmarks.
    pub fn start_durable() -> Cluster {
        Cluster::start_full(Auth::Trust, false, true)
    }

    fn start_full(auth: Auth, tls: bool, durable: bool) -> Cluster {
        let dir = tempfile::Builder::new().prefix("pg").tempdir().unwrap();
        let data = dir.path().join("data");
        let copied = Command::new("cp")
            .arg("-a")
            .arg(template())
            .arg(&data)
            .status()
            .unwrap();
        assert!(copied.success());
        if auth == Auth::Password {
            std::fs::write(
                data.join("pg_hba.conf"),
                "local all postgres trust\nlocal all all scram-sha-256\n\
                 hostssl all postgres 127.0.0.1/32 trust\nhostssl all all 127.0.0.1/32 scram-sha-256\n",
            )
            .unwrap();
        } else if tls {
            std::fs::write(
                data.join("pg_hba.conf"),
                "local all all trust\nhostssl all all 127.0.0.1/32 trust\n",
            )
            .unwrap();
        }
        let base = 20_000 + u16::try_from(std::process::id() % 2_000).unwrap() * 10;
        let port = base + NEXT_PORT.fetch_add(2, Ordering::Relaxed) % 10;
        let mut options = format!(
            "-k {} -p {port} -c max_connections=40 -c shared_buffers=32MB",
            dir.path().display()
        );
        if !durable {
            options.push_str(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        }
        let tls_port = tls.then(|| {
            make_certificate(dir.path(), &data);
            options.push_str(" -c ssl=on -c listen_addresses=127.0.0.1");
            port
        });
        if !tls {
            options.push_str(" -c listen_addresses=''");
        }
        give_to_postgres(dir.path());
        let log = dir.path().join("server.log");
        pg(
            "pg_ctl",
            &[
                "-D",
                data.to_str().unwrap(),
                "-o",
                &options,
                "-l",
                log.to_str().unwrap(),
                "-w",
                "start",
            ],
        );
        Cluster {
            dir,
            port,
            tls_port,
        }
    }

    pub fn socket_dir(&self) -> &Path {
        self.dir.path()
    }

    /// The certificate clients must trust for the TLS port.
    pub fn certificate(&self) -> PathBuf {
        self.dir.path().join("data/server.crt")
    }

    /// `postgresql://USER@/DB?host=SOCKET&port=PORT`
    pub fn url(&self, user: &str, db: &str) -> String {
        format!(
            "postgresql://{user}@/{db}?host={}&port={}",
            self.socket_dir().display(),
            self.port
        )
    }

    /// The same database without a user: the learner's name fills it in.
    pub fn url_without_user(&self, db: &str) -> String {
        format!(
            "postgresql:///{db}?host={}&port={}",
            self.socket_dir().display(),
            self.port
        )
    }

    /// The superuser's connection to `db`.
    pub fn admin(&self, db: &str) -> postgres::Client {
        self.connect_as("postgres", db)
    }

    pub fn connect_as(&self, user: &str, db: &str) -> postgres::Client {
        postgres::Client::connect(&self.url(user, db), postgres::NoTls).unwrap()
    }

    /// A new database; each test takes its own.
    pub fn create_db(&self, name: &str) {
        self.admin("postgres")
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap();
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.dir.path().join("data");
        let program = bin_dir().join("pg_ctl");
        let mut cmd = if as_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(program);
            c
        } else {
            Command::new(program)
        };
        let _ = cmd
            .args([
                "-D",
                data.to_str().unwrap_or_default(),
                "-m",
                "immediate",
                "stop",
            ])
            .output();
    }
}

/// A self-signed certificate for localhost, which the test trusts through PGSSLROOTCERT.
fn make_certificate(dir: &Path, data: &Path) {
    let ok = Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        ])
        .args([
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost",
        ])
        .arg("-keyout")
        .arg(data.join("server.key"))
        .arg("-out")
        .arg(data.join("server.crt"))
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(
        data.join("server.key"),
        std::fs::Permissions::from_mode(0o600),
    )
    .unwrap();
}
