//! The reader's session: stories opened from links and walked by keys, a teacher's story built
//! and kept in its link, views that remember their choices, and keys that respect WCAG 2.1.4.

use ict_explorer::api::{self, Snapshot, Value};
use ict_explorer::session::{KeyAction, Session};
use ict_explorer::story::Story;
use ict_explorer::view::{Event, ViewId};

fn open(query: &str) -> Session {
    let (session, problems) = Session::from_query(query);
    assert!(
        problems.is_empty(),
        "?{query} opens with notices: {problems:?}"
    );
    session
}

fn step_number(session: &Session) -> Option<usize> {
    session.step().map(|(_, index, _)| index + 1)
}

fn press(session: &mut Session, key: &str) {
    match session.key_action(key, false) {
        Some(KeyAction::Event(event)) => session
            .apply(event)
            .unwrap_or_else(|problem| panic!("{key} was refused: {problem}")),
        other => panic!("{key} does nothing in a story (got {other:?})"),
    }
}

#[test]
fn a_story_link_opens_its_step_and_every_step_has_its_own_link() {
    let story = Story::built_in();
    let first = open("story=ning");
    assert_eq!(step_number(&first), Some(1));
    assert_eq!(first.state, story.steps[0].state());
    for number in 1..=story.steps.len() {
        let session = open(&format!("story=ning&step={number}"));
        assert_eq!(step_number(&session), Some(number));
        assert_eq!(
            session.state,
            story.steps[number - 1].state(),
            "step {number}'s link shows another view"
        );
        let again = open(&session.query());
        assert_eq!(
            again, session,
            "step {number} does not survive its own link"
        );
    }
    let (session, problems) = Session::from_query("story=ning&step=99");
    assert_eq!(step_number(&session), Some(1));
    assert!(
        problems.iter().any(|problem| problem.contains("not '99'")),
        "{problems:?}"
    );
}

#[test]
fn keys_walk_the_story_and_escape_leaves_it_in_place() {
    let count = Story::built_in().steps.len();
    let mut session = open("story=ning&present=1");
    for expected in 2..=count {
        press(&mut session, "ArrowRight");
        assert_eq!(step_number(&session), Some(expected));
    }
    press(&mut session, "PageDown");
    assert_eq!(step_number(&session), Some(count), "→ past the end moved");
    press(&mut session, "Home");
    assert_eq!(step_number(&session), Some(1));
    press(&mut session, "End");
    assert_eq!(step_number(&session), Some(count));
    press(&mut session, "PageUp");
    assert_eq!(step_number(&session), Some(count - 1));
    press(&mut session, " ");
    assert_eq!(step_number(&session), Some(count));
    let shown = session.state.clone();
    press(&mut session, "Escape");
    assert_eq!(session.story, None, "Esc did not leave the story");
    assert_eq!(session.state, shown, "leaving the story changed the view");
}

#[test]
fn a_changed_step_keeps_its_changes_in_the_link() {
    let mut session = open("story=ning&step=3");
    let offered: Vec<&str> = session
        .state
        .offered_series()
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let first = offered[0];
    let on = session.state.shows_series(first);
    Event::read("series", first, !on)
        .and_then(|event| session.apply(event))
        .unwrap();
    let reopened = open(&session.query());
    assert_eq!(step_number(&reopened), Some(3));
    assert_eq!(
        reopened.state, session.state,
        "the reader's change was lost"
    );
}

#[test]
fn each_view_remembers_the_readers_choices() {
    let mut session = open("view=ownership");
    Event::read("measure", "share_total_assets", true)
        .and_then(|event| session.apply(event))
        .unwrap();
    Event::read("chart", "stacked100", true)
        .and_then(|event| session.apply(event))
        .unwrap();
    let chosen = session.state.clone();
    Event::read("view", "fdi", true)
        .and_then(|event| session.apply(event))
        .unwrap();
    assert_eq!(session.state.view(), ViewId::Fdi);
    Event::read("view", "ownership", true)
        .and_then(|event| session.apply(event))
        .unwrap();
    assert_eq!(
        session.state, chosen,
        "coming back to Ownership lost the indicator and chart kind"
    );
}

