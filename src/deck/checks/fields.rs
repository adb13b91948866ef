//! Reading single fields: presence, type, and text. Each helper reports what is wrong and
//! returns `None`, so the caller goes on. Lists of names are in `lists`, dates and numbers
//! in `values`.

use std::fmt;
use std::ops::Range;

use toml::Spanned;

use super::{Checker, Table};
use crate::deck::diagnostic::{Diagnostic, Recurring};
use crate::deck::raw::{F, Typed};

/// How messages name a value: a field (`` `answer` ``) or one entry of a list field.
#[derive(Debug, Clone, Copy)]
pub(in crate::deck) enum Name<'a> {
    Field(&'a str),
    EntryOf(&'a str),
}

impl fmt::Display for Name<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Name::Field(field) => write!(f, "`{field}`"),
            Name::EntryOf(field) => write!(f, "an entry of `{field}`"),
        }
    }
}

impl<'a> From<&'a str> for Name<'a> {
    fn from(field: &'a str) -> Self {
        Name::Field(field)
    }
}

impl Checker<'_> {
    /// A field's value, or a report that it has the wrong type (`expected`: "a string").
    pub(in crate::deck) fn typed<'n, T>(
        &mut self,
        f: F<T>,
        name: impl Into<Name<'n>>,
        expected: &str,
    ) -> Option<Spanned<T>> {
        let span = f.span();
        match f.into_inner() {
            Typed::Ok(value) => Some(Spanned::new(span, value)),
            Typed::Wrong(reason) => {
                self.push(
                    Diagnostic::error(format!(
                        "{} must be {expected}, {}",
                        name.into(),
                        found(&reason)
                    ))
                    .at(span)
                    .help(format!("write it as {expected}")),
                );
                None
            }
        }
    }

    /// A field that must be there; a missing one is reported at the table's header with
    /// what to add (`example` is a value to show: `"…"`, `2021-01-05`).
    pub(in crate::deck) fn require<T>(
        &mut self,
        f: Option<F<T>>,
        field: &str,
        example: &str,
        table: &Table,
    ) -> Option<F<T>> {
        if f.is_none() && !self.misspelt.contains(&field) {
            self.push(
                Diagnostic::error(format!("missing field `{field}` in {}", table.name))
                    .at(table.span.clone())
                    .label(format!("this table has no `{field}`"))
                    .help(format!("add `{field} = {example}` to it")),
            );
        }
        f
    }

    /// A required text field, with its span.
    pub(in crate::deck) fn required_text(
        &mut self,
        f: Option<F<String>>,
        field: &str,
        table: &Table,
    ) -> Option<(String, Range<usize>)> {
        let f = self.require(f, field, "\"…\"", table)?;
        let span = f.span();
        self.text(f, field).map(|t| (t, span))
    }

    pub(in crate::deck) fn opt_text(
        &mut self,
        f: Option<F<String>>,
        field: &str,
    ) -> Option<String> {
        f.and_then(|f| self.text(f, field))
    }

    /// Text: a string, not blank, without control characters. Returned trimmed.
    pub(in crate::deck) fn text<'n>(
        &mut self,
        f: F<String>,
        name: impl Into<Name<'n>>,
    ) -> Option<String> {
        let name = name.into();
        let s = self.typed(f, name, "a string")?;
        let span = s.span();
        let text = s.into_inner();
        let trimmed = trim(&text);
        let mut ok = true;
        if trimmed.is_empty() {
            self.push(
                Diagnostic::error(format!("{name} is empty"))
                    .at(span.clone())
                    .help("write a value, or leave the field out if it is optional"),
            );
            ok = false;
        }
        if trimmed.starts_with("TODO:") {
            // `factdeck draft` marks what a person must still write this way.
            self.push(
                Diagnostic::warning(format!("{name} is still a draft's TODO"))
                    .at(span.clone())
                    .help("write the phrase it asks for; `check --strict` refuses a deck with TODOs left")
                    .recurring(Recurring::DraftTodo),
            );
        }
        if let Some(c) = self
            .controls_possible
            .then(|| forbidden_control(&text))
            .flatten()
        {
            let (what, why) = if c == '\u{1b}' {
                (
                    "a terminal escape sequence".to_owned(),
                    "control characters",
                )
            } else if crate::term::is_invisible(c) {
                (
                    format!("the invisible character U+{:04X}", u32::from(c)),
                    "invisible and direction-changing characters",
                )
            } else {
                (
                    format!("the control character U+{:04X}", u32::from(c)),
                    "control characters",
                )
            };
            self.push(
                Diagnostic::error(format!("{name} contains {what}"))
                    .at(span)
                    .help(format!("remove it: {why} would reach the user's terminal")),
            );
            ok = false;
        }
        match (ok, trimmed.len() == text.len()) {
            (false, _) => None,
            (true, true) => Some(text),
            (true, false) => Some(trimmed.to_owned()),
        }
    }

    /// An optional list of strings (`tags`, `accept`); bad entries are reported and left out.
    pub(in crate::deck) fn text_list(
        &mut self,
        f: Option<F<Vec<F<String>>>>,
        field: &str,
    ) -> Vec<String> {
        let Some(list) = f.and_then(|f| self.typed(f, field, "an array of strings")) else {
            return Vec::new();
        };
        list.into_inner()
            .into_iter()
            .filter_map(|item| self.text(item, Name::EntryOf(field)))
            .collect()
    }

    /// A table-valued field (`source`, `previous`); `expected` says how to write it.
    pub(in crate::deck) fn table_value<T>(
        &mut self,
        f: F<T>,
        field: &str,
        expected: &str,
    ) -> Option<Spanned<T>> {
        self.typed(f, field, expected)
    }
}

