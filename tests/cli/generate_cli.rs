//! `factdeck generate` through the real binary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const GOLDEN: &str = "tests/golden/generate-seed42.json";

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

/// The binary with an empty data directory of its own.
fn factdeck(home: &Path) -> Command {
    let mut cmd = crate::test::factdeck(home);
    cmd.env_remove("NO_COLOR");
    cmd
}

fn stdout_of(home: &Path, args: &[&str]) -> String {
    let out = factdeck(home)
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

fn json_of(home: &Path, args: &[&str]) -> Vec<Value> {
    serde_json::from_str::<Value>(&stdout_of(home, args))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// Regenerate on purpose with `UPDATE_GOLDEN=1 cargo test --test cli generate_cli::`.
#[test]
fn golden_seed_42_json_does_not_change_by_accident() {
    let home = tempfile::tempdir().unwrap();
    let actual = stdout_of(
        home.path(),
        &[
            "generate", "--seed", "42", "--count", "20", "--format", "json",
        ],
    );
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(GOLDEN);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &actual).unwrap();
    }
    let expected =
        std::fs::read_to_string(&path).expect("golden file; create it with UPDATE_GOLDEN=1");
    assert!(
        actual == expected,
        "generate --seed 42 changed; if on purpose, run UPDATE_GOLDEN=1 cargo test --test cli generate_cli::\n{actual}"
    );
}

#[test]
fn json_has_exactly_the_documented_fields() {
    let home = tempfile::tempdir().unwrap();
    let questions = json_of(
        home.path(),
        &[
            "generate",
            &fixture("apollo.toml"),
            "--all",
            "--seed",
            "1",
            "--format",
            "json",
        ],
    );
    assert!(questions.len() > 40);
    for q in &questions {
        let object = q.as_object().unwrap();
        let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
        keys.sort_unstable();
        let mut expected = vec![
            "accepted",
            "answer",
            "explanation",
            "fact",
            "form",
            "kind",
            "prompt",
        ];
        if let Some(options) = object.get("options") {
            assert!(options.as_array().unwrap().len() >= 2, "{q}");
            expected.push("options");
            expected.sort_unstable();
        }
        assert_eq!(keys, expected, "{q}");
        assert!(object["accepted"].is_array() && object["answer"].is_string());
    }
    let answers: Vec<&str> = questions
        .iter()
        .map(|q| q["answer"].as_str().unwrap())
        .collect();
    for canonical in ["1969-07-20", "1970-04", "+35", "110.5", "3"] {
        assert!(
            answers.contains(&canonical),
            "no answer `{canonical}` in {answers:?}"
        );
    }
}

#[test]
fn the_same_seed_gives_the_same_quiz_and_another_seed_another() {
    let home = tempfile::tempdir().unwrap();
    let deck = fixture("apollo.toml");
    let run = |seed: &str, format: &str| {
        stdout_of(
            home.path(),
            &[
                "generate", &deck, "--seed", seed, "--count", "15", "--format", format,
            ],
        )
    };
    for format in ["text", "json", "markdown"] {
        assert_eq!(run("7", format), run("7", format), "{format}");
    }
    assert_ne!(run("7", "json"), run("8", "json"));
}

#[test]
fn count_kinds_tags_and_options_shape_the_output() {
    let home = tempfile::tempdir().unwrap();
    let deck = fixture("apollo.toml");
    let args = |extra: &[&str]| {
        let mut a = vec!["generate", deck.as_str(), "--seed", "3", "--format", "json"];
        a.extend_from_slice(extra);
        json_of(home.path(), &a)
    };
    assert_eq!(args(&["--count", "25"]).len(), 25);
    assert!(
        args(&["--kinds", "date,card"])
            .iter()
            .all(|q| ["date", "card"].contains(&q["kind"].as_str().unwrap()))
    );
    let landings = args(&["--tags", "LANDINGS", "--count", "4"]);
    let facts: Vec<&str> = landings
        .iter()
        .map(|q| q["fact"].as_str().unwrap())
        .collect();
    assert!(facts.iter().all(|f| f.ends_with("-landing")), "{facts:?}");
    // Two facts, four questions: both facts before either comes again.
    assert_ne!(facts[0], facts[1]);
    assert_ne!(facts[2], facts[3]);
    for q in args(&["--options", "6", "--kinds", "figure", "--all"]) {
        if q["form"] == "figure_choice" {
            // A small number has too few below it for every place: fewer options.
            let small = q["answer"].as_str().unwrap().parse::<f64>().unwrap() < 20.0;
            let n = q["options"].as_array().unwrap().len();
            assert!(n == 6 || (small && n < 6), "{q}");
        }
    }
    // --all ignores --count.
    assert!(args(&["--all", "--count", "1"]).len() > 40);
}

#[test]
fn text_and_markdown_end_with_an_answer_key() {
    let home = tempfile::tempdir().unwrap();
    let text = stdout_of(home.path(), &["generate", "--seed", "1", "--count", "5"]);
    assert!(
        text.starts_with("8th Congress of the Workers' Party of Korea\n5 questions\n"),
        "{text}"
    );
    let key = text.split("\nAnswer key\n").nth(1).unwrap();
    assert_eq!(key.lines().count(), 5, "{text}");
    let markdown = stdout_of(
        home.path(),
        &[
            "generate", "--seed", "1", "--count", "5", "--format", "markdown",
        ],
    );
    assert!(markdown.starts_with("# 8th Congress"), "{markdown}");
    assert!(markdown.contains("\n## Answer key\n"), "{markdown}");
}

#[test]
fn one_question_is_counted_in_the_singular() {
    let home = tempfile::tempdir().unwrap();
    let text = stdout_of(home.path(), &["generate", "--seed", "1", "--count", "1"]);
    assert!(text.lines().nth(1) == Some("1 question"), "{text}");
}

#[test]
fn an_empty_selection_is_an_error() {
    crate::test::Test::new()
        .env_remove("NO_COLOR")
        .args(["generate", "--tags", "no-such-tag"])
        .status(1)
        .stdout("")
        .stderr_has("matches --tags no-such-tag")
        .stderr_has("its tags are: congress")
        .run();
}

#[test]
fn bad_arguments_are_usage_errors() {
    let home = tempfile::tempdir().unwrap();
    for args in [
        &["generate", "--options", "7"][..],
        &["generate", "--kinds", "dates"],
        &["generate", "--count", "0"],
    ] {
        factdeck(home.path()).args(args).assert().code(2);
    }
    factdeck(home.path())
        .args(["generate", "no-such-deck"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no deck `no-such-deck`"));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let home = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_factdeck"))
        .args(["generate", "--count", "20000", "--seed", "1"])
        .env("FACTDECK_HOME", home.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    // Dropping the read end closes the pipe while the writer is still busy.
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{:?} {stderr}", output.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
}
