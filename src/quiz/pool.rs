//! The questions of a quiz drawn from one or more decks, dealt so that no fact comes twice
//! before every selected fact has come once, or taken in a fixed order (`--focus`).

use rand::Rng;

use crate::question::select::KEPT_CLEAR;
use crate::question::{Blocked, Dealer, Dealing, Generator, Question, Run, Selection, select};

/// One deck of the quiz, ready to make questions.
#[derive(Debug)]
pub struct PoolDeck {
    pub id: String,
    /// A hash of the deck file's content, stored with each session.
    pub hash: String,
    pub generator: Generator,
}

/// A question with the deck it came from.
#[derive(Debug, Clone)]
pub struct Dealt {
    pub deck: usize,
    pub question: Question,
}

/// Every selected fact of every deck, numbered globally so one dealer covers them all.
#[derive(Debug)]
pub struct Pool {
    decks: Vec<PoolDeck>,
    /// (deck, fact index) for each global fact number.
    facts: Vec<(usize, usize)>,
    order: Order,
    /// The questions asked so far, which the next may not answer nor be answered by.
    run: Run,
    /// Global fact numbers every question about which would cross the run.
    blocked: Blocked,
}

/// How the next fact is chosen.
#[derive(Debug)]
enum Order {
    /// At random, every fact once per round.
    Dealt(Dealer),
    /// These global fact numbers, each once, then no more.
    Fixed(std::vec::IntoIter<usize>),
}

impl Pool {
    /// `None` when the selection leaves no fact in any deck.
    pub fn new(decks: Vec<PoolDeck>, selection: &Selection) -> Option<Pool> {
        let facts: Vec<(usize, usize)> = decks
            .iter()
            .enumerate()
            .flat_map(|(d, deck)| {
                select(deck.generator.deck(), selection)
                    .into_iter()
                    .map(move |f| (d, f))
            })
            .collect();
        if facts.is_empty() {
            return None;
        }
        let dealer = Dealer::new((0..facts.len()).collect());
        Some(Pool {
            decks,
            facts,
            order: Order::Dealt(dealer),
            run: Run::default(),
            blocked: Blocked::default(),
        })
    }

    pub fn decks(&self) -> &[PoolDeck] {
        &self.decks
    }

    /// How many facts the quiz draws from.
    pub fn fact_count(&self) -> usize {
        self.facts.len()
    }

    /// (deck, fact index in that deck) for each global fact number.
    pub fn facts(&self) -> &[(usize, usize)] {
        &self.facts
    }

    /// Asks these global fact numbers in this order, each once, instead of dealing.
    pub fn set_order(&mut self, order: Vec<usize>) {
        self.order = Order::Fixed(order.into_iter());
    }

    /// The next question; `None` when no selected fact can be asked at all (or, in a fixed
    /// order, no fact is left). Across decks too, no question answers another of the quiz
    /// while facts that keep clear of each other are left (see [`Run`]); a fixed order asks
    /// its facts as they come.
    pub fn next<R: Rng + ?Sized>(&mut self, rng: &mut R) -> Option<Dealt> {
        loop {
            let past_limit = self.run.len() >= KEPT_CLEAR;
            let (global, strict) = match &mut self.order {
                Order::Dealt(dealer) => {
                    let global = dealer.deal(rng)?;
                    // Only blocked facts left in the round: keeping apart would stall.
                    let stuck =
                        self.blocked.has(global) && self.blocked.covers(dealer.rest_of_round());
                    let strict = !(past_limit || stuck);
                    if strict && self.blocked.has(global) {
                        dealer.pass(global);
                        continue;
                    }
                    (global, strict)
                }
                Order::Fixed(order) => (order.next()?, false),
            };
            let &(deck, fact) = self.facts.get(global)?;
            match self.decks[deck]
                .generator
                .deal_into(fact, &self.run, strict, rng)
            {
                Dealing::Asked(question) => {
                    self.run.record(&question);
                    return Some(Dealt {
                        deck,
                        question: *question,
                    });
                }
                Dealing::Blocked => {
                    self.blocked.add(global);
                    if let Order::Dealt(dealer) = &mut self.order {
                        dealer.pass(global);
                    }
                }
                // A fact no question can be made about (`check` reports it as an error).
                Dealing::Unaskable => {
                    if let Order::Dealt(dealer) = &mut self.order {
                        dealer.remove(global);
                    }
                }
            }
        }
    }

    /// The id shown and stored for the whole session: the deck's, or "a+b" for several.
    pub fn session_deck_id(&self) -> String {
        self.decks
            .iter()
            .map(|d| d.id.as_str())
            .collect::<Vec<_>>()
            .join("+")
    }

    /// The content hash stored for the session (several decks: their hashes joined).
    pub fn session_hash(&self) -> String {
        self.decks
            .iter()
            .map(|d| d.hash.as_str())
            .collect::<Vec<_>>()
            .join("+")
    }
}
