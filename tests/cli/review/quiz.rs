//! Quiz answers on the schedule: wrong sooner than right, overrides as Good, `--focus`.

use std::path::Path;

use predicates::str::contains;
use serde_json::Value;

use super::*;
use crate::seeds::Questions;

/// The questions `generate` makes for a seed: the quiz with the same seed asks the same.
fn generated(home: &Path, deck: &Path, seed: u64, count: usize) -> Vec<Value> {
    let (seed, count) = (seed.to_string(), count.to_string());
    let args = ["--seed", &seed, "--count", &count, deck.to_str().unwrap()];
    crate::test::generated(home, args)
}

/// A wrong answer that the quiz grades (not asks again) for any question.
fn wrong_answer(q: &Value) -> String {
    let answer = q["answer"].as_str().unwrap();
    if let Some(options) = q.get("options").and_then(Value::as_array) {
        let form = q["form"].as_str().unwrap();
        if form.ends_with("order") {
            return (1..=options.len())
                .rev()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(" ");
        }
        let other = options
            .iter()
            .map(|o| o.as_str().unwrap())
            .find(|o| *o != answer);
        return other.unwrap().to_owned();
    }
    match answer {
        "true" => "false".into(),
        "false" => "true".into(),
        _ if q["form"].as_str().unwrap().starts_with("date") => "1900".into(),
        _ if answer.parse::<f64>().is_ok() => "987654".into(),
        _ => "certainly not this".into(),
    }
}

fn is_typed(q: &Value) -> bool {
    q.get("options").is_none() && !matches!(q["answer"].as_str(), Some("true" | "false"))
}

#[test]
fn a_fact_answered_wrong_in_a_quiz_is_due_sooner_than_one_answered_right() {
    let (dir, deck) = home();
    let qs = generated(dir.path(), &deck, 7, 2);
    let (right, wrong) = (&qs[0], &qs[1]);
    let input = format!(
        "{}\n{}\nn\n",
        right["answer"].as_str().unwrap(),
        wrong_answer(wrong)
    );
    factdeck(dir.path(), DAY0)
        .args(["quiz", "--plain", "--seed", "7", "--count", "2"])
        .arg(&deck)
        .write_stdin(input)
        .assert()
        .success()
        .stdout(contains("Score: 1/2"));
    let right = memory(dir.path(), right["fact"].as_str().unwrap()).unwrap();
    let wrong = memory(dir.path(), wrong["fact"].as_str().unwrap()).unwrap();
    assert_eq!(
        right.due,
        at("2026-11-30T09:00:00Z"),
        "correct is Good: 2 days"
    );
    assert_eq!(
        wrong.due,
        at("2026-11-28T09:10:00Z"),
        "wrong is Again: a relearning step of 10 minutes"
    );
    assert!(wrong.difficulty > right.difficulty);
}

#[test]
fn an_overridden_quiz_answer_counts_as_good() {
    let (dir, deck) = home();
    let (seed, q) = Questions::of(deck.to_str().unwrap(), &[]).seed_for_first(0..200, is_typed);
    factdeck(dir.path(), DAY0)
        .args([
            "quiz",
            "--plain",
            "--count",
            "1",
            "--seed",
            &seed.to_string(),
        ])
        .arg(&deck)
        .write_stdin(format!("{}\ny\n", wrong_answer(&q)))
        .assert()
        .success()
        .stdout(contains("Counted as correct."));
    let m = memory(dir.path(), q["fact"].as_str().unwrap()).unwrap();
    assert_eq!(m.due, at("2026-11-30T09:00:00Z"), "as if rated Good");
    assert_eq!((m.reps, m.lapses), (1, 0));
}

#[test]
fn quiz_focus_picks_due_weak_or_new_facts() {
    let (dir, deck) = home();
    review(
        dir.path(),
        &deck,
        DAY0,
        &["--new", "3"],
        &ratings(&["3", "4", "2"]),
    );
    let quiz = |focus: &str, now: &str| {
        let out = factdeck(dir.path(), now)
            .args([
                "quiz", "--plain", "--seed", "3", "--count", "10", "--focus", focus,
            ])
            .arg(&deck)
            .write_stdin("\n".repeat(30))
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    let text = quiz("due", "2026-11-28T10:00:00Z");
    assert!(
        text.starts_with("Nothing is due. The next fact is due tomorrow (2026-11-29 09:00)"),
        "{text}"
    );
    let text = quiz("due", "2026-12-01T10:00:00Z");
    assert!(text.contains("Question 2 of 2 "), "two due facts: {text}");
    assert_eq!(
        last_session_facts(dir.path()),
        ["apollo-13-launch", "apollo-11-landing"],
        "most overdue first"
    );

    let text = quiz("new", "2026-12-01T11:00:00Z");
    assert!(text.contains("Question 10 of 10 "), "{text}");
    let facts = last_session_facts(dir.path());
    let seen = ["apollo-11-landing", "apollo-12-landing", "apollo-13-launch"];
    assert!(
        facts.iter().all(|f| !seen.contains(&f.as_str())),
        "only unseen: {facts:?}"
    );

    quiz("weak", "2026-12-01T12:00:00Z");
    let weak = last_session_facts(dir.path());
    assert_eq!(weak.len(), 10, "13 facts seen so far: 10 asked");
    assert!(
        weak.iter()
            .all(|f| seen.contains(&f.as_str()) || facts.contains(f)),
        "only facts seen before: {weak:?}"
    );
}
