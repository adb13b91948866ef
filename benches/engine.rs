//! Question generation and grading on a synthetic 100,000-fact deck.
//! Run with `cargo bench --bench engine`; results are recorded in docs/performance.md.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use compact_str::CompactString;
use std::sync::OnceLock;

use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use factdeck::deck::*;
use factdeck::grade::grade;
use factdeck::question::{Generator, Question, Settings, rng_from_seed};

const FACTS: usize = 100_000;

fn main() {
    divan::main();
}

fn name(i: usize) -> String {
    const SYLLABLES: [&str; 16] = [
        "kim", "ri", "pak", "choe", "jong", "hyon", "song", "mun", "chol", "nam", "gwan", "jin",
        "ryong", "man", "sol", "hui",
    ];
    let s = |k: usize| SYLLABLES[(i / 16usize.pow(k as u32)) % 16];
    format!("{} {} {} {}", s(0), s(1), s(2), i % 997)
}

fn meta(i: usize) -> FactMeta {
    FactMeta {
        id: format!("fact-{i}").into(),
        tags: vec![format!("tag-{}", i % 20).into()].into(),
        quote: Some(format!("The source says so about {}.", name(i)).into()),
        note: None,
    }
}

/// Six kinds in turn; groups of about 50, dates spread over 120 years.
fn synthetic_deck() -> Deck {
    let facts = (0..FACTS)
        .map(|i| {
            let group: Option<CompactString> = Some(format!("group-{}", i / 300).into());
            match i % 6 {
                0 => Fact::from(DateFact {
                    meta: meta(i),
                    event: format!("the event of {}", name(i)).into(),
                    question: Wording::default(),
                    date: FactDate::day(
                        1900 + (i % 120) as i16,
                        1 + (i % 12) as i8,
                        1 + (i % 28) as i8,
                    )
                    .unwrap(),
                    end: None,
                    also: Vec::new(),
                    also_note: None,
                    precedes: Vec::new(),
                    follows: Vec::new(),
                }),
                1 => Fact::from(FigureFact {
                    meta: meta(i),
                    what: format!("the number of members of {}", name(i)),
                    at: None,
                    question: Wording::default(),
                    value: Number::integer(((i * 7919) % 100_000) as i64 + 1),
                    unit: None,
                    tolerance: Tolerance::Exact,
                    group,
                    previous: Some(Box::new(Previous {
                        value: Number::integer((i % 5000) as i64),
                        at: "before".into(),
                    })),
                    also: Vec::new(),
                    also_note: None,
                }),
                2 => Fact::from(ChangeFact {
                    meta: meta(i),
                    subject: format!("the title of {}", name(i)).into(),
                    sides: ChangeSides::Both {
                        before: name(i + 1).into(),
                        after: name(i + 2).into(),
                    },
                    accept_before: Vec::new(),
                    accept_after: Vec::new(),
                    sort: group,
                    question: Wording::default(),
                }),
                3 => Fact::from(CardFact {
                    meta: meta(i),
                    question: format!("Who led the office number {i}?"),
                    answer: name(i).into(),
                    accept: Vec::new(),
                    group,
                    sort: None,
                }),
                4 => Fact::from(SetFact {
                    meta: meta(i),
                    name: format!("the committee number {i}").into(),
                    members: (0..5).map(|k| name(i * 5 + k).into()).collect(),
                    group,
                    sort: None,
                    question: Wording::default(),
                }),
                _ => Fact::from(SequenceFact {
                    meta: meta(i),
                    name: format!("the agenda number {i}").into(),
                    items: (0..5).map(|k| name(i * 7 + k).into()).collect(),
                    sort: None,
                    question: Wording::default(),
                }),
            }
        })
        .collect();
    Deck {
        meta: DeckMeta {
            id: "synthetic".into(),
            title: "Synthetic".into(),
            description: String::new(),
            language: "en".into(),
            source: None,
            quotes: true,
        },
        facts,
    }
}

fn deck() -> &'static Deck {
    static DECK: OnceLock<Deck> = OnceLock::new();
    DECK.get_or_init(synthetic_deck)
}

fn generator() -> &'static Generator {
    static GENERATOR: OnceLock<Generator> = OnceLock::new();
    GENERATOR.get_or_init(|| Generator::new(deck().clone(), Settings::default()))
}

fn questions() -> &'static [Question] {
    static QUESTIONS: OnceLock<Vec<Question>> = OnceLock::new();
    QUESTIONS.get_or_init(|| {
        let all: Vec<usize> = (0..FACTS).collect();
        generator().questions(&all, FACTS, &mut rng_from_seed(1))
    })
}

/// Building the generator's indexes for the whole deck.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn index_100k_facts(bencher: Bencher) {
    bencher
        .counter(ItemsCount::new(FACTS))
        .with_inputs(|| deck().clone())
        .bench_values(|deck| Generator::new(deck, Settings::default()));
}

/// 100,000 questions, one per fact, dealt as a quiz deals them.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn generate_100k_questions(bencher: Bencher) {
    let g = generator();
    let all: Vec<usize> = (0..FACTS).collect();
    bencher
        .counter(ItemsCount::new(FACTS))
        .bench(|| g.questions(black_box(&all), FACTS, &mut rng_from_seed(42)));
}

/// 10,000 questions about facts of one kind, to see where the time goes.
#[divan::bench(sample_count = 5, sample_size = 1, args = Kind::ALL)]
fn generate_10k_of_kind(bencher: Bencher, kind: Kind) {
    let g = generator();
    let facts: Vec<usize> = (0..FACTS)
        .filter(|i| deck().facts[*i].kind() == kind)
        .collect();
    bencher
        .counter(ItemsCount::new(10_000usize))
        .bench(|| g.questions(black_box(&facts), 10_000, &mut rng_from_seed(42)));
}

/// Grading 100,000 answers: the canonical one, and a wrong one typed as text.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn grade_100k_answers(bencher: Bencher) {
    let qs = questions();
    let inputs: Vec<String> = qs
        .iter()
        .enumerate()
        .map(|(i, q)| {
            if i % 2 == 0 {
                q.answer_text()
            } else {
                "kim jong un".to_owned()
            }
        })
        .collect();
    bencher.counter(ItemsCount::new(qs.len())).bench(|| {
        qs.iter()
            .zip(&inputs)
            .filter(|(q, input)| grade(q, input).is_accepted())
            .count()
    });
}
