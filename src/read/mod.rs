//! Reading what people type and what decks say: text keys that ignore case, marks and
//! punctuation by each script's rules, typo allowances, numbers (digits of any script,
//! words, CJK units, a deck language's separators, a figure's unit) and dates as each
//! language writes them.
//!
//! A leaf under the question engine: `question` uses it to compare texts and find answers
//! inside other text, `grade` to read an answer; it knows neither.

pub mod cjk_date;
pub mod cjk_numbers;
pub mod date;
pub mod distance;
pub mod months;
pub mod normalize;
pub mod number;
pub mod numerals;
pub mod script;
pub mod separators;
pub mod units;
