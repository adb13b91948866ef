//! `factdeck schema`: the deck format's JSON Schema on stdout, for editors
//! (`factdeck schema > deck.schema.json`).

use std::io::Write;

use anyhow::{Context, Result};

use crate::deck::schema;
use crate::exit;

pub fn run() -> Result<u8> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(schema::SCHEMA.as_bytes())
        .and_then(|()| stdout.flush())
        .context("writing the schema")?;
    Ok(exit::OK)
}
