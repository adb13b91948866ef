//! The cards of one review session in the order they come up. A card rated Again (or Hard
//! while it is being relearned) comes back a few cards later, as Anki's learning steps
//! bring it back within minutes, until it is rated Good or Easy or the session ends. With no
//! other card left it comes back at once (Anki's "learn ahead").

use crate::srs::Rating;
use crate::srs::queue::Card;

/// Other cards shown before a forgotten card comes back.
pub const RELEARN_GAP: usize = 3;

/// One showing of a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Turn {
    pub card: Card,
    /// Shown again after Again in this session.
    pub relearning: bool,
}

impl Turn {
    /// Whether this rating sends the card back into the session.
    pub fn comes_back_after(self, rating: Rating) -> bool {
        match rating {
            Rating::Again => true,
            Rating::Hard => self.relearning,
            Rating::Good | Rating::Easy => false,
        }
    }
}

/// The session's turns: those shown, the current one, those to come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turns {
    turns: Vec<Turn>,
    /// Index of the current turn.
    at: usize,
}

/// What moving on did, so that an undo can take it back exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moved {
    /// Where the card was put back in, if it comes back.
    requeued_at: Option<usize>,
}

impl Turns {
    pub fn new(cards: &[Card]) -> Turns {
        Turns {
            turns: cards
                .iter()
                .map(|&card| Turn {
                    card,
                    relearning: false,
                })
                .collect(),
            at: 0,
        }
    }

    /// The turn to show now, if any is left.
    pub fn current(&self) -> Option<Turn> {
        self.turns.get(self.at).copied()
    }

    /// 1-based number of the current turn, and how many there are so far.
    pub fn position(&self) -> (usize, usize) {
        (self.at + 1, self.turns.len())
    }

    /// Moves past the current turn after `rating`, putting the card back a few turns on if
    /// it comes back.
    pub fn rated(&mut self, rating: Rating) -> Moved {
        let Some(turn) = self.current() else {
            return Moved { requeued_at: None };
        };
        self.at += 1;
        let requeued_at = turn.comes_back_after(rating).then(|| {
            let at = (self.at + RELEARN_GAP).min(self.turns.len());
            self.turns.insert(
                at,
                Turn {
                    card: turn.card,
                    relearning: true,
                },
            );
            at
        });
        Moved { requeued_at }
    }

    /// Moves past the current turn without a rating (no question could be made).
    pub fn skip(&mut self) {
        self.at = (self.at + 1).min(self.turns.len());
    }

    /// Takes back the last `rated`: that turn is current again.
    pub fn undo(&mut self, moved: Moved) {
        if let Some(at) = moved.requeued_at
            && at < self.turns.len()
        {
            self.turns.remove(at);
        }
        self.at = self.at.saturating_sub(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::srs::queue::Status;

    fn cards(n: usize) -> Vec<Card> {
        (0..n)
            .map(|fact| Card {
                fact_index: fact,
                status: Status::Due,
            })
            .collect()
    }

    /// The facts shown, rating each with `rate(fact, relearning)` until none is left.
    fn run(n: usize, rate: impl Fn(usize, bool) -> Rating) -> Vec<usize> {
        let mut turns = Turns::new(&cards(n));
        let mut shown = Vec::new();
        while let Some(turn) = turns.current() {
            shown.push(turn.card.fact_index);
            turns.rated(rate(turn.card.fact_index, turn.relearning));
            assert!(shown.len() < 100, "never ends: {shown:?}");
        }
        shown
    }

    #[test]
    fn a_forgotten_card_comes_back_after_three_others_until_it_is_recalled() {
        let shown = run(6, |fact, relearning| match (fact, relearning) {
            (1, false) => Rating::Again,
            (1, true) => Rating::Good,
            _ => Rating::Good,
        });
        assert_eq!(shown, [0, 1, 2, 3, 4, 1, 5]);
    }

    #[test]
    fn hard_while_relearning_keeps_it_coming_and_the_last_card_comes_back_at_once() {
        let tries = std::cell::Cell::new(0);
        let shown = run(2, |fact, relearning| match (fact, relearning) {
            (0, false) => Rating::Again,
            (0, true) if tries.replace(tries.get() + 1) < 2 => Rating::Hard,
            _ => Rating::Good,
        });
        assert_eq!(shown, [0, 1, 0, 0, 0]);
        assert_eq!(
            run(1, |_, _| Rating::Hard),
            [0],
            "Hard on a first showing is done"
        );
    }

    #[test]
    fn undo_restores_the_turns_exactly() {
        let mut turns = Turns::new(&cards(5));
        turns.rated(Rating::Good);
        let before = turns.clone();
        let moved = turns.rated(Rating::Again);
        assert_eq!(turns.position(), (3, 6));
        turns.undo(moved);
        assert_eq!(turns, before);
        let moved = turns.rated(Rating::Easy);
        turns.undo(moved);
        assert_eq!(turns, before);
    }
}
