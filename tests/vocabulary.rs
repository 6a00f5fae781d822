//! One vocabulary: every control the page's HTML names reads as an [`Event`], a name or value
//! the page never sends is refused with a message, and every [`Setting`] a link writes reads
//! back to the same state.

use ict_explorer::api::{self, Snapshot};
use ict_explorer::data;
use ict_explorer::display::{Display, Group};
use ict_explorer::html;
use ict_explorer::lang::Lang;
use ict_explorer::session::Session;
use ict_explorer::view::{
    self, AnnotationKind, Control, Direction, Event, Scope, Setting, State, ViewId, YearChoice,
    TOPICS,
};

/// The HTML the page shows, fragment by fragment, for a range of states and sessions: every
/// view (and topic) with all its controls, the story bar and editor of a built-in and a
/// teacher's story, the banner after "Show in…", the embed options, Data quality's prebuilt
/// list, and `www/index.html` itself.
fn page_fragments() -> Vec<(String, String)> {
    let mut states: Vec<State> = ViewId::ALL.into_iter().map(State::for_view).collect();
    for topic in TOPICS {
        let mut state = State::for_view(ViewId::Trade);
        state
            .apply(Event::Topic(topic.id.to_string()))
            .expect("every topic opens");
        states.push(state);
    }
    let mut fragments = Vec::new();
    for state in &states {
        let plot = view::plot(state);
        let at = state.to_query();
        fragments.extend([
            (
                format!("controls of ?{at}"),
                html::controls(state, &Group::ALL),
            ),
            (format!("tabs of ?{at}"), html::tabs(state)),
            (
                format!("legend of ?{at}"),
                html::legend(state, plot.as_ref()),
            ),
            (format!("about ?{at}"), html::about(state, Lang::En)),
            (
                format!("embed options of ?{at}"),
                html::embed_options(state, &Display::default()),
            ),
        ]);
    }
    let (mut own, _) = Session::from_query("story=ning");
    own.apply(Event::StoryAdd).expect("a step is added");
    let (mut shown_in, _) = Session::from_query("view=ownership");
    shown_in
        .apply(Event::Goto(data::all()[0].key()))
        .expect("the first cell is shown");
    for (what, session) in [
        ("the built-in story", Session::from_query("story=ning").0),
        ("a teacher's story", own),
        ("a view left for another", {
            let (mut away, _) = Session::from_query("story=ning");
            away.apply(Event::View(ViewId::Rd)).expect("a tab");
            away
        }),
        ("a view after Show in", shown_in),
    ] {
        let plot = view::plot(&session.state);
        fragments.extend([
            (format!("story bar of {what}"), html::story_bar(&session)),
            (
                format!("story editor of {what}"),
                html::story_editor(&session),
            ),
            (
                format!("banner of {what}"),
                html::focus_banner(&session, plot.as_ref()),
            ),
        ]);
    }
    fragments.push((
        "Data quality's prebuilt list".into(),
        html::prebuilt_parts(),
    ));
    fragments.push(("www/index.html".into(), read("www/index.html")));
    fragments
}

fn read(path: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// An attribute's value in a tag's text, unescaped.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = start + tag[start..].find('"')?;
    Some(
        tag[start..end]
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&"),
    )
}

/// The controls in `html` as the page sends them: each element's name and value (a list's
/// first option's), checked.
fn controls(html: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (at, _) in html.match_indices('<') {
        let Some(end) = html[at..].find('>') else {
            continue;
        };
        let tag = &html[at..at + end];
        if tag.starts_with("<meta") {
            continue;
        }
        let Some(name) = attribute(tag, "name") else {
            continue;
        };
        let value = if tag.starts_with("<select") {
            html[at..]
                .find("<option")
                .and_then(|option| attribute(&html[at + option..], "value"))
                .unwrap_or_default()
        } else {
            attribute(tag, "value").unwrap_or_default()
        };
        found.push((name, value));
    }
    found
}

/// The names `www/app.js` handles itself, without sending them to the core.
fn kept_by_the_page() -> Vec<String> {
    let script = read("www/app.js");
    script
        .match_indices("button.name === '")
        .filter_map(|(at, quote)| {
            let rest = &script[at + quote.len()..];
            let name = &rest[..rest.find('\'')?];
            rest[name.len()..]
                .starts_with("') return")
                .then(|| name.to_string())
        })
        .collect()
}

