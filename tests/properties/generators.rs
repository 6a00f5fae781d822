//! The generated inputs: texts, corrupted ids, events, a reader's histories replayed, links,
//! chart styles and sizes, and the settings a script sends.

use super::*;

/// A short text that is anything at all.
pub(crate) fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,12}",
        prop::collection::vec(select(TRICKY.to_vec()), 0..12)
            .prop_map(|chars| chars.into_iter().collect()),
    ]
}

/// `word` with one edit that a typist, a mail client or an attacker might make.
pub(crate) fn corrupt(word: String, edit: u8, at: Index, ch: char) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    let position = at.index(chars.len() + 1);
    match edit {
        0 => chars.insert(position, ch),
        1 if position < chars.len() => {
            chars.remove(position);
        }
        2 => return word.to_uppercase(),
        3 => return format!("{word}{word}"),
        4 => chars.insert(position, TRICKY[at.index(TRICKY.len())]),
        _ => chars.push(' '),
    }
    chars.into_iter().collect()
}

/// One of `words`, mostly as it is and sometimes corrupted.
pub(crate) fn mostly(words: Vec<String>) -> BoxedStrategy<String> {
    let word = select(words);
    prop_oneof![
        8 => word.clone(),
        2 => (word, 0..6u8, any::<Index>(), any::<char>())
            .prop_map(|(word, edit, at, ch)| corrupt(word, edit, at, ch)),
    ]
    .boxed()
}

/// Any value at all: a known id of any control, a corrupted one, a list of them, cell keys, or
/// anything.
pub(crate) fn wild_value() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => mostly(KNOWN.all()),
        2 => prop::collection::vec(mostly(KNOWN.all()), 0..5).prop_map(|words| words.join(",")),
        1 => prop::collection::vec(mostly(KNOWN.cell_keys.clone()), 0..4)
            .prop_map(|keys| keys.join(" ")),
        2 => any_text(),
    ]
}

/// The value a control of this name would plausibly be sent.
pub(crate) fn value_for(name: &str) -> BoxedStrategy<String> {
    let words = KNOWN.for_control(name);
    match (Control::from_name(name), Setting::from_name(name)) {
        (_, Some(Setting::Series | Setting::Years | Setting::Measures)) => prop_oneof![
            3 => mostly(words.clone()),
            1 => prop::collection::vec(mostly(words), 0..8).prop_map(|ids| ids.join(",")),
        ]
        .boxed(),
        (Some(Control::Goto), _) => prop::collection::vec(mostly(words), 0..4)
            .prop_map(|keys| keys.join(" "))
            .boxed(),
        (Some(Control::Emphasis), _) => prop::collection::vec(mostly(words), 0..4)
            .prop_map(|ids| ids.join(","))
            .boxed(),
        (Some(Control::ReferenceLine | Control::Band | Control::Note), _) => {
            prop::collection::vec(annotation(name), 0..5)
                .prop_map(|items| items.join("|"))
                .boxed()
        }
        _ => mostly(words),
    }
}

/// A label as a link may carry one: plain words, or anything, including the characters that
/// separate an annotation's parts.
pub(crate) fn label() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Za-z0-9 ,.%]{0,30}",
        1 => any_text(),
        1 => prop::collection::vec(select(vec![':', '@', '-', '|', '&', '=', ' ', '\u{202E}', 'x']), 0..8)
            .prop_map(|chars| chars.into_iter().collect()),
    ]
}

/// One annotation item of the kind `name` (`mark`, `band` or `note`) in its link syntax, with
/// the ids of any view, sometimes corrupted.
pub(crate) fn annotation(name: &str) -> BoxedStrategy<String> {
    let category = || mostly(KNOWN.categories.clone());
    match Control::from_name(name) {
        Some(Control::ReferenceLine) => (category(), label())
            .prop_map(|(at, text)| format!("{at}:{text}"))
            .boxed(),
        Some(Control::Band) => (category(), category(), label())
            .prop_map(|(from, to, text)| format!("{from}-{to}:{text}"))
            .boxed(),
        _ => (mostly(KNOWN.series.clone()), category(), label())
            .prop_map(|(series, at, text)| format!("{series}@{at}:{text}"))
            .boxed(),
    }
}

/// A control event: name, value, and whether the control is checked.
pub(crate) type PageEvent = (String, String, bool);

