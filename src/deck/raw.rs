//! The deck file exactly as written: serde structs mirroring the TOML, with spans kept on
//! every field. Only `deck::load`, `deck::checks` and `deck::kinds` (each kind's own table)
//! see these.
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

/// `previous = { value = 3637, at = "the 7th Congress" }`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPrevious {
    pub value: Option<F<toml::Value>>,
    pub at: Option<F<String>>,
}

/// Field names per table, for finding unknown keys and suggesting the nearest. Kept in
/// step with the structs above by `tests::field_lists_match_the_structs`; each kind of
/// fact lists its own (`deck::kinds`).
pub const HEADER_FIELDS: &[&str] = &["id", "title", "description", "language", "source", "quotes"];
pub const SOURCE_FIELDS: &[&str] = &["title", "url", "license", "file"];
pub const PREVIOUS_FIELDS: &[&str] = &["value", "at"];

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

    pub(crate) fn sorted(lists: &[&[&str]]) -> Vec<String> {
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
    }
}
