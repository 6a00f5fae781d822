//! The category axis: where each category sits and which labels fit under the plot.

use super::paint::Painter;
use super::text::Font;
use crate::plot::{Category, ChartKind, Plot};

/// Where categories sit along the x axis.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum XScale {
    /// Years placed by their value, so that uneven gaps between years show truly.
    Years {
        first: f64,
        last: f64,
        left: f64,
        right: f64,
    },
    /// Evenly spaced bands, `count` of them, each point or bar group at a band's centre.
    Bands {
        count: usize,
        left: f64,
        right: f64,
        /// The band of each category of the plot, by its index: its place in the order, or
        /// its year's place among the years when years are spaced by time (a band for every
        /// year, the years without a value left empty) or when Play keeps a band for every
        /// year of its timeline.
        slots: Vec<usize>,
    },
}

impl XScale {
    /// The x pixel of category `index`, whose year (if any) is `year`.
    pub fn position(&self, index: usize, year: Option<u16>) -> f64 {
        match self {
            XScale::Years {
                first,
                last,
                left,
                right,
            } => {
                let year = year.map_or(*first, f64::from);
                if last > first {
                    left + (year - first) / (last - first) * (right - left)
                } else {
                    (left + right) / 2.0
                }
            }
            XScale::Bands { slots, .. } => {
                self.slot_centre(slots.get(index).copied().unwrap_or(index))
            }
        }
    }

    /// The x pixel of the middle of band `slot` (the middle of the axis on a year scale).
    fn slot_centre(&self, slot: usize) -> f64 {
        match self {
            XScale::Years { left, right, .. } => (left + right) / 2.0,
            XScale::Bands { left, .. } => left + (slot as f64 + 0.5) * self.band_width(),
        }
    }

    /// The width of one band (zero on a year scale, which has no bands).
    pub fn band_width(&self) -> f64 {
        match self {
            XScale::Years { .. } => 0.0,
            XScale::Bands {
                count, left, right, ..
            } => (right - left) / (*count).max(1) as f64,
        }
    }
}

/// One label under the x axis, on one line or more.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct XLabel {
    /// The pixel column the label is centred on.
    pub x: f64,
    /// The label's text, one entry per line.
    pub lines: Vec<String>,
}

/// The x axis laid out for a given plot width.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct XAxis {
    /// Where the categories sit.
    pub scale: XScale,
    /// The labels that fit, in order; the others are left out rather than overlapped.
    pub labels: Vec<XLabel>,
    /// The labels are turned to read upwards, because they are too wide to stand side by side.
    pub upwards: bool,
    /// Small tick marks join the labels to the axis (on a year scale, where a label names a
    /// point on a line rather than a band).
    pub tick_marks: bool,
    /// The height the labels need below the plot.
    pub height: f64,
}

/// The most lines a category label may be wrapped onto before it is turned upwards instead.
const MAX_LABEL_LINES: usize = 3;

/// The year steps tried for labels, smallest first.
const YEAR_STEPS: [i32; 11] = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000];

/// The most bands a year axis spaced by time may have for each year it shows: years further
/// apart than that (a table of 1950 and 2005, say) are spaced evenly instead, since bars a
/// hundredth of the axis wide would be too thin to read.
const MOST_BANDS_PER_YEAR: usize = 4;

/// The categories the axis is laid out for: during Play, the whole timeline, when it holds
/// every shown category in the same order; otherwise the shown categories.
fn axis_categories(plot: &Plot) -> &[Category] {
    let timeline = &plot.timeline;
    let mut rest = timeline.iter();
    let covered = !timeline.is_empty()
        && plot
            .categories
            .iter()
            .all(|shown| rest.any(|category| category.id == shown.id));
    if covered {
        timeline
    } else {
        &plot.categories
    }
}

