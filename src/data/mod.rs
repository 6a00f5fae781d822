//! The paper's numbers as typed values.
//!
//! Every number the explorer can show is a [`Datum`]: one [`Cell`] (a value or none, with a
//! [`Status`] and a note) placed by dataset, series, measure and year, with a unit and the place
//! in the paper it comes from. Tables 1–5 live in [`tables`], the numbers quoted in the prose
//! (grouped by the figure or topic they belong to) in [`prose`], and the dates the paper gives
//! for events in [`facts`].
//!
//! The data is written out as Rust values rather than parsed from text at run time, so the
//! compiler checks its shape and the tests in `tests/data.rs` check its invariants.

mod cell_key;
pub mod facts;
mod prose;
mod tables;

pub use cell_key::CellKey;

use serde::Serialize;
use std::sync::OnceLock;

/// How far a printed number can be trusted.
///
/// The variants are ordered from strongest to weakest, so the weakest of several statuses is
/// their maximum: that is how derived numbers inherit the status of their inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Printed legibly in the paper and copied as printed.
    Clean,
    /// Garbled by OCR, but only one reading is possible; the note says why.
    Corrected,
    /// A reading: garbled, and the value is a best guess, or legible but placed by inference
    /// (a year or a column the OCR text lost); the note names the alternatives. Also a bound
    /// the paper implies in words but does not print, whose note says what it rests on.
    Uncertain,
    /// No value can be read or none was printed.
    Missing,
}

impl Status {
    /// All statuses, strongest first.
    pub const ALL: [Status; 4] = [
        Status::Clean,
        Status::Corrected,
        Status::Uncertain,
        Status::Missing,
    ];

    /// The lower snake case id used in exports and URLs.
    pub fn id(self) -> &'static str {
        match self {
            Status::Clean => "clean",
            Status::Corrected => "corrected",
            Status::Uncertain => "uncertain",
            Status::Missing => "missing",
        }
    }

    /// The status in words, for the table, the tooltips, the key figures and the all-data CSV.
    pub fn words(self) -> &'static str {
        match self {
            Status::Clean => "printed legibly",
            Status::Corrected => "corrected from garbled OCR text",
            Status::Uncertain => "a best guess, garbled in the OCR text or placed by inference",
            Status::Missing => "no value",
        }
    }

    /// The weaker of two statuses.
    pub fn weakest(self, other: Status) -> Status {
        self.max(other)
    }
}

/// How exactly the paper states a value: most numbers are exact, but the prose also gives
/// bounds ("more than", "less than") and approximations ("about", "nearly").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    About,
    AtLeast,
    AtMost,
}

impl Qualifier {
    /// The sign a table puts before the number ("≥ 100").
    pub fn symbol(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::About => "≈ ",
            Qualifier::AtLeast => "≥ ",
            Qualifier::AtMost => "≤ ",
        }
    }

    /// The words a summary puts before the number ("at least 100").
    pub fn words(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::About => "about ",
            Qualifier::AtLeast => "at least ",
            Qualifier::AtMost => "at most ",
        }
    }
}

/// One value as the paper gives it, with how far it can be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Cell {
    /// The value, or `None` exactly when the status is [`Status::Missing`].
    pub value: Option<f64>,
    pub status: Status,
    /// Why a value was corrected, what the alternatives to a guess are, or what is missing.
    /// Empty for most clean cells.
    pub note: &'static str,
}

impl Cell {
    /// A value printed legibly.
    pub const fn clean(value: f64) -> Cell {
        Cell {
            value: Some(value),
            status: Status::Clean,
            note: "",
        }
    }

    /// A value printed legibly, with a remark on how to read it.
    pub const fn clean_with_note(value: f64, note: &'static str) -> Cell {
        Cell {
            value: Some(value),
            status: Status::Clean,
            note,
        }
    }

