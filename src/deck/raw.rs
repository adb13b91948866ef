//! The deck file exactly as written: serde structs mirroring the TOML, with spans kept on
//! every field. Only `deck::load` and `deck::checks` see these.
//!
//! Every field is optional and every value is [`Typed`], so reading a table never fails:
//! a missing required field or a value of the wrong type is reported by the checks beside
//! every other problem of the same table, instead of hiding them.

use serde::{Deserialize, Deserializer};
use toml::Spanned;

/// A field: where it is written, and its value.
pub type F<T> = Spanned<Typed<T>>;

/// A value as read: the `T` it should be, or serde's reason why it is not.
#[derive(Debug)]
pub enum Typed<T> {
    Ok(T),
    /// The value has the wrong type ("invalid type: integer `5`, expected a string").
    Wrong(String),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Typed<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // The deserializer owns its value, so an inner failure leaves nothing half-read.
        Ok(match T::deserialize(deserializer) {
            Ok(value) => Typed::Ok(value),
            Err(e) => Typed::Wrong(e.to_string().trim().to_owned()),
        })
    }
}

/// `[deck]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHeader {
    pub id: Option<F<String>>,
    pub title: Option<F<String>>,
    pub description: Option<F<String>>,
    pub language: Option<F<String>>,
    pub source: Option<F<RawSource>>,
    /// `quotes = false`: the deck has no source document to quote.
    pub quotes: Option<F<bool>>,
}

/// `[deck.source]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub title: Option<F<String>>,
    pub url: Option<F<String>>,
    pub license: Option<F<String>>,
    pub file: Option<F<String>>,
}

/// `[[date]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDate {
    pub id: Option<F<String>>,
    pub tags: Option<F<Vec<F<String>>>>,
    pub quote: Option<F<String>>,
    pub note: Option<F<String>>,
    pub event: Option<F<String>>,
    /// A string, or a table of strings by form (`deck::wording`).
    pub question: Option<F<toml::Value>>,
    /// A TOML date, a "YYYY-MM" or "YYYY" string, or a bare year.
    pub date: Option<F<toml::Value>>,
    pub end: Option<F<toml::Value>>,
    pub also: Option<F<Vec<F<toml::Value>>>>,
    pub also_note: Option<F<String>>,
    pub precedes: Option<F<Vec<F<String>>>>,
    pub follows: Option<F<Vec<F<String>>>>,
}

/// `[[figure]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFigure {
    pub id: Option<F<String>>,
    pub tags: Option<F<Vec<F<String>>>>,
    pub quote: Option<F<String>>,
    pub note: Option<F<String>>,
    pub what: Option<F<String>>,
    pub at: Option<F<String>>,
    pub question: Option<F<toml::Value>>,
    /// An integer or a float.
    pub value: Option<F<toml::Value>>,
    pub unit: Option<F<String>>,
    /// A number (absolute) or a string like "5%".
    pub tolerance: Option<F<toml::Value>>,
    pub group: Option<F<String>>,
    pub previous: Option<F<RawPrevious>>,
    /// Numbers, like `value`.
    pub also: Option<F<Vec<F<toml::Value>>>>,
    pub also_note: Option<F<String>>,
}

/// `previous = { value = 3637, at = "the 7th Congress" }`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPrevious {
    pub value: Option<F<toml::Value>>,
    pub at: Option<F<String>>,
}

/// `[[change]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChange {
    pub id: Option<F<String>>,
    pub tags: Option<F<Vec<F<String>>>>,
    pub quote: Option<F<String>>,
    pub note: Option<F<String>>,
    pub subject: Option<F<String>>,
    pub before: Option<F<String>>,
    pub after: Option<F<String>>,
    pub verb: Option<F<String>>,
    /// An array (for a one-sided change) or `{ before = [...], after = [...] }`.
    pub accept: Option<F<toml::Value>>,
    pub sort: Option<F<String>>,
    pub question: Option<F<toml::Value>>,
}

/// `[[card]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCard {
    pub id: Option<F<String>>,
    pub tags: Option<F<Vec<F<String>>>>,
    pub quote: Option<F<String>>,
    pub note: Option<F<String>>,
    pub question: Option<F<String>>,
    pub answer: Option<F<String>>,
    pub accept: Option<F<Vec<F<String>>>>,
    pub group: Option<F<String>>,
    pub sort: Option<F<String>>,
}

