//! Who is studying: the learner's name, which is also their role on the hub.
//!
//! From `--learner NAME`, else `FACTDECK_LEARNER` (clap reads both), else `learner` in
//! `<data dir>/config.toml`, else the login name.

use std::fmt;

use crate::config::Config;

/// Environment variable for the learner's name.
pub const LEARNER_VAR: &str = "FACTDECK_LEARNER";

/// A learner's name, usable as a PostgreSQL role name without surprises: 1 to 63 of
/// `a-z 0-9 _ . -`, starting with a letter, digit or `_`, and not a name PostgreSQL or the
/// hub reserve (`pg_…`, `factdeck_…`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Learner(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LearnerError {
    #[error(
        "`{0}` cannot be a learner's name: use 1 to 63 lower-case letters, digits, `_`, `.` or \
         `-`, starting with a letter, digit or `_` (and not `pg_…` or `factdeck_…`)"
    )]
    Invalid(String),
    #[error(
        "no learner's name: pass --learner NAME, set {LEARNER_VAR}, or put learner = \"NAME\" \
         in the data directory's config.toml"
    )]
    Unknown,
}

impl Learner {
    pub fn parse(name: &str) -> Result<Learner, LearnerError> {
        let invalid = || LearnerError::Invalid(name.to_owned());
        let first = name.chars().next().ok_or_else(invalid)?;
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || "_.-".contains(c);
        let reserved = name.starts_with("pg_") || name.starts_with("factdeck_");
        if name.len() > 63
            || !name.chars().all(allowed)
            || !(first.is_ascii_alphanumeric() || first == '_')
            || reserved
        {
            return Err(invalid());
        }
        Ok(Learner(name.to_owned()))
    }

    /// The flag (or `FACTDECK_LEARNER`), else the config file, else the login name.
    pub fn resolve(flag: Option<&str>, config: &Config) -> Result<Learner, LearnerError> {
        match flag.or(config.learner.as_deref()) {
            Some(name) => Learner::parse(name.trim()),
            None => login_name()
                .ok_or(LearnerError::Unknown)
                .and_then(|name| Learner::parse(&name)),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Learner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The login name, as the environment gives it (as libpq's default user does).
pub fn login_name() -> Option<String> {
    ["USER", "LOGNAME", "USERNAME"]
        .into_iter()
        .filter_map(|var| std::env::var(var).ok())
        .map(|name| name.trim().to_owned())
        .find(|name| !name.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_make_plain_role_names_are_accepted() {
        for good in ["ana", "ana.kim", "b-2", "_x", "9lives"] {
            assert_eq!(Learner::parse(good).unwrap().as_str(), good);
        }
        for bad in [
            "",
            "Ana",
            "a b",
            "a\"b",
            "pg_x",
            "factdeck_teacher",
            "-a",
            &"a".repeat(64),
        ] {
            assert!(Learner::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_flag_wins_over_the_config_file() {
        let config = Config {
            learner: Some("from-file".into()),
            hub: None,
        };
        assert_eq!(
            Learner::resolve(Some("flag"), &config).unwrap().as_str(),
            "flag"
        );
        assert_eq!(
            Learner::resolve(None, &config).unwrap().as_str(),
            "from-file"
        );
    }
}
