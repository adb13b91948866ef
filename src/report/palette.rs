//! Colours that read in light and dark schemes. Charts are drawn with token colours (near
//! black, never used for anything else), and the page's stylesheet paints each token with
//! the colour of the reader's scheme: CSS rules win over SVG presentation attributes, so
//! the SVG stays plain plotters output and the page needs no script.

use plotters::style::RGBColor;

/// Text and axes.
pub const INK: RGBColor = RGBColor(1, 1, 1);
/// Grid lines and quiet borders.
pub const GRID: RGBColor = RGBColor(2, 2, 2);
/// Secondary text.
pub const MUTED: RGBColor = RGBColor(3, 3, 3);
/// The page's background (legend boxes).
pub const PAPER: RGBColor = RGBColor(4, 4, 4);
/// One per mode, in the order of `Mode::ALL`: practice, exam, review, cram.
pub const SERIES: [RGBColor; 4] = [
    RGBColor(5, 5, 1),
    RGBColor(5, 5, 2),
    RGBColor(5, 5, 3),
    RGBColor(5, 5, 4),
];
/// The calendar's levels, from no study to the most.
pub const HEAT: [RGBColor; 5] = [
    RGBColor(6, 6, 0),
    RGBColor(6, 6, 1),
    RGBColor(6, 6, 2),
    RGBColor(6, 6, 3),
    RGBColor(6, 6, 4),
];
/// Bars.
pub const BAR: RGBColor = RGBColor(7, 7, 1);
/// A target to compare with.
pub const TARGET: RGBColor = RGBColor(7, 7, 2);

/// Each token with its CSS variable.
const TOKENS: [(RGBColor, &str); 15] = [
    (INK, "ink"),
    (GRID, "grid"),
    (MUTED, "muted"),
    (PAPER, "paper"),
    (SERIES[0], "s1"),
    (SERIES[1], "s2"),
    (SERIES[2], "s3"),
    (SERIES[3], "s4"),
    (HEAT[0], "h0"),
    (HEAT[1], "h1"),
    (HEAT[2], "h2"),
    (HEAT[3], "h3"),
    (HEAT[4], "h4"),
    (BAR, "bar"),
    (TARGET, "target"),
];

/// The colours of each scheme, as CSS custom properties.
const LIGHT: &str = "--ink:#1f2328;--grid:#d0d7de;--muted:#59636e;--paper:#ffffff;\
--s1:#0969da;--s2:#8250df;--s3:#1a7f37;--s4:#bc4c00;\
--h0:#ebedf0;--h1:#9be9a8;--h2:#40c463;--h3:#30a14e;--h4:#216e39;\
--bar:#0969da;--target:#cf222e;";
const DARK: &str = "--ink:#e6edf3;--grid:#3d444d;--muted:#9198a1;--paper:#0d1117;\
--s1:#4493f8;--s2:#ab7df8;--s3:#3fb950;--s4:#f0883e;\
--h0:#1c2128;--h1:#0e4429;--h2:#006d32;--h3:#26a641;--h4:#39d353;\
--bar:#4493f8;--target:#ff7b72;";

/// `#RRGGBB` as plotters' SVG backend writes it.
pub fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// The stylesheet that paints the tokens, for both schemes.
pub fn css() -> String {
    let mut out = format!(
        ":root{{color-scheme:light dark;{LIGHT}}}\n\
         @media (prefers-color-scheme: dark){{:root{{{DARK}}}}}\n"
    );
    for (color, name) in TOKENS {
        let hex = hex(color);
        out.push_str(&format!(
            "svg [fill=\"{hex}\"]{{fill:var(--{name})}}svg [stroke=\"{hex}\"]{{stroke:var(--{name})}}\n"
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_token_is_distinct_and_painted_in_both_schemes() {
        let mut seen = std::collections::HashSet::new();
        for (color, name) in TOKENS {
            assert!(seen.insert(hex(color)), "{name}");
            assert!(LIGHT.contains(&format!("--{name}:#")), "{name}");
            assert!(DARK.contains(&format!("--{name}:#")), "{name}");
        }
        assert!(css().contains("svg [fill=\"#010101\"]{fill:var(--ink)}"));
    }
}
