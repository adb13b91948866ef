//! Property tests over random decks and seeds: every form of every fact, and the questions
//! a quiz deals. At least 10,000 questions per run.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::cell::Cell;

use factdeck::deck::*;
use factdeck::grade::{Verdict, grade};
use factdeck::question::{
    Answer, ChoiceValues, Form, Generator, Question, Settings, option_letter, rng_from_seed,
};
use factdeck::read::normalize::key;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

// --- random decks ------------------------------------------------------------------

/// Names that collide after normalisation, contain one another, or differ by a typo.
const VOCAB: &[&str] = &[
    "Kim Jong Un",
    "kim jong-un",
    "Kim Jong Il",
    "Ri Hyong Jin",
    "Ri Hyong-jin",
    "Ŭlchi Mundŏk",
    "Ulchi Mundok",
    "Chairman",
    "chairman",
    "General Secretary",
    "Secretary",
    "Premier",
    "President",
    "Presidium",
    "planet",
    "dwarf planet",
    "Alpha",
    "Beta",
    "Gamma",
    "Delta",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(VOCAB).prop_map(str::to_owned),
        "[A-Z][a-z]{2,7}( [a-z]{2,7}){0,2}",
    ]
}

fn fact_date() -> impl Strategy<Value = FactDate> {
    (1890i16..2030, 0u8..3, 1i8..=12, 1i8..=28).prop_map(|(y, p, m, d)| match p {
        0 => FactDate::year(y).unwrap(),
        1 => FactDate::month(y, m).unwrap(),
        _ => FactDate::day(y, m, d).unwrap(),
    })
}

fn meta(note: Option<String>) -> FactMeta {
    FactMeta {
        id: Default::default(),
        tags: vec!["t".into()].into(),
        quote: Some("a quote".into()),
        note: note.map(Into::into),
    }
}

fn date_fact() -> impl Strategy<Value = Fact> {
    (
        text(),
        fact_date(),
        prop::option::of(0i32..400),
        prop::collection::vec(fact_date(), 0..2),
    )
        .prop_map(|(event, date, span_days, also)| {
            let end = span_days.map(|days| {
                let last = date
                    .last_day()
                    .checked_add(jiff::Span::new().days(days))
                    .unwrap();
                FactDate::from(last)
            });
            // An accepted alternative is a day or so off, as when sources disagree.
            let also = also
                .into_iter()
                .take(if date.precision() == Precision::Day {
                    1
                } else {
                    0
                })
                .map(|_| FactDate::from(date.first_day().tomorrow().unwrap()))
                .collect();
            Fact::from(DateFact {
                meta: meta(None),
                event: event.into(),
                question: Wording::default(),
                date,
                end,
                also,
                also_note: Some("Sources differ.".into()),
                precedes: Vec::new(),
                follows: Vec::new(),
            })
        })
}

fn number() -> impl Strategy<Value = Number> {
    prop_oneof![
        (0i64..60).prop_map(Number::integer),
        (1i64..10, 1u32..6).prop_map(|(d, k)| Number::integer(d * 10i64.pow(k))),
        Just(Number::integer(5000)),
        (100i64..200_000).prop_map(Number::integer),
        (1i64..1000).prop_map(|t| Number::decimal(t as f64 / 10.0, 1)),
    ]
}

fn figure_fact() -> impl Strategy<Value = Fact> {
    (
        text(),
        prop::option::of(text()),
        number(),
        0u8..4,
        prop::option::of(prop::sample::select(&["g1", "g2"][..])),
        prop::option::of(number()),
        prop::option::of(prop::sample::select(&["delegates", "%"][..])),
    )
        .prop_map(|(what, at, value, tol, group, previous, unit)| {
            let v = value.value().abs();
            let tolerance = match tol {
                0 | 1 => Tolerance::Exact,
                2 => Tolerance::Absolute((v / 10.0).floor()),
                _ => Tolerance::Percent(5.0),
            };
            Fact::from(FigureFact {
                meta: meta(Some("A note.".into())),
                what: format!("the number of {}", what.to_lowercase()),
                at: at.map(|a| format!("the {a}").into()),
                question: Wording::default(),
                value,
                unit: unit.map(Into::into),
                tolerance,
                group: group.map(Into::into),
                previous: previous.map(|p| {
                    Box::new(Previous {
                        value: p,
                        at: "the year before".into(),
                    })
                }),
                // Another value the source supports, now and then: never an option.
                also: if tol == 1 && value.is_integer() {
                    vec![Number::integer(value.value() as i64 + 1)]
                } else {
                    Vec::new()
                },
                also_note: None,
            })
        })
}

