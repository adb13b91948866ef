//! `factdeck import`: Anki's and Quizlet's plain-text exports and CSV files become decks of
//! cards that pass `check`; rows that cannot be used are reported with their line numbers.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use crate::test::factdeck;
use factdeck::deck::{CardFact, Fact, load_str};
use predicates::prelude::*;
use tempfile::TempDir;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/author")
        .join(name)
}

/// Imports a fixture into a temp file; returns the command's outcome and the deck's cards.
struct Run {
    code: i32,
    stderr: String,
    deck: Option<PathBuf>,
}

fn import(home: &TempDir, name: &str, extra: &[&str]) -> Run {
    let out = home.path().join(format!("{name}.toml"));
    let output = factdeck(home)
        .arg("import")
        .arg(fixture(name))
        .arg("--out")
        .arg(&out)
        .args(extra)
        .output()
        .unwrap();
    Run {
        code: output.status.code().unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
        deck: out.is_file().then_some(out),
    }
}

fn cards(path: &Path) -> Vec<CardFact> {
    load_str(&std::fs::read_to_string(path).unwrap())
        .unwrap()
        .deck
        .facts
        .into_iter()
        .map(|f| match f {
            Fact::Card(c) => *c,
            other => panic!("an import holds only cards: {other:?}"),
        })
        .collect()
}

fn pairs(cards: &[CardFact]) -> Vec<(&str, &str)> {
    cards
        .iter()
        .map(|c| (c.question.as_str(), c.answer.as_str()))
        .collect()
}

/// `check` passes: no errors, and the only warnings are the advice every small deck of
/// flashcards gets (no source quotes; too few cards for multiple choice).
fn checks_clean(home: &TempDir, deck: &Path) {
    let output = factdeck(home).arg("check").arg(deck).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(output.status.success(), "{stderr}");
    for line in stderr.lines().filter(|l| l.starts_with("warning")) {
        let advice = line.contains("has no `quote`")
            || line.contains("too few for multiple choice")
            || line.contains("options instead of")
            || line.contains("asked typed only");
        assert!(advice, "unexpected warning: {line}");
    }
}

#[test]
fn an_anki_notes_export_with_html_guid_deck_and_tag_columns() {
    let home = TempDir::new().unwrap();
    let run = import(&home, "anki-notes.txt", &[]);
    // The image-only answer on line 11 is reported, by line, and costs only its own row.
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "anki-notes.txt:11: skipped: the answer is empty (it held only HTML or media)"
        ),
        "{}",
        run.stderr
    );
    let deck = run.deck.unwrap();
    let notes = cards(&deck);
    assert_eq!(
        pairs(&notes),
        [
            ("What is the capital of France?", "Paris"),
            ("Capital of Japan?", "Tokyo"),
            ("River through Paris & Rouen?", "The Seine river"),
            ("What did he say, \"bonjour\" or \"salut\"?", "bonjour"),
            ("Highest mountain of the Alps?", "Mont Blanc"),
        ]
    );
    // A second line is no part of an answer anyone could type: it is the card's note.
    assert_eq!(notes[1].meta.note.as_deref(), Some("(since 1868)"));
    assert_eq!(notes[4].meta.note.as_deref(), Some("(4,806 m)"));
    assert_eq!(*notes[0].meta.tags, ["europe", "capitals"]);
    assert_eq!(notes[0].meta.id, "what-is-the-capital-of-france");
    assert!(notes[3].meta.tags.is_empty());
    // "What did he say, "bonjour" or "salut"?" names its own answer: an import keeps it, and
    // `check` says no question can be made from it rather than the quiz skipping it.
    let output = factdeck(&home).arg("check").arg(&deck).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error")).collect();
    assert_eq!(
        errors,
        [
            "error: no question can be made from `what-did-he-say-bonjour-or`: its question contains its answer"
        ],
        "{stderr}"
    );
    let text = std::fs::read_to_string(&deck).unwrap();
    assert!(text.starts_with("#:schema ./deck.schema.json\n"));
    assert!(
        text.contains("title = \"Anki notes\""),
        "from the file name"
    );
}

