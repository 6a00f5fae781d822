//! The other checks written for particular prose numbers: ranks, "about", bounds before 1997,
//! and shares the tables print under another name.

use super::outcome::Check;
use super::outcome::{figure_name, StatementCheck, Years};
use super::prose_vs_prose::LISTED_EXPORTERS;
use super::rounding::{between, corners, reading_at, Range, Reading};
use super::Verdict;
use crate::data::{Dataset, Datum, Lookup, Status, TABLE1_YEARS, TABLE3_YEARS};
use crate::format::auto;
use crate::indicators::implied_domestic_share;

/// How far from "about" a value the data may lie and still agree with it, in points.
const ABOUT_POINTS: f64 = 5.0;

/// Why the first year of Table 1 decides a bound on the years before it.
const GREW_BEFORE_TABLE1: &str = "The paper says the private sector grew to these shares before 1997 and rose further after (Table 1's later years), so a first year within the bound puts the years before it within the bound too";

/// The countries the paper names ahead of China by number of scientists and engineers.
const AHEAD_IN_SCIENTISTS: [&str; 4] = ["the US", "Japan", "Korea", "France"];

/// The prose numbers these checks decide.
pub(super) const STATEMENTS: &[StatementCheck] = &[
    StatementCheck {
        dataset: Dataset::Text,
        series: &["private"],
        measure: "share_total_assets_max_before_1997",
        years: Years::Undated,
        check: |data, _, stated| private_before_table1(data, stated),
    },
    StatementCheck {
        dataset: Dataset::Text,
        series: &["private"],
        measure: "share_domestic_assets_max_before_1997",
        years: Years::Undated,
        check: |data, _, stated| private_domestic_before_table1(data, stated),
    },
    StatementCheck {
        dataset: Dataset::Text,
        series: &["usa", "japan", "china"],
        measure: "world_output_rank",
        years: Years::Undated,
        check: |data, datum, stated| output_rank(data, datum.series, stated),
    },
    StatementCheck {
        dataset: Dataset::Fig3,
        series: &["foreign_funded"],
        measure: "share_of_domestic_sales",
        years: Years::Dated,
        check: foreign_share_of_sales,
    },
    StatementCheck {
        dataset: Dataset::Fig2,
        series: &["wfoe"],
        measure: "share_of_imports",
        years: Years::In(2004),
        check: |data, _, _| wholly_owned_imports(data),
    },
    StatementCheck {
        dataset: Dataset::Fig3,
        series: &["private"],
        measure: "share_of_domestic_sales",
        years: Years::Undated,
        check: |data, datum, _| latest_private_share(data, datum),
    },
    StatementCheck {
        dataset: Dataset::Text,
        series: &["processing_imported_materials"],
        measure: "share_of_exports_typical_1997_2004",
        years: Years::Undated,
        check: |data, _, stated| typical_processing_share(data, stated),
    },
    StatementCheck {
        dataset: Dataset::Text,
        series: &["hongfujin"],
        measure: "export_rank",
        years: Years::Dated,
        check: |data, datum, _| largest_exporter(data, datum.year?),
    },
    StatementCheck {
        dataset: Dataset::Fig1,
        series: &["china"],
        measure: "export_rank",
        years: Years::In(2004),
        check: |data, _, _| largest_world_exporter(data),
    },
    StatementCheck {
        dataset: Dataset::Text,
        series: &["televisions", "mobile_phones"],
        measure: "china_world_market_rank",
        years: Years::Dated,
        check: |data, datum, _| largest_market_share(data, datum.series, datum.year?),
    },
    StatementCheck {
        dataset: Dataset::Text,
        series: &["china"],
        measure: "scientists_engineers_rank",
        years: Years::Undated,
        check: |_, _, stated| Some(scientists_rank(stated)),
    },
    StatementCheck {
        dataset: Dataset::Fig2,
        series: &["foreign_funded"],
        measure: "share_of_exports_above_domestic_from",
        years: Years::Dated,
        check: |data, datum, _| {
            passed_domestic(data, Dataset::Fig2, "share_of_exports", datum.year?)
        },
    },
    StatementCheck {
        dataset: Dataset::Fig3,
        series: &["foreign_funded"],
        measure: "share_of_output_above_domestic_from",
        years: Years::Dated,
        check: |data, datum, _| {
            passed_domestic(data, Dataset::Fig3, "share_of_output", datum.year?)
        },
    },
    StatementCheck {
        dataset: Dataset::Fig3,
        series: &["foreign_funded"],
        measure: "output_rank_among_types_1990s",
        years: Years::Undated,
        check: |data, _, _| foreign_output_rank(data),
    },
    StatementCheck {
        dataset: Dataset::Text,
        series: &["chinese_firms"],
        measure: "multinationals_in_world_top_250",
        years: Years::Undated,
        check: |data, _, _| multinationals_in_top_250(data),
    },
];

