//! Terminal facts the commands share: whether to use colour, and how text from outside is
//! shown safely.

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

/// Characters that change how a terminal shows what follows without being seen themselves:
/// bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069: "Trojan
/// Source"), the zero-width space and word joiner (U+200B, U+2060), the line and paragraph
/// separators (U+2028, U+2029), the byte-order mark (U+FEFF) and the soft hyphen (U+00AD).
/// The marks that scripts need in text (U+200C, U+200D, U+200E, U+200F) are not among them.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{200b}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
    )
}

/// Text from outside the program (a path, deck text, an answer typed or stored) as it may
/// reach a terminal: every control character but a newline and a tab, and every
/// [`is_invisible`] character, is shown instead of obeyed. C0 controls become their
/// Unicode control pictures (ESC is `␛`), as `check` shows them in deck lines; the rest
/// become `<U+202E>`. The one function every such text passes on its way out.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| (c.is_control() && c != '\n' && c != '\t') || is_invisible(c);
    if !text.chars().any(hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if !hidden(c) => out.push(c),
            '\0'..='\u{1f}' => out.push(char::from_u32(0x2400 + u32::from(c)).unwrap_or('?')),
            '\u{7f}' => out.push('\u{2421}'),
            c => out.push_str(&format!("<U+{:04X}>", u32::from(c))),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A path as it may reach a terminal (see [`visible`]); bytes that are not UTF-8 show as
/// U+FFFD.
pub fn visible_path(path: &std::path::Path) -> String {
    visible(&path.to_string_lossy()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_invisible_characters_are_shown_not_obeyed() {
        assert_eq!(
            visible("x\u{1b}]0;pwned\u{7}\u{1b}[2J.toml"),
            "x␛]0;pwned␇␛[2J.toml"
        );
        assert_eq!(visible("a\u{9b}31m\u{7f}"), "a<U+009B>31m␡");
        assert_eq!(visible("abc\u{202e}fdp.exe"), "abc<U+202E>fdp.exe");
        assert_eq!(visible("over\rwrite"), "over␍write");
        assert_eq!(
            visible("two\nlines\tand tab, café"),
            "two\nlines\tand tab, café"
        );
        assert!(matches!(visible("plain"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn paths_are_shown_the_same_way() {
        let path = std::path::Path::new("/tmp/x\u{1b}[2J.toml");
        assert_eq!(visible_path(path), "/tmp/x␛[2J.toml");
    }
}
