//! The terminal frontend, drawn on stderr: menus that always fit (`menu`), typed answers
//! edited by display width (`line`), yes/no questions through dialoguer, and text wrapped
//! at word boundaries to the width.

use console::{Key, Term, style};
use dialoguer::Input;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};

use super::keys_mode::KeysMode;
use super::line;
use super::menu::{Chosen, Menu, MenuKind};
use super::{Ask, AskKind, Frontend, FrontendError, Paused, RateAsk, Rated, Reply, YesNo, wrap};
use crate::question::option_letter;
use crate::srs::Rating;

/// What Esc asks before a session ends.
const END_PROMPT: &str = "End now? Everything answered so far is saved.";

/// Arrow keys, Enter, and Esc to stop (after a yes).
pub struct Terminal {
    term: Term,
    theme: Box<dyn Theme>,
    color: bool,
    _keys: KeysMode,
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
            // No green tick before an answer is graded: dialoguer's success mark would say
            // "right" to a wrong typed answer.
            Box::new(ColorfulTheme {
                success_prefix: style("›".to_owned()).dim(),
                ..ColorfulTheme::default()
            })
        } else {
            Box::new(SimpleTheme)
        };
        Terminal {
            term: Term::stderr(),
            theme,
            color,
            _keys: KeysMode::enter(),
        }
    }

    fn width(&self) -> usize {
        wrap::usable(self.term.size().1)
    }

    /// Writes text wrapped to the terminal's width.
    fn say(&self, text: &str) -> Result<(), FrontendError> {
        self.term.write_line(&wrap::block(text, self.width()))?;
        Ok(())
    }

    fn dim(&self, text: &str) -> String {
        match self.color {
            true => style(text).dim().to_string(),
            false => text.to_owned(),
        }
    }

    /// A menu under the question; Esc asks before ending, and says no to go on.
    fn menu(
        &self,
        context: &[String],
        items: &[String],
        kind: MenuKind,
        lettered: bool,
    ) -> Result<Option<Chosen>, FrontendError> {
        loop {
            let menu = Menu {
                context: context.to_vec(),
                items: items.to_vec(),
                lettered,
                kind,
                color: self.color,
            };
            match menu.run(&self.term)? {
                Chosen::Escape => {
                    if self.yes_no(END_PROMPT, false, &YesNo::ENGLISH)? {
                        return Ok(None);
                    }
                }
                chosen => return Ok(Some(chosen)),
            }
        }
    }

    /// A yes/no question answered with a line ("y", "yes", "n", "no", or Enter for the
    /// default): every key typed is part of the answer, none is left for the next prompt.
    fn yes_no(&self, prompt: &str, default: bool, words: &YesNo) -> Result<bool, FrontendError> {
        let choices = words.choices(default);
        // dialoguer clears one row after the answer: a prompt that would wrap (a long one,
        // wide characters on a narrow terminal) goes above it, wrapped, and the input row
        // holds only the choices.
        let full = format!("{prompt} {choices}");
        let fits = console::measure_text_width(&full) + 4 <= self.width();
        let input_prompt = if fits {
            full
        } else {
            self.say(prompt)?;
            choices.to_string()
        };
        let line = Input::<String>::with_theme(self.theme.as_ref())
            .with_prompt(input_prompt)
            .allow_empty(true)
            .report(false)
            .validate_with(|text: &String| match yes_or_no(text, words) {
                Some(_) => Ok(()),
                None => Err(format!(
                    "answer {} or {}",
                    shortest(words.yes),
                    shortest(words.no)
                )),
            })
            .interact_text_on(&self.term)?;
        let answer = yes_or_no(&line, words).flatten().unwrap_or(default);
        // The first word of each list is the whole word: "yes", "ja".
        let word = if answer { words.yes[0] } else { words.no[0] };
        let echo = if fits {
            format!("{prompt} {word}")
        } else {
            word.to_owned()
        };
        self.say(&self.dim(&echo))?;
        Ok(answer)
    }

    /// A typed answer; Esc asks before ending, and after a no the text typed so far comes
    /// back to be edited on.
    fn typed(&self, prompt: &str) -> Result<Option<String>, FrontendError> {
        let mut so_far = String::new();
        loop {
            match line::read_line(&self.term, prompt, &so_far)? {
                line::Read::Line(text) => return Ok(Some(text)),
                line::Read::Escape(text) => {
                    if self.yes_no(END_PROMPT, false, &YesNo::ENGLISH)? {
                        return Ok(None);
                    }
                    so_far = text;
                }
            }
        }
    }

    /// Writes `prompt` and waits for one of the keys `accept` maps to an answer; Esc asks
    /// before ending, and the prompt comes back after a no.
    fn key<T>(
        &self,
        prompt: &str,
        accept: impl Fn(&Key) -> Option<T>,
    ) -> Result<Reply<T>, FrontendError> {
        self.term.write_str(prompt)?;
        loop {
            let key = self.term.read_key()?;
            if let Some(answer) = accept(&key) {
                return Ok(Reply::Answer(answer));
            }
            if key == Key::Escape {
                self.term.write_line("")?;
                if self.yes_no(END_PROMPT, false, &YesNo::ENGLISH)? {
                    return Ok(Reply::Quit);
                }
                self.term.write_str(prompt)?;
            }
        }
    }
}

/// The shortest of `words`, the first of equals: "y" of "yes" and "y".
fn shortest<'w>(words: &[&'w str]) -> &'w str {
    words
        .iter()
        .copied()
        .reduce(|a, b| {
            if b.chars().count() < a.chars().count() {
                b
            } else {
                a
            }
        })
        .unwrap_or("")
}

