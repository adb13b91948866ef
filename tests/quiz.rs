//! `factdeck quiz` in plain mode, driven like a script would: answers on stdin, the
//! transcript on stdout, every answer in the store.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use factdeck::store::ScoreHistory;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command as Std, Stdio};

mod common;

use assert_cmd::Command;
use factdeck::store::{Filter, Outcome, SessionStatus, Store};
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

fn factdeck(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("factdeck").unwrap();
    cmd.env("FACTDECK_HOME", home).env("NO_COLOR", "1");
    cmd
}

/// The questions `generate` makes for a seed: the quiz with the same seed asks the same.
fn generated(home: &Path, seed: u64, count: usize, extra: &[&str]) -> Vec<Value> {
    let out = factdeck(home)
        .args(["generate", "--format", "json", "--seed", &seed.to_string()])
        .args(["--count", &count.to_string()])
        .args(extra)
        .output()
        .unwrap();
    assert!(out.status.success());
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn answer_of(q: &Value) -> String {
    q["answer"].as_str().unwrap().to_owned()
}

/// Whether a choice's option is the answer: numbers are shown with separators and units
/// ("+1,363 delegates") while the answer is canonical ("+1363").
fn is_answer(option: &str, answer: &str) -> bool {
    let number = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_ascii_digit() || matches!(c, '-' | '.'))
            .collect()
    };
    match answer.trim_start_matches('+').parse::<f64>() {
        Ok(_) => number(option) == number(answer),
        Err(_) => option == answer,
    }
}

fn is_typed(q: &Value) -> bool {
    q.get("options").is_none() && !q["form"].as_str().unwrap().contains("true_false")
}

/// A wrong answer of the right shape, so the quiz grades it rather than asking again.
fn wrong_answer_for(q: &Value) -> &'static str {
    let form = q["form"].as_str().unwrap();
    if form.starts_with("date") {
        "1900"
    } else if form.starts_with("figure") || form == "set_size" {
        if answer_of(q) == "999" { "998" } else { "999" }
    } else {
        "certainly not this"
    }
}

fn store(home: &Path) -> Store {
    Store::open_existing_read_only(home.join("factdeck.sqlite3"))
        .unwrap()
        .unwrap()
}

#[test]
fn a_seeded_quiz_asks_what_generate_prints_and_records_every_answer() {
    let home = TempDir::new().unwrap();
    let questions = generated(home.path(), 5, 6, &[]);
    let input: String = questions.iter().map(|q| answer_of(q) + "\n").collect();
    let out = factdeck(home.path())
        .args(["quiz", "--plain", "--seed", "5", "--count", "6"])
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let mut at = 0;
    for (i, q) in questions.iter().enumerate() {
        let header = format!("Question {} of 6 · {i} correct", i + 1);
        let found = text[at..]
            .find(&header)
            .unwrap_or_else(|| panic!("{header} in\n{text}"));
        at += found;
        assert!(text[at..].starts_with(&format!("{header}\n{}", q["prompt"].as_str().unwrap())));
    }
    assert_eq!(text.matches("✓ Correct.").count(), 6, "{text}");
    assert!(text.contains("Score: 6/6 (100%)"));
    assert!(text.contains("Your first session on this deck."));

    let store = store(home.path());
    let sessions = store.sessions(&Filter::default(), None).unwrap();
    assert_eq!(sessions.len(), 1);
    let s = &sessions[0];
    assert_eq!(
        (s.deck_id.as_str(), s.seed, s.score, s.total),
        ("wpk-8th-congress", 5, 6, 6)
    );
    assert_eq!(s.status(), SessionStatus::Completed);
    let answers = store.answers(s.id).unwrap();
    let facts: Vec<&str> = answers.iter().map(|a| a.fact_id.as_str()).collect();
    let expected: Vec<&str> = questions
        .iter()
        .map(|q| q["fact"].as_str().unwrap())
        .collect();
    assert_eq!(facts, expected);
    assert!(answers.iter().all(|a| a.verdict == Outcome::Correct));
}

