//! The reader's choices ([`State`]) and the one way they change ([`State::apply`]), which
//! validates every event and leaves the state unchanged when it refuses one.

use super::annotations::{Annotation, Band, Mark, Note, Outline};
use super::ids::{
    measures, transforms, Measure, Topic, Transform, ViewId, FDI_MEASURES, MARKET_SERIES,
    TABLE1_ALL, TOPICS,
};
use crate::data::{self, Dataset, TABLE1_TYPES, TABLE1_YEARS, TABLE3_SERIES, TABLE3_YEARS};
use crate::notice::quoted;
use crate::plot::{Category, ChartKind};

/// The values the page's Play speed picker sends (milliseconds per year): the page runs the
/// timer, so the core only checks them.
pub const PLAY_SPEEDS_MS: [u32; 3] = [500, 1000, 2000];
/// The speed Play starts at: one year a second.
pub const DEFAULT_PLAY_SPEED_MS: u32 = 1000;

/// The chart kinds a state allows: stacking needs shares or counts of one whole, and no
/// transform.
pub fn chart_kinds(state: &State) -> Vec<ChartKind> {
    match state.view {
        ViewId::Fdi => vec![ChartKind::Bars, ChartKind::Line],
        ViewId::Rd => vec![ChartKind::Bars],
        ViewId::Quality => Vec::new(),
        ViewId::Highlights => vec![state.topic().kind],
        // A change has one category: bars only (a line of single dots would say nothing).
        _ if state.transform == Transform::Change => vec![ChartKind::Bars],
        _ if state.transform != Transform::Level => vec![ChartKind::Bars, ChartKind::Line],
        _ if state.measure().stackable => ChartKind::ALL.to_vec(),
        _ => vec![ChartKind::Line, ChartKind::Bars],
    }
}

/// Every choice the reader has made.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub view: ViewId,
    pub(super) measure: &'static str,
    pub transform: Transform,
    pub chart: ChartKind,
    /// The chart kind the reader last picked, restored when a measure or transform allows it.
    pub(super) chosen_chart: ChartKind,
    /// Series switched on, by id. Series not offered by the current measure are kept, so that
    /// switching measures back and forth keeps the reader's choice.
    pub series: Vec<String>,
    /// Categories (years, or measures in the R&D view) switched on, by id.
    pub categories: Vec<String>,
    pub base_year: u16,
    pub from_year: u16,
    pub to_year: u16,
    pub log_scale: bool,
    pub(super) topic: &'static str,
    /// The emphasised series, by id, in the view's order: every other shown series is dimmed.
    pub emphasis: Vec<String>,
    /// Labelled reference lines.
    pub marks: Vec<Mark>,
    /// Labelled shaded spans.
    pub bands: Vec<Band>,
    /// Callouts on single points.
    pub notes: Vec<Note>,
    /// Values outlined because a finding or a claim names them ("Show in…").
    pub outlines: Vec<Outline>,
    /// The reader is playing (or scrubbing) through the years: the value axis then covers
    /// every year of the view, not only those shown yet. Any other change of the years, the
    /// measure, the transform, the topic or the view ends it.
    pub(super) playing: bool,
}

impl Default for State {
    fn default() -> State {
        State::for_view(ViewId::Ownership)
    }
}

impl State {
    /// The default state of a view.
    pub fn for_view(view: ViewId) -> State {
        let measure = measures(view)
            .first()
            .map(|measure| measure.id)
            .unwrap_or("");
        let mut state = State {
            view,
            measure,
            transform: Transform::Level,
            chart: ChartKind::Line,
            chosen_chart: ChartKind::Line,
            series: Vec::new(),
            categories: Vec::new(),
            base_year: 0,
            from_year: 0,
            to_year: 0,
            log_scale: false,
            topic: TOPICS[0].id,
            emphasis: Vec::new(),
            marks: Vec::new(),
            bands: Vec::new(),
            notes: Vec::new(),
            outlines: Vec::new(),
            playing: false,
        };
        state.series = state.default_series();
        state.categories = state
            .all_categories()
            .into_iter()
            .map(|category| category.id)
            .collect();
        state.chart = match view {
            ViewId::Fdi | ViewId::Rd => ChartKind::Bars,
            ViewId::Exports => ChartKind::Stacked100,
            ViewId::Highlights => state.topic().kind,
            _ => ChartKind::Line,
        };
        state.chosen_chart = state.chart;
        state.reset_years();
        state
    }

    fn default_series(&self) -> Vec<String> {
        let offered: &[&str] = match self.view {
            ViewId::Ownership => &TABLE1_TYPES,
            ViewId::Market => &TABLE3_SERIES,
            ViewId::Highlights => {
                return self
                    .topic()
                    .lines
                    .iter()
                    .map(|(series, _, _)| series.to_string())
                    .collect()
            }
            ViewId::Quality => &[],
            _ => self.measure().series,
        };
        offered.iter().map(|series| series.to_string()).collect()
    }

