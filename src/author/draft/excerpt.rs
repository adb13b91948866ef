//! The words of a sentence around a value: the `quote` of a proposed fact (the clause
//! that states it, verbatim, at most [`QUOTE_CAP`] bytes) and the hint left for the person
//! who finishes the draft (the words near the value, with the value left out).
//!
//! Every function here looks only at a bounded stretch of the sentence around the value,
//! so a sentence with thousands of numbers costs time and memory in proportion to its
//! length, not to its length times its numbers.

use std::ops::Range;

/// The longest quote, in bytes: a sentence up to this long is quoted whole; a longer one
/// by the clause around the value, cut to this length at word boundaries.
pub const QUOTE_CAP: usize = 240;
/// Words of the sentence shown before and after the value in a hint.
const HINT_BEFORE: usize = 10;
const HINT_AFTER: usize = 6;
/// Bytes looked at on each side of a value for a hint: more than its words ever need.
const HINT_REACH: usize = 120;

/// The quote for a value at `span` of `text`: the whole sentence when it is short, else
/// the clause around the value (between `;`, `:` or a dash), capped; whitespace collapsed.
pub fn quote(text: &str, span: Range<usize>) -> String {
    if text.len() <= QUOTE_CAP {
        return collapse(text);
    }
    let span = clamp(text, span);
    let before = before(text, span.start, QUOTE_CAP);
    let after = after(text, span.end, QUOTE_CAP);
    let is_stop = |c: char| matches!(c, ';' | ':' | '\u{2014}');
    let start = before
        .rfind(is_stop)
        .map_or(span.start - before.len(), |p| {
            span.start - before.len() + p + 1
        });
    let end = after
        .find(is_stop)
        .map_or(span.end + after.len(), |p| span.end + p);
    // Within the clause, at most QUOTE_CAP bytes centred on the value, cut between words.
    let room = QUOTE_CAP.saturating_sub(span.len()) / 2;
    let mut from = start.max(span.start.saturating_sub(room));
    let mut to = end.min(span.end + room);
    // On characters: Cyrillic, Han or Hangul take several bytes each.
    while !text.is_char_boundary(from) {
        from += 1;
    }
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    if from > start {
        from = next_word(text, from).min(span.start);
    }
    if to < end {
        to = previous_word_end(text, to).max(span.end);
    }
    collapse(text.get(from..to).unwrap_or(""))
}

/// The sentence with `span` replaced by "…", cut to the words near it.
pub fn hint(text: &str, span: Range<usize>) -> String {
    let span = clamp(text, span);
    let head_text = before(text, span.start, HINT_REACH);
    let tail_text = after(text, span.end, HINT_REACH);
    let head: Vec<&str> = head_text.split_whitespace().collect();
    let tail: Vec<&str> = tail_text.split_whitespace().collect();
    // A word cut by the reach is not shown whole: count it as cut off.
    let head_cut = head_text.len() < span.start;
    let tail_cut = span.end + tail_text.len() < text.len();
    let mut parts: Vec<&str> = Vec::new();
    let skip = head
        .len()
        .saturating_sub(HINT_BEFORE)
        .max(usize::from(head_cut));
    if skip > 0 {
        parts.push("…");
    }
    parts.extend(head.iter().skip(skip));
    if !span.is_empty() {
        parts.push("…");
    }
    let after_words = if span.is_empty() {
        HINT_BEFORE + HINT_AFTER
    } else {
        HINT_AFTER
    };
    let shown = after_words.min(tail.len().saturating_sub(usize::from(tail_cut)));
    parts.extend(tail.iter().take(shown));
    if tail.len() > shown {
        parts.push("…");
    }
    parts.join(" ")
}

/// Every run of whitespace one space: quotes compare that way against the source.
pub fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Up to `reach` bytes of `text` before `at`, starting on a character boundary.
fn before(text: &str, at: usize, reach: usize) -> &str {
    let mut start = at.saturating_sub(reach);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    text.get(start..at).unwrap_or("")
}

/// Up to `reach` bytes of `text` from `at`, ending on a character boundary.
fn after(text: &str, at: usize, reach: usize) -> &str {
    let mut end = (at + reach).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(at..end).unwrap_or("")
}

/// `span` inside `text` and on character boundaries.
fn clamp(text: &str, span: Range<usize>) -> Range<usize> {
    let mut start = span.start.min(text.len());
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// The start of the first word at or after `at` (bounded: words are short).
fn next_word(text: &str, at: usize) -> usize {
    let rest = after(text, at, QUOTE_CAP);
    match rest.find(char::is_whitespace) {
        Some(space) => {
            let from = at + space;
            let gap = after(text, from, QUOTE_CAP);
            from + (gap.len() - gap.trim_start().len())
        }
        None => at,
    }
}

/// The end of the last whole word before `at`.
fn previous_word_end(text: &str, at: usize) -> usize {
    let head = before(text, at, QUOTE_CAP);
    match head.rfind(char::is_whitespace) {
        Some(space) => at - head.len() + head[..space].trim_end().len(),
        None => at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_sentence_in_letters_of_several_bytes_is_quoted_by_characters() {
        // 200 Hangul syllables (600 bytes), no spaces near the value: the quote is cut
        // between characters, never inside one.
        let text = format!("{}1926년{}", "가".repeat(100), "나".repeat(100));
        let at = text.find("1926").unwrap();
        let quoted = quote(&text, at..at + 4);
        assert!(!quoted.is_empty() && quoted.len() <= QUOTE_CAP, "{quoted}");
        assert!(text.contains(&quoted) && quoted.contains("1926"));
        let russian = format!("{} 1961 {}", "слово ".repeat(40), "конец ".repeat(40));
        let at = russian.find("1961").unwrap();
        let quoted = quote(&russian, at..at + 4);
        assert!(
            quoted.contains("1961") && collapse(&russian).contains(&quoted),
            "{quoted}"
        );
    }

    #[test]
    fn short_sentences_are_quoted_whole() {
        let text = "It met on\nDecember 29, 2020.";
        assert_eq!(quote(text, 10..27), "It met on December 29, 2020.");
    }

    #[test]
    fn a_long_sentence_is_quoted_by_the_clause_around_the_value() {
        let filler = "word ".repeat(100);
        let text = format!("{filler}; the congress had 5,000 delegates; {filler}");
        let at = text.find("5,000").unwrap();
        assert_eq!(quote(&text, at..at + 5), "the congress had 5,000 delegates");
        let long = format!("{filler}the congress had 5,000 delegates {filler}");
        let at = long.find("5,000").unwrap();
        let q = quote(&long, at..at + 5);
        assert!(q.len() <= QUOTE_CAP, "{}", q.len());
        assert!(q.contains("5,000 delegates") && long.contains(&q), "{q}");
        assert!(q.starts_with("word") && q.ends_with("word"), "{q}");
    }

    #[test]
    fn hints_leave_the_value_out() {
        let text = "one two three four five six seven eight nine ten eleven 5,000 a b c d e f g";
        let at = text.find("5,000").unwrap();
        assert_eq!(
            hint(text, at..at + 5),
            "… two three four five six seven eight nine ten eleven … a b c d e f …"
        );
        assert_eq!(
            hint("A report on December 30 confirmed it.", 12..23),
            "A report on … confirmed it."
        );
        let long = format!("{}5 cats{}", "x ".repeat(500), " y".repeat(500));
        assert_eq!(
            hint(&long, 1000..1001),
            format!("… {}… cats y y y y y …", "x ".repeat(10))
        );
    }
}
