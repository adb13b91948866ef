//! `factdeck history` through the real binary, on stores filled through the library with
//! times relative to today in a fixed time zone.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use std::path::Path;

use assert_cmd::Command;
use common::record_session;
use factdeck::deck::Kind;
use factdeck::store::{Mode, Outcome, Store};
use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use predicates::prelude::*;
use predicates::str::contains;

/// Seoul's offset without a time zone database: the binary reads it from `TZ`.
const TZ: &str = "KST-9";

fn tz() -> TimeZone {
    TimeZone::posix(TZ).unwrap()
}

fn today() -> Date {
    tz().to_datetime(Timestamp::now()).date()
}

/// `days_ago` days before today, at `hour`:00 local time.
fn local(days_ago: i64, hour: i8) -> Timestamp {
    let day = today().checked_sub(days_ago.days()).unwrap();
    tz().to_timestamp(day.to_datetime(Time::new(hour, 0, 0, 0).unwrap()))
        .unwrap()
}

fn factdeck(data: &Path) -> Command {
    let mut cmd = crate::test::bare();
    cmd.arg("--data-dir")
        .arg(data)
        .env("TZ", TZ)
        .env_remove("NO_COLOR");
    cmd
}

use Kind::{Card, Date as DateKind, Figure};
use Outcome::{Close, Correct, Wrong};

/// Five sessions over four days (none two days ago), ids 1–5 in this order:
/// 1. alpha, 3 days ago: 2/3 (one close, which counts)    2. alpha, yesterday: 1/3
/// 3. beta, today 08:00: 2/2        4. alpha, today 09:00, interrupted: 0/1
/// 5. alpha, today 10:00, killed before finishing: 1/1 so far
fn filled_store(data: &Path) {
    let mut store = Store::open(data.join("factdeck.sqlite3")).unwrap();
    let a1 = ("a1", DateKind, "year", Correct);
    record_session(
        &mut store,
        "alpha",
        local(3, 12),
        &[
            a1,
            ("a2", Figure, "amount", Wrong),
            ("a3", DateKind, "year", Close),
        ],
        false,
    );
    record_session(
        &mut store,
        "alpha",
        local(1, 9),
        &[
            a1,
            ("a2", Figure, "amount", Wrong),
            ("a3", DateKind, "year", Wrong),
        ],
        false,
    );
    record_session(
        &mut store,
        "beta",
        local(0, 8),
        &[
            ("b1", Card, "front", Correct),
            ("b2", Card, "back", Correct),
        ],
        false,
    );
    record_session(
        &mut store,
        "alpha",
        local(0, 9),
        &[("a2", Figure, "choice", Wrong)],
        true,
    );
    let killed = store
        .start_session(&common::new_session("alpha", Mode::Review, local(0, 10)))
        .unwrap();
    let answer = common::answer("a1", DateKind, "year", Correct, local(0, 10) + 3.seconds());
    store.record_answer(killed, &answer).unwrap();
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn the_default_view_shows_sessions_trend_accuracy_weakest_totals_and_streak() {
    let dir = tempfile::tempdir().unwrap();
    filled_store(dir.path());
    let text = stdout(factdeck(dir.path()).arg("history"));
    println!("{text}");
    assert!(
        !text.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );

    let rows: Vec<&str> = text.lines().skip(2).take(5).collect();
    assert!(
        rows[0].starts_with("   5  ") && rows[0].contains("alpha") && rows[0].contains("review")
    );
    assert!(
        rows[0].contains("1/1") && rows[0].ends_with('!'),
        "{}",
        rows[0]
    );
    assert!(rows[1].contains("0/1") && rows[1].contains("0%") && rows[1].ends_with('!'));
    assert!(rows[2].contains("beta") && rows[2].contains("2/2") && rows[2].contains("100%"));
    assert!(rows[4].contains("2/3") && rows[4].contains("67%") && !rows[4].ends_with('!'));
    let when = jiff::fmt::strtime::format("%Y-%m-%d 08:00", today()).unwrap();
    assert!(
        rows[2].contains(&when),
        "local time in the table: {}",
        rows[2]
    );
    assert!(text.contains("! interrupted, or never finished"));

    // Modes apart: practice 67 %, 33 %, 100 %, 0 %, oldest first; the review 100 %.
    assert!(text.contains("By mode (trend: the last 30 sessions of each, oldest → newest)"));
    let mode_line = |m: &str| {
        let start = format!("  {m} ");
        text.lines().find(|l| l.starts_with(&start)).unwrap()
    };
    let practice = mode_line("practice");
    assert!(
        practice.contains(" 4   56%      5/9  ▆▃█▁  latest 0%"),
        "{practice}"
    );
    assert!(
        mode_line("review").contains("1/1  █  latest 100%"),
        "{text}"
    );

    assert!(text.contains("Accuracy by kind"));
    let kind_line = |k: &str| {
        let start = format!("  {k} ");
        text.lines().find(|l| l.starts_with(&start)).unwrap()
    };
    assert!(kind_line("date").contains("80%") && kind_line("date").contains("4/5"));
    assert!(kind_line("figure").contains("0/3"));
    assert!(kind_line("card").contains("2/2"));
    assert!(text.contains("Accuracy by form"));
    assert!(kind_line("amount").contains("0/2"));

    let weakest: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("Weakest facts"))
        .skip(2)
        .take_while(|l| !l.is_empty())
        .collect();
    assert_eq!(
        weakest.len(),
        2,
        "a1 and the b facts are never wrong: {weakest:?}"
    );
    assert!(weakest[0].contains("0%") && weakest[0].contains("0/3"));
    // By the prompt, not the id; by deck too, as two decks are in view.
    assert!(
        weakest[0].ends_with("alpha  Question about a2?"),
        "{weakest:?}"
    );
    assert!(weakest[1].contains("50%") && weakest[1].contains("Question about a3?"));
    assert!(text.contains("factdeck report"), "points to the charts");

    assert!(
        text.contains("Totals: 5 sessions (3 completed), 10 answers, 60% correct"),
        "{text}"
    );
    assert!(
        text.contains("Streak: 2 days in a row, today included"),
        "{text}"
    );
}

