//! The words shown after an answer, and in the exam's review of mistakes.

use crate::grade::Verdict;
use crate::term::visible;

use super::progress::Answered;

/// Verdict, right answer, hint and explanation, for practice mode.
pub fn after_answer(a: &Answered) -> String {
    after_verdict(&a.verdict, &a.question.explanation)
}

/// The verdict with the right answer and hint, then the explanation: after a quiz answer,
/// and after a flashcard answered with `review --typed`.
pub fn after_verdict(verdict: &Verdict, explanation: &str) -> String {
    let mut out = match verdict {
        Verdict::Correct => "✓ Correct.".to_owned(),
        Verdict::Close { correction } => format!("≈ Accepted. Exactly: {correction}"),
        Verdict::Wrong { expected, hint } => {
            let mut s = format!("✗ Wrong. The answer: {expected}");
            if let Some(h) = hint {
                // A hint may quote what was typed.
                s.push_str(&format!("\n  ({})", visible(h)));
            }
            s
        }
    };
    push_explanation(&mut out, explanation);
    out
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

/// The explanation, indented under the verdict.
fn push_explanation(out: &mut String, explanation: &str) {
    for line in explanation.lines().filter(|l| !l.trim().is_empty()) {
        out.push_str("\n  ");
        out.push_str(line.trim_end());
    }
}
