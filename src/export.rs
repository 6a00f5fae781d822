//! The data, the audit and the claims as CSV (for spreadsheets, R and Python) and JSON.

use crate::checks::{Claim, Finding};
use crate::data::facts::CITATION;
use crate::data::{Dataset, Datum, Unit};
use crate::format::plain;
use crate::lang::{text, Lang};
use serde::Serialize;

/// The header of the tidy data CSV, one row per cell.
pub const DATA_HEADER: [&str; 8] = [
    "dataset", "series", "measure", "year", "value", "unit", "status", "note",
];
/// The header of the audit CSV, one row per finding.
pub const AUDIT_HEADER: [&str; 7] = [
    "id",
    "severity",
    "dataset",
    "title",
    "numbers",
    "explanation",
    "cells",
];
/// The header of the claims CSV, one row per claim.
pub const CLAIMS_HEADER: [&str; 8] = [
    "id",
    "dataset",
    "statement",
    "source",
    "verdict",
    "status",
    "computation",
    "cells",
];

/// Writes rows as CSV, as the `csv` crate writes them by default (which `tests/export.rs` reads
/// back): fields separated by commas, each row ended by `\n`, and a field quoted, with its
/// quotes doubled, exactly when it holds a comma, a quote or a line break. Written here rather
/// than with the crate, whose writer is several kilobytes of the WebAssembly.
fn write_csv<const N: usize>(header: [&str; N], rows: impl Iterator<Item = [String; N]>) -> String {
    let mut csv = String::new();
    write_csv_row(&mut csv, &header);
    for row in rows {
        write_csv_row(&mut csv, &row);
    }
    csv
}

fn write_csv_row(csv: &mut String, fields: &[impl AsRef<str>]) {
    for (index, field) in fields.iter().enumerate() {
        let field = field.as_ref();
        if index > 0 {
            csv.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            csv.push('"');
            csv.push_str(&field.replace('"', "\"\""));
            csv.push('"');
        } else if field.is_empty() && fields.len() == 1 {
            // A row of one empty field would read as no row at all.
            csv.push_str("\"\"");
        } else {
            csv.push_str(field);
        }
    }
    csv.push('\n');
}

/// One CSV row of a datum. Missing values are empty; the note carries the source too, so that
/// a row read alone still says where it comes from.
fn data_row(datum: &Datum) -> [String; 8] {
    let note = [datum.label, datum.source, datum.cell.note]
        .iter()
        .filter(|part| !part.is_empty())
        .map(|part| part.trim_end_matches('.'))
        .collect::<Vec<_>>()
        .join(". ")
        + ".";
    [
        datum.dataset.id().to_string(),
        datum.series.to_string(),
        datum.measure.to_string(),
        datum.year.map(|year| year.to_string()).unwrap_or_default(),
        datum.cell.value.map(plain).unwrap_or_default(),
        datum.unit.id().to_string(),
        datum.cell.status.id().to_string(),
        note,
    ]
}

/// Every datum given, as tidy CSV with [`DATA_HEADER`].
pub fn data_csv<'a>(data: impl IntoIterator<Item = &'a Datum>) -> String {
    write_csv(DATA_HEADER, data.into_iter().map(data_row))
}

/// The header of the page's all-data CSV: [`DATA_HEADER`]'s columns in the same order, each id
/// followed by a label a reader understands without the code book.
pub const LABELLED_DATA_HEADER: [&str; 13] = [
    "dataset",
    "dataset_label",
    "series",
    "series_label",
    "measure",
    "measure_label",
    "year",
    "value",
    "unit",
    "unit_label",
    "status",
    "status_label",
    "note",
];

/// What a unit means, spelt out for a spreadsheet's reader.
pub fn unit_label(unit: Unit) -> &'static str {
    match unit {
        Unit::Firms => "number of firms",
        Unit::Percent => "percent",
        Unit::PercentagePoints => "percentage points",
        Unit::BillionYuan => "billion yuan",
        Unit::MillionYuanPerFirm => "million yuan per firm",
        Unit::MillionUsd => "million US dollars",
        Unit::BillionUsd => "billion US dollars",
        Unit::MillionUnits => "million units",
        Unit::Count => "count",
        Unit::Times => "times as large",
        Unit::Rank => "rank (1 = largest)",
        Unit::Index => "index (base year = 100)",
    }
}

