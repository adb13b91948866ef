//! A guide's Markdown read into the few shapes the terminal and man renderers draw:
//! headings, paragraphs, list items, code and tables, of spans of styled text.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A run of text in one style.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub code: bool,
    pub strong: bool,
    pub emphasis: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading {
        level: u8,
        spans: Vec<Span>,
    },
    Paragraph(Vec<Span>),
    /// A list item (or a further paragraph of one, with an empty marker), `depth` lists deep.
    Item {
        depth: usize,
        marker: String,
        spans: Vec<Span>,
    },
    Code(String),
    /// Rows of cells; the first row is the header.
    Table(Vec<Vec<Vec<Span>>>),
}

#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    spans: Vec<Span>,
    style: Span,
    /// Per open list, the next item's number (`None`: bullets).
    lists: Vec<Option<u64>>,
    marker: Option<String>,
    code: Option<String>,
    heading: Option<u8>,
    table: Option<Vec<Vec<Vec<Span>>>>,
    link: Option<String>,
}

/// Reads `markdown`; HTML (comments) is left out, and a link keeps its text, followed by
/// where it leads when that is a guide (`factdeck help …`) or a web address.
pub fn parse(markdown: &str) -> Vec<Block> {
    let mut r = Reader::default();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        r.event(event);
    }
    r.flush();
    r.blocks
}

impl Reader {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => match &mut self.code {
                Some(code) => code.push_str(&t),
                None => self.push(&t, false),
            },
            Event::Code(t) => self.push(&t, true),
            Event::SoftBreak => self.push(" ", false),
            Event::HardBreak => self.push("\n", false),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush();
                self.heading = Some(level as u8);
            }
            Tag::List(start) => {
                self.flush();
                self.lists.push(start);
            }
            Tag::Item => {
                self.flush();
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}.", *n - 1)
                    }
                    _ => "•".to_owned(),
                };
                self.marker = Some(marker);
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.code = Some(String::new());
            }
            Tag::Table(_) => {
                self.flush();
                self.table = Some(Vec::new());
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(rows) = &mut self.table {
                    rows.push(Vec::new());
                }
            }
            Tag::Link { dest_url, .. } => self.link = Some(dest_url.into_string()),
            Tag::Strong => self.style.strong = true,
            Tag::Emphasis => self.style.emphasis = true,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item => self.flush(),
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::CodeBlock => {
                if let Some(code) = self.code.take() {
                    self.blocks.push(Block::Code(code));
                }
            }
            TagEnd::TableCell => {
                let cell = std::mem::take(&mut self.spans);
                if let Some(row) = self.table.as_mut().and_then(|rows| rows.last_mut()) {
                    row.push(cell);
                }
            }
            TagEnd::Table => {
                if let Some(rows) = self.table.take() {
                    self.blocks.push(Block::Table(rows));
                }
            }
            TagEnd::Link => {
                let url = self.link.take().unwrap_or_default();
                if let Some(topic) = super::linked_topic(&url) {
                    self.push(" (", false);
                    self.push(&format!("factdeck help {}", topic.name), true);
                    self.push(")", false);
                } else if url.starts_with("https://") || url.starts_with("http://") {
                    self.push(&format!(" <{url}>"), false);
                }
            }
            TagEnd::Strong => self.style.strong = false,
            TagEnd::Emphasis => self.style.emphasis = false,
            _ => {}
        }
    }

    fn push(&mut self, text: &str, code: bool) {
        let style = Span {
            text: String::new(),
            code,
            ..self.style.clone()
        };
        match self.spans.last_mut() {
            Some(last)
                if (last.code, last.strong, last.emphasis)
                    == (code, style.strong, style.emphasis) =>
            {
                last.text.push_str(text);
            }
            _ => self.spans.push(Span {
                text: text.to_owned(),
                ..style
            }),
        }
    }

    /// Ends the heading, paragraph or item being read, if any.
    fn flush(&mut self) {
        if self.table.is_some() {
            return;
        }
        let spans = std::mem::take(&mut self.spans);
        if let Some(level) = self.heading.take() {
            self.blocks.push(Block::Heading { level, spans });
        } else if !self.lists.is_empty() {
            let marker = self.marker.take();
            if !spans.is_empty() || marker.is_some() {
                self.blocks.push(Block::Item {
                    depth: self.lists.len(),
                    marker: marker.unwrap_or_default(),
                    spans,
                });
            }
        } else if !spans.is_empty() {
            self.blocks.push(Block::Paragraph(spans));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(spans: &[Span]) -> String {
        spans.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn reads_headings_lists_code_and_tables() {
        let blocks = parse(
            "# Title\n\nSome **bold** and `code`.\n<!-- hidden -->\n\n- one\n- two\n  1. nested\n\n```toml\na = 1\n```\n\n| f | t |\n| --- | --- |\n| `id` | string |\n",
        );
        assert!(
            matches!(&blocks[0], Block::Heading { level: 1, spans } if plain(spans) == "Title")
        );
        let Block::Paragraph(p) = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(plain(p), "Some bold and code.");
        assert!(p.iter().any(|s| s.strong && s.text == "bold"));
        assert!(p.iter().any(|s| s.code && s.text == "code"));
        assert!(
            matches!(&blocks[2], Block::Item { depth: 1, marker, spans } if marker == "•" && plain(spans) == "one")
        );
        assert!(matches!(&blocks[4], Block::Item { depth: 2, marker, .. } if marker == "1."));
        assert_eq!(blocks[5], Block::Code("a = 1\n".to_owned()));
        let Block::Table(rows) = &blocks[6] else {
            panic!("{blocks:?}")
        };
        assert_eq!(rows.len(), 2);
        assert_eq!(plain(&rows[1][0]), "id");
    }
}
