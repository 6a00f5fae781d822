//! A reader's session: the view they are in, how the page is shown, what they last chose in
//! each view they left, and the story they are walking through, if any. The page holds one
//! session; links, keys, clicks and scripts all change it through [`Session::apply`].

use crate::data::Lookup;
use crate::display::{Display, Part, Printing};
use crate::lang::Lang;
use crate::notice::quoted;
use crate::story::answer::{Reading, Record};
use crate::story::{Step, Story, BUILT_IN, MOST_STEPS, OWN};
use crate::view::{self, Direction, Event, Setting, State, StepEdit, StoryMove, Target, ViewId};

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub state: State,
    pub display: Display,
    /// The reader's last choices in each view they left, so that coming back finds them.
    memory: Vec<State>,
    /// The story being walked through, or being built, and its current step (0-based). While
    /// the reader looks at another view than the step's (after a tab, "Show in…" or a script's
    /// `view`), the story is kept for its editor and its "Back to the story" button, but is not
    /// shown: [`Session::step`] is `None`, so no step's caption sits above another view's chart.
    pub story: Option<(Story, usize)>,
    /// The finding or claim whose "Show in…" button opened this view, if the reader came from
    /// one: not part of the link, since it says where the reader came from.
    pub focus: Option<Focus>,
    /// The reader's tries at the open story's questions, one entry per question tried; cleared
    /// when another story opens, the story is left, or its steps are added or moved.
    pub answers: Vec<Tries>,
    /// How a story is printed as a worksheet: the page's choice, not part of the link.
    pub printing: Printing,
}

/// A reader's tries at the question of one step.
#[derive(Clone, Debug, PartialEq)]
pub struct Tries {
    /// The step, from 0.
    pub step: usize,
    /// Readable tries so far.
    pub tries: u32,
    /// Whether any of them was right.
    pub right: bool,
    /// What the last answer was: a readable try, or why it could not be read.
    pub last: Result<Reading, String>,
}

/// The reader's score in the open story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Score {
    pub questions: usize,
    pub answered: usize,
    pub right: usize,
    pub tries: u32,
}

/// What a "Show in…" button brought the reader to see: shown above the chart of the view it
/// opened until the reader dismisses it or leaves that view.
#[derive(Clone, Debug, PartialEq)]
pub struct Focus {
    /// The finding's title or the claim's statement, cleaned.
    pub title: String,
    /// The view the button opened.
    pub view: ViewId,
    /// How many cells of the paper the finding or claim names.
    pub named: usize,
    /// How many of them that view's chart holds (see [`Target`]).
    pub charted: usize,
    /// How many of those have a value to outline (the others are missing, gaps in the chart).
    pub with_values: usize,
}

/// What a key press does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyAction {
    /// An event for [`Session::apply`].
    Event(Event),
    /// Start or pause Play (a timer, so the page runs it).
    Play,
}

/// Every key a link may use: the view's settings, the display choices and parts, and a
/// story's keys (`<ict-explorer>` takes exactly these as attributes).
pub fn link_keys() -> Vec<&'static str> {
    Setting::ALL
        .iter()
        .map(|setting| setting.name())
        .chain(Display::KEYS)
        .chain(Part::ALL.iter().map(|part| part.id()))
        .chain(Story::OWN_KEYS)
        .collect()
}

impl Session {
    /// A session opened from a URL query: a story and its step, or a view; and the display.
    pub fn from_query(query: &str) -> (Session, Vec<String>) {
        let mut session = Session {
            state: State::default(),
            display: Display::default(),
            memory: Vec::new(),
            story: None,
            focus: None,
            answers: Vec::new(),
            printing: Printing::default(),
        };
        let problems = session.load(query);
        (session, problems)
    }

