//! What the study loops (`quiz`, `review`) share: how a session ends, what stops it with an
//! error, how a verdict becomes a rating, and lining a deck up with the store's memory.
//! Both loops build on this module; neither uses the other.

pub mod feedback;
pub mod lineup;
pub mod when;

use crate::frontend::FrontendError;
use crate::grade::Verdict;
use crate::srs::Rating;
use crate::store::StoreError;

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Every question was asked (or the deck ran out of questions).
    Completed,
    /// The person stopped: end of input, or Esc.
    Quit,
    /// Ctrl-C at a prompt.
    Interrupted,
}

/// Why the loop stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// The answer just given could not be recorded (a full disk, a lost store): it is the
    /// one thing not saved.
    #[error("the answer just given was not saved; {}", saved_so_far(*.saved))]
    AnswerNotSaved {
        /// Answers of this session already in the store.
        saved: u32,
        #[source]
        source: StoreError,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Frontend(FrontendError),
}

/// What a failed answer leaves in the store.
fn saved_so_far(saved: u32) -> String {
    match saved {
        0 => "nothing of this session was saved".to_owned(),
        1 => "the answer before it is saved".to_owned(),
        n => format!("the {n} answers before it are saved"),
    }
}

/// A quiz verdict as a rating: wrong → Again, close → Hard, correct → Good.
pub fn rating_of(v: &Verdict) -> Rating {
    match v {
        Verdict::Correct => Rating::Good,
        Verdict::Close { .. } => Rating::Hard,
        Verdict::Wrong { .. } => Rating::Again,
    }
}

/// The store's name for a verdict.
pub fn store_verdict(v: &Verdict) -> crate::store::Outcome {
    match v {
        Verdict::Correct => crate::store::Outcome::Correct,
        Verdict::Close { .. } => crate::store::Outcome::Close,
        Verdict::Wrong { .. } => crate::store::Outcome::Wrong,
    }
}
