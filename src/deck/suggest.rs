//! "did you mean `answer`?" for a misspelt field or table name.

use super::diagnostic::Diagnostic;

/// Adds "did you mean `x`?" when a known name is close to `given`, else lists the names.
pub(crate) fn with_suggestion(d: Diagnostic, given: &str, known: &[&str]) -> Diagnostic {
    match closest(given, known) {
        Some(k) => d.help(format!("did you mean `{k}`?")),
        None => d.help(format!("expected one of: {}", known.join(", "))),
    }
}

/// The known name nearest to `given`, if it is near enough to be a typo of it.
pub(crate) fn closest<'k>(given: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(given, k), *k))
        .filter(|(distance, k)| *distance <= 2.max(k.len() / 3))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_names_are_suggested_and_far_ones_are_not() {
        let known = ["question", "answer", "accept", "group"];
        assert_eq!(closest("answr", &known), Some("answer"));
        assert_eq!(closest("qeustion", &known), Some("question"));
        assert_eq!(closest("colour", &known), None);
    }
}