/// An event: mostly a known control with a value it might take, sometimes anything.
pub(crate) fn event() -> impl Strategy<Value = PageEvent> {
    let plausible = select(EVENT_NAMES.clone())
        .prop_flat_map(|name| (Just(name.to_string()), value_for(name), any::<bool>()));
    let wild = (
        prop_oneof![3 => select(EVENT_NAMES.clone()).prop_map(String::from), 1 => any_text()],
        wild_value(),
        any::<bool>(),
    );
    prop_oneof![8 => plausible, 2 => wild]
}

/// One step of a reader's history.
#[derive(Clone, Debug)]
pub(crate) enum Step {
    /// An event of the control `name` with the `pick`-th of the values the state at that moment
    /// offers it: what a reader clicking around sends. Picking from the current state's offer
    /// reaches deep states (a stacked chart, then a measure that cannot stack, then a change…)
    /// that values drawn blindly would seldom hit.
    Offered {
        name: &'static str,
        pick: Index,
        checked: bool,
    },
    /// An event with a value drawn regardless of the state: what a mangled page or a host
    /// script may send.
    Sent(PageEvent),
}

/// A step: mostly a reader's click, sometimes whatever a page or a script may send.
pub(crate) fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (select(EVENT_NAMES.clone()), any::<Index>(), any::<bool>())
            .prop_map(|(name, pick, checked)| Step::Offered { name, pick, checked }),
        1 => event().prop_map(Step::Sent),
    ]
}

/// The values the control `name` offers in `state`, as its buttons and pickers would send them.
pub(crate) fn offered(name: &str, state: &State) -> Vec<String> {
    let ids = |ids: &mut dyn Iterator<Item = &str>| ids.map(String::from).collect();
    let Some(control) = Control::from_name(name) else {
        return KNOWN.for_control(name);
    };
    match control {
        Control::View => ids(&mut ViewId::ALL.iter().map(|view| view.id())),
        Control::Measure => ids(&mut view::measures(state.view())
            .iter()
            .map(|measure| measure.id)),
        Control::Transform => ids(&mut view::transforms(state.view())
            .iter()
            .map(|transform| transform.id())),
        Control::Chart => ids(&mut view::chart_kinds(state).into_iter().map(ChartKind::id)),
        Control::Series | Control::Legend => {
            ids(&mut state.offered_series().into_iter().map(|(id, _)| id))
        }
        Control::Category => state
            .all_categories()
            .into_iter()
            .map(|category| category.id)
            .collect(),
        Control::Base | Control::From | Control::To => {
            state.years().iter().map(u16::to_string).collect()
        }
        Control::Topic => ids(&mut TOPICS.iter().map(|topic| topic.id)),
        Control::Emphasis => ids(&mut state.view_series().into_iter()),
        Control::ReferenceLine | Control::Band | Control::Note => {
            let categories: Vec<String> = state
                .all_categories()
                .into_iter()
                .map(|category| category.id)
                .collect();
            let series = state.view_series();
            let mut items = vec![String::new()];
            for (index, at) in categories.iter().enumerate() {
                let next = categories.get(index + 1).unwrap_or(at);
                items.push(match control {
                    Control::ReferenceLine => format!("{at}:DrawnValue {index}"),
                    Control::Band => format!("{next}-{at}:Span {index}|{at}"),
                    _ => format!("{}@{at}:Note {index}", series[index % series.len().max(1)]),
                });
            }
            items
        }
        Control::PlayAt => (0..state.all_categories().len())
            .map(|index| index.to_string())
            .collect(),
        _ => KNOWN.for_control(name),
    }
}

/// A reader's history: the view the page opened on and the steps since.
pub(crate) fn history() -> impl Strategy<Value = (ViewId, Vec<Step>)> {
    (
        select(ViewId::ALL.to_vec()),
        prop::collection::vec(step(), 0..16),
    )
}

/// The event `step` sends to `state`.
pub(crate) fn event_for(step: &Step, state: &State) -> PageEvent {
    match step {
        Step::Sent(event) => event.clone(),
        Step::Offered {
            name,
            pick,
            checked,
        } => {
            let values = offered(name, state);
            let value = if values.is_empty() {
                String::new()
            } else {
                pick.get(&values).clone()
            };
            (name.to_string(), value, *checked)
        }
    }
}

/// The state a history leads to, and the events it sent; refused events are passed over, as
/// the page does.
pub(crate) fn replay(view: ViewId, steps: &[Step]) -> (State, Vec<PageEvent>) {
    let mut state = State::for_view(view);
    let mut events = Vec::new();
    for step in steps {
        let (name, value, checked) = event_for(step, &state);
        let _ = Event::read(&name, &value, checked).and_then(|event| state.apply(event));
        events.push((name, value, checked));
    }
    (state, events)
}