fn change_fact() -> impl Strategy<Value = Fact> {
    (
        text(),
        text(),
        text(),
        0u8..4,
        prop::sample::select(&["abolished", "established"][..]),
        prop::option::weighted(0.9, prop::sample::select(&["people", "titles"][..])),
    )
        .prop_filter("before and after differ", |(_, b, a, _, _, _)| {
            a.to_lowercase() != b.to_lowercase()
        })
        .prop_map(|(subject, before, after, shape, verb, sort)| {
            let sides = match shape {
                0 => ChangeSides::Removed {
                    before: before.into(),
                    verb: verb.into(),
                },
                1 => ChangeSides::Established {
                    after: after.into(),
                    verb: verb.into(),
                },
                _ => ChangeSides::Both {
                    before: before.into(),
                    after: after.into(),
                },
            };
            Fact::from(ChangeFact {
                meta: meta(None),
                subject: format!("the {}", subject.to_lowercase()).into(),
                sides,
                accept_before: Vec::new(),
                accept_after: Vec::new(),
                sort: sort.map(Into::into),
                question: Wording::default(),
            })
        })
}

fn card_fact() -> impl Strategy<Value = Fact> {
    (
        text(),
        prop::collection::vec(text(), 0..2),
        prop::option::of(prop::sample::select(&["people", "titles"][..])),
        any::<bool>(),
    )
        .prop_map(|(answer, accept, group, sorted)| {
            Fact::from(CardFact {
                meta: meta(None),
                question: "Who or what is asked about here?".into(),
                answer: answer.into(),
                accept: accept.into_iter().map(Into::into).collect(),
                // The sort is the group's, or said in its own field.
                sort: group.filter(|_| sorted).map(Into::into),
                group: group.filter(|_| !sorted).map(Into::into),
            })
        })
}

/// Distinct by lowercase, as the loader demands; at least two.
fn members() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(text(), 2..7).prop_map(|items| {
        let mut out: Vec<String> = Vec::new();
        for item in items
            .into_iter()
            .chain(["Filler one".into(), "Filler two".into()])
        {
            if !out.iter().any(|o| o.to_lowercase() == item.to_lowercase()) {
                out.push(item);
            }
        }
        out
    })
}

fn set_fact() -> impl Strategy<Value = Fact> {
    (
        text(),
        members(),
        prop::option::of(Just("people".to_owned())),
    )
        .prop_map(|(name, members, group)| {
            Fact::from(SetFact {
                meta: meta(None),
                name: format!("the {}", name.to_lowercase()).into(),
                members: members.into_iter().map(Into::into).collect(),
                group: group.map(Into::into),
                sort: None,
                question: Wording::default(),
            })
        })
}

fn sequence_fact() -> impl Strategy<Value = Fact> {
    (text(), members()).prop_map(|(name, items)| {
        Fact::from(SequenceFact {
            meta: meta(None),
            name: format!("the {}", name.to_lowercase()).into(),
            items: items.into_iter().map(Into::into).collect(),
            sort: Some("people".into()),
            question: Wording::default(),
        })
    })
}

fn deck() -> impl Strategy<Value = Deck> {
    let fact = prop_oneof![
        date_fact(),
        figure_fact(),
        change_fact(),
        card_fact(),
        set_fact(),
        sequence_fact()
    ];
    prop::collection::vec(fact, 1..28).prop_map(|mut facts| {
        for (i, f) in facts.iter_mut().enumerate() {
            let id = format!("f{i}");
            // A tag without digits: a number in a prompt would look like a leaked answer.
            let tag: String = format!("{i:02}")
                .bytes()
                .map(|b| char::from(b - b'0' + b'a'))
                .collect();
            // Unique event names and figure descriptions, so the test can tell which fact an
            // option names.
            match f {
                Fact::Date(x) => x.event = format!("{} ({tag})", x.event).into(),
                Fact::Figure(x) => x.what = format!("{} ({tag})", x.what),
                _ => {}
            }
            f.meta_mut().id = id.into();
        }
        Deck {
            meta: DeckMeta {
                id: "random".into(),
                title: "Random".into(),
                description: String::new(),
                language: "en".into(),
                source: None,
                quotes: true,
            },
            facts: facts.into(),
        }
    })
}

