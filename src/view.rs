//! What the reader chose, and what that choice shows.
//!
//! [`State`] holds every choice (view, measure, transform, chart kind, series, years, base and
//! comparison years, log scale, topic, whether Play is under way) and what a lecturer points
//! at (emphasised series, reference lines, shaded spans, callouts; see `annotations`). It is
//! changed only through [`State::apply`], which
//! validates each event, and it round-trips through the page URL ([`State::to_query`],
//! [`State::from_query`]) so that any view can be shared, bookmarked or embedded. From a state,
//! [`plot`] builds the [`Plot`] that the chart, the table and the summary all show.

use crate::chart;
use crate::data::{
    self, Cell, Dataset, Lookup, Qualifier, Status, Unit, TABLE1_TYPES, TABLE1_YEARS,
    TABLE3_SERIES, TABLE3_YEARS,
};
use crate::format::auto;
use crate::indicators::{self, Derived};
use crate::notice::quoted;
use crate::plot::{self, Callout, Category, ChartKind, Plot, Point, ReferenceLine, Series, Span};

mod annotations;
use annotations::{Annotation, Targets};
pub use annotations::{Band, Mark, Note, MOST_OF_A_KIND};

/// The values the page's Play speed picker sends (milliseconds per year): the page runs the
/// timer, so the core only checks them.
pub const PLAY_SPEEDS_MS: [u32; 3] = [500, 1000, 2000];
/// The speed Play starts at: one year a second.
pub const DEFAULT_PLAY_SPEED_MS: u32 = 1000;

/// The explorer's views, one per family of data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ViewId {
    Ownership,
    Fdi,
    Market,
    Exports,
    Rd,
    Highlights,
    Quality,
}

impl ViewId {
    pub const ALL: [ViewId; 7] = [
        ViewId::Ownership,
        ViewId::Fdi,
        ViewId::Market,
        ViewId::Exports,
        ViewId::Rd,
        ViewId::Highlights,
        ViewId::Quality,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ViewId::Ownership => "ownership",
            ViewId::Fdi => "fdi",
            ViewId::Market => "market",
            ViewId::Exports => "exports",
            ViewId::Rd => "rd",
            ViewId::Highlights => "highlights",
            ViewId::Quality => "quality",
        }
    }

    /// The tab label.
    pub fn label(self) -> &'static str {
        match self {
            ViewId::Ownership => "Ownership",
            ViewId::Fdi => "FDI inflow",
            ViewId::Market => "Market & profits",
            ViewId::Exports => "Export regimes",
            ViewId::Rd => "R&D intensity",
            ViewId::Highlights => "Trade & output",
            ViewId::Quality => "Data quality",
        }
    }

    pub fn from_id(id: &str) -> Option<ViewId> {
        ViewId::ALL.into_iter().find(|view| view.id() == id)
    }

    /// The dataset a view is built on (the prose views cover several).
    pub fn dataset(self) -> Option<Dataset> {
        match self {
            ViewId::Ownership => Some(Dataset::Table1),
            ViewId::Fdi => Some(Dataset::Table2),
            ViewId::Market => Some(Dataset::Table3),
            ViewId::Exports => Some(Dataset::Table4),
            ViewId::Rd => Some(Dataset::Table5),
            ViewId::Highlights | ViewId::Quality => None,
        }
    }

    /// The view that shows a dataset, for links from findings and claims.
    pub fn showing(dataset: Dataset) -> ViewId {
        match dataset {
            Dataset::Table1 => ViewId::Ownership,
            Dataset::Table2 => ViewId::Fdi,
            Dataset::Table3 => ViewId::Market,
            Dataset::Table4 => ViewId::Exports,
            Dataset::Table5 => ViewId::Rd,
            Dataset::Fig1 | Dataset::Fig2 | Dataset::Fig3 | Dataset::Fig4 | Dataset::Text => {
                ViewId::Highlights
            }
        }
    }
}

/// How values are transformed before they are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Transform {
    /// The value as printed or derived.
    Level,
    /// Each year relative to a base year (= 100).
    Index,
    /// The change between two chosen years: percentage points for shares, percent otherwise.
    Change,
    /// China's value as a percentage of each country's (R&D view only).
    RelativeToChina,
}

impl Transform {
    pub const ALL: [Transform; 4] = [
        Transform::Level,
        Transform::Index,
        Transform::Change,
        Transform::RelativeToChina,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Transform::Level => "level",
            Transform::Index => "index",
            Transform::Change => "change",
            Transform::RelativeToChina => "relative",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Transform::Level => "Values",
            Transform::Index => "Index (base year = 100)",
            Transform::Change => "Change between two years",
            Transform::RelativeToChina => "China as % of each country",
        }
    }

    pub fn from_id(id: &str) -> Option<Transform> {
        Transform::ALL
            .into_iter()
            .find(|transform| transform.id() == id)
    }
}

/// One measure a view offers in its picker.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Measure {
    pub id: &'static str,
    pub label: &'static str,
    pub unit: Unit,
    /// The series the measure exists for, in legend order.
    pub series: &'static [&'static str],
    /// Shares of one whole, which may be stacked.
    pub stackable: bool,
    /// A caveat shown with the chart whenever this measure is chosen.
    pub caveat: &'static str,
}

/// The five types, the state-controlled firms that overlap them, and the industry total.
const TABLE1_ALL: [&str; 7] = [
    "foreign_funded",
    "state_owned",
    "collective",
    "joint_stock",
    "private",
    "state_controlled",
    "total",
];
/// The five types and the state-controlled firms: the rows that have asset shares.
const TABLE1_SHARED: [&str; 6] = [
    "foreign_funded",
    "state_owned",
    "collective",
    "joint_stock",
    "private",
    "state_controlled",
];
const ASSET_CAVEAT: &str = "Derived from Table 1's total assets, which are labelled billion yuan but are most likely in units of 100 million yuan (see Data quality): compare types and years, not absolute amounts.";

const OWNERSHIP_MEASURES: [Measure; 6] = [
    Measure {
        id: "firms",
        label: "Number of firms",
        unit: Unit::Firms,
        series: &TABLE1_ALL,
        stackable: true,
        caveat: "",
    },
    Measure {
        id: "share_of_firms",
        label: "Share of firms (derived)",
        unit: Unit::Percent,
        series: &TABLE1_SHARED,
        stackable: true,
        caveat: "Each type's firms divided by the industry's total number of firms (Table 1).",
    },
    Measure {
        id: "share_total_assets",
        label: "Share of the industry's total assets",
        unit: Unit::Percent,
        series: &TABLE1_SHARED,
        stackable: true,
        caveat: "",
    },
    Measure {
        id: "share_domestic_assets",
        label: "Share of domestic-funded firms' assets",
        unit: Unit::Percent,
        series: &[
            "state_owned",
            "collective",
            "joint_stock",
            "private",
            "state_controlled",
        ],
        stackable: true,
        caveat: "",
    },
    Measure {
        id: "assets",
        label: "Assets (derived: total assets × share)",
        unit: Unit::BillionYuan,
        series: &TABLE1_ALL,
        stackable: true,
        caveat: ASSET_CAVEAT,
    },
    Measure {
        id: "assets_per_firm",
        label: "Assets per firm (derived)",
        unit: Unit::MillionYuanPerFirm,
        series: &TABLE1_ALL,
        stackable: false,
        caveat: ASSET_CAVEAT,
    },
];

const FDI_MEASURES: [Measure; 1] =
    [Measure { id: "actual_utilized", label: "Actually utilised FDI", unit: Unit::MillionUsd, series: &["fdi"], stackable: false, caveat: "2003 and 2004 are figures announced by officials; figures before 2001 may cover electronics manufacturing only." }];

