//! What every key press does, decided in `keys::react` for the page: one row per situation
//! (the session's link, what the page shows, the key, the focused element and the page's
//! facts) with the action and the page's part that a reader should get.

use ict_explorer::keys::{react, reads_scroll, Action, Page, Press, Reaction};
use ict_explorer::session::Session;
use ict_explorer::view::{Event, ViewId};

/// The page's part of a reaction, as the words the glue hands `www/app.js`.
fn flags(reaction: &Reaction) -> String {
    [
        (reaction.pause_play, "pause"),
        (reaction.prevent_default, "prevent"),
        (reaction.stop_propagation, "stop"),
    ]
    .iter()
    .filter(|(said, _)| *said)
    .map(|(_, word)| *word)
    .collect::<Vec<_>>()
    .join(" ")
}

/// The action of the event a control of this name and value sends, in the page's words.
fn event(name: &'static str, value: &str) -> Action {
    Action::Event(
        Event::read(name, value, true)
            .unwrap_or_else(|problem| panic!("{name}={value}: {problem}")),
    )
}

const PLAIN: Page = Page {
    drawer_open: false,
    no_chart: false,
};
const DRAWER: Page = Page {
    drawer_open: true,
    no_chart: false,
};
const NO_CHART: Page = Page {
    drawer_open: false,
    no_chart: true,
};

struct Row {
    /// What goes wrong for the reader when this row fails.
    seen: &'static str,
    query: &'static str,
    page: Page,
    key: &'static str,
    focus: &'static str,
    facts: &'static str,
    action: Action,
    flags: &'static str,
}

