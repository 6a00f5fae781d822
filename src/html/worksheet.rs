//! A story as a printable worksheet: one section per step (its title, its chart as vector SVG in
//! the light export style, its caption, and its question with ruled room to answer), then, if
//! the teacher keeps it, the answer key on pages of its own, each answer with its working and
//! the status of its inputs.
//!
//! The worksheet is a table whose footer (the citation and the story's link) browsers repeat at
//! the foot of every printed page; `www/style.css` shows it only in print, on the named page of
//! the chosen paper (`ws-a4`, `ws-letter`), and keeps each step, chart and question on one page.

use super::escape;
use super::story::answer_inputs;
use crate::chart::{to_svg, Style};
use crate::data::facts::CITATION;
use crate::data::Lookup;
use crate::display::Printing;
use crate::story::Story;
use crate::view;

/// The size a step's chart is drawn at, in CSS pixels: about the width of the printed column
/// on either paper, so that its text prints at about 9 points.
const CHART_SIZE: (u32, u32) = (640, 420);

/// The ruled lines under a question, room for a few sentences of working.
const ANSWER_LINES: &str = "<div class=\"ws-lines\"><i></i><i></i><i></i><i></i></div>";

/// The worksheet of `story` as printed with `printing`; `link` (the story's address) is printed
/// in every page's footer so that a reader of the paper copy finds the interactive one.
pub fn worksheet(story: &Story, printing: &Printing, link: &str) -> String {
    let count = story.steps.len();
    let mut html = format!(
        "<table class=\"ws ws-{}\" role=\"presentation\"><tfoot><tr><td class=\"ws-foot\"><p>{}</p><p>{}</p></td></tr></tfoot><tbody><tr><td>\
         <h1>{}</h1><p class=\"ws-who\"><span>Name</span><span>Date</span></p>",
        printing.paper.id(),
        escape(CITATION),
        escape(link),
        escape(story.shown_title()),
    );
    for (index, step) in story.steps.iter().enumerate() {
        html.push_str(&format!(
            "<section class=\"ws-step\"><h2><span>Step {} of {count}</span> {}</h2>",
            index + 1,
            escape(&step.title)
        ));
        match view::plot(&step.state()) {
            Some(plot) => {
                let (width, height) = CHART_SIZE;
                html.push_str(&format!(
                    "<figure class=\"ws-chart\">{}</figure>",
                    to_svg(&plot, &Style::export(false), width, height)
                ));
            }
            // Data quality's lists are too long for a worksheet: the link leads to them.
            None => html.push_str(
                "<p class=\"ws-no-chart\">This step's view has no chart: open the link below to see it.</p>",
            ),
        }
        if !step.caption.is_empty() {
            html.push_str(&format!(
                "<p class=\"ws-caption\">{}</p>",
                escape(&step.caption)
            ));
        }
        if let Some(question) = &step.question {
            html.push_str(&format!(
                "<div class=\"ws-question\"><p><strong>Question:</strong> {}</p>{ANSWER_LINES}</div>",
                escape(&question.text)
            ));
        }
        html.push_str("</section>");
    }
    if printing.answer_key {
        html.push_str(&answer_key(story));
    }
    html.push_str("</td></tr></tbody></table>");
    html
}

/// The answer key: for each step with a question, the computed answer, its working, and each
/// input with its status; a story without questions says so rather than print an empty page.
fn answer_key(story: &Story) -> String {
    let mut html = String::from("<section class=\"ws-key\"><h2>Answer key</h2>");
    let mut any = false;
    for (index, step) in story.steps.iter().enumerate() {
        let Some(question) = &step.question else {
            continue;
        };
        any = true;
        let answer = question.answer(Lookup::paper());
        html.push_str(&format!(
            "<section class=\"ws-answer\"><h3><span>Step {}</span> {}</h3><p>{}</p><dl><dt>Answer</dt><dd>{}</dd>\
             <dt>Working</dt><dd>{}</dd><dt>Inputs</dt><dd><ul>{}</ul></dd>\
             <dt>Status</dt><dd>{} <span>(the weakest of its inputs)</span></dd></dl></section>",
            index + 1,
            escape(&step.title),
            escape(&question.text),
            escape(&answer.shown),
            escape(&answer.working),
            answer_inputs(&answer),
            answer.result.status.id()
        ));
    }
    if !any {
        html.push_str("<p>This story asks no questions.</p>");
    }
    html.push_str("</section>");
    html
}