#[test]
fn json_has_every_section_with_the_numbers() {
    let dir = tempfile::tempdir().unwrap();
    filled_store(dir.path());
    let out = stdout(factdeck(dir.path()).args(["history", "--json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let sessions = v["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 5, "--json lists every session by default");
    assert_eq!(sessions[0]["status"], "unfinished");
    assert_eq!(sessions[1]["status"], "interrupted");
    assert_eq!(sessions[4]["score"], 2);
    assert_eq!(sessions[4]["seed"], 7);
    assert_eq!(sessions[4]["started_at"], local(3, 12).to_string());
    assert_eq!(v["trend"]["practice"].as_array().unwrap().len(), 4);
    assert_eq!(v["trend"]["practice"][0], 66.7, "rounded to one decimal");
    assert_eq!(v["trend"]["review"], serde_json::json!([100]));
    assert_eq!(v["by_mode"][0]["mode"], "practice");
    assert_eq!(v["by_mode"][0]["sessions"], 4);
    assert_eq!(v["by_mode"][1]["mode"], "review");
    assert_eq!(sessions[4]["percent"], 66.7);
    assert_eq!(v["by_kind"][0]["kind"], "date");
    assert_eq!(v["by_kind"][0]["attempts"], 5);
    assert!(
        v["by_form"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["form"] == "choice")
    );
    assert_eq!(v["weakest"][0]["fact_id"], "a2");
    assert_eq!(v["weakest"][0]["prompt"], "Question about a2?");
    assert_eq!(v["totals"]["answers"], 10);
    assert_eq!(v["totals"]["correct"], 6);
    assert_eq!(v["streak"]["days"], 2);
    assert_eq!(v["streak"]["includes_today"], true);
}

#[test]
fn csv_lists_the_sessions() {
    let dir = tempfile::tempdir().unwrap();
    filled_store(dir.path());
    let out = stdout(factdeck(dir.path()).args(["history", "--csv", "--limit", "3"]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4);
    assert!(lines[0].starts_with("id,started_at,ended_at,deck,"));
    assert!(
        lines[1].starts_with("5,")
            && lines[1].contains(",alpha,")
            && lines[1].contains(",unfinished,1,1,100.00,")
    );
    assert!(lines[3].starts_with("3,") && lines[3].contains(",beta,"));
}

#[test]
fn filters_narrow_the_sessions_and_the_statistics() {
    let dir = tempfile::tempdir().unwrap();
    filled_store(dir.path());
    let beta = stdout(factdeck(dir.path()).args(["history", "--deck", "beta"]));
    assert!(beta.contains("2/2") && !beta.contains("alpha"));
    assert!(beta.contains("card") && !beta.contains("figure"));
    assert!(beta.contains("Totals: 1 session (1 completed), 2 answers"));

    let since = today().checked_sub(1.day()).unwrap().to_string();
    let v: serde_json::Value = serde_json::from_str(&stdout(
        factdeck(dir.path()).args(["history", "--json", "--since", &since]),
    ))
    .unwrap();
    assert_eq!(v["sessions"].as_array().unwrap().len(), 4);
    assert_eq!(v["totals"]["answers"], 7);

    let limited = stdout(factdeck(dir.path()).args(["history", "--limit", "2"]));
    assert!(limited.contains("Recent sessions (newest first, 2 of 5; see --limit)"));
    assert!(
        limited
            .lines()
            .nth(2)
            .unwrap()
            .trim_start()
            .starts_with("5 ")
    );
    assert!(
        limited.lines().nth(4).unwrap().trim().starts_with('!'),
        "only 2 rows, then the legend"
    );

    // An id that is nowhere is an error that lists the decks with history.
    factdeck(dir.path())
        .args(["history", "--deck", "gamma"])
        .assert()
        .code(1)
        .stderr(contains(
            "no deck `gamma` in the history: the decks with history are alpha, beta; \
             `factdeck decks` lists every deck",
        ));
    factdeck(dir.path())
        .args(["history", "--json", "--deck", "alpah"])
        .assert()
        .code(1)
        .stderr(contains("(did you mean `alpha`?)"));
    // A deck factdeck knows that has no history yet is just empty.
    let none = stdout(factdeck(dir.path()).args(["history", "--deck", "wpk-8th-congress"]));
    assert_eq!(
        none,
        "No quiz sessions match --deck wpk-8th-congress.\nDecks with history: alpha, beta\n"
    );
}

#[test]
fn show_lists_each_question_with_the_answer_given_the_verdict_and_the_right_answer() {
    let dir = tempfile::tempdir().unwrap();
    filled_store(dir.path());
    let text = stdout(factdeck(dir.path()).args(["history", "show", "1"]));
    println!("{text}");
    assert!(text.starts_with("Session 1: alpha, practice, "));
    assert!(
        text.contains("Score 2/3 (67%)"),
        "a close answer earns its point"
    );
    assert!(text.contains("\n  1. ✓ Question about a1?\n"));
    assert!(text.contains(" 2. ✗ Question about a2?"));
    assert!(text.contains(" 3. ≈ Question about a3?"));
    assert!(text.contains("your answer:  guess for a2"));
    assert!(text.contains("right answer: answer for a2"));
    assert!(text.contains("close · a3 · date/year"));

    let v: serde_json::Value = serde_json::from_str(&stdout(
        factdeck(dir.path()).args(["history", "show", "4", "--json"]),
    ))
    .unwrap();
    assert_eq!(v["session"]["status"], "interrupted");
    assert_eq!(v["answers"][0]["expected"], "answer for a2");
    assert_eq!(v["answers"][0]["verdict"], "wrong");

    let csv = stdout(factdeck(dir.path()).args(["history", "show", "3", "--csv"]));
    assert_eq!(csv.lines().count(), 3);
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .starts_with("3,1,b1,card,front,Question about b1?,")
    );

    factdeck(dir.path())
        .args(["history", "show", "99"])
        .assert()
        .code(1)
        .stderr(contains("there is no session 99"));
}

#[test]
fn an_empty_history_says_how_to_start_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("never-used");
    factdeck(&data)
        .arg("history")
        .assert()
        .success()
        .stdout("No quiz sessions yet. Start one with: factdeck quiz\n");
    let v: serde_json::Value =
        serde_json::from_str(&stdout(factdeck(&data).args(["history", "--json"]))).unwrap();
    assert_eq!(v["sessions"], serde_json::json!([]));
    factdeck(&data)
        .args(["history", "show", "1"])
        .assert()
        .code(1)
        .stderr(contains("there is no session 1"));
    assert!(!data.exists(), "history must not create the data directory");
}

#[test]
fn help_shows_where_the_store_is() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("factdeck.sqlite3").display().to_string();
    factdeck(dir.path())
        .args(["history", "--help"])
        .assert()
        .success()
        .stdout(contains(format!("Score store: {store}")))
        .stdout(contains("$FACTDECK_HOME/factdeck.sqlite3"));
    crate::test::factdeck(dir.path())
        .args(["history", "-h"])
        .assert()
        .success()
        .stdout(contains(format!("Score store: {store}")));
}

