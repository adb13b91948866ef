//! `factdeck check` on the fixture decks in `tests/fixtures/`: every broken deck is reported
//! at its own line and column with its own message, valid decks print their summary line.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// `factdeck check ARGS…` run from the fixtures directory, so paths print as `broken/x.toml`.
fn check(args: &[&str]) -> Command {
    let mut cmd = crate::test::bare();
    cmd.current_dir(fixtures()).arg("check").args(args);
    cmd
}

/// One rendered diagnostic: `error: message` and its ` --> path:line:col` line.
#[derive(Debug, Clone, PartialEq)]
struct Reported {
    severity: String,
    message: String,
    location: String,
    help: Option<String>,
}

/// Reads the diagnostics back out of rustc-style output.
fn reported(stderr: &str) -> Vec<Reported> {
    let lines: Vec<&str> = stderr.lines().collect();
    let mut out: Vec<Reported> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let heading = ["error: ", "warning: "]
            .iter()
            .find_map(|p| line.strip_prefix(p).map(|m| (p.trim_end_matches(": "), m)));
        if let Some((severity, message)) = heading {
            let location = lines
                .get(i + 1)
                .and_then(|l| l.trim_start().strip_prefix("--> "))
                .unwrap_or("")
                .to_owned();
            out.push(Reported {
                severity: severity.to_owned(),
                message: message.to_owned(),
                location,
                help: None,
            });
        } else if let (Some(help), Some(last)) = (line.strip_prefix("help: "), out.last_mut()) {
            last.help = Some(help.to_owned());
        }
    }
    out
}

/// Runs `check` on one broken fixture and returns what it reported; it must fail with 1.
fn broken(name: &str) -> Vec<Reported> {
    let output = check(&[&format!("broken/{name}.toml")]).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{name}: {stderr}");
    assert!(output.stdout.is_empty(), "{name}: nothing is ok");
    assert!(
        stderr.ends_with(&format!(
            "factdeck: broken/{name}.toml: {}\n",
            summary(&stderr)
        )),
        "{name}: {stderr}"
    );
    reported(&stderr)
}

/// The "N errors, M warnings" a run must end with, counted from its diagnostics.
fn summary(stderr: &str) -> String {
    let all = reported(stderr);
    let count = |severity: &str, noun: &str| {
        let n = all.iter().filter(|d| d.severity == severity).count();
        if n == 1 {
            format!("1 {noun}")
        } else {
            format!("{n} {noun}s")
        }
    };
    format!(
        "{}, {}",
        count("error", "error"),
        count("warning", "warning")
    )
}

/// Asserts that `name` reports an error at `line:col` with this message and help.
fn assert_error(name: &str, line_col: &str, message: &str, help: &str) {
    let all = broken(name);
    let location = format!("broken/{name}.toml:{line_col}");
    let found = all
        .iter()
        .find(|d| d.severity == "error" && d.location == location && d.message == message);
    let Some(found) = found else {
        panic!("{name}: no error `{message}` at {location} in {all:#?}");
    };
    let given = found.help.as_deref().unwrap_or("");
    assert!(
        given.contains(help),
        "{name}: help `{given}` lacks `{help}`"
    );
}

#[test]
fn toml_syntax() {
    assert_error(
        "syntax",
        "3:32",
        "invalid basic string, expected `\"`",
        "fix the TOML syntax",
    );
}

#[test]
fn wrong_type() {
    assert_error(
        "wrong-type",
        "8:9",
        "`value` must be a number, found a string",
        "write a bare number",
    );
}

#[test]
fn unknown_field_with_suggestion() {
    assert_error(
        "unknown-field",
        "9:1",
        "unknown field `qoute` in [[card]]",
        "did you mean `quote`?",
    );
    // The misspelt field is not reported missing as well.
    let all = broken("unknown-field");
    assert!(
        !all.iter().any(|d| d.message.contains("no `quote`")),
        "{all:#?}"
    );
}

#[test]
fn unknown_table_with_suggestion() {
    assert_error(
        "unknown-table",
        "5:3",
        "unknown table `dates`",
        "did you mean `date`?",
    );
}

#[test]
fn missing_field_points_at_the_table_header() {
    assert_error(
        "missing-field",
        "5:1",
        "missing field `answer` in [[card]]",
        "add `answer = \"…\"`",
    );
}

#[test]
fn missing_deck_table() {
    assert_error(
        "no-deck-table",
        "1:1",
        "the deck has no `[deck]` table",
        "start the file with [deck]",
    );
}

