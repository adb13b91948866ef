//! Recording rated answers and the memory they lead to, in one transaction with the answer.
//!
//! The store does no scheduling: the caller passes the step (a closure over
//! `srs::Scheduler`), which runs inside the write transaction on the memory as it is
//! there, so two terminals reviewing the same fact cannot lose each other's update.

use rusqlite::{OptionalExtension, Transaction, params};

use super::error::StoreError;
use super::memory::{MEMORY_COLUMNS, memory_from};
use super::record::{AnswerId, AnswerRecord, NewSession, ReviewSource, SessionId};
use super::schema::from_ms;
use super::schema::{REPLAY_ORDER, to_ms};
use super::study::{Replay, Reschedule, StudyLog};
use super::write::{apply_override, insert_answer, insert_session};
use super::{Store, StoreResult};
use crate::srs::queue::Seen;
use crate::srs::{Memory, Rating, Retention};

/// The rating behind an answer.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewRecord {
    /// The deck the fact belongs to (for a quiz over several decks, the fact's own).
    pub deck_id: String,
    pub rating: Rating,
    pub source: ReviewSource,
    pub retention: Retention,
}

/// What a review does to a fact's memory, decided from the memory before it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rescheduled {
    /// The new memory; `None` leaves it as it was (cram).
    pub memory: Option<Memory>,
    /// The fact was due when reviewed.
    pub was_due: bool,
}

/// One earlier rating of a fact, as replayed after an override.
pub type PastReview = (Rating, jiff::Timestamp, Retention);

impl StudyLog for Store {
    /// Records an answer with its rating. `reschedule` receives the fact's memory before
    /// this review (`None` if never rated) and says what it becomes; all of it commits
    /// together. Returns the answer's id and the memory now stored.
    fn record_review(
        &mut self,
        session: SessionId,
        answer: &AnswerRecord,
        review: &ReviewRecord,
        reschedule: Reschedule<'_>,
    ) -> StoreResult<(AnswerId, Option<Memory>)> {
        let done = self.write(|tx| insert_review(tx, session, answer, review, reschedule))?;
        done.ok_or(StoreError::UnknownSession(session))
    }

    /// As [`Store::record_review`] for a session's first answer: the session's row is
    /// written in the same transaction, so a session is never left behind without its
    /// answer (a full disk refuses both).
    fn record_first_review(
        &mut self,
        session: &NewSession,
        answer: &AnswerRecord,
        review: &ReviewRecord,
        reschedule: Reschedule<'_>,
    ) -> StoreResult<(SessionId, AnswerId, Option<Memory>)> {
        let done = self.write(|tx| {
            let id = insert_session(tx, session)?;
            let recorded = insert_review(tx, id, answer, review, reschedule)?;
            Ok(recorded.map(|(answer, memory)| (id, answer, memory)))
        })?;
        // The session was inserted just above, so the answer always finds it.
        done.ok_or(StoreError::UnknownSession(SessionId(0)))
    }

