//! The flashcard loop of `factdeck review`: show a card's front, wait, show the back, take
//! the learner's rating, and record it with the fact's new memory before the next card.
//!
//! Like the quiz, it talks to a [`Frontend`] and knows nothing of terminals or pipes.
//! `--cram` records every rating in the history but leaves the schedule as it was.

pub mod card;
pub mod memory;
pub mod summary;
pub mod tally;
pub mod when;

use std::time::Instant;

use rand::Rng;

use crate::clock::Clock;
use crate::frontend::{Frontend, FrontendError, Reply};
use crate::question::{Generator, Question};
use crate::quiz::{Ending, QuizError};
use crate::srs::queue::{Card, Status};
use crate::srs::{Rating, Scheduler};
use crate::store::{
    AnswerRecord, Rescheduled, ReviewRecord, ReviewSource, SessionId, Store, StoreError, Verdict,
};

pub use self::tally::{SharedTally, Tally};

/// The form name recorded for flashcard answers.
pub const REVIEW_FORM: &str = "review";

/// Everything the loop needs besides the frontend and the RNG.
#[derive(Debug)]
pub struct Review<'a> {
    pub generator: &'a Generator,
    pub deck_id: &'a str,
    pub cards: &'a [Card],
    pub store: &'a mut Store,
    pub session: SessionId,
    pub scheduler: &'a Scheduler,
    /// Off the schedule: ratings are recorded, memory is not touched.
    pub cram: bool,
    pub clock: Clock,
    /// Shared with the Ctrl-C handler, which may have to finish the session.
    pub tally: SharedTally,
}

impl Review<'_> {
    /// Shows every card in turn. Every rating is in the store before the next card.
    pub fn run<R: Rng + ?Sized>(
        &mut self,
        frontend: &mut dyn Frontend,
        rng: &mut R,
    ) -> Result<Ending, QuizError> {
        let total = self.cards.len();
        for (i, card) in self.cards.iter().enumerate() {
            // A fact no question can be made about (too few others to compare with).
            let Some(question) = card::front_question(self.generator, card.fact, rng) else {
                continue;
            };
            let header = format!("Card {} of {total} · {}", i + 1, card.status.as_str());
            match self.show_card(frontend, &header, *card, &question)? {
                Step::Rated => {}
                Step::Stop(ending) => return Ok(ending),
            }
        }
        Ok(Ending::Completed)
    }

    fn show_card(
        &mut self,
        frontend: &mut dyn Frontend,
        header: &str,
        card: Card,
        question: &Question,
    ) -> Result<Step, QuizError> {
        let shown = Instant::now();
        show(frontend, &card::front(header, question))?;
        if let Err(stop) = ask(frontend.pause("Press Enter to show the answer"))? {
            return Ok(stop);
        }
        show(frontend, &card::back(question))?;
        let rating = match ask(frontend.rate("How well did you recall it?"))? {
            Ok(rating) => rating,
            Err(stop) => return Ok(stop),
        };
        let response_ms = u32::try_from(shown.elapsed().as_millis()).unwrap_or(u32::MAX);
        let memory = self.record(question, rating, response_ms)?;
        self.tally.add(rating);
        if let (Some(memory), Status::Due | Status::New) = (memory, card.status) {
            let when = when::due_phrase(memory.due, self.clock.now(), self.scheduler);
            show(frontend, &format!("  Next review {when}."))?;
        }
        Ok(Step::Rated)
    }

    fn record(
        &mut self,
        q: &Question,
        rating: Rating,
        response_ms: u32,
    ) -> Result<Option<crate::srs::Memory>, StoreError> {
        let now = self.clock.now();
        let answer = AnswerRecord {
            deck_id: None,
            fact_id: q.fact.clone(),
            kind: q.kind,
            form: REVIEW_FORM.to_owned(),
            prompt: q.prompt.clone(),
            given: rating.name().to_owned(),
            expected: q.expected(),
            verdict: verdict_of(rating),
            overridden: false,
            response_ms,
            answered_at: now,
        };
        let review = ReviewRecord {
            deck_id: self.deck_id.to_owned(),
            rating,
            source: if self.cram {
                ReviewSource::Cram
            } else {
                ReviewSource::Review
            },
            retention: self.scheduler.retention(),
        };
        let (scheduler, cram) = (self.scheduler, self.cram);
        let (_, memory) = self
            .store
            .record_review(self.session, &answer, &review, |before| Rescheduled {
                memory: (!cram).then(|| scheduler.next(before, rating, now)),
                was_due: before.is_some_and(|m| scheduler.is_due(m, now)),
            })?;
        Ok(memory)
    }
}

/// How a rating reads in the history: Again is wrong, Hard close, Good and Easy correct.
pub fn verdict_of(rating: Rating) -> Verdict {
    match rating {
        Rating::Again => Verdict::Wrong,
        Rating::Hard => Verdict::Close,
        Rating::Good | Rating::Easy => Verdict::Correct,
    }
}

fn show(frontend: &mut dyn Frontend, text: &str) -> Result<(), QuizError> {
    frontend.show(text).map_err(QuizError::Frontend)
}

/// What one card led to.
enum Step {
    Rated,
    Stop(Ending),
}

/// The answer to a prompt, the step that stops the loop (end of input, Esc, Ctrl-C), or a
/// real failure.
fn ask<T>(result: Result<Reply<T>, FrontendError>) -> Result<Result<T, Step>, QuizError> {
    match result {
        Ok(Reply::Answer(t)) => Ok(Ok(t)),
        Ok(Reply::Quit) => Ok(Err(Step::Stop(Ending::Quit))),
        Err(FrontendError::Interrupted) => Ok(Err(Step::Stop(Ending::Interrupted))),
        Err(e) => Err(QuizError::Frontend(e)),
    }
}
