//! The whole deck as JSON, in the deck file's own shape: a `deck` object and one array per
//! kind (`date`, `figure`, …) holding every field the file can have, with the deck
//! format's names. It validates against docs/deck.schema.json, and turned back into TOML it
//! loads as the same deck.

use serde::Serialize;

use crate::deck::{
    CardFact, ChangeFact, ChangeSides, DateFact, Deck, Fact, FactMeta, FigureFact, Number,
    SequenceFact, SetFact, Tolerance, Wording,
};

#[derive(Debug, Serialize)]
pub struct JsonDeck<'d> {
    deck: Header<'d>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    date: Vec<Date<'d>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    figure: Vec<Figure<'d>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    change: Vec<Change<'d>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    card: Vec<Card<'d>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    set: Vec<Set<'d>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sequence: Vec<Sequence<'d>>,
}

#[derive(Debug, Serialize)]
struct Header<'d> {
    id: &'d str,
    title: &'d str,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'d str,
    language: &'d str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<Source<'d>>,
    /// Written only when false, as in a deck file.
    #[serde(skip_serializing_if = "is_true")]
    quotes: bool,
}

fn is_true(b: &bool) -> bool {
    *b
}

#[derive(Debug, Serialize)]
struct Source<'d> {
    title: &'d str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    license: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<String>,
}

/// The fields every fact has.
#[derive(Debug, Serialize)]
struct Meta<'d> {
    id: &'d str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tags: &'d [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    quote: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'d str>,
}

#[derive(Debug, Serialize)]
struct Date<'d> {
    #[serde(flatten)]
    meta: Meta<'d>,
    event: &'d str,
    #[serde(skip_serializing_if = "Option::is_none")]
    question: Option<serde_json::Value>,
    date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    also: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    also_note: Option<&'d str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    precedes: &'d [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    follows: &'d [String],
}

#[derive(Debug, Serialize)]
struct Figure<'d> {
    #[serde(flatten)]
    meta: Meta<'d>,
    what: &'d str,
    #[serde(skip_serializing_if = "Option::is_none")]
    at: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    question: Option<serde_json::Value>,
    value: serde_json::Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tolerance: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    previous: Option<Previous<'d>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    also: Vec<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    also_note: Option<&'d str>,
}

#[derive(Debug, Serialize)]
struct Previous<'d> {
    value: serde_json::Value,
    at: &'d str,
}

#[derive(Debug, Serialize)]
struct Change<'d> {
    #[serde(flatten)]
    meta: Meta<'d>,
    subject: &'d str,
    #[serde(skip_serializing_if = "Option::is_none")]
    before: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    after: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    verb: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    accept: Option<ChangeAccept<'d>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sort: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    question: Option<serde_json::Value>,
}

/// A change's accepted spellings: a list for a change with one side, per side otherwise.
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum ChangeAccept<'d> {
    Only(&'d [String]),
    Sides {
        #[serde(skip_serializing_if = "<[String]>::is_empty")]
        before: &'d [String],
        #[serde(skip_serializing_if = "<[String]>::is_empty")]
        after: &'d [String],
    },
}

#[derive(Debug, Serialize)]
struct Card<'d> {
    #[serde(flatten)]
    meta: Meta<'d>,
    question: &'d str,
    answer: &'d str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    accept: &'d [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sort: Option<&'d str>,
}

#[derive(Debug, Serialize)]
struct Set<'d> {
    #[serde(flatten)]
    meta: Meta<'d>,
    name: &'d str,
    members: &'d [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sort: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    question: Option<serde_json::Value>,
}

#[derive(Debug, Serialize)]
struct Sequence<'d> {
    #[serde(flatten)]
    meta: Meta<'d>,
    name: &'d str,
    items: &'d [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    sort: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    question: Option<serde_json::Value>,
}

/// The deck in its file's shape.
pub fn to_json(deck: &Deck) -> JsonDeck<'_> {
    let m = &deck.meta;
    let mut out = JsonDeck {
        deck: Header {
            id: &m.id,
            title: &m.title,
            description: &m.description,
            language: &m.language,
            source: m.source.as_ref().map(|s| Source {
                title: &s.title,
                url: s.url.as_deref(),
                license: s.license.as_deref(),
                file: s.file.as_ref().map(|f| f.display().to_string()),
            }),
            quotes: m.quotes,
        },
        date: Vec::new(),
        figure: Vec::new(),
        change: Vec::new(),
        card: Vec::new(),
        set: Vec::new(),
        sequence: Vec::new(),
    };
    for fact in &deck.facts {
        match fact {
            Fact::Date(d) => out.date.push(date(d)),
            Fact::Figure(f) => out.figure.push(figure(f)),
            Fact::Change(c) => out.change.push(change(c)),
            Fact::Card(c) => out.card.push(card(c)),
            Fact::Set(s) => out.set.push(set(s)),
            Fact::Sequence(s) => out.sequence.push(sequence(s)),
        }
    }
    out
}

