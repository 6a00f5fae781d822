//! The only module that knows the browser. It reads DOM events once into typed [`Event`]s
//! (handling the page's own, and passing the others to [`Session::apply`]), takes script
//! calls, and puts what the core builds (HTML fragments, the summary, the chart) into the page.
//!
//! The page (`www/index.html`) provides empty regions with fixed ids; `www/app.js` starts the
//! core, forwards events and offers the public `ICTExplorer` API. Everything else happens here,
//! synchronously, once per event or call. The same regions in a shadow root make a view of
//! `<ict-explorer>` on a host page (`www/embed.js`), whose core is handed a stand-in for its
//! root as its document (see the `document` field of [`App`]); several share one instance.

mod api;
pub mod canvas;
mod download;
mod lang;
pub mod measured;
mod patch;
mod quality;
mod regions;
mod share;
mod tooltip;

use crate::chart::Style;
use crate::display::{Display, Part};
use crate::keys;
use crate::lang::text;
use crate::session::Session;
use crate::view::{self, Event};
use crate::{describe, html};
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use patch::{set_attribute, set_hidden, set_text};

/// The explorer as the page holds it.
#[wasm_bindgen]
pub struct App {
    /// The page's document; or, for a view mounted by `<ict-explorer>` on a host page, the
    /// stand-in `www/embed.js` makes of its shadow root (`viewDocument`), which answers every
    /// call the core makes of a document: elements by id and selector in that view only, its
    /// focused element, its wrapper as the root element that takes the modes' classes, the
    /// explorer's own address as its `URL`, no `location`, and `createElement`.
    document: web_sys::Document,
    /// The view, display, per-view memory and story: everything the reader chose.
    session: Session,
    /// What the embed code offered under "Embed this view" asks for.
    embed_choice: Display,
    /// The embedded view's height as its preview last reported it, in CSS pixels.
    embed_height: Option<u32>,
    /// Whether the "Embed this view" box is open (only then does its preview run).
    embed_open: bool,
    /// The address the embed preview should show once the teacher pauses (`load_preview`);
    /// `None` while it shows the current one.
    preview_due: Option<String>,
    dark: bool,
    /// The chart's CSS size as the page last reported it, so that a redraw after a toggle
    /// need not force a layout to measure it; `None` until the first report.
    chart_size: Option<(f64, f64)>,
    /// The HTML last put into each page region, so that unchanged regions are left alone.
    regions: HashMap<&'static str, String>,
    /// The legend's and the table's rows as last put into the page, so that a toggle patches
    /// only the rows that changed.
    rows: HashMap<&'static str, html::Rows>,
    /// The Data quality list's search and filters, and its items in the page.
    quality: quality::QualityList,
    /// The chart's marks, for the tooltip, and the tooltip's state.
    tooltip: tooltip::Tooltip,
    /// Whether the last event was a readable try at a question, not yet reported.
    answered: bool,
}

/// The id of the data block in which the build puts the prebuilt parts as text (see
/// `xtask/src/dist.rs`); `www/app.js` removes it once it has put them in the page.
const PREBUILT_BLOCK: &str = "ict-explorer-prebuilt";

/// Looks up an element the page must provide, with a message a teacher can act on.
fn element(document: &web_sys::Document, id: &str) -> Result<web_sys::Element, JsValue> {
    document.get_element_by_id(id).ok_or_else(|| {
        JsValue::from_str(&format!(
            "The page is missing its #{id} element; was index.html edited?"
        ))
    })
}

/// Turns a panic, which should never happen, into a message on the page and the static
/// tables, instead of a page that silently stops answering. On a host page it is said in the
/// last view started, never in the host page's own elements; the view whose call trapped says
/// it stopped too (`core()` in `www/app.js`).
fn show_panics(document: &web_sys::Document) {
    let document = document.clone();
    std::panic::set_hook(Box::new(move |info| {
        if let Some(root) = document.document_element() {
            let _ = root.class_list().add_1("failed");
        }
        if let Some(status) = document.get_element_by_id("status") {
            status.set_text_content(Some(&format!(
                "The explorer stopped after an internal error ({info}). The tables below still show every number of the paper; reload the page to start the explorer again."
            )));
            let _ = status.set_attribute("class", "failure");
            let _ = status.remove_attribute("hidden");
        }
    }));
}

