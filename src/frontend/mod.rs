//! How the quiz and review loops talk to a person: a small trait with two implementations,
//! dialoguer prompts for terminals and a plain line-based one for pipes, scripts and screen
//! readers. The loops never know which one they have.

pub mod interrupt;
pub mod plain;
pub mod terminal;

use std::io;

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

/// What a prompt asks for.
#[derive(Debug, Clone, Copy)]
pub enum AskKind<'a> {
    /// Pick one of these options.
    Choice(&'a [String]),
    /// True or false.
    TrueFalse,
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

    /// A yes/no question with a default ("Count it as correct?").
    fn confirm(&mut self, prompt: &str, default: bool) -> Result<Reply<bool>, FrontendError>;

    /// How well a flashcard was recalled: Again, Hard, Good or Easy (keys 1 to 4).
    fn rate(&mut self, prompt: &str) -> Result<Reply<Rating>, FrontendError>;

    /// Waits until the person is ready ("Press Enter to show the answer").
    fn pause(&mut self, prompt: &str) -> Result<Reply<()>, FrontendError>;

    /// Shows a block of text: feedback, explanations, the summary.
    fn show(&mut self, text: &str) -> Result<(), FrontendError>;
}