/// Table 3's six types and our weighted industry average.
const MARKET_SERIES: [&str; 7] = {
    let [a, b, c, d, e, f] = TABLE3_SERIES;
    [a, b, c, d, e, f, "industry"]
};
const MARKET_MEASURES: [Measure; 3] = [
    Measure { id: "domestic_market_share", label: "Share of the domestic market", unit: Unit::Percent, series: &TABLE3_SERIES, stackable: true, caveat: "" },
    Measure { id: "profit_to_sales", label: "Profit over sales", unit: Unit::Percent, series: &MARKET_SERIES, stackable: false, caveat: "'Industry' is our market-share-weighted average of the six types; it is missing where a type's value is illegible." },
    Measure { id: "value_added_to_sales", label: "Value added over sales", unit: Unit::Percent, series: &MARKET_SERIES, stackable: false, caveat: "'Industry' is our market-share-weighted average of the six types; the 2002 row prints five values for six columns, so 2002 is uncertain throughout." },
];

const EXPORT_MEASURES: [Measure; 1] = [Measure {
    id: "share",
    label: "Share of ICT exports",
    unit: Unit::Percent,
    series: &[
        "processing_imported_materials",
        "processing_customer_materials",
        "ordinary_trade",
        "others",
    ],
    stackable: true,
    caveat: "",
}];

const RD_COUNTRIES: [&str; 7] = ["china", "usa", "japan", "germany", "france", "uk", "korea"];
const RD_MEASURES: [Measure; 1] = [Measure {
    id: "rd_to_value_added",
    label: "R&D spending over value added",
    unit: Unit::Percent,
    series: &RD_COUNTRIES,
    stackable: false,
    caveat: "Each country's ratio refers to its own reference year, shown beside its name.",
}];

/// A chart of prose numbers: which statements form it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Topic {
    pub id: &'static str,
    pub label: &'static str,
    pub unit: Unit,
    /// Where the numbers come from.
    pub source: &'static str,
    /// (series, dataset, measure) triples; the categories are the years they give.
    pub lines: &'static [(&'static str, Dataset, &'static str)],
    pub kind: ChartKind,
}

/// The topics of the trade-and-output view, each a small chart of numbers from the prose.
pub const TOPICS: [Topic; 9] = [
    Topic {
        id: "exports_2004",
        label: "ICT exports: China and the US (Figure 1)",
        unit: Unit::BillionUsd,
        source: "Numbers quoted in section 3 from Figure 1 (OECD ITS database, 2006).",
        lines: &[("china", Dataset::Fig1, "exports"), ("usa", Dataset::Fig1, "exports")],
        kind: ChartKind::Bars,
    },
    Topic {
        id: "export_shares",
        label: "Shares of exports by type of firm (Figure 2)",
        unit: Unit::Percent,
        source: "Numbers quoted in section 3 from Figure 2 (author's compilation from the Yearbook).",
        lines: &[("domestic_funded", Dataset::Fig2, "share_of_exports"), ("foreign_funded", Dataset::Fig2, "share_of_exports"), ("wfoe", Dataset::Fig2, "share_of_exports")],
        kind: ChartKind::Bars,
    },
    Topic {
        id: "foreign_domestic_sales",
        label: "Shares of domestic sales by type of firm (text by Figure 3)",
        unit: Unit::Percent,
        source: "Numbers quoted in section 3 from Figure 3; Table 3 prints 53.3% (2003) and 57.0% (2004).",
        lines: &[("foreign_funded", Dataset::Fig3, "share_of_domestic_sales"), ("jsc_llc_private", Dataset::Fig3, "share_of_domestic_sales")],
        kind: ChartKind::Line,
    },
    Topic {
        id: "world_output_share",
        label: "Shares of world ICT output: China, Japan and the US",
        unit: Unit::Percent,
        source: "Section 3. Japan's and the US's shares are derived: China's share plus the gap the paper quotes.",
        lines: &[("china", Dataset::Text, "world_output_share"), ("japan", Dataset::Text, "output_share_gap_to_china"), ("usa", Dataset::Text, "output_share_gap_to_china")],
        kind: ChartKind::Line,
    },
    Topic {
        id: "top_exporters_2005",
        label: "China's largest ICT exporters in 2005",
        unit: Unit::BillionUsd,
        source: "Section 3, firm-level data (the paper cites the Ministry of Commerce, 2006).",
        lines: &[
            ("hongfujin", Dataset::Text, "exports"),
            ("fengda", Dataset::Text, "exports"),
            ("motorola", Dataset::Text, "exports"),
            ("asustek", Dataset::Text, "exports"),
            ("samsung", Dataset::Text, "exports"),
            ("huawei", Dataset::Text, "exports"),
        ],
        kind: ChartKind::Bars,
    },
    Topic {
        id: "import_shares",
        label: "Shares of imports by type of firm (Figure 2)",
        unit: Unit::Percent,
        source: "Numbers quoted in section 3 from Figure 2 (author's compilation from the Yearbook).",
        lines: &[
            ("domestic_funded", Dataset::Fig2, "share_of_imports"),
            ("wfoe", Dataset::Fig2, "share_of_imports"),
        ],
        kind: ChartKind::Bars,
    },
    Topic {
        id: "output_shares",
        label: "Shares of ICT output by type of firm (Figure 3)",
        unit: Unit::Percent,
        source: "Numbers quoted in section 3 and footnote 20 from Figure 3 (author's compilation from the Yearbook).",
        lines: &[
            ("foreign_funded", Dataset::Fig3, "share_of_output"),
            ("private", Dataset::Fig3, "share_of_output"),
        ],
        kind: ChartKind::Bars,
    },
    Topic {
        id: "firm_revenues",
        label: "Revenues of Lenovo, IBM and Dell",
        unit: Unit::BillionUsd,
        source: "Section 3, firm-level data (the paper cites OECD IT Outlook 2006).",
        lines: &[
            ("lenovo", Dataset::Text, "revenue"),
            ("ibm", Dataset::Text, "revenue"),
            ("dell", Dataset::Text, "revenue"),
        ],
        kind: ChartKind::Bars,
    },
    Topic {
        id: "computers_exports",
        label: "Computers' share of China's ICT exports",
        unit: Unit::Percent,
        source: "Section 3 (author's compilation from the Yearbook, 2006).",
        lines: &[("computers", Dataset::Text, "share_of_ict_exports")],
        kind: ChartKind::Line,
    },
];

/// The measures a view offers.
pub fn measures(view: ViewId) -> &'static [Measure] {
    match view {
        ViewId::Ownership => &OWNERSHIP_MEASURES,
        ViewId::Fdi => &FDI_MEASURES,
        ViewId::Market => &MARKET_MEASURES,
        ViewId::Exports => &EXPORT_MEASURES,
        ViewId::Rd => &RD_MEASURES,
        ViewId::Highlights | ViewId::Quality => &[],
    }
}

/// The transforms a view offers.
pub fn transforms(view: ViewId) -> &'static [Transform] {
    match view {
        ViewId::Ownership | ViewId::Fdi => &[Transform::Level, Transform::Index, Transform::Change],
        ViewId::Market | ViewId::Exports => &[Transform::Level, Transform::Change],
        ViewId::Rd => &[Transform::Level, Transform::RelativeToChina],
        ViewId::Highlights | ViewId::Quality => &[Transform::Level],
    }
}

/// The chart kinds a state allows: stacking needs shares or counts of one whole, and no
/// transform.
pub fn chart_kinds(state: &State) -> Vec<ChartKind> {
    match state.view {
        ViewId::Fdi => vec![ChartKind::Bars, ChartKind::Line],
        ViewId::Rd => vec![ChartKind::Bars],
        ViewId::Quality => Vec::new(),
        ViewId::Highlights => vec![state.topic().kind],
        // A change has one category: bars only (a line of single dots would say nothing).
        _ if state.transform == Transform::Change => vec![ChartKind::Bars],
        _ if state.transform != Transform::Level => vec![ChartKind::Bars, ChartKind::Line],
        _ if state.measure().stackable => ChartKind::ALL.to_vec(),
        _ => vec![ChartKind::Line, ChartKind::Bars],
    }
}

