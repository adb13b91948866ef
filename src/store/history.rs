//! The store as `history` and `report` see it: what was studied, read back.
//!
//! The read side of [`StudyLog`](super::StudyLog): `history`, `history show`, `history
//! --json` and `report` take a `&dyn ScoreHistory`, so another backend (a shared class
//! store) or an in-memory fake in tests answers them without a change to those commands.
//! Nothing here writes. Visitors stream rows to the caller, so a store of a million answers
//! is read without holding it in memory; a visitor returning `bool` stops early on false.

use jiff::Timestamp;

use super::memory::Recall;
use super::query::{AnswerRow, Filter, SessionRow};
use super::record::{Mode, SessionId};
use super::stats::{FactFormCount, ModeTotals, SessionTotals};
use super::{StoreResult, memory, progress, query, stats};

pub trait ScoreHistory: std::fmt::Debug {
    /// Sessions matching `filter`, newest first, at most `limit` of them.
    fn sessions(&self, filter: &Filter, limit: Option<usize>) -> StoreResult<Vec<SessionRow>>;

    /// The same sessions as [`ScoreHistory::sessions`], one at a time, for output too large
    /// to hold at once (`history --json` lists every session).
    fn visit_sessions(
        &self,
        filter: &Filter,
        limit: Option<usize>,
        visit: &mut dyn FnMut(&SessionRow) -> bool,
    ) -> StoreResult<()>;

    fn session(&self, id: SessionId) -> StoreResult<Option<SessionRow>>;

    /// The answers of one session, in the order they were given.
    fn answers(&self, session: SessionId) -> StoreResult<Vec<AnswerRow>>;

    /// The start of every session that has at least one answer, newest first.
    fn visit_session_starts(
        &self,
        deck: Option<&str>,
        visit: &mut dyn FnMut(Timestamp) -> bool,
    ) -> StoreResult<()>;

    /// Sessions, answers and points per mode, for sessions matching `filter`, in the order
    /// of `Mode::ALL`; modes without a session are left out.
    fn mode_totals(&self, filter: &Filter) -> StoreResult<Vec<ModeTotals>>;

    /// Percentages of the latest `n` sessions of `mode` with answers, newest first.
    fn recent_percents(&self, filter: &Filter, mode: Mode, n: usize) -> StoreResult<Vec<f64>>;

    /// Attempts and credited answers per (deck, fact, kind, form), for answers matching
    /// `filter`, sorted by those four.
    fn fact_form_counts(&self, filter: &Filter) -> StoreResult<Vec<FactFormCount>>;

    /// The prompt most recently asked about a fact.
    fn latest_prompt(&self, deck_id: &str, fact_id: &str) -> StoreResult<Option<String>>;

    /// Sessions matching `filter`, counted, with their study time.
    fn session_totals(&self, filter: &Filter) -> StoreResult<SessionTotals>;

    /// Every deck with at least one session, sorted, for a friendly error on a mistyped
    /// `--deck`.
    fn deck_ids(&self) -> StoreResult<Vec<String>>;

    /// Due times before `until` of the facts on the schedule, optionally of one deck.
    fn due_times(&self, deck: Option<&str>, until: Timestamp) -> StoreResult<Vec<Timestamp>>;

    /// True retention: flashcard reviews of due facts matching `filter`, and how many were
    /// recalled.
    fn recall(&self, filter: &Filter) -> StoreResult<Recall>;

    /// The mode, start, score and total of every session with answers matching `filter`,
    /// oldest first.
    fn visit_session_scores(
        &self,
        filter: &Filter,
        visit: &mut dyn FnMut(Mode, Timestamp, u32, u32),
    ) -> StoreResult<()>;

    /// The time, the outcome (recalled: not Again) and the desired retention of every
    /// flashcard review of a due fact matching `filter`, oldest first: what true retention
    /// is made of.
    fn visit_due_reviews(
        &self,
        filter: &Filter,
        visit: &mut dyn FnMut(Timestamp, bool, f64),
    ) -> StoreResult<()>;
}

/// The SQLite store's answers live beside its queries (`query`, `stats`, `memory`,
/// `progress`), each method next to the SQL it runs.
impl ScoreHistory for super::Store {
    fn sessions(&self, filter: &Filter, limit: Option<usize>) -> StoreResult<Vec<SessionRow>> {
        query::sessions(self, filter, limit)
    }

    fn visit_sessions(
        &self,
        filter: &Filter,
        limit: Option<usize>,
        visit: &mut dyn FnMut(&SessionRow) -> bool,
    ) -> StoreResult<()> {
        query::visit_sessions(self, filter, limit, visit)
    }

    fn session(&self, id: SessionId) -> StoreResult<Option<SessionRow>> {
        query::session(self, id)
    }

    fn answers(&self, session: SessionId) -> StoreResult<Vec<AnswerRow>> {
        query::answers(self, session)
    }

    fn visit_session_starts(
        &self,
        deck: Option<&str>,
        visit: &mut dyn FnMut(Timestamp) -> bool,
    ) -> StoreResult<()> {
        query::visit_session_starts(self, deck, visit)
    }

    fn mode_totals(&self, filter: &Filter) -> StoreResult<Vec<ModeTotals>> {
        stats::mode_totals(self, filter)
    }

    fn recent_percents(&self, filter: &Filter, mode: Mode, n: usize) -> StoreResult<Vec<f64>> {
        stats::recent_percents(self, filter, mode, n)
    }

    fn fact_form_counts(&self, filter: &Filter) -> StoreResult<Vec<FactFormCount>> {
        stats::fact_form_counts(self, filter)
    }

    fn latest_prompt(&self, deck_id: &str, fact_id: &str) -> StoreResult<Option<String>> {
        stats::latest_prompt(self, deck_id, fact_id)
    }

    fn session_totals(&self, filter: &Filter) -> StoreResult<SessionTotals> {
        stats::session_totals(self, filter)
    }

    fn deck_ids(&self) -> StoreResult<Vec<String>> {
        stats::deck_ids(self)
    }

    fn due_times(&self, deck: Option<&str>, until: Timestamp) -> StoreResult<Vec<Timestamp>> {
        memory::due_times(self, deck, until)
    }

    fn recall(&self, filter: &Filter) -> StoreResult<Recall> {
        memory::recall(self, filter)
    }

    fn visit_session_scores(
        &self,
        filter: &Filter,
        visit: &mut dyn FnMut(Mode, Timestamp, u32, u32),
    ) -> StoreResult<()> {
        progress::visit_session_scores(self, filter, visit)
    }

    fn visit_due_reviews(
        &self,
        filter: &Filter,
        visit: &mut dyn FnMut(Timestamp, bool, f64),
    ) -> StoreResult<()> {
        progress::visit_due_reviews(self, filter, visit)
    }
}
