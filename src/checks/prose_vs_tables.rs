//! Prose numbers that cite Tables 1 and 3: state-controlled firms' average share of domestic
//! assets, the whole industry's profit over sales, and the market shares of groups of types.

use super::outcome::{Check, Warning};
use super::outcome::{StatementCheck, Years};
use super::rounding::{between, corners, reading_at, value_at, Inputs, Range, Reading};
use super::EXPORTS_YEAR;
use crate::data::{
    measure_label, series_label, Dataset, Datum, Lookup, Status, TABLE3_SERIES, TABLE3_YEARS,
};
use crate::format::auto;
use crate::indicators::market_weighted_average;

/// The prose numbers these checks decide.
pub(super) const STATEMENTS: &[StatementCheck] = &[
    StatementCheck {
        dataset: Dataset::Text,
        series: &["state_controlled"],
        measure: "share_domestic_assets_average_2003_2005",
        years: Years::Undated,
        check: |data, _, _| sce_statement(data),
    },
    StatementCheck {
        dataset: Dataset::Text,
        series: &["total"],
        measure: "profit_to_sales",
        years: Years::Dated,
        check: industry_profit_statement,
    },
    StatementCheck {
        dataset: Dataset::Text,
        series: &["total"],
        measure: "value_added_to_sales_average",
        years: Years::Undated,
        check: |data, _, _| value_added_statement(data),
    },
    StatementCheck {
        dataset: Dataset::Fig3,
        series: &["jsc_llc_private"],
        measure: "share_of_domestic_sales",
        years: Years::In(GROUP_YEAR),
        check: |data, _, _| group_share_statement(data),
    },
];

/// The two years Table 1 prints state-controlled firms' rows for.
const SCE_YEARS: [u16; 2] = [2003, 2005];

/// State-controlled firms' average share of domestic assets, 2003–2005: the prose's figure
/// against the two years Table 1 prints.
pub(super) struct SceAverage {
    pub(super) agrees: bool,
    pub(super) status: Status,
    pub(super) cells: Vec<String>,
    values: [f64; 2],
    mean: f64,
    range: Range,
    stated: Reading,
}

impl SceAverage {
    pub(super) fn arithmetic(&self) -> String {
        format!(
            "Table 1: ({} + {}) / 2 = {}% for {} and {}, the two years it prints ({}% given rounding); the prose says {}%",
            auto(self.values[0], 1),
            auto(self.values[1], 1),
            auto(self.mean, 1),
            SCE_YEARS[0],
            SCE_YEARS[1],
            between(self.range, 2),
            self.stated.text()
        )
    }
}

pub(super) fn sce_average(data: Lookup) -> Option<SceAverage> {
    let mut inputs = Inputs::new(data);
    let [first, last] = SCE_YEARS.map(|year| {
        inputs.read(
            Dataset::Table1,
            "state_controlled",
            "share_domestic_assets",
            Some(year),
        )
    });
    let stated = inputs.read(
        Dataset::Text,
        "state_controlled",
        "share_domestic_assets_average_2003_2005",
        None,
    )?;
    let (first, last) = (first?, last?);
    let range = corners(&[first.range, last.range], |v| (v[0] + v[1]) / 2.0);
    Some(SceAverage {
        agrees: range.overlaps(stated.range),
        status: inputs.status,
        cells: inputs.cells,
        values: [first.value, last.value],
        mean: (first.value + last.value) / 2.0,
        range,
        stated,
    })
}

/// Table 3's market-share-weighted average of a ratio over some types in one year, with the
/// range that rounding of its inputs allows.
pub(super) struct Weighted {
    pub(super) value: Option<f64>,
    pub(super) range: Option<Range>,
    pub(super) status: Status,
    /// The cells that could not be read, as "Collective (profit over sales)".
    pub(super) unreadable: Vec<String>,
}