// --- the properties --------------------------------------------------------------------

fn fail(q: &Question, why: impl std::fmt::Display) -> TestCaseError {
    TestCaseError::fail(format!("{why}\n{q:#?}"))
}

fn is_correct(q: &Question, input: &str) -> bool {
    grade(q, input) == Verdict::Correct
}

/// An independent look at "the prompt gives the answer away".
fn prompt_contains_answer(q: &Question) -> bool {
    let padded = format!(" {} ", key(&q.prompt));
    let has_words = |t: &str| {
        let k = key(t);
        !k.is_empty() && padded.contains(&format!(" {k} "))
    };
    let has_number = |n: f64| {
        q.prompt
            .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .filter_map(|t| t.replace(',', "").trim_matches('.').parse::<f64>().ok())
            .any(|x| x == n.abs())
    };
    let has_date =
        |d: &FactDate| q.prompt.contains(&d.human()) || q.prompt.contains(&d.to_string());
    match &q.answer {
        Answer::Choice(c) => match &c.values {
            ChoiceValues::Text if q.form == Form::FigureTrend => false,
            ChoiceValues::Text => has_words(&q.options[c.correct]),
            ChoiceValues::Numbers { values, .. } => has_number(values[c.correct].value()),
            ChoiceValues::Dates(dates) => has_date(&dates[c.correct]),
        },
        Answer::Number(n) => has_number(n.value.value()),
        Answer::Date(d) => has_date(&d.date),
        Answer::Text(t) => has_words(&t.text) || t.accepted.iter().any(|a| has_words(a)),
        Answer::Bool(_) | Answer::Order(_) => false,
    }
}

fn period(f: &Fact) -> (jiff::civil::Date, jiff::civil::Date) {
    let Fact::Date(d) = f else {
        panic!("not a date fact")
    };
    let all: Vec<FactDate> = std::iter::once(d.date)
        .chain(d.end)
        .chain(d.also.clone())
        .collect();
    (
        all.iter().map(FactDate::first_day).min().unwrap(),
        all.iter().map(FactDate::last_day).max().unwrap(),
    )
}

fn event_fact<'d>(deck: &'d Deck, event: &str) -> &'d Fact {
    deck.facts
        .iter()
        .find(|f| matches!(f, Fact::Date(d) if d.event == event))
        .unwrap()
}

/// A percentage is capped at 100: with a wide tolerance, fewer rungs spaced beyond it fit
/// between 1 and 100 than the options asked for.
fn percent_ladder_too_short(fact: &Fact, q: &Question, truth: Number, settings: Settings) -> bool {
    let Fact::Figure(f) = fact else {
        return false;
    };
    if q.form != Form::FigureChoice || f.unit.as_deref() != Some("%") {
        return false;
    }
    let scale = 10f64.powi(i32::from(truth.decimals()));
    let u = (truth.value().abs() * scale).round() as i64;
    let width = match f.tolerance {
        Tolerance::Exact => 0.0,
        Tolerance::Absolute(a) => a * scale,
        Tolerance::Percent(p) => truth.value().abs() * p / 100.0 * scale,
    };
    let gap = width.floor() as i64 + 1;
    let hi = (100.0 * scale).round() as i64;
    if u > hi {
        return false;
    }
    let reachable = (u - 1).max(0) / gap + (hi - u) / gap + 1;
    reachable < settings.options() as i64
}

