//! Which facts a quiz asks about, and in what order.

use rand::Rng;
use rand::seq::SliceRandom;

use crate::deck::{Deck, Kind};

use super::{Generator, Question, Run};

/// Filters for the facts of a quiz; an empty list means "no filter".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub kinds: Vec<Kind>,
    /// A fact matches when it has any of these tags (case does not matter).
    pub tags: Vec<String>,
}

/// The indexes of the deck's facts that `selection` lets through, in deck order.
pub fn select(deck: &Deck, selection: &Selection) -> Vec<usize> {
    // A deck read from its cache decodes a fact when it is first read: without a filter,
    // none needs to be.
    if selection.kinds.is_empty() && selection.tags.is_empty() {
        return (0..deck.facts.len()).collect();
    }
    let facts = &deck.facts;
    (0..facts.len())
        .filter(|&i| {
            selection.kinds.is_empty()
                || facts.kind(i).is_some_and(|k| selection.kinds.contains(&k))
        })
        .filter(|&i| {
            selection.tags.is_empty()
                || facts.get(i).is_some_and(|f| {
                    f.meta()
                        .tags
                        .iter()
                        .any(|t| selection.tags.iter().any(|s| s.eq_ignore_ascii_case(t)))
                })
        })
        .collect()
}

/// Deals the selected facts like a shuffled deck of cards: every fact once, in random
/// order, before any fact comes again; then a fresh shuffle that does not start with the
/// fact just dealt.
#[derive(Debug, Clone)]
pub struct Dealer {
    facts: Vec<usize>,
    /// Facts taken out, skipped when dealt and dropped at the next round (taking one out of
    /// the middle of a round of 100,000 at once would cost the round's length each time).
    removed: std::collections::HashSet<usize>,
    round: Vec<usize>,
    next: usize,
    last: Option<usize>,
}

impl Dealer {
    pub fn new(facts: Vec<usize>) -> Self {
        Dealer {
            facts,
            removed: std::collections::HashSet::new(),
            round: Vec::new(),
            next: 0,
            last: None,
        }
    }

    /// The next fact to ask about; `None` only when no facts are left.
    pub fn deal<R: Rng + ?Sized>(&mut self, rng: &mut R) -> Option<usize> {
        loop {
            if self.next >= self.round.len() {
                if !self.removed.is_empty() {
                    let removed = std::mem::take(&mut self.removed);
                    self.facts.retain(|f| !removed.contains(f));
                }
                self.round = self.facts.clone();
                self.round.shuffle(rng);
                if self.round.len() > 1 && self.round.first() == self.last.as_ref() {
                    let end = self.round.len() - 1;
                    self.round.swap(0, end);
                }
                self.next = 0;
            }
            let fact = *self.round.get(self.next)?;
            self.next += 1;
            if self.removed.contains(&fact) {
                continue;
            }
            self.last = Some(fact);
            return Some(fact);
        }
    }

    /// The facts still to come in this round.
    pub fn rest_of_round(&self) -> &[usize] {
        self.round.get(self.next..).unwrap_or(&[])
    }

    /// Puts the fact just dealt back at the end of this round: it is asked after the others
    /// of the round, not skipped until the next (every fact once before any twice).
    pub fn pass(&mut self, fact: usize) {
        self.round.push(fact);
    }

    /// Takes a fact out of the deal (one that no question can be made about).
    pub fn remove(&mut self, fact: usize) {
        self.removed.insert(fact);
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many facts are being dealt.
    pub fn len(&self) -> usize {
        self.facts.len() - self.removed.len()
    }
}

/// Facts of a run that every question tried would cross: a run only grows, so they stay
/// so. When only such facts are left in a round, the run gives up keeping its questions
/// apart rather than asking a fact twice before another once.
#[derive(Debug, Default, Clone)]
pub struct Blocked(std::collections::HashSet<usize>);

impl Blocked {
    pub fn add(&mut self, fact: usize) {
        self.0.insert(fact);
    }

    pub fn has(&self, fact: usize) -> bool {
        self.0.contains(&fact)
    }

