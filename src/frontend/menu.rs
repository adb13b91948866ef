//! The arrow-key menus of the terminal frontend: pick one option, or put items in order.
//!
//! dialoguer's `Select` and `Sort` count an option as one line unless it is wider than the
//! terminal, so an option that fits without the 2-column marker but not with it leaves a
//! copy behind on every key press, and a resize leaves stale lines. Here every option is
//! wrapped (at word boundaries) or shortened so that every line of the menu, marker
//! included, fits; the menu knows exactly how many rows it drew and redraws them in place.
//! A resize makes the terminal reflow what is on screen, so a watcher thread notices the new
//! size and redraws the question and the menu on a clean screen.

use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::Duration;

use console::{Key, Term, style};

use super::wrap;
use crate::question::option_letter;

/// How often the watcher looks at the terminal's size.
const RESIZE_POLL: Duration = Duration::from_millis(100);

/// Pick one, or order them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuKind {
    Pick,
    Order,
}

/// What the menu ended with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chosen {
    /// The index of the option picked.
    Picked(usize),
    /// The items' indexes in the order given.
    Ordered(Vec<usize>),
    /// Esc.
    Escape,
}

/// A menu to show: the lines above it (repeated after a resize), the items, and whether
/// items carry their letters ("a) ", as in feedback and the plain frontend).
#[derive(Debug, Clone)]
pub struct Menu {
    pub context: Vec<String>,
    pub items: Vec<String>,
    pub lettered: bool,
    pub kind: MenuKind,
    pub color: bool,
}

/// The menu as drawn: what it shows and how many rows it took.
#[derive(Debug)]
struct Frame {
    term: Term,
    menu: Menu,
    /// Item indexes in the order shown.
    order: Vec<usize>,
    /// Position in `order` of the highlighted item.
    active: usize,
    /// Ordering: the highlighted item is picked up and moves with the arrows.
    held: bool,
    /// Rows the menu took when last drawn, the cursor being on the row after them.
    drawn: usize,
    size: (u16, u16),
}

impl Menu {
    /// Shows the menu on `term` (the context lines are already on screen) until Enter or
    /// Esc. The menu's rows are cleared before returning.
    pub fn run(self, term: &Term) -> std::io::Result<Chosen> {
        let frame = Arc::new(Mutex::new(Frame {
            term: term.clone(),
            order: (0..self.items.len()).collect(),
            menu: self,
            active: 0,
            held: false,
            drawn: 0,
            size: term.size(),
        }));
        term.hide_cursor()?;
        if let Err(e) = lock(&frame).draw() {
            term.show_cursor()?;
            return Err(e);
        }
        let (stop, stopped) = mpsc::channel::<()>();
        let watched = Arc::clone(&frame);
        let watcher = thread::spawn(move || {
            while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(RESIZE_POLL) {
                let mut frame = lock(&watched);
                if frame.term.size() != frame.size {
                    // Errors here surface at the next key press, when the main thread draws.
                    let _ = frame.draw();
                }
            }
        });
        let chosen = loop {
            let key = term.read_key();
            let mut frame = lock(&frame);
            let key = match key {
                Ok(key) => key,
                Err(e) => break Err(e),
            };
            if let Some(chosen) = frame.press(key) {
                break frame.clear().map(|()| chosen);
            }
            if let Err(e) = frame.draw() {
                break Err(e);
            }
        };
        drop(stop);
        let _ = watcher.join();
        term.show_cursor()?;
        chosen
    }
}

