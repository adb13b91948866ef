//! Whether an input can be read as an answer at all. An interactive loop asks again, with
//! the hint, instead of marking a typo of the *form* ("5" of four options, "05/01/2021")
//! as a wrong answer.

use crate::question::{Answer, Question, option_letter};

use super::choice::{Pick, parse_bool, parse_order, pick};
use crate::read::date::parse_date_in;
use crate::read::number::parse_number_in;

/// `Err(hint)` when `input` is not an answer of the question's shape; blank input counts as
/// an answer ("I don't know") and is graded wrong, not re-asked.
pub fn readable(q: &Question, input: &str) -> Result<(), String> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(());
    }
    match &q.answer {
        Answer::Choice(c) => match pick(&q.options, c, input, q.language) {
            Pick::Unclear(hint) => Err(hint),
            _ => Ok(()),
        },
        Answer::Bool(_) => parse_bool(input)
            .map(|_| ())
            .ok_or_else(|| "answer true or false (or y/n)".to_owned()),
        Answer::Order(_) => parse_order(input, q.options.len())
            .map(|_| ())
            .ok_or_else(|| {
                let n = q.options.len();
                let example: Vec<String> =
                    (0..n).rev().map(|i| option_letter(i).to_string()).collect();
                format!(
                    "name each of the {n} items once, in order, e.g. \"{}\"",
                    example.join(" ")
                )
            }),
        Answer::Number(n) => parse_number_in(input, n.unit.as_deref(), q.language)
            .map(|_| ())
            .map_err(|e| e.to_string()),
        Answer::Date(_) => parse_date_in(input, q.language)
            .map(|_| ())
            .map_err(|e| e.to_string()),
        Answer::Text(_) => Ok(()),
    }
}