/// The series that never enter a stack because they overlap the others: state-controlled
/// firms include some of every type, and the total is the whole.
const OVERLAPPING_SERIES: [&str; 3] = ["state_controlled", "total", "industry"];

/// Every choice the reader has made.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub view: ViewId,
    measure: &'static str,
    pub transform: Transform,
    pub chart: ChartKind,
    /// The chart kind the reader last picked, restored when a measure or transform allows it.
    chosen_chart: ChartKind,
    /// Series switched on, by id. Series not offered by the current measure are kept, so that
    /// switching measures back and forth keeps the reader's choice.
    pub series: Vec<String>,
    /// Categories (years, or measures in the R&D view) switched on, by id.
    pub categories: Vec<String>,
    pub base_year: u16,
    pub from_year: u16,
    pub to_year: u16,
    pub log_scale: bool,
    topic: &'static str,
    /// The emphasised series, by id, in the view's order: every other shown series is dimmed.
    pub emphasis: Vec<String>,
    /// Labelled reference lines.
    pub marks: Vec<Mark>,
    /// Labelled shaded spans.
    pub bands: Vec<Band>,
    /// Callouts on single points.
    pub notes: Vec<Note>,
    /// The reader is playing (or scrubbing) through the years: the value axis then covers
    /// every year of the view, not only those shown yet. Any other change of the years, the
    /// measure, the transform, the topic or the view ends it.
    playing: bool,
}

impl Default for State {
    fn default() -> State {
        State::for_view(ViewId::Ownership)
    }
}

impl State {
    /// The state that best shows the cells with these keys (`dataset/series/measure/year`):
    /// the view of the first table among them (or of the first key), its measure or topic,
    /// and their series switched on. Unknown keys are passed over.
    pub fn showing(keys: &[&str]) -> State {
        let places: Vec<(Dataset, &str, &str)> = keys.iter().filter_map(|key| place(key)).collect();
        // The prose's whole-industry ratios are Table 3's weighted average: show them there.
        let industry_ratio = places.iter().find_map(|(dataset, series, measure)| {
            match (*dataset, *series, *measure) {
                (Dataset::Text, "total", "profit_to_sales") => Some("profit_to_sales"),
                (Dataset::Text, "total", "value_added_to_sales_average") => {
                    Some("value_added_to_sales")
                }
                _ => None,
            }
        });
        let Some(&(dataset, _, measure)) = places
            .iter()
            .find(|(dataset, _, _)| dataset.is_table())
            .or(places.first())
        else {
            return State::default();
        };
        let (dataset, measure) = match industry_ratio {
            Some(measure) => (Dataset::Table3, measure),
            None => (dataset, measure),
        };
        let view = ViewId::showing(dataset);
        let mut state = State::for_view(view);
        if view == ViewId::Highlights {
            let topic = TOPICS.iter().find(|topic| {
                places.iter().any(|(dataset, series, measure)| {
                    topic
                        .lines
                        .iter()
                        .any(|line| line == &(*series, *dataset, *measure))
                })
            });
            if let Some(topic) = topic {
                let _ = state.apply("topic", topic.id, true);
            }
        } else {
            // Table 1's total assets are shown as the derived assets of the whole industry.
            let measure = if measure == "total_assets" {
                "assets"
            } else {
                measure
            };
            // Cells in a measure the view offers pick that measure; the rest are left as they are.
            let _ = state.apply("measure", measure, true);
        }
        for (place_dataset, series, measure) in &places {
            if *place_dataset == dataset {
                let _ = state.apply("series", series, true);
            }
            if *measure == "total_assets" || industry_ratio.is_some() {
                let _ = state.apply(
                    "series",
                    if industry_ratio.is_some() {
                        "industry"
                    } else {
                        "total"
                    },
                    true,
                );
            }
        }
        state
    }

    /// The default state of a view.
    pub fn for_view(view: ViewId) -> State {
        let measure = measures(view)
            .first()
            .map(|measure| measure.id)
            .unwrap_or("");
        let mut state = State {
            view,
            measure,
            transform: Transform::Level,
            chart: ChartKind::Line,
            chosen_chart: ChartKind::Line,
            series: Vec::new(),
            categories: Vec::new(),
            base_year: 0,
            from_year: 0,
            to_year: 0,
            log_scale: false,
            topic: TOPICS[0].id,
            emphasis: Vec::new(),
            marks: Vec::new(),
            bands: Vec::new(),
            notes: Vec::new(),
            playing: false,
        };
        state.series = state.default_series();
        state.categories = state
            .all_categories()
            .into_iter()
            .map(|category| category.id)
            .collect();
        state.chart = match view {
            ViewId::Fdi | ViewId::Rd => ChartKind::Bars,
            ViewId::Exports => ChartKind::Stacked100,
            ViewId::Highlights => state.topic().kind,
            _ => ChartKind::Line,
        };
        state.chosen_chart = state.chart;
        state.reset_years();
        state
    }

    fn default_series(&self) -> Vec<String> {
        let offered: &[&str] = match self.view {
            ViewId::Ownership => &TABLE1_TYPES,
            ViewId::Market => &TABLE3_SERIES,
            ViewId::Highlights => {
                return self
                    .topic()
                    .lines
                    .iter()
                    .map(|(series, _, _)| series.to_string())
                    .collect()
            }
            ViewId::Quality => &[],
            _ => self.measure().series,
        };
        offered.iter().map(|series| series.to_string()).collect()
    }

    /// Base, from and to years set to the first and last years of the view.
    fn reset_years(&mut self) {
        let years = self.years();
        self.base_year = years.first().copied().unwrap_or(0);
        self.from_year = self.base_year;
        self.to_year = years.last().copied().unwrap_or(0);
    }

    /// The chosen measure.
    pub fn measure(&self) -> Measure {
        measures(self.view)
            .iter()
            .copied()
            .find(|measure| measure.id == self.measure)
            .unwrap_or(FDI_MEASURES[0])
    }

    /// The chosen topic of the trade-and-output view.
    pub fn topic(&self) -> Topic {
        TOPICS
            .iter()
            .copied()
            .find(|topic| topic.id == self.topic)
            .unwrap_or(TOPICS[0])
    }

    /// The years the view's data covers, for the base/from/to pickers.
    pub fn years(&self) -> Vec<u16> {
        match self.view {
            ViewId::Ownership => TABLE1_YEARS.to_vec(),
            ViewId::Fdi => data::years(Dataset::Table2),
            ViewId::Market => TABLE3_YEARS.to_vec(),
            ViewId::Exports => data::years(Dataset::Table4),
            ViewId::Highlights => topic_years(self.topic()),
            ViewId::Rd | ViewId::Quality => Vec::new(),
        }
    }

    /// Every category the view can show, whether switched on or not.
    pub fn all_categories(&self) -> Vec<Category> {
        match self.view {
            ViewId::Rd => ["electronic_telecom", "computers_office"]
                .iter()
                .map(|measure| Category {
                    id: measure.to_string(),
                    label: data::measure_label(measure).to_string(),
                    year: None,
                })
                .collect(),
            _ => self
                .years()
                .into_iter()
                .map(|year| Category {
                    id: year.to_string(),
                    label: year.to_string(),
                    year: Some(year),
                })
                .collect(),
        }
    }