/// Foreign-funded firms' share of domestic sales in a year, against Table 3's market share.
fn foreign_share_of_sales(data: Lookup, datum: &Datum, _stated: f64) -> Option<Check> {
    let year = datum.year?;
    let table = data.get(
        Dataset::Table3,
        "foreign_funded",
        "domestic_market_share",
        Some(year),
    )?;
    let found = Reading::of(table)?;
    Some(Check::compare(
        Range::of(datum)?,
        found.range,
        format!(
            "Table 3 prints {}% for foreign-funded firms' share of the domestic market in {year}",
            found.text()
        ),
        vec![table.key()],
        table.cell.status,
    ))
}

/// China called the largest exporter of 2004, against the US, the previous leader.
fn largest_world_exporter(data: Lookup) -> Option<Check> {
    let china = reading_at(data, Dataset::Fig1, "china", "exports", Some(2004))?;
    let usa = reading_at(data, Dataset::Fig1, "usa", "exports", Some(2004))?;
    Some(Check::deciding(
        china.range.low > usa.range.high,
        format!("China {} bn US$ against the US {} bn US$, the previous leader; the others are shown only in Figure 1", china.text(), usa.text()),
        vec![
            Lookup::key(Dataset::Fig1, "china", "exports", Some(2004)),
            Lookup::key(Dataset::Fig1, "usa", "exports", Some(2004)),
        ],
        Status::Clean,
    ))
}

/// China's rank by scientists and engineers, against the countries the same sentence names
/// ahead of it.
fn scientists_rank(stated: f64) -> Check {
    let implied = AHEAD_IN_SCIENTISTS.len() as f64 + 1.0;
    Check::deciding(
        implied == stated,
        format!(
            "The same sentence names {} countries ahead of China ({}) and none besides, which makes China number {}; the OECD figures behind it are not printed",
            AHEAD_IN_SCIENTISTS.len(),
            AHEAD_IN_SCIENTISTS.join(", "),
            auto(implied, 0)
        ),
        Vec::new(),
        Status::Clean,
    )
}

/// Foreign-funded firms called the largest producers among the types in the 1990s: Figure 3's
/// one quoted share of the decade cannot tell.
fn foreign_output_rank(data: Lookup) -> Option<Check> {
    let datum = data.get(
        Dataset::Fig3,
        "foreign_funded",
        "share_of_output",
        Some(1996),
    )?;
    let share = Reading::of(datum)?;
    Some(Check::with(
        Verdict::NotCheckable,
        format!(
            "Figure 3 is a chart whose data the paper does not print. The one share of the 1990s the prose quotes is {}% in 1996; the rest is split among domestic types whose shares are not given, so whether any of them was larger cannot be told",
            share.text()
        ),
        vec![datum.key()],
        datum.cell.status,
    ))
}

/// Chinese multinationals in the world's top 250, beside China Mobile's place on that list.
fn multinationals_in_top_250(data: Lookup) -> Option<Check> {
    let mobile = reading_at(
        data,
        Dataset::Text,
        "china_mobile",
        "rank_in_world_top_250",
        None,
    )?;
    Some(Check::with(
        Verdict::NotCheckable,
        format!(
            "No table lists firms by size. Footnote 28 puts China Mobile at number {} on the same list, but counts it as a firm serving the domestic market rather than a multinational, so the two statements do not conflict",
            mobile.text()
        ),
        vec![Lookup::key(
            Dataset::Text,
            "china_mobile",
            "rank_in_world_top_250",
            None,
        )],
        Status::Clean,
    ))
}

