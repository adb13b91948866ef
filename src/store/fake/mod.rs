//! An in-memory store for tests: a [`StudyLog`] for the study loops and a
//! [`ScoreHistory`](super::ScoreHistory) (`history`) for `history` and `report`, with no
//! SQLite file. It keeps the rules a backend must keep (an override is replayed, an undo
//! gives the memory back, cram leaves memory alone, a session's score is its credited
//! answers) so a test can look at them; `contract` checks it reads back what the SQLite
//! store does.

mod contract;
mod history;

use std::collections::HashMap;

use super::StoreError;
use super::StoreResult;
use super::record::{AnswerId, AnswerRecord, NewSession, ReviewSource, SessionEnd, SessionId};
use super::review::{PastReview, ReviewRecord};
use super::study::{Replay, Reschedule, StudyLog};
use crate::srs::queue::Seen;
use crate::srs::{Memory, Rating};

/// One recorded answer.
#[derive(Debug, Clone)]
pub struct Kept {
    pub session: SessionId,
    pub answer: AnswerRecord,
    pub review: ReviewRecord,
    /// The fact was due when rated (what true retention counts).
    pub was_due: bool,
}

#[derive(Debug, Default)]
pub struct InMemory {
    pub sessions: Vec<NewSession>,
    /// By session id: how it ended, once `finish` was called.
    pub ends: HashMap<SessionId, SessionEnd>,
    /// By answer id; `None` once undone.
    pub answers: Vec<Option<Kept>>,
    /// By (deck, fact): the memory, and whether it is retired.
    pub memory: HashMap<(String, String), (Memory, bool)>,
}

impl InMemory {
    /// The answers still recorded, oldest first.
    pub fn kept(&self) -> impl Iterator<Item = &Kept> {
        self.answers.iter().flatten()
    }

    /// Ends a session, as the commands do on the SQLite store after the loop returns.
    pub fn finish(&mut self, session: SessionId, end: SessionEnd) {
        self.ends.insert(session, end);
    }

    fn key(deck: &str, fact: &str) -> (String, String) {
        (deck.to_owned(), fact.to_owned())
    }

    fn past(&self, deck: &str, fact: &str) -> Vec<PastReview> {
        self.kept()
            .filter(|k| {
                k.review.deck_id == deck
                    && k.answer.fact_id == fact
                    && k.review.source != ReviewSource::Cram
            })
            .map(|k| (k.review.rating, k.answer.answered_at, k.review.retention))
            .collect()
    }

    fn kept_mut(&mut self, answer: AnswerId) -> StoreResult<&mut Kept> {
        usize::try_from(answer.0 - 1)
            .ok()
            .and_then(|i| self.answers.get_mut(i))
            .and_then(Option::as_mut)
            .ok_or(StoreError::UnknownAnswer(answer))
    }
}

impl StudyLog for InMemory {
    fn record_review(
        &mut self,
        session: SessionId,
        answer: &AnswerRecord,
        review: &ReviewRecord,
        reschedule: Reschedule<'_>,
    ) -> StoreResult<(AnswerId, Option<Memory>)> {
        let index = usize::try_from(session.0 - 1).ok();
        if index.is_none_or(|i| i >= self.sessions.len()) {
            return Err(StoreError::UnknownSession(session));
        }
        let key = Self::key(&review.deck_id, &answer.fact_id);
        let before = self.memory.get(&key).map(|(m, _)| *m);
        let rescheduled = reschedule(before.as_ref());
        let after = rescheduled.memory;
        if let Some(memory) = after {
            self.memory.insert(key, (memory, false));
        }
        self.answers.push(Some(Kept {
            session,
            answer: answer.clone(),
            review: review.clone(),
            was_due: rescheduled.was_due,
        }));
        let id = AnswerId(i64::try_from(self.answers.len()).unwrap_or(i64::MAX));
        Ok((id, after))
    }

    fn record_first_review(
        &mut self,
        session: &NewSession,
        answer: &AnswerRecord,
        review: &ReviewRecord,
        reschedule: Reschedule<'_>,
    ) -> StoreResult<(SessionId, AnswerId, Option<Memory>)> {
        self.sessions.push(session.clone());
        let id = SessionId(i64::try_from(self.sessions.len()).unwrap_or(i64::MAX));
        let (answer, memory) = self.record_review(id, answer, review, reschedule)?;
        Ok((id, answer, memory))
    }

    fn override_review(
        &mut self,
        answer: AnswerId,
        rating: Rating,
        replay: Replay<'_>,
    ) -> StoreResult<()> {
        let kept = self.kept_mut(answer)?;
        kept.answer.overridden = true;
        kept.review.rating = rating;
        let (deck, fact) = (kept.review.deck_id.clone(), kept.answer.fact_id.clone());
        if let Some(memory) = replay(&self.past(&deck, &fact)) {
            self.memory.insert(Self::key(&deck, &fact), (memory, false));
        }
        Ok(())
    }

    fn undo_review(
        &mut self,
        answer: AnswerId,
        before: Option<&Memory>,
        _replay: Replay<'_>,
    ) -> StoreResult<()> {
        let kept = self.kept_mut(answer)?.clone();
        if let Some(slot) = usize::try_from(answer.0 - 1)
            .ok()
            .and_then(|i| self.answers.get_mut(i))
        {
            *slot = None;
        }
        // SQLite gives the next row the highest id in use plus one: an undone last answer's
        // id is given again.
        while self.answers.last().is_some_and(Option::is_none) {
            self.answers.pop();
        }
        let key = Self::key(&kept.review.deck_id, &kept.answer.fact_id);
        match before {
            Some(memory) => self.memory.insert(key, (*memory, false)),
            None => self.memory.remove(&key),
        };
        Ok(())
    }

    fn set_retired(&mut self, deck_id: &str, facts: &[String], retired: bool) -> StoreResult<()> {
        for fact in facts {
            if let Some(entry) = self.memory.get_mut(&Self::key(deck_id, fact)) {
                entry.1 = retired;
            }
        }
        Ok(())
    }

    fn memory(&self, deck_id: &str, fact_id: &str) -> StoreResult<Option<Memory>> {
        Ok(self
            .memory
            .get(&Self::key(deck_id, fact_id))
            .map(|(m, _)| *m))
    }

    fn visit_memory(
        &self,
        deck_id: &str,
        visit: &mut dyn FnMut(&str, Memory, bool),
    ) -> StoreResult<()> {
        for ((deck, fact), (memory, retired)) in &self.memory {
            if deck == deck_id {
                visit(fact, *memory, *retired);
            }
        }
        Ok(())
    }

    fn visit_schedule(
        &self,
        deck_id: &str,
        visit: &mut dyn FnMut(&str, Seen, bool),
    ) -> StoreResult<()> {
        self.visit_memory(deck_id, &mut |fact, memory, retired| {
            let seen = Seen {
                due: memory.due,
                first_review: memory.first_review,
            };
            visit(fact, seen, retired);
        })
    }
}
