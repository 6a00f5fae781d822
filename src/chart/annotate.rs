//! What a lecturer adds to a chart to point at something: shaded spans, labelled reference
//! lines and callouts on single points; and the outlines round the values a finding names. Their labels are untrusted text from links, already
//! cleaned and shortened by the view; here they are fitted so that none leaves the plot.

use super::frame::{value_anchor, Frame};
use super::hits::{Area, Hits};
use super::marks::Rect;
use super::paint::{Drawn, Painter, Point};
use super::Fonts;
use crate::plot::Plot;
use plotters::style::text_anchor::{HPos, VPos};

/// The most rows of labels above the plot; labels that find no room in them are shortened,
/// and left out when even a shortened one has none.
const MAX_LABEL_ROWS: usize = 3;

/// The most lines of a callout's text.
const MAX_NOTE_LINES: usize = 3;

/// The widest a callout's text may be, in CSS pixels.
const MAX_NOTE_WIDTH: f64 = 180.0;

/// A label of a reference line or a span, placed in the rows above the plot.
pub(crate) struct TopLabel {
    /// The text as drawn, shortened to fit.
    text: String,
    /// The left edge of the text.
    left: f64,
    /// The width of the text.
    width: f64,
    /// The row, counted upwards from the plot.
    row: usize,
    /// The reference line the label belongs to (an index into `Plot::reference_lines`), if it is one.
    mark: Option<usize>,
}

/// Where a label wants to be.
#[derive(Clone, Copy)]
enum Wanted {
    /// Beside a reference line at this x.
    Beside(f64),
    /// Over a span between these x.
    Over(f64, f64),
}

impl Wanted {
    fn anchor(self) -> f64 {
        match self {
            Wanted::Beside(x) => x,
            Wanted::Over(left, right) => (left + right) / 2.0,
        }
    }
}

/// The x of the reference line at category `index`.
fn mark_x(plot: &Plot, frame: &Frame, index: usize) -> Option<f64> {
    let category = plot.categories.get(index)?;
    let x = frame.x.scale.position(index, category.year);
    (frame.plot.x0..=frame.plot.x1).contains(&x).then_some(x)
}

/// The left and right edges of the span from category `first` to `last`: from the middle of
/// the first to the middle of the last year on a year axis, from the outer edges of the bands
/// otherwise; at least a few pixels wide, and never beyond the plot.
fn band_edges(
    plot: &Plot,
    painter: &Painter,
    frame: &Frame,
    first: usize,
    last: usize,
) -> Option<(f64, f64)> {
    let position = |index: usize| {
        let category = plot.categories.get(index)?;
        Some(frame.x.scale.position(index, category.year))
    };
    let half_band = frame.x.scale.band_width() / 2.0;
    let (mut left, mut right) = (position(first)? - half_band, position(last)? + half_band);
    let least = painter.px(8.0);
    if right - left < least {
        let middle = (left + right) / 2.0;
        (left, right) = (middle - least / 2.0, middle + least / 2.0);
    }
    let (left, right) = (
        left.clamp(frame.plot.x0, frame.plot.x1),
        right.clamp(frame.plot.x0, frame.plot.x1),
    );
    (right > left).then_some((left, right))
}

/// The height of `rows` rows of labels.
pub(crate) fn strip_height(painter: &Painter, fonts: &Fonts, rows: usize) -> f64 {
    if rows == 0 {
        0.0
    } else {
        rows as f64 * fonts.annotation.line_height() + painter.px(2.0)
    }
}

/// How many rows the labels of `plot`'s reference lines and spans need above `frame`.
pub(crate) fn label_rows(
    plot: &Plot,
    painter: &Painter,
    fonts: &Fonts,
    frame: &Frame,
) -> Result<usize, String> {
    let labels = place_labels(plot, painter, fonts, frame, MAX_LABEL_ROWS)?;
    Ok(labels.iter().map(|label| label.row + 1).max().unwrap_or(0))
}

