//! Opening the store for recording: directory, WAL, pragmas and migrations, after
//! `header` has looked at any existing file without opening it. Before anything is written,
//! SQLite's view of the owner and version is checked too, and after a session that did not
//! end cleanly, the whole file.

use std::path::Path;
use std::thread::sleep;
use std::time::{Duration, Instant};

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

use super::error::StoreError;
use super::schema::{APPLICATION_ID, MIGRATIONS, latest_version};
use super::verify::{
    Checked, Thoroughness, check_owner_and_version, check_whole_file, last_session_unfinished,
};

/// How long a write waits for another factdeck (another terminal) to finish its own.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// When to read the whole file before writing to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WholeFile {
    /// The header could not vouch for it.
    Check,
    /// After a session that did not end cleanly (the usual open).
    CheckIfUnclean,
    /// This process has just checked it.
    Skip,
}

/// The read-write connection for recording quizzes; creates the directory and file if needed.
pub fn open_read_write(path: &Path, whole: WholeFile) -> Result<Connection, StoreError> {
    open_at_version(path, latest_version(), whole)
}

/// As `open_read_write`, migrating only up to `version` (tests build old stores with it).
pub(super) fn open_at_version(
    path: &Path,
    version: i64,
    whole: WholeFile,
) -> Result<Connection, StoreError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
            dir: dir.to_path_buf(),
            source,
        })?;
    }
    let sqlite = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(ErrorCode::CannotOpen) => StoreError::CannotOpen {
            path: path.to_path_buf(),
            source: None,
        },
        _ => StoreError::from_sqlite(path, e),
    };
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags).map_err(sqlite)?;
    // SQLite silently falls back to read-only for a write-protected file.
    if conn.is_readonly(rusqlite::MAIN_DB).map_err(sqlite)? {
        return Err(StoreError::ReadOnly {
            path: path.to_path_buf(),
            source: None,
        });
    }
    conn.busy_timeout(BUSY_TIMEOUT).map_err(sqlite)?;
    // Read before the first write (switching to WAL is one): refuse a file that is not ours
    // as SQLite sees it, write-ahead log included, and read the whole file when it can matter.
    let found = check_owner_and_version(&conn, path).map_err(|e| match e {
        Checked::Store(e) => e,
        Checked::Sql(e) => sqlite(e),
    })?;
    let check = match whole {
        WholeFile::Check => true,
        WholeFile::CheckIfUnclean => found > 0 && last_session_unfinished(&conn).map_err(sqlite)?,
        WholeFile::Skip => false,
    };
    if check && found > 0 {
        check_whole_file(&conn, path, Thoroughness::Quick)?;
    }
    enable_wal(&conn, path)?;
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(sqlite)?;
    conn.pragma_update(None, "foreign_keys", true)
        .map_err(sqlite)?;
    migrate(&mut conn, path, version)?;
    Ok(conn)
}

/// Switches to WAL, so each answer commits with one append and readers never block writers.
///
/// On a brand-new file, several processes setting `journal_mode=WAL` at once can get
/// "database is locked" at once, without the busy handler being called. So: read the mode
/// first (nothing to do on every later open), and retry the switch until the busy timeout.
fn enable_wal(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        let attempt = conn
            .pragma_query_value(None, "journal_mode", |r| r.get::<_, String>(0))
            .and_then(|mode| match mode.eq_ignore_ascii_case("wal") {
                true => Ok(mode),
                false => conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0)),
            });
        match attempt {
            Ok(mode) if mode.eq_ignore_ascii_case("wal") => return Ok(()),
            Err(e) if !is_busy(&e) => return Err(StoreError::from_sqlite(path, e)),
            // Busy, or the switch was refused because another connection is mid-transaction.
            _ if Instant::now() >= deadline => {
                return Err(StoreError::Busy {
                    path: path.to_path_buf(),
                });
            }
            _ => sleep(Duration::from_millis(5)),
        }
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

/// Brings the schema to version `target` in one transaction, or leaves it as it was.
fn migrate(conn: &mut Connection, path: &Path, target: i64) -> Result<(), StoreError> {
    let sqlite = |e| StoreError::from_sqlite(path, e);
    // Without taking the write lock first: on every open but the first there is nothing to do.
    let unlocked = check_owner_and_version(conn, path);
    if matches!(unlocked, Ok(v) if v >= target) {
        return Ok(());
    }
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sqlite)?;
    // Again under the lock: another process may have migrated meanwhile.
    let version = check_owner_and_version(&tx, path).map_err(|e| match e {
        Checked::Store(e) => e,
        Checked::Sql(e) => sqlite(e),
    })?;
    if version >= target {
        return Ok(());
    }
    let done = usize::try_from(version).unwrap_or(usize::MAX);
    let wanted = usize::try_from(target).unwrap_or(usize::MAX);
    for sql in MIGRATIONS.iter().take(wanted).skip(done) {
        tx.execute_batch(sql).map_err(sqlite)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)
        .map_err(sqlite)?;
    tx.pragma_update(None, "user_version", target)
        .map_err(sqlite)?;
    tx.commit().map_err(sqlite)
}
