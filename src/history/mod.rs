//! `factdeck history`: what the score store says about past quizzes, as text, JSON or CSV.
//!
//! `Report::load` asks the store; `text`, `export` and `show` only format. Nothing here
//! knows about the command line.

pub mod due;
pub mod export;
pub mod format;
pub mod names;
pub mod round;
pub mod show;
pub mod since;
pub mod streak;
pub mod stream;
pub(crate) mod table;
pub mod tally;
pub mod text;

use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::store::{
    Filter, Mode, ModeTotals, ScoreHistory, SessionRow, SessionTotals, StoreResult,
};
pub use since::Since;
pub use streak::{Streak, StreakCounter};
pub use tally::{Accuracy, Tallies, WeakFact};

/// How many recent sessions of each mode the trend line covers.
pub const TREND_SESSIONS: usize = 30;
/// How many weakest facts are listed.
pub const WEAKEST_SHOWN: usize = 5;

/// What to report on, and the user's calendar.
#[derive(Debug, Clone)]
pub struct Query {
    pub filter: Filter,
    /// Sessions listed; `None` for all.
    pub limit: Option<usize>,
    pub today: Date,
    pub tz: TimeZone,
}

/// Everything the default `history` view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Newest first, at most `Query::limit`.
    pub sessions: Vec<SessionRow>,
    /// Sessions, answers and points per mode: practice, exam, review and cram apart.
    pub modes: Vec<ModeTotals>,
    /// Per mode with sessions, the percentages of its last `TREND_SESSIONS` sessions with
    /// answers, oldest first.
    pub trends: Vec<(Mode, Vec<f64>)>,
    pub tallies: Tallies,
    pub totals: SessionTotals,
    /// Over the deck filter only: a streak is about every day up to today.
    pub streak: Streak,
    /// Facts due in the coming days, and true retention.
    pub schedule: due::Schedule,
}

impl Report {
    /// The report for a store that does not exist yet.
    pub fn empty(today: Date) -> Report {
        Report {
            sessions: Vec::new(),
            modes: Vec::new(),
            trends: Vec::new(),
            tallies: Tallies::default(),
            totals: SessionTotals::default(),
            streak: Streak {
                days: 0,
                includes_today: false,
            },
            schedule: due::Schedule::empty(today),
        }
    }

    pub fn load(store: &dyn ScoreHistory, query: &Query) -> StoreResult<Report> {
        let sessions = store.sessions(&query.filter, query.limit)?;
        let modes = store.mode_totals(&query.filter)?;
        let mut trends = Vec::with_capacity(modes.len());
        for m in &modes {
            let mut trend = store.recent_percents(&query.filter, m.mode, TREND_SESSIONS)?;
            if !trend.is_empty() {
                trend.reverse();
                trends.push((m.mode, trend));
            }
        }
        let mut tallies = Tallies::fold(&store.fact_form_counts(&query.filter)?, WEAKEST_SHOWN);
        for weak in &mut tallies.weakest {
            weak.prompt = store.latest_prompt(&weak.deck_id, &weak.fact_id)?;
        }
        let mut counter = StreakCounter::new(query.today);
        store.visit_session_starts(query.filter.deck.as_deref(), &mut |t| {
            counter.push(query.tz.to_datetime(t).date())
        })?;
        Ok(Report {
            sessions,
            modes,
            trends,
            tallies,
            totals: store.session_totals(&query.filter)?,
            streak: counter.finish(),
            schedule: due::Schedule::load(store, query)?,
        })
    }

    /// No session matches the filter.
    pub fn is_empty(&self) -> bool {
        self.totals.sessions == 0
    }
}
