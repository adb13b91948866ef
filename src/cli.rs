//! The command line, declared with clap's derive API. Doc comments are the help text.
//!
//! Nothing outside `cli` and `cmd` sees these types: each command turns its arguments into
//! plain options before calling the core.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

const AFTER_HELP: &str = "\
Exit status: 0 success, 1 error (such as an invalid deck), 2 usage error, 130 interrupted.
Environment: FACTDECK_HOME sets the data directory; FACTDECK_CACHE_DIR where compiled decks
are cached; NO_COLOR turns colour off; FACTDECK_LEARNER and FACTDECK_HUB name the learner
and the hub (also `learner` and `hub` in <data dir>/config.toml); PGPASSWORD or ~/.pgpass
hold the hub's password.

Guides (factdeck help TOPIC, also man pages: factdeck man --dir DIR):
  deck-format        every field of a deck, the questions each kind yields, what check reports
  questions          how questions are made and typed answers graded
  spaced-repetition  review, its schedule (FSRS-6) and how quiz answers move it
  gallery            for each kind of fact, an example and every question it yields
  authoring          new, draft, import and export: writing a deck and taking it elsewhere";

/// Study a document as a deck of facts: quizzes, fair grading, score history.
#[derive(Debug, Parser)]
#[command(name = "factdeck", version, propagate_version = true, after_help = AFTER_HELP)]
pub struct Cli {
    /// Directory for the score store and your own decks [default: $FACTDECK_HOME, else
    /// the platform data directory]
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// The learner's name, also their role on the hub [default: $FACTDECK_LEARNER, else
    /// `learner` in <data dir>/config.toml, else the login name]
    #[arg(
        long,
        global = true,
        value_name = "NAME",
        env = "FACTDECK_LEARNER",
        hide_env = true
    )]
    pub learner: Option<String>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Take a quiz: questions from one or more decks, graded and saved as you go
    Quiz(QuizArgs),
    /// Flashcards, each fact just before you would forget it (spaced repetition, FSRS-6)
    ///
    /// Cards whose due time has passed, most overdue first, then up to --new facts you have
    /// never seen. Each card shows a question; press Enter for the answer, then rate your
    /// recall: 1 again, 2 hard, 3 good, 4 easy (each key shows when the card would come
    /// back); u takes the last rating back. A card rated again comes back later in the
    /// session. Quiz answers move the same schedule.
    Review(ReviewArgs),
    /// Validate deck files and report every problem
    Check(CheckArgs),
    /// Write a commented starter deck
    New(NewArgs),
    /// List the bundled decks and your own; add or remove one of yours
    Decks(DecksArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Print the man page, or write one per command into a directory
    Man(ManArgs),
    /// Past sessions, each mode apart, accuracy by kind and form, weakest facts, streak, cards
    /// due, recall
    ///
    /// Reads the score store, factdeck.sqlite3 in the data directory ($FACTDECK_HOME/factdeck.sqlite3,
    /// else in the platform data directory; --data-dir overrides both). Never writes to it.
    History(HistoryArgs),
    /// Write your progress as one HTML page of charts, and open it if asked
    ///
    /// Accuracy over time per mode, a calendar of study days, accuracy by kind and form, the
    /// weakest facts, retention (target and true) and the cards due in the next 30 days. The
    /// page is self-contained: it loads nothing from the network. Reads the score store;
    /// never writes to it.
    Report(ReportArgs),
    /// Print generated questions without asking them: a printable quiz, Markdown or JSON
    Generate(GenerateArgs),
    /// Draft a deck from a plain-text document: every date, figure and change it states,
    /// quoted, for you to finish
    Draft(DraftArgs),
    /// Turn question/answer files (Anki or Quizlet exports, CSV, TSV) into a deck of cards
    Import(ImportArgs),
    /// Write a deck as Anki notes, CSV flashcards or JSON
    Export(ExportDeckArgs),
    /// Print the JSON Schema of the deck format, for editor completion and validation
    Schema(SchemaArgs),
    /// Check the score store through and through, say what was found and what to do
    ///
    /// Reads the whole of factdeck.sqlite3 in the data directory (SQLite's integrity check)
    /// without changing it. Quizzes check only the file's header when they start, and the
    /// whole file after a session that did not end cleanly. Exits 1 if anything is wrong.
    Doctor(DoctorArgs),
    /// Merge this device's history with the hub: send what is new here, receive what the
    /// learner's other devices sent, and replay the spaced-repetition memory
    ///
    /// Quizzes never wait for the hub: run sync whenever a network is there. Running it
    /// again sends and receives nothing; a sync cut short is completed by the next.
    Sync(SyncArgs),
    /// Set up a hub: a PostgreSQL database shared by a class or by one learner's devices
    Hub(HubArgs),
    /// Reports over a class on a hub (a teacher's role)
    Class(ClassArgs),
}