#[wasm_bindgen]
impl App {
    /// Whether a page opened with this query is in Chinese, so that `www/app.js` loads the
    /// Chinese texts for it (and only for it).
    pub fn wants_chinese(query: &str) -> bool {
        Display::from_query(query).0.lang == crate::lang::Lang::Zh
    }

    /// Starts the explorer in `document` from a URL query (`location.search`), in light or
    /// dark colours, with the Chinese texts `texts` (as the build ships them; empty for an
    /// English page).
    #[wasm_bindgen(constructor)]
    pub fn new(
        document: web_sys::Document,
        query: &str,
        dark: bool,
        texts: &str,
    ) -> Result<App, JsValue> {
        show_panics(&document);
        lang::install(texts);
        let (mut session, mut problems) = Session::from_query(query);
        if session.display.lang != crate::lang::Lang::En && !crate::lang::has_chinese() {
            problems.push("The Chinese texts did not load, so the explorer is in English: reload the page to try again. 中文文本未能载入，页面以英文显示；请重新载入。".to_string());
            session.display.lang = crate::lang::Lang::En;
        }
        let mut embed_choice = session.display.clone();
        embed_choice.embed = true;
        embed_choice.present = false;
        // From the full page, "Embed this view" starts from the chart alone, which fits a
        // course page's column; the teacher ticks what else the embed keeps.
        if session.display == Display::default() {
            embed_choice.controls.clear();
            for part in Part::ALL {
                embed_choice.set_part(part, false);
            }
        }
        let mut app = App {
            document,
            session,
            embed_choice,
            embed_height: None,
            embed_open: false,
            preview_due: None,
            dark,
            chart_size: None,
            regions: HashMap::new(),
            rows: HashMap::new(),
            quality: quality::QualityList::default(),
            tooltip: tooltip::Tooltip::default(),
            answered: false,
        };
        lang::translate_page(&app.document, app.session.display.lang)?;
        app.apply_display()?;
        app.render()?;
        app.show_problems(&problems)?;
        // The chart is drawn. A page whose prebuilt parts are still a data block is ready once
        // `www/app.js` has put them in the page (`prebuilt_ready`); one without them is ready
        // now.
        if !app.prebuilt_pending() {
            app.prebuilt_ready()?;
        }
        Ok(app)
    }

    /// Puts the prebuilt parts, now in the page as templates, into their places (Data quality's
    /// lists, each table's findings), scrolls to the item the address names, and marks the
    /// explorer ready. `www/app.js` calls it once the first chart is on screen and it has put
    /// them in.
    pub fn prebuilt_ready(&mut self) -> Result<(), JsValue> {
        self.fill_prebuilt()?;
        self.quality
            .attach(&self.document, self.session.display.lang)?;
        self.reveal_anchor()?;
        element(&self.document, "app")?.set_attribute("data-ready", "true")
    }

    /// Whether the page still holds its prebuilt parts as a data block, for `www/app.js` to put
    /// in.
    fn prebuilt_pending(&self) -> bool {
        self.document.get_element_by_id(PREBUILT_BLOCK).is_some()
    }

    /// Handles one control event: a control's name, its value, and whether it is checked.
    /// Returns whether anything changed (the page's Play loop stops when nothing does).
    pub fn event(&mut self, name: &str, value: &str, checked: bool) -> Result<bool, JsValue> {
        match Event::read(name, value, checked) {
            Ok(event) => self.handle(event),
            Err(problem) => {
                // A control the reader's page had changed is put back in step with the core.
                self.regions.clear();
                self.render()?;
                self.show_problems(&[problem])?;
                Ok(false)
            }
        }
    }

