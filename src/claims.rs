//! The paper's quantitative claims, each checked against the data where the data allows.
//!
//! Every number quoted in the prose becomes a claim. Where a table (or another statement in the
//! paper) bears on it, the claim gets a verdict computed from those cells, with the arithmetic
//! shown; otherwise it is `not_checkable` with the reason. A few claims that cite a table
//! without quoting one number (such as "China's ratios are the lowest") are added by hand.

use crate::audit::{fdi_upper_bound, Range, YUAN_PER_DOLLAR};
use crate::data::{
    Cell, Dataset, Datum, Lookup, Status, Unit, TABLE1_YEARS, TABLE3_SERIES, TABLE3_YEARS,
};
use crate::format::{auto, number};
use crate::indicators::{implied_domestic_share, market_weighted_average};
use serde::Serialize;
use std::sync::OnceLock;

/// What the data says about a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The data gives the same number, within rounding.
    Agrees,
    /// The data gives a different number, beyond rounding.
    Disagrees,
    /// Nothing printed in the paper bears on the claim.
    NotCheckable,
}

impl Verdict {
    pub const ALL: [Verdict; 3] = [Verdict::Agrees, Verdict::Disagrees, Verdict::NotCheckable];

    pub fn id(self) -> &'static str {
        match self {
            Verdict::Agrees => "agrees",
            Verdict::Disagrees => "disagrees",
            Verdict::NotCheckable => "not_checkable",
        }
    }
}

/// One claim and its check.
#[derive(Clone, Debug, Serialize)]
pub struct Claim {
    /// Unique id: the key of the prose number, or a name for hand-added claims.
    pub id: String,
    /// The dataset the claim belongs to, whose view shows it.
    pub dataset: Dataset,
    /// The claim in our own words.
    pub statement: String,
    /// Where the paper makes it.
    pub source: &'static str,
    pub verdict: Verdict,
    /// The computation behind the verdict, or why there is none.
    pub computation: String,
    /// Keys of the cells the check used.
    pub cells: Vec<String>,
    /// The weakest status among the cells used; a verdict resting on a guessed cell is
    /// only as good as the guess.
    pub status: Status,
}

/// The claims check of the paper's own data, computed once.
pub fn paper() -> &'static [Claim] {
    static CLAIMS: OnceLock<Vec<Claim>> = OnceLock::new();
    CLAIMS.get_or_init(|| run(Lookup::paper()))
}

/// Checks every claim against `data`.
pub fn run(data: Lookup) -> Vec<Claim> {
    let mut claims: Vec<Claim> = data
        .data()
        .iter()
        .filter(|datum| !datum.dataset.is_table())
        .map(|datum| check_statement(data, datum))
        .collect();
    claims.extend(table_claims(data));
    claims
}

/// The outcome of one check.
struct Check {
    verdict: Verdict,
    computation: String,
    cells: Vec<String>,
    status: Status,
}

impl Check {
    fn not_checkable(reason: impl Into<String>) -> Check {
        Check {
            verdict: Verdict::NotCheckable,
            computation: reason.into(),
            cells: Vec::new(),
            status: Status::Clean,
        }
    }

    /// Agrees when the two ranges overlap.
    fn compare(
        stated: Range,
        found: Range,
        computation: String,
        cells: Vec<String>,
        status: Status,
    ) -> Check {
        let verdict = if stated.overlaps(found) {
            Verdict::Agrees
        } else {
            Verdict::Disagrees
        };
        Check {
            verdict,
            computation,
            cells,
            status,
        }
    }
}

/// A claim's wording: the label, the number with its unit and year, and the qualifier.
fn paraphrase(datum: &Datum) -> String {
    let value = match datum.value() {
        Some(value) => format!("{}{}", number_text(value, datum.unit), datum.unit.suffix()),
        None => "an illegible number".to_string(),
    };
    let year = datum
        .year
        .map(|year| format!(" in {year}"))
        .unwrap_or_default();
    let note = if datum.cell.note.is_empty() {
        String::new()
    } else {
        format!(" ({})", datum.cell.note.trim_end_matches('.'))
    };
    format!("{}{year}: {value}{note}.", datum.label)
}