#[test]
fn a_teachers_story_is_built_edited_reordered_and_kept_in_its_link() {
    let mut session = open("view=fdi");
    Event::read("story-add", "", true)
        .and_then(|event| session.apply(event))
        .unwrap();
    Event::read("view", "ownership", true)
        .and_then(|event| session.apply(event))
        .unwrap();
    Event::read("story-add", "", true)
        .and_then(|event| session.apply(event))
        .unwrap();
    Event::read("view", "rd", true)
        .and_then(|event| session.apply(event))
        .unwrap();
    Event::read("story-add", "", true)
        .and_then(|event| session.apply(event))
        .unwrap();
    Event::read("story-title", "Week 3: FDI", true)
        .and_then(|event| session.apply(event))
        .unwrap();
    Event::read(
        "step-caption:2",
        "Foreign firms grow. \u{202E}Look at 2005.",
        true,
    )
    .and_then(|event| session.apply(event))
    .unwrap();
    Event::read("step-up:3", "", true)
        .and_then(|event| session.apply(event))
        .unwrap();
    let (story, _, _) = session.step().expect("a story is open");
    let views: Vec<ViewId> = story.steps.iter().map(|step| step.state().view()).collect();
    assert_eq!(views, [ViewId::Fdi, ViewId::Rd, ViewId::Ownership]);
    assert_eq!(story.steps[2].caption, "Foreign firms grow. Look at 2005.");
    let reopened = open(&session.query());
    assert_eq!(
        reopened.story, session.story,
        "the link does not keep the story"
    );
    Event::read("step-delete:1", "", true)
        .and_then(|event| session.apply(event))
        .unwrap();
    assert_eq!(
        session.step().map(|(story, _, _)| story.steps.len()),
        Some(2)
    );
    assert!(Event::read("step-title:9", "x", true)
        .and_then(|event| session.apply(event))
        .is_err());
}

#[test]
fn editing_the_built_in_story_makes_a_copy() {
    let mut session = open("story=ning&step=2");
    Event::read("step-title:2", "My title", true)
        .and_then(|event| session.apply(event))
        .unwrap();
    let (story, _, step) = session.step().unwrap();
    assert_eq!(story.id, "own");
    assert_eq!(step.title, "My title");
    assert_eq!(
        Story::built_in().steps[1].title,
        Story::built_in().steps[1].title
    );
    let reopened = open(&session.query());
    assert_eq!(reopened.story, session.story);
}

#[test]
fn single_key_shortcuts_act_only_where_allowed() {
    let session = open("view=ownership");
    assert_eq!(
        session.key_action("2", false),
        None,
        "2 acts outside the chart"
    );
    assert_eq!(
        session.key_action("p", false),
        None,
        "P acts outside the chart"
    );
    assert!(matches!(
        session.key_action("2", true),
        Some(KeyAction::Event(Event::View(_)))
    ));
    assert_eq!(session.key_action("p", true), Some(KeyAction::Play));
    for query in ["view=ownership&keys=1", "view=ownership&present=1"] {
        let session = open(query);
        assert!(
            session.key_action("2", false).is_some(),
            "?{query}: 2 should switch views anywhere"
        );
    }
    let locked = open("view=ownership&lock=1&keys=1");
    assert_eq!(locked.key_action("2", true), None, "2 leaves a locked view");
    assert!(
        session.key_action("ArrowRight", false).is_some(),
        "→ should step the years outside the chart too"
    );
}

