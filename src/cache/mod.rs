//! The compiled-deck cache: a deck file's checked facts and question index, kept on disk
//! so that opening an unchanged deck skips parsing its TOML and indexing its facts.
//!
//! One entry per deck file (named after its path), valid only for the same bytes (an xxh3
//! hash and the length), the same format and the same factdeck binary (see [`stamp`]).
//! An entry that is foreign, truncated, corrupt (checksummed), stale or undecodable is a
//! miss: the deck is loaded from its text and the entry rewritten. Every failure to read or
//! write the cache is silent; the cache only ever saves time. `factdeck check` never uses
//! it: checking always reads the text.

pub mod entry;
pub mod open;
pub mod payload;

use std::io::Write;
use std::path::{Path, PathBuf};

use entry::{DeckKey, Header, Reject, Sections};
use xxhash_rust::xxh3::{Xxh3Default, xxh3_64};

pub use open::{Needs, Opened, open_generator, store_hash};
pub use payload::{Compiled, Known, Unaskables};

/// The cache directory and the stamp of this build.
#[derive(Debug, Clone)]
pub struct DeckCache {
    dir: PathBuf,
    stamp: u64,
}

impl DeckCache {
    /// A cache in `dir` for entries written by the binary whose stamp is `stamp`.
    pub fn new(dir: PathBuf, stamp: u64) -> Self {
        DeckCache { dir, stamp }
    }

    /// A cache in `dir` for this running binary; `None` when it cannot identify itself.
    pub fn for_this_binary(dir: PathBuf) -> Option<Self> {
        let exe = std::env::current_exe().ok()?;
        Some(DeckCache::new(dir, stamp(&exe)?))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file that holds the entry for the deck at `deck_path`: one per deck file, so
    /// editing a deck replaces its entry instead of adding one.
    pub fn entry_path(&self, deck_path: &Path) -> PathBuf {
        let full = std::fs::canonicalize(deck_path).unwrap_or_else(|_| deck_path.to_path_buf());
        let stem: String = deck_path
            .file_stem()
            .map(|s| s.to_string_lossy())
            .unwrap_or_default()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            .take(40)
            .collect();
        let id = xxh3_64(full.as_os_str().as_encoded_bytes());
        self.dir.join(format!("{stem}-{id:016x}.deck"))
    }

    /// The compiled deck for the deck at `deck_path` whose bytes have `key`, if a good entry
    /// exists.
    pub fn load(&self, deck_path: &Path, key: DeckKey) -> Option<Compiled> {
        self.read(deck_path, key).ok()
    }

    /// [`load`](Self::load) for the deck file as it is now, with its key: the file is hashed
    /// on a second thread while the entry is read and decoded (hashing an 18 MB deck was
    /// about a twentieth of a warm start), and the entry is used only if it was written for
    /// that key. An entry for a deck of another length is refused before it is decoded.
    pub fn load_file(&self, deck_path: &Path) -> Option<(Compiled, DeckKey)> {
        let deck_len = std::fs::metadata(deck_path).ok()?.len();
        std::thread::scope(|scope| {
            let hashing = std::thread::Builder::new()
                .spawn_scoped(scope, || DeckKey::of_file(deck_path))
                .ok();
            let read = self.read_if(deck_path, |found| {
                found.format == entry::FORMAT
                    && found.stamp == self.stamp
                    && found.key.file_len() == deck_len
            });
            let key = match hashing {
                Some(thread) => thread.join().ok()?.ok()?,
                None => DeckKey::of_file(deck_path).ok()?,
            };
            let (compiled, header) = read.ok()?;
            (header.key == key).then_some((compiled, key))
        })
    }

    /// [`load`](Self::load), saying why an entry was not used (`None`: no entry).
    pub fn read(&self, deck_path: &Path, key: DeckKey) -> Result<Compiled, Option<Reject>> {
        let expected = Header::current(self.stamp, key);
        self.read_if(deck_path, |found| *found == expected)
            .map(|(compiled, _)| compiled)
    }

    /// The entry for the deck at `deck_path` if `accept` takes its header, with the header.
    fn read_if(
        &self,
        deck_path: &Path,
        accept: impl FnOnce(&Header) -> bool,
    ) -> Result<(Compiled, Header), Option<Reject>> {
        let file = crate::input::open_regular(&self.entry_path(deck_path)).map_err(|_| None)?;
        let size = file.metadata().map_err(|_| None)?.len();
        let (mut sections, header) =
            Sections::open_if(std::io::BufReader::new(file), size, accept)?;
        // A checksummed section that still does not decode was written by a build whose
        // types differ under the same stamp: as good as corrupt.
        let mut read = || {
            let mut bytes = Vec::new();
            sections.read_section(&mut bytes).map(|()| bytes)
        };
        let (head, facts, derived) = (read()?, read()?, read()?);
        if !sections.is_done() {
            return Err(Some(Reject::Corrupt));
        }
        let compiled = payload::decode(&head, facts, &derived).ok_or(Reject::Corrupt)?;
        Ok((compiled, header))
    }

    /// Writes the entry for the deck at `deck_path`, replacing any other at once (a reader
    /// sees the old entry or the new one, never half of one).
    pub fn save(&self, deck_path: &Path, key: DeckKey, compiled: &Compiled) -> std::io::Result<()> {
        let sections = payload::encode(compiled).map_err(std::io::Error::other)?;
        let sections = sections.each_ref().map(Vec::as_slice);
        let bytes = entry::encode(&Header::current(self.stamp, key), &sections);
        std::fs::create_dir_all(&self.dir)?;
        let target = self.entry_path(deck_path);
        let temp = target.with_extension(format!("tmp{}", std::process::id()));
        let written = std::fs::File::create(&temp)
            .and_then(|mut f| f.write_all(&bytes))
            .and_then(|()| std::fs::rename(&temp, &target));
        if written.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        written
    }
}

/// What identifies this build: factdeck's version, and the size and modification time of
/// the binary. The model and index change between builds without a version bump, so
/// entries are tied to the very binary that wrote them; a rebuild or an upgrade starts
/// afresh. `None` when the binary cannot be inspected.
pub fn stamp(exe: &Path) -> Option<u64> {
    let meta = std::fs::metadata(exe).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    let mut hasher = Xxh3Default::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.update(&meta.len().to_le_bytes());
    hasher.update(&modified.as_nanos().to_le_bytes());
    Some(hasher.digest())
}
