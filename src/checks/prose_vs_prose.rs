//! Prose numbers against other prose numbers: Lenovo's size beside its rivals', the ranking of
//! China's top exporters, computers called "the majority" of exports and output against exports.

use super::outcome::{Check, Warning};
use super::outcome::{StatementCheck, Years};
use super::rounding::{between, corners, value_at, Inputs, Range, Reading};
use super::{Verdict, EXPORTS_YEAR, MARKET_YEAR};
use crate::data::{series_label, Dataset, Datum, Lookup, Status};
use crate::format::auto;

/// The prose numbers these checks decide.
pub(super) const STATEMENTS: &[StatementCheck] = &[
    StatementCheck {
        dataset: Dataset::Text,
        series: &["ibm", "dell"],
        measure: "size_multiple_of_lenovo",
        years: Years::In(REVENUE_YEAR),
        check: size_statement,
    },
    StatementCheck {
        dataset: Dataset::Text,
        series: &["hongfujin"],
        measure: "multiple_of_huawei_exports",
        years: Years::Dated,
        check: exports_multiple_statement,
    },
    StatementCheck {
        dataset: Dataset::Text,
        series: &["china"],
        measure: "ict_output",
        years: Years::Dated,
        check: output_statement,
    },
];

/// The year of the revenues the prose quotes for Lenovo and its rivals.
const REVENUE_YEAR: u16 = 2006;

/// A multiple the prose states ("one-ninth the size", "seven times more than") against the two
/// numbers it quotes beside it.
pub(super) struct Multiple {
    pub(super) agrees: bool,
    pub(super) status: Status,
    pub(super) cells: Vec<String>,
    pub(super) stated: Reading,
    pub(super) ratio: f64,
    numerator: Reading,
    denominator: Reading,
    range: Range,
}

impl Multiple {
    pub(super) fn arithmetic(&self) -> String {
        format!(
            "{} / {} = {} times ({} given rounding); the prose says {} times",
            self.numerator.text(),
            self.denominator.text(),
            auto(self.ratio, 2),
            between(self.range, 2),
            self.stated.text()
        )
    }
}

/// The stated multiple `stated` (series, measure) against `numerator / denominator`, all
/// prose numbers of `year`.
pub(super) fn multiple(
    data: Lookup,
    numerator: (&str, &str),
    denominator: (&str, &str),
    stated: (&str, &str),
    year: u16,
) -> Option<Multiple> {
    let mut inputs = Inputs::new(data);
    let year = Some(year);
    let denominator = inputs.read(Dataset::Text, denominator.0, denominator.1, year)?;
    let numerator = inputs.read(Dataset::Text, numerator.0, numerator.1, year)?;
    let stated = inputs.read(Dataset::Text, stated.0, stated.1, year)?;
    let range = corners(&[numerator.range, denominator.range], |v| v[0] / v[1]);
    Some(Multiple {
        agrees: range.overlaps(stated.range),
        status: inputs.status,
        cells: inputs.cells,
        stated,
        ratio: numerator.value / denominator.value,
        numerator,
        denominator,
        range,
    })
}

/// "Lenovo is one-ninth the size of IBM" (or one-fifth of Dell), against the revenues the prose
/// quotes in the same sentence.
pub(super) fn size_ratio(data: Lookup, rival: &str) -> Option<Multiple> {
    multiple(
        data,
        (rival, "revenue"),
        ("lenovo", "revenue"),
        (rival, "size_multiple_of_lenovo"),
        REVENUE_YEAR,
    )
}

/// The years the prose gives China's ICT output for.
const OUTPUT_YEARS: [u16; 2] = [2003, 2005];

