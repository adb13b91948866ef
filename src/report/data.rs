//! What the report shows, read from the store in a few passes: session scores (accuracy
//! over time, study days), the running per-form totals (kinds, forms, weakest facts),
//! reviews of due facts (true retention), and due times (the forecast).

use std::collections::BTreeMap;

use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

use super::days::DayOf;
use crate::history::{Tallies, WEAKEST_SHOWN};
use crate::store::{Filter, Mode, Recall, ScoreHistory, StoreResult};

/// Days in the due forecast, today first.
pub const FORECAST_DAYS: usize = 30;
/// Weakest facts listed.
pub const WEAKEST: usize = 2 * WEAKEST_SHOWN;
/// Over a longer span than this, accuracy is shown by week rather than by day.
pub const DAILY_UP_TO_DAYS: i32 = 120;

/// What to report on, in the learner's calendar.
#[derive(Debug, Clone)]
pub struct Scope {
    /// One deck, or all.
    pub deck: Option<String>,
    /// Only sessions started, and answers and reviews given, from then on; the due
    /// forecast looks ahead whatever it is.
    pub since: Option<Timestamp>,
    pub today: Date,
    pub tz: TimeZone,
}

/// How accuracy over time is grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day,
    /// Weeks starting on Monday.
    Week,
}

/// Answers and points in one day or week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    /// The first day of the period.
    pub start: Date,
    pub answers: u64,
    pub correct: u64,
}

impl Point {
    pub fn percent(&self) -> f64 {
        // Counts stay far below 2^52.
        #[allow(clippy::cast_precision_loss)]
        let p = self.correct as f64 * 100.0 / self.answers.max(1) as f64;
        p
    }
}

/// Everything the report draws.
#[derive(Debug, Clone)]
pub struct Progress {
    pub scope: Scope,
    pub sessions: u64,
    pub answers: u64,
    pub period: Period,
    /// Per mode with sessions, in the order of `Mode::ALL`: accuracy per period.
    pub accuracy: Vec<(Mode, Vec<Point>)>,
    /// Answers per study day, oldest first.
    pub study_days: Vec<(Date, u64)>,
    /// By kind, by form, and the weakest facts with their latest prompts.
    pub tallies: Tallies,
    /// True retention per week (reviews of due facts, and how many were recalled).
    pub retention: Vec<Point>,
    /// All of it, with the mean desired retention as the target.
    pub recall: Recall,
    /// Facts due on each of the next `FORECAST_DAYS` days, overdue ones today.
    pub forecast: Vec<(Date, u32)>,
}

impl Progress {
    pub fn load(store: &dyn ScoreHistory, scope: &Scope) -> StoreResult<Progress> {
        let filter = Filter {
            deck: scope.deck.clone(),
            since: scope.since,
        };
        let mut day_of = DayOf::new(scope.tz.clone());
        let mut by_mode: BTreeMap<(usize, Date), (u64, u64)> = BTreeMap::new();
        let mut days: BTreeMap<Date, u64> = BTreeMap::new();
        let mut sessions = 0;
        store.visit_session_scores(&filter, &mut |mode, started, score, total| {
            let day = day_of.date(started);
            let m = Mode::ALL.iter().position(|x| *x == mode).unwrap_or(0);
            let slot = by_mode.entry((m, day)).or_default();
            slot.0 += u64::from(total);
            slot.1 += u64::from(score);
            *days.entry(day).or_default() += u64::from(total);
            sessions += 1;
        })?;
        let first = days.keys().next().copied().unwrap_or(scope.today);
        let period = match first.until(scope.today).map_or(0, |s| s.get_days()) {
            n if n > DAILY_UP_TO_DAYS => Period::Week,
            _ => Period::Day,
        };
        let accuracy = Mode::ALL
            .iter()
            .enumerate()
            .filter_map(|(m, mode)| {
                let points = grouped(
                    by_mode
                        .range((m, Date::MIN)..=(m, Date::MAX))
                        .map(|((_, day), (a, c))| (*day, *a, *c)),
                    period,
                );
                (!points.is_empty()).then_some((*mode, points))
            })
            .collect();

        let mut tallies = Tallies::fold(&store.fact_form_counts(&filter)?, WEAKEST);
        for weak in &mut tallies.weakest {
            weak.prompt = store.latest_prompt(&weak.deck_id, &weak.fact_id)?;
        }

        let mut weeks: Vec<(Date, u64, u64)> = Vec::new();
        // True retention overall, from the same pass.
        let mut recall = Recall::default();
        let mut retention_sum = 0.0;
        store.visit_due_reviews(&filter, &mut |at, recalled, retention| {
            recall.reviews += 1;
            recall.recalled += u32::from(recalled);
            retention_sum += retention;
            let week = week_start(day_of.date(at));
            match weeks.last_mut() {
                Some((w, n, r)) if *w == week => {
                    *n += 1;
                    *r += u64::from(recalled);
                }
                _ => weeks.push((week, 1, u64::from(recalled))),
            }
        })?;
        recall.target = (recall.reviews > 0).then(|| retention_sum / f64::from(recall.reviews));
        let retention = weeks
            .into_iter()
            .map(|(start, answers, correct)| Point {
                start,
                answers,
                correct,
            })
            .collect();

        Ok(Progress {
            scope: scope.clone(),
            sessions,
            answers: days.values().sum(),
            period,
            accuracy,
            study_days: days.into_iter().collect(),
            tallies,
            retention,
            recall,
            forecast: forecast(store, scope, &mut day_of)?,
        })
    }

