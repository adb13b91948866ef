//! `factdeck quiz [DECK...]`: the interactive quiz.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result, anyhow};
use sha2::{Digest, Sha256};

use crate::cli::{FocusArg, QuizArgs, QuizModeArg};
use crate::clock::Clock;
use crate::deck::Library;
use crate::deck::library::DEFAULT_DECK;
use crate::frontend::{self, interrupt};
use crate::paths::DataDir;
use crate::question::{Generator, Selection, Settings, random_seed, rng_from_seed, unaskable};
use crate::quiz::focus::{Focus, Focused};
use crate::quiz::summary::{self, Earlier};
use crate::quiz::{Ending, Pool, PoolDeck, Quiz, QuizMode, SharedProgress};
use crate::srs::Scheduler;
use crate::store::{Filter, Mode, NewSession, SessionEnd, SessionId, Store};
use crate::{exit, term};

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
            return Ok(exit::INTERRUPTED);
        }
        Ok(ending) => ending,
        Err(e) => {
            interrupt::disarm();
            let _ = finish(&mut store, clock, &progress, true);
            return Err(e).context("the quiz stopped; every answer given so far is saved");
        }
    };
    interrupt::disarm();
    finish(&mut store, clock, &progress, ending != Ending::Completed)?;
    let earlier = earlier_results(&store, &pool.session_deck_id(), progress.session())?;
    let text = summary::render(&progress.snapshot(), started.elapsed(), ending, earlier);
    frontend.show(&text).context("printing the summary")?;
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
    let mut decks = Vec::with_capacity(names.len());
    for name in &names {
        let file = library.open(name)?;
        if decks
            .iter()
            .any(|d: &PoolDeck| d.id == file.loaded.deck.meta.id)
        {
            continue;
        }
        let generator = Generator::new(file.loaded.deck, settings);
        warn_unaskable(&generator);
        decks.push(PoolDeck {
            id: generator.deck().meta.id.clone(),
            hash: content_hash(&file.text),
            generator,
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

/// Says which facts no question can be made about, rather than leaving them out silently.
pub(super) fn warn_unaskable(generator: &Generator) {
    let deck = generator.deck();
    for u in unaskable(generator) {
        let id = deck.facts.get(u.fact).map_or("", |f| f.id());
        eprintln!(
            "factdeck: warning: `{id}` of deck `{}` is left out: {} (`factdeck check` shows where)",
            deck.meta.id, u.reason
        );
    }
}

/// On Ctrl-C outside a prompt (plain mode, or between prompts): mark the session
/// interrupted, print a short summary, exit 130. Every answer is already committed.
fn arm_interrupt(data: &DataDir, clock: Clock, progress: &SharedProgress) {
    if let Err(e) = interrupt::install() {
        eprintln!(
            "factdeck: warning: cannot catch Ctrl-C ({e}); answers are still saved as you go"
        );
    }
    let store_path = data.store();
    let progress = progress.clone();
    interrupt::arm(move || {
        if progress.session().is_some()
            && let Ok(mut store) = Store::open(&store_path)
        {
            let _ = finish(&mut store, clock, &progress, true);
        }
        eprintln!("{}", summary::short(&progress.snapshot()));
    });
}

/// Records how the session ended; a quiz with no answer has no session to finish.
fn finish(
    store: &mut Store,
    clock: Clock,
    progress: &SharedProgress,
    interrupted: bool,
) -> Result<()> {
    let p = progress.snapshot();
    let Some(session) = p.session else {
        return Ok(());
    };
    store.finish_session(
        session,
        &SessionEnd {
            ended_at: clock.now(),
            interrupted,
            score: p.score,
            total: p.total(),
        },
    )?;
    Ok(())
}

/// The previous and the best finished session on the same deck, other than this one.
fn earlier_results(store: &Store, deck_id: &str, current: Option<SessionId>) -> Result<Earlier> {
    let filter = Filter {
        deck: Some(deck_id.to_owned()),
        since: None,
    };
    let sessions = store.sessions(&filter, None)?;
    let scored: Vec<f64> = sessions
        .iter()
        // Finished ones only: another quiz still running in a second terminal is no yardstick.
        .filter(|s| Some(s.id) != current && s.ended_at.is_some())
        .filter_map(|s| s.percent())
        .collect();
    Ok(Earlier {
        previous: scored.first().copied(),
        best: scored.iter().copied().reduce(f64::max),
    })
}

/// A short hash of the deck's text, so history can tell which version was studied.
pub(super) fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}
