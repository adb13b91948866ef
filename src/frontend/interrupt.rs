//! Ctrl-C. dialoguer leaves the cursor hidden when a prompt is interrupted (its issues
//! #77, #92, #188, #294), and a SIGINT between prompts or in plain mode would otherwise kill
//! the process before the session is marked interrupted. So one handler, installed once,
//! restores the cursor, runs the loop's registered farewell (mark the session, print a
//! summary) and exits with 130.

use std::sync::{Mutex, OnceLock};

use crate::exit;

type Farewell = Box<dyn FnOnce() + Send>;

static FAREWELL: Mutex<Option<Farewell>> = Mutex::new(None);
/// Held while a farewell runs, so the signal handler's exit waits for the one the loop is
/// giving (Ctrl-C in a terminal prompt reaches both: the prompt returns `Interrupted` and
/// console raises SIGINT).
static RUNNING: Mutex<()> = Mutex::new(());
static INSTALLED: OnceLock<Result<(), String>> = OnceLock::new();

/// Installs the SIGINT handler (once per process).
pub fn install() -> Result<(), String> {
    INSTALLED
        .get_or_init(|| ctrlc::set_handler(on_interrupt).map_err(|e| e.to_string()))
        .clone()
}

/// What to do on Ctrl-C until [`take`] or [`run_farewell`] takes it: it runs at most once.
pub fn on_interrupt_run(farewell: impl FnOnce() + Send + 'static) {
    if let Ok(mut slot) = FAREWELL.lock() {
        *slot = Some(Box::new(farewell));
    }
}

/// Forgets the farewell (the loop ended normally), returning it so the caller can run it.
pub fn take() -> Option<Box<dyn FnOnce() + Send>> {
    FAREWELL.lock().ok().and_then(|mut slot| slot.take())
}

/// Runs the farewell if it is still registered; waits for one already running elsewhere.
pub fn run_farewell() {
    let _running = RUNNING.lock();
    if let Some(farewell) = take() {
        farewell();
    }
}

/// Shows the cursor again on both streams dialoguer may have drawn on.
pub fn restore_terminal() {
    let _ = console::Term::stderr().show_cursor();
    let _ = console::Term::stdout().show_cursor();
}

fn on_interrupt() {
    restore_terminal();
    run_farewell();
    std::process::exit(i32::from(exit::INTERRUPTED));
}