    /// Overrides an answer's verdict ("I was right") and re-rates it `rating`: the fact's
    /// memory becomes what `replay` makes of its ratings, oldest first, cram excluded.
    /// An answer without a rating (recorded before spaced repetition) is only overridden.
    fn override_review(
        &mut self,
        answer: AnswerId,
        rating: Rating,
        replay: Replay<'_>,
    ) -> StoreResult<()> {
        let found = self.write(|tx| {
            if !apply_override(tx, answer, true)? {
                return Ok(false);
            }
            let rated: Option<(String, String, String)> = tx
                .query_row(
                    "UPDATE reviews SET rating = ?2 WHERE answer_id = ?1
                     RETURNING deck_id, fact_id, source",
                    params![answer.0, rating.number()],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            let Some((deck, fact, source)) = rated else {
                return Ok(true);
            };
            if source == ReviewSource::Cram.as_str() {
                return Ok(true);
            }
            let past = past_reviews(tx, &deck, &fact)?;
            if let Some(memory) = replay(&past) {
                upsert_memory(tx, &deck, &fact, &memory)?;
            }
            Ok(true)
        })?;
        found.then_some(()).ok_or(StoreError::UnknownAnswer(answer))
    }

    /// Takes a rating back (undo): deletes the answer and its rating, takes the answer off its
    /// session's score, and gives the fact the memory it had before, `before` (`None`: it
    /// had none). If the fact was rated since (in another terminal), its memory is what
    /// `replay` makes of the ratings that remain instead.
    fn undo_review(
        &mut self,
        answer: AnswerId,
        before: Option<&Memory>,
        replay: Replay<'_>,
    ) -> StoreResult<()> {
        let found = self.write(|tx| {
            type Found = (
                i64,
                bool,
                i64,
                Option<String>,
                Option<String>,
                Option<String>,
            );
            let row: Option<Found> = tx
                .query_row(
                    "SELECT a.session_id, a.credited, a.answered_at, r.deck_id, r.fact_id,
                         r.source
                     FROM answers a LEFT JOIN reviews r ON r.answer_id = a.id WHERE a.id = ?1",
                    [answer.0],
                    |r| {
                        Ok((
                            r.get(0)?,
                            r.get(1)?,
                            r.get(2)?,
                            r.get(3)?,
                            r.get(4)?,
                            r.get(5)?,
                        ))
                    },
                )
                .optional()?;
            let Some((session, credited, answered_at, deck, fact, source)) = row else {
                return Ok(false);
            };
            tx.execute("DELETE FROM reviews WHERE answer_id = ?1", [answer.0])?;
            tx.execute("DELETE FROM answers WHERE id = ?1", [answer.0])?;
            tx.execute(
                "UPDATE sessions SET score = score - ?2, total = total - 1,
                     last_answer_at = (SELECT max(answered_at) FROM answers WHERE session_id = ?1)
                 WHERE id = ?1",
                params![session, credited],
            )?;
            let (Some(deck), Some(fact), Some(source)) = (deck, fact, source) else {
                return Ok(true);
            };
            if source == ReviewSource::Cram.as_str() {
                return Ok(true);
            }
            let now = memory_in(tx, &deck, &fact)?;
            let untouched_since = now.is_some_and(|m| to_ms(m.last_review) == answered_at);
            let restored = match untouched_since {
                true => before.copied(),
                false => replay(&past_reviews(tx, &deck, &fact)?),
            };
            match restored {
                Some(memory) => upsert_memory(tx, &deck, &fact, &memory)?,
                None => {
                    tx.execute(
                        "DELETE FROM memory WHERE deck_id = ?1 AND fact_id = ?2",
                        [&deck, &fact],
                    )?;
                }
            }
            Ok(true)
        })?;
        found.then_some(()).ok_or(StoreError::UnknownAnswer(answer))
    }

    /// Takes facts off the schedule (`retired`, gone from their deck) or puts them back.
    fn set_retired(&mut self, deck_id: &str, facts: &[String], retired: bool) -> StoreResult<()> {
        if facts.is_empty() {
            return Ok(());
        }
        self.write(|tx| {
            let mut stmt = tx.prepare_cached(
                "UPDATE memory SET retired = ?3 WHERE deck_id = ?1 AND fact_id = ?2",
            )?;
            for fact in facts {
                stmt.execute(params![deck_id, fact, retired])?;
            }
            Ok(())
        })
    }

    /// One fact's memory.
    fn memory(&self, deck_id: &str, fact_id: &str) -> StoreResult<Option<Memory>> {
        let sql =
            format!("SELECT {MEMORY_COLUMNS} FROM memory WHERE deck_id = ?1 AND fact_id = ?2");
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut stmt| {
                stmt.query_row([deck_id, fact_id], |r| memory_from(r, 0))
                    .optional()
            })
            .map_err(|e| self.error(e))
    }

