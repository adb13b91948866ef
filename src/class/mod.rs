//! `factdeck class report`: per-learner figures and the item analysis teachers know from
//! Moodle's quiz statistics, computed from the hub's counts (`hub::ClassCounts`).
//!
//! An *item* is one fact asked in one question form. Over the answers in scope:
//! - **facility index**: the share of the item's answers that earned the point, in percent;
//! - **discrimination index**: the correlation, across the learners who answered the item,
//!   between their score on the item (the share of their answers to it that were right) and
//!   their score on the rest (the share right of all their other answers), in percent as
//!   Moodle shows it. With one answer per learner this is the point-biserial correlation
//!   with the rest of the score, exactly; it is undefined (shown as –) with fewer than two
//!   such learners or when either score does not vary;
//! - for multiple choice, how often each wrong option was chosen;
//! - flags: too easy (facility above 90 %), too hard (below 20 %), negative discrimination.

mod analysis;
mod choice;
mod render;

use jiff::Timestamp;

pub use analysis::analyse;
pub use choice::choice_forms;
pub use render::{csv, json, text};

/// Facility above this (percent) flags an item as too easy.
pub const TOO_EASY_ABOVE: f64 = 90.0;
/// Facility below this (percent) flags an item as too hard.
pub const TOO_HARD_BELOW: f64 = 20.0;

/// The whole report.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassReport {
    pub deck: Option<String>,
    pub since: Option<Timestamp>,
    pub learners: Vec<LearnerLine>,
    pub items: Vec<Item>,
}

/// One learner's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct LearnerLine {
    pub learner: String,
    pub sessions: u64,
    pub answers: u64,
    pub correct: u64,
    /// Percent of answers right; `None` without answers.
    pub accuracy: Option<f64>,
    pub facts_due: u64,
    pub last_studied: Option<Timestamp>,
}

/// One item's analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub deck_id: String,
    pub fact_id: String,
    pub kind: String,
    pub form: String,
    pub answers: u64,
    pub correct: u64,
    /// Learners who answered it.
    pub learners: usize,
    /// Percent of answers right.
    pub facility: Option<f64>,
    /// Correlation with the rest of the score, in percent (−100 to 100).
    pub discrimination: Option<f64>,
    /// Wrong options chosen, most often first (multiple-choice forms only).
    pub wrong_options: Vec<(String, u64)>,
    pub flags: Vec<Flag>,
}

/// Something a teacher should look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Flag {
    TooEasy,
    TooHard,
    NegativeDiscrimination,
}

impl Flag {
    pub fn as_str(self) -> &'static str {
        match self {
            Flag::TooEasy => "too easy",
            Flag::TooHard => "too hard",
            Flag::NegativeDiscrimination => "negative discrimination",
        }
    }

    /// The name in JSON and CSV.
    pub fn key(self) -> &'static str {
        match self {
            Flag::TooEasy => "too_easy",
            Flag::TooHard => "too_hard",
            Flag::NegativeDiscrimination => "negative_discrimination",
        }
    }
}
