//! Reading a typed date: "January 5, 2021", "5 January 2021", "Jan 5 2021", "5th of Jan.
//! 2021", "2021-01-05", "January 2021", "2021".
//!
//! All-numeric forms with the day or month first (05/01/2021) are refused, never guessed:
//! half the world reads that as 5 January, the other half as 1 May. Those with one
//! reading only are read: 29/12/2020 (29 is no month), 12/2020 (month and year).

use crate::deck::FactDate;
use crate::deck::date::MONTH_NAMES;

/// Why input is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("that is not a date")]
    NotADate,
    #[error(
        "`{0}` could be read day-first or month-first: write the month as a word \
         (5 January 2021) or use ISO (2021-01-05)"
    )]
    AmbiguousNumeric(String),
    #[error("write the year in full (2021, not 21)")]
    ShortYear,
    #[error("the date needs a year")]
    NoYear,
    #[error("there is no such day: {0}")]
    Impossible(String),
}

const FILLER: &[&str] = &["of", "the", "on", "in", "ad", "ce"];

/// Reads `input` as a date at the precision the input gives.
pub fn parse_date(input: &str) -> Result<FactDate, DateError> {
    let text = input.trim().to_lowercase();
    if text.is_empty() {
        return Err(DateError::NotADate);
    }
    if let Some(numeric) = all_numeric(&text) {
        return numeric_date(&text, &numeric);
    }
    let mut month = None;
    let mut numbers: Vec<&str> = Vec::new();
    for token in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
    {
        if let Some(n) = ordinal_or_number(token) {
            numbers.push(n);
        } else if let Some(m) = month_number(token) {
            if month.replace(m).is_some() {
                return Err(DateError::NotADate);
            }
        } else if !FILLER.contains(&token) {
            return Err(DateError::NotADate);
        }
    }
    let year_of = |s: &str| -> Result<i16, DateError> {
        if s.len() < 3 {
            return Err(DateError::ShortYear);
        }
        s.parse().map_err(|_| DateError::NotADate)
    };
    let built = match (month, numbers.as_slice()) {
        (None, [y]) => FactDate::year(year_of(y)?),
        (Some(m), [y]) if y.len() >= 3 => FactDate::month(year_of(y)?, m),
        (Some(_), [_]) => return Err(DateError::NoYear),
        (Some(m), [a, b]) => {
            let (day, year) = match (a.len() <= 2, b.len() <= 2) {
                (true, false) => (a, b),
                (false, true) => (b, a),
                (true, true) => return Err(DateError::ShortYear),
                (false, false) => return Err(DateError::NotADate),
            };
            let day: i8 = day.parse().map_err(|_| DateError::NotADate)?;
            FactDate::day(year_of(year)?, m, day)
        }
        (None, [_, _] | [_, _, _]) => {
            return Err(DateError::AmbiguousNumeric(input.trim().to_owned()));
        }
        _ => return Err(DateError::NotADate),
    };
    built.map_err(|_| DateError::Impossible(input.trim().to_owned()))
}

/// The numeric parts when `text` is digits and `-`, `/`, `.` separators only.
fn all_numeric(text: &str) -> Option<Vec<&str>> {
    let numeric = text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.'));
    numeric.then(|| text.split(['-', '/', '.']).collect())
}

