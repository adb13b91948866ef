//! Field-by-field validation of raw tables into domain types. Every problem is recorded
//! and checking goes on, so one run reports them all.
//!
//! `fields` reads single values and text, `lists` set members and sequence items, `values`
//! dates, numbers and tolerances; each kind's module (`deck::kinds`) builds its facts from them, and
//! `deck_wide` looks at the finished deck (distractor pools).

mod alternatives;
mod deck_wide;
mod fields;
mod lists;
mod order;
mod phrasing;
mod values;
mod wording;

pub(in crate::deck) use fields::Name;
pub(in crate::deck) use lists::same_name;

use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::ops::Range;
use std::path::PathBuf;

use super::diagnostic::{Diagnostic, Recurring};
use super::model::{DeckMeta, Fact, FactMeta, Source};
use super::raw::{F, RawHeader};

/// A fact as loaded, with the places later checks point at.
#[derive(Debug)]
pub(crate) struct Located {
    pub fact: Fact,
    pub id_span: Range<usize>,
    pub quote_span: Option<Range<usize>>,
}

/// The table being checked: where its header is and what to call it.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    pub span: Range<usize>,
    /// As written in the file: "[deck]", "[[card]]", "`previous`".
    pub name: &'static str,
}

/// Collects diagnostics while converting raw tables.
pub(crate) struct Checker<'t> {
    text: &'t str,
    diags: Vec<Diagnostic>,
    /// Each fact id and where it is first used (tables are checked in file order).
    ids: HashMap<Cow<'t, str>, usize>,
    /// Where `[deck.source]` names its `file`, for errors about reading it.
    pub source_file_span: Option<Range<usize>>,
    /// Whether any value could hold a control or invisible character. TOML rejects raw
    /// controls (but C1, U+0080–U+009F, which UTF-8 writes after a 0xC2 byte, as it does
    /// U+00AD); the other invisible characters are written after 0xE2 (U+2000–U+206F) or
    /// 0xEF (U+FEFF). Without a backslash escape or one of these bytes in the file no value
    /// can hold one; then the per-value scan is skipped.
    controls_possible: bool,
    /// Fields of the table being read that were probably written under a misspelt name
    /// (the unknown-field error already says "did you mean"): not reported missing too.
    pub misspelt: Vec<&'static str>,
    /// Byte offsets of line starts, made on the first "line N" a message needs: one scan
    /// of the file, however many duplicate ids point back.
    line_starts: std::cell::OnceCell<Vec<usize>>,
    /// False when `[deck]` says `quotes = false`: the deck has no source document, so a
    /// fact without a quote is no warning. (The header is checked before any fact.)
    quotes_expected: bool,
}

impl<'t> Checker<'t> {
    /// `facts`: how many fact tables the deck has, to size the id index once.
    pub fn new(text: &'t str, facts: usize) -> Self {
        Checker {
            text,
            diags: Vec::new(),
            ids: HashMap::with_capacity(facts),
            source_file_span: None,
            misspelt: Vec::new(),
            line_starts: std::cell::OnceCell::new(),
            quotes_expected: true,
            // Branch-free, so it vectorizes over the whole file.
            controls_possible: text.bytes().fold(false, |seen, b| {
                seen | (b == b'\\') | (b == 0xc2) | (b == 0xe2) | (b == 0xef)
            }),
        }
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// Splits into (errors, warnings).
    pub fn finish(self) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
        self.diags.into_iter().partition(Diagnostic::is_error)
    }

    pub fn header(&mut self, h: RawHeader, table: &Table) -> Option<DeckMeta> {
        let id = self.required_text(h.id, "id", table);
        if let Some((id, span)) = &id
            && !is_slug(id)
        {
            self.push(
                Diagnostic::error(format!("deck id `{id}` is not a slug"))
                    .at(span.clone())
                    .help(
                        "use lowercase letters, digits and single hyphens, e.g. `wpk-8th-congress`",
                    ),
            );
        }
        let title = self.required_text(h.title, "title", table);
        let description = self.opt_text(h.description, "description");
        let language_span = h.language.as_ref().map(toml::Spanned::span);
        let language = self.opt_text(h.language, "language");
        if let (Some(tag), Some(span)) = (&language, language_span)
            && !is_language_tag(tag)
        {
            self.push(
                Diagnostic::error(format!("`{tag}` is not a language tag"))
                    .at(span)
                    .help("write a BCP 47 tag: a language code, then any subtags, e.g. `en`, `ko`, `pt-BR`"),
            );
        }
        let quotes = h
            .quotes
            .and_then(|q| self.typed(q, "quotes", "true or false"))
            .is_none_or(toml::Spanned::into_inner);
        self.quotes_expected = quotes;
        let source = h
            .source
            .and_then(|s| self.table_value(s, "source", "a `[deck.source]` table"))
            .map(|s| {
                let (span, s) = (s.span(), s.into_inner());
                let at = Table {
                    span,
                    name: "[deck.source]",
                };
                self.source_file_span = s.file.as_ref().map(toml::Spanned::span);
                Source {
                    title: self
                        .required_text(s.title, "title", &at)
                        .map(|(t, _)| t)
                        .unwrap_or_default(),
                    url: self.opt_text(s.url, "url"),
                    license: self.opt_text(s.license, "license"),
                    file: self.opt_text(s.file, "file").map(PathBuf::from),
                }
            });
        Some(DeckMeta {
            id: id?.0,
            title: title?.0,
            description: description.unwrap_or_default(),
            language: language.unwrap_or_else(|| "en".to_owned()),
            source,
            quotes,
        })
    }

