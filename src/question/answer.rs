//! What a question expects, as types: grading matches against these, never against
//! display strings, and the canonical answer text is derived from them.

use crate::deck::{FactDate, Language, Number, Tolerance};

use super::phrase::{Phrasebook, book_for, show};

/// The expected answer of a question.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// One of the question's options.
    Choice(Choice),
    /// A typed number.
    Number(NumberAnswer),
    /// A typed date, at the precision of `date`.
    Date(DateAnswer),
    /// A typed text.
    Text(TextAnswer),
    /// True or false.
    Bool(bool),
    /// The options in the right order, as indexes into the options.
    Order(Vec<usize>),
}

/// A multiple-choice answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// Index of the one correct option.
    pub correct: usize,
    /// What the options are, for reading typed input by value ("5,000" = "5000").
    pub values: ChoiceValues,
    /// Other texts that name the correct option: a card's accepted spellings, "up" for
    /// "rose". Never the text of another option.
    pub aliases: Vec<String>,
    /// Texts that name a wrong option ("down" for "fell" when "rose" is right), with its
    /// index: a synonym of a wrong option is graded wrong, not asked again (which would
    /// tell the reader they guessed wrong).
    pub wrong_aliases: Vec<(usize, String)>,
    /// Other answers of the deck near the correct option's text: typed, they are no
    /// misspelling of it ("South Korea" is not "North Korea" mistyped).
    pub rejected: Vec<String>,
}

/// The typed values behind a question's options, parallel to them.
#[derive(Debug, Clone, PartialEq)]
pub enum ChoiceValues {
    Text,
    Numbers {
        values: Vec<Number>,
        /// Changes: shown with a sign, and "increase of 5" reads as +5.
        signed: bool,
        unit: Option<String>,
    },
    Dates(Vec<FactDate>),
}

/// A typed number and how far off it may be.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberAnswer {
    pub value: Number,
    pub tolerance: Tolerance,
    /// Shown with the number ("80 days"); typed after it, it is ignored ("5000 delegates").
    pub unit: Option<String>,
    /// Other values the source supports, accepted as correct.
    pub also: Vec<Number>,
}

/// A typed date; `also` holds other dates accepted as correct.
#[derive(Debug, Clone, PartialEq)]
pub struct DateAnswer {
    pub date: FactDate,
    pub also: Vec<FactDate>,
}

/// A typed text with its accepted spellings.
#[derive(Debug, Clone, PartialEq)]
pub struct TextAnswer {
    pub text: String,
    /// Other answers that count as fully correct.
    pub accepted: Vec<String>,
    /// Answers that are wrong even though they may be spelled closely: the other side of
    /// a change, the other answers of a card's group. A typo is only forgiven when the
    /// input is nearer the answer than any of these.
    pub rejected: Vec<String>,
}

/// How a number reads in an option or a correction, in English, with its unit: "5,000
/// delegates", "+1,363", "45%", "$25.4 billion", "1 day". Other languages: [`show::number`].
pub fn show_number(n: Number, signed: bool, unit: Option<&str>) -> String {
    show::number(n, signed, unit, book_for(Language::English))
}

/// The canonical text of a number: no separators, a sign for changes ("+1363", "-311").
pub fn canonical_number(n: Number, signed: bool) -> String {
    let sign = if signed && n.value() > 0.0 { "+" } else { "" };
    match whole(n) {
        Some(i) => format!("{sign}{i}"),
        None => format!("{sign}{n}"),
    }
}

/// The value of an integer figure (decks keep figures below 2^53, exact in an f64).
fn whole(n: Number) -> Option<i64> {
    n.is_integer().then(|| n.value() as i64)
}

/// "a", "b", … for option `i`.
pub fn option_letter(i: usize) -> char {
    u8::try_from(i)
        .ok()
        .filter(|i| *i < 26)
        .map_or('?', |i| char::from(b'a' + i))
}

