//! Splitting a plain-text document into sentences, each a verbatim slice of the document so
//! that it can serve as a fact's `quote`.
//!
//! Paragraphs (runs of non-blank lines) are split at sentence ends; list items, table rows
//! and headings are units of their own, without their bullet or table bars.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// One sentence: a slice of the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence<'d> {
    pub text: &'d str,
    /// Byte offset of `text` in the document.
    pub start: usize,
    /// 1-based line of the document where it starts.
    pub line: usize,
}

/// Words that end in a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "no", "nos", "gen", "col",
    "lt", "sgt", "capt", "gov", "sen", "rep", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "fig", "approx", "ca", "cf",
    "e.g", "i.e", "u.s", "u.k", "a.m", "p.m",
];

/// Every sentence of the document, in order.
pub fn sentences<'d>(doc: &'d str) -> Vec<Sentence<'d>> {
    let mut out = Vec::new();
    let mut paragraph: Option<Range<usize>> = None;
    let mut offset = 0;
    let flush = |range: Option<Range<usize>>, out: &mut Vec<Sentence<'d>>| {
        if let Some(r) = range {
            split_paragraph(doc, r, out);
        }
    };
    for line in doc.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim_start();
        let indent = content.len() - trimmed.len();
        if trimmed.is_empty() {
            flush(paragraph.take(), &mut out);
        } else if let Some(inner) = unit_content(trimmed) {
            flush(paragraph.take(), &mut out);
            let at = offset_in(doc, inner);
            push(doc, at..at + inner.len(), &mut out);
        } else {
            let end = start + content.len();
            paragraph = Some(match paragraph.take() {
                Some(p) => p.start..end,
                None => start + indent..end,
            });
        }
    }
    flush(paragraph, &mut out);
    number_lines(doc, &mut out);
    out
}

/// Sets each sentence's line, counting newlines once from one sentence to the next (they
/// come in document order).
fn number_lines(doc: &str, sentences: &mut [Sentence<'_>]) {
    let mut line = 1;
    let mut counted = 0;
    for s in sentences {
        let upto = s.start.max(counted);
        line += doc[counted..upto].matches('\n').count();
        counted = upto;
        s.line = line;
    }
}

/// The text of a line that stands alone (list item, table row, heading), if it is one.
fn unit_content(line: &str) -> Option<&str> {
    let bullet = ["- ", "* ", "\u{2022} ", "+ "]
        .iter()
        .find_map(|b| line.strip_prefix(b));
    if let Some(rest) = bullet {
        return Some(rest.trim());
    }
    if line.starts_with('|') {
        return Some(line.trim_matches(|c: char| c == '|' || c.is_whitespace()));
    }
    if line.starts_with('=') || line.starts_with('#') {
        return Some(line.trim_matches(|c: char| c == '=' || c == '#' || c.is_whitespace()));
    }
    None
}

/// Byte offset of `inner` (a subslice) within `outer`.
fn offset_in(outer: &str, inner: &str) -> usize {
    (inner.as_ptr() as usize).saturating_sub(outer.as_ptr() as usize)
}

/// Adds the sentence at `range`, split at control characters: a quote may not hold one (it
/// would reach the terminal), and a quote must be the document's own words.
fn push<'d>(doc: &'d str, range: Range<usize>, out: &mut Vec<Sentence<'d>>) {
    let Some(raw) = doc.get(range) else {
        return;
    };
    for piece in raw.split(|c: char| c.is_control() && !c.is_whitespace()) {
        let text = piece.trim();
        if text.is_empty() {
            continue;
        }
        let start = offset_in(doc, text);
        // Lines are counted once for the whole document, in `number_lines`.
        out.push(Sentence {
            text,
            start,
            line: 0,
        });
    }
}

/// Splits a paragraph at `.`, `!` or `?` (and any closing quotes or brackets) followed by
/// whitespace and a capital letter, digit or opening quote — unless the word before the full
/// stop is an abbreviation or an initial, or a day before its month ("am 3. Oktober").
fn split_paragraph<'d>(doc: &'d str, range: Range<usize>, out: &mut Vec<Sentence<'d>>) {
    let text = &doc[range.clone()];
    let mut from = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(at, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut end = k + 1;
        while chars
            .get(end)
            .is_some_and(|(_, c)| matches!(c, '"' | '\'' | ')' | '\u{201d}' | '\u{2019}'))
        {
            end += 1;
        }
        let Some(&(_, next)) = chars.get(end) else {
            continue;
        };
        if !next.is_whitespace() {
            continue;
        }
        let starts_sentence = chars[end..]
            .iter()
            .find(|(_, c)| !c.is_whitespace())
            .is_some_and(|(_, c)| {
                c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\u{201c}' | '(')
            });
        let stop = chars[end].0;
        let ordinal = c == '.' && is_ordinal_day(&text[from..=at], &text[stop..]);
        if !starts_sentence || (c == '.' && is_abbreviation(&text[from..at])) || ordinal {
            continue;
        }
        split_unicode(doc, range.start + from..range.start + stop, out);
        from = stop;
    }
    split_unicode(doc, range.start + from..range.end, out);
}