/// The hub's URL, from the flag, FACTDECK_HUB or `hub` in <data dir>/config.toml.
#[derive(Debug, Args)]
pub struct HubUrlArg {
    /// The hub, in libpq's URL form: postgresql://[user@]host[:port]/database[?sslmode=require]
    /// [default: $FACTDECK_HUB, else `hub` in <data dir>/config.toml]. Never with a password:
    /// that comes from PGPASSWORD or ~/.pgpass
    #[arg(long, value_name = "URL", env = "FACTDECK_HUB", hide_env_values = true)]
    pub hub: Option<String>,
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    #[command(flatten)]
    pub hub: HubUrlArg,
}

#[derive(Debug, Args)]
pub struct HubArgs {
    #[command(subcommand)]
    pub command: HubCommand,
}

#[derive(Debug, Subcommand)]
pub enum HubCommand {
    /// Create or upgrade the hub's schema, with a login role per learner and per teacher
    ///
    /// Run it as the database's owner with the right to create roles (a superuser, say). It
    /// can be run again: it upgrades the schema and adds the roles named. Set each role's
    /// password yourself (psql's \password NAME); factdeck never handles one.
    Init(HubInitArgs),
}

#[derive(Debug, Args)]
pub struct HubInitArgs {
    #[command(flatten)]
    pub hub: HubUrlArg,
    /// Learners to create roles for (each reads and writes only their own rows)
    #[arg(long, value_name = "NAME,...", value_delimiter = ',')]
    pub learners: Vec<String>,
    /// Teachers to create roles for (each reads the whole class)
    #[arg(long, value_name = "NAME,...", value_delimiter = ',')]
    pub teachers: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ClassArgs {
    #[command(subcommand)]
    pub command: ClassCommand,
}

#[derive(Debug, Subcommand)]
pub enum ClassCommand {
    /// Per learner: sessions, answers, accuracy, facts due, last studied; per item (a fact in
    /// one question form): facility and discrimination indexes, wrong options chosen, flags
    Report(ClassReportArgs),
}

#[derive(Debug, Args)]
pub struct ClassReportArgs {
    #[command(flatten)]
    pub hub: HubUrlArg,
    /// Only this deck (its id)
    #[arg(long, value_name = "ID")]
    pub deck: Option<String>,
    /// Only answers from this local date on
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub since: Option<jiff::civil::Date>,
    /// Print JSON for other tools instead of the tables
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV: the learners table, a blank line, then the items table
    #[arg(long)]
    pub csv: bool,
}

#[derive(Debug, Args)]
pub struct QuizArgs {
    /// Bundled or user deck ids, or paths to .toml decks [default: wpk-8th-congress]
    #[arg(value_name = "DECK")]
    pub decks: Vec<String>,
    #[command(flatten)]
    pub questions: QuestionArgs,
    /// practice: feedback after every answer; exam: a review of mistakes at the end
    #[arg(long, value_enum, default_value_t = QuizModeArg::Practice)]
    pub mode: QuizModeArg,
    /// Plain prompts on stdout, one answer per line on stdin (automatic when stdin or
    /// stderr is not a terminal): for scripts and screen readers
    #[arg(long)]
    pub plain: bool,
    /// Which facts to ask: all, due (due now, most overdue first), weak (lowest predicted
    /// recall first) or new (never seen)
    #[arg(long, value_enum, default_value_t = FocusArg::All)]
    pub focus: FocusArg,
    /// Desired retention (0.7 to 0.99) for scheduling the facts answered
    #[arg(long, value_name = "R", default_value = "0.9", value_parser = parse_retention)]
    pub retention: crate::srs::Retention,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FocusArg {
    /// Every selected fact, dealt at random
    All,
    /// Facts due now, most overdue first
    Due,
    /// Facts seen before, lowest predicted recall first
    Weak,
    /// Facts never seen
    New,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// A bundled or user deck id, or a path to a .toml file
    #[arg(value_name = "DECK", default_value = crate::deck::library::DEFAULT_DECK)]
    pub deck: String,
    /// New (never seen) facts per day, counted from local midnight
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub new: u32,
    /// At most this many cards in this session [default: every card due]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: Option<u32>,
    /// Review every fact, due or not, without changing the schedule (ratings still go into
    /// the history)
    #[arg(long)]
    pub cram: bool,
    /// Type (or pick) the answer before seeing it: it is graded as in a quiz, and the
    /// verdict suggests a rating (Enter takes it)
    #[arg(long)]
    pub typed: bool,
    /// Desired retention (0.7 to 0.99): the chance of recall at which a card comes due
    #[arg(long, value_name = "R", default_value = "0.9", value_parser = parse_retention)]
    pub retention: crate::srs::Retention,
    /// Seed for choosing each card's question [default: a random seed]
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// Plain prompts on stdout, one line per answer on stdin (automatic when stdin or stderr
    /// is not a terminal): for scripts and screen readers
    #[arg(long)]
    pub plain: bool,
}

fn parse_retention(text: &str) -> Result<crate::srs::Retention, String> {
    text.parse()
        .map_err(|e: crate::srs::BadRetention| e.to_string())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum QuizModeArg {
    /// Verdict, right answer and explanation after every question
    Practice,
    /// No feedback until the end, then a review of every mistake
    Exam,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Deck files to check
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Verify every quote against this source text [default: each deck's `source.file`]
    #[arg(long, value_name = "FILE")]
    pub source: Option<PathBuf>,
    /// Treat warnings as errors
    #[arg(long)]
    pub strict: bool,
    /// List every warning, even those a deck has once per fact (shown as one line with a
    /// count otherwise)
    #[arg(long, short = 'v')]
    pub verbose: bool,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// Where to write the deck (never overwritten)
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// The deck's title [default: from the file name]
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
}

#[derive(Debug, Args)]
pub struct DecksArgs {
    #[command(subcommand)]
    pub command: Option<DecksCommand>,
}

#[derive(Debug, Subcommand)]
pub enum DecksCommand {
    /// Check a deck and install it into your decks directory, so that its id names it
    ///
    /// The deck is copied as <id>.toml (with the source document it quotes beside it), so
    /// `factdeck quiz <id>` works from any directory. A deck with errors is refused.
    Add(DecksAddArgs),
    /// Take an installed deck out of your decks directory (its score history stays)
    Remove(DecksRemoveArgs),
}

#[derive(Debug, Args)]
pub struct DecksAddArgs {
    /// The deck file to install
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Replace an installed deck with the same id (the history goes by the id and is kept)
    #[arg(long)]
    pub replace: bool,
}

#[derive(Debug, Args)]
pub struct DecksRemoveArgs {
    /// The id of an installed deck, as `factdeck decks` lists it
    #[arg(value_name = "ID")]
    pub id: String,
}

#[derive(Debug, Args)]
pub struct DraftArgs {
    /// The plain-text document to draft from
    #[arg(value_name = "SOURCE")]
    pub source: PathBuf,
    /// Write the draft here (never overwritten) [default: print it]
    #[arg(long, short = 'o', value_name = "DECK.toml")]
    pub out: Option<PathBuf>,
    /// The deck's id: lowercase letters, digits and hyphens [default: from the file name]
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// The deck's title [default: from the file name]
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// The document's language, as a tag such as en, de, fr, ru, ko, ja or zh: how its
    /// dates and numbers are read ("3. Oktober 1990", "83,6"), and the deck's `language`
    /// [default: guessed from the text]
    #[arg(long, value_name = "TAG")]
    pub language: Option<String>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The files to import: one question and answer per row. Several files (Quizlet sets,
    /// say) make one deck, and each file is a topic its cards are grouped by
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Add the reverse of every card: the answer asked, the question to give
    #[arg(long)]
    pub reverse: bool,
    /// How fields are separated [default: Anki's #separator line, else the file extension
    /// (.csv comma; .tsv, .txt tab), else a tab if the first row has one]
    #[arg(long, value_enum)]
    pub format: Option<ImportFormat>,
    /// Write the deck here (never overwritten) [default: print it]
    #[arg(long, short = 'o', value_name = "DECK.toml")]
    pub out: Option<PathBuf>,
    /// The deck's id: lowercase letters, digits and hyphens [default: from the file name]
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// The deck's title [default: Anki's #deck line, else from the file name]
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFormat {
    /// Comma-separated
    Csv,
    /// Tab-separated (Anki's and Quizlet's default)
    Tsv,
}

#[derive(Debug, Args)]
pub struct ExportDeckArgs {
    /// A bundled or user deck id, or a path to a .toml file
    #[arg(value_name = "DECK")]
    pub deck: String,
    /// anki-tsv: Anki notes (File > Import); csv: front, back, explanation, tags; json: the
    /// whole deck
    #[arg(long, value_enum)]
    pub format: DeckExportFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DeckExportFormat {
    /// Anki's plain-text notes, with its header lines: one Basic note per fact
    AnkiTsv,
    /// Comma-separated flashcards with a header row
    Csv,
    /// Every fact with every field, in the deck file's shape
    Json,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {}

#[derive(Debug, Args)]
pub struct DoctorArgs {}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write factdeck.1 and one page per command into DIR instead of printing factdeck.1
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// With --dir: replace pages that are already there (a symlink is replaced, never followed)
    #[arg(long, requires = "dir")]
    pub force: bool,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct HistoryArgs {
    #[command(subcommand)]
    pub command: Option<HistoryCommand>,
    /// Only this deck (its id, as `factdeck decks` shows it)
    #[arg(long, value_name = "ID")]
    pub deck: Option<String>,
    /// Only sessions from this local date on: YYYY-MM-DD, or days back from today such as
    /// 7d, 2w, yesterday, today
    #[arg(long, value_name = "WHEN", value_parser = parse_since)]
    pub since: Option<crate::history::Since>,
    /// How many recent sessions to list [default: 10; all with --json or --csv]
    #[arg(long, value_name = "N", value_parser = parse_limit)]
    pub limit: Option<usize>,
    #[command(flatten)]
    pub export: ExportArgs,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Only this deck: its id, as `factdeck decks` shows it, or a path to its .toml file
    /// [default: every deck]
    #[arg(value_name = "DECK")]
    pub deck: Option<String>,
    /// Only sessions from this local date on: YYYY-MM-DD, or days back from today such as
    /// 7d, 2w, yesterday, today
    #[arg(long, value_name = "WHEN", value_parser = parse_since)]
    pub since: Option<crate::history::Since>,
    /// Where to write the page (an existing factdeck report there is replaced)
    #[arg(
        long,
        short = 'o',
        value_name = "FILE.html",
        default_value = "factdeck-report.html"
    )]
    pub out: PathBuf,
    /// Open the page in the default browser once written
    #[arg(long)]
    pub open: bool,
}

#[derive(Debug, Subcommand)]
pub enum HistoryCommand {
    /// Each question of one session: the answer given, the verdict and the right answer
    Show(ShowArgs),
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The session's ID, as listed by `factdeck history`, or `last` for the latest
    #[arg(value_name = "SESSION", value_parser = parse_session)]
    pub session: crate::history::show::Which,
    #[command(flatten)]
    pub export: ExportArgs,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Print JSON for other tools instead of the table
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV (one row per session, or per answer for `show`) instead of the table
    #[arg(long)]
    pub csv: bool,
}

fn parse_date(text: &str) -> Result<jiff::civil::Date, String> {
    text.parse()
        .map_err(|_| format!("`{text}` is not a date; use YYYY-MM-DD, like 2026-01-31"))
}

fn parse_since(text: &str) -> Result<crate::history::Since, String> {
    text.parse()
        .map_err(|e: crate::history::since::BadSince| e.to_string())
}

fn parse_session(text: &str) -> Result<crate::history::show::Which, String> {
    text.parse()
        .map_err(|e: crate::history::show::BadWhich| e.to_string())
}

/// The command line as parsed for running: like `Cli::command()`, plus the resolved store
/// path in `history --help`. (Completions and man pages use `Cli::command()`, so they do not
/// bake in the path of whoever generated them.)
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    Cli::command().mut_subcommand("history", |history| {
        history.after_help(format!("Score store: {}", resolved_store()))
    })
}

/// Parses the process's arguments with `command()`.
pub fn try_parse() -> Result<Cli, clap::Error> {
    use clap::FromArgMatches;
    Cli::from_arg_matches(&command().try_get_matches()?)
}

/// The store path `--data-dir` (read from the raw arguments: help is printed before they are
/// parsed), `$FACTDECK_HOME` or the platform give.
fn resolved_store() -> String {
    let mut args = std::env::args_os().skip(1);
    let mut flag = None;
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        } else if arg == "--data-dir" {
            flag = args.next().map(PathBuf::from);
        } else if let Some(dir) = arg.to_str().and_then(|a| a.strip_prefix("--data-dir=")) {
            flag = Some(PathBuf::from(dir));
        }
    }
    match crate::paths::DataDir::resolve(flag) {
        Ok(dir) => dir.store().display().to_string(),
        Err(e) => e.to_string(),
    }
}

/// A positive count of sessions: `--limit 0` would list nothing under a table header.
fn parse_limit(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err("must be at least 1".to_owned()),
        Ok(n) => Ok(n),
        Err(e) => Err(e.to_string()),
    }
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// A bundled or user deck id, or a path to a .toml file
    #[arg(value_name = "DECK", default_value = crate::deck::library::DEFAULT_DECK)]
    pub deck: String,
    #[command(flatten)]
    pub questions: QuestionArgs,
    /// Every applicable question form for every selected fact (ignores --count)
    #[arg(long)]
    pub all: bool,
    /// Output format: a printable quiz with an answer key, Markdown, or JSON for scripts
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

/// How questions are chosen and made; shared by `quiz` and `generate`, so that the same
/// flags give the same questions in both.
#[derive(Debug, Args)]
pub struct QuestionArgs {
    /// How many questions
    #[arg(long, short = 'n', value_name = "N", default_value_t = 10,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub count: u32,
    /// Seed for every random choice: the same decks, seed and options give the same
    /// questions [default: a random seed]
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    // The help lists the kinds from `Kind::NAMES`, so it cannot miss a new one.
    #[arg(long, value_name = "KIND,...", value_delimiter = ',', help = kinds_help())]
    pub kinds: Vec<crate::deck::Kind>,
    /// Only facts with at least one of these tags
    #[arg(long, value_name = "T,...", value_delimiter = ',')]
    pub tags: Vec<String>,
    /// Options per multiple-choice question (3 to 6)
    #[arg(long, value_name = "N", default_value_t = 4,
          value_parser = clap::value_parser!(u8).range(3..=6))]
    pub options: u8,
}

/// "Only facts of these kinds: date, figure, …".
fn kinds_help() -> String {
    format!("Only facts of these kinds: {}", crate::deck::Kind::NAMES)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
    Markdown,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
        command().debug_assert();
    }

