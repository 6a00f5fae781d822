//! The prose's FDI figures against Table 2: the inflow at WTO entry, and the totals that the
//! officials' estimate and the accumulated stock need over years Table 2 partly leaves out.
//!
//! Table 2 prints six years. Every check here treats a year it does not print the same way,
//! with [`unprinted_fdi_ceiling`], so that no check rules out what another calls reachable.

use super::outcome::{Check, Warning};
use super::outcome::{StatementCheck, Years};
use super::rounding::{Inputs, Reading};
use super::{Verdict, YUAN_PER_DOLLAR};
use crate::data::facts::{WTO_ACCESSION_YEAR, WTO_DATES};
use crate::data::{Dataset, Lookup, Status};
use crate::format::{auto, number};

/// The prose numbers these checks decide.
pub(super) const STATEMENTS: &[StatementCheck] = &[
    StatementCheck {
        dataset: Dataset::Text,
        series: &["fdi"],
        measure: "actual_utilized",
        years: Years::In(WTO_DATES[0].year),
        check: |data, _, _| wto_statement(data),
    },
    StatementCheck {
        dataset: Dataset::Text,
        series: &["fdi"],
        measure: "multiple_of_government_investment_1990_2002",
        years: Years::Undated,
        check: |data, _, _| government_statement(data),
    },
    StatementCheck {
        dataset: Dataset::Text,
        series: &["fdi"],
        measure: "accumulated",
        years: Years::In(ACCUMULATED_YEARS.1),
        check: |data, _, _| accumulated_statement(data),
    },
];

/// The year whose inflow the prose calls "a record" (8.6 bn US$ in 2004).
pub(super) const RECORD_YEAR: u16 = 2004;

/// The key of Table 2's cell for one year.
fn table2_key(year: u16) -> String {
    Lookup::key(Dataset::Table2, "fdi", "actual_utilized", Some(year))
}

/// Table 2's printed years, with their numbers.
fn table2(data: Lookup) -> Vec<(u16, Reading, Status)> {
    data.data()
        .iter()
        .filter(|datum| {
            datum.dataset == Dataset::Table2
                && datum.series == "fdi"
                && datum.measure == "actual_utilized"
        })
        .filter_map(|datum| Some((datum.year?, Reading::of(datum)?, datum.cell.status)))
        .collect()
}

/// The most FDI a year that Table 2 does not print can have brought in (see
/// [`unprinted_fdi_ceiling`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FdiCeiling {
    /// Million US$.
    pub value: f64,
    /// The printed year it comes from.
    pub year: u16,
    pub status: Status,
}

impl FdiCeiling {
    /// The bound in the words every check uses: "its largest value, 8,637 m US$ in 2004, a
    /// year the prose calls a record".
    pub(super) fn words(&self) -> String {
        let record = if self.year == RECORD_YEAR {
            ", a year the prose calls a record"
        } else {
            ""
        };
        format!(
            "its largest value, {} m US$ in {}{record}",
            number(self.value, 0),
            self.year
        )
    }
}

/// The one bound every FDI check puts on a year Table 2 does not print: no more than the
/// largest inflow the table prints (8,637 m US$, in 2004).
///
/// Why this bound: the prose calls 2004's inflow a record, so no earlier year brought in more;
/// for a year after the table ends (the accumulated total runs to 2005) it assumes the inflow
/// did not leap past its record at once. It is generous on purpose. A tighter bound, such as the
/// largest value printed before each year, would assume a steady growth the table does not show
/// (1999 brought in half as much as 1997), and a check resting on it could rule out what the
/// table allows. With one bound for all, a total is ruled out only when even the most the table
/// allows falls short, and a smaller total over fewer years can never be ruled out while a
/// larger one is called reachable.
pub fn unprinted_fdi_ceiling(data: Lookup) -> Option<FdiCeiling> {
    table2(data)
        .into_iter()
        .max_by(|a, b| a.1.value.total_cmp(&b.1.value))
        .map(|(year, reading, status)| FdiCeiling {
            value: reading.value,
            year,
            status,
        })
}

