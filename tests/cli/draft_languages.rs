//! `factdeck draft` on Korean, Japanese, German and Russian documents (issue 17): dates
//! written as each language writes them are dates (not figures), a decimal comma keeps a
//! number whole, sentences without spaces or capitals are split, and the deck says which
//! language it is in, guessed or given with `--language`. Every draft checks, its quotes
//! verified against the document.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use crate::test::factdeck;
use factdeck::deck::{Fact, load_str};
use predicates::prelude::*;
use tempfile::TempDir;

fn document(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/draft-languages")
        .join(name)
}

/// Drafts `name` (with `args`) next to a copy of it, checks the draft, and returns its
/// dates (ISO), figures and quotes, and its language.
fn draft(name: &str, args: &[&str]) -> (Vec<String>, Vec<f64>, Vec<String>, String) {
    let home = TempDir::new().unwrap();
    let source = home.path().join(name);
    std::fs::copy(document(name), &source).unwrap();
    let out = home.path().join("draft.toml");
    factdeck(&home)
        .arg("draft")
        .arg(&source)
        .arg("--out")
        .arg(&out)
        .args(args)
        .assert()
        .success();
    factdeck(&home).arg("check").arg(&out).assert().success();
    let loaded = load_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let (mut dates, mut figures, mut quotes) = (Vec::new(), Vec::new(), Vec::new());
    for fact in &loaded.deck.facts {
        match fact {
            Fact::Date(d) => dates.push(d.date.to_string()),
            Fact::Figure(f) => figures.push(f.value.value()),
            _ => {}
        }
        quotes.extend(fact.meta().quote.as_deref().map(str::to_owned));
    }
    (dates, figures, quotes, loaded.deck.meta.language)
}

#[test]
fn a_korean_document() {
    let (dates, figures, quotes, language) = draft("ko.txt", &[]);
    assert_eq!(language, "ko");
    assert_eq!(dates, ["1443", "1446-10-09", "1926-11-04"]);
    assert_eq!(
        figures,
        [518.0, 80_000_000.0],
        "518 years, a duration; 8천만"
    );
    assert_eq!(
        quotes[0], "세종은 1443년에 훈민정음을 창제하였다.",
        "one sentence each"
    );
}

#[test]
fn a_japanese_document() {
    let (dates, figures, quotes, language) = draft("ja.txt", &[]);
    assert_eq!(language, "ja");
    assert_eq!(dates, ["1964-10-10", "1964-10-24"]);
    assert_eq!(figures, [93.0]);
    assert_eq!(quotes[1], "参加国は93か国だった。");
}

#[test]
fn a_german_document() {
    let (dates, figures, _, language) = draft("de.txt", &[]);
    assert_eq!(language, "de");
    assert_eq!(dates, ["1990-10-03"]);
    assert_eq!(figures, [16.0, 83_600_000.0, 11_238.0]);
}

#[test]
fn a_russian_document() {
    let (dates, figures, _, language) = draft("ru.txt", &[]);
    assert_eq!(language, "ru");
    assert_eq!(dates, ["1961-04-12"]);
    assert_eq!(figures, [108.0, 4.73]);
}

#[test]
fn the_language_given_wins_over_the_guess() {
    // Read as English, "83,6" is two numbers and "3. Oktober 1990" no date.
    let (dates, figures, _, language) = draft("de.txt", &["--language", "en"]);
    assert_eq!(language, "en");
    assert!(dates.is_empty(), "{dates:?}");
    assert!(figures.contains(&83.0), "{figures:?}");
    let (_, _, _, language) = draft("de.txt", &["--language", "de-AT"]);
    assert_eq!(language, "de-AT");
}

#[test]
fn a_malformed_language_tag_is_a_usage_error() {
    let home = TempDir::new().unwrap();
    factdeck(&home)
        .arg("draft")
        .arg(document("de.txt"))
        .args(["--language", "German!"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a language tag"));
}
