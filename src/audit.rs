//! Cross-checks between the tables, and between the tables and the prose.
//!
//! Each check reads the data through a [`Lookup`], so the tests can run it on altered copies and
//! see it fail. Printed numbers are treated as rounded: a value printed as `13` may be anything
//! from 12.5 to 13.5, and a check only reports a disagreement that rounding cannot explain.

use crate::data::{
    Dataset, Lookup, Status, TABLE1_TYPES, TABLE1_YEARS, TABLE3_SERIES, TABLE3_YEARS,
};
use crate::format::{auto, half_unit, number};
use crate::indicators::market_weighted_average;
use serde::Serialize;
use std::sync::OnceLock;

/// How much a finding matters to a reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing when reading the numbers (a gap in coverage, a break in a series).
    Info,
    /// Two numbers that cannot both be right, or a number that cannot be right as labelled.
    Warning,
}

impl Severity {
    pub fn id(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
        }
    }
}

/// One problem the audit found.
#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    /// A stable id, unique among findings.
    pub id: String,
    pub severity: Severity,
    /// One line saying what is wrong.
    pub title: String,
    /// The dataset whose view shows the cells involved.
    pub dataset: Dataset,
    /// Keys (`dataset/series/measure/year`) of the cells involved.
    pub cells: Vec<String>,
    /// The arithmetic, with the numbers.
    pub numbers: String,
    /// What it means, in words a student can follow.
    pub explanation: String,
}

/// The audit of the paper's own data, computed once.
pub fn paper() -> &'static [Finding] {
    static FINDINGS: OnceLock<Vec<Finding>> = OnceLock::new();
    FINDINGS.get_or_init(|| run(Lookup::paper()))
}

/// Runs every check on `data`.
pub fn run(data: Lookup) -> Vec<Finding> {
    let mut findings = Vec::new();
    share_sums(data, &mut findings);
    firms_exceed_total(data, &mut findings);
    share_blocks_disagree(data, &mut findings);
    total_assets_unit(data, &mut findings);
    prose_against_tables(data, &mut findings);
    prose_against_prose(data, &mut findings);
    table5_oddities(data, &mut findings);
    findings
}

/// A closed interval, for reasoning about rounded numbers.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Range {
    pub(crate) low: f64,
    pub(crate) high: f64,
}

impl Range {
    /// The values a printed number may have stood for before rounding.
    pub(crate) fn printed(value: f64) -> Range {
        let half = half_unit(value);
        Range {
            low: value - half,
            high: value + half,
        }
    }

    pub(crate) fn overlaps(self, other: Range) -> bool {
        self.low <= other.high && other.low <= self.high
    }
}

/// The range of `f` over every combination of its inputs' ends. Exact for functions that are
/// monotone in each input when the others are held fixed, as sums, differences, products,
/// ratios of positive numbers and weighted averages are: their extremes lie at the corners.
pub(crate) fn corners(inputs: &[Range], f: impl Fn(&[f64]) -> f64) -> Range {
    debug_assert!(inputs.len() <= 16, "too many inputs to try every corner");
    let mut point = vec![0.0; inputs.len()];
    let mut range = Range {
        low: f64::INFINITY,
        high: f64::NEG_INFINITY,
    };
    for corner in 0u32..(1 << inputs.len()) {
        for (i, input) in inputs.iter().enumerate() {
            point[i] = if corner & (1 << i) == 0 {
                input.low
            } else {
                input.high
            };
        }
        let value = f(&point);
        range.low = range.low.min(value);
        range.high = range.high.max(value);
    }
    range
}

/// Shares of a whole that add up to more than 100%, or (for tables that list every part) to
/// less than 100%, beyond what rounding explains.
fn share_sums(data: Lookup, findings: &mut Vec<Finding>) {
    struct Block {
        dataset: Dataset,
        measure: &'static str,
        series: &'static [&'static str],
        years: &'static [u16],
        lists_every_part: bool,
        whole: &'static str,
    }
    const BLOCKS: [Block; 4] = [
        Block {
            dataset: Dataset::Table1,
            measure: "share_total_assets",
            series: &TABLE1_TYPES,
            years: &TABLE1_YEARS,
            lists_every_part: false,
            whole: "the industry's total assets",
        },
        Block {
            dataset: Dataset::Table1,
            measure: "share_domestic_assets",
            series: &["state_owned", "collective", "joint_stock", "private"],
            years: &TABLE1_YEARS,
            lists_every_part: false,
            whole: "domestic-funded firms' assets",
        },
        Block {
            dataset: Dataset::Table3,
            measure: "domestic_market_share",
            series: &TABLE3_SERIES,
            years: &TABLE3_YEARS,
            lists_every_part: true,
            whole: "the domestic market",
        },
        Block {
            dataset: Dataset::Table4,
            measure: "share",
            series: &[
                "processing_imported_materials",
                "processing_customer_materials",
                "ordinary_trade",
                "others",
            ],
            years: &[1998, 2000, 2002, 2004],
            lists_every_part: true,
            whole: "ICT exports",
        },
    ];
    for block in BLOCKS {
        for &year in block.years {
            let cells: Vec<_> = block
                .series
                .iter()
                .map(|series| data.cell(block.dataset, series, block.measure, year))
                .collect();
            let Some(values) = cells
                .iter()
                .map(|cell| cell.value)
                .collect::<Option<Vec<f64>>>()
            else {
                continue;
            };
            let sum: f64 = values.iter().sum();
            // Rounding allows half a unit of the last printed digit; where the table prints a
            // fixed number of decimals (Table 3's 20.0), that and not the value decides.
            let slack: f64 = values
                .iter()
                .map(|value| match block.dataset.printed_decimals() {
                    Some(decimals) => 0.5 / 10f64.powi(i32::from(decimals)),
                    None => half_unit(*value),
                })
                .sum();
            // A sum that includes a best guess is only as good as the guess: name the guessed
            // cells, mark them in the arithmetic and say so in the title.
            let guessed: Vec<String> = block
                .series
                .iter()
                .zip(&cells)
                .filter(|(_, cell)| cell.status >= Status::Uncertain)
                .map(|(series, cell)| {
                    format!(
                        "{} share ({}%)",
                        crate::data::series_label(series).to_lowercase(),
                        auto(cell.value.unwrap_or_default(), 1)
                    )
                })
                .collect();
            let (caveat, title_caveat) = match guessed.len() {
                0 => (String::new(), String::new()),
                1 => (
                    format!(" This total rests on a best guess: the {} was read from garbled OCR text, so whether {year} adds up depends on that reading (the cell's note gives the other readings).", guessed[0]),
                    " (one share is a best guess)".to_string(),
                ),
                count => (
                    format!(" This total rests on best guesses: the {} were read from garbled OCR text, so whether {year} adds up depends on those readings (the cells' notes give the other readings).", guessed.join(" and the ")),
                    format!(" ({count} shares are best guesses)"),
                ),
            };
            let arithmetic = format!(
                "{} = {}% (rounding allows ±{}){}",
                values
                    .iter()
                    .zip(&cells)
                    .map(|(value, cell)| {
                        let mark = if cell.status >= Status::Uncertain {
                            "?"
                        } else {
                            ""
                        };
                        format!("{}{mark}", auto(*value, 1))
                    })
                    .collect::<Vec<_>>()
                    .join(" + "),
                auto(sum, 1),
                auto(slack, 2),
                if guessed.is_empty() {
                    ""
                } else {
                    "; ? marks a best guess"
                }
            );
            let keys = block
                .series
                .iter()
                .map(|series| Lookup::key(block.dataset, series, block.measure, Some(year)))
                .collect();
            if sum > 100.0 + slack {
                findings.push(Finding {
                    id: format!("{}-{}-over-100-{}", block.dataset.id(), block.measure, year),
                    severity: Severity::Warning,
                    title: format!("{year}: the shares of {} add up to more than 100%{title_caveat}", block.whole),
                    dataset: block.dataset,
                    cells: keys,
                    numbers: arithmetic,
                    explanation: format!(
                        "Parts of one whole cannot add up to more than all of it. At least one of these {year} shares is misprinted or measured on a different base.{caveat}"
                    ),
                });
            } else if sum < 100.0 - slack {
                let (severity, explanation) = if block.lists_every_part {
                    (
                        Severity::Info,
                        format!("The listed parts should cover all of {}, but {} points are unaccounted for, more than rounding explains.{caveat}", block.whole, auto(100.0 - sum, 1)),
                    )
                } else {
                    (
                        Severity::Info,
                        format!(
                            "The listed types cover {}% of {} in {year}; the remaining {} points belong to types the table does not list (limited liability companies, for instance).{caveat}",
                            auto(sum, 1),
                            block.whole,
                            auto(100.0 - sum, 1)
                        ),
                    )
                };
                findings.push(Finding {
                    id: format!(
                        "{}-{}-under-100-{}",
                        block.dataset.id(),
                        block.measure,
                        year
                    ),
                    severity,
                    title: format!(
                        "{year}: the listed shares of {} add up to {}%{title_caveat}",
                        block.whole,
                        auto(sum, 1)
                    ),
                    dataset: block.dataset,
                    cells: keys,
                    numbers: arithmetic,
                    explanation,
                });
            }
        }
    }
}

/// Table 1: firms counted by type that outnumber the industry's printed total.
fn firms_exceed_total(data: Lookup, findings: &mut Vec<Finding>) {
    for year in TABLE1_YEARS {
        let counts: Option<Vec<f64>> = TABLE1_TYPES
            .iter()
            .map(|series| data.cell(Dataset::Table1, series, "firms", year).value)
            .collect();
        let (Some(counts), Some(total)) = (
            counts,
            data.cell(Dataset::Table1, "total", "firms", year).value,
        ) else {
            continue;
        };
        let sum: f64 = counts.iter().sum();
        if sum > total {
            let mut cells: Vec<String> = TABLE1_TYPES
                .iter()
                .map(|series| Lookup::key(Dataset::Table1, series, "firms", Some(year)))
                .collect();
            cells.push(Lookup::key(Dataset::Table1, "total", "firms", Some(year)));
            findings.push(Finding {
                id: format!("table1-firms-exceed-total-{year}"),
                severity: Severity::Warning,
                title: format!("{year}: the firms counted by type outnumber the industry's total"),
                dataset: Dataset::Table1,
                cells,
                numbers: format!(
                    "{} = {} firms, but the total row prints {} ({} more by type)",
                    counts.iter().map(|count| number(*count, 0)).collect::<Vec<_>>().join(" + "),
                    number(sum, 0),
                    number(total, 0),
                    number(sum - total, 0)
                ),
                explanation: format!(
                    "The five types are separate groups of firms, so together they cannot number more than all firms. In {year} they do, so either a count or the total is misprinted, or some firms are counted under two types."
                ),
            });
        }
    }
}

