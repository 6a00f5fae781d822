//! The link to the view and "Embed this view": offered only when the page has an address that
//! someone else could open, with a live preview of the embedded view whose height the embed
//! code then uses.

use super::{element, set_hidden, set_text, App};
use crate::display::{embed_snippets, unshareable_reason};
use crate::html;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A height for the embed code before the preview has reported one.
const FIRST_GUESS_HEIGHT: u32 = 900;
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
        if self.embed_height != Some(height) {
            self.embed_height = Some(height);
            self.update_share_links()?;
        }
        Ok(())
    }
}

impl App {
    /// Fills the share link, the embed options and codes and the preview with the current
    /// state, or says why this page has no link to share.
    pub(super) fn update_share_links(&mut self) -> Result<(), JsValue> {
        let window = web_sys::window().ok_or_else(|| JsValue::from_str("No window."))?;
        let href = window.location().href().unwrap_or_default();
        let page = href
            .split(['?', '#'])
            .next()
            .unwrap_or_default()
            .to_string();
        let reason = unshareable_reason(&page);
        let document = &self.document;
        set_hidden(&element(document, "share-field")?, reason.is_some())?;
        set_hidden(&element(document, "embed")?, reason.is_some())?;
        let none = element(document, "share-none")?;
        set_text(&none, reason.unwrap_or_default());
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
        let document = &self.document;
        let query = self.query_with(&self.embed_choice);
        let height = self.embed_height.unwrap_or(FIRST_GUESS_HEIGHT);
        let title = format!("ICT Explorer: {}", self.session.state.view.label());
        let (frame, placeholder) = embed_snippets(&page, &query, height, &title);
        set_value(document, "embed-code", &frame)?;
        set_value(document, "embed-script", &placeholder)?;
        // The preview runs only while the box is open: it is a whole second explorer.
        let preview: web_sys::HtmlIFrameElement = element(document, "embed-preview")?.dyn_into()?;
        let source = if self.embed_open {
            format!("{page}?{query}")
        } else {
            String::new()
        };
        if preview.height() != height.to_string() {
            preview.set_height(&height.to_string());
        }
        if preview.get_attribute("src").unwrap_or_default() != source {
            if source.is_empty() {
                preview.remove_attribute("src")?;
            } else {
                preview.set_src(&source);
            }
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
