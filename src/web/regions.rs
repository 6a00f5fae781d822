//! The core's fragments put into the page's regions: each rewritten only when it changed, in
//! the reader's language, its rows patched one by one where only they changed, the prebuilt
//! parts filled in, and the keyboard focus kept where the reader had it.

use super::{element, lang, patch, App};
use crate::html;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

impl App {
    /// Whether an element other than the page itself has the keyboard focus.
    pub(super) fn has_focus(&self) -> bool {
        let body = self.document.body().map(web_sys::Element::from);
        self.document
            .active_element()
            .is_some_and(|element| Some(&element) != body.as_ref())
    }

    /// Scrolls the tab strip (which scrolls sideways on phones) so the selected tab shows,
    /// without moving the page.
    pub(super) fn scroll_to_selected_tab(&self) -> Result<(), JsValue> {
        let Some(tab) = self
            .document
            .query_selector("#tabs [role=tab][aria-selected=true]")?
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return Ok(());
        };
        let Some(strip) = tab.parent_element() else {
            return Ok(());
        };
        if strip.scroll_width() > strip.client_width() {
            let centred = tab.offset_left() - (strip.client_width() - tab.offset_width()) / 2;
            strip.set_scroll_left(centred.max(0));
        }
        Ok(())
    }

    /// The id of the element that has the keyboard focus, if any has one.
    pub(super) fn focused_id(&self) -> Option<String> {
        self.document
            .active_element()
            .map(|element| element.id())
            .filter(|id| !id.is_empty())
    }

    /// Replaces a region's HTML when it differs from what was last put there; returns whether
    /// it did.
    ///
    /// A region is patched to its new HTML, so that its unchanged nodes stay. It is written
    /// afresh the first time, after [`App::regions`] was cleared (whose callers want every
    /// control back in step with the core, whatever the reader did to it), and for `about`,
    /// whose placeholders [`App::fill_prebuilt`] fills after.
    pub(super) fn update_region(
        &mut self,
        id: &'static str,
        content: String,
    ) -> Result<bool, JsValue> {
        let content = match crate::lang::html(self.session.display.lang, &content) {
            std::borrow::Cow::Owned(translated) => translated,
            std::borrow::Cow::Borrowed(_) => content,
        };
        let region = element(&self.document, id)?;
        match self.regions.get(id) {
            Some(shown) if shown == &content => return Ok(false),
            Some(_) if id != "about" => patch::patch_children(&self.document, &region, &content)?,
            _ => region.set_inner_html(&content),
        }
        self.regions.insert(id, content);
        Ok(true)
    }

    /// Puts a region made of rows (the legend, the table) into the page; returns whether it
    /// changed. When only its rows and what follows them changed (a series toggled), they alone
    /// are patched, row by row, so the rest of the region is neither parsed nor compared.
    pub(super) fn update_rows(
        &mut self,
        id: &'static str,
        parts: html::Rows,
    ) -> Result<bool, JsValue> {
        let parts = parts.translated(self.session.display.lang);
        let html = parts.html();
        let shown = self.rows.insert(id, parts).unwrap_or_default();
        let parts = &self.rows[id];
        let same_head = !shown.head.is_empty() && shown.head == parts.head;
        let differs = self.regions.get(id).is_some_and(|last| last != &html);
        if !(same_head && differs) {
            return self.update_region(id, html);
        }
        let region = element(&self.document, id)?;
        // The head's first element holds the rows: the list itself, or the table's body.
        let Some(first) = region.first_element_child() else {
            return self.update_region(id, html);
        };
        let holder = match first.query_selector("tbody")? {
            Some(body) => body,
            None => first.clone(),
        };
        if !patch::patch_rows(&self.document, &holder, &shown.rows, &parts.rows)? {
            return self.update_region(id, html);
        }
        if shown.after != parts.after {
            patch::patch_after(&self.document, &region, &first, &parts.after)?;
        }
        self.regions.insert(id, html);
        Ok(true)
    }

    /// Copies the page's prebuilt parts (the audit and claims lists, see
    /// [`html::prebuilt_parts`]) into their placeholders.
    pub(super) fn fill_prebuilt(&self) -> Result<(), JsValue> {
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
            // While the parts are still a data block, the placeholder waits for `prebuilt_ready`; a
            // page that skipped the build step (www/ opened as it is) has none at all.
            match self.document.get_element_by_id(&format!("prebuilt-{id}")) {
                Some(template) => {
                    placeholder.set_inner_html(&template.inner_html());
                    lang::translate_within(&placeholder, self.session.display.lang)?;
                }
                None if self.prebuilt_pending() => {}
                None => placeholder.set_text_content(Some(
                    "Data quality's lists are missing: reload the page, or build it with `cargo xtask dist`.",
                )),
            }
        }
        Ok(())
    }
}
