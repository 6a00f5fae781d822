//! The only module that knows the browser. It turns DOM events into [`State::apply`] calls and
//! puts what the core builds (HTML fragments, the summary, the chart) into the page.
//!
//! The page (`www/index.html`) provides empty regions with fixed ids; `www/app.js` starts the
//! core and forwards events. Everything else happens here, in one animation frame per event.

pub mod canvas;

use crate::chart::Style;
use crate::view::{self, Display, State};
use crate::{describe, export, html};
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The explorer as the page holds it.
#[wasm_bindgen]
pub struct App {
    document: web_sys::Document,
    state: State,
    display: Display,
    dark: bool,
    /// Extra zoom for text and lines on the canvas (presentation mode makes it larger).
    zoom: f64,
    /// The chart's CSS size as the page last reported it, so that a redraw after a toggle
    /// need not force a layout to measure it; `None` until the first report.
    chart_size: Option<(f64, f64)>,
    /// The HTML last put into each page region, so that unchanged regions are left alone.
    regions: HashMap<&'static str, String>,
}

/// Looks up an element the page must provide, with a message a teacher can act on.
fn element(document: &web_sys::Document, id: &str) -> Result<web_sys::Element, JsValue> {
    document.get_element_by_id(id).ok_or_else(|| {
        JsValue::from_str(&format!(
            "The page is missing its #{id} element; was index.html edited?"
        ))
    })
}

#[wasm_bindgen]
impl App {
    /// Starts the explorer in the current page from a URL query (`location.search`), in
    /// light or dark colours.
    #[wasm_bindgen(constructor)]
    pub fn new(query: &str, dark: bool) -> Result<App, JsValue> {
        let document = web_sys::window()
            .and_then(|window| window.document())
            .ok_or_else(|| JsValue::from_str("No document to draw in."))?;
        let (state, problems) = State::from_query(query);
        let display = Display::from_query(query);
        let mut app = App {
            document,
            state,
            display,
            dark,
            zoom: 1.0,
            chart_size: None,
            regions: HashMap::new(),
        };
        app.apply_display()?;
        app.render()?;
        app.show_problems(&problems)?;
        element(&app.document, "app")?.set_attribute("data-ready", "true")?;
        Ok(app)
    }

    /// Handles one control event: a control's name, its value, and whether it is checked.
    /// Returns whether anything changed (the page's Play loop stops when nothing does).
    pub fn event(&mut self, name: &str, value: &str, checked: bool) -> Result<bool, JsValue> {
        if name == "present" {
            self.display.present = !self.display.present;
            self.apply_display()?;
            self.render()?;
            return Ok(true);
        }
        if name == "download" {
            self.download(value)?;
            return Ok(false);
        }
        let before = self.state.clone();
        match self.state.apply(name, value, checked) {
            Ok(()) => {
                let changed = self.state != before;
                if changed {
                    self.render()?;
                    // After "Show in …" the reader's place is the view they asked for.
                    if name == "goto" {
                        let title = element(&self.document, "view-title")?;
                        title.scroll_into_view();
                        if let Ok(title) = title.dyn_into::<web_sys::HtmlElement>() {
                            title.focus()?;
                        }
                    }
                }
                self.show_problems(&[])?;
                Ok(changed)
            }
            Err(problem) => {
                // The page's own controls keep their state in step with the core.
                self.regions.clear();
                self.render()?;
                self.show_problems(&[problem])?;
                Ok(false)
            }
        }
    }