/// What Table 2 says of one year: its printed number, or for a year it does not print, the
/// ceiling.
#[derive(Clone, Copy)]
enum Year {
    Printed(Reading),
    Unprinted(FdiCeiling),
}

/// FDI in the year of WTO entry: the prose's figure against Table 2 in either year the paper
/// gives for the entry.
pub(super) struct WtoFdi {
    /// Whether Table 2 allows the prose's figure for the accession year when it prints that
    /// year; otherwise `Some(true)` when it gives the figure for one of the paper's dates,
    /// `Some(false)` when it rules the figure out for both, and `None` when a date it does not
    /// print leaves the figure open.
    pub(super) agrees: Option<bool>,
    pub(super) status: Status,
    pub(super) cells: Vec<String>,
    stated: Reading,
    /// What Table 2 says for each of the paper's dates for the entry.
    table: [(u16, Year); 2],
}

impl WtoFdi {
    /// The paper's two dates for the entry, in its own words.
    pub(super) fn dates(&self) -> String {
        format!(
            "The paper dates China's WTO entry two ways: section 3 ties this figure to China joining the WTO 'in {}', while section 2 speaks of 'China's WTO accession in {}'.",
            WTO_DATES[0].year, WTO_DATES[1].year
        )
    }

    pub(super) fn arithmetic(&self) -> String {
        let table = self
            .table
            .iter()
            .map(|(year, found)| match found {
                Year::Printed(million) => format!(
                    "{} m US$ = {} bn US$ in {year}",
                    million.text(),
                    auto(million.value / 1000.0, 3)
                ),
                Year::Unprinted(ceiling) => format!(
                    "no value for {year}, so at most {} m US$ on the bound used for every year it leaves out",
                    number(ceiling.value, 0)
                ),
            })
            .collect::<Vec<_>>()
            .join("; ");
        format!(
            "prose: {} bn US$ at WTO entry; Table 2: {table}",
            self.stated.text()
        )
    }

