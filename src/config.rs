//! `<data dir>/config.toml`: the settings a person would otherwise repeat on every command
//! line, the learner's name and the hub. Flags and environment variables win over it.
//!
//! ```toml
//! learner = "ana"
//! hub = "postgresql://hub.example.org/factdeck?sslmode=require"
//! ```
//!
//! A password never belongs here: it comes from `PGPASSWORD` or `~/.pgpass` (see `hub`).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::paths::DataDir;

/// The file's settings; each is `None` when the file does not set it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The learner's name: the hub role this device syncs as.
    pub learner: Option<String>,
    /// The hub's PostgreSQL URL.
    pub hub: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {}: check its permissions", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{} is not a valid factdeck config file (its keys are `learner` and `hub`); fix it or move it away:\n{source}",
        path.display()
    )]
    Parse {
        path: PathBuf,
        #[source]
        source: toml::de::Error,
    },
}

impl Config {
    /// `<data dir>/config.toml`
    pub fn path(dir: &DataDir) -> PathBuf {
        dir.root().join("config.toml")
    }

    /// Reads the data directory's config file; no file means no settings.
    pub fn load(dir: &DataDir) -> Result<Config, ConfigError> {
        Config::load_from(&Config::path(dir))
    }

    fn load_from(path: &Path) -> Result<Config, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(source) => {
                return Err(ConfigError::Read {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        toml::from_str(&text).map_err(|source| ConfigError::Parse {
            path: path.to_path_buf(),
            source,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_sets_nothing_and_a_present_one_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::new(dir.path().to_path_buf());
        assert_eq!(Config::load(&data).unwrap(), Config::default());
        std::fs::write(
            Config::path(&data),
            "learner = \"ana\"\nhub = \"postgresql://h/db\"\n",
        )
        .unwrap();
        let config = Config::load(&data).unwrap();
        assert_eq!(config.learner.as_deref(), Some("ana"));
        assert_eq!(config.hub.as_deref(), Some("postgresql://h/db"));
    }

    #[test]
    fn a_mistyped_key_is_reported_with_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::new(dir.path().to_path_buf());
        std::fs::write(Config::path(&data), "lerner = \"ana\"\n").unwrap();
        let text = Config::load(&data).unwrap_err().to_string();
        assert!(text.contains("config.toml"), "{text}");
        assert!(text.contains("lerner"), "{text}");
        assert!(text.contains("line 1"), "{text}");
    }
}
