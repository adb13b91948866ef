//! Distractors: wrong options that a reader who half-knows the answer might pick.

pub mod date;
pub mod number;
pub mod text;

pub use date::date_distractors;
pub use number::{NumberTruth, number_distractors};
pub use text::{draw, draw_preferring};
