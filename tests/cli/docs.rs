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
        .env(
            "FACTDECK_CACHE_DIR",
            home.path().join("cache").display().to_string(),
        )
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
    let start = readme
        .find("```text\n$ factdeck quiz")
        .expect("the transcript")
        + 8;
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
    let output = crate::test::factdeck(&home)
        .args(command.split_whitespace())
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
                    i += 1 + lines[i + 1..]
                        .iter()
                        .position(|l| l.starts_with("```"))
                        .unwrap();
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
            format!(
                "[deck]\nid = \"snippet\"\ntitle = \"A snippet\"\nquotes = false\n\n{}",
                s.toml
            )
        };
        let path = dir.path().join("snippet.toml");
        std::fs::write(&path, text).unwrap();
        let output = crate::test::factdeck(&dir)
            .arg("check")
            .arg(&path)
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

/// The README's table of commands against the clap definitions: every command has a row,
/// and each row names every flag of its command, and no flag it does not have.
#[test]
fn the_readme_command_table_matches_the_command_line() {
    use clap::CommandFactory;
    let mut cli = factdeck::cli::Cli::command();
    cli.build();
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let rows: Vec<&str> = readme
        .lines()
        .filter_map(|l| l.strip_prefix("| `factdeck "))
        .map(|l| l.split("` |").next().unwrap())
        .collect();
    let mut wrong = Vec::new();
    let mut covered = Vec::new();
    for row in &rows {
        let path: Vec<&str> = row
            .split_whitespace()
            .take_while(|w| {
                w.chars().all(|c| c.is_ascii_lowercase() || c == '-') && !w.starts_with('-')
            })
            .collect();
        let mut cmd = &cli;
        for name in &path {
            match cmd.find_subcommand(name) {
                Some(sub) => cmd = sub,
                None => {
                    wrong.push(format!("`factdeck {row}`: no command `{name}`"));
                    break;
                }
            }
        }
        covered.push(path.first().copied().unwrap_or_default());
        if path == ["help"] {
            let line = readme.lines().find(|l| l.contains(*row)).unwrap();
            for topic in factdeck::help::TOPICS {
                if !line.contains(&format!("`{}`", topic.name)) {
                    wrong.push(format!(
                        "`factdeck {row}` does not name the guide {}",
                        topic.name
                    ));
                }
            }
        }
        let flags: Vec<String> = cmd
            .get_arguments()
            .filter(|a| !a.is_hide_set() && !a.is_global_set())
            .filter_map(|a| a.get_long())
            .filter(|l| !["help", "version"].contains(l))
            .map(|l| format!("--{l}"))
            .collect();
        for flag in &flags {
            let named = row
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .any(|w| w == flag);
            if !named {
                wrong.push(format!("`factdeck {row}` does not name {flag}"));
            }
        }
        let global = ["--data-dir", "--learner"];
        for word in row.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
            if word.starts_with("--") && !flags.iter().any(|f| f == word) && !global.contains(&word)
            {
                wrong.push(format!(
                    "`factdeck {row}` names {word}, which it does not have"
                ));
            }
        }
    }
    for sub in cli.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = sub.get_name();
        if name != "help" && !covered.contains(&name) {
            wrong.push(format!("no row for `factdeck {name}`"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// docs/commands.md is every command's `--help`, generated from the clap definitions: the
/// test fails when it is stale, and `UPDATE_GOLDEN=1 cargo test --test cli docs::` rewrites it.
#[test]
fn the_command_reference_is_the_help_of_every_command() {
    use clap::CommandFactory;
    fn walk(cmd: &clap::Command, path: &str, out: &mut String) {
        let path = if path.is_empty() {
            cmd.get_name().to_owned()
        } else {
            format!("{path} {}", cmd.get_name())
        };
        let mut cmd = cmd.clone().term_width(100).bin_name(&path);
        let help = cmd.render_long_help().to_string();
        out.push_str(&format!(
            "\n## `{path}`\n\n```text\n{}\n```\n",
            help.trim_end()
        ));
        for sub in cmd
            .get_subcommands()
            .filter(|s| !s.is_hide_set() && s.get_name() != "help")
        {
            walk(sub, &path, out);
        }
    }
    let mut cli = factdeck::cli::Cli::command();
    cli.build();
    let mut made = String::from(
        "# Command reference\n\n\
         Every command's `--help`, as the binary prints it. \
         <!-- Generated by tests/cli/docs.rs from the clap definitions: do not edit by hand. \
         `UPDATE_GOLDEN=1 cargo test --test cli docs::` rewrites it. -->\n",
    );
    walk(&cli, "", &mut made);
    let path = root().join("docs/commands.md");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &made).unwrap();
        return;
    }
    let stored = std::fs::read_to_string(&path)
        .expect("docs/commands.md; create it with UPDATE_GOLDEN=1 cargo test --test cli docs::");
    assert!(
        stored == made,
        "docs/commands.md is stale: run `UPDATE_GOLDEN=1 cargo test --test cli docs::`"
    );
}

/// The rule for options, as deck-format.md states it and `check` warns about it, is what
/// the engine does: a card group with 2, 3 or 4 different answers gives its cards no
/// multiple choice, 3 options or 4; a set whose group offers 1, 2 or 3 non-members is asked
/// only for its size, with 3 options or with 4.
#[test]
fn the_rule_for_options_is_the_engines() {
    use factdeck::question::{Form, Generator, Settings, rng_from_seed};
    let options = |facts: String, form: Form| -> (Option<usize>, Vec<String>) {
        let text = format!("[deck]\nid = \"d\"\ntitle = \"T\"\nquotes = false\n{facts}");
        let loaded = factdeck::deck::load_str(&text).unwrap();
        let warnings = loaded.warnings.iter().map(|w| w.message.clone()).collect();
        let g = Generator::new(loaded.deck, Settings::new(4).unwrap());
        let asked = g
            .every_form(0, &mut rng_from_seed(1))
            .into_iter()
            .find(|q| q.form == form)
            .map(|q| q.options.len());
        (asked, warnings)
    };
    let card = |i: usize| {
        format!(
            "[[card]]\nid = \"c{i}\"\nquestion = \"Q{i}?\"\nanswer = \"Answer {i}\"\ngroup = \"g\"\n"
        )
    };
    for (answers, expected, warning) in [
        (
            2,
            None,
            Some("too few for multiple choice, so its cards are asked typed only"),
        ),
        (3, Some(3), Some("its cards get 3 options instead of 4")),
        (4, Some(4), None),
    ] {
        let facts: String = (0..answers).map(card).collect();
        let (asked, warnings) = options(facts, Form::CardChoice);
        assert_eq!(asked, expected, "{answers} answers");
        match warning {
            Some(w) => assert!(
                warnings.iter().any(|m: &String| m.ends_with(w)),
                "{warnings:?}"
            ),
            None => assert!(warnings.is_empty(), "{warnings:?}"),
        }
    }
    let set = |id: &str, members: &[&str]| {
        let members: Vec<String> = members.iter().map(|m| format!("\"{m}\"")).collect();
        format!(
            "[[set]]\nid = \"{id}\"\nname = \"the {id}\"\nmembers = [{}]\ngroup = \"g\"\n",
            members.join(", ")
        )
    };
    for (others, expected, warning) in [
        (
            &["E"][..],
            None,
            Some("too few for multiple choice, so it is asked only for its size"),
        ),
        (
            &["E", "F"][..],
            Some(3),
            Some("\"which was a member\" gets 3 options instead of 4"),
        ),
        (&["E", "F", "G"][..], Some(4), None),
    ] {
        // The second set shares A with the first: only E, F, … are non-members of the first.
        let mut second: Vec<&str> = others.to_vec();
        second.insert(0, "A");
        let facts = set("first", &["A", "B", "C"]) + &set("second", &second);
        let (asked, warnings) = options(facts, Form::SetMember);
        let about_first: Vec<&String> = warnings.iter().filter(|w| w.contains("`first`")).collect();
        assert_eq!(asked, expected, "{} non-members", others.len());
        match warning {
            Some(w) => assert!(about_first.iter().any(|m| m.ends_with(w)), "{warnings:?}"),
            None => assert!(about_first.is_empty(), "{warnings:?}"),
        }
    }
}

/// authoring.md's sample of a drafted fact is what `factdeck draft` writes for the bundled
/// deck's source, word for word.
#[test]
fn the_drafted_fact_in_authoring_md_is_what_draft_writes() {
    let doc = std::fs::read_to_string(root().join("docs/authoring.md")).unwrap();
    let start = doc.find("```toml\n# line 19, a date:").expect("the sample") + 8;
    let sample = &doc[start..start + doc[start..].find("```\n").unwrap()];
    let home = TempDir::new().unwrap();
    let output = crate::test::factdeck(&home)
        .arg("draft")
        .arg(root().join("decks/wpk-8th-congress.source.txt"))
        .output()
        .unwrap();
    assert!(output.status.success());
    let draft = String::from_utf8(output.stdout).unwrap();
    assert!(draft.contains(sample), "not in the draft:\n{sample}");
}

/// Usage lines in ```sh blocks (`factdeck draft SOURCE.txt [--out DECK.toml] …`) name only
/// commands and flags the program has.
#[test]
fn usage_lines_name_real_commands_and_flags() {
    use clap::CommandFactory;
    let mut cli = factdeck::cli::Cli::command();
    cli.build();
    let mut wrong = Vec::new();
    let mut seen = 0;
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).unwrap();
        let mut in_sh = false;
        for line in text.lines() {
            if line.starts_with("```") {
                in_sh = !in_sh && line == "```sh";
                continue;
            }
            let Some(rest) = line.strip_prefix("factdeck ").filter(|_| in_sh) else {
                continue;
            };
            seen += 1;
            // The command, without a trailing comment or redirection.
            let rest = rest.split(" #").next().unwrap().split(" >").next().unwrap();
            let mut cmd = &cli;
            for word in rest.split_whitespace() {
                match cmd.find_subcommand(word) {
                    Some(sub) if !word.starts_with('-') => cmd = sub,
                    _ => break,
                }
            }
            for word in rest.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
                let Some(long) = word.strip_prefix("--") else {
                    continue;
                };
                if !cmd.get_arguments().any(|a| a.get_long() == Some(long)) {
                    wrong.push(format!("{}: `factdeck {rest}`: no {word}", doc.display()));
                }
            }
        }
    }
    assert!(seen >= 20, "only {seen} usage lines found");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