/// "Private firms held no more than 0.5% of all assets before 1997": Table 1 starts in 1997.
fn private_before_table1(data: Lookup, stated: f64) -> Option<Check> {
    let first = TABLE1_YEARS[0];
    let datum = data.get(
        Dataset::Table1,
        "private",
        "share_total_assets",
        Some(first),
    )?;
    let share = Reading::of(datum)?;
    let fits = share.range.low <= stated;
    let computation = if fits {
        format!("Table 1 starts in {first}, when private firms held {}% of all assets (at least {}% given rounding), not more than {}%. {GREW_BEFORE_TABLE1}.", share.text(), auto(share.range.low, 2), auto(stated, 1))
    } else {
        format!("Table 1 starts in {first}, when private firms already held {}% of all assets, more than {}% even given rounding; the years before it are not printed, so they may still have been within the bound.", share.text(), auto(stated, 1))
    };
    Some(Check {
        warnings: Vec::new(),
        verdict: if fits {
            Verdict::Agrees
        } else {
            Verdict::NotCheckable
        },
        computation,
        cells: vec![datum.key()],
        status: datum.cell.status,
    })
}

/// "… and no more than 0.8% of domestic assets before 1997", against 1997's printed and
/// implied shares.
fn private_domestic_before_table1(data: Lookup, stated: f64) -> Option<Check> {
    let first = TABLE1_YEARS[0];
    let cell = |series, measure| data.cell(Dataset::Table1, series, measure, first);
    let read = |series, measure| reading_at(data, Dataset::Table1, series, measure, Some(first));
    let (share_cell, foreign_cell, printed_cell) = (
        cell("private", "share_total_assets"),
        cell("foreign_funded", "share_total_assets"),
        cell("private", "share_domestic_assets"),
    );
    let implied = implied_domestic_share(&share_cell, &foreign_cell);
    let (share, foreign, printed) = (
        read("private", "share_total_assets")?,
        read("foreign_funded", "share_total_assets")?,
        read("private", "share_domestic_assets")?,
    );
    let implied_value = implied.value?;
    let implied_range = corners(&[share.range, foreign.range], |v| {
        v[0] / (100.0 - v[1]) * 100.0
    });
    let fits = printed.range.low <= stated && implied_range.low <= stated;
    Some(Check {
        warnings: Vec::new(),
        verdict: if fits { Verdict::Agrees } else { Verdict::NotCheckable },
        computation: format!(
            "Table 1 starts in {first}, and that year {} the statement: printed {}% ({}% given rounding), and {} / (100 − {}) × 100 = {}% ({}% given rounding) implied by the asset shares, against at most {}%. {}",
            if fits { "fits" } else { "does not fit" },
            printed.text(),
            between(printed.range, 2),
            share.text(),
            foreign.text(),
            auto(implied_value, 2),
            between(implied_range, 2),
            auto(stated, 1),
            if fits {
                format!("{GREW_BEFORE_TABLE1}.")
            } else {
                "The years before it are not printed, so they may still have been within the bound.".to_string()
            }
        ),
        cells: [
            ("private", "share_domestic_assets"),
            ("private", "share_total_assets"),
            ("foreign_funded", "share_total_assets"),
        ]
        .map(|(series, measure)| Lookup::key(Dataset::Table1, series, measure, Some(first)))
        .to_vec(),
        status: implied.status.weakest(printed_cell.status),
    })
}

/// Wholly foreign-owned firms' 82% of imports beside domestic firms' 18%: together all
/// imports, which leaves nothing for the joint ventures and other foreign-invested firms that
/// made a quarter of the exports.
fn wholly_owned_imports(data: Lookup) -> Option<Check> {
    let year = Some(2004);
    let read = |series, measure| reading_at(data, Dataset::Fig2, series, measure, year);
    let imports = read("wfoe", "share_of_imports")?;
    let domestic = read("domestic_funded", "share_of_imports")?;
    let exports = read("wfoe", "share_of_exports")?;
    let foreign = read("foreign_funded", "share_of_exports")?;
    let left_for_others = 100.0 - imports.range.low - domestic.range.low;
    let others_export = foreign.range.low - exports.range.high;
    let cells = [
        ("wfoe", "share_of_imports"),
        ("domestic_funded", "share_of_imports"),
        ("wfoe", "share_of_exports"),
        ("foreign_funded", "share_of_exports"),
    ]
    .map(|(series, measure)| Lookup::key(Dataset::Fig2, series, measure, year))
    .to_vec();
    Some(Check::deciding(
        left_for_others >= ABOUT_POINTS,
        format!(
            "{}% + {}% = {}%: wholly foreign-owned and domestic firms together leave at most {}% of imports (given rounding) to joint ventures and the other foreign-invested forms, though those made at least {} − {} = {}% of the exports. Under processing trade, which Table 4 puts at about 70% of exports, exporters import their materials, so the {}% more likely counts all foreign-invested firms",
            imports.text(),
            domestic.text(),
            auto(imports.value + domestic.value, 1),
            auto(left_for_others.max(0.0), 1),
            foreign.text(),
            exports.text(),
            auto(others_export, 1),
            imports.text()
        ),
        cells,
        Status::Clean,
    ))
}

