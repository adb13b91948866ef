//! Reaching the hub: its URL in libpq's form, the password from where libpq finds it, TLS,
//! and a deadline on the whole connection so that a hub that is down is reported quickly.

use std::str::FromStr;
use std::sync::mpsc;
use std::time::Duration;

use postgres::config::{Host, SslMode};

use super::Hub;
use super::error::{HubError, describe};
use super::pgpass::{self, Lookup, Target};

/// How long connecting may take unless the URL's `connect_timeout` says otherwise: the hub
/// down is reported well within 10 seconds.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// A hub's address, checked to hold no password.
#[derive(Debug, Clone)]
pub struct HubUrl {
    config: postgres::Config,
}

impl FromStr for HubUrl {
    type Err = HubError;

    fn from_str(text: &str) -> Result<HubUrl, HubError> {
        // libpq's verify-ca and verify-full: certificates are always verified here.
        let text = text
            .trim()
            .replace("sslmode=verify-full", "sslmode=require")
            .replace("sslmode=verify-ca", "sslmode=require");
        let mut config = postgres::Config::from_str(&text).map_err(|e| HubError::BadUrl {
            url: without_password(&text),
            reason: describe(&e),
        })?;
        if config.get_password().is_some() {
            return Err(HubError::PasswordInUrl);
        }
        if config.get_hosts().is_empty() {
            // libpq's default: the local server's socket directory.
            match std::path::Path::new("/var/run/postgresql").is_dir() {
                true => config.host_path("/var/run/postgresql"),
                false => config.host("localhost"),
            };
        }
        Ok(HubUrl { config })
    }
}

/// The URL for messages when it did not parse: anything between `:` and `@` is dropped.
fn without_password(text: &str) -> String {
    match (text.find("://"), text.find('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let user_info = &text[scheme + 3..at];
            let user = user_info.split(':').next().unwrap_or_default();
            format!("{}{user}{}", &text[..scheme + 3], &text[at..])
        }
        _ => text.to_owned(),
    }
}

impl HubUrl {
    /// The user the URL logs in as, if it names one.
    pub fn user(&self) -> Option<&str> {
        self.config.get_user()
    }

    /// Logs in as `user` unless the URL names a user.
    pub fn or_user(mut self, user: &str) -> HubUrl {
        if self.config.get_user().is_none() {
            self.config.user(user);
        }
        self
    }

    /// `user@host:port/database`, for messages.
    pub fn shown(&self) -> String {
        let user = self.config.get_user().unwrap_or_default();
        let host = self.host();
        let port = self.port();
        let db = self.database();
        format!("{user}@{host}:{port}/{db}")
    }

    fn host(&self) -> String {
        match self.config.get_hosts().first() {
            Some(Host::Tcp(name)) => name.clone(),
            Some(Host::Unix(path)) => path.display().to_string(),
            None => String::new(),
        }
    }

    fn port(&self) -> u16 {
        self.config.get_ports().first().copied().unwrap_or(5432)
    }

    fn database(&self) -> String {
        self.config
            .get_dbname()
            .or(self.config.get_user())
            .unwrap_or_default()
            .to_owned()
    }

