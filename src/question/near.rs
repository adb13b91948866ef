//! Known answers a typo must not be forgiven for: every answer text of the deck (card
//! answers and their spellings, set members, sequence items, change sides), so that
//! "Kim Jong Il" is wrong for "Kim Jong Un" even when the two live in different groups.
//!
//! The grader forgives a typo of distance `d ≤ a` (the answer's typo allowance) unless a
//! rejected text is within `d` of the input; such a text is within `2a` of the answer. So a
//! typed question needs only the deck's texts within `2a` of its answer, and only those
//! with the same numbers (the grader never calls texts with other numbers near). The
//! index buckets texts by their numbers and sorts each bucket by length, so finding them
//! is a scan of a narrow length window, not of the deck.

use std::collections::HashMap;

use crate::deck::{Deck, Fact};
use crate::grade::normalize::{close_distance, digit_runs, key, typo_allowance};

use super::index::item_texts;

/// A window larger than this (a deck of many same-length names without numbers) is cut
/// short: generation stays fast, and only the farthest-from-checked texts are missed.
const MAX_SCAN: usize = 4096;

#[derive(Debug, Default)]
pub struct KnownAnswers {
    /// By the digit runs of the key: (key length in chars, key, text), sorted by length.
    buckets: HashMap<String, Vec<(usize, String, String)>>,
}

fn numbers_of(k: &str) -> String {
    digit_runs(k).collect::<Vec<_>>().join(" ")
}

impl KnownAnswers {
    pub fn build(deck: &Deck) -> Self {
        let mut buckets: HashMap<String, Vec<(usize, String, String)>> = HashMap::new();
        for fact in &deck.facts {
            if matches!(fact, Fact::Date(_) | Fact::Figure(_)) {
                continue;
            }
            for text in item_texts(fact) {
                let k = key(text);
                if k.is_empty() {
                    continue;
                }
                let entry = (k.chars().count(), k, text.to_owned());
                buckets.entry(numbers_of(&entry.1)).or_default().push(entry);
            }
        }
        for bucket in buckets.values_mut() {
            bucket.sort_unstable();
            bucket.dedup_by(|a, b| a.1 == b.1);
        }
        KnownAnswers { buckets }
    }

    /// The deck's texts that a typo of one of `spellings` (the answer and its accepted
    /// forms) could be as near as it is to the answer; none equal to a spelling.
    pub fn near(&self, spellings: &[&str]) -> Vec<String> {
        let keys: Vec<String> = spellings.iter().map(|s| key(s)).collect();
        let mut out: Vec<String> = Vec::new();
        for k in keys.iter().filter(|k| !k.is_empty()) {
            let Some(bucket) = self.buckets.get(&numbers_of(k)) else {
                continue;
            };
            let len = k.chars().count();
            let reach = 2 * typo_allowance(len);
            let start = bucket.partition_point(|(l, _, _)| *l + reach < len);
            let window = bucket[start..]
                .iter()
                .take_while(|(l, _, _)| *l <= len + reach)
                .take(MAX_SCAN);
            for (_, other, text) in window {
                if !keys.contains(other)
                    && close_distance(k, other, reach).is_some()
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
