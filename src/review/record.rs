//! Recording a rating, and taking it back: the store's side of the review loop.

use super::{Given, REVIEW_FORM, Recorded, Review, verdict_of};
use crate::question::Question;
use crate::srs::Rating;
use crate::store::{AnswerRecord, Rescheduled, ReviewRecord, ReviewSource, StoreError};

impl Review<'_> {
    /// Records a rating with the fact's new memory, in one transaction.
    pub(super) fn record(
        &mut self,
        q: &Question,
        rating: Rating,
        response_ms: u32,
        typed: Option<String>,
    ) -> Result<Recorded, StoreError> {
        let now = self.clock.now();
        let answer = AnswerRecord {
            deck_id: None,
            fact_id: q.fact.clone(),
            kind: q.kind,
            form: REVIEW_FORM.to_owned(),
            prompt: q.prompt.clone(),
            given: typed.unwrap_or_else(|| rating.name().to_owned()),
            expected: q.expected(),
            verdict: verdict_of(rating),
            overridden: false,
            response_ms,
            answered_at: now,
        };
        let review = ReviewRecord {
            deck_id: self.deck_id.to_owned(),
            rating,
            source: if self.cram {
                ReviewSource::Cram
            } else {
                ReviewSource::Review
            },
            retention: self.scheduler.retention(),
        };
        let (scheduler, cram) = (self.scheduler, self.cram);
        let mut before = None;
        let (answer, after) =
            self.store
                .record_review(self.session, &answer, &review, &mut |was| {
                    before = was.copied();
                    Rescheduled {
                        memory: (!cram).then(|| scheduler.next(was, rating, now)),
                        was_due: was.is_some_and(|m| scheduler.really_due(m, now)),
                    }
                })?;
        Ok(Recorded {
            answer,
            rating,
            before,
            after: (!cram).then_some(after).flatten(),
        })
    }

    /// Takes a rating back from the store and the tally.
    pub(super) fn undo(&mut self, given: &Given) -> Result<(), StoreError> {
        let scheduler = self.scheduler;
        self.store.undo_review(
            given.rated.answer,
            given.rated.before.as_ref(),
            &mut |past| scheduler.replay(past.iter().copied()),
        )?;
        self.tally.remove(given.rated.rating, given.relearning);
        Ok(())
    }
}