#[test]
fn a_wrong_typed_answer_can_be_overridden_and_then_counts() {
    let home = TempDir::new().unwrap();
    // Find a seed whose first question is typed.
    let (seed, first) = (0..200)
        .map(|seed| (seed, generated(home.path(), seed, 1, &[]).remove(0)))
        .find(|(_, q)| is_typed(q))
        .unwrap();
    let out = factdeck(home.path())
        .args([
            "quiz",
            "--plain",
            "--count",
            "1",
            "--seed",
            &seed.to_string(),
        ])
        .write_stdin(format!("{}\ny\n", wrong_answer_for(&first)))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("✗ Wrong. The answer:"), "{text}");
    assert!(text.contains("I was right: count it as correct? [y/N]"));
    assert!(text.contains("Counted as correct."));
    assert!(text.contains("Score: 1/1 (100%)"), "{text}");

    let store = store(home.path());
    let session = &store.sessions(&Filter::default(), None).unwrap()[0];
    assert_eq!((session.score, session.total), (1, 1));
    let answer = &store.answers(session.id).unwrap()[0];
    assert_eq!(answer.fact_id, first["fact"].as_str().unwrap());
    assert_eq!(answer.given, wrong_answer_for(&first));
    assert_eq!(answer.verdict, Outcome::Wrong);
    assert!(answer.overridden && answer.credited);
}

#[test]
fn end_of_input_ends_the_session_cleanly_with_what_was_answered() {
    let home = TempDir::new().unwrap();
    let questions = generated(home.path(), 9, 2, &[]);
    let input: String = questions.iter().map(|q| answer_of(q) + "\n").collect();
    factdeck(home.path())
        .args(["quiz", "--plain", "--seed", "9", "--count", "10"])
        .write_stdin(input)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Quiz ended early. Every answer is saved.",
        ))
        .stdout(predicate::str::contains("Score: 2/2 (100%)"));
    let store = store(home.path());
    let session = &store.sessions(&Filter::default(), None).unwrap()[0];
    assert_eq!(session.status(), SessionStatus::Interrupted);
    assert_eq!(store.answers(session.id).unwrap().len(), 2);
}

#[test]
fn a_quiz_left_at_the_first_question_leaves_no_session_behind() {
    let home = TempDir::new().unwrap();
    factdeck(home.path())
        .args(["quiz", "--plain", "--seed", "9"])
        .write_stdin("")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Quiz ended early. No questions were answered.",
        ));
    assert!(
        store(home.path())
            .sessions(&Filter::default(), None)
            .unwrap()
            .is_empty()
    );
    factdeck(home.path())
        .arg("history")
        .assert()
        .success()
        .stdout(predicate::str::contains("No quiz sessions yet"));
}

#[test]
fn exam_mode_keeps_feedback_for_a_review_of_mistakes_at_the_end() {
    let home = TempDir::new().unwrap();
    let questions = generated(home.path(), 11, 3, &["--kinds", "figure,date"]);
    let mut input: Vec<String> = questions.iter().map(answer_of).collect();
    let wrong_typed = is_typed(&questions[1]);
    input[1] = if wrong_typed {
        wrong_answer_for(&questions[1]).to_owned()
    } else {
        // Any other option.
        let options = questions[1]["options"].as_array().unwrap();
        let other = options
            .iter()
            .find(|o| o.as_str().unwrap() != answer_of(&questions[1]))
            .unwrap();
        other.as_str().unwrap().to_owned()
    };
    let mut stdin = input.join("\n") + "\n";
    if wrong_typed {
        stdin.push_str("n\n"); // declines the override offered in the review
    }
    let out = factdeck(home.path())
        .args([
            "quiz", "--plain", "--mode", "exam", "--seed", "11", "--count", "3",
        ])
        .args(["--kinds", "figure,date"])
        .write_stdin(stdin)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let review = text.find("Review of your").expect(&text);
    assert!(
        !text[..review].contains("✓ Correct."),
        "no feedback before the end: {text}"
    );
    assert!(!text[..review].contains("✗ Wrong."), "{text}");
    assert!(text[review..].contains(questions[1]["prompt"].as_str().unwrap()));
    assert!(text[review..].contains("your answer:  "));
    assert!(
        text.contains("Question 2 of 3\n"),
        "no running score in an exam: {text}"
    );
}

