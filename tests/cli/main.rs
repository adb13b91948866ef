//! factdeck's integration tests, in one binary (as ripgrep's are): the library and bundled
//! SQLite are linked once, not once a file. Each module was a test binary of its own; its
//! tests keep their names under it, so `cargo test --test cli quiz_pty::` runs one.
//! Tests run in parallel threads of one process: none may change the process's environment,
//! current directory or signal handlers (give them to the child `Command` instead).

#![allow(clippy::unwrap_used, clippy::expect_used)]

/// The benchmarks' synthetic deck, which `synthetic_deck` keeps valid and `deck_cache` uses.
#[path = "../../benches/support/synthetic_deck.rs"]
mod bench_deck;
mod common;
mod seeds;
mod test;

mod adversary;
mod author_draft;
mod author_export;
mod author_import;
mod author_import_answers;
mod author_roundtrip;
mod bundled_deck;
mod check;
mod check_guidance;
mod cli;
mod deck_cache;
mod decks;
mod docs;
mod draft_languages;
mod draft_quality;
mod gallery;
mod generate_cli;
mod grading_scripts;
mod grading_table;
mod hardening;
mod history;
mod hub;
mod layers;
mod layout;
mod loader_props;
mod phrasing_table;
mod question_props;
mod quiz;
mod quiz_pty;
mod report;
mod review;
mod runs;
mod schema;
mod signals_pty;
mod store;
mod store_refusals;
mod synthetic_deck;
mod terminal_pty;
mod wide_text_pty;
