//! Reading single fields: presence, type, text, dates, numbers, tolerances, lists.
//! Each helper reports what is wrong and returns `None`, so the caller goes on.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::ops::Range;

use toml::Spanned;

use super::{Checker, Table};
use crate::deck::date::FactDate;
use crate::deck::diagnostic::Diagnostic;
use crate::deck::model::Tolerance;
use crate::deck::number::Number;
use crate::deck::raw::{F, Typed};

/// Largest integer an f64 holds exactly; figures beyond it would print wrong.
const MAX_EXACT: i64 = 1 << 53;

const DATE_HELP: &str =
    "write a TOML date (2021-01-05), or a string \"2021-01\" or \"2021\" for a month or a year";
const NUMBER_HELP: &str = "write a bare number such as 5000, 5_000 or 2.5 (no quotes, no commas)";
const TOLERANCE_HELP: &str =
    "write an absolute amount (tolerance = 50) or a percentage (tolerance = \"5%\")";

/// How messages name a value: a field (`` `answer` ``) or one entry of a list field.
#[derive(Debug, Clone, Copy)]
pub(super) enum Name<'a> {
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
    pub(super) fn typed<'n, T>(
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
    pub(super) fn require<T>(
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
    pub(super) fn required_text(
        &mut self,
        f: Option<F<String>>,
        field: &str,
        table: &Table,
    ) -> Option<(String, Range<usize>)> {
        let f = self.require(f, field, "\"…\"", table)?;
        let span = f.span();
        self.text(f, field).map(|t| (t, span))
    }

    pub(super) fn opt_text(&mut self, f: Option<F<String>>, field: &str) -> Option<String> {
        f.and_then(|f| self.text(f, field))
    }

    /// Text: a string, not blank, without control characters. Returned trimmed.
    pub(super) fn text<'n>(&mut self, f: F<String>, name: impl Into<Name<'n>>) -> Option<String> {
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
        if let Some(c) = self
            .controls_possible
            .then(|| forbidden_control(&text))
            .flatten()
        {
            let what = if c == '\u{1b}' {
                "a terminal escape sequence".to_owned()
            } else {
                format!("the control character U+{:04X}", u32::from(c))
            };
            self.push(
                Diagnostic::error(format!("{name} contains {what}"))
                    .at(span)
                    .help("remove it: control characters would reach the user's terminal"),
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
    pub(super) fn text_list(&mut self, f: Option<F<Vec<F<String>>>>, field: &str) -> Vec<String> {
        let Some(list) = f.and_then(|f| self.typed(f, field, "an array of strings")) else {
            return Vec::new();
        };
        list.into_inner()
            .into_iter()
            .filter_map(|item| self.text(item, Name::EntryOf(field)))
            .collect()
    }

    /// Members of a set or items of a sequence: required, at least two, no repeats.
    pub(super) fn members(
        &mut self,
        f: Option<F<Vec<F<String>>>>,
        field: &str,
        kind: &str,
        table: &Table,
    ) -> Option<Vec<String>> {
        let f = self.require(f, field, "[\"…\", \"…\"]", table)?;
        let list = self.typed(f, field, "an array of strings")?;
        let span = list.span();
        let written = list.into_inner();
        let count = written.len();
        if count < 2 {
            self.push(
                Diagnostic::error(format!(
                    "a {kind} needs at least 2 {field}, this one has {count}"
                ))
                .at(span)
                .help(format!(
                    "add {field}, or write a `card` for a single answer"
                )),
            );
        }
        // Repeats are found before the entries are taken apart, while their spans are at hand.
        let texts: Vec<Option<&str>> = written
            .iter()
            .map(|f| match f.get_ref() {
                Typed::Ok(s) => Some(trim(s)),
                Typed::Wrong(_) => None,
            })
            .collect();
        let repeats = repeated(&texts);
        for &i in &repeats {
            self.push(
                Diagnostic::error(format!(
                    "`{}` appears twice in `{field}`",
                    texts[i].unwrap_or_default()
                ))
                .at(written[i].span())
                .help("list each one once"),
            );
        }
        let items: Vec<String> = written
            .into_iter()
            .filter_map(|item| self.text(item, Name::EntryOf(field)))
            .collect();
        (count >= 2 && items.len() == count && repeats.is_empty()).then_some(items)
    }

    /// A date: a TOML date, a "YYYY-MM" or "YYYY" string, or a bare year.
    pub(super) fn date_value<'n>(
        &mut self,
        f: F<toml::Value>,
        name: impl Into<Name<'n>>,
    ) -> Option<FactDate> {
        let name = name.into();
        let v = self.typed(f, name, "a date")?;
        let result = match v.get_ref() {
            toml::Value::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => FactDate::day(
                    i16::try_from(d.year).unwrap_or(i16::MAX),
                    i8::try_from(d.month).unwrap_or(13),
                    i8::try_from(d.day).unwrap_or(32),
                )
                .map_err(|e| e.to_string()),
                _ => Err(format!("{name} must be a date without a time of day")),
            },
            toml::Value::String(s) => s.parse::<FactDate>().map_err(|e| e.to_string()),
            toml::Value::Integer(y) => i16::try_from(*y)
                .map_err(|_| format!("{y} is not a year"))
                .and_then(|y| FactDate::year(y).map_err(|e| e.to_string())),
            other => Err(format!(
                "{name} must be a date, found {}",
                article(other.type_str())
            )),
        };
        result
            .map_err(|message| {
                self.push(Diagnostic::error(message).at(v.span()).help(DATE_HELP));
            })
            .ok()
    }

    /// A figure: an integer or a decimal, small enough to hold exactly.
    pub(super) fn number(&mut self, f: F<toml::Value>, field: &str) -> Option<Number> {
        let v = self.typed(f, field, "a number")?;
        match v.get_ref() {
            toml::Value::Integer(i) if i.abs() <= MAX_EXACT => Some(Number::integer(*i)),
            toml::Value::Float(x) if x.is_finite() && x.abs() <= MAX_EXACT as f64 => {
                let written = self.text.get(v.span()).unwrap_or("");
                Some(Number::decimal(*x, decimals_written(written)))
            }
            other => {
                let found = match other {
                    toml::Value::Integer(_) | toml::Value::Float(_) => {
                        "a number too large to hold exactly".to_owned()
                    }
                    other => article(other.type_str()),
                };
                self.push(
                    Diagnostic::error(format!("`{field}` must be a number, found {found}"))
                        .at(v.span())
                        .help(NUMBER_HELP),
                );
                None
            }
        }
    }

    /// How far a typed answer may be off: not negative, not larger than the value itself.
    pub(super) fn tolerance(
        &mut self,
        f: F<toml::Value>,
        value: Option<Number>,
    ) -> Option<Tolerance> {
        let t = self.typed(f, "tolerance", "a number or a percentage")?;
        let bad = |message: String| Diagnostic::error(message).at(t.span());
        let tolerance = match t.get_ref() {
            toml::Value::Integer(i) => Tolerance::Absolute(*i as f64),
            toml::Value::Float(x) => Tolerance::Absolute(*x),
            toml::Value::String(s) => {
                match s.trim().strip_suffix('%').map(|p| p.trim().parse::<f64>()) {
                    Some(Ok(p)) => Tolerance::Percent(p),
                    _ => {
                        self.push(bad(format!("`{s}` is not a tolerance")).help(TOLERANCE_HELP));
                        return None;
                    }
                }
            }
            other => {
                self.push(
                    bad(format!(
                        "`tolerance` must be a number or a percentage, found {}",
                        article(other.type_str())
                    ))
                    .help(TOLERANCE_HELP),
                );
                return None;
            }
        };
        let (amount, limit, unit) = match tolerance {
            Tolerance::Absolute(a) => (a, value.map(|v| v.value().abs()), ""),
            Tolerance::Percent(p) => (p, Some(100.0), "%"),
            Tolerance::Exact => (0.0, Some(0.0), ""),
        };
        if amount.is_nan() || amount < 0.0 {
            self.push(
                bad(format!("the tolerance ({amount}{unit}) is negative"))
                    .label("negative")
                    .help("a tolerance is a distance from the value: write 0 or more"),
            );
            return None;
        }
        if let Some(limit) = limit
            && amount > limit
        {
            self.push(
                bad(format!("the tolerance ({amount}{unit}) is larger than the value itself"))
                    .label("larger than the value")
                    .help("with such a tolerance almost any answer would count; make it smaller than the value"),
            );
            return None;
        }
        Some(tolerance)
    }

    /// A table-valued field (`source`, `previous`); `expected` says how to write it.
    pub(super) fn table_value<T>(
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
fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// The first character that must never reach a terminal from deck text. Newlines and
/// tabs are text; a carriage return only as part of a Windows line end.
fn forbidden_control(text: &str) -> Option<char> {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let allowed = match c {
            '\n' | '\t' => true,
            '\r' => chars.peek() == Some(&'\n'),
            c => !c.is_control(),
        };
        if !allowed {
            return Some(c);
        }
    }
    None
}

/// Indices of the entries that repeat an earlier one, ignoring case. Lists are short, so
/// comparing pairs beats hashing; a long list is hashed.
fn repeated(texts: &[Option<&str>]) -> Vec<usize> {
    if texts.len() > 32 {
        let mut seen = HashSet::with_capacity(texts.len());
        return (0..texts.len())
            .filter(|&i| texts[i].is_some_and(|t| !seen.insert(folded(t))))
            .collect();
    }
    (0..texts.len())
        .filter(|&i| {
            texts[i].is_some_and(|t| {
                texts[..i]
                    .iter()
                    .flatten()
                    .any(|earlier| same_name(earlier, t))
            })
        })
        .collect()
}

/// Equal ignoring case, without allocating.
fn same_name(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// The form in which two names count as the same: lowercase, allocated only when needed.
pub(super) fn folded(s: &str) -> Cow<'_, str> {
    if s.chars().any(char::is_uppercase) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
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
fn article(type_name: &str) -> String {
    match type_name.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => format!("an {type_name}"),
        _ => format!("a {type_name}"),
    }
}

/// Decimal places as written in the file: "2.50" → 2, "1e3" → 0.
fn decimals_written(written: &str) -> u8 {
    let mantissa = written.split(['e', 'E']).next().unwrap_or("");
    mantissa.split_once('.').map_or(0, |(_, frac)| {
        u8::try_from(frac.chars().filter(char::is_ascii_digit).count()).unwrap_or(6)
    })
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
    fn decimals_follow_the_text() {
        assert_eq!(decimals_written("2.50"), 2);
        assert_eq!(decimals_written("1e3"), 0);
        assert_eq!(decimals_written("1_000.5"), 1);
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
    }

    #[test]
    fn repeats_are_found_ignoring_case_in_short_and_long_lists() {
        let short = [
            Some("Kim"),
            Some("Ri"),
            None,
            Some("KIM"),
            Some("Ŭlchi"),
            Some("ŭLCHI"),
        ];
        assert_eq!(repeated(&short), [3, 5]);
        let names: Vec<String> = (0..40).map(|i| format!("Name {i}")).collect();
        let mut long: Vec<Option<&str>> = names.iter().map(|n| Some(n.as_str())).collect();
        long.push(Some("name 7"));
        assert_eq!(repeated(&long), [40]);
        assert!(repeated(&long[..40]).is_empty());
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
