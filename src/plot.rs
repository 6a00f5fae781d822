//! What a chart shows, decided by the core before anything is drawn: categories along the x
//! axis, series of points with their statuses, the chart kind and the scale.
//!
//! A [`Plot`] is built from the reader's choices by [`crate::view`], drawn by [`crate::chart`],
//! tabulated by [`crate::html`] and put into words by [`crate::describe`], so the picture, the
//! table and the summary always agree.

use crate::data::{Qualifier, Status, Unit};
use crate::lang::Lang;
use serde::Serialize;
use std::borrow::Cow;

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
    /// Index into the palette, fixed per series id in every view ([`series_color`]).
    pub color: usize,
    /// The shape of the series' markers, fixed per series id like the colour, so that colour is
    /// never the only way to tell series apart.
    pub shape: Shape,
    /// Drawn with emphasis (China in the R&D view).
    pub highlight: bool,
    /// The values are numbers quoted here and there in the text, not yearly data: a line
    /// between two values years apart is dotted, since nothing is known between them.
    pub sparse: bool,
    /// One point per category, in category order.
    pub points: Vec<Point>,
}

/// The shape of a series' markers. A value whose status is uncertain is drawn as a hollow
/// diamond whatever its series' shape, so no series is given the diamond.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    Circle,
    Square,
    Triangle,
    TriangleDown,
    Plus,
    Star,
    Cross,
}

impl Shape {
    pub const ALL: [Shape; 7] = [
        Shape::Circle,
        Shape::Square,
        Shape::Triangle,
        Shape::TriangleDown,
        Shape::Plus,
        Shape::Star,
        Shape::Cross,
    ];

    /// The shape's name in CSS classes (`shape-triangle-down`).
    pub fn id(self) -> &'static str {
        match self {
            Shape::Circle => "circle",
            Shape::Square => "square",
            Shape::Triangle => "triangle",
            Shape::TriangleDown => "triangle-down",
            Shape::Plus => "plus",
            Shape::Star => "star",
            Shape::Cross => "cross",
        }
    }
}

/// A labelled vertical line at one category, such as the year a policy changed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReferenceLine {
    /// The index of the category in [`Plot::categories`].
    pub category: usize,
    /// Cleaned and shortened text; may be empty.
    pub label: String,
}

/// A shaded span over the categories `first..=last`, with its label.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Span {
    pub first: usize,
    pub last: usize,
    pub label: String,
}

/// A callout on one point: the value of series `series` (an index into [`Plot::series`]) at
/// category `category`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Callout {
    pub series: usize,
    pub category: usize,
    pub label: String,
}

/// An outline round one value: series `series` (an index into [`Plot::series`]) at category
/// `category`, a cell that the finding or claim the reader came from names.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OutlinedPoint {
    pub series: usize,
    pub category: usize,
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
    /// The ids of the emphasised series among those shown; when there are any, every other
    /// series is drawn dimmed (never hidden).
    pub emphasis: Vec<String>,
    /// Reference lines, at categories the plot shows.
    pub reference_lines: Vec<ReferenceLine>,
    /// Shaded spans, cut to the categories the plot shows.
    pub bands: Vec<Span>,
    /// Callouts on points the plot shows.
    pub notes: Vec<Callout>,
    /// Outlined values among those the plot shows.
    pub outlines: Vec<OutlinedPoint>,
    /// A range of values the value axis covers whatever the shown categories hold: while the
    /// reader plays through the years, the range over all of them, so that the axis stays put
    /// and growth looks like growth.
    pub value_domain: Option<(f64, f64)>,
    /// While the reader plays through the years, every category of the timeline (the shown
    /// ones first among them), so that the category axis keeps its place for the years still
    /// to come as the value axis does; empty otherwise. Only the chart reads it.
    #[serde(skip)]
    pub timeline: Vec<Category>,
}

/// The source as the foot of a chart shows it: after "Source: ", unless it is a line already
/// (it says "Source" itself, or it was translated whole, so starts with no Latin letter).
pub fn source_line(source: &str) -> String {
    if source.is_empty()
        || source.starts_with("Source")
        || !source.starts_with(|ch: char| ch.is_ascii_alphabetic())
    {
        source.to_string()
    } else {
        format!("Source: {source}")
    }
}

