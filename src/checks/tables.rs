//! Checks within the tables: shares that must add up, firms that outnumber the total, Table 1's
//! two share blocks, the unit of its assets, and Table 5's oddities.

use super::outcome::{Check, Warning};
use super::rounding::{reading_at, Inputs, Range};
use super::{Finding, Severity, EXPORTS_YEAR, MARKET_YEAR, YUAN_PER_DOLLAR};
use crate::data::{
    series_label, Dataset, Datum, Lookup, Status, TABLE1_TYPES, TABLE1_YEARS, TABLE3_SERIES,
    TABLE3_YEARS,
};
use crate::format::{auto, number};

/// The findings within Tables 1 to 4 (Table 5's come last in the list, see
/// [`table5_oddities`]). The unit of Table 1's assets is a statement of the table, decided with
/// the statements ([`assets_unit_check`]).
pub(super) fn findings(data: Lookup) -> Vec<Finding> {
    let mut findings = Vec::new();
    share_sums(data, &mut findings);
    firms_exceed_total(data, &mut findings);
    share_blocks_disagree(data, &mut findings);
    findings
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
            // Rounding allows half a unit of the last decimal each share is printed with:
            // Table 3's 20.0 is 20 give or take 0.05, Table 1's 37 give or take 0.5.
            let slack: f64 = block
                .series
                .iter()
                .filter_map(|series| {
                    reading_at(data, block.dataset, series, block.measure, Some(year))
                })
                .map(|reading| reading.range.half_width())
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
                        series_label(series).to_lowercase(),
                        auto(cell.value.unwrap_or_default(), 1)
                    )
                })
                .collect();
            let (caveat, title_caveat) = match guessed.len() {
                0 => (String::new(), String::new()),
                1 => (
                    format!(" This total rests on a best guess: the {} is a reading, of garbled OCR text or of where a legible value belongs, so whether {year} adds up depends on that reading (the cell's note gives the other readings).", guessed[0]),
                    " (one share is a best guess)".to_string(),
                ),
                count => (
                    format!(" This total rests on best guesses: the {} are readings, of garbled OCR text or of where legible values belong, so whether {year} adds up depends on those readings (the cells' notes give the other readings).", guessed.join(" and the ")),
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
                    claims: Vec::new(),
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
                    claims: Vec::new(),
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
                claims: Vec::new(),
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
            let read =
                |series, measure| reading_at(data, Dataset::Table1, series, measure, Some(year));
            let (Some(share), Some(foreign), Some(printed)) = (
                read(series, "share_total_assets"),
                read("foreign_funded", "share_total_assets"),
                read(series, "share_domestic_assets"),
            ) else {
                continue;
            };
            let implied = Range {
                low: share.range.low / (100.0 - foreign.range.low) * 100.0,
                high: share.range.high / (100.0 - foreign.range.high) * 100.0,
            };
            let (share, foreign_share, printed_range, printed) =
                (share.value, foreign.value, printed.range, printed.value);
            if !implied.overlaps(printed_range) {
                findings.push(Finding {
                    id: format!("table1-share-blocks-{series}-{year}"),
                    severity: Severity::Warning,
                    title: format!("{year}: {}'s two asset shares in Table 1 disagree", series_label(series)),
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
                    claims: Vec::new(),
                });
            }
        }
    }
}

/// Above this many times a year's sales, an industry's assets cannot be right: manufacturing
/// firms typically hold assets worth around one year's sales.
const ASSETS_TO_SALES_LIMIT: f64 = 5.0;

/// Table 1 labels total assets as billion yuan; with that unit the industry's assets would be
/// many times its yearly sales. The yardstick of a year's sales is the domestic market plus
/// exports, both quoted in the prose.
pub(super) struct AssetsUnit {
    /// The assets are a plausible multiple of a year's sales, taken at their label.
    pub(super) plausible: bool,
    pub(super) status: crate::data::Status,
    pub(super) cells: Vec<String>,
    year: u16,
    assets: f64,
    firms: f64,
    market: f64,
    exports: f64,
}

impl AssetsUnit {
    fn sales_yuan(&self) -> f64 {
        (self.market + self.exports) * YUAN_PER_DOLLAR
    }

    /// How many years of sales the assets are worth, taken at their label.
    fn ratio(&self) -> f64 {
        self.assets / self.sales_yuan()
    }

    fn per_firm(&self) -> f64 {
        self.assets / self.firms
    }

    pub(super) fn arithmetic(&self) -> String {
        format!(
            "{} bn yuan of assets ({}) against a year's sales of ({} bn US$ domestic market, {MARKET_YEAR} + {} bn US$ exports, {EXPORTS_YEAR}) × {} yuan per US$ = {} bn yuan: {} times; {} bn yuan per firm over {} firms",
            number(self.assets, 0),
            self.year,
            auto(self.market, 1),
            auto(self.exports, 1),
            YUAN_PER_DOLLAR,
            number(self.sales_yuan(), 0),
            auto(self.ratio(), 1),
            auto(self.per_firm(), 2),
            number(self.firms, 0)
        )
    }

