//! The chart itself: value axis, category axis, grid and the series' marks, inside a region
//! that the caller has left free of title, legend and source.

use super::annotate;

mod bars;
use super::frame::{value_at, BarSlots, Frame, Stack, LARGEST_DRAWN, MAX_BAR_WIDTH};
use super::hits::{Area, DrawnValue, Hits};
use super::marks::{self, LinePen, Placed, Rect};
use super::paint::{Drawn, Painter};
use super::scale::ValueAxis;
use super::xaxis;
use super::{Fonts, EMPTY_MESSAGE};
use crate::data::Unit;
use crate::plot::{ChartKind, Plot, Series};
use bars::{draw_bars, draw_stacks, has_incomplete_stack};
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::RGBColor;

/// Shown when a logarithmic axis has no positive value to place.
const NOTHING_ON_LOG_SCALE: &str =
    "Nothing to show on a logarithmic scale: every value is zero or negative.";

/// The smallest plot area worth drawing, in CSS pixels each way: in less, the axes and the
/// marks would only cover one another.
const MIN_PLOT_SIDE: f64 = 16.0;

/// Whether the plot is drawn on a logarithmic axis: stacks are always linear, since stacked
/// heights on a log axis would misstate every segment but the lowest.
pub(crate) fn uses_log(plot: &Plot) -> bool {
    plot.log_scale && matches!(plot.kind, ChartKind::Line | ChartKind::Bars)
}

/// The range of values the axis must show, or `None` when nothing can be placed: the shown
/// values (stacked, for stacks), widened to the plot's fixed value domain if it has one.
pub(crate) fn value_range(plot: &Plot) -> Option<(f64, f64)> {
    let categories = 0..plot.categories.len();
    let log = uses_log(plot);
    // A fixed domain from elsewhere is trusted only as far as it can be drawn.
    let domain = plot.value_domain.filter(|(low, high)| {
        low.is_finite()
            && high.is_finite()
            && low <= high
            && low.abs().max(high.abs()) <= LARGEST_DRAWN
            && (!log || *low > 0.0)
    });
    let widen = |(low, high): (f64, f64)| match domain {
        Some((fixed_low, fixed_high)) => (low.min(fixed_low), high.max(fixed_high)),
        None => (low, high),
    };
    match plot.kind {
        ChartKind::Stacked100 => Some((0.0, 100.0)),
        ChartKind::Stacked => {
            let (mut low, mut high) = (0.0_f64, 0.0_f64);
            for index in categories {
                let values = plot
                    .series
                    .iter()
                    .filter_map(|series| value_at(series, index));
                let (below, above) = values.fold((0.0, 0.0), |(below, above), (value, _)| {
                    if value < 0.0 {
                        (below + value, above)
                    } else {
                        (below, above + value)
                    }
                });
                low = low.min(below);
                high = high.max(above);
            }
            Some(widen((low, high)))
        }
        ChartKind::Line | ChartKind::Bars => {
            let values = plot
                .series
                .iter()
                .flat_map(|series| {
                    categories
                        .clone()
                        .filter_map(move |index| value_at(series, index))
                })
                .map(|(value, _)| value)
                .filter(|value| !log || *value > 0.0);
            let (low, high) = values
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), value| {
                    (low.min(value), high.max(value))
                });
            if low > high {
                return None;
            }
            let (low, high) = widen((low, high));
            if log {
                return Some((low, high));
            }
            // Bars must start at zero. Lines include zero too unless the data sit far from it
            // (shares between 40% and 60%, say), where zero would flatten every change.
            let near_zero = if high <= 0.0 {
                high >= 0.5 * low
            } else {
                low <= 0.5 * high
            };
            if plot.kind == ChartKind::Bars || near_zero {
                Some((low.min(0.0), high.max(0.0)))
            } else {
                Some((low, high))
            }
        }
    }
}