    /// A value whose OCR text was garbled but can only mean one thing; `why` says how we know.
    pub const fn corrected(value: f64, why: &'static str) -> Cell {
        Cell {
            value: Some(value),
            status: Status::Corrected,
            note: why,
        }
    }

    /// A best guess for a garbled value, or a legible value whose place is inferred;
    /// `alternatives` names the other readings.
    pub const fn uncertain(value: f64, alternatives: &'static str) -> Cell {
        Cell {
            value: Some(value),
            status: Status::Uncertain,
            note: alternatives,
        }
    }

    /// No value; `why` says what was lost or never printed.
    pub const fn missing(why: &'static str) -> Cell {
        Cell {
            value: None,
            status: Status::Missing,
            note: why,
        }
    }

    /// How exactly the value is stated. The notes of the prose numbers say so by convention
    /// ("An upper bound: …", "A lower bound: …", "Given as 'about' …" or "'nearly'"), which
    /// `tests/data.rs` checks.
    pub fn qualifier(&self) -> Qualifier {
        if self.note.contains("upper bound") {
            Qualifier::AtMost
        } else if self.note.contains("lower bound") {
            Qualifier::AtLeast
        } else if self.note.contains("'about'") || self.note.contains("'nearly'") {
            Qualifier::About
        } else {
            Qualifier::Exact
        }
    }
}

/// The groups the data comes in: the paper's five tables, the prose numbers that belong to its
/// four figures (whose data is not printed), and the other prose numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Dataset {
    Table1,
    Table2,
    Table3,
    Table4,
    Table5,
    Fig1,
    Fig2,
    Fig3,
    Fig4,
    Text,
}

impl Dataset {
    /// Every dataset, in the order the paper presents them.
    pub const ALL: [Dataset; 10] = [
        Dataset::Table1,
        Dataset::Table2,
        Dataset::Table3,
        Dataset::Table4,
        Dataset::Table5,
        Dataset::Fig1,
        Dataset::Fig2,
        Dataset::Fig3,
        Dataset::Fig4,
        Dataset::Text,
    ];

    /// The lower snake case id used in exports and URLs.
    pub fn id(self) -> &'static str {
        self.info().id
    }

    /// Looks a dataset up by its id.
    pub fn from_id(id: &str) -> Option<Dataset> {
        Dataset::ALL.into_iter().find(|dataset| dataset.id() == id)
    }

    /// Where in the paper the dataset stands, and the paper's own source for it. The numbers of
    /// a figure are quoted in the text, so its source names the places that quote them, read
    /// from the numbers themselves, so that a section is named as everywhere else.
    pub fn source(self) -> String {
        let info = self.info();
        match self {
            Dataset::Fig1 | Dataset::Fig2 | Dataset::Fig3 | Dataset::Fig4 => format!(
                "Ning (2009), {}; {}",
                facts::quoted_in(of(self).map(|datum| datum.source)),
                info.source
            ),
            _ => info.source.to_string(),
        }
    }

    /// Title, source and reading notes.
    pub fn info(self) -> &'static DatasetInfo {
        let index = Dataset::ALL
            .iter()
            .position(|dataset| *dataset == self)
            .unwrap_or(0);
        &DATASET_INFO[index]
    }

    /// The decimals every value of the dataset is printed with, where the table fixes them;
    /// `None` where they vary (Table 1 prints `34` beside `15.6`) or the prose decides.
    pub fn printed_decimals(self) -> Option<u8> {
        match self {
            Dataset::Table2 => Some(0),
            Dataset::Table3 | Dataset::Table4 | Dataset::Table5 => Some(1),
            _ => None,
        }
    }

    /// True for the paper's tables, false for numbers quoted in the prose.
    pub fn is_table(self) -> bool {
        matches!(
            self,
            Dataset::Table1 | Dataset::Table2 | Dataset::Table3 | Dataset::Table4 | Dataset::Table5
        )
    }
}