/// Places the labels of reference lines and spans in at most `rows` rows above the plot,
/// left to right, each in the lowest row where it meets no other. A label is first tried
/// whole (cut to the room it has), then at half that width; one that still finds no room is
/// left out.
pub(crate) fn place_labels(
    plot: &Plot,
    painter: &Painter,
    fonts: &Fonts,
    frame: &Frame,
    rows: usize,
) -> Result<Vec<TopLabel>, String> {
    let font = fonts.annotation;
    let gap = painter.px(4.0);
    let least = painter.px(12.0);
    let area = frame.plot;
    let mut wanted: Vec<(Wanted, &str, Option<usize>)> = Vec::new();
    for (index, mark) in plot.reference_lines.iter().enumerate() {
        if let Some(x) = mark_x(plot, frame, mark.category) {
            if !mark.label.is_empty() {
                wanted.push((Wanted::Beside(x), &mark.label, Some(index)));
            }
        }
    }
    for band in &plot.bands {
        if let Some((left, right)) = band_edges(plot, painter, frame, band.first, band.last) {
            if !band.label.is_empty() {
                wanted.push((Wanted::Over(left, right), &band.label, None));
            }
        }
    }
    crate::sort::by(&mut wanted, |a, b| a.0.anchor().total_cmp(&b.0.anchor()));
    let mut taken: Vec<Vec<(f64, f64)>> = vec![Vec::new(); rows];
    let mut placed = Vec::new();
    for (want, label, mark) in wanted {
        let room = match want {
            Wanted::Beside(x) => (area.x1 - x - gap).max(x - gap - area.x0),
            Wanted::Over(..) => area.width(),
        };
        if room < least {
            continue;
        }
        let whole = painter.measure(label, font)?.min(room);
        for width in [whole, whole / 2.0] {
            if width < least {
                break;
            }
            let text = painter.truncate(label, font, width)?;
            let text_width = painter.measure(&text, font)?;
            let left = match want {
                Wanted::Beside(x) if x + gap + text_width <= area.x1 => x + gap,
                Wanted::Beside(x) => x - gap - text_width,
                Wanted::Over(from, to) => ((from + to - text_width) / 2.0)
                    .min(area.x1 - text_width)
                    .max(area.x0),
            };
            let right = left + text_width;
            let free = taken.iter().position(|row| {
                row.iter()
                    .all(|(start, end)| right + gap <= *start || left >= *end + gap)
            });
            if let Some(row) = free {
                taken[row].push((left, right));
                placed.push(TopLabel {
                    text,
                    left,
                    width: text_width,
                    row,
                    mark,
                });
                break;
            }
        }
    }
    Ok(placed)
}

/// The middle of label row `row`.
fn row_middle(painter: &Painter, fonts: &Fonts, frame: &Frame, row: usize) -> f64 {
    frame.plot.y0
        - frame.headroom
        - painter.px(2.0)
        - (row as f64 + 0.5) * fonts.annotation.line_height()
}

/// The room to keep above the plot for callouts, from a trial drawing's `tried` marks and
/// callouts: none when every callout found a place clear of the marks, otherwise the tallest
/// callout's height and a gap, so that it can stand over the marks.
pub(crate) fn headroom(tried: &Hits, painter: &Painter) -> f64 {
    let covers_a_mark = |callout: &Area| {
        let (x0, y0, x1, y1) = callout.bounds();
        let callout = Rect { x0, y0, x1, y1 };
        tried.drawn_values().iter().any(|mark| {
            let (x0, y0, x1, y1) = mark.area.bounds();
            overlap(&callout, &Rect { x0, y0, x1, y1 }) > 0.0
        })
    };
    let tallest = tried
        .callouts()
        .iter()
        .filter(|callout| covers_a_mark(callout))
        .map(|callout| {
            let (_, y0, _, y1) = callout.bounds();
            y1 - y0
        })
        .fold(0.0, f64::max);
    if tallest > 0.0 {
        tallest + painter.px(8.0)
    } else {
        0.0
    }
}

/// Shades the spans, behind everything else in the plot.
pub(crate) fn draw_bands(plot: &Plot, painter: &Painter, frame: &Frame) -> Drawn {
    for band in &plot.bands {
        if let Some((left, right)) = band_edges(plot, painter, frame, band.first, band.last) {
            painter.fill_rect(
                (left, frame.plot.y0),
                (right, frame.plot.y1),
                painter.theme.band(),
            )?;
        }
    }
    Ok(())
}

