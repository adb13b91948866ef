//! Where decks come from: bundled in the binary, the user's decks directory, or a path.

use std::path::{Path, PathBuf};

use super::diagnostic::Diagnostic;
use super::load::{Loaded, load_bytes};

/// The deck used when a command is given none.
pub const DEFAULT_DECK: &str = "wpk-8th-congress";

/// A deck compiled into the binary, so it works from any directory.
#[derive(Debug)]
pub struct Bundled {
    pub id: &'static str,
    pub file_name: &'static str,
    pub toml: &'static str,
    /// The source text its quotes come from, under the name its `source.file` gives.
    pub source: Option<(&'static str, &'static str)>,
}

pub static BUNDLED: &[Bundled] = &[Bundled {
    id: "wpk-8th-congress",
    file_name: "wpk-8th-congress.toml",
    toml: include_str!("../../decks/wpk-8th-congress.toml"),
    source: Some((
        "wpk-8th-congress.source.txt",
        include_str!("../../decks/wpk-8th-congress.source.txt"),
    )),
}];

/// Where a deck was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Bundled,
    /// In the user's decks directory.
    User(PathBuf),
    /// A path given on the command line.
    File(PathBuf),
}

impl Origin {
    /// The file the deck was read from; `None` for a bundled deck.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Origin::Bundled => None,
            Origin::User(p) | Origin::File(p) => Some(p),
        }
    }

    /// How to name the deck's file in messages.
    pub fn display_path(&self, bundled_name: &str) -> String {
        match self {
            Origin::Bundled => format!("<bundled>/{bundled_name}"),
            Origin::User(p) | Origin::File(p) => p.display().to_string(),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Origin::Bundled => "bundled".to_owned(),
            Origin::User(p) | Origin::File(p) => p.display().to_string(),
        }
    }
}

/// Where [`Library::find`] found a deck.
#[derive(Debug)]
pub enum Found {
    Bundled(&'static Bundled),
    /// A file not read yet (a path given, or `<decks dir>/<name>.toml`).
    File(Origin),
    /// A user deck found by its id, loaded to learn that id.
    Loaded(Box<DeckFile>),
}

/// A loaded deck with where it came from and its text (for rendering diagnostics).
#[derive(Debug, Clone)]
pub struct DeckFile {
    pub origin: Origin,
    /// Path shown in messages.
    pub path: String,
    pub text: String,
    pub loaded: Loaded,
}

impl DeckFile {
    /// The source document the deck's quotes come from, if it names one and it can be read.
    pub fn source_text(&self) -> Option<Result<String, std::io::Error>> {
        let file = self.loaded.deck.meta.source.as_ref()?.file.as_ref()?;
        match &self.origin {
            Origin::Bundled => BUNDLED
                .iter()
                .filter_map(|b| b.source)
                .find(|(name, _)| Path::new(name) == file)
                .map(|(_, text)| Ok(text.to_owned())),
            Origin::User(p) | Origin::File(p) => {
                let dir = p.parent().unwrap_or(Path::new("."));
                Some(crate::input::read_regular_to_string(&dir.join(file)))
            }
        }
    }
}

/// Why a deck could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error("no deck `{name}`{}", suggestion(.known, .name))]
    NotFound { name: String, known: Vec<String> },
    #[error("cannot read {}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is not a valid deck ({}):\n{rendered}", crate::words::counted(*.errors, "error"))]
    Invalid {
        path: String,
        errors: usize,
        rendered: String,
        diagnostics: Vec<Diagnostic>,
    },
}

fn suggestion(known: &[String], name: &str) -> String {
    let close = known
        .iter()
        .find(|k| strsim::damerau_levenshtein(k, name) <= 3);
    let list = if known.is_empty() {
        "none".to_owned()
    } else {
        known.join(", ")
    };
    match close {
        Some(k) => format!(": did you mean `{k}`? (see `factdeck decks`)"),
        None => format!(": the known decks are {list}; a path to a .toml file also works"),
    }
}

/// The decks a user can name: bundled ones and those in their decks directory.
#[derive(Debug, Clone)]
pub struct Library {
    user_dir: PathBuf,
    color: bool,
}

impl Library {
    /// `user_dir` is `<data dir>/decks`; it need not exist.
    pub fn new(user_dir: PathBuf, color: bool) -> Self {
        Library { user_dir, color }
    }

    pub fn user_dir(&self) -> &Path {
        &self.user_dir
    }

