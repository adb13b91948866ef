//! `[[date]]`: an event and when it happened.
//!
//! The kind's model, its table as written, its check, its JSON shape and its texts.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use super::json::{Meta, meta, wording};
use super::{FactKind, KindSpec, located};
use crate::deck::checks::{Checker, Located, Name, Table};
use crate::deck::date::FactDate;
use crate::deck::diagnostic::Diagnostic;
use crate::deck::model::{FactMeta, Kind};
use crate::deck::raw::F;
use crate::deck::wording::{Wording, WordingKey, key};

/// `[[date]]`: an event and when it happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateFact {
    pub meta: FactMeta,
    /// A noun phrase naming the event: "the opening of the 8th Congress".
    pub event: CompactString,
    /// The author's wording of its questions; generated from `event` otherwise.
    pub question: Wording,
    pub date: FactDate,
    /// End of a span (the campaign ran from `date` to `end`).
    pub end: Option<FactDate>,
    /// Other dates that are also accepted as correct (sources that disagree).
    pub also: Vec<FactDate>,
    /// Why the alternative dates are accepted.
    pub also_note: Option<String>,
    /// Date facts (by id) this event came before: wrong dates offered for it stay before
    /// them too ("the preparations before the congress").
    pub precedes: Vec<String>,
    /// Date facts (by id) this event came after ("the next congress after this one").
    pub follows: Vec<String>,
}

/// `[[date]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDate {
    pub id: Option<F<String>>,
    pub tags: Option<F<Vec<F<String>>>>,
    pub quote: Option<F<String>>,
    pub note: Option<F<String>>,
    pub event: Option<F<String>>,
    /// A string, or a table of strings by form (`deck::wording`).
    pub question: Option<F<toml::Value>>,
    /// A TOML date, a "YYYY-MM" or "YYYY" string, or a bare year.
    pub date: Option<F<toml::Value>>,
    pub end: Option<F<toml::Value>>,
    pub also: Option<F<Vec<F<toml::Value>>>>,
    pub also_note: Option<F<String>>,
    pub precedes: Option<F<Vec<F<String>>>>,
    pub follows: Option<F<Vec<F<String>>>>,
}

pub(crate) const FIELDS: &[&str] = &[
    "id",
    "tags",
    "quote",
    "note",
    "event",
    "question",
    "date",
    "end",
    "also",
    "also_note",
    "precedes",
    "follows",
];

const KEYS: &[WordingKey] = &[
    key("when", "when it happened (a span: when it began)"),
    key("end", "when a span ended"),
];

/// The fact in the deck file's shape, for `factdeck export --format json`.
#[derive(Debug, Serialize)]
pub(crate) struct JsonDate<'d> {
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

fn json(d: &DateFact) -> JsonDate<'_> {
    JsonDate {
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

impl Checker<'_> {
    fn date(&mut self, r: RawDate, table: &Table) -> Option<Located> {
        let meta = self.meta(r.id, r.tags, r.quote, r.note, table);
        let event = self.required_text(r.event, "event", table);
        let question = self.wording(r.question, Kind::Date, "when", &["when", "end"]);
        let date = self
            .require(r.date, "date", "2021-01-05", table)
            .and_then(|d| self.date_value(d, "date"));
        let end_span = r.end.as_ref().map(toml::Spanned::span);
        let end = r.end.map(|e| self.date_value(e, "end"));
        let also = match r
            .also
            .and_then(|a| self.typed(a, "also", "an array of dates"))
        {
            Some(list) => list
                .into_inner()
                .into_iter()
                .map(|a| self.date_value(a, Name::EntryOf("also")))
                .collect::<Option<Vec<_>>>(),
            None => Some(Vec::new()),
        };
        let also_note = self.opt_text(r.also_note, "also_note");
        let precedes = self.text_list(r.precedes, "precedes");
        let follows = self.text_list(r.follows, "follows");
        // A coarse end contains its whole period: `end = "2021"` is fine after 2021-05-01.
        if let (Some(Some(end)), Some(start), Some(span)) = (end, date, end_span)
            && end.strictly_before(&start)
        {
            self.push(
                Diagnostic::error(format!("the span ends ({end}) before it starts ({start})"))
                    .at(span)
                    .label("before `date`")
                    .help("`end` must be on or after `date`; did you swap them?"),
            );
            return None;
        }
        let (meta, id_span, quote_span) = meta?;
        let fact = DateFact {
            meta,
            event: event?.0.into(),
            question: question?,
            date: date?,
            end: end.map_or(Some(None), |e| e.map(Some))?,
            also: also?,
            also_note,
            precedes,
            follows,
        };
        Some(located(fact, id_span, quote_span))
    }
}

impl KindSpec for DateFact {
    type Raw = RawDate;
    const FIELDS: &'static [&'static str] = FIELDS;
    const WORDING: &'static [WordingKey] = KEYS;

    fn check(checker: &mut Checker<'_>, raw: RawDate, table: &Table) -> Option<Located> {
        checker.date(raw, table)
    }

    fn json(&self) -> impl Serialize + '_ {
        json(self)
    }
}

impl FactKind for DateFact {
    fn meta(&self) -> &FactMeta {
        &self.meta
    }

    fn item_texts(&self) -> Vec<&str> {
        vec![self.event.as_str()]
    }

    fn item_text(&self, item: usize) -> Option<&str> {
        (item == 0).then_some(self.event.as_str())
    }

    fn items_are_answers(&self) -> bool {
        false
    }

    fn topic(&self) -> &str {
        &self.event
    }

    fn wording(&self) -> Option<&Wording> {
        Some(&self.question)
    }

    fn also_note(&self) -> Option<&str> {
        self.also_note.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use crate::deck::load_str;

    fn date_errors(date: &str, end: &str) -> Vec<String> {
        let text = format!(
            "[deck]\nid = \"d\"\ntitle = \"T\"\n[[date]]\nid = \"x\"\nevent = \"e\"\ndate = {date}\nend = {end}\nquote = \"q\"\n"
        );
        match load_str(&text) {
            Ok(_) => Vec::new(),
            Err(all) => all.into_iter().map(|d| d.message).collect(),
        }
    }

    #[test]
    fn an_end_is_compared_by_the_period_it_names() {
        assert!(date_errors("2021-05-01", "\"2021\"").is_empty());
        assert!(date_errors("2021-05-01", "2021-05-01").is_empty());
        assert!(date_errors("\"2021-05\"", "2021-05-03").is_empty());
        assert_eq!(
            date_errors("2021-05-01", "\"2021-04\""),
            ["the span ends (2021-04) before it starts (2021-05-01)"]
        );
    }
}
