//! Text fitted to the terminal: wrapped at word boundaries (textwrap), never by the terminal
//! in the middle of a word, and never into the last column, where some terminals wrap at
//! once and leave a blank line behind.

use textwrap::Options;

/// The columns text may use in a terminal `columns` wide.
pub fn usable(columns: u16) -> usize {
    usize::from(columns).saturating_sub(1).max(20)
}

/// Every line of `text` wrapped to `width` columns. A continuation keeps the line's
/// indentation, and lines under a list marker ("a) ", "• ", "1. ") line up with its text.
pub fn lines(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.split('\n') {
        if textwrap::core::display_width(line) <= width {
            out.push(line.to_owned());
            continue;
        }
        let hanging = " ".repeat(hanging_indent(line));
        let options = Options::new(width)
            .subsequent_indent(&hanging)
            .break_words(true);
        out.extend(
            textwrap::wrap(line, options)
                .into_iter()
                .map(|l| l.into_owned()),
        );
    }
    out
}

/// One paragraph wrapped to `width`, its continuation lines indented by `indent` columns.
pub fn hanging(text: &str, width: usize, indent: usize) -> String {
    let indent = " ".repeat(indent);
    let options = Options::new(width)
        .subsequent_indent(&indent)
        .break_words(true);
    textwrap::wrap(text, options).join("\n")
}

/// `text` wrapped to `width`, as one string.
pub fn block(text: &str, width: usize) -> String {
    lines(text, width).join("\n")
}

/// `text` wrapped to the width of standard error when it is a terminal; as it is otherwise
/// (a pipe, a file, a screen reader's plain mode want lines as written). For the words a
/// signal handler prints, where no frontend is at hand.
pub fn for_stderr(text: &str) -> String {
    let term = console::Term::stderr();
    match term.is_term() {
        true => block(text, usable(term.size().1)),
        false => text.to_owned(),
    }
}

/// Where the continuation of a line starts: under its text, past indentation and a marker.
fn hanging_indent(line: &str) -> usize {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    let marker = ["• ", "✗ ", "✓ ", "≈ "]
        .iter()
        .find(|m| rest.starts_with(*m))
        .map(|m| textwrap::core::display_width(m))
        .or_else(|| {
            // "a) " or "12. "
            let end = rest.find([')', '.'])?;
            let head = &rest[..end];
            let short = !head.is_empty() && head.len() <= 3;
            let label = head.chars().all(|c| c.is_ascii_alphanumeric());
            (short && label && rest[end + 1..].starts_with(' ')).then_some(end + 2)
        })
        .unwrap_or(0);
    indent + marker
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_break_between_words_and_keep_their_indentation() {
        let text = "✗ Wrong. The answer: Kim Jong Il\n  Source: “Kim Jong Il was elected at the congress.”";
        let wrapped = lines(text, 24);
        assert_eq!(
            wrapped,
            [
                "✗ Wrong. The answer: Kim",
                "  Jong Il",
                "  Source: “Kim Jong Il",
                "  was elected at the",
                "  congress.”",
            ]
        );
        assert!(
            wrapped
                .iter()
                .all(|l| textwrap::core::display_width(l) <= 24)
        );
    }

    #[test]
    fn options_hang_under_their_text() {
        let wrapped = lines("  c) a military parade in the capital city", 20);
        assert_eq!(
            wrapped,
            ["  c) a military", "     parade in the", "     capital city"]
        );
    }

    #[test]
    fn a_word_longer_than_the_line_is_broken_rather_than_overflowing() {
        let wrapped = lines("see https://example.org/a/very/long/path/indeed", 20);
        assert!(
            wrapped.iter().all(|l| l.chars().count() <= 20),
            "{wrapped:?}"
        );
    }

    #[test]
    fn the_last_column_is_left_free() {
        assert_eq!(usable(80), 79);
        assert_eq!(usable(5), 20, "a sane minimum");
    }
}
