//! One cache entry on disk: a fixed header that says what the entry is for, then the
//! payload in sections (bitcode), each with its length and checksum.
//!
//! ```text
//! offset  size  field
//!      0     8  magic, b"factdeck"
//!      8     4  format version (FORMAT), little-endian like every number here
//!     12     8  build stamp: factdeck's version and this very binary (see `Stamp`)
//!     20    16  deck key: xxh3-128 of the deck file's bytes
//!     36     8  deck length in bytes
//!     44     8  payload length in bytes: every section with its length and checksum
//!     52     …  sections, each: length (8), checksum (8, xxh3-64 of the section), bytes
//! ```
//!
//! Sections are read and checked one at a time ([`Sections`]), so that a reader can decode
//! one and free its bytes before reading the next: the whole entry is never in memory at
//! once. An entry is used only if every field matches and every section is whole, matches
//! its checksum and decodes; anything else is a miss, never an error.

use std::io::Read;
use std::path::Path;

use xxhash_rust::xxh3::{Xxh3Default, xxh3_64, xxh3_128};

/// Bump when the header or the payload's shape changes in a way the build stamp would not
/// catch (the stamp already changes with every build of factdeck).
pub const FORMAT: u32 = 3;

const MAGIC: &[u8; 8] = b"factdeck";
pub const HEADER_LEN: usize = 52;
/// A section's length and checksum.
const SECTION_HEAD: u64 = 16;

/// What a deck file's bytes are known by: a fast hash and the length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeckKey {
    hash: u128,
    len: u64,
}

impl DeckKey {
    /// The deck file's length in bytes.
    pub fn file_len(&self) -> u64 {
        self.len
    }

    /// xxh3 reads an 18 MB deck in a few milliseconds; a cryptographic hash would take
    /// several times longer, and the key guards against stale entries, not attackers.
    pub fn of(bytes: &[u8]) -> Self {
        DeckKey {
            hash: xxh3_128(bytes),
            len: u64::try_from(bytes.len()).unwrap_or(u64::MAX),
        }
    }

    /// The key of the file at `path`, read in pieces: a hit never holds the whole deck.
    /// The same key as [`DeckKey::of`] its bytes.
    pub fn of_file(path: &Path) -> std::io::Result<Self> {
        let mut file = crate::input::open_regular(path)?;
        let mut hasher = Xxh3Default::new();
        let mut buffer = vec![0; 1 << 18];
        let mut len = 0u64;
        loop {
            match file.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => {
                    hasher.update(&buffer[..n]);
                    len += n as u64;
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(DeckKey {
            hash: hasher.digest128(),
            len,
        })
    }
}

/// The fields that must match before a payload is trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub format: u32,
    pub stamp: u64,
    pub key: DeckKey,
}

impl Header {
    pub fn current(stamp: u64, key: DeckKey) -> Self {
        Header {
            format: FORMAT,
            stamp,
            key,
        }
    }
}

/// Why an entry was not used (for tests; callers only see a miss).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reject {
    /// Not a factdeck cache entry at all.
    Foreign,
    /// Shorter or longer than its header says.
    Truncated,
    /// Written by another version or build of factdeck, or for another deck.
    Stale,
    /// The payload does not match its checksum.
    Corrupt,
}

/// The header then the sections, ready to write.
pub fn encode(header: &Header, sections: &[&[u8]]) -> Vec<u8> {
    let payload: usize = sections
        .iter()
        .map(|s| SECTION_HEAD as usize + s.len())
        .sum();
    let mut out = Vec::with_capacity(HEADER_LEN + payload);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&header.format.to_le_bytes());
    out.extend_from_slice(&header.stamp.to_le_bytes());
    out.extend_from_slice(&header.key.hash.to_le_bytes());
    out.extend_from_slice(&header.key.len.to_le_bytes());
    out.extend_from_slice(&(payload as u64).to_le_bytes());
    for section in sections {
        out.extend_from_slice(&(section.len() as u64).to_le_bytes());
        out.extend_from_slice(&xxh3_64(section).to_le_bytes());
        out.extend_from_slice(section);
    }
    out
}

