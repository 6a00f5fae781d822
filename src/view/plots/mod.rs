//! The [`Plot`] each state shows: the tables' views (`tables.rs`), the R&D comparison
//! (`rd.rs`) and the Trade & output view's topics (`trade.rs`), with the emphasis and annotations resolved
//! against what the plot holds.

mod rd;
mod tables;
mod trade;

use rd::rd_plot;
pub(super) use tables::level;
use tables::table_plot;
use trade::topic_plot;

use super::ids::{Transform, OVERLAPPING_SERIES};
use super::state::State;
use super::ViewId;
use crate::chart;
use crate::data::{Cell, Qualifier, Unit};
use crate::indicators::Derived;
use crate::plot::{
    self, Callout, Category, ChartKind, OutlinedPoint, Plot, Point, ReferenceLine, Series, Span,
};

/// A derived number as a plotted point, with the notes of its inputs. `decimals` is the
/// precision the source prints a single cell with (see
/// [`Dataset::printed_decimals`](crate::data::Dataset::printed_decimals)); computed values
/// show as many as they need.
fn point(derived: Derived, inputs: &[&Cell], computed: bool, decimals: Option<u8>) -> Point {
    // Clean cells can carry notes too (Table 2's official figures), so every note is kept.
    let mut notes: Vec<&str> = Vec::new();
    for cell in inputs {
        if !cell.note.is_empty() && !notes.contains(&cell.note) {
            notes.push(cell.note);
        }
    }
    let qualifier = match (computed, inputs) {
        (false, [cell]) => cell.qualifier(),
        _ => Qualifier::Exact,
    };
    Point {
        value: derived.value,
        status: derived.status,
        note: notes.join(" "),
        derived: computed,
        qualifier,
        decimals: if computed { None } else { decimals },
    }
}

/// Builds the plot a state shows, with its emphasis and annotations. The quality view has
/// none. While the reader plays through the years, both axes are fixed: the value axis to the
/// range the chart would need for all of them, the category axis to all of them, so that a
/// year already shown never moves as the next one comes in.
pub fn plot(state: &State) -> Option<Plot> {
    let mut plot = data_plot(state)?;
    annotate(&mut plot, state);
    if state.playing {
        let mut every_year = state.clone();
        every_year.categories = state
            .all_categories()
            .into_iter()
            .map(|category| category.id)
            .collect();
        every_year.playing = false;
        if let Some(whole) = data_plot(&every_year) {
            plot.value_domain = chart::value_domain(&whole);
            plot.timeline = whole.categories;
        }
    }
    Some(plot)
}

/// The plot of the state's data alone.
fn data_plot(state: &State) -> Option<Plot> {
    match state.view {
        ViewId::Quality => None,
        ViewId::Trade => Some(topic_plot(state)),
        ViewId::Rd => Some(rd_plot(state)),
        _ => Some(table_plot(state)),
    }
}

/// Resolves the state's emphasis and annotations against what the plot shows: those at a
/// series or year that is switched off (or not in a change's single category) are not drawn.
fn annotate(plot: &mut Plot, state: &State) {
    let category_at = |id: &str| {
        plot.categories
            .iter()
            .position(|category| category.id == id)
    };
    plot.emphasis = state
        .emphasis
        .iter()
        .filter(|id| plot.series.iter().any(|series| series.id == **id))
        .cloned()
        .collect();
    plot.reference_lines = state
        .reference_lines
        .iter()
        .filter_map(|line| {
            Some(ReferenceLine {
                category: category_at(&line.category)?,
                label: line.label.clone(),
            })
        })
        .collect();
    // A span covers the shown categories between its ends, so that it keeps its place when
    // a year inside it, or one of its ends, is switched off.
    let order: Vec<String> = state
        .all_categories()
        .into_iter()
        .map(|category| category.id)
        .collect();
    let rank = |id: &str| order.iter().position(|known| known == id);
    plot.bands = state
        .bands
        .iter()
        .filter_map(|band| {
            let (from, to) = (rank(&band.from)?, rank(&band.to)?);
            let inside: Vec<usize> = plot
                .categories
                .iter()
                .enumerate()
                .filter(|(_, category)| {
                    rank(&category.id).is_some_and(|at| (from..=to).contains(&at))
                })
                .map(|(index, _)| index)
                .collect();
            Some(Span {
                first: *inside.first()?,
                last: *inside.last()?,
                label: band.label.clone(),
            })
        })
        .collect();
    plot.notes = state
        .notes
        .iter()
        .filter_map(|note| {
            Some(Callout {
                series: plot
                    .series
                    .iter()
                    .position(|series| series.id == note.series)?,
                category: category_at(&note.category)?,
                label: note.label.clone(),
            })
        })
        .collect();
    // A missing value has nothing to draw an outline round; the table shows its gap.
    plot.outlines = state
        .outlines
        .iter()
        .filter_map(|outline| {
            let series = plot
                .series
                .iter()
                .position(|series| series.id == outline.series)?;
            let category = category_at(&outline.category)?;
            plot.series[series].points.get(category)?.value?;
            Some(OutlinedPoint { series, category })
        })
        .collect();
}

/// A series of the plot, in the colour and marker shape its id has in every view.
fn series_of(id: &str, label: String, highlight: bool, sparse: bool, points: Vec<Point>) -> Series {
    let (color, shape) = plot::series_look(id);
    Series {
        id: id.to_string(),
        label,
        color,
        shape,
        highlight,
        sparse,
        points,
    }
}

/// Why a series switched on in `state` is missing from its plot, in words for the legend: the
/// reference of a comparison with it, or a series that would count twice in a stack.
pub fn why_left_out(state: &State, series: &str) -> &'static str {
    if state.view == ViewId::Rd
        && state.transform == Transform::RelativeToChina
        && series == rd::REFERENCE
    {
        "the reference: China as % of itself is always 100%"
    } else {
        "not stacked: overlaps the other types"
    }
}

fn shown_series(state: &State) -> Vec<(&'static str, String)> {
    let stacking = matches!(state.chart, ChartKind::Stacked | ChartKind::Stacked100);
    state
        .offered_series()
        .into_iter()
        .filter(|(id, _)| state.shows_series(id))
        .filter(|(id, _)| !(stacking && OVERLAPPING_SERIES.contains(id)))
        .collect()
}

/// The unit as words for axis titles.
pub fn unit_name(unit: Unit) -> &'static str {
    match unit {
        Unit::Firms => "firms",
        Unit::Percent => "%",
        Unit::PercentagePoints => "percentage points",
        Unit::BillionYuan => "billion yuan as labelled",
        Unit::MillionYuanPerFirm => "million yuan per firm as labelled",
        Unit::MillionUsd => "million US$",
        Unit::BillionUsd => "billion US$",
        Unit::MillionUnits => "million units",
        Unit::Count => "count",
        Unit::Times => "times",
        Unit::Rank => "rank",
        Unit::Index => "index",
    }
}

fn year_span(categories: &[Category]) -> String {
    match (categories.first(), categories.last()) {
        (Some(first), Some(last)) if first.id != last.id => {
            format!("{}–{}", first.label, last.label)
        }
        (Some(only), _) => only.label.clone(),
        _ => "no year selected".to_string(),
    }
}
