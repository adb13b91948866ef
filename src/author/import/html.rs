//! Text out of the simple HTML that Anki keeps in note fields: line breaks (`<br>`, block
//! elements) become lines, italic text (`<i>`, `<em>`) is marked as an aside, other tags
//! and media references go, and every HTML entity is decoded (html-escape has the whole
//! HTML5 table: `&iacute;`, `&mdash;`, `&rsquo;` as well as `&amp;` and `&#233;`).

/// Elements that start and end a line of their own.
const BLOCKS: &[&str] = &[
    "div", "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table",
];
/// Elements whose text is an aside to the answer ("Canberra <i>not Sydney</i>").
const ASIDES: &[&str] = &["i", "em"];

/// One line of a field: its runs of text, each an aside or not.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    pub runs: Vec<(String, bool)>,
}

impl Line {
    /// The whole line as written, asides and all.
    fn raw(&self) -> String {
        self.runs.iter().map(|(t, _)| t.as_str()).collect()
    }

    /// The line trimmed.
    pub fn text(&self) -> String {
        self.raw().trim().to_owned()
    }

    /// The line without its asides, and the asides.
    fn split(&self) -> (String, Vec<String>) {
        let main: String = self
            .runs
            .iter()
            .filter(|(_, aside)| !aside)
            .map(|(t, _)| t.as_str())
            .collect();
        let asides = self
            .runs
            .iter()
            .filter(|(_, aside)| *aside)
            .map(|(t, _)| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        (main.trim().to_owned(), asides)
    }

    fn is_empty(&self) -> bool {
        self.runs.iter().all(|(t, _)| t.trim().is_empty())
    }
}

/// The lines of an HTML field. `<br>` and a line end always start a line; a block element
/// starts one unless the line is still empty (so `<div>a</div><div>b</div>` is two lines).
pub fn lines(html: &str) -> Vec<Line> {
    let mut lines = vec![Line::default()];
    let mut aside_depth = 0usize;
    let mut text = String::new();
    let flush = |text: &mut String, lines: &mut Vec<Line>, aside: bool| {
        if !text.is_empty() {
            // `&nbsp;` is a space to a reader; a no-break space typed as a character stays.
            let spaced = text.replace("&nbsp;", " ");
            let decoded = html_escape::decode_html_entities(&spaced).into_owned();
            if let Some(line) = lines.last_mut() {
                line.runs.push((decoded, aside));
            }
            text.clear();
        }
    };
    let soft_break = |lines: &mut Vec<Line>| {
        if lines.last().is_some_and(|l| !l.runs.is_empty()) {
            lines.push(Line::default());
        }
    };
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
        {
            flush(&mut text, &mut lines, aside_depth > 0);
            let tag = rest[1..end].trim().to_ascii_lowercase();
            let closing = tag.starts_with('/');
            let name = tag
                .trim_start_matches('/')
                .split(|c: char| c.is_whitespace() || c == '/')
                .next()
                .unwrap_or("");
            if ASIDES.contains(&name) {
                aside_depth = if closing {
                    aside_depth.saturating_sub(1)
                } else {
                    aside_depth + 1
                };
            } else if name == "br" {
                lines.push(Line::default());
            } else if BLOCKS.contains(&name) {
                soft_break(&mut lines);
            }
            rest = &rest[end + 1..];
        } else if c == '\n' {
            flush(&mut text, &mut lines, aside_depth > 0);
            lines.push(Line::default());
            rest = &rest[1..];
        } else if rest.starts_with("[sound:")
            && let Some(end) = rest.find(']')
        {
            rest = &rest[end + 1..];
        } else {
            text.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    flush(&mut text, &mut lines, aside_depth > 0);
    lines
}

/// The text of an HTML field: its lines, trimmed as a whole (a line's own spaces and
/// tabs are kept, so that factdeck's own export reads back exactly).
pub fn to_text(html: &str) -> String {
    lines(html)
        .iter()
        .map(Line::raw)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

/// An answer to type and what is only said about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub answer: String,
    pub aside: Option<String>,
}

/// Splits an answer that would otherwise be several lines, which nobody can type: the
/// first line without its italic asides is the answer; the asides and the other lines are
/// a note. Three or more short lines with no aside are a list, answered on one line
/// ("observe, hypothesise, test").
pub fn answer(lines: &[Line]) -> Answer {
    let lines: Vec<&Line> = lines.iter().filter(|l| !l.is_empty()).collect();
    let short = |l: &Line| {
        let text = l.text();
        text.split_whitespace().count() <= 3 && !text.starts_with('(')
    };
    let plain = |l: &Line| l.runs.iter().all(|(_, aside)| !aside);
    if lines.len() >= 3 && lines.iter().all(|l| short(l) && plain(l)) {
        return Answer {
            answer: lines
                .iter()
                .map(|l| l.text())
                .collect::<Vec<_>>()
                .join(", "),
            aside: None,
        };
    }
    let Some((first, rest)) = lines.split_first() else {
        return Answer {
            answer: String::new(),
            aside: None,
        };
    };
    let (main, asides) = first.split();
    let (answer, mut note) = if main.is_empty() {
        (first.text(), Vec::new())
    } else {
        (main, asides)
    };
    note.extend(rest.iter().map(|l| l.text()));
    Answer {
        answer,
        aside: (!note.is_empty()).then(|| note.join("\n")),
    }
}

/// Whether a field of a file that does not say (no `#html:` line) holds HTML: a tag Anki
/// writes, or an entity.
pub fn looks_like_html(text: &str) -> bool {
    const TAGS: &[&str] = &[
        "<br>", "<br/>", "<br />", "<div>", "</div>", "<i>", "</i>", "<b>", "</b>", "<p>", "</p>",
        "<span", "<em>", "<img ",
    ];
    let lower = text.to_ascii_lowercase();
    TAGS.iter().any(|t| lower.contains(t))
        || lower.match_indices('&').any(|(at, _)| {
            let name: String = lower[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
                .take(10)
                .collect();
            !name.is_empty() && lower[at + 1 + name.len()..].starts_with(';')
        })
}

/// The HTML of an answer split at its first `<hr>`: the answer, and what follows (shown in
/// factdeck as the card's note). factdeck's own Anki export puts the explanation there.
pub fn split_at_rule(html: &str) -> (&str, Option<&str>) {
    let lower = html.to_ascii_lowercase();
    match lower.find("<hr") {
        Some(at) => {
            let after = html[at..].find('>').map_or(html.len(), |e| at + e + 1);
            (&html[..at], Some(&html[after..]))
        }
        None => (html, None),
    }
}

/// Text as HTML: `&`, `<`, `>` and `"` escaped, newlines as `<br>`, and `[` as an entity
/// so that text like "[sound:x]" is not taken for an Anki media reference.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '[' => out.push_str("&#91;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_go_breaks_stay_entities_decode() {
        assert_eq!(
            to_text("<div><b>Paris</b>&nbsp;&amp; Lyon</div><div>two<br/>lines</div>"),
            "Paris & Lyon\ntwo\nlines"
        );
        assert_eq!(
            to_text("a &lt;b&gt; &#233;t&#xE9; &bogus; [sound:x.mp3]"),
            "a <b> été &bogus;"
        );
        assert_eq!(to_text("<img src=\"x.jpg\">"), "");
    }

    /// The names Anki's editor writes when text is pasted from the web, not only the five
    /// of XML.
    #[test]
    fn every_named_entity_is_decoded() {
        assert_eq!(to_text("Bras&iacute;lia"), "Brasília");
        assert_eq!(
            to_text(
                "&laquo;Caf&eacute;&raquo; &mdash; S&atilde;o Paulo&hellip; it&rsquo;s &euro;5 &copy; &frac12; &Uuml;"
            ),
            "«Café» — São Paulo… it’s €5 © ½ Ü"
        );
    }

    #[test]
    fn escaping_round_trips() {
        let text = "a < b & \"c\" > d\nnext [sound:x] <hr> &amp;";
        assert_eq!(to_text(&escape(text)), text);
    }

    #[test]
    fn a_rule_splits_answer_from_note() {
        assert_eq!(
            split_at_rule("Paris<hr id=x>Capital"),
            ("Paris", Some("Capital"))
        );
        assert_eq!(split_at_rule("Paris"), ("Paris", None));
    }

    fn split(html: &str) -> (String, Option<String>) {
        let a = answer(&lines(html));
        (a.answer, a.aside)
    }

    #[test]
    fn a_two_line_answer_is_an_answer_and_a_note() {
        assert_eq!(
            split("Canberra<br><i>not Sydney</i>"),
            ("Canberra".into(), Some("not Sydney".into()))
        );
        assert_eq!(
            split("Canberra <i>(not Sydney)</i>"),
            ("Canberra".into(), Some("(not Sydney)".into()))
        );
        assert_eq!(
            split("<div>Tokyo</div><div>(since 1868)</div>"),
            ("Tokyo".into(), Some("(since 1868)".into()))
        );
        assert_eq!(split("<i>Homo sapiens</i>"), ("Homo sapiens".into(), None));
        assert_eq!(
            split("<div>observe</div><div>hypothesise</div><div>test</div>"),
            ("observe, hypothesise, test".into(), None)
        );
    }

    #[test]
    fn html_is_recognised_by_its_tags_and_entities() {
        assert!(looks_like_html("Bras&iacute;lia"));
        assert!(looks_like_html("one<br>two"));
        assert!(!looks_like_html("a < b & c > d; R&D"));
    }
}
