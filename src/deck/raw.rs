//! The deck file exactly as written: serde structs mirroring the TOML, with spans kept on
//! every field that is validated later. Only `deck::load` sees these.

use serde::Deserialize;
use toml::Spanned;

type S<T> = Spanned<T>;

/// `[deck]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHeader {
    pub id: S<String>,
    pub title: S<String>,
    pub description: Option<S<String>>,
    pub language: Option<S<String>>,
    pub source: Option<S<RawSource>>,
}

/// `[deck.source]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub title: S<String>,
    pub url: Option<S<String>>,
    pub license: Option<S<String>>,
    pub file: Option<S<String>>,
}

/// `[[date]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDate {
    pub id: S<String>,
    pub tags: Option<Vec<S<String>>>,
    pub quote: Option<S<String>>,
    pub note: Option<S<String>>,
    pub event: S<String>,
    pub question: Option<S<String>>,
    /// A TOML date, a "YYYY-MM" or "YYYY" string, or a bare year.
    pub date: S<toml::Value>,
    pub end: Option<S<toml::Value>>,
    pub also: Option<Vec<S<toml::Value>>>,
    pub also_note: Option<S<String>>,
}

/// `[[figure]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFigure {
    pub id: S<String>,
    pub tags: Option<Vec<S<String>>>,
    pub quote: Option<S<String>>,
    pub note: Option<S<String>>,
    pub what: S<String>,
    pub at: Option<S<String>>,
    pub question: Option<S<String>>,
    /// An integer or a float.
    pub value: S<toml::Value>,
    pub unit: Option<S<String>>,
    /// A number (absolute) or a string like "5%".
    pub tolerance: Option<S<toml::Value>>,
    pub group: Option<S<String>>,
    pub previous: Option<S<RawPrevious>>,
}

/// `previous = { value = 3637, at = "the 7th Congress" }`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPrevious {
    pub value: S<toml::Value>,
    pub at: S<String>,
}

/// `[[change]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChange {
    pub id: S<String>,
    pub tags: Option<Vec<S<String>>>,
    pub quote: Option<S<String>>,
    pub note: Option<S<String>>,
    pub subject: S<String>,
    pub before: Option<S<String>>,
    pub after: Option<S<String>>,
    pub verb: Option<S<String>>,
}

/// `[[card]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCard {
    pub id: S<String>,
    pub tags: Option<Vec<S<String>>>,
    pub quote: Option<S<String>>,
    pub note: Option<S<String>>,
    pub question: S<String>,
    pub answer: S<String>,
    pub accept: Option<Vec<S<String>>>,
    pub group: Option<S<String>>,
}

/// `[[set]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSet {
    pub id: S<String>,
    pub tags: Option<Vec<S<String>>>,
    pub quote: Option<S<String>>,
    pub note: Option<S<String>>,
    pub name: S<String>,
    pub members: S<Vec<S<String>>>,
    pub group: Option<S<String>>,
}

/// `[[sequence]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSequence {
    pub id: S<String>,
    pub tags: Option<Vec<S<String>>>,
    pub quote: Option<S<String>>,
    pub note: Option<S<String>>,
    pub name: S<String>,
    pub items: S<Vec<S<String>>>,
}

/// Field names per table, for "did you mean" on unknown fields. Kept in step with the
/// structs above by `tests::field_lists_match_the_structs`.
pub const HEADER_FIELDS: &[&str] = &["id", "title", "description", "language", "source"];
pub const SOURCE_FIELDS: &[&str] = &["title", "url", "license", "file"];
pub const COMMON_FIELDS: &[&str] = &["id", "tags", "quote", "note"];
pub const DATE_FIELDS: &[&str] = &["event", "question", "date", "end", "also", "also_note"];
pub const FIGURE_FIELDS: &[&str] = &[
    "what",
    "at",
    "question",
    "value",
    "unit",
    "tolerance",
    "group",
    "previous",
];
pub const PREVIOUS_FIELDS: &[&str] = &["value", "at"];
pub const CHANGE_FIELDS: &[&str] = &["subject", "before", "after", "verb"];
pub const CARD_FIELDS: &[&str] = &["question", "answer", "accept", "group"];
pub const SET_FIELDS: &[&str] = &["name", "members", "group"];
pub const SEQUENCE_FIELDS: &[&str] = &["name", "items"];

/// The top-level tables, in documentation order.
pub const TOP_LEVEL: &[&str] = &[
    "deck", "date", "figure", "change", "card", "set", "sequence",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// serde's own "unknown field" message lists the struct's fields; each list must match it
    /// exactly, or the loader's check would call a real field unknown (or miss a typo).
    fn struct_fields<T: serde::de::DeserializeOwned + std::fmt::Debug>() -> Vec<String> {
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
        assert_eq!(
            struct_fields::<RawDate>(),
            sorted(&[COMMON_FIELDS, DATE_FIELDS])
        );
        assert_eq!(
            struct_fields::<RawFigure>(),
            sorted(&[COMMON_FIELDS, FIGURE_FIELDS])
        );
        assert_eq!(
            struct_fields::<RawChange>(),
            sorted(&[COMMON_FIELDS, CHANGE_FIELDS])
        );
        assert_eq!(
            struct_fields::<RawCard>(),
            sorted(&[COMMON_FIELDS, CARD_FIELDS])
        );
        assert_eq!(
            struct_fields::<RawSet>(),
            sorted(&[COMMON_FIELDS, SET_FIELDS])
        );
        assert_eq!(
            struct_fields::<RawSequence>(),
            sorted(&[COMMON_FIELDS, SEQUENCE_FIELDS])
        );
    }
}