/// Table 1 prints each domestic type's share twice: of all assets and of domestic assets. The
/// first, divided by the domestic firms' part of all assets (100% minus the foreign share),
/// must give the second, within rounding.
fn share_blocks_disagree(data: Lookup, findings: &mut Vec<Finding>) {
    const TYPES: [&str; 5] = [
        "state_owned",
        "collective",
        "joint_stock",
        "private",
        "state_controlled",
    ];
    for series in TYPES {
        for year in TABLE1_YEARS {
            let of_total = data.cell(Dataset::Table1, series, "share_total_assets", year);
            let foreign = data.cell(
                Dataset::Table1,
                "foreign_funded",
                "share_total_assets",
                year,
            );
            let of_domestic = data.cell(Dataset::Table1, series, "share_domestic_assets", year);
            let (Some(share), Some(foreign_share), Some(printed)) =
                (of_total.value, foreign.value, of_domestic.value)
            else {
                continue;
            };
            let share_range = Range::printed(share);
            let foreign_range = Range::printed(foreign_share);
            let implied = Range {
                low: share_range.low / (100.0 - foreign_range.low) * 100.0,
                high: share_range.high / (100.0 - foreign_range.high) * 100.0,
            };
            if !implied.overlaps(Range::printed(printed)) {
                findings.push(Finding {
                    id: format!("table1-share-blocks-{series}-{year}"),
                    severity: Severity::Warning,
                    title: format!("{year}: {}'s two asset shares in Table 1 disagree", crate::data::series_label(series)),
                    dataset: Dataset::Table1,
                    cells: vec![
                        Lookup::key(Dataset::Table1, series, "share_total_assets", Some(year)),
                        Lookup::key(Dataset::Table1, "foreign_funded", "share_total_assets", Some(year)),
                        Lookup::key(Dataset::Table1, series, "share_domestic_assets", Some(year)),
                    ],
                    numbers: format!(
                        "{} / (100 − {}) × 100 = {}% (between {} and {} given rounding), but the table prints {}%",
                        auto(share, 1),
                        auto(foreign_share, 1),
                        auto(share / (100.0 - foreign_share) * 100.0, 1),
                        auto(implied.low, 1),
                        auto(implied.high, 1),
                        auto(printed, 1)
                    ),
                    explanation: "If foreign-funded firms hold a given share of all assets, domestic firms hold the rest, and each domestic type's share of that rest follows from its share of all assets. The two printed numbers should agree within rounding, and here they do not.".to_string(),
                });
            }
        }
    }
}

/// Above this many times a year's sales, an industry's assets cannot be right: manufacturing
/// firms typically hold assets worth around one year's sales.
const ASSETS_TO_SALES_LIMIT: f64 = 5.0;

/// The year of the latest export figure the prose gives (Figure 1).
const EXPORTS_YEAR: u16 = 2004;

/// The year of the prose's figure for China's domestic ICT market.
const MARKET_YEAR: u16 = 2005;

/// Table 1 labels total assets as billion yuan; with that unit the industry's assets would be
/// many times its yearly sales. The yardstick of a year's sales is the domestic market plus
/// exports, both quoted in the prose.
fn total_assets_unit(data: Lookup, findings: &mut Vec<Finding>) {
    let year = TABLE1_YEARS[TABLE1_YEARS.len() - 1];
    let assets = data.cell(Dataset::Table1, "total", "total_assets", year);
    let firms = data.cell(Dataset::Table1, "total", "firms", year);
    let market = prose(
        data,
        Dataset::Text,
        "china",
        "ict_market_sales",
        Some(MARKET_YEAR),
    );
    let exports = prose(data, Dataset::Fig1, "china", "exports", Some(EXPORTS_YEAR));
    let (Some(assets), Some(firms), Some(market), Some(exports)) =
        (assets.value, firms.value, market, exports)
    else {
        return;
    };
    let sales_yuan = (market + exports) * YUAN_PER_DOLLAR;
    let ratio = assets / sales_yuan;
    if ratio <= ASSETS_TO_SALES_LIMIT {
        return;
    }
    let per_firm = assets / firms;
    let read_as_yi = ratio / 10.0;
    let verdict_as_yi = if read_as_yi <= ASSETS_TO_SALES_LIMIT {
        "an ordinary size for a manufacturing industry"
    } else {
        "still large, so the unit may not be the only problem"
    };
    findings.push(Finding {
        id: "table1-total-assets-unit".to_string(),
        severity: Severity::Warning,
        title: "Table 1's total assets are implausibly large in 'billion yuan'".to_string(),
        dataset: Dataset::Table1,
        cells: vec![
            Lookup::key(Dataset::Table1, "total", "total_assets", Some(year)),
            Lookup::key(Dataset::Table1, "total", "firms", Some(year)),
            Lookup::key(Dataset::Text, "china", "ict_market_sales", Some(MARKET_YEAR)),
            Lookup::key(Dataset::Fig1, "china", "exports", Some(EXPORTS_YEAR)),
        ],
        numbers: format!(
            "{} bn yuan of assets ({year}) against a year's sales of ({} bn US$ domestic market, {MARKET_YEAR} + {} bn US$ exports, {EXPORTS_YEAR}) × {} yuan per US$ = {} bn yuan: {} times; {} bn yuan per firm over {} firms",
            number(assets, 0),
            auto(market, 1),
            auto(exports, 1),
            YUAN_PER_DOLLAR,
            number(sales_yuan, 0),
            auto(ratio, 1),
            auto(per_firm, 2),
            number(firms, 0)
        ),
        explanation: format!(
            "Manufacturing firms typically hold assets worth around one year's sales; more than {} times would be extraordinary. Taken at its label, the industry's {year} assets would be {} times a year's sales at home and abroad, and the average firm would hold {} billion yuan. The yardstick is generous, since the domestic market also counts imported goods, so the true ratio would be higher still. Chinese yearbooks usually report money in units of 100 million yuan (yi yuan); read that way, every total-asset figure is ten times smaller: {} times a year's sales and {} million yuan per firm, {verdict_as_yi}. The shares in the table are unaffected, but derived assets are shown with this caveat.",
            auto(ASSETS_TO_SALES_LIMIT, 1),
            auto(ratio, 1),
            auto(per_firm, 2),
            auto(read_as_yi, 2),
            number(per_firm * 100.0, 0)
        ),
    });
}

/// The exchange rate Table 2 states for its dollar figures.
pub(crate) const YUAN_PER_DOLLAR: f64 = 8.2;

fn prose(
    data: Lookup,
    dataset: Dataset,
    series: &str,
    measure: &str,
    year: Option<u16>,
) -> Option<f64> {
    data.get(dataset, series, measure, year)
        .and_then(|datum| datum.value())
}

/// A number of the data, with its status folded into `status` (a result inherits the weakest
/// status of what it was computed from).
fn read(
    data: Lookup,
    dataset: Dataset,
    series: &str,
    measure: &str,
    year: Option<u16>,
    status: &mut Status,
) -> Option<f64> {
    let datum = data.get(dataset, series, measure, year)?;
    let value = datum.value()?;
    *status = status.weakest(datum.cell.status);
    Some(value)
}

/// "low–high", for the range rounding allows.
pub(crate) fn between(range: Range, decimals: usize) -> String {
    // A dash between negative numbers would read as a minus sign.
    let dash = if range.low < 0.0 || range.high < 0.0 {
        " to "
    } else {
        "–"
    };
    format!(
        "{}{dash}{}",
        auto(range.low, decimals),
        auto(range.high, decimals)
    )
}

/// "a surplus of 1.4 billion dollars" or "a deficit of 1.6 billion dollars".
fn balance_words(net: f64) -> String {
    if net < 0.0 {
        format!("a deficit of {} billion dollars", auto(-net, 1))
    } else {
        format!("a surplus of {} billion dollars", auto(net, 1))
    }
}

// ---------------------------------------------------------------------------------------------
// Checks shared with the claims. Each returns the computed numbers, the arithmetic as text and
// whether the statements can all hold, so that a finding here and the verdict of a claim rest
// on the same computation and the same tolerance.
// ---------------------------------------------------------------------------------------------

/// The two years Table 1 prints state-controlled firms' rows for.
const SCE_YEARS: [u16; 2] = [2003, 2005];

/// State-controlled firms' average share of domestic assets, 2003–2005: the prose's figure
/// against the two years Table 1 prints.
pub(crate) struct SceAverage {
    pub(crate) agrees: bool,
    pub(crate) status: Status,
    pub(crate) cells: Vec<String>,
    values: [f64; 2],
    mean: f64,
    range: Range,
    stated: f64,
}

impl SceAverage {
    pub(crate) fn arithmetic(&self) -> String {
        format!(
            "Table 1: ({} + {}) / 2 = {}% for {} and {}, the two years it prints ({}% given rounding); the prose says {}%",
            auto(self.values[0], 1),
            auto(self.values[1], 1),
            auto(self.mean, 1),
            SCE_YEARS[0],
            SCE_YEARS[1],
            between(self.range, 2),
            auto(self.stated, 1)
        )
    }
}

pub(crate) fn sce_average(data: Lookup) -> Option<SceAverage> {
    let mut status = Status::Clean;
    let stated = read(
        data,
        Dataset::Text,
        "state_controlled",
        "share_domestic_assets_average_2003_2005",
        None,
        &mut status,
    )?;
    let cells = SCE_YEARS.map(|year| {
        data.cell(
            Dataset::Table1,
            "state_controlled",
            "share_domestic_assets",
            year,
        )
    });
    let [Some(first), Some(last)] = cells.map(|cell| cell.value) else {
        return None;
    };
    let status = cells
        .iter()
        .fold(status, |status, cell| status.weakest(cell.status));
    let range = corners(&[Range::printed(first), Range::printed(last)], |v| {
        (v[0] + v[1]) / 2.0
    });
    Some(SceAverage {
        agrees: range.overlaps(Range::printed(stated)),
        status,
        cells: SCE_YEARS
            .iter()
            .map(|&year| {
                Lookup::key(
                    Dataset::Table1,
                    "state_controlled",
                    "share_domestic_assets",
                    Some(year),
                )
            })
            .chain([Lookup::key(
                Dataset::Text,
                "state_controlled",
                "share_domestic_assets_average_2003_2005",
                None,
            )])
            .collect(),
        values: [first, last],
        mean: (first + last) / 2.0,
        range,
        stated,
    })
}

