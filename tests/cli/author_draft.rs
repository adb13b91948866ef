//! `factdeck draft`: a draft of the bundled deck's source that checks, quotes verified, and
//! proposes the dates and figures the hand-written deck holds.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use crate::test::factdeck;
use factdeck::deck::{Deck, Fact, load_str};
use predicates::prelude::*;
use tempfile::TempDir;

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Drafts the bundled deck's source into a temp dir and returns the draft's text.
fn draft_of_bundled_source(home: &TempDir) -> (PathBuf, String) {
    let out = home.path().join("drafts").join("wpk.toml");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    factdeck(home)
        .arg("draft")
        .arg(repo("decks/wpk-8th-congress.source.txt"))
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("drafted"));
    let text = std::fs::read_to_string(&out).unwrap();
    (out, text)
}

#[test]
fn the_draft_of_the_bundled_source_checks_with_every_quote_verified() {
    let home = TempDir::new().unwrap();
    let (out, text) = draft_of_bundled_source(&home);
    assert!(text.starts_with("#:schema ./deck.schema.json\n"));
    assert!(out.with_file_name("deck.schema.json").is_file());
    // `source.file` points back at the document from the deck's own directory, so `check`
    // verifies every quote; warnings are allowed, errors are not.
    assert!(text.contains("file = \"../"));
    factdeck(&home)
        .arg("check")
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok wpk-8th-congress-source:"))
        .stderr(predicate::str::contains("error").not());
    let deck = load_str(&text).unwrap().deck;
    assert!(deck.facts.iter().all(|f| f.meta().quote.is_some()));
    // Every phrase left for a person is marked, and nothing else is.
    for fact in &deck.facts {
        let phrase = match fact {
            Fact::Date(d) => d.event.as_str(),
            Fact::Figure(f) => f.what.as_str(),
            Fact::Change(c) => c.subject.as_str(),
            other => panic!("a draft has only dates, figures and changes: {other:?}"),
        };
        assert!(phrase.starts_with("TODO: "), "{phrase}");
    }

    // A changed quote no longer verifies: the check is real.
    let broken = text.replacen("Hints of an upcoming", "Hints of a coming", 1);
    std::fs::write(&out, broken).unwrap();
    factdeck(&home)
        .arg("check")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not found verbatim in the source"));
}

/// What share of the bundled deck's dates and figures the draft proposes with the same
/// value. A date counts when a draft date has the same date (and the same end, for a
/// span); a single day also counts when it ends a drafted span ("from January 5 to 12": the
/// closing day). A figure counts when a draft figure has its value.
fn recall(bundled: &Deck, draft: &Deck) -> (usize, usize, Vec<String>) {
    let mut found = 0;
    let mut total = 0;
    let mut missed = Vec::new();
    for fact in &bundled.facts {
        let hit = match fact {
            Fact::Date(d) => draft.facts.iter().any(|f| match f {
                Fact::Date(p) => {
                    (p.date == d.date && (d.end.is_none() || p.end == d.end))
                        || (d.end.is_none() && p.end == Some(d.date))
                }
                _ => false,
            }),
            Fact::Figure(fig) => draft.facts.iter().any(|f| match f {
                Fact::Figure(p) => p.value.value() == fig.value.value(),
                _ => false,
            }),
            _ => continue,
        };
        total += 1;
        if hit {
            found += 1;
        } else {
            missed.push(fact.id().to_owned());
        }
    }
    (found, total, missed)
}

#[test]
fn the_draft_proposes_at_least_80_percent_of_the_bundled_dates_and_figures() {
    let home = TempDir::new().unwrap();
    let (_, text) = draft_of_bundled_source(&home);
    let draft = load_str(&text).unwrap().deck;
    let bundled = load_str(&std::fs::read_to_string(repo("decks/wpk-8th-congress.toml")).unwrap())
        .unwrap()
        .deck;
    let (found, total, missed) = recall(&bundled, &draft);
    let share = found as f64 / total as f64;
    println!(
        "draft recall: {found} of {total} dates and figures of the bundled deck ({:.1}%); missed: {missed:?}",
        share * 100.0
    );
    assert!(total >= 30, "the bundled deck has its dates and figures");
    assert!(share >= 0.8, "recall {share:.3}, missed {missed:?}");
}

#[test]
fn a_small_document_drafts_every_kind_with_values_parsed() {
    let home = TempDir::new().unwrap();
    let source = home.path().join("notes.txt");
    std::fs::write(
        &source,
        "= Town history =\nThe bridge opened on 5 March 1931 after a 14-month build.\n\
         The market ran from May 2 until June 30, 1932, and drew 12,500 visitors.\n\
         In 1950 the council changed the town's name from Oldham to Newham.\n\
         The tram line was abolished.\n",
    )
    .unwrap();
    let assert = factdeck(&home)
        .current_dir(home.path())
        .args([
            "draft",
            "notes.txt",
            "--id",
            "town",
            "--title",
            "Town \"history\"",
        ])
        .assert()
        .success();
    let text = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let loaded = load_str(&text).unwrap();
    assert_eq!(loaded.deck.meta.id, "town");
    assert_eq!(loaded.deck.meta.title, "Town \"history\"");
    let shown: Vec<String> = loaded
        .deck
        .facts
        .iter()
        .map(|f| match f {
            Fact::Date(d) => match d.end {
                Some(end) => format!("date {}..{end}", d.date),
                None => format!("date {}", d.date),
            },
            Fact::Figure(f) => format!("figure {} {}", f.value, f.unit.as_deref().unwrap_or("")),
            Fact::Change(c) => format!("change {:?}", c.sides),
            _ => String::new(),
        })
        .collect();
    assert_eq!(
        shown,
        [
            "date 1931-03-05",
            "figure 14 months",
            "date 1932-05-02..1932-06-30",
            "figure 12500 visitors",
            "date 1950",
            "change Both { before: \"Oldham\", after: \"Newham\" }",
            "change Removed { before: \"The tram line\", verb: \"abolished\" }",
        ]
    );
    // Printed to stdout, the source path is relative to the current directory.
    assert!(text.contains("file = \"notes.txt\""));
    std::fs::write(home.path().join("town.toml"), &text).unwrap();
    factdeck(&home)
        .current_dir(home.path())
        .args(["check", "town.toml"])
        .assert()
        .success();
}

#[test]
fn draft_never_overwrites_and_refuses_a_bad_id() {
    let home = TempDir::new().unwrap();
    let out = home.path().join("mine.toml");
    std::fs::write(&out, "mine").unwrap();
    factdeck(&home)
        .arg("draft")
        .arg(repo("decks/wpk-8th-congress.source.txt"))
        .arg("--out")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine");
    factdeck(&home)
        .arg("draft")
        .arg(repo("decks/wpk-8th-congress.source.txt"))
        .args(["--id", "Not An Id"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not-an-id"));
    factdeck(&home)
        .args(["draft", "no-such-file.txt"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot read no-such-file.txt"));
}
