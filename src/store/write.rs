//! Recording a quiz: every call is one committed transaction, so a crash loses nothing
//! already answered.

use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::error::StoreError;
use super::record::{AnswerId, AnswerRecord, NewSession, SessionEnd, SessionId};
use super::schema::{seed_to_sql, to_ms};
use super::{Store, StoreResult};

impl Store {
    /// Records the start of a session and returns its id.
    pub fn start_session(&mut self, session: &NewSession) -> StoreResult<SessionId> {
        self.write(|tx| insert_session(tx, session))
    }

    /// Records one answer and the session's running score, committed before returning.
    pub fn record_answer(
        &mut self,
        session: SessionId,
        answer: &AnswerRecord,
    ) -> StoreResult<AnswerId> {
        self.write(|tx| insert_answer(tx, session, answer))?
            .ok_or(StoreError::UnknownSession(session))
    }

    /// Sets or clears the user's override of an answer's verdict ("I was right"), keeping the
    /// session's running score in step.
    pub fn set_override(&mut self, answer: AnswerId, overridden: bool) -> StoreResult<()> {
        self.write(|tx| apply_override(tx, answer, overridden))?
            .then_some(())
            .ok_or(StoreError::UnknownAnswer(answer))
    }

    /// Records how the session ended, with its score and total counted from its answers.
    pub fn finish_session(&mut self, session: SessionId, end: &SessionEnd) -> StoreResult<()> {
        let rows = self.write(|tx| {
            tx.execute(
                "UPDATE sessions SET ended_at = ?2, interrupted = ?3,
                     score = (SELECT count(*) FROM answers WHERE session_id = ?1 AND credited),
                     total = (SELECT count(*) FROM answers WHERE session_id = ?1)
                 WHERE id = ?1",
                params![session.0, to_ms(end.ended_at), end.interrupted],
            )
        })?;
        match rows {
            0 => Err(StoreError::UnknownSession(session)),
            _ => Ok(()),
        }
    }

    /// Deletes a session in which nothing was answered (quit at the first prompt), so history
    /// lists only sessions with something in them. A session with answers is kept.
    pub fn discard_if_empty(&mut self, session: SessionId) -> StoreResult<bool> {
        let rows = self.write(|tx| {
            tx.execute(
                "DELETE FROM sessions WHERE id = ?1
                     AND NOT EXISTS (SELECT 1 FROM answers WHERE session_id = ?1)",
                [session.0],
            )
        })?;
        Ok(rows > 0)
    }

    /// Runs `f` in an IMMEDIATE transaction and commits it. IMMEDIATE takes the write lock up
    /// front, so a concurrent writer waits (busy timeout) instead of failing mid-transaction.
    /// If `f` fails, the transaction is rolled back (on drop).
    pub(super) fn write<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> rusqlite::Result<T>,
    ) -> StoreResult<T> {
        let run = |conn: &mut rusqlite::Connection| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let value = f(&tx)?;
            tx.commit()?;
            Ok(value)
        };
        run(&mut self.conn).map_err(|e| StoreError::from_sqlite(&self.path, e))
    }
}

/// Inserts a session's row and returns its id.
pub(super) fn insert_session(
    tx: &rusqlite::Transaction<'_>,
    session: &NewSession,
) -> rusqlite::Result<SessionId> {
    tx.execute(
        "INSERT INTO sessions (deck_id, deck_hash, mode, seed, started_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            session.deck_id,
            session.deck_hash,
            session.mode.as_str(),
            seed_to_sql(session.seed),
            to_ms(session.started_at),
        ],
    )?;
    Ok(SessionId(tx.last_insert_rowid()))
}

/// Inserts an answer and adds it to its session's running score; `None` if there is no such
/// session.
pub(super) fn insert_answer(
    tx: &rusqlite::Transaction<'_>,
    session: SessionId,
    answer: &AnswerRecord,
) -> rusqlite::Result<Option<AnswerId>> {
    let rows = tx
        .prepare_cached(
            "INSERT INTO answers (session_id, deck_id, fact_id, kind, form, prompt,
                 given, expected, verdict, overridden, response_ms, answered_at)
             SELECT id, coalesce(?12, deck_id), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11
             FROM sessions WHERE id = ?1",
        )?
        .execute(params![
            session.0,
            answer.fact_id,
            answer.kind.as_str(),
            answer.form,
            answer.prompt,
            answer.given,
            answer.expected,
            answer.verdict.as_str(),
            answer.overridden,
            answer.response_ms,
            to_ms(answer.answered_at),
            answer.deck_id,
        ])?;
    if rows == 0 {
        return Ok(None);
    }
    let id = AnswerId(tx.last_insert_rowid());
    tx.prepare_cached(
        "UPDATE sessions SET score = score + ?2, total = total + 1,
             last_answer_at = max(coalesce(last_answer_at, ?3), ?3)
         WHERE id = ?1",
    )?
    .execute(params![
        session.0,
        answer.credited(),
        to_ms(answer.answered_at)
    ])?;
    Ok(Some(id))
}

/// Sets an answer's override and its session's score; `false` if there is no such answer.
pub(super) fn apply_override(
    tx: &rusqlite::Transaction<'_>,
    answer: AnswerId,
    overridden: bool,
) -> rusqlite::Result<bool> {
    let before: Option<(i64, bool)> = tx
        .query_row(
            "SELECT session_id, credited FROM answers WHERE id = ?1",
            [answer.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((session, was_credited)) = before else {
        return Ok(false);
    };
    tx.execute(
        "UPDATE answers SET overridden = ?2 WHERE id = ?1",
        params![answer.0, overridden],
    )?;
    let now_credited: bool = tx.query_row(
        "SELECT credited FROM answers WHERE id = ?1",
        [answer.0],
        |r| r.get(0),
    )?;
    let change = i64::from(now_credited) - i64::from(was_credited);
    tx.execute(
        "UPDATE sessions SET score = score + ?2 WHERE id = ?1",
        params![session, change],
    )?;
    Ok(true)
}
