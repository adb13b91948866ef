//! The real binary on the deck file: `check --strict` and `decks`.

use std::path::PathBuf;

use crate::test::factdeck;
use predicates::prelude::*;

fn deck_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("decks/wpk-8th-congress.toml")
}

#[test]
fn check_strict_passes_with_no_warnings() {
    let home = tempfile::tempdir().unwrap();
    factdeck(&home)
        .arg("check")
        .arg(deck_path())
        .arg("--strict")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok wpk-8th-congress: "))
        .stderr("");
}

/// The passing test above is only worth something if the same command fails on a quote
/// the source does not hold.
#[test]
fn check_strict_fails_on_a_quote_missing_from_the_source() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let deck = super::DECK.replace(
        "quote = \"Country: North Korea\"",
        "quote = \"Country: South Korea\"",
    );
    assert_ne!(
        deck,
        super::DECK,
        "the replaced quote is no longer in the deck"
    );
    std::fs::write(dir.path().join("deck.toml"), deck).unwrap();
    std::fs::write(dir.path().join(super::SOURCE_NAME), super::SOURCE).unwrap();
    factdeck(&home)
        .arg("check")
        .arg(dir.path().join("deck.toml"))
        .arg("--strict")
        .assert()
        .failure()
        .stderr(predicate::str::contains("the quote of `country` is not in"));
}

#[test]
fn decks_lists_it_with_its_counts() {
    let home = tempfile::tempdir().unwrap();
    let counts = factdeck::deck::format_counts(&super::loaded().deck);
    factdeck(&home)
        .arg("decks")
        .assert()
        .success()
        .stdout(predicate::str::contains("wpk-8th-congress  (bundled)\n"))
        .stdout(predicate::str::contains(counts))
        .stdout(predicate::str::contains("from bundled"));
}