    /// Opens a URL query in this session (after Back or Forward), keeping what the reader
    /// chose in other views.
    pub fn load(&mut self, query: &str) -> Vec<String> {
        let pairs: Vec<(String, String)> =
            form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
                .into_owned()
                .collect();
        let (display, mut problems) = Display::from_query(query);
        self.display = display;
        let (story, story_problems) = Story::from_pairs(&pairs);
        problems.extend(story_problems);
        let has_view = pairs.iter().any(|(name, _)| name == Setting::View.name());
        let (state, state_problems) = State::from_query(query);
        self.remember();
        // Back or Forward leaves the view a "Show in…" button opened, or comes back to it
        // without the reader having just asked for it.
        self.focus = None;
        // Back and Forward within the same story keep the reader's answers.
        if self.story.as_ref().map(|(open, _)| open) != story.as_ref() {
            self.answers.clear();
        }
        match story {
            Some(story) => {
                let step = pairs
                    .iter()
                    .find(|(name, _)| name == Setting::Step.name())
                    .map(|(_, value)| value.as_str());
                let index = match step.map(|step| (step, step.parse::<usize>())) {
                    None => 0,
                    Some((_, Ok(number))) if (1..=story.steps.len()).contains(&number) => {
                        number - 1
                    }
                    Some((step, _)) => {
                        problems.push(format!(
                            "The story has steps 1 to {}, not '{}'; showing step 1.",
                            story.steps.len(),
                            quoted(step)
                        ));
                        0
                    }
                };
                // A link made while the reader changed the step's view carries that view too.
                self.state = if has_view {
                    problems.extend(state_problems);
                    state
                } else {
                    story.steps[index].state()
                };
                self.story = Some((story, index));
            }
            None => {
                problems.extend(state_problems);
                self.state = state;
                self.story = None;
            }
        }
        problems
    }

    /// The session as a URL query: the story and step (and the view, when the reader has
    /// changed the step's), or the view; then the display.
    pub fn query(&self) -> String {
        let display = self.display.to_query();
        let link = self.link();
        if display.is_empty() {
            link
        } else {
            format!("{link}&{display}")
        }
    }

    /// The link a saved story file opens: the story alone, so that it starts on step 1, in the
    /// page's language.
    pub fn saved_link(&self) -> String {
        match &self.story {
            Some((story, _)) => in_lang(
                form_urlencoded::Serializer::new(String::new())
                    .extend_pairs(story.to_pairs())
                    .finish(),
                self.display.lang,
            ),
            None => self.link(),
        }
    }

    /// The session's link without the display choices but its language: what "Link to this
    /// view" shares.
    pub fn link(&self) -> String {
        self.link_in(self.display.lang)
    }

    /// The session's link in `lang` (the language switch's link is in the other language).
    pub fn link_in(&self, lang: Lang) -> String {
        let Some((story, index)) = &self.story else {
            return in_lang(self.state.to_query(), lang);
        };
        let mut link = form_urlencoded::Serializer::new(String::new());
        link.extend_pairs(story.to_pairs());
        link.append_pair(Setting::Step.name(), &(index + 1).to_string());
        let mut link = link.finish();
        if story.steps.get(*index).map(Step::state).as_ref() != Some(&self.state) {
            link.push('&');
            link.push_str(&self.state.to_query());
        }
        in_lang(link, lang)
    }

    /// The open story's current step, while a story is open and the reader is in its view.
    pub fn step(&self) -> Option<(&Story, usize, &Step)> {
        let (story, index) = self.story.as_ref()?;
        let step = story.steps.get(*index)?;
        (step.state().view() == self.state.view()).then_some((story, *index, step))
    }

    /// The step of the story the reader stepped away from to another view, which "Back to the
    /// story" returns to (1-based), if they did.
    pub fn away_from_step(&self) -> Option<usize> {
        let (_, index) = self.story.as_ref()?;
        self.step().is_none().then_some(index + 1)
    }