#[test]
fn scripts_move_through_stories_with_set_state() {
    let session = open("view=fdi");
    let changes = |pairs: &[(&str, Value)]| -> Vec<(String, Value)> {
        pairs
            .iter()
            .map(|(key, value)| (key.to_string(), value.clone()))
            .collect()
    };
    let in_story = api::changed_session(
        &session,
        &changes(&[
            ("story", Value::Text("ning".into())),
            ("step", Value::Number(3.0)),
        ]),
    )
    .unwrap();
    let snapshot = Snapshot::of_session(&in_story);
    assert_eq!((snapshot.story, snapshot.step), (Some("ning"), Some(3)));
    let left = api::changed_session(&in_story, &changes(&[("story", Value::Bool(false))])).unwrap();
    assert_eq!(Snapshot::of_session(&left).story, None);
    assert_eq!(left.state, in_story.state);
    for wrong in [
        changes(&[("story", Value::Text("tolkien".into()))]),
        changes(&[("step", Value::Number(2.0))]),
        changes(&[
            ("story", Value::Text("ning".into())),
            ("step", Value::Number(400.0)),
        ]),
    ] {
        assert!(
            api::changed_session(&session, &wrong).is_err(),
            "{wrong:?} should be refused"
        );
    }
}

#[test]
fn the_language_is_kept_in_links_and_told_to_scripts_which_cannot_change_it() {
    let chinese = open("view=fdi&lang=zh");
    assert_eq!(Snapshot::of_session(&chinese).lang, "zh");
    assert_eq!(
        chinese.query().matches("lang=zh").count(),
        1,
        "{}",
        chinese.query()
    );
    assert!(
        chinese.link().contains("lang=zh"),
        "the shared link forgets the language: {}",
        chinese.link()
    );
    assert!(!open("view=fdi").query().contains("lang="));
    let story = open("story=ning&step=4&lang=zh-CN");
    assert!(
        story.saved_link().contains("lang=zh"),
        "a saved story forgets its language: {}",
        story.saved_link()
    );
    assert!(
        story.query().contains("lang=zh"),
        "a story's link forgets its language: {}",
        story.query()
    );
    let same = [
        ("lang".to_string(), Value::Text("zh".into())),
        ("view".to_string(), Value::Text("rd".into())),
    ];
    let moved = api::changed_session(&chinese, &same)
        .expect("naming the page's own language changes nothing");
    assert_eq!(Snapshot::of_session(&moved).view, "rd");
    for (asked, says) in [("en", "lang=en"), ("zh", "lang=zh"), ("fr", "'fr'")] {
        let page = if asked == "zh" {
            open("view=fdi")
        } else {
            chinese.clone()
        };
        let problem =
            api::changed_session(&page, &[("lang".to_string(), Value::Text(asked.into()))])
                .expect_err("a script cannot switch the language of a page already written");
        assert!(
            problem.contains(says),
            "setState({{lang: '{asked}'}}) says: {problem}"
        );
    }
    let (english, problems) = Session::from_query("view=fdi&lang=klingon");
    assert_eq!(english.display.lang, ict_explorer::lang::Lang::En);
    assert!(
        problems
            .iter()
            .any(|problem| problem.contains("lang must be en or zh")),
        "{problems:?}"
    );
}

#[test]
fn a_callout_goes_when_the_values_it_speaks_of_change() {
    let mut session = open("view=ownership&measure=share_total_assets&note=foreign_funded@2005:Foreign+firms+hold+68%25&mark=2001:WTO+entry");
    assert_eq!(session.state.notes().len(), 1);
    Event::read("transform", "index", true)
        .and_then(|event| session.apply(event))
        .unwrap();
    assert!(
        session.state.notes().is_empty(),
        "a callout about 68% stays on an index chart"
    );
    assert_eq!(
        session.state.reference_lines().len(),
        1,
        "a line at a year should stay when the values change"
    );
}

