//! `[[figure]]`: a number, what it counts, and optionally what it was before.
//!
//! The kind's model, its table as written, its check, its JSON shape and its texts.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use super::json::{Meta, meta, number, wording};
use super::{FactKind, KindSpec, located};
use crate::deck::checks::{Checker, Located, Table};
use crate::deck::model::{FactMeta, Kind};
use crate::deck::number::Number;
use crate::deck::raw::{F, RawPrevious};
use crate::deck::tables::{PREVIOUS, Subtable};
use crate::deck::wording::{Wording, WordingKey, key};

/// `[[figure]]`: a number, what it counts, and optionally what it was before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureFact {
    pub meta: FactMeta,
    /// A noun phrase naming the quantity: "the number of delegates".
    pub what: String,
    /// When or where the value holds: "the 8th Congress".
    pub at: Option<CompactString>,
    /// The author's wording of its questions; generated from `what` otherwise.
    pub question: Wording,
    pub value: Number,
    /// "delegates", "days", "%"...
    pub unit: Option<CompactString>,
    /// How far a typed answer may be off and still count.
    pub tolerance: Tolerance,
    /// Figures in the same group are comparable ("which is larger") and serve as distractors.
    pub group: Option<CompactString>,
    /// The earlier value this figure changed from. Boxed: most figures have none, and a
    /// fact takes the room of its largest kind (this field made a figure that kind).
    pub previous: Option<Box<Previous>>,
    /// Other values the source also supports (the infobox says 7 days, the text 8): never
    /// offered as wrong options, accepted when typed.
    pub also: Vec<Number>,
    /// Why the other values are accepted.
    pub also_note: Option<String>,
}

/// An earlier value of a figure (the 7th Congress's count beside the 8th's).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Previous {
    pub value: Number,
    /// When the earlier value held: "the 7th Congress".
    pub at: CompactString,
}

/// How far a typed number may be from the true value.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub enum Tolerance {
    #[default]
    Exact,
    /// Plus or minus this much, in the figure's unit.
    Absolute(f64),
    /// Plus or minus this percentage of the true value.
    Percent(f64),
}

impl Tolerance {
    /// Whether `given` is close enough to `truth`.
    pub fn accepts(self, truth: f64, given: f64) -> bool {
        let diff = (truth - given).abs();
        // A hair of slack so that 0.1 + 0.2 style float noise never fails an exact answer.
        let epsilon = 1e-9 * truth.abs().max(1.0);
        match self {
            Tolerance::Exact => diff <= epsilon,
            Tolerance::Absolute(t) => diff <= t + epsilon,
            Tolerance::Percent(p) => diff <= truth.abs() * p / 100.0 + epsilon,
        }
    }
}

/// `[[figure]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFigure {
    pub id: Option<F<String>>,
    pub tags: Option<F<Vec<F<String>>>>,
    pub quote: Option<F<String>>,
    pub note: Option<F<String>>,
    pub what: Option<F<String>>,
    pub at: Option<F<String>>,
    pub question: Option<F<toml::Value>>,
    /// An integer or a float.
    pub value: Option<F<toml::Value>>,
    pub unit: Option<F<String>>,
    /// A number (absolute) or a string like "5%".
    pub tolerance: Option<F<toml::Value>>,
    pub group: Option<F<String>>,
    pub previous: Option<F<RawPrevious>>,
    /// Numbers, like `value`.
    pub also: Option<F<Vec<F<toml::Value>>>>,
    pub also_note: Option<F<String>>,
}

pub(crate) const FIELDS: &[&str] = &[
    "id",
    "tags",
    "quote",
    "note",
    "what",
    "at",
    "question",
    "value",
    "unit",
    "tolerance",
    "group",
    "previous",
    "also",
    "also_note",
];

const KEYS: &[WordingKey] = &[
    key("value", "what the figure was"),
    key("previous", "what its previous value was"),
    key("change", "by how much it changed"),
    key("trend", "whether it rose or fell"),
];

/// The fact in the deck file's shape, for `factdeck export --format json`.
#[derive(Debug, Serialize)]
pub(crate) struct JsonFigure<'d> {
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
    previous: Option<JsonPrevious<'d>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    also: Vec<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    also_note: Option<&'d str>,
}

#[derive(Debug, Serialize)]
struct JsonPrevious<'d> {
    value: serde_json::Value,
    at: &'d str,
}

