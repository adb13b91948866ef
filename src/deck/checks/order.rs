//! Order a deck states between date facts (`precedes`, `follows`): each id must name a date
//! fact of the deck, and the dates must agree with the order, or the wrong dates offered
//! for one event would have nowhere to go.

use std::collections::HashMap;
use std::ops::Range;

use super::Checker;
use crate::deck::diagnostic::Diagnostic;
use crate::deck::model::{DateFact, Fact};

impl Checker<'_> {
    /// `id_spans` is parallel to `facts`.
    pub fn date_order(&mut self, facts: &[Fact], id_spans: &[Range<usize>]) {
        let dates: HashMap<&str, &DateFact> = facts
            .iter()
            .filter_map(|f| match f {
                Fact::Date(d) => Some((d.meta.id.as_str(), &**d)),
                _ => None,
            })
            .collect();
        for (fact, span) in facts.iter().zip(id_spans) {
            let Fact::Date(d) = fact else { continue };
            let d: &DateFact = d;
            let lists = [("precedes", &d.precedes), ("follows", &d.follows)];
            for (field, ids) in lists {
                for other_id in ids {
                    let Some(other) = dates.get(other_id.as_str()) else {
                        self.push(
                            Diagnostic::error(format!(
                                "`{field}` of `{}` names `{other_id}`, which is no date fact of this deck",
                                d.meta.id
                            ))
                            .at(span.clone())
                            .help("write the id of a `[[date]]` fact"),
                        );
                        continue;
                    };
                    let (first, then) = if field == "precedes" {
                        (d, *other)
                    } else {
                        (*other, d)
                    };
                    let last_of_first = first.end.unwrap_or(first.date).last_day();
                    if last_of_first > then.date.last_day() {
                        self.push(
                            Diagnostic::error(format!(
                                "`{}` {field} `{other_id}`, but its dates say otherwise ({} and {})",
                                d.meta.id, d.date, other.date
                            ))
                            .at(span.clone())
                            .help("check the dates, or leave the order out"),
                        );
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::deck::load_str;

    fn errors(facts: &str) -> Vec<String> {
        let text = format!("[deck]\nid = \"d\"\ntitle = \"T\"\n{facts}");
        match load_str(&text) {
            Ok(_) => Vec::new(),
            Err(all) => all.into_iter().map(|d| d.message).collect(),
        }
    }

    #[test]
    fn stated_order_must_name_dates_and_agree_with_them() {
        let a = "[[date]]\nid = \"a\"\nevent = \"e\"\ndate = 2020-12-29\nquote = \"q\"\n";
        let b = "[[date]]\nid = \"b\"\nevent = \"f\"\ndate = 2021-01-05\nquote = \"q\"\n";
        assert!(errors(&format!("{a}precedes = [\"b\"]\n{b}")).is_empty());
        assert!(errors(&format!("{a}{b}follows = [\"a\"]\n")).is_empty());
        assert_eq!(
            errors(&format!("{a}follows = [\"b\"]\n{b}")),
            ["`a` follows `b`, but its dates say otherwise (2020-12-29 and 2021-01-05)"]
        );
        assert_eq!(
            errors(&format!("{a}precedes = [\"x\"]\n{b}")),
            ["`precedes` of `a` names `x`, which is no date fact of this deck"]
        );
    }
}
