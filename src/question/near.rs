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

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_big_array::BigArray;

use crate::deck::Deck;
use crate::read::distance::{Unit, keys_within, typo_allowance, units};
use crate::read::normalize::{digit_runs, key};

use super::index::item_texts;

/// A window larger than this (many texts of about the answer's length and with the same
/// numbers) is cut short, keeping the texts nearest in length: generation stays fast on
/// 100,000-fact decks, and a hand-written deck rarely has this many.
const MAX_SCAN: usize = 24;

/// One known text: its key's length in units, its letter profile, its key and the text.
type Entry = (usize, Profile, String, String);

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct KnownAnswers {
    /// By the digit runs of the key, sorted by length.
    buckets: HashMap<String, Vec<Entry>>,
}

fn numbers_of(k: &str) -> String {
    let mut out = String::new();
    for run in digit_runs(k) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(run);
    }
    out
}

/// How often each character class occurs (a–z, 0–9, space, anything else), and which occur.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
struct Profile {
    present: u64,
    // serde's own array impls stop at 32 elements.
    #[serde(with = "BigArray")]
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
    /// `item_keys` are the keys of each fact's [`item_texts`], as the index has them.
    pub fn build(deck: &Deck, item_keys: &[Vec<String>]) -> Self {
        let mut buckets: HashMap<String, Vec<Entry>> = HashMap::new();
        for (fact, keys) in deck.facts.iter().zip(item_keys) {
            if !fact.as_kind().items_are_answers() {
                continue;
            }
            for (text, k) in item_texts(fact).into_iter().zip(keys) {
                if k.is_empty() {
                    continue;
                }
                let (len, profile) = measure(k);
                let entry = (len, profile, k.clone(), text.to_owned());
                let numbers = numbers_of(k);
                match buckets.get_mut(&numbers) {
                    Some(bucket) => bucket.push(entry),
                    None => {
                        buckets.insert(numbers, vec![entry]);
                    }
                }
            }
        }
        for bucket in buckets.values_mut() {
            bucket.sort_unstable_by(|a, b| (a.0, &a.2).cmp(&(b.0, &b.2)));
            bucket.dedup_by(|a, b| a.2 == b.2);
        }
        KnownAnswers { buckets }
    }

    /// The texts whose key has the same numbers as `k`, without building the bucket's name
    /// for the common keys of one number or none.
    fn bucket(&self, k: &str) -> Option<&Vec<Entry>> {
        let mut runs = digit_runs(k);
        match (runs.next(), runs.next()) {
            (None, _) => self.buckets.get(""),
            (Some(only), None) => self.buckets.get(only),
            _ => self.buckets.get(&numbers_of(k)),
        }
    }

    /// The deck's texts that a typo of one of `spellings` (the answer and its accepted
    /// forms) could be as near as it is to the answer; none equal to a spelling.
    pub fn near(&self, spellings: &[&str]) -> Vec<String> {
        let keys: Vec<String> = spellings.iter().map(|s| key(s)).collect();
        let mut out: Vec<String> = Vec::new();
        let mut rows: [Vec<usize>; 3] = Default::default();
        for k in keys.iter().filter(|k| !k.is_empty()) {
            let Some(bucket) = self.bucket(k) else {
                continue;
            };
            let (len, profile) = measure(k);
            let reach = typo_allowance(k);
            let lo = bucket.partition_point(|(l, ..)| *l + reach < len);
            let hi = bucket.partition_point(|(l, ..)| *l <= len + reach);
            let mid = bucket.partition_point(|(l, ..)| *l < len);
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
            for (_, other_profile, other, text) in window {
                if profile.may_be_within(other_profile, reach)
                    && keys_within(k, other, reach, &mut rows).is_some()
                    && !keys.contains(other)
                    && !out.contains(text)
                {
                    out.push(text.clone());
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
        let near = g.index.known.near(&["Kim Jong Un"]);
        assert!(near.contains(&"Kim Jong Il".to_owned()), "{near:?}");
        assert!(!near.contains(&"Choe Ryong Hae".to_owned()), "{near:?}");
        assert!(!near.contains(&"Kim Jong Un".to_owned()), "{near:?}");
    }
}
