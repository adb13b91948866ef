//! The cheap look at an existing store, done on every open: the first bytes of the file,
//! read with plain file I/O, before SQLite opens it. SQLite would create `-wal` and `-shm`
//! files beside a WAL database even to read it, so everything that can be refused from the
//! header (not SQLite, someone else's database, a newer factdeck's store, a truncated file, a
//! dangling symlink) is refused here, with the file exactly as it was and nothing beside it.
//!
//! The header is the SQLite file format's database header (sqlite.org/fileformat.html);
//! page 1's B-tree header follows it and says whether the schema is empty.

use std::io::Read;
use std::path::Path;

use super::error::StoreError;
use super::schema::{APPLICATION_ID, latest_version};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
/// The database header and page 1's B-tree header after it.
const READ: usize = 108;

/// What is at the store's path before SQLite touches it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Nothing,
    /// A zero-length file: SQLite's own new, empty database (another factdeck may be
    /// creating it right now).
    Empty,
    /// An SQLite database with no owner, no version and no table in its main file: new.
    /// Another factdeck's first migration may sit in its write-ahead log, so SQLite has the
    /// last word.
    Blank,
    /// A factdeck store at this schema version or an older one.
    Store {
        version: i64,
        /// The header alone cannot vouch for the file: its length disagrees with the header
        /// while a write-ahead log is beside it (a checkpoint may be under way). SQLite's full
        /// check decides.
        check_deeply: bool,
    },
}

/// Looks at the path without opening it as a database.
pub fn inspect(path: &Path) -> Result<Found, StoreError> {
    let cannot_open = |e| StoreError::CannotOpen {
        path: path.to_path_buf(),
        source: Some(e),
    };
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            // A symlink to nowhere: SQLite would create its target.
            if let Ok(target) = std::fs::read_link(path) {
                return Err(StoreError::DanglingSymlink {
                    path: path.to_path_buf(),
                    target,
                });
            }
            return Ok(Found::Nothing);
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => return Ok(Found::Nothing),
        Err(e) => return Err(cannot_open(e)),
    };
    if !meta.is_file() {
        return Err(StoreError::NotSqlite {
            path: path.to_path_buf(),
        });
    }
    if meta.len() == 0 {
        return Ok(Found::Empty);
    }
    let mut head = Vec::with_capacity(READ);
    std::fs::File::open(path)
        .and_then(|f| f.take(READ as u64).read_to_end(&mut head))
        .map_err(cannot_open)?;
    judge(path, &head, meta.len(), wal_beside(path))
}

fn wal_beside(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    Path::new(&wal).exists()
}

/// The verdict on a header: `head` is the file's first bytes (up to [`READ`]), `len` its
/// length.
fn judge(path: &Path, head: &[u8], len: u64, wal: bool) -> Result<Found, StoreError> {
    let path_buf = || path.to_path_buf();
    if !head.starts_with(SQLITE_MAGIC) {
        // A file cut inside the magic string is still not recognisably a store.
        return Err(StoreError::NotSqlite { path: path_buf() });
    }
    let damaged = |detail: String| StoreError::Corrupt {
        path: path_buf(),
        detail,
    };
    if head.len() < READ {
        return Err(damaged(format!(
            "it is {len} bytes long, shorter than an SQLite header: truncated"
        )));
    }
    let u16_at = |i: usize| u16::from_be_bytes([head[i], head[i + 1]]);
    let u32_at = |i: usize| u32::from_be_bytes([head[i], head[i + 1], head[i + 2], head[i + 3]]);
    let page_size = match u16_at(16) {
        1 => 65_536,
        n if n >= 512 && n.is_power_of_two() => u64::from(n),
        n => {
            return Err(damaged(format!(
                "its header gives an impossible page size, {n}"
            )));
        }
    };
    let application_id = i64::from(u32_at(68) as i32);
    let user_version = i64::from(u32_at(60) as i32);
    if application_id != APPLICATION_ID {
        let blank = application_id == 0 && user_version == 0 && empty_schema(head);
        return match blank {
            true => Ok(Found::Blank),
            false => Err(StoreError::Foreign { path: path_buf() }),
        };
    }
    if user_version > latest_version() {
        return Err(StoreError::TooNew {
            path: path_buf(),
            found: user_version,
            known: latest_version(),
        });
    }
    // The page count in the header counts only when it was written with the change counter.
    let pages = u64::from(u32_at(28));
    let short = !len.is_multiple_of(page_size)
        || (pages > 0 && u32_at(24) == u32_at(92) && len < pages * page_size);
    if short && !wal {
        return Err(damaged(format!(
            "it is {len} bytes long, but its header describes {} bytes: truncated",
            pages * page_size
        )));
    }
    Ok(Found::Store {
        version: user_version,
        check_deeply: short,
    })
}

