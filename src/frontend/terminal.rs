//! The terminal frontend: dialoguer prompts drawn on stderr, in one theme.

use console::Term;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Confirm, Input, Select, Sort};

use super::{Ask, AskKind, Frontend, FrontendError, Reply};
use crate::srs::Rating;

/// Arrow keys, Enter, and Esc to stop.
pub struct Terminal {
    term: Term,
    theme: Box<dyn Theme>,
}

impl std::fmt::Debug for Terminal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Terminal").finish_non_exhaustive()
    }
}

impl Terminal {
    /// `color` should be false when `NO_COLOR` is set or stderr is not a terminal.
    pub fn new(color: bool) -> Self {
        let theme: Box<dyn Theme> = if color {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(SimpleTheme)
        };
        Terminal {
            term: Term::stderr(),
            theme,
        }
    }

    fn select(&self, prompt: &str, items: &[String]) -> Result<Option<usize>, FrontendError> {
        Ok(Select::with_theme(self.theme.as_ref())
            .with_prompt(prompt)
            .items(items)
            .default(0)
            .interact_on_opt(&self.term)?)
    }
}

impl Frontend for Terminal {
    fn ask(&mut self, ask: &Ask<'_>) -> Result<Reply<String>, FrontendError> {
        self.term.write_line("")?;
        if !ask.header.is_empty() {
            self.term
                .write_line(&console::style(ask.header).dim().to_string())?;
        }
        // The question goes above the widget: dialoguer redraws its prompt line, and a long
        // prompt that wraps would leave half-lines behind.
        self.term
            .write_line(&console::style(ask.prompt).bold().to_string())?;
        let reply = match ask.kind {
            // The option's own text: for options that are numbers, "2" would be a value.
            AskKind::Choice(options) => self
                .select("Answer", options)?
                .and_then(|i| options.get(i).cloned()),
            AskKind::TrueFalse => {
                let items = ["True".to_owned(), "False".to_owned()];
                self.select("Answer", &items)?
                    .map(|i| if i == 0 { "true" } else { "false" }.to_owned())
            }
            AskKind::Order(items) => Sort::with_theme(self.theme.as_ref())
                .with_prompt("Order (arrows move, Space picks up and drops, Enter confirms)")
                .report(false)
                .items(items)
                .interact_on_opt(&self.term)?
                .map(|order| {
                    order
                        .iter()
                        .map(|i| (i + 1).to_string())
                        .collect::<Vec<_>>()
                        .join(" ")
                }),
            AskKind::Typed => Some(
                Input::<String>::with_theme(self.theme.as_ref())
                    .with_prompt("Answer")
                    .allow_empty(true)
                    .interact_text_on(&self.term)?,
            ),
        };
        Ok(reply.map_or(Reply::Quit, Reply::Answer))
    }

    fn confirm(&mut self, prompt: &str, default: bool) -> Result<Reply<bool>, FrontendError> {
        let answer = Confirm::with_theme(self.theme.as_ref())
            .with_prompt(prompt)
            .default(default)
            .interact_on_opt(&self.term)?;
        Ok(answer.map_or(Reply::Quit, Reply::Answer))
    }

    fn rate(&mut self, prompt: &str) -> Result<Reply<Rating>, FrontendError> {
        let keys = Rating::ALL
            .map(|r| format!("{} {}", r.number(), r.name()))
            .join("  ");
        self.term
            .write_str(&format!("{prompt}  {}  ", console::style(keys).dim()))?;
        // One key: the number, or the initial; Esc stops.
        loop {
            match self.term.read_key()? {
                console::Key::Char(c) => {
                    if let Some(rating) = Rating::parse(c.encode_utf8(&mut [0; 4])) {
                        self.term.write_line(rating.name())?;
                        return Ok(Reply::Answer(rating));
                    }
                }
                console::Key::Escape => {
                    self.term.write_line("")?;
                    return Ok(Reply::Quit);
                }
                _ => {}
            }
        }
    }

    fn pause(&mut self, prompt: &str) -> Result<Reply<()>, FrontendError> {
        self.term.write_str(&format!("{prompt} "))?;
        loop {
            match self.term.read_key()? {
                console::Key::Enter | console::Key::Char(' ') => break,
                console::Key::Escape => return Ok(Reply::Quit),
                _ => {}
            }
        }
        self.term.write_line("")?;
        Ok(Reply::Answer(()))
    }

    fn show(&mut self, text: &str) -> Result<(), FrontendError> {
        self.term.write_line(text)?;
        Ok(())
    }
}
