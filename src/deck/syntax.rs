//! toml's syntax errors in our form, with help that fits the mistake.

use std::ops::Range;

use super::date::{DateError, FactDate};
use super::diagnostic::Diagnostic;
use super::prose_date::toml_date_for;

/// Every syntax error of a file. A line whose value is a date written in words
/// (`date = May 21, 1904`) makes toml report two errors; it is told once, with the TOML date.
pub(crate) fn syntax_errors(errors: &[toml::de::Error], text: &str) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = Vec::with_capacity(errors.len());
    let mut explained_lines: Vec<Range<usize>> = Vec::new();
    for e in errors {
        let at = e.span().map_or(0, |s| s.start).min(text.len());
        if explained_lines.iter().any(|l| l.contains(&at)) {
            continue;
        }
        let line = line_around(text, at);
        match prose_date_value(text, line.clone()) {
            Some(d) => {
                explained_lines.push(line);
                out.push(d);
            }
            None => out.push(syntax_error(e, text)),
        }
    }
    out
}

/// One syntax error. An impossible date (2021-02-30) is the most common one in a deck,
/// and toml reports it as syntax: it gets a calendar message instead of "fix the syntax".
pub(crate) fn syntax_error(e: &toml::de::Error, text: &str) -> Diagnostic {
    let message = e.message().trim();
    let span = e.span().unwrap_or(0..text.len().min(1));
    let written = text.get(span.clone()).unwrap_or("").trim();
    if let Some(expected) = message.strip_prefix("invalid date, ") {
        // Our own date parser says why a date does not exist ("February 2021 has 28 days").
        return match written.parse::<FactDate>() {
            Err(e @ DateError::Impossible(..)) => Diagnostic::error(e.to_string())
                .at(span)
                .label("no such date")
                .help("write a real calendar date, as YYYY-MM-DD"),
            _ => Diagnostic::error(format!("`{written}` is not a date: {expected}"))
                .at(span)
                .label("not a date")
                .help(
                    "write a date as YYYY-MM-DD (2021-01-05); for a month or a year alone, \
                     write a string: \"2021-01\" or \"2021\"",
                ),
        };
    }
    if message.starts_with("invalid time") || message.starts_with("invalid offset") {
        return Diagnostic::error(format!("`{written}` is not a valid date: {message}"))
            .at(span)
            .help("facts are dated to the day: write just the date, as YYYY-MM-DD");
    }
    let at = span.start;
    if message.starts_with("unexpected key or value") && text.get(at..at + 1) == Some(",") {
        return Diagnostic::error("a comma after a value")
            .at(at..at + 1)
            .label("remove this comma")
            .help(
                "in TOML each `key = value` stands on a line of its own, with no comma after \
                 it; commas only separate the items of an array `[…]` or an inline table `{…}`",
            );
    }
    Diagnostic::error(message.to_owned())
        .at(span)
        .help("fix the TOML syntax; see `factdeck help deck-format`")
}

/// The line of `text` that holds byte `at`, without its line end.
fn line_around(text: &str, at: usize) -> Range<usize> {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    start..end
}

/// `key = May 21, 1904` on `line`: an error at the value saying how TOML writes that date.
fn prose_date_value(text: &str, line: Range<usize>) -> Option<Diagnostic> {
    let content = text.get(line.clone())?;
    let eq = content.find('=')?;
    let key = content[..eq].trim();
    let value = content[eq + 1..].split('#').next().unwrap_or("");
    let written = value.trim();
    let suggestion = toml_date_for(written)?;
    let start = line.start + eq + 1 + (value.len() - value.trim_start().len());
    Some(
        Diagnostic::error(format!("`{written}` is not a TOML date"))
            .at(start..start + written.len())
            .label("not a date")
            .help(format!(
                "write `{key} = {suggestion}` (a date is written as YYYY-MM-DD, without quotes)"
            )),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_error(text: &str) -> Diagnostic {
        let (_, errors) = toml::de::DeTable::parse_recoverable(text);
        syntax_errors(&errors, text).remove(0)
    }

    #[test]
    fn an_impossible_date_says_why_and_where() {
        let text = "date = 2021-02-30\n";
        let d = first_error(text);
        assert_eq!(
            d.message,
            "2021-02-30 is not a real date: February 2021 has 28 days"
        );
        assert_eq!(d.line_column(text), Some((1, 8)));
        assert_eq!(
            d.help.as_deref(),
            Some("write a real calendar date, as YYYY-MM-DD")
        );
    }

    #[test]
    fn a_malformed_date_suggests_a_string_for_a_month() {
        let d = first_error("date = 2021-02\n");
        assert!(
            d.message.starts_with("`2021-02` is not a date"),
            "{}",
            d.message
        );
        assert!(d.help.unwrap_or_default().contains("\"2021-01\""));
    }

    #[test]
    fn a_date_in_words_is_one_error_that_shows_the_toml_date() {
        let text = "[deck]\nid = \"d\"\n[[date]]\ndate = May 21, 1904  # born\n";
        let (_, errors) = toml::de::DeTable::parse_recoverable(text);
        let all = syntax_errors(&errors, text);
        assert_eq!(all.len(), 1, "{all:#?}");
        assert_eq!(all[0].message, "`May 21, 1904` is not a TOML date");
        assert_eq!(all[0].line_column(text), Some((4, 8)));
        assert_eq!(all[0].span, Some(32..44));
        assert!(
            all[0]
                .help
                .as_deref()
                .unwrap_or_default()
                .starts_with("write `date = 1904-05-21`"),
            "{:?}",
            all[0].help
        );
    }

    #[test]
    fn a_stray_comma_has_its_own_help() {
        let text = "[figure]\nvalue = 5,\n";
        let d = first_error(text);
        assert_eq!(d.message, "a comma after a value");
        assert_eq!(d.line_column(text), Some((2, 10)));
        assert!(d.help.unwrap_or_default().contains("no comma after it"));
    }

    #[test]
    fn other_syntax_errors_keep_toml_message() {
        let text = "[deck\nid = 1\n";
        let d = first_error(text);
        assert_eq!(d.line_column(text), Some((1, 6)));
        assert!(
            d.help
                .unwrap_or_default()
                .starts_with("fix the TOML syntax")
        );
    }
}