#[test]
fn duplicate_id_across_kinds_in_file_order() {
    assert_error(
        "duplicate-id",
        "12:6",
        "duplicate fact id `opening`",
        "give each fact its own id",
    );
}

#[test]
fn impossible_native_date() {
    assert_error(
        "impossible-date",
        "8:8",
        "2021-02-30 is not a real date: February 2021 has 28 days",
        "write a real calendar date",
    );
}

#[test]
fn impossible_date_as_a_string() {
    assert_error(
        "impossible-date-string",
        "8:8",
        "2021-13 is not a real date: there is no month 13",
        "write a TOML date",
    );
}

#[test]
fn end_before_start() {
    assert_error(
        "end-before-start",
        "9:7",
        "the span ends (2021-01-05) before it starts (2021-01-12)",
        "did you swap them?",
    );
}

#[test]
fn empty_string() {
    assert_error("empty-string", "7:9", "`event` is empty", "write a value");
}

#[test]
fn negative_tolerance() {
    assert_error(
        "negative-tolerance",
        "9:13",
        "the tolerance (-50) is negative",
        "write 0 or more",
    );
}

#[test]
fn tolerance_larger_than_the_value() {
    assert_error(
        "tolerance-too-large",
        "9:13",
        "the tolerance (6000) is larger than the value itself",
        "make it smaller than the value",
    );
}

#[test]
fn set_with_one_member() {
    assert_error(
        "set-too-small",
        "8:11",
        "a set needs at least 2 members, this one has 1",
        "add members",
    );
}

#[test]
fn sequence_with_one_item() {
    assert_error(
        "sequence-too-small",
        "8:9",
        "a sequence needs at least 2 items, this one has 1",
        "add items",
    );
}

#[test]
fn control_character() {
    assert_error(
        "control-character",
        "7:12",
        "`question` contains the control character U+0007",
        "control characters would reach the user's terminal",
    );
}

#[test]
fn terminal_escape_sequence() {
    assert_error(
        "escape-sequence",
        "8:10",
        "`answer` contains a terminal escape sequence",
        "remove it",
    );
}

#[test]
fn change_sides_that_differ_only_in_case() {
    // Found by QA: the deck checked clean, and the fact then never made a question.
    assert_error(
        "change-sides-same",
        "9:9",
        "`before` and `after` are the same: nothing changed",
        "write what it was before and what it became",
    );
}

#[test]
fn change_without_sides() {
    assert_error(
        "change-without-sides",
        "5:1",
        "a change needs `before`, `after` or both",
        "leave out `after` for something removed",
    );
}

#[test]
fn deck_id_that_is_not_a_slug() {
    assert_error(
        "bad-deck-id",
        "2:6",
        "deck id `My Deck` is not a slug",
        "lowercase letters, digits and single hyphens",
    );
}

#[test]
fn a_file_that_is_not_utf8() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("latin1.toml");
    // "Pyongyang, café" in Latin-1: 0xE9 is not UTF-8.
    std::fs::write(&path, b"[deck]\nid = \"latin1\"\ntitle = \"caf\xe9\"\n").unwrap();
    let output = check(&[path.to_str().unwrap()]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    let all = reported(&stderr);
    assert_eq!(all.len(), 1, "{stderr}");
    assert_eq!(
        all[0].message,
        "the deck is not valid UTF-8 (bad byte at offset 33)"
    );
    assert_eq!(all[0].location, format!("{}:3:13", path.display()));
    assert_eq!(all[0].help.as_deref(), Some("save the file as UTF-8 text"));
}

/// Gap the loader once had: a table serde could not read hid every other problem in it.
#[test]
fn every_problem_of_a_broken_fact_is_reported() {
    let all = broken("many-problems");
    let at = |line_col: &str| format!("broken/many-problems.toml:{line_col}");
    let expected = [
        ("11:1", "missing field `what` in [[figure]]"),
        ("12:6", "duplicate fact id `delegates`"),
        ("14:13", "the tolerance (-1) is negative"),
        ("15:8", "`unit` is empty"),
        ("17:1", "missing field `event` in [[date]]"),
        (
            "19:8",
            "2021-02-30 is not a real date: February 2021 has 28 days",
        ),
        (
            "20:15",
            "an entry of `tags` must be a string, found integer `3`",
        ),
    ];
    for (line_col, message) in expected {
        assert!(
            all.iter()
                .any(|d| d.location == at(line_col) && d.message == message),
            "missing `{message}` at {line_col}: {all:#?}"
        );
    }
    let errors = all.iter().filter(|d| d.severity == "error").count();
    assert_eq!(errors, expected.len(), "{all:#?}");
}