    /// Checks the reader's answer to the question of the step shown, and keeps the try.
    fn answer(&mut self, typed: &str) -> Result<(), String> {
        let Some((_, index, step)) = self.step() else {
            return Err(
                "There is no question to answer here: open a story's step that asks one.".into(),
            );
        };
        let expected = step
            .question
            .as_ref()
            .and_then(|question| question.answer(Lookup::paper()).expected())
            .ok_or("This step asks no question whose answer can be computed.")?;
        let last = expected.check(typed);
        let at = match self.answers.iter().position(|tries| tries.step == index) {
            Some(at) => at,
            None => {
                self.answers.push(Tries {
                    step: index,
                    tries: 0,
                    right: false,
                    last: Err(String::new()),
                });
                self.answers.len() - 1
            }
        };
        let tries = &mut self.answers[at];
        if let Ok(reading) = &last {
            tries.tries += 1;
            tries.right |= reading.right;
        }
        tries.last = last;
        Ok(())
    }

    /// The reader's tries at the question of the step shown, if they made any.
    pub fn tries(&self) -> Option<&Tries> {
        let (_, index, _) = self.step()?;
        self.answers.iter().find(|tries| tries.step == index)
    }

    /// The score in the open story, when it asks any question.
    pub fn score(&self) -> Option<Score> {
        let (story, _) = self.story.as_ref()?;
        let questions = story
            .steps
            .iter()
            .filter(|step| step.question.is_some())
            .count();
        let tried = self.answers.iter().filter(|tries| tries.tries > 0);
        (questions > 0).then(|| Score {
            questions,
            answered: tried.clone().count(),
            right: tried.clone().filter(|tries| tries.right).count(),
            tries: tried.map(|tries| tries.tries).sum(),
        })
    }

    /// The record of the last try at the question of the step shown, when it was readable,
    /// checked at `timestamp` (the page's clock, which the core cannot read).
    pub fn answer_record(&self, timestamp: &str) -> Option<Record> {
        let (story, index, step) = self.step()?;
        let question = step.question.as_ref()?;
        let tries = self.tries()?;
        let reading = tries.last.as_ref().ok()?;
        let expected = question.answer(Lookup::paper()).expected()?;
        Some(Record::new(
            format!("{}/step-{}", story.id, index + 1),
            &question.text,
            &expected,
            reading,
            tries.tries,
            timestamp,
        ))
    }

    /// Stores the current view's choices for when the reader comes back to it.
    fn remember(&mut self) {
        let view = self.state.view();
        self.memory.retain(|state| state.view() != view);
        self.memory.push(self.state.clone());
    }

    /// Shows step `index` of the open story.
    fn go_to_step(&mut self, index: usize) -> Result<(), String> {
        let Some((story, current)) = &mut self.story else {
            return Err("No story is open: open one first.".into());
        };
        let Some(step) = story.steps.get(index) else {
            return Err(format!("The story has steps 1 to {}.", story.steps.len()));
        };
        let state = step.state();
        *current = index;
        if state.view() != self.state.view() {
            self.remember();
        }
        self.state = state;
        Ok(())
    }

    /// The open story, as a story of the teacher's own that can be changed: the built-in one
    /// is copied first, and a new one is started when none is open.
    fn own_story(&mut self) -> &mut (Story, usize) {
        match &mut self.story {
            Some((story, _)) if story.id == BUILT_IN => {
                story.id = OWN;
                story.title = format!("{} (my version)", story.title);
            }
            Some(_) => {}
            None => self.story = Some((Story::own(""), 0)),
        }
        self.story.as_mut().expect("a story was just opened")
    }

    /// Handles one event: a story move, a story edit, a change of view (which remembers the
    /// one left), "Show in…" and dismissing what it shows, a display switch, or anything
    /// [`State::apply`] takes. The session is left unchanged when the event is refused, as it
    /// is when the view is locked ([`Session::locked_refusal`]).
    pub fn apply(&mut self, event: Event) -> Result<(), String> {
        if let Some(refusal) = self.locked_refusal(&event) {
            return Err(refusal);
        }
        let applied = self.apply_event(event);
        // The finding's title belongs to the view its button opened.
        if matches!(&self.focus, Some(focus) if focus.view != self.state.view()) {
            self.focus = None;
        }
        applied
    }