fn check_choice(deck: &Deck, settings: Settings, q: &Question) -> Result<(), TestCaseError> {
    let Answer::Choice(c) = &q.answer else {
        unreachable!()
    };
    let n = q.options.len();
    let fact = deck.fact(&q.fact).unwrap();
    if c.correct >= n || n < 2 {
        return Err(fail(q, "no valid correct option"));
    }
    let two_way = matches!(
        q.form,
        Form::DateFirst | Form::FigureLarger | Form::FigureTrend
    );
    let size_ok = match &c.values {
        _ if two_way => n == 2,
        ChoiceValues::Text => (3..=settings.options()).contains(&n),
        // A small number has too few below it for every rung: fewer options.
        ChoiceValues::Numbers { values, .. } => {
            let truth = values[c.correct];
            let units = truth.value().abs() * 10f64.powi(i32::from(truth.decimals()));
            let fewer = units < 20.0 || percent_ladder_too_short(fact, q, truth, settings);
            n == settings.options() || (fewer && (2..settings.options()).contains(&n))
        }
        ChoiceValues::Dates(_) => n == settings.options(),
    };
    if !size_ok {
        return Err(fail(q, format!("{n} options")));
    }
    // Distinct after normalisation, and in ascending order for numbers and dates.
    match &c.values {
        ChoiceValues::Text => {
            let mut keys: Vec<String> = q.options.iter().map(|o| key(o)).collect();
            keys.sort();
            keys.dedup();
            if keys.len() != n {
                return Err(fail(q, "options repeat after normalisation"));
            }
        }
        ChoiceValues::Numbers { values, .. } => {
            if !values.windows(2).all(|w| w[0].value() < w[1].value()) {
                return Err(fail(q, "numbers not strictly ascending"));
            }
        }
        ChoiceValues::Dates(dates) => {
            if !dates.windows(2).all(|w| w[0] < w[1]) {
                return Err(fail(q, "dates not strictly ascending"));
            }
        }
    }
    // Exactly one option grades correct, by text and by letter.
    for (i, option) in q.options.iter().enumerate() {
        let right = i == c.correct;
        if is_correct(q, option) != right || is_correct(q, &option_letter(i).to_string()) != right {
            return Err(fail(q, format!("option {i} graded wrongly")));
        }
    }
    // And it is exactly one in fact, not just in grading.
    let distractors = q
        .options
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != c.correct);
    match (q.form, fact, &c.values) {
        (Form::DateChoice, Fact::Date(d), ChoiceValues::Dates(dates)) => {
            let truth = dates[c.correct];
            let accepted: Vec<FactDate> = if truth == d.date {
                std::iter::once(d.date).chain(d.also.clone()).collect()
            } else {
                d.end.into_iter().collect()
            };
            for (_, x) in dates.iter().enumerate().filter(|(i, _)| *i != c.correct) {
                let overlaps = accepted.iter().any(|a| {
                    let p = a.precision().min(x.precision());
                    a.truncate(p) == x.truncate(p)
                });
                if overlaps || x.precision() != truth.precision() {
                    return Err(fail(
                        q,
                        format!("distractor {x} is accepted or at another precision"),
                    ));
                }
            }
        }
        (Form::FigureChoice, Fact::Figure(f), ChoiceValues::Numbers { values, .. }) => {
            // Asked about the value, or about the earlier one ("at the year before").
            let truth = values[c.correct].value();
            let earlier = f.previous.as_ref().map(|p| p.value.value());
            // A value that did not change: the prompt says which one is asked.
            let asks_earlier = f
                .previous
                .as_ref()
                .is_some_and(|p| p.value.value() == truth && q.prompt.contains(p.at.as_str()));
            let asked_now = (truth - f.value.value()).abs() < 1e-9 && !asks_earlier;
            if !asked_now && earlier != Some(truth) {
                return Err(fail(
                    q,
                    "the answer is neither the value nor the earlier one",
                ));
            }
            for v in values
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != c.correct)
                .map(|(_, v)| v)
            {
                if f.tolerance.accepts(truth, v.value()) {
                    return Err(fail(q, "distractor within the tolerance"));
                }
                if asked_now && f.also.iter().any(|a| a.value() == v.value()) {
                    return Err(fail(q, "another supported value offered as wrong"));
                }
            }
        }
        (Form::SetMember, Fact::Set(s), _) => {
            let members: Vec<String> = s.members.iter().map(|m| key(m)).collect();
            if !members.contains(&key(&q.options[c.correct])) {
                return Err(fail(q, "the answer is no member"));
            }
            for (_, d) in distractors {
                if members.contains(&key(d)) {
                    return Err(fail(q, "a distractor is a member"));
                }
            }
        }
        (Form::CardChoice, Fact::Card(card), _) => {
            let accepted: Vec<String> = std::iter::once(&card.answer)
                .chain(&card.accept)
                .map(|a| key(a))
                .collect();
            for (_, d) in distractors {
                if accepted.contains(&key(d)) {
                    return Err(fail(q, "a distractor is an accepted answer"));
                }
            }
        }
        (Form::DateFirst, _, _) => {
            let first = period(event_fact(deck, &q.options[c.correct]));
            let other = period(event_fact(deck, &q.options[1 - c.correct]));
            if first.1 >= other.0 {
                return Err(fail(q, "the events overlap or are the wrong way round"));
            }
        }
        (Form::FigureLarger, Fact::Figure(_), _) => {
            let value_of = |label: &str| {
                deck.facts.iter().find_map(|f| match f {
                    Fact::Figure(x) if describe(x) == label => Some(x.value.value()),
                    _ => None,
                })
            };
            if value_of(&q.options[c.correct]) <= value_of(&q.options[1 - c.correct]) {
                return Err(fail(q, "the larger one is not larger"));
            }
        }
        (Form::SequenceNext, Fact::Sequence(s), _) => {
            let right = &q.options[c.correct];
            let follows = s
                .items
                .windows(2)
                .any(|w| w[1] == *right && q.prompt.contains(w[0].as_str()));
            if !follows {
                return Err(fail(q, "the answer does not follow the item asked about"));
            }
        }
        _ => {}
    }
    Ok(())
}

