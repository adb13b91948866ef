//! Reading which option a reader meant, and reading true/false and orderings.

use crate::deck::Language;
use crate::question::{Answer, Choice, ChoiceValues, Question, option_letter};

use super::text::nearest_keyed_option;
use crate::read::date::parse_date_in;
use crate::read::normalize::{
    close_distance, is_same_answer, is_same_keyed_answer, key, typo_distance,
};
use crate::read::number::parse_number_in;

/// What the input picked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    /// This option, named exactly (by letter, number, text or value) or by an alias.
    Option(usize),
    /// This option, by a misspelling of its text.
    NearMiss(usize),
    /// Nothing: the hint says how to answer.
    Unclear(String),
}

/// Which option `input` names: its text or value first, then its letter, then its number
/// (not for number options, where "3" is a value), then an alias of the correct option or
/// of a wrong one, then a near miss of one option's text.
/// Numbers and dates are read as readers of `language` write them.
pub fn pick(options: &[String], choice: &Choice, input: &str, language: Language) -> Pick {
    let n = options.len();
    let given = key(input);
    // Text options' keys, made once for the several looks below.
    let keys = std::cell::OnceCell::new();
    let keys = || keys.get_or_init(|| options.iter().map(|o| key(o)).collect::<Vec<_>>());
    match &choice.values {
        ChoiceValues::Text => {
            if let Some(i) = options
                .iter()
                .zip(keys())
                .position(|(o, k)| is_same_keyed_answer(&given, o, k))
            {
                return Pick::Option(i);
            }
        }
        ChoiceValues::Numbers { values, unit, .. } => {
            if let Ok(typed) = parse_number_in(input, unit.as_deref(), language) {
                return match values
                    .iter()
                    .position(|v| (v.value() - typed.value).abs() < 1e-9)
                {
                    Some(i) => Pick::Option(i),
                    None => Pick::Unclear(format!(
                        "that is not one of the options; answer with a letter from a to {}",
                        option_letter(n.saturating_sub(1))
                    )),
                };
            }
        }
        ChoiceValues::Dates(dates) => {
            if let Ok(typed) = parse_date_in(input, language)
                && let Some(i) = dates.iter().position(|d| *d == typed)
            {
                return Pick::Option(i);
            }
        }
    }
    let bare = given.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    if let [letter] = bare.as_bytes()
        && letter.is_ascii_lowercase()
    {
        let i = usize::from(letter - b'a');
        if i < n {
            return Pick::Option(i);
        }
    }
    if !matches!(choice.values, ChoiceValues::Numbers { .. })
        && let Ok(number) = bare.parse::<usize>()
        && (1..=n).contains(&number)
    {
        return Pick::Option(number - 1);
    }
    if choice.aliases.iter().any(|a| is_same_answer(&given, a)) {
        return Pick::Option(choice.correct);
    }
    if let Some((i, _)) = choice.wrong_aliases.iter().find(|(_, a)| key(a) == given) {
        return Pick::Option(*i);
    }
    if matches!(choice.values, ChoiceValues::Text)
        && let Some(i) = nearest_keyed_option(&given, keys())
        && !(i == choice.correct && is_another_answer(&given, keys(), &choice.rejected))
    {
        return Pick::NearMiss(i);
    }
    Pick::Unclear(format!(
        "answer with a letter from a to {}, the option's number or its text",
        option_letter(n.saturating_sub(1))
    ))
}

/// The text of the option `input` picks in a multiple-choice question: what history keeps,
/// since a letter names another option once the options are shuffled again, and the class
/// report counts wrong options by their text. `None` for other questions or no clear pick.
pub fn chosen<'q>(q: &'q Question, input: &str) -> Option<&'q str> {
    let Answer::Choice(choice) = &q.answer else {
        return None;
    };
    match pick(&q.options, choice, input, q.language) {
        Pick::Option(i) | Pick::NearMiss(i) => q.options.get(i).map(String::as_str),
        Pick::Unclear(_) => None,
    }
}

/// Whether typed text is at least as near another answer of the deck as it is to the option
/// it would be a misspelling of: then it is that other answer, and no typo.
/// `option_keys`: the options' keys.
fn is_another_answer(given: &str, option_keys: &[String], rejected: &[String]) -> bool {
    let nearest = option_keys
        .iter()
        .filter_map(|k| typo_distance(given, k))
        .min();
    nearest.is_some_and(|d| {
        rejected
            .iter()
            .any(|r| close_distance(given, &key(r), d).is_some())
    })
}

/// y/n/t/f/yes/no/true/false, in any case.
pub fn parse_bool(input: &str) -> Option<bool> {
    match key(input).as_str() {
        "y" | "yes" | "t" | "true" => Some(true),
        "n" | "no" | "f" | "false" => Some(false),
        _ => None,
    }
}

/// "3 1 2", "c a b", "c, a, b", "cab" or "312" → option indexes, when it names each of the
/// `n` options exactly once.
pub fn parse_order(input: &str, n: usize) -> Option<Vec<usize>> {
    let lowered = input.to_lowercase();
    let mut tokens: Vec<&str> = lowered
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    let compact;
    if let [single] = tokens.as_slice()
        && single.len() == n
        && n > 1
    {
        compact = single
            .char_indices()
            .map(|(i, _)| &single[i..=i])
            .collect::<Vec<_>>();
        tokens = compact;
    }
    let order: Vec<usize> = tokens
        .iter()
        .map(|t| match t.as_bytes() {
            [c] if c.is_ascii_lowercase() => Some(usize::from(c - b'a')),
            _ => t.parse::<usize>().ok().and_then(|k| k.checked_sub(1)),
        })
        .collect::<Option<_>>()?;
    let mut seen = vec![false; n];
    for i in &order {
        if *seen.get(*i)? {
            return None;
        }
        seen[*i] = true;
    }
    (order.len() == n).then_some(order)
}
