//! Problems found in a deck, located by byte span and rendered rustc-style.

use std::borrow::Cow;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

/// How bad a problem is. Warnings become errors under `check --strict`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem in one deck file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// What is wrong, in one line: "duplicate fact id `opening`".
    pub message: String,
    /// Byte range in the deck text that the problem points at, when it has a place.
    pub span: Option<Range<usize>>,
    /// Short text beside the caret: "defined again here".
    pub label: Option<String>,
    /// What to do about it: "give each fact its own id".
    pub help: Option<String>,
    /// The kind of warning that a deck may have once per fact, which `check` tells once.
    pub recurring: Option<Recurring>,
}

/// Warnings that come once per fact, so that a deck can have hundreds of them: `check`
/// shows them as one line with a count unless asked to list them (`--verbose`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Recurring {
    /// A fact without a `quote`.
    MissingQuote,
    /// A text that still starts with a draft's `TODO:`.
    DraftTodo,
    /// A figure's `what` without an article, which English questions read badly.
    BareFigure,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            span: None,
            label: None,
            help: None,
            recurring: None,
        }
    }

    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    pub fn at(mut self, span: Range<usize>) -> Self {
        self.span = Some(span);
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn recurring(mut self, kind: Recurring) -> Self {
        self.recurring = Some(kind);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// 1-based line and column (in characters) of the span's start in `text`.
    pub fn line_column(&self, text: &str) -> Option<(usize, usize)> {
        let start = self.span.as_ref()?.start.min(text.len());
        let before = text.get(..start)?;
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Some((line, column))
    }

    /// Renders the problem as rustc does: a header, `--> path:line:col`, the source line with a
    /// caret, and the help. `color` should follow the terminal and `NO_COLOR`.
    pub fn render(&self, path: &str, text: &str, color: bool) -> String {
        self.render_in(path, &Lines::new(text), color)
    }

    /// [`render`](Self::render) over a text indexed once: only the lines the span covers
    /// are handed to the renderer, so rendering many problems of one file stays linear.
    pub fn render_in(&self, path: &str, lines: &Lines<'_>, color: bool) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let message = printable_note(&self.message);
        let title = level.primary_title(message.as_ref());
        let mut report = vec![];
        let group = match &self.span {
            Some(span) => {
                let (excerpt, first_line, span) = lines.excerpt(span.clone());
                let text = printable(excerpt);
                let span = clamp_span(&text, span);
                let mut annotation = AnnotationKind::Primary.span(span);
                if let Some(label) = &self.label {
                    annotation = annotation.label(printable_note(label));
                }
                title.element(
                    Snippet::source(text)
                        .line_start(first_line)
                        .path(path)
                        .annotation(annotation),
                )
            }
            // No place in the file to show: just say which file, as ` --> path`.
            None => title.element(Origin::path(path)),
        };
        report.push(group);
        if let Some(help) = &self.help {
            report.push(Group::with_title(
                Level::HELP.secondary_title(printable_note(help)),
            ));
        }
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        renderer.render(&report)
    }
}

/// A deck's text with the byte offset of every line start, computed once per file.
#[derive(Debug, Clone)]
pub struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    pub fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { text, starts }
    }

    /// The whole lines that `span` touches, the 1-based number of the first, and the span
    /// moved into them.
    fn excerpt(&self, span: Range<usize>) -> (&'t str, usize, Range<usize>) {
        let len = self.text.len();
        let (start, end) = (
            span.start.min(len),
            span.end.clamp(span.start.min(len), len),
        );
        // Index of the line holding `start`: the last line start at or before it.
        let first = self
            .starts
            .partition_point(|&s| s <= start)
            .saturating_sub(1);
        let last = self.starts.partition_point(|&s| s < end.max(start + 1));
        let from = self.starts.get(first).copied().unwrap_or(0);
        let to = self.starts.get(last).copied().unwrap_or(len).max(from);
        let excerpt = self.text.get(from..to).unwrap_or("");
        (excerpt, first + 1, start - from..end - from)
    }
}

/// Deck text safe to print: annotate-snippets shows C0 controls and DEL in source lines as
/// symbols (␛), but lets C1 controls (U+0080–U+009F, such as the 8-bit CSI) through. They
/// become `¤`, which is as long in UTF-8, so spans into the text stay valid.
fn printable(text: &str) -> Cow<'_, str> {
    replace_controls(text, |c| ('\u{80}'..='\u{9f}').contains(&c))
}

/// A message, label or help, which may quote deck text: every control but a newline
/// becomes `¤`.
fn printable_note(text: &str) -> Cow<'_, str> {
    replace_controls(text, |c| c.is_control() && c != '\n')
}

fn replace_controls(text: &str, unsafe_char: impl Fn(char) -> bool) -> Cow<'_, str> {
    if text.chars().any(&unsafe_char) {
        Cow::Owned(
            text.chars()
                .map(|c| if unsafe_char(c) { '¤' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

/// Keeps a span inside the text and on character boundaries, so rendering never panics.
fn clamp_span(text: &str, span: Range<usize>) -> Range<usize> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based_and_count_characters() {
        let text = "a = 1\nbé = 'x'\n";
        let d = Diagnostic::error("bad").at(10..13);
        assert_eq!(d.line_column(text), Some((2, 4)));
    }

    #[test]
    fn renders_path_line_column_caret_and_help() {
        let text = "[deck]\nid = \"\"\n";
        let d = Diagnostic::error("empty string")
            .at(12..14)
            .label("here")
            .help("write something");
        let out = d.render("deck.toml", text, false);
        assert!(out.contains("error: empty string"), "{out}");
        assert!(out.contains("deck.toml:2:6"), "{out}");
        assert!(out.contains("^^"), "{out}");
        assert!(out.contains("help: write something"), "{out}");
    }

    #[test]
    fn without_a_span_only_the_path_is_shown() {
        let d = Diagnostic::error("cannot read the source").help("pass --source FILE");
        let out = d.render("deck.toml", "[deck]\n", false);
        assert_eq!(
            out,
            "error: cannot read the source\n --> deck.toml\n  |\nhelp: pass --source FILE"
        );
        let bare = Diagnostic::warning("odd").render("deck.toml", "", false);
        assert_eq!(bare, "warning: odd\n --> deck.toml");
    }

    #[test]
    fn nothing_from_the_deck_reaches_the_terminal_as_a_control() {
        let text = "title = \"\u{1b}[31mred \u{9b}31m\u{7}\"\n";
        let d = Diagnostic::error("`title` is \u{1b}[2J and \u{9b}2J")
            .at(8..30)
            .label("\u{9b}")
            .help("\u{1b}");
        let out = d.render("deck.toml", text, false);
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
        assert!(out.contains("␛[31mred ¤31m␇"), "{out}");
    }

    #[test]
    fn a_span_past_the_end_does_not_panic() {
        let d = Diagnostic::error("x").at(50..90);
        let _ = d.render("d.toml", "é", false);
        let d = Diagnostic::error("x").at(1..2);
        let _ = d.render("d.toml", "é", false);
    }
}
