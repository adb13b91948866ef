//! Dates, numbers and tolerances: values whose TOML type varies (a date may be a TOML date,
//! a string or a year), read from `toml::Value`.

use super::Checker;
use super::fields::{Name, article};
use crate::deck::date::FactDate;
use crate::deck::diagnostic::Diagnostic;
use crate::deck::model::Tolerance;
use crate::deck::number::Number;
use crate::deck::prose_date::toml_date_for;
use crate::deck::raw::F;

/// Largest integer an f64 holds exactly; figures beyond it would print wrong.
const MAX_EXACT: i64 = 1 << 53;

const DATE_HELP: &str =
    "write a TOML date (2021-01-05), or a string \"2021-01\" or \"2021\" for a month or a year";
const NUMBER_HELP: &str = "write a bare number such as 5000, 5_000 or 2.5 (no quotes, no commas)";
const TOLERANCE_HELP: &str =
    "write an absolute amount (tolerance = 50) or a percentage (tolerance = \"5%\")";

impl Checker<'_> {
    /// A date: a TOML date, a "YYYY-MM" or "YYYY" string, or a bare year.
    pub(in crate::deck) fn date_value<'n>(
        &mut self,
        f: F<toml::Value>,
        name: impl Into<Name<'n>>,
    ) -> Option<FactDate> {
        let name = name.into();
        let v = self.typed(f, name, "a date")?;
        let result = match v.get_ref() {
            toml::Value::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => FactDate::day(
                    i16::try_from(d.year).unwrap_or(i16::MAX),
                    i8::try_from(d.month).unwrap_or(13),
                    i8::try_from(d.day).unwrap_or(32),
                )
                .map_err(|e| e.to_string()),
                _ => Err(format!("{name} must be a date without a time of day")),
            },
            toml::Value::String(s) => s.parse::<FactDate>().map_err(|e| e.to_string()),
            toml::Value::Integer(y) => i16::try_from(*y)
                .map_err(|_| format!("{y} is not a year"))
                .and_then(|y| FactDate::year(y).map_err(|e| e.to_string())),
            other => Err(format!(
                "{name} must be a date, found {}",
                article(other.type_str())
            )),
        };
        // A date written in words ("May 21, 1904") gets the TOML date to write instead.
        let help = match (v.get_ref(), name) {
            (toml::Value::String(s), _) if result.is_err() => {
                toml_date_for(s).map(|d| match name {
                    Name::Field(field) => format!("write `{field} = {d}`"),
                    Name::EntryOf(_) => format!("write it as {d}"),
                })
            }
            _ => None,
        };
        result
            .map_err(|message| {
                let help = help.unwrap_or_else(|| DATE_HELP.to_owned());
                self.push(Diagnostic::error(message).at(v.span()).help(help));
            })
            .ok()
    }

    /// A figure: an integer or a decimal, small enough to hold exactly.
    pub(in crate::deck) fn number(&mut self, f: F<toml::Value>, field: &str) -> Option<Number> {
        let v = self.typed(f, field, "a number")?;
        match v.get_ref() {
            toml::Value::Integer(i) if i.unsigned_abs() <= MAX_EXACT.unsigned_abs() => {
                Some(Number::integer(*i))
            }
            toml::Value::Float(x) if x.is_finite() && x.abs() <= MAX_EXACT as f64 => {
                let written = self.text.get(v.span()).unwrap_or("");
                Some(Number::decimal(*x, decimals_written(written)))
            }
            other => {
                let found = match other {
                    toml::Value::Integer(_) | toml::Value::Float(_) => {
                        "a number too large to hold exactly".to_owned()
                    }
                    other => article(other.type_str()),
                };
                self.push(
                    Diagnostic::error(format!("`{field}` must be a number, found {found}"))
                        .at(v.span())
                        .help(NUMBER_HELP),
                );
                None
            }
        }
    }

    /// How far a typed answer may be off: not negative, not larger than the value itself.
    pub(in crate::deck) fn tolerance(
        &mut self,
        f: F<toml::Value>,
        value: Option<Number>,
    ) -> Option<Tolerance> {
        let t = self.typed(f, "tolerance", "a number or a percentage")?;
        let bad = |message: String| Diagnostic::error(message).at(t.span());
        let tolerance = match t.get_ref() {
            toml::Value::Integer(i) => Tolerance::Absolute(*i as f64),
            toml::Value::Float(x) => Tolerance::Absolute(*x),
            toml::Value::String(s) => {
                match s.trim().strip_suffix('%').map(|p| p.trim().parse::<f64>()) {
                    Some(Ok(p)) => Tolerance::Percent(p),
                    _ => {
                        self.push(bad(format!("`{s}` is not a tolerance")).help(TOLERANCE_HELP));
                        return None;
                    }
                }
            }
            other => {
                self.push(
                    bad(format!(
                        "`tolerance` must be a number or a percentage, found {}",
                        article(other.type_str())
                    ))
                    .help(TOLERANCE_HELP),
                );
                return None;
            }
        };
        let (amount, limit, unit) = match tolerance {
            Tolerance::Absolute(a) => (a, value.map(|v| v.value().abs()), ""),
            Tolerance::Percent(p) => (p, Some(100.0), "%"),
            Tolerance::Exact => (0.0, Some(0.0), ""),
        };
        if amount.is_nan() || amount < 0.0 {
            self.push(
                bad(format!("the tolerance ({amount}{unit}) is negative"))
                    .label("negative")
                    .help("a tolerance is a distance from the value: write 0 or more"),
            );
            return None;
        }
        if let Some(limit) = limit
            && amount > limit
        {
            self.push(
                bad(format!("the tolerance ({amount}{unit}) is larger than the value itself"))
                    .label("larger than the value")
                    .help("with such a tolerance almost any answer would count; make it smaller than the value"),
            );
            return None;
        }
        Some(tolerance)
    }
}

/// Decimal places as written in the file: "2.50" → 2, "1e3" → 0.
fn decimals_written(written: &str) -> u8 {
    let mantissa = written.split(['e', 'E']).next().unwrap_or("");
    mantissa.split_once('.').map_or(0, |(_, frac)| {
        u8::try_from(frac.chars().filter(char::is_ascii_digit).count()).unwrap_or(6)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_follow_the_text() {
        assert_eq!(decimals_written("2.50"), 2);
        assert_eq!(decimals_written("1e3"), 0);
        assert_eq!(decimals_written("1_000.5"), 1);
    }
}
