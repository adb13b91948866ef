//! Lining up stored memory with a deck as it is now: the fact ids are the link, so a
//! reworded fact keeps its memory, and a fact gone from the deck leaves the schedule.

/// A deck's facts, each with what is stored about it (`T`: the whole memory, or only what
/// the queues need), and the changes the schedule needs.
#[derive(Debug, Clone, PartialEq)]
pub struct LinedUp<T> {
    /// One per fact of the deck, in deck order; `None` for a fact never rated.
    pub known: Vec<Option<T>>,
    /// Ids with memory that are no longer in the deck: to be taken off the schedule (their
    /// history stays).
    pub retire: Vec<String>,
    /// Ids taken off the schedule that are back in the deck: to be scheduled again with the
    /// memory they had.
    pub revive: Vec<String>,
}

impl<T> LinedUp<T> {
    /// A deck of `facts` facts, none rated yet.
    pub fn new(facts: usize) -> LinedUp<T> {
        LinedUp {
            known: std::iter::repeat_with(|| None).take(facts).collect(),
            retire: Vec::new(),
            revive: Vec::new(),
        }
    }

    /// Takes one stored row: the fact `id` (at `position` in the deck, if it is there), what
    /// is stored about it, and whether it was off the schedule.
    pub fn add(&mut self, position: Option<usize>, id: &str, value: T, retired: bool) {
        match position.and_then(|at| self.known.get_mut(at)) {
            Some(slot) => {
                *slot = Some(value);
                if retired {
                    self.revive.push(id.to_owned());
                }
            }
            None if !retired => self.retire.push(id.to_owned()),
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_follows_the_fact_id_and_leaves_with_the_fact() {
        let ids = ["a", "b", "c"];
        let mut lined = LinedUp::new(3);
        for (id, value, retired) in [
            ("c", 3, false),
            ("gone", 4, false),
            ("a", 1, true),
            ("long-gone", 5, true),
        ] {
            lined.add(ids.iter().position(|i| *i == id), id, value, retired);
        }
        assert_eq!(lined.known, [Some(1), None, Some(3)]);
        assert_eq!(lined.retire, ["gone"]);
        assert_eq!(lined.revive, ["a"], "back in the deck");
    }
}
