//! Text keys for comparing answers: two texts that a reader would call "the same answer"
//! get the same key.
//!
//! NFKC folds compatibility forms (full-width letters, ligatures); deunicode strips
//! diacritics and transliterates ("Ŭlchi Mundŏk" → "Ulchi Mundok"); then case, apostrophes,
//! punctuation, hyphens and a leading "the" stop mattering.

use unicode_normalization::UnicodeNormalization;

/// The comparison key of `text`: lowercase ASCII words separated by single spaces.
pub fn key(text: &str) -> String {
    let folded;
    // Typographic quotes and dashes are separators like their ASCII cousins; only other
    // non-ASCII text needs the (slower) Unicode folding.
    let ascii = if text
        .chars()
        .all(|c| c.is_ascii() || is_typographic_punctuation(c))
    {
        text
    } else {
        let nfkc: String = text.nfkc().collect();
        folded = deunicode::deunicode(&nfkc);
        folded.as_str()
    };
    let mut out = String::with_capacity(ascii.len());
    let mut gap = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else if !matches!(c, '\'' | '\u{2018}' | '\u{2019}') {
            // Apostrophes vanish ("Workers' Party" = "Workers Party"); every other
            // separator, hyphens included, is a word break ("Jong-un" = "Jong un").
            gap = true;
        }
    }
    if out.starts_with("the ") {
        out.drain(..4);
    }
    // "five-year plan" and "5-year plan" are one answer.
    super::numerals::key_with_digits(&out).unwrap_or(out)
}

fn is_typographic_punctuation(c: char) -> bool {
    matches!(
        c,
        '\u{2018}'
            | '\u{2019}'
            | '\u{201c}'
            | '\u{201d}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2026}'
            | '\u{2212}'
    )
}

/// How many typing mistakes a text answer of `len` characters (of its key) may contain:
/// none up to 3 characters, 1 up to 5, 2 up to 11, then one more per 4 characters.
pub fn typo_allowance(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=5 => 1,
        6..=11 => 2,
        n => n / 4,
    }
}

/// The runs of digits in a key, in order: numbers inside text answers get no typo tolerance.
pub fn digit_runs(key: &str) -> impl Iterator<Item = &str> {
    key.split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
}

/// Edit distance between two keys (insertions, deletions, substitutions and swaps of two
/// neighbours each count 1), or `None` when it exceeds `limit` or their numbers differ.
pub fn close_distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit || !digit_runs(a).eq(digit_runs(b)) {
        return None;
    }
    let d = strsim::osa_distance(a, b);
    (d <= limit).then_some(d)
}

/// Whether `needle` occurs in `haystack` as whole words (both are keys).
pub fn contains_words(haystack: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    haystack.match_indices(needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        before.is_none_or(|c| c == ' ') && after.is_none_or(|c| c == ' ')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_marks_punctuation_and_hyphens() {
        assert_eq!(key("Ŭlchi Mundŏk"), key("ulchi mundok"));
        assert_eq!(key("Kim Jong-un"), "kim jong un");
        assert_eq!(
            key("  The April 25 House of Culture. "),
            "april 25 house of culture"
        );
        assert_eq!(key("Workers’ Party"), "workers party");
        assert_eq!(key("ＡＢＣ"), "abc");
        assert_eq!(key("The"), "the");
        assert_eq!(key("a new five-year plan"), key("a new 5-year plan"));
    }

    #[test]
    fn allowance_grows_with_length() {
        let allowed: Vec<usize> = [3, 4, 5, 6, 7, 11, 12, 20].map(typo_allowance).to_vec();
        assert_eq!(allowed, [0, 1, 1, 2, 2, 2, 3, 5]);
    }

    #[test]
    fn digits_must_match_exactly() {
        assert_eq!(close_distance("april 25 house", "april 26 house", 3), None);
        assert_eq!(
            close_distance("april 25 house", "aprl 25 house", 3),
            Some(1)
        );
        assert_eq!(close_distance("chairman", "general secretary", 3), None);
    }

    #[test]
    fn whole_word_containment() {
        assert!(contains_words("dwarf planet", "planet"));
        assert!(!contains_words("planetary body", "planet"));
        assert!(!contains_words("x", ""));
    }
}
