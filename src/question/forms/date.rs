//! Date questions: "When was X?" (choice and typed), "Which happened first?", "Put these
//! events in order".

use rand::seq::SliceRandom;
use rand::{Rng, RngExt};

use jiff::civil::Date;

use crate::deck::{DateFact, Fact, FactDate, Precision};

use super::super::Form;
use super::super::Question;
use super::super::answer::{Answer, DateAnswer};
use super::super::distract::{DateTruth, date_distractors};
use super::super::generator::Generator;
use super::super::index::Index;
use super::super::leak::numbers_in;
use super::super::options::{date_choice, text_choice};
use super::super::phrase::{Phrasebook, date_phrase, fill, said};
use super::super::tells::{keys_look_alike, keys_tell_order};
use super::Asked;
use super::question;

impl Asked for DateFact {
    fn build<R: Rng + ?Sized>(
        &self,
        g: &Generator,
        fact: usize,
        form: Form,
        rng: &mut R,
    ) -> Option<Question> {
        build(g, fact, self, form, rng)
    }

    fn applies(&self, index: &Index, form: Form) -> bool {
        let dates = index.date_facts.len();
        match form {
            Form::DateFirst => dates >= 2,
            Form::DateOrder => dates >= 3,
            _ => true,
        }
    }

    fn label(&self, _book: &Phrasebook) -> String {
        self.event.to_string()
    }

    fn own_context(&self, book: &Phrasebook) -> Vec<String> {
        match self.end {
            Some(_) => vec![said(&self.event, &date_phrase(self, book), book)],
            None => Vec::new(),
        }
    }

    fn export_forms(&self) -> &'static [Form] {
        &[Form::DateTyped, Form::DateChoice]
    }
}

pub fn build<R: Rng + ?Sized>(
    g: &Generator,
    i: usize,
    d: &DateFact,
    form: Form,
    rng: &mut R,
) -> Option<Question> {
    match form {
        Form::DateChoice | Form::DateTyped => when(g, i, d, form, rng),
        Form::DateFirst => first(g, i, d, rng),
        Form::DateOrder => order(g, i, d, rng),
        _ => None,
    }
}

/// "When was X?" about the start, or, for a span, about its start or its end.
fn when<R: Rng + ?Sized>(
    g: &Generator,
    i: usize,
    d: &DateFact,
    form: Form,
    rng: &mut R,
) -> Option<Question> {
    let words = &g.book.dated;
    let end = d.end.filter(|e| *e != d.date && rng.random_bool(0.5));
    let event = [("event", d.event.as_str())];
    let (truth, also, prompt) = match (end, d.end) {
        (Some(end), _) => (
            end,
            Vec::new(),
            d.question
                .get("end")
                .map_or_else(|| fill(words.end, &event), String::from),
        ),
        (None, Some(_)) => (
            d.date,
            d.also.clone(),
            d.question
                .get("when")
                .map_or_else(|| fill(words.begin, &event), String::from),
        ),
        (None, None) => (
            d.date,
            d.also.clone(),
            d.question
                .get("when")
                .map_or_else(|| fill(words.when, &event), String::from),
        ),
    };
    let explain = g.own_explanation(i);
    if form == Form::DateTyped {
        let hint = precision_hint(truth.precision(), g.book);
        let prompt = format!("{prompt}{}{hint}", g.book.marks.gap);
        let answer = Answer::Date(DateAnswer { date: truth, also });
        return Some(question(
            &d.meta,
            form,
            prompt,
            (Vec::new(), answer),
            explain,
        ));
    }
    let wrong = g.settings.options() - 1;
    let (mut lo, mut hi) = bounds(g, d, end.is_some());
    // A prompt that names the year ("the 2026 final") leaves no other year plausible.
    let year = truth.year_number();
    if numbers_in(&prompt).any(|n| n == f64::from(year)) {
        let first = truth.truncate(Precision::Year);
        lo = lo.max(Some(first.first_day()));
        hi = Some(hi.map_or(first.last_day(), |h| h.min(first.last_day())));
    }
    let truth = DateTruth {
        date: truth,
        accepted: also,
        lo,
        hi,
    };
    let distractors = date_distractors(&truth, wrong, rng);
    (distractors.len() == wrong).then(|| {
        question(
            &d.meta,
            form,
            prompt,
            date_choice(truth.date, distractors, g.book),
            explain,
        )
    })
}

