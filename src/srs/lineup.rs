//! Lining up stored memory with a deck as it is now: the fact ids are the link, so a
//! reworded fact keeps its memory, and a fact gone from the deck leaves the schedule.

use super::Memory;
use super::queue::Known;

/// A deck's facts with their memory, and the changes the schedule needs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinedUp {
    /// One per fact of the deck, in deck order.
    pub known: Vec<Known>,
    /// Ids with memory that are no longer in the deck: to be taken off the schedule (their
    /// history stays).
    pub retire: Vec<String>,
    /// Ids taken off the schedule that are back in the deck: to be scheduled again with the
    /// memory they had.
    pub revive: Vec<String>,
}

/// Lines up stored rows `(fact id, memory, retired)` with a deck of `facts` facts, given
/// how to find a fact's position from its id.
pub fn line_up<'a>(
    facts: usize,
    position: impl Fn(&str) -> Option<usize>,
    rows: impl IntoIterator<Item = (&'a str, Memory, bool)>,
) -> LinedUp {
    let mut known: Vec<Known> = (0..facts)
        .map(|fact| Known { fact, memory: None })
        .collect();
    let mut retire = Vec::new();
    let mut revive = Vec::new();
    for (id, memory, retired) in rows {
        match position(id).and_then(|at| known.get_mut(at)) {
            Some(slot) => {
                slot.memory = Some(memory);
                if retired {
                    revive.push(id.to_owned());
                }
            }
            None if !retired => retire.push(id.to_owned()),
            None => {}
        }
    }
    LinedUp {
        known,
        retire,
        revive,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn memory(day: i8) -> Memory {
        let t = jiff::civil::date(2026, 11, day)
            .at(9, 0, 0, 0)
            .in_tz("UTC")
            .unwrap()
            .timestamp();
        Memory {
            stability: 2.0,
            difficulty: 5.0,
            due: t,
            last_review: t,
            first_review: t,
            reps: 1,
            lapses: 0,
        }
    }

    #[test]
    fn memory_follows_the_fact_id_and_leaves_with_the_fact() {
        let ids = ["a", "b", "c"];
        let position = |id: &str| ids.iter().position(|i| *i == id);
        let rows = [
            ("c", memory(3), false),
            ("gone", memory(4), false),
            ("a", memory(1), true),
            ("long-gone", memory(5), true),
        ];
        let lined = line_up(3, position, rows);
        assert_eq!(lined.known[0].memory, Some(memory(1)));
        assert_eq!(lined.known[1].memory, None, "never rated");
        assert_eq!(lined.known[2].memory, Some(memory(3)));
        assert_eq!(lined.retire, ["gone"]);
        assert_eq!(lined.revive, ["a"], "back in the deck");
    }
}
