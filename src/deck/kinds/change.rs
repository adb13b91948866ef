//! `[[change]]`: a rule that changed, with what it was and what it became.
//!
//! The kind's model, its table as written, its check, its JSON shape and its texts.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use super::json::{Meta, meta, wording};
use super::{FactKind, KindSpec, located};
use crate::deck::checks::{Checker, Located, Table, same_name};
use crate::deck::diagnostic::Diagnostic;
use crate::deck::model::{FactMeta, Kind};
use crate::deck::raw::F;
use crate::deck::wording::{Wording, WordingKey, key};

/// `[[change]]`: a rule that changed, with what it was and what it became.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeFact {
    pub meta: FactMeta,
    /// What changed: "the title of the party leader".
    pub subject: CompactString,
    pub sides: ChangeSides,
    /// Other spellings accepted for `before` ("Party Chairman" for "Chairman").
    pub accept_before: Vec<CompactString>,
    /// Other spellings accepted for `after`.
    pub accept_after: Vec<CompactString>,
    /// What sort of thing the sides are ("title", "department"): wrong options come from
    /// values of the same sort, of any kind. Without it, the sort is the subject's.
    pub sort: Option<CompactString>,
    /// The author's wording of its questions.
    pub question: Wording,
}

/// Which sides of a change exist. A change with neither side is rejected by the loader.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ChangeSides {
    Both {
        before: CompactString,
        after: CompactString,
    },
    /// Something that existed and was removed; `verb` says how ("abolished").
    Removed {
        before: CompactString,
        verb: CompactString,
    },
    /// Something new; `verb` says how ("established").
    Established {
        after: CompactString,
        verb: CompactString,
    },
}

/// `[[change]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawChange {
    pub id: Option<F<String>>,
    pub tags: Option<F<Vec<F<String>>>>,
    pub quote: Option<F<String>>,
    pub note: Option<F<String>>,
    pub subject: Option<F<String>>,
    pub before: Option<F<String>>,
    pub after: Option<F<String>>,
    pub verb: Option<F<String>>,
    /// An array (for a one-sided change) or `{ before = [...], after = [...] }`.
    pub accept: Option<F<toml::Value>>,
    pub sort: Option<F<String>>,
    pub question: Option<F<toml::Value>>,
}

pub(crate) const FIELDS: &[&str] = &[
    "id", "tags", "quote", "note", "subject", "before", "after", "verb", "accept", "sort",
    "question",
];

const KEYS: &[WordingKey] = &[
    key("after", "what it became (both sides)"),
    key("before", "what it was before (both sides)"),
    WordingKey {
        key: "true_false",
        words: "a true-or-false statement of the change, with {from} and {to}",
        needs: &["from", "to"],
    },
    key("one_sided", "what was removed or established (one side)"),
];

/// The fact in the deck file's shape, for `factdeck export --format json`.
#[derive(Debug, Serialize)]
pub(crate) struct JsonChange<'d> {
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
    accept: Option<JsonAccept<'d>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sort: Option<&'d str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    question: Option<serde_json::Value>,
}

/// A change's accepted spellings: a list for a change with one side, per side otherwise.
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum JsonAccept<'d> {
    Only(&'d [CompactString]),
    Sides {
        #[serde(skip_serializing_if = "<[CompactString]>::is_empty")]
        before: &'d [CompactString],
        #[serde(skip_serializing_if = "<[CompactString]>::is_empty")]
        after: &'d [CompactString],
    },
}

