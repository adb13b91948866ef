//! Turning an answer and its distractors into options: numbers and dates ascending, text
//! shuffled, and the index of the one correct option recorded.

use rand::Rng;
use rand::seq::SliceRandom;

use crate::deck::{FactDate, Number};

use super::answer::{Answer, Choice, ChoiceValues};
use super::phrase::{Phrasebook, show};

/// Text options in random order.
pub fn text_choice<R: Rng + ?Sized>(
    correct: String,
    distractors: Vec<String>,
    aliases: Vec<String>,
    rng: &mut R,
) -> (Vec<String>, Answer) {
    let mut tagged: Vec<(bool, String)> = std::iter::once((true, correct))
        .chain(distractors.into_iter().map(|d| (false, d)))
        .collect();
    tagged.shuffle(rng);
    let correct = tagged.iter().position(|(c, _)| *c).unwrap_or(0);
    let options = tagged.into_iter().map(|(_, t)| t).collect();
    let answer = Answer::Choice(Choice {
        correct,
        values: ChoiceValues::Text,
        aliases,
        wrong_aliases: Vec::new(),
        rejected: Vec::new(),
    });
    (options, answer)
}

/// Number options in ascending order.
pub fn number_choice(
    truth: Number,
    distractors: Vec<Number>,
    signed: bool,
    unit: Option<&str>,
    book: &Phrasebook,
) -> (Vec<String>, Answer) {
    let mut values: Vec<Number> = std::iter::once(truth).chain(distractors).collect();
    values.sort_by(|a, b| a.value().total_cmp(&b.value()));
    let correct = values.iter().position(|v| *v == truth).unwrap_or(0);
    let options = values
        .iter()
        .map(|v| show::number(*v, signed, unit, book))
        .collect();
    let answer = Answer::Choice(Choice {
        correct,
        values: ChoiceValues::Numbers {
            values,
            signed,
            unit: unit.map(str::to_owned),
        },
        aliases: Vec::new(),
        wrong_aliases: Vec::new(),
        rejected: Vec::new(),
    });
    (options, answer)
}

/// Date options in ascending order, all written alike: "2021-01-05" in English (so they
/// line up), as prose in other languages ("5. Januar 2021").
pub fn date_choice(
    truth: FactDate,
    distractors: Vec<FactDate>,
    book: &Phrasebook,
) -> (Vec<String>, Answer) {
    let mut dates: Vec<FactDate> = std::iter::once(truth).chain(distractors).collect();
    dates.sort();
    let correct = dates.iter().position(|d| *d == truth).unwrap_or(0);
    let options = dates
        .iter()
        .map(|d| match book.dates.prose_options {
            true => show::date(*d, book),
            false => d.to_string(),
        })
        .collect();
    let answer = Answer::Choice(Choice {
        correct,
        values: ChoiceValues::Dates(dates),
        aliases: Vec::new(),
        wrong_aliases: Vec::new(),
        rejected: Vec::new(),
    });
    (options, answer)
}
