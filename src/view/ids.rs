//! The names of what a reader can choose: the views, the transforms, each view's measures and
//! the topics of the trade-and-output view, with the tables that define them.

use crate::data::{self, facts, Dataset, Datum, Unit, TABLE3_SERIES};
use crate::plot::ChartKind;

/// The Trade & output view's id before it was `trade`, still read from old links and embeds.
const OLD_TRADE_ID: &str = "highlights";

/// The explorer's views, one per family of data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ViewId {
    Ownership,
    Fdi,
    Market,
    Exports,
    Rd,
    Trade,
    Quality,
}

impl ViewId {
    pub const ALL: [ViewId; 7] = [
        ViewId::Ownership,
        ViewId::Fdi,
        ViewId::Market,
        ViewId::Exports,
        ViewId::Rd,
        ViewId::Trade,
        ViewId::Quality,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ViewId::Ownership => "ownership",
            ViewId::Fdi => "fdi",
            ViewId::Market => "market",
            ViewId::Exports => "exports",
            ViewId::Rd => "rd",
            ViewId::Trade => "trade",
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
            ViewId::Trade => "Trade & output",
            ViewId::Quality => "Data quality",
        }
    }

    /// The view an id names: its own id, or the old id of a view since renamed, so that links
    /// and embeds made before the renaming open the same view.
    pub fn from_id(id: &str) -> Option<ViewId> {
        match id {
            OLD_TRADE_ID => Some(ViewId::Trade),
            _ => ViewId::ALL.into_iter().find(|view| view.id() == id),
        }
    }

    /// The dataset a view is built on (the prose views cover several).
    pub fn dataset(self) -> Option<Dataset> {
        match self {
            ViewId::Ownership => Some(Dataset::Table1),
            ViewId::Fdi => Some(Dataset::Table2),
            ViewId::Market => Some(Dataset::Table3),
            ViewId::Exports => Some(Dataset::Table4),
            ViewId::Rd => Some(Dataset::Table5),
            ViewId::Trade | ViewId::Quality => None,
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
                ViewId::Trade
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
pub(super) const TABLE1_ALL: [&str; 7] = [
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

pub(super) const OWNERSHIP_MEASURES: [Measure; 6] = [
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

pub(super) const FDI_MEASURES: [Measure; 1] =
    [Measure { id: "actual_utilized", label: "Actually utilised FDI", unit: Unit::MillionUsd, series: &["fdi"], stackable: false, caveat: "2003 and 2004 are figures announced by officials; figures before 2001 may cover electronics manufacturing only." }];

/// Table 3's six types and our weighted industry average.
pub(super) const MARKET_SERIES: [&str; 7] = {
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
    /// What follows the places its numbers are quoted in, in its source (see
    /// [`Topic::source`]): the figure they are read from, or how some are derived.
    pub origin: &'static str,
    /// (series, dataset, measure) triples; the categories are the years they give.
    pub lines: &'static [(&'static str, Dataset, &'static str)],
    pub kind: ChartKind,
}

impl Topic {
    /// The numbers its lines are drawn from, line by line.
    fn data(&self) -> impl Iterator<Item = &'static Datum> + '_ {
        self.lines.iter().flat_map(|(series, dataset, measure)| {
            data::of(*dataset)
                .filter(move |datum| datum.series == *series && datum.measure == *measure)
        })
    }

    /// Where its numbers come from: the places the paper quotes them in, read from the numbers
    /// themselves (so each section is named by its `Section` label, as everywhere), then its
    /// origin.
    pub fn source(&self) -> String {
        let places = facts::quoted_in(self.data().map(|datum| datum.source));
        format!("Quoted in {places}{}", self.origin)
    }

    /// The years its numbers give, in order: the categories of its chart and the years the
    /// state may choose from, so both are read from here.
    pub fn years(&self) -> Vec<u16> {
        let mut years: Vec<u16> = self.data().filter_map(|datum| datum.year).collect();
        crate::sort::by(&mut years, Ord::cmp);
        years.dedup();
        years
    }
}

/// The topics of the trade-and-output view, each a small chart of numbers from the prose.
pub const TOPICS: [Topic; 9] = [
    Topic {
        id: "exports_2004",
        label: "ICT exports: China and the US (Figure 1)",
        unit: Unit::BillionUsd,
        origin: ", from Figure 1 (OECD ITS database, 2006).",
        lines: &[("china", Dataset::Fig1, "exports"), ("usa", Dataset::Fig1, "exports")],
        kind: ChartKind::Bars,
    },
    Topic {
        id: "export_shares",
        label: "Shares of exports by type of firm (Figure 2)",
        unit: Unit::Percent,
        origin: ", from Figure 2 (author's compilation from the Yearbook).",
        lines: &[("domestic_funded", Dataset::Fig2, "share_of_exports"), ("foreign_funded", Dataset::Fig2, "share_of_exports"), ("wfoe", Dataset::Fig2, "share_of_exports")],
        kind: ChartKind::Bars,
    },
    Topic {
        id: "foreign_domestic_sales",
        label: "Shares of domestic sales by type of firm (text by Figure 3)",
        unit: Unit::Percent,
        origin: ", from Figure 3; Table 3 prints 53.3% (2003) and 57.0% (2004).",
        lines: &[("foreign_funded", Dataset::Fig3, "share_of_domestic_sales"), ("jsc_llc_private", Dataset::Fig3, "share_of_domestic_sales")],
        kind: ChartKind::Line,
    },
    Topic {
        id: "world_output_share",
        label: "Shares of world ICT output: China, Japan and the US",
        unit: Unit::Percent,
        origin: ". Japan's and the US's shares are derived: China's share plus the gap the paper quotes.",
        lines: &[("china", Dataset::Text, "world_output_share"), ("japan", Dataset::Text, "output_share_gap_to_china"), ("usa", Dataset::Text, "output_share_gap_to_china")],
        kind: ChartKind::Line,
    },
    Topic {
        id: "top_exporters_2005",
        label: "China's largest ICT exporters in 2005",
        unit: Unit::BillionUsd,
        origin: " (the paper cites the Ministry of Commerce, 2006).",
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
        origin: ", from Figure 2 (author's compilation from the Yearbook).",
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
        origin: ", from Figure 3 (author's compilation from the Yearbook).",
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
        origin: " (the paper cites OECD IT Outlook 2006).",
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
        origin: " (author's compilation from the Yearbook, 2006).",
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
        ViewId::Trade | ViewId::Quality => &[],
    }
}

/// The transforms a view offers.
pub fn transforms(view: ViewId) -> &'static [Transform] {
    match view {
        ViewId::Ownership | ViewId::Fdi => &[Transform::Level, Transform::Index, Transform::Change],
        ViewId::Market | ViewId::Exports => &[Transform::Level, Transform::Change],
        ViewId::Rd => &[Transform::Level, Transform::RelativeToChina],
        ViewId::Trade | ViewId::Quality => &[Transform::Level],
    }
}

/// The series that never enter a stack because they overlap the others: state-controlled
/// firms include some of every type, and the total is the whole.
pub(super) const OVERLAPPING_SERIES: [&str; 3] = ["state_controlled", "total", "industry"];
