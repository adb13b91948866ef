//! Members of a set and items of a sequence: at least two, none repeated.

use std::borrow::Cow;
use std::collections::HashSet;

use super::fields::{Name, trim};
use super::{Checker, Table};
use crate::deck::diagnostic::Diagnostic;
use crate::deck::raw::{F, Typed};

impl Checker<'_> {
    /// Members of a set or items of a sequence: required, at least two, no repeats.
    pub(in crate::deck) fn members(
        &mut self,
        f: Option<F<Vec<F<String>>>>,
        field: &str,
        kind: &str,
        table: &Table,
    ) -> Option<Vec<String>> {
        let f = self.require(f, field, "[\"…\", \"…\"]", table)?;
        let list = self.typed(f, field, "an array of strings")?;
        let span = list.span();
        let written = list.into_inner();
        let count = written.len();
        if count < 2 {
            self.push(
                Diagnostic::error(format!(
                    "a {kind} needs at least 2 {field}, this one has {count}"
                ))
                .at(span)
                .help(format!(
                    "add {field}, or write a `card` for a single answer"
                )),
            );
        }
        // Repeats are found before the entries are taken apart, while their spans are at hand.
        let texts: Vec<Option<&str>> = written
            .iter()
            .map(|f| match f.get_ref() {
                Typed::Ok(s) => Some(trim(s)),
                Typed::Wrong(_) => None,
            })
            .collect();
        let repeats = repeated(&texts);
        for &i in &repeats {
            self.push(
                Diagnostic::error(format!(
                    "`{}` appears twice in `{field}`",
                    texts[i].unwrap_or_default()
                ))
                .at(written[i].span())
                .help("list each one once"),
            );
        }
        let items: Vec<String> = written
            .into_iter()
            .filter_map(|item| self.text(item, Name::EntryOf(field)))
            .collect();
        (count >= 2 && items.len() == count && repeats.is_empty()).then_some(items)
    }
}

/// Indices of the entries that repeat an earlier one, ignoring case. Lists are short, so
/// comparing pairs beats hashing; a long list is hashed.
fn repeated(texts: &[Option<&str>]) -> Vec<usize> {
    if texts.len() > 32 {
        let mut seen = HashSet::with_capacity(texts.len());
        return (0..texts.len())
            .filter(|&i| texts[i].is_some_and(|t| !seen.insert(folded(t))))
            .collect();
    }
    (0..texts.len())
        .filter(|&i| {
            texts[i].is_some_and(|t| {
                texts[..i]
                    .iter()
                    .flatten()
                    .any(|earlier| same_name(earlier, t))
            })
        })
        .collect()
}

/// Equal ignoring case, without allocating.
pub(in crate::deck) fn same_name(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// The form in which two names count as the same: lowercase, allocated only when needed.
pub(in crate::deck) fn folded(s: &str) -> Cow<'_, str> {
    if s.chars().any(char::is_uppercase) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_are_found_ignoring_case_in_short_and_long_lists() {
        let short = [
            Some("Kim"),
            Some("Ri"),
            None,
            Some("KIM"),
            Some("Ŭlchi"),
            Some("ŭLCHI"),
        ];
        assert_eq!(repeated(&short), [3, 5]);
        let names: Vec<String> = (0..40).map(|i| format!("Name {i}")).collect();
        let mut long: Vec<Option<&str>> = names.iter().map(|n| Some(n.as_str())).collect();
        long.push(Some("name 7"));
        assert_eq!(repeated(&long), [40]);
        assert!(repeated(&long[..40]).is_empty());
    }
}