/// Private firms' share of domestic sales, "now" 7.5% with no year given: the footnote speaks
/// of the level the share rose to, so it is read against Table 3's latest year, with the other
/// years listed so that a reader sees none of them gives the figure either.
fn latest_private_share(data: Lookup, datum: &Datum) -> Option<Check> {
    let latest = *TABLE3_YEARS.last()?;
    let table = data.get(
        Dataset::Table3,
        "private",
        "domestic_market_share",
        Some(latest),
    )?;
    let found = Reading::of(table)?;
    let stated = Reading::of(datum)?;
    let printed: Vec<String> = TABLE3_YEARS
        .iter()
        .filter_map(|&year| {
            reading_at(
                data,
                Dataset::Table3,
                "private",
                "domestic_market_share",
                Some(year),
            )
            .map(|share| format!("{} ({year})", share.text()))
        })
        .collect();
    Some(Check::compare(
        stated.range,
        found.range,
        format!(
            "No year is given, and the footnote speaks of the level the share rose to, so it is read against Table 3's latest year: {}% in {latest}, against {}% stated. Table 3's private-firm shares of the domestic market are {} in all",
            found.text(),
            stated.text(),
            printed.join(", ")
        ),
        vec![table.key()],
        table.cell.status,
    ))
}

/// "About 70 percent" of exports from processing imported materials, 1997–2004: agree when
/// every year Table 4 prints lies within [`ABOUT_POINTS`] of the stated value.
fn typical_processing_share(data: Lookup, stated: f64) -> Option<Check> {
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
    let about = Range::around(stated, ABOUT_POINTS);
    let fits = about.low <= low && high <= about.high;
    Some(Check {
        warnings: Vec::new(),
        verdict: if fits {
            Verdict::Agrees
        } else {
            Verdict::Disagrees
        },
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
        status: cells
            .iter()
            .fold(Status::Clean, |status, datum| status.weakest(datum.cell.status)),
    })
}

/// The years the prose gives world output shares for.
const OUTPUT_SHARE_YEARS: [u16; 2] = [2003, 2005];

