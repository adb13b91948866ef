//! The time of day, injectable so tests of history and scheduling are exact.

use jiff::Timestamp;

/// Environment variable that fixes the clock, for tests only: an RFC 3339 timestamp such as
/// `2026-11-28T09:00:00Z`. Every reading then returns that instant.
pub const NOW_VAR: &str = "FACTDECK_NOW";

/// Where "now" comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    System,
    Fixed(Timestamp),
}

/// `FACTDECK_NOW` is not a timestamp.
#[derive(Debug, thiserror::Error)]
#[error("{NOW_VAR}={value:?} is not an RFC 3339 timestamp such as 2026-11-28T09:00:00Z")]
pub struct BadNow {
    value: String,
}

impl Clock {
    /// The system clock, unless `FACTDECK_NOW` fixes it.
    pub fn from_env() -> Result<Clock, BadNow> {
        match std::env::var(NOW_VAR) {
            Ok(value) if !value.trim().is_empty() => value
                .trim()
                .parse()
                .map(Clock::Fixed)
                .map_err(|_| BadNow { value }),
            _ => Ok(Clock::System),
        }
    }

    pub fn now(self) -> Timestamp {
        match self {
            Clock::System => Timestamp::now(),
            Clock::Fixed(t) => t,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_does_not_move() {
        let t: Timestamp = "2026-11-28T09:00:00Z".parse().unwrap();
        assert_eq!(Clock::Fixed(t).now(), t);
        assert!(Clock::System.now() > t - jiff::SignedDuration::from_hours(24 * 365 * 10));
    }
}
