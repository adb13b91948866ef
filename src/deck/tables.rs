//! Reading one table into its raw struct: unknown keys are reported (with a suggestion)
//! and dropped first, so serde sees only fields it knows.

use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::checks::{Checker, Table};
use super::diagnostic::Diagnostic;
use super::model::Kind;
use super::raw;
use super::suggest::{meant, with_suggestion};

/// A table inside a table, whose keys are checked too: `[deck.source]`, `previous`.
pub(crate) struct Subtable {
    pub field: &'static str,
    pub fields: &'static [&'static str],
    pub name: &'static str,
}

pub(crate) const SOURCE: Subtable = Subtable {
    field: "source",
    fields: raw::SOURCE_FIELDS,
    name: "[deck.source]",
};

pub(crate) const PREVIOUS: Subtable = Subtable {
    field: "previous",
    fields: raw::PREVIOUS_FIELDS,
    name: "`previous`",
};

/// Reads a table into `T` after dropping (and reporting) its unknown keys, and those of
/// its `sub`table. The raw structs take every field as optional and typed leniently, so
/// serde has nothing left to fail on; its message is kept as a fallback.
pub(crate) fn deserialize<T: DeserializeOwned>(
    checker: &mut Checker<'_>,
    mut value: Spanned<DeValue<'_>>,
    known: &'static [&'static str],
    sub: Option<&Subtable>,
    table: &Table,
) -> Option<T> {
    let span = value.span();
    checker.misspelt.clear();
    if let DeValue::Table(t) = value.get_mut() {
        drop_unknown(checker, t, known, table.name);
        if let Some(sub) = sub
            && let Some(DeValue::Table(inner)) = t.get_mut(sub.field).map(Spanned::get_mut)
        {
            drop_unknown(checker, inner, sub.fields, sub.name);
        }
    }
    T::deserialize(ValueDeserializer::from(value))
        .map_err(|e| {
            checker.push(
                Diagnostic::error(e.message().trim().to_owned())
                    .at(e.span().unwrap_or(span))
                    .help(format!(
                        "see the {} section of `factdeck help deck-format`",
                        table.name
                    )),
            );
        })
        .ok()
}

/// Removes and reports the keys of `table` that are not `known`.
fn drop_unknown(
    checker: &mut Checker<'_>,
    table: &mut DeTable<'_>,
    known: &'static [&'static str],
    name: &str,
) {
    // Every key of every table passes here, so the comparison is spelt out to stay inline.
    let is_known = |k: &str| {
        known
            .iter()
            .any(|f| f.len() == k.len() && f.bytes().zip(k.bytes()).all(|(a, b)| a == b))
    };
    if table.keys().all(|k| is_known(k.get_ref())) {
        return;
    }
    let unknown: Vec<String> = table
        .keys()
        .map(|k| k.get_ref().as_ref())
        .filter(|k| !is_known(k))
        .map(str::to_owned)
        .collect();
    for given in unknown {
        if let Some((key, _)) = table.remove_entry(given.as_str()) {
            let d = Diagnostic::error(format!("unknown field `{given}` in {name}"))
                .at(key.span())
                .label("unknown field");
            checker.misspelt.extend(meant(name, &given, known));
            checker.push(with_suggestion(d, name, &given, known));
        }
    }
}

/// A top-level key that is neither `[deck]` nor a kind of fact.
pub(crate) fn unknown_top_level(name: &str, span: Range<usize>, value: &DeValue<'_>) -> Diagnostic {
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
    with_suggestion(d, "the top level", name, Kind::TOP_LEVEL)
}
