//! Many short strings kept in one allocation. The question index holds a key for every
//! text of the deck (hundreds of thousands on a large deck); as separate `String`s they
//! were a third of the index's memory and most of the time a warm start spent decoding it
//! from the deck cache.

use serde::{Deserialize, Serialize};

/// Strings numbered from 0 in the order pushed: string `n` is `text[ends[n - 1]..ends[n]]`.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackedStrings {
    text: String,
    /// Where each string ends in `text`. `u32`: a deck's keys run to megabytes, far below
    /// 4 GiB (a deck that large could not be loaded to begin with).
    ends: Vec<u32>,
}

impl PackedStrings {
    pub fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends
            .push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
    }

    /// String `n`, `None` past the last.
    #[inline]
    pub fn get(&self, n: usize) -> Option<&str> {
        let end = *self.ends.get(n)? as usize;
        let start = match n.checked_sub(1) {
            Some(before) => *self.ends.get(before)? as usize,
            None => 0,
        };
        self.text.get(start..end)
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Drops the room left over from building.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_come_back_as_pushed_empty_ones_included() {
        let mut p = PackedStrings::default();
        assert_eq!(p.get(0), None);
        for s in ["kim jong un", "", "ri", "조선", ""] {
            p.push(s);
        }
        let back: Vec<&str> = (0..5).filter_map(|n| p.get(n)).collect();
        assert_eq!(back, ["kim jong un", "", "ri", "조선", ""]);
        assert_eq!(p.get(5), None);
    }
}
