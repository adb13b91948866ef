//! `--since`: a date, or a day counted back from today ("7d", "2w", "yesterday", "today").

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

/// From when on the history is looked at: the start of a local calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Since {
    Date(Date),
    /// That many days before today: 0 is today, 1 yesterday, 7 a week ago.
    DaysAgo(u32),
}

/// Not a date nor a count of days.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a date nor a number of days back; use YYYY-MM-DD (2026-01-31), 7d, 2w, \
     yesterday or today"
)]
pub struct BadSince(pub String);

impl Since {
    /// The first day it covers.
    pub fn first_day(self, today: Date) -> Date {
        match self {
            Since::Date(date) => date,
            Since::DaysAgo(n) => today.checked_sub(i64::from(n).days()).unwrap_or(Date::MIN),
        }
    }

    /// The moment it starts: midnight of the first day in `tz`.
    pub fn start(self, today: Date, tz: &TimeZone) -> Result<Timestamp, jiff::Error> {
        self.first_day(today)
            .to_zoned(tz.clone())
            .map(|z| z.timestamp())
    }
}

impl FromStr for Since {
    type Err = BadSince;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let t = text.trim().to_lowercase();
        let bad = || BadSince(text.to_owned());
        match t.as_str() {
            "today" => return Ok(Since::DaysAgo(0)),
            "yesterday" => return Ok(Since::DaysAgo(1)),
            _ => {}
        }
        let counted = |suffix: char, days: u32| -> Option<Result<Since, BadSince>> {
            let n = t.strip_suffix(suffix)?.trim();
            Some(
                n.parse::<u32>()
                    .ok()
                    .and_then(|n| n.checked_mul(days))
                    .map(Since::DaysAgo)
                    .ok_or_else(bad),
            )
        };
        if let Some(since) = counted('d', 1).or_else(|| counted('w', 7)) {
            return since;
        }
        t.parse::<Date>().map(Since::Date).map_err(|_| bad())
    }
}

impl fmt::Display for Since {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Since::Date(date) => write!(f, "{date}"),
            Since::DaysAgo(0) => f.write_str("today"),
            Since::DaysAgo(1) => f.write_str("yesterday"),
            Since::DaysAgo(n) => write!(f, "{n}d"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_days_back_from_today() {
        let today = jiff::civil::date(2026, 11, 30);
        let first = |text: &str| text.parse::<Since>().map(|s| s.first_day(today));
        assert_eq!(first("2026-01-31"), Ok(jiff::civil::date(2026, 1, 31)));
        assert_eq!(first("7d"), Ok(jiff::civil::date(2026, 11, 23)));
        assert_eq!(first("2w"), Ok(jiff::civil::date(2026, 11, 16)));
        assert_eq!(first("Yesterday"), Ok(jiff::civil::date(2026, 11, 29)));
        assert_eq!(first("today"), Ok(today));
        assert_eq!(first("0d"), Ok(today));
        for bad in ["", "d", "-3d", "7x", "last week", "2026-02-30"] {
            assert!(bad.parse::<Since>().is_err(), "{bad}");
        }
        assert_eq!("7d".parse::<Since>().unwrap().to_string(), "7d");
    }
}
