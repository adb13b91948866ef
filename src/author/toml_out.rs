//! Writing deck TOML by hand, safely: every string escaped, every line known.
//!
//! The decks factdeck writes are meant to be read and edited by people, so they are laid out
//! field by field with comments, which a serializer would not do. Strings are escaped by
//! the toml crate's own writer (`toml_writer`), property-tested by a round trip through the
//! loader (`tests::any_text_round_trips_through_the_loader`).

use std::fmt::Write as _;

use toml_writer::{TomlStringBuilder, TomlWrite as _};

/// A TOML basic string holding `s` exactly, escaped by the toml crate's own writer.
/// (The loader rejects most control characters; callers strip them first, but the file
/// stays valid TOML either way.)
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    // Writing into a String cannot fail.
    let _ = out.value(TomlStringBuilder::new(s).as_basic());
    out
}

/// `s` without the control characters a deck may not hold (all but newline and tab), for
/// text taken from files into a deck's fields.
pub fn printable(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect()
}

/// `["a", "b"]`.
pub fn string_array(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|i| string(i)).collect();
    format!("[{}]", inner.join(", "))
}

/// A deck file being written, line by line.
#[derive(Debug, Default)]
pub struct TomlDoc {
    out: String,
}

impl TomlDoc {
    pub fn new() -> Self {
        TomlDoc::default()
    }

    /// A raw line, written as given (a directive or a header).
    pub fn line(&mut self, line: &str) {
        self.out.push_str(line);
        self.out.push('\n');
    }

    pub fn blank(&mut self) {
        self.out.push('\n');
    }

    /// `# text`, one comment line per line of `text`; control characters are dropped so
    /// that a comment can never end early.
    pub fn comment(&mut self, text: &str) {
        for line in text.lines() {
            self.out.push_str("# ");
            if line.bytes().any(|b| b < 0x20 || b == 0x7f || b == 0xc2) {
                let clean: String = line.chars().filter(|c| !c.is_control()).collect();
                self.out.push_str(clean.trim_end());
            } else {
                self.out.push_str(line.trim_end());
            }
            self.out.push('\n');
        }
    }

    /// `key = "value"`.
    pub fn string(&mut self, key: &str, value: &str) {
        self.raw(key, &string(value));
    }

    /// `key = ["a", "b"]`, left out when empty.
    pub fn strings(&mut self, key: &str, values: &[String]) {
        if !values.is_empty() {
            self.raw(key, &string_array(values));
        }
    }

    /// `key = value` with a value already in TOML syntax (a number, a date).
    pub fn raw(&mut self, key: &str, value: &str) {
        let _ = writeln!(self.out, "{key} = {value}");
    }

    pub fn finish(self) -> String {
        self.out
    }

    /// What is written so far, leaving the document empty to go on.
    pub fn take(&mut self) -> String {
        std::mem::take(&mut self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escapes_what_toml_needs() {
        assert_eq!(string(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(string("two\nlines\ttab"), r#""two\nlines\ttab""#);
        assert_eq!(string("\u{1b}[31m"), r#""\u001B[31m""#);
        assert_eq!(string_array(&["x".into(), "y\"".into()]), r#"["x", "y\""]"#);
    }

    #[test]
    fn comments_stay_comments() {
        let mut doc = TomlDoc::new();
        doc.comment("one\ntwo\r\u{1b}");
        assert_eq!(doc.finish(), "# one\n# two\n");
    }

    /// Card text as people write it: any printable text, newlines and tabs, quotes and
    /// backslashes, not empty once trimmed (the loader trims and refuses empty text), and
    /// without the invisible characters the loader refuses (`term::is_invisible`).
    fn card_text() -> impl Strategy<Value = String> {
        "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]{0,20}(\n|\t|\"|\\\\|'|#|=|\\[|\\]|\u{201c}|[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]){0,20}"
            .prop_filter("not blank", |s| !s.trim().is_empty())
    }

    proptest! {
        #[test]
        fn any_text_round_trips_through_the_loader(
            question in card_text(),
            answer in card_text(),
            accept in proptest::collection::vec(card_text(), 0..3),
        ) {
            let mut doc = TomlDoc::new();
            doc.line("[deck]");
            doc.string("id", "t");
            doc.string("title", &question);
            doc.line("[[card]]");
            doc.string("id", "c");
            doc.string("question", &question);
            doc.string("answer", &answer);
            doc.strings("accept", &accept);
            let text = doc.finish();
            let loaded = crate::deck::load_str(&text).unwrap();
            let crate::deck::Fact::Card(card) = &loaded.deck.facts[0] else {
                panic!("not a card");
            };
            prop_assert_eq!(&card.question, question.trim());
            prop_assert_eq!(&card.answer, answer.trim());
            let trimmed: Vec<String> = accept.iter().map(|a| a.trim().to_owned()).collect();
            prop_assert_eq!(&card.accept, &trimmed);
            prop_assert_eq!(&loaded.deck.meta.title, question.trim());
        }
    }
}
