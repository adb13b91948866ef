//! A knowledge-free student: ways of answering that read only the prompt and the options,
//! never the deck. Each strategy returns a guess; where it has nothing to go on (or a tie),
//! it guesses at random among what it cannot tell apart, so a strategy that sees nothing
//! scores chance.

use factdeck::deck::Precision;
use factdeck::grade::date::parse_date;
use factdeck::grade::normalize::key;
use factdeck::grade::number::parse_number;
use factdeck::question::{Answer, Question};
use rand::RngExt;
use rand::seq::{IndexedRandom, SliceRandom};

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
type DateParts = (f64, i16, Option<i8>, Option<i8>);

/// One way of answering.
pub struct Strategy {
    pub name: &'static str,
    pub play: fn(&View<'_>, &mut Rng64) -> Guess,
}

/// Picks at random among the options with the best score (higher is better).
fn best_by(scores: &[f64], rng: &mut Rng64) -> Guess {
    let top = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let tied: Vec<usize> = (0..scores.len())
        .filter(|i| (scores[*i] - top).abs() < 1e-9)
        .collect();
    Guess::Pick(*tied.choose(rng).unwrap_or(&0))
}

fn random_pick(v: &View<'_>, rng: &mut Rng64) -> Guess {
    Guess::Pick(rng.random_range(0..v.options.len().max(1)))
}

/// Orders the options by a score, lowest first; ties in random order.
fn order_by(scores: &[f64], rng: &mut Rng64) -> Guess {
    let mut idx: Vec<usize> = (0..scores.len()).collect();
    idx.shuffle(rng);
    idx.sort_by(|a, b| scores[*a].total_cmp(&scores[*b]));
    Guess::Order(idx)
}

// --- reading options ---------------------------------------------------------------------

fn number_of(text: &str) -> Option<f64> {
    parse_number(text, None).ok().map(|n| n.value)
}

fn read_numbers(options: &[String]) -> Option<Vec<f64>> {
    options.iter().map(|o| number_of(o)).collect()
}

fn numbers(v: &View<'_>) -> Option<Vec<f64>> {
    v.numbers.clone()
}

fn dates(v: &View<'_>) -> Option<Vec<DateParts>> {
    v.dates.clone()
}

/// A date option as a day count (its first day) with its parts.
fn read_dates(options: &[String]) -> Option<Vec<DateParts>> {
    options
        .iter()
        .map(|o| {
            let d = parse_date(o).ok()?;
            let day = d.first_day();
            let n = f64::from(day.year()) * 372.0
                + f64::from(day.month()) * 31.0
                + f64::from(day.day());
            Some((n, d.year_number(), d.month_number(), d.day_number()))
        })
        .collect()
}

/// The options as points on a line, when they are numbers or dates.
fn values(v: &View<'_>) -> Option<Vec<f64>> {
    numbers(v).or_else(|| dates(v).map(|d| d.iter().map(|x| x.0).collect()))
}

const STOP: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "which",
    "what", "who", "was", "were", "is", "did", "these", "this", "that", "its", "it", "from", "as",
    "how", "many", "when", "where", "be", "has", "have", "had", "do", "does",
];

fn words(text: &str) -> Vec<String> {
    key(text)
        .split(' ')
        .filter(|w| !w.is_empty() && !STOP.contains(w))
        .map(str::to_owned)
        .collect()
}

/// A text's look: words, hyphens, digits, a leading article, a plural end, capitals.
fn signature(text: &str) -> (usize, bool, bool, bool, bool, bool, usize) {
    let lower = text.to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or("");
    let last = lower.split_whitespace().last().unwrap_or("");
    let plural = last.ends_with('s') && !last.ends_with("ss") && !last.ends_with("us");
    let capitals = text
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    (
        text.split_whitespace().count(),
        text.contains('-'),
        text.chars().any(|c| c.is_ascii_digit()),
        matches!(first, "the" | "a" | "an"),
        plural,
        capitals * 2 >= text.split_whitespace().count().max(1),
        text.split_whitespace()
            .filter(|w| w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase()))
            .count(),
    )
}

