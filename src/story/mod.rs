//! Stories: ordered steps through the explorer, each a full view (everything a link holds,
//! annotations included) with a title, a caption and perhaps a question. The built-in story
//! follows the paper's argument ([`ning`]); a teacher's own story lives entirely in its link, so
//! a link, an embed or a saved file reproduces it.
//!
//! Link forms: `story=ning&step=3` opens step 3 of the built-in story; an own story is
//! `story=own&title=…&s=STEP&s=STEP…`, where each `STEP` is itself an encoded query:
//! the view's link (`view=fdi&chart=line&mark=2001:…`) with `title=`, `caption=` and, for a
//! question, `ask=` and `q=`.

pub mod answer;
mod ning;
pub mod question;

use crate::format::number;
use crate::notice::{cleaned, cleaned_lines, quoted};
use crate::view::State;
pub use question::{Answer, Ask, Question};

/// The longest title and caption a story may have, in characters (a caption's line breaks
/// count as one each). The editor's fields stop there, and the core refuses anything longer
/// with a message, rather than cut what a teacher wrote; only a link from elsewhere is cut.
pub const TITLE_LENGTH: usize = 90;
pub const CAPTION_LENGTH: usize = 1_020;
/// The most steps a story may have: "Add this view as a step" refuses more, and a link's
/// further steps are dropped with a notice.
pub const MOST_STEPS: usize = 60;

/// The id of the built-in story.
pub const BUILT_IN: &str = "ning";
/// The id of a story that lives in its link.
pub const OWN: &str = "own";

/// One step of a story.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub title: String,
    pub caption: String,
    /// The step's view as a link query, in the form [`State::to_query`] gives it.
    pub view: String,
    pub question: Option<Question>,
}

impl Step {
    /// The step's view.
    pub fn state(&self) -> State {
        State::from_query(&self.view).0
    }
}

/// A story: the built-in one, or one a teacher made.
#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    /// [`BUILT_IN`] or [`OWN`].
    pub id: &'static str,
    pub title: String,
    pub steps: Vec<Step>,
}

/// A title typed or pasted with line breaks, on one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` cleaned, when it has at most `most` characters; otherwise a message that says so and
/// how many it has, so that nothing the teacher wrote is cut without their knowing.
fn within(what: &str, text: String, most: usize) -> Result<String, String> {
    let cleaned = cleaned_lines(&text, text.chars().count());
    let count = cleaned.chars().count();
    if count > most {
        return Err(format!(
            "{what} holds at most {} characters, and this one has {}: shorten it (nothing was changed).",
            number(most as f64, 0),
            number(count as f64, 0)
        ));
    }
    Ok(cleaned)
}

impl Story {
    /// A story's title, cleaned, or why it is too long.
    pub fn checked_title(title: &str) -> Result<String, String> {
        within("A story's title", one_line(title), TITLE_LENGTH)
    }

    /// The story's title as the page shows it: "A story" when the teacher gave it none.
    pub fn shown_title(&self) -> &str {
        if self.title.is_empty() {
            "A story"
        } else {
            &self.title
        }
    }

    /// The built-in story, "The paper's argument".
    pub fn built_in() -> Story {
        ning::story()
    }

    /// A teacher's new story, with no steps yet.
    pub fn own(title: &str) -> Story {
        Story {
            id: OWN,
            title: title.to_string(),
            steps: Vec::new(),
        }
    }

