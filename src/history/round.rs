//! Numbers in JSON as a person would read them: a percentage to one decimal, and a whole
//! number without ".0" (`"target_percent": 90`, not `89.99999761581421`).

use serde_json::Value;

/// `x` rounded to one decimal; whole numbers as integers.
pub fn one_decimal(x: f64) -> Value {
    if !x.is_finite() {
        return Value::Null;
    }
    let r = (x * 10.0).round() / 10.0;
    // Percentages and counts stay far inside i64's range, where the cast is exact.
    #[allow(clippy::cast_possible_truncation)]
    match r.fract() == 0.0 && r.abs() < 1e15 {
        true => Value::from(r as i64),
        false => Value::from(r),
    }
}

/// As `one_decimal`, `null` for none.
pub fn percent(p: Option<f64>) -> Value {
    p.map_or(Value::Null, one_decimal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_read_as_a_person_writes_them() {
        assert_eq!(one_decimal(89.999_997_615_814_21).to_string(), "90");
        assert_eq!(one_decimal(66.666_666).to_string(), "66.7");
        assert_eq!(one_decimal(0.0).to_string(), "0");
        assert_eq!(percent(None), Value::Null);
        assert_eq!(one_decimal(f64::NAN), Value::Null);
    }
}
