//! How well a fact was recalled: FSRS's four grades.

use std::fmt;

/// The learner's grade of one recall, 1 to 4 as FSRS numbers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rating {
    /// Forgotten: the fact comes back soon and its stability drops.
    Again = 1,
    /// Recalled with serious effort.
    Hard = 2,
    /// Recalled.
    Good = 3,
    /// Recalled without effort.
    Easy = 4,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    /// 1 to 4: the key that picks it, and the number stored.
    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn from_number(n: u8) -> Option<Rating> {
        Rating::ALL.into_iter().find(|r| r.number() == n)
    }

    /// The lower-case name shown in prompts and summaries and stored as the given answer.
    pub fn name(self) -> &'static str {
        match self {
            Rating::Again => "again",
            Rating::Hard => "hard",
            Rating::Good => "good",
            Rating::Easy => "easy",
        }
    }

    /// Whether the fact was recalled at all (anything but Again).
    pub fn recalled(self) -> bool {
        self != Rating::Again
    }

    /// A rating typed as its number or its name ("3", "good", "g").
    pub fn parse(text: &str) -> Option<Rating> {
        let text = text.trim().to_lowercase();
        if let Ok(n) = text.parse::<u8>() {
            return Rating::from_number(n);
        }
        if text.is_empty() {
            return None;
        }
        Rating::ALL
            .into_iter()
            .find(|r| r.name().starts_with(&text))
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_are_numbered_as_fsrs_numbers_them() {
        assert_eq!(
            Rating::ALL.map(Rating::number),
            [1, 2, 3, 4],
            "FSRS's again, hard, good, easy"
        );
        for r in Rating::ALL {
            assert_eq!(Rating::from_number(r.number()), Some(r));
        }
        assert_eq!(Rating::from_number(0), None);
        assert_eq!(Rating::from_number(5), None);
    }

    #[test]
    fn typed_ratings_take_numbers_names_and_initials() {
        assert_eq!(Rating::parse("3"), Some(Rating::Good));
        assert_eq!(Rating::parse(" Easy "), Some(Rating::Easy));
        assert_eq!(Rating::parse("a"), Some(Rating::Again));
        assert_eq!(Rating::parse("h"), Some(Rating::Hard));
        assert_eq!(Rating::parse(""), None);
        assert_eq!(Rating::parse("7"), None);
        assert_eq!(Rating::parse("great"), None);
    }
}
