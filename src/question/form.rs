//! The forms a question can take. Their snake_case names are stable: history stores them.

use std::fmt;
use std::str::FromStr;

use crate::deck::Kind;

macro_rules! forms {
    ($($(#[$doc:meta])* $variant:ident $name:literal $kind:ident $weight:literal,)+) => {
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
        }
    };
}

// Each form: its variant, its stored name, the kind it asks about, and its weight.
forms! {
    /// "When was X?" with dates to choose from.
    DateChoice "date_choice" Date 4,
    /// "When was X?" typed.
    DateTyped "date_typed" Date 3,
    /// "Which of these happened first?" (two events whose periods do not overlap).
    DateFirst "date_first" Date 2,
    /// "Put these events in order" (3–5 events).
    DateOrder "date_order" Date 2,
    /// "What was X?" with numbers to choose from.
    FigureChoice "figure_choice" Figure 4,
    /// "What was X?" typed.
    FigureTyped "figure_typed" Figure 3,
    /// "Which was larger?" (two figures of a group).
    FigureLarger "figure_larger" Figure 2,
    /// "By how much did X change?" with signed numbers to choose from.
    FigureChange "figure_change" Figure 3,
    /// "Did X rise or fall?"
    FigureTrend "figure_trend" Figure 1,
    /// "Before the change, X was A. What did it become?" typed.
    ChangeAfter "change_after" Change 4,
    /// "After the change, X was B. What was it before?" typed.
    ChangeBefore "change_before" Change 3,
    /// "True or false: X changed from A to B."
    ChangeTrueFalse "change_true_false" Change 3,
    /// "Which of these was abolished?"
    ChangeOneSided "change_one_sided" Change 4,
    /// "What was abolished?" typed, for a one-sided change.
    ChangeOneSidedTyped "change_one_sided_typed" Change 3,
    /// The card's question with answers to choose from.
    CardChoice "card_choice" Card 4,
    /// The card's question typed.
    CardTyped "card_typed" Card 3,
    /// "Which of these was a member of S?"
    SetMember "set_member" Set 4,
    /// "How many members did S have?" typed.
    SetSize "set_size" Set 1,
    /// "Put these items in order."
    SequenceOrder "sequence_order" Sequence 4,
    /// "In S, what came after X?"
    SequenceNext "sequence_next" Sequence 3,
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
