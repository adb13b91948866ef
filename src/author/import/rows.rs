//! Rows to cards: which column is the question and which the answer, and what is wrong with
//! a row that cannot be used.

use super::header::Header;
use super::{Imported, ImportedCard, Problem, alternatives, html, quotes, separator_name};

/// Column names taken for the question, the answer, a note and tags (any case).
const QUESTION_NAMES: &[&str] = &["front", "question", "term", "q", "prompt"];
const ANSWER_NAMES: &[&str] = &["back", "answer", "definition", "a", "response"];
const NOTE_NAMES: &[&str] = &["explanation", "note", "notes", "extra"];
const TAG_NAMES: &[&str] = &["tags"];

/// 0-based columns of a row.
#[derive(Debug, Clone, Copy)]
struct Columns {
    question: usize,
    answer: usize,
    note: Option<usize>,
    tags: Option<usize>,
    /// Named by `#columns:` or a header row (extra columns are then expected).
    named: bool,
}

pub fn read(data: &str, header: &Header, separator: u8) -> Imported {
    // A tab-separated file that does not say (an Anki export older than its header lines)
    // holds HTML when its fields show tags or entities.
    let html = header
        .html
        .unwrap_or_else(|| separator == b'\t' && html::looks_like_html(data));
    let mut out = Imported {
        deck_name: header.deck.clone(),
        separator,
        html,
        ..Imported::default()
    };
    let first_line = header.lines + 1;
    let unclosed = quotes::unclosed(data, separator);
    let readable = unclosed.map_or(data, |u| &data[..u.row_start]);
    let meta: Vec<usize> = header.meta_columns().iter().map(|c| c - 1).collect();
    let mut columns = header
        .columns
        .as_deref()
        .and_then(|names| by_name(&split_names(names, separator), &meta));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(readable.as_bytes());
    let mut warned_extra = false;
    for (n, result) in reader.records().enumerate() {
        let record = match result {
            Ok(r) => r,
            Err(e) => {
                let line = e
                    .position()
                    .map_or(first_line, |p| first_line + line_of(p) - 1);
                out.problems.push(Problem {
                    line,
                    message: format!("cannot read this row: {e}"),
                });
                continue;
            }
        };
        let line = first_line + record.position().map_or(1, line_of) - 1;
        let fields: Vec<&str> = record.iter().collect();
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if n == 0 && columns.is_none() {
            let names: Vec<String> = fields.iter().map(|f| (*f).to_owned()).collect();
            if let Some(c) = by_name(&names, &meta) {
                out.notices.push(format!(
                    "line {line}: read as column names ({}), not as a card",
                    fields.join(", ")
                ));
                columns = Some(c);
                continue;
            }
        }
        let cols = *columns.get_or_insert_with(|| by_position(&meta));
        let used = 2 + meta.len();
        if !cols.named && !warned_extra && fields.len() > used {
            warned_extra = true;
            out.notices.push(format!(
                "line {line}: {} columns; only the question and answer columns are used \
                 (name the columns in a header row to import a note or tags)",
                fields.len()
            ));
        }
        match card(&fields, cols, header, line, separator, html) {
            Ok(card) => out.cards.push(card),
            Err(message) => out.problems.push(Problem { line, message }),
        }
    }
    if let Some(u) = unclosed {
        let first = first_line + u.row_line - 1;
        let last = first_line + u.last_line - 1;
        let lines = if last > first {
            format!("lines {first}–{last} were not imported")
        } else {
            format!("line {first} was not imported")
        };
        out.problems.push(Problem {
            line: first,
            message: format!(
                "a quoted field opens on this row and never closes ({lines}); \
                 close the quote, or write \"\" for a quote inside a quoted field"
            ),
        });
    }
    out
}

fn line_of(p: &csv::Position) -> usize {
    usize::try_from(p.line()).unwrap_or(usize::MAX)
}

