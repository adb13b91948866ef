//! How a text looks, apart from what it says: words, hyphens, an article, a plural, an
//! acronym. Wrong options are drawn in the answer's look first, so that "the one written
//! differently" is no clue ("Sin Ryong Man" among "Choe Ryong-hae" and "Ri Il-hwan").

/// The look of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Style {
    words: u8,
    hyphen: bool,
    article: bool,
    plural: bool,
    capitalised: bool,
    acronym: bool,
    digits: bool,
}

impl Style {
    pub fn of(text: &str) -> Self {
        let words: Vec<&str> = text.split_whitespace().collect();
        let first = words.first().map_or(String::new(), |w| w.to_lowercase());
        let last = words.last().map_or(String::new(), |w| w.to_lowercase());
        let last = last.trim_end_matches(|c: char| !c.is_alphanumeric());
        let capitals = words
            .iter()
            .filter(|w| w.starts_with(char::is_uppercase))
            .count();
        Style {
            words: u8::try_from(words.len().min(4)).unwrap_or(4),
            hyphen: text.contains('-'),
            article: matches!(first.as_str(), "the" | "a" | "an"),
            plural: is_plural(last),
            capitalised: capitals * 2 > words.len(),
            acronym: words
                .iter()
                .any(|w| w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase())),
            digits: text.chars().any(|c| c.is_ascii_digit()),
        }
    }

    /// How many of the marks differ (a word count counts once per word, at most twice).
    pub fn distance(&self, other: &Style) -> u8 {
        let flags = [
            self.hyphen != other.hyphen,
            self.article != other.article,
            self.plural != other.plural,
            self.capitalised != other.capitalised,
            self.acronym != other.acronym,
            self.digits != other.digits,
        ];
        let flags = flags.iter().filter(|f| **f).count();
        u8::try_from(flags).unwrap_or(6) + self.words.abs_diff(other.words).min(2)
    }
}

/// An English plural by its ending ("committees", not "congress", "status" or "news").
pub fn is_plural(word: &str) -> bool {
    let w = word.to_lowercase();
    w.len() > 3
        && w.ends_with('s')
        && !["ss", "us", "is", "news", "ics"]
            .iter()
            .any(|end| w.ends_with(end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_written_alike_are_near() {
        let spaced = Style::of("Sin Ryong Man");
        assert_eq!(spaced.distance(&Style::of("Kim Jong Un")), 0);
        assert!(spaced.distance(&Style::of("Choe Ryong-hae")) >= 2);
        assert!(Style::of("provincial party committees").plural);
        assert!(!Style::of("the party congress").plural);
        assert_eq!(
            Style::of("the Central Committee").distance(&Style::of("the Political Bureau")),
            0
        );
    }
}
