//! `factdeck export`: Anki notes and CSV with one front and back per fact, JSON of the whole
//! deck; `import` of an export gives back the same cards.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use crate::test::factdeck;
use factdeck::author::import::{self, ImportOptions};
use factdeck::deck::{Deck, Fact, load_str, schema};
use tempfile::TempDir;

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn export(home: &TempDir, deck: &str, format: &str) -> String {
    let assert = factdeck(home)
        .args(["export", deck, "--format", format])
        .assert()
        .success();
    String::from_utf8(assert.get_output().stdout.clone()).unwrap()
}

fn load_file(path: &Path) -> Deck {
    load_str(&std::fs::read_to_string(path).unwrap())
        .unwrap()
        .deck
}

fn card_pairs(deck: &Deck) -> Vec<(String, String)> {
    deck.facts
        .iter()
        .filter_map(|f| match f {
            Fact::Card(c) => Some((c.question.clone(), c.answer.to_string())),
            _ => None,
        })
        .collect()
}

#[test]
fn anki_export_has_its_header_lines_and_a_note_per_fact() {
    let home = TempDir::new().unwrap();
    let text = export(&home, "wpk-8th-congress", "anki-tsv");
    let header: Vec<&str> = text.lines().take(6).collect();
    assert_eq!(
        header,
        [
            "#separator:tab",
            "#html:true",
            "#notetype:Basic",
            "#deck:8th Congress of the Workers' Party of Korea",
            "#columns:Front\tBack\tTags",
            "#tags column:3",
        ]
    );
    let bundled = load_str(factdeck::deck::library::BUNDLED[0].toml)
        .unwrap()
        .deck;
    let read = import::import(&text, ImportOptions::default());
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    assert_eq!(read.cards.len(), bundled.facts.len());
    assert!(read.html);
    // A date asked as typed: the prompt on the front, the day in words on the back, the
    // explanation (its source quote) after the rule, the tags in their column.
    let opening = &read.cards[11];
    assert_eq!(
        opening.question,
        "When was the opening of the 8th Congress of the WPK? Give the day, month and year."
    );
    assert_eq!(opening.answer, "January 5, 2021");
    assert!(opening.note.as_deref().unwrap().contains("Source: "));
    assert_eq!(opening.tags, ["congress"]);
    // The same deck exports the same file.
    assert_eq!(text, export(&home, "wpk-8th-congress", "anki-tsv"));
}

#[test]
fn csv_export_has_a_header_row_and_plain_text() {
    let home = TempDir::new().unwrap();
    let path = repo("tests/fixtures/author/cards.toml");
    let text = export(&home, path.to_str().unwrap(), "csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["front", "back", "explanation", "tags"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 7);
    assert_eq!(&rows[2][1], "solid\nliquid\ngas");
    assert_eq!(&rows[0][3], "rome latin_phrases");
    assert!(rows[0][2].starts_with("In 47 BC"));
}

#[test]
fn import_of_an_export_gives_the_same_cards_and_checks_clean() {
    let home = TempDir::new().unwrap();
    let source = repo("tests/fixtures/author/cards.toml");
    let original = load_file(&source);
    for (format, file) in [("anki-tsv", "cards.txt"), ("csv", "cards.csv")] {
        let exported = home.path().join(file);
        std::fs::write(&exported, export(&home, source.to_str().unwrap(), format)).unwrap();
        let deck = home.path().join(format!("{format}.toml"));
        factdeck(&home)
            .arg("import")
            .arg(&exported)
            .arg("--out")
            .arg(&deck)
            .assert()
            .success();
        let imported = load_file(&deck);
        assert_eq!(card_pairs(&imported), card_pairs(&original), "{format}");
        let first = match &imported.facts[0] {
            Fact::Card(c) => c,
            _ => unreachable!(),
        };
        assert_eq!(*first.meta.tags, ["rome", "latin_phrases"], "{format}");
        assert!(
            first.meta.note.as_deref().unwrap().starts_with("In 47 BC"),
            "{format}: the explanation comes back as the note"
        );
        let output = factdeck(&home).arg("check").arg(&deck).output().unwrap();
        assert!(output.status.success(), "{format}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr
                .lines()
                .filter(|l| l.starts_with("warning"))
                .all(|l| l.contains("has no `quote`") || l.contains("asked typed only")),
            "{format}: {stderr}"
        );
    }
}

/// serde_json to TOML text, dates arriving as strings (which decks accept).
fn json_to_toml(json: &serde_json::Value) -> String {
    let value: toml::Value = serde_json::from_value(json.clone()).unwrap();
    toml::to_string(&value).unwrap()
}

fn by_id(deck: &Deck) -> Vec<&Fact> {
    let mut facts: Vec<&Fact> = deck.facts.iter().collect();
    facts.sort_by(|a, b| a.id().cmp(b.id()));
    facts
}

#[test]
fn json_export_is_the_whole_deck_in_its_files_shape() {
    let home = TempDir::new().unwrap();
    let schema: serde_json::Value = serde_json::from_str(schema::SCHEMA).unwrap();
    let validator = jsonschema::draft7::new(&schema).unwrap();
    let apollo = repo("tests/fixtures/apollo.toml");
    for deck in ["wpk-8th-congress", apollo.to_str().unwrap()] {
        let text = export(&home, deck, "json");
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{deck}: {errors:?}");
        let original = if deck.ends_with(".toml") {
            load_file(Path::new(deck))
        } else {
            load_str(factdeck::deck::library::BUNDLED[0].toml)
                .unwrap()
                .deck
        };
        let back = load_str(&json_to_toml(&json)).unwrap().deck;
        assert_eq!(back.meta, original.meta, "{deck}");
        assert_eq!(
            by_id(&back),
            by_id(&original),
            "{deck}: every field survives"
        );
    }
}
