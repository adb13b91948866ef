//! The whole deck as JSON, in the deck file's own shape: a `deck` object and one array per
//! kind (`date`, `figure`, …) holding every field the file can have, with the deck
//! format's names (each kind's shape is beside its model, in `deck::kinds`). It validates
//! against docs/deck.schema.json, and turned back into TOML it loads as the same deck.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::deck::{AsWritten, Deck, Facts, Kind};

/// The deck: its header, then one array per kind in `Kind::ALL` order, kinds it has not
/// left out.
#[derive(Debug)]
pub struct JsonDeck<'d> {
    deck: Header<'d>,
    facts: &'d Facts,
}

impl Serialize for JsonDeck<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("deck", &self.deck)?;
        for kind in Kind::ALL {
            let of_kind: Vec<AsWritten<'_>> = self
                .facts
                .iter()
                .filter(|f| f.kind() == kind)
                .map(AsWritten)
                .collect();
            if !of_kind.is_empty() {
                map.serialize_entry(kind.as_str(), &of_kind)?;
            }
        }
        map.end()
    }
}

#[derive(Debug, Serialize)]
struct Header<'d> {
    id: &'d str,
    title: &'d str,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'d str,
    language: &'d str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<Source<'d>>,
    /// Written only when false, as in a deck file.
    #[serde(skip_serializing_if = "is_true")]
    quotes: bool,
}

fn is_true(b: &bool) -> bool {
    *b
}

#[derive(Debug, Serialize)]
struct Source<'d> {
    title: &'d str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    license: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<String>,
}

/// The deck in its file's shape.
pub fn to_json(deck: &Deck) -> JsonDeck<'_> {
    let m = &deck.meta;
    JsonDeck {
        deck: Header {
            id: &m.id,
            title: &m.title,
            description: &m.description,
            language: &m.language,
            source: m.source.as_ref().map(|s| Source {
                title: &s.title,
                url: s.url.as_deref(),
                license: s.license.as_deref(),
                file: s.file.as_ref().map(|f| f.display().to_string()),
            }),
            quotes: m.quotes,
        },
        facts: &deck.facts,
    }
}
