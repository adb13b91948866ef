//! A phrasebook: every word a question, its options and its explanation say about a deck's
//! facts, in one language. One file per language holds one `Phrasebook` value; the forms
//! fill its templates and never spell a word themselves.
//!
//! Templates name what goes in them in braces: `{event}`, `{subject}`. A name written with
//! a capital (`{Subject}`) is the same text with its first letter in upper case, for a
//! phrase that starts a sentence.

use crate::deck::Language;

/// The words of one language.
#[derive(Debug)]
pub struct Phrasebook {
    pub language: Language,
    pub marks: Marks,
    pub dates: DateWords,
    pub numbers: NumberWords,
    pub dated: DatePrompts,
    pub figure: FigurePrompts,
    pub change: ChangePrompts,
    pub set: SetPrompts,
    pub sequence: SequencePrompts,
    pub truth: Truth,
    /// "I was right: count it as correct?", with the words taken for yes and no.
    pub override_prompt: &'static str,
    pub yes_no: YesNo,
    /// "Source: {quote}".
    pub source: &'static str,
}

/// Punctuation.
#[derive(Debug)]
pub struct Marks {
    /// Around a value quoted in a sentence: “ ” in English, „ “ in German.
    pub open_quote: &'static str,
    pub close_quote: &'static str,
    /// "{label}{colon}{text}": ": " in English, " : " with a no-break space in French.
    pub colon: &'static str,
    /// Between the members of a list.
    pub list: &'static str,
    /// After a statement.
    pub stop: &'static str,
    /// Between a question and the hint that follows it ("Give the year.").
    pub gap: &'static str,
}

/// How dates read in prose and in options.
#[derive(Debug)]
pub struct DateWords {
    /// Month names as they stand alone ("January", "январь").
    pub months: [&'static str; 12],
    /// Month names after a day ("5 января"); the same as `months` in most languages.
    pub months_after_day: [&'static str; 12],
    /// "{month} {day}, {year}"; `{m}` is the month's number.
    pub day: &'static str,
    /// "{month} {year}".
    pub month: &'static str,
    /// "{year}".
    pub year: &'static str,
    /// The first day of a month where it is written differently ("1er" in French).
    pub first_day: Option<&'static str>,
    /// A span: "{start} to {end}".
    pub span: &'static str,
    /// Date options read as prose ("5. Januar 2021"); English ones are written as numbers
    /// ("2021-01-05"), which read one way only.
    pub prose_options: bool,
}

/// How numbers read: "5,000.5" or "5.000,5".
#[derive(Debug)]
pub struct NumberWords {
    /// Between groups of three digits.
    pub group: &'static str,
    /// Only numbers of at least this many digits are grouped (5 in Spanish: "5000").
    pub group_from: usize,
    pub decimal: &'static str,
    /// "{n}%" or "{n} %".
    pub percent: &'static str,
    /// Between a number and its unit: " " ("80 days"), "" in Korean ("80일").
    pub unit_gap: &'static str,
    /// Units follow English number ("1 day", "2 days").
    pub english_plurals: bool,
}

/// Questions about dates.
#[derive(Debug)]
pub struct DatePrompts {
    pub when: &'static str,
    pub begin: &'static str,
    pub end: &'static str,
    /// What a typed date gives, by its precision.
    pub give_day: &'static str,
    pub give_month: &'static str,
    pub give_year: &'static str,
    pub first: &'static str,
    pub order: &'static str,
}

/// How a figure's place in time or space joins its description.
#[derive(Debug)]
pub enum AtRule {
    /// English: "at the 8th Congress", "in 2026", or as written when it starts with a
    /// preposition.
    EnglishPrepositions,
    /// A template with `{what}` and `{at}`, for a language whose grammar factdeck does not
    /// guess at: "{what} ({at})".
    Template(&'static str),
}

/// Questions about figures.
#[derive(Debug)]
pub struct FigurePrompts {
    pub at: AtRule,
    /// "What was {figure}?"; `{figure}` is the description with its place in time.
    pub what: &'static str,
    pub larger: &'static str,
    /// "By how much did {what} change {span}?"
    pub change: &'static str,
    /// "Did {what} rise or fall {span}?"
    pub trend: &'static str,
    /// "from {from} to {to}".
    pub span_between: &'static str,
    /// "since {from}".
    pub span_since: &'static str,
    /// What a later value is called when the figure says no `at`: "later".
    pub later: &'static str,
    pub rose: &'static str,
    pub fell: &'static str,
    /// Other words taken for each option.
    pub rose_also: &'static [&'static str],
    pub fell_also: &'static [&'static str],
    /// " (in {unit})" after a typed figure's question.
    pub unit_hint: &'static str,
    pub percent_hint: &'static str,
    /// "{What}: {then} ({then_at}), then {now} ({now_at})."
    pub history: &'static str,
}

/// Questions about changes.
#[derive(Debug)]
pub struct ChangePrompts {
    pub after: &'static str,
    pub before: &'static str,
    /// "True or false: {statement}".
    pub true_false: &'static str,
    /// "{subject} changed from {from} to {to}."
    pub statement: &'static str,
    pub one_sided: &'static str,
    pub one_sided_typed: &'static str,
    /// "{Subject}: {value} was {verb}."
    pub one_sided_said: &'static str,
    /// The verbs a change without one gets: the loader's English "removed" and
    /// "established" read as these.
    pub removed: &'static str,
    pub established: &'static str,
}

/// Questions about sets.
#[derive(Debug)]
pub struct SetPrompts {
    pub member: &'static str,
    pub size: &'static str,
    /// The unit of a set's size ("members"); none where the number stands alone.
    pub unit: Option<&'static str>,
    /// "{Name}: {members}."
    pub said: &'static str,
}

/// Questions about sequences.
#[derive(Debug)]
pub struct SequencePrompts {
    pub order: &'static str,
    /// "In {name}, what came right after {item}?"
    pub next: &'static str,
}

/// The two answers of a true-or-false question.
#[derive(Debug)]
pub struct Truth {
    /// As shown for the right answer: "true", "false".
    pub yes: &'static str,
    pub no: &'static str,
    /// On the menu: "True", "False".
    pub yes_label: &'static str,
    pub no_label: &'static str,
    /// Other words typed for each.
    pub yes_also: &'static [&'static str],
    pub no_also: &'static [&'static str],
}

