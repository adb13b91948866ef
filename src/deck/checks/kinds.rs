//! Building each kind of fact from its raw table. Every field is checked even when another
//! one is missing or wrong; the fact is built only when all of them are sound.

use std::ops::Range;

use super::fields::Name;
use super::{Checker, Located, Table};
use crate::deck::diagnostic::Diagnostic;
use crate::deck::model::*;
use crate::deck::raw::*;

impl Checker<'_> {
    pub fn date(&mut self, r: RawDate, table: &Table) -> Option<Located> {
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
            event: event?.0,
            question: question?,
            date: date?,
            end: end.map_or(Some(None), |e| e.map(Some))?,
            also: also?,
            also_note,
            precedes,
            follows,
        };
        Some(located(Fact::Date(fact), id_span, quote_span))
    }

    pub fn figure(&mut self, r: RawFigure, table: &Table) -> Option<Located> {
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
            at,
            question: question?,
            value: value?,
            unit,
            tolerance: tolerance?,
            group,
            previous: previous?,
            also: also?,
            also_note,
        };
        Some(located(Fact::Figure(fact), id_span, quote_span))
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
            at: at?.0,
        })
    }

    pub fn change(&mut self, r: RawChange, table: &Table) -> Option<Located> {
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
                if super::lists::same_name(&before, &after) {
                    self.push(
                        Diagnostic::error("`before` and `after` are the same: nothing changed")
                            .at(after_span.unwrap_or(table.span.clone()))
                            .help("write what it was before and what it became"),
                    );
                    return None;
                }
                ChangeSides::Both { before, after }
            }
            (Some(before), None) if !written.1 => ChangeSides::Removed {
                before,
                verb: verb.unwrap_or_else(|| "removed".to_owned()),
            },
            (None, Some(after)) if !written.0 => ChangeSides::Established {
                after,
                verb: verb.unwrap_or_else(|| "established".to_owned()),
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
            subject: subject?.0,
            sides,
            accept_before: accept.before,
            accept_after: accept.after,
            sort,
            question: question?,
        };
        Some(located(Fact::Change(fact), id_span, quote_span))
    }

    pub fn card(&mut self, r: RawCard, table: &Table) -> Option<Located> {
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
            answer: answer?.0,
            accept,
            group,
            sort,
        };
        Some(located(Fact::Card(fact), id_span, quote_span))
    }

    pub fn set(&mut self, r: RawSet, table: &Table) -> Option<Located> {
        let meta = self.meta(r.id, r.tags, r.quote, r.note, table);
        let name = self.required_text(r.name, "name", table);
        let members = self.members(r.members, "members", "set", table);
        let group = self.opt_text(r.group, "group");
        let sort = self.opt_text(r.sort, "sort");
        let question = self.wording(r.question, Kind::Set, "member", &["member", "size"]);
        let (meta, id_span, quote_span) = meta?;
        let fact = SetFact {
            meta,
            name: name?.0,
            members: members?,
            group,
            sort,
            question: question?,
        };
        Some(located(Fact::Set(fact), id_span, quote_span))
    }

    pub fn sequence(&mut self, r: RawSequence, table: &Table) -> Option<Located> {
        let meta = self.meta(r.id, r.tags, r.quote, r.note, table);
        let name = self.required_text(r.name, "name", table);
        let items = self.members(r.items, "items", "sequence", table);
        let sort = self.opt_text(r.sort, "sort");
        let question = self.wording(r.question, Kind::Sequence, "order", &["order", "next"]);
        let (meta, id_span, quote_span) = meta?;
        let fact = SequenceFact {
            meta,
            name: name?.0,
            items: items?,
            sort,
            question: question?,
        };
        Some(located(Fact::Sequence(fact), id_span, quote_span))
    }
}

fn located(fact: Fact, id_span: Range<usize>, quote_span: Option<Range<usize>>) -> Located {
    Located {
        fact,
        id_span,
        quote_span,
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
