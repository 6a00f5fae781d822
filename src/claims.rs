//! The paper's quantitative claims, each checked against the data where the data allows.
//!
//! Every number quoted in the prose becomes a claim. Where a table (or another statement in the
//! paper) bears on it, the claim gets a verdict computed from those cells, with the arithmetic
//! shown; otherwise it is `not_checkable` with the reason. A few claims that cite a table
//! without quoting one number (such as "China's ratios are the lowest") are added by hand.

use crate::audit::{self, between, Range, Reach};
use crate::data::{
    Cell, Dataset, Datum, Lookup, Status, Unit, TABLE1_YEARS, TABLE3_SERIES, TABLE3_YEARS,
};
use crate::format::{auto, number};
use crate::indicators::implied_domestic_share;
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

    /// A verdict from a check the audit shares: agrees or disagrees.
    fn from_agreement(
        agrees: bool,
        computation: String,
        cells: Vec<String>,
        status: Status,
    ) -> Check {
        Check {
            verdict: if agrees {
                Verdict::Agrees
            } else {
                Verdict::Disagrees
            },
            computation,
            cells,
            status,
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
    for cell in check.cells {
        if !cells.contains(&cell) {
            cells.push(cell);
        }
    }
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

/// Checks written for particular statements. Where the audit checks the same numbers, the claim
/// uses the audit's computation, so that a finding and a verdict cannot disagree.
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
            let check = audit::sce_average(data)?;
            Some(Check::from_agreement(
                check.agrees,
                check.arithmetic(),
                check.cells,
                check.status,
            ))
        }
        (Dataset::Text, "private", "share_total_assets_max_before_1997", None) => {
            let first = TABLE1_YEARS[0];
            let cell = t1("private", "share_total_assets", first);
            let value = cell.value?;
            let range = Range::printed(value);
            let consistent = if range.low <= stated {
                format!("Its first year fits the statement: private firms held {}% of all assets in {first} (at least {}% given rounding), not more than {}%.", auto(value, 1), auto(range.low, 2), auto(stated, 1))
            } else {
                format!("Its first year does not fit well: private firms already held {}% of all assets in {first}, more than {}% even given rounding.", auto(value, 1), auto(stated, 1))
            };
            Some(Check {
                verdict: Verdict::NotCheckable,
                computation: format!("The statement is about the years before {first}, and Table 1 starts in {first}, so no printed number covers them. {consistent}"),
                cells: vec![key_of(Dataset::Table1, "private", "share_total_assets", Some(first))],
                status: cell.status,
            })
        }
        (Dataset::Text, "private", "share_domestic_assets_max_before_1997", None) => {
            let first = TABLE1_YEARS[0];
            let share = t1("private", "share_total_assets", first);
            let foreign = t1("foreign_funded", "share_total_assets", first);
            let printed = t1("private", "share_domestic_assets", first);
            let implied = implied_domestic_share(&share, &foreign);
            let (Some(share_value), Some(foreign_value), Some(implied_value), Some(printed_value)) =
                (share.value, foreign.value, implied.value, printed.value)
            else {
                return None;
            };
            let printed_range = Range::printed(printed_value);
            let implied_range = audit::corners(
                &[Range::printed(share_value), Range::printed(foreign_value)],
                |v| v[0] / (100.0 - v[1]) * 100.0,
            );
            let fits = printed_range.low <= stated && implied_range.low <= stated;
            Some(Check {
                verdict: Verdict::NotCheckable,
                computation: format!(
                    "The statement is about the years before {first}, and Table 1 starts in {first}, so no printed number covers them. Its first year {} the statement: printed {}% ({}% given rounding), and {} / (100 − {}) × 100 = {}% ({}% given rounding) implied by the asset shares, against at most {}%",
                    if fits { "fits" } else { "does not fit" },
                    auto(printed_value, 1),
                    between(printed_range, 2),
                    auto(share_value, 1),
                    auto(foreign_value, 1),
                    auto(implied_value, 2),
                    between(implied_range, 2),
                    auto(stated, 1)
                ),
                cells: vec![
                    key_of(Dataset::Table1, "private", "share_domestic_assets", Some(first)),
                    key_of(Dataset::Table1, "private", "share_total_assets", Some(first)),
                    key_of(Dataset::Table1, "foreign_funded", "share_total_assets", Some(first)),
                ],
                status: implied.status.weakest(printed.status),
            })
        }
        (Dataset::Text, "fdi", "actual_utilized", Some(2000)) => {
            let check = audit::wto_fdi(data)?;
            Some(Check::from_agreement(
                check.agrees,
                format!("{}. {}", check.arithmetic(), check.dates()),
                check.cells,
                check.status,
            ))
        }
        (Dataset::Text, "fdi", "multiple_of_government_investment_1990_2002", None) => {
            let check = audit::fdi_vs_government(data)?;
            Some(fdi_total_check(
                check.total.reach,
                check.arithmetic(),
                check.cells,
                check.status,
            ))
        }
        (Dataset::Text, "fdi", "accumulated", Some(2005)) => {
            let check = audit::fdi_accumulated(data)?;
            Some(fdi_total_check(
                check.total.reach,
                check.arithmetic(),
                check.cells,
                check.status,
            ))
        }
        (Dataset::Text, "total", "profit_to_sales", Some(year)) => {
            let check = audit::industry_profit(data, year)?;
            let lean = check.lean(data);
            let computation = if lean.is_empty() {
                check.arithmetic()
            } else {
                format!("{}. {lean}", check.arithmetic())
            };
            Some(match check.agrees {
                Some(agrees) => {
                    Check::from_agreement(agrees, computation, check.cells, check.status)
                }
                None => Check::not_checkable(computation),
            })
        }
        (Dataset::Text, "total", "value_added_to_sales_average", None) => {
            value_added_average(data, stated)
        }
        (Dataset::Text, "china", "ict_output", Some(year)) => {
            let check = audit::output_against_exports(data, year)?;
            Some(if check.below {
                Check {
                    verdict: Verdict::Disagrees,
                    computation: format!("{}. A country cannot export more than it produces, so this output figure cannot be right as printed", check.arithmetic()),
                    cells: check.cells,
                    status: check.status,
                }
            } else {
                Check {
                    verdict: Verdict::NotCheckable,
                    computation: format!("{}. Output is not below exports, so the paper does not contradict this figure, but nothing in it confirms the figure either", check.arithmetic()),
                    cells: check.cells,
                    status: check.status,
                }
            })
        }
        (Dataset::Text, "computers", "share_of_ict_exports", Some(2004)) => {
            let majority = if stated < 50.0 {
                format!(" Note that the paper calls this 'the majority' of exports, which {}% is not (a majority is more than half).", auto(stated, 1))
            } else {
                String::new()
            };
            Some(Check::not_checkable(format!(
                "No table in the paper covers this number, and no other statement in it implies a value for it.{majority}"
            )))
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
            let check = audit::jsc_llc_private(data)?;
            Some(Check::from_agreement(
                check.agrees,
                check.arithmetic(),
                check.cells,
                check.status,
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
            // "About 70 percent": agree when every year lies within five points of the stated value.
            let about = Range {
                low: stated - ABOUT_POINTS,
                high: stated + ABOUT_POINTS,
            };
            let fits = about.low <= low && high <= about.high;
            Some(Check {
                verdict: if fits { Verdict::Agrees } else { Verdict::Disagrees },
                computation: format!(
                    "Table 4: processing with imported materials ranges from {}% to {}%, averaging {}%; 'about' {}% is taken to mean within {} points, and {}",
                    auto(low, 1),
                    auto(high, 1),
                    auto(mean, 1),
                    auto(stated, 0),
                    auto(ABOUT_POINTS, 0),
                    if fits { "every year is" } else { "not every year is" }
                ),
                cells: cells.iter().map(|datum| datum.key()).collect(),
                status: cells.iter().fold(Status::Clean, |status, datum| status.weakest(datum.cell.status)),
            })
        }
        (Dataset::Fig2, "foreign_funded", "share_of_exports", Some(2004))
        | (Dataset::Fig2, "domestic_funded", "share_of_exports", Some(2004)) => {
            let check = audit::export_shares(data)?;
            let other = if datum.series == "foreign_funded" {
                check.domestic
            } else {
                check.foreign
            };
            Some(Check::from_agreement(
                check.agrees,
                format!(
                    "{}; the other share the paper gives, {}%, leaves {}% for this one",
                    check.arithmetic(),
                    auto(other, 1),
                    auto(100.0 - other, 1)
                ),
                check.cells,
                check.status,
            ))
        }
        (Dataset::Fig2, "foreign_funded", "net_exports_share_of_exports", Some(2004)) => {
            let check = audit::foreign_net_share(data)?;
            Some(Check::from_agreement(
                check.agrees,
                check.arithmetic(),
                check.cells,
                check.status,
            ))
        }
        (Dataset::Fig2, "foreign_funded", "net_exports", Some(2004)) => {
            let check = audit::domestic_balance(data)?;
            let computation = if check.agrees {
                check.arithmetic()
            } else {
                format!("{}. {}", check.arithmetic(), check.explanation())
            };
            Some(Check::from_agreement(
                check.agrees,
                computation,
                check.cells,
                check.status,
            ))
        }
        (Dataset::Text, rival @ ("ibm" | "dell"), "size_multiple_of_lenovo", Some(2006)) => {
            let check = audit::size_ratio(data, rival)?;
            Some(Check::from_agreement(
                check.agrees,
                format!(
                    "{}, on the revenues quoted in the same sentence",
                    check.arithmetic()
                ),
                check.cells,
                check.status,
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

/// How far from "about" a value the data may lie and still agree with it, in points.
const ABOUT_POINTS: f64 = 5.0;

/// A total the prose needs against what Table 2 allows: the audit's reach decides the verdict.
fn fdi_total_check(reach: Reach, arithmetic: String, cells: Vec<String>, status: Status) -> Check {
    let (verdict, conclusion) = match reach {
        Reach::Beyond => (
            Verdict::Disagrees,
            "so the table rules the statement out",
        ),
        Reach::Barely => (
            Verdict::NotCheckable,
            "only just above what is needed, so the table can neither confirm nor rule the statement out",
        ),
        Reach::Within => (
            Verdict::NotCheckable,
            "so the table does not rule the statement out, but with years missing it cannot confirm it either",
        ),
    };
    Check {
        verdict,
        computation: format!("{arithmetic}: {conclusion}"),
        cells,
        status,
    }
}

/// "Averaging 21.5 percent value added over sales": the market-share-weighted average of each
/// year Table 3 allows, then their mean.
fn value_added_average(data: Lookup, stated: f64) -> Option<Check> {
    let mut yearly = Vec::new();
    let mut ranges = Vec::new();
    let mut skipped = Vec::new();
    let mut status = Status::Clean;
    for year in TABLE3_YEARS {
        let average = audit::weighted(data, &TABLE3_SERIES, "value_added_to_sales", year);
        match (average.value, average.range) {
            (Some(value), Some(range)) => {
                yearly.push((year, value));
                ranges.push(range);
                status = status.weakest(average.status);
            }
            _ => skipped.push(year),
        }
    }
    if yearly.is_empty() {
        return None;
    }
    let count = yearly.len() as f64;
    let mean = yearly.iter().map(|(_, value)| value).sum::<f64>() / count;
    let range = Range {
        low: ranges.iter().map(|range| range.low).sum::<f64>() / count,
        high: ranges.iter().map(|range| range.high).sum::<f64>() / count,
    };
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
    let lean = audit::weighting_lean(data, "value_added_to_sales", &yearly, stated);
    Some(Check::compare(
        Range::printed(stated),
        range,
        format!(
            "market-share-weighted value added over sales: {}; mean {}% ({}% given rounding){skipped_text}. {lean}",
            yearly
                .iter()
                .map(|(year, value)| format!("{}% in {year}", auto(*value, 1)))
                .collect::<Vec<_>>()
                .join(", "),
            auto(mean, 1),
            between(range, 2)
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

/// The years the claim that foreign firms earn less on their sales is checked on: the paper
/// makes it right after the whole industry's profit ratios for 2003 and 2004.
const LOWER_PROFIT_YEARS: [u16; 2] = [2003, 2004];

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

    // Table 3: foreign firms earn less on their sales than domestic firms. The paper says so
    // right after the whole industry's profit ratios for 2003 and 2004, so those are the years
    // the claim is checked on; the other years are shown for context only.
    let mut in_scope = Vec::new();
    let mut lower_in_scope = 0;
    let mut uncomputable = Vec::new();
    let mut context = Vec::new();
    let mut status = Status::Clean;
    for year in TABLE3_YEARS {
        let domestic = audit::weighted(data, &TABLE3_SERIES[..5], "profit_to_sales", year);
        let foreign = data.cell(Dataset::Table3, "foreign_funded", "profit_to_sales", year);
        let scoped = LOWER_PROFIT_YEARS.contains(&year);
        let (Some(d), Some(range), Some(f)) = (domestic.value, domestic.range, foreign.value)
        else {
            if scoped {
                let mut unreadable = domestic.unreadable.clone();
                if foreign.value.is_none() {
                    unreadable.push("Foreign funded (profit over sales)".to_string());
                }
                uncomputable.push(format!(
                    "{year} cannot be computed, because Table 3's cells for {} cannot be read",
                    unreadable.join(" and ")
                ));
            }
            continue;
        };
        // Lower only when rounding cannot make the two equal.
        let lower = Range::printed(f).high < range.low;
        let text = format!(
            "{year}: foreign {}% against domestic {}% ({}% given rounding), {}",
            auto(f, 1),
            auto(d, 2),
            between(range, 2),
            if lower { "lower" } else { "not lower" }
        );
        if scoped {
            status = status.weakest(domestic.status).weakest(foreign.status);
            lower_in_scope += usize::from(lower);
            in_scope.push(text);
        } else {
            context.push(text);
        }
    }
    let scope = LOWER_PROFIT_YEARS
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(" and ");
    let verdict = if in_scope.is_empty() {
        Verdict::NotCheckable
    } else if lower_in_scope == in_scope.len() {
        Verdict::Agrees
    } else {
        Verdict::Disagrees
    };
    let mut computation = format!(
        "The paper says this of {scope}. Domestic types' profit ratios weighted by their shares of the domestic market, against foreign funded: {}",
        if in_scope.is_empty() {
            "no year of those can be computed".to_string()
        } else {
            in_scope.join("; ")
        }
    );
    if !uncomputable.is_empty() {
        computation.push_str(&format!("; {}", uncomputable.join("; ")));
    }
    if !context.is_empty() {
        computation.push_str(&format!(
            ". Outside those years, for context: {}",
            context.join("; ")
        ));
    }
    claims.push(claim(
        "table3-foreign-lower-profit",
        Dataset::Table3,
        &format!(
            "Foreign firms make a lower profit on their sales than domestic firms ({}–{}).",
            LOWER_PROFIT_YEARS[0],
            LOWER_PROFIT_YEARS[LOWER_PROFIT_YEARS.len() - 1]
        ),
        "Section 3, 'Trade and production structure of the walking-out'",
        Check {
            verdict,
            computation,
            cells: LOWER_PROFIT_YEARS
                .iter()
                .flat_map(|&year| {
                    TABLE3_SERIES.iter().flat_map(move |series| {
                        ["profit_to_sales", "domestic_market_share"].map(|measure| {
                            Lookup::key(Dataset::Table3, series, measure, Some(year))
                        })
                    })
                })
                .collect(),
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
