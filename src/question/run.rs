//! One quiz, or one `generate` run: no question's prompt, options or explanation holds the
//! answer of another question of the run (the explanation of "When did the congress open?"
//! quotes "the April 25 House of Culture in Pyongyang": a later "In which city…?" would be
//! answered for free), and no question comes twice while others are left.

use std::collections::{HashMap, HashSet};

use crate::deck::FactDate;
use crate::deck::date::MONTH_NAMES;
use crate::read::normalize::{contains_words, key};

use super::Question;
use super::answer::{Answer, ChoiceValues};
use super::leak::{date_leaks, numbers_in};

/// A run remembers this many of its latest questions for keeping apart (a dealer keeps at
/// most `select::KEPT_CLEAR` of them clear of each other anyway).
const WINDOW: usize = 2_000;

/// What a run has asked so far, indexed so that checking a question costs about the size
/// of the question, not of the run.
#[derive(Debug, Default, Clone)]
pub struct Run {
    asked: Vec<Asked>,
    /// Each word shown by a question asked, with the questions that show it.
    shown_words: HashMap<String, Vec<usize>>,
    /// Each number shown outside a date, with the questions that show it.
    shown_numbers: HashMap<u64, Vec<usize>>,
    /// Each answer of a question asked, under its whole key (a date under its year, a
    /// number under its value): (question, answer).
    answers_by_words: HashMap<String, Vec<(usize, usize)>>,
    answers_by_number: HashMap<u64, Vec<(usize, usize)>>,
    /// The most words an answer filed above has.
    longest_answer: usize,
    /// Questions asked, by prompt and options.
    seen: HashSet<(String, Vec<String>)>,
}

#[derive(Debug, Clone)]
struct Asked {
    fact: String,
    answers: Vec<Needle>,
    shown: Shown,
}

/// An answer, as it would show up in another question's text.
#[derive(Debug, Clone)]
enum Needle {
    Words(String),
    Number(f64),
    Date(FactDate),
}

/// A question's text as a reader sees it: prompt, options and explanation.
#[derive(Debug, Clone)]
struct Shown {
    raw: String,
    key: String,
    /// The key's words, for ruling most needles out at once.
    words: HashSet<String>,
    /// Numbers written in it, but not the day or year of a date ("January 5 to 12, 2021").
    numbers: Vec<f64>,
    /// Every number, dates' parts included, for finding a date.
    all_numbers: Vec<f64>,
}

impl Shown {
    fn of(q: &Question) -> Self {
        let raw = std::iter::once(q.prompt.as_str())
            .chain(q.options.iter().map(String::as_str))
            .chain(std::iter::once(q.explanation.as_str()))
            .collect::<Vec<_>>()
            .join("\n");
        let key = key(&raw);
        let (all_numbers, numbers) = numbers_of(&raw);
        Shown {
            words: key.split(' ').map(str::to_owned).collect(),
            key,
            numbers,
            all_numbers,
            raw,
        }
    }

    fn contains(&self, needle: &Needle) -> bool {
        match needle {
            Needle::Words(k) => {
                k.split(' ').all(|w| self.words.contains(w)) && contains_words(&self.key, k)
            }
            Needle::Number(n) => self.numbers.iter().any(|x| (x - n).abs() < 1e-9),
            // Cheap first: a date is only there if its year is.
            Needle::Date(d) => {
                self.raw.contains(&d.year_number().to_string())
                    && date_leaks(&self.raw, &self.key, &self.all_numbers, *d)
            }
        }
    }
}

/// Whether a word is a month's name or its first three letters or more ("Jan.", "sept").
fn is_month(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_ascii_alphabetic());
    w.len() >= 3
        && MONTH_NAMES
            .iter()
            .any(|m| m.len() >= w.len() && m[..w.len()].eq_ignore_ascii_case(w))
}

/// The numbers of a text, and those of them that are not a day or a year beside a month's
/// name ("January 5 to 12, 2021").
fn numbers_of(text: &str) -> (Vec<f64>, Vec<f64>) {
    let words: Vec<&str> = text.split_whitespace().collect();
    let (mut all, mut outside) = (Vec::new(), Vec::new());
    for (i, w) in words.iter().enumerate() {
        let bare =
            w.trim_start_matches(|c: char| !(c.is_ascii_alphanumeric() || c == '+' || c == '-'));
        if !bare.starts_with(|c: char| c.is_ascii_digit() || c == '+' || c == '-') {
            continue;
        }
        let found: Vec<f64> = numbers_in(w).collect();
        if found.is_empty() {
            continue;
        }
        let near_month = (i > 0 && is_month(words[i - 1]))
            || words.get(i + 1).is_some_and(|n| is_month(n))
            || (i > 1 && is_month(words[i - 2]))
            || (i > 2 && is_month(words[i - 3]));
        if !near_month {
            outside.extend(&found);
        }
        all.extend(found);
    }
    (all, outside)
}

