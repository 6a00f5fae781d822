//! Views: what a reader's choices show, and that the choices survive a link.

use ict_explorer::data::Status;
use ict_explorer::plot::ChartKind;
use ict_explorer::view::{self, key_action, State, Transform, ViewId};
use ict_explorer::{describe, html};

/// A control event: name, value, checked.
type Event = (&'static str, &'static str, bool);

/// Every view in its default state, and a set of non-default states reached through events.
fn states() -> Vec<State> {
    let mut states: Vec<State> = ViewId::ALL
        .iter()
        .map(|view| State::for_view(*view))
        .collect();
    let scripts: [(ViewId, &[Event]); 15] = [
        (
            ViewId::Ownership,
            &[
                ("measure", "share_total_assets", true),
                ("chart", "stacked100", true),
                ("category", "1999", false),
            ],
        ),
        (
            ViewId::Ownership,
            &[
                ("transform", "index", true),
                ("base", "2001", true),
                ("series", "total", true),
            ],
        ),
        (
            ViewId::Ownership,
            &[
                ("transform", "change", true),
                ("from", "1999", true),
                ("to", "2003", true),
                ("series", "private", false),
            ],
        ),
        (
            ViewId::Ownership,
            &[
                ("measure", "assets_per_firm", true),
                ("series", "state_controlled", true),
            ],
        ),
        (
            ViewId::Fdi,
            &[
                ("log", "1", true),
                ("chart", "line", true),
                ("from", "1999", true),
            ],
        ),
        (
            ViewId::Market,
            &[
                ("measure", "value_added_to_sales", true),
                ("series", "industry", true),
                ("chart", "bars", true),
            ],
        ),
        (
            ViewId::Exports,
            &[("legend", "others", true), ("category", "2000", false)],
        ),
        (
            ViewId::Rd,
            &[("transform", "relative", true), ("series", "japan", false)],
        ),
        (
            ViewId::Highlights,
            &[
                ("topic", "world_output_share", true),
                ("series", "usa", false),
            ],
        ),
        // Found by tests/properties.rs: a base year chosen while values are shown used to be
        // left out of the link.
        (ViewId::Ownership, &[("base", "1999", true)]),
        // A series that the chosen measure does not offer used to be refused by the link.
        (
            ViewId::Ownership,
            &[
                ("measure", "share_domestic_assets", true),
                ("series-all", "", true),
            ],
        ),
        // The chart kind used to depend on the order of the changes, which a link cannot keep.
        (
            ViewId::Ownership,
            &[
                ("chart", "stacked", true),
                ("transform", "index", true),
                ("measure", "assets_per_firm", true),
            ],
        ),
        // A lecture's step: emphasis and every kind of annotation, labels with link syntax.
        (
            ViewId::Ownership,
            &[
                ("emph", "private", true),
                ("emph", "joint_stock", true),
                ("mark", "2001:Coverage: widens|1997", true),
                ("band", "2003-1999:After WTO entry, & more", true),
                (
                    "note",
                    "foreign_funded@2005:Foreign firms hold 70% of assets",
                    true,
                ),
            ],
        ),
        // Playing, half way through the years.
        (
            ViewId::Fdi,
            &[
                ("play", "", true),
                ("step", "next", true),
                ("step", "next", true),
            ],
        ),
        (
            ViewId::Rd,
            &[
                ("play-at", "0", true),
                ("note", "china@computers_office:Low", true),
            ],
        ),
    ];
    for (view, events) in scripts {
        let mut state = State::for_view(view);
        for (name, value, checked) in events {
            state
                .apply(name, value, *checked)
                .unwrap_or_else(|problem| panic!("{name}={value} on {}: {problem}", view.id()));
        }
        states.push(state);
    }
    states
}

#[test]
fn every_state_survives_its_link() {
    for state in states() {
        let query = state.to_query();
        let (restored, problems) = State::from_query(&query);
        assert!(problems.is_empty(), "?{query} reports {problems:?}");
        assert_eq!(
            restored, state,
            "opening ?{query} shows a different view than the one shared"
        );
    }
}

