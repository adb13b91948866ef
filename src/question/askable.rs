//! Facts no question can be made about: `check` reports them as errors, and a quiz or a
//! review says which it leaves out instead of skipping them silently.

use crate::deck::{ChangeSides, Fact};
use crate::read::normalize::{contains_words, key};

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
    let phrase = match fact {
        Fact::Date(d) => &d.event,
        Fact::Figure(f) => &f.what,
        Fact::Change(c) => &c.subject,
        Fact::Card(c) => &c.question,
        Fact::Set(s) => &s.name,
        Fact::Sequence(s) => &s.name,
    };
    phrase.starts_with("TODO:")
}

/// Why, in words an author can act on.
fn reason(g: &Generator, fact: &Fact) -> String {
    match fact {
        Fact::Change(c) => match &c.sides {
            ChangeSides::Removed { before: side, .. }
            | ChangeSides::Established { after: side, .. }
                if contains_words(&key(&c.subject), &key(side)) =>
            {
                format!(
                    "its only side, \u{201c}{side}\u{201d}, is part of its subject, so every \
                     question about it would give the answer away"
                )
            }
            ChangeSides::Both { .. } => {
                "both of its sides are in its subject, so every question would give the answer \
                 away"
                    .to_owned()
            }
            _ => {
                let subject = key(&c.subject);
                let shared = g
                    .deck()
                    .facts
                    .iter()
                    .filter(|f| matches!(f, Fact::Change(o) if key(&o.subject) == subject))
                    .count();
                if shared > 1 {
                    "another one-sided change says the same of the same subject, so \u{201c}what \
                     was …?\u{201d} would have two answers, and no other value of its sort is \
                     there to choose from"
                        .to_owned()
                } else {
                    "no question about it can keep its answer out of the prompt".to_owned()
                }
            }
        },
        Fact::Card(_) => "its question contains its answer".to_owned(),
        Fact::Sequence(_) => {
            "its items' names tell their order (a number of one series, or words such as \
             \u{201c}opening\u{201d} and \u{201c}closing\u{201d}), so no order question is left"
                .to_owned()
        }
        Fact::Date(_) | Fact::Figure(_) | Fact::Set(_) => {
            "every question about it would give its answer away in the prompt".to_owned()
        }
    }
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
