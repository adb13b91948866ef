//! Field-by-field validation of raw tables into domain types. Every problem is recorded
//! and checking goes on, so one run reports them all.
//!
//! `fields` reads single values (text, dates, numbers), `kinds` builds each kind of fact,
//! `deck_wide` looks at the finished deck (distractor pools).

mod deck_wide;
mod fields;
mod kinds;

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;

use super::diagnostic::Diagnostic;
use super::model::{DeckMeta, Fact, FactMeta, Source};
use super::raw::{F, RawHeader};

/// A fact as loaded, with the places later checks point at.
#[derive(Debug)]
pub(crate) struct Located {
    pub fact: Fact,
    /// Where the fact's table starts, for keeping the file's order.
    pub start: usize,
    pub id_span: Range<usize>,
    pub quote_span: Option<Range<usize>>,
}

/// The table being checked: where its header is and what to call it.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    pub span: Range<usize>,
    /// As written in the file: "[deck]", "[[card]]", "`previous`".
    pub name: &'static str,
}

/// Collects diagnostics while converting raw tables.
pub(crate) struct Checker<'t> {
    text: &'t str,
    diags: Vec<Diagnostic>,
    /// Every fact id and where it is written, in the order the tables were read (by kind).
    ids: Vec<(Range<usize>, String)>,
    /// Where `[deck.source]` names its `file`, for errors about reading it.
    pub source_file_span: Option<Range<usize>>,
}

impl<'t> Checker<'t> {
    pub fn new(text: &'t str) -> Self {
        Checker {
            text,
            diags: Vec::new(),
            ids: Vec::new(),
            source_file_span: None,
        }
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// Splits into (errors, warnings).
    pub fn finish(self) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
        self.diags.into_iter().partition(Diagnostic::is_error)
    }

    pub fn header(&mut self, h: RawHeader, table: &Table) -> Option<DeckMeta> {
        let id = self.required_text(h.id, "id", table);
        if let Some((id, span)) = &id
            && !is_slug(id)
        {
            self.push(
                Diagnostic::error(format!("deck id `{id}` is not a slug"))
                    .at(span.clone())
                    .help(
                        "use lowercase letters, digits and single hyphens, e.g. `wpk-8th-congress`",
                    ),
            );
        }
        let title = self.required_text(h.title, "title", table);
        let description = self.opt_text(h.description, "description");
        let language = self.opt_text(h.language, "language");
        let source = h
            .source
            .and_then(|s| self.table_value(s, "source", "a table (write it as [deck.source])"))
            .map(|s| {
                let (span, s) = (s.span(), s.into_inner());
                let at = Table {
                    span,
                    name: "[deck.source]",
                };
                self.source_file_span = s.file.as_ref().map(toml::Spanned::span);
                Source {
                    title: self
                        .required_text(s.title, "title", &at)
                        .map(|(t, _)| t)
                        .unwrap_or_default(),
                    url: self.opt_text(s.url, "url"),
                    license: self.opt_text(s.license, "license"),
                    file: self.opt_text(s.file, "file").map(PathBuf::from),
                }
            });
        Some(DeckMeta {
            id: id?.0,
            title: title?.0,
            description: description.unwrap_or_default(),
            language: language.unwrap_or_else(|| "en".to_owned()),
            source,
        })
    }

    /// The fields every fact has. Returns the meta, the id's span and the quote's span.
    /// Checks all of them even when the id is missing, so a broken id hides nothing.
    fn meta(
        &mut self,
        id: Option<F<String>>,
        tags: Option<F<Vec<F<String>>>>,
        quote: Option<F<String>>,
        note: Option<F<String>>,
        table: &Table,
    ) -> Option<(FactMeta, Range<usize>, Option<Range<usize>>)> {
        let id = self.required_text(id, "id", table);
        let tags = self.text_list(tags, "tags");
        let quote_span = quote.as_ref().map(|q| q.span());
        let quote = self.opt_text(quote, "quote");
        let note = self.opt_text(note, "note");
        let (id, id_span) = id?;
        self.check_id(&id, &id_span);
        if quote_span.is_none() {
            self.push(
                Diagnostic::warning(format!("fact `{id}` has no `quote`"))
                    .at(id_span.clone())
                    .help("add `quote = \"...\"` with the sentence of the source that states it"),
            );
        }
        let meta = FactMeta {
            id,
            tags,
            quote,
            note,
        };
        Some((meta, id_span, quote_span))
    }

    fn check_id(&mut self, id: &str, span: &Range<usize>) {
        if !is_fact_id(id) {
            self.push(
                Diagnostic::error(format!("fact id `{id}` has characters ids cannot hold"))
                    .at(span.clone())
                    .help(
                        "use letters, digits, `-`, `_` and `.` only: ids are typed on the command line",
                    ),
            );
        }
        self.ids.push((span.clone(), id.to_owned()));
    }

    /// Every id used before, reported where it is used again (in file order, whatever the
    /// kinds, and whether or not the facts themselves are sound).
    pub fn duplicate_ids(&mut self) {
        let mut ids = std::mem::take(&mut self.ids);
        ids.sort_unstable_by_key(|(span, _)| span.start);
        let mut first_use: HashMap<&str, usize> = HashMap::with_capacity(ids.len());
        for (span, id) in &ids {
            if let Some(first) = first_use.get(id.as_str()) {
                let first = self.line_of(*first);
                self.push(
                    Diagnostic::error(format!("duplicate fact id `{id}`"))
                        .at(span.clone())
                        .label(format!("first used on line {first}"))
                        .help("give each fact its own id; history and review progress key on it"),
                );
            } else {
                first_use.insert(id, span.start);
            }
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.text
            .get(..offset)
            .map_or(0, |t| t.matches('\n').count())
            + 1
    }
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn is_fact_id(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_ids() {
        assert!(is_slug("wpk-8th-congress"));
        assert!(!is_slug("WPK"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug("-a"));
        assert!(is_fact_id("open.day_1-a"));
        assert!(!is_fact_id("has space"));
    }
}
