//! What the quiz hands the store, and the small typed values stored as text.
//!
//! These are plain records on purpose: the store knows nothing about how questions are made
//! or graded, only what was asked, what was answered and what the grader said.

use std::fmt;
use std::str::FromStr;

use jiff::Timestamp;

use crate::deck::Kind;

/// A session's row id, as printed by `factdeck history` and taken by `history show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SessionId(pub i64);

impl fmt::Display for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FromStr for SessionId {
    type Err = std::num::ParseIntError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.trim().trim_start_matches('#').parse().map(SessionId)
    }
}

/// An answer's row id, for overriding its verdict after it was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AnswerId(pub i64);

/// How a quiz was run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Practice,
    Exam,
    /// Flashcards on the schedule (`factdeck review`).
    Review,
    /// Flashcards off the schedule (`factdeck review --cram`).
    Cram,
}

impl Mode {
    pub const ALL: [Mode; 4] = [Mode::Practice, Mode::Exam, Mode::Review, Mode::Cram];
}

/// Where a rated answer came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReviewSource {
    /// A flashcard, rated by the learner; moves the schedule.
    Review,
    /// A quiz answer, rated from its verdict; moves the schedule.
    Quiz,
    /// A flashcard under `--cram`: kept, but the schedule stays as it was.
    Cram,
}

/// What the grader said about one answer, as stored (`grade::Verdict` without its details).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    Correct,
    /// Near the right answer but not accepted (it earns no point unless overridden).
    Close,
    Wrong,
}

/// A value stored as text that this program does not know (a newer factdeck wrote it).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} `{found}` in the score store")]
pub struct UnknownName {
    pub what: &'static str,
    pub found: String,
}

macro_rules! text_enum {
    ($ty:ident, $what:literal, { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            /// The name stored in the score store and shown in history.
            pub fn as_str(self) -> &'static str {
                match self { $($ty::$variant => $name),+ }
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $ty {
            type Err = UnknownName;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($name => Ok($ty::$variant),)+
                    _ => Err(UnknownName { what: $what, found: s.to_owned() }),
                }
            }
        }
    };
}

text_enum!(Mode, "mode", {
    Practice => "practice", Exam => "exam", Review => "review", Cram => "cram",
});
text_enum!(ReviewSource, "review source", { Review => "review", Quiz => "quiz", Cram => "cram" });
text_enum!(Outcome, "verdict", { Correct => "correct", Close => "close", Wrong => "wrong" });

/// The start of a quiz session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSession {
    pub deck_id: String,
    /// A hash of the deck file's content, so history can tell which version was studied.
    pub deck_hash: String,
    pub mode: Mode,
    /// The RNG seed, so the same quiz can be replayed with `--seed`.
    pub seed: u64,
    pub started_at: Timestamp,
}

/// One answered question, recorded the moment it is graded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRecord {
    /// The deck the fact belongs to, when a session spans several decks; `None` means the
    /// session's own deck.
    pub deck_id: Option<String>,
    pub fact_id: String,
    pub kind: Kind,
    /// The question form, as the question engine names it ("date_typed", "card_choice", …; a
    /// flashcard review records "review").
    pub form: String,
    pub prompt: String,
    /// What the user typed or chose.
    pub given: String,
    /// The right answer as shown to the user, so `history show` can print it.
    pub expected: String,
    /// The grader's verdict.
    pub verdict: Outcome,
    /// The user overrode the verdict ("I was right"): the answer then counts as correct.
    pub overridden: bool,
    pub response_ms: u32,
    pub answered_at: Timestamp,
}

impl AnswerRecord {
    /// Whether the answer earns a point: correct, close (accepted with a correction), or
    /// overridden by the user.
    pub fn credited(&self) -> bool {
        credited(self.verdict, self.overridden)
    }
}

/// The one rule for a point; `schema.rs` states the same rule in SQL for the `credited` column.
pub fn credited(verdict: Outcome, overridden: bool) -> bool {
    verdict != Outcome::Wrong || overridden
}

/// How a session ended. Its score and total are not here: the store counts them from the
/// session's answers, so they agree with the answers whenever the session is finished (a
/// Ctrl-C just after an answer commits cannot write an out-of-date count).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionEnd {
    pub ended_at: Timestamp,
    /// Stopped early (Ctrl-C, a signal, quit) rather than run to the last question.
    pub interrupted: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for m in [Mode::Practice, Mode::Exam, Mode::Review, Mode::Cram] {
            assert_eq!(m.as_str().parse::<Mode>(), Ok(m));
        }
        for v in [Outcome::Correct, Outcome::Close, Outcome::Wrong] {
            assert_eq!(v.to_string().parse::<Outcome>(), Ok(v));
        }
        assert!("Correct".parse::<Outcome>().is_err());
    }

    #[test]
    fn only_correct_or_overridden_answers_earn_a_point() {
        assert!(credited(Outcome::Correct, false));
        assert!(credited(Outcome::Close, false));
        assert!(!credited(Outcome::Wrong, false));
        assert!(credited(Outcome::Wrong, true));
    }

    #[test]
    fn session_ids_parse_as_printed() {
        assert_eq!("42".parse::<SessionId>(), Ok(SessionId(42)));
        assert_eq!("#7".parse::<SessionId>(), Ok(SessionId(7)));
        assert!("x".parse::<SessionId>().is_err());
    }
}
