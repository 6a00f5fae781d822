//! The core of the public script API (`ICTExplorer.getState` and `setState`, in the page and
//! over `postMessage`): the state as a plain object that uses the link's names and values, and
//! changes to it that are validated whole before any of them takes effect.
//!
//! Everything a script sends is untrusted, so values arrive as a [`Value`] of any shape and
//! every wrong name, type or id becomes a message that says what to send instead.

use crate::lang::Lang;
use crate::notice::quoted;
use crate::session::Session;
use crate::story::{BUILT_IN, OWN};
use crate::view::{self, Control, Event, Setting, State, ViewId};
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

/// What `typeof` tells of a script's value: it runs none of the script's code, so it cannot
/// throw, whatever the value is (a Proxy included).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// `null` or `undefined`.
    Absent,
    Bool(bool),
    Number(f64),
    Text,
    Function,
    /// An object, an array or a Proxy of either (revoked or not).
    Object,
    /// A symbol or a BigInt.
    Other,
}

/// A script's value as the reading step sees it: every step that could run the script's code
/// (a getter, a Proxy's trap, `Array.isArray` on a revoked Proxy) returns a `Result`, whose
/// error is what the script threw (its message, untrusted), so that a script that throws gets a
/// message back instead of stopping the explorer. The browser reads
/// `JsValue`s through it (`web/api.rs`); the property tests read values modelled on every kind
/// of hostile object.
pub trait ScriptValue: Sized {
    /// What `typeof` says.
    fn kind(&self) -> Kind;
    /// A string's text, when the value is a string of at most `most` UTF-16 units.
    fn text(&self, most: usize) -> Option<String>;
    /// `Ok(Some(length))` for a list (an array, or a Proxy of one), `Ok(None)` for any other
    /// object, and an error when asking threw.
    fn list_length(&self) -> Result<Option<u32>, String>;
    /// The list's item at `index`.
    fn item(&self, index: u32) -> Result<Self, String>;
    /// The object's own keys, as a list (symbols among them).
    fn keys(&self) -> Result<Self, String>;
    /// The object's property `key`.
    fn field(&self, key: &str) -> Result<Self, String>;
    /// Whether the two are the same object (`Object.is`), to find a list that holds itself.
    fn same(&self, other: &Self) -> bool;
}

/// Lists longer than this are refused rather than read: no view has as many ids.
pub const LONGEST_LIST: u32 = 1_000;
/// Strings longer than this are refused rather than read: no id or setting is as long.
pub const LONGEST_TEXT: usize = 1_000;
/// An object with more keys than this is refused before any key is read: there are only
/// [`Setting::SCRIPT_VIEW`] and [`Setting::SCRIPT_STORY`] to set.
pub const MOST_KEYS: u32 = 64;

/// Reads the settings object of `setState` into names and [`Value`]s, never deeper than a list
/// of scalars (no setting needs more), so that a list holding itself or nested thousands deep
/// is read in a few steps; a value that throws while it is read is refused with a message.
pub fn read_settings<V: ScriptValue>(settings: &V) -> Result<Vec<(String, Value)>, String> {
    let example = "setState needs an object such as {view: 'fdi', chart: 'line'}";
    let refuse = |what: &str| Err(format!("{example}, not {what}."));
    match settings.kind() {
        Kind::Object => {}
        Kind::Absent => return refuse("nothing"),
        Kind::Function => return refuse("a function"),
        _ => return refuse("a single value"),
    }
    let unreadable = |thrown: String| {
        format!(
            "setState could not read the settings it was sent: {}",
            threw(&thrown)
        )
    };
    if settings.list_length().map_err(unreadable)?.is_some() {
        return refuse("a list");
    }
    let keys = settings.keys().map_err(unreadable)?;
    let count = keys.list_length().map_err(unreadable)?.unwrap_or(0);
    let most = (Setting::SCRIPT_VIEW.len()
        + Setting::SCRIPT_STORY.len()
        + Setting::SCRIPT_PAGE.len()) as u32;
    if count > MOST_KEYS {
        return Err(format!(
            "setState was sent {count} settings; there are only {most}."
        ));
    }
    let mut changes = Vec::new();
    for index in 0..count {
        let key = keys.item(index).map_err(unreadable)?;
        // Symbols name no setting, and Object.entries, which scripts know, skips them too.
        if key.kind() != Kind::Text {
            continue;
        }
        let Some(name) = key.text(LONGEST_TEXT) else {
            return Err(
                "setState was sent a setting whose name is far longer than any setting's.".into(),
            );
        };
        let value = settings
            .field(&name)
            .and_then(|value| read_value(&value, None))
            .map_err(|thrown| {
                format!(
                    "setState could not read '{}' in the settings it was sent: {}",
                    quoted(&name),
                    threw(&thrown)
                )
            })?;
        changes.push((name, value));
    }
    Ok(changes)
}

