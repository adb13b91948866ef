//! The flashcard loop of `factdeck review`: show a card's front, wait, show the back, take
//! the learner's rating, and record it with the fact's new memory before the next card.
//!
//! Like the quiz, it talks to a [`Frontend`] and knows nothing of terminals or pipes.
//! A card rated Again comes back later in the session (`turns`); `u` takes the last rating
//! back, from the store as well as from the screen; `--typed` has the front answered and
//! graded before the rating, which the verdict suggests. `--cram` records every rating in
//! the history but leaves the schedule as it was.

pub mod card;
mod record;
pub mod summary;
pub mod tally;
pub mod turns;
mod typed;

use std::time::Instant;

use rand::Rng;

use crate::clock::Clock;
use crate::frontend::{Frontend, FrontendError, Paused, RateAsk, Rated, Reply};
use crate::question::{Generator, Question};
use crate::session::{Ending, SessionError, rating_of};
use crate::srs::queue::{Card, Status};
use crate::srs::{Memory, Rating, Scheduler};
use crate::store::{AnswerId, Outcome, SessionId, StudyLog};

use self::turns::{Moved, Turn, Turns};

pub use self::tally::{SharedTally, Tally};

/// The form name recorded for flashcard answers.
pub const REVIEW_FORM: &str = "review";

/// Everything the loop needs besides the frontend and the RNG.
#[derive(Debug)]
pub struct Review<'a> {
    pub generator: &'a Generator,
    pub deck_id: &'a str,
    pub cards: &'a [Card],
    pub store: &'a mut dyn StudyLog,
    pub session: SessionId,
    pub scheduler: &'a Scheduler,
    /// Off the schedule: ratings are recorded, memory is not touched.
    pub cram: bool,
    /// The front is answered, typed or picked, and graded before the rating.
    pub typed: bool,
    pub clock: Clock,
    /// Shared with the Ctrl-C handler, which may have to finish the session.
    pub tally: SharedTally,
}

/// One rating as recorded.
#[derive(Debug, Clone, Copy)]
struct Recorded {
    answer: AnswerId,
    rating: Rating,
    /// The fact's memory before the rating and after it (`None` after, off the schedule).
    before: Option<Memory>,
    after: Option<Memory>,
}

/// A rating given in this session, with what it takes to undo it.
#[derive(Debug)]
struct Given {
    rated: Recorded,
    relearning: bool,
    moved: Moved,
    question: Question,
}

/// What one card led to.
enum Step {
    Rated(Recorded),
    Undo,
    Stop(Ending),
}

