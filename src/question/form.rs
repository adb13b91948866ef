//! The forms a question can take. Their snake_case names are stable: history stores them.

use std::fmt;
use std::str::FromStr;

use crate::deck::Kind;

macro_rules! forms {
    ($(
        $(#[$doc:meta])*
        $variant:ident {
            name: $name:literal,
            kind: $kind:ident,
            weight: $weight:literal,
            choice: $choice:literal,
            label: $label:literal $(,)?
        },
    )+) => {
        /// One way of asking about a fact.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Form {
            $($(#[$doc])* $variant,)+
        }

        impl Form {
            pub const ALL: [Form; [$($name,)+].len()] = [$(Form::$variant,)+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(Form::$variant => $name,)+
                }
            }

            /// The kind of fact this form asks about.
            pub fn kind(self) -> Kind {
                match self {
                    $(Form::$variant => Kind::$kind,)+
                }
            }

            /// How often the form is picked relative to the other applicable forms of its
            /// fact: the direct questions most, the comparisons and orderings less, so a
            /// session mixes them without drowning in "which came first".
            pub fn weight(self) -> u32 {
                match self {
                    $(Form::$variant => $weight,)+
                }
            }

            /// The form as a person names it ("typed date", not `date_typed`), for history.
            pub fn label(self) -> &'static str {
                match self {
                    $(Form::$variant => $label,)+
                }
            }

            /// Whether the form offers options to choose from whose wrong ones are wrong
            /// answers (true/false and orderings have no wrong option to name).
            pub fn offers_choice(self) -> bool {
                match self {
                    $(Form::$variant => $choice,)+
                }
            }
        }
    };
}

// Each form: its stored name (history keeps it), the kind it asks about, how often it is
// picked among its fact's forms, whether it offers options to choose from (whose wrong ones
// the class report counts), and its human name (history shows it).
forms! {
    /// "When was X?" with dates to choose from.
    DateChoice {
        name: "date_choice", kind: Date, weight: 4, choice: true,
        label: "date, multiple choice",
    },
    /// "When was X?" typed.
    DateTyped {
        name: "date_typed", kind: Date, weight: 3, choice: false,
        label: "typed date",
    },
    /// "Which of these happened first?" (two events whose periods do not overlap).
    DateFirst {
        name: "date_first", kind: Date, weight: 2, choice: true,
        label: "which came first",
    },
    /// "Put these events in order" (3–5 events).
    DateOrder {
        name: "date_order", kind: Date, weight: 2, choice: false,
        label: "events in order",
    },
    /// "What was X?" with numbers to choose from.
    FigureChoice {
        name: "figure_choice", kind: Figure, weight: 4, choice: true,
        label: "figure, multiple choice",
    },
    /// "What was X?" typed.
    FigureTyped {
        name: "figure_typed", kind: Figure, weight: 3, choice: false,
        label: "typed figure",
    },
    /// "Which was larger?" (two figures of a group).
    FigureLarger {
        name: "figure_larger", kind: Figure, weight: 2, choice: true,
        label: "which is larger",
    },
    /// "By how much did X change?" with signed numbers to choose from.
    FigureChange {
        name: "figure_change", kind: Figure, weight: 3, choice: true,
        label: "size of a change",
    },
    /// "Did X rise or fall?"
    FigureTrend {
        name: "figure_trend", kind: Figure, weight: 1, choice: true,
        label: "rise or fall",
    },
    /// "Before the change, X was A. What did it become?" typed.
    ChangeAfter {
        name: "change_after", kind: Change, weight: 4, choice: false,
        label: "typed: after a change",
    },
    /// "After the change, X was B. What was it before?" typed.
    ChangeBefore {
        name: "change_before", kind: Change, weight: 3, choice: false,
        label: "typed: before a change",
    },
    /// "True or false: X changed from A to B."
    ChangeTrueFalse {
        name: "change_true_false", kind: Change, weight: 3, choice: false,
        label: "change, true or false",
    },
    /// "Which of these was abolished?"
    ChangeOneSided {
        name: "change_one_sided", kind: Change, weight: 4, choice: true,
        label: "what changed",
    },
    /// "What was abolished?" typed, for a one-sided change.
    ChangeOneSidedTyped {
        name: "change_one_sided_typed", kind: Change, weight: 3, choice: false,
        label: "typed: what changed",
    },
    /// The card's question with answers to choose from.
    CardChoice {
        name: "card_choice", kind: Card, weight: 4, choice: true,
        label: "card, multiple choice",
    },
    /// The card's question typed.
    CardTyped {
        name: "card_typed", kind: Card, weight: 3, choice: false,
        label: "typed card",
    },
    /// "Which of these was a member of S?"
    SetMember {
        name: "set_member", kind: Set, weight: 4, choice: true,
        label: "member of a set",
    },
    /// "How many members did S have?" typed.
    SetSize {
        name: "set_size", kind: Set, weight: 1, choice: false,
        label: "size of a set",
    },
    /// "Put these items in order."
    SequenceOrder {
        name: "sequence_order", kind: Sequence, weight: 4, choice: false,
        label: "items in order",
    },
    /// "In S, what came after X?"
    SequenceNext {
        name: "sequence_next", kind: Sequence, weight: 3, choice: true,
        label: "what comes next",
    },
}

impl Form {
    /// The forms of one kind, in `ALL` order.
    pub fn of_kind(kind: Kind) -> impl Iterator<Item = Form> {
        Form::ALL.into_iter().filter(move |f| f.kind() == kind)
    }
}

impl fmt::Display for Form {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Error for a form name that does not exist.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown question form `{0}`")]
pub struct UnknownForm(pub String);

impl FromStr for Form {
    type Err = UnknownForm;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Form::ALL
            .into_iter()
            .find(|f| f.as_str() == s.trim())
            .ok_or_else(|| UnknownForm(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_every_kind_has_forms() {
        for form in Form::ALL {
            assert_eq!(form.as_str().parse::<Form>(), Ok(form));
            assert!(form.weight() > 0);
        }
        for kind in Kind::ALL {
            assert!(Form::of_kind(kind).count() >= 2, "{kind}");
        }
        // `Form as u32` is a form's bit in a fact's set of forms: the order of `ALL`.
        for (n, form) in Form::ALL.into_iter().enumerate() {
            assert_eq!(form as usize, n);
        }
    }
}
