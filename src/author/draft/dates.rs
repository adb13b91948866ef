//! Dates written in English prose: "June 7, 2020", "5 January 2021", "December 2020",
//! "2016", "2021-01-05", and spans: "from October 12 until December 30, 2020",
//! "January 6–12, 2021", "between 2016 and 2021".

use std::ops::Range;

use crate::deck::date::MONTH_NAMES;
use crate::deck::{FactDate, Language};
use crate::read::months;

use super::token::{Tok, Token};

/// A date found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundDate {
    /// Token indices it covers.
    pub tokens: Range<usize>,
    pub date: FactDate,
    pub end: Option<FactDate>,
    /// The sentence gives no year; it was taken from an earlier date of the document.
    pub year_inferred: bool,
}

/// An English month's number from its name as prose writes it: in full ("January"), or
/// its first three letters ("Jan"; "Sept" too), capitalised: "may" and "mar" are words.
fn english_month(word: &str) -> Option<i8> {
    let at = MONTH_NAMES.iter().position(|name| {
        *name == word
            || (word.len() == 3 && name.starts_with(word))
            || word == "Sept" && *name == "September"
    })?;
    i8::try_from(at + 1).ok()
}

/// Words after which a bare four-digit number is a year ("in 2016", "since 1990").
const YEAR_WORDS: &[&str] = &[
    "in", "since", "until", "till", "by", "from", "of", "before", "after", "during", "around",
    "circa", "c", "early", "late", "mid", "year", "between", "and", "to", "through", "spring",
    "summer", "autumn", "fall", "winter",
];

/// Words and dashes that join the two ends of a span.
const JOINERS: &[&str] = &["to", "until", "till", "through", "and"];

/// Words after which a year is the year of a currency's value ("in 2020 dollars"), not a
/// date.
const CURRENCY_YEAR_WORDS: &[&str] = &[
    "dollars", "dollar", "euros", "euro", "pounds", "yen", "francs", "marks", "rubles", "roubles",
    "yuan", "usd", "eur", "gbp", "prices", "terms", "money",
];

/// A date as written, possibly missing its year (or its month and year).
#[derive(Debug, Clone, Copy)]
struct Partial {
    year: Option<i16>,
    month: Option<i8>,
    day: Option<i8>,
    next: usize,
}

/// Every date of a sentence, left to right. `context` is the last date (to a month or a
/// day) that the document gave before this sentence, for dates written without a year ("on
/// December 30"): they get the year that puts them nearest it.
pub fn find(t: &[Token<'_>], context: Option<FactDate>, lang: Language) -> Vec<FoundDate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        match date_at(t, i, context, lang) {
            Some(found) => {
                i = found.tokens.end;
                out.push(found);
            }
            // A date that matched but is impossible ("February 30, 2021") is skipped whole,
            // so that its year is not taken for a date of its own.
            None => {
                let matched = full_date(t, i, lang).or_else(|| month_day(t, i, lang));
                i = matched.map_or(i + 1, |p| p.next.max(i + 1));
            }
        }
    }
    out
}