    /// Reads a story from a link's pairs (`story`, and for an own story `title` and `s`).
    /// Steps that make no sense are skipped with a message each; a story that ends with no
    /// step is no story.
    pub fn from_pairs(pairs: &[(String, String)]) -> (Option<Story>, Vec<String>) {
        let value = |name: &str| {
            pairs
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.as_str())
        };
        let mut problems = Vec::new();
        let story = match value("story") {
            None => return (None, problems),
            Some(BUILT_IN) => Story::built_in(),
            Some(OWN) => {
                let mut story = Story::own(&cleaned(value("title").unwrap_or(""), TITLE_LENGTH));
                let steps: Vec<&String> = pairs
                    .iter()
                    .filter(|(key, _)| key == "s")
                    .map(|(_, step)| step)
                    .collect();
                if steps.len() > MOST_STEPS {
                    problems.push(format!(
                        "The story in the link has {} steps; only the first {MOST_STEPS} are shown.",
                        steps.len()
                    ));
                }
                for (number, step) in steps.into_iter().enumerate().take(MOST_STEPS) {
                    match Step::from_link(step) {
                        Ok(step) => story.steps.push(step),
                        Err(problem) => problems.push(format!(
                            "Step {} of the story was skipped: {problem}",
                            number + 1
                        )),
                    }
                }
                if story.steps.is_empty() {
                    problems.push("The story in the link has no step that can be shown.".into());
                    return (None, problems);
                }
                story
            }
            Some(other) => {
                problems.push(format!(
                    "There is no story called '{}'; the built-in story is '{BUILT_IN}'.",
                    quoted(other)
                ));
                return (None, problems);
            }
        };
        (Some(story), problems)
    }

    /// The keys of an own story's link besides `story` and `step` (its title and its steps).
    pub const OWN_KEYS: [&'static str; 2] = ["title", "s"];

    /// The story's part of a link: the id, and for an own story its title and every step.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = vec![("story", self.id.to_string())];
        if self.id == OWN {
            if !self.title.is_empty() {
                pairs.push(("title", self.title.clone()));
            }
            pairs.extend(self.steps.iter().map(|step| ("s", step.to_link())));
        }
        pairs
    }
}

impl Step {
    /// A step from its link form (see the module's documentation).
    pub fn from_link(link: &str) -> Result<Step, String> {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(link.as_bytes())
            .into_owned()
            .collect();
        let take = |name: &str| {
            pairs
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.as_str())
        };
        let view_pairs: Vec<(&str, &str)> = pairs
            .iter()
            .filter(|(key, _)| !["title", "caption", "ask", "q"].contains(&key.as_str()))
            .map(|(key, value)| (key.as_str(), value.as_str()))
            .collect();
        let view = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(view_pairs)
            .finish();
        let (state, problems) = State::from_query(&view);
        if let Some(problem) = problems.into_iter().next() {
            return Err(problem);
        }
        let question = match (take("ask"), take("q")) {
            (Some(ask), Some(text)) => Some(Question::from_link(ask, text)?),
            (None, None) => None,
            _ => return Err("a question needs both ask= and q=".into()),
        };
        Ok(Step {
            title: cleaned(take("title").unwrap_or(""), TITLE_LENGTH),
            caption: cleaned_lines(take("caption").unwrap_or(""), CAPTION_LENGTH),
            view: state.to_query(),
            question,
        })
    }

    /// The step's link form.
    pub fn to_link(&self) -> String {
        let mut link = form_urlencoded::Serializer::new(String::new());
        link.extend_pairs(form_urlencoded::parse(self.view.as_bytes()));
        if !self.title.is_empty() {
            link.append_pair("title", &self.title);
        }
        if !self.caption.is_empty() {
            link.append_pair("caption", &self.caption);
        }
        if let Some(question) = &self.question {
            link.append_pair("ask", &question.ask_link());
            link.append_pair("q", &question.text);
        }
        link.finish()
    }

    /// A step that shows `state`, titled after what it shows.
    pub fn showing(state: &State, title: &str) -> Step {
        Step {
            title: cleaned(title, TITLE_LENGTH),
            caption: String::new(),
            view: state.to_query(),
            question: None,
        }
    }

    /// Sets the title, cleaned, or says why it is too long and leaves it as it was.
    pub fn set_title(&mut self, title: &str) -> Result<(), String> {
        self.title = within("A step's title", one_line(title), TITLE_LENGTH)?;
        Ok(())
    }

    /// Sets the caption, cleaned with its line breaks kept, or says why it is too long and
    /// leaves it as it was.
    pub fn set_caption(&mut self, caption: &str) -> Result<(), String> {
        let lines = cleaned_lines(caption, caption.chars().count());
        self.caption = within("A caption", lines, CAPTION_LENGTH)?;
        Ok(())
    }
}
