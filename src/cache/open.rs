//! Opening a deck for questions: from its cache entry when there is a good one, else from
//! its text (and then the entry is written for next time).

use sha2::{Digest, Sha256};

use super::entry::DeckKey;
use super::{Compiled, DeckCache};
use crate::deck::library::{self, Found, LibraryError};
use crate::deck::{DeckFile, Library, load_bytes};
use crate::question::Prepared;

/// Decks larger than this hash their text for the store on a second thread, while the
/// first one parses it.
const HASH_ASIDE: usize = 1 << 20;

/// Opens the deck called `name` (bundled id, user deck id or path). Deck files go through
/// `cache` when there is one; bundled decks are compiled into the binary and load faster
/// than any cache entry could be read.
pub fn open_deck(
    library: &Library,
    cache: Option<&DeckCache>,
    name: &str,
) -> Result<Compiled, LibraryError> {
    let origin = match library.find(name)? {
        Found::Bundled(b) => {
            let file = library.open(b.id)?;
            return Ok(from_file(file));
        }
        Found::Loaded(file) => return Ok(from_file(*file)),
        Found::File(origin) => origin,
    };
    let Some(path) = origin.path() else {
        return Ok(from_file(library.open(name)?));
    };
    // A hit needs only the deck's key, hashed as the file is read in pieces.
    if let Some(cache) = cache
        && let Ok(key) = DeckKey::of_file(path)
        && let Some(compiled) = cache.load(path, key)
    {
        return Ok(compiled);
    }
    let bytes = library::read(path)?;
    // Keyed by the bytes compiled: the file may have changed since it was hashed.
    let cache = cache.map(|c| (c, DeckKey::of(&bytes)));
    compile(library, path, &bytes, cache)
}

/// Loads and checks a deck file's bytes and prepares its generator; writes the cache entry
/// when given a cache and the bytes' key.
fn compile(
    library: &Library,
    path: &std::path::Path,
    bytes: &[u8],
    cache: Option<(&DeckCache, DeckKey)>,
) -> Result<Compiled, LibraryError> {
    let (loaded, store_hash) = std::thread::scope(|s| {
        let hashing = (bytes.len() > HASH_ASIDE).then(|| s.spawn(|| store_hash(bytes)));
        let loaded = load_bytes(bytes);
        let hash = match hashing.map(|h| h.join()) {
            Some(Ok(hash)) => hash,
            _ => store_hash(bytes),
        };
        (loaded, hash)
    });
    let shown = crate::term::visible_path(path);
    let loaded = loaded.map_err(|diagnostics| library.invalid(shown, bytes, diagnostics))?;
    let compiled = Compiled {
        store_hash,
        prepared: Prepared::new(loaded.deck),
    };
    if let Some((cache, key)) = cache {
        // A cache that cannot be written costs the next start its speed, nothing else.
        let _ = cache.save(path, key, &compiled);
    }
    Ok(compiled)
}

fn from_file(file: DeckFile) -> Compiled {
    Compiled {
        store_hash: store_hash(file.text.as_bytes()),
        prepared: Prepared::new(file.loaded.deck),
    }
}

/// A short hash of the deck's text, recorded with each session so history can tell which
/// version of a deck was studied: the first 8 bytes of its sha256, in hex. Kept as it was
/// before the cache existed, so sessions recorded before and after compare; the cache
/// stores it with the entry, so a warm start never computes it.
pub fn store_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}
