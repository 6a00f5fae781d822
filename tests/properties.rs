//! Properties that hold whatever a reader, a link or a host page sends: nothing panics, a
//! refused event changes nothing, every state the reader can reach survives its link, and a
//! notice repeats a rejected value only shortened and cleaned.
//!
//! The inputs are generated: garbage and mangled links, random event sequences over every view,
//! every chart style the page uses, and chart sizes from 0 × 0 up. Each property runs a few
//! thousand cases; `PROPTEST_CASES=N` changes the count, and `cargo xtask fuzz --cases N` runs
//! them optimised for long searches. A failure prints the smallest input found.

use ict_explorer::api::{self, Snapshot, Value};
use ict_explorer::chart::{self, Style};
use ict_explorer::data;
use ict_explorer::display::Group;
use ict_explorer::notice::{notice, quoted, NOTICE_LENGTH};
use ict_explorer::plot::ChartKind;
use ict_explorer::view::{self, State, Transform, ViewId, TOPICS};
use ict_explorer::{describe, export, html};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use std::sync::LazyLock;

#[path = "properties/script_values.rs"]
mod script_values;

/// A config that runs `cases` cases, or `PROPTEST_CASES` when it is set: proptest reads the
/// variable into its default config only, and a count set here would override it.
fn cases(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|count| count.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------------
// What the app knows

/// The ids the app uses in events and links, by the control that takes them.
struct Vocabulary {
    views: Vec<String>,
    measures: Vec<String>,
    transforms: Vec<String>,
    charts: Vec<String>,
    topics: Vec<String>,
    series: Vec<String>,
    /// Years, and the R&D view's measures, which take the place of years there.
    categories: Vec<String>,
    /// The keys of the paper's cells, as "Show in" buttons send them.
    cell_keys: Vec<String>,
}

static KNOWN: LazyLock<Vocabulary> = LazyLock::new(|| {
    let mut series = Vec::new();
    let mut categories = Vec::new();
    let mut collect = |state: &State| {
        series.extend(state.view_series().iter().map(|id| id.to_string()));
        categories.extend(
            state
                .all_categories()
                .into_iter()
                .map(|category| category.id),
        );
    };
    for view in ViewId::ALL {
        collect(&State::for_view(view));
    }
    for topic in TOPICS {
        let mut state = State::for_view(ViewId::Highlights);
        state
            .apply("topic", topic.id, true)
            .expect("every topic opens");
        collect(&state);
    }
    let sorted = |mut words: Vec<String>| {
        words.sort();
        words.dedup();
        words
    };
    Vocabulary {
        views: ViewId::ALL
            .iter()
            .map(|view| view.id().to_string())
            .collect(),
        measures: sorted(
            ViewId::ALL
                .iter()
                .flat_map(|view| view::measures(*view))
                .map(|measure| measure.id.to_string())
                .collect(),
        ),
        transforms: Transform::ALL
            .iter()
            .map(|transform| transform.id().to_string())
            .collect(),
        charts: ChartKind::ALL
            .iter()
            .map(|kind| kind.id().to_string())
            .collect(),
        topics: TOPICS.iter().map(|topic| topic.id.to_string()).collect(),
        series: sorted(series),
        categories: sorted(categories),
        cell_keys: data::all().iter().map(|datum| datum.key()).collect(),
    }
});

impl Vocabulary {
    /// The ids a control of this name takes.
    fn for_control(&self, name: &str) -> Vec<String> {
        let words = match name {
            "view" => &self.views,
            "measure" => &self.measures,
            "transform" => &self.transforms,
            "chart" => &self.charts,
            "topic" => &self.topics,
            "series" | "legend" => &self.series,
            "category" | "years" | "measures" | "base" | "from" | "to" => &self.categories,
            "goto" => &self.cell_keys,
            "step" => return vec!["next".into(), "prev".into()],
            "log" | "play" => return vec!["0".into(), "1".into(), String::new()],
            "emph" => &self.series,
            "play-at" => return (0..20).map(|index| index.to_string()).collect(),
            "play-speed" => return ["500", "1000", "2000", "1500"].map(String::from).to_vec(),
            _ => return vec![String::new()],
        };
        words.clone()
    }

    fn all(&self) -> Vec<String> {
        [
            &self.views,
            &self.measures,
            &self.transforms,
            &self.charts,
            &self.topics,
            &self.series,
            &self.categories,
        ]
        .into_iter()
        .flatten()
        .cloned()
        .collect()
    }
}

/// The controls the page sends events for, and the annotations a story or a script sends.
const EVENT_NAMES: [&str; 26] = [
    "view",
    "measure",
    "transform",
    "chart",
    "series",
    "legend",
    "category",
    "series-all",
    "series-none",
    "goto",
    "play",
    "step",
    "category-all",
    "category-none",
    "base",
    "from",
    "to",
    "log",
    "topic",
    "emph",
    "mark",
    "band",
    "note",
    "annotations-clear",
    "play-at",
    "play-speed",
];

/// The names a state's link uses: the script API's settings, and Play and the annotations.
static LINK_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut names = api::KEYS.to_vec();
    names.extend(["play", "emph", "mark", "band", "note"]);
    names
});