/// The days every option must keep within, by the order the deck states: a span's end
/// after its start (and its start before its end), and `precedes`/`follows`.
fn bounds(g: &Generator, d: &DateFact, asking_end: bool) -> (Option<Date>, Option<Date>) {
    let day = |date: Date, k: i32| date.checked_add(jiff::Span::new().days(k)).ok();
    let mut lo = None;
    let mut hi = None;
    if let Some(end) = d.end.filter(|e| *e != d.date) {
        if asking_end {
            lo = day(d.date.first_day(), 1);
        } else {
            hi = day(end.last_day(), -1);
        }
    }
    let fact = |id: &String| g.position(id).and_then(|p| date_fact(g, p));
    for other in d.precedes.iter().filter_map(fact) {
        let before = day(other.date.first_day(), -1);
        hi = match (hi, before) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    for other in d.follows.iter().filter_map(fact) {
        let after = day(other.end.unwrap_or(other.date).last_day(), 1);
        lo = lo.max(after);
    }
    (lo, hi)
}

fn precision_hint(p: Precision, book: &Phrasebook) -> &'static str {
    match p {
        Precision::Day => book.dated.give_day,
        Precision::Month => book.dated.give_month,
        Precision::Year => book.dated.give_year,
    }
}

/// Other date facts whose periods overlap none of `chosen`'s and whose events read
/// differently, picked at random: at most `want`, after a bounded number of tries.
fn disjoint_partners<R: Rng + ?Sized>(
    g: &Generator,
    chosen: &mut Vec<usize>,
    want: usize,
    rng: &mut R,
) {
    let dates = &g.index.date_facts;
    let tries = if dates.len() <= 64 { 0 } else { 48 };
    let mut candidates: Vec<usize> = if tries == 0 {
        let mut all = dates.clone();
        all.shuffle(rng);
        all
    } else {
        (0..tries)
            .map(|_| dates[rng.random_range(0..dates.len())])
            .collect()
    };
    candidates.retain(|c| !chosen.contains(c));
    for c in candidates {
        if chosen.len() >= want {
            break;
        }
        let fits = chosen.iter().all(|o| {
            let (a, b) = (g.index.periods[*o], g.index.periods[c]);
            let disjoint = a.zip(b).is_some_and(|(a, b)| a.1 < b.0 || b.1 < a.0);
            let (ko, kc) = (g.index.label_key(*o), g.index.label_key(c));
            let names_say_nothing = !keys_tell_order(ko, kc) && keys_look_alike(ko, kc);
            let stated =
                g.index.stated_order.contains(&(*o, c)) || g.index.stated_order.contains(&(c, *o));
            disjoint && names_say_nothing && !stated && ko != kc
        });
        if fits {
            chosen.push(c);
        }
    }
}

fn date_fact(g: &Generator, i: usize) -> Option<&DateFact> {
    match g.deck.facts.get(i) {
        Some(Fact::Date(d)) => Some(d),
        _ => None,
    }
}

fn start_of(g: &Generator, i: usize) -> Option<FactDate> {
    date_fact(g, i).map(|d| d.date)
}

/// "Which of these happened first?" between this event and one that does not overlap it.
fn first<R: Rng + ?Sized>(g: &Generator, i: usize, d: &DateFact, rng: &mut R) -> Option<Question> {
    let mut chosen = vec![i];
    disjoint_partners(g, &mut chosen, 2, rng);
    let other = date_fact(g, *chosen.get(1)?)?;
    let (earlier, later) = if start_of(g, i)? < other.date {
        (d, other)
    } else {
        (other, d)
    };
    let context = [earlier, later].map(|e| said(&e.event, &date_phrase(e, g.book), g.book));
    let options = text_choice(
        earlier.event.to_string(),
        vec![later.event.to_string()],
        Vec::new(),
        rng,
    );
    let explain = g.explain(i, &context, None);
    Some(question(
        &d.meta,
        Form::DateFirst,
        g.book.dated.first.to_owned(),
        options,
        explain,
    ))
}

