//! Finding a quoted field that never closes. The `csv` crate reads such a field to the end
//! of the file without complaint, which would swallow every row after it into one answer.

/// Where an unclosed quoted field starts: the byte offset of its row and the row's 1-based
/// line (within `data`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unclosed {
    pub row_start: usize,
    pub row_line: usize,
    pub last_line: usize,
}

/// Scans `data` as CSV with `separator` (quotes open only at the start of a field, `""` is
/// an escaped quote, as the `csv` crate reads them).
pub fn unclosed(data: &str, separator: u8) -> Option<Unclosed> {
    let bytes = data.as_bytes();
    let mut in_quotes = false;
    let mut field_start = true;
    let mut line = 1;
    let mut row_start = 0;
    let mut row_line = 1;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_quotes {
            if b == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    in_quotes = false;
                }
            } else if b == b'\n' {
                line += 1;
            }
            field_start = false;
        } else if b == b'"' && field_start {
            in_quotes = true;
            field_start = false;
        } else if b == b'\n' {
            line += 1;
            field_start = true;
            row_start = i + 1;
            row_line = line;
        } else {
            field_start = b == separator || (b == b'\r' && field_start);
        }
        i += 1;
    }
    let last_line = line - usize::from(data.ends_with('\n'));
    in_quotes.then_some(Unclosed {
        row_start,
        row_line,
        last_line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balanced_quotes_and_embedded_newlines_are_fine() {
        assert_eq!(unclosed("a,\"b\nc\"\nd,\"e \"\"x\"\"\"\n", b','), None);
        assert_eq!(unclosed("5\" floppy,disk\n", b','), None);
    }

    #[test]
    fn an_open_quote_is_found_at_its_row() {
        let data = "q1,a1\nq2,\"a2 never\ncloses\nq3,a3\n";
        assert_eq!(
            unclosed(data, b','),
            Some(Unclosed {
                row_start: 6,
                row_line: 2,
                last_line: 4
            })
        );
    }
}
