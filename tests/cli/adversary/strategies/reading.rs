//! Reading options as a student reads them: numbers, dates, words and their look.

use factdeck::deck::Precision;
use factdeck::read::date::parse_date;
use factdeck::read::normalize::key;
use factdeck::read::number::parse_number;

use super::*;

pub(super) fn number_of(text: &str) -> Option<f64> {
    parse_number(text, None).ok().map(|n| n.value)
}

pub(super) fn read_numbers(options: &[String]) -> Option<Vec<f64>> {
    options.iter().map(|o| number_of(o)).collect()
}

pub(super) fn numbers(v: &View<'_>) -> Option<Vec<f64>> {
    v.numbers.clone()
}

pub(super) fn dates(v: &View<'_>) -> Option<Vec<DateParts>> {
    v.dates.clone()
}

/// A date option as a day count (its first day) with its parts.
pub(super) fn read_dates(options: &[String]) -> Option<Vec<DateParts>> {
    options
        .iter()
        .map(|o| {
            let d = parse_date(o).ok()?;
            let day = d.first_day();
            let n = f64::from(day.year()) * 372.0
                + f64::from(day.month()) * 31.0
                + f64::from(day.day());
            Some((n, d.year_number(), d.month_number(), d.day_number()))
        })
        .collect()
}

/// The options as points on a line, when they are numbers or dates.
pub(super) fn values(v: &View<'_>) -> Option<Vec<f64>> {
    numbers(v).or_else(|| dates(v).map(|d| d.iter().map(|x| x.0).collect()))
}

pub(super) const STOP: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "which",
    "what", "who", "was", "were", "is", "did", "these", "this", "that", "its", "it", "from", "as",
    "how", "many", "when", "where", "be", "has", "have", "had", "do", "does",
];

pub(super) fn words(text: &str) -> Vec<String> {
    key(text)
        .split(' ')
        .filter(|w| !w.is_empty() && !STOP.contains(w))
        .map(str::to_owned)
        .collect()
}

/// A text's look: words, hyphens, digits, a leading article, a plural end, capitals.
pub(super) fn signature(text: &str) -> (usize, bool, bool, bool, bool, bool, usize) {
    let lower = text.to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or("");
    let last = lower.split_whitespace().last().unwrap_or("");
    let plural = last.ends_with('s') && !last.ends_with("ss") && !last.ends_with("us");
    let capitals = text
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    (
        text.split_whitespace().count(),
        text.contains('-'),
        text.chars().any(|c| c.is_ascii_digit()),
        matches!(first, "the" | "a" | "an"),
        plural,
        capitals * 2 >= text.split_whitespace().count().max(1),
        text.split_whitespace()
            .filter(|w| w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase()))
            .count(),
    )
}

/// A number's look: digits before the point, trailing zeros, decimals, sign.
pub(super) fn number_signature(text: &str) -> (usize, usize, usize, bool) {
    let digits: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let (int, frac) = digits.split_once('.').unwrap_or((&digits, ""));
    let zeros = int.len() - int.trim_end_matches('0').len();
    (int.len(), zeros, frac.len(), text.starts_with('-'))
}

pub(super) fn date_signature(text: &str) -> Option<Precision> {
    parse_date(text).ok().map(|d| d.precision())
}

pub(super) fn shape_of(v: &View<'_>, i: usize) -> String {
    let o = &v.options[i];
    if v.numbers.is_some() {
        format!("{:?}", number_signature(o))
    } else if let Some(p) = date_signature(o) {
        format!("{p:?}")
    } else {
        format!("{:?}", signature(o))
    }
}
