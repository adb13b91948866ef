//! A deck's facts with what the store knows about them, for the review queue and focused
//! quizzes. Lining them up also keeps the schedule in step with the deck: facts that left
//! it are taken off the schedule (their history stays), and facts that came back are put on
//! it again with the memory they had.

use crate::question::Generator;
use crate::srs::queue::Seen;
use crate::srs::{LinedUp, Memory};
use crate::store::{StoreResult, StudyLog};

/// Due time and first review of every fact of the deck, in deck order: all the review queue
/// needs, read without the rest of each memory.
pub fn deck_schedule(
    store: &mut dyn StudyLog,
    deck_id: &str,
    generator: &Generator,
) -> StoreResult<Vec<Option<Seen>>> {
    let mut lined = LinedUp::new(generator.deck().facts.len());
    store.visit_schedule(deck_id, &mut |id, seen, retired| {
        lined.add(generator.position(id), id, seen, retired);
    })?;
    keep_in_step(store, deck_id, lined)
}

/// The whole memory of every fact of the deck, in deck order.
pub fn deck_memory(
    store: &mut dyn StudyLog,
    deck_id: &str,
    generator: &Generator,
) -> StoreResult<Vec<Option<Memory>>> {
    let mut lined = LinedUp::new(generator.deck().facts.len());
    store.visit_memory(deck_id, &mut |id, memory, retired| {
        lined.add(generator.position(id), id, memory, retired);
    })?;
    keep_in_step(store, deck_id, lined)
}

fn keep_in_step<T>(
    store: &mut dyn StudyLog,
    deck_id: &str,
    lined: LinedUp<T>,
) -> StoreResult<Vec<Option<T>>> {
    store.set_retired(deck_id, &lined.retire, true)?;
    store.set_retired(deck_id, &lined.revive, false)?;
    Ok(lined.known)
}
