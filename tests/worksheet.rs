//! The printable worksheet of a story (`html::worksheet`): one section per step with its chart
//! as vector SVG and its question with room to answer, the answer key by choice, the citation
//! and link in the footer, and nothing that runs.

use ict_explorer::display::{Paper, Printing};
use ict_explorer::html::worksheet;
use ict_explorer::story::Story;
use ict_explorer::view;

const LINK: &str = "https://example.org/ict-explorer.html?story=ning";

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[test]
fn every_step_is_a_section_with_its_chart_caption_and_question() {
    let story = Story::built_in();
    let html = worksheet(&story, &Printing::default(), LINK);
    assert_eq!(
        count(&html, "<section class=\"ws-step\">"),
        story.steps.len(),
        "the worksheet does not have one section per step"
    );
    let charted = story
        .steps
        .iter()
        .filter(|step| view::plot(&step.state()).is_some())
        .count();
    assert_eq!(
        count(&html, "<figure class=\"ws-chart\"><svg"),
        charted,
        "a step with a chart is printed without its SVG"
    );
    assert_eq!(
        count(&html, "class=\"ws-no-chart\""),
        story.steps.len() - charted,
        "a step without a chart does not say where to see it"
    );
    let asked = story.steps.iter().filter(|step| step.question.is_some());
    assert_eq!(
        count(&html, "<div class=\"ws-lines\">"),
        asked.clone().count(),
        "a question is printed without room to answer"
    );
    for step in asked {
        let text = &step.question.as_ref().expect("asked").text;
        let escaped = ict_explorer::markup::escape(text);
        assert!(
            html.contains(&*escaped),
            "the question '{text}' is not printed"
        );
    }
    assert!(
        !html.contains("<image") && !html.contains("<img") && !html.contains("<canvas"),
        "a chart is a raster image, which prints blurred"
    );
}

#[test]
fn the_answer_key_is_printed_only_when_chosen() {
    let story = Story::built_in();
    let questions = story
        .steps
        .iter()
        .filter(|step| step.question.is_some())
        .count();
    for answer_key in [true, false] {
        let printing = Printing {
            paper: Paper::Letter,
            answer_key,
        };
        let html = worksheet(&story, &printing, LINK);
        assert!(
            html.contains("class=\"ws ws-letter\""),
            "US Letter is not the worksheet's paper"
        );
        assert_eq!(
            html.contains("Answer key"),
            answer_key,
            "the answer key's presence does not follow the teacher's choice ({answer_key})"
        );
        let expected = if answer_key { questions } else { 0 };
        assert_eq!(count(&html, "<section class=\"ws-answer\">"), expected);
        if answer_key {
            let first = story
                .steps
                .iter()
                .find_map(|step| step.question.as_ref())
                .expect("the built-in story asks questions");
            let answer = first.answer(ict_explorer::data::Lookup::paper());
            let working = ict_explorer::markup::escape(&answer.working);
            assert!(
                html.contains(&*working),
                "the key lacks the working '{}'",
                answer.working
            );
        }
    }
}

#[test]
fn the_footer_holds_the_citation_and_the_escaped_link_and_nothing_runs() {
    let hostile = "https://example.org/?q=<script>alert(1)</script>\" onload=\"x";
    let html = worksheet(&Story::built_in(), &Printing::default(), hostile);
    let citation = ict_explorer::markup::escape(ict_explorer::data::facts::CITATION);
    assert!(
        html.contains(&*citation),
        "the footer lacks the paper's citation"
    );
    assert!(
        html.contains("&lt;script&gt;"),
        "the link is not escaped in the footer"
    );
    // Escaped text holds no '<', so every '<' opens a real tag.
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or_default().to_lowercase();
        assert!(!tag.starts_with("script"), "the worksheet holds a script");
        for attribute in tag.split_whitespace().skip(1) {
            let name = attribute.split('=').next().unwrap_or_default();
            assert!(
                !name.starts_with("on") && name != "style",
                "the worksheet's <{tag}> has a {name} attribute, which the page's policy refuses"
            );
        }
    }
}

#[test]
fn a_teachers_own_story_from_a_link_prints_the_same_way() {
    let step = "view=fdi&chart=bars&title=Inflows&caption=Look%20at%202001&ask=value:table5/usa/electronic_telecom/2001&q=How%20much%20did%20the%20US%20spend%20in%202001%3F";
    let pairs = vec![
        ("story".to_string(), "own".to_string()),
        ("title".to_string(), "My <class>".to_string()),
        ("s".to_string(), step.to_string()),
    ];
    let (story, problems) = Story::from_pairs(&pairs);
    assert_eq!(problems, Vec::<String>::new());
    let story = story.expect("the own story reads");
    let html = worksheet(&story, &Printing::default(), LINK);
    assert!(
        html.contains("<h1>My &lt;class&gt;</h1>"),
        "the teacher's title is not printed, escaped"
    );
    assert_eq!(count(&html, "<section class=\"ws-step\">"), 1);
    assert_eq!(count(&html, "<figure class=\"ws-chart\"><svg"), 1);
    assert!(html.contains("How much did the US spend in 2001?"));
    assert_eq!(count(&html, "<section class=\"ws-answer\">"), 1);
}

#[test]
fn the_story_bar_offers_printing_with_the_readers_choices() {
    use ict_explorer::session::Session;
    use ict_explorer::view::Event;
    let (mut session, _) = Session::from_query("story=ning&step=2");
    let bar = ict_explorer::html::story_bar(&session);
    assert!(
        bar.contains("name=\"worksheet-print\""),
        "an open story offers no \"Print worksheet\""
    );
    assert!(
        bar.contains("<option value=\"a4\" selected>"),
        "A4 is not the paper at first"
    );
    assert!(
        bar.contains("name=\"worksheet-key\" checked"),
        "the answer key is not included at first"
    );
    for (name, value, checked) in [
        ("worksheet-paper", "letter", true),
        ("worksheet-key", "", false),
    ] {
        let event = Event::read(name, value, checked).expect("the page's own choice reads");
        session
            .apply(event)
            .expect("a printing choice is always allowed");
    }
    assert_eq!(
        session.printing,
        Printing {
            paper: Paper::Letter,
            answer_key: false
        }
    );
    let bar = ict_explorer::html::story_bar(&session);
    assert!(
        bar.contains("<option value=\"letter\" selected>"),
        "the chosen paper is not shown as chosen"
    );
    assert!(
        bar.contains("name=\"worksheet-key\">"),
        "the answer key left out is shown as included"
    );
    let refused =
        Event::read("worksheet-paper", "a3<b>", true).expect_err("A3 is no paper of ours");
    assert!(
        refused.contains("A4 or US Letter") && refused.contains("a3<b>"),
        "{refused}"
    );
    let (closed, _) = Session::from_query("view=fdi");
    assert!(
        !ict_explorer::html::story_bar(&closed).contains("worksheet-print"),
        "a page without a story offers to print one"
    );
}
