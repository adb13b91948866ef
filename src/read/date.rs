//! Reading a typed date: "January 5, 2021", "5 January 2021", "Jan 5 2021", "5th of Jan.
//! 2021", "2021-01-05", "January 2021", "2021".
//!
//! In a deck's language: "3. Oktober 1990", "12 апреля 1961", "14 juillet 1789",
//! "22 مارس 1945", "1964年10月1日", "1926년 11월 4일", "1926. 11. 4." (`months` has the
//! names of the months; digits of every script count).
//!
//! All-numeric forms with the day or month first (05/01/2021) are read day-first in the
//! languages that write them so (German, French, Russian, …). Elsewhere (English, or no
//! known language) they are refused, never guessed: half the world reads that as 5
//! January, the other half as 1 May. Those with one reading only are read: 29/12/2020 (29
//! is no month), 12/2020 (month and year).

use crate::deck::language::NumericDates;
use crate::deck::{FactDate, Language};

use super::months::{month_of, starts_two_word_name};
use super::number::plain_digits;

/// Why typed input is not a date (a deck's own dates fail as `deck::date::DateError`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnreadableDate {
    #[error("that is not a date: write it as {}", forms(.0))]
    NotADate(Language),
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

/// The forms a reader of `language` may write, for the "not a date" hint.
fn forms(language: &Language) -> &'static str {
    match language {
        Language::German => "3. Oktober 1990, 3.10.1990, Oktober 1990 or 1990",
        Language::French => "14 juillet 1789, 14/07/1789, juillet 1789 or 1789",
        Language::Spanish => "12 de octubre de 1492, 12/10/1492, octubre de 1492 or 1492",
        Language::Russian => "12 апреля 1961, 12.04.1961, апрель 1961 or 1961",
        Language::Korean => "1926년 11월 4일, 1926. 11. 4., 1926년 11월 or 1926년",
        Language::Japanese | Language::Chinese => "1964年10月1日, 1964/10/1, 1964年10月 or 1964年",
        Language::Arabic => "22 مارس 1945, 22/03/1945, مارس 1945 or 1945",
        Language::Hebrew => "22 במרץ 1945, 22.03.1945, מרץ 1945 or 1945",
        _ => "5 January 2021, January 2021, 2021-01-05 or 2021",
    }
}

/// Words that may stand around a date's parts: "the 5th of January", "am 3. Oktober",
/// "12 de octubre de 1492", "в 1961 году", "1945 م".
const FILLER: &[&str] = &[
    "of", "the", "on", "in", "ad", "ce", "am", "im", "jahr", "jahre", "le", "en", "de", "del",
    "el", "го", "в", "г", "год", "года", "году", "عام", "سنة", "في", "م", "ב", "בשנת", "שנת",
];

/// Reads `input` as a date at the precision the input gives, as an English reader writes
/// it (see [`parse_date_in`]).
pub fn parse_date(input: &str) -> Result<FactDate, UnreadableDate> {
    parse_date_in(input, Language::English)
}

/// Reads `input` as a date at the precision the input gives, in the forms readers of
/// `language` write (and the English and ISO forms).
pub fn parse_date_in(input: &str, language: Language) -> Result<FactDate, UnreadableDate> {
    let not_a_date = || UnreadableDate::NotADate(language);
    let text = plain_digits(input).to_lowercase();
    if text.is_empty() {
        return Err(not_a_date());
    }
    if let Some(built) = super::cjk_date::read(&text) {
        return built;
    }
    // "1926. 11. 4." as Korean writes it is 1926.11.4.
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let squeezed = squeezed.trim_end_matches('.');
    if let Some(numeric) = all_numeric(squeezed) {
        return numeric_date(squeezed, &numeric, language);
    }
    let mut month = None;
    let mut numbers: Vec<&str> = Vec::new();
    let tokens: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || is_mark(c)))
        .filter(|t| !t.is_empty())
        .collect();
    let mut i = 0;
    while let Some(token) = tokens.get(i).copied() {
        i += 1;
        let named = if starts_two_word_name(&super::normalize::key(token))
            && let Some(next) = tokens.get(i)
        {
            i += 1;
            month_of(&format!("{token} {next}"))
        } else {
            month_of(token)
        };
        if let Some(n) = ordinal_or_number(token) {
            numbers.push(n);
        } else if let Some(m) = named {
            if month.replace(m).is_some() {
                return Err(not_a_date());
            }
        } else if !FILLER.contains(&token) {
            return Err(not_a_date());
        }
    }
    let year_of = |s: &str| -> Result<i16, UnreadableDate> {
        if s.len() < 3 {
            return Err(UnreadableDate::ShortYear);
        }
        s.parse().map_err(|_| UnreadableDate::NotADate(language))
    };
    let built = match (month, numbers.as_slice()) {
        (None, [y]) => FactDate::year(year_of(y)?),
        (Some(m), [y]) if y.len() >= 3 => FactDate::month(year_of(y)?, m),
        (Some(_), [_]) => return Err(UnreadableDate::NoYear),
        (Some(m), [a, b]) => {
            let (day, year) = match (a.len() <= 2, b.len() <= 2) {
                (true, false) => (a, b),
                (false, true) => (b, a),
                (true, true) => return Err(UnreadableDate::ShortYear),
                (false, false) => return Err(not_a_date()),
            };
            let day: i8 = day
                .parse()
                .map_err(|_| UnreadableDate::NotADate(language))?;
            FactDate::day(year_of(year)?, m, day)
        }
        (None, [_, _] | [_, _, _]) => {
            return Err(UnreadableDate::AmbiguousNumeric(input.trim().to_owned()));
        }
        _ => return Err(not_a_date()),
    };
    built.map_err(|_| UnreadableDate::Impossible(input.trim().to_owned()))
}

