//! The layer order of `src/`, kept: a module may use only modules of lower layers. A
//! `crate::x` path in a module of a layer at or below `x`'s fails this test, so a new
//! upward import (and with it a cycle) is caught the day it is written. The order is the
//! one ARCHITECTURE.md gives. Unit tests (after `#[cfg(test)]`, or under a `tests/`
//! directory) are not layered: a question test may grade its question.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

/// Bottom to top. Modules of one layer do not use each other.
const LAYERS: &[&[&str]] = &[
    // Leaves: text, time, files.
    &[
        "words",
        "term",
        "input",
        "clock",
        "paths",
        "spreadsheet",
        "help",
    ],
    &["config", "deck", "srs"],
    &["learner", "exit", "store", "read"],
    // The question engine: making questions, then grading answers to them.
    &["question"],
    &["grade"],
    &["cache", "frontend", "history", "hub", "author"],
    &["session", "class", "sync", "report"],
    &["quiz", "review"],
    &["cli"],
    &["cmd"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The top-level module a file under `src/` belongs to.
fn module_of(path: &Path) -> String {
    let rel = path.strip_prefix("src").unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_owned()
}

/// Every `crate::name` in the file's code, outside comments.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.push((n + 1, name));
            }
            rest = after;
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_module_uses_one_above_or_beside_it() {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let module = module_of(file);
        if matches!(module.as_str(), "main" | "lib") {
            continue;
        }
        let Some(own) = layer_of(&module) else {
            wrong.push(format!(
                "{}: module `{module}` has no layer",
                file.display()
            ));
            continue;
        };
        // Unit tests may use any module: only the code the program runs is layered.
        if file.components().any(|c| c.as_os_str() == "tests") {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (line, used) in crate_paths(code) {
            if used == module {
                continue;
            }
            match layer_of(&used) {
                Some(layer) if layer < own => {}
                _ => wrong.push(format!(
                    "{}:{line}: `{module}` uses `crate::{used}`, which is not below it",
                    file.display()
                )),
            }
        }
    }
    assert!(wrong.is_empty(), "upward imports:\n{}", wrong.join("\n"));
}

#[test]
fn the_scan_sees_an_upward_import() {
    let found =
        crate_paths("use crate::quiz::Pool; // crate::cmd in a comment\nx(crate::store::X)");
    assert_eq!(found, vec![(1, "quiz".to_owned()), (2, "store".to_owned())]);
}