#[test]
fn default_links_are_short() {
    for view in ViewId::ALL {
        assert_eq!(
            State::for_view(view).to_query(),
            format!("view={}", view.id())
        );
    }
}

#[test]
fn a_broken_link_opens_the_nearest_valid_view_and_says_why() {
    let (state, problems) = State::from_query("?view=fdi&chart=pie&years=1995,2050&log=1");
    assert_eq!(state.view, ViewId::Fdi);
    assert!(state.log_scale);
    assert_eq!(state.categories, vec!["1995".to_string()]);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems.iter().any(|problem| problem.contains("pie"))
            && problems.iter().any(|problem| problem.contains("2050"))
    );
    let (state, problems) = State::from_query("view=nope");
    assert_eq!(state.view, ViewId::Ownership);
    assert!(problems[0].contains("nope"));
}

#[test]
fn nonsense_events_are_refused_and_leave_the_state_alone() {
    let mut state = State::for_view(ViewId::Ownership);
    let before = state.clone();
    for (name, value) in [
        ("view", "pie"),
        ("series", "martians"),
        ("base", "1998"),
        ("chart", "radar"),
        ("log", "1"),
        ("unknown", ""),
        ("transform", "relative"),
        ("topic", "exports_2004"),
        ("goto", "table9/nobody/nothing/1900 garbage"),
    ] {
        assert!(
            state.apply(name, value, true).is_err(),
            "{name}={value} was accepted"
        );
        assert_eq!(
            state, before,
            "{name}={value} changed the state although refused"
        );
    }
}

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
    state.apply("series", "collective", false).expect("toggle");
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
    state.apply("category", "2005", false).expect("toggle year");
    let fewer_years = view::plot(&state).expect("plot");
    assert_eq!(fewer_years.categories.len(), 4);
    assert!(!html::table(Some(&fewer_years)).contains("<th scope=\"col\">2005</th>"));
}

#[test]
fn missing_cells_are_gaps_and_weak_cells_are_marked() {
    let mut state = State::for_view(ViewId::Ownership);
    state
        .apply("series", "state_controlled", true)
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
    state
        .apply("measure", "value_added_to_sales", true)
        .expect("measure");
    state.apply("series", "industry", true).expect("industry");
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
    state
        .apply("series", "state_controlled", true)
        .expect("toggle");
    state.apply("chart", "stacked", true).expect("stacked");
    let plot = view::plot(&state).expect("plot");
    assert_eq!(plot.kind, ChartKind::Stacked);
    assert!(!plot
        .series
        .iter()
        .any(|series| series.id == "state_controlled"));
    assert!(html::legend(&state, Some(&plot)).contains("not stacked"));
    // Changes are not stackable: the kind falls back to bars.
    state.apply("transform", "change", true).expect("change");
    assert_eq!(view::plot(&state).expect("plot").kind, ChartKind::Bars);
}

#[test]
fn fdi_growth_rate_is_computed_between_the_chosen_years() {
    let mut state = State::for_view(ViewId::Fdi);
    state.apply("from", "1995", true).expect("from");
    state.apply("to", "2004", true).expect("to");
    let stats = view::stats(&state);
    let growth = stats[0].value.expect("computable");
    assert!(
        (growth - 43.019).abs() < 0.01,
        "CAGR 1995–2004 should be about 43.0% a year, got {growth}"
    );
    state.apply("to", "1995", true).expect("to");
    assert_eq!(
        view::stats(&state)[0].value,
        None,
        "a growth rate over zero years cannot be computed"
    );
}

#[test]
fn index_and_change_transform_the_values() {
    let mut state = State::for_view(ViewId::Ownership);
    state.apply("transform", "index", true).expect("index");
    let plot = view::plot(&state).expect("plot");
    assert!(
        plot.series.iter().all(|series| series.points[0]
            .value
            .is_none_or(|value| (value - 100.0).abs() < 1e-9)),
        "the base year must be 100"
    );
    state.apply("transform", "change", true).expect("change");
    state
        .apply("measure", "share_total_assets", true)
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
    assert_eq!(state.transform, Transform::Change);
}

