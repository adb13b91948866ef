//! Where the commands that write decks put them: a new file (never replacing one) or
//! stdout, with the editor schema beside a new file.

use std::io::Write;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result};

use crate::deck::schema;

/// Creates the file, refusing to replace one that exists (even if created meanwhile).
pub fn write_new(path: &Path, text: &str) -> Result<()> {
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

/// Writes a deck, produced a piece at a time by `write`, to `out` as a new file (with the
/// schema beside it), or to stdout.
pub fn emit_deck_with(
    out: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    match out {
        Some(path) => {
            let file = std::fs::OpenOptions::new()
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
            let mut writer = std::io::BufWriter::new(file);
            write(&mut writer)
                .and_then(|()| writer.flush())
                .with_context(|| format!("writing {}", path.display()))?;
            schema_beside(path);
            Ok(())
        }
        None => {
            let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
            write(&mut stdout)
                .and_then(|()| stdout.flush())
                .context("writing the deck")
        }
    }
}

/// Writes a deck to `out` as a new file (with the schema beside it), or to stdout.
pub fn emit_deck(out: Option<&Path>, text: &str) -> Result<()> {
    match out {
        Some(path) => {
            write_new(path, text)?;
            schema_beside(path);
            Ok(())
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
                .context("writing the deck")
        }
    }
}

/// Puts `deck.schema.json` beside a deck just written, so that its `#:schema` line works in
/// an editor at once. An existing file is left alone (and named when it is not this
/// version's schema); failing to write it only costs completion, so it is a note.
pub fn schema_beside(deck: &Path) {
    let dir = deck.parent().unwrap_or(Path::new(""));
    let path = dir.join(schema::FILE_NAME);
    match std::fs::read_to_string(&path) {
        Ok(existing) if existing == schema::SCHEMA => {}
        Ok(_) => eprintln!(
            "note: {} is not this factdeck's schema; `factdeck schema > {}` updates it",
            path.display(),
            path.display()
        ),
        Err(_) => match write_new(&path, schema::SCHEMA) {
            Ok(()) => eprintln!(
                "wrote {} beside it, for completion in editors with taplo",
                path.display()
            ),
            Err(e) => eprintln!("note: no editor schema: {e:#}"),
        },
    }
}

/// `target` as a path relative to the directory `from` (both made absolute first), for a
/// deck's `source.file`. Falls back to the absolute path when there is no common root.
pub fn relative_to(target: &Path, from: &Path) -> PathBuf {
    let absolute = |p: &Path| {
        std::path::absolute(p)
            .map(|p| normalize(&p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let target = absolute(target);
    let from = absolute(if from.as_os_str().is_empty() {
        Path::new(".")
    } else {
        from
    });
    let t: Vec<Component<'_>> = target.components().collect();
    let f: Vec<Component<'_>> = from.components().collect();
    let common = t.iter().zip(&f).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return target;
    }
    let mut out = PathBuf::new();
    for _ in common..f.len() {
        out.push("..");
    }
    for c in &t[common..] {
        out.push(c);
    }
    out
}

/// Removes `.` and resolves `..` lexically.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_between_directories() {
        assert_eq!(
            relative_to(Path::new("/a/b/src.txt"), Path::new("/a/b")),
            PathBuf::from("src.txt")
        );
        assert_eq!(
            relative_to(Path::new("/a/b/src.txt"), Path::new("/a/c/d")),
            PathBuf::from("../../b/src.txt")
        );
        assert_eq!(
            relative_to(Path::new("/a/./x/../b.txt"), Path::new("/a")),
            PathBuf::from("b.txt")
        );
    }
}
