//! An entry's payload: the deck (with the hash the store records) and what the generator
//! derives from it, as two bitcode sections that decode at the same time on two threads.
//!
//! ```text
//! u64 (little-endian)  length of the first section
//! bitcode              (store hash, Deck)
//! bitcode              Derived (question index, forms)
//! ```

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
    let first = bitcode::serialize(&(&compiled.store_hash, &compiled.prepared.deck))?;
    let second = bitcode::serialize(&compiled.prepared.derived)?;
    let mut out = Vec::with_capacity(8 + first.len() + second.len());
    out.extend_from_slice(&u64::try_from(first.len()).unwrap_or(u64::MAX).to_le_bytes());
    out.extend_from_slice(&first);
    out.extend_from_slice(&second);
    Ok(out)
}

/// `None` when the sections do not decode into today's types.
pub fn decode(payload: &[u8]) -> Option<Compiled> {
    let (len, rest) = payload.split_first_chunk::<8>()?;
    let (first, second) = rest.split_at_checked(usize::try_from(u64::from_le_bytes(*len)).ok()?)?;
    std::thread::scope(|s| {
        let deck = s.spawn(|| bitcode::deserialize::<(String, Deck)>(first));
        let derived = bitcode::deserialize::<Derived>(second);
        let (store_hash, deck) = deck.join().ok()?.ok()?;
        Some(Compiled {
            store_hash,
            prepared: Prepared {
                deck,
                derived: derived.ok()?,
            },
        })
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
        let mut wrong_len = bytes;
        wrong_len[0] = wrong_len[0].wrapping_add(1);
        assert!(decode(&wrong_len).is_none());
    }
}