fn needles(q: &Question) -> Vec<Needle> {
    let words = |t: &str| Needle::Words(key(t));
    let mut out: Vec<Needle> = match &q.answer {
        Answer::Choice(c) => match &c.values {
            ChoiceValues::Text => q
                .options
                .get(c.correct)
                .map(|t| words(t))
                .into_iter()
                .collect(),
            ChoiceValues::Numbers { values, .. } => values
                .get(c.correct)
                .map(|n| Needle::Number(n.value().abs()))
                .into_iter()
                .collect(),
            ChoiceValues::Dates(dates) => dates
                .get(c.correct)
                .map(|d| Needle::Date(*d))
                .into_iter()
                .collect(),
        },
        Answer::Number(n) => std::iter::once(n.value)
            .chain(n.also.iter().copied())
            .map(|v| Needle::Number(v.value().abs()))
            .collect(),
        Answer::Date(d) => std::iter::once(d.date)
            .chain(d.also.iter().copied())
            .map(Needle::Date)
            .collect(),
        Answer::Text(t) => std::iter::once(&t.text)
            .chain(&t.accepted)
            .map(|a| words(a))
            .collect(),
        Answer::Bool(_) | Answer::Order(_) => Vec::new(),
    };
    if let Answer::Choice(c) = &q.answer {
        out.extend(c.aliases.iter().map(|a| words(a)));
    }
    out.retain(|n| !matches!(n, Needle::Words(k) if k.is_empty()));
    out
}

/// The keys of `q`'s answer and accepted spellings, where its answer is text.
pub(crate) fn answer_words(q: &Question) -> Vec<String> {
    needles(q)
        .into_iter()
        .filter_map(|n| match n {
            Needle::Words(k) => Some(k),
            _ => None,
        })
        .collect()
}

fn same(q: &Question) -> (String, Vec<String>) {
    let mut options = q.options.clone();
    options.sort();
    (q.prompt.clone(), options)
}

/// Where a needle is filed: a text under its key, a date under its year.
fn filed_under(n: &Needle) -> Result<String, u64> {
    match n {
        Needle::Words(k) => Ok(k.clone()),
        Needle::Date(d) => Ok(d.year_number().to_string()),
        Needle::Number(x) => Err(x.to_bits()),
    }
}

/// Every run of up to `longest` consecutive words of a key: an answer shown in a text is
/// one of them.
fn word_runs(key: &str, longest: usize) -> impl Iterator<Item = String> + '_ {
    let words: Vec<&str> = key.split(' ').collect();
    (0..words.len()).flat_map(move |start| {
        let words = words.clone();
        (start + 1..=(start + longest).min(words.len())).map(move |end| words[start..end].join(" "))
    })
}

impl Run {
    /// Whether `q` may join the run: it holds no other fact's answer asked so far, its own
    /// answer is in no question asked so far, and it is not a question already asked.
    pub fn admits(&self, q: &Question) -> bool {
        !self.repeats(q) && !self.crosses(q)
    }

    /// Whether `q` and a question asked so far about another fact answer each other.
    pub fn crosses(&self, q: &Question) -> bool {
        let shown = Shown::of(q);
        let other = |i: &usize| self.asked.get(*i).filter(|a| a.fact != q.fact);
        // Its answers in what was shown: look among the questions that show the answer's
        // rarest word (or its year, or its number), then check the whole answer.
        let answered = needles(q).iter().any(|n| {
            let holders = match n {
                Needle::Words(k) => k
                    .split(' ')
                    .map(|w| self.shown_words.get(w))
                    .min_by_key(|h| h.map_or(0, Vec::len))
                    .flatten(),
                Needle::Date(d) => self.shown_words.get(&d.year_number().to_string()),
                Needle::Number(x) => self.shown_numbers.get(&x.to_bits()),
            };
            holders
                .into_iter()
                .flatten()
                .filter_map(other)
                .any(|a| a.shown.contains(n))
        });
        if answered {
            return true;
        }
        // Answers asked so far in what it shows: every run of its words, every number.
        let answers = |(i, k): &(usize, usize)| other(i).and_then(|a| a.answers.get(*k));
        let by_words = word_runs(&shown.key, self.longest_answer.max(1))
            .filter_map(|run| self.answers_by_words.get(&run))
            .flatten()
            .filter_map(answers);
        let by_numbers = shown
            .numbers
            .iter()
            .filter_map(|x| self.answers_by_number.get(&x.to_bits()))
            .flatten()
            .filter_map(answers);
        by_words.chain(by_numbers).any(|n| shown.contains(n))
    }

