//! The frame a chart is drawn in, and where each value lands in it: the plot area with its
//! axes (`Frame`), the slots of bars side by side and the segments of stacks, and the anchor
//! of a value. The body draws on it and the annotations are placed round it, so it sits below
//! both.

use super::marks::Rect;
use super::paint::{Painter, Point};
use super::scale::ValueAxis;
use super::xaxis::XAxis;
use crate::data::Status;
use crate::plot::{ChartKind, Plot, Series};

/// The widest a bar may be, in CSS pixels.
pub(crate) const MAX_BAR_WIDTH: f64 = 64.0;

/// The largest magnitude a drawn value may have. No table holds anything near it; beyond it,
/// sums of stacks and spans of axes could overflow to infinity.
pub(crate) const LARGEST_DRAWN: f64 = 1e300;

/// The value of `series` at category `index`, if it has one that can be drawn.
pub(crate) fn value_at(series: &Series, index: usize) -> Option<(f64, Status)> {
    let point = series.points.get(index)?;
    let value = point
        .value
        .filter(|value| value.is_finite() && value.abs() <= LARGEST_DRAWN)?;
    Some((value, point.status))
}

/// The plot area with its axes: maps values to pixels.
pub(crate) struct Frame {
    pub plot: Rect,
    pub axis: ValueAxis,
    pub x: XAxis,
    /// The room kept free above the plot for callouts, where the marks leave them none
    /// inside it (stacks fill the plot to its top); the labels of reference lines and spans
    /// sit above it.
    pub headroom: f64,
}

impl Frame {
    /// The pixel row of `value`, or `None` where it cannot be placed.
    pub fn y(&self, value: f64) -> Option<f64> {
        let fraction = self.axis.fraction(value)?;
        Some(self.plot.y1 - fraction * self.plot.height())
    }

    /// The pixel row bars grow from.
    pub(crate) fn baseline(&self) -> f64 {
        self.y(self.axis.baseline()).unwrap_or(self.plot.y1)
    }
}

/// The width of bars side by side and where each group of them starts.
pub(crate) struct BarSlots {
    /// The width of one series' slot.
    slot: f64,
    /// The width of a whole group of bars.
    group: f64,
    /// The background left between neighbouring bars.
    gap: f64,
}

impl BarSlots {
    pub(crate) fn of(plot: &Plot, painter: &Painter, frame: &Frame) -> BarSlots {
        let band = frame.x.scale.band_width();
        let count = plot.series.len().max(1) as f64;
        // Bars are capped in width: a few categories on a wide screen would otherwise be slabs.
        let slot = ((band * 0.75).min(band - painter.px(2.0)) / count)
            .min(painter.px(MAX_BAR_WIDTH))
            .max(1.0);
        let gap = if slot > painter.px(8.0) {
            painter.px(1.5)
        } else {
            0.0
        };
        BarSlots {
            slot,
            group: slot * count,
            gap,
        }
    }

    /// The left and right edges of the bar of series `position` at category `index`.
    pub(crate) fn bar(&self, frame: &Frame, index: usize, position: usize) -> (f64, f64) {
        let group_left = frame.x.scale.position(index, None) - self.group / 2.0;
        let x0 = group_left + position as f64 * self.slot;
        (x0, x0 + self.slot - self.gap)
    }
}

/// One category's stack: the segments to draw, in value units, and whether any part is left out.
pub(crate) struct Stack {
    /// (series index, bottom, top, status)
    pub(crate) segments: Vec<(usize, f64, f64, Status)>,
    pub(crate) incomplete: bool,
}

impl Stack {
    /// Stacks category `index`: positive values upwards from zero, negative ones downwards; for
    /// a 100% stack, the positive values rescaled to their share of the drawn total. Missing
    /// values, and negative ones in a 100% stack, are left out and make the stack incomplete.
    pub(crate) fn of(plot: &Plot, index: usize) -> Stack {
        let share = plot.kind == ChartKind::Stacked100;
        let mut incomplete = false;
        let mut drawn = Vec::new();
        for (position, series) in plot.series.iter().enumerate() {
            match value_at(series, index) {
                Some((value, status)) if !(share && value < 0.0) => {
                    drawn.push((position, value, status))
                }
                _ => incomplete = true,
            }
        }
        let total: f64 = drawn.iter().map(|(_, value, _)| value.max(0.0)).sum();
        if share && total <= 0.0 {
            return Stack {
                segments: Vec::new(),
                incomplete,
            };
        }
        let unit = if share { 100.0 / total } else { 1.0 };
        let (mut above, mut below) = (0.0, 0.0);
        let mut segments = Vec::new();
        for (position, value, status) in drawn {
            let height = value * unit;
            if height < 0.0 {
                segments.push((position, below + height, below, status));
                below += height;
            } else {
                segments.push((position, above, above + height, status));
                above += height;
            }
        }
        Stack {
            segments,
            incomplete,
        }
    }
}

/// Where the value of series `position` at category `index` is drawn: its marker on a line,
/// the middle of its bar's end, or the middle of the top of its stack segment; `None` when it
/// has no value that can be placed.
pub(crate) fn value_anchor(
    plot: &Plot,
    painter: &Painter,
    frame: &Frame,
    position: usize,
    index: usize,
) -> Option<Point> {
    let series = plot.series.get(position)?;
    let year = plot.categories.get(index)?.year;
    match plot.kind {
        ChartKind::Line => {
            let (value, _) = value_at(series, index)?;
            Some((frame.x.scale.position(index, year), frame.y(value)?))
        }
        ChartKind::Bars => {
            let (value, _) = value_at(series, index)?;
            let slots = BarSlots::of(plot, painter, frame);
            let (x0, x1) = slots.bar(frame, index, position);
            Some(((x0 + x1) / 2.0, frame.y(value)?))
        }
        ChartKind::Stacked | ChartKind::Stacked100 => {
            let (_, bottom, top, _) = Stack::of(plot, index)
                .segments
                .into_iter()
                .find(|segment| segment.0 == position)?;
            let end = if top > 0.0 { top } else { bottom };
            let y = frame.y(end)?.clamp(frame.plot.y0, frame.plot.y1);
            Some((frame.x.scale.position(index, None), y))
        }
    }
}
