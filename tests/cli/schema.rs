//! docs/deck.schema.json against the loader: every deck `check` accepts validates, every
//! deck rejected for its shape does not.
//!
//! Decks come from wherever they are kept: `decks/`, `tests/fixtures/*.toml`,
//! `tests/fixtures/valid/`, `tests/fixtures/author/`, plus what `new`, `draft` and `import`
//! write. Rejected ones: every file in `tests/fixtures/schema/` (all shape problems: an
//! unknown field, a wrong type, a missing field, a fact that is not an array of tables), and
//! the files of `tests/fixtures/broken/` named in [`SHAPE`] or [`ALSO_CAUGHT`]. The other
//! broken fixtures are wrong in ways a schema cannot see (duplicate ids, impossible dates,
//! quotes missing from the source, TOML syntax) and are not asserted on here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use factdeck::deck::{load_str, schema};
use tempfile::TempDir;

/// Broken fixtures whose problem is their shape: the schema must reject them.
const SHAPE: &[&str] = &[
    "unknown-field",
    "wrong-type",
    "missing-field",
    "unknown-table",
    "no-deck-table",
    "change-without-sides",
];

/// Broken fixtures whose problem the schema's patterns and bounds catch as well.
const ALSO_CAUGHT: &[&str] = &[
    "empty-string",
    "bad-deck-id",
    "control-character",
    "escape-sequence",
    "negative-tolerance",
    "set-too-small",
    "sequence-too-small",
    "many-problems",
];

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn tomls(dir: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(repo(dir)) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(schema::SCHEMA).unwrap();
    jsonschema::draft7::new(&schema).unwrap()
}

/// The schema's complaints about a deck's text, read the way taplo reads it.
fn schema_errors(validator: &jsonschema::Validator, text: &str) -> Vec<String> {
    let value: toml::Value = toml::from_str(text).unwrap();
    let json = schema::toml_to_json(&value);
    validator
        .iter_errors(&json)
        .map(|e| e.to_string())
        .collect()
}

#[test]
fn the_schema_is_a_valid_draft_7_schema_and_factdeck_prints_it() {
    let schema: serde_json::Value = serde_json::from_str(schema::SCHEMA).unwrap();
    jsonschema::meta::validate(&schema).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    let home = TempDir::new().unwrap();
    let out = crate::test::factdeck(&home).arg("schema").output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), schema::SCHEMA);
}

#[test]
fn every_deck_the_loader_accepts_validates() {
    let validator = validator();
    let mut files = tomls("decks");
    for dir in [
        "tests/fixtures",
        "tests/fixtures/valid",
        "tests/fixtures/author",
    ] {
        files.extend(tomls(dir));
    }
    let mut checked = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        load_str(&text).unwrap_or_else(|d| panic!("{} should load: {d:?}", file.display()));
        let errors = schema_errors(&validator, &text);
        assert!(errors.is_empty(), "{}: {errors:?}", file.display());
        checked += 1;
    }
    assert!(checked >= 3, "found the fixture decks ({checked})");

    // What factdeck itself writes.
    let home = TempDir::new().unwrap();
    let run = |args: &[&str]| {
        let out = crate::test::factdeck(&home)
            .current_dir(home.path())
            .args(args)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let source = repo("decks/wpk-8th-congress.source.txt");
    let quizlet = repo("tests/fixtures/author/quizlet.txt");
    let written = [
        factdeck::deck::template::starter("starter", "Starter \"deck\""),
        run(&["draft", source.to_str().unwrap()]),
        run(&["import", quizlet.to_str().unwrap()]),
    ];
    for text in &written {
        load_str(text).unwrap();
        assert_eq!(schema_errors(&validator, text), Vec::<String>::new());
    }
}

#[test]
fn decks_rejected_for_their_shape_do_not_validate() {
    let validator = validator();
    let mut rejected = tomls("tests/fixtures/schema");
    assert!(rejected.len() >= 8, "the schema's own fixtures are there");
    for file in tomls("tests/fixtures/broken") {
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        if SHAPE.contains(&stem.as_str()) || ALSO_CAUGHT.contains(&stem.as_str()) {
            rejected.push(file);
        }
    }
    for file in &rejected {
        let text = std::fs::read_to_string(file).unwrap();
        assert!(
            load_str(&text).is_err(),
            "{} is a broken fixture: the loader must reject it",
            file.display()
        );
        assert!(
            !schema_errors(&validator, &text).is_empty(),
            "{} should not validate against the schema",
            file.display()
        );
    }
}