/// `Some(Some(answer))` for yes or no, `Some(None)` for an empty line, `None` otherwise.
fn yes_or_no(text: &str, words: &YesNo) -> Option<Option<bool>> {
    if text.trim().is_empty() {
        return Some(None);
    }
    words.read(text).map(Some)
}

impl Frontend for Terminal {
    fn ask(&mut self, ask: &Ask<'_>) -> Result<Reply<String>, FrontendError> {
        self.term.write_line("")?;
        let mut context = Vec::new();
        if !ask.header.is_empty() {
            context.push(self.dim(ask.header));
        }
        context.push(match self.color {
            true => style(ask.prompt).bold().to_string(),
            false => ask.prompt.to_owned(),
        });
        // The question goes above the widget, wrapped here: a menu redraws only its own rows.
        for line in &context {
            self.say(line)?;
        }
        let reply = match ask.kind {
            // The option's own text: for options that are numbers, "2" would be a value.
            AskKind::Choice(options) => self
                .menu(&context, options, MenuKind::Pick, true)?
                .and_then(|chosen| match chosen {
                    Chosen::Picked(i) => options.get(i).map(|o| (i, o)),
                    _ => None,
                })
                .map(|(i, option)| (format!("{}) {option}", option_letter(i)), option.clone())),
            AskKind::TrueFalse { yes, no } => {
                let items = [yes.to_owned(), no.to_owned()];
                self.menu(&context, &items, MenuKind::Pick, false)?
                    .and_then(|chosen| match chosen {
                        Chosen::Picked(0) => Some((yes.to_lowercase(), "true".to_owned())),
                        Chosen::Picked(_) => Some((no.to_lowercase(), "false".to_owned())),
                        _ => None,
                    })
            }
            AskKind::Order(items) => self
                .menu(&context, items, MenuKind::Order, true)?
                .and_then(|chosen| match chosen {
                    Chosen::Ordered(order) => Some(order),
                    _ => None,
                })
                .map(|order| {
                    let shown: Vec<String> = order
                        .iter()
                        .enumerate()
                        .map(|(n, &i)| {
                            let item = items.get(i).map_or("", String::as_str);
                            format!("  {}. {}) {item}", n + 1, option_letter(i))
                        })
                        .collect();
                    let given: Vec<String> = order.iter().map(|i| (i + 1).to_string()).collect();
                    (format!("\n{}", shown.join("\n")), given.join(" "))
                }),
            AskKind::Typed => {
                // Drawn as dialoguer draws its prompts, edited by display width (`line`).
                let mut prompt = String::new();
                self.theme
                    .format_input_prompt(&mut prompt, "Answer", None)
                    .map_err(|_| std::io::Error::other("the prompt could not be drawn"))?;
                self.typed(&prompt)?.map(|typed| (typed.clone(), typed))
            }
        };
        let Some((echo, answer)) = reply else {
            return Ok(Reply::Quit);
        };
        // What was submitted, in neutral words: the verdict comes next, from the grader.
        let label = match ask.kind {
            AskKind::Order(_) => "Your order:",
            _ => "Your answer:",
        };
        let echo = format!("{} {echo}", self.dim(label));
        let echo = match ask.kind {
            AskKind::Order(_) => wrap::block(&echo, self.width()),
            _ => wrap::hanging(&echo, self.width(), 2),
        };
        self.term.write_line(&echo)?;
        Ok(Reply::Answer(answer))
    }

    fn confirm(
        &mut self,
        prompt: &str,
        default: bool,
        words: &YesNo,
    ) -> Result<Reply<bool>, FrontendError> {
        Ok(Reply::Answer(self.yes_no(prompt, default, words)?))
    }

    fn rate(&mut self, ask: &RateAsk<'_>) -> Result<Reply<Rated>, FrontendError> {
        self.say(ask.prompt)?;
        let mut keys = ask.keys();
        if let Some(r) = ask.suggested {
            keys.push_str(&format!(" · Enter {}", r.name()));
        }
        // A key and what it does stay on one line: wrapping breaks only between keys.
        let keys = keys
            .split(" · ")
            .map(|key| key.replace(' ', "\u{a0}"))
            .collect::<Vec<_>>()
            .join(" · ");
        let prompt = format!("{} ", self.dim(&wrap::block(&keys, self.width())));
        // One key: the number, or the initial; Enter for the suggestion; u to undo.
        let reply = self.key(&prompt, |key| match key {
            Key::Char('u' | 'U') if ask.undo => Some(Rated::Undo),
            Key::Char(c) => Rating::parse(c.encode_utf8(&mut [0; 4])).map(Rated::Rating),
            Key::Enter => ask.suggested.map(Rated::Rating),
            _ => None,
        })?;
        self.term.write_line("")?;
        if let Reply::Answer(Rated::Rating(r)) = &reply {
            self.say(&format!("Rated: {}", r.name()))?;
        }
        Ok(reply)
    }

    fn pause(&mut self, prompt: &str, undo: bool) -> Result<Reply<Paused>, FrontendError> {
        let hint = if undo {
            " (u undoes the last rating)"
        } else {
            ""
        };
        let prompt = format!("{prompt}{} ", self.dim(hint));
        let reply = self.key(&prompt, |key| match key {
            Key::Enter | Key::Char(' ') => Some(Paused::Show),
            Key::Char('u' | 'U') if undo => Some(Paused::Undo),
            _ => None,
        })?;
        self.term.write_line("")?;
        Ok(reply)
    }

    fn show(&mut self, text: &str) -> Result<(), FrontendError> {
        self.say(text)
    }
}