/// The sort of a fact's texts, as the deck format defines it: `sort`, else a card's or a
/// set's `group`, else a change's subject; a sequence has none but its own.
fn sort_of(f: &Fact) -> Option<String> {
    let named = match f {
        Fact::Card(c) => c.sort.as_ref().or(c.group.as_ref()),
        Fact::Set(s) => s.sort.as_ref().or(s.group.as_ref()),
        Fact::Change(c) => Some(c.sort.as_ref().unwrap_or(&c.subject)),
        Fact::Sequence(s) => s.sort.as_ref(),
        _ => None,
    };
    named.map(|s| key(s))
}

/// The texts a fact offers as things of its sort.
fn sorted_items(f: &Fact) -> Vec<&str> {
    match f {
        Fact::Card(c) => vec![c.answer.as_str()],
        Fact::Set(s) => s.members.iter().map(|m| m.as_str()).collect(),
        Fact::Sequence(s) => s.items.iter().map(|i| i.as_str()).collect(),
        Fact::Change(c) => match &c.sides {
            ChangeSides::Both { before, after } => vec![before, after],
            ChangeSides::Removed { before: v, .. } | ChangeSides::Established { after: v, .. } => {
                vec![v]
            }
        },
        _ => Vec::new(),
    }
}

/// Every wrong option of a text choice is a text of the answer's sort (for "what came
/// next", the sequence's own items count too): never one of another sort.
fn options_are_of_the_answers_sort(deck: &Deck, q: &Question) -> Result<(), TestCaseError> {
    let Answer::Choice(c) = &q.answer else {
        return Ok(());
    };
    if !matches!(
        q.form,
        Form::CardChoice | Form::SetMember | Form::ChangeOneSided | Form::SequenceNext
    ) {
        return Ok(());
    }
    let fact = deck.fact(&q.fact).unwrap();
    let sort = sort_of(fact);
    for (i, option) in q
        .options
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != c.correct)
    {
        let own = q.form == Form::SequenceNext && sorted_items(fact).contains(&option.as_str());
        let same_sort = sort.is_some()
            && deck.facts.iter().any(|other| {
                sort_of(other) == sort && sorted_items(other).contains(&option.as_str())
            });
        if !(own || same_sort) {
            return Err(fail(q, format!("option {i} is not of the answer's sort")));
        }
    }
    Ok(())
}

/// A figure's unit is in every option, or in the prompt or the shown answer of a typed one.
fn units_are_shown(deck: &Deck, q: &Question) -> Result<(), TestCaseError> {
    let Some(Fact::Figure(f)) = deck.fact(&q.fact) else {
        return Ok(());
    };
    let Some(unit) = f.unit.as_deref() else {
        return Ok(());
    };
    let word = if unit == "%" {
        "%"
    } else {
        unit.trim_end_matches('s')
    };
    match (q.form, &q.answer) {
        (Form::FigureChoice | Form::FigureChange, Answer::Choice(_)) => {
            if let Some(o) = q.options.iter().find(|o| !o.contains(word)) {
                return Err(fail(q, format!("option {o:?} without its unit")));
            }
        }
        (Form::FigureTyped, _) => {
            let in_prompt =
                q.prompt.contains(word) || unit == "%" && q.prompt.contains("percentage");
            if !in_prompt || !q.expected().contains(word) {
                return Err(fail(q, "a typed figure without its unit"));
            }
        }
        _ => {}
    }
    Ok(())
}