    #[test]
    fn retention_is_range_checked() {
        let cli = Cli::try_parse_from(["factdeck", "review", "--retention", "0.85"]).unwrap();
        let Command::Review(args) = cli.command else {
            panic!("not review");
        };
        assert_eq!(args.retention.get(), 0.85);
        assert_eq!(args.new, 20);
        for bad in ["0.5", "1.0", "x"] {
            assert!(Cli::try_parse_from(["factdeck", "quiz", "--retention", bad]).is_err());
        }
        let cli = Cli::try_parse_from(["factdeck", "quiz", "--focus", "weak"]).unwrap();
        let Command::Quiz(args) = cli.command else {
            panic!("not quiz");
        };
        assert_eq!((args.focus, args.retention.get()), (FocusArg::Weak, 0.9));
    }

    #[test]
    fn history_flags_parse() {
        let cli = Cli::try_parse_from(["factdeck", "history", "--since", "2026-01-31", "--json"])
            .unwrap();
        let Command::History(args) = cli.command else {
            panic!("not history");
        };
        assert_eq!(
            args.since,
            Some(crate::history::Since::Date(jiff::civil::date(2026, 1, 31)))
        );
        assert!(args.export.json);
        assert!(Cli::try_parse_from(["factdeck", "history", "--json", "--csv"]).is_err());
        assert!(Cli::try_parse_from(["factdeck", "history", "--since", "31/1/2026"]).is_err());
        assert!(Cli::try_parse_from(["factdeck", "history", "--deck", "x", "show", "3"]).is_err());
        let cli = Cli::try_parse_from(["factdeck", "history", "show", "3", "--csv"]).unwrap();
        let Command::History(args) = cli.command else {
            panic!("not history");
        };
        assert!(matches!(
            args.command,
            Some(HistoryCommand::Show(ShowArgs {
                session: crate::history::show::Which::Id(crate::store::SessionId(3)),
                ..
            }))
        ));
    }
}
