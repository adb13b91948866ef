//! The digits of a number with its separators, read as the deck's readers write them:
//! "11.238" is eleven thousand two hundred and thirty-eight in a German deck and eleven
//! point two three eight in an English one. Where the deck's language has no known
//! convention, a separator that could be either is asked about, never guessed.
//!
//! Arabic's own decimal mark (٫) and thousands mark (٬), the Swiss apostrophe and the
//! underscore mean the same in every language.

use crate::deck::language::DecimalMark;

use super::number::NumberError;

/// Reads `digits` (ASCII digits and separators only) as a number by the convention `mark`.
pub fn read_digits(digits: &str, mark: DecimalMark) -> Result<f64, NumberError> {
    let refuse = || match mark {
        DecimalMark::Comma => NumberError::DecimalComma(digits.to_owned()),
        _ => NumberError::BadGrouping(digits.to_owned()),
    };
    // Marks with one meaning everywhere: 'g' groups, 'd' is the decimal mark.
    let mut text: String = digits
        .chars()
        .filter(|c| *c != '_')
        .map(|c| match c {
            '\'' | '\u{2019}' | '\u{66c}' => 'g',
            '\u{66b}' => 'd',
            c => c,
        })
        .collect();
    let (points, commas) = (text.matches('.').count(), text.matches(',').count());
    let decimal = if text.contains('d') {
        None
    } else if points > 0 && commas > 0 {
        // Both: the last is the decimal mark, if the convention allows it.
        let last = if text.rfind('.') > text.rfind(',') {
            '.'
        } else {
            ','
        };
        match (mark, last) {
            (DecimalMark::Point, ',') | (DecimalMark::Comma, '.') => return Err(refuse()),
            _ => Some(last),
        }
    } else if points + commas == 0 {
        None
    } else {
        let sep = if points > 0 { '.' } else { ',' };
        match mark {
            DecimalMark::Point => Some('.').filter(|_| sep == '.'),
            DecimalMark::Comma => Some(',').filter(|_| sep == ','),
            DecimalMark::Unknown if points + commas > 1 => None,
            DecimalMark::Unknown => {
                let (int, frac) = text.split_once(sep).unwrap_or((&text, ""));
                if frac.len() == 3 && (1..=3).contains(&int.len()) {
                    return Err(NumberError::AmbiguousSeparator(digits.to_owned()));
                }
                Some(sep)
            }
        }
    };
    if let Some(d) = decimal
        && let Some(at) = text.rfind(d)
    {
        text.replace_range(at..at + 1, "d");
    }
    let (int, frac) = text.split_once('d').unwrap_or((&text, ""));
    if frac.contains(|c: char| !c.is_ascii_digit()) {
        return Err(refuse());
    }
    let mut groups = int.split(['.', ',', 'g']);
    let first_ok = groups.next().is_some_and(|g| {
        g.bytes().all(|b| b.is_ascii_digit())
            && (int.len() == g.len() || (1..=3).contains(&g.len()))
    });
    if !first_ok || !groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit())) {
        return Err(refuse());
    }
    let whole: String = int.chars().filter(char::is_ascii_digit).collect();
    if whole.is_empty() && frac.is_empty() {
        return Err(NumberError::NotANumber);
    }
    format!("{whole}.{frac}")
        .trim_end_matches('.')
        .parse()
        .map_err(|_| NumberError::NotANumber)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str, mark: DecimalMark) -> Result<f64, NumberError> {
        read_digits(s, mark)
    }

    #[test]
    fn each_convention_reads_its_own_separators() {
        use DecimalMark::{Comma, Point, Unknown};
        assert_eq!(read("11.238", Comma), Ok(11238.0));
        assert_eq!(read("11.238", Point), Ok(11.238));
        assert_eq!(read("83,6", Comma), Ok(83.6));
        assert_eq!(read("1.234.567,5", Comma), Ok(1_234_567.5));
        assert_eq!(read("1,234,567.5", Point), Ok(1_234_567.5));
        assert_eq!(read("5,000", Point), Ok(5000.0));
        assert_eq!(read("1'000", Comma), Ok(1000.0));
        assert_eq!(read("3٫5", Point), Ok(3.5));
        assert_eq!(read("1٬234", Comma), Ok(1234.0));
        assert_eq!(read(".5", Point), Ok(0.5));
        assert_eq!(read("5000", Unknown), Ok(5000.0));
        assert_eq!(read("11.5", Unknown), Ok(11.5));
        assert_eq!(read("1.234.567", Unknown), Ok(1_234_567.0));
        assert_eq!(read("1.234,5", Unknown), Ok(1234.5));
    }

    #[test]
    fn what_the_convention_forbids_or_leaves_open_is_refused() {
        use DecimalMark::{Comma, Point, Unknown};
        assert!(matches!(
            read("5,00", Point),
            Err(NumberError::BadGrouping(_))
        ));
        assert!(matches!(
            read("1.234,5", Point),
            Err(NumberError::BadGrouping(_))
        ));
        assert!(matches!(
            read("2.5", Comma),
            Err(NumberError::DecimalComma(_))
        ));
        assert!(matches!(
            read("1,234.5", Comma),
            Err(NumberError::DecimalComma(_))
        ));
        assert!(matches!(
            read("11.238", Unknown),
            Err(NumberError::AmbiguousSeparator(_))
        ));
        assert!(matches!(
            read("11,238", Unknown),
            Err(NumberError::AmbiguousSeparator(_))
        ));
    }
}
