//! The binary form of the compiled-deck cache, chosen on figures: rkyv, bitcode and postcard
//! encoding and decoding the same 100,000-fact deck and index.
//!
//! `cargo bench --bench cache_format`. Two groups:
//! - `mirror`: a mirror of the deck model and of the question index's bulk (the same
//!   fields, strings and maps), derived for all three crates, so each is measured on equal
//!   data: postcard (serde), bitcode through serde and through its own derive, and rkyv
//!   (validated, then deserialized into owned values, as a cache that trusts nothing must).
//! - `real`: what factdeck writes (store hash, deck, derived index) through serde, with
//!   bitcode and postcard (rkyv has no serde path); `shipped_*` is the cache's own payload
//!   code.
//!
//! Sizes of each encoding are printed before the benchmarks run. Figures:
//! docs/performance.md.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::sync::LazyLock;

use divan::{Bencher, black_box};
use factdeck::cache::{Compiled, payload};
use factdeck::deck::{ChangeSides, Deck, Fact, FactDate, Tolerance};
use factdeck::question::{Derived, Prepared};

#[path = "support/synthetic_deck.rs"]
mod synthetic_deck;

const FACTS: usize = 100_000;

fn main() {
    let m = &*MIRROR;
    let real = &*REAL;
    eprintln!("encoded sizes at {FACTS} facts:");
    eprintln!(
        "  mirror postcard        {:>10} bytes",
        postcard::to_allocvec(m).unwrap().len()
    );
    eprintln!(
        "  mirror bitcode (serde) {:>10} bytes",
        bitcode::serialize(m).unwrap().len()
    );
    eprintln!(
        "  mirror bitcode (derive){:>10} bytes",
        bitcode::encode(m).len()
    );
    eprintln!(
        "  mirror rkyv            {:>10} bytes",
        rkyv::to_bytes::<rkyv::rancor::Error>(m).unwrap().len()
    );
    eprintln!(
        "  real postcard          {:>10} bytes",
        postcard::to_allocvec(real).unwrap().len()
    );
    eprintln!(
        "  real bitcode (serde)   {:>10} bytes",
        bitcode::serialize(real).unwrap().len()
    );
    divan::main();
}

/// What factdeck keeps: the store's hash of the deck, the deck, what the generator derives.
type Real = (String, Deck, Derived);

static COMPILED: LazyLock<Compiled> = LazyLock::new(|| {
    let text = synthetic_deck::synthetic_deck(FACTS);
    let deck = factdeck::deck::load_str(&text).unwrap().deck;
    Compiled {
        store_hash: "0123456789abcdef".to_owned(),
        prepared: Prepared::new(deck),
        known: Default::default(),
    }
});

static REAL: LazyLock<(&'static str, &'static Deck, &'static Derived)> = LazyLock::new(|| {
    let c = &*COMPILED;
    (c.store_hash.as_str(), &c.prepared.deck, &c.prepared.derived)
});

static MIRROR: LazyLock<Mirror> = LazyLock::new(|| Mirror::of(&COMPILED.prepared.deck));

mod mirror {
    use super::*;

    #[divan::bench]
    fn postcard_encode(b: Bencher) {
        b.bench(|| postcard::to_allocvec(black_box(&*MIRROR)).unwrap());
    }

    #[divan::bench]
    fn postcard_decode(b: Bencher) {
        let bytes = postcard::to_allocvec(&*MIRROR).unwrap();
        b.bench(|| postcard::from_bytes::<Mirror>(black_box(&bytes)).unwrap());
    }

    #[divan::bench]
    fn bitcode_serde_encode(b: Bencher) {
        b.bench(|| bitcode::serialize(black_box(&*MIRROR)).unwrap());
    }

    #[divan::bench]
    fn bitcode_serde_decode(b: Bencher) {
        let bytes = bitcode::serialize(&*MIRROR).unwrap();
        b.bench(|| bitcode::deserialize::<Mirror>(black_box(&bytes)).unwrap());
    }

