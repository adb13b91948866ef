//! The grading table per script (issue 17): each language's text compared in its own
//! letters, its numbers and dates read as its readers write them. The wrong verdicts the
//! issue names are rows here: 平城 for 平成, 세조 for 세종, مسر for مصر, harakat and
//! niqqud, ё and е, Muenchen, 11.238 in German, `3776 m` for a figure in metres.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use factdeck::deck::{Language, Number, Tolerance};
use factdeck::grade::{Verdict, grade};
use factdeck::question::{Answer, DateAnswer, Form, NumberAnswer, Question, TextAnswer};

fn question(language: Language, form: Form, answer: Answer) -> Question {
    Question {
        fact: "f".into(),
        kind: form.kind(),
        form,
        prompt: "?".into(),
        options: Vec::new(),
        answer,
        explanation: String::new(),
        language,
    }
}

/// Builds the questions of one language's table.
struct Deck(Language);

impl Deck {
    fn text(&self, answer: &str, accepted: &[&str]) -> Question {
        question(
            self.0,
            Form::CardTyped,
            Answer::Text(TextAnswer {
                text: answer.into(),
                accepted: accepted.iter().map(|s| (*s).to_owned()).collect(),
                rejected: Vec::new(),
            }),
        )
    }

    fn figure(&self, value: Number, unit: Option<&str>) -> Question {
        question(
            self.0,
            Form::FigureTyped,
            Answer::Number(NumberAnswer {
                value,
                tolerance: Tolerance::Exact,
                unit: unit.map(Into::into),
                also: Vec::new(),
            }),
        )
    }

    fn number(&self, value: i64) -> Question {
        self.figure(Number::integer(value), None)
    }

    fn decimal(&self, value: f64, decimals: u8) -> Question {
        self.figure(Number::decimal(value, decimals), None)
    }

    fn date(&self, iso: &str) -> Question {
        question(
            self.0,
            Form::DateTyped,
            Answer::Date(DateAnswer {
                date: iso.parse().unwrap(),
                also: Vec::new(),
            }),
        )
    }
}