fn number_text(value: f64, unit: Unit) -> String {
    match unit {
        Unit::Rank => format!("no. {}", auto(value, 0)),
        _ => auto(value, 2),
    }
}

fn check_statement(data: Lookup, datum: &Datum) -> Claim {
    let check = match datum.value() {
        None => Check::not_checkable("The number itself is illegible in the OCR text, so there is nothing to check."),
        Some(stated) => specific_check(data, datum, stated).or_else(|| same_cell_in_a_table(data, datum, stated)).unwrap_or_else(|| {
            Check::not_checkable(match datum.dataset {
                Dataset::Fig1 | Dataset::Fig2 | Dataset::Fig3 | Dataset::Fig4 => {
                    format!("{} is a chart whose data the paper does not print, so this number cannot be checked against it.", figure_name(datum.dataset))
                }
                _ => "No table in the paper covers this number, and no other statement in it implies a value for it.".to_string(),
            })
        }),
    };
    let status = check.status.weakest(datum.cell.status);
    let mut cells = vec![datum.key()];
    cells.extend(check.cells);
    Claim {
        id: datum.key(),
        dataset: datum.dataset,
        statement: paraphrase(datum),
        source: datum.source,
        verdict: check.verdict,
        computation: check.computation,
        cells,
        status,
    }
}

fn figure_name(dataset: Dataset) -> &'static str {
    match dataset {
        Dataset::Fig1 => "Figure 1",
        Dataset::Fig2 => "Figure 2",
        Dataset::Fig3 => "Figure 3",
        _ => "Figure 4",
    }
}

/// A prose number about a place that a table also prints (same series, measure and year),
/// compared in a common unit.
fn same_cell_in_a_table(data: Lookup, datum: &Datum, stated: f64) -> Option<Check> {
    let table_cell = [Dataset::Table1, Dataset::Table2, Dataset::Table3]
        .into_iter()
        .find_map(|table| {
            data.get(table, datum.series, datum.measure, datum.year)
                .filter(|cell| cell.value().is_some())
        })?;
    let found = table_cell.value()?;
    // Dollar amounts: the prose quotes billions where Table 2 prints millions.
    let scale = match (datum.unit, table_cell.unit) {
        (Unit::BillionUsd, Unit::MillionUsd) => 1000.0,
        (stated_unit, table_unit) if stated_unit == table_unit => 1.0,
        _ => return None,
    };
    let stated_range = Range::printed(stated);
    let found_range = Range::printed(found);
    let found_scaled = Range {
        low: found_range.low / scale,
        high: found_range.high / scale,
    };
    let computation = format!(
        "{} prints {}{} for {}; the prose says {}{}",
        table_name(table_cell.dataset),
        auto(found, 2),
        table_cell.unit.suffix(),
        datum.year.map(|year| year.to_string()).unwrap_or_default(),
        auto(stated, 2),
        datum.unit.suffix()
    );
    Some(Check::compare(
        stated_range,
        found_scaled,
        computation,
        vec![table_cell.key()],
        table_cell.cell.status,
    ))
}

fn table_name(dataset: Dataset) -> String {
    format!("Table {}", dataset.id().trim_start_matches("table"))
}

