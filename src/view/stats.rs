//! The key figures shown beside a chart.

use super::ids::{Transform, ViewId, OVERLAPPING_SERIES};
use super::plots::level;
use super::state::State;
use crate::data::{Cell, Dataset, Lookup, Status, Unit};
use crate::format::auto;
use crate::indicators;

/// Key figures shown beside a chart: growth rates, coverage and the like.
#[derive(Clone, Debug, PartialEq)]
pub struct Stat {
    pub label: String,
    pub value: Option<f64>,
    pub unit: Unit,
    pub status: Status,
    /// How it is computed.
    pub formula: String,
}

/// The years the growth figure spans: the chosen "from" and "to" years, narrowed to the first
/// and last of them the chart shows, so that a figure never speaks of years the chart beside
/// it leaves out (a story's chart of 1995–1999 gets the growth over 1995–1999, not 1995–2004).
fn shown_span(state: &State) -> (u16, u16) {
    let shown: Vec<u16> = state
        .all_categories()
        .into_iter()
        .filter(|category| state.shows_category(&category.id))
        .filter_map(|category| category.year)
        .collect();
    let from = shown
        .iter()
        .copied()
        .find(|year| *year >= state.from_year)
        .unwrap_or(state.from_year);
    let to = shown
        .iter()
        .copied()
        .rev()
        .find(|year| *year <= state.to_year)
        .unwrap_or(state.to_year);
    (from, to)
}

/// The key figures of a state.
pub fn stats(state: &State) -> Vec<Stat> {
    let data = Lookup::paper();
    match state.view {
        ViewId::Fdi => {
            let (from_year, to_year) = shown_span(state);
            let from = data.cell(Dataset::Table2, "fdi", "actual_utilized", from_year);
            let to = data.cell(Dataset::Table2, "fdi", "actual_utilized", to_year);
            let growth = indicators::cagr(&from, from_year, &to, to_year);
            let shown = |cell: &Cell| {
                cell.value
                    .map(|value| auto(value, 0))
                    .unwrap_or_else(|| "missing".to_string())
            };
            vec![Stat {
                label: if to_year <= from_year {
                    "Growth per year (CAGR): choose an end year after the start year".to_string()
                } else if from_year < 2001 && to_year >= 2001 {
                    // Table 2 warns that its figures before 2001 may cover electronics only.
                    format!(
                        "Growth per year (CAGR), {}–{}, across the 2001 change in coverage",
                        from_year, to_year
                    )
                } else {
                    format!("Growth per year (CAGR), {}–{}", from_year, to_year)
                },
                value: growth.value,
                unit: Unit::Percent,
                status: growth.status,
                formula: format!(
                    "({} / {})^(1/{}) − 1",
                    shown(&to),
                    shown(&from),
                    i32::from(to_year) - i32::from(from_year)
                ),
            }]
        }
        ViewId::Ownership | ViewId::Market | ViewId::Exports
            if state.measure().unit == Unit::Percent
                && state.measure().stackable
                && state.transform == Transform::Level =>
        {
            let ids: Vec<&str> = state
                .measure()
                .series
                .iter()
                .copied()
                .filter(|id| !OVERLAPPING_SERIES.contains(id))
                .collect();
            state
                .all_categories()
                .into_iter()
                .filter(|category| state.shows_category(&category.id))
                .map(|category| {
                    let year = category.year.unwrap_or(0);
                    let cells: Vec<Cell> = ids
                        .iter()
                        .map(|id| level(state.view, state.measure().id, id, year).0.into())
                        .collect();
                    let total = indicators::coverage(&cells.iter().collect::<Vec<_>>());
                    Stat {
                        label: format!("Shares add up to, {year}"),
                        value: total.value,
                        unit: Unit::Percent,
                        status: total.status,
                        formula: format!("sum of the {} listed shares", ids.len()),
                    }
                })
                .collect()
        }
        _ => Vec::new(),
    }
}
