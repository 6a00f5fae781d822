//! The marks that carry a value and its status: line pieces, point markers and bars. The
//! legend draws its key with the same functions, so the key always matches the chart.

use super::paint::{Drawn, Painter, Point};
use crate::data::Status;
use plotters::style::RGBColor;

/// A plotted point: where it is and how far its value can be trusted.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Placed {
    /// The point in pixels.
    pub at: Point,
    /// The status of the value, which decides the marker and the line pieces next to it.
    pub status: Status,
}

/// The stroke widths and marker size of a line, ordinary or highlighted.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LinePen {
    /// The width of the line.
    pub width: f64,
    /// The radius of a marker.
    pub radius: f64,
    /// The width of a hollow marker's outline.
    pub outline: f64,
}

impl LinePen {
    /// The pen of a series at `scale`, thicker and with bigger markers when highlighted.
    pub fn new(scale: f64, highlight: bool) -> LinePen {
        if highlight {
            LinePen {
                width: 3.5 * scale,
                radius: 4.5 * scale,
                outline: 2.0 * scale,
            }
        } else {
            LinePen {
                width: 2.0 * scale,
                radius: 3.5 * scale,
                outline: 1.5 * scale,
            }
        }
    }
}

/// True when a value with this status is drawn as less than certain.
pub(crate) fn is_flagged(status: Status) -> bool {
    status != Status::Clean
}

/// Draws a series' line through `points` (one per category, `None` where there is no value).
/// A missing point leaves a gap: no piece of line reaches it and nothing bridges it. A piece
/// that touches a corrected or uncertain point is dashed.
pub(crate) fn series_line(
    painter: &Painter,
    points: &[Option<Placed>],
    color: RGBColor,
    pen: LinePen,
) -> Drawn {
    let mut run: Vec<Point> = Vec::new();
    let mut run_dashed = false;
    for pair in points.windows(2) {
        let (Some(from), Some(to)) = (pair[0], pair[1]) else {
            flush_run(painter, &mut run, run_dashed, color, pen)?;
            continue;
        };
        let dashed = is_flagged(from.status) || is_flagged(to.status);
        if dashed != run_dashed {
            flush_run(painter, &mut run, run_dashed, color, pen)?;
        }
        if run.is_empty() {
            run.push(from.at);
            run_dashed = dashed;
        }
        run.push(to.at);
    }
    flush_run(painter, &mut run, run_dashed, color, pen)
}

/// Draws and empties the pending run of line pieces.
fn flush_run(
    painter: &Painter,
    run: &mut Vec<Point>,
    dashed: bool,
    color: RGBColor,
    pen: LinePen,
) -> Drawn {
    let outcome = if dashed {
        painter.dashed(run, color, pen.width)
    } else {
        painter.polyline(run, color, pen.width)
    };
    run.clear();
    outcome
}

/// Draws the marker of one point: a filled dot when clean, a hollow dot when corrected, a
/// hollow diamond when uncertain. Hollow marks are filled with the background so that the line
/// does not show through them.
pub(crate) fn marker(
    painter: &Painter,
    at: Point,
    status: Status,
    color: RGBColor,
    pen: LinePen,
) -> Drawn {
    let background = painter.theme.background;
    match status {
        Status::Clean => painter.circle(at, pen.radius, color, true, 1.0),
        Status::Corrected => {
            painter.circle(at, pen.radius, background, true, 1.0)?;
            painter.circle(at, pen.radius, color, false, pen.outline)
        }
        Status::Uncertain => {
            let reach = pen.radius * 1.35;
            let (x, y) = at;
            let corners = [
                (x, y - reach),
                (x + reach, y),
                (x, y + reach),
                (x - reach, y),
                (x, y - reach),
            ];
            painter.polygon(&corners[..4], background)?;
            painter.polyline(&corners, color, pen.outline)
        }
        Status::Missing => Ok(()),
    }
}

/// A rectangle given by its left, top, right and bottom edges.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rect {
    /// The left edge.
    pub x0: f64,
    /// The top edge.
    pub y0: f64,
    /// The right edge.
    pub x1: f64,
    /// The bottom edge.
    pub y1: f64,
}

impl Rect {
    /// The width (zero when the edges are crossed).
    pub fn width(&self) -> f64 {
        (self.x1 - self.x0).max(0.0)
    }

    /// The height (zero when the edges are crossed).
    pub fn height(&self) -> f64 {
        (self.y1 - self.y0).max(0.0)
    }

    /// The rectangle shrunk by `by` on every side.
    pub fn inset(&self, by: f64) -> Rect {
        Rect {
            x0: self.x0 + by,
            y0: self.y0 + by,
            x1: self.x1 - by,
            y1: self.y1 - by,
        }
    }

    /// The closed outline, corner to corner.
    fn outline(&self) -> [Point; 5] {
        [
            (self.x0, self.y0),
            (self.x1, self.y0),
            (self.x1, self.y1),
            (self.x0, self.y1),
            (self.x0, self.y0),
        ]
    }
}

/// Draws one bar or stack segment: solid when clean; pale with a solid outline when corrected;
/// pale, hatched and with a dashed outline when uncertain. A highlighted bar gets a frame in the
/// text colour just outside it, which leaves its own colour and status marks intact.
pub(crate) fn bar(
    painter: &Painter,
    rect: Rect,
    status: Status,
    color: RGBColor,
    highlight: bool,
) -> Drawn {
    let theme = painter.theme;
    let flagged = is_flagged(status);
    let fill = if flagged { theme.pale(color) } else { color };
    painter.fill_rect((rect.x0, rect.y0), (rect.x1, rect.y1), fill)?;
    if status == Status::Uncertain {
        hatch(painter, rect, color)?;
    }
    let outline_width = painter.px(1.5).round().max(1.0);
    // The status outline is drawn inside the bar, so that neighbouring bars never overlap.
    let inner = rect.inset(outline_width / 2.0);
    if flagged && inner.width() >= 1.0 && inner.height() >= 1.0 {
        if status == Status::Uncertain {
            painter.dashed(&inner.outline(), color, outline_width)?;
        } else {
            painter.polyline(&inner.outline(), color, outline_width)?;
        }
    }
    if highlight {
        let frame_width = painter.px(2.0).round().max(1.0);
        painter.polyline(
            &rect.inset(-frame_width / 2.0).outline(),
            theme.text,
            frame_width,
        )?;
    }
    Ok(())
}

/// Fills `rect` with thin diagonal lines (rising to the right).
fn hatch(painter: &Painter, rect: Rect, color: RGBColor) -> Drawn {
    let spacing = painter.px(5.0).max(3.0);
    let width = painter.px(1.0);
    // Each line is x + y = sum; it enters the rectangle at its left or bottom edge and leaves it
    // at its top or right edge.
    let mut sum = rect.x0 + rect.y0 + spacing;
    while sum < rect.x1 + rect.y1 {
        let start_x = rect.x0.max(sum - rect.y1);
        let end_x = rect.x1.min(sum - rect.y0);
        if end_x > start_x {
            painter.polyline(
                &[(start_x, sum - start_x), (end_x, sum - end_x)],
                color,
                width,
            )?;
        }
        sum += spacing;
    }
    Ok(())
}
