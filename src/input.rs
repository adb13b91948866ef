//! Reading the files a user names (decks, source texts, documents to draft from, files to
//! import): regular files only, and no more than [`MAX_BYTES`].
//!
//! A FIFO would block the read forever and a device such as `/dev/zero` would fill memory;
//! both are refused before they are opened, by what they are. No real deck or document
//! comes near the limit: a deck of 300,000 facts is about 60 MB.

use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::Path;

/// The most a deck, source text, document or import file may hold.
pub const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// The bytes of a regular file of at most [`MAX_BYTES`].
pub fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    // Looked at before opening: opening a FIFO for reading blocks until a writer comes.
    refuse_special(&std::fs::metadata(path)?)?;
    let file = File::open(path)?;
    let meta = file.metadata()?;
    refuse_special(&meta)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

/// A regular file of at most [`MAX_BYTES`], opened for reading in pieces (the deck cache
/// hashes a file this way without holding it).
pub fn open_regular(path: &Path) -> io::Result<File> {
    refuse_special(&std::fs::metadata(path)?)?;
    let file = File::open(path)?;
    refuse_special(&file.metadata()?)?;
    Ok(file)
}

/// As [`read_regular`], as UTF-8 text.
pub fn read_regular_to_string(path: &Path) -> io::Result<String> {
    String::from_utf8(read_regular(path)?).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            "it is not UTF-8 text; save it as UTF-8",
        )
    })
}

fn refuse_special(meta: &Metadata) -> io::Result<()> {
    if meta.is_file() {
        return match meta.len() > MAX_BYTES {
            true => Err(too_large()),
            false => Ok(()),
        };
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "it is {}, not a regular file; factdeck reads only regular files",
            kind_of(meta)
        ),
    ))
}

fn too_large() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "it is larger than {} MiB, more than any deck or document factdeck reads",
            MAX_BYTES / (1024 * 1024)
        ),
    )
}

#[cfg(unix)]
fn kind_of(meta: &Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    match () {
        () if t.is_dir() => "a directory",
        () if t.is_fifo() => "a named pipe (FIFO)",
        () if t.is_char_device() => "a character device",
        () if t.is_block_device() => "a block device",
        () if t.is_socket() => "a socket",
        () => "a special file",
    }
}

#[cfg(not(unix))]
fn kind_of(meta: &Metadata) -> &'static str {
    if meta.is_dir() {
        "a directory"
    } else {
        "a special file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_files_are_read_and_others_refused_by_what_they_are() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("deck.toml");
        std::fs::write(&file, "text").unwrap();
        assert_eq!(read_regular_to_string(&file).unwrap(), "text");
        let err = read_regular(dir.path()).unwrap_err();
        assert!(err.to_string().contains("a directory"), "{err}");
        #[cfg(unix)]
        {
            let err = read_regular(Path::new("/dev/zero")).unwrap_err();
            assert!(err.to_string().contains("a character device"), "{err}");
        }
        std::fs::write(&file, [0xff, 0xfe]).unwrap();
        let err = read_regular_to_string(&file).unwrap_err();
        assert!(err.to_string().contains("not UTF-8"), "{err}");
    }

    #[test]
    fn a_file_beyond_the_limit_is_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("huge.toml");
        let f = File::create(&file).unwrap();
        f.set_len(MAX_BYTES + 1).unwrap(); // sparse: no disk used
        let err = read_regular(&file).unwrap_err();
        assert!(err.to_string().contains("larger than 256 MiB"), "{err}");
    }
}
