//! Terminal facts the commands share: whether to use colour.

use std::io::IsTerminal;

/// Colour on stderr: only for a terminal, and never when `NO_COLOR` is set (non-empty).
pub fn stderr_color() -> bool {
    no_color_unset() && std::io::stderr().is_terminal()
}

/// Colour on stdout, by the same rule.
pub fn stdout_color() -> bool {
    no_color_unset() && std::io::stdout().is_terminal()
}

fn no_color_unset() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
