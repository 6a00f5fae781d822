//! The story's parts of the page: the bar above the chart (counter, step title, caption,
//! question, previous and next), and the editor where a teacher builds a story of their own.

use super::escape;
use crate::data::Lookup;
use crate::display::{Paper, Printing};
use crate::format::number;
use crate::session::Session;
use crate::story::{Answer, Question, BUILT_IN, CAPTION_LENGTH, MOST_STEPS, TITLE_LENGTH};
use crate::view::Control;

fn button(name: &str, label: &str, extra: &str) -> String {
    format!("<button type=\"button\" name=\"{name}\" value=\"\"{extra}>{label}</button>")
}

/// The inputs of an answer as list items: each one's label, value and status.
pub(super) fn answer_inputs(answer: &Answer) -> String {
    let mut inputs = String::new();
    for input in &answer.inputs {
        inputs.push_str(&format!(
            "<li>{}: {} <span class=\"status status-{}\">{}</span></li>",
            escape(&input.label),
            escape(&input.shown()),
            input.status.id(),
            input.status.id()
        ));
    }
    inputs
}

/// The question of a step and the precision it asks for. A reader answers it in a form and is
/// told whether the answer is right; the answer card (the number, the working and each input
/// with its status) appears only after a try. On a projector there is no one to type, so the
/// card waits behind "Show answer" instead, and presentation mode lays it over the chart.
fn question(session: &Session, question: &Question) -> String {
    let answer = question.answer(Lookup::paper());
    let expected = answer.expected();
    let inputs = answer_inputs(&answer);
    let card = format!(
        "<div class=\"answer-card\"><p class=\"answer\">{}</p><p class=\"working\">{}</p><ul class=\"inputs\">{inputs}</ul>\
         <p class=\"hint\">Computed from the cells when the page is built from the data, and as trustworthy as the weakest of them ({}).</p></div>",
        escape(&answer.shown),
        escape(&answer.working),
        answer.result.status.id()
    );
    let mut html = format!(
        "<div class=\"question\"><p><strong>Question:</strong> {}</p>",
        escape(&question.text)
    );
    let Some(expected) = expected.filter(|_| !session.display.present) else {
        html.push_str(&format!(
            "<details><summary>Show answer</summary>{card}</details></div>"
        ));
        return html;
    };
    let tries = session.tries();
    let said = match tries.map(|tries| &tries.last) {
        Some(Ok(reading)) if reading.right => {
            format!("<p id=\"answer-said\" class=\"said right\" role=\"status\">Right: {}.</p>", escape(&answer.shown))
        }
        Some(Ok(reading)) => format!(
            "<p id=\"answer-said\" class=\"said wrong\" role=\"status\">Not quite: you wrote {}, and the answer is {}.</p>",
            escape(&reading.given),
            escape(&answer.shown)
        ),
        Some(Err(problem)) => format!(
            "<p id=\"answer-said\" class=\"said unreadable\" role=\"status\">{}</p>",
            escape(problem)
        ),
        None => "<p id=\"answer-said\" class=\"said\" role=\"status\"></p>".to_string(),
    };
    html.push_str(&format!(
        "<form class=\"answer-form\" data-submit><label for=\"answer\">Your answer, {}:</label> \
         <input type=\"text\" id=\"answer\" name=\"{}\" inputmode=\"decimal\" autocomplete=\"off\" spellcheck=\"false\" size=\"12\" aria-describedby=\"answer-said\"> \
         <button type=\"submit\" id=\"answer-check\">Check</button></form>{said}",
        escape(&expected.stated()),
        Control::Answer.name()
    ));
    if tries.is_some_and(|tries| tries.tries > 0) {
        html.push_str(&card);
    }
    html.push_str("</div>");
    html
}

/// The reader's score in the open story, when it asks questions and there is someone to type.
fn score(session: &Session) -> String {
    match session.score().filter(|_| !session.display.present) {
        Some(score) => format!(
            "<span class=\"story-score\" id=\"story-score\">Questions answered: {} of {}, right: {}, tries: {}</span>",
            score.answered, score.questions, score.right, score.tries
        ),
        None => String::new(),
    }
}

/// The story bar: while a story is open, its counter and moves, the step's title, caption and
/// question; otherwise an invitation to the built-in story.
pub fn story_bar(session: &Session) -> String {
    let Some((story, index, step)) = session.step() else {
        // A reader who left the story's view for another finds their way back to its step.
        let back = session.away_from_step().map_or(String::new(), |number| {
            format!(" <button type=\"button\" id=\"story-return\" name=\"story-return\" value=\"\">← Back to the story (step {number})</button>")
        });
        return format!(
            "<p class=\"story-invite\"><button type=\"button\" id=\"story-open\" name=\"story-open\" value=\"{BUILT_IN}\">▶ Walk through the paper's argument</button>{back}</p>"
        );
    };
    let count = story.steps.len();
    let mut html = format!(
        "<div class=\"story-nav\" role=\"group\" aria-label=\"Story\"><span class=\"story-name\">{}</span>\
         {}<span class=\"story-counter\" id=\"story-counter\">Step {} of {count}</span>{}{}{}</div>",
        escape(story.shown_title()),
        button(
            Control::StoryPrev.name(),
            "← Previous",
            &format!(" id=\"story-prev\"{}", if index == 0 { " disabled" } else { "" })
        ),
        index + 1,
        button(
            Control::StoryNext.name(),
            "Next →",
            &format!(" id=\"story-next\"{}", if index + 1 == count { " disabled" } else { "" })
        ),
        button(Control::StoryLeave.name(), "Leave the story", " id=\"story-leave\" title=\"Esc\""),
        score(session),
    );
    // The step's words are one block, which presentation mode lets scroll on its own when
    // they would leave the chart less than its share of the screen.
    html.push_str(&format!(
        "<div class=\"step-text\"><h2 class=\"step-title\" id=\"step-title\">{}</h2>",
        escape(&step.title)
    ));
    if !step.caption.is_empty() {
        html.push_str(&format!(
            "<p class=\"step-caption\" id=\"step-caption\">{}</p>",
            super::with_terms(session.display.lang, &step.caption)
        ));
    }
    if let Some(asked) = &step.question {
        html.push_str(&question(session, asked));
    }
    html.push_str("</div>");
    html.push_str(&print_choices(&session.printing));
    html
}