/// Builds the value axis for a plot area `height` pixels tall: a tick about every 50 CSS
/// pixels, from two intervals to six, and in a plot shorter than two intervals of 40 CSS
/// pixels (a projector's large type in a small box) a single one, so that the labels stay
/// apart.
fn value_axis(plot: &Plot, (low, high): (f64, f64), height: f64, scale: f64) -> ValueAxis {
    let fewest = if height >= 80.0 * scale { 2.0 } else { 1.0 };
    let intervals = (height / (50.0 * scale)).floor().clamp(fewest, 6.0) as usize;
    let percent = plot.kind == ChartKind::Stacked100 || plot.unit == Unit::Percent;
    if uses_log(plot) {
        ValueAxis::log(low, high, intervals + 1, percent)
    } else {
        ValueAxis::linear(low, high, intervals, percent)
    }
}

/// True when `area` is large enough to draw a plot in.
fn has_room(painter: &Painter, area: &Rect) -> bool {
    let least = painter.px(MIN_PLOT_SIDE);
    area.width() >= least && area.height() >= least
}

/// Draws the chart of `plot` in `region`, recording each value's mark in `hits`; a region too
/// small for its plot area is left blank. A chart with callouts is first tried out without
/// drawing: when a callout finds no place clear of the marks (stacks filling the plot, a tall
/// bar beside short ones), room is kept for it above the plot.
pub(crate) fn draw_chart(
    plot: &Plot,
    painter: &Painter,
    fonts: &Fonts,
    region: Rect,
    hits: &mut Hits,
) -> Drawn {
    let mut headroom = 0.0;
    if !plot.notes.is_empty() {
        let measuring = painter.measuring();
        let trial = Painter::new(&measuring, painter.theme, painter.scale, painter.lang);
        let mut tried = Hits::default();
        draw_chart_in(plot, &trial, fonts, region, 0.0, &mut tried)?;
        headroom = annotate::headroom(&tried, painter);
        // A chart too small to give up that room keeps its plot, and the callout its place
        // over the marks.
        if headroom > 0.0 {
            let mut with_room = Hits::default();
            draw_chart_in(plot, &trial, fonts, region, headroom, &mut with_room)?;
            if with_room.plot_area().is_none() {
                headroom = 0.0;
            }
        }
    }
    draw_chart_in(plot, painter, fonts, region, headroom, hits)
}

