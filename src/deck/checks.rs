//! Field-by-field validation of raw tables into domain types. Every problem is recorded
//! and checking goes on, so one run reports them all.

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;

use toml::Spanned;

use super::date::FactDate;
use super::diagnostic::Diagnostic;
use super::model::*;
use super::number::Number;
use super::raw::*;

/// Fewer facts of a kind than this and multiple choice leans on too few distractors.
const MIN_FOR_DISTRACTORS: usize = 4;

/// Largest integer an f64 holds exactly; figures beyond it would print wrong.
const MAX_EXACT: i64 = 1 << 53;

/// Collects diagnostics while converting raw tables.
pub(crate) struct Checker<'t> {
    text: &'t str,
    diags: Vec<Diagnostic>,
    ids: HashMap<String, Range<usize>>,
    /// Spans of fact ids, for deck-wide warnings that point at a fact.
    fact_spans: HashMap<String, Range<usize>>,
}

type S<T> = Spanned<T>;

impl<'t> Checker<'t> {
    pub fn new(text: &'t str) -> Self {
        Checker {
            text,
            diags: Vec::new(),
            ids: HashMap::new(),
            fact_spans: HashMap::new(),
        }
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// Splits into (errors, warnings).
    pub fn finish(self) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
        self.diags.into_iter().partition(Diagnostic::is_error)
    }

    pub fn header(&mut self, h: RawHeader) -> Option<DeckMeta> {
        let id = self.text_field(&h.id, "deck id");
        if let Some(id) = &id
            && !is_slug(id)
        {
            self.push(
                Diagnostic::error(format!("deck id `{id}` is not a slug"))
                    .at(h.id.span())
                    .help(
                        "use lowercase letters, digits and single hyphens, e.g. `wpk-8th-congress`",
                    ),
            );
        }
        let title = self.text_field(&h.title, "title");
        let description = self.opt_text(h.description.as_ref(), "description");
        let language = self.opt_text(h.language.as_ref(), "language");
        let source = h.source.map(|s| {
            let s = s.into_inner();
            Source {
                title: self
                    .text_field(&s.title, "source title")
                    .unwrap_or_default(),
                url: self.opt_text(s.url.as_ref(), "url"),
                license: self.opt_text(s.license.as_ref(), "license"),
                file: self.opt_text(s.file.as_ref(), "file").map(PathBuf::from),
            }
        });
        Some(DeckMeta {
            id: id?,
            title: title?,
            description: description.unwrap_or_default(),
            language: language.unwrap_or_else(|| "en".to_owned()),
            source,
        })
    }

    /// The fields every fact has. Returns the meta and the quote's span.
    fn meta(
        &mut self,
        id: &S<String>,
        tags: Option<&Vec<S<String>>>,
        quote: Option<&S<String>>,
        note: Option<&S<String>>,
    ) -> Option<(FactMeta, Option<Range<usize>>)> {
        let id_text = self.text_field(id, "id")?;
        if !is_fact_id(&id_text) {
            self.push(
                Diagnostic::error(format!(
                    "fact id `{id_text}` has characters ids cannot hold"
                ))
                .at(id.span())
                .help(
                    "use letters, digits, `-`, `_` and `.` only: ids are typed on the command line",
                ),
            );
        }
        if let Some(first) = self.ids.get(&id_text) {
            let first = self.line_of(first.start);
            self.push(
                Diagnostic::error(format!("duplicate fact id `{id_text}`"))
                    .at(id.span())
                    .label(format!("first used on line {first}"))
                    .help("give each fact its own id; history and review progress key on it"),
            );
        } else {
            self.ids.insert(id_text.clone(), id.span());
        }
        self.fact_spans.insert(id_text.clone(), id.span());
        let tags = tags
            .map(|t| {
                t.iter()
                    .filter_map(|tag| self.text_field(tag, "tag"))
                    .collect()
            })
            .unwrap_or_default();
        let quote_text = self.opt_text(quote, "quote");
        if quote.is_none() {
            self.push(
                Diagnostic::warning(format!("fact `{id_text}` has no `quote`"))
                    .at(id.span())
                    .help("add `quote = \"...\"` with the sentence of the source that states it"),
            );
        }
        let meta = FactMeta {
            id: id_text,
            tags,
            quote: quote_text,
            note: self.opt_text(note, "note"),
        };
        Some((meta, quote.map(|q| q.span())))
    }

