//! The Data quality list in the page: the reader's search and filters applied to the prebuilt
//! items, the counts beside the filters and in the contents, and the item that a link's
//! fragment or Back points at. What matches is decided by [`crate::quality`]; this module only
//! reads the items' `data-` attributes and, at the first search, their text, and sets `hidden`
//! and the counts.

use super::set_hidden;
use crate::lang::Lang;
use crate::quality::{self, Entry, Filter, Tally};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How long the list waits after the last change before the screen reader hears the count,
/// so that typing a word is not read out letter by letter.
const ANNOUNCE_AFTER_MS: i32 = 700;

/// The list's search and filters, kept while the page lives (so that Back, or a return to
/// Data quality, finds the list as the reader left it), and the elements they act on.
#[derive(Default)]
pub struct QualityList {
    filter: Filter,
    /// Each item in the page, with what the filters read of it.
    items: Vec<(web_sys::Element, Entry)>,
    /// Whether the items' words are read: not before the first search, since the page start
    /// and a list that is only filtered need none.
    texts_read: bool,
    /// The elements that show a count, with the count's key (`data-count`).
    counters: Vec<(web_sys::Element, String)>,
    /// The sections, hidden when the count they hold is 0 (`data-holds`).
    holders: Vec<(web_sys::Element, String)>,
    /// The timer of the screen reader's announcement, while one waits.
    announcement: Option<i32>,
    /// The reader's language, in which the list says what it shows.
    lang: Lang,
}

/// The elements of `document` that match `selector`, each with its `attribute`.
fn with_attribute(
    document: &web_sys::Document,
    selector: &str,
    attribute: &str,
) -> Result<Vec<(web_sys::Element, String)>, JsValue> {
    let nodes = document.query_selector_all(selector)?;
    Ok((0..nodes.length())
        .filter_map(|index| nodes.item(index)?.dyn_into::<web_sys::Element>().ok())
        .map(|element| {
            let value = element.get_attribute(attribute).unwrap_or_default();
            (element, value)
        })
        .collect())
}

impl QualityList {
    /// Finds the list's items after the prebuilt parts were put into the page (there are none
    /// outside Data quality), and applies the reader's search and filters to them.
    pub fn attach(&mut self, document: &web_sys::Document, lang: Lang) -> Result<(), JsValue> {
        self.lang = lang;
        self.items = with_attribute(document, ".quality-item[data-kind]", "data-kind")?
            .into_iter()
            .map(|(element, kind)| {
                let attribute = |name| element.get_attribute(name).unwrap_or_default();
                let entry = Entry::from_attributes(
                    &kind,
                    &attribute("data-sources"),
                    &attribute("data-section"),
                );
                (element, entry)
            })
            .collect();
        self.texts_read = false;
        self.counters = with_attribute(document, ".quality [data-count]", "data-count")?;
        self.holders = with_attribute(document, ".quality [data-holds]", "data-holds")?;
        if self.items.is_empty() {
            return Ok(());
        }
        self.show_controls(document)?;
        self.show(document, false)
    }

    /// Applies one event of the search and filters. Returns the problem with it, if any, for
    /// the page's message line.
    pub fn event(
        &mut self,
        document: &web_sys::Document,
        name: &str,
        value: &str,
        checked: bool,
    ) -> Result<Option<String>, JsValue> {
        if let Err(problem) = self.filter.apply(name, value, checked) {
            return Ok(Some(problem));
        }
        if name == quality::CLEAR {
            self.show_controls(document)?;
            // Clear hides itself: the search box takes the focus it had.
            if let Some(search) = search_box(document) {
                search.focus()?;
            }
        }
        self.show(document, true)?;
        Ok(None)
    }

