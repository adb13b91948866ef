//! Groups for imported cards, so that multiple choice draws a card's wrong options from
//! cards on the same topic: an Anki tag or deck, or the Quizlet set (file) it came from.
//!
//! Smallest topics first: a card tagged `europe` and `capitals` lands in `capitals` if that
//! group holds four different answers (a question and three wrong options), else in
//! `europe`, else in no group (every card of the deck then lends it options). A tag that
//! every card has tells nothing and is not a group.

use std::collections::{HashMap, HashSet};

use super::ImportedCard;

/// Different answers a group needs: the right one and three wrong options.
const CHOICES: usize = 4;

/// Sets each card's `group`.
pub fn assign(cards: &mut [ImportedCard]) {
    let names = |c: &ImportedCard| -> Vec<String> {
        c.tags.iter().cloned().chain(c.origin.clone()).collect()
    };
    let mut members: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, card) in cards.iter().enumerate() {
        let mut seen = HashSet::new();
        for name in names(card) {
            if seen.insert(name.clone()) {
                members.entry(name).or_default().push(i);
            }
        }
    }
    let mut candidates: Vec<(String, Vec<usize>)> = members
        .into_iter()
        .filter(|(_, m)| m.len() < cards.len())
        .collect();
    // Smallest first; by name among equals, so the same file always gives the same deck.
    candidates.sort_by(|(a, ma), (b, mb)| ma.len().cmp(&mb.len()).then(a.cmp(b)));
    let mut assigned = vec![false; cards.len()];
    for (name, members) in candidates {
        let free: Vec<usize> = members.into_iter().filter(|i| !assigned[*i]).collect();
        let answers: HashSet<String> = free
            .iter()
            .map(|i| cards[*i].answer.to_lowercase())
            .collect();
        if answers.len() < CHOICES {
            continue;
        }
        for i in free {
            assigned[i] = true;
            cards[i].group = Some(name.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(answer: &str, tags: &[&str], origin: Option<&str>) -> ImportedCard {
        ImportedCard {
            question: format!("{answer}?"),
            answer: answer.to_owned(),
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
            origin: origin.map(str::to_owned),
            ..ImportedCard::default()
        }
    }

    fn groups(cards: &[ImportedCard]) -> Vec<Option<&str>> {
        cards.iter().map(|c| c.group.as_deref()).collect()
    }

    #[test]
    fn the_smallest_topic_with_four_answers_wins() {
        let mut cards = vec![
            card("Paris", &["europe", "capitals", "all"], None),
            card("Rome", &["europe", "capitals", "all"], None),
            card("Madrid", &["europe", "capitals", "all"], None),
            card("Lisbon", &["europe", "capitals", "all"], None),
            card("Seine", &["europe", "rivers", "all"], None),
            card("Tiber", &["europe", "all"], None),
            card("Tokyo", &["asia", "all"], None),
        ];
        assign(&mut cards);
        assert_eq!(
            groups(&cards),
            [
                Some("capitals"),
                Some("capitals"),
                Some("capitals"),
                Some("capitals"),
                None,
                None,
                None
            ]
        );
    }

    #[test]
    fn quizlet_sets_become_groups() {
        let mut cards: Vec<ImportedCard> = ["a", "b", "c", "d"]
            .iter()
            .map(|a| card(a, &[], Some("Verbs")))
            .chain(
                ["e", "f", "g", "h"]
                    .iter()
                    .map(|a| card(a, &[], Some("Nouns"))),
            )
            .collect();
        assign(&mut cards);
        assert_eq!(cards[0].group.as_deref(), Some("Verbs"));
        assert_eq!(cards[7].group.as_deref(), Some("Nouns"));
    }
}