fn json(f: &FigureFact) -> JsonFigure<'_> {
    let tolerance = match f.tolerance {
        Tolerance::Exact => None,
        Tolerance::Absolute(a) => serde_json::Number::from_f64(a).map(Into::into),
        Tolerance::Percent(p) => Some(serde_json::Value::String(format!("{p}%"))),
    };
    JsonFigure {
        meta: meta(&f.meta),
        what: &f.what,
        at: f.at.as_deref(),
        question: wording(&f.question, "value"),
        value: number(f.value),
        unit: f.unit.as_deref(),
        tolerance,
        group: f.group.as_deref(),
        previous: f.previous.as_ref().map(|p| JsonPrevious {
            value: number(p.value),
            at: &p.at,
        }),
        also: f.also.iter().map(|a| number(*a)).collect(),
        also_note: f.also_note.as_deref(),
    }
}

impl Checker<'_> {
    fn figure(&mut self, r: RawFigure, table: &Table) -> Option<Located> {
        let meta = self.meta(r.id, r.tags, r.quote, r.note, table);
        let what = self.required_text(r.what, "what", table);
        let at = self.opt_text(r.at, "at");
        let question = self.wording(
            r.question,
            Kind::Figure,
            "value",
            &["value", "previous", "change", "trend"],
        );
        let value = self
            .require(r.value, "value", "5000", table)
            .and_then(|v| self.number(v, "value"));
        let unit = self.opt_text(r.unit, "unit");
        let group = self.opt_text(r.group, "group");
        let tolerance = match r.tolerance {
            Some(t) => self.tolerance(t, value),
            None => Some(Tolerance::Exact),
        };
        let previous = match r.previous {
            Some(p) => self.previous(p).map(Some),
            None => Some(None),
        };
        let also = self.figure_also(r.also, value);
        let also_note = self.opt_text(r.also_note, "also_note");
        let (meta, id_span, quote_span) = meta?;
        let fact = FigureFact {
            meta,
            what: what?.0,
            at: at.map(Into::into),
            question: question?,
            value: value?,
            unit: unit.map(Into::into),
            tolerance: tolerance?,
            group: group.map(Into::into),
            previous: previous?.map(Box::new),
            also: also?,
            also_note,
        };
        Some(located(fact, id_span, quote_span))
    }

    fn previous(&mut self, p: F<RawPrevious>) -> Option<Previous> {
        let p = self.table_value(p, "previous", "an inline table { value = …, at = \"…\" }")?;
        let table = Table {
            span: p.span(),
            name: "`previous`",
        };
        let p = p.into_inner();
        let value = self
            .require(p.value, "value", "3637", &table)
            .and_then(|v| self.number(v, "previous.value"));
        let at = self.required_text(p.at, "at", &table);
        Some(Previous {
            value: value?,
            at: at?.0.into(),
        })
    }
}

impl KindSpec for FigureFact {
    type Raw = RawFigure;
    const FIELDS: &'static [&'static str] = FIELDS;
    const SUBTABLE: Option<&'static Subtable> = Some(&PREVIOUS);
    const WORDING: &'static [WordingKey] = KEYS;

    fn check(checker: &mut Checker<'_>, raw: RawFigure, table: &Table) -> Option<Located> {
        checker.figure(raw, table)
    }

    fn json(&self) -> impl Serialize + '_ {
        json(self)
    }
}

impl FactKind for FigureFact {
    fn meta(&self) -> &FactMeta {
        &self.meta
    }

    fn item_texts(&self) -> Vec<&str> {
        Vec::new()
    }

    fn item_text(&self, _item: usize) -> Option<&str> {
        None
    }

    fn items_are_answers(&self) -> bool {
        false
    }

    fn topic(&self) -> &str {
        &self.what
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
    use super::*;

    #[test]
    fn tolerance_accepts_within_bounds_only() {
        assert!(Tolerance::Exact.accepts(5000.0, 5000.0));
        assert!(!Tolerance::Exact.accepts(5000.0, 5001.0));
        assert!(Tolerance::Absolute(10.0).accepts(5000.0, 4990.0));
        assert!(!Tolerance::Absolute(10.0).accepts(5000.0, 4989.0));
        assert!(Tolerance::Percent(1.0).accepts(5000.0, 5050.0));
        assert!(!Tolerance::Percent(1.0).accepts(5000.0, 5051.0));
    }
}
