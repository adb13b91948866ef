//! `factdeck check PATH... [--source FILE] [--strict] [--verbose]`

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::CheckArgs;
use crate::deck::{
    Diagnostic, Language, Lines, Loaded, Recurring, Severity, Wording, format_counts, load_bytes,
    quote,
};
use crate::question::{Generator, Settings, phrase, unaskable};
use crate::words::counted;
use crate::{exit, term};

/// What checking one file found.
pub(super) struct Outcome {
    pub diagnostics: Vec<Diagnostic>,
    pub loaded: Option<Loaded>,
}

pub fn run(args: CheckArgs) -> Result<u8> {
    let color = term::stderr_color();
    let mut failed = false;
    let mut stdout = std::io::stdout().lock();
    for (i, path) in args.paths.iter().enumerate() {
        let shown = term::visible_path(path);
        let bytes = match crate::input::read_regular(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("factdeck: error: cannot read {shown}: {e}");
                failed = true;
                continue;
            }
        };
        // Diagnostics are shown over this text; for a file that is not UTF-8 the bad bytes
        // become U+FFFD, and its one diagnostic points there. Made only if one is shown.
        let text = std::cell::LazyCell::new(|| String::from_utf8_lossy(&bytes));
        let lines = std::cell::LazyCell::new(|| Lines::new(&text));
        let outcome = check_one(&bytes, path, args.source.as_deref());
        let mut diagnostics = outcome.diagnostics;
        if args.strict {
            for d in diagnostics
                .iter_mut()
                .filter(|d| d.severity == Severity::Warning)
            {
                d.severity = Severity::Error;
                d.message.push_str(" (a warning, an error under --strict)");
            }
        }
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = diagnostics.len() - errors;
        // One write per file: stderr is unbuffered, and a line at a time is slow for a
        // deck with thousands of problems.
        let mut report = String::new();
        for d in shown_diagnostics(diagnostics, args.verbose) {
            report.push_str(&d.render_in(&shown, &lines, color));
            report.push('\n');
        }
        std::io::stderr().lock().write_all(report.as_bytes())?;
        match (&outcome.loaded, errors) {
            (Some(loaded), 0) => {
                let deck = &loaded.deck;
                let note = match warnings {
                    0 => String::new(),
                    1 => " (1 warning)".to_owned(),
                    n => format!(" ({n} warnings)"),
                };
                let counts = match format_counts(deck) {
                    c if c.is_empty() => "no facts".to_owned(),
                    c => c,
                };
                writeln!(stdout, "ok {}: {counts}{note}", deck.meta.id)?;
            }
            _ => {
                failed = true;
                eprintln!(
                    "factdeck: {shown}: {}, {}",
                    counted(errors, "error"),
                    counted(warnings, "warning")
                );
            }
        }
        if i + 1 == args.paths.len() {
            // The process ends next: the OS frees the last deck at once.
            exit::leave_to_os(outcome.loaded);
        }
    }
    Ok(if failed { exit::ERROR } else { exit::OK })
}

/// A kind of warning that comes once per fact is listed one by one up to this many times;
/// beyond, it is told once, with a count.
const LISTED_UP_TO: usize = 3;

/// The diagnostics to print, in order: every one when `verbose`; otherwise a recurring
/// kind that comes more than [`LISTED_UP_TO`] times becomes one diagnostic, with the
/// count, at its first place.
pub(super) fn shown_diagnostics(diagnostics: Vec<Diagnostic>, verbose: bool) -> Vec<Diagnostic> {
    let mut counts: HashMap<Recurring, usize> = HashMap::new();
    for kind in diagnostics.iter().filter_map(|d| d.recurring) {
        *counts.entry(kind).or_default() += 1;
    }
    let mut told: HashSet<Recurring> = HashSet::new();
    let mut out = Vec::with_capacity(diagnostics.len());
    for d in diagnostics {
        let grouped = d
            .recurring
            .and_then(|k| counts.get(&k).map(|n| (k, *n)))
            .filter(|(_, n)| !verbose && *n > LISTED_UP_TO);
        match grouped {
            None => out.push(d),
            Some((kind, n)) => {
                if told.insert(kind) {
                    out.push(summary(kind, n, d));
                }
            }
        }
    }
    out
}

