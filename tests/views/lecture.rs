//! What a lecturer adds to a view: annotations in the link and by events, Play's fixed axis,
//! and the summary's words for them.

use super::*;

#[test]
fn annotations_live_in_the_link_in_the_syntax_stories_use() {
    let link = "view=ownership&emph=joint_stock,private&mark=2001:Coverage widens|2003:WTO entry&band=2001-2005:After WTO entry&note=foreign_funded@2005:Foreign firms hold most assets";
    let (state, problems) = State::from_query(link);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(state.emphasis(), ["joint_stock", "private"]);
    assert_eq!(
        state.reference_lines(),
        [
            view::ReferenceLine {
                category: "2001".into(),
                label: "Coverage widens".into()
            },
            view::ReferenceLine {
                category: "2003".into(),
                label: "WTO entry".into()
            }
        ]
    );
    assert_eq!(
        state.bands(),
        [view::Band {
            from: "2001".into(),
            to: "2005".into(),
            label: "After WTO entry".into()
        }]
    );
    assert_eq!(
        state.notes(),
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
    assert_eq!(years[plot.reference_lines[0].category], "2001");
    assert_eq!(
        (years[plot.bands[0].first], years[plot.bands[0].last]),
        ("2001", "2005")
    );
    assert_eq!(plot.series[plot.notes[0].series].id, "foreign_funded");
    assert_eq!(years[plot.notes[0].category], "2005");

    // A year switched off leaves its mark out, and the span keeps to the years still shown.
    let mut state = state;
    Event::read("category", "2001", false)
        .and_then(|event| state.apply(event))
        .expect("year off");
    let plot = view::plot(&state).expect("plot");
    let years: Vec<&str> = plot.categories.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        plot.reference_lines.len(),
        1,
        "a mark at a year not shown is drawn"
    );
    assert_eq!(
        (years[plot.bands[0].first], years[plot.bands[0].last]),
        ("2003", "2005")
    );
    // The emphasis names only series that are shown.
    Event::read("series", "private", false)
        .and_then(|event| state.apply(event))
        .expect("series off");
    assert_eq!(view::plot(&state).expect("plot").emphasis, ["joint_stock"]);
}

#[test]
fn annotations_the_view_cannot_place_are_skipped_with_a_short_clean_notice() {
    let spoof = "\u{202E}".to_string() + &"x".repeat(500);
    let link = format!(
        "view=fdi&emph=fdi,nobody&mark=2001:Coverage|1850:Too early|{spoof}&band=1999-2099:Span&note=nobody@2001:Hi|fdi@2001:Ok"
    );
    let (state, problems) = State::from_query(&link);
    assert_eq!(state.emphasis(), ["fdi"]);
    assert_eq!(
        state.reference_lines().len(),
        1,
        "the mark at 2001 is kept: {:?}",
        state.reference_lines()
    );
    assert!(state.bands().is_empty());
    assert_eq!(state.notes().len(), 1);
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
    assert_eq!(state.reference_lines()[0].label.chars().count(), 60);
    assert!(!state.reference_lines()[0].label.contains('\u{202E}'));
    // At most a dozen of a kind.
    let many = (0..20).map(|_| "2001:x").collect::<Vec<_>>().join("|");
    let (state, problems) = State::from_query(&format!("view=fdi&mark={many}"));
    assert_eq!(state.reference_lines().len(), view::MOST_OF_A_KIND);
    assert_eq!(problems.len(), 1, "{problems:?}");
}

