//! Ctrl-C. dialoguer leaves the cursor hidden when a prompt is interrupted (its issues
//! #77, #92, #188, #294), and a SIGINT between prompts or in plain mode would otherwise kill
//! the process before the session is marked interrupted. So one handler, installed once,
//! restores the cursor, runs the loop's armed farewell (mark the session, print a summary)
//! and exits with 130.
//!
//! Ctrl-C can arrive twice over: as a key inside a dialoguer prompt (raw mode, the prompt
//! returns `Interrupted`) and as SIGINT when it lands between two key reads. The farewell
//! therefore runs under a lock, at most once: whichever path comes second waits for the
//! first to finish rather than exiting halfway through it.

use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use crate::exit;

type Farewell = Box<dyn FnOnce() + Send>;

static FAREWELL: Mutex<Option<Farewell>> = Mutex::new(None);
static INSTALLED: OnceLock<Result<(), String>> = OnceLock::new();

fn slot() -> MutexGuard<'static, Option<Farewell>> {
    FAREWELL.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Installs the SIGINT handler (once per process).
pub fn install() -> Result<(), String> {
    INSTALLED
        .get_or_init(|| ctrlc::set_handler(on_interrupt).map_err(|e| e.to_string()))
        .clone()
}

/// What to do on Ctrl-C until [`disarm`] or [`run_farewell`].
pub fn arm(farewell: impl FnOnce() + Send + 'static) {
    *slot() = Some(Box::new(farewell));
}

/// The loop ended on its own: forget the farewell. Waits if a Ctrl-C is running it.
pub fn disarm() {
    slot().take();
}

/// Runs the armed farewell, if any, holding the lock so that a second Ctrl-C path waits.
pub fn run_farewell() {
    let mut slot = slot();
    if let Some(farewell) = slot.take() {
        farewell();
    }
}

/// Shows the cursor again on the streams dialoguer may have drawn on: only terminals, so
/// that plain mode's piped output never gets an escape sequence.
pub fn restore_terminal() {
    for term in [console::Term::stderr(), console::Term::stdout()] {
        if term.is_term() {
            let _ = term.show_cursor();
        }
    }
}

fn on_interrupt() {
    restore_terminal();
    run_farewell();
    std::process::exit(i32::from(exit::INTERRUPTED));
}
