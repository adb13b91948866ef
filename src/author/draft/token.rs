//! Words, numbers and punctuation of one sentence, with their byte spans, for the date and
//! figure patterns to match on.

use std::ops::Range;

use crate::deck::language::DecimalMark;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tok {
    /// Letters, with apostrophes inside ("Workers'", "people's" keep theirs).
    Word,
    /// Digits, with thousands separators ("6,175,000") and a decimal part ("2.5").
    Number(Num),
    /// Any other single character that is not whitespace.
    Punct(char),
}

/// A number as written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num {
    pub value: f64,
    /// Digits after the decimal point.
    pub decimals: u8,
    /// Written with thousands separators.
    pub grouped: bool,
    /// Digits before the decimal point, separators not counted.
    pub int_digits: usize,
}

impl Num {
    /// A plain run of 1–2 digits that can be a day of the month.
    pub fn day(&self) -> Option<i8> {
        let plain = self.decimals == 0 && !self.grouped && self.int_digits <= 2;
        (plain && (1.0..=31.0).contains(&self.value)).then_some(self.value as i8)
    }

    /// A plain four-digit number that can be a year.
    pub fn year(&self) -> Option<i16> {
        let plain = self.decimals == 0 && !self.grouped && self.int_digits == 4;
        (plain && (1000.0..=2999.0).contains(&self.value)).then_some(self.value as i16)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token<'s> {
    pub tok: Tok,
    pub text: &'s str,
    /// Byte range in the sentence.
    pub span: Range<usize>,
    /// Whitespace (or the start of the sentence) comes right before it.
    pub space_before: bool,
}

impl Token<'_> {
    pub fn is_word(&self, word: &str) -> bool {
        self.tok == Tok::Word && self.text.eq_ignore_ascii_case(word)
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.tok == Tok::Punct(c)
    }

    pub fn num(&self) -> Option<Num> {
        match self.tok {
            Tok::Number(n) => Some(n),
            _ => None,
        }
    }

    /// A word starting with an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        self.tok == Tok::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Splits a sentence into tokens, numbers written as in English ("6,175,000", "2.5").
#[cfg(test)]
pub fn tokens(s: &str) -> Vec<Token<'_>> {
    tokens_in(s, DecimalMark::Point)
}

/// Splits a sentence into tokens, numbers read with the decimal mark of the document's
/// language: with a decimal comma, "83,6" is one number and "11.238" is grouped.
pub fn tokens_in(s: &str, mark: DecimalMark) -> Vec<Token<'_>> {
    let (group, point) = match mark {
        DecimalMark::Comma => (b'.', b','),
        DecimalMark::Point | DecimalMark::Unknown => (b',', b'.'),
    };
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut space_before = true;
    while i < s.len() {
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        if c.is_whitespace() {
            space_before = true;
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let tok = if c.is_ascii_digit() {
            let (end, num) = number(bytes, i, group, point);
            i = end;
            Tok::Number(num)
        } else if c.is_alphabetic() {
            i = word_end(s, i);
            Tok::Word
        } else {
            i += c.len_utf8();
            Tok::Punct(c)
        };
        out.push(Token {
            tok,
            text: &s[start..i],
            span: start..i,
            space_before,
        });
        space_before = false;
    }
    out
}

fn word_end(s: &str, start: usize) -> usize {
    let mut end = start;
    let mut chars = s[start..].char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let inner_apostrophe =
            matches!(c, '\'' | '\u{2019}') && chars.peek().is_some_and(|(_, n)| n.is_alphabetic());
        if c.is_alphabetic() || inner_apostrophe {
            end = start + at + c.len_utf8();
        } else if matches!(c, '\'' | '\u{2019}') && at > 0 && s[start..start + at].ends_with('s') {
            // "Workers' Party": a plural possessive keeps its apostrophe.
            end = start + at + c.len_utf8();
            break;
        } else {
            break;
        }
    }
    end
}

/// Reads digits with thousands separators (`group`) and one decimal part (after `point`),
/// from `start`.
fn number(bytes: &[u8], start: usize, group: u8, point: u8) -> (usize, Num) {
    let digits_from = |at: usize| {
        bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let mut i = start + digits_from(start);
    let mut int_text: Vec<u8> = bytes[start..i].to_vec();
    let mut grouped = false;
    // ",ddd" not followed by another digit continues the integer part.
    while bytes.get(i) == Some(&group)
        && digits_from(i + 1) == 3
        && (grouped || int_text.len() <= 3)
    {
        int_text.extend_from_slice(&bytes[i + 1..i + 4]);
        i += 4;
        grouped = true;
    }
    let mut decimals = 0;
    let mut text = int_text.clone();
    if bytes.get(i) == Some(&point) && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
        let n = digits_from(i + 1);
        text.push(b'.');
        text.extend_from_slice(&bytes[i + 1..i + 1 + n]);
        decimals = u8::try_from(n).unwrap_or(u8::MAX);
        i += 1 + n;
    }
    let value = std::str::from_utf8(&text)
        .ok()
        .and_then(|t| t.parse::<f64>().ok())
        .unwrap_or(0.0);
    let num = Num {
        value,
        decimals,
        grouped,
        int_digits: int_text.len(),
    };
    (i, num)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<String> {
        tokens(s)
            .iter()
            .map(|t| match t.tok {
                Tok::Word => format!("w:{}", t.text),
                Tok::Number(n) => format!("n:{}", n.value),
                Tok::Punct(c) => format!("p:{c}"),
            })
            .collect()
    }

    #[test]
    fn numbers_keep_separators_and_decimals() {
        assert_eq!(
            kinds("6,175,000 members, 2.5% and 80-day"),
            [
                "n:6175000",
                "w:members",
                "p:,",
                "n:2.5",
                "p:%",
                "w:and",
                "n:80",
                "p:-",
                "w:day"
            ]
        );
        let t = tokens("1,959 | 44 | 2021.");
        assert!(t[0].num().unwrap().grouped);
        assert_eq!(t[4].num().unwrap().year(), Some(2021));
        assert_eq!(t[2].num().unwrap().day(), None);
    }

    #[test]
    fn a_decimal_comma_is_read_where_the_language_writes_one() {
        let t = tokens_in("83,6 Millionen und 11.238 Gemeinden", DecimalMark::Comma);
        assert_eq!(t[0].num().unwrap().value, 83.6);
        assert_eq!(t[3].num().unwrap().value, 11238.0);
        assert!(t[3].num().unwrap().grouped);
    }

    #[test]
    fn a_list_of_numbers_is_not_one_number() {
        assert_eq!(kinds("1,2,3"), ["n:1", "p:,", "n:2", "p:,", "n:3"]);
        assert_eq!(kinds("12,345,67"), ["n:12345", "p:,", "n:67"]);
    }

    #[test]
    fn words_keep_inner_and_possessive_apostrophes() {
        assert_eq!(
            kinds("Workers' Party, people's 8th"),
            ["w:Workers'", "w:Party", "p:,", "w:people's", "n:8", "w:th"]
        );
        let t = tokens("8th");
        assert!(!t[1].space_before);
    }
}