#[test]
fn play_and_step_reveal_years_one_at_a_time() {
    let mut state = State::for_view(ViewId::Ownership);
    state.apply("play", "", true).expect("play");
    assert_eq!(state.categories, vec!["1997"]);
    for expected in 2..=5 {
        state.apply("step", "next", true).expect("step");
        assert_eq!(state.categories.len(), expected);
    }
    let before = state.clone();
    state.apply("step", "next", true).expect("step at the end");
    assert_eq!(state, before, "stepping past the last year changes nothing");
    state.apply("step", "prev", true).expect("back");
    assert_eq!(state.categories.last().map(String::as_str), Some("2003"));
    assert_eq!(key_action("ArrowRight"), Some(("step", "next".to_string())));
    assert_eq!(key_action("3"), Some(("view", "market".to_string())));
    assert_eq!(key_action("9"), None);
}

#[test]
fn controls_are_labelled_native_form_elements() {
    let state = State::for_view(ViewId::Ownership);
    let controls = html::controls(&state, &ict_explorer::display::Group::ALL);
    for label in [
        "Foreign funded",
        "State owned",
        "Collective",
        "Joint stock",
        "Private",
        "1997",
        "2005",
        "Indicator",
        "100% stacked",
    ] {
        assert!(
            controls.contains(&format!("> {label}</label>"))
                || controls.contains(&format!("<span>{label}</span>")),
            "no visible label '{label}'"
        );
    }
    assert_eq!(
        controls
            .matches("type=\"checkbox\" id=\"ctl-series-")
            .count(),
        state.offered_series().len()
    );
    assert!(
        controls.contains("> State controlled (all SCEs)</label>")
            && controls.contains("> All ICT firms</label>")
    );
    assert_eq!(
        controls
            .matches("type=\"checkbox\" id=\"ctl-category-")
            .count(),
        5
    );
    assert!(controls.contains("name=\"series-all\"") && controls.contains("name=\"series-none\""));
    let tabs = html::tabs(&state);
    assert_eq!(tabs.matches("role=\"tab\"").count(), ViewId::ALL.len());
}

#[test]
fn the_quality_view_lists_every_finding_and_claim() {
    let state = State::for_view(ViewId::Quality);
    assert!(view::plot(&state).is_none());
    let page = html::about(&state);
    assert_eq!(
        page.matches("class=\"finding ").count(),
        ict_explorer::audit::paper().len()
    );
    assert_eq!(
        page.matches("<li class=\"claim ").count(),
        ict_explorer::claims::paper().len()
    );
    assert!(
        page.contains("name=\"goto\" value=\"table1/"),
        "findings must open the view that shows them"
    );
}

#[test]
fn show_in_opens_the_view_with_the_cells_of_a_finding() {
    let finding = ict_explorer::audit::paper()
        .iter()
        .find(|finding| finding.id == "text-sce-average-vs-table1")
        .expect("finding");
    let mut state = State::for_view(ViewId::Quality);
    state
        .apply("goto", &finding.cells.join(" "), true)
        .expect("goto");
    assert_eq!(state.view, ViewId::Ownership);
    assert_eq!(
        state.measure().id,
        "share_domestic_assets",
        "the finding is about shares of domestic assets"
    );
    assert!(
        state.shows_series("state_controlled"),
        "the state-controlled row must be switched on to be seen"
    );

    let output = ict_explorer::audit::paper()
        .iter()
        .find(|finding| finding.id == "text-output-smaller-than-exports")
        .expect("finding");
    let keys: Vec<&str> = output.cells.iter().map(String::as_str).collect();
    let state = State::showing(&keys);
    assert_eq!(state.view, ViewId::Highlights);
    assert_eq!(
        State::from_query(&state.to_query()).0,
        state,
        "a state opened from a finding must survive its link"
    );
}

