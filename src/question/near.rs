//! Known answers a typo must not be forgiven for: every answer text of the deck (card
//! answers and their spellings, set members, sequence items, change sides), so that
//! "Kim Jong Il" is wrong for "Kim Jong Un" even when the two live in different groups.
//!
//! The grader forgives a typo of distance `d ≤ a` (the answer's typo allowance) unless a
//! rejected text is within `d` of the input. The texts that matter most are those within
//! `a` of the answer: typed exactly, they would pass as typos. (Texts up to `2a` away can
//! matter for inputs between the two, but searching twice as far made generation several
//! times slower on the 100,000-fact benchmark, so they are left out.) The grader never
//! calls texts with other numbers near, so the index buckets texts by their numbers and
//! sorts each bucket by length (in the grader's units: graphemes, jamo in Hangul): finding them is a scan of a narrow length window (capped,
//! see [`MAX_SCAN`]), not of the deck. Within it, two cheap lower bounds on the edit
//! distance (which letters occur, how often each occurs) skip unlike texts, and a banded
//! edit distance that stops early settles the rest.

use serde::{Deserialize, Serialize};

use crate::deck::Deck;
use crate::read::distance::{Unit, keys_within, typo_allowance, units};
use crate::read::normalize::{digit_runs, key};

use super::index::{Index, ItemRef, item_text};

/// A window larger than this (many texts of about the answer's length and with the same
/// numbers) is cut short, keeping the texts nearest in length: generation stays fast on
/// 100,000-fact decks, and a hand-written deck rarely has this many.
const MAX_SCAN: usize = 24;

/// One known text, by where its text and key are: the deck and the index keep both, so
/// the table is a few bytes a text (it was a copy of each text and its key, a third of the
/// index's memory on a large deck).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Known {
    /// The key's length in the grader's units.
    len: u32,
    item: ItemRef,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct KnownAnswers {
    /// Sorted by the digit runs of the key (see [`by_numbers`]), then by length and key;
    /// one text a key.
    entries: Vec<Known>,
}

/// The order of the keys' digit runs (the order of `Vec<&str>` over them, as `build`
/// sorts): keys with the same numbers sit together, as one bucket.
fn by_numbers(a: &str, b: &str) -> std::cmp::Ordering {
    digit_runs(a).cmp(digit_runs(b))
}

/// How often each character class occurs (a–z, 0–9, space, anything else), and which occur.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Profile {
    present: u64,
    counts: [u8; 38],
}

impl Profile {
    fn of<U: Copy + Into<Unit>>(units: &[U]) -> Self {
        let mut counts = [0u8; 38];
        for u in units.iter().map(|u| (*u).into()) {
            let slot = match u {
                0x61..=0x7a => (u - 0x61) as usize,
                0x30..=0x39 => 26 + (u - 0x30) as usize,
                0x20 => 36,
                _ => 37,
            };
            counts[slot] = counts[slot].saturating_add(1);
        }
        let present = counts
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .fold(0u64, |m, (i, _)| m | 1 << i);
        Profile { present, counts }
    }

    /// Whether the edit distance may be within `reach`: one edit changes which classes
    /// occur by at most two, and the counts by at most two in all.
    fn may_be_within(&self, other: &Profile, reach: usize) -> bool {
        if (self.present ^ other.present).count_ones() as usize > 2 * reach {
            return false;
        }
        let apart: usize = self
            .counts
            .iter()
            .zip(other.counts)
            .map(|(a, b)| usize::from(a.abs_diff(b)))
            .sum();
        apart <= 2 * reach
    }
}

/// A key's length in units and its profile; an ASCII key's units are its bytes.
fn measure(k: &str) -> (usize, Profile) {
    if k.is_ascii() {
        (k.len(), Profile::of(k.as_bytes()))
    } else {
        let own = units(k);
        (own.len(), Profile::of(&own))
    }
}

impl KnownAnswers {
    /// The answer texts of `deck`, whose keys `index` holds (its other parts may still be
    /// in the making).
    pub fn build(deck: &Deck, index: &Index) -> Self {
        let mut entries: Vec<Known> = Vec::new();
        for (f, fact) in deck.facts.iter().enumerate() {
            if !fact.as_kind().items_are_answers() {
                continue;
            }
            for (item, k) in index.keys_of(f).enumerate() {
                if k.is_empty() {
                    continue;
                }
                let len = u32::try_from(measure(k).0).unwrap_or(u32::MAX);
                entries.push(Known {
                    len,
                    item: ItemRef::new(f, item),
                });
            }
        }
        // Stable: of texts with one key, the first in the deck is the one kept.
        entries.sort_by_cached_key(|e| {
            let k = index.key_of(e.item);
            (digit_runs(k).collect::<Vec<_>>(), e.len, k)
        });
        entries.dedup_by(|a, b| index.key_of(a.item) == index.key_of(b.item));
        entries.shrink_to_fit();
        KnownAnswers { entries }
    }

