//! What each script's readers call "the same letter", for comparison keys.
//!
//! Latin text loses its diacritics and is transliterated to ASCII (ß → ss, æ → ae): that is
//! how Latin-script answers are typed on any keyboard. Every other script keeps its own
//! letters, so that Han characters, kana, Hangul, Cyrillic, Arabic and Hebrew letters are
//! compared as written (平成 is not 平城, ص is not س). Only marks a reader may leave out are
//! dropped: Arabic harakat and tatweel, Hebrew niqqud and cantillation, Greek accents,
//! Cyrillic stress marks; ё is е, the hamza seat of alef and alef maqsura are folded.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The scripts with rules of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Latin,
    Greek,
    Cyrillic,
    Hebrew,
    Arabic,
    Hangul,
    Kana,
    Han,
    Other,
}

/// The script of `c`, by Unicode block.
pub fn script_of(c: char) -> Script {
    match u32::from(c) {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F => {
            Script::Latin
        }
        0xA720..=0xA7FF | 0xAB30..=0xAB6F | 0xFB00..=0xFB06 => Script::Latin,
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x590..=0x5FF | 0xFB1D..=0xFB4F => Script::Hebrew,
        0x600..=0x6FF | 0x750..=0x77F | 0x8A0..=0x8FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Script::Arabic
        }
        0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xAC00..=0xD7FF => Script::Hangul,
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Kana,
        0x3005..=0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => Script::Han,
        0x20000..=0x3134F => Script::Han,
        _ => Script::Other,
    }
}

/// Whether `c` is written without spaces between words (Han, kana, Hangul): a space
/// between two such characters is no word break for comparison.
pub fn is_cjk(c: char) -> bool {
    matches!(script_of(c), Script::Han | Script::Kana | Script::Hangul)
}

/// The ASCII digit of a decimal digit of any common script (Arabic-Indic ٣, Persian ۳,
/// Devanagari ३, Thai ๓, full-width ３, …).
pub fn ascii_digit(c: char) -> Option<char> {
    const ZEROS: [u32; 20] = [
        0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
        0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x17E0, 0xFF10,
    ];
    let code = u32::from(c);
    ZEROS
        .iter()
        .find(|z| (**z..**z + 10).contains(&code))
        .and_then(|z| char::from_digit(code - z, 10))
}

/// `text` (already NFKC) folded letter by letter: lowercase, marks a reader may leave out
/// dropped, Latin letters in ASCII, digits of every script as ASCII digits. Separators
/// and punctuation are left for the caller.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut base = Script::Other;
    let mut last: char = ' ';
    for c in text.nfkd() {
        if is_combining_mark(c) {
            if keeps_mark(base, last, c) {
                out.push(c);
            }
            continue;
        }
        if let Some(d) = ascii_digit(c) {
            out.push(d);
            base = Script::Other;
            last = d;
            continue;
        }
        base = script_of(c);
        last = c;
        match base {
            Script::Latin if !c.is_ascii() => {
                out.push_str(&deunicode::deunicode_char(c).unwrap_or("").to_lowercase());
            }
            Script::Greek if c == 'ς' => out.push('σ'),
            Script::Arabic => match c {
                // Alef wasla and alef maqsura, as readers type them: ا and ي.
                '\u{671}' => out.push('\u{627}'),
                '\u{649}' => out.push('\u{64A}'),
                '\u{640}' => {} // tatweel stretches a word, no letter
                _ => out.push(c),
            },
            _ => out.extend(c.to_lowercase()),
        }
    }
    out.nfc().collect()
}

/// Whether a combining mark after a letter of `base` (the letter `letter`) is part of the
/// letter (kept) or a mark a reader may leave out (dropped).
fn keeps_mark(base: Script, letter: char, mark: char) -> bool {
    match base {
        Script::Latin | Script::Greek | Script::Hebrew => false,
        // Stress marks go; й, ў and ї keep theirs; ё is е.
        Script::Cyrillic => match mark {
            '\u{306}' => true,
            '\u{308}' => !matches!(letter, 'е' | 'Е'),
            _ => false,
        },
        // Harakat and Quranic marks go; hamza and madda on alef go (أ إ آ are ا), but not
        // hamza on its other seats (ؤ ئ).
        Script::Arabic => matches!(mark, '\u{653}'..='\u{655}') && letter != '\u{627}',
        _ => true,
    }
}

/// In a word mixing Latin and Cyrillic letters (a Latin "o" typed in a Russian word, or
/// the reverse), the letters that look alike are read in the word's main script.
pub fn look_alikes(word: &str) -> Option<String> {
    const PAIRS: [(char, char); 15] = [
        ('a', 'а'),
        ('b', 'в'),
        ('c', 'с'),
        ('e', 'е'),
        ('h', 'н'),
        ('i', 'і'),
        ('j', 'ј'),
        ('k', 'к'),
        ('m', 'м'),
        ('o', 'о'),
        ('p', 'р'),
        ('s', 'ѕ'),
        ('t', 'т'),
        ('x', 'х'),
        ('y', 'у'),
    ];
    let latin = word.chars().filter(|c| c.is_ascii_alphabetic()).count();
    let cyrillic = word
        .chars()
        .filter(|c| script_of(*c) == Script::Cyrillic)
        .count();
    if latin == 0 || cyrillic == 0 {
        return None;
    }
    let to_cyrillic = cyrillic >= latin;
    Some(
        word.chars()
            .map(|c| {
                PAIRS
                    .iter()
                    .find(|(l, cy)| if to_cyrillic { *l == c } else { *cy == c })
                    .map_or(c, |(l, cy)| if to_cyrillic { *cy } else { *l })
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(s: &str) -> String {
        fold(&s.nfkc().collect::<String>())
    }

    #[test]
    fn latin_loses_its_marks_and_other_scripts_keep_their_letters() {
        assert_eq!(folded("Ŭlchi Mundŏk"), "ulchi mundok");
        assert_eq!(folded("Straße"), "strasse");
        assert_eq!(folded("平成"), "平成");
        assert_eq!(folded("ガ"), "ガ", "the voicing mark is part of the kana");
        assert_eq!(folded("세종"), "세종");
        assert_eq!(folded("Ёлка"), "елка");
        assert_eq!(folded("молоко\u{301}"), "молоко");
        assert_eq!(folded("йод"), "йод");
        assert_eq!(folded("Київ"), "київ");
        assert_eq!(folded("جَمال"), "جمال");
        assert_eq!(folded("أحمد إبراهيم آمنة"), "احمد ابراهيم امنة");
        assert_eq!(folded("مؤتمر"), "مؤتمر");
        assert_eq!(folded("יְרוּשָׁלַיִם"), "ירושלים");
        assert_eq!(folded("Ἀθῆναι"), "αθηναι");
        assert_eq!(folded("١٩٣ ۱۹۳ ４７"), "193 193 47");
        assert_eq!(folded("नमस्ते"), "नमस्ते", "Devanagari signs are letters");
    }

    #[test]
    fn look_alikes_follow_the_words_script() {
        assert_eq!(look_alikes("мoсквa").as_deref(), Some("москва"));
        assert_eq!(look_alikes("kіm").as_deref(), Some("kim"));
        assert_eq!(look_alikes("москва"), None);
    }
}