/// What a dataset is and where it comes from, in our own words.
#[derive(Debug, Serialize)]
pub struct DatasetInfo {
    pub id: &'static str,
    /// A short title for headings and menus.
    pub title: &'static str,
    /// Where in the paper it is printed, and the paper's own source for it; for a figure, the
    /// figure's own source only, which [`Dataset::source`] puts after the places quoting it.
    pub source: &'static str,
    /// How the table was read from the OCR text, and what to keep in mind when using it.
    pub note: &'static str,
}

const DATASET_INFO: [DatasetInfo; 10] = [
    DatasetInfo {
        id: "table1",
        title: "Firms and assets by ownership type, 1997–2005",
        source: "Ning (2009), Table 1; the paper cites the Yearbook of China's Information Industry, editions up to 2005 (the first year is illegible in the OCR text).",
        note: tables::TABLE1_NOTE,
    },
    DatasetInfo {
        id: "table2",
        title: "Actually utilised foreign direct investment in ICT, 1995–2004",
        source: "Ning (2009), Table 2; the paper cites the Yearbook of China's Information Industry, editions up to 2006 (the first year is illegible in the OCR text).",
        note: tables::TABLE2_NOTE,
    },
    DatasetInfo {
        id: "table3",
        title: "Domestic market share, profit and value added over sales by ownership type, 2001–2004",
        source: "Ning (2009), Table 3; the paper cites the Yearbook of China's Information Industry, 1998–2005.",
        note: tables::TABLE3_NOTE,
    },
    DatasetInfo {
        id: "table4",
        title: "ICT exports by trade regime, 1998–2004",
        source: "Ning (2009), Table 4; the paper cites the Yearbook of China's Information Industry, 1999–2005.",
        note: tables::TABLE4_NOTE,
    },
    DatasetInfo {
        id: "table5",
        title: "R&D spending relative to value added in ICT manufacturing, by country",
        source: "Ning (2009), Table 5; the paper cites China's Statistics Yearbook of High-Tech Industries 2005.",
        note: tables::TABLE5_NOTE,
    },
    DatasetInfo {
        id: "fig1",
        title: "ICT imports and exports of major economies (Figure 1, numbers from the prose)",
        source: "the figure itself cites the OECD ITS database (2006).",
        note: "Figure 1 is a line chart whose data the paper does not print. These are the numbers the prose reads off it.",
    },
    DatasetInfo {
        id: "fig2",
        title: "ICT exports and imports by enterprise type (Figure 2, numbers from the prose)",
        source: "the paper cites its own compilation from the Yearbook.",
        note: "Figure 2's data is not printed; these are the shares and sums the prose quotes.",
    },
    DatasetInfo {
        id: "fig3",
        title: "Output and domestic sales shares by enterprise type (Figure 3, numbers from the prose)",
        source: "the paper cites its own compilation from the Yearbook.",
        note: "Figure 3's data is not printed; these are the shares the prose quotes.",
    },
    DatasetInfo {
        id: "fig4",
        title: "ICT R&D as a share of GDP (Figure 4, numbers from the prose)",
        source: "the figure cites OECD IT Outlook 2006 and the Yearbook 2003.",
        note: "Figure 4's bars are not printed as numbers; only China's value is quoted.",
    },
    DatasetInfo {
        id: "text",
        title: "Other numbers quoted in the prose",
        source: "Ning (2009), sections 1–4 and footnotes.",
        note: "Market size, production, R&D centres, firms and deals that the paper quotes outside its tables and figures.",
    },
];

/// The unit a value is expressed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A count of enterprises.
    Firms,
    /// A share or ratio in percent.
    Percent,
    /// A difference between two percentages.
    PercentagePoints,
    /// Billions of yuan, as Table 1 labels its total assets (see the audit on that label).
    BillionYuan,
    /// Million yuan per firm, derived from Table 1's assets as labelled.
    MillionYuanPerFirm,
    MillionUsd,
    BillionUsd,
    MillionUnits,
    /// A plain count of things other than firms (R&D centres, companies).
    Count,
    /// How many times larger one thing is than another.
    Times,
    /// A position in a ranking (1 = largest).
    Rank,
    /// An index number (base year = 100).
    Index,
}

