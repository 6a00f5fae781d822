//! Stories: the built-in story follows the paper, opens on views that exist, asks questions
//! whose answers come from the data, and own stories survive their links.
//!
//! Failure messages say what a lecturer would see go wrong in front of a class.

use ict_explorer::data::{self, Datum, Lookup, Status, Unit};
use ict_explorer::story::{Ask, Question, Step, Story, BUILT_IN, OWN};
use ict_explorer::view::{self, State, ViewId};
use std::collections::HashSet;

/// The link parameters that annotate a view.
const ANNOTATIONS: [&str; 4] = ["emph", "mark", "band", "note"];
/// The longest annotation label that still fits on a chart.
const LABEL_LENGTH: usize = 40;
/// What a link may carry (`src/story/mod.rs`, `src/story/question.rs`): a built-in step longer
/// than this would be cut when a teacher copies it into an own story.
const TITLE_LENGTH: usize = 90;
const CAPTION_LENGTH: usize = 1_020;
const QUESTION_LENGTH: usize = 200;

fn pairs(query: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .into_owned()
        .collect()
}

fn query(pairs: &[(String, String)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

/// The query without its annotation parameters.
fn without_annotations(view: &str) -> String {
    let kept: Vec<(String, String)> = pairs(view)
        .into_iter()
        .filter(|(key, _)| !ANNOTATIONS.contains(&key.as_str()))
        .collect();
    query(&kept)
}

/// The values of one parameter of a query, split at `|` where several are joined.
fn annotation(view: &str, name: &str) -> Vec<String> {
    pairs(view)
        .into_iter()
        .filter(|(key, _)| key == name)
        .flat_map(|(_, value)| {
            value
                .split('|')
                .map(str::to_string)
                .collect::<Vec<String>>()
        })
        .collect()
}

/// The number of sentences: full stops, question and exclamation marks that end the text or
/// are followed by a space (after any closing bracket or quote), so "5.4" and "US$" do not
/// count.
fn sentences(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut count = 0;
    for (index, ch) in chars.iter().enumerate() {
        if !matches!(ch, '.' | '!' | '?') {
            continue;
        }
        let mut next = index + 1;
        while next < chars.len() && matches!(chars[next], ')' | '\'' | '"' | '’' | '”') {
            next += 1;
        }
        if next == chars.len() || chars[next].is_whitespace() {
            count += 1;
        }
    }
    count
}

/// The datum with a `dataset/series/measure/year` key, looked up directly in `data`.
fn datum<'a>(data: &'a [Datum], key: &str) -> &'a Datum {
    data.iter()
        .find(|datum| datum.key() == key)
        .unwrap_or_else(|| panic!("a question names {key}, which is no cell of the paper"))
}

fn year_of(key: &str) -> Option<u16> {
    key.rsplit('/').next().and_then(|year| year.parse().ok())
}