#[test]
fn a_tab_during_a_story_leaves_its_step_and_back_to_the_story_returns() {
    let mut session = open("story=ning&step=3");
    let step_view = session.state.view();
    let elsewhere = if step_view == ViewId::Rd { "fdi" } else { "rd" };
    let caption = session
        .step()
        .map(|(_, _, step)| step.title.clone())
        .unwrap();
    Event::read("view", elsewhere, true)
        .and_then(|event| session.apply(event))
        .unwrap();
    assert_eq!(
        step_number(&session),
        None,
        "after a tab to {elsewhere}, step 3's caption would sit above {elsewhere}'s chart"
    );
    let snapshot = Snapshot::of_session(&session);
    assert_eq!(
        (snapshot.story, snapshot.step, snapshot.view),
        (None, None, elsewhere),
        "getState must not say story ning, step 3 over another view"
    );
    let bar = ict_explorer::html::story_bar(&session);
    assert!(
        bar.contains("Back to the story (step 3)") && !bar.contains(&caption),
        "the story bar should offer the way back, not the step's title: {bar}"
    );
    assert!(
        !matches!(session.key_action("PageDown", false), Some(KeyAction::Event(event)) if event.is_story_event()),
        "PageDown outside the story's view steps a story that is not shown"
    );
    // The link keeps the story, so a reload comes back to the same place.
    let reopened = open(&session.query());
    assert_eq!(
        (step_number(&reopened), reopened.state.view()),
        (None, session.state.view())
    );
    Event::read("story-return", "", true)
        .and_then(|event| session.apply(event))
        .unwrap();
    assert_eq!(
        step_number(&session),
        Some(3),
        "Back to the story did not return to step 3"
    );
    assert_eq!(session.state, Story::built_in().steps[2].state());
    // A tab back to the step's own view returns to the story as well.
    Event::read("view", elsewhere, true)
        .and_then(|event| session.apply(event))
        .unwrap();
    Event::read("view", step_view.id(), true)
        .and_then(|event| session.apply(event))
        .unwrap();
    assert_eq!(
        step_number(&session),
        Some(3),
        "the step's own tab did not return to the story"
    );
}

#[test]
fn a_script_s_view_during_a_story_leaves_it_and_naming_the_story_returns() {
    let session = open("story=ning&step=3");
    let step_view = session.state.view();
    let elsewhere = if step_view == ViewId::Rd { "fdi" } else { "rd" };
    let moved =
        api::changed_session(&session, &[("view".into(), Value::Text(elsewhere.into()))]).unwrap();
    let snapshot = Snapshot::of_session(&moved);
    assert_eq!(
        (snapshot.story, snapshot.view),
        (None, elsewhere),
        "setState({{view}}) kept the story over another view"
    );
    let back =
        api::changed_session(&moved, &[("story".into(), Value::Text("ning".into()))]).unwrap();
    let snapshot = Snapshot::of_session(&back);
    assert_eq!(
        (snapshot.story, snapshot.step),
        (Some("ning"), Some(3)),
        "setState({{story: 'ning'}}) did not return to the step left"
    );
}

#[test]
fn a_story_holds_sixty_steps_and_the_sixty_first_is_refused_in_words() {
    let mut session = open("view=fdi");
    for _ in 0..60 {
        Event::read("story-add", "", true)
            .and_then(|event| session.apply(event))
            .expect("a step up to the 60th is added");
    }
    let before = session.clone();
    let refusal = Event::read("story-add", "", true)
        .and_then(|event| session.apply(event))
        .expect_err("the 61st step was accepted, to be lost when the story is saved");
    assert!(
        refusal.contains("60"),
        "the refusal should name the limit: {refusal}"
    );
    assert_eq!(session, before, "a refused step changed the story");
    let reopened = open(&session.query());
    assert_eq!(
        reopened.story, session.story,
        "a story of 60 steps does not survive its link"
    );
}