/// Page 1 is a leaf of the schema table with no cell: no table, index or trigger.
fn empty_schema(head: &[u8]) -> bool {
    head[100] == 0x0d && u16::from_be_bytes([head[103], head[104]]) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A header as SQLite writes it, with the given owner, version and page count.
    fn header(app: i32, version: i32, pages: u32, cells: u16) -> Vec<u8> {
        let mut h = vec![0u8; READ];
        h[..16].copy_from_slice(SQLITE_MAGIC);
        h[16..18].copy_from_slice(&4096u16.to_be_bytes());
        h[24..28].copy_from_slice(&7u32.to_be_bytes());
        h[28..32].copy_from_slice(&pages.to_be_bytes());
        h[60..64].copy_from_slice(&version.to_be_bytes());
        h[68..72].copy_from_slice(&app.to_be_bytes());
        h[92..96].copy_from_slice(&7u32.to_be_bytes());
        h[100] = 0x0d;
        h[103..105].copy_from_slice(&cells.to_be_bytes());
        h
    }

    fn judged(h: &[u8], len: u64, wal: bool) -> Result<Found, StoreError> {
        judge(Path::new("/d/s.sqlite3"), h, len, wal)
    }

    const OURS: i32 = APPLICATION_ID as i32;

    #[test]
    fn only_factdeck_s_application_id_or_a_blank_database_is_accepted() {
        assert_eq!(
            judged(&header(OURS, 2, 3, 5), 3 * 4096, false).unwrap(),
            Found::Store {
                version: 2,
                check_deeply: false
            }
        );
        assert_eq!(
            judged(&header(0, 0, 1, 0), 4096, false).unwrap(),
            Found::Blank
        );
        for (app, version, cells) in [(0, 1, 0), (0, 2, 4), (0, 0, 1), (0x1234, 0, 0)] {
            let err = judged(&header(app, version, 1, cells), 4096, false).unwrap_err();
            assert!(
                matches!(err, StoreError::Foreign { .. }),
                "{app} {version}: {err}"
            );
        }
    }

    #[test]
    fn a_newer_schema_is_refused_from_the_header() {
        let err = judged(&header(OURS, 99, 1, 0), 4096, false).unwrap_err();
        assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
    }

    #[test]
    fn a_truncated_file_is_damaged_unless_a_wal_may_explain_it() {
        let h = header(OURS, 2, 10, 3);
        for len in [5 * 4096, 10 * 4096 - 1] {
            let err = judged(&h, len, false).unwrap_err();
            assert!(err.to_string().contains("truncated"), "{err}");
        }
        assert_eq!(
            judged(&h, 5 * 4096, true).unwrap(),
            Found::Store {
                version: 2,
                check_deeply: true
            }
        );
        let err = judged(&h[..60], 60, false).unwrap_err();
        assert!(
            err.to_string().contains("shorter than an SQLite header"),
            "{err}"
        );
        let err = judged(&h[..10], 10, false).unwrap_err();
        assert!(matches!(err, StoreError::NotSqlite { .. }), "{err}");
    }
}