    /// Connects, giving up after the URL's `connect_timeout` or [`CONNECT_TIMEOUT`].
    pub fn connect(&self) -> Result<Hub, HubError> {
        let shown = self.shown();
        let user = self.config.get_user().unwrap_or_default().to_owned();
        let mut config = self.config.clone();
        let host = self.host();
        let unix_socket = matches!(config.get_hosts().first(), Some(Host::Unix(_)));
        let database = self.database();
        let lookup = pgpass::lookup(&Target {
            host: &host,
            unix_socket,
            port: self.port(),
            database: &database,
            user: &user,
        });
        let note = match lookup {
            Lookup::Found(password) => {
                config.password(password);
                String::new()
            }
            Lookup::Missing(note) => note,
        };
        let waited = config
            .get_connect_timeout()
            .copied()
            .unwrap_or(CONNECT_TIMEOUT);
        config.connect_timeout(waited);
        // A network that vanishes mid-sync fails the sync instead of hanging it.
        config.tcp_user_timeout(Duration::from_secs(30));
        config.keepalives_idle(Duration::from_secs(15));
        config.application_name("factdeck");
        // Loading the system's certificates takes a noticeable time (~0.1 s): only when TLS
        // can be used at all (never on a Unix socket, as with libpq).
        let tls = match unix_socket || config.get_ssl_mode() == SslMode::Disable {
            true => None,
            false => Some(super::tls::connector()?),
        };
        let (send, receive) = mpsc::channel();
        // postgres blocks in connect with no deadline past the socket's own: wait for it here.
        // A thread left behind dies with the process, which ends right after the error.
        std::thread::spawn(move || {
            let _ = send.send(match tls {
                Some(tls) => config.connect(tls),
                None => config.connect(postgres::NoTls),
            });
        });
        let client = match receive.recv_timeout(waited + Duration::from_millis(500)) {
            Ok(Ok(client)) => client,
            Ok(Err(e)) => return Err(classify(&shown, &user, &e, note)),
            Err(_) => {
                return Err(HubError::NoAnswer { hub: shown, waited });
            }
        };
        Ok(Hub {
            client,
            name: shown,
            user,
        })
    }

    /// A remote hub reached without `sslmode=require`: worth a word to whoever sets it up.
    pub fn remote_without_tls(&self) -> bool {
        let local = match self.config.get_hosts().first() {
            Some(Host::Tcp(name)) => name == "localhost" || name.starts_with("127."),
            _ => true,
        };
        !local && self.config.get_ssl_mode() != SslMode::Require
    }
}

/// A failed connection as something a person can act on.
fn classify(hub: &str, user: &str, e: &postgres::Error, note: String) -> HubError {
    let hub = hub.to_owned();
    let cause = describe(e);
    if let Some(db) = e.as_db_error() {
        use postgres::error::SqlState;
        let code = db.code();
        if *code == SqlState::INVALID_PASSWORD
            || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
        {
            return HubError::LoginRefused {
                hub,
                user: user.to_owned(),
                cause,
            };
        }
        return HubError::Unreachable { hub, cause };
    }
    if cause.contains("password missing") {
        return HubError::NeedsPassword { hub, note };
    }
    if cause.starts_with("error performing TLS handshake") {
        return HubError::Tls { hub, cause };
    }
    HubError::Unreachable { hub, cause }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_in_the_url_is_refused_and_never_echoed() {
        let err = "postgresql://ana:s3cret@hub/class"
            .parse::<HubUrl>()
            .unwrap_err();
        assert!(matches!(err, HubError::PasswordInUrl));
        assert!(!err.to_string().contains("s3cret"));
        let err = "postgresql://ana:s3cret@hub/class?sslmode=bogus"
            .parse::<HubUrl>()
            .unwrap_err();
        assert!(!err.to_string().contains("s3cret"), "{err}");
    }

    #[test]
    fn the_url_names_user_host_port_and_database() {
        let url: HubUrl = "postgresql://hub.example:6000/class?sslmode=verify-full"
            .parse()
            .unwrap();
        assert_eq!(url.user(), None);
        assert!(!url.remote_without_tls());
        let url = url.or_user("ana");
        assert_eq!(url.shown(), "ana@hub.example:6000/class");
        let plain: HubUrl = "postgresql://hub.example/class".parse().unwrap();
        assert!(plain.remote_without_tls());
        let url: HubUrl = "postgresql://postgres@/db?host=/tmp/s&port=7"
            .parse()
            .unwrap();
        assert!(!url.remote_without_tls());
        assert_eq!(url.or_user("ana").shown(), "postgres@/tmp/s:7/db");
    }

    #[test]
    fn a_url_that_is_not_one_says_how_to_write_it() {
        let err = "hub.example".parse::<HubUrl>().unwrap_err().to_string();
        assert!(err.contains("postgresql://"), "{err}");
    }
}
