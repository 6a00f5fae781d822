//! The legend of an exported chart (series and status key), and the status key's wording,
//! which the page's HTML legend shows too.

use super::body::{series_color, series_pen, uses_log};
use super::marks::{self, LinePen, Rect};
use super::paint::{Drawn, Painter};
use super::Fonts;
use crate::data::Status;
use crate::plot::{ChartKind, Plot, Shape};
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::RGBColor;

/// What each status looks like in a chart of `kind`, and what it means, in the order the
/// legend lists them. The page's HTML legend uses these words so that both explain the marks
/// identically.
pub fn status_key(kind: ChartKind) -> [(Status, &'static str); 4] {
    match kind {
        ChartKind::Line => [
            (
                Status::Clean,
                "Filled marker, solid line: as printed in the paper",
            ),
            (
                Status::Corrected,
                "Hollow marker, dashed line: garbled in the OCR text, corrected",
            ),
            (
                Status::Uncertain,
                "Hollow diamond, dashed line: best guess, garbled in the OCR text or placed by inference",
            ),
            (Status::Missing, "Gap in the line: no value"),
        ],
        ChartKind::Bars => [
            (Status::Clean, "Solid bar: as printed in the paper"),
            (
                Status::Corrected,
                "Pale bar, solid outline: garbled in the OCR text, corrected",
            ),
            (
                Status::Uncertain,
                "Pale hatched bar, dashed outline: best guess, garbled in the OCR text or placed by inference",
            ),
            (Status::Missing, "n/a on the baseline: no value"),
        ],
        ChartKind::Stacked | ChartKind::Stacked100 => [
            (Status::Clean, "Solid block: as printed in the paper"),
            (
                Status::Corrected,
                "Pale block, solid outline: garbled in the OCR text, corrected",
            ),
            (
                Status::Uncertain,
                "Pale hatched block, dashed outline: best guess, garbled in the OCR text or placed by inference",
            ),
            (
                Status::Missing,
                "* over a bar: a part has no value and is left out",
            ),
        ],
    }
}

/// What a dotted line means, in the key of a chart with sparse series; the page's HTML legend
/// uses the same words.
pub const SPARSE_KEY: &str = "Dotted line: two values years apart, no data between";

/// The statuses worth a key entry in `plot`: corrected and uncertain values when there are
/// any, clean ones only as the contrast to those, and missing ones when a value is absent (or
/// cannot be placed on a logarithmic axis, which leaves the same gap).
fn statuses_shown(plot: &Plot) -> Vec<Status> {
    let flagged = plot.has_status(Status::Corrected) || plot.has_status(Status::Uncertain);
    let log = uses_log(plot);
    let missing = plot.series.iter().any(|series| {
        (0..plot.categories.len()).any(|index| {
            series
                .points
                .get(index)
                .and_then(|point| point.value)
                .is_none_or(|value| !value.is_finite() || (log && value <= 0.0))
        })
    });
    Status::ALL
        .into_iter()
        .filter(|status| match status {
            Status::Clean => flagged && plot.has_status(Status::Clean),
            Status::Missing => missing && !plot.is_empty(),
            other => plot.has_status(*other),
        })
        .collect()
}

/// What stands before an entry's text.
#[derive(Clone, Copy, Debug)]
enum Glyph {
    Series {
        color: RGBColor,
        pen: LinePen,
        shape: Shape,
        highlight: bool,
    },
    Status(Status),
    /// The dotted line between two values years apart.
    Sparse,
}

/// One legend entry, placed.
struct Entry {
    glyph: Glyph,
    lines: Vec<String>,
    bold: bool,
    x: f64,
    row: usize,
}

/// How much of the legend is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Keys {
    /// The series and the status key.
    All,
    /// The series alone, when the status key would leave the plot too little room.
    SeriesOnly,
}

/// The height of the legend laid out in `width`.
pub(crate) fn height(
    plot: &Plot,
    painter: &Painter,
    fonts: &Fonts,
    width: f64,
    keys: Keys,
) -> Result<f64, String> {
    let entries = lay_out(plot, painter, fonts, width, keys)?;
    Ok(rows(&entries) as f64 * row_height(painter, fonts))
}

