//! Drawing one chart as SVG text with plotters, and giving it a title and a description
//! that screen readers announce (`role="img"`, `<title>`, `<desc>`).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::palette::{INK, MUTED};

/// The font every chart uses; SVG text needs no font file.
pub const FONT: &str = "sans-serif";

/// A chart that could not be drawn (plotters reports only its backend's I/O errors and
/// coordinates it cannot map; neither happens with in-memory SVG and ranges checked here).
#[derive(Debug, thiserror::Error)]
#[error("cannot draw the chart “{chart}”: {message}")]
pub struct ChartError {
    pub chart: &'static str,
    pub message: String,
}

pub type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;
pub type DrawResult = Result<(), Box<dyn std::error::Error>>;

/// Draws with `draw` on an SVG of `size` pixels and returns the SVG text.
pub fn draw(
    chart: &'static str,
    size: (u32, u32),
    draw: impl FnOnce(&Area<'_>) -> DrawResult,
) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        let done = draw(&root).and_then(|()| root.present().map_err(Into::into));
        done.map_err(|e| ChartError {
            chart,
            message: e.to_string(),
        })?;
    }
    Ok(out)
}

/// A line of text in the ink colour, anchored at its left middle.
pub fn label(size: u32) -> TextStyle<'static> {
    (FONT, size)
        .into_font()
        .color(&INK)
        .pos(Pos::new(HPos::Left, VPos::Center))
}

/// As `label`, in the muted colour.
pub fn quiet(size: u32) -> TextStyle<'static> {
    (FONT, size)
        .into_font()
        .color(&MUTED)
        .pos(Pos::new(HPos::Left, VPos::Center))
}

/// The message of a chart with nothing to show yet.
pub fn nothing_yet(root: &Area<'_>, text: &str) -> DrawResult {
    let (w, h) = root.dim_in_pixel();
    let style = (FONT, 16)
        .into_font()
        .color(&MUTED)
        .pos(Pos::new(HPos::Center, VPos::Center));
    root.draw(&Text::new(
        text.to_owned(),
        (i32::try_from(w / 2)?, i32::try_from(h / 2)?),
        style,
    ))?;
    Ok(())
}

/// The SVG with `role="img"`, a class, and a `<title>` and `<desc>` it is labelled by.
pub fn accessible(svg: &str, id: &str, title: &str, desc: &str) -> String {
    let Some(open_end) = svg.find('>') else {
        return svg.to_owned();
    };
    let (open, rest) = svg.split_at(open_end);
    format!(
        "{open} role=\"img\" class=\"chart\" aria-labelledby=\"{id}-title {id}-desc\" \
         preserveAspectRatio=\"xMinYMin meet\"><title id=\"{id}-title\">{}</title>\
         <desc id=\"{id}-desc\">{}</desc>{}",
        super::html::escape(title),
        super::html::escape(desc),
        &rest[1..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_gets_a_title_and_description_it_is_labelled_by() {
        let svg = draw("test", (100, 50), |root| nothing_yet(root, "Nothing <yet>")).unwrap();
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(
            svg.contains("Nothing &lt;yet&gt;"),
            "text is escaped: {svg}"
        );
        let done = accessible(&svg, "c1", "Accuracy", "Rising & steady");
        assert!(done.contains("role=\"img\""));
        assert!(done.contains("aria-labelledby=\"c1-title c1-desc\""));
        assert!(done.contains("<title id=\"c1-title\">Accuracy</title>"));
        assert!(done.contains("<desc id=\"c1-desc\">Rising &amp; steady</desc>"));
        assert!(done.ends_with("</svg>\n"), "{done}");
    }
}
