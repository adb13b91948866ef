//! The schedule over several days, with the clock set by `FACTDECK_NOW`: a card is due when
//! its due time has passed, never again the same day once recalled; a forgotten card is
//! relearned inside the session; true retention counts only reviews that were really due.

use serde_json::Value;

use super::*;

fn history_json(home: &Path, now: &str) -> Value {
    serde_json::from_slice(
        &factdeck(home, now)
            .args(["history", "--json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap()
}

#[test]
fn no_same_day_loop_a_card_recalled_is_not_shown_again_that_day() {
    let (dir, deck) = home();
    // Good, Again (relearned, then Good), Easy.
    let text = review(
        dir.path(),
        &deck,
        DAY0,
        &["--new", "3"],
        &ratings(&["3", "1", "4", "3"]),
    );
    assert!(text.contains("Card 4 of 4 · again"), "{text}");
    assert!(text.contains("It comes back later in this session."));
    assert!(!text.contains("due now"), "{text}");
    assert!(
        text.contains("Next card due tomorrow (2026-11-29 09:00)."),
        "the relearned card, a day after Good: {text}"
    );
    // Minutes and hours later the same day: nothing is due, and it says when.
    for now in ["2026-11-28T09:02:00Z", "2026-11-28T20:00:00Z"] {
        let text = review(dir.path(), &deck, now, &["--new", "0"], "");
        assert!(
            text.starts_with("Nothing is due. The next card is due tomorrow (2026-11-29 09:00)."),
            "{now}: {text}"
        );
    }
    // Easy twice in a day (a quiz can rate it again) is still days away.
    let m = memory(dir.path(), "apollo-13-launch").unwrap();
    assert_eq!(m.due, at("2026-12-06T09:00:00Z"));
}

#[test]
fn a_card_comes_due_when_its_time_has_passed_over_several_days() {
    let (dir, deck) = home();
    review(
        dir.path(),
        &deck,
        DAY0,
        &["--new", "3"],
        &ratings(&["2", "3", "4"]),
    );
    // Hard: due 29 Nov 09:00. At 08:59 it is not due yet; at 09:00 it is.
    let text = review(
        dir.path(),
        &deck,
        "2026-11-29T08:59:00Z",
        &["--new", "0"],
        "",
    );
    assert!(
        text.starts_with("Nothing is due. The next card is due later today (09:00)."),
        "{text}"
    );
    let text = review(
        dir.path(),
        &deck,
        "2026-11-29T09:00:00Z",
        &["--new", "0"],
        &ratings(&["3"]),
    );
    assert!(text.contains("Card 1 of 1 · due"), "{text}");
    assert_eq!(last_session_facts(dir.path()), ["apollo-11-landing"]);
    // Day 2: the Good card from day 0. Day 8: the Easy one, after the day-1 card (due on
    // day 6 since its Good): most overdue first.
    let text = review(
        dir.path(),
        &deck,
        "2026-11-30T09:30:00Z",
        &["--new", "0"],
        &ratings(&["3"]),
    );
    assert!(text.contains("Card 1 of 1 · due"), "{text}");
    assert_eq!(last_session_facts(dir.path()), ["apollo-12-landing"]);
    let text = review(
        dir.path(),
        &deck,
        "2026-12-06T10:00:00Z",
        &["--new", "0"],
        &ratings(&["3", "3"]),
    );
    assert!(text.contains("Card 2 of 2 · due"), "{text}");
    assert_eq!(
        last_session_facts(dir.path()),
        ["apollo-11-landing", "apollo-13-launch"]
    );
}

#[test]
fn true_retention_counts_only_reviews_that_were_really_due() {
    let (dir, deck) = home();
    // Day 0: new cards (not counted), one forgotten and relearned (not counted).
    review(
        dir.path(),
        &deck,
        DAY0,
        &["--new", "2"],
        &ratings(&["1", "3", "3"]),
    );
    let json = history_json(dir.path(), "2026-11-28T10:00:00Z");
    assert_eq!(json["recall"]["reviews"], 0, "{}", json["recall"]);
    // Day 2: both due; one recalled, one forgotten and relearned in the session.
    review(
        dir.path(),
        &deck,
        "2026-11-30T09:00:00Z",
        &["--new", "0"],
        &ratings(&["3", "1", "3"]),
    );
    let json = history_json(dir.path(), "2026-11-30T10:00:00Z");
    assert_eq!(json["recall"]["reviews"], 2, "{}", json["recall"]);
    assert_eq!(json["recall"]["recalled"], 1);
    assert_eq!(json["recall"]["percent"], 50);
    assert_eq!(json["recall"]["target_percent"], 90);
}

#[test]
fn the_rating_keys_show_when_each_rating_brings_the_card_back() {
    let (dir, deck) = home();
    let text = review(
        dir.path(),
        &deck,
        DAY0,
        &["--new", "1"],
        &ratings(&["1", "2"]),
    );
    assert!(
        text.contains(
            "How well did you recall it? (1 again <10m · 2 hard 1d · 3 good 2d · 4 easy 8d)"
        ),
        "a new card: {text}"
    );
    assert!(
        text.contains("(1 again <10m · 2 hard <10m · 3 good 1d · 4 easy 2d · u undo)"),
        "while relearning, Hard repeats the step: {text}"
    );
    let cram = review(
        dir.path(),
        &deck,
        "2026-11-28T10:00:00Z",
        &["--cram", "--limit", "1"],
        &ratings(&["3"]),
    );
    assert!(
        cram.contains("(1 again · 2 hard · 3 good · 4 easy)"),
        "off the schedule, no intervals: {cram}"
    );
}
