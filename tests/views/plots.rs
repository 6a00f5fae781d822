//! What each choice plots: exactly the chosen series and years, missing cells as gaps, weak
//! and computed values marked, transforms, chart kinds, colours and printed decimals.

use super::*;

#[test]
fn the_plot_table_and_summary_show_exactly_the_chosen_series_and_years() {
    for state in states() {
        let Some(plot) = view::plot(&state) else {
            continue;
        };
        let table = html::table(Some(&plot));
        let summary = describe::summary(&plot);
        assert_eq!(
            table.matches("<th scope=\"row\">").count(),
            plot.series.len(),
            "{}: table rows differ from plotted series",
            state.to_query()
        );
        for series in &plot.series {
            assert!(
                state.shows_series(&series.id),
                "{}: {} is drawn but switched off",
                state.to_query(),
                series.id
            );
            assert_eq!(series.points.len(), plot.categories.len());
            assert!(
                table.contains(&html::escape(&series.label)),
                "{}: table lacks {}",
                state.to_query(),
                series.label
            );
            if plot.categories.len() > 1 && plot.categories.iter().all(|c| c.year.is_some()) {
                assert!(
                    summary.contains(&series.label),
                    "{}: summary lacks {}",
                    state.to_query(),
                    series.label
                );
            }
        }
    }
}

#[test]
fn toggling_a_type_off_removes_it_everywhere() {
    let mut state = State::for_view(ViewId::Ownership);
    let label = "Collective";
    let before = view::plot(&state).expect("plot");
    assert!(
        describe::summary(&before).contains(label) && html::table(Some(&before)).contains(label)
    );
    Event::read("series", "collective", false)
        .and_then(|event| state.apply(event))
        .expect("toggle");
    let after = view::plot(&state).expect("plot");
    assert!(!after.series.iter().any(|series| series.label == label));
    assert!(
        !describe::summary(&after).contains(label),
        "the summary still mentions a hidden type"
    );
    assert!(
        !html::table(Some(&after)).contains(label),
        "the table still lists a hidden type"
    );
    Event::read("category", "2005", false)
        .and_then(|event| state.apply(event))
        .expect("toggle year");
    let fewer_years = view::plot(&state).expect("plot");
    assert_eq!(fewer_years.categories.len(), 4);
    assert!(!html::table(Some(&fewer_years)).contains("<th scope=\"col\">2005</th>"));
}

#[test]
fn missing_cells_are_gaps_and_weak_cells_are_marked() {
    let mut state = State::for_view(ViewId::Ownership);
    Event::read("series", "state_controlled", true)
        .and_then(|event| state.apply(event))
        .expect("toggle");
    let plot = view::plot(&state).expect("plot");
    let sce = plot
        .series
        .iter()
        .find(|series| series.id == "state_controlled")
        .expect("SCE drawn");
    assert_eq!(
        sce.points[0].value, None,
        "SCE 1997 is not printed and must be a gap"
    );
    assert_eq!(sce.points[0].status, Status::Missing);
    let soe = plot
        .series
        .iter()
        .find(|series| series.id == "state_owned")
        .expect("SOE drawn");
    assert_eq!(
        soe.points[0].status,
        Status::Corrected,
        "1,225 was corrected from '1.225'"
    );
    assert!(soe.points[0].note.contains("thousands"));
    let table = html::table(Some(&plot));
    assert!(
        table.contains("status-corrected")
            && table.contains("status-missing")
            && table.contains("cell-notes")
    );
    assert!(describe::summary(&plot).contains("missing"));
}

#[test]
fn derived_values_inherit_status() {
    let mut state = State::for_view(ViewId::Market);
    Event::read("measure", "value_added_to_sales", true)
        .and_then(|event| state.apply(event))
        .expect("measure");
    Event::read("series", "industry", true)
        .and_then(|event| state.apply(event))
        .expect("industry");
    let plot = view::plot(&state).expect("plot");
    let industry = plot
        .series
        .iter()
        .find(|series| series.id == "industry")
        .expect("industry drawn");
    // 2001 weighs by an uncertain market share; 2002 lacks the foreign-funded value.
    assert_eq!(industry.points[0].status, Status::Uncertain);
    assert_eq!(industry.points[1].value, None);
    assert!(industry.points[2]
        .value
        .is_some_and(|value| (value - 20.1).abs() < 0.1));
}

#[test]
fn stacked_charts_leave_out_overlapping_rows() {
    let mut state = State::for_view(ViewId::Ownership);
    Event::read("series", "state_controlled", true)
        .and_then(|event| state.apply(event))
        .expect("toggle");
    Event::read("chart", "stacked", true)
        .and_then(|event| state.apply(event))
        .expect("stacked");
    let plot = view::plot(&state).expect("plot");
    assert_eq!(plot.kind, ChartKind::Stacked);
    assert!(!plot
        .series
        .iter()
        .any(|series| series.id == "state_controlled"));
    assert!(html::legend(&state, Some(&plot)).contains("not stacked"));
    // Changes are not stackable: the kind falls back to bars.
    Event::read("transform", "change", true)
        .and_then(|event| state.apply(event))
        .expect("change");
    assert_eq!(view::plot(&state).expect("plot").kind, ChartKind::Bars);
}