    /// What Table 2 says for each date, in words: "for 2000 Table 2 prints nothing, …; for
    /// 2001 it prints …".
    pub(super) fn readings(&self) -> String {
        self.table
            .iter()
            .enumerate()
            .map(|(index, (year, found))| {
                let table = if index == 0 { "Table 2" } else { "it" };
                match found {
                    Year::Printed(million) => {
                        let billion = million.value / 1000.0;
                        let gap = billion - self.stated.value;
                        if self.fits(found) {
                            format!("for {year} {table} prints {} bn US$, which fits the prose's figure given rounding", auto(billion, 3))
                        } else {
                            format!(
                                "for {year} {table} prints {} bn US$, {} bn US$ {}, more than rounding explains",
                                auto(billion, 3),
                                auto(gap.abs(), 3),
                                if gap < 0.0 { "less" } else { "more" }
                            )
                        }
                    }
                    Year::Unprinted(ceiling) => format!(
                        "for {year} {table} prints nothing, and the prose's figure is {} the bound every FDI check puts on such a year ({})",
                        if self.fits(found) { "within" } else { "above" },
                        ceiling.words()
                    ),
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Whether Table 2's entry for a year allows the prose's figure.
    fn fits(&self, found: &Year) -> bool {
        match found {
            Year::Printed(million) => self.stated.range.overlaps(million.range.divided_by(1000.0)),
            Year::Unprinted(ceiling) => self.stated.range.low * 1000.0 <= ceiling.value,
        }
    }
}

pub(super) fn wto_fdi(data: Lookup) -> Option<WtoFdi> {
    let mut inputs = Inputs::new(data);
    let ceiling = unprinted_fdi_ceiling(data)?;
    let table = WTO_DATES.map(|date| {
        let printed = inputs.read(Dataset::Table2, "fdi", "actual_utilized", Some(date.year));
        (
            date.year,
            printed.map_or(Year::Unprinted(ceiling), Year::Printed),
        )
    });
    if table
        .iter()
        .any(|(_, found)| matches!(found, Year::Unprinted(_)))
    {
        inputs.include(ceiling.status, &[table2_key(ceiling.year)]);
    }
    let stated = inputs.read(
        Dataset::Text,
        "fdi",
        "actual_utilized",
        Some(WTO_DATES[0].year),
    )?;
    let mut check = WtoFdi {
        agrees: None,
        status: inputs.status,
        cells: inputs.cells,
        stated,
        table,
    };
    let confirmed = check
        .table
        .iter()
        .any(|(_, found)| matches!(found, Year::Printed(_)) && check.fits(found));
    let open = check
        .table
        .iter()
        .any(|(_, found)| matches!(found, Year::Unprinted(_)) && check.fits(found));
    // The accession year decides when Table 2 prints it: the figure is for the entry, and
    // the entry came in that year, whatever the other passage says.
    let accession = check
        .table
        .iter()
        .find(|(year, found)| *year == WTO_ACCESSION_YEAR && matches!(found, Year::Printed(_)));
    check.agrees = match (accession, confirmed, open) {
        (Some((_, found)), _, _) => Some(check.fits(found)),
        (None, true, _) => Some(true),
        (None, false, true) => None,
        (None, false, false) => Some(false),
    };
    Some(check)
}

/// The most Table 2's FDI could add up to over `first..=last`, with every year it does not
/// print at the ceiling.
pub(super) struct FdiBound {
    pub(super) status: Status,
    pub(super) cells: Vec<String>,
    first: u16,
    last: u16,
    /// The years Table 2 prints within `first..=last`, with their values (m US$).
    printed: Vec<(u16, f64)>,
    ceiling: FdiCeiling,
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

    /// The years of the span Table 2 does not print, runs joined: "1990–1994, 1996 and 1998".
    fn unprinted_years(&self) -> String {
        let mut runs: Vec<(u16, u16)> = Vec::new();
        for year in self.first..=self.last {
            if self.printed.iter().any(|(printed, _)| *printed == year) {
                continue;
            }
            match runs.last_mut() {
                Some((_, end)) if *end + 1 == year => *end = year,
                _ => runs.push((year, year)),
            }
        }
        let words: Vec<String> = runs
            .iter()
            .map(|&(start, end)| {
                if start == end {
                    start.to_string()
                } else {
                    format!("{start}–{end}")
                }
            })
            .collect();
        match words.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => words.join(""),
        }
    }

    fn printed_sum(&self) -> f64 {
        self.printed.iter().map(|(_, value)| value).sum()
    }

    /// The assumption the bound rests on, as a clause: "even if each of the 9 years Table 2
    /// leaves out had been as large as its largest value, …".
    pub(super) fn assumption(&self) -> String {
        let ceiling = self.ceiling.words();
        match self.unprinted() {
            0 => "with every year printed".to_string(),
            1 => format!("even if the one year Table 2 leaves out had been as large as {ceiling}"),
            count => format!(
                "even if each of the {count} years Table 2 leaves out had been as large as {ceiling}"
            ),
        }
    }

    pub(super) fn arithmetic(&self) -> String {
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
            number(self.ceiling.value, 0),
            number(self.bound, 0)
        )
    }
}

/// The largest total that Table 2's FDI could reach over `first..=last`: printed years as
/// printed, every other year at [`unprinted_fdi_ceiling`].
fn fdi_upper_bound(data: Lookup, first: u16, last: u16) -> Option<FdiBound> {
    let ceiling = unprinted_fdi_ceiling(data)?;
    let inside: Vec<(u16, Reading, Status)> = table2(data)
        .into_iter()
        .filter(|(year, _, _)| (first..=last).contains(year))
        .collect();
    let span = usize::from(last - first) + 1;
    let bound = inside
        .iter()
        .map(|(_, reading, _)| reading.value)
        .sum::<f64>()
        + (span - inside.len()) as f64 * ceiling.value;
    let status = inside
        .iter()
        .fold(ceiling.status, |status, (_, _, cell)| status.weakest(*cell));
    let mut cells: Vec<String> = inside
        .iter()
        .map(|(year, _, _)| table2_key(*year))
        .collect();
    let ceiling_key = table2_key(ceiling.year);
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
            .map(|(year, reading, _)| (*year, reading.value))
            .collect(),
        ceiling,
        bound,
    })
}

/// How a total the prose needs compares with what Table 2 can reach.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Reach {
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
pub(super) struct FdiTotal {
    pub(super) reach: Reach,
    pub(super) bound: FdiBound,
    needed: f64,
}

