//! Fact ids made from text: short, readable, unique within a deck, and the same every time
//! the same input is written (history and review progress key on them).

use std::collections::{HashMap, HashSet};

/// At most this many words of the text make an id.
const MAX_WORDS: usize = 6;
/// And at most this many characters (cut at a word boundary).
const MAX_LEN: usize = 48;

/// "Who was re-elected as leader?" → "who-was-re-elected-as-leader". ASCII letters and digits
/// joined by hyphens; `fallback` when the text has none.
pub fn slug(text: &str, fallback: &str) -> String {
    crate::words::slug(text, MAX_WORDS, MAX_LEN).unwrap_or_else(|| fallback.to_owned())
}

/// Hands out ids, adding `-2`, `-3`, … to one already given.
#[derive(Debug, Default)]
pub struct Ids {
    taken: HashSet<String>,
    /// For each base asked for, the next N to try: a base asked for thousands of times
    /// (a draft's "date-2020") does not count up from 2 each time.
    next: HashMap<String, usize>,
}

impl Ids {
    pub fn new() -> Self {
        Ids::default()
    }

    /// `base` if it is free, else the first free `base-N` (N from 2).
    pub fn unique(&mut self, base: &str) -> String {
        let mut id = base.to_owned();
        let n = self.next.entry(base.to_owned()).or_insert(2);
        while self.taken.contains(&id) {
            id = format!("{base}-{n}");
            *n += 1;
        }
        self.taken.insert(id.clone());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_short_ascii_words() {
        assert_eq!(
            slug("Who was re-elected as the party leader?", "card"),
            "who-was-re-elected-as-the"
        );
        assert_eq!(slug("Ŭlchi Mundŏk", "card"), "ulchi-mundok");
        assert_eq!(slug("???", "card"), "card");
        let long = slug(&"abcdefghijklmnopqrstuvwxyz ".repeat(4), "card");
        assert!(long.len() <= MAX_LEN, "{long}");
        assert!(!long.ends_with('-'));
    }

    #[test]
    fn ids_are_unique_and_stable() {
        let mut ids = Ids::new();
        assert_eq!(ids.unique("a"), "a");
        assert_eq!(ids.unique("a"), "a-2");
        assert_eq!(ids.unique("a-2"), "a-2-2");
        assert_eq!(ids.unique("a"), "a-3");
    }
}
