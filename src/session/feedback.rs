//! The words shown after a graded answer, in a quiz and in `review --typed`.

use crate::grade::Verdict;
use crate::term::visible;

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

/// The explanation, indented under the verdict.
pub fn push_explanation(out: &mut String, explanation: &str) {
    for line in explanation.lines().filter(|l| !l.trim().is_empty()) {
        out.push_str("\n  ");
        out.push_str(line.trim_end());
    }
}
