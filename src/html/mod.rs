//! Every HTML fragment the page shows besides the chart: tabs, controls, legend, table, notes
//! and key figures, and the static tables a page without WebAssembly falls back to.
//!
//! They are built here as HTML text from the core's values, so that they can be tested
//! natively, and the browser module only inserts or patches them.

use crate::data::{self, Dataset, Datum, Status, Unit};
use crate::describe;
use crate::display::Group;
use crate::lang::Lang;
use crate::plot::{self, Plot, PALETTE};
use crate::view::{self, Control, Stat, State, Transform, ViewId, TOPICS};

mod embed;
mod focus;
mod glossary;
mod quoted;
// The audit's and the claims check's lists are prebuilt natively (see `prebuilt_parts`).
#[cfg(not(target_arch = "wasm32"))]
#[cfg(not(target_arch = "wasm32"))]
mod quality;
mod story;
mod tooltip;
mod worksheet;
/// The escaping every fragment uses, kept below the page so that the embed codes share it.
pub use crate::markup::escape;
pub use embed::{embed_options, offered_groups, palette_css};
pub use focus::focus_banner;
#[cfg(not(target_arch = "wasm32"))]
pub use glossary::glossary_popovers;
pub use glossary::{term_button, terms_line, with_terms};
pub use story::{story_bar, story_editor};
pub use tooltip::tooltip;
pub use worksheet::worksheet;

/// The fallback data tables that `cargo xtask dist` puts in place of `<!--FALLBACK-->` in
/// `www/index.html`: a `<section>` with one `<table>` per dataset (series, measure, year, value,
/// status, note) and the dataset's source, so every number is readable without JavaScript.
pub fn fallback_tables() -> String {
    let mut html = String::from(
        "<section id=\"fallback\" aria-labelledby=\"fallback-heading\">\n<h2 id=\"fallback-heading\">The paper's numbers</h2>\n\
         <p>Every number of the paper's tables and prose, with its status: clean (printed legibly), corrected (garbled in the OCR text, true value certain), uncertain (a best guess) or missing.</p>\n",
    );
    for dataset in Dataset::ALL {
        let rows: Vec<&Datum> = data::of(dataset).collect();
        if rows.is_empty() {
            continue;
        }
        let info = dataset.info();
        html.push_str(&format!(
            "<table id=\"fallback-{}\">\n<caption>{}</caption>\n",
            escape(info.id),
            escape(info.title)
        ));
        html.push_str(
            "<thead><tr><th scope=\"col\">Series</th><th scope=\"col\">Measure</th>\
             <th scope=\"col\">Year</th><th scope=\"col\">Value</th>\
             <th scope=\"col\">Status</th><th scope=\"col\">Note</th></tr></thead>\n<tbody>\n",
        );
        for datum in rows {
            let measure = if datum.label.is_empty() {
                data::measure_label(datum.measure)
            } else {
                datum.label
            };
            let year = datum.year.map(|year| year.to_string()).unwrap_or_default();
            let value = printed_value(datum);
            html.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                escape(data::series_label(datum.series)),
                escape(measure),
                year,
                escape(&value),
                datum.cell.status.id(),
                escape(datum.cell.note)
            ));
        }
        html.push_str(&format!(
            "</tbody>\n</table>\n<p class=\"source\">{}</p>\n",
            escape(&dataset.source())
        ));
    }
    html.push_str("</section>");
    html
}

/// A number as the paper states it, with its unit and its bound or approximation (≤, ≥, ≈);
/// a dash where it is missing.
fn printed_value(datum: &Datum) -> String {
    match datum.value() {
        Some(value) => format!(
            "{}{}",
            datum.cell.qualifier().symbol(),
            describe::value_text_at(value, datum.unit, datum.dataset.printed_decimals())
        ),
        None => "–".to_string(),
    }
}

/// The view tabs: one button per view, the current one pressed.
pub fn tabs(state: &State) -> String {
    let mut html = String::from("<div role=\"tablist\" aria-label=\"Views\">");
    for view in ViewId::ALL {
        let current = view == state.view();
        html.push_str(&format!(
            "<button type=\"button\" role=\"tab\" id=\"tab-{id}\" name=\"view\" value=\"{id}\" aria-selected=\"{current}\" aria-controls=\"view-panel\"{tabindex}>{label}</button>",
            id = view.id(),
            label = escape(view.label()),
            tabindex = if current { "" } else { " tabindex=\"-1\"" },
        ));
    }
    html.push_str("</div>");
    html
}