#[test]
fn a_long_caption_is_refused_in_words_and_line_breaks_are_kept() {
    let mut session = open("view=fdi");
    Event::read("story-add", "", true)
        .and_then(|event| session.apply(event))
        .unwrap();
    let lines = "First line of the caption.\nSecond line, after a break.";
    Event::read("step-caption:1", lines, true)
        .and_then(|event| session.apply(event))
        .unwrap();
    let caption = |session: &Session| session.story.as_ref().unwrap().0.steps[0].caption.clone();
    assert_eq!(
        caption(&session),
        lines,
        "the caption's line break was lost"
    );
    let reopened = open(&session.query());
    assert_eq!(
        caption(&reopened),
        lines,
        "the link lost the caption's line break"
    );
    let longest = "a".repeat(1_019) + "\n";
    let longest = longest.trim_end().to_string() + "b";
    assert_eq!(longest.chars().count(), 1_020);
    Event::read("step-caption:1", &longest, true)
        .and_then(|event| session.apply(event))
        .expect("a caption of 1,020 characters is kept");
    assert_eq!(
        caption(&session),
        longest,
        "a caption of 1,020 characters was cut"
    );
    let before = session.clone();
    let refusal = Event::read("step-caption:1", &(longest.clone() + "c"), true)
        .and_then(|event| session.apply(event))
        .expect_err("a 1,021-character caption was taken");
    assert!(
        refusal.contains("1,020") && refusal.contains("1,021"),
        "the refusal should say the limit and the length: {refusal}"
    );
    assert_eq!(session, before, "a refused caption changed the story");
    let mut built_in = open("story=ning&step=2");
    let before = built_in.clone();
    assert!(Event::read("step-title:2", &"t".repeat(91), true)
        .and_then(|event| built_in.apply(event))
        .is_err());
    assert_eq!(
        built_in, before,
        "a refused title turned the built-in story into a copy"
    );
}

#[test]
fn a_saved_story_opens_on_its_first_step() {
    let mut session = open("story=ning&step=5");
    Event::read("step-title:5", "My step five", true)
        .and_then(|event| session.apply(event))
        .unwrap();
    let (saved, problems) = Session::from_query(&session.saved_link());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        step_number(&saved),
        Some(1),
        "a saved story opened on the step open when it was saved"
    );
    assert_eq!(
        saved.story.as_ref().map(|(story, _)| &story.steps),
        session.story.as_ref().map(|(story, _)| &story.steps)
    );
    let named = open(&format!("{}&step=4", session.saved_link()));
    assert_eq!(
        step_number(&named),
        Some(4),
        "a link that names a step opens on it"
    );
}

#[test]
fn a_presenter_s_remote_returns_to_the_story_left_for_another_view() {
    let mut session = open("story=ning&step=3&present=1");
    let elsewhere = if session.state.view() == ViewId::Rd {
        "fdi"
    } else {
        "rd"
    };
    Event::read("view", elsewhere, true)
        .and_then(|event| session.apply(event))
        .unwrap();
    assert_eq!(step_number(&session), None);
    press(&mut session, "PageDown");
    assert_eq!(
        step_number(&session),
        Some(3),
        "the remote's PageDown after a tab does not bring the presenter back to the story"
    );
    press(&mut session, "PageDown");
    assert_eq!(step_number(&session), Some(4));
    // Outside presentation mode PageDown scrolls the page as usual.
    let mut reading = open("story=ning&step=3");
    Event::read("view", elsewhere, true)
        .and_then(|event| reading.apply(event))
        .unwrap();
    assert_eq!(reading.key_action("PageDown", false), None);
}

