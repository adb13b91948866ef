//! The report page: the figures, the weakest facts, and a stylesheet for light and dark
//! schemes, in one file that loads nothing (its Content-Security-Policy forbids it).

use std::fmt::Write;

use super::data::Progress;
use super::{Figure, Table, palette, svg};
use crate::history::format::{count, percent};
use crate::history::names::form_label;
use crate::history::tally;

/// Marks a file as a factdeck report, so that `--out` replaces only its own reports.
pub const GENERATOR: &str = "<meta name=\"generator\" content=\"factdeck report\">";

const STYLE: &str = "\
body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;\
background:var(--paper);color:var(--ink)}
main,header{max-width:60rem;margin:0 auto;padding:0 1.25rem}
header{padding-top:1.5rem}
h1{font-size:1.6rem;margin:0 0 .25rem}
h2{font-size:1.2rem;margin:2rem 0 .5rem}
p.summary,figcaption,.note{color:var(--muted)}
ul.glance{display:flex;flex-wrap:wrap;gap:.5rem 2rem;padding:0;list-style:none}
ul.glance b{display:block;font-size:1.4rem;color:var(--ink)}
figure{margin:0}
svg.chart{display:block;max-width:100%;height:auto}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
th,td{text-align:left;padding:.2rem .8rem .2rem 0;border-bottom:1px solid var(--grid)}
td.n,th.n{text-align:right}
details{margin:.25rem 0 1rem}
summary{cursor:pointer;color:var(--muted)}
";

/// The page for `p` with `figures`.
pub fn page(p: &Progress, figures: &[Figure]) -> String {
    let scope = p.scope.deck.as_deref().unwrap_or("all decks");
    let mut out =
        String::with_capacity(64 * 1024 + figures.iter().map(|f| f.svg.len()).sum::<usize>());
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n{GENERATOR}\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'\">\n<title>Progress: {}</title>\n<style>\n{}{STYLE}</style>\n\
         </head>\n<body>\n<header>\n<h1>Progress: {}</h1>\n",
        escape(scope),
        palette::css(),
        escape(scope)
    );
    let _ = writeln!(
        out,
        "<p class=\"summary\">{} session{}, {} answer{}{}, as of {} (factdeck report).</p>",
        count(p.sessions),
        if p.sessions == 1 { "" } else { "s" },
        count(p.answers),
        if p.answers == 1 { "" } else { "s" },
        p.scope
            .since
            .map(|t| format!(" since {}", p.scope.tz.to_datetime(t).date()))
            .unwrap_or_default(),
        p.scope.today
    );
    glance(&mut out, p);
    out.push_str("</header>\n<main>\n");
    for (i, figure) in figures.iter().enumerate() {
        section(&mut out, figure);
        // The weakest facts follow the accuracy by form.
        if figure.id == "forms"
            || (i + 1 == figures.len() && !figures.iter().any(|f| f.id == "forms"))
        {
            weakest(&mut out, p);
        }
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The headline numbers.
fn glance(out: &mut String, p: &Progress) {
    let t = &p.tallies;
    let items = [
        ("Correct", percent(tally::percent(t.correct, t.attempts))),
        ("Answers", count(t.attempts)),
        ("Study days", count(p.study_days.len() as u64)),
        ("True retention", percent(p.recall.percent())),
        (
            "Due today",
            p.forecast.first().map_or(0, |(_, n)| *n).to_string(),
        ),
    ];
    out.push_str("<ul class=\"glance\">\n");
    for (name, value) in items {
        let _ = writeln!(out, "<li><b>{}</b>{}</li>", escape(&value), escape(name));
    }
    out.push_str("</ul>\n");
}

fn section(out: &mut String, f: &Figure) {
    let _ = writeln!(
        out,
        "<section id=\"{}\">\n<h2>{}</h2>\n<figure>",
        f.id,
        escape(&f.title)
    );
    out.push_str(&svg::accessible(&f.svg, f.id, &f.title, &f.desc));
    let _ = writeln!(
        out,
        "<figcaption>{}</figcaption>\n</figure>",
        escape(&f.caption)
    );
    if !f.table.rows.is_empty() {
        out.push_str("<details><summary>The numbers</summary>\n");
        table(out, &f.table);
        out.push_str("</details>\n");
    }
    out.push_str("</section>\n");
}

fn table(out: &mut String, t: &Table) {
    let numeric = |column: usize| {
        t.rows.iter().all(|r| {
            r.get(column)
                .is_none_or(|c| c.is_empty() || c.starts_with(|ch: char| ch.is_ascii_digit()))
        }) && column > 0
    };
    let class = |column: usize| if numeric(column) { " class=\"n\"" } else { "" };
    out.push_str("<table>\n<thead><tr>");
    for (i, h) in t.headers.iter().enumerate() {
        let _ = write!(out, "<th{}>{}</th>", class(i), escape(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let _ = write!(out, "<td{}>{}</td>", class(i), escape(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    if let Some(note) = &t.note {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(note));
    }
}

/// The facts answered wrongly most often, by the prompt they were last asked with.
fn weakest(out: &mut String, p: &Progress) {
    out.push_str("<section id=\"weakest\">\n<h2>Weakest facts</h2>\n");
    let weak = &p.tallies.weakest;
    if weak.is_empty() {
        out.push_str("<p class=\"note\">None yet: a fact needs two answers, one of them wrong.</p>\n</section>\n");
        return;
    }
    let several_decks = weak.iter().any(|w| w.deck_id != weak[0].deck_id);
    let mut headers = vec![
        "Correct".to_owned(),
        "Answers".to_owned(),
        "Fact, as last asked".to_owned(),
        "Kind".to_owned(),
    ];
    if several_decks {
        headers.push("Deck".to_owned());
    }
    let rows = weak
        .iter()
        .map(|w| {
            let mut row = vec![
                percent(tally::percent(w.correct, w.attempts)),
                format!("{} of {}", w.correct, w.attempts),
                w.prompt.clone().unwrap_or_else(|| w.fact_id.clone()),
                w.kind.as_str().to_owned(),
            ];
            if several_decks {
                row.push(w.deck_id.clone());
            }
            row
        })
        .collect();
    table(
        out,
        &Table {
            headers,
            rows,
            note: Some(format!(
                "Lowest share correct first, among facts answered at least {} times. Forms are \
                 named as in `factdeck history` ({}, …).",
                tally::WEAK_MIN_ATTEMPTS,
                form_label("date_typed")
            )),
        },
    );
    out.push_str("</section>\n");
}

/// Text for HTML element content and attribute values (either quote).
pub fn escape(text: &str) -> String {
    html_escape::encode_quoted_attribute(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_html() {
        assert_eq!(
            escape("<b>\"Tom\" & 'Jerry'</b>"),
            "&lt;b&gt;&quot;Tom&quot; &amp; &#x27;Jerry&#x27;&lt;/b&gt;"
        );
    }
}
