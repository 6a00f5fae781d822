//! What a script sends to `setState`, read by `api::read_settings` through the same calls the
//! browser makes, modelled here on every kind of value a page can hand over: getters and Proxy
//! traps that throw, revoked Proxies, lists that hold themselves and lists nested thousands
//! deep. Whatever it is, reading it ends, in a few steps, with settings or a short message.

use super::*;
use ict_explorer::api::{Kind, ScriptValue, LONGEST_LIST, MOST_KEYS};
use ict_explorer::session::Session;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

thread_local! {
    /// How many calls the reading made into the script's values, to show the reading is bounded.
    static CALLS: Cell<usize> = const { Cell::new(0) };
}

fn count_call() {
    CALLS.with(|calls| calls.set(calls.get() + 1));
}

/// A script's value, as the browser would hand it over.
#[derive(Clone)]
pub enum Js {
    Absent,
    Bool(bool),
    Number(f64),
    Text(String),
    Function,
    Symbol,
    /// A plain object: its own keys (a `None` key is a symbol) and what reading each gives.
    Object(Rc<Vec<(Option<String>, Js)>>),
    /// An array, which may come to hold itself.
    List(Rc<RefCell<Vec<Js>>>),
    /// A getter (as an object's property or an array's item) that throws this message.
    Getter(String),
    /// A Proxy whose every trap throws; of an array when `true` (`Array.isArray` says so
    /// without asking the Proxy).
    Trapped(bool, String),
    /// A revoked Proxy, on which even `Array.isArray` throws.
    Revoked,
}

impl std::fmt::Debug for Js {
    /// Short, and never following a list into itself.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Js::Absent => write!(f, "undefined"),
            Js::Bool(on) => write!(f, "{on}"),
            Js::Number(number) => write!(f, "{number}"),
            Js::Text(text) => write!(f, "{text:?}"),
            Js::Function => write!(f, "function"),
            Js::Symbol => write!(f, "Symbol()"),
            Js::Object(fields) => {
                let keys: Vec<String> = fields
                    .iter()
                    .map(|(key, value)| match (key, value) {
                        (Some(key), Js::List(_) | Js::Object(_)) => format!("{key:?}: …"),
                        (Some(key), value) => format!("{key:?}: {value:?}"),
                        (None, _) => "[Symbol()]: …".to_string(),
                    })
                    .collect();
                write!(f, "{{{}}}", keys.join(", "))
            }
            Js::List(items) => write!(f, "[… {} items]", items.borrow().len()),
            Js::Getter(message) => write!(f, "get () {{ throw {message:?} }}"),
            Js::Trapped(list, message) => write!(f, "Proxy(list: {list}, throws {message:?})"),
            Js::Revoked => write!(f, "revoked Proxy"),
        }
    }
}

impl ScriptValue for Js {
    fn kind(&self) -> Kind {
        count_call();
        match self {
            Js::Absent => Kind::Absent,
            Js::Bool(on) => Kind::Bool(*on),
            Js::Number(number) => Kind::Number(*number),
            Js::Text(_) => Kind::Text,
            Js::Function => Kind::Function,
            Js::Symbol => Kind::Other,
            _ => Kind::Object,
        }
    }

    fn text(&self, most: usize) -> Option<String> {
        count_call();
        match self {
            Js::Text(text) if text.encode_utf16().count() <= most => Some(text.clone()),
            _ => None,
        }
    }

    fn list_length(&self) -> Result<Option<u32>, String> {
        count_call();
        match self {
            Js::List(items) => Ok(Some(items.borrow().len() as u32)),
            Js::Trapped(true, message) => Err(message.clone()),
            Js::Revoked => Err("Cannot perform 'IsArray' on a proxy that has been revoked".into()),
            _ => Ok(None),
        }
    }

    fn item(&self, index: u32) -> Result<Js, String> {
        count_call();
        match self {
            Js::List(items) => match items.borrow().get(index as usize) {
                Some(Js::Getter(message)) => Err(message.clone()),
                Some(item) => Ok(item.clone()),
                None => Ok(Js::Absent),
            },
            Js::Trapped(_, message) => Err(message.clone()),
            Js::Revoked => Err("revoked".into()),
            _ => Ok(Js::Absent),
        }
    }