    /// The lock rules: a locked embed shows one view, so it refuses the events that would
    /// leave it (a tab, "Show in…") and those of stories; everything else is allowed.
    pub fn locked_refusal(&self, event: &Event) -> Option<String> {
        if !self.display.lock {
            return None;
        }
        if event.is_story_event() {
            return Some("This embedded view is locked: open the explorer on its own to walk through or build a story.".to_string());
        }
        matches!(event, Event::View(_) | Event::Goto(_)).then(|| self.locked_to_view())
    }

    /// Why a locked embed stays in its view.
    pub fn locked_to_view(&self) -> String {
        format!(
            "This embedded view shows {} only; open the explorer on its own to see the others.",
            self.state.view().label()
        )
    }

    fn apply_event(&mut self, event: Event) -> Result<(), String> {
        let open_index = self.story.as_ref().map(|(_, index)| *index);
        let last = self
            .story
            .as_ref()
            .map_or(0, |(story, _)| story.steps.len().saturating_sub(1));
        match event {
            Event::StoryOpen(id) if id == BUILT_IN => {
                self.remember();
                self.story = Some((Story::built_in(), 0));
                self.answers.clear();
                self.go_to_step(0)
            }
            Event::StoryOpen(id) => Err(format!(
                "There is no story called '{}'; the built-in story is '{BUILT_IN}'.",
                quoted(&id)
            )),
            Event::StoryMove(StoryMove::Next) => {
                self.go_to_step(open_index.map_or(0, |index| (index + 1).min(last)))
            }
            Event::StoryMove(StoryMove::Prev) => {
                self.go_to_step(open_index.map_or(0, |index| index.saturating_sub(1)))
            }
            Event::StoryMove(StoryMove::First) => self.go_to_step(0),
            Event::StoryMove(StoryMove::Last) => self.go_to_step(last),
            Event::StoryGo(number) => self.go_to_step(number.saturating_sub(1)),
            Event::StoryLeave => {
                self.story = None;
                self.answers.clear();
                Ok(())
            }
            Event::StoryReturn => match open_index {
                Some(index) => self.go_to_step(index),
                None => Err("There is no story to go back to.".into()),
            },
            Event::StoryAdd if last + 1 >= MOST_STEPS && self.story.is_some() => Err(format!(
                "A story holds at most {MOST_STEPS} steps, and this one has {MOST_STEPS}: delete a step before adding this view."
            )),
            Event::StoryAdd => {
                let state = self.state.clone();
                let title = view::plot(&state)
                    .map(|plot| plot.title)
                    .unwrap_or_else(|| state.view().label().to_string());
                let (story, index) = self.own_story();
                let at = if story.steps.is_empty() {
                    0
                } else {
                    *index + 1
                };
                story.steps.insert(at, Step::showing(&state, &title));
                *index = at;
                self.answers.clear();
                Ok(())
            }
            Event::StoryTitle(text) => {
                let title = Story::checked_title(&text)?;
                let (story, _) = self.own_story();
                story.title = title;
                Ok(())
            }
            Event::StepEdit(number, edit) => self.edit_step(number, edit),
            Event::Answer(typed) => self.answer(&typed),
            Event::Keys(on) => {
                self.display.keys = on;
                Ok(())
            }
            Event::WorksheetPaper(paper) => {
                self.printing.paper = paper;
                Ok(())
            }
            Event::WorksheetKey(on) => {
                self.printing.answer_key = on;
                Ok(())
            }
            Event::Goto(key) => {
                let target = Target::read(&key)?;
                if target.state.view() != self.state.view() {
                    self.remember();
                }
                self.focus = Some(Focus {
                    title: target.title,
                    view: target.state.view(),
                    named: target.named,
                    charted: target.charted,
                    with_values: target.state.outlines().len(),
                });
                self.state = target.state;
                Ok(())
            }
            Event::FocusDismiss => {
                self.focus = None;
                Ok(())
            }
            Event::View(view) => {
                if view != self.state.view() {
                    self.remember();
                    self.state = self
                        .memory
                        .iter()
                        .find(|state| state.view() == view)
                        .cloned()
                        .unwrap_or_else(|| State::for_view(view));
                }
                Ok(())
            }
            event => {
                let mut state = self.state.clone();
                state.apply(event)?;
                self.state = state;
                Ok(())
            }
        }
    }

