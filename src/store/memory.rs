//! Reading spaced-repetition state back: a deck's memory for building queues, and the
//! forecast and true retention for `history`.

use jiff::Timestamp;
use rusqlite::Row;
use rusqlite::types::Value;

use super::query::Filter;
use super::schema::{from_ms, to_ms};
use super::study::StudyLog;
use super::{Store, StoreResult};
use crate::srs::Memory;

/// One fact's stored memory.
#[derive(Debug, Clone, PartialEq)]
pub struct MemoryRow {
    pub fact_id: String,
    pub memory: Memory,
    /// Off the schedule: the fact was missing from its deck when last studied.
    pub retired: bool,
}

/// Flashcard reviews of due facts, and how many were recalled (rated anything but Again).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Recall {
    pub reviews: u32,
    pub recalled: u32,
    /// The mean desired retention those reviews were scheduled with: the expected share.
    pub target: Option<f64>,
}

impl Recall {
    /// The share recalled, 0–100.
    pub fn percent(&self) -> Option<f64> {
        (self.reviews > 0).then(|| f64::from(self.recalled) * 100.0 / f64::from(self.reviews))
    }
}

pub(super) const MEMORY_COLUMNS: &str =
    "stability, difficulty, due_at, last_review_at, first_review_at, reps, lapses";

/// The memory in the columns `MEMORY_COLUMNS`, starting at `first`.
pub(super) fn memory_from(r: &Row<'_>, first: usize) -> rusqlite::Result<Memory> {
    Ok(Memory {
        // Written from f32, so the f64 holds it exactly.
        stability: r.get::<_, f64>(first)? as f32,
        difficulty: r.get::<_, f64>(first + 1)? as f32,
        due: from_ms(r.get(first + 2)?),
        last_review: from_ms(r.get(first + 3)?),
        first_review: from_ms(r.get(first + 4)?),
        reps: r.get(first + 5)?,
        lapses: r.get(first + 6)?,
    })
}

impl Store {
    /// Whether the store has spaced-repetition tables: a store from before them, opened
    /// read-only by `history`, is not upgraded.
    pub fn has_memory(&self) -> StoreResult<bool> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))
            .map(|v| v >= 2)
            .map_err(|e| self.error(e))
    }

    /// Every stored memory of a deck, retired or not, in no particular order.
    pub fn memory_rows(&self, deck_id: &str) -> StoreResult<Vec<MemoryRow>> {
        let mut rows = Vec::new();
        self.visit_memory(deck_id, &mut |fact_id, memory, retired| {
            rows.push(MemoryRow {
                fact_id: fact_id.to_owned(),
                memory,
                retired,
            });
        })?;
        Ok(rows)
    }
}

/// Due times before `until` of the facts on the schedule, optionally of one deck.
pub(super) fn due_times(
    store: &Store,
    deck: Option<&str>,
    until: Timestamp,
) -> StoreResult<Vec<Timestamp>> {
    if !store.has_memory()? {
        return Ok(Vec::new());
    }
    let mut values = vec![Value::Integer(to_ms(until))];
    let deck_clause = match deck {
        Some(deck) => {
            values.push(Value::Text(deck.to_owned()));
            " AND deck_id = ?2"
        }
        None => "",
    };
    let sql = format!(
        "SELECT due_at FROM memory INDEXED BY memory_by_due
         WHERE retired = 0 AND due_at < ?1{deck_clause}"
    );
    store.collect(&sql, values, |r| Ok(from_ms(r.get(0)?)))
}

/// True retention: flashcard reviews of due facts matching `filter`, and how many were
/// recalled.
pub(super) fn recall(store: &Store, filter: &Filter) -> StoreResult<Recall> {
    if !store.has_memory()? {
        return Ok(Recall::default());
    }
    let (clause, values) = filter.sql("reviewed_at");
    let joiner = if clause.is_empty() { " WHERE" } else { " AND" };
    let sql = format!(
        "SELECT count(*), coalesce(sum(rating > 1), 0), avg(retention)
         FROM reviews{clause}{joiner} source = 'review' AND was_due = 1"
    );
    let rows = store.collect(&sql, values, |r| {
        Ok(Recall {
            reviews: r.get(0)?,
            recalled: r.get(1)?,
            target: r.get(2)?,
        })
    })?;
    Ok(rows.into_iter().next().unwrap_or_default())
}
