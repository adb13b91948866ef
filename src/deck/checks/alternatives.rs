//! Other answers a fact accepts: a figure's `also` values, a change's `accept` spellings.

use toml::Spanned;

use super::Checker;
use super::fields::Name;
use crate::deck::diagnostic::Diagnostic;
use crate::deck::model::{ChangeSides, Tolerance};
use crate::deck::number::Number;
use crate::deck::raw::{F, Typed};

const ACCEPT_HELP: &str = "write `accept = { before = [\"…\"], after = [\"…\"] }`, or for a \
                           change with one side `accept = [\"…\"]`";

/// A change's accepted spellings, per side.
#[derive(Debug, Default)]
pub(in crate::deck) struct ChangeAccept {
    pub before: Vec<String>,
    pub after: Vec<String>,
}

impl Checker<'_> {
    /// `also = [8]`: numbers other than `value` that the source supports.
    pub(in crate::deck) fn figure_also(
        &mut self,
        f: Option<F<Vec<F<toml::Value>>>>,
        value: Option<Number>,
    ) -> Option<Vec<Number>> {
        let Some(list) = f.and_then(|f| self.typed(f, "also", "an array of numbers")) else {
            return Some(Vec::new());
        };
        let mut out = Vec::new();
        let mut ok = true;
        for entry in list.into_inner() {
            let span = entry.span();
            match self.number(entry, "also") {
                Some(n)
                    if value.is_some_and(|v| Tolerance::Exact.accepts(v.value(), n.value())) =>
                {
                    self.push(
                        Diagnostic::error("an entry of `also` is the `value` itself")
                            .at(span)
                            .help("`also` lists the other values the source gives; leave this one out"),
                    );
                    ok = false;
                }
                Some(n) => out.push(n),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// `accept` of a change: an array for a one-sided change, a table with `before` and
    /// `after` arrays for a change with both sides.
    pub(in crate::deck) fn change_accept(
        &mut self,
        f: Option<F<toml::Value>>,
        sides: &ChangeSides,
    ) -> Option<ChangeAccept> {
        let Some(f) = f else {
            return Some(ChangeAccept::default());
        };
        let span = f.span();
        let value = self.typed(f, "accept", "an array or a table of strings")?;
        let strings =
            |this: &mut Self, v: &toml::Value, name: &'static str| -> Option<Vec<String>> {
                let Some(items) = v.as_array() else {
                    this.push(
                        Diagnostic::error(format!("`{name}` must be an array of strings"))
                            .at(span.clone())
                            .help(ACCEPT_HELP),
                    );
                    return None;
                };
                items
                    .iter()
                    .map(|item| match item.as_str() {
                        Some(s) => {
                            let typed = Spanned::new(span.clone(), Typed::Ok(s.to_owned()));
                            this.text(typed, Name::EntryOf(name))
                        }
                        None => {
                            this.push(
                                Diagnostic::error(format!("an entry of `{name}` is not a string"))
                                    .at(span.clone())
                                    .help(ACCEPT_HELP),
                            );
                            None
                        }
                    })
                    .collect()
            };
        match (value.get_ref(), sides) {
            (toml::Value::Array(_), ChangeSides::Removed { .. }) => Some(ChangeAccept {
                before: strings(self, value.get_ref(), "accept")?,
                after: Vec::new(),
            }),
            (toml::Value::Array(_), ChangeSides::Established { .. }) => Some(ChangeAccept {
                before: Vec::new(),
                after: strings(self, value.get_ref(), "accept")?,
            }),
            (toml::Value::Table(t), _) => {
                let mut out = ChangeAccept::default();
                let mut ok = true;
                for (k, v) in t {
                    let has_side = match (k.as_str(), sides) {
                        ("before", ChangeSides::Established { .. }) => false,
                        ("after", ChangeSides::Removed { .. }) => false,
                        ("before" | "after", _) => true,
                        _ => {
                            self.push(
                                Diagnostic::error(format!("unknown key `{k}` in `accept`"))
                                    .at(span.clone())
                                    .help(ACCEPT_HELP),
                            );
                            ok = false;
                            continue;
                        }
                    };
                    if !has_side {
                        self.push(
                            Diagnostic::error(format!(
                                "`accept.{k}` names a side this change does not have"
                            ))
                            .at(span.clone())
                            .help("accept spellings only for `before` or `after` as written"),
                        );
                        ok = false;
                        continue;
                    }
                    let list = strings(
                        self,
                        v,
                        if k == "before" {
                            "accept.before"
                        } else {
                            "accept.after"
                        },
                    );
                    match (k.as_str(), list) {
                        ("before", Some(l)) => out.before = l,
                        (_, Some(l)) => out.after = l,
                        (_, None) => ok = false,
                    }
                }
                ok.then_some(out)
            }
            (toml::Value::Array(_), ChangeSides::Both { .. }) => {
                self.push(
                    Diagnostic::error("`accept` of a change with both sides must say which side")
                        .at(span)
                        .help("write `accept = { before = [\"…\"], after = [\"…\"] }`"),
                );
                None
            }
            _ => {
                self.push(
                    Diagnostic::error("`accept` must be an array or a table of strings")
                        .at(span)
                        .help(ACCEPT_HELP),
                );
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::deck::{ChangeFact, Fact, FigureFact, load_str};

    fn load(fact: &str) -> Result<Fact, Vec<String>> {
        let text = format!("[deck]\nid = \"d\"\ntitle = \"T\"\n{fact}quote = \"q\"\n");
        load_str(&text)
            .map(|l| l.deck.facts[0].clone())
            .map_err(|d| d.into_iter().map(|d| d.message).collect())
    }

    fn change(fact: &str) -> Result<ChangeFact, Vec<String>> {
        load(&format!(
            "[[change]]\nid = \"c\"\nsubject = \"the title\"\n{fact}\n"
        ))
        .map(|f| match f {
            Fact::Change(c) => *c,
            _ => panic!(),
        })
    }

    #[test]
    fn change_accept_per_side() {
        let c = change("before = \"Chairman\"\nafter = \"General Secretary\"\naccept = { before = [\"Party Chairman\"] }").unwrap();
        assert_eq!(c.accept_before, ["Party Chairman"]);
        assert!(c.accept_after.is_empty());
        let one = change("before = \"the golden goal\"\naccept = [\"golden goal rule\"]").unwrap();
        assert_eq!(one.accept_before, ["golden goal rule"]);
        let both = change("before = \"A\"\nafter = \"B\"\naccept = [\"x\"]").unwrap_err();
        assert_eq!(
            both,
            ["`accept` of a change with both sides must say which side"]
        );
        let wrong_side = change("after = \"B\"\naccept = { before = [\"x\"] }").unwrap_err();
        assert_eq!(
            wrong_side,
            ["`accept.before` names a side this change does not have"]
        );
        let not_text =
            change("before = \"A\"\nafter = \"B\"\naccept = { after = [3] }").unwrap_err();
        assert_eq!(not_text, ["an entry of `accept.after` is not a string"]);
    }

    #[test]
    fn figure_also_lists_other_supported_values() {
        let f = load(
            "[[figure]]\nid = \"f\"\nwhat = \"w\"\nvalue = 7\nalso = [8]\nalso_note = \"n\"\n",
        )
        .unwrap();
        let Fact::Figure(figure) = f else { panic!() };
        let FigureFact {
            also, also_note, ..
        } = *figure;
        assert_eq!(also.len(), 1);
        assert_eq!(also_note.as_deref(), Some("n"));
        let same =
            load("[[figure]]\nid = \"f\"\nwhat = \"w\"\nvalue = 7\nalso = [7]\n").unwrap_err();
        assert_eq!(same, ["an entry of `also` is the `value` itself"]);
    }
}