fn describe(f: &FigureFact) -> String {
    match &f.at {
        Some(at) => format!("{} at {at}", f.what),
        None => f.what.clone(),
    }
}

fn check_order(deck: &Deck, q: &Question, order: &[usize]) -> Result<(), TestCaseError> {
    let n = q.options.len();
    let mut sorted = order.to_vec();
    sorted.sort_unstable();
    if sorted != (0..n).collect::<Vec<_>>() || !(2..=5).contains(&n) {
        return Err(fail(q, "the answer is no permutation of 2 to 5 options"));
    }
    let mut keys: Vec<String> = q.options.iter().map(|o| key(o)).collect();
    keys.sort();
    keys.dedup();
    if keys.len() != n {
        return Err(fail(q, "items repeat after normalisation"));
    }
    if q.form == Form::DateOrder {
        let periods: Vec<_> = order
            .iter()
            .map(|i| period(event_fact(deck, &q.options[*i])))
            .collect();
        if n < 3 || !periods.windows(2).all(|w| w[0].1 < w[1].0) {
            return Err(fail(q, "events overlap or are out of order"));
        }
    }
    let reversed: Vec<String> = order.iter().rev().map(|i| (i + 1).to_string()).collect();
    if is_correct(q, &reversed.join(" ")) {
        return Err(fail(q, "the reverse order grades correct"));
    }
    Ok(())
}

fn check(deck: &Deck, settings: Settings, q: &Question) -> Result<(), TestCaseError> {
    let fact = deck.fact(&q.fact).ok_or_else(|| fail(q, "unknown fact"))?;
    if fact.kind() != q.kind || q.form.kind() != q.kind || q.prompt.trim().is_empty() {
        return Err(fail(q, "kind, form and fact disagree"));
    }
    if prompt_contains_answer(q) {
        return Err(fail(q, "the prompt contains the answer"));
    }
    if !is_correct(q, &q.answer_text()) {
        return Err(fail(
            q,
            format!(
                "the canonical answer grades {:?}",
                grade(q, &q.answer_text())
            ),
        ));
    }
    for alt in q.accepted() {
        if !is_correct(q, &alt) {
            return Err(fail(q, format!("accepted `{alt}` does not grade correct")));
        }
    }
    options_are_of_the_answers_sort(deck, q)?;
    units_are_shown(deck, q)?;
    match &q.answer {
        Answer::Choice(_) => check_choice(deck, settings, q)?,
        Answer::Order(order) => check_order(deck, q, order)?,
        Answer::Bool(truth) => {
            if is_correct(q, &(!truth).to_string()) {
                return Err(fail(q, "both true and false grade correct"));
            }
        }
        Answer::Number(_) | Answer::Date(_) | Answer::Text(_) => {
            if !q.options.is_empty() {
                return Err(fail(q, "a typed question with options"));
            }
        }
    }
    Ok(())
}

