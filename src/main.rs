//! The `factdeck` binary: parse arguments, run the library, turn the outcome into an exit code.

use std::process::ExitCode;

use factdeck::exit;

fn main() -> ExitCode {
    // `help deck-format` and the other guides: clap's `help` knows only commands.
    if let Some(topic) = factdeck::cmd::help::requested(std::env::args_os()) {
        return ExitCode::from(factdeck::cmd::help::print(topic));
    }
    let cli = match factdeck::cli::try_parse() {
        Ok(cli) => cli,
        // clap prints help, version and usage errors itself and knows which is which.
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                exit::USAGE
            } else {
                exit::OK
            });
        }
    };
    match factdeck::cmd::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => ExitCode::from(exit::report(&err)),
    }
}
