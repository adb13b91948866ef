//! Grading: one pure function from a question and what the reader typed to a verdict.
//! Reading the text, numbers and dates typed is `crate::read`'s.
//!
//! Numbers and years get no typo tolerance, only the fact's own tolerance. Dates must be
//! as precise as asked. Text is compared by key (case, diacritics, punctuation and hyphens
//! ignored) with a small edit distance allowed by length. Choices take the option's
//! letter, number or text; true/false takes y/n/t/f/yes/no/true/false; orderings take a
//! permutation such as "3 1 2" or "c a b".

pub mod choice;
pub mod readable;
pub mod text;

use crate::deck::{FactDate, Precision};
use crate::question::{Answer, Choice, DateAnswer, NumberAnswer, Question, TextAnswer};

use self::choice::{Pick, parse_bool, parse_order, pick};
use self::text::{TextMatch, match_text};
use crate::read::date::parse_date_in;
use crate::read::number::parse_number_in;

pub use self::readable::readable;

/// The outcome of one answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Correct,
    /// Accepted, but not quite as the deck has it: the correction shows how.
    Close {
        correction: String,
    },
    /// `expected` is the right answer as shown to the reader; `hint` says what was wrong
    /// with the input when that is more than "not the answer".
    Wrong {
        expected: String,
        hint: Option<String>,
    },
}

impl Verdict {
    /// Correct or close.
    pub fn is_accepted(&self) -> bool {
        !matches!(self, Verdict::Wrong { .. })
    }

    /// The name stored in history: `correct`, `close` or `wrong`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Verdict::Correct => "correct",
            Verdict::Close { .. } => "close",
            Verdict::Wrong { .. } => "wrong",
        }
    }
}

fn wrong(q: &Question, hint: Option<String>) -> Verdict {
    Verdict::Wrong {
        expected: q.expected(),
        hint,
    }
}

/// Grades what the reader typed.
pub fn grade(q: &Question, input: &str) -> Verdict {
    let input = input.trim();
    if input.is_empty() {
        return wrong(q, Some("no answer was given".to_owned()));
    }
    match &q.answer {
        Answer::Choice(c) => grade_pick(q, c, pick(&q.options, c, input, q.language)),
        Answer::Number(n) => grade_number(q, n, input),
        Answer::Date(d) => grade_date(q, d, input),
        Answer::Text(t) => grade_text(q, t, input),
        Answer::Bool(truth) => match parse_bool(input) {
            Some(given) if given == *truth => Verdict::Correct,
            Some(_) => wrong(q, None),
            None => wrong(q, Some("answer true or false (or y/n)".to_owned())),
        },
        Answer::Order(_) => match parse_order(input, q.options.len()) {
            Some(order) => grade_order(q, &order),
            None => wrong(
                q,
                Some(format!(
                    "name each of the {} options once, in order, e.g. \"c a b\" or \"3 1 2\"",
                    q.options.len()
                )),
            ),
        },
    }
}

/// Grades a selected option (for frontends that let the reader pick from a list).
pub fn grade_option(q: &Question, index: usize) -> Verdict {
    match &q.answer {
        Answer::Choice(c) if index == c.correct => Verdict::Correct,
        _ => wrong(q, None),
    }
}

/// Grades an arrangement of the options, given as option indexes, first to last.
pub fn grade_order(q: &Question, order: &[usize]) -> Verdict {
    match &q.answer {
        Answer::Order(truth) if truth.as_slice() == order => Verdict::Correct,
        Answer::Order(truth) => {
            let placed = truth.iter().zip(order).filter(|(a, b)| a == b).count();
            wrong(
                q,
                Some(format!("{placed} of {} in the right place", truth.len())),
            )
        }
        _ => wrong(q, None),
    }
}

fn grade_pick(q: &Question, c: &Choice, picked: Pick) -> Verdict {
    match picked {
        Pick::Option(i) if i == c.correct => Verdict::Correct,
        Pick::NearMiss(i) if i == c.correct => Verdict::Close {
            correction: q.options.get(i).cloned().unwrap_or_default(),
        },
        Pick::Option(_) | Pick::NearMiss(_) => wrong(q, None),
        Pick::Unclear(hint) => wrong(q, Some(hint)),
    }
}

fn grade_number(q: &Question, n: &NumberAnswer, input: &str) -> Verdict {
    let typed = match parse_number_in(input, n.unit.as_deref(), q.language) {
        Ok(t) => t,
        Err(e) => return wrong(q, Some(e.to_string())),
    };
    let truth = n.value.value();
    let exactly = |t: f64| (typed.value - t).abs() <= 1e-9 * t.abs().max(1.0);
    // Another value the source supports is as right as the deck's own.
    if exactly(truth) || n.also.iter().any(|a| exactly(a.value())) {
        Verdict::Correct
    } else if n.tolerance.accepts(truth, typed.value) {
        Verdict::Close {
            correction: q.expected(),
        }
    } else {
        wrong(q, None)
    }
}

fn grade_date(q: &Question, d: &DateAnswer, input: &str) -> Verdict {
    let given = match parse_date_in(input, q.language) {
        Ok(g) => g,
        // Ambiguous or incomplete input says how to write it instead.
        Err(e) => return wrong(q, Some(e.to_string())),
    };
    let accepted = std::iter::once(&d.date).chain(&d.also);
    let matches =
        |a: &FactDate| given.precision() >= a.precision() && given.truncate(a.precision()) == *a;
    if accepted.clone().any(matches) {
        return Verdict::Correct;
    }
    let asked = d.date.precision();
    if given.precision() < asked {
        return wrong(q, Some(missing(asked, given.precision())));
    }
    wrong(q, None)
}

/// "the day is missing: the question asks for the day, month and year".
fn missing(asked: Precision, given: Precision) -> String {
    let what = match (asked, given) {
        (Precision::Day, Precision::Month) => "the day is missing",
        (Precision::Day, _) => "the month and day are missing",
        _ => "the month is missing",
    };
    let full = match asked {
        Precision::Day => "the day, month and year",
        Precision::Month => "the month and year",
        Precision::Year => "the year",
    };
    format!("{what}: the question asks for {full}")
}

fn grade_text(q: &Question, t: &TextAnswer, input: &str) -> Verdict {
    match match_text(input, &t.text, &t.accepted, &t.rejected) {
        TextMatch::Exact => Verdict::Correct,
        TextMatch::Close(spelling) => Verdict::Close {
            correction: spelling,
        },
        TextMatch::No => wrong(q, None),
    }
}
