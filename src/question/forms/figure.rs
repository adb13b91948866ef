//! Figure questions: "What was X?" (choice and typed), "Which was larger?", "By how much did
//! X change?", "Did X rise or fall?".

use rand::seq::IndexedRandom;
use rand::{Rng, RngExt};

use crate::deck::{Fact, FigureFact, Number, Tolerance};

use super::super::answer::{Answer, NumberAnswer};
use super::super::distract::{NumberTruth, number_distractors};
use super::super::generator::Generator;
use super::super::index::Index;
use super::super::options::{number_choice, text_choice};
use super::super::phrase::{Phrasebook, describe, describe_figure, figure_span, fill, said, show};
use super::super::{Form, Question};
use super::Asked;
use super::question;
use crate::read::normalize::{contains_words, key};
use crate::read::units::is_percent;

impl Asked for FigureFact {
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
        match form {
            Form::FigureLarger => self
                .group
                .as_ref()
                .and_then(|g| index.figure_groups.get(g.as_str()))
                .is_some_and(|members| members.len() >= 2),
            Form::FigureChange => self.previous.is_some(),
            Form::FigureTrend => self
                .previous
                .as_ref()
                .is_some_and(|p| p.value.value() != self.value.value()),
            _ => true,
        }
    }

    fn label(&self, book: &Phrasebook) -> String {
        describe_figure(self, book)
    }

    fn own_context(&self, book: &Phrasebook) -> Vec<String> {
        self.previous
            .iter()
            .map(|prev| {
                // "The number of observers: 1,387 (…)", not "1,387 observers" again.
                let said = self
                    .unit
                    .as_deref()
                    .filter(|u| !contains_words(&key(&self.what), &key(u)));
                let shown = |n| show::number(n, false, said, book);
                let to = self.at.as_deref().unwrap_or(book.figure.later);
                fill(
                    book.figure.history,
                    &[
                        ("what", &self.what),
                        ("then", &shown(prev.value)),
                        ("then_at", &prev.at),
                        ("now", &shown(self.value)),
                        ("now_at", to),
                    ],
                )
            })
            .collect()
    }

    fn export_forms(&self) -> &'static [Form] {
        &[Form::FigureTyped, Form::FigureChoice]
    }
}

pub fn build<R: Rng + ?Sized>(
    g: &Generator,
    i: usize,
    f: &FigureFact,
    form: Form,
    rng: &mut R,
) -> Option<Question> {
    match form {
        Form::FigureChoice | Form::FigureTyped => what(g, i, f, form, rng),
        Form::FigureLarger => larger(g, i, f, rng),
        Form::FigureChange => change(g, i, f, rng),
        Form::FigureTrend => trend(g, i, f, rng),
        _ => None,
    }
}

fn shown(g: &Generator, f: &FigureFact, n: Number) -> String {
    show::number(n, false, f.unit.as_deref(), g.book)
}

/// The other figures of `f`'s group, with their fact indexes.
fn group_mates<'g>(g: &'g Generator, i: usize, f: &FigureFact) -> Vec<(usize, &'g FigureFact)> {
    let Some(members) = f
        .group
        .as_ref()
        .and_then(|grp| g.index.figure_groups.get(grp.as_str()))
    else {
        return Vec::new();
    };
    members
        .iter()
        .filter(|m| **m != i)
        .filter_map(|m| match g.deck.facts.get(*m) {
            Some(Fact::Figure(other)) => Some((*m, &**other)),
            _ => None,
        })
        .collect()
}

/// The unit, when a typed answer needs to be told it: " (in days)". Options show their
/// unit themselves, and a prompt that names it already ("How many delegates…") needs none.
fn unit_hint(prompt: &str, unit: Option<&str>, book: &Phrasebook) -> String {
    let Some(unit) = unit.map(str::trim).filter(|u| !u.is_empty()) else {
        return String::new();
    };
    if is_percent(unit) {
        return book.figure.percent_hint.to_owned();
    }
    let prompt = key(prompt);
    let said = key(unit)
        .split(' ')
        .all(|w| contains_words(&prompt, w) || contains_words(&prompt, &format!("{w}s")));
    if said {
        String::new()
    } else {
        fill(book.figure.unit_hint, &[("unit", unit)])
    }
}

