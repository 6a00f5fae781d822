//! The reader's choices in a link: every state survives its link, and broken links, bad
//! events and foreign values are refused with short, clean messages.

use super::*;

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
fn links_made_before_a_view_was_renamed_still_open_it() {
    // (a link from an old course page, the same link as the explorer writes it now)
    for (old, new) in [
        ("view=highlights", "view=trade"),
        (
            "view=highlights&topic=firm_revenues",
            "view=trade&topic=firm_revenues",
        ),
        (
            "view=highlights&topic=export_shares&emph=foreign_funded&note=foreign_funded@2004:Exports",
            "view=trade&topic=export_shares&emph=foreign_funded&note=foreign_funded@2004:Exports",
        ),
    ] {
        let (opened, problems) = State::from_query(old);
        assert!(
            problems.is_empty(),
            "an old course page's link ?{old} shows the notice {problems:?}"
        );
        let (expected, _) = State::from_query(new);
        assert_eq!(
            opened, expected,
            "an old course page's link ?{old} opens another view than ?{new}"
        );
        assert!(
            opened.to_query().starts_with("view=trade"),
            "?{old}, shared on, becomes ?{}, not a link with the view's new id",
            opened.to_query()
        );
    }
}

#[test]
fn a_broken_link_opens_the_nearest_valid_view_and_says_why() {
    let (state, problems) = State::from_query("?view=fdi&chart=pie&years=1995,2050&log=1");
    assert_eq!(state.view(), ViewId::Fdi);
    assert!(state.log_scale());
    assert_eq!(state.categories(), vec!["1995".to_string()]);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems.iter().any(|problem| problem.contains("pie"))
            && problems.iter().any(|problem| problem.contains("2050"))
    );
    let (state, problems) = State::from_query("view=nope");
    assert_eq!(state.view(), ViewId::Ownership);
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
            Event::read(name, value, true)
                .and_then(|event| state.apply(event))
                .is_err(),
            "{name}={value} was accepted"
        );
        assert_eq!(
            state, before,
            "{name}={value} changed the state although refused"
        );
    }
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
    let refused = Event::read("series", &spoof, true)
        .and_then(|event| state.apply(event))
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
fn topics_belong_to_the_trade_and_output_view_only() {
    let (state, problems) = State::from_query("view=quality&topic=exports_2004");
    assert_eq!(state, State::for_view(ViewId::Quality));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("Trade & output"),
        "the notice should say where topics are: {problems:?}"
    );
    let (state, problems) = State::from_query("view=trade&topic=firm_revenues");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(state.topic().id, "firm_revenues");
}

#[test]
fn a_link_with_hundreds_of_bad_parts_gives_a_short_notice() {
    use ict_explorer::display::Display;
    use ict_explorer::notice::{notice, NOTICE_LENGTH};
    use ict_explorer::session::Session;
    let names: Vec<String> = (0..400).map(|n| format!("group{n}")).collect();
    let controls = format!("view=fdi&embed=1&controls={}", names.join(","));
    let (_, problems) = Display::from_query(&controls);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].chars().count() < 300 && problems[0].contains("'group0'") && problems[0].contains("397 more"),
        "400 unknown control groups should be named by a few and counted, not all listed: {} characters: {}",
        problems[0].chars().count(),
        problems[0]
    );
    // A 7.5 KB value, and a link with hundreds of bad parts of every kind.
    let long_names = vec!["x".repeat(60); 125].join(",");
    let flags: String = (0..300)
        .map(|n| format!("&present=maybe{n}&tabs=2"))
        .collect();
    let steps: String = (0..60).map(|n| format!("&s=view%3Dnone{n}")).collect();
    for query in [
        format!("view=fdi&controls={long_names}"),
        format!("view=fdi{flags}"),
        format!("story=own{steps}"),
    ] {
        let (_, problems) = Session::from_query(&query);
        let shown = notice(&problems);
        assert!(
            !problems.is_empty() && shown.chars().count() <= NOTICE_LENGTH,
            "a link of {} characters with {} problems gives a notice of {} characters: {shown}",
            query.len(),
            problems.len(),
            shown.chars().count()
        );
    }
}
