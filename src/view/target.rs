//! "Show in…": the state that shows the cells a finding or a claim is about.

use super::annotations::{Outline, MOST_OUTLINES};
use super::event::Event;
use super::ids::{measures, Transform, ViewId, OVERLAPPING_SERIES, TOPICS};
use super::plots::plot;
use super::state::State;
use crate::data::{Dataset, Datum, Lookup};
use crate::notice::{cleaned, quoted};
use crate::plot::ChartKind;

impl State {
    /// Where this state's chart holds the cell with `key` (`dataset/series/measure/year`): the
    /// series and the category of its point, whether or not they are switched on. `None` when
    /// the chart shows something else, or numbers computed from the cell (an index, a change).
    pub fn cell_at(&self, key: &str) -> Option<(&'static str, String)> {
        if self.transform != Transform::Level {
            return None;
        }
        places(key)
            .into_iter()
            .find(|place| place.view == self.view && place.chart == self.chart_id())
            .map(|place| (place.series, place.category))
    }

    /// True when this state's plot shows the cell with `key` as a point with a value.
    pub fn shows_cell(&self, key: &str) -> bool {
        let (Some((series, category)), Some(plot)) = (self.cell_at(key), plot(self)) else {
            return false;
        };
        plot.has_value_at(series, &category)
    }

    /// The measure, or in the trade-and-output view the topic, that decides what the chart
    /// holds.
    fn chart_id(&self) -> &'static str {
        if self.view == ViewId::Trade {
            self.topic
        } else {
            self.measure
        }
    }

    /// The state that best shows the cells with these keys (`dataset/series/measure/year`):
    /// see [`Target::of`].
    pub fn showing(keys: &[&str]) -> State {
        Target::of(keys).state
    }
}

/// What a "Show in…" button opens: the state whose chart holds the most of the cells a
/// finding or a claim names, with those cells' series switched on and their values outlined,
/// and what the reader is told about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub state: State,
    /// The finding's title or the claim's statement, cleaned; empty when the button sent none.
    pub title: String,
    /// How many of the named cells the paper has.
    pub named: usize,
    /// How many of them the chart holds.
    pub charted: usize,
    /// Where no chart holds any of them: the ids of their rows in the Trade & output view's
    /// list of the numbers no chart plots (see [`unplotted_row_id`]), which the page marks and
    /// moves the focus to; otherwise empty.
    pub rows: Vec<String>,
}

/// The most characters of a finding's title or a claim's statement that the view repeats.
const TITLE_LENGTH: usize = 240;

impl Target {
    /// The words of the button that opens this target. "Show in" promises a chart that draws
    /// the values; where no chart plots them, the button promises the rows that list them, or,
    /// should a number of a table ever be plotted nowhere, says it only opens the view (whose
    /// banner then says so).
    pub fn button_label(&self) -> String {
        let view = self.state.view.label();
        match self.rows.len() {
            0 => {}
            1 => return format!("Show the quoted number in {view}"),
            count => return format!("Show the {count} quoted numbers in {view}"),
        }
        if self.charted == 0 {
            format!("Open {view} (no chart plots this)")
        } else {
            format!("Show in {view}")
        }
    }

    /// Reads the value a "Show in…" button sends: the cell keys, separated by spaces, then
    /// optionally `|` and the finding's title or the claim's statement. A value that names no
    /// cell of the paper is refused, so that it cannot silently reset the view.
    pub fn read(value: &str) -> Result<Target, String> {
        let (cells, title) = value.split_once('|').unwrap_or((value, ""));
        let keys: Vec<&str> = cells.split_whitespace().collect();
        if keys.is_empty() {
            return Err("The link to a finding names no cells.".to_string());
        }
        if let Some(Err(problem)) = keys
            .iter()
            .map(|key| Lookup::paper().by_key(key))
            .reduce(|first, next| first.or_else(|problem| next.map_err(|_| problem)))
        {
            return Err(format!(
                "The link to a finding names no cell of the paper: '{}' ({problem}).",
                quoted(cells)
            ));
        }
        let mut target = Target::of(&keys);
        target.title = cleaned(title, TITLE_LENGTH);
        Ok(target)
    }

