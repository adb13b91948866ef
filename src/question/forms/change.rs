//! Change questions: "Before the change, X was A. What did it become?", the reverse,
//! true/false statements, and "Which of these was abolished?" for one-sided changes.

use rand::{Rng, RngExt};

use crate::deck::{ChangeFact, ChangeSides, Fact};

use super::super::answer::{Answer, TextAnswer};
use super::super::distract::draw;
use super::super::generator::Generator;
use super::super::index::ItemRef;
use super::super::options::text_choice;
use super::super::phrase::{capitalize, change_statement, quoted};
use super::super::{Form, Question};
use super::{MIN_TEXT_DISTRACTORS, question};

pub fn build<R: Rng + ?Sized>(
    g: &Generator,
    i: usize,
    c: &ChangeFact,
    form: Form,
    rng: &mut R,
) -> Option<Question> {
    match (&c.sides, form) {
        (ChangeSides::Both { before, after }, Form::ChangeAfter) => {
            let prompt = format!(
                "Before the change, {} was {}. What did it become?",
                c.subject,
                quoted(before)
            );
            Some(typed(g, i, c, form, prompt, after, before))
        }
        (ChangeSides::Both { before, after }, Form::ChangeBefore) => {
            let prompt = format!(
                "After the change, {} was {}. What was it before?",
                c.subject,
                quoted(after)
            );
            Some(typed(g, i, c, form, prompt, before, after))
        }
        (ChangeSides::Both { before, after }, Form::ChangeTrueFalse) => {
            true_false(g, i, c, before, after, rng)
        }
        (
            ChangeSides::Removed {
                before: value,
                verb,
            },
            Form::ChangeOneSided,
        )
        | (ChangeSides::Established { after: value, verb }, Form::ChangeOneSided) => {
            one_sided(g, i, c, value, verb, rng)
        }
        _ => None,
    }
}

fn typed(
    g: &Generator,
    i: usize,
    c: &ChangeFact,
    form: Form,
    prompt: String,
    answer: &str,
    other_side: &str,
) -> Question {
    // The other side, and any answer of the deck near this one, are no typos of it.
    let mut rejected = vec![other_side.to_owned()];
    rejected.extend(
        g.index
            .known
            .near(&[answer])
            .into_iter()
            .filter(|t| t != other_side),
    );
    let answer = Answer::Text(TextAnswer {
        text: answer.to_owned(),
        accepted: Vec::new(),
        rejected,
    });
    let explain = g.own_explanation(i);
    question(&c.meta, form, prompt, (Vec::new(), answer), explain)
}

/// The true pair, the pair swapped, or one side replaced by a value of another change.
fn true_false<R: Rng + ?Sized>(
    g: &Generator,
    i: usize,
    c: &ChangeFact,
    before: &str,
    after: &str,
    rng: &mut R,
) -> Option<Question> {
    if g.index.item_keys[i].first() == g.index.item_keys[i].get(1) {
        // Swapping would read the same as the truth.
        return None;
    }
    let truthful = rng.random_bool(0.5);
    let shown = if truthful {
        change_statement(c, before, after)
    } else if rng.random_bool(0.5) {
        change_statement(c, after, before)
    } else {
        let own = &g.index.item_keys[i];
        let mut taken: Vec<&str> = own.iter().map(String::as_str).collect();
        let pool = &g.index.change_values;
        let other_fact = |r: ItemRef| r.fact as usize != i;
        match draw(pool, 1, &mut taken, |r| g.index.key_of(r), other_fact, rng).first() {
            Some(r) => {
                let text = g.item_text(*r)?;
                if rng.random_bool(0.5) {
                    change_statement(c, &text, after)
                } else {
                    change_statement(c, before, &text)
                }
            }
            None => change_statement(c, after, before),
        }
    };
    let prompt = format!("True or false: {shown}");
    let explain = g.own_explanation(i);
    let answer = Answer::Bool(truthful);
    Some(question(
        &c.meta,
        Form::ChangeTrueFalse,
        prompt,
        (Vec::new(), answer),
        explain,
    ))
}

