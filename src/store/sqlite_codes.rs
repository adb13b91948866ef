//! SQLite's result codes, turned into the store's errors a user can act on: a damaged
//! file, someone else's database, a locked or read-only one.

use std::path::Path;

use rusqlite::ErrorCode;

use super::StoreError;

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
                source: Some(Box::new(err)),
            },
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy { path },
            _ => StoreError::Failed {
                place: path.display().to_string(),
                source: Box::new(err),
            },
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
            StoreError::Failed { .. }
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