/// Checks written for particular statements.
fn specific_check(data: Lookup, datum: &Datum, stated: f64) -> Option<Check> {
    let key = (datum.dataset, datum.series, datum.measure, datum.year);
    let t1 =
        |series: &str, measure: &str, year: u16| data.cell(Dataset::Table1, series, measure, year);
    let key_of = |dataset: Dataset, series: &str, measure: &str, year: Option<u16>| {
        Lookup::key(dataset, series, measure, year)
    };
    let prose = |dataset: Dataset, series: &str, measure: &str, year: Option<u16>| {
        data.get(dataset, series, measure, year)
            .and_then(|d| d.value())
    };
    match key {
        (Dataset::Text, "state_controlled", "share_domestic_assets_average_2003_2005", None) => {
            let cells =
                [2003, 2005].map(|year| t1("state_controlled", "share_domestic_assets", year));
            let [Some(first), Some(last)] = cells.map(|cell| cell.value) else {
                return None;
            };
            let mean = (first + last) / 2.0;
            Some(Check::compare(
                Range::printed(stated),
                Range { low: mean - 0.5, high: mean + 0.5 },
                format!("Table 1: ({} + {}) / 2 = {}% for 2003 and 2005, the two years it prints; 2004 is not printed", auto(first, 1), auto(last, 1), auto(mean, 1)),
                [2003, 2005].iter().map(|&year| key_of(Dataset::Table1, "state_controlled", "share_domestic_assets", Some(year))).collect(),
                cells[0].status.weakest(cells[1].status),
            ))
        }
        (Dataset::Text, "private", "share_total_assets_max_before_1997", None) => {
            let cell = t1("private", "share_total_assets", 1997);
            let value = cell.value?;
            let verdict = if Range::printed(value).low <= stated {
                Verdict::Agrees
            } else {
                Verdict::Disagrees
            };
            Some(Check {
                verdict,
                computation: format!("Table 1 starts in 1997, when private firms held {}% of all assets: at most {}% as stated", auto(value, 1), auto(stated, 1)),
                cells: vec![key_of(Dataset::Table1, "private", "share_total_assets", Some(1997))],
                status: cell.status,
            })
        }
        (Dataset::Text, "private", "share_domestic_assets_max_before_1997", None) => {
            let share = t1("private", "share_total_assets", 1997);
            let foreign = t1("foreign_funded", "share_total_assets", 1997);
            let printed = t1("private", "share_domestic_assets", 1997);
            let implied = implied_domestic_share(&share, &foreign);
            let (Some(implied_value), Some(printed_value)) = (implied.value, printed.value) else {
                return None;
            };
            let verdict =
                if Range::printed(printed_value).low <= stated && implied_value <= stated + 0.05 {
                    Verdict::Agrees
                } else {
                    Verdict::Disagrees
                };
            Some(Check {
                verdict,
                computation: format!(
                    "Table 1, 1997: printed {}% (rounded, so 0.5–1.5), and {} / (100 − {}) × 100 = {}% implied by the asset shares: both allow at most {}%",
                    auto(printed_value, 1),
                    auto(share.value.unwrap_or_default(), 1),
                    auto(foreign.value.unwrap_or_default(), 1),
                    auto(implied_value, 2),
                    auto(stated, 1)
                ),
                cells: vec![
                    key_of(Dataset::Table1, "private", "share_domestic_assets", Some(1997)),
                    key_of(Dataset::Table1, "private", "share_total_assets", Some(1997)),
                    key_of(Dataset::Table1, "foreign_funded", "share_total_assets", Some(1997)),
                ],
                status: implied.status.weakest(printed.status),
            })
        }
        (Dataset::Text, "fdi", "actual_utilized", Some(2000)) => {
            let cell = data.cell(Dataset::Table2, "fdi", "actual_utilized", 2001);
            let found = cell.value?;
            Some(Check::compare(
                Range::printed(stated),
                Range { low: (found - 0.5) / 1000.0, high: (found + 0.5) / 1000.0 },
                format!("Table 2 prints no 2000 value; for 2001, the year China actually joined the WTO, it prints {} m US$ = {} bn US$, not {} bn US$", number(found, 0), auto(found / 1000.0, 3), auto(stated, 2)),
                vec![key_of(Dataset::Table2, "fdi", "actual_utilized", Some(2001))],
                cell.status,
            ))
        }
        (Dataset::Text, "fdi", "multiple_of_government_investment_1990_2002", None) => {
            let government = prose(
                Dataset::Text,
                "government",
                "ict_investment_1990_2002",
                None,
            )?;
            let needed = government * stated / YUAN_PER_DOLLAR * 1000.0;
            let (bound, printed, ceiling) = fdi_upper_bound(data, 1990, 2002)?;
            let verdict = if bound < needed {
                Verdict::Disagrees
            } else {
                Verdict::NotCheckable
            };
            Some(Check {
                verdict,
                computation: format!(
                    "needs more than {} × {} bn yuan / {} = {} m US$ over 1990–2002; Table 2 prints {printed} of those years, and with all others at {} m US$ the most it allows is {} m US$",
                    auto(stated, 0),
                    auto(government, 0),
                    YUAN_PER_DOLLAR,
                    number(needed, 0),
                    number(ceiling, 0),
                    number(bound, 0)
                ),
                cells: vec![key_of(Dataset::Text, "government", "ict_investment_1990_2002", None)],
                status: Status::Clean,
            })
        }
        (Dataset::Text, "fdi", "accumulated", Some(2005)) => {
            let (bound, printed, ceiling) = fdi_upper_bound(data, 1990, 2005)?;
            let verdict = if bound < stated * 1000.0 {
                Verdict::Disagrees
            } else {
                Verdict::NotCheckable
            };
            Some(Check {
                verdict,
                computation: format!(
                    "Table 2 prints {printed} of the years 1990–2005; only if every other year matched the {} m US$ record would the total ({} m US$ at most) pass {} m US$, so the table can neither confirm nor rule it out",
                    number(ceiling, 0),
                    number(bound, 0),
                    number(stated * 1000.0, 0)
                ),
                cells: Vec::new(),
                status: Status::Clean,
            })
        }
        (Dataset::Text, "total", "profit_to_sales", Some(year)) => {
            industry_average(data, "profit_to_sales", year, stated)
        }
        (Dataset::Text, "total", "value_added_to_sales_average", None) => {
            value_added_average(data, stated)
        }
        (Dataset::Fig3, "foreign_funded", "share_of_domestic_sales", Some(year)) => {
            let cell = data.get(
                Dataset::Table3,
                "foreign_funded",
                "domestic_market_share",
                Some(year),
            )?;
            let found = cell.value()?;
            Some(Check::compare(
                Range::printed(stated),
                Range::printed(found),
                format!("Table 3 prints {}% for foreign-funded firms' share of the domestic market in {year}", auto(found, 1)),
                vec![cell.key()],
                cell.cell.status,
            ))
        }
        (Dataset::Fig3, "jsc_llc_private", "share_of_domestic_sales", Some(2004)) => {
            let named = ["joint_stock_cooperative", "joint_stock", "private"];
            let cells: Vec<Cell> = named
                .iter()
                .map(|series| data.cell(Dataset::Table3, series, "domestic_market_share", 2004))
                .collect();
            let sum: f64 = cells.iter().map(|cell| cell.value).sum::<Option<f64>>()?;
            let slack = 0.05 * cells.len() as f64;
            Some(Check::compare(
                Range::printed(stated),
                Range { low: sum - slack, high: sum + slack },
                format!(
                    "Table 3, 2004: joint-stock cooperative + joint stock + private = {}%; it has no limited-liability column, and only adding collectives reaches {}%",
                    auto(sum, 1),
                    auto(stated, 0)
                ),
                named.iter().map(|series| key_of(Dataset::Table3, series, "domestic_market_share", Some(2004))).collect(),
                cells.iter().fold(Status::Clean, |status, cell| status.weakest(cell.status)),
            ))
        }
        (Dataset::Fig3, "private", "share_of_domestic_sales", None) => {
            let printed: Vec<String> = TABLE3_YEARS
                .iter()
                .filter_map(|&year| {
                    data.cell(Dataset::Table3, "private", "domestic_market_share", year)
                        .value
                        .map(|value| format!("{} ({year})", auto(value, 1)))
                })
                .collect();
            Some(Check::not_checkable(format!(
                "No year is given. Table 3's private-firm shares of the domestic market are {}: none is {}%",
                printed.join(", "),
                auto(stated, 1)
            )))
        }
        (
            Dataset::Text,
            "processing_imported_materials",
            "share_of_exports_typical_1997_2004",
            None,
        ) => {
            let cells: Vec<&Datum> = crate::data::years(Dataset::Table4)
                .into_iter()
                .filter_map(|year| {
                    data.get(
                        Dataset::Table4,
                        "processing_imported_materials",
                        "share",
                        Some(year),
                    )
                })
                .collect();
            let values: Vec<f64> = cells.iter().filter_map(|datum| datum.value()).collect();
            if values.is_empty() {
                return None;
            }
            let mean = values.iter().sum::<f64>() / values.len() as f64;
            let (low, high) = values
                .iter()
                .fold((f64::MAX, f64::MIN), |(low, high), value| {
                    (low.min(*value), high.max(*value))
                });
            // "About 70 percent": agree when the stated value lies within five points of every year.
            Some(Check::compare(
                Range { low: stated - 5.0, high: stated + 5.0 },
                Range { low, high },
                format!("Table 4: processing with imported materials ranges from {}% to {}%, averaging {}%, which is 'about' {}%", auto(low, 1), auto(high, 1), auto(mean, 1), auto(stated, 0)),
                cells.iter().map(|datum| datum.key()).collect(),
                cells.iter().fold(Status::Clean, |status, datum| status.weakest(datum.cell.status)),
            ))
        }
        (Dataset::Fig2, "foreign_funded", "share_of_exports", Some(2004))
        | (Dataset::Fig2, "domestic_funded", "share_of_exports", Some(2004)) => {
            let foreign = prose(
                Dataset::Fig2,
                "foreign_funded",
                "share_of_exports",
                Some(2004),
            )?;
            let domestic = prose(
                Dataset::Fig2,
                "domestic_funded",
                "share_of_exports",
                Some(2004),
            )?;
            let other = if datum.series == "foreign_funded" {
                domestic
            } else {
                foreign
            };
            Some(Check::compare(
                Range::printed(stated),
                Range::printed(100.0 - other),
                format!("foreign and domestic firms' shares must add up to 100%: the other share the paper gives, {}%, leaves {}%, not {}%", auto(other, 1), auto(100.0 - other, 1), auto(stated, 1)),
                vec![key_of(Dataset::Fig2, if datum.series == "foreign_funded" { "domestic_funded" } else { "foreign_funded" }, "share_of_exports", Some(2004))],
                Status::Clean,
            ))
        }
        (Dataset::Fig2, "foreign_funded", "net_exports_share_of_exports", Some(2004)) => {
            let net = prose(Dataset::Fig2, "foreign_funded", "net_exports", Some(2004))?;
            let exports = prose(Dataset::Fig1, "china", "exports", Some(2004))?;
            let foreign = prose(
                Dataset::Fig2,
                "foreign_funded",
                "share_of_exports",
                Some(2004),
            )?;
            let foreign_exports = exports * foreign / 100.0;
            let implied = net / foreign_exports * 100.0;
            Some(Check::compare(
                Range::printed(stated),
                Range { low: implied - 0.5, high: implied + 0.5 },
                format!(
                    "foreign firms exported {}% of {} bn US$ = {} bn US$, so {} bn US$ of net exports is {}% of their exports, not {}%",
                    auto(foreign, 0),
                    auto(exports, 0),
                    auto(foreign_exports, 1),
                    auto(net, 1),
                    auto(implied, 1),
                    auto(stated, 1)
                ),
                vec![
                    key_of(Dataset::Fig2, "foreign_funded", "net_exports", Some(2004)),
                    key_of(Dataset::Fig1, "china", "exports", Some(2004)),
                    key_of(Dataset::Fig2, "foreign_funded", "share_of_exports", Some(2004)),
                ],
                Status::Clean,
            ))
        }
        (Dataset::Text, rival @ ("ibm" | "dell"), "size_multiple_of_lenovo", Some(2006)) => {
            let lenovo = prose(Dataset::Text, "lenovo", "revenue", Some(2006))?;
            let revenue = prose(Dataset::Text, rival, "revenue", Some(2006))?;
            let ratio = revenue / lenovo;
            Some(Check::compare(
                Range::printed(stated),
                Range {
                    low: ratio - 0.05,
                    high: ratio + 0.05,
                },
                format!(
                    "{} / {} = {} times, on the revenues quoted in the same sentence",
                    auto(revenue, 1),
                    auto(lenovo, 1),
                    auto(ratio, 1)
                ),
                vec![
                    key_of(Dataset::Text, "lenovo", "revenue", Some(2006)),
                    key_of(Dataset::Text, rival, "revenue", Some(2006)),
                ],
                Status::Clean,
            ))
        }
        (Dataset::Text, "hongfujin", "multiple_of_huawei_exports", Some(2005)) => {
            let hongfujin = prose(Dataset::Text, "hongfujin", "exports", Some(2005))?;
            let huawei = prose(Dataset::Text, "huawei", "exports", Some(2005))?;
            let ratio = hongfujin / huawei;
            Some(Check::compare(
                Range::printed(stated),
                Range {
                    low: ratio - 0.05,
                    high: ratio + 0.05,
                },
                format!(
                    "{} / {} = {} times",
                    auto(hongfujin, 1),
                    auto(huawei, 1),
                    auto(ratio, 2)
                ),
                vec![
                    key_of(Dataset::Text, "hongfujin", "exports", Some(2005)),
                    key_of(Dataset::Text, "huawei", "exports", Some(2005)),
                ],
                Status::Clean,
            ))
        }
        (Dataset::Fig1, "china", "export_rank", Some(2004)) => {
            let china = prose(Dataset::Fig1, "china", "exports", Some(2004))?;
            let usa = prose(Dataset::Fig1, "usa", "exports", Some(2004))?;
            let verdict = if china > usa {
                Verdict::Agrees
            } else {
                Verdict::Disagrees
            };
            Some(Check {
                verdict,
                computation: format!("China {} bn US$ against the US {} bn US$, the previous leader; the others are shown only in Figure 1", auto(china, 0), auto(usa, 0)),
                cells: vec![key_of(Dataset::Fig1, "china", "exports", Some(2004)), key_of(Dataset::Fig1, "usa", "exports", Some(2004))],
                status: Status::Clean,
            })
        }
        _ => None,
    }
}

