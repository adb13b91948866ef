//! A deck's facts, in deck order: decoded, or read from a cache entry and decoded block by
//! block the first time one of a block's facts is asked for.
//!
//! A warm start of a large deck used to decode every fact before its first question, and
//! that was most of the start (at 100,000 facts: about 250,000 allocations and 33 MB of
//! fresh pages). A quiz's first question reads a few dozen facts, so an entry's facts are
//! kept as bytes, in blocks encoded each on its own, and decoded when first read. The deck module does
//! not know the bytes' format: the cache hands over the function that decodes them.

use std::fmt;
use std::ops::Index;
use std::sync::OnceLock;

use super::kinds::{CardFact, Fact, Kind};
use super::model::FactMeta;

/// How many facts are encoded together. The decoder is set up afresh for each block (about
/// 13 µs), so a pass over every fact of 100,000 (`quiz --tags`) in blocks of 32 took
/// twice as long as decoding them in one piece; in blocks of 512 it takes no longer, and
/// a first question, which reads a few blocks, starts as fast as with blocks of 32.
pub const BLOCK: usize = 512;

/// Turns one block's bytes back into its facts; `None` when they do not decode.
pub type DecodeBlock = fn(&[u8]) -> Option<Vec<Fact>>;

/// The facts of a deck, in order: `decoded`, unless they are still `encoded` (then
/// `decoded` is empty).
#[derive(Default)]
pub struct Facts {
    decoded: Vec<Fact>,
    encoded: Option<Encoded>,
}

/// Facts as bytes in blocks of [`BLOCK`], each block decoded on first use and kept.
struct Encoded {
    /// Every fact's kind, which selecting facts by kind reads without decoding any.
    kinds: Box<[Kind]>,
    /// Every block's bytes, end to end.
    bytes: Box<[u8]>,
    /// Where each block's bytes end in `bytes`.
    ends: Box<[u32]>,
    blocks: Box<[OnceLock<Box<[Fact]>>]>,
    decode: DecodeBlock,
}

impl Facts {
    /// Facts of `kinds` kept as bytes: block `b` (facts `b * BLOCK` on, [`BLOCK`] of them
    /// but the last) is `bytes[ends[b - 1]..ends[b]]`, decoded by `decode`. `None` when
    /// `ends` does not cut `bytes` into that many blocks, in order.
    pub fn encoded(
        kinds: Box<[Kind]>,
        bytes: Box<[u8]>,
        ends: Box<[u32]>,
        decode: DecodeBlock,
    ) -> Option<Self> {
        if ends.len() != kinds.len().div_ceil(BLOCK) || !ends.is_sorted() {
            return None;
        }
        if usize::try_from(ends.last().copied().unwrap_or(0)).ok()? != bytes.len() {
            return None;
        }
        let blocks = (0..ends.len()).map(|_| OnceLock::new()).collect();
        let encoded = Encoded {
            kinds,
            bytes,
            ends,
            blocks,
            decode,
        };
        Some(Facts {
            decoded: Vec::new(),
            encoded: Some(encoded),
        })
    }

    pub fn len(&self) -> usize {
        match &self.encoded {
            None => self.decoded.len(),
            Some(e) => e.kinds.len(),
        }
    }