impl Answer {
    /// The canonical answer as text, as `generate --format json` prints it: the option's
    /// value for a choice, numbers without separators, dates as `YYYY-MM-DD`/`YYYY-MM`/
    /// `YYYY`, `true`/`false`, and an ordering as option numbers ("3 1 2").
    pub fn canonical(&self, options: &[String]) -> String {
        match self {
            Answer::Choice(c) => match &c.values {
                ChoiceValues::Text => options.get(c.correct).cloned().unwrap_or_default(),
                ChoiceValues::Numbers { values, signed, .. } => values
                    .get(c.correct)
                    .map(|n| canonical_number(*n, *signed))
                    .unwrap_or_default(),
                ChoiceValues::Dates(dates) => dates
                    .get(c.correct)
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            },
            Answer::Number(n) => canonical_number(n.value, false),
            Answer::Date(d) => d.date.to_string(),
            Answer::Text(t) => t.text.clone(),
            Answer::Bool(b) => b.to_string(),
            Answer::Order(order) => order
                .iter()
                .map(|i| (i + 1).to_string())
                .collect::<Vec<_>>()
                .join(" "),
        }
    }

    /// Other answers that count as correct, as text.
    pub fn accepted(&self) -> Vec<String> {
        match self {
            Answer::Choice(c) => c.aliases.clone(),
            Answer::Date(d) => d.also.iter().map(ToString::to_string).collect(),
            Answer::Text(t) => t.accepted.clone(),
            Answer::Number(n) => n.also.iter().map(|a| canonical_number(*a, false)).collect(),
            Answer::Bool(_) | Answer::Order(_) => Vec::new(),
        }
    }

    /// Other answers that count as correct, as a reader wants to see them (dates as prose).
    pub fn accepted_shown(&self, book: &Phrasebook) -> Vec<String> {
        match self {
            Answer::Date(d) => d.also.iter().map(|a| show::date(*a, book)).collect(),
            Answer::Number(n) => n
                .also
                .iter()
                .map(|a| show::number(*a, false, n.unit.as_deref(), book))
                .collect(),
            other => other.accepted(),
        }
    }

    /// The right answer as a reader wants to see it: "b) January 5, 2021", "5,000",
    /// "c a b (first, second, third)".
    pub fn shown(&self, options: &[String], book: &Phrasebook) -> String {
        let option = |i: usize| options.get(i).map_or("", String::as_str);
        match self {
            Answer::Choice(c) => format!("{}) {}", option_letter(c.correct), option(c.correct)),
            Answer::Number(n) => show::number(n.value, false, n.unit.as_deref(), book),
            Answer::Date(d) => show::date(d.date, book),
            Answer::Text(t) => t.text.clone(),
            Answer::Bool(true) => book.truth.yes.to_owned(),
            Answer::Bool(false) => book.truth.no.to_owned(),
            Answer::Order(order) => {
                let letters: Vec<String> = order
                    .iter()
                    .map(|i| option_letter(*i).to_string())
                    .collect();
                let items: Vec<&str> = order.iter().map(|i| option(*i)).collect();
                format!("{} ({})", letters.join(" "), items.join("; "))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_show_grouped_and_print_canonically() {
        let n = Number::integer(1363);
        assert_eq!(show_number(n, true, None), "+1,363");
        assert_eq!(canonical_number(n, true), "+1363");
        assert_eq!(canonical_number(Number::integer(-311), true), "-311");
        assert_eq!(canonical_number(Number::integer(0), true), "0");
        assert_eq!(show_number(Number::integer(45), false, Some("%")), "45%");
        assert_eq!(
            show_number(Number::integer(5000), false, Some("delegates")),
            "5,000 delegates"
        );
        assert_eq!(
            show_number(Number::integer(1), false, Some("days")),
            "1 day"
        );
        assert_eq!(
            show_number(Number::decimal(25.4, 1), false, Some("$ billion")),
            "$25.4 billion"
        );
        assert_eq!(
            show_number(Number::integer(-311), true, Some("delegates")),
            "-311 delegates"
        );
        assert_eq!(
            show_number(Number::decimal(7.32, 2), false, Some("metres")),
            "7.32 metres"
        );
    }

    #[test]
    fn orderings_print_as_option_numbers() {
        let options: Vec<String> = ["b", "c", "a"].map(String::from).to_vec();
        let answer = Answer::Order(vec![2, 0, 1]);
        assert_eq!(answer.canonical(&options), "3 1 2");
        assert_eq!(
            answer.shown(&options, book_for(Language::English)),
            "c a b (a; b; c)"
        );
    }
}
