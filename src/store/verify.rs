//! Looking at an existing store without writing to it: the SQLite magic bytes, then a
//! read-only connection for the owner (`application_id`), the schema version and, when asked,
//! `PRAGMA quick_check`. A file that fails is reported and left exactly as it was.

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::error::StoreError;
use super::open::BUSY_TIMEOUT;
use super::schema::{APPLICATION_ID, latest_version};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// What is at the store's path before factdeck touches it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Nothing,
    /// A zero-length file: SQLite's own new, empty database (another factdeck may be
    /// creating it right now).
    Empty,
    Sqlite,
}

/// Looks at the path without opening it as a database.
pub fn inspect(path: &Path) -> Result<Found, StoreError> {
    let cannot_open = |e| StoreError::CannotOpen {
        path: path.to_path_buf(),
        source: Some(e),
    };
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            return Ok(Found::Nothing);
        }
        Err(e) => return Err(cannot_open(e)),
    };
    if !meta.is_file() {
        return Err(StoreError::NotSqlite {
            path: path.to_path_buf(),
        });
    }
    if meta.len() == 0 {
        return Ok(Found::Empty);
    }
    let mut magic = [0u8; 16];
    let mut file = std::fs::File::open(path).map_err(cannot_open)?;
    match file.read_exact(&mut magic) {
        Ok(()) if &magic == SQLITE_MAGIC => Ok(Found::Sqlite),
        Ok(()) => Err(StoreError::NotSqlite {
            path: path.to_path_buf(),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => Err(StoreError::NotSqlite {
            path: path.to_path_buf(),
        }),
        Err(e) => Err(cannot_open(e)),
    }
}

/// A read-only connection to an existing database file, checked to be a store this program
/// can read. `deep` adds `PRAGMA quick_check`, which reads the whole file.
///
/// In a directory where SQLite cannot create the WAL's shared-memory file (a read-only
/// place), the file is opened as immutable instead: nobody can be writing to it there.
pub fn open_checked_read_only(path: &Path, deep: bool) -> Result<Connection, StoreError> {
    match connect_read_only(path, path, deep) {
        Err(StoreError::ReadOnly { .. } | StoreError::CannotOpen { .. }) => {
            let Some(uri) = immutable_uri(path) else {
                return Err(StoreError::CannotOpen {
                    path: path.to_path_buf(),
                    source: None,
                });
            };
            connect_read_only(Path::new(&uri), path, deep)
        }
        other => other,
    }
}

/// Opens `target` (a path or a `file:` URI) read-only and checks it; errors name `path`.
fn connect_read_only(target: &Path, path: &Path, deep: bool) -> Result<Connection, StoreError> {
    let sqlite = |e: rusqlite::Error| match e.sqlite_error_code() {
        // The magic bytes were right, so "not a database" means a damaged header.
        Some(ErrorCode::NotADatabase) => StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: "the file header is invalid".to_owned(),
        },
        Some(ErrorCode::CannotOpen) => StoreError::CannotOpen {
            path: path.to_path_buf(),
            source: None,
        },
        _ => StoreError::from_sqlite(path, e),
    };
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let conn = Connection::open_with_flags(target, flags).map_err(sqlite)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(sqlite)?;
    check_owner_and_version(&conn, path).map_err(|e| match e {
        Checked::Store(e) => e,
        Checked::Sql(e) => sqlite(e),
    })?;
    if deep {
        let problems = quick_check(&conn).map_err(sqlite)?;
        if problems.first().is_none_or(|first| first != "ok") {
            return Err(StoreError::Corrupt {
                path: path.to_path_buf(),
                detail: problems.join("; "),
            });
        }
    }
    Ok(conn)
}

/// `file:<path>?immutable=1`, percent-encoding all but unreserved characters and `/`.
fn immutable_uri(path: &Path) -> Option<String> {
    let absolute = std::path::absolute(path).ok()?;
    let text = absolute.to_str()?;
    let mut uri = String::from("file:");
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(char::from(byte));
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri.push_str("?immutable=1");
    Some(uri)
}
/// Why a store cannot be used as it is.
pub(super) enum Checked {
    Store(StoreError),
    Sql(rusqlite::Error),
}

impl From<rusqlite::Error> for Checked {
    fn from(e: rusqlite::Error) -> Self {
        Checked::Sql(e)
    }
}

/// The store's schema version, if the file is a factdeck store (or a blank database) and
/// not from a newer factdeck.
pub(super) fn check_owner_and_version(conn: &Connection, path: &Path) -> Result<i64, Checked> {
    // One statement, so one snapshot: read separately, another process's first migration
    // could commit in between and a new store would look like someone else's database.
    let (app, version, objects): (i64, i64, i64) = conn.query_row(
        "SELECT (SELECT application_id FROM pragma_application_id()),
                (SELECT user_version FROM pragma_user_version()),
                (SELECT count(*) FROM sqlite_schema)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let foreign = || {
        Checked::Store(StoreError::Foreign {
            path: path.to_path_buf(),
        })
    };
    if app != APPLICATION_ID && app != 0 {
        return Err(foreign());
    }
    if version > latest_version() {
        return Err(Checked::Store(StoreError::TooNew {
            path: path.to_path_buf(),
            found: version,
            known: latest_version(),
        }));
    }
    if version == 0 && objects > 0 {
        return Err(foreign());
    }
    Ok(version)
}

fn quick_check(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA quick_check(5)")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    rows.collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn immutable_uris_escape_what_uris_reserve() {
        let uri = immutable_uri(Path::new("/data/my #1 ?store%.sqlite3")).unwrap();
        assert_eq!(
            uri,
            "file:/data/my%20%231%20%3Fstore%25.sqlite3?immutable=1"
        );
    }
}
