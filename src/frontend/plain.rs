//! The line-based frontend: prompts and numbered options on stdout, one answer per line from
//! stdin. Used with `--plain` and whenever stdin or stderr is not a terminal.

use std::io::{BufRead, Write};

use super::{Ask, AskKind, Frontend, FrontendError, Reply};
use crate::srs::Rating;

/// Plain text in, plain text out. Generic so tests can drive it with byte buffers.
#[derive(Debug)]
pub struct Plain<R, W> {
    input: R,
    output: W,
    /// End the prompt line after reading: piped input is not echoed, so without this the
    /// feedback would run on from the prompt ("> ✓ Correct.").
    newline_after_input: bool,
}

impl<R: BufRead, W: Write> Plain<R, W> {
    pub fn new(input: R, output: W) -> Self {
        Plain {
            input,
            output,
            newline_after_input: false,
        }
    }

    /// For input that is not a terminal (a pipe, a file): see `newline_after_input`.
    pub fn newline_after_input(mut self, yes: bool) -> Self {
        self.newline_after_input = yes;
        self
    }

    /// The next line without its line ending, or `None` at end of input.
    fn read_line(&mut self) -> Result<Option<String>, FrontendError> {
        self.output.flush()?;
        let mut line = String::new();
        let read = self.input.read_line(&mut line);
        if self.newline_after_input && matches!(read, Ok(n) if n > 0) {
            writeln!(self.output)?;
        }
        match read {
            Ok(0) => Ok(None),
            Ok(_) => Ok(Some(line.trim_end_matches(['\n', '\r']).to_owned())),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                Err(FrontendError::Interrupted)
            }
            Err(e) => Err(e.into()),
        }
    }

    pub fn into_output(self) -> W {
        self.output
    }
}

/// An option's place in the list (a bare number from 1) means that option, unless the
/// options are numbers themselves: then "4" is the value 4, as the prompt says. Anything
/// else (a letter, the text) goes to the grader.
fn option_by_number(options: &[String], numeric: bool, line: String) -> String {
    match line.trim().parse::<usize>() {
        Ok(k) if !numeric && (1..=options.len()).contains(&k) => options[k - 1].clone(),
        _ => line,
    }
}

impl<R: BufRead, W: Write> Frontend for Plain<R, W> {
    fn ask(&mut self, ask: &Ask<'_>) -> Result<Reply<String>, FrontendError> {
        writeln!(self.output)?;
        if !ask.header.is_empty() {
            writeln!(self.output, "{}", ask.header)?;
        }
        writeln!(self.output, "{}", ask.prompt)?;
        let hint = match ask.kind {
            AskKind::Choice(options) => {
                // Letters, as in `generate` and in the right answer shown after a miss;
                // option numbers are accepted too.
                for (i, option) in options.iter().enumerate() {
                    writeln!(
                        self.output,
                        "  {}) {option}",
                        crate::question::option_letter(i)
                    )?;
                }
                if ask.numeric_options {
                    "answer with a letter, or type the number itself".to_owned()
                } else {
                    "answer with a letter or the option's number".to_owned()
                }
            }
            AskKind::TrueFalse => "answer true or false".to_owned(),
            AskKind::Order(items) => {
                // Letters, like the choices and like the right order shown after a miss.
                for (i, item) in items.iter().enumerate() {
                    writeln!(
                        self.output,
                        "  {}) {item}",
                        crate::question::option_letter(i)
                    )?;
                }
                let example: String = (0..items.len())
                    .rev()
                    .map(crate::question::option_letter)
                    .map(String::from)
                    .collect::<Vec<_>>()
                    .join(" ");
                format!("answer with the letters in order, e.g. {example}")
            }
            AskKind::Typed => "type your answer".to_owned(),
        };
        write!(self.output, "({hint}) > ")?;
        Ok(match self.read_line()? {
            Some(line) => Reply::Answer(match ask.kind {
                AskKind::Choice(options) => option_by_number(options, ask.numeric_options, line),
                _ => line,
            }),
            None => Reply::Quit,
        })
    }

    fn confirm(&mut self, prompt: &str, default: bool) -> Result<Reply<bool>, FrontendError> {
        let choices = if default { "Y/n" } else { "y/N" };
        write!(self.output, "{prompt} [{choices}] > ")?;
        Ok(match self.read_line()? {
            None => Reply::Quit,
            Some(line) => Reply::Answer(match line.trim().to_lowercase().as_str() {
                "y" | "yes" => true,
                "n" | "no" => false,
                _ => default,
            }),
        })
    }

    fn rate(&mut self, prompt: &str) -> Result<Reply<Rating>, FrontendError> {
        loop {
            write!(self.output, "{prompt} (1 again, 2 hard, 3 good, 4 easy) > ")?;
            let Some(line) = self.read_line()? else {
                return Ok(Reply::Quit);
            };
            match Rating::parse(&line) {
                Some(rating) => return Ok(Reply::Answer(rating)),
                None => writeln!(self.output, "  (answer 1, 2, 3 or 4)")?,
            }
        }
    }

