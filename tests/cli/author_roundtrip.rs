//! Property: any deck of cards survives export (Anki notes or CSV) and import with the same
//! questions, answers and tags, whatever characters its text holds.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use factdeck::author::export;
use factdeck::author::import::{self, DeckInfo, Format, ImportOptions, ImportedCard};
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

fn cards() -> impl Strategy<Value = Vec<ImportedCard>> {
    proptest::collection::vec(
        (text(), text(), proptest::collection::vec(tag(), 0..3)),
        1..6,
    )
    .prop_map(|rows| {
        rows.into_iter()
            .map(|(question, answer, mut tags)| {
                tags.dedup();
                ImportedCard {
                    question,
                    answer,
                    tags,
                    ..ImportedCard::default()
                }
            })
            .collect()
    })
}

fn summary(cards: &[ImportedCard]) -> Vec<(String, String, Vec<String>)> {
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

/// Files as people and programs write them, broken anyhow: separators, quotes, Anki header
/// lines, HTML, control characters.
fn file() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[a-zA-Z0-9 ]{1,6}",
        2 => "[\t,;\"\n]",
        1 => Just("\r\n".to_owned()),
        1 => Just("\"\"".to_owned()),
        1 => "#(separator|html|columns|deck|tags column|guid column):(tab|comma|true|false|1|3|Front\tBack|x)\n",
        1 => "<(br|div|/div|hr|img src=\"x\"|b)>",
        1 => "&(amp|lt|nbsp|#233|#x1F600|bogus);",
        1 => "[\u{0}-\u{1f}\u{7f}é“\u{feff}]",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Whatever the file, import never fails outright, every problem names a line of the
    /// file, and the cards it finds make a deck that loads.
    #[test]
    fn any_file_imports_into_a_deck_that_loads(text in file(), csv in any::<bool>()) {
        let format = if csv { Format::Csv } else { Format::Tsv };
        let options = ImportOptions { format: None, extension: Some(format) };
        let imported = import::import(&text, options);
        let lines = text.lines().count().max(1);
        for p in &imported.problems {
            prop_assert!((1..=lines).contains(&p.line), "{p:?} in {lines} lines");
        }
        if !imported.cards.is_empty() {
            let info = DeckInfo {
                id: "any".into(),
                title: "Any \u{7}".into(),
                source_name: "any.txt".into(),
            };
            let deck = import::write_deck(&imported.cards, &info);
            let loaded = load_str(&deck);
            prop_assert!(loaded.is_ok(), "{:?}\n{deck}", loaded.err());
        }
    }
}