/// One row of the labelled CSV: the tidy row with a label after each id.
fn labelled_data_row(datum: &Datum) -> [String; 13] {
    let [dataset, series, measure, year, value, unit, status, note] = data_row(datum);
    // Prose numbers carry their own description; table cells share their measure's label.
    let measure_label = if datum.label.is_empty() {
        crate::data::measure_label(datum.measure)
    } else {
        datum.label
    };
    [
        dataset,
        datum.dataset.info().title.to_string(),
        series,
        crate::data::series_label(datum.series).to_string(),
        measure,
        measure_label.to_string(),
        year,
        value,
        unit,
        unit_label(datum.unit).to_string(),
        status,
        datum.cell.status.words().to_string(),
        note,
    ]
}

/// Every datum given, as CSV with [`LABELLED_DATA_HEADER`]: the page's all-data download, for
/// readers who open it in a spreadsheet. `ict-data csv` keeps the ids-only [`data_csv`], whose
/// header scripts rely on.
pub fn labelled_data_csv<'a>(data: impl IntoIterator<Item = &'a Datum>) -> String {
    labelled_data_csv_in(data, Lang::En)
}

/// [`labelled_data_csv`] in the reader's language: its header and its labels (the ids and the
/// notes stay as they are, for scripts and for the paper's words).
pub fn labelled_data_csv_in<'a>(data: impl IntoIterator<Item = &'a Datum>, lang: Lang) -> String {
    const LABELS: [usize; 5] = [1, 3, 5, 9, 11];
    let csv = write_csv(
        LABELLED_DATA_HEADER,
        data.into_iter().map(|datum| {
            let mut row = labelled_data_row(datum);
            if lang != Lang::En {
                for column in LABELS {
                    row[column] = text(lang, &row[column]).into_owned();
                }
            }
            row
        }),
    );
    header_in(csv, lang)
}

/// A CSV with its header line in the reader's language (the catalogue has each header whole).
fn header_in(csv: String, lang: Lang) -> String {
    match csv.split_once('\n') {
        Some((header, rows)) if lang != Lang::En => {
            format!("{}\n{rows}", text(lang, header))
        }
        _ => csv,
    }
}

/// The findings as CSV with [`AUDIT_HEADER`].
pub fn audit_csv(findings: &[Finding]) -> String {
    write_csv(
        AUDIT_HEADER,
        findings.iter().map(|finding| {
            [
                finding.id.clone(),
                finding.severity.id().to_string(),
                finding.dataset.id().to_string(),
                finding.title.clone(),
                finding.numbers.clone(),
                finding.explanation.clone(),
                finding.cells.join(" "),
            ]
        }),
    )
}

/// The claims as CSV with [`CLAIMS_HEADER`].
pub fn claims_csv(claims: &[Claim]) -> String {
    write_csv(
        CLAIMS_HEADER,
        claims.iter().map(|claim| {
            [
                claim.id.clone(),
                claim.dataset.id().to_string(),
                claim.statement.clone(),
                claim.source.to_string(),
                claim.verdict.id().to_string(),
                claim.status.id().to_string(),
                claim.computation.clone(),
                claim.cells.join(" "),
            ]
        }),
    )
}

/// The nested JSON document: datasets, each with its series, each with its measures, each
/// with its values by year.
#[derive(Serialize)]
pub struct Document {
    pub citation: &'static str,
    pub datasets: Vec<DatasetDocument>,
}

#[derive(Serialize)]
pub struct DatasetDocument {
    pub id: &'static str,
    pub title: &'static str,
    pub source: String,
    pub note: &'static str,
    pub series: Vec<SeriesDocument>,
}

#[derive(Serialize)]
pub struct SeriesDocument {
    pub id: &'static str,
    pub label: &'static str,
    pub measures: Vec<MeasureDocument>,
}

#[derive(Serialize)]
pub struct MeasureDocument {
    pub id: &'static str,
    pub label: &'static str,
    pub unit: &'static str,
    pub values: Vec<ValueDocument>,
}

#[derive(Serialize)]
pub struct ValueDocument {
    pub year: Option<u16>,
    pub value: Option<f64>,
    pub status: &'static str,
    pub note: &'static str,
    pub source: &'static str,
}