/// "Put these events in order": 3 to 5 events with non-overlapping periods.
fn order<R: Rng + ?Sized>(g: &Generator, i: usize, d: &DateFact, rng: &mut R) -> Option<Question> {
    let want = rng.random_range(3..=5);
    let mut chosen = vec![i];
    disjoint_partners(g, &mut chosen, want, rng);
    if chosen.len() < 3 {
        return None;
    }
    chosen.shuffle(rng);
    let events: Vec<&DateFact> = chosen.iter().filter_map(|c| date_fact(g, *c)).collect();
    let options: Vec<String> = events.iter().map(|e| e.event.to_string()).collect();
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by_key(|k| events[*k].date);
    let context: Vec<String> = order
        .iter()
        .enumerate()
        .map(|(n, k)| {
            let line = said(&events[*k].event, &date_phrase(events[*k], g.book), g.book);
            format!("{}. {line}", n + 1)
        })
        .collect();
    let explain = g.explain(i, &context, None);
    let prompt = g.book.dated.order.to_owned();
    Some(question(
        &d.meta,
        Form::DateOrder,
        prompt,
        (options, Answer::Order(order)),
        explain,
    ))
}

#[cfg(test)]
mod tests {
    use crate::question::testing::{asked, generator};
    use crate::question::{Answer, ChoiceValues, Form};

    const DECK: &str = r#"
[[date]]
id = "campaign"
event = "the campaign"
date = "2020-12"
end = 2021-01-10
[[date]]
id = "meeting"
event = "the meeting"
date = 2020-12-30
[[date]]
id = "meeting-again"
event = "The Meeting"
date = 2019-05-01
[[date]]
id = "opening"
event = "the opening"
date = 2021-01-12
also = [2021-01-13]
"#;

    #[test]
    fn a_span_is_asked_about_its_start_or_its_end_explicitly() {
        let g = generator(DECK);
        let prompts: Vec<String> = asked(&g, 0, Form::DateTyped)
            .into_iter()
            .map(|q| q.prompt)
            .collect();
        assert!(
            prompts
                .iter()
                .any(|p| p.starts_with("When did the campaign begin?"))
        );
        assert!(
            prompts
                .iter()
                .any(|p| p.starts_with("When did the campaign end?"))
        );
        for q in asked(&g, 0, Form::DateTyped) {
            let Answer::Date(d) = &q.answer else { panic!() };
            let expected = if q.prompt.contains("end?") {
                "2021-01-10"
            } else {
                "2020-12"
            };
            assert_eq!(d.date.to_string(), expected);
            assert!(q.prompt.ends_with(if expected.len() == 7 {
                "Give the month and year."
            } else {
                "Give the day, month and year."
            }));
        }
    }

    #[test]
    fn which_first_pairs_only_separate_events_with_different_names() {
        let g = generator(DECK);
        let questions = asked(&g, 1, Form::DateFirst);
        assert_eq!(questions.len(), 200);
        for q in questions {
            // December 2020 contains December 30; "The Meeting" reads like "the meeting".
            assert!(
                q.options.contains(&"the opening".to_owned()),
                "{:?}",
                q.options
            );
            let Answer::Choice(c) = &q.answer else {
                panic!()
            };
            assert_eq!(q.options[c.correct], "the meeting");
        }
    }

    #[test]
    fn an_accepted_alternative_is_never_a_distractor() {
        let g = generator(DECK);
        let questions = asked(&g, 3, Form::DateChoice);
        assert!(!questions.is_empty());
        for q in questions {
            let Answer::Choice(c) = &q.answer else {
                panic!()
            };
            let ChoiceValues::Dates(dates) = &c.values else {
                panic!()
            };
            assert!(
                dates.iter().all(|d| d.to_string() != "2021-01-13"),
                "{:?}",
                q.options
            );
        }
    }
}
