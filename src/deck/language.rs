//! The language a deck is written in, read from its `language` tag ("de", "ko-KR",
//! "zh-Hant"): how its readers write numbers and numeric dates, and which spellings it
//! treats as one. Grading reads answers by it; `draft` writes the tag it found.

use std::fmt;

/// A deck's language, by the primary subtag of its BCP 47 tag. Languages without rules of
/// their own are `Other`: grading then assumes no convention and asks when input could be
/// read two ways.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    #[default]
    English,
    German,
    French,
    Spanish,
    Italian,
    Portuguese,
    Dutch,
    Russian,
    Ukrainian,
    Polish,
    Turkish,
    Korean,
    Japanese,
    Chinese,
    Arabic,
    Hebrew,
    Other,
}

/// Which character separates decimals in numbers a language's readers type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalMark {
    /// 5,000.5 (English, Korean, Japanese, Chinese, Hebrew, Arabic with Western digits).
    Point,
    /// 5.000,5 or 5 000,5 (German, French, Russian and most of Europe).
    Comma,
    /// No convention known: "11.238" is asked about, not guessed.
    Unknown,
}

/// How all-numeric dates are ordered in a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumericDates {
    /// 3.10.1990, 14/07/1789.
    DayFirst,
    /// 1926. 11. 4., 1964/10/1.
    YearFirst,
    /// Both orders are in use (English): only forms with one reading are read.
    Either,
}

const TAGS: [(&str, Language); 16] = [
    ("en", Language::English),
    ("de", Language::German),
    ("fr", Language::French),
    ("es", Language::Spanish),
    ("it", Language::Italian),
    ("pt", Language::Portuguese),
    ("nl", Language::Dutch),
    ("ru", Language::Russian),
    ("uk", Language::Ukrainian),
    ("pl", Language::Polish),
    ("tr", Language::Turkish),
    ("ko", Language::Korean),
    ("ja", Language::Japanese),
    ("zh", Language::Chinese),
    ("ar", Language::Arabic),
    ("he", Language::Hebrew),
];

impl Language {
    /// The language of a tag: its primary subtag, in any case ("DE-at" is German); "iw"
    /// is Hebrew's old code.
    pub fn from_tag(tag: &str) -> Language {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        let primary = primary.to_ascii_lowercase();
        let primary = if primary == "iw" { "he" } else { &primary };
        TAGS.iter()
            .find(|(t, _)| *t == primary)
            .map_or(Language::Other, |(_, l)| *l)
    }

    /// The two-letter tag, `None` for `Other`.
    pub fn tag(self) -> Option<&'static str> {
        TAGS.iter().find(|(_, l)| *l == self).map(|(t, _)| *t)
    }

    pub fn decimal_mark(self) -> DecimalMark {
        use Language::*;
        match self {
            English | Korean | Japanese | Chinese | Hebrew | Arabic => DecimalMark::Point,
            German | French | Spanish | Italian | Portuguese | Dutch | Russian | Ukrainian
            | Polish | Turkish => DecimalMark::Comma,
            Other => DecimalMark::Unknown,
        }
    }

    pub fn numeric_dates(self) -> NumericDates {
        use Language::*;
        match self {
            Korean | Japanese | Chinese => NumericDates::YearFirst,
            English | Other => NumericDates::Either,
            _ => NumericDates::DayFirst,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag().unwrap_or("und"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_read_by_their_primary_subtag() {
        assert_eq!(Language::from_tag("de"), Language::German);
        assert_eq!(Language::from_tag("DE-at"), Language::German);
        assert_eq!(Language::from_tag("ko-KR"), Language::Korean);
        assert_eq!(Language::from_tag("zh_Hant"), Language::Chinese);
        assert_eq!(Language::from_tag("iw"), Language::Hebrew);
        assert_eq!(Language::from_tag("tlh"), Language::Other);
        assert_eq!(Language::from_tag(""), Language::Other);
        assert_eq!(Language::Korean.tag(), Some("ko"));
        assert_eq!(Language::German.decimal_mark(), DecimalMark::Comma);
        assert_eq!(Language::Korean.numeric_dates(), NumericDates::YearFirst);
    }
}
