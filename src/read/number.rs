//! Reading a typed number: "5000", "5,000", "5 000", "5k", "5000.0", "−311", "+414",
//! "increase of 1363", "5,000 delegates".
//!
//! Never guesses: "5,00" (a decimal comma?) is refused rather than read as 500 or 5.
//!
//! Digits of every script count ("４７", "١٩٣"), separators are read as the deck's
//! language writes them (`separators`), and Chinese, Japanese and Korean units of ten
//! thousand and a hundred million make one number ("1億2808万", `cjk_numbers`).

use unicode_normalization::UnicodeNormalization;

use crate::deck::Language;
use crate::deck::language::DecimalMark;

use super::normalize::key;
use super::script::{ascii_digit, is_cjk};
use super::units::{is_another_unit, is_the_unit};
use super::{cjk_numbers, separators};

/// Which way a typed change went, when the input says so ("+", "-", "increase", "fell").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// A number read from input.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TypedNumber {
    /// The value with its sign applied.
    pub value: f64,
    /// Set when the input gave a sign or a direction word; `None` for a bare magnitude.
    pub direction: Option<Direction>,
}

/// Why input is not a number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    #[error("that is not a number")]
    NotANumber,
    #[error("write one number only")]
    SeveralNumbers,
    #[error("`{0}` has a misplaced comma: write 5,000 or 5000, and a point for decimals (2.5)")]
    BadGrouping(String),
    #[error(
        "`{0}` is not written as this deck writes numbers: a comma marks decimals (2,5), \
         a point or a space groups thousands (5.000 or 5 000)"
    )]
    DecimalComma(String),
    #[error(
        "`{0}` could be a whole number or a decimal: write whole numbers without a separator \
         (11238) and decimals with a fourth decimal place (11.2380)"
    )]
    AmbiguousSeparator(String),
    #[error("the input says both up and down")]
    Contradiction,
    #[error("the answer is a number of {0}, not a percentage")]
    NotAPercentage(String),
    #[error("the answer is in {0}: give the number of {0}")]
    OtherUnit(String),
}

const UP: &[&str] = &[
    "increase",
    "increased",
    "rise",
    "rose",
    "risen",
    "up",
    "grew",
    "grown",
    "gain",
    "gained",
    "more",
    "higher",
    "plus",
];
const DOWN: &[&str] = &[
    "decrease",
    "decreased",
    "fall",
    "fell",
    "fallen",
    "down",
    "drop",
    "dropped",
    "decline",
    "declined",
    "loss",
    "lost",
    "fewer",
    "less",
    "lower",
    "minus",
];
const FILLER: &[&str] = &[
    "a",
    "an",
    "by",
    "of",
    "it",
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "circa",
    "c",
];

/// Reads `input` as one number, as an English reader writes it (see [`parse_number_in`]).
pub fn parse_number(input: &str, unit: Option<&str>) -> Result<TypedNumber, NumberError> {
    parse_number_in(input, unit, Language::English)
}

/// Reads `input` as one number, with separators as readers of `language` write them.
/// Ordinary words after it ("7,000 people", "501 women delegates", "47都道府県") are
/// ignored; a percent sign is refused when `unit` is not a percentage.
pub fn parse_number_in(
    input: &str,
    unit: Option<&str>,
    language: Language,
) -> Result<TypedNumber, NumberError> {
    let mark = language.decimal_mark();
    let text = plain_digits(input);
    let text = super::numerals::with_digits(&text);
    let text = cjk_numbers::join_groups(&text);
    let unit_key = unit.map(key).unwrap_or_default();
    let check_percent = || match unit {
        Some(u) if !super::units::takes_percent_sign(u) => {
            Err(NumberError::NotAPercentage(u.trim().to_owned()))
        }
        _ => Ok(()),
    };
    let mut found: Option<f64> = None;
    let mut direction = None;
    let mut set_direction = |d: Direction| match direction {
        Some(prev) if prev != d => Err(NumberError::Contradiction),
        _ => {
            direction = Some(d);
            Ok(())
        }
    };
    for token in join_digit_groups(&text) {
        let word = token.to_lowercase();
        let word = word.trim_matches(|c: char| matches!(c, '(' | ')' | ';' | ':' | '~'));
        if word.is_empty() {
            continue;
        }
        let starts_numeric = word
            .trim_start_matches(['+', '-'])
            .starts_with(|c: char| c.is_ascii_digit() || c == '.' || cjk_numbers::starts_number(c));
        // "Mio." and "тыс.": an abbreviation's point is no separator.
        let word = if starts_numeric {
            word
        } else {
            word.trim_end_matches('.')
        };
        if starts_numeric {
            if found.is_some() {
                return Err(NumberError::SeveralNumbers);
            }
            let (magnitude, sign, percent) = number_token(word, &unit_key, mark)?;
            if percent {
                check_percent()?;
            }
            if let Some(d) = sign {
                set_direction(d)?;
            }
            found = Some(magnitude);
        } else if is_the_unit(word, &unit_key) {
            // "7.32 m" for metres: the unit, not a million.
        } else if found.is_some() && is_another_unit(word, &unit_key) {
            return Err(NumberError::OtherUnit(unit.unwrap_or("").trim().to_owned()));
        } else if let Some(factor) = multiplier(word) {
            let value = found.ok_or(NumberError::NotANumber)?;
            found = Some(value * factor);
        } else if UP.contains(&word) {
            set_direction(Direction::Up)?;
        } else if DOWN.contains(&word) {
            set_direction(Direction::Down)?;
        } else if matches!(word, "%" | "percent" | "pc") {
            check_percent()?;
        } else if !(FILLER.contains(&word) || found.is_some()) {
            // Words before the number are not ignored: "delegates" alone is no answer.
            return Err(NumberError::NotANumber);
        }
    }
    let magnitude = found.ok_or(NumberError::NotANumber)?;
    let value = if direction == Some(Direction::Down) {
        -magnitude
    } else {
        magnitude
    };
    Ok(TypedNumber { value, direction })
}

