//! `check` against the floor it cannot beat: toml's own parse of the same file into plain
//! structs (no spans, no validation). Target: the loader within 1.2× of the bare parse.
//! Method and figures: docs/performance.md.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use divan::Bencher;
use divan::black_box;
use serde::Deserialize;

#[path = "support/synthetic_deck.rs"]
mod synthetic_deck;

const SIZES: [usize; 2] = [10_000, 100_000];

fn main() {
    divan::main();
}

/// The full loader: parse, deserialize with spans, validate, build the domain `Deck`.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn check(bencher: Bencher, facts: usize) {
    let text = synthetic_deck::synthetic_deck(facts);
    let loaded = factdeck::deck::load_str(&text).expect("the synthetic deck is valid");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    bencher.bench(|| factdeck::deck::load_str(black_box(&text)));
}

/// `toml::from_str` of the same text into plain structs.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn bare_toml_parse(bencher: Bencher, facts: usize) {
    let text = synthetic_deck::synthetic_deck(facts);
    let plain: Plain = toml::from_str(&text).unwrap();
    assert_eq!(
        plain.date.len()
            + plain.figure.len()
            + plain.change.len()
            + plain.card.len()
            + plain.set.len()
            + plain.sequence.len(),
        facts
    );
    bencher.bench(|| toml::from_str::<Plain>(black_box(&text)));
}

// The deck format as plain serde structs, the way a loader without diagnostics would read it.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Plain {
    #[allow(dead_code)]
    deck: Header,
    #[serde(default)]
    date: Vec<Date>,
    #[serde(default)]
    figure: Vec<Figure>,
    #[serde(default)]
    change: Vec<Change>,
    #[serde(default)]
    card: Vec<Card>,
    #[serde(default)]
    set: Vec<Set>,
    #[serde(default)]
    sequence: Vec<Sequence>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    id: String,
    title: String,
    description: Option<String>,
    language: Option<String>,
    source: Option<Source>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Source {
    title: String,
    url: Option<String>,
    license: Option<String>,
    file: Option<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Date {
    id: String,
    tags: Option<Vec<String>>,
    quote: Option<String>,
    note: Option<String>,
    event: String,
    question: Option<String>,
    date: toml::Value,
    end: Option<toml::Value>,
    also: Option<Vec<toml::Value>>,
    also_note: Option<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Figure {
    id: String,
    tags: Option<Vec<String>>,
    quote: Option<String>,
    note: Option<String>,
    what: String,
    at: Option<String>,
    question: Option<String>,
    value: toml::Value,
    unit: Option<String>,
    tolerance: Option<toml::Value>,
    group: Option<String>,
    previous: Option<Previous>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Previous {
    value: toml::Value,
    at: String,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Change {
    id: String,
    tags: Option<Vec<String>>,
    quote: Option<String>,
    note: Option<String>,
    subject: String,
    before: Option<String>,
    after: Option<String>,
    verb: Option<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Card {
    id: String,
    tags: Option<Vec<String>>,
    quote: Option<String>,
    note: Option<String>,
    question: String,
    answer: String,
    accept: Option<Vec<String>>,
    group: Option<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Set {
    id: String,
    tags: Option<Vec<String>>,
    quote: Option<String>,
    note: Option<String>,
    name: String,
    members: Vec<String>,
    group: Option<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Sequence {
    id: String,
    tags: Option<Vec<String>>,
    quote: Option<String>,
    note: Option<String>,
    name: String,
    items: Vec<String>,
}
