//! The script API's core (`ICTExplorer.getState` / `setState`) and the embed display choices,
//! checked natively: what a script or an embed link asks for, and what it gets.

use ict_explorer::api::{changed, Snapshot, Value};
use ict_explorer::display::{
    embed_snippets, unshareable_reason, Display, FrameHeight, Group, Part,
};
use ict_explorer::view::{State, ViewId};

fn text(value: &str) -> Value {
    Value::Text(value.to_string())
}

fn list(values: &[&str]) -> Value {
    Value::List(values.iter().map(|value| text(value)).collect())
}

fn changes(pairs: &[(&str, Value)]) -> Vec<(String, Value)> {
    pairs
        .iter()
        .map(|(key, value)| (key.to_string(), value.clone()))
        .collect()
}

#[test]
fn one_call_changes_several_choices_at_once() {
    let state = changed(
        &State::default(),
        &changes(&[
            ("series", list(&["joint_stock", "private"])),
            ("measure", text("share_total_assets")),
            ("chart", text("stacked100")),
        ]),
    )
    .expect("a valid set of changes is taken");
    let snapshot = Snapshot::of(&state);
    assert_eq!(snapshot.series, ["joint_stock", "private"]);
    assert_eq!(snapshot.measure, Some("share_total_assets"));
    assert_eq!(
        snapshot.chart,
        Some("stacked100"),
        "the chart kind is applied after the measure that allows it"
    );
}

#[test]
fn a_wrong_change_is_refused_whole_with_a_message_that_says_what_to_send() {
    let start = State::default();
    let cases: &[(&[(&str, Value)], &str)] = &[
        (
            &[("series", list(&["private"])), ("chart", text("pie"))],
            "pie",
        ),
        (&[("colour", text("red"))], "no setting called 'colour'"),
        (&[("series", text("private"))], "must be a list"),
        (&[("view", Value::Number(3.0))], "must be a string"),
        (&[("view", text("maps"))], "no view called 'maps'"),
        (
            &[("years", Value::List(vec![Value::Number(1997.5)]))],
            "must hold ids",
        ),
        (
            &[("years", Value::List(vec![Value::Number(1990.0)]))],
            "1990",
        ),
        (
            &[("measures", list(&["computers_office"]))],
            "has no 'measures'",
        ),
        (
            &[("view", text("rd")), ("years", list(&["1997"]))],
            "has no 'years'",
        ),
        (&[("log", text("yes"))], "true or false"),
        (&[("series", Value::Other("an object"))], "not an object"),
    ];
    for (pairs, expected) in cases {
        let problem =
            changed(&start, &changes(pairs)).expect_err(&format!("{pairs:?} should be refused"));
        assert!(
            problem.contains(expected),
            "refusing {pairs:?}, a script author would read: {problem}"
        );
    }
}

#[test]
fn absent_values_leave_their_part_alone_and_a_new_view_starts_fresh() {
    let narrowed = changed(
        &State::default(),
        &changes(&[("series", list(&["private"])), ("chart", Value::Absent)]),
    )
    .unwrap();
    assert_eq!(Snapshot::of(&narrowed).chart, Some("line"));
    let fdi = changed(
        &narrowed,
        &changes(&[("view", text("fdi")), ("log", Value::Bool(true))]),
    )
    .unwrap();
    assert_eq!(Snapshot::of(&fdi).view, "fdi");
    assert_eq!(Snapshot::of(&fdi).log, Some(true));
    let same_view = changed(&narrowed, &changes(&[("view", text("ownership"))])).unwrap();
    assert_eq!(
        same_view, narrowed,
        "naming the current view should not reset the reader's choices"
    );
    let old_name = changed(&narrowed, &changes(&[("view", text("highlights"))]))
        .expect("an old course page's script names the Trade & output view 'highlights'");
    assert_eq!(
        Snapshot::of(&old_name).view,
        "trade",
        "setState({{view: 'highlights'}}) from an old course page opens another view"
    );
}