    pub fn date(&mut self, r: RawDate) -> Option<(Fact, Option<Range<usize>>)> {
        let meta = self.meta(&r.id, r.tags.as_ref(), r.quote.as_ref(), r.note.as_ref());
        let event = self.text_field(&r.event, "event");
        let question = self.opt_text(r.question.as_ref(), "question");
        let date = self.date_value(&r.date);
        let end = r.end.as_ref().map(|e| (self.date_value(e), e.span()));
        let also: Vec<_> = r
            .also
            .iter()
            .flatten()
            .map(|a| self.date_value(a))
            .collect();
        let also_note = self.opt_text(r.also_note.as_ref(), "also_note");
        let end = match end {
            Some((Some(end), span)) => {
                if let Some(start) = date
                    && end < start
                {
                    self.push(
                        Diagnostic::error(format!(
                            "the span ends ({end}) before it starts ({start})"
                        ))
                        .at(span)
                        .help("`end` must be on or after `date`; did you swap them?"),
                    );
                }
                Some(end)
            }
            Some((None, _)) => return None,
            None => None,
        };
        let (meta, quote) = meta?;
        let fact = DateFact {
            meta,
            event: event?,
            question,
            date: date?,
            end,
            also: also.into_iter().collect::<Option<_>>()?,
            also_note,
        };
        Some((Fact::Date(fact), quote))
    }

    pub fn figure(&mut self, r: RawFigure) -> Option<(Fact, Option<Range<usize>>)> {
        let meta = self.meta(&r.id, r.tags.as_ref(), r.quote.as_ref(), r.note.as_ref());
        let what = self.text_field(&r.what, "what");
        let at = self.opt_text(r.at.as_ref(), "at");
        let question = self.opt_text(r.question.as_ref(), "question");
        let value = self.number(&r.value);
        let unit = self.opt_text(r.unit.as_ref(), "unit");
        let group = self.opt_text(r.group.as_ref(), "group");
        let tolerance = match (&r.tolerance, value) {
            (Some(t), Some(v)) => self.tolerance(t, v)?,
            _ => Tolerance::Exact,
        };
        let previous = match r.previous {
            Some(p) => {
                let p = p.into_inner();
                Some(Previous {
                    value: self.number(&p.value)?,
                    at: self.text_field(&p.at, "previous.at")?,
                })
            }
            None => None,
        };
        let (meta, quote) = meta?;
        let fact = FigureFact {
            meta,
            what: what?,
            at,
            question,
            value: value?,
            unit,
            tolerance,
            group,
            previous,
        };
        Some((Fact::Figure(fact), quote))
    }

    pub fn change(&mut self, r: RawChange) -> Option<(Fact, Option<Range<usize>>)> {
        let meta = self.meta(&r.id, r.tags.as_ref(), r.quote.as_ref(), r.note.as_ref());
        let subject = self.text_field(&r.subject, "subject");
        let before = self.opt_text(r.before.as_ref(), "before");
        let after = self.opt_text(r.after.as_ref(), "after");
        let verb = self.opt_text(r.verb.as_ref(), "verb");
        let sides = match (before, after) {
            (Some(before), Some(after)) => {
                if before == after {
                    self.push(
                        Diagnostic::error("`before` and `after` are the same: nothing changed")
                            .at(r.after.as_ref().map_or(r.id.span(), Spanned::span)),
                    );
                }
                ChangeSides::Both { before, after }
            }
            (Some(before), None) => ChangeSides::Removed {
                before,
                verb: verb.unwrap_or_else(|| "removed".to_owned()),
            },
            (None, Some(after)) => ChangeSides::Established {
                after,
                verb: verb.unwrap_or_else(|| "established".to_owned()),
            },
            (None, None) => {
                if r.before.is_none() && r.after.is_none() {
                    self.push(
                        Diagnostic::error("a change needs `before`, `after` or both")
                            .at(r.id.span())
                            .help("leave out `after` for something removed, `before` for something new"),
                    );
                }
                return None;
            }
        };
        let (meta, quote) = meta?;
        let fact = ChangeFact {
            meta,
            subject: subject?,
            sides,
        };
        Some((Fact::Change(fact), quote))
    }

    pub fn card(&mut self, r: RawCard) -> Option<(Fact, Option<Range<usize>>)> {
        let meta = self.meta(&r.id, r.tags.as_ref(), r.quote.as_ref(), r.note.as_ref());
        let question = self.text_field(&r.question, "question");
        let answer = self.text_field(&r.answer, "answer");
        let accept = self.text_list(r.accept.as_deref().unwrap_or_default(), "accept");
        let group = self.opt_text(r.group.as_ref(), "group");
        let (meta, quote) = meta?;
        let fact = CardFact {
            meta,
            question: question?,
            answer: answer?,
            accept,
            group,
        };
        Some((Fact::Card(fact), quote))
    }

    pub fn set(&mut self, r: RawSet) -> Option<(Fact, Option<Range<usize>>)> {
        let meta = self.meta(&r.id, r.tags.as_ref(), r.quote.as_ref(), r.note.as_ref());
        let name = self.text_field(&r.name, "name");
        let members = self.members(&r.members, "members", "set");
        let group = self.opt_text(r.group.as_ref(), "group");
        let (meta, quote) = meta?;
        let fact = SetFact {
            meta,
            name: name?,
            members: members?,
            group,
        };
        Some((Fact::Set(fact), quote))
    }

