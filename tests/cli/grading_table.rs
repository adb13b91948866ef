//! The grading table: (question, typed input) → verdict, across numbers, dates, text,
//! multiple choice, true/false and orderings.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use factdeck::deck::{FactDate, Kind, Number, Tolerance};
use factdeck::grade::{Verdict, grade};
use factdeck::question::{
    Answer, Choice, ChoiceValues, DateAnswer, Form, NumberAnswer, Question, TextAnswer,
};

fn question(form: Form, options: &[&str], answer: Answer) -> Question {
    Question {
        fact: "f".into(),
        kind: form.kind(),
        form,
        prompt: "?".into(),
        options: options.iter().map(|s| (*s).to_owned()).collect(),
        answer,
        explanation: String::new(),
        language: factdeck::deck::Language::English,
    }
}

fn number(value: i64, tolerance: Tolerance) -> Question {
    measured(Number::integer(value), tolerance, "delegates", &[])
}

fn measured(value: Number, tolerance: Tolerance, unit: &str, also: &[i64]) -> Question {
    question(
        Form::FigureTyped,
        &[],
        Answer::Number(NumberAnswer {
            value,
            tolerance,
            unit: Some(unit.into()),
            also: also.iter().map(|a| Number::integer(*a)).collect(),
        }),
    )
}

fn date(text: &str, also: &[&str]) -> Question {
    question(
        Form::DateTyped,
        &[],
        Answer::Date(DateAnswer {
            date: text.parse().unwrap(),
            also: also.iter().map(|a| a.parse().unwrap()).collect(),
        }),
    )
}

fn text(answer: &str, accepted: &[&str], rejected: &[&str]) -> Question {
    let owned = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect();
    question(
        Form::CardTyped,
        &[],
        Answer::Text(TextAnswer {
            text: answer.into(),
            accepted: owned(accepted),
            rejected: owned(rejected),
        }),
    )
}

fn choice(
    form: Form,
    options: &[&str],
    correct: usize,
    values: ChoiceValues,
    aliases: &[&str],
) -> Question {
    choice_rejecting(form, options, correct, values, aliases, &[])
}

/// A choice that knows other answers of the deck near its right option.
fn choice_rejecting(
    form: Form,
    options: &[&str],
    correct: usize,
    values: ChoiceValues,
    aliases: &[&str],
    rejected: &[&str],
) -> Question {
    let owned = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect();
    question(
        form,
        options,
        Answer::Choice(Choice {
            correct,
            values,
            aliases: owned(aliases),
            wrong_aliases: Vec::new(),
            rejected: owned(rejected),
        }),
    )
}

#[derive(Debug, Clone, Copy)]
enum Expect {
    Correct,
    /// Accepted; the correction contains this.
    Close(&'static str),
    Wrong,
    /// Wrong, with a hint containing this.
    Hint(&'static str),
}
use Expect::{Close, Correct, Hint, Wrong};

fn check(q: &Question, input: &str, expect: Expect) -> Result<(), String> {
    let verdict = grade(q, input);
    let ok = match (&verdict, expect) {
        (Verdict::Correct, Correct) => true,
        (Verdict::Close { correction }, Close(want)) => correction.contains(want),
        (Verdict::Wrong { hint: None, .. }, Wrong) => true,
        (Verdict::Wrong { hint: Some(h), .. }, Hint(want)) => h.contains(want),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{:?} {input:?}: expected {expect:?}, got {verdict:?}",
            q.form
        ))
    }
}