    /// The series the current measure offers, with labels, in legend order.
    pub fn offered_series(&self) -> Vec<(&'static str, String)> {
        let ids: Vec<&'static str> = match self.view {
            ViewId::Highlights => self
                .topic()
                .lines
                .iter()
                .map(|(series, _, _)| *series)
                .collect(),
            ViewId::Quality => Vec::new(),
            _ => self.measure().series.to_vec(),
        };
        ids.into_iter()
            .map(|id| (id, self.series_label(id)))
            .collect()
    }

    fn series_label(&self, id: &str) -> String {
        match (self.view, id) {
            (ViewId::Market, "industry") => "Industry (weighted average)".to_string(),
            (ViewId::Rd, country) => {
                let year = data::of(Dataset::Table5)
                    .find(|datum| datum.series == country)
                    .and_then(|datum| datum.year);
                format!(
                    "{} ({})",
                    data::series_label(country),
                    year.map(|year| year.to_string()).unwrap_or_default()
                )
            }
            _ => data::series_label(id).to_string(),
        }
    }

    /// Every series the view can show under any measure, in one fixed order: the order of the
    /// selection, so that equal choices give equal links. (A series' colour and marker are
    /// fixed by its id alone, [`plot::series_look`], the same in every view.)
    pub fn view_series(&self) -> Vec<&'static str> {
        match self.view {
            ViewId::Ownership => TABLE1_ALL.to_vec(),
            ViewId::Market => MARKET_SERIES.to_vec(),
            _ => self
                .offered_series()
                .into_iter()
                .map(|(id, _)| id)
                .collect(),
        }
    }

    /// True while the reader plays or scrubs through the years, so that the value axis stays
    /// fixed to the range over all of them.
    pub fn playing(&self) -> bool {
        self.playing
    }

    /// The position of the last year shown among the years Play goes through (0 when none is
    /// shown), for the timeline slider.
    pub fn play_position(&self) -> usize {
        self.all_categories()
            .iter()
            .rposition(|category| self.shows_category(&category.id))
            .unwrap_or(0)
    }

    /// What annotations in this view may point at: its categories and every series it has.
    fn with_targets<T>(&self, read: impl FnOnce(&Targets) -> T) -> T {
        let categories: Vec<String> = self
            .all_categories()
            .into_iter()
            .map(|category| category.id)
            .collect();
        let series = self.view_series();
        read(&Targets {
            categories: &categories,
            series: &series,
        })
    }

    /// Replaces the annotations of one kind (`mark`, `band` or `note`) with those `text`
    /// lists. Strictly (for an event), any item the view cannot place refuses the whole
    /// change; otherwise (for a link) such items are left out and named in the message.
    fn replace_annotations(&mut self, name: &str, text: &str, strict: bool) -> Result<(), String> {
        fn take<T: Annotation>(
            read: annotations::Read<T>,
            strict: bool,
            list: &mut Vec<T>,
        ) -> Result<(), String> {
            match read.problem {
                Some(problem) if strict => Err(problem),
                problem => {
                    *list = read.items;
                    problem.map_or(Ok(()), Err)
                }
            }
        }
        match name {
            Mark::NAME => take(
                self.with_targets(|targets| annotations::read(text, targets)),
                strict,
                &mut self.marks,
            ),
            Band::NAME => take(
                self.with_targets(|targets| annotations::read(text, targets)),
                strict,
                &mut self.bands,
            ),
            _ => take(
                self.with_targets(|targets| annotations::read(text, targets)),
                strict,
                &mut self.notes,
            ),
        }
    }

    /// Replaces the emphasised series with a comma-separated list from a link; series the
    /// view does not have are left out and named in the message.
    fn replace_emphasis(&mut self, list: &str) -> Result<(), String> {
        let wanted: Vec<&str> = list.split(',').filter(|id| !id.is_empty()).collect();
        let known = self.view_series();
        self.emphasis = known
            .iter()
            .filter(|id| wanted.contains(id))
            .map(|id| id.to_string())
            .collect();
        let unknown: Vec<&str> = wanted
            .into_iter()
            .filter(|id| !known.contains(id))
            .collect();
        if unknown.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "no series {} to emphasise",
                quoted(&unknown.join(", "))
            ))
        }
    }

    /// Drops every annotation and the emphasis.
    fn clear_annotations(&mut self) {
        self.emphasis.clear();
        self.marks.clear();
        self.bands.clear();
        self.notes.clear();
    }

    /// True when the series is switched on.
    pub fn shows_series(&self, id: &str) -> bool {
        self.series.iter().any(|series| series == id)
    }

    /// True when the category is switched on.
    pub fn shows_category(&self, id: &str) -> bool {
        self.categories.iter().any(|category| category == id)
    }

    /// Applies one event from the page: a control's `name`, its `value`, and whether it is
    /// checked (for checkboxes). Returns a message the reader can act on when the event makes
    /// no sense; the state is then unchanged.
    pub fn apply(&mut self, name: &str, value: &str, checked: bool) -> Result<(), String> {
        match name {
            "view" => {
                let view = ViewId::from_id(value)
                    .ok_or_else(|| format!("There is no view called '{}'.", quoted(value)))?;
                if view != self.view {
                    *self = State::for_view(view);
                }
            }
            "measure" => {
                let measure = measures(self.view)
                    .iter()
                    .find(|measure| measure.id == value)
                    .ok_or_else(|| {
                        format!("This view has no measure called '{}'.", quoted(value))
                    })?;
                // A callout's words speak of the values it points at, which another measure
                // or transform changes; lines and spans mark years, which stay.
                if measure.id != self.measure {
                    self.notes.clear();
                }
                self.measure = measure.id;
                self.playing = false;
                self.fit_chart_kind();
            }
            "transform" => {
                let transform = Transform::from_id(value)
                    .filter(|transform| transforms(self.view).contains(transform))
                    .ok_or_else(|| format!("This view cannot show '{}'.", quoted(value)))?;
                if transform != self.transform {
                    self.notes.clear();
                }
                self.transform = transform;
                // The logarithmic scale applies to values only; it must not linger unseen.
                if transform != Transform::Level {
                    self.log_scale = false;
                }
                self.playing = false;
                self.fit_chart_kind();
            }
            "chart" => {
                let kind = ChartKind::from_id(value)
                    .filter(|kind| chart_kinds(self).contains(kind))
                    .ok_or_else(|| {
                        format!(
                            "A '{}' chart is not available for this choice.",
                            quoted(value)
                        )
                    })?;
                self.chart = kind;
                self.chosen_chart = kind;
            }
            "series" => {
                if !self.offered_series().iter().any(|(id, _)| *id == value) {
                    return Err(format!(
                        "This view has no series called '{}'.",
                        quoted(value)
                    ));
                }
                set_member(&mut self.series, value, checked);
            }
            "legend" => {
                let on = self.shows_series(value);
                return self.apply("series", value, !on);
            }
            "category" => {
                if !self
                    .all_categories()
                    .iter()
                    .any(|category| category.id == value)
                {
                    return Err(format!(
                        "This view has no year or category called '{}'.",
                        quoted(value)
                    ));
                }
                set_member(&mut self.categories, value, checked);
                self.playing = false;
            }
            "series-all" => {
                for (id, _) in self.offered_series() {
                    set_member(&mut self.series, id, true);
                }
            }
            "series-none" => {
                for (id, _) in self.offered_series() {
                    set_member(&mut self.series, id, false);
                }
            }
            "goto" => {
                let keys: Vec<&str> = value.split_whitespace().collect();
                if keys.is_empty() {
                    return Err("The link to a finding names no cells.".to_string());
                }
                // A link that names nothing the paper holds must not silently reset the view.
                if !keys.iter().any(|key| place(key).is_some()) {
                    return Err(format!(
                        "The link to a finding names no cell of the paper: '{}'.",
                        quoted(value)
                    ));
                }
                *self = State::showing(&keys);
            }
            "play" | "step" | "play-at" if self.transform == Transform::Change => {
                return Err("Stepping through the years works with values and indexes; a change compares the two chosen years.".to_string());
            }
            "play" | "play-at" if self.all_categories().is_empty() => {
                return Err("This view has no years to play through.".to_string());
            }
            "play" => {
                // Playing starts from the first year alone; "step" then reveals one year at a time.
                self.categories = self
                    .all_categories()
                    .into_iter()
                    .take(1)
                    .map(|category| category.id)
                    .collect();
                self.playing = true;
            }
            "play-at" => {
                // The timeline slider shows the years up to the one it points at, like Play.
                let ordered: Vec<String> = self
                    .all_categories()
                    .into_iter()
                    .map(|category| category.id)
                    .collect();
                let index = value
                    .parse::<usize>()
                    .ok()
                    .filter(|index| *index < ordered.len())
                    .ok_or_else(|| {
                        format!(
                            "The timeline has positions 0 to {}, not '{}'.",
                            ordered.len() - 1,
                            quoted(value)
                        )
                    })?;
                self.categories = ordered[..=index].to_vec();
                self.playing = true;
            }
            "play-speed" => {
                // The page runs Play's timer and reads the speed itself; the core only checks it.
                if !PLAY_SPEEDS_MS
                    .iter()
                    .any(|speed| speed.to_string() == value)
                {
                    return Err(format!(
                        "Play runs at 0.5, 1 or 2 seconds per year (500, 1000 or 2000 ms), not '{}'.",
                        quoted(value)
                    ));
                }
            }
            "step" => {
                let ordered: Vec<String> = self
                    .all_categories()
                    .into_iter()
                    .map(|category| category.id)
                    .collect();
                match value {
                    "next" => {
                        if let Some(next) = ordered.iter().find(|id| !self.shows_category(id)) {
                            self.categories.push(next.clone());
                        }
                    }
                    "prev" => {
                        let shown: Vec<&String> = ordered
                            .iter()
                            .filter(|id| self.shows_category(id))
                            .collect();
                        if let [_, .., last] = shown.as_slice() {
                            let last = (*last).clone();
                            set_member(&mut self.categories, &last, false);
                        }
                    }
                    _ => {
                        return Err(format!(
                            "Cannot step '{}': use next or prev.",
                            quoted(value)
                        ))
                    }
                }
            }
            "category-all" => {
                self.categories = self
                    .all_categories()
                    .into_iter()
                    .map(|category| category.id)
                    .collect();
                self.playing = false;
            }
            "category-none" => {
                self.categories.clear();
                self.playing = false;
            }
            "base" | "from" | "to" => {
                let year: u16 = value
                    .parse()
                    .ok()
                    .filter(|year| self.years().contains(year))
                    .ok_or_else(|| {
                        format!("'{}' is not one of this view's years.", quoted(value))
                    })?;
                match name {
                    "base" => self.base_year = year,
                    "from" => self.from_year = year,
                    _ => self.to_year = year,
                }
            }
            "log" => {
                if self.view != ViewId::Fdi && checked {
                    return Err("A logarithmic scale is offered for FDI only.".to_string());
                }
                // An index or a change is never drawn on a log scale: a scale switched on there
                // would linger unseen and surprise the reader on the way back to values.
                if self.transform != Transform::Level && checked {
                    return Err(
                        "A logarithmic scale applies to values only: choose Values first."
                            .to_string(),
                    );
                }
                self.log_scale = checked;
            }
            "topic" if self.view != ViewId::Highlights => {
                return Err(format!(
                    "Only the {} view has topics.",
                    ViewId::Highlights.label()
                ));
            }
            "topic" => {
                let topic = TOPICS
                    .iter()
                    .find(|topic| topic.id == value)
                    .ok_or_else(|| format!("There is no topic called '{}'.", quoted(value)))?;
                self.topic = topic.id;
                self.series = self.default_series();
                self.categories = self
                    .all_categories()
                    .into_iter()
                    .map(|category| category.id)
                    .collect();
                self.chart = topic.kind;
                self.chosen_chart = topic.kind;
                self.reset_years();
                // A topic is a chart of its own: what pointed into the last one goes.
                self.clear_annotations();
                self.playing = false;
            }
            "emph" => {
                if !self.view_series().contains(&value) {
                    return Err(format!(
                        "This view has no series called '{}' to emphasise.",
                        quoted(value)
                    ));
                }
                set_member(&mut self.emphasis, value, checked);
            }
            Mark::NAME | Band::NAME | Note::NAME => {
                self.replace_annotations(name, value, true)?;
            }
            "annotations-clear" => self.clear_annotations(),
            _ => {
                return Err(format!(
                    "The page sent an unknown control '{}'.",
                    quoted(name)
                ))
            }
        }
        self.normalize();
        Ok(())
    }

    /// Keeps the selected series and categories in their display order, so that equal choices
    /// always give equal states and equal links.
    fn normalize(&mut self) {
        let series_order = self.view_series();
        let series_position = |id: &String| {
            series_order
                .iter()
                .position(|known| known == id)
                .unwrap_or(usize::MAX)
        };
        self.series.sort_by_key(series_position);
        self.emphasis.sort_by_key(series_position);
        let category_order: Vec<String> = self
            .all_categories()
            .into_iter()
            .map(|category| category.id)
            .collect();
        self.categories.sort_by_key(|id| {
            category_order
                .iter()
                .position(|known| known == id)
                .unwrap_or(usize::MAX)
        });
    }

    /// Keeps the chart kind among those allowed after a measure or transform change: the
    /// reader's own choice whenever it is allowed, otherwise bars (stacks taken apart, or a
    /// change's single category). The kind then follows from the state alone, not from the
    /// order of earlier changes, so a link brings back exactly the chart the reader saw.
    fn fit_chart_kind(&mut self) {
        let allowed = chart_kinds(self);
        self.chart = [self.chosen_chart, ChartKind::Bars]
            .into_iter()
            .find(|kind| allowed.contains(kind))
            .or(allowed.first().copied())
            .unwrap_or(ChartKind::Line);
    }

    /// The state as a URL query (without `?`), listing only what differs from the view's
    /// defaults, so that shared links stay short.
    pub fn to_query(&self) -> String {
        let defaults = State::for_view(self.view);
        let mut query = form_urlencoded::Serializer::new(String::new());
        query.append_pair("view", self.view.id());
        if self.measure != defaults.measure {
            query.append_pair("measure", self.measure);
        }
        if self.topic != defaults.topic {
            query.append_pair("topic", self.topic);
        }
        if self.transform != defaults.transform {
            query.append_pair("transform", self.transform.id());
        }
        let defaults_for_topic = if self.view == ViewId::Highlights {
            let mut fresh = defaults.clone();
            let _ = fresh.apply("topic", self.topic, true);
            fresh
        } else {
            defaults
        };
        // The reader's chosen kind is what a link keeps; the kind in use follows from it and
        // from the measure and transform.
        if self.chosen_chart != defaults_for_topic.chosen_chart {
            query.append_pair("chart", self.chosen_chart.id());
        }
        if self.series != defaults_for_topic.series {
            query.append_pair("series", &self.series.join(","));
        }
        if self.categories != defaults_for_topic.categories {
            query.append_pair(
                if self.view == ViewId::Rd {
                    "measures"
                } else {
                    "years"
                },
                &self.categories.join(","),
            );
        }
        // The chosen years are kept whatever the transform (switching back to an index shows
        // the reader's base year again), so the link keeps them too.
        if self.base_year != defaults_for_topic.base_year {
            query.append_pair("base", &self.base_year.to_string());
        }
        if self.from_year != defaults_for_topic.from_year {
            query.append_pair("from", &self.from_year.to_string());
        }
        if self.to_year != defaults_for_topic.to_year {
            query.append_pair("to", &self.to_year.to_string());
        }
        if self.log_scale {
            query.append_pair("log", "1");
        }
        if self.playing {
            query.append_pair("play", "1");
        }
        if !self.emphasis.is_empty() {
            query.append_pair("emph", &self.emphasis.join(","));
        }
        for (name, text) in [
            (Mark::NAME, annotations::write(&self.marks)),
            (Band::NAME, annotations::write(&self.bands)),
            (Note::NAME, annotations::write(&self.notes)),
        ] {
            if !text.is_empty() {
                query.append_pair(name, &text);
            }
        }
        query.finish()
    }

    /// Reads a state from a URL query (with or without `?`). Parts that make no sense are
    /// skipped with a message each, so a mistyped link still opens the nearest valid view.
    pub fn from_query(query: &str) -> (State, Vec<String>) {
        let pairs: Vec<(String, String)> =
            form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
                .into_owned()
                .collect();
        let mut problems = Vec::new();
        let view = pairs
            .iter()
            .find(|(name, _)| name == "view")
            .map(|(_, value)| value.as_str());
        let mut state = match view.map(|id| (id, ViewId::from_id(id))) {
            Some((_, Some(view))) => State::for_view(view),
            Some((id, None)) => {
                problems.push(format!(
                    "The link asks for a view '{}', which does not exist; showing {} instead.",
                    quoted(id),
                    ViewId::Ownership.label()
                ));
                State::default()
            }
            None => State::default(),
        };
        // Order matters: the topic decides the series, and the chart kind is chosen before the
        // measure and transform narrow the kinds on offer; Play resumes over the years chosen.
        for name in [
            "topic",
            "chart",
            "measure",
            "transform",
            "series",
            "years",
            "measures",
            "base",
            "from",
            "to",
            "log",
            "play",
            "emph",
            Mark::NAME,
            Band::NAME,
            Note::NAME,
        ] {
            let Some((_, value)) = pairs.iter().find(|(pair_name, _)| pair_name == name) else {
                continue;
            };
            let result = match name {
                "series" => state.replace_list(true, value),
                "years" | "measures" => state.replace_list(false, value),
                "log" => state.apply("log", "", value == "1"),
                "play" => state.resume_play(value),
                "emph" => state.replace_emphasis(value),
                Mark::NAME | Band::NAME | Note::NAME => {
                    state.replace_annotations(name, value, false)
                }
                _ => state.apply(name, value, true),
            };
            if let Err(problem) = result {
                problems.push(format!("Part of the link was ignored: {problem}"));
            }
        }
        (state, problems)
    }

    /// Resumes Play from a link (`play=1`) over the years the link shows, where Play is possible.
    fn resume_play(&mut self, value: &str) -> Result<(), String> {
        match value {
            "0" => Ok(()),
            "1" if self.transform == Transform::Change => {
                Err("there is no Play in a change between two years".to_string())
            }
            "1" if self.all_categories().is_empty() => {
                Err("this view has no years to play through".to_string())
            }
            "1" => {
                self.playing = true;
                Ok(())
            }
            other => Err(format!("play is 1 or 0, not '{}'", quoted(other))),
        }
    }

    /// Replaces the selected series (or categories) with a comma-separated list from a link.
    /// Series of the view that the current measure does not offer are kept, as they are when
    /// the reader switches measures.
    fn replace_list(&mut self, series: bool, list: &str) -> Result<(), String> {
        let wanted: Vec<&str> = list.split(',').filter(|id| !id.is_empty()).collect();
        let known: Vec<String> = if series {
            self.view_series()
                .into_iter()
                .map(|id| id.to_string())
                .collect()
        } else {
            self.all_categories()
                .into_iter()
                .map(|category| category.id)
                .collect()
        };
        let unknown: Vec<&str> = wanted
            .iter()
            .copied()
            .filter(|id| !known.iter().any(|known| known == id))
            .collect();
        let chosen: Vec<String> = known
            .into_iter()
            .filter(|id| wanted.contains(&id.as_str()))
            .collect();
        if series {
            self.series = chosen;
        } else {
            self.categories = chosen;
        }
        if unknown.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "unknown {} {}",
                if series { "series" } else { "years" },
                quoted(&unknown.join(", "))
            ))
        }
    }
}