    pub fn sequence(&mut self, r: RawSequence) -> Option<(Fact, Option<Range<usize>>)> {
        let meta = self.meta(&r.id, r.tags.as_ref(), r.quote.as_ref(), r.note.as_ref());
        let name = self.text_field(&r.name, "name");
        let items = self.members(&r.items, "items", "sequence");
        let (meta, quote) = meta?;
        let fact = SequenceFact {
            meta,
            name: name?,
            items: items?,
        };
        Some((Fact::Sequence(fact), quote))
    }

    /// Warnings that need the whole deck: too few facts to draw distractors from.
    pub fn deck_wide(&mut self, facts: &[(Fact, Option<Range<usize>>)]) {
        let mut card_groups: HashMap<&str, Vec<&CardFact>> = HashMap::new();
        let mut changes = 0;
        let mut sets = 0;
        for (fact, _) in facts {
            match fact {
                Fact::Card(c) => card_groups
                    .entry(c.group.as_deref().unwrap_or(""))
                    .or_default()
                    .push(c),
                Fact::Change(_) => changes += 1,
                Fact::Set(_) => sets += 1,
                _ => {}
            }
        }
        for (group, cards) in &card_groups {
            if cards.len() < MIN_FOR_DISTRACTORS {
                let first = &cards[0].meta.id;
                let what = if group.is_empty() {
                    "cards without a `group`".to_owned()
                } else {
                    format!("card group `{group}`")
                };
                let d = Diagnostic::warning(format!(
                    "{what} has {} answer(s): multiple choice needs at least {MIN_FOR_DISTRACTORS}",
                    cards.len()
                ))
                .help("add cards to the group, or expect these cards to be asked as typed answers only");
                let d = match self.fact_spans.get(first) {
                    Some(s) => d.at(s.clone()),
                    None => d,
                };
                self.push(d);
            }
        }
        // Sets draw distractors from other sets, so one other set is enough.
        for (count, needed, kind, why) in [
            (
                changes,
                MIN_FOR_DISTRACTORS,
                "change",
                "answers of other changes serve as distractors",
            ),
            (sets, 2, "set", "members of other sets serve as distractors"),
        ] {
            if count > 0 && count < needed {
                self.push(Diagnostic::warning(format!(
                    "only {count} {kind} fact(s): too few for good distractors ({why})"
                )));
            }
        }
    }

    // --- field helpers -------------------------------------------------------------

    /// A required text field: not empty, no control characters.
    fn text_field(&mut self, s: &S<String>, field: &str) -> Option<String> {
        let text = s.get_ref();
        let mut ok = true;
        if text.trim().is_empty() {
            self.push(
                Diagnostic::error(format!("`{field}` is empty"))
                    .at(s.span())
                    .help(format!(
                        "write a value for `{field}`, or leave the field out if it is optional"
                    )),
            );
            ok = false;
        }
        if let Some(c) = text.chars().find(|c| is_forbidden_control(*c)) {
            let what = if c == '\u{1b}' {
                "a terminal escape sequence".to_owned()
            } else {
                format!("the control character U+{:04X}", u32::from(c))
            };
            self.push(
                Diagnostic::error(format!("`{field}` contains {what}"))
                    .at(s.span())
                    .help("remove it: control characters would reach the user's terminal"),
            );
            ok = false;
        }
        ok.then(|| text.trim().to_owned())
    }

    fn opt_text(&mut self, s: Option<&S<String>>, field: &str) -> Option<String> {
        s.and_then(|s| self.text_field(s, field))
    }

    fn text_list(&mut self, items: &[S<String>], field: &str) -> Vec<String> {
        items
            .iter()
            .filter_map(|i| self.text_field(i, field))
            .collect()
    }

    /// Members of a set or items of a sequence: at least two, no repeats.
    fn members(
        &mut self,
        list: &S<Vec<S<String>>>,
        field: &str,
        kind: &str,
    ) -> Option<Vec<String>> {
        let items = self.text_list(list.get_ref(), field);
        if items.len() != list.get_ref().len() {
            return None;
        }
        if items.len() < 2 {
            self.push(
                Diagnostic::error(format!(
                    "a {kind} needs at least 2 {field}, this one has {}",
                    items.len()
                ))
                .at(list.span())
                .help(format!(
                    "add {field}, or write a `card` for a single answer"
                )),
            );
            return None;
        }
        let mut seen = HashMap::new();
        for (item, raw) in items.iter().zip(list.get_ref()) {
            if seen.insert(item.to_lowercase(), ()).is_some() {
                self.push(
                    Diagnostic::error(format!("`{item}` appears twice in `{field}`"))
                        .at(raw.span())
                        .help("list each one once"),
                );
                return None;
            }
        }
        Some(items)
    }

