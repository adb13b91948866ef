//! Help topics inside the binary: the guides of `docs/`, compiled in, so that a user who
//! installed only the binary has them (`factdeck help deck-format`, and the man pages).

mod blocks;
mod roff;
mod terminal;

pub use blocks::{Block, Span, parse};
pub use roff::to_roff;
pub use terminal::to_terminal;

/// One guide: the name it is asked for by, a line on what it covers, and its Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Topic {
    pub name: &'static str,
    pub summary: &'static str,
    pub markdown: &'static str,
}

pub const TOPICS: &[Topic] = &[
    Topic {
        name: "deck-format",
        summary: "every field of a deck, the questions each kind of fact yields, what check reports",
        markdown: include_str!("../../docs/deck-format.md"),
    },
    Topic {
        name: "questions",
        summary: "how questions are made and typed answers graded",
        markdown: include_str!("../../docs/questions.md"),
    },
    Topic {
        name: "spaced-repetition",
        summary: "review, its schedule (FSRS-6) and how quiz answers move it",
        markdown: include_str!("../../docs/spaced-repetition.md"),
    },
    Topic {
        name: "gallery",
        summary: "for each kind of fact, an example and every question it yields",
        markdown: include_str!("../../docs/gallery.md"),
    },
    Topic {
        name: "authoring",
        summary: "new, draft, import and export: writing a deck and taking it elsewhere",
        markdown: include_str!("../../docs/authoring.md"),
    },
];

/// The topic called `name`, if there is one.
pub fn topic(name: &str) -> Option<&'static Topic> {
    TOPICS.iter().find(|t| t.name == name)
}

/// The topic a link in a guide points at (`deck-format.md#sorts`), to name it as
/// `factdeck help deck-format` where the file itself is not at hand.
fn linked_topic(url: &str) -> Option<&'static Topic> {
    let file = url.split('#').next().unwrap_or_default();
    let file = file.rsplit('/').next().unwrap_or_default();
    TOPICS
        .iter()
        .find(|t| file.strip_suffix(".md") == Some(t.name))
}

/// The list shown at the end of the top-level `--help` and in the man page.
pub fn topics_list() -> String {
    let mut out = String::from("Guides (factdeck help TOPIC):");
    for t in TOPICS {
        out.push_str(&format!("\n  {:<18} {}", t.name, t.summary));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_guides_name_their_topic() {
        assert_eq!(
            linked_topic("deck-format.md#sorts").map(|t| t.name),
            Some("deck-format")
        );
        assert_eq!(
            linked_topic("docs/questions.md").map(|t| t.name),
            Some("questions")
        );
        assert_eq!(linked_topic("https://toml.io/en/v1.0.0"), None);
        assert_eq!(linked_topic("#sorts"), None);
    }

    #[test]
    fn every_topic_starts_with_its_title() {
        for t in TOPICS {
            assert!(t.markdown.starts_with("# "), "{}", t.name);
        }
    }
}
