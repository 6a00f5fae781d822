//! Draws a [`Plot`] with plotters, on any backend: the page's canvas, an SVG download, or an SVG
//! string in the snapshot tests.
//!
//! Everything is drawn with plotters' basic elements (rectangles, paths, circles, text) rather
//! than its chart builder, for three reasons: every text measurement then goes through the
//! backend, where the canvas backend caches it (plotters' own legend and multi-line text
//! measure through its font code, which on the web inserts a DOM element per label); the
//! layout can do what readers need (years spaced truly, gaps in lines, status marks, labels
//! thinned or turned instead of overlapping); and the wasm stays small.
//!
//! How values are marked:
//! - a missing value is a gap in a line, "n/a" in a bar chart, and a left-out segment (with a
//!   `*` over the stack) in stacked bars; it is never drawn as zero;
//! - clean values are filled markers (in their series' shape) and solid bars; corrected
//!   values hollow markers and pale bars with an outline; uncertain values hollow diamonds and
//!   pale hatched bars with a dashed outline; line pieces touching a corrected or uncertain
//!   value are dashed.
//!
//! Values the paper gives as a bound or an approximation ("less than 20 percent", "about 70")
//! carry ≤, ≥ or ≈ beside their marker or above their bar. Each series has its own marker
//! shape as well as its own colour; two values of a sparse series years apart are joined by a
//! dotted line, never a solid one. Series that are not emphasised are dimmed, and reference
//! lines, shaded spans and callouts are drawn with the data (see `annotate`).
//!
//! [`status_key`] words this for legends.

mod annotate;
mod body;
mod frame;
mod hits;
mod legend;
mod marks;
mod paint;
mod scale;
mod svg;
/// Fonts and text widths, shared with the canvas backend in `crate::web::canvas`.
pub(crate) mod text;
mod theme;
mod xaxis;

pub use hits::{tooltip_position, Area, DrawnValue, Hits, MOUSE_REACH, TOUCH_REACH};
pub use legend::{status_key, SPARSE_KEY};

use crate::lang::Lang;
use crate::plot::{Plot, Shape};
use marks::Rect;
use paint::{message, Painter};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend, IntoDrawingArea};
use plotters::style::text_anchor::{HPos, VPos};
use text::Font;
use theme::Theme;

/// What the chart says when there is nothing to draw.
pub const EMPTY_MESSAGE: &str = "Nothing to show: switch on at least one series and one year.";

/// The largest width or height, in pixels, that a chart is drawn at: far beyond any screen or
/// print, and small enough that every layout loop and every SVG document stays bounded.
pub const MAX_SIDE: u32 = 32_768;

/// How a chart is drawn, apart from what it shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    /// Dark background with light text.
    pub dark: bool,
    /// Multiplies every text size and line width: the page passes devicePixelRatio × the
    /// reader's zoom, so that a canvas is sharp on high-density screens.
    pub font_scale: f64,
    /// Text and lines for a projector's back row: `font_scale` is multiplied further by
    /// [`projector_scale`] of the chart's size in CSS pixels (its pixels ÷ `font_scale`), so
    /// that a small projector keeps room for the plot and a large one gets larger type.
    pub projector: bool,
    /// Draw the legend (series and status key) under the chart.
    pub with_legend: bool,
    /// Draw the title above the chart and the source line under it.
    pub with_title: bool,
    /// The language of the texts the chart itself writes (the status key, its messages); the
    /// plot's own texts come translated (see [`crate::plot::Plot::translated`]).
    pub lang: Lang,
}

impl Style {
    /// The style of the page's canvas, where title and legend are HTML around it.
    pub fn page(dark: bool, scale: f64) -> Style {
        Style {
            dark,
            font_scale: scale,
            projector: false,
            with_legend: false,
            with_title: false,
            lang: Lang::En,
        }
    }

    /// The style of the page's canvas on a projector, where the back row must read it: text
    /// and lines grow with the chart (see [`projector_scale`]): the smallest text, 10 px at
    /// scale 1, is 24 CSS pixels in a chart of a 1024 px wide projector and 28 or more in one
    /// of a 1920 px wide one, where every series line is at least 4 px wide.
    pub fn projector(dark: bool) -> Style {
        Style {
            projector: true,
            ..Style::page(dark, 1.0)
        }
    }

    /// The style of a downloaded SVG, which must stand alone: with title, legend and source.
    pub fn export(dark: bool) -> Style {
        Style {
            dark,
            font_scale: 1.0,
            projector: false,
            with_legend: true,
            with_title: true,
            lang: Lang::En,
        }
    }
}

