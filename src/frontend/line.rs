//! A typed answer, edited on one prompt line: the cursor moves by what a reader sees as one
//! letter (a grapheme: "한", or "ễ" written as e and two marks), and the screen is laid out
//! by display width (a Hangul syllable takes two columns, a combining mark none).
//!
//! dialoguer's `Input` counts characters as columns: after a Backspace over 왕 the screen
//! showed 세종대 and then 세종대조 for 세종조. Here every key redraws the prompt and the
//! text from where the prompt began, and puts the cursor where the layout says.

use std::io;

use console::{Key, Term};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Where each grapheme of `text` starts (row, column) on a terminal `width` columns wide,
/// after `start` columns already used, and where the cursor ends up after the last one. A
/// wide grapheme that does not fit on a row starts the next one, as terminals do.
fn layout(text: &str, start: usize, width: usize) -> (Vec<(usize, usize)>, (usize, usize)) {
    let width = width.max(2);
    let (mut row, mut col) = (start / width, start % width);
    let mut at = Vec::new();
    for g in text.graphemes(true) {
        let w = g.width();
        if col + w > width {
            row += 1;
            col = 0;
        }
        at.push((row, col));
        col += w;
    }
    if col >= width {
        // The terminal waits at the last column; the redraw moves the cursor on to the
        // next row itself, so that every position is a real one.
        (at, (row + 1, 0))
    } else {
        (at, (row, col))
    }
}

/// What a key did to the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Press {
    Editing,
    /// Enter: the line is the answer.
    Done,
    /// Esc: the learner wants to stop.
    Escape,
}

/// How reading a line ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Read {
    Line(String),
    /// Esc was pressed; the text typed so far, to give back if the session goes on.
    Escape(String),
}

/// The line being edited.
#[derive(Debug, Default)]
struct Line {
    text: String,
    /// Byte offset of the cursor, always at a grapheme boundary.
    cursor: usize,
}

impl Line {
    /// Acts on a key.
    fn press(&mut self, key: &Key) -> Press {
        match key {
            Key::Enter => return Press::Done,
            Key::Escape => return Press::Escape,
            Key::Char(c) if !c.is_control() => {
                self.text.insert(self.cursor, *c);
                self.cursor += c.len_utf8();
                // A combining mark joins the grapheme before it: keep the cursor after it.
                self.cursor = self.boundary_at_or_after(self.cursor);
            }
            Key::Backspace => {
                if let Some(before) = self.previous() {
                    self.text.replace_range(before..self.cursor, "");
                    self.cursor = before;
                }
            }
            Key::Del => {
                if let Some(after) = self.next() {
                    self.text.replace_range(self.cursor..after, "");
                }
            }
            Key::ArrowLeft => self.cursor = self.previous().unwrap_or(self.cursor),
            Key::ArrowRight => self.cursor = self.next().unwrap_or(self.cursor),
            Key::Home => self.cursor = 0,
            Key::End => self.cursor = self.text.len(),
            _ => {}
        }
        Press::Editing
    }

    fn previous(&self) -> Option<usize> {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map(|(i, _)| i)
    }

    fn next(&self) -> Option<usize> {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map(|g| self.cursor + g.len())
    }

    fn boundary_at_or_after(&self, at: usize) -> usize {
        self.text
            .grapheme_indices(true)
            .map(|(i, _)| i)
            .chain(std::iter::once(self.text.len()))
            .find(|i| *i >= at)
            .unwrap_or(self.text.len())
    }
}