/// Splits on whitespace, but keeps "5 000" and "1 234 567" (groups of three digits after a
/// space, including thin and no-break spaces) together as one token.
fn join_digit_groups(text: &str) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    for part in text.split(|c: char| c.is_whitespace() || c == '\u{202f}') {
        if part.is_empty() {
            continue;
        }
        let continues_group = part.len() >= 3
            && part.bytes().take(3).all(|b| b.is_ascii_digit())
            && !part.as_bytes().get(3).is_some_and(u8::is_ascii_digit);
        match tokens.last_mut() {
            Some(prev)
                if continues_group
                    && prev.bytes().last().is_some_and(|b| b.is_ascii_digit())
                    && prev
                        .trim_start_matches(['+', '-'])
                        .bytes()
                        .all(|b| b.is_ascii_digit() || b == b',') =>
            {
                prev.push_str(part);
            }
            _ => tokens.push(part.to_owned()),
        }
    }
    tokens
}

/// `input` with digits of every script as ASCII digits ("４７", "١٩٣"), full-width forms
/// folded, the Arabic percent sign as "%", minus signs and dashes as "-", and the marks
/// that set the direction of right-to-left text left out.
pub fn plain_digits(input: &str) -> String {
    input
        .trim()
        .nfkc()
        .filter(|c| {
            !matches!(
                c,
                '\u{200e}' | '\u{200f}' | '\u{61c}' | '\u{202a}'..='\u{202e}'
            )
        })
        .map(|c| match c {
            '\u{2212}' | '\u{2013}' => '-',
            '\u{66a}' => '%',
            c => ascii_digit(c).unwrap_or(c),
        })
        .collect()
}

/// "+1,363" → (1363, Up, false); "5k" → (5000, None, false); "45%" → (45, None, true);
/// "7.32m" for a figure in metres → (7.32, None, false); "1億2808万" → 128,080,000;
/// "47都道府県" → 47 (a counter follows).
fn number_token(
    token: &str,
    unit_key: &str,
    mark: DecimalMark,
) -> Result<(f64, Option<Direction>, bool), NumberError> {
    let (sign, rest) = match token.as_bytes().first() {
        Some(b'+') => (Some(Direction::Up), &token[1..]),
        Some(b'-') => (Some(Direction::Down), &token[1..]),
        _ => (None, token),
    };
    let digits_end = rest
        .find(|c: char| {
            !(c.is_ascii_digit() || matches!(c, ',' | '.' | '_' | '\'' | '\u{66b}' | '\u{66c}'))
        })
        .unwrap_or(rest.len());
    let (digits, suffix) = rest.split_at(digits_end);
    let magnitude = if digits.is_empty() {
        None
    } else {
        Some(separators::read_digits(digits, mark)?)
    };
    // The figure's own unit wins: "3776m" is metres when the figure is in metres.
    if matches!(suffix, "" | "%") || is_the_unit(suffix, unit_key) {
        let magnitude = magnitude.ok_or(NumberError::NotANumber)?;
        return Ok((magnitude, sign, suffix == "%"));
    }
    if let Some(factor) = multiplier(suffix) {
        let magnitude = magnitude.ok_or(NumberError::NotANumber)?;
        return Ok((magnitude * factor, sign, false));
    }
    let (value, after) = match cjk_numbers::read(magnitude, suffix) {
        Some(read) => read,
        None => (magnitude.ok_or(NumberError::NotANumber)?, suffix),
    };
    // A counter written on to the number ("47都道府県", "8명") is a word after it.
    if after.is_empty() || after == "%" || after.starts_with(is_cjk) {
        Ok((value, sign, after == "%"))
    } else {
        Err(NumberError::NotANumber)
    }
}

