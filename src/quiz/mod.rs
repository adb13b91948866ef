//! The quiz loop: deal a question, ask it through a [`Frontend`], grade the reply, record it
//! in the store at once, give feedback (practice) or keep it for the end (exam).
//!
//! Nothing here knows whether the person sits at a terminal or a pipe.

pub mod feedback;
pub mod focus;
pub mod pool;
pub mod progress;
pub mod summary;
#[cfg(test)]
mod tests;

use std::time::Instant;

use rand::Rng;

use crate::clock::Clock;
use crate::frontend::{Ask, AskKind, Frontend, FrontendError, MAX_ANSWER_CHARS, Reply};
use crate::grade::choice::chosen;
use crate::grade::{Verdict, grade, readable};
use crate::question::{Input, Question};
use crate::session::{Ending, SessionError, rating_of, store_verdict};
use crate::srs::{Rating, Scheduler};
use crate::store::{
    AnswerId, AnswerRecord, NewSession, Rescheduled, ReviewRecord, ReviewSource, StoreError,
    StudyLog,
};

pub use self::pool::{Pool, PoolDeck};
pub use self::progress::{Answered, Progress, SharedProgress};

/// How feedback is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizMode {
    /// The verdict, the right answer and the explanation after every question.
    Practice,
    /// Nothing until the end, then a review of every mistake.
    Exam,
}

/// Everything the loop needs besides the frontend and the RNG.
#[derive(Debug)]
pub struct Quiz<'a> {
    pub pool: &'a mut Pool,
    pub store: &'a mut dyn StudyLog,
    /// The session's row is written with the first answer, not before: nothing is written
    /// before the first question appears, and a quiz left at once leaves no trace.
    pub session: NewSession,
    pub mode: QuizMode,
    pub count: usize,
    pub clock: Clock,
    /// Every answer also rates its fact for spaced repetition, with this scheduler.
    pub scheduler: &'a Scheduler,
    /// Shared with the Ctrl-C handler, which may have to finish the session.
    pub progress: SharedProgress,
}

