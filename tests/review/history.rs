//! The schedule over time: upgrading a version-1 store, decks that change, the forecast
//! and true retention in `history`.

use factdeck::store::ScoreHistory;
use factdeck::store::{Filter, Mode};
use predicates::str::contains;
use serde_json::Value;

use super::*;

#[test]
fn a_version_1_store_upgrades_in_place_and_keeps_its_history() {
    let (dir, deck) = home();
    let path = dir.path().join("factdeck.sqlite3");
    std::fs::copy("tests/fixtures/store-v1.sqlite3", &path).unwrap();
    // history reads it as it is, without upgrading it.
    factdeck(dir.path(), DAY0)
        .arg("history")
        .assert()
        .success()
        .stdout(contains("Reviews recalled: none yet"));
    let before = std::fs::read(&path).unwrap();
    assert_eq!(
        store(dir.path())
            .sessions(&Filter::default(), None)
            .unwrap()
            .len(),
        2
    );
    assert!(!store(dir.path()).has_memory().unwrap());
    assert_eq!(std::fs::read(&path).unwrap(), before);

    review(dir.path(), &deck, DAY0, &["--new", "1"], &ratings(&["3"]));
    let store = store(dir.path());
    assert!(store.has_memory().unwrap());
    let sessions = store.sessions(&Filter::default(), None).unwrap();
    assert_eq!(sessions.len(), 3);
    let old = sessions.iter().find(|s| s.id.0 == 1).unwrap();
    assert_eq!((old.mode, old.score, old.total), (Mode::Practice, 2, 4));
    assert_eq!(store.answers(old.id).unwrap().len(), 4);
    assert!(memory(dir.path(), "apollo-11-landing").is_some());
}

#[test]
fn a_reworded_fact_keeps_its_progress_and_a_removed_one_leaves_the_schedule() {
    let (dir, deck) = home();
    review(
        dir.path(),
        &deck,
        DAY0,
        &["--new", "2"],
        &ratings(&["3", "3"]),
    );
    let text = std::fs::read_to_string(&deck).unwrap();
    // Drop the first date fact's table and reword the second's description.
    let start = text.find("[[date]]\nid = \"apollo-11-landing\"").unwrap();
    let end = start + text[start + 1..].find("[[").unwrap() + 1;
    let edited =
        format!("{}{}", &text[..start], &text[end..]).replacen("Apollo 12", "The Apollo 12", 1);
    assert_ne!(edited, text);
    std::fs::write(&deck, edited).unwrap();

    let text = review(
        dir.path(),
        &deck,
        "2026-12-01T09:00:00Z",
        &["--new", "0"],
        &ratings(&["3"]),
    );
    assert!(text.contains("Card 1 of 1 · due"), "{text}");
    assert_eq!(last_session_facts(dir.path()), ["apollo-12-landing"]);
    assert_eq!(memory(dir.path(), "apollo-12-landing").unwrap().reps, 2);
    let rows = store(dir.path()).memory_rows("apollo").unwrap();
    let removed = rows
        .iter()
        .find(|r| r.fact_id == "apollo-11-landing")
        .unwrap();
    assert!(removed.retired, "off the schedule, memory kept");
    // Its history stays.
    let first = &store(dir.path())
        .sessions(&Filter::default(), None)
        .unwrap()[1];
    assert_eq!(
        store(dir.path()).answers(first.id).unwrap()[0].fact_id,
        "apollo-11-landing"
    );
    // Overdue since 30 November, but no longer in the deck: not in the forecast.
    let json: Value = serde_json::from_slice(
        &factdeck(dir.path(), "2026-12-01T09:00:00Z")
            .args(["history", "--json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(
        json["due"][0],
        serde_json::json!({"date": "2026-12-01", "facts": 0})
    );
}

#[test]
fn history_forecasts_due_cards_and_measures_true_retention() {
    let (dir, deck) = home();
    review(
        dir.path(),
        &deck,
        DAY0,
        &["--new", "4"],
        &ratings(&["3", "3", "2", "4"]),
    );
    // Day 2: the Hard card (due yesterday) and the two Good ones are due; one is forgotten.
    review(
        dir.path(),
        &deck,
        "2026-11-30T09:00:00Z",
        &["--new", "0"],
        &ratings(&["3", "1", "3"]),
    );
    let text = String::from_utf8(
        factdeck(dir.path(), "2026-11-30T09:30:00Z")
            .arg("history")
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    )
    .unwrap();
    // Today (Monday): the forgotten one, back tonight; Sunday the Easy one (8 days from
    // Saturday); next Monday the once-Hard one; the last in 11 days, beyond the week.
    assert!(
        text.contains("Due: today 1 · Tue 0 · Wed 0 · Thu 0 · Fri 0 · Sat 0 · Sun 1 · Mon 1"),
        "{text}"
    );
    assert!(
        text.contains("Reviews recalled: 67% of 3 (target 90%)"),
        "{text}"
    );
    let json: Value = serde_json::from_slice(
        &factdeck(dir.path(), "2026-11-30T09:30:00Z")
            .args(["history", "--json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(
        json["due"][0],
        serde_json::json!({"date": "2026-11-30", "facts": 1})
    );
    assert_eq!(json["recall"]["reviews"], 3);
    assert_eq!(json["recall"]["recalled"], 2);
}