    pub(super) fn explanation(&self) -> String {
        let read_as_yi = self.ratio() / 10.0;
        let verdict_as_yi = if read_as_yi <= ASSETS_TO_SALES_LIMIT {
            "an ordinary size for a manufacturing industry"
        } else {
            "still large, so the unit may not be the only problem"
        };
        format!(
            "Manufacturing firms typically hold assets worth around one year's sales; more than {} times would be extraordinary. Taken at its label, the industry's {} assets would be {} times a year's sales at home and abroad, and the average firm would hold {} billion yuan. The yardstick is generous, since the domestic market also counts imported goods, so the true ratio would be higher still. Chinese yearbooks usually report money in units of 100 million yuan (yi yuan); read that way, every total-asset figure is ten times smaller: {} times a year's sales and {} million yuan per firm, {verdict_as_yi}. The shares in the table are unaffected, but derived assets are shown with this caveat.",
            auto(ASSETS_TO_SALES_LIMIT, 1),
            self.year,
            auto(self.ratio(), 1),
            auto(self.per_firm(), 2),
            auto(read_as_yi, 2),
            number(self.per_firm() * 100.0, 0)
        )
    }
}

pub(super) fn assets_unit(data: Lookup) -> Option<AssetsUnit> {
    let year = TABLE1_YEARS[TABLE1_YEARS.len() - 1];
    let mut inputs = Inputs::new(data);
    let assets = inputs.read(Dataset::Table1, "total", "total_assets", Some(year))?;
    let firms = inputs.read(Dataset::Table1, "total", "firms", Some(year))?;
    // The yardstick's numbers do not weaken the verdict on the label, only size it.
    let market = inputs.context(
        Dataset::Text,
        "china",
        "ict_market_sales",
        Some(MARKET_YEAR),
    )?;
    let exports = inputs.context(Dataset::Fig1, "china", "exports", Some(EXPORTS_YEAR))?;
    let check = AssetsUnit {
        plausible: true,
        status: inputs.status,
        cells: inputs.cells,
        year,
        assets: assets.value,
        firms: firms.value,
        market,
        exports,
    };
    Some(AssetsUnit {
        plausible: check.ratio() <= ASSETS_TO_SALES_LIMIT,
        ..check
    })
}

/// Table 1's total assets against the unit it gives them: plausible only if the assets are not
/// many times a year's sales.
pub(super) fn assets_unit_check(data: Lookup) -> Option<Check> {
    let check = assets_unit(data)?;
    let computation = if check.plausible {
        format!(
            "{}: a plausible size for a manufacturing industry",
            check.arithmetic()
        )
    } else {
        format!("{}. {}", check.arithmetic(), check.explanation())
    };
    let warning = Warning::new(
        "table1-total-assets-unit",
        Dataset::Table1,
        "Table 1's total assets are implausibly large in 'billion yuan'",
        check.explanation(),
    )
    .numbers(check.arithmetic());
    Some(Check::deciding(check.plausible, computation, check.cells, check.status).warning(warning))
}

/// Table 5: repeated values in neighbouring rows, and a value far above the rest.
pub(super) fn table5_oddities(data: Lookup) -> Vec<Finding> {
    let mut findings = Vec::new();
    let countries = crate::data::series(Dataset::Table5);
    for measure in ["electronic_telecom", "computers_office"] {
        let rows: Vec<(&str, &Datum)> = countries
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
                    title: format!("Table 5: {} and {} print the same value", series_label(pair[0].0), series_label(pair[1].0)),
                    dataset: Dataset::Table5,
                    cells: vec![first.key(), second.key()],
                    numbers: format!("{}% and {}%", auto(first.value().unwrap_or_default(), 1), auto(second.value().unwrap_or_default(), 1)),
                    explanation: "Two neighbouring countries share exactly the same ratio. That can happen, but it is also a common typesetting slip (a value copied into the next row), so this pair is worth checking against the original source.".to_string(),
                    claims: Vec::new(),
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
                    title: format!("Table 5: {}'s ratio is far above every other country's", series_label(largest.0)),
                    dataset: Dataset::Table5,
                    cells: vec![largest.2.clone(), second.2.clone()],
                    numbers: format!("{}% against the next highest, {}%", auto(largest.1, 1), auto(second.1, 1)),
                    explanation: format!(
                        "R&D spending of {}% of value added, {} times the next highest country's, is unusual; the value is legible in the print, but it may be a misprint in the paper's source. Comparisons with it should be made with care.",
                        auto(largest.1, 1),
                        auto(largest.1 / second.1, 1)
                    ),
                    claims: Vec::new(),
                });
            }
        }
    }
    findings
}