pub(super) fn weighted(data: Lookup, series: &[&str], measure: &str, year: u16) -> Weighted {
    let (average, cells) = market_weighted_average(data, series, measure, year);
    let (values, weights) = cells.split_at(series.len());
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
                        series_label(series),
                        measure_label(measure).to_lowercase()
                    )
                })
        })
        .collect();
    let range = average.value.and_then(|_| {
        // The same cells as the average, values then weights, each at its printed decimals.
        let ranges: Vec<Range> = [measure, "domestic_market_share"]
            .iter()
            .flat_map(|measure| series.iter().map(move |series| (*series, *measure)))
            .map(|(series, measure)| {
                reading_at(data, Dataset::Table3, series, measure, Some(year))
                    .map(|reading| reading.range)
            })
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
pub(super) fn weighting_lean(
    data: Lookup,
    measure: &str,
    yearly: &[(u16, f64)],
    stated: Reading,
) -> String {
    let export_share = value_at(
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
        if (stated.value - centre) * direction > 0.0 {
            format!(", towards the prose's {}%", stated.text())
        } else {
            format!(", further from the prose's {}%", stated.text())
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
pub(super) struct IndustryProfit {
    /// `None` when Table 3 does not allow the average to be computed.
    pub(super) agrees: Option<bool>,
    pub(super) status: Status,
    pub(super) cells: Vec<String>,
    pub(super) average: Weighted,
    year: u16,
    pub(super) stated: Reading,
}

impl IndustryProfit {
    pub(super) fn arithmetic(&self) -> String {
        match (self.average.value, self.average.range) {
            (Some(value), Some(range)) => format!(
                "Table 3, {}: the six types' profit ratios weighted by their shares of the domestic market average {}% ({}% given rounding); the prose says {}%",
                self.year,
                auto(value, 2),
                between(range, 2),
                self.stated.text()
            ),
            _ => format!(
                "The industry-wide ratio for {} would be the six types' profit ratios weighted by their market shares, but Table 3's cells for {} cannot be read",
                self.year,
                self.average.unreadable.join(" and ")
            ),
        }
    }

    /// What the weighting means for this average (see [`weighting_lean`]).
    pub(super) fn lean(&self, data: Lookup) -> String {
        match self.average.value {
            Some(value) => {
                weighting_lean(data, "profit_to_sales", &[(self.year, value)], self.stated)
            }
            None => String::new(),
        }
    }
}

pub(super) fn industry_profit(data: Lookup, year: u16) -> Option<IndustryProfit> {
    let mut inputs = Inputs::new(data);
    // The whole comparison cites all the cells of the year, readable or not.
    for series in TABLE3_SERIES {
        for measure in ["profit_to_sales", "domestic_market_share"] {
            inputs.cite(Lookup::key(Dataset::Table3, series, measure, Some(year)));
        }
    }
    let stated = inputs.read(Dataset::Text, "total", "profit_to_sales", Some(year))?;
    let average = weighted(data, &TABLE3_SERIES, "profit_to_sales", year);
    inputs.include(average.status, &[]);
    Some(IndustryProfit {
        agrees: average.range.map(|range| range.overlaps(stated.range)),
        status: inputs.status,
        cells: inputs.cells,
        average,
        year,
        stated,
    })
}

/// "Averaging 21.5 percent value added over sales" (citing Table 3, with no years given): the
/// market-share-weighted average of each year Table 3 allows, then their mean.
pub(super) struct ValueAddedAverage {
    pub(super) agrees: bool,
    pub(super) status: Status,
    pub(super) cells: Vec<String>,
    stated: Reading,
    /// The years that could be averaged, with their weighted averages.
    yearly: Vec<(u16, f64)>,
    /// The years left out because a cell cannot be read.
    skipped: Vec<u16>,
    range: Range,
}

impl ValueAddedAverage {
    fn mean(&self) -> f64 {
        self.yearly.iter().map(|(_, value)| value).sum::<f64>() / self.yearly.len() as f64
    }

    pub(super) fn arithmetic(&self) -> String {
        let skipped = if self.skipped.is_empty() {
            String::new()
        } else {
            format!(
                "; {} left out because a cell is missing",
                self.skipped
                    .iter()
                    .map(u16::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        format!(
            "market-share-weighted value added over sales: {}; mean {}% ({}% given rounding){skipped}; the prose says {}%",
            self.yearly
                .iter()
                .map(|(year, value)| format!("{}% in {year}", auto(*value, 1)))
                .collect::<Vec<_>>()
                .join(", "),
            auto(self.mean(), 1),
            between(self.range, 2),
            self.stated.text()
        )
    }

    /// What the weighting means for these averages (see [`weighting_lean`]).
    pub(super) fn lean(&self, data: Lookup) -> String {
        weighting_lean(data, "value_added_to_sales", &self.yearly, self.stated)
    }
}

pub(super) fn value_added_average(data: Lookup) -> Option<ValueAddedAverage> {
    let mut inputs = Inputs::new(data);
    for year in TABLE3_YEARS {
        for series in TABLE3_SERIES {
            inputs.cite(Lookup::key(
                Dataset::Table3,
                series,
                "value_added_to_sales",
                Some(year),
            ));
        }
    }
    let stated = inputs.read(Dataset::Text, "total", "value_added_to_sales_average", None)?;
    let (mut yearly, mut ranges, mut skipped) = (Vec::new(), Vec::new(), Vec::new());
    for year in TABLE3_YEARS {
        let average = weighted(data, &TABLE3_SERIES, "value_added_to_sales", year);
        match (average.value, average.range) {
            (Some(value), Some(range)) => {
                yearly.push((year, value));
                ranges.push(range);
                inputs.include(average.status, &[]);
            }
            _ => skipped.push(year),
        }
    }
    if yearly.is_empty() {
        return None;
    }
    let count = ranges.len() as f64;
    let range = Range {
        low: ranges.iter().map(|range| range.low).sum::<f64>() / count,
        high: ranges.iter().map(|range| range.high).sum::<f64>() / count,
    };
    Some(ValueAddedAverage {
        agrees: range.overlaps(stated.range),
        status: inputs.status,
        cells: inputs.cells,
        stated,
        yearly,
        skipped,
        range,
    })
}

/// The year of the prose's share for joint stock, limited liability and private firms.
const GROUP_YEAR: u16 = 2004;

/// The Table 3 columns that match the prose's "JSC, LLC and private enterprises" (Table 3 has
/// no limited-liability column).
const GROUP_SERIES: [&str; 3] = ["joint_stock_cooperative", "joint_stock", "private"];

/// "Joint stock, limited liability and private firms held 34% of domestic sales in 2004",
/// against the matching columns of Table 3.
pub(super) struct GroupShare {
    pub(super) agrees: bool,
    pub(super) status: Status,
    pub(super) cells: Vec<String>,
    stated: Reading,
    parts: Vec<Reading>,
    sum: f64,
    range: Range,
    /// Collectives' share, and whether adding it reaches the stated share.
    collective: Option<(f64, bool)>,
}

impl GroupShare {
    pub(super) fn arithmetic(&self) -> String {
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
                .map(Reading::text)
                .collect::<Vec<_>>()
                .join(" + "),
            auto(self.sum, 1),
            between(self.range, 2),
            self.stated.text()
        )
    }

    /// Whether counting collectives as well reaches the prose's share.
    pub(super) fn collectives_reach(&self) -> Option<bool> {
        self.collective.map(|(_, reaches)| reaches)
    }
}

pub(super) fn jsc_llc_private(data: Lookup) -> Option<GroupShare> {
    let mut inputs = Inputs::new(data);
    let parts: Vec<Reading> = GROUP_SERIES
        .iter()
        .map(|series| {
            inputs.read(
                Dataset::Table3,
                series,
                "domestic_market_share",
                Some(GROUP_YEAR),
            )
        })
        .collect::<Option<_>>()?;
    // Collectives are cited beside the group, since counting them too may close the gap.
    inputs.cite(Lookup::key(
        Dataset::Table3,
        "collective",
        "domestic_market_share",
        Some(GROUP_YEAR),
    ));
    let stated = inputs.read(
        Dataset::Fig3,
        "jsc_llc_private",
        "share_of_domestic_sales",
        Some(GROUP_YEAR),
    )?;
    let ranges: Vec<Range> = parts.iter().map(|part| part.range).collect();
    let range = corners(&ranges, |point| point.iter().sum());
    let collective = reading_at(
        data,
        Dataset::Table3,
        "collective",
        "domestic_market_share",
        Some(GROUP_YEAR),
    )
    .map(|share| {
        let reaches = stated.range.overlaps(Range {
            low: range.low + share.range.low,
            high: range.high + share.range.high,
        });
        (share.value, reaches)
    });
    Some(GroupShare {
        agrees: range.overlaps(stated.range),
        status: inputs.status,
        cells: inputs.cells,
        stated,
        sum: parts.iter().map(|part| part.value).sum(),
        parts,
        range,
        collective,
    })
}

/// The prose's average state-controlled share against the two years Table 1 prints.
fn sce_statement(data: Lookup) -> Option<Check> {
    let check = sce_average(data)?;
    let warning = Warning::new(
        "text-sce-average-vs-table1",
        Dataset::Table1,
        "The prose's average state-controlled share does not match Table 1",
        format!(
            "The paper gives an average for {}–{} that the two years Table 1 prints do not produce, even allowing for rounding. It may include the years between, which the table leaves out, so treat the average as approximate.",
            SCE_YEARS[0], SCE_YEARS[1]
        ),
    );
    Some(
        Check::deciding(check.agrees, check.arithmetic(), check.cells, check.status)
            .warning(warning),
    )
}

/// Whole-industry profit over sales, in a year the prose gives it, against Table 3.
fn industry_profit_statement(data: Lookup, datum: &Datum, _stated: f64) -> Option<Check> {
    let year = datum.year?;
    let check = industry_profit(data, year)?;
    let lean = check.lean(data);
    let computation = if lean.is_empty() {
        check.arithmetic()
    } else {
        format!("{}. {lean}", check.arithmetic())
    };
    let (Some(agrees), Some(average)) = (check.agrees, check.average.value) else {
        return Some(Check::not_checkable(computation));
    };
    let matching: Vec<&str> = TABLE3_SERIES
        .iter()
        .filter(|series| {
            value_at(data, Dataset::Table3, series, "profit_to_sales", Some(year))
                == Some(check.stated.value)
        })
        .map(|series| series_label(series))
        .collect();
    let coincidence = if matching.is_empty() {
        String::new()
    } else {
        format!(
            " The stated {}% is the {} column's own value for {year}, which may be where it came from.",
            check.stated.text(),
            matching.join(" and ")
        )
    };
    let gap = check.stated.value - average;
    let warning = Warning::new(
        format!("text-industry-profit-{year}-vs-table3"),
        Dataset::Table3,
        format!("Industry profit over sales in {year}: the prose and Table 3 differ"),
        format!(
            "Table 3 has no column for the whole industry, but an industry-wide ratio must lie among the types' ratios, close to their average weighted by market share. That average is {} points {} the figure the prose gives, more than rounding explains.{coincidence} {lean}",
            auto(gap.abs(), 2),
            if gap > 0.0 { "below" } else { "above" },
        ),
    )
    .numbers(check.arithmetic());
    Some(Check::deciding(agrees, computation, check.cells, check.status).warning(warning))
}

/// The prose's average value added over sales against Table 3's weighted averages.
fn value_added_statement(data: Lookup) -> Option<Check> {
    let check = value_added_average(data)?;
    let lean = check.lean(data);
    let gap = check.stated.value - check.mean();
    let warning = Warning::new(
        "text-value-added-average-vs-table3",
        Dataset::Table3,
        "Average value added over sales: the prose and Table 3 differ",
        format!(
            "The paper does not say which years or firms its average covers. Read as the whole industry's ratio in each year Table 3 allows, averaged, Table 3 gives {}% ({} points {} the prose's figure), which rounding does not explain.{} {lean}",
            auto(check.mean(), 1),
            auto(gap.abs(), 1),
            if gap > 0.0 { "below" } else { "above" },
            if gap.abs() < 1.0 {
                " The gap is small, so a different choice of years or weights may be all that lies behind it."
            } else {
                ""
            },
        ),
    )
    .numbers(check.arithmetic());
    Some(
        Check::deciding(
            check.agrees,
            format!("{}. {lean}", check.arithmetic()),
            check.cells,
            check.status,
        )
        .warning(warning),
    )
}

/// Joint stock, limited liability and private firms' share of domestic sales in 2004.
fn group_share_statement(data: Lookup) -> Option<Check> {
    let check = jsc_llc_private(data)?;
    let collectives = match check.collectives_reach() {
        Some(true) => "and the types it does have add up to the stated share only if collectives are counted as well, so the paper seems to group the types differently from its table.",
        Some(false) => "and the types it does have do not add up to the stated share even with collectives counted as well, so the paper's figure may come from another source.",
        None => "and collectives' share cannot be read to see whether counting them closes the gap.",
    };
    let warning = Warning::new(
        "text-jsc-llc-private-2004-vs-table3",
        Dataset::Table3,
        format!(
            "Joint stock, limited liability and private firms' market share in {GROUP_YEAR}: the prose and Table 3 differ"
        ),
        format!(
            "The prose names joint stock, limited liability and private firms. Table 3 has no limited-liability column, {collectives}"
        ),
    );
    Some(
        Check::deciding(check.agrees, check.arithmetic(), check.cells, check.status)
            .warning(warning),
    )
}