/// A whole-industry ratio from Table 3: the six types' ratios weighted by market share.
fn industry_average(data: Lookup, measure: &str, year: u16, stated: f64) -> Option<Check> {
    let (average, inputs) = market_weighted_average(data, &TABLE3_SERIES, measure, year);
    let values = &inputs[..TABLE3_SERIES.len()];
    let cells = TABLE3_SERIES
        .iter()
        .flat_map(|series| {
            [measure, "domestic_market_share"]
                .map(|m| Lookup::key(Dataset::Table3, series, m, Some(year)))
        })
        .collect();
    match average.value {
        None => {
            let unreadable: Vec<&str> =
                TABLE3_SERIES.iter().zip(values).filter(|(_, cell)| cell.value.is_none()).map(|(series, _)| crate::data::series_label(series)).collect();
            Some(Check::not_checkable(format!(
                "The industry-wide ratio for {year} would be the types' ratios weighted by market share, but Table 3's {} for {} cannot be read",
                crate::data::measure_label(measure).to_lowercase(),
                unreadable.join(" and ")
            )))
        }
        Some(value) => Some(Check::compare(
            Range::printed(stated),
            Range { low: value - 0.05, high: value + 0.05 },
            format!("Table 3, {year}: the six types' ratios weighted by their market shares average {}%", auto(value, 2)),
            cells,
            average.status,
        )),
    }
}

