//! Text keys for comparing answers: two texts that a reader would call "the same answer"
//! get the same key.
//!
//! NFKC folds compatibility forms (full-width letters, half-width kana, ligatures); each
//! script is then folded by its own rules (`script`: Latin transliterated to ASCII, other
//! scripts kept, marks a reader may leave out dropped); then case, apostrophes,
//! punctuation, hyphens and a leading "the" stop mattering. Han, kana and Hangul are
//! written without spaces between words, so a space between two of them is no break.

use unicode_normalization::UnicodeNormalization;

use super::distance::{keys_distance, typo_allowance};
use super::script::{fold, is_cjk, look_alikes};

/// The comparison key of `text`: lowercase words separated by single spaces (ASCII for
/// Latin-script text).
pub fn key(text: &str) -> String {
    // Typographic quotes and dashes are separators like their ASCII cousins; only other
    // non-ASCII text needs the (slower) Unicode folding.
    if text
        .chars()
        .all(|c| c.is_ascii() || is_typographic_punctuation(c))
    {
        return finish(plain_words(text));
    }
    let mut nfkc: String = text.nfkc().collect();
    if nfkc.contains('"') {
        nfkc = hebrew_gershayim(&nfkc);
    }
    let mut out = words(&fold(&nfkc));
    if out.contains(|c: char| !c.is_ascii()) {
        let mixed: Vec<String> = out
            .split(' ')
            .map(|w| look_alikes(w).unwrap_or_else(|| w.to_owned()))
            .collect();
        out = mixed.join(" ");
    }
    finish(out)
}

/// The key of `text` with German umlauts written out (ü as ue: "Muenchen" for
/// "München"), as German is typed without them; `None` when `text` has none. "Munchen"
/// is the same answer by [`key`] already.
pub fn umlaut_key(text: &str) -> Option<String> {
    // Plain ASCII has no umlaut, composed or not.
    if text.is_ascii() {
        return None;
    }
    let composed: String = text.nfc().collect();
    if !composed.contains(['ä', 'ö', 'ü', 'Ä', 'Ö', 'Ü']) {
        return None;
    }
    let mut out = String::with_capacity(composed.len() + 4);
    for c in composed.chars() {
        match c {
            'ä' | 'Ä' => out.push_str("ae"),
            'ö' | 'Ö' => out.push_str("oe"),
            'ü' | 'Ü' => out.push_str("ue"),
            c => out.push(c),
        }
    }
    Some(key(&out))
}

/// Whether `given` (a key) is `text` as written, in the reader's way of writing it.
pub fn is_same_answer(given: &str, text: &str) -> bool {
    is_same_keyed_answer(given, text, &key(text))
}

/// [`is_same_answer`] for a `text` whose key is known already.
pub fn is_same_keyed_answer(given: &str, text: &str, text_key: &str) -> bool {
    text_key == given || umlaut_key(text).is_some_and(|k| k == given)
}

/// `text` with a straight double quote after a Hebrew letter read as gershayim, as Hebrew
/// keyboards type it ("צה\"ל" for "צה״ל"), which the key leaves out.
fn hebrew_gershayim(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut after_hebrew = false;
    for c in text.chars() {
        if !(c == '"' && after_hebrew) {
            out.push(c);
        }
        after_hebrew = ('\u{5d0}'..='\u{5ea}').contains(&c);
    }
    out
}

/// The letters and digits of `text` as lowercase words, one space between them.
fn words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c) {
            let joined = is_cjk(c) && out.chars().next_back().is_some_and(is_cjk);
            if gap && !out.is_empty() && !joined {
                out.push(' ');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else if !matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{5f3}' | '\u{5f4}') {
            // Apostrophes (and Hebrew geresh and gershayim) vanish ("Workers' Party" =
            // "Workers Party"); every other separator, hyphens included, is a word break
            // ("Jong-un" = "Jong un").
            gap = true;
        }
    }
    out
}

/// [`words`] for ASCII text with typographic quotes and dashes, a byte at a time: no
/// letter there is a mark, Han, kana or Hangul, or changes length when lowercased.
fn plain_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else if !matches!(c, '\'' | '\u{2018}' | '\u{2019}') {
            gap = true;
        }
    }
    out
}

fn finish(mut out: String) -> String {
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

/// The runs of digits in a key, in order: numbers inside text answers get no typo tolerance.
pub fn digit_runs(key: &str) -> impl Iterator<Item = &str> {
    key.split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
}

/// Edit distance between two keys (see `distance`: graphemes, jamo in Hangul), or `None`
/// when it exceeds `limit` or their numbers differ.
pub fn close_distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    if !digit_runs(a).eq(digit_runs(b)) {
        return None;
    }
    keys_distance(a, b, limit)
}

/// [`close_distance`] within the typo allowance of `answer` (a key).
pub fn typo_distance(given: &str, answer: &str) -> Option<usize> {
    close_distance(given, answer, typo_allowance(answer))
}

/// Whether `needle` occurs in `haystack` as whole words (both are keys). Han, kana and
/// Hangul have no spaces between words: next to them, any place is a word's edge.
pub fn contains_words(haystack: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let edge = |inside: Option<char>, outside: Option<char>| {
        outside.is_none_or(|c| c == ' ' || (is_cjk(c) && inside.is_some_and(is_cjk)))
    };
    haystack.match_indices(needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        edge(needle.chars().next(), before) && edge(needle.chars().next_back(), after)
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
    fn each_script_is_compared_in_its_own_letters() {
        assert_ne!(key("平成"), key("平城"));
        assert_ne!(key("مصر"), key("مسر"));
        assert_eq!(key("坂本 龍馬"), key("坂本龍馬"));
        assert_eq!(key("세종 대왕"), "세종대왕");
        assert_eq!(key("ジョン・万次郎"), "ジョン万次郎");
        assert_eq!(key("Ёлка"), key("елка"));
        assert_eq!(key("Мoсква"), key("Москва"), "a Latin o in a Russian word");
        assert_eq!(key("צה״ל"), "צהל");
        assert_eq!(key("צה\"ל"), "צהל");
        assert_eq!(key("\"שלום\""), "שלום");
        assert_eq!(key("ＡＢＣ　４７"), "abc 47");
        assert_eq!(key("٤٧"), "47");
        assert!(is_same_answer(&key("Muenchen"), "München"));
        assert!(is_same_answer(&key("Munchen"), "München"));
        assert!(!is_same_answer(&key("Muenchen"), "Munchen"));
        assert_eq!(umlaut_key("Munchen"), None);
        assert_eq!(umlaut_key("Mu\u{308}nchen").as_deref(), Some("muenchen"));
    }

    #[test]
    fn plain_text_is_split_as_any_text() {
        for text in [
            "  The April 25 House of Culture. ",
            "Workers’ Party — “the” 5-year plan…",
            "Kim Jong-un's o'clock",
            "",
            "--",
            "a–b−c“d”",
        ] {
            assert_eq!(plain_words(text), words(text), "{text}");
        }
    }

    #[test]
    fn words_of_scripts_without_spaces_are_found_inside_a_text() {
        assert!(contains_words(&key("平成時代の始まり"), &key("平成")));
        assert!(contains_words(&key("부산에서 열린 회의"), &key("부산")));
        assert!(!contains_words("planetary", "planet"));
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
