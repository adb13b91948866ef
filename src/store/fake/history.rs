//! The fake read back: every query of [`ScoreHistory`] answered by scanning what was
//! recorded, in the order and with the rules the SQLite store's SQL has.

use std::collections::BTreeMap;

use jiff::Timestamp;

use super::{InMemory, Kept};
use crate::store::{
    AnswerRow, FactFormCount, Filter, Mode, ModeTotals, Recall, ReviewSource, ScoreHistory,
    SessionId, SessionRow, SessionTotals, StoreResult,
};

impl InMemory {
    fn session_row(&self, index: usize) -> Option<SessionRow> {
        let new = self.sessions.get(index)?;
        let id = SessionId(i64::try_from(index + 1).ok()?);
        let answers: Vec<&Kept> = self.kept().filter(|k| k.session == id).collect();
        let end = self.ends.get(&id);
        Some(SessionRow {
            id,
            deck_id: new.deck_id.clone(),
            deck_hash: new.deck_hash.clone(),
            mode: new.mode,
            seed: new.seed,
            started_at: new.started_at,
            ended_at: end.map(|e| e.ended_at),
            last_answer_at: answers.iter().map(|k| k.answer.answered_at).max(),
            interrupted: end.is_some_and(|e| e.interrupted),
            score: count(answers.iter().filter(|k| k.answer.credited())),
            total: count(answers.iter()),
        })
    }

    /// Sessions matching `filter`, newest first (ties: the later id first).
    fn matching_sessions(&self, filter: &Filter) -> Vec<SessionRow> {
        let mut rows: Vec<SessionRow> = (0..self.sessions.len())
            .filter_map(|i| self.session_row(i))
            .filter(|s| in_filter(filter, &s.deck_id, s.started_at))
            .collect();
        rows.sort_by_key(|s| std::cmp::Reverse((s.started_at, s.id)));
        rows
    }

    /// The deck an answer belongs to: its own, or its session's.
    fn deck_of<'a>(&'a self, kept: &'a Kept) -> &'a str {
        kept.answer.deck_id.as_deref().unwrap_or_else(|| {
            usize::try_from(kept.session.0 - 1)
                .ok()
                .and_then(|i| self.sessions.get(i))
                .map_or("", |s| s.deck_id.as_str())
        })
    }

    /// Flashcard reviews of due facts matching `filter`, oldest first.
    fn due_reviews(&self, filter: &Filter) -> Vec<&Kept> {
        let mut reviews: Vec<&Kept> = self
            .kept()
            .filter(|k| k.review.source == ReviewSource::Review && k.was_due)
            .filter(|k| in_filter(filter, &k.review.deck_id, k.answer.answered_at))
            .collect();
        reviews.sort_by_key(|k| k.answer.answered_at);
        reviews
    }
}

fn in_filter(filter: &Filter, deck: &str, at: Timestamp) -> bool {
    filter.deck.as_deref().is_none_or(|d| d == deck) && filter.since.is_none_or(|s| at >= s)
}

fn count<T>(items: impl Iterator<Item = T>) -> u32 {
    u32::try_from(items.count()).unwrap_or(u32::MAX)
}

impl ScoreHistory for InMemory {
    fn sessions(&self, filter: &Filter, limit: Option<usize>) -> StoreResult<Vec<SessionRow>> {
        let mut rows = self.matching_sessions(filter);
        rows.truncate(limit.unwrap_or(usize::MAX));
        Ok(rows)
    }

    fn visit_sessions(
        &self,
        filter: &Filter,
        limit: Option<usize>,
        visit: &mut dyn FnMut(&SessionRow) -> bool,
    ) -> StoreResult<()> {
        for row in self.sessions(filter, limit)? {
            if !visit(&row) {
                break;
            }
        }
        Ok(())
    }

    fn session(&self, id: SessionId) -> StoreResult<Option<SessionRow>> {
        Ok(usize::try_from(id.0 - 1)
            .ok()
            .and_then(|i| self.session_row(i)))
    }

    fn answers(&self, session: SessionId) -> StoreResult<Vec<AnswerRow>> {
        let rows = self.answers.iter().enumerate().filter_map(|(i, kept)| {
            let kept = kept.as_ref().filter(|k| k.session == session)?;
            let a = &kept.answer;
            Some(AnswerRow {
                id: crate::store::AnswerId(i64::try_from(i + 1).ok()?),
                fact_id: a.fact_id.clone(),
                kind: a.kind,
                form: a.form.clone(),
                prompt: a.prompt.clone(),
                given: a.given.clone(),
                expected: a.expected.clone(),
                verdict: a.verdict,
                overridden: a.overridden,
                credited: a.credited(),
                response_ms: a.response_ms,
                answered_at: a.answered_at,
            })
        });
        Ok(rows.collect())
    }

    fn visit_session_starts(
        &self,
        deck: Option<&str>,
        visit: &mut dyn FnMut(Timestamp) -> bool,
    ) -> StoreResult<()> {
        let filter = Filter {
            deck: deck.map(str::to_owned),
            since: None,
        };
        for row in self.matching_sessions(&filter) {
            if row.total > 0 && !visit(row.started_at) {
                break;
            }
        }
        Ok(())
    }