/// The year section 3 gives for China's WTO entry ("when China joined the WTO in 2000"), under
/// which the prose's FDI figure is filed.
const WTO_YEAR_SECTION3: u16 = 2000;

/// The year section 2 gives for the same event ("Until after China's WTO accession in 2001").
const WTO_YEAR_SECTION2: u16 = 2001;

/// FDI in the year of WTO entry: the prose's figure against Table 2 in either year the paper
/// gives for the entry.
pub(crate) struct WtoFdi {
    pub(crate) agrees: bool,
    pub(crate) status: Status,
    pub(crate) cells: Vec<String>,
    stated_billion: f64,
    /// Table 2's values (m US$) for the two years the paper gives for the entry; `None` where
    /// it prints none.
    table: [(u16, Option<f64>); 2],
}

impl WtoFdi {
    /// The paper's two dates for the entry, in its own words.
    pub(crate) fn dates(&self) -> String {
        format!(
            "The paper dates China's WTO entry two ways: section 3 ties this figure to China joining the WTO 'in {WTO_YEAR_SECTION3}', while section 2 speaks of 'China's WTO accession in {WTO_YEAR_SECTION2}'."
        )
    }

    pub(crate) fn arithmetic(&self) -> String {
        let table = self
            .table
            .iter()
            .map(|(year, value)| match value {
                Some(million) => format!(
                    "{} m US$ = {} bn US$ in {year}",
                    number(*million, 0),
                    auto(million / 1000.0, 3)
                ),
                None => format!("no value for {year}"),
            })
            .collect::<Vec<_>>()
            .join(", ");
        format!(
            "prose: {} bn US$ at WTO entry; Table 2: {table}",
            auto(self.stated_billion, 2)
        )
    }