impl Unit {
    /// The lower snake case id used in exports.
    pub fn id(self) -> &'static str {
        match self {
            Unit::Firms => "firms",
            Unit::Percent => "percent",
            Unit::PercentagePoints => "percentage_points",
            Unit::BillionYuan => "billion_yuan",
            Unit::MillionYuanPerFirm => "million_yuan_per_firm",
            Unit::MillionUsd => "million_usd",
            Unit::BillionUsd => "billion_usd",
            Unit::MillionUnits => "million_units",
            Unit::Count => "count",
            Unit::Times => "times",
            Unit::Rank => "rank",
            Unit::Index => "index",
        }
    }

    /// How the unit reads after a number, for tables and summaries.
    pub fn suffix(self) -> &'static str {
        match self {
            Unit::Firms => " firms",
            Unit::Percent => "%",
            Unit::PercentagePoints => " pp",
            Unit::BillionYuan => " bn yuan",
            Unit::MillionYuanPerFirm => " m yuan/firm",
            Unit::MillionUsd => " m US$",
            Unit::BillionUsd => " bn US$",
            Unit::MillionUnits => " m units",
            Unit::Count => "",
            Unit::Times => "×",
            Unit::Rank => "",
            Unit::Index => "",
        }
    }

    /// True for units whose values are shares of a whole, whose changes are percentage points.
    pub fn is_share(self) -> bool {
        self == Unit::Percent
    }
}

/// One number of the paper, placed and sourced.
#[derive(Clone, Debug, Serialize)]
pub struct Datum {
    pub dataset: Dataset,
    /// Who or what the number is about: an enterprise type, a country, a firm.
    pub series: &'static str,
    /// What is measured.
    pub measure: &'static str,
    /// The year the number refers to, where it refers to one year.
    pub year: Option<u16>,
    pub unit: Unit,
    pub cell: Cell,
    /// For prose numbers, a short description in our own words; empty for table cells, whose
    /// series and measure labels describe them.
    pub label: &'static str,
    /// Where in the paper the number stands.
    pub source: &'static str,
    /// The decimals the paper prints the number with, where neither its dataset nor its value
    /// shows them: the prose's "6.0 percent" is stored as 6, which alone would read as printed
    /// without decimals. `None` for every other number.
    pub decimals: Option<u8>,
}

impl Datum {
    /// The unique [`CellKey`] of its place, written out (`dataset/series/measure/year`).
    pub fn key(&self) -> String {
        Lookup::key(self.dataset, self.series, self.measure, self.year)
    }

    /// The value, if there is one.
    pub fn value(&self) -> Option<f64> {
        self.cell.value
    }

    /// The same number, printed with `decimals` decimals (see [`Datum::decimals`]).
    pub const fn printed_with(mut self, decimals: u8) -> Datum {
        self.decimals = Some(decimals);
        self
    }

    /// The decimals the paper prints the number with: as recorded, else as its table prints
    /// every value (Table 3's `20.0`), else as many as the value shows (`15.6`, `34`).
    pub fn printed_decimals(&self) -> u8 {
        self.decimals
            .or(self.dataset.printed_decimals())
            .unwrap_or_else(|| {
                let half = crate::format::half_unit(self.value().unwrap_or_default());
                (-(2.0 * half).log10()).round() as u8
            })
    }

    /// The values the printed number may stand for: every value that rounds to it at the
    /// decimals printed, so `20.0` covers 19.95 to 20.05 and `20` covers 19.5 to 20.5.
    pub fn printed_range(&self) -> Option<(f64, f64)> {
        let value = self.value()?;
        let half = 0.5 / 10f64.powi(i32::from(self.printed_decimals()));
        Some((value - half, value + half))
    }
}

