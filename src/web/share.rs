//! The link to the view and "Embed this view": offered only when the page has an address that
//! someone else could open, with a live preview of the embedded view whose height the embed
//! code then uses.

use super::{element, set_attribute, set_hidden, set_text, App};
use crate::display::{embed_snippets, unshareable_reason, FrameHeight};
use crate::html;
use crate::lang::Lang;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What the embed codes say until the preview has measured the embedded view's height.
const MEASURING: &str = "Measuring the embedded view in the preview below…";
/// The heights an embedded view can report, in CSS pixels; anything else is ignored.
const REPORTED_HEIGHTS: std::ops::RangeInclusive<f64> = 80.0..=40_000.0;

#[wasm_bindgen]
impl App {
    /// Takes the height the embed preview reports (a message from a frame, so untrusted):
    /// the embed code then asks for exactly that height.
    pub fn preview_height(&mut self, height: JsValue) -> Result<(), JsValue> {
        let Some(height) = height
            .as_f64()
            .filter(|height| REPORTED_HEIGHTS.contains(height))
        else {
            return Ok(());
        };
        let height = height.ceil() as u32;
        // While a new preview is due, the one reporting shows a view the code no longer asks for.
        if self.preview_due.is_none() && self.embed_height != Some(height) {
            self.embed_height = Some(height);
            self.update_share_links()?;
        }
        Ok(())
    }

    /// Loads the preview that the last changes asked for, if any. The page calls this once the
    /// teacher pauses: each load starts a whole second explorer, and a run of clicks that
    /// started one each made them faster than the browser frees them (in an event storm the
    /// tab held over 80 discarded explorers and half a gigabyte more memory).
    pub fn load_preview(&mut self) -> Result<(), JsValue> {
        let Some(source) = self.preview_due.take() else {
            return Ok(());
        };
        if self.embed_open {
            let preview: web_sys::HtmlIFrameElement =
                element(&self.document, "embed-preview")?.dyn_into()?;
            preview.set_src(&source);
            // A new preview measures its own height: the old one no longer applies.
            self.embed_height = None;
            self.update_share_links()?;
        }
        Ok(())
    }
}

impl App {
    /// The explorer's own address without its query or fragment (a view on a host page gives
    /// it as its document's).
    pub(super) fn page_address(&self) -> String {
        let href = self.document.url().unwrap_or_default();
        href.split(['?', '#'])
            .next()
            .unwrap_or_default()
            .to_string()
    }

    /// Points the header's language switch at this view in the other language, as the share
    /// link is made; hides it in embeds and in views on host pages (which have no address of
    /// their own), whose language their link or element chose.
    fn update_lang_switch(&self) -> Result<(), JsValue> {
        let Some(switch) = self.document.get_element_by_id("lang-switch") else {
            return Ok(());
        };
        let own_page = self.document.location().is_some() && !self.session.display.embed;
        set_hidden(&switch, !own_page)?;
        let other = match self.session.display.lang {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        };
        let mut display = self.session.display.clone();
        display.lang = other;
        set_attribute(&switch, "href", &format!("?{}", self.query_with(&display)))?;
        set_attribute(&switch, "hreflang", other.code())?;
        set_attribute(&switch, "lang", other.tag())?;
        set_text(&switch, other.name());
        Ok(())
    }

    /// Fills the share link, the embed options and codes and the preview with the current
    /// state, or says why this page has no link to share.
    pub(super) fn update_share_links(&mut self) -> Result<(), JsValue> {
        self.update_lang_switch()?;
        let page = self.page_address();
        let reason = unshareable_reason(&page);
        let document = &self.document;
        set_hidden(&element(document, "share-field")?, reason.is_some())?;
        set_hidden(&element(document, "embed")?, reason.is_some())?;
        let none = element(document, "share-none")?;
        set_text(&none, &self.text(reason.unwrap_or_default()));
        set_hidden(&none, reason.is_none())?;
        if reason.is_some() {
            return Ok(());
        }
        set_value(
            document,
            "share-link",
            &format!("{page}?{}", self.session.link()),
        )?;
        let options = html::embed_options(&self.session.state, &self.embed_choice);
        self.update_region("embed-options", options)?;
        let asked = self
            .embed_choice
            .offering(&html::offered_groups(&self.session.state));
        let query = self.query_with(&asked);
        // A story's embed shows its bar above the chart, so it is sized by its content too.
        let chart_only = asked.is_chart_only() && self.session.step().is_none();
        let title = match self.session.step() {
            Some((story, _, _)) if !story.title.is_empty() => {
                format!("ICT Explorer: {}", story.title)
            }
            Some(_) => "ICT Explorer: a story".to_string(),
            None => format!("ICT Explorer: {}", self.session.state.view().label()),
        };
        // The preview runs only while the box is open: it is a whole second explorer. Opening
        // the box or closing it takes effect at once (closing frees that explorer); a change
        // while it is open waits for `load_preview`.
        let preview: web_sys::HtmlIFrameElement =
            element(&self.document, "embed-preview")?.dyn_into()?;
        preview
            .class_list()
            .toggle_with_force("chart-only", chart_only)?;
        let source = if self.embed_open {
            format!("{page}?{query}")
        } else {
            String::new()
        };
        let shown = preview.get_attribute("src").unwrap_or_default();
        self.preview_due = None;
        if shown != source {
            if source.is_empty() {
                preview.remove_attribute("src")?;
                self.embed_height = None;
            } else if shown.is_empty() {
                preview.set_src(&source);
                self.embed_height = None;
            } else {
                self.preview_due = Some(source);
            }
        }
        // The height measured by a preview that is about to be replaced is not this view's.
        let measured = self.embed_height.filter(|_| self.preview_due.is_none());
        let height = if chart_only {
            Some(FrameHeight::ByWidth)
        } else {
            measured.map(FrameHeight::Measured)
        };
        let (frame, placeholder) = match height {
            Some(height) => embed_snippets(&page, &query, height, &title),
            // No guess: a guessed height would change under the teacher's eyes.
            None => (MEASURING.to_string(), MEASURING.to_string()),
        };
        let document = &self.document;
        set_value(document, "embed-code", &frame)?;
        set_value(document, "embed-script", &placeholder)?;
        match self.embed_height {
            Some(height) if !chart_only => {
                if preview.height() != height.to_string() {
                    preview.set_height(&height.to_string());
                }
            }
            _ => preview.remove_attribute("height")?,
        }
        Ok(())
    }
}

/// Sets the value of a text field or text area, when the page has it.
fn set_value(document: &web_sys::Document, id: &str, value: &str) -> Result<(), JsValue> {
    let Some(field) = document.get_element_by_id(id) else {
        return Ok(());
    };
    // Setting even the same value makes the browser lay the field out again.
    if let Some(input) = field.dyn_ref::<web_sys::HtmlInputElement>() {
        if input.value() != value {
            input.set_value(value);
        }
    } else if let Some(area) = field.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        if area.value() != value {
            area.set_value(value);
        }
    }
    Ok(())
}