    /// Whether `q` was asked already, word for word.
    pub fn repeats(&self, q: &Question) -> bool {
        self.seen.contains(&same(q))
    }

    pub fn record(&mut self, q: &Question) {
        self.seen.insert(same(q));
        if self.asked.len() >= WINDOW {
            self.forget_older();
        }
        let asked = Asked {
            fact: q.fact.clone(),
            answers: needles(q),
            shown: Shown::of(q),
        };
        self.index(asked);
    }

    /// Keeps the latest half of the window, its indexes rebuilt.
    fn forget_older(&mut self) {
        let keep = self.asked.split_off(self.asked.len() - WINDOW / 2);
        self.asked.clear();
        self.shown_words.clear();
        self.shown_numbers.clear();
        self.answers_by_words.clear();
        self.answers_by_number.clear();
        for asked in keep {
            self.index(asked);
        }
    }

    fn index(&mut self, asked: Asked) {
        let at = self.asked.len();
        let (shown, answers) = (&asked.shown, &asked.answers);
        for w in &shown.words {
            self.shown_words.entry(w.clone()).or_default().push(at);
        }
        for x in &shown.numbers {
            let list = self.shown_numbers.entry(x.to_bits()).or_default();
            if list.last() != Some(&at) {
                list.push(at);
            }
        }
        for (k, n) in answers.iter().enumerate() {
            match filed_under(n) {
                Ok(words) => {
                    self.longest_answer = self.longest_answer.max(words.split(' ').count());
                    self.answers_by_words
                        .entry(words)
                        .or_default()
                        .push((at, k));
                }
                Err(bits) => self
                    .answers_by_number
                    .entry(bits)
                    .or_default()
                    .push((at, k)),
            }
        }
        self.asked.push(asked);
    }

    /// How many different questions the run has asked.
    pub fn len(&self) -> usize {
        self.seen.len()
    }

    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::question::Form;
    use crate::question::testing::{asked, generator};

    const DECK: &str = "[[date]]\nid = \"open\"\nevent = \"the opening of the congress\"\ndate = 2021-01-05\n\
        quote = \"was held at the April 25 House of Culture in Pyongyang from January 5 to 12, 2021\"\n\
        [[card]]\nid = \"city\"\nquestion = \"In which city was the congress held?\"\nanswer = \"Pyongyang\"\n\
        [[figure]]\nid = \"days\"\nwhat = \"the number of days\"\nvalue = 12\n\
        [[figure]]\nid = \"five\"\nwhat = \"the number of plans\"\nvalue = 5\n";

    #[test]
    fn an_explanation_that_answers_another_question_keeps_them_apart() {
        let g = generator(DECK);
        let date = &asked(&g, 0, Form::DateTyped)[0];
        let city = &asked(&g, 1, Form::CardTyped)[0];
        let mut run = Run::default();
        run.record(date);
        assert!(!run.admits(city), "the quote names Pyongyang");
        let mut other_way = Run::default();
        other_way.record(city);
        assert!(!other_way.admits(date));
        // Numbers inside a date are no answer to "how many".
        let five = &asked(&g, 3, Form::FigureTyped)[0];
        assert!(run.admits(five), "5 in January 5 is a day");
        assert!(run.repeats(date));
    }

    /// What `crosses` answers without its indexes: every question asked, looked at in full.
    fn crosses_by_scan(run: &Run, q: &Question) -> bool {
        let shown = Shown::of(q);
        let answers = needles(q);
        run.asked.iter().filter(|a| a.fact != q.fact).any(|a| {
            a.answers.iter().any(|n| shown.contains(n))
                || answers.iter().any(|n| a.shown.contains(n))
        })
    }

    #[test]
    fn the_indexes_find_what_a_full_scan_finds() {
        let decks = [
            include_str!("../../decks/wpk-8th-congress.toml"),
            include_str!("../../tests/fixtures/apollo.toml"),
            include_str!("../../tests/fixtures/football-laws.toml"),
        ];
        let mut crossings = 0;
        for text in decks {
            let deck = crate::deck::load_str(text).unwrap().deck;
            let facts = deck.facts.len();
            let g = crate::question::Generator::new(deck, crate::question::Settings::default());
            for seed in 0..6 {
                let mut rng = crate::question::rng_from_seed(seed);
                let mut run = Run::default();
                for i in 0..facts * 3 {
                    let Some(q) = g.generate_for(i % facts, &mut rng) else {
                        continue;
                    };
                    let scanned = crosses_by_scan(&run, &q);
                    assert_eq!(run.crosses(&q), scanned, "{q:#?}");
                    crossings += usize::from(scanned);
                    run.record(&q);
                }
            }
        }
        assert!(
            crossings > 50,
            "only {crossings} crossings: the test is vacuous"
        );
    }
}