/// A number's look: digits before the point, trailing zeros, decimals, sign.
fn number_signature(text: &str) -> (usize, usize, usize, bool) {
    let digits: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let (int, frac) = digits.split_once('.').unwrap_or((&digits, ""));
    let zeros = int.len() - int.trim_end_matches('0').len();
    (int.len(), zeros, frac.len(), text.starts_with('-'))
}

fn date_signature(text: &str) -> Option<Precision> {
    parse_date(text).ok().map(|d| d.precision())
}

fn shape_of(v: &View<'_>, i: usize) -> String {
    let o = &v.options[i];
    if v.numbers.is_some() {
        format!("{:?}", number_signature(o))
    } else if let Some(p) = date_signature(o) {
        format!("{p:?}")
    } else {
        format!("{:?}", signature(o))
    }
}

// --- choice strategies -------------------------------------------------------------------

fn slot(k: usize) -> impl Fn(&View<'_>, &mut Rng64) -> Guess {
    move |v, rng| {
        if k < v.options.len() {
            Guess::Pick(k)
        } else {
            random_pick(v, rng)
        }
    }
}

fn middle(v: &View<'_>, rng: &mut Rng64) -> Guess {
    let n = v.options.len();
    let picks = if n % 2 == 1 {
        vec![n / 2]
    } else {
        vec![n / 2 - 1, n / 2]
    };
    Guess::Pick(*picks.choose(rng).unwrap_or(&0))
}

fn nearest_mean(v: &View<'_>, rng: &mut Rng64) -> Guess {
    let Some(x) = values(v) else {
        return random_pick(v, rng);
    };
    let mean = x.iter().sum::<f64>() / x.len() as f64;
    best_by(
        &x.iter().map(|a| -(a - mean).abs()).collect::<Vec<_>>(),
        rng,
    )
}

/// The option nearest the mean of the others: "the one most like the rest".
fn nearest_others(v: &View<'_>, rng: &mut Rng64) -> Guess {
    let Some(x) = values(v) else {
        return random_pick(v, rng);
    };
    let total: f64 = x.iter().sum();
    let n = x.len() as f64;
    let scores: Vec<f64> = x
        .iter()
        .map(|a| -(a - (total - a) / (n - 1.0)).abs() / a.abs().max(1.0))
        .collect();
    best_by(&scores, rng)
}

/// Parts shared with the other options: date parts, digits in place, words.
fn shared_parts(v: &View<'_>) -> Vec<f64> {
    let n = v.options.len();
    if let Some(d) = dates(v) {
        return (0..n)
            .map(|i| {
                (0..n)
                    .filter(|j| *j != i)
                    .map(|j| {
                        f64::from(u8::from(d[i].1 == d[j].1))
                            + f64::from(u8::from(d[i].2.is_some() && d[i].2 == d[j].2))
                            + f64::from(u8::from(d[i].3.is_some() && d[i].3 == d[j].3))
                    })
                    .sum()
            })
            .collect();
    }
    if numbers(v).is_some() {
        let digits: Vec<Vec<char>> = v
            .options
            .iter()
            .map(|o| o.chars().filter(char::is_ascii_digit).rev().collect())
            .collect();
        return (0..n)
            .map(|i| {
                (0..n)
                    .filter(|j| *j != i)
                    .map(|j| {
                        let same = digits[i]
                            .iter()
                            .zip(&digits[j])
                            .filter(|(a, b)| a == b)
                            .count();
                        same as f64 + f64::from(u8::from(digits[i].len() == digits[j].len()))
                    })
                    .sum()
            })
            .collect();
    }
    let w = &v.words;
    (0..n)
        .map(|i| {
            (0..n)
                .filter(|j| *j != i)
                .map(|j| w[i].iter().filter(|x| w[j].contains(x)).count() as f64)
                .sum()
        })
        .collect()
}

fn most_shared(v: &View<'_>, rng: &mut Rng64) -> Guess {
    best_by(&shared_parts(v), rng)
}

fn least_shared(v: &View<'_>, rng: &mut Rng64) -> Guess {
    best_by(&shared_parts(v).iter().map(|s| -s).collect::<Vec<_>>(), rng)
}

