//! While the terminal frontend is up, the terminal hands keys over as they are typed and
//! echoes none of them: factdeck draws every key itself.
//!
//! console reads each key in raw mode and puts the terminal's own settings back after it,
//! so between two reads (while a prompt is drawn, a verdict printed) the terminal is back
//! in line mode. A key typed in that gap was echoed where the cursor happened to be, and a
//! Backspace in it was applied by the terminal to the bytes of the line: without `iutf8`
//! it removed one byte of a three-byte syllable, and "세종대왕", two Backspaces and "조"
//! reached factdeck as "세종대조" or as bytes that are no letter at all. With line mode
//! and echo off for as long as the frontend lives, a key typed early waits, untouched,
//! for the prompt that reads it.
//!
//! Ctrl-C keeps working in the gaps (signals stay on), and a signal puts back the settings
//! saved before this mode was entered (`interrupt`).

/// Line mode and echo off until dropped; nothing at all when stdin is not a terminal.
#[derive(Debug)]
pub struct KeysMode {
    #[cfg(unix)]
    before: Option<rustix::termios::Termios>,
}

#[cfg(unix)]
impl KeysMode {
    pub fn enter() -> KeysMode {
        use rustix::termios::{
            LocalModes, OptionalActions, SpecialCodeIndex, tcgetattr, tcsetattr,
        };

        // What a signal puts back must be the settings from before this change.
        super::interrupt::save_modes();
        let stdin = std::io::stdin();
        let Ok(before) = tcgetattr(&stdin) else {
            return KeysMode { before: None };
        };
        let mut keys = before.clone();
        keys.local_modes
            .remove(LocalModes::ICANON | LocalModes::ECHO);
        keys.special_codes[SpecialCodeIndex::VMIN] = 1;
        keys.special_codes[SpecialCodeIndex::VTIME] = 0;
        // `Now`, not a flush: keys already typed are kept for the first prompt.
        let entered = tcsetattr(&stdin, OptionalActions::Now, &keys).is_ok();
        KeysMode {
            before: entered.then_some(before),
        }
    }
}

#[cfg(unix)]
impl Drop for KeysMode {
    fn drop(&mut self) {
        if let Some(before) = &self.before {
            let _ = rustix::termios::tcsetattr(
                std::io::stdin(),
                rustix::termios::OptionalActions::Now,
                before,
            );
        }
    }
}

#[cfg(not(unix))]
impl KeysMode {
    /// console reads a Windows console's key events, which queue up as typed.
    pub fn enter() -> KeysMode {
        KeysMode {}
    }
}
