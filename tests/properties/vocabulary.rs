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
    pub(crate) fn for_control(&self, name: &str) -> Vec<String> {
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

/// The controls the page sends events for, and the annotations a story or a script sends.
pub(crate) const EVENT_NAMES: [&str; 26] = [
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
pub(crate) static LINK_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut names = api::KEYS.to_vec();
    names.extend(["play", "emph", "mark", "band", "note"]);
    names
});

/// Characters that go wrong in links and notices: bidi overrides and isolates, zero-width and
/// other invisible characters, controls, the separators of a query, and text outside ASCII.
pub(crate) const TRICKY: [char; 24] = [
    '\u{202E}', '\u{202D}', '\u{2066}', '\u{2069}', '\u{200F}', '\u{061C}', '\u{200B}', '\u{FEFF}',
    '\u{2060}', '\u{AD}', '\u{0}', '\u{1B}', '\u{85}', '\n', '\t', ' ', ',', '&', '=', '%', '+',
    'é', '中', '😀',
];
