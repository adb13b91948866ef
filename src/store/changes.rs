//! The rows that travel between devices, and reading what this device changed since a tick.
//!
//! A device sends only what it recorded itself (`device IS NULL` here) and every memory it
//! holds that changed; it receives what other devices of the same learner recorded. Rows
//! are named by their `uid` everywhere off this device: local row ids never leave it.

use jiff::Timestamp;
use rusqlite::{Row, Transaction};
use uuid::Uuid;

use super::memory::{MEMORY_COLUMNS, memory_from};
use super::query::parsed;
use super::record::{Mode, Outcome, ReviewSource};
use super::schema::{from_ms, seed_from_sql};
use super::{Store, StoreResult};
use crate::deck::Kind;
use crate::srs::{Memory, Rating};

/// A quiz or review session, as it travels.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncedSession {
    pub uid: Uuid,
    /// The device that recorded it.
    pub device: Uuid,
    pub deck_id: String,
    pub deck_hash: String,
    pub mode: Mode,
    pub seed: u64,
    pub started_at: Timestamp,
    pub ended_at: Option<Timestamp>,
    pub last_answer_at: Option<Timestamp>,
    pub interrupted: bool,
    pub score: u32,
    pub total: u32,
}

/// One answer, as it travels.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncedAnswer {
    pub uid: Uuid,
    pub session: Uuid,
    pub device: Uuid,
    /// The recording device's own order of its answers.
    pub seq: i64,
    pub deck_id: String,
    pub fact_id: String,
    pub kind: Kind,
    pub form: String,
    pub prompt: String,
    pub given: String,
    pub expected: String,
    pub verdict: Outcome,
    pub overridden: bool,
    pub response_ms: u32,
    pub answered_at: Timestamp,
}

/// The rating behind one answer, as it travels.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncedReview {
    pub uid: Uuid,
    pub answer: Uuid,
    pub device: Uuid,
    /// The recording device's own order (its answer's).
    pub seq: i64,
    pub deck_id: String,
    pub fact_id: String,
    pub rating: Rating,
    pub source: ReviewSource,
    /// The desired retention it was scheduled with.
    pub retention: f64,
    pub was_due: bool,
    pub reviewed_at: Timestamp,
}

/// One fact's memory, sent so that a teacher's report can count the facts due.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncedMemory {
    pub deck_id: String,
    pub fact_id: String,
    pub memory: Memory,
    pub retired: bool,
}

/// Which kind of row a deletion was of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SyncedTable {
    Sessions,
    Answers,
    Reviews,
}

impl SyncedTable {
    pub fn as_str(self) -> &'static str {
        match self {
            SyncedTable::Sessions => "sessions",
            SyncedTable::Answers => "answers",
            SyncedTable::Reviews => "reviews",
        }
    }

    fn from_name(name: &str) -> Option<SyncedTable> {
        [
            SyncedTable::Sessions,
            SyncedTable::Answers,
            SyncedTable::Reviews,
        ]
        .into_iter()
        .find(|t| t.as_str() == name)
    }
}

/// A row deleted on the device that recorded it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Deleted {
    pub uid: Uuid,
    pub table: SyncedTable,
}

/// Rows of the shared log: sessions, answers, ratings and deletions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Log {
    pub sessions: Vec<SyncedSession>,
    pub answers: Vec<SyncedAnswer>,
    pub reviews: Vec<SyncedReview>,
    pub deleted: Vec<Deleted>,
}

impl Log {
    pub fn is_empty(&self) -> bool {
        self.sessions.is_empty()
            && self.answers.is_empty()
            && self.reviews.is_empty()
            && self.deleted.is_empty()
    }
}

/// What this device changed after a tick: its own rows, every changed memory, and the tick
/// they reach (`through`), which the hub keeps as acknowledged once they are stored.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Changes {
    pub log: Log,
    pub memory: Vec<SyncedMemory>,
    pub through: i64,
}

impl Store {
    /// Everything this device changed after `tick`, read in one snapshot.
    pub fn changes_since(&self, tick: i64) -> StoreResult<Changes> {
        let run = || -> rusqlite::Result<Changes> {
            // A read transaction: one snapshot, whatever a quiz in another terminal commits.
            let tx = self.conn.unchecked_transaction()?;
            let me = own_device(&tx)?;
            let changes = Changes {
                log: Log {
                    sessions: select(&tx, SESSIONS, tick, |r| session_from(r, me))?,
                    answers: select(&tx, ANSWERS, tick, |r| answer_from(r, me))?,
                    reviews: select(&tx, REVIEWS, tick, |r| review_from(r, me))?,
                    deleted: select(&tx, DELETED, tick, deleted_from)?,
                },
                memory: select(&tx, &memory_sql(), tick, memory_row)?,
                through: tx.query_row("SELECT tick FROM device", [], |r| r.get(0))?,
            };
            tx.finish()?;
            Ok(changes)
        };
        run().map_err(|e| self.error(e))
    }
}