#[test]
fn every_control_the_page_names_reads_as_an_event() {
    let kept = kept_by_the_page();
    assert!(
        kept.contains(&"save-page".to_string()),
        "www/app.js no longer keeps 'save-page' to itself, or this test no longer finds it: {kept:?}"
    );
    let mut refused = Vec::new();
    let mut seen = 0;
    for (fragment, html) in page_fragments() {
        for (name, value) in controls(&html) {
            if kept.contains(&name) {
                continue;
            }
            seen += 1;
            if let Err(problem) = Event::read(&name, &value, true) {
                refused.push(format!("{name}={value:?} in the {fragment}: {problem}"));
            }
        }
    }
    // The names www/app.js sends of its own accord (Play, its steps, the embed box).
    for (name, value) in [
        ("play", ""),
        ("step", "next"),
        ("embed-open", ""),
        ("present", ""),
    ] {
        seen += 1;
        if let Err(problem) = Event::read(name, value, true) {
            refused.push(format!("{name}={value:?} from www/app.js: {problem}"));
        }
    }
    assert!(seen > 100, "only {seen} controls were found in the page");
    refused.sort();
    refused.dedup();
    assert!(
        refused.is_empty(),
        "a reader using these controls would see only a message, since the core does not know them:\n{}",
        refused.join("\n")
    );
}

#[test]
fn every_control_of_the_core_is_named_once() {
    let mut names: Vec<&str> = Control::ALL.into_iter().map(Control::name).collect();
    names.sort();
    let count = names.len();
    names.dedup();
    assert_eq!(
        names.len(),
        count,
        "two controls share a name, so one of them could never be sent"
    );
    let mut settings: Vec<&str> = Setting::ALL.into_iter().map(Setting::name).collect();
    settings.sort();
    settings.dedup();
    assert_eq!(
        settings.len(),
        Setting::ALL.len(),
        "two settings share a key, so a link could not tell them apart"
    );
    for control in Control::ALL {
        assert_eq!(Control::from_name(control.name()), Some(control));
    }
}

#[test]
fn names_and_values_the_page_never_sends_are_refused_with_a_message() {
    let rows: [(&str, &str, &str); 14] = [
        (
            "nonsense",
            "",
            "The page sent an unknown control 'nonsense'.",
        ),
        ("", "", "The page sent an unknown control ''."),
        ("story-next:3", "", "unknown control 'story-next:3'"),
        ("step-title", "x", "unknown control 'step-title'"),
        ("step-title:two", "x", "'two' names no step."),
        ("view", "atlantis", "There is no view called 'atlantis'."),
        ("transform", "square", "This view cannot show 'square'."),
        (
            "chart",
            "pie",
            "A 'pie' chart is not available for this choice.",
        ),
        (
            "step",
            "sideways",
            "Cannot step 'sideways': use next or prev.",
        ),
        (
            "base",
            "last year",
            "'last year' is not one of this view's years.",
        ),
        (
            "play-speed",
            "10",
            "Play runs at 0.5, 1 or 2 seconds per year",
        ),
        ("play-at", "-1", "whole numbers from 0, not '-1'"),
        ("story-go", "0", "'0' is not a step number."),
        ("embed-part", "everything", "no part called 'everything'"),
    ];
    for (name, value, expected) in rows {
        match Event::read(name, value, true) {
            Ok(event) => panic!("{name}={value:?} was taken as {event:?}; a reader would see nothing happen instead of a message"),
            Err(problem) => assert!(
                problem.contains(expected),
                "{name}={value:?} says {problem:?}, not {expected:?}"
            ),
        }
    }
}

/// A state in which `setting` differs from its view's default, reached by events.
fn differing(setting: Setting) -> Option<State> {
    let reached = |view: ViewId, events: Vec<Event>| {
        let mut state = State::for_view(view);
        for event in events {
            state
                .apply(event.clone())
                .unwrap_or_else(|problem| panic!("{event:?} in {view:?}: {problem}"));
        }
        state
    };
    let years = State::for_view(ViewId::Ownership).years();
    let (first, second) = (years[0], years[1]);
    Some(match setting {
        Setting::View => reached(ViewId::Fdi, vec![]),
        Setting::Topic => reached(ViewId::Trade, vec![Event::Topic(TOPICS[1].id.to_string())]),
        Setting::Measure => reached(
            ViewId::Ownership,
            vec![Event::Measure(
                view::measures(ViewId::Ownership)[1].id.to_string(),
            )],
        ),
        Setting::Transform => reached(
            ViewId::Ownership,
            vec![Event::read("transform", "index", true).ok()?],
        ),
        Setting::Chart => reached(
            ViewId::Ownership,
            vec![Event::read("chart", "bars", true).ok()?],
        ),
        Setting::Series => reached(
            ViewId::Ownership,
            vec![Event::Series {
                id: "private".into(),
                on: false,
            }],
        ),
        Setting::Years => reached(
            ViewId::Ownership,
            vec![Event::Category {
                id: first.to_string(),
                on: false,
            }],
        ),
        Setting::Measures => reached(
            ViewId::Rd,
            vec![Event::Category {
                id: "electronic_telecom".into(),
                on: false,
            }],
        ),
        Setting::Base => reached(
            ViewId::Ownership,
            vec![Event::Year(YearChoice::Base, second)],
        ),
        Setting::From => reached(
            ViewId::Ownership,
            vec![Event::Year(YearChoice::From, second)],
        ),
        Setting::To => reached(ViewId::Ownership, vec![Event::Year(YearChoice::To, second)]),
        Setting::Log => reached(ViewId::Fdi, vec![Event::Log(true)]),
        Setting::Play => reached(
            ViewId::Ownership,
            vec![Event::Play, Event::Step(Direction::Next)],
        ),
        Setting::Emphasis => reached(
            ViewId::Ownership,
            vec![Event::Emphasis {
                id: "private".into(),
                on: true,
            }],
        ),
        Setting::ReferenceLines => reached(
            ViewId::Ownership,
            vec![Event::Annotations(
                AnnotationKind::ReferenceLines,
                format!("{second}:WTO"),
            )],
        ),
        Setting::Bands => reached(
            ViewId::Ownership,
            vec![Event::Annotations(
                AnnotationKind::Bands,
                format!("{first}-{second}:Reform"),
            )],
        ),
        Setting::Notes => reached(
            ViewId::Ownership,
            vec![Event::Annotations(
                AnnotationKind::Notes,
                format!("private@{second}:Growth"),
            )],
        ),
        Setting::Outlines => reached(
            ViewId::Ownership,
            vec![Event::Annotations(
                AnnotationKind::Outlines,
                format!("private@{second}"),
            )],
        ),
        // A story's settings belong to the session (see the session's round trip below).
        Setting::Story | Setting::Step | Setting::Lang => return None,
    })
}