/// What a script threw while its value was read, as a notice may repeat it.
fn threw(thrown: &str) -> String {
    let message = quoted(thrown);
    if message.is_empty() {
        "reading it threw an error.".to_string()
    } else {
        format!("reading it threw an error ('{message}').")
    }
}

/// Reads one setting's value: a scalar, or (when `within` is `None`) a list of scalars; a list
/// inside that list is described, never read.
fn read_value<V: ScriptValue>(value: &V, within: Option<&V>) -> Result<Value, String> {
    Ok(match value.kind() {
        Kind::Absent => Value::Absent,
        Kind::Bool(on) => Value::Bool(on),
        Kind::Number(number) => Value::Number(number),
        Kind::Text => match value.text(LONGEST_TEXT) {
            Some(text) => Value::Text(text),
            None => Value::Other("a string far longer than any id"),
        },
        Kind::Function => Value::Other("a function"),
        Kind::Other => Value::Other("a value of another type"),
        Kind::Object => match (value.list_length()?, within) {
            (None, _) => Value::Other("an object"),
            (Some(_), Some(list)) if value.same(list) => Value::Other("a list that holds itself"),
            (Some(_), Some(_)) => Value::Other("a list inside a list"),
            (Some(length), None) if length > LONGEST_LIST => {
                Value::Other("a list far longer than any view's")
            }
            (Some(length), None) => Value::List(
                (0..length)
                    .map(|index| read_value(&value.item(index)?, Some(value)))
                    .collect::<Result<_, _>>()?,
            ),
        },
    })
}

/// The state as scripts see it. Parts that do not apply to the view are `null`. Its fields
/// are named as the settings are ([`Setting::name`]): `tests/vocabulary.rs` holds them to it
/// (a derived serializer costs the WebAssembly less than one that looks the names up).
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
    /// The page's language (`en` or `zh`).
    pub lang: &'static str,
}

impl Snapshot {
    pub fn of(state: &State) -> Snapshot {
        let view = state.view();
        let has_years = !state.years().is_empty();
        let year = |year: u16| has_years.then_some(year);
        Snapshot {
            story: None,
            step: None,
            view: view.id(),
            topic: (view == ViewId::Trade).then(|| state.topic().id),
            measure: (!view::measures(view).is_empty()).then(|| state.measure().id),
            transform: (view::transforms(view).len() > 1).then(|| state.transform().id()),
            chart: (!view::chart_kinds(state).is_empty()).then(|| state.chart().id()),
            series: state
                .offered_series()
                .into_iter()
                .filter(|(id, _)| state.shows_series(id))
                .map(|(id, _)| id.to_string())
                .collect(),
            years: has_years.then(|| {
                state
                    .categories()
                    .iter()
                    .filter_map(|id| id.parse().ok())
                    .collect()
            }),
            measures: (view == ViewId::Rd).then(|| state.categories().to_vec()),
            base: year(state.base_year()),
            from: year(state.from_year()),
            to: year(state.to_year()),
            log: (view == ViewId::Fdi).then_some(state.log_scale()),
            lang: Lang::En.code(),
        }
    }

    /// A session as scripts see it: its view, and its story and step while one is open.
    pub fn of_session(session: &Session) -> Snapshot {
        let mut snapshot = Snapshot::of(&session.state);
        snapshot.lang = session.display.lang.code();
        if let Some((story, index, _)) = session.step() {
            snapshot.story = Some(story.id);
            snapshot.step = Some(index + 1);
        }
        snapshot
    }

    /// The snapshot as the changes that recreate it, as a script would send it back: every
    /// setting of the script API, in its order.
    pub fn to_changes(&self) -> Vec<(String, Value)> {
        let text = |value: Option<&str>| value.map_or(Value::Absent, |v| Value::Text(v.into()));
        let number = |value: Option<u16>| value.map_or(Value::Absent, |v| Value::Number(v.into()));
        let texts = |ids: &[String]| Value::List(ids.iter().cloned().map(Value::Text).collect());
        Setting::SCRIPT_STORY
            .into_iter()
            .chain(Setting::SCRIPT_PAGE)
            .chain(Setting::SCRIPT_VIEW)
            .map(|setting| {
                let value = match setting {
                    Setting::Story => text(self.story),
                    Setting::Step => self
                        .step
                        .map_or(Value::Absent, |step| Value::Number(step as f64)),
                    Setting::View => Value::Text(self.view.into()),
                    Setting::Topic => text(self.topic),
                    Setting::Measure => text(self.measure),
                    Setting::Transform => text(self.transform),
                    Setting::Chart => text(self.chart),
                    Setting::Series => texts(&self.series),
                    Setting::Years => self.years.as_ref().map_or(Value::Absent, |years| {
                        Value::List(years.iter().map(|&y| Value::Number(y.into())).collect())
                    }),
                    Setting::Measures => self.measures.as_deref().map_or(Value::Absent, texts),
                    Setting::Base => number(self.base),
                    Setting::From => number(self.from),
                    Setting::To => number(self.to),
                    Setting::Log => self.log.map_or(Value::Absent, Value::Bool),
                    Setting::Lang => Value::Text(self.lang.into()),
                    // Links alone hold Play and the lecturer's additions.
                    _ => Value::Absent,
                };
                (setting.name().to_string(), value)
            })
            .collect()
    }
}

