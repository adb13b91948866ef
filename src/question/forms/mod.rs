//! One module per fact kind, each building the forms of its kind.

pub mod card;
pub mod change;
pub mod date;
pub mod figure;
pub mod sequence;
pub mod set;

use crate::deck::FactMeta;

use super::answer::Answer;
use super::{Form, Question};

/// Assembles a question about the fact with `meta`.
pub(super) fn question(
    meta: &FactMeta,
    form: Form,
    prompt: String,
    (options, answer): (Vec<String>, Answer),
    explanation: String,
) -> Question {
    Question {
        fact: meta.id.clone(),
        kind: form.kind(),
        form,
        prompt,
        options,
        answer,
        explanation,
    }
}

/// How many wrong options a text question needs at least (three options in all).
pub(super) const MIN_TEXT_DISTRACTORS: usize = 2;
