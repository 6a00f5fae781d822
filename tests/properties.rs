//! Properties that hold whatever a reader, a link or a host page sends: nothing panics, a
//! refused event changes nothing, every state the reader can reach survives its link, and a
//! notice repeats a rejected value only shortened and cleaned.
//!
//! The inputs are generated: garbage and mangled links, random event sequences over every view,
//! every chart style the page uses, and chart sizes from 0 × 0 up. Each property runs a few
//! thousand cases; `PROPTEST_CASES=N` changes the count, and `cargo xtask fuzz --cases N` runs
//! them optimised for long searches. A failure prints the smallest input found.

use ict_explorer::api::{self, Snapshot, Value};
use ict_explorer::chart::{self, Style};
use ict_explorer::data;
use ict_explorer::display::Group;
use ict_explorer::lang::Lang;
use ict_explorer::notice::{notice, quoted, NOTICE_LENGTH};
use ict_explorer::plot::ChartKind;
use ict_explorer::view::{self, Control, Event, Scope, Setting, State, Transform, ViewId, TOPICS};
use ict_explorer::{describe, export, html};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use std::sync::LazyLock;

#[path = "properties/checks.rs"]
mod checks;
#[path = "properties/generators.rs"]
mod generators;
#[path = "properties/script_values.rs"]
mod script_values;
#[path = "properties/vocabulary.rs"]
mod vocabulary;

use checks::*;
use generators::*;
use vocabulary::*;

