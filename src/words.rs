//! Small English for messages ("1 question", "3 questions"), and slugs: the one rule for
//! ids made from text.

/// "s" unless `n` is one.
pub fn plural_s(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `n` and the noun, singular or plural: `counted(1, "card")` is "1 card".
pub fn counted(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", plural_s(n))
}

/// Lowercase ASCII words of `text` (transliterated) joined by hyphens, at most `max_words`
/// of them and `max_len` bytes (cut at a word); `None` when the text has no letter or digit.
pub fn slug(text: &str, max_words: usize, max_len: usize) -> Option<String> {
    let ascii = deunicode::deunicode(text).to_lowercase();
    let mut out = String::new();
    for word in ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(max_words)
    {
        let with_hyphen = usize::from(!out.is_empty());
        if !out.is_empty() && out.len() + with_hyphen + word.len() > max_len {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    out.truncate(max_len);
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_everything_else_plural() {
        assert_eq!(counted(0, "card"), "0 cards");
        assert_eq!(counted(1, "card"), "1 card");
        assert_eq!(counted(2, "error"), "2 errors");
    }
}