#[test]
fn every_setting_written_to_a_link_reads_back_to_the_same_state() {
    for setting in [Setting::View].into_iter().chain(Setting::LINK) {
        let state = differing(setting)
            .unwrap_or_else(|| panic!("no state differs in '{}'", setting.name()));
        let query = state.to_query();
        let keys: Vec<String> = form_urlencoded::parse(query.as_bytes())
            .map(|(key, _)| key.into_owned())
            .collect();
        assert!(
            keys.iter().any(|key| key == setting.name()),
            "a change of '{}' is lost from the link ?{query}: a shared link would not show it",
            setting.name()
        );
        let (read, problems) = State::from_query(&query);
        assert!(
            problems.is_empty(),
            "?{query} opens with notices: {problems:?}"
        );
        assert_eq!(
            read,
            state,
            "?{query} opens another view than the one shared ('{}')",
            setting.name()
        );
    }
    // The story's settings: a step of a story, and a view left from it.
    for query in ["story=ning&step=3", "story=ning&step=2&view=rd"] {
        let (session, problems) = Session::from_query(query);
        assert!(problems.is_empty(), "?{query}: {problems:?}");
        let written = session.query();
        let (again, _) = Session::from_query(&written);
        assert_eq!(
            (again.state, again.story),
            (session.state, session.story),
            "?{query} written as ?{written} opens another place in the story"
        );
    }
}

#[test]
fn the_script_api_names_every_setting_of_a_view_and_its_snapshot_sets_it_again() {
    let names: Vec<&str> = Setting::SCRIPT_STORY
        .into_iter()
        .chain(Setting::SCRIPT_PAGE)
        .chain(Setting::SCRIPT_VIEW)
        .map(Setting::name)
        .collect();
    for setting in Setting::SCRIPT_VIEW {
        let Some(state) = differing(setting) else {
            continue;
        };
        let snapshot = Snapshot::of(&state);
        let changes = snapshot.to_changes();
        let keys: Vec<&str> = changes.iter().map(|(key, _)| key.as_str()).collect();
        assert_eq!(keys, names, "getState's keys are not setState's");
        let json = serde_json::to_value(&snapshot).expect("a snapshot is plain data");
        let object = json.as_object().expect("a snapshot is an object");
        let json_keys: Vec<&str> = object.keys().map(String::as_str).collect();
        let mut sorted = names.clone();
        sorted.sort();
        let mut json_sorted = json_keys.clone();
        json_sorted.sort();
        assert_eq!(
            json_sorted, sorted,
            "getState's object has other keys than setState takes"
        );
        let back =
            api::changed(&State::for_view(ViewId::Market), &changes).unwrap_or_else(|problem| {
                panic!("getState of ?{} sent back: {problem}", state.to_query())
            });
        assert_eq!(
            Snapshot::of(&back),
            snapshot,
            "setState(getState()) changed the view of ?{}",
            state.to_query()
        );
    }
}

#[test]
fn each_control_is_handled_by_its_own_layer() {
    // The view's controls change the view alone; the others are refused by it with a message,
    // so that a control sent to the wrong place is never silently dropped.
    for control in Control::ALL {
        let Ok(event) = Event::of(control, "", true) else {
            continue;
        };
        let mut state = State::default();
        let result = state.apply(event.clone());
        if control.scope() != Scope::View {
            assert!(
                result.is_err(),
                "the view took {event:?}, which belongs to the {:?}",
                control.scope()
            );
        }
    }
}