/// "What was X?" about the figure's value or, half the time when it has one, its earlier
/// value ("What was the number of observers at the 7th Congress?").
fn what<R: Rng + ?Sized>(
    g: &Generator,
    i: usize,
    f: &FigureFact,
    form: Form,
    rng: &mut R,
) -> Option<Question> {
    let earlier = f.previous.as_ref().filter(|_| rng.random_bool(0.5));
    let words = &g.book.figure;
    let (value, also, prompt) = match earlier {
        Some(prev) => (
            prev.value,
            Vec::new(),
            f.question.get("previous").map_or_else(
                || {
                    let figure = describe(&f.what, Some(&prev.at), g.book);
                    fill(words.what, &[("figure", &figure)])
                },
                String::from,
            ),
        ),
        None => (
            f.value,
            f.also.clone(),
            f.question.get("value").map_or_else(
                || fill(words.what, &[("figure", &describe_figure(f, g.book))]),
                String::from,
            ),
        ),
    };
    let explain = g.own_explanation(i);
    if form == Form::FigureTyped {
        let hint = unit_hint(&prompt, f.unit.as_deref(), g.book);
        let prompt = format!("{prompt}{hint}");
        let answer = Answer::Number(NumberAnswer {
            value,
            tolerance: f.tolerance,
            unit: f.unit.as_ref().map(ToString::to_string),
            also,
        });
        return Some(question(
            &f.meta,
            form,
            prompt,
            (Vec::new(), answer),
            explain,
        ));
    }
    let wrong = g.settings.options() - 1;
    let truth = NumberTruth {
        value,
        tolerance: f.tolerance,
        also,
        signed: false,
        percent: f.unit.as_deref().is_some_and(is_percent),
    };
    let distractors = number_distractors(&truth, wrong, rng);
    // A small number has few others below it: fewer options, never a lopsided ladder.
    (!distractors.is_empty()).then(|| {
        let options = number_choice(value, distractors, false, f.unit.as_deref(), g.book);
        question(&f.meta, form, prompt, options, explain)
    })
}

/// "Which was larger?" against a figure of the same group with another value.
fn larger<R: Rng + ?Sized>(
    g: &Generator,
    i: usize,
    f: &FigureFact,
    rng: &mut R,
) -> Option<Question> {
    let own_key = g.index.label_key(i);
    let mates: Vec<&FigureFact> = group_mates(g, i, f)
        .into_iter()
        .filter(|(m, other)| {
            other.value.value() != f.value.value() && g.index.label_key(*m) != own_key
        })
        .map(|(_, other)| other)
        .collect();
    let other = *mates.choose(rng)?;
    let (big, small) = if f.value.value() > other.value.value() {
        (f, other)
    } else {
        (other, f)
    };
    let context =
        [big, small].map(|x| said(&describe_figure(x, g.book), &shown(g, x, x.value), g.book));
    let options = text_choice(
        describe_figure(big, g.book),
        vec![describe_figure(small, g.book)],
        Vec::new(),
        rng,
    );
    let explain = g.explain(i, &context, None);
    Some(question(
        &f.meta,
        Form::FigureLarger,
        g.book.figure.larger.to_owned(),
        options,
        explain,
    ))
}

/// The change from the previous value, with the decimals of the more precise of the two.
fn difference(f: &FigureFact) -> Option<Number> {
    let prev = f.previous.as_ref()?;
    let decimals = f.value.decimals().max(prev.value.decimals());
    let diff = f.value.value() - prev.value.value();
    let scale = 10f64.powi(i32::from(decimals));
    let rounded = (diff * scale).round() / scale;
    Some(if decimals == 0 {
        Number::integer(rounded as i64)
    } else {
        Number::decimal(rounded, decimals)
    })
}

