//! Numbers as a deck states them: an integer or a decimal, printed the way it was written.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A figure's value. Keeps the number of decimal places the author wrote, so that 2.50
/// prints as "2.50" and 5000 as "5000" (never "5000.0").
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Number {
    value: f64,
    decimals: u8,
}

impl Number {
    pub fn integer(value: i64) -> Self {
        // Deck figures are far below 2^53, where every integer is exact in an f64.
        Number {
            value: value as f64,
            decimals: 0,
        }
    }

    /// A decimal with the given number of places kept for display (at most 6).
    pub fn decimal(value: f64, decimals: u8) -> Self {
        Number {
            value,
            decimals: decimals.min(6),
        }
    }

    pub fn value(&self) -> f64 {
        self.value
    }

    pub fn decimals(&self) -> u8 {
        self.decimals
    }

    pub fn is_integer(&self) -> bool {
        self.decimals == 0
    }

    /// With thousands separators for reading: "6,175,000", "2.5".
    pub fn grouped(&self) -> String {
        let plain = self.to_string();
        let (sign, rest) = plain
            .strip_prefix('-')
            .map_or(("", plain.as_str()), |r| ("-", r));
        let (int, frac) = rest
            .split_once('.')
            .map_or((rest, None), |(i, f)| (i, Some(f)));
        let mut out = String::with_capacity(plain.len() + int.len() / 3);
        for (i, ch) in int.chars().enumerate() {
            if i > 0 && (int.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(ch);
        }
        match frac {
            Some(f) => format!("{sign}{out}.{f}"),
            None => format!("{sign}{out}"),
        }
    }
}

/// Canonical form: no separators, the author's decimal places ("5000", "2.5", "-311").
impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.*}", usize::from(self.decimals), self.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_canonically_and_grouped() {
        assert_eq!(Number::integer(6_175_000).to_string(), "6175000");
        assert_eq!(Number::integer(6_175_000).grouped(), "6,175,000");
        assert_eq!(Number::integer(-311).grouped(), "-311");
        assert_eq!(Number::integer(1363).grouped(), "1,363");
        assert_eq!(Number::integer(250).grouped(), "250");
        assert_eq!(Number::decimal(1234.5, 1).grouped(), "1,234.5");
        assert_eq!(Number::decimal(2.5, 2).to_string(), "2.50");
    }
}
