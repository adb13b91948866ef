//! The line-based frontend: prompts and numbered options on stdout, one answer per line from
//! stdin. Used with `--plain` and whenever stdin or stderr is not a terminal.

use std::borrow::Cow;
use std::io::{BufRead, Read, Write};

use super::{
    Ask, AskKind, Frontend, FrontendError, MAX_ANSWER_CHARS, Paused, RateAsk, Rated, Reply, YesNo,
};
use crate::srs::Rating;

/// The most bytes read for one line: the longest answer in the widest UTF-8, a line end.
const MAX_LINE_BYTES: u64 = MAX_ANSWER_CHARS as u64 * 4 + 2;
/// How much of an overlong line is skipped to reach the next one; input that goes on
/// longer without a line end (`< /dev/zero`) is no answer at all.
const MAX_SKIP_BYTES: u64 = 1 << 20;

/// Plain text in, plain text out. Generic so tests can drive it with byte buffers.
#[derive(Debug)]
pub struct Plain<R, W> {
    input: R,
    output: W,
    /// End the prompt line after reading: piped input is not echoed, so without this the
    /// feedback would run on from the prompt ("> ✓ Correct.").
    newline_after_input: bool,
    /// Whether a question was asked yet: a blank line separates each from the one before,
    /// and none opens the output.
    asked: bool,
}

impl<R: BufRead, W: Write> Plain<R, W> {
    pub fn new(input: R, output: W) -> Self {
        Plain {
            input,
            output,
            newline_after_input: false,
            asked: false,
        }
    }

    /// For input that is not a terminal (a pipe, a file): see `newline_after_input`.
    pub fn newline_after_input(mut self, yes: bool) -> Self {
        self.newline_after_input = yes;
        self
    }