/// Builds the nested document from the paper's data.
pub fn document() -> Document {
    let datasets = Dataset::ALL
        .into_iter()
        .map(|dataset| {
            let info = dataset.info();
            let series = crate::data::series(dataset)
                .into_iter()
                .map(|series| {
                    let mut measures: Vec<MeasureDocument> = Vec::new();
                    for datum in crate::data::of(dataset).filter(|datum| datum.series == series) {
                        let value = ValueDocument {
                            year: datum.year,
                            value: datum.cell.value,
                            status: datum.cell.status.id(),
                            note: datum.cell.note,
                            source: datum.source,
                        };
                        match measures
                            .iter_mut()
                            .find(|measure| measure.id == datum.measure)
                        {
                            Some(measure) => measure.values.push(value),
                            None => measures.push(MeasureDocument {
                                id: datum.measure,
                                label: if datum.label.is_empty() {
                                    crate::data::measure_label(datum.measure)
                                } else {
                                    datum.label
                                },
                                unit: datum.unit.id(),
                                values: vec![value],
                            }),
                        }
                    }
                    SeriesDocument {
                        id: series,
                        label: crate::data::series_label(series),
                        measures,
                    }
                })
                .collect();
            DatasetDocument {
                id: info.id,
                title: info.title,
                source: dataset.source(),
                note: info.note,
                series,
            }
        })
        .collect();
    Document {
        citation: CITATION,
        datasets,
    }
}

/// The header of a chart's own CSV: exactly what the chart shows, one row per point.
pub const PLOT_HEADER: [&str; 10] = [
    "chart",
    "series",
    "category",
    "value",
    "qualifier",
    "unit",
    "status",
    "computed",
    "note",
    "source",
];

/// How a qualifier reads in the chart CSV: `exact`, `about`, `at_least` or `at_most`.
fn qualifier_id(qualifier: crate::data::Qualifier) -> &'static str {
    use crate::data::Qualifier;
    match qualifier {
        Qualifier::Exact => "exact",
        Qualifier::About => "about",
        Qualifier::AtLeast => "at_least",
        Qualifier::AtMost => "at_most",
    }
}

/// The points of a plot as CSV with [`PLOT_HEADER`]; every row carries the chart title and the
/// source, so a downloaded file still cites the paper.
pub fn plot_csv(plot: &crate::plot::Plot) -> String {
    let source = format!("{} {}", plot.source, CITATION);
    write_csv(
        PLOT_HEADER,
        plot.series.iter().flat_map(|series| {
            let source = source.clone();
            plot.categories
                .iter()
                .zip(&series.points)
                .map(move |(category, point)| {
                    [
                        plot.title.clone(),
                        series.label.clone(),
                        category.label.clone(),
                        point.value.map(plain).unwrap_or_default(),
                        qualifier_id(point.qualifier).to_string(),
                        plot.unit.id().to_string(),
                        point.status.id().to_string(),
                        if point.derived { "yes" } else { "no" }.to_string(),
                        point.note.clone(),
                        source.clone(),
                    ]
                })
        }),
    )
}

/// [`plot_csv`] in the reader's language, of a plot whose labels are in it already (see
/// [`crate::plot::Plot::translated`]).
pub fn plot_csv_in(plot: &crate::plot::Plot, lang: Lang) -> String {
    header_in(plot_csv(plot), lang)
}

/// A download's file name that says what it holds: the view, and its measure or topic,
/// transform, logarithmic scale and chart kind where the view has them, e.g.
/// `ict-explorer-ownership-share_total_assets-stacked100`.
pub fn file_stem(state: &crate::view::State) -> String {
    use crate::view::{self, Transform, ViewId};
    let mut parts = vec!["ict-explorer".to_string(), state.view().id().to_string()];
    if state.view() == ViewId::Trade {
        parts.push(state.topic().id.to_string());
    } else if view::measures(state.view()).len() > 1 {
        parts.push(state.measure().id.to_string());
    }
    if state.transform() != Transform::Level {
        parts.push(state.transform().id().to_string());
    }
    if state.log_scale() {
        parts.push("log".to_string());
    }
    if view::chart_kinds(state).len() > 1 {
        parts.push(state.chart().id().to_string());
    }
    parts.join("-")
}

/// A CSV as a spreadsheet should open it: with the UTF-8 byte order mark, without which Excel
/// reads "1997–2005" as "1997â€“2005".
pub fn with_bom(csv: String) -> String {
    format!("\u{FEFF}{csv}")
}

/// The largest side, in pixels, of a PNG the page draws: browsers allocate no larger canvas.
pub const LARGEST_PNG_SIDE: u32 = 16_384;

/// The size of a slide, in pixels: a 1080p projector or screen.
pub const SLIDE_SIZE: (u32, u32) = (1920, 1080);