impl FdiTotal {
    /// The bound's arithmetic, then what the years Table 2 leaves out would have to average.
    fn arithmetic(&self) -> String {
        let unprinted = self.bound.unprinted();
        let short = self.needed - self.bound.printed_sum();
        let average = if unprinted == 0 || short <= 0.0 {
            String::new()
        } else {
            let needed_average = short / unprinted as f64;
            let printed_mean = if self.bound.printed.is_empty() {
                String::new()
            } else {
                let mean = self.bound.printed_sum() / self.bound.printed.len() as f64;
                format!(
                    ", {} times the {} m US$ a year that the printed years of the span average",
                    auto(needed_average / mean, 1),
                    number(mean, 0)
                )
            };
            format!(
                "; to reach the {} m US$ needed, the {unprinted} years it leaves out ({}) would have to bring in {} m US$ a year on average{printed_mean}",
                number(self.needed, 0),
                self.bound.unprinted_years(),
                number(needed_average, 0)
            )
        };
        format!("{}{average}", self.bound.arithmetic())
    }
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
pub(super) struct FdiVsGovernment {
    pub(super) total: FdiTotal,
    pub(super) status: Status,
    pub(super) cells: Vec<String>,
    government: Reading,
    multiple: Reading,
}

impl FdiVsGovernment {
    pub(super) fn arithmetic(&self) -> String {
        format!(
            "FDI of more than {} × {} bn yuan / {} yuan per US$ = {} m US$ needed over {}–{}; {}",
            self.multiple.text(),
            self.government.text(),
            YUAN_PER_DOLLAR,
            number(self.total.needed, 0),
            GOVERNMENT_YEARS.0,
            GOVERNMENT_YEARS.1,
            self.total.arithmetic()
        )
    }
}

pub(super) fn fdi_vs_government(data: Lookup) -> Option<FdiVsGovernment> {
    let mut inputs = Inputs::new(data);
    let government = inputs.read(
        Dataset::Text,
        "government",
        "ict_investment_1990_2002",
        None,
    )?;
    let multiple = inputs.read(
        Dataset::Text,
        "fdi",
        "multiple_of_government_investment_1990_2002",
        None,
    )?;
    let needed = government.value * multiple.value / YUAN_PER_DOLLAR * 1000.0;
    let total = fdi_total(data, GOVERNMENT_YEARS.0, GOVERNMENT_YEARS.1, needed)?;
    inputs.include(total.bound.status, &total.bound.cells);
    Some(FdiVsGovernment {
        total,
        status: inputs.status,
        cells: inputs.cells,
        government,
        multiple,
    })
}

/// The years accumulated FDI is counted over: from 1990, as the officials' comparison does
/// (the prose gives no start year), to 2005.
const ACCUMULATED_YEARS: (u16, u16) = (1990, 2005);

/// "By 2005, accumulated FDI reached more than 100 bn US$", against Table 2.
pub(super) struct FdiAccumulated {
    pub(super) total: FdiTotal,
    pub(super) status: Status,
    pub(super) cells: Vec<String>,
    stated: Reading,
}

impl FdiAccumulated {
    pub(super) fn arithmetic(&self) -> String {
        format!(
            "more than {} bn US$ = {} m US$ stated, counted from {}; {}",
            self.stated.text(),
            number(self.total.needed, 0),
            ACCUMULATED_YEARS.0,
            self.total.arithmetic()
        )
    }
}

pub(super) fn fdi_accumulated(data: Lookup) -> Option<FdiAccumulated> {
    let mut inputs = Inputs::new(data);
    let stated = inputs.read(
        Dataset::Text,
        "fdi",
        "accumulated",
        Some(ACCUMULATED_YEARS.1),
    )?;
    let total = fdi_total(
        data,
        ACCUMULATED_YEARS.0,
        ACCUMULATED_YEARS.1,
        stated.value * 1000.0,
    )?;
    inputs.include(total.bound.status, &total.bound.cells);
    Some(FdiAccumulated {
        total,
        status: inputs.status,
        cells: inputs.cells,
        stated,
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

/// FDI at WTO entry: Table 2's figure for the accession year decides, where it prints one.
fn wto_statement(data: Lookup) -> Option<Check> {
    let check = wto_fdi(data)?;
    let computation = format!(
        "{}. {} So {}. China joined the WTO in {WTO_ACCESSION_YEAR}, as section 2 says, so Table 2's figure for that year, where it prints one, decides",
        check.arithmetic(),
        check.dates(),
        check.readings()
    );
    let Some(agrees) = check.agrees else {
        return Some(Check::with(
            Verdict::NotCheckable,
            format!(
                "{computation}. Table 2 rules the figure out only on section 2's date, so it neither confirms nor contradicts it"
            ),
            check.cells,
            check.status,
        ));
    };
    let warning = Warning::new(
        "text-fdi-wto-vs-table2",
        Dataset::Table2,
        "FDI at WTO entry: the prose and Table 2 differ",
        format!(
            "{} China joined the WTO in {WTO_ACCESSION_YEAR}, and the table does not allow the prose's figure for that year: {}. The figure may come from another source, or belong to another year.",
            check.dates(),
            check.readings()
        ),
    )
    .numbers(check.arithmetic());
    Some(Check::deciding(agrees, computation, check.cells, check.status).warning(warning))
}

/// FDI more than twice government investment, 1990–2002, against what Table 2 can hold.
fn government_statement(data: Lookup) -> Option<Check> {
    let check = fdi_vs_government(data)?;
    let warning = Warning::new(
        "text-fdi-vs-government-investment",
        Dataset::Table2,
        format!(
            "FDI 'more than {}' government investment is more than Table 2 allows",
            times_words(check.multiple.value)
        ),
        format!(
            "The officials' estimate needs more than {} million dollars of FDI over {}–{}. Table 2's yearly figures cannot add up to that, {}: they would reach at most {} million. The estimate may count a wider industry, or committed rather than utilised investment.",
            number(check.total.needed, 0),
            GOVERNMENT_YEARS.0,
            GOVERNMENT_YEARS.1,
            check.total.bound.assumption(),
            number(check.total.bound.bound, 0)
        ),
    );
    Some(total_check(&check.total, check.arithmetic(), check.cells, check.status).warning(warning))
}

/// Accumulated FDI of more than 100 billion dollars by 2005, against what Table 2 can hold.
fn accumulated_statement(data: Lookup) -> Option<Check> {
    let check = fdi_accumulated(data)?;
    let bound = &check.total.bound;
    let warning = Warning::new(
        "text-fdi-accumulated-vs-table2",
        Dataset::Table2,
        format!(
            "Accumulated FDI of more than {} bn US$ is more than Table 2 allows",
            check.stated.text()
        ),
        format!(
            "Table 2's yearly figures cannot add up to the stated total, {}: counted from {}, they would reach at most {} million dollars, against more than {} million stated. The total probably counts more than ICT manufacturing, or earlier years.",
            bound.assumption(),
            ACCUMULATED_YEARS.0,
            number(bound.bound, 0),
            number(check.total.needed, 0)
        ),
    );
    Some(total_check(&check.total, check.arithmetic(), check.cells, check.status).warning(warning))
}

/// A total the prose needs against what Table 2 allows: how far the table reaches decides.
fn total_check(total: &FdiTotal, arithmetic: String, cells: Vec<String>, status: Status) -> Check {
    let (verdict, conclusion) = match total.reach {
        Reach::Beyond => (
            Verdict::Disagrees,
            "so the table rules the statement out",
        ),
        Reach::Barely => (
            Verdict::NotCheckable,
            "only just above what is needed. The statement holds only if the years Table 2 leaves out, named above, were each nearly as large as its record year; the paper prints nothing for them, so it neither confirms nor rules the statement out",
        ),
        Reach::Within => (
            Verdict::NotCheckable,
            "so the table does not rule the statement out. It holds only if the years Table 2 leaves out, named above, were as large as that average; the paper prints nothing for them, so it cannot confirm it either",
        ),
    };
    Check::with(
        verdict,
        format!("{arithmetic}: {conclusion}"),
        cells,
        status,
    )
}
