//! Every quote is in the source, and every answer is in its quote: a quote that does not
//! state its fact proves nothing.

use std::path::PathBuf;

use factdeck::deck::{ChangeSides, Fact, Library, Precision, quote};

use super::source::number_tokens;
use super::{SOURCE, SOURCE_NAME, loaded, whole, without_article};

#[test]
fn every_fact_has_a_quote_found_verbatim_in_the_source() {
    let l = loaded();
    assert!(l.warnings.is_empty(), "{:#?}", l.warnings);
    for fact in &l.deck.facts {
        assert!(fact.meta().quote.is_some(), "`{}` has no quote", fact.id());
    }
    let missing = quote::verify(&l, SOURCE, SOURCE_NAME);
    assert!(missing.is_empty(), "{missing:#?}");
}

/// The copy compiled into the binary is checked the same way, with the source it carries.
#[test]
fn the_bundled_copy_verifies_against_its_bundled_source() {
    let library = Library::new(PathBuf::from("/nonexistent/factdeck-decks"), false);
    let deck = library.open("wpk-8th-congress").unwrap();
    let source = deck.source_text().expect("a source file").unwrap();
    assert_eq!(source, SOURCE);
    let missing = quote::verify(&deck.loaded, &source, SOURCE_NAME);
    assert!(missing.is_empty(), "{missing:#?}");
}

/// The year of this date is only given by the sentence before its quote.
const YEAR_FROM_CONTEXT: &[&str] = &["kcna-confirms-pyongyang"];

#[test]
fn every_date_is_written_in_its_quote() {
    let l = loaded();
    for d in super::dates(&l) {
        let quote = d.meta.quote.as_deref().unwrap();
        let tokens = number_tokens(quote);
        for date in std::iter::once(&d.date).chain(&d.end) {
            let id = &d.meta.id;
            if date.precision() >= Precision::Month {
                let month = date.human();
                let month = month.split(' ').next().unwrap();
                assert!(quote.contains(month), "`{id}`: {month} not in {quote:?}");
            }
            if let Some(day) = date.day_number() {
                assert!(
                    tokens.contains(&day.to_string()),
                    "`{id}`: day {day} not in {quote:?}"
                );
            }
            let year = date.year_number().to_string();
            assert!(
                tokens.contains(&year) || YEAR_FROM_CONTEXT.contains(&id.as_str()),
                "`{id}`: {year} not in {quote:?}"
            );
        }
    }
}

const NUMBER_WORDS: [&str; 11] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

#[test]
fn every_figure_and_its_previous_value_are_written_in_its_quote() {
    let l = loaded();
    for f in super::figures(&l) {
        let quote = f.meta.quote.as_deref().unwrap();
        let tokens = number_tokens(quote);
        for n in std::iter::once(f.value).chain(f.previous.as_ref().map(|p| p.value)) {
            let as_word = usize::try_from(whole(n))
                .ok()
                .and_then(|i| NUMBER_WORDS.get(i))
                .is_some_and(|w| quote.contains(w));
            assert!(
                tokens.contains(&n.grouped()) || as_word,
                "`{}`: {} not in {quote:?}",
                f.meta.id,
                n.grouped()
            );
        }
    }
}

#[test]
fn every_side_of_a_change_is_in_its_quote() {
    let l = loaded();
    for c in super::changes(&l) {
        let quote = c.meta.quote.as_deref().unwrap();
        let sides: Vec<&str> = match &c.sides {
            ChangeSides::Both { before, after } => vec![before, after],
            ChangeSides::Removed { before, .. } => vec![before],
            ChangeSides::Established { after, .. } => vec![after],
        };
        for side in sides {
            assert!(
                quote.contains(without_article(side)),
                "`{}`: {side:?} not in {quote:?}",
                c.meta.id
            );
        }
    }
}

#[test]
fn every_card_answer_or_an_accepted_form_is_in_its_quote() {
    let l = loaded();
    for c in super::cards(&l) {
        let quote = c.meta.quote.as_deref().unwrap();
        let found = std::iter::once(&c.answer)
            .chain(&c.accept)
            .any(|a| quote.contains(without_article(a)));
        assert!(
            found,
            "`{}`: no form of {:?} in {quote:?}",
            c.meta.id, c.answer
        );
    }
}

#[test]
fn every_set_member_and_sequence_item_is_in_the_source() {
    let l = loaded();
    for fact in &l.deck.facts {
        let (id, items, quote) = match fact {
            Fact::Set(s) => (&s.meta.id, &s.members, s.meta.quote.as_deref().unwrap()),
            Fact::Sequence(s) => (&s.meta.id, &s.items, s.meta.quote.as_deref().unwrap()),
            _ => continue,
        };
        for item in items {
            assert!(
                SOURCE.contains(item.as_str()),
                "`{id}`: {item:?} not in the source"
            );
            // A set's quote is its list, so it must name every member.
            if matches!(fact, Fact::Set(_)) {
                assert!(
                    quote.contains(item.as_str()),
                    "`{id}`: {item:?} not in {quote:?}"
                );
            }
        }
    }
}
