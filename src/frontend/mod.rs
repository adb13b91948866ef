//! How the quiz and review loops talk to a person: a small trait with two implementations,
//! dialoguer prompts for terminals and a plain line-based one for pipes, scripts and screen
//! readers. The loops never know which one they have.

pub mod interrupt;
mod keys_mode;
mod line;
mod menu;
pub mod plain;
pub mod terminal;
pub mod wrap;

use std::io;

pub use crate::question::YesNo;
use crate::srs::Rating;

/// The frontend for this process: plain when asked for, or when stdin or stderr is not a
/// terminal (dialoguer needs both); else dialoguer prompts in one theme.
pub fn for_this_process(plain: bool) -> Box<dyn Frontend> {
    use std::io::IsTerminal;
    let stdin_is_terminal = io::stdin().is_terminal();
    if plain || !stdin_is_terminal || !io::stderr().is_terminal() {
        Box::new(
            plain::Plain::new(io::stdin().lock(), io::stdout())
                .newline_after_input(!stdin_is_terminal),
        )
    } else {
        Box::new(terminal::Terminal::new(crate::term::stderr_color()))
    }
}

/// The longest answer taken, in characters: far beyond any real answer, and a bound on
/// what the grader and the store are given.
pub const MAX_ANSWER_CHARS: usize = 1_000;

/// What a prompt asks for.
#[derive(Debug, Clone, Copy)]
pub enum AskKind<'a> {
    /// Pick one of these options.
    Choice(&'a [String]),
    /// True or false, with the words the deck's language shows for each ("True", "Richtig").
    TrueFalse { yes: &'a str, no: &'a str },
    /// Put these items in order.
    Order(&'a [String]),
    /// Type an answer.
    Typed,
}

/// One question put to the person.
#[derive(Debug, Clone, Copy)]
pub struct Ask<'a> {
    /// Progress line shown above the prompt: "Question 3 of 10 · 2 correct".
    pub header: &'a str,
    pub prompt: &'a str,
    pub kind: AskKind<'a>,
    /// The options are numbers: a typed number means the option of that value, never the
    /// option at that place in the list; letters name the options.
    pub numeric_options: bool,
}

/// What came back from a prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply<T> {
    /// The answer, as text the grader understands: an option's number ("2"), "true" or
    /// "false", an ordering ("3 1 2"), or what was typed.
    Answer(T),
    /// The person is done: end of input in plain mode, Esc in the terminal.
    Quit,
}

/// The rating prompt of a flashcard.
#[derive(Debug, Clone, Copy)]
pub struct RateAsk<'a> {
    pub prompt: &'a str,
    /// Where each rating, Again to Easy, would put the card ("<10m", "3d"); `None` when the
    /// schedule does not move (cram).
    pub intervals: Option<&'a [String; 4]>,
    /// The rating Enter gives: the grader's suggestion after a typed answer.
    pub suggested: Option<Rating>,
    /// `u` undoes the last rating.
    pub undo: bool,
}

impl RateAsk<'_> {
    /// "1 again <10m · 2 hard 1d · 3 good 3d · 4 easy 8d", with "u undo" when it applies.
    pub fn keys(&self) -> String {
        let mut keys: Vec<String> = Rating::ALL
            .iter()
            .enumerate()
            .map(|(i, r)| match self.intervals {
                Some(intervals) => format!("{} {} {}", r.number(), r.name(), intervals[i]),
                None => format!("{} {}", r.number(), r.name()),
            })
            .collect();
        if self.undo {
            keys.push("u undo".to_owned());
        }
        keys.join(" · ")
    }
}

/// A rating, or the wish to take the last one back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rated {
    Rating(Rating),
    Undo,
}

/// What the pause before a card's answer can lead to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paused {
    /// Show the answer.
    Show,
    /// Take back the rating of the card before.
    Undo,
}

/// Why a prompt could not be answered.
#[derive(Debug, thiserror::Error)]
pub enum FrontendError {
    /// Ctrl-C.
    #[error("interrupted")]
    Interrupted,
    #[error("terminal input/output failed")]
    Io(#[source] io::Error),
}

impl From<io::Error> for FrontendError {
    /// A read cut short by Ctrl-C (console reports it as `Interrupted`) is Ctrl-C.
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::Interrupted {
            FrontendError::Interrupted
        } else {
            FrontendError::Io(e)
        }
    }
}

impl From<dialoguer::Error> for FrontendError {
    fn from(e: dialoguer::Error) -> Self {
        let dialoguer::Error::IO(io) = e;
        io.into()
    }
}

/// The prompts a study loop needs.
pub trait Frontend {
    /// Asks a question; the answer comes back as text for the grader.
    fn ask(&mut self, ask: &Ask<'_>) -> Result<Reply<String>, FrontendError>;

    /// A yes/no question with a default ("Count it as correct?"), answered with `words`
    /// (English "y" and "yes" always count).
    fn confirm(
        &mut self,
        prompt: &str,
        default: bool,
        words: &YesNo,
    ) -> Result<Reply<bool>, FrontendError>;

    /// How well a flashcard was recalled: Again, Hard, Good or Easy (keys 1 to 4), or undo.
    fn rate(&mut self, ask: &RateAsk<'_>) -> Result<Reply<Rated>, FrontendError>;

    /// Waits until the person is ready ("Press Enter to show the answer"); with `undo`, `u`
    /// asks to take back the last rating instead.
    fn pause(&mut self, prompt: &str, undo: bool) -> Result<Reply<Paused>, FrontendError>;

    /// Shows a block of text: feedback, explanations, the summary.
    fn show(&mut self, text: &str) -> Result<(), FrontendError>;
}
