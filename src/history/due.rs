//! The spaced-repetition part of `history`: how many facts come due today and on each of
//! the next days, and how many flashcards of due facts were recalled (true retention).

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::store::{Recall, ScoreHistory, StoreResult};

/// Days in the forecast after today.
pub const FORECAST_DAYS: usize = 7;

/// Facts due per local day: today first (overdue ones included), then the next seven.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forecast {
    pub days: Vec<(Date, u32)>,
}

impl Forecast {
    /// Counts due times into the days from `today` on.
    pub fn count(due_times: &[Timestamp], today: Date, tz: &TimeZone) -> Forecast {
        let mut days: Vec<(Date, u32)> = today
            .series(jiff::Span::new().days(1))
            .take(FORECAST_DAYS + 1)
            .map(|d| (d, 0))
            .collect();
        for t in due_times {
            let date = tz.to_datetime(*t).date();
            let slot = days.iter_mut().find(|(d, _)| date <= *d);
            if let Some((_, n)) = slot {
                *n += 1;
            }
        }
        Forecast { days }
    }

    /// Due today, overdue included.
    pub fn today(&self) -> u32 {
        self.days.first().map_or(0, |(_, n)| *n)
    }

    pub fn total(&self) -> u32 {
        self.days.iter().map(|(_, n)| n).sum()
    }
}

/// The forecast and true retention, for one deck or all.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    pub forecast: Forecast,
    pub recall: Recall,
}

impl Schedule {
    pub fn empty(today: Date) -> Schedule {
        Schedule {
            forecast: Forecast::count(&[], today, &TimeZone::UTC),
            recall: Recall::default(),
        }
    }

    pub fn load(store: &dyn ScoreHistory, query: &super::Query) -> StoreResult<Schedule> {
        let after = query
            .today
            .checked_add(jiff::Span::new().days(FORECAST_DAYS as i64 + 1))
            .ok()
            .and_then(|d| d.to_zoned(query.tz.clone()).ok())
            .map_or(Timestamp::MAX, |z| z.timestamp());
        let due = store.due_times(query.filter.deck.as_deref(), after)?;
        Ok(Schedule {
            forecast: Forecast::count(&due, query.today, &query.tz),
            recall: store.recall(&query.filter)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_times_fall_into_today_or_one_of_the_next_seven_days() {
        let tz = TimeZone::fixed(jiff::tz::offset(9));
        let today = jiff::civil::date(2026, 11, 28);
        let at = |text: &str| text.parse::<Timestamp>().unwrap();
        let times = [
            at("2026-11-01T00:00:00Z"), // overdue: today
            at("2026-11-28T14:00:00Z"), // 23:00 in UTC+9: today
            at("2026-11-28T15:00:00Z"), // midnight: tomorrow
            at("2026-12-05T14:59:00Z"), // the 7th day after today
            at("2026-12-05T15:00:00Z"), // beyond
        ];
        let f = Forecast::count(&times, today, &tz);
        let counts: Vec<u32> = f.days.iter().map(|(_, n)| *n).collect();
        assert_eq!(counts, [2, 1, 0, 0, 0, 0, 0, 1]);
        assert_eq!(f.days[7].0, jiff::civil::date(2026, 12, 5));
        assert_eq!((f.today(), f.total()), (2, 4));
    }
}