/// Characters that go wrong in links and notices: bidi overrides and isolates, zero-width and
/// other invisible characters, controls, the separators of a query, and text outside ASCII.
const TRICKY: [char; 24] = [
    '\u{202E}', '\u{202D}', '\u{2066}', '\u{2069}', '\u{200F}', '\u{061C}', '\u{200B}', '\u{FEFF}',
    '\u{2060}', '\u{AD}', '\u{0}', '\u{1B}', '\u{85}', '\n', '\t', ' ', ',', '&', '=', '%', '+',
    'é', '中', '😀',
];

// ---------------------------------------------------------------------------------------------
// Generators

/// A short text that is anything at all.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,12}",
        prop::collection::vec(select(TRICKY.to_vec()), 0..12)
            .prop_map(|chars| chars.into_iter().collect()),
    ]
}

/// `word` with one edit that a typist, a mail client or an attacker might make.
fn corrupt(word: String, edit: u8, at: Index, ch: char) -> String {
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
fn mostly(words: Vec<String>) -> BoxedStrategy<String> {
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
fn wild_value() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => mostly(KNOWN.all()),
        2 => prop::collection::vec(mostly(KNOWN.all()), 0..5).prop_map(|words| words.join(",")),
        1 => prop::collection::vec(mostly(KNOWN.cell_keys.clone()), 0..4)
            .prop_map(|keys| keys.join(" ")),
        2 => any_text(),
    ]
}

/// The value a control of this name would plausibly be sent.
fn value_for(name: &str) -> BoxedStrategy<String> {
    let words = KNOWN.for_control(name);
    match name {
        "series" | "years" | "measures" => prop_oneof![
            3 => mostly(words.clone()),
            1 => prop::collection::vec(mostly(words), 0..8).prop_map(|ids| ids.join(",")),
        ]
        .boxed(),
        "goto" => prop::collection::vec(mostly(words), 0..4)
            .prop_map(|keys| keys.join(" "))
            .boxed(),
        "emph" => prop::collection::vec(mostly(words), 0..4)
            .prop_map(|ids| ids.join(","))
            .boxed(),
        "mark" | "band" | "note" => prop::collection::vec(annotation(name), 0..5)
            .prop_map(|items| items.join("|"))
            .boxed(),
        _ => mostly(words),
    }
}

/// A label as a link may carry one: plain words, or anything, including the characters that
/// separate an annotation's parts.
fn label() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Za-z0-9 ,.%]{0,30}",
        1 => any_text(),
        1 => prop::collection::vec(select(vec![':', '@', '-', '|', '&', '=', ' ', '\u{202E}', 'x']), 0..8)
            .prop_map(|chars| chars.into_iter().collect()),
    ]
}

/// One annotation item of the kind `name` (`mark`, `band` or `note`) in its link syntax, with
/// the ids of any view, sometimes corrupted.
fn annotation(name: &str) -> BoxedStrategy<String> {
    let category = || mostly(KNOWN.categories.clone());
    match name {
        "mark" => (category(), label())
            .prop_map(|(at, text)| format!("{at}:{text}"))
            .boxed(),
        "band" => (category(), category(), label())
            .prop_map(|(from, to, text)| format!("{from}-{to}:{text}"))
            .boxed(),
        _ => (mostly(KNOWN.series.clone()), category(), label())
            .prop_map(|(series, at, text)| format!("{series}@{at}:{text}"))
            .boxed(),
    }
}