#[test]
fn an_unreadable_answer_is_asked_again_not_marked_wrong() {
    let home = TempDir::new().unwrap();
    let (seed, q) = (0..200)
        .map(|seed| (seed, generated(home.path(), seed, 1, &[]).remove(0)))
        .find(|(_, q)| {
            q.get("options")
                .is_some_and(|o| o.as_array().unwrap().len() == 4)
        })
        .unwrap();
    factdeck(home.path())
        .args([
            "quiz",
            "--plain",
            "--count",
            "1",
            "--seed",
            &seed.to_string(),
        ])
        .write_stdin(format!("9\n{}\n", answer_of(&q)))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "(answer with a letter from a to d",
        ))
        .stdout(predicate::str::contains("Score: 1/1 (100%)"));
}

#[test]
fn several_decks_share_one_session_and_keep_each_answer_s_deck() {
    let home = TempDir::new().unwrap();
    let other = home.path().join("space.toml");
    factdeck(home.path())
        .arg("new")
        .arg(&other)
        .assert()
        .success();
    // Blank answers: every fact of both decks comes up once in 20 questions at most.
    let stdin = "\n".repeat(200);
    factdeck(home.path())
        .args([
            "quiz",
            "--plain",
            "--seed",
            "1",
            "--count",
            "80",
            "wpk-8th-congress",
        ])
        .arg(&other)
        .write_stdin(stdin)
        .assert()
        .success();
    let store = store(home.path());
    let session = &store.sessions(&Filter::default(), None).unwrap()[0];
    assert_eq!(session.deck_id, "wpk-8th-congress+space");
    let by_deck = |deck: &str| {
        store
            .fact_form_counts(&Filter {
                deck: Some(deck.to_owned()),
                since: None,
            })
            .unwrap()
            .len()
    };
    assert!(by_deck("space") > 0 && by_deck("wpk-8th-congress") > 0);
}

#[test]
fn filters_that_match_nothing_are_an_error() {
    let home = TempDir::new().unwrap();
    factdeck(home.path())
        .args(["quiz", "--plain", "--tags", "no-such-tag"])
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no fact matches --kinds and --tags",
        ));
}

#[test]
fn a_store_that_is_not_sqlite_is_refused_and_left_alone() {
    let home = TempDir::new().unwrap();
    let path = home.path().join("factdeck.sqlite3");
    std::fs::write(&path, "my notes, not a database\n").unwrap();
    factdeck(home.path())
        .args(["quiz", "--plain"])
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(path.display().to_string()));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "my notes, not a database\n"
    );
}

