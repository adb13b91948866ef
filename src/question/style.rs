//! How a text looks, apart from what it says: words, hyphens, an article, a plural, an
//! acronym. Wrong options are drawn in the answer's look first, so that "the one written
//! differently" is no clue ("Sin Ryong Man" among "Choe Ryong-hae" and "Ri Il-hwan").

/// The look of a text: its word count (capped at 4) in the low three bits, then one bit per
/// mark. Two bytes, as drawing options compares the looks of dozens of items per question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Style(u16);

const WORDS: u16 = 0b111;
const HYPHEN: u16 = 1 << 3;
const ARTICLE: u16 = 1 << 4;
const PLURAL: u16 = 1 << 5;
const CAPITALISED: u16 = 1 << 6;
const ACRONYM: u16 = 1 << 7;
const DIGITS: u16 = 1 << 8;

impl Style {
    pub fn of(text: &str) -> Self {
        // One pass over the words, without collecting them: every item of a deck is
        // looked at when the index is built.
        let (mut count, mut capitals, mut acronym) = (0usize, 0usize, false);
        let (mut first, mut last) = ("", "");
        for w in text.split_whitespace() {
            if count == 0 {
                first = w;
            }
            last = w;
            count += 1;
            capitals += usize::from(w.starts_with(char::is_uppercase));
            acronym |= w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase());
        }
        let article = if first.is_ascii() {
            ["the", "a", "an"]
                .iter()
                .any(|a| first.eq_ignore_ascii_case(a))
        } else {
            matches!(first.to_lowercase().as_str(), "the" | "a" | "an")
        };
        let last = last.to_lowercase();
        let last = last.trim_end_matches(|c: char| !c.is_alphanumeric());
        let marks = [
            (text.contains('-'), HYPHEN),
            (article, ARTICLE),
            (is_plural(last), PLURAL),
            (capitals * 2 > count, CAPITALISED),
            (acronym, ACRONYM),
            (text.bytes().any(|b| b.is_ascii_digit()), DIGITS),
        ];
        let count = u16::try_from(count.min(4)).unwrap_or(4);
        Style(
            marks
                .iter()
                .filter(|(on, _)| *on)
                .fold(count, |bits, (_, mark)| bits | mark),
        )
    }

    fn words(&self) -> u16 {
        self.0 & WORDS
    }

    /// How many of the marks differ (a word count counts once per word, at most twice).
    pub fn distance(&self, other: &Style) -> u8 {
        let flags = ((self.0 ^ other.0) & !WORDS).count_ones();
        let words = self.words().abs_diff(other.words()).min(2);
        u8::try_from(flags).unwrap_or(6) + u8::try_from(words).unwrap_or(2)
    }

    #[cfg(test)]
    fn plural(&self) -> bool {
        self.0 & PLURAL != 0
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
        assert!(Style::of("provincial party committees").plural());
        assert!(!Style::of("the party congress").plural());
        assert_eq!(
            Style::of("the Central Committee").distance(&Style::of("the Political Bureau")),
            0
        );
        // Every mark counts once, the word count at most twice.
        assert_eq!(
            Style::of("The KPA Hyon-2 Divisions").distance(&Style::of("kim")),
            6 + 2
        );
        assert_eq!(Style::of("a b").distance(&Style::of("a b c")), 1);
    }
}
