//! Process start to the first question of the bundled deck in plain mode, beside the start of
//! a hello-world binary. Target: at most 4× the hello world.
//!
//! `cargo bench --bench startup`. The "hello world" is this very benchmark binary re-run
//! with `FACTDECK_BENCH_HELLO=1`: it prints one line and exits before divan starts, so it
//! pays exactly what any small Rust program pays to start.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::sync::LazyLock;

use divan::Bencher;

const HELLO_VAR: &str = "FACTDECK_BENCH_HELLO";

fn main() {
    if std::env::var_os(HELLO_VAR).is_some() {
        println!("hello, world");
        return;
    }
    divan::main();
}

/// A data dir whose store already exists, as it does for anyone past their first quiz.
static HOME: LazyLock<tempfile::TempDir> = LazyLock::new(|| {
    let home = tempfile::tempdir().unwrap();
    let mut warm = quiz(home.path());
    read_until_prompt(&mut warm);
    finish(warm);
    home
});

fn quiz(home: &std::path::Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_factdeck"))
        .env("FACTDECK_HOME", home)
        .args(["quiz", "--plain", "--count", "1", "--seed", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Reads the transcript until the first answer prompt ("… > ") is on screen.
fn read_until_prompt(child: &mut Child) {
    let stdout = child.stdout.as_mut().unwrap();
    let mut seen = Vec::with_capacity(512);
    let mut chunk = [0u8; 512];
    while !seen.ends_with(b") > ") {
        let n = stdout.read(&mut chunk).unwrap();
        assert!(n > 0, "quiz ended before its first question");
        seen.extend_from_slice(&chunk[..n]);
    }
}

/// Ends the quiz the way a person would (end of input), outside the timed part.
fn finish(mut child: Child) {
    drop(child.stdin.take());
    let _ = child.wait();
}

/// A quiz showing its first question; dropping it ends the quiz (divan drops outside the
/// timed section).
struct Running(Option<Child>);

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(child) = self.0.take() {
            finish(child);
        }
    }
}

#[divan::bench(sample_count = 30, sample_size = 1)]
fn first_question_plain(bencher: Bencher) {
    let home = HOME.path();
    bencher.bench_local(|| {
        let mut child = quiz(home);
        read_until_prompt(&mut child);
        Running(Some(child))
    });
}

#[divan::bench(sample_count = 30, sample_size = 1)]
fn hello_world(bencher: Bencher) {
    let me = std::env::current_exe().unwrap();
    bencher.bench_local(|| {
        let out = Command::new(&me).env(HELLO_VAR, "1").output().unwrap();
        assert_eq!(out.stdout, b"hello, world\n");
    });
}
