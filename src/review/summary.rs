//! What a review session says at the end, and when there is nothing to review.

use jiff::Timestamp;

use super::tally::Tally;
use crate::session::Ending;
use crate::session::when::due_phrase;
use crate::srs::Scheduler;
use crate::srs::queue::{self, Seen};
use crate::words::plural_s;

/// Where the schedule stands after a session (or before one that has nothing to do).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outlook {
    /// Facts due now: held back by `--limit`, or left when the session ended early.
    pub due_now: usize,
    /// The first due time still to come.
    pub next_due: Option<Timestamp>,
}

impl Outlook {
    pub fn of(facts: &[Option<Seen>], now: Timestamp) -> Outlook {
        Outlook {
            due_now: queue::due_now(facts, now),
            next_due: queue::next_due(facts, now),
        }
    }
}

/// The closing lines of a session.
pub fn render(
    tally: &Tally,
    ending: Ending,
    cram: bool,
    outlook: Outlook,
    scheduler: &Scheduler,
    now: Timestamp,
) -> String {
    let heading = match (ending, cram) {
        (Ending::Completed, false) => "Review complete",
        (Ending::Completed, true) => "Cram complete",
        (Ending::Quit, _) => "Review ended early",
        (Ending::Interrupted, _) => "Review interrupted",
    };
    let mut out = format!("\n{heading}. Every rating is saved.\n");
    let n = usize::try_from(tally.cards()).unwrap_or(usize::MAX);
    let again = match tally.again_shown() {
        0 => String::new(),
        k => format!(", {k} shown again"),
    };
    out.push_str(&format!(
        "{} {}{again}: {}\n",
        if cram { "Crammed" } else { "Reviewed" },
        crate::words::counted(n, "card"),
        tally.line()
    ));
    if cram {
        out.push_str("The schedule is unchanged (--cram).\n");
    }
    out.push_str(&outlook_line(outlook, scheduler, now));
    out
}

/// One line for the Ctrl-C handler, which must be quick.
pub fn short(tally: &Tally) -> String {
    format!(
        "\nReview interrupted after {}: {}. Every rating is saved.",
        crate::words::counted(usize::try_from(tally.cards()).unwrap_or(usize::MAX), "card"),
        tally.line()
    )
}

/// When nothing is due: when the next card is, and why no new cards are offered.
pub fn nothing_due(
    outlook: Outlook,
    new_unseen: usize,
    new_limit: usize,
    scheduler: &Scheduler,
    now: Timestamp,
) -> String {
    let mut out = String::from("Nothing is due.");
    match outlook.next_due {
        Some(due) => out.push_str(&format!(
            " The next card is due {}.",
            due_phrase(due, now, scheduler)
        )),
        None => out.push_str(" No card is scheduled yet."),
    }
    if new_unseen > 0 {
        out.push_str(&format!(
            "\n{new_unseen} new card{} wait{}: today's limit of {new_limit} is reached (--new N changes it).",
            plural_s(new_unseen),
            if new_unseen == 1 { "s" } else { "" }
        ));
    }
    out.push('\n');
    out
}

/// What is due now, and when the next card comes.
fn outlook_line(outlook: Outlook, scheduler: &Scheduler, now: Timestamp) -> String {
    let mut out = String::new();
    if outlook.due_now > 0 {
        let n = outlook.due_now;
        out.push_str(&format!(
            "{n} more card{} due now: `factdeck review` shows {}.\n",
            plural_s(n),
            if n == 1 { "it" } else { "them" }
        ));
    }
    match (outlook.next_due, outlook.due_now) {
        (Some(due), 0) => out.push_str(&format!(
            "Next card due {}.\n",
            due_phrase(due, now, scheduler)
        )),
        (Some(due), _) => out.push_str(&format!(
            "After those, the next is due {}.\n",
            due_phrase(due, now, scheduler)
        )),
        (None, 0) => out.push_str("No card is scheduled.\n"),
        (None, _) => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::srs::{Rating, Retention};
    use jiff::tz::TimeZone;

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn nothing_due_says_when_the_next_card_is() {
        let s = Scheduler::new(Retention::DEFAULT, TimeZone::UTC);
        let now = at("2026-11-28T09:00:00Z");
        let outlook = Outlook {
            due_now: 0,
            next_due: Some(at("2026-11-30T09:00:00Z")),
        };
        assert_eq!(
            nothing_due(outlook, 0, 20, &s, now),
            "Nothing is due. The next card is due in 2 days (2026-11-30 09:00).\n"
        );
        let text = nothing_due(outlook, 3, 20, &s, now);
        assert!(
            text.ends_with(
                "3 new cards wait: today's limit of 20 is reached (--new N changes it).\n"
            )
        );
    }

    #[test]
    fn the_summary_counts_ratings_and_points_to_the_next_card() {
        let s = Scheduler::new(Retention::DEFAULT, TimeZone::UTC);
        let now = at("2026-11-28T09:00:00Z");
        let mut tally = Tally::default();
        tally.add(Rating::Again, false);
        tally.add(Rating::Good, true);
        tally.add(Rating::Good, false);
        let outlook = Outlook {
            due_now: 1,
            next_due: Some(at("2026-11-28T09:10:00Z")),
        };
        let text = render(&tally, Ending::Completed, false, outlook, &s, now);
        assert!(text.contains("Review complete. Every rating is saved."));
        assert!(
            text.contains("Reviewed 2 cards, 1 shown again: again 1 · hard 0 · good 2 · easy 0"),
            "{text}"
        );
        assert!(text.contains("1 more card due now: `factdeck review` shows it."));
        assert!(text.contains("After those, the next is due later today (09:10)."));
        let done = Outlook {
            due_now: 0,
            next_due: Some(at("2026-11-29T09:00:00Z")),
        };
        let text = render(&tally, Ending::Completed, false, done, &s, now);
        assert!(
            text.ends_with("Next card due tomorrow (2026-11-29 09:00).\n"),
            "{text}"
        );
        let cram = render(&tally, Ending::Completed, true, outlook, &s, now);
        assert!(cram.contains("Crammed 2 cards") && cram.contains("unchanged"));
    }
}
