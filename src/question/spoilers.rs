//! What a run needs to tell whether an answer is written in what many other questions show
//! ([`Generator::spoils_many`]): the words that more than a fifth of the deck's facts show,
//! each with those facts.
//!
//! Only an answer made wholly of such words can be shown by that many facts, so the rest of
//! the deck's words are not kept: the table is small and is worked out once per deck (and
//! kept in its cache entry), instead of every fact's shown text being built and indexed at
//! the first question of every quiz.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::read::normalize::key;

use super::Generator;

/// The words shown by more than [`limit`] facts, with those facts in deck order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spoilers {
    common: HashMap<String, Vec<u32>>,
}

/// How many facts may show an answer before it spoils many: a fifth of the deck, at least 2.
pub fn limit(facts: usize) -> usize {
    (facts / 5).max(2)
}

/// The key of what every question about fact `i` shows: its label and explanation.
pub(super) fn shown_key(g: &Generator, i: usize) -> String {
    let label = g.index.label_key(i);
    format!("{label} {}", key(&g.own_explanation(i)))
}

impl Spoilers {
    pub fn of(g: &Generator) -> Self {
        let facts = g.deck.facts.len();
        let mut by_word: HashMap<String, Vec<u32>> = HashMap::new();
        for i in 0..facts {
            let k = shown_key(g, i);
            let mut words: Vec<&str> = k.split(' ').collect();
            words.sort_unstable();
            words.dedup();
            let at = u32::try_from(i).unwrap_or(u32::MAX);
            for w in words {
                match by_word.get_mut(w) {
                    Some(holders) => holders.push(at),
                    None => {
                        by_word.insert(w.to_owned(), vec![at]);
                    }
                }
            }
        }
        let limit = limit(facts);
        by_word.retain(|_, holders| holders.len() > limit);
        Spoilers { common: by_word }
    }

    /// The facts showing `word`, when more than [`limit`] do; `None` when fewer do.
    pub fn holders(&self, word: &str) -> Option<&[u32]> {
        self.common.get(word).map(Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::question::testing::generator;

    /// A card per name: "Which post did NAME hold?", answered "post N".
    fn cards(names: &[&str]) -> Generator {
        let facts: String = names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                format!(
                    "[[card]]\nid = \"c{i}\"\nquestion = \"Which post did {name} hold?\"\n\
                     answer = \"post {i}\"\n"
                )
            })
            .collect();
        generator(&facts)
    }

    #[test]
    fn only_words_more_than_a_fifth_of_the_facts_show_are_kept() {
        // Ten facts: the limit is 2, and every question shows "which post did".
        let g = cards(&[
            "Kim Il Sung",
            "Kim Jong Il",
            "Kim Jong Un",
            "Ri Sol Ju",
            "Pak Pong Ju",
            "Choe Ryong Hae",
            "Kim Yong Nam",
            "Jang Song Thaek",
            "Hyon Yong Chol",
            "Ri Yong Ho",
        ]);
        let s = Spoilers::of(&g);
        assert_eq!(limit(10), 2);
        assert_eq!(s.holders("post").map(<[u32]>::len), Some(10));
        assert_eq!(s.holders("kim").map(<[u32]>::len), Some(4));
        assert_eq!(
            s.holders("jong"),
            None,
            "two facts are not more than the limit"
        );
        assert_eq!(s.holders("sung"), None);
        assert_eq!(s.holders("kim"), Some(&[0, 1, 2, 6][..]));
    }

    #[test]
    fn given_spoilers_judge_as_worked_out_ones() {
        let answers = [
            "Kim Il Sung",
            "Kim Jong Il",
            "Kim Jong Un",
            "Kim",
            "Ri Sol Ju",
        ];
        let fresh = cards(&answers);
        let given = cards(&answers);
        given.use_spoilers(Spoilers::of(&fresh));
        for fact in 0..answers.len() {
            for q in crate::question::testing::asked(&fresh, fact, crate::question::Form::CardTyped)
            {
                assert_eq!(fresh.spoils_many(&q), given.spoils_many(&q), "{}", q.prompt);
            }
        }
    }
}