/// `str::trim`, with a shortcut for the usual text that starts and ends with a visible
/// ASCII character (trimming is a measurable share of loading a large deck).
pub(in crate::deck) fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// The first character that must never reach a terminal from deck text: a control, or an
/// invisible or direction-changing character (`term::is_invisible`). Newlines and tabs are
/// text; a carriage return only as part of a Windows line end.
fn forbidden_control(text: &str) -> Option<char> {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let allowed = match c {
            '\n' | '\t' => true,
            '\r' => chars.peek() == Some(&'\n'),
            c => !c.is_control() && !crate::term::is_invisible(c),
        };
        if !allowed {
            return Some(c);
        }
    }
    None
}

/// serde's "invalid type: integer `5`, expected a string" as "found integer `5`" in TOML's
/// words; other messages as they are.
fn found(reason: &str) -> String {
    let Some(rest) = reason.strip_prefix("invalid type: ") else {
        return format!("but {reason}");
    };
    let unexpected = rest.split(", expected").next().unwrap_or(rest);
    let unexpected = match unexpected {
        "sequence" => "an array",
        "map" => "a table",
        other => other,
    };
    format!("found {unexpected}")
}

/// "integer" → "an integer", "string" → "a string".
pub(in crate::deck) fn article(type_name: &str) -> String {
    match type_name.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => format!("an {type_name}"),
        _ => format!("a {type_name}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_takes_the_shortcut_only_when_nothing_is_to_trim() {
        for text in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\u{a0}a",
            "a\u{3000}",
            "é",
            "a b",
            "\ta\n",
        ] {
            assert_eq!(trim(text), text.trim(), "{text:?}");
        }
    }

    #[test]
    fn control_characters_are_found_but_line_ends_and_tabs_are_text() {
        assert_eq!(forbidden_control("plain text, café"), None);
        assert_eq!(forbidden_control("two\nlines\r\nand\ta tab"), None);
        assert_eq!(forbidden_control("red \u{1b}[31m"), Some('\u{1b}'));
        assert_eq!(forbidden_control("bell \u{7}"), Some('\u{7}'));
        assert_eq!(forbidden_control("lone \r return"), Some('\r'));
        assert_eq!(forbidden_control("C1 CSI \u{9b}31m"), Some('\u{9b}'));
        assert_eq!(forbidden_control("delete \u{7f}"), Some('\u{7f}'));
        assert_eq!(forbidden_control("abc\u{202e}txt"), Some('\u{202e}'));
        assert_eq!(forbidden_control("soft\u{ad}hyphen"), Some('\u{ad}'));
        assert_eq!(forbidden_control("zero\u{200b}width"), Some('\u{200b}'));
        assert_eq!(forbidden_control("joined \u{200d} emoji"), None);
    }

    #[test]
    fn type_errors_read_in_toml_words() {
        assert_eq!(
            found("invalid type: integer `5`, expected a string"),
            "found integer `5`"
        );
        assert_eq!(
            found("invalid type: sequence, expected a string"),
            "found an array"
        );
        assert_eq!(found("something else"), "but something else");
    }
}