/// The chart picture's accessible name: its title alone, since the summary that describes it
/// is the figure's caption and would otherwise be read twice; in the reader's language, of a
/// title in it already.
pub fn chart_label(title: &str, lang: Lang) -> String {
    crate::lang::fill(
        lang,
        "Chart: {0}. Its summary follows, and the table gives every value.",
        &[title],
    )
}

fn select(
    id: &str,
    name: &str,
    label: &str,
    options: &[(String, String)],
    selected: &str,
) -> String {
    let mut html = format!(
        "<label class=\"field\" for=\"{id}\"><span>{}</span><select id=\"{id}\" name=\"{name}\">",
        escape(label)
    );
    for (value, text) in options {
        let chosen = if value == selected { " selected" } else { "" };
        html.push_str(&format!(
            "<option value=\"{}\"{chosen}>{}</option>",
            escape(value),
            escape(text)
        ));
    }
    html.push_str("</select></label>");
    html
}

fn radios(name: &str, legend: &str, options: &[(&str, &str)], selected: &str) -> String {
    let mut html = format!(
        "<fieldset class=\"radios\"><legend>{}</legend>",
        escape(legend)
    );
    for (value, text) in options {
        let checked = if *value == selected { " checked" } else { "" };
        html.push_str(&format!(
            "<label><input type=\"radio\" id=\"ctl-{name}-{value}\" name=\"{name}\" value=\"{value}\"{checked}> {}</label>",
            escape(text)
        ));
    }
    html.push_str("</fieldset>");
    html
}

fn checkboxes(
    name: &str,
    legend: &str,
    options: &[(String, String)],
    is_on: impl Fn(&str) -> bool,
    extra: &str,
) -> String {
    let mut html = format!("<fieldset class=\"toggles\" id=\"ctl-{name}\"><legend>{}</legend><div class=\"shortcuts\">", escape(legend));
    html.push_str(&format!(
        "<button type=\"button\" id=\"ctl-{name}-all\" name=\"{name}-all\" value=\"\">All</button><button type=\"button\" id=\"ctl-{name}-none\" name=\"{name}-none\" value=\"\">None</button>{extra}</div>"
    ));
    for (value, text) in options {
        let checked = if is_on(value) { " checked" } else { "" };
        html.push_str(&format!(
            "<label><input type=\"checkbox\" id=\"ctl-{name}-{id}\" name=\"{name}\" value=\"{id}\"{checked}> {}</label>",
            escape(text),
            id = escape(value)
        ));
    }
    html.push_str("</fieldset>");
    html
}

