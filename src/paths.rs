//! Where factdeck keeps its data: the score store and the user's own decks.

use std::path::PathBuf;

/// Environment variable that overrides the platform data directory.
pub const HOME_VAR: &str = "FACTDECK_HOME";

/// Environment variable that overrides where compiled decks are cached.
pub const CACHE_VAR: &str = "FACTDECK_CACHE_DIR";

/// The data directory and the files in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

/// No usable data directory.
#[derive(Debug, thiserror::Error)]
pub enum NoDataDir {
    #[error("cannot find a data directory for factdeck: set {HOME_VAR} or pass --data-dir DIR")]
    NotFound,
    #[error(
        "the data directory {} is a file, not a directory: point {HOME_VAR} or --data-dir at a directory",
        .0.display()
    )]
    NotADirectory(PathBuf),
}

impl DataDir {
    /// `--data-dir` if given, else `$FACTDECK_HOME`, else the platform's data directory
    /// (`$XDG_DATA_HOME/factdeck` on Linux).
    pub fn resolve(flag: Option<PathBuf>) -> Result<Self, NoDataDir> {
        let from_env = std::env::var_os(HOME_VAR)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from);
        let platform = || {
            directories::ProjectDirs::from("", "", "factdeck").map(|p| p.data_dir().to_path_buf())
        };
        let root = flag
            .or(from_env)
            .or_else(platform)
            .ok_or(NoDataDir::NotFound)?;
        // It need not exist yet (the first quiz creates it), but it must not be a file.
        if root.exists() && !root.is_dir() {
            return Err(NoDataDir::NotADirectory(root));
        }
        Ok(DataDir { root })
    }

    pub fn new(root: PathBuf) -> Self {
        DataDir { root }
    }

    pub fn root(&self) -> &std::path::Path {
        &self.root
    }

    /// `<data dir>/factdeck.sqlite3`
    pub fn store(&self) -> PathBuf {
        self.root.join("factdeck.sqlite3")
    }

    /// `<data dir>/decks`, where `factdeck decks` looks for the user's own decks.
    pub fn decks(&self) -> PathBuf {
        self.root.join("decks")
    }
}

/// Where compiled decks are cached: `$FACTDECK_CACHE_DIR`; else `<data dir>/cache` when the
/// data directory was chosen (`--data-dir`, `$FACTDECK_HOME`), so that a test or a portable
/// setup keeps everything in one place; else the platform's cache directory
/// (`$XDG_CACHE_HOME/factdeck` on Linux). `None` when there is none.
pub fn cache_dir(data: Option<&DataDir>) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CACHE_VAR).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let project = directories::ProjectDirs::from("", "", "factdeck");
    match (data, &project) {
        (Some(data), Some(p)) if data.root() == p.data_dir() => Some(p.cache_dir().to_path_buf()),
        (Some(data), _) => Some(data.root().join("cache")),
        (None, _) => project.map(|p| p.cache_dir().to_path_buf()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_not_a_data_directory() {
        let file = tempfile::NamedTempFile::new().unwrap();
        let err = DataDir::resolve(Some(file.path().to_path_buf())).unwrap_err();
        assert!(
            err.to_string().contains("is a file, not a directory"),
            "{err}"
        );
    }

    #[test]
    fn the_flag_wins() {
        let d = DataDir::resolve(Some(PathBuf::from("/x"))).unwrap();
        assert_eq!(d.store(), PathBuf::from("/x/factdeck.sqlite3"));
        assert_eq!(d.decks(), PathBuf::from("/x/decks"));
    }
}