    fn mode_totals(&self, filter: &Filter) -> StoreResult<Vec<ModeTotals>> {
        let sessions = self.matching_sessions(filter);
        let totals = Mode::ALL.iter().filter_map(|&mode| {
            let of_mode: Vec<&SessionRow> = sessions.iter().filter(|s| s.mode == mode).collect();
            (!of_mode.is_empty()).then(|| ModeTotals {
                mode,
                sessions: count(of_mode.iter()),
                answers: of_mode.iter().map(|s| u64::from(s.total)).sum(),
                correct: of_mode.iter().map(|s| u64::from(s.score)).sum(),
            })
        });
        Ok(totals.collect())
    }

    fn recent_percents(&self, filter: &Filter, mode: Mode, n: usize) -> StoreResult<Vec<f64>> {
        let percents = self
            .matching_sessions(filter)
            .into_iter()
            .filter(|s| s.mode == mode && s.total > 0)
            .filter_map(|s| s.percent())
            .take(n);
        Ok(percents.collect())
    }

    fn fact_form_counts(&self, filter: &Filter) -> StoreResult<Vec<FactFormCount>> {
        // Sorted as the SQL sorts: deck, fact, kind's name, form.
        let mut counts: BTreeMap<(String, String, &str, String), FactFormCount> = BTreeMap::new();
        for kept in self.kept() {
            let deck = self.deck_of(kept);
            if !in_filter(filter, deck, kept.answer.answered_at) {
                continue;
            }
            let a = &kept.answer;
            let key = (
                deck.to_owned(),
                a.fact_id.clone(),
                a.kind.as_str(),
                a.form.clone(),
            );
            let entry = counts.entry(key).or_insert_with(|| FactFormCount {
                deck_id: deck.to_owned(),
                fact_id: a.fact_id.clone(),
                kind: a.kind,
                form: a.form.clone(),
                attempts: 0,
                correct: 0,
            });
            entry.attempts += 1;
            entry.correct += u32::from(a.credited());
        }
        Ok(counts.into_values().collect())
    }

    fn latest_prompt(&self, deck_id: &str, fact_id: &str) -> StoreResult<Option<String>> {
        let latest = self
            .kept()
            .filter(|k| self.deck_of(k) == deck_id && k.answer.fact_id == fact_id)
            .max_by_key(|k| k.answer.answered_at);
        Ok(latest.map(|k| k.answer.prompt.clone()))
    }

    fn session_totals(&self, filter: &Filter) -> StoreResult<SessionTotals> {
        let sessions = self.matching_sessions(filter);
        Ok(SessionTotals {
            sessions: count(sessions.iter()),
            completed: count(
                sessions
                    .iter()
                    .filter(|s| s.status() == crate::store::SessionStatus::Completed),
            ),
            study_ms: sessions.iter().map(SessionRow::duration_ms).sum(),
        })
    }

    fn deck_ids(&self) -> StoreResult<Vec<String>> {
        let mut ids: Vec<String> = self.sessions.iter().map(|s| s.deck_id.clone()).collect();
        ids.sort();
        ids.dedup();
        Ok(ids)
    }

    fn due_times(&self, deck: Option<&str>, until: Timestamp) -> StoreResult<Vec<Timestamp>> {
        let due = self.memory.iter().filter(|((d, _), (memory, retired))| {
            !retired && memory.due < until && deck.is_none_or(|deck| deck == d)
        });
        Ok(due.map(|(_, (memory, _))| memory.due).collect())
    }

    fn recall(&self, filter: &Filter) -> StoreResult<Recall> {
        let reviews = self.due_reviews(filter);
        let retention: Vec<f64> = reviews
            .iter()
            .map(|k| f64::from(k.review.retention.get()))
            .collect();
        Ok(Recall {
            reviews: count(reviews.iter()),
            recalled: count(reviews.iter().filter(|k| k.review.rating.number() > 1)),
            target: (!retention.is_empty())
                .then(|| retention.iter().sum::<f64>() / retention.len() as f64),
        })
    }

    fn visit_session_scores(
        &self,
        filter: &Filter,
        visit: &mut dyn FnMut(Mode, Timestamp, u32, u32),
    ) -> StoreResult<()> {
        let mut sessions = self.matching_sessions(filter);
        sessions.reverse();
        for s in sessions.iter().filter(|s| s.total > 0) {
            visit(s.mode, s.started_at, s.score, s.total);
        }
        Ok(())
    }

    fn visit_due_reviews(
        &self,
        filter: &Filter,
        visit: &mut dyn FnMut(Timestamp, bool, f64),
    ) -> StoreResult<()> {
        for kept in self.due_reviews(filter) {
            let recalled = kept.review.rating.number() > 1;
            visit(
                kept.answer.answered_at,
                recalled,
                f64::from(kept.review.retention.get()),
            );
        }
        Ok(())
    }
}
