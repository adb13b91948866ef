//! `quiz --focus`: which of the pool's facts a quiz asks, by what the schedule knows.

use jiff::Timestamp;
use rand::Rng;
use rand::seq::SliceRandom;

use super::Pool;
use crate::question::Generator;
use crate::session::lineup::{deck_memory, deck_schedule};
use crate::session::when::due_phrase;
use crate::srs::{Scheduler, queue};
use crate::store::{StoreResult, StudyLog};

/// How a quiz picks its facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    /// Every selected fact, dealt at random.
    #[default]
    All,
    /// Facts due today, most overdue first.
    Due,
    /// Facts seen before, lowest predicted recall first.
    Weak,
    /// Facts never seen, at random.
    New,
}

/// What a focus left to ask.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Focused {
    /// This many facts (`usize::MAX` for [`Focus::All`], which deals without end).
    Asks(usize),
    /// None: why, and what to try instead.
    Nothing(String),
}

impl Focus {
    /// Lines the pool's facts up with what the store knows (taking facts that left their
    /// deck off the schedule) and, unless `All`, sets the order the quiz asks them in, each
    /// once.
    pub fn apply<R: Rng + ?Sized>(
        self,
        pool: &mut Pool,
        store: &mut dyn StudyLog,
        scheduler: &Scheduler,
        now: Timestamp,
        rng: &mut R,
    ) -> StoreResult<Focused> {
        // Only "weakest first" needs whole memories; the rest needs due times.
        if self == Focus::Weak {
            let memories = in_pool_order(pool, store, deck_memory)?;
            let order = queue::weakest(&memories, scheduler, now);
            if order.is_empty() {
                let hint = "No fact has been answered yet, so none is weak. Try --focus new.";
                return Ok(Focused::Nothing(hint.to_owned()));
            }
            return Ok(Focused::Asks(set_order(pool, order)));
        }
        let seen = in_pool_order(pool, store, deck_schedule)?;
        let mut order = match self {
            Focus::All | Focus::Weak => return Ok(Focused::Asks(usize::MAX)),
            Focus::Due => queue::due_first(&seen, now),
            Focus::New => queue::unseen(&seen).collect(),
        };
        if order.is_empty() {
            let message = match (self, queue::next_due(&seen, now)) {
                (Focus::Due, Some(due)) => format!(
                    "Nothing is due. The next fact is due {}; until then try --focus weak or \
                     --focus new.",
                    due_phrase(due, now, scheduler)
                ),
                (Focus::Due, None) => "Nothing is due: no fact has been answered yet. Try \
                                       --focus new, or factdeck review."
                    .to_owned(),
                _ => {
                    "Every selected fact has been seen. Try --focus due or --focus weak.".to_owned()
                }
            };
            return Ok(Focused::Nothing(message));
        }
        if self == Focus::New {
            // New facts have no order of urgency: ask them at random, as a quiz does.
            order.shuffle(rng);
        }
        Ok(Focused::Asks(set_order(pool, order)))
    }
}

/// What `read` gives for every fact of the pool, numbered as the pool numbers them.
fn in_pool_order<T: Copy>(
    pool: &Pool,
    store: &mut dyn StudyLog,
    read: impl Fn(&mut dyn StudyLog, &str, &Generator) -> StoreResult<Vec<Option<T>>>,
) -> StoreResult<Vec<Option<T>>> {
    let mut by_deck = Vec::with_capacity(pool.decks().len());
    for deck in pool.decks() {
        by_deck.push(read(store, &deck.id, &deck.generator)?);
    }
    Ok(pool
        .facts()
        .iter()
        .map(|&(deck, fact)| {
            by_deck
                .get(deck)
                .and_then(|d| d.get(fact))
                .copied()
                .flatten()
        })
        .collect())
}

/// Sets the pool's order; returns how many facts it holds.
fn set_order(pool: &mut Pool, order: Vec<usize>) -> usize {
    let available = order.len();
    pool.set_order(order);
    available
}
