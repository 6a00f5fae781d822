//! The category axis: where each category sits and which labels fit under the plot.

use super::paint::Painter;
use super::text::Font;
use crate::plot::{ChartKind, Plot};

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
    /// Evenly spaced bands, one per category, each point or bar group at a band's centre.
    Bands { count: usize, left: f64, right: f64 },
}

impl XScale {
    /// The x pixel of category `index`, whose year (if any) is `year`.
    pub fn position(&self, index: usize, year: Option<u16>) -> f64 {
        match *self {
            XScale::Years {
                first,
                last,
                left,
                right,
            } => {
                let year = year.map_or(first, f64::from);
                if last > first {
                    left + (year - first) / (last - first) * (right - left)
                } else {
                    (left + right) / 2.0
                }
            }
            XScale::Bands { left, .. } => left + (index as f64 + 0.5) * self.band_width(),
        }
    }

    /// The width of one band (zero on a year scale, which has no bands).
    pub fn band_width(&self) -> f64 {
        match *self {
            XScale::Years { .. } => 0.0,
            XScale::Bands { count, left, right } => (right - left) / count.max(1) as f64,
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
    let years: Option<Vec<u16>> = plot
        .categories
        .iter()
        .map(|category| category.year)
        .collect();
    match years {
        Some(years) if plot.kind == ChartKind::Line && !years.is_empty() => {
            year_axis(&years, painter, font, (left, right), inset)
        }
        _ => band_axis(plot, painter, font, (left, right), max_upward_length),
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
    painter: &Painter,
    font: Font,
    (left, right): (f64, f64),
    max_upward_length: f64,
) -> Result<XAxis, String> {
    let scale = XScale::Bands {
        count: plot.categories.len(),
        left,
        right,
    };
    let band = scale.band_width();
    let widest = painter.widest(
        plot.categories
            .iter()
            .map(|category| category.label.as_str()),
        font,
    )?;
    let gap = painter.px(8.0);
    let all_years = plot
        .categories
        .iter()
        .all(|category| category.year.is_some());
    let horizontal_height = painter.px(6.0) + font.line_height();
    let place = |every: usize| {
        plot.categories
            .iter()
            .enumerate()
            .filter(move |(index, _)| index % every == 0)
            .map(move |(index, category)| (index, category.label.clone()))
    };
    if widest + gap <= band || all_years {
        // Years keep their reading direction and are thinned; every other label fits as it is.
        let every = ((widest + gap) / band.max(1.0)).ceil().max(1.0) as usize;
        let labels = place(every)
            .map(|(index, text)| XLabel {
                x: scale.position(index, None),
                lines: vec![text],
            })
            .collect();
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
            x: scale.position(index, None),
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
            x: scale.position(index, None),
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
