//! One front and back per fact: the question factdeck would ask about it, in a form that
//! reads well on a flashcard (typed forms first), with a fixed seed so that exporting the
//! same deck twice gives the same file.

use crate::deck::{CardFact, Deck, Fact};
use crate::question::{Generator, Question, Settings, asked, option_letter, rng_from_seed};

/// The seed behind every random choice of an export (the options of a multiple-choice
/// front, their order).
pub const EXPORT_SEED: u64 = 0;

/// One fact as a flashcard.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub fact: String,
    /// The question, with its options on their own lines when it has some.
    pub front: String,
    /// The answer as a reader wants to see it.
    pub back: String,
    /// The note and source quote (and, for changes, sets and sequences, the fact itself).
    pub explanation: String,
    pub tags: Vec<String>,
}

/// A row per fact, in deck order, and the ids of facts no question could be made from.
pub fn rows(deck: &Deck) -> (Vec<Row>, Vec<String>) {
    let generator = Generator::new(deck.clone(), Settings::default());
    let mut rng = rng_from_seed(EXPORT_SEED);
    let mut rows = Vec::with_capacity(deck.facts.len());
    let mut skipped = Vec::new();
    for (i, fact) in deck.facts.iter().enumerate() {
        // A card is already a front and a back: written as it is, even when the quiz could
        // not ask it (a question that contains its own answer).
        if let Fact::Card(c) = fact {
            rows.push(card_row(c));
            continue;
        }
        let question = asked(fact)
            .export_forms()
            .iter()
            .find_map(|form| generator.generate_form(i, *form, &mut rng))
            .or_else(|| generator.every_form(i, &mut rng).into_iter().next());
        match question {
            Some(q) => rows.push(row(fact, &q)),
            None => skipped.push(fact.id().to_owned()),
        }
    }
    (rows, skipped)
}

/// A card's own question and answer; its note and source quote as the explanation, as a
/// quiz shows them.
fn card_row(c: &CardFact) -> Row {
    let source = c
        .meta
        .quote
        .as_ref()
        .map(|q| format!("Source: \u{201c}{q}\u{201d}"));
    let explanation: Vec<String> = c
        .meta
        .note
        .iter()
        .map(ToString::to_string)
        .chain(source)
        .collect();
    Row {
        fact: c.meta.id.to_string(),
        front: c.question.clone(),
        back: c.answer.to_string(),
        explanation: explanation.join("\n"),
        tags: c.meta.tags.iter().map(ToString::to_string).collect(),
    }
}

fn row(fact: &Fact, q: &Question) -> Row {
    let mut front = q.prompt.clone();
    for (i, option) in q.options.iter().enumerate() {
        front.push_str(&format!("\n{}) {option}", option_letter(i)));
    }
    let mut back = q.expected();
    // A typed figure's answer is a bare number; a flashcard reads better with its unit.
    if let Fact::Figure(f) = fact
        && let Some(unit) = &f.unit
        && q.options.is_empty()
        && !back.ends_with('%')
    {
        back = format!("{back} {unit}");
    }
    Row {
        fact: fact.id().to_owned(),
        front,
        back,
        explanation: q.explanation.clone(),
        tags: fact.meta().tags.iter().map(ToString::to_string).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_export_as_themselves_and_every_fact_gets_a_row() {
        let deck = crate::deck::load_str(crate::deck::library::BUNDLED[0].toml)
            .unwrap()
            .deck;
        let (rows, skipped) = rows(&deck);
        assert!(skipped.is_empty(), "{skipped:?}");
        assert_eq!(rows.len(), deck.facts.len());
        for (row, fact) in rows.iter().zip(&deck.facts) {
            assert!(
                !row.front.is_empty() && !row.back.is_empty(),
                "{}",
                row.fact
            );
            if let Fact::Card(c) = fact {
                assert_eq!(
                    (row.front.as_str(), row.back.as_str()),
                    (c.question.as_str(), c.answer.as_str())
                );
            }
        }
        assert_eq!(
            rows,
            super::rows(&deck).0,
            "the same deck exports the same rows"
        );
    }
}