/// A control event: name, value, and whether the control is checked.
type Event = (String, String, bool);

/// An event: mostly a known control with a value it might take, sometimes anything.
fn event() -> impl Strategy<Value = Event> {
    let plausible = select(EVENT_NAMES.to_vec())
        .prop_flat_map(|name| (Just(name.to_string()), value_for(name), any::<bool>()));
    let wild = (
        prop_oneof![3 => select(EVENT_NAMES.to_vec()).prop_map(String::from), 1 => any_text()],
        wild_value(),
        any::<bool>(),
    );
    prop_oneof![8 => plausible, 2 => wild]
}

/// One step of a reader's history.
#[derive(Clone, Debug)]
enum Step {
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
    Sent(Event),
}

/// A step: mostly a reader's click, sometimes whatever a page or a script may send.
fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (select(EVENT_NAMES.to_vec()), any::<Index>(), any::<bool>())
            .prop_map(|(name, pick, checked)| Step::Offered { name, pick, checked }),
        1 => event().prop_map(Step::Sent),
    ]
}

/// The values the control `name` offers in `state`, as its buttons and pickers would send them.
fn offered(name: &str, state: &State) -> Vec<String> {
    let ids = |ids: &mut dyn Iterator<Item = &str>| ids.map(String::from).collect();
    match name {
        "view" => ids(&mut ViewId::ALL.iter().map(|view| view.id())),
        "measure" => ids(&mut view::measures(state.view).iter().map(|measure| measure.id)),
        "transform" => ids(&mut view::transforms(state.view)
            .iter()
            .map(|transform| transform.id())),
        "chart" => ids(&mut view::chart_kinds(state).into_iter().map(ChartKind::id)),
        "series" | "legend" => ids(&mut state.offered_series().into_iter().map(|(id, _)| id)),
        "category" => state
            .all_categories()
            .into_iter()
            .map(|category| category.id)
            .collect(),
        "base" | "from" | "to" => state.years().iter().map(u16::to_string).collect(),
        "topic" => ids(&mut TOPICS.iter().map(|topic| topic.id)),
        "emph" => ids(&mut state.view_series().into_iter()),
        "mark" | "band" | "note" => {
            let categories: Vec<String> = state
                .all_categories()
                .into_iter()
                .map(|category| category.id)
                .collect();
            let series = state.view_series();
            let mut items = vec![String::new()];
            for (index, at) in categories.iter().enumerate() {
                let next = categories.get(index + 1).unwrap_or(at);
                items.push(match name {
                    "mark" => format!("{at}:Mark {index}"),
                    "band" => format!("{next}-{at}:Span {index}|{at}"),
                    _ => format!("{}@{at}:Note {index}", series[index % series.len().max(1)]),
                });
            }
            items
        }
        "play-at" => (0..state.all_categories().len())
            .map(|index| index.to_string())
            .collect(),
        other => KNOWN.for_control(other),
    }
}

/// A reader's history: the view the page opened on and the steps since.
fn history() -> impl Strategy<Value = (ViewId, Vec<Step>)> {
    (
        select(ViewId::ALL.to_vec()),
        prop::collection::vec(step(), 0..16),
    )
}

/// The event `step` sends to `state`.
fn event_for(step: &Step, state: &State) -> Event {
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
fn replay(view: ViewId, steps: &[Step]) -> (State, Vec<Event>) {
    let mut state = State::for_view(view);
    let mut events = Vec::new();
    for step in steps {
        let (name, value, checked) = event_for(step, &state);
        let _ = state.apply(&name, &value, checked);
        events.push((name, value, checked));
    }
    (state, events)
}

/// `bytes`, every one percent-encoded, so that any byte sequence, valid UTF-8 or not, can reach
/// the link parser.
fn percent_encoded(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("%{byte:02X}")).collect()
}