#[test]
fn grading_table() {
    let delegates = number(5000, Tolerance::Exact);
    let tolerant = number(5000, Tolerance::Absolute(100.0));
    let small = number(7, Tolerance::Exact);
    let year = date("1950", &[]);
    let day = date("2021-01-05", &["2021-01-06"]);
    let month = date("2020-12", &[]);
    let venue = text(
        "April 25 House of Culture",
        &["the April 25 House of Culture"],
        &[],
    );
    let leader = text("Kim Jong Un", &[], &["Kim Jong Il"]);
    let general = text("Ŭlchi Mundŏk", &[], &[]);
    let short = text("Un", &[], &[]);
    let rules = text("Rules", &[], &[]);
    let title = choice(
        Form::CardChoice,
        &["Chairman", "General Secretary", "President", "Premier"],
        1,
        ChoiceValues::Text,
        &[],
    );
    let numbers = [4000, 5000, 6000, 7500].map(Number::integer).to_vec();
    let count = choice(
        Form::FigureChoice,
        &["4,000", "5,000", "6,000", "7,500"],
        1,
        ChoiceValues::Numbers {
            values: numbers,
            signed: false,
            unit: Some("delegates".into()),
        },
        &[],
    );
    let changes = [-1363, 1163, 1363, 1563].map(Number::integer).to_vec();
    let change = choice(
        Form::FigureChange,
        &["-1,363", "+1,163", "+1,363", "+1,563"],
        2,
        ChoiceValues::Numbers {
            values: changes,
            signed: true,
            unit: None,
        },
        &[],
    );
    let days: Vec<FactDate> = ["2021-01-03", "2021-01-05", "2021-01-07", "2021-02-05"]
        .iter()
        .map(|d| d.parse().unwrap())
        .collect();
    let when = choice(
        Form::DateChoice,
        &[
            "January 3, 2021",
            "January 5, 2021",
            "January 7, 2021",
            "February 5, 2021",
        ],
        1,
        ChoiceValues::Dates(days),
        &[],
    );
    let trend = choice(
        Form::FigureTrend,
        &["fell", "rose"],
        1,
        ChoiceValues::Text,
        &["rise", "up"],
    );
    // Issue 9: units, other supported values, number words, deck answers are no typos.
    let length = measured(Number::integer(7), Tolerance::Exact, "days", &[8]);
    let campaign = measured(Number::integer(80), Tolerance::Exact, "days", &[]);
    let goal = measured(Number::decimal(7.32, 2), Tolerance::Exact, "metres", &[]);
    let interval = measured(Number::integer(4), Tolerance::Exact, "years", &[]);
    let plan = text(
        "a new five-year economic development plan",
        &["five-year plan"],
        &[],
    );
    let north = text("North Korea", &["DPRK"], &["South Korea"]);
    let country = choice_rejecting(
        Form::CardChoice,
        &["China", "Japan", "North Korea", "Russia"],
        2,
        ChoiceValues::Text,
        &["DPRK"],
        &["South Korea"],
    );
    let (forty_four, thirteen_hundred, dozen) = (
        number(44, Tolerance::Exact),
        number(1300, Tolerance::Exact),
        number(12, Tolerance::Exact),
    );
    let small_values = [2, 4, 5, 6].map(Number::integer).to_vec();
    let few = choice(
        Form::FigureChoice,
        &["2 members", "4 members", "5 members", "6 members"],
        1,
        ChoiceValues::Numbers {
            values: small_values,
            signed: false,
            unit: Some("members".into()),
        },
        &[],
    );
    let statement = question(Form::ChangeTrueFalse, &[], Answer::Bool(true));
    let untrue = question(Form::ChangeTrueFalse, &[], Answer::Bool(false));
    let order = question(
        Form::SequenceOrder,
        &["second", "third", "first"],
        Answer::Order(vec![2, 0, 1]),
    );

    let rows: Vec<(&Question, &str, Expect)> = vec![
        // Numbers: every usual notation, the tolerance, and no typo tolerance.
        (&delegates, "5000", Correct),
        (&delegates, "5,000", Correct),
        (&delegates, "5 000", Correct),
        (&delegates, "5k", Correct),
        (&delegates, "5K", Correct),
        (&delegates, "5000.0", Correct),
        (&delegates, "5 thousand", Correct),
        (&delegates, "5,000 delegates", Correct),
        (&delegates, "about 5000", Correct),
        (&delegates, " 5000 ", Correct),
        (&delegates, "5001", Wrong),
        (&delegates, "4999", Wrong),
        (&delegates, "500", Wrong),
        (&delegates, "50000", Wrong),
        (&delegates, "5,00", Hint("misplaced comma")),
        (&delegates, "five thousand", Correct),
        (&delegates, "5000 6000", Hint("one number")),
        (&delegates, "5,000 people", Correct),
        (&delegates, "5000 women delegates", Correct),
        (&delegates, "5,001 people", Wrong),
        (&delegates, "people 5000", Hint("not a number")),
        (&delegates, "5000%", Hint("not a percentage")),
        (&delegates, "5000 percent", Hint("not a percentage")),
        (&delegates, "", Hint("no answer")),
        (&tolerant, "5000", Correct),
        (&tolerant, "5100", Close("5,000")),
        (&tolerant, "4,900", Close("5,000")),
        (&tolerant, "5101", Wrong),
        (&small, "7", Correct),
        (&small, "8", Wrong),
        // Years and dates: no typo tolerance, precision enforced, no guessing.
        (&year, "1950", Correct),
        (&year, "1905", Wrong),
        (&year, "1951", Wrong),
        (&year, "50", Hint("year in full")),
        (&day, "January 5, 2021", Correct),
        (&day, "5 January 2021", Correct),
        (&day, "Jan 5 2021", Correct),
        (&day, "2021-01-05", Correct),
        (&day, "JANUARY 5TH, 2021", Correct),
        (&day, "the 5th of January, 2021", Correct),
        (&day, "2021/01/05", Correct),
        (&day, "January 6, 2021", Correct),
        (&day, "January 7, 2021", Wrong),
        (&day, "January 5, 2020", Wrong),
        (&day, "January 2021", Hint("the day is missing")),
        (&day, "2021", Hint("month and day are missing")),
        (&day, "05/01/2021", Hint("write the month as a word")),
        (&day, "1/5/2021", Hint("ISO")),
        (&day, "05/01/21", Hint("year in full")),
        (&day, "13/01/2021", Wrong),
        (&day, "06/01/2021", Hint("day-first or month-first")),
        (&day, "2/30/2021", Hint("no such day")),
        (&month, "12/2020", Correct),
        (&month, "11/2020", Wrong),
        (&month, "29/12/2020", Correct),
        (&month, "12/29/2020", Correct),
        (&day, "5 Jan 21", Hint("year in full")),
        (&day, "January 5", Hint("needs a year")),
        (&day, "February 30, 2021", Hint("no such day")),
        (&day, "soon", Hint("not a date")),
        (&month, "December 2020", Correct),
        (&month, "dec 2020", Correct),
        (&month, "2020-12", Correct),
        (&month, "December 30, 2020", Correct),
        (&month, "November 2020", Wrong),
        (&month, "2020", Hint("the month is missing")),
        // Text: case, punctuation, hyphens, diacritics, accepted spellings, typos by length.
        (&venue, "April 25 House of Culture", Correct),
        (&venue, "april 25 house of culture", Correct),
        (&venue, "the April 25 House of Culture", Correct),
        (&venue, "April-25 House of Culture!", Correct),
        (
            &venue,
            "Apirl 25 House of Cultre",
            Close("April 25 House of Culture"),
        ),
        (&venue, "April 26 House of Culture", Wrong),
        (&venue, "House of Culture", Wrong),
        (&leader, "Kim Jong Un", Correct),
        (&leader, "kim jong-un", Correct),
        (&leader, "Kim Jon Un", Close("Kim Jong Un")),
        (&leader, "Kim Jong Il", Wrong),
        (&leader, "Kim Jong Ul", Wrong),
        (&general, "Ulchi Mundok", Correct),
        (&general, "ulchi-mundok", Correct),
        (&general, "Ulchi Mundk", Close("Ŭlchi Mundŏk")),
        (&short, "un", Correct),
        (&short, "Um", Wrong),
        (&rules, "Rulse", Close("Rules")),
        (&rules, "Ｒｕｌｅｓ", Correct),
        (&rules, "Rolls", Wrong),
        // Multiple choice: letter, number or text; numbers and dates by value.
        (&title, "b", Correct),
        (&title, "B", Correct),
        (&title, "(b)", Correct),
        (&title, "2", Correct),
        (&title, "General Secretary", Correct),
        (&title, "general secretary", Correct),
        (&title, "General Secretry", Close("General Secretary")),
        (&title, "a", Wrong),
        (&title, "1", Wrong),
        (&title, "Chairman", Wrong),
        (&title, "e", Hint("letter from a to d")),
        (&title, "7", Hint("letter from a to d")),
        (&count, "b", Correct),
        (&count, "5000", Correct),
        (&count, "5,000", Correct),
        (&count, "5k", Correct),
        (&count, "4,000", Wrong),
        (&count, "2", Hint("not one of the options")),
        (&change, "+1363", Correct),
        (&change, "1363", Correct),
        (&change, "+1,363", Correct),
        (&change, "increase of 1363", Correct),
        (&change, "c", Correct),
        (&change, "-1363", Wrong),
        (&change, "decrease of 1363", Wrong),
        (&change, "1163", Wrong),
        (&when, "2021-01-05", Correct),
        (&when, "January 5, 2021", Correct),
        (&when, "b", Correct),
        (&when, "2", Correct),
        (&when, "a", Wrong),
        (&when, "Feb 5 2021", Wrong),
        (&trend, "rose", Correct),
        (&trend, "rise", Correct),
        (&trend, "up", Correct),
        (&trend, "fell", Wrong),
        // Units: the figure's own may follow, another is refused; other supported values.
        (&campaign, "80 days", Correct),
        (&campaign, "80 day", Correct),
        (&campaign, "eighty days", Correct),
        (&campaign, "80 weeks", Hint("the answer is in days")),
        (&campaign, "81 days", Wrong),
        (&goal, "7.32 m", Correct),
        (&goal, "7.32m", Correct),
        (&goal, "7.32 metres", Correct),
        (&goal, "7.32 meters", Correct),
        (&goal, "7.32 feet", Hint("the answer is in metres")),
        (&length, "7", Correct),
        (&length, "8 days", Correct),
        (&length, "eight", Correct),
        (&length, "9", Wrong),
        (&interval, "four", Correct),
        (&interval, "4 years", Correct),
        // Numbers in words.
        (&campaign, "eighty", Correct),
        (&delegates, "five thousand delegates", Correct),
        (&small, "seven", Correct),
        (&forty_four, "forty-four", Correct),
        (&forty_four, "forty four", Correct),
        (&thirteen_hundred, "one thousand three hundred", Correct),
        (&dozen, "a dozen", Correct),
        (&dozen, "twelve", Correct),
        (&plan, "a new 5-year economic development plan", Correct),
        (&plan, "5-year plan", Correct),
        (&plan, "five year plan", Correct),
        // Another answer of the deck is no typo, typed or among options.
        (&north, "North Korea", Correct),
        (&north, "Nroth Korea", Close("North Korea")),
        (&north, "South Korea", Wrong),
        (&country, "North Korea", Correct),
        (&country, "Nroth Korea", Close("North Korea")),
        (&country, "South Korea", Hint("letter from a to d")),
        // Number options: letters name options, a typed number is a value.
        (&few, "4", Correct),
        (&few, "4 members", Correct),
        (&few, "b", Correct),
        (&few, "2", Wrong),
        (&few, "d", Wrong),
        (&few, "3", Hint("not one of the options")),
        // True/false.
        (&statement, "true", Correct),
        (&statement, "T", Correct),
        (&statement, "yes", Correct),
        (&statement, "y", Correct),
        (&statement, "false", Wrong),
        (&untrue, "n", Correct),
        (&untrue, "False", Correct),
        (&untrue, "maybe", Hint("true or false")),
        // Orderings.
        (&order, "3 1 2", Correct),
        (&order, "c a b", Correct),
        (&order, "C, A, B", Correct),
        (&order, "cab", Correct),
        (&order, "312", Correct),
        (&order, "1 2 3", Hint("0 of 3 in the right place")),
        (&order, "3 2 1", Hint("1 of 3 in the right place")),
        (&order, "3 1", Hint("each of the 3 options once")),
        (&order, "3 1 1", Hint("each of the 3 options once")),
        (&order, "d a b", Hint("each of the 3 options once")),
    ];
    assert!(rows.len() >= 60);
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|(q, input, expect)| check(q, input, *expect).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

/// Changes take `accept` alternatives like cards; a two-digit year asks for the full year.
#[test]
fn changes_accept_their_alternatives() {
    use factdeck::question::{Generator, Settings, rng_from_seed};
    let text = "[deck]\nid = \"t\"\ntitle = \"T\"\n\
        [[change]]\nid = \"title\"\nsubject = \"the title of the leader\"\nbefore = \"Chairman\"\n\
        after = \"General Secretary\"\naccept = { before = [\"Party Chairman\"] }\n\
        [[change]]\nid = \"gone\"\nsubject = \"extra time\"\nbefore = \"the golden goal\"\nverb = \"abolished\"\n\
        accept = [\"golden goal rule\"]\n";
    let g = Generator::new(
        factdeck::deck::load_str(text).unwrap().deck,
        Settings::default(),
    );
    let before = g
        .generate_form(0, Form::ChangeBefore, &mut rng_from_seed(1))
        .unwrap();
    assert!(check(&before, "Party Chairman", Correct).is_ok());
    assert!(check(&before, "Chairman", Correct).is_ok());
    assert!(check(&before, "General Secretary", Wrong).is_ok());
    let gone = g
        .generate_form(1, Form::ChangeOneSidedTyped, &mut rng_from_seed(1))
        .unwrap();
    assert_eq!(gone.prompt, "Extra time: what was abolished?");
    assert!(check(&gone, "golden goal rule", Correct).is_ok());
    assert!(check(&gone, "the golden goal", Correct).is_ok());
}

#[test]
fn wrong_verdicts_carry_the_right_answer() {
    let q = date("2021-01-05", &[]);
    match grade(&q, "January 7, 2021") {
        Verdict::Wrong { expected, .. } => assert_eq!(expected, "January 5, 2021"),
        other => panic!("{other:?}"),
    }
    assert_eq!(q.kind, Kind::Date);
}
