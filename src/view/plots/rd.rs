//! The plot of the R&D view: each country's R&D intensity, or China's as a share of it.

use super::{point, series_of, shown_series};
use crate::data::{self, Cell, Dataset, Unit};
use crate::indicators;
use crate::plot::{Category, ChartKind, Plot};
use crate::view::ids::Transform;
use crate::view::state::State;

/// The country the others are compared with under "China as % of each country".
pub(super) const REFERENCE: &str = "china";

/// A Table 5 cell, found by country and measure whatever its reference year.
fn table5_cell(country: &str, measure: &str) -> Cell {
    data::of(Dataset::Table5)
        .find(|datum| datum.series == country && datum.measure == measure)
        .map(|datum| datum.cell)
        .unwrap_or(Cell::missing("Not printed."))
}

pub(super) fn rd_plot(state: &State) -> Plot {
    let categories: Vec<Category> = state
        .all_categories()
        .into_iter()
        .filter(|category| state.shows_category(&category.id))
        .collect();
    let relative = state.transform == Transform::RelativeToChina;
    // China as a percentage of itself is 100% whatever it spends: a bar that says nothing, yet
    // the tallest on the chart, drawn as if China led. The comparison leaves it out.
    let series = shown_series(state)
        .into_iter()
        .filter(|(country, _)| !(relative && *country == REFERENCE))
        .map(|(country, label)| {
            let points = categories
                .iter()
                .map(|category| {
                    let cell = table5_cell(country, &category.id);
                    if relative {
                        let china = table5_cell(REFERENCE, &category.id);
                        point(
                            indicators::relative_intensity(&china, &cell),
                            &[&china, &cell],
                            true,
                            None,
                        )
                    } else {
                        point(
                            indicators::as_printed(&cell, Unit::Percent),
                            &[&cell],
                            false,
                            Dataset::Table5.printed_decimals(),
                        )
                    }
                })
                .collect();
            series_of(country, label, country == "china", false, points)
        })
        .collect();
    Plot {
        title: if relative {
            "China's R&D intensity as a percentage of each country's".to_string()
        } else {
            "R&D spending over value added in ICT manufacturing, by country".to_string()
        },
        y_label: if relative {
            "China's ratio as % of the country's".to_string()
        } else {
            "R&D over value added (%)".to_string()
        },
        x_label: String::new(),
        unit: Unit::Percent,
        kind: ChartKind::Bars,
        log_scale: false,
        categories,
        series,
        source: Dataset::Table5.info().source.to_string(),
        // Filled in by `annotate` and, during Play, by `plot`.
        emphasis: Vec::new(),
        reference_lines: Vec::new(),
        bands: Vec::new(),
        notes: Vec::new(),
        outlines: Vec::new(),
        value_domain: None,
        timeline: Vec::new(),
    }
}