fn card(
    fields: &[&str],
    cols: Columns,
    header: &Header,
    line: usize,
    separator: u8,
    html: bool,
) -> Result<ImportedCard, String> {
    // CSV cells written as text for spreadsheets (`export --format csv`) come back as they were.
    let restored: Vec<&str> = match separator {
        b',' => fields
            .iter()
            .map(|f| crate::spreadsheet::restored(f))
            .collect(),
        _ => fields.to_vec(),
    };
    let fields = &restored[..];
    let needed = cols.question.max(cols.answer) + 1;
    if fields.len() < needed {
        return Err(format!(
            "{} column(s), but a row needs a question and an answer separated by {}",
            fields.len(),
            separator_name(separator)
        ));
    }
    let question = text(fields[cols.question], html);
    let answer_field = fields[cols.answer];
    // factdeck's own export puts the explanation after a rule; a note column wins.
    let (answer_html, rule_note) = if html && cols.note.is_none() {
        html::split_at_rule(answer_field)
    } else {
        (answer_field, None)
    };
    let (answer, aside) = if html && !header.whole_answers {
        let split = html::answer(&html::lines(answer_html));
        (clean(&split.answer), split.aside.map(|a| clean(&a)))
    } else {
        (text(answer_html, html), None)
    };
    let only_html = |raw: &str| {
        if html && !raw.trim().is_empty() {
            " (it held only HTML or media)"
        } else {
            ""
        }
    };
    if question.is_empty() {
        return Err(format!(
            "the question is empty{}",
            only_html(fields[cols.question])
        ));
    }
    if answer.is_empty() {
        return Err(format!("the answer is empty{}", only_html(answer_field)));
    }
    let column_note = cols.note.and_then(|c| fields.get(c)).map(|f| text(f, html));
    let notes: Vec<String> = [aside, rule_note.map(|r| text(r, html)), column_note]
        .into_iter()
        .flatten()
        .filter(|n| !n.is_empty())
        .collect();
    let mut tags = header.tags.clone();
    let tag_column = cols.tags.or(header.tags_column.map(|c| c - 1));
    if let Some(field) = tag_column.and_then(|c| fields.get(c)) {
        tags.extend(field.split_whitespace().map(str::to_owned));
    }
    tags.dedup();
    let origin = header
        .deck_column
        .and_then(|c| fields.get(c - 1))
        .map(|d| clean(d))
        .filter(|d| !d.is_empty());
    Ok(ImportedCard {
        accept: alternatives::accepted(&question, &answer),
        question,
        answer,
        note: (!notes.is_empty()).then(|| notes.join("\n")),
        tags,
        origin,
        group: None,
        line,
    })
}

/// A field as card text: HTML turned into text when the file holds HTML, then [`clean`].
fn text(field: &str, html: bool) -> String {
    if html {
        clean(&html::to_text(field))
    } else {
        clean(field)
    }
}

/// Control characters other than newline and tab dropped (a deck may not hold them),
/// Windows line ends made plain, trimmed.
fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter(|c| !crate::term::is_invisible(*c))
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect::<String>()
        .trim()
        .to_owned()
}

fn split_names(line: &str, separator: u8) -> Vec<String> {
    line.split(char::from(separator))
        .map(|s| s.trim().to_owned())
        .collect()
}

/// Columns picked by name, when the names include a question and an answer column.
fn by_name(names: &[String], meta: &[usize]) -> Option<Columns> {
    let find = |wanted: &[&str]| {
        names.iter().enumerate().position(|(i, n)| {
            !meta.contains(&i) && wanted.contains(&n.trim().to_lowercase().as_str())
        })
    };
    Some(Columns {
        question: find(QUESTION_NAMES)?,
        answer: find(ANSWER_NAMES)?,
        note: find(NOTE_NAMES),
        tags: find(TAG_NAMES),
        named: true,
    })
}

/// The first two columns that are not Anki's guid, note type, deck or tags columns.
fn by_position(meta: &[usize]) -> Columns {
    let mut free = (0..).filter(|i| !meta.contains(i));
    let question = free.next().unwrap_or(0);
    let answer = free.next().unwrap_or(1);
    Columns {
        question,
        answer,
        note: None,
        tags: None,
        named: false,
    }
}