/// "Print worksheet", with the paper and whether the answer key is printed.
fn print_choices(printing: &Printing) -> String {
    let mut papers = String::new();
    for paper in Paper::ALL {
        let chosen = if paper == printing.paper {
            " selected"
        } else {
            ""
        };
        papers.push_str(&format!(
            "<option value=\"{}\"{chosen}>{}</option>",
            paper.id(),
            paper.label()
        ));
    }
    format!(
        "<div class=\"story-print\" role=\"group\" aria-label=\"Worksheet\">{}\
         <label>Paper <select id=\"worksheet-paper\" name=\"{}\">{papers}</select></label>\
         <label><input type=\"checkbox\" id=\"worksheet-key\" name=\"{}\"{}> Include the answer key</label></div>",
        button(Control::WorksheetPrint.name(), "Print worksheet", " id=\"worksheet-print\""),
        Control::WorksheetPaper.name(),
        Control::WorksheetKey.name(),
        if printing.answer_key { " checked" } else { "" }
    )
}

/// How much of a caption's room is used. While the teacher types, `www/app.js` changes only its
/// number and whether "no more" shows, so that its words stay in the reader's language.
fn caption_count(length: usize) -> String {
    let hidden = if length >= CAPTION_LENGTH {
        ""
    } else {
        " hidden"
    };
    format!(
        "<span class=\"caption-length\">{}</span> of {} characters<span class=\"caption-full\"{hidden}>: a caption holds no more</span>",
        number(length as f64, 0),
        number(CAPTION_LENGTH as f64, 0)
    )
}

/// The story editor: the story's title, each step's title and caption with buttons to move
/// or delete it, and the buttons to add the current view and to save the story as a file.
pub fn story_editor(session: &Session) -> String {
    let mut html = String::from("<p class=\"hint\">A story is a sequence of views, each with a title and a caption, that you step through with → and ←. It lives entirely in its link.</p>");
    let full = session
        .story
        .as_ref()
        .is_some_and(|(story, _)| story.steps.len() >= MOST_STEPS);
    html.push_str(&button(
        Control::StoryAdd.name(),
        "Add this view as a step",
        if full {
            " id=\"story-add\" aria-describedby=\"story-full\""
        } else {
            " id=\"story-add\""
        },
    ));
    if full {
        // Said beside the button, where the teacher looks, not only in the notice at the top.
        html.push_str(&format!("<p class=\"hint\" id=\"story-full\">This story has {MOST_STEPS} steps, the most a story holds: delete a step to add another.</p>"));
    }
    let Some((story, current)) = &session.story else {
        return html;
    };
    let count = story.steps.len();
    // The fields stop at the lengths the core keeps, and say so: nothing typed is cut later.
    html.push_str(&format!(
        "<label class=\"field\">Story title <input type=\"text\" id=\"story-title\" name=\"story-title\" maxlength=\"{TITLE_LENGTH}\" value=\"{}\"></label>\
         <p class=\"hint\" id=\"story-limits\">{count} of at most {MOST_STEPS} steps; titles hold up to {TITLE_LENGTH} characters, captions up to {}, line breaks kept.</p><ol class=\"story-steps\">",
        escape(&story.title),
        number(CAPTION_LENGTH as f64, 0)
    ));
    for (index, step) in story.steps.iter().enumerate() {
        let number = index + 1;
        let here = if index == *current {
            " class=\"current\" aria-current=\"step\""
        } else {
            ""
        };
        html.push_str(&format!(
            "<li{here}><label class=\"field\">Title of step {number} <input type=\"text\" id=\"step-title-{number}\" name=\"step-title:{number}\" maxlength=\"{TITLE_LENGTH}\" value=\"{}\"></label>\
             <label class=\"field\">Caption <textarea id=\"step-caption-{number}\" name=\"step-caption:{number}\" rows=\"3\" maxlength=\"{CAPTION_LENGTH}\" aria-describedby=\"step-caption-count-{number}\">{}</textarea></label>\
             <p class=\"hint caption-count\" id=\"step-caption-count-{number}\">{}</p><div class=\"shortcuts\">{}{}{}{}</div></li>",
            escape(&step.title),
            escape(&step.caption),
            caption_count(step.caption.chars().count()),
            format_args!("<button type=\"button\" name=\"story-go\" value=\"{number}\">Show</button>"),
            if index > 0 { format!("<button type=\"button\" name=\"step-up:{number}\" value=\"\" aria-label=\"Move step {number} up\">↑</button>") } else { String::new() },
            if index + 1 < count { format!("<button type=\"button\" name=\"step-down:{number}\" value=\"\" aria-label=\"Move step {number} down\">↓</button>") } else { String::new() },
            format_args!("<button type=\"button\" name=\"step-delete:{number}\" value=\"\" aria-label=\"Delete step {number}\">Delete</button>"),
        ));
    }
    html.push_str("</ol>");
    html.push_str(&button(
        "save-page",
        "Save as one HTML file",
        " id=\"save-page\" title=\"A file that opens on this story, with no server and no network\"",
    ));
    html
}