/// How much larger than the page's a projector's chart text is, for a chart of
/// `css_width` × `css_height` CSS pixels: 2.4 (the smallest text 24 px) up to a chart 1,000 px
/// wide, rising to 2.9 at 1,800 px (a 1920 × 1080 screen's chart) and in proportion beyond
/// (a 4K projector). A chart box too short or too narrow for that much text gets less, so that
/// its axes leave the plot room: one step of scale per 150 px of height (24 px text needs a
/// box 360 px tall) and per 400 px of width, and never less than the page's own size.
pub fn projector_scale(css_width: f64, css_height: f64) -> f64 {
    if !(css_width.is_finite() && css_height.is_finite()) {
        return 1.0;
    }
    let by_width = if css_width <= 1000.0 {
        2.4
    } else if css_width <= 1800.0 {
        2.4 + 0.5 * (css_width - 1000.0) / 800.0
    } else {
        2.9 * css_width / 1800.0
    };
    let room = (css_height / 150.0).min(css_width / 400.0);
    by_width.min(room).max(1.0)
}

/// The text sizes of a chart, in backend pixels.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fonts {
    /// The chart title of an export.
    pub title: Font,
    /// The axis titles.
    pub axis_title: Font,
    /// The tick labels of both axes.
    pub tick: Font,
    /// Legend labels.
    pub legend: Font,
    /// The legend label of a highlighted series.
    pub legend_bold: Font,
    /// The source line under an export.
    pub source: Font,
    /// The message of an empty chart.
    pub message: Font,
    /// Small notes in the plot ("n/a").
    pub note: Font,
    /// The mark over an incomplete stack.
    pub note_bold: Font,
    /// The labels of reference lines, spans and callouts.
    pub annotation: Font,
}

impl Fonts {
    /// The sizes at `scale`; at scale 1 labels are 12 CSS pixels, readable on a phone.
    fn new(scale: f64) -> Fonts {
        Fonts {
            title: Font::new(17.0, scale, true),
            axis_title: Font::new(12.0, scale, false),
            tick: Font::new(12.0, scale, false),
            legend: Font::new(12.0, scale, false),
            legend_bold: Font::new(12.0, scale, true),
            source: Font::new(11.0, scale, false),
            message: Font::new(14.0, scale, false),
            note: Font::new(10.0, scale, false),
            note_bold: Font::new(13.0, scale, true),
            annotation: Font::new(11.0, scale, false),
        }
    }
}

/// The CSS pixels of a picture's height for each step of its type's growth on a projector:
/// a 1080 px slide keeps the full projector type, a 376 px picture from a phone about 1.25×.
const PICTURE_HEIGHT_PER_SCALE: f64 = 300.0;

/// The share of an exported picture's height (inside its margin) that its chart, axes
/// included, keeps at least.
const MIN_CHART_SHARE: f64 = 0.55;

/// The most lines the title or the source of a picture takes.
const MAX_HEADING_LINES: usize = 2;

/// `lines` cut to [`MAX_HEADING_LINES`], the last one ending in "…" when text was left out.
fn at_most_lines(
    painter: &Painter,
    mut lines: Vec<String>,
    font: Font,
    width: f64,
) -> Result<Vec<String>, String> {
    if lines.len() > MAX_HEADING_LINES {
        let rest = lines.split_off(MAX_HEADING_LINES - 1).join(" ");
        lines.push(painter.truncate(&format!("{rest}…"), font, width)?);
    }
    Ok(lines)
}

/// Draws `plot` on `area` in `style`, and returns where each value was drawn, in the area's
/// pixels.
///
/// An area too small to hold a chart gets only the background, and an export too small for
/// its title and chart only the title; a legend that would leave the chart less than 55% of the
/// picture leaves out its status key, or itself. Errors are the backend's
/// (a canvas that cannot be drawn on, say), or an area larger than [`MAX_SIDE`], returned as a
/// readable message.
pub fn draw<DB: DrawingBackend>(
    plot: &Plot,
    style: &Style,
    area: &DrawingArea<DB, Shift>,
) -> Result<Hits, String> {
    let (width, height) = area.dim_in_pixel();
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(message(format!(
            "{width} × {height} pixels is larger than the {MAX_SIDE} × {MAX_SIDE} a chart may have"
        )));
    }
    let theme = Theme::new(style.dark);
    area.fill(&theme.background).map_err(message)?;
    let mut hits = Hits::default();
    draw_on(plot, style, area, (width, height), &mut hits)?;
    Ok(hits)
}

