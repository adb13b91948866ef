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

/// A ```toml block of a document, with the line it starts on and the diagnostics the
/// document claims for it: `<!-- check: error: … -->` or `<!-- check: warning: … -->`
/// lines just above the block, one per diagnostic. Without any, it must check clean.
struct Snippet {
    doc: String,
    line: usize,
    toml: String,
    claimed: Vec<String>,
}

fn snippets() -> Vec<Snippet> {
    let mut out = Vec::new();
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let mut i = 0;
        while i < lines.len() {
            if lines[i] != "```toml" {
                if lines[i].starts_with("```") {
                    // Another language's block: skip to its end.
                    i += 1 + lines[i + 1..].iter().position(|l| l.starts_with("```")).unwrap();
                }
                i += 1;
                continue;
            }
            let claimed: Vec<String> = lines[..i]
                .iter()
                .rev()
                .map_while(|l| l.strip_prefix("<!-- check: ")?.strip_suffix(" -->"))
                .map(str::to_owned)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let end = i + 1 + lines[i + 1..].iter().position(|l| *l == "```").unwrap();
            out.push(Snippet {
                doc: doc.file_name().unwrap().to_string_lossy().into_owned(),
                line: i + 1,
                toml: lines[i + 1..end].join("\n") + "\n",
                claimed,
            });
            i = end + 1;
        }
    }
    out
}

/// Every TOML snippet is checked by `factdeck check` (a fragment under a `[deck]` of its
/// own that needs no quotes), and reports exactly the diagnostics its document claims: a
/// fact that no question can be made from is an error there, so every snippet's facts are
/// asked.
#[test]
fn every_toml_snippet_checks_as_its_text_says() {
    let dir = TempDir::new().unwrap();
    std::fs::copy(
        root().join("tests/fixtures/valid/example.source.txt"),
        dir.path().join("example.source.txt"),
    )
    .unwrap();
    let all = snippets();
    assert!(all.len() >= 10, "{} snippets", all.len());
    let mut wrong = Vec::new();
    for s in &all {
        let text = if s.toml.lines().any(|l| l == "[deck]") {
            s.toml.clone()
        } else {
            format!("[deck]\nid = \"snippet\"\ntitle = \"A snippet\"\nquotes = false\n\n{}", s.toml)
        };
        let path = dir.path().join("snippet.toml");
        std::fs::write(&path, text).unwrap();
        let output = assert_cmd::Command::cargo_bin("factdeck")
            .unwrap()
            .arg("check")
            .arg(&path)
            .env("FACTDECK_HOME", dir.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        let reported: Vec<&str> = stderr
            .lines()
            .filter(|l| l.starts_with("error: ") || l.starts_with("warning: "))
            .collect();
        if reported != s.claimed {
            wrong.push(format!(
                "{}:{}: the text claims {:?}, check reports {:?}",
                s.doc, s.line, s.claimed, reported
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
