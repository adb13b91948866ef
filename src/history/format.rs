//! Small text pieces of the history views: durations, percentages, times, sparklines,
//! colour.

use jiff::Timestamp;
use jiff::tz::TimeZone;

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Percentages (0–100) as a sparkline, one bar each: ▁ is 0–12.5 %, █ is 87.5–100 %.
/// The scale is absolute, so a flat 90 % line reads as high, not as middling.
pub fn sparkline(percents: &[f64]) -> String {
    percents
        .iter()
        .map(|p| {
            let step = (p.clamp(0.0, 100.0) / 12.5).floor();
            // 0.0..=8.0 after the clamp; 100 % falls in the top bar.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            BARS[(step as usize).min(BARS.len() - 1)]
        })
        .collect()
}

/// `4m 12s`, `1h 02m`, `45s`.
pub fn duration(ms: i64) -> String {
    let secs = ms.max(0) / 1000;
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    match (h, m) {
        (0, 0) => format!("{s}s"),
        (0, _) => format!("{m}m {s:02}s"),
        _ => format!("{h}h {m:02}m"),
    }
}

/// `1,000,000`: counts grouped by thousands.
pub fn count(n: u64) -> String {
    // Counts stay far below 2^53, where a Number holds every integer exactly.
    crate::deck::Number::integer(i64::try_from(n).unwrap_or(i64::MAX)).grouped()
}

/// A percentage rounded to a whole number, `—` when there is none.
pub fn percent(p: Option<f64>) -> String {
    p.map_or_else(|| "—".to_owned(), |p| format!("{p:.0}%"))
}

/// `2026-01-05 14:03` in the user's time zone.
pub fn local_minute(t: Timestamp, tz: &TimeZone) -> String {
    tz.to_datetime(t).strftime("%Y-%m-%d %H:%M").to_string()
}

/// Text in colour, or as it is when colour is off.
#[derive(Debug, Clone, Copy)]
pub struct Paint {
    pub on: bool,
}

impl Paint {
    pub fn bold(self, text: &str) -> String {
        self.sgr(console::Style::new().bold(), text)
    }

    pub fn dim(self, text: &str) -> String {
        self.sgr(console::Style::new().dim(), text)
    }

    pub fn warn(self, text: &str) -> String {
        self.sgr(console::Style::new().yellow(), text)
    }

    /// Green from 80 %, yellow from 50 %, red below.
    pub fn grade(self, p: Option<f64>, text: &str) -> String {
        match p {
            Some(p) if p >= 80.0 => self.sgr(console::Style::new().green(), text),
            Some(p) if p >= 50.0 => self.sgr(console::Style::new().yellow(), text),
            Some(_) => self.sgr(console::Style::new().red(), text),
            None => text.to_owned(),
        }
    }

    fn sgr(self, style: console::Style, text: &str) -> String {
        match self.on {
            true => style.force_styling(true).apply_to(text).to_string(),
            false => text.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparklines_use_an_absolute_scale() {
        assert_eq!(sparkline(&[0.0, 12.5, 50.0, 87.4, 100.0, 150.0]), "▁▂▅▇██");
        assert_eq!(sparkline(&[]), "");
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(45_999), "45s");
        assert_eq!(duration(252_000), "4m 12s");
        assert_eq!(duration(3_720_000), "1h 02m");
        assert_eq!(duration(-5), "0s");
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1_000), "1,000");
        assert_eq!(count(1_000_000), "1,000,000");
    }

    #[test]
    fn times_are_shown_in_the_given_zone() {
        let t: Timestamp = "2026-01-05T23:30:00Z".parse().unwrap();
        let seoul = TimeZone::fixed(jiff::tz::offset(9));
        assert_eq!(local_minute(t, &seoul), "2026-01-06 08:30");
    }

    #[test]
    fn colour_only_when_on() {
        assert_eq!(Paint { on: false }.grade(Some(10.0), "10%"), "10%");
        assert_eq!(
            Paint { on: true }.grade(Some(90.0), "90%"),
            "\x1b[32m90%\x1b[0m"
        );
    }
}