/// A link made of the app's own parameter names and values, some corrupted, written out in one
/// of the ways a link reaches the page.
fn structured_link() -> impl Strategy<Value = String> {
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
fn link() -> impl Strategy<Value = String> {
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
fn page_scales() -> Vec<f64> {
    let ratios = [1.0, 1.25, 1.5, 2.0, 2.625, 3.0];
    [1.0, 1.6]
        .iter()
        .flat_map(|zoom| ratios.iter().map(move |ratio| zoom * ratio))
        .collect()
}

/// Every style the app draws in, and page styles at any scale a page bug could pass.
fn style() -> impl Strategy<Value = Style> {
    prop_oneof![
        4 => (any::<bool>(), select(page_scales())).prop_map(|(dark, scale)| Style::page(dark, scale)),
        1 => any::<bool>().prop_map(Style::projector),
        3 => any::<bool>().prop_map(Style::export),
        1 => (any::<bool>(), any::<f64>()).prop_map(|(dark, scale)| Style::page(dark, scale)),
    ]
}

/// A chart size in pixels, from nothing up to far beyond any screen.
fn size() -> impl Strategy<Value = (u32, u32)> {
    prop_oneof![
        4 => (0..240u32, 0..180u32),
        4 => (0..1600u32, 0..1200u32),
        1 => (0..=20_000u32, 0..=20_000u32),
        1 => (any::<u32>(), any::<u32>()),
    ]
}

// ---------------------------------------------------------------------------------------------
// What a notice may contain

/// The longest notice a rejected value may produce: the sentence around it and at most about
/// 60 characters of the value.
const MAX_NOTICE: usize = 260;

/// Characters that must never reach a notice: controls, bidi controls and invisible format
/// characters (listed here independently of the app's own filter).
fn disguises(ch: char) -> bool {
    ch.is_control()
        || matches!(
            ch,
            '\u{061C}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
                | '\u{AD}'
        )
}

/// Fails unless `notice` is short and free of characters that could disguise it.
fn check_notice(notice: &str, cause: &str) -> Result<(), TestCaseError> {
    let hidden: Vec<char> = notice.chars().filter(|ch| disguises(*ch)).collect();
    prop_assert!(
        hidden.is_empty(),
        "after {}, the notice {:?} carries invisible characters {:?} that can make it read as something else",
        cause,
        notice,
        hidden
    );
    let length = notice.chars().count();
    prop_assert!(
        length <= MAX_NOTICE,
        "after {}, a notice of {} characters floods the message box: {:?}",
        cause,
        length,
        notice.chars().take(120).collect::<String>()
    );
    Ok(())
}

/// What is wrong with `state` that a reader would notice, if anything: a chart kind, transform,
/// measure or log scale the view does not offer, or a selection of things it does not have.
fn inconsistency(state: &State) -> Option<String> {
    let kinds = view::chart_kinds(state);
    let measures = view::measures(state.view);
    let series = state.view_series();
    let categories: Vec<String> = state
        .all_categories()
        .into_iter()
        .map(|category| category.id)
        .collect();
    let years = state.years();
    let year_ok = |year: u16| years.contains(&year) || (years.is_empty() && year == 0);
    let unique = |ids: &[String]| (1..ids.len()).all(|at| !ids[..at].contains(&ids[at]));
    if !kinds.is_empty() && !kinds.contains(&state.chart) {
        Some(format!(
            "the chart is {:?}, which this choice does not offer",
            state.chart
        ))
    } else if !view::transforms(state.view).contains(&state.transform) {
        Some(format!(
            "the view shows {:?}, which it does not offer",
            state.transform
        ))
    } else if !measures.is_empty() && !measures.contains(&state.measure()) {
        Some(format!(
            "the measure {} is not the view's",
            state.measure().id
        ))
    } else if state.log_scale && (state.view != ViewId::Fdi || state.transform != Transform::Level)
    {
        Some("a logarithmic scale is on where none is offered".to_string())
    } else if !state.series.iter().all(|id| series.contains(&id.as_str())) || !unique(&state.series)
    {
        Some(format!(
            "the series {:?} are not the view's own, once each",
            state.series
        ))
    } else if !state.categories.iter().all(|id| categories.contains(id))
        || !unique(&state.categories)
    {
        Some(format!(
            "the years {:?} are not the view's own, once each",
            state.categories
        ))
    } else if ![state.base_year, state.from_year, state.to_year]
        .into_iter()
        .all(year_ok)
    {
        Some(format!(
            "the years {}, {} and {} are not all the view's",
            state.base_year, state.from_year, state.to_year
        ))
    } else if !state
        .emphasis
        .iter()
        .all(|id| series.contains(&id.as_str()))
        || !unique(&state.emphasis)
    {
        Some(format!(
            "the emphasis on {:?} is not on the view's own series, once each",
            state.emphasis
        ))
    } else if let Some(flaw) = annotation_flaw(state, &categories, &series) {
        Some(flaw)
    } else if state.playing() && (state.transform == Transform::Change || categories.is_empty()) {
        Some("Play is on where there are no years to play through".to_string())
    } else {
        None
    }
}

/// What is wrong with the annotations of `state`, if anything: one pointing at a year or
/// series the view does not have, a span that runs backwards, a label that is not clean and
/// short, or more of a kind than a view keeps.
fn annotation_flaw(state: &State, categories: &[String], series: &[&str]) -> Option<String> {
    let known = |id: &String| categories.contains(id);
    let rank = |id: &String| categories.iter().position(|known| known == id);
    let labels = state
        .marks
        .iter()
        .map(|mark| &mark.label)
        .chain(state.bands.iter().map(|band| &band.label))
        .chain(state.notes.iter().map(|note| &note.label));
    let counts = [state.marks.len(), state.bands.len(), state.notes.len()];
    if !state.marks.iter().all(|mark| known(&mark.category)) {
        Some(format!(
            "a reference line is at a year the view does not have: {:?}",
            state.marks
        ))
    } else if !state
        .bands
        .iter()
        .all(|band| known(&band.from) && known(&band.to) && rank(&band.from) <= rank(&band.to))
    {
        Some(format!(
            "a span is not between two of the view's years, in order: {:?}",
            state.bands
        ))
    } else if !state
        .notes
        .iter()
        .all(|note| known(&note.category) && series.contains(&note.series.as_str()))
    {
        Some(format!(
            "a callout points at nothing the view has: {:?}",
            state.notes
        ))
    } else if let Some(label) = labels.clone().find(|label| {
        label.chars().count() > 60 || label.chars().any(disguises) || label.contains('|')
    }) {
        Some(format!("the label {label:?} is not cleaned and shortened"))
    } else if counts.iter().any(|count| *count > view::MOST_OF_A_KIND) {
        Some(format!(
            "the view keeps {counts:?} annotations, more than it allows"
        ))
    } else {
        None
    }
}

/// A value a script might send for a setting: the right type with a plausible or wild id, the
/// wrong type, or nothing.
fn script_value() -> impl Strategy<Value = Value> {
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
fn script_settings() -> impl Strategy<Value = Vec<(String, Value)>> {
    let name = prop_oneof![
        6 => select(api::KEYS.to_vec()).prop_map(str::to_string),
        1 => any_text(),
    ];
    prop::collection::vec((name, script_value()), 0..5)
}

// ---------------------------------------------------------------------------------------------
// Properties

proptest! {
    #![proptest_config(cases(5000))]

    #[test]
    fn any_link_opens_a_state_that_survives_its_own_link(query in link()) {
        let (state, problems) = State::from_query(&query);
        for problem in &problems {
            check_notice(problem, &format!("opening ?{query}"))?;
        }
        let own = state.to_query();
        let (reopened, again) = State::from_query(&own);
        prop_assert!(
            again.is_empty(),
            "?{} opens a view whose own link ?{} reopens with the notices {:?}",
            query, own, again
        );
        prop_assert_eq!(
            reopened, state,
            "?{} opens a view whose own link ?{} reopens a different one", query, own
        );
    }

    #[test]
    fn a_refused_event_changes_nothing_and_says_why_briefly(
        (view, steps) in history(),
        last in event(),
    ) {
        let mut state = State::for_view(view);
        for step in steps.iter().chain([&Step::Sent(last)]) {
            let (name, value, checked) = event_for(step, &state);
            let before = state.clone();
            if let Err(notice) = state.apply(&name, &value, checked) {
                let cause = format!(
                    "the event {name}={value:?} (checked: {checked}) in ?{}",
                    before.to_query()
                );
                check_notice(&notice, &cause)?;
                prop_assert_eq!(
                    &state, &before,
                    "{} was refused with {:?} but changed the view", cause, notice
                );
            }
        }
    }

    #[test]
    fn every_reachable_state_is_consistent_and_survives_its_link((view, steps) in history()) {
        let (state, events) = replay(view, &steps);
        if let Some(flaw) = inconsistency(&state) {
            prop_assert!(false, "from {:?} after {:?}, {}", view, events, flaw);
        }
        let link = state.to_query();
        let (reopened, problems) = State::from_query(&link);
        prop_assert!(
            problems.is_empty(),
            "the shared link ?{} (from {:?} after {:?}) reopens with the notices {:?}",
            link, view, events, problems
        );
        prop_assert_eq!(
            reopened, state,
            "the shared link ?{} (from {:?} after {:?}) reopens a different view", link, view, events
        );
    }

    #[test]
    fn a_script_gets_back_every_reachable_state((view, steps) in history()) {
        let (state, events) = replay(view, &steps);
        let snapshot = Snapshot::of(&state);
        let elsewhere = State::for_view(if view == ViewId::Rd { ViewId::Fdi } else { ViewId::Rd });
        match api::changed(&elsewhere, &snapshot.to_changes()) {
            Ok(restored) => prop_assert_eq!(
                Snapshot::of(&restored), snapshot.clone(),
                "setState(getState()) after {:?} from {:?} shows something else", events, view
            ),
            Err(problem) => prop_assert!(
                false, "setState(getState()) after {:?} from {:?} is refused: {}", events, view, problem
            ),
        }
    }

    #[test]
    fn a_script_s_settings_are_taken_whole_or_refused_briefly(
        (view, steps) in history(),
        settings in script_settings(),
    ) {
        let (state, _) = replay(view, &steps);
        match api::changed(&state, &settings) {
            Ok(changed) => {
                if let Some(flaw) = inconsistency(&changed) {
                    prop_assert!(false, "setState({:?}) on ?{} took the view to a state where {}", settings, state.to_query(), flaw);
                }
                let (reopened, problems) = State::from_query(&changed.to_query());
                prop_assert!(problems.is_empty(), "after setState({:?}) the link reopens with {:?}", settings, problems);
                prop_assert_eq!(Snapshot::of(&reopened), Snapshot::of(&changed));
            }
            Err(problem) => check_notice(&problem, &format!("setState({settings:?}) on ?{}", state.to_query()))?,
        }
    }

    #[test]
    fn every_part_of_the_page_is_built_for_every_reachable_state((view, steps) in history()) {
        let (state, _) = replay(view, &steps);
        let plot = view::plot(&state);
        let tabs = html::tabs(&state);
        prop_assert_eq!(
            tabs.matches("aria-selected=\"true\"").count(), 1,
            "the tabs must show exactly one view as current: {}", tabs
        );
        let controls = html::controls(&state, &Group::ALL);
        prop_assert_eq!(controls.is_empty(), state.view == ViewId::Quality, "controls: {}", controls);
        let stats = view::stats(&state);
        prop_assert_eq!(html::stats(&stats).is_empty(), stats.is_empty());
        let legend = html::legend(&state, plot.as_ref());
        let table = html::table(plot.as_ref());
        let Some(plot) = plot else {
            prop_assert_eq!(state.view, ViewId::Quality, "only the quality view has no chart");
            return Ok(());
        };
        prop_assert!(!legend.is_empty() && table.starts_with("<table"), "no legend or table");
        let summary = describe::summary(&plot);
        prop_assert!(
            summary.starts_with(&plot.title),
            "the summary does not say what the chart shows: {}", summary
        );
        let csv = export::plot_csv(&plot);
        let rows = csv::Reader::from_reader(csv.as_bytes()).records().count();
        let points: usize = plot.series.iter().map(|series| series.points.len()).sum();
        prop_assert_eq!(
            rows, points,
            "the CSV download has {} rows for the {} points of the chart", rows, points
        );
    }
}

/// The notes under the chart depend on the view and the measure only, and natively they render
/// the whole audit each time, so each combination is built once rather than for every random
/// state.
#[test]
fn the_notes_under_every_view_and_measure_are_built() {
    for view in ViewId::ALL {
        let mut states = vec![State::for_view(view)];
        for measure in view::measures(view) {
            let mut state = State::for_view(view);
            state
                .apply("measure", measure.id, true)
                .expect("every measure opens");
            states.push(state);
        }
        for state in states {
            let about = html::about(&state);
            assert!(
                !about.is_empty()
                    && (view == ViewId::Quality || about.contains("class=\"source\"")),
                "the notes under ?{} do not cite the source: {about}",
                state.to_query()
            );
        }
    }
}

/// The largest chart side that is drawn; larger sizes give a document that says so.
const MAX_CHART_SIDE: u32 = chart::MAX_SIDE;

proptest! {
    #![proptest_config(cases(4000))]

    #[test]
    fn charts_draw_in_every_style_at_every_size(
        (view, steps) in history(),
        style in style(),
        (width, height) in size(),
    ) {
        let (state, _) = replay(view, &steps);
        let plot = view::plot(&state).unwrap_or_else(|| {
            // The quality view has no chart: draw the first view's instead.
            view::plot(&State::default()).expect("the first view has a chart")
        });
        let svg = chart::to_svg(&plot, &style, width, height);
        let start: String = svg.chars().take(400).collect();
        prop_assert!(svg.starts_with("<svg"), "not an SVG document: {}", start);
        let drawable = width <= MAX_CHART_SIDE && height <= MAX_CHART_SIDE;
        prop_assert_eq!(
            svg.contains("could not be drawn"), !drawable,
            "a {} × {} chart of ?{} in {:?}: {}",
            width, height, state.to_query(), style, start
        );
        // Text is cheap, but a chart must not grow with its size beyond reason.
        prop_assert!(svg.len() < 32 << 20, "a {} × {} chart takes {} bytes", width, height, svg.len());
    }

    #[test]
    fn quoted_values_are_short_and_visible(value in prop_oneof![
        3 => any_text(),
        1 => (any_text(), 1..5000usize).prop_map(|(chunk, times)| chunk.repeat(times)),
    ]) {
        let shown = quoted(&value);
        let hidden: Vec<char> = shown.chars().filter(|ch| disguises(*ch)).collect();
        prop_assert!(hidden.is_empty(), "{:?} is repeated with {:?}", value, hidden);
        prop_assert!(shown.chars().count() <= 60, "{:?} is repeated whole", value);
        prop_assert!(
            !shown.starts_with(' ') && !shown.ends_with(' ') && !shown.contains("  "),
            "{:?} is repeated with stray spaces: {:?}", value, shown
        );
        let plain = value.chars().count() <= 60
            && value.split(' ').all(|word| !word.is_empty())
            && !value.chars().any(|ch| (ch.is_whitespace() && ch != ' ') || disguises(ch));
        if plain {
            prop_assert_eq!(&shown, &value, "a short plain value must be repeated as it is");
        }
    }
}

proptest! {
    #![proptest_config(cases(300))]

    #[test]
    fn notices_stay_short_however_many_problems_a_link_has(
        names in prop::collection::vec(prop_oneof![mostly(KNOWN.all()), any_text()], 0..600),
        repeats in 0..200usize,
    ) {
        let controls: String = form_urlencoded::byte_serialize(names.join(",").as_bytes()).collect();
        let flags = "&present=2&tabs=maybe".repeat(repeats);
        let query = format!("view=fdi&embed=1&controls={controls}{flags}");
        let (_, problems) = ict_explorer::display::Display::from_query(&query);
        for problem in &problems {
            check_notice(problem, &format!("a link with {} control groups", names.len()))?;
        }
        let shown = notice(&problems);
        prop_assert!(
            shown.chars().count() <= NOTICE_LENGTH && !shown.chars().any(disguises),
            "a link with {} control groups and {} bad flags gives a notice of {} characters",
            names.len(), repeats, shown.chars().count()
        );
    }

    #[test]
    fn huge_links_and_events_give_short_notices(
        name in select(LINK_NAMES.clone()),
        chunk in prop_oneof![mostly(KNOWN.all()), any_text()],
        times in 100..10_000usize,
    ) {
        // Up to some hundred kilobytes: a link pasted into itself, or a host page sending a file.
        let value = vec![chunk.as_str(); times].join(",");
        let encoded: String = form_urlencoded::byte_serialize(value.as_bytes()).collect();
        let query = format!("view=highlights&{name}={encoded}");
        let (state, problems) = State::from_query(&query);
        for problem in &problems {
            check_notice(problem, &format!("a link with {times} × {chunk:?} in {name}"))?;
        }
        let mut after = state.clone();
        if let Err(notice) = after.apply(name, &value, true) {
            check_notice(&notice, &format!("an event with {times} × {chunk:?} in {name}"))?;
            prop_assert_eq!(after, state, "a refused event changed the view");
        }
    }
}
