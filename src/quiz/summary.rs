//! The end of a quiz: score, time, breakdown by kind, missed facts, and how it compares with
//! the previous session and the best one on the same deck.

use std::fmt::Write as _;
use std::time::Duration;

use crate::deck::Kind;

use super::Ending;
use super::progress::Progress;

/// Earlier results on the same deck, read before this session started.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Earlier {
    /// Percentage of the most recent session with at least one answer.
    pub previous: Option<f64>,
    /// Best percentage of any session with at least one answer.
    pub best: Option<f64>,
}

/// Renders the closing summary.
pub fn render(progress: &Progress, elapsed: Duration, ending: Ending, earlier: Earlier) -> String {
    let total = progress.total();
    let mut out = String::new();
    let heading = match ending {
        Ending::Completed => "Quiz complete",
        Ending::Quit => "Quiz ended early",
        Ending::Interrupted => "Quiz interrupted",
    };
    if total == 0 {
        let _ = writeln!(out, "\n{heading}. No questions were answered.");
        return out;
    }
    let _ = writeln!(out, "\n{heading}. Every answer is saved.");
    let percent = percent(progress.score, total);
    let _ = writeln!(
        out,
        "Score: {}/{total} ({percent:.0}%) in {}",
        progress.score,
        duration(elapsed)
    );
    let _ = writeln!(out, "By kind: {}", by_kind(progress));
    let missed: Vec<_> = progress.answered.iter().filter(|a| !a.credited()).collect();
    if !missed.is_empty() {
        let _ = writeln!(out, "Missed:");
        for a in missed {
            let _ = writeln!(out, "  • {} — {}", a.question.prompt, a.question.expected());
        }
    }
    if let Some(previous) = earlier.previous {
        let delta = percent - previous;
        let _ = writeln!(
            out,
            "Previous session on this deck: {previous:.0}% ({}{delta:.0} points)",
            if delta >= 0.0 { "+" } else { "" }
        );
    }
    match earlier.best {
        Some(best) if percent > best => {
            let _ = writeln!(out, "A new best on this deck (was {best:.0}%).");
        }
        Some(best) => {
            let _ = writeln!(out, "Your best on this deck: {best:.0}%");
        }
        None => {
            let _ = writeln!(out, "Your first session on this deck.");
        }
    }
    out
}

/// One line for the Ctrl-C handler, which must be quick.
pub fn short(progress: &Progress) -> String {
    if progress.total() == 0 {
        return "\nQuiz interrupted. No questions were answered.".to_owned();
    }
    format!(
        "\nQuiz interrupted after {}: {}/{} correct. Every answer is saved.",
        crate::words::counted(progress.answered.len(), "question"),
        progress.score,
        progress.total()
    )
}

fn percent(score: u32, total: u32) -> f64 {
    f64::from(score) * 100.0 / f64::from(total.max(1))
}

/// "date 3/4 · figure 2/3"
fn by_kind(progress: &Progress) -> String {
    Kind::ALL
        .iter()
        .filter_map(|kind| {
            let of_kind: Vec<_> = progress
                .answered
                .iter()
                .filter(|a| a.question.kind == *kind)
                .collect();
            let right = of_kind.iter().filter(|a| a.credited()).count();
            (!of_kind.is_empty()).then(|| format!("{kind} {right}/{}", of_kind.len()))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// "2m 05s", "45s".
fn duration(d: Duration) -> String {
    let secs = d.as_secs();
    match secs {
        0..60 => format!("{secs}s"),
        60..3600 => format!("{}m {:02}s", secs / 60, secs % 60),
        _ => format!("{}h {:02}m", secs / 3600, secs / 60 % 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(Duration::from_secs(45)), "45s");
        assert_eq!(duration(Duration::from_secs(125)), "2m 05s");
        assert_eq!(duration(Duration::from_secs(3700)), "1h 01m");
    }

    #[test]
    fn an_empty_session_says_so() {
        let text = render(
            &Progress::default(),
            Duration::ZERO,
            Ending::Quit,
            Earlier::default(),
        );
        assert!(text.contains("Quiz ended early"));
        assert!(text.contains("No questions were answered"));
    }
}