    fn keys(&self) -> Result<Js, String> {
        count_call();
        let keys = |keys: Vec<Js>| Ok(Js::List(Rc::new(RefCell::new(keys))));
        match self {
            Js::Object(fields) => keys(
                fields
                    .iter()
                    .map(|(key, _)| key.clone().map_or(Js::Symbol, Js::Text))
                    .collect(),
            ),
            Js::List(items) => keys(
                (0..items.borrow().len())
                    .map(|index| Js::Text(index.to_string()))
                    .chain([Js::Text("length".into())])
                    .collect(),
            ),
            Js::Trapped(_, message) => Err(message.clone()),
            Js::Revoked => Err("revoked".into()),
            _ => keys(Vec::new()),
        }
    }

    fn field(&self, key: &str) -> Result<Js, String> {
        count_call();
        match self {
            Js::Object(fields) => {
                match fields.iter().find(|(name, _)| name.as_deref() == Some(key)) {
                    Some((_, Js::Getter(message))) => Err(message.clone()),
                    Some((_, value)) => Ok(value.clone()),
                    None => Ok(Js::Absent),
                }
            }
            Js::Trapped(_, message) => Err(message.clone()),
            Js::Revoked => Err("revoked".into()),
            _ => Ok(Js::Absent),
        }
    }

    fn same(&self, other: &Js) -> bool {
        count_call();
        matches!((self, other), (Js::List(a), Js::List(b)) if Rc::ptr_eq(a, b))
    }
}

fn list(items: Vec<Js>) -> Js {
    Js::List(Rc::new(RefCell::new(items)))
}

fn object(fields: Vec<(&str, Js)>) -> Js {
    Js::Object(Rc::new(
        fields
            .into_iter()
            .map(|(key, value)| (Some(key.to_string()), value))
            .collect(),
    ))
}

/// A list that holds itself (`const a = []; a.push(a)`), with `others` before it.
fn cyclic(others: Vec<Js>) -> Js {
    let items = Rc::new(RefCell::new(others));
    items.borrow_mut().push(Js::List(items.clone()));
    Js::List(items)
}

/// Lists nested `depth` deep around `inside`. Give it back to [`unnest`] once read: dropping it
/// whole would recurse `depth` deep in the test itself.
fn nested(depth: usize, inside: Js) -> Js {
    (0..depth).fold(inside, |inner, _| list(vec![inner]))
}

/// Drops nested lists one level at a time.
fn unnest(mut value: Js) {
    while let Js::List(items) = value {
        let inner = items.borrow_mut().pop();
        drop(items);
        match inner {
            Some(inner) => value = inner,
            None => return,
        }
    }
}

/// Reads `settings` as the browser's `App::read_settings` does, with the number of calls it made
/// into the value.
fn read(settings: &Js) -> (Result<Vec<(String, Value)>, String>, usize) {
    CALLS.with(|calls| calls.set(0));
    let read = api::read_settings(settings);
    (read, CALLS.with(Cell::get))
}

/// A value a hostile or careless script might put in a setting.
fn hostile_value() -> impl Strategy<Value = Js> {
    let message = prop_oneof![Just("x".to_string()), any_text()];
    let leaf = prop_oneof![
        3 => wild_value().prop_map(Js::Text),
        1 => any::<f64>().prop_map(Js::Number),
        1 => (1980u16..2010).prop_map(|year| Js::Number(year.into())),
        1 => any::<bool>().prop_map(Js::Bool),
        1 => Just(Js::Absent),
        1 => Just(Js::Function),
        1 => Just(Js::Symbol),
        1 => message.clone().prop_map(Js::Getter),
        1 => (any::<bool>(), message).prop_map(|(list, message)| Js::Trapped(list, message)),
        1 => Just(Js::Revoked),
        1 => "\\PC{1000,1100}".prop_map(Js::Text),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            3 => prop::collection::vec(inner.clone(), 0..6).prop_map(list),
            1 => prop::collection::vec(inner.clone(), 0..3).prop_map(cyclic),
            1 => prop::collection::vec((select(SCRIPT_NAMES.clone()), inner), 0..4)
                .prop_map(|fields| object(fields)),
        ]
    })
}