    fn date_value(&mut self, v: &S<toml::Value>) -> Option<FactDate> {
        let result = match v.get_ref() {
            toml::Value::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => FactDate::day(
                    i16::try_from(d.year).unwrap_or(i16::MAX),
                    i8::try_from(d.month).unwrap_or(13),
                    i8::try_from(d.day).unwrap_or(32),
                )
                .map_err(|e| e.to_string()),
                _ => Err("a fact's date has no time of day".to_owned()),
            },
            toml::Value::String(s) => s.parse::<FactDate>().map_err(|e| e.to_string()),
            toml::Value::Integer(y) => i16::try_from(*y)
                .map_err(|_| format!("{y} is not a year"))
                .and_then(|y| FactDate::year(y).map_err(|e| e.to_string())),
            other => Err(format!("expected a date, found {}", other.type_str())),
        };
        match result {
            Ok(d) => Some(d),
            Err(message) => {
                self.push(
                    Diagnostic::error(message).at(v.span()).help(
                        "write a TOML date (2021-01-05), or a string \"2021-01\" or \"2021\"",
                    ),
                );
                None
            }
        }
    }

    fn number(&mut self, v: &S<toml::Value>) -> Option<Number> {
        match v.get_ref() {
            toml::Value::Integer(i) if i.abs() <= MAX_EXACT => Some(Number::integer(*i)),
            toml::Value::Float(f) if f.is_finite() && f.abs() <= MAX_EXACT as f64 => {
                let written = self.text.get(v.span()).unwrap_or("");
                Some(Number::decimal(*f, decimals_written(written)))
            }
            other => {
                let found = match other {
                    toml::Value::Integer(_) | toml::Value::Float(_) => {
                        "a number too large to hold exactly"
                    }
                    other => other.type_str(),
                };
                self.push(
                    Diagnostic::error(format!("expected a number, found {found}"))
                        .at(v.span())
                        .help(
                            "write a bare number such as 5000, 5_000 or 2.5 (no quotes, no commas)",
                        ),
                );
                None
            }
        }
    }

    fn tolerance(&mut self, t: &S<toml::Value>, value: Number) -> Option<Tolerance> {
        let bad = |message: String| Diagnostic::error(message).at(t.span());
        let tolerance = match t.get_ref() {
            toml::Value::Integer(i) => Tolerance::Absolute(*i as f64),
            toml::Value::Float(f) => Tolerance::Absolute(*f),
            toml::Value::String(s) => {
                match s.trim().strip_suffix('%').map(|p| p.trim().parse::<f64>()) {
                    Some(Ok(p)) => Tolerance::Percent(p),
                    _ => {
                        self.push(bad(format!("`{s}` is not a tolerance")).help(
                        "write an absolute amount (tolerance = 50) or a percentage (tolerance = \"5%\")",
                    ));
                        return None;
                    }
                }
            }
            other => {
                self.push(bad(format!("expected a tolerance, found {}", other.type_str())).help(
                    "write an absolute amount (tolerance = 50) or a percentage (tolerance = \"5%\")",
                ));
                return None;
            }
        };
        let (amount, limit, unit) = match tolerance {
            Tolerance::Absolute(a) => (a, value.value().abs(), ""),
            Tolerance::Percent(p) => (p, 100.0, "%"),
            Tolerance::Exact => (0.0, 0.0, ""),
        };
        if amount.is_nan() || amount < 0.0 {
            self.push(
                bad("the tolerance is negative".to_owned())
                    .help("a tolerance is a distance: write 0 or more"),
            );
            return None;
        }
        if amount > limit {
            self.push(bad(format!("the tolerance ({amount}{unit}) is larger than the value itself")).help(
                "with such a tolerance almost any answer would count; make it smaller than the value",
            ));
            return None;
        }
        Some(tolerance)
    }

    fn line_of(&self, offset: usize) -> usize {
        self.text
            .get(..offset)
            .map_or(0, |t| t.matches('\n').count())
            + 1
    }
}

/// Characters that must never reach a terminal from deck text. Newlines and tabs are fine.
fn is_forbidden_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
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

/// Decimal places as written in the file: "2.50" → 2, "1e3" → 0.
fn decimals_written(written: &str) -> u8 {
    let mantissa = written.split(['e', 'E']).next().unwrap_or("");
    mantissa.split_once('.').map_or(0, |(_, frac)| {
        u8::try_from(frac.chars().filter(char::is_ascii_digit).count()).unwrap_or(6)
    })
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

    #[test]
    fn decimals_follow_the_text() {
        assert_eq!(decimals_written("2.50"), 2);
        assert_eq!(decimals_written("1e3"), 0);
        assert_eq!(decimals_written("1_000.5"), 1);
    }
}