    /// The target for the cells with these keys (`dataset/series/measure/year`): of the charts
    /// that hold some of them, the one holding the most (of equals, the first met, since a
    /// finding or a claim names its own cell first). When no chart holds any, the view of the
    /// first table among them (or of the first cell) as it opens. Unknown keys are passed over.
    pub fn of(keys: &[&str]) -> Target {
        let known: Vec<&str> = keys
            .iter()
            .copied()
            .filter(|key| datum_of(key).is_some())
            .collect();
        // Each chart that holds some of the cells, with the places of those it holds.
        let mut charts: Vec<((ViewId, &'static str), Vec<Place>)> = Vec::new();
        for key in &known {
            for place in places(key) {
                let chart = (place.view, place.chart);
                match charts.iter_mut().find(|(seen, _)| *seen == chart) {
                    Some((_, held)) => held.push(place),
                    None => charts.push((chart, vec![place])),
                }
            }
        }
        let best = charts
            .iter()
            .fold(None, |best: Option<&(_, Vec<Place>)>, chart| match best {
                Some((_, held)) if held.len() >= chart.1.len() => best,
                _ => Some(chart),
            });
        let Some(((view, chart), held)) = best else {
            let state = State::for_view(fallback_view(&known));
            let mut rows: Vec<String> = Vec::new();
            if state.view == ViewId::Trade {
                for id in known.iter().filter_map(|key| unplotted_row_id(key)) {
                    if !rows.contains(&id) {
                        rows.push(id);
                    }
                }
            }
            return Target {
                state,
                title: String::new(),
                named: known.len(),
                charted: 0,
                rows,
            };
        };
        let mut state = State::for_view(*view);
        // The ids come from the view's own tables, so the view takes them.
        let choice = if *view == ViewId::Trade {
            Event::Topic
        } else {
            Event::Measure
        };
        let _ = state.apply(choice(chart.to_string()));
        for place in held {
            let _ = state.apply(Event::Series {
                id: place.series.to_string(),
                on: true,
            });
        }
        // A stack leaves out the series that overlap the others (state-controlled firms,
        // totals): those are shown as bars side by side.
        let stacked = matches!(state.chart, ChartKind::Stacked | ChartKind::Stacked100);
        if stacked
            && held
                .iter()
                .any(|place| OVERLAPPING_SERIES.contains(&place.series))
        {
            let _ = state.apply(Event::Chart(ChartKind::Bars));
        }
        // A missing value has no mark to outline: the table and the banner's cells say so.
        let drawn = plot(&state);
        let has_value = |place: &&Place| {
            drawn
                .as_ref()
                .is_some_and(|drawn| drawn.has_value_at(place.series, &place.category))
        };
        state.outlines = held
            .iter()
            .filter(has_value)
            .take(MOST_OUTLINES)
            .map(|place| Outline {
                series: place.series.to_string(),
                category: place.category.clone(),
            })
            .collect();
        Target {
            state,
            title: String::new(),
            named: known.len(),
            charted: held.len(),
            rows: Vec::new(),
        }
    }
}

/// The id of the row that lists the prose number at `key` in the Trade & output view's list
/// of the numbers no chart plots (`quoted-text-laptops-exports-2004`), or `None` when a chart
/// plots it, or it is a table's or no number of the paper. The list and "Show in…" both name
/// rows by it.
pub fn unplotted_row_id(key: &str) -> Option<String> {
    let datum = datum_of(key)?;
    if datum.dataset.is_table() || !places(key).is_empty() {
        return None;
    }
    // Ids and measures hold only a–z, 0–9 and '_', so '-' between the parts is unambiguous.
    let key = datum.key();
    Some(format!(
        "quoted-{}",
        key.trim_end_matches('/').replace('/', "-")
    ))
}

/// The view a button opens when no chart holds its cells: that of the first table among them,
/// or of the first cell.
fn fallback_view(keys: &[&str]) -> ViewId {
    let datasets: Vec<Dataset> = keys
        .iter()
        .filter_map(|key| datum_of(key))
        .map(|datum| datum.dataset)
        .collect();
    datasets
        .iter()
        .find(|dataset| dataset.is_table())
        .or(datasets.first())
        .map_or(ViewId::Ownership, |dataset| ViewId::showing(*dataset))
}

/// Where a chart holds a cell: the view, its measure (or its topic, in the trade-and-output
/// view), and the series and category of the cell's point.
#[derive(Debug)]
struct Place {
    view: ViewId,
    chart: &'static str,
    series: &'static str,
    category: String,
}

/// The datum a cell key names (see [`CellKey`](crate::data::CellKey)), if the paper has it.
fn datum_of(key: &str) -> Option<&'static Datum> {
    Lookup::paper().by_key(key).ok()
}

/// Every chart that holds the cell with `key` as it is printed (or, for Japan's and the US's
/// world output shares, as the gap to China the prose gives), in the order of the views.
fn places(key: &str) -> Vec<Place> {
    let Some(datum) = datum_of(key) else {
        return Vec::new();
    };
    let year = datum.year.map(|year| year.to_string());
    let mut places = Vec::new();
    let mut add = |view: ViewId, chart: &'static str, series: &'static str, category: &str| {
        places.push(Place {
            view,
            chart,
            series,
            category: category.to_string(),
        })
    };
    for view in ViewId::ALL {
        if view.dataset() != Some(datum.dataset) {
            continue;
        }
        for measure in measures(view) {
            if !measure.series.contains(&datum.series) {
                continue;
            }
            match (view, datum.measure, &year) {
                // The R&D view's categories are the two industries, and each country's value
                // refers to its own year.
                (ViewId::Rd, industry, _) => add(view, measure.id, datum.series, industry),
                // Table 1 prints the industry's total assets; the chart of assets shows them as
                // printed.
                (ViewId::Ownership, "total_assets", Some(year)) if measure.id == "assets" => {
                    add(view, measure.id, datum.series, year)
                }
                (_, printed, Some(year)) if printed == measure.id => {
                    add(view, measure.id, datum.series, year)
                }
                _ => {}
            }
        }
    }
    if let Some(year) = &year {
        for topic in TOPICS {
            let line = (datum.series, datum.dataset, datum.measure);
            if topic.lines.contains(&line) {
                add(ViewId::Trade, topic.id, datum.series, year);
            }
        }
        // The prose's profit over sales of the whole industry is what the Market view's
        // industry line, our weighted average of Table 3, estimates.
        if (datum.dataset, datum.series, datum.measure)
            == (Dataset::Text, "total", "profit_to_sales")
        {
            add(ViewId::Market, "profit_to_sales", "industry", year);
        }
    }
    places
}
