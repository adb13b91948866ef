//! Dates as Chinese, Japanese and Korean write them: each part a number followed by its
//! marker, year first ("1964年10月1日", "1926년 11월 4일", "1443년", "1964年10月").

use crate::deck::FactDate;

use super::date::UnreadableDate;

/// Which part of a date a marker closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    Year,
    Month,
    Day,
}

fn part(marker: char) -> Option<Part> {
    match marker {
        '年' | '년' => Some(Part::Year),
        '月' | '월' => Some(Part::Month),
        '日' | '号' | '號' | '일' => Some(Part::Day),
        _ => None,
    }
}

/// The date `text` (ASCII digits, lowercase) writes with markers; `None` when it has no
/// marker or holds anything else, for the other readers to try.
pub fn read(text: &str) -> Option<Result<FactDate, UnreadableDate>> {
    if !text.chars().any(|c| part(c).is_some()) {
        return None;
    }
    let mut parts: Vec<(Part, &str)> = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let digits_end = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let (digits, after) = rest.split_at(digits_end);
        let mut chars = after.chars();
        let marker = chars.next().and_then(part);
        if digits.is_empty() || marker.is_none() {
            return None;
        }
        parts.push((marker?, digits));
        rest = chars
            .as_str()
            .trim_start_matches(|c: char| c.is_whitespace() || c == ',');
    }
    let order: Vec<Part> = parts.iter().map(|(p, _)| *p).collect();
    if !order.is_sorted() || order.windows(2).any(|w| w[0] == w[1]) {
        return None;
    }
    Some(build(&parts, text))
}

fn build(parts: &[(Part, &str)], text: &str) -> Result<FactDate, UnreadableDate> {
    let impossible = || UnreadableDate::Impossible(text.trim().to_owned());
    let small = |s: &str| s.parse::<i8>().map_err(|_| impossible());
    let built = match parts {
        [(Part::Year, y), rest @ ..] => {
            if y.len() < 3 {
                return Err(UnreadableDate::ShortYear);
            }
            let year: i16 = y.parse().map_err(|_| impossible())?;
            match rest {
                [] => FactDate::year(year),
                [(Part::Month, m)] => FactDate::month(year, small(m)?),
                [(Part::Month, m), (Part::Day, d)] => FactDate::day(year, small(m)?, small(d)?),
                _ => return Err(UnreadableDate::NoYear),
            }
        }
        _ => return Err(UnreadableDate::NoYear),
    };
    built.map_err(|_| impossible())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        read(s).map(|r| r.map_or_else(|e| format!("error: {e}"), |d| d.to_string()))
    }

    #[test]
    fn dates_with_markers() {
        assert_eq!(iso("1964年10月1日").as_deref(), Some("1964-10-01"));
        assert_eq!(iso("1926년 11월 4일").as_deref(), Some("1926-11-04"));
        assert_eq!(iso("1443년").as_deref(), Some("1443"));
        assert_eq!(iso("1964年10月").as_deref(), Some("1964-10"));
        assert_eq!(
            iso("10月1日").as_deref(),
            Some("error: the date needs a year")
        );
        assert_eq!(
            iso("1964年2月30日").as_deref(),
            Some("error: there is no such day: 1964年2月30日")
        );
        assert_eq!(iso("1964"), None);
        assert_eq!(iso("平成元年"), None);
    }
}