    #[divan::bench]
    fn bitcode_derive_encode(b: Bencher) {
        b.bench(|| bitcode::encode(black_box(&*MIRROR)));
    }

    #[divan::bench]
    fn bitcode_derive_decode(b: Bencher) {
        let bytes = bitcode::encode(&*MIRROR);
        b.bench(|| bitcode::decode::<Mirror>(black_box(&bytes)).unwrap());
    }

    #[divan::bench]
    fn rkyv_encode(b: Bencher) {
        b.bench(|| rkyv::to_bytes::<rkyv::rancor::Error>(black_box(&*MIRROR)).unwrap());
    }

    /// Validation and deserialization into owned values: what a cache that checks its input
    /// and hands the deck to code written for owned types has to do.
    #[divan::bench]
    fn rkyv_decode(b: Bencher) {
        let bytes = rkyv::to_bytes::<rkyv::rancor::Error>(&*MIRROR).unwrap();
        b.bench(|| rkyv::from_bytes::<Mirror, rkyv::rancor::Error>(black_box(&bytes)).unwrap());
    }

    /// Validation alone: the zero-copy access rkyv is made for, as a lower bound.
    #[divan::bench]
    fn rkyv_access_only(b: Bencher) {
        let bytes = rkyv::to_bytes::<rkyv::rancor::Error>(&*MIRROR).unwrap();
        b.bench(|| {
            rkyv::access::<ArchivedMirror, rkyv::rancor::Error>(black_box(&bytes))
                .unwrap()
                .facts
                .len()
        });
    }
}

mod real {
    use super::*;

    #[divan::bench]
    fn postcard_encode(b: Bencher) {
        b.bench(|| postcard::to_allocvec(black_box(&*REAL)).unwrap());
    }

    #[divan::bench]
    fn postcard_decode(b: Bencher) {
        let bytes = postcard::to_allocvec(&*REAL).unwrap();
        b.bench(|| postcard::from_bytes::<Real>(black_box(&bytes)).unwrap());
    }

    #[divan::bench]
    fn bitcode_encode(b: Bencher) {
        b.bench(|| bitcode::serialize(black_box(&*REAL)).unwrap());
    }

    #[divan::bench]
    fn bitcode_decode(b: Bencher) {
        let bytes = bitcode::serialize(&*REAL).unwrap();
        b.bench(|| bitcode::deserialize::<Real>(black_box(&bytes)).unwrap());
    }

    /// The cache's own payload code (the same bitcode value as above).
    #[divan::bench]
    fn shipped_encode(b: Bencher) {
        b.bench(|| payload::encode(black_box(&*COMPILED)).unwrap());
    }

    #[divan::bench]
    fn shipped_decode(b: Bencher) {
        let [head, facts, derived] = payload::encode(&COMPILED).unwrap();
        b.bench(|| payload::decode(&head, black_box(facts.clone()), &derived).unwrap());
    }
}

/// The warm path of `quiz` before its first question, in-process: hash the deck file, read
/// and check the entry, decode it, and hand over a generator with what a quiz needs (the
/// facts no question can be made about, the words many facts show). Whole-process figures
/// are `cargo bench --bench startup -- synthetic_warm`.
mod warm {
    use super::*;
    use factdeck::cache::{DeckCache, Needs, open_generator};
    use factdeck::deck::Library;
    use factdeck::question::Settings;

    /// A deck file with its entry written, in a temp dir.
    static WARM: LazyLock<(tempfile::TempDir, DeckCache)> = LazyLock::new(|| {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("deck.toml"),
            synthetic_deck::synthetic_deck(FACTS),
        )
        .unwrap();
        let cache = DeckCache::new(dir.path().join("cache"), 1);
        open(&dir, &cache);
        (dir, cache)
    });

    fn open(dir: &tempfile::TempDir, cache: &DeckCache) -> factdeck::cache::Opened {
        let library = Library::new(dir.path().join("decks"), false);
        let needs = Needs {
            settings: Settings::default(),
            unaskable: true,
            spoilers: true,
        };
        let path = dir.path().join("deck.toml");
        open_generator(&library, Some(cache), path.to_str().unwrap(), needs).unwrap()
    }

    #[divan::bench(sample_count = 10)]
    fn open_for_a_quiz(b: Bencher) {
        let (dir, cache) = &*WARM;
        b.bench(|| open(dir, cache));
    }
}