    /// The kind of fact number `i`, without decoding it.
    pub fn kind(&self, i: usize) -> Option<Kind> {
        match &self.encoded {
            None => self.decoded.get(i).map(Fact::kind),
            Some(e) => e.kinds.get(i).copied(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Fact number `i`, decoded now if it was not yet.
    pub fn get(&self, i: usize) -> Option<&Fact> {
        match &self.encoded {
            None => self.decoded.get(i),
            Some(e) => e.get(i),
        }
    }

    pub fn iter(&self) -> Iter<'_> {
        Iter {
            facts: self,
            next: 0,
            end: self.len(),
        }
    }

    /// Every fact decoded, in order.
    pub fn into_vec(self) -> Vec<Fact> {
        match self.encoded {
            None => self.decoded,
            Some(e) => e.into_vec(),
        }
    }

    /// How many blocks of an entry's facts have been decoded so far.
    #[cfg(test)]
    pub(crate) fn decoded_blocks(&self) -> usize {
        let blocks = self.encoded.iter().flat_map(|e| e.blocks.iter());
        blocks.filter(|b| b.get().is_some()).count()
    }

    /// The facts to change (tests, tools), every one decoded first.
    pub fn as_mut_vec(&mut self) -> &mut Vec<Fact> {
        if let Some(e) = self.encoded.take() {
            self.decoded = e.into_vec();
        }
        &mut self.decoded
    }
}

impl Encoded {
    fn get(&self, i: usize) -> Option<&Fact> {
        self.block(i / BLOCK)?.get(i % BLOCK)
    }

    /// Block `b`, decoded now if it was not yet.
    fn block(&self, b: usize) -> Option<&[Fact]> {
        let cell = self.blocks.get(b)?;
        Some(cell.get_or_init(|| {
            let first = b * BLOCK;
            let kinds = self.kinds.get(first..).unwrap_or_default();
            let kinds = kinds.get(..BLOCK).unwrap_or(kinds);
            let count = kinds.len();
            let start = match b {
                0 => 0,
                _ => self.ends.get(b - 1).copied().unwrap_or(0),
            };
            let end = self.ends.get(b).copied().unwrap_or(start);
            self.bytes
                .get(start as usize..end as usize)
                .and_then(self.decode)
                .filter(|facts| facts.iter().map(Fact::kind).eq(kinds.iter().copied()))
                .unwrap_or_else(|| (first..first + count).map(damaged).collect())
                .into_boxed_slice()
        }))
    }

    fn into_vec(self) -> Vec<Fact> {
        for b in 0..self.blocks.len() {
            self.block(b);
        }
        let blocks = self.blocks.into_vec().into_iter();
        blocks.flat_map(OnceLock::into_inner).flatten().collect()
    }
}

/// What stands for a fact whose bytes do not decode. The cache checks an entry's checksum
/// and uses only entries written by this very binary, so this takes a fault in factdeck
/// itself; a quiz still goes on, and says where to look.
fn damaged(i: usize) -> Fact {
    Fact::from(CardFact {
        meta: FactMeta {
            id: format!("damaged-{i}").into(),
            ..FactMeta::default()
        },
        question: "This fact could not be read back from factdeck's deck cache. Delete the \
                   cache directory (see `factdeck --help`) and start again."
            .to_owned(),
        answer: "damaged".into(),
        accept: Vec::new(),
        group: None,
        sort: None,
    })
}

impl From<Vec<Fact>> for Facts {
    fn from(decoded: Vec<Fact>) -> Self {
        Facts {
            decoded,
            encoded: None,
        }
    }
}

impl FromIterator<Fact> for Facts {
    fn from_iter<I: IntoIterator<Item = Fact>>(iter: I) -> Self {
        Facts::from(iter.into_iter().collect::<Vec<_>>())
    }
}

impl Index<usize> for Facts {
    type Output = Fact;

    fn index(&self, i: usize) -> &Fact {
        match self.get(i) {
            Some(fact) => fact,
            None => panic!("fact {i} of a deck of {}", self.len()),
        }
    }
}

impl Clone for Facts {
    fn clone(&self) -> Self {
        self.iter().cloned().collect()
    }
}

impl PartialEq for Facts {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl fmt::Debug for Facts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl serde::Serialize for Facts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> serde::Deserialize<'de> for Facts {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<Fact>::deserialize(d).map(Facts::from)
    }
}

/// The facts in order, each decoded as it is reached.
#[derive(Debug, Clone)]
pub struct Iter<'f> {
    facts: &'f Facts,
    next: usize,
    end: usize,
}

impl<'f> Iterator for Iter<'f> {
    type Item = &'f Fact;

    fn next(&mut self) -> Option<&'f Fact> {
        if self.next >= self.end {
            return None;
        }
        self.next += 1;
        self.facts.get(self.next - 1)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.end - self.next;
        (left, Some(left))
    }

    fn nth(&mut self, n: usize) -> Option<&'f Fact> {
        self.next = self.next.saturating_add(n).min(self.end);
        self.next()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.next >= self.end {
            return None;
        }
        self.end -= 1;
        self.facts.get(self.end)
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'f> IntoIterator for &'f Facts {
    type Item = &'f Fact;
    type IntoIter = Iter<'f>;

    fn into_iter(self) -> Iter<'f> {
        self.iter()
    }
}

impl IntoIterator for Facts {
    type Item = Fact;
    type IntoIter = std::vec::IntoIter<Fact>;