/// The question about a change of `f` (`template`, or the author's `key`), with its span.
fn about_change(g: &Generator, f: &FigureFact, key: &str, template: &str) -> Option<String> {
    let prev = f.previous.as_ref()?;
    if let Some(own) = f.question.get(key) {
        return Some(own.to_owned());
    }
    let span = figure_span(f, prev, g.book);
    Some(fill(template, &[("what", &f.what), ("span", &span)]))
}

fn change<R: Rng + ?Sized>(
    g: &Generator,
    i: usize,
    f: &FigureFact,
    rng: &mut R,
) -> Option<Question> {
    let diff = difference(f)?;
    let prompt = about_change(g, f, "change", g.book.figure.change)?;
    // A percentage tolerance is of the figure, not of the change.
    let tolerance = match f.tolerance {
        Tolerance::Percent(p) => Tolerance::Absolute(f.value.value().abs() * p / 100.0),
        t => t,
    };
    let wrong = g.settings.options() - 1;
    let truth = NumberTruth {
        value: diff,
        tolerance,
        also: Vec::new(),
        signed: true,
        percent: false,
    };
    let distractors = number_distractors(&truth, wrong, rng);
    if distractors.is_empty() {
        return None;
    }
    let options = number_choice(diff, distractors, true, f.unit.as_deref(), g.book);
    let explain = g.own_explanation(i);
    Some(question(
        &f.meta,
        Form::FigureChange,
        prompt,
        options,
        explain,
    ))
}

fn trend<R: Rng + ?Sized>(
    g: &Generator,
    i: usize,
    f: &FigureFact,
    rng: &mut R,
) -> Option<Question> {
    let prev = f.previous.as_ref()?;
    let rose = f.value.value() > prev.value.value();
    if f.value.value() == prev.value.value() {
        return None;
    }
    // Asked as often about rises as about falls over the deck: where most figures rose,
    // "rose" would otherwise be the safe guess.
    let (same, other) = if rose {
        (g.index.rises, g.index.falls)
    } else {
        (g.index.falls, g.index.rises)
    };
    if other == 0 || !rng.random_bool((f64::from(other) / f64::from(same)).min(1.0)) {
        return None;
    }
    let prompt = about_change(g, f, "trend", g.book.figure.trend)?;
    let words = &g.book.figure;
    let (right, wrong, aliases, wrong_aliases) = if rose {
        (words.rose, words.fell, words.rose_also, words.fell_also)
    } else {
        (words.fell, words.rose, words.fell_also, words.rose_also)
    };
    let aliases = aliases.iter().map(|a| (*a).to_owned()).collect();
    let (options, mut answer) = text_choice(right.to_owned(), vec![wrong.to_owned()], aliases, rng);
    // Synonyms of the wrong option grade as that option, so "down" is wrong, not re-asked.
    if let Answer::Choice(choice) = &mut answer {
        let wrong_at = 1 - choice.correct.min(1);
        choice.wrong_aliases = wrong_aliases
            .iter()
            .map(|a| (wrong_at, (*a).to_owned()))
            .collect();
    }
    let options = (options, answer);
    let explain = g.own_explanation(i);
    Some(question(
        &f.meta,
        Form::FigureTrend,
        prompt,
        options,
        explain,
    ))
}

#[cfg(test)]
mod tests {
    use crate::grade::{Verdict, grade, readable};
    use crate::question::Form;
    use crate::question::testing::{asked, generator, generator_in};

    fn trend_questions(value: u32, previous: u32) -> Vec<crate::question::Question> {
        // A figure that went the other way: "rose or fell" is asked as often each way.
        let g = generator(&format!(
            "[[figure]]\nid = \"d\"\nwhat = \"the number of delegates\"\nvalue = {value}\nprevious = {{ value = {previous}, at = \"the 7th Congress\" }}\n\
             [[figure]]\nid = \"e\"\nwhat = \"the number of guests\"\nvalue = {previous}\nprevious = {{ value = {value}, at = \"the 7th Congress\" }}\n"
        ));
        asked(&g, 0, Form::FigureTrend)
    }

