//! Every way a session can be stopped from outside ends it the same way: Ctrl-C (SIGINT),
//! SIGTERM (`kill`, a shutdown) and SIGHUP (the terminal window closed, `tmux
//! kill-session`). One handler, installed once, restores the terminal, runs the loop's armed
//! farewell (mark the session interrupted, print a summary) and exits with 128 + the
//! signal's number: 130, 143 or 129.
//!
//! dialoguer leaves the cursor hidden when a prompt is interrupted (its issues #77, #92,
//! #188, #294), and a prompt reads keys in raw mode, so both are put back first.
//!
//! Ctrl-C can arrive twice over: as a key inside a dialoguer prompt (raw mode, the prompt
//! returns `Interrupted`) and as SIGINT when it lands between two key reads. The farewell
//! therefore runs under a lock, at most once: whichever path comes second waits for the
//! first to finish rather than exiting halfway through it. A signal exits while still
//! holding the lock, so the loop cannot finish the session a second time meanwhile.

use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use crate::exit;

type Farewell = Box<dyn FnOnce() + Send>;

static FAREWELL: Mutex<Option<Farewell>> = Mutex::new(None);
static INSTALLED: OnceLock<Result<(), String>> = OnceLock::new();

/// The signals that end a session, and the exit code for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// Ctrl-C.
    Interrupt,
    /// SIGTERM.
    Terminate,
    /// SIGHUP: the terminal went away.
    HangUp,
}

impl Stop {
    pub fn exit_code(self) -> u8 {
        match self {
            Stop::Interrupt => exit::INTERRUPTED,
            Stop::Terminate => exit::TERMINATED,
            Stop::HangUp => exit::HUNG_UP,
        }
    }
}

fn slot() -> MutexGuard<'static, Option<Farewell>> {
    FAREWELL.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Keeps the terminal's settings as they are now, for a signal to put back: the first
/// call counts, so call it before changing them.
pub fn save_modes() {
    platform::save_modes();
}

/// Installs the handler for SIGINT, SIGTERM and SIGHUP (once per process).
pub fn install() -> Result<(), String> {
    INSTALLED.get_or_init(platform::install).clone()
}

/// What to do on a stop until [`disarm`] or [`run_farewell`].
pub fn arm(farewell: impl FnOnce() + Send + 'static) {
    *slot() = Some(Box::new(farewell));
}

/// The loop ended on its own: forget the farewell. Waits if a signal is running it.
pub fn disarm() {
    slot().take();
}

/// The exit code for a session stopped at a prompt: the prompt's read was cut short by a
/// signal (or Ctrl-C typed in raw mode), and this says which, so that the loop's own
/// farewell exits as the signal's would.
pub fn exit_code() -> u8 {
    platform::received().map_or(exit::INTERRUPTED, Stop::exit_code)
}

/// Runs the armed farewell, if any, holding the lock so that a second Ctrl-C path waits.
pub fn run_farewell() {
    let mut slot = slot();
    if let Some(farewell) = slot.take() {
        farewell();
    }
}

/// Puts the terminal's settings back as they were before any prompt, and shows the cursor
/// again on the streams dialoguer may have drawn on: only terminals, so that plain mode's
/// piped output never gets an escape sequence.
pub fn restore_terminal() {
    platform::restore_modes();
    for term in [console::Term::stderr(), console::Term::stdout()] {
        if term.is_term() {
            let _ = term.show_cursor();
        }
    }
}

/// A signal arrived: put the terminal back, say goodbye, exit. The farewell's lock is held
/// until the process is gone.
fn on_stop(stop: Stop) -> ! {
    let mut slot = slot();
    restore_terminal();
    if let Some(farewell) = slot.take() {
        // Whatever happens in it (a closed terminal fails every write), the process ends.
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(farewell));
    }
    // Once more on the way out: a key read cut short by this signal puts back the settings
    // it found, the frontend's keys mode, and on a loaded machine it may do so after the
    // restore above.
    platform::restore_modes();
    std::process::exit(i32::from(stop.exit_code()));
}

#[cfg(unix)]
mod platform {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, OnceLock};

    use rustix::termios::{OptionalActions, Termios, tcgetattr, tcsetattr};
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;

    use super::{Stop, on_stop};

    /// The terminal's settings before any prompt, if stdin is a terminal.
    static SAVED: OnceLock<Option<Termios>> = OnceLock::new();
    /// SIGTERM and SIGHUP received, set in the signal handler itself: before a read they cut
    /// short returns to the loop. They outrank SIGINT, which console raises itself when a
    /// read of a key is cut short by any signal.
    static RECEIVED: OnceLock<[Arc<AtomicBool>; 2]> = OnceLock::new();

    pub fn received() -> Option<Stop> {
        let [term, hup] = RECEIVED.get()?;
        match (term.load(Ordering::SeqCst), hup.load(Ordering::SeqCst)) {
            (true, _) => Some(Stop::Terminate),
            (false, true) => Some(Stop::HangUp),
            (false, false) => None,
        }
    }

    pub fn save_modes() {
        SAVED.get_or_init(|| tcgetattr(std::io::stdin()).ok());
    }

    pub fn install() -> Result<(), String> {
        save_modes();
        let [term, hup] = RECEIVED.get_or_init(Default::default);
        for (signal, flag) in [(SIGTERM, term), (SIGHUP, hup)] {
            signal_hook::flag::register(signal, Arc::clone(flag)).map_err(|e| e.to_string())?;
        }
        let mut signals = Signals::new([SIGINT, SIGTERM, SIGHUP]).map_err(|e| e.to_string())?;
        std::thread::Builder::new()
            .name("factdeck-signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    on_stop(received().unwrap_or(match signal {
                        SIGTERM => Stop::Terminate,
                        SIGHUP => Stop::HangUp,
                        _ => Stop::Interrupt,
                    }));
                }
            })
            .map(drop)
            .map_err(|e| e.to_string())
    }

    /// Leaves raw mode if a prompt was reading keys when the signal came.
    pub fn restore_modes() {
        if let Some(Some(saved)) = SAVED.get() {
            let _ = tcsetattr(std::io::stdin(), OptionalActions::Now, saved);
        }
    }
}

#[cfg(not(unix))]
mod platform {
    use super::{Stop, on_stop};

    pub fn install() -> Result<(), String> {
        ctrlc::set_handler(|| on_stop(Stop::Interrupt)).map_err(|e| e.to_string())
    }

    pub fn received() -> Option<Stop> {
        None
    }

    pub fn save_modes() {}

    pub fn restore_modes() {}
}
