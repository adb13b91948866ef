//! The bundled deck `decks/wpk-8th-congress.toml` against its source text.
//!
//! It must pass `check --strict`, every quote must be in the source, and it must cover what
//! the source states. Where the source makes it possible the expected values are computed
//! from the source text itself (the delegate table, the presidium list, the agenda), so a
//! fact dropped, mistyped or invented in the deck fails here.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cli;
mod coverage;
mod figures;
mod in_quotes;
mod prompts;
mod source;
mod timeline;

use factdeck::deck::{CardFact, ChangeFact, DateFact, Fact, FigureFact, Loaded, SetFact, load_str};

pub const DECK: &str = include_str!("../../../decks/wpk-8th-congress.toml");
pub const SOURCE: &str = include_str!("../../../decks/wpk-8th-congress.source.txt");
pub const SOURCE_NAME: &str = "wpk-8th-congress.source.txt";

pub fn loaded() -> Loaded {
    load_str(DECK).unwrap_or_else(|diags| panic!("the bundled deck does not load: {diags:#?}"))
}

pub fn dates(l: &Loaded) -> Vec<&DateFact> {
    l.deck
        .facts
        .iter()
        .filter_map(|f| match f {
            Fact::Date(d) => Some(&**d),
            _ => None,
        })
        .collect()
}

pub fn figures(l: &Loaded) -> Vec<&FigureFact> {
    l.deck
        .facts
        .iter()
        .filter_map(|f| match f {
            Fact::Figure(x) => Some(&**x),
            _ => None,
        })
        .collect()
}

pub fn changes(l: &Loaded) -> Vec<&ChangeFact> {
    l.deck
        .facts
        .iter()
        .filter_map(|f| match f {
            Fact::Change(x) => Some(&**x),
            _ => None,
        })
        .collect()
}

pub fn cards(l: &Loaded) -> Vec<&CardFact> {
    l.deck
        .facts
        .iter()
        .filter_map(|f| match f {
            Fact::Card(x) => Some(&**x),
            _ => None,
        })
        .collect()
}

pub fn set<'a>(l: &'a Loaded, id: &str) -> &'a SetFact {
    match l.deck.fact(id) {
        Some(Fact::Set(s)) => s,
        other => panic!("expected a set `{id}`, found {other:?}"),
    }
}

pub fn figure<'a>(l: &'a Loaded, id: &str) -> &'a FigureFact {
    match l.deck.fact(id) {
        Some(Fact::Figure(f)) => f,
        other => panic!("expected a figure `{id}`, found {other:?}"),
    }
}

pub fn date<'a>(l: &'a Loaded, id: &str) -> &'a DateFact {
    match l.deck.fact(id) {
        Some(Fact::Date(d)) => d,
        other => panic!("expected a date `{id}`, found {other:?}"),
    }
}

/// Deck figures are whole counts; compare them as integers.
pub fn whole(n: factdeck::deck::Number) -> i64 {
    assert!(n.is_integer(), "{n:?} is not a whole number");
    n.value() as i64
}

/// "the Military Affairs Department" → "Military Affairs Department", for finding an
/// answer inside a sentence where it may start with a capital or carry no article.
pub fn without_article(s: &str) -> &str {
    for article in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(rest) = s.strip_prefix(article) {
            return rest;
        }
    }
    s
}
