//! Turns deck text into a [`Deck`], collecting every problem in one pass.
//!
//! The document is parsed once into toml's spanned tree. Its fact tables are then taken in
//! file order, each deserialized on its own into the raw structs (which cannot fail: see
//! `raw`) and checked field by field, so one broken fact does not hide the problems of the
//! others, nor of its own other fields.

use std::iter::Peekable;
use std::ops::Range;
use std::vec;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::checks::{Checker, Located, Table};
use super::diagnostic::Diagnostic;
use super::model::{Deck, DeckMeta, Kind};
use super::raw::{self, RawHeader};
use super::syntax;
use super::tables::{SOURCE, deserialize, unknown_top_level};

/// A deck that loaded, with what is worth knowing about it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub deck: Deck,
    /// Problems that do not stop the deck from working (errors under `check --strict`).
    pub warnings: Vec<Diagnostic>,
    /// The span of each fact's `quote`, parallel to `deck.facts`, for quote verification.
    pub quote_spans: Vec<Option<Range<usize>>>,
    /// Where `source.file` is written, for errors about reading that file.
    pub source_file_span: Option<Range<usize>>,
    /// The span of each fact's `id`, parallel to `deck.facts`, for problems found later
    /// (a fact no question can be made from).
    pub id_spans: Vec<Range<usize>>,
}

/// Loads a deck from raw bytes: rejects text that is not UTF-8, then [`load_str`].
pub fn load_bytes(bytes: &[u8]) -> Result<Loaded, Vec<Diagnostic>> {
    match std::str::from_utf8(bytes) {
        Ok(text) => load_str(text),
        Err(e) => {
            // Shown over the lossy text, where the bad bytes became U+FFFD (3 bytes long).
            let at = e.valid_up_to();
            Err(vec![
                Diagnostic::error(format!(
                    "the deck is not valid UTF-8 (bad byte at offset {at})"
                ))
                .at(at..at + '\u{FFFD}'.len_utf8())
                .label("not UTF-8")
                .help("save the file as UTF-8 text"),
            ])
        }
    }
}

/// Loads a deck from its text. `Err` holds every problem found (errors and warnings).
pub fn load_str(text: &str) -> Result<Loaded, Vec<Diagnostic>> {
    let (root, syntax_errors) = DeTable::parse_recoverable(text);
    if !syntax_errors.is_empty() {
        // The recovered tree has holes where the errors were: checking it would report
        // fields as missing that are only misspelt.
        return Err(syntax::syntax_errors(&syntax_errors, text));
    }
    let root = root.into_inner();
    let fact_tables = root
        .values()
        .filter_map(|v| v.get_ref().as_array().map(|a| a.len()))
        .sum();
    let mut checker = Checker::new(text, fact_tables);
    let mut header = None;
    let mut arrays = Vec::new();
    for (key, value) in root {
        let name: &str = key.get_ref();
        if name == "deck" {
            header = Some(load_header(&mut checker, key.span(), value));
            continue;
        }
        match kind_of(name) {
            Some(kind) => match value.into_inner() {
                DeValue::Array(array) => arrays.push((kind, array.into_iter().peekable())),
                _ => checker.push(
                    Diagnostic::error(format!("`{kind}` must be an array of tables"))
                        .at(key.span())
                        .help(format!("write each fact under its own `[[{kind}]]` header")),
                ),
            },
            None => checker.push(unknown_top_level(name, key.span(), value.get_ref())),
        }
    }
    // Kept apart so the facts move once, straight into the deck.
    let mut facts = Vec::with_capacity(fact_tables);
    let mut id_spans = Vec::with_capacity(fact_tables);
    let mut quote_spans = Vec::with_capacity(fact_tables);
    for (kind, table) in InFileOrder(arrays) {
        if let Some(located) = load_fact(&mut checker, kind, table) {
            facts.push(located.fact);
            id_spans.push(located.id_span);
            quote_spans.push(located.quote_span);
        }
    }
    let meta = header.unwrap_or_else(|| {
        checker.push(
            Diagnostic::error("the deck has no `[deck]` table")
                .at(0..text.len().min(1))
                .help("start the file with [deck] and at least `id` and `title`"),
        );
        None
    });
    checker.deck_wide(&facts, &id_spans);
    checker.date_order(&facts, &id_spans);
    if let Some(meta) = &meta {
        checker.figure_descriptions(&facts, &id_spans, &meta.language);
    }
    let source_file_span = checker.source_file_span.clone();
    let (errors, warnings) = checker.finish();
    match meta {
        Some(meta) if errors.is_empty() => Ok(Loaded {
            deck: Deck {
                meta,
                facts: facts.into(),
            },
            warnings: by_position(warnings),
            quote_spans,
            source_file_span,
            id_spans,
        }),
        _ => {
            let mut all = errors;
            all.extend(warnings);
            Err(by_position(all))
        }
    }
}

/// The kind a top-level key holds, if it is one (exactly as written: `[[Date]]` is not).
fn kind_of(name: &str) -> Option<Kind> {
    Kind::ALL.into_iter().find(|k| k.as_str() == name)
}

fn by_position(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    diagnostics
}

/// The fact tables of all kinds in the order the file has them. The root table holds one
/// array per kind, each in file order, so merging them by position is enough; checking in
/// this order makes "first used on line N" and the facts' order follow the file.
struct InFileOrder<'i>(Vec<(Kind, Peekable<vec::IntoIter<Spanned<DeValue<'i>>>>)>);

impl<'i> Iterator for InFileOrder<'i> {
    type Item = (Kind, Spanned<DeValue<'i>>);

    fn next(&mut self) -> Option<Self::Item> {
        let (_, next) = self
            .0
            .iter_mut()
            .enumerate()
            .filter_map(|(i, (_, tables))| tables.peek().map(|t| (t.span().start, i)))
            .min()?;
        let (kind, tables) = self.0.get_mut(next)?;
        Some((*kind, tables.next()?))
    }
}

fn load_header(
    checker: &mut Checker<'_>,
    key_span: Range<usize>,
    value: Spanned<DeValue<'_>>,
) -> Option<DeckMeta> {
    if !matches!(value.get_ref(), DeValue::Table(_)) {
        checker.push(
            Diagnostic::error("`deck` must be a table")
                .at(key_span)
                .help("write the deck's fields under a `[deck]` header"),
        );
        return None;
    }
    let table = Table {
        span: value.span(),
        name: "[deck]",
    };
    let raw = deserialize::<RawHeader>(checker, value, raw::HEADER_FIELDS, Some(&SOURCE), &table)?;
    checker.header(raw, &table)
}

/// Reads and checks one fact table.
fn load_fact(
    checker: &mut Checker<'_>,
    kind: Kind,
    value: Spanned<DeValue<'_>>,
) -> Option<Located> {
    if !matches!(value.get_ref(), DeValue::Table(_)) {
        checker.push(
            Diagnostic::error(format!("each `{kind}` entry must be a table"))
                .at(value.span())
                .help(format!("write each fact under its own `[[{kind}]]` header")),
        );
        return None;
    }
    let table = Table {
        span: value.span(),
        name: kind.header(),
    };
    kind.load(checker, value, &table)
}
