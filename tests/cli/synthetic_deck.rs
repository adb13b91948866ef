//! The benchmark's synthetic deck must stay valid and warning-free, or the benchmark would
//! measure the error path instead of the loader's normal work.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::bench_deck as synthetic_deck;

use factdeck::deck::{Kind, load_str};

#[test]
fn the_synthetic_deck_is_valid_with_every_kind() {
    let loaded = load_str(&synthetic_deck::synthetic_deck(1_000)).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(
        loaded.deck.counts(),
        [
            (Kind::Date, 200),
            (Kind::Figure, 300),
            (Kind::Change, 100),
            (Kind::Card, 200),
            (Kind::Set, 100),
            (Kind::Sequence, 100),
        ]
    );
}
