//! The only module that knows the browser: it turns DOM events into core calls and the core's
//! output into DOM updates and canvas drawing.

use wasm_bindgen::prelude::*;

/// The explorer as the page holds it.
#[wasm_bindgen]
pub struct App {
    root: web_sys::Element,
}

#[wasm_bindgen]
impl App {
    /// Starts the explorer inside `root`.
    #[wasm_bindgen(constructor)]
    pub fn new(root: web_sys::Element) -> App {
        root.set_attribute("data-ready", "true").ok();
        App { root }
    }

    /// The number of data cells the core holds (a start-up check for the page).
    pub fn cell_count(&self) -> usize {
        let _ = &self.root;
        crate::data::all().len()
    }
}
