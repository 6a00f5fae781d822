//! Embeds: the parts and control groups an embed code can switch off, the code naming only what
//! a view offers, and the chart-only embed's box, which follows its width.

use super::{states, State, ViewId};
use ict_explorer::display::{
    embed_snippets, unshareable_reason, Display, FrameHeight, Group, Part, CHART_ONLY_ASPECT_RATIO,
    CHART_ONLY_HEIGHTS,
};
use ict_explorer::html;

const CHART_ONLY: &str = "embed=1&controls=none&tabs=0&stories=0&table=0&stats=0&notes=0&share=0";

#[test]
fn the_story_buttons_can_be_switched_off_in_the_link_and_the_panel() {
    let (display, problems) = Display::from_query("stories=0");
    assert!(problems.is_empty(), "{problems:?}");
    assert!(
        !display.shows(Part::Stories),
        "stories=0 leaves the story buttons in the embed"
    );
    assert_eq!(display.to_query(), "stories=0");
    assert!(Display::default().shows(Part::Stories));
    let options = html::embed_options(&State::for_view(ViewId::Fdi), &display);
    assert!(
        options.contains("value=\"stories\"> Story buttons"),
        "the embed panel offers no switch for the story buttons: {options}"
    );
    assert!(!options.contains("value=\"stories\" checked"), "{options}");
}

#[test]
fn a_chart_only_embed_is_one_with_no_controls_and_nothing_but_the_chart_and_downloads() {
    let (display, _) = Display::from_query(CHART_ONLY);
    assert!(
        display.is_chart_only(),
        "{CHART_ONLY} is not taken as chart-only"
    );
    assert!(
        Display::from_query(&format!("{CHART_ONLY}&downloads=0"))
            .0
            .is_chart_only(),
        "hiding the downloads too makes it not chart-only"
    );
    // A locked view has no tabs and no stories anyway.
    let locked = CHART_ONLY.replace("tabs=0&stories=0", "lock=1");
    assert!(Display::from_query(&locked).0.is_chart_only(), "{locked}");
    for kept in [
        "controls=series",
        "tabs=1",
        "stories=1",
        "table=1",
        "notes=1",
    ] {
        let query = format!("{CHART_ONLY}&{kept}");
        assert!(
            !Display::from_query(&query).0.is_chart_only(),
            "{query} keeps more than the chart, yet is taken as chart-only"
        );
    }
}

#[test]
fn the_embed_code_names_only_the_control_groups_the_view_offers() {
    let (series_and_years, _) = Display::from_query("controls=series,years&embed=1");
    for state in states() {
        let offered = html::offered_groups(&state);
        // Every group but one kept, then the example of the issue, then none.
        let mut choices: Vec<Display> = offered
            .iter()
            .map(|dropped| {
                let mut display = Display::default();
                display.set_group(*dropped, false);
                display
            })
            .collect();
        choices.push(series_and_years.clone());
        choices.push(Display::from_query("controls=none").0);
        for choice in choices {
            let asked = choice.offering(&offered).to_query();
            let named = asked
                .split('&')
                .find_map(|pair| pair.strip_prefix("controls="))
                .unwrap_or("all");
            if named == "all" || named == "none" {
                continue;
            }
            for name in named.split(',') {
                let group = Group::from_id(name).expect("a known group");
                assert!(
                    offered.contains(&group),
                    "{}: the embed code asks for the {name} controls, which the view never offered ({asked})",
                    state.view().id()
                );
            }
        }
    }
    // Keeping everything a view offers asks for nothing, and keeping none of it says so.
    let fdi = html::offered_groups(&State::for_view(ViewId::Fdi));
    assert_eq!(Display::default().offering(&fdi).to_query(), "");
    assert_eq!(
        Display::from_query("controls=topic")
            .0
            .offering(&fdi)
            .to_query(),
        "controls=none"
    );
}

#[test]
fn a_chart_only_frame_is_a_box_whose_height_follows_its_width() {
    let (frame, placeholder) = embed_snippets(
        "https://course.example/ict/index.html",
        CHART_ONLY,
        FrameHeight::ByWidth,
        "ICT Explorer: FDI",
    );
    let (least, most) = CHART_ONLY_HEIGHTS;
    assert!(
        frame.contains(&format!(
            "aspect-ratio:{CHART_ONLY_ASPECT_RATIO};min-height:{least}px;max-height:{most}px"
        )),
        "{frame}"
    );
    assert!(
        !frame.contains(";height:"),
        "a chart-only frame has a fixed height: {frame}"
    );
    assert!(most <= 650, "a chart-only embed may be {most} px tall");
    assert!(
        placeholder.contains(&format!("data-aspect-ratio=\"{CHART_ONLY_ASPECT_RATIO}\""))
            && !placeholder.contains("data-height"),
        "{placeholder}"
    );
    // embed.js and the preview's stylesheet give the same box.
    let root = env!("CARGO_MANIFEST_DIR");
    let script = std::fs::read_to_string(format!("{root}/www/embed.js")).unwrap();
    assert!(
        script.contains(&format!("CHART_ONLY_HEIGHTS = [{least}, {most}]")),
        "www/embed.js sizes chart-only frames differently from the plain frame's code"
    );
    let style = std::fs::read_to_string(format!("{root}/www/style.css")).unwrap();
    let ratio = CHART_ONLY_ASPECT_RATIO.replace('/', " / ");
    assert!(
        style.contains(&format!(
            "#embed-preview.chart-only {{ aspect-ratio: {ratio}; min-height: {least}px; max-height: {most}px; }}"
        )),
        "the preview of a chart-only embed is not in the box its code asks for"
    );
}

#[test]
fn a_copy_opened_from_disk_says_what_to_send_not_how_to_host_it() {
    let single = unshareable_reason("file:///C:/Users/student/Downloads/ict-explorer.html")
        .unwrap_or_default();
    assert!(single.contains("send this file"), "{single}");
    let mut said = vec![single];
    for folder in [
        "file:///home/student/dist/site/index.html",
        "file:///home/student/dist/site/",
    ] {
        let reason = unshareable_reason(folder).unwrap_or_default();
        assert!(
            reason.contains("send ict-explorer.html"),
            "{folder}: {reason}"
        );
        said.push(reason);
    }
    for reason in said {
        assert!(
            !reason.contains("dist/site") && !reason.contains("web server"),
            "a student is told to host the site: {reason}"
        );
    }
}