/// Reads one line after `prompt` (which may hold colour codes), starting from `typed`. The
/// prompt and the text are cleared when Enter or Esc is pressed; Ctrl-C is an
/// `Interrupted` error.
pub fn read_line(term: &Term, prompt: &str, typed: &str) -> io::Result<Read> {
    let prompt_width = console::measure_text_width(prompt);
    let mut line = Line {
        text: typed.to_owned(),
        cursor: typed.len(),
    };
    // The row of the cursor, counted from the row where the prompt begins.
    let mut cursor_row = 0;
    loop {
        let width = usize::from(term.size().1);
        let (at, end) = layout(&line.text, prompt_width, width);
        let graphemes_before = line.text[..line.cursor].graphemes(true).count();
        let cursor = at.get(graphemes_before).copied().unwrap_or(end);
        let mut out = String::new();
        if cursor_row > 0 {
            out.push_str(&format!("\x1b[{cursor_row}A"));
        }
        out.push_str("\r\x1b[0J");
        out.push_str(prompt);
        out.push_str(&line.text);
        if end.1 == 0 && end.0 > 0 && !line.text.is_empty() {
            // Past the last column: move on to the next row as the layout has it.
            out.push_str(" \r\x1b[0K");
        }
        if end.0 > cursor.0 {
            out.push_str(&format!("\x1b[{}A", end.0 - cursor.0));
        }
        out.push('\r');
        if cursor.1 > 0 {
            out.push_str(&format!("\x1b[{}C", cursor.1));
        }
        cursor_row = cursor.0;
        term.write_str(&out)?;
        term.flush()?;
        let key = term.read_key()?;
        let press = line.press(&key);
        if press != Press::Editing {
            let up = match cursor_row {
                0 => String::new(),
                n => format!("\x1b[{n}A"),
            };
            term.write_str(&format!("{up}\r\x1b[0J"))?;
            term.flush()?;
            return Ok(match press {
                Press::Escape => Read::Escape(line.text),
                _ => Read::Line(line.text),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(keys: &[Key]) -> Line {
        let mut line = Line::default();
        for k in keys {
            line.press(k);
        }
        line
    }

    fn chars(text: &str) -> Vec<Key> {
        text.chars().map(Key::Char).collect()
    }

    #[test]
    fn backspace_and_arrows_move_by_what_the_reader_sees() {
        let mut keys = chars("세종대왕");
        keys.extend([Key::Backspace, Key::Backspace]);
        keys.extend(chars("조"));
        keys.extend([Key::ArrowLeft, Key::ArrowLeft]);
        keys.extend(chars("한"));
        assert_eq!(typed(&keys).text, "세한종조");
        // e, circumflex, tilde: one letter, removed by one Backspace.
        let mut keys = chars("Nguye\u{302}\u{303}n");
        keys.extend([Key::ArrowLeft, Key::Backspace]);
        assert_eq!(typed(&keys).text, "Nguyn");
        let mut keys = chars("ab");
        keys.extend([Key::Home, Key::Del, Key::End]);
        keys.extend(chars("c"));
        assert_eq!(typed(&keys).text, "bc");
    }

    #[test]
    fn enter_answers_and_esc_asks_to_stop_keeping_the_text() {
        let mut line = Line::default();
        assert_eq!(line.press(&Key::Char('x')), Press::Editing);
        assert_eq!(line.press(&Key::Escape), Press::Escape);
        assert_eq!(
            line.text, "x",
            "Esc leaves the text for a learner who goes on"
        );
        assert_eq!(line.press(&Key::Enter), Press::Done);
    }

    #[test]
    fn wide_letters_take_two_columns_and_never_straddle_a_row() {
        let (at, end) = layout("세종", 8, 80);
        assert_eq!(at, [(0, 8), (0, 10)]);
        assert_eq!(end, (0, 12));
        // Nine columns: the prompt takes 8, 세 does not fit in the last one.
        let (at, end) = layout("세종", 8, 9);
        assert_eq!(at, [(1, 0), (1, 2)]);
        assert_eq!(end, (1, 4));
        let (_, end) = layout("e\u{302}\u{303}", 0, 80);
        assert_eq!(end, (0, 1), "marks take no column");
        let (_, end) = layout("abcd", 6, 10);
        assert_eq!(end, (1, 0), "the last column filled: the cursor goes on");
    }
}