fn date_at(
    t: &[Token<'_>],
    i: usize,
    context: Option<FactDate>,
    lang: Language,
) -> Option<FoundDate> {
    if let Some(found) = super::cjk_dates::at(t, i) {
        return Some(found);
    }
    let first = full_date(t, i, lang).or_else(|| month_day(t, i, lang))?;
    if let Some(span) = span_from(t, i, first, lang) {
        return Some(span);
    }
    let (date, year_inferred) = match first.year {
        Some(_) => (resolve(first)?, false),
        None => {
            // "on December 30 confirmed": a day without a year, not part of a name
            // ("April 25 House of Culture").
            let next = t.get(first.next);
            let ends_phrase = next.is_none_or(|n| !n.is_capitalized() && n.num().is_none());
            let context = context.filter(|_| ends_phrase && first.day.is_some())?;
            (nearest(first, context)?, true)
        }
    };
    if date.precision() == crate::deck::Precision::Year && !bare_year_ok(t, i) {
        return None;
    }
    Some(FoundDate {
        tokens: i..first.next,
        date,
        end: None,
        year_inferred,
    })
}

/// A first date followed by a joiner and a second: "October 12 until December 30, 2020".
fn span_from(t: &[Token<'_>], i: usize, first: Partial, lang: Language) -> Option<FoundDate> {
    // "from September 8, 1941, to January 27, 1944": a comma may come before the joiner.
    let comma = t.get(first.next).is_some_and(|c| c.is_punct(','))
        && t.get(first.next + 1).is_some_and(|w| {
            ["to", "until", "till", "through"]
                .iter()
                .any(|j| w.is_word(j))
        });
    let first = Partial {
        next: first.next + usize::from(comma),
        ..first
    };
    let joiner = t.get(first.next)?;
    let dash = ['-', '\u{2013}', '\u{2014}']
        .iter()
        .any(|c| joiner.is_punct(*c));
    let word = JOINERS.iter().any(|w| joiner.is_word(w));
    let between = i > 0 && t[i - 1].is_word("between");
    if !(dash || word) || (joiner.is_word("and") && !between) {
        return None;
    }
    let j = first.next + 1;
    let second = full_date(t, j, lang).or_else(|| {
        // "January 6–12, 2021": the second end is a bare day.
        let (day, next) = day_at(t, j, lang)?;
        let (year, next) = year_after(t, next)?;
        first.day.map(|_| Partial {
            year: Some(year),
            month: first.month,
            day: Some(day),
            next,
        })
    })?;
    let end_year = second.year?;
    let start_year = match (first.year, first.month, second.month) {
        (Some(y), _, _) => y,
        (None, Some(m1), Some(m2)) if m1 > m2 => end_year - 1,
        (None, _, _) => end_year,
    };
    let start = resolve(Partial {
        year: Some(start_year),
        ..first
    })?;
    let end = resolve(second)?;
    (end >= start).then_some(FoundDate {
        tokens: i..second.next,
        date: start,
        end: Some(end),
        year_inferred: false,
    })
}

/// The month and day of `p` in the year that puts it nearest `context`.
fn nearest(p: Partial, context: FactDate) -> Option<FactDate> {
    let anchor = context.first_day();
    let y = context.year_number();
    [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|year| {
            resolve(Partial {
                year: Some(year),
                ..p
            })
        })
        .min_by_key(|d| {
            d.first_day()
                .since(anchor)
                .map_or(i32::MAX, |span| span.get_days().abs())
        })
}

fn resolve(p: Partial) -> Option<FactDate> {
    let year = p.year?;
    match (p.month, p.day) {
        (Some(m), Some(d)) => FactDate::day(year, m, d).ok(),
        (Some(m), None) => FactDate::month(year, m).ok(),
        (None, _) => FactDate::year(year).ok(),
    }
}

/// A date with its year: "June 7, 2020", "5 January 2021", "December 2020", "2021-01-05",
/// "2016".
fn full_date(t: &[Token<'_>], i: usize, lang: Language) -> Option<Partial> {
    if let Some(p) = month_day(t, i, lang)
        && let Some((year, next)) = year_after(t, p.next)
    {
        return Some(Partial {
            year: Some(year),
            next,
            ..p
        });
    }
    if let Some((day, next)) = day_at(t, i, lang)
        && let Some((month, next)) = month_at(t, skip_de(t, next, lang), lang)
        && let Some((year, next)) = year_at(t, skip_de(t, next, lang))
    {
        return Some(Partial {
            year: Some(year),
            month: Some(month),
            day: Some(day),
            next: next + 1,
        });
    }
    if let Some((month, next)) = month_at(t, i, lang)
        && let Some((year, next)) = year_at(t, skip_de(t, next, lang))
    {
        return Some(Partial {
            year: Some(year),
            month: Some(month),
            day: None,
            next: next + 1,
        });
    }
    iso(t, i).or_else(|| {
        let year = t.get(i)?.num()?.year()?;
        // "2020-style", "2016s", "2000%": not a year.
        let glued = t.get(i + 1).is_some_and(|n| {
            let word_after = t
                .get(i + 2)
                .is_some_and(|w| w.tok == Tok::Word && !w.space_before);
            !n.space_before
                && (n.is_punct('%') || n.tok == Tok::Word || n.is_punct('-') && word_after)
        });
        (!glued).then_some(Partial {
            year: Some(year),
            month: None,
            day: None,
            next: i + 1,
        })
    })
}

/// "2021-01-05", written without spaces.
fn iso(t: &[Token<'_>], i: usize) -> Option<Partial> {
    let parts = t.get(i..i + 5)?;
    let year = parts[0].num()?.year()?;
    let glued = parts[1..].iter().all(|p| !p.space_before);
    let dashes = parts[1].is_punct('-') && parts[3].is_punct('-');
    let two = |p: &Token<'_>| {
        p.num()
            .filter(|n| n.int_digits == 2 && n.decimals == 0 && !n.grouped)
            .map(|n| n.value as i8)
    };
    (glued && dashes).then_some(())?;
    Some(Partial {
        year: Some(year),
        month: Some(two(&parts[2])?),
        day: Some(two(&parts[4])?),
        next: i + 5,
    })
}

/// "June 7", "Jan. 5th".
fn month_day(t: &[Token<'_>], i: usize, lang: Language) -> Option<Partial> {
    let (month, next) = month_at(t, i, lang)?;
    let (day, next) = day_at(t, next, lang)?;
    Some(Partial {
        year: None,
        month: Some(month),
        day: Some(day),
        next,
    })
}

/// A month name, or an abbreviation with an optional full stop.
fn month_at(t: &[Token<'_>], i: usize, lang: Language) -> Option<(i8, usize)> {
    let word = t.get(i)?;
    let Some(month) = english_month(word.text) else {
        // Other languages' names, written in full ("Oktober", "апреля", "juillet"): not in
        // English prose, where "Mars" and "Mai" are other words.
        let named = (lang != Language::English && word.tok == Tok::Word)
            .then(|| months::month_named(word.text))??;
        return Some((named, i + 1));
    };
    let dotted = word.text.len() <= 4
        && t.get(i + 1)
            .is_some_and(|d| d.is_punct('.') && !d.space_before);
    Some((month, if dotted { i + 2 } else { i + 1 }))
}

/// Whether the number at `i` is the year of a currency ("$257 billion in 2020 dollars").
pub fn is_currency_year(t: &[Token<'_>], i: usize) -> bool {
    t.get(i)
        .and_then(|n| n.num())
        .and_then(|n| n.year())
        .is_some()
        && t.get(i + 1).is_some_and(|w| {
            w.tok == Tok::Word && CURRENCY_YEAR_WORDS.contains(&w.text.to_lowercase().as_str())
        })
}

/// Whether a token is a month name, for telling "April 25 House" from a count.
pub fn is_month(token: &Token<'_>) -> bool {
    english_month(token.text).is_some()
}

/// A day of the month, with an optional ordinal suffix ("7", "7th").
fn day_at(t: &[Token<'_>], i: usize, lang: Language) -> Option<(i8, usize)> {
    let day = t.get(i)?.num()?.day()?;
    let suffixed = t
        .get(i + 1)
        .is_some_and(|s| !s.space_before && ["st", "nd", "rd", "th"].iter().any(|x| s.is_word(x)));
    // "3. Oktober" (German and other day-first languages), "1er mai" (French).
    let ordinal = lang != Language::English
        && t.get(i + 1).is_some_and(|s| {
            !s.space_before && (s.is_punct('.') || s.is_word("er") || s.is_word("-го"))
        });
    Some((day, if suffixed || ordinal { i + 2 } else { i + 1 }))
}

/// The year at `i`, and the index past it (the caller adds nothing more).
fn year_at(t: &[Token<'_>], i: usize) -> Option<(i16, usize)> {
    Some((t.get(i)?.num()?.year()?, i))
}

/// Past a "de" or "del" between a date's parts ("12 de octubre de 1492").
fn skip_de(t: &[Token<'_>], i: usize, lang: Language) -> usize {
    let de = matches!(lang, Language::Spanish | Language::Portuguese)
        && t.get(i)
            .is_some_and(|w| w.is_word("de") || w.is_word("del"));
    if de { i + 1 } else { i }
}

/// ", 2020" or " 2020" after a day.
fn year_after(t: &[Token<'_>], i: usize) -> Option<(i16, usize)> {
    let i = if t.get(i).is_some_and(|c| c.is_punct(',')) {
        i + 1
    } else {
        i
    };
    Some((t.get(i)?.num()?.year()?, i + 1))
}

/// A bare four-digit number is a year after "in", "since"…, in brackets, or when no
/// lower-case word follows it ("1500 soldiers" is a count).
fn bare_year_ok(t: &[Token<'_>], i: usize) -> bool {
    if is_currency_year(t, i) {
        return false;
    }
    let after_year_word = i > 0 && YEAR_WORDS.iter().any(|w| t[i - 1].is_word(w));
    let bracketed =
        (i > 0 && t[i - 1].is_punct('(')) || t.get(i + 1).is_some_and(|n| n.is_punct(')'));
    let counted = t
        .get(i + 1)
        .is_some_and(|n| (n.tok == Tok::Word && !n.is_capitalized()) || n.num().is_some());
    after_year_word || bracketed || !counted
}

#[cfg(test)]
mod tests {
    use super::super::token::tokens;
    use super::*;

    fn dates(s: &str, context: Option<&str>) -> Vec<String> {
        let context = context.map(|c| c.parse::<FactDate>().unwrap());
        find(&tokens(s), context, Language::English)
            .iter()
            .map(|d| {
                let mut text = d.date.to_string();
                if let Some(end) = d.end {
                    text.push_str(&format!("..{end}"));
                }
                if d.year_inferred {
                    text.push('?');
                }
                text
            })
            .collect()
    }

    #[test]
    fn full_dates_in_every_order() {
        assert_eq!(
            dates(
                "held on June 7, 2020 and 5 January 2021, or 2021-01-12",
                None
            ),
            ["2020-06-07", "2021-01-05", "2021-01-12"]
        );
        assert_eq!(dates("on Jan. 5th 2021", None), ["2021-01-05"]);
    }

    #[test]
    fn months_and_years() {
        assert_eq!(
            dates("in early January 2021 and late December 2020", None),
            ["2021-01", "2020-12"]
        );
        assert_eq!(
            dates(
                "Prev: 7th Congress of the Workers' Party of Korea (2016)",
                None
            ),
            ["2016"]
        );
        assert_eq!(dates("since 1990, and (2004)", None), ["1990", "2004"]);
        assert!(dates("1500 soldiers and 2020-style", None).is_empty());
        assert!(dates("$257 billion in 2020 dollars, in 1990 prices", None).is_empty());
    }

    #[test]
    fn spans() {
        assert_eq!(
            dates("from October 12 until December 30, 2020.", None),
            ["2020-10-12..2020-12-30"]
        );
        assert_eq!(
            dates("Date: January 6–12, 2021 (7 days)", None),
            ["2021-01-06..2021-01-12"]
        );
        assert_eq!(
            dates("from January 5 to 12, 2021", None),
            ["2021-01-05..2021-01-12"]
        );
        assert_eq!(
            dates("from December 20 to January 3, 2021", None),
            ["2020-12-20..2021-01-03"]
        );
        assert_eq!(dates("between 2016 and 2021", None), ["2016..2021"]);
        assert_eq!(
            dates("from September 8, 1941, to January 27, 1944.", None),
            ["1941-09-08..1944-01-27"]
        );
        assert_eq!(dates("from 2021 to 2016", None), ["2021", "2016"]);
    }

    #[test]
    fn a_day_without_a_year_takes_the_nearest_year_but_not_in_names() {
        assert_eq!(
            dates("a report on December 30 confirmed it", Some("2021-01")),
            ["2020-12-30?"]
        );
        assert_eq!(
            dates("and on March 3, it ended", Some("2020-12-29")),
            ["2021-03-03?"]
        );
        assert!(dates("a report on December 30 confirmed it", None).is_empty());
        assert!(dates("at the April 25 House of Culture", Some("2021-01")).is_empty());
    }

    #[test]
    fn dates_in_other_languages() {
        let found = |s: &str, lang: Language| -> Vec<String> {
            find(&tokens(s), None, lang)
                .iter()
                .map(|d| d.date.to_string())
                .collect()
        };
        assert_eq!(
            found("am 3. Oktober 1990 und im Mai 1949", Language::German),
            ["1990-10-03", "1949-05"]
        );
        assert_eq!(
            found("le 14 juillet 1789 et le 1er mai 1886", Language::French),
            ["1789-07-14", "1886-05-01"]
        );
        assert_eq!(
            found("12 апреля 1961 года", Language::Russian),
            ["1961-04-12"]
        );
        assert_eq!(
            found("el 12 de octubre de 1492", Language::Spanish),
            ["1492-10-12"]
        );
        assert_eq!(found("في 22 مارس 1945", Language::Arabic), ["1945-03-22"]);
        assert_eq!(found("a rover on Mars 2020.", Language::English), ["2020"]);
    }

    #[test]
    fn impossible_dates_are_not_dates() {
        assert!(dates("on February 30, 2021", None).is_empty());
    }
}
