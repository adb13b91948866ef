//! Distractors: wrong options of the answer's own sort and look, placed so that nothing
//! but knowing the fact tells the answer from them.

pub mod date;
pub mod number;
pub mod text;

pub use date::{DateTruth, date_distractors};
pub use number::{NumberTruth, number_distractors};
pub use text::{draw, draw_alike};
