//! Spaced repetition: when each fact should come back, scheduled with FSRS-6 (the `fsrs`
//! crate, default parameters).
//!
//! - [`Rating`]: how well a fact was recalled (Again, Hard, Good, Easy). Flashcards are rated
//!   by the learner; quiz answers are rated from their verdict (wrong → Again, close → Hard,
//!   correct or overridden → Good).
//! - [`Memory`]: what the scheduler knows about one fact: stability, difficulty, when it is
//!   due, repetitions and lapses.
//! - [`Scheduler::next`]: the pure step from (memory, rating, now) to the next memory.
//! - [`queue`]: which facts a review or a focused quiz takes, in what order.
//!
//! Days are the learner's local calendar days: a card due at 21:00 can be reviewed that
//! morning, and an overnight gap counts as a day for FSRS, as it does in Anki (without
//! Anki's 4 a.m. rollover). Nothing here touches the store or the terminal.

mod lineup;
mod memory;
pub mod queue;
mod rating;
mod retention;
mod schedule;

pub use lineup::LinedUp;
pub use memory::Memory;
pub use rating::Rating;
pub use retention::{BadRetention, Retention};
pub use schedule::{Interval, RELEARN_STEP, Scheduler, interval_after};