/// A config that runs `cases` cases, or `PROPTEST_CASES` when it is set: proptest reads the
/// variable into its default config only, and a count set here would override it.
fn cases(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|count| count.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Properties

proptest! {
    #![proptest_config(cases(5000))]

    #[test]
    fn any_link_opens_a_state_that_survives_its_own_link(query in link()) {
        let (state, problems) = State::from_query(&query);
        for problem in &problems {
            check_notice(problem, &format!("opening ?{query}"))?;
        }
        let own = state.to_query();
        let (reopened, again) = State::from_query(&own);
        prop_assert!(
            again.is_empty(),
            "?{} opens a view whose own link ?{} reopens with the notices {:?}",
            query, own, again
        );
        prop_assert_eq!(
            reopened, state,
            "?{} opens a view whose own link ?{} reopens a different one", query, own
        );
    }

    #[test]
    fn a_refused_event_changes_nothing_and_says_why_briefly(
        (view, steps) in history(),
        last in event(),
    ) {
        let mut state = State::for_view(view);
        for step in steps.iter().chain([&Step::Sent(last)]) {
            let (name, value, checked) = event_for(step, &state);
            let before = state.clone();
            if let Err(notice) = Event::read(&name, &value, checked).and_then(|event| state.apply(event)) {
                let cause = format!(
                    "the event {name}={value:?} (checked: {checked}) in ?{}",
                    before.to_query()
                );
                check_notice(&notice, &cause)?;
                prop_assert_eq!(
                    &state, &before,
                    "{} was refused with {:?} but changed the view", cause, notice
                );
            }
        }
    }

    #[test]
    fn every_reachable_state_is_consistent_and_survives_its_link((view, steps) in history()) {
        let (state, events) = replay(view, &steps);
        if let Some(flaw) = inconsistency(&state) {
            prop_assert!(false, "from {:?} after {:?}, {}", view, events, flaw);
        }
        let link = state.to_query();
        let (reopened, problems) = State::from_query(&link);
        prop_assert!(
            problems.is_empty(),
            "the shared link ?{} (from {:?} after {:?}) reopens with the notices {:?}",
            link, view, events, problems
        );
        prop_assert_eq!(
            reopened, state,
            "the shared link ?{} (from {:?} after {:?}) reopens a different view", link, view, events
        );
    }

    #[test]
    fn a_script_gets_back_every_reachable_state((view, steps) in history()) {
        let (state, events) = replay(view, &steps);
        let snapshot = Snapshot::of(&state);
        let elsewhere = State::for_view(if view == ViewId::Rd { ViewId::Fdi } else { ViewId::Rd });
        match api::changed(&elsewhere, &snapshot.to_changes()) {
            Ok(restored) => prop_assert_eq!(
                Snapshot::of(&restored), snapshot.clone(),
                "setState(getState()) after {:?} from {:?} shows something else", events, view
            ),
            Err(problem) => prop_assert!(
                false, "setState(getState()) after {:?} from {:?} is refused: {}", events, view, problem
            ),
        }
    }

    #[test]
    fn a_script_s_settings_are_taken_whole_or_refused_briefly(
        (view, steps) in history(),
        settings in script_settings(),
    ) {
        let (state, _) = replay(view, &steps);
        match api::changed(&state, &settings) {
            Ok(changed) => {
                if let Some(flaw) = inconsistency(&changed) {
                    prop_assert!(false, "setState({:?}) on ?{} took the view to a state where {}", settings, state.to_query(), flaw);
                }
                let (reopened, problems) = State::from_query(&changed.to_query());
                prop_assert!(problems.is_empty(), "after setState({:?}) the link reopens with {:?}", settings, problems);
                prop_assert_eq!(Snapshot::of(&reopened), Snapshot::of(&changed));
            }
            Err(problem) => check_notice(&problem, &format!("setState({settings:?}) on ?{}", state.to_query()))?,
        }
    }

    #[test]
    fn every_part_of_the_page_is_built_for_every_reachable_state((view, steps) in history()) {
        let (state, _) = replay(view, &steps);
        let plot = view::plot(&state);
        let tabs = html::tabs(&state);
        prop_assert_eq!(
            tabs.matches("aria-selected=\"true\"").count(), 1,
            "the tabs must show exactly one view as current: {}", tabs
        );
        let controls = html::controls(&state, &Group::ALL);
        prop_assert_eq!(controls.is_empty(), state.view() == ViewId::Quality, "controls: {}", controls);
        let stats = view::stats(&state);
        prop_assert_eq!(html::stats(&stats).is_empty(), stats.is_empty());
        let legend = html::legend(&state, plot.as_ref());
        let table = html::table(plot.as_ref());
        let Some(plot) = plot else {
            prop_assert_eq!(state.view(), ViewId::Quality, "only the quality view has no chart");
            return Ok(());
        };
        prop_assert!(!legend.is_empty() && table.starts_with("<table"), "no legend or table");
        let summary = describe::summary(&plot);
        prop_assert!(
            summary.starts_with(&plot.title),
            "the summary does not say what the chart shows: {}", summary
        );
        let csv = export::plot_csv(&plot);
        let rows = csv::Reader::from_reader(csv.as_bytes()).records().count();
        let points: usize = plot.series.iter().map(|series| series.points.len()).sum();
        prop_assert_eq!(
            rows, points,
            "the CSV download has {} rows for the {} points of the chart", rows, points
        );
    }
}

/// The notes under the chart depend on the view and the measure only, and natively they render
/// the whole audit each time, so each combination is built once rather than for every random
/// state.
#[test]
fn the_notes_under_every_view_and_measure_are_built() {
    for view in ViewId::ALL {
        let mut states = vec![State::for_view(view)];
        for measure in view::measures(view) {
            let mut state = State::for_view(view);
            Event::read("measure", measure.id, true)
                .and_then(|event| state.apply(event))
                .expect("every measure opens");
            states.push(state);
        }
        for state in states {
            let about = html::about(&state, Lang::En);
            assert!(
                !about.is_empty()
                    && (view == ViewId::Quality || about.contains("class=\"source\"")),
                "the notes under ?{} do not cite the source: {about}",
                state.to_query()
            );
        }
    }
}

/// The largest chart side that is drawn; larger sizes give a document that says so.
const MAX_CHART_SIDE: u32 = chart::MAX_SIDE;

proptest! {
    #![proptest_config(cases(4000))]

    #[test]
    fn charts_draw_in_every_style_at_every_size(
        (view, steps) in history(),
        style in style(),
        (width, height) in size(),
    ) {
        let (state, _) = replay(view, &steps);
        let plot = view::plot(&state).unwrap_or_else(|| {
            // The quality view has no chart: draw the first view's instead.
            view::plot(&State::default()).expect("the first view has a chart")
        });
        let svg = chart::to_svg(&plot, &style, width, height);
        let start: String = svg.chars().take(400).collect();
        prop_assert!(svg.starts_with("<svg"), "not an SVG document: {}", start);
        let drawable = width <= MAX_CHART_SIDE && height <= MAX_CHART_SIDE;
        prop_assert_eq!(
            svg.contains("could not be drawn"), !drawable,
            "a {} × {} chart of ?{} in {:?}: {}",
            width, height, state.to_query(), style, start
        );
        // Text is cheap, but a chart must not grow with its size beyond reason.
        prop_assert!(svg.len() < 32 << 20, "a {} × {} chart takes {} bytes", width, height, svg.len());
    }

    #[test]
    fn quoted_values_are_short_and_visible(value in prop_oneof![
        3 => any_text(),
        1 => (any_text(), 1..5000usize).prop_map(|(chunk, times)| chunk.repeat(times)),
    ]) {
        let shown = quoted(&value);
        let hidden: Vec<char> = shown.chars().filter(|ch| disguises(*ch)).collect();
        prop_assert!(hidden.is_empty(), "{:?} is repeated with {:?}", value, hidden);
        prop_assert!(shown.chars().count() <= 60, "{:?} is repeated whole", value);
        prop_assert!(
            !shown.starts_with(' ') && !shown.ends_with(' ') && !shown.contains("  "),
            "{:?} is repeated with stray spaces: {:?}", value, shown
        );
        let plain = value.chars().count() <= 60
            && value.split(' ').all(|word| !word.is_empty())
            && !value.chars().any(|ch| (ch.is_whitespace() && ch != ' ') || disguises(ch));
        if plain {
            prop_assert_eq!(&shown, &value, "a short plain value must be repeated as it is");
        }
    }
}

proptest! {
    #![proptest_config(cases(300))]

    #[test]
    fn notices_stay_short_however_many_problems_a_link_has(
        names in prop::collection::vec(prop_oneof![mostly(KNOWN.all()), any_text()], 0..600),
        repeats in 0..200usize,
    ) {
        let controls: String = form_urlencoded::byte_serialize(names.join(",").as_bytes()).collect();
        let flags = "&present=2&tabs=maybe".repeat(repeats);
        let query = format!("view=fdi&embed=1&controls={controls}{flags}");
        let (_, problems) = ict_explorer::display::Display::from_query(&query);
        for problem in &problems {
            check_notice(problem, &format!("a link with {} control groups", names.len()))?;
        }
        let shown = notice(&problems);
        prop_assert!(
            shown.chars().count() <= NOTICE_LENGTH && !shown.chars().any(disguises),
            "a link with {} control groups and {} bad flags gives a notice of {} characters",
            names.len(), repeats, shown.chars().count()
        );
    }

    #[test]
    fn huge_links_and_events_give_short_notices(
        name in select(LINK_NAMES.clone()),
        chunk in prop_oneof![mostly(KNOWN.all()), any_text()],
        times in 100..10_000usize,
    ) {
        // Up to some hundred kilobytes: a link pasted into itself, or a host page sending a file.
        let value = vec![chunk.as_str(); times].join(",");
        let encoded: String = form_urlencoded::byte_serialize(value.as_bytes()).collect();
        let query = format!("view=trade&{name}={encoded}");
        let (state, problems) = State::from_query(&query);
        for problem in &problems {
            check_notice(problem, &format!("a link with {times} × {chunk:?} in {name}"))?;
        }
        let mut after = state.clone();
        if let Err(notice) = Event::read(name, &value, true).and_then(|event| after.apply(event)) {
            check_notice(&notice, &format!("an event with {times} × {chunk:?} in {name}"))?;
            prop_assert_eq!(after, state, "a refused event changed the view");
        }
    }
}
