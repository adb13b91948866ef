//! Answers that are several answers: a vocabulary card's definition "to speak, to talk"
//! accepts "to speak" and "to talk" typed alone, and "to eat" accepts "eat".
//!
//! Only for a term (a question of at most three words, not a question sentence): a
//! question such as "Three primary colours?" answered "red, yellow, blue" wants the whole
//! list, and accepting "red" alone would mark a wrong answer right.

/// The longest term whose answer is read as alternatives.
const TERM_WORDS: usize = 3;
/// The longest alternative, in words: longer pieces are a phrase with a comma in it.
const ALTERNATIVE_WORDS: usize = 4;

/// The spellings to accept besides the answer itself, in order, without repeats.
pub fn accepted(question: &str, answer: &str) -> Vec<String> {
    let term = question.split_whitespace().count() <= TERM_WORDS && !question.contains('?');
    if !term || answer.contains('\n') {
        return Vec::new();
    }
    // A slash between spaces separates meanings; one inside a word ("km/h") does not.
    let separated = answer.replace(" / ", ";");
    let pieces: Vec<&str> = separated
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let list = pieces.len() > 1;
    // "to speak, to talk and to say" or "fish and chips, peas": a list, not alternatives.
    let joined = |p: &&str| {
        p.split_whitespace()
            .any(|w| ["and", "or", "&"].contains(&w.to_lowercase().as_str()))
    };
    if list
        && (pieces.iter().any(joined)
            || pieces
                .iter()
                .any(|p| p.split_whitespace().count() > ALTERNATIVE_WORDS)
            || has_number_with_commas(answer))
    {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    let mut add = |s: &str| {
        let s = s.trim();
        if !s.is_empty() && s != answer && !out.iter().any(|o| o == s) {
            out.push(s.to_owned());
        }
    };
    for piece in &pieces {
        if list {
            add(piece);
        }
        if let Some(verb) = infinitive(piece) {
            add(verb);
        }
    }
    out
}

/// "to eat" → "eat": an English infinitive accepted without its "to".
fn infinitive(piece: &str) -> Option<&str> {
    let rest = piece
        .strip_prefix("to ")
        .or_else(|| piece.strip_prefix("To "))?;
    let words = rest.split_whitespace().count();
    (1..=ALTERNATIVE_WORDS - 1).contains(&words).then_some(rest)
}

/// "3,000": a comma between digits is a thousands separator, not a list.
fn has_number_with_commas(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b',' && w[2].is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_definition_with_commas_accepts_each_meaning() {
        assert_eq!(
            accepted("hablar", "to speak, to talk"),
            ["to speak", "speak", "to talk", "talk"]
        );
        assert_eq!(accepted("comer", "to eat"), ["eat"]);
        assert_eq!(
            accepted("el coche", "car; automobile"),
            ["car", "automobile"]
        );
        assert_eq!(accepted("la casa", "house / home"), ["house", "home"]);
        assert_eq!(accepted("ribosome", "makes proteins"), Vec::<String>::new());
        assert_eq!(accepted("speed unit", "km/h"), Vec::<String>::new());
    }

    #[test]
    fn lists_and_questions_keep_their_whole_answer() {
        let none = Vec::<String>::new();
        assert_eq!(
            accepted("Three primary colours, in paint?", "red, yellow, blue"),
            none
        );
        assert_eq!(accepted("condiments", "salt, pepper and mustard"), none);
        assert_eq!(accepted("population", "3,000, roughly"), none);
        assert_eq!(
            accepted(
                "osmosis",
                "water moving through a membrane, from low to high solute concentration"
            ),
            none
        );
        assert_eq!(accepted("a", "b\nc, d"), none);
    }
}
