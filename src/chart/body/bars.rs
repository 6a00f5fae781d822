//! Bars side by side and stacked bars, drawn on the frame the body laid out, each bar and
//! segment recorded for hit testing as it is drawn.

use super::*;
pub(super) fn draw_bars(
    plot: &Plot,
    painter: &Painter,
    fonts: &Fonts,
    frame: &Frame,
    hits: &mut Hits,
) -> Drawn {
    let slots = BarSlots::of(plot, painter, frame);
    let baseline = frame.baseline();
    let least_height = painter.px(2.0);
    for (index, _) in plot.categories.iter().enumerate() {
        for (position, series) in plot.series.iter().enumerate() {
            let (x0, x1) = slots.bar(frame, index, position);
            let value = value_at(series, index)
                .and_then(|(value, status)| Some((frame.y(value)?, value, status)));
            let Some((y, value, status)) = value else {
                draw_not_available(painter, fonts, (x0 + x1) / 2.0, x1 - x0, frame)?;
                continue;
            };
            // Every value, zero included, shows at least a sliver, so that a bar of zero is
            // never mistaken for a missing one.
            let (y0, y1) = if value < 0.0 && !frame.axis.log {
                (baseline, y.max(baseline + least_height))
            } else {
                (y.min(baseline - least_height), baseline)
            };
            let rect = Rect { x0, y0, x1, y1 };
            let color = series_color(plot, painter, series);
            marks::bar(painter, rect, status, color, series.highlight)?;
            hits.record(mark(plot, position, index, Area::Rect { x0, y0, x1, y1 }));
            qualifier_mark(
                painter,
                fonts,
                color,
                series,
                index,
                ((x0 + x1) / 2.0, y0 - painter.px(2.0)),
                HPos::Center,
            )?;
        }
    }
    Ok(())
}

/// Marks a slot without a value: "n/a" standing on the baseline, turned upwards when the slot is
/// narrower than the text.
fn draw_not_available(
    painter: &Painter,
    fonts: &Fonts,
    centre: f64,
    slot: f64,
    frame: &Frame,
) -> Drawn {
    let text = crate::lang::text(painter.lang, "n/a");
    let text = text.as_ref();
    let color = painter.theme.muted;
    let baseline = frame.baseline();
    // Above the baseline when there is room there, below it when the axis has only negatives.
    let room_above = baseline - frame.plot.y0 > painter.px(24.0);
    let upright = painter.measure(text, fonts.note)? <= slot;
    match (upright, room_above) {
        (true, true) => painter.text(
            text,
            fonts.note,
            color,
            (centre, baseline - painter.px(2.0)),
            HPos::Center,
            VPos::Bottom,
        ),
        (true, false) => painter.text(
            text,
            fonts.note,
            color,
            (centre, baseline + painter.px(2.0)),
            HPos::Center,
            VPos::Top,
        ),
        (false, true) => painter.text_upwards(
            text,
            fonts.note,
            color,
            (centre, baseline - painter.px(3.0)),
            HPos::Left,
        ),
        (false, false) => painter.text_upwards(
            text,
            fonts.note,
            color,
            (centre, baseline + painter.px(3.0)),
            HPos::Right,
        ),
    }
}

/// True when some category misses a value that its stack would have included.
pub(super) fn has_incomplete_stack(plot: &Plot) -> bool {
    (0..plot.categories.len()).any(|index| {
        let stack = Stack::of(plot, index);
        stack.incomplete && !stack.segments.is_empty()
    })
}

pub(super) fn draw_stacks(
    plot: &Plot,
    painter: &Painter,
    fonts: &Fonts,
    frame: &Frame,
    hits: &mut Hits,
) -> Drawn {
    let band = frame.x.scale.band_width();
    let width = (band * 0.6)
        .min(band - painter.px(2.0))
        .min(painter.px(MAX_BAR_WIDTH * 1.5))
        .max(1.0);
    let separator = if width > painter.px(6.0) {
        painter.px(1.0).round()
    } else {
        0.0
    };
    let clamp = |y: f64| y.clamp(frame.plot.y0, frame.plot.y1);
    for (index, _) in plot.categories.iter().enumerate() {
        let centre = frame.x.scale.position(index, None);
        let (x0, x1) = (centre - width / 2.0, centre + width / 2.0);
        let stack = Stack::of(plot, index);
        if stack.segments.is_empty() {
            draw_not_available(painter, fonts, centre, width, frame)?;
            continue;
        }
        let mut top_of_stack = frame.baseline();
        for (position, bottom, top, status) in &stack.segments {
            let (Some(y_bottom), Some(y_top)) = (frame.y(*bottom), frame.y(*top)) else {
                continue;
            };
            let (y_top, y_bottom) = (clamp(y_top), clamp(y_bottom));
            top_of_stack = top_of_stack.min(y_top);
            // A thin gap of background between segments keeps equal colours apart.
            let y_top = if y_bottom - y_top > 2.0 * separator {
                y_top + separator
            } else {
                y_top
            };
            if let Some(series) = plot.series.get(*position) {
                let rect = Rect {
                    x0,
                    y0: y_top,
                    x1,
                    y1: y_bottom,
                };
                marks::bar(
                    painter,
                    rect,
                    *status,
                    series_color(plot, painter, series),
                    series.highlight,
                )?;
                let area = Area::Rect {
                    x0,
                    y0: y_top,
                    x1,
                    y1: y_bottom,
                };
                hits.record(mark(plot, *position, index, area));
            }
        }
        if stack.incomplete {
            let at = (centre, top_of_stack - painter.px(2.0));
            painter.text(
                INCOMPLETE_MARK,
                fonts.note_bold,
                painter.theme.text,
                at,
                HPos::Center,
                VPos::Bottom,
            )?;
        }
    }
    Ok(())
}

/// The mark over a stack that leaves out a missing part.
const INCOMPLETE_MARK: &str = "*";
