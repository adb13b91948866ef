//! `factdeck doctor`: the whole file checked (SQLite's integrity check and foreign keys),
//! without writing to it, and what a person should know about it.

use std::path::Path;

use rusqlite::Connection;

use super::StoreResult;
use super::error::StoreError;
use super::header::{self, Found};
use super::schema::latest_version;
use super::verify::{self, Thoroughness};

/// What the check found at the store's path.
#[derive(Debug)]
pub enum Finding {
    /// No store yet (or an empty file): the first answer of a quiz creates it.
    NoStore,
    /// A store that passed every check.
    Healthy(Health),
    /// A file that factdeck refuses, with why and what to do.
    Refused(StoreError),
}

/// A healthy store, in numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Health {
    pub bytes: u64,
    /// The schema version; older than [`latest_version`] means the next quiz upgrades it.
    pub version: i64,
    pub sessions: i64,
    pub answers: i64,
    /// Sessions that never finished: killed, crashed, or running in another terminal now.
    pub unfinished: i64,
}

impl Health {
    pub fn upgrade_pending(&self) -> bool {
        self.version < latest_version()
    }
}

/// Checks the store at `path` through and through. Never writes to it.
pub fn examine(path: &Path) -> Finding {
    match examine_inner(path) {
        Ok(Some(health)) => Finding::Healthy(health),
        Ok(None) => Finding::NoStore,
        Err(e) => Finding::Refused(e),
    }
}

fn examine_inner(path: &Path) -> StoreResult<Option<Health>> {
    if matches!(header::inspect(path)?, Found::Nothing | Found::Empty) {
        return Ok(None);
    }
    let conn = verify::open_checked_read_only(path)?;
    verify::check_whole_file(&conn, path, Thoroughness::Full)?;
    let sqlite = |e| StoreError::from_sqlite(path, e);
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(sqlite)?;
    if version == 0 {
        return Ok(None);
    }
    let (sessions, answers, unfinished) = counts(&conn).map_err(sqlite)?;
    let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    Ok(Some(Health {
        bytes,
        version,
        sessions,
        answers,
        unfinished,
    }))
}

fn counts(conn: &Connection) -> rusqlite::Result<(i64, i64, i64)> {
    conn.query_row(
        "SELECT (SELECT count(*) FROM sessions), (SELECT count(*) FROM answers),
                (SELECT count(*) FROM sessions WHERE ended_at IS NULL)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
}
