//! The counts behind `factdeck class report`, read by a teacher in one snapshot: the hub's
//! running totals (`item_totals`, `wrong_options`), or with `--since` the answers themselves.
//! The hub groups and counts; the figures (accuracy, facility, discrimination) are computed in
//! `class`, where they are tested against hand computations.

use std::collections::HashMap;

use jiff::Timestamp;
use postgres::types::ToSql;

use super::{Hub, HubError, Role};

/// Which answers the report covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportScope {
    /// Only this deck.
    pub deck: Option<String>,
    /// Only answers given (and sessions started) at or after this time.
    pub since: Option<Timestamp>,
    /// Facts due at or before this time count as due.
    pub now: Timestamp,
}

/// One learner's totals over the scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearnerCount {
    pub learner: String,
    /// Sessions with answers, started in scope (of the deck, with --deck).
    pub sessions: u64,
    pub answers: u64,
    pub correct: u64,
    pub facts_due: u64,
    pub last_studied: Option<Timestamp>,
}

/// One learner's answers to one item (a fact asked in one question form).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemCount {
    pub learner: String,
    pub deck_id: String,
    pub fact_id: String,
    pub kind: String,
    pub form: String,
    pub answers: u64,
    pub correct: u64,
}

/// How often one wrong option of a multiple-choice item was chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrongOption {
    pub deck_id: String,
    pub fact_id: String,
    pub form: String,
    pub option: String,
    pub times: u64,
}

/// Everything the report is computed from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClassCounts {
    /// Every learner of the hub, those without answers in the scope too, by name.
    pub learners: Vec<LearnerCount>,
    pub items: Vec<ItemCount>,
    pub wrong_options: Vec<WrongOption>,
}

/// The answers in scope: `$1` the deck or NULL, `$2` the start or NULL.
const IN_SCOPE: &str = "NOT deleted AND ($1::text IS NULL OR deck_id = $1)
    AND ($2::timestamptz IS NULL OR answered_at >= $2)";

/// Per learner and item, in one order (the figures then come out the same to the last bit):
/// from the running totals, or with `--since` from the answers.
const ITEMS_TOTAL: &str = "SELECT learner, deck_id, fact_id, kind, form, answers, correct,
        last_answered_at
    FROM factdeck.item_totals WHERE answers > 0 AND ($1::text IS NULL OR deck_id = $1)
    ORDER BY learner, deck_id, fact_id, kind, form";
const WRONG_TOTAL: &str = "SELECT deck_id, fact_id, form, given, sum(times)::bigint
    FROM factdeck.wrong_options WHERE times > 0 AND ($1::text IS NULL OR deck_id = $1)
    GROUP BY deck_id, fact_id, form, given";

fn items_since() -> String {
    format!(
        "SELECT learner, deck_id, fact_id, kind, form, count(*), count(*) FILTER (WHERE credited),
             max(answered_at)
         FROM factdeck.answers WHERE {IN_SCOPE}
         GROUP BY learner, deck_id, fact_id, kind, form
         ORDER BY learner, deck_id, fact_id, kind, form"
    )
}

fn wrong_since() -> String {
    format!(
        "SELECT deck_id, fact_id, form, given, count(*) FROM factdeck.answers
         WHERE {IN_SCOPE} AND NOT credited
           AND form IN (SELECT form FROM factdeck.choice_forms)
         GROUP BY deck_id, fact_id, form, given"
    )
}