/// A label for each series id used in the data.
pub fn series_label(series: &str) -> &'static str {
    SERIES_LABELS
        .iter()
        .find(|(id, _)| *id == series)
        .map(|(_, label)| *label)
        .unwrap_or("(unnamed series)")
}

/// A label for each measure id used in the tables; prose measures carry their own label.
pub fn measure_label(measure: &str) -> &'static str {
    MEASURE_LABELS
        .iter()
        .find(|(id, _)| *id == measure)
        .map(|(_, label)| *label)
        .unwrap_or("(unnamed measure)")
}

const SERIES_LABELS: &[(&str, &str)] = &[
    ("foreign_funded", "Foreign funded"),
    ("state_owned", "State owned"),
    ("collective", "Collective"),
    ("joint_stock_cooperative", "Joint-stock cooperative"),
    ("joint_stock", "Joint stock"),
    ("private", "Private"),
    ("state_controlled", "State controlled (all SCEs)"),
    ("domestic_funded", "Domestic funded"),
    ("total", "All ICT firms"),
    ("fdi", "Foreign direct investment"),
    (
        "processing_imported_materials",
        "Processing with imported materials",
    ),
    (
        "processing_customer_materials",
        "Processing with customer's materials",
    ),
    ("ordinary_trade", "Ordinary trade"),
    ("others", "Other regimes"),
    ("china", "China"),
    ("usa", "United States"),
    ("japan", "Japan"),
    ("germany", "Germany"),
    ("france", "France"),
    ("uk", "United Kingdom"),
    ("korea", "Korea"),
    ("eu15", "EU-15"),
    ("taiwan", "Taiwan"),
    ("wfoe", "Wholly foreign-owned enterprises"),
    ("lenovo", "Lenovo"),
    ("ibm", "IBM"),
    ("dell", "Dell"),
    ("hongfujin", "Hongfujin Precision (Foxconn)"),
    ("huawei", "Huawei"),
    ("china_mobile", "China Mobile"),
    ("fengda", "Fengda Shanghai Computer (Quanta)"),
    ("asustek", "ASUSTeK Computer"),
    ("motorola", "Motorola"),
    ("samsung", "Samsung"),
    ("computers", "Computers and related products"),
    ("laptops", "Laptops"),
    ("televisions", "Televisions"),
    ("mobile_phones", "Mobile phones"),
    ("components", "Components"),
    ("integrated_circuits", "Integrated circuits"),
    ("semiconductors", "Semiconductors"),
    ("foreign_rd_centres", "Foreign-funded R&D centres"),
    ("chinese_firms", "China's top 100 ICT firms"),
    ("government", "Government investment"),
    ("fortune_it_500", "Fortune's top 500 IT firms"),
    ("scientists_engineers", "Scientists and engineers"),
    (
        "jsc_llc_private",
        "Joint stock, limited liability and private firms",
    ),
];

const MEASURE_LABELS: &[(&str, &str)] = &[
    ("firms", "Number of firms"),
    ("share_total_assets", "Share of the industry's total assets"),
    (
        "share_domestic_assets",
        "Share of domestic-funded firms' assets",
    ),
    ("total_assets", "Total assets"),
    ("actual_utilized", "Actually utilised FDI"),
    ("domestic_market_share", "Share of the domestic market"),
    ("profit_to_sales", "Profit over sales"),
    ("value_added_to_sales", "Value added over sales"),
    ("share", "Share of ICT exports"),
    (
        "electronic_telecom",
        "Electronic and telecommunication equipment",
    ),
    ("computers_office", "Computers and office equipment"),
];

/// All the paper's numbers, built once.
pub fn all() -> &'static [Datum] {
    static DATA: OnceLock<Vec<Datum>> = OnceLock::new();
    DATA.get_or_init(|| {
        let mut data: Vec<Datum> = tables::ROWS
            .iter()
            .flat_map(|rows| rows.iter())
            .flat_map(tables::Row::data)
            .collect();
        data.extend_from_slice(prose::STATEMENTS);
        data
    })
}

