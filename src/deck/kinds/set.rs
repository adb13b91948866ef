//! `[[set]]`: a named set and its members (order does not matter).
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

/// `[[set]]`: a named set and its members (order does not matter).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SetFact {
    pub meta: FactMeta,
    /// "the presidium of the 8th Congress".
    pub name: CompactString,
    pub members: Vec<CompactString>,
    pub group: Option<CompactString>,
    /// What sort of thing the members are; without it, the group's name.
    pub sort: Option<CompactString>,
    /// The author's wording of its questions.
    pub question: Wording,
}

/// `[[set]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSet {
    pub id: Option<F<String>>,
    pub tags: Option<F<Vec<F<String>>>>,
    pub quote: Option<F<String>>,
    pub note: Option<F<String>>,
    pub name: Option<F<String>>,
    pub members: Option<F<Vec<F<String>>>>,
    pub group: Option<F<String>>,
    pub sort: Option<F<String>>,
    pub question: Option<F<toml::Value>>,
}

pub(crate) const FIELDS: &[&str] = &[
    "id", "tags", "quote", "note", "name", "members", "group", "sort", "question",
];

const KEYS: &[WordingKey] = &[
    key("member", "which option is a member"),
    key("size", "how many members it has"),
];

/// The fact in the deck file's shape, for `factdeck export --format json`.
#[derive(Debug, Serialize)]
pub(crate) struct JsonSet<'d> {
    #[serde(flatten)]
    meta: Meta<'d>,
    name: &'d str,
    members: &'d [CompactString],
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sort: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    question: Option<serde_json::Value>,
}

fn json(s: &SetFact) -> JsonSet<'_> {
    JsonSet {
        meta: meta(&s.meta),
        name: &s.name,
        members: &s.members,
        group: s.group.as_deref(),
        sort: s.sort.as_deref(),
        question: wording(&s.question, "member"),
    }
}

impl Checker<'_> {
    fn set(&mut self, r: RawSet, table: &Table) -> Option<Located> {
        let meta = self.meta(r.id, r.tags, r.quote, r.note, table);
        let name = self.required_text(r.name, "name", table);
        let members = self.members(r.members, "members", "set", table);
        let group = self.opt_text(r.group, "group");
        let sort = self.opt_text(r.sort, "sort");
        let question = self.wording(r.question, Kind::Set, "member", &["member", "size"]);
        let (meta, id_span, quote_span) = meta?;
        let fact = SetFact {
            meta,
            name: name?.0.into(),
            members: members?.into_iter().map(Into::into).collect(),
            group: group.map(Into::into),
            sort: sort.map(Into::into),
            question: question?,
        };
        Some(located(fact, id_span, quote_span))
    }
}

impl KindSpec for SetFact {
    type Raw = RawSet;
    const FIELDS: &'static [&'static str] = FIELDS;
    const WORDING: &'static [WordingKey] = KEYS;

    fn check(checker: &mut Checker<'_>, raw: RawSet, table: &Table) -> Option<Located> {
        checker.set(raw, table)
    }

    fn json(&self) -> impl Serialize + '_ {
        json(self)
    }
}

impl FactKind for SetFact {
    fn meta(&self) -> &FactMeta {
        &self.meta
    }

    fn item_texts(&self) -> Vec<&str> {
        self.members.iter().map(CompactString::as_str).collect()
    }

    fn item_text(&self, item: usize) -> Option<&str> {
        self.members.get(item).map(CompactString::as_str)
    }

    fn sort_items(&self) -> usize {
        self.members.len()
    }

    fn sort_name(&self) -> Option<&str> {
        self.sort.as_deref().or(self.group.as_deref())
    }

    fn topic(&self) -> &str {
        &self.name
    }

    fn wording(&self) -> Option<&Wording> {
        Some(&self.question)
    }
}
