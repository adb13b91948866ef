//! The store as the study loops see it: what `quiz` and `review` record and read back.
//!
//! The loops take a `&mut dyn StudyLog`, not the SQLite store itself, so that another
//! backend (a shared class store) or an in-memory fake in tests is a new implementation,
//! not a change to the loops. Every method that records is one transaction: an answer, its
//! rating and the fact's new memory commit together or not at all.

use super::StoreResult;
use super::record::{AnswerId, AnswerRecord, NewSession, SessionId};
use super::review::{PastReview, Rescheduled, ReviewRecord};
use crate::srs::queue::Seen;
use crate::srs::{Memory, Rating};

/// What the scheduler decides from the memory a fact had before a rating.
pub type Reschedule<'a> = &'a mut dyn FnMut(Option<&Memory>) -> Rescheduled;

/// What the scheduler makes of a fact's past ratings, oldest first (cram excluded).
pub type Replay<'a> = &'a mut dyn FnMut(&[PastReview]) -> Option<Memory>;

pub trait StudyLog: std::fmt::Debug {
    /// Records an answer with its rating. `reschedule` receives the fact's memory before
    /// this review (`None` if never rated) and says what it becomes; all of it commits
    /// together. Returns the answer's id and the memory now stored.
    fn record_review(
        &mut self,
        session: SessionId,
        answer: &AnswerRecord,
        review: &ReviewRecord,
        reschedule: Reschedule<'_>,
    ) -> StoreResult<(AnswerId, Option<Memory>)>;

    /// As [`StudyLog::record_review`] for a session's first answer: the session is written
    /// in the same transaction, so a session is never left behind without its answer.
    fn record_first_review(
        &mut self,
        session: &NewSession,
        answer: &AnswerRecord,
        review: &ReviewRecord,
        reschedule: Reschedule<'_>,
    ) -> StoreResult<(SessionId, AnswerId, Option<Memory>)>;

    /// Overrides an answer's verdict ("I was right") and re-rates it `rating`: the fact's
    /// memory becomes what `replay` makes of its ratings. An answer without a rating is
    /// only overridden.
    fn override_review(
        &mut self,
        answer: AnswerId,
        rating: Rating,
        replay: Replay<'_>,
    ) -> StoreResult<()>;

    /// Takes a rating back (undo): the answer and its rating go, its session's score drops
    /// it, and the fact gets back `before` (`None`: it had no memory), or what `replay`
    /// makes of the ratings that remain if it was rated since (in another terminal).
    fn undo_review(
        &mut self,
        answer: AnswerId,
        before: Option<&Memory>,
        replay: Replay<'_>,
    ) -> StoreResult<()>;

    /// Takes facts off the schedule (`retired`, gone from their deck) or puts them back.
    fn set_retired(&mut self, deck_id: &str, facts: &[String], retired: bool) -> StoreResult<()>;

    /// One fact's memory.
    fn memory(&self, deck_id: &str, fact_id: &str) -> StoreResult<Option<Memory>>;

    /// Calls `visit` with every stored memory of a deck: the fact id, the memory, and
    /// whether it is retired, in no particular order.
    fn visit_memory(
        &self,
        deck_id: &str,
        visit: &mut dyn FnMut(&str, Memory, bool),
    ) -> StoreResult<()>;

    /// As `visit_memory`, with only what the queues need: the due time and first review.
    fn visit_schedule(
        &self,
        deck_id: &str,
        visit: &mut dyn FnMut(&str, Seen, bool),
    ) -> StoreResult<()>;
}