/// A string the key must have.
fn text(key: Setting, value: &Value) -> Result<&str, String> {
    match value {
        Value::Text(text) => Ok(text),
        other => Err(format!(
            "'{}' must be a string such as '{}', not {}.",
            key.name(),
            example(key),
            other.kind()
        )),
    }
}

/// An id as a string, or a year as a whole number or a string of digits.
fn id(key: Setting, value: &Value) -> Result<String, String> {
    match value {
        Value::Text(text) => Ok(text.clone()),
        Value::Number(number) if number.fract() == 0.0 && number.abs() < 1e6 => {
            Ok(format!("{number:.0}"))
        }
        other => Err(format!(
            "'{}' must hold ids such as '{}', not {}.",
            key.name(),
            example(key),
            other.kind()
        )),
    }
}

/// A list of ids the key must have.
fn ids(key: Setting, value: &Value) -> Result<Vec<String>, String> {
    match value {
        Value::List(items) => items.iter().map(|item| id(key, item)).collect(),
        other => Err(format!(
            "'{}' must be a list such as ['{}'], not {}.",
            key.name(),
            example(key),
            other.kind()
        )),
    }
}

/// An example value of a key, for messages.
fn example(key: Setting) -> &'static str {
    match key {
        Setting::View => "fdi",
        Setting::Topic => "exports",
        Setting::Measure => "share_total_assets",
        Setting::Transform => "index",
        Setting::Chart => "line",
        Setting::Series => "private",
        Setting::Measures => "electronic_telecom",
        _ => "2003",
    }
}

