//! One quiz or one `generate` run: no question's prompt, options or explanation holds the
//! answer of another question of the run, and no question comes twice. Checked over 300
//! ten-question runs of each deck a person would quiz on, both ways a run is dealt (the
//! generator's and the quiz's pool), with an independent reading of "holds the answer".
#![allow(clippy::unwrap_used, clippy::expect_used)]

use factdeck::deck::{FactDate, load_str};
use factdeck::question::{
    Answer, ChoiceValues, Generator, Question, Selection, Settings, rng_from_seed,
};
use factdeck::quiz::{Pool, PoolDeck};
use factdeck::read::normalize::{contains_words, key};

const DECKS: [(&str, &str); 3] = [
    ("bundled", include_str!("../../decks/wpk-8th-congress.toml")),
    ("apollo", include_str!("../fixtures/apollo.toml")),
    ("football", include_str!("../fixtures/football-laws.toml")),
];

const RUNS: u64 = 300;
const COUNT: usize = 10;

/// How an answer would show in another question's text.
enum Needle {
    Words(String),
    Number(f64),
    Date(FactDate),
}

fn needles(q: &Question) -> Vec<Needle> {
    let words = |t: &str| Needle::Words(key(t));
    match &q.answer {
        Answer::Choice(c) => match &c.values {
            ChoiceValues::Text => std::iter::once(&q.options[c.correct])
                .chain(&c.aliases)
                .map(|t| words(t))
                .collect(),
            ChoiceValues::Numbers { values, .. } => {
                vec![Needle::Number(values[c.correct].value().abs())]
            }
            ChoiceValues::Dates(d) => vec![Needle::Date(d[c.correct])],
        },
        Answer::Number(n) => vec![Needle::Number(n.value.value())],
        Answer::Date(d) => vec![Needle::Date(d.date)],
        Answer::Text(t) => std::iter::once(&t.text)
            .chain(&t.accepted)
            .map(|a| words(a))
            .collect(),
        Answer::Bool(_) | Answer::Order(_) => Vec::new(),
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether `text` shows the answer `needle`: its words, its number outside a date, or its
/// date written out or in ISO form.
fn shows(text: &str, needle: &Needle) -> bool {
    match needle {
        Needle::Words(k) => !k.is_empty() && contains_words(&key(text), k),
        Needle::Number(n) => {
            let tokens: Vec<String> = text
                .split_whitespace()
                .map(|t| {
                    t.trim_matches(|c: char| !c.is_ascii_alphanumeric())
                        .to_lowercase()
                })
                .collect();
            let month = |i: usize| tokens.get(i).is_some_and(|t| MONTHS.contains(&t.as_str()));
            tokens.iter().enumerate().any(|(i, t)| {
                let value = t.replace(',', "").parse::<f64>().ok();
                let in_date = (i > 0 && month(i - 1))
                    || month(i + 1)
                    || (i > 1 && month(i - 2))
                    || (i > 2 && month(i - 3));
                value == Some(*n) && !in_date
            })
        }
        // Written out: the month beside its day ("January 12", "12 January") and the year
        // in the text, or the ISO form; a year alone as a word of its own.
        Needle::Date(d) => {
            let k = key(text);
            let year = d.year_number().to_string();
            let month = d
                .month_number()
                .map(|m| MONTHS[usize::try_from(m - 1).unwrap()]);
            let written = match (month, d.day_number()) {
                (Some(m), Some(day)) => {
                    contains_words(&k, &format!("{m} {day}"))
                        || contains_words(&k, &format!("{day} {m}"))
                }
                (Some(m), None) => contains_words(&k, &format!("{m} {year}")),
                _ => text
                    .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
                    .any(|w| w == year),
            };
            text.contains(&d.to_string()) || (written && contains_words(&k, &year))
        }
    }
}

fn shown(q: &Question) -> String {
    format!("{}\n{}\n{}", q.prompt, q.options.join("\n"), q.explanation)
}

/// The pairs of questions of a run about different facts where one holds the other's answer.
fn crossings(run: &[Question]) -> Vec<String> {
    let mut out = Vec::new();
    for a in run {
        for b in run.iter().filter(|b| b.fact != a.fact) {
            if needles(a).iter().any(|n| shows(&shown(b), n)) {
                out.push(format!("`{}` answers `{}`", b.fact, a.fact));
            }
        }
    }
    out
}

fn repeats(run: &[Question]) -> usize {
    let mut seen: Vec<(String, Vec<String>)> = Vec::new();
    let mut repeated = 0;
    for q in run {
        let mut o = q.options.clone();
        o.sort();
        let s = (q.prompt.clone(), o);
        if seen.contains(&s) {
            repeated += 1;
        }
        seen.push(s);
    }
    repeated
}

#[test]
fn no_generate_run_holds_an_answer_of_another_of_its_questions() {
    for (name, text) in DECKS {
        let deck = load_str(text).unwrap().deck;
        let facts: Vec<usize> = (0..deck.facts.len()).collect();
        let g = Generator::new(deck, Settings::default());
        let mut crossed = Vec::new();
        for seed in 0..RUNS {
            let run = g.questions(&facts, COUNT, &mut rng_from_seed(seed));
            assert_eq!(run.len(), COUNT);
            assert_eq!(repeats(&run), 0, "{name} seed {seed}");
            crossed.extend(
                crossings(&run)
                    .into_iter()
                    .map(|c| format!("seed {seed}: {c}")),
            );
        }
        assert!(
            crossed.is_empty(),
            "{name}: {} crossings\n{}",
            crossed.len(),
            crossed.join("\n")
        );
    }
}

#[test]
fn no_quiz_holds_an_answer_of_another_of_its_questions() {
    for (name, text) in DECKS {
        let deck = load_str(text).unwrap().deck;
        let mut crossed = 0;
        for seed in 0..RUNS {
            let pool_deck = PoolDeck {
                id: name.to_owned(),
                hash: String::new(),
                generator: Generator::new(deck.clone(), Settings::default()),
            };
            let mut pool = Pool::new(vec![pool_deck], &Selection::default()).unwrap();
            let mut rng = rng_from_seed(seed);
            let run: Vec<Question> = (0..COUNT)
                .filter_map(|_| pool.next(&mut rng).map(|d| d.question))
                .collect();
            assert_eq!(run.len(), COUNT);
            crossed += usize::from(!crossings(&run).is_empty());
        }
        assert_eq!(
            crossed, 0,
            "{name}: {crossed} of {RUNS} quizzes hold a cross-answer"
        );
    }
}

/// The check above finds what it should: the explanation of the congress's opening quotes
/// the city, which is the answer of "In which city…?".
#[test]
fn the_check_would_catch_a_crossing() {
    let deck = load_str(DECKS[0].1).unwrap().deck;
    let g = Generator::new(deck, Settings::default());
    let opening = g.position("congress-opening").unwrap();
    let city = g.position("city").unwrap();
    let mut rng = rng_from_seed(1);
    let a = g
        .generate_form(opening, factdeck::question::Form::DateTyped, &mut rng)
        .unwrap();
    let b = g
        .generate_form(city, factdeck::question::Form::CardTyped, &mut rng)
        .unwrap();
    assert_eq!(crossings(&[a, b]).len(), 1);
}