fn rows() -> Vec<Row> {
    let row = |seen, query, page, key, focus, facts, action, flags| Row {
        seen,
        query,
        page,
        key,
        focus,
        facts,
        action,
        flags,
    };
    let story = "story=ning&step=2";
    let quality = "view=quality&present=1";
    vec![
        // (a) On a stage, the stepping keys step whatever has the focus, but a text field keeps
        // them, and a list keeps Space.
        row(
            "a remote's PageDown on a radio button does not reach the story's next step",
            story,
            PLAIN,
            "PageDown",
            "radio",
            "before-control",
            event("story-next", ""),
            "pause prevent stop",
        ),
        row(
            "→ on a slider moves the slider instead of the story",
            story,
            PLAIN,
            "ArrowRight",
            "range",
            "before-control",
            event("story-next", ""),
            "pause prevent stop",
        ),
        row(
            "← after clicking a checkbox does not go back a step",
            story,
            PLAIN,
            "ArrowLeft",
            "checkbox",
            "before-control",
            event("story-prev", ""),
            "pause prevent stop",
        ),
        row(
            "Space after a button does not step the story",
            story,
            PLAIN,
            " ",
            "other",
            "before-control",
            event("story-next", ""),
            "pause prevent stop",
        ),
        row(
            "Home does not return to the story's first step",
            story,
            PLAIN,
            "Home",
            "other",
            "before-control",
            event("story-first", ""),
            "pause prevent stop",
        ),
        row(
            "End does not jump to the story's last step",
            story,
            PLAIN,
            "End",
            "other",
            "before-control",
            event("story-last", ""),
            "pause prevent stop",
        ),
        row(
            "Escape does not leave the story",
            story,
            PLAIN,
            "Escape",
            "other",
            "before-control",
            event("story-leave", ""),
            "pause prevent stop",
        ),
        row(
            "PageDown in a list of years does not step the story",
            story,
            PLAIN,
            "PageDown",
            "select",
            "before-control",
            event("story-next", ""),
            "pause prevent stop",
        ),
        row(
            "Space on a list steps the story instead of opening the list",
            story,
            PLAIN,
            " ",
            "select",
            "before-control",
            Action::None,
            "",
        ),
        row(
            "typing a space in the caption editor steps the story",
            story,
            PLAIN,
            " ",
            "text",
            "before-control",
            Action::None,
            "",
        ),
        row(
            "← in the caption editor steps the story instead of moving the cursor",
            story,
            PLAIN,
            "ArrowLeft",
            "text",
            "before-control",
            Action::None,
            "",
        ),
        row(
            "a letter during a story is taken before the control sees it",
            story,
            PLAIN,
            "a",
            "other",
            "before-control",
            Action::None,
            "",
        ),
        row(
            "a presenter's PageDown on a radio button does not step the years",
            "view=ownership&present=1",
            PLAIN,
            "PageDown",
            "radio",
            "before-control",
            event("step", "next"),
            "pause prevent stop",
        ),
        row(
            "outside a stage the stepping keys are taken from the radio group",
            "view=ownership",
            PLAIN,
            "ArrowRight",
            "radio",
            "before-control",
            Action::None,
            "",
        ),
        row(
            "Ctrl+→ (the browser's or the system's) steps the story",
            story,
            PLAIN,
            "ArrowRight",
            "other",
            "before-control modified",
            Action::None,
            "",
        ),
        row(
            "Escape in an open definition leaves the story instead of closing the definition",
            story,
            PLAIN,
            "Escape",
            "other",
            "before-control popover-open",
            Action::None,
            "",
        ),
        // (b) A step without a chart is a long page: PageDown and Space scroll it first, and
        // step only once it can scroll no further.
        row(
            "PageDown on a long Data quality slide skips its rest to the next step",
            quality,
            NO_CHART,
            "PageDown",
            "other",
            "before-control can-scroll-down",
            Action::Scroll,
            "stop",
        ),
        row(
            "Space on a long Data quality slide skips its rest",
            quality,
            NO_CHART,
            " ",
            "other",
            "before-control can-scroll-down can-scroll-up",
            Action::Scroll,
            "stop",
        ),
        row(
            "PageUp on a scrolled Data quality slide goes back a step before its top",
            quality,
            NO_CHART,
            "PageUp",
            "other",
            "before-control can-scroll-up",
            Action::Scroll,
            "stop",
        ),
        row(
            "PageDown at the foot of the Data quality slide does not move on",
            quality,
            NO_CHART,
            "PageDown",
            "other",
            "before-control can-scroll-up",
            event("step", "next"),
            "pause prevent stop",
        ),
        row(
            "PageUp at the top of the Data quality slide does not go back",
            quality,
            NO_CHART,
            "PageUp",
            "other",
            "before-control can-scroll-down",
            event("step", "prev"),
            "pause prevent stop",
        ),
        row(
            "a page with a chart scrolls with PageDown instead of stepping",
            "view=ownership&present=1",
            PLAIN,
            "PageDown",
            "other",
            "before-control can-scroll-down",
            event("step", "next"),
            "pause prevent stop",
        ),
        // (c) The tab list's arrows, Home and End move between the views' tabs, round at the ends.
        row(
            "→ on the first tab does not open the second view",
            "view=ownership",
            PLAIN,
            "ArrowRight",
            "tab",
            "after-control",
            Action::Tab(ViewId::ALL[1]),
            "prevent",
        ),
        row(
            "← on the first tab does not wrap round to the last view",
            "view=ownership",
            PLAIN,
            "ArrowLeft",
            "tab",
            "after-control",
            Action::Tab(ViewId::ALL[ViewId::ALL.len() - 1]),
            "prevent",
        ),
        row(
            "Home on a tab does not open the first view",
            "view=market",
            PLAIN,
            "Home",
            "tab",
            "after-control",
            Action::Tab(ViewId::ALL[0]),
            "prevent",
        ),
        row(
            "End on a tab does not open the last view",
            "view=market",
            PLAIN,
            "End",
            "tab",
            "after-control",
            Action::Tab(ViewId::ALL[ViewId::ALL.len() - 1]),
            "prevent",
        ),
        row(
            "a digit on a tab switches views although shortcuts are off",
            "view=market",
            PLAIN,
            "2",
            "tab",
            "after-control",
            Action::None,
            "",
        ),
        row(
            "a tab's arrow after Escape closed a tooltip moves to another tab too",
            "view=market",
            PLAIN,
            "ArrowRight",
            "tab",
            "after-control already-used",
            Action::None,
            "",
        ),
        // (d) Escape closes the drawer of controls, on a stage too, before the story's Escape.
        row(
            "Escape does not close the drawer",
            "view=ownership",
            DRAWER,
            "Escape",
            "checkbox",
            "before-control",
            Action::CloseDrawer,
            "prevent stop",
        ),
        row(
            "Escape leaves the story instead of closing the drawer",
            story,
            DRAWER,
            "Escape",
            "other",
            "before-control",
            Action::CloseDrawer,
            "prevent stop",
        ),
        row(
            "Ctrl+Escape closes the drawer",
            "view=ownership",
            DRAWER,
            "Escape",
            "other",
            "before-control modified",
            Action::None,
            "",
        ),
        // (e) Outside a stage, text fields, lists, sliders, radio groups and tabs keep their own
        // keys; after a checkbox or a button the keys act on the chart again.
        row(
            "→ in a list of years steps the chart's years too",
            "view=ownership",
            PLAIN,
            "ArrowRight",
            "select",
            "after-control in-view-panel",
            Action::None,
            "",
        ),
        row(
            "→ on a slider steps the chart's years too",
            "view=ownership",
            PLAIN,
            "ArrowRight",
            "range",
            "after-control in-view-panel",
            Action::None,
            "",
        ),
        row(
            "→ in a radio group steps the years too",
            "view=ownership",
            PLAIN,
            "ArrowRight",
            "radio",
            "after-control in-view-panel",
            Action::None,
            "",
        ),
        row(
            "typing 2 in a text field switches views",
            "view=ownership&keys=1",
            PLAIN,
            "2",
            "text",
            "after-control",
            Action::None,
            "",
        ),
        row(
            "→ after a checkbox does not step the years",
            "view=ownership",
            PLAIN,
            "ArrowRight",
            "checkbox",
            "after-control in-view-panel",
            event("step", "next"),
            "pause prevent",
        ),
        row(
            "→ on the page does not step the years",
            "view=ownership",
            PLAIN,
            "ArrowRight",
            "other",
            "after-control",
            event("step", "next"),
            "pause prevent",
        ),
        row(
            "a key another handler used acts again",
            "view=ownership",
            PLAIN,
            "ArrowRight",
            "other",
            "after-control already-used",
            Action::None,
            "",
        ),
        // WCAG 2.1.4: single characters act in the chart's region, on a stage, or once turned on.
        row(
            "2 in the chart's region does not open the second view",
            "view=ownership",
            PLAIN,
            "2",
            "other",
            "after-control in-view-panel",
            event("view", ViewId::ALL[1].id()),
            "pause prevent",
        ),
        row(
            "2 typed outside the chart switches views with shortcuts off",
            "view=ownership",
            PLAIN,
            "2",
            "other",
            "after-control",
            Action::None,
            "pause",
        ),
        row(
            "2 does not switch views with shortcuts turned on",
            "view=ownership&keys=1",
            PLAIN,
            "2",
            "other",
            "after-control",
            event("view", ViewId::ALL[1].id()),
            "pause prevent",
        ),
        row(
            "P in the chart's region does not play, or pauses Play before toggling it back on",
            "view=ownership",
            PLAIN,
            "p",
            "button",
            "after-control in-view-panel",
            Action::Play,
            "prevent",
        ),
        row(
            "P outside the chart plays with shortcuts off",
            "view=ownership",
            PLAIN,
            "p",
            "other",
            "after-control",
            Action::None,
            "pause",
        ),
        row(
            "2 leaves a locked view",
            "view=ownership&lock=1&keys=1",
            PLAIN,
            "2",
            "other",
            "after-control in-view-panel",
            Action::None,
            "pause",
        ),
        row(
            "Alt+2 (the browser's tab switch) also switches views",
            "view=ownership&keys=1",
            PLAIN,
            "2",
            "other",
            "after-control modified",
            Action::None,
            "",
        ),
    ]
}

