//! Cross-checks between the tables, and between the tables and the prose.
//!
//! Each check reads the data through a [`Lookup`], so the tests can run it on altered copies and
//! see it fail. Printed numbers are treated as rounded: a value printed as `13` may be anything
//! from 12.5 to 13.5, and a check only reports a disagreement that rounding cannot explain.

use crate::data::{Dataset, Lookup, Status, TABLE1_YEARS, TABLE3_SERIES, TABLE3_YEARS};
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
            series: &[
                "foreign_funded",
                "state_owned",
                "collective",
                "joint_stock",
                "private",
            ],
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
            let slack: f64 = values.iter().map(|value| half_unit(*value)).sum();
            let weakest = cells
                .iter()
                .fold(Status::Clean, |status, cell| status.weakest(cell.status));
            let caveat = if weakest > Status::Corrected {
                " One of the cells is a best guess from garbled print, so the sum is uncertain too."
            } else {
                ""
            };
            let arithmetic = format!(
                "{} = {}% (rounding allows ±{})",
                values
                    .iter()
                    .map(|value| auto(*value, 1))
                    .collect::<Vec<_>>()
                    .join(" + "),
                auto(sum, 1),
                auto(slack, 2)
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
                    title: format!("{year}: the shares of {} add up to more than 100%", block.whole),
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
                        "{year}: the listed shares of {} add up to {}%",
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
    const TYPES: [&str; 5] = [
        "foreign_funded",
        "state_owned",
        "collective",
        "joint_stock",
        "private",
    ];
    for year in TABLE1_YEARS {
        let counts: Option<Vec<f64>> = TYPES
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
            let mut cells: Vec<String> = TYPES
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

/// Table 1 labels total assets as billion yuan; with that unit the industry would be absurdly
/// large next to the output the prose quotes.
fn total_assets_unit(data: Lookup, findings: &mut Vec<Finding>) {
    let year = 2005;
    let assets = data.cell(Dataset::Table1, "total", "total_assets", year);
    let firms = data.cell(Dataset::Table1, "total", "firms", year);
    let output = data
        .get(Dataset::Text, "china", "ict_output", Some(year))
        .and_then(|datum| datum.value());
    let (Some(assets), Some(firms), Some(output_usd)) = (assets.value, firms.value, output) else {
        return;
    };
    let output_yuan = output_usd * YUAN_PER_DOLLAR;
    let assets_to_output = assets / output_yuan;
    if assets_to_output > 20.0 {
        findings.push(Finding {
            id: "table1-total-assets-unit".to_string(),
            severity: Severity::Warning,
            title: "Table 1's total assets are implausibly large in 'billion yuan'".to_string(),
            dataset: Dataset::Table1,
            cells: vec![
                Lookup::key(Dataset::Table1, "total", "total_assets", Some(year)),
                Lookup::key(Dataset::Table1, "total", "firms", Some(year)),
                Lookup::key(Dataset::Text, "china", "ict_output", Some(year)),
            ],
            numbers: format!(
                "{} bn yuan of assets against output of {} bn US$ × {} = {} bn yuan: assets {} times a year's output; {} bn yuan per firm over {} firms",
                number(assets, 0),
                auto(output_usd, 1),
                YUAN_PER_DOLLAR,
                number(output_yuan, 0),
                number(assets_to_output, 0),
                auto(assets / firms, 2),
                number(firms, 0)
            ),
            explanation: "Taken at its label, the industry's assets in 2005 would be over a hundred times its yearly output, and the average firm would hold more than a billion yuan. Chinese yearbooks usually report money in units of 100 million yuan (yi yuan); read that way, every total-asset figure is ten times smaller. The shares in the table are unaffected, but derived assets are shown with this caveat.".to_string(),
        });
    }
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

/// Numbers in the prose that cite a table but do not match it.
fn prose_against_tables(data: Lookup, findings: &mut Vec<Finding>) {
    // State-controlled firms' average share of domestic assets, 2003–2005.
    let sce = [2003, 2005].map(|year| {
        data.cell(
            Dataset::Table1,
            "state_controlled",
            "share_domestic_assets",
            year,
        )
        .value
    });
    if let ([Some(first), Some(last)], Some(stated)) = (
        sce,
        prose(
            data,
            Dataset::Text,
            "state_controlled",
            "share_domestic_assets_average_2003_2005",
            None,
        ),
    ) {
        let mean = (first + last) / 2.0;
        let mean_range = Range {
            low: (first + last - 1.0) / 2.0,
            high: (first + last + 1.0) / 2.0,
        };
        if !mean_range.overlaps(Range::printed(stated)) {
            findings.push(Finding {
                id: "text-sce-average-vs-table1".to_string(),
                severity: Severity::Warning,
                title: "The prose's average state-controlled share does not match Table 1".to_string(),
                dataset: Dataset::Table1,
                cells: vec![
                    Lookup::key(Dataset::Table1, "state_controlled", "share_domestic_assets", Some(2003)),
                    Lookup::key(Dataset::Table1, "state_controlled", "share_domestic_assets", Some(2005)),
                    Lookup::key(Dataset::Text, "state_controlled", "share_domestic_assets_average_2003_2005", None),
                ],
                numbers: format!("({} + {}) / 2 = {}%, but the prose says {}%", auto(first, 1), auto(last, 1), auto(mean, 1), auto(stated, 1)),
                explanation: "The paper gives an average for 2003–2005 that the two years Table 1 prints do not produce. It may include 2004, which the table leaves out, so treat the average as approximate.".to_string(),
            });
        }
    }

    // FDI in the year of WTO entry.
    let table_2001 = data
        .cell(Dataset::Table2, "fdi", "actual_utilized", 2001)
        .value;
    if let (Some(table_million), Some(stated_billion)) = (
        table_2001,
        prose(data, Dataset::Text, "fdi", "actual_utilized", Some(2000)),
    ) {
        let table_billion = table_million / 1000.0;
        if !Range::printed(stated_billion).overlaps(Range {
            low: table_billion - 0.0005,
            high: table_billion + 0.0005,
        }) {
            findings.push(Finding {
                id: "text-fdi-wto-vs-table2".to_string(),
                severity: Severity::Warning,
                title: "FDI at WTO entry: the prose and Table 2 differ".to_string(),
                dataset: Dataset::Table2,
                cells: vec![Lookup::key(Dataset::Table2, "fdi", "actual_utilized", Some(2001)), Lookup::key(Dataset::Text, "fdi", "actual_utilized", Some(2000))],
                numbers: format!(
                    "prose: {} bn US$ 'when China joined the WTO in 2000'; Table 2: {} m US$ = {} bn US$ in 2001, and no value for 2000",
                    auto(stated_billion, 2),
                    number(table_million, 0),
                    auto(table_billion, 3)
                ),
                explanation: "China joined the WTO in December 2001. The prose dates the entry to 2000 and quotes a figure Table 2 does not contain; the nearest table year, 2001, is about 0.1 billion dollars lower.".to_string(),
            });
        }
    }

    // FDI more than twice government investment, 1990–2002, against what Table 2 can hold.
    let government = prose(
        data,
        Dataset::Text,
        "government",
        "ict_investment_1990_2002",
        None,
    );
    let multiple = prose(
        data,
        Dataset::Text,
        "fdi",
        "multiple_of_government_investment_1990_2002",
        None,
    );
    if let (Some(government_yuan), Some(multiple)) = (government, multiple) {
        let needed_million = government_yuan * multiple / YUAN_PER_DOLLAR * 1000.0;
        let bound = fdi_upper_bound(data, 1990, 2002);
        if let Some((bound, printed_years, ceiling)) = bound {
            if bound < needed_million {
                findings.push(Finding {
                    id: "text-fdi-vs-government-investment".to_string(),
                    severity: Severity::Warning,
                    title: "FDI 'more than twice' government investment is more than Table 2 allows".to_string(),
                    dataset: Dataset::Table2,
                    cells: vec![
                        Lookup::key(Dataset::Text, "government", "ict_investment_1990_2002", None),
                        Lookup::key(Dataset::Text, "fdi", "multiple_of_government_investment_1990_2002", None),
                    ],
                    numbers: format!(
                        "{} × {} bn yuan / {} = {} m US$ needed over 1990–2002; Table 2 prints {} of those 13 years, and even with every other year at {} m US$ the total is at most {} m US$",
                        auto(multiple, 0),
                        auto(government_yuan, 0),
                        YUAN_PER_DOLLAR,
                        number(needed_million, 0),
                        printed_years,
                        number(ceiling, 0),
                        number(bound, 0)
                    ),
                    explanation: "The officials' estimate cannot be reconciled with Table 2's yearly figures, even on the generous assumption that every unprinted year matched the largest value the table prints near it. The estimate may count a wider industry or include committed rather than utilised investment.".to_string(),
                });
            }
        }
    }

    // Accumulated FDI of more than 100 billion dollars by 2005.
    if let (Some(stated_billion), Some((bound, printed_years, ceiling))) = (
        prose(data, Dataset::Text, "fdi", "accumulated", Some(2005)),
        fdi_upper_bound(data, 1990, 2005),
    ) {
        let stated_million = stated_billion * 1000.0;
        if bound < stated_million * 1.1 {
            findings.push(Finding {
                id: "text-fdi-accumulated-vs-table2".to_string(),
                severity: if bound < stated_million { Severity::Warning } else { Severity::Info },
                title: "Accumulated FDI of over 100 bn US$ is barely reachable from Table 2".to_string(),
                dataset: Dataset::Table2,
                cells: vec![Lookup::key(Dataset::Text, "fdi", "accumulated", Some(2005))],
                numbers: format!(
                    "Table 2 prints {} of the 16 years 1990–2005; with every other year at the record {} m US$ the total is at most {} m US$, against more than {} m US$ stated",
                    printed_years,
                    number(ceiling, 0),
                    number(bound, 0),
                    number(stated_million, 0)
                ),
                explanation: "Only if every year the table leaves out had matched the 2004 record would Table 2's investment add up to the stated total. The total probably counts more than ICT manufacturing.".to_string(),
            });
        }
    }

    table3_in_prose(data, findings);
}

/// The largest total that Table 2's FDI could reach over `first..=last`: printed years as
/// printed, every other year at the largest value printed up to `last` (or the largest printed
/// at all, when none is printed that early). Returns (bound, printed years, ceiling used).
pub(crate) fn fdi_upper_bound(data: Lookup, first: u16, last: u16) -> Option<(f64, usize, f64)> {
    let printed: Vec<(u16, f64)> = crate::data::years(Dataset::Table2)
        .into_iter()
        .filter_map(|year| {
            data.cell(Dataset::Table2, "fdi", "actual_utilized", year)
                .value
                .map(|value| (year, value))
        })
        .collect();
    let ceiling = printed
        .iter()
        .filter(|(year, _)| *year <= last + 1)
        .map(|(_, value)| *value)
        .fold(f64::NAN, f64::max);
    if ceiling.is_nan() {
        return None;
    }
    let inside: Vec<f64> = printed
        .iter()
        .filter(|(year, _)| (first..=last).contains(year))
        .map(|(_, value)| *value)
        .collect();
    let span = usize::from(last - first + 1);
    let bound = inside.iter().sum::<f64>() + (span - inside.len()) as f64 * ceiling;
    Some((bound, inside.len(), ceiling))
}

/// The prose's industry-wide readings of Table 3.
fn table3_in_prose(data: Lookup, findings: &mut Vec<Finding>) {
    // Whole-industry profit over sales in 2003.
    if let Some(stated) = prose(data, Dataset::Text, "total", "profit_to_sales", Some(2003)) {
        let (average, inputs) =
            market_weighted_average(data, &TABLE3_SERIES, "profit_to_sales", 2003);
        let profits = &inputs[..TABLE3_SERIES.len()];
        if let Some(average) = average.value {
            if (average - stated).abs() > 0.5 {
                let matching: Vec<&str> = TABLE3_SERIES
                    .iter()
                    .zip(profits)
                    .filter(|(_, cell)| cell.value == Some(stated))
                    .map(|(series, _)| crate::data::series_label(series))
                    .collect();
                let coincidence = if matching.is_empty() {
                    String::new()
                } else {
                    format!(" The stated {}% is the {} column's own value for 2003, which may be where it came from.", auto(stated, 1), matching.join(" and "))
                };
                findings.push(Finding {
                    id: "text-industry-profit-2003-vs-table3".to_string(),
                    severity: Severity::Warning,
                    title: "Industry profit over sales in 2003: the prose and Table 3 differ".to_string(),
                    dataset: Dataset::Table3,
                    cells: TABLE3_SERIES
                        .iter()
                        .flat_map(|series| ["profit_to_sales", "domestic_market_share"].map(|measure| Lookup::key(Dataset::Table3, series, measure, Some(2003))))
                        .chain([Lookup::key(Dataset::Text, "total", "profit_to_sales", Some(2003))])
                        .collect(),
                    numbers: format!("market-share-weighted average of the six types' profit ratios = {}%, but the prose says {}%", auto(average, 2), auto(stated, 1)),
                    explanation: format!(
                        "Table 3 has no column for the whole industry, but an industry-wide ratio must lie among the types' ratios, close to their average weighted by market share. That average is well below the figure the prose gives.{coincidence}"
                    ),
                });
            }
        }
    }

    // Joint stock, limited liability and private firms' share of domestic sales in 2004.
    if let Some(stated) = prose(
        data,
        Dataset::Fig3,
        "jsc_llc_private",
        "share_of_domestic_sales",
        Some(2004),
    ) {
        let named = ["joint_stock_cooperative", "joint_stock", "private"];
        let named_cells: Option<Vec<f64>> = named
            .iter()
            .map(|series| {
                data.cell(Dataset::Table3, series, "domestic_market_share", 2004)
                    .value
            })
            .collect();
        let collective = data
            .cell(Dataset::Table3, "collective", "domestic_market_share", 2004)
            .value;
        if let (Some(named_values), Some(collective)) = (named_cells, collective) {
            let named_sum: f64 = named_values.iter().sum();
            if (named_sum - stated).abs() > 0.5 {
                findings.push(Finding {
                    id: "text-jsc-llc-private-2004-vs-table3".to_string(),
                    severity: Severity::Warning,
                    title: "Non-state domestic firms' market share in 2004: the prose and Table 3 differ".to_string(),
                    dataset: Dataset::Table3,
                    cells: named
                        .iter()
                        .chain(&["collective"])
                        .map(|series| Lookup::key(Dataset::Table3, series, "domestic_market_share", Some(2004)))
                        .chain([Lookup::key(Dataset::Fig3, "jsc_llc_private", "share_of_domestic_sales", Some(2004))])
                        .collect(),
                    numbers: format!(
                        "joint-stock cooperative + joint stock + private = {} = {}%, but the prose says {}%; adding collectives gives {}%",
                        named_values.iter().map(|value| auto(*value, 1)).collect::<Vec<_>>().join(" + "),
                        auto(named_sum, 1),
                        auto(stated, 1),
                        auto(named_sum + collective, 1)
                    ),
                    explanation: "The prose names joint stock, limited liability and private firms. Table 3 has no limited-liability column, and the types it does have add up to the stated share only if collectives are counted as well, so the paper seems to group the types differently from its table.".to_string(),
                });
            }
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
    let foreign = prose(
        data,
        Dataset::Fig2,
        "foreign_funded",
        "share_of_exports",
        Some(2004),
    );
    let domestic = prose(
        data,
        Dataset::Fig2,
        "domestic_funded",
        "share_of_exports",
        Some(2004),
    );
    if let (Some(foreign), Some(domestic)) = (foreign, domestic) {
        if foreign + domestic > 100.0 + half_unit(foreign) + half_unit(domestic) {
            findings.push(Finding {
                id: "fig2-export-shares-over-100".to_string(),
                severity: Severity::Warning,
                title: "2004 export shares of foreign and domestic firms add up to more than 100%".to_string(),
                dataset: Dataset::Fig2,
                cells: vec![
                    Lookup::key(Dataset::Fig2, "foreign_funded", "share_of_exports", Some(2004)),
                    Lookup::key(Dataset::Fig2, "domestic_funded", "share_of_exports", Some(2004)),
                ],
                numbers: format!("{}% + {}% = {}%", auto(foreign, 1), auto(domestic, 1), auto(foreign + domestic, 1)),
                explanation: "Every exporting firm is either foreign invested or domestic, so their shares should add up to 100%. Within one page the paper gives 92% and 14% for the same year; one of them is wrong, or the two come from different sources.".to_string(),
            });
        }
    }

    // Foreign firms' net exports as a share of their exports, against China's total exports.
    let net = prose(
        data,
        Dataset::Fig2,
        "foreign_funded",
        "net_exports",
        Some(2004),
    );
    let net_share = prose(
        data,
        Dataset::Fig2,
        "foreign_funded",
        "net_exports_share_of_exports",
        Some(2004),
    );
    let total = prose(data, Dataset::Fig1, "china", "exports", Some(2004));
    if let (Some(net), Some(net_share), Some(total), Some(foreign)) =
        (net, net_share, total, foreign)
    {
        let foreign_exports = net / (net_share / 100.0);
        let implied_share = foreign_exports / total * 100.0;
        if (implied_share - foreign).abs() > 3.0 {
            findings.push(Finding {
                id: "fig2-foreign-net-exports-inconsistent".to_string(),
                severity: Severity::Warning,
                title: "Foreign firms' net exports imply a different export share than stated".to_string(),
                dataset: Dataset::Fig2,
                cells: vec![
                    Lookup::key(Dataset::Fig2, "foreign_funded", "net_exports", Some(2004)),
                    Lookup::key(Dataset::Fig2, "foreign_funded", "net_exports_share_of_exports", Some(2004)),
                    Lookup::key(Dataset::Fig1, "china", "exports", Some(2004)),
                    Lookup::key(Dataset::Fig2, "foreign_funded", "share_of_exports", Some(2004)),
                ],
                numbers: format!(
                    "{} bn US$ / {}% = {} bn US$ of foreign firms' exports, {}% of China's {} bn US$, against {}% stated",
                    auto(net, 1),
                    auto(net_share, 1),
                    auto(foreign_exports, 1),
                    auto(implied_share, 1),
                    auto(total, 0),
                    auto(foreign, 1)
                ),
                explanation: "If net exports of 29.6 billion dollars are 16.7% of what foreign firms export, those exports come to almost all of China's ICT exports, more than the 92% share the paper states in the same paragraph.".to_string(),
            });
        }
    }

    // Lenovo against IBM and Dell.
    let lenovo = prose(data, Dataset::Text, "lenovo", "revenue", Some(2006));
    for rival in ["ibm", "dell"] {
        let revenue = prose(data, Dataset::Text, rival, "revenue", Some(2006));
        let stated = prose(
            data,
            Dataset::Text,
            rival,
            "size_multiple_of_lenovo",
            Some(2006),
        );
        if let (Some(lenovo), Some(revenue), Some(stated)) = (lenovo, revenue, stated) {
            let ratio = revenue / lenovo;
            if (ratio - stated).abs() > 0.5 {
                findings.push(Finding {
                    id: format!("text-lenovo-vs-{rival}"),
                    severity: Severity::Warning,
                    title: format!("Lenovo is not 1/{} the size of {} on the paper's own numbers", auto(stated, 0), crate::data::series_label(rival)),
                    dataset: Dataset::Text,
                    cells: vec![
                        Lookup::key(Dataset::Text, "lenovo", "revenue", Some(2006)),
                        Lookup::key(Dataset::Text, rival, "revenue", Some(2006)),
                        Lookup::key(Dataset::Text, rival, "size_multiple_of_lenovo", Some(2006)),
                    ],
                    numbers: format!("{} / {} = {}, not {}", auto(revenue, 1), auto(lenovo, 1), auto(ratio, 1), auto(stated, 0)),
                    explanation: format!(
                        "With the revenues the paper quotes in the same sentence, {} is about {} times Lenovo's size. The ratio and the revenues cannot both be right.",
                        crate::data::series_label(rival),
                        auto(ratio, 1)
                    ),
                });
            }
        }
    }

    // Computers called 'the majority' of exports at under half.
    if let Some(share) = prose(
        data,
        Dataset::Text,
        "computers",
        "share_of_ict_exports",
        Some(2004),
    ) {
        if share < 50.0 {
            findings.push(Finding {
                id: "text-computers-majority".to_string(),
                severity: Severity::Info,
                title: "Computers are called 'the majority' of exports at less than half".to_string(),
                dataset: Dataset::Text,
                cells: vec![Lookup::key(Dataset::Text, "computers", "share_of_ict_exports", Some(2004))],
                numbers: format!("{}% < 50%", auto(share, 1)),
                explanation: "A majority means more than half. At 46% computers were the largest product group, a plurality, not a majority.".to_string(),
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
    let output = prose(data, Dataset::Text, "china", "ict_output", Some(2005));
    let share = prose(
        data,
        Dataset::Text,
        "china",
        "world_output_share",
        Some(2005),
    );
    let market = prose(data, Dataset::Text, "china", "ict_market_sales", Some(2005));
    if let (Some(output), Some(share), Some(exports), Some(market)) = (output, share, total, market)
    {
        if output < exports {
            findings.push(Finding {
                id: "text-output-smaller-than-exports".to_string(),
                severity: Severity::Warning,
                title: "China's ICT output is quoted as smaller than its ICT exports".to_string(),
                dataset: Dataset::Text,
                cells: vec![
                    Lookup::key(Dataset::Text, "china", "ict_output", Some(2005)),
                    Lookup::key(Dataset::Text, "china", "world_output_share", Some(2005)),
                    Lookup::key(Dataset::Fig1, "china", "exports", Some(2004)),
                    Lookup::key(Dataset::Text, "china", "ict_market_sales", Some(2005)),
                ],
                numbers: format!(
                    "output {} bn US$ (2005) < exports {} bn US$ (2004) and domestic market {} bn US$ (2005); implied world output {} / {}% = {} bn US$",
                    auto(output, 1),
                    auto(exports, 0),
                    auto(market, 0),
                    auto(output, 1),
                    auto(share, 1),
                    auto(output / (share / 100.0), 0)
                ),
                explanation: "A country cannot export far more than it produces. The output figures (and the world total they imply) are most likely off by a factor of ten or more (a unit or a decimal point lost); the shares of world output may still be right.".to_string(),
            });
        }
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
                    explanation: "R&D spending close to the whole of value added is unusual; the value is legible in the print, but it may be a misprint in the paper's source. Comparisons with it should be made with care.".to_string(),
                });
            }
        }
    }
}
