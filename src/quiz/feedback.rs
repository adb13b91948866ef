//! The words shown after an answer, and in the exam's review of mistakes.

use crate::grade::Verdict;
use crate::term::visible;

use super::progress::Answered;
use crate::session::feedback::{after_verdict, push_explanation};

/// Verdict, right answer, hint and explanation, for practice mode.
pub fn after_answer(a: &Answered) -> String {
    after_verdict(&a.verdict, &a.question.explanation)
}

/// One mistake in the exam's closing review.
pub fn review_entry(a: &Answered) -> String {
    let expected = match &a.verdict {
        Verdict::Wrong { expected, .. } => expected.clone(),
        _ => a.question.expected(),
    };
    let given = if a.given.trim().is_empty() {
        "(no answer)"
    } else {
        &visible(&a.given)
    };
    let mut out = format!(
        "\n• {}\n  your answer:  {given}\n  right answer: {expected}",
        a.question.prompt
    );
    if let Verdict::Wrong { hint: Some(h), .. } = &a.verdict {
        out.push_str(&format!("\n  ({})", visible(h)));
    }
    push_explanation(&mut out, &a.question.explanation);
    out
}
