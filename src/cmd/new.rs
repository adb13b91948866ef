//! `factdeck new PATH [--title TEXT]`: a commented starter deck that passes `check`.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use crate::cli::NewArgs;
use crate::deck::template;
use crate::exit;

pub fn run(args: NewArgs) -> Result<u8> {
    let stem = args
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = template::slug(&stem);
    let title = args.title.unwrap_or_else(|| template::title_from(&stem));
    let text = template::starter(&id, &title);
    write_new(&args.path, &text)?;
    eprintln!(
        "wrote {} — edit it, then run `factdeck check {}`",
        args.path.display(),
        args.path.display()
    );
    Ok(exit::OK)
}

/// Creates the file, refusing to replace one that exists (even if created meanwhile).
fn write_new(path: &Path, text: &str) -> Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| match path.exists() {
            true => format!(
                "{} already exists; choose another path (factdeck never overwrites a deck)",
                path.display()
            ),
            false => format!("cannot create {}", path.display()),
        })?;
    file.write_all(text.as_bytes())
        .with_context(|| format!("writing {}", path.display()))
}