fn meta(m: &FactMeta) -> Meta<'_> {
    Meta {
        id: &m.id,
        tags: &m.tags,
        quote: m.quote.as_deref(),
        note: m.note.as_deref(),
    }
}

/// An author's wording as written: a string for the main question alone (`main`), else a
/// table by form.
fn wording(w: &Wording, main: &str) -> Option<serde_json::Value> {
    let entries: Vec<(&str, &str)> = w.entries().collect();
    match entries.as_slice() {
        [] => None,
        [(key, text)] if *key == main => Some((*text).into()),
        _ => Some(serde_json::Value::Object(
            entries
                .iter()
                .map(|(k, t)| ((*k).to_owned(), (*t).into()))
                .collect(),
        )),
    }
}

fn date(d: &DateFact) -> Date<'_> {
    Date {
        meta: meta(&d.meta),
        event: &d.event,
        question: wording(&d.question, "when"),
        date: d.date.to_string(),
        end: d.end.map(|e| e.to_string()),
        also: d.also.iter().map(ToString::to_string).collect(),
        also_note: d.also_note.as_deref(),
        precedes: &d.precedes,
        follows: &d.follows,
    }
}

/// An integer as a JSON integer, a decimal as a JSON number.
fn number(n: Number) -> serde_json::Value {
    if n.is_integer() {
        serde_json::Value::from(n.value() as i64)
    } else {
        serde_json::Number::from_f64(n.value()).map_or(serde_json::Value::Null, Into::into)
    }
}

fn figure(f: &FigureFact) -> Figure<'_> {
    let tolerance = match f.tolerance {
        Tolerance::Exact => None,
        Tolerance::Absolute(a) => serde_json::Number::from_f64(a).map(Into::into),
        Tolerance::Percent(p) => Some(serde_json::Value::String(format!("{p}%"))),
    };
    Figure {
        meta: meta(&f.meta),
        what: &f.what,
        at: f.at.as_deref(),
        question: wording(&f.question, "value"),
        value: number(f.value),
        unit: f.unit.as_deref(),
        tolerance,
        group: f.group.as_deref(),
        previous: f.previous.as_ref().map(|p| Previous {
            value: number(p.value),
            at: &p.at,
        }),
        also: f.also.iter().map(|a| number(*a)).collect(),
        also_note: f.also_note.as_deref(),
    }
}

fn change(c: &ChangeFact) -> Change<'_> {
    let (before, after, verb) = match &c.sides {
        ChangeSides::Both { before, after } => (Some(before.as_str()), Some(after.as_str()), None),
        ChangeSides::Removed { before, verb } => (Some(before.as_str()), None, Some(verb.as_str())),
        ChangeSides::Established { after, verb } => {
            (None, Some(after.as_str()), Some(verb.as_str()))
        }
    };
    let accept = match &c.sides {
        _ if c.accept_before.is_empty() && c.accept_after.is_empty() => None,
        ChangeSides::Both { .. } => Some(ChangeAccept::Sides {
            before: &c.accept_before,
            after: &c.accept_after,
        }),
        ChangeSides::Removed { .. } => Some(ChangeAccept::Only(&c.accept_before)),
        ChangeSides::Established { .. } => Some(ChangeAccept::Only(&c.accept_after)),
    };
    Change {
        meta: meta(&c.meta),
        subject: &c.subject,
        before,
        after,
        verb,
        accept,
        sort: c.sort.as_deref(),
        question: wording(&c.question, "after"),
    }
}

fn card(c: &CardFact) -> Card<'_> {
    Card {
        meta: meta(&c.meta),
        question: &c.question,
        answer: &c.answer,
        accept: &c.accept,
        group: c.group.as_deref(),
        sort: c.sort.as_deref(),
    }
}

fn set(s: &SetFact) -> Set<'_> {
    Set {
        meta: meta(&s.meta),
        name: &s.name,
        members: &s.members,
        group: s.group.as_deref(),
        sort: s.sort.as_deref(),
        question: wording(&s.question, "member"),
    }
}

fn sequence(s: &SequenceFact) -> Sequence<'_> {
    Sequence {
        meta: meta(&s.meta),
        name: &s.name,
        items: &s.items,
        sort: s.sort.as_deref(),
        question: wording(&s.question, "order"),
    }
}
