//! Saying when a card is due, in the learner's calendar.

use jiff::Timestamp;

use crate::srs::Scheduler;

/// "now", "later today (14:05)", "tomorrow (2026-11-29 09:00)", "in 2 days (2026-11-30 09:00)".
pub fn due_phrase(due: Timestamp, now: Timestamp, scheduler: &Scheduler) -> String {
    if due <= now {
        return "now".to_owned();
    }
    let local = scheduler.time_zone().to_datetime(due);
    match scheduler.days_between(now, due) {
        0 => format!("later today ({})", local.strftime("%H:%M")),
        1 => format!("tomorrow ({})", local.strftime("%Y-%m-%d %H:%M")),
        n => format!("in {n} days ({})", local.strftime("%Y-%m-%d %H:%M")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::srs::Retention;
    use jiff::tz::TimeZone;

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn due_times_read_as_days_from_today() {
        let s = Scheduler::new(Retention::DEFAULT, TimeZone::UTC);
        let now = at("2026-11-28T09:00:00Z");
        assert_eq!(due_phrase(at("2026-11-28T08:00:00Z"), now, &s), "now");
        assert_eq!(
            due_phrase(at("2026-11-28T14:05:00Z"), now, &s),
            "later today (14:05)"
        );
        assert_eq!(
            due_phrase(at("2026-11-29T09:00:00Z"), now, &s),
            "tomorrow (2026-11-29 09:00)"
        );
        assert_eq!(
            due_phrase(at("2026-11-30T09:00:00Z"), now, &s),
            "in 2 days (2026-11-30 09:00)"
        );
    }
}
