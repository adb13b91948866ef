//! Opening a deck for questions: from its cache entry when there is a good one, else from
//! its text (and then the entry is written for next time).

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::entry::DeckKey;
use super::payload::{Known, Unaskables};
use super::{Compiled, DeckCache};
use crate::deck::library::{self, Bundled, Found, LibraryError};
use crate::deck::{DeckFile, Library, load_bytes};
use crate::question::{Generator, Prepared, Settings, Spoilers, Unaskable, unaskable};

/// Decks larger than this hash their text for the store on a second thread, while the
/// first one parses it.
const HASH_ASIDE: usize = 1 << 20;

/// What a command works out over the whole deck before its first question, besides the
/// generator itself.
#[derive(Debug, Clone, Copy)]
pub struct Needs {
    pub settings: Settings,
    /// The facts no question can be made about (`quiz` and `review` name them).
    pub unaskable: bool,
    /// The words many facts show (`quiz` and `generate` keep a run's questions apart).
    pub spoilers: bool,
}

/// A deck ready for questions.
#[derive(Debug)]
pub struct Opened {
    /// The hash the score store records with each session.
    pub store_hash: String,
    pub generator: Generator,
    /// The facts no question can be made about (empty unless needed).
    pub unaskable: Vec<Unaskable>,
}

impl Opened {
    pub fn id(&self) -> &str {
        &self.generator.deck().meta.id
    }
}

/// Where a deck file's entry goes, and whether the deck was read from it.
struct Entry<'c> {
    cache: &'c DeckCache,
    path: PathBuf,
    key: DeckKey,
    hit: bool,
}

/// Opens the deck called `name` (bundled id, user deck id or path) with `needs` worked out.
/// Decks go through `cache` when there is one: a good entry is read instead of the text,
/// and the entry is written when there was none or it lacked something needed now.
pub fn open_generator(
    library: &Library,
    cache: Option<&DeckCache>,
    name: &str,
    needs: Needs,
) -> Result<Opened, LibraryError> {
    let (compiled, entry) = open_compiled(library, cache, name)?;
    let Compiled {
        store_hash,
        prepared,
        mut known,
    } = compiled;
    let generator = Generator::from_prepared(prepared, needs.settings);
    let mut grew = false;
    let unaskable = match needs.unaskable {
        true => judged(&generator, &mut known, &mut grew),
        false => Vec::new(),
    };
    if needs.spoilers && known.spoilers.is_none() {
        known.spoilers = Some(Spoilers::of(&generator));
        grew = true;
    }
    let (generator, known) = match entry {
        // Also when this start worked out something the entry did not hold.
        Some(entry) if !entry.hit || grew => {
            let compiled = Compiled {
                store_hash: store_hash.clone(),
                prepared: generator.into_prepared(),
                known,
            };
            // A cache that cannot be written costs the next start its speed, nothing else.
            let _ = entry.cache.save(&entry.path, entry.key, &compiled);
            let generator = Generator::from_prepared(compiled.prepared, needs.settings);
            (generator, compiled.known)
        }
        _ => (generator, known),
    };
    if let Some(spoilers) = known.spoilers {
        generator.use_spoilers(spoilers);
    }
    Ok(Opened {
        store_hash,
        generator,
        unaskable,
    })
}

/// The facts no question with the generator's options can be made about: as the entry
/// knows them, or judged now and added to what it knows (then `grew` is set).
fn judged(generator: &Generator, known: &mut Known, grew: &mut bool) -> Vec<Unaskable> {
    let options = generator.settings().options();
    if let Some(facts) = known.unaskable(options) {
        return facts.to_vec();
    }
    let facts = unaskable(generator);
    known.unaskable.push(Unaskables {
        options,
        facts: facts.clone(),
    });
    *grew = true;
    facts
}

/// The compiled deck called `name`, and where its entry goes when it is a deck file and
/// there is a cache.
fn open_compiled<'c>(
    library: &Library,
    cache: Option<&'c DeckCache>,
    name: &str,
) -> Result<(Compiled, Option<Entry<'c>>), LibraryError> {
    let origin = match library.find(name)? {
        Found::Bundled(b) => return open_bundled(library, cache, b),
        Found::Loaded(file) => return Ok((from_file(*file), None)),
        Found::File(origin) => origin,
    };
    let Some(path) = origin.path() else {
        return Ok((from_file(library.open(name)?), None));
    };
    // A hit needs only the deck's key, hashed as the file is read in pieces.
    if let Some(cache) = cache
        && let Some((compiled, key)) = cache.load_file(path)
    {
        let entry = Entry {
            cache,
            path: path.to_path_buf(),
            key,
            hit: true,
        };
        return Ok((compiled, Some(entry)));
    }
    let bytes = library::read(path)?;
    let compiled = compile(library, path, &bytes)?;
    // Keyed by the bytes compiled: the file may have changed since it was hashed.
    let entry = cache.map(|cache| Entry {
        cache,
        path: path.to_path_buf(),
        key: DeckKey::of(&bytes),
        hit: false,
    });
    Ok((compiled, entry))
}

/// A bundled deck, through the cache as well: though its text is in the binary, parsing and
/// checking it and working out its spoilers took longer than reading its entry (5.0 against
/// 3.1 ms for the whole of `generate --count 1`). The entry is tied to this binary like any
/// other, so it always holds this very text.
fn open_bundled<'c>(
    library: &Library,
    cache: Option<&'c DeckCache>,
    bundled: &Bundled,
) -> Result<(Compiled, Option<Entry<'c>>), LibraryError> {
    let Some(cache) = cache else {
        return Ok((from_file(library.open(bundled.id)?), None));
    };
    // Not a file: named so that its entry cannot be taken for a deck file's.
    let path = PathBuf::from(format!("<bundled>/{}", bundled.file_name));
    let key = DeckKey::of(bundled.toml.as_bytes());
    if let Some(compiled) = cache.load(&path, key) {
        let entry = Entry {
            cache,
            path,
            key,
            hit: true,
        };
        return Ok((compiled, Some(entry)));
    }
    let entry = Entry {
        cache,
        path,
        key,
        hit: false,
    };
    Ok((from_file(library.open(bundled.id)?), Some(entry)))
}

/// Loads and checks a deck file's bytes and prepares its generator.
fn compile(library: &Library, path: &Path, bytes: &[u8]) -> Result<Compiled, LibraryError> {
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
    Ok(Compiled {
        store_hash,
        prepared: Prepared::new(loaded.deck),
        known: Known::default(),
    })
}

fn from_file(file: DeckFile) -> Compiled {
    Compiled {
        store_hash: store_hash(file.text.as_bytes()),
        prepared: Prepared::new(file.loaded.deck),
        known: Known::default(),
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
