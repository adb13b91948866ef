//! Exit codes, and how a failure is reported on stderr.

use std::io::{self, Write};

/// Success.
pub const OK: u8 = 0;
/// Something went wrong: a broken deck, an unreadable file, a failed check.
pub const ERROR: u8 = 1;
/// The command line itself was wrong.
pub const USAGE: u8 = 2;
/// Stopped by Ctrl-C (128 + SIGINT), after saving what was answered.
pub const INTERRUPTED: u8 = 130;
/// Stopped by SIGTERM (128 + 15), after saving what was answered.
pub const TERMINATED: u8 = 143;
/// Stopped by SIGHUP, the terminal closed (128 + 1), after saving what was answered.
pub const HUNG_UP: u8 = 129;

/// For a value the process is about to end with: the operating system takes the memory
/// back at once, while freeing a 100,000-fact deck and its index piece by piece took a
/// seventh of a one-question quiz and 3% of `check`.
pub fn leave_to_os<T>(value: T) {
    std::mem::forget(value);
}

/// An error that carries its own exit code through `anyhow`.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Exit {
    pub code: u8,
    pub message: String,
}

/// A usage error found after parsing (a bad value combination), exiting with 2.
pub fn usage(message: impl Into<String>) -> anyhow::Error {
    Exit {
        code: USAGE,
        message: message.into(),
    }
    .into()
}

/// Prints `factdeck: error: …` with the cause chain and returns the exit code to use.
/// A closed stdout (`factdeck generate | head`) is not an error worth reporting.
pub fn report(err: &anyhow::Error) -> u8 {
    if is_broken_pipe(err) {
        return OK;
    }
    let code = err.downcast_ref::<Exit>().map_or(ERROR, |e| e.code);
    let mut stderr = io::stderr().lock();
    let mut causes = err.chain();
    if let Some(first) = causes.next() {
        let _ = writeln!(stderr, "factdeck: error: {}", shown(first));
    }
    for cause in causes {
        let _ = writeln!(stderr, "  caused by: {}", shown(cause));
    }
    code
}

/// A message as it may reach the terminal: paths and text in it come from outside, so it
/// passes `term::visible`. Only a broken deck's report, rendered from parts already made
/// visible, keeps its own escapes: they are its colours.
fn shown(cause: &(dyn std::error::Error + 'static)) -> String {
    let text = cause.to_string();
    match cause.downcast_ref::<crate::deck::library::LibraryError>() {
        Some(crate::deck::library::LibraryError::Invalid { .. }) => text,
        _ => crate::term::visible(&text).into_owned(),
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|c| c.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_pipe_anywhere_in_the_chain_is_success() {
        let err =
            anyhow::Error::from(io::Error::from(io::ErrorKind::BrokenPipe)).context("writing");
        assert_eq!(report(&err), OK);
    }

    #[test]
    fn messages_are_shown_with_their_escapes_made_visible() {
        let err = anyhow::anyhow!("cannot read x\u{1b}]0;pwned\u{7}.toml");
        assert_eq!(shown(err.as_ref()), "cannot read x␛]0;pwned␇.toml");
    }

    #[test]
    fn exit_codes_travel_through_anyhow() {
        assert_eq!(report(&usage("bad flags")), USAGE);
        assert_eq!(report(&anyhow::anyhow!("plain")), ERROR);
    }
}
