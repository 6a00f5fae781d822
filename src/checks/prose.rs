//! Every number quoted in the prose as a claim, decided by the check written for it (a
//! [`StatementCheck`], listed beside its check in the file that computes it), else by a table
//! that prints the same place, else `not_checkable` with the reason.

use super::outcome::{figure_name, Check, Checked, StatementCheck};
use super::rounding::Range;
use super::{fdi, numbers, prose_vs_prose, prose_vs_tables, trade};
use crate::data::{Dataset, Datum, Lookup, Unit};
use crate::format::{auto, number};

/// Every check written for particular prose numbers, file by file.
const STATEMENT_CHECKS: [&[StatementCheck]; 5] = [
    prose_vs_tables::STATEMENTS,
    fdi::STATEMENTS,
    trade::STATEMENTS,
    prose_vs_prose::STATEMENTS,
    numbers::STATEMENTS,
];

/// The check written for `datum`, if there is one.
fn written_for(datum: &Datum) -> Option<&'static StatementCheck> {
    STATEMENT_CHECKS
        .iter()
        .flat_map(|checks| checks.iter())
        .find(|check| check.applies_to(datum))
}

/// Every number quoted in the prose, checked.
pub(super) fn claims(data: Lookup) -> Vec<Checked> {
    data.data()
        .iter()
        .filter(|datum| !datum.dataset.is_table())
        .map(|datum| check_statement(data, datum))
        .collect()
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

fn check_statement(data: Lookup, datum: &Datum) -> Checked {
    let check = match datum.value() {
        None => Check::not_checkable(
            "The number itself is illegible in the OCR text, so there is nothing to check.",
        ),
        Some(stated) => written_for(datum)
            .and_then(|written| (written.check)(data, datum, stated))
            .or_else(|| same_cell_in_a_table(data, datum))
            .unwrap_or_else(|| Check::not_checkable(unchecked_reason(datum.dataset))),
    };
    let mut cells = vec![datum.key()];
    for cell in &check.cells {
        if !cells.contains(cell) {
            cells.push(cell.clone());
        }
    }
    let check = Check {
        status: check.status.weakest(datum.cell.status),
        cells,
        ..check
    };
    check.claim(&datum.key(), datum.dataset, paraphrase(datum), datum.source)
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
