//! Units typed after a number: the figure's own ("80 days", "7.32 m" for metres) is
//! ignored, another unit of measure ("80 weeks" for days) is refused with a hint, since the
//! number would mean something else.

/// A figure in percent: its options stop at 100 (unless it is above), it is shown as the
/// language writes a percentage ("45 %"), and a prompt asks for a percentage.
/// "Percentage points" are not: 5 percentage points is no share of anything.
pub fn is_percent(unit: &str) -> bool {
    matches!(unit.trim(), "%" | "percent" | "per cent")
}

/// Whether a `%` typed after the number is this unit: a percentage, or percentage points
/// (which people write as "%" too).
pub fn takes_percent_sign(unit: &str) -> bool {
    let u = unit.trim();
    is_percent(u)
        || ["percent", "per cent", "percentage"]
            .iter()
            .any(|p| super::normalize::key(u).starts_with(p))
}

/// Spellings of one unit, singular and plural, long and short.
const SAME: &[&[&str]] = &[
    &["second", "seconds", "sec", "secs", "s"],
    &["minute", "minutes", "min", "mins"],
    &["hour", "hours", "hr", "hrs", "h"],
    &["day", "days"],
    &["week", "weeks", "wk", "wks"],
    &["month", "months"],
    &["year", "years", "yr", "yrs"],
    &[
        "millimetre",
        "millimetres",
        "millimeter",
        "millimeters",
        "mm",
    ],
    &[
        "centimetre",
        "centimetres",
        "centimeter",
        "centimeters",
        "cm",
    ],
    &["metre", "metres", "meter", "meters", "m"],
    &["kilometre", "kilometres", "kilometer", "kilometers", "km"],
    &["mile", "miles", "mi"],
    &["foot", "feet", "ft"],
    &["yard", "yards", "yd", "yds"],
    &["inch", "inches", "in"],
    &["gram", "grams", "g"],
    &["kilogram", "kilograms", "kg", "kilo", "kilos"],
    &["tonne", "tonnes", "ton", "tons", "t"],
    &["pound", "pounds", "lb", "lbs"],
    &["ounce", "ounces", "oz"],
    &["litre", "litres", "liter", "liters", "l"],
];

fn family(word: &str) -> Option<&'static [&'static str]> {
    SAME.iter().copied().find(|f| f.contains(&word))
}

/// Whether `word` (lowercase) names the unit `unit_key` (a key: "days", "candidate members").
pub fn is_the_unit(word: &str, unit_key: &str) -> bool {
    if unit_key.is_empty() {
        return false;
    }
    let last = unit_key.rsplit(' ').next().unwrap_or(unit_key);
    word == unit_key
        || unit_key.split(' ').any(|u| u == word)
        || word.strip_suffix('s') == Some(last)
        || last.strip_suffix('s') == Some(word)
        || family(word).is_some_and(|f| f.contains(&last))
}

/// Whether `word` is a unit of measure other than the figure's (`unit_key`): typed after
/// the number, it changes what the number means.
pub fn is_another_unit(word: &str, unit_key: &str) -> bool {
    // Single letters ("in", "s", "m", "t", "h", "l", "g") are too often something else.
    word.len() > 2 && family(word).is_some() && !unit_key.is_empty() && !is_the_unit(word, unit_key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figures_own_unit_in_any_spelling() {
        assert!(is_the_unit("days", "days"));
        assert!(is_the_unit("day", "days"));
        assert!(is_the_unit("m", "metres"));
        assert!(is_the_unit("meters", "metres"));
        assert!(is_the_unit("delegate", "delegates"));
        assert!(is_the_unit("members", "candidate members"));
        assert!(is_another_unit("weeks", "days"));
        assert!(!is_another_unit("people", "delegates"));
        assert!(!is_another_unit("weeks", ""));
    }

    #[test]
    fn percentage_points_take_a_percent_sign_but_are_no_share() {
        assert!(is_percent("%") && is_percent(" percent "));
        assert!(!is_percent("percentage points"));
        assert!(takes_percent_sign("percentage points") && takes_percent_sign("%"));
        assert!(!takes_percent_sign("days"));
    }
}