/// The rows the placed entries take.
fn rows(entries: &[Entry]) -> usize {
    entries
        .iter()
        .map(|entry| entry.row + entry.lines.len())
        .max()
        .unwrap_or(0)
}

/// Lays out and draws the legend at the bottom of `region`; returns the legend's top edge, or
/// `None` (and draws nothing) when the legend does not fit in `region`.
pub(crate) fn draw_legend(
    plot: &Plot,
    painter: &Painter,
    fonts: &Fonts,
    region: Rect,
    keys: Keys,
) -> Result<Option<f64>, String> {
    let entries = lay_out(plot, painter, fonts, region.width(), keys)?;
    let rows = rows(&entries);
    if rows == 0 {
        return Ok(Some(region.y1));
    }
    let row_height = row_height(painter, fonts);
    let top = region.y1 - rows as f64 * row_height;
    if top < region.y0 {
        return Ok(None);
    }
    for entry in &entries {
        let x = region.x0 + entry.x;
        let middle = top + (entry.row as f64 + 0.5) * row_height;
        draw_glyph(plot.kind, painter, entry.glyph, (x, middle))?;
        let text_x = x + text_offset(plot.kind, painter, entry.glyph);
        let (font, color) = match entry.glyph {
            Glyph::Series { .. } => (
                if entry.bold {
                    fonts.legend_bold
                } else {
                    fonts.legend
                },
                painter.theme.text,
            ),
            Glyph::Status(_) | Glyph::Sparse => (fonts.legend, painter.theme.muted),
        };
        for (line_index, line) in entry.lines.iter().enumerate() {
            let y = middle + line_index as f64 * row_height;
            painter.text(line, font, color, (text_x, y), HPos::Left, VPos::Center)?;
        }
    }
    Ok(Some(top))
}

fn row_height(painter: &Painter, fonts: &Fonts) -> f64 {
    fonts.legend.line_height() + painter.px(4.0)
}

/// Places the entries in rows of `width`: the series side by side, then the status key, each
/// status on a fresh row when it would not fit beside the previous one.
fn lay_out(
    plot: &Plot,
    painter: &Painter,
    fonts: &Fonts,
    width: f64,
    keys: Keys,
) -> Result<Vec<Entry>, String> {
    let entry_gap = painter.px(16.0);
    let mut entries: Vec<Entry> = Vec::new();
    let (mut x, mut row, mut row_span) = (0.0, 0, 1);
    let mut place = |glyph: Glyph,
                     lines: Vec<String>,
                     text_width: f64,
                     bold: bool,
                     offset: f64,
                     new_row: bool| {
        let entry_width = offset + text_width;
        if x > 0.0 && (new_row || x + entry_width > width || lines.len() > 1) {
            row += row_span;
            x = 0.0;
            row_span = 1;
        }
        row_span = row_span.max(lines.len());
        entries.push(Entry {
            glyph,
            lines,
            bold,
            x,
            row,
        });
        x += entry_width + entry_gap;
    };
    for series in &plot.series {
        let glyph = Glyph::Series {
            color: series_color(plot, painter, series),
            pen: series_pen(plot, painter, series),
            shape: series.shape,
            highlight: series.highlight,
        };
        let font = if series.highlight {
            fonts.legend_bold
        } else {
            fonts.legend
        };
        let offset = text_offset(plot.kind, painter, glyph);
        let room = (width - offset).max(1.0);
        let label = painter.truncate(&series.label, font, room)?;
        let text_width = painter.measure(&label, font)?;
        place(
            glyph,
            vec![label],
            text_width,
            series.highlight,
            offset,
            false,
        );
    }
    if keys == Keys::SeriesOnly {
        return Ok(entries);
    }
    let key = status_key(plot.kind);
    for (position, status) in statuses_shown(plot).into_iter().enumerate() {
        let Some((_, description)) = key.iter().find(|(keyed, _)| *keyed == status) else {
            continue;
        };
        let glyph = Glyph::Status(status);
        let offset = text_offset(plot.kind, painter, glyph);
        let room = (width - offset).max(1.0);
        let lines = painter.wrap(&painter.say(description), fonts.legend, room)?;
        let text_width = painter.widest(lines.iter().map(String::as_str), fonts.legend)?;
        place(glyph, lines, text_width, false, offset, position == 0);
    }
    if plot.has_sparse_pieces() {
        let glyph = Glyph::Sparse;
        let offset = text_offset(plot.kind, painter, glyph);
        let lines = painter.wrap(
            &painter.say(SPARSE_KEY),
            fonts.legend,
            (width - offset).max(1.0),
        )?;
        let text_width = painter.widest(lines.iter().map(String::as_str), fonts.legend)?;
        place(glyph, lines, text_width, false, offset, true);
    }
    Ok(entries)
}

