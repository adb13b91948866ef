//! Month names as typed in the languages with rules of their own: "Oktober", "juillet",
//! "апреля", "مارس", "במרץ". A month's name means the same month in every language, so
//! any of them is read in any deck; only a name's first letters that could begin two
//! months ("jui": juin or juillet) are refused.

use super::normalize::key;

/// Per month, its names and their usual abbreviations, as comparison keys (lowercase,
/// Latin without diacritics, Arabic hamza on alef folded). Cyrillic genitives ("апреля")
/// are the forms dates use.
const MONTHS: [&[&str]; 12] = [
    &[
        "january",
        "januar",
        "janner",
        "janvier",
        "enero",
        "gennaio",
        "janeiro",
        "januari",
        "январь",
        "января",
        "січня",
        "يناير",
        "ינואר",
    ],
    &[
        "february",
        "februar",
        "feber",
        "fevrier",
        "febrero",
        "febbraio",
        "fevereiro",
        "februari",
        "февраль",
        "февраля",
        "лютого",
        "فبراير",
        "شباط",
        "פברואר",
    ],
    &[
        "march",
        "marz",
        "maerz",
        "mars",
        "marzo",
        "marco",
        "maart",
        "март",
        "марта",
        "березня",
        "مارس",
        "اذار",
        "מרץ",
        "מרס",
    ],
    &[
        "april",
        "avril",
        "abril",
        "aprile",
        "апрель",
        "апреля",
        "квітня",
        "ابريل",
        "نيسان",
        "אפריל",
    ],
    &[
        "may",
        "mai",
        "mayo",
        "maggio",
        "maio",
        "mei",
        "май",
        "мая",
        "травня",
        "مايو",
        "ايار",
        "מאי",
    ],
    &[
        "june",
        "juni",
        "juin",
        "junio",
        "giugno",
        "junho",
        "июнь",
        "июня",
        "червня",
        "يونيو",
        "يونيه",
        "حزيران",
        "יוני",
    ],
    &[
        "july",
        "juli",
        "juillet",
        "julio",
        "luglio",
        "julho",
        "июль",
        "июля",
        "липня",
        "يوليو",
        "يوليه",
        "تموز",
        "יולי",
    ],
    &[
        "august",
        "aout",
        "agosto",
        "augustus",
        "август",
        "августа",
        "серпня",
        "اغسطس",
        "اب",
        "אוגוסט",
    ],
    &[
        "september",
        "septembre",
        "septiembre",
        "setiembre",
        "settembre",
        "setembro",
        "сентябрь",
        "сентября",
        "вересня",
        "سبتمبر",
        "ايلول",
        "ספטמבר",
    ],
    &[
        "october",
        "oktober",
        "octobre",
        "octubre",
        "ottobre",
        "outubro",
        "октябрь",
        "октября",
        "жовтня",
        "اكتوبر",
        "تشرين الاول",
        "אוקטובר",
    ],
    &[
        "november",
        "novembre",
        "noviembre",
        "novembro",
        "ноябрь",
        "ноября",
        "листопада",
        "نوفمبر",
        "تشرين الثاني",
        "נובמבר",
    ],
    &[
        "december",
        "dezember",
        "decembre",
        "diciembre",
        "dicembre",
        "dezembro",
        "декабрь",
        "декабря",
        "грудня",
        "ديسمبر",
        "كانون الاول",
        "דצמבר",
    ],
];

/// Months whose Levantine Arabic name is two words ("كانون الثاني"), by their first word.
const FIRST_WORDS: [&str; 2] = ["تشرين", "كانون"];

/// Whether `word` (a key) is the first of a two-word month name: the caller reads the
/// next word with it.
pub fn starts_two_word_name(word: &str) -> bool {
    FIRST_WORDS.contains(&word)
}

/// The month (1–12) `token` names: a whole name in any language, or at least three
/// letters of an alphabetic one (Latin or Cyrillic) that begin one month's names only.
/// Hebrew's "in" (ב) before a month is read too ("במרץ").
pub fn month_of(token: &str) -> Option<i8> {
    let word = key(token);
    if word.is_empty() {
        return None;
    }
    let exact = MONTHS
        .iter()
        .position(|names| names.contains(&word.as_str()));
    let found = exact.or_else(|| by_prefix(&word)).or_else(|| {
        let rest = word.strip_prefix('ב')?;
        MONTHS.iter().position(|names| names.contains(&rest))
    })?;
    i8::try_from(found + 1).ok()
}

/// The month `token` names in full in any language ("Oktober", "апреля", "juillet"), without
/// reading abbreviations: for prose, where "Set" or "Mar" are more often other words.
pub fn month_named(token: &str) -> Option<i8> {
    let word = key(token);
    let found = MONTHS
        .iter()
        .position(|names| names.contains(&word.as_str()))?;
    i8::try_from(found + 1).ok()
}

fn by_prefix(word: &str) -> Option<usize> {
    let alphabetic = word
        .chars()
        .all(|c| c.is_ascii_lowercase() || ('а'..='я').contains(&c) || c == 'і' || c == 'ї');
    if word.chars().count() < 3 || !alphabetic {
        return None;
    }
    let mut months = MONTHS
        .iter()
        .enumerate()
        .filter(|(_, names)| names.iter().any(|n| n.starts_with(word)))
        .map(|(i, _)| i);
    let first = months.next()?;
    months.next().is_none().then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names_of_each_language() {
        let months = [
            "Oktober",
            "Okt",
            "März",
            "Maerz",
            "juillet",
            "août",
            "février",
            "апреля",
            "Май",
            "сент",
            "مارس",
            "أيلول",
            "במרץ",
            "דצמבר",
            "Sept",
            "diciembre",
        ]
        .map(month_of);
        assert_eq!(
            months.map(|m| m.unwrap_or(0)),
            [10, 10, 3, 3, 7, 8, 2, 4, 5, 9, 3, 9, 3, 12, 9, 12]
        );
        assert_eq!(month_of("jui"), None, "juin or juillet");
        assert_eq!(month_of("ma"), None);
        assert_eq!(month_of("soon"), None);
        assert_eq!(month_of("تشرين الأول"), Some(10));
        assert_eq!(month_named("Oktober"), Some(10));
        assert_eq!(month_named("Okt"), None);
        assert_eq!(month_named("Set"), None);
    }
}
