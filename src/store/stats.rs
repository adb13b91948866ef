//! Aggregates for `factdeck history`: per-fact counts and session totals.
//!
//! The store keeps a row per (deck, fact, kind, form) in `fact_form_totals`, updated by
//! triggers with every answer; accuracy by kind, by form and per fact are all folded from
//! those rows in memory. Only `--since` needs the answers themselves: a range scan of the
//! covering index `answers_by_time`.

use std::collections::HashMap;

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params_from_iter};

use super::query::{Filter, parsed};
use super::record::Mode;
use super::schema::to_ms;
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

/// The sessions of one mode, counted: practice, exam, review and cram are shown apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModeTotals {
    pub mode: Mode,
    pub sessions: u32,
    /// Answers and points, summed over the sessions' scores.
    pub answers: u64,
    pub correct: u64,
}

impl Store {
    /// Counts the answers matching a `WHERE` clause on `answered_at` by scanning them, grouped
    /// here rather than by SQLite: its sort of every row for GROUP BY costs ~1 µs a row.
    fn count_answers(&self, clause: &str, values: Vec<Value>) -> StoreResult<Vec<FactFormCount>> {
        let sql = format!(
            "SELECT deck_id, fact_id, kind, form, verdict IN ('correct', 'close') OR overridden
             FROM answers INDEXED BY answers_by_time{clause}"
        );
        let run = || -> rusqlite::Result<Vec<FactFormCount>> {
            let mut stmt = self.conn.prepare(&sql)?;
            let mut rows = stmt.query(params_from_iter(values))?;
            let mut index: HashMap<String, usize> = HashMap::new();
            let mut counts: Vec<FactFormCount> = Vec::new();
            let mut key = String::new();
            while let Some(row) = rows.next()? {
                key.clear();
                for column in 0..4 {
                    key.push_str(row.get_ref(column)?.as_str()?);
                    key.push('\u{1f}');
                }
                let credited = u32::from(row.get::<_, bool>(4)?);
                if let Some(&i) = index.get(key.as_str()) {
                    counts[i].attempts += 1;
                    counts[i].correct += credited;
                    continue;
                }
                index.insert(key.clone(), counts.len());
                counts.push(FactFormCount {
                    deck_id: row.get(0)?,
                    fact_id: row.get(1)?,
                    kind: parsed(row, 2)?,
                    form: row.get(3)?,
                    attempts: 1,
                    correct: credited,
                });
            }
            counts.sort_by(|a, b| {
                (&a.deck_id, &a.fact_id, a.kind.as_str(), &a.form).cmp(&(
                    &b.deck_id,
                    &b.fact_id,
                    b.kind.as_str(),
                    &b.form,
                ))
            });
            Ok(counts)
        };
        run().map_err(|e| self.error(e))
    }

    /// The filter without a `since` that reaches back before the first answer, so that the
    /// running totals can answer instead of a scan of every answer.
    fn without_useless_since(&self, filter: &Filter) -> StoreResult<Filter> {
        let Some(since) = filter.since else {
            return Ok(filter.clone());
        };
        let first: Option<i64> = self
            .conn
            .query_row("SELECT min(answered_at) FROM answers", [], |r| r.get(0))
            .map_err(|e| self.error(e))?;
        let useless = first.is_none_or(|first| first >= to_ms(since));
        Ok(Filter {
            deck: filter.deck.clone(),
            since: if useless { None } else { Some(since) },
        })
    }
}

/// Sessions, answers and points per mode, for sessions matching `filter`, in the order of
/// `Mode::ALL`; modes without a session are left out.
pub(super) fn mode_totals(store: &Store, filter: &Filter) -> StoreResult<Vec<ModeTotals>> {
    let (clause, values) = filter.sql("started_at");
    let sql = format!(
        "SELECT mode, count(*), coalesce(sum(total), 0), coalesce(sum(score), 0)
         FROM sessions{clause} GROUP BY mode"
    );
    let mut totals = store.collect(&sql, values, |r| {
        Ok(ModeTotals {
            mode: parsed(r, 0)?,
            sessions: r.get(1)?,
            answers: u64::try_from(r.get::<_, i64>(2)?).unwrap_or(0),
            correct: u64::try_from(r.get::<_, i64>(3)?).unwrap_or(0),
        })
    })?;
    totals.sort_by_key(|t| Mode::ALL.iter().position(|m| *m == t.mode));
    Ok(totals)
}

/// Percentages of the latest `n` sessions of `mode` with answers, newest first.
pub(super) fn recent_percents(
    store: &Store,
    filter: &Filter,
    mode: Mode,
    n: usize,
) -> StoreResult<Vec<f64>> {
    let (clause, mut values) = filter.sql("started_at");
    values.push(Value::Text(mode.as_str().to_owned()));
    let joiner = if clause.is_empty() { " WHERE" } else { " AND" };
    let limit = i64::try_from(n).unwrap_or(i64::MAX);
    let sql = format!(
        "SELECT score, total FROM sessions{clause}{joiner} mode = ?{} AND total > 0
         ORDER BY started_at DESC, id DESC LIMIT {limit}",
        values.len()
    );
    store.collect(&sql, values, |r| {
        let (score, total): (u32, u32) = (r.get(0)?, r.get(1)?);
        Ok(f64::from(score) * 100.0 / f64::from(total.max(1)))
    })
}

/// Attempts and correct answers per (deck, fact, kind, form), for answers matching `filter`.
pub(super) fn fact_form_counts(store: &Store, filter: &Filter) -> StoreResult<Vec<FactFormCount>> {
    let filter = store.without_useless_since(filter)?;
    let (clause, values) = filter.sql("answered_at");
    if filter.since.is_some() {
        return store.count_answers(&clause, values);
    }
    let sql = format!(
        "SELECT deck_id, fact_id, kind, form, attempts, correct
         FROM fact_form_totals{clause}
         ORDER BY deck_id, fact_id, kind, form"
    );
    store.collect(&sql, values, |r| {
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
pub(super) fn latest_prompt(
    store: &Store,
    deck_id: &str,
    fact_id: &str,
) -> StoreResult<Option<String>> {
    store
        .conn
        .prepare_cached(
            "SELECT last_prompt FROM fact_form_totals WHERE deck_id = ?1 AND fact_id = ?2
             ORDER BY last_answered_at DESC LIMIT 1",
        )
        .and_then(|mut stmt| stmt.query_row([deck_id, fact_id], |r| r.get(0)).optional())
        .map_err(|e| store.error(e))
}

pub(super) fn session_totals(store: &Store, filter: &Filter) -> StoreResult<SessionTotals> {
    let (clause, values) = filter.sql("started_at");
    let sql = format!(
        "SELECT count(*), count(ended_at) - sum(interrupted AND ended_at IS NOT NULL),
             sum(max(coalesce(ended_at, last_answer_at, started_at) - started_at, 0))
         FROM sessions{clause}"
    );
    let rows = store.collect(&sql, values, |r| {
        Ok(SessionTotals {
            sessions: r.get(0)?,
            completed: r.get::<_, Option<u32>>(1)?.unwrap_or(0),
            study_ms: r.get::<_, Option<i64>>(2)?.unwrap_or(0),
        })
    })?;
    Ok(rows.into_iter().next().unwrap_or_default())
}

/// Every deck with at least one session, for a friendly error on a mistyped `--deck`.
pub(super) fn deck_ids(store: &Store) -> StoreResult<Vec<String>> {
    store.collect(
        "SELECT DISTINCT deck_id FROM sessions ORDER BY deck_id",
        Vec::<Value>::new(),
        |r| r.get(0),
    )
}