    /// Handles a key press as the page describes it (see [`keys::Press::read`]: the key, the
    /// focused element's kind, and facts such as `before-control`), doing what [`keys::react`]
    /// decides. Returns the page's part, as words: `pause` (pause Play first), `play`,
    /// `prevent` (prevent the browser's own handling) and `stop` (stop the event).
    pub fn key(&mut self, key: &str, focus: &str, facts: &str) -> Result<String, JsValue> {
        let classes = self.root_classes()?;
        let page = keys::Page {
            drawer_open: classes.contains("drawer-open"),
            no_chart: classes.contains("no-chart"),
        };
        let reaction = keys::react(&self.session, page, &keys::Press::read(key, focus, facts));
        let words = [
            (reaction.pause_play, "pause"),
            (matches!(reaction.action, keys::Action::Play), "play"),
            (reaction.prevent_default, "prevent"),
            (reaction.stop_propagation, "stop"),
        ];
        match reaction.action {
            keys::Action::Event(event) => {
                self.handle(event)?;
            }
            keys::Action::Tab(view) => {
                self.handle(Event::View(view))?;
                self.focus(&format!("tab-{}", view.id()))?;
            }
            keys::Action::CloseDrawer => {
                self.handle(Event::Drawer)?;
                self.focus("drawer-toggle")?;
            }
            keys::Action::None | keys::Action::Scroll | keys::Action::Play => {}
        }
        Ok(words
            .iter()
            .filter(|(said, _)| *said)
            .map(|(_, word)| *word)
            .collect::<Vec<_>>()
            .join(" "))
    }

    /// After "Show in …", moves the reader to what they asked for: the rows of the numbers no
    /// chart plots, marked (`aria-current`, which the styles highlight and screen readers
    /// announce) with the focus on the first, or else the view's title.
    fn show_target(&self, value: &str) -> Result<(), JsValue> {
        let marked = self.document.query_selector_all("#about [aria-current]")?;
        for index in 0..marked.length() {
            if let Some(row) = marked
                .item(index)
                .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
            {
                row.remove_attribute("aria-current")?;
            }
        }
        let rows: Vec<web_sys::Element> = view::Target::read(value)
            .map(|target| target.rows)
            .unwrap_or_default()
            .iter()
            .filter_map(|id| self.document.get_element_by_id(id))
            .collect();
        for row in &rows {
            set_attribute(row, "aria-current", "true")?;
        }
        let place = match rows.into_iter().next() {
            Some(row) => row,
            None => element(&self.document, "view-title")?,
        };
        place.scroll_into_view();
        if let Ok(place) = place.dyn_into::<web_sys::HtmlElement>() {
            place.focus()?;
        }
        Ok(())
    }

    /// Whether the page must say how far it can scroll for a press of `key` in `phase`
    /// (`before-control` or `after-control`): see [`keys::reads_scroll`]. Measuring forces a
    /// layout, so `www/app.js` asks first.
    pub fn reads_scroll(&self, key: &str, phase: &str) -> Result<bool, JsValue> {
        let phase = keys::Phase::read(phase);
        Ok(keys::reads_scroll(
            &self.session,
            self.key_page()?,
            key,
            phase,
        ))
    }

    /// What the page shows that decides a key press besides the session.
    fn key_page(&self) -> Result<keys::Page, JsValue> {
        let classes = self.root_classes()?;
        Ok(keys::Page {
            drawer_open: classes.contains("drawer-open"),
            no_chart: classes.contains("no-chart"),
        })
    }

    /// Moves the keyboard focus to the element of this id, when the page has it.
    fn focus(&self, id: &str) -> Result<(), JsValue> {
        if let Some(element) = self
            .document
            .get_element_by_id(id)
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            element.focus()?;
        }
        Ok(())
    }

    /// Restores the state from a URL query (after the browser's back or forward button).
    pub fn load(&mut self, query: &str) -> Result<(), JsValue> {
        let problems = self.session.load(query);
        self.apply_display()?;
        self.regions.clear();
        self.render()?;
        self.reveal_anchor()?;
        self.show_problems(&problems)
    }

    /// Redraws the chart alone, after its box was resized to `width` × `height` CSS pixels or
    /// the colour scheme changed.
    pub fn redraw(&mut self, width: f64, height: f64, dark: bool) -> Result<(), JsValue> {
        self.dark = dark;
        self.chart_size = Some((width, height));
        match view::plot(&self.session.state) {
            Some(plot) => self.draw_chart(&plot.translated(self.session.display.lang)),
            None => self.chart_gone(),
        }
    }

    /// What the chart shows now (categories, series, values, statuses and notes) as a plain
    /// object, for pages that script the explorer and for tests.
    pub fn plot(&self) -> Result<JsValue, JsValue> {
        serde_wasm_bindgen::to_value(&view::plot(&self.session.state))
            .map_err(|error| JsValue::from_str(&error.to_string()))
    }

    /// A text the page's script shows (Play's label) in the reader's language.
    pub fn say(&self, english: &str) -> String {
        self.text(english).into_owned()
    }

    /// The session (view or story, and display) as a query string, for the address bar.
    pub fn query(&self) -> String {
        self.session.query()
    }
}

