//! Turns deck text into a [`Deck`], collecting every problem in one pass.
//!
//! The document is parsed once into toml's spanned tree; each table is then deserialized on
//! its own, so one broken fact does not hide the problems of the others.

use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::checks::Checker;
use super::diagnostic::Diagnostic;
use super::model::{Deck, Fact, Kind};
use super::raw::{self, RawHeader};

/// A deck that loaded, with what is worth knowing about it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub deck: Deck,
    /// Problems that do not stop the deck from working (errors under `check --strict`).
    pub warnings: Vec<Diagnostic>,
    /// The span of each fact's `quote`, parallel to `deck.facts`, for quote verification.
    pub quote_spans: Vec<Option<Range<usize>>>,
}

/// Loads a deck from raw bytes: rejects text that is not UTF-8, then [`load_str`].
pub fn load_bytes(bytes: &[u8]) -> Result<Loaded, Vec<Diagnostic>> {
    match std::str::from_utf8(bytes) {
        Ok(text) => load_str(text),
        Err(e) => {
            let at = e.valid_up_to();
            Err(vec![
                Diagnostic::error(format!(
                    "the deck is not valid UTF-8 (bad byte at offset {at})"
                ))
                .help("save the file as UTF-8 text"),
            ])
        }
    }
}

/// Loads a deck from its text. `Err` holds every problem found (errors and warnings).
pub fn load_str(text: &str) -> Result<Loaded, Vec<Diagnostic>> {
    let (root, syntax_errors) = DeTable::parse_recoverable(text);
    if !syntax_errors.is_empty() {
        return Err(syntax_errors
            .into_iter()
            .map(|e| toml_error(&e, None).help("fix the TOML syntax; see docs/deck-format.md"))
            .collect());
    }
    let root_span = root.span();
    let mut checker = Checker::new(text);
    let mut header = None;
    let mut facts = Vec::new();
    for (key, value) in root.into_inner() {
        let name: &str = key.get_ref();
        match name {
            "deck" => {
                header =
                    deserialize::<RawHeader>(&mut checker, value, raw::HEADER_FIELDS, "[deck]");
            }
            _ => match name.parse::<Kind>() {
                Ok(kind) if raw::TOP_LEVEL.contains(&name) => {
                    load_kind(&mut checker, kind, key.span(), value, &mut facts);
                }
                _ => {
                    let d = Diagnostic::error(format!("unknown table `{name}`"))
                        .at(key.span())
                        .label("not part of the deck format");
                    checker.push(with_suggestion(d, name, raw::TOP_LEVEL));
                }
            },
        }
    }
    let meta = match header {
        Some(h) => checker.header(h),
        None => {
            checker.push(
                Diagnostic::error("the deck has no `[deck]` table")
                    .at(0..root_span.end.min(1))
                    .help("start the file with [deck] and at least `id` and `title`"),
            );
            None
        }
    };
    facts.sort_by_key(|(span_start, _)| *span_start);
    let facts: Vec<_> = facts.into_iter().map(|(_, f)| f).collect();
    checker.deck_wide(&facts);
    let (errors, warnings) = checker.finish();
    match meta {
        Some(meta) if errors.is_empty() => {
            let quote_spans = facts.iter().map(|(_, q)| q.clone()).collect();
            let facts = facts.into_iter().map(|(f, _)| f).collect();
            Ok(Loaded {
                deck: Deck { meta, facts },
                warnings,
                quote_spans,
            })
        }
        _ => {
            let mut all = errors;
            all.extend(warnings);
            all.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
            Err(all)
        }
    }
}

/// A fact as loaded, with the span of its quote.
type LoadedFact = (Fact, Option<Range<usize>>);

