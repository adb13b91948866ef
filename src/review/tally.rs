//! The ratings of one review session, shared with the Ctrl-C handler so it can finish the
//! session from another thread.

use std::sync::{Arc, Mutex, MutexGuard};

use crate::srs::Rating;

/// How many cards got each rating.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    counts: [u32; 4],
}

impl Tally {
    pub fn add(&mut self, rating: Rating) {
        if let Some(n) = self.counts.get_mut(usize::from(rating.number()) - 1) {
            *n += 1;
        }
    }

    pub fn count(&self, rating: Rating) -> u32 {
        self.counts
            .get(usize::from(rating.number()) - 1)
            .copied()
            .unwrap_or(0)
    }

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

    pub fn add(&self, rating: Rating) {
        self.lock().add(rating);
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
            t.add(r);
        }
        assert_eq!((t.total(), t.recalled()), (4, 3));
        assert_eq!(t.line(), "again 1 · hard 0 · good 2 · easy 1");
    }
}