/// The form controls of a view, in the groups an embed keeps (`groups`). Every control is a
/// native element with a visible label, so keyboards and screen readers work without help; the
/// page sends each `change` and button `click` to [`State::apply`] by the control's name and
/// value.
pub fn controls(state: &State, groups: &[Group]) -> String {
    let mut html = String::new();
    let shows = |group| groups.contains(&group);
    if state.view() == ViewId::Quality {
        return html;
    }
    if state.view() == ViewId::Trade && shows(Group::Topic) {
        let options: Vec<(String, String)> = TOPICS
            .iter()
            .map(|topic| (topic.id.to_string(), topic.label.to_string()))
            .collect();
        html.push_str(&select(
            "ctl-topic",
            Control::Topic.name(),
            "Topic",
            &options,
            state.topic().id,
        ));
    }
    let measures = view::measures(state.view());
    if measures.len() > 1 && shows(Group::Measure) {
        let options: Vec<(String, String)> = measures
            .iter()
            .map(|measure| (measure.id.to_string(), measure.label.to_string()))
            .collect();
        html.push_str(&select(
            "ctl-measure",
            Control::Measure.name(),
            "Indicator",
            &options,
            state.measure().id,
        ));
    }
    let transforms = view::transforms(state.view());
    if transforms.len() > 1 && shows(Group::Transform) {
        let options: Vec<(&str, &str)> = transforms
            .iter()
            .map(|transform| (transform.id(), transform.label()))
            .collect();
        html.push_str(&radios(
            Control::Transform.name(),
            "Show",
            &options,
            state.transform().id(),
        ));
    }
    let years: Vec<(String, String)> = state
        .years()
        .iter()
        .map(|year| (year.to_string(), year.to_string()))
        .collect();
    if state.transform() == Transform::Index && shows(Group::Base) {
        html.push_str(&select(
            "ctl-base",
            Control::Base.name(),
            "Base year (= 100)",
            &years,
            &state.base_year().to_string(),
        ));
    }
    if (state.transform() == Transform::Change || state.view() == ViewId::Fdi)
        && shows(Group::Range)
    {
        let (from, to) = if state.view() == ViewId::Fdi && state.transform() != Transform::Change {
            ("Growth from", "to")
        } else {
            ("From", "to")
        };
        html.push_str(&format!(
            "<div class=\"pair\">{}{}</div>",
            select(
                "ctl-from",
                Control::From.name(),
                from,
                &years,
                &state.from_year().to_string()
            ),
            select(
                "ctl-to",
                Control::To.name(),
                to,
                &years,
                &state.to_year().to_string()
            )
        ));
    }
    let kinds = view::chart_kinds(state);
    if kinds.len() > 1 && shows(Group::Chart) {
        let options: Vec<(&str, &str)> =
            kinds.iter().map(|kind| (kind.id(), kind.label())).collect();
        html.push_str(&radios(
            Control::Chart.name(),
            "Chart",
            &options,
            state.chart().id(),
        ));
    }
    if state.view() == ViewId::Fdi && shows(Group::Log) {
        let checked = if state.log_scale() { " checked" } else { "" };
        html.push_str(&format!(
            "<label class=\"field check\"><input type=\"checkbox\" id=\"ctl-log\" name=\"log\" value=\"1\"{checked}> Logarithmic scale</label>"
        ));
    }
    let series: Vec<(String, String)> = state
        .offered_series()
        .into_iter()
        .map(|(id, label)| (id.to_string(), label))
        .collect();
    let series_legend = match state.view() {
        ViewId::Rd => "Countries",
        ViewId::Exports => "Trade regimes",
        ViewId::Fdi => "Series",
        ViewId::Trade => "Series",
        _ => "Enterprise types",
    };
    if series.len() > 1 && shows(Group::Series) {
        html.push_str(&checkboxes(
            Control::Series.name(),
            series_legend,
            &series,
            |id| state.shows_series(id),
            "",
        ));
        let labels: Vec<String> = series.iter().map(|(_, label)| label.clone()).collect();
        html.push_str(&terms_line(&labels));
    }
    if state.transform() != Transform::Change && shows(Group::Years) {
        let categories: Vec<(String, String)> = state
            .all_categories()
            .into_iter()
            .map(|category| (category.id, category.label))
            .collect();
        let (legend, play) = if state.view() == ViewId::Rd {
            ("Measures", String::new())
        } else {
            ("Years", play_controls(state, &categories))
        };
        if categories.len() > 1 {
            html.push_str(&checkboxes(
                Control::Category.name(),
                legend,
                &categories,
                |id| state.shows_category(id),
                &play,
            ));
        }
    }
    html
}

/// The timeline's visible label at `year`, which the page also sets as Play moves.
pub fn timeline_label(year: &str) -> String {
    format!("Years up to {year}")
}

/// The timeline's value as a screen reader says it.
pub fn timeline_value_text(year: &str) -> String {
    format!("up to {year}")
}

/// The Play button, the timeline that scrubs through the years (`categories`, in order) and
/// the speed of Play. The page runs Play's timer and reads the speed from its picker, which
/// starts at one second per year; the timeline shows the years up to the one it points at.
fn play_controls(state: &State, categories: &[(String, String)]) -> String {
    let position = state.play_position();
    let year = categories
        .get(position)
        .map_or("", |(_, label)| label.as_str());
    let speeds: Vec<(String, String)> = view::PLAY_SPEEDS_MS
        .iter()
        .map(|ms| {
            let seconds = f64::from(*ms) / 1000.0;
            (ms.to_string(), format!("{seconds} s per year"))
        })
        .collect();
    format!(
        "<span class=\"play\"><button type=\"button\" id=\"ctl-play\" name=\"play\" value=\"\" title=\"Show the years one by one (keys ← and →)\">▶ Play</button>\
         <label class=\"field timeline\" for=\"ctl-play-at\"><span>{label}</span>\
         <input type=\"range\" id=\"ctl-play-at\" name=\"play-at\" min=\"0\" max=\"{last}\" step=\"1\" value=\"{position}\" aria-valuetext=\"{value_text}\"></label>\
         {speed}</span>",
        label = escape(&timeline_label(year)),
        value_text = escape(&timeline_value_text(year)),
        last = categories.len().saturating_sub(1),
        speed = select(
            "ctl-play-speed",
            Control::PlaySpeed.name(),
            "Speed",
            &speeds,
            &view::DEFAULT_PLAY_SPEED_MS.to_string()
        ),
    )
}