fn lock(frame: &Mutex<Frame>) -> MutexGuard<'_, Frame> {
    frame.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Frame {
    /// Acts on a key; `Some` when the menu is done.
    fn press(&mut self, key: Key) -> Option<Chosen> {
        let n = self.order.len();
        match key {
            Key::ArrowUp | Key::BackTab | Key::Char('k') if n > 0 => self.step(n - 1),
            Key::ArrowDown | Key::Tab | Key::Char('j') if n > 0 => self.step(1),
            Key::Char(' ') if self.menu.kind == MenuKind::Order => self.held = !self.held,
            Key::Char(c) if self.menu.lettered && !self.held => {
                if let Some(at) = (0..n).position(|i| option_letter(self.order[i]) == c) {
                    self.active = at;
                }
            }
            Key::Enter if n > 0 => {
                return Some(match self.menu.kind {
                    MenuKind::Pick => Chosen::Picked(self.order[self.active]),
                    MenuKind::Order => Chosen::Ordered(self.order.clone()),
                });
            }
            Key::Escape => return Some(Chosen::Escape),
            _ => {}
        }
        None
    }

    /// Moves the highlight `by` places round the list, carrying the held item with it.
    fn step(&mut self, by: usize) {
        let n = self.order.len();
        let to = (self.active + by) % n;
        if self.held {
            self.order.swap(self.active, to);
        }
        self.active = to;
    }

    /// Draws the menu over its last drawing; after a resize, the context and the menu on a
    /// clean screen, since the terminal has reflowed the old lines.
    fn draw(&mut self) -> std::io::Result<()> {
        let size = self.term.size();
        let width = wrap::usable(size.1);
        let mut out = String::new();
        if size != self.size {
            out.push_str("\r\x1b[2J\x1b[H");
            for line in &self.menu.context {
                for l in wrap::lines(line, width) {
                    out.push_str(&l);
                    out.push('\n');
                }
            }
            self.size = size;
        } else if self.drawn > 0 {
            out.push_str(&format!("\x1b[{}A", self.drawn));
        }
        out.push_str("\r\x1b[0J");
        let lines = self.lines(width, usize::from(size.0));
        for line in &lines {
            out.push_str(line);
            out.push('\n');
        }
        self.drawn = lines.len();
        self.term.write_str(&out)?;
        self.term.flush()
    }

    /// Removes the menu, leaving the cursor where it began.
    fn clear(&mut self) -> std::io::Result<()> {
        if self.drawn > 0 {
            self.term
                .write_str(&format!("\x1b[{}A\r\x1b[0J", self.drawn))?;
        }
        self.drawn = 0;
        self.term.flush()
    }

    /// The menu's lines for a terminal `width` columns (usable) and `rows` high: every line
    /// within the width, and all of them within the height, so the whole menu can be
    /// redrawn in place.
    fn lines(&self, width: usize, rows: usize) -> Vec<String> {
        let hint = match self.menu.kind {
            MenuKind::Pick if self.menu.lettered => "↑↓ or a letter, Enter answers, Esc ends",
            MenuKind::Pick => "↑↓ move, Enter answers, Esc ends",
            MenuKind::Order => "↑↓ move, Space picks up and drops, Enter submits, Esc ends",
        };
        let hint = wrap::lines(hint, width);
        let label = if self.menu.lettered { 3 } else { 0 };
        // Marker ("❯ "), letter ("a) "), then the text.
        let text_width = width.saturating_sub(2 + label).max(8);
        let mut items: Vec<Vec<String>> = self
            .order
            .iter()
            .map(|&i| wrap::lines(&self.menu.items[i], text_width))
            .collect();
        let room = rows.saturating_sub(hint.len() + 1).max(items.len());
        let total: usize = items.iter().map(Vec::len).sum();
        if total > room {
            let each = (room / items.len().max(1)).max(1);
            for lines in &mut items {
                shorten(lines, each, text_width);
            }
        }
        let mut out = Vec::with_capacity(total + hint.len());
        for (at, (lines, &item)) in items.iter().zip(&self.order).enumerate() {
            let active = at == self.active;
            let marker = match (active, self.held) {
                (true, true) => "↕ ",
                (true, false) if self.menu.color => "❯ ",
                (true, false) => "> ",
                (false, _) => "  ",
            };
            for (n, line) in lines.iter().enumerate() {
                let head = match (n, self.menu.lettered) {
                    (0, true) => format!("{marker}{}) ", option_letter(item)),
                    (0, false) => marker.to_owned(),
                    _ => " ".repeat(2 + label),
                };
                let text = format!("{head}{line}");
                out.push(match (self.menu.color, active, self.held) {
                    (true, true, true) => style(text).yellow().bold().to_string(),
                    (true, true, false) => style(text).cyan().bold().to_string(),
                    _ => text,
                });
            }
        }
        for line in hint {
            out.push(match self.menu.color {
                true => style(line).dim().to_string(),
                false => line,
            });
        }
        out
    }
}

