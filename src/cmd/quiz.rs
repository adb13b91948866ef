//! `factdeck quiz [DECK...]`: the interactive quiz.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use crate::cache::{DeckCache, Needs, open_generator};
use crate::cli::{FocusArg, QuizArgs, QuizModeArg};
use crate::clock::Clock;
use crate::deck::Library;
use crate::deck::library::DEFAULT_DECK;
use crate::frontend::{self, interrupt};
use crate::paths::{self, DataDir};
use crate::question::{Selection, Settings, random_seed, rng_from_seed};
use crate::quiz::focus::{Focus, Focused};
use crate::quiz::summary::{self, Earlier};
use crate::quiz::{Pool, PoolDeck, Quiz, QuizMode, SharedProgress};
use crate::session::{Ending, SessionError};
use crate::srs::Scheduler;
use crate::store::{
    Filter, Mode, NewSession, ScoreHistory, SessionEnd, SessionId, SessionStatus, Store,
};
use crate::{exit, term};
use anyhow::{Context, Result, anyhow};

pub fn run(args: QuizArgs, data_dir: Option<PathBuf>) -> Result<u8> {
    let data = DataDir::resolve(data_dir)?;
    let clock = Clock::from_env()?;
    let settings = Settings::new(usize::from(args.questions.options))?;
    let mut pool = open_pool(&args, &data, settings)?;
    let seed = args.questions.seed.unwrap_or_else(random_seed);
    let mut rng = rng_from_seed(seed);
    let count = usize::try_from(args.questions.count).unwrap_or(usize::MAX);
    let (mode, stored_mode) = match args.mode {
        QuizModeArg::Practice => (QuizMode::Practice, Mode::Practice),
        QuizModeArg::Exam => (QuizMode::Exam, Mode::Exam),
    };

    let scheduler = Scheduler::local(args.retention);
    let mut store = Store::open(data.store())?;
    let focus = match args.focus {
        FocusArg::All => Focus::All,
        FocusArg::Due => Focus::Due,
        FocusArg::Weak => Focus::Weak,
        FocusArg::New => Focus::New,
    };
    let count = match focus.apply(&mut pool, &mut store, &scheduler, clock.now(), &mut rng)? {
        Focused::Asks(available) => count.min(available),
        Focused::Nothing(message) => {
            println!("{message}");
            exit::leave_to_os(pool);
            return Ok(exit::OK);
        }
    };
    let session = NewSession {
        deck_id: pool.session_deck_id(),
        deck_hash: pool.session_hash(),
        mode: stored_mode,
        seed,
        started_at: clock.now(),
    };
    let progress = SharedProgress::default();
    arm_interrupt(&data, clock, &progress);

    let started = Instant::now();
    let mut frontend = frontend::for_this_process(args.plain);
    let mut quiz = Quiz {
        pool: &mut pool,
        store: &mut store,
        session,
        mode,
        count,
        clock,
        scheduler: &scheduler,
        progress: progress.clone(),
    };
    let ending = quiz.run(frontend.as_mut(), &mut rng);
    let ending = match ending {
        Ok(Ending::Interrupted) => {
            // Ctrl-C inside a prompt: the same farewell the signal handler would give.
            interrupt::restore_terminal();
            interrupt::run_farewell();
            return Ok(interrupt::exit_code());
        }
        Ok(ending) => ending,
        Err(e) => {
            interrupt::disarm();
            if let Err(unfinished) = finish(&mut store, clock, &progress, true) {
                eprintln!(
                    "factdeck: warning: the session could not be marked as stopped ({}); \
                     history will show it as never finished",
                    term::visible(&format!("{unfinished:#}"))
                );
            }
            let saved = progress.snapshot().total();
            return Err(match e {
                // Says itself what was and was not saved.
                SessionError::AnswerNotSaved { .. } => {
                    anyhow::Error::new(e).context("the quiz stopped")
                }
                e => anyhow::Error::new(e).context(format!(
                    "the quiz stopped; {} of this session saved",
                    crate::words::counted(usize::try_from(saved).unwrap_or(usize::MAX), "answer")
                )),
            });
        }
    };
    interrupt::disarm();
    finish(&mut store, clock, &progress, ending != Ending::Completed)?;
    let earlier = earlier_results(
        &store,
        &pool.session_deck_id(),
        stored_mode,
        progress.session(),
    )?;
    let text = summary::render(&progress.snapshot(), started.elapsed(), ending, earlier);
    frontend.show(&text).context("printing the summary")?;
    exit::leave_to_os(pool);
    Ok(exit::OK)
}

