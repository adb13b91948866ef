//! What every kind's JSON shape shares (`factdeck export --format json`): the fields every
//! fact has, an author's wording and a number, each written as a deck file has them.

use compact_str::CompactString;
use serde::Serialize;

use crate::deck::model::FactMeta;
use crate::deck::number::Number;
use crate::deck::wording::Wording;

/// The fields every fact has.
#[derive(Debug, Serialize)]
pub(crate) struct Meta<'d> {
    id: &'d str,
    #[serde(skip_serializing_if = "<[CompactString]>::is_empty")]
    tags: &'d [CompactString],
    #[serde(skip_serializing_if = "Option::is_none")]
    quote: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'d str>,
}

pub(crate) fn meta(m: &FactMeta) -> Meta<'_> {
    Meta {
        id: &m.id,
        tags: &m.tags,
        quote: m.quote.as_deref(),
        note: m.note.as_deref(),
    }
}

/// An author's wording as written: a string for the main question alone (`main`), else a
/// table by form.
pub(crate) fn wording(w: &Wording, main: &str) -> Option<serde_json::Value> {
    let entries: Vec<(&str, &str)> = w.entries().collect();
    match entries.as_slice() {
        [] => None,
        [(key, text)] if *key == main => Some((*text).into()),
        _ => Some(serde_json::Value::Object(
            entries
                .iter()
                .map(|(k, t)| ((*k).to_owned(), (*t).into()))
                .collect(),
        )),
    }
}

/// An integer as a JSON integer, a decimal as a JSON number.
pub(crate) fn number(n: Number) -> serde_json::Value {
    if n.is_integer() {
        serde_json::Value::from(n.value() as i64)
    } else {
        serde_json::Number::from_f64(n.value()).map_or(serde_json::Value::Null, Into::into)
    }
}
