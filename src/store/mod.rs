//! The local score store: one SQLite file recording every quiz session and answer.
//!
//! - Every answer is its own committed transaction in WAL mode, so `kill -9` at any moment
//!   loses no answer already recorded, and quizzes in several terminals can all write
//!   (writers wait for each other up to [`BUSY_TIMEOUT`]).
//! - A file that is not a factdeck store, is damaged, or comes from a newer factdeck is
//!   reported with what to do, and never modified.
//! - Times are UTC milliseconds (see `schema`); callers pass the clock in, so tests are exact.
//!
//! The store knows nothing about how questions are made or graded: the quiz hands it plain
//! records (`record`). Nor does it schedule: spaced repetition (`memory`, `review`) stores
//! what `srs` computes, with the answer, in one transaction.

mod changes;
pub mod doctor;
mod error;
#[cfg(test)]
pub(crate) mod fake;
mod header;
mod history;
mod memory;
mod open;
mod progress;
mod query;
mod record;
mod review;
mod schema;
mod sqlite_codes;
mod stats;
mod study;
mod sync;
mod verify;
mod write;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use open::WholeFile;

pub use changes::{
    Changes, Deleted, Log, SyncedAnswer, SyncedMemory, SyncedReview, SyncedSession, SyncedTable,
};
pub use error::{BackendError, StoreError};
pub use history::ScoreHistory;
pub use memory::{MemoryRow, Recall};
pub use open::BUSY_TIMEOUT;
pub use query::{AnswerRow, Filter, SessionRow, SessionStatus};
pub use record::{
    AnswerId, AnswerRecord, Mode, NewSession, Outcome, ReviewSource, SessionEnd, SessionId,
    UnknownName, credited,
};
pub use review::{PastReview, Rescheduled, ReviewRecord};
pub use schema::latest_version as schema_version;
pub use stats::{FactFormCount, ModeTotals, SessionTotals};
pub use study::{Replay, Reschedule, StudyLog};
pub use sync::{Device, Received};

pub type StoreResult<T> = Result<T, StoreError>;

/// An open score store.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens the store for recording, creating its directory and file if missing and
    /// bringing the schema up to date. An existing file is verified before anything is
    /// written to it: its header on every open (a few bytes, whatever the history), and the
    /// whole file (`PRAGMA quick_check`) only after a session that did not end cleanly.
    pub fn open(path: impl AsRef<Path>) -> StoreResult<Store> {
        let path = path.as_ref();
        let whole = match header::inspect(path)? {
            header::Found::Nothing | header::Found::Empty => WholeFile::Skip,
            header::Found::Blank => {
                // Maybe someone else's tables in a write-ahead log: look without writing.
                drop(verify::open_checked_read_only(path)?);
                WholeFile::Skip
            }
            header::Found::Store {
                check_deeply: true, ..
            } => WholeFile::Check,
            header::Found::Store { .. } => WholeFile::CheckIfUnclean,
        };
        let conn = open::open_read_write(path, whole)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Opens again a store this process opened with [`Store::open`] (to finish a session from
    /// a signal handler): the header is looked at again, the whole file is not.
    pub fn reopen(path: impl AsRef<Path>) -> StoreResult<Store> {
        let path = path.as_ref();
        header::inspect(path)?;
        Ok(Store {
            conn: open::open_read_write(path, WholeFile::Skip)?,
            path: path.to_path_buf(),
        })
    }

    /// Opens an existing store read-only, for looking at history. `None` when there is no
    /// store yet (nothing is created). Skips `quick_check` to stay fast on a large store;
    /// damage met while reading is still reported as such.
    pub fn open_existing_read_only(path: impl AsRef<Path>) -> StoreResult<Option<Store>> {
        let path = path.as_ref();
        if matches!(
            header::inspect(path)?,
            header::Found::Nothing | header::Found::Empty
        ) {
            return Ok(None);
        }
        let conn = verify::open_checked_read_only(path)?;
        let store = Store {
            conn,
            path: path.to_path_buf(),
        };
        // A file another factdeck is creating right now has no tables yet.
        let has_schema: bool = store
            .conn
            .pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))
            .map(|v| v > 0)
            .map_err(|e| store.error(e))?;
        Ok(has_schema.then_some(store))
    }

    /// A store migrated only up to `version`, as an older factdeck left it.
    #[cfg(test)]
    pub(crate) fn open_at_version(path: impl AsRef<Path>, version: i64) -> StoreResult<Store> {
        let path = path.as_ref();
        Ok(Store {
            conn: open::open_at_version(path, version, WholeFile::Skip)?,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn error(&self, e: rusqlite::Error) -> StoreError {
        StoreError::from_sqlite(&self.path, e)
    }
}

#[cfg(test)]
pub(crate) mod tests;