    fn pause(&mut self, prompt: &str) -> Result<Reply<()>, FrontendError> {
        write!(self.output, "{prompt} ")?;
        Ok(match self.read_line()? {
            Some(_) => Reply::Answer(()),
            None => Reply::Quit,
        })
    }

    fn show(&mut self, text: &str) -> Result<(), FrontendError> {
        writeln!(self.output, "{text}")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(input: &str) -> Plain<&[u8], Vec<u8>> {
        Plain::new(input.as_bytes(), Vec::new())
    }

    #[test]
    fn choices_are_lettered_and_a_number_picks_the_option() {
        let mut p = plain("2\n");
        let options = ["Chairman".to_owned(), "General Secretary".to_owned()];
        let ask = Ask {
            header: "Question 1 of 2",
            prompt: "What is the title?",
            kind: AskKind::Choice(&options),
            numeric_options: false,
        };
        assert_eq!(
            p.ask(&ask).unwrap(),
            Reply::Answer("General Secretary".to_owned())
        );
        let out = String::from_utf8(p.into_output()).unwrap();
        assert!(out.contains(
            "Question 1 of 2\nWhat is the title?\n  a) Chairman\n  b) General Secretary\n"
        ));
    }

    #[test]
    fn among_numbers_a_typed_number_is_a_value_and_letters_name_options() {
        let options = [
            "2".to_owned(),
            "4".to_owned(),
            "5".to_owned(),
            "6".to_owned(),
        ];
        let ask = Ask {
            header: "",
            prompt: "How many?",
            kind: AskKind::Choice(&options),
            numeric_options: true,
        };
        let mut p = plain("4\nb\n");
        assert_eq!(
            p.ask(&ask).unwrap(),
            Reply::Answer("4".to_owned()),
            "the value 4, not the 4th option"
        );
        assert_eq!(p.ask(&ask).unwrap(), Reply::Answer("b".to_owned()));
        let out = String::from_utf8(p.into_output()).unwrap();
        assert!(
            out.contains("(answer with a letter, or type the number itself) > "),
            "{out}"
        );
    }

    #[test]
    fn ordering_items_are_lettered_with_an_example_of_their_length() {
        let items = ["x".to_owned(), "y".to_owned(), "z".to_owned()];
        let ask = Ask {
            header: "",
            prompt: "Put these in order.",
            kind: AskKind::Order(&items),
            numeric_options: false,
        };
        let mut p = plain("c a b\n");
        assert_eq!(p.ask(&ask).unwrap(), Reply::Answer("c a b".to_owned()));
        let out = String::from_utf8(p.into_output()).unwrap();
        assert!(
            out.contains(
                "  a) x\n  b) y\n  c) z\n(answer with the letters in order, e.g. c b a) > "
            ),
            "{out}"
        );
    }

    #[test]
    fn end_of_input_is_quit_not_an_error() {
        let mut p = plain("");
        let ask = Ask {
            header: "",
            prompt: "When?",
            kind: AskKind::Typed,
            numeric_options: false,
        };
        assert_eq!(p.ask(&ask).unwrap(), Reply::Quit);
        assert_eq!(p.confirm("Sure?", true).unwrap(), Reply::Quit);
    }

    #[test]
    fn confirm_takes_yes_no_and_falls_back_to_the_default() {
        let mut p = plain("y\nno\n\n");
        assert_eq!(p.confirm("a", false).unwrap(), Reply::Answer(true));
        assert_eq!(p.confirm("b", true).unwrap(), Reply::Answer(false));
        assert_eq!(p.confirm("c", true).unwrap(), Reply::Answer(true));
    }

    #[test]
    fn ratings_are_read_as_numbers_or_names_and_asked_again_otherwise() {
        let mut p = plain("3\nmaybe\n1\neasy\n");
        assert_eq!(p.rate("Recalled?").unwrap(), Reply::Answer(Rating::Good));
        assert_eq!(p.rate("Recalled?").unwrap(), Reply::Answer(Rating::Again));
        assert_eq!(p.rate("Recalled?").unwrap(), Reply::Answer(Rating::Easy));
        assert_eq!(p.rate("Recalled?").unwrap(), Reply::Quit);
        let out = String::from_utf8(p.into_output()).unwrap();
        assert!(out.starts_with("Recalled? (1 again, 2 hard, 3 good, 4 easy) > "));
        assert_eq!(out.matches("(answer 1, 2, 3 or 4)").count(), 1);
    }

    #[test]
    fn windows_line_endings_are_trimmed() {
        let mut p = plain("5000\r\n");
        let ask = Ask {
            header: "",
            prompt: "How many?",
            kind: AskKind::Typed,
            numeric_options: false,
        };
        assert_eq!(p.ask(&ask).unwrap(), Reply::Answer("5000".to_owned()));
    }
}
