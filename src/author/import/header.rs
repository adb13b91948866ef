//! The header lines of Anki's plain-text format: `#key:value` lines at the top of the file
//! that say how to read the rest (`#separator:tab`, `#html:true`, `#columns:Front<TAB>Back`,
//! `#deck:…`, `#tags column:3`, …). Lines starting with `#` at the top without a known key
//! are comments, as in Anki.

/// The comment line factdeck's Anki export writes among the header lines (Anki reads a
/// `#` line without a key as a comment).
pub const FACTDECK_EXPORT: &str = "written by factdeck export, answers keep their line breaks";

/// What the header lines say.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Header {
    pub separator: Option<u8>,
    pub html: Option<bool>,
    /// Column names from `#columns:`, split later at the separator.
    pub columns: Option<String>,
    /// `#deck:` — the deck's name in Anki.
    pub deck: Option<String>,
    /// `#tags:` — tags for every note.
    pub tags: Vec<String>,
    /// 1-based columns that are not note fields.
    pub guid_column: Option<usize>,
    pub notetype_column: Option<usize>,
    pub deck_column: Option<usize>,
    pub tags_column: Option<usize>,
    /// The file says it was written by factdeck's export, whose answers are whole: a
    /// line break in one is part of it, not the start of a note.
    pub whole_answers: bool,
    /// How many lines the header takes.
    pub lines: usize,
    /// How many bytes the header takes.
    pub bytes: usize,
}

impl Header {
    /// Reads the header lines at the top of `text`.
    pub fn parse(text: &str) -> Header {
        let mut h = Header::default();
        for line in text.split_inclusive('\n') {
            let Some(rest) = line.strip_prefix('#') else {
                break;
            };
            h.lines += 1;
            h.bytes += line.len();
            let rest = rest.trim_end_matches(['\n', '\r']);
            if rest.trim() == FACTDECK_EXPORT {
                h.whole_answers = true;
            }
            let Some((key, value)) = rest.split_once(':') else {
                continue;
            };
            let column = || value.trim().parse::<usize>().ok().filter(|c| *c > 0);
            match key.trim().to_ascii_lowercase().as_str() {
                "separator" => h.separator = separator(value),
                "html" => h.html = value.trim().to_ascii_lowercase().parse().ok(),
                "columns" => h.columns = Some(value.to_owned()),
                "deck" => h.deck = Some(value.trim().to_owned()).filter(|d| !d.is_empty()),
                "tags" => h.tags = value.split_whitespace().map(str::to_owned).collect(),
                "guid column" => h.guid_column = column(),
                "notetype column" => h.notetype_column = column(),
                "deck column" => h.deck_column = column(),
                "tags column" => h.tags_column = column(),
                _ => {}
            }
        }
        h
    }

    /// The 1-based columns that hold something other than note fields.
    pub fn meta_columns(&self) -> Vec<usize> {
        [
            self.guid_column,
            self.notetype_column,
            self.deck_column,
            self.tags_column,
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// Anki's separator names, or a single character.
fn separator(value: &str) -> Option<u8> {
    let named = match value.trim().to_ascii_lowercase().as_str() {
        "tab" => Some(b'\t'),
        "comma" => Some(b','),
        "semicolon" => Some(b';'),
        "space" => Some(b' '),
        "pipe" => Some(b'|'),
        "colon" => Some(b':'),
        _ => None,
    };
    named.or_else(|| match value.as_bytes() {
        [b] if b.is_ascii() => Some(*b),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_ankis_headers_and_stops_at_the_first_row() {
        let text = "#separator:tab\n#html:true\n#guid column:1\n#deck column:2\n#tags column:5\n# a comment\nabc\tDefault\tQ\tA\ttag\n#not a header\n";
        let h = Header::parse(text);
        assert_eq!(h.separator, Some(b'\t'));
        assert_eq!(h.html, Some(true));
        assert_eq!(h.meta_columns(), [1, 2, 5]);
        assert_eq!(h.lines, 6);
        assert!(text[h.bytes..].starts_with("abc"));
        assert_eq!(Header::parse("#separator:;\nq;a").separator, Some(b';'));
        assert_eq!(Header::parse("#separator:Comma\r\n").separator, Some(b','));
        assert_eq!(Header::parse("q\ta").lines, 0);
    }
}