/// The dataset, series and measure of a cell key (`dataset/series/measure/year`), when the
/// paper has numbers there.
fn place(key: &str) -> Option<(Dataset, &str, &str)> {
    let mut parts = key.split('/');
    let dataset = Dataset::from_id(parts.next()?)?;
    let (series, measure) = (parts.next()?, parts.next()?);
    data::of(dataset)
        .any(|datum| datum.series == series && datum.measure == measure)
        .then_some((dataset, series, measure))
}

fn set_member(list: &mut Vec<String>, id: &str, present: bool) {
    let position = list.iter().position(|member| member == id);
    match (position, present) {
        (None, true) => list.push(id.to_string()),
        (Some(index), false) => {
            list.remove(index);
        }
        _ => {}
    }
}

fn topic_years(topic: Topic) -> Vec<u16> {
    let mut years: Vec<u16> = topic
        .lines
        .iter()
        .flat_map(|(series, dataset, measure)| {
            data::of(*dataset)
                .filter(move |datum| datum.series == *series && datum.measure == *measure)
                .filter_map(|datum| datum.year)
        })
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// A derived number as a plotted point, with the notes of its inputs.
/// `decimals` is the precision the source prints a single cell with (see
/// [`Dataset::printed_decimals`]); computed values show as many as they need.
fn point(derived: Derived, inputs: &[&Cell], computed: bool, decimals: Option<u8>) -> Point {
    // Clean cells can carry notes too (Table 2's official figures), so every note is kept.
    let mut notes: Vec<&str> = Vec::new();
    for cell in inputs {
        if !cell.note.is_empty() && !notes.contains(&cell.note) {
            notes.push(cell.note);
        }
    }
    let qualifier = match (computed, inputs) {
        (false, [cell]) => cell.qualifier(),
        _ => Qualifier::Exact,
    };
    Point {
        value: derived.value,
        status: derived.status,
        note: notes.join(" "),
        derived: computed,
        qualifier,
        decimals: if computed { None } else { decimals },
    }
}

/// The value of one series in one year of a view's measure, before any transform.
fn level(view: ViewId, measure: &str, series: &str, year: u16) -> (Derived, Vec<Cell>) {
    let data = Lookup::paper();
    match view {
        ViewId::Ownership => {
            let t1 =
                |series: &str, measure: &str| data.cell(Dataset::Table1, series, measure, year);
            let total_assets = t1("total", "total_assets");
            match (measure, series) {
                ("share_of_firms", _) => {
                    let inputs = vec![t1(series, "firms"), t1("total", "firms")];
                    (indicators::share_of_firms(&inputs[0], &inputs[1]), inputs)
                }
                ("assets", "total") => (
                    indicators::as_printed(&total_assets, Unit::BillionYuan),
                    vec![total_assets],
                ),
                ("assets", _) => {
                    let inputs = vec![total_assets, t1(series, "share_total_assets")];
                    (indicators::assets(&inputs[0], &inputs[1]), inputs)
                }
                ("assets_per_firm", "total") => {
                    let inputs = vec![total_assets, Cell::clean(100.0), t1("total", "firms")];
                    (
                        indicators::assets_per_firm(&inputs[0], &inputs[1], &inputs[2]),
                        inputs,
                    )
                }
                ("assets_per_firm", _) => {
                    let inputs = vec![
                        total_assets,
                        t1(series, "share_total_assets"),
                        t1(series, "firms"),
                    ];
                    (
                        indicators::assets_per_firm(&inputs[0], &inputs[1], &inputs[2]),
                        inputs,
                    )
                }
                (measure, series) => {
                    let cell = t1(series, measure);
                    let unit = OWNERSHIP_MEASURES
                        .iter()
                        .find(|m| m.id == measure)
                        .map(|m| m.unit)
                        .unwrap_or(Unit::Percent);
                    (indicators::as_printed(&cell, unit), vec![cell])
                }
            }
        }
        ViewId::Market if series == "industry" => {
            indicators::market_weighted_average(data, &TABLE3_SERIES, measure, year)
        }
        _ => {
            let dataset = view.dataset().unwrap_or(Dataset::Table1);
            let cell = data.cell(dataset, series, measure, year);
            let unit = measures(view)
                .iter()
                .find(|m| m.id == measure)
                .map(|m| m.unit)
                .unwrap_or(Unit::Percent);
            (indicators::as_printed(&cell, unit), vec![cell])
        }
    }
}

/// Builds the plot a state shows, with its emphasis and annotations. The quality view has
/// none. While the reader plays through the years, the value axis is fixed to the range the
/// chart would need for all of them.
pub fn plot(state: &State) -> Option<Plot> {
    let mut plot = data_plot(state)?;
    annotate(&mut plot, state);
    if state.playing {
        let mut every_year = state.clone();
        every_year.categories = state
            .all_categories()
            .into_iter()
            .map(|category| category.id)
            .collect();
        every_year.playing = false;
        plot.value_domain = data_plot(&every_year).and_then(|whole| chart::value_domain(&whole));
    }
    Some(plot)
}

/// The plot of the state's data alone.
fn data_plot(state: &State) -> Option<Plot> {
    match state.view {
        ViewId::Quality => None,
        ViewId::Highlights => Some(topic_plot(state)),
        ViewId::Rd => Some(rd_plot(state)),
        _ => Some(table_plot(state)),
    }
}

/// Resolves the state's emphasis and annotations against what the plot shows: those at a
/// series or year that is switched off (or not in a change's single category) are not drawn.
fn annotate(plot: &mut Plot, state: &State) {
    let category_at = |id: &str| {
        plot.categories
            .iter()
            .position(|category| category.id == id)
    };
    plot.emphasis = state
        .emphasis
        .iter()
        .filter(|id| plot.series.iter().any(|series| series.id == **id))
        .cloned()
        .collect();
    plot.marks = state
        .marks
        .iter()
        .filter_map(|mark| {
            Some(ReferenceLine {
                category: category_at(&mark.category)?,
                label: mark.label.clone(),
            })
        })
        .collect();
    // A span covers the shown categories between its ends, so that it keeps its place when
    // a year inside it, or one of its ends, is switched off.
    let order: Vec<String> = state
        .all_categories()
        .into_iter()
        .map(|category| category.id)
        .collect();
    let rank = |id: &str| order.iter().position(|known| known == id);
    plot.bands = state
        .bands
        .iter()
        .filter_map(|band| {
            let (from, to) = (rank(&band.from)?, rank(&band.to)?);
            let inside: Vec<usize> = plot
                .categories
                .iter()
                .enumerate()
                .filter(|(_, category)| {
                    rank(&category.id).is_some_and(|at| (from..=to).contains(&at))
                })
                .map(|(index, _)| index)
                .collect();
            Some(Span {
                first: *inside.first()?,
                last: *inside.last()?,
                label: band.label.clone(),
            })
        })
        .collect();
    plot.notes = state
        .notes
        .iter()
        .filter_map(|note| {
            Some(Callout {
                series: plot
                    .series
                    .iter()
                    .position(|series| series.id == note.series)?,
                category: category_at(&note.category)?,
                label: note.label.clone(),
            })
        })
        .collect();
}

/// A series of the plot, in the colour and marker shape its id has in every view.
fn series_of(id: &str, label: String, highlight: bool, sparse: bool, points: Vec<Point>) -> Series {
    let (color, shape) = plot::series_look(id);
    Series {
        id: id.to_string(),
        label,
        color,
        shape,
        highlight,
        sparse,
        points,
    }
}

fn shown_series(state: &State) -> Vec<(&'static str, String)> {
    let stacking = matches!(state.chart, ChartKind::Stacked | ChartKind::Stacked100);
    state
        .offered_series()
        .into_iter()
        .filter(|(id, _)| state.shows_series(id))
        .filter(|(id, _)| !(stacking && OVERLAPPING_SERIES.contains(id)))
        .collect()
}

fn table_plot(state: &State) -> Plot {
    let measure = state.measure();
    let dataset = state.view.dataset().unwrap_or(Dataset::Table1);
    let info = dataset.info();
    let series_list = shown_series(state);
    let (categories, unit, y_label): (Vec<Category>, Unit, String) = match state.transform {
        Transform::Change => {
            let unit = if measure.unit.is_share() {
                Unit::PercentagePoints
            } else {
                Unit::Percent
            };
            let label = format!("{}→{}", state.from_year, state.to_year);
            let axis = format!(
                "{}: change ({})",
                measure.label,
                if unit == Unit::PercentagePoints {
                    "percentage points"
                } else {
                    "%"
                }
            );
            (
                vec![Category {
                    id: label.clone(),
                    label,
                    year: None,
                }],
                unit,
                axis,
            )
        }
        Transform::Index => (
            state
                .all_categories()
                .into_iter()
                .filter(|category| state.shows_category(&category.id))
                .collect(),
            Unit::Index,
            format!("{} (index, {} = 100)", measure.label, state.base_year),
        ),
        _ => (
            state
                .all_categories()
                .into_iter()
                .filter(|category| state.shows_category(&category.id))
                .collect(),
            measure.unit,
            match measure.unit {
                Unit::Firms => measure.label.to_string(),
                unit => format!("{} ({})", measure.label, unit_name(unit)),
            },
        ),
    };
    let series = series_list
        .into_iter()
        .map(|(id, label)| {
            let points = categories
                .iter()
                .map(|category| match state.transform {
                    Transform::Change => {
                        let (from, mut from_inputs) =
                            level(state.view, measure.id, id, state.from_year);
                        let (to, to_inputs) = level(state.view, measure.id, id, state.to_year);
                        from_inputs.extend(to_inputs);
                        point(
                            indicators::change(&Cell::from(from), &Cell::from(to), measure.unit),
                            &from_inputs.iter().collect::<Vec<_>>(),
                            true,
                            None,
                        )
                    }
                    Transform::Index => {
                        let (value, mut inputs) =
                            level(state.view, measure.id, id, category.year.unwrap_or(0));
                        let (base, base_inputs) =
                            level(state.view, measure.id, id, state.base_year);
                        inputs.extend(base_inputs);
                        point(
                            indicators::index(&Cell::from(value), &Cell::from(base)),
                            &inputs.iter().collect::<Vec<_>>(),
                            true,
                            None,
                        )
                    }
                    _ => {
                        let (value, inputs) =
                            level(state.view, measure.id, id, category.year.unwrap_or(0));
                        // A level is computed when it combines several cells (a share of
                        // firms, assets, an average); a single cell is shown as printed.
                        point(
                            value,
                            &inputs.iter().collect::<Vec<_>>(),
                            inputs.len() > 1,
                            dataset.printed_decimals(),
                        )
                    }
                })
                .collect();
            series_of(id, label, false, false, points)
        })
        .collect();
    let kind = if chart_kinds(state).contains(&state.chart) {
        state.chart
    } else {
        chart_kinds(state)
            .first()
            .copied()
            .unwrap_or(ChartKind::Line)
    };
    Plot {
        title: match state.transform {
            Transform::Change if state.from_year == state.to_year => format!(
                "{}: change {}–{} (choose two different years)",
                measure.label, state.from_year, state.to_year
            ),
            Transform::Change => format!(
                "{}: change {}–{}",
                measure.label, state.from_year, state.to_year
            ),
            Transform::Index => format!("{}: index, {} = 100", measure.label, state.base_year),
            _ => format!("{}, {}", measure.label, year_span(&categories)),
        },
        y_label,
        x_label: if state.transform == Transform::Change {
            String::new()
        } else {
            "Year".to_string()
        },
        unit,
        kind,
        log_scale: state.log_scale
            && state.view == ViewId::Fdi
            && state.transform == Transform::Level,
        categories,
        series,
        source: info.source.to_string(),
        // Filled in by `annotate` and, during Play, by `plot`.
        emphasis: Vec::new(),
        marks: Vec::new(),
        bands: Vec::new(),
        notes: Vec::new(),
        value_domain: None,
    }
}

/// A Table 5 cell, found by country and measure whatever its reference year.
fn table5_cell(country: &str, measure: &str) -> Cell {
    data::of(Dataset::Table5)
        .find(|datum| datum.series == country && datum.measure == measure)
        .map(|datum| datum.cell)
        .unwrap_or(Cell::missing("Not printed."))
}

fn rd_plot(state: &State) -> Plot {
    let categories: Vec<Category> = state
        .all_categories()
        .into_iter()
        .filter(|category| state.shows_category(&category.id))
        .collect();
    let relative = state.transform == Transform::RelativeToChina;
    let series = shown_series(state)
        .into_iter()
        .map(|(country, label)| {
            let points = categories
                .iter()
                .map(|category| {
                    let cell = table5_cell(country, &category.id);
                    if relative {
                        let china = table5_cell("china", &category.id);
                        point(
                            indicators::relative_intensity(&china, &cell),
                            &[&china, &cell],
                            true,
                            None,
                        )
                    } else {
                        point(
                            indicators::as_printed(&cell, Unit::Percent),
                            &[&cell],
                            false,
                            Dataset::Table5.printed_decimals(),
                        )
                    }
                })
                .collect();
            series_of(country, label, country == "china", false, points)
        })
        .collect();
    Plot {
        title: if relative {
            "China's R&D intensity as a percentage of each country's".to_string()
        } else {
            "R&D spending over value added in ICT manufacturing, by country".to_string()
        },
        y_label: if relative {
            "China's ratio as % of the country's".to_string()
        } else {
            "R&D over value added (%)".to_string()
        },
        x_label: String::new(),
        unit: Unit::Percent,
        kind: ChartKind::Bars,
        log_scale: false,
        categories,
        series,
        source: Dataset::Table5.info().source.to_string(),
        // Filled in by `annotate` and, during Play, by `plot`.
        emphasis: Vec::new(),
        marks: Vec::new(),
        bands: Vec::new(),
        notes: Vec::new(),
        value_domain: None,
    }
}

fn topic_plot(state: &State) -> Plot {
    let topic = state.topic();
    let data = Lookup::paper();
    let categories: Vec<Category> = state
        .all_categories()
        .into_iter()
        .filter(|category| state.shows_category(&category.id))
        .collect();
    let series = topic
        .lines
        .iter()
        .filter(|(series, _, _)| state.shows_series(series))
        .map(|(series, dataset, measure)| {
            let points = categories
                .iter()
                .map(|category| {
                    let cell = data
                        .get(*dataset, series, measure, category.year)
                        .map(|datum| datum.cell)
                        .unwrap_or(Cell::missing("The paper quotes no number for this year."));
                    // The paper gives Japan's and the US's output shares as gaps to China's.
                    if *measure == "output_share_gap_to_china" {
                        let china = data
                            .get(Dataset::Text, "china", "world_output_share", category.year)
                            .map(|datum| datum.cell)
                            .unwrap_or(Cell::missing("Not quoted."));
                        let share = indicators::sum(&[&china, &cell], Unit::Percent);
                        point(share, &[&china, &cell], true, None)
                    } else {
                        point(
                            indicators::as_printed(&cell, topic.unit),
                            &[&cell],
                            false,
                            None,
                        )
                    }
                })
                .collect();
            // The prose quotes numbers here and there, never a yearly series: two years apart
            // are joined by dots.
            series_of(
                series,
                data::series_label(series).to_string(),
                *series == "china",
                true,
                points,
            )
        })
        .collect();
    Plot {
        title: topic.label.to_string(),
        y_label: unit_name(topic.unit).to_string(),
        x_label: "Year".to_string(),
        unit: topic.unit,
        kind: state.chart,
        log_scale: false,
        categories,
        series,
        source: format!("Ning (2009). {}", topic.source),
        // Filled in by `annotate` and, during Play, by `plot`.
        emphasis: Vec::new(),
        marks: Vec::new(),
        bands: Vec::new(),
        notes: Vec::new(),
        value_domain: None,
    }
}

/// The unit as words for axis titles.
pub fn unit_name(unit: Unit) -> &'static str {
    match unit {
        Unit::Firms => "firms",
        Unit::Percent => "%",
        Unit::PercentagePoints => "percentage points",
        Unit::BillionYuan => "billion yuan as labelled",
        Unit::MillionYuanPerFirm => "million yuan per firm as labelled",
        Unit::MillionUsd => "million US$",
        Unit::BillionUsd => "billion US$",
        Unit::MillionUnits => "million units",
        Unit::Count => "count",
        Unit::Times => "times",
        Unit::Rank => "rank",
        Unit::Index => "index",
    }
}