/// Sessions that ticked, and those whose running score moved with an answer that did.
const SESSIONS: &str = "SELECT uid, deck_id, deck_hash, mode, seed, started_at, ended_at,
        last_answer_at, interrupted, score, total
    FROM sessions WHERE device IS NULL AND (tick > ?1
        OR id IN (SELECT session_id FROM answers WHERE device IS NULL AND tick > ?1))
    ORDER BY id";

const ANSWERS: &str = "SELECT a.uid, s.uid, a.id, a.deck_id, a.fact_id, a.kind, a.form,
        a.prompt, a.given, a.expected, a.verdict, a.overridden, a.response_ms, a.answered_at
    FROM answers a JOIN sessions s ON s.id = a.session_id
    WHERE a.device IS NULL AND a.tick > ?1 ORDER BY a.tick";

const REVIEWS: &str = "SELECT r.uid, a.uid, r.answer_id, r.deck_id, r.fact_id, r.rating,
        r.source, r.retention, r.was_due, r.reviewed_at
    FROM reviews r JOIN answers a ON a.id = r.answer_id
    WHERE r.device IS NULL AND r.tick > ?1 ORDER BY r.tick";

const DELETED: &str = "SELECT uid, tbl FROM sync_deleted WHERE tick > ?1 ORDER BY tick";

/// Memories that ticked (retired, or replayed from received ratings), and those of facts
/// rated here since.
fn memory_sql() -> String {
    format!(
        "SELECT deck_id, fact_id, retired, {MEMORY_COLUMNS} FROM memory
         WHERE tick > ?1 OR (deck_id, fact_id) IN
             (SELECT deck_id, fact_id FROM reviews WHERE device IS NULL AND tick > ?1)"
    )
}

fn select<T>(
    tx: &Transaction<'_>,
    sql: &str,
    tick: i64,
    map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let mut stmt = tx.prepare_cached(sql)?;
    let rows = stmt.query_map([tick], map)?;
    rows.collect()
}

/// This store's device id.
pub(super) fn own_device(tx: &rusqlite::Connection) -> rusqlite::Result<Uuid> {
    let text: String = tx.query_row("SELECT id FROM device", [], |r| r.get(0))?;
    parse_uuid(&text, 0)
}

/// A stored uid column as a `Uuid`.
pub(super) fn uid(r: &Row<'_>, column: usize) -> rusqlite::Result<Uuid> {
    let text: String = r.get(column)?;
    parse_uuid(&text, column)
}

fn parse_uuid(text: &str, column: usize) -> rusqlite::Result<Uuid> {
    Uuid::parse_str(text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn session_from(r: &Row<'_>, device: Uuid) -> rusqlite::Result<SyncedSession> {
    Ok(SyncedSession {
        uid: uid(r, 0)?,
        device,
        deck_id: r.get(1)?,
        deck_hash: r.get(2)?,
        mode: parsed(r, 3)?,
        seed: seed_from_sql(r.get(4)?),
        started_at: from_ms(r.get(5)?),
        ended_at: r.get::<_, Option<i64>>(6)?.map(from_ms),
        last_answer_at: r.get::<_, Option<i64>>(7)?.map(from_ms),
        interrupted: r.get(8)?,
        score: r.get(9)?,
        total: r.get(10)?,
    })
}

fn answer_from(r: &Row<'_>, device: Uuid) -> rusqlite::Result<SyncedAnswer> {
    Ok(SyncedAnswer {
        uid: uid(r, 0)?,
        session: uid(r, 1)?,
        device,
        seq: r.get(2)?,
        deck_id: r.get(3)?,
        fact_id: r.get(4)?,
        kind: parsed(r, 5)?,
        form: r.get(6)?,
        prompt: r.get(7)?,
        given: r.get(8)?,
        expected: r.get(9)?,
        verdict: parsed(r, 10)?,
        overridden: r.get(11)?,
        response_ms: r.get(12)?,
        answered_at: from_ms(r.get(13)?),
    })
}

fn review_from(r: &Row<'_>, device: Uuid) -> rusqlite::Result<SyncedReview> {
    let number: u8 = r.get(5)?;
    let rating = Rating::from_number(number).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            5,
            rusqlite::types::Type::Integer,
            format!("rating {number} is not 1 to 4").into(),
        )
    })?;
    Ok(SyncedReview {
        uid: uid(r, 0)?,
        answer: uid(r, 1)?,
        device,
        seq: r.get(2)?,
        deck_id: r.get(3)?,
        fact_id: r.get(4)?,
        rating,
        source: parsed(r, 6)?,
        retention: r.get(7)?,
        was_due: r.get(8)?,
        reviewed_at: from_ms(r.get(9)?),
    })
}

fn deleted_from(r: &Row<'_>) -> rusqlite::Result<Deleted> {
    let name: String = r.get(1)?;
    let table = SyncedTable::from_name(&name).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            1,
            rusqlite::types::Type::Text,
            format!("unknown table `{name}`").into(),
        )
    })?;
    Ok(Deleted {
        uid: uid(r, 0)?,
        table,
    })
}

fn memory_row(r: &Row<'_>) -> rusqlite::Result<SyncedMemory> {
    Ok(SyncedMemory {
        deck_id: r.get(0)?,
        fact_id: r.get(1)?,
        retired: r.get(2)?,
        memory: memory_from(r, 3)?,
    })
}