// The mirror: the deck model's shape, and the bulk of the question index (keys per item
// and per fact, id positions, explanations, known answers by bucket).

macro_rules! all_formats {
    ($($item:item)*) => {
        $(
            #[derive(
                serde::Serialize,
                serde::Deserialize,
                bitcode::Encode,
                bitcode::Decode,
                rkyv::Archive,
                rkyv::Serialize,
                rkyv::Deserialize,
            )]
            $item
        )*
    };
}

all_formats! {
    struct Mirror {
        id: String,
        title: String,
        facts: Vec<MFact>,
        index: MIndex,
    }

    struct MMeta {
        id: String,
        tags: Vec<String>,
        quote: Option<String>,
        note: Option<String>,
    }

    struct MDate {
        year: i16,
        month: Option<i8>,
        day: Option<i8>,
    }

    enum MFact {
        Date {
            meta: MMeta,
            event: String,
            question: Option<String>,
            date: MDate,
            end: Option<MDate>,
            also: Vec<MDate>,
            also_note: Option<String>,
        },
        Figure {
            meta: MMeta,
            what: String,
            at: Option<String>,
            question: Option<String>,
            value: (f64, u8),
            unit: Option<String>,
            tolerance: (u8, f64),
            group: Option<String>,
            previous: Option<(f64, u8, String)>,
        },
        Change {
            meta: MMeta,
            subject: String,
            before: Option<String>,
            after: Option<String>,
            verb: Option<String>,
        },
        Card {
            meta: MMeta,
            question: String,
            answer: String,
            accept: Vec<String>,
            group: Option<String>,
        },
        Set {
            meta: MMeta,
            name: String,
            members: Vec<String>,
            group: Option<String>,
        },
        Sequence {
            meta: MMeta,
            name: String,
            items: Vec<String>,
        },
    }

    struct MIndex {
        item_keys: Vec<Vec<String>>,
        label_keys: Vec<String>,
        positions: HashMap<String, u32>,
        explanation_tails: Vec<String>,
        explanations: Vec<Option<String>>,
        known: HashMap<String, Vec<(u32, u64, String, String)>>,
    }
}

impl Mirror {
    fn of(deck: &Deck) -> Mirror {
        let facts: Vec<MFact> = deck.facts.iter().map(MFact::of).collect();
        let mut index = MIndex {
            item_keys: Vec::new(),
            label_keys: Vec::new(),
            positions: HashMap::new(),
            explanation_tails: Vec::new(),
            explanations: Vec::new(),
            known: HashMap::new(),
        };
        for (i, fact) in deck.facts.iter().enumerate() {
            let items = texts(fact);
            index
                .item_keys
                .push(items.iter().map(|t| t.to_lowercase()).collect());
            index
                .label_keys
                .push(items.first().map(|t| t.to_lowercase()).unwrap_or_default());
            index.positions.insert(fact.id().to_owned(), i as u32);
            let meta = fact.meta();
            let tail = format!(
                "{} Source: \"{}\"",
                meta.note.as_deref().unwrap_or(""),
                meta.quote.as_deref().unwrap_or("")
            );
            index
                .explanations
                .push(Some(format!("{} {tail}", items.join(", "))));
            index.explanation_tails.push(tail);
            for text in items {
                let digits: String = text.chars().filter(char::is_ascii_digit).collect();
                let entry = (
                    text.len() as u32,
                    0xFFFF,
                    text.to_lowercase(),
                    text.to_owned(),
                );
                index.known.entry(digits).or_default().push(entry);
            }
        }
        Mirror {
            id: deck.meta.id.clone(),
            title: deck.meta.title.clone(),
            facts,
            index,
        }
    }
}

