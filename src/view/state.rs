//! The reader's choices ([`State`]) and the one way they change ([`State::apply`]), which
//! validates every event and leaves the state unchanged when it refuses one.

use super::annotations::{Band, Note, Outline, ReferenceLine};
use super::event::{refused, Direction, Event, YearChoice};
use super::ids::{
    measures, transforms, Measure, Topic, Transform, ViewId, FDI_MEASURES, MARKET_SERIES,
    TABLE1_ALL, TOPICS,
};
use crate::data::{self, Dataset, TABLE1_TYPES, TABLE1_YEARS, TABLE3_SERIES, TABLE3_YEARS};
use crate::plot::{Category, ChartKind};

/// The chart kinds a state allows: stacking needs shares or counts of one whole, and no
/// transform.
pub fn chart_kinds(state: &State) -> Vec<ChartKind> {
    match state.view {
        ViewId::Fdi => vec![ChartKind::Bars, ChartKind::Line],
        ViewId::Rd => vec![ChartKind::Bars],
        ViewId::Quality => Vec::new(),
        ViewId::Trade => vec![state.topic().kind],
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
    pub(super) view: ViewId,
    pub(super) measure: &'static str,
    pub(super) transform: Transform,
    pub(super) chart: ChartKind,
    /// The chart kind the reader last picked, restored when a measure or transform allows it.
    pub(super) chosen_chart: ChartKind,
    /// Series switched on, by id. Series not offered by the current measure are kept, so that
    /// switching measures back and forth keeps the reader's choice.
    pub(super) series: Vec<String>,
    /// Categories (years, or measures in the R&D view) switched on, by id.
    pub(super) categories: Vec<String>,
    pub(super) base_year: u16,
    pub(super) from_year: u16,
    pub(super) to_year: u16,
    pub(super) log_scale: bool,
    pub(super) topic: &'static str,
    /// The emphasised series, by id, in the view's order: every other shown series is dimmed.
    pub(super) emphasis: Vec<String>,
    /// Labelled reference lines.
    pub(super) reference_lines: Vec<ReferenceLine>,
    /// Labelled shaded spans.
    pub(super) bands: Vec<Band>,
    /// Callouts on single points.
    pub(super) notes: Vec<Note>,
    /// Values outlined because a finding or a claim names them ("Show in…").
    pub(super) outlines: Vec<Outline>,
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
            reference_lines: Vec::new(),
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
            ViewId::Trade => state.topic().kind,
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
            ViewId::Trade => {
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

    /// The view shown.
    pub fn view(&self) -> ViewId {
        self.view
    }

    /// How values are shown: as printed, as an index or as a change.
    pub fn transform(&self) -> Transform {
        self.transform
    }

    /// The chart kind drawn.
    pub fn chart(&self) -> ChartKind {
        self.chart
    }

    /// The series switched on, by id, in the view's order.
    pub fn series(&self) -> &[String] {
        &self.series
    }

    /// The categories (years, or measures in the R&D view) switched on, by id, in order.
    pub fn categories(&self) -> &[String] {
        &self.categories
    }

    /// The year an index is based on.
    pub fn base_year(&self) -> u16 {
        self.base_year
    }

    /// The first year a change compares.
    pub fn from_year(&self) -> u16 {
        self.from_year
    }

    /// The last year a change compares.
    pub fn to_year(&self) -> u16 {
        self.to_year
    }

    /// True when values are drawn on a logarithmic scale.
    pub fn log_scale(&self) -> bool {
        self.log_scale
    }

    /// The emphasised series, by id, in the view's order.
    pub fn emphasis(&self) -> &[String] {
        &self.emphasis
    }

    /// The lecturer's labelled reference lines.
    pub fn reference_lines(&self) -> &[ReferenceLine] {
        &self.reference_lines
    }

    /// The lecturer's labelled shaded spans.
    pub fn bands(&self) -> &[Band] {
        &self.bands
    }

    /// The lecturer's callouts on single values.
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// The values outlined because a finding or a claim names them.
    pub fn outlines(&self) -> &[Outline] {
        &self.outlines
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
            ViewId::Trade => self.topic().years(),
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
            ViewId::Trade => self
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

    /// Applies one event of the view's (see [`Event`]). Returns a message the reader can act
    /// on when the event makes no sense here; the state is then unchanged.
    pub fn apply(&mut self, event: Event) -> Result<(), String> {
        match event {
            Event::View(view) => {
                if view != self.view {
                    *self = State::for_view(view);
                }
            }
            Event::Measure(value) => {
                let measure = measures(self.view)
                    .iter()
                    .find(|measure| measure.id == value)
                    .ok_or_else(|| refused("This view has no measure called ", &value, "."))?;
                // Callouts and outlines point at values, which another measure or transform
                // changes.
                if measure.id != self.measure {
                    self.clear_value_annotations();
                }
                self.measure = measure.id;
                self.playing = false;
                self.fit_chart_kind();
            }
            Event::Transform(transform) => {
                if !transforms(self.view).contains(&transform) {
                    return Err(format!("This view cannot show '{}'.", transform.id()));
                }
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
            Event::Chart(kind) => {
                if !chart_kinds(self).contains(&kind) {
                    return Err(format!(
                        "A '{}' chart is not available for this choice.",
                        kind.id()
                    ));
                }
                self.chart = kind;
                self.chosen_chart = kind;
            }
            Event::Series { id, on } => {
                if !self
                    .offered_series()
                    .iter()
                    .any(|(offered, _)| *offered == id)
                {
                    return Err(refused("This view has no series called ", &id, "."));
                }
                set_member(&mut self.series, &id, on);
            }
            Event::Legend(id) => {
                let on = !self.shows_series(&id);
                return self.apply(Event::Series { id, on });
            }
            Event::Category { id, on } => {
                if !self
                    .all_categories()
                    .iter()
                    .any(|category| category.id == id)
                {
                    return Err(refused(
                        "This view has no year or category called ",
                        &id,
                        ".",
                    ));
                }
                set_member(&mut self.categories, &id, on);
                self.playing = false;
            }
            Event::SeriesAll | Event::SeriesNone => {
                let on = matches!(event, Event::SeriesAll);
                for (id, _) in self.offered_series() {
                    set_member(&mut self.series, id, on);
                }
            }
            Event::Play | Event::Step(_) | Event::PlayAt(_)
                if self.transform == Transform::Change =>
            {
                return Err("Stepping through the years works with values and indexes; a change compares the two chosen years.".to_string());
            }
            Event::Play | Event::PlayAt(_) if self.all_categories().is_empty() => {
                return Err("This view has no years to play through.".to_string());
            }
            Event::Play => {
                // Playing starts from the first year alone; a step then reveals one year at a time.
                self.categories = self
                    .all_categories()
                    .into_iter()
                    .take(1)
                    .map(|category| category.id)
                    .collect();
                self.playing = true;
            }
            Event::PlayAt(index) => {
                // The timeline slider shows the years up to the one it points at, like Play.
                let ordered: Vec<String> = self
                    .all_categories()
                    .into_iter()
                    .map(|category| category.id)
                    .collect();
                if index >= ordered.len() {
                    return Err(format!(
                        "The timeline has positions 0 to {}, not '{index}'.",
                        ordered.len() - 1,
                    ));
                }
                self.categories = ordered[..=index].to_vec();
                self.playing = true;
            }
            // The page runs Play's timer and reads the speed itself; reading the event checked it.
            Event::PlaySpeed(_) => {}
            Event::Step(direction) => {
                let ordered: Vec<String> = self
                    .all_categories()
                    .into_iter()
                    .map(|category| category.id)
                    .collect();
                match direction {
                    Direction::Next => {
                        if let Some(next) = ordered.iter().find(|id| !self.shows_category(id)) {
                            self.categories.push(next.clone());
                        }
                    }
                    Direction::Prev => {
                        let shown: Vec<&String> = ordered
                            .iter()
                            .filter(|id| self.shows_category(id))
                            .collect();
                        if let [_, .., last] = shown.as_slice() {
                            let last = (*last).clone();
                            set_member(&mut self.categories, &last, false);
                        }
                    }
                }
            }
            Event::CategoryAll => {
                self.categories = self
                    .all_categories()
                    .into_iter()
                    .map(|category| category.id)
                    .collect();
                self.playing = false;
            }
            Event::CategoryNone => {
                self.categories.clear();
                self.playing = false;
            }
            Event::Year(choice, year) => {
                if !self.years().contains(&year) {
                    return Err(format!("'{year}' is not one of this view's years."));
                }
                match choice {
                    YearChoice::Base => self.base_year = year,
                    YearChoice::From => self.from_year = year,
                    YearChoice::To => self.to_year = year,
                }
            }
            Event::Log(on) => {
                if self.view != ViewId::Fdi && on {
                    return Err("A logarithmic scale is offered for FDI only.".to_string());
                }
                // An index or a change is never drawn on a log scale: a scale switched on there
                // would linger unseen and surprise the reader on the way back to values.
                if self.transform != Transform::Level && on {
                    return Err(
                        "A logarithmic scale applies to values only: choose Values first."
                            .to_string(),
                    );
                }
                self.log_scale = on;
            }
            Event::Topic(_) if self.view != ViewId::Trade => {
                return Err(format!(
                    "Only the {} view has topics.",
                    ViewId::Trade.label()
                ));
            }
            Event::Topic(value) => {
                let topic = TOPICS
                    .iter()
                    .find(|topic| topic.id == value)
                    .ok_or_else(|| refused("There is no topic called ", &value, "."))?;
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
            Event::Emphasis { id, on } => {
                if !self.view_series().contains(&id.as_str()) {
                    return Err(refused(
                        "This view has no series called ",
                        &id,
                        " to emphasise.",
                    ));
                }
                set_member(&mut self.emphasis, &id, on);
            }
            Event::Annotations(kind, text) => {
                self.replace_annotations(kind, &text, true)?;
            }
            Event::AnnotationsClear => self.clear_annotations(),
            _ => {
                return Err(
                    "That control belongs to the story or the page, not to the view's choices."
                        .to_string(),
                )
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
