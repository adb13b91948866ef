//! A guide as a man page: `man factdeck-deck-format`. Section 1, beside the command pages,
//! so that `factdeck man --dir ~/.local/share/man/man1` installs it where `man` looks (a
//! section 7 page in a `man1` directory is not found).

use roff::{Inline, Roff, bold, italic, roman};

use super::Topic;
use super::blocks::{Block, Span, parse};

/// The page's file name and its roff source.
pub fn to_roff(topic: &Topic, version: &str) -> (String, String) {
    let name = format!("factdeck-{}", topic.name);
    let mut page = Roff::new();
    page.control(
        "TH",
        [
            name.to_uppercase().as_str(),
            "1",
            "",
            &format!("factdeck {version}"),
        ],
    );
    page.control("SH", ["NAME"]);
    page.text([roman(format!("{name} - {}", topic.summary))]);
    page.control("SH", ["DESCRIPTION"]);
    page.text([
        roman("This guide is also printed by "),
        bold(format!("factdeck help {}", topic.name)),
        roman("."),
    ]);
    for block in parse(topic.markdown) {
        match block {
            // The title is the page's name.
            Block::Heading { level: 1, .. } => {}
            Block::Heading { level: 2, spans } => {
                page.control("SH", [plain(&spans).to_uppercase().as_str()]);
            }
            Block::Heading { spans, .. } => {
                page.control("SS", [plain(&spans).as_str()]);
            }
            Block::Paragraph(spans) => {
                page.control("PP", []);
                page.text(inlines(&spans));
            }
            Block::Item {
                depth,
                marker,
                spans,
            } => {
                let indent = (2 + 2 * depth).to_string();
                page.control("IP", [marker.as_str(), indent.as_str()]);
                page.text(inlines(&spans));
            }
            Block::Code(code) => {
                page.control("PP", [])
                    .control("RS", ["4"])
                    .control("nf", []);
                for line in code.lines() {
                    page.text([roman(line)]);
                }
                page.control("fi", []).control("RE", []);
            }
            Block::Table(rows) => {
                let Some((header, body)) = rows.split_first() else {
                    continue;
                };
                for row in body {
                    let mut cells = row.iter().zip(header);
                    let Some((first, _)) = cells.next() else {
                        continue;
                    };
                    page.control("TP", []);
                    page.text(inlines(first));
                    let mut text = Vec::new();
                    for (cell, name) in cells.filter(|(cell, _)| !plain(cell).is_empty()) {
                        if !text.is_empty() {
                            text.push(roff::line_break());
                        }
                        text.push(italic(format!("{}: ", plain(name))));
                        text.extend(inlines(cell));
                    }
                    page.text(text);
                }
            }
        }
    }
    (format!("{name}.1"), page.render())
}

fn plain(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect()
}

fn inlines(spans: &[Span]) -> Vec<Inline> {
    spans
        .iter()
        .map(|s| {
            // A hard line break inside a paragraph is a space on a man page.
            let text = s.text.replace('\n', " ");
            if s.code || s.strong {
                bold(text)
            } else if s.emphasis {
                italic(text)
            } else {
                roman(text)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_guide_becomes_a_man_page() {
        let topic = Topic {
            name: "demo",
            summary: "a demo",
            markdown: "# Demo\n\n## Part one\n\nText with `code`.\n\n```sh\n.start -x\n```\n",
        };
        let (file, page) = to_roff(&topic, "1.0");
        assert_eq!(file, "factdeck-demo.1");
        assert!(page.contains(".TH FACTDECK-DEMO 1"), "{page}");
        assert!(page.contains(".SH \"PART ONE\""), "{page}");
        assert!(page.contains("\\fBcode\\fR"), "{page}");
        // A code line that starts with a dot is text, not a request.
        assert!(page.contains("\\&.start"), "{page}");
    }
}
