//! Claims that cite a table without quoting a single number: China's R&D ratios are the
//! lowest, FDI fell in the Asian crisis, foreign firms hold most of the market and earn less on
//! their sales, and assets shift from state-owned to joint stock firms.

use super::outcome::{Check, Checked};
use super::prose_vs_tables::weighted;
use super::rounding::{between, reading_at};
use super::Verdict;
use crate::data::facts::Section;
use crate::data::{
    Cell, Dataset, Datum, Lookup, Status, TABLE1_YEARS, TABLE3_SERIES, TABLE3_YEARS,
};
use crate::format::{auto, number};

/// The years the claim that foreign firms earn less on their sales is checked on: the paper
/// makes it right after the whole industry's profit ratios for 2003 and 2004.
const LOWER_PROFIT_YEARS: [u16; 2] = [2003, 2004];

/// Claims that cite a table without quoting a single number.
pub(super) fn claims(data: Lookup) -> Vec<Checked> {
    let mut claims = Vec::new();
    let claim =
        |id: &str, dataset: Dataset, statement: &str, source: &'static str, check: Check| {
            check.claim(id, dataset, statement.to_string(), source)
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
            Section::DynamicCompetition.label(),
            Check {
                warnings: Vec::new(),
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
            Section::Emergence.label(),
            Check {
                warnings: Vec::new(),
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
        Section::DynamicCompetition.label(),
        Check {
            warnings: Vec::new(),
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
        let domestic = weighted(data, &TABLE3_SERIES[..5], "profit_to_sales", year);
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
        let lower = reading_at(
            data,
            Dataset::Table3,
            "foreign_funded",
            "profit_to_sales",
            Some(year),
        )
        .is_some_and(|foreign| foreign.range.high < range.low);
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
        Section::TradeStructure.label(),
        Check {
            warnings: Vec::new(),
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
            Section::StateOwnership.label(),
            Check {
                warnings: Vec::new(),
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
