//! What can go wrong with the hub, each saying which hub (never its password) and what to do.

use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum HubError {
    #[error(
        "no hub: pass --hub URL, set FACTDECK_HUB, or put hub = \"postgresql://…\" in the data \
         directory's config.toml"
    )]
    NoUrl,

    #[error(
        "`{url}` is not a PostgreSQL URL ({reason}); write it as \
         postgresql://[user@]host[:port]/database[?sslmode=require]"
    )]
    BadUrl { url: String, reason: String },

    #[error(
        "the hub URL holds a password; factdeck never stores or prints one: remove it from the \
         URL and set PGPASSWORD or add a line to ~/.pgpass instead"
    )]
    PasswordInUrl,

    #[error(
        "the hub URL logs in as `{user}` but the learner is `{learner}`: a learner syncs as their \
         own role (drop the user from the URL, or pass --learner {user})"
    )]
    NotTheLearner { user: String, learner: String },

    #[error("cannot reach the hub {hub}; check the URL and that the server is up ({cause})")]
    Unreachable { hub: String, cause: String },

    #[error(
        "the hub {hub} did not answer within {} s; check the URL and the network, or try again \
         later",
        .waited.as_secs()
    )]
    NoAnswer { hub: String, waited: Duration },

    #[error(
        "the hub {hub} asks for a password: set PGPASSWORD or add a line \
         host:port:database:user:password to ~/.pgpass{note}"
    )]
    NeedsPassword { hub: String, note: String },

    #[error("the hub {hub} refused the login of `{user}` ({cause}); check the user and password")]
    LoginRefused {
        hub: String,
        user: String,
        cause: String,
    },

    #[error(
        "cannot make a secure connection to the hub {hub} ({cause}); if the hub's certificate is \
         signed by a private authority, set PGSSLROOTCERT to that authority's certificate"
    )]
    Tls { hub: String, cause: String },

    #[error("cannot read PGSSLROOTCERT {path}; point it at a PEM certificate ({cause})")]
    RootCert { path: String, cause: String },

    #[error("{hub} has no factdeck hub yet; its administrator runs `factdeck hub init --hub URL`")]
    NotInitialized { hub: String },

    #[error(
        "the hub {hub} has schema version {found}, older than this factdeck's ({known}); its \
         administrator runs `factdeck hub init --hub URL` to upgrade it"
    )]
    TooOld { hub: String, found: i32, known: i32 },

    #[error(
        "the hub {hub} has schema version {found}, newer than this factdeck knows ({known}); \
         upgrade factdeck"
    )]
    TooNew { hub: String, found: i32, known: i32 },

    #[error(
        "`{user}` is not a learner on the hub {hub}; its administrator runs `factdeck hub init \
         --hub URL --learners {user}`"
    )]
    NotALearner { hub: String, user: String },

    #[error(
        "`{user}` may not read the class on the hub {hub}: the report needs a teacher's role \
         (`factdeck hub init --hub URL --teachers {user}`)"
    )]
    NotATeacher { hub: String, user: String },

    #[error(
        "this device's id is registered on the hub {hub} to another learner; a copied data \
         directory cannot sync as someone else: use a fresh --data-dir"
    )]
    DeviceTaken { hub: String },

    #[error(
        "`{user}` may not {what} on {hub}: connect as a superuser or a role with CREATEROLE \
         that owns the database"
    )]
    NotAllowed {
        hub: String,
        user: String,
        what: &'static str,
    },

    #[error("the hub {hub} failed: {cause}")]
    Postgres { hub: String, cause: String },
}

impl HubError {
    /// A PostgreSQL error while talking to `hub`, with its server message (which never holds a
    /// password).
    pub(crate) fn postgres(hub: &str, e: &postgres::Error) -> HubError {
        HubError::Postgres {
            hub: hub.to_owned(),
            cause: describe(e),
        }
    }
}

/// The error with its server message or underlying cause, in one line.
pub(crate) fn describe(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return db.message().to_owned();
    }
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        text.push_str(": ");
        match rustls_error(cause).and_then(certificate_words) {
            Some(words) => {
                text.push_str("invalid peer certificate: ");
                text.push_str(words);
                break;
            }
            None => text.push_str(&cause.to_string()),
        }
        source = cause.source();
    }
    text
}

/// The TLS library's error behind `cause`, which the TLS stream wraps in an I/O error.
fn rustls_error<'e>(cause: &'e (dyn std::error::Error + 'static)) -> Option<&'e rustls::Error> {
    cause.downcast_ref::<rustls::Error>().or_else(|| {
        cause
            .downcast_ref::<std::io::Error>()
            .and_then(std::io::Error::get_ref)
            .and_then(|inner| inner.downcast_ref::<rustls::Error>())
    })
}

/// Why the hub's certificate was refused, in words for whoever sets the hub up; `None` for
/// a failure better shown as the TLS library words it. rustls names these by their Rust
/// names ("Other(OtherError(CaUsedAsEndEntity))").
fn certificate_words(e: &rustls::Error) -> Option<&'static str> {
    use rustls::CertificateError as C;
    let rustls::Error::InvalidCertificate(c) = e else {
        return None;
    };
    Some(match c {
        C::UnknownIssuer => "it is signed by an authority this machine does not trust",
        C::Expired | C::ExpiredContext { .. } => "it has expired",
        C::NotValidYet | C::NotValidYetContext { .. } => "it is not valid yet",
        C::NotValidForName | C::NotValidForNameContext { .. } => {
            "it was made for another host name"
        }
        C::BadSignature => "its signature does not match its authority",
        // webpki's error, passed through as text: the certificate is an authority's own,
        // as `openssl req -x509` and PostgreSQL's self-signed recipe make it.
        C::Other(other) if other.to_string().contains("CaUsedAsEndEntity") => {
            "it is self-signed (an authority's own certificate), which no authority vouches for"
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustls::CertificateError;

    #[test]
    fn a_refused_certificate_is_told_in_words_and_anything_else_as_it_is() {
        let refused = |c| certificate_words(&rustls::Error::InvalidCertificate(c));
        assert_eq!(
            refused(CertificateError::UnknownIssuer),
            Some("it is signed by an authority this machine does not trust")
        );
        assert_eq!(refused(CertificateError::Expired), Some("it has expired"));
        assert_eq!(refused(CertificateError::Revoked), None);
        assert_eq!(certificate_words(&rustls::Error::DecryptError), None);
        // Wrapped as the TLS stream wraps it.
        let io = std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            rustls::Error::InvalidCertificate(CertificateError::NotValidForName),
        );
        let found = rustls_error(&io).and_then(certificate_words);
        assert_eq!(found, Some("it was made for another host name"));
    }
}