/// The band of each of `categories` when they are years spaced unevenly (FDI's 1995, 1997, …,
/// 2003, 2004): a band for every calendar year from the first to the last, so that a gap of two
/// years looks twice as wide as a gap of one. `None` when the categories are not all years in
/// rising order, are evenly spaced already (every year, or every other year, which bands in
/// order show as truly), or lie too far apart.
fn slots_by_time(categories: &[Category]) -> Option<Vec<usize>> {
    let years: Vec<usize> = categories
        .iter()
        .map(|category| category.year.map(usize::from))
        .collect::<Option<_>>()?;
    let (first, last) = (*years.first()?, *years.last()?);
    if !years.windows(2).all(|pair| pair[0] < pair[1]) {
        return None;
    }
    let even = years
        .windows(2)
        .all(|pair| pair[1] - pair[0] == years[1] - years[0]);
    let span = last - first + 1;
    if even || span > MOST_BANDS_PER_YEAR * years.len() {
        return None;
    }
    Some(years.into_iter().map(|year| year - first).collect())
}

/// Lays the x axis out between `left` and `right`. `inset` keeps line markers off the plot's
/// edges; upward labels are shortened to `max_upward_length`.
pub(crate) fn layout(
    plot: &Plot,
    painter: &Painter,
    font: Font,
    (left, right): (f64, f64),
    inset: f64,
    max_upward_length: f64,
) -> Result<XAxis, String> {
    let axis = axis_categories(plot);
    let years: Option<Vec<u16>> = axis.iter().map(|category| category.year).collect();
    match years {
        Some(years) if plot.kind == ChartKind::Line && !years.is_empty() => {
            year_axis(&years, painter, font, (left, right), inset)
        }
        _ => band_axis(plot, axis, painter, font, (left, right), max_upward_length),
    }
}

fn year_axis(
    years: &[u16],
    painter: &Painter,
    font: Font,
    (left, right): (f64, f64),
    inset: f64,
) -> Result<XAxis, String> {
    let first = years.iter().copied().min().map_or(0, i32::from);
    let last = years.iter().copied().max().map_or(0, i32::from);
    let label_width = painter.widest(
        [first.to_string().as_str(), last.to_string().as_str()],
        font,
    )?;
    // The last label is centred on the last year, so the scale stops half a label short of the
    // edge; the first label may reach into the margin of the value labels, which lie higher.
    let scale = XScale::Years {
        first: f64::from(first),
        last: f64::from(last),
        left: left + inset,
        right: right - inset.max(label_width / 2.0),
    };
    let spacing = label_width + painter.px(10.0);
    let x_of = |year: i32| scale.position(0, u16::try_from(year).ok());
    let mut chosen = vec![first];
    if last != first && x_of(last) - x_of(first) >= spacing {
        chosen.push(last);
    }
    let pixels_per_year = if last > first {
        (x_of(last) - x_of(first)) / f64::from(last - first)
    } else {
        0.0
    };
    if let Some(step) = YEAR_STEPS
        .iter()
        .copied()
        .find(|step| f64::from(*step) * pixels_per_year >= spacing)
    {
        let clear_of_ends = |x: f64| x - x_of(first) >= spacing && x_of(last) - x >= spacing;
        let inner = (first + 1..last).filter(|year| year % step == 0 && clear_of_ends(x_of(*year)));
        chosen.extend(inner);
    }
    crate::sort::by(&mut chosen, Ord::cmp);
    let labels = chosen
        .into_iter()
        .map(|year| XLabel {
            x: x_of(year),
            lines: vec![year.to_string()],
        })
        .collect();
    Ok(XAxis {
        scale,
        labels,
        upwards: false,
        tick_marks: true,
        height: painter.px(8.0) + font.line_height(),
    })
}

