//! The core of the public script API (`ICTExplorer.getState` and `setState`, in the page and
//! over `postMessage`): the state as a plain object that uses the link's names and values, and
//! changes to it that are validated whole before any of them takes effect.
//!
//! Everything a script sends is untrusted, so values arrive as a [`Value`] of any shape and
//! every wrong name, type or id becomes a message that says what to send instead.

use crate::notice::quoted;
use crate::session::Session;
use crate::story::{BUILT_IN, OWN};
use crate::view::{self, State, ViewId};
use serde::Serialize;

/// A value a script sent, of whatever type it had.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null` or `undefined`: leaves that part of the state as it is.
    Absent,
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<Value>),
    /// Anything else (an object, a function …), by a description of its type.
    Other(&'static str),
}

impl Value {
    /// How a message names the type of a value that was not what it should be.
    fn kind(&self) -> &'static str {
        match self {
            Value::Absent => "empty",
            Value::Bool(_) => "true or false",
            Value::Number(_) => "a number",
            Value::Text(_) => "a string",
            Value::List(_) => "a list",
            Value::Other(kind) => kind,
        }
    }
}

/// The names of a view's state in `setState`, in the order they are applied: the view first (it
/// resets everything else), then what decides which chart kinds and series are on offer.
pub const KEYS: [&str; 12] = [
    "view",
    "topic",
    "measure",
    "transform",
    "chart",
    "series",
    "years",
    "measures",
    "base",
    "from",
    "to",
    "log",
];

/// The names of a story in `setState`, applied before the view's.
pub const STORY_KEYS: [&str; 2] = ["story", "step"];

/// The state as scripts see it. Parts that do not apply to the view are `null`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Snapshot {
    /// The open story's id, or `null`.
    pub story: Option<&'static str>,
    /// The step shown, from 1, while a story is open.
    pub step: Option<usize>,
    pub view: &'static str,
    pub topic: Option<&'static str>,
    pub measure: Option<&'static str>,
    pub transform: Option<&'static str>,
    pub chart: Option<&'static str>,
    /// The series switched on, among those the view offers now.
    pub series: Vec<String>,
    /// The years switched on (every view with years).
    pub years: Option<Vec<u16>>,
    /// The measures switched on (the R&D view, which compares two branches instead of years).
    pub measures: Option<Vec<String>>,
    pub base: Option<u16>,
    pub from: Option<u16>,
    pub to: Option<u16>,
    pub log: Option<bool>,
}

impl Snapshot {
    pub fn of(state: &State) -> Snapshot {
        let view = state.view;
        let has_years = !state.years().is_empty();
        let year = |year: u16| has_years.then_some(year);
        Snapshot {
            story: None,
            step: None,
            view: view.id(),
            topic: (view == ViewId::Highlights).then(|| state.topic().id),
            measure: (!view::measures(view).is_empty()).then(|| state.measure().id),
            transform: (view::transforms(view).len() > 1).then(|| state.transform.id()),
            chart: (!view::chart_kinds(state).is_empty()).then(|| state.chart.id()),
            series: state
                .offered_series()
                .into_iter()
                .filter(|(id, _)| state.shows_series(id))
                .map(|(id, _)| id.to_string())
                .collect(),
            years: has_years.then(|| {
                state
                    .categories
                    .iter()
                    .filter_map(|id| id.parse().ok())
                    .collect()
            }),
            measures: (view == ViewId::Rd).then(|| state.categories.clone()),
            base: year(state.base_year),
            from: year(state.from_year),
            to: year(state.to_year),
            log: (view == ViewId::Fdi).then_some(state.log_scale),
        }
    }

    /// A session as scripts see it: its view, and its story and step while one is open.
    pub fn of_session(session: &Session) -> Snapshot {
        let mut snapshot = Snapshot::of(&session.state);
        if let Some((story, index, _)) = session.step() {
            snapshot.story = Some(story.id);
            snapshot.step = Some(index + 1);
        }
        snapshot
    }

    /// The snapshot as the changes that recreate it, as a script would send it back.
    pub fn to_changes(&self) -> Vec<(String, Value)> {
        let text = |value: Option<&str>| value.map_or(Value::Absent, |v| Value::Text(v.into()));
        let number = |value: Option<u16>| value.map_or(Value::Absent, |v| Value::Number(v.into()));
        let texts = |ids: &[String]| Value::List(ids.iter().cloned().map(Value::Text).collect());
        vec![
            ("story".into(), text(self.story)),
            (
                "step".into(),
                self.step
                    .map_or(Value::Absent, |step| Value::Number(step as f64)),
            ),
            ("view".into(), Value::Text(self.view.into())),
            ("topic".into(), text(self.topic)),
            ("measure".into(), text(self.measure)),
            ("transform".into(), text(self.transform)),
            ("chart".into(), text(self.chart)),
            ("series".into(), texts(&self.series)),
            (
                "years".into(),
                self.years.as_ref().map_or(Value::Absent, |years| {
                    Value::List(years.iter().map(|&y| Value::Number(y.into())).collect())
                }),
            ),
            (
                "measures".into(),
                self.measures.as_deref().map_or(Value::Absent, texts),
            ),
            ("base".into(), number(self.base)),
            ("from".into(), number(self.from)),
            ("to".into(), number(self.to)),
            ("log".into(), self.log.map_or(Value::Absent, Value::Bool)),
        ]
    }
}

/// A string the key must have.
fn text<'a>(key: &str, value: &'a Value) -> Result<&'a str, String> {
    match value {
        Value::Text(text) => Ok(text),
        other => Err(format!(
            "'{key}' must be a string such as '{}', not {}.",
            example(key),
            other.kind()
        )),
    }
}