impl App {
    /// Handles one event: the page's own (presentation, downloads, the drawer, the embed
    /// options, the Data quality list's search) here, every other by the session. Returns
    /// whether the view changed.
    fn handle(&mut self, event: Event) -> Result<bool, JsValue> {
        match event {
            Event::Present => {
                self.session.display.present = !self.session.display.present;
                self.apply_display()?;
                self.regions.clear();
                self.render()?;
                return Ok(true);
            }
            Event::Download(kind) => {
                self.download(&kind)?;
                return Ok(false);
            }
            Event::WorksheetPrint => return self.fill_worksheet(),
            Event::Drawer => {
                let open = self.root_classes()?.toggle("drawer-open")?;
                element(&self.document, "drawer-toggle")?
                    .set_attribute("aria-expanded", &open.to_string())?;
                return Ok(false);
            }
            Event::CopyClose => {
                set_hidden(&element(&self.document, "copy-panel")?, true)?;
                return Ok(false);
            }
            Event::EmbedPart(..)
            | Event::EmbedGroup(..)
            | Event::EmbedLock(_)
            | Event::EmbedOpen(_) => {
                self.choose_embed(&event)?;
                return Ok(false);
            }
            Event::Quality {
                name,
                value,
                checked,
            } => {
                let problem = self.quality.event(&self.document, name, &value, checked)?;
                self.show_problems(problem.as_slice())?;
                return Ok(false);
            }
            _ => {}
        }
        let before = self.session.clone();
        let keys = matches!(event, Event::Keys(_));
        let answering = matches!(event, Event::Answer(_));
        let goto = match &event {
            Event::Goto(target) => Some(target.clone()),
            _ => None,
        };
        match self.session.apply(event) {
            Ok(()) => {
                let changed = self.session != before;
                self.answered =
                    answering && self.session.tries().is_some_and(|tries| tries.last.is_ok());
                if keys {
                    self.apply_display()?;
                }
                if changed {
                    self.render()?;
                    if let Some(target) = goto {
                        self.show_target(&target)?;
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

    /// Scrolls to the finding or claim that the address's fragment names, now that the
    /// prebuilt list is in the page (on Back after "Show in …", or from a link to the item).
    fn reveal_anchor(&mut self) -> Result<(), JsValue> {
        // A view on a host page has no address of its own to name an item.
        let fragment = match self.document.location() {
            Some(location) => location.hash()?,
            None => return Ok(()),
        };
        self.quality.reveal(&self.document, &fragment)
    }

    /// The session's link with other display choices, for the embed code.
    fn query_with(&self, display: &Display) -> String {
        let flags = display.to_query();
        let link = self.session.link_in(display.lang);
        if flags.is_empty() {
            link
        } else {
            format!("{link}&{flags}")
        }
    }

    /// The classes of the page's root element, which the stylesheet reads for the page's modes.
    fn root_classes(&self) -> Result<web_sys::DomTokenList, JsValue> {
        Ok(self
            .document
            .document_element()
            .ok_or_else(|| JsValue::from_str("No root element."))?
            .class_list())
    }

    /// Sets the page's classes for presentation, embedding, locking and the hidden parts.
    fn apply_display(&mut self) -> Result<(), JsValue> {
        let classes = self.root_classes()?;
        classes.toggle_with_force("present", self.session.display.present)?;
        classes.toggle_with_force("embed", self.session.display.embed)?;
        classes.toggle_with_force("locked", self.session.display.lock)?;
        // A chart-only embed fills its frame, whose height the host gives by its width.
        classes.toggle_with_force(
            "chart-only",
            self.session.display.embed
                && self.session.display.is_chart_only()
                && self.session.step().is_none(),
        )?;
        for part in Part::ALL {
            let hidden = !self.session.display.shows(part)
                || (part == Part::Tabs && self.session.display.lock);
            classes.toggle_with_force(&format!("hide-{}", part.id()), hidden)?;
        }
        if let Some(keys) = self
            .document
            .get_element_by_id("keys")
            .and_then(|element| element.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            keys.set_checked(self.session.display.keys);
        }
        if let Some(button) = self.document.get_element_by_id("present") {
            set_attribute(
                &button,
                "aria-pressed",
                &self.session.display.present.to_string(),
            )?;
        }
        Ok(())
    }

    /// Puts the whole view into the page: tabs, controls, legend, chart, summary, table, key
    /// figures and notes. Each region is rewritten only when its content changed, since
    /// rewriting HTML costs the browser style and layout work.
    fn render(&mut self) -> Result<(), JsValue> {
        let focused = self.focused_id();
        let had_focus = self.has_focus();
        let plot = view::plot(&self.session.state);
        let lang = self.session.display.lang;
        // The chart and the summary speak the reader's language; the regions' HTML is made
        // from the English plot and translated as it is patched in.
        let shown = plot.as_ref().map(|plot| plot.translated(lang));
        // The chart is drawn before any region changes: setting the canvas font needs the
        // page's styles, and while they are still clean the browser need not recompute them.
        match &shown {
            Some(shown) => self.draw_chart(shown)?,
            None => self.chart_gone()?,
        }
        if self.update_region("tabs", html::tabs(&self.session.state))? {
            self.scroll_to_selected_tab()?;
        }
        self.update_region("story", html::story_bar(&self.session))?;
        self.update_region("story-steps", html::story_editor(&self.session))?;
        // A worksheet printed from a story is not printed again once the story is left.
        let printed = self
            .regions
            .get("worksheet")
            .is_some_and(|shown| !shown.is_empty());
        if printed && self.session.story.is_none() {
            self.update_region("worksheet", String::new())?;
        }
        let banner = html::focus_banner(&self.session, plot.as_ref());
        let no_banner = banner.is_empty();
        if self.update_region("focus-banner", banner)? {
            set_hidden(&element(&self.document, "focus-banner")?, no_banner)?;
        }
        let classes = self.root_classes()?;
        classes.toggle_with_force("story", self.session.step().is_some())?;
        classes.toggle_with_force("no-chart", plot.is_none())?;
        self.update_controls()?;
        let legend = html::legend_parts(&self.session.state, plot.as_ref());
        self.update_rows("legend", legend)?;
        if self.update_rows("table", html::table_parts(plot.as_ref()))? {
            // On a phone the table scrolls sideways: the keyboard must be able to reach it.
            let table = element(&self.document, "table")?;
            if plot.is_some() {
                set_attribute(&table, "tabindex", "0")?;
            } else {
                table.remove_attribute("tabindex")?;
            }
        }
        self.update_region("stats", html::stats(&view::stats(&self.session.state)))?;
        if self.update_region(
            "about",
            html::about(&self.session.state, self.session.display.lang),
        )? {
            self.fill_prebuilt()?;
            self.quality
                .attach(&self.document, self.session.display.lang)?;
        }
        let summary = shown
            .as_ref()
            .map(|shown| describe::summary_of(shown, lang))
            .unwrap_or_default();
        let document = &self.document;
        set_text(&element(document, "summary")?, &summary);
        set_hidden(&element(document, "figure")?, plot.is_none())?;
        set_attribute(
            &element(document, "app")?,
            "data-chart",
            &plot.is_some().to_string(),
        )?;
        let title = plot
            .as_ref()
            .map(|plot| plot.title.as_str())
            .unwrap_or("Data quality: audit findings and claims check");
        let title = text(lang, title);
        set_text(&element(document, "view-title")?, &title);
        // The summary is the chart's caption, read once; the picture's own name is short.
        set_attribute(
            &element(document, "chart")?,
            "aria-label",
            &html::chart_label(&title, lang),
        )?;
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
        // A view change can remove the focused control (a link into another view): the
        // keyboard then starts again at the new view's title, not at the top of the page.
        if had_focus && !self.has_focus() {
            if let Some(title) = self
                .document
                .get_element_by_id("view-title")
                .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
            {
                title.focus()?;
            }
        }
        Ok(())
    }

    /// Rebuilds the controls only when their shape changes (another view, measure, transform
    /// or chart kind); a checkbox toggle only sets the boxes' `checked` properties, so the
    /// screen reader's place stays where it was.
    fn update_controls(&mut self) -> Result<(), JsValue> {
        let shape = self.session.state.controls_shape();
        let html = html::controls(&shape, &self.session.display.controls);
        set_attribute(
            &element(&self.document, "app")?,
            "data-controls",
            &(!html.is_empty()).to_string(),
        )?;
        self.update_region("controls", html)?;
        let boxes = self
            .session
            .state
            .offered_series()
            .into_iter()
            .map(|(id, _)| {
                (
                    format!("ctl-series-{id}"),
                    self.session.state.shows_series(id),
                )
            })
            .chain(
                self.session
                    .state
                    .all_categories()
                    .into_iter()
                    .map(|category| {
                        (
                            format!("ctl-category-{}", category.id),
                            self.session.state.shows_category(&category.id),
                        )
                    }),
            );
        // The controls keep their shape while Play runs, so the timeline is moved here.
        if let Some(slider) = self
            .document
            .get_element_by_id("ctl-play-at")
            .and_then(|element| element.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            let state = &self.session.state;
            let position = state.play_position();
            let year = state
                .all_categories()
                .get(position)
                .map(|category| category.label.clone())
                .unwrap_or_default();
            slider.set_value(&position.to_string());
            let lang = self.session.display.lang;
            set_attribute(
                &slider,
                "aria-valuetext",
                &text(lang, &html::timeline_value_text(&year)),
            )?;
            if let Some(label) = slider.previous_element_sibling() {
                set_text(&label, &text(lang, &html::timeline_label(&year)));
            }
        }
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

    /// Draws `plot`, in the reader's language, on the page's canvas, and keeps its marks for
    /// the tooltip.
    fn draw_chart(&mut self, plot: &crate::plot::Plot) -> Result<(), JsValue> {
        let canvas: web_sys::HtmlCanvasElement = element(&self.document, "chart")?.dyn_into()?;
        // On a projector the text and lines must reach the back row.
        let style = Style {
            lang: self.session.display.lang,
            ..if self.session.display.present {
                Style::projector(self.dark)
            } else {
                Style::page(self.dark, 1.0)
            }
        };
        let drawn = match self.chart_size {
            Some((width, height)) => {
                canvas::draw_on_canvas_sized(&canvas, plot, &style, width, height)
            }
            None => canvas::draw_on_canvas(&canvas, plot, &style),
        };
        let hits = drawn.map_err(|problem| {
            JsValue::from_str(&format!("The chart could not be drawn: {problem}"))
        })?;
        self.chart_drawn(plot, hits)
    }

    /// Puts the open story's worksheet into the page's print-only region, and returns whether
    /// there is one to print (`www/app.js` then opens the browser's print dialog).
    fn fill_worksheet(&mut self) -> Result<bool, JsValue> {
        let Some((story, _)) = &self.session.story else {
            self.show_problems(&["Open a story to print it as a worksheet.".into()])?;
            return Ok(false);
        };
        let link = format!("{}?{}", self.page_address(), self.session.saved_link());
        let sheet = html::worksheet(story, &self.session.printing, &link);
        self.update_region("worksheet", sheet)?;
        Ok(true)
    }

    /// A text in the reader's language (see [`crate::lang::text`]).
    fn text<'a>(&self, english: &'a str) -> std::borrow::Cow<'a, str> {
        crate::lang::text(self.session.display.lang, english)
    }

    /// Shows messages about the link or an event, or clears them.
    fn show_problems(&self, problems: &[String]) -> Result<(), JsValue> {
        let message = element(&self.document, "message")?;
        let lang = self.session.display.lang;
        let problems: Vec<String> = problems
            .iter()
            .map(|problem| crate::lang::message(lang, problem))
            .collect();
        set_text(&message, &crate::notice::notice(&problems));
        set_hidden(&message, problems.is_empty())
    }

    /// Applies one of the choices of "Embed this view" to the embed code it offers.
    fn choose_embed(&mut self, event: &Event) -> Result<(), JsValue> {
        match *event {
            Event::EmbedOpen(open) => self.embed_open = open,
            Event::EmbedLock(lock) => self.embed_choice.lock = lock,
            Event::EmbedPart(part, shown) => self.embed_choice.set_part(part, shown),
            Event::EmbedGroup(group, shown) => self.embed_choice.set_group(group, shown),
            _ => return Ok(()),
        }
        self.update_share_links()
    }
}