/// The numbers of one dataset, in the order they were written down.
pub fn of(dataset: Dataset) -> impl Iterator<Item = &'static Datum> {
    all().iter().filter(move |datum| datum.dataset == dataset)
}

/// Looks one number up by its place.
pub fn find(
    dataset: Dataset,
    series: &str,
    measure: &str,
    year: Option<u16>,
) -> Option<&'static Datum> {
    Lookup::new(all()).get(dataset, series, measure, year)
}

/// Lookups by place over a set of data: the paper's, or an altered copy in tests.
#[derive(Clone, Copy)]
pub struct Lookup<'a> {
    data: &'a [Datum],
}

impl<'a> Lookup<'a> {
    pub fn new(data: &'a [Datum]) -> Lookup<'a> {
        Lookup { data }
    }

    /// The paper's data.
    pub fn paper() -> Lookup<'static> {
        Lookup::new(all())
    }

    /// The datum at a place, if the data has one there.
    pub fn get(
        &self,
        dataset: Dataset,
        series: &str,
        measure: &str,
        year: Option<u16>,
    ) -> Option<&'a Datum> {
        self.data.iter().find(|datum| {
            datum.dataset == dataset
                && datum.series == series
                && datum.measure == measure
                && datum.year == year
        })
    }

    /// The cell at a place of a table, or a missing cell when there is none.
    pub fn cell(&self, dataset: Dataset, series: &str, measure: &str, year: u16) -> Cell {
        self.get(dataset, series, measure, Some(year))
            .map(|datum| datum.cell)
            .unwrap_or(Cell::missing("Not printed for this year."))
    }

    /// The key of a place, whether or not the data holds it (for citing cells in findings).
    pub fn key(dataset: Dataset, series: &str, measure: &str, year: Option<u16>) -> String {
        CellKey {
            dataset,
            series,
            measure,
            year,
        }
        .to_string()
    }

    /// The datum a cell key names (see [`CellKey`] for its grammar), or what is wrong with the
    /// key: that it is not well formed, or that the data holds no cell there. The message does
    /// not repeat the key, which the caller quotes, cleaned.
    pub fn by_key(&self, key: &str) -> Result<&'a Datum, String> {
        let place = CellKey::parse(key)?;
        self.get(place.dataset, place.series, place.measure, place.year)
            .ok_or_else(|| "the paper has no number there".to_string())
    }

    /// All data, in order.
    pub fn data(&self) -> &'a [Datum] {
        self.data
    }
}

/// The years a table prints, in order.
pub fn years(dataset: Dataset) -> Vec<u16> {
    let mut years: Vec<u16> = of(dataset).filter_map(|datum| datum.year).collect();
    crate::sort::by(&mut years, Ord::cmp);
    years.dedup();
    years
}

/// The series of a dataset, in the order they first appear.
pub fn series(dataset: Dataset) -> Vec<&'static str> {
    let mut seen: Vec<&'static str> = Vec::new();
    for datum in of(dataset) {
        if !seen.contains(&datum.series) {
            seen.push(datum.series);
        }
    }
    seen
}

/// The measures of a dataset, in the order they first appear.
pub fn measures(dataset: Dataset) -> Vec<&'static str> {
    let mut seen: Vec<&'static str> = Vec::new();
    for datum in of(dataset) {
        if !seen.contains(&datum.measure) {
            seen.push(datum.measure);
        }
    }
    seen
}

/// The table years that Table 1's five year columns print.
pub const TABLE1_YEARS: [u16; 5] = tables::TABLE1_YEARS;
/// Table 1's five ownership types, in printed order.
pub const TABLE1_TYPES: [&str; 5] = tables::TABLE1_TYPES;
/// The years of Table 3's rows.
pub const TABLE3_YEARS: [u16; 4] = tables::TABLE3_YEARS;
/// Table 3's six ownership columns, in printed order.
pub const TABLE3_SERIES: [&str; 6] = tables::TABLE3_SERIES;
