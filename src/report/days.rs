//! Local calendar days of many timestamps, most of them on the same few days: the day of the
//! last one is kept with its bounds, so a time zone is consulted once per day rather than
//! once per row of a million.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// Timestamps to local dates, remembering the last day seen.
#[derive(Debug, Clone)]
pub struct DayOf {
    tz: TimeZone,
    /// The last day seen, from its start (inclusive) to the next day's (exclusive).
    last: Option<(Timestamp, Timestamp, Date)>,
}

impl DayOf {
    pub fn new(tz: TimeZone) -> DayOf {
        DayOf { tz, last: None }
    }

    pub fn date(&mut self, t: Timestamp) -> Date {
        if let Some((start, end, day)) = self.last
            && start <= t
            && t < end
        {
            return day;
        }
        let day = self.tz.to_datetime(t).date();
        let start = day.to_zoned(self.tz.clone()).map(|z| z.timestamp());
        let end = day
            .tomorrow()
            .and_then(|d| d.to_zoned(self.tz.clone()))
            .map(|z| z.timestamp());
        self.last = match (start, end) {
            (Ok(start), Ok(end)) => Some((start, end, day)),
            _ => None,
        };
        day
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_local_and_remembered_correctly_across_midnight() {
        let seoul = TimeZone::fixed(jiff::tz::offset(9));
        let mut day_of = DayOf::new(seoul);
        let at = |s: &str| s.parse::<Timestamp>().unwrap();
        assert_eq!(
            day_of.date(at("2026-11-28T14:59:59Z")),
            jiff::civil::date(2026, 11, 28)
        );
        assert_eq!(
            day_of.date(at("2026-11-28T15:00:00Z")),
            jiff::civil::date(2026, 11, 29),
            "midnight in Seoul"
        );
        assert_eq!(
            day_of.date(at("2026-11-28T14:00:00Z")),
            jiff::civil::date(2026, 11, 28),
            "back again"
        );
    }
}
