//! The ratings of one review session, shared with the Ctrl-C handler so it can finish the
//! session from another thread.

use std::sync::{Arc, Mutex, MutexGuard};

use crate::srs::Rating;

/// How many ratings of each kind, and how many were of cards shown again after Again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    counts: [u32; 4],
    again_shown: u32,
}

impl Tally {
    /// Counts a rating; `relearning` for a card shown again in this session.
    pub fn add(&mut self, rating: Rating, relearning: bool) {
        if let Some(n) = self.counts.get_mut(usize::from(rating.number()) - 1) {
            *n += 1;
        }
        self.again_shown += u32::from(relearning);
    }

    /// Takes back a rating counted with `add` (undo).
    pub fn remove(&mut self, rating: Rating, relearning: bool) {
        if let Some(n) = self.counts.get_mut(usize::from(rating.number()) - 1) {
            *n = n.saturating_sub(1);
        }
        self.again_shown = self.again_shown.saturating_sub(u32::from(relearning));
    }

    /// Different cards rated: ratings less the showings of a card again.
    pub fn cards(&self) -> u32 {
        self.total().saturating_sub(self.again_shown)
    }

    /// Showings of a card again after Again.
    pub fn again_shown(&self) -> u32 {
        self.again_shown
    }

    pub fn count(&self, rating: Rating) -> u32 {
        self.counts
            .get(usize::from(rating.number()) - 1)
            .copied()
            .unwrap_or(0)
    }

    /// Ratings given.
    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }

    /// Cards recalled (anything but Again): the session's score.
    pub fn recalled(&self) -> u32 {
        self.total() - self.count(Rating::Again)
    }

    /// "again 1 · hard 0 · good 2 · easy 0"
    pub fn line(&self) -> String {
        Rating::ALL
            .map(|r| format!("{} {}", r.name(), self.count(r)))
            .join(" · ")
    }
}

/// [`Tally`] behind a mutex that a panic elsewhere cannot poison for good.
#[derive(Debug, Clone, Default)]
pub struct SharedTally(Arc<Mutex<Tally>>);

impl SharedTally {
    fn lock(&self) -> MutexGuard<'_, Tally> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub fn add(&self, rating: Rating, relearning: bool) {
        self.lock().add(rating, relearning);
    }

    pub fn remove(&self, rating: Rating, relearning: bool) {
        self.lock().remove(rating, relearning);
    }

    pub fn snapshot(&self) -> Tally {
        *self.lock()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_are_counted_and_again_is_not_recalled() {
        let mut t = Tally::default();
        for r in [Rating::Good, Rating::Again, Rating::Good, Rating::Easy] {
            t.add(r, false);
        }
        assert_eq!((t.total(), t.recalled()), (4, 3));
        assert_eq!(t.line(), "again 1 · hard 0 · good 2 · easy 1");
        t.add(Rating::Good, true);
        assert_eq!((t.total(), t.cards(), t.again_shown()), (5, 4, 1));
        t.remove(Rating::Good, true);
        t.remove(Rating::Easy, false);
        assert_eq!(t.line(), "again 1 · hard 0 · good 2 · easy 0");
        assert_eq!(t.cards(), 3);
    }
}