#[test]
fn an_anki_cards_export_and_a_quizlet_export() {
    let home = TempDir::new().unwrap();
    let anki = import(&home, "anki-cards.txt", &["--title", "Arithmetic"]);
    assert_eq!(anki.code, 0, "{}", anki.stderr);
    let deck = anki.deck.unwrap();
    assert_eq!(
        pairs(&cards(&deck)),
        [
            ("2 + 2?", "4"),
            ("Square root of 81?", "9"),
            ("Largest prime below 20?", "19")
        ]
    );
    checks_clean(&home, &deck);

    let quizlet = import(&home, "quizlet.txt", &["--id", "biology"]);
    assert_eq!(quizlet.code, 0, "{}", quizlet.stderr);
    let deck = quizlet.deck.unwrap();
    let biology = cards(&deck);
    assert_eq!(biology.len(), 5);
    assert_eq!(
        pairs(&biology)[2],
        (
            "osmosis",
            "water moving through a membrane, from low to high solute concentration"
        )
    );
    assert_eq!(
        pairs(&biology)[3],
        ("5\" floppy disk", "a storage medium of the 1980s")
    );
    checks_clean(&home, &deck);
    assert!(
        std::fs::read_to_string(&deck)
            .unwrap()
            .contains("id = \"biology\"")
    );

    // Quizlet's comma option, named on the command line since `.txt` means tabs.
    let comma = import(&home, "quizlet-comma.txt", &["--format", "csv"]);
    assert_eq!(comma.code, 0, "{}", comma.stderr);
    assert_eq!(pairs(&cards(&comma.deck.unwrap()))[1], ("Rome", "Italy"));
}

#[test]
fn a_csv_with_a_header_row_quotes_and_embedded_newlines() {
    let home = TempDir::new().unwrap();
    let run = import(&home, "questions.csv", &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("line 1: read as column names (question, answer)")
    );
    let deck = run.deck.unwrap();
    assert_eq!(
        pairs(&cards(&deck)),
        [
            ("Author of \"War and Peace\"?", "Leo Tolstoy"),
            ("Three primary colours, in paint?", "red, yellow, blue"),
            (
                "Steps of the scientific method?",
                "observe\nhypothesise\ntest"
            ),
            ("Boiling point of water at sea level?", "100 °C"),
        ]
    );
    checks_clean(&home, &deck);
}

#[test]
fn broken_rows_are_reported_by_line_and_the_rest_imported() {
    let home = TempDir::new().unwrap();
    let run = import(&home, "broken.csv", &[]);
    assert_eq!(run.code, 1);
    let problems: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("skipped:"))
        .collect();
    let expected = [
        (
            3,
            "1 column(s), but a row needs a question and an answer separated by a comma",
        ),
        (4, "the answer is empty"),
        (7, "the question is empty"),
        (
            8,
            "a quoted field opens on this row and never closes (lines 8–10 were not imported)",
        ),
    ];
    assert_eq!(problems.len(), expected.len(), "{}", run.stderr);
    for (line, (n, message)) in problems.iter().zip(expected) {
        let prefix = format!(
            "{}:{n}: skipped: {message}",
            fixture("broken.csv").display()
        );
        assert!(line.contains(&prefix), "{line}\nwanted: {prefix}");
    }
    assert!(run.stderr.contains("4 row(s) skipped"));
    let deck = run.deck.unwrap();
    assert_eq!(
        pairs(&cards(&deck)),
        [
            ("Capital of Italy?", "Rome"),
            ("Capital of Portugal?", "Lisbon")
        ]
    );
    checks_clean(&home, &deck);
}

#[test]
fn nothing_importable_is_an_error_and_no_deck() {
    let home = TempDir::new().unwrap();
    let empty = home.path().join("empty.csv");
    std::fs::write(&empty, "only one column\nanother\n").unwrap();
    let out = home.path().join("empty.toml");
    factdeck(&home)
        .arg("import")
        .arg(&empty)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("empty.csv:1: skipped"))
        .stderr(predicate::str::contains("no card could be read"));
    assert!(!out.exists());
}

#[test]
fn import_prints_to_stdout_and_never_overwrites() {
    let home = TempDir::new().unwrap();
    let assert = factdeck(&home)
        .arg("import")
        .arg(fixture("anki-cards.txt"))
        .assert()
        .success();
    let text = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert_eq!(load_str(&text).unwrap().deck.facts.len(), 3);
    let out = home.path().join("taken.toml");
    std::fs::write(&out, "mine").unwrap();
    factdeck(&home)
        .arg("import")
        .arg(fixture("anki-cards.txt"))
        .arg("--out")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine");
}
