//! Questions generated from a deck's facts.
//!
//! A [`Generator`] is built once per deck (it precomputes the indexes distractors are
//! drawn from) and then makes one question at a time: [`Generator::generate_for`] picks a
//! form at random for one fact, [`Generator::generate_form`] asks a given form. A
//! [`Dealer`] gives the facts of a quiz in an order that asks every selected fact once
//! before any fact again. All randomness comes from the RNG passed in; use [`rng_from_seed`]
//! for a quiz that a seed reproduces across platforms and crate updates.

pub mod answer;
pub mod askable;
pub mod distract;
pub mod export;
pub mod form;
mod forms;
mod generator;
pub(crate) mod index;
pub mod leak;
mod near;
mod options;
mod packed;
pub mod phrase;
pub mod run;
pub mod select;
pub mod spoilers;
mod style;
pub mod tells;

pub use answer::{
    Answer, Choice, ChoiceValues, DateAnswer, NumberAnswer, TextAnswer, option_letter,
};
pub use askable::{Unaskable, unaskable};
pub use form::{Form, UnknownForm};
pub(crate) use forms::asked;
pub use generator::{Derived, Generator, Prepared, Settings, SettingsError};
pub use phrase::{Phrasebook, YesNo};
pub use run::Run;
pub use select::{Blocked, Dealer, Dealing, Selection, select};
pub use spoilers::Spoilers;

use rand::SeedableRng;
use rand::rngs::Xoshiro256PlusPlus;

use crate::deck::{Kind, Language};

/// The RNG behind every quiz: a named algorithm, so a seed means the same questions on
/// every platform and after crate updates (`StdRng` promises neither).
pub type QuizRng = Xoshiro256PlusPlus;

pub fn rng_from_seed(seed: u64) -> QuizRng {
    QuizRng::seed_from_u64(seed)
}

/// A seed from the operating system's randomness (through the standard library's
/// randomly keyed hasher), for when the user gives none.
pub fn random_seed() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(0x6661_6374_6465_636b);
    hasher.finish()
}

/// One generated question, ready to ask, grade and store.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// The id of the fact asked about.
    pub fact: String,
    pub kind: Kind,
    pub form: Form,
    pub prompt: String,
    /// Empty for typed and true/false questions.
    pub options: Vec<String>,
    pub answer: Answer,
    /// Shown after answering: the facts behind the question, the note, the source quote.
    pub explanation: String,
    /// The deck's language: the right answer is shown in it, and its words for true and
    /// false are read.
    pub language: Language,
}

impl Question {
    /// The canonical answer as text (`5000`, `2021-01-05`, `3 1 2`, `true`).
    pub fn answer_text(&self) -> String {
        self.answer.canonical(&self.options)
    }

    /// Other answers accepted as correct, as text.
    pub fn accepted(&self) -> Vec<String> {
        self.answer.accepted()
    }

    /// The words of the deck's language.
    pub fn phrasebook(&self) -> &'static Phrasebook {
        phrase::book_for(self.language)
    }

    /// The right answer as a reader wants to see it ("b) January 5, 2021").
    pub fn expected(&self) -> String {
        self.answer.shown(&self.options, self.phrasebook())
    }

    /// The grader's hint on how to answer, with the deck's words for true and false where
    /// they are not English ("answer richtig or falsch").
    pub fn hint_in_words(&self, hint: String) -> String {
        let book = self.phrasebook();
        if self.input() != Input::TrueFalse || book.language == Language::English {
            return hint;
        }
        format!("answer {} or {}", book.truth.yes, book.truth.no)
    }

    /// An answer to a true-or-false question in the deck's language ("richtig", "예") as
    /// the grader reads it ("true"); any other text as it is.
    pub fn in_grader_words<'a>(&self, given: &'a str) -> std::borrow::Cow<'a, str> {
        let truth = &self.phrasebook().truth;
        if self.input() != Input::TrueFalse {
            return given.into();
        }
        let word = given.trim().to_lowercase();
        let is = |main: &str, also: &[&str]| main == word || also.contains(&word.as_str());
        if is(truth.yes, truth.yes_also) {
            "true".into()
        } else if is(truth.no, truth.no_also) {
            "false".into()
        } else {
            given.into()
        }
    }

    /// Whether the options are numbers: then a typed number is a value, never an option's
    /// place in the list, and letters name the options.
    pub fn numeric_options(&self) -> bool {
        matches!(&self.answer, Answer::Choice(c) if matches!(c.values, ChoiceValues::Numbers { .. }))
    }

    /// How the answer is given, for a frontend choosing its widget.
    pub fn input(&self) -> Input {
        match &self.answer {
            Answer::Choice(_) => Input::Choice,
            Answer::Bool(_) => Input::TrueFalse,
            Answer::Order(_) => Input::Order,
            Answer::Number(_) | Answer::Date(_) | Answer::Text(_) => Input::Typed,
        }
    }
}

/// The kind of input a question wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Pick one option (its letter, number or text).
    Choice,
    /// Type an answer.
    Typed,
    TrueFalse,
    /// Arrange all options ("c a b").
    Order,
}

#[cfg(test)]
pub(crate) mod testing {
    use super::{Generator, Question, Settings, rng_from_seed};
    use crate::question::Form;

    /// A generator over a deck written in TOML (the `[deck]` header is added).
    pub fn generator(facts: &str) -> Generator {
        generator_in("en", facts)
    }

    /// [`generator`] for a deck in `language`.
    pub fn generator_in(language: &str, facts: &str) -> Generator {
        let text =
            format!("[deck]\nid = \"t\"\ntitle = \"T\"\nlanguage = \"{language}\"\n\n{facts}");
        let loaded = crate::deck::load_str(&text).unwrap();
        Generator::new(loaded.deck, Settings::default())
    }

    /// Questions of `form` about fact `fact` over many seeds.
    pub fn asked(g: &Generator, fact: usize, form: Form) -> Vec<Question> {
        (0..200)
            .filter_map(|seed| g.generate_form(fact, form, &mut rng_from_seed(seed)))
            .collect()
    }
}