/// An entry being read: its header checked, its sections handed out one at a time, each
/// checked before it is.
#[derive(Debug)]
pub struct Sections<R> {
    source: R,
    /// Payload bytes not read yet.
    left: u64,
}

impl<R: Read> Sections<R> {
    /// Reads and checks the header of the entry in `source`, which is `size` bytes long.
    pub fn open(source: R, size: u64, expected: &Header) -> Result<Self, Reject> {
        Self::open_if(source, size, |found| found == expected).map(|(sections, _)| sections)
    }

    /// [`open`](Self::open) for an entry whose header `accept` takes, with that header: a
    /// reader that will know the deck's key only later checks it then.
    pub fn open_if(
        mut source: R,
        size: u64,
        accept: impl FnOnce(&Header) -> bool,
    ) -> Result<(Self, Header), Reject> {
        let mut header = Vec::with_capacity(HEADER_LEN);
        let read = (&mut source)
            .take(HEADER_LEN as u64)
            .read_to_end(&mut header);
        if read.is_err() || header.len() < HEADER_LEN {
            return Err(if header.starts_with(MAGIC) || MAGIC.starts_with(&header) {
                Reject::Truncated
            } else {
                Reject::Foreign
            });
        }
        let mut fields = Fields(&header);
        if fields.take::<8>() != Some(*MAGIC) {
            return Err(Reject::Foreign);
        }
        let format = fields.take().map(u32::from_le_bytes);
        let stamp = fields.take().map(u64::from_le_bytes);
        let hash = fields.take().map(u128::from_le_bytes);
        let len = fields.take().map(u64::from_le_bytes);
        let found = match (format, stamp, hash, len) {
            (Some(format), Some(stamp), Some(hash), Some(len)) => Header {
                format,
                stamp,
                key: DeckKey { hash, len },
            },
            _ => return Err(Reject::Truncated),
        };
        if !accept(&found) {
            return Err(Reject::Stale);
        }
        let payload = fields.take().map(u64::from_le_bytes);
        if payload != size.checked_sub(HEADER_LEN as u64) {
            return Err(Reject::Truncated);
        }
        let sections = Sections {
            source,
            left: payload.unwrap_or(0),
        };
        Ok((sections, found))
    }

    /// The next section, whole and matching its checksum.
    pub fn next_section(&mut self) -> Result<Vec<u8>, Reject> {
        let mut bytes = Vec::new();
        self.read_section(&mut bytes)?;
        Ok(bytes)
    }

    /// [`next_section`](Self::next_section) into `bytes`, reusing its room: the pages a
    /// section was read into are already the process's, and a large entry's second
    /// section read into fresh memory cost a page fault every 4 KiB.
    pub fn read_section(&mut self, bytes: &mut Vec<u8>) -> Result<(), Reject> {
        let mut head = [0u8; SECTION_HEAD as usize];
        if self.left < SECTION_HEAD || self.source.read_exact(&mut head).is_err() {
            return Err(Reject::Truncated);
        }
        self.left -= SECTION_HEAD;
        let mut fields = Fields(&head);
        let len = fields.take().map(u64::from_le_bytes).unwrap_or(u64::MAX);
        let checksum = fields.take().map(u64::from_le_bytes);
        if len > self.left {
            return Err(Reject::Truncated);
        }
        bytes.clear();
        bytes.resize(usize::try_from(len).map_err(|_| Reject::Truncated)?, 0);
        self.source
            .read_exact(bytes)
            .map_err(|_| Reject::Truncated)?;
        self.left -= len;
        if checksum != Some(xxh3_64(bytes)) {
            return Err(Reject::Corrupt);
        }
        Ok(())
    }

    /// Every section left.
    pub fn rest(mut self) -> Result<Vec<Vec<u8>>, Reject> {
        let mut out = Vec::new();
        while self.left > 0 {
            out.push(self.next_section()?);
        }
        Ok(out)
    }

    /// Whether every section was read: an entry with more than its reader expects is not
    /// the entry it thinks it is.
    pub fn is_done(&self) -> bool {
        self.left == 0
    }
}

/// Every section of `entry` if it is whole, intact and made for `expected`.
pub fn sections(entry: &[u8], expected: &Header) -> Result<Vec<Vec<u8>>, Reject> {
    Sections::open(entry, entry.len() as u64, expected)?.rest()
}

