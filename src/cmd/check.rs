//! `factdeck check PATH... [--source FILE] [--strict]`

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::CheckArgs;
use crate::deck::{Diagnostic, Loaded, Severity, format_counts, load_bytes, quote};
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
        let Ok(bytes) = std::fs::read(path).map_err(|e| {
            eprintln!("factdeck: error: cannot read {shown}: {e}");
        }) else {
            failed = true;
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        let outcome = check_one(&bytes, path, args.source.as_deref());
        let mut errors = 0;
        let mut warnings = 0;
        for d in &outcome.diagnostics {
            let mut d = d.clone();
            if args.strict {
                d.severity = Severity::Error;
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
                let note = if warnings > 0 {
                    format!(" ({warnings} warning(s))")
                } else {
                    String::new()
                };
                writeln!(stdout, "ok {}: {}{note}", deck.meta.id, format_counts(deck))?;
            }
            _ => {
                failed = true;
                eprintln!("factdeck: {shown}: {errors} error(s), {warnings} warning(s)");
            }
        }
    }
    Ok(if failed { exit::ERROR } else { exit::OK })
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
    let own_source = loaded
        .deck
        .meta
        .source
        .as_ref()
        .and_then(|s| s.file.as_ref())
        .map(|f| path.parent().unwrap_or(Path::new(".")).join(f));
    let source: Option<PathBuf> = source_flag.map(Path::to_path_buf).or(own_source);
    if let Some(source) = source {
        match std::fs::read_to_string(&source) {
            Ok(text) => {
                diagnostics.extend(quote::verify(&loaded, &text, &source.display().to_string()));
            }
            Err(e) => diagnostics.push(
                Diagnostic::error(format!(
                    "cannot read the source text {}: {e}",
                    source.display()
                ))
                .help("fix `source.file` (relative to the deck) or pass --source FILE"),
            ),
        }
    }
    diagnostics.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    Outcome {
        diagnostics,
        loaded: Some(loaded),
    }
}
