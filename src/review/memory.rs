//! A deck's facts with their stored memory, for the review queue and focused quizzes.

use crate::question::Generator;
use crate::srs::line_up;
use crate::srs::queue::Known;
use crate::store::{Store, StoreResult};

/// Every fact of the deck in deck order with its memory, matched by fact id. Facts that
/// left the deck are taken off the schedule (their history stays), and facts that came
/// back are put on it again with the memory they had.
pub fn deck_memory(
    store: &mut Store,
    deck_id: &str,
    generator: &Generator,
) -> StoreResult<Vec<Known>> {
    let rows = store.memory_rows(deck_id)?;
    let lined = line_up(
        generator.deck().facts.len(),
        |id| generator.position(id),
        rows.iter()
            .map(|r| (r.fact_id.as_str(), r.memory, r.retired)),
    );
    store.set_retired(deck_id, &lined.retire, true)?;
    store.set_retired(deck_id, &lined.revive, false)?;
    Ok(lined.known)
}