    /// Whether every one of `facts` is blocked: the round has nothing else left to ask.
    pub fn covers(&self, facts: &[usize]) -> bool {
        facts.iter().all(|f| self.has(*f))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// What dealing a fact into a run gave.
#[derive(Debug)]
pub enum Dealing {
    Asked(Box<Question>),
    /// Every question tried would answer, or be answered by, one asked already (or is one
    /// asked already): the fact waits for a later round.
    Blocked,
    /// No question can be made about the fact.
    Unaskable,
}

/// Questions tried per fact before it waits for later in the round.
const ATTEMPTS: usize = 4;

/// A run keeps this many questions clear of each other: every quiz and every `generate` of
/// that many; past it (a benchmark of 100,000, an export), questions are dealt as they come.
pub const KEPT_CLEAR: usize = 1_000;

impl Generator {
    /// A question about `fact` for `run`. `strict`: one that neither answers nor is
    /// answered by a question of the run, and is not one asked already; otherwise, when
    /// a whole round of facts found none, one that is at least not asked already (the deck
    /// has too few facts that keep clear of each other), and at last any.
    pub fn deal_into<R: Rng + ?Sized>(
        &self,
        fact: usize,
        run: &Run,
        strict: bool,
        rng: &mut R,
    ) -> Dealing {
        let mut fallback = None;
        for _ in 0..ATTEMPTS {
            let Some(q) = self.generate_for(fact, rng) else {
                continue;
            };
            if (run.admits(&q) && !(strict && self.spoils_many(&q)))
                || (!strict && !run.repeats(&q))
            {
                return Dealing::Asked(Box::new(q));
            }
            fallback.get_or_insert(q);
        }
        match fallback {
            Some(q) if !strict => Dealing::Asked(Box::new(q)),
            Some(_) => Dealing::Blocked,
            None => Dealing::Unaskable,
        }
    }

    /// `count` questions about `facts`, dealt by a [`Dealer`]: no fact twice before every
    /// fact once, and no question answering another (see [`Run`]) while the deck has facts
    /// that keep clear of each other. Facts no question can be made about are skipped;
    /// fewer than `count` questions come back only when no fact can be asked at all.
    pub fn questions<R: Rng + ?Sized>(
        &self,
        facts: &[usize],
        count: usize,
        rng: &mut R,
    ) -> Vec<Question> {
        let mut dealer = Dealer::new(facts.to_vec());
        let mut run = Run::default();
        let mut blocked = Blocked::default();
        // Room for one round: `count` may be far beyond what is worth reserving.
        let mut out = Vec::with_capacity(count.min(facts.len()));
        while out.len() < count {
            let Some(fact) = dealer.deal(rng) else { break };
            if out.len() >= KEPT_CLEAR {
                match self.generate_for(fact, rng) {
                    Some(q) => out.push(q),
                    None => dealer.remove(fact),
                }
                continue;
            }
            // Only a blocked fact needs to know whether anything else is left.
            let strict = !(blocked.has(fact) && blocked.covers(dealer.rest_of_round()));
            if strict && blocked.has(fact) {
                dealer.pass(fact);
                continue;
            }
            match self.deal_into(fact, &run, strict, rng) {
                Dealing::Asked(q) => {
                    run.record(&q);
                    out.push(*q);
                }
                Dealing::Blocked => {
                    blocked.add(fact);
                    dealer.pass(fact);
                }
                Dealing::Unaskable => dealer.remove(fact),
            }
        }
        out
    }

    /// Every applicable form of every fact in `facts`, fact by fact.
    pub fn all_questions<R: Rng + ?Sized>(&self, facts: &[usize], rng: &mut R) -> Vec<Question> {
        facts
            .iter()
            .flat_map(|f| self.every_form(*f, rng))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::question::rng_from_seed;

    #[test]
    fn every_fact_is_dealt_once_per_round() {
        let mut rng = rng_from_seed(1);
        let mut dealer = Dealer::new((0..7).collect());
        let mut previous = None;
        for _round in 0..20 {
            let mut seen: Vec<usize> = (0..7).filter_map(|_| dealer.deal(&mut rng)).collect();
            assert_ne!(seen.first().copied(), previous, "a fact twice in a row");
            previous = seen.last().copied();
            seen.sort_unstable();
            assert_eq!(seen, (0..7).collect::<Vec<_>>());
        }
    }

    #[test]
    fn one_fact_can_be_asked_by_its_id() {
        let g = crate::question::testing::generator(
            "[[card]]\nid = \"a\"\nquestion = \"Q?\"\nanswer = \"A\"\n\
             [[card]]\nid = \"b\"\nquestion = \"R?\"\nanswer = \"B\"\n",
        );
        let at = g.position("b").unwrap();
        let q = g.generate_for(at, &mut rng_from_seed(0)).unwrap();
        assert_eq!((q.fact.as_str(), q.answer_text().as_str()), ("b", "B"));
        assert_eq!(g.position("c"), None);
    }

    #[test]
    fn removed_facts_are_not_dealt_again() {
        let mut rng = rng_from_seed(2);
        let mut dealer = Dealer::new(vec![0, 1, 2]);
        let first = dealer.deal(&mut rng).unwrap();
        dealer.remove(first);
        let rest: Vec<usize> = (0..10).filter_map(|_| dealer.deal(&mut rng)).collect();
        assert!(!rest.contains(&first));
        dealer.remove(rest[0]);
        dealer.remove(rest[1]);
        assert!(dealer.is_empty());
        assert_eq!(dealer.deal(&mut rng), None);
    }
}
