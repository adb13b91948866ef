//! Reading the store for `factdeck report`: every session's score with its mode and start,
//! and every flashcard review of a due fact, streamed to the caller, so that a store of a
//! million answers is read without holding it in memory.

use jiff::Timestamp;
use rusqlite::params_from_iter;

use super::query::{Filter, parsed};
use super::record::Mode;
use super::schema::from_ms;
use super::{Store, StoreResult};

/// Calls `visit` with the mode, start, score and total of every session with answers
/// matching `filter`, oldest first.
pub(super) fn visit_session_scores(
    store: &Store,
    filter: &Filter,
    mut visit: impl FnMut(Mode, Timestamp, u32, u32),
) -> StoreResult<()> {
    let (clause, values) = filter.sql("started_at");
    let joiner = if clause.is_empty() { " WHERE" } else { " AND" };
    let sql = format!(
        "SELECT mode, started_at, score, total FROM sessions{clause}{joiner} total > 0
         ORDER BY started_at"
    );
    let run = || -> rusqlite::Result<()> {
        let mut stmt = store.conn.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(values))?;
        while let Some(r) = rows.next()? {
            visit(parsed(r, 0)?, from_ms(r.get(1)?), r.get(2)?, r.get(3)?);
        }
        Ok(())
    };
    run().map_err(|e| store.error(e))
}

/// Calls `visit` with the time, the outcome (recalled: not Again) and the desired
/// retention of every flashcard review of a due fact matching `filter`, oldest first:
/// what true retention is made of.
pub(super) fn visit_due_reviews(
    store: &Store,
    filter: &Filter,
    mut visit: impl FnMut(Timestamp, bool, f64),
) -> StoreResult<()> {
    if !store.has_memory()? {
        return Ok(());
    }
    let (clause, values) = filter.sql("reviewed_at");
    let joiner = if clause.is_empty() { " WHERE" } else { " AND" };
    // The range (source, was_due) of the covering index `reviews_recalled`, in
    // reviewed_at order: no sort. (`AND was_due` alone would not use it.)
    let sql = format!(
        "SELECT reviewed_at, rating > 1, retention FROM reviews{clause}{joiner}
             source = 'review' AND was_due = 1
         ORDER BY reviewed_at"
    );
    let run = || -> rusqlite::Result<()> {
        let mut stmt = store.conn.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(values))?;
        while let Some(r) = rows.next()? {
            visit(from_ms(r.get(0)?), r.get(1)?, r.get(2)?);
        }
        Ok(())
    };
    run().map_err(|e| store.error(e))
}
