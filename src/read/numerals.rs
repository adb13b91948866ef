//! Numbers written in words: "eighty", "forty-four", "five thousand", "one thousand three
//! hundred", "a dozen". A typed number may be written either way, and in text answers
//! "five-year plan" and "5-year plan" are the same answer.

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn small(word: &str) -> Option<u64> {
    // Most words are no number: rule them out by their first letter before comparing.
    if !matches!(
        word.as_bytes().first(),
        Some(b'e' | b'f' | b'n' | b's' | b't' | b'z' | b'o')
    ) {
        return None;
    }
    UNITS
        .iter()
        .position(|u| *u == word)
        .map(|i| i as u64)
        .or_else(|| {
            TENS.iter()
                .position(|t| *t == word)
                .map(|i| 20 + 10 * i as u64)
        })
}

fn scale(word: &str) -> Option<u64> {
    match word {
        "hundred" => Some(100),
        "dozen" => Some(12),
        "thousand" => Some(1_000),
        "million" => Some(1_000_000),
        "billion" => Some(1_000_000_000),
        _ => None,
    }
}

/// Whether `word` (lowercase) is part of a number written in words.
pub fn is_number_word(word: &str) -> bool {
    value_of(word).is_some()
}

/// The number one word (lowercase) stands for alone: "twelve" → 12, "dozen" → 12,
/// "thousand" → 1000.
pub fn value_of(word: &str) -> Option<u64> {
    small(word).or_else(|| scale(word))
}

/// The number the words at the start of `words` spell, and how many words it took; `None`
/// when they spell none. "a"/"an" count as one before a scale ("a dozen", "a hundred"),
/// "and" between number words is skipped ("one hundred and five").
pub fn read(words: &[&str]) -> Option<(u64, usize)> {
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut used = 0;
    let mut any = false;
    let mut i = 0;
    while let Some(w) = words.get(i) {
        let next_is_scale = words.get(i + 1).is_some_and(|n| scale(n).is_some());
        let next_is_number = words.get(i + 1).is_some_and(|n| is_number_word(n));
        if let Some(v) = small(w) {
            current = current.saturating_add(v);
        } else if let Some(m) = scale(w).filter(|_| any || current > 0) {
            if m >= 1_000 {
                total = total.saturating_add(current.max(1).saturating_mul(m));
                current = 0;
            } else {
                current = current.max(1).saturating_mul(m);
            }
        } else if matches!(*w, "a" | "an") && next_is_scale && !any {
            current = 1;
            i += 1;
            continue;
        } else if *w == "and" && any && next_is_number {
            i += 1;
            continue;
        } else {
            break;
        }
        any = true;
        i += 1;
        used = i;
    }
    any.then_some((total.saturating_add(current), used))
}

/// `text` with every number written in words replaced by its digits ("eighty days" → "80
/// days", "forty-four" → "44", "five-year" → "5-year"). A scale after digits stays a word
/// ("5 thousand"), and a minus sign stays a sign.
pub fn with_digits(text: &str) -> String {
    // "forty-four" is two number words; "5-year" and "-311" are not split.
    let split = |t: &str| -> Vec<String> {
        let parts: Vec<&str> = t.split('-').collect();
        if parts.len() > 1 && parts.iter().all(|p| is_number_word(&p.to_lowercase())) {
            parts.iter().map(|p| (*p).to_owned()).collect()
        } else {
            vec![t.to_owned()]
        }
    };
    let tokens: Vec<String> = text.split_whitespace().flat_map(split).collect();
    let lower: Vec<String> = tokens.iter().map(|t| t.to_lowercase()).collect();
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        // A number word joined to a word by a hyphen ("five-year") is read on its own.
        let (head, rest) = lower[i].split_once('-').unwrap_or((&lower[i], ""));
        let words: Vec<&str> = if rest.is_empty() {
            lower[i..].iter().map(String::as_str).collect()
        } else {
            vec![head]
        };
        match read(&words) {
            Some((value, used)) if used > 0 => {
                if rest.is_empty() {
                    out.push(value.to_string());
                    i += used;
                } else {
                    out.push(format!("{value}-{}", &tokens[i][head.len() + 1..]));
                    i += 1;
                }
            }
            _ => {
                out.push(tokens[i].clone());
                i += 1;
            }
        }
    }
    out.join(" ")
}

/// A comparison key (lowercase words, single spaces) with numbers in words as digits, or
/// `None` when it has none ("five year plan" → "5 year plan").
pub fn key_with_digits(key: &str) -> Option<String> {
    if !key.split(' ').any(is_number_word) {
        return None;
    }
    let words: Vec<&str> = key.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        match read(&words[i..]) {
            Some((value, used)) if used > 0 => {
                out.push(value.to_string());
                i += used;
            }
            _ => {
                out.push(words[i].to_owned());
                i += 1;
            }
        }
    }
    Some(out.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_words_read_as_digits() {
        assert_eq!(with_digits("eighty"), "80");
        assert_eq!(with_digits("forty-four"), "44");
        assert_eq!(with_digits("five thousand"), "5000");
        assert_eq!(with_digits("one thousand three hundred"), "1300");
        assert_eq!(with_digits("a dozen"), "12");
        assert_eq!(with_digits("one hundred and five days"), "105 days");
        assert_eq!(with_digits("five-year plan"), "5-year plan");
        assert_eq!(
            with_digits("six million one hundred seventy-five thousand"),
            "6175000"
        );
        assert_eq!(with_digits("a plan and a dozen"), "a plan and 12");
        assert_eq!(with_digits("Kim Jong Un"), "Kim Jong Un");
        assert_eq!(
            key_with_digits("five year plan").as_deref(),
            Some("5 year plan")
        );
        assert_eq!(key_with_digits("kim jong un"), None);
    }
}