    /// Changes one step of the teacher's story: its title or caption, its place, or whether
    /// it is there at all.
    fn edit_step(&mut self, number: usize, edit: StepEdit) -> Result<(), String> {
        let count = self
            .story
            .as_ref()
            .map_or(0, |(story, _)| story.steps.len());
        if number < 1 || number > count {
            return Err(format!("The story has no step {number}."));
        }
        let at = number - 1;
        if let StepEdit::Title(text) | StepEdit::Caption(text) = &edit {
            // Checked on a copy first: a refused text must not turn the built-in story into
            // the teacher's own.
            let Some(mut step) = self
                .story
                .as_ref()
                .map(|(story, _)| story.steps[at].clone())
            else {
                return Err(format!("The story has no step {number}."));
            };
            if matches!(edit, StepEdit::Title(_)) {
                step.set_title(text)?;
            } else {
                step.set_caption(text)?;
            }
            self.own_story().0.steps[at] = step;
            return Ok(());
        }
        // The steps move: tries kept by step would belong to other questions.
        self.answers.clear();
        let (story, index) = self.own_story();
        match edit {
            StepEdit::Up if at > 0 => {
                story.steps.swap(at, at - 1);
                *index = at - 1;
            }
            StepEdit::Down if at + 1 < story.steps.len() => {
                story.steps.swap(at, at + 1);
                *index = at + 1;
            }
            StepEdit::Delete => {
                story.steps.remove(at);
                if story.steps.is_empty() {
                    self.story = None;
                    return Ok(());
                }
                *index = (*index).min(story.steps.len() - 1);
                let index = *index;
                return self.go_to_step(index);
            }
            _ => {}
        }
        Ok(())
    }

    /// What a key pressed outside form fields does. `shortcuts` says whether single-character
    /// keys (1–7, P) may act: always in presentation and story mode, otherwise only while the
    /// focus is in the chart or after the reader turned them on (WCAG 2.1.4).
    pub fn key_action(&self, key: &str, in_chart: bool) -> Option<KeyAction> {
        let event = |event| Some(KeyAction::Event(event));
        if self.step().is_some() && !self.display.lock {
            return match key {
                "ArrowRight" | " " | "PageDown" => event(Event::StoryMove(StoryMove::Next)),
                "ArrowLeft" | "PageUp" => event(Event::StoryMove(StoryMove::Prev)),
                "Home" => event(Event::StoryMove(StoryMove::First)),
                "End" => event(Event::StoryMove(StoryMove::Last)),
                "Escape" => event(Event::StoryLeave),
                _ => None,
            };
        }
        // A presenter who left the story's view (a tab, to answer a question) goes back to
        // the step with the remote's keys, the only ones it has.
        let away = self.story.is_some() && !self.display.lock;
        let shortcuts = self.display.present || self.display.keys || in_chart;
        match key {
            "PageDown" | "PageUp" if self.display.present && away => event(Event::StoryReturn),
            "PageDown" if self.display.present => event(Event::Step(Direction::Next)),
            "PageUp" if self.display.present => event(Event::Step(Direction::Prev)),
            "p" | "P" if shortcuts => Some(KeyAction::Play),
            "ArrowRight" | "ArrowLeft" => view::key_action(key).map(KeyAction::Event),
            _ if !shortcuts || self.display.lock => None,
            _ => view::key_action(key).map(KeyAction::Event),
        }
    }
}

/// A link with a language added, unless it is English, which links leave unsaid.
fn in_lang(link: String, lang: Lang) -> String {
    match lang.link_pair() {
        Some(pair) => format!("{link}&{pair}"),
        None => link,
    }
}
