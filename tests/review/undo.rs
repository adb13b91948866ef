//! `u` takes the last rating back, in the store as well as on screen; `--typed` grades the
//! front and suggests the rating.

use factdeck::store::ScoreHistory;
use factdeck::store::{Filter, Outcome};

use super::*;

#[test]
fn undo_takes_the_last_rating_back_from_the_store_and_shows_the_card_again() {
    let (dir, deck) = home();
    // Card 1: Again. At card 2's front: u. Card 1 again, the same question: Good. Card 2:
    // Easy.
    let text = review(
        dir.path(),
        &deck,
        DAY0,
        &["--new", "2"],
        "\n1\nu\n\n3\n\n4\n",
    );
    assert!(
        text.contains("Took back “again”: the card is shown again."),
        "{text}"
    );
    let fronts: Vec<&str> = text
        .split("\nCard ")
        .skip(1)
        .map(|card| card.lines().nth(1).unwrap())
        .collect();
    assert_eq!(fronts.len(), 4, "{text}");
    assert_eq!(fronts[2], fronts[0], "the same question again: {text}");
    assert!(text.contains("Reviewed 2 cards: again 0 · hard 0 · good 1 · easy 1"));

    let store = store(dir.path());
    let session = &store.sessions(&Filter::default(), None).unwrap()[0];
    assert_eq!((session.score, session.total), (2, 2));
    let answers = store.answers(session.id).unwrap();
    let given: Vec<(&str, &str)> = answers
        .iter()
        .map(|a| (a.fact_id.as_str(), a.given.as_str()))
        .collect();
    assert_eq!(
        given,
        [("apollo-11-landing", "good"), ("apollo-12-landing", "easy")]
    );
    // The memory is as if Again had never been given: one rating, Good, two days.
    let m = memory(dir.path(), "apollo-11-landing").unwrap();
    assert_eq!((m.reps, m.lapses), (1, 0));
    assert_eq!(m.due, at("2026-11-30T09:00:00Z"));
    let json: serde_json::Value = serde_json::from_slice(
        &factdeck(dir.path(), DAY0)
            .args(["history", "--json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(
        json["totals"]["answers"], 2,
        "no trace of the undone rating"
    );
}

#[test]
fn undo_at_the_rating_prompt_and_of_a_new_card_makes_it_new_again() {
    let (dir, deck) = home();
    // Card 1: Good. Card 2 shown, then u at its rating prompt; card 1 again: input ends.
    let text = review(dir.path(), &deck, DAY0, &["--new", "2"], "\n3\n\nu\n");
    assert!(text.contains("Took back “good”"), "{text}");
    assert!(text.contains("Review ended early"), "{text}");
    assert_eq!(memory(dir.path(), "apollo-11-landing"), None, "new again");
    assert!(
        store(dir.path())
            .sessions(&Filter::default(), None)
            .unwrap()
            .is_empty(),
        "nothing left: no session listed"
    );
    // The first card has nothing before it to undo: u there just shows the answer.
    let text = review(dir.path(), &deck, DAY0, &["--new", "1"], "u\n3\n");
    assert!(!text.contains("Took back"), "{text}");
    assert!(text.contains("Reviewed 1 card"), "{text}");
}

#[test]
fn typed_review_grades_the_answer_and_suggests_the_rating() {
    let (dir, deck) = home();
    // With seed 1 the first card asks which of two landings came first (b); a is wrong,
    // so the suggestion is Again, which Enter takes.
    let out = factdeck(dir.path(), DAY0)
        .args(["review", "--plain", "--typed", "--seed", "1", "--new", "3"])
        .arg(&deck)
        .write_stdin("a\n\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("✗ Wrong."), "{text}");
    assert!(text.contains("Enter: 1 again) > "), "{text}");
    assert!(!text.contains("Press Enter to show the answer"), "{text}");
    let store = store(dir.path());
    let session = &store.sessions(&Filter::default(), None).unwrap()[0];
    let answers = store.answers(session.id).unwrap();
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0].given, "a", "what was typed is kept");
    assert_eq!(
        answers[0].verdict,
        Outcome::Wrong,
        "rated Again, as suggested"
    );
}