    /// The report of a store that does not exist yet.
    pub fn empty(scope: Scope) -> Progress {
        let forecast = scope
            .today
            .series(1.day())
            .take(FORECAST_DAYS)
            .map(|d| (d, 0))
            .collect();
        Progress {
            scope,
            sessions: 0,
            answers: 0,
            period: Period::Day,
            accuracy: Vec::new(),
            study_days: Vec::new(),
            tallies: Tallies::default(),
            retention: Vec::new(),
            recall: Recall::default(),
            forecast,
        }
    }

    /// Nothing recorded yet.
    pub fn is_empty(&self) -> bool {
        self.sessions == 0
    }
}

/// Day totals merged into periods.
fn grouped(days: impl Iterator<Item = (Date, u64, u64)>, period: Period) -> Vec<Point> {
    let mut points: Vec<Point> = Vec::new();
    for (day, answers, correct) in days {
        let start = match period {
            Period::Day => day,
            Period::Week => week_start(day),
        };
        match points.last_mut() {
            Some(p) if p.start == start => {
                p.answers += answers;
                p.correct += correct;
            }
            _ => points.push(Point {
                start,
                answers,
                correct,
            }),
        }
    }
    points
}

/// The Monday of `day`'s week.
pub fn week_start(day: Date) -> Date {
    let back = i64::from(day.weekday().to_monday_zero_offset());
    day.checked_sub(back.days()).unwrap_or(day)
}

/// Due times up to the end of the forecast, counted per day; overdue ones count today.
fn forecast(
    store: &dyn ScoreHistory,
    scope: &Scope,
    day_of: &mut DayOf,
) -> StoreResult<Vec<(Date, u32)>> {
    let days: Vec<Date> = scope.today.series(1.day()).take(FORECAST_DAYS).collect();
    let end = days
        .last()
        .and_then(|d| d.tomorrow().ok())
        .and_then(|d| d.to_zoned(scope.tz.clone()).ok())
        .map_or(Timestamp::MAX, |z| z.timestamp());
    let mut counts = vec![0u32; days.len()];
    for due in store.due_times(scope.deck.as_deref(), end)? {
        let day = day_of.date(due);
        let at = days.iter().position(|d| *d >= day).unwrap_or(0);
        if let Some(n) = counts.get_mut(at) {
            *n += 1;
        }
    }
    Ok(days.into_iter().zip(counts).collect())
}

/// Monday first, as the calendar draws weeks.
pub fn weekday_row(day: Date) -> usize {
    usize::try_from(day.weekday().to_monday_zero_offset()).unwrap_or(0)
}

/// The weekday names of the calendar's rows.
pub const WEEKDAYS: [Weekday; 7] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Wednesday,
    Weekday::Thursday,
    Weekday::Friday,
    Weekday::Saturday,
    Weekday::Sunday,
];

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn days_merge_into_weeks_starting_on_monday() {
        assert_eq!(
            week_start(date(2026, 11, 29)),
            date(2026, 11, 23),
            "a Sunday"
        );
        assert_eq!(week_start(date(2026, 11, 23)), date(2026, 11, 23));
        let days = [
            (date(2026, 11, 23), 10, 5),
            (date(2026, 11, 29), 10, 10),
            (date(2026, 11, 30), 4, 1),
        ];
        let weeks = grouped(days.into_iter(), Period::Week);
        assert_eq!(weeks.len(), 2);
        assert_eq!((weeks[0].answers, weeks[0].correct), (20, 15));
        assert_eq!(weeks[0].percent(), 75.0);
        assert_eq!(grouped(days.into_iter(), Period::Day).len(), 3);
        assert_eq!(weekday_row(date(2026, 11, 29)), 6);
    }

    /// Two practice sessions a week apart, one answer each, in the in-memory store.
    fn two_sessions() -> crate::store::fake::InMemory {
        use crate::srs::{Rating, Retention};
        use crate::store::{
            AnswerRecord, Mode, NewSession, Outcome, Rescheduled, ReviewRecord, ReviewSource,
            StudyLog,
        };
        let mut store = crate::store::fake::InMemory::default();
        for (day, verdict) in [
            ("2026-11-20", Outcome::Wrong),
            ("2026-11-27", Outcome::Correct),
        ] {
            let at: Timestamp = format!("{day}T10:00:00Z").parse().unwrap();
            let session = NewSession {
                deck_id: "d".into(),
                deck_hash: "h".into(),
                mode: Mode::Practice,
                seed: 1,
                started_at: at,
            };
            let answer = AnswerRecord {
                deck_id: None,
                fact_id: "f".into(),
                kind: crate::deck::Kind::Card,
                form: "card_typed".into(),
                prompt: "p".into(),
                given: "g".into(),
                expected: "e".into(),
                verdict,
                overridden: false,
                response_ms: 1000,
                answered_at: at,
            };
            let review = ReviewRecord {
                deck_id: "d".into(),
                rating: Rating::Good,
                source: ReviewSource::Quiz,
                retention: Retention::DEFAULT,
            };
            store
                .record_first_review(&session, &answer, &review, &mut |_| Rescheduled {
                    memory: None,
                    was_due: false,
                })
                .unwrap();
        }
        store
    }

    #[test]
    fn since_leaves_out_what_came_before() {
        let store = two_sessions();
        let scope = |since: Option<&str>| Scope {
            deck: None,
            since: since.map(|s| s.parse().unwrap()),
            today: date(2026, 11, 30),
            tz: TimeZone::UTC,
        };
        let all = Progress::load(&store, &scope(None)).unwrap();
        assert_eq!((all.sessions, all.answers), (2, 2));
        let recent = Progress::load(&store, &scope(Some("2026-11-25T00:00:00Z"))).unwrap();
        assert_eq!((recent.sessions, recent.answers), (1, 1));
        assert_eq!((recent.tallies.attempts, recent.tallies.correct), (1, 1));
    }
}