fn longest(v: &View<'_>, rng: &mut Rng64) -> Guess {
    best_by(
        &v.options.iter().map(|o| o.len() as f64).collect::<Vec<_>>(),
        rng,
    )
}

fn shortest(v: &View<'_>, rng: &mut Rng64) -> Guess {
    best_by(
        &v.options
            .iter()
            .map(|o| -(o.len() as f64))
            .collect::<Vec<_>>(),
        rng,
    )
}

fn shape_counts(v: &View<'_>) -> Vec<f64> {
    let shapes = &v.shapes;
    shapes
        .iter()
        .map(|s| shapes.iter().filter(|t| *t == s).count() as f64)
        .collect()
}

/// The one option that looks unlike all the others.
fn odd_shape(v: &View<'_>, rng: &mut Rng64) -> Guess {
    best_by(&shape_counts(v).iter().map(|c| -c).collect::<Vec<_>>(), rng)
}

fn typical_shape(v: &View<'_>, rng: &mut Rng64) -> Guess {
    best_by(&shape_counts(v), rng)
}

fn trailing_zeros(v: &View<'_>) -> Option<Vec<f64>> {
    numbers(v)?;
    Some(
        v.options
            .iter()
            .map(|o| number_signature(o).1 as f64 - number_signature(o).2 as f64)
            .collect(),
    )
}

fn roundest(v: &View<'_>, rng: &mut Rng64) -> Guess {
    match trailing_zeros(v) {
        Some(z) => best_by(&z, rng),
        None => random_pick(v, rng),
    }
}

fn least_round(v: &View<'_>, rng: &mut Rng64) -> Guess {
    match trailing_zeros(v) {
        Some(z) => best_by(&z.iter().map(|x| -x).collect::<Vec<_>>(), rng),
        None => random_pick(v, rng),
    }
}

fn overlap(v: &View<'_>) -> Vec<f64> {
    let prompt = &v.prompt_words;
    v.words
        .iter()
        .map(|w| {
            w.iter().filter(|x| prompt.contains(x)).count() as f64 / (w.len().max(1) as f64).sqrt()
        })
        .collect()
}

fn most_overlap(v: &View<'_>, rng: &mut Rng64) -> Guess {
    best_by(&overlap(v), rng)
}

fn least_overlap(v: &View<'_>, rng: &mut Rng64) -> Guess {
    best_by(&overlap(v).iter().map(|x| -x).collect::<Vec<_>>(), rng)
}

/// For signed options: the answer is one of a mirrored pair, on the side the lone decoys
/// are not.
fn mirror(v: &View<'_>, rng: &mut Rng64) -> Guess {
    let Some(x) = numbers(v) else {
        return random_pick(v, rng);
    };
    let mirrored: Vec<usize> = (0..x.len())
        .filter(|i| x[*i] != 0.0 && x.contains(&-x[*i]))
        .collect();
    let lone: Vec<bool> = (0..x.len())
        .filter(|i| !mirrored.contains(i))
        .map(|i| x[i] > 0.0)
        .collect();
    match (mirrored.as_slice(), lone.first()) {
        ([a, b], Some(side)) if lone.iter().all(|s| s == side) => {
            Guess::Pick(if (x[*a] > 0.0) == *side { *a } else { *b })
        }
        _ if !mirrored.is_empty() => Guess::Pick(*mirrored.choose(rng).unwrap_or(&0)),
        _ => random_pick(v, rng),
    }
}

fn positive(v: &View<'_>, rng: &mut Rng64) -> Guess {
    match numbers(v) {
        Some(x) => best_by(
            &x.iter()
                .map(|a| if *a > 0.0 { 1.0 } else { 0.0 })
                .collect::<Vec<_>>(),
            rng,
        ),
        None => random_pick(v, rng),
    }
}

fn alphabetical(v: &View<'_>, rng: &mut Rng64) -> Guess {
    let keys = &v.keys;
    let first = (0..keys.len()).min_by(|a, b| keys[*a].cmp(&keys[*b]));
    first.map_or_else(|| random_pick(v, rng), Guess::Pick)
}