/// The numeric parts when `text` is digits and `-`, `/`, `.` separators only.
fn all_numeric(text: &str) -> Option<Vec<&str>> {
    let numeric = text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.'));
    numeric.then(|| text.split(['-', '/', '.']).collect())
}

/// Combining marks that belong to a word (Arabic harakat, Hebrew points, kana voicing).
fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// Year-first numeric dates are unambiguous (ISO 8601 and its slash and dot cousins), and
/// so are month/year forms; day-month-year is read day-first where the language writes
/// it so, and elsewhere only when it has one valid reading; anything else is refused.
fn numeric_date(
    text: &str,
    parts: &[&str],
    language: Language,
) -> Result<FactDate, UnreadableDate> {
    let order = language.numeric_dates();
    let not_a_date = || UnreadableDate::NotADate(language);
    if parts.iter().any(|p| p.is_empty()) {
        return Err(not_a_date());
    }
    let num = |s: &str| s.parse::<i8>().map_err(|_| not_a_date());
    let year = |s: &str| s.parse::<i16>().map_err(|_| not_a_date());
    let built = match parts {
        [y] if y.len() < 3 => return Err(UnreadableDate::ShortYear),
        [y] => FactDate::year(year(y)?),
        [y, rest @ ..] if y.len() == 4 && rest.iter().all(|p| p.len() <= 2) => match rest {
            [m] => FactDate::month(year(y)?, num(m)?),
            [m, d] => FactDate::day(year(y)?, num(m)?, num(d)?),
            _ => return Err(not_a_date()),
        },
        [m, y] if y.len() == 4 && m.len() <= 2 => FactDate::month(year(y)?, num(m)?),
        // "05/01/21": whatever the order of day and month, the year is short.
        [a, b, y] if a.len() <= 2 && b.len() <= 2 && y.len() <= 2 => {
            return Err(UnreadableDate::ShortYear);
        }
        [d, m, y] if order == NumericDates::DayFirst && y.len() == 4 && d.len() <= 2 => {
            FactDate::day(year(y)?, num(m)?, num(d)?)
        }
        [a, b, y] if y.len() == 4 && a.len() <= 2 && b.len() <= 2 => {
            let (a, b, y) = (num(a)?, num(b)?, year(y)?);
            match (FactDate::day(y, b, a), FactDate::day(y, a, b)) {
                (Ok(day_first), Ok(month_first)) if day_first != month_first => {
                    return Err(UnreadableDate::AmbiguousNumeric(text.to_owned()));
                }
                (Ok(only), _) | (_, Ok(only)) => Ok(only),
                (Err(e), Err(_)) => Err(e),
            }
        }
        _ => return Err(UnreadableDate::AmbiguousNumeric(text.to_owned())),
    };
    built.map_err(|_| UnreadableDate::Impossible(text.to_owned()))
}

/// "5th" → "5"; "1er" → "1"; "1961г" → "1961"; "1945م" → "1945"; "2021" → "2021";
/// "jan" → None.
fn ordinal_or_number(token: &str) -> Option<&str> {
    let digits = token.trim_end_matches(|c: char| !c.is_ascii_digit());
    let suffix = &token[digits.len()..];
    let is_number = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    let ordinal = matches!(
        suffix,
        "" | "st" | "nd" | "rd" | "th" | "er" | "re" | "e" | "г" | "م"
    );
    (is_number && ordinal).then_some(digits)
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
    fn reads_each_languages_forms() {
        let read = |s: &str, l: Language| {
            parse_date_in(s, l).map_or_else(|e| format!("error: {e}"), |d| d.to_string())
        };
        assert_eq!(
            read("12 de octubre de 1492", Language::Spanish),
            "1492-10-12"
        );
        assert_eq!(read("22 مارس 1945م", Language::Arabic), "1945-03-22");
        assert_eq!(read("3. Okt. 1990", Language::German), "1990-10-03");
        assert_eq!(read("03.10.1990", Language::German), "1990-10-03");
        assert_eq!(read("12.04.1961", Language::Russian), "1961-04-12");
        assert_eq!(read("1926. 11. 4.", Language::Korean), "1926-11-04");
        assert_eq!(
            read("１９６４年１０月１日", Language::Japanese),
            "1964-10-01"
        );
        assert!(read("03.10.1990", Language::English).contains("day-first or month-first"));
        assert!(read("jui 1789", Language::French).starts_with("error: that is not a date"));
        assert!(read("bald", Language::German).contains("3. Oktober 1990"));
    }

    #[test]
    fn refuses_to_guess() {
        assert!(matches!(
            parse_date("05/01/2021"),
            Err(UnreadableDate::AmbiguousNumeric(_))
        ));
        assert!(matches!(
            parse_date("12/11/2021"),
            Err(UnreadableDate::AmbiguousNumeric(_))
        ));
        assert_eq!(parse_date("05/01/21"), Err(UnreadableDate::ShortYear));
        assert_eq!(parse_date("5.1.21"), Err(UnreadableDate::ShortYear));
        assert!(matches!(
            parse_date("13/13/2021"),
            Err(UnreadableDate::Impossible(_))
        ));
        assert_eq!(parse_date("Jan 5 21"), Err(UnreadableDate::ShortYear));
        assert_eq!(parse_date("21"), Err(UnreadableDate::ShortYear));
        assert_eq!(parse_date("January 5"), Err(UnreadableDate::NoYear));
        assert!(matches!(
            parse_date("February 30, 2021"),
            Err(UnreadableDate::Impossible(_))
        ));
        assert_eq!(
            parse_date("yesterday"),
            Err(UnreadableDate::NotADate(Language::English))
        );
        assert_eq!(
            parse_date("ma 2021"),
            Err(UnreadableDate::NotADate(Language::English))
        );
    }
}
