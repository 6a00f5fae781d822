//! The paper's checkable statements, each checked against the data where the data allows.
//!
//! Every number quoted in the prose becomes a claim ([`numbers`] holds the checks written for
//! particular numbers). Where a table (or another statement in the paper) bears on it, the
//! claim gets a verdict computed from those cells, with the arithmetic shown; otherwise it is
//! `not_checkable` with the reason. Statements that quote no single number are added by hand:
//! readings of the tables ("China's ratios are the lowest", [`tables`]) and the prose's words,
//! rankings, dated events, plans and moves of production ([`statements`]).
//!
//! Where the audit checks the same numbers, a claim uses the audit's computation, so that a
//! finding and a verdict cannot disagree; `tests/agreement.rs` holds them to that.

mod numbers;
mod statements;
mod tables;

use crate::audit::{Range, Reach};
use crate::data::{Dataset, Datum, Lookup, Status, Unit};
use crate::format::{auto, number};
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
    /// Keys of the cells the check used (or, for a claim no number can check, the cells that
    /// show its subject), so that "Show in…" opens a view of them.
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
    claims.extend(tables::claims(data));
    claims.extend(statements::claims(data));
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
        Check::from_agreement(stated.overlaps(found), computation, cells, status)
    }

    /// The claim built from this check.
    fn claim(self, id: &str, dataset: Dataset, statement: String, source: &'static str) -> Claim {
        Claim {
            id: id.to_string(),
            dataset,
            statement,
            source,
            verdict: self.verdict,
            computation: self.computation,
            cells: self.cells,
            status: self.status,
        }
    }
}

/// A claim's wording: the label, the number with its unit and year as printed, and the
/// qualifier.
fn paraphrase(datum: &Datum) -> String {
    let value = match datum.value() {
        Some(value) => format!(
            "{}{}",
            number_text(value, datum.unit, datum.printed_decimals()),
            datum.unit.suffix()
        ),
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

/// A number with the decimals the paper prints it with (`6.0`), or a rank (`no. 3`).
fn number_text(value: f64, unit: Unit, decimals: u8) -> String {
    match unit {
        Unit::Rank => format!("no. {}", auto(value, 0)),
        _ => number(value, usize::from(decimals)),
    }
}

fn check_statement(data: Lookup, datum: &Datum) -> Claim {
    let check = match datum.value() {
        None => Check::not_checkable(
            "The number itself is illegible in the OCR text, so there is nothing to check.",
        ),
        Some(stated) => numbers::specific_check(data, datum, stated)
            .or_else(|| same_cell_in_a_table(data, datum))
            .unwrap_or_else(|| Check::not_checkable(unchecked_reason(datum.dataset))),
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

/// Why a prose number of `dataset` that no check covers cannot be checked.
fn unchecked_reason(dataset: Dataset) -> String {
    match dataset {
        Dataset::Fig1 | Dataset::Fig2 | Dataset::Fig3 | Dataset::Fig4 => format!(
            "{} is a chart whose data the paper does not print, so this number cannot be checked against it.",
            figure_name(dataset)
        ),
        _ => "No table in the paper covers this number, and no other statement in it implies a value for it.".to_string(),
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
/// compared in a common unit at the decimals each prints.
fn same_cell_in_a_table(data: Lookup, datum: &Datum) -> Option<Check> {
    let table_cell = [Dataset::Table1, Dataset::Table2, Dataset::Table3]
        .into_iter()
        .find_map(|table| {
            data.get(table, datum.series, datum.measure, datum.year)
                .filter(|cell| cell.value().is_some())
        })?;
    let (stated, found) = (datum.value()?, table_cell.value()?);
    // Dollar amounts: the prose quotes billions where Table 2 prints millions.
    let scale = match (datum.unit, table_cell.unit) {
        (Unit::BillionUsd, Unit::MillionUsd) => 1000.0,
        (stated_unit, table_unit) if stated_unit == table_unit => 1.0,
        _ => return None,
    };
    let computation = format!(
        "{} prints {}{} for {}; the prose says {}{}",
        table_name(table_cell.dataset),
        number(found, usize::from(table_cell.printed_decimals())),
        table_cell.unit.suffix(),
        datum.year.map(|year| year.to_string()).unwrap_or_default(),
        number(stated, usize::from(datum.printed_decimals())),
        datum.unit.suffix()
    );
    Some(Check::compare(
        Range::of(datum)?,
        Range::of(table_cell)?.divided_by(scale),
        computation,
        vec![table_cell.key()],
        table_cell.cell.status,
    ))
}

fn table_name(dataset: Dataset) -> String {
    format!("Table {}", dataset.id().trim_start_matches("table"))
}

/// A total the prose needs against what Table 2 allows: the audit's reach decides the verdict.
fn fdi_total_check(reach: Reach, arithmetic: String, cells: Vec<String>, status: Status) -> Check {
    let (verdict, conclusion) = match reach {
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
    Check {
        verdict,
        computation: format!("{arithmetic}: {conclusion}"),
        cells,
        status,
    }
}
