//! The marks that carry a value and its status: line pieces, point markers and bars. The
//! legend draws its key with the same functions, so the key always matches the chart.

use super::paint::{Drawn, Painter, Point};
use crate::data::Status;
use crate::plot::Shape;
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

    /// This pen for a series drawn behind emphasised ones: a thinner line and smaller
    /// markers, with outlines as strong as before so that statuses stay readable.
    pub fn dimmed(self) -> LinePen {
        LinePen {
            width: self.width * 0.7,
            radius: self.radius * 0.85,
            outline: self.outline,
        }
    }
}

/// True when a value with this status is drawn as less than certain.
pub(crate) fn is_flagged(status: Status) -> bool {
    status != Status::Clean
}

/// How a piece of line is stroked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stroke {
    /// Between two clean values.
    Solid,
    /// Touching a corrected or uncertain value.
    Dashed,
    /// Joining two values years apart, with no data between.
    Dotted,
}

/// Draws a series' line through `points` (one per category, `None` where there is no value).
/// A missing point leaves a gap: no piece of line reaches it and nothing bridges it. A piece
/// for which `dotted` (given the index of its first point) is true is dotted; otherwise a
/// piece that touches a corrected or uncertain point is dashed.
pub(crate) fn series_line(
    painter: &Painter,
    points: &[Option<Placed>],
    color: RGBColor,
    pen: LinePen,
    dotted: impl Fn(usize) -> bool,
) -> Drawn {
    let mut run: Vec<Point> = Vec::new();
    let mut run_stroke = Stroke::Solid;
    for (index, pair) in points.windows(2).enumerate() {
        let (Some(from), Some(to)) = (pair[0], pair[1]) else {
            flush_run(painter, &mut run, run_stroke, color, pen)?;
            continue;
        };
        let stroke = if dotted(index) {
            Stroke::Dotted
        } else if is_flagged(from.status) || is_flagged(to.status) {
            Stroke::Dashed
        } else {
            Stroke::Solid
        };
        if stroke != run_stroke {
            flush_run(painter, &mut run, run_stroke, color, pen)?;
        }
        if run.is_empty() {
            run.push(from.at);
            run_stroke = stroke;
        }
        run.push(to.at);
    }
    flush_run(painter, &mut run, run_stroke, color, pen)
}

/// Draws and empties the pending run of line pieces.
fn flush_run(
    painter: &Painter,
    run: &mut Vec<Point>,
    stroke: Stroke,
    color: RGBColor,
    pen: LinePen,
) -> Drawn {
    let outcome = match stroke {
        Stroke::Solid => painter.polyline(run, color, pen.width),
        Stroke::Dashed => painter.dashed(run, color, pen.width),
        Stroke::Dotted => painter.dotted(run, color, pen.width),
    };
    run.clear();
    outcome
}

/// Draws the marker of one point in its series' `shape`: filled when clean, hollow when
/// corrected; an uncertain value is a hollow diamond whatever the shape, so that a best guess
/// looks the same in every series. Hollow marks are filled with the background so that the
/// line does not show through them.
pub(crate) fn marker(
    painter: &Painter,
    at: Point,
    status: Status,
    color: RGBColor,
    pen: LinePen,
    shape: Shape,
) -> Drawn {
    let background = painter.theme.background;
    match (status, outline(shape, at, pen.radius)) {
        (Status::Clean, None) => painter.circle(at, pen.radius, color, true, 1.0),
        (Status::Clean, Some(corners)) => painter.polygon(&corners, color),
        (Status::Corrected, None) => {
            painter.circle(at, pen.radius, background, true, 1.0)?;
            painter.circle(at, pen.radius, color, false, pen.outline)
        }
        (Status::Corrected, Some(corners)) => hollow(painter, &corners, color, pen),
        (Status::Uncertain, _) => {
            let reach = pen.radius * 1.35;
            let (x, y) = at;
            let corners = [
                (x, y - reach),
                (x + reach, y),
                (x, y + reach),
                (x - reach, y),
            ];
            hollow(painter, &corners, color, pen)
        }
        (Status::Missing, _) => Ok(()),
    }
}

/// Draws the polygon `corners` hollow: filled with the background, outlined in `color`.
fn hollow(painter: &Painter, corners: &[Point], color: RGBColor, pen: LinePen) -> Drawn {
    painter.polygon(corners, painter.theme.background)?;
    let mut closed = corners.to_vec();
    closed.extend(corners.first().copied());
    painter.polyline(&closed, color, pen.outline)
}

