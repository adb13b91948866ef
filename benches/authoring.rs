//! Authoring on hostile input, each in time proportional to its size (issue: "linear on
//! hostile input"): `check` rendering tens of thousands of diagnostics, and `draft` on a
//! sentence with thousands of numbers and on a 2 MB document. Targets: 40,000 diagnostics
//! rendered in under 2 s; a 2 MB document drafted in under 10 s and 500 MB.
//!
//! `cargo bench --bench authoring`. Figures and method: docs/performance.md.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::{Command, Stdio};

use divan::Bencher;
use divan::black_box;
use factdeck::author::draft::{self, DraftOptions};

fn main() {
    divan::main();
}

/// A sentence of `n` numbers: "It counted 1, 12, 123, … and 7 items."
fn numbers_sentence(n: usize) -> String {
    let mut text = String::from("It counted ");
    for i in 0..n {
        text.push_str(&format!("{}, ", (i * 7919) % 100_000));
    }
    text.push_str("and 7 items.\n");
    text
}

/// About `bytes` of prose: a paragraph with dates, figures and changes, repeated.
fn prose(bytes: usize) -> String {
    const PARAGRAPH: &str = "Apollo 11 launched on July 16, 1969, and landed on July 20, 1969. \
        An estimated 650 million people watched. In 1963 Cape Canaveral was renamed Cape \
        Kennedy; in 1973 the name was changed from Cape Kennedy back to Cape Canaveral. The \
        program cost $25.8 billion, roughly $257 billion in 2020 dollars, and 400,000 people \
        worked on it.\n\n";
    PARAGRAPH.repeat(bytes / PARAGRAPH.len() + 1)
}

fn options() -> DraftOptions {
    DraftOptions {
        id: "bench".into(),
        title: "Bench".into(),
        source_title: "Bench".into(),
        source_file: None,
        source_name: "bench.txt".into(),
        language: "en".into(),
    }
}

/// `draft` of one sentence holding `n` numbers: proposals and the deck text.
#[divan::bench(args = [8_000, 64_000], sample_count = 5, sample_size = 1)]
fn draft_long_sentence(bencher: Bencher, n: usize) {
    let doc = numbers_sentence(n);
    bencher.bench(|| {
        draft::write_to(
            &draft::find_facts(black_box(&doc)),
            &options(),
            &mut std::io::sink(),
        )
    });
}

/// `draft` of 2 MB: one sentence of numbers, and prose.
#[divan::bench(args = ["numbers", "prose"], sample_count = 5, sample_size = 1)]
fn draft_2mb(bencher: Bencher, kind: &str) {
    let doc = match kind {
        "numbers" => numbers_sentence(2_000_000 / 7),
        _ => prose(2_000_000),
    };
    assert!(doc.len() >= 1_900_000, "{}", doc.len());
    bencher.bench(|| {
        draft::write_to(
            &draft::find_facts(black_box(&doc)),
            &options(),
            &mut std::io::sink(),
        )
    });
}

/// A deck of `n` cards without quotes and with an unknown field each: `n` warnings and
/// `n` errors.
fn deck_with_problems(n: usize) -> String {
    let mut text = String::from("[deck]\nid = \"big\"\ntitle = \"Big\"\n");
    for i in 0..n {
        text.push_str(&format!(
            "\n[[card]]\nid = \"c{i}\"\nquestion = \"Question {i}?\"\nanswer = \"Answer {i}\"\ncolour = \"red\"\n"
        ));
    }
    text
}

/// The real `factdeck check --verbose` on 40,000 diagnostics (20,000 cards, each without
/// a quote and with an unknown field), everything rendered to a discarded stderr.
#[divan::bench(args = [20_000], sample_count = 5, sample_size = 1)]
fn check_40000_diagnostics(bencher: Bencher, cards: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.toml");
    std::fs::write(&path, deck_with_problems(cards)).unwrap();
    bencher.bench(|| {
        let status = Command::new(env!("CARGO_BIN_EXE_factdeck"))
            .args(["check", "--verbose"])
            .arg(&path)
            .env("NO_COLOR", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(1));
    });
}