    /// The texts whose key has the same numbers as `k`.
    fn bucket(&self, k: &str, index: &Index) -> &[Known] {
        let lo = self
            .entries
            .partition_point(|e| by_numbers(index.key_of(e.item), k).is_lt());
        let hi = self
            .entries
            .partition_point(|e| by_numbers(index.key_of(e.item), k).is_le());
        self.entries.get(lo..hi).unwrap_or(&[])
    }

    /// The deck's texts that a typo of one of `spellings` (the answer and its accepted
    /// forms) could be as near as it is to the answer; none equal to a spelling. `deck` and
    /// `index` are those this table was built from.
    pub fn near(&self, spellings: &[&str], deck: &Deck, index: &Index) -> Vec<String> {
        let keys: Vec<String> = spellings.iter().map(|s| key(s)).collect();
        let mut out: Vec<String> = Vec::new();
        let mut rows: [Vec<usize>; 3] = Default::default();
        for k in keys.iter().filter(|k| !k.is_empty()) {
            let bucket = self.bucket(k, index);
            if bucket.is_empty() {
                continue;
            }
            let (len, profile) = measure(k);
            let reach = typo_allowance(k);
            let lo = bucket.partition_point(|e| (e.len as usize) + reach < len);
            let hi = bucket.partition_point(|e| e.len as usize <= len + reach);
            let mid = bucket.partition_point(|e| (e.len as usize) < len);
            // Outward from the answer's own length, so a cut-short scan keeps the nearest.
            let above = (mid..hi).map(Some).chain(std::iter::repeat(None));
            let below = (lo..mid).rev().map(Some).chain(std::iter::repeat(None));
            let window = above
                .zip(below)
                .take_while(|(a, b)| a.is_some() || b.is_some())
                .flat_map(|(a, b)| [a, b])
                .flatten()
                .take(MAX_SCAN)
                .filter_map(|i| bucket.get(i));
            // Cheapest and most selective first; all four are pure, so the order changes
            // nothing but the time.
            for entry in window {
                let other = index.key_of(entry.item);
                if measure(other).1.may_be_within(&profile, reach)
                    && keys_within(k, other, reach, &mut rows).is_some()
                    && !keys.iter().any(|own| own == other)
                    && let Some(text) = deck
                        .facts
                        .get(entry.item.fact as usize)
                        .and_then(|f| item_text(f, entry.item.item as usize))
                    && !out.iter().any(|t| t == text)
                {
                    out.push(text.to_owned());
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::question::testing::generator;

    use super::Profile;
    use crate::read::distance::units;

    #[test]
    fn the_profile_bound_never_skips_a_near_text() {
        let pairs = [
            ("kim jong un", "kim jong il", 2),
            ("kim jong un", "kmi jong un", 1),
            ("kim jong un", "kim jong", 3),
            ("ri hyong jin", "ri hyongjin", 1),
        ];
        for (a, b, d) in pairs {
            assert!(
                Profile::of(&units(a)).may_be_within(&Profile::of(&units(b)), d),
                "{a} {b}"
            );
        }
        assert!(
            !Profile::of(&units("kim jong un"))
                .may_be_within(&Profile::of(&units("choe ryong hae")), 2)
        );
    }

    #[test]
    fn near_answers_come_from_anywhere_in_the_deck() {
        let g = generator(concat!(
            "[[card]]\nid = \"a\"\nquestion = \"Who leads?\"\nanswer = \"Kim Jong Un\"\n",
            "group = \"leaders\"\n",
            "[[set]]\nid = \"s\"\nname = \"the founders\"\nmembers = [\"Kim Jong Il\", \"Kim Il Sung\", \"Choe Ryong Hae\"]\n",
        ));
        let near = g.index.known.near(&["Kim Jong Un"], &g.deck, &g.index);
        assert!(near.contains(&"Kim Jong Il".to_owned()), "{near:?}");
        assert!(!near.contains(&"Choe Ryong Hae".to_owned()), "{near:?}");
        assert!(!near.contains(&"Kim Jong Un".to_owned()), "{near:?}");
    }
}
