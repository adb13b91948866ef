//! `factdeck review [DECK]`: flashcards on the spaced-repetition schedule.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::cache::{DeckCache, Needs, open_generator};
use crate::cli::ReviewArgs;
use crate::clock::Clock;
use crate::deck::Library;
use crate::frontend::{self, interrupt};
use crate::paths::{self, DataDir};
use crate::question::{Settings, random_seed, rng_from_seed};
use crate::review::summary::{self, Outlook};
use crate::review::{Review, SharedTally};
use crate::session::lineup::deck_schedule;
use crate::session::{Ending, SessionError};
use crate::srs::{Scheduler, queue};
use crate::store::{Mode, NewSession, SessionEnd, SessionId, Store};
use crate::{exit, term};

pub fn run(args: ReviewArgs, data_dir: Option<PathBuf>) -> Result<u8> {
    let data = DataDir::resolve(data_dir)?;
    let clock = Clock::from_env()?;
    let scheduler = Scheduler::local(args.retention);
    let library = Library::new(data.decks(), term::stderr_color());
    let cache = paths::cache_dir(Some(&data)).and_then(DeckCache::for_this_binary);
    let needs = Needs {
        settings: Settings::default(),
        unaskable: true,
        spoilers: false,
    };
    let deck = open_generator(&library, cache.as_ref(), &args.deck, needs)?;
    let deck_id = deck.id().to_owned();
    let deck_hash = deck.store_hash;
    let generator = deck.generator;
    super::shared::warn_unaskable(generator.deck(), &deck.unaskable);

    let mut store = Store::open(data.store())?;
    let now = clock.now();
    let known = deck_schedule(&mut store, &deck_id, &generator)?;
    let limit = args.limit.map(|n| usize::try_from(n).unwrap_or(usize::MAX));
    let new_limit = usize::try_from(args.new).unwrap_or(usize::MAX);
    let cards = if args.cram {
        queue::cram(&known, limit)
    } else {
        let new_left = new_limit.saturating_sub(queue::introduced_today(&known, &scheduler, now));
        queue::review(&known, now, new_left, limit)
    };
    if cards.is_empty() {
        let unseen = queue::unseen(&known).count();
        let outlook = Outlook::of(&known, now);
        exit::leave_to_os(generator);
        return print(&summary::nothing_due(
            outlook, unseen, new_limit, &scheduler, now,
        ));
    }

    let seed = args.seed.unwrap_or_else(random_seed);
    let session = store.start_session(&NewSession {
        deck_id: deck_id.clone(),
        deck_hash,
        mode: if args.cram { Mode::Cram } else { Mode::Review },
        seed,
        started_at: now,
    })?;
    let tally = SharedTally::default();
    arm_interrupt(&data, session, clock, &tally);

    let mut frontend = frontend::for_this_process(args.plain);
    let mut review = Review {
        generator: &generator,
        deck_id: &deck_id,
        cards: &cards,
        store: &mut store,
        session,
        scheduler: &scheduler,
        cram: args.cram,
        typed: args.typed,
        clock,
        tally: tally.clone(),
    };
    let ending = match review.run(frontend.as_mut(), &mut rng_from_seed(seed)) {
        Ok(Ending::Interrupted) => {
            // Ctrl-C inside a prompt: the same farewell the signal handler would give.
            interrupt::restore_terminal();
            interrupt::run_farewell();
            return Ok(interrupt::exit_code());
        }
        Ok(ending) => ending,
        Err(e) => {
            interrupt::disarm();
            let _ = finish(&mut store, session, clock, true);
            let saved = tally.snapshot().total();
            // A store error here is the rating just given failing to be written.
            let said = match e {
                SessionError::Store(_) => format!(
                    "the review stopped: the rating just given was not saved (saved before \
                     it in this session: {saved})"
                ),
                _ => format!("the review stopped (ratings saved in this session: {saved})"),
            };
            return Err(e).context(said);
        }
    };
    interrupt::disarm();
    finish(&mut store, session, clock, ending != Ending::Completed)?;
    let now = clock.now();
    let known = deck_schedule(&mut store, &deck_id, &generator)?;
    let text = summary::render(
        &tally.snapshot(),
        ending,
        args.cram,
        Outlook::of(&known, now),
        &scheduler,
        now,
    );
    frontend.show(&text).context("printing the summary")?;
    exit::leave_to_os(generator);
    Ok(exit::OK)
}

/// On Ctrl-C outside a prompt, SIGTERM or SIGHUP: mark the session interrupted, print a
/// short summary, exit 130, 143 or 129. Every rating is already committed.
fn arm_interrupt(data: &DataDir, session: SessionId, clock: Clock, tally: &SharedTally) {
    if let Err(e) = interrupt::install() {
        eprintln!(
            "factdeck: warning: cannot catch Ctrl-C ({e}); ratings are still saved as you go"
        );
    }
    let store_path = data.store();
    let tally = tally.clone();
    interrupt::arm(move || {
        if let Ok(mut store) = Store::reopen(&store_path) {
            let _ = finish(&mut store, session, clock, true);
        }
        // The terminal may be gone (SIGHUP): a failed write is no reason to stop.
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            frontend::wrap::for_stderr(&summary::short(&tally.snapshot()))
        );
    });
}

/// Finishes the session, its score and total counted by the store from its ratings; one
/// left at the first card is no session worth listing in history. The store decides which,
/// not the tally: a signal may land between a rating's commit and the tally's update.
fn finish(store: &mut Store, session: SessionId, clock: Clock, interrupted: bool) -> Result<()> {
    if store.discard_if_empty(session)? {
        return Ok(());
    }
    store.finish_session(
        session,
        &SessionEnd {
            ended_at: clock.now(),
            interrupted,
        },
    )?;
    Ok(())
}

fn print(text: &str) -> Result<u8> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .context("writing to stdout")?;
    Ok(exit::OK)
}
