//! What the app knows: the ids its events and links use, by control, the names of its events
//! and its link's settings, and the characters that go wrong in links and notices.

use super::*;

/// The ids the app uses in events and links, by the control that takes them.
pub(crate) struct Vocabulary {
    pub(crate) views: Vec<String>,
    pub(crate) measures: Vec<String>,
    pub(crate) transforms: Vec<String>,
    pub(crate) charts: Vec<String>,
    pub(crate) topics: Vec<String>,
    pub(crate) series: Vec<String>,
    /// Years, and the R&D view's measures, which take the place of years there.
    pub(crate) categories: Vec<String>,
    /// The keys of the paper's cells, as "Show in" buttons send them.
    pub(crate) cell_keys: Vec<String>,
}

pub(crate) static KNOWN: LazyLock<Vocabulary> = LazyLock::new(|| {
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
        let mut state = State::for_view(ViewId::Trade);
        Event::read("topic", topic.id, true)
            .and_then(|event| state.apply(event))
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
    /// The ids a control or a link's setting of this name takes.
    pub(crate) fn for_control(&self, name: &str) -> Vec<String> {
        let words = match (Control::from_name(name), Setting::from_name(name)) {
            (Some(Control::View), _) => &self.views,
            (Some(Control::Measure), _) => &self.measures,
            (Some(Control::Transform), _) => &self.transforms,
            (Some(Control::Chart), _) => &self.charts,
            (Some(Control::Topic), _) => &self.topics,
            (Some(Control::Series | Control::Legend | Control::Emphasis), _) => &self.series,
            (Some(Control::Category | Control::Base | Control::From | Control::To), _)
            | (_, Some(Setting::Years | Setting::Measures)) => &self.categories,
            (Some(Control::Goto), _) => &self.cell_keys,
            (Some(Control::Step), _) => return vec!["next".into(), "prev".into()],
            (Some(Control::Log | Control::Play), _) => {
                return vec!["0".into(), "1".into(), String::new()]
            }
            (Some(Control::PlayAt), _) => return (0..20).map(|index| index.to_string()).collect(),
            (Some(Control::PlaySpeed), _) => {
                return ["500", "1000", "2000", "1500"].map(String::from).to_vec()
            }
            _ => return vec![String::new()],
        };
        words.clone()
    }

    pub(crate) fn all(&self) -> Vec<String> {
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

/// The controls of the view's choices, which the page sends events for, with the annotations a
/// story or a script sends.
pub(crate) static EVENT_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    Control::ALL
        .into_iter()
        .filter(|control| control.scope() == Scope::View)
        .map(Control::name)
        .collect()
});

/// The names a state's link uses: the view, then the settings it reads after it.
pub(crate) static LINK_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    [Setting::View]
        .into_iter()
        .chain(Setting::LINK)
        .map(Setting::name)
        .collect()
});

/// The names of a view's settings in the script API.
pub(crate) static SCRIPT_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    Setting::SCRIPT_VIEW
        .into_iter()
        .map(Setting::name)
        .collect()
});

/// The names of every setting in the script API, the story's too.
pub(crate) static ALL_SCRIPT_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    Setting::SCRIPT_STORY
        .into_iter()
        .chain(Setting::SCRIPT_PAGE)
        .chain(Setting::SCRIPT_VIEW)
        .map(Setting::name)
        .collect()
});

/// Characters that go wrong in links and notices: bidi overrides and isolates, zero-width and
/// other invisible characters, controls, the separators of a query, and text outside ASCII.
pub(crate) const TRICKY: [char; 24] = [
    '\u{202E}', '\u{202D}', '\u{2066}', '\u{2069}', '\u{200F}', '\u{061C}', '\u{200B}', '\u{FEFF}',
    '\u{2060}', '\u{AD}', '\u{0}', '\u{1B}', '\u{85}', '\n', '\t', ' ', ',', '&', '=', '%', '+',
    'é', '中', '😀',
];