/// Year-first numeric dates are unambiguous (ISO 8601 and its slash and dot cousins), and
/// so are month/year and day-month-year forms with one valid reading; anything else is
/// refused.
fn numeric_date(text: &str, parts: &[&str]) -> Result<FactDate, DateError> {
    if parts.iter().any(|p| p.is_empty()) {
        return Err(DateError::NotADate);
    }
    let num = |s: &str| s.parse::<i8>().map_err(|_| DateError::NotADate);
    let year = |s: &str| s.parse::<i16>().map_err(|_| DateError::NotADate);
    let built = match parts {
        [y] if y.len() < 3 => return Err(DateError::ShortYear),
        [y] => FactDate::year(year(y)?),
        [y, rest @ ..] if y.len() == 4 && rest.iter().all(|p| p.len() <= 2) => match rest {
            [m] => FactDate::month(year(y)?, num(m)?),
            [m, d] => FactDate::day(year(y)?, num(m)?, num(d)?),
            _ => return Err(DateError::NotADate),
        },
        [m, y] if y.len() == 4 && m.len() <= 2 => FactDate::month(year(y)?, num(m)?),
        // "05/01/21": whatever the order of day and month, the year is short.
        [a, b, y] if a.len() <= 2 && b.len() <= 2 && y.len() <= 2 => {
            return Err(DateError::ShortYear);
        }
        [a, b, y] if y.len() == 4 && a.len() <= 2 && b.len() <= 2 => {
            let (a, b, y) = (num(a)?, num(b)?, year(y)?);
            match (FactDate::day(y, b, a), FactDate::day(y, a, b)) {
                (Ok(day_first), Ok(month_first)) if day_first != month_first => {
                    return Err(DateError::AmbiguousNumeric(text.to_owned()));
                }
                (Ok(only), _) | (_, Ok(only)) => Ok(only),
                (Err(e), Err(_)) => Err(e),
            }
        }
        _ => return Err(DateError::AmbiguousNumeric(text.to_owned())),
    };
    built.map_err(|_| DateError::Impossible(text.to_owned()))
}

/// "5th" → "5"; "2021" → "2021"; "jan" → None.
fn ordinal_or_number(token: &str) -> Option<&str> {
    let digits = token.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &token[digits.len()..];
    let is_number = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    (is_number && matches!(suffix, "" | "st" | "nd" | "rd" | "th")).then_some(digits)
}

/// "jan", "sept", "January" → the month number; at least three letters of its name.
fn month_number(token: &str) -> Option<i8> {
    if token.len() < 3 {
        return None;
    }
    let prefix_of = |m: &str| {
        m.get(..token.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(token))
    };
    let candidates = MONTH_NAMES
        .iter()
        .position(|m| prefix_of(m) || (token == "sept" && *m == "September"))?;
    i8::try_from(candidates + 1).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> String {
        parse_date(s)
            .map(|d| d.to_string())
            .unwrap_or_else(|e| format!("error: {e}"))
    }

    #[test]
    fn reads_the_usual_english_forms() {
        for s in [
            "January 5, 2021",
            "5 January 2021",
            "Jan 5 2021",
            "jan. 5th, 2021",
            "the 5th of January 2021",
            "2021-01-05",
            "2021/1/5",
            "JANUARY 5 2021",
        ] {
            assert_eq!(iso(s), "2021-01-05", "{s}");
        }
        assert_eq!(iso("January 2021"), "2021-01");
        assert_eq!(iso("sept 1950"), "1950-09");
        assert_eq!(iso("2021-01"), "2021-01");
        assert_eq!(iso("2021"), "2021");
    }

    #[test]
    fn reads_numeric_dates_with_one_reading_only() {
        assert_eq!(iso("12/2020"), "2020-12");
        assert_eq!(iso("01/2021"), "2021-01");
        assert_eq!(iso("29/12/2020"), "2020-12-29");
        assert_eq!(iso("12/29/2020"), "2020-12-29");
        assert_eq!(iso("13.01.2021"), "2021-01-13");
        assert_eq!(iso("5/5/2021"), "2021-05-05");
    }

    #[test]
    fn refuses_to_guess() {
        assert!(matches!(
            parse_date("05/01/2021"),
            Err(DateError::AmbiguousNumeric(_))
        ));
        assert!(matches!(
            parse_date("12/11/2021"),
            Err(DateError::AmbiguousNumeric(_))
        ));
        assert_eq!(parse_date("05/01/21"), Err(DateError::ShortYear));
        assert_eq!(parse_date("5.1.21"), Err(DateError::ShortYear));
        assert!(matches!(
            parse_date("13/13/2021"),
            Err(DateError::Impossible(_))
        ));
        assert_eq!(parse_date("Jan 5 21"), Err(DateError::ShortYear));
        assert_eq!(parse_date("21"), Err(DateError::ShortYear));
        assert_eq!(parse_date("January 5"), Err(DateError::NoYear));
        assert!(matches!(
            parse_date("February 30, 2021"),
            Err(DateError::Impossible(_))
        ));
        assert_eq!(parse_date("yesterday"), Err(DateError::NotADate));
        assert_eq!(parse_date("ma 2021"), Err(DateError::NotADate));
    }
}