    /// Base, from and to years set to the first and last years of the view.
    fn reset_years(&mut self) {
        let years = self.years();
        self.base_year = years.first().copied().unwrap_or(0);
        self.from_year = self.base_year;
        self.to_year = years.last().copied().unwrap_or(0);
    }

    /// The chosen measure.
    pub fn measure(&self) -> Measure {
        measures(self.view)
            .iter()
            .copied()
            .find(|measure| measure.id == self.measure)
            .unwrap_or(FDI_MEASURES[0])
    }

    /// The chosen topic of the trade-and-output view.
    pub fn topic(&self) -> Topic {
        TOPICS
            .iter()
            .copied()
            .find(|topic| topic.id == self.topic)
            .unwrap_or(TOPICS[0])
    }

    /// The years the view's data covers, for the base/from/to pickers.
    pub fn years(&self) -> Vec<u16> {
        match self.view {
            ViewId::Ownership => TABLE1_YEARS.to_vec(),
            ViewId::Fdi => data::years(Dataset::Table2),
            ViewId::Market => TABLE3_YEARS.to_vec(),
            ViewId::Exports => data::years(Dataset::Table4),
            ViewId::Highlights => self.topic().years(),
            ViewId::Rd | ViewId::Quality => Vec::new(),
        }
    }

    /// The state with every offered series and category switched on: what the controls look
    /// like apart from their checkboxes, so that the page rebuilds them only when this
    /// changes, and a toggle only sets the boxes.
    pub fn controls_shape(&self) -> State {
        let mut shape = self.clone();
        shape.series = self
            .offered_series()
            .into_iter()
            .map(|(id, _)| id.to_string())
            .collect();
        shape.categories = self
            .all_categories()
            .into_iter()
            .map(|category| category.id)
            .collect();
        shape
    }

    /// Every category the view can show, whether switched on or not.
    pub fn all_categories(&self) -> Vec<Category> {
        match self.view {
            ViewId::Rd => ["electronic_telecom", "computers_office"]
                .iter()
                .map(|measure| Category {
                    id: measure.to_string(),
                    label: data::measure_label(measure).to_string(),
                    year: None,
                })
                .collect(),
            _ => self
                .years()
                .into_iter()
                .map(|year| Category {
                    id: year.to_string(),
                    label: year.to_string(),
                    year: Some(year),
                })
                .collect(),
        }
    }

