//! An entry's payload: the hash the store records, the deck, what the generator derives
//! from it (question index, forms), and what the study commands work out over the whole
//! deck before their first question ([`Known`]), as one bitcode value.
//!
//! Decoding the deck and the index on two threads was tried and measured: on this 2-core
//! machine, busy with other work, it was no faster (and often slower) than one thread, so
//! the simpler form stays.

use serde::{Deserialize, Serialize};

use crate::deck::Deck;
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

pub fn encode(compiled: &Compiled) -> Result<Vec<u8>, bitcode::Error> {
    let prepared = &compiled.prepared;
    bitcode::serialize(&(
        &compiled.store_hash,
        &prepared.deck,
        &prepared.derived,
        &compiled.known,
    ))
}

/// `None` when the payload does not decode into today's types.
pub fn decode(payload: &[u8]) -> Option<Compiled> {
    let (store_hash, deck, derived, known) =
        bitcode::deserialize::<(String, Deck, Derived, Known)>(payload).ok()?;
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
        let back = decode(&encode(&c).unwrap()).unwrap();
        assert_eq!(back.store_hash, c.store_hash);
        assert_eq!(back.prepared.deck, c.prepared.deck);
        assert_eq!(back.known, Known::default());
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
        let back = decode(&encode(&c).unwrap()).unwrap();
        assert_eq!(back.known, c.known);
        assert_eq!(back.known.unaskable(5).map(<[_]>::len), Some(1));
        assert_eq!(back.known.unaskable(4), None);
    }

    #[test]
    fn a_payload_that_does_not_decode_is_none() {
        let bytes = encode(&compiled()).unwrap();
        assert!(decode(&bytes[..bytes.len() - 1]).is_none());
        assert!(decode(&bytes[..7]).is_none());
        assert!(decode(b"").is_none());
    }
}
