//! The scheduling step: from a fact's memory, a rating and the time, to its next memory.

use fsrs::{FSRS, FSRS6_DEFAULT_DECAY, MemoryState, NextStates, current_retrievability};
use jiff::civil::Date;
use std::sync::OnceLock;

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, ToSpan};

use super::{Memory, Rating, Retention};

/// The longest interval: FSRS caps stability at 100 years, and so do we.
const MAX_INTERVAL_DAYS: f32 = 36_500.0;

/// How long until a fact comes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interval {
    /// Whole local days: due at the same time of day, `n` days on.
    Days(i64),
    /// Under a day (after Again on a young card): back within hours, to the minute.
    Minutes(i64),
}

/// The interval for FSRS's interval in days: whole days (rounded, as Anki does) from one day
/// on; below a day, the minutes, so a forgotten card comes back the same day.
pub fn interval_after(days: f32) -> Interval {
    let days = if days.is_finite() {
        days.clamp(0.0, MAX_INTERVAL_DAYS)
    } else {
        1.0
    };
    if days >= 1.0 {
        Interval::Days(days.round() as i64)
    } else {
        Interval::Minutes(((days * 1440.0).round() as i64).max(1))
    }
}

/// FSRS-6 with default parameters, a desired retention, and the learner's calendar.
#[derive(Debug, Clone)]
pub struct Scheduler {
    fsrs: FSRS,
    retention: Retention,
    /// Found on first use: finding the system's zone can mean reading the whole zoneinfo
    /// tree, which a quiz should not pay before its first question.
    tz: OnceLock<TimeZone>,
}

impl Scheduler {
    pub fn new(retention: Retention, tz: TimeZone) -> Scheduler {
        Scheduler {
            fsrs: FSRS::default(),
            retention,
            tz: OnceLock::from(tz),
        }
    }

    /// On the system's time zone, looked up when first needed.
    pub fn local(retention: Retention) -> Scheduler {
        Scheduler {
            fsrs: FSRS::default(),
            retention,
            tz: OnceLock::new(),
        }
    }

    pub fn retention(&self) -> Retention {
        self.retention
    }

    /// The same scheduler aiming at another retention (replaying past reviews, each with the
    /// retention it was made with).
    pub fn with_retention(&self, retention: Retention) -> Scheduler {
        Scheduler {
            retention,
            ..self.clone()
        }
    }

    pub fn time_zone(&self) -> &TimeZone {
        self.tz.get_or_init(TimeZone::system)
    }

    /// The memory after rating a fact at `now`; `previous` is `None` for a fact never rated.
    pub fn next(&self, previous: Option<&Memory>, rating: Rating, now: Timestamp) -> Memory {
        let elapsed = previous.map_or(0, |m| self.days_between(m.last_review, now));
        let state = previous.map(|m| MemoryState {
            stability: m.stability,
            difficulty: m.difficulty,
        });
        let retention = self.retention.get();
        // FSRS only refuses a state that is not finite; such a fact starts over as new.
        let next = self
            .fsrs
            .next_states(state, retention, elapsed)
            .or_else(|_| self.fsrs.next_states(None, retention, 0));
        let (memory, interval) = match next {
            Ok(states) => pick(states, rating),
            // Unreachable with the default parameters; a day is the safe guess.
            Err(_) => (
                MemoryState {
                    stability: 1.0,
                    difficulty: 5.0,
                },
                1.0,
            ),
        };
        let lapsed = previous.is_some() && rating == Rating::Again;
        Memory {
            stability: memory.stability,
            difficulty: memory.difficulty,
            due: self.after(now, interval_after(interval)),
            last_review: now,
            first_review: previous.map_or(now, |m| m.first_review),
            reps: previous.map_or(0, |m| m.reps).saturating_add(1),
            lapses: previous.map_or(0, |m| m.lapses) + u32::from(lapsed),
        }
    }

    /// The memory a series of ratings leads to, each with its own time and retention.
    pub fn replay(
        &self,
        reviews: impl IntoIterator<Item = (Rating, Timestamp, Retention)>,
    ) -> Option<Memory> {
        reviews
            .into_iter()
            .fold(None, |memory, (rating, at, retention)| {
                Some(
                    self.with_retention(retention)
                        .next(memory.as_ref(), rating, at),
                )
            })
    }

    /// FSRS's probability that the fact is recalled at `now`.
    pub fn retrievability(&self, memory: &Memory, now: Timestamp) -> f32 {
        let elapsed = now.duration_since(memory.last_review).as_secs_f64() / 86_400.0;
        let state = MemoryState {
            stability: memory.stability,
            difficulty: memory.difficulty,
        };
        current_retrievability(state, elapsed.max(0.0) as f32, FSRS6_DEFAULT_DECAY)
    }

    /// Due today: its due time falls before the end of the learner's current day.
    pub fn is_due(&self, memory: &Memory, now: Timestamp) -> bool {
        memory.due < self.end_of_day(now)
    }

    /// The start of the local day after `now`'s.
    pub fn end_of_day(&self, now: Timestamp) -> Timestamp {
        self.day_start(self.day(now).tomorrow().unwrap_or(Date::MAX), now)
    }

    /// The start of the local day of `now`.
    pub fn start_of_day(&self, now: Timestamp) -> Timestamp {
        self.day_start(self.day(now), now)
    }

    /// The local calendar date of `t`.
    pub fn day(&self, t: Timestamp) -> Date {
        self.time_zone().to_datetime(t).date()
    }

    fn day_start(&self, date: Date, fallback: Timestamp) -> Timestamp {
        date.to_zoned(self.time_zone().clone())
            .map(|z| z.timestamp())
            .unwrap_or(fallback)
    }

    /// Local calendar days from `earlier` to `later`; 0 if the clock went backwards.
    pub fn days_between(&self, earlier: Timestamp, later: Timestamp) -> u32 {
        let days = self
            .day(earlier)
            .until(self.day(later))
            .map_or(0, |span| span.get_days());
        u32::try_from(days).unwrap_or(0)
    }

    /// `now` plus an interval: whole days keep the local time of day across DST changes.
    fn after(&self, now: Timestamp, interval: Interval) -> Timestamp {
        match interval {
            Interval::Days(days) => now
                .to_zoned(self.time_zone().clone())
                .checked_add(days.days())
                .map(|z| z.timestamp())
                .unwrap_or_else(|_| saturating_add(now, SignedDuration::from_hours(days * 24))),
            Interval::Minutes(minutes) => saturating_add(now, SignedDuration::from_mins(minutes)),
        }
    }
}

fn saturating_add(t: Timestamp, d: SignedDuration) -> Timestamp {
    t.checked_add(d).unwrap_or(Timestamp::MAX)
}

/// The memory and interval in days for one rating.
fn pick(states: NextStates, rating: Rating) -> (MemoryState, f32) {
    let item = match rating {
        Rating::Again => states.again,
        Rating::Hard => states.hard,
        Rating::Good => states.good,
        Rating::Easy => states.easy,
    };
    (item.memory, item.interval)
}

#[cfg(test)]
mod tests;
