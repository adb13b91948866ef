//! Dates at the precision a source gives them: a day, a month or a year.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// How precisely a date is known, coarsest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Precision {
    Year,
    Month,
    Day,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }
}

/// A calendar date known to a day, a month or a year. Always a real date: the constructors
/// reject 2021-02-30 and month 13.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FactDate {
    year: i16,
    month: Option<i8>,
    day: Option<i8>,
}

/// Why a date could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("`{0}` is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")]
    Syntax(String),
    #[error("{0} is not a real date: {1}")]
    Impossible(String, String),
}

/// English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English name of month `m` (1–12).
pub fn month_name(m: i8) -> Option<&'static str> {
    MONTH_NAMES
        .get(usize::try_from(m.checked_sub(1)?).ok()?)
        .copied()
}

impl FactDate {
    pub fn year(year: i16) -> Result<Self, DateError> {
        Self::check(year, 1, 1, || format!("{year:04}"))?;
        Ok(FactDate {
            year,
            month: None,
            day: None,
        })
    }

    pub fn month(year: i16, month: i8) -> Result<Self, DateError> {
        Self::check(year, month, 1, || format!("{year:04}-{month:02}"))?;
        Ok(FactDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    pub fn day(year: i16, month: i8, day: i8) -> Result<Self, DateError> {
        Self::check(year, month, day, || {
            format!("{year:04}-{month:02}-{day:02}")
        })?;
        Ok(FactDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    fn check(year: i16, month: i8, day: i8, text: impl Fn() -> String) -> Result<(), DateError> {
        Date::new(year, month, day)
            .map(|_| ())
            .map_err(|e| DateError::Impossible(text(), impossible_reason(year, month, e)))
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    pub fn year_number(&self) -> i16 {
        self.year
    }

    pub fn month_number(&self) -> Option<i8> {
        self.month
    }

    pub fn day_number(&self) -> Option<i8> {
        self.day
    }

    /// First day of the period this date names (2021 → 2021-01-01).
    pub fn first_day(&self) -> Date {
        // Valid by construction; fall back to the year's start rather than panic.
        Date::new(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
            .unwrap_or(Date::constant(2000, 1, 1))
    }

    /// Last day of the period this date names (2020-12 → 2020-12-31).
    pub fn last_day(&self) -> Date {
        let first = self.first_day();
        match self.precision() {
            Precision::Day => first,
            Precision::Month => first.last_of_month(),
            Precision::Year => first.last_of_year(),
        }
    }

    /// Whether the two periods are disjoint and this one ends before `other` starts.
    pub fn strictly_before(&self, other: &FactDate) -> bool {
        self.last_day() < other.first_day()
    }

    /// The same date reduced to a coarser precision (never finer than it is).
    pub fn truncate(&self, precision: Precision) -> FactDate {
        let precision = precision.min(self.precision());
        FactDate {
            year: self.year,
            month: if precision >= Precision::Month {
                self.month
            } else {
                None
            },
            day: if precision == Precision::Day {
                self.day
            } else {
                None
            },
        }
    }

    /// The date as people write it in English prose: "January 5, 2021", "January 2021", "2021".
    pub fn human(&self) -> String {
        let name = |m: i8| month_name(m).unwrap_or("");
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{} {d}, {}", name(m), self.year),
            (Some(m), None) => format!("{} {}", name(m), self.year),
            _ => self.year.to_string(),
        }
    }
}

/// Why a date does not exist, in words: "February 2021 has 28 days".
fn impossible_reason(year: i16, month: i8, e: jiff::Error) -> String {
    if !(1..=12).contains(&month) {
        return format!("there is no month {month}");
    }
    match Date::new(year, month, 1) {
        Ok(first) => format!(
            "{} {year} has {} days",
            month_name(month).unwrap_or(""),
            first.days_in_month()
        ),
        // Out of the calendar's range altogether (jiff covers years -9999 to 9999).
        Err(_) => e.to_string(),
    }
}

impl From<Date> for FactDate {
    fn from(d: Date) -> Self {
        FactDate {
            year: d.year(),
            month: Some(d.month()),
            day: Some(d.day()),
        }
    }
}

/// Canonical form: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
impl fmt::Display for FactDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// Parses the canonical forms `YYYY-MM-DD`, `YYYY-MM` and `YYYY`.
impl FromStr for FactDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let syntax = || DateError::Syntax(s.to_owned());
        let parts: Vec<&str> = s.trim().split('-').collect();
        let all_digits = parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
        if !all_digits || parts[0].len() != 4 || parts[1..].iter().any(|p| p.len() != 2) {
            return Err(syntax());
        }
        let year: i16 = parts[0].parse().map_err(|_| syntax())?;
        let num = |i: usize| parts[i].parse::<i8>().map_err(|_| syntax());
        match parts.len() {
            1 => FactDate::year(year),
            2 => FactDate::month(year, num(1)?),
            3 => FactDate::day(year, num(1)?, num(2)?),
            _ => Err(syntax()),
        }
    }
}

impl PartialOrd for FactDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Orders by the first day of the period, then by precision (coarser first).
impl Ord for FactDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.first_day(), self.precision()).cmp(&(other.first_day(), other.precision()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_every_precision() {
        for text in ["2021-01-05", "2020-12", "2016"] {
            let date: FactDate = text.parse().unwrap();
            assert_eq!(date.to_string(), text);
        }
        assert_eq!(
            "2021-01-05".parse::<FactDate>().unwrap().precision(),
            Precision::Day
        );
        assert_eq!(
            "2021-01".parse::<FactDate>().unwrap().precision(),
            Precision::Month
        );
        assert_eq!(
            "2021".parse::<FactDate>().unwrap().precision(),
            Precision::Year
        );
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        assert!(matches!(
            "2021-02-30".parse::<FactDate>(),
            Err(DateError::Impossible(..))
        ));
        assert!(matches!(
            "2021-13".parse::<FactDate>(),
            Err(DateError::Impossible(..))
        ));
        assert_eq!(
            "2021-02-30".parse::<FactDate>().unwrap_err().to_string(),
            "2021-02-30 is not a real date: February 2021 has 28 days"
        );
        assert_eq!(
            "2024-02-30".parse::<FactDate>().unwrap_err().to_string(),
            "2024-02-30 is not a real date: February 2024 has 29 days"
        );
        assert_eq!(
            "2021-13".parse::<FactDate>().unwrap_err().to_string(),
            "2021-13 is not a real date: there is no month 13"
        );
        for bad in [
            "21-01-05",
            "2021/01/05",
            "2021-1-5",
            "",
            "January 2021",
            "2021-01-05-01",
        ] {
            assert!(
                matches!(bad.parse::<FactDate>(), Err(DateError::Syntax(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn human_form_reads_like_prose() {
        assert_eq!(
            "2021-01-05".parse::<FactDate>().unwrap().human(),
            "January 5, 2021"
        );
        assert_eq!(
            "2020-12".parse::<FactDate>().unwrap().human(),
            "December 2020"
        );
        assert_eq!("2016".parse::<FactDate>().unwrap().human(), "2016");
    }

    #[test]
    fn periods_compare_by_their_extent() {
        let dec: FactDate = "2020-12".parse().unwrap();
        let dec30: FactDate = "2020-12-30".parse().unwrap();
        let jan5: FactDate = "2021-01-05".parse().unwrap();
        assert!(
            !dec.strictly_before(&dec30),
            "December 2020 contains December 30"
        );
        assert!(dec.strictly_before(&jan5));
        assert_eq!(dec.last_day(), Date::constant(2020, 12, 31));
        assert_eq!(jan5.truncate(Precision::Month).to_string(), "2021-01");
    }
}