impl Review<'_> {
    /// Shows every card in turn, forgotten ones again. Every rating is in the store before
    /// the next card.
    pub fn run<R: Rng + ?Sized>(
        &mut self,
        frontend: &mut dyn Frontend,
        rng: &mut R,
    ) -> Result<Ending, SessionError> {
        let mut turns = Turns::new(self.cards);
        let mut given: Vec<Given> = Vec::new();
        // The question of a card shown again after an undo: the same one.
        let mut replay: Option<Question> = None;
        while let Some(turn) = turns.current() {
            let question = match replay.take() {
                Some(q) => q,
                // A fact no question can be made about (too few others to compare with).
                None => match card::front_question(self.generator, turn.card.fact_index, rng) {
                    Some(q) => q,
                    None => {
                        turns.skip();
                        continue;
                    }
                },
            };
            let (n, total) = turns.position();
            let header = format!("Card {n} of {total} · {}", status_word(turn));
            match self.show_card(frontend, &header, &question, !given.is_empty())? {
                Step::Rated(rated) => {
                    self.tally.add(rated.rating, turn.relearning);
                    let moved = turns.rated(rated.rating);
                    self.tell_next(frontend, turn, rated.rating, rated.after)?;
                    given.push(Given {
                        rated,
                        relearning: turn.relearning,
                        moved,
                        question,
                    });
                }
                Step::Undo => {
                    let Some(last) = given.pop() else {
                        replay = Some(question);
                        continue;
                    };
                    self.undo(&last)?;
                    turns.undo(last.moved);
                    show(
                        frontend,
                        &format!(
                            "  Took back “{}”: the card is shown again.",
                            last.rated.rating.name()
                        ),
                    )?;
                    replay = Some(last.question);
                }
                Step::Stop(ending) => return Ok(ending),
            }
        }
        Ok(Ending::Completed)
    }

    fn show_card(
        &mut self,
        frontend: &mut dyn Frontend,
        header: &str,
        question: &Question,
        can_undo: bool,
    ) -> Result<Step, SessionError> {
        let shown = Instant::now();
        // With --typed, what was typed and the rating its verdict suggests.
        let mut typed = None;
        if self.typed {
            match typed::answer_front(frontend, header, question)? {
                Ok((given, verdict)) => typed = Some((given, rating_of(&verdict))),
                Err(stop) => return Ok(Step::Stop(stop)),
            }
        } else {
            show(frontend, &card::front(header, question))?;
            match ask(frontend.pause("Press Enter to show the answer", can_undo))? {
                Ok(Paused::Show) => {}
                Ok(Paused::Undo) => return Ok(Step::Undo),
                Err(stop) => return Ok(Step::Stop(stop)),
            }
            show(frontend, &card::back(question))?;
        }
        let intervals = match self.cram {
            true => None,
            false => {
                let memory = self.store.memory(self.deck_id, &question.fact)?;
                let preview = self.scheduler.preview(memory.as_ref(), self.clock.now());
                Some(preview.map(|i| i.short()))
            }
        };
        let rate = RateAsk {
            prompt: "How well did you recall it?",
            intervals: intervals.as_ref(),
            suggested: typed.as_ref().map(|(_, r)| *r),
            undo: can_undo,
        };
        let rating = match ask(frontend.rate(&rate))? {
            Ok(Rated::Rating(rating)) => rating,
            Ok(Rated::Undo) => return Ok(Step::Undo),
            Err(stop) => return Ok(Step::Stop(stop)),
        };
        let response_ms = u32::try_from(shown.elapsed().as_millis()).unwrap_or(u32::MAX);
        let given = typed.map(|(text, _)| text);
        let rated = self.record(question, rating, response_ms, given)?;
        Ok(Step::Rated(rated))
    }

    /// Says when the card comes back.
    fn tell_next(
        &self,
        frontend: &mut dyn Frontend,
        turn: Turn,
        rating: Rating,
        after: Option<Memory>,
    ) -> Result<(), SessionError> {
        if turn.comes_back_after(rating) {
            return show(frontend, "  It comes back later in this session.");
        }
        if let (Some(memory), Status::Due | Status::New) = (after, turn.card.status) {
            let when =
                crate::session::when::due_phrase(memory.due, self.clock.now(), self.scheduler);
            show(frontend, &format!("  Next review {when}."))?;
        }
        Ok(())
    }
}

/// The word after the header's count.
fn status_word(turn: Turn) -> &'static str {
    match turn.relearning {
        true => "again",
        false => turn.card.status.as_str(),
    }
}

/// How a rating reads in the history: Again is wrong, Hard close, Good and Easy correct.
pub fn verdict_of(rating: Rating) -> Outcome {
    match rating {
        Rating::Again => Outcome::Wrong,
        Rating::Hard => Outcome::Close,
        Rating::Good | Rating::Easy => Outcome::Correct,
    }
}

fn show(frontend: &mut dyn Frontend, text: &str) -> Result<(), SessionError> {
    frontend.show(text).map_err(SessionError::Frontend)
}

/// The answer to a prompt, the ending that stops the loop (end of input, Esc, Ctrl-C), or
/// a real failure.
fn ask<T>(result: Result<Reply<T>, FrontendError>) -> Result<Result<T, Ending>, SessionError> {
    match result {
        Ok(Reply::Answer(t)) => Ok(Ok(t)),
        Ok(Reply::Quit) => Ok(Err(Ending::Quit)),
        Err(FrontendError::Interrupted) => Ok(Err(Ending::Interrupted)),
        Err(e) => Err(SessionError::Frontend(e)),
    }
}
