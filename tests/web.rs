//! Browser tests: run in headless Chromium by `cargo xtask test` (wasm-bindgen-test-runner
//! through ChromeDriver).
#![cfg(target_arch = "wasm32")]

use ict_explorer::web::App;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = document, js_name = createElement)]
    fn create_element(tag: &str) -> web_sys::Element;
}

#[wasm_bindgen_test]
fn the_browser_gives_us_a_canvas() {
    let canvas = create_element("canvas");
    assert_eq!(canvas.tag_name(), "CANVAS");
}

#[wasm_bindgen_test]
fn the_data_is_there_in_wasm() {
    assert!(!ict_explorer::data::all().is_empty());
}

#[wasm_bindgen_test]
fn the_app_starts_and_marks_its_root_ready() {
    let root = create_element("main");
    let app = App::new(root.clone());
    assert_eq!(root.get_attribute("data-ready").as_deref(), Some("true"));
    assert_eq!(app.cell_count(), ict_explorer::data::all().len());
}
