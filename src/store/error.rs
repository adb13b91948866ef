//! What can go wrong with the score store, each saying which file and what to do.
//!
//! Every message about an existing file ends by saying it was left untouched: factdeck never
//! repairs, replaces or migrates a file it does not fully understand.

use std::io;
use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

use super::record::{AnswerId, SessionId};

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
        source: Option<rusqlite::Error>,
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

    #[error("the score store {} failed", path.display())]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
}

impl StoreError {
    /// Turns an SQLite failure on `path` into the error a user can act on.
    pub(crate) fn from_sqlite(path: &Path, err: rusqlite::Error) -> StoreError {
        let path = path.to_path_buf();
        match err.sqlite_error_code() {
            Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
                path,
                detail: err.to_string(),
            },
            Some(ErrorCode::NotADatabase) => StoreError::NotSqlite { path },
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly {
                path,
                source: Some(err),
            },
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy { path },
            _ => StoreError::Sqlite { path, source: err },
        }
    }
}

/// `rusqlite::Error` for a given SQLite result code (tests build errors with it).
#[cfg(test)]
pub(crate) fn sqlite_failure(code: std::ffi::c_int) -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::ffi;

    fn classify(code: std::ffi::c_int) -> StoreError {
        StoreError::from_sqlite(Path::new("/d/factdeck.sqlite3"), sqlite_failure(code))
    }

    #[test]
    fn sqlite_codes_become_errors_a_user_can_act_on() {
        assert!(matches!(
            classify(ffi::SQLITE_CORRUPT),
            StoreError::Corrupt { .. }
        ));
        assert!(matches!(
            classify(ffi::SQLITE_NOTADB),
            StoreError::NotSqlite { .. }
        ));
        assert!(matches!(
            classify(ffi::SQLITE_READONLY),
            StoreError::ReadOnly { .. }
        ));
        assert!(matches!(
            classify(ffi::SQLITE_BUSY),
            StoreError::Busy { .. }
        ));
        assert!(matches!(
            classify(ffi::SQLITE_FULL),
            StoreError::Sqlite { .. }
        ));
    }

    #[test]
    fn messages_name_the_file_and_say_what_to_do() {
        let text = classify(ffi::SQLITE_READONLY).to_string();
        assert!(text.contains("/d/factdeck.sqlite3"), "{text}");
        assert!(text.contains("--data-dir"), "{text}");
        let text = classify(ffi::SQLITE_CORRUPT).to_string();
        assert!(text.contains("left untouched"), "{text}");
    }
}
