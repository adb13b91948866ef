//! Facts no question can be made about: `check` reports them as errors, and a quiz or a
//! review says which it leaves out instead of skipping them silently.

use crate::deck::Fact;

use super::{Generator, rng_from_seed};

/// Tries per fact: some forms draw at random what they can ask.
const TRIES: u64 = 16;

/// A fact of the deck that no question can be made about, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Unaskable {
    /// Index of the fact in the deck.
    pub fact: usize,
    pub reason: String,
}

/// Every fact of `g`'s deck that no form can ask about, in deck order. A fact still being
/// drafted (a phrase starting with "TODO:", which `check` warns about) is not judged yet.
pub fn unaskable(g: &Generator) -> Vec<Unaskable> {
    g.deck()
        .facts
        .iter()
        .enumerate()
        .filter(|(_, fact)| !is_draft(fact))
        .filter(|(i, _)| {
            (0..TRIES).all(|seed| g.generate_for(*i, &mut rng_from_seed(seed)).is_none())
        })
        .map(|(i, fact)| Unaskable {
            fact: i,
            reason: reason(g, fact),
        })
        .collect()
}

/// Whether a phrase questions are made from is still a draft's placeholder.
fn is_draft(fact: &Fact) -> bool {
    fact.as_kind().topic().starts_with("TODO:")
}

/// Why, in words an author can act on.
fn reason(g: &Generator, fact: &Fact) -> String {
    super::forms::asked(fact).unaskable(g)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::question::testing::generator;

    #[test]
    fn a_side_inside_its_subject_and_a_card_answering_itself_are_unaskable() {
        let g = generator(concat!(
            "[[change]]\nid = \"dwarf\"\nsubject = \"the category of dwarf planet\"\nafter = \"dwarf planet\"\nverb = \"created\"\n",
            "[[card]]\nid = \"self\"\nquestion = \"Is Pyongyang in Pyongyang?\"\nanswer = \"Pyongyang\"\n",
            "[[card]]\nid = \"fine\"\nquestion = \"Which city?\"\nanswer = \"Pyongyang\"\n",
        ));
        let found = unaskable(&g);
        assert_eq!(found.iter().map(|u| u.fact).collect::<Vec<_>>(), [0, 1]);
        assert!(
            found[0].reason.contains("part of its subject"),
            "{}",
            found[0].reason
        );
        assert_eq!(found[1].reason, "its question contains its answer");
    }
}
