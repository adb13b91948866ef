//! Small English for messages: "1 question", "3 questions".

/// "s" unless `n` is one.
pub fn plural_s(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `n` and the noun, singular or plural: `counted(1, "card")` is "1 card".
pub fn counted(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", plural_s(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_everything_else_plural() {
        assert_eq!(counted(0, "card"), "0 cards");
        assert_eq!(counted(1, "card"), "1 card");
        assert_eq!(counted(2, "error"), "2 errors");
    }
}