/// [`draw_chart`] with `headroom` kept free above the plot for callouts. Everything is laid
/// out before anything is drawn, so that a chart that does not fit leaves no stray axis title
/// behind.
fn draw_chart_in(
    plot: &Plot,
    painter: &Painter,
    fonts: &Fonts,
    region: Rect,
    headroom: f64,
    hits: &mut Hits,
) -> Drawn {
    let theme = painter.theme;
    let y_title_lines = painter.wrap(&plot.y_label, fonts.axis_title, region.width())?;
    // The top tick label is centred on the top of the plot, so half of it needs room above.
    let mut top = region.y0
        + y_title_lines.len() as f64 * fonts.axis_title.line_height()
        + painter.px(6.0)
        + fonts.tick.size / 2.0;
    let x_title_lines = painter.wrap(&plot.x_label, fonts.axis_title, region.width())?;
    let bottom = region.y1 - x_title_lines.len() as f64 * fonts.axis_title.line_height();
    let draw_y_title = || -> Drawn {
        for (index, line) in y_title_lines.iter().enumerate() {
            let y = region.y0 + index as f64 * fonts.axis_title.line_height();
            painter.text(
                line,
                fonts.axis_title,
                theme.muted,
                (region.x0, y),
                HPos::Left,
                VPos::Top,
            )?;
        }
        Ok(())
    };

    let range = if plot.is_empty() {
        None
    } else {
        value_range(plot)
    };
    let Some(range) = range else {
        let message = if plot.is_empty() {
            EMPTY_MESSAGE
        } else {
            NOTHING_ON_LOG_SCALE
        };
        let area = Rect {
            x0: region.x0,
            y0: top,
            x1: region.x1,
            y1: bottom,
        };
        if !has_room(painter, &area) {
            return Ok(());
        }
        draw_y_title()?;
        return draw_empty(painter, fonts, area, &painter.say(message));
    };
    if matches!(plot.kind, ChartKind::Stacked | ChartKind::Stacked100) && has_incomplete_stack(plot)
    {
        top += fonts.note.line_height();
    }
    top += headroom;
    let area = Rect {
        x0: region.x0,
        y0: top,
        x1: region.x1,
        y1: bottom,
    };
    let Some(mut frame) = lay_out(plot, painter, fonts, area, range)? else {
        return Ok(());
    };
    frame.headroom = headroom;
    // The labels of reference lines and spans get rows of their own above the plot, so that
    // they never cover the data; a plot too small to give up that room goes without them.
    let mut label_rows = annotate::label_rows(plot, painter, fonts, &frame)?;
    if label_rows > 0 {
        let strip = annotate::strip_height(painter, fonts, label_rows);
        let narrowed = Rect {
            y0: area.y0 + strip,
            ..area
        };
        match lay_out(plot, painter, fonts, narrowed, range)? {
            Some(narrowed) => {
                frame = Frame {
                    headroom,
                    ..narrowed
                }
            }
            None => label_rows = 0,
        }
    }

    let labels = annotate::place_labels(plot, painter, fonts, &frame, label_rows)?;
    hits.record_plot_area(Area::Rect {
        x0: frame.plot.x0,
        y0: frame.plot.y0,
        x1: frame.plot.x1,
        y1: frame.plot.y1,
    });

    draw_y_title()?;
    annotate::draw_bands(plot, painter, &frame)?;
    draw_grid(painter, &frame)?;
    annotate::draw_mark_lines(plot, painter, fonts, &frame, &labels)?;
    match plot.kind {
        ChartKind::Line => draw_lines(plot, painter, fonts, &frame, hits)?,
        ChartKind::Bars => draw_bars(plot, painter, fonts, &frame, hits)?,
        ChartKind::Stacked | ChartKind::Stacked100 => {
            draw_stacks(plot, painter, fonts, &frame, hits)?
        }
    }
    annotate::draw_outlines(plot, painter, hits)?;
    annotate::draw_notes(plot, painter, fonts, &frame, hits)?;
    annotate::draw_top_labels(painter, fonts, &frame, &labels)?;
    draw_axis_labels(painter, fonts, &frame)?;
    let mut y = frame.plot.y1 + frame.x.height;
    let centre = (frame.plot.x0 + frame.plot.x1) / 2.0;
    for line in x_title_lines {
        painter.text(
            &line,
            fonts.axis_title,
            theme.muted,
            (centre, y),
            HPos::Center,
            VPos::Top,
        )?;
        y += fonts.axis_title.line_height();
    }
    Ok(())
}

/// Fits the axes into `area`. The value labels' width decides where the plot starts, the plot's
/// width decides how the category labels fit, and their height decides the plot's height and so
/// the value ticks: two rounds settle it. `None` when the labels leave too little room for a
/// plot, so that no frame is ever inverted.
fn lay_out(
    plot: &Plot,
    painter: &Painter,
    fonts: &Fonts,
    area: Rect,
    range: (f64, f64),
) -> Result<Option<Frame>, String> {
    let inset = LinePen::new(painter.scale, true).radius + painter.px(4.0);
    // Upward names get a third of the height, or 40 CSS pixels, but never half the height,
    // which a small box with large type needs for its plot.
    let max_upward = (area.height() * 0.35)
        .max(painter.px(40.0))
        .min(area.height() * 0.5);
    let mut x_height = painter.px(6.0) + fonts.tick.line_height();
    let mut label_width = 0.0;
    let mut frame = None;
    for _ in 0..2 {
        let axis = value_axis(
            plot,
            range,
            (area.height() - x_height).max(1.0),
            painter.scale,
        );
        let labels: Vec<String> = axis.ticks.iter().map(|tick| axis.label(*tick)).collect();
        let widest = painter.widest(labels.iter().map(String::as_str), fonts.tick)?;
        if frame.is_some() && widest <= label_width {
            break;
        }
        label_width = widest;
        let left = area.x0 + label_width + painter.px(6.0);
        let x = xaxis::layout(
            plot,
            painter,
            fonts.tick,
            (left, area.x1),
            inset,
            max_upward,
        )?;
        x_height = x.height;
        let plot_area = Rect {
            x0: left,
            y0: area.y0,
            x1: area.x1,
            y1: area.y1 - x_height,
        };
        let axis = value_axis(plot, range, plot_area.height().max(1.0), painter.scale);
        frame = Some(Frame {
            plot: plot_area,
            axis,
            x,
            headroom: 0.0,
        });
    }
    Ok(frame.filter(|frame| has_room(painter, &frame.plot)))
}

