//! Which facts a review session or a focused quiz takes, and in what order.
//!
//! Facts are slice indexes in the caller's numbering (positions in a deck, or in a quiz's
//! pool of several decks), in deck order. Each holds what the queues need: [`Seen`] (due
//! time and first review) for a fact rated before, `None` for a new one. Only "weakest
//! first" needs the whole [`Memory`]: reading less from the store is what keeps a queue of
//! 100,000 facts well under 50 ms.

use jiff::Timestamp;

use super::{Memory, Scheduler};

/// What the queues need to know about a fact rated before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    pub due: Timestamp,
    /// The day it was first rated is the day it counted as a new card.
    pub first_review: Timestamp,
}

impl From<&Memory> for Seen {
    fn from(m: &Memory) -> Seen {
        Seen {
            due: m.due,
            first_review: m.first_review,
        }
    }
}

/// Why a card is in a review session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Its due time has passed.
    Due,
    /// Never rated before.
    New,
    /// `--cram`: reviewed off the schedule.
    Cram,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Due => "due",
            Status::New => "new",
            Status::Cram => "cram",
        }
    }
}

/// One card of a review session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Card {
    /// The fact's position in its deck (not its id).
    pub fact_index: usize,
    pub status: Status,
}

/// The review queue: facts due now, most overdue first; then up to `new_left` never-rated facts
/// in deck order; `limit` cards at most.
pub fn review(
    facts: &[Option<Seen>],
    now: Timestamp,
    new_left: usize,
    limit: Option<usize>,
) -> Vec<Card> {
    let due = due_first(facts, now).into_iter().map(|fact| Card {
        fact_index: fact,
        status: Status::Due,
    });
    let new = unseen(facts).take(new_left).map(|fact| Card {
        fact_index: fact,
        status: Status::New,
    });
    due.chain(new).take(limit.unwrap_or(usize::MAX)).collect()
}

/// `--cram`: every fact, those already rated by due time, then the new ones in deck order.
pub fn cram(facts: &[Option<Seen>], limit: Option<usize>) -> Vec<Card> {
    let mut seen: Vec<(Timestamp, usize)> = facts
        .iter()
        .enumerate()
        .filter_map(|(fact, s)| s.map(|s| (s.due, fact)))
        .collect();
    seen.sort_by_key(|(due, _)| *due);
    seen.into_iter()
        .map(|(_, fact)| fact)
        .chain(unseen(facts))
        .take(limit.unwrap_or(usize::MAX))
        .map(|fact| Card {
            fact_index: fact,
            status: Status::Cram,
        })
        .collect()
}

/// Facts due now (their due time has passed), most overdue first; deck order among equal
/// times.
pub fn due_first(facts: &[Option<Seen>], now: Timestamp) -> Vec<usize> {
    let mut due: Vec<(Timestamp, usize)> = facts
        .iter()
        .enumerate()
        .filter_map(|(fact, s)| s.map(|s| (s.due, fact)))
        .filter(|(due, _)| *due <= now)
        .collect();
    due.sort_by_key(|(due, _)| *due);
    due.into_iter().map(|(_, fact)| fact).collect()
}

/// Facts never rated, in deck order.
pub fn unseen(facts: &[Option<Seen>]) -> impl Iterator<Item = usize> + '_ {
    facts
        .iter()
        .enumerate()
        .filter(|(_, s)| s.is_none())
        .map(|(fact, _)| fact)
}

/// Facts rated before, lowest predicted recall first (`quiz --focus weak`).
pub fn weakest(facts: &[Option<Memory>], scheduler: &Scheduler, now: Timestamp) -> Vec<usize> {
    let mut weak: Vec<(f32, usize)> = facts
        .iter()
        .enumerate()
        .filter_map(|(fact, m)| m.map(|m| (scheduler.retrievability(&m, now), fact)))
        .collect();
    weak.sort_by(|a, b| a.0.total_cmp(&b.0));
    weak.into_iter().map(|(_, fact)| fact).collect()
}

/// How many facts were rated for the first time today: today's new cards so far.
pub fn introduced_today(facts: &[Option<Seen>], scheduler: &Scheduler, now: Timestamp) -> usize {
    let today = scheduler.start_of_day(now);
    facts
        .iter()
        .flatten()
        .filter(|s| s.first_review >= today)
        .count()
}

/// How many facts are due now.
pub fn due_now(facts: &[Option<Seen>], now: Timestamp) -> usize {
    facts.iter().flatten().filter(|s| s.due <= now).count()
}

/// When the first fact that is not due yet comes due.
pub fn next_due(facts: &[Option<Seen>], now: Timestamp) -> Option<Timestamp> {
    facts
        .iter()
        .flatten()
        .map(|s| s.due)
        .filter(|due| *due > now)
        .min()
}

#[cfg(test)]
mod tests;