impl Hub {
    /// The counts for a class report; the role must be a teacher's (or a superuser's).
    pub fn class_counts(&mut self, scope: &ReportScope) -> Result<ClassCounts, HubError> {
        self.check_teacher()?;
        let hub = self.name.clone();
        let fail = |e: postgres::Error| HubError::postgres(&hub, &e);
        let mut tx = self
            .client
            .build_transaction()
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(fail)?;
        let deck: [&(dyn ToSql + Sync); 1] = [&scope.deck];
        let range: [&(dyn ToSql + Sync); 2] = [&scope.deck, &scope.since];
        let mut learners: Vec<LearnerCount> = tx
            .query("SELECT name FROM factdeck.learners ORDER BY name", &[])
            .map_err(fail)?
            .iter()
            .map(|r| {
                Ok(LearnerCount {
                    learner: r.try_get(0)?,
                    sessions: 0,
                    answers: 0,
                    correct: 0,
                    facts_due: 0,
                    last_studied: None,
                })
            })
            .collect::<Result<_, postgres::Error>>()
            .map_err(fail)?;
        let index: HashMap<String, usize> = learners
            .iter()
            .enumerate()
            .map(|(i, l)| (l.learner.clone(), i))
            .collect();
        let rows = match scope.since {
            None => tx.query(ITEMS_TOTAL, &deck),
            Some(_) => tx.query(&items_since(), &range),
        }
        .map_err(fail)?;
        let mut items = Vec::with_capacity(rows.len());
        for r in &rows {
            let item = ItemCount {
                learner: r.try_get(0).map_err(fail)?,
                deck_id: r.try_get(1).map_err(fail)?,
                fact_id: r.try_get(2).map_err(fail)?,
                kind: r.try_get(3).map_err(fail)?,
                form: r.try_get(4).map_err(fail)?,
                answers: unsigned(r.try_get(5).map_err(fail)?),
                correct: unsigned(r.try_get(6).map_err(fail)?),
            };
            let last: Timestamp = r.try_get(7).map_err(fail)?;
            if let Some(&i) = index.get(&item.learner) {
                let l = &mut learners[i];
                l.answers += item.answers;
                l.correct += item.correct;
                l.last_studied = l.last_studied.max(Some(last));
            }
            items.push(item);
        }
        let sessions = tx
            .query(
                "SELECT learner, count(*) FROM factdeck.sessions
                 WHERE NOT deleted AND total > 0 AND ($1::text IS NULL OR deck_id = $1)
                   AND ($2::timestamptz IS NULL OR started_at >= $2)
                 GROUP BY learner",
                &range,
            )
            .map_err(fail)?;
        let due = tx
            .query(
                "SELECT learner, count(*) FROM factdeck.memory
                 WHERE NOT retired AND due_at <= $2 AND ($1::text IS NULL OR deck_id = $1)
                 GROUP BY learner",
                &[&scope.deck, &scope.now],
            )
            .map_err(fail)?;
        for (rows, due) in [(&sessions, false), (&due, true)] {
            for row in rows {
                let name: &str = row.try_get(0).map_err(fail)?;
                let n = unsigned(row.try_get(1).map_err(fail)?);
                if let Some(&i) = index.get(name) {
                    match due {
                        true => learners[i].facts_due = n,
                        false => learners[i].sessions = n,
                    }
                }
            }
        }
        let wrong_options = match scope.since {
            None => tx.query(WRONG_TOTAL, &deck),
            Some(_) => tx.query(&wrong_since(), &range),
        }
        .map_err(fail)?
        .iter()
        .map(|r| {
            Ok(WrongOption {
                deck_id: r.try_get(0)?,
                fact_id: r.try_get(1)?,
                form: r.try_get(2)?,
                option: r.try_get(3)?,
                times: unsigned(r.try_get(4)?),
            })
        })
        .collect::<Result<_, postgres::Error>>()
        .map_err(fail)?;
        tx.commit().map_err(fail)?;
        Ok(ClassCounts {
            learners,
            items,
            wrong_options,
        })
    }

    /// A learner's role would see only their own rows and make a class of one: refuse it.
    fn check_teacher(&mut self) -> Result<(), HubError> {
        self.check(Role::Teacher)?;
        let row = self
            .client
            .query_one(
                "SELECT pg_has_role(current_user, 'factdeck_teacher', 'MEMBER')
                     OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)",
                &[],
            )
            .map_err(|e| self.error(&e))?;
        match row.try_get::<_, Option<bool>>(0) {
            Ok(Some(true)) => Ok(()),
            Ok(_) => Err(HubError::NotATeacher {
                hub: self.name.clone(),
                user: self.user.clone(),
            }),
            Err(e) => Err(self.error(&e)),
        }
    }
}

fn unsigned(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}
