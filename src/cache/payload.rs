//! An entry's payload: the hash the store records, the deck, and what the generator
//! derives from it (question index, forms), as one bitcode value.
//!
//! Decoding the deck and the index on two threads was tried and measured: on this 2-core
//! machine, busy with other work, it was no faster (and often slower) than one thread, so
//! the simpler form stays.

use crate::deck::Deck;
use crate::question::{Derived, Prepared};

/// What a cache entry holds.
#[derive(Debug)]
pub struct Compiled {
    /// The hash the score store records with each session (`sessions.deck_hash`).
    pub store_hash: String,
    pub prepared: Prepared,
}

impl Compiled {
    pub fn id(&self) -> &str {
        &self.prepared.deck.meta.id
    }
}

pub fn encode(compiled: &Compiled) -> Result<Vec<u8>, bitcode::Error> {
    let prepared = &compiled.prepared;
    bitcode::serialize(&(&compiled.store_hash, &prepared.deck, &prepared.derived))
}

/// `None` when the payload does not decode into today's types.
pub fn decode(payload: &[u8]) -> Option<Compiled> {
    let (store_hash, deck, derived) =
        bitcode::deserialize::<(String, Deck, Derived)>(payload).ok()?;
    Some(Compiled {
        store_hash,
        prepared: Prepared { deck, derived },
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
        }
    }

    #[test]
    fn a_payload_round_trips() {
        let c = compiled();
        let back = decode(&encode(&c).unwrap()).unwrap();
        assert_eq!(back.store_hash, c.store_hash);
        assert_eq!(back.prepared.deck, c.prepared.deck);
    }

    #[test]
    fn a_payload_that_does_not_decode_is_none() {
        let bytes = encode(&compiled()).unwrap();
        assert!(decode(&bytes[..bytes.len() - 1]).is_none());
        assert!(decode(&bytes[..7]).is_none());
        assert!(decode(b"").is_none());
    }
}