/// One diagnostic for `count` of a recurring kind, placed at the first of them.
fn summary(kind: Recurring, count: usize, first: Diagnostic) -> Diagnostic {
    let (message, help) = match kind {
        Recurring::MissingQuote => (
            format!("{count} facts have no `quote`"),
            "`--verbose` lists them; if this deck has no source document, say so with \
             `quotes = false` under [deck]",
        ),
        Recurring::DraftTodo => (
            format!("{count} texts are still a draft's TODO"),
            "`--verbose` lists them; write the phrase each asks for (`check --strict` \
             refuses a deck with TODOs left)",
        ),
        Recurring::BareFigure => (
            format!("{count} figures' `what` would be asked as \"What was …?\" without an article"),
            "`--verbose` lists them; start each `what` with \"the\" (\"the number of …\")",
        ),
    };
    let strict = if first.is_error() {
        " (warnings, errors under --strict)"
    } else {
        ""
    };
    Diagnostic {
        message: format!("{message}{strict}"),
        label: Some("the first of them".to_owned()),
        help: Some(help.to_owned()),
        ..first
    }
}

/// Facts no question can be made about: errors at their ids.
fn unaskable_facts(loaded: &Loaded) -> Vec<Diagnostic> {
    let generator = Generator::new(loaded.deck.clone(), Settings::default());
    unaskable(&generator)
        .into_iter()
        .map(|u| {
            let id = loaded.deck.facts.get(u.fact).map_or("", |f| f.id());
            let d = Diagnostic::error(format!("no question can be made from `{id}`: {}", u.reason))
                .help("reword it (or give it a `sort` it shares with other facts) so a question can ask it without giving the answer");
            match loaded.id_spans.get(u.fact) {
                Some(span) => d.at(span.clone()).label("never asked"),
                None => d,
            }
        })
        .collect()
}

/// A deck in a language factdeck has no phrasebook for: its facts without `question` are
/// asked in English. One warning, with how many they are.
fn worded_in_english(loaded: &Loaded) -> Option<Diagnostic> {
    let tag = &loaded.deck.meta.language;
    if phrase::is_shipped(Language::from_tag(tag)) {
        return None;
    }
    let unworded = loaded
        .deck
        .facts
        .iter()
        .filter(|f| f.as_kind().wording().is_some_and(Wording::is_empty))
        .count();
    (unworded > 0).then(|| {
        Diagnostic::warning(format!(
            "factdeck has no wording of its own for `language = \"{}\"`: {} asked in English",
            term::visible(tag),
            match unworded {
                1 => "1 fact without `question` is".to_owned(),
                n => format!("{n} facts without `question` are"),
            }
        ))
        .help(
            "write each fact's `question` in the deck's language (a string, or a table by \
             form: see \"Questions in the deck's language\" in docs/deck-format.md)",
        )
    })
}

/// Loads one deck and verifies its quotes against `--source` or its own `source.file`.
pub(super) fn check_one(bytes: &[u8], path: &Path, source_flag: Option<&Path>) -> Outcome {
    let loaded = match load_bytes(bytes) {
        Ok(l) => l,
        Err(diagnostics) => {
            return Outcome {
                diagnostics,
                loaded: None,
            };
        }
    };
    let mut diagnostics = loaded.warnings.clone();
    diagnostics.extend(unaskable_facts(&loaded));
    diagnostics.extend(worded_in_english(&loaded));
    let own_source = loaded
        .deck
        .meta
        .source
        .as_ref()
        .and_then(|s| s.file.as_ref())
        .map(|f| path.parent().unwrap_or(Path::new(".")).join(f));
    // A file named by the deck is pointed at where the deck names it.
    let (source, named_at): (Option<PathBuf>, _) = match source_flag {
        Some(flag) => (Some(flag.to_path_buf()), None),
        None => (own_source, loaded.source_file_span.clone()),
    };
    if let Some(source) = source {
        match crate::input::read_regular_to_string(&source) {
            Ok(text) => {
                diagnostics.extend(quote::verify(&loaded, &text, &term::visible_path(&source)));
            }
            Err(e) => {
                let d = Diagnostic::error(format!(
                    "cannot read the source text {}: {e}",
                    term::visible_path(&source)
                ))
                .help("fix `source.file` (relative to the deck) or pass --source FILE");
                diagnostics.push(match named_at {
                    Some(span) => d.at(span).label("named here"),
                    None => d,
                });
            }
        }
    }
    diagnostics.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    Outcome {
        diagnostics,
        loaded: Some(loaded),
    }
}
