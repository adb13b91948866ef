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
//! sorts each bucket by length: finding them is a scan of a narrow length window (capped,
//! see [`MAX_SCAN`]), not of the deck. Within it, two cheap lower bounds on the edit
//! distance (which letters occur, how often each occurs) skip unlike texts, and a banded
//! edit distance that stops early settles the rest.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_big_array::BigArray;

use crate::deck::{Deck, Fact};
use crate::grade::normalize::{digit_runs, key, typo_allowance};

/// Whether the optimal-string-alignment distance of `a` and `b` (the grader's distance) is
/// at most `k`: only the diagonal band of width `2k + 1` is computed, and it stops as soon
/// as a whole row exceeds `k`. On bytes, as keys are ASCII (`key` transliterates).
fn within(a: &[u8], b: &[u8], k: usize, rows: &mut [Vec<usize>; 3]) -> bool {
    if a.len().abs_diff(b.len()) > k {
        return false;
    }
    let inf = k + 1;
    let width = b.len() + 1;
    let [before, prev, row] = rows;
    before.clear();
    before.resize(width, inf);
    prev.clear();
    prev.extend((0..width).map(|j| j.min(inf)));
    row.clear();
    row.resize(width, inf);
    for i in 1..=a.len() {
        let from = i.saturating_sub(k).max(1);
        let to = (i + k).min(b.len());
        row.fill(inf);
        row[0] = i.min(inf);
        let mut best = row[0];
        for j in from..=to {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j - 1] + cost).min(prev[j] + 1).min(row[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            row[j] = d.min(inf);
            best = best.min(row[j]);
        }
        if best > k {
            return false;
        }
        std::mem::swap(before, prev);
        std::mem::swap(prev, row);
    }
    prev[b.len()] <= k
}

use super::index::item_texts;

/// A window larger than this (many texts of about the answer's length and with the same
/// numbers) is cut short, keeping the texts nearest in length: generation stays fast on
/// 100,000-fact decks, and a hand-written deck rarely has this many.
const MAX_SCAN: usize = 24;

/// One known text: its key's length in chars, its letter profile, its key and the text.
type Entry = (usize, Profile, String, String);

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct KnownAnswers {
    /// By the digit runs of the key, sorted by length.
    buckets: HashMap<String, Vec<Entry>>,
}

fn numbers_of(k: &str) -> String {
    digit_runs(k).collect::<Vec<_>>().join(" ")
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
    fn of(k: &str) -> Self {
        let mut counts = [0u8; 38];
        for c in k.chars() {
            let slot = match c {
                'a'..='z' => c as usize - 'a' as usize,
                '0'..='9' => 26 + (c as usize - '0' as usize),
                ' ' => 36,
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

impl KnownAnswers {
    /// `item_keys` are the keys of each fact's [`item_texts`], as the index has them.
    pub fn build(deck: &Deck, item_keys: &[Vec<String>]) -> Self {
        let mut buckets: HashMap<String, Vec<Entry>> = HashMap::new();
        for (fact, keys) in deck.facts.iter().zip(item_keys) {
            if matches!(fact, Fact::Date(_) | Fact::Figure(_)) {
                continue;
            }
            for (text, k) in item_texts(fact).into_iter().zip(keys) {
                if k.is_empty() {
                    continue;
                }
                let entry = (
                    k.chars().count(),
                    Profile::of(k),
                    k.clone(),
                    text.to_owned(),
                );
                buckets.entry(numbers_of(k)).or_default().push(entry);
            }
        }
        for bucket in buckets.values_mut() {
            bucket.sort_unstable_by(|a, b| (a.0, &a.2).cmp(&(b.0, &b.2)));
            bucket.dedup_by(|a, b| a.2 == b.2);
        }
        KnownAnswers { buckets }
    }

    /// The deck's texts that a typo of one of `spellings` (the answer and its accepted
    /// forms) could be as near as it is to the answer; none equal to a spelling.
    pub fn near(&self, spellings: &[&str]) -> Vec<String> {
        let keys: Vec<String> = spellings.iter().map(|s| key(s)).collect();
        let mut out: Vec<String> = Vec::new();
        let mut rows: [Vec<usize>; 3] = Default::default();
        for k in keys.iter().filter(|k| !k.is_empty()) {
            let Some(bucket) = self.buckets.get(&numbers_of(k)) else {
                continue;
            };
            let len = k.chars().count();
            let reach = typo_allowance(len);
            let profile = Profile::of(k);
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
            for (_, other_profile, other, text) in window {
                if profile.may_be_within(other_profile, reach)
                    && !keys.contains(other)
                    && within(k.as_bytes(), other.as_bytes(), reach, &mut rows)
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

    use super::{Profile, within};

    #[test]
    fn the_banded_distance_agrees_with_strsim() {
        let words = [
            "kim jong un",
            "kim jong il",
            "kmi jong un",
            "kim jong",
            "ri hyong jin",
            "ri hyongjin",
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "kim il sung",
            "choe ryong hae",
        ];
        for a in words {
            for b in words {
                let d = strsim::osa_distance(a, b);
                let mut rows = Default::default();
                for k in 0..6 {
                    let near = within(a.as_bytes(), b.as_bytes(), k, &mut rows);
                    assert_eq!(near, d <= k, "{a} {b} {k}");
                }
            }
        }
    }

    #[test]
    fn the_profile_bound_never_skips_a_near_text() {
        let pairs = [
            ("kim jong un", "kim jong il", 2),
            ("kim jong un", "kmi jong un", 1),
            ("kim jong un", "kim jong", 3),
            ("ri hyong jin", "ri hyongjin", 1),
        ];
        for (a, b, d) in pairs {
            assert!(Profile::of(a).may_be_within(&Profile::of(b), d), "{a} {b}");
        }
        assert!(!Profile::of("kim jong un").may_be_within(&Profile::of("choe ryong hae"), 2));
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
