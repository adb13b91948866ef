//! `[[card]]`: a free question and its answer.
//!
//! The kind's model, its table as written, its check, its JSON shape and its texts.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use super::json::{Meta, meta};
use super::{FactKind, KindSpec, located};
use crate::deck::checks::{Checker, Located, Table};
use crate::deck::model::FactMeta;
use crate::deck::raw::F;
use crate::deck::wording::{Wording, WordingKey};

/// `[[card]]`: a free question and its answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardFact {
    pub meta: FactMeta,
    pub question: String,
    pub answer: CompactString,
    /// Other answers accepted as correct (spellings, romanizations).
    pub accept: Vec<CompactString>,
    /// Cards in the same group lend each other their answers as distractors.
    pub group: Option<CompactString>,
    /// What sort of thing the answer is ("person", "city"); without it, the group's name.
    pub sort: Option<CompactString>,
}

/// `[[card]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCard {
    pub id: Option<F<String>>,
    pub tags: Option<F<Vec<F<String>>>>,
    pub quote: Option<F<String>>,
    pub note: Option<F<String>>,
    pub question: Option<F<String>>,
    pub answer: Option<F<String>>,
    pub accept: Option<F<Vec<F<String>>>>,
    pub group: Option<F<String>>,
    pub sort: Option<F<String>>,
}

pub(crate) const FIELDS: &[&str] = &[
    "id", "tags", "quote", "note", "question", "answer", "accept", "group", "sort",
];

/// The fact in the deck file's shape, for `factdeck export --format json`.
#[derive(Debug, Serialize)]
pub(crate) struct JsonCard<'d> {
    #[serde(flatten)]
    meta: Meta<'d>,
    question: &'d str,
    answer: &'d str,
    #[serde(skip_serializing_if = "<[CompactString]>::is_empty")]
    accept: &'d [CompactString],
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sort: Option<&'d str>,
}

fn json(c: &CardFact) -> JsonCard<'_> {
    JsonCard {
        meta: meta(&c.meta),
        question: &c.question,
        answer: &c.answer,
        accept: &c.accept,
        group: c.group.as_deref(),
        sort: c.sort.as_deref(),
    }
}

impl Checker<'_> {
    fn card(&mut self, r: RawCard, table: &Table) -> Option<Located> {
        let meta = self.meta(r.id, r.tags, r.quote, r.note, table);
        let question = self.required_text(r.question, "question", table);
        let answer = self.required_text(r.answer, "answer", table);
        let accept = self.text_list(r.accept, "accept");
        let group = self.opt_text(r.group, "group");
        let sort = self.opt_text(r.sort, "sort");
        let (meta, id_span, quote_span) = meta?;
        let fact = CardFact {
            meta,
            question: question?.0,
            answer: answer?.0.into(),
            accept: accept.into_iter().map(Into::into).collect(),
            group: group.map(Into::into),
            sort: sort.map(Into::into),
        };
        Some(located(fact, id_span, quote_span))
    }
}

impl KindSpec for CardFact {
    type Raw = RawCard;
    const FIELDS: &'static [&'static str] = FIELDS;
    /// Cards word their one question themselves.
    const WORDING: &'static [WordingKey] = &[];

    fn check(checker: &mut Checker<'_>, raw: RawCard, table: &Table) -> Option<Located> {
        checker.card(raw, table)
    }

    fn json(&self) -> impl Serialize + '_ {
        json(self)
    }
}

impl FactKind for CardFact {
    fn meta(&self) -> &FactMeta {
        &self.meta
    }

    fn item_texts(&self) -> Vec<&str> {
        std::iter::once(self.answer.as_str())
            .chain(self.accept.iter().map(CompactString::as_str))
            .collect()
    }

    fn item_text(&self, item: usize) -> Option<&str> {
        match item {
            0 => Some(&self.answer),
            _ => self.accept.get(item - 1).map(CompactString::as_str),
        }
    }

    fn sort_items(&self) -> usize {
        1
    }

    fn sort_name(&self) -> Option<&str> {
        self.sort.as_deref().or(self.group.as_deref())
    }

    fn topic(&self) -> &str {
        &self.question
    }

    fn wording(&self) -> Option<&Wording> {
        None
    }
}