/// Draws the grid, the baseline and (when values go below zero) the zero line.
fn draw_grid(painter: &Painter, frame: &Frame) -> Drawn {
    let theme = painter.theme;
    let thin = painter.px(1.0);
    for tick in &frame.axis.ticks {
        if let Some(y) = frame.y(*tick) {
            painter.hrule(frame.plot.x0, frame.plot.x1, y, thin, theme.grid)?;
        }
    }
    // The baseline (zero, or the bottom of a log axis) is the one strong line, so that bars
    // below zero visibly hang from it.
    let bottom_color = if (frame.baseline() - frame.plot.y1).abs() < 0.5 {
        theme.axis
    } else {
        theme.grid
    };
    painter.hrule(
        frame.plot.x0,
        frame.plot.x1,
        frame.plot.y1,
        thin,
        bottom_color,
    )?;
    painter.hrule(
        frame.plot.x0,
        frame.plot.x1,
        frame.baseline(),
        thin,
        theme.axis,
    )
}

/// Draws the value labels, the category labels and, on a year axis, the tick marks. A value
/// label that would touch the one below it is left out (its grid line stays).
fn draw_axis_labels(painter: &Painter, fonts: &Fonts, frame: &Frame) -> Drawn {
    let theme = painter.theme;
    let mut last_labelled: Option<f64> = None;
    for tick in &frame.axis.ticks {
        if let Some(y) = frame.y(*tick) {
            if last_labelled.is_some_and(|below| below - y < fonts.tick.line_height()) {
                continue;
            }
            last_labelled = Some(y);
            let at = (frame.plot.x0 - painter.px(6.0), y);
            painter.text(
                &frame.axis.label(*tick),
                fonts.tick,
                theme.muted,
                at,
                HPos::Right,
                VPos::Center,
            )?;
        }
    }
    let label_top = frame.plot.y1 + painter.px(6.0);
    for label in &frame.x.labels {
        if frame.x.tick_marks {
            painter.vrule(
                label.x,
                frame.plot.y1,
                frame.plot.y1 + painter.px(4.0),
                painter.px(1.0),
                theme.axis,
            )?;
        }
        for (line_index, line) in label.lines.iter().enumerate() {
            if frame.x.upwards {
                painter.text_upwards(
                    line,
                    fonts.tick,
                    theme.muted,
                    (label.x, label_top),
                    HPos::Right,
                )?;
            } else {
                let y = label_top + line_index as f64 * fonts.tick.line_height();
                painter.text(
                    line,
                    fonts.tick,
                    theme.muted,
                    (label.x, y),
                    HPos::Center,
                    VPos::Top,
                )?;
            }
        }
    }
    Ok(())
}

/// The series in drawing order, with their positions in the plot: dimmed ones first,
/// highlighted ones last, so that what the reader should look at lies on top.
fn drawing_order(plot: &Plot) -> impl Iterator<Item = (usize, &Series)> {
    let rank = |series: &Series| {
        if plot.is_dimmed(series) {
            0
        } else if series.highlight {
            2
        } else {
            1
        }
    };
    (0..3).flat_map(move |wanted| {
        plot.series
            .iter()
            .enumerate()
            .filter(move |(_, series)| rank(series) == wanted)
    })
}

/// The colour `series` is drawn in: its palette colour, faded when other series are
/// emphasised.
pub(crate) fn series_color(plot: &Plot, painter: &Painter, series: &Series) -> RGBColor {
    let color = painter.theme.series(series.color);
    if plot.is_dimmed(series) {
        painter.theme.dimmed(color)
    } else {
        color
    }
}