fn alphabetical_last(v: &View<'_>, rng: &mut Rng64) -> Guess {
    let keys = &v.keys;
    let last = (0..keys.len()).max_by(|a, b| keys[*a].cmp(&keys[*b]));
    last.map_or_else(|| random_pick(v, rng), Guess::Pick)
}

// --- order: ordinals, numbers in names, and words that say "before" or "after" ----------------

/// Numbers written in a text with the word after them ("13th political", "apollo 11"): a
/// series a reader can order by.
fn numbered(text: &str) -> Vec<(f64, String, String)> {
    let k = key(text);
    let tokens: Vec<&str> = k.split(' ').collect();
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &t[digits.len()..];
        if digits.is_empty()
            || !digits.bytes().all(|b| b.is_ascii_digit())
            || !matches!(suffix, "" | "st" | "nd" | "rd" | "th")
        {
            continue;
        }
        let Ok(n) = digits.parse::<f64>() else {
            continue;
        };
        let before = tokens[..i]
            .iter()
            .rev()
            .find(|w| !STOP.contains(w))
            .map_or(String::new(), |w| (*w).to_owned());
        let after = tokens[i + 1..]
            .iter()
            .find(|w| !STOP.contains(w))
            .map_or(String::new(), |w| (*w).to_owned());
        out.push((n, before, after));
    }
    out
}

/// Words that place an event early or late among its relatives.
const EARLY: &[&str] = &[
    "opening",
    "open",
    "opened",
    "start",
    "started",
    "beginning",
    "begin",
    "began",
    "launch",
    "launched",
    "first",
    "announcement",
    "announced",
    "announce",
    "preparation",
    "preparations",
    "preparatory",
    "prepared",
    "ahead",
    "before",
    "prior",
    "eve",
    "outgoing",
    "previous",
    "decided",
    "decision",
    "hints",
    "proposal",
    "proposed",
    "founding",
    "founded",
    "draft",
    "review",
    "election",
    "elected",
    "introduction",
    "introduced",
    "approval",
    "approved",
];
const LATE: &[&str] = &[
    "closing",
    "close",
    "closed",
    "end",
    "ended",
    "final",
    "last",
    "after",
    "following",
    "incoming",
    "next",
    "later",
    "conclusion",
    "result",
    "results",
    "abolition",
    "abolished",
    "return",
    "arrival",
    "arrived",
    "ceremony",
];

fn cue(text: &str) -> f64 {
    let w: Vec<String> = key(text).split(' ').map(str::to_owned).collect();
    let early = w.iter().filter(|x| EARLY.contains(&x.as_str())).count() as f64;
    let late = w.iter().filter(|x| LATE.contains(&x.as_str())).count() as f64;
    late - early
}

/// Per pair of options, -1 if the names say `a` came before `b`, 1 for after, 0 if they
/// say nothing: numbers of one series (the same word before or after), then cue words.
fn says_before(v: &View<'_>, a: usize, b: usize) -> i32 {
    for (na, ba, aa) in &v.numbered[a] {
        for (nb, bb, ab) in &v.numbered[b] {
            let same_series = (!aa.is_empty() && aa == ab) || (!ba.is_empty() && ba == bb);
            if same_series && na != nb {
                return if na < nb { -1 } else { 1 };
            }
        }
    }
    let (ca, cb) = (v.cues[a], v.cues[b]);
    if ca < cb {
        -1
    } else if ca > cb {
        1
    } else {
        0
    }
}

/// Scores for ordering: how many others each option says it comes after.
fn telling_scores(v: &View<'_>) -> Vec<f64> {
    let n = v.options.len();
    (0..n)
        .map(|i| {
            (0..n)
                .filter(|j| *j != i)
                .map(|j| f64::from(says_before(v, j, i)))
                .sum()
        })
        .collect()
}

