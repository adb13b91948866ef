//! Dates written the way people write them ("May 21, 1904", "21 May 1904", "May 1904"),
//! read only to tell a deck's author how to write them in TOML: the deck format itself
//! takes `1904-05-21` and nothing else, so that no date is ever guessed.

use super::date::{FactDate, MONTH_NAMES, Precision};

/// The TOML value for a date written in words: `1904-05-21` for a day, `"1904-05"` for a
/// month. `None` when `written` is not such a date, or not a real one.
pub(crate) fn toml_date_for(written: &str) -> Option<String> {
    let words: Vec<&str> = written
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '/'))
        .filter(|w| !w.is_empty())
        .collect();
    let date = match words.as_slice() {
        [a, b, c] => {
            match (month(a), month(b)) {
                // "May 21, 1904"
                (Some(m), None) => FactDate::day(year(c)?, m, day(b)?),
                // "21 May 1904"
                (None, Some(m)) => FactDate::day(year(c)?, m, day(a)?),
                _ => numeric(a, b, c)?,
            }
        }
        // "May 1904"
        [a, b] => FactDate::month(year(b)?, month(a)?),
        _ => return None,
    }
    .ok()?;
    Some(match date.precision() {
        Precision::Day => date.to_string(),
        _ => format!("\"{date}\""),
    })
}

/// "21/05/1904" or "05/21/1904", only when the order is not in doubt (one of the first two
/// numbers is over 12, or both are the same).
fn numeric(a: &str, b: &str, c: &str) -> Option<Result<FactDate, super::date::DateError>> {
    let (a, b, y) = (number(a)?, number(b)?, year(c)?);
    let (m, d) = match (a > 12, b > 12) {
        (true, false) => (b, a),
        (false, true) => (a, b),
        (false, false) if a == b => (a, b),
        _ => return None,
    };
    Some(FactDate::day(
        y,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    ))
}

/// "May", "may", "Sept.", "Sep": a month name or a prefix of one of at least three letters.
fn month(word: &str) -> Option<i8> {
    let word = word.trim_end_matches('.').to_lowercase();
    if word.len() < 3 {
        return None;
    }
    let at = MONTH_NAMES
        .iter()
        .position(|name| name.to_lowercase().starts_with(&word))?;
    i8::try_from(at + 1).ok()
}

/// "21", "21st", "3rd".
fn day(word: &str) -> Option<i8> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    let n = number(digits)?;
    i8::try_from(n).ok().filter(|d| (1..=31).contains(d))
}

fn year(word: &str) -> Option<i16> {
    (word.len() == 4).then(|| word.parse().ok()).flatten()
}

fn number(word: &str) -> Option<u32> {
    (!word.is_empty() && word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_words_become_toml_dates() {
        for written in [
            "May 21, 1904",
            "21 May 1904",
            "May 21st 1904",
            "may 21 1904",
        ] {
            assert_eq!(
                toml_date_for(written).as_deref(),
                Some("1904-05-21"),
                "{written}"
            );
        }
        assert_eq!(
            toml_date_for("Sept. 3, 1939").as_deref(),
            Some("1939-09-03")
        );
        assert_eq!(toml_date_for("May 1904").as_deref(), Some("\"1904-05\""));
        assert_eq!(toml_date_for("21/05/1904").as_deref(), Some("1904-05-21"));
        assert_eq!(toml_date_for("05/21/1904").as_deref(), Some("1904-05-21"));
    }

    #[test]
    fn what_is_not_a_clear_date_gets_no_suggestion() {
        for written in [
            "February 30, 2021",
            "05/06/1904",
            "Ma 21, 1904",
            "soon",
            "21 May",
        ] {
            assert_eq!(toml_date_for(written), None, "{written}");
        }
    }
}