/// The legend: one toggle button per series (pressed when shown), its swatch in the series'
/// colour and marker shape, then a key to the marks that tell corrected, guessed and missing
/// values apart, and to the dotted lines between values years apart.
pub fn legend(state: &State, plot: Option<&Plot>) -> String {
    legend_parts(state, plot).html()
}

/// [`legend`] in rows, one per series offered; all empty without a plot.
pub fn legend_parts(state: &State, plot: Option<&Plot>) -> Rows {
    let Some(plot) = plot else {
        return Rows::default();
    };
    let mut rows = Vec::new();
    for (id, label) in state.offered_series() {
        let (color, shape) = plot::series_look(id);
        let on = state.shows_series(id);
        let left_out = on && !plot.series.iter().any(|series| series.id == id);
        let note = if left_out {
            format!(" <small>({})</small>", crate::view::why_left_out(state, id))
        } else {
            String::new()
        };
        let item = format!(
            "<li><button type=\"button\" id=\"legend-{id}\" name=\"legend\" value=\"{id}\" aria-pressed=\"{on}\"><span class=\"swatch c{} shape-{}\"></span>{}</button>{note}</li>",
            color % PALETTE.len(),
            shape.id(),
            escape(&label)
        );
        rows.push((id.to_string(), item));
    }
    let mut html = String::from("<ul class=\"legend-status\">");
    let derived = plot
        .series
        .iter()
        .any(|series| series.points.iter().any(|point| point.derived));
    for (status, text) in crate::chart::status_key(plot.kind) {
        // Computed values are not "as printed"; they come from legible numbers.
        let text = if derived && status == Status::Clean {
            text.replace("as printed in the paper", "from numbers printed legibly")
        } else {
            text.to_string()
        };
        if status == Status::Clean
            || plot.has_status(status)
            || (status == Status::Missing
                && plot
                    .series
                    .iter()
                    .any(|s| s.points.iter().any(|p| p.value.is_none())))
        {
            html.push_str(&format!(
                "<li class=\"status-{}\"><span class=\"mark\" aria-hidden=\"true\"></span>{}</li>",
                status.id(),
                escape(&text)
            ));
        }
    }
    if plot.has_sparse_pieces() {
        html.push_str(&format!(
            "<li class=\"status-sparse\"><span class=\"mark\" aria-hidden=\"true\"></span>{}</li>",
            escape(crate::chart::SPARSE_KEY)
        ));
    }
    html.push_str("</ul>");
    Rows {
        head: "<ul class=\"legend-series\">".to_string(),
        rows,
        close: "</ul>",
        after: html,
    }
}

/// The short mark a table cell carries for its status (a clean cell is marked only when it
/// has a note, with an asterisk).
fn status_mark(status: Status) -> &'static str {
    match status {
        Status::Clean => "*",
        Status::Corrected => "†",
        Status::Uncertain => "?",
        Status::Missing => "",
    }
}

/// The table of exactly what is plotted: one row per series, one column per category, each
/// non-clean cell marked and explained in numbered notes below.
pub fn table(plot: Option<&Plot>) -> String {
    table_parts(plot).html()
}

/// A region's HTML in the parts a toggle changes one by one, so that the page can patch one
/// row or item without parsing the whole region again: the region is `head`, the `rows`, then
/// `close` and `after`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rows {
    /// Everything up to the rows, ending with the start tag of the element that holds them.
    pub head: String,
    /// Each row's element, by the id of the series it shows.
    pub rows: Vec<(String, String)>,
    /// The end tags that close the rows' element and those around it.
    pub close: &'static str,
    /// The siblings that follow the element the head began with.
    pub after: String,
}