impl Plot {
    /// The plot with every text it draws in the reader's language: its titles, categories,
    /// series and the lecturer's labels (the chart's drawing takes them as they are). An
    /// English plot is itself.
    pub fn translated(&self, lang: Lang) -> Cow<'_, Plot> {
        if lang == Lang::En {
            return Cow::Borrowed(self);
        }
        let mut plot = self.clone();
        let text = |english: &mut String| *english = crate::lang::text(lang, english).into_owned();
        text(&mut plot.title);
        text(&mut plot.y_label);
        text(&mut plot.x_label);
        plot.source = crate::lang::text(lang, &source_line(&plot.source)).into_owned();
        for category in plot.categories.iter_mut().chain(plot.timeline.iter_mut()) {
            text(&mut category.label);
        }
        for series in &mut plot.series {
            text(&mut series.label);
        }
        for line in &mut plot.reference_lines {
            text(&mut line.label);
        }
        for band in &mut plot.bands {
            text(&mut band.label);
        }
        for note in &mut plot.notes {
            text(&mut note.label);
        }
        Cow::Owned(plot)
    }

    /// True when no series has any value to draw, so the chart should say why it is empty.
    pub fn is_empty(&self) -> bool {
        self.series
            .iter()
            .all(|series| series.points.iter().all(|point| point.value.is_none()))
    }

    /// True when the series with id `series` has a value at the category with id `category`.
    pub fn has_value_at(&self, series: &str, category: &str) -> bool {
        let Some(at) = self
            .categories
            .iter()
            .position(|shown| shown.id == category)
        else {
            return false;
        };
        self.series
            .iter()
            .find(|shown| shown.id == series)
            .and_then(|shown| shown.points.get(at))
            .is_some_and(|point| point.value.is_some())
    }

    /// True when `series` is drawn dimmed: other series are emphasised.
    pub fn is_dimmed(&self, series: &Series) -> bool {
        !self.emphasis.is_empty() && !self.emphasis.contains(&series.id)
    }

    /// True when the line of `series` from category `index` to the next is dotted: the series
    /// is sparse and the two categories are years apart.
    pub fn is_sparse_piece(&self, series: &Series, index: usize) -> bool {
        let year = |index: usize| {
            self.categories
                .get(index)
                .and_then(|category| category.year)
        };
        series.sparse
            && self.kind == ChartKind::Line
            && matches!((year(index), index.checked_add(1).and_then(year)),
                (Some(from), Some(to)) if u32::from(to) > u32::from(from) + 1)
    }

    /// True when some line of the plot joins two values years apart, so the key must say
    /// what its dots mean.
    pub fn has_sparse_pieces(&self) -> bool {
        self.series.iter().any(|series| {
            series.points.windows(2).enumerate().any(|(index, pair)| {
                pair.iter().all(|point| point.value.is_some())
                    && self.is_sparse_piece(series, index)
            })
        })
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

/// The palette in light mode: Okabe and Ito's colour-blind-safe colours, darkened where needed
/// so that each has a contrast of at least 3:1 against the white background (WCAG 2.1's
/// minimum for graphics). Orange and sky blue as published wash out on white (2.3:1), and
/// yellow is invisible (1.3:1), so they are replaced by a darker orange, a darker sky blue and
/// an olive that stays apart from the orange.
pub const PALETTE: [(u8, u8, u8); 8] = [
    (0, 114, 178),   // blue, 5.2:1
    (200, 82, 0),    // vermillion, 4.5:1
    (0, 150, 110),   // bluish green, 3.8:1
    (187, 100, 150), // reddish purple, 3.9:1
    (198, 128, 0),   // orange, 3.2:1
    (55, 142, 210),  // sky blue, 3.5:1
    (120, 120, 120), // grey, 4.4:1
    (128, 128, 0),   // olive, in place of yellow, 4.2:1
];

/// The palette in dark mode: Okabe and Ito's colours as published, which all keep a contrast
/// of at least 3:1 against the dark background.
pub const DARK_PALETTE: [(u8, u8, u8); 8] = [
    (0, 114, 178),   // blue
    (213, 94, 0),    // vermillion
    (0, 158, 115),   // bluish green
    (204, 121, 167), // reddish purple
    (230, 159, 0),   // orange
    (86, 180, 233),  // sky blue
    (120, 120, 120), // grey
    (240, 228, 66),  // yellow
];

// The palette's colours by name (yellow is olive in light mode).
const BLUE: usize = 0;
const VERMILLION: usize = 1;
const GREEN: usize = 2;
const PURPLE: usize = 3;
const ORANGE: usize = 4;
const SKY: usize = 5;
const GREY: usize = 6;
const YELLOW: usize = 7;

/// How each series looks wherever it appears: its palette colour and marker shape. One table
/// for every view, so that Foreign funded is the same blue circle in Ownership, Market &
/// profits and the prose topics. Within each view every series differs in both colour and
/// shape; series that never meet (an enterprise type and a country) may share a colour.
const SERIES_LOOKS: [(&str, usize, Shape); 34] = [
    // Enterprise types (Tables 1 and 3, Figures 2 and 3).
    ("foreign_funded", BLUE, Shape::Circle),
    ("state_owned", VERMILLION, Shape::Square),
    ("collective", GREEN, Shape::Triangle),
    ("joint_stock", PURPLE, Shape::TriangleDown),
    ("private", ORANGE, Shape::Star),
    ("state_controlled", SKY, Shape::Plus),
    ("joint_stock_cooperative", YELLOW, Shape::Plus),
    // The whole industry: Table 1's total and our weighted average of Table 3.
    ("total", GREY, Shape::Cross),
    ("industry", GREY, Shape::Cross),
    ("domestic_funded", VERMILLION, Shape::Cross),
    // Wholly foreign-owned firms are foreign funded: a lighter blue.
    ("wfoe", SKY, Shape::Triangle),
    ("jsc_llc_private", PURPLE, Shape::Square),
    // FDI (Table 2).
    ("fdi", BLUE, Shape::Circle),
    // Export regimes (Table 4); the residual regimes are grey, like totals.
    ("processing_imported_materials", BLUE, Shape::Square),
    ("processing_customer_materials", VERMILLION, Shape::Triangle),
    ("ordinary_trade", GREEN, Shape::Circle),
    ("others", GREY, Shape::Cross),
    // Countries (Table 5 and the prose).
    ("china", VERMILLION, Shape::Circle),
    ("usa", BLUE, Shape::Square),
    ("japan", GREEN, Shape::Triangle),
    ("germany", ORANGE, Shape::TriangleDown),
    ("france", PURPLE, Shape::Plus),
    ("uk", SKY, Shape::Star),
    ("korea", YELLOW, Shape::Cross),
    // Firms; the Chinese ones take China's colour.
    ("hongfujin", BLUE, Shape::Circle),
    ("fengda", SKY, Shape::Square),
    ("motorola", PURPLE, Shape::Triangle),
    ("asustek", GREEN, Shape::TriangleDown),
    ("samsung", ORANGE, Shape::Plus),
    ("huawei", VERMILLION, Shape::Star),
    ("lenovo", VERMILLION, Shape::Circle),
    ("ibm", BLUE, Shape::Square),
    ("dell", GREY, Shape::Triangle),
    // Products.
    ("computers", GREEN, Shape::Circle),
];

/// How a series id not in the table looks.
const UNKNOWN_LOOK: (usize, Shape) = (GREY, Shape::Circle);

/// The palette colour and marker shape of a series, the same in every view.
pub fn series_look(id: &str) -> (usize, Shape) {
    SERIES_LOOKS
        .iter()
        .find(|(known, _, _)| *known == id)
        .map_or(UNKNOWN_LOOK, |(_, color, shape)| (*color, *shape))
}

/// True when the series id has its own entry in the table of looks.
pub fn has_own_look(id: &str) -> bool {
    SERIES_LOOKS.iter().any(|(known, _, _)| *known == id)
}

/// The palette of light or dark mode.
pub fn palette(dark: bool) -> &'static [(u8, u8, u8); 8] {
    if dark {
        &DARK_PALETTE
    } else {
        &PALETTE
    }
}

/// The light-mode palette colour of a series as a CSS hex string.
pub fn css_color(index: usize) -> String {
    css_color_in(index, false)
}

/// The palette colour of a series in light or dark mode as a CSS hex string, for HTML legends.
pub fn css_color_in(index: usize, dark: bool) -> String {
    let colors = palette(dark);
    let (r, g, b) = colors[index % colors.len()];
    format!("#{r:02x}{g:02x}{b:02x}")
}