/// The pen of `series` in a line chart: thicker when highlighted, thinner when dimmed.
pub(crate) fn series_pen(plot: &Plot, painter: &Painter, series: &Series) -> LinePen {
    let pen = LinePen::new(painter.scale, series.highlight);
    if plot.is_dimmed(series) {
        pen.dimmed()
    } else {
        pen
    }
}

/// The mark of the point `point` of the series at `series` in the plot, drawn in `area`.
fn mark(plot: &Plot, series: usize, point: usize, area: Area) -> DrawnValue {
    let id = |text: Option<&String>| text.cloned().unwrap_or_default();
    DrawnValue {
        series,
        point,
        series_id: id(plot.series.get(series).map(|series| &series.id)),
        category_id: id(plot.categories.get(point).map(|category| &category.id)),
        area,
    }
}

fn draw_lines(
    plot: &Plot,
    painter: &Painter,
    fonts: &Fonts,
    frame: &Frame,
    hits: &mut Hits,
) -> Drawn {
    for (position, series) in drawing_order(plot) {
        let color = series_color(plot, painter, series);
        let pen = series_pen(plot, painter, series);
        let points: Vec<Option<Placed>> = plot
            .categories
            .iter()
            .enumerate()
            .map(|(index, category)| {
                let (value, status) = value_at(series, index)?;
                let y = frame.y(value)?;
                Some(Placed {
                    at: (frame.x.scale.position(index, category.year), y),
                    status,
                })
            })
            .collect();
        marks::series_line(painter, &points, color, pen, |index| {
            plot.is_sparse_piece(series, index)
        })?;
        for (index, point) in points.iter().enumerate() {
            let Some(point) = point else { continue };
            marks::marker(painter, point.at, point.status, color, pen, series.shape)?;
            let (x, y) = point.at;
            let radius = pen.radius;
            hits.record(mark(plot, position, index, Area::Point { x, y, radius }));
            qualifier_mark(
                painter,
                fonts,
                color,
                series,
                index,
                (x + pen.radius * 1.6, y - pen.radius),
                HPos::Left,
            )?;
        }
    }
    Ok(())
}

/// Writes ≤, ≥ or ≈ at `at` when the paper gives the point's value as a bound or an
/// approximation, so that the chart does not present it as exact.
fn qualifier_mark(
    painter: &Painter,
    fonts: &Fonts,
    color: RGBColor,
    series: &Series,
    index: usize,
    at: (f64, f64),
    h: HPos,
) -> Drawn {
    let Some(point) = series.points.get(index) else {
        return Ok(());
    };
    let symbol = point.qualifier.symbol().trim();
    if symbol.is_empty() || point.value.is_none() {
        return Ok(());
    }
    painter.text(symbol, fonts.note_bold, color, at, h, VPos::Bottom)
}

/// Draws the frame of an empty chart with `message` in its middle.
fn draw_empty(painter: &Painter, fonts: &Fonts, area: Rect, message: &str) -> Drawn {
    let theme = painter.theme;
    let plot = Rect {
        x0: area.x0 + painter.px(4.0),
        ..area
    };
    painter.vrule(plot.x0, plot.y0, plot.y1, painter.px(1.0), theme.grid)?;
    painter.hrule(plot.x0, plot.x1, plot.y1, painter.px(1.0), theme.axis)?;
    let lines = painter.wrap(
        message,
        fonts.message,
        (plot.width() - painter.px(24.0)).max(1.0),
    )?;
    let line_height = fonts.message.line_height();
    let mut y = (plot.y0 + plot.y1) / 2.0 - line_height * (lines.len() as f64 - 1.0) / 2.0;
    let centre = (plot.x0 + plot.x1) / 2.0;
    for line in lines {
        painter.text(
            &line,
            fonts.message,
            theme.muted,
            (centre, y),
            HPos::Center,
            VPos::Center,
        )?;
        y += line_height;
    }
    Ok(())
}