    /// Handles a key pressed outside form fields; returns whether the key was used.
    pub fn key(&mut self, key: &str) -> Result<bool, JsValue> {
        match view::key_action(key) {
            Some((name, value)) => {
                self.event(name, &value, true)?;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Restores the state from a URL query (after the browser's back or forward button).
    pub fn load(&mut self, query: &str) -> Result<(), JsValue> {
        let (state, problems) = State::from_query(query);
        self.state = state;
        self.display = Display::from_query(query);
        self.apply_display()?;
        self.regions.clear();
        self.render()?;
        self.show_problems(&problems)
    }

    /// Redraws the chart alone, after its box was resized to `width` × `height` CSS pixels or
    /// the colour scheme changed.
    pub fn redraw(&mut self, width: f64, height: f64, dark: bool) -> Result<(), JsValue> {
        self.dark = dark;
        self.chart_size = Some((width, height));
        match view::plot(&self.state) {
            Some(plot) => self.draw_chart(&plot),
            None => Ok(()),
        }
    }

    /// What the chart shows now (categories, series, values, statuses and notes) as a plain
    /// object, for pages that script the explorer and for tests.
    pub fn plot(&self) -> Result<JsValue, JsValue> {
        serde_wasm_bindgen::to_value(&view::plot(&self.state))
            .map_err(|error| JsValue::from_str(&error.to_string()))
    }

    /// The current state as a query string, for links and embed code.
    pub fn query(&self) -> String {
        self.full_query(self.display)
    }
}

impl App {
    fn full_query(&self, display: Display) -> String {
        let flags = display.to_query();
        let state = self.state.to_query();
        if flags.is_empty() {
            state
        } else {
            format!("{state}&{flags}")
        }
    }

    /// Sets the page's presentation and embed classes.
    fn apply_display(&mut self) -> Result<(), JsValue> {
        let root = self
            .document
            .document_element()
            .ok_or_else(|| JsValue::from_str("No root element."))?;
        root.class_list()
            .toggle_with_force("present", self.display.present)?;
        root.class_list()
            .toggle_with_force("embed", self.display.embed)?;
        self.zoom = if self.display.present { 1.6 } else { 1.0 };
        if let Some(button) = self.document.get_element_by_id("present") {
            button.set_attribute(
                "aria-pressed",
                if self.display.present {
                    "true"
                } else {
                    "false"
                },
            )?;
        }
        Ok(())
    }

    /// Puts the whole view into the page: tabs, controls, legend, chart, summary, table, key
    /// figures and notes. Each region is rewritten only when its content changed, since
    /// rewriting HTML costs the browser style and layout work.
    fn render(&mut self) -> Result<(), JsValue> {
        let focused = self.focused_id();
        let plot = view::plot(&self.state);
        // The chart is drawn before any region changes: setting the canvas font needs the
        // page's styles, and while they are still clean the browser need not recompute them.
        if let Some(plot) = &plot {
            self.draw_chart(plot)?;
        }
        self.update_region("tabs", html::tabs(&self.state))?;
        self.update_controls()?;
        self.update_region("legend", html::legend(&self.state, plot.as_ref()))?;
        self.update_region("table", html::table(plot.as_ref()))?;
        self.update_region("stats", html::stats(&view::stats(&self.state)))?;
        if self.update_region("about", html::about(&self.state))? {
            self.fill_prebuilt()?;
        }
        let summary = plot.as_ref().map(describe::summary).unwrap_or_default();
        let document = &self.document;
        element(document, "summary")?.set_text_content(Some(&summary));
        let root = element(document, "app")?;
        let figure = element(document, "figure")?;
        if plot.is_some() {
            figure.remove_attribute("hidden")?;
            root.set_attribute("data-chart", "true")?;
        } else {
            figure.set_attribute("hidden", "")?;
            root.set_attribute("data-chart", "false")?;
        }
        let title = plot
            .as_ref()
            .map(|plot| plot.title.as_str())
            .unwrap_or("Data quality: audit findings and claims check");
        element(document, "view-title")?.set_text_content(Some(title));
        element(document, "chart")?.set_attribute("aria-label", &summary)?;
        self.update_share_links()?;
        // A rewritten region takes the keyboard focus with it: give it back to the control
        // of the same id, so the next key press works where the reader left off.
        if self.focused_id().is_none() {
            if let Some(element) = focused
                .and_then(|id| self.document.get_element_by_id(&id))
                .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
            {
                element.focus()?;
            }
        }
        Ok(())
    }

    /// The id of the element that has the keyboard focus, if any has one.
    fn focused_id(&self) -> Option<String> {
        self.document
            .active_element()
            .map(|element| element.id())
            .filter(|id| !id.is_empty())
    }

    /// Replaces a region's HTML when it differs from what was last put there; returns whether
    /// it did.
    fn update_region(&mut self, id: &'static str, content: String) -> Result<bool, JsValue> {
        if self.regions.get(id) == Some(&content) {
            return Ok(false);
        }
        element(&self.document, id)?.set_inner_html(&content);
        self.regions.insert(id, content);
        Ok(true)
    }

    /// Copies the page's prebuilt parts (the audit and claims lists, see
    /// [`html::prebuilt_parts`]) into their placeholders.
    fn fill_prebuilt(&self) -> Result<(), JsValue> {
        let placeholders = self.document.query_selector_all("[data-prebuilt]")?;
        for index in 0..placeholders.length() {
            let Some(placeholder) = placeholders
                .item(index)
                .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            let id = placeholder
                .get_attribute("data-prebuilt")
                .unwrap_or_default();
            // A page that skipped the build step (www/ opened as it is) has no templates.
            match self.document.get_element_by_id(&format!("prebuilt-{id}")) {
                Some(template) => placeholder.set_inner_html(&template.inner_html()),
                None => placeholder.set_text_content(Some(
                    "The audit's lists are added when the page is built with `cargo xtask dist`.",
                )),
            }
        }
        Ok(())
    }

    /// Rebuilds the controls only when their shape changes (another view, measure, transform
    /// or chart kind); a checkbox toggle only sets the boxes' `checked` properties, so the
    /// screen reader's place stays where it was.
    fn update_controls(&mut self) -> Result<(), JsValue> {
        let mut shape = self.state.clone();
        shape.series = shape
            .offered_series()
            .into_iter()
            .map(|(id, _)| id.to_string())
            .collect();
        shape.categories = shape
            .all_categories()
            .into_iter()
            .map(|category| category.id)
            .collect();
        let html = html::controls(&shape);
        self.update_region("controls", html)?;
        let boxes = self
            .state
            .offered_series()
            .into_iter()
            .map(|(id, _)| (format!("ctl-series-{id}"), self.state.shows_series(id)))
            .chain(self.state.all_categories().into_iter().map(|category| {
                (
                    format!("ctl-category-{}", category.id),
                    self.state.shows_category(&category.id),
                )
            }));
        for (id, checked) in boxes {
            if let Some(input) = self
                .document
                .get_element_by_id(&id)
                .and_then(|element| element.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                if input.checked() != checked {
                    input.set_checked(checked);
                }
            }
        }
        Ok(())
    }

    fn draw_chart(&self, plot: &crate::plot::Plot) -> Result<(), JsValue> {
        let canvas: web_sys::HtmlCanvasElement = element(&self.document, "chart")?.dyn_into()?;
        let style = Style::page(self.dark, self.zoom);
        let drawn = match self.chart_size {
            Some((width, height)) => {
                canvas::draw_on_canvas_sized(&canvas, plot, &style, width, height)
            }
            None => canvas::draw_on_canvas(&canvas, plot, &style),
        };
        drawn.map_err(|problem| {
            JsValue::from_str(&format!("The chart could not be drawn: {problem}"))
        })
    }

    /// Shows messages about the link or an event, or clears them.
    fn show_problems(&self, problems: &[String]) -> Result<(), JsValue> {
        let message = element(&self.document, "message")?;
        message.set_text_content(Some(&problems.join(" ")));
        if problems.is_empty() {
            message.set_attribute("hidden", "")
        } else {
            message.remove_attribute("hidden")
        }
    }

    /// Fills the share link and the embed code with the current state.
    fn update_share_links(&self) -> Result<(), JsValue> {
        let window = web_sys::window().ok_or_else(|| JsValue::from_str("No window."))?;
        let location = window.location();
        let base = format!(
            "{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default()
        );
        let base = if base.starts_with("null") {
            location
                .href()
                .unwrap_or_default()
                .split('?')
                .next()
                .unwrap_or_default()
                .to_string()
        } else {
            base
        };
        let link = format!("{base}?{}", self.state.to_query());
        let embed_query = self.full_query(Display {
            embed: true,
            present: false,
        });
        // A file on this computer cannot be embedded in a course page: say what to do instead.
        let embed = if base.starts_with("file:") {
            "Embedding needs the explorer on a web server: put the folder dist/site on one (any static host will do), open this view there, and copy the code this box then shows.".to_string()
        } else {
            format!(
                "<iframe src=\"{base}?{embed_query}\" title=\"ICT Explorer: {}\" style=\"width:100%;height:640px;border:0\" loading=\"lazy\"></iframe>",
                html::escape(self.state.view.label())
            )
        };
        if let Some(input) = self
            .document
            .get_element_by_id("share-link")
            .and_then(|element| element.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.set_value(&link);
        }
        if let Some(area) = self
            .document
            .get_element_by_id("embed-code")
            .and_then(|element| element.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            area.set_value(&embed);
        }
        Ok(())
    }

    /// Offers a file for download: the chart's data, all data, or the chart as SVG or PNG.
    fn download(&self, what: &str) -> Result<(), JsValue> {
        let plot = view::plot(&self.state);
        let name = format!("ict-explorer-{}", self.state.view.id());
        match (what, plot) {
            ("csv", Some(plot)) => save_text(
                &self.document,
                &format!("{name}.csv"),
                "text/csv",
                &export::plot_csv(&plot),
            ),
            ("data", _) => save_text(
                &self.document,
                "ict-explorer-all-data.csv",
                "text/csv",
                &export::data_csv(crate::data::all()),
            ),
            ("svg", Some(plot)) => save_text(
                &self.document,
                &format!("{name}.svg"),
                "image/svg+xml",
                &crate::chart::to_svg(&plot, &Style::export(false), 1200, 675),
            ),
            ("png", Some(plot)) => {
                let url =
                    canvas::export_png(&self.document, &plot, &Style::export(false), 1200, 675)
                        .map_err(|problem| {
                            JsValue::from_str(&format!("The PNG could not be made: {problem}"))
                        })?;
                save_url(&self.document, &format!("{name}.png"), &url)
            }
            (_, None) => self.show_problems(&[
                "This view has no chart to download; the data download has every number."
                    .to_string(),
            ]),
            (other, _) => Err(JsValue::from_str(&format!("Unknown download '{other}'."))),
        }
    }
}

/// Saves text as a file through a temporary link.
fn save_text(
    document: &web_sys::Document,
    file_name: &str,
    mime: &str,
    text: &str,
) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&format!("{mime};charset=utf-8"));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    // The object URL is not revoked at once: some browsers start the download only after the
    // click handler returns, and a few kilobytes per download are not worth a timer.
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    save_url(document, file_name, &url)
}

fn save_url(document: &web_sys::Document, file_name: &str, url: &str) -> Result<(), JsValue> {
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(url);
    link.set_download(file_name);
    link.click();
    Ok(())
}
