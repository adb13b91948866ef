//! A guide drawn for the terminal, as `rustc --explain` does: wrapped to the width, headings
//! and bold text in bold, code in colour (or between backticks without colour), tables as
//! aligned columns where they fit, else one record per row.

use console::Style;
use textwrap::Options;

use super::blocks::{Block, Span, parse};

/// `markdown` as text `width` columns wide, with ANSI styles when `color`.
pub fn to_terminal(markdown: &str, width: usize, color: bool) -> String {
    let width = width.max(20);
    let mut out = String::new();
    let mut after_item = false;
    for block in parse(markdown) {
        // A blank line between blocks, but not between the items of a list.
        let item = matches!(block, Block::Item { .. });
        let in_list = item && after_item;
        if !out.is_empty() && !in_list {
            out.push('\n');
        }
        after_item = item;
        match block {
            Block::Heading { level, spans } => heading(&mut out, level, &spans, color),
            Block::Paragraph(spans) => wrapped(&mut out, &styled(&spans, color), width, "", ""),
            Block::Item {
                depth,
                marker,
                spans,
            } => {
                let indent = "  ".repeat(depth.saturating_sub(1));
                let first = format!("{indent}{marker:<2} ");
                let rest = " ".repeat(console::measure_text_width(&first));
                let first = if marker.is_empty() {
                    rest.clone()
                } else {
                    first
                };
                wrapped(&mut out, &styled(&spans, color), width, &first, &rest);
            }
            Block::Code(code) => {
                let style = Style::new().cyan().force_styling(color);
                for line in code.lines() {
                    out.push_str(&format!("    {}\n", style.apply_to(line)));
                }
            }
            Block::Table(rows) => table(&mut out, &rows, width, color),
        }
    }
    out
}

fn heading(out: &mut String, level: u8, spans: &[Span], color: bool) {
    let text = styled(spans, color);
    if color {
        let style = Style::new().bold().force_styling(true);
        let style = if level == 1 {
            style.underlined()
        } else {
            style
        };
        out.push_str(&format!("{}\n", style.apply_to(&text)));
        return;
    }
    out.push_str(&text);
    out.push('\n');
    let rule = match level {
        1 => '=',
        2 => '-',
        _ => return,
    };
    out.push_str(&rule.to_string().repeat(console::measure_text_width(&text)));
    out.push('\n');
}

/// The spans as one string: code in cyan, strong in bold, emphasis in italics; without
/// colour, code keeps its backticks (it is often a value to type) and the rest is plain.
fn styled(spans: &[Span], color: bool) -> String {
    spans
        .iter()
        .map(|s| {
            if !color {
                return if s.code {
                    format!("`{}`", s.text)
                } else {
                    s.text.clone()
                };
            }
            let mut style = Style::new().force_styling(true);
            if s.code {
                style = style.cyan();
            }
            if s.strong {
                style = style.bold();
            }
            if s.emphasis {
                style = style.italic();
            }
            style.apply_to(&s.text).to_string()
        })
        .collect()
}

fn wrapped(out: &mut String, text: &str, width: usize, first: &str, rest: &str) {
    for (i, paragraph) in text.split('\n').enumerate() {
        // Never split at a hyphen: flags (`--data-dir`) and names must stay whole.
        let options = Options::new(width)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .initial_indent(if i == 0 { first } else { rest })
            .subsequent_indent(rest);
        for line in textwrap::wrap(paragraph, options) {
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
}

fn table(out: &mut String, rows: &[Vec<Vec<Span>>], width: usize, color: bool) {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|cell| styled(cell, color)).collect())
        .collect();
    let columns = cells.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            cells
                .iter()
                .filter_map(|row| row.get(c))
                .map(|cell| console::measure_text_width(cell))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let bold = Style::new().bold().force_styling(color);
    if widths.iter().sum::<usize>() + 2 * columns <= width {
        for (r, row) in cells.iter().enumerate() {
            let mut line = String::from("  ");
            for (cell, w) in row.iter().zip(&widths) {
                let pad = w - console::measure_text_width(cell);
                let cell = if r == 0 {
                    bold.apply_to(cell).to_string()
                } else {
                    cell.clone()
                };
                line.push_str(&format!("{cell}{}  ", " ".repeat(pad)));
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        return;
    }
    // Too wide for columns: each row as its first cell, then "header: value" lines.
    let Some((header, body)) = cells.split_first() else {
        return;
    };
    for (r, row) in body.iter().enumerate() {
        if r > 0 {
            out.push('\n');
        }
        let mut row = row.iter().zip(header);
        if let Some((first, _)) = row.next() {
            wrapped(out, &bold.apply_to(first).to_string(), width, "  ", "    ");
        }
        for (cell, name) in row.filter(|(cell, _)| !cell.is_empty()) {
            wrapped(out, &format!("{name}: {cell}"), width, "    ", "      ");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_wrapped_and_keeps_code_readable() {
        let text = to_terminal(
            "# Title\n\nA paragraph with `code` that is long enough to wrap at thirty columns.\n\n- an item that wraps as well, under its marker\n- and a second\n",
            30,
            false,
        );
        assert_eq!(
            text,
            "Title\n=====\n\nA paragraph with `code` that\nis long enough to wrap at\nthirty columns.\n\n•  an item that wraps as well,\n   under its marker\n•  and a second\n"
        );
        assert!(text.lines().all(|l| l.chars().count() <= 30));
    }

    #[test]
    fn a_wide_table_becomes_records() {
        let md = "| field | meaning |\n| --- | --- |\n| `id` | what the deck is kept under, for ever and ever |\n";
        let narrow = to_terminal(md, 30, false);
        assert_eq!(
            narrow,
            "  `id`\n    meaning: what the deck\n      is kept under, for ever\n      and ever\n"
        );
        let wide = to_terminal(md, 80, false);
        assert!(
            wide.contains("`id`   what the deck is kept under"),
            "{wide}"
        );
    }

    #[test]
    fn colour_styles_headings_and_code() {
        let text = to_terminal("## Part\n\nSee `x`.\n", 40, true);
        assert!(text.contains("\u{1b}[1m"), "{text:?}");
        assert!(text.contains("\u{1b}[36m"), "{text:?}");
    }
}
