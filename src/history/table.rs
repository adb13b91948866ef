//! Aligned plain-text columns whose cells may carry colour, measured in terminal columns
//! (a Hangul syllable or an emoji takes two).

use console::measure_text_width;

/// One cell: its visible text, and the same text as printed (possibly with colour codes).
#[derive(Debug, Clone)]
pub struct Cell {
    plain: String,
    shown: String,
}

impl Cell {
    /// Text from the store, shown safely (`term::visible`).
    pub fn new(text: impl Into<String>) -> Cell {
        let plain = crate::term::visible(&text.into()).into_owned();
        Cell {
            shown: plain.clone(),
            plain,
        }
    }

    /// A cell whose printed form differs from its visible text only by colour codes.
    pub fn painted(plain: impl Into<String>, shown: String) -> Cell {
        Cell {
            plain: plain.into(),
            shown,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// Lays out rows under a header, two spaces between columns, indented by two. The last
/// column is never padded, so long text there (prompts) does not push out trailing blanks.
pub fn layout(header: &[&str], align: &[Align], rows: &[Vec<Cell>]) -> Vec<String> {
    let mut widths: Vec<usize> = header.iter().map(|h| measure_text_width(h)).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(measure_text_width(&cell.plain));
            }
        }
    }
    let header_row: Vec<Cell> = header.iter().map(|h| Cell::new(*h)).collect();
    std::iter::once(&header_row)
        .chain(rows)
        .map(|row| {
            let last = row.len().saturating_sub(1);
            let cells: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(i, cell)| {
                    let pad = widths
                        .get(i)
                        .map_or(0, |w| w.saturating_sub(measure_text_width(&cell.plain)));
                    let spaces = " ".repeat(pad);
                    match align.get(i).copied().unwrap_or(Align::Left) {
                        Align::Right => format!("{spaces}{}", cell.shown),
                        Align::Left if i == last => cell.shown.clone(),
                        Align::Left => format!("{}{spaces}", cell.shown),
                    }
                })
                .collect();
            format!("  {}", cells.join("  ")).trim_end().to_owned()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up_whatever_the_colour() {
        let rows = vec![
            vec![
                Cell::new("a"),
                Cell::painted("80%", "\x1b[32m80%\x1b[0m".into()),
                Cell::new("x"),
            ],
            vec![Cell::new("long"), Cell::new("5%"), Cell::new("")],
        ];
        let lines = layout(
            &["Name", "%", "Note"],
            &[Align::Left, Align::Right, Align::Left],
            &rows,
        );
        assert_eq!(lines[0], "  Name    %  Note");
        assert_eq!(lines[1], "  a     \x1b[32m80%\x1b[0m  x");
        assert_eq!(lines[2], "  long   5%");
    }

    #[test]
    fn wide_characters_take_two_columns() {
        let rows = vec![
            vec![Cell::new("세종대왕"), Cell::new("1")],
            vec![Cell::new("abc"), Cell::new("2")],
        ];
        let lines = layout(&["Deck", "n"], &[Align::Left, Align::Left], &rows);
        let column = |line: &str| measure_text_width(&line[..line.rfind(' ').unwrap()]);
        assert_eq!(column(&lines[1]), column(&lines[2]), "{lines:#?}");
        assert_eq!(lines[2], "  abc       2");
    }
}