/// Draws the reference lines, dashed, behind the series: from the baseline up to the plot's
/// top, or up to the label's row when the line has a label there.
pub(crate) fn draw_mark_lines(
    plot: &Plot,
    painter: &Painter,
    fonts: &Fonts,
    frame: &Frame,
    labels: &[TopLabel],
) -> Drawn {
    for (index, mark) in plot.reference_lines.iter().enumerate() {
        let Some(x) = mark_x(plot, frame, mark.category) else {
            continue;
        };
        let top = labels
            .iter()
            .find(|label| label.mark == Some(index))
            .map_or(frame.plot.y0, |label| {
                row_middle(painter, fonts, frame, label.row) - fonts.annotation.size / 2.0
            });
        painter.dashed(
            &[(x, frame.plot.y1), (x, top)],
            painter.theme.muted,
            painter.px(1.5),
        )?;
    }
    Ok(())
}

/// Writes the labels of reference lines and spans in their rows above the plot, each on the
/// background so that a longer reference line rising behind it does not strike it through.
pub(crate) fn draw_top_labels(
    painter: &Painter,
    fonts: &Fonts,
    frame: &Frame,
    labels: &[TopLabel],
) -> Drawn {
    let half_height = fonts.annotation.line_height() / 2.0;
    let margin = painter.px(2.0);
    for label in labels {
        let y = row_middle(painter, fonts, frame, label.row);
        painter.fill_rect(
            (label.left - margin, y - half_height),
            (label.left + label.width + margin, y + half_height),
            painter.theme.background,
        )?;
        painter.text(
            &label.text,
            fonts.annotation,
            painter.theme.text,
            (label.left, y),
            HPos::Left,
            VPos::Center,
        )?;
    }
    Ok(())
}

/// Outlines the values a finding or a claim names, round the very marks `hits` recorded as
/// the series were drawn: a ring round a line's marker, a frame round a bar or a stack
/// segment. Each is drawn in the text colour on a halo of the background, so that it stands
/// out from any series colour and from the mark it surrounds.
pub(crate) fn draw_outlines(plot: &Plot, painter: &Painter, hits: &Hits) -> Drawn {
    let theme = painter.theme;
    let (halo, line) = (painter.px(5.0), painter.px(2.5));
    for outline in &plot.outlines {
        let Some(mark) = hits
            .drawn_values()
            .iter()
            .find(|mark| mark.series == outline.series && mark.point == outline.category)
        else {
            continue;
        };
        match mark.area {
            Area::Point { x, y, radius } => {
                let ring = radius + painter.px(5.0);
                painter.circle((x, y), ring, theme.background, false, halo)?;
                painter.circle((x, y), ring, theme.text, false, line)?;
            }
            Area::Rect { x0, y0, x1, y1 } => {
                let gap = painter.px(3.0);
                let (x0, y0, x1, y1) = (x0 - gap, y0 - gap, x1 + gap, y1 + gap);
                let frame = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)];
                painter.polyline(&frame, theme.background, halo)?;
                painter.polyline(&frame, theme.text, line)?;
            }
        }
    }
    Ok(())
}