#[test]
fn ctrl_c_in_plain_mode_keeps_the_answers_marks_the_session_and_exits_130() {
    let home = TempDir::new().unwrap();
    let first = generated(home.path(), 21, 1, &[]).remove(0);
    let mut child = Std::new(assert_cmd::cargo::cargo_bin("factdeck"))
        .env("FACTDECK_HOME", home.path())
        .args(["quiz", "--plain", "--seed", "21", "--count", "5"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    common::wait_for(&mut stdout, "Question 1 of 5");
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "{}", answer_of(&first)).unwrap();
    common::wait_for(&mut stdout, "Question 2 of 5");
    let status = Std::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let output = child.wait_with_output().unwrap();
    drop(stdin);
    assert_eq!(output.status.code(), Some(130));
    let mut stderr = String::new();
    BufReader::new(&output.stderr[..])
        .lines()
        .for_each(|l| stderr.push_str(&(l.unwrap() + "\n")));
    assert!(
        !stderr.contains('\u{1b}') && !String::from_utf8_lossy(&output.stdout).contains('\u{1b}'),
        "no terminal escapes into pipes: {stderr:?}"
    );
    assert!(
        stderr.contains("Quiz interrupted after 1 question: 1/1 correct"),
        "{stderr}"
    );

    let store = store(home.path());
    let session = &store.sessions(&Filter::default(), None).unwrap()[0];
    assert_eq!(session.status(), SessionStatus::Interrupted);
    assert_eq!((session.score, session.total), (1, 1));
    assert_eq!(store.answers(session.id).unwrap().len(), 1);
}

#[test]
fn a_quiz_still_running_elsewhere_is_not_compared_with() {
    let home = TempDir::new().unwrap();
    // Another terminal's quiz: started, one wrong answer, not finished.
    let mut other = Store::open(home.path().join("factdeck.sqlite3")).unwrap();
    let t = common::at("2026-11-28T09:00:00Z");
    let id = other
        .start_session(&common::new_session(
            "wpk-8th-congress",
            factdeck::store::Mode::Practice,
            t,
        ))
        .unwrap();
    other
        .record_answer(
            id,
            &common::answer(
                "venue",
                factdeck::deck::Kind::Card,
                "card_typed",
                Outcome::Wrong,
                t,
            ),
        )
        .unwrap();
    drop(other);
    let questions = generated(home.path(), 5, 2, &[]);
    let input: String = questions.iter().map(|q| answer_of(q) + "\n").collect();
    factdeck(home.path())
        .args(["quiz", "--plain", "--seed", "5", "--count", "2"])
        .write_stdin(input)
        .assert()
        .success()
        .stdout(predicate::str::contains("Your first session on this deck."))
        .stdout(predicate::str::contains("Previous session").not());
}

#[test]
fn another_known_answer_is_not_forgiven_as_a_typo() {
    // "Kim Jong Il" is a set member elsewhere in the deck, one letter from "Kim Jong Un".
    let home = TempDir::new().unwrap();
    let seed = (0..400)
        .find(|seed| {
            let q = generated(home.path(), *seed, 1, &["--kinds", "card"]).remove(0);
            q["form"] == "card_typed" && q["answer"] == "Kim Jong Un"
        })
        .expect("a seed that asks who was re-elected, typed");
    factdeck(home.path())
        .args(["quiz", "--plain", "--kinds", "card", "--count", "1"])
        .args(["--seed", &seed.to_string()])
        .write_stdin("Kim Jong Il\nn\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("re-elected as the party leader"))
        .stdout(predicate::str::contains("Wrong. The answer: Kim Jong Un"));
}

#[test]
fn your_best_is_a_completed_quiz_of_the_same_mode() {
    let home = TempDir::new().unwrap();
    let mut store = Store::open(home.path().join("factdeck.sqlite3")).unwrap();
    let card = |verdict| ("venue", factdeck::deck::Kind::Card, "card_typed", verdict);
    let deck = "wpk-8th-congress";
    // A completed practice at 50 %, a review at 100 %, then a practice stopped at 2/2.
    common::record_session(
        &mut store,
        deck,
        common::at("2026-11-26T09:00:00Z"),
        &[card(Outcome::Correct), card(Outcome::Wrong)],
        false,
    );
    let review = store
        .start_session(&common::new_session(
            deck,
            factdeck::store::Mode::Review,
            common::at("2026-11-27T09:00:00Z"),
        ))
        .unwrap();
    store
        .record_answer(
            review,
            &common::answer(
                "venue",
                factdeck::deck::Kind::Card,
                "review",
                Outcome::Correct,
                common::at("2026-11-27T09:00:01Z"),
            ),
        )
        .unwrap();
    store
        .finish_session(
            review,
            &factdeck::store::SessionEnd {
                ended_at: common::at("2026-11-27T09:00:02Z"),
                interrupted: false,
            },
        )
        .unwrap();
    common::record_session(
        &mut store,
        deck,
        common::at("2026-11-28T09:00:00Z"),
        &[card(Outcome::Correct), card(Outcome::Correct)],
        true,
    );
    drop(store);
    let questions = generated(home.path(), 5, 2, &[]);
    let input: String = questions
        .iter()
        .map(|q| match q.get("options").and_then(Value::as_array) {
            // A wrong option: the first, unless it is the answer.
            Some(options) => {
                let first = options[0].as_str().unwrap();
                if is_answer(first, &answer_of(q)) {
                    "b\n"
                } else {
                    "a\n"
                }
                .to_owned()
            }
            None => format!("{}\nn\n", wrong_answer_for(q)),
        })
        .collect();
    factdeck(home.path())
        .args(["quiz", "--plain", "--seed", "5", "--count", "2"])
        .write_stdin(input)
        .assert()
        .success()
        .stdout(predicate::str::contains("Score: 0/2"))
        .stdout(predicate::str::contains(
            "Previous session on this deck: 100% (-100 points)",
        ))
        .stdout(predicate::str::contains("Your best on this deck: 50%"));
}

#[test]
fn a_choice_answered_by_letter_is_recorded_as_the_option_chosen() {
    let home = TempDir::new().unwrap();
    // The class report counts wrong options by their text: a letter would name another
    // option in the next quiz.
    let (seed, first) = (0..200)
        .map(|seed| (seed, generated(home.path(), seed, 1, &[]).remove(0)))
        .find(|(_, q)| q["form"] == "figure_choice")
        .unwrap();
    let options: Vec<&str> = first["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o.as_str().unwrap())
        .collect();
    let wrong = options
        .iter()
        .position(|o| !is_answer(o, &answer_of(&first)))
        .unwrap();
    let letter = char::from(b'a' + u8::try_from(wrong).unwrap()).to_string();
    factdeck(home.path())
        .args([
            "quiz",
            "--plain",
            "--count",
            "1",
            "--seed",
            &seed.to_string(),
        ])
        .write_stdin(format!("{letter}\nn\n"))
        .assert()
        .success();
    let store = store(home.path());
    let session = &store.sessions(&Filter::default(), None).unwrap()[0];
    let answer = &store.answers(session.id).unwrap()[0];
    assert_eq!(answer.given, options[wrong]);
    assert_eq!(answer.verdict, Outcome::Wrong);
}

/// `ja`, `예`, `はい`… confirm "I was right" in a deck of that language (they were a
/// silent no): the prompt is the deck's language's too.
#[test]
fn i_was_right_is_confirmed_in_the_decks_language() {
    for (language, prompt, yes) in [
        ("de", "Ich hatte recht: als richtig werten? [j/N]", "ja"),
        ("ko", "제 답이 맞습니다: 정답으로 처리할까요?", "예"),
        ("ja", "自分の答えは正しかった：正解にしますか？", "はい"),
        ("zh", "我的答案是对的：算作正确吗？", "对"),
    ] {
        let home = TempDir::new().unwrap();
        let deck = home.path().join("deck.toml");
        std::fs::write(
            &deck,
            format!(
                "[deck]\nid = \"d\"\ntitle = \"T\"\nlanguage = \"{language}\"\nquotes = false\n\n\
                 [[card]]\nid = \"c\"\nquestion = \"Q?\"\nanswer = \"Seoul\"\n"
            ),
        )
        .unwrap();
        let out = factdeck(home.path())
            .args(["quiz", "--plain", "--count", "1", "--seed", "1"])
            .arg(&deck)
            .write_stdin(format!("Pjöngjang\n{yes}\n"))
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains(prompt), "{language}: {text}");
        assert!(text.contains("Counted as correct."), "{language}: {text}");
    }
}