/// "Which came first" and orderings: by the series numbers and cue words in the names.
fn names_tell(v: &View<'_>, rng: &mut Rng64) -> Guess {
    let scores: Vec<f64> = telling_scores(v).iter().map(|s| -s).collect();
    match v.shape {
        Shape::Order => order_by(&scores.iter().map(|s| -s).collect::<Vec<_>>(), rng),
        _ if v.prompt.contains("first") || v.prompt.contains("earlier") => best_by(&scores, rng),
        _ => random_pick(v, rng),
    }
}

/// Any number in the name, smaller first (years, ordinals of any series).
fn smaller_number_first(v: &View<'_>, rng: &mut Rng64) -> Guess {
    let firsts: Vec<f64> = v
        .numbered
        .iter()
        .map(|n| n.first().map_or(f64::NAN, |x| x.0))
        .collect();
    let fill = |x: f64, rng: &mut Rng64| {
        if x.is_nan() {
            rng.random_range(0.0..100.0)
        } else {
            x
        }
    };
    let scores: Vec<f64> = firsts.iter().map(|x| fill(*x, rng)).collect();
    match v.shape {
        Shape::Order => order_by(&scores, rng),
        _ if v.prompt.contains("first") => {
            best_by(&scores.iter().map(|s| -s).collect::<Vec<_>>(), rng)
        }
        _ => random_pick(v, rng),
    }
}

fn by_length(v: &View<'_>, rng: &mut Rng64) -> Guess {
    let scores: Vec<f64> = v.options.iter().map(|o| o.len() as f64).collect();
    match v.shape {
        Shape::Order => order_by(&scores, rng),
        _ => best_by(&scores.iter().map(|s| -s).collect::<Vec<_>>(), rng),
    }
}

fn as_listed(v: &View<'_>, _rng: &mut Rng64) -> Guess {
    Guess::Order((0..v.options.len()).collect())
}

fn reverse_listed(v: &View<'_>, _rng: &mut Rng64) -> Guess {
    Guess::Order((0..v.options.len()).rev().collect())
}

fn alphabetical_order(v: &View<'_>, rng: &mut Rng64) -> Guess {
    let keys = &v.keys;
    let mut idx: Vec<usize> = (0..keys.len()).collect();
    idx.shuffle(rng);
    idx.sort_by(|a, b| keys[*a].cmp(&keys[*b]));
    Guess::Order(idx)
}

// --- true or false -----------------------------------------------------------------------

fn always_true(_: &View<'_>, _: &mut Rng64) -> Guess {
    Guess::Bool(true)
}

fn always_false(_: &View<'_>, _: &mut Rng64) -> Guess {
    Guess::Bool(false)
}

/// The quoted values of a statement ("…from “A” to “B”").
fn quoted_sides(prompt: &str) -> Vec<String> {
    prompt
        .split('\u{201c}')
        .skip(1)
        .filter_map(|s| s.split('\u{201d}').next())
        .map(str::to_owned)
        .collect()
}

/// A statement whose two values look alike is true; one that mixes looks is made up.
fn sides_alike(v: &View<'_>, rng: &mut Rng64) -> Guess {
    match quoted_sides(v.prompt).as_slice() {
        [a, b] => Guess::Bool(signature(a) == signature(b)),
        _ => Guess::Bool(rng.random_bool(0.5)),
    }
}

/// A statement whose later value is the longer one is true (titles and names grow).
fn grows(v: &View<'_>, rng: &mut Rng64) -> Guess {
    match quoted_sides(v.prompt).as_slice() {
        [a, b] if a.len() != b.len() => Guess::Bool(b.len() > a.len()),
        _ => Guess::Bool(rng.random_bool(0.5)),
    }
}

/// A statement whose values share words with its subject is true.
fn sides_fit_subject(v: &View<'_>, rng: &mut Rng64) -> Guess {
    let sides = quoted_sides(v.prompt);
    let subject = v.prompt.split('\u{201c}').next().unwrap_or("");
    let fit = |s: &str| {
        words(s)
            .iter()
            .filter(|w| words(subject).contains(w))
            .count()
    };
    match sides.as_slice() {
        [a, b] if fit(a) != fit(b) => Guess::Bool(fit(a) > 0 && fit(b) > 0),
        _ => Guess::Bool(rng.random_bool(0.5)),
    }
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