/// The settings object of one `setState` call, or something that is not one.
fn hostile_settings() -> impl Strategy<Value = Js> {
    let name = prop_oneof![
        6 => select(ALL_SCRIPT_NAMES.clone())
            .prop_map(|name| Some(name.to_string())),
        1 => any_text().prop_map(Some),
        1 => Just(None),
    ];
    prop_oneof![
        8 => prop::collection::vec((name, hostile_value()), 0..6)
            .prop_map(|fields| Js::Object(Rc::new(fields))),
        1 => hostile_value(),
    ]
}

proptest! {
    #![proptest_config(cases(3000))]

    #[test]
    fn any_value_a_script_sends_is_read_in_bounded_steps_or_refused_briefly(
        settings in hostile_settings(),
        in_story in any::<bool>(),
    ) {
        let (read, calls) = read(&settings);
        // Every setting is read at most as a list of scalars, each item once.
        let most = 8 + MOST_KEYS as usize * (8 + 4 * LONGEST_LIST as usize);
        prop_assert!(calls <= most, "reading {:?} made {} calls into it", settings, calls);
        let session = Session::from_query(if in_story { "story=ning&step=3" } else { "view=fdi" }).0;
        match read {
            Err(problem) => check_notice(&problem, &format!("setState({settings:?})"))?,
            Ok(changes) => {
                if let Err(problem) = api::changed_session(&session, &changes) {
                    check_notice(&problem, &format!("setState({settings:?})"))?;
                }
            }
        }
    }

}

proptest! {
    // Only the depth varies, and each case builds thousands of lists.
    #![proptest_config(cases(100))]

    #[test]
    fn lists_nested_any_depth_are_read_in_the_same_few_steps(
        key in select([Setting::Series, Setting::Years, Setting::Measures, Setting::View].map(Setting::name).to_vec()),
        depth in 2..8_000usize,
    ) {
        let shallow = object(vec![(key, nested(2, Js::Text("private".into())))]);
        let lists = nested(depth, Js::Text("private".into()));
        let deep = object(vec![(key, lists.clone())]);
        let (_, shallow_calls) = read(&shallow);
        let (deep_read, deep_calls) = read(&deep);
        drop(deep);
        unnest(lists);
        prop_assert_eq!(shallow_calls, deep_calls, "a list {} deep took more reading than one 2 deep", depth);
        prop_assert!(deep_read.is_ok(), "a nested list should be read, then refused by name: {:?}", deep_read);
        let refused = api::changed(&State::for_view(ViewId::Fdi), &deep_read.unwrap());
        prop_assert!(refused.is_err(), "setState took lists nested {} deep", depth);
        check_notice(&refused.unwrap_err(), "a nested list")?;
    }
}

/// Each value that stopped the explorer for good (issue 13), refused with a message that says
/// which setting could not be read, or what was wrong with it.
#[test]
fn every_value_that_once_stopped_the_explorer_is_refused_with_a_message() {
    let deep = nested(6_000, list(Vec::new()));
    let cases = [
        (object(vec![("view", Js::Getter("x".into()))]), "'view'"),
        (Js::Trapped(false, "trap".into()), "could not read"),
        (
            object(vec![("series", Js::Trapped(true, "trap".into()))]),
            "'series'",
        ),
        (Js::Revoked, "could not read"),
        (object(vec![("series", Js::Revoked)]), "'series'"),
        (object(vec![("series", cyclic(Vec::new()))]), "holds itself"),
        (
            object(vec![("series", deep.clone())]),
            "a list inside a list",
        ),
        (
            object(vec![("years", list(vec![Js::Getter("x".into())]))]),
            "'years'",
        ),
    ];
    for (settings, said) in &cases {
        let (read, _) = read(settings);
        let problem = match read {
            Err(problem) => problem,
            Ok(changes) => match api::changed(&State::for_view(ViewId::Fdi), &changes) {
                Err(problem) => problem,
                Ok(_) => panic!("setState({settings:?}) was taken"),
            },
        };
        assert!(
            problem.contains(said) && problem.chars().count() <= MAX_NOTICE,
            "setState({settings:?}) should be refused with a short message naming {said}, not: {problem}"
        );
    }
    drop(cases);
    unnest(deep);
}