    /// The fields every fact has. Returns the meta, the id's span and the quote's span.
    /// Checks all of them even when the id is missing, so a broken id hides nothing.
    pub(in crate::deck) fn meta(
        &mut self,
        id: Option<F<String>>,
        tags: Option<F<Vec<F<String>>>>,
        quote: Option<F<String>>,
        note: Option<F<String>>,
        table: &Table,
    ) -> Option<(FactMeta, Range<usize>, Option<Range<usize>>)> {
        let id = self.required_text(id, "id", table);
        let tags = self.text_list(tags, "tags");
        let quote_span = quote.as_ref().map(|q| q.span());
        let quote = self.opt_text(quote, "quote");
        let note = self.opt_text(note, "note");
        let (id, id_span) = id?;
        self.check_id(&id, &id_span);
        if quote_span.is_none() && self.quotes_expected && !self.misspelt.contains(&"quote") {
            self.push(
                Diagnostic::warning(format!("fact `{id}` has no `quote`"))
                    .at(id_span.clone())
                    .help("add `quote = \"...\"` with the sentence of the source that states it")
                    .recurring(Recurring::MissingQuote),
            );
        }
        let meta = FactMeta {
            id: id.into(),
            tags: tags.into_iter().map(Into::into).collect(),
            quote: quote.map(Into::into),
            note: note.map(Into::into),
        };
        Some((meta, id_span, quote_span))
    }

    fn check_id(&mut self, id: &str, span: &Range<usize>) {
        if !is_fact_id(id) {
            self.push(
                Diagnostic::error(format!("fact id `{id}` has characters ids cannot hold"))
                    .at(span.clone())
                    .help(
                        "use letters, digits, `-`, `_` and `.` only: ids are typed on the command line",
                    ),
            );
        }
        // An id written plainly ("opening") is borrowed from the text, not copied.
        let key = match self.text.get(span.start + 1..span.end.saturating_sub(1)) {
            Some(written) if written == id => Cow::Borrowed(written),
            _ => Cow::Owned(id.to_owned()),
        };
        match self.ids.entry(key) {
            Entry::Vacant(v) => {
                v.insert(span.start);
            }
            Entry::Occupied(o) => {
                let first = *o.get();
                let first = self.line_of(first);
                self.push(
                    Diagnostic::error(format!("duplicate fact id `{id}`"))
                        .at(span.clone())
                        .label(format!("first used on line {first}"))
                        .help("give each fact its own id; history and review progress key on it"),
                );
            }
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        let starts = self
            .line_starts
            .get_or_init(|| self.text.match_indices('\n').map(|(i, _)| i + 1).collect());
        starts.partition_point(|&s| s <= offset) + 1
    }
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A BCP 47 tag's shape: a 2–3 letter language code (or a registered 4–8 letter one), then
/// subtags of 1–8 letters or digits, joined by hyphens. The registry is not consulted.
fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let lang = parts.next().unwrap_or_default();
    (2..=8).contains(&lang.len())
        && lang.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn is_fact_id(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The per-value control scan is skipped for files without `\` or 0xC2: this holds
    /// only because TOML itself rejects raw control characters. Keep checking that it does.
    #[test]
    fn control_characters_are_caught_raw_escaped_and_c1() {
        let deck = |title: &str| format!("[deck]\nid = \"d\"\ntitle = {title}\n");
        for title in [
            "\"red \u{1b}[31m\"",
            "'bell \u{7}'",
            "\"\"\"del \u{7f}\"\"\"",
            "'''nul \u{0}'''",
            "\"\\u001b[31m escaped\"",
            "\"\\e[31m escaped\"",
            "\"C1 \u{9b}31m\"",
            "\"lone \r return\"",
            "\"bidi \u{202e}override\"",
            "'isolate \u{2066}x\u{2069}'",
            "\"escaped \\u202E override\"",
            "\"zero\u{200b}width\"",
            "\"line\u{2028}separator\"",
            "\"bom \u{feff}\"",
            "\"soft\u{ad}hyphen\"",
        ] {
            let text = deck(title);
            assert!(crate::deck::load_str(&text).is_err(), "accepted {title:?}");
        }
        assert!(crate::deck::load_str(&deck("\"tab\\tand \u{b0}\"")).is_ok());
        assert!(crate::deck::load_str(&deck("\"\"\"two\r\nlines\"\"\"")).is_ok());
    }

    #[test]
    fn language_tags_are_checked_for_their_shape() {
        for tag in ["en", "ko", "pt-BR", "zh-Hant-TW", "sr-Latn", "es-419"] {
            assert!(is_language_tag(tag), "{tag}");
        }
        for tag in [
            "not a tag!",
            "e",
            "en-",
            "-en",
            "en_US",
            "123",
            "en-abcdefghi",
        ] {
            assert!(!is_language_tag(tag), "{tag}");
        }
        let deck = "[deck]\nid = \"d\"\ntitle = \"T\"\nlanguage = \"not a tag!\"\n";
        let Err(errors) = crate::deck::load_str(deck) else {
            panic!("accepted a bad language tag")
        };
        assert_eq!(errors[0].message, "`not a tag!` is not a language tag");
    }

    #[test]
    fn slugs_and_ids() {
        assert!(is_slug("wpk-8th-congress"));
        assert!(!is_slug("WPK"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug("-a"));
        assert!(is_fact_id("open.day_1-a"));
        assert!(!is_fact_id("has space"));
    }
}