    /// Scrolls to the item that `fragment` (`location.hash`) names and gives it the focus,
    /// after the list is in the page: the browser's own scroll to the fragment came before the
    /// list did. An item the filters hide is shown by clearing them, since the link asked for it.
    pub fn reveal(&mut self, document: &web_sys::Document, fragment: &str) -> Result<(), JsValue> {
        let Some(item) = quality::anchor_in(fragment).and_then(|id| document.get_element_by_id(id))
        else {
            return Ok(());
        };
        if item.has_attribute("hidden") {
            self.filter = Filter::default();
            self.show_controls(document)?;
            self.show(document, true)?;
        }
        item.scroll_into_view_with_bool(true);
        if let Ok(item) = item.dyn_into::<web_sys::HtmlElement>() {
            item.focus()?;
        }
        Ok(())
    }

    /// Puts the search and filters into their controls, which a rewritten list has lost.
    fn show_controls(&self, document: &web_sys::Document) -> Result<(), JsValue> {
        if let Some(search) = search_box(document) {
            if search.value() != self.filter.query() {
                search.set_value(self.filter.query());
            }
        }
        for kind in quality::kinds() {
            if let Some(checkbox) = document
                .get_element_by_id(&format!("quality-kind-{kind}"))
                .and_then(|element| element.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                checkbox.set_checked(self.filter.shows_kind(kind));
            }
        }
        if let Some(choice) = document.get_element_by_id("quality-source") {
            js_sys::Reflect::set(
                &choice,
                &JsValue::from_str("value"),
                &JsValue::from_str(self.filter.source_id()),
            )?;
        }
        Ok(())
    }

    /// Shows the items the filters leave and hides the others, sets the counts, and, when
    /// `announce`, tells the screen reader the count once the reader pauses.
    fn show(&mut self, document: &web_sys::Document, announce: bool) -> Result<(), JsValue> {
        if self.filter.searches() && !self.texts_read {
            self.read_texts()?;
        }
        let tally = Tally::of(
            self.items.iter().map(|(_, entry)| entry),
            &self.filter,
            self.lang,
        );
        for (element, entry) in &self.items {
            let hidden = !self.filter.matches(entry);
            if element.has_attribute("hidden") != hidden {
                set_hidden(element, hidden)?;
            }
        }
        for (element, key) in &self.counters {
            let count = tally.count(key).to_string();
            if element.text_content().as_deref() != Some(count.as_str()) {
                element.set_text_content(Some(&count));
            }
        }
        for (element, key) in &self.holders {
            set_hidden(element, tally.count(key) == 0)?;
        }
        if let Some(shown) = document.get_element_by_id("quality-shown") {
            shown.set_text_content(Some(&tally.status));
        }
        if let Some(clear) = document.get_element_by_id("quality-clear") {
            set_hidden(&clear, !self.filter.is_active())?;
        }
        if announce {
            self.announce(document, tally.status)?;
        }
        Ok(())
    }

    /// Reads each item's words from its text, as [`Entry::read_text`] takes them.
    fn read_texts(&mut self) -> Result<(), JsValue> {
        for (element, entry) in &mut self.items {
            let parts = element.query_selector_all(quality::SEARCHED_PARTS)?;
            let texts: Vec<String> = (0..parts.length())
                .filter_map(|index| parts.item(index)?.text_content())
                .collect();
            entry.read_text(texts.iter().map(String::as_str));
        }
        self.texts_read = true;
        Ok(())
    }

    /// Says `status` in the list's polite live region after [`ANNOUNCE_AFTER_MS`] without
    /// another change.
    fn announce(&mut self, document: &web_sys::Document, status: String) -> Result<(), JsValue> {
        let (Some(window), Some(region)) = (
            web_sys::window(),
            document.get_element_by_id("quality-announce"),
        ) else {
            return Ok(());
        };
        if let Some(waiting) = self.announcement.take() {
            window.clear_timeout_with_handle(waiting);
        }
        let say = Closure::once_into_js(move || region.set_text_content(Some(&status)));
        self.announcement = Some(
            window.set_timeout_with_callback_and_timeout_and_arguments_0(
                say.unchecked_ref(),
                ANNOUNCE_AFTER_MS,
            )?,
        );
        Ok(())
    }
}

fn search_box(document: &web_sys::Document) -> Option<web_sys::HtmlInputElement> {
    document
        .get_element_by_id("quality-search")?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()
}
