//! Dates and numbers as a language's readers write them: "January 5, 2021" and "5,000" in
//! English, "5. Januar 2021" and "5.000" in German, "2021년 1월 5일" in Korean.

use crate::deck::{FactDate, Number};

use super::book::{Phrasebook, fill};

/// A date in prose, at its precision.
pub fn date(d: FactDate, book: &Phrasebook) -> String {
    let words = &book.dates;
    let year = d.year_number().to_string();
    let Some(m) = d.month_number() else {
        return fill(words.year, &[("year", &year)]);
    };
    let at = usize::try_from(m - 1).unwrap_or(0).min(11);
    let number = m.to_string();
    match d.day_number() {
        Some(day) => {
            let day = match (day, words.first_day) {
                (1, Some(first)) => first.to_owned(),
                _ => day.to_string(),
            };
            let values = [
                ("year", year.as_str()),
                ("month", words.months_after_day[at]),
                ("m", &number),
                ("day", &day),
            ];
            fill(words.day, &values)
        }
        None => {
            let values = [
                ("year", year.as_str()),
                ("month", words.months[at]),
                ("m", &number),
            ];
            fill(words.month, &values)
        }
    }
}

/// A number with its sign and unit: "5,000 delegates", "+1,363", "45%", "$25.4 billion",
/// "1 day"; "5.000 Delegierte", "45 %" in German.
pub fn number(n: Number, signed: bool, unit: Option<&str>, book: &Phrasebook) -> String {
    let words = &book.numbers;
    let digits = digits(n, book);
    let sign = if n.value() < 0.0 {
        "-"
    } else if signed && n.value() > 0.0 {
        "+"
    } else {
        ""
    };
    let unit = unit.map(str::trim).filter(|u| !u.is_empty());
    match unit {
        None => format!("{sign}{digits}"),
        Some(u) if crate::read::units::is_percent(u) => {
            fill(words.percent, &[("n", &format!("{sign}{digits}"))])
        }
        Some(u) => match u.strip_prefix(['$', '€', '£', '¥']) {
            // A currency goes before the number: "$25.4 billion".
            Some(rest) => {
                let symbol = &u[..u.len() - rest.len()];
                let rest = rest.trim();
                let gap = if rest.is_empty() { "" } else { " " };
                format!("{sign}{symbol}{digits}{gap}{rest}")
            }
            None if words.english_plurals => format!("{sign}{digits} {}", unit_for(n, u)),
            None => format!("{sign}{digits}{}{u}", words.unit_gap),
        },
    }
}

/// The digits without a sign, grouped and with the language's decimal mark.
fn digits(n: Number, book: &Phrasebook) -> String {
    let words = &book.numbers;
    let plain = match n.is_integer() {
        // Integers skip float formatting: generating 100,000 questions shows the difference.
        true => (n.value() as i64).unsigned_abs().to_string(),
        false => n.to_string().trim_start_matches('-').to_owned(),
    };
    let (int, frac) = plain
        .split_once('.')
        .map_or((plain.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(plain.len() + 8);
    let grouped = int.len() >= words.group_from;
    for (k, ch) in int.chars().enumerate() {
        if grouped && k > 0 && (int.len() - k).is_multiple_of(3) {
            out.push_str(words.group);
        }
        out.push(ch);
    }
    if let Some(frac) = frac {
        out.push_str(words.decimal);
        out.push_str(frac);
    }
    out
}

/// The unit in the number's grammatical number: "1 day", "2 days".
fn unit_for(n: Number, unit: &str) -> String {
    if n.value().abs() != 1.0 {
        return unit.to_owned();
    }
    match unit.rsplit_once(' ') {
        Some((head, last)) => format!("{head} {}", singular(last)),
        None => singular(unit),
    }
}

fn singular(word: &str) -> String {
    if super::super::style::is_plural(word) {
        word[..word.len() - 1].to_owned()
    } else {
        word.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::super::book_for;
    use super::*;
    use crate::deck::Language;

    #[test]
    fn dates_read_as_each_language_writes_them() {
        let day: FactDate = "1961-04-12".parse().unwrap();
        let first: FactDate = "1789-07-01".parse().unwrap();
        let month: FactDate = "1990-10".parse().unwrap();
        let cases = [
            (Language::English, "April 12, 1961", "October 1990"),
            (Language::German, "12. April 1961", "Oktober 1990"),
            (Language::French, "12 avril 1961", "octobre 1990"),
            (Language::Spanish, "12 de abril de 1961", "octubre de 1990"),
            (
                Language::Russian,
                "12 апреля 1961\u{a0}г.",
                "октябрь 1990\u{a0}г.",
            ),
            (Language::Korean, "1961년 4월 12일", "1990년 10월"),
            (Language::Japanese, "1961年4月12日", "1990年10月"),
            (Language::Chinese, "1961年4月12日", "1990年10月"),
        ];
        for (language, shown_day, shown_month) in cases {
            let book = book_for(language);
            assert_eq!(date(day, book), shown_day);
            assert_eq!(date(month, book), shown_month);
        }
        assert_eq!(date(first, book_for(Language::French)), "1er juillet 1789");
        let year: FactDate = "1443".parse().unwrap();
        assert_eq!(date(year, book_for(Language::Korean)), "1443년");
        assert_eq!(date(year, book_for(Language::English)), year.human());
        assert_eq!(date(day, book_for(Language::English)), day.human());
    }

    #[test]
    fn numbers_read_as_each_language_writes_them() {
        let n = Number::decimal(11238.5, 1);
        let cases = [
            (Language::English, "11,238.5"),
            (Language::German, "11.238,5"),
            (Language::French, "11\u{202f}238,5"),
            (Language::Spanish, "11\u{a0}238,5"),
            (Language::Russian, "11\u{a0}238,5"),
            (Language::Korean, "11,238.5"),
        ];
        for (language, shown) in cases {
            assert_eq!(number(n, false, None, book_for(language)), shown);
        }
        let es = book_for(Language::Spanish);
        assert_eq!(number(Number::integer(5000), false, None, es), "5000");
        let de = book_for(Language::German);
        assert_eq!(
            number(Number::integer(45), false, Some("%"), de),
            "45\u{a0}%"
        );
        let ko = book_for(Language::Korean);
        assert_eq!(
            number(Number::integer(5000), true, Some("명"), ko),
            "+5,000명"
        );
    }
}
