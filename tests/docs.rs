//! The documentation is tested like code: every command example (a ```console block in
//! README.md and docs/*.md) runs and its output is compared, every ```toml snippet loads with
//! the diagnostics its text claims, and the README's quiz transcript is what a quiz prints.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use tempfile::TempDir;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// README.md and every guide in docs/.
fn documents() -> Vec<PathBuf> {
    let mut docs = vec![root().join("README.md")];
    let mut guides: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    guides.sort();
    docs.extend(guides);
    docs
}

/// trycmd runs each ```console block from the crate's root (so paths such as
/// `tests/fixtures/…` work), with a private data directory and no colour.
#[test]
fn command_examples_run_as_shown() {
    let home = TempDir::new().unwrap();
    let cases = trycmd::TestCases::new();
    cases
        .register_bin("factdeck", PathBuf::from(env!("CARGO_BIN_EXE_factdeck")))
        .env("FACTDECK_HOME", home.path().display().to_string())
        .env("FACTDECK_CACHE_DIR", home.path().join("cache").display().to_string())
        .env("NO_COLOR", "1");
    for doc in documents() {
        cases.case(doc);
    }
    cases.run();
}

/// The README's quiz, typed answers and all: the transcript's `$` line is run with the
/// answers after each `> ` as its input, and what it prints must be the transcript without
/// them. Only the time the quiz took may differ.
#[test]
fn the_readme_quiz_transcript_is_what_a_quiz_prints() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme.find("```text\n$ factdeck quiz").expect("the transcript") + 8;
    let end = start + readme[start..].find("```\n").unwrap();
    let mut lines = readme[start..end].lines();
    let command = lines.next().unwrap().strip_prefix("$ factdeck ").unwrap();
    let mut input = String::new();
    let mut expected = String::new();
    for line in lines {
        match line.split_once(") > ") {
            Some((prompt, answer)) => {
                input.push_str(answer);
                input.push('\n');
                expected.push_str(&format!("{prompt}) > \n"));
            }
            None => expected.push_str(&format!("{line}\n")),
        }
    }
    let home = TempDir::new().unwrap();
    let output = assert_cmd::Command::cargo_bin("factdeck")
        .unwrap()
        .args(command.split_whitespace())
        .env("FACTDECK_HOME", home.path())
        .env("NO_COLOR", "1")
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(output.status.success());
    let actual = String::from_utf8(output.stdout).unwrap();
    let untimed = |text: &str| -> String {
        text.lines()
            .map(|l| match l.split_once(") in ") {
                Some((score, _)) if l.starts_with("Score: ") => format!("{score}) in …"),
                _ => l.to_owned(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(untimed(actual.trim_end()), untimed(expected.trim_end()));
}