fn year_span(categories: &[Category]) -> String {
    match (categories.first(), categories.last()) {
        (Some(first), Some(last)) if first.id != last.id => {
            format!("{}–{}", first.label, last.label)
        }
        (Some(only), _) => only.label.clone(),
        _ => "no year selected".to_string(),
    }
}

/// Key figures shown beside a chart: growth rates, coverage and the like.
#[derive(Clone, Debug, PartialEq)]
pub struct Stat {
    pub label: String,
    pub value: Option<f64>,
    pub unit: Unit,
    pub status: Status,
    /// How it is computed.
    pub formula: String,
}

/// The key figures of a state.
pub fn stats(state: &State) -> Vec<Stat> {
    let data = Lookup::paper();
    match state.view {
        ViewId::Fdi => {
            let from = data.cell(Dataset::Table2, "fdi", "actual_utilized", state.from_year);
            let to = data.cell(Dataset::Table2, "fdi", "actual_utilized", state.to_year);
            let growth = indicators::cagr(&from, state.from_year, &to, state.to_year);
            let shown = |cell: &Cell| {
                cell.value
                    .map(|value| auto(value, 0))
                    .unwrap_or_else(|| "missing".to_string())
            };
            vec![Stat {
                label: if state.to_year <= state.from_year {
                    "Growth per year (CAGR): choose an end year after the start year".to_string()
                } else if state.from_year < 2001 && state.to_year >= 2001 {
                    // Table 2 warns that its figures before 2001 may cover electronics only.
                    format!(
                        "Growth per year (CAGR), {}–{}, across the 2001 change in coverage",
                        state.from_year, state.to_year
                    )
                } else {
                    format!(
                        "Growth per year (CAGR), {}–{}",
                        state.from_year, state.to_year
                    )
                },
                value: growth.value,
                unit: Unit::Percent,
                status: growth.status,
                formula: format!(
                    "({} / {})^(1/{}) − 1",
                    shown(&to),
                    shown(&from),
                    i32::from(state.to_year) - i32::from(state.from_year)
                ),
            }]
        }
        ViewId::Ownership | ViewId::Market | ViewId::Exports
            if state.measure().unit == Unit::Percent
                && state.measure().stackable
                && state.transform == Transform::Level =>
        {
            let ids: Vec<&str> = state
                .measure()
                .series
                .iter()
                .copied()
                .filter(|id| !OVERLAPPING_SERIES.contains(id))
                .collect();
            state
                .all_categories()
                .into_iter()
                .filter(|category| state.shows_category(&category.id))
                .map(|category| {
                    let year = category.year.unwrap_or(0);
                    let cells: Vec<Cell> = ids
                        .iter()
                        .map(|id| level(state.view, state.measure().id, id, year).0.into())
                        .collect();
                    let total = indicators::coverage(&cells.iter().collect::<Vec<_>>());
                    Stat {
                        label: format!("Shares add up to, {year}"),
                        value: total.value,
                        unit: Unit::Percent,
                        status: total.status,
                        formula: format!("sum of the {} listed shares", ids.len()),
                    }
                })
                .collect()
        }
        _ => Vec::new(),
    }
}

/// The control event a key press stands for, when the focus is not in a form field: arrows
/// step through the years and the digits 1–7 open the views. (`p`, which plays the years, is
/// a timer and so belongs to the page.)
pub fn key_action(key: &str) -> Option<(&'static str, String)> {
    match key {
        "ArrowRight" => Some(("step", "next".to_string())),
        "ArrowLeft" => Some(("step", "prev".to_string())),
        digit => {
            let index: usize = digit.parse().ok()?;
            ViewId::ALL
                .get(index.checked_sub(1)?)
                .map(|view| ("view", view.id().to_string()))
        }
    }
}