    /// Opens a deck by bundled id, user deck id or path.
    pub fn open(&self, name: &str) -> Result<DeckFile, LibraryError> {
        match self.find(name)? {
            Found::Bundled(b) => self.parse(Origin::Bundled, b.file_name, b.toml.as_bytes()),
            Found::File(origin) => {
                let path = origin.path().unwrap_or(Path::new(name)).to_path_buf();
                self.open_path(&path, origin)
            }
            Found::Loaded(deck) => Ok(*deck),
        }
    }

    /// Where the deck called `name` is, without reading it when that can be helped: a
    /// bundled id, a path, or a file in the user's decks directory. A user deck whose file
    /// name differs from its id can only be found by loading the decks until one has it.
    pub fn find(&self, name: &str) -> Result<Found, LibraryError> {
        let looks_like_path = name.ends_with(".toml")
            || name.contains(std::path::MAIN_SEPARATOR)
            || name.contains('/');
        if looks_like_path {
            return Ok(Found::File(Origin::File(PathBuf::from(name))));
        }
        if let Some(b) = BUNDLED.iter().find(|b| b.id == name) {
            return Ok(Found::Bundled(b));
        }
        let direct = self.user_dir.join(format!("{name}.toml"));
        if direct.is_file() {
            return Ok(Found::File(Origin::User(direct)));
        }
        // A user deck whose file name differs from its id.
        for path in self.user_files() {
            if let Ok(deck) = self.open_path(&path, Origin::User(path.clone()))
                && deck.loaded.deck.meta.id == name
            {
                return Ok(Found::Loaded(Box::new(deck)));
            }
        }
        Err(LibraryError::NotFound {
            name: name.to_owned(),
            known: self.known_ids(),
        })
    }

    /// Every deck it can find, bundled first; user decks that fail to load come back as errors.
    pub fn list(&self) -> Vec<Result<DeckFile, LibraryError>> {
        let bundled = BUNDLED
            .iter()
            .map(|b| self.parse(Origin::Bundled, b.file_name, b.toml.as_bytes()));
        let user = self
            .user_files()
            .into_iter()
            .map(|p| self.open_path(&p, Origin::User(p.clone())));
        bundled.chain(user).collect()
    }

    fn known_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = BUNDLED.iter().map(|b| b.id.to_owned()).collect();
        ids.extend(
            self.user_files()
                .iter()
                .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned())),
        );
        ids
    }

    /// `.toml` files in the user's decks directory, sorted by name.
    fn user_files(&self) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(&self.user_dir) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml") && p.is_file())
            .collect();
        files.sort();
        files
    }

    fn open_path(&self, path: &Path, origin: Origin) -> Result<DeckFile, LibraryError> {
        let bytes = read(path)?;
        self.parse(origin, &path.display().to_string(), &bytes)
    }

    fn parse(&self, origin: Origin, name: &str, bytes: &[u8]) -> Result<DeckFile, LibraryError> {
        // Shown in every message about the deck, so made safe for a terminal once here.
        let path = crate::term::visible(&origin.display_path(name)).into_owned();
        match load_bytes(bytes) {
            Ok(loaded) => Ok(DeckFile {
                origin,
                path,
                text: String::from_utf8_lossy(bytes).into_owned(),
                loaded,
            }),
            Err(diagnostics) => Err(self.invalid(path, bytes, diagnostics)),
        }
    }

    /// The error for a deck that did not load, with its errors rendered over its text.
    /// `path` is the name shown in messages ([`Origin::display_path`]).
    pub fn invalid(
        &self,
        path: String,
        bytes: &[u8],
        diagnostics: Vec<Diagnostic>,
    ) -> LibraryError {
        let text = String::from_utf8_lossy(bytes);
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        let rendered = diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.render(&path, &text, self.color))
            .collect::<Vec<_>>()
            .join("\n");
        LibraryError::Invalid {
            path,
            errors,
            rendered,
            diagnostics,
        }
    }
}

/// Reads a deck file's bytes: a regular file within `input::MAX_BYTES`, never a FIFO or device.
pub fn read(path: &Path) -> Result<Vec<u8>, LibraryError> {
    crate::input::read_regular(path).map_err(|source| LibraryError::Io {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_deck_loads_under_its_id() {
        let lib = Library::new(PathBuf::from("/nonexistent"), false);
        for b in BUNDLED {
            let deck = lib.open(b.id).unwrap();
            assert_eq!(deck.loaded.deck.meta.id, b.id);
            assert_eq!(deck.origin, Origin::Bundled);
            assert!(deck.source_text().unwrap().is_ok());
        }
    }

    #[test]
    fn an_unknown_name_suggests_a_close_one() {
        let lib = Library::new(PathBuf::from("/nonexistent"), false);
        let err = lib.open("wpk-8th-congres").unwrap_err().to_string();
        assert!(err.contains("did you mean `wpk-8th-congress`"), "{err}");
    }
}