/// "Which of these was abolished?": distractors come from the other side of other changes.
/// For something removed, only values that came into being or stayed (the `after` of a
/// change, something established); for something new, only values that went away. So no
/// distractor was itself abolished (or established), and none is right by accident.
fn one_sided<R: Rng + ?Sized>(
    g: &Generator,
    i: usize,
    c: &ChangeFact,
    value: &str,
    verb: &str,
    rng: &mut R,
) -> Option<Question> {
    let removed = matches!(c.sides, ChangeSides::Removed { .. });
    let usable = |r: ItemRef| {
        let side = match g.deck.facts.get(r.fact as usize) {
            Some(Fact::Change(other)) if r.fact as usize != i => &other.sides,
            _ => return false,
        };
        let is_after = match side {
            ChangeSides::Both { .. } => r.item == 1,
            ChangeSides::Established { .. } => true,
            ChangeSides::Removed { .. } => false,
        };
        is_after == removed
    };
    let mut taken: Vec<&str> = g.index.item_keys[i].iter().map(String::as_str).collect();
    let wrong = g.settings.options() - 1;
    let pool = &g.index.change_values;
    let picked = draw(pool, wrong, &mut taken, |r| g.index.key_of(r), usable, rng);
    if picked.len() < MIN_TEXT_DISTRACTORS {
        return None;
    }
    let distractors: Vec<String> = picked.iter().filter_map(|r| g.item_text(*r)).collect();
    let prompt = format!("{}: which of these was {verb}?", capitalize(&c.subject));
    let options = text_choice(value.to_owned(), distractors, Vec::new(), rng);
    let explain = g.own_explanation(i);
    Some(question(
        &c.meta,
        Form::ChangeOneSided,
        prompt,
        options,
        explain,
    ))
}

#[cfg(test)]
mod tests {
    use crate::question::testing::{asked, generator};
    use crate::question::{Answer, Form};

    #[test]
    fn a_prompt_that_would_give_the_answer_away_is_not_asked() {
        let g = generator(
            "[[change]]\nid = \"pluto\"\nsubject = \"Pluto's status\"\nbefore = \"planet\"\nafter = \"dwarf planet\"\n",
        );
        assert!(asked(&g, 0, Form::ChangeBefore).is_empty());
        assert!(!asked(&g, 0, Form::ChangeAfter).is_empty());
    }

    #[test]
    fn true_false_is_skipped_when_swapping_would_read_the_same() {
        // `check` rejects such a deck now; the engine must still not ask a statement that
        // reads the same both ways if a deck built in code has one.
        use crate::deck::{ChangeFact, ChangeSides, Deck, DeckMeta, Fact, FactMeta};
        let deck = Deck {
            meta: DeckMeta {
                id: "t".into(),
                title: "T".into(),
                description: String::new(),
                language: "en".into(),
                source: None,
                quotes: true,
            },
            facts: vec![Fact::Change(ChangeFact {
                meta: FactMeta {
                    id: "c".into(),
                    ..FactMeta::default()
                },
                subject: "the title".into(),
                sides: ChangeSides::Both {
                    before: "Chairman".into(),
                    after: "chairman".into(),
                },
            })],
        };
        let g = crate::question::Generator::new(deck, crate::question::Settings::default());
        assert!(asked(&g, 0, Form::ChangeTrueFalse).is_empty());
    }

    #[test]
    fn true_false_says_both_true_and_false_statements() {
        let g = generator(
            "[[change]]\nid = \"c\"\nsubject = \"the title\"\nbefore = \"Chairman\"\nafter = \"General Secretary\"\n",
        );
        let answers: Vec<bool> = asked(&g, 0, Form::ChangeTrueFalse)
            .iter()
            .map(|q| matches!(q.answer, Answer::Bool(true)))
            .collect();
        assert!(answers.contains(&true) && answers.contains(&false));
    }
}