#[test]
fn notes_on_legible_cells_reach_the_table() {
    // Table 2 starts its 2003 and 2004 values as officials' announcements: legible, but a
    // reader must be told.
    let plot = view::plot(&State::for_view(ViewId::Fdi)).expect("plot");
    let table = html::table(Some(&plot));
    assert!(
        table.contains("announced by ministry officials"),
        "the starred years' note is missing from the FDI table"
    );
    let official = &plot.series[0].points[4];
    assert_eq!(
        official.status,
        Status::Clean,
        "an announced figure is still printed legibly"
    );
}

#[test]
fn computed_values_and_bounds_are_not_passed_off_as_printed() {
    let mut state = State::for_view(ViewId::Highlights);
    state
        .apply("topic", "world_output_share", true)
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

    state
        .apply("topic", "foreign_domestic_sales", true)
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
    state.apply("chart", "stacked100", true).expect("stacked");
    state.apply("transform", "index", true).expect("index");
    assert_ne!(
        state.chart,
        ChartKind::Stacked100,
        "an index cannot be stacked"
    );
    state.apply("transform", "level", true).expect("values");
    assert_eq!(
        state.chart,
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
    state
        .apply("measure", "share_domestic_assets", true)
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
fn topics_belong_to_the_trade_and_output_view_only() {
    let (state, problems) = State::from_query("view=quality&topic=exports_2004");
    assert_eq!(state, State::for_view(ViewId::Quality));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("Trade & output"),
        "the notice should say where topics are: {problems:?}"
    );
    let (state, problems) = State::from_query("view=highlights&topic=firm_revenues");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(state.topic().id, "firm_revenues");
}

#[test]
fn notices_repeat_a_rejected_value_shortened_and_cleaned() {
    assert_eq!(ict_explorer::notice::quoted("pie"), "pie");
    assert_eq!(
        ict_explorer::notice::quoted(" a\u{202E}b\u{200B}c\n\t\u{2066}d\u{0}  "),
        "abc d",
        "controls and bidi characters must go, and whitespace shrink to one space"
    );
    let long = ict_explorer::notice::quoted(&"x".repeat(100_000));
    assert_eq!(long.chars().count(), 60);
    assert!(long.ends_with("x…"), "{long}");

    // A right-to-left override would make the rest of the notice read backwards.
    let spoof = format!("\u{202E}{}", "moc.elpmaxe//:sptth ta nigol ".repeat(5000));
    let (_, problems) = State::from_query(&format!("view={spoof}"));
    let mut state = State::default();
    let refused = state
        .apply("series", &spoof, true)
        .expect_err("no such series");
    for notice in problems.iter().chain([&refused]) {
        assert!(
            notice.chars().count() < 200 && !notice.contains('\u{202E}'),
            "the notice is {} characters long or keeps the override: {}",
            notice.chars().count(),
            notice.chars().take(200).collect::<String>()
        );
    }
}

#[test]
fn every_show_in_button_opens_a_view() {
    let findings = ict_explorer::audit::paper()
        .iter()
        .map(|finding| &finding.cells);
    let claims = ict_explorer::claims::paper()
        .iter()
        .map(|claim| &claim.cells);
    for cells in findings.chain(claims).filter(|cells| !cells.is_empty()) {
        let mut state = State::for_view(ViewId::Quality);
        state
            .apply("goto", &cells.join(" "), true)
            .unwrap_or_else(|problem| panic!("Show in for {cells:?} is refused: {problem}"));
        assert_ne!(
            state.view,
            ViewId::Quality,
            "Show in for {cells:?} stays put"
        );
    }
}

#[test]
fn annotations_live_in_the_link_in_the_syntax_stories_use() {
    let link = "view=ownership&emph=joint_stock,private&mark=2001:Coverage widens|2003:WTO entry&band=2001-2005:After WTO entry&note=foreign_funded@2005:Foreign firms hold most assets";
    let (state, problems) = State::from_query(link);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(state.emphasis, ["joint_stock", "private"]);
    assert_eq!(
        state.marks,
        [
            view::Mark {
                category: "2001".into(),
                label: "Coverage widens".into()
            },
            view::Mark {
                category: "2003".into(),
                label: "WTO entry".into()
            }
        ]
    );
    assert_eq!(
        state.bands,
        [view::Band {
            from: "2001".into(),
            to: "2005".into(),
            label: "After WTO entry".into()
        }]
    );
    assert_eq!(
        state.notes,
        [view::Note {
            series: "foreign_funded".into(),
            category: "2005".into(),
            label: "Foreign firms hold most assets".into()
        }]
    );
    let decoded: Vec<(String, String)> = form_urlencoded::parse(state.to_query().as_bytes())
        .into_owned()
        .collect();
    let expected: Vec<(String, String)> = form_urlencoded::parse(link.as_bytes())
        .into_owned()
        .collect();
    assert_eq!(
        decoded, expected,
        "the link does not write annotations as it reads them"
    );

    let plot = view::plot(&state).expect("plot");
    assert_eq!(plot.emphasis, ["joint_stock", "private"]);
    let years: Vec<&str> = plot.categories.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(years[plot.marks[0].category], "2001");
    assert_eq!(
        (years[plot.bands[0].first], years[plot.bands[0].last]),
        ("2001", "2005")
    );
    assert_eq!(plot.series[plot.notes[0].series].id, "foreign_funded");
    assert_eq!(years[plot.notes[0].category], "2005");

    // A year switched off leaves its mark out, and the span keeps to the years still shown.
    let mut state = state;
    state.apply("category", "2001", false).expect("year off");
    let plot = view::plot(&state).expect("plot");
    let years: Vec<&str> = plot.categories.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(plot.marks.len(), 1, "a mark at a year not shown is drawn");
    assert_eq!(
        (years[plot.bands[0].first], years[plot.bands[0].last]),
        ("2003", "2005")
    );
    // The emphasis names only series that are shown.
    state.apply("series", "private", false).expect("series off");
    assert_eq!(view::plot(&state).expect("plot").emphasis, ["joint_stock"]);
}

#[test]
fn annotations_the_view_cannot_place_are_skipped_with_a_short_clean_notice() {
    let spoof = "\u{202E}".to_string() + &"x".repeat(500);
    let link = format!(
        "view=fdi&emph=fdi,nobody&mark=2001:Coverage|1850:Too early|{spoof}&band=1999-2099:Span&note=nobody@2001:Hi|fdi@2001:Ok"
    );
    let (state, problems) = State::from_query(&link);
    assert_eq!(state.emphasis, ["fdi"]);
    assert_eq!(
        state.marks.len(),
        1,
        "the mark at 2001 is kept: {:?}",
        state.marks
    );
    assert!(state.bands.is_empty());
    assert_eq!(state.notes.len(), 1);
    assert_eq!(problems.len(), 4, "one notice per parameter: {problems:?}");
    for problem in &problems {
        assert!(
            problem.chars().count() <= 260 && !problem.contains('\u{202E}'),
            "the notice floods the message box or keeps an override: {problem}"
        );
    }
    assert!(
        problems
            .iter()
            .any(|problem| problem.contains("1850:Too early")),
        "the notice does not say which mark was skipped: {problems:?}"
    );
    // A label is cleaned and shortened like a notice.
    let (state, _) = State::from_query(&format!("view=fdi&mark=2001:{spoof}"));
    assert_eq!(state.marks[0].label.chars().count(), 60);
    assert!(!state.marks[0].label.contains('\u{202E}'));
    // At most a dozen of a kind.
    let many = (0..20).map(|_| "2001:x").collect::<Vec<_>>().join("|");
    let (state, problems) = State::from_query(&format!("view=fdi&mark={many}"));
    assert_eq!(state.marks.len(), view::MOST_OF_A_KIND);
    assert_eq!(problems.len(), 1, "{problems:?}");
}

#[test]
fn annotation_events_replace_toggle_and_clear_and_a_new_view_starts_clean() {
    let mut state = State::for_view(ViewId::Market);
    state.apply("emph", "private", true).expect("emphasise");
    state.apply("emph", "state_owned", true).expect("emphasise");
    assert_eq!(
        state.emphasis,
        ["state_owned", "private"],
        "kept in the view's order"
    );
    state.apply("emph", "private", false).expect("no longer");
    assert_eq!(state.emphasis, ["state_owned"]);
    state
        .apply("mark", "2002:One|2003:Two", true)
        .expect("marks");
    state
        .apply("mark", "2004:Three", true)
        .expect("marks replaced");
    assert_eq!(state.marks.len(), 1, "the event replaces the list");
    let before = state.clone();
    let refused = state
        .apply("band", "2002-2003:Fine|1990:Not a year of the view", true)
        .expect_err("a span outside the view");
    assert!(refused.contains("1990"), "{refused}");
    assert_eq!(state, before, "a refused list changed the view");
    state
        .apply("emph", "nobody", true)
        .expect_err("no such series");
    state
        .apply("note", "industry@2003:Average", true)
        .expect("a callout");
    state
        .apply("band", "2002:One year", true)
        .expect("a span of one year");
    assert_eq!(state.bands[0].to, "2002");
    state.apply("mark", "", true).expect("no marks");
    assert!(state.marks.is_empty());
    state.apply("annotations-clear", "", true).expect("clear");
    assert!(state.emphasis.is_empty() && state.bands.is_empty() && state.notes.is_empty());

    state.apply("mark", "2003:Kept", true).expect("mark");
    state
        .apply("measure", "profit_to_sales", true)
        .expect("measure");
    assert_eq!(
        state.marks.len(),
        1,
        "a new indicator keeps what the lecturer pointed at"
    );
    state.apply("view", "fdi", true).expect("view");
    assert!(
        state.marks.is_empty(),
        "a new view starts from its defaults"
    );
    let mut topics = State::for_view(ViewId::Highlights);
    topics.apply("mark", "2004:Exports", true).expect("mark");
    topics
        .apply("topic", "computers_exports", true)
        .expect("topic");
    assert!(
        topics.marks.is_empty(),
        "a new topic starts from its defaults"
    );
}

#[test]
fn play_fixes_the_axis_until_the_years_or_the_measure_change() {
    let mut state = State::for_view(ViewId::Ownership);
    assert!(!state.playing());
    state.apply("play", "", true).expect("play");
    assert!(state.playing());
    assert!(view::plot(&state).expect("plot").value_domain.is_some());
    state.apply("step", "next", true).expect("step");
    state.apply("series", "private", false).expect("series");
    state.apply("chart", "bars", true).expect("chart");
    assert!(
        state.playing(),
        "stepping, series and chart kind keep Play's axis"
    );
    let (reopened, problems) = State::from_query(&state.to_query());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        reopened, state,
        "a link made during Play reopens another view"
    );
    state.apply("category", "2005", true).expect("a year");
    assert!(!state.playing(), "choosing a year ends Play");
    assert!(view::plot(&state).expect("plot").value_domain.is_none());

    state.apply("play-at", "2", true).expect("scrub");
    assert_eq!(state.categories, ["1997", "1999", "2001"]);
    assert!(state.playing(), "the timeline fixes the axis as Play does");
    assert_eq!(state.play_position(), 2);
    state.apply("measure", "firms", true).expect("measure");
    assert!(!state.playing(), "a new measure ends Play");
    for refused in ["5", "-1", "two", ""] {
        state.apply("play-at", refused, true).expect_err(refused);
    }
    let before = state.clone();
    for speed in ["500", "1000", "2000"] {
        state.apply("play-speed", speed, true).expect(speed);
    }
    assert_eq!(
        state, before,
        "the speed is the page's: the state does not change"
    );
    state
        .apply("play-speed", "10", true)
        .expect_err("no such speed");
    let mut change = State::for_view(ViewId::Ownership);
    change.apply("transform", "change", true).expect("change");
    change
        .apply("play-at", "1", true)
        .expect_err("a change has no years to play");
    let (quality, problems) = State::from_query("view=quality&play=1");
    assert!(!quality.playing() && problems.len() == 1, "{problems:?}");
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
            state.apply("measure", measure.id, true).expect("measure");
            starts.push(state);
        }
        if view_id == ViewId::Highlights {
            for topic in view::TOPICS {
                let mut state = State::for_view(view_id);
                state.apply("topic", topic.id, true).expect("topic");
                starts.push(state);
            }
        }
        for mut state in starts {
            state.apply("series-all", "", true).expect("all series");
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
    for view in ["view=ownership", "view=market", "view=highlights"] {
        assert!(
            views_with_foreign.contains(&view),
            "Foreign funded is not checked in ?{view}"
        );
    }
}

