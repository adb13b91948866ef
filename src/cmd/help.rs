//! `factdeck help TOPIC`: a guide from `docs/`, compiled into the binary, drawn for the
//! terminal. `factdeck help COMMAND` stays clap's; this only answers for a guide's name.

use std::ffi::OsString;
use std::io::Write;

use crate::exit;
use crate::help::{self, Topic};

/// Guides are read, not scanned: past this width lines get hard to follow.
const MAX_WIDTH: usize = 100;

/// The guide `args` (the process's, program name first) ask for with `help TOPIC`, if any.
pub fn requested(args: impl IntoIterator<Item = OsString>) -> Option<&'static Topic> {
    // The global options may come first (`--data-dir DIR help deck-format`); a guide needs
    // neither.
    let mut args = args.into_iter().skip(1);
    let mut rest = Vec::new();
    while let Some(arg) = args.next() {
        if arg == "--data-dir" || arg == "--learner" {
            args.next();
        } else if !arg
            .to_str()
            .is_some_and(|a| a.starts_with("--data-dir=") || a.starts_with("--learner="))
        {
            rest.push(arg);
        }
    }
    match rest.as_slice() {
        [help, name] if help == "help" => help::topic(name.to_str()?),
        _ => None,
    }
}

/// Prints `topic` on stdout, as wide as the terminal (at most [`MAX_WIDTH`]), in colour on a
/// terminal without `NO_COLOR`. A closed pipe (`| head`) ends it quietly.
pub fn print(topic: &Topic) -> u8 {
    let width = console::Term::stdout()
        .size_checked()
        .map_or(80, |(_, cols)| usize::from(cols))
        .min(MAX_WIDTH);
    let text = help::to_terminal(topic.markdown, width, crate::term::stdout_color());
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("factdeck: writing the guide: {e}");
            exit::ERROR
        }
        _ => exit::OK,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn only_a_guide_name_after_help_is_taken() {
        let name = |a: &[&str]| requested(args(a)).map(|t| t.name);
        assert_eq!(
            name(&["factdeck", "help", "deck-format"]),
            Some("deck-format")
        );
        assert_eq!(name(&["factdeck", "help", "quiz"]), None);
        assert_eq!(name(&["factdeck", "help"]), None);
        assert_eq!(name(&["factdeck", "quiz", "deck-format"]), None);
        assert_eq!(
            name(&[
                "factdeck",
                "--data-dir",
                "d",
                "--learner=x",
                "help",
                "gallery"
            ]),
            Some("gallery")
        );
    }

    #[test]
    fn the_top_level_help_lists_every_guide() {
        let help = crate::cli::command().render_long_help().to_string();
        for topic in help::TOPICS {
            assert!(
                help.contains(&format!("  {}", topic.name)),
                "{}",
                topic.name
            );
        }
    }
}
