//! What the history calls things: question forms by their human names ("typed date", not
//! `date_typed`), and facts by a short prompt rather than an id.

use std::str::FromStr;

use crate::question::Form;

/// The stored name of a flashcard answer's form (`review::REVIEW_FORM`).
const FLASHCARD: &str = "review";

/// Longest prompt shown for a fact, in columns.
pub const SHORT_PROMPT: usize = 60;

/// A form as a person names it. Names this factdeck does not know are shown as stored.
pub fn form_label(stored: &str) -> String {
    if stored == FLASHCARD {
        return "flashcard".to_owned();
    }
    let Ok(form) = Form::from_str(stored) else {
        return stored.to_owned();
    };
    form.label().to_owned()
}

/// A prompt cut at a word boundary to at most `SHORT_PROMPT` columns, with "…" when cut.
pub fn short_prompt(prompt: &str) -> String {
    let prompt = prompt.split_whitespace().collect::<Vec<_>>().join(" ");
    if textwrap::core::display_width(&prompt) <= SHORT_PROMPT {
        return prompt;
    }
    let first = textwrap::wrap(&prompt, SHORT_PROMPT - 1)
        .into_iter()
        .next()
        .map(|l| l.trim_end_matches([',', ';', ':', ' ']).to_owned())
        .unwrap_or_default();
    format!("{first}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_has_a_human_name_and_unknown_ones_stay_as_stored() {
        for form in Form::ALL {
            let label = form_label(form.as_str());
            assert!(!label.contains('_'), "{form:?}: {label}");
            assert_ne!(label, form.as_str());
        }
        assert_eq!(form_label("date_typed"), "typed date");
        assert_eq!(form_label("review"), "flashcard");
        assert_eq!(form_label("year"), "year");
    }

    #[test]
    fn long_prompts_are_cut_between_words() {
        assert_eq!(
            short_prompt("When was the\n congress?"),
            "When was the congress?"
        );
        let long = "What was the number of delegates from science, education, public health, \
                    art, literature and media at the 8th Congress?";
        let short = short_prompt(long);
        assert_eq!(
            short,
            "What was the number of delegates from science, education…"
        );
        assert!(textwrap::core::display_width(&short) <= SHORT_PROMPT);
    }
}
