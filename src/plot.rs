//! What a chart shows, decided by the core before anything is drawn: categories along the x
//! axis, series of points with their statuses, the chart kind and the scale.
//!
//! A [`Plot`] is built from the reader's choices by [`crate::view`], drawn by [`crate::chart`],
//! tabulated by [`crate::html`] and put into words by [`crate::describe`], so the picture, the
//! table and the summary always agree.

use crate::data::{Qualifier, Status, Unit};
use serde::Serialize;

/// How the series are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// Lines with markers, one per series, over the categories (years placed by their value).
    Line,
    /// Bars side by side within each category.
    Bars,
    /// Bars stacked within each category.
    Stacked,
    /// Bars stacked within each category and scaled so that each stack fills 100%.
    Stacked100,
}

impl ChartKind {
    pub const ALL: [ChartKind; 4] = [
        ChartKind::Line,
        ChartKind::Bars,
        ChartKind::Stacked,
        ChartKind::Stacked100,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ChartKind::Line => "line",
            ChartKind::Bars => "bars",
            ChartKind::Stacked => "stacked",
            ChartKind::Stacked100 => "stacked100",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ChartKind::Line => "Line",
            ChartKind::Bars => "Bars",
            ChartKind::Stacked => "Stacked bars",
            ChartKind::Stacked100 => "100% stacked",
        }
    }

    pub fn from_id(id: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|kind| kind.id() == id)
    }
}

/// One position on the x axis: a year, or a name such as a country.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Category {
    /// Stable id (`"2003"`, `"china"`).
    pub id: String,
    /// What the axis and table show (`"2003"`, `"China (2003)"`).
    pub label: String,
    /// For a year axis, the year, so that a line chart can space uneven years truly.
    pub year: Option<u16>,
}

/// One plotted value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Point {
    /// `None` for a missing cell: drawn as a gap, never as zero.
    pub value: Option<f64>,
    /// The weakest status of the cells the value comes from.
    pub status: Status,
    /// Remarks on the cells the value comes from (why one is not clean, where it comes from),
    /// for the table's notes.
    pub note: String,
    /// Computed from the paper's numbers (a share, an index, a change, an average) rather
    /// than printed in it.
    pub derived: bool,
    /// Whether the paper states the value exactly, as a bound or as an approximation.
    pub qualifier: Qualifier,
    /// The decimals the paper prints the value with, where its table fixes them (Table 3
    /// prints `20.0`, not `20`); `None` to show as many as the value needs.
    pub decimals: Option<u8>,
}

/// One line, or one colour of bars.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Series {
    pub id: String,
    pub label: String,
    /// Index into the palette; fixed per series so that toggling others never recolours it.
    pub color: usize,
    /// Drawn with emphasis (China in the R&D view).
    pub highlight: bool,
    /// One point per category, in category order.
    pub points: Vec<Point>,
}

/// Everything needed to draw one chart.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Plot {
    pub title: String,
    /// The y axis title, naming measure and unit.
    pub y_label: String,
    /// The x axis title.
    pub x_label: String,
    pub unit: Unit,
    pub kind: ChartKind,
    /// A logarithmic y axis (values ≤ 0 are then left out, like missing ones).
    pub log_scale: bool,
    pub categories: Vec<Category>,
    /// Only the series the reader has switched on.
    pub series: Vec<Series>,
    /// One line for the foot of the chart: the source.
    pub source: String,
}

impl Plot {
    /// True when no series has any value to draw, so the chart should say why it is empty.
    pub fn is_empty(&self) -> bool {
        self.series
            .iter()
            .all(|series| series.points.iter().all(|point| point.value.is_none()))
    }

    /// True when some point is drawn with a status other than clean, so the status key is needed.
    pub fn has_status(&self, status: Status) -> bool {
        self.series.iter().any(|series| {
            series
                .points
                .iter()
                .any(|point| point.value.is_some() && point.status == status)
        })
    }
}

/// The palette: Okabe and Ito's colour-blind-safe colours, in the order series take them.
pub const PALETTE: [(u8, u8, u8); 8] = [
    (0, 114, 178),   // blue
    (213, 94, 0),    // vermillion
    (0, 158, 115),   // bluish green
    (204, 121, 167), // reddish purple
    (230, 159, 0),   // orange
    (86, 180, 233),  // sky blue
    (120, 120, 120), // grey
    (240, 228, 66),  // yellow
];

/// The palette colour of a series as a CSS hex string, for HTML legends.
pub fn css_color(index: usize) -> String {
    let (r, g, b) = PALETTE[index % PALETTE.len()];
    format!("#{r:02x}{g:02x}{b:02x}")
}