#[test]
fn one_valid_deck_per_kind_prints_its_summary() {
    for (file, summary) in [
        ("date", "ok dates: 3 date"),
        ("figure", "ok figures: 4 figure"),
        ("change", "ok changes: 4 change"),
        ("card", "ok cards: 4 card"),
        ("set", "ok sets: 2 set"),
        ("sequence", "ok sequences: 2 sequence"),
    ] {
        // Warning-free, so --strict passes too.
        check(&["--strict", &format!("valid/{file}.toml")])
            .assert()
            .code(0)
            .stdout(format!("{summary}\n"))
            .stderr("");
    }
}

#[test]
fn a_deck_without_facts_says_so() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("empty.toml");
    std::fs::write(&path, "[deck]\nid = \"empty\"\ntitle = \"Nothing yet\"\n").unwrap();
    check(&[path.to_str().unwrap()])
        .assert()
        .code(0)
        .stdout("ok empty: no facts\n");
}

#[test]
fn the_full_example_checks_with_its_quotes_verified() {
    check(&["--strict", "valid/example.toml"])
        .assert()
        .code(0)
        .stdout("ok solar-system: 5 date, 5 figure, 4 change, 8 card, 3 set, 1 sequence\n")
        .stderr("");
}

/// The documentation's example deck is this fixture, character for character.
#[test]
fn the_documented_example_is_the_fixture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("docs/deck-format.md")).unwrap();
    let marker = "<!-- example deck: tests/fixtures/valid/example.toml -->\n```toml\n";
    let start = doc
        .find(marker)
        .expect("the example marker in docs/deck-format.md")
        + marker.len();
    let end = start
        + doc[start..]
            .find("```\n")
            .expect("the end of the example block");
    let fixture = std::fs::read_to_string(fixtures().join("valid/example.toml")).unwrap();
    assert!(
        doc[start..end] == fixture,
        "docs/deck-format.md and tests/fixtures/valid/example.toml differ"
    );
}

