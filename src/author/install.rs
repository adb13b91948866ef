//! `factdeck decks add` and `decks remove`: a checked deck copied into the user's decks
//! directory as `<id>.toml`, with the source document it quotes beside it as
//! `<id>.source.<ext>`, and taken out again. The score history is never touched: it is kept
//! per deck id, so a deck added again finds it.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::author::toml_out;
use crate::deck::library::BUNDLED;
use crate::deck::{Library, Loaded, Origin};

/// A deck to install: its text as read, the deck it loads as, and where it was read from
/// (its `source.file` is relative to that).
#[derive(Debug, Clone, Copy)]
pub struct ToInstall<'a> {
    pub text: &'a str,
    pub loaded: &'a Loaded,
    pub from: &'a Path,
    /// Replace an installed deck with the same id.
    pub replace: bool,
}

/// What `install` wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct Installed {
    pub id: String,
    pub path: PathBuf,
    /// The copy of the source document, when the deck names one.
    pub source: Option<PathBuf>,
    /// Installed files of the same id that were replaced and are gone.
    pub replaced: Vec<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
pub enum InstallError {
    #[error("`{0}` is the id of a bundled deck: give your deck another `id` in its [deck] table")]
    BundledId(String),
    #[error(
        "a deck with the id `{id}` is already installed ({}); add `--replace` to replace it \
         (its history is kept: it goes by the id)",
        .path.display()
    )]
    Taken { id: String, path: PathBuf },
    #[error("bundled decks cannot be removed (`{0}` is part of factdeck)")]
    RemoveBundled(String),
    #[error("no installed deck has the id `{id}`{}", known_ids(.known))]
    NotInstalled { id: String, known: Vec<String> },
    #[error("cannot read the source text {}", .path.display())]
    Source {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write {}", .path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot remove {}", .path.display())]
    Remove {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

fn known_ids(known: &[String]) -> String {
    if known.is_empty() {
        ": you have not added any deck yet (`factdeck decks add FILE`)".to_owned()
    } else {
        format!("; yours are: {}", known.join(", "))
    }
}

/// Copies a deck (already checked) into the library's decks directory.
pub fn install(library: &Library, deck: ToInstall<'_>) -> Result<Installed, InstallError> {
    let id = deck.loaded.deck.meta.id.clone();
    if BUNDLED.iter().any(|b| b.id == id) {
        return Err(InstallError::BundledId(id));
    }
    let dir = library.user_dir();
    let path = dir.join(format!("{id}.toml"));
    let mut same_id = installed_with_id(library, &id);
    if path.exists() && !same_id.contains(&path) {
        same_id.push(path.clone());
    }
    if let (false, Some(taken)) = (deck.replace, same_id.first()) {
        return Err(InstallError::Taken {
            id,
            path: taken.clone(),
        });
    }
    std::fs::create_dir_all(dir).map_err(|source| InstallError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut text = deck.text.to_owned();
    let source = match (&deck.loaded.source_file_span, source_file(deck.loaded)) {
        (Some(span), Some(file)) => {
            let original = deck.from.parent().unwrap_or(Path::new(".")).join(file);
            let bytes =
                crate::input::read_regular(&original).map_err(|source| InstallError::Source {
                    path: original.clone(),
                    source,
                })?;
            let ext = original
                .extension()
                .map_or("txt".to_owned(), |e| e.to_string_lossy().into_owned());
            let name = format!("{id}.source.{ext}");
            let copy = dir.join(&name);
            write_replacing(&copy, &bytes)?;
            // The copy sits beside the installed deck: point `source.file` at it.
            text.replace_range(span.clone(), &toml_out::string(&name));
            Some(copy)
        }
        _ => None,
    };
    write_replacing(&path, text.as_bytes())?;
    let mut replaced = Vec::new();
    for old in same_id.into_iter().filter(|p| *p != path) {
        std::fs::remove_file(&old).map_err(|source| InstallError::Remove {
            path: old.clone(),
            source,
        })?;
        replaced.push(old);
    }
    Ok(Installed {
        id,
        path,
        source,
        replaced,
    })
}

/// What `remove` took out.
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    pub files: Vec<PathBuf>,
}

/// Removes the installed deck `id` and the source copy `install` put beside it.
pub fn remove(library: &Library, id: &str) -> Result<Removed, InstallError> {
    if BUNDLED.iter().any(|b| b.id == id) {
        return Err(InstallError::RemoveBundled(id.to_owned()));
    }
    let dir = library.user_dir();
    let mut files = Vec::new();
    for entry in library.list().into_iter().flatten() {
        let Origin::User(path) = &entry.origin else {
            continue;
        };
        if entry.loaded.deck.meta.id != id {
            continue;
        }
        files.push(path.clone());
        if let Some(file) = source_file(&entry.loaded) {
            let named = file.to_string_lossy();
            if named.starts_with(&format!("{id}.source.")) && !named.contains(['/', '\\']) {
                files.push(dir.join(file));
            }
        }
    }
    // A deck that no longer loads is still removed by the name `add` gave it.
    let by_name = dir.join(format!("{id}.toml"));
    if by_name.is_file() && !files.contains(&by_name) {
        files.push(by_name);
    }
    if files.is_empty() {
        let mut known: Vec<String> = library
            .list()
            .into_iter()
            .flatten()
            .filter(|d| matches!(d.origin, Origin::User(_)))
            .map(|d| d.loaded.deck.meta.id)
            .collect();
        known.sort();
        known.dedup();
        return Err(InstallError::NotInstalled {
            id: id.to_owned(),
            known,
        });
    }
    for path in &files {
        match std::fs::remove_file(path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => {
                return Err(InstallError::Remove {
                    path: path.clone(),
                    source,
                });
            }
        }
    }
    Ok(Removed { files })
}

/// The installed files whose deck has this id.
fn installed_with_id(library: &Library, id: &str) -> Vec<PathBuf> {
    library
        .list()
        .into_iter()
        .flatten()
        .filter_map(|d| match d.origin {
            Origin::User(p) if d.loaded.deck.meta.id == id => Some(p),
            _ => None,
        })
        .collect()
}

fn source_file(loaded: &Loaded) -> Option<&Path> {
    loaded.deck.meta.source.as_ref()?.file.as_deref()
}

/// Writes `bytes` to `path` whole or not at all: a new file beside it, renamed over it.
fn write_replacing(path: &Path, bytes: &[u8]) -> Result<(), InstallError> {
    let err = |source| InstallError::Write {
        path: path.to_path_buf(),
        source,
    };
    let name = path
        .file_name()
        .map_or("deck".into(), |n| n.to_string_lossy().into_owned());
    let temp = path.with_file_name(format!(".{name}.{}.part", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()));
    if let Err(e) = written.and_then(|()| std::fs::rename(&temp, path)) {
        let _ = std::fs::remove_file(&temp);
        return Err(err(e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deck(id: &str, source: Option<&str>) -> String {
        let source = source
            .map(|f| format!("\n[deck.source]\ntitle = \"S\"\nfile = \"{f}\"\n"))
            .unwrap_or_default();
        format!(
            "[deck]\nid = \"{id}\"\ntitle = \"T\"\n{source}\n[[card]]\nid = \"c\"\nquestion = \"Q?\"\nanswer = \"A\"\nquote = \"the answer is A\"\n"
        )
    }

    fn add(library: &Library, from: &Path, replace: bool) -> Result<Installed, InstallError> {
        let text = std::fs::read_to_string(from).unwrap();
        let loaded = crate::deck::load_str(&text).unwrap();
        install(
            library,
            ToInstall {
                text: &text,
                loaded: &loaded,
                from,
                replace,
            },
        )
    }

    #[test]
    fn a_deck_is_installed_under_its_id_with_its_source_beside_it() {
        let work = tempfile::tempdir().unwrap();
        let home = tempfile::tempdir().unwrap();
        let library = Library::new(home.path().join("decks"), false);
        std::fs::create_dir(work.path().join("texts")).unwrap();
        std::fs::write(work.path().join("texts/laws.txt"), "So the answer is A.").unwrap();
        let from = work.path().join("mine.toml");
        std::fs::write(&from, deck("football", Some("texts/laws.txt"))).unwrap();

        let installed = add(&library, &from, false).unwrap();
        assert_eq!(installed.path, home.path().join("decks/football.toml"));
        let source = home.path().join("decks/football.source.txt");
        assert_eq!(installed.source.as_deref(), Some(source.as_path()));
        let opened = library.open("football").unwrap();
        let text = opened.source_text().unwrap().unwrap();
        assert_eq!(text, "So the answer is A.");

        let again = add(&library, &from, false).unwrap_err();
        assert!(matches!(again, InstallError::Taken { .. }), "{again}");
        assert!(add(&library, &from, true).is_ok());

        let removed = remove(&library, "football").unwrap();
        assert_eq!(removed.files.len(), 2);
        assert!(!source.exists() && !installed.path.exists());
        let gone = remove(&library, "football").unwrap_err();
        assert!(gone.to_string().contains("not added any deck"), "{gone}");
    }

    #[test]
    fn bundled_ids_are_neither_taken_nor_removed() {
        let home = tempfile::tempdir().unwrap();
        let library = Library::new(home.path().join("decks"), false);
        let from = home.path().join("copy.toml");
        std::fs::write(&from, deck(crate::deck::library::DEFAULT_DECK, None)).unwrap();
        assert!(matches!(
            add(&library, &from, true),
            Err(InstallError::BundledId(_))
        ));
        assert!(matches!(
            remove(&library, crate::deck::library::DEFAULT_DECK),
            Err(InstallError::RemoveBundled(_))
        ));
    }

    #[test]
    fn replacing_a_deck_filed_under_another_name_removes_the_old_file() {
        let home = tempfile::tempdir().unwrap();
        let decks = home.path().join("decks");
        std::fs::create_dir(&decks).unwrap();
        std::fs::write(decks.join("old-name.toml"), deck("football", None)).unwrap();
        let library = Library::new(decks.clone(), false);
        let from = home.path().join("new.toml");
        std::fs::write(&from, deck("football", None)).unwrap();
        let installed = add(&library, &from, true).unwrap();
        assert_eq!(installed.replaced, [decks.join("old-name.toml")]);
        assert!(!decks.join("old-name.toml").exists());
    }
}
