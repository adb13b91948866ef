//! With `autotests = false`, cargo builds only `tests/cli/main.rs`: a test file put beside
//! it in `tests/`, or left out of `main.rs`'s `mod` list, would never run and never fail.
//! These tests make either mistake fail instead.

use std::path::Path;

fn tests_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests"))
}

/// Rust files under `dir`, recursively, as paths relative to `tests/`.
fn rust_files(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path.strip_prefix(tests_dir()).unwrap();
            out.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
}

#[test]
fn every_test_file_is_in_the_one_binary() {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(tests_dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() && name != "cli" {
            rust_files(&path, &mut files);
        } else if name.ends_with(".rs") {
            files.push(name);
        }
    }
    assert!(
        files.is_empty(),
        "cargo does not build these (autotests = false): move each into tests/cli/ and add \
         `mod NAME;` to tests/cli/main.rs: {files:?}"
    );
}

#[test]
fn every_module_file_beside_main_is_declared() {
    let cli = tests_dir().join("cli");
    let main = std::fs::read_to_string(cli.join("main.rs")).unwrap();
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(&cli).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let module = if path.is_dir() && path.join("mod.rs").is_file() {
            name
        } else if let Some(stem) = name.strip_suffix(".rs") {
            stem.to_owned()
        } else {
            continue;
        };
        if module != "main" && !main.contains(&format!("mod {module};")) {
            missing.push(module);
        }
    }
    assert!(
        missing.is_empty(),
        "not declared in tests/cli/main.rs, so never built: {missing:?}"
    );
}
