//! An author's own wording of the questions about a fact: `question = "…"` for the fact's
//! main question, or `question = { when = "…", end = "…" }` form by form. A form without
//! wording is worded by factdeck in the deck's language (English where it has none).

use serde::{Deserialize, Serialize};

use super::Kind;

/// The questions an author worded, by key (see [`keys`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Wording {
    forms: Vec<(String, String)>,
}

/// A key of `question`, what it words, and the placeholders its text must contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordingKey {
    pub key: &'static str,
    pub words: &'static str,
    pub needs: &'static [&'static str],
}

pub(crate) const fn key(key: &'static str, words: &'static str) -> WordingKey {
    WordingKey {
        key,
        words,
        needs: &[],
    }
}

/// The keys `question` takes on a fact of `kind`, its main question first (each kind's
/// module lists its own). Cards word their one question themselves.
pub fn keys(kind: Kind) -> &'static [WordingKey] {
    kind.wording_keys()
}

impl Wording {
    /// Wording from (key, text) pairs, as the loader checked them.
    pub fn new(forms: Vec<(String, String)>) -> Self {
        Wording { forms }
    }

    /// The author's text for `key`, if any.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.forms
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, t)| t.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// Every (key, text), in the order written.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.forms.iter().map(|(k, t)| (k.as_str(), t.as_str()))
    }
}

/// The placeholders a text names, without braces: `{item}` → "item".
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        names.push(&after[..close]);
        rest = &after[close + 1..];
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_the_names_in_braces() {
        assert_eq!(placeholders("{a} and {B}, {"), ["a", "B"]);
        assert!(placeholders("no braces").is_empty());
    }
}
