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
    let _ = writeln!(stderr, "factdeck: error: {err}");
    for cause in err.chain().skip(1) {
        let _ = writeln!(stderr, "  caused by: {cause}");
    }
    code
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
    fn exit_codes_travel_through_anyhow() {
        assert_eq!(report(&usage("bad flags")), USAGE);
        assert_eq!(report(&anyhow::anyhow!("plain")), ERROR);
    }
}
