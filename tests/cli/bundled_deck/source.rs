//! Reading facts straight out of the source text, to compare the deck against.

use super::SOURCE;

/// The comma-separated names on the first non-empty line after `heading`.
pub fn names_after(heading: &str) -> Vec<String> {
    let (_, rest) = SOURCE
        .split_once(heading)
        .unwrap_or_else(|| panic!("the source has no `{heading}`"));
    let line = rest
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .expect("a line of names");
    line.split(", ").map(str::to_owned).collect()
}

/// The `- item` lines directly after `heading`.
pub fn bullets_after(heading: &str) -> Vec<String> {
    let (_, rest) = SOURCE
        .split_once(heading)
        .unwrap_or_else(|| panic!("the source has no `{heading}`"));
    rest.lines()
        .skip_while(|l| l.trim().is_empty())
        .map_while(|l| l.trim().strip_prefix("- "))
        .map(str::to_owned)
        .collect()
}

/// One row of the delegate table: `| Military | 408 | 719 | −311 |`.
#[derive(Debug)]
pub struct Row {
    pub label: String,
    pub eighth: i64,
    pub seventh: i64,
    /// The `+/–` column; empty on the totals row.
    pub change: Option<i64>,
}

/// Every table row whose second and third cells are numbers.
pub fn table_rows() -> Vec<Row> {
    SOURCE
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line
                .trim()
                .strip_prefix('|')?
                .split('|')
                .map(str::trim)
                .collect();
            Some(Row {
                label: cells.first()?.to_string(),
                eighth: count(cells.get(1)?)?,
                seventh: count(cells.get(2)?)?,
                change: cells.get(3).and_then(|c| count(c)),
            })
        })
        .collect()
}

/// "1,959" → 1959, "+414" → 414, "−311" (with U+2212 MINUS SIGN) → -311.
pub fn count(text: &str) -> Option<i64> {
    let plain = text.replace(',', "").replace('\u{2212}', "-");
    plain.strip_prefix('+').unwrap_or(&plain).parse().ok()
}

/// The numbers written in `text` as digits ("7,000" and "80-day" give "7,000" and "80").
pub fn number_tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_ascii_digit() || c == ','))
        .map(|t| t.trim_matches(','))
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_parsers_read_the_source_as_written() {
    let rows = table_rows();
    assert_eq!(rows.len(), 7, "six sectors and the totals: {rows:#?}");
    assert_eq!(rows[3].label, "Military");
    assert_eq!(rows[3].change, Some(-311));
    assert_eq!(count("1,959"), Some(1959));
    assert_eq!(count("Sector"), None);
    assert_eq!(
        number_tokens("from January 5 to 12, 2021"),
        ["5", "12", "2021"]
    );
    assert_eq!(
        number_tokens("an 80-day campaign of 7,000"),
        ["80", "7,000"]
    );
}
