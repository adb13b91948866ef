//! Looking at an existing store through SQLite without writing to it, after `header` has
//! passed it: the owner (`application_id`) and schema version as SQLite sees them (with the
//! write-ahead log), and, when it can matter, SQLite's check of the whole file. A file that
//! fails is reported and left exactly as it was.

use std::path::Path;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::error::StoreError;
use super::open::BUSY_TIMEOUT;
use super::schema::{APPLICATION_ID, latest_version};

/// A read-only connection to an existing database file, checked to be a store this program
/// can read.
///
/// In a directory where SQLite cannot create the WAL's shared-memory file (a read-only
/// place), the file is opened as immutable instead: nobody can be writing to it there.
pub fn open_checked_read_only(path: &Path) -> Result<Connection, StoreError> {
    match connect_read_only(path, path) {
        Err(StoreError::ReadOnly { .. } | StoreError::CannotOpen { .. }) => {
            let Some(uri) = immutable_uri(path) else {
                return Err(StoreError::CannotOpen {
                    path: path.to_path_buf(),
                    source: None,
                });
            };
            connect_read_only(Path::new(&uri), path)
        }
        other => other,
    }
}

/// Opens `target` (a path or a `file:` URI) read-only and checks it; errors name `path`.
fn connect_read_only(target: &Path, path: &Path) -> Result<Connection, StoreError> {
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
    // A store is factdeck's only if its application id says so, or if it is a blank new
    // database: another program's tables, or a version without the id, are not ours.
    let blank = app == 0 && version == 0 && objects == 0;
    if app != APPLICATION_ID && !blank {
        return Err(foreign());
    }
    if version > latest_version() {
        return Err(Checked::Store(StoreError::TooNew {
            path: path.to_path_buf(),
            found: version,
            known: latest_version(),
        }));
    }
    Ok(version)
}

/// How thoroughly SQLite reads the whole file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thoroughness {
    /// `PRAGMA quick_check`: every page and record, not the indexes' agreement with tables.
    Quick,
    /// `PRAGMA integrity_check` and `foreign_key_check`, for `factdeck doctor`.
    Full,
}

/// Reads the whole file and reports damage as [`StoreError::Corrupt`]. Read-only.
pub fn check_whole_file(
    conn: &Connection,
    path: &Path,
    how: Thoroughness,
) -> Result<(), StoreError> {
    let sqlite = |e| StoreError::from_sqlite(path, e);
    let pragma = match how {
        Thoroughness::Quick => "PRAGMA quick_check(5)",
        Thoroughness::Full => "PRAGMA integrity_check(5)",
    };
    let mut problems = rows_of(conn, pragma).map_err(sqlite)?;
    if problems.first().is_some_and(|first| first == "ok") {
        problems.clear();
    }
    if how == Thoroughness::Full {
        let dangling = rows_of(conn, "SELECT \"table\" || ' row ' || rowid || ' refers to a missing ' || parent FROM pragma_foreign_key_check LIMIT 5")
            .map_err(sqlite)?;
        problems.extend(dangling);
    }
    match problems.is_empty() {
        true => Ok(()),
        false => Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: problems.join("; "),
        }),
    }
}

fn rows_of(conn: &Connection, sql: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    rows.collect()
}

/// The newest session never finished: its process was killed, crashed or lost power (or
/// runs in another terminal right now). Only then can the file have been left in a state
/// worth reading whole; one indexed row, however long the history.
pub fn last_session_unfinished(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT coalesce((SELECT ended_at IS NULL FROM sessions ORDER BY id DESC LIMIT 1), 0)",
        [],
        |r| r.get(0),
    )
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
