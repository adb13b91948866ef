//! `question` on any kind of fact: a string for its main question, or a table of strings
//! by form (`deck::wording::keys`). A form whose text leaves out a value it must show
//! (`{item}`, `{from}` and `{to}`) or names one it has not is refused here, not at quiz time.

use toml::Spanned;

use super::Checker;
use super::fields::{Name, article};
use crate::deck::diagnostic::Diagnostic;
use crate::deck::model::Kind;
use crate::deck::raw::{F, Typed};
use crate::deck::suggest::with_suggestion;
use crate::deck::wording::{Wording, WordingKey, keys, placeholders};

impl Checker<'_> {
    /// The wording of a fact of `kind`; `main` is the key a plain string stands for, and
    /// `usable` the keys this very fact can be asked with (a change has either both sides
    /// or one).
    pub(in crate::deck) fn wording(
        &mut self,
        f: Option<F<toml::Value>>,
        kind: Kind,
        main: &'static str,
        usable: &[&'static str],
    ) -> Option<Wording> {
        let Some(f) = f else {
            return Some(Wording::default());
        };
        let span = f.span();
        let all = keys(kind);
        let names: Vec<&'static str> = all.iter().map(|k| k.key).collect();
        let help = format!(
            "write `question = \"…\"`, or a table of: {}",
            names.join(", ")
        );
        let value = self.typed(f, "question", "a string or a table of strings")?;
        let value = value.into_inner();
        let plain = value.is_str();
        let written: Vec<(String, toml::Value)> = match value {
            toml::Value::String(s) => vec![(main.to_owned(), toml::Value::String(s))],
            toml::Value::Table(t) => t.into_iter().collect(),
            other => {
                self.push(
                    Diagnostic::error(format!(
                        "`question` must be a string or a table of strings, found {}",
                        article(other.type_str())
                    ))
                    .at(span)
                    .help(help),
                );
                return None;
            }
        };
        let mut forms = Vec::with_capacity(written.len());
        let mut ok = true;
        for (k, v) in written {
            let Some(entry) = all.iter().find(|e| e.key == k) else {
                let d =
                    Diagnostic::error(format!("unknown key `{k}` in `question`")).at(span.clone());
                self.push(with_suggestion(d, "question", &k, &names));
                ok = false;
                continue;
            };
            if !usable.contains(&entry.key) {
                self.push(
                    Diagnostic::error(format!(
                        "`question.{k}` words a question this {kind} is never asked"
                    ))
                    .at(span.clone())
                    .help(format!("this {kind} is asked with: {}", usable.join(", "))),
                );
                ok = false;
                continue;
            }
            let name = if plain {
                "question".to_owned()
            } else {
                format!("question.{k}")
            };
            let text = match v {
                toml::Value::String(s) => {
                    self.text(Spanned::new(span.clone(), Typed::Ok(s)), Name::Field(&name))
                }
                other => {
                    self.push(
                        Diagnostic::error(format!(
                            "`{name}` must be a string, found {}",
                            article(other.type_str())
                        ))
                        .at(span.clone())
                        .help(help.clone()),
                    );
                    None
                }
            };
            match text {
                Some(text) if self.placeholders_fit(entry, &name, &text, &span) => {
                    forms.push((k, text));
                }
                _ => ok = false,
            }
        }
        ok.then(|| Wording::new(forms))
    }

    /// Whether `text` shows every value its form needs and names no other.
    fn placeholders_fit(
        &mut self,
        entry: &WordingKey,
        name: &str,
        text: &str,
        span: &std::ops::Range<usize>,
    ) -> bool {
        let used = placeholders(text);
        let unknown: Vec<&str> = used
            .iter()
            .copied()
            .filter(|u| !entry.needs.contains(u))
            .collect();
        let missing: Vec<&str> = entry
            .needs
            .iter()
            .copied()
            .filter(|n| !used.contains(n))
            .collect();
        let shown = |names: &[&str]| {
            names
                .iter()
                .map(|n| format!("{{{n}}}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let takes = if entry.needs.is_empty() {
            "it takes no placeholders: write the question as it is asked".to_owned()
        } else {
            format!("it takes {}", shown(entry.needs))
        };
        if !unknown.is_empty() {
            self.push(
                Diagnostic::error(format!(
                    "`{name}` names {}, which factdeck does not fill in",
                    shown(&unknown)
                ))
                .at(span.clone())
                .help(takes),
            );
            return false;
        }
        if !missing.is_empty() {
            self.push(
                Diagnostic::error(format!("`{name}` leaves out {}", shown(&missing)))
                    .at(span.clone())
                    .help(format!(
                        "{takes}: without it the question cannot say what it asks about"
                    )),
            );
            return false;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use crate::deck::{Fact, load_str};

    fn load(fact: &str) -> Result<Fact, Vec<String>> {
        let text = format!("[deck]\nid = \"d\"\ntitle = \"T\"\nquotes = false\n{fact}");
        match load_str(&text) {
            Ok(l) => Ok(l.deck.facts.into_iter().next().unwrap()),
            Err(all) => Err(all.into_iter().map(|d| d.message).collect()),
        }
    }

    #[test]
    fn every_kind_takes_a_question_string_or_table() {
        let Fact::Change(c) = load("[[change]]\nid = \"c\"\nsubject = \"s\"\nbefore = \"a\"\nafter = \"b\"\nquestion = \"Che cosa divenne?\"\n").unwrap() else {
            panic!()
        };
        assert_eq!(c.question.get("after"), Some("Che cosa divenne?"));
        let Fact::Change(one) = load("[[change]]\nid = \"c\"\nsubject = \"s\"\nbefore = \"a\"\nquestion = \"Che cosa fu abolito?\"\n").unwrap() else {
            panic!()
        };
        assert_eq!(one.question.get("one_sided"), Some("Che cosa fu abolito?"));
        let Fact::Sequence(s) = load("[[sequence]]\nid = \"s\"\nname = \"n\"\nitems = [\"a\", \"b\"]\nquestion = { order = \"Ordina.\", next = \"Che cosa venne dopo {item}?\" }\n").unwrap() else {
            panic!()
        };
        assert_eq!(s.question.get("next"), Some("Che cosa venne dopo {item}?"));
        let Fact::Set(set) = load("[[set]]\nid = \"s\"\nname = \"n\"\nmembers = [\"a\", \"b\"]\nquestion = { size = \"Quanti?\" }\n").unwrap() else {
            panic!()
        };
        assert_eq!(set.question.get("size"), Some("Quanti?"));
        assert_eq!(set.question.get("member"), None);
    }

    #[test]
    fn wrong_keys_and_placeholders_are_refused_with_what_to_write() {
        let err = |fact: &str| load(fact).unwrap_err();
        assert_eq!(
            err(
                "[[date]]\nid = \"d\"\nevent = \"e\"\ndate = 2020\nquestion = { wehn = \"Quando?\" }\n"
            ),
            ["unknown key `wehn` in `question`"]
        );
        assert_eq!(
            err(
                "[[sequence]]\nid = \"s\"\nname = \"n\"\nitems = [\"a\", \"b\"]\nquestion = { next = \"Che cosa venne dopo?\" }\n"
            ),
            ["`question.next` leaves out {item}"]
        );
        assert_eq!(
            err(
                "[[figure]]\nid = \"f\"\nwhat = \"w\"\nvalue = 3\nquestion = \"Quanto era {what}?\"\n"
            ),
            ["`question` names {what}, which factdeck does not fill in"]
        );
        assert_eq!(
            err(
                "[[change]]\nid = \"c\"\nsubject = \"s\"\nbefore = \"a\"\nquestion = { before = \"Prima?\" }\n"
            ),
            ["`question.before` words a question this change is never asked"]
        );
        assert_eq!(
            err("[[set]]\nid = \"s\"\nname = \"n\"\nmembers = [\"a\", \"b\"]\nquestion = 3\n"),
            ["`question` must be a string or a table of strings, found an integer"]
        );
    }
}
