//! The password for the hub, found as libpq finds it: `PGPASSWORD`, else the password file
//! (`PGPASSFILE`, else `~/.pgpass`). factdeck never stores or prints it.
//!
//! The file has lines `host:port:database:user:password`; `*` matches anything, `\:` and
//! `\\` escape, `#` starts a comment, and the first matching line wins. As libpq does, a file
//! that others may read is ignored.

use std::path::PathBuf;

/// Where a connection goes, as the password file matches it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target<'a> {
    /// A host name, or a Unix socket directory.
    pub host: &'a str,
    pub unix_socket: bool,
    pub port: u16,
    pub database: &'a str,
    pub user: &'a str,
}

/// The password, or why none was found (said when the server asks for one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    Found(String),
    /// Nothing matched; the note says where factdeck looked.
    Missing(String),
}

/// `PGPASSWORD`, else the password file's first matching line.
pub fn lookup(target: &Target<'_>) -> Lookup {
    if let Some(password) = std::env::var_os("PGPASSWORD").and_then(|p| p.into_string().ok()) {
        return Lookup::Found(password);
    }
    let Some(path) = password_file() else {
        return Lookup::Missing(String::new());
    };
    let shown = path.display().to_string();
    match std::fs::metadata(&path) {
        Err(_) => Lookup::Missing(format!(" (there is no {shown})")),
        Ok(meta) if readable_by_others(&meta) => Lookup::Missing(format!(
            " ({shown} was ignored: others may read it; run chmod 600 {shown})"
        )),
        Ok(_) => match std::fs::read_to_string(&path) {
            Ok(text) => match find(&text, target) {
                Some(password) => Lookup::Found(password),
                None => Lookup::Missing(format!(" (no line of {shown} matches)")),
            },
            Err(_) => Lookup::Missing(format!(" ({shown} cannot be read)")),
        },
    }
}

fn password_file() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("PGPASSFILE").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(|home| PathBuf::from(home).join(".pgpass"))
}

#[cfg(unix)]
fn readable_by_others(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o077 != 0
}

#[cfg(not(unix))]
fn readable_by_others(_: &std::fs::Metadata) -> bool {
    false
}

/// The password of the first line matching `target`.
pub fn find(text: &str, target: &Target<'_>) -> Option<String> {
    let port = target.port.to_string();
    text.lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .filter_map(fields)
        .find(|f| {
            let host_matches = matches(&f[0], target.host)
                || (target.unix_socket && is_default_socket(target.host) && f[0] == "localhost");
            host_matches
                && matches(&f[1], &port)
                && matches(&f[2], target.database)
                && matches(&f[3], target.user)
        })
        .map(|mut f| f.swap_remove(4))
}

fn matches(pattern: &str, value: &str) -> bool {
    pattern == "*" || pattern == value
}

/// libpq's own socket directories, for which the file's `localhost` lines apply.
fn is_default_socket(dir: &str) -> bool {
    matches!(dir, "/var/run/postgresql" | "/run/postgresql" | "/tmp")
}

/// The five fields of a line, unescaped; `None` for a line without five.
fn fields(line: &str) -> Option<Vec<String>> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => fields.last_mut()?.push(chars.next().unwrap_or('\\')),
            ':' if fields.len() < 5 => fields.push(String::new()),
            _ => fields.last_mut()?.push(c),
        }
    }
    (fields.len() == 5).then_some(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target<'a>(host: &'a str, user: &'a str) -> Target<'a> {
        Target {
            host,
            unix_socket: host.starts_with('/'),
            port: 5432,
            database: "class",
            user,
        }
    }

    #[test]
    fn the_first_matching_line_wins_and_stars_match_anything() {
        let file = "# comment\nother:5432:class:ana:no\nhub.example:*:class:ana:first\n\
                    *:*:*:ana:second\n";
        assert_eq!(
            find(file, &target("hub.example", "ana")).as_deref(),
            Some("first")
        );
        assert_eq!(
            find(file, &target("elsewhere", "ana")).as_deref(),
            Some("second")
        );
        assert_eq!(find(file, &target("hub.example", "bo")), None);
    }

    #[test]
    fn escaped_colons_and_backslashes_are_part_of_a_field() {
        let file = "h:5432:class:ana:pa\\:ss\\\\word\n";
        assert_eq!(
            find(file, &target("h", "ana")).as_deref(),
            Some("pa:ss\\word")
        );
        assert_eq!(find("h:5432:class:ana\n", &target("h", "ana")), None);
    }

    #[test]
    fn a_socket_directory_matches_its_path_or_localhost_for_the_default_one() {
        let file = "/tmp/sock:5432:class:ana:by-path\nlocalhost:5432:class:bo:local\n";
        assert_eq!(
            find(file, &target("/tmp/sock", "ana")).as_deref(),
            Some("by-path")
        );
        assert_eq!(
            find(file, &target("/var/run/postgresql", "bo")).as_deref(),
            Some("local")
        );
        assert_eq!(find(file, &target("/tmp/sock", "bo")), None);
    }
}