fn json(c: &ChangeFact) -> JsonChange<'_> {
    let (before, after, verb) = match &c.sides {
        ChangeSides::Both { before, after } => (Some(before.as_str()), Some(after.as_str()), None),
        ChangeSides::Removed { before, verb } => (Some(before.as_str()), None, Some(verb.as_str())),
        ChangeSides::Established { after, verb } => {
            (None, Some(after.as_str()), Some(verb.as_str()))
        }
    };
    let accept = match &c.sides {
        _ if c.accept_before.is_empty() && c.accept_after.is_empty() => None,
        ChangeSides::Both { .. } => Some(JsonAccept::Sides {
            before: &c.accept_before,
            after: &c.accept_after,
        }),
        ChangeSides::Removed { .. } => Some(JsonAccept::Only(&c.accept_before)),
        ChangeSides::Established { .. } => Some(JsonAccept::Only(&c.accept_after)),
    };
    JsonChange {
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

impl Checker<'_> {
    fn change(&mut self, r: RawChange, table: &Table) -> Option<Located> {
        let meta = self.meta(r.id, r.tags, r.quote, r.note, table);
        let subject = self.required_text(r.subject, "subject", table);
        let written = (r.before.is_some(), r.after.is_some());
        let after_span = r.after.as_ref().map(toml::Spanned::span);
        let before = self.opt_text(r.before, "before");
        let after = self.opt_text(r.after, "after");
        let verb = self.opt_text(r.verb, "verb");
        let sort = self.opt_text(r.sort, "sort");
        let sides = match (before, after) {
            (Some(before), Some(after)) => {
                // Compared as the grader compares answers (case aside): sides that differ only
                // in case would make every question about the change unaskable.
                if same_name(&before, &after) {
                    self.push(
                        Diagnostic::error("`before` and `after` are the same: nothing changed")
                            .at(after_span.unwrap_or(table.span.clone()))
                            .help("write what it was before and what it became"),
                    );
                    return None;
                }
                ChangeSides::Both {
                    before: before.into(),
                    after: after.into(),
                }
            }
            (Some(before), None) if !written.1 => ChangeSides::Removed {
                before: before.into(),
                verb: verb.unwrap_or_else(|| "removed".to_owned()).into(),
            },
            (None, Some(after)) if !written.0 => ChangeSides::Established {
                after: after.into(),
                verb: verb.unwrap_or_else(|| "established".to_owned()).into(),
            },
            _ => {
                // Sides written under another name (`from`, `to`) are already reported.
                let misspelt = ["before", "after"]
                    .iter()
                    .any(|f| self.misspelt.contains(f));
                if written == (false, false) && !misspelt {
                    self.push(
                        Diagnostic::error("a change needs `before`, `after` or both")
                            .at(table.span.clone())
                            .label("this change has neither")
                            .help("leave out `after` for something removed, `before` for something new"),
                    );
                }
                return None;
            }
        };
        let accept = self.change_accept(r.accept, &sides);
        let question = match sides {
            ChangeSides::Both { .. } => self.wording(
                r.question,
                Kind::Change,
                "after",
                &["after", "before", "true_false"],
            ),
            _ => self.wording(r.question, Kind::Change, "one_sided", &["one_sided"]),
        };
        let (meta, id_span, quote_span) = meta?;
        let accept = accept?;
        let fact = ChangeFact {
            meta,
            subject: subject?.0.into(),
            sides,
            accept_before: accept.before.into_iter().map(Into::into).collect(),
            accept_after: accept.after.into_iter().map(Into::into).collect(),
            sort: sort.map(Into::into),
            question: question?,
        };
        Some(located(fact, id_span, quote_span))
    }
}

impl KindSpec for ChangeFact {
    type Raw = RawChange;
    const FIELDS: &'static [&'static str] = FIELDS;
    const WORDING: &'static [WordingKey] = KEYS;

    fn check(checker: &mut Checker<'_>, raw: RawChange, table: &Table) -> Option<Located> {
        checker.change(raw, table)
    }

    fn json(&self) -> impl Serialize + '_ {
        json(self)
    }
}

impl FactKind for ChangeFact {
    fn meta(&self) -> &FactMeta {
        &self.meta
    }

    fn item_texts(&self) -> Vec<&str> {
        match &self.sides {
            ChangeSides::Both { before, after } => vec![before.as_str(), after.as_str()],
            ChangeSides::Removed { before, .. } => vec![before.as_str()],
            ChangeSides::Established { after, .. } => vec![after.as_str()],
        }
    }

    fn item_text(&self, item: usize) -> Option<&str> {
        match (&self.sides, item) {
            (ChangeSides::Both { before, .. }, 0) => Some(before),
            (ChangeSides::Both { after, .. }, 1) => Some(after),
            (ChangeSides::Removed { before, .. }, 0) => Some(before),
            (ChangeSides::Established { after, .. }, 0) => Some(after),
            _ => None,
        }
    }

    fn sort_items(&self) -> usize {
        match self.sides {
            ChangeSides::Both { .. } => 2,
            ChangeSides::Removed { .. } | ChangeSides::Established { .. } => 1,
        }
    }

    fn sort_name(&self) -> Option<&str> {
        Some(self.sort.as_deref().unwrap_or(&self.subject))
    }

    fn topic(&self) -> &str {
        &self.subject
    }

    fn wording(&self) -> Option<&Wording> {
        Some(&self.question)
    }
}

#[cfg(test)]
mod tests {
    use crate::deck::load_str;

    #[test]
    fn a_change_must_change_something() {
        let text = "[deck]\nid = \"d\"\ntitle = \"T\"\n[[change]]\nid = \"x\"\nsubject = \"s\"\nbefore = \"a\"\nafter = \"a\"\nquote = \"q\"\n";
        let errors = load_str(text).unwrap_err();
        assert_eq!(
            errors[0].message,
            "`before` and `after` are the same: nothing changed"
        );
    }
}
