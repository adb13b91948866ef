//! Imports whose answers can still be typed: every HTML entity decoded, a second line or an
//! italic aside made a note, a vocabulary definition's meanings accepted one by one, groups
//! from Anki tags and decks or from Quizlet sets, and `--reverse`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use factdeck::deck::{CardFact, Fact, load_str};
use factdeck::grade::text::{TextMatch, match_text};
use tempfile::TempDir;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/author")
        .join(name)
}

/// Imports the fixtures into one deck; returns its cards and the command's stderr.
fn import(names: &[&str], extra: &[&str]) -> (Vec<CardFact>, String, TempDir) {
    let home = TempDir::new().unwrap();
    let out = home.path().join("deck.toml");
    let output = crate::test::factdeck(&home)
        .arg("import")
        .args(names.iter().map(|n| fixture(n)))
        .arg("--out")
        .arg(&out)
        .args(extra)
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let text = std::fs::read_to_string(&out).unwrap();
    let loaded = load_str(&text).unwrap();
    // An import has no source to quote and says so: `check` has nothing to warn about
    // quotes.
    assert!(
        !loaded
            .warnings
            .iter()
            .any(|w| w.message.contains("no `quote`")),
        "{text}"
    );
    let cards = loaded
        .deck
        .facts
        .into_iter()
        .map(|f| match f {
            Fact::Card(c) => *c,
            other => panic!("{other:?}"),
        })
        .collect();
    (cards, stderr, home)
}

fn by_question<'c>(cards: &'c [CardFact], question: &str) -> &'c CardFact {
    cards
        .iter()
        .find(|c| c.question == question)
        .unwrap_or_else(|| panic!("no card {question:?} in {cards:#?}"))
}

fn typed(card: &CardFact, input: &str) -> TextMatch {
    let accept: Vec<String> = card.accept.iter().map(ToString::to_string).collect();
    match_text(input, &card.answer, &accept, &[])
}

#[test]
fn every_entity_is_decoded_so_the_answer_can_be_typed() {
    let (cards, _, _home) = import(&["anki-capitals.txt"], &[]);
    let brazil = by_question(&cards, "Capital of Brazil?");
    assert_eq!(brazil.answer, "Brasília");
    assert_eq!(typed(brazil, "Brasilia"), TextMatch::Exact);
    assert_eq!(
        by_question(&cards, "Capital of Iceland?").answer,
        "Reykjavík"
    );
    assert_eq!(by_question(&cards, "Capital of Vietnam?").answer, "Hà Nội");
}

#[test]
fn a_line_break_or_an_italic_aside_is_a_note_not_part_of_the_answer() {
    let (cards, _, _home) = import(&["anki-capitals.txt"], &[]);
    let australia = by_question(&cards, "Capital of Australia?");
    assert_eq!(australia.answer, "Canberra");
    assert_eq!(australia.meta.note.as_deref(), Some("not Sydney"));
    assert_eq!(typed(australia, "Canberra"), TextMatch::Exact);
    let germany = by_question(&cards, "Capital of Germany?");
    assert_eq!(
        (germany.answer.as_str(), germany.meta.note.as_deref()),
        ("Berlin", Some("since 1990"))
    );
    let loire = by_question(&cards, "Longest river of France?");
    assert_eq!(
        (loire.answer.as_str(), loire.meta.note.as_deref()),
        ("Loire", Some("(1,006 km)"))
    );
}

#[test]
fn anki_decks_and_tags_become_groups() {
    let (cards, stderr, _home) = import(&["anki-capitals.txt"], &[]);
    let group = |q: &str| by_question(&cards, q).group.clone();
    assert_eq!(
        group("Capital of Brazil?").as_deref(),
        Some("World::Capitals")
    );
    assert_eq!(
        group("River through Cairo?").as_deref(),
        Some("World::Rivers")
    );
    assert!(stderr.contains("in 2 groups"), "{stderr}");
}

#[test]
fn a_definition_s_meanings_are_each_accepted() {
    let (cards, _, _home) = import(&["quizlet-verbs.txt"], &[]);
    let hablar = by_question(&cards, "hablar");
    assert_eq!(hablar.answer, "to speak, to talk");
    for input in ["to speak", "to talk", "talk", "speak", "to speak, to talk"] {
        assert_eq!(typed(hablar, input), TextMatch::Exact, "{input}");
    }
    assert_eq!(typed(hablar, "to eat"), TextMatch::No);
    let comer = by_question(&cards, "comer");
    assert_eq!(typed(comer, "eat"), TextMatch::Exact);
}

#[test]
fn quizlet_sets_become_groups_and_reverse_cards_get_their_own() {
    let (cards, stderr, _home) =
        import(&["quizlet-verbs.txt", "quizlet-nouns.txt"], &["--reverse"]);
    assert_eq!(cards.len(), 18, "9 cards and their reverses");
    assert_eq!(
        by_question(&cards, "hablar").group.as_deref(),
        Some("Quizlet verbs")
    );
    assert_eq!(
        by_question(&cards, "el perro").group.as_deref(),
        Some("Quizlet nouns")
    );
    let reverse = by_question(&cards, "to speak, to talk");
    assert_eq!(reverse.answer, "hablar");
    assert_eq!(reverse.group.as_deref(), Some("Quizlet verbs, reversed"));
    let home = by_question(&cards, "house / home");
    assert_eq!(home.answer, "la casa");
    assert!(stderr.contains("and their 9 reverse cards"), "{stderr}");
}