/// Reads fixed-size fields off the front of a header.
struct Fields<'h>(&'h [u8]);

impl Fields<'_> {
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let (field, rest) = self.0.split_first_chunk::<N>()?;
        self.0 = rest;
        Some(*field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> Header {
        Header::current(7, DeckKey::of(b"[deck]\nid = \"a\"\n"))
    }

    fn entry() -> Vec<u8> {
        encode(&header(), &[b"the deck", b"the payload"])
    }

    fn payload(entry: &[u8], expected: &Header) -> Result<Vec<u8>, Reject> {
        sections(entry, expected).map(|s| s.concat())
    }

    #[test]
    fn an_entry_round_trips() {
        assert_eq!(
            sections(&entry(), &header()),
            Ok(vec![b"the deck".to_vec(), b"the payload".to_vec()])
        );
    }

    #[test]
    fn sections_are_read_one_at_a_time() {
        let e = entry();
        let mut read = Sections::open(&e[..], e.len() as u64, &header()).unwrap();
        assert_eq!(read.next_section(), Ok(b"the deck".to_vec()));
        assert!(!read.is_done());
        assert_eq!(read.next_section(), Ok(b"the payload".to_vec()));
        assert!(read.is_done());
        assert_eq!(read.next_section(), Err(Reject::Truncated));
    }

    #[test]
    fn a_flipped_byte_of_the_first_section_is_corrupt() {
        let mut e = entry();
        e[HEADER_LEN + SECTION_HEAD as usize] ^= 1;
        assert_eq!(payload(&e, &header()), Err(Reject::Corrupt));
    }

    #[test]
    fn a_section_longer_than_the_entry_is_truncated() {
        let mut e = entry();
        e[HEADER_LEN + 7] = 0x40;
        assert_eq!(payload(&e, &header()), Err(Reject::Truncated));
    }

    #[test]
    fn a_flipped_payload_byte_is_corrupt() {
        let mut e = entry();
        let last = e.len() - 1;
        e[last] ^= 1;
        assert_eq!(payload(&e, &header()), Err(Reject::Corrupt));
    }

    #[test]
    fn a_flipped_checksum_byte_is_corrupt() {
        let mut e = entry();
        e[HEADER_LEN + SECTION_HEAD as usize - 1] ^= 0x80;
        assert_eq!(payload(&e, &header()), Err(Reject::Corrupt));
    }

    #[test]
    fn a_cut_entry_is_truncated_wherever_it_is_cut() {
        let e = entry();
        for cut in 0..e.len() {
            assert_eq!(
                payload(&e[..cut], &header()),
                Err(Reject::Truncated),
                "cut at {cut}"
            );
        }
        let mut longer = e;
        longer.push(0);
        assert_eq!(payload(&longer, &header()), Err(Reject::Truncated));
    }

    #[test]
    fn another_file_is_foreign() {
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.resize(200, 0);
        assert_eq!(payload(&png, &header()), Err(Reject::Foreign));
        assert_eq!(payload(b"hello", &header()), Err(Reject::Foreign));
    }

    #[test]
    fn an_older_format_another_build_or_another_deck_is_stale() {
        let older = Header {
            format: FORMAT - 1,
            ..header()
        };
        let e = encode(&older, &[b"the payload"]);
        assert_eq!(payload(&e, &header()), Err(Reject::Stale));
        let other_build = Header::current(8, header().key);
        assert_eq!(payload(&entry(), &other_build), Err(Reject::Stale));
        let other_deck = Header::current(7, DeckKey::of(b"[deck]\nid = \"b\"\n"));
        assert_eq!(payload(&entry(), &other_deck), Err(Reject::Stale));
    }

    #[test]
    fn a_file_read_in_pieces_has_the_key_of_its_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deck.toml");
        let bytes: Vec<u8> = (0..700_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(DeckKey::of_file(&path).unwrap(), DeckKey::of(&bytes));
    }

    #[test]
    fn the_key_is_the_content_not_the_length() {
        assert_ne!(DeckKey::of(b"abc"), DeckKey::of(b"abd"));
        assert_eq!(DeckKey::of(b"abc"), DeckKey::of(b"abc"));
    }
}
