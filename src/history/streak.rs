//! The current daily streak: consecutive local calendar days with at least one session.

use jiff::civil::Date;

/// How many days in a row, up to today, the user has studied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Streak {
    pub days: u32,
    /// Whether today is one of them; if not, the streak is still alive until midnight.
    pub includes_today: bool,
}

/// Counts a streak from session dates fed newest first, and says when older ones stop
/// mattering, so a long history is not read to the end.
#[derive(Debug, Clone)]
pub struct StreakCounter {
    today: Date,
    /// The day that would extend the streak; `None` once it is broken.
    next: Option<Date>,
    streak: Streak,
}

impl StreakCounter {
    pub fn new(today: Date) -> Self {
        StreakCounter {
            today,
            next: Some(today),
            streak: Streak {
                days: 0,
                includes_today: false,
            },
        }
    }

    /// Takes the next (same or older) session date; returns whether to keep going.
    /// Dates after today (a clock that was ahead) are skipped.
    pub fn push(&mut self, day: Date) -> bool {
        let Some(next) = self.next else {
            return false;
        };
        let yesterday = self.today.yesterday().ok();
        if day > self.today || (self.streak.days > 0 && day > next) {
            return true;
        }
        // Nothing yet today still leaves yesterday's streak alive.
        if day == next || (self.streak.days == 0 && Some(day) == yesterday) {
            self.streak.days += 1;
            self.streak.includes_today |= day == self.today;
            self.next = day.yesterday().ok();
            return self.next.is_some();
        }
        self.next = None;
        false
    }

    pub fn finish(self) -> Streak {
        self.streak
    }

    /// The streak for a whole list of dates, newest first.
    pub fn count(today: Date, newest_first: impl IntoIterator<Item = Date>) -> Streak {
        let mut counter = StreakCounter::new(today);
        for day in newest_first {
            if !counter.push(day) {
                break;
            }
        }
        counter.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn streak(today: Date, days: &[Date]) -> (u32, bool) {
        let s = StreakCounter::count(today, days.iter().copied());
        (s.days, s.includes_today)
    }

    #[test]
    fn consecutive_days_up_to_today_count_once_each() {
        let today = date(2026, 3, 1);
        let days = [
            today,
            today,
            date(2026, 2, 28),
            date(2026, 2, 27),
            date(2026, 2, 25),
        ];
        assert_eq!(streak(today, &days), (3, true));
    }

    #[test]
    fn a_streak_ending_yesterday_is_still_current() {
        let today = date(2026, 3, 1);
        let days = [date(2026, 2, 28), date(2026, 2, 28), date(2026, 2, 27)];
        assert_eq!(streak(today, &days), (2, false));
    }

    #[test]
    fn a_gap_of_a_whole_day_ends_it() {
        let today = date(2026, 3, 1);
        assert_eq!(
            streak(today, &[date(2026, 2, 27), date(2026, 2, 26)]),
            (0, false)
        );
        assert_eq!(streak(today, &[today, date(2026, 2, 27)]), (1, true));
        assert_eq!(streak(today, &[]), (0, false));
    }

    #[test]
    fn sessions_dated_in_the_future_are_ignored() {
        let today = date(2026, 3, 1);
        assert_eq!(streak(today, &[date(2026, 3, 5), today]), (1, true));
    }

    #[test]
    fn the_counter_stops_asking_at_the_first_gap() {
        let mut counter = StreakCounter::new(date(2026, 3, 10));
        assert!(counter.push(date(2026, 3, 10)));
        assert!(counter.push(date(2026, 3, 9)));
        assert!(!counter.push(date(2026, 3, 7)));
        assert!(!counter.push(date(2026, 3, 6)));
        assert_eq!(counter.finish().days, 2);
    }
}