#[test]
fn every_key_press_does_what_its_situation_calls_for() {
    let mut wrong = Vec::new();
    for row in rows() {
        let (session, problems) = Session::from_query(row.query);
        assert!(
            problems.is_empty(),
            "?{} opens with notices: {problems:?}",
            row.query
        );
        let press = Press::read(row.key, row.focus, row.facts);
        let reaction = react(&session, row.page, &press);
        if reaction.action != row.action || flags(&reaction) != row.flags {
            wrong.push(format!(
                "{} (?{}, key {:?} on a {} with {:?}): got {:?} [{}], wanted {:?} [{}]",
                row.seen,
                row.query,
                row.key,
                row.focus,
                row.facts,
                reaction.action,
                flags(&reaction),
                row.action,
                row.flags,
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} key presses do the wrong thing:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn the_page_measures_its_scroll_only_for_the_presses_that_need_it() {
    // The page measures how far it can scroll (a forced layout) only where `reads_scroll`
    // says so, and otherwise says nothing of it: every other press must be decided the same
    // whatever the scroll. Each row's situation is tried in both phases, on every page.
    let scrolls = [
        "",
        " can-scroll-down",
        " can-scroll-up",
        " can-scroll-down can-scroll-up",
    ];
    let (mut measured, mut unmeasured, mut wrong) = (0, 0, Vec::new());
    for row in rows() {
        let (session, _) = Session::from_query(row.query);
        let bare: Vec<&str> = row
            .facts
            .split_whitespace()
            .filter(|fact| !fact.starts_with("can-scroll") && *fact != "before-control")
            .collect();
        for phase in ["before-control", "after-control"] {
            for page in [PLAIN, DRAWER, NO_CHART] {
                let press = Press::read(row.key, row.focus, phase);
                if reads_scroll(&session, page, row.key, press.phase) {
                    measured += 1;
                    continue;
                }
                unmeasured += 1;
                let facts = format!("{phase} {}", bare.join(" "));
                let unmeasured = react(&session, page, &Press::read(row.key, row.focus, &facts));
                for scroll in scrolls {
                    let facts = format!("{facts}{scroll}");
                    let reaction = react(&session, page, &Press::read(row.key, row.focus, &facts));
                    if reaction != unmeasured {
                        wrong.push(format!(
                            "{:?} on a {} (?{}, {page:?}, {facts:?}) does {:?} [{}] where the page would not measure the scroll, {:?} [{}] where it did",
                            row.key,
                            row.focus,
                            row.query,
                            unmeasured.action,
                            flags(&unmeasured),
                            reaction.action,
                            flags(&reaction)
                        ));
                    }
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} presses would act on a scroll the page did not measure:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    assert!(
        measured > 0 && unmeasured > measured,
        "measured {measured}, unmeasured {unmeasured}: the rows no longer cover both"
    );
}

#[test]
fn a_page_that_describes_a_press_in_unknown_words_keeps_the_controls_keys() {
    // A newer or older page may send words this core does not know: they must cost a
    // shortcut at most, never a control's own keys nor a presenter's step.
    let press = Press::read("ArrowRight", "spinbutton", "after-control sparkles");
    let (session, _) = Session::from_query("view=ownership");
    assert_eq!(
        react(&session, PLAIN, &press).action,
        event("step", "next"),
        "an unknown kind of element is one that keeps no keys, so → steps the years after it"
    );
    let (story, _) = Session::from_query("story=ning&step=2");
    let before = Press::read("PageDown", "text", "before-control unknown-fact");
    assert_eq!(
        react(&story, PLAIN, &before).action,
        Action::None,
        "a text field keeps PageDown whatever other words the page sends"
    );
}
