//! `factdeck check` as a newcomer meets it: repeated warnings told once, a deck that says it
//! has no source, "did you mean" that knows the kind of fact, and help that says what to
//! write for a date in words or a stray comma.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use tempfile::TempDir;

/// Writes `text` as `deck.toml` in a new directory and runs `check` on it with `args`.
fn check(text: &str, args: &[&str]) -> (Option<i32>, String, String, TempDir) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("deck.toml"), text).unwrap();
    let out = crate::test::bare()
        .current_dir(dir.path())
        .arg("check")
        .args(args)
        .arg("deck.toml")
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        dir,
    )
}

/// A deck of `n` cards without quotes, in one group of different answers.
fn cards_without_quotes(header: &str, n: usize) -> String {
    let mut text = format!("[deck]\nid = \"football\"\ntitle = \"Football laws\"\n{header}");
    for i in 0..n {
        text.push_str(&format!(
            "\n[[card]]\nid = \"law-{i}\"\nquestion = \"What does law {i} cover?\"\nanswer = \"Topic {i}\"\ngroup = \"topics\"\n"
        ));
    }
    text
}

fn headings(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.starts_with("warning: ") || l.starts_with("error: "))
        .collect()
}

#[test]
fn a_warning_every_fact_has_is_told_once_with_a_count() {
    let (code, stdout, stderr, _dir) = check(&cards_without_quotes("", 42), &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(stdout, "ok football: 42 card (42 warnings)\n");
    assert_eq!(
        headings(&stderr),
        ["warning: 42 facts have no `quote`"],
        "{stderr}"
    );
    assert!(stderr.contains("deck.toml:6:6"), "{stderr}");
    assert!(stderr.contains("`--verbose` lists them"), "{stderr}");
    assert!(stderr.contains("`quotes = false` under [deck]"), "{stderr}");
    assert!(stderr.lines().count() < 10, "{stderr}");
}

#[test]
fn verbose_lists_every_warning() {
    let (code, _, stderr, _dir) = check(&cards_without_quotes("", 42), &["--verbose"]);
    assert_eq!(code, Some(0));
    let all = headings(&stderr);
    assert_eq!(all.len(), 42, "{stderr}");
    assert_eq!(all[41], "warning: fact `law-41` has no `quote`");
}

#[test]
fn a_few_warnings_are_still_listed_one_by_one() {
    let (_, _, stderr, _dir) = check(&cards_without_quotes("", 3), &[]);
    let all = headings(&stderr);
    assert!(
        all.contains(&"warning: fact `law-2` has no `quote`"),
        "{stderr}"
    );
}

#[test]
fn strict_counts_every_grouped_warning_as_an_error() {
    let (code, stdout, stderr, _dir) = check(&cards_without_quotes("", 42), &["--strict"]);
    assert_eq!(code, Some(1));
    assert!(stdout.is_empty());
    assert!(
        headings(&stderr)
            .contains(&"error: 42 facts have no `quote` (warnings, errors under --strict)"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("factdeck: deck.toml: 42 errors, 0 warnings\n"),
        "{stderr}"
    );
}

#[test]
fn a_deck_that_says_it_has_no_source_is_not_warned_about_quotes() {
    let (code, stdout, stderr, _dir) = check(&cards_without_quotes("quotes = false\n", 42), &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(stdout, "ok football: 42 card\n");
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn quotes_must_be_true_or_false() {
    let (code, _, stderr, _dir) = check(&cards_without_quotes("quotes = \"no\"\n", 4), &[]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("error: `quotes` must be true or false, found string"),
        "{stderr}"
    );
}

#[test]
fn did_you_mean_knows_the_kind_of_fact() {
    let text = "[deck]\nid = \"d\"\ntitle = \"T\"\n\n[[date]]\nid = \"a\"\nname = \"the first match\"\ndate = 1872-11-30\nquote = \"q\"\n\n[[change]]\nid = \"b\"\nsubject = \"the ball\"\nfrom = \"round\"\nto = \"oval\"\nquote = \"q\"\n";
    let (code, _, stderr, _dir) = check(text, &[]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("unknown field `name` in [[date]]"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `event`?"), "{stderr}");
    assert!(stderr.contains("did you mean `before`?"), "{stderr}");
    assert!(stderr.contains("did you mean `after`?"), "{stderr}");
    // The field written under another name is not reported missing as well.
    assert!(!stderr.contains("missing field"), "{stderr}");
    assert!(!stderr.contains("neither"), "{stderr}");
}

#[test]
fn a_date_in_words_is_answered_with_the_toml_date() {
    let deck = |date: &str| {
        format!(
            "[deck]\nid = \"d\"\ntitle = \"T\"\n\n[[date]]\nid = \"a\"\nevent = \"the founding of FIFA\"\n{date}\nquote = \"q\"\n"
        )
    };
    for written in ["date = \"May 21, 1904\"", "date = May 21, 1904"] {
        let (code, _, stderr, _dir) = check(&deck(written), &[]);
        assert_eq!(code, Some(1));
        assert!(
            stderr.contains("help: write `date = 1904-05-21`"),
            "{written}: {stderr}"
        );
        assert_eq!(headings(&stderr).len(), 1, "{written}: {stderr}");
        assert!(stderr.contains("deck.toml:8:8"), "{written}: {stderr}");
    }
}

#[test]
fn a_stray_comma_says_to_remove_it() {
    let text = "[deck]\nid = \"d\"\ntitle = \"T\"\n\n[[figure]]\nid = \"a\"\nwhat = \"the players per side\"\nvalue = 11,\nquote = \"q\"\n";
    let (code, _, stderr, _dir) = check(text, &[]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("error: a comma after a value"), "{stderr}");
    assert!(stderr.contains("deck.toml:8:11"), "{stderr}");
    assert!(stderr.contains("remove this comma"), "{stderr}");
    assert!(!stderr.contains("fix the TOML syntax"), "{stderr}");
}