/// Draws the callouts: a ring round the point, a short leader line and the text in a box,
/// placed where it covers none of the marks `hits` recorded (nor another callout), as near
/// the point as it can be, and recorded in `hits`.
pub(crate) fn draw_notes(
    plot: &Plot,
    painter: &Painter,
    fonts: &Fonts,
    frame: &Frame,
    hits: &mut Hits,
) -> Drawn {
    let theme = painter.theme;
    let font = fonts.annotation;
    let padding = painter.px(4.0);
    let ring = painter.px(8.0);
    let area = Rect {
        y0: frame.plot.y0 - frame.headroom,
        ..frame.plot
    };
    // What a box must not cover: every mark, with a little air, and every callout's ring.
    let air = painter.px(3.0);
    let mut taken: Vec<Rect> = hits
        .drawn_values()
        .iter()
        .map(|mark| {
            let (x0, y0, x1, y1) = mark.area.bounds();
            Rect { x0, y0, x1, y1 }.inset(-air)
        })
        .collect();
    let anchors: Vec<Option<Point>> = plot
        .notes
        .iter()
        .map(|note| value_anchor(plot, painter, frame, note.series, note.category))
        .collect();
    for (x, y) in anchors.iter().flatten() {
        taken.push(Rect {
            x0: x - ring,
            y0: y - ring,
            x1: x + ring,
            y1: y + ring,
        });
    }
    let pieces = line_pieces(hits);
    for (note, anchor) in plot.notes.iter().zip(anchors) {
        let Some(at) = anchor else {
            continue;
        };
        painter.circle(at, ring, theme.text, false, painter.px(1.5))?;
        let lines = note_lines(painter, fonts, &note.label, area)?;
        if lines.is_empty() {
            continue;
        }
        let text_width = painter.widest(lines.iter().map(String::as_str), font)?;
        let width = text_width + 2.0 * padding;
        let height = lines.len() as f64 * font.line_height() + 2.0 * padding;
        let box_at = place_box(
            at,
            (width, height),
            area,
            (&taken, &pieces),
            painter.px(4.0),
        );
        taken.push(box_at.inset(-air));
        hits.record_callout(Area::Rect {
            x0: box_at.x0,
            y0: box_at.y0,
            x1: box_at.x1,
            y1: box_at.y1,
        });
        // The leader runs from the ring to the box's nearest corner.
        let corner = nearest_corner(at, &box_at);
        painter.polyline(&[at, corner], theme.text, painter.px(1.25))?;
        painter.fill_rect(
            (box_at.x0, box_at.y0),
            (box_at.x1, box_at.y1),
            theme.background,
        )?;
        painter.polyline(
            &[
                (box_at.x0, box_at.y0),
                (box_at.x1, box_at.y0),
                (box_at.x1, box_at.y1),
                (box_at.x0, box_at.y1),
                (box_at.x0, box_at.y0),
            ],
            theme.muted,
            painter.px(1.0),
        )?;
        for (index, line) in lines.iter().enumerate() {
            let y = box_at.y0 + padding + index as f64 * font.line_height();
            painter.text(
                line,
                font,
                theme.text,
                (box_at.x0 + padding, y),
                HPos::Left,
                VPos::Top,
            )?;
        }
    }
    Ok(())
}

/// A callout's text in lines that fit a box inside `area`: at most three, each cut with "…"
/// where it is too long; none when the plot has no room for a box at all.
fn note_lines(
    painter: &Painter,
    fonts: &Fonts,
    label: &str,
    area: Rect,
) -> Result<Vec<String>, String> {
    let font = fonts.annotation;
    let padding = painter.px(4.0);
    let width = (area.width() - 2.0 * padding - painter.px(4.0)).min(painter.px(MAX_NOTE_WIDTH));
    let fitting_lines =
        ((area.height() - 2.0 * padding - painter.px(4.0)) / font.line_height()).floor();
    let most = if fitting_lines >= 1.0 {
        (fitting_lines as usize).min(MAX_NOTE_LINES)
    } else {
        0
    };
    if label.is_empty() || width < painter.px(24.0) || most == 0 {
        return Ok(Vec::new());
    }
    let mut lines = painter.wrap(label, font, width)?;
    if lines.len() > most {
        let rest = lines.split_off(most - 1).join(" ");
        // The last line that fits takes the rest, and the cut shows.
        let cut = painter.truncate(&format!("{rest}…"), font, width)?;
        lines.push(cut);
    }
    lines
        .into_iter()
        .map(|line| painter.truncate(&line, font, width))
        .collect()
}

/// The pieces of line between a line chart's markers, from the marks `hits` recorded: each
/// series' markers joined in order.
fn line_pieces(hits: &Hits) -> Vec<(Point, Point)> {
    let mut pieces = Vec::new();
    let markers: Vec<(usize, usize, Point)> = hits
        .drawn_values()
        .iter()
        .filter_map(|mark| match mark.area {
            Area::Point { x, y, .. } => Some((mark.series, mark.point, (x, y))),
            Area::Rect { .. } => None,
        })
        .collect();
    for (series, point, at) in &markers {
        let next = markers
            .iter()
            .filter(|(other, later, _)| other == series && later > point)
            .min_by_key(|(_, later, _)| *later);
        if let Some((_, _, to)) = next {
            pieces.push((*at, *to));
        }
    }
    pieces
}

