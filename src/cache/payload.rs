//! An entry's payload, in three sections of bitcode: the hash the store records, the
//! deck's table, each fact's kind and where each block of facts ends; the facts, in
//! blocks each encoded on its own, kept as bytes and decoded when first read (see
//! `deck::facts`); then what the generator derives from the deck (question index, forms)
//! and what the study commands work out over the whole deck before their first question
//! ([`Known`]).
//!
//! Decoding every fact at once on two threads was tried and measured: the threads' page
//! faults contend in the kernel, and the warm start was no faster (docs/performance.md).

use serde::{Deserialize, Serialize};

use crate::deck::facts::BLOCK;
use crate::deck::{Deck, DeckMeta, Fact, Facts, Kind};
use crate::question::{Prepared, Spoilers, Unaskable};

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

/// The three sections of `compiled`'s payload: the store's hash, the deck's table, the
/// kind of each fact and where each block of facts ends; the facts in blocks of
/// `deck::facts::BLOCK`, each encoded on its own so that it can be decoded alone when one
/// of its facts is first read; what was derived and worked out.
pub fn encode(compiled: &Compiled) -> Result<[Vec<u8>; 3], bitcode::Error> {
    let prepared = &compiled.prepared;
    let all = &prepared.deck.facts;
    let mut facts = Vec::new();
    let mut ends = Vec::with_capacity(all.len().div_ceil(BLOCK));
    for first in (0..all.len()).step_by(BLOCK) {
        let block = all.iter().skip(first).take(BLOCK);
        facts.extend_from_slice(&bitcode::serialize(&Block(block))?);
        ends.push(u32::try_from(facts.len()).map_err(|_| too_large())?);
    }
    let kinds: Vec<Kind> = (0..all.len()).filter_map(|i| all.kind(i)).collect();
    Ok([
        bitcode::serialize(&(&compiled.store_hash, &prepared.deck.meta, kinds, ends))?,
        facts,
        bitcode::serialize(&(&prepared.derived, &compiled.known))?,
    ])
}

/// Facts written as a sequence, read back as a `Vec<Fact>`.
struct Block<I>(I);

impl<'f, I: Iterator<Item = &'f Fact> + Clone> Serialize for Block<I> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.clone())
    }
}

/// An entry holds at most 4 GiB of facts: a deck file that large is refused long before.
fn too_large() -> bitcode::Error {
    <bitcode::Error as serde::ser::Error>::custom("the facts take more than 4 GiB")
}

/// The compiled deck from its three sections, the facts left as bytes until read; `None`
/// when the other sections do not decode into today's types.
pub fn decode(head: &[u8], facts: Vec<u8>, derived: &[u8]) -> Option<Compiled> {
    let (store_hash, meta, kinds, ends): (String, DeckMeta, Vec<Kind>, Vec<u32>) =
        bitcode::deserialize(head).ok()?;
    let facts = Facts::encoded(
        kinds.into(),
        facts.into_boxed_slice(),
        ends.into(),
        decode_block,
    )?;
    let (derived, known) = bitcode::deserialize(derived).ok()?;
    Some(Compiled {
        store_hash,
        prepared: Prepared {
            deck: Deck { meta, facts },
            derived,
        },
        known,
    })
}