#[test]
fn annotation_events_replace_toggle_and_clear_and_a_new_view_starts_clean() {
    let mut state = State::for_view(ViewId::Market);
    Event::read("emph", "private", true)
        .and_then(|event| state.apply(event))
        .expect("emphasise");
    Event::read("emph", "state_owned", true)
        .and_then(|event| state.apply(event))
        .expect("emphasise");
    assert_eq!(
        state.emphasis(),
        ["state_owned", "private"],
        "kept in the view's order"
    );
    Event::read("emph", "private", false)
        .and_then(|event| state.apply(event))
        .expect("no longer");
    assert_eq!(state.emphasis(), ["state_owned"]);
    Event::read("mark", "2002:One|2003:Two", true)
        .and_then(|event| state.apply(event))
        .expect("marks");
    Event::read("mark", "2004:Three", true)
        .and_then(|event| state.apply(event))
        .expect("marks replaced");
    assert_eq!(
        state.reference_lines().len(),
        1,
        "the event replaces the list"
    );
    let before = state.clone();
    let refused = Event::read("band", "2002-2003:Fine|1990:Not a year of the view", true)
        .and_then(|event| state.apply(event))
        .expect_err("a span outside the view");
    assert!(refused.contains("1990"), "{refused}");
    assert_eq!(state, before, "a refused list changed the view");
    Event::read("emph", "nobody", true)
        .and_then(|event| state.apply(event))
        .expect_err("no such series");
    Event::read("note", "industry@2003:Average", true)
        .and_then(|event| state.apply(event))
        .expect("a callout");
    Event::read("band", "2002:One year", true)
        .and_then(|event| state.apply(event))
        .expect("a span of one year");
    assert_eq!(state.bands()[0].to, "2002");
    Event::read("mark", "", true)
        .and_then(|event| state.apply(event))
        .expect("no marks");
    assert!(state.reference_lines().is_empty());
    Event::read("annotations-clear", "", true)
        .and_then(|event| state.apply(event))
        .expect("clear");
    assert!(state.emphasis().is_empty() && state.bands().is_empty() && state.notes().is_empty());

    Event::read("mark", "2003:Kept", true)
        .and_then(|event| state.apply(event))
        .expect("mark");
    Event::read("measure", "profit_to_sales", true)
        .and_then(|event| state.apply(event))
        .expect("measure");
    assert_eq!(
        state.reference_lines().len(),
        1,
        "a new indicator keeps what the lecturer pointed at"
    );
    Event::read("view", "fdi", true)
        .and_then(|event| state.apply(event))
        .expect("view");
    assert!(
        state.reference_lines().is_empty(),
        "a new view starts from its defaults"
    );
    let mut topics = State::for_view(ViewId::Trade);
    Event::read("mark", "2004:Exports", true)
        .and_then(|event| topics.apply(event))
        .expect("mark");
    Event::read("topic", "computers_exports", true)
        .and_then(|event| topics.apply(event))
        .expect("topic");
    assert!(
        topics.reference_lines().is_empty(),
        "a new topic starts from its defaults"
    );
}

#[test]
fn play_fixes_the_axis_until_the_years_or_the_measure_change() {
    let mut state = State::for_view(ViewId::Ownership);
    assert!(!state.playing());
    Event::read("play", "", true)
        .and_then(|event| state.apply(event))
        .expect("play");
    assert!(state.playing());
    assert!(view::plot(&state).expect("plot").value_domain.is_some());
    Event::read("step", "next", true)
        .and_then(|event| state.apply(event))
        .expect("step");
    Event::read("series", "private", false)
        .and_then(|event| state.apply(event))
        .expect("series");
    Event::read("chart", "bars", true)
        .and_then(|event| state.apply(event))
        .expect("chart");
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
    Event::read("category", "2005", true)
        .and_then(|event| state.apply(event))
        .expect("a year");
    assert!(!state.playing(), "choosing a year ends Play");
    assert!(view::plot(&state).expect("plot").value_domain.is_none());

    Event::read("play-at", "2", true)
        .and_then(|event| state.apply(event))
        .expect("scrub");
    assert_eq!(state.categories(), ["1997", "1999", "2001"]);
    assert!(state.playing(), "the timeline fixes the axis as Play does");
    assert_eq!(state.play_position(), 2);
    Event::read("measure", "firms", true)
        .and_then(|event| state.apply(event))
        .expect("measure");
    assert!(!state.playing(), "a new measure ends Play");
    for refused in ["5", "-1", "two", ""] {
        Event::read("play-at", refused, true)
            .and_then(|event| state.apply(event))
            .expect_err(refused);
    }
    let before = state.clone();
    for speed in ["500", "1000", "2000"] {
        Event::read("play-speed", speed, true)
            .and_then(|event| state.apply(event))
            .expect(speed);
    }
    assert_eq!(
        state, before,
        "the speed is the page's: the state does not change"
    );
    Event::read("play-speed", "10", true)
        .and_then(|event| state.apply(event))
        .expect_err("no such speed");
    let mut change = State::for_view(ViewId::Ownership);
    Event::read("transform", "change", true)
        .and_then(|event| change.apply(event))
        .expect("change");
    Event::read("play-at", "1", true)
        .and_then(|event| change.apply(event))
        .expect_err("a change has no years to play");
    let (quality, problems) = State::from_query("view=quality&play=1");
    assert!(!quality.playing() && problems.len() == 1, "{problems:?}");
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