fn texts(fact: &Fact) -> Vec<&str> {
    match fact {
        Fact::Date(d) => vec![&d.event],
        Fact::Figure(f) => vec![&f.what],
        Fact::Change(c) => match &c.sides {
            ChangeSides::Both { before, after } => vec![before, after],
            ChangeSides::Removed { before, .. } => vec![before],
            ChangeSides::Established { after, .. } => vec![after],
        },
        Fact::Card(c) => std::iter::once(c.answer.as_str())
            .chain(c.accept.iter().map(|a| a.as_str()))
            .collect(),
        Fact::Set(s) => s.members.iter().map(|m| m.as_str()).collect(),
        Fact::Sequence(s) => s.items.iter().map(|i| i.as_str()).collect(),
    }
}

impl MMeta {
    fn of(m: &factdeck::deck::FactMeta) -> Self {
        MMeta {
            id: m.id.to_string(),
            tags: m.tags.iter().map(ToString::to_string).collect(),
            quote: m.quote.as_deref().map(str::to_owned),
            note: m.note.as_deref().map(str::to_owned),
        }
    }
}

impl MDate {
    fn of(d: &FactDate) -> Self {
        MDate {
            year: d.year_number(),
            month: d.month_number(),
            day: d.day_number(),
        }
    }
}

impl MFact {
    fn of(fact: &Fact) -> Self {
        let meta = MMeta::of(fact.meta());
        match fact {
            Fact::Date(d) => MFact::Date {
                meta,
                event: d.event.to_string(),
                question: d.question.get("when").map(str::to_owned),
                date: MDate::of(&d.date),
                end: d.end.as_ref().map(MDate::of),
                also: d.also.iter().map(MDate::of).collect(),
                also_note: d.also_note.clone(),
            },
            Fact::Figure(f) => MFact::Figure {
                meta,
                what: f.what.clone(),
                at: f.at.as_ref().map(ToString::to_string),
                question: f.question.get("value").map(str::to_owned),
                value: (f.value.value(), f.value.decimals()),
                unit: f.unit.as_ref().map(ToString::to_string),
                tolerance: match f.tolerance {
                    Tolerance::Exact => (0, 0.0),
                    Tolerance::Absolute(t) => (1, t),
                    Tolerance::Percent(p) => (2, p),
                },
                group: f.group.as_ref().map(ToString::to_string),
                previous: f
                    .previous
                    .as_ref()
                    .map(|p| (p.value.value(), p.value.decimals(), p.at.to_string())),
            },
            Fact::Change(c) => {
                let (before, after, verb) = match &c.sides {
                    ChangeSides::Both { before, after } => {
                        (Some(before.to_string()), Some(after.to_string()), None)
                    }
                    ChangeSides::Removed { before, verb } => {
                        (Some(before.to_string()), None, Some(verb.to_string()))
                    }
                    ChangeSides::Established { after, verb } => {
                        (None, Some(after.to_string()), Some(verb.to_string()))
                    }
                };
                MFact::Change {
                    meta,
                    subject: c.subject.to_string(),
                    before,
                    after,
                    verb,
                }
            }
            Fact::Card(c) => MFact::Card {
                meta,
                question: c.question.clone(),
                answer: c.answer.to_string(),
                accept: c.accept.iter().map(ToString::to_string).collect(),
                group: c.group.as_ref().map(ToString::to_string),
            },
            Fact::Set(s) => MFact::Set {
                meta,
                name: s.name.to_string(),
                members: s.members.iter().map(ToString::to_string).collect(),
                group: s.group.as_ref().map(ToString::to_string),
            },
            Fact::Sequence(s) => MFact::Sequence {
                meta,
                name: s.name.to_string(),
                items: s.items.iter().map(ToString::to_string).collect(),
            },
        }
    }
}
