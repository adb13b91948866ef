//! `[[sequence]]`: a named ordered list.
//!
//! The kind's model, its table as written, its check, its JSON shape and its texts.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use super::json::{Meta, meta, wording};
use super::{FactKind, KindSpec, located};
use crate::deck::checks::{Checker, Located, Table};
use crate::deck::model::{FactMeta, Kind};
use crate::deck::raw::F;
use crate::deck::wording::{Wording, WordingKey, key};

/// `[[sequence]]`: a named ordered list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SequenceFact {
    pub meta: FactMeta,
    /// "the agenda of the 8th Congress".
    pub name: CompactString,
    pub items: Vec<CompactString>,
    /// What sort of thing the items are: items of other facts of that sort may then be
    /// offered as wrong options too.
    pub sort: Option<CompactString>,
    /// The author's wording of its questions.
    pub question: Wording,
}

/// `[[sequence]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSequence {
    pub id: Option<F<String>>,
    pub tags: Option<F<Vec<F<String>>>>,
    pub quote: Option<F<String>>,
    pub note: Option<F<String>>,
    pub name: Option<F<String>>,
    pub items: Option<F<Vec<F<String>>>>,
    pub sort: Option<F<String>>,
    pub question: Option<F<toml::Value>>,
}

pub(crate) const FIELDS: &[&str] = &[
    "id", "tags", "quote", "note", "name", "items", "sort", "question",
];

const KEYS: &[WordingKey] = &[
    key("order", "putting its items in order"),
    WordingKey {
        key: "next",
        words: "what came right after {item}",
        needs: &["item"],
    },
];

/// The fact in the deck file's shape, for `factdeck export --format json`.
#[derive(Debug, Serialize)]
pub(crate) struct JsonSequence<'d> {
    #[serde(flatten)]
    meta: Meta<'d>,
    name: &'d str,
    items: &'d [CompactString],
    #[serde(skip_serializing_if = "Option::is_none")]
    sort: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    question: Option<serde_json::Value>,
}

fn json(s: &SequenceFact) -> JsonSequence<'_> {
    JsonSequence {
        meta: meta(&s.meta),
        name: &s.name,
        items: &s.items,
        sort: s.sort.as_deref(),
        question: wording(&s.question, "order"),
    }
}

impl Checker<'_> {
    fn sequence(&mut self, r: RawSequence, table: &Table) -> Option<Located> {
        let meta = self.meta(r.id, r.tags, r.quote, r.note, table);
        let name = self.required_text(r.name, "name", table);
        let items = self.members(r.items, "items", "sequence", table);
        let sort = self.opt_text(r.sort, "sort");
        let question = self.wording(r.question, Kind::Sequence, "order", &["order", "next"]);
        let (meta, id_span, quote_span) = meta?;
        let fact = SequenceFact {
            meta,
            name: name?.0.into(),
            items: items?.into_iter().map(Into::into).collect(),
            sort: sort.map(Into::into),
            question: question?,
        };
        Some(located(fact, id_span, quote_span))
    }
}

impl KindSpec for SequenceFact {
    type Raw = RawSequence;
    const FIELDS: &'static [&'static str] = FIELDS;
    const WORDING: &'static [WordingKey] = KEYS;

    fn check(checker: &mut Checker<'_>, raw: RawSequence, table: &Table) -> Option<Located> {
        checker.sequence(raw, table)
    }

    fn json(&self) -> impl Serialize + '_ {
        json(self)
    }
}

impl FactKind for SequenceFact {
    fn meta(&self) -> &FactMeta {
        &self.meta
    }

    fn item_texts(&self) -> Vec<&str> {
        self.items.iter().map(CompactString::as_str).collect()
    }

    fn item_text(&self, item: usize) -> Option<&str> {
        self.items.get(item).map(CompactString::as_str)
    }

    fn sort_items(&self) -> usize {
        self.items.len()
    }

    fn sort_name(&self) -> Option<&str> {
        self.sort.as_deref()
    }

    fn topic(&self) -> &str {
        &self.name
    }

    fn wording(&self) -> Option<&Wording> {
        Some(&self.question)
    }
}
