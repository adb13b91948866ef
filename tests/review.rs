//! `factdeck review` and the spaced-repetition side of `quiz` and `history`, through the
//! real binary in plain mode, with the clock fixed by `FACTDECK_NOW` and the time zone UTC,
//! so every due time is exact.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command as Std, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use factdeck::srs::Memory;
use factdeck::store::{Filter, Mode, SessionStatus, Store, Verdict};
use jiff::Timestamp;
use predicates::str::contains;
use serde_json::Value;
use tempfile::TempDir;

const DAY0: &str = "2026-11-28T09:00:00Z";

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

/// A temp home with a copy of the Apollo fixture deck (20 facts), which tests may edit.
fn home() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let deck = dir.path().join("apollo.toml");
    std::fs::copy("tests/fixtures/apollo.toml", &deck).unwrap();
    (dir, deck)
}

fn factdeck(home: &Path, now: &str) -> Command {
    let mut cmd = Command::cargo_bin("factdeck").unwrap();
    cmd.env("FACTDECK_HOME", home)
        .env("FACTDECK_NOW", now)
        .env("TZ", "UTC")
        .env("NO_COLOR", "1");
    cmd
}

/// Runs `review --plain` on the deck with these lines as input; returns stdout.
fn review(home: &Path, deck: &Path, now: &str, args: &[&str], input: &str) -> String {
    let out = factdeck(home, now)
        .args(["review", "--plain", "--seed", "1"])
        .arg(deck)
        .args(args)
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

/// Enter, then the rating, for each card.
fn ratings(keys: &[&str]) -> String {
    keys.iter().map(|k| format!("\n{k}\n")).collect()
}

fn store(home: &Path) -> Store {
    Store::open_existing_read_only(home.join("factdeck.sqlite3"))
        .unwrap()
        .unwrap()
}

fn memory(home: &Path, fact: &str) -> Option<Memory> {
    store(home).memory("apollo", fact).unwrap()
}

/// The facts of the latest session, in the order they were shown.
fn last_session_facts(home: &Path) -> Vec<String> {
    let store = store(home);
    let session = &store.sessions(&Filter::default(), Some(1)).unwrap()[0];
    store
        .answers(session.id)
        .unwrap()
        .into_iter()
        .map(|a| a.fact_id)
        .collect()
}

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
    let text = review(
        dir.path(),
        &deck,
        "2026-12-01T10:00:00Z",
        &["--new", "1"],
        &ratings(&["3", "1", "3"]),
    );
    assert!(text.contains("Card 1 of 3 · due"), "{text}");
    assert!(text.contains("Card 2 of 3 · due"));
    assert!(text.contains("Card 3 of 3 · new"));
    assert_eq!(
        last_session_facts(dir.path()),
        ["apollo-13-launch", "apollo-11-landing", "apollo-17-mission"]
    );
    let forgot = memory(dir.path(), "apollo-11-landing").unwrap();
    assert_eq!((forgot.reps, forgot.lapses), (2, 1));
    let hours = |m: Memory| m.due.duration_since(m.last_review).as_hours();
    assert!(
        hours(forgot) < 24,
        "forgotten: back within hours, not 2 days"
    );
    let kept = memory(dir.path(), "apollo-13-launch").unwrap();
    assert!(
        hours(kept) > 24,
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
    assert_eq!(answers[0].verdict, Verdict::Wrong);
    assert_eq!(answers[3].verdict, Verdict::Correct);
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

/// The questions `generate` makes for a seed: the quiz with the same seed asks the same.
fn generated(home: &Path, deck: &Path, seed: u64, count: usize) -> Vec<Value> {
    let out = factdeck(home, DAY0)
        .args(["generate", "--format", "json", "--seed", &seed.to_string()])
        .args(["--count", &count.to_string()])
        .arg(deck)
        .output()
        .unwrap();
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
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
        at("2026-11-28T14:05:00Z"),
        "wrong is Again: 305 minutes"
    );
    assert!(wrong.difficulty > right.difficulty);
}

#[test]
fn an_overridden_quiz_answer_counts_as_good() {
    let (dir, deck) = home();
    let (seed, q) = (0..200)
        .map(|seed| (seed, generated(dir.path(), &deck, seed, 1).remove(0)))
        .find(|(_, q)| is_typed(q))
        .unwrap();
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

/// Reads the child's stdout until `needle` appears, with a deadline.
fn wait_for(reader: &mut dyn Read, needle: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut seen = Vec::new();
    let mut byte = [0u8; 1];
    while !String::from_utf8_lossy(&seen).contains(needle) {
        assert!(
            Instant::now() < deadline,
            "timed out waiting for {needle:?}"
        );
        match reader.read(&mut byte) {
            Ok(0) => panic!(
                "output ended before {needle:?}: {}",
                String::from_utf8_lossy(&seen)
            ),
            Ok(_) => seen.push(byte[0]),
            Err(e) => panic!("{e}"),
        }
    }
    String::from_utf8_lossy(&seen).into_owned()
}

#[test]
fn ctrl_c_in_plain_mode_keeps_the_ratings_marks_the_session_and_exits_130() {
    let (dir, deck) = home();
    let mut child = Std::new(assert_cmd::cargo::cargo_bin("factdeck"))
        .env("FACTDECK_HOME", dir.path())
        .env("FACTDECK_NOW", DAY0)
        .env("TZ", "UTC")
        .args(["review", "--plain", "--new", "3"])
        .arg(&deck)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    wait_for(&mut stdout, "Card 1 of 3");
    write!(stdin, "\n3\n").unwrap();
    wait_for(&mut stdout, "Card 2 of 3");
    let status = Std::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let output = child.wait_with_output().unwrap();
    drop(stdin);
    assert_eq!(output.status.code(), Some(130));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("Review interrupted after 1 card(s): again 0 · hard 0 · good 1 · easy 0"),
        "{stderr}"
    );
    let store = store(dir.path());
    let session = &store.sessions(&Filter::default(), None).unwrap()[0];
    assert_eq!(session.status(), SessionStatus::Interrupted);
    assert_eq!(
        (session.mode, session.score, session.total),
        (Mode::Review, 1, 1)
    );
    assert_eq!(
        store
            .memory("apollo", "apollo-11-landing")
            .unwrap()
            .unwrap()
            .due,
        at("2026-11-30T09:00:00Z")
    );
}

/// The terminal frontend through a pseudo-terminal: Enter shows the answer, a number key
/// rates, Ctrl-C leaves the cursor visible and exits 130.
#[cfg(unix)]
mod terminal {
    use super::*;
    use expectrl::process::unix::WaitStatus;
    use expectrl::{Eof, Expect, Session};

    fn spawn(home: &Path, deck: &Path) -> expectrl::session::OsSession {
        let mut cmd = Std::new(env!("CARGO_BIN_EXE_factdeck"));
        cmd.env("FACTDECK_HOME", home)
            .env("FACTDECK_NOW", DAY0)
            .env("TZ", "UTC")
            .env_remove("NO_COLOR")
            .args(["review", "--new", "2", "--seed", "1"])
            .arg(deck);
        let mut session = Session::spawn(cmd).unwrap();
        session.set_expect_timeout(Some(Duration::from_secs(20)));
        session
    }

    fn exit_code(session: &expectrl::session::OsSession) -> i32 {
        match session.get_process().wait().unwrap() {
            WaitStatus::Exited(_, code) => code,
            other => panic!("did not exit: {other:?}"),
        }
    }

    #[test]
    fn enter_shows_the_answer_and_a_key_rates_the_card() {
        let (dir, deck) = home();
        let mut s = spawn(dir.path(), &deck);
        s.expect("Card 1 of 2 · new").unwrap();
        s.expect("Press Enter to show the answer").unwrap();
        s.send("\r").unwrap();
        s.expect("Answer: ").unwrap();
        s.expect("How well did you recall it?").unwrap();
        s.send("3").unwrap();
        s.expect("Next review in 2 days (2026-11-30 09:00).")
            .unwrap();
        s.expect("Card 2 of 2 · new").unwrap();
        s.send("\r").unwrap();
        s.expect("How well did you recall it?").unwrap();
        s.send("e").unwrap(); // easy, by its initial
        s.expect("Reviewed 2 cards: again 0 · hard 0 · good 1 · easy 1")
            .unwrap();
        s.expect(Eof).unwrap();
        assert_eq!(exit_code(&s), 0);
        let easy = memory(dir.path(), "apollo-12-landing").unwrap();
        assert_eq!(easy.due, at("2026-12-06T09:00:00Z"));
    }

    #[test]
    fn ctrl_c_restores_the_cursor_keeps_the_ratings_and_exits_130() {
        let (dir, deck) = home();
        let mut s = spawn(dir.path(), &deck);
        s.expect("Press Enter to show the answer").unwrap();
        s.send("\r").unwrap();
        s.expect("How well did you recall it?").unwrap();
        s.send("1").unwrap();
        s.expect("Card 2 of 2").unwrap();
        s.expect("Press Enter to show the answer").unwrap();
        s.send("\x03").unwrap();
        let rest = s.expect(Eof).unwrap();
        let rest = String::from_utf8_lossy(rest.as_bytes()).into_owned();
        assert!(rest.contains("\x1b[?25h"), "cursor shown again: {rest:?}");
        assert!(
            rest.contains("Review interrupted after 1 card(s)"),
            "{rest:?}"
        );
        assert_eq!(exit_code(&s), 130);
        let store = store(dir.path());
        let session = &store.sessions(&Filter::default(), None).unwrap()[0];
        assert_eq!(session.status(), SessionStatus::Interrupted);
        assert_eq!(session.total, 1);
        let forgot = memory(dir.path(), "apollo-11-landing").unwrap();
        assert_eq!(
            forgot.due,
            at("2026-11-28T14:05:00Z"),
            "Again: back in 305 minutes"
        );
    }
}