#[derive(Debug, Clone, Copy)]
enum Expect {
    Correct,
    /// Accepted as a typo of the answer.
    Close,
    Wrong,
    /// Not read as an answer: the hint contains this.
    Hint(&'static str),
}
use Expect::{Close, Correct, Hint, Wrong};

fn run(language: &str, rows: &[(&Question, &str, Expect)]) {
    assert!(rows.len() >= 15, "{language}: {} rows", rows.len());
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|(q, input, expect)| {
            let verdict = grade(q, input);
            let ok = match (&verdict, expect) {
                (Verdict::Correct, Correct)
                | (Verdict::Close { .. }, Close)
                | (Verdict::Wrong { hint: None, .. }, Wrong) => true,
                (Verdict::Wrong { hint: Some(h), .. }, Hint(want)) => h.contains(want),
                _ => false,
            };
            (!ok).then(|| {
                format!(
                    "{input:?} for {:?}: expected {expect:?}, got {verdict:?}",
                    q.expected()
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{language}: {} of {} rows failed:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

#[test]
fn korean() {
    let d = Deck(Language::Korean);
    let sejong = d.text("세종", &[]);
    let busan = d.text("부산", &[]);
    let andong = d.text("안동", &[]);
    let king = d.text("세종대왕", &[]);
    let government = d.text("대한민국임시정부", &[]);
    let script = d.text("훈민정음", &[]);
    let people = d.number(80_000_000);
    let countries = d.number(193);
    let year = d.date("1443");
    let day = d.date("1926-11-04");
    run(
        "Korean",
        &[
            (&sejong, "세종", Correct),
            (&sejong, "\u{1109}\u{1166}\u{110c}\u{1169}\u{11bc}", Correct),
            (&sejong, "세조", Wrong),
            (&busan, "부산", Correct),
            (&busan, "부안", Wrong),
            (&busan, "무산", Wrong),
            (&andong, "안성", Wrong),
            (&king, "세종 대왕", Correct),
            (&king, "태종대왕", Wrong),
            (&government, "대한민국 임시정부", Correct),
            (&government, "대한민국임시정보", Close),
            (&script, "훈민정을", Wrong),
            (&people, "8천만", Correct),
            (&people, "8천만 명", Correct),
            (&people, "8000만", Correct),
            (&people, "80,000,000", Correct),
            (&people, "7천만", Wrong),
            (&countries, "１９３", Correct),
            (&countries, "193개국", Correct),
            (&year, "1443년", Correct),
            (&year, "1446년", Wrong),
            (&day, "1926년 11월 4일", Correct),
            (&day, "1926. 11. 4.", Correct),
            (&day, "1926.11.4", Correct),
            (&day, "1926년 11월", Hint("the day is missing")),
            (&day, "언젠가", Hint("1926년 11월 4일")),
        ],
    );
}

#[test]
fn japanese() {
    let d = Deck(Language::Japanese);
    let heisei = d.text("平成", &[]);
    let reiwa = d.text("令和", &[]);
    let meiji = d.text("明治", &[]);
    let ryoma = d.text("坂本龍馬", &[]);
    let market = d.text("市場", &[]);
    let manjiro = d.text("ジョン万次郎", &[]);
    let katakana = d.text("カタカナ", &[]);
    let prefectures = d.number(47);
    let population = d.number(128_080_000);
    let fuji = d.figure(Number::integer(3776), Some("m"));
    let olympics = d.date("1964-10-01");
    run(
        "Japanese",
        &[
            (&heisei, "平成", Correct),
            (&heisei, "平城", Wrong),
            (&heisei, "heisei", Wrong),
            (&reiwa, "零和", Wrong),
            (&meiji, "明智", Wrong),
            (&ryoma, "坂本 龍馬", Correct),
            (&ryoma, "坂本隆馬", Wrong),
            (&market, "市長", Wrong),
            (&manjiro, "ジョン・万次郎", Correct),
            (&katakana, "ｶﾀｶﾅ", Correct),
            (&prefectures, "47都道府県", Correct),
            (&prefectures, "４７", Correct),
            (&prefectures, "四十七", Correct),
            (&prefectures, "48", Wrong),
            (&population, "1億2808万", Correct),
            (&population, "1億2808万人", Correct),
            (&population, "1億2800万", Wrong),
            (&fuji, "3776 m", Correct),
            (&fuji, "3776m", Correct),
            (&fuji, "3,776メートル", Correct),
            (&olympics, "1964年10月1日", Correct),
            (&olympics, "１９６４年１０月１日", Correct),
            (&olympics, "1964/10/1", Correct),
            (&olympics, "1964年10月2日", Wrong),
            (&olympics, "1964年10月", Hint("the day is missing")),
            (&olympics, "10月1日", Hint("needs a year")),
        ],
    );
}

#[test]
fn chinese() {
    let d = Deck(Language::Chinese);
    let beijing = d.text("北京", &[]);
    let mao = d.text("毛泽东", &["毛澤東"]);
    let sun = d.text("孙中山", &[]);
    let prc = d.text("中华人民共和国", &[]);
    let people = d.number(1_400_000_000);
    let nations = d.number(56);
    let founding = d.date("1949-10-01");
    run(
        "Chinese",
        &[
            (&beijing, "北京", Correct),
            (&beijing, "背景", Wrong),
            (&beijing, "beijing", Wrong),
            (&mao, "毛泽东", Correct),
            (&mao, "毛澤東", Correct),
            (&mao, "毛 泽东", Correct),
            (&mao, "毛泽西", Wrong),
            (&sun, "孙逸仙", Wrong),
            (&prc, "中华人民共和国", Correct),
            (&prc, "中华人民共合国", Close),
            (&prc, "中华民国", Wrong),
            (&people, "14亿", Correct),
            (&people, "十四亿", Correct),
            (&people, "14億", Correct),
            (&people, "13亿", Wrong),
            (&nations, "五十六", Correct),
            (&nations, "56个民族", Correct),
            (&founding, "1949年10月1日", Correct),
            (&founding, "1949年10月1号", Correct),
            (&founding, "1949-10-01", Correct),
            (&founding, "1949年", Hint("month and day are missing")),
        ],
    );
}

#[test]
fn russian() {
    let d = Deck(Language::Russian);
    let korolev = d.text("Королёв", &[]);
    let moscow = d.text("Москва", &[]);
    let gagarin = d.text("Гагарин", &[]);
    let share = d.decimal(83.6, 1);
    let people = d.number(146_000_000);
    let flight = d.date("1961-04-12");
    run(
        "Russian",
        &[
            (&korolev, "Королёв", Correct),
            (&korolev, "Королев", Correct),
            (&korolev, "КОРОЛЁВ", Correct),
            (&moscow, "Мoсква", Correct),
            (&moscow, "Москва\u{301}", Correct),
            (&moscow, "Масква", Close),
            (&gagarin, "Гагарен", Close),
            (&gagarin, "Gagarin", Wrong),
            (&gagarin, "Титов", Wrong),
            (&share, "83,6", Correct),
            (&share, "83.6", Hint("a comma marks decimals")),
            (&share, "83,5", Wrong),
            (&people, "146 млн", Correct),
            (&people, "146 000 000", Correct),
            (&people, "146.000.000", Correct),
            (&flight, "12 апреля 1961", Correct),
            (&flight, "12 апреля 1961 г.", Correct),
            (&flight, "12-го апреля 1961 года", Correct),
            (&flight, "12.04.1961", Correct),
            (&flight, "12.4.1961", Correct),
            (&flight, "13 апреля 1961", Wrong),
            (&flight, "апрель 1961", Hint("the day is missing")),
        ],
    );
}

#[test]
fn german() {
    let d = Deck(Language::German);
    let munich = d.text("München", &[]);
    let street = d.text("Straße", &[]);
    let cologne = d.text("Köln", &[]);
    let count = d.number(11_238);
    let states = d.number(16);
    let people = d.figure(Number::decimal(83.6, 1), Some("Millionen"));
    let unity = d.date("1990-10-03");
    run(
        "German",
        &[
            (&munich, "München", Correct),
            (&munich, "Muenchen", Correct),
            (&munich, "Munchen", Correct),
            (&munich, "MÜNCHEN", Correct),
            (&munich, "Mnchen", Close),
            (&street, "Strasse", Correct),
            (&cologne, "Koeln", Correct),
            (&cologne, "Kiel", Wrong),
            (&count, "11.238", Correct),
            (&count, "11238", Correct),
            (&count, "11 238", Correct),
            // A decimal comma: eleven point two three eight, another number.
            (&count, "11,238", Wrong),
            (&count, "11.238,0", Correct),
            (&states, "16 Bundesländer", Correct),
            (&people, "83,6", Correct),
            (&people, "83,6 Millionen", Correct),
            (&unity, "3. Oktober 1990", Correct),
            (&unity, "am 3. Okt. 1990", Correct),
            (&unity, "03.10.1990", Correct),
            (&unity, "3.10.1990", Correct),
            (&unity, "10.03.1990", Wrong),
            (&unity, "Oktober 1990", Hint("the day is missing")),
            (&unity, "bald", Hint("3. Oktober 1990")),
        ],
    );
}

#[test]
fn french() {
    let d = Deck(Language::French);
    let elysee = d.text("Élysée", &[]);
    let region = d.text("Île-de-France", &[]);
    let clemenceau = d.text("Clemenceau", &[]);
    let rate = d.decimal(2.5, 1);
    let people = d.number(67_000_000);
    let seats = d.number(5000);
    let bastille = d.date("1789-07-14");
    let labour = d.date("1886-05-01");
    run(
        "French",
        &[
            (&elysee, "Elysee", Correct),
            (&elysee, "élysée", Correct),
            (&region, "ile de france", Correct),
            (&clemenceau, "Clémenceau", Correct),
            (&clemenceau, "Clemenseau", Close),
            (&clemenceau, "Poincaré", Wrong),
            (&rate, "2,5", Correct),
            (&rate, "2,6", Wrong),
            (&people, "67 millions", Correct),
            (&people, "67 000 000", Correct),
            (&seats, "5\u{202f}000", Correct),
            (&seats, "5.000", Correct),
            (&bastille, "14 juillet 1789", Correct),
            (&bastille, "le 14 juillet 1789", Correct),
            (&bastille, "14/07/1789", Correct),
            (&bastille, "14.07.1789", Correct),
            (&bastille, "14 juin 1789", Wrong),
            (&bastille, "juillet 1789", Hint("the day is missing")),
            (&labour, "1er mai 1886", Correct),
        ],
    );
}

#[test]
fn arabic() {
    let d = Deck(Language::Arabic);
    let egypt = d.text("مصر", &[]);
    let nasser = d.text("جمال عبد الناصر", &[]);
    let ahmad = d.text("أحمد", &[]);
    let cairo = d.text("القاهرة", &[]);
    let members = d.number(193);
    let ratio = d.decimal(3.5, 1);
    let league = d.date("1945-03-22");
    run(
        "Arabic",
        &[
            (&egypt, "مصر", Correct),
            (&egypt, "مِصْر", Correct),
            (&egypt, "مسر", Wrong),
            (&nasser, "جَمال عَبْد النّاصِر", Correct),
            (&nasser, "جمال عبد الناصر", Correct),
            (&ahmad, "احمد", Correct),
            (&ahmad, "محمد", Wrong),
            (&cairo, "القـاهرة", Correct),
            (&cairo, "القاهره", Close),
            (&members, "١٩٣", Correct),
            (&members, "۱۹۳", Correct),
            (&members, "193", Correct),
            (&members, "١٩٤", Wrong),
            (&ratio, "٣٫٥", Correct),
            (&league, "22 مارس 1945", Correct),
            (&league, "٢٢ مارس ١٩٤٥", Correct),
            (&league, "22 آذار 1945", Correct),
            (&league, "22/03/1945", Correct),
            (&league, "23 مارس 1945", Wrong),
            (&league, "مارس 1945", Hint("the day is missing")),
        ],
    );
}

#[test]
fn hebrew() {
    let d = Deck(Language::Hebrew);
    let jerusalem = d.text("ירושלים", &[]);
    let idf = d.text("צה״ל", &[]);
    let tel_aviv = d.text("תל אביב", &[]);
    let ben_gurion = d.text("בן-גוריון", &[]);
    let horse = d.text("סוס", &[]);
    let knesset = d.number(120);
    let independence = d.date("1948-05-14");
    run(
        "Hebrew",
        &[
            (&jerusalem, "יְרוּשָׁלַיִם", Correct),
            (&jerusalem, "ירושלים", Correct),
            (&jerusalem, "ירושלם", Close),
            (&jerusalem, "חיפה", Wrong),
            (&idf, "צהל", Correct),
            (&idf, "צה\"ל", Correct),
            (&tel_aviv, "תל-אביב", Correct),
            (&ben_gurion, "בן גוריון", Correct),
            (&ben_gurion, "בגין", Wrong),
            (&horse, "שוס", Wrong),
            (&knesset, "120", Correct),
            (&knesset, "121", Wrong),
            (&independence, "14 במאי 1948", Correct),
            (&independence, "14 מאי 1948", Correct),
            (&independence, "14.5.1948", Correct),
            (&independence, "14/05/1948", Correct),
            (&independence, "15 במאי 1948", Wrong),
            (&independence, "מאי 1948", Hint("the day is missing")),
        ],
    );
}

/// A figure's own unit wins over a multiplier of the same spelling, in English too.
#[test]
fn a_figures_unit_wins_over_a_multiplier() {
    let d = Deck(Language::English);
    let fuji = d.figure(Number::integer(3776), Some("m"));
    let budget = d.number(2_500_000);
    run(
        "English",
        &[
            (&fuji, "3776 m", Correct),
            (&fuji, "3776m", Correct),
            (&fuji, "3,776 m", Correct),
            (&fuji, "3776 metres", Correct),
            (&fuji, "3777 m", Wrong),
            (&budget, "2.5m", Correct),
            (&budget, "2.5 million", Correct),
            (&budget, "2,500,000", Correct),
            (&budget, "2.5 m", Correct),
            (&budget, "2,5", Hint("misplaced comma")),
            (&budget, "11.238", Wrong),
            (&budget, "２５０万", Correct),
            (&budget, "2.5mn", Correct),
            (&budget, "2.5 billion", Wrong),
            (&budget, "2 500 000", Correct),
        ],
    );
    let other = Deck(Language::Other);
    let count = other.number(11_238);
    assert!(matches!(
        grade(&count, "11.238"),
        Verdict::Wrong { hint: Some(h), .. } if h.contains("whole number or a decimal")
    ));
    assert_eq!(grade(&count, "11238"), Verdict::Correct);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    /// Whatever is typed, in any script and any deck language, grading gives a verdict:
    /// no reader of numbers, dates or text panics on it.
    #[test]
    fn any_input_in_any_script_gets_a_verdict(
        input in "[0-9０-９٠-٩.,'٫٬ 万億亿만억천千百十年月日년월일号%mkMapril апреля Oktober\\PC]{0,24}",
        which in 0usize..8,
    ) {
        let languages = [
            Language::English, Language::German, Language::Korean, Language::Japanese,
            Language::Russian, Language::Arabic, Language::Hebrew, Language::Other,
        ];
        let d = Deck(languages[which]);
        for q in [
            d.number(11_238),
            d.figure(Number::integer(3776), Some("m")),
            d.decimal(83.6, 1),
            d.date("1990-10-03"),
            d.text("세종대왕", &["세종"]),
            d.text("ירושלים", &[]),
        ] {
            let _ = grade(&q, &input);
        }
    }
}