#[test]
fn a_damaged_store_is_reported_by_name_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("factdeck.sqlite3");
    std::fs::write(&path, "not a database at all\n").unwrap();
    factdeck(dir.path())
        .arg("history")
        .assert()
        .code(1)
        .stderr(contains(path.display().to_string()).and(contains("left untouched")));
    assert_eq!(std::fs::read(&path).unwrap(), b"not a database at all\n");
}

/// Colour only on a terminal (here a pseudo-terminal), and never with `NO_COLOR`.
#[cfg(unix)]
#[test]
fn colour_on_a_terminal_unless_no_color() {
    use expectrl::Expect;
    let dir = tempfile::tempdir().unwrap();
    filled_store(dir.path());
    for (no_color, coloured) in [(None, true), (Some("1"), false)] {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_factdeck"));
        cmd.arg("--data-dir")
            .arg(dir.path())
            .arg("history")
            .env("TZ", TZ)
            .env_remove("NO_COLOR");
        if let Some(value) = no_color {
            cmd.env("NO_COLOR", value);
        }
        let mut session = expectrl::Session::spawn(cmd).unwrap();
        let out = session.expect(expectrl::Eof).unwrap();
        let text = String::from_utf8_lossy(out.as_bytes());
        assert!(text.contains("Streak:"), "{text}");
        assert_eq!(
            text.contains("\x1b["),
            coloured,
            "NO_COLOR={no_color:?}: {text}"
        );
    }
}

