//! The one way these tests run the real binary (after just's `Test`): a command with a data
//! directory of its own and nothing from the developer's environment that would reach
//! another store, cache, hub, clock or password.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// Variables factdeck reads that a test must set itself or not at all: a developer's
/// `FACTDECK_NOW` or `FACTDECK_HUB` would otherwise change what a test sees.
const AMBIENT: [&str; 8] = [
    "FACTDECK_HOME",
    "FACTDECK_CACHE_DIR",
    "FACTDECK_HUB",
    "FACTDECK_LEARNER",
    "FACTDECK_NOW",
    "PGPASSWORD",
    "PGPASSFILE",
    "PGSSLROOTCERT",
];

/// The built binary, for tests that spawn it themselves (in a pseudo-terminal, say).
pub fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("factdeck")
}

/// The binary with none of factdeck's variables from the environment and no colour. Tests
/// of `--data-dir` start here; every other test uses [`factdeck`].
pub fn bare() -> Command {
    let mut cmd = Command::new(bin());
    for var in AMBIENT {
        cmd.env_remove(var);
    }
    cmd.env("NO_COLOR", "1");
    cmd
}

/// The binary with `home` as its data directory (and its cache under it).
pub fn factdeck(home: impl AsRef<Path>) -> Command {
    let mut cmd = bare();
    cmd.env("FACTDECK_HOME", home.as_ref());
    cmd
}

/// One run of the binary in a fresh home, and what it must print and return:
/// `Test::new().args(["check", deck]).status(1).stderr_has("line 3").run()`.
/// Unless told otherwise it expects exit status 0 and checks nothing else.
#[derive(Debug)]
pub struct Test {
    home: Home,
    args: Vec<String>,
    env_removed: Vec<String>,
    stdin: Option<String>,
    status: i32,
    stdout: Option<Expected>,
    stderr: Option<Expected>,
}

/// A fresh home of the test's own, or one that several runs share.
#[derive(Debug)]
enum Home {
    Own(TempDir),
    Shared(PathBuf),
}

#[derive(Debug)]
enum Expected {
    Exactly(String),
    Containing(Vec<String>),
}

impl Expected {
    fn check(&self, stream: &str, actual: &[u8], test: &Test) {
        let actual = String::from_utf8_lossy(actual);
        let ok = match self {
            Expected::Exactly(text) => actual == text.as_str(),
            Expected::Containing(parts) => parts.iter().all(|p| actual.contains(p.as_str())),
        };
        assert!(
            ok,
            "factdeck {}: {stream} is not as expected\nexpected {self:?}\n--- {stream} ---\n{actual}",
            test.args.join(" ")
        );
    }

    fn add(slot: &mut Option<Expected>, part: &str) {
        match slot {
            Some(Expected::Containing(parts)) => parts.push(part.to_owned()),
            _ => *slot = Some(Expected::Containing(vec![part.to_owned()])),
        }
    }
}

impl Default for Test {
    fn default() -> Test {
        Test::new()
    }
}

impl Test {
    pub fn new() -> Test {
        Test::with(Home::Own(TempDir::new().unwrap()))
    }

    /// A run in a home that outlives it, for a test of several runs.
    pub fn in_home(home: &Path) -> Test {
        Test::with(Home::Shared(home.to_path_buf()))
    }

    fn with(home: Home) -> Test {
        Test {
            home,
            args: Vec::new(),
            env_removed: Vec::new(),
            stdin: None,
            status: 0,
            stdout: None,
            stderr: None,
        }
    }

    /// The data directory this test's runs share.
    pub fn home(&self) -> &Path {
        match &self.home {
            Home::Own(dir) => dir.path(),
            Home::Shared(path) => path,
        }
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Test {
        self.args.push(arg.as_ref().to_string_lossy().into_owned());
        self
    }

    pub fn args<I: IntoIterator<Item = S>, S: AsRef<OsStr>>(mut self, args: I) -> Test {
        for arg in args {
            self = self.arg(arg);
        }
        self
    }

    /// Runs without this variable (`NO_COLOR`, say, which every run has otherwise).
    pub fn env_remove(mut self, key: &str) -> Test {
        self.env_removed.push(key.to_owned());
        self
    }

    pub fn stdin(mut self, text: &str) -> Test {
        self.stdin = Some(text.to_owned());
        self
    }

    pub fn status(mut self, code: i32) -> Test {
        self.status = code;
        self
    }

    /// Stdout must be exactly this.
    pub fn stdout(mut self, text: &str) -> Test {
        self.stdout = Some(Expected::Exactly(text.to_owned()));
        self
    }

    /// Stdout must contain this (and whatever else was asked for).
    pub fn stdout_has(mut self, part: &str) -> Test {
        Expected::add(&mut self.stdout, part);
        self
    }

    /// Stderr must contain this (and whatever else was asked for).
    pub fn stderr_has(mut self, part: &str) -> Test {
        Expected::add(&mut self.stderr, part);
        self
    }

    /// Runs the binary once and checks its status, stdout and stderr.
    pub fn run(self) -> Output {
        let mut cmd = factdeck(self.home());
        cmd.args(&self.args);
        for key in &self.env_removed {
            cmd.env_remove(key);
        }
        if let Some(input) = &self.stdin {
            cmd.write_stdin(input.as_bytes());
        }
        let output = cmd.output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(self.status),
            "factdeck {}: exit status\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.args.join(" "),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        if let Some(expected) = &self.stdout {
            expected.check("stdout", &output.stdout, &self);
        }
        if let Some(expected) = &self.stderr {
            expected.check("stderr", &output.stderr, &self);
        }
        output
    }
}

/// What `factdeck generate --format json ARGS` prints in `home`, parsed: the questions a
/// `quiz` with the same deck, seed and count asks.
pub fn generated<S: AsRef<OsStr>>(home: &Path, args: impl IntoIterator<Item = S>) -> Vec<Value> {
    let out = factdeck(home)
        .args(["generate", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "generate failed: {out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The binary, started in a pseudo-terminal set up as a shell leaves it: line mode and
/// echo on (expectrl turns echo off). Add the arguments and environment as usual.
#[cfg(unix)]
pub fn in_shell_terminal() -> std::process::Command {
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c")
        .arg("stty icanon echo && exec \"$0\" \"$@\"")
        .arg(bin());
    cmd
}

/// Whether the pseudo-terminal behind `process` is in line mode with echo again, as
/// [`in_shell_terminal`] started it (the master shares the settings of its end).
#[cfg(unix)]
pub fn line_mode_and_echo(process: &expectrl::process::unix::UnixProcess) -> bool {
    use rustix::termios::{LocalModes, tcgetattr};
    let master = process.get_raw_handle().unwrap();
    let modes = tcgetattr(&master).unwrap().local_modes;
    modes.contains(LocalModes::ICANON | LocalModes::ECHO)
}