    /// The next line without its line ending, or `None` at end of input. A line that is not
    /// UTF-8 or longer than [`MAX_ANSWER_CHARS`] is refused with a word on why, and the next
    /// line read instead: memory stays bounded whatever comes in.
    fn read_line(&mut self) -> Result<Option<String>, FrontendError> {
        loop {
            self.output.flush()?;
            let mut bytes = Vec::new();
            let read = (&mut self.input)
                .take(MAX_LINE_BYTES)
                .read_until(b'\n', &mut bytes);
            if self.newline_after_input && matches!(read, Ok(n) if n > 0) {
                writeln!(self.output)?;
            }
            match read {
                Ok(0) => return Ok(None),
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                    return Err(FrontendError::Interrupted);
                }
                Err(e) => return Err(e.into()),
            }
            let complete = bytes.ends_with(b"\n");
            if !complete && bytes.len() as u64 == MAX_LINE_BYTES {
                self.skip_rest_of_line()?;
                self.refuse(&format!(
                    "an answer is at most {MAX_ANSWER_CHARS} characters; type a shorter one"
                ))?;
                continue;
            }
            while bytes.last().is_some_and(|b| matches!(b, b'\n' | b'\r')) {
                bytes.pop();
            }
            let line = match String::from_utf8_lossy(&bytes) {
                Cow::Borrowed(text) => text.to_owned(),
                Cow::Owned(_) => {
                    self.refuse("that line was not UTF-8 text; type it again")?;
                    continue;
                }
            };
            if line.chars().count() > MAX_ANSWER_CHARS {
                self.refuse(&format!(
                    "an answer is at most {MAX_ANSWER_CHARS} characters; type a shorter one"
                ))?;
                continue;
            }
            return Ok(Some(line));
        }
    }

    /// Says why a line was not taken, and invites the next.
    fn refuse(&mut self, why: &str) -> Result<(), FrontendError> {
        write!(self.output, "  ({why})\n> ")?;
        Ok(())
    }

    /// Reads past the end of an overlong line, without keeping it.
    fn skip_rest_of_line(&mut self) -> Result<(), FrontendError> {
        let mut skipped = 0u64;
        loop {
            let chunk = match self.input.fill_buf() {
                Ok(chunk) => chunk,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                    return Err(FrontendError::Interrupted);
                }
                Err(e) => return Err(e.into()),
            };
            if chunk.is_empty() {
                return Ok(());
            }
            let (used, done) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            self.input.consume(used);
            skipped += used as u64;
            if done {
                return Ok(());
            }
            if skipped > MAX_SKIP_BYTES {
                return Err(FrontendError::Io(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!(
                        "standard input sent more than {} MiB without a line end; an answer \
                         is one line of at most {MAX_ANSWER_CHARS} characters",
                        MAX_SKIP_BYTES >> 20
                    ),
                )));
            }
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
        if self.asked {
            writeln!(self.output)?;
        }
        self.asked = true;
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
            AskKind::TrueFalse { yes, no } => {
                format!("answer {} or {}", yes.to_lowercase(), no.to_lowercase())
            }
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

    fn confirm(
        &mut self,
        prompt: &str,
        default: bool,
        words: &YesNo,
    ) -> Result<Reply<bool>, FrontendError> {
        write!(self.output, "{prompt} {} > ", words.choices(default))?;
        Ok(match self.read_line()? {
            None => Reply::Quit,
            Some(line) => Reply::Answer(words.read(&line).unwrap_or(default)),
        })
    }

    fn rate(&mut self, ask: &RateAsk<'_>) -> Result<Reply<Rated>, FrontendError> {
        let enter = match ask.suggested {
            Some(r) => format!("; Enter: {} {}", r.number(), r.name()),
            None => String::new(),
        };
        loop {
            write!(self.output, "{} ({}{enter}) > ", ask.prompt, ask.keys())?;
            let Some(line) = self.read_line()? else {
                return Ok(Reply::Quit);
            };
            let line = line.trim();
            if ask.undo && line.eq_ignore_ascii_case("u") {
                return Ok(Reply::Answer(Rated::Undo));
            }
            match (Rating::parse(line), ask.suggested) {
                (Some(rating), _) => return Ok(Reply::Answer(Rated::Rating(rating))),
                (None, Some(rating)) if line.is_empty() => {
                    return Ok(Reply::Answer(Rated::Rating(rating)));
                }
                _ => writeln!(self.output, "  (answer 1, 2, 3 or 4)")?,
            }
        }
    }

    fn pause(&mut self, prompt: &str, undo: bool) -> Result<Reply<Paused>, FrontendError> {
        match undo {
            true => write!(self.output, "{prompt} (u undoes the last rating) ")?,
            false => write!(self.output, "{prompt} ")?,
        }
        Ok(match self.read_line()? {
            Some(line) if undo && line.trim().eq_ignore_ascii_case("u") => {
                Reply::Answer(Paused::Undo)
            }
            Some(_) => Reply::Answer(Paused::Show),
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
    fn true_or_false_is_asked_with_the_decks_words() {
        let mut p = plain("richtig\n");
        let ask = Ask {
            header: "",
            prompt: "Richtig oder falsch? Der Titel: Aus „A“ wurde „B“.",
            kind: AskKind::TrueFalse {
                yes: "Richtig",
                no: "Falsch",
            },
            numeric_options: false,
        };
        assert_eq!(p.ask(&ask).unwrap(), Reply::Answer("richtig".to_owned()));
        let out = String::from_utf8(p.into_output()).unwrap();
        assert!(out.contains("(answer richtig or falsch) > "), "{out}");
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
        assert_eq!(
            p.confirm("Sure?", true, &YesNo::ENGLISH).unwrap(),
            Reply::Quit
        );
    }

    #[test]
    fn confirm_takes_yes_no_and_falls_back_to_the_default() {
        let mut p = plain("y\nno\n\n");
        let en = &YesNo::ENGLISH;
        assert_eq!(p.confirm("a", false, en).unwrap(), Reply::Answer(true));
        assert_eq!(p.confirm("b", true, en).unwrap(), Reply::Answer(false));
        assert_eq!(p.confirm("c", true, en).unwrap(), Reply::Answer(true));
    }

    #[test]
    fn confirm_takes_the_decks_words_for_yes() {
        use crate::deck::Language;
        use crate::question::phrase::book_for;
        for (language, yes) in [
            (Language::German, "ja"),
            (Language::Russian, "да"),
            (Language::Korean, "예"),
            (Language::Japanese, "はい"),
            (Language::French, "oui"),
            (Language::Spanish, "sí"),
            (Language::Chinese, "是"),
            (Language::Chinese, "对"),
        ] {
            let input = format!("{yes}\n");
            let mut p = plain(&input);
            let words = &book_for(language).yes_no;
            assert_eq!(
                p.confirm("?", false, words).unwrap(),
                Reply::Answer(true),
                "{yes}"
            );
        }
    }

    fn rate_ask(suggested: Option<Rating>, undo: bool) -> RateAsk<'static> {
        RateAsk {
            prompt: "Recalled?",
            intervals: None,
            suggested,
            undo,
        }
    }

    #[test]
    fn ratings_are_read_as_numbers_or_names_and_asked_again_otherwise() {
        let mut p = plain("3\nmaybe\n1\neasy\n");
        let ask = rate_ask(None, false);
        let rated = |r| Reply::Answer(Rated::Rating(r));
        assert_eq!(p.rate(&ask).unwrap(), rated(Rating::Good));
        assert_eq!(p.rate(&ask).unwrap(), rated(Rating::Again));
        assert_eq!(p.rate(&ask).unwrap(), rated(Rating::Easy));
        assert_eq!(p.rate(&ask).unwrap(), Reply::Quit);
        let out = String::from_utf8(p.into_output()).unwrap();
        assert!(out.starts_with("Recalled? (1 again · 2 hard · 3 good · 4 easy) > "));
        assert_eq!(out.matches("(answer 1, 2, 3 or 4)").count(), 1);
    }

    #[test]
    fn a_line_that_is_not_utf8_is_refused_and_asked_again() {
        let mut p = Plain::new(&b"caf\xe9\n1991\n"[..], Vec::new());
        let ask = Ask {
            header: "",
            prompt: "When?",
            kind: AskKind::Typed,
            numeric_options: false,
        };
        assert_eq!(p.ask(&ask).unwrap(), Reply::Answer("1991".to_owned()));
        let out = String::from_utf8(p.into_output()).unwrap();
        assert!(
            out.contains("(that line was not UTF-8 text; type it again)"),
            "{out}"
        );
    }

    #[test]
    fn an_overlong_answer_is_refused_and_endless_input_ends_with_an_error() {
        let long = format!("{}\n1991\n", "x".repeat(5_000));
        let mut p = plain(&long);
        let ask = Ask {
            header: "",
            prompt: "When?",
            kind: AskKind::Typed,
            numeric_options: false,
        };
        assert_eq!(p.ask(&ask).unwrap(), Reply::Answer("1991".to_owned()));
        let out = String::from_utf8(p.into_output()).unwrap();
        assert!(
            out.contains("an answer is at most 1000 characters"),
            "{out}"
        );

        let endless = std::io::BufReader::new(std::io::repeat(0).take(3 << 20));
        let mut p = Plain::new(endless, Vec::new());
        let err = p.ask(&ask).unwrap_err();
        let FrontendError::Io(io) = err else {
            panic!("{err:?}")
        };
        assert!(io.to_string().contains("without a line end"), "{io}");
    }

    #[test]
    fn the_rating_keys_show_intervals_undo_and_the_suggestion() {
        let intervals = ["<10m", "1d", "3d", "8d"].map(String::from);
        let ask = RateAsk {
            intervals: Some(&intervals),
            ..rate_ask(Some(Rating::Hard), true)
        };
        let mut p = plain("\nu\n");
        assert_eq!(
            p.rate(&ask).unwrap(),
            Reply::Answer(Rated::Rating(Rating::Hard)),
            "Enter takes the suggestion"
        );
        assert_eq!(p.rate(&ask).unwrap(), Reply::Answer(Rated::Undo));
        let out = String::from_utf8(p.into_output()).unwrap();
        assert!(
            out.starts_with(
                "Recalled? (1 again <10m · 2 hard 1d · 3 good 3d · 4 easy 8d · u undo; \
                 Enter: 2 hard) > "
            ),
            "{out}"
        );
        let mut p = plain("u\nu\n");
        assert_eq!(
            p.pause("Ready?", true).unwrap(),
            Reply::Answer(Paused::Undo)
        );
        assert_eq!(
            p.pause("Ready?", false).unwrap(),
            Reply::Answer(Paused::Show),
            "no undo offered: any line goes on"
        );
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
