//! The page's HTML for a view: labelled native controls, Data quality's lists and buttons,
//! the table's notes.

use super::*;
use ict_explorer::lang::Lang;
use ict_explorer::view::Target;

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
    let page = html::about(&state, Lang::En);
    assert_eq!(
        page.matches("class=\"finding ").count(),
        ict_explorer::checks::paper().findings.len()
    );
    assert_eq!(
        page.matches("<li class=\"claim ").count(),
        ict_explorer::checks::paper().claims.len()
    );
    assert!(
        page.contains("name=\"goto\" value=\"table1/"),
        "findings must open the view that shows them"
    );
}

#[test]
fn show_in_opens_the_view_with_the_cells_of_a_finding() {
    let finding = ict_explorer::checks::paper()
        .findings
        .iter()
        .find(|finding| finding.id == "text-sce-average-vs-table1")
        .expect("finding");
    let state = Target::read(&finding.cells.join(" "))
        .expect("Show in")
        .state;
    assert_eq!(state.view(), ViewId::Ownership);
    assert_eq!(
        state.measure().id,
        "share_domestic_assets",
        "the finding is about shares of domestic assets"
    );
    assert!(
        state.shows_series("state_controlled"),
        "the state-controlled row must be switched on to be seen"
    );

    let output = ict_explorer::checks::paper()
        .findings
        .iter()
        .find(|finding| finding.id == "text-output-smaller-than-exports")
        .expect("finding");
    let keys: Vec<&str> = output.cells.iter().map(String::as_str).collect();
    let state = State::showing(&keys);
    assert_eq!(state.view(), ViewId::Trade);
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
fn every_show_in_button_opens_a_view() {
    let findings = ict_explorer::checks::paper()
        .findings
        .iter()
        .map(|finding| &finding.cells);
    let claims = ict_explorer::checks::paper()
        .claims
        .iter()
        .map(|claim| &claim.cells);
    for cells in findings.chain(claims).filter(|cells| !cells.is_empty()) {
        let state = Target::read(&cells.join(" "))
            .unwrap_or_else(|problem| panic!("Show in for {cells:?} is refused: {problem}"))
            .state;
        assert_ne!(
            state.view(),
            ViewId::Quality,
            "Show in for {cells:?} stays put"
        );
    }
}

#[test]
fn the_play_controls_are_labelled_and_carry_no_style() {
    let mut state = State::for_view(ViewId::Ownership);
    Event::read("play-at", "1", true)
        .and_then(|event| state.apply(event))
        .expect("scrub");
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
    let (topic, _) = State::from_query("view=trade&topic=computers_exports");
    let legend = html::legend(&topic, view::plot(&topic).as_ref());
    assert!(legend.contains(ict_explorer::chart::SPARSE_KEY), "{legend}");
}