/// "Averaging 21.5 percent value added over sales": the market-share-weighted average of each
/// year Table 3 allows, then their mean.
fn value_added_average(data: Lookup, stated: f64) -> Option<Check> {
    let mut yearly = Vec::new();
    let mut skipped = Vec::new();
    let mut status = Status::Clean;
    for year in TABLE3_YEARS {
        let (average, _) =
            market_weighted_average(data, &TABLE3_SERIES, "value_added_to_sales", year);
        match average.value {
            Some(value) => {
                yearly.push((year, value));
                status = status.weakest(average.status);
            }
            None => skipped.push(year),
        }
    }
    if yearly.is_empty() {
        return None;
    }
    let mean = yearly.iter().map(|(_, value)| value).sum::<f64>() / yearly.len() as f64;
    let skipped_text = if skipped.is_empty() {
        String::new()
    } else {
        format!(
            "; {} left out because a cell is missing",
            skipped
                .iter()
                .map(u16::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    Some(Check::compare(
        Range::printed(stated),
        Range {
            low: mean - 0.05,
            high: mean + 0.05,
        },
        format!(
            "market-share-weighted value added over sales: {}; mean {}%{skipped_text}",
            yearly
                .iter()
                .map(|(year, value)| format!("{}% in {year}", auto(*value, 1)))
                .collect::<Vec<_>>()
                .join(", "),
            auto(mean, 1)
        ),
        TABLE3_YEARS
            .iter()
            .flat_map(|&year| {
                TABLE3_SERIES.iter().map(move |series| {
                    Lookup::key(Dataset::Table3, series, "value_added_to_sales", Some(year))
                })
            })
            .collect(),
        status,
    ))
}

/// Claims that cite a table without quoting a single number.
fn table_claims(data: Lookup) -> Vec<Claim> {
    let mut claims = Vec::new();
    let claim =
        |id: &str, dataset: Dataset, statement: &str, source: &'static str, check: Check| Claim {
            id: id.to_string(),
            dataset,
            statement: statement.to_string(),
            source,
            verdict: check.verdict,
            computation: check.computation,
            cells: check.cells,
            status: check.status,
        };

    // Table 5: China's ratios are the lowest in both branches.
    for measure in ["electronic_telecom", "computers_office"] {
        let rows: Vec<&Datum> = data
            .data()
            .iter()
            .filter(|d| d.dataset == Dataset::Table5 && d.measure == measure)
            .collect();
        let Some(china) = rows
            .iter()
            .find(|d| d.series == "china")
            .and_then(|d| d.value())
        else {
            continue;
        };
        let others: Vec<(&str, f64)> = rows
            .iter()
            .filter(|d| d.series != "china")
            .filter_map(|d| d.value().map(|v| (d.series, v)))
            .collect();
        let lowest_other = others
            .iter()
            .map(|(_, value)| *value)
            .fold(f64::MAX, f64::min);
        let verdict = if china < lowest_other {
            Verdict::Agrees
        } else {
            Verdict::Disagrees
        };
        claims.push(claim(
            &format!("table5-china-lowest-{measure}"),
            Dataset::Table5,
            &format!("China's R&D spending relative to value added in {} is well below every other country's.", crate::data::measure_label(measure).to_lowercase()),
            "Section 4, 'Keeping up with dynamic competition'",
            Check {
                verdict,
                computation: format!("China {}% against the lowest other country's {}% (China's ratio is {}% of it)", auto(china, 1), auto(lowest_other, 1), auto(china / lowest_other * 100.0, 0)),
                cells: rows.iter().map(|d| d.key()).collect(),
                status: rows.iter().fold(Status::Clean, |status, d| status.weakest(d.cell.status)),
            },
        ));
    }

    // Table 2: FDI fell during the Asian financial crisis.
    let before = data.cell(Dataset::Table2, "fdi", "actual_utilized", 1997);
    let after = data.cell(Dataset::Table2, "fdi", "actual_utilized", 1999);
    if let (Some(b), Some(a)) = (before.value, after.value) {
        claims.push(claim(
            "table2-fdi-fell-in-asian-crisis",
            Dataset::Table2,
            "ICT FDI fell during the Asian financial crisis before rising again.",
            "Section 3, 'China's emergence in the world ICT industry'",
            Check {
                verdict: if a < b {
                    Verdict::Agrees
                } else {
                    Verdict::Disagrees
                },
                computation: format!(
                    "Table 2: {} m US$ in 1997, {} m US$ in 1999 ({}%)",
                    number(b, 0),
                    number(a, 0),
                    auto((a - b) / b * 100.0, 0)
                ),
                cells: [1997, 1999]
                    .map(|year| Lookup::key(Dataset::Table2, "fdi", "actual_utilized", Some(year)))
                    .to_vec(),
                status: before.status.weakest(after.status),
            },
        ));
    }

    // Table 3: foreign firms hold more than half of the domestic market.
    let shares: Vec<(u16, Cell)> = TABLE3_YEARS
        .iter()
        .map(|&year| {
            (
                year,
                data.cell(
                    Dataset::Table3,
                    "foreign_funded",
                    "domestic_market_share",
                    year,
                ),
            )
        })
        .collect();
    let above: Vec<u16> = shares
        .iter()
        .filter(|(_, cell)| cell.value.is_some_and(|v| v > 50.0))
        .map(|(year, _)| *year)
        .collect();
    claims.push(claim(
        "table3-foreign-over-half-of-market",
        Dataset::Table3,
        "Foreign firms take more than half of China's domestic ICT market.",
        "Section 4, 'Keeping up with dynamic competition'",
        Check {
            verdict: if above.is_empty() {
                Verdict::Disagrees
            } else {
                Verdict::Agrees
            },
            computation: format!(
                "Table 3, foreign funded: {}; above 50% in {}",
                shares
                    .iter()
                    .map(|(year, cell)| format!(
                        "{} ({year})",
                        cell.value
                            .map(|v| auto(v, 1))
                            .unwrap_or_else(|| "missing".into())
                    ))
                    .collect::<Vec<_>>()
                    .join(", "),
                if above.is_empty() {
                    "no year".to_string()
                } else {
                    above
                        .iter()
                        .map(u16::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            ),
            cells: TABLE3_YEARS
                .iter()
                .map(|&year| {
                    Lookup::key(
                        Dataset::Table3,
                        "foreign_funded",
                        "domestic_market_share",
                        Some(year),
                    )
                })
                .collect(),
            status: shares.iter().fold(Status::Clean, |status, (_, cell)| {
                status.weakest(cell.status)
            }),
        },
    ));

    // Table 3: foreign firms earn less on their sales than domestic firms.
    let mut lower = Vec::new();
    let mut higher = Vec::new();
    let mut status = Status::Clean;
    for year in TABLE3_YEARS {
        let (domestic_average, _) =
            market_weighted_average(data, &TABLE3_SERIES[..5], "profit_to_sales", year);
        let foreign = data.cell(Dataset::Table3, "foreign_funded", "profit_to_sales", year);
        if let (Some(d), Some(f)) = (domestic_average.value, foreign.value) {
            status = status
                .weakest(domestic_average.status)
                .weakest(foreign.status);
            let text = format!(
                "{year}: foreign {}% vs domestic {}%",
                auto(f, 1),
                auto(d, 1)
            );
            if f < d {
                lower.push(text);
            } else {
                higher.push(text);
            }
        }
    }
    claims.push(claim(
        "table3-foreign-lower-profit",
        Dataset::Table3,
        "Foreign firms make a lower profit on their sales than domestic firms.",
        "Section 3, 'Trade and production structure of the walking-out'",
        Check {
            verdict: if !lower.is_empty() && lower.len() >= higher.len() { Verdict::Agrees } else { Verdict::Disagrees },
            computation: format!(
                "domestic types' profit ratios weighted by market share, against foreign funded: lower in {}; not lower in {}; 2004 cannot be computed (illegible cells)",
                if lower.is_empty() { "no year".to_string() } else { lower.join(", ") },
                if higher.is_empty() { "no year".to_string() } else { higher.join(", ") }
            ),
            cells: TABLE3_YEARS.iter().map(|&year| Lookup::key(Dataset::Table3, "foreign_funded", "profit_to_sales", Some(year))).collect(),
            status,
        },
    ));

    // Table 1: assets shift from state-owned to joint stock firms.
    let first = TABLE1_YEARS[0];
    let last = TABLE1_YEARS[TABLE1_YEARS.len() - 1];
    let soe = [first, last].map(|year| {
        data.cell(
            Dataset::Table1,
            "state_owned",
            "share_domestic_assets",
            year,
        )
    });
    let jsc = [first, last].map(|year| {
        data.cell(
            Dataset::Table1,
            "joint_stock",
            "share_domestic_assets",
            year,
        )
    });
    if let ([Some(s0), Some(s1)], [Some(j0), Some(j1)]) =
        (soe.map(|c| c.value), jsc.map(|c| c.value))
    {
        claims.push(claim(
            "table1-assets-shift-soe-to-jsc",
            Dataset::Table1,
            "Domestic assets shift from traditional state-owned firms to joint stock companies.",
            "Section 2, on state ownership",
            Check {
                verdict: if s1 < s0 && j1 > j0 { Verdict::Agrees } else { Verdict::Disagrees },
                computation: format!("Table 1, share of domestic assets {first}→{last}: state owned {}% → {}%, joint stock {}% → {}%", auto(s0, 0), auto(s1, 0), auto(j0, 0), auto(j1, 0)),
                cells: [("state_owned", first), ("state_owned", last), ("joint_stock", first), ("joint_stock", last)]
                    .map(|(series, year)| Lookup::key(Dataset::Table1, series, "share_domestic_assets", Some(year)))
                    .to_vec(),
                status: soe.iter().chain(&jsc).fold(Status::Clean, |status, cell| status.weakest(cell.status)),
            },
        ));
    }
    claims
}
