//! The desired retention: the probability of recall at which a fact comes due.

use std::fmt;
use std::str::FromStr;

/// A desired retention between [`Retention::MIN`] and [`Retention::MAX`]. Higher means
/// shorter intervals and more reviews.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Retention(f32);

/// A retention outside the range the scheduler is meant for.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("a desired retention is between {min} and {max}, like 0.9; not {0}", min = Retention::MIN, max = Retention::MAX)]
pub struct BadRetention(pub String);

impl Retention {
    pub const MIN: f32 = 0.7;
    pub const MAX: f32 = 0.99;
    pub const DEFAULT: Retention = Retention(0.9);

    pub fn new(value: f32) -> Result<Retention, BadRetention> {
        if (Self::MIN..=Self::MAX).contains(&value) {
            Ok(Retention(value))
        } else {
            Err(BadRetention(value.to_string()))
        }
    }

    pub fn get(self) -> f32 {
        self.0
    }
}

impl Default for Retention {
    fn default() -> Self {
        Retention::DEFAULT
    }
}

impl FromStr for Retention {
    type Err = BadRetention;

    /// `0.9`, or a percentage such as `90%`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        let value = match trimmed.strip_suffix('%') {
            Some(percent) => percent.trim().parse::<f32>().map(|p| p / 100.0),
            None => trimmed.parse::<f32>(),
        };
        value
            .map_err(|_| BadRetention(text.to_owned()))
            .and_then(Retention::new)
    }
}

impl fmt::Display for Retention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.0}%", self.0 * 100.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retention_is_range_checked() {
        assert_eq!("0.9".parse(), Ok(Retention(0.9)));
        assert_eq!("85%".parse(), Ok(Retention(0.85)));
        assert_eq!("0.7".parse::<Retention>().map(Retention::get), Ok(0.7));
        assert_eq!("0.99".parse::<Retention>().map(Retention::get), Ok(0.99));
        for bad in ["0.69", "1", "0.995", "90", "high", "NaN"] {
            assert!(bad.parse::<Retention>().is_err(), "{bad}");
        }
        assert_eq!(Retention::DEFAULT.to_string(), "90%");
    }
}