#[test]
fn warnings_pass_but_fail_under_strict() {
    let output = check(&["warnings.toml"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "ok warnings: 1 card (2 warnings)\n"
    );
    let all = reported(&String::from_utf8(output.stderr).unwrap());
    let no_quote = Reported {
        severity: "warning".to_owned(),
        message: "fact `venue` has no `quote`".to_owned(),
        location: "warnings.toml:6:6".to_owned(),
        help: Some(
            "add `quote = \"...\"` with the sentence of the source that states it".to_owned(),
        ),
    };
    assert!(all.contains(&no_quote), "{all:#?}");
    assert!(
        all.iter().any(|d| d.severity == "warning"
            && d.message
                == "the cards without a `group` or `sort` are asked typed only: multiple choice needs a sort they share"),
        "{all:#?}"
    );

    let output = check(&["--strict", "warnings.toml"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    let all = reported(&stderr);
    assert!(all.iter().all(|d| d.severity == "error"), "{all:#?}");
    assert!(
        all.iter().any(|d| d.location == "warnings.toml:6:6"
            && d.message == "fact `venue` has no `quote` (a warning, an error under --strict)"),
        "{all:#?}"
    );
    assert!(stderr.ends_with("factdeck: warnings.toml: 2 errors, 0 warnings\n"));
}

#[test]
fn a_quote_missing_from_the_deck_source_file_is_an_error_at_the_quote() {
    let all = broken("quote-not-in-source");
    let errors: Vec<_> = all.iter().filter(|d| d.severity == "error").collect();
    assert_eq!(
        errors.len(),
        1,
        "the second quote is in the source: {all:#?}"
    );
    assert_eq!(
        errors[0].message,
        "the quote of `venue` is not in broken/quote-not-in-source.source.txt"
    );
    assert_eq!(errors[0].location, "broken/quote-not-in-source.toml:13:9");
}

#[test]
fn source_flag_verifies_quotes_against_that_file() {
    let dir = TempDir::new().unwrap();
    let source = dir.path().join("other.txt");
    // Holds the quotes of three cards of the fixture, not the fourth.
    std::fs::write(
        &source,
        "William Herschel discovered Uranus. Clyde Tombaugh discovered Pluto.\n\
         Johann   Galle observed\nNeptune.",
    )
    .unwrap();
    let output = check(&["valid/card.toml", "--source", source.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let all = reported(&String::from_utf8(output.stderr).unwrap());
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(
        all[0].message,
        format!("the quote of `ceres` is not in {}", source.display())
    );
    assert_eq!(all[0].location, "valid/card.toml:37:9");

    std::fs::write(&source, "Giuseppe Piazzi discovered Ceres.").unwrap();
    let output = check(&["valid/example.toml", "--source", source.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "--source wins over the deck's own source.file"
    );
}

#[test]
fn an_unreadable_source_file_is_reported_where_the_deck_names_it() {
    let all = broken("source-file-missing");
    assert_eq!(all.len(), 1, "{all:#?}");
    assert!(
        all[0]
            .message
            .starts_with("cannot read the source text broken/no-such-source.txt"),
        "{all:#?}"
    );
    assert_eq!(all[0].location, "broken/source-file-missing.toml:7:8");
}

#[test]
fn several_paths_report_them_all() {
    let output = check(&[
        "broken/duplicate-id.toml",
        "valid/date.toml",
        "broken/negative-tolerance.toml",
        "no-such-deck.toml",
    ])
    .output()
    .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "ok dates: 3 date\n"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    let all = reported(&stderr);
    assert!(
        all.iter()
            .any(|d| d.location == "broken/duplicate-id.toml:12:6")
    );
    assert!(
        all.iter()
            .any(|d| d.location == "broken/negative-tolerance.toml:9:13")
    );
    assert!(stderr.contains("factdeck: broken/duplicate-id.toml: 1 error, 0 warnings"));
    assert!(stderr.contains("factdeck: error: cannot read no-such-deck.toml"));
}

#[test]
fn usage_errors_exit_2() {
    check(&[])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("PATH"));
    check(&["--no-such-flag", "valid/date.toml"])
        .assert()
        .code(2);
    check(&["valid/date.toml", "--source"]).assert().code(2);
}

#[test]
fn diagnostics_show_the_source_line_and_a_caret() {
    let output = check(&["broken/negative-tolerance.toml"]).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    let expected = "\
error: the tolerance (-50) is negative
 --> broken/negative-tolerance.toml:9:13
  |
9 | tolerance = -50
  |             ^^^ negative
  |
help: a tolerance is a distance from the value: write 0 or more
";
    assert!(stderr.starts_with(expected), "{stderr}");
}

#[test]
fn a_draft_s_todo_is_a_warning_and_an_error_under_strict() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.toml");
    std::fs::write(
        &path,
        "[deck]\nid = \"d\"\ntitle = \"T\"\n\n[[date]]\nid = \"a\"\n\
         event = \"TODO: name the event (the congress was held … 2021)\"\n\
         date = 2021-01-05\nquote = \"held in 2021\"\n",
    )
    .unwrap();
    let path = path.to_str().unwrap();
    let out = check(&[path]).assert().success().get_output().clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("warning: `event` is still a draft's TODO"),
        "{stderr}"
    );
    assert!(stderr.contains("draft.toml:7:9"), "{stderr}");
    check(&["--strict", path]).assert().code(1);
}

/// A deck in a language factdeck words no questions in is told, once, how many of its facts
/// will be asked in English, and how to word them; a deck in a shipped language is not.
#[test]
fn a_deck_in_a_language_without_phrasing_is_told_to_word_its_questions() {
    let dir = TempDir::new().unwrap();
    let deck = |language: &str, question: &str| {
        format!(
            "[deck]\nid = \"t\"\ntitle = \"T\"\nlanguage = \"{language}\"\nquotes = false\n\n\
             [[date]]\nid = \"a\"\nevent = \"la presa della Bastiglia\"\ndate = 1789-07-14\n{question}\n\
             [[date]]\nid = \"b\"\nevent = \"la caduta del Muro\"\ndate = 1989-11-09\n"
        )
    };
    let write = |name: &str, text: String| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let italian = write("it.toml", deck("it", "question = \"Quando fu?\""));
    let out = check(&[italian.to_str().unwrap()]).assert().success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    let warnings = reported(&stderr);
    assert_eq!(warnings.len(), 1, "{stderr}");
    assert_eq!(
        warnings[0].message,
        "factdeck has no wording of its own for `language = \"it\"`: 1 fact without `question` is asked in English"
    );
    assert!(
        warnings[0]
            .help
            .as_deref()
            .unwrap()
            .contains("docs/deck-format.md")
    );
    let german = write("de.toml", deck("de", ""));
    check(&[german.to_str().unwrap()])
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
}