/// Draws `plot` on a surface of `width` × `height` pixels already filled with the background,
/// recording each value's mark in `hits`. This is the whole chart; [`draw`] only adapts a
/// plotters backend to it, so that this code is compiled once whatever the backend.
fn draw_on(
    plot: &Plot,
    style: &Style,
    area: &dyn paint::Surface,
    (width, height): (u32, u32),
    hits: &mut Hits,
) -> Result<(), String> {
    // A scale that is not a positive number (a page bug) falls back to 1 rather than to a
    // chart without text.
    let base = if style.font_scale.is_finite() && style.font_scale > 0.0 {
        style.font_scale.clamp(0.25, 16.0)
    } else {
        1.0
    };
    let scale = if style.projector {
        let css = |pixels: u32| f64::from(pixels) / base;
        let mut grown = projector_scale(css(width), css(height));
        if style.with_title {
            // A picture also holds its title, legend and source, in the same large type: in a
            // short one they would leave the plot no room, so its type grows only as far as
            // its height allows.
            grown = grown.min(css(height) / PICTURE_HEIGHT_PER_SCALE).max(1.0);
        }
        (base * grown).clamp(0.25, 16.0)
    } else {
        base
    };
    let theme = Theme::new(style.dark);
    let painter = Painter::new(area, theme, scale, style.lang);
    let fonts = Fonts::new(scale);
    let outer = Rect {
        x0: 0.0,
        y0: 0.0,
        x1: f64::from(width),
        y1: f64::from(height),
    }
    .inset(painter.px(10.0));
    if outer.width() < painter.px(80.0) || outer.height() < painter.px(60.0) {
        return Ok(());
    }
    let mut region = outer;
    // A picture's chart, axes included, keeps this much of its height whatever the size it is
    // drawn at: the title and source are cut to a few lines, and the legend gives up its
    // status key, then its place, before the plot is squeezed out.
    let least_chart = outer.height() * MIN_CHART_SHARE;
    if style.with_title {
        let title = at_most_lines(
            &painter,
            painter.wrap(&plot.title, fonts.title, region.width())?,
            fonts.title,
            region.width(),
        )?;
        let source = at_most_lines(
            &painter,
            painter.wrap(
                &crate::plot::source_line(&plot.source),
                fonts.source,
                region.width(),
            )?,
            fonts.source,
            region.width(),
        )?;
        let line_height = fonts.source.line_height();
        let needed = title.len() as f64 * fonts.title.line_height()
            + painter.px(8.0)
            + source.len() as f64 * line_height
            + painter.px(6.0);
        // Title and source that would overlap leave no room for a chart either.
        if needed > region.height() {
            return Ok(());
        }
        for line in title {
            painter.text(
                &line,
                fonts.title,
                theme.text,
                (region.x0, region.y0),
                HPos::Left,
                VPos::Top,
            )?;
            region.y0 += fonts.title.line_height();
        }
        region.y0 += painter.px(8.0);
        region.y1 -= source.len() as f64 * line_height;
        for (index, line) in source.iter().enumerate() {
            let y = region.y1 + index as f64 * line_height;
            painter.text(
                line,
                fonts.source,
                theme.muted,
                (region.x0, y),
                HPos::Left,
                VPos::Top,
            )?;
        }
        region.y1 -= painter.px(6.0);
    }
    if style.with_legend {
        let gap = painter.px(10.0);
        let room = region.height() - gap - least_chart;
        let mut fitting = None;
        for keys in [legend::Keys::All, legend::Keys::SeriesOnly] {
            if legend::height(plot, &painter, &fonts, region.width(), keys)? <= room {
                fitting = Some(keys);
                break;
            }
        }
        if let Some(keys) = fitting {
            if let Some(legend_top) = legend::draw_legend(plot, &painter, &fonts, region, keys)? {
                region.y1 = legend_top - gap;
            }
        }
    }
    body::draw_chart(plot, &painter, &fonts, region, hits)
}

/// The range of values the value axis of `plot` covers before it is rounded to ticks: the
/// shown values, widened to the plot's fixed domain if it has one (so that it stays the same
/// through every step of Play); `None` when the chart has nothing to place. A plot's range
/// given as its own `value_domain` changes nothing, so one built over every year can fix the
/// axis for each year of it.
pub fn value_domain(plot: &Plot) -> Option<(f64, f64)> {
    if plot.is_empty() {
        None
    } else {
        body::value_range(plot)
    }
}

/// The corners of a marker of `shape` around the origin, at a radius of 1, as the chart draws
/// it; `None` for the dot. The HTML legend's swatches are cut to the same outlines.
pub(crate) fn marker_outline(shape: Shape) -> Option<Vec<(f64, f64)>> {
    marks::outline(shape, (0.0, 0.0), 1.0)
}

/// Draws `plot` as an SVG document of `width` × `height` pixels.
///
/// Text is measured with Helvetica's metrics (no font files are read), so the output is the
/// same on every machine. Should drawing fail, the document says so in place of the chart.
pub fn to_svg(plot: &Plot, style: &Style, width: u32, height: u32) -> String {
    to_svg_with_hits(plot, style, width, height).0
}

/// [`to_svg`], with where each value was drawn (none when drawing failed).
pub fn to_svg_with_hits(plot: &Plot, style: &Style, width: u32, height: u32) -> (String, Hits) {
    let mut document = String::new();
    let outcome = {
        let area = svg::SvgChartBackend::new(&mut document, (width, height)).into_drawing_area();
        draw(plot, style, &area).and_then(|hits| area.present().map_err(message).map(|()| hits))
    };
    match outcome {
        Ok(hits) => (document, hits),
        Err(problem) => (failure_svg(&problem, width, height), Hits::default()),
    }
}

/// A small SVG document that states `problem`.
fn failure_svg(problem: &str, width: u32, height: u32) -> String {
    let escaped = problem
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!(
        "<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">\n\
         <text x=\"10\" y=\"20\" font-family=\"{family}\" font-size=\"12\">{escaped}</text>\n</svg>\n",
        family = text::FONT_FAMILY
    )
}
