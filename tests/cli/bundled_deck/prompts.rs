//! The phrases questions are built from must not hold their own answers.

use factdeck::deck::{ChangeSides, Fact};

use super::source::number_tokens;
use super::{loaded, without_article};

fn gives_away(prompt: &str, answer: &str) -> bool {
    prompt
        .to_lowercase()
        .contains(&without_article(answer).to_lowercase())
}

#[test]
fn no_prompt_phrase_contains_its_answer() {
    let l = loaded();
    for fact in &l.deck.facts {
        let id = fact.id();
        match fact {
            Fact::Date(d) => {
                let dates = std::iter::once(&d.date).chain(&d.end).chain(&d.also);
                for date in dates {
                    let year = date.year_number().to_string();
                    assert!(!number_tokens(&d.event).contains(&year), "`{id}`: {year}");
                    assert!(!gives_away(&d.event, &date.human()), "`{id}`");
                }
            }
            Fact::Figure(f) => {
                let phrase = format!("{} {}", f.what, f.at.as_deref().unwrap_or(""));
                let tokens = number_tokens(&phrase);
                let plain = f.value.to_string();
                assert!(
                    !tokens.contains(&plain) && !tokens.contains(&f.value.grouped()),
                    "`{id}`: {phrase:?} holds {plain}"
                );
            }
            Fact::Change(c) => {
                let answer = match &c.sides {
                    ChangeSides::Both { after, .. } | ChangeSides::Established { after, .. } => {
                        after
                    }
                    ChangeSides::Removed { before, .. } => before,
                };
                assert!(!gives_away(&c.subject, answer), "`{id}`: {:?}", c.subject);
                // "Before the change, X was “equal to Y”. What did it become?" must not
                // be answered by "no longer equal to Y", nor the reverse.
                if let ChangeSides::Both { before, after } = &c.sides {
                    assert!(
                        !gives_away(after, before),
                        "`{id}`: {after:?} holds {before:?}"
                    );
                    assert!(
                        !gives_away(before, after),
                        "`{id}`: {before:?} holds {after:?}"
                    );
                }
            }
            Fact::Card(c) => {
                for answer in std::iter::once(&c.answer).chain(&c.accept) {
                    assert!(!gives_away(&c.question, answer), "`{id}`: {answer:?}");
                }
            }
            Fact::Set(s) => {
                for member in &s.members {
                    assert!(!gives_away(&s.name, member), "`{id}`: {member:?}");
                }
            }
            Fact::Sequence(s) => {
                for item in &s.items {
                    assert!(!gives_away(&s.name, item), "`{id}`: {item:?}");
                }
            }
        }
    }
}

#[test]
fn the_check_above_would_catch_a_giveaway() {
    assert!(gives_away(
        "Where is the April 25 House of Culture?",
        "the April 25 House of Culture"
    ));
    assert!(!gives_away(
        "Where in Pyongyang was it held?",
        "April 25 House of Culture"
    ));
}
