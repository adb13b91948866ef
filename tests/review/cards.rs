//! Review sessions in plain mode: the queue, limits, cram, nothing due.

use factdeck::store::ScoreHistory;
use factdeck::store::{Filter, Mode, Outcome};
use predicates::str::contains;

use super::*;

#[test]
fn new_cards_come_in_deck_order_up_to_the_daily_limit() {
    let (dir, deck) = home();
    let text = review(
        dir.path(),
        &deck,
        DAY0,
        &["--new", "3"],
        &ratings(&["3", "4", "2"]),
    );
    for i in 1..=3 {
        assert!(text.contains(&format!("Card {i} of 3 · new\n")), "{text}");
    }
    assert!(text.contains("Press Enter to show the answer"));
    assert!(text.contains("Answer: "));
    assert!(
        text.contains("Reviewed 3 cards: again 0 · hard 1 · good 1 · easy 1"),
        "{text}"
    );
    assert_eq!(
        last_session_facts(dir.path()),
        ["apollo-11-landing", "apollo-12-landing", "apollo-13-launch"]
    );
    // Good: 2 days; Easy: 8 days; Hard: 1 day, at the same time of day.
    let due = |fact| memory(dir.path(), fact).unwrap().due;
    assert_eq!(due("apollo-11-landing"), at("2026-11-30T09:00:00Z"));
    assert_eq!(due("apollo-12-landing"), at("2026-12-06T09:00:00Z"));
    assert_eq!(due("apollo-13-launch"), at("2026-11-29T09:00:00Z"));
    assert!(
        text.contains("Next card due tomorrow (2026-11-29 09:00)."),
        "{text}"
    );

    // Later the same day: the three count against today's limit.
    let later = "2026-11-28T18:00:00Z";
    let text = review(
        dir.path(),
        &deck,
        later,
        &["--new", "5"],
        &ratings(&["3", "3"]),
    );
    assert!(text.contains("Card 2 of 2 · new"), "{text}");
    let text = review(dir.path(), &deck, later, &["--new", "5"], "");
    assert_eq!(
        text,
        "Nothing is due. The next card is due tomorrow (2026-11-29 09:00).\n\
         15 new cards wait: today's limit of 5 is reached (--new N changes it).\n"
    );
}

#[test]
fn due_cards_come_first_most_overdue_first_then_new_ones() {
    let (dir, deck) = home();
    review(
        dir.path(),
        &deck,
        DAY0,
        &["--new", "3"],
        &ratings(&["3", "4", "2"]),
    );
    // Three days on: 13-launch (due day 1) and 11-landing (day 2) are due; 12 is not.
    // The forgotten one comes back at the end; the input ends before it is rated again.
    let text = review(
        dir.path(),
        &deck,
        "2026-12-01T10:00:00Z",
        &["--new", "1"],
        &ratings(&["3", "1", "3"]),
    );
    assert!(text.contains("Card 1 of 3 · due"), "{text}");
    assert!(text.contains("Card 2 of 3 · due"));
    assert!(text.contains("Card 3 of 4 · new"));
    assert!(text.contains("Card 4 of 4 · again"));
    assert!(text.contains("Review ended early"));
    assert_eq!(
        last_session_facts(dir.path()),
        ["apollo-13-launch", "apollo-11-landing", "apollo-17-mission"]
    );
    let forgot = memory(dir.path(), "apollo-11-landing").unwrap();
    assert_eq!((forgot.reps, forgot.lapses), (2, 1));
    let minutes = |m: Memory| m.due.duration_since(m.last_review).as_mins();
    assert_eq!(minutes(forgot), 10, "forgotten: a relearning step");
    assert!(
        text.contains("Next card due later today (2026-12-01 10:10)")
            || text.contains("Next card due later today (10:10)"),
        "{text}"
    );
    let kept = memory(dir.path(), "apollo-13-launch").unwrap();
    assert!(
        minutes(kept) > 24 * 60,
        "recalled: a longer interval than its first day"
    );

    // --limit caps the session.
    let text = review(
        dir.path(),
        &deck,
        "2026-12-10T10:00:00Z",
        &["--limit", "2"],
        "",
    );
    assert!(text.contains("Card 1 of 2 · due"), "{text}");
}

#[test]
fn intervals_grow_with_each_good_review() {
    let (dir, deck) = home();
    let mut now = at(DAY0);
    let mut intervals = Vec::new();
    for _ in 0..4 {
        review(
            dir.path(),
            &deck,
            &now.to_string(),
            &["--new", "1", "--limit", "1"],
            &ratings(&["3"]),
        );
        let m = memory(dir.path(), "apollo-11-landing").unwrap();
        intervals.push(m.due.duration_since(m.last_review).as_hours() / 24);
        now = m.due;
    }
    assert_eq!(intervals, [2, 11, 46, 163]);
}

#[test]
fn cram_reviews_everything_and_leaves_the_schedule_unchanged() {
    let (dir, deck) = home();
    review(
        dir.path(),
        &deck,
        DAY0,
        &["--new", "2"],
        &ratings(&["3", "3"]),
    );
    let before: Vec<_> = store(dir.path()).memory_rows("apollo").unwrap();
    let text = review(
        dir.path(),
        &deck,
        "2026-11-28T10:00:00Z",
        &["--cram", "--limit", "4"],
        &ratings(&["1", "1", "1", "4"]),
    );
    assert!(text.contains("Card 1 of 4 · cram"), "{text}");
    assert!(text.contains("Crammed 4 cards: again 3 · hard 0 · good 0 · easy 1"));
    assert!(text.contains("The schedule is unchanged (--cram)."));
    assert!(!text.contains("Next review"), "{text}");
    let store = store(dir.path());
    assert_eq!(store.memory_rows("apollo").unwrap(), before);
    let session = &store.sessions(&Filter::default(), Some(1)).unwrap()[0];
    assert_eq!(
        (session.mode, session.score, session.total),
        (Mode::Cram, 1, 4)
    );
    let answers = store.answers(session.id).unwrap();
    assert_eq!(
        answers[0].fact_id, "apollo-11-landing",
        "seen cards first, by due time"
    );
    assert_eq!(answers[0].given, "again");
    assert_eq!(answers[0].verdict, Outcome::Wrong);
    assert_eq!(answers[3].verdict, Outcome::Correct);
}

#[test]
fn nothing_due_says_so_and_exits_0() {
    let (dir, deck) = home();
    factdeck(dir.path(), DAY0)
        .args(["review", "--plain", "--new", "0"])
        .arg(&deck)
        .assert()
        .success()
        .stdout(
            "Nothing is due. No card is scheduled yet.\n\
             20 new cards wait: today's limit of 0 is reached (--new N changes it).\n",
        );
    assert!(
        store(dir.path())
            .sessions(&Filter::default(), None)
            .unwrap()
            .is_empty(),
        "no empty session recorded"
    );
}

#[test]
fn a_bad_retention_is_a_usage_error() {
    let (dir, deck) = home();
    factdeck(dir.path(), DAY0)
        .args(["review", "--plain", "--retention", "0.5"])
        .arg(&deck)
        .assert()
        .code(2)
        .stderr(contains("between 0.7 and 0.99"));
}
