//! Turns deck text into a [`Deck`], collecting every problem in one pass.
//!
//! The document is parsed once into toml's spanned tree; each table is then deserialized on
//! its own into the raw structs (which cannot fail: see `raw`), and checked field by field,
//! so one broken fact does not hide the problems of the others — or of its own other fields.

use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::checks::{Checker, Located, Table};
use super::date::{DateError, FactDate};
use super::diagnostic::Diagnostic;
use super::model::{Deck, Kind};
use super::raw::{self, RawHeader};
use super::suggest::with_suggestion;

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
        // fields as missing that are only misspelled.
        return Err(syntax_errors
            .iter()
            .map(|e| syntax_error(e, text))
            .collect());
    }
    let mut checker = Checker::new(text);
    let mut header = None;
    let mut per_kind: Vec<Vec<Located>> = Vec::new();
    for (key, value) in root.into_inner() {
        let name: &str = key.get_ref();
        if name == "deck" {
            header = Some(load_header(&mut checker, key.span(), value));
        } else if let Some(kind) = raw::TOP_LEVEL
            .contains(&name)
            .then(|| name.parse::<Kind>().ok())
            .flatten()
        {
            per_kind.push(load_kind(&mut checker, kind, key.span(), value));
        } else {
            checker.push(unknown_top_level(name, key.span(), value.get_ref()));
        }
    }
    let meta = match header {
        Some(meta) => meta,
        None => {
            checker.push(
                Diagnostic::error("the deck has no `[deck]` table")
                    .at(0..text.len().min(1))
                    .help("start the file with [deck] and at least `id` and `title`"),
            );
            None
        }
    };
    let facts = in_file_order(per_kind);
    checker.duplicate_ids();
    checker.deck_wide(&facts);
    let source_file_span = checker.source_file_span.clone();
    let (errors, warnings) = checker.finish();
    match meta {
        Some(meta) if errors.is_empty() => {
            let mut quote_spans = Vec::with_capacity(facts.len());
            let facts = facts
                .into_iter()
                .map(|l| {
                    quote_spans.push(l.quote_span);
                    l.fact
                })
                .collect();
            Ok(Loaded {
                deck: Deck { meta, facts },
                warnings: by_position(warnings),
                quote_spans,
                source_file_span,
            })
        }
        _ => {
            let mut all = errors;
            all.extend(warnings);
            Err(by_position(all))
        }
    }
}

fn by_position(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    diagnostics
}

/// Each kind's facts are already in file order; interleave the kinds as the file does.
fn in_file_order(per_kind: Vec<Vec<Located>>) -> Vec<Located> {
    // Sorting positions, not the facts themselves: facts are large to move.
    let mut order: Vec<(usize, usize)> = per_kind
        .iter()
        .enumerate()
        .flat_map(|(kind, facts)| facts.iter().map(move |f| (f.start, kind)))
        .collect();
    order.sort_unstable();
    let mut kinds: Vec<_> = per_kind.into_iter().map(Vec::into_iter).collect();
    order
        .into_iter()
        .filter_map(|(_, kind)| kinds.get_mut(kind).and_then(Iterator::next))
        .collect()
}

fn load_header(
    checker: &mut Checker<'_>,
    key_span: Range<usize>,
    value: Spanned<DeValue<'_>>,
) -> Option<super::model::DeckMeta> {
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
    let raw = deserialize::<RawHeader>(checker, value, &[raw::HEADER_FIELDS], &table)?;
    checker.header(raw, &table)
}

/// Loads every table of one `[[kind]]` array.
fn load_kind(
    checker: &mut Checker<'_>,
    kind: Kind,
    key_span: Range<usize>,
    value: Spanned<DeValue<'_>>,
) -> Vec<Located> {
    let DeValue::Array(array) = value.into_inner() else {
        checker.push(
            Diagnostic::error(format!("`{kind}` must be an array of tables"))
                .at(key_span)
                .help(format!("write each fact under its own `[[{kind}]]` header")),
        );
        return Vec::new();
    };
    let mut out = Vec::with_capacity(array.len());
    for item in array {
        if !matches!(item.get_ref(), DeValue::Table(_)) {
            checker.push(
                Diagnostic::error(format!("each `{kind}` entry must be a table"))
                    .at(item.span())
                    .help(format!("write each fact under its own `[[{kind}]]` header")),
            );
            continue;
        }
        let table = Table {
            span: item.span(),
            name: header_name(kind),
        };
        let known = &fact_fields(kind);
        let fact =
            match kind {
                Kind::Date => {
                    deserialize(checker, item, known, &table).and_then(|r| checker.date(r, &table))
                }
                Kind::Figure => deserialize(checker, item, known, &table)
                    .and_then(|r| checker.figure(r, &table)),
                Kind::Change => deserialize(checker, item, known, &table)
                    .and_then(|r| checker.change(r, &table)),
                Kind::Card => {
                    deserialize(checker, item, known, &table).and_then(|r| checker.card(r, &table))
                }
                Kind::Set => {
                    deserialize(checker, item, known, &table).and_then(|r| checker.set(r, &table))
                }
                Kind::Sequence => deserialize(checker, item, known, &table)
                    .and_then(|r| checker.sequence(r, &table)),
            };
        out.extend(fact);
    }
    out
}