/// `bytes`, every one percent-encoded, so that any byte sequence, valid UTF-8 or not, can reach
/// the link parser.
pub(crate) fn percent_encoded(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("%{byte:02X}")).collect()
}

/// A link made of the app's own parameter names and values, some corrupted, written out in one
/// of the ways a link reaches the page.
pub(crate) fn structured_link() -> impl Strategy<Value = String> {
    let pair = prop_oneof![
        9 => select(LINK_NAMES.clone())
            .prop_flat_map(|name| (Just(name.to_string()), value_for(name))),
        1 => (mostly(LINK_NAMES.iter().map(|name| name.to_string()).collect()), wild_value()),
    ];
    (prop::collection::vec(pair, 0..10), 0..3u8).prop_map(|(pairs, writing)| match writing {
        // As a URL's search part, properly encoded.
        0 => {
            let mut query = form_urlencoded::Serializer::new(String::from("?"));
            for (name, value) in &pairs {
                query.append_pair(name, value);
            }
            query.finish()
        }
        // Typed or pasted by hand, without any encoding.
        1 => pairs
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect::<Vec<_>>()
            .join("&"),
        // With every byte of the values percent-encoded.
        _ => pairs
            .iter()
            .map(|(name, value)| format!("{name}={}", percent_encoded(value.as_bytes())))
            .collect::<Vec<_>>()
            .join("&"),
    })
}

/// Any link: structured, a reachable state's link with one edit, or garbage (including
/// percent-encoded bytes that are not UTF-8).
pub(crate) fn link() -> impl Strategy<Value = String> {
    prop_oneof![
        5 => structured_link(),
        2 => (history(), 0..6u8, any::<Index>(), any::<char>()).prop_map(
            |((view, steps), edit, at, ch)| corrupt(replay(view, &steps).0.to_query(), edit, at, ch)
        ),
        1 => any::<String>(),
        1 => "[a-z=&%?+,.0-9]{0,60}",
        1 => prop::collection::vec(any::<u8>(), 0..40).prop_map(|bytes| percent_encoded(&bytes)),
    ]
}

/// The text scales the page draws its canvas at: the reader's zoom (1, or 1.6 in presentation
/// mode) times the usual device pixel ratios.
pub(crate) fn page_scales() -> Vec<f64> {
    let ratios = [1.0, 1.25, 1.5, 2.0, 2.625, 3.0];
    [1.0, 1.6]
        .iter()
        .flat_map(|zoom| ratios.iter().map(move |ratio| zoom * ratio))
        .collect()
}

/// Every style the app draws in, and page styles at any scale a page bug could pass.
pub(crate) fn style() -> impl Strategy<Value = Style> {
    prop_oneof![
        4 => (any::<bool>(), select(page_scales())).prop_map(|(dark, scale)| Style::page(dark, scale)),
        1 => any::<bool>().prop_map(Style::projector),
        3 => any::<bool>().prop_map(Style::export),
        1 => (any::<bool>(), any::<f64>()).prop_map(|(dark, scale)| Style::page(dark, scale)),
    ]
}

/// A chart size in pixels, from nothing up to far beyond any screen.
pub(crate) fn size() -> impl Strategy<Value = (u32, u32)> {
    prop_oneof![
        4 => (0..240u32, 0..180u32),
        4 => (0..1600u32, 0..1200u32),
        1 => (0..=20_000u32, 0..=20_000u32),
        1 => (any::<u32>(), any::<u32>()),
    ]
}

/// A value a script might send for a setting: the right type with a plausible or wild id, the
/// wrong type, or nothing.
pub(crate) fn script_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        3 => wild_value().prop_map(Value::Text),
        1 => any::<f64>().prop_map(Value::Number),
        1 => (1980u16..2010).prop_map(|year| Value::Number(year.into())),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => Just(Value::Absent),
        1 => Just(Value::Other("an object")),
    ];
    leaf.prop_recursive(2, 12, 6, |inner| {
        prop::collection::vec(inner, 0..6).prop_map(Value::List)
    })
}

/// The settings of one `setState` call: mostly known names, sometimes unknown ones.
pub(crate) fn script_settings() -> impl Strategy<Value = Vec<(String, Value)>> {
    let name = prop_oneof![
        6 => select(SCRIPT_NAMES.clone()).prop_map(str::to_string),
        1 => any_text(),
    ];
    prop::collection::vec((name, script_value()), 0..5)
}