/// The settings a script sent, each known by name, with the value given (a value left empty
/// leaves its setting as it is); an unknown name is refused with the list of the known ones.
fn known_settings(changes: &[(String, Value)]) -> Result<Vec<(Setting, &Value)>, String> {
    let mut known = Vec::new();
    for (key, value) in changes {
        let Some(setting) = Setting::for_script(key) else {
            let names = |settings: &[Setting]| {
                settings
                    .iter()
                    .map(|setting| setting.name())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            return Err(format!(
                "There is no setting called '{}'; the settings are {}, {}, {}.",
                quoted(key),
                names(&Setting::SCRIPT_STORY),
                names(&Setting::SCRIPT_PAGE),
                names(&Setting::SCRIPT_VIEW)
            ));
        };
        if *value != Value::Absent {
            known.push((setting, value));
        }
    }
    Ok(known)
}

/// The state after `changes`, all validated before any takes effect: the first problem is
/// returned as a message and the current state is left as it was. A `view` that differs from
/// the current one starts from that view's defaults; every other key changes only itself.
pub fn changed(current: &State, changes: &[(String, Value)]) -> Result<State, String> {
    // The story's settings belong to the session (see [`changed_session`]); a view passes them by.
    let known = known_settings(changes)?;
    let given = |key: Setting| {
        known
            .iter()
            .find(|(setting, _)| *setting == key)
            .map(|(_, value)| *value)
    };
    let mut state = current.clone();
    if let Some(value) = given(Setting::View) {
        let id = text(Setting::View, value)?;
        let view = ViewId::from_id(id).ok_or_else(|| {
            format!(
                "There is no view called '{}'; the views are {}.",
                quoted(id),
                ViewId::ALL.map(ViewId::id).join(", ")
            )
        })?;
        state.apply(Event::View(view))?;
    }
    for (key, control) in [
        (Setting::Topic, Control::Topic),
        (Setting::Measure, Control::Measure),
        (Setting::Transform, Control::Transform),
        (Setting::Chart, Control::Chart),
    ] {
        if let Some(value) = given(key) {
            state.apply(Event::of(control, text(key, value)?, true)?)?;
        }
    }
    if let Some(value) = given(Setting::Series) {
        let wanted = ids(Setting::Series, value)?;
        state.apply(Event::SeriesNone)?;
        for id in wanted {
            state.apply(Event::Series { id, on: true })?;
        }
    }
    let categories = state.categories_setting();
    let other = if categories == Setting::Years {
        Setting::Measures
    } else {
        Setting::Years
    };
    if given(other).is_some() {
        return Err(format!(
            "The {} view has no '{}' to choose; it has '{}'.",
            state.view().label(),
            other.name(),
            categories.name()
        ));
    }
    if let Some(value) = given(categories) {
        let wanted = ids(categories, value)?;
        state.apply(Event::CategoryNone)?;
        for id in wanted {
            state.apply(Event::Category { id, on: true })?;
        }
    }
    for (key, control) in [
        (Setting::Base, Control::Base),
        (Setting::From, Control::From),
        (Setting::To, Control::To),
    ] {
        if let Some(value) = given(key) {
            state.apply(Event::of(control, &id(key, value)?, true)?)?;
        }
    }
    match given(Setting::Log) {
        Some(Value::Bool(on)) => state.apply(Event::Log(*on))?,
        Some(other) => {
            return Err(format!(
                "'{}' must be true or false, not {}.",
                Setting::Log.name(),
                other.kind()
            ))
        }
        None => {}
    }
    Ok(state)
}

/// The session after `changes`, validated whole like [`changed`]: first the story (`story`:
/// `'ning'` opens the built-in one, `false` leaves the open one; `step`: a step number from 1),
/// then the view's settings on top of the step's view. A `view` other than the step's leaves
/// the story's step, as a tab does (see [`Session::step`]): no caption stays above another
/// view's chart. A locked embed refuses a change that leaves its view or opens or leaves a
/// story, as a whole.
pub fn changed_session(current: &Session, changes: &[(String, Value)]) -> Result<Session, String> {
    if current.display.lock {
        // A locked embed's script may change what its view shows, but not leave the view nor
        // open or leave a story: the change is worked out as if unlocked, then held to that.
        let mut unlocked = current.clone();
        unlocked.display.lock = false;
        let mut session = changed_session(&unlocked, changes)?;
        if session.state.view() != current.state.view()
            || session.story.is_some() != current.story.is_some()
        {
            return Err(current.locked_to_view());
        }
        session.display.lock = true;
        return Ok(session);
    }
    let (story_changes, view_changes): (Vec<_>, Vec<_>) =
        changes.iter().cloned().partition(|(key, _)| {
            Setting::SCRIPT_STORY
                .iter()
                .any(|story| story.name() == key)
        });
    let asked_lang = view_changes
        .iter()
        .find(|(key, value)| key == Setting::Lang.name() && *value != Value::Absent);
    if let Some((_, value)) = asked_lang {
        let code = text(Setting::Lang, value)?;
        if code != current.display.lang.code() {
            return Err(match Lang::from_code(code) {
                Some(lang) => format!(
                    "The language is chosen when the page opens, not by a script: open its link with lang={} (the switch in its header does that).",
                    lang.code()
                ),
                None => format!(
                    "There is no language '{}': the explorer speaks lang=en and lang=zh, chosen when the page opens.",
                    quoted(code)
                ),
            });
        }
    }
    let mut session = current.clone();
    let given = |key: Setting| {
        story_changes
            .iter()
            .find(|(name, value)| name == key.name() && *value != Value::Absent)
            .map(|(_, value)| value)
    };
    // The story kept while the reader looks at another view counts as open: naming it again
    // goes back to its step.
    let open = session.story.as_ref().map(|(story, _)| story.id);
    let back_to_story = |session: &mut Session| match session.away_from_step() {
        Some(_) => session.apply(Event::StoryReturn),
        None => Ok(()),
    };
    match given(Setting::Story) {
        Some(Value::Bool(false)) => session.apply(Event::StoryLeave)?,
        Some(Value::Text(id)) if id == BUILT_IN && open == Some(BUILT_IN) => {
            back_to_story(&mut session)?
        }
        Some(Value::Text(id)) if id == BUILT_IN => {
            session.apply(Event::StoryOpen(BUILT_IN.to_string()))?
        }
        Some(Value::Text(id)) if id == OWN && open == Some(OWN) => back_to_story(&mut session)?,
        Some(other) => {
            return Err(format!(
                "'{}' must be '{BUILT_IN}' (or the open story's id) to open a story, or false to leave it, not {}.",
                Setting::Story.name(),
                match other {
                    Value::Text(text) => format!("'{}'", quoted(text)),
                    other => other.kind().to_string(),
                }
            ))
        }
        None => {}
    }
    if let Some(value) = given(Setting::Step) {
        session.apply(Event::of(
            Control::StoryGo,
            &id(Setting::Step, value)?,
            true,
        )?)?;
    }
    if !view_changes.is_empty() {
        session.state = changed(&session.state, &view_changes)?;
    }
    Ok(session)
}
