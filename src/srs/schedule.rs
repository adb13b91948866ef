//! The scheduling step: from a fact's memory, a rating and the time, to its next memory.

use fsrs::{FSRS, FSRS6_DEFAULT_DECAY, MemoryState, current_retrievability};
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

/// How long a forgotten card waits before it is asked again: Anki's relearning step. In a
/// review session it comes back sooner, after a few other cards (`review::queue`).
pub const RELEARN_STEP: Interval = Interval::Minutes(10);

impl Interval {
    /// Whole days as days, a step under a day as 0.
    pub fn days(self) -> i64 {
        match self {
            Interval::Days(d) => d,
            Interval::Minutes(_) => 0,
        }
    }

    /// As the rating keys show it, the way Anki does: "<10m", "3d", "2.5mo", "1.2y".
    pub fn short(self) -> String {
        match self {
            Interval::Minutes(m) => format!("<{m}m"),
            Interval::Days(d) if d < 30 => format!("{d}d"),
            Interval::Days(d) if d < 365 => format!("{:.1}mo", d as f64 / 30.0),
            Interval::Days(d) => format!("{:.1}y", d as f64 / 365.0),
        }
    }
}

/// The interval for FSRS's interval in days: whole days (rounded, as Anki does) from one day
/// on; below a day, the minutes.
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
        let outcome = self.outcomes(previous, now)[usize::from(rating.number() - 1)];
        let lapsed = previous.is_some() && rating == Rating::Again;
        Memory {
            stability: outcome.state.stability,
            difficulty: outcome.state.difficulty,
            due: self.after(now, outcome.interval),
            last_review: now,
            first_review: previous.map_or(now, |m| m.first_review),
            reps: previous.map_or(0, |m| m.reps).saturating_add(1),
            lapses: previous.map_or(0, |m| m.lapses) + u32::from(lapsed),
        }
    }

    /// How long each rating, Again to Easy, would put the fact away for: what the rating keys
    /// show before the learner chooses.
    pub fn preview(&self, previous: Option<&Memory>, now: Timestamp) -> [Interval; 4] {
        self.outcomes(previous, now).map(|o| o.interval)
    }

    /// FSRS's next states for the four ratings, with the intervals Anki's rules make of them:
    /// Again is a short relearning step, and so is Hard while the fact is being relearned;
    /// otherwise whole days, at least one (a fact recalled is done for the day), Good at
    /// least a day longer than Hard and Easy at least a day longer than Good.
    fn outcomes(&self, previous: Option<&Memory>, now: Timestamp) -> [Outcome; 4] {
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
        let states = match next {
            Ok(s) => [s.again, s.hard, s.good, s.easy].map(|i| (i.memory, i.interval)),
            // Unreachable with the default parameters; a day is the safe guess.
            Err(_) => {
                [(
                    MemoryState {
                        stability: 1.0,
                        difficulty: 5.0,
                    },
                    1.0,
                ); 4]
            }
        };
        let relearning = previous.is_some_and(|m| self.relearning(m));
        let days = |i: usize| interval_after(states[i].1).days().max(1);
        let hard = match relearning {
            true => RELEARN_STEP,
            false => Interval::Days(days(1)),
        };
        let good = days(2).max(hard.days() + 1);
        let easy = days(3).max(good + 1);
        let intervals = [
            RELEARN_STEP,
            hard,
            Interval::Days(good),
            Interval::Days(easy),
        ];
        std::array::from_fn(|i| Outcome {
            state: states[i].0,
            interval: intervals[i],
        })
    }

    /// Being relearned: the last interval was a step under a day (after Again, or Hard
    /// during relearning), so the fact is not yet back on its long-term schedule.
    pub fn relearning(&self, memory: &Memory) -> bool {
        memory.due.duration_since(memory.last_review) < SignedDuration::from_hours(24)
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

    /// Due: its due time has passed.
    pub fn is_due(&self, memory: &Memory, now: Timestamp) -> bool {
        memory.due <= now
    }

    /// Due on the long-term schedule, as FSRS planned it for the desired retention: what true
    /// retention counts. A relearning step is not (nor is an early review).
    pub fn really_due(&self, memory: &Memory, now: Timestamp) -> bool {
        self.is_due(memory, now) && !self.relearning(memory)
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

/// What one rating leads to.
#[derive(Debug, Clone, Copy)]
struct Outcome {
    state: MemoryState,
    interval: Interval,
}

#[cfg(test)]
mod tests;