    /// How far the printed table years are from the prose, in words.
    fn gaps(&self) -> String {
        self.table
            .iter()
            .filter_map(|(year, value)| {
                let billion = (*value)? / 1000.0;
                let gap = billion - self.stated_billion;
                Some(format!(
                    "for {year} it prints {} bn US$, {} bn US$ {}",
                    auto(billion, 3),
                    auto(gap.abs(), 3),
                    if gap < 0.0 { "less" } else { "more" }
                ))
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

pub(crate) fn wto_fdi(data: Lookup) -> Option<WtoFdi> {
    let mut status = Status::Clean;
    let stated_billion = read(
        data,
        Dataset::Text,
        "fdi",
        "actual_utilized",
        Some(WTO_YEAR_SECTION3),
        &mut status,
    )?;
    let table = [WTO_YEAR_SECTION3, WTO_YEAR_SECTION2].map(|year| {
        let cell = data.cell(Dataset::Table2, "fdi", "actual_utilized", year);
        if cell.value.is_some() {
            status = status.weakest(cell.status);
        }
        (year, cell.value)
    });
    if table.iter().all(|(_, value)| value.is_none()) {
        return None;
    }
    let stated = Range::printed(stated_billion);
    let agrees = table.iter().any(|(_, value)| {
        value.is_some_and(|million| {
            let printed = Range::printed(million);
            stated.overlaps(Range {
                low: printed.low / 1000.0,
                high: printed.high / 1000.0,
            })
        })
    });
    Some(WtoFdi {
        agrees,
        status,
        cells: table
            .iter()
            .filter(|(_, value)| value.is_some())
            .map(|(year, _)| Lookup::key(Dataset::Table2, "fdi", "actual_utilized", Some(*year)))
            .chain([Lookup::key(
                Dataset::Text,
                "fdi",
                "actual_utilized",
                Some(WTO_YEAR_SECTION3),
            )])
            .collect(),
        stated_billion,
        table,
    })
}

/// The most Table 2's FDI could add up to over `first..=last`, on a stated assumption.
pub(crate) struct FdiBound {
    pub(crate) status: Status,
    pub(crate) cells: Vec<String>,
    first: u16,
    last: u16,
    /// The years Table 2 prints within `first..=last`, with their values (m US$).
    printed: Vec<(u16, f64)>,
    /// The value every unprinted year is assumed to reach (m US$), and its year.
    ceiling: f64,
    ceiling_year: u16,
    /// True when Table 2 prints no year up to `last`, so the ceiling comes from a later year.
    ceiling_from_later: bool,
    /// The bound (m US$).
    bound: f64,
}

impl FdiBound {
    fn span(&self) -> usize {
        usize::from(self.last - self.first) + 1
    }

    fn unprinted(&self) -> usize {
        self.span() - self.printed.len()
    }

    fn printed_sum(&self) -> f64 {
        self.printed.iter().map(|(_, value)| value).sum()
    }

    /// The assumption the bound rests on, as a clause: "even if every unprinted year had been as
    /// large as the largest value printed up to then".
    pub(crate) fn assumption(&self) -> String {
        let yardstick = if self.ceiling_from_later {
            format!(
                "the largest value it prints at all ({} m US$, in {}; it prints no year up to {})",
                number(self.ceiling, 0),
                self.ceiling_year,
                self.last
            )
        } else {
            format!(
                "the largest value it prints up to {} ({} m US$, in {})",
                self.last,
                number(self.ceiling, 0),
                self.ceiling_year
            )
        };
        match self.unprinted() {
            0 => "with every year printed".to_string(),
            1 => format!("even if the one year Table 2 leaves out had been as large as {yardstick}"),
            count => format!(
                "even if each of the {count} years Table 2 leaves out had been as large as {yardstick}"
            ),
        }
    }

    pub(crate) fn arithmetic(&self) -> String {
        let printed = if self.printed.is_empty() {
            format!(
                "Table 2 prints none of the {} years {}–{}",
                self.span(),
                self.first,
                self.last
            )
        } else {
            format!(
                "Table 2 prints {} of the {} years {}–{} ({} = {} m US$)",
                self.printed.len(),
                self.span(),
                self.first,
                self.last,
                self.printed
                    .iter()
                    .map(|(year, value)| format!("{} in {year}", number(*value, 0)))
                    .collect::<Vec<_>>()
                    .join(" + "),
                number(self.printed_sum(), 0)
            )
        };
        format!(
            "{printed}; {}, the total would be at most {} + {} × {} = {} m US$",
            self.assumption(),
            number(self.printed_sum(), 0),
            self.unprinted(),
            number(self.ceiling, 0),
            number(self.bound, 0)
        )
    }
}

/// The largest total that Table 2's FDI could reach over `first..=last`: printed years as
/// printed, every other year at the largest value printed up to `last` (or, when none is
/// printed up to `last`, the largest printed at all; the text then says so).
pub(crate) fn fdi_upper_bound(data: Lookup, first: u16, last: u16) -> Option<FdiBound> {
    let printed: Vec<(u16, f64, Status)> = data
        .data()
        .iter()
        .filter(|datum| {
            datum.dataset == Dataset::Table2
                && datum.series == "fdi"
                && datum.measure == "actual_utilized"
        })
        .filter_map(|datum| Some((datum.year?, datum.value()?, datum.cell.status)))
        .collect();
    let largest = |up_to: Option<u16>| {
        printed
            .iter()
            .filter(|(year, _, _)| up_to.is_none_or(|up_to| *year <= up_to))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .copied()
    };
    let (ceiling_from_later, (ceiling_year, ceiling, ceiling_status)) = match largest(Some(last)) {
        Some(found) => (false, found),
        None => (true, largest(None)?),
    };
    let inside: Vec<(u16, f64, Status)> = printed
        .iter()
        .filter(|(year, _, _)| (first..=last).contains(year))
        .copied()
        .collect();
    let span = usize::from(last - first) + 1;
    let bound = inside.iter().map(|(_, value, _)| value).sum::<f64>()
        + (span - inside.len()) as f64 * ceiling;
    let status = inside
        .iter()
        .fold(ceiling_status, |status, (_, _, cell)| status.weakest(*cell));
    let mut cells: Vec<String> = inside
        .iter()
        .map(|(year, _, _)| Lookup::key(Dataset::Table2, "fdi", "actual_utilized", Some(*year)))
        .collect();
    let ceiling_key = Lookup::key(
        Dataset::Table2,
        "fdi",
        "actual_utilized",
        Some(ceiling_year),
    );
    if !cells.contains(&ceiling_key) {
        cells.push(ceiling_key);
    }
    Some(FdiBound {
        status,
        cells,
        first,
        last,
        printed: inside
            .iter()
            .map(|(year, value, _)| (*year, *value))
            .collect(),
        ceiling,
        ceiling_year,
        ceiling_from_later,
        bound,
    })
}

/// How a total the prose needs compares with what Table 2 can reach.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reach {
    /// Beyond the bound: the table rules the statement out.
    Beyond,
    /// Within the bound by less than [`BARELY_MARGIN`]: reachable only if almost every
    /// unprinted year was as large as the ceiling.
    Barely,
    /// Comfortably within the bound.
    Within,
}

/// How far above a needed total the bound must lie for the total to count as comfortably
/// reachable (a tenth).
const BARELY_MARGIN: f64 = 0.1;

/// A total the prose needs (m US$) against what Table 2 allows over the same years.
pub(crate) struct FdiTotal {
    pub(crate) reach: Reach,
    pub(crate) bound: FdiBound,
    needed: f64,
}

fn fdi_total(data: Lookup, first: u16, last: u16, needed: f64) -> Option<FdiTotal> {
    let bound = fdi_upper_bound(data, first, last)?;
    let reach = if bound.bound < needed {
        Reach::Beyond
    } else if bound.bound < needed * (1.0 + BARELY_MARGIN) {
        Reach::Barely
    } else {
        Reach::Within
    };
    Some(FdiTotal {
        reach,
        bound,
        needed,
    })
}

/// The years the officials' comparison of FDI with government investment covers.
const GOVERNMENT_YEARS: (u16, u16) = (1990, 2002);

/// "FDI more than twice government investment (180 bn yuan), 1990–2002", against Table 2.
pub(crate) struct FdiVsGovernment {
    pub(crate) total: FdiTotal,
    pub(crate) status: Status,
    pub(crate) cells: Vec<String>,
    government: f64,
    multiple: f64,
}

impl FdiVsGovernment {
    pub(crate) fn arithmetic(&self) -> String {
        format!(
            "FDI of more than {} × {} bn yuan / {} yuan per US$ = {} m US$ needed over {}–{}; {}",
            auto(self.multiple, 1),
            auto(self.government, 1),
            YUAN_PER_DOLLAR,
            number(self.total.needed, 0),
            GOVERNMENT_YEARS.0,
            GOVERNMENT_YEARS.1,
            self.total.bound.arithmetic()
        )
    }
}

pub(crate) fn fdi_vs_government(data: Lookup) -> Option<FdiVsGovernment> {
    let mut status = Status::Clean;
    let government = read(
        data,
        Dataset::Text,
        "government",
        "ict_investment_1990_2002",
        None,
        &mut status,
    )?;
    let multiple = read(
        data,
        Dataset::Text,
        "fdi",
        "multiple_of_government_investment_1990_2002",
        None,
        &mut status,
    )?;
    let needed = government * multiple / YUAN_PER_DOLLAR * 1000.0;
    let total = fdi_total(data, GOVERNMENT_YEARS.0, GOVERNMENT_YEARS.1, needed)?;
    let status = status.weakest(total.bound.status);
    let cells = [
        Lookup::key(
            Dataset::Text,
            "government",
            "ict_investment_1990_2002",
            None,
        ),
        Lookup::key(
            Dataset::Text,
            "fdi",
            "multiple_of_government_investment_1990_2002",
            None,
        ),
    ]
    .into_iter()
    .chain(total.bound.cells.iter().cloned())
    .collect();
    Some(FdiVsGovernment {
        total,
        status,
        cells,
        government,
        multiple,
    })
}

/// The years accumulated FDI is counted over: from 1990, as the officials' comparison does
/// (the prose gives no start year), to 2005.
const ACCUMULATED_YEARS: (u16, u16) = (1990, 2005);

/// "By 2005, accumulated FDI reached more than 100 bn US$", against Table 2.
pub(crate) struct FdiAccumulated {
    pub(crate) total: FdiTotal,
    pub(crate) status: Status,
    pub(crate) cells: Vec<String>,
    stated_billion: f64,
}

impl FdiAccumulated {
    pub(crate) fn arithmetic(&self) -> String {
        format!(
            "more than {} bn US$ = {} m US$ stated, counted from {}; {}",
            auto(self.stated_billion, 1),
            number(self.total.needed, 0),
            ACCUMULATED_YEARS.0,
            self.total.bound.arithmetic()
        )
    }
}

pub(crate) fn fdi_accumulated(data: Lookup) -> Option<FdiAccumulated> {
    let mut status = Status::Clean;
    let stated_billion = read(
        data,
        Dataset::Text,
        "fdi",
        "accumulated",
        Some(ACCUMULATED_YEARS.1),
        &mut status,
    )?;
    let total = fdi_total(
        data,
        ACCUMULATED_YEARS.0,
        ACCUMULATED_YEARS.1,
        stated_billion * 1000.0,
    )?;
    let status = status.weakest(total.bound.status);
    let cells = [Lookup::key(
        Dataset::Text,
        "fdi",
        "accumulated",
        Some(ACCUMULATED_YEARS.1),
    )]
    .into_iter()
    .chain(total.bound.cells.iter().cloned())
    .collect();
    Some(FdiAccumulated {
        total,
        status,
        cells,
        stated_billion,
    })
}

/// Table 3's market-share-weighted average of a ratio over some types in one year, with the
/// range that rounding of its inputs allows.
pub(crate) struct Weighted {
    pub(crate) value: Option<f64>,
    pub(crate) range: Option<Range>,
    pub(crate) status: Status,
    /// The cells that could not be read, as "Collective (profit over sales)".
    pub(crate) unreadable: Vec<String>,
}

pub(crate) fn weighted(data: Lookup, series: &[&str], measure: &str, year: u16) -> Weighted {
    let (average, inputs) = market_weighted_average(data, series, measure, year);
    let (values, weights) = inputs.split_at(series.len());
    let unreadable = series
        .iter()
        .zip(values.iter().zip(weights))
        .flat_map(|(series, (value, weight))| {
            [(value, measure), (weight, "domestic_market_share")]
                .into_iter()
                .filter(|(cell, _)| cell.value.is_none())
                .map(move |(_, measure)| {
                    format!(
                        "{} ({})",
                        crate::data::series_label(series),
                        crate::data::measure_label(measure).to_lowercase()
                    )
                })
        })
        .collect();
    let range = average.value.and_then(|_| {
        let ranges: Vec<Range> = inputs
            .iter()
            .map(|cell| cell.value.map(Range::printed))
            .collect::<Option<_>>()?;
        Some(corners(&ranges, |point| {
            let (values, weights) = point.split_at(series.len());
            let total: f64 = weights.iter().sum();
            values
                .iter()
                .zip(weights)
                .map(|(value, weight)| value * weight)
                .sum::<f64>()
                / total
        }))
    });
    Weighted {
        value: average.value,
        range,
        status: average.status,
        unreadable,
    }
}

/// What weighting by domestic market share does to a whole-industry ratio, in words.
///
/// Table 3's ratios are over total sales, exports included, but its only weights are shares of
/// the domestic market. Foreign-funded firms make most of the exports, so they weigh more in a
/// true industry-wide ratio than in the average, which pulls the true ratio towards theirs. The
/// text says which way that moves each average in `yearly` (year, average) and, relative to
/// `stated`, whether towards the prose's figure or away from it.
pub(crate) fn weighting_lean(
    data: Lookup,
    measure: &str,
    yearly: &[(u16, f64)],
    stated: f64,
) -> String {
    let export_share = prose(
        data,
        Dataset::Fig2,
        "foreign_funded",
        "share_of_exports",
        Some(EXPORTS_YEAR),
    )
    .map(|share| {
        format!(
            " ({}% of ICT exports in {EXPORTS_YEAR}, the paper says)",
            auto(share, 1)
        )
    })
    .unwrap_or_default();
    let intro = format!(
        "This is an approximation: Table 3's ratios are over total sales, exports included, but its only weights are shares of the domestic market. Foreign-funded firms make most of the exports{export_share}, so they weigh more in the true industry-wide ratio than here, which pulls it towards their own ratio."
    );
    let (mut below, mut above, mut level) = (Vec::new(), Vec::new(), Vec::new());
    for &(year, average) in yearly {
        let Some(foreign) = data
            .cell(Dataset::Table3, "foreign_funded", measure, year)
            .value
        else {
            continue;
        };
        let text = format!(
            "{}% against {}% in {year}",
            auto(foreign, 1),
            auto(average, 2)
        );
        if foreign < average - 0.05 {
            below.push(text);
        } else if foreign > average + 0.05 {
            above.push(text);
        } else {
            level.push(text);
        }
    }
    let centre =
        yearly.iter().map(|(_, average)| average).sum::<f64>() / yearly.len().max(1) as f64;
    let relative = |direction: f64| {
        if (stated - centre) * direction > 0.0 {
            format!(", towards the prose's {}%", auto(stated, 1))
        } else {
            format!(", further from the prose's {}%", auto(stated, 1))
        }
    };
    let lean = match (below.is_empty(), above.is_empty()) {
        (false, true) => format!(
            "Their ratio is below the average ({}), so the true ratio is probably lower{}.",
            below.join("; "),
            relative(-1.0)
        ),
        (true, false) => format!(
            "Their ratio is above the average ({}), so the true ratio is probably higher{}.",
            above.join("; "),
            relative(1.0)
        ),
        (false, false) => format!(
            "Their ratio is below the average in some years ({}) and above it in others ({}), so the approximation leans different ways in different years.",
            below.join("; "),
            above.join("; ")
        ),
        (true, true) if !level.is_empty() => format!(
            "Their ratio is about the same as the average ({}), so the approximation changes little.",
            level.join("; ")
        ),
        (true, true) => {
            "Foreign-funded firms' own ratio cannot be read, so which way it leans is unknown."
                .to_string()
        }
    };
    format!("{intro} {lean}")
}

/// The whole industry's profit over sales in one year: the prose's figure against Table 3's six
/// types weighted by market share.
pub(crate) struct IndustryProfit {
    /// `None` when Table 3 does not allow the average to be computed.
    pub(crate) agrees: Option<bool>,
    pub(crate) status: Status,
    pub(crate) cells: Vec<String>,
    pub(crate) average: Weighted,
    year: u16,
    stated: f64,
}

impl IndustryProfit {
    pub(crate) fn arithmetic(&self) -> String {
        match (self.average.value, self.average.range) {
            (Some(value), Some(range)) => format!(
                "Table 3, {}: the six types' profit ratios weighted by their shares of the domestic market average {}% ({}% given rounding); the prose says {}%",
                self.year,
                auto(value, 2),
                between(range, 2),
                auto(self.stated, 1)
            ),
            _ => format!(
                "The industry-wide ratio for {} would be the six types' profit ratios weighted by their market shares, but Table 3's cells for {} cannot be read",
                self.year,
                self.average.unreadable.join(" and ")
            ),
        }
    }

    /// What the weighting means for this average (see [`weighting_lean`]).
    pub(crate) fn lean(&self, data: Lookup) -> String {
        match self.average.value {
            Some(value) => {
                weighting_lean(data, "profit_to_sales", &[(self.year, value)], self.stated)
            }
            None => String::new(),
        }
    }
}

pub(crate) fn industry_profit(data: Lookup, year: u16) -> Option<IndustryProfit> {
    let mut status = Status::Clean;
    let stated = read(
        data,
        Dataset::Text,
        "total",
        "profit_to_sales",
        Some(year),
        &mut status,
    )?;
    let average = weighted(data, &TABLE3_SERIES, "profit_to_sales", year);
    let agrees = average
        .range
        .map(|range| range.overlaps(Range::printed(stated)));
    Some(IndustryProfit {
        agrees,
        status: status.weakest(average.status),
        cells: TABLE3_SERIES
            .iter()
            .flat_map(|series| {
                ["profit_to_sales", "domestic_market_share"]
                    .map(|measure| Lookup::key(Dataset::Table3, series, measure, Some(year)))
            })
            .chain([Lookup::key(
                Dataset::Text,
                "total",
                "profit_to_sales",
                Some(year),
            )])
            .collect(),
        average,
        year,
        stated,
    })
}

/// The year of the prose's share for joint stock, limited liability and private firms.
const GROUP_YEAR: u16 = 2004;

/// The Table 3 columns that match the prose's "JSC, LLC and private enterprises" (Table 3 has
/// no limited-liability column).
const GROUP_SERIES: [&str; 3] = ["joint_stock_cooperative", "joint_stock", "private"];

/// "Joint stock, limited liability and private firms held 34% of domestic sales in 2004",
/// against the matching columns of Table 3.
pub(crate) struct GroupShare {
    pub(crate) agrees: bool,
    pub(crate) status: Status,
    pub(crate) cells: Vec<String>,
    stated: f64,
    parts: Vec<f64>,
    sum: f64,
    range: Range,
    /// Collectives' share, and whether adding it reaches the stated share.
    collective: Option<(f64, bool)>,
}

impl GroupShare {
    pub(crate) fn arithmetic(&self) -> String {
        let collective = match self.collective {
            Some((share, _)) => format!(
                "; adding collectives ({}%) gives {}%",
                auto(share, 1),
                auto(self.sum + share, 1)
            ),
            None => String::new(),
        };
        format!(
            "Table 3, {GROUP_YEAR}: joint-stock cooperative + joint stock + private = {} = {}% ({}% given rounding), but the prose says {}%; Table 3 has no limited-liability column{collective}",
            self.parts
                .iter()
                .map(|value| auto(*value, 1))
                .collect::<Vec<_>>()
                .join(" + "),
            auto(self.sum, 1),
            between(self.range, 2),
            auto(self.stated, 1)
        )
    }

    /// Whether counting collectives as well reaches the prose's share.
    pub(crate) fn collectives_reach(&self) -> Option<bool> {
        self.collective.map(|(_, reaches)| reaches)
    }
}

pub(crate) fn jsc_llc_private(data: Lookup) -> Option<GroupShare> {
    let mut status = Status::Clean;
    let stated = read(
        data,
        Dataset::Fig3,
        "jsc_llc_private",
        "share_of_domestic_sales",
        Some(GROUP_YEAR),
        &mut status,
    )?;
    let cells: Vec<_> = GROUP_SERIES
        .iter()
        .map(|series| data.cell(Dataset::Table3, series, "domestic_market_share", GROUP_YEAR))
        .collect();
    let parts: Vec<f64> = cells.iter().map(|cell| cell.value).collect::<Option<_>>()?;
    let status = cells
        .iter()
        .fold(status, |status, cell| status.weakest(cell.status));
    let ranges: Vec<Range> = parts.iter().map(|value| Range::printed(*value)).collect();
    let range = corners(&ranges, |point| point.iter().sum());
    let stated_range = Range::printed(stated);
    let collective = data
        .cell(
            Dataset::Table3,
            "collective",
            "domestic_market_share",
            GROUP_YEAR,
        )
        .value
        .map(|share| {
            let with = Range::printed(share);
            let reaches = stated_range.overlaps(Range {
                low: range.low + with.low,
                high: range.high + with.high,
            });
            (share, reaches)
        });
    Some(GroupShare {
        agrees: range.overlaps(stated_range),
        status,
        cells: GROUP_SERIES
            .iter()
            .chain(&["collective"])
            .map(|series| {
                Lookup::key(
                    Dataset::Table3,
                    series,
                    "domestic_market_share",
                    Some(GROUP_YEAR),
                )
            })
            .chain([Lookup::key(
                Dataset::Fig3,
                "jsc_llc_private",
                "share_of_domestic_sales",
                Some(GROUP_YEAR),
            )])
            .collect(),
        stated,
        sum: parts.iter().sum(),
        parts,
        range,
        collective,
    })
}

/// Foreign and domestic firms' shares of ICT exports in 2004, which must add up to 100%.
pub(crate) struct ExportShares {
    pub(crate) agrees: bool,
    pub(crate) status: Status,
    pub(crate) cells: Vec<String>,
    pub(crate) foreign: f64,
    pub(crate) domestic: f64,
    sum: f64,
    range: Range,
}

impl ExportShares {
    pub(crate) fn arithmetic(&self) -> String {
        format!(
            "{}% + {}% = {}% ({}% given rounding), where foreign and domestic firms together make all exports, 100%",
            auto(self.foreign, 1),
            auto(self.domestic, 1),
            auto(self.sum, 1),
            between(self.range, 2)
        )
    }
}

pub(crate) fn export_shares(data: Lookup) -> Option<ExportShares> {
    let mut status = Status::Clean;
    let foreign = read(
        data,
        Dataset::Fig2,
        "foreign_funded",
        "share_of_exports",
        Some(EXPORTS_YEAR),
        &mut status,
    )?;
    let domestic = read(
        data,
        Dataset::Fig2,
        "domestic_funded",
        "share_of_exports",
        Some(EXPORTS_YEAR),
        &mut status,
    )?;
    let range = corners(&[Range::printed(foreign), Range::printed(domestic)], |v| {
        v[0] + v[1]
    });
    Some(ExportShares {
        agrees: range.low <= 100.0 && 100.0 <= range.high,
        status,
        cells: ["foreign_funded", "domestic_funded"]
            .map(|series| {
                Lookup::key(
                    Dataset::Fig2,
                    series,
                    "share_of_exports",
                    Some(EXPORTS_YEAR),
                )
            })
            .to_vec(),
        foreign,
        domestic,
        sum: foreign + domestic,
        range,
    })
}

/// Foreign firms' net exports in 2004 (29.6 bn US$) said to be 16.7% of their exports, against
/// their 92% share of China's 180 bn US$ of exports.
pub(crate) struct ForeignNetShare {
    pub(crate) agrees: bool,
    pub(crate) status: Status,
    pub(crate) cells: Vec<String>,
    net: f64,
    stated: f64,
    exports: f64,
    foreign_share: f64,
    range: Range,
}

impl ForeignNetShare {
    fn foreign_exports(&self) -> f64 {
        self.exports * self.foreign_share / 100.0
    }

    fn implied(&self) -> f64 {
        self.net / self.foreign_exports() * 100.0
    }

    /// Foreign firms' exports if the stated share were right, and their share of China's.
    fn read_the_other_way(&self) -> (f64, f64) {
        let exports = self.net / (self.stated / 100.0);
        (exports, exports / self.exports * 100.0)
    }

    pub(crate) fn arithmetic(&self) -> String {
        let (exports, share) = self.read_the_other_way();
        format!(
            "foreign firms exported {}% × {} bn US$ = {} bn US$, so net exports of {} bn US$ are {}% of their exports ({}% given rounding); the prose says {}%. Read the other way, {} / {}% = {} bn US$ of foreign firms' exports, {}% of China's {} bn US$, against the {}% share stated",
            auto(self.foreign_share, 1),
            auto(self.exports, 1),
            auto(self.foreign_exports(), 1),
            auto(self.net, 1),
            auto(self.implied(), 1),
            between(self.range, 2),
            auto(self.stated, 1),
            auto(self.net, 1),
            auto(self.stated, 1),
            auto(exports, 1),
            auto(share, 1),
            auto(self.exports, 1),
            auto(self.foreign_share, 1)
        )
    }

    pub(crate) fn explanation(&self) -> String {
        let (exports, share) = self.read_the_other_way();
        let comparison = if share > 100.0 {
            "more than all of China's ICT exports".to_string()
        } else {
            format!("{}% of China's ICT exports", auto(share, 1))
        };
        format!(
            "If net exports of {} billion dollars are {}% of what foreign firms export, those exports come to {} billion dollars, {comparison}, against the {}% share the paper states in the same paragraph. Taking the {}% share instead, net exports would be {}% of foreign firms' exports. The three numbers cannot all be right.",
            auto(self.net, 1),
            auto(self.stated, 1),
            auto(exports, 1),
            auto(self.foreign_share, 1),
            auto(self.foreign_share, 1),
            auto(self.implied(), 1)
        )
    }
}

pub(crate) fn foreign_net_share(data: Lookup) -> Option<ForeignNetShare> {
    let mut status = Status::Clean;
    let net = read(
        data,
        Dataset::Fig2,
        "foreign_funded",
        "net_exports",
        Some(EXPORTS_YEAR),
        &mut status,
    )?;
    let stated = read(
        data,
        Dataset::Fig2,
        "foreign_funded",
        "net_exports_share_of_exports",
        Some(EXPORTS_YEAR),
        &mut status,
    )?;
    let exports = read(
        data,
        Dataset::Fig1,
        "china",
        "exports",
        Some(EXPORTS_YEAR),
        &mut status,
    )?;
    let foreign_share = read(
        data,
        Dataset::Fig2,
        "foreign_funded",
        "share_of_exports",
        Some(EXPORTS_YEAR),
        &mut status,
    )?;
    let range = corners(
        &[
            Range::printed(net),
            Range::printed(exports),
            Range::printed(foreign_share),
        ],
        |v| v[0] / (v[1] * v[2] / 100.0) * 100.0,
    );
    Some(ForeignNetShare {
        agrees: range.overlaps(Range::printed(stated)),
        status,
        cells: vec![
            Lookup::key(
                Dataset::Fig2,
                "foreign_funded",
                "net_exports",
                Some(EXPORTS_YEAR),
            ),
            Lookup::key(
                Dataset::Fig2,
                "foreign_funded",
                "net_exports_share_of_exports",
                Some(EXPORTS_YEAR),
            ),
            Lookup::key(Dataset::Fig1, "china", "exports", Some(EXPORTS_YEAR)),
            Lookup::key(
                Dataset::Fig2,
                "foreign_funded",
                "share_of_exports",
                Some(EXPORTS_YEAR),
            ),
        ],
        net,
        stated,
        exports,
        foreign_share,
        range,
    })
}

/// Domestic firms' trade balance in 2004, worked out two ways from the paper's numbers: from
/// China's net exports minus foreign firms' (what is left must be domestic firms'), and from
/// domestic firms' shares of exports and imports. The paper says they "ran a trade deficit".
pub(crate) struct DomesticBalance {
    /// True when one deficit fits all three: the residual, the shares and the paper's word.
    pub(crate) agrees: bool,
    pub(crate) status: Status,
    pub(crate) cells: Vec<String>,
    exports: f64,
    net: f64,
    foreign_net: f64,
    export_share: f64,
    import_share: f64,
    /// China's net exports minus foreign firms', with the range rounding allows.
    residual: Range,
    /// Domestic firms' net exports from their shares, with the range rounding allows.
    from_shares: Range,
    /// Foreign firms' net exports implied by the shares, with the range rounding allows.
    implied_foreign: Range,
}

impl DomesticBalance {
    fn imports(&self) -> f64 {
        self.exports - self.net
    }

    fn domestic_exports(&self) -> f64 {
        self.export_share / 100.0 * self.exports
    }

    fn domestic_imports(&self) -> f64 {
        self.import_share / 100.0 * self.imports()
    }

    fn domestic_net(&self) -> f64 {
        self.domestic_exports() - self.domestic_imports()
    }

    fn residual_value(&self) -> f64 {
        self.net - self.foreign_net
    }

    fn implied_foreign_value(&self) -> f64 {
        self.net - self.domestic_net()
    }

    /// The residual allows no deficit at all, even at rounding's extremes.
    pub(crate) fn residual_is_surplus(&self) -> bool {
        self.residual.low >= 0.0
    }

    pub(crate) fn arithmetic(&self) -> String {
        format!(
            "China's imports = {} − {} = {} bn US$. Domestic firms exported {}% × {} = {} and imported {}% × {} = {} bn US$: net {} bn US$ ({} given rounding). China's net exports minus foreign firms' leave domestic firms {} − {} = {} bn US$ ({} given rounding). The shares put foreign firms' net exports at {} − ({}) = {} bn US$ ({} given rounding), against {} stated",
            auto(self.exports, 1),
            auto(self.net, 1),
            auto(self.imports(), 1),
            auto(self.export_share, 1),
            auto(self.exports, 1),
            auto(self.domestic_exports(), 1),
            auto(self.import_share, 1),
            auto(self.imports(), 1),
            auto(self.domestic_imports(), 1),
            auto(self.domestic_net(), 1),
            between(self.from_shares, 2),
            auto(self.net, 1),
            auto(self.foreign_net, 1),
            auto(self.residual_value(), 1),
            between(self.residual, 2),
            auto(self.net, 1),
            auto(self.domestic_net(), 1),
            auto(self.implied_foreign_value(), 1),
            between(self.implied_foreign, 2),
            auto(self.foreign_net, 1)
        )
    }

    pub(crate) fn explanation(&self) -> String {
        let residual = balance_words(self.residual_value());
        let shares = balance_words(self.domestic_net());
        let word = if self.residual_value() >= 0.0 {
            ", not the deficit the paper describes"
        } else {
            ""
        };
        format!(
            "The paper says domestic firms 'ran a trade deficit' in {EXPORTS_YEAR}. China's ICT net exports of {} billion dollars minus foreign-invested firms' {} billion leave domestic firms {residual}{word}. Domestic firms' own shares of trade ({}% of exports, {}% of imports, where imports are exports minus net exports) give {shares} instead, which would put foreign firms' net exports at {} billion dollars, not {}. Rounding cannot close the gap, so foreign firms' net exports, China's, or one of the shares must be wrong.",
            auto(self.net, 1),
            auto(self.foreign_net, 1),
            auto(self.export_share, 1),
            auto(self.import_share, 1),
            auto(self.implied_foreign_value(), 1),
            auto(self.foreign_net, 1)
        )
    }
}

pub(crate) fn domestic_balance(data: Lookup) -> Option<DomesticBalance> {
    let mut status = Status::Clean;
    let year = Some(EXPORTS_YEAR);
    let exports = read(data, Dataset::Fig1, "china", "exports", year, &mut status)?;
    let net = read(
        data,
        Dataset::Fig1,
        "china",
        "net_exports",
        year,
        &mut status,
    )?;
    let foreign_net = read(
        data,
        Dataset::Fig2,
        "foreign_funded",
        "net_exports",
        year,
        &mut status,
    )?;
    let export_share = read(
        data,
        Dataset::Fig2,
        "domestic_funded",
        "share_of_exports",
        year,
        &mut status,
    )?;
    let import_share = read(
        data,
        Dataset::Fig2,
        "domestic_funded",
        "share_of_imports",
        year,
        &mut status,
    )?;
    let [exports_range, net_range, foreign_range, export_share_range, import_share_range] =
        [exports, net, foreign_net, export_share, import_share].map(Range::printed);
    // Domestic net exports = share of exports × exports − share of imports × (exports − net).
    let domestic = |v: &[f64]| v[2] / 100.0 * v[0] - v[3] / 100.0 * (v[0] - v[1]);
    let inputs = [
        exports_range,
        net_range,
        export_share_range,
        import_share_range,
    ];
    let from_shares = corners(&inputs, domestic);
    let implied_foreign = corners(&inputs, |v| v[1] - domestic(v));
    let residual = corners(&[net_range, foreign_range], |v| v[0] - v[1]);
    // One deficit must fit both ranges: below zero and inside their overlap.
    let agrees = residual.low.max(from_shares.low) < residual.high.min(from_shares.high).min(0.0);
    Some(DomesticBalance {
        agrees,
        status,
        cells: vec![
            Lookup::key(Dataset::Fig1, "china", "exports", year),
            Lookup::key(Dataset::Fig1, "china", "net_exports", year),
            Lookup::key(Dataset::Fig2, "foreign_funded", "net_exports", year),
            Lookup::key(Dataset::Fig2, "domestic_funded", "share_of_exports", year),
            Lookup::key(Dataset::Fig2, "domestic_funded", "share_of_imports", year),
        ],
        exports,
        net,
        foreign_net,
        export_share,
        import_share,
        residual,
        from_shares,
        implied_foreign,
    })
}

/// The year of the revenues the prose quotes for Lenovo and its rivals.
const REVENUE_YEAR: u16 = 2006;

/// "Lenovo is one-ninth the size of IBM" (or one-fifth of Dell), against the revenues the prose
/// quotes in the same sentence.
pub(crate) struct SizeRatio {
    pub(crate) agrees: bool,
    pub(crate) status: Status,
    pub(crate) cells: Vec<String>,
    pub(crate) stated: f64,
    pub(crate) ratio: f64,
    lenovo: f64,
    revenue: f64,
    range: Range,
}

impl SizeRatio {
    pub(crate) fn arithmetic(&self) -> String {
        format!(
            "{} / {} = {} times ({} given rounding); the prose says {} times",
            auto(self.revenue, 1),
            auto(self.lenovo, 1),
            auto(self.ratio, 2),
            between(self.range, 2),
            auto(self.stated, 1)
        )
    }
}

pub(crate) fn size_ratio(data: Lookup, rival: &str) -> Option<SizeRatio> {
    let mut status = Status::Clean;
    let year = Some(REVENUE_YEAR);
    let lenovo = read(data, Dataset::Text, "lenovo", "revenue", year, &mut status)?;
    let revenue = read(data, Dataset::Text, rival, "revenue", year, &mut status)?;
    let stated = read(
        data,
        Dataset::Text,
        rival,
        "size_multiple_of_lenovo",
        year,
        &mut status,
    )?;
    let range = corners(&[Range::printed(revenue), Range::printed(lenovo)], |v| {
        v[0] / v[1]
    });
    Some(SizeRatio {
        agrees: range.overlaps(Range::printed(stated)),
        status,
        cells: vec![
            Lookup::key(Dataset::Text, "lenovo", "revenue", year),
            Lookup::key(Dataset::Text, rival, "revenue", year),
            Lookup::key(Dataset::Text, rival, "size_multiple_of_lenovo", year),
        ],
        stated,
        ratio: revenue / lenovo,
        lenovo,
        revenue,
        range,
    })
}

/// The years the prose gives China's ICT output for.
const OUTPUT_YEARS: [u16; 2] = [2003, 2005];

/// China's ICT output in one year against its ICT exports: a country cannot export more than
/// it produces.
pub(crate) struct OutputCheck {
    /// The output is below exports even at rounding's extremes.
    pub(crate) below: bool,
    pub(crate) status: Status,
    pub(crate) cells: Vec<String>,
    year: u16,
    output: f64,
    exports: f64,
    market: Option<f64>,
    world_share: Option<f64>,
    /// The other output year and value, for the growth the paper's own figures show.
    other: Option<(u16, f64)>,
}

impl OutputCheck {
    /// How many times exports exceed output.
    pub(crate) fn times(&self) -> f64 {
        self.exports / self.output
    }

    /// This year's output against exports, and the world output it implies.
    fn core(&self) -> String {
        let world = self
            .world_share
            .map(|share| {
                format!(
                    "; implied world output {} / {}% = {} bn US$",
                    auto(self.output, 1),
                    auto(share, 1),
                    auto(self.output / (share / 100.0), 0)
                )
            })
            .unwrap_or_default();
        format!(
            "output {} bn US$ ({}) against exports of {} bn US$ ({EXPORTS_YEAR}): exports {} times output{world}",
            auto(self.output, 1),
            self.year,
            auto(self.exports, 1),
            auto(self.times(), 1)
        )
    }

    /// The domestic market and the years, the same for every output year.
    fn context(&self) -> String {
        let mut context = Vec::new();
        if let Some(market) = self.market {
            context.push(format!(
                "the domestic market alone was {} bn US$ in {MARKET_YEAR}",
                auto(market, 1)
            ));
        }
        if let Some((other_year, other)) = self.other {
            let ((early_year, early), (late_year, late)) = if other_year < self.year {
                ((other_year, other), (self.year, self.output))
            } else {
                ((self.year, self.output), (other_year, other))
            };
            let growth = auto((late / early - 1.0) * 100.0, 0);
            if early_year < EXPORTS_YEAR && EXPORTS_YEAR < late_year && late < self.exports {
                context.push(format!(
                    "the exports are for {EXPORTS_YEAR}, between the two output years; the paper's output figures rise by {growth}% from {early_year} to {late_year}, so output in {EXPORTS_YEAR}, presumably between the two, would also be far below exports"
                ));
            } else {
                context.push(format!(
                    "the paper gives exports for {EXPORTS_YEAR} only; its output figures change by {growth}% from {early_year} to {late_year}"
                ));
            }
        }
        context.join("; ")
    }

    pub(crate) fn arithmetic(&self) -> String {
        output_arithmetic(&[self])
    }
}

/// The arithmetic of one or more output years: each year's comparison, then what they share.
fn output_arithmetic(checks: &[&OutputCheck]) -> String {
    let mut parts: Vec<String> = checks.iter().map(|check| check.core()).collect();
    if let Some(first) = checks.first() {
        let context = first.context();
        if !context.is_empty() {
            parts.push(context);
        }
    }
    parts.join("; ")
}

pub(crate) fn output_against_exports(data: Lookup, year: u16) -> Option<OutputCheck> {
    let mut status = Status::Clean;
    let output = read(
        data,
        Dataset::Text,
        "china",
        "ict_output",
        Some(year),
        &mut status,
    )?;
    let exports = read(
        data,
        Dataset::Fig1,
        "china",
        "exports",
        Some(EXPORTS_YEAR),
        &mut status,
    )?;
    let market = prose(
        data,
        Dataset::Text,
        "china",
        "ict_market_sales",
        Some(MARKET_YEAR),
    );
    let world_share = prose(
        data,
        Dataset::Text,
        "china",
        "world_output_share",
        Some(year),
    );
    let other = OUTPUT_YEARS
        .iter()
        .find(|&&other| other != year)
        .and_then(|&other| {
            prose(data, Dataset::Text, "china", "ict_output", Some(other))
                .map(|value| (other, value))
        });
    let mut cells = vec![
        Lookup::key(Dataset::Text, "china", "ict_output", Some(year)),
        Lookup::key(Dataset::Fig1, "china", "exports", Some(EXPORTS_YEAR)),
    ];
    if market.is_some() {
        cells.push(Lookup::key(
            Dataset::Text,
            "china",
            "ict_market_sales",
            Some(MARKET_YEAR),
        ));
    }
    if world_share.is_some() {
        cells.push(Lookup::key(
            Dataset::Text,
            "china",
            "world_output_share",
            Some(year),
        ));
    }
    Some(OutputCheck {
        below: Range::printed(output).high < Range::printed(exports).low,
        status,
        cells,
        year,
        output,
        exports,
        market,
        world_share,
        other,
    })
}

/// "twice" for 2, "3 times" otherwise, as the prose words a multiple.
fn times_words(multiple: f64) -> String {
    if multiple == 2.0 {
        "twice".to_string()
    } else {
        format!("{} times", auto(multiple, 1))
    }
}

/// Numbers in the prose that cite a table but do not match it.
fn prose_against_tables(data: Lookup, findings: &mut Vec<Finding>) {
    // State-controlled firms' average share of domestic assets, 2003–2005.
    if let Some(check) = sce_average(data) {
        if !check.agrees {
            findings.push(Finding {
                id: "text-sce-average-vs-table1".to_string(),
                severity: Severity::Warning,
                title: "The prose's average state-controlled share does not match Table 1".to_string(),
                dataset: Dataset::Table1,
                cells: check.cells.clone(),
                numbers: check.arithmetic(),
                explanation: format!(
                    "The paper gives an average for {}–{} that the two years Table 1 prints do not produce, even allowing for rounding. It may include the years between, which the table leaves out, so treat the average as approximate.",
                    SCE_YEARS[0], SCE_YEARS[1]
                ),
            });
        }
    }

    // FDI in the year of WTO entry.
    if let Some(check) = wto_fdi(data) {
        if !check.agrees {
            let unprinted: Vec<String> = check
                .table
                .iter()
                .filter(|(_, value)| value.is_none())
                .map(|(year, _)| year.to_string())
                .collect();
            let unprinted = if unprinted.is_empty() {
                String::new()
            } else {
                format!(" Table 2 prints no value for {}.", unprinted.join(" or "))
            };
            findings.push(Finding {
                id: "text-fdi-wto-vs-table2".to_string(),
                severity: Severity::Warning,
                title: "FDI at WTO entry: the prose and Table 2 differ".to_string(),
                dataset: Dataset::Table2,
                cells: check.cells.clone(),
                numbers: check.arithmetic(),
                explanation: format!(
                    "{}{unprinted} Whichever date is meant, the table does not give the prose's figure: {}, more than rounding explains. The figure may come from another source, or belong to another year.",
                    check.dates(),
                    check.gaps()
                ),
            });
        }
    }

    // FDI more than twice government investment, 1990–2002, against what Table 2 can hold.
    if let Some(check) = fdi_vs_government(data) {
        if check.total.reach == Reach::Beyond {
            findings.push(Finding {
                id: "text-fdi-vs-government-investment".to_string(),
                severity: Severity::Warning,
                title: format!(
                    "FDI 'more than {}' government investment is more than Table 2 allows",
                    times_words(check.multiple)
                ),
                dataset: Dataset::Table2,
                cells: check.cells.clone(),
                numbers: check.arithmetic(),
                explanation: format!(
                    "The officials' estimate needs more than {} million dollars of FDI over {}–{}. Table 2's yearly figures cannot add up to that, {}: they would reach at most {} million. The estimate may count a wider industry, or committed rather than utilised investment.",
                    number(check.total.needed, 0),
                    GOVERNMENT_YEARS.0,
                    GOVERNMENT_YEARS.1,
                    check.total.bound.assumption(),
                    number(check.total.bound.bound, 0)
                ),
            });
        }
    }

    // Accumulated FDI of more than 100 billion dollars by 2005.
    if let Some(check) = fdi_accumulated(data) {
        let stated = auto(check.stated_billion, 1);
        let bound = &check.total.bound;
        let finding = match check.total.reach {
            Reach::Beyond => Some((
                Severity::Warning,
                format!("Accumulated FDI of more than {stated} bn US$ is more than Table 2 allows"),
                format!(
                    "Table 2's yearly figures cannot add up to the stated total, {}: counted from {}, they would reach at most {} million dollars, against more than {} million stated. The total probably counts more than ICT manufacturing, or earlier years.",
                    bound.assumption(),
                    ACCUMULATED_YEARS.0,
                    number(bound.bound, 0),
                    number(check.total.needed, 0)
                ),
            )),
            Reach::Barely => Some((
                Severity::Info,
                format!("Accumulated FDI of more than {stated} bn US$ is barely reachable from Table 2"),
                format!(
                    "Counted from {}, Table 2's yearly figures reach the stated total only {}: then they come to {} million dollars, less than {}% above the {} million stated. The total probably counts more than ICT manufacturing, or earlier years.",
                    ACCUMULATED_YEARS.0,
                    bound.assumption().trim_start_matches("even "),
                    number(bound.bound, 0),
                    auto(BARELY_MARGIN * 100.0, 0),
                    number(check.total.needed, 0)
                ),
            )),
            Reach::Within => None,
        };
        if let Some((severity, title, explanation)) = finding {
            findings.push(Finding {
                id: "text-fdi-accumulated-vs-table2".to_string(),
                severity,
                title,
                dataset: Dataset::Table2,
                cells: check.cells.clone(),
                numbers: check.arithmetic(),
                explanation,
            });
        }
    }

    table3_in_prose(data, findings);
}

/// The prose's industry-wide readings of Table 3.
fn table3_in_prose(data: Lookup, findings: &mut Vec<Finding>) {
    // Whole-industry profit over sales, in each year the prose gives it.
    for year in TABLE3_YEARS {
        let Some(check) = industry_profit(data, year) else {
            continue;
        };
        let Some(average) = check.average.value else {
            continue;
        };
        if check.agrees != Some(false) {
            continue;
        }
        let matching: Vec<&str> = TABLE3_SERIES
            .iter()
            .filter(|series| {
                data.cell(Dataset::Table3, series, "profit_to_sales", year)
                    .value
                    == Some(check.stated)
            })
            .map(|series| crate::data::series_label(series))
            .collect();
        let coincidence = if matching.is_empty() {
            String::new()
        } else {
            format!(
                " The stated {}% is the {} column's own value for {year}, which may be where it came from.",
                auto(check.stated, 1),
                matching.join(" and ")
            )
        };
        let gap = check.stated - average;
        findings.push(Finding {
            id: format!("text-industry-profit-{year}-vs-table3"),
            severity: Severity::Warning,
            title: format!("Industry profit over sales in {year}: the prose and Table 3 differ"),
            dataset: Dataset::Table3,
            cells: check.cells.clone(),
            numbers: check.arithmetic(),
            explanation: format!(
                "Table 3 has no column for the whole industry, but an industry-wide ratio must lie among the types' ratios, close to their average weighted by market share. That average is {} points {} the figure the prose gives, more than rounding explains.{coincidence} {}",
                auto(gap.abs(), 2),
                if gap > 0.0 { "below" } else { "above" },
                check.lean(data)
            ),
        });
    }

    // Joint stock, limited liability and private firms' share of domestic sales in 2004.
    if let Some(check) = jsc_llc_private(data) {
        if !check.agrees {
            let collectives = match check.collectives_reach() {
                Some(true) => "and the types it does have add up to the stated share only if collectives are counted as well, so the paper seems to group the types differently from its table.",
                Some(false) => "and the types it does have do not add up to the stated share even with collectives counted as well, so the paper's figure may come from another source.",
                None => "and collectives' share cannot be read to see whether counting them closes the gap.",
            };
            findings.push(Finding {
                id: "text-jsc-llc-private-2004-vs-table3".to_string(),
                severity: Severity::Warning,
                title: format!(
                    "Non-state domestic firms' market share in {GROUP_YEAR}: the prose and Table 3 differ"
                ),
                dataset: Dataset::Table3,
                cells: check.cells.clone(),
                numbers: check.arithmetic(),
                explanation: format!(
                    "The prose names joint stock, limited liability and private firms. Table 3 has no limited-liability column, {collectives}"
                ),
            });
        }
    }
    // Private firms' share of domestic sales.
    if let Some(stated) = prose(
        data,
        Dataset::Fig3,
        "private",
        "share_of_domestic_sales",
        None,
    ) {
        let printed: Vec<(u16, f64)> = TABLE3_YEARS
            .iter()
            .filter_map(|&year| {
                data.cell(Dataset::Table3, "private", "domestic_market_share", year)
                    .value
                    .map(|value| (year, value))
            })
            .collect();
        if !printed.is_empty()
            && printed
                .iter()
                .all(|(_, value)| (value - stated).abs() > 0.05)
        {
            findings.push(Finding {
                id: "text-private-domestic-sales-vs-table3".to_string(),
                severity: Severity::Info,
                title: "Private firms' share of domestic sales matches no year of Table 3".to_string(),
                dataset: Dataset::Table3,
                cells: TABLE3_YEARS
                    .iter()
                    .map(|&year| Lookup::key(Dataset::Table3, "private", "domestic_market_share", Some(year)))
                    .chain([Lookup::key(Dataset::Fig3, "private", "share_of_domestic_sales", None)])
                    .collect(),
                numbers: format!(
                    "footnote 20: {}%; Table 3: {}",
                    auto(stated, 1),
                    printed.iter().map(|(year, value)| format!("{} in {year}", auto(*value, 1))).collect::<Vec<_>>().join(", ")
                ),
                explanation: "The footnote gives no year, and none of Table 3's years prints this value. It may come from Figure 3's data or another year.".to_string(),
            });
        }
    }
}

/// Prose numbers that contradict other prose numbers.
fn prose_against_prose(data: Lookup, findings: &mut Vec<Finding>) {
    // Foreign and domestic firms' shares of 2004 exports.
    if let Some(check) = export_shares(data) {
        if !check.agrees {
            let over = check.foreign + check.domestic > 100.0;
            findings.push(Finding {
                id: format!(
                    "fig2-export-shares-{}-100",
                    if over { "over" } else { "under" }
                ),
                severity: Severity::Warning,
                title: format!(
                    "{EXPORTS_YEAR} export shares of foreign and domestic firms add up to {} than 100%",
                    if over { "more" } else { "less" }
                ),
                dataset: Dataset::Fig2,
                cells: check.cells.clone(),
                numbers: check.arithmetic(),
                explanation: format!(
                    "Every exporting firm is either foreign invested or domestic, so their shares should add up to 100%. Within one page the paper gives {}% and {}% for the same year; one of them is wrong, or the two come from different sources.",
                    auto(check.foreign, 1),
                    auto(check.domestic, 1)
                ),
            });
        }
    }

    // Foreign firms' net exports as a share of their exports, against China's total exports.
    if let Some(check) = foreign_net_share(data) {
        if !check.agrees {
            findings.push(Finding {
                id: "fig2-foreign-net-exports-inconsistent".to_string(),
                severity: Severity::Warning,
                title: "Foreign firms' net exports imply a different export share than stated"
                    .to_string(),
                dataset: Dataset::Fig2,
                cells: check.cells.clone(),
                numbers: check.arithmetic(),
                explanation: check.explanation(),
            });
        }
    }

    // Domestic firms' "trade deficit" against China's and foreign firms' net exports.
    if let Some(check) = domestic_balance(data) {
        if !check.agrees {
            findings.push(Finding {
                id: "fig2-domestic-deficit-vs-net-exports".to_string(),
                severity: Severity::Warning,
                title: if check.residual_is_surplus() {
                    format!("Domestic firms 'ran a trade deficit' in {EXPORTS_YEAR}, but the paper's net exports leave them a surplus")
                } else {
                    format!("Foreign firms' net exports in {EXPORTS_YEAR} disagree with domestic firms' shares of trade")
                },
                dataset: Dataset::Fig2,
                cells: check.cells.clone(),
                numbers: check.arithmetic(),
                explanation: check.explanation(),
            });
        }
    }

    // Lenovo against IBM and Dell.
    for rival in ["ibm", "dell"] {
        let Some(check) = size_ratio(data, rival) else {
            continue;
        };
        if !check.agrees {
            let name = crate::data::series_label(rival);
            findings.push(Finding {
                id: format!("text-lenovo-vs-{rival}"),
                severity: Severity::Warning,
                title: format!(
                    "Lenovo is not 1/{} the size of {name} on the paper's own numbers",
                    auto(check.stated, 1)
                ),
                dataset: Dataset::Text,
                cells: check.cells.clone(),
                numbers: check.arithmetic(),
                explanation: format!(
                    "With the revenues the paper quotes in the same sentence, {name} is about {} times Lenovo's size, not {}. The ratio and the revenues cannot both be right.",
                    auto(check.ratio, 1),
                    auto(check.stated, 1)
                ),
            });
        }
    }

    // Computers called 'the majority' of exports at under half.
    if let Some(share) = prose(
        data,
        Dataset::Text,
        "computers",
        "share_of_ict_exports",
        Some(EXPORTS_YEAR),
    ) {
        if share < 50.0 {
            findings.push(Finding {
                id: "text-computers-majority".to_string(),
                severity: Severity::Info,
                title: "Computers are called 'the majority' of exports at less than half".to_string(),
                dataset: Dataset::Text,
                cells: vec![Lookup::key(Dataset::Text, "computers", "share_of_ict_exports", Some(EXPORTS_YEAR))],
                numbers: format!("{}% < 50%", auto(share, 1)),
                explanation: format!(
                    "A majority means more than half. At {}%, computers made up less than half of ICT exports: perhaps the largest single group, but not a majority.",
                    auto(share, 1)
                ),
            });
        }
    }

    // The ranking of top exporters, listed in an order their values do not follow.
    const LISTED_ORDER: [&str; 5] = ["hongfujin", "fengda", "asustek", "motorola", "samsung"];
    let exports: Option<Vec<f64>> = LISTED_ORDER
        .iter()
        .map(|firm| prose(data, Dataset::Text, firm, "exports", Some(2005)))
        .collect();
    if let Some(exports) = exports {
        for (pair, names) in exports.windows(2).zip(LISTED_ORDER.windows(2)) {
            if pair[1] > pair[0] {
                findings.push(Finding {
                    id: format!("text-exporter-order-{}-{}", names[0], names[1]),
                    severity: Severity::Info,
                    title: format!("{} is listed before {}, which exported more", crate::data::series_label(names[0]), crate::data::series_label(names[1])),
                    dataset: Dataset::Text,
                    cells: names.iter().map(|firm| Lookup::key(Dataset::Text, firm, "exports", Some(2005))).collect(),
                    numbers: format!("{} bn US$ < {} bn US$", auto(pair[0], 1), auto(pair[1], 1)),
                    explanation: "The paper lists China's top exporters as a ranking, but these two appear in the wrong order for the values it gives.".to_string(),
                });
            }
        }
    }

    // Output that is smaller than exports.
    let below: Vec<OutputCheck> = OUTPUT_YEARS
        .iter()
        .filter_map(|&year| output_against_exports(data, year))
        .filter(|check| check.below)
        .collect();
    if !below.is_empty() {
        let mut cells: Vec<String> = Vec::new();
        for key in below.iter().flat_map(|check| check.cells.iter()) {
            if !cells.contains(key) {
                cells.push(key.clone());
            }
        }
        let ratios = below
            .iter()
            .map(|check| format!("{} times its {} output", auto(check.times(), 1), check.year))
            .collect::<Vec<_>>()
            .join(" and ");
        let largest_output = below
            .iter()
            .map(|check| check.output)
            .fold(f64::MIN, f64::max);
        let market = prose(data, Dataset::Text, "china", "ict_market_sales", Some(MARKET_YEAR))
            .filter(|market| *market > largest_output)
            .map(|market| {
                format!(
                    ", and its {MARKET_YEAR} domestic market alone ({} bn US$) is larger than the output figures too",
                    auto(market, 1)
                )
            })
            .unwrap_or_default();
        let factor = below
            .iter()
            .map(OutputCheck::times)
            .fold(f64::MAX, f64::min);
        findings.push(Finding {
            id: "text-output-smaller-than-exports".to_string(),
            severity: Severity::Warning,
            title: "China's ICT output is quoted as smaller than its ICT exports".to_string(),
            dataset: Dataset::Text,
            cells,
            numbers: output_arithmetic(&below.iter().collect::<Vec<_>>()),
            explanation: format!(
                "A country cannot export more than it produces, yet the paper's {EXPORTS_YEAR} exports are {ratios}{market}. The output figures, and the world totals they imply, are most likely too small by a factor of about {} or more (a unit or a decimal point lost); the shares of world output may still be right.",
                auto(factor, 0)
            ),
        });
    }
}

/// Table 5: repeated values in neighbouring rows, and a value far above the rest.
fn table5_oddities(data: Lookup, findings: &mut Vec<Finding>) {
    let countries = crate::data::series(Dataset::Table5);
    for measure in ["electronic_telecom", "computers_office"] {
        let rows: Vec<(&str, &crate::data::Datum)> = countries
            .iter()
            .filter_map(|country| {
                data.data()
                    .iter()
                    .find(|d| {
                        d.dataset == Dataset::Table5 && d.series == *country && d.measure == measure
                    })
                    .map(|d| (*country, d))
            })
            .collect();
        for pair in rows.windows(2) {
            let (first, second) = (pair[0].1, pair[1].1);
            if first.value().is_some() && first.value() == second.value() {
                findings.push(Finding {
                    id: format!("table5-repeated-{measure}-{}-{}", pair[0].0, pair[1].0),
                    severity: Severity::Info,
                    title: format!("Table 5: {} and {} print the same value", crate::data::series_label(pair[0].0), crate::data::series_label(pair[1].0)),
                    dataset: Dataset::Table5,
                    cells: vec![first.key(), second.key()],
                    numbers: format!("{}% and {}%", auto(first.value().unwrap_or_default(), 1), auto(second.value().unwrap_or_default(), 1)),
                    explanation: "Two neighbouring countries share exactly the same ratio. That can happen, but it is also a common typesetting slip (a value copied into the next row), so this pair is worth checking against the original source.".to_string(),
                });
            }
        }
        let mut values: Vec<(&str, f64, String)> = rows
            .iter()
            .filter_map(|(country, datum)| {
                datum.value().map(|value| (*country, value, datum.key()))
            })
            .collect();
        values.sort_by(|a, b| b.1.total_cmp(&a.1));
        if let [largest, second, ..] = values.as_slice() {
            if largest.1 > 2.0 * second.1 {
                findings.push(Finding {
                    id: format!("table5-outlier-{measure}-{}", largest.0),
                    severity: Severity::Info,
                    title: format!("Table 5: {}'s ratio is far above every other country's", crate::data::series_label(largest.0)),
                    dataset: Dataset::Table5,
                    cells: vec![largest.2.clone(), second.2.clone()],
                    numbers: format!("{}% against the next highest, {}%", auto(largest.1, 1), auto(second.1, 1)),
                    explanation: format!(
                        "R&D spending of {}% of value added, {} times the next highest country's, is unusual; the value is legible in the print, but it may be a misprint in the paper's source. Comparisons with it should be made with care.",
                        auto(largest.1, 1),
                        auto(largest.1 / second.1, 1)
                    ),
                });
            }
        }
    }
}
