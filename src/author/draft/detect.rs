//! The language a document is written in, guessed for `draft` when `--language` is not
//! given: by its script first (Hangul is Korean, kana Japanese, Han without kana Chinese,
//! Arabic, Hebrew, Cyrillic Russian or Ukrainian), then, for Latin text, by the short
//! words every sentence of a language is full of ("der", "und"; "le", "et"; "el", "y").
//! Good enough to pick how dates and numbers are read; the author can always say.

use crate::deck::Language;
use crate::read::script::{Script, script_of};

/// Characters looked at: enough for any document's script, quick on a large one.
const SAMPLE: usize = 20_000;

/// Short words frequent in each Latin-script language with rules of its own.
const FUNCTION_WORDS: [(Language, &[&str]); 5] = [
    (
        Language::English,
        &["the", "and", "of", "was", "were", "is", "in", "to", "with"],
    ),
    (
        Language::German,
        &[
            "der", "die", "das", "und", "ist", "wurde", "mit", "von", "den", "im",
        ],
    ),
    (
        Language::French,
        &[
            "le", "la", "les", "et", "est", "des", "du", "une", "dans", "au",
        ],
    ),
    (
        Language::Spanish,
        &[
            "el", "los", "las", "y", "es", "del", "una", "fue", "con", "en",
        ],
    ),
    (
        Language::Italian,
        &["il", "gli", "della", "che", "è", "di", "con", "nel", "sono"],
    ),
];

/// The language `doc` is most likely written in.
pub fn language_of(doc: &str) -> Language {
    let mut counts = [0usize; 8];
    let mut kana = 0;
    let mut ukrainian = 0;
    for c in doc.chars().take(SAMPLE) {
        let slot = match script_of(c) {
            Script::Latin => 0,
            Script::Cyrillic => {
                ukrainian += usize::from(matches!(c, 'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є'));
                1
            }
            Script::Hangul => 2,
            Script::Kana => {
                kana += 1;
                3
            }
            Script::Han => 4,
            Script::Arabic => 5,
            Script::Hebrew => 6,
            Script::Greek | Script::Other => 7,
        };
        counts[slot] += 1;
    }
    let cjk = counts[2] + counts[3] + counts[4];
    // The first of equals: Latin when there are no letters at all.
    let top = [counts[0], counts[1], cjk, counts[5], counts[6]]
        .iter()
        .enumerate()
        .max_by_key(|(i, n)| (**n, usize::MAX - i))
        .map_or(0, |(i, _)| i);
    match top {
        1 if ukrainian > 0 => Language::Ukrainian,
        1 => Language::Russian,
        2 if counts[2] >= counts[3] + counts[4] => Language::Korean,
        2 if kana > 0 => Language::Japanese,
        2 => Language::Chinese,
        3 => Language::Arabic,
        4 => Language::Hebrew,
        _ => latin_language(doc),
    }
}

fn latin_language(doc: &str) -> Language {
    let mut scores = [0usize; FUNCTION_WORDS.len()];
    for word in doc
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && w.len() <= 5)
        .take(SAMPLE / 4)
    {
        let word = word.to_lowercase();
        for (score, (_, words)) in scores.iter_mut().zip(FUNCTION_WORDS) {
            *score += usize::from(words.contains(&word.as_str()));
        }
    }
    let best = scores
        .iter()
        .enumerate()
        .max_by_key(|(i, n)| (**n, usize::MAX - i))
        .map_or(0, |(i, _)| i);
    FUNCTION_WORDS[best].0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_told_apart_by_script_then_by_their_small_words() {
        let docs = [
            (
                "조선의 세종은 1443년에 훈민정음을 창제하였다.",
                Language::Korean,
            ),
            (
                "東京オリンピックは1964年10月1日に開幕した。",
                Language::Japanese,
            ),
            ("中华人民共和国于1949年10月1日成立。", Language::Chinese),
            (
                "Гагарин полетел в космос 12 апреля 1961 года.",
                Language::Russian,
            ),
            ("Київ є столицею України.", Language::Ukrainian),
            (
                "تأسست جامعة الدول العربية في 22 مارس 1945.",
                Language::Arabic,
            ),
            ("מדינת ישראל הוכרזה ב-14 במאי 1948.", Language::Hebrew),
            (
                "Die Wiedervereinigung wurde am 3. Oktober 1990 vollzogen, und die Zahl der Länder stieg.",
                Language::German,
            ),
            (
                "La prise de la Bastille a eu lieu le 14 juillet 1789 et est une date des révolutions.",
                Language::French,
            ),
            (
                "Colón llegó a América el 12 de octubre de 1492 con los barcos y la tripulación.",
                Language::Spanish,
            ),
            (
                "The landing was on July 20, 1969, and the crew returned.",
                Language::English,
            ),
            ("", Language::English),
        ];
        for (doc, want) in docs {
            assert_eq!(language_of(doc), want, "{doc}");
        }
    }
}