fn decode_block(bytes: &[u8]) -> Option<Vec<Fact>> {
    bitcode::deserialize(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compiled(cards: usize) -> Compiled {
        let mut text = "[deck]\nid = \"t\"\ntitle = \"T\"\n".to_owned();
        for i in 0..cards {
            text += &format!(
                "\n[[card]]\nid = \"c{i}\"\nquestion = \"Who {i}?\"\nanswer = \"Me {i}\"\n"
            );
        }
        Compiled {
            store_hash: "0123456789abcdef".to_owned(),
            prepared: Prepared::new(crate::deck::load_str(&text).unwrap().deck),
            known: Known::default(),
        }
    }

    fn round_trip(c: &Compiled) -> Compiled {
        let [head, facts, derived] = encode(c).unwrap();
        decode(&head, facts, &derived).unwrap()
    }

    #[test]
    fn a_payload_round_trips() {
        for cards in [0, 1, BLOCK, BLOCK + 1] {
            let c = compiled(cards);
            let back = round_trip(&c);
            assert_eq!(back.store_hash, c.store_hash);
            assert_eq!(back.prepared.deck, c.prepared.deck);
            assert_eq!(back.known, Known::default());
        }
    }

    #[test]
    fn selecting_by_kind_or_not_at_all_decodes_no_fact() {
        use crate::question::select::{Selection, select};
        let c = round_trip(&compiled(BLOCK + 1));
        let deck = &c.prepared.deck;
        let by_kind = Selection {
            kinds: vec![Kind::Card],
            tags: Vec::new(),
        };
        assert_eq!(select(deck, &Selection::default()).len(), BLOCK + 1);
        assert_eq!(select(deck, &by_kind).len(), BLOCK + 1);
        assert_eq!(deck.facts.decoded_blocks(), 0);
        let by_tag = Selection {
            kinds: Vec::new(),
            tags: vec!["none".to_owned()],
        };
        assert!(select(deck, &by_tag).is_empty());
        assert_eq!(deck.facts.decoded_blocks(), 2);
    }

    #[test]
    fn finding_a_fact_by_its_id_decodes_no_fact() {
        let c = round_trip(&compiled(BLOCK + 1));
        let g = crate::question::Generator::from_prepared(c.prepared, Default::default());
        assert_eq!(g.position("c7"), Some(7));
        assert_eq!(g.position(&format!("c{BLOCK}")), Some(BLOCK));
        assert_eq!(g.position("c"), None);
        assert_eq!(g.position("d0"), None);
        assert_eq!(g.deck().facts.decoded_blocks(), 0);
    }

    #[test]
    fn a_one_sided_change_reads_only_the_changes_to_see_if_it_is_ambiguous() {
        let mut c = compiled(BLOCK);
        let text = "[deck]\nid = \"t\"\ntitle = \"T\"\n\n[[change]]\nid = \"ch\"\n\
                    subject = \"The offside rule\"\nafter = \"a goal kick\"\n";
        let mut deck = crate::deck::load_str(text).unwrap().deck;
        deck.facts
            .as_mut_vec()
            .extend(c.prepared.deck.facts.iter().cloned());
        c.prepared = Prepared::new(deck);
        let c = round_trip(&c);
        let g = crate::question::Generator::from_prepared(c.prepared, Default::default());
        let mut rng = crate::question::rng_from_seed(1);
        let q = g.generate_form(0, crate::question::Form::ChangeOneSidedTyped, &mut rng);
        assert!(q.is_some());
        assert_eq!(
            g.deck().facts.decoded_blocks(),
            1,
            "the cards' block is not read"
        );
    }

    #[test]
    fn what_was_worked_out_round_trips() {
        let mut c = compiled(1);
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
        let back = round_trip(&c);
        assert_eq!(back.known, c.known);
        assert_eq!(back.known.unaskable(5).map(<[_]>::len), Some(1));
        assert_eq!(back.known.unaskable(4), None);
    }

    #[test]
    fn a_payload_that_does_not_decode_is_none() {
        let [head, facts, derived] = encode(&compiled(3)).unwrap();
        let cut = |s: &[u8]| s[..s.len() - 1].to_vec();
        assert!(decode(&cut(&head), facts.clone(), &derived).is_none());
        assert!(
            decode(&head, cut(&facts), &derived).is_none(),
            "ends past the facts"
        );
        assert!(decode(&head, facts.clone(), &cut(&derived)).is_none());
        assert!(decode(&head[..7], facts.clone(), &derived).is_none());
        assert!(decode(b"", Vec::new(), b"").is_none());
        assert!(decode(&derived, facts, &head).is_none(), "sections swapped");
    }

    #[test]
    fn a_fact_is_decoded_from_its_blocks_bytes() {
        let c = compiled(BLOCK * 2 + 3);
        let [head, facts, derived] = encode(&c).unwrap();
        let back = decode(&head, facts, &derived).unwrap();
        let (ours, theirs) = (&back.prepared.deck.facts, &c.prepared.deck.facts);
        assert_eq!(ours.get(BLOCK + 2), theirs.get(BLOCK + 2));
        assert_eq!(ours.get(BLOCK * 2 + 2), theirs.get(BLOCK * 2 + 2));
        assert_eq!(ours.get(BLOCK * 2 + 3), None);
    }
}
