//! The forms a question can take. Their snake_case names are stable: history stores them.

use std::fmt;
use std::str::FromStr;

use crate::deck::Kind;

/// One way of asking about a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Form {
    /// "When was X?" with dates to choose from.
    DateChoice,
    /// "When was X?" typed.
    DateTyped,
    /// "Which of these happened first?" (two events whose periods do not overlap).
    DateFirst,
    /// "Put these events in order" (3–5 events).
    DateOrder,
    /// "What was X?" with numbers to choose from.
    FigureChoice,
    /// "What was X?" typed.
    FigureTyped,
    /// "Which was larger?" (two figures of a group).
    FigureLarger,
    /// "By how much did X change?" with signed numbers to choose from.
    FigureChange,
    /// "Did X rise or fall?"
    FigureTrend,
    /// "Before the change, X was A. What did it become?" typed.
    ChangeAfter,
    /// "After the change, X was B. What was it before?" typed.
    ChangeBefore,
    /// "True or false: X changed from A to B."
    ChangeTrueFalse,
    /// "Which of these was abolished?"
    ChangeOneSided,
    /// "What was abolished?" typed, for a one-sided change.
    ChangeOneSidedTyped,
    /// The card's question with answers to choose from.
    CardChoice,
    /// The card's question typed.
    CardTyped,
    /// "Which of these was a member of S?"
    SetMember,
    /// "How many members did S have?" typed.
    SetSize,
    /// "Put these items in order."
    SequenceOrder,
    /// "In S, what came after X?"
    SequenceNext,
}

impl Form {
    pub const ALL: [Form; 20] = [
        Form::DateChoice,
        Form::DateTyped,
        Form::DateFirst,
        Form::DateOrder,
        Form::FigureChoice,
        Form::FigureTyped,
        Form::FigureLarger,
        Form::FigureChange,
        Form::FigureTrend,
        Form::ChangeAfter,
        Form::ChangeBefore,
        Form::ChangeTrueFalse,
        Form::ChangeOneSided,
        Form::ChangeOneSidedTyped,
        Form::CardChoice,
        Form::CardTyped,
        Form::SetMember,
        Form::SetSize,
        Form::SequenceOrder,
        Form::SequenceNext,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Form::DateChoice => "date_choice",
            Form::DateTyped => "date_typed",
            Form::DateFirst => "date_first",
            Form::DateOrder => "date_order",
            Form::FigureChoice => "figure_choice",
            Form::FigureTyped => "figure_typed",
            Form::FigureLarger => "figure_larger",
            Form::FigureChange => "figure_change",
            Form::FigureTrend => "figure_trend",
            Form::ChangeAfter => "change_after",
            Form::ChangeBefore => "change_before",
            Form::ChangeTrueFalse => "change_true_false",
            Form::ChangeOneSided => "change_one_sided",
            Form::ChangeOneSidedTyped => "change_one_sided_typed",
            Form::CardChoice => "card_choice",
            Form::CardTyped => "card_typed",
            Form::SetMember => "set_member",
            Form::SetSize => "set_size",
            Form::SequenceOrder => "sequence_order",
            Form::SequenceNext => "sequence_next",
        }
    }

    /// The kind of fact this form asks about.
    pub fn kind(self) -> Kind {
        match self {
            Form::DateChoice | Form::DateTyped | Form::DateFirst | Form::DateOrder => Kind::Date,
            Form::FigureChoice
            | Form::FigureTyped
            | Form::FigureLarger
            | Form::FigureChange
            | Form::FigureTrend => Kind::Figure,
            Form::ChangeAfter
            | Form::ChangeBefore
            | Form::ChangeTrueFalse
            | Form::ChangeOneSided
            | Form::ChangeOneSidedTyped => Kind::Change,
            Form::CardChoice | Form::CardTyped => Kind::Card,
            Form::SetMember | Form::SetSize => Kind::Set,
            Form::SequenceOrder | Form::SequenceNext => Kind::Sequence,
        }
    }

    /// The forms of one kind, in `ALL` order.
    pub fn of_kind(kind: Kind) -> impl Iterator<Item = Form> {
        Form::ALL.into_iter().filter(move |f| f.kind() == kind)
    }

    /// How often the form is picked relative to the other applicable forms of its fact:
    /// the direct questions most, the comparisons and orderings less, so a session mixes
    /// them without drowning in "which came first".
    pub fn weight(self) -> u32 {
        match self {
            Form::DateChoice | Form::FigureChoice | Form::CardChoice | Form::SetMember => 4,
            Form::ChangeAfter | Form::ChangeOneSided | Form::SequenceOrder => 4,
            Form::DateTyped | Form::FigureTyped | Form::CardTyped | Form::SequenceNext => 3,
            Form::ChangeBefore | Form::ChangeTrueFalse | Form::FigureChange => 3,
            Form::ChangeOneSidedTyped => 3,
            Form::DateFirst | Form::DateOrder | Form::FigureLarger => 2,
            Form::FigureTrend | Form::SetSize => 1,
        }
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
    }
}
