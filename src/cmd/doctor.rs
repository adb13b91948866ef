//! `factdeck doctor`: checks the score store through and through and says what it found and
//! what to do. Exit 0 when there is nothing to do, 1 otherwise.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::exit;
use crate::history::format::count;
use crate::paths::DataDir;
use crate::store::doctor::{Finding, Health, examine};
use crate::store::schema_version;
use crate::term::visible_path;
use crate::words::plural_s;

pub fn run(data_dir: Option<PathBuf>) -> Result<u8> {
    let path = DataDir::resolve(data_dir)?.store();
    let shown = visible_path(&path);
    let (text, code) = match examine(&path) {
        Finding::NoStore => (
            format!(
                "Score store: {shown}\nNo store yet: the first answer of a quiz creates it. \
                 Nothing to do.\n"
            ),
            exit::OK,
        ),
        Finding::Healthy(health) => (healthy(&shown, &health), exit::OK),
        // The error says what it found and what to do; `main` prints it with the exit code.
        Finding::Refused(e) => return Err(e.into()),
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .context("writing the report")?;
    Ok(code)
}

fn healthy(shown: &str, h: &Health) -> String {
    let counted = |n: i64, noun: &str| {
        let n = u64::try_from(n).unwrap_or(0);
        format!(
            "{} {noun}{}",
            count(n),
            plural_s(usize::try_from(n).unwrap_or(usize::MAX))
        )
    };
    let mut text = format!(
        "Score store: {shown}\n  {} bytes, schema version {}\n  {}, {}\n  \
         integrity: ok (SQLite's integrity check and foreign keys)\n",
        count(h.bytes),
        h.version,
        counted(h.sessions, "session"),
        counted(h.answers, "answer"),
    );
    if h.unfinished > 0 {
        text.push_str(&format!(
            "  {} never finished (killed, or running in another terminal); their answers are \
             kept and `history` marks them with !\n",
            crate::words::counted(usize::try_from(h.unfinished).unwrap_or(0), "session")
        ));
    }
    if h.upgrade_pending() {
        text.push_str(&format!(
            "  the next quiz or review upgrades it to schema version {}\n",
            schema_version()
        ));
    }
    text.push_str("All is well: nothing to do.\n");
    text
}