fn band_axis(
    plot: &Plot,
    axis: &[Category],
    painter: &Painter,
    font: Font,
    (left, right): (f64, f64),
    max_upward_length: f64,
) -> Result<XAxis, String> {
    let axis_slots = slots_by_time(axis).unwrap_or_else(|| (0..axis.len()).collect());
    let count = axis_slots.last().map_or(0, |last| last + 1).max(axis.len());
    // The shown categories take the bands of their places on the axis (during Play, their
    // places in the timeline).
    let slots = if std::ptr::eq(axis, plot.categories.as_slice()) {
        axis_slots.clone()
    } else {
        let mut rest = axis.iter().zip(&axis_slots);
        plot.categories
            .iter()
            .enumerate()
            .map(|(index, shown)| {
                rest.find(|(category, _)| category.id == shown.id)
                    .map_or(index, |(_, slot)| *slot)
            })
            .collect()
    };
    let scale = XScale::Bands {
        count,
        left,
        right,
        slots,
    };
    let band = scale.band_width();
    let widest = painter.widest(axis.iter().map(|category| category.label.as_str()), font)?;
    let gap = painter.px(8.0);
    let all_years = axis.iter().all(|category| category.year.is_some());
    let horizontal_height = painter.px(6.0) + font.line_height();
    let centre = |index: usize| scale.slot_centre(axis_slots.get(index).copied().unwrap_or(index));
    let place = |every: usize| {
        axis.iter()
            .enumerate()
            .filter(move |(index, _)| index % every == 0)
            .map(move |(index, category)| (index, category.label.clone()))
    };
    if widest + gap <= band || all_years {
        // Years keep their reading direction and are thinned; every other label fits as it is.
        // A label is kept when it stands clear of the last one kept; the last category's
        // label is kept too, in place of those too near it, so that the axis says where it
        // ends (2004 rather than 2003 on FDI's crowded axis).
        let clear = |left: f64, right: f64| right - left >= (widest + gap) * (1.0 - 1e-9);
        let mut labels: Vec<XLabel> = Vec::new();
        for (index, category) in axis.iter().enumerate() {
            let x = centre(index);
            let last = index + 1 == axis.len();
            if last {
                while labels.len() > 1 && labels.last().is_some_and(|kept| !clear(kept.x, x)) {
                    labels.pop();
                }
            }
            if labels.last().is_none_or(|kept| clear(kept.x, x)) {
                labels.push(XLabel {
                    x,
                    lines: vec![category.label.clone()],
                });
            }
        }
        return Ok(XAxis {
            scale,
            labels,
            upwards: false,
            tick_marks: false,
            height: horizontal_height,
        });
    }
    // Few wide bands (the R&D view's measures) take their names on up to three lines.
    let mut wrapped = Vec::new();
    for (index, text) in place(1) {
        let lines = painter.wrap(&text, font, band - gap)?;
        if lines.len() > MAX_LABEL_LINES
            || painter.widest(lines.iter().map(String::as_str), font)? > band - gap
        {
            wrapped.clear();
            break;
        }
        wrapped.push(XLabel {
            x: centre(index),
            lines,
        });
    }
    if !wrapped.is_empty() {
        let most_lines = wrapped
            .iter()
            .map(|label| label.lines.len())
            .max()
            .unwrap_or(1);
        let height = painter.px(6.0) + most_lines as f64 * font.line_height();
        return Ok(XAxis {
            scale,
            labels: wrapped,
            upwards: false,
            tick_marks: false,
            height,
        });
    }
    // Names (countries, firms) are all worth reading, so they turn upwards rather than vanish;
    // only when even upright lines of text crowd each other is every n-th one kept.
    let every = ((font.line_height() * 0.9) / band.max(1.0)).ceil().max(1.0) as usize;
    let mut labels = Vec::new();
    let mut longest = 0.0_f64;
    for (index, text) in place(every) {
        let text = painter.truncate(&text, font, max_upward_length)?;
        longest = longest.max(painter.measure(&text, font)?);
        labels.push(XLabel {
            x: centre(index),
            lines: vec![text],
        });
    }
    Ok(XAxis {
        scale,
        labels,
        upwards: true,
        tick_marks: false,
        height: painter.px(6.0) + longest,
    })
}