impl Rows {
    /// The rows in the reader's language (see [`crate::lang::html`]).
    pub fn translated(self, lang: Lang) -> Rows {
        if lang == Lang::En {
            return self;
        }
        let text = |html: &str| crate::lang::html(lang, html).into_owned();
        Rows {
            head: text(&self.head),
            rows: self
                .rows
                .iter()
                .map(|(id, row)| (id.clone(), text(row)))
                .collect(),
            close: self.close,
            after: text(&self.after),
        }
    }

    /// The whole region's HTML.
    pub fn html(&self) -> String {
        if self.head.is_empty() {
            return String::new();
        }
        let mut html = self.head.clone();
        for (_, row) in &self.rows {
            html.push_str(row);
        }
        html + self.close + &self.after
    }
}

/// [`table`] in rows, one per series; all empty without a plot.
pub fn table_parts(plot: Option<&Plot>) -> Rows {
    let Some(plot) = plot else {
        return Rows::default();
    };
    let mut html = format!(
        "<table class=\"data\"><caption>{} <small>({})</small></caption><thead><tr><th scope=\"col\">Series</th>",
        escape(&plot.title),
        escape(view::unit_name(plot.unit))
    );
    for category in &plot.categories {
        html.push_str(&format!(
            "<th scope=\"col\">{}</th>",
            escape(if category.label.is_empty() {
                "Value"
            } else {
                &category.label
            })
        ));
    }
    html.push_str("</tr></thead><tbody>");
    let head = html;
    let mut rows = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    for series in &plot.series {
        let mut html = format!("<tr><th scope=\"row\">{}</th>", escape(&series.label));
        for (category, point) in plot.categories.iter().zip(&series.points) {
            let text = match point.value {
                Some(value) => format!(
                    "{}{}",
                    point.qualifier.symbol(),
                    cell_text(value, plot.unit, point.decimals)
                ),
                None => "–".to_string(),
            };
            let mut reference = String::new();
            if point.status != Status::Clean || !point.note.is_empty() {
                // The cell's series, its year and its note are three texts, so that each is
                // translated on its own.
                let note = format!(
                    "<span>{}</span> <span>{}</span>: <span>{}</span>",
                    escape(&series.label),
                    escape(&category.label),
                    escape(if point.note.is_empty() {
                        point.status.words()
                    } else {
                        &point.note
                    })
                );
                let number = match notes.iter().position(|existing| existing == &note) {
                    Some(index) => index + 1,
                    None => {
                        notes.push(note);
                        notes.len()
                    }
                };
                reference = format!(
                    "<sup><a href=\"#note-{number}\" title=\"{}\">{}{number}</a></sup>",
                    escape(point.status.words()),
                    status_mark(point.status)
                );
            }
            html.push_str(&format!(
                "<td class=\"status-{}{}\">{}{reference}</td>",
                point.status.id(),
                if point.derived { " derived" } else { "" },
                escape(&text)
            ));
        }
        html.push_str("</tr>");
        rows.push((series.id.to_string(), html));
    }
    let mut html = String::new();
    let derived = plot.series.iter().any(|series| {
        series
            .points
            .iter()
            .any(|point| point.derived && point.value.is_some())
    });
    if derived {
        html.push_str("<p class=\"table-key\">Values in italics are computed from the paper's numbers, not printed in it.</p>");
    }
    if !notes.is_empty() {
        html.push_str("<ol class=\"cell-notes\">");
        for (index, note) in notes.iter().enumerate() {
            html.push_str(&format!("<li id=\"note-{}\">{note}</li>", index + 1));
        }
        html.push_str("</ol>");
    }
    Rows {
        head,
        rows,
        close: "</tbody></table>",
        after: html,
    }
}

/// A table cell's number: the caption names the unit, so cells repeat only the short marks
/// of percentages and percentage points.
fn cell_text(value: f64, unit: Unit, decimals: Option<u8>) -> String {
    let number = describe::value_text_at(value, unit, decimals);
    match unit {
        Unit::Percent | Unit::PercentagePoints | Unit::Times => number,
        _ => number.trim_end_matches(unit.suffix()).to_string(),
    }
}