/// The corners of a marker of `shape` centred on `at`, sized to look as large as a dot of
/// `radius`; `None` for the dot itself.
pub(crate) fn outline(shape: Shape, (x, y): Point, radius: f64) -> Option<Vec<Point>> {
    // Offsets from the centre, turned by the angle whose sine and cosine are given and scaled
    // by `reach`.
    let turned = |offsets: &[(f64, f64)], (sin, cos): (f64, f64), reach: f64| -> Vec<Point> {
        offsets
            .iter()
            .map(|(dx, dy)| {
                (
                    x + reach * (dx * cos - dy * sin),
                    y + reach * (dx * sin + dy * cos),
                )
            })
            .collect()
    };
    // Points on a circle in the `directions` given, alternating between the radii of `radii`.
    let around = |directions: &[(f64, f64)], radii: &[f64]| -> Vec<Point> {
        directions
            .iter()
            .enumerate()
            .map(|(index, (cos, sin))| {
                let reach = radii[index % radii.len()] * radius;
                (x + reach * cos, y + reach * sin)
            })
            .collect()
    };
    const PLUS: [(f64, f64); 12] = [
        (-0.38, -1.0),
        (0.38, -1.0),
        (0.38, -0.38),
        (1.0, -0.38),
        (1.0, 0.38),
        (0.38, 0.38),
        (0.38, 1.0),
        (-0.38, 1.0),
        (-0.38, 0.38),
        (-1.0, 0.38),
        (-1.0, -0.38),
        (-0.38, -0.38),
    ];
    match shape {
        Shape::Circle => None,
        Shape::Square => Some(turned(
            &[(-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)],
            UNTURNED,
            radius * 0.9,
        )),
        Shape::Triangle => Some(around(&TRIANGLE_UP, &[1.3])),
        Shape::TriangleDown => Some(around(&TRIANGLE_DOWN, &[1.3])),
        Shape::Plus => Some(turned(&PLUS, UNTURNED, radius * 1.2)),
        Shape::Cross => Some(turned(&PLUS, TURNED_45, radius * 1.25)),
        Shape::Star => Some(around(&STAR, &[1.45, 0.62])),
    }
}

// The markers' angles as sines and cosines, written out as `f64::sin_cos` computes them (the
// test below checks every digit), so that drawing needs no trigonometry: libm's sine and
// cosine, with their argument reduction, were some 8 KB of the WebAssembly.

/// The sine and cosine of no turn.
const UNTURNED: (f64, f64) = (0.0, 1.0);
/// The sine and cosine of a turn by 45°: the sine falls one unit in the last place below 1/√2.
const TURNED_45: (f64, f64) = (0.7071067811865475, std::f64::consts::FRAC_1_SQRT_2);
/// The cosines and sines of the corners of a triangle pointing up: −90°, 30°, 150° (clockwise
/// from the right, as the y axis points down).
const TRIANGLE_UP: [(f64, f64); 3] = [
    (6.123233995736766e-17, -1.0),
    (0.8660254037844387, 0.49999999999999994),
    (-0.8660254037844387, 0.49999999999999994),
];
/// The same for a triangle pointing down: 90°, 210°, 330°.
const TRIANGLE_DOWN: [(f64, f64); 3] = [
    (6.123233995736766e-17, 1.0),
    (-0.8660254037844386, -0.5000000000000001),
    (0.8660254037844384, -0.5000000000000004),
];
/// The ten points of a star, every 36° from −90°, alternately outer and inner.
const STAR: [(f64, f64); 10] = [
    (6.123233995736766e-17, -1.0),
    (0.5877852522924731, -0.8090169943749475),
    (0.9510565162951535, -0.3090169943749474),
    (0.9510565162951535, 0.3090169943749474),
    (0.5877852522924731, 0.8090169943749475),
    (6.123233995736766e-17, 1.0),
    (-0.587785252292473, 0.8090169943749475),
    (-0.9510565162951534, 0.30901699437494795),
    (-0.9510565162951536, -0.3090169943749473),
    (-0.5877852522924732, -0.8090169943749473),
];

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

#[cfg(test)]
mod tests {
    use super::*;

    /// The cosines and sines of `count` directions every 360° / `count` from `start` degrees.
    fn directions(count: usize, start: f64) -> Vec<(f64, f64)> {
        (0..count)
            .map(|index| {
                let (sin, cos) = (start + index as f64 / count as f64 * 360.0)
                    .to_radians()
                    .sin_cos();
                (cos, sin)
            })
            .collect()
    }

    #[test]
    fn the_written_out_angles_are_the_computed_ones() {
        assert_eq!(UNTURNED, 0f64.to_radians().sin_cos());
        assert_eq!(TURNED_45, 45f64.to_radians().sin_cos());
        for (name, written, computed) in [
            ("triangle up", &TRIANGLE_UP[..], directions(3, -90.0)),
            ("triangle down", &TRIANGLE_DOWN[..], directions(3, 90.0)),
            ("star", &STAR[..], directions(10, -90.0)),
        ] {
            assert_eq!(
                written, computed,
                "the {name} marker would be drawn with other corners than its angles give"
            );
        }
    }
}
