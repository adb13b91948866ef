//! `factdeck new PATH [--title TEXT]`: a commented starter deck that passes `check`, with
//! the editor schema beside it.

use anyhow::Result;

use crate::cli::NewArgs;
use crate::deck::template;
use crate::exit;

use super::deck_out;

pub fn run(args: NewArgs) -> Result<u8> {
    let stem = args
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = template::slug(&stem);
    let title = args.title.unwrap_or_else(|| template::title_from(&stem));
    let text = template::starter(&id, &title);
    deck_out::write_new(&args.path, &text)?;
    eprintln!(
        "wrote {} — edit it, then run `factdeck check {}`",
        args.path.display(),
        args.path.display()
    );
    deck_out::schema_beside(&args.path);
    Ok(exit::OK)
}