/// The key figures beside the chart.
pub fn stats(stats: &[Stat]) -> String {
    if stats.is_empty() {
        return String::new();
    }
    let mut html = String::from("<dl class=\"stats\">");
    for stat in stats {
        let value = match stat.value {
            Some(value) => describe::value_text_at(value, stat.unit, Some(1)),
            None => "cannot be computed".to_string(),
        };
        let caveat = if stat.status > Status::Clean {
            format!(" <small>({})</small>", stat.status.words())
        } else {
            String::new()
        };
        html.push_str(&format!(
            "<div><dt>{}</dt><dd title=\"{}\">{}{caveat}</dd></div>",
            escape(&stat.label),
            escape(&stat.formula),
            escape(&value)
        ));
    }
    html.push_str("</dl>");
    html
}

/// About the data of a view: how it was read, the measure's caveat, the findings on it, and
/// the citation.
pub fn about(state: &State, lang: Lang) -> String {
    let mut html = String::new();
    if let Some(dataset) = state.view().dataset() {
        let info = dataset.info();
        let caveat = state.measure().caveat;
        if !caveat.is_empty() {
            html.push_str(&format!(
                "<p class=\"caveat\">{}</p>",
                with_terms(lang, caveat)
            ));
        }
        html.push_str(&prebuilt(&format!("findings-{}", dataset.id())));
        html.push_str(&format!(
            "<details><summary>How this table was read</summary><p>{}</p></details>",
            with_terms(lang, info.note)
        ));
        // The paper's reference stays as the paper gives it, in every language.
        html.push_str(&format!(
            "<p class=\"source\">Source: {} {}</p>",
            escape(info.source),
            citation()
        ));
    } else if state.view() == ViewId::Trade {
        html.push_str(&quoted::unplotted_numbers());
        html.push_str(&prebuilt("statements"));
        html.push_str(&format!("<p class=\"source\">Source: {}</p>", citation()));
    } else {
        html.push_str(&prebuilt("quality"));
    }
    html
}

/// The paper's reference, which stays in English in every language: it names the paper as it
/// was published.
fn citation() -> String {
    format!("<span lang=\"en\">{}</span>", escape(data::facts::CITATION))
}

#[cfg(not(target_arch = "wasm32"))]
/// The parts of the page that show the audit and the claims check. They depend only on the
/// paper's data, so `cargo xtask dist` builds them once, natively, into the page as
/// `<template id="prebuilt-…">` elements, held as the text of a data block until the first chart
/// is on screen (`www/app.js` then puts them in the page); the browser module copies them into
/// place. The WebAssembly then needs none of the checks' code, which keeps it smaller and its
/// start faster.
pub fn prebuilt_parts() -> String {
    let mut html = String::new();
    for (id, content) in prebuilt_contents() {
        html.push_str(&format!(
            "<template id=\"prebuilt-{id}\">{content}</template>\n"
        ));
    }
    html
}

#[cfg(not(target_arch = "wasm32"))]
/// Each prebuilt part: its id and its HTML.
fn prebuilt_contents() -> Vec<(String, String)> {
    let mut parts = vec![
        ("quality".to_string(), quality::quality()),
        ("statements".to_string(), quality::statements()),
    ];
    for dataset in Dataset::ALL
        .into_iter()
        .filter(|dataset| dataset.is_table())
    {
        parts.push((
            format!("findings-{}", dataset.id()),
            quality::table_findings(dataset),
        ));
    }
    parts
}

/// A prebuilt part in a fragment. In the browser it is a placeholder that the browser module
/// fills from the page's template; natively (tests, the command line) it is the content itself.
#[cfg(target_arch = "wasm32")]
fn prebuilt(id: &str) -> String {
    format!("<div data-prebuilt=\"{id}\"></div>")
}

#[cfg(not(target_arch = "wasm32"))]
fn prebuilt(id: &str) -> String {
    prebuilt_contents()
        .into_iter()
        .find(|(part, _)| part == id)
        .map(|(_, content)| content)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_row_per_datum_and_one_table_per_dataset() {
        let html = fallback_tables();
        assert!(html.starts_with("<section") && html.ends_with("</section>"));
        let rows = html.matches("<tr><td>").count();
        assert_eq!(rows, data::all().len());
        let datasets = Dataset::ALL
            .iter()
            .filter(|dataset| data::of(**dataset).next().is_some())
            .count();
        assert_eq!(html.matches("<table").count(), datasets);
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }
}
