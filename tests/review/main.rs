//! `factdeck review` and the spaced-repetition side of `quiz` and `history`, through the
//! real binary, with the clock fixed by `FACTDECK_NOW` and the time zone UTC, so every due
//! time is exact.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cards;
#[path = "../common/mod.rs"]
mod common;
mod history;
mod interrupt;
mod quiz;
mod schedule;
#[cfg(unix)]
mod terminal;
mod undo;

use factdeck::store::ScoreHistory;
use factdeck::store::StudyLog;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use factdeck::srs::Memory;
use factdeck::store::{Filter, Store};
use jiff::Timestamp;
use tempfile::TempDir;

pub const DAY0: &str = "2026-11-28T09:00:00Z";

pub fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

/// A temp home with a copy of the Apollo fixture deck (20 facts), which tests may edit.
pub fn home() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let deck = dir.path().join("apollo.toml");
    std::fs::copy("tests/fixtures/apollo.toml", &deck).unwrap();
    (dir, deck)
}

pub fn factdeck(home: &Path, now: &str) -> Command {
    let mut cmd = Command::cargo_bin("factdeck").unwrap();
    cmd.env("FACTDECK_HOME", home)
        .env("FACTDECK_NOW", now)
        .env("TZ", "UTC")
        .env("NO_COLOR", "1");
    cmd
}

/// Runs `review --plain` on the deck with these lines as input; returns stdout.
pub fn review(home: &Path, deck: &Path, now: &str, args: &[&str], input: &str) -> String {
    let out = factdeck(home, now)
        .args(["review", "--plain", "--seed", "1"])
        .arg(deck)
        .args(args)
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

/// Enter, then the rating, for each card.
pub fn ratings(keys: &[&str]) -> String {
    keys.iter().map(|k| format!("\n{k}\n")).collect()
}

pub fn store(home: &Path) -> Store {
    Store::open_existing_read_only(home.join("factdeck.sqlite3"))
        .unwrap()
        .unwrap()
}

pub fn memory(home: &Path, fact: &str) -> Option<Memory> {
    store(home).memory("apollo", fact).unwrap()
}

/// The facts of the latest session, in the order they were shown.
pub fn last_session_facts(home: &Path) -> Vec<String> {
    let store = store(home);
    let session = &store.sessions(&Filter::default(), Some(1)).unwrap()[0];
    store
        .answers(session.id)
        .unwrap()
        .into_iter()
        .map(|a| a.fact_id)
        .collect()
}