/// Splits a piece of a paragraph further at the sentence ends of Unicode's rules (UAX #29,
/// through unicode-segmentation): the stops of other scripts (`。`, `！`, `؟`, `।`)
/// wherever they are, and a full stop before a letter without case (Korean, Japanese,
/// Chinese, Arabic, Hebrew). A line break inside the paragraph is no sentence end, nor a
/// full stop after an abbreviation or an initial, nor a stop before a lower-case letter.
fn split_unicode<'d>(doc: &'d str, range: Range<usize>, out: &mut Vec<Sentence<'d>>) {
    let text = &doc[range.clone()];
    // Line breaks read as spaces (same length, so offsets hold).
    let flat = text.replace(['\n', '\r'], " ");
    let mut from = 0;
    for (at, piece) in flat.split_sentence_bound_indices() {
        let stop = at + piece.len();
        if stop >= flat.len() || at < from {
            continue;
        }
        let sentence = flat[from..stop].trim_end();
        let next = flat[stop..].chars().next();
        let before_lowercase = next.is_some_and(char::is_lowercase);
        let abbreviated =
            sentence.ends_with('.') && is_abbreviation(&sentence[..sentence.len() - 1]);
        if before_lowercase || abbreviated || is_ordinal_day(sentence, &flat[stop..]) {
            continue;
        }
        push(doc, range.start + from..range.start + stop, out);
        from = stop;
    }
    push(doc, range.start + from..range.end, out);
}

/// Whether a full stop ends a day written as an ordinal before its month ("am 3. Oktober").
fn is_ordinal_day(sentence: &str, after: &str) -> bool {
    let Some(before) = sentence.strip_suffix('.') else {
        return false;
    };
    let day = before
        .rsplit(|c: char| !c.is_ascii_digit())
        .next()
        .unwrap_or("");
    let month = after
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    (1..=2).contains(&day.len()) && crate::read::months::month_named(month).is_some()
}

/// Whether the text before a full stop ends in an abbreviation or a single initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    initial || ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(doc: &str) -> Vec<&str> {
        sentences(doc).iter().map(|s| s.text).collect()
    }

    #[test]
    fn paragraphs_split_at_sentence_ends_only() {
        let doc = "It opened on Jan. 5, 2021. Dr. Kim spoke\nfor 2.5 hours. J. Smith left!\n\"Yes,\" he said. 5,000 came.";
        assert_eq!(
            texts(doc),
            [
                "It opened on Jan. 5, 2021.",
                "Dr. Kim spoke\nfor 2.5 hours.",
                "J. Smith left!",
                "\"Yes,\" he said.",
                "5,000 came."
            ]
        );
    }

    #[test]
    fn list_items_rows_and_headings_stand_alone() {
        let doc = "= Title =\nIntro line\n- Prev: 7th Congress (2016)\n| Military | 408 | 719 | \u{2212}311 |\n\nLast one.";
        assert_eq!(
            texts(doc),
            [
                "Title",
                "Intro line",
                "Prev: 7th Congress (2016)",
                "Military | 408 | 719 | \u{2212}311",
                "Last one."
            ]
        );
        let s = sentences(doc);
        assert_eq!(s[2].line, 3);
        assert_eq!(
            texts("A bell\u{7}rang. Then\u{1b}[31m red."),
            ["A bell", "rang.", "Then", "[31m red."]
        );
        assert_eq!(&doc[s[3].start..s[3].start + s[3].text.len()], s[3].text);
    }

    #[test]
    fn sentences_of_other_scripts_are_split_too() {
        assert_eq!(
            texts("東京オリンピックは1964年10月1日に開幕した。閉会式は10月24日だった。"),
            [
                "東京オリンピックは1964年10月1日に開幕した。",
                "閉会式は10月24日だった。"
            ]
        );
        assert_eq!(
            texts("세종은 1443년에 훈민정음을 창제하였다. 반포는 1446년이었다."),
            [
                "세종은 1443년에 훈민정음을 창제하였다.",
                "반포는 1446년이었다."
            ]
        );
        assert_eq!(
            texts("Am 3. Oktober 1990 trat die DDR bei. Es gab 16 Länder."),
            ["Am 3. Oktober 1990 trat die DDR bei.", "Es gab 16 Länder."]
        );
        assert_eq!(
            texts("\"Yes!\" he said. Then he left."),
            ["\"Yes!\" he said.", "Then he left."]
        );
    }
}