/// What a locked embed does with each event: refused with the message a reader sees, or
/// allowed. A locked embed shows one view: it takes no story, no other view and no "Show in…".
#[test]
fn a_locked_view_refuses_stories_other_views_and_show_in_and_allows_the_rest() {
    let story = "This embedded view is locked: open the explorer on its own to walk through or build a story.";
    let other_view = format!(
        "This embedded view shows {} only; open the explorer on its own to see the others.",
        ViewId::Ownership.label()
    );
    let cell = ict_explorer::data::all()[0].key();
    let rows: Vec<(&str, &str, bool, Option<&str>)> = vec![
        ("story-open", "ning", true, Some(story)),
        ("story-next", "", true, Some(story)),
        ("story-go", "2", true, Some(story)),
        ("story-add", "", true, Some(story)),
        ("story-title", "Mine", true, Some(story)),
        ("step-title:1", "Mine", true, Some(story)),
        ("step-delete:1", "", true, Some(story)),
        ("view", "fdi", true, Some(&other_view)),
        ("goto", &cell, true, Some(&other_view)),
        ("series", "private", false, None),
        ("measure", "share_total_assets", true, None),
        ("chart", "bars", true, None),
        ("category", "1997", false, None),
        ("emph", "private", true, None),
        ("keys", "", true, None),
        ("focus-dismiss", "", true, None),
        ("play", "", true, None),
        ("step", "next", true, None),
    ];
    for (name, value, checked, refusal) in rows {
        let event = Event::read(name, value, checked).expect("the page sends this event");
        let mut locked = open("view=ownership&lock=1");
        let before = locked.clone();
        let result = locked.apply(event.clone());
        match refusal {
            Some(message) => {
                assert_eq!(
                    result,
                    Err(message.to_string()),
                    "a locked embed let {name}={value:?} through"
                );
                assert_eq!(
                    locked, before,
                    "a refused {name}={value:?} changed the embed"
                );
            }
            None => assert_eq!(
                result,
                Ok(()),
                "a locked embed refused {name}={value:?}, which keeps to its view"
            ),
        }
        // Unlocked, the lock never speaks: a story's events go to the story.
        let mut unlocked = open("story=ning");
        let answer = unlocked.apply(event);
        assert!(
            refusal.is_none_or(|message| answer != Err(message.to_string())),
            "{name}={value:?} is refused as if locked outside an embed"
        );
    }
}

#[test]
fn a_script_cannot_move_a_locked_view_to_another_view_or_a_story() {
    let locked = open("view=ownership&lock=1");
    let changes = |key: &str, value: Value| vec![(key.to_string(), value)];
    for (key, value) in [
        ("view", Value::Text("fdi".into())),
        ("story", Value::Text("ning".into())),
    ] {
        let refused = api::changed_session(&locked, &changes(key, value.clone()));
        assert!(
            matches!(&refused, Err(message) if message.contains(&format!("shows {} only", ViewId::Ownership.label()))),
            "setState({{{key}: {value:?}}}) on a locked embed gave {refused:?}"
        );
    }
    let kept = api::changed_session(
        &locked,
        &changes("series", Value::List(vec![Value::Text("private".into())])),
    )
    .expect("a locked embed takes a change of its own view's series");
    assert!(kept.display.lock, "a script's change unlocked the embed");
    assert_eq!(kept.state.series(), vec!["private".to_string()]);
}

/// Every key in the links sessions write, for `<ict-explorer>`'s attributes.
fn keys_of(query: &str) -> Vec<String> {
    query
        .split('&')
        .filter_map(|pair| pair.split('=').next())
        .filter(|key| !key.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn every_key_a_link_writes_is_a_link_key_and_page_attributes_are_not() {
    let keys = ict_explorer::session::link_keys();
    let mut links: Vec<String> = Story::built_in()
        .steps
        .iter()
        .map(|step| step.state().to_query())
        .collect();
    let own = "story=own&title=Mine&s=view%3Dfdi%26title%3DOne&step=1&present=1&embed=1&lock=1\
               &keys=1&controls=series&tabs=0&stories=0&table=0&stats=0&notes=0&downloads=0&share=0&lang=zh";
    links.push(open(own).query());
    links.push(open("story=ning&step=2").query());
    let mut seen = 0;
    for link in &links {
        for key in keys_of(link) {
            seen += 1;
            assert!(
                keys.contains(&key.as_str()),
                "an <ict-explorer> attribute `{key}` (written in the link {link}) would be refused as unknown"
            );
        }
    }
    assert!(seen > 40, "the links tried hold only {seen} keys");
    // `lang` is the one attribute that is both: an element's language is its view's.
    assert!(
        keys.contains(&"lang"),
        "<ict-explorer lang=\"zh\"> would not be in Chinese"
    );
    for attribute in ["id", "class", "style", "tabindex", "hidden"] {
        assert!(
            !keys.contains(&attribute),
            "the element's own attribute `{attribute}` would be read as a link key"
        );
    }
}