/// Opens every deck named (or the bundled one) and keeps the facts the filters select.
fn open_pool(args: &QuizArgs, data: &DataDir, settings: Settings) -> Result<Pool> {
    let library = Library::new(data.decks(), term::stderr_color());
    let names = if args.decks.is_empty() {
        vec![DEFAULT_DECK.to_owned()]
    } else {
        args.decks.clone()
    };
    let cache = paths::cache_dir(Some(data)).and_then(DeckCache::for_this_binary);
    let mut decks = Vec::with_capacity(names.len());
    for name in &names {
        let needs = Needs {
            settings,
            unaskable: true,
            spoilers: true,
        };
        let deck = open_generator(&library, cache.as_ref(), name, needs)?;
        if decks.iter().any(|d: &PoolDeck| d.id == deck.id()) {
            continue;
        }
        let id = deck.id().to_owned();
        super::shared::warn_unaskable(deck.generator.deck(), &deck.unaskable);
        decks.push(PoolDeck {
            id,
            hash: deck.store_hash,
            generator: deck.generator,
        });
    }
    let selection = Selection {
        kinds: args.questions.kinds.clone(),
        tags: args.questions.tags.clone(),
    };
    Pool::new(decks, &selection).ok_or_else(|| {
        anyhow!("no fact matches --kinds and --tags in {}; `factdeck generate --all` shows what there is", names.join(", "))
    })
}

/// On Ctrl-C outside a prompt (plain mode, or between prompts), SIGTERM or SIGHUP: mark the
/// session interrupted, print a short summary, exit 130, 143 or 129. Every answer is
/// already committed; one being committed right now is waited for.
fn arm_interrupt(data: &DataDir, clock: Clock, progress: &SharedProgress) {
    if let Err(e) = interrupt::install() {
        eprintln!(
            "factdeck: warning: cannot catch Ctrl-C ({e}); answers are still saved as you go"
        );
    }
    let store_path = data.store();
    let progress = progress.clone();
    interrupt::arm(move || {
        let _recorded = progress.recording();
        if progress.session().is_some()
            && let Ok(mut store) = Store::reopen(&store_path)
        {
            let _ = finish(&mut store, clock, &progress, true);
        }
        // The terminal may be gone (SIGHUP): a failed write is no reason to stop.
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            frontend::wrap::for_stderr(&summary::short(&progress.snapshot()))
        );
    });
}

/// Records how the session ended; a quiz with no answer has no session to finish.
fn finish(
    store: &mut Store,
    clock: Clock,
    progress: &SharedProgress,
    interrupted: bool,
) -> Result<()> {
    let Some(session) = progress.session() else {
        return Ok(());
    };
    store.finish_session(
        session,
        &SessionEnd {
            ended_at: clock.now(),
            interrupted,
        },
    )?;
    Ok(())
}

/// The previous finished session and the best completed one on the same deck in the same
/// mode (a review's recall is no yardstick for an exam), other than this one.
fn earlier_results(
    store: &Store,
    deck_id: &str,
    mode: Mode,
    current: Option<SessionId>,
) -> Result<Earlier> {
    let filter = Filter {
        deck: Some(deck_id.to_owned()),
        since: None,
    };
    let sessions = store.sessions(&filter, None)?;
    let alike: Vec<_> = sessions
        .iter()
        // Finished ones only: another quiz still running in a second terminal is no yardstick.
        .filter(|s| Some(s.id) != current && s.ended_at.is_some() && s.mode == mode)
        .collect();
    Ok(Earlier {
        previous: alike.first().and_then(|s| s.percent()),
        // A best is a whole quiz: 2/2 before Ctrl-C is not a best.
        best: alike
            .iter()
            .filter(|s| s.status() == SessionStatus::Completed)
            .filter_map(|s| s.percent())
            .reduce(f64::max),
    })
}