    /// Calls `visit` with every stored memory of a deck: the fact id (borrowed from the row,
    /// so a deck of 100,000 facts costs no allocation per fact), the memory, and whether it
    /// is retired.
    fn visit_memory(
        &self,
        deck_id: &str,
        visit: &mut dyn FnMut(&str, Memory, bool),
    ) -> StoreResult<()> {
        let mut run = || -> rusqlite::Result<()> {
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT fact_id, retired, {MEMORY_COLUMNS} FROM memory WHERE deck_id = ?1"
            ))?;
            let mut rows = stmt.query([deck_id])?;
            while let Some(r) = rows.next()? {
                let id = r.get_ref(0)?.as_str()?;
                visit(id, memory_from(r, 2)?, r.get(1)?);
            }
            Ok(())
        };
        run().map_err(|e| self.error(e))
    }

    /// As `visit_memory`, with only what the queues need: the due time and the first review.
    /// Reading two of the seven columns is most of what makes a 100,000-fact queue fast.
    fn visit_schedule(
        &self,
        deck_id: &str,
        visit: &mut dyn FnMut(&str, Seen, bool),
    ) -> StoreResult<()> {
        let mut run = || -> rusqlite::Result<()> {
            let mut stmt = self.conn.prepare_cached(
                "SELECT fact_id, retired, due_at, first_review_at FROM memory WHERE deck_id = ?1",
            )?;
            let mut rows = stmt.query([deck_id])?;
            while let Some(r) = rows.next()? {
                let seen = Seen {
                    due: from_ms(r.get(2)?),
                    first_review: from_ms(r.get(3)?),
                };
                visit(r.get_ref(0)?.as_str()?, seen, r.get(1)?);
            }
            Ok(())
        };
        run().map_err(|e| self.error(e))
    }
}

fn memory_in(tx: &Transaction<'_>, deck: &str, fact: &str) -> rusqlite::Result<Option<Memory>> {
    tx.prepare_cached(&format!(
        "SELECT {MEMORY_COLUMNS} FROM memory WHERE deck_id = ?1 AND fact_id = ?2"
    ))?
    .query_row([deck, fact], |r| memory_from(r, 0))
    .optional()
}

pub(super) fn upsert_memory(
    tx: &Transaction<'_>,
    deck: &str,
    fact: &str,
    m: &Memory,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO memory (deck_id, fact_id, stability, difficulty, due_at, last_review_at,
             first_review_at, reps, lapses, retired)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0)
         ON CONFLICT DO UPDATE SET stability = excluded.stability,
             difficulty = excluded.difficulty, due_at = excluded.due_at,
             last_review_at = excluded.last_review_at, first_review_at = excluded.first_review_at,
             reps = excluded.reps, lapses = excluded.lapses, retired = 0",
    )?
    .execute(params![
        deck,
        fact,
        f64::from(m.stability),
        f64::from(m.difficulty),
        to_ms(m.due),
        to_ms(m.last_review),
        to_ms(m.first_review),
        m.reps,
        m.lapses,
    ])?;
    Ok(())
}

/// The scheduled ratings of a fact, in the merged log's order (`REPLAY_ORDER`).
pub(super) fn past_reviews(
    tx: &Transaction<'_>,
    deck: &str,
    fact: &str,
) -> rusqlite::Result<Vec<PastReview>> {
    let mut stmt = tx.prepare_cached(&format!(
        "SELECT rating, reviewed_at, retention FROM reviews
         WHERE deck_id = ?1 AND fact_id = ?2 AND source != 'cram'
         ORDER BY {REPLAY_ORDER}"
    ))?;
    let rows = stmt.query_map([deck, fact], |r| {
        let rating = Rating::from_number(r.get(0)?).unwrap_or(Rating::Good);
        let retention = Retention::new(r.get::<_, f64>(2)? as f32).unwrap_or_default();
        Ok((rating, from_ms(r.get(1)?), retention))
    })?;
    rows.collect()
}

/// Inserts an answer, its rating and the memory it leads to; `None` if there is no such
/// session.
fn insert_review(
    tx: &Transaction<'_>,
    session: SessionId,
    answer: &AnswerRecord,
    review: &ReviewRecord,
    reschedule: Reschedule<'_>,
) -> rusqlite::Result<Option<(AnswerId, Option<Memory>)>> {
    let Some(id) = insert_answer(tx, session, answer)? else {
        return Ok(None);
    };
    let before = memory_in(tx, &review.deck_id, &answer.fact_id)?;
    let step = reschedule(before.as_ref());
    if let Some(memory) = &step.memory {
        upsert_memory(tx, &review.deck_id, &answer.fact_id, memory)?;
    }
    tx.prepare_cached(
        "INSERT INTO reviews (answer_id, deck_id, fact_id, rating, source, retention,
             was_due, reviewed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        id.0,
        review.deck_id,
        answer.fact_id,
        review.rating.number(),
        review.source.as_str(),
        f64::from(review.retention.get()),
        step.was_due,
        to_ms(answer.answered_at),
    ])?;
    Ok(Some((id, step.memory.or(before))))
}

#[cfg(test)]
mod tests;
