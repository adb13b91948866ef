//! A knowledge-free student: ways of answering that read only the prompt and the options,
//! never the deck. Each strategy returns a guess; where it has nothing to go on (or a tie),
//! it guesses at random among what it cannot tell apart, so a strategy that sees nothing
//! scores chance.

use factdeck::question::{Answer, Question};
use factdeck::read::normalize::key;
use rand::RngExt;
use rand::seq::{IndexedRandom, SliceRandom};

mod choice;
mod order;
mod reading;
mod true_false;

use choice::*;
use order::*;
use reading::*;
use true_false::*;

/// What the student sees: the form (how the question is laid out), the prompt, the options;
/// with what it reads off them once (numbers, dates, words).
#[derive(Debug, Clone)]
pub struct View<'q> {
    pub prompt: &'q str,
    pub options: &'q [String],
    pub shape: Shape,
    numbers: Option<Vec<f64>>,
    dates: Option<Vec<DateParts>>,
    keys: Vec<String>,
    words: Vec<Vec<String>>,
    prompt_words: Vec<String>,
    numbered: Vec<Vec<(f64, String, String)>>,
    cues: Vec<f64>,
    shapes: Vec<String>,
}

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Choice,
    Order,
    TrueFalse,
}

impl<'q> View<'q> {
    /// The student's view of `q`, or `None` for a typed question (nothing to pick from).
    pub fn of(q: &'q Question) -> Option<Self> {
        let shape = match q.answer {
            Answer::Choice(_) => Shape::Choice,
            Answer::Order(_) => Shape::Order,
            Answer::Bool(_) => Shape::TrueFalse,
            _ => return None,
        };
        let numbers = read_numbers(&q.options);
        let dates = if numbers.is_some() {
            None
        } else {
            read_dates(&q.options)
        };
        Some(View {
            prompt: &q.prompt,
            options: &q.options,
            shape,
            numbers,
            dates,
            keys: q.options.iter().map(|o| key(o)).collect(),
            words: q.options.iter().map(|o| words(o)).collect(),
            prompt_words: words(&q.prompt),
            numbered: q.options.iter().map(|o| numbered(o)).collect(),
            cues: q.options.iter().map(|o| cue(o)).collect(),
            shapes: Vec::new(),
        })
        .map(|mut v: View<'q>| {
            v.shapes = (0..v.options.len()).map(|i| shape_of(&v, i)).collect();
            v
        })
    }
}

/// A guess in the question's shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Guess {
    Pick(usize),
    Order(Vec<usize>),
    Bool(bool),
}

impl Guess {
    pub fn is_right(&self, q: &Question) -> bool {
        match (self, &q.answer) {
            (Guess::Pick(i), Answer::Choice(c)) => *i == c.correct,
            (Guess::Order(o), Answer::Order(truth)) => o == truth,
            (Guess::Bool(b), Answer::Bool(truth)) => b == truth,
            _ => false,
        }
    }
}

/// The chance of a blind guess.
pub fn chance(q: &Question) -> f64 {
    match &q.answer {
        Answer::Choice(_) => 1.0 / q.options.len() as f64,
        Answer::Order(o) => 1.0 / (1..=o.len()).product::<usize>() as f64,
        Answer::Bool(_) => 0.5,
        _ => 0.0,
    }
}

pub type Rng64 = rand::rngs::Xoshiro256PlusPlus;

/// A date option as a day count (its first day), its year, month and day.
pub(super) type DateParts = (f64, i16, Option<i8>, Option<i8>);

/// One way of answering.
pub struct Strategy {
    pub name: &'static str,
    pub play: fn(&View<'_>, &mut Rng64) -> Guess,
}

/// Picks at random among the options with the best score (higher is better).
pub(super) fn best_by(scores: &[f64], rng: &mut Rng64) -> Guess {
    let top = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let tied: Vec<usize> = (0..scores.len())
        .filter(|i| (scores[*i] - top).abs() < 1e-9)
        .collect();
    Guess::Pick(*tied.choose(rng).unwrap_or(&0))
}

pub(super) fn random_pick(v: &View<'_>, rng: &mut Rng64) -> Guess {
    Guess::Pick(rng.random_range(0..v.options.len().max(1)))
}

/// Orders the options by a score, lowest first; ties in random order.
pub(super) fn order_by(scores: &[f64], rng: &mut Rng64) -> Guess {
    let mut idx: Vec<usize> = (0..scores.len()).collect();
    idx.shuffle(rng);
    idx.sort_by(|a, b| scores[*a].total_cmp(&scores[*b]));
    Guess::Order(idx)
}

// --- the roster --------------------------------------------------------------------------

macro_rules! strategies {
    ($($name:literal => $f:expr),* $(,)?) => {
        vec![$(Strategy { name: $name, play: $f }),*]
    };
}

pub fn choice() -> Vec<Strategy> {
    strategies![
        "slot 1" => |v, r| slot(0)(v, r),
        "slot 2" => |v, r| slot(1)(v, r),
        "slot 3" => |v, r| slot(2)(v, r),
        "slot 4" => |v, r| slot(3)(v, r),
        "slot 5" => |v, r| slot(4)(v, r),
        "slot 6" => |v, r| slot(5)(v, r),
        "middle" => middle,
        "nearest the mean" => nearest_mean,
        "most like the others" => nearest_others,
        "most shared parts" => most_shared,
        "fewest shared parts" => least_shared,
        "longest" => longest,
        "shortest" => shortest,
        "odd one out" => odd_shape,
        "most typical shape" => typical_shape,
        "roundest" => roundest,
        "least round" => least_round,
        "most words of the prompt" => most_overlap,
        "fewest words of the prompt" => least_overlap,
        "mirror pair" => mirror,
        "positive" => positive,
        "alphabetically first" => alphabetical,
        "alphabetically last" => alphabetical_last,
        "names tell the order" => names_tell,
        "smaller number first" => smaller_number_first,
    ]
}

pub fn order() -> Vec<Strategy> {
    strategies![
        "names tell the order" => names_tell,
        "smaller number first" => smaller_number_first,
        "shortest first" => by_length,
        "as listed" => as_listed,
        "reverse of listed" => reverse_listed,
        "alphabetical" => alphabetical_order,
    ]
}

pub fn true_false() -> Vec<Strategy> {
    strategies![
        "always true" => always_true,
        "always false" => always_false,
        "values look alike" => sides_alike,
        "the later value is longer" => grows,
        "values fit the subject" => sides_fit_subject,
    ]
}

pub fn for_shape(shape: Shape) -> Vec<Strategy> {
    match shape {
        Shape::Choice => choice(),
        Shape::Order => order(),
        Shape::TrueFalse => true_false(),
    }
}