/// China's ICT output in one year against its ICT exports: a country cannot export more than
/// it produces.
pub(super) struct OutputCheck {
    /// The output is below exports even at rounding's extremes.
    pub(super) below: bool,
    pub(super) status: Status,
    pub(super) cells: Vec<String>,
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
    pub(super) fn times(&self) -> f64 {
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

    pub(super) fn arithmetic(&self) -> String {
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

pub(super) fn output_against_exports(data: Lookup, year: u16) -> Option<OutputCheck> {
    let mut inputs = Inputs::new(data);
    let output = inputs.read(Dataset::Text, "china", "ict_output", Some(year))?;
    let exports = inputs.read(Dataset::Fig1, "china", "exports", Some(EXPORTS_YEAR))?;
    let below = output.range.high < exports.range.low;
    let (output, exports) = (output.value, exports.value);
    let market = inputs.context(
        Dataset::Text,
        "china",
        "ict_market_sales",
        Some(MARKET_YEAR),
    );
    let world_share = inputs.context(Dataset::Text, "china", "world_output_share", Some(year));
    let other = OUTPUT_YEARS
        .iter()
        .find(|&&other| other != year)
        .and_then(|&other| {
            value_at(data, Dataset::Text, "china", "ict_output", Some(other))
                .map(|value| (other, value))
        });
    Some(OutputCheck {
        below,
        status: inputs.status,
        cells: inputs.cells,
        year,
        output,
        exports,
        market,
        world_share,
        other,
    })
}

/// IBM or Dell a multiple of Lenovo's size, on the revenues quoted in the same sentence.
fn size_statement(data: Lookup, datum: &Datum, _stated: f64) -> Option<Check> {
    let rival = datum.series;
    let check = size_ratio(data, rival)?;
    let name = series_label(rival);
    let warning = Warning::new(
        format!("text-lenovo-vs-{rival}"),
        Dataset::Text,
        format!(
            "Lenovo is not 1/{} the size of {name} on the paper's own numbers",
            check.stated.text()
        ),
        format!(
            "With the revenues the paper quotes in the same sentence, {name} is about {} times Lenovo's size, not {}. The ratio and the revenues cannot both be right.",
            auto(check.ratio, 1),
            check.stated.text()
        ),
    );
    Some(
        Check::deciding(
            check.agrees,
            format!(
                "{}, on the revenues quoted in the same sentence",
                check.arithmetic()
            ),
            check.cells,
            check.status,
        )
        .warning(warning),
    )
}

/// Hongfujin's exports a multiple of Huawei's, on the exports quoted in the same sentence.
fn exports_multiple_statement(data: Lookup, datum: &Datum, _stated: f64) -> Option<Check> {
    let check = multiple(
        data,
        ("hongfujin", "exports"),
        ("huawei", "exports"),
        ("hongfujin", "multiple_of_huawei_exports"),
        datum.year?,
    )?;
    Some(Check::deciding(
        check.agrees,
        format!(
            "{}, on the exports quoted in the same sentence",
            check.arithmetic()
        ),
        check.cells,
        check.status,
    ))
}

/// Computers called "the majority" of China's ICT exports, against the share the paper gives.
pub(super) struct Majority {
    pub(super) agrees: bool,
    pub(super) status: Status,
    pub(super) cells: Vec<String>,
    share: Reading,
}

impl Majority {
    pub(super) fn arithmetic(&self) -> String {
        format!(
            "{}% {} 50%: a majority is more than half",
            self.share.text(),
            if self.agrees { ">" } else { "<" }
        )
    }
}

pub(super) fn computers_majority(data: Lookup) -> Option<Majority> {
    let mut inputs = Inputs::new(data);
    let share = inputs.read(
        Dataset::Text,
        "computers",
        "share_of_ict_exports",
        Some(EXPORTS_YEAR),
    )?;
    Some(Majority {
        agrees: share.range.high > 50.0,
        status: inputs.status,
        cells: inputs.cells,
        share,
    })
}

/// Computers called "the majority" of exports, against the share the paper gives.
pub(super) fn majority_check(data: Lookup) -> Option<Check> {
    let check = computers_majority(data)?;
    let warning = Warning::new(
        "text-computers-majority",
        Dataset::Text,
        "Computers are called 'the majority' of exports at less than half",
        format!(
            "A majority means more than half. At {}%, computers made up less than half of ICT exports: perhaps the largest single group, but not a majority. The word and the share cannot both be right.",
            check.share.text()
        ),
    );
    Some(
        Check::deciding(check.agrees, check.arithmetic(), check.cells, check.status)
            .warning(warning),
    )
}

/// China's top exporters of 2005, in the order the paper lists them as a ranking.
pub(super) const LISTED_EXPORTERS: [&str; 5] =
    ["hongfujin", "fengda", "asustek", "motorola", "samsung"];

/// The year of the exporters' ranking.
pub(super) const RANKING_YEAR: u16 = 2005;

/// The exporters' ranking against the exports the paper gives for each.
pub(super) struct Ranking {
    pub(super) status: Status,
    pub(super) cells: Vec<String>,
    /// Each firm's exports, in the listed order.
    exports: Vec<(&'static str, Reading)>,
    /// The neighbours listed in an order their exports do not follow (earlier firm first).
    pub(super) out_of_order: Vec<(usize, usize)>,
}

impl Ranking {
    pub(super) fn arithmetic(&self) -> String {
        let listed = self
            .exports
            .iter()
            .map(|(firm, exports)| format!("{} {}", series_label(firm), exports.text()))
            .collect::<Vec<_>>()
            .join(" > ");
        let wrong = self
            .out_of_order
            .iter()
            .map(|&(first, second)| self.pair(first, second))
            .collect::<Vec<_>>()
            .join("; ");
        if wrong.is_empty() {
            format!("listed as {listed} bn US$: each exported more than the next")
        } else {
            format!("listed as {listed} bn US$, but {wrong}")
        }
    }

    /// "ASUSTeK Computer's 6.2 bn US$ < Motorola's 6.4 bn US$".
    fn pair(&self, first: usize, second: usize) -> String {
        let ((a, a_exports), (b, b_exports)) = (self.exports[first], self.exports[second]);
        format!(
            "{}'s {} bn US$ < {}'s {} bn US$",
            series_label(a),
            a_exports.text(),
            series_label(b),
            b_exports.text()
        )
    }
}

pub(super) fn exporter_ranking(data: Lookup) -> Option<Ranking> {
    let mut inputs = Inputs::new(data);
    let exports: Vec<(&'static str, Reading)> = LISTED_EXPORTERS
        .iter()
        .map(|firm| {
            inputs
                .read(Dataset::Text, firm, "exports", Some(RANKING_YEAR))
                .map(|exports| (*firm, exports))
        })
        .collect::<Option<_>>()?;
    // Out of order only when rounding cannot make the later firm the smaller exporter.
    let out_of_order = (1..exports.len())
        .filter(|&i| exports[i].1.range.low > exports[i - 1].1.range.high)
        .map(|i| (i - 1, i))
        .collect();
    Some(Ranking {
        status: inputs.status,
        cells: inputs.cells,
        exports,
        out_of_order,
    })
}

/// The ranking of top exporters, with a warning for each pair listed in an order their values
/// do not follow.
pub(super) fn ranking_check(data: Lookup) -> Option<Check> {
    let ranking = exporter_ranking(data)?;
    let warnings: Vec<Warning> = ranking
        .out_of_order
        .iter()
        .map(|&(first, second)| {
            let names = [LISTED_EXPORTERS[first], LISTED_EXPORTERS[second]];
            Warning::new(
                format!("text-exporter-order-{}-{}", names[0], names[1]),
                Dataset::Text,
                format!(
                    "{} is listed before {}, which exported more",
                    series_label(names[0]),
                    series_label(names[1])
                ),
                "The paper lists China's top exporters as a ranking, but these two appear in the wrong order for the values it gives: the order or one of the values is wrong.",
            )
            .cells(
                names
                    .iter()
                    .map(|firm| Lookup::key(Dataset::Text, firm, "exports", Some(RANKING_YEAR)))
                    .collect(),
            )
            .numbers(ranking.pair(first, second))
        })
        .collect();
    let mut check = Check::deciding(
        ranking.out_of_order.is_empty(),
        ranking.arithmetic(),
        ranking.cells.clone(),
        ranking.status,
    );
    check.warnings = warnings;
    Some(check)
}

/// China's ICT output in one year against its exports: output below exports cannot be right.
/// The warning speaks of every year whose output is below its exports.
fn output_statement(data: Lookup, datum: &Datum, _stated: f64) -> Option<Check> {
    let check = output_against_exports(data, datum.year?)?;
    if !check.below {
        return Some(Check::with(
            Verdict::NotCheckable,
            format!("{}. Output is not below exports, so the paper does not contradict this figure, but nothing in it confirms the figure either", check.arithmetic()),
            check.cells,
            check.status,
        ));
    }
    let below: Vec<OutputCheck> = OUTPUT_YEARS
        .iter()
        .filter_map(|&year| output_against_exports(data, year))
        .filter(|check| check.below)
        .collect();
    let ratios = below
        .iter()
        .map(|check| format!("{} times its {} output", auto(check.times(), 1), check.year))
        .collect::<Vec<_>>()
        .join(" and ");
    let largest_output = below
        .iter()
        .map(|check| check.output)
        .fold(f64::MIN, f64::max);
    let market = value_at(
        data,
        Dataset::Text,
        "china",
        "ict_market_sales",
        Some(MARKET_YEAR),
    )
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
    let mut cells: Vec<String> = Vec::new();
    for key in below.iter().flat_map(|check| check.cells.iter()) {
        if !cells.contains(key) {
            cells.push(key.clone());
        }
    }
    let warning = Warning::new(
        "text-output-smaller-than-exports",
        Dataset::Text,
        "China's ICT output is quoted as smaller than its ICT exports",
        format!(
            "A country cannot export more than it produces, yet the paper's {EXPORTS_YEAR} exports are {ratios}{market}. The output figures, and the world totals they imply, are most likely too small by a factor of about {} or more (a unit or a decimal point lost); the shares of world output may still be right.",
            auto(factor, 0)
        ),
    )
    .cells(cells)
    .numbers(output_arithmetic(&below.iter().collect::<Vec<_>>()));
    Some(
        Check::with(
            Verdict::Disagrees,
            format!("{}. A country cannot export more than it produces, so this output figure cannot be right as printed", check.arithmetic()),
            check.cells,
            check.status,
        )
        .warning(warning),
    )
}