#[test]
fn fdi_growth_rate_is_computed_between_the_chosen_years() {
    let mut state = State::for_view(ViewId::Fdi);
    Event::read("from", "1995", true)
        .and_then(|event| state.apply(event))
        .expect("from");
    Event::read("to", "2004", true)
        .and_then(|event| state.apply(event))
        .expect("to");
    let stats = view::stats(&state);
    let growth = stats[0].value.expect("computable");
    assert!(
        (growth - 43.019).abs() < 0.01,
        "CAGR 1995–2004 should be about 43.0% a year, got {growth}"
    );
    Event::read("to", "1995", true)
        .and_then(|event| state.apply(event))
        .expect("to");
    assert_eq!(
        view::stats(&state)[0].value,
        None,
        "a growth rate over zero years cannot be computed"
    );
}

#[test]
fn index_and_change_transform_the_values() {
    let mut state = State::for_view(ViewId::Ownership);
    Event::read("transform", "index", true)
        .and_then(|event| state.apply(event))
        .expect("index");
    let plot = view::plot(&state).expect("plot");
    assert!(
        plot.series.iter().all(|series| series.points[0]
            .value
            .is_none_or(|value| (value - 100.0).abs() < 1e-9)),
        "the base year must be 100"
    );
    Event::read("transform", "change", true)
        .and_then(|event| state.apply(event))
        .expect("change");
    Event::read("measure", "share_total_assets", true)
        .and_then(|event| state.apply(event))
        .expect("measure");
    let plot = view::plot(&state).expect("plot");
    let foreign = plot
        .series
        .iter()
        .find(|series| series.id == "foreign_funded")
        .expect("foreign");
    assert_eq!(
        foreign.points[0].value,
        Some(34.0),
        "68% − 34% is 34 percentage points"
    );
    assert_eq!(state.transform(), Transform::Change);
}

#[test]
fn play_and_step_reveal_years_one_at_a_time() {
    let mut state = State::for_view(ViewId::Ownership);
    Event::read("play", "", true)
        .and_then(|event| state.apply(event))
        .expect("play");
    assert_eq!(state.categories(), vec!["1997"]);
    for expected in 2..=5 {
        Event::read("step", "next", true)
            .and_then(|event| state.apply(event))
            .expect("step");
        assert_eq!(state.categories().len(), expected);
    }
    let before = state.clone();
    Event::read("step", "next", true)
        .and_then(|event| state.apply(event))
        .expect("step at the end");
    assert_eq!(state, before, "stepping past the last year changes nothing");
    Event::read("step", "prev", true)
        .and_then(|event| state.apply(event))
        .expect("back");
    assert_eq!(state.categories().last().map(String::as_str), Some("2003"));
    assert_eq!(
        key_action("ArrowRight"),
        Event::read("step", "next", true).ok()
    );
    assert_eq!(key_action("3"), Event::read("view", "market", true).ok());
    assert_eq!(key_action("9"), None);
}

#[test]
fn computed_values_and_bounds_are_not_passed_off_as_printed() {
    let mut state = State::for_view(ViewId::Trade);
    Event::read("topic", "world_output_share", true)
        .and_then(|event| state.apply(event))
        .expect("topic");
    let plot = view::plot(&state).expect("plot");
    let japan = plot
        .series
        .iter()
        .find(|series| series.id == "japan")
        .expect("japan");
    assert!(
        japan.points.iter().all(|point| point.derived),
        "Japan's share is China's plus a gap: computed, not printed"
    );
    let summary = describe::summary(&plot);
    assert!(
        summary.contains("computed from the paper's numbers"),
        "the summary hides computed values: {summary}"
    );
    assert!(html::table(Some(&plot)).contains("class=\"status-clean derived\""));

    Event::read("topic", "foreign_domestic_sales", true)
        .and_then(|event| state.apply(event))
        .expect("topic");
    let plot = view::plot(&state).expect("plot");
    let summary = describe::summary(&plot);
    assert!(
        summary.contains("at most 20% in 1993"),
        "a 'less than' bound reads as exact: {summary}"
    );
    assert!(html::table(Some(&plot)).contains("≤ 20%"));
}