#[test]
fn years_may_be_numbers_or_strings_and_the_rd_view_takes_measures() {
    let by_number = changed(
        &State::default(),
        &changes(&[(
            "years",
            Value::List(vec![Value::Number(1997.0), Value::Number(2005.0)]),
        )]),
    )
    .unwrap();
    let by_text = changed(
        &State::default(),
        &changes(&[("years", list(&["1997", "2005"]))]),
    )
    .unwrap();
    assert_eq!(by_number, by_text);
    assert_eq!(Snapshot::of(&by_number).years, Some(vec![1997, 2005]));
    let rd = changed(
        &State::default(),
        &changes(&[
            ("view", text("rd")),
            ("measures", list(&["computers_office"])),
        ]),
    )
    .unwrap();
    let snapshot = Snapshot::of(&rd);
    assert_eq!(
        snapshot.measures,
        Some(vec!["computers_office".to_string()])
    );
    assert_eq!(snapshot.years, None);
}

#[test]
fn every_view_s_snapshot_names_only_what_applies_and_comes_back_as_it_was() {
    for view in ViewId::ALL {
        let state = State::for_view(view);
        let snapshot = Snapshot::of(&state);
        assert_eq!(snapshot.view, view.id());
        assert_eq!(snapshot.topic.is_some(), view == ViewId::Trade);
        assert_eq!(snapshot.log.is_some(), view == ViewId::Fdi);
        let elsewhere = if view == ViewId::Ownership {
            ViewId::Rd
        } else {
            ViewId::Ownership
        };
        let restored = changed(&State::for_view(elsewhere), &snapshot.to_changes())
            .unwrap_or_else(|problem| panic!("setState(getState()) fails in {view:?}: {problem}"));
        assert_eq!(
            Snapshot::of(&restored),
            snapshot,
            "setState(getState()) does not restore the {view:?} view"
        );
    }
}

#[test]
fn embed_links_choose_parts_and_controls_and_round_trip() {
    let (display, problems) =
        Display::from_query("view=fdi&embed=1&controls=series,years&tabs=0&table=0&lock=1");
    assert!(problems.is_empty(), "{problems:?}");
    assert!(display.embed && display.lock && !display.present);
    assert_eq!(display.controls, [Group::Series, Group::Years]);
    assert!(!display.shows(Part::Tabs) && !display.shows(Part::Table));
    assert!(display.shows(Part::Downloads));
    let again = Display::from_query(&display.to_query()).0;
    assert_eq!(again, display, "the display does not survive its own link");
    assert_eq!(Display::from_query("controls=none").0.controls, []);
    assert_eq!(Display::default().to_query(), "");
    let (_, problems) = Display::from_query("controls=series,sliders&table=maybe");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("'sliders'") && problems[0].contains("years"));
    assert!(problems[1].contains("0 or 1"));
}

#[test]
fn only_pages_with_a_web_address_offer_links() {
    assert_eq!(
        unshareable_reason("https://course.example/ict/index.html"),
        None
    );
    assert_eq!(unshareable_reason("http://127.0.0.1:8000/"), None);
    for (page, reason) in [
        (
            "file:///home/student/ict-explorer.html",
            "file on this computer",
        ),
        ("about:srcdoc", "handed to its frame as text"),
        ("blob:null/1234", "handed to its frame as text"),
    ] {
        let said = unshareable_reason(page).unwrap_or_default();
        assert!(said.contains(reason), "{page}: {said}");
    }
}

#[test]
fn embed_codes_carry_the_view_the_height_and_the_script_beside_the_page() {
    let (frame, placeholder) = embed_snippets(
        "https://course.example/ict/index.html",
        "view=fdi&embed=1",
        FrameHeight::Measured(1234),
        "ICT Explorer: FDI \"inflow\"",
    );
    assert!(
        frame.starts_with(
            "<iframe src=\"https://course.example/ict/index.html?view=fdi&amp;embed=1\""
        ),
        "{frame}"
    );
    assert!(frame.contains("height:1234px"), "{frame}");
    assert!(frame.contains("&quot;inflow&quot;"), "{frame}");
    assert!(
        placeholder.contains("data-height=\"1234\""),
        "{placeholder}"
    );
    assert!(
        placeholder.contains("src=\"https://course.example/ict/embed.js\""),
        "{placeholder}"
    );
}
