//! Reading sessions and answers back, for `factdeck history`.

use std::str::FromStr;

use jiff::Timestamp;
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row, params_from_iter};

use super::record::{AnswerId, Mode, Outcome, SessionId};
use super::schema::{from_ms, seed_from_sql, to_ms};
use super::{Store, StoreResult};
use crate::deck::Kind;

/// Which part of the history to look at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this deck.
    pub deck: Option<String>,
    /// Only sessions started, and answers given, at or after this time.
    pub since: Option<Timestamp>,
}

impl Filter {
    /// ` WHERE …` for a table with `deck_id` and the given time column, and its parameters.
    pub(super) fn sql(&self, time_column: &str) -> (String, Vec<Value>) {
        let mut clauses = Vec::new();
        let mut values = Vec::new();
        if let Some(deck) = &self.deck {
            values.push(Value::Text(deck.clone()));
            clauses.push(format!("deck_id = ?{}", values.len()));
        }
        if let Some(since) = self.since {
            values.push(Value::Integer(to_ms(since)));
            clauses.push(format!("{time_column} >= ?{}", values.len()));
        }
        match clauses.is_empty() {
            true => (String::new(), values),
            false => (format!(" WHERE {}", clauses.join(" AND ")), values),
        }
    }
}

/// How a session ended, as far as the store knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionStatus {
    Completed,
    /// Stopped early by the user.
    Interrupted,
    /// Never finished: killed, crashed, or still running in another terminal.
    Unfinished,
}

impl SessionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionStatus::Completed => "completed",
            SessionStatus::Interrupted => "interrupted",
            SessionStatus::Unfinished => "unfinished",
        }
    }
}

/// One session as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionRow {
    pub id: SessionId,
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

impl SessionRow {
    pub fn status(&self) -> SessionStatus {
        match (self.ended_at, self.interrupted) {
            (None, _) => SessionStatus::Unfinished,
            (Some(_), true) => SessionStatus::Interrupted,
            (Some(_), false) => SessionStatus::Completed,
        }
    }

    /// Score as a percentage of the total, if any question was asked.
    pub fn percent(&self) -> Option<f64> {
        (self.total > 0).then(|| f64::from(self.score) * 100.0 / f64::from(self.total))
    }

    /// From the start to the end, or to the last answer of an unfinished session.
    pub fn duration_ms(&self) -> i64 {
        let end = self
            .ended_at
            .or(self.last_answer_at)
            .unwrap_or(self.started_at);
        (to_ms(end) - to_ms(self.started_at)).max(0)
    }
}

/// One recorded answer.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerRow {
    pub id: AnswerId,
    pub fact_id: String,
    pub kind: Kind,
    pub form: String,
    pub prompt: String,
    pub given: String,
    pub expected: String,
    pub verdict: Outcome,
    pub overridden: bool,
    pub credited: bool,
    pub response_ms: u32,
    pub answered_at: Timestamp,
}

const SESSION_COLUMNS: &str = "id, deck_id, deck_hash, mode, seed, started_at, ended_at,
    last_answer_at, interrupted, score, total";

impl Store {
    /// Runs a query and maps every row.
    pub(super) fn collect<T>(
        &self,
        sql: &str,
        values: Vec<Value>,
        map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> StoreResult<Vec<T>> {
        let run = || -> rusqlite::Result<Vec<T>> {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let rows = stmt.query_map(params_from_iter(values), map)?;
            rows.collect()
        };
        run().map_err(|e| self.error(e))
    }
}

fn sessions_sql(filter: &Filter, limit: Option<usize>) -> (String, Vec<Value>) {
    let (clause, values) = filter.sql("started_at");
    let limit = limit.map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
    let sql = format!(
        "SELECT {SESSION_COLUMNS} FROM sessions{clause}
         ORDER BY started_at DESC, id DESC LIMIT {limit}"
    );
    (sql, values)
}

fn session_row(r: &Row<'_>) -> rusqlite::Result<SessionRow> {
    Ok(SessionRow {
        id: SessionId(r.get(0)?),
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

/// A text column parsed into one of the store's enums.
pub(super) fn parsed<T>(r: &Row<'_>, column: usize) -> rusqlite::Result<T>
where
    T: FromStr,
    T::Err: std::error::Error + Send + Sync + 'static,
{
    let text: String = r.get(column)?;
    text.parse().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// Sessions matching `filter`, newest first, at most `limit` of them.
pub(super) fn sessions(
    store: &Store,
    filter: &Filter,
    limit: Option<usize>,
) -> StoreResult<Vec<SessionRow>> {
    let (sql, values) = sessions_sql(filter, limit);
    store.collect(&sql, values, session_row)
}

/// The same sessions as [`sessions`](Self::sessions), one at a time, for output too
/// large to hold at once (`history --json` lists every session). `visit` returns false
/// to stop early.
pub(super) fn visit_sessions(
    store: &Store,
    filter: &Filter,
    limit: Option<usize>,
    mut visit: impl FnMut(&SessionRow) -> bool,
) -> StoreResult<()> {
    let (sql, values) = sessions_sql(filter, limit);
    let run = || -> rusqlite::Result<()> {
        let mut stmt = store.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(values))?;
        while let Some(row) = rows.next()? {
            if !visit(&session_row(row)?) {
                break;
            }
        }
        Ok(())
    };
    run().map_err(|e| store.error(e))
}

pub(super) fn session(store: &Store, id: SessionId) -> StoreResult<Option<SessionRow>> {
    let sql = format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE id = ?1");
    store
        .conn
        .query_row(&sql, [id.0], session_row)
        .optional()
        .map_err(|e| store.error(e))
}

/// The answers of one session, in the order they were given.
pub(super) fn answers(store: &Store, session: SessionId) -> StoreResult<Vec<AnswerRow>> {
    let sql = "SELECT id, fact_id, kind, form, prompt, given, expected, verdict, overridden,
            credited, response_ms, answered_at
         FROM answers WHERE session_id = ?1 ORDER BY id";
    store.collect(sql, vec![Value::Integer(session.0)], |r| {
        Ok(AnswerRow {
            id: AnswerId(r.get(0)?),
            fact_id: r.get(1)?,
            kind: parsed(r, 2)?,
            form: r.get(3)?,
            prompt: r.get(4)?,
            given: r.get(5)?,
            expected: r.get(6)?,
            verdict: parsed(r, 7)?,
            overridden: r.get(8)?,
            credited: r.get(9)?,
            response_ms: r.get(10)?,
            answered_at: from_ms(r.get(11)?),
        })
    })
}

/// Calls `visit` with the start of every session that has at least one answer, newest
/// first, until it returns false.
pub(super) fn visit_session_starts(
    store: &Store,
    deck: Option<&str>,
    mut visit: impl FnMut(Timestamp) -> bool,
) -> StoreResult<()> {
    let filter = Filter {
        deck: deck.map(str::to_owned),
        since: None,
    };
    let (clause, values) = filter.sql("started_at");
    let joiner = if clause.is_empty() { " WHERE" } else { " AND" };
    let sql = format!(
        "SELECT started_at FROM sessions{clause}{joiner} total > 0 ORDER BY started_at DESC"
    );
    let run = || -> rusqlite::Result<()> {
        let mut stmt = store.conn.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(values))?;
        while let Some(row) = rows.next()? {
            if !visit(from_ms(row.get(0)?)) {
                break;
            }
        }
        Ok(())
    };
    run().map_err(|e| store.error(e))
}