/// Words (lowercase) that multiply the number before them, in the languages with rules of
/// their own: "thousand", "Mio", "млрд", and abbreviations such as "k" and "bn".
pub fn multiplier(word: &str) -> Option<f64> {
    match word {
        "k" | "thousand" | "tausend" | "tsd" | "mille" | "mil" | "тыс" | "тысяч" | "тысяча"
        | "тысячи" => Some(1e3),
        "m" | "mn" | "million" | "millions" | "mio" | "millionen" | "millón" | "millon"
        | "millones" | "млн" | "миллион" | "миллиона" | "миллионов" => {
            Some(1e6)
        }
        "bn"
        | "billion"
        | "billions"
        | "mrd"
        | "milliarde"
        | "milliarden"
        | "milliard"
        | "milliards"
        | "md"
        | "млрд"
        | "миллиард"
        | "миллиарда"
        | "миллиардов" => Some(1e9),
        "trillion" | "trillions" => Some(1e12),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(s: &str) -> f64 {
        parse_number(s, Some("delegates")).unwrap().value
    }

    #[test]
    fn reads_every_common_way_of_writing_a_number() {
        for s in [
            "5000",
            "5,000",
            "5 000",
            "5\u{a0}000",
            "5k",
            "5K",
            "5000.0",
            "5 thousand",
            "5,000 delegates",
        ] {
            assert_eq!(value(s), 5000.0, "{s}");
        }
        assert_eq!(value("1 234 567"), 1_234_567.0);
        assert_eq!(value("2.5m"), 2_500_000.0);
        assert_eq!(value("−311"), -311.0);
        assert_eq!(value("+414"), 414.0);
    }

    #[test]
    fn directions_come_from_signs_and_words() {
        let up = parse_number("increase of 1363", None).unwrap();
        assert_eq!((up.value, up.direction), (1363.0, Some(Direction::Up)));
        let down = parse_number("fell by 311", None).unwrap();
        assert_eq!(
            (down.value, down.direction),
            (-311.0, Some(Direction::Down))
        );
        assert_eq!(parse_number("1363", None).unwrap().direction, None);
        assert_eq!(
            parse_number("-5 increase", None),
            Err(NumberError::Contradiction)
        );
    }

    #[test]
    fn refuses_what_it_would_have_to_guess() {
        assert!(matches!(
            parse_number("5,00", None),
            Err(NumberError::BadGrouping(_))
        ));
        assert_eq!(parse_number("apples", None), Err(NumberError::NotANumber));
        assert_eq!(
            parse_number("5000 6000", None),
            Err(NumberError::SeveralNumbers)
        );
        assert_eq!(parse_number("", None), Err(NumberError::NotANumber));
        assert_eq!(
            parse_number("apples 5000", Some("delegates")),
            Err(NumberError::NotANumber)
        );
    }

    #[test]
    fn the_figures_unit_may_follow_and_another_is_refused() {
        let days = |s: &str| parse_number(s, Some("days"));
        assert_eq!(days("80 days").unwrap().value, 80.0);
        assert_eq!(days("80 day").unwrap().value, 80.0);
        assert_eq!(days("80 weeks"), Err(NumberError::OtherUnit("days".into())));
        let metres = |s: &str| parse_number(s, Some("metres"));
        assert_eq!(metres("7.32 m").unwrap().value, 7.32);
        assert_eq!(metres("7.32m").unwrap().value, 7.32);
        assert_eq!(metres("7.32 metres").unwrap().value, 7.32);
        assert_eq!(parse_number("2.5m", None).unwrap().value, 2_500_000.0);
    }

    #[test]
    fn numbers_in_words_are_numbers() {
        assert_eq!(value("eighty"), 80.0);
        assert_eq!(value("forty-four"), 44.0);
        assert_eq!(value("five thousand"), 5000.0);
        assert_eq!(value("one thousand three hundred"), 1300.0);
        assert_eq!(value("a dozen"), 12.0);
        assert_eq!(
            parse_number("eighty days", Some("days")).unwrap().value,
            80.0
        );
    }

    #[test]
    fn ordinary_words_after_the_number_are_ignored() {
        assert_eq!(value("7,000 people"), 7000.0);
        assert_eq!(value("501 women delegates"), 501.0);
        assert_eq!(value("5 thousand people"), 5000.0);
        assert_eq!(
            parse_number("5000 people in 2021", None),
            Err(NumberError::SeveralNumbers)
        );
    }

    #[test]
    fn a_percentage_is_refused_for_a_count() {
        let refused = Err(NumberError::NotAPercentage("delegates".into()));
        assert_eq!(parse_number("2000%", Some("delegates")), refused);
        assert_eq!(parse_number("2000 %", Some("delegates")), refused);
        assert_eq!(parse_number("2000 percent", Some("delegates")), refused);
        assert_eq!(parse_number("45%", Some("%")).unwrap().value, 45.0);
        assert_eq!(
            parse_number("45 percent", Some("percent")).unwrap().value,
            45.0
        );
        assert_eq!(parse_number("45%", None).unwrap().value, 45.0);
    }
}
