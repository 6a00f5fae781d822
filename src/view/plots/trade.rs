//! The plots of the trade-and-output view: each topic's numbers quoted in the prose.

use super::{point, series_of, unit_name};
use crate::data::{self, Cell, Dataset, Lookup, Unit};
use crate::indicators;
use crate::plot::{Category, Plot};
use crate::view::state::State;

pub(super) fn topic_plot(state: &State) -> Plot {
    let topic = state.topic();
    let data = Lookup::paper();
    let categories: Vec<Category> = state
        .all_categories()
        .into_iter()
        .filter(|category| state.shows_category(&category.id))
        .collect();
    let series = topic
        .lines
        .iter()
        .filter(|(series, _, _)| state.shows_series(series))
        .map(|(series, dataset, measure)| {
            let points = categories
                .iter()
                .map(|category| {
                    let datum = data.get(*dataset, series, measure, category.year);
                    // "6.0" is printed with a decimal, and shown with it.
                    let decimals = datum.and_then(|datum| datum.decimals);
                    let cell = datum
                        .map(|datum| datum.cell)
                        .unwrap_or(Cell::missing("The paper quotes no number for this year."));
                    // The paper gives Japan's and the US's output shares as gaps to China's.
                    if *measure == "output_share_gap_to_china" {
                        let china = data
                            .get(Dataset::Text, "china", "world_output_share", category.year)
                            .map(|datum| datum.cell)
                            .unwrap_or(Cell::missing("Not quoted."));
                        let share = indicators::sum(&[&china, &cell], Unit::Percent);
                        point(share, &[&china, &cell], true, None)
                    } else {
                        point(
                            indicators::as_printed(&cell, topic.unit),
                            &[&cell],
                            false,
                            decimals,
                        )
                    }
                })
                .collect();
            // The prose quotes numbers here and there, never a yearly series: two years apart
            // are joined by dots.
            series_of(
                series,
                data::series_label(series).to_string(),
                *series == "china",
                true,
                points,
            )
        })
        .collect();
    Plot {
        title: topic.label.to_string(),
        y_label: unit_name(topic.unit).to_string(),
        x_label: "Year".to_string(),
        unit: topic.unit,
        kind: state.chart,
        log_scale: false,
        categories,
        series,
        source: format!("Ning (2009). {}", topic.source()),
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