/// `[[set]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSet {
    pub id: Option<F<String>>,
    pub tags: Option<F<Vec<F<String>>>>,
    pub quote: Option<F<String>>,
    pub note: Option<F<String>>,
    pub name: Option<F<String>>,
    pub members: Option<F<Vec<F<String>>>>,
    pub group: Option<F<String>>,
    pub sort: Option<F<String>>,
    pub question: Option<F<toml::Value>>,
}

/// `[[sequence]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSequence {
    pub id: Option<F<String>>,
    pub tags: Option<F<Vec<F<String>>>>,
    pub quote: Option<F<String>>,
    pub note: Option<F<String>>,
    pub name: Option<F<String>>,
    pub items: Option<F<Vec<F<String>>>>,
    pub sort: Option<F<String>>,
    pub question: Option<F<toml::Value>>,
}

/// Field names per table, for finding unknown keys and suggesting the nearest. Each fact
/// kind's list starts with the fields every fact has. Kept in step with the structs above
/// by `tests::field_lists_match_the_structs`.
pub const HEADER_FIELDS: &[&str] = &["id", "title", "description", "language", "source", "quotes"];
pub const SOURCE_FIELDS: &[&str] = &["title", "url", "license", "file"];
pub const PREVIOUS_FIELDS: &[&str] = &["value", "at"];
pub const DATE_FIELDS: &[&str] = &[
    "id",
    "tags",
    "quote",
    "note",
    "event",
    "question",
    "date",
    "end",
    "also",
    "also_note",
    "precedes",
    "follows",
];
pub const FIGURE_FIELDS: &[&str] = &[
    "id",
    "tags",
    "quote",
    "note",
    "what",
    "at",
    "question",
    "value",
    "unit",
    "tolerance",
    "group",
    "previous",
    "also",
    "also_note",
];
pub const CHANGE_FIELDS: &[&str] = &[
    "id", "tags", "quote", "note", "subject", "before", "after", "verb", "accept", "sort",
    "question",
];
pub const CARD_FIELDS: &[&str] = &[
    "id", "tags", "quote", "note", "question", "answer", "accept", "group", "sort",
];
pub const SET_FIELDS: &[&str] = &[
    "id", "tags", "quote", "note", "name", "members", "group", "sort", "question",
];
pub const SEQUENCE_FIELDS: &[&str] = &[
    "id", "tags", "quote", "note", "name", "items", "sort", "question",
];

/// The top-level tables, in documentation order.
pub const TOP_LEVEL: &[&str] = &[
    "deck", "date", "figure", "change", "card", "set", "sequence",
];

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// serde's own "unknown field" message lists the struct's fields; each list must match it
    /// exactly, or the loader's check would call a real field unknown (or miss a typo).
    pub(crate) fn struct_fields<T: serde::de::DeserializeOwned + std::fmt::Debug>() -> Vec<String> {
        let message = toml::from_str::<T>("zz_not_a_field = 1")
            .unwrap_err()
            .message()
            .to_owned();
        let mut names: Vec<String> = message
            .split('`')
            .skip(3)
            .step_by(2)
            .map(str::to_owned)
            .collect();
        names.sort();
        names
    }

    fn sorted(lists: &[&[&str]]) -> Vec<String> {
        let mut names: Vec<String> = lists
            .iter()
            .flat_map(|l| l.iter())
            .map(|s| (*s).to_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn field_lists_match_the_structs() {
        assert_eq!(struct_fields::<RawHeader>(), sorted(&[HEADER_FIELDS]));
        assert_eq!(struct_fields::<RawSource>(), sorted(&[SOURCE_FIELDS]));
        assert_eq!(struct_fields::<RawPrevious>(), sorted(&[PREVIOUS_FIELDS]));
        assert_eq!(struct_fields::<RawDate>(), sorted(&[DATE_FIELDS]));
        assert_eq!(struct_fields::<RawFigure>(), sorted(&[FIGURE_FIELDS]));
        assert_eq!(struct_fields::<RawChange>(), sorted(&[CHANGE_FIELDS]));
        assert_eq!(struct_fields::<RawCard>(), sorted(&[CARD_FIELDS]));
        assert_eq!(struct_fields::<RawSet>(), sorted(&[SET_FIELDS]));
        assert_eq!(struct_fields::<RawSequence>(), sorted(&[SEQUENCE_FIELDS]));
    }
}