#[test]
fn the_summary_says_what_the_chart_points_at() {
    let (state, _) = State::from_query(
        "view=ownership&emph=joint_stock,private&mark=2001:Coverage widens&band=2001-2003:After WTO entry&note=foreign_funded@2005:Foreign firms hold most assets.",
    );
    let summary = describe::summary(&view::plot(&state).expect("plot"));
    for clause in [
        "Emphasis on Joint stock and Private.",
        "Marked: 2001, Coverage widens.",
        "Shaded: 2001–2003, After WTO entry.",
        "Note on Foreign funded in 2005: Foreign firms hold most assets.",
    ] {
        assert!(
            summary.contains(clause),
            "the summary lacks '{clause}': {summary}"
        );
    }
    let plain = describe::summary(&view::plot(&State::for_view(ViewId::Ownership)).expect("plot"));
    assert!(
        !plain.contains("Emphasis") && !plain.contains("Marked"),
        "{plain}"
    );
}

#[test]
fn the_play_controls_are_labelled_and_carry_no_style() {
    let mut state = State::for_view(ViewId::Ownership);
    state.apply("play-at", "1", true).expect("scrub");
    let controls = html::controls(&state, &ict_explorer::display::Group::ALL);
    assert!(
        controls.contains(
            "<label class=\"field timeline\" for=\"ctl-play-at\"><span>Years up to 1999</span>"
        ),
        "the timeline has no visible label naming the year: {controls}"
    );
    assert!(controls.contains(
        "<input type=\"range\" id=\"ctl-play-at\" name=\"play-at\" min=\"0\" max=\"4\" step=\"1\" value=\"1\" aria-valuetext=\"up to 1999\">"
    ));
    assert!(controls.contains("<select id=\"ctl-play-speed\" name=\"play-speed\">"));
    for (value, text) in [
        ("500", "0.5 s per year"),
        ("1000", "1 s per year"),
        ("2000", "2 s per year"),
    ] {
        assert!(
            controls.contains(&format!("value=\"{value}\"")) && controls.contains(text),
            "no speed {text}"
        );
    }
    assert!(controls.contains("<option value=\"1000\" selected>"));
    assert!(
        !controls.contains("style="),
        "a style attribute breaks the page's CSP"
    );
    let rd = html::controls(
        &State::for_view(ViewId::Rd),
        &ict_explorer::display::Group::ALL,
    );
    assert!(
        !rd.contains("ctl-play"),
        "the R&D view compares branches, not years"
    );

    let css = html::palette_css();
    for shape in ict_explorer::plot::Shape::ALL {
        assert!(
            css.contains(&format!(".swatch.shape-{} {{", shape.id())),
            "no CSS for {shape:?}"
        );
    }
    assert!(css.contains("@media (prefers-color-scheme: dark)") && css.contains(".status-sparse"));
    let (topic, _) = State::from_query("view=highlights&topic=computers_exports");
    let legend = html::legend(&topic, view::plot(&topic).as_ref());
    assert!(legend.contains(ict_explorer::chart::SPARSE_KEY), "{legend}");
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
            let mut state = State::for_view(ViewId::Highlights);
            state
                .apply("topic", topic.id, true)
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