/// The words a yes/no question takes, and how its choices are shown.
#[derive(Debug, PartialEq, Eq)]
pub struct YesNo {
    /// Words for yes, in lower case, the whole word first; English "y" and "yes" are always
    /// taken too.
    pub yes: &'static [&'static str],
    pub no: &'static [&'static str],
    /// The choices shown after the prompt when Enter means no, and when it means yes:
    /// "[y/N]", "[Y/n]".
    pub default_no: &'static str,
    pub default_yes: &'static str,
}

impl YesNo {
    pub const ENGLISH: YesNo = YesNo {
        yes: &["yes", "y"],
        no: &["no", "n"],
        default_no: "[y/N]",
        default_yes: "[Y/n]",
    };

    /// `Some(true)` for a yes word, `Some(false)` for a no word, in any case.
    pub fn read(&self, text: &str) -> Option<bool> {
        let word = text.trim().to_lowercase();
        let is = |words: &[&str]| words.contains(&word.as_str());
        if is(self.yes) || is(YesNo::ENGLISH.yes) {
            Some(true)
        } else if is(self.no) || is(YesNo::ENGLISH.no) {
            Some(false)
        } else {
            None
        }
    }

    /// The choices shown after a prompt, by its default.
    pub fn choices(&self, default: bool) -> &'static str {
        if default {
            self.default_yes
        } else {
            self.default_no
        }
    }
}

/// `template` with each `{name}` replaced by its value, and `{Name}` by the value with its
/// first letter in upper case.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let name = &after[..close];
        match lookup(name, values) {
            Some(value) => out.push_str(&value),
            None => out.push_str(&rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

fn lookup(name: &str, values: &[(&str, &str)]) -> Option<String> {
    if let Some((_, v)) = values.iter().find(|(k, _)| *k == name) {
        return Some((*v).to_owned());
    }
    let lowered = lower_first(name);
    values
        .iter()
        .find(|(k, _)| *k == lowered)
        .map(|(_, v)| super::capitalize(v))
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_fill_names_and_capitalised_names() {
        let values = [("subject", "the title"), ("verb", "abolished")];
        assert_eq!(
            fill("{Subject}: what was {verb}?", &values),
            "The title: what was abolished?"
        );
        assert_eq!(fill("{unknown} {subject", &values), "{unknown} {subject");
    }

    #[test]
    fn yes_and_no_are_read_in_the_language_and_in_english() {
        let german = YesNo {
            yes: &["ja", "j"],
            no: &["nein"],
            default_no: "[j/N]",
            default_yes: "[J/n]",
        };
        assert_eq!(german.read(" Ja "), Some(true));
        assert_eq!(german.read("yes"), Some(true));
        assert_eq!(german.read("nein"), Some(false));
        assert_eq!(german.read("vielleicht"), None);
    }
}
