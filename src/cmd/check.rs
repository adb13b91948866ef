//! `factdeck check PATH... [--source FILE] [--strict]`

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::CheckArgs;
use crate::deck::{Diagnostic, Loaded, Severity, format_counts, load_bytes, quote};
use crate::question::{Generator, Settings, unaskable};
use crate::words::counted;
use crate::{exit, term};

/// What checking one file found.
struct Outcome {
    diagnostics: Vec<Diagnostic>,
    loaded: Option<Loaded>,
}

pub fn run(args: CheckArgs) -> Result<u8> {
    let color = term::stderr_color();
    let mut failed = false;
    let mut stdout = std::io::stdout().lock();
    for path in &args.paths {
        let shown = path.display().to_string();
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("factdeck: error: cannot read {shown}: {e}");
                failed = true;
                continue;
            }
        };
        // Diagnostics are shown over this text; for a file that is not UTF-8 the bad bytes
        // become U+FFFD, and its one diagnostic points there.
        let text = String::from_utf8_lossy(&bytes);
        let outcome = check_one(&bytes, path, args.source.as_deref());
        let mut errors = 0;
        let mut warnings = 0;
        for mut d in outcome.diagnostics {
            if args.strict && d.severity == Severity::Warning {
                d.severity = Severity::Error;
                d.message.push_str(" (a warning, an error under --strict)");
            }
            if d.is_error() {
                errors += 1;
            } else {
                warnings += 1;
            }
            eprintln!("{}", d.render(&shown, &text, color));
        }
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
    }
    Ok(if failed { exit::ERROR } else { exit::OK })
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

/// Loads one deck and verifies its quotes against `--source` or its own `source.file`.
fn check_one(bytes: &[u8], path: &Path, source_flag: Option<&Path>) -> Outcome {
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
        match std::fs::read_to_string(&source) {
            Ok(text) => {
                diagnostics.extend(quote::verify(&loaded, &text, &source.display().to_string()));
            }
            Err(e) => {
                let d = Diagnostic::error(format!(
                    "cannot read the source text {}: {e}",
                    source.display()
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
