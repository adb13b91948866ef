//! toml's syntax errors in our form, with help that fits the mistake.

use super::date::{DateError, FactDate};
use super::diagnostic::Diagnostic;

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
    Diagnostic::error(message.to_owned())
        .at(span)
        .help("fix the TOML syntax; see docs/deck-format.md")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_error(text: &str) -> Diagnostic {
        let (_, errors) = toml::de::DeTable::parse_recoverable(text);
        syntax_error(&errors[0], text)
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
