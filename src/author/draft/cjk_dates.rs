//! Dates in Korean, Japanese and Chinese prose: each part a number with its marker glued
//! on, year first ("1926년 11월 4일에", "1964年10月1日に", "1443년"). A year with its marker
//! is a date, not a count, whatever follows.

use crate::deck::FactDate;

use super::dates::FoundDate;
use super::token::{Tok, Token};

/// The number at `i` when the word glued after it begins with one of `markers`.
fn part(t: &[Token<'_>], i: usize, markers: &[char]) -> Option<f64> {
    let n = t.get(i)?.num()?;
    let word = t.get(i + 1)?;
    let marked = word.tok == Tok::Word
        && !word.space_before
        && word.text.starts_with(|c: char| markers.contains(&c));
    (marked && n.decimals == 0 && !n.grouped).then_some(n.value)
}

/// The date starting at token `i`, if one is written there with markers.
pub fn at(t: &[Token<'_>], i: usize) -> Option<FoundDate> {
    let year = part(t, i, &['年', '년']).filter(|y| (1.0..=2999.0).contains(y))? as i16;
    // "518년 동안", "518년간", "30年間": so many years, not a year.
    let marker = t.get(i + 1).map_or("", |w| w.text);
    let lasting = ["年間", "년간", "년동안"]
        .iter()
        .any(|m| marker.starts_with(m))
        || t.get(i + 2).is_some_and(|w| w.text.starts_with("동안"));
    if lasting {
        return None;
    }
    let month = part(t, i + 2, &['月', '월']).map(|m| m as i8);
    let day = month.and_then(|_| part(t, i + 4, &['日', '일', '号', '號']).map(|d| d as i8));
    let (date, end) = match (month, day) {
        (Some(m), Some(d)) => (FactDate::day(year, m, d), i + 6),
        (Some(m), None) => (FactDate::month(year, m), i + 4),
        _ => (FactDate::year(year), i + 2),
    };
    Some(FoundDate {
        tokens: i..end,
        date: date.ok()?,
        end: None,
        year_inferred: false,
    })
}

#[cfg(test)]
mod tests {
    use super::super::token::tokens;
    use super::*;

    fn date(s: &str) -> Option<String> {
        at(&tokens(s), 0).map(|d| d.date.to_string())
    }

    #[test]
    fn dates_with_markers() {
        assert_eq!(date("1926년 11월 4일에").as_deref(), Some("1926-11-04"));
        assert_eq!(date("1964年10月1日に開幕").as_deref(), Some("1964-10-01"));
        assert_eq!(date("1443년에").as_deref(), Some("1443"));
        assert_eq!(date("1949年10月").as_deref(), Some("1949-10"));
        assert_eq!(date("1964年2月30日"), None);
        assert_eq!(date("47都道府県"), None);
        assert_eq!(date("1926 년"), None, "the marker is glued to the number");
        assert_eq!(date("518년 동안"), None, "a duration");
        assert_eq!(date("30年間"), None, "a duration");
    }
}
