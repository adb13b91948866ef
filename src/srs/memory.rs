//! What the scheduler remembers about one fact.

use jiff::Timestamp;

/// The memory state of one (deck, fact): FSRS's stability and difficulty, when the fact is
/// due, and counts. Kept per fact id, so rewording a fact keeps its progress.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Memory {
    /// Days until recall probability falls to 90 %.
    pub stability: f32,
    /// 1 (easy) to 10 (hard).
    pub difficulty: f32,
    /// When the fact should next be reviewed.
    pub due: Timestamp,
    pub last_review: Timestamp,
    /// When the fact was first rated: it counts as a new card on that day.
    pub first_review: Timestamp,
    /// Ratings so far.
    pub reps: u32,
    /// Times rated Again after the first rating.
    pub lapses: u32,
}
