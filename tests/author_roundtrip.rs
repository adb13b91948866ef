//! Property: any deck of cards survives export (Anki notes or CSV) and import with the same
//! questions, answers and tags, whatever characters its text holds.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use factdeck::author::export;
use factdeck::author::import::{self, Card, DeckInfo, Format, ImportOptions};
use factdeck::deck::load_str;
use proptest::prelude::*;

/// Card text: printable characters, the ones CSV, TSV, HTML and TOML treat specially, and
/// newlines and tabs inside; trimmed and not empty, as the loader keeps it.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            4 => "[a-zA-Z0-9 ]",
            1 => "[\"',;:|#&<>\\[\\]\\\\=%]",
            1 => Just("\n".to_owned()),
            1 => Just("\t".to_owned()),
            1 => "[éŭ“”\u{a0}→]",
            1 => Just("<br>".to_owned()),
            1 => Just("&amp;".to_owned()),
            1 => Just("[sound:x.mp3]".to_owned()),
            1 => Just("<hr>".to_owned()),
        ],
        1..12,
    )
    .prop_map(|parts| parts.concat().trim().to_owned())
    .prop_filter("not blank", |s| !s.is_empty())
}

fn tag() -> impl Strategy<Value = String> {
    "[a-z]{1,6}(::[a-z]{1,4})?"
}

fn cards() -> impl Strategy<Value = Vec<Card>> {
    proptest::collection::vec(
        (text(), text(), proptest::collection::vec(tag(), 0..3)),
        1..6,
    )
    .prop_map(|rows| {
        rows.into_iter()
            .map(|(question, answer, mut tags)| {
                tags.dedup();
                Card {
                    question,
                    answer,
                    note: None,
                    tags,
                    line: 0,
                }
            })
            .collect()
    })
}

fn summary(cards: &[Card]) -> Vec<(String, String, Vec<String>)> {
    cards
        .iter()
        .map(|c| (c.question.clone(), c.answer.clone(), c.tags.clone()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn cards_survive_export_and_import(cards in cards()) {
        let info = DeckInfo {
            id: "round-trip".into(),
            title: "Round trip".into(),
            source_name: "cards.txt".into(),
        };
        let deck = load_str(&import::write_deck(&cards, &info)).unwrap().deck;
        let (rows, skipped) = export::rows(&deck);
        prop_assert!(skipped.is_empty());

        let mut anki = Vec::new();
        export::write_anki(&mut anki, &deck.meta.title, &rows).unwrap();
        let back = import::import(&String::from_utf8(anki).unwrap(), ImportOptions::default());
        prop_assert!(back.problems.is_empty(), "{:?}", back.problems);
        prop_assert_eq!(summary(&back.cards), summary(&cards));

        let mut csv = Vec::new();
        export::write_csv(&mut csv, &rows).unwrap();
        let options = ImportOptions { format: None, extension: Some(Format::Csv) };
        let back = import::import(&String::from_utf8(csv).unwrap(), options);
        prop_assert!(back.problems.is_empty(), "{:?}", back.problems);
        prop_assert_eq!(summary(&back.cards), summary(&cards));
    }
}