/// An id as a string, or a year as a whole number or a string of digits.
fn id(key: &str, value: &Value) -> Result<String, String> {
    match value {
        Value::Text(text) => Ok(text.clone()),
        Value::Number(number) if number.fract() == 0.0 && number.abs() < 1e6 => {
            Ok(format!("{number:.0}"))
        }
        other => Err(format!(
            "'{key}' must hold ids such as '{}', not {}.",
            example(key),
            other.kind()
        )),
    }
}

/// A list of ids the key must have.
fn ids(key: &str, value: &Value) -> Result<Vec<String>, String> {
    match value {
        Value::List(items) => items.iter().map(|item| id(key, item)).collect(),
        other => Err(format!(
            "'{key}' must be a list such as ['{}'], not {}.",
            example(key),
            other.kind()
        )),
    }
}

/// An example value of a key, for messages.
fn example(key: &str) -> &'static str {
    match key {
        "view" => "fdi",
        "topic" => "exports",
        "measure" => "share_total_assets",
        "transform" => "index",
        "chart" => "line",
        "series" => "private",
        "measures" => "electronic_telecom",
        _ => "2003",
    }
}

/// The state after `changes`, all validated before any takes effect: the first problem is
/// returned as a message and the current state is left as it was. A `view` that differs from
/// the current one starts from that view's defaults; every other key changes only itself.
pub fn changed(current: &State, changes: &[(String, Value)]) -> Result<State, String> {
    // The story's keys belong to the session (see [`changed_session`]); a view passes them by.
    let known = |key: &str| KEYS.contains(&key) || STORY_KEYS.contains(&key);
    if let Some((key, _)) = changes.iter().find(|(key, _)| !known(key)) {
        return Err(format!(
            "There is no setting called '{}'; the settings are {}, {}.",
            quoted(key),
            STORY_KEYS.join(", "),
            KEYS.join(", ")
        ));
    }
    let given = |key: &str| {
        changes
            .iter()
            .find(|(name, value)| name == key && *value != Value::Absent)
            .map(|(_, value)| value)
    };
    let mut state = current.clone();
    if let Some(value) = given("view") {
        let id = text("view", value)?;
        let view = ViewId::from_id(id).ok_or_else(|| {
            format!(
                "There is no view called '{}'; the views are {}.",
                quoted(id),
                ViewId::ALL.map(ViewId::id).join(", ")
            )
        })?;
        if view != state.view {
            state = State::for_view(view);
        }
    }
    for key in ["topic", "measure", "transform", "chart"] {
        if let Some(value) = given(key) {
            state.apply(key, text(key, value)?, true)?;
        }
    }
    if let Some(value) = given("series") {
        let wanted = ids("series", value)?;
        state.apply("series-none", "", true)?;
        for id in wanted {
            state.apply("series", &id, true)?;
        }
    }
    let (categories, other) = if state.view == ViewId::Rd {
        ("measures", "years")
    } else {
        ("years", "measures")
    };
    if given(other).is_some() {
        return Err(format!(
            "The {} view has no '{other}' to choose; it has '{categories}'.",
            state.view.label()
        ));
    }
    if let Some(value) = given(categories) {
        let wanted = ids(categories, value)?;
        state.apply("category-none", "", true)?;
        for id in wanted {
            state.apply("category", &id, true)?;
        }
    }
    for key in ["base", "from", "to"] {
        if let Some(value) = given(key) {
            state.apply(key, &id(key, value)?, true)?;
        }
    }
    match given("log") {
        Some(Value::Bool(on)) => state.apply("log", "", *on)?,
        Some(other) => {
            return Err(format!(
                "'log' must be true or false, not {}.",
                other.kind()
            ))
        }
        None => {}
    }
    Ok(state)
}

/// The session after `changes`, validated whole like [`changed`]: first the story (`story`:
/// `'ning'` opens the built-in one, `false` leaves the open one; `step`: a step number from 1),
/// then the view's settings on top of the step's view.
pub fn changed_session(current: &Session, changes: &[(String, Value)]) -> Result<Session, String> {
    let (story_changes, view_changes): (Vec<_>, Vec<_>) = changes
        .iter()
        .cloned()
        .partition(|(key, _)| STORY_KEYS.contains(&key.as_str()));
    let mut session = current.clone();
    let given = |key: &str| {
        story_changes
            .iter()
            .find(|(name, value)| name == key && *value != Value::Absent)
            .map(|(_, value)| value)
    };
    match given("story") {
        Some(Value::Bool(false)) => session.apply("story-leave", "", true)?,
        Some(Value::Text(id)) if id == BUILT_IN => {
            let open = session.step().map(|(story, _, _)| story.id);
            if open != Some(BUILT_IN) {
                session.apply("story-open", BUILT_IN, true)?;
            }
        }
        Some(Value::Text(id)) if id == OWN && session.step().is_some_and(|(story, _, _)| story.id == OWN) => {}
        Some(other) => {
            return Err(format!(
                "'story' must be '{BUILT_IN}' (or the open story's id) to open a story, or false to leave it, not {}.",
                match other {
                    Value::Text(text) => format!("'{}'", quoted(text)),
                    other => other.kind().to_string(),
                }
            ))
        }
        None => {}
    }
    if let Some(value) = given("step") {
        session.apply("story-go", &id("step", value)?, true)?;
    }
    if !view_changes.is_empty() {
        session.state = changed(&session.state, &view_changes)?;
    }
    Ok(session)
}
