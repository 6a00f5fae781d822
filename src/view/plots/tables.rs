//! The plots of the five tables' views (all but R&D): a measure's values, indexes or
//! changes, by year.

use super::{point, series_of, shown_series, unit_name, year_span};
use crate::data::{Cell, Dataset, Lookup, Unit, TABLE3_SERIES};
use crate::indicators::{self, Derived};
use crate::plot::{Category, ChartKind, Plot};
use crate::view::ids::{measures, Transform, ViewId, OWNERSHIP_MEASURES};
use crate::view::state::{chart_kinds, State};

/// The value of one series in one year of a view's measure, before any transform.
pub(in crate::view) fn level(
    view: ViewId,
    measure: &str,
    series: &str,
    year: u16,
) -> (Derived, Vec<Cell>) {
    let data = Lookup::paper();
    match view {
        ViewId::Ownership => {
            let t1 =
                |series: &str, measure: &str| data.cell(Dataset::Table1, series, measure, year);
            let total_assets = t1("total", "total_assets");
            match (measure, series) {
                ("share_of_firms", _) => {
                    let inputs = vec![t1(series, "firms"), t1("total", "firms")];
                    (indicators::share_of_firms(&inputs[0], &inputs[1]), inputs)
                }
                ("assets", "total") => (
                    indicators::as_printed(&total_assets, Unit::BillionYuan),
                    vec![total_assets],
                ),
                ("assets", _) => {
                    let inputs = vec![total_assets, t1(series, "share_total_assets")];
                    (indicators::assets(&inputs[0], &inputs[1]), inputs)
                }
                ("assets_per_firm", "total") => {
                    let inputs = vec![total_assets, Cell::clean(100.0), t1("total", "firms")];
                    (
                        indicators::assets_per_firm(&inputs[0], &inputs[1], &inputs[2]),
                        inputs,
                    )
                }
                ("assets_per_firm", _) => {
                    let inputs = vec![
                        total_assets,
                        t1(series, "share_total_assets"),
                        t1(series, "firms"),
                    ];
                    (
                        indicators::assets_per_firm(&inputs[0], &inputs[1], &inputs[2]),
                        inputs,
                    )
                }
                (measure, series) => {
                    let cell = t1(series, measure);
                    let unit = OWNERSHIP_MEASURES
                        .iter()
                        .find(|m| m.id == measure)
                        .map(|m| m.unit)
                        .unwrap_or(Unit::Percent);
                    (indicators::as_printed(&cell, unit), vec![cell])
                }
            }
        }
        ViewId::Market if series == "industry" => {
            indicators::market_weighted_average(data, &TABLE3_SERIES, measure, year)
        }
        _ => {
            let dataset = view.dataset().unwrap_or(Dataset::Table1);
            let cell = data.cell(dataset, series, measure, year);
            let unit = measures(view)
                .iter()
                .find(|m| m.id == measure)
                .map(|m| m.unit)
                .unwrap_or(Unit::Percent);
            (indicators::as_printed(&cell, unit), vec![cell])
        }
    }
}
pub(super) fn table_plot(state: &State) -> Plot {
    let measure = state.measure();
    let dataset = state.view.dataset().unwrap_or(Dataset::Table1);
    let info = dataset.info();
    let series_list = shown_series(state);
    let (categories, unit, y_label): (Vec<Category>, Unit, String) = match state.transform {
        Transform::Change => {
            let unit = if measure.unit.is_share() {
                Unit::PercentagePoints
            } else {
                Unit::Percent
            };
            let label = format!("{}→{}", state.from_year, state.to_year);
            let axis = format!(
                "{}: change ({})",
                measure.label,
                if unit == Unit::PercentagePoints {
                    "percentage points"
                } else {
                    "%"
                }
            );
            (
                vec![Category {
                    id: label.clone(),
                    label,
                    year: None,
                }],
                unit,
                axis,
            )
        }
        Transform::Index => (
            state
                .all_categories()
                .into_iter()
                .filter(|category| state.shows_category(&category.id))
                .collect(),
            Unit::Index,
            format!("{} (index, {} = 100)", measure.label, state.base_year),
        ),
        _ => (
            state
                .all_categories()
                .into_iter()
                .filter(|category| state.shows_category(&category.id))
                .collect(),
            measure.unit,
            match measure.unit {
                Unit::Firms => measure.label.to_string(),
                unit => format!("{} ({})", measure.label, unit_name(unit)),
            },
        ),
    };
    let series = series_list
        .into_iter()
        .map(|(id, label)| {
            let points = categories
                .iter()
                .map(|category| match state.transform {
                    Transform::Change => {
                        let (from, mut from_inputs) =
                            level(state.view, measure.id, id, state.from_year);
                        let (to, to_inputs) = level(state.view, measure.id, id, state.to_year);
                        from_inputs.extend(to_inputs);
                        point(
                            indicators::change(&Cell::from(from), &Cell::from(to), measure.unit),
                            &from_inputs.iter().collect::<Vec<_>>(),
                            true,
                            None,
                        )
                    }
                    Transform::Index => {
                        let (value, mut inputs) =
                            level(state.view, measure.id, id, category.year.unwrap_or(0));
                        let (base, base_inputs) =
                            level(state.view, measure.id, id, state.base_year);
                        inputs.extend(base_inputs);
                        point(
                            indicators::index(&Cell::from(value), &Cell::from(base)),
                            &inputs.iter().collect::<Vec<_>>(),
                            true,
                            None,
                        )
                    }
                    _ => {
                        let (value, inputs) =
                            level(state.view, measure.id, id, category.year.unwrap_or(0));
                        // A level is computed when it combines several cells (a share of
                        // firms, assets, an average); a single cell is shown as printed.
                        point(
                            value,
                            &inputs.iter().collect::<Vec<_>>(),
                            inputs.len() > 1,
                            dataset.printed_decimals(),
                        )
                    }
                })
                .collect();
            series_of(id, label, false, false, points)
        })
        .collect();
    let kind = if chart_kinds(state).contains(&state.chart) {
        state.chart
    } else {
        chart_kinds(state)
            .first()
            .copied()
            .unwrap_or(ChartKind::Line)
    };
    Plot {
        title: match state.transform {
            Transform::Change if state.from_year == state.to_year => format!(
                "{}: change {}–{} (choose two different years)",
                measure.label, state.from_year, state.to_year
            ),
            Transform::Change => format!(
                "{}: change {}–{}",
                measure.label, state.from_year, state.to_year
            ),
            Transform::Index => format!("{}: index, {} = 100", measure.label, state.base_year),
            _ => format!("{}, {}", measure.label, year_span(&categories)),
        },
        y_label,
        x_label: if state.transform == Transform::Change {
            String::new()
        } else {
            "Year".to_string()
        },
        unit,
        kind,
        log_scale: state.log_scale
            && state.view == ViewId::Fdi
            && state.transform == Transform::Level,
        categories,
        series,
        source: info.source.to_string(),
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
