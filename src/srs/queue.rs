//! Which facts a review session or a focused quiz takes, and in what order.
//!
//! Everything works on [`Known`] facts: an index in the caller's numbering (a fact's
//! position in its deck, or in a quiz's pool of several decks) with its memory, if the
//! fact was ever rated. The order of the slice is the deck's order.

use jiff::Timestamp;

use super::{Memory, Scheduler};

/// A fact and what the scheduler knows about it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Known {
    pub fact: usize,
    /// `None` for a fact never rated: a new card.
    pub memory: Option<Memory>,
}

/// Why a card is in a review session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Its due time is today or past.
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
    pub fact: usize,
    pub status: Status,
}

/// How a quiz picks its facts (`quiz --focus`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    /// Every selected fact, dealt at random.
    #[default]
    All,
    /// Facts due today or overdue, most overdue first.
    Due,
    /// Facts already rated, lowest predicted recall first.
    Weak,
    /// Facts never rated.
    New,
}

/// The review queue: due facts, most overdue first; then up to `new_left` never-rated facts
/// in deck order; `limit` cards at most.
pub fn review(
    facts: &[Known],
    scheduler: &Scheduler,
    now: Timestamp,
    new_left: usize,
    limit: Option<usize>,
) -> Vec<Card> {
    let due = due_by_time(facts, scheduler, now);
    let new = facts
        .iter()
        .filter(|k| k.memory.is_none())
        .take(new_left)
        .map(|k| Card {
            fact: k.fact,
            status: Status::New,
        });
    due.into_iter()
        .map(|fact| Card {
            fact,
            status: Status::Due,
        })
        .chain(new)
        .take(limit.unwrap_or(usize::MAX))
        .collect()
}

/// `--cram`: every fact, those already rated by due time, then the new ones in deck order.
pub fn cram(facts: &[Known], limit: Option<usize>) -> Vec<Card> {
    let mut seen: Vec<(Timestamp, usize)> = facts
        .iter()
        .filter_map(|k| k.memory.map(|m| (m.due, k.fact)))
        .collect();
    seen.sort_by_key(|(due, _)| *due);
    let new = facts.iter().filter(|k| k.memory.is_none()).map(|k| k.fact);
    seen.into_iter()
        .map(|(_, fact)| fact)
        .chain(new)
        .take(limit.unwrap_or(usize::MAX))
        .map(|fact| Card {
            fact,
            status: Status::Cram,
        })
        .collect()
}

/// The facts a focused quiz asks, in order; for [`Focus::All`], every fact in deck order
/// (the quiz deals those itself).
pub fn focus(facts: &[Known], focus: Focus, scheduler: &Scheduler, now: Timestamp) -> Vec<usize> {
    match focus {
        Focus::All => facts.iter().map(|k| k.fact).collect(),
        Focus::Due => due_by_time(facts, scheduler, now),
        Focus::New => facts
            .iter()
            .filter(|k| k.memory.is_none())
            .map(|k| k.fact)
            .collect(),
        Focus::Weak => {
            let mut weak: Vec<(f32, usize)> = facts
                .iter()
                .filter_map(|k| {
                    k.memory
                        .map(|m| (scheduler.retrievability(&m, now), k.fact))
                })
                .collect();
            weak.sort_by(|a, b| a.0.total_cmp(&b.0));
            weak.into_iter().map(|(_, fact)| fact).collect()
        }
    }
}

/// How many facts were rated for the first time today: today's new cards so far.
pub fn introduced_today(facts: &[Known], scheduler: &Scheduler, now: Timestamp) -> usize {
    let today = scheduler.start_of_day(now);
    facts
        .iter()
        .filter(|k| k.memory.is_some_and(|m| m.first_review >= today))
        .count()
}

/// When the first fact that is not due today comes due.
pub fn next_due(facts: &[Known], scheduler: &Scheduler, now: Timestamp) -> Option<Timestamp> {
    facts
        .iter()
        .filter_map(|k| k.memory)
        .filter(|m| !scheduler.is_due(m, now))
        .map(|m| m.due)
        .min()
}

/// Facts due today, most overdue first (deck order among equal due times).
fn due_by_time(facts: &[Known], scheduler: &Scheduler, now: Timestamp) -> Vec<usize> {
    let mut due: Vec<(Timestamp, usize)> = facts
        .iter()
        .filter_map(|k| k.memory.map(|m| (m, k.fact)))
        .filter(|(m, _)| scheduler.is_due(m, now))
        .map(|(m, fact)| (m.due, fact))
        .collect();
    due.sort_by_key(|(due, _)| *due);
    due.into_iter().map(|(_, fact)| fact).collect()
}

#[cfg(test)]
mod tests;
