//! The deck as the rest of the program sees it: plain, already-validated domain types.
//!
//! Nothing here knows about TOML. The loader (`deck::load`) turns a file into these types
//! once; question generation, grading and storage trust them without re-checking. Each
//! kind of fact has its model in `deck::kinds`, re-exported here.
//!
//! Texts that are names or a few words (ids, tags, events, answers, members, units, groups)
//! are `CompactString`s, which keep up to 24 bytes inline: a large deck read from its cache
//! entry then makes a fraction of the allocations. Prose (quotes, notes, questions, a
//! figure's description) is a `String`.

use std::path::PathBuf;

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use super::Facts;

pub use super::kinds::*;

/// A loaded, valid deck.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deck {
    pub meta: DeckMeta,
    pub facts: Facts,
}

/// The `[deck]` table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeckMeta {
    /// Stable slug; score history keys on it.
    pub id: String,
    pub title: String,
    pub description: String,
    /// BCP 47-ish language tag, "en" by default.
    pub language: String,
    pub source: Option<Source>,
    /// Whether facts are expected to quote a source (`[deck] quotes = false` says the deck
    /// has no source document, so a fact without a `quote` is not worth a warning).
    pub quotes: bool,
}

/// Where a deck's facts come from (`[deck.source]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub title: String,
    pub url: Option<String>,
    pub license: Option<String>,
    /// Path to the source text, relative to the deck file.
    pub file: Option<PathBuf>,
}

/// The fields every fact has, whatever its kind. Boxed slices and strings rather than
/// `Vec` and `String`: never changed once loaded, they need no room to grow, and every
/// fact of a large deck holds them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FactMeta {
    /// Unique within the deck and stable: history and memory state key on it. Ids and tags
    /// are short: kept inline (up to 24 bytes), they cost no allocation of their own, a
    /// third of the allocations of a large deck read from the deck cache.
    pub id: CompactString,
    pub tags: Box<[CompactString]>,
    /// A verbatim sentence or phrase from the source document.
    pub quote: Option<Box<str>>,
    /// Shown after answering.
    pub note: Option<Box<str>>,
}

impl Deck {
    /// Number of facts of each kind, in `Kind::ALL` order.
    pub fn counts(&self) -> [(Kind, usize); Kind::COUNT] {
        // By the kinds alone: a deck read from its cache decodes a fact when it is read.
        let count = |k| {
            let of_kind = |&i: &usize| self.facts.kind(i) == Some(k);
            (0..self.facts.len()).filter(of_kind).count()
        };
        Kind::ALL.map(|k| (k, count(k)))
    }

    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.id() == id)
    }
}

/// "12 date, 30 figure, 10 change" — the kinds a deck has, with their counts.
pub fn format_counts(deck: &Deck) -> String {
    deck.counts()
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| format!("{n} {k}"))
        .collect::<Vec<_>>()
        .join(", ")
}