fn header_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Date => "[[date]]",
        Kind::Figure => "[[figure]]",
        Kind::Change => "[[change]]",
        Kind::Card => "[[card]]",
        Kind::Set => "[[set]]",
        Kind::Sequence => "[[sequence]]",
    }
}

/// The fields of a kind: those every fact has, and its own.
fn fact_fields(kind: Kind) -> [&'static [&'static str]; 2] {
    let own = match kind {
        Kind::Date => raw::DATE_FIELDS,
        Kind::Figure => raw::FIGURE_FIELDS,
        Kind::Change => raw::CHANGE_FIELDS,
        Kind::Card => raw::CARD_FIELDS,
        Kind::Set => raw::SET_FIELDS,
        Kind::Sequence => raw::SEQUENCE_FIELDS,
    };
    [raw::COMMON_FIELDS, own]
}

/// Reports unknown keys (with a suggestion) and drops them, then lets serde read the rest.
/// The raw structs take every field as optional and typed leniently, so serde fails only
/// on what the checks above already exclude; its message is kept as a fallback.
fn deserialize<T: DeserializeOwned>(
    checker: &mut Checker<'_>,
    mut value: Spanned<DeValue<'_>>,
    known: &[&[&str]],
    table: &Table,
) -> Option<T> {
    let span = value.span();
    if let DeValue::Table(t) = value.get_mut() {
        drop_unknown(checker, t, known, table.name);
        if let Some(source) = t.get_mut("source") {
            if let DeValue::Table(s) = source.get_mut() {
                drop_unknown(checker, s, &[raw::SOURCE_FIELDS], "[deck.source]");
            }
        }
        if let Some(previous) = t.get_mut("previous") {
            if let DeValue::Table(p) = previous.get_mut() {
                drop_unknown(checker, p, &[raw::PREVIOUS_FIELDS], "`previous`");
            }
        }
    }
    T::deserialize(ValueDeserializer::from(value))
        .map_err(|e| {
            checker.push(
                Diagnostic::error(e.message().trim().to_owned())
                    .at(e.span().unwrap_or(span))
                    .help(format!(
                        "see the {} section of docs/deck-format.md",
                        table.name
                    )),
            );
        })
        .ok()
}

/// Removes and reports the keys of `table` that are in none of the `known` lists.
fn drop_unknown(checker: &mut Checker<'_>, table: &mut DeTable<'_>, known: &[&[&str]], name: &str) {
    let is_known = |k: &str| known.iter().any(|list| list.contains(&k));
    // Collected first: most tables have no unknown key, and then nothing is rebuilt.
    let unknown: Vec<String> = table
        .keys()
        .map(|k| k.get_ref().as_ref())
        .filter(|k| !is_known(k))
        .map(str::to_owned)
        .collect();
    for given in unknown {
        if let Some((key, _)) = table.remove_entry(given.as_str()) {
            let all: Vec<&str> = known.concat();
            let d = Diagnostic::error(format!("unknown field `{given}` in {name}"))
                .at(key.span())
                .label("unknown field");
            checker.push(with_suggestion(d, &given, &all));
        }
    }
}

/// A top-level key that is neither `[deck]` nor a kind of fact.
fn unknown_top_level(name: &str, span: Range<usize>, value: &DeValue<'_>) -> Diagnostic {
    if raw::HEADER_FIELDS.contains(&name) && !matches!(value, DeValue::Table(_) | DeValue::Array(_))
    {
        return Diagnostic::error(format!("`{name}` is outside the `[deck]` table"))
            .at(span)
            .label("at the top level")
            .help(format!("move `{name}` under the `[deck]` header"));
    }
    let d = Diagnostic::error(format!("unknown table `{name}`"))
        .at(span)
        .label("not part of the deck format");
    with_suggestion(d, name, raw::TOP_LEVEL)
}

/// toml's syntax error in our form, with help that fits: an impossible date is the most
/// common one, and toml reports it as syntax.
fn syntax_error(e: &toml::de::Error, text: &str) -> Diagnostic {
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
        return Diagnostic::error(format!("{written} is not a valid date: {message}"))
            .at(span)
            .help("facts are dated to the day: write just the date, as YYYY-MM-DD");
    }
    Diagnostic::error(message.to_owned())
        .at(span)
        .help("fix the TOML syntax; see docs/deck-format.md")
}
