//! An entry's payload, in two sections of bitcode: the hash the store records and the deck;
//! then what the generator derives from it (question index, forms) and what the study
//! commands work out over the whole deck before their first question ([`Known`]). Two
//! sections, so that the deck's bytes are freed before the index's are read: at 100,000
//! facts each is about 18 MB, and the whole entry at once was the peak of a warm start.
//!
//! Decoding the deck and the index on two threads was tried and measured: on this 2-core
//! machine, busy with other work, it was no faster (and often slower) than one thread, so
//! the simpler form stays.

use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::deck::{Deck, Fact};
use crate::question::{Derived, Prepared, Spoilers, Unaskable};

/// What a cache entry holds.
#[derive(Debug)]
pub struct Compiled {
    /// The hash the score store records with each session (`sessions.deck_hash`).
    pub store_hash: String,
    pub prepared: Prepared,
    pub known: Known,
}

/// What `quiz`, `review` and `generate` work out over every fact of the deck before their
/// first question, kept so that a warm start does not: at 100,000 facts each took longer
/// than decoding the whole entry. Each part is there once a command has needed it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Known {
    /// The facts no question can be made about, judged for each number of options asked
    /// so far (some facts lack enough distinct wrong answers for more options).
    pub unaskable: Vec<Unaskables>,
    /// The words many facts show, for keeping a run's questions from answering each other.
    pub spoilers: Option<Spoilers>,
}

/// The facts no question can be made about, with `options` options per question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unaskables {
    pub options: usize,
    pub facts: Vec<Unaskable>,
}

impl Known {
    /// The facts no question with `options` options can be made about, if judged.
    pub fn unaskable(&self, options: usize) -> Option<&[Unaskable]> {
        self.unaskable
            .iter()
            .find(|u| u.options == options)
            .map(|u| u.facts.as_slice())
    }
}

impl Compiled {
    pub fn id(&self) -> &str {
        &self.prepared.deck.meta.id
    }
}

/// The two sections of `compiled`'s payload.
pub fn encode(compiled: &Compiled) -> Result<[Vec<u8>; 2], bitcode::Error> {
    let prepared = &compiled.prepared;
    Ok([
        bitcode::serialize(&(
            &compiled.store_hash,
            &prepared.deck.meta,
            &prepared.deck.facts,
        ))?,
        bitcode::serialize(&(&prepared.derived, &compiled.known))?,
    ])
}

/// The store's hash and the deck, from the first section; `None` when it does not decode
/// into today's types.
pub fn decode_deck(section: &[u8]) -> Option<(String, Deck)> {
    let (store_hash, meta, Facts(facts)) = bitcode::deserialize(section).ok()?;
    Some((store_hash, Deck { meta, facts }))
}

/// A deck's facts, in a vector of exactly their number. serde's own `Vec` grows by
/// doubling from a cautious start, and facts are large: at 100,000 facts the last doubling
/// left room for 95,000 more, 33 MB of a warm start's peak.
struct Facts(Vec<Fact>);

impl<'de> Deserialize<'de> for Facts {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Exact;
        impl<'de> Visitor<'de> for Exact {
            type Value = Vec<Fact>;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a sequence of facts")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                // The count the section gives is not trusted with an allocation: the vector
                // still grows by doubling, only never past that count.
                let count = seq.size_hint().unwrap_or(0);
                let mut facts: Vec<Fact> = Vec::with_capacity(count.min(4096));
                while let Some(fact) = seq.next_element()? {
                    if facts.len() == facts.capacity() {
                        let doubling = facts.len().max(1);
                        let more = match count.checked_sub(facts.len()) {
                            Some(left) if left > 0 => doubling.min(left),
                            _ => doubling,
                        };
                        facts.reserve_exact(more);
                    }
                    facts.push(fact);
                }
                Ok(facts)
            }
        }
        deserializer.deserialize_seq(Exact).map(Facts)
    }
}

/// What was derived and worked out, from the second section.
pub fn decode_derived(section: &[u8]) -> Option<(Derived, Known)> {
    bitcode::deserialize(section).ok()
}

/// Both sections at once.
pub fn decode(deck: &[u8], derived: &[u8]) -> Option<Compiled> {
    let (store_hash, deck) = decode_deck(deck)?;
    let (derived, known) = decode_derived(derived)?;
    Some(Compiled {
        store_hash,
        prepared: Prepared { deck, derived },
        known,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compiled() -> Compiled {
        let text = "[deck]\nid = \"t\"\ntitle = \"T\"\n\n[[card]]\nid = \"c\"\n\
                    question = \"Who?\"\nanswer = \"Me\"\n";
        Compiled {
            store_hash: "0123456789abcdef".to_owned(),
            prepared: Prepared::new(crate::deck::load_str(text).unwrap().deck),
            known: Known::default(),
        }
    }

    #[test]
    fn a_payload_round_trips() {
        let c = compiled();
        let [deck, derived] = encode(&c).unwrap();
        let back = decode(&deck, &derived).unwrap();
        assert_eq!(back.store_hash, c.store_hash);
        assert_eq!(back.prepared.deck, c.prepared.deck);
        assert_eq!(back.known, Known::default());
    }

    #[test]
    fn the_facts_take_exactly_the_room_they_need() {
        let mut c = compiled();
        let fact = c.prepared.deck.facts[0].clone();
        c.prepared.deck.facts = vec![fact; 5000];
        let [deck, _] = encode(&c).unwrap();
        let (_, back) = decode_deck(&deck).unwrap();
        assert_eq!(back.facts.len(), 5000);
        assert_eq!(back.facts.capacity(), 5000);
    }

    #[test]
    fn what_was_worked_out_round_trips() {
        let mut c = compiled();
        let generator = crate::question::Generator::from_prepared(c.prepared, Default::default());
        let spoilers = Spoilers::of(&generator);
        c.prepared = generator.into_prepared();
        c.known = Known {
            unaskable: vec![Unaskables {
                options: 5,
                facts: vec![Unaskable {
                    fact: 0,
                    reason: "a reason".to_owned(),
                }],
            }],
            spoilers: Some(spoilers),
        };
        let [deck, derived] = encode(&c).unwrap();
        let back = decode(&deck, &derived).unwrap();
        assert_eq!(back.known, c.known);
        assert_eq!(back.known.unaskable(5).map(<[_]>::len), Some(1));
        assert_eq!(back.known.unaskable(4), None);
    }

    #[test]
    fn a_payload_that_does_not_decode_is_none() {
        let [deck, derived] = encode(&compiled()).unwrap();
        assert!(decode(&deck[..deck.len() - 1], &derived).is_none());
        assert!(decode(&deck, &derived[..derived.len() - 1]).is_none());
        assert!(decode(&deck[..7], &derived).is_none());
        assert!(decode(b"", b"").is_none());
        assert!(decode(&derived, &deck).is_none(), "sections swapped");
    }
}