/// The answer a question should have, computed here from the cells with the formulas that
/// `src/indicators.rs` states, not through `Question::answer`.
fn expected(question: &Question, data: &[Datum]) -> Option<f64> {
    let inputs: Vec<&Datum> = question.cells.iter().map(|key| datum(data, key)).collect();
    let values: Vec<f64> = inputs
        .iter()
        .map(|datum| datum.cell.value)
        .collect::<Option<Vec<f64>>>()?;
    let value = match (question.ask, values.as_slice()) {
        (Ask::Value, [value]) => *value,
        // Shares change in percentage points, everything else in percent.
        (Ask::Change, [from, to]) if inputs[0].unit == Unit::Percent => to - from,
        (Ask::Change, [from, to]) => (to - from) / from * 100.0,
        (Ask::Growth, [from, to]) => {
            let years = f64::from(year_of(&question.cells[1])? - year_of(&question.cells[0])?);
            ((to / from).powf(1.0 / years) - 1.0) * 100.0
        }
        (Ask::PercentOf, [part, whole]) => part / whole * 100.0,
        _ => return None,
    };
    value.is_finite().then_some(value)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn built_in() -> Story {
    Story::built_in()
}

/// Steps with their 1-based numbers, as the step counter shows them.
fn numbered(story: &Story) -> impl Iterator<Item = (usize, &Step)> {
    story
        .steps
        .iter()
        .enumerate()
        .map(|(index, step)| (index + 1, step))
}

#[test]
fn the_built_in_story_follows_the_paper() {
    let story = built_in();
    assert_eq!(
        story.id, BUILT_IN,
        "the built-in story must open as ?story=ning"
    );
    assert!(!story.title.is_empty(), "the built-in story has no title");
    assert!(
        story.steps.len() >= 10,
        "the built-in story has {} steps; the paper's argument needs at least 10",
        story.steps.len()
    );
    let views: HashSet<ViewId> = story.steps.iter().map(|step| step.state().view()).collect();
    assert!(
        views.len() >= 4,
        "the story stays in {} views ({:?}); a lecture should show at least 4",
        views.len(),
        views
    );
    assert!(
        views.contains(&ViewId::Quality),
        "no step opens Data quality, so the lecture never says what the numbers do not support"
    );
    let questions = story
        .steps
        .iter()
        .filter(|step| step.question.is_some())
        .count();
    assert!(
        questions >= 3,
        "the story asks {questions} questions; students should get at least 3"
    );
    let mut titles = HashSet::new();
    for (number, step) in numbered(&story) {
        assert!(
            !step.title.trim().is_empty(),
            "step {number} shows no title above its chart"
        );
        assert!(
            titles.insert(step.title.clone()),
            "step {number} repeats the title '{}'",
            step.title
        );
        let count = sentences(&step.caption);
        assert!(
            (2..=4).contains(&count),
            "step {number} ('{}') has a caption of {count} sentences, not 2 to 4: {}",
            step.title,
            step.caption
        );
        assert!(
            step.title.chars().count() <= TITLE_LENGTH
                && step.caption.chars().count() <= CAPTION_LENGTH,
            "step {number} ('{}') would be cut short when a teacher adds it to an own story",
            step.title
        );
        if let Some(question) = &step.question {
            assert!(
                !question.text.is_empty() && question.text.chars().count() <= QUESTION_LENGTH,
                "step {number}'s question would be cut short in a link: {}",
                question.text
            );
            assert!(
                question.text.ends_with('?'),
                "step {number}'s question does not read as a question: {}",
                question.text
            );
        }
    }
}

#[test]
fn the_built_in_story_opens_from_its_link() {
    let (story, problems) = Story::from_pairs(&pairs("story=ning"));
    assert!(
        problems.is_empty(),
        "?story=ning shows notices: {problems:?}"
    );
    assert_eq!(
        story,
        Some(built_in()),
        "?story=ning does not open the built-in story"
    );
    assert_eq!(
        Story::built_in().to_pairs(),
        vec![("story", BUILT_IN.to_string())],
        "the built-in story's link should name it, not copy its steps"
    );
}

#[test]
fn every_step_opens_its_view_without_problems() {
    for (number, step) in numbered(&built_in()) {
        let (_, problems) = State::from_query(&step.view);
        assert!(
            problems.is_empty(),
            "step {number} ('{}') opens with notices above the chart: {problems:?} (view {})",
            step.title,
            step.view
        );
        // The part of the view that the state holds is in its canonical form, so the step's
        // link and the address bar agree.
        let plain = without_annotations(&step.view);
        let (state, problems) = State::from_query(&plain);
        assert!(
            problems.is_empty(),
            "step {number}'s view {plain} opens with notices: {problems:?}"
        );
        assert_eq!(
            state.to_query(),
            plain,
            "step {number} ('{}') is not written the way its link is, so the address bar would change on opening it",
            step.title
        );
        assert!(
            view::plot(&state).map_or(state.view() == ViewId::Quality, |plot| !plot.is_empty()),
            "step {number} ('{}') opens on an empty chart",
            step.title
        );
    }
}

/// A step's link carries its annotations (`emph`, `mark`, `band`, `note`, read with the rest
/// of the link by `src/view/query.rs`): opening the link must keep every one of them.
#[test]
fn annotations_survive_the_step_links() {
    for (number, step) in numbered(&built_in()) {
        let (state, problems) = State::from_query(&step.view);
        assert!(
            problems.is_empty(),
            "step {number} ('{}') opens with notices: {problems:?}",
            step.title
        );
        assert_eq!(
            state.to_query(),
            step.view,
            "step {number} ('{}') loses part of its view, such as its annotations, when its link is opened",
            step.title
        );
        assert_eq!(
            Step::from_link(&step.to_link()).as_ref(),
            Ok(step),
            "step {number} ('{}') changes when a teacher copies it into an own story",
            step.title
        );
        // Every annotation of the link is drawn on the chart, none silently dropped.
        let Some(plot) = view::plot(&state) else {
            continue;
        };
        let emphasised = annotation(&step.view, "emph")
            .iter()
            .flat_map(|list| list.split(','))
            .count();
        for (what, drawn, written) in [
            ("emphasised series", plot.emphasis.len(), emphasised),
            (
                "reference lines",
                plot.reference_lines.len(),
                annotation(&step.view, "mark").len(),
            ),
            (
                "shaded bands",
                plot.bands.len(),
                annotation(&step.view, "band").len(),
            ),
            (
                "callouts",
                plot.notes.len(),
                annotation(&step.view, "note").len(),
            ),
        ] {
            assert_eq!(
                drawn, written,
                "step {number} ('{}') draws {drawn} of its {written} {what}",
                step.title
            );
        }
    }
}

#[test]
fn annotations_point_at_what_each_step_shows() {
    let story = built_in();
    let mut kinds = HashSet::new();
    let mut annotated = 0;
    for (number, step) in numbered(&story) {
        let state = step.state();
        let categories: Vec<String> = state
            .all_categories()
            .into_iter()
            .map(|category| category.id)
            .collect();
        let shown = |category: &str| state.shows_category(category);
        let label_fits = |label: &str, what: &str| {
            assert!(
                !label.trim().is_empty() && label.chars().count() <= LABEL_LENGTH,
                "step {number}'s {what} label '{label}' is empty or too long to draw on the chart"
            );
        };
        let mut any = false;
        for series in annotation(&step.view, "emph")
            .iter()
            .flat_map(|list| list.split(','))
        {
            any = true;
            kinds.insert("emph");
            assert!(
                state.shows_series(series),
                "step {number} emphasises '{series}', which its chart does not show"
            );
        }
        for mark in annotation(&step.view, "mark") {
            any = true;
            kinds.insert("mark");
            let (at, label) = mark.split_once(':').unwrap_or((&mark, ""));
            label_fits(label, "reference line");
            assert!(
                shown(at),
                "step {number} draws a line at '{at}', which its chart does not show"
            );
        }
        for band in annotation(&step.view, "band") {
            any = true;
            kinds.insert("band");
            let (span, label) = band.split_once(':').unwrap_or((&band, ""));
            label_fits(label, "band");
            let (from, to) = span.split_once('-').unwrap_or((span, span));
            let position = |at: &str| categories.iter().position(|category| category == at);
            assert!(
                shown(from) && shown(to),
                "step {number} shades '{span}', which its chart does not show"
            );
            match (position(from), position(to)) {
                (Some(from), Some(to)) => {
                    assert!(from <= to, "step {number}'s band '{span}' runs backwards")
                }
                _ => panic!("step {number} shades '{span}', which is not on its axis"),
            }
        }
        for note in annotation(&step.view, "note") {
            any = true;
            kinds.insert("note");
            let (place, label) = note.split_once(':').unwrap_or((&note, ""));
            label_fits(label, "callout");
            let (series, category) = place.split_once('@').unwrap_or((place, ""));
            assert!(
                state.shows_series(series) && shown(category),
                "step {number}'s callout points at {series} in {category}, which its chart does not show"
            );
        }
        annotated += usize::from(any);
    }
    assert!(
        annotated >= 4,
        "only {annotated} steps point at anything; the lecture needs emphasis, lines and callouts"
    );
    for kind in ANNOTATIONS {
        assert!(
            kinds.contains(kind),
            "no step uses '{kind}', so the lecture never shows that kind of annotation"
        );
    }
    assert!(
        story
            .steps
            .iter()
            .any(|step| step.state().view() == ViewId::Fdi
                && annotation(&step.view, "mark")
                    .iter()
                    .any(|mark| mark.starts_with("2001:"))),
        "no FDI step marks 2001, where Table 2's coverage changes"
    );
}

#[test]
fn answers_are_computed_from_the_data() {
    let paper = data::all();
    for (number, step) in numbered(&built_in()) {
        let Some(question) = &step.question else {
            continue;
        };
        assert_eq!(
            question.check(Lookup::paper()),
            Ok(()),
            "step {number}'s question cannot be answered from the paper"
        );
        let answer = question.answer(Lookup::paper());
        let want = expected(question, paper).unwrap_or_else(|| {
            panic!(
                "step {number}'s question ({}) has no finite answer in the data",
                question.text
            )
        });
        let got = answer.result.value.unwrap_or_else(|| {
            panic!(
                "\"Show answer\" on step {number} says: {} ({})",
                answer.shown, question.text
            )
        });
        assert!(
            got.is_finite() && close(got, want),
            "\"Show answer\" on step {number} gives {got} ({}), but the cells give {want}: {}",
            answer.shown,
            question.text
        );
        let weakest = question
            .cells
            .iter()
            .map(|key| datum(paper, key).cell.status)
            .fold(Status::Clean, Status::weakest);
        assert_eq!(
            answer.result.status, weakest,
            "step {number}'s answer claims a status its inputs do not have"
        );
        assert_eq!(
            answer.inputs.len(),
            question.cells.len(),
            "step {number}'s answer does not show all of its inputs"
        );
    }
}

#[test]
fn answers_follow_the_data_when_it_changes() {
    let paper = data::all();
    for (number, step) in numbered(&built_in()) {
        let Some(question) = &step.question else {
            continue;
        };
        let before = question.answer(Lookup::paper()).result.value;
        for key in &question.cells {
            let mut altered: Vec<Datum> = paper.to_vec();
            let cell = altered
                .iter_mut()
                .find(|datum| datum.key() == *key)
                .unwrap_or_else(|| panic!("step {number} names {key}, which is no cell"));
            cell.cell.value = cell.cell.value.map(|value| value * 1.5 + 1.0);
            let after = question.answer(Lookup::new(&altered)).result.value;
            let want = expected(question, &altered);
            assert!(
                after.is_some() && after != before,
                "step {number}'s answer stays {before:?} when {key} changes: it was typed, not computed"
            );
            assert!(
                matches!((after, want), (Some(after), Some(want)) if close(after, want)),
                "with {key} changed, step {number}'s answer is {after:?} but the cells give {want:?}"
            );
        }
    }
}

#[test]
fn questions_ask_about_what_the_step_shows() {
    let paper = data::all();
    for (number, step) in numbered(&built_in()) {
        let Some(question) = &step.question else {
            continue;
        };
        let state = step.state();
        for key in &question.cells {
            let datum = datum(paper, key);
            assert_eq!(
                ViewId::showing(datum.dataset),
                state.view(),
                "step {number} asks about {key}, which its view does not show"
            );
            let category = match state.view() {
                ViewId::Rd => datum.measure.to_string(),
                _ => datum.year.map(|year| year.to_string()).unwrap_or_default(),
            };
            assert!(
                state.shows_series(datum.series) && state.shows_category(&category),
                "step {number} asks about {key}, but its chart hides that series or year"
            );
        }
    }
}

#[test]
fn captions_own_up_to_garbled_cells() {
    let paper = data::all();
    for (number, step) in numbered(&built_in()) {
        let caption = step.caption.to_lowercase();
        assert!(
            !caption.contains("garbled in the paper") && !caption.contains("garbled by the paper"),
            "step {number} blames the paper for what the OCR garbled"
        );
        if caption.contains("garbled") {
            assert!(
                caption.contains("garbled in the ocr text"),
                "step {number} says cells are garbled without saying it was the OCR text"
            );
        }
        let plot_weak = view::plot(&step.state()).is_some_and(|plot| {
            plot.has_status(Status::Corrected) || plot.has_status(Status::Uncertain)
        });
        let question_weak = step.question.as_ref().is_some_and(|question| {
            question.cells.iter().any(|key| {
                matches!(
                    datum(paper, key).cell.status,
                    Status::Corrected | Status::Uncertain
                )
            })
        });
        if plot_weak || question_weak {
            // A guess is either a garbled value or a legible one whose place is a reading.
            assert!(
                caption.contains("ocr text") || caption.contains("a reading"),
                "step {number} ('{}') shows corrected or guessed cells, but its caption does not say so",
                step.title
            );
        }
    }
}

#[test]
fn an_own_story_round_trips_through_its_link() {
    let built_in = built_in();
    let mut own = Story::own("Ning (2009) in one lecture");
    for step in &built_in.steps {
        // The same step as a teacher would add it: its link form, read back.
        let copied = Step::from_link(&step.to_link()).unwrap_or_else(|problem| {
            panic!(
                "step '{}' cannot be added to an own story: {problem}",
                step.title
            )
        });
        own.steps.push(copied);
    }
    let link: Vec<(String, String)> = own
        .to_pairs()
        .into_iter()
        .map(|(key, value)| (key.to_string(), value))
        .collect();
    // Through a real address: encoded once, every step encoded inside it.
    let address = query(&link);
    let (read, problems) = Story::from_pairs(&pairs(&address));
    assert!(
        problems.is_empty(),
        "the own story's link shows notices: {problems:?}"
    );
    let read = read.expect("the own story's link opens no story");
    assert_eq!(read.id, OWN);
    assert_eq!(read, own, "the own story changes when its link is opened");
    assert_eq!(read.steps.len(), built_in.steps.len());
    for ((number, original), copy) in numbered(&built_in).zip(&read.steps) {
        assert_eq!(
            (&copy.title, &copy.caption, &copy.question),
            (&original.title, &original.caption, &original.question),
            "step {number}'s title, caption or question changes in an own story's link"
        );
        assert_eq!(
            without_annotations(&copy.view),
            without_annotations(&original.view),
            "step {number} opens a different view in an own story's link"
        );
    }
}

/// A plain step a teacher might make, with no annotations.
fn plain_step(view: ViewId, title: &str) -> Step {
    let mut step = Step::showing(&State::for_view(view), title);
    step.set_caption("A caption. It has two sentences.")
        .expect("a short caption is taken");
    step
}

fn own_link(steps: &[String]) -> Vec<(String, String)> {
    let mut link = vec![
        ("story".to_string(), OWN.to_string()),
        ("title".to_string(), "Mixed".to_string()),
    ];
    link.extend(steps.iter().map(|step| ("s".to_string(), step.clone())));
    link
}

#[test]
fn a_bad_step_is_skipped_with_a_notice_and_the_good_ones_kept() {
    let first = plain_step(ViewId::Fdi, "FDI");
    let third = plain_step(ViewId::Market, "Market");
    let bad_view = "view=nowhere&title=Lost&caption=Gone.";
    let bad_question = format!(
        "{}&ask=change:table1/foreign_funded/share_total_assets/1998,table1/foreign_funded/share_total_assets/2005&q=Which%3F",
        plain_step(ViewId::Ownership, "Ownership").to_link()
    );
    let link = own_link(&[
        first.to_link(),
        bad_view.to_string(),
        third.to_link(),
        bad_question,
    ]);
    let (story, problems) = Story::from_pairs(&link);
    let story = story.expect("a link with two good steps opens no story");
    assert_eq!(
        story.steps,
        vec![first, third],
        "the good steps are not kept as they were"
    );
    assert_eq!(
        problems.len(),
        2,
        "two bad steps should give two notices: {problems:?}"
    );
    assert!(
        problems[0].contains("Step 2") && problems[0].contains("nowhere"),
        "the notice does not say which step was skipped and why: {}",
        problems[0]
    );
    assert!(
        problems[1].contains("Step 4") && problems[1].contains("1998"),
        "the notice does not say which step was skipped and which cell is unknown: {}",
        problems[1]
    );
}

#[test]
fn a_link_whose_steps_are_all_bad_gives_no_story() {
    let link = own_link(&["view=nowhere".to_string(), "ask=value&q=".to_string()]);
    let (story, problems) = Story::from_pairs(&link);
    assert!(
        story.is_none(),
        "a link with no usable step opens a story: {story:?}"
    );
    assert!(
        problems.iter().any(|problem| problem.contains("no step")),
        "no notice says the story had nothing to show: {problems:?}"
    );
    let (story, problems) = Story::from_pairs(&pairs("story=lecture-9"));
    assert!(story.is_none(), "an unknown story id opens a story");
    assert!(
        problems
            .iter()
            .any(|problem| problem.contains("lecture-9") && problem.contains(BUILT_IN)),
        "the notice for an unknown story does not name it and the built-in one: {problems:?}"
    );
}

#[test]
fn a_question_naming_a_cell_the_paper_does_not_hold_is_refused() {
    let refused = [
        // Table 1 has no 1998 column.
        (
            "change:table1/foreign_funded/share_total_assets/1998,table1/foreign_funded/share_total_assets/2005",
            "table1/foreign_funded/share_total_assets/1998",
        ),
        // No such series.
        (
            "value:table2/lenovo/actual_utilized/2001",
            "table2/lenovo/actual_utilized/2001",
        ),
        // No such dataset.
        ("value:table9/fdi/actual_utilized/2001", "table9"),
        // A growth rate needs two cells.
        ("growth:table2/fdi/actual_utilized/2001", "2"),
        // No such kind of question.
        ("guess:table2/fdi/actual_utilized/2001", "guess"),
    ];
    for (ask, named) in refused {
        match Question::from_link(ask, "How much?") {
            Ok(question) => panic!("the question {ask} is accepted: {question:?}"),
            Err(message) => assert!(
                message.contains(named),
                "refusing {ask}, the message does not say what is wrong: {message}"
            ),
        }
    }
    assert!(
        Question::from_link(
            "change:table1/foreign_funded/share_total_assets/1997,table1/foreign_funded/share_total_assets/2005",
            "How much?"
        )
        .is_ok(),
        "a question about two printed cells is refused"
    );
}

#[test]
fn every_step_s_key_figures_speak_of_years_its_chart_shows() {
    for (number, step) in numbered(&built_in()) {
        let state = step.state();
        let shown: Vec<String> = state
            .all_categories()
            .into_iter()
            .filter(|category| category.year.is_some() && state.shows_category(&category.id))
            .map(|category| category.id)
            .collect();
        if shown.is_empty() {
            continue;
        }
        for stat in ict_explorer::view::stats(&state) {
            let years = stat
                .label
                .split(|ch: char| !ch.is_ascii_digit())
                .filter(|word| {
                    word.len() == 4 && (word.starts_with("19") || word.starts_with("20"))
                });
            for year in years {
                assert!(
                    shown.iter().any(|id| id == year),
                    "step {number}'s key figure \"{}\" speaks of {year}, but its chart shows only {shown:?}",
                    stat.label
                );
            }
        }
    }
}

/// The step with this title in the built-in story.
fn titled(story: &Story, title: &str) -> String {
    story
        .steps
        .iter()
        .find(|step| step.title == title)
        .unwrap_or_else(|| panic!("the built-in story has no step '{title}'"))
        .caption
        .clone()
}

#[test]
fn captions_claim_only_what_the_drawn_data_shows() {
    let story = built_in();
    let margins = titled(&story, "Thin margins");
    assert!(
        margins.contains("below 9% of sales") && margins.contains("cannot"),
        "two 2004 profit figures cannot be read, so 'below 9% for every type in every year' must say so: {margins}"
    );
    let exporters = titled(&story, "China's top exporters are not Chinese");
    assert!(
        !exporters.contains("the one Chinese-owned firm") && exporters.contains("comparison"),
        "the paper cites Huawei for comparison, not as a firm on the list: {exporters}"
    );
    let support = titled(&story, "What the paper's own numbers support");
    assert!(
        !support.contains("non-state") && !support.contains("every place"),
        "the 34% is joint stock, limited liability and private firms' share, and Data quality lists what our checks find, not every place: {support}"
    );
    // Every figure the caption counts as differing from the tables is one the claims check
    // says the data contradicts.
    for (figure, claim) in [
        ("1.44 bn", "text/fdi/actual_utilized/2000"),
        (
            "73%",
            "text/state_controlled/share_domestic_assets_average_2003_2005/",
        ),
        ("34%", "fig3/jsc_llc_private/share_of_domestic_sales/2004"),
    ] {
        let verdict = ict_explorer::checks::paper()
            .claims
            .iter()
            .find(|found| found.id == claim)
            .unwrap_or_else(|| panic!("no claim {claim}"))
            .verdict;
        assert!(
            !support.contains(figure) || verdict == ict_explorer::checks::Verdict::Disagrees,
            "the caption counts {figure} as a conflict while its claim says {}",
            verdict.id()
        );
    }
    let verdict = titled(&story, "The verdict");
    assert!(
        !verdict
            .contains("domestic firms stayed small, earned thin margins and spent little on R&D")
            && verdict.contains("industry as a whole"),
        "Table 5 and Figure 4 cover the whole industry, foreign firms included: {verdict}"
    );
}