#[test]
fn the_chosen_chart_kind_comes_back_and_colours_stay_with_their_type() {
    let mut state = State::for_view(ViewId::Ownership);
    Event::read("chart", "stacked100", true)
        .and_then(|event| state.apply(event))
        .expect("stacked");
    Event::read("transform", "index", true)
        .and_then(|event| state.apply(event))
        .expect("index");
    assert_ne!(
        state.chart(),
        ChartKind::Stacked100,
        "an index cannot be stacked"
    );
    Event::read("transform", "level", true)
        .and_then(|event| state.apply(event))
        .expect("values");
    assert_eq!(
        state.chart(),
        ChartKind::Stacked100,
        "the reader's chart kind should come back"
    );

    let mut state = State::for_view(ViewId::Ownership);
    let color_of = |state: &State, id: &str| {
        view::plot(state)
            .expect("plot")
            .series
            .iter()
            .find(|series| series.id == id)
            .map(|series| series.color)
    };
    let before = color_of(&state, "state_owned");
    Event::read("measure", "share_domestic_assets", true)
        .and_then(|event| state.apply(event))
        .expect("measure");
    assert_eq!(
        color_of(&state, "state_owned"),
        before,
        "changing the indicator recoloured a type"
    );
    assert_eq!(
        state.to_query(),
        "view=ownership&measure=share_domestic_assets",
        "an untouched selection should not lengthen the link"
    );
}

#[test]
fn every_type_keeps_one_colour_and_one_shape_in_every_view() {
    use ict_explorer::plot::{has_own_look, Plot};
    use std::collections::HashMap;
    let mut plots: Vec<(String, Plot)> = Vec::new();
    for view_id in ViewId::ALL {
        let mut starts = vec![State::for_view(view_id)];
        for measure in view::measures(view_id) {
            let mut state = State::for_view(view_id);
            Event::read("measure", measure.id, true)
                .and_then(|event| state.apply(event))
                .expect("measure");
            starts.push(state);
        }
        if view_id == ViewId::Trade {
            for topic in view::TOPICS {
                let mut state = State::for_view(view_id);
                Event::read("topic", topic.id, true)
                    .and_then(|event| state.apply(event))
                    .expect("topic");
                starts.push(state);
            }
        }
        for mut state in starts {
            Event::read("series-all", "", true)
                .and_then(|event| state.apply(event))
                .expect("all series");
            if let Some(plot) = view::plot(&state) {
                plots.push((state.to_query(), plot));
            }
        }
    }
    let mut looks: HashMap<String, (usize, ict_explorer::plot::Shape, String)> = HashMap::new();
    for (link, plot) in &plots {
        let legend = html::legend(&State::from_query(link).0, Some(plot));
        for series in &plot.series {
            assert!(
                has_own_look(&series.id),
                "{} has no colour of its own",
                series.id
            );
            let seen = looks.entry(series.id.clone()).or_insert((
                series.color,
                series.shape,
                link.clone(),
            ));
            assert_eq!(
                (seen.0, seen.1),
                (series.color, series.shape),
                "{} looks different in ?{} and ?{link}",
                series.id,
                seen.2
            );
            assert!(
                legend.contains(&format!(
                    "value=\"{}\" aria-pressed=\"true\"><span class=\"swatch c{} shape-{}\">",
                    series.id,
                    series.color,
                    series.shape.id()
                )),
                "the legend of ?{link} shows {} in another colour or shape than the chart",
                series.id
            );
        }
        for (index, series) in plot.series.iter().enumerate() {
            for other in &plot.series[index + 1..] {
                assert!(
                    series.color != other.color && series.shape != other.shape,
                    "in ?{link}, {} and {} share a colour or a shape",
                    series.id,
                    other.id
                );
            }
        }
    }
    // The reader's case: Foreign funded in Ownership, Market & profits and the prose topics.
    let views_with_foreign: Vec<&str> = plots
        .iter()
        .filter(|(_, plot)| {
            plot.series
                .iter()
                .any(|series| series.id == "foreign_funded")
        })
        .filter_map(|(link, _)| link.split('&').next())
        .collect();
    for view in ["view=ownership", "view=market", "view=trade"] {
        assert!(
            views_with_foreign.contains(&view),
            "Foreign funded is not checked in ?{view}"
        );
    }
}

#[test]
fn prose_numbers_printed_with_decimals_are_charted_with_them() {
    let mut checked = 0;
    for datum in ict_explorer::data::all()
        .iter()
        .filter(|datum| datum.decimals.is_some())
    {
        for topic in view::TOPICS.iter().filter(|topic| {
            topic
                .lines
                .contains(&(datum.series, datum.dataset, datum.measure))
        }) {
            let mut state = State::for_view(ViewId::Trade);
            Event::read("topic", topic.id, true)
                .and_then(|event| state.apply(event))
                .expect("the topic opens");
            let plot = view::plot(&state).expect("a topic has a chart");
            let year = datum.year.map(|year| year.to_string()).unwrap_or_default();
            let Some(at) = plot
                .categories
                .iter()
                .position(|category| category.id == year)
            else {
                continue;
            };
            let point = plot
                .series
                .iter()
                .find(|series| series.id == datum.series)
                .map(|series| &series.points[at])
                .expect("the topic charts the datum's series");
            assert_eq!(
                point.decimals, datum.decimals,
                "'{}' shows {} {} as if printed without its decimals",
                topic.label, datum.series, year
            );
            checked += 1;
        }
    }
    assert!(
        checked > 0,
        "no prose number printed with decimals is charted"
    );
}