    #[test]
    fn rise_or_fall_is_not_asked_where_every_figure_went_one_way() {
        let g = generator(
            "[[figure]]\nid = \"d\"\nwhat = \"the number of delegates\"\nvalue = 5000\nprevious = { value = 3637, at = \"the 7th Congress\" }\n",
        );
        assert!(asked(&g, 0, Form::FigureTrend).is_empty());
    }

    #[test]
    fn the_earlier_value_is_asked_directly_and_units_are_shown() {
        let g = generator(
            "[[figure]]\nid = \"o\"\nwhat = \"the number of observers\"\nat = \"the 8th Congress\"\nvalue = 2000\nunit = \"observers\"\nprevious = { value = 1387, at = \"the 7th Congress\" }\n\
             [[figure]]\nid = \"l\"\nwhat = \"the length of the congress\"\nvalue = 7\nunit = \"days\"\nalso = [8]\n",
        );
        let prompts: Vec<String> = asked(&g, 0, Form::FigureTyped)
            .into_iter()
            .map(|q| q.prompt)
            .collect();
        assert!(
            prompts.contains(&"What was the number of observers at the 7th Congress?".to_owned())
        );
        assert!(
            prompts.contains(&"What was the number of observers at the 8th Congress?".to_owned())
        );
        let typed = &asked(&g, 1, Form::FigureTyped)[0];
        assert_eq!(
            typed.prompt,
            "What was the length of the congress? (in days)"
        );
        assert_eq!(typed.expected(), "7 days");
        assert_eq!(
            grade(typed, "8"),
            Verdict::Correct,
            "the other supported value"
        );
        for q in asked(&g, 1, Form::FigureChoice) {
            assert!(
                q.options
                    .iter()
                    .all(|o| (o.ends_with(" days") || o == "1 day") && o != "8 days"),
                "{:?}",
                q.options
            );
        }
    }

    #[test]
    fn rise_or_fall_is_asked_and_graded_in_the_decks_language() {
        let g = generator_in(
            "de",
            "[[figure]]\nid = \"d\"\nwhat = \"die Zahl der Delegierten\"\nvalue = 5000\nprevious = { value = 3637, at = \"7. Parteitag\" }\n\
             [[figure]]\nid = \"e\"\nwhat = \"die Zahl der Gäste\"\nvalue = 10\nprevious = { value = 20, at = \"7. Parteitag\" }\n",
        );
        let questions = asked(&g, 0, Form::FigureTrend);
        assert!(!questions.is_empty());
        for q in questions {
            assert_eq!(
                q.prompt,
                "Die Zahl der Delegierten (7. Parteitag → später): gestiegen oder gesunken?"
            );
            let mut options = q.options.clone();
            options.sort();
            assert_eq!(options, ["gestiegen", "gesunken"]);
            assert_eq!(grade(&q, "gestiegen"), Verdict::Correct);
            assert_eq!(grade(&q, "zugenommen"), Verdict::Correct);
            assert!(matches!(grade(&q, "gesunken"), Verdict::Wrong { .. }));
            assert!(matches!(grade(&q, "weniger"), Verdict::Wrong { .. }));
            assert!(q.expected().ends_with("gestiegen"));
        }
    }

    #[test]
    fn synonyms_of_either_direction_are_graded() {
        for (value, previous, right, wrong) in [(5000, 3637, "up", "down"), (10, 20, "down", "up")]
        {
            let questions = trend_questions(value, previous);
            assert!(!questions.is_empty());
            for q in questions {
                assert_eq!(grade(&q, right), Verdict::Correct, "{right}");
                for input in [wrong, "decreased", "increased", "lower", "grew", "declined"] {
                    assert_eq!(readable(&q, input), Ok(()), "{input}");
                }
                assert!(
                    matches!(grade(&q, wrong), Verdict::Wrong { hint: None, .. }),
                    "{wrong}"
                );
            }
        }
    }
}
