//! Aggregates for `factdeck history`: per-fact counts and session totals.
//!
//! One scan of the covering index `answers_by_fact` yields a row per (deck, fact, kind,
//! form); accuracy by kind, by form and per fact are all folded from those rows in memory,
//! so a store of a million answers is read once.

use rusqlite::OptionalExtension;
use rusqlite::types::Value;

use super::query::{Filter, parsed};
use super::{Store, StoreResult};
use crate::deck::Kind;

/// Answers to one fact in one question form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactFormCount {
    pub deck_id: String,
    pub fact_id: String,
    pub kind: Kind,
    pub form: String,
    pub attempts: u32,
    pub correct: u32,
}

/// Sessions matching a filter, counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SessionTotals {
    pub sessions: u32,
    pub completed: u32,
    /// Milliseconds from start to end (or last answer), summed.
    pub study_ms: i64,
}

impl Store {
    /// Attempts and correct answers per (deck, fact, kind, form), for answers matching `filter`.
    pub fn fact_form_counts(&self, filter: &Filter) -> StoreResult<Vec<FactFormCount>> {
        let (clause, values) = filter.sql("answered_at");
        let sql = format!(
            "SELECT deck_id, fact_id, kind, form, count(*), sum(credited)
             FROM answers INDEXED BY answers_by_fact{clause}
             GROUP BY deck_id, fact_id, kind, form"
        );
        self.collect(&sql, values, |r| {
            Ok(FactFormCount {
                deck_id: r.get(0)?,
                fact_id: r.get(1)?,
                kind: parsed(r, 2)?,
                form: r.get(3)?,
                attempts: r.get(4)?,
                correct: r.get(5)?,
            })
        })
    }

    /// The prompt most recently asked about a fact.
    pub fn latest_prompt(&self, deck_id: &str, fact_id: &str) -> StoreResult<Option<String>> {
        self.conn
            .prepare_cached(
                "SELECT prompt FROM answers WHERE deck_id = ?1 AND fact_id = ?2
                 ORDER BY answered_at DESC, id DESC LIMIT 1",
            )
            .and_then(|mut stmt| stmt.query_row([deck_id, fact_id], |r| r.get(0)).optional())
            .map_err(|e| self.error(e))
    }

    pub fn session_totals(&self, filter: &Filter) -> StoreResult<SessionTotals> {
        let (clause, values) = filter.sql("started_at");
        let sql = format!(
            "SELECT count(*), count(ended_at) - sum(interrupted AND ended_at IS NOT NULL),
                 sum(max(coalesce(ended_at, last_answer_at, started_at) - started_at, 0))
             FROM sessions{clause}"
        );
        let rows = self.collect(&sql, values, |r| {
            Ok(SessionTotals {
                sessions: r.get(0)?,
                completed: r.get::<_, Option<u32>>(1)?.unwrap_or(0),
                study_ms: r.get::<_, Option<i64>>(2)?.unwrap_or(0),
            })
        })?;
        Ok(rows.into_iter().next().unwrap_or_default())
    }

    /// Every deck with at least one session, for a friendly error on a mistyped `--deck`.
    pub fn deck_ids(&self) -> StoreResult<Vec<String>> {
        self.collect(
            "SELECT DISTINCT deck_id FROM sessions ORDER BY deck_id",
            Vec::<Value>::new(),
            |r| r.get(0),
        )
    }
}