/// The smallest chart, in CSS pixels each way, that a 1×, 2× or 3× picture is laid out for:
/// wide enough for a title on one or two lines and a legend beside the plot's width, and tall
/// enough that the plot keeps the larger part of the picture.
pub const SMALLEST_PICTURE: (f64, f64) = (640.0, 360.0);

/// The sizes a chart downloads at as a PNG.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PngSize {
    /// The chart's size on the screen, one image pixel per CSS pixel.
    Screen,
    /// Twice the screen size, text and lines too: sharp on high-density screens and in print.
    Double,
    /// Three times the screen size, for large prints.
    Triple,
    /// A [`SLIDE_SIZE`] slide in presentation mode's large type, whatever the screen shows.
    Slide,
}

impl PngSize {
    /// Every size, in the order the page offers them.
    pub const ALL: [PngSize; 4] = [
        PngSize::Screen,
        PngSize::Double,
        PngSize::Triple,
        PngSize::Slide,
    ];

    /// The id in the download button's value (`png-<id>`) and in the file name.
    pub fn id(self) -> &'static str {
        match self {
            PngSize::Screen => "1x",
            PngSize::Double => "2x",
            PngSize::Triple => "3x",
            PngSize::Slide => "slide",
        }
    }

    /// Looks a size up by its id.
    pub fn from_id(id: &str) -> Option<PngSize> {
        PngSize::ALL.into_iter().find(|size| size.id() == id)
    }

    /// How many image pixels a CSS pixel of the chart becomes; `None` for the slide, whose
    /// size is fixed.
    pub fn factor(self) -> Option<u32> {
        match self {
            PngSize::Screen => Some(1),
            PngSize::Double => Some(2),
            PngSize::Triple => Some(3),
            PngSize::Slide => None,
        }
    }

    /// The picture's width and height in pixels for a chart of `css_width` × `css_height` CSS
    /// pixels on the screen, or a message when the chart has no size or the picture would be
    /// larger than a browser draws. A chart smaller than [`SMALLEST_PICTURE`] (on a phone, say)
    /// is first enlarged, keeping its shape, until it is that large both ways: a picture holds
    /// its title, legend and source as well as the plot, and the screen's box would leave the
    /// plot no room.
    pub fn pixels(self, css_width: f64, css_height: f64) -> Result<(u32, u32), String> {
        let Some(factor) = self.factor() else {
            return Ok(SLIDE_SIZE);
        };
        if !(css_width >= 1.0 && css_height >= 1.0) {
            return Err(format!(
                "The chart has no size on the screen just now, so there is nothing to multiply; the slide download ({} × {}) has a size of its own.",
                SLIDE_SIZE.0, SLIDE_SIZE.1
            ));
        }
        let (least_width, least_height) = SMALLEST_PICTURE;
        let enlarged = (least_width / css_width)
            .max(least_height / css_height)
            .max(1.0);
        let side = |css: f64| (css * enlarged * f64::from(factor)).round();
        let (width, height) = (side(css_width), side(css_height));
        let largest = f64::from(LARGEST_PNG_SIDE);
        if width > largest || height > largest {
            return Err(format!(
                "At {factor}× the chart would be {width} × {height} pixels, more than the {LARGEST_PNG_SIDE} a side a browser draws; choose a smaller size or the slide."
            ));
        }
        Ok((width as u32, height as u32))
    }

    /// How the picture is drawn: in the page's colours (`dark`), with the title, legend and
    /// source a picture needs on its own, and with text and lines as large, for its size, as
    /// the screen shows them (presentation mode's large type when `present`, grown with the
    /// picture's size as on a projector). The slide always has presentation mode's type, so
    /// that the back row can read it.
    pub fn style(self, dark: bool, present: bool) -> crate::chart::Style {
        use crate::chart::Style;
        let base = match (self.factor(), present) {
            (None, _) | (Some(_), true) => Style::projector(dark),
            (Some(_), false) => Style::page(dark, 1.0),
        };
        Style {
            font_scale: base.font_scale * f64::from(self.factor().unwrap_or(1)),
            with_legend: true,
            with_title: true,
            ..base
        }
    }

    /// The file name for a chart whose downloads are named `stem`, saying the size, e.g.
    /// `…-2x.png` or `…-slide-1920x1080.png`.
    pub fn file_name(self, stem: &str) -> String {
        match self.factor() {
            Some(_) => format!("{stem}-{}.png", self.id()),
            None => format!("{stem}-slide-{}x{}.png", SLIDE_SIZE.0, SLIDE_SIZE.1),
        }
    }
}
