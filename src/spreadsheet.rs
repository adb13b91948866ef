//! CSV cells that a spreadsheet opens as text, never as a formula ("CSV injection").
//!
//! As OWASP recommends: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
//! return gets a leading `'`, which spreadsheets take as "this is text" and do not show;
//! the CSV writer then quotes the cell as needed. `factdeck import` takes the `'` off again,
//! so an export imports back as it was (a cell that already began with `'` before a formula
//! character gets one more, so that this holds for every cell).

use std::borrow::Cow;

const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a spreadsheet could take the cell for a formula, after any `'`s.
fn needs_quote(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// The cell as it is written to a CSV file.
pub fn neutralised(cell: &str) -> Cow<'_, str> {
    match needs_quote(cell) {
        true => Cow::Owned(format!("'{cell}")),
        false => Cow::Borrowed(cell),
    }
}

/// A cell read from CSV, with the `'` of [`neutralised`] taken off again.
pub fn restored(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_quote(rest) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_start_a_formula_are_text() {
        for cell in [
            "=1+2", "+1", "-2+3", "@SUM(A1)", "\t=x", "\r=x", "'=x", "''-1",
        ] {
            assert_eq!(neutralised(cell), format!("'{cell}"));
            assert_eq!(restored(&neutralised(cell)), cell);
        }
        for cell in ["plain", "1-2", "a=b", "'quoted", ""] {
            assert_eq!(neutralised(cell), cell);
            assert_eq!(restored(cell), cell);
        }
    }
}