#[test]
fn since_takes_days_back_from_today_as_well_as_dates() {
    let dir = tempfile::tempdir().unwrap();
    filled_store(dir.path());
    let sessions = |since: &str| {
        let v: serde_json::Value = serde_json::from_str(&stdout(
            factdeck(dir.path()).args(["history", "--json", "--since", since]),
        ))
        .unwrap();
        v["sessions"].as_array().unwrap().len()
    };
    // Sessions 3 days ago, yesterday, and three today.
    assert_eq!(sessions("today"), 3);
    assert_eq!(sessions("yesterday"), 4);
    assert_eq!(sessions("1d"), 4);
    assert_eq!(sessions("2d"), 4);
    assert_eq!(sessions("3d"), 5);
    assert_eq!(sessions("1w"), 5);
    let text = stdout(factdeck(dir.path()).args(["history", "--since", "7d"]));
    assert!(text.contains("Totals: 5 sessions"), "{text}");
    factdeck(dir.path())
        .args(["history", "--since", "last week"])
        .assert()
        .code(2)
        .stderr(contains(
            "use YYYY-MM-DD (2026-01-31), 7d, 2w, yesterday or today",
        ));
}

#[test]
fn show_last_shows_the_latest_session() {
    let dir = tempfile::tempdir().unwrap();
    filled_store(dir.path());
    let text = stdout(factdeck(dir.path()).args(["history", "show", "last"]));
    assert!(text.starts_with("Session 5: alpha, review, "), "{text}");
    let empty = tempfile::tempdir().unwrap();
    factdeck(empty.path())
        .args(["history", "show", "last"])
        .assert()
        .code(1)
        .stderr(contains("there is no session yet"));
    factdeck(dir.path())
        .args(["history", "show", "first"])
        .assert()
        .code(2)
        .stderr(contains("nor `last`"));
}

#[test]
fn forms_go_by_their_human_names() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("factdeck.sqlite3")).unwrap();
    record_session(
        &mut store,
        "alpha",
        local(0, 9),
        &[
            ("a1", DateKind, "date_typed", Wrong),
            ("a1", DateKind, "date_typed", Correct),
            ("a2", Figure, "figure_choice", Correct),
            ("a3", Card, "review", Correct),
        ],
        false,
    );
    drop(store);
    let text = stdout(factdeck(dir.path()).arg("history"));
    for name in ["typed date", "figure, multiple choice", "flashcard"] {
        assert!(
            text.lines().any(|l| l.starts_with(&format!("  {name}  "))),
            "{name}: {text}"
        );
    }
    assert!(!text.contains("date_typed"), "{text}");
    let v: serde_json::Value =
        serde_json::from_str(&stdout(factdeck(dir.path()).args(["history", "--json"]))).unwrap();
    let typed = v["by_form"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["form"] == "date_typed")
        .unwrap();
    assert_eq!(typed["name"], "typed date");
    assert_eq!(typed["percent"], 50);
}
