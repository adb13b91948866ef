//! Whether a prompt gives its answer away: a question is dropped rather than asked when it
//! does (an author's wording can do it: "dwarf planet" asked as "what was it before?" with
//! the answer "planet").

use crate::deck::date::month_name;
use crate::deck::{FactDate, Precision};
use crate::read::normalize::{contains_words, key};
use crate::read::number::parse_number;

use super::answer::{Answer, ChoiceValues};
use super::{Form, Question};

/// Whether `q.prompt` contains its answer (or an accepted alternative).
pub fn leaks(q: &Question) -> bool {
    match q.form {
        // "Did it rise or fall?" names both answers by design, like "true or false".
        Form::FigureTrend => return false,
        // Fixed prompts ("Which of these happened first?") hold no deck text.
        Form::DateFirst | Form::DateOrder | Form::FigureLarger => return false,
        _ => {}
    }
    let prompt = std::cell::OnceCell::new();
    let prompt = || prompt.get_or_init(|| key(&q.prompt)).as_str();
    let text_leaks = |t: &str| contains_words(prompt(), &key(t));
    let numbers = || numbers_in(&q.prompt).collect::<Vec<f64>>();
    let number_leaks = |value: f64| numbers().iter().any(|n| (n - value.abs()).abs() < 1e-9);
    match &q.answer {
        Answer::Choice(c) => match &c.values {
            ChoiceValues::Text => {
                q.options.get(c.correct).is_some_and(|t| text_leaks(t))
                    || c.aliases.iter().any(|t| text_leaks(t))
            }
            ChoiceValues::Numbers { values, .. } => values
                .get(c.correct)
                .is_some_and(|n| number_leaks(n.value())),
            ChoiceValues::Dates(dates) => dates
                .get(c.correct)
                .is_some_and(|d| date_leaks(&q.prompt, prompt(), &numbers(), *d)),
        },
        Answer::Number(n) => number_leaks(n.value.value()),
        Answer::Date(d) => {
            let numbers = numbers();
            std::iter::once(&d.date)
                .chain(&d.also)
                .any(|d| date_leaks(&q.prompt, prompt(), &numbers, *d))
        }
        Answer::Text(t) => text_leaks(&t.text) || t.accepted.iter().any(|a| text_leaks(a)),
        // "True or false" names both answers by design; an ordering is an arrangement.
        Answer::Bool(_) | Answer::Order(_) => false,
    }
}

/// The numbers written in a text ("5,000", "44", "5k"; not the "8" of "8th").
pub fn numbers_in(text: &str) -> impl Iterator<Item = f64> + '_ {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !(c.is_ascii_alphanumeric() || c == '%')))
        .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        .filter_map(|w| {
            // Plain digits are the common case; only the rest needs the full reader.
            if w.bytes().all(|b| b.is_ascii_digit()) {
                w.parse().ok()
            } else {
                parse_number(w, None).ok().map(|n| n.value.abs())
            }
        })
}

/// Every part of the date at its precision appears: the year, the month's name (or its
/// first three letters), the day.
pub(crate) fn date_leaks(prompt: &str, prompt_key: &str, numbers: &[f64], date: FactDate) -> bool {
    let has = |n: i16| numbers.contains(&f64::from(n));
    let month_named = || {
        let month = date
            .month_number()
            .and_then(month_name)
            .unwrap_or("")
            .to_lowercase();
        contains_words(prompt_key, &month)
            || contains_words(prompt_key, month.get(..3).unwrap_or(""))
    };
    let day_named = || date.day_number().is_some_and(|d| has(i16::from(d)));
    let iso = prompt.contains(&date.to_string());
    iso || match date.precision() {
        Precision::Year => has(date.year_number()),
        Precision::Month => has(date.year_number()) && month_named(),
        Precision::Day => has(date.year_number()) && month_named() && day_named(),
    }
}