/// Loads every table of one `[[kind]]` array, remembering where each starts so the facts
/// keep the file's order.
fn load_kind(
    checker: &mut Checker<'_>,
    kind: Kind,
    key_span: Range<usize>,
    value: Spanned<DeValue<'_>>,
    out: &mut Vec<(usize, LoadedFact)>,
) {
    let DeValue::Array(array) = value.into_inner() else {
        checker.push(
            Diagnostic::error(format!("`{kind}` must be an array of tables"))
                .at(key_span)
                .help(format!("write each fact under its own `[[{kind}]]` header")),
        );
        return;
    };
    for item in array {
        let start = item.span().start;
        if !matches!(item.get_ref(), DeValue::Table(_)) {
            checker.push(
                Diagnostic::error(format!("each `{kind}` entry must be a table"))
                    .at(item.span())
                    .help(format!("write each fact under its own `[[{kind}]]` header")),
            );
            continue;
        }
        let fact = match kind {
            Kind::Date => deserialize(checker, item, &fields(raw::DATE_FIELDS), "[[date]]")
                .and_then(|r| checker.date(r)),
            Kind::Figure => deserialize(checker, item, &fields(raw::FIGURE_FIELDS), "[[figure]]")
                .and_then(|r| checker.figure(r)),
            Kind::Change => deserialize(checker, item, &fields(raw::CHANGE_FIELDS), "[[change]]")
                .and_then(|r| checker.change(r)),
            Kind::Card => deserialize(checker, item, &fields(raw::CARD_FIELDS), "[[card]]")
                .and_then(|r| checker.card(r)),
            Kind::Set => deserialize(checker, item, &fields(raw::SET_FIELDS), "[[set]]")
                .and_then(|r| checker.set(r)),
            Kind::Sequence => {
                deserialize(checker, item, &fields(raw::SEQUENCE_FIELDS), "[[sequence]]")
                    .and_then(|r| checker.sequence(r))
            }
        };
        if let Some(fact) = fact {
            out.push((start, fact));
        }
    }
}

fn fields(specific: &[&'static str]) -> Vec<&'static str> {
    raw::COMMON_FIELDS.iter().chain(specific).copied().collect()
}

/// Reports unknown keys (with a suggestion) and drops them, then lets serde read the rest,
/// so a typo in one field does not hide a missing field next to it.
fn deserialize<T: DeserializeOwned>(
    checker: &mut Checker<'_>,
    value: Spanned<DeValue<'_>>,
    known: &[&str],
    table: &str,
) -> Option<T> {
    let span = value.span();
    let value = match value.into_inner() {
        DeValue::Table(t) => {
            let mut kept = DeTable::new();
            for (key, v) in t {
                let name: &str = key.get_ref();
                if known.contains(&name) {
                    kept.insert(key, v);
                } else {
                    let d = Diagnostic::error(format!("unknown field `{name}` in {table}"))
                        .at(key.span())
                        .label("unknown field");
                    checker.push(with_suggestion(d, name, known));
                }
            }
            if let Some(source) = kept.get_mut("source") {
                strip_unknown_source_fields(checker, source);
            }
            if let Some(previous) = kept.get_mut("previous") {
                strip_unknown(checker, previous, raw::PREVIOUS_FIELDS, "`previous`");
            }
            DeValue::Table(kept)
        }
        other => other,
    };
    match T::deserialize(ValueDeserializer::from(Spanned::new(span.clone(), value))) {
        Ok(t) => Some(t),
        Err(e) => {
            checker.push(toml_error(&e, Some(span)).help(format!(
                "see the {table} section of docs/deck-format.md for its fields"
            )));
            None
        }
    }
}

fn strip_unknown_source_fields(checker: &mut Checker<'_>, source: &mut Spanned<DeValue<'_>>) {
    strip_unknown(checker, source, raw::SOURCE_FIELDS, "[deck.source]");
}

fn strip_unknown(
    checker: &mut Checker<'_>,
    value: &mut Spanned<DeValue<'_>>,
    known: &[&str],
    table: &str,
) {
    if let DeValue::Table(t) = value.get_mut() {
        let taken = std::mem::take(t);
        for (key, v) in taken {
            let name: &str = key.get_ref();
            if known.contains(&name) {
                t.insert(key, v);
            } else {
                let d = Diagnostic::error(format!("unknown field `{name}` in {table}"))
                    .at(key.span())
                    .label("unknown field");
                checker.push(with_suggestion(d, name, known));
            }
        }
    }
}

/// Converts toml's error into ours, falling back to `fallback` when it has no span.
fn toml_error(e: &toml::de::Error, fallback: Option<Range<usize>>) -> Diagnostic {
    let message = e.message().trim().to_owned();
    let span = e.span().or(fallback);
    let d = Diagnostic::error(message);
    match span {
        Some(s) => d.at(s),
        None => d,
    }
}

/// Adds "did you mean `x`?" when a known name is close to `given`.
fn with_suggestion(d: Diagnostic, given: &str, known: &[&str]) -> Diagnostic {
    let best = known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(given, k), *k))
        .filter(|(distance, k)| *distance <= 2.max(k.len() / 3))
        .min_by_key(|(distance, _)| *distance);
    match best {
        Some((_, k)) => d.help(format!("did you mean `{k}`?")),
        None => d.help(format!("expected one of: {}", known.join(", "))),
    }
}