    fn into_iter(self) -> Self::IntoIter {
        self.into_vec().into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cards(n: usize) -> Vec<Fact> {
        (0..n)
            .map(|i| {
                Fact::from(CardFact {
                    meta: FactMeta {
                        id: format!("c{i}").into(),
                        ..FactMeta::default()
                    },
                    question: format!("Question {i}?"),
                    answer: format!("Answer {i}").into(),
                    accept: Vec::new(),
                    group: None,
                    sort: None,
                })
            })
            .collect()
    }

    /// A toy format: each block's first fact's number, and its count, as text.
    fn encoded(facts: &[Fact]) -> Facts {
        let mut bytes = Vec::new();
        let mut ends = Vec::new();
        for (b, block) in facts.chunks(BLOCK).enumerate() {
            bytes.extend_from_slice(format!("{} {}", b * BLOCK, block.len()).as_bytes());
            ends.push(bytes.len() as u32);
        }
        fn decode(bytes: &[u8]) -> Option<Vec<Fact>> {
            let text = std::str::from_utf8(bytes).ok()?;
            let (first, count) = text.split_once(' ')?;
            let (first, count): (usize, usize) = (first.parse().ok()?, count.parse().ok()?);
            Some(cards(first + count).split_off(first))
        }
        let kinds = facts.iter().map(Fact::kind).collect();
        Facts::encoded(kinds, bytes.into(), ends.into(), decode).unwrap()
    }

    #[test]
    fn encoded_facts_read_as_the_facts_they_were() {
        let facts = cards(2 * BLOCK + 5);
        let lazy = encoded(&facts);
        assert_eq!(lazy.len(), facts.len());
        assert_eq!(lazy.get(BLOCK + 7), facts.get(BLOCK + 7));
        assert_eq!(lazy.get(2 * BLOCK + 4), facts.get(2 * BLOCK + 4));
        assert_eq!(lazy.get(facts.len()), None);
        assert_eq!(lazy[0], facts[0]);
        assert!(lazy.iter().eq(facts.iter()));
        assert!(lazy.iter().rev().eq(facts.iter().rev()));
        assert_eq!(lazy.iter().nth(3), facts.get(3));
        assert_eq!(lazy, Facts::from(facts.clone()));
        assert_eq!(lazy.into_vec(), facts);
    }

    #[test]
    fn a_block_is_decoded_only_when_one_of_its_facts_is_read() {
        let lazy = encoded(&cards(3 * BLOCK));
        let e = lazy.encoded.as_ref().unwrap();
        lazy.get(BLOCK + 3);
        let decoded: Vec<bool> = e.blocks.iter().map(|c| c.get().is_some()).collect();
        assert_eq!(decoded, [false, true, false]);
    }

    fn never(_: &[u8]) -> Option<Vec<Fact>> {
        None
    }

    fn card_kinds(n: usize) -> Box<[Kind]> {
        vec![Kind::Card; n].into()
    }

    #[test]
    fn ends_that_do_not_cut_the_bytes_into_blocks_in_order_are_refused() {
        let bytes: Box<[u8]> = b"abcdef".as_slice().into();
        let n = || card_kinds(BLOCK + 1);
        assert!(Facts::encoded(n(), bytes.clone(), [2, 6].into(), never).is_some());
        assert!(Facts::encoded(n(), bytes.clone(), [4, 2].into(), never).is_none());
        assert!(Facts::encoded(n(), bytes.clone(), [2, 5].into(), never).is_none());
        assert!(Facts::encoded(n(), bytes.clone(), [2, 7].into(), never).is_none());
        assert!(Facts::encoded(n(), bytes.clone(), [6].into(), never).is_none());
        let more = card_kinds(3 * BLOCK);
        assert!(Facts::encoded(more, bytes, [2, 6].into(), never).is_none());
    }

    #[test]
    fn bytes_that_do_not_decode_read_as_damaged_facts_not_a_crash() {
        let kinds = card_kinds(BLOCK + 2);
        let lazy = Facts::encoded(kinds, b"ab".as_slice().into(), [1, 2].into(), never);
        let lazy = lazy.unwrap();
        assert_eq!(lazy[BLOCK + 1].id(), format!("damaged-{}", BLOCK + 1));
        assert_eq!(lazy.iter().count(), BLOCK + 2);
    }

    #[test]
    fn a_block_with_the_wrong_number_or_kinds_of_facts_reads_as_damaged() {
        fn one(_: &[u8]) -> Option<Vec<Fact>> {
            Some(cards(1))
        }
        let lazy = Facts::encoded(card_kinds(2), b"a".as_slice().into(), [1].into(), one);
        assert_eq!(lazy.unwrap()[0].id(), "damaged-0");
        let dates = vec![Kind::Date].into();
        let lazy = Facts::encoded(dates, b"a".as_slice().into(), [1].into(), one);
        assert_eq!(lazy.unwrap()[0].id(), "damaged-0");
    }

    #[test]
    fn a_facts_kind_is_known_without_decoding_it() {
        let mut kinds = card_kinds(BLOCK + 1);
        kinds[BLOCK] = Kind::Set;
        let lazy = Facts::encoded(kinds, b"ab".as_slice().into(), [1, 2].into(), never);
        let lazy = lazy.unwrap();
        assert_eq!(lazy.kind(BLOCK), Some(Kind::Set));
        assert_eq!(lazy.kind(BLOCK + 1), None);
        let e = lazy.encoded.as_ref().unwrap();
        assert!(e.blocks.iter().all(|b| b.get().is_none()));
    }

    #[test]
    fn changing_encoded_facts_decodes_them_first() {
        let facts = cards(BLOCK + 3);
        let mut lazy = encoded(&facts);
        lazy.as_mut_vec().pop();
        assert_eq!(lazy.into_vec(), facts[..BLOCK + 2]);
    }
}