/// Keeps the first `keep` lines of a wrapped option, the last of them ending in "…".
fn shorten(lines: &mut Vec<String>, keep: usize, width: usize) {
    if lines.len() <= keep {
        return;
    }
    lines.truncate(keep);
    if let Some(last) = lines.last_mut() {
        let mut cut: String = last.clone();
        while textwrap::core::display_width(&cut) + 1 > width {
            cut.pop();
        }
        *last = format!("{}…", cut.trim_end());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(items: &[&str], kind: MenuKind) -> Frame {
        Frame {
            term: Term::stderr(),
            menu: Menu {
                context: Vec::new(),
                items: items.iter().map(|s| s.to_string()).collect(),
                lettered: true,
                kind,
                color: false,
            },
            order: (0..items.len()).collect(),
            active: 0,
            held: false,
            drawn: 0,
            size: (24, 80),
        }
    }

    const LONG: &str = "the 13th Political Bureau meeting of the 7th Central Committee, \
                        where hints of the 8th Congress first emerged";

    #[test]
    fn every_line_fits_with_its_marker_and_letter() {
        let f = frame(&[LONG, "a short one"], MenuKind::Pick);
        for width in [40, 59, 84, 119] {
            let lines = f.lines(width, 40);
            assert!(
                lines
                    .iter()
                    .all(|l| textwrap::core::display_width(l) <= width),
                "{width}: {lines:#?}"
            );
            assert!(lines[0].starts_with("> a) the 13th"), "{lines:?}");
            assert!(lines.iter().any(|l| l.starts_with("  b) a short one")));
        }
        // Exactly one column too wide with the marker: wrapped, not left to the terminal.
        let exact = "x".repeat(83);
        let f = frame(&[&exact, "y"], MenuKind::Pick);
        assert!(
            f.lines(84, 40)
                .iter()
                .all(|l| textwrap::core::display_width(l) <= 84)
        );
    }

    #[test]
    fn a_menu_taller_than_the_terminal_is_shortened_to_fit() {
        let f = frame(&[LONG, LONG, LONG, LONG], MenuKind::Pick);
        let lines = f.lines(30, 8);
        assert!(lines.len() <= 8, "{lines:#?}");
        assert!(lines.iter().any(|l| l.ends_with('…')), "{lines:#?}");
    }

    #[test]
    fn letters_and_arrows_move_and_enter_picks() {
        let mut f = frame(&["x", "y", "z"], MenuKind::Pick);
        assert_eq!(f.press(Key::Char('c')), None);
        assert_eq!(f.active, 2);
        assert_eq!(f.press(Key::ArrowDown), None);
        assert_eq!(f.active, 0, "round the list");
        assert_eq!(f.press(Key::ArrowUp), None);
        assert_eq!(f.press(Key::Enter), Some(Chosen::Picked(2)));
        assert_eq!(f.press(Key::Escape), Some(Chosen::Escape));
    }

    #[test]
    fn space_picks_an_item_up_and_the_arrows_carry_it() {
        let mut f = frame(&["x", "y", "z"], MenuKind::Order);
        f.press(Key::Char(' '));
        f.press(Key::ArrowDown);
        f.press(Key::ArrowDown);
        f.press(Key::Char(' '));
        f.press(Key::Char('b'));
        assert_eq!(f.active, 0, "b is now first");
        assert_eq!(f.press(Key::Enter), Some(Chosen::Ordered(vec![1, 2, 0])));
        let lines = f.lines(40, 20);
        assert!(lines[0].starts_with("> b) y"), "{lines:?}");
        assert!(
            lines[2].starts_with("  a) x"),
            "letters stay with their items"
        );
    }
}
