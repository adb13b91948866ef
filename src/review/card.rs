//! A flashcard's two sides, made from a generated question: the front asks (with the
//! options, if it is a choice), the back gives the answer, the explanation and the quote.

use rand::Rng;
use rand::seq::SliceRandom;

use crate::question::{Generator, Input, Question, option_letter};

/// A question about fact `fact` for the front of its card. Typed and choice forms make the
/// best cards (a plain question), so one of those is preferred, picked at random; a
/// true/false or ordering question only when the fact has nothing else.
pub fn front_question<R: Rng + ?Sized>(
    generator: &Generator,
    fact: usize,
    rng: &mut R,
) -> Option<Question> {
    let mut forms = generator.candidate_forms(fact);
    forms.shuffle(rng);
    let mut fallback = None;
    for form in forms {
        let Some(question) = generator.generate_form(fact, form, rng) else {
            continue;
        };
        match question.input() {
            Input::Typed | Input::Choice => return Some(question),
            Input::TrueFalse | Input::Order => {
                fallback.get_or_insert(question);
            }
        }
    }
    fallback
}

/// The front: the header, the prompt, and the options of a choice or ordering question.
pub fn front(header: &str, question: &Question) -> String {
    let mut out = format!("\n{header}\n{}", question.prompt);
    for (i, option) in question.options.iter().enumerate() {
        let label = match question.input() {
            Input::Order => (i + 1).to_string(),
            _ => option_letter(i).to_string(),
        };
        out.push_str(&format!("\n  {label}) {option}"));
    }
    out
}

/// The back: the answer, then the explanation (the facts behind it, the note, the quote).
pub fn back(question: &Question) -> String {
    let mut out = format!("Answer: {}", question.expected());
    for line in question
        .explanation
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        out.push_str("\n  ");
        out.push_str(line.trim_end());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::question::rng_from_seed;
    use crate::question::testing::generator;

    const DECK: &str = "\
[[card]]
id = \"capital\"
question = \"What is the capital of Mongolia?\"
answer = \"Ulaanbaatar\"
group = \"places\"
note = \"Founded in 1639 as a monastery.\"

[[card]]
id = \"river\"
question = \"Which river flows through Ulaanbaatar?\"
answer = \"Tuul\"
group = \"places\"

[[card]]
id = \"lake\"
question = \"What is Mongolia's largest freshwater lake?\"
answer = \"Khövsgöl\"
group = \"places\"
";

    #[test]
    fn the_front_never_shows_a_typed_answer_and_the_back_does() {
        let g = generator(DECK);
        for seed in 0..50 {
            let q = front_question(&g, 0, &mut rng_from_seed(seed)).unwrap();
            let text = front("Card 1 of 3 · new", &q);
            assert!(text.starts_with("\nCard 1 of 3 · new\nWhat is the capital of Mongolia?"));
            match q.input() {
                Input::Typed => assert!(!text.contains("Ulaanbaatar"), "{text}"),
                Input::Choice => assert!(text.contains("  a) "), "{text}"),
                other => panic!("a card has a typed or choice form: {other:?}"),
            }
            let back = back(&q);
            assert!(back.starts_with("Answer: "), "{back}");
            assert!(back.contains("Ulaanbaatar"));
            assert!(back.contains("Founded in 1639"), "the note: {back}");
        }
    }

    #[test]
    fn both_typed_and_choice_fronts_come_up() {
        let g = generator(DECK);
        let inputs: std::collections::HashSet<_> = (0..50)
            .filter_map(|seed| front_question(&g, 1, &mut rng_from_seed(seed)))
            .map(|q| format!("{:?}", q.input()))
            .collect();
        assert_eq!(inputs.len(), 2, "{inputs:?}");
    }
}