impl Quiz<'_> {
    /// Asks up to `count` questions. Every answer is in the store before the next question.
    pub fn run<R: Rng + ?Sized>(
        &mut self,
        frontend: &mut dyn Frontend,
        rng: &mut R,
    ) -> Result<Ending, SessionError> {
        let mut asked = 0;
        while asked < self.count {
            let Some(dealt) = self.pool.next(rng) else {
                break;
            };
            asked += 1;
            let header = self.header(asked);
            match self.ask_one(frontend, &header, dealt.deck, dealt.question)? {
                Step::Answered => {}
                Step::Quit => return Ok(Ending::Quit),
                Step::Interrupted => return Ok(Ending::Interrupted),
            }
        }
        if self.mode == QuizMode::Exam {
            match self.review_mistakes(frontend)? {
                Step::Interrupted => return Ok(Ending::Interrupted),
                Step::Quit | Step::Answered => {}
            }
        }
        Ok(Ending::Completed)
    }

    fn header(&self, number: usize) -> String {
        let score = self.progress.snapshot().score;
        match self.mode {
            QuizMode::Practice => format!("Question {number} of {} · {score} correct", self.count),
            QuizMode::Exam => format!("Question {number} of {}", self.count),
        }
    }

    fn ask_one(
        &mut self,
        frontend: &mut dyn Frontend,
        header: &str,
        deck: usize,
        question: Question,
    ) -> Result<Step, SessionError> {
        let kind = match question.input() {
            Input::Choice => AskKind::Choice(&question.options),
            Input::TrueFalse => AskKind::TrueFalse {
                yes: question.phrasebook().truth.yes_label,
                no: question.phrasebook().truth.no_label,
            },
            Input::Order => AskKind::Order(&question.options),
            Input::Typed => AskKind::Typed,
        };
        let numeric_options = question.numeric_options();
        let ask = Ask {
            header,
            prompt: &question.prompt,
            kind,
            numeric_options,
        };
        let started = Instant::now();
        let given = loop {
            match step(frontend.ask(&ask))? {
                // Pasted by mistake, most likely; the plain frontend never reads more.
                Flow::Go(text) if text.chars().count() > MAX_ANSWER_CHARS => say(
                    frontend,
                    &format!("  (an answer is at most {MAX_ANSWER_CHARS} characters)"),
                )?,
                Flow::Go(text) => match readable(&question, &question.in_grader_words(&text)) {
                    Ok(()) => break question.in_grader_words(&text).into_owned(),
                    // A slip of form, not a wrong answer: say how to answer and ask again.
                    Err(hint) => say(frontend, &format!("  ({})", question.hint_in_words(hint)))?,
                },
                Flow::Stop(s) => return Ok(s),
            };
        };
        let response_ms = u32::try_from(started.elapsed().as_millis()).unwrap_or(u32::MAX);
        let verdict = grade(&question, &given);
        let progress = self.progress.clone();
        let recording = progress.recording();
        let id = self
            .record(deck, &question, &given, &verdict, response_ms)
            .map_err(|source| SessionError::AnswerNotSaved {
                saved: self.progress.snapshot().total(),
                source,
            })?;
        self.progress.push(Answered {
            deck,
            answer_id: id,
            question,
            given,
            verdict,
            overridden: false,
        });
        drop(recording);
        if self.mode == QuizMode::Practice {
            return self.feedback_for_last(frontend);
        }
        Ok(Step::Answered)
    }

    /// Shows the verdict of the last answer and offers the override after a wrong typed one.
    fn feedback_for_last(&mut self, frontend: &mut dyn Frontend) -> Result<Step, SessionError> {
        let Some(last) = self.progress.last() else {
            return Ok(Step::Answered);
        };
        say(frontend, &feedback::after_answer(&last))?;
        self.offer_override(frontend, &last)
    }

    /// "I was right": for typed answers graded wrong, so no one is stuck with an unfair grade.
    fn offer_override(
        &mut self,
        frontend: &mut dyn Frontend,
        answered: &Answered,
    ) -> Result<Step, SessionError> {
        if answered.verdict.is_accepted() || answered.question.input() != Input::Typed {
            return Ok(Step::Answered);
        }
        let book = answered.question.phrasebook();
        match step(frontend.confirm(book.override_prompt, false, &book.yes_no))? {
            Flow::Go(true) => {
                // An override counts as Good: the fact's ratings are replayed with it.
                let scheduler = self.scheduler;
                self.store
                    .override_review(answered.answer_id, Rating::Good, &mut |past| {
                        scheduler.replay(past.iter().copied())
                    })?;
                self.progress.set_overridden(answered.answer_id);
                say(frontend, "  Counted as correct.")?;
                Ok(Step::Answered)
            }
            Flow::Go(false) => Ok(Step::Answered),
            Flow::Stop(s) => Ok(s),
        }
    }

    /// Exam mode: every mistake, with the right answer and the explanation.
    fn review_mistakes(&mut self, frontend: &mut dyn Frontend) -> Result<Step, SessionError> {
        let mistakes: Vec<Answered> = self
            .progress
            .snapshot()
            .answered
            .into_iter()
            .filter(|a| !a.credited())
            .collect();
        if mistakes.is_empty() {
            say(frontend, "\nNo mistakes to review.")?;
            return Ok(Step::Answered);
        }
        let title = format!("\nReview of your {} mistake(s)", mistakes.len());
        say(frontend, &title)?;
        for answered in &mistakes {
            say(frontend, &feedback::review_entry(answered))?;
            match self.offer_override(frontend, answered)? {
                Step::Answered => {}
                other => return Ok(other),
            }
        }
        Ok(Step::Answered)
    }

    /// Records the answer and, in the same transaction, its rating of the fact's memory.
    fn record(
        &mut self,
        deck: usize,
        q: &Question,
        given: &str,
        verdict: &Verdict,
        response_ms: u32,
    ) -> Result<AnswerId, StoreError> {
        let deck_id = self
            .pool
            .decks()
            .get(deck)
            .map(|d| d.id.clone())
            .unwrap_or_default();
        let now = self.clock.now();
        let record = AnswerRecord {
            deck_id: Some(deck_id.clone()),
            fact_id: q.fact.clone(),
            kind: q.kind,
            form: q.form.as_str().to_owned(),
            prompt: q.prompt.clone(),
            given: chosen(q, given).unwrap_or(given).to_owned(),
            expected: q.expected(),
            verdict: store_verdict(verdict),
            overridden: false,
            response_ms,
            answered_at: now,
        };
        let rating = rating_of(verdict);
        let review = ReviewRecord {
            deck_id,
            rating,
            source: ReviewSource::Quiz,
            retention: self.scheduler.retention(),
        };
        let scheduler = self.scheduler;
        let mut reschedule = |before: Option<&crate::srs::Memory>| Rescheduled {
            memory: Some(scheduler.next(before, rating, now)),
            was_due: before.is_some_and(|m| scheduler.is_due(m, now)),
        };
        if let Some(session) = self.progress.session() {
            let (id, _) = self
                .store
                .record_review(session, &record, &review, &mut reschedule)?;
            return Ok(id);
        }
        // The first answer writes the session's row with it, in one transaction: a session
        // is never left in the store without an answer (a full disk refuses both).
        let (session, id, _) =
            self.store
                .record_first_review(&self.session, &record, &review, &mut reschedule)?;
        self.progress.set_session(session);
        Ok(id)
    }
}

/// What one prompt led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Answered,
    Quit,
    Interrupted,
}

/// A reply to act on, or a reason to stop.
enum Flow<T> {
    Go(T),
    Stop(Step),
}

/// Shows text; showing cannot be declined, only fail.
fn say(frontend: &mut dyn Frontend, text: &str) -> Result<(), SessionError> {
    frontend.show(text).map_err(SessionError::Frontend)
}

/// Sorts a frontend result into "go on", "stop" (quit or Ctrl-C) or a real error.
fn step<T>(result: Result<Reply<T>, FrontendError>) -> Result<Flow<T>, SessionError> {
    match result {
        Ok(Reply::Answer(t)) => Ok(Flow::Go(t)),
        Ok(Reply::Quit) => Ok(Flow::Stop(Step::Quit)),
        Err(FrontendError::Interrupted) => Ok(Flow::Stop(Step::Interrupted)),
        Err(e) => Err(SessionError::Frontend(e)),
    }
}
