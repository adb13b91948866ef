//! Questions written out for people and scripts: a printable quiz with an answer key (text
//! or Markdown), or JSON.

use std::io::{self, Write};

use serde::Serialize;

use super::answer::option_letter;
use super::{Input, Question};

/// One question as `generate --format json` prints it.
#[derive(Debug, Serialize)]
pub struct Record<'q> {
    pub fact: &'q str,
    pub kind: &'static str,
    pub form: &'static str,
    pub prompt: &'q str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub options: &'q [String],
    pub answer: String,
    pub accepted: Vec<String>,
    pub explanation: &'q str,
}

impl<'q> From<&'q Question> for Record<'q> {
    fn from(q: &'q Question) -> Self {
        Record {
            fact: &q.fact,
            kind: q.kind.as_str(),
            form: q.form.as_str(),
            prompt: &q.prompt,
            options: &q.options,
            answer: q.answer_text(),
            accepted: q.accepted(),
            explanation: &q.explanation,
        }
    }
}

/// A JSON array of [`Record`]s, followed by a newline.
pub fn write_json(out: &mut dyn Write, questions: &[Question]) -> io::Result<()> {
    let records: Vec<Record<'_>> = questions.iter().map(Record::from).collect();
    serde_json::to_writer_pretty(&mut *out, &records)?;
    writeln!(out)
}

/// What the reader writes on: a blank, the two words of true or false in the deck's
/// language ("True / False", "Richtig / Falsch"), or the order of the letters.
fn answer_line(q: &Question) -> Option<String> {
    let truth = &q.phrasebook().truth;
    match q.input() {
        Input::Choice => None,
        Input::Typed => Some("Answer: ______________________".to_owned()),
        Input::TrueFalse => Some(format!("{} / {}", truth.yes_label, truth.no_label)),
        Input::Order => Some("Order: ______________________".to_owned()),
    }
}

/// The answer key's entry: the answer and what else is accepted.
fn key_entry(q: &Question) -> String {
    let accepted = q.answer.accepted_shown(q.phrasebook());
    if accepted.is_empty() || q.input() == Input::Choice {
        q.expected()
    } else {
        format!("{} (also accepted: {})", q.expected(), accepted.join(", "))
    }
}

/// A printable quiz: numbered questions, then the answer key.
pub fn write_text(out: &mut dyn Write, title: &str, questions: &[Question]) -> io::Result<()> {
    writeln!(out, "{title}")?;
    writeln!(
        out,
        "{}",
        crate::words::counted(questions.len(), "question")
    )?;
    for (n, q) in questions.iter().enumerate() {
        writeln!(out)?;
        writeln!(out, "{}. {}", n + 1, q.prompt)?;
        for (i, option) in q.options.iter().enumerate() {
            writeln!(out, "   {}) {option}", option_letter(i))?;
        }
        if let Some(line) = answer_line(q) {
            writeln!(out, "   {line}")?;
        }
    }
    writeln!(out)?;
    writeln!(out, "Answer key")?;
    for (n, q) in questions.iter().enumerate() {
        writeln!(out, "{}. {}", n + 1, key_entry(q))?;
    }
    Ok(())
}

/// The same quiz in Markdown.
pub fn write_markdown(out: &mut dyn Write, title: &str, questions: &[Question]) -> io::Result<()> {
    writeln!(out, "# {}", escape(title))?;
    writeln!(out)?;
    for (n, q) in questions.iter().enumerate() {
        writeln!(out, "{}. {}", n + 1, escape(&q.prompt))?;
        for (i, option) in q.options.iter().enumerate() {
            writeln!(out, "    - {}) {}", option_letter(i), escape(option))?;
        }
        if let Some(line) = answer_line(q) {
            // Static text: a run of underscores after a space is no emphasis in Markdown.
            writeln!(out, "    - {line}")?;
        }
        writeln!(out)?;
    }
    writeln!(out, "## Answer key")?;
    writeln!(out)?;
    for (n, q) in questions.iter().enumerate() {
        writeln!(out, "{}. {}", n + 1, escape(&key_entry(q)))?;
    }
    Ok(())
}

/// Backslash-escapes the characters Markdown would read as formatting.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_formatting_characters() {
        assert_eq!(escape("a*b_c [x] <y>"), "a\\*b\\_c \\[x\\] \\<y\\>");
    }
}
