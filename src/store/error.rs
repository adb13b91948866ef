//! What can go wrong with the score store, each saying which file and what to do.
//!
//! Every message about an existing file ends by saying it was left untouched: factdeck never
//! repairs, replaces or migrates a file it does not fully understand.
//!
//! The type names no backend: a cause is any error (`BackendError`), so a second backend
//! (a shared class store) reports through the same variants without SQLite in its types.
//! How SQLite's result codes map onto them is `sqlite_codes`.

use std::io;
use std::path::PathBuf;

use super::record::{AnswerId, SessionId};

/// What a backend said went wrong, kept as the cause of a [`StoreError`].
pub type BackendError = Box<dyn std::error::Error + Send + Sync>;

const ELSEWHERE: &str = "or pass --data-dir DIR (or set FACTDECK_HOME) to use another place";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{} is not a factdeck score store (it is not an SQLite database) and was left untouched; \
         move it away, {ELSEWHERE}",
        path.display()
    )]
    NotSqlite { path: PathBuf },

    #[error(
        "{} is an SQLite database but not a factdeck score store, and was left untouched; \
         move it away, {ELSEWHERE}",
        path.display()
    )]
    Foreign { path: PathBuf },

    #[error(
        "the score store {} is damaged ({detail}) and was left untouched; move it away to start \
         a new one (sqlite3's `.recover` may rescue its data), {ELSEWHERE}",
        path.display()
    )]
    Corrupt { path: PathBuf, detail: String },

    #[error(
        "the score store {} has schema version {found}, newer than this factdeck knows \
         ({known}), and was left untouched; upgrade factdeck, {ELSEWHERE}",
        path.display()
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    #[error(
        "cannot write to the score store {}; make it and its directory writable, {ELSEWHERE}",
        path.display()
    )]
    ReadOnly {
        path: PathBuf,
        #[source]
        source: Option<BackendError>,
    },

    #[error(
        "cannot create the data directory {} for the score store: fix its permissions, {ELSEWHERE}",
        dir.display()
    )]
    CreateDir {
        dir: PathBuf,
        #[source]
        source: io::Error,
    },

    #[error("cannot open the score store {}; check the path and its permissions, {ELSEWHERE}", path.display())]
    CannotOpen {
        path: PathBuf,
        #[source]
        source: Option<io::Error>,
    },

    #[error(
        "the score store {} is a symbolic link to {}, which does not exist; factdeck will not \
         create it: fix or remove the link, {ELSEWHERE}",
        path.display(), target.display()
    )]
    DanglingSymlink { path: PathBuf, target: PathBuf },

    #[error(
        "the score store {} stayed locked by another program for too long; try again",
        path.display()
    )]
    Busy { path: PathBuf },

    #[error("there is no session {0} in the score store (see `factdeck history`)")]
    UnknownSession(SessionId),

    #[error("there is no answer {} in the score store", .0.0)]
    UnknownAnswer(AnswerId),

    /// Any other failure of the backend, with its own words as the cause.
    #[error("the score store {place} failed")]
    Failed {
        /// Where the store is: a file's path, a server's address.
        place: String,
        #[source]
        source: BackendError,
    },
}