#[test]
fn every_generated_question_is_sound() {
    let generated = Cell::new(0usize);
    let per_form = std::cell::RefCell::new(std::collections::BTreeMap::<Form, usize>::new());
    let mut runner = TestRunner::new(Config {
        cases: 300,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (deck(), any::<u64>(), 3usize..=6);
    runner
        .run(&strategy, |(deck, seed, options)| {
            let settings = Settings::new(options).unwrap();
            let generator = Generator::new(deck.clone(), settings);
            let mut rng = rng_from_seed(seed);
            let mut questions = Vec::new();
            for fact in 0..deck.facts.len() {
                for form in Form::ALL {
                    questions.extend(generator.generate_form(fact, form, &mut rng));
                }
                questions.extend(generator.generate_for(fact, &mut rng));
            }
            let all: Vec<usize> = (0..deck.facts.len()).collect();
            let dealt = generator.questions(&all, deck.facts.len() * 2, &mut rng);
            let distinct = {
                let mut ids: Vec<&str> = dealt.iter().map(|q| q.fact.as_str()).collect();
                ids.sort_unstable();
                ids.dedup();
                ids.len()
            };
            let mut first_round: Vec<&str> = dealt
                .iter()
                .take(distinct)
                .map(|q| q.fact.as_str())
                .collect();
            first_round.sort_unstable();
            first_round.dedup();
            prop_assert_eq!(
                first_round.len(),
                distinct,
                "a fact was asked twice in one round"
            );
            questions.extend(dealt);
            for q in &questions {
                check(&deck, settings, q)?;
            }
            generated.set(generated.get() + questions.len());
            for q in &questions {
                *per_form.borrow_mut().entry(q.form).or_default() += 1;
            }
            Ok(())
        })
        .unwrap();
    assert!(
        generated.get() >= 10_000,
        "only {} questions generated",
        generated.get()
    );
    // Every form is exercised, or the properties above would hold vacuously.
    let per_form = per_form.into_inner();
    println!(
        "{} questions; fewest of one form: {:?}",
        generated.get(),
        per_form.values().min()
    );
    for form in Form::ALL {
        let n = per_form.get(&form).copied().unwrap_or(0);
        assert!(n >= 100, "only {n} {form} questions: {per_form:?}");
    }
}

#[test]
fn the_same_seed_gives_the_same_questions() {
    let mut runner = TestRunner::new(Config {
        cases: 40,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&(deck(), any::<u64>()), |(deck, seed)| {
            let generator = Generator::new(deck.clone(), Settings::default());
            let all: Vec<usize> = (0..deck.facts.len()).collect();
            let a = generator.questions(&all, 30, &mut rng_from_seed(seed));
            let b = generator.questions(&all, 30, &mut rng_from_seed(seed));
            prop_assert_eq!(a, b);
            Ok(())
        })
        .unwrap();
}

#[test]
fn every_fact_of_a_rich_deck_gets_a_question() {
    // Every kind can be asked even in a one-fact-per-kind deck.
    let loaded = Library::new("/nonexistent".into(), false)
        .open(library::DEFAULT_DECK)
        .unwrap();
    let deck = loaded.loaded.deck;
    let generator = Generator::new(deck.clone(), Settings::default());
    let mut rng = rng_from_seed(3);
    for fact in 0..deck.facts.len() {
        let q = generator.generate_for(fact, &mut rng);
        assert!(q.is_some(), "no question for {}", deck.facts[fact].id());
    }
}

/// A change's options all point the answer's way: "the one whose mirror is listed" or
/// "the positive one" says nothing, and whether it rose or fell is "rose or fell"'s question.
#[test]
fn a_changes_options_share_its_sign() {
    let mut runner = TestRunner::new_with_rng(
        Config {
            cases: 200,
            failure_persistence: None,
            ..Config::default()
        },
        proptest::test_runner::TestRng::deterministic_rng(
            proptest::test_runner::RngAlgorithm::ChaCha,
        ),
    );
    let asked = Cell::new(0usize);
    runner
        .run(
            &(deck(), any::<u64>(), 3usize..=6),
            |(deck, seed, options)| {
                let generator = Generator::new(deck.clone(), Settings::new(options).unwrap());
                let mut rng = rng_from_seed(seed);
                for fact in 0..deck.facts.len() {
                    let Some(q) = generator.generate_form(fact, Form::FigureChange, &mut rng)
                    else {
                        continue;
                    };
                    let Answer::Choice(choice) = &q.answer else {
                        return Err(fail(&q, "not a choice"));
                    };
                    let ChoiceValues::Numbers { values, .. } = &choice.values else {
                        return Err(fail(&q, "not numbers"));
                    };
                    let truth = values[choice.correct].value();
                    let mixed = truth != 0.0
                        && values
                            .iter()
                            .any(|v| v.value() * truth < 0.0 || v.value() == 0.0);
                    if mixed {
                        return Err(fail(&q, "an option of the other sign"));
                    }
                    asked.set(asked.get() + 1);
                }
                Ok(())
            },
        )
        .unwrap();
    assert!(asked.get() >= 200, "only {} change questions", asked.get());
}