/// The US first, Japan second and China third among ICT producers: the order of their shares
/// of world output (China's, and China's plus each lead the paper quotes) in each year.
fn output_rank(data: Lookup, series: &str, stated: f64) -> Option<Check> {
    let mut cells = Vec::new();
    let mut years = Vec::new();
    let mut consistent = true;
    for year in OUTPUT_SHARE_YEARS {
        let china = reading_at(
            data,
            Dataset::Text,
            "china",
            "world_output_share",
            Some(year),
        )?;
        cells.push(Lookup::key(
            Dataset::Text,
            "china",
            "world_output_share",
            Some(year),
        ));
        let mut shares = vec![("china", china.value, china.range)];
        for rival in ["japan", "usa"] {
            let lead = reading_at(
                data,
                Dataset::Text,
                rival,
                "output_share_gap_to_china",
                Some(year),
            )?;
            cells.push(Lookup::key(
                Dataset::Text,
                rival,
                "output_share_gap_to_china",
                Some(year),
            ));
            let range = corners(&[china.range, lead.range], |v| v[0] + v[1]);
            shares.push((rival, china.value + lead.value, range));
        }
        let own = shares.iter().find(|(name, _, _)| *name == series)?.2;
        let ahead = shares
            .iter()
            .filter(|(name, _, range)| *name != series && range.low > own.high)
            .count();
        let behind = shares
            .iter()
            .filter(|(name, _, range)| *name != series && range.high < own.low)
            .count();
        // Among the three, rank `stated` means exactly `stated − 1` of the others ahead.
        consistent &= ahead + 1 == stated as usize && ahead + behind == shares.len() - 1;
        years.push(format!(
            "{year}: {}",
            shares
                .iter()
                .map(|(name, value, _)| format!(
                    "{} {}%",
                    crate::data::series_label(name),
                    auto(*value, 1)
                ))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    Some(Check {
        warnings: Vec::new(),
        verdict: if consistent {
            Verdict::Agrees
        } else {
            Verdict::Disagrees
        },
        computation: format!(
            "Shares of world ICT output from the paper's figures (Japan's and the US's are China's plus the leads quoted): {}; {} the order of the paper's ranking (the US first, Japan second, China third). Other countries' shares are not given",
            years.join("; "),
            if consistent { "both years follow" } else { "not every year follows" }
        ),
        cells,
        status: Status::Clean,
    })
}

/// Hongfujin Precision called China's largest ICT exporter, against the other exporters the
/// paper quotes for the same year.
fn largest_exporter(data: Lookup, year: u16) -> Option<Check> {
    let own = reading_at(data, Dataset::Text, "hongfujin", "exports", Some(year))?;
    let others: Vec<(&str, Reading)> = LISTED_EXPORTERS[1..]
        .iter()
        .chain(&["huawei"])
        .filter_map(|firm| {
            reading_at(data, Dataset::Text, firm, "exports", Some(year)).map(|r| (*firm, r))
        })
        .collect();
    let (largest, next) = others
        .iter()
        .max_by(|a, b| a.1.value.total_cmp(&b.1.value))?;
    let verdict = if own.range.low > next.range.high {
        Verdict::Agrees
    } else if next.range.low > own.range.high {
        Verdict::Disagrees
    } else {
        Verdict::NotCheckable
    };
    let mut cells = vec![Lookup::key(
        Dataset::Text,
        "hongfujin",
        "exports",
        Some(year),
    )];
    cells.extend(
        others
            .iter()
            .map(|(firm, _)| Lookup::key(Dataset::Text, firm, "exports", Some(year))),
    );
    Some(Check {
        warnings: Vec::new(),
        verdict,
        computation: format!(
            "Hongfujin Precision {} bn US$ against the largest of the other exporters the paper quotes for {year}, {} at {} bn US$; firms it does not quote cannot be compared",
            own.text(),
            crate::data::series_label(largest),
            next.text()
        ),
        cells,
        status: Status::Clean,
    })
}

/// China called the largest market for a product: a share above one half is larger than all
/// the others together; a smaller one decides nothing.
fn largest_market_share(data: Lookup, product: &str, year: u16) -> Option<Check> {
    let datum = data.get(
        Dataset::Text,
        product,
        "china_share_of_world_market",
        Some(year),
    )?;
    let share = Reading::of(datum)?;
    let (verdict, reason) = if share.range.low > 50.0 {
        (
            Verdict::Agrees,
            "more than half of the world market, so larger than every other country's share",
        )
    } else {
        (
            Verdict::NotCheckable,
            "less than half, which leaves room for another country's share to be larger; the paper gives no other country's",
        )
    };
    Some(Check {
        warnings: Vec::new(),
        verdict,
        computation: format!("China's share is {}%, {reason}", share.text()),
        cells: vec![datum.key()],
        status: datum.cell.status,
    })
}

/// Foreign-invested firms said to pass all domestic firms together in `year`: above one half
/// from then on. The figure is not printed, but the shares the prose quotes for other years
/// must fit: below one half before that year, above it after.
fn passed_domestic(data: Lookup, dataset: Dataset, measure: &str, year: u16) -> Option<Check> {
    let quoted: Vec<&Datum> = data
        .data()
        .iter()
        .filter(|datum| {
            datum.dataset == dataset
                && datum.series == "foreign_funded"
                && datum.measure == measure
                && datum.year.is_some_and(|other| other != year)
        })
        .collect();
    let mut fits = true;
    let mut readings = Vec::new();
    for datum in &quoted {
        let (Some(other), Some(share)) = (datum.year, Reading::of(datum)) else {
            continue;
        };
        let fit = if other < year {
            share.range.low < 50.0
        } else {
            share.range.high > 50.0
        };
        fits &= fit;
        readings.push(format!(
            "{}% in {other}, {} and {} one half, {}",
            share.text(),
            if other < year { "before" } else { "after" },
            if share.value < 50.0 { "below" } else { "above" },
            if fit {
                "as it should be"
            } else {
                "which does not fit"
            }
        ));
    }
    if readings.is_empty() {
        return None;
    }
    Some(Check {
        warnings: Vec::new(),
        verdict: if fits {
            Verdict::NotCheckable
        } else {
            Verdict::Disagrees
        },
        computation: format!(
            "{} is a chart whose data the paper does not print, so no share is given for {year}. The shares the prose quotes for other years: {}",
            figure_name(dataset),
            readings.join("; ")
        ),
        cells: quoted.iter().map(|datum| datum.key()).collect(),
        status: quoted
            .iter()
            .fold(Status::Clean, |status, datum| status.weakest(datum.cell.status)),
    })
}