    /// The series the current measure offers, with labels, in legend order.
    pub fn offered_series(&self) -> Vec<(&'static str, String)> {
        let ids: Vec<&'static str> = match self.view {
            ViewId::Highlights => self
                .topic()
                .lines
                .iter()
                .map(|(series, _, _)| *series)
                .collect(),
            ViewId::Quality => Vec::new(),
            _ => self.measure().series.to_vec(),
        };
        ids.into_iter()
            .map(|id| (id, self.series_label(id)))
            .collect()
    }

    fn series_label(&self, id: &str) -> String {
        match (self.view, id) {
            (ViewId::Market, "industry") => "Industry (weighted average)".to_string(),
            (ViewId::Rd, country) => {
                let year = data::of(Dataset::Table5)
                    .find(|datum| datum.series == country)
                    .and_then(|datum| datum.year);
                format!(
                    "{} ({})",
                    data::series_label(country),
                    year.map(|year| year.to_string()).unwrap_or_default()
                )
            }
            _ => data::series_label(id).to_string(),
        }
    }

    /// Every series the view can show under any measure, in one fixed order: the order of the
    /// selection, so that equal choices give equal links. (A series' colour and marker are
    /// fixed by its id alone, [`plot::series_look`], the same in every view.)
    pub fn view_series(&self) -> Vec<&'static str> {
        match self.view {
            ViewId::Ownership => TABLE1_ALL.to_vec(),
            ViewId::Market => MARKET_SERIES.to_vec(),
            _ => self
                .offered_series()
                .into_iter()
                .map(|(id, _)| id)
                .collect(),
        }
    }

    /// True while the reader plays or scrubs through the years, so that the value axis stays
    /// fixed to the range over all of them.
    pub fn playing(&self) -> bool {
        self.playing
    }

    /// The position of the last year shown among the years Play goes through (0 when none is
    /// shown), for the timeline slider.
    pub fn play_position(&self) -> usize {
        self.all_categories()
            .iter()
            .rposition(|category| self.shows_category(&category.id))
            .unwrap_or(0)
    }

    /// True when the series is switched on.
    pub fn shows_series(&self, id: &str) -> bool {
        self.series.iter().any(|series| series == id)
    }

    /// True when the category is switched on.
    pub fn shows_category(&self, id: &str) -> bool {
        self.categories.iter().any(|category| category == id)
    }

    /// Applies one event from the page: a control's `name`, its `value`, and whether it is
    /// checked (for checkboxes). Returns a message the reader can act on when the event makes
    /// no sense; the state is then unchanged.
    pub fn apply(&mut self, name: &str, value: &str, checked: bool) -> Result<(), String> {
        match name {
            "view" => {
                let view = ViewId::from_id(value)
                    .ok_or_else(|| format!("There is no view called '{}'.", quoted(value)))?;
                if view != self.view {
                    *self = State::for_view(view);
                }
            }
            "measure" => {
                let measure = measures(self.view)
                    .iter()
                    .find(|measure| measure.id == value)
                    .ok_or_else(|| {
                        format!("This view has no measure called '{}'.", quoted(value))
                    })?;
                // Callouts and outlines point at values, which another measure or transform
                // changes.
                if measure.id != self.measure {
                    self.clear_value_annotations();
                }
                self.measure = measure.id;
                self.playing = false;
                self.fit_chart_kind();
            }
            "transform" => {
                let transform = Transform::from_id(value)
                    .filter(|transform| transforms(self.view).contains(transform))
                    .ok_or_else(|| format!("This view cannot show '{}'.", quoted(value)))?;
                if transform != self.transform {
                    self.clear_value_annotations();
                }
                self.transform = transform;
                // The logarithmic scale applies to values only; it must not linger unseen.
                if transform != Transform::Level {
                    self.log_scale = false;
                }
                self.playing = false;
                self.fit_chart_kind();
            }
            "chart" => {
                let kind = ChartKind::from_id(value)
                    .filter(|kind| chart_kinds(self).contains(kind))
                    .ok_or_else(|| {
                        format!(
                            "A '{}' chart is not available for this choice.",
                            quoted(value)
                        )
                    })?;
                self.chart = kind;
                self.chosen_chart = kind;
            }
            "series" => {
                if !self.offered_series().iter().any(|(id, _)| *id == value) {
                    return Err(format!(
                        "This view has no series called '{}'.",
                        quoted(value)
                    ));
                }
                set_member(&mut self.series, value, checked);
            }
            "legend" => {
                let on = self.shows_series(value);
                return self.apply("series", value, !on);
            }
            "category" => {
                if !self
                    .all_categories()
                    .iter()
                    .any(|category| category.id == value)
                {
                    return Err(format!(
                        "This view has no year or category called '{}'.",
                        quoted(value)
                    ));
                }
                set_member(&mut self.categories, value, checked);
                self.playing = false;
            }
            "series-all" => {
                for (id, _) in self.offered_series() {
                    set_member(&mut self.series, id, true);
                }
            }
            "series-none" => {
                for (id, _) in self.offered_series() {
                    set_member(&mut self.series, id, false);
                }
            }
            "play" | "step" | "play-at" if self.transform == Transform::Change => {
                return Err("Stepping through the years works with values and indexes; a change compares the two chosen years.".to_string());
            }
            "play" | "play-at" if self.all_categories().is_empty() => {
                return Err("This view has no years to play through.".to_string());
            }
            "play" => {
                // Playing starts from the first year alone; "step" then reveals one year at a time.
                self.categories = self
                    .all_categories()
                    .into_iter()
                    .take(1)
                    .map(|category| category.id)
                    .collect();
                self.playing = true;
            }
            "play-at" => {
                // The timeline slider shows the years up to the one it points at, like Play.
                let ordered: Vec<String> = self
                    .all_categories()
                    .into_iter()
                    .map(|category| category.id)
                    .collect();
                let index = value
                    .parse::<usize>()
                    .ok()
                    .filter(|index| *index < ordered.len())
                    .ok_or_else(|| {
                        format!(
                            "The timeline has positions 0 to {}, not '{}'.",
                            ordered.len() - 1,
                            quoted(value)
                        )
                    })?;
                self.categories = ordered[..=index].to_vec();
                self.playing = true;
            }
            "play-speed" => {
                // The page runs Play's timer and reads the speed itself; the core only checks it.
                if !PLAY_SPEEDS_MS
                    .iter()
                    .any(|speed| speed.to_string() == value)
                {
                    return Err(format!(
                        "Play runs at 0.5, 1 or 2 seconds per year (500, 1000 or 2000 ms), not '{}'.",
                        quoted(value)
                    ));
                }
            }
            "step" => {
                let ordered: Vec<String> = self
                    .all_categories()
                    .into_iter()
                    .map(|category| category.id)
                    .collect();
                match value {
                    "next" => {
                        if let Some(next) = ordered.iter().find(|id| !self.shows_category(id)) {
                            self.categories.push(next.clone());
                        }
                    }
                    "prev" => {
                        let shown: Vec<&String> = ordered
                            .iter()
                            .filter(|id| self.shows_category(id))
                            .collect();
                        if let [_, .., last] = shown.as_slice() {
                            let last = (*last).clone();
                            set_member(&mut self.categories, &last, false);
                        }
                    }
                    _ => {
                        return Err(format!(
                            "Cannot step '{}': use next or prev.",
                            quoted(value)
                        ))
                    }
                }
            }
            "category-all" => {
                self.categories = self
                    .all_categories()
                    .into_iter()
                    .map(|category| category.id)
                    .collect();
                self.playing = false;
            }
            "category-none" => {
                self.categories.clear();
                self.playing = false;
            }
            "base" | "from" | "to" => {
                let year: u16 = value
                    .parse()
                    .ok()
                    .filter(|year| self.years().contains(year))
                    .ok_or_else(|| {
                        format!("'{}' is not one of this view's years.", quoted(value))
                    })?;
                match name {
                    "base" => self.base_year = year,
                    "from" => self.from_year = year,
                    _ => self.to_year = year,
                }
            }
            "log" => {
                if self.view != ViewId::Fdi && checked {
                    return Err("A logarithmic scale is offered for FDI only.".to_string());
                }
                // An index or a change is never drawn on a log scale: a scale switched on there
                // would linger unseen and surprise the reader on the way back to values.
                if self.transform != Transform::Level && checked {
                    return Err(
                        "A logarithmic scale applies to values only: choose Values first."
                            .to_string(),
                    );
                }
                self.log_scale = checked;
            }
            "topic" if self.view != ViewId::Highlights => {
                return Err(format!(
                    "Only the {} view has topics.",
                    ViewId::Highlights.label()
                ));
            }
            "topic" => {
                let topic = TOPICS
                    .iter()
                    .find(|topic| topic.id == value)
                    .ok_or_else(|| format!("There is no topic called '{}'.", quoted(value)))?;
                self.topic = topic.id;
                self.series = self.default_series();
                self.categories = self
                    .all_categories()
                    .into_iter()
                    .map(|category| category.id)
                    .collect();
                self.chart = topic.kind;
                self.chosen_chart = topic.kind;
                self.reset_years();
                // A topic is a chart of its own: what pointed into the last one goes.
                self.clear_annotations();
                self.playing = false;
            }
            "emph" => {
                if !self.view_series().contains(&value) {
                    return Err(format!(
                        "This view has no series called '{}' to emphasise.",
                        quoted(value)
                    ));
                }
                set_member(&mut self.emphasis, value, checked);
            }
            Mark::NAME | Band::NAME | Note::NAME | Outline::NAME => {
                self.replace_annotations(name, value, true)?;
            }
            "annotations-clear" => self.clear_annotations(),
            _ => {
                return Err(format!(
                    "The page sent an unknown control '{}'.",
                    quoted(name)
                ))
            }
        }
        self.normalize();
        Ok(())
    }

    /// Keeps the selected series and categories in their display order, so that equal choices
    /// always give equal states and equal links.
    fn normalize(&mut self) {
        let series_order = self.view_series();
        let series_position = |id: &String| {
            series_order
                .iter()
                .position(|known| known == id)
                .unwrap_or(usize::MAX)
        };
        crate::sort::by_key(&mut self.series, series_position);
        crate::sort::by_key(&mut self.emphasis, series_position);
        let category_order: Vec<String> = self
            .all_categories()
            .into_iter()
            .map(|category| category.id)
            .collect();
        crate::sort::by_key(&mut self.categories, |id| {
            category_order
                .iter()
                .position(|known| known == id)
                .unwrap_or(usize::MAX)
        });
    }

    /// Keeps the chart kind among those allowed after a measure or transform change: the
    /// reader's own choice whenever it is allowed, otherwise bars (stacks taken apart, or a
    /// change's single category). The kind then follows from the state alone, not from the
    /// order of earlier changes, so a link brings back exactly the chart the reader saw.
    fn fit_chart_kind(&mut self) {
        let allowed = chart_kinds(self);
        self.chart = [self.chosen_chart, ChartKind::Bars]
            .into_iter()
            .find(|kind| allowed.contains(kind))
            .or(allowed.first().copied())
            .unwrap_or(ChartKind::Line);
    }
}

pub(super) fn set_member(list: &mut Vec<String>, id: &str, present: bool) {
    let position = list.iter().position(|member| member == id);
    match (position, present) {
        (None, true) => list.push(id.to_string()),
        (Some(index), false) => {
            list.remove(index);
        }
        _ => {}
    }
}