/// The width of a glyph: a short line with a marker for line charts, a square for bars, and
/// nothing for a missing bar, whose key text begins with the mark itself.
fn glyph_width(kind: ChartKind, painter: &Painter, glyph: Glyph) -> f64 {
    match (kind, glyph) {
        (ChartKind::Line, _) => painter.px(24.0),
        (_, Glyph::Status(Status::Missing)) => 0.0,
        _ => painter.px(12.0),
    }
}

/// Where an entry's text starts, after its glyph and a gap (if it has a glyph).
fn text_offset(kind: ChartKind, painter: &Painter, glyph: Glyph) -> f64 {
    let width = glyph_width(kind, painter, glyph);
    if width > 0.0 {
        width + painter.px(6.0)
    } else {
        0.0
    }
}

/// Draws a glyph with its left edge at `x`, centred on `y`. Status glyphs are drawn in the
/// muted text colour, since they stand for every series.
fn draw_glyph(kind: ChartKind, painter: &Painter, glyph: Glyph, (x, y): (f64, f64)) -> Drawn {
    let muted = painter.theme.muted;
    let plain_pen = LinePen::new(painter.scale, false);
    let (color, pen, shape, highlight, status) = match glyph {
        Glyph::Series {
            color,
            pen,
            shape,
            highlight,
        } => (color, pen, shape, highlight, Status::Clean),
        Glyph::Status(status) => (muted, plain_pen, Shape::Circle, false, status),
        Glyph::Sparse => {
            // The end dots sit inside the glyph's width, clear of the text after it.
            let reach = plain_pen.radius;
            let width = glyph_width(kind, painter, glyph);
            let (left, right) = ((x + reach, y), (x + width - reach, y));
            painter.dotted(&[left, right], muted, plain_pen.width)?;
            marks::marker(
                painter,
                left,
                Status::Clean,
                muted,
                plain_pen,
                Shape::Circle,
            )?;
            return marks::marker(
                painter,
                right,
                Status::Clean,
                muted,
                plain_pen,
                Shape::Circle,
            );
        }
    };
    let width = glyph_width(kind, painter, glyph);
    if kind == ChartKind::Line {
        let (left, middle, right) = ((x, y), (x + width / 2.0, y), (x + width, y));
        return match status {
            Status::Missing => {
                let stub = width * 0.3;
                painter.polyline(&[left, (x + stub, y)], color, pen.width)?;
                painter.polyline(&[(x + width - stub, y), right], color, pen.width)
            }
            Status::Clean => {
                painter.polyline(&[left, right], color, pen.width)?;
                marks::marker(painter, middle, status, color, pen, shape)
            }
            _ => {
                painter.dashed(&[left, right], color, pen.width)?;
                marks::marker(painter, middle, status, color, pen, shape)
            }
        };
    }
    if status == Status::Missing {
        return Ok(());
    }
    let half = painter.px(6.0);
    let rect = Rect {
        x0: x,
        y0: y - half,
        x1: x + width,
        y1: y + half,
    };
    marks::bar(painter, rect, status, color, highlight)
}