/// Whether the piece of line from `from` to `to` passes through `rect` (Liang and Barsky's
/// clipping).
fn crosses(rect: &Rect, (x, y): Point, (to_x, to_y): Point) -> bool {
    let (dx, dy) = (to_x - x, to_y - y);
    let (mut enter, mut leave) = (0.0_f64, 1.0_f64);
    for (toward, room) in [
        (-dx, x - rect.x0),
        (dx, rect.x1 - x),
        (-dy, y - rect.y0),
        (dy, rect.y1 - y),
    ] {
        if toward.abs() < f64::EPSILON {
            if room < 0.0 {
                return false;
            }
            continue;
        }
        let at = room / toward;
        if toward < 0.0 {
            enter = enter.max(at);
        } else {
            leave = leave.min(at);
        }
        if enter > leave {
            return false;
        }
    }
    true
}

/// The box of a callout of `size` for the point `at`, inside `area`: of the positions on a
/// grid of `step` pixels, the one nearest to the point among those that overlap nothing
/// `taken` and cross the fewest `lines`; where every position overlaps something (a plot
/// crowded with marks), the one that covers least of it.
fn place_box(
    at: Point,
    (width, height): (f64, f64),
    area: Rect,
    (taken, lines): (&[Rect], &[(Point, Point)]),
    step: f64,
) -> Rect {
    let (x, y) = at;
    let room = (area.width() - width, area.height() - height);
    if room.0 < 0.0 || room.1 < 0.0 || step <= 0.0 {
        // A box larger than the plot starts at its top left corner, cut by nothing.
        return Rect {
            x0: area.x0,
            y0: area.y0,
            x1: area.x0 + width,
            y1: area.y0 + height,
        };
    }
    // At most 121 positions each way, whatever the size of the plot.
    let columns = (room.0 / step).floor().min(120.0) as usize;
    let rows = (room.1 / step).floor().min(120.0) as usize;
    let offsets = |count: usize, span: f64| {
        (0..=count).map(move |k| {
            if count == 0 {
                0.0
            } else {
                span * k as f64 / count as f64
            }
        })
    };
    let mut best: Option<((f64, usize, f64), Rect)> = None;
    for left in offsets(columns, room.0).map(|dx| area.x0 + dx) {
        for top in offsets(rows, room.1).map(|dy| area.y0 + dy) {
            let candidate = Rect {
                x0: left,
                y0: top,
                x1: left + width,
                y1: top + height,
            };
            let covered: f64 = taken.iter().map(|rect| overlap(&candidate, rect)).sum();
            if best.is_some_and(|((least, ..), _)| covered > least) {
                continue;
            }
            let crossed = lines
                .iter()
                .filter(|(from, to)| crosses(&candidate, *from, *to))
                .count();
            let distance = (left + width / 2.0 - x).hypot(top + height / 2.0 - y);
            let cost = (covered, crossed, distance);
            let better = best.is_none_or(|(least, _)| {
                cost.0 < least.0
                    || (cost.0 == least.0
                        && (cost.1 < least.1 || (cost.1 == least.1 && cost.2 < least.2)))
            });
            if better {
                best = Some((cost, candidate));
            }
        }
    }
    best.map_or(
        Rect {
            x0: area.x0,
            y0: area.y0,
            x1: area.x0 + width,
            y1: area.y0 + height,
        },
        |(_, rect)| rect,
    )
}

/// The area two rectangles share.
fn overlap(a: &Rect, b: &Rect) -> f64 {
    let width = a.x1.min(b.x1) - a.x0.max(b.x0);
    let height = a.y1.min(b.y1) - a.y0.max(b.y0);
    if width > 0.0 && height > 0.0 {
        width * height
    } else {
        0.0
    }
}

/// The corner of `rect` nearest to `at`.
fn nearest_corner((x, y): Point, rect: &Rect) -> Point {
    let corner_x = if (rect.x0 - x).abs() < (rect.x1 - x).abs() {
        rect.x0
    } else {
        rect.x1
    };
    let corner_y = if (rect.y0 - y).abs() < (rect.y1 - y).abs() {
        rect.y0
    } else {
        rect.y1
    };
    (corner_x, corner_y)
}
